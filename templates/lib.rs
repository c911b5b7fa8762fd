//! Async client for the {{ api.title_doc() }} API.
//!
{% for line in api.doc %}
//! {{ line }}
{% endfor %}
//!
//! ```no_run
//! use {{ api.lib_name }}::*;
//!
//! # async fn run() -> Result<(), Error> {
//! let client = Client::new("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_auth_token");
{% if let Some(resource) = api.root_resources().next() %}
//! let handle = client.{{ resource.accessor }}();
{% endif %}
//! # Ok(())
//! # }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod client;
mod error;
mod models;
mod pagination;
mod resources;
{% if api.has_examples() %}
#[cfg(test)]
mod spec_examples;
{% endif %}
mod wire;

pub use client::{Client, ClientBuilder, Response, RetryPolicy};
pub use error::{ApiError, Error};
pub use models::*;
pub use pagination::{ItemStream, Page, PageMeta};
pub use resources::*;

/// The date-time library used by this crate's date-time fields.
pub use chrono;

/// The result type of every call.
pub type Result<T, E = Error> = std::result::Result<T, E>;
