//! The typed webhook events of the committed crate (feature `webhooks`),
//! generated from our spec's `x-webhooks`: forms decode into the event their
//! `EventType` names, fields that do not decode are errors naming them, and
//! pre-action answers are the JSON Twilio takes.
//!
//! The forms are laid out like the ones Twilio posts (the field names and
//! the shape of `Media` and `Attributes` follow the Conversations webhooks
//! documentation); the values are made up.

use chrono::{TimeZone, Utc};
use twilio_conversations::{
    ConversationAddResponse, ConversationEvent, ConversationState, DeliveryStatus, EventError,
    EventSource, MessageAddEvent, MessageAddResponse, WebhookAnswer,
};

fn form<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    pairs.iter().copied()
}

#[test]
fn a_pre_action_message_decodes_with_every_type() {
    let pairs = [
        ("EventType", "onMessageAdd"),
        ("AccountSid", "AC00000000000000000000000000000001"),
        ("ConversationSid", "CH00000000000000000000000000000002"),
        ("Source", "SDK"),
        ("ClientIdentity", "alice"),
        ("Author", "alice"),
        ("Body", "¿Qué tal? 你好"),
        ("RetryCount", "1"),
        ("DateCreated", "2024-05-06T07:08:09.123Z"),
        ("Attributes", r#"{"priority":"high","tags":["a"]}"#),
        (
            "Media",
            r#"[{"Sid":"ME00000000000000000000000000000003","Filename":"cat.png","ContentType":"image/png","Size":1234}]"#,
        ),
        ("SomethingNew", "kept"),
    ];
    let event = ConversationEvent::from_form(form(&pairs)).unwrap();
    assert_eq!(event.event_type(), "onMessageAdd");
    assert!(event.is_pre_action());
    let ConversationEvent::MessageAdd(message) = event else {
        panic!("not a MessageAdd: {event:?}");
    };
    assert_eq!(message.body.as_deref(), Some("¿Qué tal? 你好"));
    assert_eq!(message.source, Some(EventSource::Sdk));
    assert_eq!(message.client_identity.as_deref(), Some("alice"));
    assert_eq!(message.retry_count, Some(1));
    assert_eq!(
        message.date_created,
        Some(
            Utc.with_ymd_and_hms(2024, 5, 6, 7, 8, 9).unwrap()
                + chrono::Duration::milliseconds(123)
        )
    );
    assert_eq!(
        message.attributes,
        Some(serde_json::json!({"priority": "high", "tags": ["a"]}))
    );
    let media = message.media.as_ref().unwrap();
    assert_eq!(media.len(), 1);
    assert_eq!(media[0].filename.as_deref(), Some("cat.png"));
    assert_eq!(media[0].size, Some(1234));
    assert_eq!(
        message.other,
        vec![("SomethingNew".to_owned(), "kept".to_owned())]
    );
    // Not sent: None.
    assert_eq!(message.participant_sid, None);
}

#[test]
fn post_action_events_and_their_enums() {
    let delivery = ConversationEvent::from_form(form(&[
        ("EventType", "onDeliveryUpdated"),
        ("Status", "delivered"),
        ("ErrorCode", "0"),
        ("WebhookSid", "WH00000000000000000000000000000004"),
    ]))
    .unwrap();
    assert!(!delivery.is_pre_action());
    let ConversationEvent::DeliveryUpdated(delivery) = delivery else {
        panic!("{delivery:?}");
    };
    assert_eq!(delivery.status, Some(DeliveryStatus::Delivered));
    assert_eq!(delivery.error_code, Some(0));

    let state = ConversationEvent::from_form(form(&[
        ("EventType", "onConversationStateUpdated"),
        ("StateFrom", "active"),
        ("StateTo", "archived-someday"),
    ]))
    .unwrap();
    let ConversationEvent::ConversationStateUpdated(state) = state else {
        panic!("{state:?}");
    };
    assert_eq!(state.state_from, Some(ConversationState::Active));
    // A value the spec does not list is kept, not an error.
    assert_eq!(
        state.state_to.as_ref().map(ConversationState::as_str),
        Some("archived-someday")
    );

    let user = ConversationEvent::from_form(form(&[
        ("EventType", "onUserUpdated"),
        ("IsOnline", "true"),
        ("IsNotifiable", "false"),
        ("Source", "CARRIER_PIGEON"),
    ]))
    .unwrap();
    let ConversationEvent::UserUpdated(user) = user else {
        panic!("{user:?}");
    };
    assert_eq!(
        (user.is_online, user.is_notifiable),
        (Some(true), Some(false))
    );
    assert_eq!(
        user.source,
        Some(EventSource::Unknown("CARRIER_PIGEON".into()))
    );
}

#[test]
fn an_unknown_event_type_keeps_everything() {
    let pairs = [
        ("Body", "x"),
        ("EventType", "onSomethingNew"),
        ("Body", "y"),
    ];
    let event = ConversationEvent::from_form(form(&pairs)).unwrap();
    assert_eq!(event.event_type(), "onSomethingNew");
    assert!(!event.is_pre_action());
    match event {
        ConversationEvent::Unknown { event_type, params } => {
            assert_eq!(event_type, "onSomethingNew");
            assert_eq!(params.len(), 3);
            assert_eq!(params[2], ("Body".to_owned(), "y".to_owned()));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn fields_that_do_not_decode_are_errors_naming_them() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[("EventType", "onMessageAdded"), ("Index", "twelve")],
            "Index",
        ),
        (
            &[
                ("EventType", "onMessageAdded"),
                ("DateCreated", "yesterday"),
            ],
            "DateCreated",
        ),
        (
            &[("EventType", "onMessageAdded"), ("Attributes", "{not json")],
            "Attributes",
        ),
        (
            &[
                ("EventType", "onMessageAdded"),
                ("Media", r#"{"Sid":"ME1"}"#),
            ],
            "Media",
        ),
        (
            &[("EventType", "onUserUpdated"), ("IsOnline", "yes")],
            "IsOnline",
        ),
        (
            &[("EventType", "onMessageAdded"), ("RetryCount", "-")],
            "RetryCount",
        ),
    ];
    for (pairs, field) in cases {
        let err = ConversationEvent::from_form(form(pairs)).unwrap_err();
        assert_eq!(err.field(), Some(*field), "{err:?}");
        assert!(matches!(err, EventError::Invalid { .. }), "{err:?}");
        let text = err.to_string();
        assert!(text.contains(&format!("`{field}`")), "{text}");
        // The message names the field, never the value sent.
        let value = pairs[1].1;
        assert!(!text.contains(value), "{text}");
    }
    let repeated = ConversationEvent::from_form(form(&[
        ("EventType", "onMessageAdd"),
        ("Body", "a"),
        ("Body", "b"),
    ]))
    .unwrap_err();
    assert_eq!(
        repeated,
        EventError::Repeated {
            field: "Body".into()
        }
    );
    let no_type = ConversationEvent::from_form(form(&[("Body", "a")])).unwrap_err();
    assert_eq!(no_type, EventError::MissingEventType);
    let two_types = ConversationEvent::from_form(form(&[
        ("EventType", "onMessageAdd"),
        ("EventType", "onMessageAdded"),
    ]))
    .unwrap_err();
    assert_eq!(two_types.field(), Some("EventType"));
}

#[test]
fn empty_typed_values_are_none() {
    let event = MessageAddEvent::from_form(form(&[
        ("EventType", "onMessageAdd"),
        ("Attributes", ""),
        ("DateCreated", ""),
        ("RetryCount", ""),
        ("Body", ""),
    ]))
    .unwrap();
    assert_eq!(event.attributes, None);
    assert_eq!(event.date_created, None);
    assert_eq!(event.retry_count, None);
    // Text stays text, empty or not.
    assert_eq!(event.body.as_deref(), Some(""));
}

#[test]
fn pre_action_answers() {
    let proceed = WebhookAnswer::proceed();
    assert_eq!((proceed.status(), proceed.body()), (200, None));
    assert!(!proceed.is_rejection());
    assert_eq!(MessageAddResponse::proceed().answer(), proceed);

    let rejected = WebhookAnswer::reject();
    assert!(rejected.is_rejection() && rejected.status() >= 300);
    // A 2xx would let the action through, so it cannot be a rejection.
    assert_eq!(WebhookAnswer::reject_with(204).status(), 403);
    assert_eq!(WebhookAnswer::reject_with(422).status(), 422);
    assert_eq!(WebhookAnswer::reject_with(9999).status(), 403);

    let changed = MessageAddResponse::proceed()
        .body("hello, friend")
        .attributes(&serde_json::json!({"moderated": true}))
        .answer();
    assert_eq!(changed.status(), 200);
    assert_eq!(changed.content_type(), Some("application/json"));
    let json: serde_json::Value = serde_json::from_str(changed.body().unwrap()).unwrap();
    // Twilio takes attributes as a string of JSON.
    assert_eq!(
        json,
        serde_json::json!({"body": "hello, friend", "attributes": "{\"moderated\":true}"})
    );

    let conversation: WebhookAnswer = ConversationAddResponse::proceed()
        .friendly_name("Support")
        .timers_inactive("PT1H")
        .into();
    let json: serde_json::Value = serde_json::from_str(conversation.body().unwrap()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"friendly_name": "Support", "timers.inactive": "PT1H"})
    );
}

