//! Examples: the spec's response and form-body examples, which become tests
//! in the generated crate and supply the values of its doc examples.

use super::Lowerer;
use super::bodies::FORM;
use super::resources::RawOp;
use crate::ir::{Example, Location, ParamsStruct, ResponseKind};
use crate::sample;

impl<'a> Lowerer<'a> {
    /// The examples of the success response body, if it has one.
    pub(super) fn response_examples(
        &self,
        raw: &RawOp<'a>,
        response: &ResponseKind,
    ) -> Vec<Example> {
        if matches!(response, ResponseKind::Empty) {
            Vec::new()
        } else {
            self.success_media(raw).map(examples_of).unwrap_or_default()
        }
    }

    /// The examples of the form body, each with the keys it sets that the
    /// params struct does not declare.
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
        for example in &mut examples {
            example.undeclared = undeclared_keys(&example.json, &declared);
        }
        examples
    }

    /// Sets the setter calls `params`' doc example shows, with values from
    /// the examples.
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
        params.samples = sample::samples(
            &params.fields,
            &self.enums,
            request_examples,
            response_examples,
            items_key,
        );
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
