//! The wire facts of a spec: what a client sends and receives, with every
//! `$ref` resolved and every description, summary, example and title left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Everything [`diff`](super::diff) compares in one spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The spec's top-level server URLs in order (the first is the
    /// generated crate's default base URL), trailing `/` trimmed.
    pub servers: Vec<String>,
    /// The generated crate's `OTHER_HOSTS`: the first server of every
    /// operation whose path- or operation-level `servers` name one other
    /// than the spec's first, trailing `/` trimmed.
    pub hosts: BTreeSet<String>,
    /// Every operation, by path and method.
    pub operations: BTreeMap<OperationKey, Operation>,
}

/// Where an operation lives: its path template as written and its method.
/// Sorted by path, then method.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OperationKey {
    /// The path template, e.g. `/v1/Conversations/{Sid}`.
    pub path: String,
    /// The HTTP method.
    pub method: Method,
}

impl OperationKey {
    /// The key of `method` on `path`.
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        OperationKey {
            path: path.into(),
            method,
        }
    }
}

impl fmt::Display for OperationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// An HTTP method an OpenAPI path item can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        })
    }
}

/// The facts of one operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The `operationId`, which names the generated method and params struct.
    pub operation_id: Option<String>,
    /// The server URLs the operation is sent to, when path- or
    /// operation-level `servers` make them differ from the top-level ones;
    /// `None` when they are the top-level ones (however written).
    pub servers: Option<Vec<String>>,
    /// Every parameter, form fields of an `application/x-www-form-urlencoded`
    /// body included, by name. Path-level parameters are merged in the way
    /// OpenAPI says: an operation-level one of the same name and location
    /// replaces it. Two parameters of one name in different locations are
    /// keyed `Name (query)`, `Name (body)`.
    pub parameters: BTreeMap<String, Parameter>,
    /// The JSON document the operation sends as its request body, when it
    /// sends one (the method's `body` argument); `None` without a request
    /// body, or with a form one (its fields are [`parameters`](Self::parameters)).
    pub request: Option<JsonRequest>,
    /// The body sent as it is (the method's `body: Upload` argument), when
    /// the request body offers neither a form nor JSON but another media
    /// type than multipart.
    pub upload: Option<Upload>,
    /// The media types of a request body that offers only multipart ones,
    /// which the generator cannot send: it skips the operation.
    pub multipart: Option<BTreeSet<String>>,
    /// What the operation answers.
    pub responses: Responses,
}

/// A JSON request body, read as the generator reads it: the
/// `application/json` or `+json` content of a request body that offers no
/// `application/x-www-form-urlencoded` one (the first such, in spec order).
#[derive(Debug, Clone, PartialEq)]
pub struct JsonRequest {
    /// The media type as written, e.g. `application/json` or
    /// `application/vnd.template+json; charset=utf-8`: the `Content-Type` sent.
    pub media_type: String,
    /// The body's properties by path, the body itself at the empty path
    /// (any JSON value when the media type has no schema). Required ones
    /// that are not nullable are arguments of their model's `new`; the
    /// others have setters. `readOnly` ones are kept, as the generated
    /// models keep them.
    pub properties: Properties,
}

/// A request body sent as it is, from bytes, a file or a stream, read as
/// the generator reads it: every media type of the body but a form, JSON and
/// multipart.
#[derive(Debug, Clone, PartialEq)]
pub struct Upload {
    /// The media types offered, e.g. `image/png` or `*/*`. The caller names
    /// the `Content-Type` of each upload; these are what the server takes.
    pub media_types: BTreeSet<String>,
    /// The size limit checked before sending: the `maxLength` of the first
    /// of these media types (in spec order) whose schema is a string that has one.
    pub max_len: Option<u64>,
}

/// What the generated method takes as its `body` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestKind {
    /// No `body` argument: no request body, or a form (its fields are parameters).
    NoBody,
    /// A JSON document, sent with this media type.
    Json(String),
    /// A file sent as it is (`Upload`).
    Upload,
    /// A body offering only multipart (or no media type at all), which the
    /// generator cannot send: it skips the operation.
    Multipart,
}

impl Operation {
    /// What the generated method takes as its `body` argument.
    pub fn request_kind(&self) -> RequestKind {
        if let Some(json) = &self.request {
            RequestKind::Json(json.media_type.clone())
        } else if self.upload.is_some() {
            RequestKind::Upload
        } else if self.multipart.is_some() {
            RequestKind::Multipart
        } else {
            RequestKind::NoBody
        }
    }
}

/// One parameter or form field.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// Where it is sent.
    pub location: Location,
    /// Whether it must be given (path parameters always must).
    pub required: bool,
    /// Its type.
    pub ty: Type,
    /// Its schema's `maximum`, if any (Twilio's page sizes: 100, 50 or 5).
    pub maximum: Option<f64>,
}

