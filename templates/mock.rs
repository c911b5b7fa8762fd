//! A typed mock of the API for your tests (feature `mock`).
//!
//! [`MockTwilio::start`] runs an HTTP server on 127.0.0.1 (a free port,
//! through [wiremock](https://docs.rs/wiremock)); [`MockTwilio::client`] is a
//! real [`Client`] pointed at it, so the code under test runs unchanged. The
//! mock is reached the way the client is: `mock.<resource>()` gives a
//! mock handle per resource, and each of its methods, named like the
//! client's, starts an [`Expectation`] of that operation:
//!
{% if let Some((resource, create, list)) = api.quickstart() %}
{% let op = create %}
//! ```{% if op.response_examples.is_empty() %}no_run{% endif %}

//! use {{ api.lib_name }}::*;
//! use {{ api.lib_name }}::mock::MockTwilio;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Error> {
//! let mock = MockTwilio::start().await;
//! // Answered with the spec's example; expected exactly once.
//! mock.{{ resource.mock_accessor }}().{{ op.method }}().respond_example().times(1);
//! // Every list request is answered with an empty page; expected at least once.
//! mock.{{ resource.mock_accessor }}().{{ list.method }}().respond([]);
//!
//! let client = mock.client();
{% let prefix = "//! " %}
{% include "params_let.rs" %}//! let created = {% include "call.rs" %}.await?;
//! println!("created {created:?}");
{% let op = list %}
{% include "params_let.rs" %}//! let page = {% include "call.rs" %}.await?;
//! assert!(page.items.is_empty());
//!
//! // Panics, naming each expectation that was not met and each request no
//! // expectation matched.
//! mock.verify().await;
//! # Ok(())
//! # }
//! ```
//!
{% endif %}
//! An expectation matches a request by method and path (path parameters as
//! the client percent-encodes them) and, with [`Expectation::when`], by the
//! operation's params struct decoded from what the client sent (query,
//! headers and form body, keyed by their wire names). It answers:
//!
//! - [`respond`](Expectation::respond) with a value of the operation's own
//!   model (built with `Default` or `new` and field assignment, as apps build
//!   them), or for a list, its items as one page;
//!   [`respond_pages`](Expectation::respond_pages) with several pages, linked
//!   through `meta.next_page_url` back to the mock, so `stream` and
//!   `next_page` really page;
//! - [`respond_example`](Expectation::respond_example) with the spec's
//!   example of the success response (the answer until another is set);
//! - [`respond_error`](Expectation::respond_error) with a Twilio error body
//!   (`code`, `message`, `more_info`, `status`), and
//!   [`respond_status`](Expectation::respond_status) with a status and the
//!   Twilio error body that goes with it;
//! - [`respond_rate_limited`](Expectation::respond_rate_limited) with a 429
//!   and `Retry-After` first, and the other answer after, so the client's
//!   retry runs for real.
//!
//! [`times`](Expectation::times) and [`at_least`](Expectation::at_least) say
//! how many requests the expectation must answer (at least one unless told
//! otherwise), retries and later pages included; one that answered its
//! `times` lets the next matching expectation answer. Expectations are tried
//! in the order they were made. A request none matches is answered 404 with a
//! Twilio error body naming its method and path and why each expectation
//! for that method and path did not match; [`MockTwilio::verify`] reports it
//! too, and [`MockTwilio::try_verify`] returns the report instead of
//! panicking.

{# Each expectation's type spells out its operation's answer as deeply as #}
{# the spec nests it (`Json<std::collections::BTreeMap<String, Vec<...>>>`). #}
#![allow(clippy::type_complexity)]
//@final

use std::collections::VecDeque;
use std::fmt;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use wiremock::{Mock, MockServer, Request as Incoming, Respond, ResponseTemplate};

use crate::client::{Client, ClientBuilder};

/// The account SID of [`MockTwilio::client`].
const MOCK_ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// A mock of the API on 127.0.0.1, with the expectations set on it.
///
/// Dropping it ends the mock: wiremock takes the server back (it keeps idle
/// ones for the next mock), and nothing set here answers any more.
pub struct MockTwilio {
    server: MockServer,
    mock: Arc<Shared>,
}

impl fmt::Debug for MockTwilio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockTwilio").field("uri", &self.mock.uri).finish_non_exhaustive()
    }
}

