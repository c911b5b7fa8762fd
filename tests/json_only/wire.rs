//! A crate whose every request is JSON (`json_only.yaml`), on the wire
//! against an in-process mock: the body sent, its media type, and the
//! answers decoded. `tests/json_bodies.rs` runs it in the generated crate.

use notes::*;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "token")
        .base_url(server.uri())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn create_fetch_and_delete() {
    let server = MockServer::start().await;
    let stored = json!({ "sid": "NO1", "title": "Groceries", "body": null, "pinned": true, "color": "blue", "date_created": "2027-05-01T08:30:00Z" });
    Mock::given(method("POST"))
        .and(path("/v1/Notes"))
        .respond_with(ResponseTemplate::new(201).set_body_json(&stored))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Notes/NO1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&stored))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v1/Notes/NO1"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let notes = client(&server).notes();

    let body = NoteRequest::new("Groceries").pinned(true).color(NoteColor::Blue);
    let created = notes.create(&body).await.unwrap();
    assert_eq!(created.sid.as_deref(), Some("NO1"));
    assert_eq!(created.body, None);
    assert_eq!(created.color, Some(NoteColor::Blue));
    assert_eq!(
        created.date_created.map(|d| d.to_rfc3339()).as_deref(),
        Some("2027-05-01T08:30:00+00:00")
    );
    let fetched = notes.fetch("NO1").await.unwrap();
    assert_eq!(fetched, created);
    notes.delete("NO1").await.unwrap();

    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 3);
    let sent: Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(
        sent,
        json!({ "title": "Groceries", "pinned": true, "color": "blue" })
    );
    assert_eq!(requests[0].headers.get("content-type").unwrap(), "application/json");
    assert!(requests[1].body.is_empty() && requests[2].body.is_empty());
}
