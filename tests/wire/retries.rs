//! Retries: 429 for every method (honouring `Retry-After`), 503 only for
//! GET and DELETE, never more than the policy's attempts.

use std::time::{Duration, Instant};

use twilio_conversations::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

/// Mounts `first` for the first `times` matching requests, then `then`.
async fn mount_sequence(
    server: &MockServer,
    http_method: &str,
    url_path: &str,
    first: ResponseTemplate,
    times: u64,
    then: ResponseTemplate,
) {
    Mock::given(method(http_method))
        .and(path(url_path))
        .respond_with(first)
        .up_to_n_times(times)
        .mount(server)
        .await;
    Mock::given(method(http_method))
        .and(path(url_path))
        .respond_with(then)
        .mount(server)
        .await;
}

fn ok_conversation() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(conversation_json("CH1"))
}

#[tokio::test]
async fn a_429_with_retry_after_zero_is_retried_at_once() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "GET",
        "/v1/Conversations/CH1",
        ResponseTemplate::new(429).insert_header("Retry-After", "0"),
        1,
        ok_conversation(),
    )
    .await;

    // The default policy would wait 250-500 ms without `Retry-After`.
    let started = Instant::now();
    let fetched = client_with(&server, RetryPolicy::default())
        .conversations()
        .fetch("CH1")
        .await
        .expect("the retry succeeds");
    let elapsed = started.elapsed();
    assert_eq!(fetched.sid.as_deref(), Some("CH1"));
    assert_eq!(requests(&server).await.len(), 2);
    assert!(
        elapsed < Duration::from_millis(250),
        "Retry-After: 0 was not honoured: took {elapsed:?}"
    );
}

#[tokio::test]
async fn retry_after_seconds_are_waited_out() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "GET",
        "/v1/Conversations/CH1",
        ResponseTemplate::new(429).insert_header("Retry-After", "1"),
        1,
        ok_conversation(),
    )
    .await;

    let started = Instant::now();
    client_with(
        &server,
        RetryPolicy::default()
            .base_delay(Duration::from_millis(1))
            .max_delay(Duration::from_secs(5)),
    )
    .conversations()
    .fetch("CH1")
    .await
    .expect("the retry succeeds");
    let elapsed = started.elapsed();
    assert_eq!(requests(&server).await.len(), 2);
    assert!(
        elapsed >= Duration::from_millis(990),
        "Retry-After: 1 was not waited out: took {elapsed:?}"
    );
}

#[tokio::test]
async fn retry_after_is_capped_by_max_delay() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "GET",
        "/v1/Conversations/CH1",
        ResponseTemplate::new(429).insert_header("Retry-After", "3600"),
        1,
        ok_conversation(),
    )
    .await;

    let started = Instant::now();
    client_with(&server, fast_retries())
        .conversations()
        .fetch("CH1")
        .await
        .expect("the retry succeeds");
    assert_eq!(requests(&server).await.len(), 2);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn a_429_every_time_gives_up_after_three_attempts() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CH1"))
        .respond_with(
            ResponseTemplate::new(429)
                .set_body_json(serde_json::json!({
                    "code": 20429,
                    "message": "Too Many Requests",
                    "more_info": "https://www.twilio.com/docs/errors/20429",
                    "status": 429
                }))
                .insert_header("Twilio-Request-Id", "RQlast"),
        )
        .mount(&server)
        .await;

    let err = client_with(&server, fast_retries())
        .conversations()
        .fetch("CH1")
        .await
        .expect_err("always 429");
    let api = err.api().expect("an API error");
    assert_eq!(api.status, 429);
    assert_eq!(api.code, Some(20429));
    assert_eq!(api.request_id(), Some("RQlast"));
    assert_eq!(requests(&server).await.len(), 3);
}

#[tokio::test]
async fn max_attempts_is_honoured() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CH1"))
        .respond_with(ResponseTemplate::new(429))
        .mount(&server)
        .await;

    let err = client_with(&server, fast_retries().max_attempts(5))
        .conversations()
        .fetch("CH1")
        .await
        .expect_err("always 429");
    assert_eq!(err.status(), Some(429));
    assert_eq!(requests(&server).await.len(), 5);
}

#[tokio::test]
async fn a_429_on_a_post_is_retried_with_the_same_body() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "POST",
        "/v1/Conversations",
        ResponseTemplate::new(429).insert_header("Retry-After", "0"),
        1,
        ResponseTemplate::new(201).set_body_json(conversation_json("CH1")),
    )
    .await;

    let created = client_with(&server, fast_retries())
        .conversations()
        .create(
            &CreateConversationParams::new()
                .friendly_name("Support")
                .x_twilio_webhook_enabled(WebhookEnabledType::True),
        )
        .await
        .expect("the retry succeeds");
    assert_eq!(created.sid.as_deref(), Some("CH1"));

    let received = requests(&server).await;
    assert_eq!(received.len(), 2);
    for request in &received {
        assert_eq!(request.body, b"FriendlyName=Support");
        assert_eq!(header(request, "x-twilio-webhook-enabled"), Some("true"));
        assert_eq!(
            header(request, "authorization"),
            Some(EXPECTED_AUTHORIZATION)
        );
    }
}

#[tokio::test]
async fn a_503_on_a_get_is_retried() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "GET",
        "/v1/Conversations/CH1",
        ResponseTemplate::new(503),
        1,
        ok_conversation(),
    )
    .await;

    let fetched = client_with(&server, fast_retries())
        .conversations()
        .fetch("CH1")
        .await
        .expect("the retry succeeds");
    assert_eq!(fetched.sid.as_deref(), Some("CH1"));
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn a_503_on_a_delete_is_retried() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "DELETE",
        "/v1/Conversations/CH1",
        ResponseTemplate::new(503),
        1,
        ResponseTemplate::new(204),
    )
    .await;

    client_with(&server, fast_retries())
        .conversations()
        .delete("CH1", &DeleteConversationParams::new())
        .await
        .expect("the retry succeeds");
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn a_503_on_an_update_is_not_retried() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "POST",
        "/v1/Conversations/CH1",
        ResponseTemplate::new(503),
        1,
        ok_conversation(),
    )
    .await;

    let err = client_with(&server, fast_retries())
        .conversations()
        .update("CH1", &UpdateConversationParams::new().friendly_name("x"))
        .await
        .expect_err("503, not retried");
    assert_eq!(err.status(), Some(503));
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_500_is_never_retried() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "GET",
        "/v1/Conversations/CH1",
        ResponseTemplate::new(500),
        1,
        ok_conversation(),
    )
    .await;

    let err = client_with(&server, fast_retries())
        .conversations()
        .fetch("CH1")
        .await
        .expect_err("500");
    assert_eq!(err.status(), Some(500));
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn retry_policy_none_sends_once() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "GET",
        "/v1/Conversations/CH1",
        ResponseTemplate::new(429).insert_header("Retry-After", "0"),
        1,
        ok_conversation(),
    )
    .await;

    let err = client_with(&server, RetryPolicy::none())
        .conversations()
        .fetch("CH1")
        .await
        .expect_err("429, not retried");
    assert_eq!(err.status(), Some(429));
    assert_eq!(requests(&server).await.len(), 1);
}
