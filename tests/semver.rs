//! The release a spec change calls for, proven on the code we generate:
//! the crate generated from `tests/fixtures/semver/base.yaml` is the
//! baseline, and each case is that spec with one change, made in code.
//! cargo-semver-checks judges the crate generated from it as a minor
//! release, and `cargo xtask compare` must call for the same release.
//!
//! The cases: one per kind of difference compare classifies (the changes
//! that only touch the wire share one case), and each additive change of
//! `workspace_tests::additive` (the name-stability tests' changes) applied
//! at the first places the base offers for it. A "minor" from compare must
//! never be wrong, so every case compare calls minor must pass
//! cargo-semver-checks; every case it calls major that cargo-semver-checks
//! can see must fail it.
//!
//! Some breaking changes are outside what cargo-semver-checks (0.51) can
//! see: a public field whose type changed, a method whose argument or
//! return type changed, a field renamed to make room for a new one, a model
//! that no longer derives `Default` (a response field no longer an
//! `Option`). Those
//! cases are classified by compare alone; one of them (a retyped response
//! property) is also run, and cargo-semver-checks' verdict printed.
//!
//! cargo-semver-checks is installed by `cargo xtask test`, which passes its
//! path in `CARGO_SEMVER_CHECKS`. Under CI a missing tool is a failure;
//! elsewhere the test is skipped with a printed reason.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::compare::{self, Release};
use serde_json::{Value, json};
use workspace_tests::additive::{Change, read_spec};

/// What a change does to the generated crate.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Verdict {
    /// A minor release: no breaking change.
    Minor,
    /// A breaking change cargo-semver-checks finds.
    Major,
    /// Breaking, but outside what cargo-semver-checks can see.
    Unseen,
}

/// One change to the base spec.
struct Case {
    name: &'static str,
    verdict: Verdict,
    edit: fn(&mut Value),
}

const fn case(name: &'static str, verdict: Verdict, edit: fn(&mut Value)) -> Case {
    Case {
        name,
        verdict,
        edit,
    }
}

use Verdict::{Major, Minor, Unseen};

