//! The app's code against `twilio_conversations::mock`: a real client, a
//! real server on 127.0.0.1, typed expectations.

use std::time::{Duration, Instant};

use mock_app::{BOT, active_names, close, exists, notify};
use twilio_conversations::mock::MockTwilio;
use twilio_conversations::*;

fn message(sid: &str, body: &str) -> ConversationMessage {
    let mut message = ConversationMessage::default();
    message.sid = Some(sid.to_owned());
    message.author = Some(BOT.to_owned());
    message.body = Some(body.to_owned());
    message
}

fn conversation(name: &str) -> Conversation {
    let mut conversation = Conversation::default();
    conversation.friendly_name = Some(name.to_owned());
    conversation
}

#[tokio::test]
async fn create_sends_the_params_the_expectation_decodes() {
    let mock = MockTwilio::start().await;
    mock.conversations()
        .messages("CH1")
        .create()
        .when(|p: &CreateConversationMessageParams| p.body.as_deref() == Some("hi"))
        .when(|p| p.author.as_deref() == Some(BOT))
        .respond(message("IM1", "hi"))
        .times(1);

    let sent = notify(&mock.client(), "CH1", "hi").await.unwrap();
    assert_eq!(sent, message("IM1", "hi"));
    mock.verify().await;
}

#[tokio::test]
async fn update_is_matched_on_its_path_and_typed_params() {
    let mock = MockTwilio::start().await;
    mock.conversations()
        .update("CH/odd id")
        .when(|p: &UpdateConversationParams| {
            p.friendly_name.as_deref() == Some("Done") && p.state == Some(ConversationState::Closed)
        })
        .respond(conversation("Done"))
        .times(1);

    // The sid is percent-encoded by the client, and matched as sent.
    let closed = close(&mock.client(), "CH/odd id", "Done").await.unwrap();
    assert_eq!(closed.friendly_name.as_deref(), Some("Done"));
    mock.verify().await;
}

#[tokio::test]
async fn a_three_page_list_is_read_only_as_far_as_the_limit() {
    let names = |range: std::ops::Range<i32>| {
        range
            .map(|i| conversation(&format!("c{i}")))
            .collect::<Vec<_>>()
    };
    let pages = [names(0..2), names(2..4), names(4..6)];

    // All three pages: three requests, the later two through `next_page_url`.
    let mock = MockTwilio::start().await;
    mock.conversations()
        .list()
        .when(|p: &ListConversationParams| {
            p.page_size == Some(2) && p.state == Some(ConversationState::Active)
        })
        .respond_pages(pages.clone())
        .times(3);
    let all = active_names(&mock.client(), 2, 100).await.unwrap();
    assert_eq!(all, ["c0", "c1", "c2", "c3", "c4", "c5"]);
    mock.verify().await;

    // A limit of 3 ends in the second page: the third is never asked for.
    let mock = MockTwilio::start().await;
    mock.conversations().list().respond_pages(pages).times(2);
    let first = active_names(&mock.client(), 2, 3).await.unwrap();
    assert_eq!(first, ["c0", "c1", "c2"]);
    mock.verify().await;
}

#[tokio::test]
async fn a_429_is_retried_after_its_retry_after() {
    let mock = MockTwilio::start().await;
    mock.conversations()
        .messages("CH1")
        .create()
        .respond_rate_limited(Duration::from_millis(300))
        .respond(message("IM2", "again"))
        // The 429 and the retry.
        .times(2);

    let started = Instant::now();
    let sent = notify(&mock.client(), "CH1", "again").await.unwrap();
    assert_eq!(sent.sid.as_deref(), Some("IM2"));
    // The default backoff starts at 250 ms or more; Retry-After says 300.
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "{:?}",
        started.elapsed()
    );
    mock.verify().await;

    // Without retries the 429 is the app's error, with Twilio's code.
    let mock = MockTwilio::start().await;
    mock.conversations()
        .messages("CH1")
        .create()
        .respond_rate_limited(Duration::from_secs(1))
        .times(1);
    let client = mock
        .client_builder()
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = notify(&client, "CH1", "x").await.unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!((api.status, api.code), (429, Some(20429)));
    assert_eq!(api.headers.get("retry-after").unwrap(), "1");
    mock.verify().await;
}

