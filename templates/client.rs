//! The client, its builder and the request loop (retries, timeouts, auth).
//@final

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, RETRY_AFTER};
use reqwest::{Method, StatusCode};

use crate::error::{ApiError, Error};
use crate::pending::{Answer, Body, Pending, Sending};
{% for resource in api.root_resources() %}
{{ resource.gate().cfg() }}
use crate::resources::{{ resource.handle }};
{% endfor %}

{% if let Some(url) = api.base_url_lit() %}
/// The server requests go to unless the builder says otherwise.
pub const DEFAULT_BASE_URL: &str = {{ url }};
{% endif %}
{% if !api.hosts.is_empty() %}

/// The other servers some operations are sent to, as the spec names them on
/// their paths. Region and edge apply to them as to the default server, but
/// for a host that names its region already; a base URL set with
/// [`ClientBuilder::base_url`] replaces them all.
pub const OTHER_HOSTS: &[&str] = &[{% for host in api.host_lits() %}{% if !loop.first %}, {% endif %}{{ host }}{% endfor %}];
{% endif %}

/// The `User-Agent` this crate sends.
const USER_AGENT: &str = concat!(
    env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"), " (rust)"
);

/// A client for the {{ api.title_doc() }} API.
///
/// Cheap to clone: clones share one connection pool and configuration.
{% if api.base_url.is_none() %}
///
/// The spec names no server, so there is no default one: every client is
/// given its base URL, and [`ClientBuilder::build`] fails without one.
{% endif %}
///
/// ```no_run
/// # fn main() -> Result<(), {{ api.lib_name }}::Error> {
/// use {{ api.lib_name }}::Client;
///
{% if api.base_url.is_some() %}
/// let client = Client::new("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_auth_token");
{% endif %}
/// let local = Client::builder("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_auth_token")
///     .base_url("http://127.0.0.1:4010")
///     .build()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// The timeout set on each attempt: only for a client the app brought
    /// and a timeout it asked for (the crate's own client has it built in).
    attempt_timeout: Option<Duration>,
    base_url: String,
{% if !api.hosts.is_empty() %}
    /// The other hosts some operations go to, as [`OTHER_HOSTS`] lists them.
    hosts: Vec<String>,
{% endif %}
    account_sid: String,
    username: String,
    password: String,
    retry: RetryPolicy,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("account_sid", &self.inner.account_sid)
            .field("username", &self.inner.username)
            .field("password", &"<redacted>")
            .field("retry", &self.inner.retry)
            .finish()
    }
}

impl Client {
{% if api.base_url.is_some() %}
    /// A client that authenticates with an account SID and auth token and
    /// uses the default server, retries and timeouts.
    ///
    /// # Panics
    ///
    /// Like `reqwest::Client::new`, if the TLS backend cannot be initialized.
    /// Use [`Client::builder`] to get that failure as an error instead.
    pub fn new(account_sid: impl Into<String>, auth_token: impl Into<String>) -> Client {
        match Client::builder(account_sid, auth_token).build() {
            Ok(client) => client,
            Err(err) => panic!("cannot build the HTTP client: {err}"),
        }
    }
{% endif %}

