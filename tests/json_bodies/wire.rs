//! JSON request bodies on the wire, against an in-process mock server: the
//! exact document each operation sends (keys as the schema spells them,
//! unset optional fields left out, the union's tag written from its
//! variant), its media type, the parameters sent beside it, and the
//! decoding of each answer.
//!
//! `tests/json_bodies.rs` copies this file into the crate it generates from
//! `tests/fixtures/constructs/json_bodies.yaml` and runs it there.

mod common;

use common::full_template;
use serde_json::{Value, json};
use template_library::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "token")
        .base_url(server.uri())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

/// A server answering `verb path` with `status` and `answer`.
async fn serve(verb: &str, at: &str, status: u16, answer: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(ResponseTemplate::new(status).set_body_json(answer))
        .expect(1)
        .mount(&server)
        .await;
    server
}

/// The one request `server` received.
async fn received(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "{requests:?}");
    requests.remove(0)
}

fn content_type(request: &Request) -> &str {
    request.headers.get("content-type").unwrap().to_str().unwrap()
}

fn body_of(request: &Request) -> Value {
    serde_json::from_slice(&request.body).expect("a JSON body")
}

fn stored_template() -> Value {
    json!({
        "sid": "HX1",
        "friendly_name": "Spring sale",
        "language": "en",
        "channel": "sms",
        "types": { "twilio/text": { "body": "Hi" } },
        "approval": { "status": "approved", "rejections": [{ "reason": "too loud", "date": "2027-03-02T10:00:00Z" }] },
        "date_created": "2027-03-01T10:00:00Z",
        "expiresOn": "2027-04-30"
    })
}

fn full_template_json() -> Value {
    json!({
        "friendly_name": "Spring sale",
        "language": "en",
        "channel": "whatsapp",
        "variables": { "1": "Sam" },
        "types": {
            "twilio/text": { "body": "Hi {{1}}" },
            "twilio/card": {
                "title": "Spring sale",
                "subtitle": "Two weeks only",
                "media": ["https://templates.example.com/spring.png"],
                "actions": [
                    { "type": "URL", "title": "Shop now", "url": "https://shop.example.com" },
                    { "type": "PHONE_NUMBER", "title": "Call us", "phone": "+15005550006" },
                    { "type": "QUICK_REPLY", "title": "Stop", "id": "stop" }
                ]
            }
        },
        "expiresOn": "2027-04-30",
        "sendAfter": "2027-03-20T09:00:00Z",
        "ownerEmail": "sam@example.com",
        "priority": 3,
        "weight": 0.5,
        "tags": ["sale", "spring"],
        "note": 1234
    })
}

#[tokio::test]
async fn create_sends_every_field_as_the_schema_spells_it() {
    let server = serve("POST", "/v1/Templates", 201, stored_template()).await;
    let params = CreateTemplateParams::new().x_request_tag("req-7");
    let stored = client(&server)
        .templates()
        .create(&full_template(), &params)
        .await
        .unwrap();
    let request = received(&server).await;
    assert_eq!(content_type(&request), "application/json");
    assert_eq!(request.headers.get("x-request-tag").unwrap(), "req-7");
    assert_eq!(request.url.query(), None);
    assert_eq!(body_of(&request), full_template_json());

    // The answer decodes: required fields plain, nested models, an enum,
    // a date-time, an explicit null.
    assert_eq!(stored.sid, "HX1");
    assert_eq!(stored.channel, Some(Channel::Sms));
    assert_eq!(
        stored.types.twilio_text.as_ref().map(|t| t.body.as_str()),
        Some("Hi")
    );
    let approval = stored.approval.unwrap();
    assert_eq!(approval.status, ApprovalStatus::Approved);
    assert_eq!(
        approval.rejections.unwrap()[0].reason.as_deref(),
        Some("too loud")
    );
    assert_eq!(stored.date_created.to_rfc3339(), "2027-03-01T10:00:00+00:00");
    assert_eq!(
        stored.expires_on,
        chrono::NaiveDate::from_ymd_opt(2027, 4, 30)
    );
}

