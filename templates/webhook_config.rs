//! What a server needs to check Twilio's webhooks (feature `webhooks`): the
//! URL Twilio called, rebuilt from the request ([`PublicUrl`]); the tokens,
//! the URL and the body limit together ([`WebhookConfig`]); a request that
//! passed ([`VerifiedWebhook`]), what it decodes into ([`FromWebhook`]), and
//! why one was refused ([`WebhookRejection`]).
//!
//! The axum extractor (feature `axum`) and the tower layer (feature `tower`)
//! are built on these; a server on any other framework can use them too.

use std::fmt;
use std::sync::Arc;

use http::{HeaderMap, StatusCode, Uri};

use crate::{RequestValidator, SignatureError};

/// How the URL Twilio called is found, since the signature covers it.
///
/// The path and query are always the request's own; the scheme and host
/// come from, in this order:
///
/// 1. the public base URL the app configures ([`PublicUrl::configured`]),
///    when it sets one: it wins over anything the request says;
/// 2. the proxy's `Forwarded` header (its first element's `proto` and
///    `host`), else `X-Forwarded-Proto`, `X-Forwarded-Host` and
///    `X-Forwarded-Port` (the first value of each), only when the app says
///    it trusts them ([`PublicUrl::trust_forwarded_headers`]), as any client
///    can send these headers;
/// 3. the request's own `Host` header (or, over HTTP/2, its authority),
///    with the scheme the app declares ([`PublicUrl::from_host`]).
///
/// Twilio signs the URL with or without the scheme's default port (`:443`
/// for https), whichever it called; both are tried, so a host with or
/// without `:443` matches either way.
///
/// Which to choose:
///
/// - Behind a tunnel such as ngrok, or wherever the public address is known
///   in advance, configure it: `PublicUrl::configured("https://abc.ngrok.app")`.
/// - Behind nginx or a cloud load balancer that ends TLS and sets
///   `X-Forwarded-Proto` and `X-Forwarded-Host` (or `Forwarded`), and that
///   overwrites what the client sent, trust them:
///   `PublicUrl::from_host("https").trust_forwarded_headers()`.
/// - Behind nginx that passes the original `Host` on (`proxy_set_header Host
///   $host`) and ends TLS, declare the scheme Twilio used:
///   `PublicUrl::from_host("https")`.
/// - Without a proxy, serving plain HTTP on a port of your own,
///   `PublicUrl::from_host("http")`.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use {{ api.lib_name }}::PublicUrl;
///
/// let request = http::Request::post("/twilio?site=1")
///     .header("host", "10.0.0.7:3000")
///     .header("x-forwarded-proto", "https")
///     .header("x-forwarded-host", "hooks.example.com")
///     .body(())?;
/// let (headers, uri) = (request.headers(), request.uri());
/// let url = |public: PublicUrl| public.url_of(headers, uri);
/// assert_eq!(url(PublicUrl::configured("https://example.org")).as_deref(), Some("https://example.org/twilio?site=1"));
/// assert_eq!(url(PublicUrl::from_host("https").trust_forwarded_headers()).as_deref(), Some("https://hooks.example.com/twilio?site=1"));
/// assert_eq!(url(PublicUrl::from_host("http")).as_deref(), Some("http://10.0.0.7:3000/twilio?site=1"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl {
    base: Option<String>,
    scheme: String,
    trust_forwarded: bool,
}

impl PublicUrl {
    /// The scheme and host (and port, and any path prefix the proxy strips)
    /// Twilio calls, as in the webhook URL configured at Twilio, e.g.
    /// `https://hooks.example.com`: the request's path and query are
    /// appended to it.
    pub fn configured(base_url: impl Into<String>) -> Self {
        PublicUrl {
            base: Some(base_url.into().trim_end_matches('/').to_owned()),
            scheme: "https".to_owned(),
            trust_forwarded: false,
        }
    }

    /// The request's own `Host`, with `scheme` (`https` or `http`): the
    /// scheme Twilio called, which the server cannot see behind a proxy
    /// that ends TLS.
    pub fn from_host(scheme: impl Into<String>) -> Self {
        PublicUrl {
            base: None,
            scheme: scheme.into().to_ascii_lowercase(),
            trust_forwarded: false,
        }
    }

