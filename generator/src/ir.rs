//! The typed intermediate representation between the OpenAPI model and the
//! templates.
//!
//! Everything a template needs is decided here: every Rust name, every type,
//! every doc line. Templates only loop and branch over these structs.

use std::fmt;

mod binary;
mod features;
mod layout;
mod public;
mod webhooks;

pub use binary::{BinaryBody, is_binary};
pub use features::{Gate, Home, Need};
pub use layout::{SharedType, TypeFile};
pub use public::{ItemKind, PublicItem};
pub use webhooks::*;

/// A whole client crate.
#[derive(Debug, Clone)]
pub struct Api {
    /// The package name, e.g. `twilio-conversations`.
    pub crate_name: String,
    /// The library name as written in `use` paths, e.g. `twilio_conversations`.
    pub lib_name: String,
    /// The crate version, from `info.version`.
    pub version: String,
    /// The API title, from `info.title`.
    pub title: String,
    /// Crate-level documentation lines from `info.description`.
    pub doc: Vec<String>,
    /// The crate page's guide to common flows (`info.x-rust-guide`, markdown
    /// whose `rust` code blocks are doc tests); empty when the spec has none.
    pub guide: Vec<String>,
    /// The license of the generated crate (`info.license.name`, default `MIT`).
    pub license: String,
    /// The crate's source repository (`info.x-repository`), if the spec names one.
    pub repository: Option<String>,
    /// The default base URL: the first of the spec's top-level `servers`,
    /// without a trailing `/`. `None` when the spec names no server (OpenAPI
    /// then means `/`, relative to wherever the spec was served, which a
    /// client cannot know): the generated client has no default host, and
    /// `ClientBuilder::build` fails unless the app sets a base URL.
    pub base_url: Option<String>,
    /// The other hosts some operations name (`servers` on a path or an
    /// operation), in spec order; an operation's `host` indexes them.
    pub hosts: Vec<String>,
    /// Resources, parents before children, siblings in spec order.
    pub resources: Vec<Resource>,
    /// Response and shared object types, sorted by name.
    pub models: Vec<Model>,
    /// String enums, sorted by name.
    pub enums: Vec<Enum>,
    /// `oneOf`s tagged by a `discriminator`, sorted by name.
    pub unions: Vec<Union>,
    /// Operations that were not generated, with the reason.
    pub skipped: Vec<Skipped>,
    /// The webhook events of `x-webhooks`, when the spec describes them.
    pub webhooks: Option<Webhooks>,
    /// The JSON keys of every model field marked sensitive, sorted: their
    /// values are hidden in the bodies an error prints.
    pub sensitive_keys: Vec<String>,
    /// The JSON keys of every model field marked as standard personal data
    /// and never sensitive, sorted: hidden too with `redact-personal-data`.
    pub standard_keys: Vec<String>,
    /// The generated types held by a field marked as personal data, sorted
    /// (each gets the plain `<redacted>` rendering).
    pub redacted_types: Vec<String>,
    /// One test per marked field of a model or params struct.
    pub pii_cases: Vec<PiiCase>,
}

impl Api {
    /// Whether any model or params field is marked as personal data.
    pub fn has_personal_data(&self) -> bool {
        self.has_pii(Pii::Standard) || self.has_pii(Pii::Sensitive)
    }

    /// Whether any model, params or webhook event field is marked with `pii`.
    pub fn has_pii(&self, pii: Pii) -> bool {
        self.models
            .iter()
            .flat_map(|m| &m.fields)
            .any(|f| f.pii == Some(pii))
            || self
                .operations()
                .filter_map(|op| op.params.as_ref())
                .flat_map(|p| &p.fields)
                .any(|f| f.pii == Some(pii))
            || self
                .webhooks
                .iter()
                .flat_map(Webhooks::fields)
                .any(|f| f.pii == Some(pii))
    }

    /// The name of the enum of webhook events (empty without `x-webhooks`).
    pub fn webhooks_enum(&self) -> &str {
        self.webhooks.as_ref().map_or("", |w| w.enum_name.as_str())
    }

    /// The number of generated operations.
    pub fn operation_count(&self) -> usize {
        self.resources.iter().map(|r| r.operations.len()).sum()
    }

    /// How many operations were skipped for each kind of reason, sorted by
    /// kind, e.g. `["2 cookie parameters", "1 multipart/form-data body"]`.
    pub fn skip_counts(&self) -> Vec<String> {
        let mut counts = std::collections::BTreeMap::new();
        for skipped in &self.skipped {
            let entry = counts
                .entry(skipped.reason.kind(1))
                .or_insert((&skipped.reason, 0));
            entry.1 += 1;
        }
        counts
            .into_values()
            .map(|(reason, count)| format!("{count} {}", reason.kind(count)))
            .collect()
    }

