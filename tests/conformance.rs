//! Conformance against a real peer: Prism serving Twilio's published spec.
//!
//! The committed crate's call of every operation Prism can check is in
//! `tests/full_api/prism.rs`, the `prism` test target (the same file runs
//! inside the crate generated from Twilio's spec). Here: that it covers
//! every operation of our spec, and that the check can fail at all.
//!
//! Prism answers 422 to any request that breaks the spec (a wrong enum value,
//! a malformed date, a missing credential), so a 2xx there means the
//! generated client's request matched Twilio's own description of the API.
//! `cargo xtask test` starts Prism and sets `PRISM_URL`; under CI a missing
//! Prism is a failure, elsewhere these tests say they were skipped.

use twilio_conversations::*;

const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn prism() -> Option<Client> {
    match std::env::var("PRISM_URL") {
        Ok(url) => Some(
            Client::builder(ACCOUNT_SID, "auth_token")
                .base_url(url)
                .retry_policy(RetryPolicy::none())
                .build()
                .expect("client builds"),
        ),
        Err(_) if std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false") => {
            panic!("PRISM_URL is not set: under CI, `cargo xtask test` must start Prism")
        }
        Err(_) => {
            eprintln!("skipped: PRISM_URL is not set; `cargo xtask test` starts Prism");
            None
        }
    }
}

/// Every operation of our spec, but the four that only work with an array
/// form field, has its call in `tests/full_api/prism.rs` (the `prism` test
/// target), labelled "METHOD /path (OperationId)" and expecting a status our
/// spec documents.
#[test]
fn prism_rs_calls_every_operation_of_the_committed_crate() {
    let generated = workspace_tests::generate_ours();
    assert_eq!(generated.api.operation_count(), 106);
    let gaps = workspace_tests::prism_coverage_gaps(&generated.api, &workspace_tests::our_spec());
    assert!(
        gaps.is_empty(),
        "tests/full_api/prism.rs:\n{}",
        gaps.join("\n")
    );
}

/// The check can fail: a value Twilio's spec does not allow is answered 422.
#[tokio::test]
async fn a_request_that_breaks_the_spec_is_rejected() {
    let Some(client) = prism() else { return };
    let params = CreateConversationParams::new().state(ConversationState::Unknown("bogus".into()));
    let err = client.conversations().create(&params).await.unwrap_err();
    let api = err
        .api()
        .unwrap_or_else(|| panic!("expected an API error, got {err}"));
    assert_eq!(api.status, 422, "{api}");
}