    /// Reads the scheme, host and port from the `Forwarded` or
    /// `X-Forwarded-*` headers when the request has them. Only for a server
    /// that every request reaches through a proxy that sets them. A
    /// configured URL still wins.
    pub fn trust_forwarded_headers(mut self) -> Self {
        self.trust_forwarded = true;
        self
    }

    /// The URL a request with `headers` to `uri` was sent to, as Twilio
    /// signed it; `None` when it names no valid host and none is configured.
    pub fn url_of(&self, headers: &HeaderMap, uri: &Uri) -> Option<String> {
        let path = uri.path_and_query().map_or("/", |path| path.as_str());
        if let Some(base) = &self.base {
            return Some(format!("{base}{path}"));
        }
        let mut scheme = self.scheme.as_str();
        let mut host = None;
        let mut port = None;
        if self.trust_forwarded {
            let (proto, forwarded_host) = forwarded(headers);
            let proto = proto.or_else(|| first_value(headers, "x-forwarded-proto"));
            if let Some(proto) = proto {
                if proto.eq_ignore_ascii_case("https") {
                    scheme = "https";
                } else if proto.eq_ignore_ascii_case("http") {
                    scheme = "http";
                }
            }
            host = forwarded_host.or_else(|| first_value(headers, "x-forwarded-host"));
            port = first_value(headers, "x-forwarded-port")
                .filter(|port| {
                    !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
                });
        }
        let host = match host {
            Some(host) => host,
            None => {
                headers
                    .get(http::header::HOST)
                    .and_then(|value| value.to_str().ok())
                    .or_else(|| uri.authority().map(|authority| authority.as_str()))?
                    .trim()
                    .to_owned()
            }
        };
        if !is_host(&host) {
            return None;
        }
        let host = match port {
            Some(port) => format!("{}:{port}", without_port(& host)),
            None => host,
        };
        Some(format!("{scheme}://{host}{path}"))
    }
}

impl From<&str> for PublicUrl {
    /// [`PublicUrl::configured`].
    fn from(base_url: &str) -> Self {
        PublicUrl::configured(base_url)
    }
}

impl From<String> for PublicUrl {
    /// [`PublicUrl::configured`].
    fn from(base_url: String) -> Self {
        PublicUrl::configured(base_url)
    }
}

impl From<&String> for PublicUrl {
    /// [`PublicUrl::configured`].
    fn from(base_url: &String) -> Self {
        PublicUrl::configured(base_url.as_str())
    }
}

impl From<&PublicUrl> for PublicUrl {
    fn from(public_url: &PublicUrl) -> Self {
        public_url.clone()
    }
}

/// The `proto` and `host` of the first element of the first `Forwarded`
/// header (RFC 7239): what the proxy nearest to Twilio saw.
fn forwarded(headers: &HeaderMap) -> (Option<String>, Option<String>) {
    let Some(value) = headers.get(http::header::FORWARDED).and_then(|v| v.to_str().ok())
    else {
        return (None, None);
    };
    let element = value.split(',').next().unwrap_or_default();
    let (mut proto, mut host) = (None, None);
    for pair in element.split(';') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = value.trim().trim_matches('"').to_owned();
        match key.trim().to_ascii_lowercase().as_str() {
            "proto" => proto = Some(value),
            "host" => host = Some(value),
            _ => {}
        }
    }

    (proto, host)
}

/// The first of a header's comma-separated values, trimmed.
fn first_value(headers: &HeaderMap, name: &str) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?;
    Some(value.split(',').next().unwrap_or_default().trim().to_owned())
}

/// Whether `host` is a host name or address with an optional port, and
/// nothing that would change the URL's shape (no `/`, `@`, `?` or space).
fn is_host(host: &str) -> bool {
    !host.is_empty() && !host.starts_with(':')
        && host.chars().all(|c| c.is_ascii_alphanumeric() || "-._:[]".contains(c))
}

/// `host` without its `:port`, if it has one (an IPv6 host is in brackets).
fn without_port(host: &str) -> &str {
    let name_end = match host.strip_prefix('[') {
        Some(inner) => inner.find(']').map_or(host.len(), |i| i + 2),
        None => host.find(':').unwrap_or(host.len()),
    };
    &host[..name_end]
}

