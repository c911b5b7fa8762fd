//! What a reviewer needs to see of the generator's output, snapshotted with
//! insta: from our spec, the runtime files, the manifest and one
//! representative resource (`resources/conversations/`); from each small
//! fixture spec in `tests/fixtures/constructs/`, the files that say what the
//! spec declares (the crate page, models, enums and resources; the runtime
//! files are the ones above, with the fixture's names in their imports).
//! The `mock` module's runtime is snapshotted from our spec; each resource's
//! part of the mock lives in its folder (`resources/<module>/mock.rs`).
//!
//! The rest of the committed crate is checked byte for byte by
//! `cargo xtask generate --check` (and `tests/freshness.rs`), so repeating its
//! thousands of lines here would add noise, not review. A change to a template
//! or to the lowering shows up here as a reviewable diff (`cargo insta
//! review`). CI runs with `INSTA_UPDATE=no`, so a changed snapshot fails the
//! build until it is reviewed and committed.

/// The files of our crate that are snapshotted.
const OURS: &[&str] = &[
    "Cargo.toml",
    "rustfmt.toml",
    "src/client.rs",
    "src/error.rs",
    "src/pagination.rs",
    "src/pending.rs",
    "src/telemetry.rs",
    "src/wire.rs",
    "src/redact.rs",
    "src/signature.rs",
    "src/webhook_config.rs",
    "src/webhook_layer.rs",
    "src/webhook_axum.rs",
    "src/access_token.rs",
    "src/mock.rs",
    "src/resources/conversations/mod.rs",
    "src/resources/conversations/mock.rs",
    "src/resources/conversations/tests.rs",
];

/// Whether a fixture's file is snapshotted: what the spec declares.
fn declares_the_spec(path: &str) -> bool {
    matches!(path, "src/lib.rs")
        || path.starts_with("src/types/")
        || path.starts_with("src/resources/")
}

fn settings(dir: &str) -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

#[test]
fn runtime_and_a_representative_resource_match_their_snapshots() {
    let generated = workspace_tests::generate_ours();
    settings("snapshots").bind(|| {
        for path in OURS {
            let content = generated
                .files
                .get(*path)
                .unwrap_or_else(|| panic!("our spec no longer generates {path}"));
            insta::assert_snapshot!(path.replace('/', "__"), content);
        }
    });
}

#[test]
fn each_fixture_spec_matches_its_snapshots() {
    let fixtures = workspace_tests::root().join("tests/fixtures/constructs");
    let mut specs: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    specs.sort();
    assert!(specs.len() >= 5, "fixtures: {specs:?}");
    for spec in specs {
        let stem = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let generated = codegen::generate(&spec, &codegen::Options::default())
            .unwrap_or_else(|err| panic!("{}: {err}", spec.display()));
        settings("snapshots/fixtures").bind(|| {
            for (path, content) in &generated.files {
                if !declares_the_spec(path) {
                    continue;
                }
                let name = format!("{stem}__{}", path.replace('/', "__"));
                insta::assert_snapshot!(name, content);
            }
        });
    }
}

#[test]
fn generation_is_deterministic() {
    let first = workspace_tests::generate_ours();
    let second = workspace_tests::generate_ours();
    assert_eq!(first.files, second.files);
}