    /// Starts configuring a client that authenticates with an account SID and
    /// auth token.
    pub fn builder(
        account_sid: impl Into<String>,
        auth_token: impl Into<String>,
    ) -> ClientBuilder {
        let account_sid = account_sid.into();
        ClientBuilder {
            username: account_sid.clone(),
            account_sid,
            password: auth_token.into(),
            base_url: None,
{% if api.base_url.is_some() %}
            region: None,
            edge: None,
{% endif %}
            retry: RetryPolicy::default(),
            connect_timeout: Duration::from_secs(10),
            timeout: None,
            http: None,
        }
    }

{% if api.base_url.is_some() %}
    /// A client configured from the environment.
    ///
    /// Reads `TWILIO_ACCOUNT_SID` and either `TWILIO_AUTH_TOKEN` or, when both
    /// are set, `TWILIO_API_KEY` and `TWILIO_API_SECRET`; and optionally
    /// `TWILIO_REGION` and `TWILIO_EDGE`. The error names the missing variable.
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::from_env()?.build()
    }
{% endif %}

    /// The account SID requests act on.
    pub fn account_sid(&self) -> &str {
        &self.inner.account_sid
    }

    /// The base URL requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }
{% for resource in api.root_resources() %}

    {% for line in resource.doc %}
    /// {{ line }}
    {% endfor %}
    {{ resource.gate().cfg() }}
    {{ resource.gate().doc_cfg() }}
    #[inline]
    pub fn {{ resource.accessor }}(&self{% if let Some(p) = resource.accessor_param %}, {{ p.rust_name }}: impl Into<String>{% endif %}) -> {{ resource.handle }} {
        {{ resource.handle }}::new(self.clone(){% if let Some(p) = resource.accessor_param %}, {{ p.rust_name }}.into(){% endif %})
    }
{% endfor %}

    /// The future of an operation: sends `request` when first polled (or
    /// fails with the error that kept it from being built), reads the answer
    /// and decodes it as `T`.
    pub(crate) fn call<T>(&self, request: Result<Request, Error>) -> Pending<T> {
        Pending::new(request.map(|request| self.start(request)))
    }

    /// Sends `request` and reads the answer's body.
    fn start(&self, request: Request) -> Sending<Answer> {
        self.start_with(request, Body::Read)
    }

    /// Sends `request`, reads the answer's body and keeps it as `body` makes
    /// it: the one sending future the operations share.
    fn start_with(&self, request: Request, body: fn(Vec<u8>) -> Body) -> Sending<Answer> {
        let client = self.clone();
        Box::pin(async move {
            let (status, headers, bytes) = client.send(&request).await?;
            Ok(Answer {
                status: status.as_u16(),
                headers,
                body: body(bytes),
            })
        })
    }
{% if api.has_empty_responses() %}

    {{ api.cfg(Need::EmptyResponses) }}
    /// Like `call`, for an operation whose success has no body worth reading.
    pub(crate) fn call_empty<T>(&self, request: Result<Request, Error>) -> Pending<T> {
        Pending::new(request.map(|request| self.start_empty(request)))
    }

    {{ api.cfg(Need::EmptyResponses) }}
    fn start_empty(&self, request: Request) -> Sending<Answer> {
        self.start_with(request, |_| Body::Ignored)
    }
{% endif %}

