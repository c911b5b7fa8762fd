//! Compiled (not run) inside the crate generated from Twilio's whole
//! Conversations spec: the natural call chains an app writes.

use futures_util::StreamExt;
use twilio_conversations_full::*;

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
            RoleType::Conversation,
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

fn main() {}
