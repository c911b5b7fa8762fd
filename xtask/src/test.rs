//! `cargo xtask test`: every test, with the Prism mock server around them.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, ExitCode};

use crate::out::outln;

/// Twilio's published spec, beside the project (never copied into it).
const TWILIO_SPEC: &str = "../shared/specs/twilio_conversations_v1.yaml";

/// Our spec: Twilio's operations plus the Media resource on its own host,
/// which Twilio's file leaves out; a second Prism serves it.
const OUR_SPEC: &str = "spec/conversations_v1.yaml";

pub fn run(root: &Path) -> Result<ExitCode, String> {
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    let semver_checks = xtask::semver_checks::install(in_ci)?;
    let prism = start_prism(root, TWILIO_SPEC, "", in_ci)?;
    let ours = match &prism {
        Some(_) => start_prism(root, OUR_SPEC, "ours", in_ci)?,
        None => None,
    };
    let outcome = run_tests(
        root,
        prism.as_deref(),
        ours.as_deref(),
        semver_checks.as_deref(),
    );
    if ours.is_some() {
        stop_prism(root, "ours");
    }
    if prism.is_some() {
        stop_prism(root, "");
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
    ours_url: Option<&str>,
    semver_checks: Option<&Path>,
) -> Result<bool, String> {
    let mut passed = true;
    // The generated crate's example, end to end against Prism serving our
    // spec (Twilio's operations and the Media resource).
    if let Some(url) = ours_url {
        outln!("== example `conversations` against Prism (our spec)");
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
    if let Some(url) = ours_url {
        workspace.env("PRISM_OURS_URL", url);
    }
    if let Some(tool) = semver_checks {
        workspace.env("CARGO_SEMVER_CHECKS", tool);
    }
    passed &= succeeds(&mut workspace)?;

    // The generated crate's optional `tracing` feature has tests of its own,
    // with `axum` too: the webhook extractor's refusals are logged.
    let mut traced = cargo(root);
    traced.args([
        "test",
        "-p",
        "twilio-conversations",
        "--features",
        "tracing,axum",
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

    // Its `webhooks`, `axum` (with `tower`) and `access-token` features: the
    // signature and token known-answer tests, the URL rebuilt behind proxies,
    // the extractor's, and the doc tests of the events and the crate page.
    // (The workspace run has them on too, through workspace-tests; this run
    // does not depend on that.) The example server's own test is
    // `workspace-tests`' `webhook_server`, and the extractor and layer on
    // real HTTP are `webhook_axum`, run above.
    for target in ["--lib", "--doc"] {
        let mut hooks = cargo(root);
        hooks.args([
            "test",
            "-p",
            "twilio-conversations",
            "--features",
            "webhooks,axum,access-token",
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

/// Starts Prism on a free port and returns its URL; `None` when it cannot run
/// here outside CI (the conformance tests then say they were skipped).
fn start_prism(root: &Path, spec: &str, name: &str, in_ci: bool) -> Result<Option<String>, String> {
    let spec = root.join(spec);
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
        .arg(name)
        .status();
    if !started.is_ok_and(|s| s.success()) {
        return unavailable(
            "`tests/prism/prism.sh start` failed (see tests/prism/prism.log)".into(),
        );
    }
    Ok(Some(format!("http://127.0.0.1:{port}")))
}

fn stop_prism(root: &Path, name: &str) {
    let stopped = Command::new("bash")
        .arg(root.join("tests/prism/prism.sh"))
        .arg("stop")
        .arg(name)
        .status();
    if !stopped.is_ok_and(|s| s.success()) {
        eprintln!("warning: `tests/prism/prism.sh stop` failed; Prism may still be running");
    }
}
