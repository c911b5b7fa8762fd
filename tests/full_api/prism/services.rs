//! The calls under `/v1/Services/{ChatServiceSid}`: the same resources as
//! the top-level ones, scoped to one Conversation Service.

use super::*;

/// `/v1/Services`
#[tokio::test]
async fn services() {
    let Some(client) = prism() else { return };
    let handle = client.services();
    let params = CreateServiceParams::new("My Service");
    let service = expect(
        "POST /v1/Services (CreateService)",
        201,
        handle.create_with_response(&params).await,
    );
    assert!(service.sid.is_some());
    let params = ListServiceParams::new().page_size(50).page(0);
    expect(
        "GET /v1/Services (ListService)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Services/{Sid}`
#[tokio::test]
async fn service() {
    let Some(client) = prism() else { return };
    let handle = client.services();
    expect(
        "GET /v1/Services/{Sid} (FetchService)",
        200,
        handle.fetch_with_response(SERVICE).await,
    );
    expect(
        "DELETE /v1/Services/{Sid} (DeleteService)",
        204,
        handle.delete_with_response(SERVICE).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Bindings/{Sid}`
#[tokio::test]
async fn service_binding() {
    let Some(client) = prism() else { return };
    let handle = client.services().bindings(SERVICE);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Bindings/{Sid} (FetchServiceBinding)",
        200,
        handle.fetch_with_response(BINDING).await,
    );
    expect(
        "DELETE /v1/Services/{ChatServiceSid}/Bindings/{Sid} (DeleteServiceBinding)",
        204,
        handle.delete_with_response(BINDING).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Bindings`, with both array query filters.
#[tokio::test]
async fn service_bindings() {
    let Some(client) = prism() else { return };
    let params = ListServiceBindingParams::new()
        .binding_type([
            ServiceBindingBindingType::Apn,
            ServiceBindingBindingType::Fcm,
        ])
        .identity(["alice", "bob"])
        .page_size(50)
        .page(0);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Bindings (ListServiceBinding)",
        200,
        client
            .services()
            .bindings(SERVICE)
            .list_with_response(&params)
            .await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Configuration`
#[tokio::test]
async fn service_configuration() {
    let Some(client) = prism() else { return };
    let handle = client.services().configuration(SERVICE);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Configuration (FetchServiceConfiguration)",
        200,
        handle.fetch_with_response().await,
    );
    let params = UpdateServiceConfigurationParams::new()
        .default_conversation_creator_role_sid(ROLE)
        .default_conversation_role_sid(ROLE)
        .default_chat_service_role_sid(ROLE)
        .reachability_enabled(true);
    expect(
        "POST /v1/Services/{ChatServiceSid}/Configuration (UpdateServiceConfiguration)",
        200,
        handle.update_with_response(&params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Configuration/Notifications`
#[tokio::test]
async fn service_configuration_notifications() {
    let Some(client) = prism() else { return };
    let handle = client.services().configuration(SERVICE).notifications();
    expect(
        "GET /v1/Services/{ChatServiceSid}/Configuration/Notifications (FetchServiceNotification)",
        200,
        handle.fetch_with_response().await,
    );
    let params = UpdateServiceNotificationParams::new()
        .log_enabled(true)
        .new_message_enabled(true)
        .new_message_template("You have a new message in ${CONVERSATION}")
        .new_message_sound("ring")
        .new_message_badge_count_enabled(true)
        .added_to_conversation_enabled(false)
        .added_to_conversation_template("You were added")
        .added_to_conversation_sound("ding")
        .removed_from_conversation_enabled(false)
        .removed_from_conversation_template("You were removed")
        .removed_from_conversation_sound("dong")
        .new_message_with_media_enabled(true)
        .new_message_with_media_template("You have a new message with media");
    expect(
        "POST /v1/Services/{ChatServiceSid}/Configuration/Notifications (UpdateServiceNotification)",
        200,
        handle.update_with_response(&params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Configuration/Webhooks`
#[tokio::test]
async fn service_configuration_webhooks() {
    let Some(client) = prism() else { return };
    let handle = client.services().configuration(SERVICE).webhooks();
    expect(
        "GET /v1/Services/{ChatServiceSid}/Configuration/Webhooks (FetchServiceWebhookConfiguration)",
        200,
        handle.fetch_with_response().await,
    );
    let params = UpdateServiceWebhookConfigurationParams::new()
        .pre_webhook_url("https://example.com/pre")
        .post_webhook_url("https://example.com/post")
        .method("GET");
    expect(
        "POST /v1/Services/{ChatServiceSid}/Configuration/Webhooks (UpdateServiceWebhookConfiguration)",
        200,
        handle.update_with_response(&params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Conversations`
#[tokio::test]
async fn service_conversations() {
    let Some(client) = prism() else { return };
    let handle = client.services().conversations(SERVICE);
    let params = CreateServiceConversationParams::new()
        .x_twilio_webhook_enabled("true".into())
        .friendly_name("friendly_name")
        .unique_name("unique_name")
        .attributes("{}")
        .messaging_service_sid(MESSAGING_SERVICE)
        .date_created(date())
        .date_updated(date())
        .state(ServiceConversationState::Inactive)
        .timers_inactive("PT1M")
        .timers_closed("PT10M")
        .bindings_email_address("support@example.com")
        .bindings_email_name("Support");
    expect(
        "POST /v1/Services/{ChatServiceSid}/Conversations (CreateServiceConversation)",
        201,
        handle.create_with_response(&params).await,
    );
    let params = ListServiceConversationParams::new()
        .start_date("2015-12-16T00:00:00Z")
        .end_date("2015-12-17T00:00:00Z")
        .state(ServiceConversationState::Active)
        .page_size(50)
        .page(0);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Conversations (ListServiceConversation)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Conversations/{Sid}`
#[tokio::test]
async fn service_conversation() {
    let Some(client) = prism() else { return };
    let handle = client.services().conversations(SERVICE);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Conversations/{Sid} (FetchServiceConversation)",
        200,
        handle.fetch_with_response(CONVERSATION).await,
    );
    let params = UpdateServiceConversationParams::new()
        .x_twilio_webhook_enabled("false".into())
        .friendly_name("friendly_name")
        .date_created(date())
        .date_updated(date())
        .attributes("{}")
        .messaging_service_sid(MESSAGING_SERVICE)
        .state(ServiceConversationState::Closed)
        .timers_inactive("PT1M")
        .timers_closed("PT10M")
        .unique_name("unique_name")
        .bindings_email_address("support@example.com")
        .bindings_email_name("Support");
    expect(
        "POST /v1/Services/{ChatServiceSid}/Conversations/{Sid} (UpdateServiceConversation)",
        200,
        handle.update_with_response(CONVERSATION, &params).await,
    );
    let params = DeleteServiceConversationParams::new().x_twilio_webhook_enabled("true".into());
    expect(
        "DELETE /v1/Services/{ChatServiceSid}/Conversations/{Sid} (DeleteServiceConversation)",
        204,
        handle.delete_with_response(CONVERSATION, &params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages`
#[tokio::test]
async fn service_conversation_messages() {
    let Some(client) = prism() else { return };
    let handle = client
        .services()
        .conversations(SERVICE)
        .messages(CONVERSATION);
    let params = CreateServiceConversationMessageParams::new()
        .x_twilio_webhook_enabled("true".into())
        .author("message author")
        .body("Hello")
        .date_created(date())
        .date_updated(date())
        .attributes("{}")
        .media_sid(MEDIA)
        .content_sid(CONTENT)
        .content_variables(r#"{"1":"Alice"}"#)
        .subject("Greetings");
    expect(
        "POST /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages (CreateServiceConversationMessage)",
        201,
        handle.create_with_response(&params).await,
    );
    let params = ListServiceConversationMessageParams::new()
        .order("asc".into())
        .page_size(50)
        .page(0);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages (ListServiceConversationMessage)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages/{Sid}`
#[tokio::test]
async fn service_conversation_message() {
    let Some(client) = prism() else { return };
    let handle = client
        .services()
        .conversations(SERVICE)
        .messages(CONVERSATION);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages/{Sid} (FetchServiceConversationMessage)",
        200,
        handle.fetch_with_response(MESSAGE).await,
    );
    let params = UpdateServiceConversationMessageParams::new()
        .x_twilio_webhook_enabled("false".into())
        .author("message author")
        .body("Hello again")
        .date_created(date())
        .date_updated(date())
        .attributes("{}")
        .subject("Greetings");
    expect(
        "POST /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages/{Sid} (UpdateServiceConversationMessage)",
        200,
        handle.update_with_response(MESSAGE, &params).await,
    );
    let params =
        DeleteServiceConversationMessageParams::new().x_twilio_webhook_enabled("true".into());
    expect(
        "DELETE /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages/{Sid} (DeleteServiceConversationMessage)",
        204,
        handle.delete_with_response(MESSAGE, &params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages/{MessageSid}/Receipts/{Sid}`
#[tokio::test]
async fn service_conversation_message_receipt() {
    let Some(client) = prism() else { return };
    let handle = client
        .services()
        .conversations(SERVICE)
        .messages(CONVERSATION)
        .receipts(MESSAGE);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages/{MessageSid}/Receipts/{Sid} (FetchServiceConversationMessageReceipt)",
        200,
        handle.fetch_with_response(RECEIPT).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages/{MessageSid}/Receipts`
#[tokio::test]
async fn service_conversation_message_receipts() {
    let Some(client) = prism() else { return };
    let handle = client
        .services()
        .conversations(SERVICE)
        .messages(CONVERSATION)
        .receipts(MESSAGE);
    let params = ListServiceConversationMessageReceiptParams::new()
        .page_size(50)
        .page(0);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages/{MessageSid}/Receipts (ListServiceConversationMessageReceipt)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants`
#[tokio::test]
async fn service_conversation_participants() {
    let Some(client) = prism() else { return };
    let handle = client
        .services()
        .conversations(SERVICE)
        .participants(CONVERSATION);
    let params = CreateServiceConversationParticipantParams::new()
        .x_twilio_webhook_enabled("true".into())
        .identity("alice")
        .messaging_binding_address("+15558675310")
        .messaging_binding_proxy_address("+15017122661")
        .date_created(date())
        .date_updated(date())
        .attributes("{}")
        .messaging_binding_projected_address("+15017122661")
        .role_sid(ROLE);
    expect(
        "POST /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants (CreateServiceConversationParticipant)",
        201,
        handle.create_with_response(&params).await,
    );
    let params = ListServiceConversationParticipantParams::new()
        .page_size(50)
        .page(0);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants (ListServiceConversationParticipant)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants/{Sid}`
#[tokio::test]
async fn service_conversation_participant() {
    let Some(client) = prism() else { return };
    let handle = client
        .services()
        .conversations(SERVICE)
        .participants(CONVERSATION);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants/{Sid} (FetchServiceConversationParticipant)",
        200,
        handle.fetch_with_response(PARTICIPANT).await,
    );
    let params = UpdateServiceConversationParticipantParams::new()
        .x_twilio_webhook_enabled("false".into())
        .date_created(date())
        .date_updated(date())
        .identity("alice")
        .attributes("{}")
        .role_sid(ROLE)
        .messaging_binding_proxy_address("+15017122661")
        .messaging_binding_projected_address("+15017122661")
        .last_read_message_index(5)
        .last_read_timestamp("2015-12-16T22:18:37Z");
    expect(
        "POST /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants/{Sid} (UpdateServiceConversationParticipant)",
        200,
        handle.update_with_response(PARTICIPANT, &params).await,
    );
    let params =
        DeleteServiceConversationParticipantParams::new().x_twilio_webhook_enabled("true".into());
    expect(
        "DELETE /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants/{Sid} (DeleteServiceConversationParticipant)",
        204,
        handle.delete_with_response(PARTICIPANT, &params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks`
#[tokio::test]
async fn service_conversation_webhooks() {
    let Some(client) = prism() else { return };
    let handle = client
        .services()
        .conversations(SERVICE)
        .webhooks(CONVERSATION);
    let params = CreateServiceConversationScopedWebhookParams::new(
        ServiceConversationScopedWebhookTarget::Studio,
    )
    .configuration_url("https://example.com")
    .configuration_method(ServiceConversationScopedWebhookMethod::Post)
    .configuration_flow_sid(FLOW)
    .configuration_replay_after(0);
    expect(
        "POST /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks (CreateServiceConversationScopedWebhook)",
        201,
        handle.create_with_response(&params).await,
    );
    let params = ListServiceConversationScopedWebhookParams::new()
        .page_size(5)
        .page(0);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks (ListServiceConversationScopedWebhook)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks/{Sid}`
#[tokio::test]
async fn service_conversation_webhook() {
    let Some(client) = prism() else { return };
    let handle = client
        .services()
        .conversations(SERVICE)
        .webhooks(CONVERSATION);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks/{Sid} (FetchServiceConversationScopedWebhook)",
        200,
        handle.fetch_with_response(WEBHOOK).await,
    );
    let params = UpdateServiceConversationScopedWebhookParams::new()
        .configuration_url("https://example.com")
        .configuration_method(ServiceConversationScopedWebhookMethod::Get)
        .configuration_flow_sid(FLOW);
    expect(
        "POST /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks/{Sid} (UpdateServiceConversationScopedWebhook)",
        200,
        handle.update_with_response(WEBHOOK, &params).await,
    );
    expect(
        "DELETE /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Webhooks/{Sid} (DeleteServiceConversationScopedWebhook)",
        204,
        handle.delete_with_response(WEBHOOK).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/ConversationWithParticipants`
#[tokio::test]
async fn service_conversation_with_participants() {
    let Some(client) = prism() else { return };
    let params = CreateServiceConversationWithParticipantsParams::new()
        .x_twilio_webhook_enabled("true".into())
        .friendly_name("friendly_name")
        .unique_name("unique_name")
        .date_created(date())
        .date_updated(date())
        .messaging_service_sid(MESSAGING_SERVICE)
        .attributes("{}")
        .state(ServiceConversationWithParticipantsState::Active)
        .timers_inactive("PT1M")
        .timers_closed("PT10M")
        .bindings_email_address("support@example.com")
        .bindings_email_name("Support");
    expect(
        "POST /v1/Services/{ChatServiceSid}/ConversationWithParticipants (CreateServiceConversationWithParticipants)",
        201,
        client
            .services()
            .conversation_with_participants(SERVICE)
            .create_with_response(&params)
            .await,
    );
}

/// `/v1/Services/{ChatServiceSid}/ParticipantConversations`
#[tokio::test]
async fn service_participant_conversations() {
    let Some(client) = prism() else { return };
    let params = ListServiceParticipantConversationParams::new()
        .identity("alice")
        .address("+15558675310")
        .page_size(50)
        .page(0);
    expect(
        "GET /v1/Services/{ChatServiceSid}/ParticipantConversations (ListServiceParticipantConversation)",
        200,
        client
            .services()
            .participant_conversations(SERVICE)
            .list_with_response(&params)
            .await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Roles`: CreateServiceRole's required
/// `Permission` is an array, which Prism's form parser rejects, so only the
/// list is called here (CreateServiceRole is in `tests/wire/roles.rs`).
#[tokio::test]
async fn service_roles() {
    let Some(client) = prism() else { return };
    let params = ListServiceRoleParams::new().page_size(50).page(0);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Roles (ListServiceRole)",
        200,
        client
            .services()
            .roles(SERVICE)
            .list_with_response(&params)
            .await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Roles/{Sid}`: UpdateServiceRole's required
/// `Permission` is an array, which Prism's form parser rejects, so only
/// fetch and delete are called here (UpdateServiceRole is in
/// `tests/wire/roles.rs`).
#[tokio::test]
async fn service_role() {
    let Some(client) = prism() else { return };
    let handle = client.services().roles(SERVICE);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Roles/{Sid} (FetchServiceRole)",
        200,
        handle.fetch_with_response(ROLE).await,
    );
    expect(
        "DELETE /v1/Services/{ChatServiceSid}/Roles/{Sid} (DeleteServiceRole)",
        204,
        handle.delete_with_response(ROLE).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Users`
#[tokio::test]
async fn service_users() {
    let Some(client) = prism() else { return };
    let handle = client.services().users(SERVICE);
    let params = CreateServiceUserParams::new("alice")
        .x_twilio_webhook_enabled("true".into())
        .friendly_name("Alice")
        .attributes("{}")
        .role_sid(ROLE);
    expect(
        "POST /v1/Services/{ChatServiceSid}/Users (CreateServiceUser)",
        201,
        handle.create_with_response(&params).await,
    );
    let params = ListServiceUserParams::new().page_size(50).page(0);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Users (ListServiceUser)",
        200,
        handle.list_with_response(&params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Users/{Sid}`
#[tokio::test]
async fn service_user() {
    let Some(client) = prism() else { return };
    let handle = client.services().users(SERVICE);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Users/{Sid} (FetchServiceUser)",
        200,
        handle.fetch_with_response(USER).await,
    );
    let params = UpdateServiceUserParams::new()
        .x_twilio_webhook_enabled("false".into())
        .friendly_name("Alice")
        .attributes("{}")
        .role_sid(ROLE);
    expect(
        "POST /v1/Services/{ChatServiceSid}/Users/{Sid} (UpdateServiceUser)",
        200,
        handle.update_with_response(USER, &params).await,
    );
    let params = DeleteServiceUserParams::new().x_twilio_webhook_enabled("true".into());
    expect(
        "DELETE /v1/Services/{ChatServiceSid}/Users/{Sid} (DeleteServiceUser)",
        204,
        handle.delete_with_response(USER, &params).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Users/{UserSid}/Conversations/{ConversationSid}`
#[tokio::test]
async fn service_user_conversation() {
    let Some(client) = prism() else { return };
    let handle = client.services().users(SERVICE).conversations(USER);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Users/{UserSid}/Conversations/{ConversationSid} (FetchServiceUserConversation)",
        200,
        handle.fetch_with_response(CONVERSATION).await,
    );
    let params = UpdateServiceUserConversationParams::new()
        .notification_level("muted".into())
        .last_read_timestamp(date())
        .last_read_message_index(5);
    expect(
        "POST /v1/Services/{ChatServiceSid}/Users/{UserSid}/Conversations/{ConversationSid} (UpdateServiceUserConversation)",
        200,
        handle.update_with_response(CONVERSATION, &params).await,
    );
    expect(
        "DELETE /v1/Services/{ChatServiceSid}/Users/{UserSid}/Conversations/{ConversationSid} (DeleteServiceUserConversation)",
        204,
        handle.delete_with_response(CONVERSATION).await,
    );
}

/// `/v1/Services/{ChatServiceSid}/Users/{UserSid}/Conversations`
#[tokio::test]
async fn service_user_conversations() {
    let Some(client) = prism() else { return };
    let params = ListServiceUserConversationParams::new()
        .page_size(50)
        .page(0);
    expect(
        "GET /v1/Services/{ChatServiceSid}/Users/{UserSid}/Conversations (ListServiceUserConversation)",
        200,
        client
            .services()
            .users(SERVICE)
            .conversations(USER)
            .list_with_response(&params)
            .await,
    );
}