    /// The resources reached straight from the client.
    pub fn root_resources(&self) -> impl Iterator<Item = &Resource> {
        self.resources.iter().filter(|r| r.parent.is_none())
    }

    /// The children of `resource`, in order.
    pub fn children_of(&self, resource: &Resource) -> Vec<&Resource> {
        resource
            .children
            .iter()
            .map(|&i| &self.resources[i])
            .collect()
    }

    /// The root resource the crate docs' quickstart uses: the first one
    /// with both a create and a list operation.
    pub fn quickstart(&self) -> Option<(&Resource, &Operation, &Operation)> {
        self.root_resources().find_map(|resource| {
            let create = resource
                .operations
                .iter()
                .find(|op| op.method == "create" && op.path_params.is_empty())?;
            let list = resource
                .operations
                .iter()
                .find(|op| op.is_list() && op.path_params.is_empty() && op.body.is_none())?;
            Some((resource, create, list))
        })
    }

    /// Whether any operation returns a page of a list (so streams are used).
    pub fn has_lists(&self) -> bool {
        self.operations().any(Operation::is_list)
    }

    /// Whether any operation sends parameters in `location`.
    pub fn sends(&self, location: Location) -> bool {
        self.operations()
            .filter_map(|op| op.params.as_ref())
            .any(|p| p.has(location))
    }

    /// Whether any operation asks for another media type than `application/json`.
    pub fn sends_accept(&self) -> bool {
        self.operations().any(|op| op.accept.is_some())
    }

    /// Whether any operation sends a JSON body.
    pub fn sends_json(&self) -> bool {
        self.operations().any(|op| op.body.is_some())
    }

    /// Whether any operation has a params struct (so values are sent as pairs).
    pub fn has_params(&self) -> bool {
        self.operations().any(|op| op.params.is_some())
    }

    /// Whether any operation takes a path parameter.
    pub fn has_path_params(&self) -> bool {
        self.operations().any(|op| !op.path_args.is_empty())
    }

    /// Whether any operation answers without a body worth decoding.
    pub fn has_empty_responses(&self) -> bool {
        self.operations()
            .any(|op| matches!(op.response, ResponseKind::Empty))
    }

    /// Whether any params struct has a list field.
    pub fn has_list_params(&self) -> bool {
        self.list_params().next().is_some()
    }

    /// Whether any params struct has a list field that is `required`
    /// (`false`: optional), so the wire module decodes such lists.
    pub fn has_list_params_required(&self, required: bool) -> bool {
        self.list_params().any(|f| f.required == required)
    }

    fn list_params(&self) -> impl Iterator<Item = &ParamField> {
        self.operations()
            .filter_map(|op| op.params.as_ref())
            .flat_map(|p| &p.fields)
            .filter(|f| matches!(f.ty, RustType::Vec(_)))
    }

    /// Whether any operation carries examples to test.
    pub fn has_examples(&self) -> bool {
        self.has_request_examples()
            || self.has_body_examples()
            || self.has_response_examples(false)
            || self.has_response_examples(true)
    }

    /// Whether any operation has a JSON-body example.
    pub fn has_body_examples(&self) -> bool {
        self.operations().any(|op| !op.body_examples.is_empty())
    }

    /// Whether any operation has a form-body example.
    pub fn has_request_examples(&self) -> bool {
        self.operations().any(|op| !op.request_examples.is_empty())
    }

    /// Whether any list (`pages`) or other operation has a response example.
    pub fn has_response_examples(&self, pages: bool) -> bool {
        self.operations()
            .any(|op| op.is_list() == pages && !op.response_examples.is_empty())
    }

    fn operations(&self) -> impl Iterator<Item = &Operation> {
        self.resources.iter().flat_map(|r| &r.operations)
    }

    /// The enums the models' fields use, sorted, for `models.rs`' imports.
    pub fn model_imports(&self) -> Vec<String> {
        let mut names = Vec::new();
        for field in self.models.iter().flat_map(|m| &m.fields) {
            field.ty.named(&mut names);
        }
        names.retain(|name| self.enums.iter().any(|e| &e.name == name));
        names.sort();
        names.dedup();
        names
    }

    /// Whether any model field needs a date-time type.
    pub fn models_use_datetime(&self) -> bool {
        self.models
            .iter()
            .flat_map(|m| &m.fields)
            .any(|f| f.ty.mentions_datetime())
    }

    /// Whether any model field is left out of the JSON when unset.
    pub fn models_skip_none(&self) -> bool {
        self.models
            .iter()
            .flat_map(|m| &m.fields)
            .any(ModelField::skips_none)
    }