#[tokio::test]
async fn unset_optional_fields_are_left_out() {
    let server = serve("POST", "/v1/Templates", 201, stored_template()).await;
    let body = TemplateCreateRequest::new("Sale", "en", TemplateTypes::new());
    client(&server)
        .templates()
        .create(&body, &CreateTemplateParams::new())
        .await
        .unwrap();
    let request = received(&server).await;
    assert!(request.headers.get("x-request-tag").is_none());
    assert_eq!(
        body_of(&request),
        json!({ "friendly_name": "Sale", "language": "en", "types": {} })
    );
}

#[tokio::test]
async fn put_replaces_and_patch_sends_only_what_is_set() {
    let server = serve("PUT", "/v1/Templates/HX1", 200, stored_template()).await;
    client(&server)
        .templates()
        .update("HX1", &full_template())
        .await
        .unwrap();
    let request = received(&server).await;
    assert_eq!(content_type(&request), "application/json");
    assert_eq!(body_of(&request), full_template_json());

    let server = serve("PATCH", "/v1/Templates/HX%2F1", 200, stored_template()).await;
    let label = Label::new("green").weight(2);
    let body = PatchTemplateRequest::new()
        .friendly_name("Final")
        .labels([("season".to_owned(), label)].into_iter().collect());
    let params = PatchTemplateParams::new().if_match("rev-2");
    client(&server)
        .templates()
        .patch_template("HX/1", &body, &params)
        .await
        .unwrap();
    let request = received(&server).await;
    assert_eq!(request.headers.get("if-match").unwrap(), "rev-2");
    assert_eq!(
        body_of(&request),
        json!({ "friendlyName": "Final", "labels": { "season": { "colour": "green", "weight": 2 } } })
    );

    // Nothing set: an empty object, still sent as JSON.
    let server = serve("PATCH", "/v1/Templates/HX1", 200, stored_template()).await;
    client(&server)
        .templates()
        .patch_template("HX1", &PatchTemplateRequest::new(), &PatchTemplateParams::new())
        .await
        .unwrap();
    let request = received(&server).await;
    assert_eq!(content_type(&request), "application/json");
    assert_eq!(body_of(&request), json!({}));
}

#[tokio::test]
async fn a_query_parameter_goes_beside_the_body() {
    let server = serve(
        "POST",
        "/v1/Templates/HX1/ApprovalRequests",
        201,
        json!({ "status": "received", "rejections": [] }),
    )
    .await;
    let body = CreateApprovalRequestRequest::new(
        "spring_sale",
        CreateApprovalRequestRequestCategory::Marketing,
    )
    .allow_category_change(false);
    let approval = client(&server)
        .templates()
        .approval_requests("HX1")
        .create(&body, &CreateApprovalRequestParams::new().dry_run(true))
        .await
        .unwrap();
    let request = received(&server).await;
    assert_eq!(request.url.query(), Some("DryRun=true"));
    assert_eq!(
        body_of(&request),
        json!({ "name": "spring_sale", "category": "MARKETING", "allow_category_change": false })
    );
    assert_eq!(approval.status, ApprovalStatus::Received);
    assert_eq!(approval.rejections, Some(Vec::new()));
}

