//! Helpers shared by the workspace's test targets.

use std::path::{Path, PathBuf};

pub mod additive;
pub mod scratch;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ lives inside the workspace")
        .to_owned()
}

/// Twilio's published spec, read from `../shared/specs/` beside the project
/// (never copied into it). Under CI a missing file is a failure; elsewhere
/// the caller skips its test, and this says so.
pub fn twilio_spec() -> Option<PathBuf> {
    let spec = root().join("../shared/specs/twilio_conversations_v1.yaml");
    if spec.is_file() {
        return Some(spec);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing; CI must have ../shared beside the project",
            spec.display()
        );
    }
    eprintln!("skipped: {} is missing", spec.display());
    None
}

/// Our spec, `spec/conversations_v1.yaml`.
pub fn our_spec() -> PathBuf {
    root().join("spec/conversations_v1.yaml")
}

/// Generates the crate from our spec, as `cargo xtask generate` does.
pub fn generate_ours() -> codegen::Generated {
    codegen::generate(&our_spec(), &codegen::Options::default())
        .unwrap_or_else(|err| panic!("our spec must generate: {err}"))
}

/// The operations `tests/full_api/prism.rs` does not call: each works only
/// with an array-typed form field (a required `Permission`), and Prism's form
/// parser answers 422 to every array field. They are checked on the wire by
/// `tests/wire/roles.rs` instead.
pub const PRISM_ARRAY_ONLY: [&str; 4] = [
    "CreateRole",
    "UpdateRole",
    "CreateServiceRole",
    "UpdateServiceRole",
];

/// The files of the Prism conformance calls, relative to `tests/full_api/`:
/// `prism.rs` (the test target) first, then its modules.
pub const PRISM_CALLS: [&str; 2] = ["prism.rs", "prism/services.rs"];

/// The text of the Prism conformance calls, [`PRISM_CALLS`] one after the
/// other.
pub fn prism_calls() -> String {
    PRISM_CALLS
        .iter()
        .map(|file| {
            let path = root().join("tests/full_api").join(file);
            std::fs::read_to_string(&path)
                .unwrap_or_else(|err| panic!("{} is readable: {err}", path.display()))
        })
        .collect()
}

