//! The arguments and setter calls that an operation's doc example shows.
//!
//! A doc example reads best with real values, so they come from the spec:
//! first its example of the request body (keyed by wire name), then its
//! example of the response (keyed by snake_case field name, the first item
//! of a page for lists), whose values are usually the ones the request set.
//! A value is used only where its JSON type fits the setter exactly (a
//! single string counts as a one-item list, as a form sends it); an enum
//! value only when it is one of the enum's known values. A required field
//! the examples give no value for gets a placeholder of its type, so the
//! example always compiles.

mod body;

use serde_json::{Map, Value};

pub(crate) use body::{Types, body_sample};

use crate::ir::{Enum, Example, Location, ParamField, RustType, SampleSetter, SampleValue};
use crate::naming;

/// What a doc example passes to `new` and which setters it calls.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Samples {
    /// One value per constructor argument, in order.
    pub(crate) args: Vec<SampleValue>,
    /// The setter calls, on optional fields only.
    pub(crate) setters: Vec<SampleSetter>,
}

/// How many setter calls an example shows at most.
const MAX_SETTERS: usize = 2;

/// Strings longer than this make an example harder to read, not clearer.
const MAX_STRING: usize = 40;

/// Picks a value for each of the `constructor` fields (indices into
/// `fields`), and up to [`MAX_SETTERS`] setter calls for the optional
/// fields, in field order, headers last. Without any usable example value
/// and with nothing required, other than for a list, it falls back to one
/// setter: an enum's first variant or an upper-case placeholder string.
pub(crate) fn samples(
    fields: &[ParamField],
    constructor: &[usize],
    enums: &[Enum],
    request: &[Example],
    response: &[Example],
    items_key: Option<&str>,
) -> Samples {
    let request = request.first().and_then(|e| object(&e.json));
    let response = response.first().and_then(|e| object(&e.json));
    let record = match (response, items_key) {
        (Some(page), Some(key)) => page
            .get(key)
            .and_then(Value::as_array)
            .and_then(|items| items.first())
            .and_then(Value::as_object)
            .cloned(),
        (response, _) => response,
    };

    // Values the request example sets come first (keyed by wire name); the
    // response record fills in (keyed by field name).
    let sources = [(request.as_ref(), true), (record.as_ref(), false)];
    let example_value = |field: &ParamField| {
        sources.iter().find_map(|(source, by_wire_name)| {
            let key = if *by_wire_name {
                field.wire_name.as_str()
            } else {
                naming::bare(&field.rust_name)
            };
            sample_value(&field.ty, source.as_ref()?.get(key)?, enums)
        })
    };
    let args = constructor
        .iter()
        .filter_map(|&i| fields.get(i))
        .map(|field| example_value(field).unwrap_or_else(|| placeholder(field, enums)))
        .collect();

    let optional = || fields.iter().filter(|f| !f.required);
    let mut ordered: Vec<&ParamField> = optional()
        .filter(|f| f.location != Location::Header)
        .collect();
    ordered.extend(optional().filter(|f| f.location == Location::Header));

    let mut picked: Vec<(usize, SampleSetter)> = Vec::new();
    for (source, by_wire_name) in sources {
        let Some(source) = source else { continue };
        for (index, field) in ordered.iter().enumerate() {
            if picked.len() == MAX_SETTERS || picked.iter().any(|(i, _)| *i == index) {
                continue;
            }
            let key = if by_wire_name {
                field.wire_name.as_str()
            } else {
                naming::bare(&field.rust_name)
            };
            if let Some(value) = source
                .get(key)
                .and_then(|v| sample_value(&field.ty, v, enums))
            {
                let setter = field.rust_name.clone();
                picked.push((index, SampleSetter { setter, value }));
            }
        }
    }
    picked.sort_by_key(|(index, _)| *index);
    let from_examples: Vec<SampleSetter> = picked.into_iter().map(|(_, s)| s).collect();
    // A list's params are filters and paging; with no example to go by,
    // the plain `new()` says more than an invented filter. Arguments to
    // `new` already show how the params are built.
    if !from_examples.is_empty() || items_key.is_some() || !constructor.is_empty() {
        return Samples {
            args,
            setters: from_examples,
        };
    }
    let setters = ordered
        .iter()
        .filter(|f| f.location != Location::Header)
        .find_map(|field| {
            let value = fallback_value(field, enums)?;
            Some(SampleSetter {
                setter: field.rust_name.clone(),
                value,
            })
        })
        .into_iter()
        .collect();
    Samples { args, setters }
}

