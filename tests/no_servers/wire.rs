//! The crate of a spec without `servers` (`no_servers.yaml`) on the wire:
//! a client given a base URL reaches the server there, and building one
//! without a base URL is an error that names `base_url`.
//! `tests/no_servers.rs` runs it in the generated crate.

use serde_json::json;
use serverless_notes::*;
use wiremock::matchers::{body_string, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

#[test]
fn building_a_client_without_a_base_url_fails_naming_it() {
    for builder in [
        Client::builder(ACCOUNT, "token"),
        Client::builder(ACCOUNT, "").api_key("SKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "secret"),
        Client::builder(ACCOUNT, "token").retry_policy(RetryPolicy::none()),
    ] {
        let err = builder.build().unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{err:?}");
        let text = err.to_string();
        assert!(
            text.contains("base_url") && text.contains("no server"),
            "{text}"
        );
    }
    // A base URL that cannot be one is still refused as before.
    let err = Client::builder(ACCOUNT, "token")
        .base_url("notes.example.com")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("http://"), "{err}");
}

#[tokio::test]
async fn a_client_with_a_base_url_reaches_the_server_there() {
    let server = MockServer::start().await;
    let note = json!({ "sid": "NO1", "text": "remember the milk", "pinned": true });
    Mock::given(method("POST"))
        .and(path("/v1/Notes"))
        .and(body_string("Text=remember+the+milk&Pinned=true"))
        .respond_with(ResponseTemplate::new(201).set_body_json(&note))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Notes/NO1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&note))
        .expect(1)
        .mount(&server)
        .await;
    let next = format!("{}/v1/Notes?Page=1", server.uri());
    Mock::given(method("GET"))
        .and(path("/v1/Notes"))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "notes": [],
            "meta": { "next_page_url": null, "key": "notes" },
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Notes"))
        .and(wiremock::matchers::query_param_is_missing("Page"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "notes": [note],
            "meta": { "next_page_url": next, "key": "notes" },
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v1/Notes/NO1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    // With a trailing `/`, as a URL is often written.
    let client = Client::builder(ACCOUNT, "token")
        .base_url(format!("{}/", server.uri()))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(client.base_url(), server.uri());
    let notes = client.notes();
    let created = notes
        .create(&CreateNoteParams::new("remember the milk").pinned(true))
        .await
        .unwrap();
    assert_eq!(created.sid.as_deref(), Some("NO1"));
    assert_eq!(notes.fetch("NO1").await.unwrap(), created);
    let first = notes.list().await.unwrap();
    assert_eq!(first.items, vec![created]);
    let second = first
        .next_page(&client)
        .await
        .unwrap()
        .expect("a second page");
    assert!(second.items.is_empty());
    notes.delete("NO1").await.unwrap();
    server.verify().await;
}
