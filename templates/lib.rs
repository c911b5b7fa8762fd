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
//! // TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and
//! // TWILIO_API_SECRET); TWILIO_REGION and TWILIO_EDGE when set.
//! let client = Client::from_env()?;
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
//! Every operation also has a `*_with_response` twin that returns the
//! [`Response`] status and headers beside the decoded body.
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
//! # Retries, timeouts, regions and edges
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
//!     // The request goes to the `ie1` region through the `dublin` edge.
//!     .region("ie1")
//!     .edge("dublin")
//!     .build()?;
//!
//! // An API key instead of the auth token.
//! let with_key = Client::builder("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "")
//!     .api_key("SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_api_secret")
//!     .build()?;
//! # Ok(())
//! # }
//! ```
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
//! # Features
//!
//! - `rustls` (default): TLS through rustls with built-in root certificates.
//! - `native-tls`: TLS through the platform's library instead.
//! - `tracing`: one `tracing` span per request (`twilio.request`) with the
//!   operation, method, path template, status, attempt and elapsed time; it
//!   never records credentials or the values of parameters.
//!
//! # Resources
//!
//! | resource | reached by | operations |
//! |---|---|---|
{% for resource in api.resources %}
//! | [`{{ resource.handle }}`] | `{% include "reached_by.rs" %}` | {% for op in resource.operations %}`{{ op.method.trim_start_matches("r#") }}`{% if !loop.last %}, {% endif %}{% endfor %} |

{% endfor %}
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod client;
{% if !api.enums.is_empty() %}
mod enums;
{% endif %}
mod error;
{% if !api.models.is_empty() %}
mod models;
{% endif %}
mod pagination;
mod resources;
{% if api.has_examples() %}
#[cfg(test)]
mod spec_examples;
{% endif %}
mod wire;

pub use client::{Client, ClientBuilder, Response, RetryPolicy};
{% if !api.enums.is_empty() %}
pub use enums::*;
{% endif %}
pub use error::{ApiError, Error};
{% if !api.models.is_empty() %}
pub use models::*;
{% endif %}
{% if api.has_lists() %}
pub use pagination::ItemStream;
{% endif %}
pub use pagination::{Page, PageMeta};
pub use resources::*;

/// The date-time library used by this crate's date-time fields.
pub use chrono;

/// The result type of every call.
pub type Result<T, E = Error> = std::result::Result<T, E>;
