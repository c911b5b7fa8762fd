//! Create, fetch, update, delete and list: what goes over the wire and what
//! comes back.

use chrono::{TimeZone, Utc};
use serde_json::json;
use twilio_conversations::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

#[tokio::test]
async fn create_sends_every_field_as_an_exact_form_body_and_decodes_the_201() {
    let server = MockServer::start().await;
    let response = json!({
        "sid": "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "account_sid": ACCOUNT_SID,
        "chat_service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "messaging_service_sid": "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "friendly_name": "Support & Sales",
        "unique_name": "support-1",
        "attributes": "{\"tier\":\"gold\"}",
        "date_created": "2015-12-16T22:18:37Z",
        "date_updated": "2015-12-17T08:00:00Z",
        "state": "active",
        "timers": {"date_inactive": "2015-12-16T22:19:37Z", "date_closed": "2015-12-16T22:28:37Z"},
        "bindings": {"email": {"projected_address": "support@example.com", "name": "Support Team"}},
        "url": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "links": {
            "participants": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants",
            "messages": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages",
            "webhooks": "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Webhooks"
        }
    });
    Mock::given(method("POST"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(201).set_body_json(&response))
        .expect(1)
        .mount(&server)
        .await;

    let params = CreateConversationParams::new()
        .x_twilio_webhook_enabled(WebhookEnabledType::True)
        .friendly_name("Support & Sales")
        .unique_name("support-1")
        .date_created(Utc.with_ymd_and_hms(2015, 12, 16, 22, 18, 37).unwrap())
        .date_updated(Utc.with_ymd_and_hms(2015, 12, 17, 8, 0, 0).unwrap())
        .messaging_service_sid("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        .attributes("{\"tier\":\"gold\"}")
        .state(ConversationState::Active)
        .timers_inactive("PT1M")
        .timers_closed("PT10M")
        .bindings_email_address("support@example.com")
        .bindings_email_name("Support Team");
    let created = client(&server)
        .conversations()
        .create(&params)
        .await
        .expect("201 decodes");

    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    let request = &received[0];
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(path_and_query(request), "/v1/Conversations");
    assert_eq!(
        header(request, "authorization"),
        Some(EXPECTED_AUTHORIZATION)
    );
    assert_eq!(
        header(request, "content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(header(request, "x-twilio-webhook-enabled"), Some("true"));
    assert_eq!(header(request, "accept"), Some("application/json"));
    // The crate's name and version, as its manifest gives them.
    let manifest =
        std::fs::read_to_string(workspace_tests::root().join("generated-client/Cargo.toml"))
            .unwrap();
    let version = manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("the manifest's version");
    assert_eq!(
        header(request, "user-agent"),
        Some(format!("twilio-conversations/{version} (rust)").as_str())
    );
    assert_eq!(
        header(request, "host"),
        Some(server.address().to_string().as_str())
    );

    let body = std::str::from_utf8(&request.body).expect("a UTF-8 form body");
    assert_eq!(
        body,
        "FriendlyName=Support+%26+Sales\
         &UniqueName=support-1\
         &DateCreated=2015-12-16T22%3A18%3A37Z\
         &DateUpdated=2015-12-17T08%3A00%3A00Z\
         &MessagingServiceSid=MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\
         &Attributes=%7B%22tier%22%3A%22gold%22%7D\
         &State=active\
         &Timers.Inactive=PT1M\
         &Timers.Closed=PT10M\
         &Bindings.Email.Address=support%40example.com\
         &Bindings.Email.Name=Support+Team"
    );
    assert_eq!(
        form_decode(body),
        pairs(&[
            ("FriendlyName", "Support & Sales"),
            ("UniqueName", "support-1"),
            ("DateCreated", "2015-12-16T22:18:37Z"),
            ("DateUpdated", "2015-12-17T08:00:00Z"),
            ("MessagingServiceSid", "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            ("Attributes", "{\"tier\":\"gold\"}"),
            ("State", "active"),
            ("Timers.Inactive", "PT1M"),
            ("Timers.Closed", "PT10M"),
            ("Bindings.Email.Address", "support@example.com"),
            ("Bindings.Email.Name", "Support Team"),
        ])
    );

    assert_eq!(
        created.sid.as_deref(),
        Some("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    assert_eq!(created.account_sid.as_deref(), Some(ACCOUNT_SID));
    assert_eq!(
        created.chat_service_sid.as_deref(),
        Some("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    assert_eq!(
        created.messaging_service_sid.as_deref(),
        Some("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    assert_eq!(created.friendly_name.as_deref(), Some("Support & Sales"));
    assert_eq!(created.unique_name.as_deref(), Some("support-1"));
    assert_eq!(created.attributes.as_deref(), Some("{\"tier\":\"gold\"}"));
    assert_eq!(
        created.date_created,
        Some(Utc.with_ymd_and_hms(2015, 12, 16, 22, 18, 37).unwrap())
    );
    assert_eq!(
        created.date_updated,
        Some(Utc.with_ymd_and_hms(2015, 12, 17, 8, 0, 0).unwrap())
    );
    assert_eq!(created.state, Some(ConversationState::Active));
    let timers = created.timers.expect("timers");
    assert_eq!(
        timers.date_inactive,
        Some(Utc.with_ymd_and_hms(2015, 12, 16, 22, 19, 37).unwrap())
    );
    assert_eq!(
        timers.date_closed,
        Some(Utc.with_ymd_and_hms(2015, 12, 16, 22, 28, 37).unwrap())
    );
    // The email address sent as `Bindings.Email.Address` comes back as
    // the binding's `projected_address`.
    let email = created
        .bindings
        .and_then(|b| b.email)
        .expect("email binding");
    assert_eq!(
        email.projected_address.as_deref(),
        Some("support@example.com")
    );
    assert_eq!(email.name.as_deref(), Some("Support Team"));
    assert_eq!(
        created.url.as_deref(),
        Some(
            "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        )
    );
    let links = created.links.expect("links");
    let base =
        "https://conversations.twilio.com/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let expected_links: Vec<(String, String)> = vec![
        ("messages".to_owned(), format!("{base}/Messages")),
        ("participants".to_owned(), format!("{base}/Participants")),
        ("webhooks".to_owned(), format!("{base}/Webhooks")),
    ];
    assert_eq!(links.into_iter().collect::<Vec<_>>(), expected_links);
}

#[tokio::test]
async fn create_with_nothing_set_sends_an_empty_body_and_no_webhook_header() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(201).set_body_json(conversation_json("CH1")))
        .mount(&server)
        .await;

    client(&server)
        .conversations()
        .create(&CreateConversationParams::new())
        .await
        .expect("201 decodes");

    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].body, b"");
    assert_eq!(header(&received[0], "x-twilio-webhook-enabled"), None);
}

#[tokio::test]
async fn fetch_decodes_nulls_as_none_for_every_field() {
    let server = MockServer::start().await;
    let nulls = json!({
        "account_sid": null, "chat_service_sid": null, "messaging_service_sid": null,
        "sid": null, "friendly_name": null, "unique_name": null, "attributes": null,
        "state": null, "date_created": null, "date_updated": null, "timers": null,
        "bindings": null, "url": null, "links": null
    });
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CHnull"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&nulls))
        .mount(&server)
        .await;

    let fetched = client(&server)
        .conversations()
        .fetch("CHnull")
        .await
        .expect("nulls decode");

    // Every field the model has is None, so it encodes as an empty object:
    // optional fields left unset are left out, not written as null.
    assert_eq!(fetched, Conversation::default());
    assert_eq!(
        serde_json::to_value(&fetched).expect("serializes"),
        json!({})
    );

    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].method.as_str(), "GET");
    assert_eq!(path_and_query(&received[0]), "/v1/Conversations/CHnull");
    assert_eq!(
        header(&received[0], "authorization"),
        Some(EXPECTED_AUTHORIZATION)
    );
    assert_eq!(received[0].body, b"");
}

#[tokio::test]
async fn fetch_keeps_unknown_states_and_knows_initializing() {
    let server = MockServer::start().await;
    let mut paused = conversation_json("CHpaused");
    paused["state"] = json!("paused");
    let mut initializing = conversation_json("CHinit");
    initializing["state"] = json!("initializing");
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CHpaused"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&paused))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CHinit"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&initializing))
        .mount(&server)
        .await;
    let conversations = client(&server).conversations();

    let fetched = conversations.fetch("CHpaused").await.expect("decodes");
    assert_eq!(
        fetched.state,
        Some(ConversationState::Unknown("paused".into()))
    );
    assert_eq!(fetched.state.as_ref().map(|s| s.as_str()), Some("paused"));
    assert_eq!(fetched.sid.as_deref(), Some("CHpaused"));

    let fetched = conversations.fetch("CHinit").await.expect("decodes");
    assert_eq!(fetched.state, Some(ConversationState::Initializing));
}

#[tokio::test]
async fn update_sends_only_the_fields_that_are_set() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(conversation_json("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")),
        )
        .mount(&server)
        .await;

    let updated = client(&server)
        .conversations()
        .update(
            "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            &UpdateConversationParams::new().timers_inactive("PT5M"),
        )
        .await
        .expect("200 decodes");
    assert_eq!(
        updated.sid.as_deref(),
        Some("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );

    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    let request = &received[0];
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(
        path_and_query(request),
        "/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    );
    assert_eq!(
        header(request, "authorization"),
        Some(EXPECTED_AUTHORIZATION)
    );
    assert_eq!(
        header(request, "content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(header(request, "x-twilio-webhook-enabled"), None);
    assert_eq!(
        std::str::from_utf8(&request.body).unwrap(),
        "Timers.Inactive=PT5M"
    );
}

#[tokio::test]
async fn delete_sends_the_webhook_header_and_accepts_an_empty_204() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;

    let outcome: Result<(), Error> = client(&server)
        .conversations()
        .delete(
            "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            &DeleteConversationParams::new().x_twilio_webhook_enabled(WebhookEnabledType::False),
        )
        .await;
    assert!(outcome.is_ok(), "{outcome:?}");

    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    let request = &received[0];
    assert_eq!(request.method.as_str(), "DELETE");
    assert_eq!(
        path_and_query(request),
        "/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    );
    assert_eq!(
        header(request, "authorization"),
        Some(EXPECTED_AUTHORIZATION)
    );
    assert_eq!(header(request, "x-twilio-webhook-enabled"), Some("false"));
    assert_eq!(header(request, "content-type"), None);
    assert_eq!(request.body, b"");
}

#[tokio::test]
async fn an_invalid_header_value_is_a_config_error_and_nothing_is_sent() {
    let server = MockServer::start().await;
    let err = client(&server)
        .conversations()
        .delete(
            "CH1",
            &DeleteConversationParams::new()
                .x_twilio_webhook_enabled(WebhookEnabledType::Unknown("yes\r\nX-Evil: 1".into())),
        )
        .await
        .expect_err("a CR/LF header value cannot be sent");
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert_eq!(requests(&server).await.len(), 0);
}

#[tokio::test]
async fn list_sends_the_exact_query_and_decodes_items_and_meta() {
    let server = MockServer::start().await;
    let page = json!({
        "conversations": [conversation_json("CH1"), conversation_json("CH2")],
        "meta": {
            "page": 0,
            "page_size": 20,
            "first_page_url": "https://conversations.twilio.com/v1/Conversations?StartDate=2024-01-01T00%3A00%3A00Z&State=active&PageSize=20&Page=0",
            "previous_page_url": null,
            "url": "https://conversations.twilio.com/v1/Conversations?StartDate=2024-01-01T00%3A00%3A00Z&State=active&PageSize=20&Page=0",
            "next_page_url": null,
            "key": "conversations"
        }
    });
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&page))
        .mount(&server)
        .await;

    let page = client(&server)
        .conversations()
        .list(
            &ListConversationParams::new()
                .page_size(20)
                .state(ConversationState::Active)
                .start_date("2024-01-01T00:00:00Z"),
        )
        .await
        .expect("the page decodes");

    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    let request = &received[0];
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.url.path(), "/v1/Conversations");
    // Keys go in the order the spec lists the parameters, not the order the
    // builder methods were called in.
    assert_eq!(
        request.url.query(),
        Some("StartDate=2024-01-01T00%3A00%3A00Z&State=active&PageSize=20")
    );
    assert_eq!(
        form_decode(request.url.query().unwrap()),
        pairs(&[
            ("StartDate", "2024-01-01T00:00:00Z"),
            ("State", "active"),
            ("PageSize", "20"),
        ])
    );
    assert_eq!(
        header(request, "authorization"),
        Some(EXPECTED_AUTHORIZATION)
    );
    assert_eq!(request.body, b"");

    let sids: Vec<_> = page.items.iter().map(|c| c.sid.as_deref()).collect();
    assert_eq!(sids, [Some("CH1"), Some("CH2")]);
    assert_eq!(page.items[0].state, Some(ConversationState::Active));
    assert_eq!(page.meta.page, Some(0));
    assert_eq!(page.meta.page_size, Some(20));
    assert_eq!(page.meta.key.as_deref(), Some("conversations"));
    assert_eq!(page.meta.previous_page_url, None);
    assert_eq!(page.meta.next_page_url, None);
    assert_eq!(page.next_page_url(), None);
    assert_eq!(
        page.meta.url.as_deref(),
        Some(
            "https://conversations.twilio.com/v1/Conversations?StartDate=2024-01-01T00%3A00%3A00Z&State=active&PageSize=20&Page=0"
        )
    );
    assert_eq!(page.meta.first_page_url, page.meta.url);
}

#[tokio::test]
async fn list_with_no_params_sends_no_query_string() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "conversations": [],
            "meta": {"key": "conversations", "page": 0, "page_size": 50, "next_page_url": null}
        })))
        .mount(&server)
        .await;

    let page = client(&server)
        .conversations()
        .list(&ListConversationParams::new())
        .await
        .expect("an empty page decodes");
    assert!(page.items.is_empty());

    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].url.query(), None);
}
