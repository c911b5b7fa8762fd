//! Spec text inside generated code: Rust string literals, TOML strings and
//! code spans in doc comments.
//!
//! Names, paths and titles come from the spec as they are, and may hold
//! quotes, backslashes, newlines or anything else. Templates never paste
//! them raw: they call the helpers at the bottom of this file, which escape.

use crate::ir::{
    Api, Example, JsonBody, ModelField, Operation, ParamField, SampleValue, Union, UnionVariant,
    Variant,
};

/// A Rust string literal, quotes included: `a"b` → `"a\"b"`.
pub fn rust_str(text: &str) -> String {
    // `Debug` for `str` writes exactly a valid Rust string literal.
    format!("{text:?}")
}

/// The inside of a TOML basic string (without the quotes).
pub fn toml_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Text for one doc-comment line: control characters, which would end the
/// comment or are not allowed in it, are written as escapes (`\n`).
pub fn doc_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

// Helpers the templates call.

impl Api {
    /// The default base URL as a Rust string literal, if the spec names one.
    pub fn base_url_lit(&self) -> Option<String> {
        self.base_url.as_deref().map(rust_str)
    }

    /// The title for a doc comment.
    pub fn title_doc(&self) -> String {
        doc_text(&self.title)
    }

    /// The license inside a TOML string.
    pub fn license_toml(&self) -> String {
        toml_str(&self.license)
    }

    /// The repository URL inside a TOML string.
    pub fn repository_toml(&self) -> Option<String> {
        self.repository.as_deref().map(toml_str)
    }

    /// The title inside a TOML string.
    pub fn title_toml(&self) -> String {
        toml_str(&self.title)
    }

    /// The standard (and nowhere sensitive) JSON keys as Rust string literals.
    pub fn standard_key_lits(&self) -> Vec<String> {
        self.standard_keys.iter().map(|k| rust_str(k)).collect()
    }

    /// The sensitive JSON keys as Rust string literals.
    pub fn sensitive_key_lits(&self) -> Vec<String> {
        self.sensitive_keys.iter().map(|k| rust_str(k)).collect()
    }
}

impl ModelField {
    /// The field's name as `Debug` prints it (no `r#`), as a Rust string literal.
    pub fn debug_lit(&self) -> String {
        rust_str(crate::naming::bare(&self.rust_name))
    }
}

impl ParamField {
    /// The field's name as `Debug` prints it (no `r#`), as a Rust string literal.
    pub fn debug_lit(&self) -> String {
        rust_str(crate::naming::bare(&self.rust_name))
    }
}

impl ModelField {
    /// The JSON key as a Rust string literal.
    pub fn wire_lit(&self) -> String {
        rust_str(&self.wire_name)
    }

    /// The JSON key for a doc comment.
    pub fn wire_doc(&self) -> String {
        doc_text(&self.wire_name)
    }
}

impl Union {
    /// The tag's JSON key as a Rust string literal.
    pub fn tag_lit(&self) -> String {
        rust_str(&self.tag)
    }

    /// The tag's JSON key for a doc comment.
    pub fn tag_doc(&self) -> String {
        doc_text(&self.tag)
    }
}

impl UnionVariant {
    /// The tag value as a Rust string literal.
    pub fn tag_lit(&self) -> String {
        rust_str(&self.tag)
    }

    /// The tag value for a doc comment.
    pub fn tag_doc(&self) -> String {
        doc_text(&self.tag)
    }
}

impl JsonBody {
    /// The media type as a Rust string literal.
    pub fn content_type_lit(&self) -> String {
        rust_str(&self.content_type)
    }
}

impl ParamField {
    /// The name on the wire as a Rust string literal.
    pub fn wire_lit(&self) -> String {
        rust_str(&self.wire_name)
    }

    /// The name on the wire for a doc comment.
    pub fn wire_doc(&self) -> String {
        doc_text(&self.wire_name)
    }
}

impl SampleValue {
    /// The strings of a `Str` or `Strs` value as Rust string literals.
    pub fn str_lits(&self) -> Vec<String> {
        match self {
            SampleValue::Str(text) => vec![rust_str(text)],
            SampleValue::Strs(texts) => texts.iter().map(|t| rust_str(t)).collect(),
            _ => Vec::new(),
        }
    }
}

impl Variant {
    /// The value on the wire as a Rust string literal.
    pub fn wire_lit(&self) -> String {
        rust_str(&self.wire)
    }

    /// The value on the wire for a doc comment.
    pub fn wire_doc(&self) -> String {
        doc_text(&self.wire)
    }
}

impl Operation {
    /// The `Accept` media type as a Rust string literal (`application/json` by default).
    pub fn accept_lit(&self) -> String {
        rust_str(self.accept.as_deref().unwrap_or("application/json"))
    }

    /// The path for a doc comment.
    pub fn path_doc(&self) -> String {
        doc_text(&self.path)
    }

    /// The operationId as a Rust string literal.
    pub fn operation_id_lit(&self) -> String {
        rust_str(&self.operation_id)
    }

    /// The path as the spec writes it, as a Rust string literal.
    pub fn path_lit(&self) -> String {
        rust_str(&self.path)
    }

    /// [`Operation::request_example_others`] as a Rust string literal.
    pub fn request_example_others_lit(&self) -> String {
        rust_str(&self.request_example_others)
    }

    /// The `format!` string of the path as a Rust string literal.
    pub fn path_format_lit(&self) -> String {
        rust_str(&self.path_format)
    }

    /// The spec's `operationId` for a doc comment.
    pub fn operation_id_doc(&self) -> String {
        doc_text(&self.operation_id)
    }
}

impl Example {
    /// The example's name as a Rust string literal.
    pub fn name_lit(&self) -> String {
        rust_str(&self.name)
    }

    /// The undeclared keys, each as a Rust string literal.
    pub fn undeclared_lits(&self) -> Vec<String> {
        self.undeclared.iter().map(|key| rust_str(key)).collect()
    }
}

impl crate::ir::PiiCase {
    /// The field's name as `Debug` prints it, for a check inside a string literal.
    pub fn field_debug(&self) -> String {
        let lit = rust_str(crate::naming::bare(&self.field));
        lit[1..lit.len() - 1].to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_what_they_must() {
        assert_eq!(rust_str("Timers.Inactive"), "\"Timers.Inactive\"");
        assert_eq!(rust_str("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        assert_eq!(rust_str("café"), "\"café\"");
        assert_eq!(
            toml_str("Odd \"Names\" \\ \n"),
            r#"Odd \"Names\" \\ \u000A"#
        );
        assert_eq!(doc_text("line\nbreak\r"), r"line\nbreak\r");
    }
}
