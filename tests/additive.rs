//! Additive spec changes, applied programmatically: the kinds Twilio makes
//! between releases of a spec (a new enum value, property, optional
//! parameter, operation, inline enum or component), each at any of the
//! places a spec offers for it. The name-stability tests apply them in many
//! places, and the semver tests judge crates generated from them.

use serde_json::{Map, Value, json};

/// One kind of additive change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A value added first to a string enum (component, inline or item).
    EnumValue,
    /// An optional string property added first to an object schema.
    Property,
    /// A property with an enum of its own, added first to an object schema.
    InlineEnum,
    /// An optional query parameter added first to an operation, with an
    /// inline enum named like the operation's other inline enums would be.
    OptionalParameter,
    /// A new operation: a method a path lacks, or a new path listed first.
    Operation,
    /// A component schema listed first, and a property that refers to it.
    Component,
}

impl Change {
    pub const ALL: [Change; 6] = [
        Change::EnumValue,
        Change::Property,
        Change::InlineEnum,
        Change::OptionalParameter,
        Change::Operation,
        Change::Component,
    ];

    /// Applies this change at the `site`-th place the spec offers for it;
    /// `false` when there are fewer places.
    pub fn apply(self, spec: &mut Value, site: usize) -> bool {
        let mut seen = 0;
        let mut hit = || {
            seen += 1;
            seen - 1 == site
        };
        match self {
            Change::EnumValue => visit_schemas(spec, &mut |schema| {
                let Some(values) = schema.get_mut("enum").and_then(Value::as_array_mut) else {
                    return false;
                };
                if !values.iter().all(Value::is_string) || !hit() {
                    return false;
                }
                values.insert(0, json!("added_value"));
                true
            }),
            Change::Property | Change::InlineEnum | Change::Component => {
                let component = self == Change::Component;
                // A webhook's answer is written out, never a `$ref`.
                let done = visit_schemas_in(spec, !component, &mut |schema| {
                    let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut)
                    else {
                        return false;
                    };
                    if !hit() {
                        return false;
                    }
                    let (name, added) = match self {
                        Change::Property => ("added_note", json!({ "type": "string" })),
                        Change::InlineEnum => (
                            "status",
                            json!({ "type": "string", "enum": ["new_a", "new_b"] }),
                        ),
                        _ => (
                            "added_detail",
                            json!({ "$ref": "#/components/schemas/AddedDetail" }),
                        ),
                    };
                    // A name the schema already has is kept as it is.
                    if !props.contains_key(name) {
                        prepend(props, name, added);
                    }
                    true
                });
                if done && component {
                    let root = spec.as_object_mut().expect("a spec is an object");
                    let components = root.entry("components").or_insert_with(|| json!({}));
                    let schemas = components
                        .as_object_mut()
                        .map(|c| c.entry("schemas").or_insert_with(|| json!({})))
                        .and_then(Value::as_object_mut);
                    if let Some(schemas) = schemas {
                        prepend(
                            schemas,
                            "AddedDetail",
                            json!({
                                "type": "object",
                                "properties": {
                                    "kind": { "type": "string", "enum": ["one", "two"] },
                                    "count": { "type": "integer" }
                                }
                            }),
                        );
                    }
                }
                done
            }
            Change::OptionalParameter => {
                let repeated = repeated_operation_ids(spec);
                visit_operations(spec, &mut |_, op| {
                    // OpenAPI requires unique operationIds; two operations that
                    // share one have no identity to tell their names apart by.
                    if op["operationId"]
                        .as_str()
                        .is_some_and(|id| repeated.contains(id))
                        || !hit()
                    {
                        return false;
                    }
                    let params = op
                        .as_object_mut()
                        .expect("an operation is an object")
                        .entry("parameters")
                        .or_insert_with(|| json!([]));
                    let taken = |p: &Value| p["name"] == "Order" && p["in"] == "query";
                    if let Some(params) = params.as_array_mut().filter(|p| !p.iter().any(taken)) {
                        params.insert(
                            0,
                            json!({
                                "name": "Order",
                                "in": "query",
                                "required": false,
                                "schema": { "type": "string", "enum": ["asc", "desc"] }
                            }),
                        );
                    }
                    true
                })
            }
            Change::Operation => {
                let Some(paths) = spec.get_mut("paths").and_then(Value::as_object_mut) else {
                    return false;
                };
                let mut entries: Vec<String> = paths.keys().cloned().collect();
                entries.retain(|path| !path.starts_with("x-"));
                // Site 0: a new path, first; then a missing method on each path.
                if site == 0 {
                    let path = "/v1/AddedThings".to_owned();
                    prepend(
                        paths,
                        &path,
                        json!({ "get": added_operation("ListAddedThing") }),
                    );
                    return true;
                }
                let Some(path) = entries.get(site - 1) else {
                    return false;
                };
                let item = paths[path]
                    .as_object_mut()
                    .expect("a path item is an object");
                let Some(method) = ["put", "patch", "delete", "post", "get"]
                    .into_iter()
                    .find(|m| !item.contains_key(*m))
                else {
                    return true;
                };
                let mut op = added_operation(&format!("Added{site}Op"));
                // The path's own parameters, so its template is filled.
                let mut params = Vec::new();
                for segment in path.split('/') {
                    if let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}'))
                    {
                        params.push(json!({
                            "name": name, "in": "path", "required": true,
                            "schema": { "type": "string" }
                        }));
                    }
                }
                op["parameters"] = Value::Array(params);
                // First among the methods, so it is met before the others.
                prepend(item, method, op);
                true
            }
        }
    }
}

