//! Prism conformance of the Media resource: Prism serving our spec, which
//! describes the Media Content Service that Twilio's file leaves out.
//!
//! `cargo xtask test` starts a second Prism on our spec and sets
//! `PRISM_OURS_URL`; under CI a missing server is a failure, elsewhere these
//! tests say they were skipped. `base_url` sends the media calls, which go
//! to their own host in production, to that one server. The coverage check
//! (`workspace_tests::prism_coverage_gaps`) finds the calls of the
//! operations on other hosts here, labelled like those of
//! `tests/full_api/prism.rs`.
//!
//! Prism checks what it can of a binary body: that one is there, sent to
//! the path with the method the spec gives. It answers a download with a
//! sample of the schema (the text `string`), which is what is checked.

use twilio_conversations::*;

const ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const SERVICE: &str = "IS9a1d1c11fefec4c3cc1a55c4203b660b";
const MEDIA: &str = "ME59b872f1e52fbd6fe6ad956bbb4fa9bd";

fn prism() -> Option<Client> {
    match std::env::var("PRISM_OURS_URL") {
        Ok(url) => Some(
            Client::builder(ACCOUNT, "token")
                .base_url(url)
                .retry_policy(RetryPolicy::none())
                .build()
                .expect("client builds"),
        ),
        Err(_) if std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false") => {
            panic!(
                "PRISM_OURS_URL is not set: under CI, `cargo xtask test` must start Prism on our spec"
            )
        }
        Err(_) => {
            eprintln!("skipped: PRISM_OURS_URL is not set; `cargo xtask test` starts Prism");
            None
        }
    }
}

/// The body of `call`'s answer, which must have the spec's `status`.
#[track_caller]
fn expect<T>(call: &str, status: u16, result: Result<Response<T>, Error>) -> T {
    match result {
        Ok(response) => {
            assert_eq!(response.status, status, "{call}: unexpected status");
            response.body
        }
        Err(err) => {
            let body = err.api().map_or("", |api| api.body.as_str());
            panic!("{call} was not answered {status}: {err}\n{body}")
        }
    }
}

/// `/v1/Services/{ChatServiceSid}/Media` and its file.
#[tokio::test]
async fn media() {
    let Some(client) = prism() else { return };
    let handle = client.services().media(SERVICE);
    let uploaded = expect(
        "POST /v1/Services/{ChatServiceSid}/Media (CreateServiceMedia)",
        201,
        handle
            .create_with_response(Upload::bytes("application/pdf", &b"%PDF-1.7 invoice"[..]))
            .await,
    );
    assert!(uploaded.sid.is_some_and(|sid| sid.starts_with("ME")));
    assert_eq!(uploaded.message_sid, None, "not in a message yet");

    let fetched = expect(
        "GET /v1/Services/{ChatServiceSid}/Media/{Sid} (FetchServiceMedia)",
        200,
        handle.fetch_with_response(MEDIA).await,
    );
    let links = fetched.links.expect("links");
    assert!(links.content_direct_temporary.is_some());
    assert_eq!(fetched.category, Some(MediaCategory::Media));

    let file = expect(
        "GET /v1/Services/{ChatServiceSid}/Media/{Sid}/Content (FetchServiceMediaContent)",
        200,
        handle.content(MEDIA).fetch_with_response().await,
    );
    assert_eq!(file.bytes().await.unwrap(), &b"string"[..]);
}

/// The check can fail: Prism refuses an upload without a body.
#[tokio::test]
async fn an_upload_without_a_body_is_refused() {
    let Some(client) = prism() else { return };
    let err = client
        .services()
        .media(SERVICE)
        .create(Upload::bytes("application/pdf", Vec::new()))
        .await
        .expect_err("an empty upload breaks the spec's required body");
    assert_eq!(err.status(), Some(422), "{err}");
}
