//! `codegen::compare` and `cargo xtask compare`: one pair of tiny specs per
//! kind of difference (`fixtures/compare/<kind>/{from,to}.yaml`), each
//! detected and classified; specs that say the same in other words compare
//! equal; Twilio's spec compared with itself; the command end to end.
//! Refinements (a response property one spec types and the other leaves
//! open) are in `compare/refinements.rs`.
//!
//! Twilio's spec is read from `../shared/specs/` at test time. Under CI a
//! missing spec is a failure; elsewhere the test is skipped with a printed reason.

use std::path::{Path, PathBuf};

use codegen::compare::{
    self, Body, BodyKind, Change, Difference, Facts, Impact, Kind, Location, Method, OperationKey,
    Parameter, Part, Presence, Property, PropertyPath, Release, Report, RequestKind, Subject,
    Target, Type,
};

// Typed where the other spec leaves a property open: listed apart.
#[path = "compare/binary.rs"]
mod binary;
#[path = "compare/command.rs"]
mod command;
#[path = "compare/json_bodies.rs"]
mod json_bodies;
#[path = "compare/refinements.rs"]
mod refinements;
#[path = "compare/unions.rs"]
mod unions;

fn fixture(name: &str) -> PathBuf {
    workspace_tests::root()
        .join("tests/fixtures/compare")
        .join(name)
}

fn facts(name: &str) -> Facts {
    compare::facts_of(&fixture(name)).unwrap_or_else(|err| panic!("{err}"))
}

/// The differences going from `<kind>/from.yaml` to `<kind>/to.yaml`.
fn pair(kind: &str) -> Report {
    compare::diff(
        &facts(&format!("{kind}/from.yaml")),
        &facts(&format!("{kind}/to.yaml")),
    )
}

fn op(method: Method, path: &str, id: &str) -> Subject {
    Subject::operation(method, path, Some(id))
}

fn additive(subject: &Subject, change: Change) -> Difference {
    Difference {
        subject: subject.clone(),
        change,
        impact: Impact::Additive,
    }
}

fn breaking(subject: &Subject, change: Change) -> Difference {
    Difference {
        subject: subject.clone(),
        change,
        impact: Impact::Breaking,
    }
}

fn string() -> Type {
    Type::of(Kind::String)
}

fn integer() -> Type {
    Type::of(Kind::Integer)
}

fn path(dotted: &str) -> PropertyPath {
    PropertyPath::of(dotted)
}

fn property(ty: Type, nullable: bool, required: bool) -> Property {
    Property {
        ty,
        nullable,
        required,
    }
}

/// The report's lines for one difference each, as printed.
fn lines(report: &Report) -> Vec<String> {
    report.to_string().lines().map(str::to_owned).collect()
}

#[test]
fn operations_added_removed_and_renamed() {
    let report = pair("operations");
    assert_eq!(
        report.differences,
        vec![
            breaking(
                &op(Method::Get, "/v1/Things", "ListThing"),
                Change::OperationId {
                    from: Some("ListThing".into()),
                    to: Some("ListThings".into()),
                },
            ),
            additive(
                &op(Method::Get, "/v1/Things/{Sid}", "FetchThing"),
                Change::OperationAdded,
            ),
            breaking(
                &op(Method::Delete, "/v1/Things/{Sid}", "DeleteThing"),
                Change::OperationRemoved,
            ),
        ]
    );
    assert_eq!(report.release(), Some(Release::Major));
    assert_eq!(
        report.summary(),
        "3 differences: 1 additive, 2 breaking; this calls for a major release"
    );
}