/// The auth tokens, how to find the URL Twilio called, and the largest body
/// read: what the axum extractor and the tower layer check requests with.
///
/// Cheap to clone. Its `Debug` output never shows a token.
///
/// ```
/// use {{ api.lib_name }}::{PublicUrl, RequestValidator, WebhookConfig};
///
/// let config = WebhookConfig::new(RequestValidator::new("primary_token").also_accept("secondary_token"))
///     .public_url(PublicUrl::from_host("https").trust_forwarded_headers())
///     .body_limit(128 * 1024);
/// assert_eq!(config.limit(), 128 * 1024);
/// ```
#[derive(Clone)]
pub struct WebhookConfig {
    /// `None` only for the placeholder a router without state gives, which
    /// sends the extractor to the request's extensions.
    settings: Option<Arc<Settings>>,
}

#[derive(Debug)]
struct Settings {
    validator: RequestValidator,
    public_url: PublicUrl,
    body_limit: usize,
}

impl fmt::Debug for WebhookConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.settings {
            Some(settings) => {
                f.debug_struct("WebhookConfig")
                    .field("validator", &settings.validator)
                    .field("public_url", &settings.public_url)
                    .field("body_limit", &settings.body_limit)
                    .finish()
            }
            None => f.write_str("WebhookConfig(<in the request's extensions>)"),
        }
    }
}

impl WebhookConfig {
    /// The largest body read unless [`body_limit`](Self::body_limit) says
    /// otherwise: 256 KiB, well above what Twilio sends.
    pub const DEFAULT_BODY_LIMIT: usize = 256 * 1024;
    /// Checks with `validator`, finds the URL from the request's `Host` with
    /// `https` ([`PublicUrl::from_host`]), and reads bodies up to
    /// [`DEFAULT_BODY_LIMIT`](Self::DEFAULT_BODY_LIMIT).
    pub fn new(validator: RequestValidator) -> Self {
        WebhookConfig {
            settings: Some(
                Arc::new(Settings {
                    validator,
                    public_url: PublicUrl::from_host("https"),
                    body_limit: Self::DEFAULT_BODY_LIMIT,
                }),
            ),
        }
    }

    /// How the URL Twilio called is found; a `&str` is a configured public
    /// base URL.
    pub fn public_url(self, public_url: impl Into<PublicUrl>) -> Self {
        let public_url = public_url.into();
        self.with(|settings| settings.public_url = public_url)
    }

    /// The largest body read, in bytes; a larger one is refused with 413.
    pub fn body_limit(self, bytes: usize) -> Self {
        self.with(|settings| settings.body_limit = bytes)
    }

    /// The body limit in bytes.
    pub fn limit(&self) -> usize {
        self.settings.as_ref().map_or(0, |settings| settings.body_limit)
    }

    /// The placeholder a router without state gives the extractor: it then
    /// looks for the configuration in the request's extensions.
    #[allow(dead_code)]
    pub(crate) fn in_extensions() -> Self {
        WebhookConfig { settings: None }
    }

    /// Whether this is the placeholder of [`WebhookConfig::in_extensions`].
    #[allow(dead_code)]
    pub(crate) fn is_placeholder(&self) -> bool {
        self.settings.is_none()
    }

    fn with(self, change: impl FnOnce(&mut Settings)) -> Self {
        let mut settings = match self.settings {
            Some(settings) => {
                Arc::try_unwrap(settings)
                    .unwrap_or_else(|shared| Settings {
                        validator: shared.validator.clone(),
                        public_url: shared.public_url.clone(),
                        body_limit: shared.body_limit,
                    })
            }
            None => {
                Settings {
                    validator: RequestValidator::with_tokens(Vec::<String>::new()),
                    public_url: PublicUrl::from_host("https"),
                    body_limit: Self::DEFAULT_BODY_LIMIT,
                }
            }
        };
        change(&mut settings);
        WebhookConfig {
            settings: Some(Arc::new(settings)),
        }
    }

