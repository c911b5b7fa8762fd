//! Examples: the spec's response and form-body examples, which become tests
//! in the generated crate and supply the values of its doc examples.

use super::Lowerer;
use super::bodies::FORM;
use super::resources::RawOp;
use crate::ir::{
    Enum, Example, JsonBody, Location, Model, ParamsStruct, Resource, ResponseKind, RustType, Union,
};
use crate::sample;

impl<'a> Lowerer<'a> {
    /// The examples of the success response body, if it has one.
    pub(super) fn response_examples(
        &self,
        raw: &RawOp<'a>,
        response: &ResponseKind,
    ) -> Vec<Example> {
        if matches!(response, ResponseKind::Empty | ResponseKind::Binary) {
            Vec::new()
        } else {
            self.success_media(raw).map(examples_of).unwrap_or_default()
        }
    }

    /// The examples of the form body, each with the keys it sets that the
    /// params struct does not declare. An example that leaves out a
    /// required field contradicts the schema (the params cannot hold it), so
    /// it is left out.
    pub(super) fn request_examples(
        &self,
        raw: &RawOp<'a>,
        params: Option<&ParamsStruct>,
    ) -> Vec<Example> {
        let (Some(body), Some(params)) = (&raw.op.request_body, params) else {
            return Vec::new();
        };
        if !params.has(Location::Form) {
            return Vec::new();
        }
        let mut examples = self
            .resolve_request_body(body, &raw.pointer)
            .ok()
            .and_then(|b| b.content.get(FORM))
            .map(examples_of)
            .unwrap_or_default();
        let declared: Vec<&str> = params
            .at(Location::Form)
            .into_iter()
            .map(|f| f.wire_name.as_str())
            .collect();
        let required: Vec<&str> = params
            .at(Location::Form)
            .into_iter()
            .filter(|f| f.required)
            .map(|f| f.wire_name.as_str())
            .collect();
        examples.retain(|example| sets_all(&example.json, &required));
        for example in &mut examples {
            example.undeclared = undeclared_keys(&example.json, &declared);
        }
        examples
    }

    /// The examples of the JSON body, if the operation sends one.
    pub(super) fn body_examples(&self, raw: &RawOp<'a>, body: Option<&JsonBody>) -> Vec<Example> {
        let (Some(request_body), Some(body)) = (&raw.op.request_body, body) else {
            return Vec::new();
        };
        self.resolve_request_body(request_body, &raw.pointer)
            .ok()
            .and_then(|b| b.content.get(&body.content_type).map(examples_of))
            .unwrap_or_default()
    }

    /// Placeholders for the required fields a form example cannot set (the
    /// headers and query parameters), as a JSON object for decoding it.
    pub(super) fn request_example_others(&self, params: Option<&ParamsStruct>) -> String {
        let others: serde_json::Map<String, serde_json::Value> = params
            .iter()
            .flat_map(|p| &p.fields)
            .filter(|f| f.required && f.location != Location::Form)
            .map(|f| (f.wire_name.clone(), self.json_placeholder(&f.ty)))
            .collect();
        serde_json::Value::Object(others).to_string()
    }

    /// A JSON value that decodes as `ty`.
    fn json_placeholder(&self, ty: &RustType) -> serde_json::Value {
        use serde_json::{Value, json};
        match ty {
            RustType::String => json!("placeholder"),
            RustType::Bool => json!(true),
            RustType::I32 | RustType::I64 => json!(1),
            RustType::F64 => json!(1.0),
            RustType::DateTime => json!("1970-01-01T00:00:00Z"),
            RustType::Date => json!("1970-01-01"),
            RustType::Vec(inner) => Value::Array(vec![self.json_placeholder(inner)]),
            RustType::Named(name) => self
                .enums
                .iter()
                .find(|e| &e.name == name)
                .and_then(|e| e.variants.first())
                .map_or(Value::Null, |v| json!(v.wire)),
            RustType::Json | RustType::Map(_) | RustType::Option(_) | RustType::Boxed(_) => {
                json!({})
            }
        }
    }

    /// Sets the constructor arguments and setter calls `params`' doc example
    /// shows, with values from the examples.
    pub(super) fn add_samples(
        &self,
        params: &mut ParamsStruct,
        request_examples: &[Example],
        response_examples: &[Example],
        response: &ResponseKind,
    ) {
        let items_key = match response {
            ResponseKind::Page { items_key, .. } => Some(items_key.as_str()),
            _ => None,
        };
        let samples = sample::samples(
            &params.fields,
            &params.constructor,
            &self.enums,
            request_examples,
            response_examples,
            items_key,
        );
        params.sample_args = samples.args;
        params.samples = samples.setters;
    }
}

/// Fills in the body each JSON operation's doc example builds, once the
/// models are final (cycle breaking may box a field).
pub(super) fn add_body_samples(
    resources: &mut [Resource],
    models: &[Model],
    enums: &[Enum],
    unions: &[Union],
) {
    let types = sample::Types {
        models,
        enums,
        unions,
    };
    for op in resources.iter_mut().flat_map(|r| &mut r.operations) {
        let example = op
            .body_examples
            .first()
            .and_then(|e| serde_json::from_str::<serde_json::Value>(&e.json).ok());
        if let Some(body) = &mut op.body {
            body.sample = sample::body_sample(&body.ty, example.as_ref(), &types);
        }
    }
}

/// The inline examples of a media type (named ones, then the single `example`).
fn examples_of(media: &openapiv3::MediaType) -> Vec<Example> {
    let mut out: Vec<Example> = media
        .examples
        .iter()
        .filter_map(|(name, example)| {
            let value = example.as_item()?.value.as_ref()?;
            Some(example_text(name, value))
        })
        .collect();
    if let Some(value) = &media.example {
        out.push(example_text("example", value));
    }
    out
}

fn example_text(name: &str, value: &serde_json::Value) -> Example {
    let json = value.to_string();
    let mut hashes = "#".to_owned();
    while json.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    Example {
        name: name.to_owned(),
        json,
        hashes,
        undeclared: Vec::new(),
    }
}

/// Whether a JSON object example sets every key in `keys`.
fn sets_all(json: &str, keys: &[&str]) -> bool {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(map)) => keys.iter().all(|k| map.contains_key(*k)),
        _ => keys.is_empty(),
    }
}

/// The top-level keys of a JSON object example that are not in `declared`.
fn undeclared_keys(json: &str, declared: &[&str]) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(map)) => map
            .keys()
            .filter(|k| !declared.contains(&k.as_str()))
            .cloned()
            .collect(),
        _ => Vec::new(),
    }
}
