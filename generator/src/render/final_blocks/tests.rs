//! Tests of the final layout: the oracle over real specs, and each line rule
//! against prettyplease.

use std::path::{Path, PathBuf};

use super::{CLOSE, OPEN, restore, stash};
use crate::render::{Origin, RenderedKind, render_templates, rust_source};

/// The specs the oracle test renders: the project's, the fixtures and
/// Twilio's (which the tests read from `shared/` beside the workspace).
fn specs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut specs = vec![
        root.join("spec/conversations_v1.yaml"),
        root.join("../shared/specs/twilio_conversations_v1.yaml"),
    ];
    let fixtures = std::fs::read_dir(root.join("tests/fixtures/constructs")).unwrap();
    specs.extend(
        fixtures
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml")),
    );
    specs
}

/// Runtime templates whose every run is in its final layout for any
/// spec: none may fall back to formatting (which would only be slower).
const WHOLLY_STASHED: &[&str] = &[
    "client.rs",
    "error.rs",
    "mock.rs",
    "pagination.rs",
    "pending.rs",
    "redact.rs",
    "wire.rs",
];

#[test]
fn marked_items_come_out_as_prettyplease_prints_them() {
    let (mut files, mut resources, mut stashed) = (0, 0, 0);
    for path in specs() {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let spec = crate::load::parse(&path, &text).unwrap();
        let api = crate::lower::lower(&path, &spec, &Default::default()).unwrap();
        let origin = Origin {
            spec_name: "spec.yaml".into(),
        };
        for file in render_templates(&api, &origin).unwrap() {
            if !matches!(file.kind, RenderedKind::Rust { .. }) {
                continue;
            }
            let unmarked: String = file
                .text
                .split_inclusive('\n')
                .filter(|line| ![OPEN, CLOSE].contains(&line.trim()))
                .collect();
            let formatted = rust_source(&file.text, &file.template).unwrap();
            let plain = rust_source(&unmarked, &file.template).unwrap();
            if formatted != plain {
                let line = formatted
                    .lines()
                    .zip(plain.lines())
                    .position(|(a, b)| a != b);
                let shown = line.map(|i| (formatted.lines().nth(i), plain.lines().nth(i)));
                panic!(
                    "{} from {}: line {:?} differs (as marked, then as prettyplease prints it): {shown:?}",
                    file.path,
                    path.display(),
                    line.map(|i| i + 1),
                );
            }
            files += 1;
            if file.template == "resource.rs" && file.text.contains(OPEN) {
                resources += 1;
                stashed += usize::from(stash(&file.text).is_some());
            }
            if WHOLLY_STASHED.contains(&file.template.as_str()) {
                let marked = file.text.lines().filter(|l| l.trim() == OPEN).count();
                let taken = stash(&file.text).map_or(0, |(_, runs)| runs.runs.len());
                assert_eq!(
                    taken,
                    marked,
                    "{} from {}: runs left to prettyplease",
                    file.path,
                    path.display()
                );
            }
        }
    }
    assert!(files > 300, "{files} files");
    assert!(
        resources > 100,
        "{resources} resource files with marked runs"
    );
    assert_eq!(stashed, resources, "resource files with runs to stash");
}

fn format(text: &str) -> String {
    prettyplease::unparse(&syn::parse_file(text).unwrap())
}

/// Asserts that `rendered`'s run is stashed and comes back as prettyplease
/// prints the whole text; `what` names the case in a failure.
fn assert_stashed_as_printed(rendered: &str, what: &str) {
    let (text, runs) = stash(rendered).unwrap_or_else(|| panic!("not stashed: {what}"));
    assert_eq!(
        restore(&format(&text), &runs).unwrap(),
        format(rendered),
        "{what}"
    );
}

#[test]
fn runs_come_back_where_their_placeholders_are_printed() {
    let rendered = "impl A {\n//@final\n    /// Sets it.\n    #[inline]\n\n    pub fn b(mut self) -> Self {   \n        self\n    }\n//@end\n    fn c(  ) {}\n}\n";
    let (text, runs) = stash(rendered).unwrap();
    assert!(!text.contains("Sets it"), "{text}");
    let restored = restore(&format(&text), &runs).unwrap();
    assert_eq!(restored, format(rendered));
}

