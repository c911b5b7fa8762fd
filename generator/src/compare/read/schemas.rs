//! Walking schemas: `$ref`s and one-member `allOf`s followed, openapiv3's
//! typed and catch-all schemas read alike, properties flattened by path.

use std::collections::BTreeSet;

use openapiv3::{AdditionalProperties, ReferenceOr, Schema, SchemaKind, Type as SpecType};

use super::super::facts::{Kind, Properties, Property, PropertyPath, Segment, Type};
use super::unions::{Variants, is_composition};
use super::{Reader, escape};
use crate::error::Result;

/// How many parts (properties, items, values) one schema may expand to once
/// its `$ref`s are resolved. Real specs stay far below; a schema graph that
/// shares components at every level can grow past any memory, and is refused.
pub(super) const PROPERTY_BUDGET: usize = 20_000;

/// How deep properties may nest inside one response.
pub(super) const MAX_DEPTH: usize = 64;

/// A schema, or a reference to one, whichever way openapiv3 holds it.
#[derive(Clone, Copy)]
pub(super) enum SchemaRef<'a> {
    Ref(&'a str),
    Item(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for SchemaRef<'a> {
    fn from(schema: &'a ReferenceOr<Schema>) -> Self {
        match schema {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Item(schema),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for SchemaRef<'a> {
    fn from(schema: &'a ReferenceOr<Box<Schema>>) -> Self {
        match schema {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Item(schema),
        }
    }
}

/// Where `$ref`s and one-member `allOf`s lead.
pub(super) enum Resolution<'a> {
    /// To a schema.
    Schema(Resolved<'a>),
    /// Back to a component being expanded (a recursive schema), with the
    /// `nullable` said on the way there.
    Recursive { nullable: bool },
}

impl<'a> Resolution<'a> {
    /// The schema, unless the way led back into a recursion.
    pub(super) fn schema(self) -> Option<Resolved<'a>> {
        match self {
            Resolution::Schema(resolved) => Some(resolved),
            Resolution::Recursive { .. } => None,
        }
    }
}

/// A schema with its `$ref`s and one-member `allOf`s followed.
pub(super) struct Resolved<'a> {
    pub(super) schema: &'a Schema,
    /// Whether any step on the way said `nullable: true`.
    pub(super) nullable: bool,
    /// The components passed through, for cycle detection further down.
    pub(super) components: Vec<&'a str>,
}

/// What a resolved schema is, with openapiv3's typed and catch-all forms
/// read alike.
pub(super) struct View<'a> {
    pub(super) ty: Type,
    pub(super) maximum: Option<f64>,
    pub(super) properties: Option<&'a indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>>,
    pub(super) required: &'a [String],
    pub(super) items: Option<&'a ReferenceOr<Box<Schema>>>,
    pub(super) map_values: Option<&'a ReferenceOr<Schema>>,
    /// A tagged union's alternatives, by tag.
    pub(super) variants: Variants<'a>,
}

/// What a walk down the schemas carries: the components being expanded and
/// how many properties were met so far.
pub(super) struct Walk<'a> {
    pub(super) stack: Vec<&'a str>,
    pub(super) properties: usize,
    pub(super) pointer: String,
}

impl Walk<'_> {
    pub(super) fn at(pointer: String) -> Self {
        Walk {
            stack: Vec::new(),
            properties: 0,
            pointer,
        }
    }

    /// Counts one more part against the budget; `depth` is how deep it is.
    pub(super) fn count(&mut self, reader: &Reader<'_>, depth: usize) -> Result<()> {
        self.properties += 1;
        if self.properties > PROPERTY_BUDGET || depth > MAX_DEPTH {
            return Err(reader.error(
                &self.pointer,
                format!(
                    "once its `$ref`s are resolved, this schema has more than {PROPERTY_BUDGET} parts or nests deeper than {MAX_DEPTH} levels; it is too large to compare"
                ),
            ));
        }
        Ok(())
    }
}

