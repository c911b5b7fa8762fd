//! Files sent and answered as they are, the `Accept` header, and the hosts
//! operations of their own are sent to (`OTHER_HOSTS`).

use std::collections::BTreeSet;

use codegen::compare::{RequestKind, Upload};

use super::*;

#[test]
fn uploads_downloads_and_the_accept_header() {
    let report = pair("binary");
    let upload = op(Method::Post, "/v1/Files", "UploadFile");
    let replace = op(Method::Put, "/v1/Files/{Sid}", "ReplaceFile");
    let fetch = op(Method::Get, "/v1/Files/{Sid}", "FetchFile");
    let content = op(Method::Get, "/v1/Files/{Sid}/Content", "FetchFileContent");
    let link = op(Method::Get, "/v1/Files/{Sid}/Link", "FetchFileLink");
    let archive = op(Method::Post, "/v1/Archives", "CreateArchive");
    let form = op(Method::Post, "/v1/Forms", "SubmitForm");
    let note = op(Method::Post, "/v1/Notes", "CreateNote");
    let report_op = op(Method::Get, "/v1/Reports/{Sid}", "FetchReport");
    let accept = |from: Option<&str>, to: &str| Change::Accept {
        from: from.map(str::to_owned),
        to: Some(to.to_owned()),
    };
    assert_eq!(
        report.differences,
        vec![
            // The generator skips a multipart-only body: a method appears.
            additive(
                &archive,
                Change::RequestBody {
                    from: RequestKind::Multipart,
                    to: RequestKind::Upload,
                },
            ),
            // The caller names each upload's `Content-Type`.
            additive(
                &upload,
                Change::UploadMediaTypeAdded {
                    media_type: "image/jpeg".into(),
                },
            ),
            // An app may be sending it: the server now refuses it.
            breaking(
                &upload,
                Change::UploadMediaTypeRemoved {
                    media_type: "application/octet-stream".into(),
                },
            ),
            // The limit is the first media type's that has one.
            breaking(
                &upload,
                Change::UploadMaxLength {
                    from: Some(1000),
                    to: Some(500),
                },
            ),
            breaking(
                &fetch,
                Change::ResponseBody {
                    from: BodyKind::Json,
                    to: BodyKind::Binary,
                },
            ),
            additive(&fetch, accept(None, "application/pdf")),
            additive(
                &replace,
                Change::UploadMaxLength {
                    from: Some(100),
                    to: None,
                },
            ),
            additive(&content, accept(Some("image/png"), "image/png, image/jpeg")),
            additive(
                &link,
                Change::SuccessStatus {
                    from: None,
                    to: Some(204),
                },
            ),
            // Only a redirect is a file too (the client follows it).
            breaking(
                &link,
                Change::ResponseBody {
                    from: BodyKind::Binary,
                    to: BodyKind::Empty,
                },
            ),
            additive(&link, Change::StatusCodeRemoved { code: "302".into() }),
            breaking(
                &form,
                Change::RequestBody {
                    from: RequestKind::Upload,
                    to: RequestKind::Multipart,
                },
            ),
            breaking(
                &note,
                Change::RequestBody {
                    from: RequestKind::Json("application/json".into()),
                    to: RequestKind::Upload,
                },
            ),
            additive(&report_op, accept(None, "application/vnd.report+json")),
        ]
    );
    let text = report.to_string();
    for line in [
        "  breaking  upload size limit 1000 bytes → 500 bytes (uploads that went before are refused)",
        "  additive  upload size limit 100 bytes → none",
        "  breaking  request body: JSON (application/json) → a file (`Upload`)",
        "  breaking  request body: a file (`Upload`) → multipart only (the operation is not generated)",
        "  breaking  response body: a JSON body → a file (`Download`)",
        "  additive  Accept `image/png` → `image/png, image/jpeg`",
    ] {
        assert!(lines(&report).iter().any(|l| l == line), "{line}\n{text}");
    }

    let to = facts("binary/to.yaml");
    let files = &to.operations[&OperationKey::new(Method::Post, "/v1/Files")];
    assert_eq!(
        files.upload,
        Some(Upload {
            media_types: ["image/png".to_owned(), "image/jpeg".to_owned()].into(),
            max_len: Some(500),
        })
    );
    assert_eq!(files.request_kind(), RequestKind::Upload);
    let forms = &to.operations[&OperationKey::new(Method::Post, "/v1/Forms")];
    assert_eq!(
        forms.multipart,
        Some(BTreeSet::from(["multipart/form-data".to_owned()]))
    );
    let fetched = &to.operations[&OperationKey::new(Method::Get, "/v1/Files/{Sid}")];
    assert_eq!(fetched.responses.body, Body::Binary);
}

#[test]
fn other_hosts_gained_and_lost() {
    let report = pair("hosts");
    let host = |url: &str| url.to_owned();
    let spec_level: Vec<Difference> = report
        .differences
        .iter()
        .filter(|d| d.subject == Subject::Spec)
        .cloned()
        .collect();
    assert_eq!(
        spec_level,
        vec![
            additive(
                &Subject::Spec,
                Change::HostAdded {
                    url: host("https://exports.eu.things.example.com"),
                },
            ),
            breaking(
                &Subject::Spec,
                Change::HostRemoved {
                    url: host("https://exports.things.example.com"),
                },
            ),
            breaking(
                &Subject::Spec,
                Change::HostRemoved {
                    url: host("https://media.things.example.com"),
                },
            ),
        ]
    );
    // Every operation whose servers changed says so, without a verdict of
    // its own beyond the default base URL's: the hosts carry it.
    let moved: Vec<&Change> = report
        .differences
        .iter()
        .filter(|d| d.subject != Subject::Spec)
        .map(|d| &d.change)
        .collect();
    assert_eq!(moved.len(), 3, "{report}");
    assert!(
        moved
            .iter()
            .all(|c| matches!(c, Change::OperationServers { .. }))
    );
    // A second server after the spec's own leaves the operation on the first.
    let to = facts("hosts/to.yaml");
    assert_eq!(
        to.hosts,
        BTreeSet::from([host("https://exports.eu.things.example.com")])
    );
    assert_eq!(report.release(), Some(Release::Major));
}
