//! Models, unions and enums, the Rust types of their fields, and the
//! personal-data marks those fields carry.

use super::*;

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
