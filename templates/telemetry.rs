//! The `tracing` span of each call (feature `tracing`), named and filled as
//! OpenTelemetry's semantic conventions for HTTP client spans say, so a
//! `tracing-opentelemetry` layer exports it as a standard HTTP client span.
//!
//! | field | value |
//! |---|---|
//! | `otel.kind` | `client` |
//! | `otel.name` | the method and path template, e.g. `GET /v1/Conversations/{Sid}` |
//! | `http.request.method` | e.g. `GET` |
//! | `url.template` | the path as the spec writes it, e.g. `/v1/Conversations/{Sid}` |
//! | `server.address`, `server.port` | the base URL's host and port |
//! | `http.response.status_code` | the last answer's status |
//! | `http.request.resend_count` | how many times the request was sent again (retries), when it was |
//! | `error.type` | the status (`404`) of a failed answer, or `timeout`, `connect` or `_OTHER` when none came |
//! | `twilio.operation` | the spec's operation id, e.g. `FetchConversation` |
//! | `twilio.request_id` | the answer's `Twilio-Request-Id` |
//!
//! The span covers the whole call, retries included. The URL itself
//! (`url.full`) is left out on purpose: its path and query carry parameter
//! values (SIDs, identities), and no value or credential is ever recorded.

use reqwest::StatusCode;
use tracing::field::Empty;

use crate::error::Error;

/// The span of one call of `operation` (`method` on `template`) to `base_url`.
pub(crate) fn request_span(
    operation: &str,
    method: &str,
    template: &str,
    base_url: &str,
) -> tracing::Span {
    let url = reqwest::Url::parse(base_url).ok();
    let address = url
        .as_ref()
        .and_then(|url| url.host_str().map(str::to_owned))
        .unwrap_or_default();
    let port = url.as_ref().and_then(reqwest::Url::port_or_known_default);
    tracing::info_span!(
        "twilio.request", otel.kind = "client", otel.name = %
        format_args!("{method} {template}"), http.request.method = method, url.template =
        template, server.address = address, server.port = port, twilio.operation =
        operation, http.response.status_code = Empty, http.request.resend_count = Empty,
        error. type = Empty, twilio.request_id = Empty,
    )
}

/// Records one attempt's outcome on the current span (`attempt` counts
/// from 1): the status and request id of an answer, the resend count of a
/// retry, and the error type of an attempt that got no answer.
pub(crate) fn record_attempt(attempt: u32, outcome: &Result<reqwest::Response, Error>) {
    let span = tracing::Span::current();
    if attempt > 1 {
        span.record("http.request.resend_count", attempt - 1);
    }

    match outcome {
        Ok(response) => {
            span.record("http.response.status_code", response.status().as_u16());
            if let Some(id) = response
                .headers()
                .get("twilio-request-id")
                .and_then(|value| value.to_str().ok())
            {
                span.record("twilio.request_id", id);
            }
        }
        Err(Error::Timeout(_)) => {
            span.record("error.type", "timeout");
        }
        Err(Error::Transport(err)) if err.is_connect() => {
            span.record("error.type", "connect");
        }
        Err(_) => {
            span.record("error.type", "_OTHER");
        }
    }
}

/// Records a final answer outside 2xx as the call's error: its status.
pub(crate) fn record_failed_status(status: StatusCode) {
    tracing::Span::current().record("error.type", status.as_str());
}

