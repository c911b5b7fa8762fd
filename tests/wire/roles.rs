//! The operations Prism cannot check: Prism's form parser answers 422 to any
//! array-typed form field, and creating or updating a role requires one
//! (`Permission`). These four are checked here instead, on the wire, against
//! the in-process mock: CreateRole, UpdateRole, CreateServiceRole and
//! UpdateServiceRole. Their required fields are the arguments of `new`.

use serde_json::json;
use twilio_conversations::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

const ROLE: &str = "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const SERVICE: &str = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn role(permissions: &[&str]) -> serde_json::Value {
    json!({
        "sid": ROLE,
        "account_sid": ACCOUNT_SID,
        "chat_service_sid": SERVICE,
        "friendly_name": "moderator",
        "type": "conversation",
        "permissions": permissions,
        "date_created": "2024-03-05T14:30:00Z",
        "date_updated": "2024-03-05T14:30:00Z",
        "url": format!("https://conversations.twilio.com/v1/Roles/{ROLE}"),
    })
}

/// Mounts `answer` for `verb path` and returns the one form body sent there.
async fn sent_form<T>(
    verb: &str,
    at: &str,
    status: u16,
    answer: serde_json::Value,
    call: impl AsyncFnOnce(Client) -> T,
) -> (T, Vec<(String, String)>) {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(ResponseTemplate::new(status).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;
    let decoded = call(client(&server)).await;
    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    assert_eq!(
        header(&received[0], "content-type"),
        Some("application/x-www-form-urlencoded")
    );
    let body = std::str::from_utf8(&received[0].body).expect("a UTF-8 form");
    (decoded, form_decode(body))
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[tokio::test]
async fn create_role_sends_its_required_fields_and_one_key_per_permission() {
    let (created, form) = sent_form(
        "POST",
        "/v1/Roles",
        201,
        role(&["sendMessage", "leaveConversation"]),
        async |client| {
            let params = CreateRoleParams::new(
                "moderator",
                RoleType::Conversation,
                ["sendMessage", "leaveConversation"],
            );
            client.roles().create(&params).await.expect("201 decodes")
        },
    )
    .await;
    assert_eq!(
        form,
        pairs(&[
            ("FriendlyName", "moderator"),
            ("Type", "conversation"),
            ("Permission", "sendMessage"),
            ("Permission", "leaveConversation"),
        ])
    );
    assert_eq!(created.r#type, Some(RoleType::Conversation));
    assert_eq!(
        created.permissions,
        Some(vec!["sendMessage".into(), "leaveConversation".into()])
    );
}

#[tokio::test]
async fn update_role_replaces_the_permissions() {
    let (updated, form) = sent_form(
        "POST",
        &format!("/v1/Roles/{ROLE}"),
        200,
        role(&["sendMessage"]),
        async |client| {
            let params = UpdateRoleParams::new(["sendMessage"]);
            client
                .roles()
                .update(ROLE, &params)
                .await
                .expect("200 decodes")
        },
    )
    .await;
    assert_eq!(form, pairs(&[("Permission", "sendMessage")]));
    assert_eq!(updated.sid.as_deref(), Some(ROLE));
}

#[tokio::test]
async fn create_service_role_goes_to_the_service() {
    let (_, form) = sent_form(
        "POST",
        &format!("/v1/Services/{SERVICE}/Roles"),
        201,
        role(&["createConversation"]),
        async |client| {
            let params = CreateServiceRoleParams::new(
                "creator",
                RoleType::Service,
                ["createConversation", "joinConversation"],
            );
            client
                .services()
                .roles(SERVICE)
                .create(&params)
                .await
                .expect("201 decodes")
        },
    )
    .await;
    assert_eq!(
        form,
        pairs(&[
            ("FriendlyName", "creator"),
            ("Type", "service"),
            ("Permission", "createConversation"),
            ("Permission", "joinConversation"),
        ])
    );
}

#[tokio::test]
async fn update_service_role_replaces_the_permissions() {
    let (_, form) = sent_form(
        "POST",
        &format!("/v1/Services/{SERVICE}/Roles/{ROLE}"),
        200,
        role(&["joinConversation"]),
        async |client| {
            let params = UpdateServiceRoleParams::new(["joinConversation"]);
            client
                .services()
                .roles(SERVICE)
                .update(ROLE, &params)
                .await
                .expect("200 decodes")
        },
    )
    .await;
    assert_eq!(form, pairs(&[("Permission", "joinConversation")]));
}
