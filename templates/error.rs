//! The one error type of every call.

//@final
use std::fmt;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::redact::{BodyExcerpt, DecoderMessage};
use crate::wire;

/// Why a call failed.
///
/// No variant's `Debug` or `Display` output contains a credential.
///
/// A response body an error keeps is the caller's, whole, in its field;
/// what `Debug` and `Display` print of it is bounded (512 bytes, then how
/// many more there were) and has the value of every JSON key that the spec
/// marks as sensitive personal data on any model replaced by its size, also
/// in a body cut short; with the `redact-personal-data` feature (when the
/// spec marks any), the keys marked as standard personal data too. What
/// that cannot promise: a personal value under a key no model marks, or in
/// text that is not JSON, is only bounded, not hidden; without the feature,
/// standard personal data in a body is printed.
///
/// New kinds of failure may be added in a minor release: match with a
/// wildcard arm.
#[non_exhaustive]
pub enum Error {
    /// The server answered with a non-2xx status.
    Api(Box<ApiError>),
    /// The request did not complete: no connection, or the connection broke.
    Transport(reqwest::Error),
    /// The request took longer than the configured timeout.
    Timeout(reqwest::Error),
    /// A 2xx answer whose body is not what the spec describes.
    ///
    /// `Display` gives the status and the decoder's message, with any value
    /// it quotes replaced by its size (the decoder does not say which field
    /// a value is in); `Debug` adds the bounded, redacted body. `source()`
    /// is `None`, so that an error reporter walking the chain does not print
    /// the decoder's raw message: it is the `source` field.
    Decode {
        /// The HTTP status of the answer.
        status: u16,
        /// The body as received (lossily decoded as UTF-8), whole.
        body: String,
        /// What the JSON decoder said; its message can quote a value of the body.
        source: serde_json::Error,
    },
    /// An environment variable the client needs is not set.
    MissingEnv(&'static str),
    /// The client or a request is configured in a way that cannot work.
    Config(String),
{% if api.has_uploads() %}
    /// A body longer than the operation takes, refused before anything was
    /// sent.
    TooLarge {
        /// The most the operation takes, in bytes.
        limit: u64,
        /// The body's length in bytes.
        size: u64,
    },
{% endif %}
{% if api.has_binary() %}
    /// A file to send or to save to could not be read or written.
    File {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
{% endif %}
}

impl Error {
    /// A 2xx `body` that did not decode, kept as text.
    pub(crate) fn decode(status: u16, body: &[u8], source: serde_json::Error) -> Error {
        let body = String::from_utf8_lossy(body).into_owned();
        Error::Decode {
            status,
            body,
            source,
        }
    }

    /// The transport error, with the values of its URL's query redacted
    /// (they can be personal data): reqwest's message shows the URL.
    pub(crate) fn from_reqwest(mut err: reqwest::Error) -> Error {
        if let Some(url) = err.url_mut() {
            if let Some(query) = url.query().map(crate::redact::redact_query) {
                url.set_query(Some(&query));
            }
            url.set_fragment(None);
        }
        if err.is_timeout() { Error::Timeout(err) } else { Error::Transport(err) }
    }

    /// The API error, when the server answered with a non-2xx status.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(err) => Some(err),
            _ => None,
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(err) => Some(err.status),
            Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(err) => err.fmt(f),
            Error::Transport(err) => write!(f, "request failed: {err}"),
            Error::Timeout(err) => write!(f, "request timed out: {err}"),
            Error::Decode { status, source, .. } => {
                write!(
                    f, "cannot decode the {status} response: {}", DecoderMessage(source)
                )
            }
            Error::MissingEnv(name) => {
                write!(f, "environment variable {name} is not set")
            }
            Error::Config(message) => f.write_str(message),
{% if api.has_uploads() %}
            Error::TooLarge { limit, size } => {
                write!(
                    f,
                    "the body is {size} bytes, more than the {limit} bytes this operation takes; nothing was sent"
                )
            }
{% endif %}
{% if api.has_binary() %}
            Error::File { path, source } => {
                write!(f, "file {}: {source}", path.display())
            }
{% endif %}
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(err) | Error::Timeout(err) => Some(err),
{% if api.has_binary() %}
            Error::File { source, .. } => Some(source),
{% endif %}
            _ => None,
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(err) => f.debug_tuple("Api").field(err).finish(),
            Error::Transport(err) => f.debug_tuple("Transport").field(err).finish(),
            Error::Timeout(err) => f.debug_tuple("Timeout").field(err).finish(),
            Error::Decode { status, body, source } => {
                f.debug_struct("Decode")
                    .field("status", status)
                    .field("body", &BodyExcerpt(body))
                    .field("source", &DecoderMessage(source))
                    .finish()
            }
            Error::MissingEnv(name) => f.debug_tuple("MissingEnv").field(name).finish(),
            Error::Config(message) => f.debug_tuple("Config").field(message).finish(),
{% if api.has_uploads() %}
            Error::TooLarge { limit, size } => {
                f.debug_struct("TooLarge")
                    .field("limit", limit)
                    .field("size", size)
                    .finish()
            }
{% endif %}
{% if api.has_binary() %}
            Error::File { path, source } => {
                f.debug_struct("File")
                    .field("path", path)
                    .field("source", source)
                    .finish()
            }
{% endif %}
        }
    }
}

