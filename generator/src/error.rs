//! The one error type of the generator.

use std::path::PathBuf;

/// Why a spec could not be turned into a client crate.
///
/// Every variant names the file it is about and, where it applies, the place
/// inside it (a YAML line and column, or a JSON pointer and operation).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec file could not be read.
    #[error("cannot read the spec {}: {source}", line(path.display()))]
    Read {
        /// The file that was asked for.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not well-formed YAML or JSON.
    #[error(
        "{}{location}: the spec is not valid YAML or JSON: {}",
        line(path.display()),
        line(message)
    )]
    Syntax {
        /// The spec file.
        path: PathBuf,
        /// `:line:column` when the parser knows it.
        location: String,
        /// The parser's message.
        message: String,
    },
    /// The document parses but is not an OpenAPI version this generator reads.
    #[error(
        "{}: {}; this generator reads OpenAPI 3.0.x descriptions only (`openapi: 3.0.0` to `3.0.4`), not OpenAPI 3.1 or Swagger 2.0",
        line(path.display()),
        line(found)
    )]
    UnsupportedVersion {
        /// The spec file.
        path: PathBuf,
        /// What the document declares, in words.
        found: String,
    },
    /// The document is OpenAPI 3.0 in name but its structure does not match.
    #[error(
        "{}: {}{}: this does not match OpenAPI 3.0: {}",
        line(path.display()),
        line(pointer),
        operation_of(pointer),
        line(message)
    )]
    Structure {
        /// The spec file.
        path: PathBuf,
        /// A JSON pointer to the innermost node that does not fit, e.g.
        /// `#/paths/~1v1~1Things/get/parameters/0`.
        pointer: String,
        /// The deserializer's message.
        message: String,
    },
    /// Something inside a valid document cannot be generated.
    #[error(
        "{}: {}{}: {}",
        line(path.display()),
        line(pointer),
        operation_of(pointer),
        line(message)
    )]
    Unsupported {
        /// The spec file.
        path: PathBuf,
        /// A JSON pointer into the document, e.g. `#/paths/~1v1~1Conversations/post`.
        pointer: String,
        /// What is wrong, and what would fix it.
        message: String,
    },
    /// A rendered template is not valid Rust; this is a bug in the templates.
    #[error(
        "template `{template}` rendered invalid Rust ({}); this is a generator bug",
        line(message)
    )]
    InvalidRust {
        /// The template that rendered the file.
        template: String,
        /// syn's message.
        message: String,
    },
    /// A template failed to render.
    #[error("template `{template}` failed to render: {source}")]
    Render {
        /// The template.
        template: String,
        /// askama's error.
        source: askama::Error,
    },
    /// Writing the output failed; the previous output is left as it was.
    #[error("cannot write {}: {source}", line(path.display()))]
    Write {
        /// The file or directory being written.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

/// Text from the spec on one line: control characters (a newline in a
/// name, say) are written as escapes, so an error stays one paragraph.
fn line(text: impl std::fmt::Display) -> String {
    let text = text.to_string();
    if !text.chars().any(char::is_control) {
        return text;
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// ` (in GET /v1/Things)` when `pointer` is inside an operation, else empty.
fn operation_of(pointer: &str) -> String {
    let mut parts = pointer.split('/');
    if (parts.next(), parts.next()) != (Some("#"), Some("paths")) {
        return String::new();
    }
    let (Some(path), Some(method)) = (parts.next(), parts.next()) else {
        return String::new();
    };
    const METHODS: &[&str] = &[
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    if !METHODS.contains(&method) {
        return String::new();
    }
    let path = path.replace("~1", "/").replace("~0", "~");
    format!(" (in {} {})", method.to_uppercase(), line(path))
}

/// The generator's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
