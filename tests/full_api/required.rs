//! Required parameters, on the wire: what `new` takes is always sent, and a
//! params struct cannot be decoded without it. Run against both crates
//! named `twilio_conversations`: the one generated from Twilio's spec
//! (copied there as `tests/required.rs` by `tests/full_api.rs`) and the
//! committed one (the `required` test target).
//!
//! Enum values are written as `"value".into()`: each enum is its schema's
//! own type, so the two crates name them differently (ours has one
//! `WebhookEnabledType` component, Twilio's file one per resource, such as
//! `ConversationWebhookEnabledType`), and `From<&str>` reaches both.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use twilio_conversations::*;

/// Serves one request on 127.0.0.1, answering `status` with `body`, and
/// returns the client pointed at it and the request as it arrived.
async fn one_request(
    status: &str,
    body: &'static str,
) -> (Client, tokio::task::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let status = status.to_owned();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut seen = Vec::new();
        let mut chunk = [0u8; 4096];
        loop {
            let n = socket.read(&mut chunk).await.unwrap();
            assert!(n > 0, "the client closed the connection early");
            seen.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&seen);
            if let Some((head, rest)) = text.split_once("\r\n\r\n") {
                let length = head
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse::<usize>().unwrap())
                    })
                    .unwrap_or(0);
                if rest.len() >= length {
                    break;
                }
            }
        }
        let answer = format!(
            "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        socket.write_all(answer.as_bytes()).await.unwrap();
        String::from_utf8(seen).unwrap()
    });
    let client = Client::builder("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "token")
        .base_url(url)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    (client, server)
}

/// The form body of a raw HTTP request.
fn body(request: &str) -> &str {
    request.split_once("\r\n\r\n").map_or("", |(_, body)| body)
}

#[tokio::test]
async fn create_role_sends_every_required_field() {
    let (client, server) = one_request(
        "201 Created",
        r#"{"sid":"RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","friendly_name":"moderator"}"#,
    )
    .await;
    let role = client
        .roles()
        .create(&CreateRoleParams::new(
            "moderator",
            "conversation".into(),
            ["sendMessage", "leaveConversation"],
        ))
        .await
        .unwrap();
    assert_eq!(role.friendly_name.as_deref(), Some("moderator"));
    let request = server.await.unwrap();
    assert!(
        request.starts_with("POST /v1/Roles HTTP/1.1\r\n"),
        "{request}"
    );
    assert_eq!(
        body(&request),
        "FriendlyName=moderator&Type=conversation&Permission=sendMessage&Permission=leaveConversation"
    );
}

#[tokio::test]
async fn create_user_sends_the_identity_and_only_what_is_set() {
    let (client, server) = one_request(
        "201 Created",
        r#"{"sid":"USaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","identity":"alice"}"#,
    )
    .await;
    let params = CreateUserParams::new("alice smith").friendly_name("Alice");
    client.users().create(&params).await.unwrap();
    let request = server.await.unwrap();
    assert!(
        request.starts_with("POST /v1/Users HTTP/1.1\r\n"),
        "{request}"
    );
    assert_eq!(body(&request), "Identity=alice+smith&FriendlyName=Alice");
    let lower = request.to_ascii_lowercase();
    assert!(!lower.contains("x-twilio-webhook-enabled"), "{request}");
}

#[test]
fn params_do_not_decode_without_what_is_required() {
    let err = serde_json::from_str::<CreateRoleParams>(r#"{"Type":"conversation"}"#).unwrap_err();
    assert!(
        err.to_string().contains("missing field `FriendlyName`"),
        "{err}"
    );
    let err = serde_json::from_str::<CreateUserParams>("{}").unwrap_err();
    assert!(
        err.to_string().contains("missing field `Identity`"),
        "{err}"
    );
    let err = serde_json::from_str::<UpdateRoleParams>("{}").unwrap_err();
    assert!(
        err.to_string().contains("missing field `Permission`"),
        "{err}"
    );
    // With it, they do; a single value is a one-item list, as in a form.
    let role: CreateRoleParams = serde_json::from_str(
        r#"{"FriendlyName":"moderator","Type":"conversation","Permission":"sendMessage"}"#,
    )
    .unwrap();
    assert_eq!(
        role,
        CreateRoleParams::new("moderator", "conversation".into(), ["sendMessage"])
    );
    // Nothing required: `{}` is the empty params, as is `Default`.
    let list: ListRoleParams = serde_json::from_str("{}").unwrap();
    assert_eq!(list, ListRoleParams::default());
    let conversation: CreateConversationParams = serde_json::from_str("{}").unwrap();
    assert_eq!(conversation, CreateConversationParams::new());
}
