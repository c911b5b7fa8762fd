//! The release a spec change calls for, proven on the code we generate:
//! the crate generated from `tests/fixtures/semver/base.yaml` is the
//! baseline, each other fixture there is the same spec with one change, and
//! cargo-semver-checks judges the crate generated from it as a minor release.
//! Twilio's usual changes (a new response property, enum value, optional
//! parameter or operation) must pass; a removed property, a removed enum
//! value and a new required parameter must be found breaking.
//!
//! A retyped property is breaking too, but cargo-semver-checks (0.51) has no
//! lint for a public field whose type changed and passes it as minor; that
//! fixture is run and its verdict printed, and `cargo xtask compare` is what
//! classifies it as breaking.
//!
//! cargo-semver-checks is installed by `cargo xtask test`, which passes its
//! path in `CARGO_SEMVER_CHECKS`. Under CI a missing tool is a failure;
//! elsewhere the test is skipped with a printed reason.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What cargo-semver-checks must say of a fixture's change.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Verdict {
    /// A minor release: no breaking change found.
    Minor,
    /// A breaking change found.
    Major,
    /// Breaking, but outside what cargo-semver-checks can see.
    Unseen,
}

const CHANGES: &[(&str, Verdict)] = &[
    ("new_property", Verdict::Minor),
    ("new_enum_value", Verdict::Minor),
    ("new_optional_parameter", Verdict::Minor),
    ("new_operation", Verdict::Minor),
    ("removed_property", Verdict::Major),
    ("removed_enum_value", Verdict::Major),
    ("new_required_parameter", Verdict::Major),
    ("retyped_property", Verdict::Unseen),
];

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

fn fixture(name: &str) -> PathBuf {
    workspace_tests::root().join(format!("tests/fixtures/semver/{name}.yaml"))
}

/// Generates `name`'s crate into `dir` (outside the workspace) with the
/// workspace's lockfile, so every crate builds from the same dependencies.
fn generate(name: &str, dir: &Path) {
    let generated = codegen::generate(&fixture(name), &codegen::Options::default())
        .unwrap_or_else(|err| panic!("{name}: {err}"));
    codegen::write(&generated, dir).unwrap_or_else(|err| panic!("{name}: {err}"));
    fs::copy(
        workspace_tests::root().join("Cargo.lock"),
        dir.join("Cargo.lock"),
    )
    .unwrap();
}

#[test]
fn cargo_xtask_compare_calls_for_the_release_the_code_needs() {
    use codegen::compare::{self, Release};
    let base = compare::facts_of(&fixture("base")).unwrap_or_else(|err| panic!("{err}"));
    for &(name, verdict) in CHANGES {
        let changed = compare::facts_of(&fixture(name)).unwrap_or_else(|err| panic!("{err}"));
        let report = compare::diff(&base, &changed);
        let expected = match verdict {
            Verdict::Minor => Release::Minor,
            Verdict::Major | Verdict::Unseen => Release::Major,
        };
        assert_eq!(report.release(), Some(expected), "{name}:\n{report}");
    }
}

#[test]
fn additive_changes_are_minor_and_removals_are_major_for_cargo_semver_checks() {
    let Some(tool) = semver_checks() else { return };
    let scratch = std::env::temp_dir().join("twilio-codegen-semver");
    let _ = fs::remove_dir_all(&scratch);
    let base = scratch.join("base");
    generate("base", &base);
    let target = workspace_tests::root().join("target/semver");

    let mut wrong = Vec::new();
    for &(name, verdict) in CHANGES {
        let changed = scratch.join(name);
        generate(name, &changed);
        let output = Command::new(&tool)
            .args(["semver-checks", "check-release", "--release-type", "minor"])
            .arg("--manifest-path")
            .arg(changed.join("Cargo.toml"))
            .arg("--baseline-root")
            .arg(&base)
            .env("CARGO_TARGET_DIR", &target)
            .env_remove("RUSTFLAGS")
            .output()
            .expect("cargo-semver-checks runs");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        // A tool failure (no rustdoc JSON, a build error) is not a verdict.
        let judged = text.contains("Summary");
        assert!(judged, "cargo-semver-checks did not judge {name}:\n{text}");
        let found = if output.status.success() {
            Verdict::Minor
        } else {
            Verdict::Major
        };
        println!("{name}: cargo-semver-checks says {found:?}, expected {verdict:?}");
        if verdict != Verdict::Unseen && found != verdict {
            wrong.push(format!(
                "{name}: expected {verdict:?}, cargo-semver-checks says {found:?}:\n{text}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}
