//! Twilio's published examples against our typed models: every response
//! example in Twilio's file (each 2xx `application/json` `examples` entry)
//! decodes into the committed crate's response type of its operation, and
//! encoding it again keeps every value. This is the check that the objects
//! our spec types where Twilio's file leaves them open (`delivery`, `media`,
//! `timers`, `messaging_binding`, ...) have Twilio's real shapes.
//!
//! Two checks per example, both needed:
//!
//! - **keys**: every key of the example, at any depth, is a field of the
//!   model the generator made for that place (read from the IR of our spec).
//!   A key our model lacks fails, even when its value is `null`, which a
//!   round trip alone would not notice;
//! - **values**: the example decodes with serde into `twilio_conversations`'s
//!   type (a list page as `Page<T>`), and encoding the result gives back
//!   every non-null value, numbers as numbers and instants as the same
//!   instant (a `null` may come back absent: unset fields are left out).
//!
//! A failure means our spec's shape is incomplete: fix the spec, not this test.
//! Twilio's spec is read from `../shared/specs/` at test time. Under CI a
//! missing spec is a failure; elsewhere the test is skipped with a printed reason.

use std::collections::BTreeMap;
use std::path::Path;

use codegen::ir::{Api, Model, ResponseKind, RustType};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use twilio_conversations::*;

/// Decodes `value` as `T` and encodes it again.
fn again<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, String> {
    let decoded: T = serde_json::from_value(value.clone()).map_err(|err| err.to_string())?;
    serde_json::to_value(&decoded).map_err(|err| err.to_string())
}

/// Decodes `value` as a page of `T` and encodes its items again.
fn again_page<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Vec<Value>, String> {
    let page: Page<T> = serde_json::from_value(value.clone()).map_err(|err| err.to_string())?;
    page.items
        .iter()
        .map(|item| serde_json::to_value(item).map_err(|err| err.to_string()))
        .collect()
}

/// The round trips through each response model of the crate; the test
/// checks that this list names every model an operation answers with.
macro_rules! response_models {
    ($($model:ident),* $(,)?) => {
        const MODELS: &[&str] = &[$(stringify!($model)),*];

        fn round_trip(model: &str, value: &Value) -> Result<Value, String> {
            match model {
                $(stringify!($model) => again::<$model>(value),)*
                other => Err(format!("no round trip for {other}")),
            }
        }

        fn round_trip_page(model: &str, value: &Value) -> Result<Vec<Value>, String> {
            match model {
                $(stringify!($model) => again_page::<$model>(value),)*
                other => Err(format!("no round trip for {other}")),
            }
        }
    };
}

response_models![
    Configuration,
    ConfigurationAddress,
    ConfigurationWebhook,
    Conversation,
    ConversationMessage,
    ConversationMessageReceipt,
    ConversationParticipant,
    ConversationScopedWebhook,
    ConversationWithParticipants,
    Credential,
    Media,
    ParticipantConversation,
    Role,
    Service,
    ServiceBinding,
    ServiceConfiguration,
    ServiceConversation,
    ServiceConversationMessage,
    ServiceConversationMessageReceipt,
    ServiceConversationParticipant,
    ServiceConversationScopedWebhook,
    ServiceConversationWithParticipants,
    ServiceNotification,
    ServiceParticipantConversation,
    ServiceRole,
    ServiceUser,
    ServiceUserConversation,
    ServiceWebhookConfiguration,
    User,
    UserConversation,
];

/// One response example of Twilio's file.
struct Example {
    operation_id: String,
    name: String,
    value: Value,
}