/// A non-2xx answer from the API.
///
/// Twilio's JSON error body gives `code`, `message`, `more_info` and
/// `details`; any other body (an HTML page from a proxy) is kept in `body`.
///
/// `Debug` prints `body` and `details` as [`Error`] prints a body: bounded,
/// with the values of sensitive keys hidden. `message` is Twilio's text and
/// printed as it is.
#[derive(Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// Twilio's error code, e.g. `20404`.
    pub code: Option<i64>,
    /// Twilio's error message.
    pub message: Option<String>,
    /// A link to the documentation of the error code.
    pub more_info: Option<String>,
    /// Further details, when Twilio gives them.
    pub details: Option<serde_json::Value>,
    /// The body as received (lossily decoded as UTF-8), whole.
    pub body: String,
    /// The response headers.
    pub headers: HeaderMap,
}

impl ApiError {
    pub(crate) fn from_response(
        status: StatusCode,
        headers: HeaderMap,
        body: &[u8],
    ) -> ApiError {
        let (code, message, more_info, details) = serde_json::from_slice::<Body>(body)
            .map_or(
                (None, None, None, None),
                |b| (b.code, b.message, b.more_info, b.details),
            );
        ApiError {
            status: status.as_u16(),
            code,
            message,
            more_info,
            details,
            body: String::from_utf8_lossy(body).into_owned(),
            headers,
        }
    }

    /// Twilio's request id (`Twilio-Request-Id`), for support tickets.
    pub fn request_id(&self) -> Option<&str> {
        self.headers.get("twilio-request-id")?.to_str().ok()
    }
}

/// Twilio's JSON error body; a body that is not one leaves every field `None`.
#[derive(Default)]
struct Body {
    code: Option<i64>,
    message: Option<String>,
    more_info: Option<String>,
    details: Option<serde_json::Value>,
}

impl<'de> serde::Deserialize<'de> for Body {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        wire::decode(deserializer)
    }
}

impl wire::Decode for Body {
    const NAME: &'static str = "Body";
    const FIELDS: &'static [&'static str] = &["code", "message", "more_info", "details"];

    fn read<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            0 => wire::read(map, &mut self.code),
            1 => wire::read(map, &mut self.message),
            2 => wire::read(map, &mut self.more_info),
            _ => wire::read(map, &mut self.details),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        if let Some(code) = self.code {
            write!(f, " (Twilio error {code})")?;
        }
        match &self.message {
            Some(message) => write!(f, ": {message}"),
            None if self.body.is_empty() => Ok(()),
            None => write!(f, ": {}", BodyExcerpt(& self.body).text(200).trim()),
        }
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let details = self.details.as_ref().map(|details| details.to_string());
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("more_info", &self.more_info)
            .field("details", &details.as_deref().map(BodyExcerpt))
            .field("body", &BodyExcerpt(&self.body))
            .field("headers", &self.headers)
            .finish()
    }
}

impl std::error::Error for ApiError {}
//@end
