//! `cargo xtask test`: every test, with the Prism mock server around them.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::out::outln;

/// Twilio's published spec, beside the project (never copied into it).
const TWILIO_SPEC: &str = "../shared/specs/twilio_conversations_v1.yaml";

/// The cargo-semver-checks release the semver tests are pinned to.
const SEMVER_CHECKS_VERSION: &str = "0.51.0";

pub fn run(root: &Path) -> Result<ExitCode, String> {
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    let semver_checks = install_semver_checks(in_ci)?;
    let prism = start_prism(root, in_ci)?;
    let outcome = run_tests(root, prism.as_deref(), semver_checks.as_deref());
    if prism.is_some() {
        stop_prism(root);
    }
    Ok(if outcome? {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Every test, with Prism at `prism_url` when it runs; whether all passed.
/// The test suites run last, so their summary lines close the output.
fn run_tests(
    root: &Path,
    prism_url: Option<&str>,
    semver_checks: Option<&Path>,
) -> Result<bool, String> {
    let mut passed = true;
    // The generated crate's example, end to end against Prism.
    if let Some(url) = prism_url {
        outln!("== example `conversations` against Prism");
        let mut example = cargo(root);
        example
            .args([
                "run",
                "--quiet",
                "-p",
                "twilio-conversations",
                "--example",
                "conversations",
            ])
            .env("TWILIO_BASE_URL", url)
            .env("TWILIO_ACCOUNT_SID", "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
            .env("TWILIO_AUTH_TOKEN", "token")
            .env_remove("TWILIO_API_KEY")
            .env_remove("TWILIO_API_SECRET")
            .env_remove("TWILIO_REGION")
            .env_remove("TWILIO_EDGE");
        let ran = succeeds(&mut example)?;
        if !ran {
            eprintln!("error: the example `conversations` failed against Prism");
        }
        passed = ran;
    }

    let mut workspace = cargo(root);
    workspace.args(["test", "--workspace"]);
    if let Some(url) = prism_url {
        workspace.env("PRISM_URL", url);
    }
    if let Some(tool) = semver_checks {
        workspace.env("CARGO_SEMVER_CHECKS", tool);
    }
    passed &= succeeds(&mut workspace)?;

    // The generated crate's optional `tracing` feature has tests of its own.
    let mut traced = cargo(root);
    traced.args([
        "test",
        "-p",
        "twilio-conversations",
        "--features",
        "tracing",
        "--lib",
    ]);
    passed &= succeeds(&mut traced)?;

    // Its `redact-personal-data` feature: the generated test of each field
    // marked as standard personal data then checks that it is hidden.
    let mut redacted = cargo(root);
    redacted.args([
        "test",
        "-p",
        "twilio-conversations",
        "--features",
        "redact-personal-data",
        "--lib",
        "redact::",
    ]);
    passed &= succeeds(&mut redacted)?;

    // Its `webhooks` and `access-token` features: the signature and token
    // known-answer tests, and the doc tests of the events and the crate page.
    // (The workspace run has them on too, through workspace-tests; this run
    // does not depend on that.) The example server's own test is
    // `workspace-tests`' `webhook_server`, run above.
    for target in ["--lib", "--doc"] {
        let mut hooks = cargo(root);
        hooks.args([
            "test",
            "-p",
            "twilio-conversations",
            "--features",
            "webhooks,access-token",
            target,
        ]);
        passed &= succeeds(&mut hooks)?;
    }

    // Its `mock` feature: the mock module's doc example runs against the
    // mock. (The mock's own tests are `tests/mock_app`, a workspace member,
    // and `workspace-tests`' `mock`, both run above.)
    let mut mocked = cargo(root);
    mocked.args([
        "test",
        "-p",
        "twilio-conversations",
        "--features",
        "mock",
        "--doc",
        "mock",
    ]);
    passed &= succeeds(&mut mocked)?;

    Ok(passed)
}

fn cargo(root: &Path) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(root);
    command
}

fn succeeds(command: &mut Command) -> Result<bool, String> {
    command
        .status()
        .map(|status| status.success())
        .map_err(|err| format!("cannot run cargo: {err}"))
}

/// The path of cargo-semver-checks at the pinned version, installed with
/// `cargo install --locked` (into Cargo's own bin directory) when it is
/// missing or another version; `None` when that fails outside CI.
fn install_semver_checks(in_ci: bool) -> Result<Option<PathBuf>, String> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let tool = home.join("bin/cargo-semver-checks");
    let installed = Command::new(&tool)
        .args(["semver-checks", "--version"])
        .output()
        .is_ok_and(|out| {
            out.status.success()
                && String::from_utf8_lossy(&out.stdout).contains(SEMVER_CHECKS_VERSION)
        });
    if installed {
        return Ok(Some(tool));
    }
    outln!("== cargo install cargo-semver-checks {SEMVER_CHECKS_VERSION} (first run only)");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "install",
            "--locked",
            "--quiet",
            "cargo-semver-checks",
            "--version",
        ])
        .arg(SEMVER_CHECKS_VERSION)
        .arg("--root")
        .arg(&home)
        .status();
    match status {
        Ok(status) if status.success() => Ok(Some(tool)),
        _ if in_ci => Err("cargo-semver-checks is required in CI and did not install".into()),
        _ => {
            eprintln!(
                "note: cargo-semver-checks did not install; the semver tests will be skipped"
            );
            Ok(None)
        }
    }
}

/// Starts Prism on a free port and returns its URL; `None` when it cannot run
/// here outside CI (the conformance tests then say they were skipped).
fn start_prism(root: &Path, in_ci: bool) -> Result<Option<String>, String> {
    let spec = root.join(TWILIO_SPEC);
    let script = root.join("tests/prism/prism.sh");
    let unavailable = |reason: String| {
        if in_ci {
            Err(format!("Prism is required in CI: {reason}"))
        } else {
            eprintln!("note: not starting Prism ({reason}); the conformance tests will be skipped");
            Ok(None)
        }
    };
    if !spec.is_file() {
        return unavailable(format!("{} is missing", spec.display()));
    }
    if Command::new("npm").arg("--version").output().is_err() {
        return unavailable("npm is not installed".into());
    }
    if !root.join("tests/prism/node_modules/.bin/prism").exists() {
        let installed = Command::new("bash").arg(&script).arg("install").status();
        if !installed.is_ok_and(|s| s.success()) {
            return unavailable("`tests/prism/prism.sh install` failed".into());
        }
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|err| format!("cannot find a free port: {err}"))?;
    let started = Command::new("bash")
        .arg(&script)
        .arg("start")
        .arg(&spec)
        .arg(port.to_string())
        .status();
    if !started.is_ok_and(|s| s.success()) {
        return unavailable(
            "`tests/prism/prism.sh start` failed (see tests/prism/prism.log)".into(),
        );
    }
    Ok(Some(format!("http://127.0.0.1:{port}")))
}

fn stop_prism(root: &Path) {
    let stopped = Command::new("bash")
        .arg(root.join("tests/prism/prism.sh"))
        .arg("stop")
        .status();
    if !stopped.is_ok_and(|s| s.success()) {
        eprintln!("warning: `tests/prism/prism.sh stop` failed; Prism may still be running");
    }
}
