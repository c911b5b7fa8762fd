//! Property tests: an additive spec change renames or removes no public item
//! of the generated crate.
//!
//! For each fixture spec (ours, Twilio's file in `../shared`, and the
//! constructs fixtures), each kind of change in `workspace_tests::additive`
//! is applied at every place the spec offers for it, one place at a time
//! (spread over the spec where there are many) and everywhere at once. Every
//! public item of the crate generated before must still be there after, with
//! the same type for a field. Names are read off the IR, the way `cargo
//! xtask release` reads them for the changelog.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use codegen::ir::PublicItem;
use serde_json::Value;
use workspace_tests::additive::{Change, read_spec};

/// Places tried one at a time per fixture and kind, spread over the spec.
const SINGLE_SITES: usize = 24;

fn items(label: &str, spec: &Value) -> BTreeMap<String, PublicItem> {
    let text = serde_json::to_string(spec).unwrap();
    let path = Path::new(label);
    let parsed = codegen::load::parse(path, &text).unwrap_or_else(|err| panic!("{label}: {err}"));
    let api = codegen::lower::lower(path, &parsed, &codegen::lower::LowerOptions::default())
        .unwrap_or_else(|err| panic!("{label}: {err}"));
    api.public_items()
}

/// What `before` has that `after` lost or retyped.
fn lost(
    before: &BTreeMap<String, PublicItem>,
    after: &BTreeMap<String, PublicItem>,
) -> Vec<String> {
    before
        .values()
        .filter_map(|item| match after.get(&item.path) {
            None => Some(format!("`{}` removed", item.path)),
            Some(now) if now.ty != item.ty => Some(format!(
                "`{}` retyped: {:?} → {:?}",
                item.path, item.ty, now.ty
            )),
            Some(_) => None,
        })
        .collect()
}

/// How many places `change` has in `spec`.
fn sites(change: Change, spec: &Value) -> usize {
    (0..)
        .find(|&site| !change.apply(&mut spec.clone(), site))
        .unwrap()
}

/// Every kind of change at many places of `spec`: returns the failures.
fn check_fixture(name: &str, spec: &Value, every_kind: bool) -> Vec<String> {
    let base = items(name, spec);
    let mut failures = Vec::new();
    for change in Change::ALL {
        let count = sites(change, spec);
        assert!(!every_kind || count > 0, "{name}: no place for {change:?}");
        let step = count.div_ceil(SINGLE_SITES).max(1);
        let mut tried = 0;
        for site in (0..count).step_by(step) {
            let mut changed = spec.clone();
            assert!(change.apply(&mut changed, site));
            let label = format!("{name} + {change:?} at place {site}");
            for problem in lost(&base, &items(&label, &changed)) {
                failures.push(format!("{label}: {problem}"));
            }
            tried += 1;
        }
        // Everywhere at once.
        let mut changed = spec.clone();
        for site in (0..count).rev() {
            change.apply(&mut changed, site);
        }
        let label = format!("{name} + {change:?} at all {count} places");
        for problem in lost(&base, &items(&label, &changed)) {
            failures.push(format!("{label}: {problem}"));
        }
        println!("{name}: {change:?} at {tried} of {count} places one by one, and at all");
    }
    failures
}