/// Every example under a 2xx `application/json` response, in spec order.
fn examples_of(spec: &Path) -> Vec<Example> {
    let text = std::fs::read_to_string(spec).expect("Twilio's spec is readable");
    let spec: Value = serde_yaml::from_str(&text).expect("Twilio's spec is YAML");
    let mut out = Vec::new();
    let paths = spec["paths"].as_object().expect("the spec has paths");
    for item in paths.values() {
        for operation in item.as_object().into_iter().flat_map(|i| i.values()) {
            let Some(id) = operation["operationId"].as_str() else {
                continue;
            };
            let responses = operation["responses"].as_object().into_iter().flatten();
            for (_, response) in responses.filter(|(code, _)| code.starts_with('2')) {
                let examples = response["content"]["application/json"]["examples"].as_object();
                for (name, example) in examples.into_iter().flatten() {
                    out.push(Example {
                        operation_id: id.to_owned(),
                        name: name.clone(),
                        value: example["value"].clone(),
                    });
                }
            }
        }
    }
    out
}

/// The keys of `value` (at `at`) that the type `ty` has no field for.
fn unknown_keys(api: &Api, ty: &RustType, value: &Value, at: &str, out: &mut Vec<String>) {
    match (ty, value) {
        (_, Value::Null) | (RustType::Json, _) => {}
        (RustType::Option(inner) | RustType::Boxed(inner), _) => {
            unknown_keys(api, inner, value, at, out)
        }
        (RustType::Vec(inner), Value::Array(items)) => {
            for (index, item) in items.iter().enumerate() {
                unknown_keys(api, inner, item, &format!("{at}/{index}"), out);
            }
        }
        (RustType::Map(inner), Value::Object(entries)) => {
            for (key, item) in entries {
                unknown_keys(api, inner, item, &format!("{at}/{key}"), out);
            }
        }
        (RustType::Named(name), Value::Object(entries)) => {
            let Some(model) = api.models.iter().find(|m| &m.name == name) else {
                out.push(format!("{at}: an object where {name} is not a model"));
                return;
            };
            model_keys(api, model, entries, at, out);
        }
        // Scalars and enums: serde decides, in the round trip.
        _ => {}
    }
}

fn model_keys(
    api: &Api,
    model: &Model,
    entries: &serde_json::Map<String, Value>,
    at: &str,
    out: &mut Vec<String>,
) {
    for (key, item) in entries {
        match model.fields.iter().find(|f| &f.wire_name == key) {
            Some(field) => unknown_keys(api, &field.ty, item, &format!("{at}/{key}"), out),
            None => out.push(format!("{at}/{key}: {} has no such field", model.name)),
        }
    }
}

/// The places where `again` lost or changed a value of `original`.
fn losses(at: &str, original: &Value, again: &Value, out: &mut Vec<String>) {
    match (original, again) {
        (Value::Null, _) => {}
        (Value::Object(want), Value::Object(got)) => {
            for (key, value) in want {
                let got = got.get(key).unwrap_or(&Value::Null);
                losses(&format!("{at}/{key}"), value, got, out);
            }
        }
        (Value::Array(want), Value::Array(got)) if want.len() == got.len() => {
            for (index, (want, got)) in want.iter().zip(got).enumerate() {
                losses(&format!("{at}/{index}"), want, got, out);
            }
        }
        (Value::Number(want), Value::Number(got)) if want.as_f64() == got.as_f64() => {}
        (Value::String(want), Value::String(got)) if want != got => {
            let instant = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().ok();
            if instant(want).is_none() || instant(want) != instant(got) {
                out.push(format!("{at}: {want:?} came back as {got:?}"));
            }
        }
        (want, got) if want == got => {}
        (want, got) => out.push(format!("{at}: {want} came back as {got}")),
    }
}