{% include "client_download.rs" %}
    /// Sends `request`, retrying as the policy allows; a non-2xx answer is an error.
    ///
    /// With the `tracing` feature, each call is one `twilio.request` span
    /// with OpenTelemetry's HTTP client fields (see `telemetry.rs`): never
    /// credentials or parameter values.
    pub(crate) async fn send(
        &self,
        request: &Request,
    ) -> Result<(StatusCode, HeaderMap, Vec<u8>), Error> {
        let response = self.send_raw(request).await?;
        let (status, headers) = (response.status(), response.headers().clone());
        let body = read_body(response).await?;
        Ok((status, headers, body))
    }

    /// Like `send`, with the successful answer's body left unread. Not an
    /// `async fn`: the future is `send_with_retries`'s own, without another
    /// state machine around it.
    pub(crate) fn send_raw<'a>(
        &'a self,
        request: &'a Request,
    ) -> impl Future<Output = Result<reqwest::Response, Error>> + Send + 'a {
        let sending = self.send_with_retries(request);
        #[cfg(feature = "tracing")]
        let sending = tracing::Instrument::instrument(
            sending,
            crate::telemetry::request_span(
                request.operation,
                request.method.as_str(),
                request.template,
                self.base_of(request),
            ),
        );
        sending
    }

    /// The base URL of the host `request` goes to.
    fn base_of(&self, {% if api.hosts.is_empty() %}_{% endif %}request: &Request) -> &str {
{% if api.hosts.is_empty() %}
        &self.inner.base_url
{% else %}
        match request.host {
            Some(host) => &self.inner.hosts[host],
            None => &self.inner.base_url,
        }
{% endif %}
    }

    async fn send_with_retries(
        &self,
        request: &Request,
    ) -> Result<reqwest::Response, Error> {
        let url = url_on(self.base_of(request), &request.path);
        let retry = &self.inner.retry;
        let mut attempt = 1;
        loop {
            let outcome = self.send_once(request, &url).await;
            #[cfg(feature = "tracing")]
            crate::telemetry::record_attempt(attempt, &outcome);
            let may_retry = attempt < retry.max_attempts{% if api.has_uploads() %} && request.replayable(){% endif %};
            let wait = match &outcome {
                Ok(response) => {
                    let status = response.status();
                    let retryable = status == StatusCode::TOO_MANY_REQUESTS
                        || (status == StatusCode::SERVICE_UNAVAILABLE
                            && request.is_idempotent());
                    let headers = response.headers();
                    (may_retry && retryable)
                        .then(|| retry.delay(attempt, retry_after(headers)))
                }
                Err(
                    Error::Transport(err),
                ) if err.is_connect() && request.is_idempotent() => {
                    may_retry.then(|| retry.delay(attempt, None))
                }
                Err(_) => None,
            };
            match wait {
                Some(delay) => {
                    tokio::time::sleep(delay).await;
                    attempt += 1;
                }
                None => {
                    let response = outcome?;
                    let status = response.status();
                    if status.is_success() {
                        return Ok(response);
                    }
                    #[cfg(feature = "tracing")]
                    crate::telemetry::record_failed_status(status);
                    let headers = response.headers().clone();
                    let body = read_body(response).await?;
                    return Err(
                        Error::Api(
                            Box::new(ApiError::from_response(status, headers, &body)),
                        ),
                    );
                }
            }
        }
    }

    async fn send_once(
        &self,
        request: &Request,
        url: &str,
    ) -> Result<reqwest::Response, Error> {
        let mut builder = self
            .inner
            .http
            .request(request.method.clone(), with_query(url, &request.query))
            .basic_auth(&self.inner.username, Some(&self.inner.password))
            .header(reqwest::header::ACCEPT, {% if api.sends_accept() %}request.accept{% else %}"application/json"{% endif %});
        if let Some(timeout) = self.inner.attempt_timeout {
            builder = builder.timeout(timeout);
        }
        for (name, value) in &request.headers {
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| Error::Config(
                    format!("`{name}` is not a valid header name"),
                ))?;
            let value = HeaderValue::from_str(value)
                .map_err(|_| Error::Config(
                    format!(
                        "the value given for header {name} cannot be sent in a header"
                    ),
                ))?;
            builder = builder.header(name, value);
        }
        if let Some(form) = &request.form {
            builder = builder
                .header(
                    reqwest::header::CONTENT_TYPE,
                    "application/x-www-form-urlencoded",
                )
                .body(form_encoded(form));
        }
{% if api.sends_json() %}
        if let Some((content_type, body)) = &request.json {
            builder = builder
                .header(reqwest::header::CONTENT_TYPE, *content_type)
                .body(body.clone());
        }
{% endif %}
{% if api.has_uploads() %}
        {{ api.cfg(Need::Uploads) }}
        if let Some(upload) = &request.upload {
            builder = builder
                .header(reqwest::header::CONTENT_TYPE, upload.content_type());
            if let Some(len) = upload.len() {
                builder = builder.header(reqwest::header::CONTENT_LENGTH, len);
            }
            if let Some(body) = upload.body().await? {
                builder = builder.body(body);
            }
        }
{% endif %}
        builder.send().await.map_err(Error::from_reqwest)
    }
}

/// `path_or_url` on `base`: a server-given URL keeps only its path and
/// query, so a request stays on the configured host and credentials never
/// go anywhere else.
fn url_on(base: &str, path_or_url: &str) -> String {
    let absolute = ["https://", "http://"]
        .iter()
        .find_map(|scheme| path_or_url.strip_prefix(scheme));
    let path = match absolute {
        {# Drop the host: keep everything from the path (or the query) on. #}
        Some(rest) => rest.find(['/', '?']).map_or("", |i| &rest[i..]),
        None => path_or_url,
    };
    let slash = if path.starts_with('/') { "" } else { "/" };
    format!("{base}{slash}{path}")
}

/// Configures a [`Client`]; finish with [`ClientBuilder::build`].
pub struct ClientBuilder {
    account_sid: String,
    username: String,
    password: String,
    base_url: Option<String>,
{% if api.base_url.is_some() %}
    region: Option<String>,
    edge: Option<String>,
{% endif %}
    retry: RetryPolicy,
    connect_timeout: Duration,
    /// `None`: 30 s on the crate's own client, the app's client's own otherwise.
    timeout: Option<Duration>,
    http: Option<reqwest::Client>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("account_sid", &self.account_sid)
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("base_url", &self.base_url)
{% if api.base_url.is_some() %}
            .field("region", &self.region)
            .field("edge", &self.edge)
{% endif %}
            .field("retry", &self.retry)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("http_client", &self.http.is_some())
            .finish()
    }
}

