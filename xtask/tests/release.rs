//! `cargo xtask release` in a throwaway git repository: a small spec
//! committed and tagged v1.0.0, then edited; the release bumps its version as
//! far as the edit requires, regenerates the crate and writes the changelog
//! entry in the crate's Rust names. A release that cannot be made changes
//! nothing. cargo-semver-checks is left out (`semver_checks: false`): the
//! workspace's `semver.rs` confirms the verdicts it would give.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use xtask::release::{Plan, release};

const SPEC: &str = "\
openapi: 3.0.3
info:
  title: Room Probe
  version: 1.0.0
servers: [{ url: \"https://probe.example.com\" }]
paths:
  /v1/Rooms/{Sid}:
    get:
      operationId: FetchRoom
      parameters:
        - { name: Sid, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: The room.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/probe.v1.room' }
components:
  schemas:
    probe.v1.room:
      type: object
      properties:
        sid: { type: string, nullable: true }
        kind: { $ref: '#/components/schemas/room_enum_kind' }
    room_enum_kind:
      type: string
      enum: [group, direct]
";

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?} failed");
}

/// A repository with the spec, its crate and a changelog, committed and
/// tagged v1.0.0 when `tag`.
fn repo(tag: bool) -> (tempfile::TempDir, Plan) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    fs::create_dir_all(root.join("spec")).unwrap();
    let spec = root.join("spec/rooms.yaml");
    fs::write(&spec, SPEC).unwrap();
    let out = root.join("client");
    let generated = codegen::generate(&spec, &codegen::Options::default()).unwrap();
    codegen::write(&generated, &out).unwrap();
    fs::write(
        out.join("CHANGELOG.md"),
        "# Changelog\n\n## [1.0.0] - 2025-01-01\n\nThe first release.\n",
    )
    .unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "v1"]);
    if tag {
        git(root, &["tag", "v1.0.0"]);
    }
    let plan = Plan {
        spec,
        out,
        from: None,
        date: "2025-02-03".into(),
        semver_checks: false,
    };
    (dir, plan)
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.ends_with(".git") {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push((path.clone(), fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

fn edit(plan: &Plan, from: &str, to: &str) {
    let text = fs::read_to_string(&plan.spec).unwrap();
    assert!(text.contains(from));
    fs::write(&plan.spec, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_new_enum_value_is_a_minor_release_named_in_rust() {
    let (dir, plan) = repo(true);
    edit(
        &plan,
        "enum: [group, direct]",
        "enum: [group, direct, broadcast]",
    );
    release(&plan).unwrap_or_else(|err| panic!("{err}"));

    let spec = fs::read_to_string(&plan.spec).unwrap();
    let expected = SPEC
        .replace("version: 1.0.0", "version: 1.1.0")
        .replace("enum: [group, direct]", "enum: [group, direct, broadcast]");
    assert_eq!(spec, expected, "only the version line changes");
    let cargo = fs::read_to_string(plan.out.join("Cargo.toml")).unwrap();
    assert!(cargo.contains("version = \"1.1.0\""), "{cargo}");
    let changelog = fs::read_to_string(plan.out.join("CHANGELOG.md")).unwrap();
    assert!(
        changelog.starts_with(
            "# Changelog\n\n## [1.1.0] - 2025-02-03\n\n### Added\n\n- Rooms\n  - `RoomKind::Broadcast` added\n\n## [1.0.0]"
        ),
        "{changelog}"
    );
    // The crate on disk is what the bumped spec generates.
    let generated = codegen::generate(&plan.spec, &codegen::Options::default()).unwrap();
    assert!(codegen::check(&generated, &plan.out).unwrap().is_empty());
    assert!(plan.out.join("CHANGELOG.md").is_file());
    drop(dir);
}

#[test]
fn a_removal_is_a_major_release() {
    let (_dir, mut plan) = repo(false);
    plan.from = Some("HEAD".into());
    edit(&plan, "        sid: { type: string, nullable: true }\n", "");
    release(&plan).unwrap_or_else(|err| panic!("{err}"));
    let spec = fs::read_to_string(&plan.spec).unwrap();
    assert!(spec.contains("  version: 2.0.0\n"), "{spec}");
    let changelog = fs::read_to_string(plan.out.join("CHANGELOG.md")).unwrap();
    assert!(
        changelog.contains(
            "## [2.0.0] - 2025-02-03\n\n### Removed\n\n- Rooms\n  - `Room::sid` removed\n"
        ),
        "{changelog}"
    );
    assert!(!changelog.contains("### Changed"), "said once: {changelog}");
}

#[test]
fn a_new_required_argument_is_said_in_wire_terms() {
    let (_dir, plan) = repo(true);
    edit(
        &plan,
        "        - { name: Sid, in: path, required: true, schema: { type: string } }
",
        "        - { name: Sid, in: path, required: true, schema: { type: string } }
        - { name: Region, in: query, required: true, schema: { type: string } }
",
    );
    release(&plan).unwrap_or_else(|err| panic!("{err}"));
    let changelog = fs::read_to_string(plan.out.join("CHANGELOG.md")).unwrap();
    let entry = "## [2.0.0] - 2025-02-03

### Added

- Rooms
  - `FetchRoomParams` added
  - `FetchRoomParams::region` added

### Changed

- Rooms
  - breaking on the wire: FetchRoom (GET /v1/Rooms/{Sid}): parameter Region added (query, required, string)

## [1.0.0]";
    assert!(changelog.contains(entry), "{changelog}");
}

#[test]
fn a_release_that_cannot_be_made_changes_nothing() {
    // No tag and no --from.
    let (dir, plan) = repo(false);
    edit(
        &plan,
        "enum: [group, direct]",
        "enum: [group, direct, broadcast]",
    );
    let before = snapshot(dir.path());
    let err = release(&plan).unwrap_err();
    assert!(err.contains("no release tag vX.Y.Z found"), "{err}");
    assert!(err.contains("--from"), "{err}");
    assert_eq!(snapshot(dir.path()), before);

    // An unknown ref.
    let unknown = Plan {
        from: Some("no-such-ref".into()),
        ..plan
    };
    let err = release(&unknown).unwrap_err();
    assert!(err.contains("at no-such-ref"), "{err}");
    assert_eq!(snapshot(dir.path()), before);

    // Nothing changed since the release.
    let (dir, plan) = repo(true);
    let before = snapshot(dir.path());
    let err = release(&plan).unwrap_err();
    assert!(err.contains("unchanged since v1.0.0"), "{err}");
    assert_eq!(snapshot(dir.path()), before);

    // A spec that no longer generates.
    edit(&plan, "openapi: 3.0.3", "openapi: 3.1.0");
    let before = snapshot(dir.path());
    assert!(release(&plan).is_err());
    assert_eq!(snapshot(dir.path()), before);
}