/// Every kind of difference compare classifies, with what it does to the code.
const CASES: &[Case] = &[
    // Twilio's usual changes.
    case("new_property", Minor, |s| {
        room(s)["topic"] = json!({ "type": "string", "nullable": true })
    }),
    case("new_enum_value", Minor, |s| {
        push(kind_values(s), "broadcast")
    }),
    case("new_optional_parameter", Minor, |s| {
        form(s)["Topic"] = json!({ "type": "string" })
    }),
    case("new_operation", Minor, |s| {
        s["paths"]["/v1/Rooms/{Sid}"]["delete"] = json!({ "operationId": "DeleteRoom", "responses": { "204": { "description": "Gone." } } })
    }),
    // What moves on the wire but not in the Rust API, all at once: servers,
    // status codes, the success code, a maximum, a parameter's location, a
    // format with the same Rust type, a field's presence that keeps its
    // `Option`, a non-string enum's value, the items key and `meta`.
    case("wire_only", Minor, |s| {
        s["servers"] = json!([{ "url": "https://probe-edge.example.com" }]);
        let create = op(s, "/v1/Rooms", "post");
        let created = create["responses"]["201"].take();
        create["responses"] = json!({ "200": created, "404": { "description": "Not found." } });
        let list = op(s, "/v1/Rooms", "get");
        list["parameters"][0]["in"] = json!("header");
        list["parameters"][0]["schema"]["maximum"] = json!(100);
        let page = &mut list["responses"]["200"]["content"]["application/json"]["schema"];
        let items = page["properties"]["rooms"].take();
        page["properties"]["items"] = items;
        page["properties"]["meta"]["properties"]["page"] = json!({ "type": "integer" });
        if let Some(props) = page["properties"].as_object_mut() {
            props.remove("rooms");
        }
        room(s)["friendly_name"]["format"] = json!("uri");
        room(s)["floor"]["enum"] = json!([1, 2]);
        schema(s, "probe.v1.room")["required"] = json!(["sid"]);
    }),
    case("removed_property", Major, |s| remove(room(s), "capacity")),
    case("removed_enum_value", Major, |s| {
        s["components"]["schemas"]["room_enum_kind"]["enum"] = json!(["group"])
    }),
    case("new_required_parameter", Major, |s| {
        form(s)["UniqueName"] = json!({ "type": "string" });
        form_schema(s)["required"] = json!(["UniqueName"]);
    }),
    case("removed_operation", Major, |s| {
        remove(&mut s["paths"]["/v1/Rooms/{Sid}"], "get")
    }),
    case("renamed_operation", Major, |s| {
        op(s, "/v1/Rooms", "post")["operationId"] = json!("AddRoom")
    }),
    case("removed_parameter", Major, |s| {
        op(s, "/v1/Rooms", "get")["parameters"] = json!([])
    }),
    case("parameter_now_required", Major, |s| {
        op(s, "/v1/Rooms", "get")["parameters"][0]["required"] = json!(true)
    }),
    // The first parameter outside the path gives the method a `params` argument.
    case("first_parameter", Major, |s| {
        op(s, "/v1/Rooms/{Sid}", "get")["parameters"] =
            json!([{ "name": "Expand", "in": "query", "schema": { "type": "boolean" } }])
    }),
    // An operation with a cookie parameter is not generated.
    case("cookie_parameter", Major, |s| {
        let list = op(s, "/v1/Rooms", "get");
        push(
            &mut list["parameters"],
            json!({ "name": "Session", "in": "cookie", "schema": { "type": "string" } }),
        );
    }),
    // A field that is no `Option`: the model loses `Default` (which
    // cargo-semver-checks 0.51 does not see), `new` gains it.
    case("required_response_property", Unseen, |s| {
        room(s)["region"] = json!({ "type": "string" });
        schema(s, "probe.v1.room")["required"] = json!(["region"]);
    }),
    case("response_property_now_plain", Unseen, |s| {
        room(s)["sid"] = json!({ "type": "string" });
        schema(s, "probe.v1.room")["required"] = json!(["sid"]);
    }),
    // A value named like the catch-all variant takes its name.
    case("unknown_enum_value", Major, |s| {
        push(kind_values(s), "unknown")
    }),
    case("json_additive", Minor, |s| {
        let create = op(s, "/v1/Rooms/{Sid}/Notes", "post");
        let content = &mut create["requestBody"]["content"];
        let media = content["application/json"].take();
        *content = json!({ "application/vnd.probe+json": media });
        note_request(s)["color"] = json!({ "type": "string" });
    }),
    case("json_body_added", Major, |s| {
        op(s, "/v1/Rooms/{Sid}", "post")["requestBody"] = json!({ "content": {
            "application/json": { "schema": { "type": "object", "properties": {
                "friendly_name": { "type": "string" } } } } } })
    }),
    case("json_body_removed", Major, |s| {
        remove(op(s, "/v1/Rooms/{Sid}/Notes", "post"), "requestBody")
    }),
    case("json_required_property", Major, |s| {
        note_request(s)["author"] = json!({ "type": "string" });
        schema(s, "probe.v1.note_request")["required"] = json!(["text", "author"]);
    }),
    case("json_property_removed", Major, |s| {
        remove(note_request(s), "pinned")
    }),
    // A tagged union is a `#[non_exhaustive]` enum with a catch-all.
    case("union_tag_added", Minor, |s| {
        schema(s, "probe.v1.poll")["type"] = json!("object");
        schema(s, "probe.v1.poll")["properties"] = json!({ "kind": { "type": "string" } });
        let union = schema(s, "note_attachment");
        push(
            &mut union["oneOf"],
            json!({ "$ref": "#/components/schemas/probe.v1.poll" }),
        );
        union["discriminator"]["mapping"]["poll"] = json!("#/components/schemas/probe.v1.poll");
    }),
    case("union_tag_removed", Major, |s| {
        let union = schema(s, "note_attachment");
        union["oneOf"] = json!([{ "$ref": "#/components/schemas/probe.v1.file" }]);
        remove(&mut union["discriminator"]["mapping"], "link");
    }),
    case("json_property_now_required", Major, |s| {
        schema(s, "probe.v1.note_request")["required"] = json!(["text", "pinned"])
    }),
    case("retyped_property", Unseen, |s| {
        room(s)["capacity"] = json!({ "type": "string", "nullable": true })
    }),
    case("retyped_parameter", Unseen, |s| {
        op(s, "/v1/Rooms", "get")["parameters"][0]["schema"] = json!({ "type": "string" })
    }),
    case("date_format", Unseen, |s| {
        room(s)["friendly_name"]["format"] = json!("date")
    }),
    // `FriendlyName` comes first, takes `friendly_name` and renames the old one.
    case("colliding_property", Unseen, |s| {
        let props = room(s).take();
        let mut map = serde_json::Map::new();
        map.insert("FriendlyName".into(), json!({ "type": "string" }));
        map.extend(props.as_object().cloned().unwrap_or_default());
        *room(s) = Value::Object(map);
    }),
    case("response_body_kind", Unseen, |s| {
        op(s, "/v1/Rooms/{Sid}", "get")["responses"] = json!({ "204": { "description": "Seen." } })
    }),
    case("json_property_retyped", Unseen, |s| {
        note_request(s)["text"] = json!({ "type": "integer" })
    }),
];