fn object(json: &str) -> Option<Map<String, Value>> {
    match serde_json::from_str(json) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// `value` as a sample for a setter of type `ty`, when it fits exactly.
fn sample_value(ty: &RustType, value: &Value, enums: &[Enum]) -> Option<SampleValue> {
    match (ty, value) {
        (RustType::String, Value::String(text)) if readable(text) => {
            Some(SampleValue::Str(text.clone()))
        }
        (RustType::Bool, Value::Bool(b)) => Some(SampleValue::Bool(*b)),
        (RustType::I64, Value::Number(n)) => n.as_i64().map(SampleValue::Int),
        (RustType::I32, Value::Number(n)) => n
            .as_i64()
            .filter(|n| i32::try_from(*n).is_ok())
            .map(SampleValue::Int),
        (RustType::Named(name), Value::String(wire)) => {
            let found = enums.iter().find(|e| &e.name == name)?;
            let variant = found.variants.iter().find(|v| &v.wire == wire)?;
            Some(SampleValue::Variant(name.clone(), variant.name.clone()))
        }
        (RustType::Vec(inner), Value::String(text))
            if **inner == RustType::String && readable(text) =>
        {
            Some(SampleValue::Strs(vec![text.clone()]))
        }
        (RustType::Vec(inner), Value::Array(items))
            if **inner == RustType::String && !items.is_empty() =>
        {
            let texts: Option<Vec<String>> = items
                .iter()
                .take(MAX_SETTERS)
                .map(|item| item.as_str().filter(|t| readable(t)).map(str::to_owned))
                .collect();
            texts.map(SampleValue::Strs)
        }
        _ => None,
    }
}

/// A value for `field` when the spec has no example of it.
fn fallback_value(field: &ParamField, enums: &[Enum]) -> Option<SampleValue> {
    match &field.ty {
        RustType::String => Some(SampleValue::Str(
            naming::bare(&field.rust_name)
                .trim_end_matches('_')
                .to_ascii_uppercase(),
        )),
        RustType::Named(name) => {
            let found = enums.iter().find(|e| &e.name == name)?;
            let first = found.variants.first()?;
            Some(SampleValue::Variant(name.clone(), first.name.clone()))
        }
        _ => None,
    }
}

/// A value for a required `field` the examples give none for: an
/// upper-case placeholder string (`"FRIENDLY_NAME"`), an enum's first
/// variant, or a plain value of its type; never one that does not compile.
fn placeholder(field: &ParamField, enums: &[Enum]) -> SampleValue {
    let text = || {
        naming::bare(&field.rust_name)
            .trim_end_matches('_')
            .to_ascii_uppercase()
    };
    match &field.ty {
        RustType::Vec(inner) if **inner == RustType::String => SampleValue::Strs(vec![text()]),
        RustType::Vec(inner) => SampleValue::Expr(format!("[{}]", exact(inner, enums))),
        RustType::Bool => SampleValue::Bool(true),
        RustType::I32 | RustType::I64 => SampleValue::Int(1),
        _ => fallback_value(field, enums)
            .unwrap_or_else(|| SampleValue::Expr(exact(&field.ty, enums))),
    }
}

/// An expression of exactly type `ty` (no conversion needed, so it also
/// fits where `impl Into<ty>` is taken), for placeholder list items.
fn exact(ty: &RustType, enums: &[Enum]) -> String {
    match ty {
        RustType::String => "String::new()".to_owned(),
        RustType::Bool => "true".to_owned(),
        RustType::I32 | RustType::I64 => "1".to_owned(),
        RustType::F64 => "1.0".to_owned(),
        RustType::DateTime => "chrono::DateTime::<chrono::Utc>::default()".to_owned(),
        RustType::Date => "chrono::NaiveDate::default()".to_owned(),
        RustType::Named(name) => match enums
            .iter()
            .find(|e| &e.name == name)
            .and_then(|e| e.variants.first())
        {
            Some(variant) => format!("{name}::{}", variant.name),
            None => "Default::default()".to_owned(),
        },
        RustType::Vec(_) => "Vec::new()".to_owned(),
        RustType::Json => "serde_json::json!({})".to_owned(),
        // Not types a parameter is sent as (they go as JSON text).
        RustType::Map(_) | RustType::Option(_) | RustType::Boxed(_) => {
            "Default::default()".to_owned()
        }
    }
}

/// Whether `text` reads well in an example: short, one line, and not a
/// stand-in for a missing value (some examples hold the string `"null"`).
fn readable(text: &str) -> bool {
    !text.is_empty()
        && text != "null"
        && text.chars().count() <= MAX_STRING
        && !text.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Setter, Variant};

    fn field(wire: &str, rust: &str, location: Location, ty: RustType) -> ParamField {
        ParamField {
            rust_name: rust.to_owned(),
            wire_name: wire.to_owned(),
            location,
            ty,
            required: false,
            setter: Setter::Plain,
            doc: Vec::new(),
            pii: None,
            pii_doc: Vec::new(),
        }
    }

    /// The setter calls when nothing is required.
    fn setters(
        fields: &[ParamField],
        enums: &[Enum],
        request: &[Example],
        response: &[Example],
        items_key: Option<&str>,
    ) -> Vec<SampleSetter> {
        let picked = samples(fields, &[], enums, request, response, items_key);
        assert_eq!(picked.args, []);
        picked.setters
    }

    fn example(json: &str) -> Example {
        Example {
            name: "e".to_owned(),
            json: json.to_owned(),
            hashes: "#".to_owned(),
            undeclared: Vec::new(),
        }
    }

    fn state_enum() -> Enum {
        Enum {
            name: "State".to_owned(),
            doc: Vec::new(),
            variants: vec![
                Variant {
                    name: "Active".to_owned(),
                    wire: "active".to_owned(),
                },
                Variant {
                    name: "Closed".to_owned(),
                    wire: "closed".to_owned(),
                },
            ],
            unknown: "Unknown".to_owned(),
            gate: crate::ir::Gate::default(),
            home: crate::ir::Home::default(),
        }
    }

    #[test]
    fn request_example_first_then_response_record() {
        let fields = [
            field(
                "FriendlyName",
                "friendly_name",
                Location::Form,
                RustType::String,
            ),
            field(
                "State",
                "state",
                Location::Form,
                RustType::Named("State".into()),
            ),
            field("Identity", "identity", Location::Form, RustType::String),
        ];
        let picked = setters(
            &fields,
            &[state_enum()],
            &[example(r#"{"FriendlyName":"Support"}"#)],
            &[example(r#"{"friendly_name":"other","state":"closed"}"#)],
            None,
        );
        assert_eq!(
            picked,
            [
                SampleSetter {
                    setter: "friendly_name".into(),
                    value: SampleValue::Str("Support".into()),
                },
                SampleSetter {
                    setter: "state".into(),
                    value: SampleValue::Variant("State".into(), "Closed".into()),
                },
            ]
        );
    }

    #[test]
    fn page_items_and_type_mismatches() {
        let fields = [
            field("PageSize", "page_size", Location::Query, RustType::I64),
            field(
                "State",
                "state",
                Location::Query,
                RustType::Named("State".into()),
            ),
            field("Muted", "muted", Location::Query, RustType::Bool),
        ];
        // `page_size` is a string here and `state` is not a known value.
        let page = r#"{"items":[{"page_size":"20","state":"archived","muted":false}]}"#;
        let picked = setters(
            &fields,
            &[state_enum()],
            &[],
            &[example(page)],
            Some("items"),
        );
        assert_eq!(
            picked,
            [SampleSetter {
                setter: "muted".into(),
                value: SampleValue::Bool(false),
            }]
        );
    }

    #[test]
    fn fallback_without_examples_skips_headers() {
        let fields = [
            field("X-Hook", "x_hook", Location::Header, RustType::String),
            field("Type", "r#type", Location::Form, RustType::String),
        ];
        let picked = setters(&fields, &[], &[], &[], None);
        assert_eq!(
            picked,
            [SampleSetter {
                setter: "r#type".into(),
                value: SampleValue::Str("TYPE".into()),
            }]
        );
        let long = format!(r#"{{"Type":"{}"}}"#, "x".repeat(41));
        let picked = setters(&fields, &[], &[example(&long)], &[], None);
        assert_eq!(picked[0].value, SampleValue::Str("TYPE".into()));
    }

    #[test]
    fn lists_get_no_invented_filter_and_null_strings_are_skipped() {
        let fields = [field(
            "Identity",
            "identity",
            Location::Query,
            RustType::String,
        )];
        let page = r#"{"items":[{"identity":"null"}]}"#;
        assert_eq!(
            setters(&fields, &[], &[], &[example(page)], Some("items")),
            []
        );
        assert_eq!(setters(&fields, &[], &[], &[], Some("items")), []);
    }

    #[test]
    fn request_values_win_over_earlier_response_values() {
        let fields = [
            field(
                "FriendlyName",
                "friendly_name",
                Location::Form,
                RustType::String,
            ),
            field(
                "UniqueName",
                "unique_name",
                Location::Form,
                RustType::String,
            ),
            field(
                "State",
                "state",
                Location::Form,
                RustType::Named("State".into()),
            ),
        ];
        let picked = setters(
            &fields,
            &[state_enum()],
            &[example(r#"{"State":"active","UniqueName":"support"}"#)],
            &[example(r#"{"friendly_name":"Support chat"}"#)],
            None,
        );
        let setters: Vec<&str> = picked.iter().map(|s| s.setter.as_str()).collect();
        assert_eq!(setters, ["unique_name", "state"]);
    }

    #[test]
    fn required_fields_are_arguments_from_examples_or_placeholders() {
        let mut fields = [
            field("Name", "name", Location::Form, RustType::String),
            field(
                "Kind",
                "kind",
                Location::Form,
                RustType::Named("State".into()),
            ),
            field(
                "Tags",
                "tags",
                Location::Form,
                RustType::Vec(Box::new(RustType::String)),
            ),
            field("Note", "note", Location::Form, RustType::String),
            field("Since", "since", Location::Query, RustType::DateTime),
            field(
                "Levels",
                "levels",
                Location::Form,
                RustType::Vec(Box::new(RustType::I64)),
            ),
        ];
        for f in fields.iter_mut().filter(|f| f.wire_name != "Note") {
            f.required = true;
        }
        // In argument order; `Tags` is one string, a one-item list.
        let constructor = [4, 0, 1, 2, 5];
        let request = example(r#"{"Name":"Lamp","Tags":"red","Note":"hi"}"#);
        let picked = samples(
            &fields,
            &constructor,
            &[state_enum()],
            &[request],
            &[],
            None,
        );
        assert_eq!(
            picked.args,
            [
                SampleValue::Expr("chrono::DateTime::<chrono::Utc>::default()".into()),
                SampleValue::Str("Lamp".into()),
                SampleValue::Variant("State".into(), "Active".into()),
                SampleValue::Strs(vec!["red".into()]),
                SampleValue::Expr("[1]".into()),
            ]
        );
        // Only optional fields get setters.
        assert_eq!(
            picked.setters,
            [SampleSetter {
                setter: "note".into(),
                value: SampleValue::Str("hi".into()),
            }]
        );
        // Without examples, no setter is invented beside the arguments.
        let picked = samples(&fields, &constructor, &[state_enum()], &[], &[], None);
        assert_eq!(picked.args[1], SampleValue::Str("NAME".into()));
        assert_eq!(picked.args[3], SampleValue::Strs(vec!["TAGS".into()]));
        assert_eq!(picked.setters, []);
    }
}
