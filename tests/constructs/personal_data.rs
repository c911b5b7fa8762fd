//! Personal-data markers: every field they mark, and derived `Debug` where
//! a spec has none.

use super::*;

#[test]
fn personal_data_markers_reach_every_field_they_mark() {
    use codegen::ir::Pii::{Sensitive, Standard};
    let api = generate("personal_data.yaml");
    let marks = |fields: Vec<(&str, Option<codegen::ir::Pii>)>| {
        fields
            .into_iter()
            .filter_map(|(name, pii)| Some((name.to_owned(), pii?)))
            .collect::<Vec<_>>()
    };
    let note = model(&api, "Note");
    assert_eq!(
        marks(
            note.fields
                .iter()
                .map(|f| (f.rust_name.as_str(), f.pii))
                .collect()
        ),
        [
            // inline
            ("text", Sensitive),
            ("count", Sensitive),
            // beside a one-member `allOf`
            ("mood", Sensitive),
            ("contact", Standard),
            // on the schema a `$ref` names
            ("phone", Standard),
            ("tags", Standard),
            // `restricted` and no handling at all: treated as sensitive
            ("extra", Sensitive),
            ("blob", Sensitive),
            ("seen", Sensitive),
        ]
        .map(|(n, p)| (n.to_owned(), p))
    );
    let doc = |name: &str| {
        let f = note.fields.iter().find(|f| f.rust_name == name).unwrap();
        f.pii_doc.join(" ")
    };
    assert!(doc("text").contains("sensitive"), "{}", doc("text"));
    assert!(
        doc("tags").contains("redact-personal-data"),
        "{}",
        doc("tags")
    );
    assert!(doc("extra").contains("`restricted`"), "{}", doc("extra"));
    assert!(
        doc("blob").contains("without a handling"),
        "{}",
        doc("blob")
    );
    assert!(
        note.fields
            .iter()
            .filter(|f| f.pii.is_none())
            .all(|f| f.pii_doc.is_empty())
    );
    assert!(!model(&api, "Contact").has_personal_data());

    // Params: a parameter's own marker; otherwise the marking of the
    // response field a form or query field carries (`Contact.Name` by its
    // first part); `Label` and `Count`... as the response has them.
    let create = params(operation(&api, "CreateNote"));
    assert_eq!(
        marks(
            create
                .fields
                .iter()
                .map(|f| (f.rust_name.as_str(), f.pii))
                .collect()
        ),
        [
            ("text", Sensitive),
            ("tags", Standard),
            ("contact_name", Standard),
            ("phone", Standard),
            ("count", Sensitive),
        ]
        .map(|(n, p)| (n.to_owned(), p))
    );
    let inherited = create
        .fields
        .iter()
        .find(|f| f.rust_name == "text")
        .unwrap();
    assert!(
        inherited.pii_doc.join(" ").contains("`text` of [`Note`]"),
        "{:?}",
        inherited.pii_doc
    );
    let list = params(operation(&api, "ListNote"));
    assert_eq!(
        marks(
            list.fields
                .iter()
                .map(|f| (f.rust_name.as_str(), f.pii))
                .collect()
        ),
        [("who", Standard), ("text", Sensitive)].map(|(n, p)| (n.to_owned(), p))
    );

    assert_eq!(
        api.sensitive_keys,
        ["blob", "count", "extra", "mood", "seen", "text"]
    );
    assert_eq!(api.standard_keys, ["contact", "phone", "tags"]);
    assert_eq!(api.redacted_types, ["Contact", "NoteKind"]);
    // One generated test per marked field that can hold text, or a model
    // with a text field to set (`contact`): not `count` or `seen` (a
    // number, a date-time).
    let tests: Vec<&str> = api.pii_cases.iter().map(|c| c.test.as_str()).collect();
    assert_eq!(
        tests,
        [
            "note_text",
            "note_mood",
            "note_contact",
            "note_phone",
            "note_tags",
            "note_extra",
            "note_blob",
            "create_note_params_text",
            "create_note_params_tags",
            "create_note_params_contact_name",
            "create_note_params_phone",
            "list_note_params_who",
            "list_note_params_text",
        ]
    );
    // `Note` has no `Default` (its `created` is required), so its tests
    // build it whole; `CreateNoteParams` needs its `Label`.
    assert!(
        api.pii_cases[0].build.contains("created: chrono::"),
        "{}",
        api.pii_cases[0].build
    );
    assert!(
        api.pii_cases[7].build.contains("label: String::new()"),
        "{}",
        api.pii_cases[7].build
    );
}

#[test]
fn specs_without_markers_keep_derived_debug() {
    let api = generate("required.yaml");
    assert!(!api.has_personal_data());
    assert!(api.pii_cases.is_empty() && api.sensitive_keys.is_empty());
}