impl<'a> Reader<'a> {
    /// Records the property at `path` and everything inside it.
    pub(super) fn flatten(
        &self,
        schema: SchemaRef<'a>,
        path: PropertyPath,
        required: bool,
        out: &mut Properties,
        walk: &mut Walk<'a>,
    ) -> Result<()> {
        walk.count(self, path.0.len())?;
        let resolved = match self.resolve(schema, walk)? {
            Resolution::Schema(resolved) => resolved,
            Resolution::Recursive { nullable } => {
                out.insert(
                    path,
                    Property {
                        ty: Type::of(Kind::Recursive),
                        nullable,
                        required,
                    },
                );
                return Ok(());
            }
        };
        let depth = walk.stack.len();
        walk.stack.extend(resolved.components.iter().copied());
        let view = self.view(resolved.schema, walk)?;
        let pointer = walk.pointer.clone();
        for (name, property) in view.properties.into_iter().flatten() {
            walk.pointer = format!("{pointer}/properties/{}", escape(name));
            self.flatten(
                property.into(),
                path.child(Segment::Name(name.clone())),
                view.required.contains(name),
                out,
                walk,
            )?;
        }
        if let Some(items) = view.items {
            walk.pointer = format!("{pointer}/items");
            self.nested(items.into(), path.child(Segment::Items), out, walk)?;
        }
        if let Some(values) = view.map_values {
            walk.pointer = format!("{pointer}/additionalProperties");
            self.nested(values.into(), path.child(Segment::Values), out, walk)?;
        }
        for (index, (tag, alternative)) in view.variants.iter().enumerate() {
            // A variant holds its model itself, never an `Option`.
            walk.pointer = format!("{pointer}/oneOf/{index}");
            let at = path.child(Segment::Variant(tag.clone()));
            self.flatten((*alternative).into(), at.clone(), true, out, walk)?;
            if let Some(variant) = out.get_mut(&at) {
                variant.nullable = false;
            }
        }
        walk.pointer = pointer;
        walk.stack.truncate(depth);
        out.insert(
            path,
            Property {
                ty: view.ty,
                nullable: resolved.nullable,
                required,
            },
        );
        Ok(())
    }

    /// The properties of objects inside arrays and maps. The items and
    /// values themselves are part of their container's type, so only an
    /// object's properties get paths of their own.
    pub(super) fn nested(
        &self,
        schema: SchemaRef<'a>,
        path: PropertyPath,
        out: &mut Properties,
        walk: &mut Walk<'a>,
    ) -> Result<()> {
        let mut inner = Properties::new();
        self.flatten(schema, path.clone(), true, &mut inner, walk)?;
        inner.remove(&path);
        out.extend(inner);
        Ok(())
    }