/// What is wrong with one example: unknown keys, a failed decode, or lost values.
fn check(api: &Api, response: &ResponseKind, value: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    match response {
        ResponseKind::Json(ty @ RustType::Named(model)) => {
            unknown_keys(api, ty, value, "", &mut problems);
            match round_trip(model, value) {
                Ok(again) => losses("", value, &again, &mut problems),
                Err(err) => problems.push(format!("does not decode as {model}: {err}")),
            }
        }
        ResponseKind::Page {
            item: ty @ RustType::Named(model),
            items_key,
        } => {
            let items = value[items_key.as_str()].as_array().cloned();
            let Some(items) = items else {
                problems.push(format!("no `{items_key}` array"));
                return problems;
            };
            for (index, item) in items.iter().enumerate() {
                unknown_keys(
                    api,
                    ty,
                    item,
                    &format!("/{items_key}/{index}"),
                    &mut problems,
                );
            }
            match round_trip_page(model, value) {
                Ok(again) if again.len() == items.len() => {
                    for (index, (item, again)) in items.iter().zip(&again).enumerate() {
                        losses(&format!("/{items_key}/{index}"), item, again, &mut problems);
                    }
                }
                Ok(again) => problems.push(format!(
                    "{} items came back as {}",
                    items.len(),
                    again.len()
                )),
                Err(err) => problems.push(format!("does not decode as Page<{model}>: {err}")),
            }
        }
        other => problems.push(format!("an example for a response of kind {other:?}")),
    }
    problems
}

#[test]
fn every_twilio_response_example_decodes_into_our_models_without_loss() {
    let Some(spec) = workspace_tests::twilio_spec() else {
        return;
    };
    let api = workspace_tests::generate_ours().api;
    let operations: BTreeMap<&str, &ResponseKind> = api
        .resources
        .iter()
        .flat_map(|r| &r.operations)
        .map(|op| (op.operation_id.as_str(), &op.response))
        .collect();

    // The round trips cover every model an operation answers with.
    let mut answered: Vec<&str> = operations
        .values()
        .filter_map(|response| match response {
            ResponseKind::Json(RustType::Named(name))
            | ResponseKind::Page {
                item: RustType::Named(name),
                ..
            } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    answered.sort();
    answered.dedup();
    assert_eq!(
        answered, MODELS,
        "response_models! must list every response model"
    );

    let examples = examples_of(&spec);
    let mut failures = Vec::new();
    let mut checked = 0;
    for example in &examples {
        let Some(response) = operations.get(example.operation_id.as_str()) else {
            failures.push(format!(
                "{}: Twilio's operation is not in our spec",
                example.operation_id
            ));
            continue;
        };
        checked += 1;
        for problem in check(&api, response, &example.value) {
            failures.push(format!(
                "{} example `{}`: {problem}",
                example.operation_id, example.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Twilio's file has 151 such examples, over 87 responses.
    assert_eq!(checked, 151);
}

/// The checks catch what they are for: a key our models lack (even with a
/// `null` value), a value of the wrong shape, a value that would be dropped.
#[test]
fn the_checks_fail_on_a_missing_key_a_wrong_shape_and_a_lost_value() {
    let api = workspace_tests::generate_ours().api;
    let message = ResponseKind::Json(RustType::Named("ConversationMessage".into()));
    let good = serde_json::json!({
        "sid": "IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "media": [{"sid": "MEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "size": 42, "filename": null}],
        "delivery": {"total": 2, "sent": "all", "failed": "none"},
        "date_created": "2024-03-05T14:30:00Z",
    });
    assert_eq!(check(&api, &message, &good), Vec::<String>::new());

    let mut unknown = good.clone();
    unknown["delivery"]["queued"] = Value::Null;
    assert_eq!(
        check(&api, &message, &unknown),
        ["/delivery/queued: MessageDelivery has no such field"]
    );

    let mut wrong = good.clone();
    wrong["delivery"]["total"] = Value::from("two");
    let problems = check(&api, &message, &wrong);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("does not decode as ConversationMessage: "));

    let mut lost = Vec::new();
    losses(
        "",
        &serde_json::json!({"a": {"b": 1, "c": null}, "d": "2024-03-05T14:30:00Z"}),
        &serde_json::json!({"a": {}, "d": "2024-03-05T14:30:00+00:00"}),
        &mut lost,
    );
    assert_eq!(lost, ["/a/b: 1 came back as null"]);
}