#[test]
fn parameters_added_removed_moved_retyped_required_and_maximum() {
    let report = pair("parameters");
    let list = op(Method::Get, "/v1/Things", "ListThing");
    let create = op(Method::Post, "/v1/Things", "CreateThing");
    let query = |required, ty| Parameter {
        location: Location::Query,
        required,
        ty,
        maximum: None,
    };
    assert_eq!(
        report.differences,
        vec![
            breaking(
                &list,
                Change::ParameterRequired {
                    name: "Color".into(),
                    from: false,
                    to: true,
                },
            ),
            breaking(
                &list,
                Change::ParameterRemoved {
                    name: "Legacy".into(),
                    parameter: query(false, string()),
                },
            ),
            // Still a `String` in Rust: only the wire's description changed.
            additive(
                &list,
                Change::ParameterRetyped {
                    name: "Owner".into(),
                    from: string(),
                    to: string().with_format("uri"),
                },
            ),
            additive(
                &list,
                Change::ParameterMaximum {
                    name: "PageSize".into(),
                    from: Some(100.0),
                    to: Some(50.0),
                },
            ),
            breaking(
                &list,
                Change::ParameterAdded {
                    name: "Region".into(),
                    parameter: query(true, string()),
                },
            ),
            breaking(
                &list,
                Change::ParameterRetyped {
                    name: "Shape".into(),
                    from: string(),
                    to: integer(),
                },
            ),
            additive(
                &list,
                Change::ParameterAdded {
                    name: "Tag".into(),
                    parameter: query(false, string()),
                },
            ),
            additive(
                &list,
                Change::ParameterMoved {
                    name: "X-Mode".into(),
                    from: Location::Header,
                    to: Location::Query,
                },
            ),
            additive(
                &create,
                Change::ParameterMoved {
                    name: "Notify".into(),
                    from: Location::Query,
                    to: Location::Body,
                },
            ),
            breaking(
                &create,
                Change::ParameterAdded {
                    name: "Size".into(),
                    parameter: Parameter {
                        location: Location::Body,
                        required: true,
                        ty: integer(),
                        maximum: None,
                    },
                },
            ),
        ]
    );
    let text = lines(&report);
    assert!(
        text.contains(&"  additive  parameter PageSize: maximum 100 → 50".to_owned()),
        "{text:#?}"
    );
    assert!(
        text.contains(
            &"  additive  parameter Owner: type string → string (uri) (the Rust type stays `String`)"
                .to_owned()
        ),
        "{text:#?}"
    );
}

#[test]
fn enum_values_through_refs_all_of_and_array_items() {
    let report = pair("enums");
    let create = op(Method::Post, "/v1/Things", "CreateThing");
    let parameter = |name: &str, within: &str| Target::Parameter {
        name: name.into(),
        within: path(within),
    };
    let response = |at: &str| Target::Property {
        part: Part::Response,
        path: path(at),
    };
    assert_eq!(
        report.differences,
        vec![
            // A form field reached through `allOf: [$ref]`.
            breaking(
                &create,
                Change::EnumValueRemoved {
                    target: parameter("Color", ""),
                    value: "green".into(),
                },
            ),
            additive(
                &create,
                Change::EnumValueAdded {
                    target: parameter("Include", "[]"),
                    value: "history".into(),
                },
            ),
            additive(
                &create,
                Change::EnumValueAdded {
                    target: parameter("State", ""),
                    value: "archived".into(),
                },
            ),
            additive(
                &create,
                Change::EnumValueAdded {
                    target: response("kind"),
                    value: "huge".into(),
                },
            ),
            breaking(
                &create,
                Change::EnumValueRemoved {
                    target: response("tags[]"),
                    value: "used".into(),
                },
            ),
        ]
    );
    assert!(
        lines(&report)
            .contains(&"  breaking  response property `tags[]`: enum value `used` removed".into())
    );
}

