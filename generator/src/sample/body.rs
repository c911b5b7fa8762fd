//! The JSON body a doc example builds: the body's model through `new` and
//! its setters, nested models the same way, with the values of the spec's
//! example of the body where they fit its types and placeholders elsewhere.
//!
//! Required fields always get a value (so the example compiles); optional
//! ones are shown only where the example sets them, at most
//! [`MAX_SETTERS`] a model, and none below [`MAX_SETTER_DEPTH`], so the
//! example stays short enough to read.

use serde_json::Value;

use super::readable;
use crate::ir::{Enum, Model, RustType, Setter, Union};

/// Optional fields shown per model.
const MAX_SETTERS: usize = 2;

/// How deep optional fields are still shown (the body's own model is 0).
const MAX_SETTER_DEPTH: usize = 1;

/// Items shown of a list or map.
const MAX_ITEMS: usize = 2;

/// Below this depth only a placeholder is built (a required field can only
/// nest so far before it would contain itself).
const MAX_DEPTH: usize = 8;

/// JSON shorter than this is shown as `serde_json::json!(...)`.
const MAX_JSON: usize = 60;

/// The generated types a sample can build.
pub(crate) struct Types<'a> {
    pub(crate) models: &'a [Model],
    pub(crate) enums: &'a [Enum],
    pub(crate) unions: &'a [Union],
}

/// The lines of an expression of type `ty` built from `example`: the first
/// line builds the value, each further one is a setter call on it
/// (`    .friendly_name("Sale")`).
pub(crate) fn body_sample(ty: &RustType, example: Option<&Value>, types: &Types) -> Vec<String> {
    if let RustType::Named(name) = ty
        && let Some(model) = types.models.iter().find(|m| &m.name == name)
    {
        let (head, setters) = model_parts(model, example, types, 0);
        let mut lines = vec![head];
        lines.extend(setters.into_iter().map(|s| format!("    {s}")));
        return lines;
    }
    vec![expr(ty, example, true, "body", types, 0)]
}

/// `Model::new(...)` and the setter calls, each `.field(value)`.
fn model_parts(
    model: &Model,
    example: Option<&Value>,
    types: &Types,
    depth: usize,
) -> (String, Vec<String>) {
    let object = example.and_then(Value::as_object);
    let value_of = |wire: &str| object.and_then(|o| o.get(wire)).filter(|v| !v.is_null());
    let args: Vec<String> = model
        .constructor_fields()
        .into_iter()
        .map(|f| {
            let exact = f.setter == Setter::Plain;
            arg(
                f.value_ty(),
                &f.setter,
                value_of(&f.wire_name),
                exact,
                &f.rust_name,
                types,
                depth,
            )
        })
        .collect();
    let head = format!("{}::new({})", model.name, args.join(", "));
    let mut setters = Vec::new();
    if depth <= MAX_SETTER_DEPTH {
        for field in model.fields.iter().filter(|f| f.is_optional()) {
            if setters.len() == MAX_SETTERS {
                break;
            }
            let Some(value) = value_of(&field.wire_name) else {
                continue;
            };
            let exact = field.setter == Setter::Plain;
            let value = arg(
                field.value_ty(),
                &field.setter,
                Some(value),
                exact,
                &field.rust_name,
                types,
                depth,
            );
            setters.push(format!(".{}({value})", field.rust_name));
        }
    }
    (head, setters)
}

/// A value for a setter (or `new`) argument taken as `setter` says.
fn arg(
    ty: &RustType,
    setter: &Setter,
    example: Option<&Value>,
    exact: bool,
    name: &str,
    types: &Types,
    depth: usize,
) -> String {
    match setter {
        Setter::IntoIter(item) => {
            let items: Vec<String> = match example {
                Some(Value::Array(values)) if !values.is_empty() => values
                    .iter()
                    .take(MAX_ITEMS)
                    .map(|v| expr(item, Some(v), false, name, types, depth + 1))
                    .collect(),
                _ => vec![expr(item, None, false, name, types, depth + 1)],
            };
            format!("[{}]", items.join(", "))
        }
        _ => expr(ty, example, exact, name, types, depth + 1),
    }
}

