//! A small support app on top of the generated client: the code its tests
//! (in `tests/`) run unchanged against `twilio_conversations::mock`.

use futures_util::StreamExt;
use twilio_conversations::*;

/// Who the app's messages are from.
pub const BOT: &str = "support-bot";

/// Posts `text` to the conversation as the bot.
pub async fn notify(
    client: &Client,
    conversation_sid: &str,
    text: &str,
) -> Result<ConversationMessage> {
    let params = CreateConversationMessageParams::new()
        .author(BOT)
        .body(text);
    client
        .conversations()
        .messages(conversation_sid)
        .create(&params)
        .await
}

/// Renames the conversation and closes it.
pub async fn close(client: &Client, conversation_sid: &str, name: &str) -> Result<Conversation> {
    let params = UpdateConversationParams::new()
        .friendly_name(name)
        .state(ConversationState::Closed);
    client
        .conversations()
        .update(conversation_sid, &params)
        .await
}

/// The names of the first `limit` active conversations, read `page_size` to
/// a page: no page beyond the limit is fetched.
pub async fn active_names(client: &Client, page_size: i64, limit: usize) -> Result<Vec<String>> {
    let params = ListConversationParams::new()
        .state(ConversationState::Active)
        .page_size(page_size);
    let conversations: Vec<Result<Conversation>> = client
        .conversations()
        .stream(&params)
        .take(limit)
        .collect()
        .await;
    conversations
        .into_iter()
        .map(|conversation| Ok(conversation?.friendly_name.unwrap_or_default()))
        .collect()
}

/// Whether the conversation exists: `false` on Twilio's 404.
pub async fn exists(client: &Client, conversation_sid: &str) -> Result<bool> {
    match client.conversations().fetch(conversation_sid).await {
        Ok(_) => Ok(true),
        Err(Error::Api(err)) if err.status == 404 => Ok(false),
        Err(err) => Err(err),
    }
}
