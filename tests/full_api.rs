//! The generator on Twilio's whole Conversations v1 spec: generate it into a
//! temporary crate, then build it warning-free (clippy `-D warnings`), run
//! its tests (every spec example decodes and encodes back), compile the
//! call chains an app writes (`tests/full_api/api_shape.rs`), check on the
//! wire that required parameters are sent and cannot be left out
//! (`tests/full_api/required.rs`), drive it through its `mock` feature
//! (`tests/full_api/mock.rs`) and run the Prism conformance of every
//! operation but the four that only work with an array form field
//! (`tests/full_api/prism.rs`, which reads `PRISM_URL` from the environment
//! `cargo test` passes on). Among the crate's own tests, one per field
//! Twilio marks as personal data checks that its value stays out of
//! `Debug`; this test checks that every sensitive model field has one and
//! that it passed. The generated crate is named
//! `twilio-conversations`, like the committed one, so the same files build
//! against both (they are test targets of this crate too).
//!
//! The spec is read from `../shared/specs/` at test time. Under CI a missing
//! spec is a failure; elsewhere the test is skipped with a printed reason.

use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::process::Command;

fn cargo(dir: &Path, args: &[&str]) -> String {
    let target = workspace_tests::root().join("target/full-api");
    let output = Command::new(env!("CARGO"))
        .current_dir(dir)
        .args(args)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .env("RUSTDOCFLAGS", "-D warnings")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "`cargo {}` failed in the generated full-API crate:\n{stdout}\n{stderr}",
        args.join(" ")
    );
    println!("cargo {}: ok\n{stdout}", args.join(" "));
    stdout.into_owned()
}