    /// Checks a request with `headers` to `uri` whose whole body is `body`.
    pub fn verify(
        &self,
        headers: &HeaderMap,
        uri: &Uri,
        body: Vec<u8>,
    ) -> Result<VerifiedWebhook, WebhookRejection> {
        let settings = self.settings.as_ref().ok_or(WebhookRejection::MissingConfig)?;
        let url = settings
            .public_url
            .url_of(headers, uri)
            .ok_or(WebhookRejection::Signature(SignatureError::UnknownUrl))?;
        let form = settings
            .validator
            .validate_signed(&url, headers, &body)
            .map_err(WebhookRejection::Signature)?;
        let json = crate::signature::has_body_hash(&url);
        Ok(VerifiedWebhook {
            form,
            body,
            json,
        })
    }
}

/// A webhook request whose signature matched: its form parameters (none
/// for a JSON body) and its body.
///
/// The tower layer puts it in the request's extensions, where the axum
/// extractor finds it. Its `Debug` output shows the parameters' names and
/// the body's size, never a value.
#[derive(Clone, PartialEq, Eq)]
pub struct VerifiedWebhook {
    form: Vec<(String, String)>,
    body: Vec<u8>,
    json: bool,
}

impl fmt::Debug for VerifiedWebhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.form.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("VerifiedWebhook")
            .field("params", &names)
            .field("body", &format_args!("<redacted {} bytes>", self.body.len()))
            .field("json", &self.json)
            .finish()
    }
}

impl VerifiedWebhook {
    /// The form's parameters in order (empty for a JSON body).
    pub fn form(&self) -> &[(String, String)] {
        &self.form
    }

    /// The body as received.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// Whether the body is a raw (JSON) one, checked against the URL's
    /// `bodySHA256` rather than signed as a form.
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// The form's parameters, or an error for a JSON body.
    pub fn into_form(self) -> Result<Vec<(String, String)>, PayloadError> {
        if self.json {
            return Err(PayloadError::new(None, "has a JSON body, not a form"));
        }
        Ok(self.form)
    }
}

/// What a verified webhook decodes into: the extractor's `E`.
///
/// Implemented for the events enum of the spec's webhooks (when it has
/// some), `Vec<(String, String)>` (the form's pairs as they came),
/// `serde_json::Value` (a JSON body) and [`VerifiedWebhook`] (all of it).
pub trait FromWebhook: Sized {
    /// Decodes `webhook`; the error becomes a 400.
    fn from_webhook(webhook: VerifiedWebhook) -> Result<Self, PayloadError>;
}

impl FromWebhook for VerifiedWebhook {
    fn from_webhook(webhook: VerifiedWebhook) -> Result<Self, PayloadError> {
        Ok(webhook)
    }
}

impl FromWebhook for Vec<(String, String)> {
    fn from_webhook(webhook: VerifiedWebhook) -> Result<Self, PayloadError> {
        webhook.into_form()
    }
}

impl FromWebhook for serde_json::Value {
    fn from_webhook(webhook: VerifiedWebhook) -> Result<Self, PayloadError> {
        if !webhook.json {
            return Err(PayloadError::new(None, "has a form body, not JSON"));
        }
        serde_json::from_slice(&webhook.body)
            .map_err(|_| PayloadError::new(None, "body is not JSON"))
    }
}

/// Why a verified webhook did not decode: the parameter, if the error is
/// about one, and a fixed description; never a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayloadError {
    field: Option<String>,
    problem: &'static str,
}

impl PayloadError {
    /// An error about `field` (a parameter's name), or the whole payload.
    pub fn new(field: Option<&str>, problem: &'static str) -> Self {
        PayloadError {
            field: field.map(str::to_owned),
            problem,
        }
    }

    /// The parameter the error is about, if any.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "the webhook parameter `{field}` {}", self.problem),
            None => write!(f, "the webhook {}", self.problem),
        }
    }
}

impl std::error::Error for PayloadError {}
/// Why the extractor or the layer refused a webhook request. Its message
/// and the answer's body name the kind of failure only: never a token, a
/// signature or a value from the request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// The signature is missing or does not match: 403 (400 when the
    /// request names no host to rebuild the URL from).
    Signature(SignatureError),
    /// The body is larger than the limit: 413.
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The body could not be read: 400.
    Unreadable,
    /// The signature matched, but the payload does not decode: 400.
    Undecodable(PayloadError),
    /// No [`WebhookConfig`] in the router's state or the request's
    /// extensions: 500.
    MissingConfig,
}

