//! `stream` follows `meta.next_page_url` lazily, on the configured host.

use futures::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use twilio_conversations::*;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

const TWILIO: &str = "https://conversations.twilio.com/v1/Conversations";

fn page_json(index: i64, sids: [&str; 2], next: Option<&str>) -> Value {
    json!({
        "conversations": [conversation_json(sids[0]), conversation_json(sids[1])],
        "meta": {
            "page": index,
            "page_size": 2,
            "first_page_url": format!("{TWILIO}?PageSize=2&Page=0"),
            "previous_page_url": null,
            "url": format!("{TWILIO}?PageSize=2&Page={index}"),
            "next_page_url": next,
            "key": "conversations"
        }
    })
}

/// Three pages of two items; pages 2 and 3 are only reachable through the
/// absolute twilio.com URLs the previous page names.
async fn three_pages() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .and(query_param("PageSize", "2"))
        .and(query_param_is_missing("PageToken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_json(
            0,
            ["CH1", "CH2"],
            Some(&format!("{TWILIO}?PageSize=2&Page=1&PageToken=PT1")),
        )))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .and(query_param("PageToken", "PT1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_json(
            1,
            ["CH3", "CH4"],
            Some(&format!("{TWILIO}?PageSize=2&Page=2&PageToken=PT2")),
        )))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .and(query_param("PageToken", "PT2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_json(2, ["CH5", "CH6"], None)))
        .mount(&server)
        .await;
    server
}

fn sids(items: &[Conversation]) -> Vec<&str> {
    items.iter().map(|c| c.sid.as_deref().unwrap()).collect()
}

fn params() -> ListConversationParams {
    ListConversationParams::new().page_size(2)
}

#[tokio::test]
async fn take_three_fetches_only_two_pages_from_the_mock_server() {
    let server = three_pages().await;
    let items: Vec<Conversation> = client(&server)
        .conversations()
        .stream(&params())
        .take(3)
        .try_collect()
        .await
        .expect("two pages");
    assert_eq!(sids(&items), ["CH1", "CH2", "CH3"]);

    let received = requests(&server).await;
    assert_eq!(received.len(), 2, "page 3 must not be fetched");
    assert_eq!(path_and_query(&received[0]), "/v1/Conversations?PageSize=2");
    assert_eq!(
        path_and_query(&received[1]),
        "/v1/Conversations?PageSize=2&Page=1&PageToken=PT1"
    );
    let host = server.address().to_string();
    for request in &received {
        assert_eq!(request.method.as_str(), "GET");
        // Sent to the configured base URL, never to twilio.com.
        assert_eq!(header(request, "host"), Some(host.as_str()));
        assert_eq!(
            header(request, "authorization"),
            Some(EXPECTED_AUTHORIZATION)
        );
    }
}

#[tokio::test]
async fn collecting_everything_gives_six_items_in_order_after_three_requests() {
    let server = three_pages().await;
    let items: Vec<Conversation> = client(&server)
        .conversations()
        .stream(&params())
        .try_collect()
        .await
        .expect("three pages");
    assert_eq!(sids(&items), ["CH1", "CH2", "CH3", "CH4", "CH5", "CH6"]);

    let received = requests(&server).await;
    let targets: Vec<String> = received.iter().map(path_and_query).collect();
    assert_eq!(
        targets,
        [
            "/v1/Conversations?PageSize=2",
            "/v1/Conversations?PageSize=2&Page=1&PageToken=PT1",
            "/v1/Conversations?PageSize=2&Page=2&PageToken=PT2",
        ]
    );
    let host = server.address().to_string();
    assert!(
        received
            .iter()
            .all(|r| header(r, "host") == Some(host.as_str()))
    );
}

#[tokio::test]
async fn a_stream_dropped_after_the_first_item_fetched_one_page() {
    let server = three_pages().await;
    let conversations = client(&server).conversations();

    let untouched = conversations.stream(&params());
    drop(untouched);
    assert_eq!(requests(&server).await.len(), 0, "streams are lazy");

    let mut stream = Box::pin(conversations.stream(&params()));
    let first = stream.next().await.expect("an item").expect("page 1");
    assert_eq!(first.sid.as_deref(), Some("CH1"));
    drop(stream);
    // Give any stray background work the chance to show up.
    tokio::task::yield_now().await;
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn page_fetch_of_an_absolute_url_goes_to_the_configured_host() {
    let server = three_pages().await;
    let client = client(&server);
    let page: Page<Conversation> = Page::fetch(
        &client,
        &format!("{TWILIO}?PageSize=2&Page=2&PageToken=PT2"),
    )
    .await
    .expect("page 3");
    assert_eq!(sids(&page.items), ["CH5", "CH6"]);
    assert_eq!(page.meta.page, Some(2));
    assert_eq!(page.next_page_url(), None);

    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    assert_eq!(
        path_and_query(&received[0]),
        "/v1/Conversations?PageSize=2&Page=2&PageToken=PT2"
    );
    assert_eq!(
        header(&received[0], "host"),
        Some(server.address().to_string().as_str())
    );
}

#[tokio::test]
async fn an_error_mid_stream_is_yielded_once_and_ends_the_stream() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .and(query_param_is_missing("PageToken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_json(
            0,
            ["CH1", "CH2"],
            Some(&format!("{TWILIO}?PageSize=2&Page=1&PageToken=PT1")),
        )))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .and(query_param("PageToken", "PT1"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({
            "code": 20500, "message": "Internal Server Error", "status": 500
        })))
        .mount(&server)
        .await;

    let outcomes: Vec<Result<Conversation, Error>> = client(&server)
        .conversations()
        .stream(&params())
        .collect()
        .await;
    assert_eq!(outcomes.len(), 3, "{outcomes:?}");
    assert_eq!(outcomes[0].as_ref().unwrap().sid.as_deref(), Some("CH1"));
    assert_eq!(outcomes[1].as_ref().unwrap().sid.as_deref(), Some("CH2"));
    let err = outcomes[2].as_ref().unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(err.api().unwrap().code, Some(20500));
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn an_empty_next_page_url_ends_the_stream() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_json(
            0,
            ["CH1", "CH2"],
            Some(""),
        )))
        .mount(&server)
        .await;

    let items: Vec<Conversation> = client(&server)
        .conversations()
        .stream(&params())
        .try_collect()
        .await
        .expect("one page");
    assert_eq!(sids(&items), ["CH1", "CH2"]);
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn an_item_that_does_not_decode_is_an_error_and_the_stream_goes_on() {
    let server = MockServer::start().await;
    let mut page = page_json(0, ["CH1", "CH3"], None);
    // `date_created` must be a date-time: this item cannot become a Conversation.
    let mut bad = conversation_json("CH2");
    bad["date_created"] = json!("yesterday");
    page["conversations"]
        .as_array_mut()
        .unwrap()
        .insert(1, bad.clone());
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page))
        .mount(&server)
        .await;

    let outcomes: Vec<Result<Conversation, Error>> = client(&server)
        .conversations()
        .stream(&params())
        .collect()
        .await;
    assert_eq!(outcomes.len(), 3, "{outcomes:?}");
    assert_eq!(outcomes[0].as_ref().unwrap().sid.as_deref(), Some("CH1"));
    match &outcomes[1] {
        Err(Error::Decode { status, body, .. }) => {
            assert_eq!(*status, 200);
            let body: Value = serde_json::from_str(body).unwrap();
            assert_eq!(body, bad, "the error keeps the item's own JSON");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert_eq!(outcomes[2].as_ref().unwrap().sid.as_deref(), Some("CH3"));

    // One page, decoded whole, fails as a whole.
    let err = client(&server)
        .conversations()
        .list(&params())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { status: 200, .. }), "{err:?}");
}

#[tokio::test]
async fn paging_by_hand_with_next_page_ends_with_none() {
    let server = three_pages().await;
    let client = client(&server);
    let mut page = client
        .conversations()
        .list(&params())
        .await
        .expect("page 1");
    let mut seen = sids(&page.items).join(",");
    while let Some(next) = page.next_page(&client).await.expect("the next page") {
        seen = format!("{seen},{}", sids(&next.items).join(","));
        page = next;
    }
    assert_eq!(seen, "CH1,CH2,CH3,CH4,CH5,CH6");
    // Pages 2 and 3 went to the mock server, not to twilio.com.
    assert_eq!(requests(&server).await.len(), 3);
}