/// Where a parameter goes on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Location {
    /// A segment of the path.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
    /// A field of the `application/x-www-form-urlencoded` request body.
    Body,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Location::Path => "path",
            Location::Query => "query",
            Location::Header => "header",
            Location::Cookie => "cookie",
            Location::Body => "body",
        })
    }
}

/// The responses of one operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Responses {
    /// Every declared status code as written (`200`, `4XX`, `default`).
    pub codes: BTreeSet<String>,
    /// The success code: the first 2xx code declared, the one whose body
    /// the generated method decodes.
    pub success: Option<u16>,
    /// The success response's body.
    pub body: Body,
    /// The `Accept` header the generated method sends when it is not
    /// `application/json`: the success response's JSON media type, or for a
    /// file the media types it may come in (`image/png, image/jpeg`).
    pub accept: Option<String>,
}

/// What the success response carries, as the generator reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// No 2xx response (nor only a redirect), or one with no body the
    /// generator reads.
    Empty,
    /// A JSON value: its properties by path, the root value itself at the
    /// empty path.
    Json(Properties),
    /// A page of a list (Twilio's envelope: `meta` with `next_page_url`,
    /// and one array).
    Page {
        /// The key of the items, e.g. `conversations`.
        items_key: String,
        /// The item schema's properties, the item itself at the empty path.
        item: Properties,
        /// The `meta` object's properties, itself at the empty path.
        meta: Properties,
    },
    /// A file: a 2xx answer with a body that is not JSON, or only a
    /// redirect to one (the method returns a `Download`).
    Binary,
}

impl Body {
    /// The kind of body, without its properties.
    pub fn kind(&self) -> BodyKind {
        match self {
            Body::Empty => BodyKind::Empty,
            Body::Json(_) => BodyKind::Json,
            Body::Page { .. } => BodyKind::Page,
            Body::Binary => BodyKind::Binary,
        }
    }
}

/// The kind of a success body; a change of kind changes the generated
/// method's return type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BodyKind {
    /// No body (the method returns `()`).
    Empty,
    /// One JSON value (the method returns its type).
    Json,
    /// A page of a list (the method returns a `Page`, and a stream is generated).
    Page,
    /// A file (the method returns a `Download`).
    Binary,
}

impl fmt::Display for BodyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BodyKind::Empty => "no body",
            BodyKind::Json => "a JSON body",
            BodyKind::Page => "a page of a list",
            BodyKind::Binary => "a file (`Download`)",
        })
    }
}

/// Properties of a response value or a JSON request body, by path from the value.
pub type Properties = BTreeMap<PropertyPath, Property>;

/// A path to a property from the value that holds it: names, `[]` for an
/// array's items, `{}` for a map's values and `(tag)` for the model a
/// union's tag holds, e.g. `timers.date_closed`, `participants[].identity`
/// or `content(card).title`. The empty path is the value itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PropertyPath(pub Vec<Segment>);

/// One step of a [`PropertyPath`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    /// A named property.
    Name(String),
    /// The items of an array.
    Items,
    /// The values of a map (`additionalProperties`).
    Values,
    /// The model a tag of a union holds (a variant of its Rust enum).
    Variant(String),
}

impl PropertyPath {
    /// The path of dotted names, e.g. `PropertyPath::of("timers.date_closed")`;
    /// `[]`, `{}` and `(tag)` after a name are items, values and a union's
    /// variant (`tags[]`, `content(card)`).
    pub fn of(dotted: &str) -> Self {
        let mut segments = Vec::new();
        for part in dotted.split('.').filter(|p| !p.is_empty()) {
            let mut name = part;
            let mut tail = Vec::new();
            loop {
                if let Some(rest) = name.strip_suffix("[]") {
                    tail.push(Segment::Items);
                    name = rest;
                } else if let Some(rest) = name.strip_suffix("{}") {
                    tail.push(Segment::Values);
                    name = rest;
                } else if let Some((rest, tag)) = name
                    .strip_suffix(')')
                    .and_then(|inner| inner.rsplit_once('('))
                {
                    tail.push(Segment::Variant(tag.to_owned()));
                    name = rest;
                } else {
                    break;
                }
            }
            if !name.is_empty() {
                segments.push(Segment::Name(name.to_owned()));
            }
            segments.extend(tail.into_iter().rev());
        }
        PropertyPath(segments)
    }

    /// Whether this is the value itself.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `self` lies strictly inside `other`.
    pub fn is_inside(&self, other: &PropertyPath) -> bool {
        self.0.len() > other.0.len() && self.0.starts_with(&other.0)
    }

    pub(super) fn child(&self, segment: Segment) -> Self {
        let mut segments = self.0.clone();
        segments.push(segment);
        PropertyPath(segments)
    }
}