#[test]
fn response_properties_added_removed_retyped_and_nullability() {
    let report = pair("properties");
    let fetch = op(Method::Get, "/v1/Things/{Sid}", "FetchThing");
    let response = Part::Response;
    assert_eq!(
        report.differences,
        vec![
            additive(
                &fetch,
                Change::PropertyAdded {
                    part: response,
                    path: path("color"),
                    property: property(string(), true, false),
                },
            ),
            breaking(
                &fetch,
                Change::PropertyRetyped {
                    part: response,
                    path: path("count"),
                    from: integer(),
                    to: string(),
                },
            ),
            // Not required, so an `Option` whether nullable or not.
            additive(
                &fetch,
                Change::PropertyNullability {
                    part: response,
                    path: path("name"),
                    from: Presence {
                        required: false,
                        nullable: true,
                    },
                    to: Presence {
                        required: false,
                        nullable: false,
                    },
                },
            ),
            breaking(
                &fetch,
                Change::PropertyRemoved {
                    part: response,
                    path: path("old"),
                    property: property(string(), false, false),
                },
            ),
            // Required: `i64` becomes `Option<i64>`.
            breaking(
                &fetch,
                Change::PropertyNullability {
                    part: response,
                    path: path("size"),
                    from: Presence {
                        required: true,
                        nullable: false,
                    },
                    to: Presence {
                        required: true,
                        nullable: true,
                    },
                },
            ),
            additive(
                &fetch,
                Change::PropertyAdded {
                    part: response,
                    path: path("timers.date_inactive"),
                    property: property(string().with_format("date-time"), true, false),
                },
            ),
            additive(
                &fetch,
                Change::PropertyRetyped {
                    part: response,
                    path: path("url"),
                    from: string(),
                    to: string().with_format("uri"),
                },
            ),
        ]
    );
    assert!(
        lines(&report)
            .contains(&"  additive  response property `color` added (string, nullable)".to_owned())
    );
}

#[test]
fn list_envelope_items_key_item_and_meta() {
    let from = facts("lists/from.yaml");
    let list_key = compare::OperationKey::new(Method::Get, "/v1/Things");
    assert!(matches!(
        &from.operations[&list_key].responses.body,
        Body::Page { items_key, .. } if items_key == "things"
    ));
    let report = pair("lists");
    let list = op(Method::Get, "/v1/Things", "ListThing");
    assert_eq!(
        report.differences,
        vec![
            additive(
                &list,
                Change::ItemsKey {
                    from: "things".into(),
                    to: "items".into(),
                },
            ),
            additive(
                &list,
                Change::PropertyAdded {
                    part: Part::Item,
                    path: path("owner.email"),
                    property: property(string(), true, false),
                },
            ),
            breaking(
                &list,
                Change::PropertyRemoved {
                    part: Part::Item,
                    path: path("sid"),
                    property: property(string(), true, false),
                },
            ),
            // `PageMeta` is the runtime's: the generated API does not change.
            additive(
                &list,
                Change::PropertyAdded {
                    part: Part::Meta,
                    path: path("page_size"),
                    property: property(integer(), false, false),
                },
            ),
        ]
    );
}

#[test]
fn status_codes_and_body_kinds() {
    let report = pair("status");
    let delete = op(Method::Delete, "/v1/Things/{Sid}", "DeleteThing");
    assert_eq!(
        report.differences,
        vec![
            breaking(
                &op(Method::Get, "/v1/Things", "ListThing"),
                Change::ResponseBody {
                    from: BodyKind::Page,
                    to: BodyKind::Json,
                },
            ),
            additive(
                &op(Method::Post, "/v1/Things", "CreateThing"),
                Change::SuccessStatus {
                    from: Some(200),
                    to: Some(201),
                },
            ),
            additive(
                &op(Method::Get, "/v1/Things/{Sid}", "FetchThing"),
                Change::StatusCodeAdded { code: "404".into() },
            ),
            additive(
                &delete,
                Change::SuccessStatus {
                    from: Some(200),
                    to: Some(204),
                },
            ),
            breaking(
                &delete,
                Change::ResponseBody {
                    from: BodyKind::Json,
                    to: BodyKind::Empty,
                },
            ),
        ]
    );
}