/// An expression of type `ty` (`exact`), or of a type that converts into it.
fn expr(
    ty: &RustType,
    example: Option<&Value>,
    exact: bool,
    name: &str,
    types: &Types,
    depth: usize,
) -> String {
    if depth > MAX_DEPTH {
        return "Default::default()".to_owned();
    }
    match ty {
        RustType::String => {
            let text = match example {
                Some(Value::String(text)) if readable(text) => text.clone(),
                _ => placeholder(name),
            };
            let lit = format!("{text:?}");
            if exact {
                format!("{lit}.to_owned()")
            } else {
                lit
            }
        }
        RustType::Bool => example.and_then(Value::as_bool).unwrap_or(true).to_string(),
        RustType::I32 => example
            .and_then(Value::as_i64)
            .and_then(|n| i32::try_from(n).ok())
            .unwrap_or(1)
            .to_string(),
        RustType::I64 => example.and_then(Value::as_i64).unwrap_or(1).to_string(),
        RustType::F64 => format!("{:?}", example.and_then(Value::as_f64).unwrap_or(1.0)),
        RustType::DateTime => "chrono::DateTime::<chrono::Utc>::default()".to_owned(),
        RustType::Date => match example.and_then(Value::as_str).map(ymd) {
            Some(Some((y, m, d))) => {
                format!("chrono::NaiveDate::from_ymd_opt({y}, {m}, {d}).unwrap_or_default()")
            }
            _ => "chrono::NaiveDate::default()".to_owned(),
        },
        RustType::Json => match example.map(Value::to_string) {
            Some(json) if json.len() <= MAX_JSON => format!("serde_json::json!({json})"),
            _ => "serde_json::json!({})".to_owned(),
        },
        RustType::Vec(item) => {
            let items: Vec<String> = match example {
                Some(Value::Array(values)) => values
                    .iter()
                    .take(MAX_ITEMS)
                    .map(|v| expr(item, Some(v), true, name, types, depth + 1))
                    .collect(),
                _ => Vec::new(),
            };
            format!("vec![{}]", items.join(", "))
        }
        RustType::Map(value) => {
            let entries: Vec<String> = example
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .take(MAX_ITEMS)
                .map(|(key, v)| {
                    let v = expr(value, Some(v), true, key, types, depth + 1);
                    format!("({key:?}.to_owned(), {v})")
                })
                .collect();
            if entries.is_empty() {
                "std::collections::BTreeMap::new()".to_owned()
            } else {
                format!("std::collections::BTreeMap::from([{}])", entries.join(", "))
            }
        }
        RustType::Option(inner) => format!(
            "Some({})",
            expr(inner, example, true, name, types, depth + 1)
        ),
        RustType::Boxed(inner) => format!(
            "Box::new({})",
            expr(inner, example, true, name, types, depth + 1)
        ),
        RustType::Named(type_name) => named(type_name, example, name, types, depth),
    }
}

/// A value of the generated type `type_name`: an enum's variant, a model
/// built through `new`, or a union's variant around its model.
fn named(
    type_name: &str,
    example: Option<&Value>,
    name: &str,
    types: &Types,
    depth: usize,
) -> String {
    if let Some(found) = types.enums.iter().find(|e| e.name == type_name) {
        let wire = example.and_then(Value::as_str);
        let variant = found
            .variants
            .iter()
            .find(|v| Some(v.wire.as_str()) == wire)
            .or(found.variants.first());
        return match variant {
            Some(variant) => format!("{type_name}::{}", variant.name),
            None => format!("{type_name}::from({:?})", placeholder(name)),
        };
    }
    if let Some(model) = types.models.iter().find(|m| m.name == type_name) {
        let (head, setters) = model_parts(model, example, types, depth);
        return format!("{head}{}", setters.concat());
    }
    if let Some(union) = types.unions.iter().find(|u| u.name == type_name) {
        let tag = example
            .and_then(|e| e.get(&union.tag))
            .and_then(Value::as_str);
        let Some(variant) = union
            .variants
            .iter()
            .find(|v| Some(v.tag.as_str()) == tag)
            .or(union.variants.first())
        else {
            return format!("{type_name}::{}(serde_json::json!({{}}))", union.unknown);
        };
        // The union writes the tag itself; the model need not repeat it.
        let untagged = example.and_then(Value::as_object).map(|object| {
            let mut object = object.clone();
            object.remove(&union.tag);
            Value::Object(object)
        });
        let inner = expr(&variant.ty, untagged.as_ref(), true, name, types, depth + 1);
        return format!("{type_name}::{}({inner})", variant.name);
    }
    "Default::default()".to_owned()
}

/// `2027-04-30` → `(2027, 4, 30)`.
fn ymd(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some((year, month, day))
}

/// `friendly_name` → `FRIENDLY_NAME`.
fn placeholder(name: &str) -> String {
    crate::naming::bare(name)
        .trim_end_matches('_')
        .to_ascii_uppercase()
}
