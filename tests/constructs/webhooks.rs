//! `x-webhooks`: typed events where a spec declares them, none where it
//! does not, and errors that say where a declaration is malformed.

use super::*;

#[test]
fn x_webhooks_become_typed_events() {
    let api = generate("webhooks.yaml");
    let hooks = api.webhooks.as_ref().expect("the fixture has x-webhooks");
    assert_eq!(hooks.enum_name, "WebhookEvent");
    assert_eq!(hooks.unknown, "Unknown");
    assert_eq!(hooks.example, None);
    let names: Vec<(&str, &str, &str, bool)> = hooks
        .events
        .iter()
        .map(|e| {
            (
                e.event_type.as_str(),
                e.variant.as_str(),
                e.name.as_str(),
                e.pre_action,
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("onLampSwitch", "LampSwitch", "LampSwitchEvent", true),
            (
                "onLampSwitched",
                "OnLampSwitched",
                "OnLampSwitchedEvent",
                false
            ),
        ]
    );
    let switch = &hooks.events[0];
    let fields: Vec<(&str, &str, String)> = switch
        .fields
        .iter()
        .map(|f| (f.rust_name.as_str(), f.wire_name.as_str(), f.ty.to_string()))
        .collect();
    assert_eq!(
        fields,
        [
            ("brightness", "Brightness", "i32".to_owned()),
            ("lamp_color", "Lamp.Color", "Color".to_owned()),
            ("mode", "Mode", "SwitchMode".to_owned()),
            ("r#type", "type", "String".to_owned()),
        ]
    );
    // The component's enum is the REST API's; the inline one is new.
    assert!(api.enums.iter().any(|e| e.name == "Color"));
    assert!(api.enums.iter().any(|e| e.name == "SwitchMode"));
    let response = switch.response.as_ref().expect("a pre-action answer");
    assert_eq!(response.name, "LampSwitchResponse");
    let changes: Vec<(&str, bool)> = response
        .fields
        .iter()
        .map(|f| (f.wire_name.as_str(), f.json_text))
        .collect();
    assert_eq!(changes, [("label", false), ("settings", true)]);

    let switched = &hooks.events[1];
    assert!(switched.response.is_none());
    let types: Vec<(&str, String)> = switched
        .fields
        .iter()
        .map(|f| (f.wire_name.as_str(), f.ty.to_string()))
        .collect();
    assert_eq!(
        types,
        [
            ("At", "DateTime<Utc>".to_owned()),
            ("Extra", "serde_json::Value".to_owned()),
            ("Labels", "BTreeMap<String, String>".to_owned()),
            ("On", "bool".to_owned()),
            ("Ratio", "f64".to_owned()),
            (
                "Readings",
                "Vec<OnLampSwitchedEventReadingsItem>".to_owned()
            ),
        ]
    );
    assert!(
        api.models
            .iter()
            .any(|m| m.name == "OnLampSwitchedEventReadingsItem")
    );
    let generated = codegen::generate(
        Path::new("fixtures/constructs/webhooks.yaml"),
        &codegen::Options::default(),
    )
    .unwrap();
    // One file per event, named from its type (the leading `on` dropped),
    // whatever else the spec lists.
    let modules: Vec<&str> = hooks.events.iter().map(|e| e.module.as_str()).collect();
    assert_eq!(modules, ["lamp_switch", "lamp_switched"]);
    for path in [
        "src/events/mod.rs",
        "src/events/lamp_switch.rs",
        "src/events/lamp_switched.rs",
    ] {
        assert!(generated.files.contains_key(path), "no {path}");
    }
    assert!(!generated.files.contains_key("src/events.rs"));
    let events = &generated.files["src/events/mod.rs"];
    assert!(
        events.contains("pub use lamp_switch::{LampSwitchEvent, LampSwitchResponse};"),
        "{events}"
    );
    let manifest = &generated.files["Cargo.toml"];
    assert!(
        manifest.contains("webhooks = [") && !manifest.contains("[[example]]"),
        "{manifest}"
    );
}

#[test]
fn specs_without_x_webhooks_get_no_events() {
    let generated = codegen::generate(
        Path::new("fixtures/constructs/formats.yaml"),
        &codegen::Options::default(),
    )
    .unwrap();
    assert!(generated.api.webhooks.is_none());
    assert!(
        !generated
            .files
            .keys()
            .any(|path| path.starts_with("src/events"))
    );
    let lib = &generated.files["src/lib.rs"];
    assert!(!lib.contains("mod events"), "{lib}");
    // No example server, so no axum dev-dependency; the `axum` feature
    // (the extractor, on `axum-core`) is there for any spec.
    let manifest = &generated.files["Cargo.toml"];
    assert!(!manifest.contains("axum = \"0.8"), "{manifest}");
    assert!(
        manifest.contains("axum = [\"tower\", \"dep:axum-core\"]"),
        "{manifest}"
    );
}

#[test]
fn malformed_x_webhooks_are_errors_that_say_where() {
    let base = std::fs::read_to_string("fixtures/constructs/formats.yaml").unwrap();
    let cases = [
        ("x-webhooks: [a, b]", "#/x-webhooks", "map each event type"),
        ("x-webhooks: {}", "#/x-webhooks", "no event"),
        (
            "x-webhooks: { onX: { get: { responses: {} } } }",
            "#/x-webhooks/onX/post",
            "`post`",
        ),
        (
            "x-webhooks: { onX: { post: { responses: {} } } }",
            "#/x-webhooks/onX/post",
            "requestBody",
        ),
        (
            "x-webhooks: { onX: { post: { requestBody: { content: { application/json: {} } }, responses: {} } } }",
            "#/x-webhooks/onX/post/requestBody/content",
            "application/x-www-form-urlencoded",
        ),
        ("x-webhooks: { onX: 7 }", "#/x-webhooks/onX", "path item"),
        (
            "x-webhooks: { x-rust-example: Not-Snake, onX: { post: {} } }",
            "#/x-webhooks/x-rust-example",
            "snake_case",
        ),
    ];
    for (extension, pointer, words) in cases {
        let text = format!("{base}\n{extension}\n");
        let err = codegen::generate_from_str(
            Path::new("webhooks-bad.yaml"),
            &text,
            &codegen::Options::default(),
        )
        .expect_err(extension)
        .to_string();
        assert!(err.contains(pointer), "{extension}: {err}");
        assert!(err.contains(words), "{extension}: {err}");
    }
}
