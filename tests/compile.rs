//! Any name compiles: every spec in `tests/fixtures/constructs/` (odd names,
//! keywords, collisions, recursive models, maps, compositions, required
//! parameters of every type...) is generated into a crate, built with cargo,
//! and its own unit tests (the runtime's, and one per spec example) and doc
//! tests (one per operation, with placeholders where the spec has no
//! example value, and the `mock` module's, run against the mock) are run,
//! with the `mock` feature on.
//!
//! The crates go to a temporary workspace outside this one (so this
//! workspace does not claim them), with this workspace's `Cargo.lock` so the
//! dependency versions match, and build into `target/fixture-builds`, which
//! later runs reuse. The workspace is removed when the build passes and kept
//! for a look when it fails.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

#[test]
fn every_construct_fixture_builds() {
    let root = workspace_tests::root();
    let fixtures = root.join("tests/fixtures/constructs");
    let dir = std::env::temp_dir().join(format!("codegen-fixture-builds-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();

    let mut specs: Vec<PathBuf> = fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "json"))
        .collect();
    specs.sort();
    assert!(specs.len() >= 5, "fixtures: {specs:?}");

    let mut members = Vec::new();
    let mut features = vec![
        "fixture-webhooks/webhooks".to_owned(),
        "fixture-webhooks/access-token".to_owned(),
        // The axum extractor and tower layer, with the events' answers and
        // (in a fixture without webhooks) without them.
        "fixture-webhooks/axum".to_owned(),
        "fixture-bodies/axum".to_owned(),
        "fixture-personal-data/redact-personal-data".to_owned(),
    ];
    for spec in &specs {
        let stem = spec
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .replace('_', "-");
        let crate_name = format!("fixture-{stem}");
        let generated = codegen::generate(
            spec,
            &codegen::Options {
                crate_name: Some(crate_name.clone()),
            },
        )
        .unwrap_or_else(|err| panic!("{err}"));
        codegen::write(&generated, &dir.join(&crate_name)).unwrap();
        // Every fixture's typed mock, odd names and all.
        features.push(format!("{crate_name}/mock"));
        members.push(format!("{crate_name:?}"));
    }
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )
    .unwrap();
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let build = |target: &str, offline: bool| {
        let mut command = Command::new(&cargo);
        command
            .current_dir(&dir)
            .args(["test", "--workspace", target, "--quiet"])
            // The runtime and events behind the webhook features, in the
            // fixture that describes webhooks, every fixture's mock, and
            // standard personal data redacted too in the fixture that marks
            // some (the committed crate's tests run with and without it).
            .args(["--features", &features.join(",")])
            .env("CARGO_TARGET_DIR", root.join("target/fixture-builds"))
            // Odd names must give code without a single warning, too.
            .env("RUSTFLAGS", "-D warnings")
            .env("RUSTDOCFLAGS", "-D warnings");
        if offline {
            command.arg("--offline");
        }
        command.output().expect("cargo runs")
    };
    // The unit tests, then the doc tests (cargo runs them separately).
    for target in ["--lib", "--doc"] {
        // Offline first: every dependency is already in the local registry
        // when this workspace has been built; online only if that fails.
        let mut output = build(target, true);
        if !output.status.success() {
            output = build(target, false);
        }
        assert!(
            output.status.success(),
            "`cargo test {target}` fails for the generated crates in {}:\n{}\n{}",
            dir.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let _ = fs::remove_dir_all(&dir);
}
