//! What the `decode_impl.rs` template needs of a struct whose fields are all
//! optional, model or params alike: its name, and each field's wire key,
//! Rust name and the `crate::wire` function that reads its value.

use crate::ir::{Model, ParamField, ParamsStruct};

/// One field as `crate::wire::Decode::read` reads it.
pub struct DecodeField<'a> {
    /// The wire key as a Rust string literal.
    pub wire_lit: String,
    pub rust_name: &'a str,
    /// `read`, or `read_many` for a list that also takes a single value.
    pub reader: &'static str,
}

impl<'a> DecodeField<'a> {
    /// `wire_lit` read into `rust_name`; `many` if a single value is also
    /// taken for the list.
    fn new(wire_lit: String, rust_name: &'a str, many: bool) -> Self {
        DecodeField {
            wire_lit,
            rust_name,
            reader: if many { "read_many" } else { "read" },
        }
    }
}

impl Model {
    /// The fields as `DecodeField`s: a model's JSON holds a list as a list.
    pub fn decode_fields(&self) -> Vec<DecodeField<'_>> {
        let fields = self.fields.iter();
        fields
            .map(|f| DecodeField::new(f.wire_lit(), &f.rust_name, false))
            .collect()
    }
}

impl ParamsStruct {
    /// The fields as `DecodeField`s: a list field also takes one value.
    pub fn decode_fields(&self) -> Vec<DecodeField<'_>> {
        let list = |f: &ParamField| f.setter.iter_item().is_some();
        let fields = self.fields.iter();
        fields
            .map(|f| DecodeField::new(f.wire_lit(), &f.rust_name, list(f)))
            .collect()
    }
}
