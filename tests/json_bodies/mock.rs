//! The typed mock (feature `mock`) on operations with JSON bodies: `when_body`
//! sees the body decoded into its model, `when` the params beside it, and a
//! body that does not match is answered 404 naming why.
//! `tests/json_bodies.rs` runs it in the generated crate with `--features mock`.

mod common;

use common::full_template;
use template_library::mock::MockTwilio;
use template_library::*;

fn stored() -> Template {
    Template::new(
        "HX1",
        "Spring sale",
        "en",
        TemplateTypes::new(),
        "2027-03-01T10:00:00Z".parse().unwrap(),
    )
}

#[tokio::test]
async fn when_body_sees_the_typed_body_and_when_the_params() {
    let mock = MockTwilio::start().await;
    mock.templates()
        .create()
        .when_body(|body: &TemplateCreateRequest| {
            body.friendly_name == "Spring sale"
                && body.types.twilio_card.as_ref().and_then(|c| c.actions.as_ref()).map(Vec::len) == Some(3)
        })
        .when(|params: &CreateTemplateParams| params.x_request_tag.as_deref() == Some("req-7"))
        .respond(stored())
        .times(1);
    let client = mock.client();
    let params = CreateTemplateParams::new().x_request_tag("req-7");
    let created = client.templates().create(&full_template(), &params).await.unwrap();
    assert_eq!(created, stored());
    mock.verify().await;
}

#[tokio::test]
async fn a_body_that_does_not_match_is_answered_404_saying_why() {
    let mock = MockTwilio::start().await;
    mock.templates()
        .previews("HX1")
        .create()
        .when_body(|body: &CreatePreviewRequest| matches!(body.action, Some(Action::Url(_))))
        .times(1);
    let client = mock.client();
    let body = CreatePreviewRequest::new(Default::default()).action(ReplyAction::new("Stop", "stop"));
    let err = client
        .templates()
        .previews("HX1")
        .create(&body, &CreatePreviewParams::new("en"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert!(err.to_string().contains("its `when` is false"), "{err}");
    let report = mock.try_verify().await.unwrap_err().to_string();
    assert!(report.contains("CreatePreview"), "{report}");
}