impl ClientBuilder {
{% if api.base_url.is_some() %}
    /// A builder from the variables [`Client::from_env`] reads.
{% else %}
    /// A builder with the credentials in the environment: `TWILIO_ACCOUNT_SID`
    /// and either `TWILIO_AUTH_TOKEN` or, when both are set,
    /// `TWILIO_API_KEY` and `TWILIO_API_SECRET`. The error names the missing
    /// variable. Give it a [`base_url`](ClientBuilder::base_url) before
    /// [`build`](ClientBuilder::build).
{% endif %}
    pub fn from_env() -> Result<ClientBuilder, Error> {
        ClientBuilder::from_lookup(|name| std::env::var(name).ok())
    }

    fn from_lookup(
        lookup: impl Fn(&'static str) -> Option<String>,
    ) -> Result<ClientBuilder, Error> {
        let var = |name: &'static str| lookup(name).filter(|v| !v.is_empty());
        let account_sid = var("TWILIO_ACCOUNT_SID")
            .ok_or(Error::MissingEnv("TWILIO_ACCOUNT_SID"))?;
        let {% if api.base_url.is_some() %}mut {% endif %}builder = match (var("TWILIO_API_KEY"), var("TWILIO_API_SECRET")) {
            (Some(key), Some(secret)) => {
                Client::builder(account_sid, String::new()).api_key(key, secret)
            }
            (Some(_), None) => return Err(Error::MissingEnv("TWILIO_API_SECRET")),
            (None, Some(_)) => return Err(Error::MissingEnv("TWILIO_API_KEY")),
            (None, None) => {
                let token = var("TWILIO_AUTH_TOKEN")
                    .ok_or(Error::MissingEnv("TWILIO_AUTH_TOKEN"))?;
                Client::builder(account_sid, token)
            }
        };
{% if api.base_url.is_some() %}
        builder.region = var("TWILIO_REGION");
        builder.edge = var("TWILIO_EDGE");
{% endif %}
        Ok(builder)
    }

    /// Authenticates with an API key and its secret instead of the auth token;
    /// requests still act on the account SID given to [`Client::builder`].
    pub fn api_key(
        mut self,
        key_sid: impl Into<String>,
        secret: impl Into<String>,
    ) -> Self {
        self.username = key_sid.into();
        self.password = secret.into();
        self
    }

{% if api.base_url.is_some() %}
    /// Sends requests to this URL (a mock server or a proxy) instead of the
    /// default server; region and edge are then ignored.
{% else %}
    /// Sends requests to this URL, e.g. `https://api.example.com`. Required:
    /// the spec names no server, so [`build`](ClientBuilder::build) fails
    /// without one.
{% endif %}
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }
{% if api.base_url.is_some() %}

    /// Processes requests in this Twilio region (`ie1`, `au1`...).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Connects through this Twilio edge location (`dublin`, `sydney`...);
    /// without a region, the region is `us1`.
    pub fn edge(mut self, edge: impl Into<String>) -> Self {
        self.edge = Some(edge.into());
        self
    }
{% endif %}

