//! Reading a spec file into the `openapiv3` model, with errors that say where.

use std::path::Path;

use crate::error::{Error, Result};

mod block_yaml;
mod json_doc;
mod node;
mod split;

/// Parses spec text (YAML or JSON) into an OpenAPI 3.0 document.
///
/// `path` is only used in error messages. A syntax error names its line and
/// column; a structure error names the innermost node that does not fit the
/// OpenAPI model, as a JSON pointer.
///
/// Every text is read by our own block-YAML reader (or serde_json, for JSON)
/// when it can be, and the model deserialized from its tree; otherwise, or when that fails, it goes
/// through `serde_yaml::Value` (the careful route): there a
/// duplicate key is an error, keys become strings, tags go, and `.nan` and
/// `.inf` become null. Read straight from YAML, openapiv3 panics on a
/// document that its own JSON re-read sees differently (a duplicate key,
/// say). A large text (64 KiB and up) is parsed in pieces on two threads.
pub fn parse(path: &Path, text: &str) -> Result<openapiv3::OpenAPI> {
    let quick = || node::openapi(&read_tree(text)?);
    let spec = match split::parse(text).or_else(quick) {
        Some(spec) => spec,
        None => careful_parse(path, text)?,
    };
    check_paths(path, &spec)?;
    Ok(spec)
}

/// Parses through `serde_yaml::Value`, so every failure can say where it is.
fn careful_parse(path: &Path, text: &str) -> Result<openapiv3::OpenAPI> {
    let value = match read_tree(text) {
        Some(node) => node.into_value(),
        None => serde_yaml::from_str(text).map_err(|err| syntax_error(path, &err))?,
    };
    // Only what JSON can say: keys become strings (`200:` is a number in
    // YAML), tags go. openapiv3's error path re-parses a failing part through
    // `serde_json::Value`, and must see the same data as the first attempt.
    let value = json_like(value);
    check_version(path, &value)?;
    let spec = openapiv3::OpenAPI::deserialize(&value).map_err(|err| {
        let (pointer, message) = locate::locate(&value, err.to_string());
        Error::Structure {
            path: path.to_owned(),
            pointer,
            message,
        }
    })?;
    Ok(spec)
}

/// The document read without libyaml: a JSON object by serde_json, block
/// YAML by our own reader; `None` where neither follows it exactly.
fn read_tree(text: &str) -> Option<node::Node<'_>> {
    json_doc::parse(text).or_else(|| block_yaml::parse(text))
}

/// A URL path cannot hold a control character, and the generated code and
/// docs quote the path as written.
fn check_paths(path: &Path, spec: &openapiv3::OpenAPI) -> Result<()> {
    if let Some(bad) = spec
        .paths
        .paths
        .keys()
        .find(|p| p.chars().any(char::is_control))
    {
        return Err(Error::Unsupported {
            path: path.to_owned(),
            pointer: format!("#/paths/{}", crate::lower::escape_pointer(bad)),
            message:
                "the path contains a control character (a line break, say), which a URL path cannot"
                    .into(),
        });
    }
    Ok(())
}

/// Reads and parses a spec file.
pub fn read(path: &Path) -> Result<openapiv3::OpenAPI> {
    parse(path, &read_text(path)?)
}

/// Reads a spec file's text; a file that is not UTF-8 says so.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| {
        let source = if source.kind() == std::io::ErrorKind::InvalidData {
            std::io::Error::new(source.kind(), "the file is not UTF-8 text")
        } else {
            source
        };
        Error::Read {
            path: path.to_owned(),
            source,
        }
    })
}

use serde::Deserialize as _;

fn syntax_error(path: &Path, err: &serde_yaml::Error) -> Error {
    let mut message = err.to_string();
    let location = match err.location() {
        Some(loc) => {
            // The location leads the message; do not repeat it inside.
            let repeated = format!(" at line {} column {}", loc.line(), loc.column());
            if let Some(at) = message.find(&repeated) {
                message.replace_range(at..at + repeated.len(), "");
            }
            format!(":{}:{}", loc.line(), loc.column())
        }
        None => String::new(),
    };
    Error::Syntax {
        path: path.to_owned(),
        location,
        message,
    }
}

/// Normalizes YAML to what JSON can say: mapping keys become strings, tags
/// are dropped, and `.nan` and `.inf` become null.
fn json_like(mut value: serde_yaml::Value) -> serde_yaml::Value {
    make_json_like(&mut value);
    value
}

