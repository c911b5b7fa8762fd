//! The app's own `reqwest::Client`: its default headers reach the server,
//! and the crate still authenticates and retries through it.

use twilio_conversations::*;
use wiremock::matchers::{header as has_header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

/// A client as an app would build it for itself, with a marker header on
/// every request.
fn apps_own_client() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-app-marker", "shared-pool-7".parse().unwrap());
    reqwest::Client::builder()
        .default_headers(headers)
        .user_agent("the-app/2.0")
        .build()
        .unwrap()
}

#[tokio::test]
async fn requests_go_through_the_apps_client_with_auth_and_retries() {
    let server = MockServer::start().await;
    // Only a request carrying the app's marker header is answered; the
    // first is told to retry.
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CH1"))
        .and(has_header("x-app-marker", "shared-pool-7"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CH1"))
        .and(has_header("x-app-marker", "shared-pool-7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(conversation_json("CH1")))
        .mount(&server)
        .await;
    let client = Client::builder(ACCOUNT_SID, AUTH_TOKEN)
        .base_url(server.uri())
        .retry_policy(fast_retries())
        .http_client(apps_own_client())
        .build()
        .expect("client");
    let conversation = client.conversations().fetch("CH1").await.expect("fetched");
    assert_eq!(conversation.sid.as_deref(), Some("CH1"));

    let seen = requests(&server).await;
    assert_eq!(seen.len(), 2, "the 429 was retried through the same client");
    for request in &seen {
        assert_eq!(header(request, "x-app-marker"), Some("shared-pool-7"));
        assert_eq!(
            header(request, "authorization"),
            Some(EXPECTED_AUTHORIZATION)
        );
        // The app's client decides the User-Agent.
        assert_eq!(header(request, "user-agent"), Some("the-app/2.0"));
    }
}

#[tokio::test]
async fn without_the_apps_client_the_marker_is_absent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CH1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(conversation_json("CH1")))
        .mount(&server)
        .await;
    client(&server)
        .conversations()
        .fetch("CH1")
        .await
        .expect("fetched");
    let request = requests(&server).await.pop().expect("one request");
    assert_eq!(header(&request, "x-app-marker"), None);
    let agent = header(&request, "user-agent").unwrap_or_default();
    assert!(agent.starts_with("twilio-conversations/"), "{agent}");
}