/// The operationIds that more than one operation has.
fn repeated_operation_ids(spec: &mut Value) -> std::collections::BTreeSet<String> {
    let mut seen = std::collections::BTreeSet::new();
    let mut repeated = std::collections::BTreeSet::new();
    visit_operations(spec, &mut |_, op| {
        if let Some(id) = op["operationId"].as_str()
            && !seen.insert(id.to_owned())
        {
            repeated.insert(id.to_owned());
        }
        false
    });
    repeated
}

/// A small operation that answers an object with an inline enum.
fn added_operation(operation_id: &str) -> Value {
    json!({
        "operationId": operation_id,
        "parameters": [
            { "name": "Order", "in": "query", "schema": { "type": "string", "enum": ["asc", "desc"] } }
        ],
        "responses": {
            "200": {
                "description": "OK",
                "content": { "application/json": { "schema": {
                    "type": "object",
                    "properties": {
                        "sid": { "type": "string" },
                        "state": { "type": "string", "enum": ["open", "closed"] }
                    }
                } } }
            }
        }
    })
}

/// Puts `key` first in `map`.
fn prepend(map: &mut Map<String, Value>, key: &str, value: Value) {
    let rest = std::mem::take(map);
    map.insert(key.to_owned(), value);
    for (k, v) in rest {
        map.entry(k).or_insert(v);
    }
}

/// Calls `f` on every schema object under components and paths, depth
/// first, in document order, until it returns `true`.
fn visit_schemas(spec: &mut Value, f: &mut dyn FnMut(&mut Value) -> bool) -> bool {
    visit_schemas_in(spec, true, f)
}

/// [`visit_schemas`], skipping `x-webhooks` unless `webhooks`.
fn visit_schemas_in(
    spec: &mut Value,
    webhooks: bool,
    f: &mut dyn FnMut(&mut Value) -> bool,
) -> bool {
    if !webhooks {
        let hooks = spec.as_object_mut().and_then(|m| m.remove("x-webhooks"));
        let done = visit_schemas_in(spec, true, f);
        if let (Some(hooks), Some(map)) = (hooks, spec.as_object_mut()) {
            map.insert("x-webhooks".into(), hooks);
        }
        return done;
    }
    fn walk(value: &mut Value, in_schema: bool, f: &mut dyn FnMut(&mut Value) -> bool) -> bool {
        if in_schema && value.is_object() && f(value) {
            return true;
        }
        match value {
            Value::Object(map) => map.iter_mut().any(|(key, child)| {
                let schema_key =
                    matches!(key.as_str(), "schema" | "items" | "additionalProperties");
                let schemas = matches!(key.as_str(), "schemas" | "properties");
                if schemas {
                    child
                        .as_object_mut()
                        .is_some_and(|m| m.values_mut().any(|s| walk(s, true, f)))
                } else {
                    walk(child, schema_key, f)
                }
            }),
            Value::Array(items) => items.iter_mut().any(|item| walk(item, false, f)),
            _ => false,
        }
    }
    walk(spec, false, f)
}

/// Calls `f` on every operation of `paths`, in document order, until it
/// returns `true`.
fn visit_operations(spec: &mut Value, f: &mut dyn FnMut(&str, &mut Value) -> bool) -> bool {
    let Some(paths) = spec.get_mut("paths").and_then(Value::as_object_mut) else {
        return false;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for method in ["get", "put", "post", "delete", "patch"] {
            if let Some(op) = item.get_mut(method)
                && f(path, op)
            {
                return true;
            }
        }
    }
    false
}

/// The spec at `path` as JSON (YAML read through serde_yaml).
pub fn read_spec(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
