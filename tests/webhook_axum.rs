//! The generated crate's `axum` and `tower` features over real HTTP on
//! 127.0.0.1: an axum app whose handlers take `TwilioWebhook<E>` is sent
//! genuine, forged, oversized and proxied webhooks by reqwest, and the tower
//! layer guards a bare hyper service.

use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{FromRef, State};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use bytes::Bytes;
use http_body_util::Full;
use sha2::Digest;
use twilio_conversations::{
    ConversationEvent, MessageAddResponse, PublicUrl, RequestValidator, SIGNATURE_HEADER,
    TwilioWebhook, TwilioWebhookLayer, VerifiedWebhook, WebhookAnswer, WebhookConfig,
};

const TOKEN: &str = "primary-auth-token";
const SECONDARY: &str = "secondary-auth-token";
const LIMIT: usize = 1024;

/// The app's state: the webhook config (found by the extractor through
/// `FromRef`) and what the handlers saw.
#[derive(Clone)]
struct App {
    config: WebhookConfig,
    seen: Arc<Mutex<Vec<String>>>,
}

impl FromRef<App> for WebhookConfig {
    fn from_ref(app: &App) -> Self {
        app.config.clone()
    }
}

async fn conversations(
    State(app): State<App>,
    TwilioWebhook(event): TwilioWebhook<ConversationEvent>,
) -> Response {
    let seen = match &event {
        ConversationEvent::MessageAdd(m) => format!("{} {:?}", event.event_type(), m.body),
        ConversationEvent::MessageAdded(m) => format!("{} {:?}", event.event_type(), m.body),
        other => other.event_type().to_owned(),
    };
    app.seen.lock().unwrap().push(seen);
    match event {
        // A pre-action answer, straight from its builder.
        ConversationEvent::MessageAdd(m) if m.body.as_deref() == Some("rewrite me") => {
            MessageAddResponse::proceed()
                .body("rewritten")
                .into_response()
        }
        ConversationEvent::MessageAdd(m) if m.body.as_deref() == Some("cancel me") => {
            WebhookAnswer::reject_with(422).into_response()
        }
        _ => WebhookAnswer::proceed().into_response(),
    }
}

async fn json(TwilioWebhook(value): TwilioWebhook<serde_json::Value>) -> String {
    value["EventType"].as_str().unwrap_or_default().to_owned()
}

async fn raw(TwilioWebhook(form): TwilioWebhook<Vec<(String, String)>>) -> String {
    form.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The app on a free port: `/hooks`, `/json` and `/raw` configured through
/// the state (URL from `Host`, plain http, both tokens, 1 KiB); `/behind`
/// in a router without state, configured through an `Extension` that
/// trusts a proxy's headers.
async fn start() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let validator = RequestValidator::new(TOKEN).also_accept(SECONDARY);
    let app = App {
        config: WebhookConfig::new(validator.clone())
            .public_url(PublicUrl::from_host("http"))
            .body_limit(LIMIT),
        seen: seen.clone(),
    };
    let trusted = WebhookConfig::new(validator)
        .public_url(PublicUrl::from_host("http").trust_forwarded_headers());
    let router = Router::new()
        .route("/hooks", post(conversations))
        .route("/json", post(json))
        .route("/raw", post(raw))
        .with_state(app)
        .merge(
            Router::new()
                .route("/behind", post(raw))
                .layer(axum::Extension(trusted)),
        );
    tokio::spawn(async move { axum::serve(listener, router).await });
    (base, seen)
}

fn encode(params: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in params {
        out.append_pair(k, v);
    }
    out.finish()
}

fn sign(token: &str, url: &str, params: &[(&str, &str)]) -> String {
    RequestValidator::new(token).expected_signature(url, params.iter().copied())
}

struct Answer {
    status: u16,
    content_type: Option<String>,
    body: String,
}

