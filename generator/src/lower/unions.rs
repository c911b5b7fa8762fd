//! Tagged unions: a `oneOf` of object schemas with a `discriminator` becomes
//! a Rust enum with one variant per tag value.

use openapiv3::{Discriminator, ReferenceOr, Schema};

use super::Lowerer;
use super::types::object_properties;
use crate::error::Result;
use crate::ir::{Gate, Home, RustType, Union, UnionVariant};
use crate::naming::{self, Rank, Scope};

const SCHEMAS: &str = "#/components/schemas/";

impl<'a> Lowerer<'a> {
    /// The tagged enum of a `oneOf` with a `discriminator`, named from
    /// `name_hint`; `None` (the caller keeps it as JSON) unless every
    /// alternative is a `$ref` to an object schema, so each has a tag.
    ///
    /// Tag values come from the discriminator's `mapping` (a key per value;
    /// several keys may name one schema); an alternative no key names is
    /// tagged with its component's name, as OpenAPI says.
    pub(super) fn union_type(
        &mut self,
        one_of: &[ReferenceOr<Schema>],
        discriminator: &Discriminator,
        name_hint: &str,
        component: Option<&str>,
        doc: Vec<String>,
        pointer: &str,
    ) -> Result<Option<RustType>> {
        let mut alternatives = Vec::new();
        for (index, alternative) in one_of.iter().enumerate() {
            let ReferenceOr::Reference { reference } = alternative else {
                return Ok(None);
            };
            let alternative_pointer = format!("{pointer}/oneOf/{index}");
            let target = self
                .component_name(reference, SCHEMAS, &alternative_pointer)?
                .to_owned();
            let resolved = self.resolve_schema(alternative, &alternative_pointer)?;
            if object_properties(&resolved.schema_kind).is_none() {
                return Ok(None);
            }
            let mut tags: Vec<String> = discriminator
                .mapping
                .iter()
                .filter(|(_, to)| to.strip_prefix(SCHEMAS).unwrap_or(to) == target)
                .map(|(tag, _)| tag.clone())
                .collect();
            if tags.is_empty() {
                tags.push(target.clone());
            }
            alternatives.push((alternative, alternative_pointer, tags));
        }
        if alternatives.is_empty() {
            return Ok(None);
        }

        let rank = if component.is_some() {
            Rank::Component
        } else {
            Rank::Derived
        };
        let name = self.types.name(name_hint, rank);
        if let Some(component) = component {
            // Registered before the alternatives, so one that holds the
            // union again resolves to it.
            self.named.insert(component.to_owned(), name.clone());
        }
        let mut scope = Scope::default();
        let mut variants = Vec::new();
        for (alternative, alternative_pointer, tags) in alternatives {
            let context = format!("{name_hint}_{}", tags[0]);
            let ty = self.type_of(alternative, &context, &alternative_pointer)?;
            for tag in tags {
                variants.push(UnionVariant {
                    name: scope.pascal(&tag),
                    tag,
                    ty: ty.clone(),
                    from: false,
                });
            }
        }
        for i in 0..variants.len() {
            let same = variants.iter().filter(|v| v.ty == variants[i].ty).count();
            variants[i].from = same == 1;
        }
        let unknown = scope.pascal("Unknown");
        let doc = if doc.is_empty() {
            vec![format!("The kinds of `{}`.", naming::bare(&name))]
        } else {
            doc
        };
        self.unions.push(Union {
            name: name.clone(),
            doc,
            tag: discriminator.property_name.clone(),
            variants,
            unknown,
            gate: Gate::default(),
            home: Home::default(),
        });
        Ok(Some(RustType::Named(name)))
    }
}
