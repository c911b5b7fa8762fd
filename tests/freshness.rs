//! The committed `generated-client/` is what the spec generates, and the
//! writer only touches files whose content changed.

use std::fs;
use std::time::Duration;

#[test]
fn committed_client_is_fresh() {
    let generated = workspace_tests::generate_ours();
    let stale = codegen::check(
        &generated,
        &workspace_tests::root().join("generated-client"),
    )
    .expect("the committed crate can be read");
    assert!(
        stale.is_empty(),
        "generated-client/ is stale in {stale:?}; run `cargo xtask generate` and commit the result"
    );
}

#[test]
fn check_names_changed_missing_and_stale_files() {
    let generated = workspace_tests::generate_ours();
    let dir = tempfile::tempdir().unwrap();
    codegen::write(&generated, dir.path()).unwrap();
    assert_eq!(
        codegen::check(&generated, dir.path()).unwrap(),
        Vec::<String>::new()
    );

    fs::write(dir.path().join("src/lib.rs"), "// edited by hand\n").unwrap();
    fs::remove_file(dir.path().join("src/types/conversation_state.rs")).unwrap();
    fs::write(dir.path().join("src/leftover.rs"), "").unwrap();
    assert_eq!(
        codegen::check(&generated, dir.path()).unwrap(),
        vec![
            "src/leftover.rs",
            "src/lib.rs",
            "src/types/conversation_state.rs"
        ]
    );

    let report = codegen::write(&generated, dir.path()).unwrap();
    assert_eq!(
        report.written,
        vec!["src/lib.rs", "src/types/conversation_state.rs"]
    );
    assert_eq!(report.removed, vec!["src/leftover.rs"]);
    assert!(codegen::check(&generated, dir.path()).unwrap().is_empty());
}

#[test]
fn unchanged_files_keep_their_mtime() {
    let generated = workspace_tests::generate_ours();
    let dir = tempfile::tempdir().unwrap();
    codegen::write(&generated, dir.path()).unwrap();
    let client = dir.path().join("src/client.rs");
    let before = fs::metadata(&client).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));

    let report = codegen::write(&generated, dir.path()).unwrap();
    assert!(report.written.is_empty(), "rewrote {:?}", report.written);
    assert_eq!(report.unchanged.len(), generated.files.len());
    assert_eq!(fs::metadata(&client).unwrap().modified().unwrap(), before);
}

#[test]
fn files_outside_src_are_left_alone() {
    let generated = workspace_tests::generate_ours();
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("tests")).unwrap();
    fs::write(dir.path().join("tests/mine.rs"), "// mine\n").unwrap();
    codegen::write(&generated, dir.path()).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("tests/mine.rs")).unwrap(),
        "// mine\n"
    );
}