impl MockTwilio {
    /// Starts a mock server on 127.0.0.1, on a port the system picks, with
    /// no expectation yet.
    pub async fn start() -> MockTwilio {
        let server = MockServer::start().await;
        let mock = Arc::new(Shared {
            uri: server.uri(),
            state: Mutex::default(),
        });
        Mock::given(wiremock::matchers::any())
            .respond_with(Dispatch(Arc::clone(&mock)))
            .mount(&server)
            .await;
        MockTwilio { server, mock }
    }

    /// The mock's base URL, e.g. `http://127.0.0.1:40123`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// A client of the mock, with the default retry policy and timeouts.
    ///
    /// # Panics
    ///
    /// Like [`ClientBuilder::build`], if the TLS backend cannot be initialized.
    pub fn client(&self) -> Client {
        match self.client_builder().build() {
            Ok(client) => client,
            Err(err) => panic!("cannot build a client of the mock: {err}"),
        }
    }

    /// A client builder already pointed at the mock, to change the retry
    /// policy or timeouts.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder(MOCK_ACCOUNT_SID, "mock-auth-token").base_url(self.uri())
    }

    /// Checks that every expectation answered as many requests as it expects
    /// and that no request went unmatched; the error lists each problem.
    pub async fn try_verify(&self) -> Result<(), VerifyError> {
        let state = self.mock.lock();
        let mut problems: Vec<String> = state
            .entries
            .iter()
            .filter_map(Entry::unmet)
            .collect();
        problems
            .extend(
                state
                    .unexpected
                    .iter()
                    .map(|request| format!("unexpected request: {request}")),
            );
        if problems.is_empty() { Ok(()) } else { Err(VerifyError { problems }) }
    }

    /// Like [`Self::try_verify`], but panics with the report.
    ///
    /// # Panics
    ///
    /// When an expectation was not met or a request matched none.
    pub async fn verify(&self) {
        if let Err(err) = self.try_verify().await {
            panic!("{err}");
        }
    }
{% for resource in api.root_resources() %}

    /// Expectations on what [`crate::{{ resource.handle }}`] sends.
    {{ resource.gate().cfg() }}
    {{ resource.gate().doc_cfg() }}
    pub fn {{ resource.mock_accessor }}(&self{% if let Some(p) = resource.accessor_param %}, {{ p.rust_name }}: impl Into<String>{% endif %}) -> {{ resource.mock_handle }} {
        {{ resource.mock_handle }} {
            mock: Arc::clone(&self.mock),
{% if let Some(p) = resource.accessor_param %}
            {{ p.rust_name }}: {{ p.rust_name }}.into(),
{% endif %}
        }
    }
{% endfor %}
}

/// Why [`MockTwilio::try_verify`] failed: each expectation not met and each
/// request no expectation matched, one line each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyError {
    problems: Vec<String>,
}