#[test]
fn a_run_with_a_long_line_or_a_comment_is_formatted_with_the_rest() {
    let long = format!("//@final\nfn {}() {{}}\n//@end\n", "f".repeat(90));
    assert!(stash(&long).is_none());
    assert!(stash("//@final\nfn f() {} // note\n//@end\n").is_none());
    assert!(stash("//@final\nfn f() {} /* note */\n//@end\n").is_none());
    assert!(stash("//@final\nconst U: &str = \"https://x\"; // note\n//@end\n").is_none());
    assert!(stash("//@final\nconst U: &str = \"https://x\";\n//@end\n").is_some());
    assert!(stash("//@final\nconst U: &str = r#\"a\"//\"#;\n//@end\n").is_some());
    assert!(stash("//@final\nconst Q: u8 = b'\"'; // note\n//@end\n").is_none());
    assert!(stash("//@final\nfn f(r#type: u8) {}\n//@end\n").is_some());
    // Not ASCII before a raw string: no slicing inside a character.
    assert!(!super::has_comment("Ér\"a//b\""));
    assert_eq!(
        super::struct_literal("", "let { a } = crate::X { a };"),
        None
    );
    assert!(stash("//@final\nconst S: &str = \"é\"; // note\n//@end\n").is_none());
    assert!(stash("//@final\nconst Q: [u8; 2] = [b'\"', b'/'];\n//@end\n").is_some());
    assert!(stash("//@final\n//// not a doc\nfn f() {}\n//@end\n").is_none());
    let long_doc = format!(
        "//@final\n/// {}\nfn f() {{}}\n//@end\n",
        "word ".repeat(40)
    );
    assert!(stash(&long_doc).is_some());
}

#[test]
fn long_signatures_break_as_prettyplease_breaks_them() {
    let long = "X".repeat(40);
    for signature in [
        format!("    pub fn list_with_response(&self) -> Pending<Response<Page<{long}>>> {{"),
        format!(
            "    pub fn permission(mut self, values: impl IntoIterator<Item = impl Into<{}>>) -> Self {{",
            &long[..20]
        ),
        format!(
            "    pub fn create(&self, sid: &str, params: &Create{long}Params) -> Pending<()> {{"
        ),
        format!(
            "    fn m<'de, A: Access<'de>>(&self, a: BTreeMap<String, Value>, b: Box<dyn Fn(u8) -> u8>) -> {long} {{"
        ),
        format!("pub fn free_function(first_argument: u8, second_argument: u16) -> {long} {{"),
        format!("    fn a_test_named_after_a_long_struct_and_its_long_field_{long}() {{"),
        format!(
            "    pub fn update(&self, sid: &str) -> Expectation<crate::Update{long}, Json<crate::Message>> {{"
        ),
    ] {
        let rendered = if signature.starts_with(' ') {
            format!("impl A {{\n//@final\n{signature}\n        self\n    }}\n//@end\n}}\n")
        } else {
            format!("//@final\n{signature}\n    0\n}}\n//@end\n")
        };
        assert_stashed_as_printed(&rendered, &signature);
    }
    for refused in [
        format!("    pub fn no_arguments() -> {long} {{"),
        format!("    pub fn with_where<A>(a: A) -> {long} where A: Clone {{"),
        format!("    pub fn literal(a: A) -> {long} {{ \"{{\""),
        format!("    let not_a_signature = {long}({long});"),
    ] {
        assert_eq!(super::broken_line(&refused), None, "{refused}");
    }
}

#[test]
fn long_statements_break_as_prettyplease_breaks_them() {
    let long = "x".repeat(40);
    for statement in [
        format!(
            "let request = Request::new(Method::GET, path).operation(\"Fetch{long}\", \"/v1/{long}\").query(params.to_query());"
        ),
        format!("let path = format!(\"/v1/Services/{{service_sid}}/{long}/{long}\");"),
        format!(
            "self.messaging_binding_{long}.push_to(\"MessagingBinding.ProxyAddress\", &mut out);"
        ),
        format!("crate::wire::serialize_set(&mut out, \"binding_{long}\", &self.binding_{long})?;"),
        format!(
            "page_decodes_losslessly::<crate::ServiceParticipantConversation{}>(\"readFullByIdentity\", json);",
            &long[..20]
        ),
        format!("let json = r#\"{{\"url\":\"https://example.com/{long}{long}\"}}\"#;"),
        format!("let expected = \"invalid length 1, expected {long} with 2 elements\";"),
        format!("use crate::resources::{long}::mock::{long}Mock;"),
        format!(
            "Handle{long}::new(self.client.clone(), self.chat_service_sid.clone(), sid.into())"
        ),
        format!("const KEYS: &[&str] = &[\"{long}\", \"{long}\", \"b\"];"),
        format!("pub use crate::resources::{long}::mock::{long}Mock;"),
    ] {
        let rendered = format!(
            "fn f() {{\n//@final\n    fn g() {{\n        {statement}\n    }}\n//@end\n}}\n"
        );
        assert_stashed_as_printed(&rendered, &statement);
    }
}

