//! cargo-hack at the version the project pins, installed on first use:
//! `cargo xtask features` (which CI runs) drives it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The cargo-hack release the project is pinned to: the newest that installs
/// with `cargo install --locked` on the project's toolchain (rustc 1.95).
pub const VERSION: &str = "0.6.46";

/// The path of cargo-hack at the pinned version, installed with `cargo
/// install --locked` (into Cargo's own bin directory) when it is missing or
/// another version; `None` when that fails outside CI.
pub fn install(in_ci: bool) -> Result<Option<PathBuf>, String> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let tool = home.join("bin/cargo-hack");
    let installed = Command::new(&tool)
        .args(["hack", "--version"])
        .output()
        .is_ok_and(|out| out.status.success() && is_version(&out.stdout));
    if installed {
        return Ok(Some(tool));
    }
    println!("== cargo install cargo-hack {VERSION} (first run only)");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["install", "--locked", "--quiet", "cargo-hack", "--version"])
        .arg(VERSION)
        .arg("--root")
        .arg(&home)
        .status();
    match status {
        Ok(status) if status.success() => Ok(Some(tool)),
        _ if in_ci => Err("cargo-hack is required in CI and did not install".into()),
        _ => {
            eprintln!("note: cargo-hack did not install");
            Ok(None)
        }
    }
}

/// Whether `cargo hack --version` printed the pinned version (`cargo-hack
/// 0.6.46`), compared word for word so 0.6.4 is not taken for 0.6.46.
fn is_version(stdout: &[u8]) -> bool {
    String::from_utf8_lossy(stdout)
        .split_whitespace()
        .any(|word| word == VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pinned_version_counts() {
        assert!(is_version(format!("cargo-hack {VERSION}\n").as_bytes()));
        assert!(!is_version(b"cargo-hack 0.6.4\n"));
        assert!(!is_version(format!("cargo-hack {VERSION}1\n").as_bytes()));
        assert!(!is_version(b""));
    }
}