/// Posts `body` to `url` with `signature` and any extra headers.
async fn post_to(
    url: &str,
    body: impl Into<reqwest::Body>,
    signature: Option<&str>,
    headers: &[(&str, &str)],
) -> Answer {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let mut request = client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body);
    if let Some(signature) = signature {
        request = request.header(SIGNATURE_HEADER, signature);
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    Answer {
        status: response.status().as_u16(),
        content_type: response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: response.text().await.unwrap(),
    }
}

const ADDED: [(&str, &str); 4] = [
    ("EventType", "onMessageAdded"),
    ("ConversationSid", "CH00000000000000000000000000000001"),
    ("Body", "hello there"),
    ("Author", "alice"),
];

#[tokio::test]
async fn genuine_webhooks_reach_the_handler_decoded() {
    let (base, seen) = start().await;
    let url = format!("{base}/hooks");
    let answer = post_to(&url, encode(&ADDED), Some(&sign(TOKEN, &url, &ADDED)), &[]).await;
    assert_eq!((answer.status, answer.body.as_str()), (200, ""));
    assert_eq!(
        seen.lock().unwrap().as_slice(),
        ["onMessageAdded Some(\"hello there\")"]
    );

    // The raw pairs, in order, for an app that wants them as they came.
    let url = format!("{base}/raw?site=2");
    let answer = post_to(&url, encode(&ADDED), Some(&sign(TOKEN, &url, &ADDED)), &[]).await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.body,
        "EventType=onMessageAdded&ConversationSid=CH00000000000000000000000000000001&Body=hello there&Author=alice"
    );
}

#[tokio::test]
async fn a_json_webhook_is_checked_against_its_body_hash() {
    let (base, _) = start().await;
    let body = r#"{"EventType":"onMessageAdded","Body":"hi"}"#;
    let hash = hex(&sha2::Sha256::digest(body.as_bytes()));
    let url = format!("{base}/json?bodySHA256={hash}");
    let signature = sign(TOKEN, &url, &[]);
    let answer = post_to(&url, body, Some(&signature), &[]).await;
    assert_eq!(
        (answer.status, answer.body.as_str()),
        (200, "onMessageAdded")
    );
    // The same signature and URL with another body.
    let answer = post_to(&url, body.replace("hi", "ho"), Some(&signature), &[]).await;
    assert_eq!(answer.status, 403);
    // A JSON route sent a genuine form: it does not decode.
    let url = format!("{base}/json");
    let answer = post_to(&url, encode(&ADDED), Some(&sign(TOKEN, &url, &ADDED)), &[]).await;
    assert_eq!(
        (answer.status, answer.body.as_str()),
        (400, "the webhook has a form body, not JSON")
    );
}

#[tokio::test]
async fn forged_and_unsigned_webhooks_get_a_bare_403() {
    let (base, seen) = start().await;
    let url = format!("{base}/hooks");
    let genuine = sign(TOKEN, &url, &ADDED);
    let tampered = encode(&ADDED).replace("hello", "jello");
    let wrong_token = sign("someone-elses-token", &url, &ADDED);
    let other_url = sign(TOKEN, &format!("{base}/other"), &ADDED);
    for (what, body, signature) in [
        ("tampered body", tampered, Some(genuine.as_str())),
        ("wrong token", encode(&ADDED), Some(wrong_token.as_str())),
        ("another URL", encode(&ADDED), Some(other_url.as_str())),
        ("no signature", encode(&ADDED), None),
        ("empty signature", encode(&ADDED), Some("")),
    ] {
        let answer = post_to(&url, body, signature, &[]).await;
        assert_eq!(
            (answer.status, answer.body.as_str()),
            (403, "Forbidden"),
            "{what}"
        );
    }
    assert!(seen.lock().unwrap().is_empty(), "no handler ran");
}