impl WebhookRejection {
    /// The status to answer with.
    pub fn status(&self) -> StatusCode {
        match self {
            WebhookRejection::Signature(SignatureError::UnknownUrl) => {
                StatusCode::BAD_REQUEST
            }
            WebhookRejection::Signature(_) => StatusCode::FORBIDDEN,
            WebhookRejection::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            WebhookRejection::Unreadable | WebhookRejection::Undecodable(_) => {
                StatusCode::BAD_REQUEST
            }
            WebhookRejection::MissingConfig => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The plain-text body to answer with: the status's reason, and for a
    /// payload that does not decode (sent by Twilio, as its signature
    /// matched) the parameter's name, which Twilio's debugger then shows.
    pub fn body_text(&self) -> String {
        match self {
            WebhookRejection::Undecodable(err) => err.to_string(),
            other => other.status().canonical_reason().unwrap_or("refused").to_owned(),
        }
    }

    /// Logs the refusal (feature `tracing`): its status and kind, never a
    /// value from the request.
    #[allow(dead_code)]
    pub(crate) fn log(&self) {
        #[cfg(feature = "tracing")]
        tracing::warn!(
            status = self.status().as_u16(), reason = % self, "refused a Twilio webhook"
        );
    }
}

impl fmt::Display for WebhookRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookRejection::Signature(err) => err.fmt(f),
            WebhookRejection::TooLarge { limit } => {
                write!(f, "the webhook body is larger than {limit} bytes")
            }
            WebhookRejection::Unreadable => {
                f.write_str("the webhook body could not be read")
            }
            WebhookRejection::Undecodable(err) => err.fmt(f),
            WebhookRejection::MissingConfig => {
                f.write_str(
                    "no WebhookConfig in the router's state or the request's extensions",
                )
            }
        }
    }
}