#[test]
fn top_level_and_path_level_servers() {
    let report = pair("servers");
    assert_eq!(
        report.differences,
        vec![
            additive(
                &Subject::Spec,
                Change::Servers {
                    from: vec!["https://things.example.com".into()],
                    to: vec!["https://api.things.example.com".into()],
                },
            ),
            // The generated `OTHER_HOSTS` gains it.
            additive(
                &Subject::Spec,
                Change::HostAdded {
                    url: "https://media.things.example.com".into(),
                },
            ),
            additive(
                &op(Method::Get, "/v1/Media", "ListMedia"),
                Change::OperationServers {
                    from: None,
                    to: Some(vec!["https://media.things.example.com".into()]),
                },
            ),
        ]
    );
    assert_eq!(report.release(), Some(Release::Minor));
    assert!(
        report
            .to_string()
            .ends_with("3 differences: 3 additive, 0 breaking; this calls for a minor release\n")
    );
}

#[test]
fn components_and_inline_compare_equal() {
    let refs = facts("equivalent/refs.yaml");
    let inline = facts("equivalent/inline.yaml");
    assert_eq!(compare::diff(&refs, &inline), Report::default());
    assert_eq!(compare::diff(&inline, &refs), Report::default());
    assert_eq!(refs, inline);

    // And the facts compared are the resolved ones, not empty shells.
    let fetch = &refs.operations[&compare::OperationKey::new(Method::Get, "/v1/Things/{Sid}")];
    let Body::Json(properties) = &fetch.responses.body else {
        panic!("FetchThing answers JSON: {:?}", fetch.responses.body);
    };
    assert_eq!(
        properties[&path("state")],
        property(string().with_values(["open", "closed"]), true, false),
        "the `nullable` beside a one-member allOf is kept"
    );
    assert_eq!(
        properties[&path("owner.identity")],
        property(string(), true, false)
    );
    assert_eq!(
        properties[&path("tags")].ty,
        Type::array_of(Type {
            has_properties: true,
            ..Type::of(Kind::Object)
        })
    );
    assert!(properties.contains_key(&path("tags[].name")));
    let create = &refs.operations[&compare::OperationKey::new(Method::Post, "/v1/Things")];
    assert_eq!(
        create.parameters["FriendlyName"],
        Parameter {
            location: Location::Body,
            required: true,
            ty: string(),
            maximum: None,
        }
    );
    let list = &refs.operations[&compare::OperationKey::new(Method::Get, "/v1/Things")];
    assert_eq!(list.parameters["PageSize"].maximum, Some(100.0));
    assert!(
        matches!(&list.responses.body, Body::Page { items_key, item, .. }
        if items_key == "things" && item.contains_key(&path("owner.identity")))
    );
}

#[test]
fn every_fixture_and_our_spec_compare_equal_to_themselves() {
    let mut specs: Vec<PathBuf> = vec![workspace_tests::our_spec(), fixture("recursive.yaml")];
    for kind in [
        "operations",
        "parameters",
        "enums",
        "properties",
        "lists",
        "status",
        "servers",
        "json_bodies",
        "refinements",
        "unions",
        "binary",
        "hosts",
    ] {
        specs.push(fixture(&format!("{kind}/from.yaml")));
        specs.push(fixture(&format!("{kind}/to.yaml")));
    }
    for spec in specs {
        let facts = compare::facts_of(&spec).unwrap_or_else(|err| panic!("{err}"));
        assert!(!facts.operations.is_empty(), "{}", spec.display());
        let report = compare::diff(&facts, &facts);
        assert!(report.is_empty(), "{}:\n{report}", spec.display());
        assert_eq!(report.to_string(), "no differences in wire facts\n");
    }
}

