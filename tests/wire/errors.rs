//! Non-2xx answers, undecodable 2xx answers, timeouts and transport failures.

use std::time::{Duration, Instant};

use serde_json::json;
use twilio_conversations::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

#[tokio::test]
async fn a_twilio_json_error_becomes_an_api_error_with_every_field() {
    let server = MockServer::start().await;
    let body = json!({
        "code": 20404,
        "message": "The requested resource /Conversations/CHmissing was not found",
        "more_info": "https://www.twilio.com/docs/errors/20404",
        "status": 404
    });
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CHmissing"))
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_json(&body)
                .insert_header("Twilio-Request-Id", "RQxxx"),
        )
        .mount(&server)
        .await;

    let err = client_with(&server, fast_retries())
        .conversations()
        .fetch("CHmissing")
        .await
        .expect_err("404");
    assert_eq!(err.status(), Some(404));
    let Error::Api(api) = &err else {
        panic!("expected Error::Api, got {err:?}");
    };
    assert_eq!(api.status, 404);
    assert_eq!(api.code, Some(20404));
    assert_eq!(
        api.message.as_deref(),
        Some("The requested resource /Conversations/CHmissing was not found")
    );
    assert_eq!(
        api.more_info.as_deref(),
        Some("https://www.twilio.com/docs/errors/20404")
    );
    assert_eq!(api.details, None);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&api.body).unwrap(),
        body
    );
    assert_eq!(api.request_id(), Some("RQxxx"));
    assert_eq!(
        api.headers
            .get("twilio-request-id")
            .unwrap()
            .to_str()
            .unwrap(),
        "RQxxx"
    );
    assert_eq!(
        err.to_string(),
        "HTTP 404 (Twilio error 20404): The requested resource /Conversations/CHmissing was not found"
    );
    // A 404 is not retried, whatever the policy.
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn error_details_are_kept() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "code": 50353,
            "message": "Invalid timers",
            "more_info": "https://www.twilio.com/docs/errors/50353",
            "status": 400,
            "details": {"field": "Timers.Inactive", "min": "PT1M"}
        })))
        .mount(&server)
        .await;

    let err = client(&server)
        .conversations()
        .create(&CreateConversationParams::new().timers_inactive("PT1S"))
        .await
        .expect_err("400");
    let api = err.api().expect("an API error");
    assert_eq!(api.status, 400);
    assert_eq!(api.code, Some(50353));
    assert_eq!(
        api.details,
        Some(json!({"field": "Timers.Inactive", "min": "PT1M"}))
    );
    assert_eq!(api.request_id(), None);
}

#[tokio::test]
async fn an_html_503_on_a_post_is_not_retried_and_keeps_the_raw_body() {
    let server = MockServer::start().await;
    let html = "<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n\
                <body><center><h1>503 Service Temporarily Unavailable</h1></center></body>\n</html>\n";
    Mock::given(method("POST"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(503).set_body_raw(html, "text/html"))
        .mount(&server)
        .await;

    // The default policy (with tiny delays): a retried POST would show up as
    // more than one request.
    let err = client_with(&server, fast_retries())
        .conversations()
        .create(&CreateConversationParams::new().friendly_name("x"))
        .await
        .expect_err("503");
    let Error::Api(api) = &err else {
        panic!("expected Error::Api, got {err:?}");
    };
    assert_eq!(api.status, 503);
    assert_eq!(api.body, html);
    assert_eq!(api.code, None);
    assert_eq!(api.message, None);
    assert_eq!(api.more_info, None);
    assert_eq!(api.details, None);
    assert_eq!(
        api.headers.get("content-type").unwrap().to_str().unwrap(),
        "text/html"
    );
    assert!(
        err.to_string()
            .starts_with("HTTP 503: <html>\n<head><title>503 Service Temporarily Unavailable"),
        "{err}"
    );
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_200_with_malformed_json_is_a_decode_error_that_keeps_the_body() {
    let server = MockServer::start().await;
    let broken = r#"{"sid": "CH1", "state": "act"#;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CH1"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(broken, "application/json"))
        .mount(&server)
        .await;

    let err = client_with(&server, fast_retries())
        .conversations()
        .fetch("CH1")
        .await
        .expect_err("malformed JSON");
    let Error::Decode {
        status,
        body,
        source,
    } = &err
    else {
        panic!("expected Error::Decode, got {err:?}");
    };
    assert_eq!(*status, 200);
    assert_eq!(body, broken);
    assert!(source.is_eof(), "{source}");
    assert_eq!(err.status(), Some(200));
    assert!(
        err.to_string()
            .starts_with("cannot decode the 200 response: "),
        "{err}"
    );
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_200_with_a_wrongly_typed_field_is_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CH1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"sid": 42})))
        .mount(&server)
        .await;

    let err = client(&server)
        .conversations()
        .fetch("CH1")
        .await
        .expect_err("sid is not a string");
    let Error::Decode {
        status,
        body,
        source,
    } = &err
    else {
        panic!("expected Error::Decode, got {err:?}");
    };
    assert_eq!(*status, 200);
    assert_eq!(body, r#"{"sid":42}"#);
    assert!(source.is_data(), "{source}");
}

