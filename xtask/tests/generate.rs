//! `cargo xtask generate` as a maintainer runs it: the help, the exit status,
//! one error paragraph, skipped-operation warnings, and an output directory
//! left alone when a run fails.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("xtask runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn help_documents_every_option() {
    let output = xtask(&["generate", "--help"]);
    assert!(output.status.success());
    let help = text(&output.stdout);
    for expected in [
        "Usage: cargo xtask generate [OPTIONS]",
        "--spec <PATH>",
        "[default: spec/conversations_v1.yaml]",
        "--out <DIR>",
        "[default: generated-client]",
        "--crate-name <NAME>",
        "--check",
        "warning: skipped",
        "Exit status",
    ] {
        assert!(
            help.contains(expected),
            "`{expected}` missing from:\n{help}"
        );
    }
}

#[test]
fn a_broken_spec_is_one_error_paragraph_and_changes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let out_arg = out.path().to_str().unwrap();
    let first = xtask(&["generate", "--out", out_arg]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let before = files(out.path());

    for spec in [
        "tests/fixtures/broken/bad_structure.yaml",
        "tests/fixtures/broken/malformed.yaml",
        "tests/fixtures/broken/does_not_exist.yaml",
        "tests/fixtures/broken/openapi_3_1.yaml",
        "tests/fixtures/broken/paths_without_operations.yaml",
        "tests/fixtures/broken/every_operation_skipped.yaml",
    ] {
        let output = xtask(&["generate", "--spec", spec, "--out", out_arg]);
        assert_eq!(output.status.code(), Some(1), "{spec}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.starts_with("error: ") && stderr.trim_end().lines().count() == 1,
            "one `error:` paragraph: {stderr}"
        );
        assert!(
            stderr.contains(spec),
            "the message names the file: {stderr}"
        );
        assert!(output.stdout.is_empty());
        assert_eq!(files(out.path()), before, "{spec} changed the output");
    }
}

#[test]
fn skipped_operations_are_warned_about_and_counted() {
    let out = tempfile::tempdir().unwrap();
    let output = xtask(&[
        "generate",
        "--spec",
        "tests/fixtures/constructs/bodies.yaml",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert_eq!(
        stderr,
        "warning: skipped POST /v1/Media: request bodies of type multipart/form-data cannot be sent: \
         only a form (application/x-www-form-urlencoded) or JSON (application/json, or a +json type)\n"
    );
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains(
            ": 4 operations, 3 models, 0 enums, 1 skipped (1 multipart/form-data body); "
        ),
        "{stdout}"
    );
}

#[test]
fn a_spec_without_operations_is_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("new");
    for spec in [
        "tests/fixtures/broken/empty_paths.yaml",
        "tests/fixtures/broken/paths_without_operations.yaml",
        "tests/fixtures/broken/every_operation_skipped.yaml",
    ] {
        let output = xtask(&["generate", "--spec", spec, "--out", out.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{spec}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.starts_with(&format!("error: {spec}: #/paths: "))
                && stderr.trim_end().lines().count() == 1,
            "one `error:` paragraph at #/paths: {stderr}"
        );
        assert!(output.stdout.is_empty(), "no summary line");
        assert!(!out.exists(), "{spec} created {}", out.display());
    }
}

/// `cargo ARGS` in `dir`, building into `target/scratch-builds` (later runs
/// reuse it): offline first, online only when a dependency is missing.
fn cargo(dir: &Path, args: &[&str]) -> Output {
    let run = |offline: bool| {
        let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        if offline {
            command.arg("--offline");
        }
        command
            .current_dir(dir)
            .args(args)
            .env("CARGO_TARGET_DIR", root().join("target/scratch-builds"))
            .env_remove("RUSTFLAGS")
            .output()
            .expect("cargo runs")
    };
    let output = run(true);
    if output.status.success() {
        output
    } else {
        run(false)
    }
}

/// Copies every file under `from` to the same place under `to`.
fn copy_tree(from: &Path, to: &Path) {
    for (path, bytes) in files(from) {
        let target = to.join(path.strip_prefix(from).unwrap());
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, bytes).unwrap();
    }
}

/// Our spec written anywhere but `generated-client/` is a crate that builds
/// as it is: every target, with no feature and with the features the
/// webhook example needs; and once that example (kept by hand, never
/// generated) is copied in, it builds without them too, as its stand-in.
#[test]
fn our_spec_generated_into_a_new_directory_builds_there() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    let output = xtask(&["generate", "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(!out.join("examples").exists());
    fs::copy(root().join("Cargo.lock"), out.join("Cargo.lock")).unwrap();
    let check = |features: &str| {
        let output = cargo(
            &out,
            &["check", "--all-targets", "--features", features, "--quiet"],
        );
        assert!(
            output.status.success(),
            "`cargo check --all-targets --features {features:?}` in {}:\n{}",
            out.display(),
            text(&output.stderr)
        );
    };
    check("");
    check("webhooks,access-token");
    copy_tree(
        &root().join("generated-client/examples"),
        &out.join("examples"),
    );
    check("");
}