    /// Whether any model field needs a map type.
    pub fn models_use_map(&self) -> bool {
        self.models
            .iter()
            .flat_map(|m| &m.fields)
            .any(|f| f.ty.mentions_map())
    }
}

/// An operation the generator left out, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    /// `METHOD /path`.
    pub operation: String,
    /// Why it was skipped.
    pub reason: SkipReason,
}

/// What in an operation cannot be generated. `Display` gives the whole
/// reason; [`SkipReason::kind`] a short name to count skips by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A request body offered only in these media types: neither a form nor JSON.
    Body(Vec<String>),
    /// A cookie parameter, at this JSON pointer.
    Cookie(String),
    /// An HTTP method the client has no call for: `HEAD`, `OPTIONS` or `TRACE`.
    Method(&'static str),
}

impl SkipReason {
    /// A short name of what cannot be generated, for `count` of them, e.g.
    /// `multipart/form-data body` or `cookie parameters`: the same for every
    /// skip of its kind.
    pub fn kind(&self, count: usize) -> String {
        let plural = count != 1;
        match self {
            SkipReason::Body(types) => {
                let noun = if plural { "bodies" } else { "body" };
                format!("{} {noun}", types.join(", "))
            }
            SkipReason::Cookie(_) => {
                let noun = if plural { "parameters" } else { "parameter" };
                format!("cookie {noun}")
            }
            SkipReason::Method(method) => {
                let noun = if plural { "operations" } else { "operation" };
                format!("{method} {noun}")
            }
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Body(types) => write!(
                f,
                "request bodies of type {} cannot be sent: only a form (application/x-www-form-urlencoded) or JSON (application/json, or a +json type)",
                types.join(", ")
            ),
            SkipReason::Cookie(pointer) => {
                write!(f, "cookie parameters are not supported ({pointer})")
            }
            SkipReason::Method(method) => write!(
                f,
                "{method} operations are not generated: the client calls GET, POST, PUT, PATCH and DELETE"
            ),
        }
    }
}

/// A group of operations on one collection of things (`/v1/Conversations`
/// and `/v1/Conversations/{Sid}`), reached through a handle type.
#[derive(Debug, Clone)]
pub struct Resource {
    /// The handle type, e.g. `Conversations`.
    pub handle: String,
    /// The module (and folder) name under `src/resources/`, e.g. `conversations`.
    pub module: String,
    /// The cargo feature that builds it, e.g. `conversation-messages`:
    /// the module's name in kebab case.
    pub feature: String,
    /// The accessor method on the parent (or the client), e.g. `conversations`.
    pub accessor: String,
    /// The mock handle type in the `mock` module (feature `mock`), e.g.
    /// `ConversationsMock`: the expectations on this resource's operations.
    pub mock_handle: String,
    /// The accessor of the mock handle on its parent's mock handle (or on
    /// `MockTwilio`): the client's accessor, unless `MockTwilio`'s own
    /// methods take that name.
    pub mock_accessor: String,
    /// Documentation lines for the handle.
    pub doc: Vec<String>,
    /// The index of the parent resource in [`Api::resources`], if nested.
    pub parent: Option<usize>,
    /// Path parameters the handle carries (the parents' ids), outermost first.
    pub scope_params: Vec<PathParam>,
    /// The parameter the accessor takes to reach this resource from its parent.
    pub accessor_param: Option<PathParam>,
    /// Indices of child resources in [`Api::resources`].
    pub children: Vec<usize>,
    /// How an app reaches this handle from the client, outermost first, with
    /// a placeholder argument where an accessor takes one (for doc examples).
    pub chain: Vec<ChainStep>,
    /// The operations, in the order create, list, fetch, update, delete, others.
    pub operations: Vec<Operation>,
}

