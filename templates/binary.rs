//! Bodies that are neither JSON nor a form: files, bytes and streams sent
//! as they are ([`Upload`]), and answers read as bytes or as a stream
//! ([`Download`]), neither held in memory unless the caller asks.

use std::fmt;
{% if api.has_uploads() %}
use std::path::{Path, PathBuf};
use std::sync::Mutex;
{% endif %}

use bytes::Bytes;
use futures_core::Stream;
{% if api.has_downloads() %}
use futures_util::StreamExt;
use reqwest::header::{CONTENT_TYPE, HeaderMap};
{% endif %}

use crate::error::Error;
{% if api.has_uploads() %}

/// A request body sent as it is: bytes in memory, a file read from disk as
/// it is sent, or any stream of bytes.
///
/// Where an operation takes several media types (`*/*`, `image/*`), the
/// content type given here is the one sent. A body whose length is known
/// (bytes, a file, a stream given its length) is checked against the
/// operation's documented size limit before anything is sent.
///
/// Retries: bytes and files are sent again when the client retries (a 429,
/// say); a file is reopened for each attempt. A stream can be read once, so
/// a request with a stream body is never retried: the first answer is final.
///
/// ```no_run
/// # async fn example() -> Result<(), {{ api.lib_name }}::Error> {
/// use {{ api.lib_name }}::Upload;
///
/// let from_memory = Upload::bytes("text/plain", "hello");
/// let from_disk = Upload::file("invoice.pdf", "application/pdf").await?;
/// assert_eq!(from_memory.len(), Some(5));
/// # let _ = from_disk;
/// # Ok(())
/// # }
/// ```
pub struct Upload {
    content_type: String,
    len: Option<u64>,
    source: Source,
}

enum Source {
    Bytes(Bytes),
    File(PathBuf),
    /// Taken by the first attempt.
    Stream(Mutex<Option<reqwest::Body>>),
}

impl Upload {
    /// `data`, sent with `content_type` (e.g. `image/png`).
    pub fn bytes(content_type: impl Into<String>, data: impl Into<Bytes>) -> Upload {
        let data = data.into();
        Upload {
            content_type: content_type.into(),
            len: Some(data.len() as u64),
            source: Source::Bytes(data),
        }
    }

    /// The file at `path`, streamed from disk as it is sent, with
    /// `content_type`. Its size is read now; the file is opened when sent.
    pub async fn file(path: impl AsRef<Path>, content_type: impl Into<String>) -> Result<Upload, Error> {
        let path = path.as_ref().to_owned();
        let metadata = tokio::fs::metadata(&path).await.map_err(|source| Error::File {
            path: path.clone(),
            source,
        })?;
        Ok(Upload {
            content_type: content_type.into(),
            len: Some(metadata.len()),
            source: Source::File(path),
        })
    }

    /// Bytes from `stream`, sent as they come, with `content_type`. Give
    /// `len` when it is known: it is sent as `Content-Length` and checked
    /// against the operation's size limit first. A stream body is sent once
    /// and never retried.
    pub fn stream<S, E>(content_type: impl Into<String>, stream: S, len: Option<u64>) -> Upload
    where
        S: Stream<Item = Result<Bytes, E>> + Send + 'static,
        E: std::error::Error + Send + Sync + 'static,
    {
        Upload {
            content_type: content_type.into(),
            len,
            source: Source::Stream(Mutex::new(Some(reqwest::Body::wrap_stream(stream)))),
        }
    }

    /// The content type it is sent with.
    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    /// Its length in bytes, when known.
    pub fn len(&self) -> Option<u64> {
        self.len
    }

    /// Whether it is known to be empty.
    pub fn is_empty(&self) -> bool {
        self.len == Some(0)
    }

