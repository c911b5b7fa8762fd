//! Unions and compositions: a tagged `oneOf` read by tag, the models its
//! tags hold compared property by property; every other composition kept as
//! JSON, seen to change but not interpreted.

use std::fs;

use codegen::compare::Properties;

use super::*;

/// The properties FetchMessage answers with in the fixture `name`.
fn message(name: &str) -> Properties {
    let facts = facts(name);
    let fetch = &facts.operations[&OperationKey::new(Method::Get, "/v1/Messages/{Sid}")];
    match &fetch.responses.body {
        Body::Json(properties) => properties.clone(),
        other => panic!("FetchMessage answers JSON: {other:?}"),
    }
}

#[test]
fn union_tags_added_removed_shared_and_their_models() {
    let report = pair("unions");
    let fetch = op(Method::Get, "/v1/Messages/{Sid}", "FetchMessage");
    let create = op(Method::Post, "/v1/Messages", "CreateMessage");
    let response = |p: &str| Target::Property {
        part: Part::Response,
        path: path(p),
    };
    let reaction = Target::Property {
        part: Part::Request,
        path: path("reaction"),
    };
    let of = |subject: &Subject| -> Vec<Difference> {
        report
            .differences
            .iter()
            .filter(|d| d.subject == *subject)
            .cloned()
            .collect()
    };
    assert_eq!(
        of(&fetch),
        vec![
            additive(
                &fetch,
                Change::UnionTagProperty {
                    target: response("attachments[]"),
                    from: "kind".into(),
                    to: "type".into(),
                },
            ),
            breaking(
                &fetch,
                Change::UnionTagRemoved {
                    target: response("content"),
                    tag: "media".into(),
                },
            ),
            // A new variant of a `#[non_exhaustive]` enum with a catch-all.
            additive(
                &fetch,
                Change::UnionTagAdded {
                    target: response("content"),
                    tag: "location".into(),
                    model: "Location".into(),
                    shared: false,
                },
            ),
            additive(
                &fetch,
                Change::PropertyAdded {
                    part: Part::Response,
                    path: path("content(card).subtitle"),
                    property: property(string(), false, false),
                },
            ),
            breaking(
                &fetch,
                Change::PropertyRetyped {
                    part: Part::Response,
                    path: path("content(text).body"),
                    from: string(),
                    to: integer(),
                },
            ),
            breaking(
                &fetch,
                Change::CompositionChanged {
                    target: response("extra"),
                    kind: Kind::AnyOf,
                },
            ),
            // JSON before (an inline alternative), a tagged enum after.
            breaking(
                &fetch,
                Change::PropertyRetyped {
                    part: Part::Response,
                    path: path("loose"),
                    from: message("unions/from.yaml")[&path("loose")].ty.clone(),
                    to: message("unions/to.yaml")[&path("loose")].ty.clone(),
                },
            ),
        ]
    );
    let request: Vec<Difference> = of(&create)
        .into_iter()
        .filter(
            |d| matches!(&d.change, Change::UnionTagAdded { target, .. } if *target == reaction),
        )
        .collect();
    assert_eq!(
        request,
        vec![
            // `like`'s model is held by two tags now: `From<Like>` goes.
            breaking(
                &create,
                Change::UnionTagAdded {
                    target: reaction.clone(),
                    tag: "love".into(),
                    model: "Like".into(),
                    shared: true,
                },
            ),
            // Its variant would be `Unknown`, the catch-all's name.
            breaking(
                &create,
                Change::UnionTagAdded {
                    target: reaction.clone(),
                    tag: "unknown".into(),
                    model: "Unknown".into(),
                    shared: false,
                },
            ),
        ]
    );
    assert_eq!(report.release(), Some(Release::Major));
    let text = report.to_string();
    for line in [
        "  breaking  request body property `reaction`: union tag `love` added (holds `Like`, which another tag holds too: no `From` impl for it)",
        "  additive  response property `content`: union tag `location` added (holds `Location`)",
        "  breaking  response property `content`: union tag `media` removed (its variant goes)",
        "  breaking  response property `extra`: changed inside its anyOf; compare does not interpret it, so it cannot tell whether the values sent and received stay valid",
        "  breaking  response property `loose`: type oneOf → tagged oneOf",
        "16 differences: 6 additive, 10 breaking; this calls for a major release",
    ] {
        assert!(lines(&report).iter().any(|l| l == line), "{line}\n{text}");
    }
}

