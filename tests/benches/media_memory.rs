//! Peak memory of a 100 MB upload and download through the committed crate,
//! against a server on 127.0.0.1 in this process: `cargo bench -p
//! workspace-tests --bench media_memory`.
//!
//! The file is uploaded with `Upload::file` (streamed from disk) and
//! downloaded with `Download::save` (streamed to disk). Each phase resets the
//! kernel's peak-RSS mark (`/proc/self/clear_refs`) and reads it afterwards
//! (`VmHWM` in `/proc/self/status`), so the figure is the most memory the
//! process held during that phase, above the baseline it started from. The
//! server reads and writes in 64 KiB chunks and keeps nothing. Linux only.

use std::time::Instant;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use twilio_conversations::{Client, RetryPolicy, Upload};

const SIZE: u64 = 100 * 1024 * 1024;
const CHUNK: usize = 64 * 1024;

fn status_kib(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    status
        .lines()
        .find_map(|line| line.strip_prefix(key))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{key} in /proc/self/status"))
}

/// Resets the peak-RSS mark to the current RSS.
fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").expect("clear_refs (Linux 4.0 and later)");
}

/// Answers each connection's one request: an upload is read and dropped
/// (answered 201 with a Media resource), a download is 100 MB of bytes.
async fn serve(listener: TcpListener) {
    loop {
        let (mut socket, _) = listener.accept().await.expect("accept");
        tokio::spawn(async move {
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                if socket.read(&mut byte).await.unwrap_or(0) == 0 {
                    return;
                }
                head.push(byte[0]);
            }
            let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
            let mut buf = vec![0u8; CHUNK];
            if head.starts_with("post") {
                let length: u64 = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                let mut left = length;
                while left > 0 {
                    let n = socket.read(&mut buf).await.expect("read body");
                    assert!(n > 0, "the upload ended early");
                    left -= n as u64;
                }
                let body = format!(
                    r#"{{"sid":"ME59b872f1e52fbd6fe6ad956bbb4fa9bd","size":{length},"content_type":"application/octet-stream"}}"#
                );
                let answer = format!(
                    "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                socket.write_all(answer.as_bytes()).await.expect("answer");
            } else {
                let answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: {SIZE}\r\nconnection: close\r\n\r\n"
                );
                socket.write_all(answer.as_bytes()).await.expect("answer");
                let mut left = SIZE;
                while left > 0 {
                    let n = (CHUNK as u64).min(left) as usize;
                    socket.write_all(&buf[..n]).await.expect("write body");
                    left -= n as u64;
                }
            }
            let _ = socket.shutdown().await;
        });
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("upload.bin");
    {
        let mut file = std::fs::File::create(&source).expect("create");
        let block = vec![7u8; 1024 * 1024];
        for _ in 0..SIZE / (1024 * 1024) {
            std::io::Write::write_all(&mut file, &block).expect("write");
        }
    }
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(serve(listener));
    let client = Client::builder("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "token")
        .base_url(url)
        .retry_policy(RetryPolicy::none())
        .timeout(std::time::Duration::from_secs(300))
        .build()
        .expect("client");
    let media = client
        .services()
        .media("IS9a1d1c11fefec4c3cc1a55c4203b660b");
    // Warm up: one small call, so the connection pool and runtime exist.
    media
        .create(Upload::bytes("text/plain", "warm"))
        .await
        .expect("warm-up upload");

    let baseline = status_kib("VmRSS:");
    reset_peak();
    let started = Instant::now();
    let uploaded = media
        .create(
            Upload::file(&source, "application/octet-stream")
                .await
                .expect("file"),
        )
        .await
        .expect("upload");
    let upload_time = started.elapsed();
    let upload_peak = status_kib("VmHWM:");
    assert_eq!(uploaded.size, Some(SIZE as i64));

    reset_peak();
    let download_base = status_kib("VmRSS:");
    let target = dir.path().join("download.bin");
    let started = Instant::now();
    let written = media
        .content("ME59b872f1e52fbd6fe6ad956bbb4fa9bd")
        .fetch()
        .await
        .expect("download")
        .save(&target)
        .await
        .expect("save");
    let download_time = started.elapsed();
    let download_peak = status_kib("VmHWM:");
    assert_eq!(written, SIZE);

    let mib = |kib: u64| kib as f64 / 1024.0;
    println!("media_memory: 100 MiB through the crate, server on 127.0.0.1 in-process");
    println!(
        "upload   (Upload::file):  baseline {:.1} MiB, peak {:.1} MiB, +{:.1} MiB, {:.2} s",
        mib(baseline),
        mib(upload_peak),
        mib(upload_peak.saturating_sub(baseline)),
        upload_time.as_secs_f64()
    );
    println!(
        "download (Download::save): baseline {:.1} MiB, peak {:.1} MiB, +{:.1} MiB, {:.2} s",
        mib(download_base),
        mib(download_peak),
        mib(download_peak.saturating_sub(download_base)),
        download_time.as_secs_f64()
    );
}
