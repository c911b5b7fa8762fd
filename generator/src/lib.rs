//! Generates an async Rust client crate from an OpenAPI 3.0 description of a
//! Twilio API.
//!
//! ```no_run
//! use std::path::Path;
//!
//! let generated = codegen::generate(Path::new("spec/conversations_v1.yaml"), &codegen::Options::default())?;
//! let report = codegen::write(&generated, Path::new("generated-client"))?;
//! println!("{} files written", report.written.len());
//! # Ok::<(), codegen::Error>(())
//! ```
//!
//! The pipeline runs one way: [`load`] reads the spec into the `openapiv3`
//! model, [`lower`] decides every Rust name and type in the [`ir`], [`render`]
//! fills the askama templates and formats each file with prettyplease
//! (except the items a template wrote in their final layout), and
//! [`output`] writes the files.

pub mod compare;
pub mod docs;
pub mod error;
pub mod ir;
pub mod literal;
pub mod load;
pub mod lower;
pub mod naming;
pub mod output;
pub mod render;
mod sample;

use std::path::Path;

pub use error::{Error, Result};
pub use output::{WriteReport, check, write};
pub use render::Files;

/// Options for [`generate`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The package name of the generated crate; by default derived from the
    /// spec's `info.title` (`Twilio Conversations` → `twilio-conversations`).
    pub crate_name: Option<String>,
}

/// A generated crate, in memory.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The IR the files were rendered from.
    pub api: ir::Api,
    /// The files, by path relative to the crate root.
    pub files: Files,
}

/// Generates a client crate from the spec file at `spec_path`.
pub fn generate(spec_path: &Path, options: &Options) -> Result<Generated> {
    let text = load::read_text(spec_path)?;
    generate_from_str(spec_path, &text, options)
}

/// Generates a client crate from spec text; `spec_path` names it in errors
/// and in the generated files' header.
pub fn generate_from_str(spec_path: &Path, text: &str, options: &Options) -> Result<Generated> {
    let spec = load::parse(spec_path, text)?;
    let api = lower::lower(
        spec_path,
        &spec,
        &lower::LowerOptions {
            crate_name: options.crate_name.clone(),
        },
    )?;
    // The parsed spec is a large tree no longer needed; freeing it takes a
    // couple of milliseconds, which another thread can spend while this one
    // renders. (If no thread can be started, it is freed here.)
    let _ = std::thread::Builder::new().spawn(move || drop(spec));
    let origin = render::Origin {
        spec_name: spec_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| spec_path.display().to_string()),
    };
    let files = render::render(&api, &origin)?;
    Ok(Generated { api, files })
}
