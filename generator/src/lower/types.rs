//! Schema → Rust type: scalars, lists, maps and compositions here; objects
//! become models (`models.rs`) and string enumerations enums (`enums.rs`).

use openapiv3::{
    AdditionalProperties, IntegerFormat, ReferenceOr, Schema, SchemaKind, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};

use super::{Lowerer, escape_pointer};
use crate::error::Result;
use crate::ir::RustType;

impl<'a> Lowerer<'a> {
    /// The Rust type for a schema, generating models and enums on the way.
    ///
    /// `context` names an inline object or enum (`Conversation_state`).
    pub(super) fn type_of(
        &mut self,
        schema: &ReferenceOr<Schema>,
        context: &str,
        pointer: &str,
    ) -> Result<RustType> {
        match schema {
            ReferenceOr::Reference { reference } => {
                let name = self
                    .component_name(reference, "#/components/schemas/", pointer)?
                    .to_owned();
                if let Some(rust) = self.named.get(&name) {
                    return Ok(RustType::Named(rust.clone()));
                }
                let resolved = self.resolve_schema(schema, pointer)?;
                let type_name = component_type_name(&name);
                if self.resolving.contains(&name) {
                    // Back at a component still being lowered that has no type
                    // of its own yet (an array of itself, a map, an `allOf`):
                    // its nesting never ends, so values there stay JSON.
                    return Ok(RustType::Json);
                }
                let component_pointer = format!("#/components/schemas/{}", escape_pointer(&name));
                self.resolving.push(name.clone());
                let ty = self.schema_type(resolved, &type_name, Some(&name), &component_pointer);
                self.resolving.pop();
                ty
            }
            ReferenceOr::Item(s) => self.schema_type(s, context, None, pointer),
        }
    }

    fn schema_type(
        &mut self,
        schema: &Schema,
        name_hint: &str,
        component: Option<&str>,
        pointer: &str,
    ) -> Result<RustType> {
        let doc = self.doc(&[
            schema.schema_data.description.as_deref(),
            schema.schema_data.title.as_deref(),
        ]);
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) => {
                let mut values: Vec<String> = Vec::new();
                for value in s.enumeration.iter().flatten() {
                    if !values.contains(value) {
                        values.push(value.clone());
                    }
                }
                if !values.is_empty() {
                    return Ok(self.enum_type(name_hint, component, values, doc));
                }
                Ok(match &s.format {
                    VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => RustType::DateTime,
                    VariantOrUnknownOrEmpty::Item(StringFormat::Date) => RustType::Date,
                    _ => RustType::String,
                })
            }
            SchemaKind::Type(Type::Integer(i)) => Ok(match &i.format {
                VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => RustType::I32,
                _ => RustType::I64,
            }),
            SchemaKind::Type(Type::Number(_)) => Ok(RustType::F64),
            SchemaKind::Type(Type::Boolean(_)) => Ok(RustType::Bool),
            SchemaKind::Type(Type::Array(a)) => {
                let item = match &a.items {
                    Some(items) => self.type_of(
                        &items.clone().unbox(),
                        &format!("{name_hint}_item"),
                        pointer,
                    )?,
                    None => RustType::Json,
                };
                Ok(RustType::Vec(Box::new(item)))
            }
            SchemaKind::Type(Type::Object(o)) => {
                if o.properties.is_empty() {
                    self.map_type(o.additional_properties.as_ref(), name_hint, pointer)
                } else {
                    self.model_type(
                        &o.properties,
                        &o.required,
                        name_hint,
                        component,
                        doc,
                        pointer,
                    )
                }
            }
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
                self.type_of(&all_of[0], name_hint, pointer)
            }
            SchemaKind::Any(any) => {
                if any.format.as_deref() == Some("uri-map") {
                    return Ok(RustType::Map(Box::new(RustType::String)));
                }
                match any.typ.as_deref() {
                    Some("object") if !any.properties.is_empty() => self.model_type(
                        &any.properties,
                        &any.required,
                        name_hint,
                        component,
                        doc,
                        pointer,
                    ),
                    Some("object") => {
                        self.map_type(any.additional_properties.as_ref(), name_hint, pointer)
                    }
                    Some("string") => Ok(match any.format.as_deref() {
                        Some("date-time") => RustType::DateTime,
                        Some("date") => RustType::Date,
                        _ => RustType::String,
                    }),
                    Some("integer") => Ok(if any.format.as_deref() == Some("int32") {
                        RustType::I32
                    } else {
                        RustType::I64
                    }),
                    Some("number") => Ok(RustType::F64),
                    Some("boolean") => Ok(RustType::Bool),
                    _ => Ok(RustType::Json),
                }
            }
            SchemaKind::OneOf { one_of } => {
                let tagged = match &schema.schema_data.discriminator {
                    Some(discriminator) => {
                        self.union_type(one_of, discriminator, name_hint, component, doc, pointer)?
                    }
                    None => None,
                };
                Ok(tagged.unwrap_or(RustType::Json))
            }
            // Compositions the generator cannot type precisely stay untyped JSON.
            SchemaKind::AnyOf { .. } | SchemaKind::AllOf { .. } | SchemaKind::Not { .. } => {
                Ok(RustType::Json)
            }
        }
    }

    fn map_type(
        &mut self,
        additional: Option<&AdditionalProperties>,
        name_hint: &str,
        pointer: &str,
    ) -> Result<RustType> {
        match additional {
            Some(AdditionalProperties::Schema(inner)) => {
                let value = self.type_of(inner, &format!("{name_hint}_value"), pointer)?;
                Ok(RustType::Map(Box::new(value)))
            }
            _ => Ok(RustType::Json),
        }
    }

    /// The description of an inline schema (a `$ref`'s belongs to its target).
    pub(super) fn description_of(&self, schema: &ReferenceOr<Schema>) -> Option<String> {
        match schema {
            ReferenceOr::Item(s) => s.schema_data.description.clone(),
            ReferenceOr::Reference { .. } => None,
        }
    }
}

/// The properties of an object schema, typed or not.
pub(super) fn object_properties(
    kind: &SchemaKind,
) -> Option<&indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>> {
    match kind {
        SchemaKind::Type(Type::Object(o)) => Some(&o.properties),
        SchemaKind::Any(a) if !a.properties.is_empty() => Some(&a.properties),
        _ => None,
    }
}

/// The names an object schema lists as `required`.
pub(super) fn object_required(kind: &SchemaKind) -> &[String] {
    match kind {
        SchemaKind::Type(Type::Object(o)) => &o.required,
        SchemaKind::Any(a) => &a.required,
        _ => &[],
    }
}

/// `conversations.v1.conversation` → `conversation`;
/// `conversation_enum_state` → `conversation_state`.
pub(super) fn component_type_name(name: &str) -> String {
    let last = name.rsplit('.').next().unwrap_or(name);
    last.replace("_enum_", "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn component_names() {
        assert_eq!(
            component_type_name("conversations.v1.conversation"),
            "conversation"
        );
        assert_eq!(
            component_type_name("conversation_enum_state"),
            "conversation_state"
        );
    }
}
