//! The example's server: its routes and handlers, and their configuration.
//! `main.rs` runs it; `tests/webhook_server.rs` compiles it in and serves
//! it on 127.0.0.1.

use std::collections::HashMap;

use axum::Router;
use axum::extract::{FromRef, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use twilio_conversations::{
    AccessToken, ChatGrant, ConversationEvent, MessageAddEvent, MessageAddResponse, TwilioWebhook,
    WebhookAnswer, WebhookConfig,
};

/// Words that get a message rejected.
pub const BANNED: &[&str] = &["casino", "lottery"];

/// Words that get a message rewritten, and what they become.
pub const SOFTENED: &[(&str, &str)] = &[("darn", "d*rn"), ("heck", "h*ck")];

/// What the server needs to know.
#[derive(Clone)]
pub struct Config {
    /// How webhooks are checked: the tokens, the public URL, the body limit.
    pub webhooks: WebhookConfig,
    /// The account tokens are minted for.
    pub account_sid: String,
    /// The API key that signs tokens.
    pub api_key: String,
    /// The API key's secret.
    pub api_secret: String,
    /// The Conversation Service the tokens grant, if any.
    pub service_sid: Option<String>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("webhooks", &self.webhooks)
            .field("account_sid", &self.account_sid)
            .field("api_key", &self.api_key)
            .field("service_sid", &self.service_sid)
            .finish_non_exhaustive()
    }
}

/// Where the `TwilioWebhook` extractor finds its configuration.
impl FromRef<Config> for WebhookConfig {
    fn from_ref(config: &Config) -> Self {
        config.webhooks.clone()
    }
}

/// The server's routes.
pub fn app(config: Config) -> Router {
    Router::new()
        .route("/twilio/conversations", post(webhook))
        .route("/token", get(token))
        .with_state(config)
}

async fn webhook(TwilioWebhook(event): TwilioWebhook<ConversationEvent>) -> WebhookAnswer {
    match &event {
        ConversationEvent::MessageAdd(message) => moderate(message),
        event if event.is_pre_action() => WebhookAnswer::proceed(),
        event => {
            log(event);
            WebhookAnswer::proceed()
        }
    }
}

/// The answer to a message about to be added: rejected with a banned word,
/// rewritten with a word to soften, let through otherwise.
pub fn moderate(message: &MessageAddEvent) -> WebhookAnswer {
    let Some(body) = &message.body else {
        return WebhookAnswer::proceed();
    };
    let lower = body.to_lowercase();
    if BANNED.iter().any(|word| lower.contains(word)) {
        return WebhookAnswer::reject();
    }
    let mut rewritten = body.clone();
    for (word, softer) in SOFTENED {
        rewritten = replace_ignoring_case(&rewritten, word, softer);
    }
    if rewritten == *body {
        return WebhookAnswer::proceed();
    }
    let mut attributes = message
        .attributes
        .clone()
        .filter(serde_json::Value::is_object)
        .unwrap_or_else(|| serde_json::json!({}));
    attributes["moderated"] = serde_json::Value::Bool(true);
    MessageAddResponse::proceed()
        .body(rewritten)
        .attributes(&attributes)
        .answer()
}

/// `text` with each ASCII-case-insensitive `word` replaced by `with`.
fn replace_ignoring_case(text: &str, word: &str, with: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    while let Some(found) = lower[rest..].find(word) {
        let at = rest + found;
        out.push_str(&text[rest..at]);
        out.push_str(with);
        rest = at + word.len();
    }
    out.push_str(&text[rest..]);
    out
}

fn log(event: &ConversationEvent) {
    let conversation = match event {
        ConversationEvent::MessageAdded(e) => e.conversation_sid.as_deref(),
        ConversationEvent::ConversationAdded(e) => e.conversation_sid.as_deref(),
        ConversationEvent::ParticipantAdded(e) => e.conversation_sid.as_deref(),
        ConversationEvent::DeliveryUpdated(e) => e.conversation_sid.as_deref(),
        _ => None,
    };
    eprintln!(
        "post-action {} (conversation {})",
        event.event_type(),
        conversation.unwrap_or("-")
    );
}

/// `GET /token?identity=alice`: a token for that identity, or 400 without one.
async fn token(
    State(config): State<Config>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(identity) = query
        .get("identity")
        .filter(|identity| !identity.is_empty())
    else {
        return (
            StatusCode::BAD_REQUEST,
            "name an identity: /token?identity=...",
        )
            .into_response();
    };
    let mut grant = ChatGrant::new();
    if let Some(service) = &config.service_sid {
        grant = grant.service_sid(service.clone());
    }
    let token = AccessToken::new(
        config.account_sid.clone(),
        config.api_key.clone(),
        config.api_secret.clone(),
        identity.clone(),
    )
    .grant(grant)
    .to_jwt();
    match token {
        Ok(token) => axum::Json(serde_json::json!({
            "identity": identity,
            "token": token,
        }))
        .into_response(),
        Err(err) => (StatusCode::BAD_REQUEST, err.to_string()).into_response(),
    }
}