#[test]
fn long_debug_chains_break_as_prettyplease_breaks_them() {
    let long = "x".repeat(30);
    for fields in [2, 3, 6] {
        let mut chain = format!("f.debug_struct(\"Params{long}\")");
        for i in 0..fields {
            chain.push_str(&format!(
                ".field(\"{long}_{i}\", &crate::redact::Personal(&self.{long}_{i}))"
            ));
        }
        chain.push_str(".finish()");
        let rendered = format!(
            "impl D {{\n//@final\n    fn fmt(&self, f: &mut F) -> R {{\n        {chain}\n    }}\n//@end\n}}\n"
        );
        assert_stashed_as_printed(&rendered, &chain);
    }
    // A long receiver, or a statement, is not this rule's.
    let long_receiver =
        format!("formatter.debug_struct(\"{long}\").field(\"{long}\", &self.{long}).finish()");
    assert_eq!(super::broken_line(&long_receiver), None);
}

#[test]
fn long_struct_literals_break_as_prettyplease_breaks_them() {
    let long = "x".repeat(30);
    for literal in [
        format!(
            "crate::Params{long} {{ identity_{long}: Some(SENTINEL.to_owned()), ..Default::default() }}"
        ),
        format!(
            "crate::Params{long} {{ a: None, b_{long}: Vec::from([SENTINEL.to_owned()]), c: 1 }}"
        ),
        "crate::P { m: Vec::from([SENTINEL.to_owned()]) }".to_owned(),
        "crate::A { a: SENTINEL.to_owned() }".to_owned(),
        "crate::A { ab: SENTINEL.to_owned() }".to_owned(),
        "crate::A { a: 1, ..Default::default() }".to_owned(),
    ] {
        let statement = format!("let value = {literal};");
        let rendered = format!(
            "fn f() {{\n//@final\n    fn g() {{\n        {statement}\n    }}\n//@end\n}}\n"
        );
        assert_stashed_as_printed(&rendered, &statement);
    }
    for literal in [
        "Conversations { client }".to_owned(),
        "ServiceRoles { client, chat_service_sid }".to_owned(),
        format!("Handle{long} {{ client, chat_service_sid, conversation_sid }}"),
    ] {
        let rendered = format!(
            "impl A {{\n//@final\n    fn new(client: Client) -> Self {{\n        {literal}\n    }}\n//@end\n}}\n"
        );
        assert_stashed_as_printed(&rendered, &literal);
    }
    let nested = format!(
        "let value = crate::P {{ inner: Some(crate::Q {{ {long}: Some(SENTINEL.to_owned()), ..Default::default() }}) }};"
    );
    assert_eq!(super::struct_literal("        ", &nested), None);
}

#[test]
fn text_around_runs_is_kept_as_written() {
    for rendered in [
        "fn a() {}\n//@final\nfn b() {}\n//@end",
        "fn a() {}\n//@final\nfn b() {}\n//@end\n",
        "//@final\nfn b() {}\n//@end\nfn c() {} //@not a marker\n    //@other\nfn d() {}",
    ] {
        let (text, runs) = stash(rendered).unwrap();
        assert_eq!(runs.runs.len(), 1, "{rendered:?}");
        let expected = rendered.replace(
            "//@final\nfn b() {}\n//@end",
            "fn __final_layout_run_0() {}",
        );
        assert_eq!(text, expected, "{rendered:?}");
    }
}

#[test]
fn unbalanced_markers_and_moved_placeholders_are_refused() {
    assert!(stash("//@final\nfn f() {}\n").is_none());
    assert!(stash("fn f() {}\n//@end\n").is_none());
    assert!(stash("//@final\n//@final\nfn f() {}\n//@end\n").is_none());
    assert!(stash("fn __final_layout_run_0() {}\n//@final\nfn f() {}\n//@end\n").is_none());
    // Written at one indentation, printed at another.
    let (text, runs) = stash("mod m {\n//@final\nfn f() {}\n//@end\n}\n").unwrap();
    assert_eq!(restore(&format(&text), &runs), None);
}
