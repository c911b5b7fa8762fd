//! Media messages on the wire: files uploaded to and downloaded from the
//! Media Content Service's host, which `base_url` points at the test server
//! like every other host.

use std::convert::Infallible;

use futures::StreamExt;
use twilio_conversations::{Error, OTHER_HOSTS, Upload};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::{EXPECTED_AUTHORIZATION, client, client_with, fast_retries, header, requests};

const SERVICE: &str = "IS9a1d1c11fefec4c3cc1a55c4203b660b";
const MEDIA: &str = "ME59b872f1e52fbd6fe6ad956bbb4fa9bd";

fn media_json(content_type: &str, size: usize) -> serde_json::Value {
    serde_json::json!({
        "sid": MEDIA,
        "service_sid": SERVICE,
        "date_created": "2024-05-01T09:30:00.897143-07:00",
        "date_upload_updated": "2024-05-01T09:30:00.906058-07:00",
        "date_updated": "2024-05-01T09:30:00.897143-07:00",
        "links": { "content": format!("/v1/Services/{SERVICE}/Media/{MEDIA}/Content") },
        "size": size,
        "content_type": content_type,
        "filename": null,
        "author": "system",
        "category": "media",
        "message_sid": null,
        "channel_sid": null,
        "url": format!("/v1/Services/{SERVICE}/Media/{MEDIA}"),
        "is_multipart_upstream": false
    })
}

async fn upload_server(status: u16) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/Services/{SERVICE}/Media")))
        .respond_with(
            ResponseTemplate::new(status).set_body_json(media_json("application/pdf", 11)),
        )
        .mount(&server)
        .await;
    server
}

#[test]
fn media_is_on_its_own_host_that_names_its_region() {
    assert_eq!(OTHER_HOSTS, ["https://mcs.us1.twilio.com"]);
}

#[tokio::test]
async fn an_upload_sends_the_exact_bytes_type_length_and_credentials() {
    let server = upload_server(201).await;
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let media = client(&server)
        .services()
        .media(SERVICE)
        .create(Upload::bytes("application/pdf", bytes.clone()))
        .await
        .unwrap();
    assert_eq!(media.sid.as_deref(), Some(MEDIA));
    assert_eq!(
        media.links.unwrap().content.unwrap(),
        format!("/v1/Services/{SERVICE}/Media/{MEDIA}/Content")
    );
    let seen = requests(&server).await;
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].body, bytes);
    assert_eq!(header(&seen[0], "content-type"), Some("application/pdf"));
    assert_eq!(header(&seen[0], "content-length"), Some("70000"));
    assert_eq!(
        header(&seen[0], "authorization"),
        Some(EXPECTED_AUTHORIZATION)
    );
}

#[tokio::test]
async fn a_file_is_streamed_from_disk_and_a_stream_is_sent_as_it_comes() {
    let server = upload_server(201).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("voice.ogg");
    let content: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&file, &content).unwrap();
    let media = client(&server).services().media(SERVICE);
    let upload = Upload::file(&file, "audio/ogg").await.unwrap();
    assert_eq!(upload.len(), Some(200_000));
    media.create(upload).await.unwrap();

    let chunks: Vec<Result<bytes::Bytes, Infallible>> = vec![
        Ok(bytes::Bytes::from_static(b"part one, ")),
        Ok(bytes::Bytes::from_static(b"part two")),
    ];
    let stream = futures::stream::iter(chunks);
    media
        .create(Upload::stream("text/plain", stream, None))
        .await
        .unwrap();

    let seen = requests(&server).await;
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].body, content);
    assert_eq!(header(&seen[0], "content-type"), Some("audio/ogg"));
    assert_eq!(header(&seen[0], "content-length"), Some("200000"));
    assert_eq!(seen[1].body, b"part one, part two");
    assert_eq!(header(&seen[1], "content-type"), Some("text/plain"));
}

#[tokio::test]
async fn a_missing_file_is_an_error_naming_it_and_nothing_is_sent() {
    let err = Upload::file("/nonexistent/invoice.pdf", "application/pdf")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::File { .. }), "{err:?}");
    assert!(
        err.to_string().contains("/nonexistent/invoice.pdf"),
        "{err}"
    );
}

#[tokio::test]
async fn a_rate_limited_upload_is_sent_again_whole_but_a_stream_is_not() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "0"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(media_json("image/png", 4)))
        .mount(&server)
        .await;
    let media = client_with(&server, fast_retries())
        .services()
        .media(SERVICE);
    media
        .create(Upload::bytes("image/png", &b"\x89PNG"[..]))
        .await
        .unwrap();
    let seen = requests(&server).await;
    assert_eq!(seen.len(), 2, "one 429, then the same upload again");
    assert_eq!(seen[0].body, b"\x89PNG");
    assert_eq!(seen[1].body, b"\x89PNG");

    // A stream can be read once: its 429 is the answer.
    server.reset().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "0"))
        .mount(&server)
        .await;
    let chunks: Vec<Result<bytes::Bytes, Infallible>> =
        vec![Ok(bytes::Bytes::from_static(b"once"))];
    let err = media
        .create(Upload::stream(
            "text/plain",
            futures::stream::iter(chunks),
            Some(4),
        ))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(
        requests(&server).await.len(),
        1,
        "a stream is never sent twice"
    );
}

