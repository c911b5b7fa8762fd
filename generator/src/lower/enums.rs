//! String enumerations: one Rust enum each, except Twilio's per-resource
//! copies of one enum, which share a type.

use std::collections::BTreeMap;

use openapiv3::{OpenAPI, ReferenceOr, Schema, SchemaKind, Type};

use super::Lowerer;
use crate::ir::{Enum, RustType, Variant};
use crate::naming::{self, Scope};

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
        let name = self.types.pascal(name_hint);
        if let Some(component) = component {
            self.named.insert(component.to_owned(), name.clone());
        }
        let mut scope = Scope::default();
        let variants: Vec<Variant> = values
            .into_iter()
            .map(|wire| Variant {
                name: scope.pascal(&wire),
                wire,
            })
            .collect();
        let unknown = scope.pascal("Unknown");
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
        });
        RustType::Named(name)
    }
}

/// Twilio names enum components `<resource>_enum_<name>` and repeats the same
/// enum under each resource (`conversation_enum_webhook_enabled_type`,
/// `user_enum_webhook_enabled_type`...). When every component with a given
/// `<name>` lists the same values, they are one concept and share one type
/// named by `<name>` alone (`WebhookEnabledType`). When the values differ
/// between resources (`state`), each keeps its resource prefix, so no type
/// name suggests a sameness that is not there.
pub(super) fn shared_enum_names(spec: &OpenAPI) -> BTreeMap<String, String> {
    let Some(components) = &spec.components else {
        return BTreeMap::new();
    };
    // suffix → (value sets seen, components)
    let mut groups: BTreeMap<&str, (Vec<Vec<String>>, Vec<&str>)> = BTreeMap::new();
    for (name, schema) in &components.schemas {
        let Some((_, suffix)) = name.split_once("_enum_") else {
            continue;
        };
        let Some(ReferenceOr::Item(Schema {
            schema_kind: SchemaKind::Type(Type::String(string)),
            ..
        })) = Some(schema)
        else {
            continue;
        };
        let mut values: Vec<String> = string.enumeration.iter().flatten().cloned().collect();
        values.sort();
        let group = groups.entry(suffix).or_default();
        if !group.0.contains(&values) {
            group.0.push(values);
        }
        group.1.push(name);
    }
    let mut shared = BTreeMap::new();
    for (suffix, (value_sets, members)) in groups {
        if value_sets.len() == 1 && members.len() > 1 {
            for member in members {
                shared.insert(member.to_owned(), suffix.to_owned());
            }
        }
    }
    shared
}