impl Resource {
    /// The generated types this resource's module names, sorted, for its `use` line.
    pub fn imports(&self) -> Vec<String> {
        let mut names = Vec::new();
        for ty in self.operations.iter().flat_map(Operation::written_types) {
            ty.named(&mut names);
        }
        for op in &self.operations {
            if matches!(op.response, ResponseKind::Binary) {
                names.push("Download".to_owned());
            }
            if op.upload.is_some() {
                names.push("Upload".to_owned());
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// Whether the module writes `DateTime<Utc>` (in an answer's type, a
    /// JSON body's or a params field's), so it imports chrono's names.
    pub fn uses_datetime(&self) -> bool {
        self.operations
            .iter()
            .flat_map(Operation::written_types)
            .any(RustType::mentions_datetime)
    }

    /// Whether the module writes `BTreeMap` (in an answer's type, such as
    /// a map as the whole answer, a JSON body's or a params field's), so it
    /// imports it.
    pub fn uses_map(&self) -> bool {
        self.operations
            .iter()
            .flat_map(Operation::written_types)
            .any(RustType::mentions_map)
    }

    /// Whether any operation has a params struct.
    pub fn has_params(&self) -> bool {
        self.operations.iter().any(|op| op.params.is_some())
    }

    /// The public names this resource's module exports: the handle and params structs.
    pub fn exports(&self) -> Vec<String> {
        let mut names = vec![self.handle.clone()];
        names.extend(
            self.operations
                .iter()
                .filter_map(|op| op.params.as_ref())
                .map(|p| p.name.clone()),
        );
        names
    }

    /// Whether any operation lists a collection.
    pub fn has_list(&self) -> bool {
        self.operations.iter().any(|op| op.is_list())
    }
}

/// One accessor call on the way from the client to a handle.
#[derive(Debug, Clone)]
pub struct ChainStep {
    /// The accessor method, e.g. `messages`.
    pub accessor: String,
    /// The placeholder argument, e.g. `CONVERSATION_SID`, if it takes one.
    pub arg: Option<String>,
}

/// HTTP methods the generator supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HttpMethod {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl HttpMethod {
    /// The upper-case method name, as in `reqwest::Method::GET`.
    pub fn upper(&self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }
}

/// One HTTP operation.
#[derive(Debug, Clone)]
pub struct Operation {
    /// The spec's `operationId`, e.g. `CreateConversation`.
    pub operation_id: String,
    /// The method name on the handle, e.g. `create`.
    pub method: String,
    /// The HTTP method.
    pub http_method: HttpMethod,
    /// The path as the spec writes it, e.g. `/v1/Conversations/{Sid}`.
    pub path: String,
    /// The path as a `format!` string naming each path parameter's local, e.g.
    /// `/v1/Conversations/{sid}`.
    pub path_format: String,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// Path parameters taken as method arguments (those not carried by the handle).
    pub path_params: Vec<PathParam>,
    /// Every path parameter in path order: the local variable holding its
    /// percent-encoded segment (named in `path_format`) and the expression
    /// that yields its value (`self.conversation_sid` or `sid`).
    pub path_args: Vec<PathArg>,
    /// The params struct, when the operation has query, header or form-body
    /// parameters.
    pub params: Option<ParamsStruct>,
    /// The `Accept` header to send when the answer is JSON of another media
    /// type than `application/json`, e.g. `application/scim+json`.
    pub accept: Option<String>,
    /// The JSON request body, taken as its own argument (`body: &T`) before
    /// the params; `None` for a form body or none.
    pub body: Option<JsonBody>,
    /// The method that also returns the response status and headers, e.g.
    /// `create_with_response`.
    pub with_response_method: String,
    /// For list operations, the name of the method that streams every item.
    pub stream_method: Option<String>,
    /// For list operations, the private method that builds the first request,
    /// shared by the page method and the stream.
    pub request_method: Option<String>,
    /// What a successful call returns.
    pub response: ResponseKind,
    /// The status of a successful answer: the first 2xx the spec documents
    /// (200 when it documents none), which the mock answers with.
    pub success_status: u16,
    /// The spec's examples of the success response body.
    pub response_examples: Vec<Example>,
    /// The spec's examples of the form body.
    pub request_examples: Vec<Example>,
    /// The spec's examples of the JSON body.
    pub body_examples: Vec<Example>,
    /// A JSON object of placeholder values for the required header and
    /// query parameters, which a form example cannot set but the params
    /// struct needs to decode; `{}` when there are none.
    pub request_example_others: String,
    /// The name of the generated test that checks those examples.
    pub example_test: String,
    /// A body sent as it is (a file, bytes or a stream), for media types
    /// other than a form and JSON.
    pub upload: Option<BinaryBody>,
    /// The index in [`Api::hosts`] of the host this operation is sent to,
    /// when its path or itself names a server other than the spec's.
    pub host: Option<usize>,
}

/// One example from the spec, as JSON text for a raw string literal.
#[derive(Debug, Clone)]
pub struct Example {
    /// The example's name in the spec.
    pub name: String,
    /// The example value as compact JSON.
    pub json: String,
    /// Enough `#`s that `r#"…"#` cannot end inside `json`.
    pub hashes: String,
    /// Keys of a request example that the schema does not declare, so the
    /// client cannot send them (a discrepancy in the spec).
    pub undeclared: Vec<String>,
}

impl Operation {
    /// The types a resource module writes for this operation, as they print
    /// (`DateTime<Utc>`, `BTreeMap<String, T>`, generated names), so its
    /// imports must cover them: the answer's (a page's item), the JSON
    /// body's and the params fields'.
    pub fn written_types(&self) -> impl Iterator<Item = &RustType> {
        let answer = match &self.response {
            ResponseKind::Json(ty) | ResponseKind::Page { item: ty, .. } => Some(ty),
            ResponseKind::Empty | ResponseKind::Binary => None,
        };
        answer
            .into_iter()
            .chain(self.body.iter().map(|b| &b.ty))
            .chain(self.params.iter().flat_map(|p| &p.fields).map(|f| &f.ty))
    }

    /// Whether the operation returns a page of a list.
    pub fn is_list(&self) -> bool {
        matches!(self.response, ResponseKind::Page { .. })
    }

    /// Whether the params struct exists and has form fields.
    pub fn has_form(&self) -> bool {
        self.params.as_ref().is_some_and(|p| p.has(Location::Form))
    }

    /// Whether the params struct exists and has query fields.
    pub fn has_query(&self) -> bool {
        self.params.as_ref().is_some_and(|p| p.has(Location::Query))
    }

    /// Whether the params struct exists and has header fields.
    pub fn has_headers(&self) -> bool {
        self.params
            .as_ref()
            .is_some_and(|p| p.has(Location::Header))
    }
}

/// A JSON request body (`application/json` or any `+json` type).
#[derive(Debug, Clone)]
pub struct JsonBody {
    /// The media type it is sent with, e.g. `application/json`.
    pub content_type: String,
    /// The type the body is encoded from, e.g. `TemplateCreateRequest`.
    pub ty: RustType,
    /// The method argument's type, e.g. `&TemplateCreateRequest` or `&[Item]`.
    pub arg_type: String,
    /// The lines of a Rust expression building a body for doc examples,
    /// from the spec's example where it has one: the constructor call, e.g.
    /// `TemplateCreateRequest::new("Sale", "en", TemplateTypes::new())`,
    /// then one setter call a line.
    pub sample: Vec<String>,
}

/// One path parameter as the request code uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct PathArg {
    /// The local variable holding the encoded segment, e.g. `sid`.
    pub local: String,
    /// The expression giving the raw value, e.g. `self.conversation_sid`.
    pub source: String,
}

/// A path parameter, passed positionally.
#[derive(Debug, Clone, PartialEq)]
pub struct PathParam {
    /// The Rust argument name, e.g. `sid`.
    pub rust_name: String,
    /// The name in the path template, e.g. `Sid`.
    pub wire_name: String,
    /// A placeholder value for doc examples, e.g. `SID`.
    pub placeholder: String,
    /// Documentation, one line per element.
    pub doc: Vec<String>,
}

/// What a successful response decodes to.
#[derive(Debug, Clone)]
pub enum ResponseKind {
    /// A JSON body of this type.
    Json(RustType),
    /// A page of a list: items under `items_key`, plus `meta`.
    Page {
        /// The item type.
        item: RustType,
        /// The JSON key holding the items, e.g. `conversations`.
        items_key: String,
    },
    /// No body (204) or a body the caller does not need.
    Empty,
    /// A body read as bytes or a stream (`application/octet-stream`,
    /// `image/*`, a file the answer redirects to...).
    Binary,
}

/// The struct holding an operation's non-path parameters.
///
/// A required parameter is an argument of `new` and a plain field, always
/// sent; an optional one is an `Option` field, set by its setter and sent
/// only when set. Every field, required or not, has a consuming setter.
#[derive(Debug, Clone)]
pub struct ParamsStruct {
    /// The type name, e.g. `CreateConversationParams`.
    pub name: String,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// Fields in a stable order: headers, then query, then body, each in spec order.
    pub fields: Vec<ParamField>,
    /// The arguments of `new`: indices into [`ParamsStruct::fields`] of the
    /// required fields, in the order the spec lists them (the operation's
    /// parameters, then the body's properties).
    pub constructor: Vec<usize>,
    /// The values a doc example passes to `new`, one per constructor
    /// argument, from the spec's examples where it has them.
    pub sample_args: Vec<SampleValue>,
    /// The setter calls a doc example shows for optional fields, with values
    /// from the spec's examples where it has them.
    pub samples: Vec<SampleSetter>,
}

impl ParamsStruct {
    /// The fields `new` takes, in argument order.
    pub fn constructor_fields(&self) -> Vec<&ParamField> {
        self.constructor
            .iter()
            .filter_map(|&i| self.fields.get(i))
            .collect()
    }

