//! What the generator makes of wire facts: the Rust type of a value, and
//! the Rust names of enum values, properties and parameters, so a
//! difference is classified by what it does to the generated code.

use std::collections::BTreeSet;

use super::facts::{Kind, Type};
use crate::naming;

/// Where a type is used: a model field, or a parameter (which the runtime
/// must send as `key=value` pairs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    Model,
    Parameter,
}

/// The Rust type the generator gives a value of `ty` (a model field's own
/// `Option` aside), as `lower` decides it: enums and structs by kind, not
/// by name, since names are no wire fact.
pub(crate) fn rust_type(ty: &Type, used: Use) -> String {
    const JSON: &str = "serde_json::Value";
    let inner = |t: &Option<Box<Type>>| {
        t.as_deref()
            .map_or_else(|| JSON.to_owned(), |t| rust_type(t, used))
    };
    match ty.kind {
        Kind::String if ty.values.is_some() => "an enum".to_owned(),
        Kind::String if ty.format.as_deref() == Some("date-time") => "DateTime<Utc>".to_owned(),
        Kind::String if ty.format.as_deref() == Some("date") => "chrono::NaiveDate".to_owned(),
        Kind::String => "String".to_owned(),
        Kind::Integer if ty.format.as_deref() == Some("int32") => "i32".to_owned(),
        Kind::Integer => "i64".to_owned(),
        Kind::Number => "f64".to_owned(),
        Kind::Boolean => "bool".to_owned(),
        Kind::Array => format!("Vec<{}>", inner(&ty.items)),
        // Objects and maps have no `key=value` form: they are sent as JSON.
        Kind::Object if used == Use::Parameter => JSON.to_owned(),
        Kind::Object if ty.format.as_deref() == Some("uri-map") => {
            "BTreeMap<String, String>".to_owned()
        }
        Kind::Object if ty.has_properties => "a struct".to_owned(),
        Kind::Object if ty.map_values.is_some() => {
            format!("BTreeMap<String, {}>", inner(&ty.map_values))
        }
        // A tagged `oneOf` is an enum of its own; other compositions are JSON.
        Kind::OneOf if ty.union.is_some() => "a union enum".to_owned(),
        // The type of the component it leads back to, or JSON, by how deep
        // the generator is when it meets it: equal to nothing but itself.
        Kind::Recursive => "a recursive reference".to_owned(),
        _ => JSON.to_owned(),
    }
}

/// The enum variant a string value becomes (before any collision is settled).
pub(crate) fn variant_name(value: &str) -> String {
    naming::pascal(value)
}

/// The field a property or parameter becomes (before any collision is settled).
pub(crate) fn field_name(wire: &str) -> String {
    naming::bare(&naming::snake(wire)).to_owned()
}

/// Whether `added`, converted by `convert`, collides with another of
/// `names` (which holds `added` too) or with one of `reserved`: then the
/// generator numbers one of them, and which one depends on the order it
/// meets them in, so an existing name may change.
pub(crate) fn collides<'n>(
    added: &str,
    names: impl IntoIterator<Item = &'n str>,
    reserved: &[&str],
    convert: fn(&str) -> String,
) -> bool {
    let name = convert(added);
    let others: BTreeSet<String> = names
        .into_iter()
        .filter(|other| *other != added)
        .map(convert)
        .collect();
    // `Unknown`, or `Unknown2` once a value took `Unknown`.
    let numbered = |r: &&str| {
        name.strip_prefix(*r)
            .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_digit()))
    };
    others.contains(&name) || reserved.iter().any(numbered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_types_follow_the_generator() {
        let model = |t: &Type| rust_type(t, Use::Model);
        assert_eq!(model(&Type::of(Kind::String)), "String");
        assert_eq!(model(&Type::of(Kind::String).with_format("uri")), "String");
        assert_eq!(
            model(&Type::of(Kind::String).with_format("date-time")),
            "DateTime<Utc>"
        );
        assert_eq!(model(&Type::of(Kind::Integer)), "i64");
        assert_eq!(model(&Type::of(Kind::Integer).with_format("int32")), "i32");
        assert_eq!(model(&Type::array_of(Type::of(Kind::Boolean))), "Vec<bool>");
        assert_eq!(
            model(&Type::of(Kind::Object).with_format("uri-map")),
            "BTreeMap<String, String>"
        );
        assert_eq!(model(&Type::of(Kind::Object)), "serde_json::Value");
        let object = Type {
            has_properties: true,
            ..Type::of(Kind::Object)
        };
        assert_eq!(model(&object), "a struct");
        assert_eq!(rust_type(&object, Use::Parameter), "serde_json::Value");
        assert_eq!(
            model(&Type::of(Kind::String).with_format("date")),
            "chrono::NaiveDate"
        );
        // Neither is another type under another name.
        assert_ne!(model(&Type::of(Kind::Recursive)), model(&object));
        // A `oneOf` without a tagged enum is JSON, like any composition.
        assert_eq!(model(&Type::of(Kind::OneOf)), model(&Type::of(Kind::Any)));
        let union = Type {
            union: Some(crate::compare::facts::Union {
                property: "kind".to_owned(),
                tags: [("card".to_owned(), "Card".to_owned())].into(),
            }),
            ..Type::of(Kind::OneOf)
        };
        assert_eq!(model(&union), "a union enum");
    }

    #[test]
    fn collisions_are_found_by_the_generated_name() {
        let values = ["in-progress", "in_progress", "done"];
        assert!(collides("in-progress", values, &[], variant_name));
        assert!(!collides("done", values, &[], variant_name));
        // The catch-all variant is `Unknown` unless a value takes it.
        assert!(collides(
            "unknown",
            ["unknown", "done"],
            &["Unknown"],
            variant_name
        ));
        assert!(collides(
            "unknown_2",
            ["unknown_2"],
            &["Unknown"],
            variant_name
        ));
        assert!(!collides(
            "unknown_error",
            ["unknown_error"],
            &["Unknown"],
            variant_name
        ));
        let fields = ["DateCreated", "date_created", "Sid"];
        assert!(collides("DateCreated", fields, &[], field_name));
        assert!(!collides("Sid", fields, &[], field_name));
    }
}