/// What `tests/full_api/prism.rs` lacks for the crate `api` generated from
/// `spec`; empty when it has everything:
///
/// - every operation but [`PRISM_ARRAY_ONLY`] has a call
///   `expect("METHOD /path (OperationId)", STATUS, handle.method_with_response(...))`
///   whose STATUS is one of the 2xx the spec documents for it and whose call
///   is the operation's `_with_response` method;
/// - the array-only operations are exactly those with a required array form
///   field, are not called, and are named in the module doc (and in the doc
///   of `tests/wire/roles.rs`, which covers them).
pub fn prism_coverage_gaps(api: &codegen::ir::Api, spec: &Path) -> Vec<String> {
    let mut calls = prism_calls();
    // Operations on other hosts (the Media resource) are Prism-checked
    // against our spec, in their own file.
    calls.push_str(
        &std::fs::read_to_string(root().join("tests/prism_media.rs"))
            .expect("prism_media.rs is readable"),
    );
    let roles = std::fs::read_to_string(root().join("tests/wire/roles.rs"))
        .expect("tests/wire/roles.rs is readable");
    let spec_text = std::fs::read_to_string(spec).expect("the spec is readable");
    let spec: serde_yaml::Value = serde_yaml::from_str(&spec_text).expect("the spec is YAML");
    let module_doc = |text: &str| -> String {
        text.lines()
            .take_while(|l| l.starts_with("//!"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (calls_doc, roles_doc) = (module_doc(&calls), module_doc(&roles));
    let mut gaps = Vec::new();
    for op in api.resources.iter().flat_map(|r| &r.operations) {
        let method = op.http_method.upper();
        let label = format!("{method} {} ({})", op.path, op.operation_id);
        let found = expect_calls(&calls, &label);
        let array_only = op.params.as_ref().is_some_and(|p| {
            p.fields.iter().any(|f| {
                f.required
                    && f.location == codegen::ir::Location::Form
                    && matches!(f.ty, codegen::ir::RustType::Vec(_))
            })
        });
        let excepted = PRISM_ARRAY_ONLY.contains(&op.operation_id.as_str());
        if array_only != excepted {
            gaps.push(format!(
                "{label}: {} a required array form field, but is {} PRISM_ARRAY_ONLY",
                if array_only { "has" } else { "has no" },
                if excepted { "in" } else { "not in" },
            ));
        }
        if excepted {
            if !found.is_empty() {
                gaps.push(format!("{label} is called, but Prism cannot check it"));
            }
            if !calls_doc.contains(&op.operation_id) {
                gaps.push(format!("prism.rs's module doc does not name {label}"));
            }
            if !roles_doc.contains(&op.operation_id) {
                gaps.push(format!(
                    "tests/wire/roles.rs's module doc does not name {label}"
                ));
            }
            continue;
        }
        if found.is_empty() {
            gaps.push(format!(
                "{label} has no `expect(\"{label}\", STATUS, ...)` call"
            ));
        }
        let documented: Vec<u16> =
            spec["paths"][op.path.as_str()][method.to_ascii_lowercase()]["responses"]
                .as_mapping()
                .into_iter()
                .flat_map(|responses| responses.keys())
                .filter_map(|code| match code {
                    serde_yaml::Value::Number(n) => n.as_u64().map(|n| n.to_string()),
                    serde_yaml::Value::String(s) => Some(s.clone()),
                    _ => None,
                })
                .filter_map(|code| code.parse::<u16>().ok())
                .filter(|code| (200..300).contains(code))
                .collect();
        let call = format!(".{}(", op.with_response_method);
        for (status, expression) in found {
            if !documented.contains(&status) {
                gaps.push(format!(
                    "{label} expects {status}; the spec documents {documented:?}"
                ));
            }
            if !expression.contains(&call) {
                gaps.push(format!(
                    "{label} is not a call of `{call}...)`: {expression}"
                ));
            }
        }
    }
    gaps
}

/// Every `expect("LABEL...", STATUS, CALL)` in `text` whose label starts
/// with `label`: the status and the call expression.
fn expect_calls(text: &str, label: &str) -> Vec<(u16, String)> {
    let opening = format!("\"{label}");
    let mut found = Vec::new();
    for (at, _) in text.match_indices(&opening) {
        let before = text[..at].trim_end();
        if !before.ends_with("expect(") {
            continue;
        }
        let rest = &text[at + 1..];
        let Some(end) = rest.find('"') else { continue };
        let after = rest[end + 1..].trim_start();
        let Some(after) = after.strip_prefix(',') else {
            continue;
        };
        let digits: String = after
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let Ok(status) = digits.parse() else { continue };
        let call = after.trim_start()[digits.len()..].trim_start();
        let call = call.strip_prefix(',').unwrap_or(call);
        let call = call.split(".await").next().unwrap_or(call);
        found.push((status, call.trim().to_owned()));
    }
    found
}

/// The Media resource's operations: on the Media Content Service's own host,
/// in our spec and not in Twilio's file, as "METHOD /path (OperationId)".
pub const MEDIA_OPERATIONS: [&str; 3] = [
    "POST /v1/Services/{ChatServiceSid}/Media (CreateServiceMedia)",
    "GET /v1/Services/{ChatServiceSid}/Media/{Sid} (FetchServiceMedia)",
    "GET /v1/Services/{ChatServiceSid}/Media/{Sid}/Content (FetchServiceMediaContent)",
];

/// Our spec's wire facts within the scope of Twilio's file: without the
/// Media resource, whose operations (checked to be exactly
/// [`MEDIA_OPERATIONS`], on `mcs.us1.twilio.com`) Twilio's file leaves out.
pub fn our_facts_in_twilios_scope() -> codegen::compare::Facts {
    let mut ours = codegen::compare::facts_of(&our_spec()).unwrap_or_else(|err| panic!("{err}"));
    let mcs = vec!["https://mcs.us1.twilio.com".to_owned()];
    let media: Vec<String> = ours
        .operations
        .iter()
        .filter(|(_, op)| op.servers.is_some())
        .map(|(key, op)| {
            assert_eq!(op.servers.as_ref(), Some(&mcs), "{key:?}");
            format!(
                "{} {} ({})",
                format!("{:?}", key.method).to_ascii_uppercase(),
                key.path,
                op.operation_id.as_deref().unwrap_or_default()
            )
        })
        .collect();
    let mut expected = MEDIA_OPERATIONS.map(str::to_owned).to_vec();
    expected.sort();
    let mut found = media;
    found.sort();
    assert_eq!(found, expected, "the operations on other hosts");
    ours.operations.retain(|_, op| op.servers.is_none());
    assert_eq!(ours.hosts, mcs.iter().cloned().collect(), "OTHER_HOSTS");
    ours.hosts.clear();
    ours
}
