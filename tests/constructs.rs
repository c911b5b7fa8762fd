//! Constructs beyond our spec (`tests/fixtures/constructs/`): each generates
//! a sound type, or its operation is reported as skipped, never dropped
//! silently. `tests/compile.rs` builds every one of these crates.

use std::path::Path;

#[path = "constructs/personal_data.rs"]
mod personal_data;
#[path = "constructs/webhooks.rs"]
mod webhooks;

use codegen::ir::{Api, Model, Operation, ParamsStruct, ResponseKind, RustType, SkipReason};

fn generate(fixture: &str) -> Api {
    let path = format!("fixtures/constructs/{fixture}");
    codegen::generate(Path::new(&path), &codegen::Options::default())
        .unwrap_or_else(|err| panic!("{err}"))
        .api
}

fn operation<'a>(api: &'a Api, id: &str) -> &'a Operation {
    api.resources
        .iter()
        .flat_map(|r| &r.operations)
        .find(|op| op.operation_id == id)
        .unwrap_or_else(|| panic!("no operation {id}"))
}

fn model<'a>(api: &'a Api, name: &str) -> &'a Model {
    api.models
        .iter()
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("no model {name}"))
}

/// `(rust name, type)` of each field.
fn fields(model: &Model) -> Vec<(&str, String)> {
    model
        .fields
        .iter()
        .map(|f| (f.rust_name.as_str(), f.ty.to_string()))
        .collect()
}

fn params(op: &Operation) -> &ParamsStruct {
    op.params.as_ref().expect("the operation has params")
}