    /// Whether nothing is required, so `new()` takes no argument and the
    /// struct implements `Default`.
    pub fn derives_default(&self) -> bool {
        self.constructor.is_empty()
    }

    /// Whether `new` takes more arguments than clippy's
    /// `too_many_arguments` allows (7).
    pub fn has_many_arguments(&self) -> bool {
        self.constructor.len() > 7
    }

    /// Whether a doc example binds the params to a local first (it passes
    /// arguments to `new` or calls setters), rather than passing `&X::new()`.
    pub fn has_samples(&self) -> bool {
        !self.sample_args.is_empty() || !self.samples.is_empty()
    }

    /// Whether any field is sent in `location`.
    pub fn has(&self, location: Location) -> bool {
        self.fields.iter().any(|f| f.location == location)
    }

    /// The fields sent in `location`, in order.
    pub fn at(&self, location: Location) -> Vec<&ParamField> {
        self.fields
            .iter()
            .filter(|f| f.location == location)
            .collect()
    }

    /// Whether a field is personal data, so `Debug` is written out rather
    /// than derived.
    pub fn has_personal_data(&self) -> bool {
        self.fields.iter().any(|f| f.pii.is_some())
    }
}

/// One setter call in a doc example, e.g. `.friendly_name("Support chat")`.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleSetter {
    /// The setter, e.g. `friendly_name`.
    pub setter: String,
    /// The value it is called with.
    pub value: SampleValue,
}