/// The one case outside cargo-semver-checks' sight that it runs anyway,
/// to print what it says.
const UNSEEN_RUN: &str = "retyped_property";

fn schema<'s>(spec: &'s mut Value, name: &str) -> &'s mut Value {
    &mut spec["components"]["schemas"][name]
}

fn room(spec: &mut Value) -> &mut Value {
    &mut schema(spec, "probe.v1.room")["properties"]
}

fn note_request(spec: &mut Value) -> &mut Value {
    &mut schema(spec, "probe.v1.note_request")["properties"]
}

fn kind_values(spec: &mut Value) -> &mut Value {
    &mut schema(spec, "room_enum_kind")["enum"]
}

fn op<'s>(spec: &'s mut Value, path: &str, method: &str) -> &'s mut Value {
    &mut spec["paths"][path][method]
}

fn form_schema(spec: &mut Value) -> &mut Value {
    &mut op(spec, "/v1/Rooms", "post")["requestBody"]["content"]["application/x-www-form-urlencoded"]
        ["schema"]
}

fn form(spec: &mut Value) -> &mut Value {
    &mut form_schema(spec)["properties"]
}

fn push(array: &mut Value, value: impl Into<Value>) {
    array
        .as_array_mut()
        .expect("the base has this array")
        .push(value.into());
}

fn remove(object: &mut Value, key: &str) {
    let removed = object.as_object_mut().and_then(|o| o.remove(key));
    assert!(removed.is_some(), "the base has no `{key}` to remove");
}

fn base() -> Value {
    read_spec(&workspace_tests::root().join("tests/fixtures/semver/base.yaml"))
}

/// The additive changes, each at the first two places the base offers for
/// it (where there are two).
fn additive_specs() -> Vec<(String, Value)> {
    Change::ALL
        .iter()
        .map(|change| {
            let mut spec = base();
            let applied: Vec<bool> = (0..2).map(|site| change.apply(&mut spec, site)).collect();
            assert!(applied[0], "{change:?} has no place in the base spec");
            (format!("additive_{change:?}"), spec)
        })
        .collect()
}

/// Writes `spec` as `dir/spec.json`; the base is written the same way, so
/// the two differ only by the change.
fn write_spec(spec: &Value, dir: &Path) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    let path = dir.join("spec.json");
    fs::write(&path, serde_json::to_string_pretty(spec).unwrap()).unwrap();
    path
}

fn release_of(from: &Path, to: &Path) -> (Option<Release>, String) {
    let from = compare::facts_of(from).unwrap_or_else(|err| panic!("{err}"));
    let to = compare::facts_of(to).unwrap_or_else(|err| panic!("{err}"));
    let report = compare::diff(&from, &to);
    (report.release(), report.to_string())
}

fn expected_release(verdict: Verdict) -> Release {
    match verdict {
        Minor => Release::Minor,
        Major | Unseen => Release::Major,
    }
}