/// [`json_like`] in place: a spec is almost all string keys and plain
/// values, and those are left where they are, not rebuilt.
fn make_json_like(value: &mut serde_yaml::Value) {
    use serde_yaml::Value;
    match value {
        Value::Number(n) if n.as_f64().is_some_and(|f| !f.is_finite()) => *value = Value::Null,
        Value::Sequence(items) => items.iter_mut().for_each(make_json_like),
        Value::Mapping(map) if map.keys().all(Value::is_string) => {
            map.values_mut().for_each(make_json_like);
        }
        Value::Mapping(map) => {
            *map = std::mem::take(map)
                .into_iter()
                .map(|(k, v)| (Value::String(key_text(k)), json_like(v)))
                .collect();
        }
        Value::Tagged(tagged) => {
            let inner = std::mem::replace(&mut tagged.value, Value::Null);
            *value = json_like(inner);
        }
        _ => {}
    }
}

/// A mapping key as text: `200` → `"200"`; a non-scalar key as JSON.
fn key_text(key: serde_yaml::Value) -> String {
    match json_like(key) {
        serde_yaml::Value::String(s) => s,
        serde_yaml::Value::Null => "null".into(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Number(n) => n.to_string(),
        other => serde_json::to_string(&other).unwrap_or_default(),
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
        let kind = match doc {
            serde_yaml::Value::Sequence(_) => "a list",
            serde_yaml::Value::Null => "empty",
            _ => "a single value",
        };
        return unsupported(format!(
            "the document is {kind}, not a mapping of OpenAPI fields, so it is not an OpenAPI document"
        ));
    };
    if let Some(swagger) = map.get("swagger") {
        return unsupported(format!("it is a Swagger {} document", scalar_text(swagger)));
    }
    match map.get("openapi") {
        None => unsupported("it has no `openapi` field, so it is not an OpenAPI document".into()),
        Some(serde_yaml::Value::String(version)) if version.starts_with("3.0.") => Ok(()),
        Some(serde_yaml::Value::Number(number)) => unsupported(format!(
            "`openapi: {number}` is a number; write the version as a string, e.g. `openapi: 3.0.3`"
        )),
        Some(version) => unsupported(format!("it declares `openapi: {}`", scalar_text(version))),
    }
}

fn scalar_text(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Null => "null".into(),
        _ => "(not a scalar)".into(),
    }
}

/// Finds where a document stops fitting the OpenAPI model.
///
/// openapiv3 reports the first mismatch without saying where it is. This walks
/// down the parts of the document that have their own type (path items,
/// operations, parameters, bodies, responses, schemas, components), checking
/// each on its own, and reports the innermost one that fails.
mod locate {
    use openapiv3::{
        Components, Header, Info, MediaType, Operation, Parameter, PathItem, ReferenceOr,
        RequestBody, Response, Schema, Server,
    };
    use serde::de::DeserializeOwned;
    use serde_yaml::Value;

    use crate::lower::escape_pointer;

    /// A part of the document with a type of its own.
    #[derive(Clone, Copy)]
    enum Kind {
        Document,
        Info,
        Servers,
        Paths,
        PathItem,
        Operation,
        Parameter,
        RequestBody,
        MediaType,
        Responses,
        Response,
        Header,
        Schema,
        Components,
    }

    /// The JSON pointer of the innermost failing part, and its message;
    /// `message` is the whole document's error, used at the top.
    pub(super) fn locate(doc: &Value, message: String) -> (String, String) {
        let mut path = Vec::new();
        match find(Kind::Document, doc, &mut path) {
            Some(found) if !path.is_empty() => (pointer(&path), found),
            _ => ("#".to_owned(), message),
        }
    }

    fn pointer(path: &[String]) -> String {
        let mut out = String::from("#");
        for key in path {
            out.push('/');
            out.push_str(&escape_pointer(key));
        }
        out
    }

    /// The node's own error after looking for a failing child first; `path`
    /// ends at the node reported.
    fn find(kind: Kind, value: &Value, path: &mut Vec<String>) -> Option<String> {
        let message = check(kind, value)?;
        let depth = path.len();
        for (keys, child, child_kind) in children(kind, value) {
            path.extend(keys);
            if let Some(found) = find(child_kind, child, path) {
                return Some(found);
            }
            path.truncate(depth);
        }
        Some(message)
    }

    /// A key as text (keys are strings once normalized).
    fn text(key: &Value) -> String {
        key.as_str().unwrap_or_default().to_owned()
    }

    fn probe<T: DeserializeOwned>(value: &Value) -> Option<String> {
        T::deserialize(value).err().map(|err| err.to_string())
    }

