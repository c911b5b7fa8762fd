//! What the JSON-body tests share: a template with every field set.
//! (Copied in as `tests/common/mod.rs`, so it is not a test target itself.)

use serde_json::json;
use template_library::*;

/// Every field of the body, nested models, a map, a list of union values
/// of each kind, a date, a date-time, an email, int32 and float.
pub fn full_template() -> TemplateCreateRequest {
    let card = CardContent::new("Spring sale")
        .subtitle("Two weeks only")
        .media(["https://templates.example.com/spring.png"])
        .actions([
            Action::from(UrlAction::new("Shop now", "https://shop.example.com")),
            PhoneAction::new("Call us", "+15005550006").into(),
            Action::QuickReply(ReplyAction::new("Stop", "stop")),
        ]);
    TemplateCreateRequest::new(
        "Spring sale",
        "en",
        TemplateTypes::new()
            .twilio_text(TextContent::new("Hi {{1}}"))
            .twilio_card(card),
    )
    .channel(Channel::Whatsapp)
    .variables([("1".to_owned(), "Sam".to_owned())].into_iter().collect())
    .expires_on(chrono::NaiveDate::from_ymd_opt(2027, 4, 30).unwrap())
    .send_after("2027-03-20T09:00:00Z".parse().unwrap())
    .owner_email("sam@example.com")
    .priority(3)
    .weight(0.5)
    .tags(["sale", "spring"])
    .note(json!(1234))
}