/// Events carry personal data as models do, and print it the same way: a
/// message's text and attributes never, an author or identity unless the
/// `redact-personal-data` feature is on, and parameters the spec does not
/// describe (or a whole event of an unknown type) only by count.
#[test]
fn debug_of_events_hides_personal_data_like_models() {
    let pairs = [
        ("EventType", "onMessageAdded"),
        ("ConversationSid", "CH00000000000000000000000000000002"),
        ("Author", "author-sentinel"),
        ("ClientIdentity", "identity-sentinel"),
        ("Body", "body-sentinel"),
        ("Attributes", r#"{"note":"attributes-sentinel"}"#),
        ("Unlisted", "unlisted-sentinel"),
    ];
    let event = ConversationEvent::from_form(form(&pairs)).unwrap();
    for text in [format!("{event:?}"), format!("{event:#?}")] {
        for hidden in ["body-sentinel", "attributes-sentinel", "unlisted-sentinel"] {
            assert!(!text.contains(hidden), "{hidden} in {text}");
        }
        assert!(text.contains("body: Some(<redacted 13 bytes>)"), "{text}");
        assert!(
            text.contains("CH00000000000000000000000000000002"),
            "{text}"
        );
        assert!(text.contains("other: <redacted 1 item>"), "{text}");
        // Standard personal data shows only without the feature, which
        // this crate's tests do not turn on.
        assert!(
            text.contains("author-sentinel") && text.contains("identity-sentinel"),
            "{text}"
        );
    }

    let unknown = [("EventType", "onSomethingNew"), ("Secret", "new-sentinel")];
    let event = ConversationEvent::from_form(form(&unknown)).unwrap();
    let text = format!("{event:?}");
    assert!(!text.contains("new-sentinel"), "{text}");
    assert!(text.contains("onSomethingNew"), "{text}");
}

/// What an app sets in a pre-action answer is personal data too: the
/// builders and the answer print it as models print the fields it changes.
#[test]
fn debug_of_answers_hides_personal_data_like_models() {
    let changes = MessageAddResponse::proceed()
        .body("body-sentinel")
        .author("author-sentinel")
        .attributes(&serde_json::json!({"note": "attributes-sentinel"}));
    for text in [format!("{changes:?}"), format!("{changes:#?}")] {
        assert!(!text.contains("body-sentinel"), "{text}");
        assert!(!text.contains("attributes-sentinel"), "{text}");
        assert!(text.contains("body: Some(<redacted 13 bytes>)"), "{text}");
        assert!(text.contains("author-sentinel"), "{text}");
    }
    let answer = changes.answer();
    assert!(answer.body().unwrap().contains("body-sentinel"));
    for text in [format!("{answer:?}"), format!("{answer:#?}")] {
        assert!(!text.contains("body-sentinel"), "{text}");
        assert!(!text.contains("attributes-sentinel"), "{text}");
        assert!(text.contains("status: 200"), "{text}");
        assert!(text.contains("<redacted 13 bytes>"), "{text}");
        assert!(text.contains("author-sentinel"), "{text}");
    }
    // A change that is not personal data prints as it is.
    let rename = ConversationAddResponse::proceed().timers_inactive("PT1H");
    assert!(format!("{rename:?}").contains("PT1H"), "{rename:?}");
    let text = format!("{:?}", WebhookAnswer::reject());
    assert_eq!(text, "WebhookAnswer { status: 403, body: None }");
}
