//! String enumerations: one Rust enum each.
//!
//! Each enum is its schema's own type, named from the schema's identity: two
//! components that list the same values today (Twilio repeats one enum under
//! each resource) are still two types, since a value added to one of them
//! later must not rename or merge either.

use super::Lowerer;
use crate::ir::{Enum, Gate, Home, RustType, Variant};
use crate::naming::{self, Rank, Scope};

impl<'a> Lowerer<'a> {
    /// Generates the enum of `values`, named from `name_hint`; `component`
    /// names the schema it comes from, if any.
    pub(super) fn enum_type(
        &mut self,
        name_hint: &str,
        component: Option<&str>,
        values: Vec<String>,
        doc: Vec<String>,
    ) -> RustType {
        let rank = if component.is_some() {
            Rank::Component
        } else {
            Rank::Derived
        };
        let name = self.types.name(name_hint, rank);
        if let Some(component) = component {
            self.named.insert(component.to_owned(), name.clone());
        }
        let wires: Vec<&str> = values.iter().map(String::as_str).collect();
        let names = naming::stable(&wires, &[], naming::pascal, "");
        let unknown = Scope::with_reserved(&names.iter().map(String::as_str).collect::<Vec<_>>())
            .pascal("Unknown");
        let variants: Vec<Variant> = values
            .into_iter()
            .zip(names)
            .map(|(wire, name)| Variant { name, wire })
            .collect();
        let doc = if doc.is_empty() {
            vec![format!("Values of `{}`.", naming::bare(&name))]
        } else {
            doc
        };
        self.enums.push(Enum {
            name: name.clone(),
            doc,
            variants,
            unknown,
            gate: Gate::default(),
            home: Home::default(),
        });
        RustType::Named(name)
    }
}
