//! Prism conformance of the whole Conversations v1 API, run against both
//! crates named `twilio_conversations`: the one generated from Twilio's spec
//! (copied there as `tests/prism.rs` by `tests/full_api.rs`) and the
//! committed one, generated from ours (the `prism` test target of
//! workspace-tests).
//!
//! Every operation is called through the client with realistic arguments
//! (SIDs of the right prefix and length, every required parameter set), and
//! must be answered with the status the spec documents. Prism answers 422 to
//! a request that breaks the spec, so a 2xx here means the client built the
//! request as Twilio describes it. Each test names its path; each call is
//! labelled "METHOD /path (OperationId)", and `workspace_tests::
//! prism_coverage_gaps` checks that every operation of each crate has its
//! call, with a status its spec documents.
//!
//! Prism's form parser rejects every array-typed form field ("must be
//! array", even for repeated keys), so the four operations that only work
//! with one, a required `Permission`, are not called here: CreateRole,
//! UpdateRole, CreateServiceRole and UpdateServiceRole. The wire tests in
//! `tests/wire/roles.rs` check them against an in-process mock instead.
//! Optional array form fields are left unset for the same reason.
//!
//! `cargo xtask test` starts Prism and sets `PRISM_URL`; under CI a missing
//! Prism is a failure, elsewhere these tests say they were skipped.
//!
//! Enum values are written as `"value".into()`: each enum is its schema's
//! own type, so the two crates name them differently (ours has one
//! `WebhookEnabledType` component, Twilio's file one per resource, such as
//! `ConversationWebhookEnabledType`), and `From<&str>` reaches both.

use twilio_conversations::chrono::{DateTime, TimeZone, Utc};
use twilio_conversations::*;

#[path = "prism/services.rs"]
mod services;

/// The account (`AC` + 32 hex digits).
const ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A Conversation Service.
const SERVICE: &str = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A Conversation.
const CONVERSATION: &str = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A Message.
const MESSAGE: &str = "IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A delivery receipt.
const RECEIPT: &str = "DYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A Participant.
const PARTICIPANT: &str = "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A conversation-scoped Webhook.
const WEBHOOK: &str = "WHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A push Credential.
const CREDENTIAL: &str = "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A Role.
const ROLE: &str = "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A push Binding.
const BINDING: &str = "BSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A User.
const USER: &str = "USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// An Address Configuration.
const ADDRESS: &str = "IGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A Messaging Service.
const MESSAGING_SERVICE: &str = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A Studio Flow.
const FLOW: &str = "FWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A Media item.
const MEDIA: &str = "MEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// A Content template.
const CONTENT: &str = "HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// A client for the Prism at `PRISM_URL`; `None` (after saying so) when it
/// is unset outside CI.
fn prism() -> Option<Client> {
    match std::env::var("PRISM_URL") {
        Ok(url) => Some(
            Client::builder(ACCOUNT, "token")
                .base_url(url)
                .retry_policy(RetryPolicy::none())
                .build()
                .expect("client builds"),
        ),
        Err(_) if std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false") => panic!(
            "PRISM_URL is not set: under CI, `cargo xtask test` must start Prism \
             so the whole-API conformance can run"
        ),
        Err(_) => {
            eprintln!("skipped: PRISM_URL is not set; `cargo xtask test` starts Prism");
            None
        }
    }
}

/// The body of `call`'s answer, which must have the spec's `status`;
/// otherwise a panic naming the call, with Prism's explanation.
#[track_caller]
fn expect<T>(call: &str, status: u16, result: Result<Response<T>, Error>) -> T {
    match result {
        Ok(response) => {
            assert_eq!(response.status, status, "{call}: unexpected status");
            response.body
        }
        Err(err) => {
            let body = err.api().map_or("", |api| api.body.as_str());
            panic!("{call} was not answered {status}: {err}\n{body}")
        }
    }
}

fn date() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2015, 12, 16, 22, 18, 37).unwrap()
}

/// `/v1/Configuration`
#[tokio::test]
async fn configuration() {
    let Some(client) = prism() else { return };
    let handle = client.configuration();
    let config = expect(
        "GET /v1/Configuration (FetchConfiguration)",
        200,
        handle.fetch_with_response().await,
    );
    assert_eq!(config.account_sid.as_deref(), Some(ACCOUNT));
    let params = UpdateConfigurationParams::new()
        .default_chat_service_sid(SERVICE)
        .default_messaging_service_sid(MESSAGING_SERVICE)
        .default_inactive_timer("PT1M")
        .default_closed_timer("PT10M");
    expect(
        "POST /v1/Configuration (UpdateConfiguration)",
        200,
        handle.update_with_response(&params).await,
    );
}

