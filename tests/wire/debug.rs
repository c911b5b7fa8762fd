//! No `Debug` output ever contains a credential.

use twilio_conversations::*;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

fn assert_no_secret(text: &str, secret: &str) {
    assert!(
        !text.contains(secret),
        "`{secret}` leaked into Debug output: {text}"
    );
}

#[tokio::test]
async fn client_and_builder_debug_never_show_the_auth_token() {
    let builder = Client::builder(ACCOUNT_SID, AUTH_TOKEN).base_url("http://127.0.0.1:9");
    for text in [format!("{builder:?}"), format!("{builder:#?}")] {
        assert_no_secret(&text, AUTH_TOKEN);
        assert!(text.contains("<redacted>"), "{text}");
        assert!(text.contains(ACCOUNT_SID), "{text}");
    }

    let client = builder.build().unwrap();
    for text in [
        format!("{client:?}"),
        format!("{client:#?}"),
        format!("{:?}", client.conversations()),
    ] {
        assert_no_secret(&text, AUTH_TOKEN);
        assert!(text.contains("<redacted>"), "{text}");
    }

    let with_key = Client::builder(ACCOUNT_SID, AUTH_TOKEN).api_key("SKkey", "api-s3cr3t-value");
    let text = format!("{with_key:?}");
    assert_no_secret(&text, AUTH_TOKEN);
    assert_no_secret(&text, "api-s3cr3t-value");
    let text = format!("{:?}", with_key.build().unwrap());
    assert_no_secret(&text, AUTH_TOKEN);
    assert_no_secret(&text, "api-s3cr3t-value");
}

#[tokio::test]
async fn errors_never_show_the_auth_token() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_string("unauthorized"))
        .mount(&server)
        .await;

    let err = client(&server)
        .conversations()
        .fetch("CH1")
        .await
        .expect_err("401");
    assert_eq!(err.status(), Some(401));
    assert_no_secret(&format!("{err:?}"), AUTH_TOKEN);
    assert_no_secret(&format!("{err:?}"), EXPECTED_AUTHORIZATION);
    assert_no_secret(&err.to_string(), AUTH_TOKEN);
}

#[tokio::test]
async fn a_redirect_to_another_host_does_not_carry_the_credentials() {
    let elsewhere = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(conversation_json("CH1")))
        .mount(&elsewhere)
        .await;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(302).insert_header(
            "Location",
            format!("{}/v1/Conversations/CH1", elsewhere.uri()),
        ))
        .mount(&server)
        .await;

    // Whether or not the redirect is followed, the other host must never see
    // the Authorization header.
    let _ = client(&server).conversations().fetch("CH1").await;
    assert_eq!(requests(&server).await.len(), 1);
    for request in requests(&elsewhere).await {
        assert_eq!(header(&request, "authorization"), None);
    }
}

/// Text of a message that must not reach a log.
const MESSAGE_TEXT: &str = "my card is 4111 1111 1111 1111";

#[tokio::test]
async fn a_message_that_does_not_decode_keeps_its_body_but_prints_without_its_text() {
    let server = MockServer::start().await;
    // `index` is not a number, so the message does not decode.
    let body = serde_json::json!({
        "sid": "IM1",
        "index": "first",
        "body": MESSAGE_TEXT,
        "attributes": format!("{{\"note\":\"{MESSAGE_TEXT}\"}}"),
    });
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&body))
        .mount(&server)
        .await;
    let err = client(&server)
        .conversations()
        .messages("CH1")
        .fetch("IM1")
        .await
        .expect_err("index is not a number");
    for text in [
        format!("{err:?}"),
        format!("{err:#?}"),
        err.to_string(),
        format!("{:?}", anyhow_like_chain(&err)),
    ] {
        assert_no_secret(&text, "4111");
    }
    // The decoder's message quotes the value it could not take; which field
    // it is in, it does not say, so that value is hidden too (the body
    // shows it: `index` is not personal data).
    assert!(!err.to_string().contains("first"), "{err}");
    assert!(err.to_string().contains("<redacted 5 bytes>"), "{err}");
    let debug = format!("{err:?}");
    assert!(debug.contains(r#"\"index\":\"first\""#), "{debug}");
    assert!(
        debug.contains(r#"\"body\":\"<redacted 30 bytes>\""#),
        "{debug}"
    );
    assert!(debug.contains("IM1"), "other values stay: {debug}");
    let Error::Decode { body: kept, .. } = &err else {
        panic!("{err:?}");
    };
    assert!(
        kept.contains(MESSAGE_TEXT),
        "the caller keeps the body: {kept}"
    );
}

#[tokio::test]
async fn an_api_error_prints_without_the_sensitive_values_it_echoes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "code": 21000,
            "message": "Invalid message",
            "details": { "body": MESSAGE_TEXT },
            "body": MESSAGE_TEXT,
        })))
        .mount(&server)
        .await;
    let err = client(&server)
        .conversations()
        .messages("CH1")
        .create(&CreateConversationMessageParams::new().body(MESSAGE_TEXT))
        .await
        .expect_err("400");
    for text in [format!("{err:?}"), format!("{err:#?}"), err.to_string()] {
        assert_no_secret(&text, "4111");
        assert!(text.contains("21000"), "{text}");
    }
    let api = err.api().expect("an API error");
    assert!(api.body.contains(MESSAGE_TEXT));
    assert_eq!(api.details.as_ref().unwrap()["body"], MESSAGE_TEXT);
}

/// What an error reporter prints: the error and each of its sources.
fn anyhow_like_chain(err: &(dyn std::error::Error + 'static)) -> Vec<String> {
    let mut chain = vec![err.to_string()];
    let mut source = err.source();
    while let Some(next) = source {
        chain.push(next.to_string());
        source = next.source();
    }
    chain
}