#[tokio::test]
async fn either_token_passes_during_a_rotation() {
    let (base, seen) = start().await;
    let url = format!("{base}/hooks");
    for token in [TOKEN, SECONDARY] {
        let answer = post_to(&url, encode(&ADDED), Some(&sign(token, &url, &ADDED)), &[]).await;
        assert_eq!(answer.status, 200, "signed with {token}");
    }
    let answer = post_to(
        &url,
        encode(&ADDED),
        Some(&sign("retired-token", &url, &ADDED)),
        &[],
    )
    .await;
    assert_eq!(answer.status, 403);
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn bodies_over_the_limit_get_413_and_bad_forms_400() {
    let (base, seen) = start().await;
    let url = format!("{base}/hooks");
    let long = "x".repeat(4 * LIMIT);
    let params = [("EventType", "onMessageAdded"), ("Body", long.as_str())];
    let answer = post_to(
        &url,
        encode(&params),
        Some(&sign(TOKEN, &url, &params)),
        &[],
    )
    .await;
    assert_eq!(answer.status, 413);
    // A body that streams past the limit without announcing its length.
    let chunks = futures::stream::iter(
        (0..8).map(|_| Ok::<_, std::io::Error>(Bytes::from(vec![b'a'; LIMIT / 2]))),
    );
    let answer = post_to(&url, reqwest::Body::wrap_stream(chunks), Some("x"), &[]).await;
    assert_eq!(answer.status, 413);

    // Genuine, but `Index` is not a number: the parameter is named, never its value.
    let params = [("EventType", "onMessageAdded"), ("Index", "seven")];
    let answer = post_to(
        &url,
        encode(&params),
        Some(&sign(TOKEN, &url, &params)),
        &[],
    )
    .await;
    assert_eq!(
        (answer.status, answer.body.as_str()),
        (400, "the webhook parameter `Index` does not decode")
    );
    assert!(seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn forwarded_headers_count_only_where_trusted() {
    let (base, _) = start().await;
    // Twilio called the proxy at https://hooks.example.com; the proxy
    // passed the request on to us with where it came from.
    let public = "https://hooks.example.com/behind";
    let signature = sign(TOKEN, public, &ADDED);
    let proxy = [
        ("x-forwarded-proto", "https"),
        ("x-forwarded-host", "hooks.example.com"),
    ];
    let trusted = post_to(
        &format!("{base}/behind"),
        encode(&ADDED),
        Some(&signature),
        &proxy,
    )
    .await;
    assert_eq!(trusted.status, 200, "{}", trusted.body);
    let rfc = [(
        "forwarded",
        "for=192.0.2.1;proto=https;host=hooks.example.com",
    )];
    let trusted = post_to(
        &format!("{base}/behind"),
        encode(&ADDED),
        Some(&signature),
        &rfc,
    )
    .await;
    assert_eq!(trusted.status, 200, "{}", trusted.body);
    // The same request where the headers are not trusted: the URL is the
    // request's own, so the signature does not match it.
    let untrusted = post_to(
        &format!("{base}/raw"),
        encode(&ADDED),
        Some(&sign(TOKEN, &public.replace("behind", "raw"), &ADDED)),
        &proxy,
    )
    .await;
    assert_eq!(untrusted.status, 403);
    // And there, a client's forwarded headers cannot move a genuine request.
    let own = format!("{base}/raw");
    let genuine = post_to(
        &own,
        encode(&ADDED),
        Some(&sign(TOKEN, &own, &ADDED)),
        &proxy,
    )
    .await;
    assert_eq!(genuine.status, 200);
}

#[tokio::test]
async fn pre_action_answers_are_responses() {
    let (base, seen) = start().await;
    let url = format!("{base}/hooks");
    let rewrite = [("EventType", "onMessageAdd"), ("Body", "rewrite me")];
    let answer = post_to(
        &url,
        encode(&rewrite),
        Some(&sign(TOKEN, &url, &rewrite)),
        &[],
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&answer.body).unwrap(),
        serde_json::json!({ "body": "rewritten" })
    );
    let cancel = [("EventType", "onMessageAdd"), ("Body", "cancel me")];
    let answer = post_to(
        &url,
        encode(&cancel),
        Some(&sign(TOKEN, &url, &cancel)),
        &[],
    )
    .await;
    assert_eq!((answer.status, answer.body.as_str()), (422, ""));
    assert_eq!(seen.lock().unwrap().len(), 2);
}

/// The tower layer in front of a bare hyper service (no axum): what passes
/// reaches the service with its body and the verified form; what does not
/// is answered by the layer.
#[tokio::test]
async fn the_tower_layer_guards_a_bare_hyper_service() {
    use tower::ServiceBuilder;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = WebhookConfig::new(RequestValidator::with_tokens([TOKEN, SECONDARY]))
        .public_url(base.as_str())
        .body_limit(LIMIT);
    let service = ServiceBuilder::new()
        .layer(TwilioWebhookLayer::new(config))
        .service_fn(|request: http::Request<Full<Bytes>>| async move {
            let verified = request.extensions().get::<VerifiedWebhook>().cloned();
            let body = http_body_util::BodyExt::collect(request.into_body())
                .await
                .unwrap()
                .to_bytes();
            let text = format!(
                "{} params, body {}",
                verified.map_or(0, |v| v.form().len()),
                String::from_utf8_lossy(&body)
            );
            Ok::<_, Infallible>(http::Response::new(Full::new(Bytes::from(text))))
        });
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let service = hyper_util::service::TowerToHyperService::new(service.clone());
            tokio::spawn(async move {
                let io = hyper_util::rt::TokioIo::new(stream);
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(io, service)
                    .await;
            });
        }
    });

    let url = format!("{base}/anything?x=1");
    let body = encode(&ADDED);
    let answer = post_to(
        &url,
        body.clone(),
        Some(&sign(SECONDARY, &url, &ADDED)),
        &[],
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, format!("4 params, body {body}"));
    let answer = post_to(
        &url,
        body.replace("hello", "jello"),
        Some(&sign(TOKEN, &url, &ADDED)),
        &[],
    )
    .await;
    assert_eq!((answer.status, answer.body.as_str()), (403, ""));
    let answer = post_to(&url, body.clone(), None, &[]).await;
    assert_eq!((answer.status, answer.body.as_str()), (403, ""));
    let answer = post_to(&url, "x".repeat(4 * LIMIT), Some("x"), &[]).await;
    assert_eq!((answer.status, answer.body.as_str()), (413, ""));
}

