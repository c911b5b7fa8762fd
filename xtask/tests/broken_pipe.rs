//! A reader of stdout that goes away (`cargo xtask compare ... | head`)
//! ends nothing but the output: each command that writes to stdout, run
//! with a pipe whose reading end is already closed, says nothing on stderr
//! (no panic) and exits with the status it has when its output is read.
//!
//! The reading end is closed before the command starts, so its first write
//! to stdout fails with `EPIPE` every time, whatever the timing.

#![cfg(unix)]

use std::fs::File;
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// The writing end of a pipe whose reading end is closed.
fn widowed_pipe() -> File {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors `pipe` writes.
    let made = unsafe { libc::pipe(fds.as_mut_ptr()) };
    assert_eq!(made, 0, "pipe: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened by `pipe` and are owned here
    // alone; each is closed once, when its `OwnedFd` drops.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    File::from(write)
}

/// Runs xtask with `args` and its stdout on a pipe nobody reads; its exit
/// status and stderr.
fn run_unread(args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(root())
        .args(args)
        .stdin(Stdio::null())
        .stdout(widowed_pipe())
        .stderr(Stdio::piped())
        .output()
        .expect("xtask runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `(args, the exit status they have with a reader)`.
fn commands(out: &Path) -> Vec<(Vec<String>, i32)> {
    let out = out.to_str().unwrap();
    let fixture = |name: &str| format!("tests/fixtures/compare/{name}");
    let owned = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    vec![
        // Differences: exit status 1.
        (
            owned(&[
                "compare",
                "--spec",
                &fixture("operations/from.yaml"),
                "--with",
                &fixture("operations/to.yaml"),
            ]),
            1,
        ),
        // None: 0.
        (
            owned(&[
                "compare",
                "--spec",
                &fixture("equivalent/refs.yaml"),
                "--with",
                &fixture("equivalent/inline.yaml"),
            ]),
            0,
        ),
        (
            owned(&[
                "generate",
                "--spec",
                "tests/fixtures/constructs/required.yaml",
                "--out",
                out,
            ]),
            0,
        ),
        // The crate just written is up to date.
        (
            owned(&[
                "generate",
                "--spec",
                "tests/fixtures/constructs/required.yaml",
                "--out",
                out,
                "--check",
            ]),
            0,
        ),
        (owned(&["--help"]), 0),
        (owned(&["compare", "--help"]), 0),
        (owned(&["test", "--help"]), 0),
        (owned(&["bench-build", "--help"]), 0),
    ]
}

#[test]
fn commands_whose_output_nobody_reads_exit_quietly_with_their_status() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    for (args, status) in commands(&out) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, stderr) = run_unread(&args);
        assert_eq!(stderr, "", "xtask {args:?} wrote to stderr");
        assert_eq!(code, Some(status), "xtask {args:?}");
    }
    // The work was done, only its summary went unread.
    assert!(out.join("src/lib.rs").is_file());
}

/// The same commands with their output read print what they do, so the
/// test above saw writes fail, not commands that print nothing.
#[test]
fn the_same_commands_print_when_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    for (args, status) in commands(&out) {
        let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .current_dir(root())
            .args(&args)
            .output()
            .expect("xtask runs");
        assert_eq!(output.status.code(), Some(status), "xtask {args:?}");
        assert!(!output.stdout.is_empty(), "xtask {args:?} printed nothing");
    }
}

/// Output that cannot be written for another reason (a full disk) is an
/// error: said once on stderr, and exit status 1 even when the command
/// succeeded.
#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_device_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("Linux has /dev/full");
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(root())
        .args([
            "generate",
            "--spec",
            "tests/fixtures/constructs/required.yaml",
            "--out",
        ])
        .arg(&out)
        .stdout(full)
        .output()
        .expect("xtask runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: cannot write to standard output: ")
            && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert!(out.join("src/lib.rs").is_file());
}
