//! Helpers shared by the wire tests.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::thread::JoinHandle;

use serde_json::{Value, json};
use twilio_conversations::{Client, RetryPolicy};
use wiremock::MockServer;

/// The account SID every test client uses.
pub const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// The auth token every test client uses; it must never show up in `Debug`.
pub const AUTH_TOKEN: &str = "tok_s3cr3t_9f8e7d6c";
/// `Basic base64("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:tok_s3cr3t_9f8e7d6c")`,
/// computed independently with `echo -n ... | base64`.
pub const EXPECTED_AUTHORIZATION: &str =
    "Basic QUNhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYTp0b2tfczNjcjN0XzlmOGU3ZDZj";

/// A client for `server` that never retries.
pub fn client(server: &MockServer) -> Client {
    client_with(server, RetryPolicy::none())
}

/// A client for `server` with the given retry policy.
pub fn client_with(server: &MockServer, retry: RetryPolicy) -> Client {
    Client::builder(ACCOUNT_SID, AUTH_TOKEN)
        .base_url(server.uri())
        .retry_policy(retry)
        .build()
        .expect("a client for the mock server")
}

/// A retry policy with the default three attempts but (almost) no waiting.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(std::time::Duration::from_millis(1))
        .max_delay(std::time::Duration::from_millis(5))
}

/// The requests the server has seen so far.
pub async fn requests(server: &MockServer) -> Vec<wiremock::Request> {
    server
        .received_requests()
        .await
        .expect("request recording is on by default")
}

/// A header's value as a string, or `None`.
pub fn header<'a>(request: &'a wiremock::Request, name: &str) -> Option<&'a str> {
    request
        .headers
        .get(name)
        .map(|value| value.to_str().expect("an ASCII header value"))
}

/// The path and query of a received request exactly as wiremock recorded
/// them (still percent-encoded).
pub fn path_and_query(request: &wiremock::Request) -> String {
    match request.url.query() {
        Some(query) => format!("{}?{}", request.url.path(), query),
        None => request.url.path().to_owned(),
    }
}

/// Decodes an `application/x-www-form-urlencoded` string into its pairs, in
/// order. Written here (not borrowed from the client's dependencies) so the
/// tests do not share the encoder's assumptions.
pub fn form_decode(encoded: &str) -> Vec<(String, String)> {
    if encoded.is_empty() {
        return Vec::new();
    }
    encoded
        .split('&')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("hex digits");
                out.push(u8::from_str_radix(hex, 16).expect("a percent escape"));
                i += 3;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("UTF-8 after decoding")
}

/// Owned `(key, value)` pairs from string literals.
pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect()
}

/// A full conversation as Twilio returns it.
pub fn conversation_json(sid: &str) -> Value {
    let url = format!("https://conversations.twilio.com/v1/Conversations/{sid}");
    json!({
        "sid": sid,
        "account_sid": ACCOUNT_SID,
        "chat_service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "messaging_service_sid": "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "friendly_name": "Support",
        "unique_name": "support-1",
        "attributes": "{\"tier\":\"gold\"}",
        "date_created": "2015-12-16T22:18:37Z",
        "date_updated": "2015-12-16T22:18:38Z",
        "state": "active",
        "timers": {
            "date_inactive": "2015-12-16T22:19:37Z",
            "date_closed": "2015-12-16T22:28:37Z"
        },
        "bindings": {"email": {"address": "support@example.com", "name": "Support"}},
        "url": url,
        "links": {
            "participants": format!("{url}/Participants"),
            "messages": format!("{url}/Messages"),
            "webhooks": format!("{url}/Webhooks")
        }
    })
}

/// What [`raw_server`] yields when no request came.
pub const NO_REQUEST: &str = "<no request>";

/// A one-shot HTTP server on 127.0.0.1 that records the raw request head as
/// the client wrote it and answers `404` with an empty body.
///
/// Returns the base URL and a handle that yields the request line (e.g.
/// `GET /v1/Conversations/x HTTP/1.1`), or [`NO_REQUEST`] when nothing
/// connected within 5 s.
pub fn raw_server() -> (String, JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let address = listener.local_addr().expect("a local address");
    let handle = std::thread::spawn(move || {
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut stream = loop {
            match listener.accept() {
                Ok((stream, _)) => break stream,
                Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => {
                    if std::time::Instant::now() > deadline {
                        return NO_REQUEST.to_owned();
                    }
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Err(err) => panic!("accept failed: {err}"),
            }
        };
        stream.set_nonblocking(false).expect("a blocking stream");
        let mut head = Vec::new();
        let mut chunk = [0u8; 1024];
        while !head.windows(4).any(|window| window == b"\r\n\r\n") {
            let n = stream.read(&mut chunk).expect("read the request");
            if n == 0 {
                break;
            }
            head.extend_from_slice(&chunk[..n]);
        }
        stream
            .write_all(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
            .expect("write the response");
        String::from_utf8_lossy(&head)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    });
    (format!("http://{address}"), handle)
}
