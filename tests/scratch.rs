//! A generated crate written to a scratch directory outside the workspace
//! (so this workspace does not claim it) and checked there with cargo, as
//! an app that generates a client somewhere of its own would.
//!
//! The crate gets this workspace's `Cargo.lock`, so it builds from the same
//! dependency versions (offline when they are already downloaded), and
//! builds into `target/scratch-builds`, which later runs reuse. The
//! directory is removed when the crate is dropped after every check passed,
//! and kept for a look when one failed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A crate generated from a spec into its own scratch directory.
pub struct ScratchCrate {
    dir: PathBuf,
}

impl ScratchCrate {
    /// Generates `spec` into a fresh scratch directory named after `label`
    /// (and this process, so parallel test runs do not meet).
    pub fn generate(spec: &Path, label: &str) -> ScratchCrate {
        let dir =
            std::env::temp_dir().join(format!("codegen-scratch-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let generated = codegen::generate(spec, &codegen::Options::default())
            .unwrap_or_else(|err| panic!("{}: {err}", spec.display()));
        codegen::write(&generated, &dir).unwrap_or_else(|err| panic!("{err}"));
        std::fs::copy(crate::root().join("Cargo.lock"), dir.join("Cargo.lock"))
            .expect("the workspace's Cargo.lock copies");
        ScratchCrate { dir }
    }

    /// Where the crate was written.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Adds `lines` (`name = "version"`, one a line) to the crate's
    /// `[dev-dependencies]`, for the tests [`add_test`](Self::add_test) adds.
    pub fn add_dev_dependencies(&self, lines: &str) {
        let manifest = self.dir.join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).expect("the manifest reads");
        assert!(text.contains("\n[dev-dependencies]\n"), "{text}");
        let text = text.replacen(
            "\n[dev-dependencies]\n",
            &format!("\n[dev-dependencies]\n{}\n", lines.trim_end()),
            1,
        );
        std::fs::write(&manifest, text).expect("the manifest writes");
    }

    /// Copies `source` into the crate as the integration test `tests/NAME.rs`.
    pub fn add_test(&self, name: &str, source: &Path) {
        let tests = self.dir.join("tests");
        std::fs::create_dir_all(&tests).expect("tests/ is created");
        std::fs::copy(source, tests.join(format!("{name}.rs")))
            .unwrap_or_else(|err| panic!("{}: {err}", source.display()));
    }

    /// Runs `cargo ARGS` in the crate and panics with its output unless it
    /// succeeds: offline first, online only when that fails (a dependency
    /// not downloaded yet).
    pub fn cargo(&self, args: &[&str]) {
        let run = |offline: bool| {
            let mut command =
                Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
            // `--offline` is cargo's own flag: before the subcommand, so
            // that it never lands after a `--`.
            if offline {
                command.arg("--offline");
            }
            command
                .current_dir(&self.dir)
                .args(args)
                .env(
                    "CARGO_TARGET_DIR",
                    crate::root().join("target/scratch-builds"),
                )
                .env_remove("RUSTFLAGS");
            command.output().expect("cargo runs")
        };
        let mut output = run(true);
        if !output.status.success() {
            output = run(false);
        }
        assert!(
            output.status.success(),
            "`cargo {}` fails for the crate generated in {}:\n{}\n{}",
            args.join(" "),
            self.dir.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// `cargo clippy --all-targets` with `-D warnings`, once without
    /// features beyond the defaults and once per entry of `feature_sets`
    /// (each a comma-separated list).
    pub fn clippy(&self, feature_sets: &[&str]) {
        self.cargo(&["clippy", "--all-targets", "--", "-D", "warnings"]);
        for features in feature_sets {
            self.cargo(&[
                "clippy",
                "--all-targets",
                "--features",
                features,
                "--",
                "-D",
                "warnings",
            ]);
        }
    }
}

impl Drop for ScratchCrate {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}