fn param_types(op: &Operation) -> Vec<(&str, String)> {
    params(op)
        .fields
        .iter()
        .map(|f| (f.rust_name.as_str(), f.ty.to_string()))
        .collect()
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn as_owned(pairs: Vec<(&str, String)>) -> Vec<(String, String)> {
    pairs.into_iter().map(|(a, b)| (a.to_owned(), b)).collect()
}

#[test]
fn json_and_scim_request_bodies_are_sent_as_json_and_other_types_are_skipped() {
    let api = generate("bodies.yaml");
    let skipped: Vec<(&str, String)> = api
        .skipped
        .iter()
        .map(|s| (s.operation.as_str(), s.reason.to_string()))
        .collect();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert_eq!(skipped[0].0, "POST /v1/Media");
    assert!(
        skipped[0].1.contains("multipart/form-data") && skipped[0].1.contains("only a form"),
        "{skipped:?}"
    );
    assert_eq!(
        api.skipped[0].reason,
        SkipReason::Body(vec!["multipart/form-data".to_owned()])
    );
    assert_eq!(api.skip_counts(), ["1 multipart/form-data body"]);
    // Generated plus skipped is every operation in the spec.
    assert_eq!(api.operation_count() + api.skipped.len(), 5);

    // A `+json` body is the component's model, sent with its own type.
    let create_user = operation(&api, "CreateUser");
    let body = create_user.body.as_ref().expect("a JSON body");
    assert_eq!(body.content_type, "application/scim+json");
    assert_eq!(body.ty, RustType::Named("User".into()));
    assert_eq!(body.arg_type, "&User");
    assert!(create_user.params.is_none());
    // An inline body schema is a model named after the operation.
    let create_thing = operation(&api, "CreateThing");
    let body = create_thing.body.as_ref().expect("a JSON body");
    assert_eq!(body.content_type, "application/json");
    assert_eq!(body.ty, RustType::Named("CreateThingRequest".into()));
    assert_eq!(
        as_owned(fields(model(&api, "CreateThingRequest"))),
        owned(&[("name", "Option<String>")])
    );

    // A `+json` response decodes as JSON.
    let fetch = operation(&api, "FetchUser");
    assert_eq!(fetch.response.json(), Some(&RustType::Named("User".into())));
    // Form and JSON offered: the form is used.
    let either = operation(&api, "CreateEither");
    assert!(either.body.is_none());
    assert_eq!(as_owned(param_types(either)), owned(&[("name", "String")]));
}

#[test]
fn a_crate_of_json_operations_only_has_no_params_and_no_pair_encoding() {
    let path = Path::new("fixtures/constructs/json_only.yaml");
    let generated =
        codegen::generate(path, &codegen::Options::default()).unwrap_or_else(|err| panic!("{err}"));
    let api = &generated.api;
    assert!(api.skipped.is_empty(), "{:?}", api.skipped);
    assert_eq!(api.operation_count(), 3);
    assert!(!api.has_params(), "no operation has a params struct");
    assert!(api.sends_json());
    assert!(api.has_path_params());

    let create = operation(api, "CreateNote");
    assert!(create.params.is_none());
    let body = create.body.as_ref().expect("a JSON body");
    assert_eq!(body.content_type, "application/json");
    assert_eq!(body.ty, RustType::Named("NoteRequest".into()));
    assert_eq!(body.arg_type, "&NoteRequest");
    assert_eq!(
        create.response.json(),
        Some(&RustType::Named("Note".into()))
    );
    let request = model(api, "NoteRequest");
    assert_eq!(
        request
            .constructor_fields()
            .iter()
            .map(|f| f.rust_name.as_str())
            .collect::<Vec<_>>(),
        ["title"]
    );
    assert_eq!(
        as_owned(fields(request)),
        owned(&[
            ("title", "String"),
            ("body", "Option<String>"),
            ("pinned", "Option<bool>"),
            ("color", "Option<NoteColor>"),
        ])
    );

    let fetch = operation(api, "FetchNote");
    assert!(fetch.params.is_none() && fetch.body.is_none());
    assert_eq!(fetch.response.json(), Some(&RustType::Named("Note".into())));
    let delete = operation(api, "DeleteNote");
    assert!(delete.params.is_none() && delete.body.is_none());
    assert!(matches!(delete.response, ResponseKind::Empty));

    // Without a params struct, nothing encodes key/value pairs: the runtime
    // for them is left out, the enum included, so no item goes unused.
    let wire = &generated.files["src/wire.rs"];
    for absent in ["type Pairs", "trait ToWire", "use chrono"] {
        assert!(!wire.contains(absent), "src/wire.rs has `{absent}`");
    }
    assert!(wire.contains("fn json_body"), "JSON bodies are encoded");
    for (name, text) in &generated.files {
        if name.ends_with("enums.rs") || name.starts_with("src/types/") {
            assert!(!text.contains("ToWire"), "{name} has `ToWire`");
        }
    }
    for (name, text) in &generated.files {
        assert!(!text.contains("Pairs"), "{name} mentions `Pairs`");
    }
}

#[test]
fn a_tagged_one_of_is_an_enum_other_compositions_stay_json() {
    let api = generate("compositions.yaml");
    assert_eq!(
        as_owned(fields(model(&api, "Owner"))),
        owned(&[
            ("pet", "Option<Pet>"),
            ("pets", "Option<Vec<Pet>>"),
            ("either", "Option<serde_json::Value>"),
            ("special", "Option<serde_json::Value>"),
            ("base", "Option<Animal>"),
            ("alias", "Option<Cat>"),
            ("not_a_dog", "Option<serde_json::Value>"),
            ("shape", "Option<Shape>"),
            ("mixed", "Option<serde_json::Value>"),
        ])
    );
    // A oneOf with a discriminator: one variant per mapped tag value.
    let pet = api
        .unions
        .iter()
        .find(|u| u.name == "Pet")
        .expect("a union Pet");
    assert_eq!(pet.tag, "kind");
    let variants: Vec<(&str, &str, String)> = pet
        .variants
        .iter()
        .map(|v| (v.name.as_str(), v.tag.as_str(), v.ty.to_string()))
        .collect();
    assert_eq!(
        variants,
        [
            ("Cat", "cat", "Cat".to_owned()),
            ("Dog", "dog", "Dog".to_owned())
        ]
    );
    assert_eq!(pet.unknown, "Unknown");
    // Without a mapping, each tag is the component's name.
    let shape = api
        .unions
        .iter()
        .find(|u| u.name == "Shape")
        .expect("a union Shape");
    let tags: Vec<(&str, &str)> = shape
        .variants
        .iter()
        .map(|v| (v.name.as_str(), v.tag.as_str()))
        .collect();
    assert_eq!(tags, [("Square", "Square"), ("Circle", "Circle")]);
    assert!(pet.variants.iter().all(|v| v.from));
    // The discriminator's base is an ordinary model; its property a field.
    assert_eq!(
        as_owned(fields(model(&api, "Animal"))),
        owned(&[("kind", "String")])
    );
    // In a form body, a oneOf is sent as JSON text.
    let update = operation(&api, "UpdateOwner");
    assert_eq!(
        as_owned(param_types(update)),
        owned(&[("pet", "serde_json::Value"), ("tag", "serde_json::Value")])
    );
}

#[test]
fn additional_properties_and_read_only() {
    let api = generate("maps_and_read_only.yaml");
    assert_eq!(
        as_owned(fields(model(&api, "Thing"))),
        owned(&[
            ("sid", "Option<String>"),
            ("labels", "Option<BTreeMap<String, String>>"),
            ("counts", "Option<BTreeMap<String, i32>>"),
            ("settings_by_name", "Option<BTreeMap<String, Settings>>"),
            ("free", "Option<serde_json::Value>"),
            ("anything", "Option<serde_json::Value>"),
            ("closed", "Option<ThingClosed>"),
            ("open", "Option<ThingOpen>"),
        ])
    );
    assert_eq!(
        as_owned(fields(model(&api, "ThingOpen"))),
        owned(&[("a", "Option<String>")])
    );
    // readOnly properties (inline or through a $ref) are not sent; objects
    // and maps in a form body go as JSON text.
    let create = operation(&api, "CreateThing");
    assert_eq!(
        as_owned(param_types(create)),
        owned(&[
            ("name", "String"),
            ("labels", "serde_json::Value"),
            ("settings", "serde_json::Value"),
        ])
    );
}

#[test]
fn unknown_formats_fall_back_to_the_plain_type() {
    let api = generate("formats.yaml");
    let fetch = operation(&api, "FetchThing");
    assert_eq!(
        as_owned(param_types(fetch)),
        owned(&[
            ("id", "String"),
            ("size", "i64"),
            ("ratio", "f64"),
            ("day", "chrono::NaiveDate")
        ])
    );
    let response = fetch.response.json().expect("a JSON response").to_string();
    assert_eq!(
        as_owned(fields(model(&api, &response))),
        owned(&[
            ("uuid", "Option<String>"),
            ("uri", "Option<String>"),
            ("date", "Option<chrono::NaiveDate>"),
            ("date_time", "Option<DateTime<Utc>>"),
            ("binary", "Option<String>"),
            ("byte", "Option<String>"),
            ("password", "Option<String>"),
            ("phone", "Option<String>"),
            ("empty", "Option<String>"),
            ("int32", "Option<i32>"),
            ("int64", "Option<i64>"),
            ("int8", "Option<i64>"),
            ("uint", "Option<i64>"),
            ("float", "Option<f64>"),
            ("double", "Option<f64>"),
            ("money", "Option<f64>"),
            ("untyped_format", "Option<serde_json::Value>"),
            ("uri_map", "Option<BTreeMap<String, String>>"),
        ])
    );
}

#[test]
fn missing_operation_ids_are_derived_from_verb_and_handle() {
    let api = generate("derived_names.yaml");
    let things = &api.resources[0];
    assert_eq!(things.handle, "Things");
    let ops: Vec<(&str, &str, &str)> = things
        .operations
        .iter()
        .map(|op| {
            (
                op.operation_id.as_str(),
                op.method.as_str(),
                op.http_method.upper(),
            )
        })
        .collect();
    assert_eq!(
        ops,
        [
            ("CreateThings", "create", "POST"),
            ("ListThings", "list", "GET"),
            ("FetchThings", "fetch", "GET"),
            ("UpdateThings", "update", "POST"),
            // A second update on the same handle: numbered in spec order.
            ("UpdateThings", "update_2", "PUT"),
            ("DeleteThings", "delete", "DELETE"),
        ]
    );
    let with_response: Vec<&str> = things
        .operations
        .iter()
        .map(|op| op.with_response_method.as_str())
        .collect();
    assert!(with_response.contains(&"update_2_with_response"));
    let params: Vec<&str> = things
        .operations
        .iter()
        .filter_map(|op| op.params.as_ref().map(|p| p.name.as_str()))
        .collect();
    assert_eq!(
        params,
        [
            "CreateThingsParams",
            "ListThingsParams",
            "UpdateThingsParams",
            "UpdateThingsParams2"
        ]
    );
}

#[test]
fn names_that_collide_after_case_conversion_get_numbered_suffixes() {
    let api = generate("derived_names.yaml");
    // `/v1/Things` and `/v1/things`: two handles, two accessors, two modules.
    let handles: Vec<(&str, &str, &str)> = api
        .resources
        .iter()
        .map(|r| (r.handle.as_str(), r.accessor.as_str(), r.module.as_str()))
        .collect();
    assert_eq!(
        handles,
        [
            ("Things", "things", "things"),
            ("Things2", "things_2", "things2"),
            ("Other", "other", "other"),
        ]
    );
    // `thing-status`, `ThingStatus` and `thing_status` all become `ThingStatus`:
    // the component names in sorted order take it, then `2`, `3`, wherever
    // the spec lists them (so `ThingStatus` keeps its own spelling).
    let enums: Vec<(&str, Vec<&str>)> = api
        .enums
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.variants.iter().map(|v| v.wire.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        enums,
        [
            ("ThingStatus", vec!["fast", "slow"]),
            ("ThingStatus2", vec!["open", "closed"]),
            ("ThingStatus3", vec!["round", "square"]),
        ]
    );
    // operationIds `ListThing` and `list_thing` name two params structs.
    assert_eq!(params(operation(&api, "ListThing")).name, "ListThingParams");
    assert_eq!(
        params(operation(&api, "list_thing")).name,
        "ListThingParams2"
    );
}

#[test]
fn odd_names_are_distinct_valid_identifiers() {
    let api = generate("odd_names.yaml");
    assert!(api.skipped.is_empty(), "{:?}", api.skipped);
    // Modules are plain identifiers, unique, and never `mod`.
    let mut modules: Vec<&str> = api.resources.iter().map(|r| r.module.as_str()).collect();
    assert!(
        modules
            .iter()
            .all(|m| !m.starts_with("r#") && *m != "mod" && m.is_ascii()),
        "{modules:?}"
    );
    let count = modules.len();
    modules.sort();
    modules.dedup();
    assert_eq!(modules.len(), count, "module names repeat");
    // Type names never shadow the runtime or the prelude.
    let types: Vec<&str> = api
        .models
        .iter()
        .map(|m| m.name.as_str())
        .chain(api.enums.iter().map(|e| e.name.as_str()))
        .chain(api.resources.iter().map(|r| r.handle.as_str()))
        .collect();
    for taken in [
        "Client",
        "Error",
        "Page",
        "Result",
        "String",
        "Option",
        "Serialize",
        "Vec",
    ] {
        assert!(!types.contains(&taken), "{taken} in {types:?}");
    }
    // A model that contains itself is boxed.
    let node = model(&api, "Node");
    assert_eq!(
        as_owned(fields(node)),
        owned(&[
            ("value", "String"),
            ("children", "Option<Vec<Node>>"),
            ("parent", "Option<Box<Node>>"),
            ("next", "Other"),
        ])
    );
    assert_eq!(
        as_owned(fields(model(&api, "Other"))),
        owned(&[("back", "Option<Box<Node>>")])
    );
    // Path parameters named `client`, `params` and `request` do not clash
    // with the handle's field, the params argument or the request local.
    let toys = api
        .resources
        .iter()
        .find(|r| r.handle == "OwnerPetToys")
        .expect("the toys handle");
    let scope: Vec<&str> = toys
        .scope_params
        .iter()
        .map(|p| p.rust_name.as_str())
        .collect();
    assert_eq!(scope, ["client_2", "params"]);
    let locals: Vec<&str> = toys.operations[0]
        .path_args
        .iter()
        .map(|a| a.local.as_str())
        .collect();
    assert!(!locals.contains(&"params"), "{locals:?}");
}

/// `text` without any whitespace, so checks do not depend on line breaks.
fn squashed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn constructor(op: &Operation) -> Vec<&str> {
    params(op)
        .constructor_fields()
        .iter()
        .map(|f| f.rust_name.as_str())
        .collect()
}

#[test]
fn required_parameters_are_the_arguments_of_new_in_spec_order() {
    let path = Path::new("fixtures/constructs/required.yaml");
    let generated =
        codegen::generate(path, &codegen::Options::default()).unwrap_or_else(|err| panic!("{err}"));
    let api = &generated.api;

    // Query `Scope`, header `X-Request-Tag`, then the body's required
    // properties: the spec's order, not the fields' (headers first).
    let create = operation(api, "CreateThing");
    assert_eq!(
        constructor(create),
        ["scope", "x_request_tag", "name", "kind", "tags"]
    );
    let fields: Vec<(&str, bool)> = params(create)
        .fields
        .iter()
        .map(|f| (f.rust_name.as_str(), f.required))
        .collect();
    assert_eq!(
        fields,
        [
            ("x_request_tag", true),
            ("scope", true),
            ("verbose", false),
            ("note", false),
            ("name", true),
            ("kind", true),
            ("tags", true),
        ]
    );
    assert!(!params(create).derives_default());
    assert!(!params(operation(api, "ListThing")).derives_default());
    assert!(params(operation(api, "ListOther")).derives_default());
    // A readOnly property is never sent, so never required of a request.
    let update = operation(api, "UpdateThing");
    assert_eq!(
        constructor(update),
        [
            "since", "count", "ratio", "active", "settings", "levels", "kinds", "grid", "label"
        ]
    );

    // The example without the required `Kind` cannot be decoded into the
    // params: it is neither tested nor used for the doc example. The other
    // is decoded with placeholders for the required header and query values.
    let examples: Vec<&str> = create
        .request_examples
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(examples, ["complete"]);
    assert_eq!(
        create.request_example_others,
        r#"{"Scope":"placeholder","X-Request-Tag":"placeholder"}"#
    );
    assert_eq!(operation(api, "ListOther").request_example_others, "{}");

    let things = squashed(&generated.files["src/resources/things/mod.rs"]);
    for expected in [
        // `new` takes each required value as its setter does.
        "pub fn new(scope: impl Into<String>, x_request_tag: impl Into<String>, name: impl Into<String>, kind: ThingKind, tags: impl IntoIterator<Item = impl Into<String>>,) -> Self",
        "pub fn tags(mut self, values: impl IntoIterator<Item = impl Into<String>>) -> Self { self.tags = values.into_iter().map(Into::into).collect(); self }",
        "pub fn kind(mut self, value: ThingKind) -> Self { self.kind = value; self }",
        "pub fn note(mut self, value: impl Into<String>) -> Self { self.note = Some(value.into()); self }",
        // Required fields hold the value; optional ones an `Option`.
        "pub scope: String,",
        "pub kind: ThingKind,",
        "pub verbose: Option<bool>,",
        // No `Default` where something is required, and decoding without a
        // required field fails.
        "#[derive(Debug, Clone, PartialEq)] #[non_exhaustive] pub struct CreateThingParams {",
        "pub tags: Vec<String>,",
        "6 => f6 = Some(map.next_value::<crate::wire::OneOrMany<_>>()?.0),",
        r#"tags: crate::wire::required(f6, "Tags")?,"#,
        r#"kind: crate::wire::required(f5, "Kind")?,"#,
        // An optional field is read straight into its `Option`.
        "2 => f2 = map.next_value()?,",
        // Required values are always sent.
        r#"self.scope.push_to("Scope", &mut out);"#,
        r#"self.x_request_tag.push_to("X-Request-Tag", &mut out);"#,
        r#"self.tags.push_to("Tags", &mut out);"#,
        // Nine arguments are more than clippy allows by default.
        "#[allow(clippy::too_many_arguments)] pub fn new(since: DateTime<Utc>, count: i32,",
        // Doc examples call `new` with the spec's example values, or with
        // placeholders of the argument's type where it has none.
        r#"let params = CreateThingParams::new("SCOPE", "X_REQUEST_TAG", "Lamp", ThingKind::Small, ["red", "round"]) /// .note("hello");"#,
        r#"let params = UpdateThingParams::new(chrono::DateTime::<chrono::Utc>::default(), 1, 1.0, true, serde_json::json!({}), [1], [ThingKind::Small], [Vec::new()], "LABEL");"#,
    ] {
        assert!(
            things.contains(&squashed(expected)),
            "not generated: {expected}"
        );
    }
    // With nothing required: `Default`, and `new()` without arguments.
    let others = squashed(&generated.files["src/resources/others/mod.rs"]);
    for expected in [
        "#[derive(Debug, Clone, Default, PartialEq)] #[non_exhaustive] pub struct ListOtherParams {",
        "pub fn new() -> Self { Self::default() }",
        "let page = client.others().list(&ListOtherParams::new()).await?;",
    ] {
        assert!(
            others.contains(&squashed(expected)),
            "not generated: {expected}"
        );
    }
    let lib = squashed(&generated.files["src/lib.rs"]);
    let stream = r#"client.things().stream(&ListThingParams::new("OWNER"));"#;
    assert!(lib.contains(&squashed(stream)), "not generated: {stream}");
}

#[test]
fn a_spec_without_servers_gives_a_client_without_a_default_host() {
    let api = generate("no_servers.yaml");
    assert_eq!(api.base_url, None);
    let generated = codegen::generate(
        Path::new("fixtures/constructs/no_servers.yaml"),
        &codegen::Options::default(),
    )
    .unwrap();
    let client = &generated.files["src/client.rs"];
    // Nothing that needs a default host: no constant, no `Client::new` or
    // `Client::from_env` that could only fail, no region or edge.
    for absent in [
        "DEFAULT_BASE_URL",
        "pub fn new(",
        "pub fn from_env() -> Result<Client, Error>",
        "pub fn region(",
        "pub fn edge(",
    ] {
        assert!(!client.contains(absent), "{absent}");
    }
    assert!(client.contains("pub fn from_env() -> Result<ClientBuilder"));
    assert!(client.contains("set one with `ClientBuilder::base_url`"));
    assert!(generated.files["src/lib.rs"].contains("//! # The server"));
    assert!(generated.files["README.md"].contains("names `base_url`"));

    // An empty list is the same as none (OpenAPI's `/`); a spec with a
    // server keeps it as the default, without a trailing `/`.
    let text = std::fs::read_to_string("fixtures/constructs/no_servers.yaml").unwrap();
    for (servers, expected) in [
        ("servers: []", None),
        (
            "servers: [{ url: 'https://notes.example.com/' }, { url: 'https://b.example.com' }]",
            Some("https://notes.example.com"),
        ),
    ] {
        let api = codegen::generate_from_str(
            Path::new("servers.yaml"),
            &format!("{text}\n{servers}\n"),
            &codegen::Options::default(),
        )
        .unwrap_or_else(|err| panic!("{servers}: {err}"))
        .api;
        assert_eq!(api.base_url.as_deref(), expected, "{servers}");
    }
}

#[test]
fn maps_as_whole_answers_and_other_written_types_are_imported_where_written() {
    let generated = codegen::generate(
        Path::new("fixtures/constructs/map_answers.yaml"),
        &codegen::Options::default(),
    )
    .unwrap_or_else(|err| panic!("{err}"));
    let api = &generated.api;
    assert!(api.skipped.is_empty(), "{:?}", api.skipped);
    let answer = |id: &str| match &operation(api, id).response {
        ResponseKind::Json(ty) => ty.to_string(),
        ResponseKind::Page { item, .. } => format!("Page<{item}>"),
        ResponseKind::Empty => "()".to_owned(),
        ResponseKind::Binary => "Download".to_owned(),
    };
    for (id, expected) in [
        ("FetchEmojis", "BTreeMap<String, String>"),
        ("FetchCounts", "BTreeMap<String, i64>"),
        ("FetchTeams", "BTreeMap<String, Team>"),
        ("UpdateTeams", "BTreeMap<String, Team>"),
        ("FetchSchedule", "BTreeMap<String, Vec<DateTime<Utc>>>"),
        ("FetchLastSeen", "BTreeMap<String, DateTime<Utc>>"),
        ("FetchNow", "DateTime<Utc>"),
        ("FetchHolidays", "Vec<chrono::NaiveDate>"),
        ("FetchSettings", "serde_json::Value"),
        ("UpdateSettings", "BTreeMap<String, String>"),
        ("ListTally", "Page<BTreeMap<String, i64>>"),
    ] {
        assert_eq!(answer(id), expected, "{id}");
    }
    let body = operation(api, "UpdateTeams").body.as_ref().unwrap();
    assert_eq!(body.arg_type, "&BTreeMap<String, Team>");
    assert_eq!(
        as_owned(param_types(operation(api, "UpdateSettings"))),
        owned(&[
            ("labels", "serde_json::Value"),
            ("until", "DateTime<Utc>"),
            ("day", "chrono::NaiveDate"),
        ])
    );

    // Each module imports what it writes by its short name, and nothing
    // else: `NaiveDate` and `Value` are always spelled out.
    const MAP: &str = "use std::collections::BTreeMap;";
    const CHRONO: &str = "use chrono::{DateTime, Utc};";
    for (module, map, chrono, named) in [
        ("emojis", true, false, ""),
        ("counts", true, false, ""),
        ("teams", true, false, "pub use models::*;"),
        ("schedule", true, true, ""),
        ("last_seen", true, true, ""),
        ("now", false, true, ""),
        ("holidays", false, false, ""),
        ("settings", true, true, ""),
        ("tallies", true, false, ""),
    ] {
        let text = &generated.files[&format!("src/resources/{module}/mod.rs")];
        assert_eq!(text.contains(MAP), map, "{module}:\n{text}");
        assert_eq!(text.contains(CHRONO), chrono, "{module}:\n{text}");
        assert!(text.contains(named), "{module}:\n{text}");
        assert!(!text.contains("use chrono::NaiveDate") && !text.contains("use serde_json"));
    }
    // The spec's examples are checked with the types spelled out, whatever
    // the examples module imports.
    let examples: String = generated
        .files
        .iter()
        .filter(|(path, _)| path.ends_with("/tests.rs"))
        .map(|(_, text)| text.as_str())
        .collect();
    assert!(
        examples.contains("std::collections::BTreeMap<String, i64>"),
        "{examples}"
    );
}

#[test]
fn servers_only_on_paths_and_operations_give_each_its_host() {
    let api = generate("path_servers.yaml");
    assert_eq!(api.base_url.as_deref(), Some("https://rooms.example.com"));
    assert_eq!(
        api.hosts,
        [
            "https://recordings.example.com",
            "https://archive.example.com"
        ]
    );
    let host = |id: &str| operation(&api, id).host;
    assert_eq!(
        host("ListRoom"),
        None,
        "the first host named is the default"
    );
    assert_eq!(host("FetchRoom"), None, "a trailing `/` is the same host");
    assert_eq!(host("FetchRecording"), Some(0));
    assert_eq!(
        host("DeleteRecording"),
        Some(1),
        "an operation's own server wins"
    );
}