impl fmt::Display for PropertyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for segment in &self.0 {
            match segment {
                Segment::Name(name) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(name)?;
                }
                Segment::Items => f.write_str("[]")?,
                Segment::Values => f.write_str("{}")?,
                Segment::Variant(tag) => write!(f, "({tag})")?,
            }
            first = false;
        }
        Ok(())
    }
}

/// One property of a response value or a JSON request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    /// Its type.
    pub ty: Type,
    /// Whether the value may be `null`.
    pub nullable: bool,
    /// Whether its object lists it in `required` (the root value is required).
    pub required: bool,
}

/// A value's type: the facts the generator turns into a Rust type.
///
/// An object's properties are not part of its type: response properties
/// are compared one by one at their own [`PropertyPath`], and an object
/// parameter is sent as JSON text whatever its properties.
#[derive(Debug, Clone, PartialEq)]
pub struct Type {
    /// The JSON type.
    pub kind: Kind,
    /// The `format`, e.g. `date-time`, `int64`, `uri-map`.
    pub format: Option<String>,
    /// The `enum` values (a JSON string's value as written, others as JSON);
    /// `None` when the type is not an enum.
    pub values: Option<BTreeSet<String>>,
    /// An array's item type; `None` for an array without `items`.
    pub items: Option<Box<Type>>,
    /// An object's `additionalProperties` schema: the type of a map's values.
    pub map_values: Option<Box<Type>>,
    /// Whether an object declares properties (the generator makes a struct of it).
    pub has_properties: bool,
    /// A `oneOf` the generator makes a tagged Rust enum: its tags.
    pub union: Option<Union>,
    /// A composition (`oneOf`, `anyOf`, `allOf`, `not`) the generator keeps
    /// as `serde_json::Value`: its schema as canonical JSON text, every
    /// `$ref` resolved and descriptions, titles and examples left out.
    /// Compare does not interpret what is inside; it only sees it change.
    pub composition: Option<String>,
}

/// A `oneOf` with a `discriminator` whose alternatives are all `$ref`s to
/// object schemas: the generator makes it a `#[non_exhaustive]` enum with a
/// variant per tag value and an `Unknown` catch-all.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// The discriminator's `propertyName`: the key of the tag on the wire.
    pub property: String,
    /// Each tag value (from the discriminator's `mapping`, else the
    /// component's name) with the component its alternative refers to: the
    /// model the variant holds. Names count here: the model is named after
    /// the component, and a variant has a `From` impl for its model only
    /// when no other tag holds the same one.
    pub tags: BTreeMap<String, String>,
}

/// The JSON type of a [`Type`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `type: string`.
    String,
    /// `type: integer`.
    Integer,
    /// `type: number`.
    Number,
    /// `type: boolean`.
    Boolean,
    /// `type: array`.
    Array,
    /// `type: object`.
    Object,
    /// No `type`: any JSON value.
    Any,
    /// `oneOf`.
    OneOf,
    /// `anyOf`.
    AnyOf,
    /// `allOf` of more than one schema.
    AllOf,
    /// `not`.
    Not,
    /// A `$ref` back to a schema that contains it, not expanded again.
    Recursive,
}

impl Type {
    /// A type of `kind` with nothing else said.
    pub fn of(kind: Kind) -> Self {
        Type {
            kind,
            format: None,
            values: None,
            items: None,
            map_values: None,
            has_properties: false,
            union: None,
            composition: None,
        }
    }

    /// The same type with `format`.
    pub fn with_format(mut self, format: &str) -> Self {
        self.format = Some(format.to_owned());
        self
    }