#[tokio::test]
async fn a_body_over_the_documented_limit_is_refused_before_sending() {
    let server = upload_server(201).await;
    // 150 MiB + 1, declared by a stream that is never read.
    let never: futures::stream::Pending<Result<bytes::Bytes, Infallible>> =
        futures::stream::pending();
    let err = client(&server)
        .services()
        .media(SERVICE)
        .create(Upload::stream("video/mp4", never, Some(157_286_401)))
        .await
        .unwrap_err();
    match &err {
        Error::TooLarge { limit, size } => assert_eq!((*limit, *size), (157_286_400, 157_286_401)),
        other => panic!("expected TooLarge, got {other:?}"),
    }
    assert!(
        err.to_string().contains("157286400"),
        "the message names the limit: {err}"
    );
    assert!(requests(&server).await.is_empty(), "nothing was sent");
}

#[tokio::test]
async fn a_download_reads_as_bytes_as_a_stream_and_to_a_file() {
    let server = MockServer::start().await;
    let content: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 256) as u8).collect();
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/Services/{SERVICE}/Media/{MEDIA}/Content"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_raw(content.clone(), "image/jpeg"))
        .mount(&server)
        .await;
    let file = client(&server).services().media(SERVICE).content(MEDIA);

    let download = file.fetch().await.unwrap();
    assert_eq!(download.content_type(), Some("image/jpeg"));
    assert_eq!(download.content_length(), Some(300_000));
    assert_eq!(download.bytes().await.unwrap(), content);

    let mut streamed = Vec::new();
    let mut chunks = file.fetch().await.unwrap().stream();
    while let Some(chunk) = chunks.next().await {
        streamed.extend_from_slice(&chunk.unwrap());
    }
    assert_eq!(streamed, content);

    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("photo.jpg");
    let written = file.fetch().await.unwrap().save(&target).await.unwrap();
    assert_eq!(written, 300_000);
    assert_eq!(std::fs::read(&target).unwrap(), content);
    for request in requests(&server).await {
        assert_eq!(
            header(&request, "authorization"),
            Some(EXPECTED_AUTHORIZATION)
        );
    }
}

#[tokio::test]
async fn the_content_link_redirect_and_the_temporary_url_get_no_credentials() {
    // The signed URL is on another host (another port here).
    let storage = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/{MEDIA}")))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(b"%PDF-1.7".to_vec(), "application/pdf"),
        )
        .mount(&storage)
        .await;
    let signed = format!(
        "{}/{MEDIA}?Expires=1714581300&Signature=c2ln&Key-Pair-Id=APKA",
        storage.uri()
    );
    let mcs = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/Services/{SERVICE}/Media/{MEDIA}/Content"
        )))
        .respond_with(ResponseTemplate::new(302).insert_header("Location", signed.as_str()))
        .mount(&mcs)
        .await;
    let client = client(&mcs);
    let followed = client
        .services()
        .media(SERVICE)
        .content(MEDIA)
        .fetch()
        .await
        .unwrap();
    assert_eq!(followed.bytes().await.unwrap(), &b"%PDF-1.7"[..]);
    let direct = client.download_url(&signed).await.unwrap();
    assert_eq!(direct.content_type(), Some("application/pdf"));
    assert_eq!(direct.bytes().await.unwrap(), &b"%PDF-1.7"[..]);

    let at_mcs = requests(&mcs).await;
    assert_eq!(
        header(&at_mcs[0], "authorization"),
        Some(EXPECTED_AUTHORIZATION)
    );
    let at_storage = requests(&storage).await;
    assert_eq!(at_storage.len(), 2);
    for request in &at_storage {
        assert_eq!(
            header(request, "authorization"),
            None,
            "no credentials leave for the signed URL"
        );
        assert!(request.url.query().unwrap().contains("Signature=c2ln"));
    }
}

#[tokio::test]
async fn a_failed_temporary_url_is_an_api_error() {
    let storage = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(403).set_body_string("expired"))
        .mount(&storage)
        .await;
    let mcs = MockServer::start().await;
    let err = client(&mcs)
        .download_url(&format!("{}/{MEDIA}?Expires=1", storage.uri()))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403));
    assert!(
        client(&mcs)
            .download_url("file:///etc/passwd")
            .await
            .is_err()
    );
}
