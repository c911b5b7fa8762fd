//! Personal data stays out of `Debug`: what the committed crate prints for
//! a message with every field set (a snapshot), and our spec marks the same
//! fields as personal data as Twilio's does, plus the few inside the
//! objects it types where Twilio's file leaves them open.
//!
//! The generated crates test each marked field themselves (`src/redact.rs`,
//! one test per field), for our spec here and for Twilio's in `full_api.rs`.

use std::collections::BTreeMap;

use codegen::ir::{Api, Pii};
use twilio_conversations::{
    ConversationMessage, CreateConversationMessageParams, DeliveryAmount, MessageDelivery,
    MessageMedia,
};

/// Every field of a message set, the personal ones to text that must not
/// be printed.
fn message() -> ConversationMessage {
    let mut message = ConversationMessage::default();
    message.account_sid = Some("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into());
    message.conversation_sid = Some("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into());
    message.sid = Some("IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into());
    message.index = Some(7);
    message.author = Some("alice@example.com".into());
    message.body = Some("My card number is 4111 1111 1111 1111".into());
    let mut media = MessageMedia::default();
    media.sid = Some("MEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into());
    media.filename = Some("passport.jpg".into());
    message.media = Some(vec![media]);
    message.attributes = Some(r#"{"home_address":"1 Secret Lane"}"#.into());
    message.participant_sid = Some("MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into());
    message.date_created = Some("2026-01-02T03:04:05Z".parse().unwrap());
    message.date_updated = Some("2026-01-02T03:04:06Z".parse().unwrap());
    message.url = Some("https://conversations.twilio.com/v1/Conversations/CH/Messages/IM".into());
    let mut delivery = MessageDelivery::default();
    delivery.total = Some(1);
    delivery.delivered = Some(DeliveryAmount::All);
    message.delivery = Some(delivery);
    message.links = Some(BTreeMap::from([(
        "delivery_receipts".to_owned(),
        "https://conversations.twilio.com/v1/Receipts".to_owned(),
    )]));
    message.content_sid = Some("HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into());
    message
}

#[test]
fn a_message_prints_without_its_body_and_attributes() {
    let message = message();
    let shown = format!("{message:#?}");
    insta::assert_snapshot!("conversation_message_debug", shown);
    for secret in ["4111", "Secret Lane"] {
        assert!(!shown.contains(secret), "{shown}");
        assert!(!format!("{message:?}").contains(secret));
    }
    // Only what is printed changes: the fields and the JSON keep the values.
    assert!(message.body.as_deref().unwrap().contains("4111"));
    let json = serde_json::to_string(&message).unwrap();
    assert!(
        json.contains("4111") && json.contains("Secret Lane"),
        "{json}"
    );
    let back: ConversationMessage = serde_json::from_str(&json).unwrap();
    assert_eq!(back, message);
}

#[test]
fn params_print_without_the_body_they_send() {
    let params = CreateConversationMessageParams::new()
        .author("alice@example.com")
        .body("My card number is 4111 1111 1111 1111")
        .attributes(r#"{"home_address":"1 Secret Lane"}"#);
    let shown = format!("{params:?}");
    assert!(shown.contains("body: Some(<redacted 37 bytes>)"), "{shown}");
    assert!(
        shown.contains("attributes: Some(<redacted 32 bytes>)"),
        "{shown}"
    );
    assert!(
        !shown.contains("4111") && !shown.contains("Secret"),
        "{shown}"
    );
    // Standard personal data shows without `redact-personal-data`, which
    // this workspace does not turn on.
    assert!(
        shown.contains("author: Some(\"alice@example.com\")"),
        "{shown}"
    );
    assert_eq!(
        params.body.as_deref(),
        Some("My card number is 4111 1111 1111 1111")
    );
}

/// `(struct, field, marking)` of every marked model and params field.
fn marked(api: &Api) -> Vec<(String, String, Pii)> {
    let mut out = Vec::new();
    for model in &api.models {
        for field in &model.fields {
            if let Some(pii) = field.pii {
                out.push((model.name.clone(), field.rust_name.clone(), pii));
            }
        }
    }
    for params in api
        .resources
        .iter()
        .flat_map(|r| &r.operations)
        .filter_map(|op| op.params.as_ref())
    {
        for field in &params.fields {
            if let Some(pii) = field.pii {
                out.push((params.name.clone(), field.rust_name.clone(), pii));
            }
        }
    }
    out.sort();
    out
}

/// The fields our spec marks inside the objects it types where Twilio's
/// file leaves them open (`MessagingBinding`, `MessageMedia`), and in the
/// Media resource, which Twilio's file leaves out: Twilio's file has no
/// such models, so it cannot mark them.
const OURS_ONLY: [(&str, &str, Pii); 5] = [
    ("Media", "author", Pii::Standard),
    ("Media", "filename", Pii::Standard),
    ("MessageMedia", "filename", Pii::Standard),
    ("MessagingBinding", "address", Pii::Standard),
    ("MessagingBinding", "name", Pii::Standard),
];

/// Where our spec marks more than Twilio's: `Bindings.Email.Address`, an
/// email address, which Twilio's spec leaves unmarked (standard, as the
/// other addresses are).
const MARKED_BEYOND_TWILIO: &str = "bindings_email_address";

#[test]
fn our_spec_marks_what_twilios_marks() {
    let ours = marked(&workspace_tests::generate_ours().api);
    let sensitive = ours.iter().filter(|m| m.2 == Pii::Sensitive).count();
    assert_eq!((ours.len() - sensitive, sensitive), (93, 38), "{ours:#?}");
    let extra: Vec<_> = ours
        .iter()
        .filter(|m| m.1 == MARKED_BEYOND_TWILIO)
        .collect();
    assert_eq!(extra.len(), 6, "{extra:#?}");
    assert!(extra.iter().all(|m| m.2 == Pii::Standard), "{extra:#?}");
    let Some(twilio) = workspace_tests::twilio_spec() else {
        return;
    };
    let theirs = codegen::generate(&twilio, &codegen::Options::default())
        .unwrap_or_else(|err| panic!("{err}"))
        .api;
    let structs: Vec<&str> = theirs
        .models
        .iter()
        .map(|m| m.name.as_str())
        .chain(
            theirs
                .resources
                .iter()
                .flat_map(|r| &r.operations)
                .filter_map(|op| op.params.as_ref())
                .map(|p| p.name.as_str()),
        )
        .collect();
    let (shared, only_ours): (Vec<_>, Vec<_>) = ours
        .into_iter()
        .filter(|m| m.1 != MARKED_BEYOND_TWILIO)
        .partition(|(owner, ..)| structs.contains(&owner.as_str()));
    assert_eq!(shared, marked(&theirs));
    let only_ours: Vec<(&str, &str, Pii)> = only_ours
        .iter()
        .map(|(model, field, pii)| (model.as_str(), field.as_str(), *pii))
        .collect();
    assert_eq!(only_ours, OURS_ONLY);
}

/// The webhook events are marked as the REST models mark the same data.
#[test]
fn our_events_are_marked_like_the_models() {
    let api = workspace_tests::generate_ours().api;
    let hooks = api.webhooks.expect("our spec has webhooks");
    let mark = |wire: &str| {
        let marks: Vec<Option<Pii>> = hooks
            .fields()
            .filter(|f| f.wire_name == wire)
            .map(|f| f.pii)
            .collect();
        assert!(!marks.is_empty(), "no event has {wire}");
        assert!(marks.windows(2).all(|w| w[0] == w[1]), "{wire}: {marks:?}");
        marks[0]
    };
    for sensitive in ["Body", "Attributes", "MessageBody"] {
        assert_eq!(mark(sensitive), Some(Pii::Sensitive), "{sensitive}");
    }
    for standard in [
        "Author",
        "ClientIdentity",
        "Identity",
        "FriendlyName",
        "UniqueName",
        "Media",
        "MessagingBinding.Address",
        "MessagingBinding.ProxyAddress",
    ] {
        assert_eq!(mark(standard), Some(Pii::Standard), "{standard}");
    }
    for plain in ["ConversationSid", "Index", "DateCreated", "Source"] {
        assert_eq!(mark(plain), None, "{plain}");
    }
}

/// A spec that marks personal data only as standard (as many of Twilio's
/// do) gives a crate without dead code, with and without
/// `redact-personal-data`, whose own tests of each marked field pass with
/// the feature on (`tests/compile.rs` runs them with it off).
#[test]
fn standard_only_markers_build_warning_free_with_and_without_the_feature() {
    let spec = workspace_tests::root().join("tests/fixtures/constructs/standard_only_pii.yaml");
    let api = codegen::generate(&spec, &codegen::Options::default())
        .unwrap_or_else(|err| panic!("{err}"))
        .api;
    let marks = marked(&api);
    assert!(marks.len() >= 5, "{marks:#?}");
    assert!(marks.iter().all(|m| m.2 == Pii::Standard), "{marks:#?}");
    assert!(api.has_pii(Pii::Standard) && !api.has_pii(Pii::Sensitive));

    let generated = workspace_tests::scratch::ScratchCrate::generate(&spec, "standard-only-pii");
    generated.clippy(&["redact-personal-data", "mock,redact-personal-data"]);
    generated.cargo(&["test", "--lib", "--features", "redact-personal-data"]);
}
