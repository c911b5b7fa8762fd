//! Path parameters are percent-encoded as exactly one segment, and requests
//! stay on the configured base URL.

use twilio_conversations::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

#[tokio::test]
async fn a_hostile_sid_reaches_the_server_as_one_encoded_segment() {
    let server = MockServer::start().await;
    // The mock answers only when the path arrives still encoded, as one
    // segment.
    Mock::given(method("GET"))
        .and(|request: &wiremock::Request| {
            request.url.path() == "/v1/Conversations/a%2Fb%3Fc%23d%20e%25"
        })
        .respond_with(ResponseTemplate::new(200).set_body_json(conversation_json("CHx")))
        .mount(&server)
        .await;

    let fetched = client(&server)
        .conversations()
        .fetch("a/b?c#d e%")
        .await
        .expect("the mock answers");
    assert_eq!(fetched.sid.as_deref(), Some("CHx"));

    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    let url = received[0].url.as_str();
    // wiremock rebuilds the URL on host `localhost` from the request target.
    assert_eq!(
        url,
        "http://localhost/v1/Conversations/a%2Fb%3Fc%23d%20e%25"
    );
    assert_eq!(received[0].url.query(), None);
    assert_eq!(received[0].url.fragment(), None);
}

#[tokio::test]
async fn a_hostile_sid_is_written_as_one_segment_in_the_raw_request_line() {
    let (base_url, head) = raw_server();
    let client = Client::builder(ACCOUNT_SID, AUTH_TOKEN)
        .base_url(base_url)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();

    let err = client
        .conversations()
        .delete("a/b?c#d e%é", &DeleteConversationParams::new())
        .await
        .expect_err("the raw server answers 404");
    assert_eq!(err.status(), Some(404));
    assert_eq!(
        head.join().unwrap(),
        "DELETE /v1/Conversations/a%2Fb%3Fc%23d%20e%25%C3%A9 HTTP/1.1"
    );
}

/// An empty sid, `.` and `..` cannot travel as one segment: URL parsers
/// (WHATWG rules, the `url` crate inside reqwest) resolve even `%2E` away, so
/// `fetch("..")` would become `GET /v1/` and `fetch(".")` or `fetch("")` the
/// list endpoint. The client refuses them before anything is sent.
#[tokio::test]
async fn empty_and_dot_sids_are_refused_before_anything_is_sent() {
    let server = MockServer::start().await;
    let client = client(&server);
    for sid in ["", ".", ".."] {
        let outcome = client.conversations().fetch(sid).await;
        let delete = client
            .conversations()
            .delete(sid, &DeleteConversationParams::new())
            .await;
        assert!(
            matches!(outcome, Err(Error::Config(_))),
            "fetch({sid:?}): {outcome:?}"
        );
        assert!(
            matches!(delete, Err(Error::Config(_))),
            "delete({sid:?}): {delete:?}"
        );
    }
    assert!(requests(&server).await.is_empty(), "a refused sid was sent");
}

#[tokio::test]
async fn a_base_url_with_a_path_prefix_and_trailing_slash_is_kept() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/proxy/twilio/v1/Conversations/CH1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(conversation_json("CH1")))
        .mount(&server)
        .await;
    let client = Client::builder(ACCOUNT_SID, AUTH_TOKEN)
        .base_url(format!("{}/proxy/twilio/", server.uri()))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(client.base_url(), format!("{}/proxy/twilio", server.uri()));

    let fetched = client.conversations().fetch("CH1").await.expect("200");
    assert_eq!(fetched.sid.as_deref(), Some("CH1"));
    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].url.path(), "/proxy/twilio/v1/Conversations/CH1");
}

#[tokio::test]
async fn a_base_url_without_a_scheme_is_a_config_error() {
    let err = Client::builder(ACCOUNT_SID, AUTH_TOKEN)
        .base_url("127.0.0.1:4010")
        .build()
        .expect_err("no scheme");
    assert!(matches!(err, Error::Config(_)), "{err:?}");
}
