//! Dropping a call's future cancels the request: the client closes the
//! connection instead of waiting for an answer nobody will read.

use std::io::Read;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use twilio_conversations::*;

use crate::common::*;

#[tokio::test]
async fn dropping_a_call_closes_its_connection() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    // The server reads the request, never answers, and reports how long it
    // took until the client hung up.
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut chunk = [0u8; 4096];
        let mut head = Vec::new();
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = stream.read(&mut chunk).unwrap();
            head.extend_from_slice(&chunk[..n]);
        }
        let request_seen = Instant::now();
        let closed = matches!(stream.read(&mut chunk), Ok(0));
        (closed, request_seen.elapsed())
    });

    let client = Client::builder(ACCOUNT_SID, AUTH_TOKEN)
        .base_url(base_url)
        .retry_policy(RetryPolicy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let conversations = client.conversations();
    let call = conversations.fetch("CH1");
    let outcome = tokio::time::timeout(Duration::from_millis(200), call).await;
    assert!(
        outcome.is_err(),
        "the server never answers, so the call cannot finish"
    );

    let (closed, after) = tokio::task::spawn_blocking(move || server.join().unwrap())
        .await
        .unwrap();
    assert!(
        closed,
        "the client kept the connection open after the call was dropped"
    );
    assert!(
        after < Duration::from_secs(5),
        "the connection closed only after {after:?}"
    );
}