/// A value in a doc example, of a type the setter takes.
#[derive(Debug, Clone, PartialEq)]
pub enum SampleValue {
    /// A string literal.
    Str(String),
    /// Several string literals, for a list setter.
    Strs(Vec<String>),
    /// A known enum variant: the enum's and the variant's Rust names.
    Variant(String, String),
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A Rust expression, for a value the spec gives no example of and that
    /// has no literal of its own, e.g. `chrono::DateTime::default()`,
    /// `serde_json::json!({})` or `[1]`.
    Expr(String),
}

/// Where a parameter goes on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A request header.
    Header,
    /// The query string.
    Query,
    /// The form-encoded body.
    Form,
}

/// One parameter in a params struct.
#[derive(Debug, Clone)]
pub struct ParamField {
    /// The field and setter name, e.g. `timers_inactive`.
    pub rust_name: String,
    /// The name on the wire, e.g. `Timers.Inactive`.
    pub wire_name: String,
    /// Where it is sent.
    pub location: Location,
    /// The value type (the field is `Option` of it unless it is required).
    pub ty: RustType,
    /// Whether the spec requires it: then `new` takes it, the field holds
    /// the value itself, and it is always sent.
    pub required: bool,
    /// How the setter takes its argument.
    pub setter: Setter,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// Whether the value is personal data, and how `Debug` treats it.
    pub pii: Option<Pii>,
    /// Documentation lines saying so, after [`ParamField::doc`]; empty when
    /// the field is not personal data.
    pub pii_doc: Vec<String>,
}

impl ParamField {
    /// The `crate::redact` wrapper `Debug` prints the field through, if any.
    pub fn debug_wrapper(&self) -> Option<&'static str> {
        self.pii.map(Pii::debug_wrapper)
    }
}

impl ParamField {
    /// The type of the field's value (the field is `Option` of it unless required).
    pub fn value_ty(&self) -> &RustType {
        &self.ty
    }
}

/// How a params setter takes its argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setter {
    /// `value: impl Into<T>`.
    Into,
    /// `values: impl IntoIterator<Item = impl Into<T>>`, for a `Vec<T>`.
    IntoIter(RustType),
    /// `value: T`.
    Plain,
}

/// A response or shared object type.
#[derive(Debug, Clone)]
pub struct Model {
    /// The type name, e.g. `Conversation`.
    pub name: String,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// Fields in spec order.
    pub fields: Vec<ModelField>,
    /// Whether a request body holds it (directly or nested), so apps build
    /// it: then it has a setter per field, and `new` also where nothing is
    /// required.
    pub request: bool,
    /// The features it compiles under.
    pub gate: Gate,
    /// The file it is written in.
    pub home: Home,
}

impl Model {
    /// Whether a field is personal data, so `Debug` is written out rather
    /// than derived.
    pub fn has_personal_data(&self) -> bool {
        self.fields.iter().any(|f| f.pii.is_some())
    }

    /// Whether nothing is required, so the model derives `Default` (every
    /// field `None`) and `new()` takes no argument.
    pub fn derives_default(&self) -> bool {
        self.fields.iter().all(ModelField::is_optional)
    }

    /// The fields `new` takes: the required ones (those that are not an
    /// `Option`), in spec order, each as its setter takes it. Models are
    /// `#[non_exhaustive]`, so outside the crate `new` (or `Default`) and the
    /// setters are how one is built.
    pub fn constructor_fields(&self) -> Vec<&ModelField> {
        self.fields.iter().filter(|f| !f.is_optional()).collect()
    }