    /// The node's error, if it does not fit its type.
    fn check(kind: Kind, value: &Value) -> Option<String> {
        // A `$ref` stands for a node of any kind.
        if value.get("$ref").is_some() && !matches!(kind, Kind::Document | Kind::Paths) {
            return probe::<ReferenceOr<Value>>(value);
        }
        match kind {
            Kind::Document => probe::<openapiv3::OpenAPI>(value),
            Kind::Info => probe::<Info>(value),
            Kind::Servers => probe::<Vec<Server>>(value),
            Kind::Paths => probe::<openapiv3::Paths>(value),
            Kind::PathItem => probe::<PathItem>(value),
            Kind::Operation => probe::<Operation>(value),
            Kind::Parameter => probe::<Parameter>(value),
            Kind::RequestBody => probe::<RequestBody>(value),
            Kind::MediaType => probe::<MediaType>(value),
            Kind::Responses => probe::<openapiv3::Responses>(value),
            Kind::Response => probe::<Response>(value),
            Kind::Header => probe::<Header>(value),
            Kind::Schema => probe::<Schema>(value),
            Kind::Components => probe::<Components>(value),
        }
    }

    /// The typed children of a node, in document order, each with the keys
    /// that lead to it.
    fn children(kind: Kind, value: &Value) -> Vec<(Vec<String>, &Value, Kind)> {
        let mut out = Vec::new();
        let Some(map) = value.as_mapping() else {
            return out;
        };
        if map.contains_key("$ref") {
            return out;
        }
        let field = |out: &mut Vec<_>, name: &str, kind: Kind| {
            if let Some(child) = map.get(name) {
                out.push((vec![name.to_owned()], child, kind));
            }
        };
        let each = |out: &mut Vec<_>, name: &str, kind: Kind| match map.get(name) {
            Some(Value::Mapping(entries)) => out.extend(
                entries
                    .iter()
                    .map(|(k, v)| (vec![name.to_owned(), text(k)], v, kind)),
            ),
            Some(Value::Sequence(items)) => out.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (vec![name.to_owned(), i.to_string()], v, kind)),
            ),
            _ => {}
        };
        match kind {
            Kind::Document => {
                field(&mut out, "info", Kind::Info);
                field(&mut out, "servers", Kind::Servers);
                field(&mut out, "paths", Kind::Paths);
                field(&mut out, "components", Kind::Components);
            }
            Kind::Paths => out.extend(
                map.iter()
                    .map(|(k, v)| (text(k), v))
                    .filter(|(k, _)| !k.starts_with("x-"))
                    .map(|(k, v)| (vec![k], v, Kind::PathItem)),
            ),
            Kind::PathItem => {
                for method in [
                    "get", "put", "post", "delete", "options", "head", "patch", "trace",
                ] {
                    field(&mut out, method, Kind::Operation);
                }
                each(&mut out, "parameters", Kind::Parameter);
            }
            Kind::Operation => {
                each(&mut out, "parameters", Kind::Parameter);
                field(&mut out, "requestBody", Kind::RequestBody);
                field(&mut out, "responses", Kind::Responses);
            }
            Kind::Parameter => {
                field(&mut out, "schema", Kind::Schema);
                each(&mut out, "content", Kind::MediaType);
            }
            Kind::RequestBody => each(&mut out, "content", Kind::MediaType),
            Kind::MediaType => field(&mut out, "schema", Kind::Schema),
            Kind::Responses => out.extend(
                map.iter()
                    .map(|(k, v)| (text(k), v))
                    .filter(|(k, _)| !k.starts_with("x-"))
                    .map(|(k, v)| (vec![k], v, Kind::Response)),
            ),
            Kind::Response => {
                each(&mut out, "headers", Kind::Header);
                each(&mut out, "content", Kind::MediaType);
            }
            Kind::Header => field(&mut out, "schema", Kind::Schema),
            Kind::Schema => {
                each(&mut out, "properties", Kind::Schema);
                field(&mut out, "items", Kind::Schema);
                if map
                    .get("additionalProperties")
                    .is_some_and(Value::is_mapping)
                {
                    field(&mut out, "additionalProperties", Kind::Schema);
                }
                each(&mut out, "allOf", Kind::Schema);
                each(&mut out, "oneOf", Kind::Schema);
                each(&mut out, "anyOf", Kind::Schema);
                field(&mut out, "not", Kind::Schema);
            }
            Kind::Components => {
                each(&mut out, "schemas", Kind::Schema);
                each(&mut out, "parameters", Kind::Parameter);
                each(&mut out, "requestBodies", Kind::RequestBody);
                each(&mut out, "responses", Kind::Response);
                each(&mut out, "headers", Kind::Header);
            }
            Kind::Info | Kind::Servers => {}
        }
        out
    }
}
