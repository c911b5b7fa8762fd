//! `cargo xtask compare` end to end: the report, the exit status and the
//! release it calls for.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `cargo xtask compare ARGS` in `dir`.
fn xtask_compare(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .current_dir(dir)
        .args(["xtask", "compare"])
        .args(args)
        .output()
        .expect("cargo runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn cargo_xtask_compare_end_to_end() {
    let root = workspace_tests::root();
    let from = "tests/fixtures/compare/operations/from.yaml";
    let to = "tests/fixtures/compare/operations/to.yaml";

    // Differences: exit 1, the grouped lines and the summary.
    let out = xtask_compare(&root, &["--spec", from, "--with", to]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "from {from} to {to}:\n\
             ListThing (GET /v1/Things)\n\
             \x20 breaking  operationId `ListThing` → `ListThings`\n\
             FetchThing (GET /v1/Things/{{Sid}})\n\
             \x20 additive  operation added\n\
             DeleteThing (DELETE /v1/Things/{{Sid}})\n\
             \x20 breaking  operation removed\n\
             \n\
             3 differences: 1 additive, 2 breaking; this calls for a major release\n"
        )
    );

    // No differences: exit 0. The default --spec is found from any folder.
    let tests_dir = root.join("tests");
    let ours = workspace_tests::our_spec();
    let out = xtask_compare(&tests_dir, &["--with", ours.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).ends_with("\nno differences in wire facts\n"),
        "{}",
        text(&out.stdout)
    );

    // Refinements do not change the exit status: 1 with differences, 0
    // with refinements only (ours against Twilio's); printed under their
    // own heading, and counted in the summary.
    let from = "tests/fixtures/compare/refinements/from.yaml";
    let to = "tests/fixtures/compare/refinements/to.yaml";
    if let Some(twilio) = workspace_tests::twilio_spec() {
        // Our spec against Twilio's: the Media resource, which Twilio's file
        // leaves out, is the only difference (its operations "removed").
        let out = xtask_compare(&root, &["--with", twilio.to_str().unwrap()]);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{stdout}");
        let changes: Vec<&str> = stdout
            .lines()
            .filter(|l| l.starts_with("  breaking") || l.starts_with("  additive"))
            .collect();
        assert_eq!(
            changes,
            [
                "  breaking  `OTHER_HOSTS` loses https://mcs.us1.twilio.com (a host apps may name; no operation is sent there)",
                "  breaking  operation removed",
                "  breaking  operation removed",
                "  breaking  operation removed",
            ],
            "{stdout}"
        );
        for op in [
            "CreateServiceMedia",
            "FetchServiceMedia ",
            "FetchServiceMediaContent",
        ] {
            assert!(stdout.contains(op), "{stdout}");
        }
        assert!(
            stdout.contains("\nrefinements (typed in one spec, left open in the other;"),
            "{stdout}"
        );
        assert!(stdout.ends_with("; 72 refinements apart\n"), "{stdout}");
    }
    let out = xtask_compare(&root, &["--spec", from, "--with", to]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).ends_with("; 10 refinements apart\n"),
        "{}",
        text(&out.stdout)
    );

    // A spec that cannot be read: exit 2, one `error:` naming the file.
    let missing = "tests/fixtures/compare/no_such_spec.yaml";
    let out = xtask_compare(&root, &["--spec", from, "--with", missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("error: cannot read the spec {missing}: ")),
        "{stderr}"
    );

    // Not OpenAPI 3.0: the loader's error, as `generate` gives it.
    let malformed = "tests/fixtures/broken/malformed.yaml";
    let out = xtask_compare(&root, &["--spec", malformed, "--with", to]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "error: {malformed}:9:3: the spec is not valid YAML or JSON"
        )),
        "{stderr}"
    );
}
