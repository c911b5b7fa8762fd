//! JSON request bodies: added, removed, their media type and properties,
//! read as the generator reads them.

use super::*;

#[test]
fn json_request_bodies_added_removed_media_type_and_properties() {
    let report = pair("json_bodies");
    let create = op(Method::Post, "/v1/Templates", "CreateTemplate");
    let update = op(Method::Patch, "/v1/Templates/{Sid}", "UpdateTemplate");
    let submit = op(
        Method::Post,
        "/v1/Templates/{Sid}/Approvals",
        "SubmitApproval",
    );
    let copy = op(Method::Post, "/v1/Templates/{Sid}/Copies", "CopyTemplate");
    let request = Part::Request;
    let presence = |required, nullable| Presence { required, nullable };
    let channel = || Target::Property {
        part: request,
        path: path("channel"),
    };
    assert_eq!(
        report.differences,
        vec![
            // A variant of the request's enum goes.
            breaking(
                &create,
                Change::EnumValueRemoved {
                    target: channel(),
                    value: "sms".into(),
                },
            ),
            additive(
                &create,
                Change::EnumValueAdded {
                    target: channel(),
                    value: "rcs".into(),
                },
            ),
            // No longer an argument of `new`: every call to it breaks.
            breaking(
                &create,
                Change::PropertyNullability {
                    part: request,
                    path: path("language"),
                    from: presence(true, false),
                    to: presence(false, false),
                },
            ),
            breaking(
                &create,
                Change::PropertyRemoved {
                    part: request,
                    path: path("note"),
                    property: property(string(), false, false),
                },
            ),
            // Required: a new argument of `new`.
            breaking(
                &create,
                Change::PropertyAdded {
                    part: request,
                    path: path("owner"),
                    property: property(string(), false, true),
                },
            ),
            breaking(
                &create,
                Change::PropertyRetyped {
                    part: request,
                    path: path("priority"),
                    from: integer(),
                    to: string(),
                },
            ),
            // Optional: a new setter.
            additive(
                &create,
                Change::PropertyAdded {
                    part: request,
                    path: path("tags"),
                    property: property(Type::array_of(string()), false, false),
                },
            ),
            // Inside a nested model: a new argument of its `new`.
            breaking(
                &create,
                Change::PropertyNullability {
                    part: request,
                    path: path("types.twilio/card.title"),
                    from: presence(false, false),
                    to: presence(true, false),
                },
            ),
            additive(
                &create,
                Change::PropertyRetyped {
                    part: request,
                    path: path("url"),
                    from: string(),
                    to: string().with_format("uri"),
                },
            ),
            // Required but nullable: still an `Option` with a setter.
            additive(
                &create,
                Change::PropertyNullability {
                    part: request,
                    path: path("weight"),
                    from: presence(false, true),
                    to: presence(true, true),
                },
            ),
            additive(
                &update,
                Change::RequestMediaType {
                    from: "application/vnd.template+json".into(),
                    to: "application/vnd.template+json; charset=utf-8".into(),
                },
            ),
            additive(
                &update,
                Change::PropertyAdded {
                    part: request,
                    path: path("language"),
                    property: property(string(), false, false),
                },
            ),
            breaking(
                &submit,
                Change::RequestBody {
                    from: RequestKind::Json("application/json".into()),
                    to: RequestKind::NoBody,
                },
            ),
            breaking(
                &copy,
                Change::RequestBody {
                    from: RequestKind::NoBody,
                    to: RequestKind::Json("application/json".into()),
                },
            ),
        ]
    );
    assert_eq!(
        report.summary(),
        "14 differences: 6 additive, 8 breaking; this calls for a major release"
    );
    let lines = lines(&report);
    for line in [
        "CreateTemplate (POST /v1/Templates)",
        "  breaking  request body property `channel`: enum value `sms` removed",
        "  breaking  request body property `language`: required → optional (the field becomes an `Option`, no longer an argument of `new`)",
        "  breaking  request body property `owner` added (string, required) (a new argument of `new`)",
        "  breaking  request body property `priority`: type integer → string",
        "  additive  request body property `tags` added (array of string)",
        "  breaking  request body property `types.twilio/card.title`: optional → required (the field is no longer an `Option`: a new argument of `new`)",
        "  additive  request body property `url`: type string → string (uri) (the Rust type stays `String`)",
        "  additive  request body property `weight`: optional → required (the field stays an `Option`)",
        "  additive  request body media type `application/vnd.template+json` → `application/vnd.template+json; charset=utf-8`",
        "  breaking  request body: JSON (application/json) → none",
        "  breaking  request body: none → JSON (application/json)",
    ] {
        assert!(
            lines.contains(&line.to_owned()),
            "{line:?} not in:\n{report}"
        );
    }
}

#[test]
fn json_request_bodies_are_read_as_the_generator_reads_them() {
    let constructs = workspace_tests::root().join("tests/fixtures/constructs/json_bodies.yaml");
    let facts = compare::facts_of(&constructs).unwrap_or_else(|err| panic!("{err}"));
    let report = compare::diff(&facts, &facts);
    assert!(report.is_empty(), "{report}");
    let create = &facts.operations[&OperationKey::new(Method::Post, "/v1/Templates")];
    let request = create.request.as_ref().expect("CreateTemplate sends JSON");
    assert_eq!(request.media_type, "application/json");
    assert!(
        request
            .properties
            .contains_key(&path("types.twilio/card.title"))
    );
    // Some operation sends a `+json` type.
    assert!(
        facts
            .operations
            .values()
            .filter_map(|op| op.request.as_ref())
            .any(|r| r.media_type.ends_with("+json"))
    );
    // A form body is read as parameters, not as a JSON body.
    let ours =
        compare::facts_of(&workspace_tests::our_spec()).unwrap_or_else(|err| panic!("{err}"));
    assert!(ours.operations.values().all(|op| op.request.is_none()));
}