#[tokio::test]
async fn a_slow_server_is_a_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CHslow"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(conversation_json("CHslow"))
                .set_delay(Duration::from_secs(2)),
        )
        .mount(&server)
        .await;
    let client = Client::builder(ACCOUNT_SID, AUTH_TOKEN)
        .base_url(server.uri())
        .retry_policy(RetryPolicy::none())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();

    let started = Instant::now();
    let err = client
        .conversations()
        .fetch("CHslow")
        .await
        .expect_err("the server is too slow");
    let elapsed = started.elapsed();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert_eq!(err.status(), None);
    assert!(err.to_string().starts_with("request timed out: "), "{err}");
    assert!(
        elapsed >= Duration::from_millis(190) && elapsed < Duration::from_millis(1500),
        "gave up after {elapsed:?}"
    );
}

/// A port that was free a moment ago: connecting to it is refused.
fn refused_base_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{address}")
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error_retried_only_for_get() {
    let base_url = refused_base_url();
    let policy = RetryPolicy::default()
        .base_delay(Duration::from_millis(200))
        .max_delay(Duration::from_secs(1));
    let client = Client::builder(ACCOUNT_SID, AUTH_TOKEN)
        .base_url(base_url)
        .retry_policy(policy)
        .build()
        .unwrap();

    // GET: three attempts, so at least the two shortest backoffs
    // (half of 200 ms, then half of 400 ms) are waited out.
    let started = Instant::now();
    let err = client
        .conversations()
        .fetch("CH1")
        .await
        .expect_err("nothing listens");
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "a GET should have been retried; gave up after {:?}",
        started.elapsed()
    );

    // POST: not retried, so no backoff is waited out.
    let started = Instant::now();
    let err = client
        .conversations()
        .create(&CreateConversationParams::new())
        .await
        .expect_err("nothing listens");
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_millis(100),
        "a POST should not have been retried; gave up after {:?}",
        started.elapsed()
    );
}

/// Query values can be personal data: neither a transport error's message
/// nor a page's `Debug` shows them.
#[tokio::test]
async fn urls_in_errors_and_pages_hide_query_values() {
    // Nothing listens on a port just freed: the request fails to connect.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let unreachable = Client::builder(ACCOUNT_SID, AUTH_TOKEN)
        .base_url(&closed)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let params = ListServiceBindingParams::new().identity(["alice@example.com"]);
    let err = unreachable
        .services()
        .bindings("IS00000000000000000000000000000001")
        .list(&params)
        .await
        .unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(!text.contains("alice"), "{text}");
    assert!(text.contains("Identity=REDACTED"), "{text}");

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Services/IS1/Bindings"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "bindings": [],
            "meta": {
                "page": 0,
                "page_size": 50,
                "key": "bindings",
                "url": "https://conversations.twilio.com/v1/Services/IS1/Bindings?Identity=alice%40example.com&PageSize=50",
                "first_page_url": "https://conversations.twilio.com/v1/Services/IS1/Bindings?Identity=alice%40example.com&PageSize=50&Page=0",
                "next_page_url": null,
                "previous_page_url": null
            }
        })))
        .mount(&server)
        .await;
    let page = client(&server)
        .services()
        .bindings("IS1")
        .list(&params)
        .await
        .unwrap();
    let text = format!("{page:?}");
    assert!(!text.contains("alice"), "{text}");
    assert!(
        text.contains("Bindings?Identity=REDACTED&PageSize=REDACTED"),
        "{text}"
    );
    // The page keeps its URLs whole.
    assert!(
        page.meta
            .url
            .unwrap_or_default()
            .contains("alice%40example.com")
    );
}
