//! A failed run leaves the output directory byte for byte as it was: a
//! broken spec writes nothing, and `codegen::write` stages every file before
//! replacing any, undoing what it did when a step fails.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every entry under `dir`: files with their bytes, directories and other
/// entries (sockets) with a marker.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(dir).unwrap().display().to_string();
            let kind = fs::symlink_metadata(&path).unwrap().file_type();
            if kind.is_dir() {
                out.insert(format!("{relative}/"), Vec::new());
                pending.push(path);
            } else if kind.is_file() {
                out.insert(relative, fs::read(&path).unwrap());
            } else {
                out.insert(relative, b"<special>".to_vec());
            }
        }
    }
    out
}

/// A directory holding the crate generated from our spec.
fn previous_output() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    codegen::write(&workspace_tests::generate_ours(), dir.path()).unwrap();
    dir
}

/// A crate that differs from ours in almost every file, with new and
/// missing resource modules.
fn other_crate() -> codegen::Generated {
    let spec = workspace_tests::root().join("tests/fixtures/constructs/derived_names.yaml");
    codegen::generate(&spec, &codegen::Options::default()).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn a_broken_spec_leaves_the_previous_output_unchanged() {
    let dir = previous_output();
    let before = tree(dir.path());
    let spec = workspace_tests::root().join("tests/fixtures/broken/bad_structure.yaml");
    // What `cargo xtask generate` does: generate, and write only on success.
    let result = codegen::generate(&spec, &codegen::Options::default())
        .and_then(|generated| codegen::write(&generated, dir.path()));
    let err = result.expect_err("the spec is broken");
    assert!(err.to_string().contains("bad_structure.yaml"), "{err}");
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn a_file_that_cannot_be_staged_leaves_everything_as_it_was() {
    let dir = previous_output();
    // A directory where a temporary file must go: staging fails after some
    // temporary files are already written (Cargo.toml sorts first).
    let blocker = dir.path().join("src/resources/things/mod.rs.codegen-tmp");
    fs::create_dir_all(&blocker).unwrap();
    let before = tree(dir.path());

    let err = codegen::write(&other_crate(), dir.path()).expect_err("staging fails");
    let message = err.to_string();
    assert!(
        message.starts_with("cannot write ") && message.contains("things/mod.rs"),
        "{message}"
    );
    assert_eq!(tree(dir.path()), before, "no temporary file, no change");
}

#[test]
fn a_failure_after_replacing_files_puts_them_back() {
    let dir = previous_output();
    // A stale entry under src/ that cannot be read: the failure comes after
    // every changed file has been renamed into place.
    let socket = dir.path().join("src/zz_socket.rs");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let before = tree(dir.path());

    let err =
        codegen::write(&other_crate(), dir.path()).expect_err("removing the stale entry fails");
    assert!(err.to_string().contains("zz_socket.rs"), "{err}");
    assert_eq!(
        tree(dir.path()),
        before,
        "replaced files restored, new ones removed"
    );
}

#[test]
fn an_output_whose_src_is_a_file_fails_before_writing_anything() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("src"), "not a directory").unwrap();
    let before = tree(dir.path());
    let err = codegen::write(&other_crate(), dir.path()).expect_err("src is a file");
    assert!(err.to_string().starts_with("cannot write "), "{err}");
    assert_eq!(tree(dir.path()), before);
}

/// The folders of `dir` that a write must change, made read-only for as long
/// as it lives: by their mode, or, for root (whom modes do not bind), by the
/// immutable attribute, which binds root too.
struct ReadOnly {
    folders: Vec<std::path::PathBuf>,
    immutable: bool,
    /// What the system says when a write is refused.
    refusal: &'static str,
}

impl ReadOnly {
    /// `None` when neither way makes the folders read-only here.
    fn new(dir: &Path) -> Option<ReadOnly> {
        let folders = vec![dir.to_owned(), dir.join("src"), dir.join("src/resources")];
        let mut read_only = ReadOnly {
            folders,
            immutable: false,
            refusal: "Permission denied",
        };
        read_only.set_mode(0o555);
        if read_only.refuses_writes(dir) {
            return Some(read_only);
        }
        read_only.set_mode(0o755);
        read_only.immutable = true;
        read_only.refusal = "Operation not permitted";
        read_only.chattr("+i");
        read_only.refuses_writes(dir).then_some(read_only)
    }

    fn refuses_writes(&self, dir: &Path) -> bool {
        let probe = dir.join("probe");
        let refused = fs::write(&probe, "").is_err();
        let _ = fs::remove_file(&probe);
        refused
    }

    fn set_mode(&self, mode: u32) {
        use std::os::unix::fs::PermissionsExt;
        for folder in &self.folders {
            fs::set_permissions(folder, fs::Permissions::from_mode(mode)).unwrap();
        }
    }

    /// Runs `chattr` on the folders; whether it succeeds shows in the probe.
    fn chattr(&self, change: &str) {
        let _ = std::process::Command::new("chattr")
            .arg(change)
            .args(&self.folders)
            .status();
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.immutable {
            self.chattr("-i");
        } else {
            self.set_mode(0o755);
        }
    }
}

#[test]
fn a_read_only_output_fails_clearly_and_changes_nothing() {
    let dir = previous_output();
    let Some(read_only) = ReadOnly::new(dir.path()) else {
        assert!(
            std::env::var_os("CI").is_none_or(|v| v.is_empty() || v == "false"),
            "under CI the output must be made read-only, by mode or with `chattr +i`"
        );
        eprintln!("skipped: neither modes nor `chattr +i` make a directory read-only here");
        return;
    };
    let before = tree(dir.path());
    let result = codegen::write(&other_crate(), dir.path());
    let after = tree(dir.path());
    let refusal = read_only.refusal;
    drop(read_only);

    let err = result.expect_err("the directory is read-only");
    let message = err.to_string();
    assert!(
        message.starts_with("cannot write ") && message.contains(refusal),
        "{message}"
    );
    assert_eq!(after, before);
}

#[test]
fn a_new_directory_is_written_whole_with_nothing_left_beside_it() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("client");
    let generated = workspace_tests::generate_ours();
    let report = codegen::write(&generated, &dir).unwrap();
    assert_eq!(report.written.len(), generated.files.len());
    assert!(report.unchanged.is_empty() && report.removed.is_empty());
    // The same files as written one by one into an existing directory.
    assert_eq!(tree(&dir), tree(previous_output().path()));
    let beside: Vec<_> = fs::read_dir(parent.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(beside, ["client"], "no staging directory is left");
    // Written again, nothing changes.
    let again = codegen::write(&generated, &dir).unwrap();
    assert_eq!(again.unchanged.len(), generated.files.len());
}

#[test]
fn a_new_directory_that_cannot_be_written_is_not_left_behind() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("client");
    let mut generated = workspace_tests::generate_ours();
    // A file under a path that is already a file: its directory cannot be made.
    generated
        .files
        .insert("src/lib.rs/extra.rs".into(), String::new());
    let err = codegen::write(&generated, &dir).expect_err("src/lib.rs is a file");
    let message = err.to_string();
    assert!(
        message.starts_with("cannot write ") && message.contains("client/src/lib.rs/extra.rs"),
        "{message}"
    );
    assert_eq!(
        fs::read_dir(parent.path()).unwrap().count(),
        0,
        "nothing is left"
    );
}