#[tokio::test]
async fn a_union_is_tagged_both_ways_and_keeps_unknown_kinds() {
    let answer = json!({
        "rendered": "Hi Sam",
        "actions": [
            { "type": "URL", "title": "Shop", "url": "https://shop.example.com" },
            { "type": "CATALOG", "title": "Browse", "catalog": "spring" }
        ]
    });
    let server = serve("POST", "/v1/Templates/HX1/Previews", 200, answer).await;
    let body = CreatePreviewRequest::new([("1".to_owned(), "Sam".to_owned())].into_iter().collect())
        .action(ReplyAction::new("Stop", "stop"));
    let preview = client(&server)
        .templates()
        .previews("HX1")
        .create(&body, &CreatePreviewParams::new("en-GB"))
        .await
        .unwrap();
    let request = received(&server).await;
    assert_eq!(request.url.query(), Some("Locale=en-GB"));
    assert_eq!(
        body_of(&request),
        json!({ "variables": { "1": "Sam" }, "action": { "type": "QUICK_REPLY", "title": "Stop", "id": "stop" } })
    );
    assert_eq!(preview.rendered, "Hi Sam");
    let actions = preview.actions.unwrap();
    // A known tag decodes into its model, the tag included as received.
    let Action::Url(url) = &actions[0] else {
        panic!("not a URL action: {:?}", actions[0]);
    };
    assert_eq!((url.title.as_str(), url.url.as_str()), ("Shop", "https://shop.example.com"));
    assert_eq!(url.r#type.as_deref(), Some("URL"));
    // An unknown one keeps its JSON, and encodes back to it.
    assert_eq!(
        actions[1],
        Action::Unknown(json!({ "type": "CATALOG", "title": "Browse", "catalog": "spring" }))
    );
    assert_eq!(
        serde_json::to_value(&actions[1]).unwrap(),
        json!({ "type": "CATALOG", "title": "Browse", "catalog": "spring" })
    );
    // The variant decides the tag, whatever its struct holds.
    let odd = Action::Url(UrlAction::new("Shop", "https://shop.example.com").r#type("PHONE_NUMBER"));
    assert_eq!(serde_json::to_value(&odd).unwrap()["type"], "URL");
}

#[tokio::test]
async fn an_answer_breaking_the_schema_is_a_decode_error() {
    // No tag: a union cannot tell what it holds.
    let answer = json!({ "rendered": "Hi", "actions": [{ "title": "Shop", "url": "https://shop.example.com" }] });
    let server = serve("POST", "/v1/Templates/HX1/Previews", 200, answer).await;
    let body = CreatePreviewRequest::new(Default::default());
    let err = client(&server)
        .templates()
        .previews("HX1")
        .create(&body, &CreatePreviewParams::new("en"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { status: 200, .. }), "{err:?}");
    assert!(err.to_string().contains("missing field `type`"), "{err}");

    // A required field missing.
    let server = serve("GET", "/v1/Templates/HX1", 200, json!({ "sid": "HX1" })).await;
    let err = client(&server).templates().fetch("HX1").await.unwrap_err();
    assert!(err.to_string().contains("missing field `friendly_name`"), "{err}");
}

#[tokio::test]
async fn a_scim_body_is_sent_with_its_own_media_type() {
    let answer = json!({ "id": "US1", "userName": "sam@example.com", "emails": [{ "value": "sam@example.com", "primary": true }] });
    let server = serve("POST", "/v1/Directory/Users", 201, answer).await;
    let body = DirectoryUser::new("sam@example.com")
        .display_name("Sam")
        .emails([DirectoryUserEmailsItem::new("sam@example.com").primary(true)])
        .active(true);
    let user = client(&server)
        .directory()
        .users()
        .create(&body)
        .await
        .unwrap();
    let request = received(&server).await;
    assert_eq!(content_type(&request), "application/scim+json");
    assert_eq!(
        body_of(&request),
        json!({ "userName": "sam@example.com", "displayName": "Sam", "emails": [{ "value": "sam@example.com", "primary": true }], "active": true })
    );
    assert_eq!(user.id.as_deref(), Some("US1"));
    assert_eq!(user.emails.unwrap()[0].primary, Some(true));
}

#[tokio::test]
async fn list_and_delete_still_work_beside_json_bodies() {
    let page = json!({
        "templates": [stored_template()],
        "meta": { "page": 0, "page_size": 50, "key": "templates", "next_page_url": null }
    });
    let server = serve("GET", "/v1/Templates", 200, page).await;
    let page = client(&server)
        .templates()
        .list(&ListTemplatesParams::new().page_size(50))
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].friendly_name, "Spring sale");
    assert_eq!(received(&server).await.url.query(), Some("PageSize=50"));

    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/v1/Templates/HX1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    client(&server).templates().delete("HX1").await.unwrap();
    let request = received(&server).await;
    assert!(request.body.is_empty());
    assert!(request.headers.get("content-type").is_none());
}
