//! Compositions: the `oneOf`s the generator makes tagged enums, read by
//! tag, and every other composition, which it keeps as `serde_json::Value`,
//! read as canonical text so a change inside it is seen, not interpreted.

use std::collections::BTreeMap;

use openapiv3::{Discriminator, ReferenceOr, Schema, SchemaKind, Type as SpecType};
use serde_json::{Value, json};

use super::super::facts::Union;
use super::Reader;
use super::schemas::{MAX_DEPTH, PROPERTY_BUDGET, Walk};
use crate::error::Result;

const SCHEMAS: &str = "#/components/schemas/";

/// A tagged union's alternatives, by tag.
pub(super) type Variants<'a> = Vec<(String, &'a ReferenceOr<Schema>)>;

/// Keys of a schema that say nothing about the values on the wire.
const PROSE: [&str; 6] = [
    "description",
    "title",
    "example",
    "externalDocs",
    "deprecated",
    "xml",
];

/// Whether the generator reads the schema as a composition: `oneOf`,
/// `anyOf`, `allOf` of several members, `not`, also beside a `type`.
pub(super) fn is_composition(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } | SchemaKind::Not { .. } => true,
        SchemaKind::AllOf { all_of } => all_of.len() > 1,
        SchemaKind::Any(any) => {
            !any.one_of.is_empty()
                || !any.any_of.is_empty()
                || !any.all_of.is_empty()
                || any.not.is_some()
        }
        SchemaKind::Type(_) => false,
    }
}

impl<'a> Reader<'a> {
    /// The tagged union of a `oneOf` with a `discriminator`, as
    /// `lower::unions` decides it: `None` (the generator keeps it as JSON)
    /// unless every alternative is a `$ref` to an object schema. A tag is a
    /// key of the `mapping` that names the alternative's component, else the
    /// component's name.
    pub(super) fn union(
        &self,
        one_of: &'a [ReferenceOr<Schema>],
        discriminator: &Discriminator,
        pointer: &str,
    ) -> Result<Option<(Union, Variants<'a>)>> {
        let mut tags = BTreeMap::new();
        let mut variants = Vec::new();
        for (index, alternative) in one_of.iter().enumerate() {
            let ReferenceOr::Reference { reference } = alternative else {
                return Ok(None);
            };
            let at = format!("{pointer}/oneOf/{index}");
            let target = reference.strip_prefix(SCHEMAS).ok_or_else(|| {
                self.error(
                    &at,
                    format!("`$ref: {reference}` must point into `{SCHEMAS}` (external references are not supported)"),
                )
            })?;
            let object = match &self.by_refs(alternative, &at)?.schema_kind {
                SchemaKind::Type(SpecType::Object(_)) => true,
                SchemaKind::Any(any) => !any.properties.is_empty(),
                _ => false,
            };
            if !object {
                return Ok(None);
            }
            let mut named: Vec<&String> = discriminator
                .mapping
                .iter()
                .filter(|(_, to)| to.strip_prefix(SCHEMAS).unwrap_or(to) == target)
                .map(|(tag, _)| tag)
                .collect();
            let own = target.to_owned();
            if named.is_empty() {
                named.push(&own);
            }
            for tag in named {
                tags.insert(tag.clone(), target.to_owned());
                variants.push((tag.clone(), alternative));
            }
        }
        if variants.is_empty() {
            return Ok(None);
        }
        let union = Union {
            property: discriminator.property_name.clone(),
            tags,
        };
        Ok(Some((union, variants)))
    }

