//! What the generated crate's features pull in: the file support of the
//! media resources (`reqwest/stream`, which brings `tokio-util`, `tokio/fs`
//! and `tokio/io-util`) only with the features of the resources that send
//! or answer files, so an app that builds a slice without them does not
//! compile it.

use std::process::Command;

/// The packages a build of the generated crate with `features` (and no
/// default ones) compiles, one `name vX.Y.Z` a line, as `cargo tree` says.
fn packages(features: &str) -> Vec<String> {
    let output = Command::new(env!("CARGO"))
        .current_dir(workspace_tests::root())
        .args(["tree", "--offline", "--quiet", "-p", "twilio-conversations"])
        .args(["--no-default-features", "--features", features])
        .args(["-e", "normal", "--prefix", "none"])
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .map(|line| line.trim_end_matches(" (*)").to_owned())
        .collect()
}

fn has(packages: &[String], name: &str) -> bool {
    packages.iter().any(|p| p.split(' ').next() == Some(name))
}

#[test]
fn file_support_comes_only_with_the_resources_that_send_or_answer_files() {
    let slice = packages("rustls,conversation-messages,conversation-participants");
    assert!(has(&slice, "reqwest"), "{slice:#?}");
    assert!(
        !has(&slice, "tokio-util"),
        "reqwest/stream is on in a slice without media: {slice:#?}"
    );

    for media in ["service-media", "service-media-content", "full"] {
        let with_media = packages(&format!("rustls,{media}"));
        assert!(
            has(&with_media, "tokio-util"),
            "{media}: reqwest/stream is off: {with_media:#?}"
        );
        assert!(has(&with_media, "bytes"), "{media}: {with_media:#?}");
    }

    let manifest =
        std::fs::read_to_string(workspace_tests::root().join("generated-client/Cargo.toml"))
            .expect("the generated manifest reads");
    let media = manifest
        .lines()
        .find(|line| line.starts_with("service-media = "))
        .expect("the manifest has the service-media feature");
    for dependency in ["dep:bytes", "reqwest/stream", "tokio/fs", "tokio/io-util"] {
        assert!(media.contains(dependency), "{media}");
    }
}
