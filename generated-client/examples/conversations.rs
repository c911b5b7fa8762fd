//! Creates, updates, streams, fetches and deletes a conversation.
//!
//! Against a Prism mock of Twilio's spec (what `cargo xtask test` runs):
//!
//! ```sh
//! TWILIO_BASE_URL=http://127.0.0.1:4010 TWILIO_ACCOUNT_SID=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa \
//!   TWILIO_AUTH_TOKEN=token cargo run -p twilio-conversations --example conversations
//! ```
//!
//! Against Twilio itself, with real credentials (this creates and then
//! deletes one conversation in your account's default service):
//!
//! ```sh
//! TWILIO_ACCOUNT_SID=AC... TWILIO_AUTH_TOKEN=... cargo run -p twilio-conversations --example conversations
//! ```

use std::time::Duration;

use futures_util::StreamExt;
use twilio_conversations::*;

#[tokio::main]
async fn main() -> Result<(), Error> {
    let mut builder = ClientBuilder::from_env()?
        .timeout(Duration::from_secs(20))
        .retry_policy(RetryPolicy::default().max_attempts(4));
    if let Ok(url) = std::env::var("TWILIO_BASE_URL") {
        builder = builder.base_url(url);
    }
    let client = builder.build()?;
    let conversations = client.conversations();

    let created = conversations
        .create(
            &CreateConversationParams::new()
                .friendly_name("Rust SDK example")
                .timers_inactive("PT5M"),
        )
        .await?;
    let sid = created.sid.clone().unwrap_or_default();
    println!("created {sid} ({:?})", created.state);

    let updated = conversations
        .update(
            &sid,
            &UpdateConversationParams::new()
                .friendly_name("Rust SDK example (renamed)")
                .state(ConversationState::Inactive),
        )
        .await?;
    println!("updated: {:?}", updated.friendly_name);

    // Follows next_page_url lazily; `take` stops fetching after five.
    let mut recent = conversations
        .stream(&ListConversationParams::new().page_size(50))
        .take(5);
    while let Some(conversation) = recent.next().await {
        let conversation = conversation?;
        println!("listed {:?}: {:?}", conversation.sid, conversation.friendly_name);
    }

    match conversations.fetch(&sid).await {
        Ok(fetched) => println!("fetched {:?}, created {:?}", fetched.sid, fetched.date_created),
        Err(Error::Api(err)) if err.status == 404 => println!("already gone: {err}"),
        Err(err) => return Err(err),
    }

    conversations
        .delete(
            &sid,
            &DeleteConversationParams::new().x_twilio_webhook_enabled(WebhookEnabled::False),
        )
        .await?;
    println!("deleted {sid}");
    Ok(())
}
