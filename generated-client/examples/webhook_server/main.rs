//! A Conversations backend's two other jobs, on axum: answering Twilio's
//! webhooks and minting access tokens for the client SDKs.
//!
//! - `POST /twilio/conversations`: Twilio's pre- and post-action webhooks.
//!   The signature is checked first (403 when it does not match, 400 when it
//!   is missing), then the form is decoded into a typed event. Before a
//!   message is added (`onMessageAdd`), one with a banned word is rejected
//!   and one with a word to soften is rewritten; post-action events are
//!   logged.
//! - `GET /token?identity=alice`: an access token for that identity, with
//!   the `chat` grant. A real app checks who is asking first.
//!
//! ```text
//! TWILIO_ACCOUNT_SID=AC... TWILIO_AUTH_TOKEN=... \
//! TWILIO_API_KEY=SK... TWILIO_API_SECRET=... \
//! TWILIO_CONVERSATIONS_SERVICE_SID=IS... \
//! PUBLIC_URL=https://your-host.example PORT=3000 \
//! cargo run -p twilio-conversations --example webhook_server --features webhooks,access-token
//! ```
//!
//! `PUBLIC_URL` is the scheme and host Twilio calls (as configured in the
//! webhook URL): behind a proxy or tunnel, the server cannot see it, and the
//! signature covers it.
//!
//! Without both features this example only says which ones it needs: a
//! crate built with default features still builds all its targets.

#[cfg(all(feature = "webhooks", feature = "access-token"))]
mod server;

#[cfg(all(feature = "webhooks", feature = "access-token"))]
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    use server::{Config, app};
    use twilio_conversations::RequestValidator;

    let env = |name: &str| {
        std::env::var(name).map_err(|_| format!("set {name} (see the example's doc comment)"))
    };
    let config = Config {
        validator: RequestValidator::new(env("TWILIO_AUTH_TOKEN")?),
        public_url: env("PUBLIC_URL")?,
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

#[cfg(not(all(feature = "webhooks", feature = "access-token")))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "the webhook_server example needs the `webhooks` and `access-token` features:\n  \
         cargo run -p twilio-conversations --example webhook_server --features webhooks,access-token"
    );
    std::process::ExitCode::FAILURE
}
