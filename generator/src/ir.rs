//! The typed intermediate representation between the OpenAPI model and the
//! templates.
//!
//! Everything a template needs is decided here: every Rust name, every type,
//! every doc line. Templates only loop and branch over these structs.

use std::fmt;

mod binary;
mod features;
mod layout;
mod models;
mod operations;
mod public;
mod webhooks;

pub use binary::{BinaryBody, is_binary};
pub use features::{Gate, Home, Need};
pub use layout::{SharedType, TypeFile};
pub use models::*;
pub use operations::*;
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
