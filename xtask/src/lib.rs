//! What `cargo xtask` shares with its tests and the workspace's: the
//! release (`cargo xtask release`), the changelog and versions it writes,
//! and the pinned cargo-semver-checks and cargo-hack.

pub mod cargo_hack;
pub mod changelog;
pub mod release;
pub mod semver_checks;