/// `/v1/Configuration/Addresses`
#[tokio::test]
async fn configuration_addresses() {
    let Some(client) = prism() else { return };
    let handle = client.configuration().addresses();
    let params =
        CreateConfigurationAddressParams::new(ConfigurationAddressType::Sms, "+37256123457")
            .friendly_name("My Test Configuration")
            .auto_creation_enabled(true)
            .auto_creation_type(ConfigurationAddressAutoCreationType::Webhook)
            .auto_creation_conversation_service_sid(SERVICE)
            .auto_creation_webhook_url("https://example.com")
            .auto_creation_webhook_method(ConfigurationAddressMethod::Post)
            .auto_creation_studio_flow_sid(FLOW)
            .auto_creation_studio_retry_count(3)
            .address_country("CA");
    let address = expect(
        "POST /v1/Configuration/Addresses (CreateConfigurationAddress)",
        201,
        handle.create_with_response(&params).await,
    );
    assert!(address.sid.is_some());
    let params = ListConfigurationAddressParams::new()
        .r#type("sms")
        .page_size(50)
        .page(0);
    let page = expect(
        "GET /v1/Configuration/Addresses (ListConfigurationAddress)",
        200,
        handle.list_with_response(&params).await,
    );
    assert!(!page.items.is_empty());
}

/// `/v1/Configuration/Addresses/{Sid}`
#[tokio::test]
async fn configuration_address() {
    let Some(client) = prism() else { return };
    let handle = client.configuration().addresses();
    expect(
        "GET /v1/Configuration/Addresses/{Sid} (FetchConfigurationAddress)",
        200,
        handle.fetch_with_response(ADDRESS).await,
    );
    let params = UpdateConfigurationAddressParams::new()
        .friendly_name("My Test Configuration")
        .auto_creation_enabled(false)
        .auto_creation_type(ConfigurationAddressAutoCreationType::Studio)
        .auto_creation_conversation_service_sid(SERVICE)
        .auto_creation_webhook_url("https://example.com")
        .auto_creation_webhook_method(ConfigurationAddressMethod::Get)
        .auto_creation_studio_flow_sid(FLOW)
        .auto_creation_studio_retry_count(1);
    expect(
        "POST /v1/Configuration/Addresses/{Sid} (UpdateConfigurationAddress)",
        200,
        handle.update_with_response(ADDRESS, &params).await,
    );
    expect(
        "DELETE /v1/Configuration/Addresses/{Sid} (DeleteConfigurationAddress)",
        204,
        handle.delete_with_response(ADDRESS).await,
    );
}

/// `/v1/Configuration/Webhooks`
#[tokio::test]
async fn configuration_webhooks() {
    let Some(client) = prism() else { return };
    let handle = client.configuration().webhooks();
    expect(
        "GET /v1/Configuration/Webhooks (FetchConfigurationWebhook)",
        200,
        handle.fetch_with_response().await,
    );
    let params = UpdateConfigurationWebhookParams::new()
        .method("POST")
        .pre_webhook_url("https://example.com/pre")
        .post_webhook_url("https://example.com/post")
        .target(ConfigurationWebhookTarget::Webhook);
    expect(
        "POST /v1/Configuration/Webhooks (UpdateConfigurationWebhook)",
        200,
        handle.update_with_response(&params).await,
    );
}

