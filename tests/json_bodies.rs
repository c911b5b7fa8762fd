//! JSON request bodies end to end: `tests/fixtures/constructs/json_bodies.yaml`
//! (every shape of body Twilio's JSON APIs use) and `json_only.yaml` (a
//! crate without any params struct) are each generated into a crate,
//! built with clippy `-D warnings`, and tested there: on the wire against an
//! in-process mock (`tests/json_bodies/wire.rs`: the exact JSON sent, the
//! decoding of each answer) and through Prism serving the same spec
//! (`tests/json_bodies/prism.rs`: every operation with every field set is
//! answered 2xx, a body that breaks the schema 422), and with the typed
//! mock (`tests/json_bodies/mock.rs`: `when_body`); `tests/json_only/`
//! holds the wire and Prism files for the other fixture.
//!
//! Prism is the project's pinned copy (`tests/prism/`, installed by
//! `cargo xtask test`); this test starts its own instance on a free port.
//! Without it, outside CI, the Prism half says it was skipped; under CI
//! (`CI` set, and not `false`) a missing Prism is a failure.

use std::fs;
use std::hash::{Hash, Hasher};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn cargo(dir: &Path, args: &[&str], prism: Option<&str>) {
    let target = workspace_tests::root().join("target/json-bodies");
    let mut command = Command::new(env!("CARGO"));
    command
        .current_dir(dir)
        .args(args)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .env_remove("PRISM_URL");
    if let Some(url) = prism {
        command.env("PRISM_URL", url);
    }
    let output = command.output().expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "`cargo {}` failed in the generated JSON-bodies crate:\n{stdout}\n{stderr}",
        args.join(" ")
    );
    println!("cargo {}: ok\n{stdout}", args.join(" "));
}

/// A Prism mock server, stopped when dropped.
struct Prism {
    child: Child,
    url: String,
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts Prism on `spec`; `None` (said, and only outside CI) when the
/// pinned copy is not installed.
fn start_prism(spec: &Path) -> Option<Prism> {
    let bin = workspace_tests::root().join("tests/prism/node_modules/.bin/prism");
    let in_ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    if !bin.exists() {
        assert!(
            !in_ci,
            "Prism is required under CI: {} is missing (run `cargo xtask test`)",
            bin.display()
        );
        println!(
            "skipped: Prism is not installed ({}), so the JSON bodies are not checked against it",
            bin.display()
        );
        return None;
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let log = fs::File::create(std::env::temp_dir().join(format!("prism-json-bodies-{port}.log")))
        .unwrap();
    let child = Command::new(&bin)
        .args(["mock", "--host", "127.0.0.1", "--port", &port.to_string()])
        .arg(spec)
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .stdin(Stdio::null())
        .spawn()
        .expect("Prism starts");
    let prism = Prism {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "Prism did not start within 120 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    Some(prism)
}

/// Generates the fixture `stem` (crate `crate_name`) outside the workspace,
/// copies the tests in `tests/<stem>/` into it (`common.rs`, if there, as
/// the module `common`), builds it with clippy `-D warnings`, and runs its
/// tests with a Prism serving the same fixture.
fn check_fixture(stem: &str, crate_name: &str) {
    let root = workspace_tests::root();
    let spec: PathBuf = root.join(format!("tests/fixtures/constructs/{stem}.yaml"));
    let generated = codegen::generate(&spec, &codegen::Options::default())
        .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(generated.api.crate_name, crate_name);
    assert!(
        generated.api.skipped.is_empty(),
        "{:?}",
        generated.api.skipped
    );

    // Outside the workspace, one directory per checkout (see full_api.rs).
    let checkout = {
        let mut hasher = std::hash::DefaultHasher::new();
        root.hash(&mut hasher);
        hasher.finish()
    };
    let dir = std::env::temp_dir().join(format!("codegen-{stem}-{checkout:016x}"));
    codegen::write(&generated, &dir).unwrap_or_else(|err| panic!("{err}"));
    // The mock server the wire tests use, at the workspace's locked version.
    let manifest = dir.join("Cargo.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    let text = text.replacen(
        "[dev-dependencies]\n",
        "[dev-dependencies]\nserde_json = \"1\"\nwiremock = \"0.6\"\n",
        1,
    );
    fs::write(&manifest, text).unwrap();
    let tests = root.join("tests").join(stem);
    fs::create_dir_all(dir.join("tests")).unwrap();
    for file in ["wire.rs", "prism.rs", "mock.rs"] {
        if tests.join(file).exists() {
            fs::copy(tests.join(file), dir.join("tests").join(file)).unwrap();
        }
    }
    // What both share, where cargo does not take it for a test of its own.
    if tests.join("common.rs").exists() {
        fs::create_dir_all(dir.join("tests/common")).unwrap();
        fs::copy(tests.join("common.rs"), dir.join("tests/common/mod.rs")).unwrap();
    }
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();

    // With the typed mock on, so `mock.rs` builds and its JSON-body
    // expectations run too.
    cargo(
        &dir,
        &[
            "clippy",
            "--all-targets",
            "--features",
            "mock",
            "--",
            "-D",
            "warnings",
        ],
        None,
    );
    let prism = start_prism(&spec);
    cargo(
        &dir,
        &["test", "--features", "mock"],
        prism.as_ref().map(|p| p.url.as_str()),
    );
}

#[test]
fn json_bodies_fixture_builds_and_passes_on_the_wire_and_through_prism() {
    check_fixture("json_bodies", "template-library");
}

#[test]
fn json_only_fixture_builds_and_passes_on_the_wire_and_through_prism() {
    check_fixture("json_only", "notes");
}
