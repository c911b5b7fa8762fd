//! The committed crate's `webhook_server` example, served on 127.0.0.1 and
//! sent real HTTP requests: genuine ones are answered, forged ones (signed
//! with another token, unsigned, or with a body changed after signing) are
//! refused, and the token route mints a token that verifies.
//!
//! The example's own code is compiled in here (`server.rs`; `main.rs` only reads the environment), so this is
//! the server that `cargo run --example webhook_server` runs.

#[allow(dead_code)]
#[path = "../generated-client/examples/webhook_server/server.rs"]
mod server;

use std::time::{Duration, UNIX_EPOCH};

use base64::Engine as _;
use twilio_conversations::{
    AccessToken, ChatGrant, RequestValidator, SIGNATURE_HEADER, WebhookConfig,
};

const AUTH_TOKEN: &str = "test-auth-token";
const ACCOUNT: &str = "AC00000000000000000000000000000001";
const KEY: &str = "SK00000000000000000000000000000002";
const SECRET: &str = "test-api-key-secret";
const SERVICE: &str = "IS00000000000000000000000000000003";

/// The server on a free port of 127.0.0.1, and its base URL.
async fn start() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = server::Config {
        webhooks: WebhookConfig::new(RequestValidator::new(AUTH_TOKEN)).public_url(base.as_str()),
        account_sid: ACCOUNT.into(),
        api_key: KEY.into(),
        api_secret: SECRET.into(),
        service_sid: Some(SERVICE.into()),
    };
    tokio::spawn(async move { axum::serve(listener, server::app(config)).await });
    base
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

/// The form as `application/x-www-form-urlencoded` text.
fn encode(params: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in params {
        out.append_pair(k, v);
    }
    out.finish()
}

