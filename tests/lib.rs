//! Helpers shared by the workspace's test targets.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ lives inside the workspace")
        .to_owned()
}

/// Our spec, `spec/conversations_v1.yaml`.
pub fn our_spec() -> PathBuf {
    root().join("spec/conversations_v1.yaml")
}

/// Generates the crate from our spec, as `cargo xtask generate` does.
pub fn generate_ours() -> codegen::Generated {
    codegen::generate(&our_spec(), &codegen::Options::default())
        .unwrap_or_else(|err| panic!("our spec must generate: {err}"))
}