impl std::error::Error for WebhookRejection {}
#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(*name, http::HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    fn url(public: &PublicUrl, pairs: &[(&'static str, &str)]) -> Option<String> {
        public.url_of(&headers(pairs), &"/hook?a=1".parse().unwrap())
    }

    #[test]
    fn configured_urls_win_over_any_header() {
        let public = PublicUrl::configured("https://hooks.example.com/prefix/");
        let sent = [("host", "evil.example"), ("x-forwarded-host", "evil.example")];
        assert_eq!(
            url(& public, & sent).as_deref(),
            Some("https://hooks.example.com/prefix/hook?a=1")
        );
        assert_eq!(
            url(& public.trust_forwarded_headers(), & sent).as_deref(),
            Some("https://hooks.example.com/prefix/hook?a=1")
        );
    }

    #[test]
    fn forwarded_headers_count_only_when_trusted() {
        let sent = [
            ("host", "app:3000"),
            ("x-forwarded-proto", "https, http"),
            ("x-forwarded-host", "hooks.example.com, app"),
            ("x-forwarded-port", "8443"),
        ];
        let host = PublicUrl::from_host("http");
        assert_eq!(url(& host, & sent).as_deref(), Some("http://app:3000/hook?a=1"));
        let trusted = host.trust_forwarded_headers();
        assert_eq!(
            url(& trusted, & sent).as_deref(),
            Some("https://hooks.example.com:8443/hook?a=1")
        );
        let rfc = [
            ("host", "app:3000"),
            (
                "forwarded",
                "for=192.0.2.60;proto=https;host=\"chat.example.com\", for=10.0.0.1;proto=http;host=app",
            ),
            ("x-forwarded-host", "other.example"),
        ];
        assert_eq!(
            url(& trusted, & rfc).as_deref(), Some("https://chat.example.com/hook?a=1")
        );
        assert_eq!(
            url(& trusted, & [("host", "a.example"), ("x-forwarded-proto", "gopher")])
            .as_deref(), Some("http://a.example/hook?a=1")
        );
        assert_eq!(
            url(& trusted, & [("host", "a.example")]).as_deref(),
            Some("http://a.example/hook?a=1")
        );
    }

    #[test]
    fn hosts_that_would_change_the_url_are_refused() {
        let host = PublicUrl::from_host("https").trust_forwarded_headers();
        for bad in [
            "",
            "a.example/evil",
            "user@a.example",
            "a.example?x",
            "a example",
            ":443",
        ] {
            assert_eq!(url(& host, & [("host", bad)]), None, "{bad:?}");
            assert_eq!(
                url(& host, & [("host", "ok.example"), ("x-forwarded-host", bad)]), None,
                "{bad:?}"
            );
        }
        assert_eq!(url(& host, & []), None);
        assert_eq!(
            url(& host, & [("host", "[::1]:8080")]).as_deref(),
            Some("https://[::1]:8080/hook?a=1")
        );
        assert_eq!(
            url(& host, & [("host", "[::1]:8080"), ("x-forwarded-port", "443")])
            .as_deref(), Some("https://[::1]:443/hook?a=1")
        );
        let absolute: Uri = "https://h2.example/hook".parse().unwrap();
        assert_eq!(
            PublicUrl::from_host("https").url_of(& HeaderMap::new(), & absolute)
            .as_deref(), Some("https://h2.example/hook")
        );
    }

    #[test]
    fn a_config_verifies_and_never_shows_its_tokens() {
        let config = WebhookConfig::new(
                RequestValidator::new("token-one").also_accept("token-two"),
            )
            .public_url("https://hooks.example.com");
        let params = [("EventType", "onMessageAdded"), ("Body", "hi")];
        let signature = RequestValidator::new("token-two")
            .expected_signature("https://hooks.example.com/hook?a=1", params);
        let signed = headers(&[("x-twilio-signature", &signature)]);
        let uri: Uri = "/hook?a=1".parse().unwrap();
        let verified = config
            .verify(&signed, &uri, b"EventType=onMessageAdded&Body=hi".to_vec())
            .unwrap();
        assert_eq!(verified.form().len(), 2);
        assert!(! verified.is_json());
        assert_eq!(
            format!("{verified:?}"),
            "VerifiedWebhook { params: [\"EventType\", \"Body\"], body: <redacted 32 bytes>, json: false }"
        );
        let refused = config
            .verify(&signed, &uri, b"EventType=onMessageAdded&Body=ho".to_vec())
            .unwrap_err();
        assert_eq!(refused, WebhookRejection::Signature(SignatureError::Mismatch));
        assert_eq!(
            (refused.status(), refused.body_text().as_str()), (StatusCode::FORBIDDEN,
            "Forbidden")
        );
        let text = format!("{config:?}");
        assert!(! text.contains("token-"), "{text}");
        assert_eq!(
            WebhookConfig::in_extensions().verify(& signed, & uri, Vec::new()),
            Err(WebhookRejection::MissingConfig)
        );
        let copy = config.clone().body_limit(10);
        assert_eq!(
            (config.limit(), copy.limit()), (WebhookConfig::DEFAULT_BODY_LIMIT, 10)
        );
    }

    #[test]
    fn payloads_decode_by_kind() {
        let form = VerifiedWebhook {
            form: vec![("A".into(), "1".into())],
            body: b"A=1".to_vec(),
            json: false,
        };
        let json = VerifiedWebhook {
            form: Vec::new(),
            body: br#"{"a":1}"#.to_vec(),
            json: true,
        };
        assert_eq!(
            Vec::< (String, String) >::from_webhook(form.clone()).unwrap(), vec![("A"
            .to_owned(), "1".to_owned())]
        );
        assert_eq!(
            serde_json::Value::from_webhook(json.clone()).unwrap(), serde_json::json!({
            "a" : 1 })
        );
        let err = serde_json::Value::from_webhook(form).unwrap_err();
        assert_eq!(err.to_string(), "the webhook has a form body, not JSON");
        let err = Vec::<(String, String)>::from_webhook(json).unwrap_err();
        let rejection = WebhookRejection::Undecodable(err);
        assert_eq!(
            (rejection.status(), rejection.body_text().as_str()),
            (StatusCode::BAD_REQUEST, "the webhook has a JSON body, not a form")
        );
    }
}
