//! Reading a spec file into the `openapiv3` model, with errors that say where.

use std::path::Path;

use crate::error::{Error, Result};

/// Parses spec text (YAML or JSON) into an OpenAPI 3.0 document.
///
/// `path` is only used in error messages.
pub fn parse(path: &Path, text: &str) -> Result<openapiv3::OpenAPI> {
    let value: serde_yaml::Value =
        serde_yaml::from_str(text).map_err(|err| syntax_error(path, &err))?;
    check_version(path, &value)?;
    openapiv3::OpenAPI::deserialize(value).map_err(|err| Error::Structure {
        path: path.to_owned(),
        message: err.to_string(),
    })
}

/// Reads and parses a spec file.
pub fn read(path: &Path) -> Result<openapiv3::OpenAPI> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    parse(path, &text)
}

use serde::Deserialize as _;

fn syntax_error(path: &Path, err: &serde_yaml::Error) -> Error {
    let location = err
        .location()
        .map(|loc| format!(":{}:{}", loc.line(), loc.column()))
        .unwrap_or_default();
    Error::Syntax {
        path: path.to_owned(),
        location,
        message: err.to_string(),
    }
}

fn check_version(path: &Path, doc: &serde_yaml::Value) -> Result<()> {
    let unsupported = |found: String| {
        Err(Error::UnsupportedVersion {
            path: path.to_owned(),
            found,
        })
    };
    let Some(map) = doc.as_mapping() else {
        return unsupported("the document is not a mapping of OpenAPI fields".into());
    };
    if let Some(swagger) = map.get("swagger") {
        return unsupported(format!("it is a Swagger {} document", scalar_text(swagger)));
    }
    match map.get("openapi") {
        None => unsupported("it has no `openapi` field, so it is not an OpenAPI document".into()),
        Some(version) => {
            let version = scalar_text(version);
            if version.starts_with("3.0.") {
                Ok(())
            } else {
                unsupported(format!("it declares `openapi: {version}`"))
            }
        }
    }
}

fn scalar_text(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        _ => "(not a scalar)".into(),
    }
}
