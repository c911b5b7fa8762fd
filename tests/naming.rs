//! Names from a spec become valid, readable and unique Rust identifiers.

use std::path::Path;

use codegen::naming::{Scope, pascal, snake};

#[test]
fn keywords_become_raw_or_suffixed() {
    assert_eq!(snake("type"), "r#type");
    assert_eq!(snake("match"), "r#match");
    assert_eq!(snake("async"), "r#async");
    assert_eq!(snake("gen"), "r#gen");
    for not_raw in ["self", "super", "crate"] {
        assert_eq!(snake(not_raw), format!("{not_raw}_"));
    }
    assert_eq!(pascal("Self"), "SelfValue");
    assert_eq!(pascal("self"), "SelfValue");
}

#[test]
fn leading_digits_get_a_prefix() {
    assert_eq!(snake("2fa"), "_2fa");
    assert_eq!(pascal("2fa"), "N2fa");
    assert_eq!(pascal("100"), "N100");
}

#[test]
fn dotted_and_dashed_names_split_into_words() {
    assert_eq!(snake("Timers.Inactive"), "timers_inactive");
    assert_eq!(snake("Bindings.Email.Address"), "bindings_email_address");
    assert_eq!(
        snake("X-Twilio-Webhook-Enabled"),
        "x_twilio_webhook_enabled"
    );
    assert_eq!(
        pascal("conversations.v1.conversation"),
        "ConversationsV1Conversation"
    );
    assert_eq!(pascal("in-progress"), "InProgress");
}

#[test]
fn empty_and_symbol_only_names_get_a_placeholder() {
    assert_eq!(snake(""), "value");
    assert_eq!(pascal(""), "Value");
    assert_eq!(snake("..."), "value");
}

#[test]
fn non_ascii_is_spelled_out() {
    let name = snake("café");
    assert!(name.is_ascii(), "{name}");
    assert_ne!(snake("café"), snake("cafe"));
}

#[test]
fn collisions_after_case_conversion_are_numbered_in_order() {
    let mut scope = Scope::default();
    assert_eq!(scope.snake("FriendlyName"), "friendly_name");
    assert_eq!(scope.snake("friendlyName"), "friendly_name_2");
    assert_eq!(scope.snake("friendly.name"), "friendly_name_3");
    let mut types = Scope::default();
    assert_eq!(types.pascal("state"), "State");
    assert_eq!(types.pascal("STATE"), "State2");
}

/// A spec whose names collide, clash with keywords and with generated methods.
const ODD_NAMES: &str = r#"
openapi: 3.0.3
info: { title: Odd Names, version: 0.1.0 }
servers: [{ url: "https://odd.example.com" }]
paths:
  /v1/Things:
    post:
      operationId: CreateThing
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                type: { type: string }
                Type: { type: string }
                new: { type: string }
                self: { type: string }
                2fa: { type: boolean }
                Timers.Inactive: { type: string }
                Timers-Inactive: { type: string }
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { $ref: '#/components/schemas/thing' }
components:
  schemas:
    thing:
      type: object
      properties:
        type: { type: string, nullable: true }
        match: { type: string, nullable: true }
        kind: { type: string, enum: [a, A, "1", "", unknown], nullable: true }
"#;

#[test]
fn odd_names_get_distinct_valid_identifiers() {
    let generated = codegen::generate_from_str(
        Path::new("odd.yaml"),
        ODD_NAMES,
        &codegen::Options::default(),
    )
    .unwrap_or_else(|err| panic!("{err}"));
    let api = &generated.api;
    let op = &api.resources[0].operations[0];
    let params = op.params.as_ref().unwrap();
    let names: Vec<&str> = params.fields.iter().map(|f| f.rust_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "r#type",
            "type_2",
            "new_2",
            "self_",
            "_2fa",
            "timers_inactive",
            "timers_inactive_2"
        ]
    );
    let wire: Vec<&str> = params.fields.iter().map(|f| f.wire_name.as_str()).collect();
    assert_eq!(
        wire,
        [
            "type",
            "Type",
            "new",
            "self",
            "2fa",
            "Timers.Inactive",
            "Timers-Inactive"
        ]
    );

    let kind = api
        .enums
        .iter()
        .find(|e| e.name == "ThingKind")
        .expect("inline enum named from its model and field");
    let variants: Vec<&str> = kind.variants.iter().map(|v| v.name.as_str()).collect();
    // `a` and `A` collide: the value that sorts first (`A`) keeps the plain
    // name wherever the spec lists it, so adding a value never renames one.
    assert_eq!(variants, ["A2", "A", "N1", "Value", "Unknown"]);
    assert_eq!(kind.unknown, "Unknown2");

    let model = api.models.iter().find(|m| m.name == "Thing").unwrap();
    let fields: Vec<(&str, bool)> = model
        .fields
        .iter()
        .map(|f| (f.rust_name.as_str(), f.renamed))
        .collect();
    assert_eq!(
        fields,
        [("r#type", false), ("r#match", false), ("kind", false)]
    );

    // The rendered module parses as Rust (render runs syn on every file).
    assert!(generated.files["src/resources/things/mod.rs"].contains("pub fn r#type("));
}