/// An axum router behind the layer: the extractor finds the request
/// verified and only decodes it, with no config of its own.
#[tokio::test]
async fn the_extractor_trusts_the_layer_in_front_of_it() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = WebhookConfig::new(RequestValidator::new(TOKEN)).public_url(base.as_str());
    let router = Router::new()
        .route("/raw", post(raw))
        .layer(TwilioWebhookLayer::new(config));
    tokio::spawn(async move { axum::serve(listener, router).await });
    let url = format!("{base}/raw");
    let params = [("EventType", "onMessageAdded")];
    let answer = post_to(
        &url,
        encode(&params),
        Some(&sign(TOKEN, &url, &params)),
        &[],
    )
    .await;
    assert_eq!(
        (answer.status, answer.body.as_str()),
        (200, "EventType=onMessageAdded")
    );
    let answer = post_to(
        &url,
        encode(&params),
        Some(&sign(SECONDARY, &url, &params)),
        &[],
    )
    .await;
    assert_eq!(answer.status, 403);
}

/// A route with no config anywhere is a server error, not an open door.
#[tokio::test]
async fn a_missing_config_refuses_with_500() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = Router::new().route("/raw", post(raw));
    tokio::spawn(async move { axum::serve(listener, router).await });
    let url = format!("{base}/raw");
    let answer = post_to(&url, encode(&ADDED), Some(&sign(TOKEN, &url, &ADDED)), &[]).await;
    assert_eq!(answer.status, 500);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