fn assert_stable(name: &str, path: &Path) {
    let failures = check_fixture(name, &read_spec(path), true);
    assert!(
        failures.is_empty(),
        "{} renames or removals:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

#[test]
fn our_spec_keeps_every_name() {
    assert_stable("conversations_v1.yaml", &workspace_tests::our_spec());
}

#[test]
fn twilios_spec_keeps_every_name() {
    let Some(spec) = workspace_tests::twilio_spec() else {
        return;
    };
    assert_stable("twilio_conversations_v1.yaml", &spec);
}

#[test]
fn every_constructs_fixture_keeps_every_name() {
    let dir = workspace_tests::root().join("tests/fixtures/constructs");
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 10, "{fixtures:?}");
    let mut failures = Vec::new();
    for path in &fixtures {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        failures.extend(check_fixture(&name, &read_spec(path), false));
    }
    assert!(
        failures.is_empty(),
        "{} renames or removals:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

/// Twilio repeats one enum under each resource: `conversation_enum_order`
/// and `user_enum_order` list the same values. A value added to one of them
/// must not merge, split or rename either type.
#[test]
fn a_value_added_to_one_of_two_enums_that_share_values_renames_nothing() {
    let spec: Value = serde_yaml::from_str(
        r#"
openapi: 3.0.3
info: { title: Shared, version: 1.0.0 }
servers: [{ url: "https://shared.example.com" }]
paths:
  /v1/Conversations:
    get:
      operationId: ListConversation
      parameters:
        - { name: Order, in: query, schema: { $ref: '#/components/schemas/conversation_enum_order' } }
      responses: { '200': { description: OK } }
  /v1/Users:
    get:
      operationId: ListUser
      parameters:
        - { name: Order, in: query, schema: { $ref: '#/components/schemas/user_enum_order' } }
      responses: { '200': { description: OK } }
components:
  schemas:
    conversation_enum_order: { type: string, enum: [asc, desc] }
    user_enum_order: { type: string, enum: [asc, desc] }
"#,
    )
    .unwrap();
    let before = items("shared", &spec);
    assert!(before.contains_key("ConversationOrder::Asc"), "{before:?}");
    assert!(before.contains_key("UserOrder::Desc"), "{before:?}");
    let mut changed = spec.clone();
    changed["components"]["schemas"]["conversation_enum_order"]["enum"]
        .as_array_mut()
        .unwrap()
        .push("initializing".into());
    let after = items("shared + value", &changed);
    assert_eq!(lost(&before, &after), Vec::<String>::new());
    assert!(after.contains_key("ConversationOrder::Initializing"));
    assert!(!after.contains_key("UserOrder::Initializing"));
}

/// Older Twilio files wrote enums inline in each operation's parameters. A
/// new operation listed before an existing one, with a parameter of the same
/// name, must not take the existing inline enum's name.
#[test]
fn an_inline_enum_added_before_one_with_the_same_derived_name_renames_nothing() {
    let spec: Value = serde_yaml::from_str(
        r#"
openapi: 3.0.3
info: { title: Inline, version: 1.0.0 }
servers: [{ url: "https://inline.example.com" }]
paths:
  /v1/Conversations/{Sid}/Messages:
    get:
      operationId: ListConversationMessage
      parameters:
        - { name: Sid, in: path, required: true, schema: { type: string } }
        - { name: Order, in: query, schema: { type: string, enum: [asc, desc] } }
      responses: { '200': { description: OK } }
"#,
    )
    .unwrap();
    let before = items("inline", &spec);
    let order_enum: Vec<&String> = before
        .keys()
        .filter(|path| path.ends_with("::Asc"))
        .collect();
    assert_eq!(order_enum.len(), 1, "{before:?}");
    let mut changed = spec.clone();
    let messages = changed["paths"]["/v1/Conversations/{Sid}/Messages"]
        .as_object_mut()
        .unwrap();
    let existing = messages.remove("get").unwrap();
    messages.insert(
        "post".into(),
        serde_yaml::from_str(
            r#"
operationId: CreateConversationMessage
parameters:
  - { name: Sid, in: path, required: true, schema: { type: string } }
  - { name: Order, in: query, schema: { type: string, enum: [first, last] } }
responses: { '201': { description: Created } }
"#,
        )
        .unwrap(),
    );
    messages.insert("get".into(), existing);
    let after = items("inline + operation", &changed);
    assert_eq!(lost(&before, &after), Vec::<String>::new());
    assert_eq!(
        after
            .keys()
            .filter(|path| path.ends_with("::First"))
            .count(),
        1,
        "the new inline enum is a type of its own"
    );
}
