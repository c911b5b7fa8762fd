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