    /// The same type as an enum of `values`.
    pub fn with_values<'v>(mut self, values: impl IntoIterator<Item = &'v str>) -> Self {
        self.values = Some(values.into_iter().map(str::to_owned).collect());
        self
    }

    /// An array of `items`.
    pub fn array_of(items: Type) -> Self {
        Type {
            items: Some(Box::new(items)),
            ..Type::of(Kind::Array)
        }
    }

    /// Whether the type leaves the value's shape open: no `type` at all,
    /// or `type: object` without properties, `additionalProperties` schema
    /// or format. The generator makes `serde_json::Value` of either.
    pub fn is_open(&self) -> bool {
        let bare = self.format.is_none() && self.values.is_none();
        match self.kind {
            Kind::Any => bare,
            Kind::Object => bare && !self.has_properties && self.map_values.is_none(),
            _ => false,
        }
    }

    /// Whether this type says more about a value that `open` leaves open,
    /// without contradicting it: `open` has no type and this one has any;
    /// `open` is an object without properties and this one an object with
    /// properties or a map; or both are arrays (or both maps) and this
    /// one's items (values) refine `open`'s, an array without `items`
    /// counting as one of open items.
    pub fn refines(&self, open: &Type) -> bool {
        // A composition kept as JSON types nothing: it is no refinement.
        if self.composition.is_some() || open.composition.is_some() {
            return false;
        }
        if open.is_open() {
            return !self.is_open() && (open.kind == Kind::Any || self.kind == Kind::Object);
        }
        let same_container = self.kind == open.kind
            && self.format == open.format
            && self.values.is_none()
            && open.values.is_none()
            && !self.has_properties
            && !open.has_properties;
        let inner = |mine: &Option<Box<Type>>, theirs: &Option<Box<Type>>| match (mine, theirs) {
            (Some(mine), Some(theirs)) => mine.refines(theirs),
            (Some(mine), None) => !mine.is_open(),
            _ => false,
        };
        match self.kind {
            Kind::Array if same_container => inner(&self.items, &open.items),
            Kind::Object if same_container && open.map_values.is_some() => {
                inner(&self.map_values, &open.map_values)
            }
            _ => false,
        }
    }

    /// Whether the two types agree in everything but their enum values.
    pub fn same_shape(&self, other: &Type) -> bool {
        fn same(a: &Option<Box<Type>>, b: &Option<Box<Type>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a.same_shape(b),
                (None, None) => true,
                _ => false,
            }
        }
        self.kind == other.kind
            && self.format == other.format
            && self.values.is_some() == other.values.is_some()
            && self.has_properties == other.has_properties
            && self.union.is_some() == other.union.is_some()
            && same(&self.items, &other.items)
            && same(&self.map_values, &other.map_values)
    }

    /// Every enum inside the type with the path to it from the type: the
    /// type itself at the empty path, array items at `[]`, map values at `{}`.
    pub fn enums(&self) -> Vec<(PropertyPath, &BTreeSet<String>)> {
        self.inner()
            .into_iter()
            .filter_map(|(at, ty)| Some((at, ty.values.as_ref()?)))
            .collect()
    }

    /// Every union inside the type with the path to it, as [`Type::enums`].
    pub fn unions(&self) -> Vec<(PropertyPath, &Union)> {
        self.inner()
            .into_iter()
            .filter_map(|(at, ty)| Some((at, ty.union.as_ref()?)))
            .collect()
    }

    /// Every composition kept as JSON inside the type with the path to it,
    /// as [`Type::enums`].
    pub fn compositions(&self) -> Vec<(PropertyPath, &str)> {
        self.inner()
            .into_iter()
            .filter_map(|(at, ty)| Some((at, ty.composition.as_deref()?)))
            .collect()
    }

    /// The type itself and every type inside it (items, map values, down
    /// to any depth), each with its path from this one.
    fn inner(&self) -> Vec<(PropertyPath, &Type)> {
        let mut out = vec![(PropertyPath::default(), self)];
        let mut next = 0;
        while let Some((at, ty)) = out.get(next).cloned() {
            if let Some(items) = &ty.items {
                out.push((at.child(Segment::Items), items));
            }
            if let Some(values) = &ty.map_values {
                out.push((at.child(Segment::Values), values));
            }
            next += 1;
        }
        out
    }

    /// The type at `path` inside this one (`[]`, `{}`), if there is one.
    pub fn at(&self, path: &PropertyPath) -> Option<&Type> {
        let mut ty = self;
        for segment in &path.0 {
            ty = match segment {
                Segment::Items => ty.items.as_deref()?,
                Segment::Values => ty.map_values.as_deref()?,
                Segment::Name(_) | Segment::Variant(_) => return None,
            };
        }
        Some(ty)
    }
}

/// `string (date-time)`, `string enum`, `array of integer (int64)`,
/// `map of string`, `object (uri-map)`.
impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let map = self.kind == Kind::Object && !self.has_properties && self.map_values.is_some();
        f.write_str(match self.kind {
            Kind::Object if map => "map",
            Kind::String => "string",
            Kind::Integer => "integer",
            Kind::Number => "number",
            Kind::Boolean => "boolean",
            Kind::Array => "array",
            Kind::Object => "object",
            Kind::Any => "any value",
            Kind::OneOf if self.union.is_some() => "tagged oneOf",
            Kind::OneOf => "oneOf",
            Kind::AnyOf => "anyOf",
            Kind::AllOf => "allOf",
            Kind::Not => "not",
            Kind::Recursive => "recursive reference",
        })?;
        if self.values.is_some() {
            f.write_str(" enum")?;
        }
        if let Some(format) = &self.format {
            write!(f, " ({format})")?;
        }
        if let Some(items) = &self.items {
            write!(f, " of {items}")?;
        }
        match &self.map_values {
            Some(values) if map => write!(f, " of {values}"),
            _ => Ok(()),
        }
    }
}