/// Installs, once per test process, a global subscriber that keeps every
/// callsite enabled, for tests that capture what `tracing` records.
///
/// `tracing` caches each callsite's interest for the whole process, computed
/// on the thread that reaches it first. Without a global subscriber, a test
/// thread with none can get there first and cache the callsite as never
/// enabled, and a test capturing with `set_default` on another thread then
/// sees nothing. Call this before `set_default`.
#[cfg(test)]
pub(crate) fn keep_callsites_enabled() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        tracing::subscriber::set_global_default(tracing_subscriber::registry())
            .expect("no other test sets a global subscriber");
    });
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::{Arc, Mutex};

    use reqwest::Method;
    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

    use crate::client::{Client, Request};
    use crate::RetryPolicy;

    /// Every field recorded on `twilio.request` spans, by name, as text.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<BTreeMap<String, String>>>);
    impl Visit for Captured {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            self.0.lock().unwrap().insert(field.name().to_owned(), format!("{value:?}"));
        }
        fn record_str(&mut self, field: &Field, value: &str) {
            self.0.lock().unwrap().insert(field.name().to_owned(), value.to_owned());
        }
    }

    impl<S: tracing::Subscriber> Layer<S> for Captured {
        fn on_new_span(&self, attrs: &Attributes<'_>, _: &Id, _: Context<'_, S>) {
            if attrs.metadata().name() == "twilio.request" {
                attrs.record(&mut self.clone());
            }
        }
        fn on_record(&self, _: &Id, values: &Record<'_>, _: Context<'_, S>) {
            values.record(&mut self.clone());
        }
    }

    /// A server on 127.0.0.1 that answers its connections with `answers`, in
    /// order (each closes its connection), and the client's base URL for it.
    async fn serve(answers: Vec<&'static str>) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            for answer in answers {
                let (mut socket, _) = listener.accept().await.unwrap();
                let mut seen = Vec::new();
                let mut chunk = [0u8; 4096];
                while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    let n = socket.read(&mut chunk).await.unwrap();
                    if n == 0 {
                        break;
                    }
                    seen.extend_from_slice(&chunk[..n]);
                }
                socket.write_all(answer.as_bytes()).await.unwrap();
            }
        });
        url
    }

    /// The fields of the span of one `FetchThing` call to `base_url`.
    async fn fields_of_a_call(
        base_url: &str,
        method: Method,
    ) -> (BTreeMap<String, String>, bool) {
        super::keep_callsites_enabled();
        let captured = Captured::default();
        let subscriber = tracing_subscriber::registry().with(captured.clone());
        let _guard = tracing::subscriber::set_default(subscriber);
        let client = Client::builder("AC1", "the-auth-token")
            .base_url(base_url)
            .retry_policy(
                RetryPolicy::default().base_delay(std::time::Duration::from_millis(1)),
            )
            .build()
            .unwrap();
        let request = Request::new(
                method,
                "/v1/Things/private-unique-name?Identity=alice".into(),
            )
            .operation("FetchThing", "/v1/Things/{Sid}");
        let ok = client.send(&request).await.is_ok();
        let fields = captured.0.lock().unwrap().clone();
        for (name, value) in &fields {
            for secret in ["private-unique-name", "alice", "the-auth-token", "Basic"] {
                assert!(! value.contains(secret), "{secret} leaked into {name}={value}");
            }
        }
        (fields, ok)
    }

    fn expected(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[tokio::test]
    async fn a_retried_call_records_the_conventions_fields() {
        let base = serve(
                vec![
                    "HTTP/1.1 429 Too Many Requests\r\nretry-after: 0\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                    "HTTP/1.1 204 No Content\r\ntwilio-request-id: RQ0123\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                ],
            )
            .await;
        let port = base.rsplit(':').next().unwrap_or_default().to_owned();
        let (fields, ok) = fields_of_a_call(&base, Method::GET).await;
        assert!(ok);
        assert_eq!(
            fields, expected(& [("otel.kind", "client"), ("otel.name",
            "GET /v1/Things/{Sid}"), ("http.request.method", "GET"), ("url.template",
            "/v1/Things/{Sid}"), ("server.address", "127.0.0.1"), ("server.port", &
            port), ("twilio.operation", "FetchThing"), ("http.response.status_code",
            "204"), ("http.request.resend_count", "1"), ("twilio.request_id",
            "RQ0123"),])
        );
    }

    #[tokio::test]
    async fn failures_record_their_error_type() {
        let base = serve(
                vec![
                    "HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}"
                ],
            )
            .await;
        let (fields, ok) = fields_of_a_call(&base, Method::POST).await;
        assert!(! ok);
        assert_eq!(
            fields.get("http.response.status_code").map(String::as_str), Some("404")
        );
        assert_eq!(fields.get("error.type").map(String::as_str), Some("404"));
        assert_eq!(fields.get("http.request.resend_count"), None, "sent once");
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let closed = format!("http://{}", listener.local_addr().unwrap());
        drop(listener);
        let (fields, ok) = fields_of_a_call(&closed, Method::POST).await;
        assert!(! ok);
        assert_eq!(fields.get("error.type").map(String::as_str), Some("connect"));
        assert_eq!(fields.get("http.response.status_code"), None);
    }
}