    /// How failed requests are retried.
    pub fn retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The longest wait for a connection (default 10 s). Not used with
    /// [`http_client`](Self::http_client): the app's client has its own.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The longest a single attempt may take, body included (default 30 s;
    /// with [`http_client`](Self::http_client), the app's client's own
    /// unless this is called).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sends requests through the app's own `reqwest::Client`, for its
    /// proxy, root certificates or connection pool, shared with the rest of
    /// the app.
    ///
    /// The crate still authenticates every request, retries as its
    /// [`RetryPolicy`] says, resolves URLs against its base URL and decodes
    /// answers. The client's own settings decide the rest: its connect
    /// timeout (the builder's [`connect_timeout`](Self::connect_timeout) is
    /// not used), its timeout unless [`timeout`](Self::timeout) is called
    /// (then each attempt gets that one), its `User-Agent` and default
    /// headers, TLS and proxies. Proxies from the environment
    /// (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`) apply as that
    /// client was built: a `reqwest::Client` reads them unless built with
    /// `no_proxy()`; without this call, the crate's own client reads them.
    ///
    /// ```no_run
    /// # fn run() -> Result<(), {{ api.lib_name }}::Error> {
    /// let shared = reqwest::Client::builder()
    ///     .connect_timeout(std::time::Duration::from_secs(5))
    ///     .build()
    ///     .map_err({{ api.lib_name }}::Error::Transport)?;
    /// let client = {{ api.lib_name }}::Client::builder("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_auth_token")
    ///     .http_client(shared.clone())
    ///     .build()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Builds the client.
{% if api.base_url.is_none() %}
    ///
    /// # Errors
    ///
    /// [`Error::Config`] naming `base_url` when no base URL was set: the
    /// spec names no server, so there is no default to fall back on.
{% endif %}
    pub fn build(self) -> Result<Client, Error> {
        let base_url = match &self.base_url {
            Some(url) => {
                let url = url.trim_end_matches('/');
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    return Err(
                        Error::Config(
                            format!(
                                "base URL `{url}` must start with http:// or https://"
                            ),
                        ),
                    );
                }
                url.to_owned()
            }
{% if api.base_url.is_some() %}
            None => {
                regional_base_url(
                    DEFAULT_BASE_URL,
                    self.region.as_deref(),
                    self.edge.as_deref(),
                )
            }
{% else %}
            None => {
                return Err(
                    Error::Config(
                        "no base URL: the spec names no server, so set one with `ClientBuilder::base_url`"
                            .to_owned(),
                    ),
                );
            }
{% endif %}
        };
{% if !api.hosts.is_empty() %}
        {# A base URL of the app's own (a test server) serves every operation. #}
        let hosts = OTHER_HOSTS
            .iter()
            .map(|host| match &self.base_url {
                Some(_) => base_url.clone(),
                None => {
                    regional_base_url(host, self.region.as_deref(), self.edge.as_deref())
                }
            })
            .collect();
{% endif %}
        let (http, attempt_timeout) = match self.http {
            Some(http) => (http, self.timeout),
            None => {
                let http = reqwest::Client::builder()
                    .user_agent(USER_AGENT)
                    .connect_timeout(self.connect_timeout)
                    .timeout(self.timeout.unwrap_or(Duration::from_secs(30)))
                    .build()
                    .map_err(Error::from_reqwest)?;
                (http, None)
            }
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                attempt_timeout,
                base_url,
{% if !api.hosts.is_empty() %}
                hosts,
{% endif %}
                account_sid: self.account_sid,
                username: self.username,
                password: self.password,
                retry: self.retry,
            }),
        })
    }
}

{% if api.base_url.is_some() %}
/// `https://conversations.twilio.com` with edge `dublin` and region `ie1` →
/// `https://conversations.dublin.ie1.twilio.com`.
///
/// A host that already names its region (`mcs.us1.twilio.com`: four labels
/// or more) is kept as it is: Twilio documents no other region for it.
fn regional_base_url(default: &str, region: Option<&str>, edge: Option<&str>) -> String {
    let (_, host) = default.split_once("://").unwrap_or(("https", default));
    if host.split('.').count() >= 4 {
        return default.to_owned();
    }
    let region = match (region, edge) {
        (None, None) => return default.to_owned(),
        (None, Some(_)) => "us1",
        (Some(region), _) => region,
    };
    let (scheme, host) = default.split_once("://").unwrap_or(("https", default));
    let (product, domain) = host.split_once('.').unwrap_or((host, ""));
    let mut url = format!("{scheme}://{product}.");
    if let Some(edge) = edge {
        url.push_str(edge);
        url.push('.');
    }

    url.push_str(region);
    if !domain.is_empty() {
        url.push('.');
        url.push_str(domain);
    }

    url
}
{% endif %}

/// A decoded response body with the status and headers it came with.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Response<T> {
    /// The HTTP status.
    pub status: u16,
    /// The response headers (`Twilio-Request-Id` among them).
    pub headers: HeaderMap,
    /// The decoded body.
    pub body: T,
}

impl<T> Response<T> {
    /// The decoded body.
    pub fn into_body(self) -> T {
        self.body
    }

    /// Twilio's request id (`Twilio-Request-Id`), for support tickets.
    pub fn request_id(&self) -> Option<&str> {
        self.headers.get("twilio-request-id")?.to_str().ok()
    }
}

{% include "client_retry.rs" %}
{% include "client_request.rs" %}

//@end
{% include "client_tests.rs" %}
