//! Operations: their params structs, bodies, responses and examples.

use super::*;

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
    /// The private method that builds the request (the first page's, for a
    /// list), shared by the operation's methods and its stream.
    pub request_method: String,
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

    /// The names of the arguments the operation's methods take after
    /// `&self`, in order: path parameters, the body, the params.
    pub fn forward_args(&self) -> Vec<&str> {
        let mut args: Vec<&str> = self
            .path_params
            .iter()
            .map(|p| p.rust_name.as_str())
            .collect();
        if self.body.is_some() || self.upload.is_some() {
            args.push("body");
        }
        if self.params.is_some() {
            args.push("params");
        }
        args
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