#[tokio::test]
async fn a_404_is_a_typed_twilio_error() {
    let mock = MockTwilio::start().await;
    mock.conversations()
        .fetch("CHgone")
        .respond_status(404)
        .times(2);
    mock.conversations().fetch("CHhere").respond_example();

    let client = mock.client();
    assert!(!exists(&client, "CHgone").await.unwrap());
    assert!(exists(&client, "CHhere").await.unwrap());
    let err = client.conversations().fetch("CHgone").await.unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!((api.status, api.code), (404, Some(20404)));
    assert_eq!(
        api.message.as_deref(),
        Some("The requested resource /v1/Conversations/CHgone was not found")
    );
    assert_eq!(
        api.more_info.as_deref(),
        Some("https://www.twilio.com/docs/errors/20404")
    );
    mock.verify().await;
}

#[tokio::test]
async fn errors_carry_the_code_and_message_given() {
    let mock = MockTwilio::start().await;
    mock.conversations()
        .messages("CH1")
        .create()
        .respond_error(400, 21211, "Invalid 'To' Phone Number")
        .times(1);
    let err = notify(&mock.client(), "CH1", "hi").await.unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!((api.status, api.code), (400, Some(21211)));
    assert_eq!(
        err.to_string(),
        "HTTP 400 (Twilio error 21211): Invalid 'To' Phone Number"
    );
    mock.verify().await;
}

#[tokio::test]
async fn the_spec_example_answers_by_default() {
    let mock = MockTwilio::start().await;
    mock.conversations().fetch("CH1").times(1);
    let fetched = mock.client().conversations().fetch("CH1").await.unwrap();
    assert!(
        fetched
            .sid
            .as_deref()
            .is_some_and(|sid| sid.starts_with("CH")),
        "{fetched:?}"
    );
    mock.verify().await;
}

#[tokio::test]
async fn a_failed_expectation_is_reported_by_name() {
    let mock = MockTwilio::start().await;
    mock.conversations()
        .messages("CH1")
        .create()
        .when(|p: &CreateConversationMessageParams| p.body.as_deref() == Some("hi"))
        .respond(message("IM1", "hi"))
        .times(1);
    mock.conversations()
        .delete("CH9")
        .respond()
        .named("cleanup");

    // The body differs, so nothing matches: a 404 that says why.
    let err = notify(&mock.client(), "CH1", "bye").await.unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!(api.status, 404);
    assert_eq!(
        api.message.as_deref(),
        Some(
            "no expectation of the mock matches POST /v1/Conversations/CH1/Messages: \
             CreateConversationMessage `POST /v1/Conversations/CH1/Messages`: its `when` is false"
        )
    );
    // A request for which nothing is set at all.
    let err = mock
        .client()
        .conversations()
        .fetch("CH2")
        .await
        .unwrap_err();
    assert_eq!(
        err.api().and_then(|api| api.message.as_deref()),
        Some(
            "no expectation of the mock matches GET /v1/Conversations/CH2 (none is set for that method and path)"
        )
    );

    let report = mock.try_verify().await.unwrap_err();
    assert_eq!(
        report.problems(),
        [
            "CreateConversationMessage `POST /v1/Conversations/CH1/Messages` expected exactly 1 request, received 0",
            "`cleanup` (DeleteConversation `DELETE /v1/Conversations/CH9`) expected at least 1 request, received 0",
            "unexpected request: no expectation of the mock matches POST /v1/Conversations/CH1/Messages: \
             CreateConversationMessage `POST /v1/Conversations/CH1/Messages`: its `when` is false",
            "unexpected request: no expectation of the mock matches GET /v1/Conversations/CH2 (none is set for that method and path)",
        ]
    );
    assert!(
        report
            .to_string()
            .starts_with("the mock's expectations were not met:\n  - CreateConversationMessage"),
        "{report}"
    );
}

#[tokio::test]
#[should_panic(
    expected = "the mock's expectations were not met:\n  - FetchConversation `GET /v1/Conversations/CH1` expected exactly 2 requests, received 1"
)]
async fn verify_panics_with_the_report() {
    let mock = MockTwilio::start().await;
    mock.conversations()
        .fetch("CH1")
        .respond(conversation("x"))
        .times(2);
    mock.client().conversations().fetch("CH1").await.unwrap();
    mock.verify().await;
}

