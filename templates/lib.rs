//! Async client for the {{ api.title_doc() }} API.
//!
{% for line in api.doc %}
//! {{ line }}
{% endfor %}
//!
//! The client is async (tokio and reqwest), typed from the spec, and behaves
//! on the wire like Twilio's own SDKs: form bodies with the spec's field
//! names, RFC 3339 dates, one key per list item, percent-encoded path
//! segments, retries on 429 and timeouts by default.
//!
//! # Quickstart
//!
//! ```no_run
//! use {{ api.lib_name }}::*;
//!
//! # async fn run() -> Result<(), Error> {
{% if api.base_url.is_some() %}
//! // TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and
//! // TWILIO_API_SECRET); TWILIO_REGION and TWILIO_EDGE when set.
//! let client = Client::from_env()?;
{% else %}
//! // TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and
//! // TWILIO_API_SECRET), and the server, which the spec does not name.
//! let client = ClientBuilder::from_env()?.base_url("https://api.example.com").build()?;
{% endif %}
{% if let Some((resource, create, list)) = api.quickstart() %}
{% let op = create %}
//!
{% let prefix = "//! " %}
{% include "params_let.rs" %}//! let created = {% include "call.rs" %}.await?;
//! println!("created {created:?}");
{% let op = list %}
//!
//! // Every item of the list, fetched page by page as the loop asks for more.
//! let mut items = client.{{ resource.accessor }}().{{ op.stream_method.as_deref().unwrap_or_default() }}({% if let Some(params) = op.params %}&{% include "params_new.rs" %}{% endif %});
//! while let Some(item) = items.next().await {
//!     println!("{:?}", item?);
//! }
{% endif %}
//! # Ok(())
//! # }
//! ```
//!
{% if api.base_url.is_none() %}
//! # The server
//!
//! The spec names no server, so the client has no default one: every
//! client is given its base URL with [`ClientBuilder::base_url`], and
//! [`ClientBuilder::build`] without one fails with [`Error::Config`], which
//! names `base_url`.
//!
{% endif %}
//! Every operation also has a `*_with_response` twin that returns the
//! [`Response`] status and headers beside the decoded body. Operations
//! return a [`Pending`] future: it owns its request, so it is `Send` and
//! `'static` and can be spawned or joined without keeping the client or the
//! params borrowed, and nothing is sent until it is awaited.
{% if api.has_lists() %}
//! Lists return one [`Page`] from the list method ([`Page::next_page`]
//! fetches the one after it), or stream every item through an
//! [`ItemStream`]; with `futures::StreamExt::take(n)` no page beyond the
//! first `n` items is fetched, and dropping the stream stops all work.
{% endif %}
{% if !api.guide.is_empty() %}
//!
//! # Guide
//!
{% for line in api.guide %}
//!{% if !line.is_empty() %} {{ line }}{% endif %}

