//! The natural call chains an app writes, compiled and never run, against
//! both crates named `twilio_conversations`: the one generated from Twilio's
//! whole Conversations spec (copied there as `examples/api_shape.rs` by
//! `tests/full_api.rs`) and the committed one (the `api_shape` test target,
//! `harness = false`, whose `main` does nothing).
//!
//! Enum values are written as `"value".into()`: each enum is its schema's
//! own type, so the two crates name them differently (ours has one
//! `WebhookEnabledType` component, Twilio's file one per resource, such as
//! `ConversationWebhookEnabledType`), and `From<&str>` reaches both.

use futures_util::StreamExt;
use twilio_conversations::*;

#[allow(dead_code)]
async fn calls(client: Client) -> Result<(), Error> {
    let message = client
        .conversations()
        .messages("CH00000000000000000000000000000000")
        .create(
            &CreateConversationMessageParams::new()
                .body("hi")
                .author("me"),
        )
        .await?;
    let _ = message.index;
    let receipts = client
        .conversations()
        .messages("CH00000000000000000000000000000000")
        .receipts("IM00000000000000000000000000000000")
        .list(&ListConversationMessageReceiptParams::new().page_size(5))
        .await?;
    let _ = receipts.items;
    let mut participants = client
        .services()
        .conversations("IS00000000000000000000000000000000")
        .participants("CH00000000000000000000000000000000")
        .stream(&ListServiceConversationParticipantParams::new())
        .take(3);
    while let Some(participant) = participants.next().await {
        let _ = participant?.identity;
    }
    let webhooks = client.configuration().webhooks().fetch().await?;
    let _ = webhooks.method;
    let role = client
        .roles()
        .create(&CreateRoleParams::new(
            "r",
            "conversation".into(),
            ["sendMessage", "leaveConversation"],
        ))
        .await?;
    let _ = role.permissions;
    client
        .users()
        .conversations("US00000000000000000000000000000000")
        .delete("CH00000000000000000000000000000000")
        .await?;
    Ok(())
}

/// What Twilio requires is what `new` takes, in the spec's order, each
/// argument of the type its setter takes (`impl Into<String>`, the enum,
/// `impl IntoIterator<Item = impl Into<String>>`); the fields hold the values
/// themselves, and setters still change them.
#[allow(dead_code)]
fn required_parameters() {
    let role = CreateRoleParams::new("moderator", "conversation".into(), ["sendMessage"]);
    let _: (&String, &_, &Vec<String>) = (&role.friendly_name, &role.r#type, &role.permission);
    let _ = CreateRoleParams::new(
        String::from("moderator"),
        "service".into(),
        vec![
            String::from("sendMessage"),
            String::from("leaveConversation"),
        ],
    )
    .friendly_name("renamed")
    .permission(Vec::<String>::new());
    let update: UpdateRoleParams = UpdateRoleParams::new(["sendMessage", "leaveConversation"]);
    let _: &Vec<String> = &update.permission;
    let _ = CreateServiceRoleParams::new("moderator", "conversation".into(), ["sendMessage"]);
    let _ = UpdateServiceRoleParams::new(vec!["sendMessage"]);

    let user = CreateUserParams::new("alice").friendly_name("Alice");
    let _: (&String, &Option<String>) = (&user.identity, &user.friendly_name);
    let _ = CreateServiceUserParams::new(String::from("alice"));

    let service = CreateServiceParams::new("My Service");
    let _: &String = &service.friendly_name;

    let credential = CreateCredentialParams::new(CredentialPushType::Apn).sandbox(true);
    let _: &CredentialPushType = &credential.r#type;

    let address =
        CreateConfigurationAddressParams::new(ConfigurationAddressType::Sms, "+15017122661")
            .friendly_name("support line");
    let _: (&ConfigurationAddressType, &String) = (&address.r#type, &address.address);

    let webhook =
        CreateConversationScopedWebhookParams::new(ConversationScopedWebhookTarget::Webhook)
            .configuration_url("https://example.com/hook");
    let _: &ConversationScopedWebhookTarget = &webhook.target;
    let _ = CreateServiceConversationScopedWebhookParams::new(
        ServiceConversationScopedWebhookTarget::Studio,
    );

    // Where nothing is required, `new()` takes nothing and `Default` is there.
    let _: ListRoleParams = Default::default();
    let _ = CreateConversationParams::new().friendly_name("Support");
}

fn main() {}
