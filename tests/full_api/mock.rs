//! The `mock` feature on whichever crate this is built against: the one
//! generated from Twilio's own spec (copied there by `full_api.rs`, run with
//! `--features mock`) and the committed one (a test target of this crate).
//! The spec's examples answer, typed params are matched, lists page, and a
//! missed expectation is reported by name.

use futures_util::StreamExt;
use twilio_conversations::mock::MockTwilio;
use twilio_conversations::*;

#[tokio::test]
async fn the_specs_examples_answer_and_decode() {
    let mock = MockTwilio::start().await;
    mock.conversations()
        .create()
        .when(|p: &CreateConversationParams| p.friendly_name.as_deref() == Some("Support"))
        .times(1);
    mock.conversations().messages("CH1").list().times(1);
    mock.conversations().messages("CH1").fetch("IM1").times(1);

    let client = mock.client();
    let created = client
        .conversations()
        .create(&CreateConversationParams::new().friendly_name("Support"))
        .await
        .unwrap();
    assert!(created.sid.is_some(), "{created:?}");
    let page = client
        .conversations()
        .messages("CH1")
        .list(&ListConversationMessageParams::new())
        .await
        .unwrap();
    assert!(!page.items.is_empty(), "{page:?}");
    // The example's own links lead to Twilio: the mock ends the list there.
    assert_eq!(page.next_page_url(), None);
    let fetched = client
        .conversations()
        .messages("CH1")
        .fetch("IM1")
        .await
        .unwrap();
    assert!(fetched.sid.is_some(), "{fetched:?}");
    mock.verify().await;
}

#[tokio::test]
async fn lists_page_through_the_mock() {
    let mock = MockTwilio::start().await;
    let message = |index: i64| {
        let mut message = ConversationMessage::default();
        message.index = Some(index);
        message
    };
    mock.conversations()
        .messages("CH1")
        .list()
        .respond_pages([vec![message(0), message(1)], vec![message(2)]])
        .times(2);
    let client = mock.client();
    let indices: Vec<i64> = client
        .conversations()
        .messages("CH1")
        .stream(&ListConversationMessageParams::new())
        .map(|message| message.unwrap().index.unwrap())
        .collect()
        .await;
    assert_eq!(indices, [0, 1, 2]);
    mock.verify().await;
}

#[tokio::test]
async fn a_missed_expectation_is_named() {
    let mock = MockTwilio::start().await;
    mock.conversations().delete("CH1").respond().times(1);
    mock.conversations()
        .delete("CH2")
        .respond_status(404)
        .times(1);
    let client = mock.client();
    let err = client
        .conversations()
        .delete("CH2", &DeleteConversationParams::new())
        .await
        .unwrap_err();
    assert_eq!(err.api().and_then(|api| api.code), Some(20404));
    let report = mock.try_verify().await.unwrap_err();
    assert_eq!(
        report.problems(),
        [
            "DeleteConversation `DELETE /v1/Conversations/CH1` expected exactly 1 request, received 0"
        ]
    );
}