    /// Follows `$ref`s and one-member `allOf`s to a schema, or back to a
    /// component being expanded.
    pub(super) fn resolve(&self, schema: SchemaRef<'a>, walk: &Walk<'a>) -> Result<Resolution<'a>> {
        let mut current = schema;
        let mut nullable = false;
        let mut components: Vec<&'a str> = Vec::new();
        let mut seen: Vec<&'a str> = Vec::new();
        loop {
            match current {
                SchemaRef::Ref(reference) => {
                    if walk.stack.contains(&reference) {
                        return Ok(Resolution::Recursive { nullable });
                    }
                    if seen.contains(&reference) {
                        return Err(self.error(
                            &walk.pointer,
                            format!("`$ref` cycle: {} → {reference}", seen.join(" → ")),
                        ));
                    }
                    seen.push(reference);
                    let name =
                        self.component_name(reference, "#/components/schemas/", &walk.pointer)?;
                    let target = self
                        .spec
                        .components
                        .as_ref()
                        .and_then(|c| c.schemas.get(&name))
                        .ok_or_else(|| self.unresolved(reference, &walk.pointer))?;
                    components.push(reference);
                    current = target.into();
                }
                SchemaRef::Item(schema) => {
                    nullable |= schema.schema_data.nullable;
                    match &schema.schema_kind {
                        SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
                            current = (&all_of[0]).into();
                        }
                        _ => {
                            return Ok(Resolution::Schema(Resolved {
                                schema,
                                nullable,
                                components,
                            }));
                        }
                    }
                }
            }
        }
    }

    /// Reads a resolved schema's type, properties, items and map values.
    pub(super) fn view(&self, schema: &'a Schema, walk: &mut Walk<'a>) -> Result<View<'a>> {
        static NO_REQUIRED: Vec<String> = Vec::new();
        let mut view = View {
            ty: Type::of(Kind::Any),
            maximum: None,
            properties: None,
            required: &NO_REQUIRED,
            items: None,
            map_values: None,
            variants: Vec::new(),
        };
        match &schema.schema_kind {
            SchemaKind::Type(SpecType::String(s)) => {
                view.ty = Type::of(Kind::String);
                view.ty.format = format_of(&s.format, string_format);
                view.ty.values = enum_values(s.enumeration.iter().flatten().cloned());
            }
            SchemaKind::Type(SpecType::Integer(i)) => {
                view.ty = Type::of(Kind::Integer);
                view.ty.format = format_of(&i.format, integer_format);
                view.ty.values = enum_values(i.enumeration.iter().flatten().map(i64::to_string));
                view.maximum = i.maximum.map(|m| m as f64);
            }
            SchemaKind::Type(SpecType::Number(n)) => {
                view.ty = Type::of(Kind::Number);
                view.ty.format = format_of(&n.format, number_format);
                view.ty.values = enum_values(n.enumeration.iter().flatten().map(f64::to_string));
                view.maximum = n.maximum;
            }
            SchemaKind::Type(SpecType::Boolean(b)) => {
                view.ty = Type::of(Kind::Boolean);
                view.ty.values = enum_values(b.enumeration.iter().flatten().map(bool::to_string));
            }
            SchemaKind::Type(SpecType::Array(a)) => {
                view.ty = Type::of(Kind::Array);
                view.items = a.items.as_ref();
            }
            SchemaKind::Type(SpecType::Object(o)) => {
                view.ty = Type::of(Kind::Object);
                view.properties = Some(&o.properties);
                view.required = &o.required;
                if let Some(AdditionalProperties::Schema(values)) = &o.additional_properties {
                    view.map_values = Some(values);
                }
            }
            SchemaKind::Any(any) => {
                view.ty = Type::of(match any.typ.as_deref() {
                    Some("string") => Kind::String,
                    Some("integer") => Kind::Integer,
                    Some("number") => Kind::Number,
                    Some("boolean") => Kind::Boolean,
                    Some("array") => Kind::Array,
                    Some("object") => Kind::Object,
                    _ if !any.one_of.is_empty() => Kind::OneOf,
                    _ if !any.any_of.is_empty() => Kind::AnyOf,
                    _ if !any.all_of.is_empty() => Kind::AllOf,
                    _ if any.not.is_some() => Kind::Not,
                    _ => Kind::Any,
                });
                view.ty.format = any.format.clone();
                if !any.enumeration.is_empty() {
                    view.ty.values = enum_values(any.enumeration.iter().filter_map(|v| match v {
                        serde_json::Value::String(s) => Some(s.clone()),
                        serde_json::Value::Null => None,
                        other => Some(other.to_string()),
                    }));
                }
                view.maximum = any.maximum;
                if !any.properties.is_empty() {
                    view.properties = Some(&any.properties);
                }
                view.required = &any.required;
                view.items = any.items.as_ref();
                if let Some(AdditionalProperties::Schema(values)) = &any.additional_properties {
                    view.map_values = Some(values);
                }
            }
            SchemaKind::OneOf { one_of } => {
                view.ty = Type::of(Kind::OneOf);
                if let Some(discriminator) = &schema.schema_data.discriminator {
                    if let Some((union, variants)) =
                        self.union(one_of, discriminator, &walk.pointer)?
                    {
                        view.ty.union = Some(union);
                        view.variants = variants;
                    }
                }
            }
            SchemaKind::AnyOf { .. } => view.ty = Type::of(Kind::AnyOf),
            SchemaKind::AllOf { .. } => view.ty = Type::of(Kind::AllOf),
            SchemaKind::Not { .. } => view.ty = Type::of(Kind::Not),
        }
        view.ty.has_properties = view.properties.is_some_and(|p| !p.is_empty());
        if view.ty.union.is_none() && is_composition(schema) {
            view.ty.composition = Some(self.canonical(schema, walk)?);
        }
        let pointer = walk.pointer.clone();
        if let Some(items) = view.items {
            walk.pointer = format!("{pointer}/items");
            view.ty.items = Some(Box::new(self.inner_type(items.into(), walk)?));
        }
        if let Some(values) = view.map_values {
            walk.pointer = format!("{pointer}/additionalProperties");
            view.ty.map_values = Some(Box::new(self.inner_type(values.into(), walk)?));
        }
        walk.pointer = pointer;
        Ok(view)
    }

    /// The type of array items or map values, down to any depth.
    pub(super) fn inner_type(&self, schema: SchemaRef<'a>, walk: &mut Walk<'a>) -> Result<Type> {
        walk.count(self, walk.stack.len())?;
        let Some(resolved) = self.resolve(schema, walk)?.schema() else {
            return Ok(Type::of(Kind::Recursive));
        };
        let depth = walk.stack.len();
        walk.stack.extend(resolved.components.iter().copied());
        let view = self.view(resolved.schema, walk);
        walk.stack.truncate(depth);
        Ok(view?.ty)
    }
}

fn enum_values(values: impl Iterator<Item = String>) -> Option<BTreeSet<String>> {
    let values: BTreeSet<String> = values.collect();
    (!values.is_empty()).then_some(values)
}

fn format_of<T>(
    format: &openapiv3::VariantOrUnknownOrEmpty<T>,
    text: fn(&T) -> &'static str,
) -> Option<String> {
    match format {
        openapiv3::VariantOrUnknownOrEmpty::Item(item) => Some(text(item).to_owned()),
        openapiv3::VariantOrUnknownOrEmpty::Unknown(other) => Some(other.clone()),
        openapiv3::VariantOrUnknownOrEmpty::Empty => None,
    }
}

fn string_format(format: &openapiv3::StringFormat) -> &'static str {
    use openapiv3::StringFormat as F;
    match format {
        F::Date => "date",
        F::DateTime => "date-time",
        F::Password => "password",
        F::Byte => "byte",
        F::Binary => "binary",
    }
}

fn integer_format(format: &openapiv3::IntegerFormat) -> &'static str {
    match format {
        openapiv3::IntegerFormat::Int32 => "int32",
        openapiv3::IntegerFormat::Int64 => "int64",
    }
}

fn number_format(format: &openapiv3::NumberFormat) -> &'static str {
    match format {
        openapiv3::NumberFormat::Float => "float",
        openapiv3::NumberFormat::Double => "double",
    }
}
