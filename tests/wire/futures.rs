//! What an operation returns is a [`Pending`] future that owns its request:
//! spawnable, lazy, and failing on `.await` when the request cannot be built.

use std::future::Future;

use twilio_conversations::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

/// Compiles only for a future a task can own.
fn spawnable<F: Future + Send + 'static>(future: F) -> F {
    future
}

#[tokio::test]
async fn a_call_borrows_neither_the_client_nor_its_params_and_can_be_spawned() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(201).set_body_json(conversation_json("CHnew")))
        .expect(1)
        .mount(&server)
        .await;

    let pending = {
        // Both are dropped before the future runs.
        let client = client(&server);
        let params = CreateConversationParams::new().friendly_name("Order #1234");
        spawnable(client.conversations().create(&params))
    };
    let created = tokio::spawn(pending)
        .await
        .expect("the task ran")
        .expect("the mock answers");
    assert_eq!(created.sid.as_deref(), Some("CHnew"));

    let with_response = client(&server).conversations().fetch_with_response("CHnew");
    let task = tokio::spawn(spawnable(with_response));
    let err = task
        .await
        .expect("the task ran")
        .expect_err("nothing answers a fetch");
    assert_eq!(err.status(), Some(404));
}

#[tokio::test]
async fn nothing_is_sent_until_the_future_is_awaited() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(conversation_json("CHx")))
        .mount(&server)
        .await;
    let client = client(&server);

    let pending = client.conversations().fetch("CHx");
    tokio::task::yield_now().await;
    assert!(
        requests(&server).await.is_empty(),
        "sent before it was awaited"
    );
    drop(pending);
    assert!(
        requests(&server).await.is_empty(),
        "a dropped future sent its request"
    );

    let fetched = client
        .conversations()
        .fetch("CHx")
        .await
        .expect("the mock answers");
    assert_eq!(fetched.sid.as_deref(), Some("CHx"));
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_request_that_cannot_be_built_fails_when_awaited_with_nothing_sent() {
    let server = MockServer::start().await;
    let client = client(&server);

    let pending = client.conversations().messages("..").fetch("IMx");
    assert!(format!("{pending:?}").contains("failed"), "{pending:?}");
    let err = pending
        .await
        .expect_err("`..` is refused as a path parameter");
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert!(err.to_string().contains("`..`"), "{err}");
    assert!(requests(&server).await.is_empty());
}
