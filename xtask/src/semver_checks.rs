//! cargo-semver-checks at the version the project pins, installed on first
//! use: the semver tests (through `cargo xtask test`) and `cargo xtask
//! release` run it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The cargo-semver-checks release the project is pinned to.
pub const VERSION: &str = "0.51.0";

/// The path of cargo-semver-checks at the pinned version, installed with
/// `cargo install --locked` (into Cargo's own bin directory) when it is
/// missing or another version; `None` when that fails outside CI.
pub fn install(in_ci: bool) -> Result<Option<PathBuf>, String> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let tool = home.join("bin/cargo-semver-checks");
    let installed = Command::new(&tool)
        .args(["semver-checks", "--version"])
        .output()
        .is_ok_and(|out| {
            out.status.success() && String::from_utf8_lossy(&out.stdout).contains(VERSION)
        });
    if installed {
        return Ok(Some(tool));
    }
    println!("== cargo install cargo-semver-checks {VERSION} (first run only)");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "install",
            "--locked",
            "--quiet",
            "cargo-semver-checks",
            "--version",
        ])
        .arg(VERSION)
        .arg("--root")
        .arg(&home)
        .status();
    match status {
        Ok(status) if status.success() => Ok(Some(tool)),
        _ if in_ci => Err("cargo-semver-checks is required in CI and did not install".into()),
        _ => {
            eprintln!("note: cargo-semver-checks did not install");
            Ok(None)
        }
    }
}