    {{ api.cfg(Need::Uploads) }}
    /// Refuses a body longer than `limit` bytes, before anything is sent.
    pub(crate) fn check_len(&self, limit: Option<u64>) -> Result<(), Error> {
        match (limit, self.len) {
            (Some(limit), Some(size)) if size > limit => Err(Error::TooLarge { limit, size }),
            _ => Ok(()),
        }
    }

    /// Whether a second attempt can send it again.
    pub(crate) fn replayable(&self) -> bool {
        !matches!(self.source, Source::Stream(_))
    }

    /// The body for one attempt: `None` for a stream already sent.
    pub(crate) async fn body(&self) -> Result<Option<reqwest::Body>, Error> {
        Ok(match &self.source {
            Source::Bytes(data) => Some(reqwest::Body::from(data.clone())),
            Source::File(path) => {
                let file = tokio::fs::File::open(path).await.map_err(|source| Error::File {
                    path: path.clone(),
                    source,
                })?;
                Some(reqwest::Body::from(file))
            }
            Source::Stream(stream) => stream.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take(),
        })
    }
}

impl fmt::Debug for Upload {
    /// The content type, the length and where the bytes come from: never the bytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = match &self.source {
            Source::Bytes(_) => "bytes",
            Source::File(_) => "file",
            Source::Stream(_) => "stream",
        };
        f.debug_struct("Upload")
            .field("content_type", &self.content_type)
            .field("len", &self.len)
            .field("source", &source)
            .finish()
    }
}
{% endif %}
{% if api.has_downloads() %}

/// An answer whose body is a file: read it whole with [`Download::bytes`],
/// as it arrives with [`Download::stream`], or straight to disk with
/// [`Download::save`]. Until then nothing but the headers has been read.
pub struct Download {
    response: reqwest::Response,
}

impl Download {
    pub(crate) fn new(response: reqwest::Response) -> Download {
        Download { response }
    }

    /// The headers of the answer.
    pub fn headers(&self) -> &HeaderMap {
        self.response.headers()
    }

    /// The media type of the body, e.g. `image/png`.
    pub fn content_type(&self) -> Option<&str> {
        self.response.headers().get(CONTENT_TYPE)?.to_str().ok()
    }

    /// The length of the body in bytes, when the server gave it.
    pub fn content_length(&self) -> Option<u64> {
        self.response.content_length()
    }

    /// The whole body, in memory.
    pub async fn bytes(self) -> Result<Bytes, Error> {
        self.response.bytes().await.map_err(Error::from_reqwest)
    }

    /// The body as it arrives, in chunks.
    pub fn stream(self) -> impl Stream<Item = Result<Bytes, Error>> + Send + 'static {
        self.response.bytes_stream().map(|chunk| chunk.map_err(Error::from_reqwest))
    }

    /// Writes the body to a new file at `path` (replacing one that is
    /// there) as it arrives, and returns how many bytes were written. On an
    /// error the file is removed, so no half-written file is left.
    pub async fn save(self, path: impl AsRef<std::path::Path>) -> Result<u64, Error> {
        use tokio::io::AsyncWriteExt;
        let path = path.as_ref();
        let file_error = |source| Error::File {
            path: path.to_owned(),
            source,
        };
        let mut file = tokio::fs::File::create(path).await.map_err(file_error)?;
        let mut written = 0;
        let mut chunks = self.stream();
        let outcome: Result<(), Error> = async {
            while let Some(chunk) = chunks.next().await {
                let chunk = chunk?;
                file.write_all(&chunk).await.map_err(file_error)?;
                written += chunk.len() as u64;
            }
            file.flush().await.map_err(file_error)
        }
        .await;
        if let Err(err) = outcome {
            drop(file);
            let _ = tokio::fs::remove_file(path).await;
            return Err(err);
        }
        Ok(written)
    }
}

impl fmt::Debug for Download {
    /// The status, content type and length: never the body.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Download")
            .field("status", &self.response.status().as_u16())
            .field("content_type", &self.content_type())
            .field("content_length", &self.content_length())
            .finish()
    }
}
{% endif %}