{% endfor %}
{% endif %}
//!
//! # Errors
//!
//! Every call returns [`Error`]. A non-2xx answer is [`Error::Api`], with
//! Twilio's error `code`, `message` and `more_info`, the raw body (also when
//! it is not JSON, such as a proxy's HTML page) and the headers:
//!
//! ```no_run
//! # use {{ api.lib_name }}::*;
//! # async fn run(result: Result<(), Error>) {
//! match result {
//!     Ok(()) => {}
//!     Err(Error::Api(err)) if err.status == 404 => println!("not found: {err}"),
//!     Err(Error::Api(err)) => println!("Twilio error {:?}, request {:?}", err.code, err.request_id()),
//!     Err(Error::Timeout(_)) => println!("timed out"),
//!     Err(other) => println!("{other}"),
//! }
//! # }
//! ```
//!
{% if api.base_url.is_some() %}
//! # Retries, timeouts, regions and edges
{% else %}
//! # Retries and timeouts
{% endif %}
//!
//! ```no_run
//! use std::time::Duration;
//! use {{ api.lib_name }}::*;
//!
//! # fn run() -> Result<(), Error> {
//! let client = Client::builder("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_auth_token")
//!     // 429 is retried for every method; 503 and failed connections for GET
//!     // and DELETE only. `RetryPolicy::none()` turns retries off.
//!     .retry_policy(RetryPolicy::default().max_attempts(5).base_delay(Duration::from_millis(200)))
//!     .connect_timeout(Duration::from_secs(5))
//!     .timeout(Duration::from_secs(20))
{% if api.base_url.is_some() %}
//!     // The request goes to the `ie1` region through the `dublin` edge.
//!     .region("ie1")
//!     .edge("dublin")
{% else %}
//!     .base_url("https://api.example.com")
{% endif %}
//!     .build()?;
//!
//! // An API key instead of the auth token.
//! let with_key = Client::builder("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "")
//!     .api_key("SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_api_secret")
{% if api.base_url.is_none() %}
//!     .base_url("https://api.example.com")
{% endif %}
//!     .build()?;
//! # Ok(())
//! # }
//! ```
//!
//! # Your own HTTP client
//!
//! [`ClientBuilder::http_client`] sends requests through a `reqwest::Client`
//! the app built (its proxy, root certificates, connection pool). The crate
//! still authenticates, retries and resolves URLs; the client's own
//! timeouts, proxies and `User-Agent` apply (see the method for the details).
//!
//! # Tracing
//!
//! With the `tracing` feature, each call is one `twilio.request` span with
//! OpenTelemetry's HTTP client fields (`otel.kind = "client"`,
//! `http.request.method`, `url.template`, `server.address`,
//! `http.response.status_code`, `http.request.resend_count`, `error.type`),
//! and `twilio.operation` and `twilio.request_id`; never a credential or a
//! parameter's value. A `tracing-opentelemetry` layer exports it as a
//! standard HTTP client span: add that layer with your tracer to your
//! subscriber (`tracing_subscriber::registry().with(tracing_opentelemetry::layer().with_tracer(tracer))`).
//!
//! # Testing against a mock server
//!
//! Point the client at any base URL, such as a [Prism](https://stoplight.io/open-source/prism)
//! mock of the spec, or an in-process mock server in your tests:
//!
//! ```no_run
//! # fn run() -> Result<(), {{ api.lib_name }}::Error> {
//! let client = {{ api.lib_name }}::Client::builder("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "token")
//!     .base_url("http://127.0.0.1:4010")
//!     .build()?;
//! # Ok(())
//! # }
//! ```
//!
//! With the `mock` feature (for your `[dev-dependencies]`), the `mock`
//! module is a typed mock of this API: `MockTwilio::start()` runs it on
//! 127.0.0.1, each operation has an expectation builder reached the way the
//! client reaches the operation, `when` sees the params struct the client
//! sent, answers are the crate's own models (or the spec's examples, Twilio
//! error bodies, 429s with `Retry-After`, lists in several pages), and
//! `verify()` names every expectation not met.
{% if let Some(hooks) = api.webhooks %}
//!
//! # Webhooks and access tokens
//!
//! With the `webhooks` feature, check a webhook request's signature, then
//! decode its form into a typed event and answer it:
//!
//! ```no_run
//! # #[cfg(feature = "webhooks")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let request = http::Request::post("/twilio").body(Vec::<u8>::new())?;
//! use {{ api.lib_name }}::{ {{ hooks.enum_name }}, RequestValidator, WebhookAnswer};
//!
//! let validator = RequestValidator::new("your_auth_token");
//! // The scheme and host Twilio calls; the path and query come from the request.
//! let form = validator.validate_request("https://your-host.example", &request)?;
//! let event = {{ hooks.enum_name }}::from_form(form)?;
//! // A pre-action event waits for the answer: any status outside 2xx
//! // cancels the action, and its `...Response` builder changes it.
//! let answer = if event.is_pre_action() { WebhookAnswer::reject() } else { WebhookAnswer::proceed() };
//! println!("{}: answering {}", event.event_type(), answer.status());
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "webhooks"))]
//! # fn main() {}
//! ```
//!
//! With `access-token`, mint the token a client SDK logs in with:
//!
//! ```
//! # #[cfg(feature = "access-token")]
//! # fn main() -> Result<(), {{ api.lib_name }}::TokenError> {
//! use {{ api.lib_name }}::{AccessToken, ChatGrant};
//!
//! let jwt = AccessToken::new("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_api_key_secret", "alice")
//!     .grant(ChatGrant::new().service_sid("ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"))
//!     .to_jwt()?;
//! # assert_eq!(jwt.split('.').count(), 3);
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "access-token"))]
//! # fn main() {}
//! ```
//!
//! ## In an axum or tower app
//!
//! With the `axum` feature, the `TwilioWebhook` extractor does all of the
//! above in a handler's argument (reads the body up to a limit, checks the
//! signature, decodes the event), refuses with 403, 413 or 400, and the
//! answers are responses:
//!
//! ```
//! # #[cfg(feature = "axum")]
//! # mod app {
//! use {{ api.lib_name }}::{ {{ hooks.enum_name }}, PublicUrl, RequestValidator, TwilioWebhook, WebhookAnswer, WebhookConfig};
//!
//! async fn hook(TwilioWebhook(event): TwilioWebhook<{{ hooks.enum_name }}>) -> WebhookAnswer {
//!     if event.is_pre_action() { WebhookAnswer::reject() } else { WebhookAnswer::proceed() }
//! }
//!
//! // Router::new().route("/twilio", post(hook)).with_state(config()), or
//! // .layer(Extension(config())) in a router without state.
//! pub fn config() -> WebhookConfig {
//!     // Two tokens while one is being rotated; behind a proxy that sets
//!     // X-Forwarded-Proto and X-Forwarded-Host.
//!     WebhookConfig::new(RequestValidator::new("your_auth_token").also_accept("your_secondary_token"))
//!         .public_url(PublicUrl::from_host("https").trust_forwarded_headers())
//! }
//! # }
//! # fn main() {}
//! ```
//!
//! With `tower` alone, `TwilioWebhookLayer` does the check in front of any
//! tower service (hyper, tonic), answering 403 itself. `PublicUrl` says
//! how the URL Twilio signed is found behind nginx, a load balancer or a
//! tunnel such as ngrok.
{% if let Some(example) = hooks.example %}
//!
//! The `{{ example }}` example is a whole server (axum): it rejects or
//! rewrites messages before they are posted, logs the other events and
//! serves tokens (`cargo run --example {{ example }} --features webhooks,access-token`).
{% endif %}
{% endif %}
{% if api.has_personal_data() %}
//!
//! # Personal data in logs
//!
//! The spec marks some fields as personal data, and each says so in its
//! docs. Printing a model or a params struct with `{:?}` (as
//! `println!("{message:?}")` or `tracing::debug!(?message)` do) never shows
//! a field marked *sensitive* (a message's `body`, the `attributes`): it
//! prints whether the field is set and its size, `body: Some(<redacted 42 bytes>)`.
//! A field marked *standard* (an `identity`, an `address`, a `friendly_name`)
//! is printed, unless the `redact-personal-data` feature is on; then it is
//! shown like a sensitive one. Only what `Debug` prints changes: the fields,
//! `Serialize` and `Deserialize` hold and carry the values as they are.
//!
//! The feature is a Cargo feature rather than a switch at run time because
//! it only ever adds redaction: Cargo turns a feature on for the whole build
//! when any crate asks for it, so an app, or any library in it, can opt in
//! for every log of the process, and nothing can opt out behind its back.
//!
//! Errors keep the bodies they carry whole for the caller, and print at
//! most 512 bytes of them, with the values of the keys the spec marks
//! sensitive hidden, and with the feature the standard ones too (see
//! [`Error`]).
{% endif %}
//!
//! # Features
//!
//! | feature | default | what it does |
//! |---|---|---|
//! | `rustls` | yes | TLS through rustls with built-in root certificates |
//! | `native-tls` | no | TLS through the platform's library instead |
//! | `tracing` | no | one `tracing` span per call (`twilio.request`) with OpenTelemetry's HTTP client fields (`http.request.method`, `url.template`, `server.address`, `http.response.status_code`, `http.request.resend_count`, `error.type`) and the operation id and `Twilio-Request-Id`; never credentials or the values of parameters |
//! | `tower` | no | `TwilioWebhookLayer`: checks the signature of Twilio's webhooks in front of any tower service (implies `webhooks`) |
//! | `axum` | no | `TwilioWebhook<E>`: an axum extractor that reads, checks and decodes a webhook; rejections and pre-action answers implement `IntoResponse` (implies `tower`) |
//! | `webhooks` | no | `RequestValidator` checks the `X-Twilio-Signature` of Twilio's webhook requests (HMAC-SHA1, compared in constant time; a JSON body against its `bodySHA256`){% if api.webhooks.is_some() %}; `{{ api.webhooks_enum() }}` decodes them into typed events and answers pre-action ones{% endif %} |
//! | `access-token` | no | `AccessToken` and `ChatGrant` mint the JWTs that Twilio's client SDKs log in with (HS256, one hour by default, at most 24) |
{% if api.has_pii(Pii::Standard) %}
//! | `redact-personal-data` | no | `Debug` hides fields marked as standard personal data too, as it always hides sensitive ones (see [Personal data in logs](#personal-data-in-logs)) |
{% endif %}
//! | `mock` | no | the `mock` module: `MockTwilio`, a typed mock of the API on 127.0.0.1 (wiremock) for your tests, with one expectation per operation |
//! | `full` | yes | every resource: the features in the table of [resources](#resources) |
//!
//! Each resource handle has a feature of its own, named in the table of
//! [resources](#resources); it turns on its parent's. An app that uses a
//! few resources builds only those with `default-features = false` and
//! `features = ["rustls", ...]` listing them: the rest of the API, its
//! models, enums and mock handles, is not compiled.
//!
//! `webhooks` and `access-token` are off by default: a client that only
//! calls the REST API builds with the same dependencies as without them.
//! On, they add small RustCrypto crates (`hmac`, `sha1`, `sha2`, `subtle`)
//! to `base64` and `http`, which reqwest already brings.
//!
//! # Resources
//!
//! | resource | feature | reached by | operations |
//! |---|---|---|---|
{% for resource in api.resources %}
//! | [`{{ resource.handle }}`] | `{{ resource.feature }}` | `{% include "reached_by.rs" %}` | {% for op in resource.operations %}`{{ op.method.trim_start_matches("r#") }}`{% if !loop.last %}, {% endif %}{% endfor %} |