impl VerifyError {
    /// The problems, one sentence each.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the mock's expectations were not met:")?;
        for problem in &self.problems {
            write!(f, "\n  - {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for VerifyError {}

{% include "mock_expectation.rs" %}
/// What the mock's server and its handles share.
pub(crate) struct Shared {
    uri: String,
    state: Mutex<State>,
}

impl Shared {
    /// The state; a panic in a `when` elsewhere does not lock the mock up.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockTwilio").field("uri", &self.uri).finish_non_exhaustive()
    }
}

#[derive(Default)]
struct State {
    entries: Vec<Entry>,
    /// The requests no expectation matched, described.
    unexpected: Vec<String>,
}

/// Decides on a request, from its params decoded as JSON and its raw body:
/// whether it matches, or why it could not be decoded.
type Predicate = Box<dyn Fn(&Value, &Incoming) -> Result<bool, String> + Send + Sync>;

/// One expectation.
struct Entry {
    operation: &'static Operation,
    /// The path it matches, percent-encoded as the client sends it.
    path: String,
    name: Option<String>,
    when: Vec<Predicate>,
    /// Answers given before `then`, one request each.
    first: VecDeque<Answer>,
    then: Answer,
    min: usize,
    max: Option<usize>,
    /// The requests answered.
    hits: usize,
}

impl Entry {
    fn label(&self) -> String {
        let what = format!(
            "{} `{} {}`", self.operation.id, self.operation.method, self.path
        );
        match &self.name {
            Some(name) => format!("`{name}` ({what})"),
            None => what,
        }
    }

    /// What went wrong with this expectation, if anything.
    fn unmet(&self) -> Option<String> {
        let enough = self.hits >= self.min
            && self.max.is_none_or(|max| self.hits <= max);
        let expected = match self.max {
            Some(max) => format!("exactly {max}"),
            None => format!("at least {}", self.min),
        };
        let plural = if self.max.unwrap_or(self.min) == 1 { "" } else { "s" };
        (!enough)
            .then(|| {
                format!(
                    "{} expected {expected} request{plural}, received {}", self.label(),
                    self.hits
                )
            })
    }

    /// The answer for the next request, which counts as received.
    fn next_answer(&mut self) -> Answer {
        self.hits += 1;
        self.first.pop_front().unwrap_or_else(|| self.then.clone())
    }
}

/// The facts of one operation the mock needs.
pub(crate) struct Operation {
    pub(crate) id: &'static str,
    pub(crate) method: &'static str,
    /// The status of a success.
    pub(crate) status: u16,
    /// Whether a success has a JSON body.
    pub(crate) has_body: bool,
    /// For a list, the key of the items in a page.
    pub(crate) items_key: Option<&'static str>,
    /// The spec's example of the success body.
    pub(crate) example: Option<&'static str>,
    pub(crate) headers: &'static [Field],
    pub(crate) query: &'static [Field],
    pub(crate) form: &'static [Field],
}

/// A params field by its wire name, and how the texts sent for it read as
/// the JSON its params struct decodes.
pub(crate) type Field = (&'static str, fn(&[String]) -> Value);

#[derive(Clone)]
enum Answer {
    Example,
    Json(Value),
    Pages(Vec<Vec<Value>>),
    Empty,
{% if api.has_downloads() %}
    Raw { content_type: String, data: Vec<u8> },
{% endif %}
    Error { status: u16, code: i64, message: String },
    Status(u16),
    RateLimited(Duration),
    /// A mistake in the test's setup, answered as a 500 saying what it is.
    Broken(String),
}

impl Answer {
    fn body(value: &impl Serialize) -> Answer {
        match serde_json::to_value(value) {
            Ok(json) => Answer::Json(json),
            Err(err) => {
                Answer::Broken(format!("the answer does not encode as JSON: {err}"))
            }
        }
    }

    /// The response to `request`, the `page`th one of `entry` (at `index`).
    fn respond(
        self,
        entry: &Entry,
        index: usize,
        page: usize,
        uri: &str,
    ) -> ResponseTemplate {
        let operation = entry.operation;
        match self {
            Answer::Example => {
                match operation.example.map(serde_json::from_str::<Value>) {
                    Some(Ok(mut example)) => {
                        if let Some(meta) = example
                            .get_mut("meta")
                            .and_then(Value::as_object_mut)
                        {
                            meta.insert("next_page_url".to_owned(), Value::Null);
                        }
                        ResponseTemplate::new(operation.status).set_body_json(example)
                    }
                    Some(Err(err)) => {
                        let id = operation.id;
                        let message = format!(
                            "the spec's example of {id} is not JSON: {err}"
                        );
                        error(500, 20500, &message)
                    }
                    None if !operation.has_body => {
                        ResponseTemplate::new(operation.status)
                    }
                    None => {
                        error(
                            500,
                            20500,
                            &format!(
                                "the spec has no example of the {} response: answer with `respond`",
                                operation.id
                            ),
                        )
                    }
                }
            }
            Answer::Json(body) => {
                ResponseTemplate::new(operation.status).set_body_json(body)
            }
            Answer::Pages(pages) => {
                let body = page_body(
                    operation,
                    &pages,
                    page,
                    &format!("{uri}{}", entry.path),
                    index,
                );
                ResponseTemplate::new(operation.status).set_body_json(body)
            }
            Answer::Empty => ResponseTemplate::new(operation.status),
{% if api.has_downloads() %}
            Answer::Raw { content_type, data } => {
                ResponseTemplate::new(operation.status).set_body_raw(data, &content_type)
            }
{% endif %}
            Answer::Error { status, code, message } => error(status, code, &message),
            Answer::Status(status) if status >= 400 => {
                let message = if status == 404 {
                    format!("The requested resource {} was not found", entry.path)
                } else {
                    reqwest::StatusCode::from_u16(status)
                        .ok()
                        .and_then(|status| status.canonical_reason())
                        .unwrap_or("Error")
                        .to_owned()
                };
                error(status, 20000 + i64::from(status), &message)
            }
            Answer::Status(status) => ResponseTemplate::new(status),
            Answer::RateLimited(wait) => {
                error(429, 20429, "Too Many Requests")
                    .insert_header(
                        "Retry-After",
                        wait.as_secs_f64().to_string().as_str(),
                    )
            }
            Answer::Broken(message) => error(500, 20500, &message),
        }
    }
}

/// `status` with Twilio's error body.
fn error(status: u16, code: i64, message: &str) -> ResponseTemplate {
    let mut body = Map::new();
    body.insert("code".to_owned(), code.into());
    body.insert("message".to_owned(), message.into());
    body.insert(
        "more_info".to_owned(),
        format!("https://www.twilio.com/docs/errors/{code}").into(),
    );
    body.insert("status".to_owned(), status.into());
    ResponseTemplate::new(status).set_body_json(Value::Object(body))
}

/// The `page`th of `pages` in Twilio's list envelope; `url` is the list's.
/// Later pages are asked for with `PageToken=mock.<index>.<page>`.
fn page_body(
    operation: &Operation,
    pages: &[Vec<Value>],
    page: usize,
    url: &str,
    index: usize,
) -> Value {
    let key = operation.items_key.unwrap_or("items");
    let size = pages.first().map_or(0, Vec::len).max(1);
    let page_url = |page: usize| match page {
        0 => format!("{url}?PageSize={size}&Page=0"),
        _ => format!("{url}?PageSize={size}&Page={page}&PageToken=mock.{index}.{page}"),
    };
    let mut meta = Map::new();
    meta.insert("page".to_owned(), page.into());
    meta.insert("page_size".to_owned(), size.into());
    meta.insert("first_page_url".to_owned(), page_url(0).into());
    meta.insert(
        "previous_page_url".to_owned(),
        page.checked_sub(1).map(page_url).into(),
    );
    meta.insert("url".to_owned(), page_url(page).into());
    meta.insert(
        "next_page_url".to_owned(),
        (page + 1 < pages.len()).then(|| page_url(page + 1)).into(),
    );
    meta.insert("key".to_owned(), key.into());
    let mut body = Map::new();
    body.insert(key.to_owned(), pages.get(page).cloned().unwrap_or_default().into());
    body.insert("meta".to_owned(), Value::Object(meta));
    Value::Object(body)
}

/// The mock's one wiremock responder: it finds the expectation that answers.
struct Dispatch(Arc<Shared>);

impl Respond for Dispatch {
    fn respond(&self, request: &Incoming) -> ResponseTemplate {
        let uri = &self.0.uri;
        let mut state = self.0.lock();
        if let Some((index, page)) = later_page(request)
            .filter(|(index, _)| *index < state.entries.len())
        {
            let entry = &mut state.entries[index];
            let answer = entry.next_answer();
            return answer.respond(entry, index, page, uri);
        }
        let method = request.method.as_str();
        let path = request.url.path();
        let mut misses = Vec::new();
        for (index, entry) in state.entries.iter_mut().enumerate() {
            if entry.operation.method != method || entry.path != path {
                continue;
            }
            if entry.max.is_some_and(|max| entry.hits >= max) {
                misses
                    .push(
                        format!(
                            "{} has answered the {} request(s) it expects", entry
                            .label(), entry.hits
                        ),
                    );
                continue;
            }
            let params = params_json(entry.operation, request);
            match entry
                .when
                .iter()
                .map(|check| check(&params, request))
                .find(|outcome| outcome != &Ok(true))
            {
                None => {
                    let answer = entry.next_answer();
                    return answer.respond(entry, index, 0, uri);
                }
                Some(Ok(_)) => {
                    misses.push(format!("{}: its `when` is false", entry.label()))
                }
                Some(Err(why)) => misses.push(format!("{}: {why}", entry.label())),
            }
        }
        let query = request
            .url
            .query()
            .map(|query| format!("?{query}"))
            .unwrap_or_default();
        let mut message = format!(
            "no expectation of the mock matches {method} {path}{query}"
        );
        if misses.is_empty() {
            message.push_str(" (none is set for that method and path)");
        } else {
            message.push_str(": ");
            message.push_str(&misses.join("; "));
        }
        state.unexpected.push(message.clone());
        error(404, 20404, &message)
    }
}

/// The expectation and page a later page's URL names (`PageToken=mock.3.1`).
fn later_page(request: &Incoming) -> Option<(usize, usize)> {
    if request.method.as_str() != "GET" {
        return None;
    }
    let (_, token) = request.url.query_pairs().find(|(key, _)| key == "PageToken")?;
    let (index, page) = token.strip_prefix("mock.")?.split_once('.')?;
    Some((index.parse().ok()?, page.parse().ok()?))
}

/// What the client sent for `operation`'s params, as JSON keyed by wire
/// names, typed as the params struct reads it: the decoding the `when`s see.
fn params_json(operation: &Operation, request: &Incoming) -> Value {
    let mut json = Map::new();
    let mut take = |fields: &[Field], sent: &dyn Fn(&str) -> Vec<String>| {
        for (name, read) in fields {
            let values = sent(name);
            if !values.is_empty() {
                json.insert((*name).to_owned(), read(&values));
            }
        }
    };
    take(
        operation.headers,
        &|name| {
            request
                .headers
                .get_all(name)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .map(str::to_owned)
                .collect()
        },
    );
    let query: Vec<(String, String)> = request.url.query_pairs().into_owned().collect();
    take(
        operation.query,
        &|name| {
            query
                .iter()
                .filter(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
                .collect()
        },
    );
    let form: Vec<(String, String)> = form_urlencoded::parse(&request.body)
        .into_owned()
        .collect();
    take(
        operation.form,
        &|name| {
            form.iter()
                .filter(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
                .collect()
        },
    );
    Value::Object(json)
}
{% include "mock_readers.rs" %}
{% if api.has_path_params() %}

{{ api.cfg(Need::PathParams) }}
/// A path parameter as the client sends it. A value the client refuses to
/// send stays as given, so no request matches it.
pub(crate) fn segment(value: &str) -> String {
    crate::wire::path_segment(value).unwrap_or_else(|_| value.to_owned())
}
{% endif %}
{% for resource in api.resources %}
{{ resource.gate().attrs() }}
pub use crate::resources::{{ resource.module }}::mock::{{ resource.mock_handle }};
{% endfor %}
//@end

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_link_to_the_next_through_the_mock() {
        let operation = Operation {
            id: "ListThings",
            method: "GET",
            status: 200,
            has_body: true,
            items_key: Some("things"),
            example: None,
            headers: &[],
            query: &[],
            form: &[],
        };
        let pages = vec![vec![Value::from(1), Value::from(2)], vec![Value::from(3)]];
        let first = page_body(&operation, &pages, 0, "http://127.0.0.1:9/v1/Things", 4);
        assert_eq!(first["things"], serde_json::json!([1, 2]));
        assert_eq!(first["meta"]["key"], "things");
        assert_eq!(first["meta"]["page_size"], 2);
        assert_eq!(first["meta"]["previous_page_url"], Value::Null);
        assert_eq!(first["meta"]["next_page_url"], "http://127.0.0.1:9/v1/Things?PageSize=2&Page=1&PageToken=mock.4.1");
        let last = page_body(&operation, &pages, 1, "http://127.0.0.1:9/v1/Things", 4);
        assert_eq!(last["things"], serde_json::json!([3]));
        assert_eq!(last["meta"]["next_page_url"], Value::Null);
        assert_eq!(last["meta"]["previous_page_url"], "http://127.0.0.1:9/v1/Things?PageSize=2&Page=0");
    }
{% if api.mock_reads(false) || api.mock_reads(true) %}

    {{ api.cfg(Need::Params) }}
    #[test]
    fn texts_read_as_their_fields_types() {
        assert_eq!(<i64 as FromText>::json("12"), Value::from(12));
        assert_eq!(<i64 as FromText>::json("twelve"), Value::from("twelve"));
        assert_eq!(<bool as FromText>::json("true"), Value::Bool(true));
        assert_eq!(<bool as FromText>::json("yes"), Value::from("yes"));
        assert_eq!(<f64 as FromText>::json("0.5"), Value::from(0.5));
        assert_eq!(<String as FromText>::json("12"), Value::from("12"));
        assert_eq!(<Value as FromText>::json(r#"{"a":1}"#), serde_json::json!({"a": 1}));
        assert_eq!(<Value as FromText>::json("plain"), Value::from("plain"));
    }
{% endif %}
}