#[test]
fn cargo_xtask_compare_calls_for_the_release_the_code_needs() {
    let scratch = tempfile::tempdir().unwrap();
    let base = write_spec(&base(), &scratch.path().join("base"));
    let mut wrong = Vec::new();
    for case in CASES {
        let mut spec = read_spec(&base);
        (case.edit)(&mut spec);
        let changed = write_spec(&spec, &scratch.path().join(case.name));
        let (release, report) = release_of(&base, &changed);
        if release != Some(expected_release(case.verdict)) {
            wrong.push(format!(
                "{}: compare says {release:?}:\n{report}",
                case.name
            ));
        }
    }
    // An additive change calls for a minor release, or none when the wire
    // facts stay the same.
    for (name, spec) in additive_specs() {
        let changed = write_spec(&spec, &scratch.path().join(&name));
        let (release, report) = release_of(&base, &changed);
        if release == Some(Release::Major) {
            wrong.push(format!("{name}: compare says major:\n{report}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn a_retyped_public_field_is_breaking_for_compare() {
    // cargo-semver-checks has no lint for it; compare must say major.
    let scratch = tempfile::tempdir().unwrap();
    let base = write_spec(&base(), &scratch.path().join("base"));
    let mut spec = read_spec(&base);
    room(&mut spec)["capacity"] = json!({ "type": "string", "nullable": true });
    let changed = write_spec(&spec, &scratch.path().join("changed"));
    let (release, report) = release_of(&base, &changed);
    assert_eq!(release, Some(Release::Major), "{report}");
    assert!(
        report.contains("breaking  response property `capacity`: type integer → string"),
        "{report}"
    );
}

fn semver_checks() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CARGO_SEMVER_CHECKS") {
        return Some(PathBuf::from(path));
    }
    let on_path = Command::new("cargo-semver-checks")
        .args(["semver-checks", "--version"])
        .output()
        .is_ok_and(|out| out.status.success());
    if on_path {
        return Some(PathBuf::from("cargo-semver-checks"));
    }
    if std::env::var_os("CI").is_some() {
        panic!("cargo-semver-checks is missing; `cargo xtask test` installs it");
    }
    eprintln!("skipped: cargo-semver-checks is not installed (`cargo xtask test` installs it)");
    None
}

/// Generates the crate of `spec` into `dir` (outside the workspace) with the
/// workspace's lockfile, so every crate builds from the same dependencies.
fn generate(spec: &Path, dir: &Path) {
    let generated = codegen::generate(spec, &codegen::Options::default())
        .unwrap_or_else(|err| panic!("{}: {err}", spec.display()));
    codegen::write(&generated, dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
    fs::copy(
        workspace_tests::root().join("Cargo.lock"),
        dir.join("Cargo.lock"),
    )
    .unwrap();
}

/// cargo-semver-checks' verdict on `changed` as a minor release of `base`:
/// `Minor` when it passes, `Major` when it finds a breaking change.
fn judge(tool: &Path, base: &Path, changed: &Path, name: &str) -> (Verdict, String) {
    let output = Command::new(tool)
        .args(["semver-checks", "check-release", "--release-type", "minor"])
        .arg("--manifest-path")
        .arg(changed.join("Cargo.toml"))
        .arg("--baseline-root")
        .arg(base)
        .env(
            "CARGO_TARGET_DIR",
            workspace_tests::root().join("target/semver"),
        )
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo-semver-checks runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    // A tool failure (no rustdoc JSON, a build error) is not a verdict.
    assert!(
        text.contains("Summary"),
        "cargo-semver-checks did not judge {name}:\n{text}"
    );
    let found = if output.status.success() {
        Minor
    } else {
        Major
    };
    (found, text)
}

#[test]
fn cargo_semver_checks_agrees_with_each_verdict() {
    let Some(tool) = semver_checks() else { return };
    let scratch = std::env::temp_dir().join("twilio-codegen-semver");
    let _ = fs::remove_dir_all(&scratch);
    let base_spec = write_spec(&base(), &scratch.join("specs/base"));
    let base = scratch.join("base");
    generate(&base_spec, &base);

    let mut runs: Vec<(String, Verdict, Value)> = Vec::new();
    for case in CASES {
        if case.verdict == Unseen && case.name != UNSEEN_RUN {
            continue;
        }
        let mut spec = read_spec(&base_spec);
        (case.edit)(&mut spec);
        runs.push((case.name.to_owned(), case.verdict, spec));
    }
    for (name, spec) in additive_specs() {
        runs.push((name, Minor, spec));
    }

    let mut wrong = Vec::new();
    for (name, verdict, spec) in runs {
        let spec = write_spec(&spec, &scratch.join("specs").join(&name));
        let changed = scratch.join(&name);
        generate(&spec, &changed);
        let (found, text) = judge(&tool, &base, &changed, &name);
        println!("{name}: cargo-semver-checks says {found:?}, expected {verdict:?}");
        if verdict != Unseen && found != verdict {
            wrong.push(format!(
                "{name}: expected {verdict:?}, cargo-semver-checks says {found:?}:\n{text}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}
