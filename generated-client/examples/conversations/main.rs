//! The flow of a support conversation, end to end: create it, add a chat
//! participant and an SMS participant, post a message, read the history
//! newest first, check delivery receipts, send a file from disk and download
//! it again, subscribe a webhook to it, do the same inside a named
//! Conversation Service, and clean up.
//!
//! Against a Prism mock of our spec (what `cargo xtask test` runs; `base_url`
//! sends the media calls, which have a host of their own, there too):
//!
//! ```sh
//! TWILIO_BASE_URL=http://127.0.0.1:4010 TWILIO_ACCOUNT_SID=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa \
//!   TWILIO_AUTH_TOKEN=token cargo run -p twilio-conversations --example conversations
//! ```
//!
//! Against Twilio itself, with real credentials and `TWILIO_SMS_FROM` set to
//! one of your Twilio numbers and `TWILIO_SMS_TO` to a phone that may receive
//! a text (this creates and then deletes one conversation in your account's
//! default service, and one in a new service that it deletes too):
//!
//! ```sh
//! TWILIO_ACCOUNT_SID=AC... TWILIO_AUTH_TOKEN=... TWILIO_SMS_FROM=+1... TWILIO_SMS_TO=+1... \
//!   cargo run -p twilio-conversations --example conversations
//! ```
//!
//! It needs the resources it calls: the default features (`full`) have them,
//! and so does `--no-default-features --features rustls,conversation-message-receipts,conversation-participants,conversation-webhooks,service-media-content,service-conversation-messages,service-conversation-participants`.
//! Built without them, it only says so.

#[cfg(all(
    feature = "conversation-message-receipts",
    feature = "conversation-participants",
    feature = "conversation-webhooks",
    feature = "service-media-content",
    feature = "service-conversation-messages",
    feature = "service-conversation-participants"
))]
mod flow;

#[cfg(all(
    feature = "conversation-message-receipts",
    feature = "conversation-participants",
    feature = "conversation-webhooks",
    feature = "service-media-content",
    feature = "service-conversation-messages",
    feature = "service-conversation-participants"
))]
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    flow::run().await
}

#[cfg(not(all(
    feature = "conversation-message-receipts",
    feature = "conversation-participants",
    feature = "conversation-webhooks",
    feature = "service-media-content",
    feature = "service-conversation-messages",
    feature = "service-conversation-participants"
)))]
fn main() {
    eprintln!("this example calls resources whose features are off: build it with the defaults");
}
