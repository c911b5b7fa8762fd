//! Helpers shared by the workspace's test targets.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ lives inside the workspace")
        .to_owned()
}

/// Twilio's published spec, read from `../shared/specs/` beside the project
/// (never copied into it). Under CI a missing file is a failure; elsewhere
/// the caller skips its test, and this says so.
pub fn twilio_spec() -> Option<PathBuf> {
    let spec = root().join("../shared/specs/twilio_conversations_v1.yaml");
    if spec.is_file() {
        return Some(spec);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing; CI must have ../shared beside the project",
            spec.display()
        );
    }
    eprintln!("skipped: {} is missing", spec.display());
    None
}

/// Our spec, `spec/conversations_v1.yaml`.
pub fn our_spec() -> PathBuf {
    root().join("spec/conversations_v1.yaml")
}

/// Generates the crate from our spec, as `cargo xtask generate` does.
pub fn generate_ours() -> codegen::Generated {
    codegen::generate(&our_spec(), &codegen::Options::default())
        .unwrap_or_else(|err| panic!("our spec must generate: {err}"))
}