#[tokio::test]
async fn an_expectation_used_up_lets_the_next_one_answer() {
    let mock = MockTwilio::start().await;
    mock.conversations()
        .fetch("CH1")
        .respond_status(404)
        .times(1);
    mock.conversations()
        .fetch("CH1")
        .respond(conversation("back"))
        .times(1);
    let client = mock.client();
    assert!(!exists(&client, "CH1").await.unwrap());
    let fetched = client.conversations().fetch("CH1").await.unwrap();
    assert_eq!(fetched.friendly_name.as_deref(), Some("back"));
    mock.verify().await;
}

#[tokio::test]
async fn header_params_are_decoded_too() {
    let mock = MockTwilio::start().await;
    mock.conversations()
        .messages("CH1")
        .create()
        .when(|p: &CreateConversationMessageParams| {
            p.x_twilio_webhook_enabled == Some(WebhookEnabledType::True)
        })
        .respond(message("IM3", "quiet"))
        .times(1);
    let params = CreateConversationMessageParams::new()
        .body("quiet")
        .x_twilio_webhook_enabled(WebhookEnabledType::True);
    mock.client()
        .conversations()
        .messages("CH1")
        .create(&params)
        .await
        .unwrap();
    mock.verify().await;
}

#[tokio::test]
async fn lists_and_required_params_are_decoded_typed() {
    let mock = MockTwilio::start().await;
    mock.roles()
        .create()
        .when(|p: &CreateRoleParams| {
            p.friendly_name == "moderator"
                && p.r#type == RoleType::Conversation
                && p.permission == ["sendMessage", "leaveConversation"]
        })
        .respond(Role::default())
        .times(1);
    let params = CreateRoleParams::new(
        "moderator",
        RoleType::Conversation,
        ["sendMessage", "leaveConversation"],
    );
    mock.client().roles().create(&params).await.unwrap();
    mock.verify().await;
}

#[tokio::test]
async fn params_that_do_not_decode_are_named_in_the_404() {
    let mock = MockTwilio::start().await;
    mock.roles()
        .create()
        .when(|_: &CreateRoleParams| true)
        .respond(Role::default());
    // What the client would never send: a role without its required fields.
    let response = reqwest::Client::new()
        .post(format!("{}/v1/Roles", mock.uri()))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("Type=conversation")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let body = response.text().await.unwrap();
    assert!(
        body.contains(
            "no expectation of the mock matches POST /v1/Roles: CreateRole `POST /v1/Roles`: \
             its params do not decode: missing field `FriendlyName`"
        ),
        "{body}"
    );
    let report = mock.try_verify().await.unwrap_err();
    assert_eq!(report.problems().len(), 2, "{report}");
}

#[tokio::test]
async fn a_file_is_uploaded_matched_on_its_type_and_length_and_downloaded() {
    let mock = MockTwilio::start().await;
    let service = "IS9a1d1c11fefec4c3cc1a55c4203b660b";
    let mut stored = Media::default();
    stored.sid = Some("ME59b872f1e52fbd6fe6ad956bbb4fa9bd".to_owned());
    stored.size = Some(8);
    mock.services()
        .media(service)
        .create()
        .when_upload(|upload| {
            upload.content_type.as_deref() == Some("application/pdf") && upload.bytes.len() == 8
        })
        .respond(stored.clone())
        .times(1);
    mock.services()
        .media(service)
        .content("ME59b872f1e52fbd6fe6ad956bbb4fa9bd")
        .fetch()
        .respond("application/pdf", b"%PDF-1.7".to_vec())
        .times(1);

    let client = mock.client();
    let files = client.services().media(service);
    let media = files
        .create(Upload::bytes("application/pdf", &b"%PDF-1.7"[..]))
        .await
        .unwrap();
    assert_eq!(media, stored);
    let file = files
        .content("ME59b872f1e52fbd6fe6ad956bbb4fa9bd")
        .fetch()
        .await
        .unwrap();
    assert_eq!(file.content_type(), Some("application/pdf"));
    assert_eq!(file.bytes().await.unwrap(), &b"%PDF-1.7"[..]);
    mock.verify().await;

    // An upload of another type does not match, and the mock says so.
    let mock = MockTwilio::start().await;
    mock.services()
        .media(service)
        .create()
        .when_upload(|upload| upload.content_type.as_deref() == Some("image/png"))
        .respond(stored)
        .times(0);
    let err = mock
        .client()
        .services()
        .media(service)
        .create(Upload::bytes("application/pdf", &b"%PDF"[..]))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
}