{% endfor %}
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "access-token")]
mod access_token;
{% if api.has_binary() %}
{{ api.cfg(Need::Files) }}
mod binary;
{% endif %}
mod client;
mod error;
{% if api.webhooks.is_some() %}
#[cfg(feature = "webhooks")]
mod events;
{% endif %}
#[cfg(feature = "mock")]
pub mod mock;
mod pagination;
pub mod pending;
mod redact;
mod resources;
#[cfg(feature = "webhooks")]
mod signature;
#[cfg(feature = "axum")]
mod webhook_axum;
#[cfg(feature = "webhooks")]
mod webhook_config;
#[cfg(feature = "tower")]
mod webhook_layer;
{% if api.has_examples() %}
#[cfg(test)]
mod spec_examples;
{% endif %}
#[cfg(feature = "tracing")]
mod telemetry;
{% if !api.shared_types().is_empty() %}
mod types;
{% endif %}
mod wire;

#[cfg(feature = "access-token")]
pub use access_token::{AccessToken, ChatGrant, DEFAULT_TTL, MAX_TTL, TokenError};
{% if api.has_uploads() %}
{{ api.attrs(Need::Files) }}
pub use binary::Upload;
{% endif %}
{% if api.has_downloads() %}
{{ api.attrs(Need::Files) }}
pub use binary::Download;
{% endif %}
pub use client::{Client, ClientBuilder, Response, RetryPolicy};
{% if !api.hosts.is_empty() %}
pub use client::OTHER_HOSTS;
{% endif %}
pub use error::{ApiError, Error};
{% if api.webhooks.is_some() %}
#[cfg(feature = "webhooks")]
pub use events::*;
{% endif %}
{% if api.has_lists() %}
pub use pagination::ItemStream;
{% endif %}
pub use pagination::{Page, PageMeta};
pub use pending::Pending;
{{ api.cfg(Need::Resources) }}
pub use resources::*;
{% if !api.shared_types().is_empty() %}
{{ api.cfg(Need::SharedTypes) }}
pub use types::*;
{% endif %}
#[cfg(feature = "webhooks")]
pub use signature::{RequestValidator, SIGNATURE_HEADER, SignatureError};
#[cfg(feature = "webhooks")]
pub use webhook_config::{FromWebhook, PayloadError, PublicUrl, VerifiedWebhook, WebhookConfig, WebhookRejection};
#[cfg(feature = "axum")]
pub use webhook_axum::TwilioWebhook;
#[cfg(feature = "tower")]
pub use webhook_layer::{TwilioWebhookLayer, TwilioWebhookService};

/// The date-time library used by this crate's date-time fields.
pub use chrono;

/// The result type of every call.
pub type Result<T, E = Error> = std::result::Result<T, E>;