    /// Whether `new` takes more arguments than clippy's default limit.
    pub fn constructor_is_long(&self) -> bool {
        self.constructor_fields().len() > 7
    }
}

/// A field of a model.
#[derive(Debug, Clone)]
pub struct ModelField {
    /// The field name, e.g. `date_created`.
    pub rust_name: String,
    /// The JSON key, e.g. `date_created`.
    pub wire_name: String,
    /// Whether `wire_name` differs from the Rust name, so serde needs a rename.
    pub renamed: bool,
    /// The full field type, `Option` included when the value may be absent or null.
    pub ty: RustType,
    /// Whether the schema lists the field in `required`: then it is always
    /// encoded, `null` included; an optional field left `None` is left out.
    pub required: bool,
    /// How `new` (for a field that is not an `Option`) and the field's
    /// setter take the value.
    pub setter: Setter,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// Whether the value is personal data, and how `Debug` treats it.
    pub pii: Option<Pii>,
    /// Documentation lines saying so, after [`ModelField::doc`]; empty when
    /// the field is not personal data.
    pub pii_doc: Vec<String>,
}

impl ModelField {
    /// The type a value of the field has: [`ModelField::ty`] without its `Option`.
    pub fn value_ty(&self) -> &RustType {
        match &self.ty {
            RustType::Option(inner) => inner,
            other => other,
        }
    }

    /// Whether the field is an `Option`, so `new` leaves it `None`.
    pub fn is_optional(&self) -> bool {
        matches!(self.ty, RustType::Option(_))
    }

    /// Whether encoding leaves the field out when it is `None`.
    pub fn skips_none(&self) -> bool {
        self.is_optional() && !self.required
    }

    /// The `crate::redact` wrapper `Debug` prints the field through, if any.
    pub fn debug_wrapper(&self) -> Option<&'static str> {
        self.pii.map(Pii::debug_wrapper)
    }
}

/// A `oneOf` whose `discriminator` names the variant: a Rust enum with one
/// variant per tag value, forward compatible through an unknown variant
/// that keeps the JSON of a tag the spec does not list.
#[derive(Debug, Clone)]
pub struct Union {
    /// The type name, e.g. `Action`.
    pub name: String,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// The discriminator's property, e.g. `type`.
    pub tag: String,
    /// One variant per tag value, in the spec's order.
    pub variants: Vec<UnionVariant>,
    /// The name of the variant that keeps unknown tags' JSON.
    pub unknown: String,
    /// The features it compiles under.
    pub gate: Gate,
    /// The file it is written in.
    pub home: Home,
}

/// One variant of a [`Union`].
#[derive(Debug, Clone)]
pub struct UnionVariant {
    /// The Rust variant name, e.g. `Url`.
    pub name: String,
    /// The tag value that selects it, e.g. `URL`.
    pub tag: String,
    /// The model it holds, e.g. `UrlAction` (boxed when it leads back to the union).
    pub ty: RustType,
    /// Whether the union gets `From<model>` (only when no other variant
    /// holds the same model).
    pub from: bool,
}

impl UnionVariant {
    /// The type the variant holds, unboxed: what `From` takes.
    pub fn model(&self) -> &RustType {
        match &self.ty {
            RustType::Boxed(inner) => inner,
            other => other,
        }
    }

    /// Whether the variant holds its model in a `Box`.
    pub fn is_boxed(&self) -> bool {
        matches!(self.ty, RustType::Boxed(_))
    }
}

/// How a spec marks a value as personal data (`x-twilio: {pii: {handling: ...}}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pii {
    /// `standard`: shown by `Debug` unless the generated crate's
    /// `redact-personal-data` feature is on.
    Standard,
    /// `sensitive` (and any handling the generator does not know): `Debug`
    /// never shows the value, only whether it is set and its size.
    Sensitive,
}

impl Pii {
    /// The `crate::redact` wrapper `Debug` prints such a value through.
    pub fn debug_wrapper(self) -> &'static str {
        match self {
            Pii::Standard => "Personal",
            Pii::Sensitive => "Redacted",
        }
    }
}

/// A generated test that a marked field's value stays out of `Debug`.
#[derive(Debug, Clone)]
pub struct PiiCase {
    /// The test function's name, e.g. `conversation_message_body`.
    pub test: String,
    /// The model or params struct, e.g. `ConversationMessage`.
    pub owner: String,
    /// The field's Rust name.
    pub field: String,
    /// A Rust expression building the struct with the field holding a
    /// value that contains the test's sentinel text.
    pub build: String,
    /// How the field is marked: a sensitive value never shows; a standard
    /// one shows unless `redact-personal-data` is on.
    pub pii: Pii,
}

