//! Helpers the templates call, kept tiny: they answer questions, never
//! build code.

use crate::ir::{Api, ParamField, ResponseKind, RustType, Setter};

impl Api {
    /// Whether some model field is not an `Option`, or some params field is
    /// required: a `Deserialize` impl that can find such a field missing
    /// (`wire::required` says what that gives).
    pub fn decodes_required_fields(&self) -> bool {
        let mut models = self.models.iter().flat_map(|m| &m.fields);
        let mut params = self
            .resources
            .iter()
            .flat_map(|r| &r.operations)
            .filter_map(|op| op.params.as_ref())
            .flat_map(|p| &p.fields);
        models.any(|f| !matches!(f.ty, RustType::Option(_))) || params.any(|f| f.required)
    }

    /// Whether the mock reads some params field as a list (`true`) or as
    /// one value (`false`).
    pub fn mock_reads(&self, lists: bool) -> bool {
        self.resources
            .iter()
            .flat_map(|r| &r.operations)
            .filter_map(|op| op.params.as_ref())
            .flat_map(|p| &p.fields)
            .any(|f| f.is_list() == lists)
    }
}

impl ParamField {
    /// Whether the field is a list, sent as one key per item.
    pub fn is_list(&self) -> bool {
        matches!(self.ty, RustType::Vec(_))
    }

    /// The type whose `FromText` the mock reads the field's texts with (an
    /// item's, for a list): enums and date-times read as the strings they are sent as.
    pub fn mock_reads(&self) -> &'static str {
        let ty = match &self.ty {
            RustType::Vec(item) => item,
            ty => ty,
        };
        match ty {
            RustType::Bool => "bool",
            RustType::I32 | RustType::I64 => "i64",
            RustType::F64 => "f64",
            RustType::Json | RustType::Map(_) | RustType::Vec(_) => "serde_json::Value",
            _ => "String",
        }
    }
}

impl RustType {
    /// The type as the `mock` module spells it: generated types through
    /// `crate::`, so no name of the module's own can shadow them.
    pub fn crate_path(&self) -> String {
        match self {
            RustType::Named(name) => format!("crate::{name}"),
            RustType::Map(inner) => {
                format!("std::collections::BTreeMap<String, {}>", inner.crate_path())
            }
            RustType::Vec(inner) => format!("Vec<{}>", inner.crate_path()),
            RustType::Option(inner) => format!("Option<{}>", inner.crate_path()),
            RustType::Boxed(inner) => format!("Box<{}>", inner.crate_path()),
            other => other.qualified(),
        }
    }
}

impl Setter {
    /// Whether the setter takes `impl Into<T>`.
    pub fn is_into(&self) -> bool {
        *self == Setter::Into
    }

    /// Whether the setter takes the value type itself.
    pub fn is_plain(&self) -> bool {
        *self == Setter::Plain
    }

    /// The name of the setter's argument: `values` for a list, else `value`.
    pub fn arg_name(&self) -> &'static str {
        match self {
            Setter::IntoIter(_) => "values",
            _ => "value",
        }
    }

    /// The item type of an `IntoIterator` setter.
    pub fn iter_item(&self) -> Option<&RustType> {
        match self {
            Setter::IntoIter(item) => Some(item),
            _ => None,
        }
    }
}

impl ResponseKind {
    /// The decoded type of a JSON response.
    pub fn json(&self) -> Option<&RustType> {
        match self {
            ResponseKind::Json(ty) => Some(ty),
            _ => None,
        }
    }

    /// Whether a success is a file read as bytes.
    pub fn is_binary(&self) -> bool {
        matches!(self, ResponseKind::Binary)
    }

    /// Whether a success has no body.
    pub fn is_empty(&self) -> bool {
        matches!(self, ResponseKind::Empty)
    }

    /// The `Client` method that starts the operation's future: `call`,
    /// `call_empty` when there is no body to read, `call_unread` for a file.
    pub fn call(&self) -> &'static str {
        match self {
            ResponseKind::Binary => "call_unread",
            ResponseKind::Empty => "call_empty",
            _ => "call",
        }
    }

    /// The items key of a page, as a Rust string literal.
    pub fn items_key_lit(&self) -> Option<String> {
        match self {
            ResponseKind::Page { items_key, .. } => Some(crate::literal::rust_str(items_key)),
            _ => None,
        }
    }

    /// The item type of a page.
    pub fn page_item(&self) -> Option<&RustType> {
        match self {
            ResponseKind::Page { item, .. } => Some(item),
            _ => None,
        }
    }
}