/// Posts `body` to the webhook route with `signature`, if any.
async fn post(
    base: &str,
    body: String,
    signature: Option<String>,
) -> (u16, String, Option<String>) {
    let mut request = client()
        .post(format!("{base}/twilio/conversations"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body);
    if let Some(signature) = signature {
        request = request.header(SIGNATURE_HEADER, signature);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, response.text().await.unwrap(), content_type)
}

fn signed_by(token: &str, base: &str, params: &[(&str, &str)]) -> String {
    RequestValidator::new(token).expected_signature(
        &format!("{base}/twilio/conversations"),
        params.iter().copied(),
    )
}

fn message(body: &str) -> Vec<(&'static str, String)> {
    vec![
        ("EventType", "onMessageAdd".into()),
        ("AccountSid", ACCOUNT.into()),
        (
            "ConversationSid",
            "CH00000000000000000000000000000004".into(),
        ),
        ("Author", "alice".into()),
        ("Source", "SDK".into()),
        ("Body", body.into()),
        ("Attributes", r#"{"lang":"en"}"#.into()),
    ]
}

fn borrowed<'a>(params: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    params.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
async fn genuine_webhooks_are_answered() {
    let base = start().await;
    let plain = message("See you at noon");
    let plain = borrowed(&plain);
    let (status, body, _) = post(
        &base,
        encode(&plain),
        Some(signed_by(AUTH_TOKEN, &base, &plain)),
    )
    .await;
    assert_eq!(
        (status, body.as_str()),
        (200, ""),
        "an ordinary message proceeds unchanged"
    );

    let rough = message("Darn, the build broke again");
    let rough = borrowed(&rough);
    let (status, body, content_type) = post(
        &base,
        encode(&rough),
        Some(signed_by(AUTH_TOKEN, &base, &rough)),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(content_type.as_deref(), Some("application/json"));
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["body"], "d*rn, the build broke again");
    let attributes: serde_json::Value =
        serde_json::from_str(json["attributes"].as_str().unwrap()).unwrap();
    assert_eq!(
        attributes,
        serde_json::json!({"lang": "en", "moderated": true})
    );

    let banned = message("Win big at the CASINO tonight");
    let banned = borrowed(&banned);
    let (status, _, _) = post(
        &base,
        encode(&banned),
        Some(signed_by(AUTH_TOKEN, &base, &banned)),
    )
    .await;
    assert!(
        !(200..300).contains(&status),
        "a banned word is rejected, got {status}"
    );

    let added = [
        ("EventType", "onMessageAdded"),
        ("ConversationSid", "CH00000000000000000000000000000004"),
        ("MessageSid", "IM00000000000000000000000000000005"),
        ("Index", "7"),
        ("RetryCount", "0"),
    ];
    let (status, body, _) = post(
        &base,
        encode(&added),
        Some(signed_by(AUTH_TOKEN, &base, &added)),
    )
    .await;
    assert_eq!(
        (status, body.as_str()),
        (200, ""),
        "a post-action event is acknowledged"
    );

    let broken = [("EventType", "onMessageAdded"), ("Index", "seven")];
    let (status, body, _) = post(
        &base,
        encode(&broken),
        Some(signed_by(AUTH_TOKEN, &base, &broken)),
    )
    .await;
    assert_eq!(status, 400, "a genuine but undecodable form: {body}");
    assert!(body.contains("`Index`"), "{body}");
}

#[tokio::test]
async fn forged_webhooks_are_refused() {
    let base = start().await;
    let params = message("Win big at the casino tonight");
    let params = borrowed(&params);

    // Signed with another account's token.
    let (status, body, _) = post(
        &base,
        encode(&params),
        Some(signed_by("not-the-token", &base, &params)),
    )
    .await;
    // The refusal says nothing that helps a forger.
    assert_eq!((status, body.as_str()), (403, "Forbidden"));

    // Not signed at all.
    let (status, body, _) = post(&base, encode(&params), None).await;
    assert_eq!((status, body.as_str()), (403, "Forbidden"));

    // Signed, then the body changed on the way: the banned word is gone.
    let signature = signed_by(AUTH_TOKEN, &base, &params);
    let tampered = encode(&params).replace("casino", "museum");
    let (status, body, _) = post(&base, tampered, Some(signature.clone())).await;
    assert_eq!(
        (status, body.as_str()),
        (403, "Forbidden"),
        "a tampered body must not pass"
    );

    // The genuine request with that signature is still recognized (and rejected
    // for its banned word, not for its signature).
    let (status, body, _) = post(&base, encode(&params), Some(signature)).await;
    assert_eq!((status, body.as_str()), (403, ""));

    // A signature for another URL.
    let elsewhere = RequestValidator::new(AUTH_TOKEN)
        .expected_signature(&format!("{base}/other"), params.iter().copied());
    let (status, _, _) = post(&base, encode(&params), Some(elsewhere)).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn the_token_route_mints_a_token_that_verifies() {
    let base = start().await;
    let response = client()
        .get(format!("{base}/token?identity=zo%C3%AB"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let json: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(json["identity"], "zoë");
    let token = json["token"].as_str().unwrap();
    let payload = token.split('.').nth(1).unwrap();
    let payload: serde_json::Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(payload["grants"]["identity"], "zoë");
    assert_eq!(payload["grants"]["chat"]["service_sid"], SERVICE);
    assert_eq!(
        (payload["iss"].as_str(), payload["sub"].as_str()),
        (Some(KEY), Some(ACCOUNT))
    );
    // The same inputs at the same second give the same token: its signature
    // is the API key secret's.
    let iat = payload["iat"].as_u64().unwrap();
    let expected = AccessToken::new(ACCOUNT, KEY, SECRET, "zoë")
        .issued_at(UNIX_EPOCH + Duration::from_secs(iat))
        .grant(ChatGrant::new().service_sid(SERVICE))
        .to_jwt()
        .unwrap();
    assert_eq!(token, expected);

    let response = client()
        .get(format!("{base}/token?identity="))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        400,
        "an empty identity gets no token"
    );
}