#[test]
fn unions_are_read_as_the_generator_lowers_them() {
    let properties = message("unions/from.yaml");
    // Tags from the mapping; without one, the components' names.
    let content = properties[&path("content")]
        .ty
        .union
        .clone()
        .expect("tagged");
    assert_eq!(content.property, "kind");
    assert_eq!(
        content.tags.keys().collect::<Vec<_>>(),
        ["card", "media", "text"]
    );
    let attachment = properties[&path("attachments")]
        .ty
        .items
        .clone()
        .expect("items");
    assert_eq!(
        attachment.union.expect("tagged").tags,
        [
            ("File".into(), "File".into()),
            ("Link".into(), "Link".into())
        ]
        .into()
    );
    // Each tag's model, by path, itself never an `Option`.
    assert_eq!(
        properties[&path("content(card).title")],
        property(string(), false, false)
    );
    assert!(properties[&path("content(card)")].required);
    assert!(properties.contains_key(&path("attachments[](Link).href")));
    // An inline alternative keeps a `oneOf` JSON, read as canonical text.
    let loose = &properties[&path("loose")].ty;
    assert_eq!((loose.kind, loose.union.is_none()), (Kind::OneOf, true));
    assert!(
        loose
            .composition
            .as_deref()
            .is_some_and(|t| t.contains("\"oneOf\""))
    );
}

/// The facts of a spec written into `dir` as `name`.
fn facts_of_text(dir: &Path, name: &str, text: &str) -> Facts {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    compare::facts_of(&path).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn compositions_kept_as_json_ignore_prose_and_order() {
    let spec = |extra: &str| {
        format!(
            "openapi: 3.0.3
info: {{title: T, version: 1.0.0}}
servers: [{{url: 'https://t.example.com'}}]
paths:
  /v1/Things:
    get:
      operationId: ListThing
      responses:
        '200':
          description: x
          content:
            application/json:
              schema:
                type: object
                properties:
                  value: {extra}
"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let plain = facts_of_text(
        dir.path(),
        "plain.yaml",
        &spec(
            "{anyOf: [{type: object, required: [a, b], properties: {a: {type: string}, b: {type: integer}}}, {type: string, enum: [x, y]}]}",
        ),
    );
    let reworded = facts_of_text(
        dir.path(),
        "reworded.yaml",
        &spec(
            "{description: Any of two., anyOf: [{type: object, title: Pair, required: [b, a], properties: {b: {type: integer, example: 2}, a: {type: string}}}, {type: string, enum: [y, x]}]}",
        ),
    );
    assert_eq!(compare::diff(&plain, &reworded), Report::default());
    let narrowed = facts_of_text(
        dir.path(),
        "narrowed.yaml",
        &spec(
            "{anyOf: [{type: object, required: [a, b], properties: {a: {type: string}, b: {type: integer}}}, {type: string, enum: [x]}]}",
        ),
    );
    let report = compare::diff(&plain, &narrowed);
    assert_eq!(report.release(), Some(Release::Major), "{report}");
    assert!(matches!(
        &report.differences[..],
        [Difference {
            change: Change::CompositionChanged {
                kind: Kind::AnyOf,
                ..
            },
            ..
        }]
    ));
    // Any value → an anyOf: the same `serde_json::Value`, but what it may
    // hold is no longer known.
    let any = facts_of_text(dir.path(), "any.yaml", &spec("{}"));
    let report = compare::diff(&any, &plain);
    assert_eq!(report.release(), Some(Release::Major), "{report}");
}
