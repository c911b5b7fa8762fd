//! A Conversations backend's two other jobs, on axum: answering Twilio's
//! webhooks and minting access tokens for the client SDKs.
//!
//! - `POST /twilio/conversations`: Twilio's pre- and post-action webhooks,
//!   read, checked and decoded by the `TwilioWebhook` extractor (403 for a
//!   missing or wrong signature, 413 for a body too large, 400 for a form
//!   that does not decode). Before a message is added (`onMessageAdd`), one
//!   with a banned word is rejected and one with a word to soften is
//!   rewritten; post-action events are logged.
//! - `GET /token?identity=alice`: an access token for that identity, with
//!   the `chat` grant. A real app checks who is asking first.
//!
//! ```text
//! TWILIO_ACCOUNT_SID=AC... TWILIO_AUTH_TOKEN=... \
//! TWILIO_API_KEY=SK... TWILIO_API_SECRET=... \
//! TWILIO_CONVERSATIONS_SERVICE_SID=IS... \
//! PUBLIC_URL=https://your-host.example PORT=3000 \
//! cargo run -p twilio-conversations --example webhook_server --features axum,access-token
//! ```
//!
//! `PUBLIC_URL` is the scheme and host Twilio calls (as configured in the
//! webhook URL), which the signature covers. Without it, the URL is the
//! request's `Host` with `https`, or, with `TRUST_FORWARDED=1` behind a proxy
//! that sets them, the proxy's `X-Forwarded-*` headers. During a token
//! rotation, `TWILIO_SECONDARY_AUTH_TOKEN` is accepted too.
//!
//! Without both features this example only says which ones it needs: a
//! crate built with default features still builds all its targets.

#[cfg(all(feature = "axum", feature = "access-token"))]
mod server;

#[cfg(all(feature = "axum", feature = "access-token"))]
fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("set {name} (see the example's doc comment)"))
}

#[cfg(all(feature = "axum", feature = "access-token"))]
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    use server::{Config, app};
    use twilio_conversations::{PublicUrl, RequestValidator, WebhookConfig};

    let mut validator = RequestValidator::new(env("TWILIO_AUTH_TOKEN")?);
    if let Ok(secondary) = std::env::var("TWILIO_SECONDARY_AUTH_TOKEN") {
        validator = validator.also_accept(secondary);
    }
    let public_url = match std::env::var("PUBLIC_URL") {
        Ok(url) => PublicUrl::configured(url),
        Err(_) if std::env::var("TRUST_FORWARDED").as_deref() == Ok("1") => {
            PublicUrl::from_host("https").trust_forwarded_headers()
        }
        Err(_) => PublicUrl::from_host("https"),
    };
    let config = Config {
        webhooks: WebhookConfig::new(validator).public_url(public_url),
        account_sid: env("TWILIO_ACCOUNT_SID")?,
        api_key: env("TWILIO_API_KEY")?,
        api_secret: env("TWILIO_API_SECRET")?,
        service_sid: std::env::var("TWILIO_CONVERSATIONS_SERVICE_SID").ok(),
    };
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".into());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app(config)).await?;
    Ok(())
}

#[cfg(not(all(feature = "axum", feature = "access-token")))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "the webhook_server example needs the `axum` and `access-token` features:\n  \
         cargo run -p twilio-conversations --example webhook_server --features axum,access-token"
    );
    std::process::ExitCode::FAILURE
}
