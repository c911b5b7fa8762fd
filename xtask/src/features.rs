//! `cargo xtask features`: clippy, warnings denied, on the generated crate
//! under every feature its manifest declares, each alone (with
//! `--no-default-features`), with no feature at all (the client and the
//! runtime alone), with all of them, and with the default set.
//!
//! cargo-hack does the work (`cargo hack clippy --each-feature
//! --no-dev-deps`) at the version `xtask::cargo_hack` pins, installed on
//! first use; CI requires it. Outside CI, when it does not install, the same
//! runs are made with plain `cargo clippy`, one after the other.
//!
//! Only the library is checked: `--no-dev-deps` takes the dev-dependencies
//! out of the manifest while cargo-hack runs (and puts them back), so no
//! feature a test needs can make a feature set look complete. `.ci/run`
//! checks every target under the default set and a few combinations.

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

use clap::Args;

use crate::out::outln;

/// The generated crate, relative to the workspace root.
const CRATE_DIR: &str = "generated-client";

#[derive(Args)]
pub struct FeaturesArgs {
    /// Run every feature set even after one fails, and report all failures
    /// at the end (cargo-hack's `--keep-going`).
    #[arg(long)]
    keep_going: bool,
}

pub fn run(root: &Path, args: &FeaturesArgs) -> Result<ExitCode, String> {
    let dir = root.join(CRATE_DIR);
    let manifest = dir.join("Cargo.toml");
    let text =
        std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let package = crate::bench_build::package_name(&dir)?;
    let features = declared_features(&text);
    outln!(
        "== feature matrix of {package}: {} features ({}), each alone, none, all and the default set",
        features.len(),
        features.join(", ")
    );
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    let started = Instant::now();
    let passed = match xtask::cargo_hack::install(in_ci)? {
        Some(tool) => {
            let mut hack = Command::new(tool);
            hack.current_dir(root).args([
                "hack",
                "clippy",
                "-p",
                &package,
                "--each-feature",
                "--no-dev-deps",
            ]);
            if args.keep_going {
                hack.arg("--keep-going");
            }
            hack.args(["--", "-D", "warnings"]);
            hack.status()
                .map_err(|e| format!("cargo-hack: {e}"))?
                .success()
        }
        None => {
            eprintln!("note: running the same feature sets with `cargo clippy` instead");
            let mut passed = true;
            for set in feature_sets(&features) {
                outln!(
                    "== cargo clippy -p {package} {} -- -D warnings",
                    set.join(" ")
                );
                let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
                let ok = Command::new(cargo)
                    .current_dir(root)
                    .args(["clippy", "-p", &package])
                    .args(&set)
                    .args(["--", "-D", "warnings"])
                    .status()
                    .map_err(|e| format!("cargo: {e}"))?
                    .success();
                passed &= ok;
                if !ok && !args.keep_going {
                    break;
                }
            }
            passed
        }
    };
    let elapsed = started.elapsed().as_secs_f64();
    if passed {
        outln!("feature matrix of {package}: clean in {elapsed:.0} s");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("error: clippy failed on a feature set of {package} (see above)");
        Ok(ExitCode::FAILURE)
    }
}

/// The features a `Cargo.toml` declares, in the order it declares them: the
/// keys of its `[features]` table (`default` included).
pub(crate) fn declared_features(manifest: &str) -> Vec<String> {
    let mut in_features = false;
    let mut features = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        // A table header; in `[features]` no line starts with `[` otherwise
        // (the continuation lines of an array start with a string).
        if line.starts_with('[') {
            in_features = line == "[features]";
            continue;
        }
        if !in_features {
            continue;
        }
        if let Some(key) = feature_key(line) {
            features.push(key.to_owned());
        }
    }
    features
}

/// The key of a `key = value` line (bare or quoted); `None` for comments,
/// blank lines and the continuation lines of a multi-line array.
fn feature_key(line: &str) -> Option<&str> {
    let (key, rest) = if let Some(quoted) = line.strip_prefix('"') {
        let end = quoted.find('"')?;
        (&quoted[..end], &quoted[end + 1..])
    } else {
        let end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(line.len());
        (&line[..end], &line[end..])
    };
    (!key.is_empty() && rest.trim_start().starts_with('=')).then_some(key)
}

/// The cargo flags of each run cargo-hack's `--each-feature` makes: all
/// features (when there are several), none, then each feature alone.
fn feature_sets(features: &[String]) -> Vec<Vec<String>> {
    let mut sets = Vec::new();
    if features.len() > 1 {
        sets.push(vec!["--all-features".to_owned()]);
    }
    sets.push(vec!["--no-default-features".to_owned()]);
    let mut sorted: Vec<&String> = features.iter().collect();
    sorted.sort();
    for feature in sorted {
        sets.push(vec![
            "--no-default-features".to_owned(),
            "--features".to_owned(),
            feature.clone(),
        ]);
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"[package]
name = "demo"
default-features = "not a feature"

[features]
default = ["rustls", "full"]
# TLS through rustls.
rustls = ["reqwest/rustls-tls"]
full = [
    "conversations",
    "conversation-messages",
]
conversations = []
conversation-messages = ["conversations"]
"quoted-name" = []

[dev-dependencies]
tokio = { version = "1", features = ["macros"] }
"#;

    #[test]
    fn features_are_the_keys_of_the_features_table() {
        assert_eq!(
            declared_features(MANIFEST),
            [
                "default",
                "rustls",
                "full",
                "conversations",
                "conversation-messages",
                "quoted-name"
            ]
        );
        assert!(declared_features("[package]\nname = \"x\"\n").is_empty());
    }

    #[test]
    fn the_generated_crate_declares_its_features() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let text = std::fs::read_to_string(root.join(CRATE_DIR).join("Cargo.toml")).unwrap();
        let features = declared_features(&text);
        for feature in ["default", "rustls", "mock", "webhooks"] {
            assert!(
                features.iter().any(|f| f == feature),
                "{feature} missing from {features:?}"
            );
        }
        assert!(!features.iter().any(|f| f == "reqwest" || f == "tokio"));
    }

    #[test]
    fn the_fallback_makes_the_runs_of_each_feature() {
        let features = ["b", "a"].map(String::from);
        let sets: Vec<String> = feature_sets(&features)
            .iter()
            .map(|set| set.join(" "))
            .collect();
        assert_eq!(
            sets,
            [
                "--all-features",
                "--no-default-features",
                "--no-default-features --features a",
                "--no-default-features --features b",
            ]
        );
        let one = feature_sets(&["a".to_owned()]);
        assert_eq!(one.len(), 2, "no --all-features run for one feature");
    }
}
