//! Every example in the spec, checked against the generated types: each
//! response example decodes without losing a value, each form-body example
//! encodes back to the same key/value pairs, and each JSON-body example
//! encodes back to itself.

{% let responses = api.has_response_examples(false) || api.has_response_examples(true) %}
{% let covers = responses || api.has_body_examples() %}
{% if covers %}
{{ api.examples_gate(false).cfg() }}
use serde::Serialize;
{% endif %}
{{ api.examples_gate(true).cfg() }}
use serde::de::DeserializeOwned;

{% if api.has_request_examples() %}
{{ api.cfg(Need::FormExamples) }}
use crate::wire::Pairs;
{% endif %}

{% if api.has_response_examples(false) %}
{{ api.cfg(Need::ResponseExamples) }}
/// Decodes `json` as `T`, then checks that encoding it again keeps every
/// non-null value of the example (so no field was dropped or mistyped).
pub(crate) fn decodes_losslessly<T: DeserializeOwned + Serialize>(name: &str, json: &str) {
    let original: serde_json::Value = serde_json::from_str(json).expect("the example is JSON");
    let decoded: T = serde_json::from_str(json).unwrap_or_else(|err| panic!("example `{name}` does not decode: {err}"));
    let again = serde_json::to_value(&decoded).expect("a decoded value encodes");
    assert_covers(name, "", &original, &again);
}

{% endif %}
{% if api.has_response_examples(true) %}
{{ api.cfg(Need::PageExamples) }}
/// Decodes a page of a list, then checks each item as [`assert_covers`] does.
pub(crate) fn page_decodes_losslessly<T: DeserializeOwned + Serialize>(name: &str, json: &str) {
    let original: serde_json::Value = serde_json::from_str(json).expect("the example is JSON");
    let page: crate::Page<T> = serde_json::from_str(json).unwrap_or_else(|err| panic!("example `{name}` does not decode: {err}"));
    let key = page.meta.key.clone().unwrap_or_default();
    let items = original[key.as_str()].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), page.items.len(), "example `{name}`: item count");
    for (index, (item, decoded)) in items.iter().zip(&page.items).enumerate() {
        let again = serde_json::to_value(decoded).expect("a decoded value encodes");
        assert_covers(name, &format!("/{key}/{index}"), item, &again);
    }
}

{% endif %}
{% if api.has_body_examples() %}
{{ api.cfg(Need::BodyExamples) }}
/// Decodes a JSON-body example as `T` and checks that encoding it gives the
/// example back: every value kept, and nothing added (unset optional fields
/// are left out, not sent as `null`).
pub(crate) fn body_encodes_as_given<T: DeserializeOwned + Serialize>(name: &str, json: &str) {
    let original: serde_json::Value = serde_json::from_str(json).expect("the example is JSON");
    let decoded: T = serde_json::from_str(json).unwrap_or_else(|err| panic!("example `{name}` does not fit the body: {err}"));
    let again = serde_json::to_value(&decoded).expect("a decoded value encodes");
    assert_covers(name, "", &original, &again);
    assert_covers(name, "", &again, &original);
}

{% endif %}
{% if covers %}
{{ api.examples_gate(false).cfg() }}
fn assert_covers(name: &str, at: &str, original: &serde_json::Value, again: &serde_json::Value) {
    use serde_json::Value;
    match (original, again) {
        (Value::Null, _) => {}
        (Value::Object(want), Value::Object(got)) => {
            for (key, value) in want {
                let got = got.get(key).unwrap_or(&Value::Null);
                assert_covers(name, &format!("{at}/{key}"), value, got);
            }
        }
        (Value::Array(want), Value::Array(got)) if want.len() == got.len() => {
            for (index, (want, got)) in want.iter().zip(got).enumerate() {
                assert_covers(name, &format!("{at}/{index}"), want, got);
            }
        }
        (Value::String(want), Value::String(got)) if want != got => {
            let same_instant = want.parse::<chrono::DateTime<chrono::Utc>>().ok().is_some_and(|w| got.parse().ok() == Some(w));
            assert!(same_instant, "example `{name}` at {at}: {want:?} came back as {got:?}");
        }
        (Value::Number(want), Value::Number(got)) => {
            assert_eq!(want.as_f64(), got.as_f64(), "example `{name}` at {at}");
        }
        (want, got) => assert_eq!(want, got, "example `{name}` at {at}"),
    }
}

{% endif %}
{% if api.has_request_examples() %}
{{ api.cfg(Need::FormExamples) }}
/// Decodes a form-body example into its params struct and checks that it
/// encodes to the example's pairs (one pair per list item), in any order.
///
/// `undeclared` names keys the example sets but the spec's schema does not
/// declare: the client has no field for them, so they are checked to be in
/// the example and then left out of the comparison. `others` holds values
/// for the required header and query parameters, which the params need and
/// a form example cannot set; they are not part of the form.
pub(crate) fn form_encodes_as_given<P: DeserializeOwned>(name: &str, json: &str, undeclared: &[&str], others: &str, encode: fn(&P) -> Pairs) {
    let mut original: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json).expect("the example is a JSON object");
    for key in undeclared {
        assert!(original.remove(*key).is_some(), "example `{name}` no longer sets `{key}`");
    }
    let mut all: serde_json::Map<String, serde_json::Value> = serde_json::from_str(others).expect("the other values are a JSON object");
    all.extend(original.clone());
    let params: P = serde_json::from_value(serde_json::Value::Object(all)).unwrap_or_else(|err| panic!("example `{name}` does not fit the params: {err}"));
    let mut want: Vec<(String, String)> = Vec::new();
    for (key, value) in &original {
        let values = match value {
            serde_json::Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        };
        for value in values {
            let text = match value {
                serde_json::Value::String(text) => text,
                other => other.to_string(),
            };
            want.push((key.clone(), text));
        }
    }
    let mut got: Vec<(String, String)> = encode(&params).into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    want.sort();
    got.sort();
    assert_eq!(got, want, "example `{name}`");
}
{% endif %}