/// `/v1/Conversations`
#[tokio::test]
async fn conversations() {
    let Some(client) = prism() else { return };
    let handle = client.conversations();
    let params = CreateConversationParams::new()
        .x_twilio_webhook_enabled("true".into())
        .friendly_name("friendly_name")
        .unique_name("unique_name")
        .date_created(date())
        .date_updated(date())
        .messaging_service_sid(MESSAGING_SERVICE)
        .attributes(r#"{"topic":"feedback"}"#)
        .state(ConversationState::Active)
        .timers_inactive("PT1M")
        .timers_closed("PT10M")
        .bindings_email_address("support@example.com")
        .bindings_email_name("Support");
    let conversation = expect(
        "POST /v1/Conversations (CreateConversation)",
        201,
        handle.create_with_response(&params).await,
    );
    assert!(conversation.sid.is_some());
    let params = ListConversationParams::new()
        .start_date("2015-12-16T00:00:00Z")
        .end_date("2015-12-17T00:00:00Z")
        .state(ConversationState::Inactive)
        .page_size(50)
        .page(0)
        .page_token("PT1");
    let page = expect(
        "GET /v1/Conversations (ListConversation)",
        200,
        handle.list_with_response(&params).await,
    );
    assert_eq!(page.meta.key.as_deref(), Some("conversations"));
    assert!(!page.items.is_empty());
    // The stream's first request is the same list call.
    let first = handle
        .stream(&ListConversationParams::new().page_size(1))
        .next()
        .await
        .expect("GET /v1/Conversations (ListConversation) streams an item");
    first.unwrap_or_else(|err| panic!("GET /v1/Conversations (ListConversation) streamed: {err}"));
}

/// `/v1/Conversations/{Sid}`
#[tokio::test]
async fn conversation() {
    let Some(client) = prism() else { return };
    let handle = client.conversations();
    let conversation = expect(
        "GET /v1/Conversations/{Sid} (FetchConversation)",
        200,
        handle.fetch_with_response(CONVERSATION).await,
    );
    assert!(conversation.state.is_some());
    // The `Sid` may also be the conversation's unique name, percent-encoded.
    expect(
        "GET /v1/Conversations/{Sid} (FetchConversation) by unique name",
        200,
        handle.fetch_with_response("support chat/42").await,
    );
    let params = UpdateConversationParams::new()
        .x_twilio_webhook_enabled("false".into())
        .friendly_name("friendly_name")
        .date_created(date())
        .date_updated(date())
        .attributes(r#"{"topic":"feedback"}"#)
        .messaging_service_sid(MESSAGING_SERVICE)
        .state(ConversationState::Closed)
        .timers_inactive("PT1M")
        .timers_closed("PT10M")
        .unique_name("unique_name")
        .bindings_email_address("support@example.com")
        .bindings_email_name("Support");
    expect(
        "POST /v1/Conversations/{Sid} (UpdateConversation)",
        200,
        handle.update_with_response(CONVERSATION, &params).await,
    );
    let params = DeleteConversationParams::new().x_twilio_webhook_enabled("true".into());
    expect(
        "DELETE /v1/Conversations/{Sid} (DeleteConversation)",
        204,
        handle.delete_with_response(CONVERSATION, &params).await,
    );
}

/// `/v1/Conversations/{ConversationSid}/Messages`
#[tokio::test]
async fn conversation_messages() {
    let Some(client) = prism() else { return };
    let handle = client.conversations().messages(CONVERSATION);
    let params = CreateConversationMessageParams::new()
        .x_twilio_webhook_enabled("true".into())
        .author("message author")
        .body("Hello")
        .date_created(date())
        .date_updated(date())
        .attributes(r#"{"importance":"high"}"#)
        .media_sid(MEDIA)
        .content_sid(CONTENT)
        .content_variables(r#"{"1":"Alice"}"#)
        .subject("Greetings");
    expect(
        "POST /v1/Conversations/{ConversationSid}/Messages (CreateConversationMessage)",
        201,
        handle.create_with_response(&params).await,
    );
    let params = ListConversationMessageParams::new()
        .order("desc".into())
        .page_size(50)
        .page(0);
    let page = expect(
        "GET /v1/Conversations/{ConversationSid}/Messages (ListConversationMessage)",
        200,
        handle.list_with_response(&params).await,
    );
    assert!(!page.items.is_empty());
}

/// `/v1/Conversations/{ConversationSid}/Messages/{Sid}`
#[tokio::test]
async fn conversation_message() {
    let Some(client) = prism() else { return };
    let handle = client.conversations().messages(CONVERSATION);
    expect(
        "GET /v1/Conversations/{ConversationSid}/Messages/{Sid} (FetchConversationMessage)",
        200,
        handle.fetch_with_response(MESSAGE).await,
    );
    let params = UpdateConversationMessageParams::new()
        .x_twilio_webhook_enabled("false".into())
        .author("message author")
        .body("Hello again")
        .date_created(date())
        .date_updated(date())
        .attributes("{}")
        .subject("Greetings");
    expect(
        "POST /v1/Conversations/{ConversationSid}/Messages/{Sid} (UpdateConversationMessage)",
        200,
        handle.update_with_response(MESSAGE, &params).await,
    );
    let params = DeleteConversationMessageParams::new().x_twilio_webhook_enabled("true".into());
    expect(
        "DELETE /v1/Conversations/{ConversationSid}/Messages/{Sid} (DeleteConversationMessage)",
        204,
        handle.delete_with_response(MESSAGE, &params).await,
    );
}

/// `/v1/Conversations/{ConversationSid}/Messages/{MessageSid}/Receipts/{Sid}`
#[tokio::test]
async fn conversation_message_receipt() {
    let Some(client) = prism() else { return };
    let handle = client
        .conversations()
        .messages(CONVERSATION)
        .receipts(MESSAGE);
    expect(
        "GET /v1/Conversations/{ConversationSid}/Messages/{MessageSid}/Receipts/{Sid} (FetchConversationMessageReceipt)",
        200,
        handle.fetch_with_response(RECEIPT).await,
    );
}

/// `/v1/Conversations/{ConversationSid}/Messages/{MessageSid}/Receipts`
#[tokio::test]
async fn conversation_message_receipts() {
    let Some(client) = prism() else { return };
    let handle = client
        .conversations()
        .messages(CONVERSATION)
        .receipts(MESSAGE);
    let params = ListConversationMessageReceiptParams::new()
        .page_size(50)
        .page(0);
    expect(
        "GET /v1/Conversations/{ConversationSid}/Messages/{MessageSid}/Receipts (ListConversationMessageReceipt)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Conversations/{ConversationSid}/Participants`
#[tokio::test]
async fn conversation_participants() {
    let Some(client) = prism() else { return };
    let handle = client.conversations().participants(CONVERSATION);
    let params = CreateConversationParticipantParams::new()
        .x_twilio_webhook_enabled("true".into())
        .identity("alice")
        .messaging_binding_address("+15558675310")
        .messaging_binding_proxy_address("+15017122661")
        .date_created(date())
        .date_updated(date())
        .attributes(r#"{"role":"agent"}"#)
        .messaging_binding_projected_address("+15017122661")
        .role_sid(ROLE);
    expect(
        "POST /v1/Conversations/{ConversationSid}/Participants (CreateConversationParticipant)",
        201,
        handle.create_with_response(&params).await,
    );
    let params = ListConversationParticipantParams::new()
        .page_size(50)
        .page(0);
    expect(
        "GET /v1/Conversations/{ConversationSid}/Participants (ListConversationParticipant)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Conversations/{ConversationSid}/Participants/{Sid}`
#[tokio::test]
async fn conversation_participant() {
    let Some(client) = prism() else { return };
    let handle = client.conversations().participants(CONVERSATION);
    expect(
        "GET /v1/Conversations/{ConversationSid}/Participants/{Sid} (FetchConversationParticipant)",
        200,
        handle.fetch_with_response(PARTICIPANT).await,
    );
    let params = UpdateConversationParticipantParams::new()
        .x_twilio_webhook_enabled("false".into())
        .date_created(date())
        .date_updated(date())
        .attributes("{}")
        .role_sid(ROLE)
        .messaging_binding_proxy_address("+15017122661")
        .messaging_binding_projected_address("+15017122661")
        .identity("alice")
        .last_read_message_index(5)
        .last_read_timestamp("2015-12-16T22:18:37Z");
    expect(
        "POST /v1/Conversations/{ConversationSid}/Participants/{Sid} (UpdateConversationParticipant)",
        200,
        handle.update_with_response(PARTICIPANT, &params).await,
    );
    let params = DeleteConversationParticipantParams::new().x_twilio_webhook_enabled("true".into());
    expect(
        "DELETE /v1/Conversations/{ConversationSid}/Participants/{Sid} (DeleteConversationParticipant)",
        204,
        handle.delete_with_response(PARTICIPANT, &params).await,
    );
}

/// `/v1/Conversations/{ConversationSid}/Webhooks`
#[tokio::test]
async fn conversation_webhooks() {
    let Some(client) = prism() else { return };
    let handle = client.conversations().webhooks(CONVERSATION);
    let params =
        CreateConversationScopedWebhookParams::new(ConversationScopedWebhookTarget::Webhook)
            .configuration_url("https://example.com")
            .configuration_method(ConversationScopedWebhookMethod::Get)
            .configuration_flow_sid(FLOW)
            .configuration_replay_after(0);
    expect(
        "POST /v1/Conversations/{ConversationSid}/Webhooks (CreateConversationScopedWebhook)",
        201,
        handle.create_with_response(&params).await,
    );
    let params = ListConversationScopedWebhookParams::new()
        .page_size(5)
        .page(0);
    expect(
        "GET /v1/Conversations/{ConversationSid}/Webhooks (ListConversationScopedWebhook)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Conversations/{ConversationSid}/Webhooks/{Sid}`
#[tokio::test]
async fn conversation_webhook() {
    let Some(client) = prism() else { return };
    let handle = client.conversations().webhooks(CONVERSATION);
    expect(
        "GET /v1/Conversations/{ConversationSid}/Webhooks/{Sid} (FetchConversationScopedWebhook)",
        200,
        handle.fetch_with_response(WEBHOOK).await,
    );
    let params = UpdateConversationScopedWebhookParams::new()
        .configuration_url("https://example.com")
        .configuration_method(ConversationScopedWebhookMethod::Post)
        .configuration_flow_sid(FLOW);
    expect(
        "POST /v1/Conversations/{ConversationSid}/Webhooks/{Sid} (UpdateConversationScopedWebhook)",
        200,
        handle.update_with_response(WEBHOOK, &params).await,
    );
    expect(
        "DELETE /v1/Conversations/{ConversationSid}/Webhooks/{Sid} (DeleteConversationScopedWebhook)",
        204,
        handle.delete_with_response(WEBHOOK).await,
    );
}

/// `/v1/ConversationWithParticipants`
#[tokio::test]
async fn conversation_with_participants() {
    let Some(client) = prism() else { return };
    let params = CreateConversationWithParticipantsParams::new()
        .x_twilio_webhook_enabled("true".into())
        .friendly_name("friendly_name")
        .unique_name("unique_name")
        .date_created(date())
        .date_updated(date())
        .messaging_service_sid(MESSAGING_SERVICE)
        .attributes("{}")
        .state(ConversationWithParticipantsState::Active)
        .timers_inactive("PT1M")
        .timers_closed("PT10M")
        .bindings_email_address("support@example.com")
        .bindings_email_name("Support");
    expect(
        "POST /v1/ConversationWithParticipants (CreateConversationWithParticipants)",
        201,
        client
            .conversation_with_participants()
            .create_with_response(&params)
            .await,
    );
}

/// `/v1/Credentials`
#[tokio::test]
async fn credentials() {
    let Some(client) = prism() else { return };
    let handle = client.credentials();
    let params = CreateCredentialParams::new(CredentialPushType::Apn)
        .friendly_name("Test slow create")
        .certificate("-----BEGIN CERTIFICATE-----MIIF...-----END CERTIFICATE-----")
        .private_key("-----BEGIN RSA PRIVATE KEY-----MIIE...-----END RSA PRIVATE KEY-----")
        .sandbox(false)
        .api_key("xxxxxx")
        .secret("yyyyyy");
    expect(
        "POST /v1/Credentials (CreateCredential)",
        201,
        handle.create_with_response(&params).await,
    );
    let params = ListCredentialParams::new().page_size(50).page(0);
    expect(
        "GET /v1/Credentials (ListCredential)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Credentials/{Sid}`
#[tokio::test]
async fn credential() {
    let Some(client) = prism() else { return };
    let handle = client.credentials();
    expect(
        "GET /v1/Credentials/{Sid} (FetchCredential)",
        200,
        handle.fetch_with_response(CREDENTIAL).await,
    );
    let params = UpdateCredentialParams::new()
        .r#type(CredentialPushType::Fcm)
        .friendly_name("Test slow create")
        .sandbox(true)
        .secret("yyyyyy");
    expect(
        "POST /v1/Credentials/{Sid} (UpdateCredential)",
        200,
        handle.update_with_response(CREDENTIAL, &params).await,
    );
    expect(
        "DELETE /v1/Credentials/{Sid} (DeleteCredential)",
        204,
        handle.delete_with_response(CREDENTIAL).await,
    );
}

/// `/v1/ParticipantConversations`
#[tokio::test]
async fn participant_conversations() {
    let Some(client) = prism() else { return };
    let params = ListParticipantConversationParams::new()
        .identity("alice")
        .address("+15558675310")
        .page_size(50)
        .page(0);
    expect(
        "GET /v1/ParticipantConversations (ListParticipantConversation)",
        200,
        client
            .participant_conversations()
            .list_with_response(&params)
            .await,
    );
}

/// `/v1/Roles`: CreateRole's required `Permission` is an array, which
/// Prism's form parser rejects, so only the list is called here
/// (CreateRole is in `tests/wire/roles.rs`).
#[tokio::test]
async fn roles() {
    let Some(client) = prism() else { return };
    let params = ListRoleParams::new().page_size(50).page(0);
    expect(
        "GET /v1/Roles (ListRole)",
        200,
        client.roles().list_with_response(&params).await,
    );
}

/// `/v1/Roles/{Sid}`: UpdateRole's required `Permission` is an array, which
/// Prism's form parser rejects, so only fetch and delete are called here
/// (UpdateRole is in `tests/wire/roles.rs`).
#[tokio::test]
async fn role() {
    let Some(client) = prism() else { return };
    let handle = client.roles();
    expect(
        "GET /v1/Roles/{Sid} (FetchRole)",
        200,
        handle.fetch_with_response(ROLE).await,
    );
    expect(
        "DELETE /v1/Roles/{Sid} (DeleteRole)",
        204,
        handle.delete_with_response(ROLE).await,
    );
}

/// `/v1/Users`
#[tokio::test]
async fn users() {
    let Some(client) = prism() else { return };
    let handle = client.users();
    let params = CreateUserParams::new("alice")
        .x_twilio_webhook_enabled("true".into())
        .friendly_name("Alice")
        .attributes("{}")
        .role_sid(ROLE);
    expect(
        "POST /v1/Users (CreateUser)",
        201,
        handle.create_with_response(&params).await,
    );
    let params = ListUserParams::new().page_size(50).page(0);
    expect(
        "GET /v1/Users (ListUser)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Users/{Sid}`
#[tokio::test]
async fn user() {
    let Some(client) = prism() else { return };
    let handle = client.users();
    expect(
        "GET /v1/Users/{Sid} (FetchUser)",
        200,
        handle.fetch_with_response(USER).await,
    );
    let params = UpdateUserParams::new()
        .x_twilio_webhook_enabled("false".into())
        .friendly_name("Alice")
        .attributes("{}")
        .role_sid(ROLE);
    expect(
        "POST /v1/Users/{Sid} (UpdateUser)",
        200,
        handle.update_with_response(USER, &params).await,
    );
    let params = DeleteUserParams::new().x_twilio_webhook_enabled("true".into());
    expect(
        "DELETE /v1/Users/{Sid} (DeleteUser)",
        204,
        handle.delete_with_response(USER, &params).await,
    );
}

/// `/v1/Users/{UserSid}/Conversations/{ConversationSid}`
#[tokio::test]
async fn user_conversation() {
    let Some(client) = prism() else { return };
    let handle = client.users().conversations(USER);
    expect(
        "GET /v1/Users/{UserSid}/Conversations/{ConversationSid} (FetchUserConversation)",
        200,
        handle.fetch_with_response(CONVERSATION).await,
    );
    let params = UpdateUserConversationParams::new()
        .notification_level("default".into())
        .last_read_timestamp(date())
        .last_read_message_index(5);
    expect(
        "POST /v1/Users/{UserSid}/Conversations/{ConversationSid} (UpdateUserConversation)",
        200,
        handle.update_with_response(CONVERSATION, &params).await,
    );
    expect(
        "DELETE /v1/Users/{UserSid}/Conversations/{ConversationSid} (DeleteUserConversation)",
        204,
        handle.delete_with_response(CONVERSATION).await,
    );
}

/// `/v1/Users/{UserSid}/Conversations`
#[tokio::test]
async fn user_conversations() {
    let Some(client) = prism() else { return };
    let params = ListUserConversationParams::new().page_size(50).page(0);
    expect(
        "GET /v1/Users/{UserSid}/Conversations (ListUserConversation)",
        200,
        client
            .users()
            .conversations(USER)
            .list_with_response(&params)
            .await,
    );
}

/// The check can fail: Prism answers 422 to a request that breaks the spec,
/// and the client reports it as an API error.
#[tokio::test]
async fn prism_rejects_what_breaks_the_spec() {
    let Some(client) = prism() else { return };
    let bogus_state =
        CreateConversationParams::new().state(ConversationState::Unknown("bogus".into()));
    let err = client
        .conversations()
        .create_with_response(&bogus_state)
        .await
        .expect_err(
            "POST /v1/Conversations (CreateConversation) with State=bogus must be rejected",
        );
    assert_eq!(err.status(), Some(422), "State=bogus: {err}");
    let err = client
        .credentials()
        .fetch_with_response("CR-not-a-sid")
        .await
        .expect_err(
            "GET /v1/Credentials/{Sid} (FetchCredential) with a malformed SID must be rejected",
        );
    assert_eq!(err.status(), Some(422), "malformed SID: {err}");
}
