//! Broken specs get one clear paragraph naming the file and the place, never
//! a panic: each fixture in `tests/fixtures/broken/` and its message,
//! snapshotted in `tests/snapshots/errors/`.
//!
//! Spec paths are relative to `tests/` (the directory cargo runs tests in),
//! so the messages, and the snapshots, are the same on every machine.

use std::path::Path;

/// Generates from `path` (relative to `tests/`) and returns the error text.
fn error_for(path: &str) -> String {
    let result = std::panic::catch_unwind(|| {
        codegen::generate(Path::new(path), &codegen::Options::default())
    });
    let err = match result {
        Ok(Ok(_)) => panic!("{path} generated, but it is broken"),
        Ok(Err(err)) => err.to_string(),
        Err(_) => panic!("{path} made the generator panic"),
    };
    assert!(
        !err.contains('\n'),
        "one paragraph, not several lines: {err}"
    );
    assert!(err.contains(path), "the message names the file: {err}");
    for debug in ["Os {", "Error {", "Custom {", "kind: "] {
        assert!(!err.contains(debug), "a Debug dump: {err}");
    }
    err
}

fn check(name: &str, path: &str) {
    let message = error_for(path);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/errors");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(path);
    settings.bind(|| insta::assert_snapshot!(name, message));
}

#[test]
fn missing_file() {
    check("missing_file", "fixtures/broken/does_not_exist.yaml");
}

#[test]
fn unreadable_file_a_directory() {
    check("directory", "fixtures/broken");
}

#[test]
fn not_utf8() {
    check("not_utf8", "fixtures/broken/not_utf8.yaml");
}

#[test]
fn malformed_yaml_names_line_and_column() {
    check("malformed_yaml", "fixtures/broken/malformed.yaml");
}

#[test]
fn malformed_json_names_line_and_column() {
    check("malformed_json", "fixtures/broken/malformed.json");
}

#[test]
fn not_openapi() {
    check("not_openapi", "fixtures/broken/not_openapi.yaml");
    check("list", "fixtures/broken/list.yaml");
}

#[test]
fn openapi_3_1_names_the_supported_versions() {
    check("openapi_3_1", "fixtures/broken/openapi_3_1.yaml");
}

#[test]
fn swagger_2_names_the_supported_versions() {
    check("swagger_2", "fixtures/broken/swagger_2.json");
}

#[test]
fn unquoted_version_number() {
    check("version_number", "fixtures/broken/version_number.yaml");
}

#[test]
fn structure_errors_name_a_json_pointer() {
    check("bad_parameter", "fixtures/broken/bad_structure.yaml");
    check("bad_schema", "fixtures/broken/bad_schema.yaml");
    check("missing_info", "fixtures/broken/missing_info.yaml");
}

#[test]
fn unresolved_ref() {
    check("unresolved_ref", "fixtures/broken/unresolved_ref.yaml");
}

#[test]
fn cyclic_ref() {
    check("cyclic_ref", "fixtures/broken/cyclic_ref.yaml");
}

#[test]
fn spec_text_with_a_newline_stays_on_one_line() {
    check("newline_in_ref", "fixtures/broken/newline_in_ref.yaml");
    check(
        "control_char_path",
        "fixtures/broken/control_char_path.yaml",
    );
}

#[test]
fn external_ref() {
    check("external_ref", "fixtures/broken/external_ref.yaml");
}

/// A spec that would give a crate without a single operation is refused,
/// pointing at `#/paths`: no paths, paths without operations, or operations
/// that were all skipped (each named, with its reason). `cargo xtask
/// generate` then writes nothing (`xtask/tests/generate.rs`).
#[test]
fn a_crate_without_operations_is_an_error() {
    check("empty_paths", "fixtures/broken/empty_paths.yaml");
    check(
        "paths_without_operations",
        "fixtures/broken/paths_without_operations.yaml",
    );
    check(
        "every_operation_skipped",
        "fixtures/broken/every_operation_skipped.yaml",
    );
    check(
        "only_operation_skipped",
        "fixtures/broken/only_operation_skipped.yaml",
    );
}

#[test]
fn unsupported_parts_name_the_place() {
    check("bad_version", "fixtures/broken/bad_version.yaml");
    check("bad_title", "fixtures/broken/bad_title.yaml");
    check(
        "content_parameter",
        "fixtures/broken/content_parameter.yaml",
    );
    check("path_item_ref", "fixtures/broken/path_item_ref.yaml");
}

/// Every fixture in `fixtures/broken/` is covered by a test above.
#[test]
fn every_broken_fixture_is_checked() {
    let source = include_str!("errors.rs");
    let mut unchecked = Vec::new();
    for entry in std::fs::read_dir("fixtures/broken").expect("fixtures/broken exists") {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !source.contains(&format!("fixtures/broken/{name}\"")) {
            unchecked.push(name);
        }
    }
    assert!(
        unchecked.is_empty(),
        "fixtures without a test: {unchecked:?}"
    );
}

#[test]
fn duplicate_key_names_the_key_and_where() {
    check("duplicate_key", "fixtures/broken/duplicate_key.yaml");
}
