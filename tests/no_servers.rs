//! A spec without `servers` (`tests/fixtures/constructs/no_servers.yaml`)
//! is generated into a crate with no default host, built there with clippy
//! `-D warnings` (with and without the `mock` feature), and tested on the
//! wire against an in-process mock (`tests/no_servers/wire.rs`): a client
//! given a base URL reaches it, and `ClientBuilder::build` without one fails
//! with `Error::Config` naming `base_url`.

use workspace_tests::scratch::ScratchCrate;

#[test]
fn a_crate_without_servers_needs_a_base_url_and_reaches_it() {
    let root = workspace_tests::root();
    let spec = root.join("tests/fixtures/constructs/no_servers.yaml");
    let generated = ScratchCrate::generate(&spec, "no-servers");
    // The mock server and the JSON it answers with, at the workspace's
    // locked versions.
    generated.add_dev_dependencies("serde_json = \"1\"\nwiremock = \"0.6\"");
    generated.add_test("wire", &root.join("tests/no_servers/wire.rs"));
    generated.clippy(&["mock"]);
    generated.cargo(&["test", "--test", "wire"]);
}
