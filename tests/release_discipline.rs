//! Release discipline, checked on every commit: when `spec/conversations_v1.yaml`
//! differs in wire facts from the previous commit's (the first parent's, so
//! a merge is compared with the branch it was merged into), `info.version`
//! must have moved at least as far as `cargo xtask compare` requires, and
//! `generated-client/CHANGELOG.md` must have an entry for the new version.
//! (`cargo xtask release` does both.) A spec whose text changed but whose
//! wire facts did not needs no bump.
//!
//! Needs git and the previous commit. Under CI their absence is a failure;
//! elsewhere the test is skipped with a printed reason.

use std::fs;
use std::path::Path;
use std::process::Command;

use codegen::compare::{self, Release};
use xtask::changelog::{Level, Version, has_entry};

const SPEC: &str = "spec/conversations_v1.yaml";

/// `info.version` of the spec at `path`.
fn version_of(path: &Path) -> Result<Version, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let spec: serde_yaml::Value =
        serde_yaml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let version = spec["info"]["version"].as_str().unwrap_or_default();
    Version::parse(version)
        .ok_or_else(|| format!("{}: info.version `{version}` is not X.Y.Z", path.display()))
}

/// Checks that going from the spec `old` to `new` bumps the version as far
/// as the wire differences require and that `changelog` has its entry.
/// `Ok(None)` when the wire facts are the same; `Ok(Some(version))` when a
/// release `version` was made as required.
fn check(old: &Path, new: &Path, changelog: &str) -> Result<Option<Version>, String> {
    let facts = |path: &Path| compare::facts_of(path).map_err(|e| e.to_string());
    let report = compare::diff(&facts(old)?, &facts(new)?);
    let required = match report.release() {
        None => return Ok(None),
        Some(Release::Minor) => Level::Minor,
        Some(Release::Major) => Level::Major,
    };
    let (from, to) = (version_of(old)?, version_of(new)?);
    let bumped = from.level_to(to);
    if bumped.is_none_or(|level| level < required) {
        return Err(format!(
            "the spec's wire facts changed ({}), which calls for a {required} release, \
             but info.version went from {from} to {to}: it must be at least {}; \
             `cargo xtask release` bumps it and writes the changelog",
            report.summary(),
            from.bump(required)
        ));
    }
    if !has_entry(changelog, &to.to_string()) {
        return Err(format!(
            "generated-client/CHANGELOG.md has no entry `## [{to}]` for the new version; \
             `cargo xtask release` writes it"
        ));
    }
    Ok(Some(to))
}

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
}

#[test]
fn a_wire_change_since_the_previous_commit_is_released() {
    let root = workspace_tests::root();
    let previous = Command::new("git")
        .arg("-C")
        .arg(&root)
        .args(["show", &format!("HEAD~1:{SPEC}")])
        .output();
    let previous = match previous {
        Ok(out) if out.status.success() => out.stdout,
        Ok(out) => {
            let why = String::from_utf8_lossy(&out.stderr);
            // A spec the previous commit did not have has nothing to compare with.
            if why.contains("exists on disk, but not in") {
                eprintln!("the previous commit has no {SPEC}: nothing to compare");
                return;
            }
            assert!(!in_ci(), "git cannot read {SPEC} at HEAD~1: {why}");
            eprintln!("skipped: git cannot read {SPEC} at HEAD~1: {}", why.trim());
            return;
        }
        Err(err) => {
            assert!(!in_ci(), "git is required in CI: {err}");
            eprintln!("skipped: git does not run ({err})");
            return;
        }
    };
    let scratch = tempfile::tempdir().unwrap();
    let old = scratch.path().join("conversations_v1.yaml");
    fs::write(&old, previous).unwrap();
    let changelog =
        fs::read_to_string(root.join("generated-client/CHANGELOG.md")).unwrap_or_default();
    match check(&old, &root.join(SPEC), &changelog) {
        Ok(None) => println!("no wire difference since HEAD~1: no release needed"),
        Ok(Some(version)) => println!("released as {version}"),
        Err(err) => panic!("{err}"),
    }
}

/// A spec of version `version` whose one enum has `values`.
fn spec(dir: &Path, name: &str, version: &str, values: &str, title: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let text = format!(
        "openapi: 3.0.3\ninfo: {{ title: {title}, version: {version} }}\n\
         paths:\n  /v1/Rooms:\n    get:\n      operationId: ListRoom\n      responses:\n\
         \x20       '200':\n          description: OK\n          content:\n\
         \x20           application/json:\n              schema:\n                type: object\n\
         \x20               properties:\n                  kind: {{ type: string, enum: [{values}] }}\n"
    );
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_check_names_the_bump_and_the_entry_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = spec(d, "base.yaml", "1.0.0", "a, b", "Probe");
    let entry = "# Changelog\n\n## [1.1.0] - 2025-02-03\n\n- x\n";

    // The same wire facts in other words: nothing to release.
    let retitled = spec(d, "retitled.yaml", "1.0.0", "b, a", "Probe Renamed");
    assert_eq!(check(&base, &retitled, ""), Ok(None));

    // A new value, not bumped: the error names the release and the version.
    let added = spec(d, "added.yaml", "1.0.0", "a, b, c", "Probe");
    let err = check(&base, &added, entry).unwrap_err();
    assert!(err.contains("calls for a minor release"), "{err}");
    assert!(err.contains("at least 1.1.0"), "{err}");

    // Bumped, with its entry; bumped further than needed is fine too.
    let minor = spec(d, "minor.yaml", "1.1.0", "a, b, c", "Probe");
    assert_eq!(check(&base, &minor, entry), Ok(Version::parse("1.1.0")));
    let major = spec(d, "major.yaml", "2.0.0", "a, b, c", "Probe");
    let err = check(&base, &major, entry).unwrap_err();
    assert!(err.contains("no entry `## [2.0.0]`"), "{err}");

    // Bumped, but without its changelog entry.
    let err = check(&base, &minor, "# Changelog\n\n## [1.0.0] - 2025-01-01\n").unwrap_err();
    assert!(err.contains("no entry `## [1.1.0]`"), "{err}");

    // A removed value breaks: a minor bump is not enough, nor a patch.
    let removed = spec(d, "removed.yaml", "1.1.0", "a", "Probe");
    let err = check(&base, &removed, entry).unwrap_err();
    assert!(err.contains("calls for a major release"), "{err}");
    assert!(err.contains("at least 2.0.0"), "{err}");
    let patch = spec(d, "patch.yaml", "1.0.1", "a, b, c", "Probe");
    assert!(check(&base, &patch, entry).is_err());
}