impl PiiCase {
    /// Whether the field is marked sensitive.
    pub fn is_sensitive(&self) -> bool {
        self.pii == Pii::Sensitive
    }
}

/// A string enum, forward compatible through an unknown variant.
#[derive(Debug, Clone)]
pub struct Enum {
    /// The type name, e.g. `ConversationState`.
    pub name: String,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// The known values.
    pub variants: Vec<Variant>,
    /// The name of the variant that keeps values the spec does not list.
    pub unknown: String,
    /// The features it compiles under.
    pub gate: Gate,
    /// The file it is written in.
    pub home: Home,
}

/// One known enum value.
#[derive(Debug, Clone)]
pub struct Variant {
    /// The Rust variant name, e.g. `Initializing`.
    pub name: String,
    /// The value on the wire, e.g. `initializing`.
    pub wire: String,
}

/// A Rust type, as the generated code spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RustType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f64`.
    F64,
    /// `DateTime<Utc>`.
    DateTime,
    /// `chrono::NaiveDate`, for `format: date` (`2027-04-30`).
    Date,
    /// `serde_json::Value`, for untyped schemas.
    Json,
    /// `BTreeMap<String, T>`.
    Map(Box<RustType>),
    /// `Vec<T>`.
    Vec(Box<RustType>),
    /// `Option<T>`.
    Option(Box<RustType>),
    /// A generated model or enum, by name.
    Named(String),
    /// `Box<T>`: a model field that leads back to its own model.
    Boxed(Box<RustType>),
}

impl RustType {
    /// Whether this type is `Copy` and cheap, so setters take it by value.
    pub fn is_plain(&self) -> bool {
        matches!(
            self,
            RustType::Bool
                | RustType::I32
                | RustType::I64
                | RustType::F64
                | RustType::DateTime
                | RustType::Date
        )
    }

    fn mentions(&self, pred: &dyn Fn(&RustType) -> bool) -> bool {
        pred(self)
            || match self {
                RustType::Map(inner)
                | RustType::Vec(inner)
                | RustType::Option(inner)
                | RustType::Boxed(inner) => inner.mentions(pred),
                _ => false,
            }
    }

    /// Collects the generated type names this type mentions.
    pub fn named(&self, out: &mut Vec<String>) {
        match self {
            RustType::Named(name) => out.push(name.clone()),
            RustType::Map(inner)
            | RustType::Vec(inner)
            | RustType::Option(inner)
            | RustType::Boxed(inner) => inner.named(out),
            _ => {}
        }
    }

    /// Whether `DateTime` appears anywhere in the type.
    pub fn mentions_datetime(&self) -> bool {
        self.mentions(&|t| *t == RustType::DateTime)
    }

    /// Whether `BTreeMap` appears anywhere in the type.
    pub fn mentions_map(&self) -> bool {
        self.mentions(&|t| matches!(t, RustType::Map(_)))
    }
}

impl RustType {
    /// The type with every path spelled out (`chrono::DateTime<chrono::Utc>`,
    /// `std::collections::BTreeMap<...>`), for a module that imports neither.
    pub fn qualified(&self) -> String {
        match self {
            RustType::DateTime => "chrono::DateTime<chrono::Utc>".to_owned(),
            RustType::Map(inner) => {
                format!("std::collections::BTreeMap<String, {}>", inner.qualified())
            }
            RustType::Vec(inner) => format!("Vec<{}>", inner.qualified()),
            RustType::Option(inner) => format!("Option<{}>", inner.qualified()),
            RustType::Boxed(inner) => format!("Box<{}>", inner.qualified()),
            other => other.to_string(),
        }
    }
}

/// Type names as the generated code writes them; modules import `DateTime`,
/// `Utc` and `BTreeMap` when they use them.
impl fmt::Display for RustType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RustType::String => f.write_str("String"),
            RustType::Bool => f.write_str("bool"),
            RustType::I32 => f.write_str("i32"),
            RustType::I64 => f.write_str("i64"),
            RustType::F64 => f.write_str("f64"),
            RustType::DateTime => f.write_str("DateTime<Utc>"),
            // Spelled out: few modules need it, so none imports it.
            RustType::Date => f.write_str("chrono::NaiveDate"),
            RustType::Json => f.write_str("serde_json::Value"),
            RustType::Map(inner) => write!(f, "BTreeMap<String, {inner}>"),
            RustType::Vec(inner) => write!(f, "Vec<{inner}>"),
            RustType::Option(inner) => write!(f, "Option<{inner}>"),
            RustType::Named(name) => f.write_str(name),
            RustType::Boxed(inner) => write!(f, "Box<{inner}>"),
        }
    }
}