    /// Follows `$ref`s (and nothing else, as the generator's checks do) to
    /// a schema.
    pub(super) fn by_refs(
        &self,
        schema: &'a ReferenceOr<Schema>,
        pointer: &str,
    ) -> Result<&'a Schema> {
        let mut current = schema;
        let mut seen: Vec<&str> = Vec::new();
        loop {
            match current {
                ReferenceOr::Item(schema) => return Ok(schema),
                ReferenceOr::Reference { reference } => {
                    if seen.contains(&reference.as_str()) {
                        return Err(self.error(
                            pointer,
                            format!("`$ref` cycle: {} → {reference}", seen.join(" → ")),
                        ));
                    }
                    seen.push(reference);
                    let name = self.component_name(reference, SCHEMAS, pointer)?;
                    current = self
                        .spec
                        .components
                        .as_ref()
                        .and_then(|c| c.schemas.get(&name))
                        .ok_or_else(|| self.unresolved(reference, pointer))?;
                }
            }
        }
    }

    /// The schema as canonical JSON text: `$ref`s resolved (one leading
    /// back into a component being expanded is marked with how far back),
    /// prose and `x-` extensions left out, keys, `required` and `enum` sorted.
    pub(super) fn canonical(&self, schema: &'a Schema, walk: &Walk<'a>) -> Result<String> {
        let value = serde_json::to_value(schema)
            .map_err(|err| self.error(&walk.pointer, format!("cannot read the schema: {err}")))?;
        let mut stack: Vec<String> = walk.stack.iter().map(|s| (*s).to_owned()).collect();
        let mut budget = PROPERTY_BUDGET;
        let value = self.canonical_value(value, &mut stack, &mut budget, &walk.pointer)?;
        Ok(sorted_text(&value))
    }

    fn canonical_value(
        &self,
        value: Value,
        stack: &mut Vec<String>,
        budget: &mut usize,
        pointer: &str,
    ) -> Result<Value> {
        if *budget == 0 || stack.len() > MAX_DEPTH {
            return Err(self.error(
                pointer,
                format!(
                    "once its `$ref`s are resolved, this composition has more than {PROPERTY_BUDGET} parts or nests deeper than {MAX_DEPTH} levels; it is too large to compare"
                ),
            ));
        }
        *budget -= 1;
        let Value::Object(mut map) = value else {
            return Ok(value);
        };
        if let Some(Value::String(reference)) = map.get("$ref").cloned() {
            if let Some(at) = stack.iter().position(|r| *r == reference) {
                return Ok(json!({ "$recursive": stack.len() - at }));
            }
            let name = self.component_name(&reference, SCHEMAS, pointer)?;
            let target = self
                .spec
                .components
                .as_ref()
                .and_then(|c| c.schemas.get(&name))
                .ok_or_else(|| self.unresolved(&reference, pointer))?;
            let target = serde_json::to_value(target)
                .map_err(|err| self.error(pointer, format!("cannot read `{reference}`: {err}")))?;
            stack.push(reference);
            let out = self.canonical_value(target, stack, budget, pointer);
            stack.pop();
            return out;
        }
        map.retain(|key, _| !PROSE.contains(&key.as_str()) && !key.starts_with("x-"));
        for key in ["items", "not", "additionalProperties"] {
            if let Some(inner) = map.remove(key) {
                let inner = self.canonical_value(inner, stack, budget, pointer)?;
                map.insert(key.to_owned(), inner);
            }
        }
        for key in ["oneOf", "anyOf", "allOf"] {
            if let Some(Value::Array(members)) = map.remove(key) {
                let members = members
                    .into_iter()
                    .map(|m| self.canonical_value(m, stack, budget, pointer))
                    .collect::<Result<Vec<_>>>()?;
                map.insert(key.to_owned(), Value::Array(members));
            }
        }
        if let Some(Value::Object(properties)) = map.remove("properties") {
            let mut out = serde_json::Map::new();
            for (name, property) in properties {
                out.insert(
                    name,
                    self.canonical_value(property, stack, budget, pointer)?,
                );
            }
            map.insert("properties".to_owned(), Value::Object(out));
        }
        for key in ["required", "enum"] {
            if let Some(Value::Array(items)) = map.get_mut(key) {
                items.sort_by_key(sorted_text);
            }
        }
        Ok(Value::Object(map))
    }
}

/// JSON text with every object's keys sorted.
fn sorted_text(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by_key(|(key, _)| *key);
            let inner: Vec<String> = entries
                .into_iter()
                .map(|(key, value)| format!("{}:{}", Value::from(key.as_str()), sorted_text(value)))
                .collect();
            format!("{{{}}}", inner.join(","))
        }
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(sorted_text).collect();
            format!("[{}]", inner.join(","))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_text_sorts_keys_at_every_depth() {
        let a = json!({ "b": 1, "a": { "d": [2, { "y": 1, "x": 0 }], "c": null } });
        assert_eq!(
            sorted_text(&a),
            r#"{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}"#
        );
    }
}
