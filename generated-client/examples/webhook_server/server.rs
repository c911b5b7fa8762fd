//! The server behind the `webhook_server` example: its routes, its
//! moderation of messages and its token minting (`main.rs` runs it; the
//! workspace's `tests/webhook_server.rs` compiles this file in and serves it
//! on 127.0.0.1).

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use twilio_conversations::{
    AccessToken, ChatGrant, ConversationEvent, MessageAddEvent, MessageAddResponse,
    RequestValidator, SignatureError, WebhookAnswer,
};

/// Words that get a message rejected.
pub const BANNED: &[&str] = &["casino", "lottery"];

/// Words that get a message rewritten, and what they become.
pub const SOFTENED: &[(&str, &str)] = &[("darn", "d*rn"), ("heck", "h*ck")];

/// The largest webhook body read.
const MAX_BODY: usize = 64 * 1024;

/// What the server needs to know.
#[derive(Clone)]
pub struct Config {
    /// Checks Twilio's signatures.
    pub validator: RequestValidator,
    /// The scheme and host Twilio calls, e.g. `https://your-host.example`.
    pub public_url: String,
    /// The account tokens are minted for.
    pub account_sid: String,
    /// The API key that signs tokens, and its secret.
    pub api_key: String,
    /// The API key's secret.
    pub api_secret: String,
    /// The Conversation Service the tokens grant, if any.
    pub service_sid: Option<String>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("validator", &self.validator)
            .field("public_url", &self.public_url)
            .field("account_sid", &self.account_sid)
            .field("api_key", &self.api_key)
            .field("service_sid", &self.service_sid)
            .finish_non_exhaustive()
    }
}

/// The server's routes.
pub fn app(config: Config) -> Router {
    Router::new()
        .route("/twilio/conversations", post(webhook))
        .route("/token", get(token))
        .with_state(Arc::new(config))
}

async fn webhook(State(config): State<Arc<Config>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "body too large").into_response();
    };
    let request = axum::http::Request::from_parts(parts, body);
    let params = match config
        .validator
        .validate_request(&config.public_url, &request)
    {
        Ok(params) => params,
        Err(err) => {
            let status = match err {
                SignatureError::MissingHeader => StatusCode::BAD_REQUEST,
                _ => StatusCode::FORBIDDEN,
            };
            eprintln!("refused a webhook: {err}");
            return (status, err.to_string()).into_response();
        }
    };
    let event = match ConversationEvent::from_form(params) {
        Ok(event) => event,
        Err(err) => return (StatusCode::BAD_REQUEST, err.to_string()).into_response(),
    };
    let answer = match &event {
        ConversationEvent::MessageAdd(message) => moderate(message),
        event if event.is_pre_action() => WebhookAnswer::proceed(),
        event => {
            log(event);
            WebhookAnswer::proceed()
        }
    };
    respond(&answer)
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

fn respond(answer: &WebhookAnswer) -> Response {
    let status = StatusCode::from_u16(answer.status()).unwrap_or(StatusCode::FORBIDDEN);
    match (answer.body(), answer.content_type()) {
        (Some(body), Some(content_type)) => (
            status,
            [(header::CONTENT_TYPE, content_type)],
            body.to_owned(),
        )
            .into_response(),
        _ => status.into_response(),
    }
}

/// `GET /token?identity=alice`: a token for that identity, or 400 without one.
async fn token(
    State(config): State<Arc<Config>>,
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