#[test]
fn recursive_schemas_end_and_keep_their_nullability() {
    let facts = facts("recursive.yaml");
    let fetch = &facts.operations[&compare::OperationKey::new(Method::Get, "/v1/Nodes/{Sid}")];
    let Body::Json(properties) = &fetch.responses.body else {
        panic!("FetchNode answers JSON");
    };
    let recursive = Type::of(Kind::Recursive);
    assert_eq!(
        properties[&path("parent")],
        property(recursive.clone(), false, false)
    );
    assert_eq!(
        properties[&path("twin")],
        property(recursive.clone(), true, false)
    );
    assert_eq!(
        properties[&path("children")].ty,
        Type::array_of(recursive.clone())
    );
    assert_eq!(
        properties[&path("by_name")].ty.map_values.as_deref(),
        Some(&recursive)
    );
    assert_eq!(properties.len(), 6, "{properties:#?}");
}

#[test]
fn a_schema_graph_too_large_to_expand_is_an_error_not_a_hang() {
    // Each level refers to the next twice: 2^30 paths once expanded.
    let mut text = String::from(
        "openapi: 3.0.3\ninfo: {title: Things, version: 1.0.0}\npaths:\n  /v1/Things:\n    get:\n      responses:\n        '200':\n          description: Deep.\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/L0'}\ncomponents:\n  schemas:\n",
    );
    for level in 0..30 {
        let next = level + 1;
        text.push_str(&format!(
            "    L{level}:\n      type: object\n      properties:\n        a: {{$ref: '#/components/schemas/L{next}'}}\n        b: {{$ref: '#/components/schemas/L{next}'}}\n"
        ));
    }
    text.push_str("    L30: {type: string}\n");
    let path = Path::new("deep.yaml");
    let spec = codegen::load::parse(path, &text).unwrap_or_else(|err| panic!("{err}"));
    let err = compare::facts_of_spec(path, &spec).expect_err("too large to compare");
    let message = err.to_string();
    assert!(
        message.starts_with(
            "deep.yaml: #/paths/~1v1~1Things/get/responses/200/content/application~1json/schema/"
        ),
        "{message}"
    );
    assert!(message.contains("it is too large to compare"), "{message}");
}

#[test]
fn unresolvable_refs_are_errors_that_name_the_place() {
    let broken = workspace_tests::root().join("tests/fixtures/broken");
    for (file, says) in [
        (
            "unresolved_ref.yaml",
            "does not resolve to anything in the spec",
        ),
        ("external_ref.yaml", "external references are not supported"),
        ("cyclic_ref.yaml", "`$ref` cycle"),
        ("path_item_ref.yaml", "path item references"),
    ] {
        let err = compare::facts_of(&broken.join(file)).expect_err(file);
        let message = err.to_string();
        assert!(
            message.contains(file) && message.contains("#/paths/"),
            "{message}"
        );
        assert!(message.contains(says), "{file}: {message}");
    }
}

#[test]
fn twilio_spec_compared_with_itself_has_no_differences() {
    let Some(spec) = workspace_tests::twilio_spec() else {
        return;
    };
    let facts = compare::facts_of(&spec).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(facts.operations.len(), 103);
    let report = compare::diff(&facts, &facts);
    assert!(report.is_empty(), "{report}");
    // Read twice, the facts are the same: nothing depends on hash order.
    let again = compare::facts_of(&spec).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(facts, again);
}

#[test]
fn our_spec_has_the_wire_facts_of_twilios() {
    let Some(twilio) = workspace_tests::twilio_spec() else {
        return;
    };
    // Twilio's file leaves out the Media resource, on the Media Content
    // Service's own host: our spec adds exactly its operations there.
    let ours = workspace_tests::our_facts_in_twilios_scope();
    let theirs = compare::facts_of(&twilio).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(
        ours.operations.len(),
        103,
        "our spec describes every operation"
    );
    // Where our spec types what Twilio's leaves open, the report has a
    // refinement, no difference (`refinements::our_refinements_of_...`).
    let report = compare::diff(&ours, &theirs);
    assert!(report.is_empty(), "{report}");
}
