//! Every file the generator writes from our spec, snapshotted with insta.
//!
//! A change to a template or to the lowering shows up here as a reviewable
//! diff (`cargo insta review`). CI runs with `INSTA_UPDATE=no`, so a changed
//! snapshot fails the build until it is reviewed and committed.

#[test]
fn every_generated_file_matches_its_snapshot() {
    let generated = workspace_tests::generate_ours();
    assert!(
        generated.files.len() >= 10,
        "expected the whole crate, got {:?}",
        generated.files.keys()
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for (path, content) in &generated.files {
            insta::assert_snapshot!(path.replace('/', "__"), content);
        }
    });
}

#[test]
fn generation_is_deterministic() {
    let first = workspace_tests::generate_ours();
    let second = workspace_tests::generate_ours();
    assert_eq!(first.files, second.files);
}
