//! No server answer, however malformed, makes the client panic: each answer
//! below ends in a value or an `Error`, and the error is the right kind.

use std::time::Duration;

use futures::StreamExt;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use twilio_conversations::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

/// What a fetch of `CH1` gives when the server answers `answer` every time;
/// retries on, with waits short enough for a test.
async fn fetch_answered(answer: ResponseTemplate) -> (Result<Conversation, Error>, usize) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CH1"))
        .respond_with(answer)
        .mount(&server)
        .await;
    let retry = RetryPolicy::default()
        .max_attempts(2)
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(20));
    let result = tokio::time::timeout(
        Duration::from_secs(10),
        client_with(&server, retry).conversations().fetch("CH1"),
    )
    .await
    .expect("the call ends");
    (result, requests(&server).await.len())
}

fn body(bytes: &[u8]) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(bytes.to_vec(), "application/json")
}

#[tokio::test]
async fn bodies_that_are_not_a_conversation_are_decode_errors() {
    let deep = "[".repeat(100_000);
    let cases: [(&str, &[u8]); 6] = [
        ("empty", b""),
        ("null", b"null"),
        ("a list", b"[]"),
        ("not UTF-8", b"\xff\xfe{\"sid\": \"\xc3\x28\"}"),
        ("truncated", b"{\"sid\": \"CH1\", \"state\": "),
        ("nested 100,000 deep", deep.as_bytes()),
    ];
    for (name, bytes) in cases {
        let (result, _) = fetch_answered(body(bytes)).await;
        match result {
            Err(Error::Decode {
                status: 200, body, ..
            }) => {
                assert_eq!(body, String::from_utf8_lossy(bytes), "{name}");
            }
            other => panic!("{name}: expected a decode error, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn odd_statuses_and_error_bodies_are_api_errors_or_values() {
    // A 2xx the spec does not list is still success.
    let (result, _) =
        fetch_answered(ResponseTemplate::new(299).set_body_json(conversation_json("CH1"))).await;
    assert_eq!(result.expect("a 299 decodes").sid.as_deref(), Some("CH1"));

    // A redirect with nowhere to go, an error body that is not UTF-8, and a
    // request id header that is not text.
    let cases = [
        ResponseTemplate::new(302),
        ResponseTemplate::new(400).set_body_raw(b"\xff\xfeoops".to_vec(), "text/plain"),
        ResponseTemplate::new(404)
            .insert_header("twilio-request-id", b"RQ\xff\xfe".as_slice())
            .set_body_json(json!({"code": "not a number", "message": 7})),
    ];
    for answer in cases {
        let (result, _) = fetch_answered(answer).await;
        let err = result.expect_err("an error status");
        let api = err.api().unwrap_or_else(|| panic!("an API error: {err:?}"));
        assert!(matches!(api.status, 302 | 400 | 404), "{api:?}");
        let _ = (api.request_id(), err.to_string());
    }
}

#[tokio::test]
async fn any_retry_after_is_survived_and_capped() {
    for value in [
        "1e30",
        "inf",
        "-5",
        "NaN",
        "soon",
        "Wed, 21 Oct 2015 07:28:00 GMT",
    ] {
        let (result, attempts) =
            fetch_answered(ResponseTemplate::new(429).insert_header("retry-after", value)).await;
        assert_eq!(result.expect_err("429").status(), Some(429), "{value}");
        assert_eq!(
            attempts, 2,
            "{value}: retried once, after at most max_delay"
        );
    }
}

#[tokio::test]
async fn odd_pages_end_the_stream_with_an_error_or_stay_on_the_configured_host() {
    let server = MockServer::start().await;
    let page = |next: &str| {
        json!({
            "conversations": [conversation_json("CH1")],
            "meta": {"key": "conversations", "next_page_url": next}
        })
    };
    // Page 1 names a next page on another host without a scheme; page 2 one
    // whose host does not parse (only its path is used); page 3 has no `meta`.
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page("//evil.example/p2")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("//evil.example/p2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page("http://[::1/p3")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/p3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"conversations": []})))
        .mount(&server)
        .await;

    let outcomes: Vec<Result<Conversation, Error>> = tokio::time::timeout(
        Duration::from_secs(10),
        client(&server)
            .conversations()
            .stream(&ListConversationParams::new())
            .collect(),
    )
    .await
    .expect("the stream ends");
    assert_eq!(outcomes.len(), 3, "{outcomes:?}");
    assert!(outcomes[0].is_ok() && outcomes[1].is_ok(), "{outcomes:?}");
    assert!(
        matches!(outcomes[2], Err(Error::Decode { .. })),
        "{outcomes:?}"
    );
    // Every request went to the mock server, none to another host.
    let paths: Vec<String> = requests(&server).await.iter().map(path_and_query).collect();
    assert_eq!(paths, ["/v1/Conversations", "//evil.example/p2", "/p3"]);
}

/// A server on 127.0.0.1 that reads one request head and answers `bytes`,
/// then closes the connection.
async fn raw_answer(bytes: &'static [u8]) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1");
    let address = listener.local_addr().expect("a local address");
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.expect("a connection");
        let mut head = Vec::new();
        let mut chunk = [0u8; 1024];
        while !head.windows(4).any(|window| window == b"\r\n\r\n") {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => break,
                Ok(n) => head.extend_from_slice(&chunk[..n]),
            }
        }
        let _ = stream.write_all(bytes).await;
        let _ = stream.shutdown().await;
    });
    format!("http://{address}")
}

#[tokio::test]
async fn broken_http_is_a_transport_error() {
    let cases: [&[u8]; 5] = [
        b"",
        b"NOT HTTP AT ALL\r\n\r\n",
        b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"sid\": \"CH1\"",
        b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n",
        b"HTTP/1.1 999999 Whatever\r\ncontent-length: 0\r\n\r\n",
    ];
    for bytes in cases {
        let base = raw_answer(bytes).await;
        let client = Client::builder(ACCOUNT_SID, AUTH_TOKEN)
            .base_url(base)
            .retry_policy(RetryPolicy::none())
            .build()
            .expect("client");
        let result =
            tokio::time::timeout(Duration::from_secs(10), client.conversations().fetch("CH1"))
                .await
                .expect("the call ends");
        assert!(
            matches!(result, Err(Error::Transport(_))),
            "{:?}: {result:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}