#[test]
fn whole_conversations_api_generates_builds_and_passes_its_tests() {
    let Some(spec) = workspace_tests::twilio_spec() else {
        return;
    };
    // The committed crate's name, so the files copied in below say
    // `use twilio_conversations::...` here as they do in the workspace.
    let options = codegen::Options {
        crate_name: Some("twilio-conversations".into()),
    };
    let generated = codegen::generate(&spec, &options).unwrap_or_else(|err| panic!("{err}"));
    let api = &generated.api;
    assert_eq!(api.operation_count(), 103, "every operation is generated");
    assert!(api.skipped.is_empty(), "skipped: {:?}", api.skipped);
    let longest = api
        .models
        .iter()
        .map(|m| m.name.as_str())
        .chain(api.enums.iter().map(|e| e.name.as_str()))
        .chain(api.resources.iter().map(|r| r.handle.as_str()))
        .max_by_key(|name| name.len())
        .unwrap();
    // A name is its schema's identity: the longest is a resource's name
    // plus a property's (`ServiceConversationWithParticipants` +
    // `WebhookEnabledType`).
    assert!(longest.len() <= 56, "type name too long to read: {longest}");
    let numbered: Vec<&str> = api
        .models
        .iter()
        .map(|m| m.name.as_str())
        .chain(api.enums.iter().map(|e| e.name.as_str()))
        .chain(api.resources.iter().map(|r| r.handle.as_str()))
        .filter(|name| name.ends_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert!(
        numbered.is_empty(),
        "names disambiguated by a number: {numbered:?}"
    );
    // Every field of every model that Twilio marks sensitive has a
    // generated test that its value stays out of `Debug` (run below).
    let sensitive: Vec<(&str, &str)> = api
        .models
        .iter()
        .flat_map(|m| m.fields.iter().map(move |f| (m, f)))
        .filter(|(_, f)| f.pii == Some(codegen::ir::Pii::Sensitive))
        .map(|(m, f)| (m.name.as_str(), f.rust_name.as_str()))
        .collect();
    assert!(
        sensitive.len() >= 16,
        "sensitive model fields: {sensitive:?}"
    );
    let sensitive_tests: Vec<&str> = sensitive
        .iter()
        .map(|(model, field)| {
            api.pii_cases
                .iter()
                .find(|c| c.owner == *model && c.field == *field)
                .unwrap_or_else(|| panic!("no Debug test for {model}.{field}"))
                .test
                .as_str()
        })
        .collect();

    // Outside the workspace, so the workspace root does not claim the crate
    // (nor confuse it with the committed one of the same name). One
    // directory per checkout, so another checkout's run cannot write its
    // own generator's files into the crate being built here, while the path
    // stays the same from run to run and cargo reuses what it built.
    let checkout = {
        let mut hasher = std::hash::DefaultHasher::new();
        workspace_tests::root().hash(&mut hasher);
        hasher.finish()
    };
    let dir = std::env::temp_dir().join(format!("twilio-conversations-full-api-{checkout:016x}"));
    codegen::write(&generated, &dir).unwrap_or_else(|err| panic!("{err}"));
    fs::create_dir_all(dir.join("examples")).unwrap();
    let shape = workspace_tests::root().join("tests/full_api/api_shape.rs");
    fs::copy(shape, dir.join("examples/api_shape.rs")).unwrap();
    // Every operation but the array-only ones has a call there, labelled
    // "METHOD /path (OperationId)" and answered with a status the spec
    // documents.
    let gaps = workspace_tests::prism_coverage_gaps(api, &spec);
    assert!(
        gaps.is_empty(),
        "tests/full_api/prism.rs:\n{}",
        gaps.join("\n")
    );
    fs::create_dir_all(dir.join("tests/prism")).unwrap();
    for file in workspace_tests::PRISM_CALLS {
        let from = workspace_tests::root().join("tests/full_api").join(file);
        fs::copy(from, dir.join("tests").join(file)).unwrap();
    }
    let required = workspace_tests::root().join("tests/full_api/required.rs");
    fs::copy(required, dir.join("tests/required.rs")).unwrap();
    let mock = workspace_tests::root().join("tests/full_api/mock.rs");
    fs::copy(mock, dir.join("tests/mock.rs")).unwrap();
    // The workspace's lockfile pins the same dependency versions we test with.
    fs::copy(
        workspace_tests::root().join("Cargo.lock"),
        dir.join("Cargo.lock"),
    )
    .unwrap();

    // With `mock`: the typed mock of Twilio's spec builds warning-free, its
    // doc example runs, and `tests/mock.rs` drives the crate through it.
    cargo(
        &dir,
        &[
            "clippy",
            "--all-targets",
            "--features",
            "mock",
            "--",
            "-D",
            "warnings",
        ],
    );
    // `cargo test` passes PRISM_URL and CI on; without Prism (outside CI) the
    // conformance tests in there pass after saying they were skipped.
    if std::env::var_os("PRISM_URL").is_none() && std::env::var_os("CI").is_none() {
        println!(
            "skipped: PRISM_URL is not set, so the Prism conformance (tests/full_api/prism.rs) does not run"
        );
    }
    let tested = cargo(&dir, &["test", "--features", "mock"]);
    for test in sensitive_tests {
        // With its struct: in its resource's tests, or redact's for a shared model.
        assert!(
            tested.contains(&format!("::personal_data::{test} ... ok"))
                || tested.contains(&format!("redact::tests::{test} ... ok")),
            "the Debug test {test} did not pass"
        );
    }
    cargo(&dir, &["doc", "--no-deps", "--features", "mock"]);

    // A feature per resource: the client and runtime alone (no resource),
    // one resource with its parent, and a slice of three, each warning-free
    // with and without the mock.
    let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    for slice in [
        "",
        "conversation-messages",
        "conversation-messages,conversation-participants",
    ] {
        for feature in slice.split(',').filter(|f| !f.is_empty()) {
            assert!(
                manifest.contains(&format!("\n{feature} = [")),
                "no feature {feature}"
            );
        }
        for mock in ["", ",mock"] {
            let features = format!(
                "rustls{}{mock}",
                if slice.is_empty() {
                    String::new()
                } else {
                    format!(",{slice}")
                }
            );
            cargo(
                &dir,
                &[
                    "clippy",
                    "--no-default-features",
                    "--features",
                    &features,
                    "--",
                    "-D",
                    "warnings",
                ],
            );
        }
    }
}
