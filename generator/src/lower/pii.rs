//! Personal data: which fields a spec marks (`x-twilio: {pii: {handling}}`),
//! the doc lines that say so, the params fields that take the marking of
//! the response field they set, and the generated tests that a marked
//! value stays out of `Debug`.

use openapiv3::{ReferenceOr, Schema, SchemaKind};
use serde_json::Value;

use super::Lowerer;
use crate::ir::{
    Enum, Model, ParamsStruct, Pii, PiiCase, Resource, ResponseKind, RustType, Webhooks,
};
use crate::naming::{self, Scope};

/// A marking as the spec writes it: the handling and its raw name.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mark {
    pub(super) pii: Pii,
    /// The `handling` value, e.g. `sensitive`; empty when there is none.
    pub(super) handling: String,
}

/// The marking in a schema's or parameter's extensions, if any.
///
/// `standard` and `sensitive` are Twilio's two handlings. Anything else
/// under `pii` (another handling, none at all) still says the value is
/// personal data, and the generator cannot know it is harmless to print,
/// so it is treated as sensitive.
pub(super) fn mark_in(extensions: &indexmap::IndexMap<String, Value>) -> Option<Mark> {
    let pii = extensions.get("x-twilio")?.get("pii")?;
    let handling = pii
        .get("handling")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    Some(Mark {
        pii: if handling == "standard" {
            Pii::Standard
        } else {
            Pii::Sensitive
        },
        handling,
    })
}

impl<'a> Lowerer<'a> {
    /// The marking of a property's schema: on the inline schema (a `$ref`
    /// wrapped in a one-member `allOf` carries it beside the `allOf`), else
    /// on the member of such an `allOf`, else on the schema a `$ref` names.
    pub(super) fn schema_mark(&self, schema: &ReferenceOr<Schema>) -> Option<Mark> {
        self.schema_mark_at(schema, 0)
    }

    fn schema_mark_at(&self, schema: &ReferenceOr<Schema>, depth: usize) -> Option<Mark> {
        if depth > 8 {
            return None;
        }
        match schema {
            ReferenceOr::Item(s) => {
                mark_in(&s.schema_data.extensions).or_else(|| match &s.schema_kind {
                    SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
                        self.schema_mark_at(&all_of[0], depth + 1)
                    }
                    _ => None,
                })
            }
            ReferenceOr::Reference { reference } => {
                // Looked up in place (no copy of the schema): a `$ref` the
                // generator cannot resolve is reported where its type is made.
                let name = reference.strip_prefix("#/components/schemas/")?;
                let name = name.replace("~1", "/").replace("~0", "~");
                let target = self.spec.components.as_ref()?.schemas.get(&name)?;
                self.schema_mark_at(target, depth + 1)
            }
        }
    }

    /// Gives each unmarked params field the marking of the response field
    /// it sets: a field whose wire name in snake case (`Body` → `body`), or
    /// for a dotted name its first part (`MessagingBinding.Address` →
    /// `messaging_binding`), is the JSON key of a marked field of the
    /// response's model (a list's item model). The value sent is the value
    /// the response then holds, so it is the same personal data.
    pub(super) fn inherit_pii(&self, params: &mut ParamsStruct, response: &ResponseKind) {
        let item = match response {
            ResponseKind::Json(ty) | ResponseKind::Page { item: ty, .. } => ty,
            ResponseKind::Empty | ResponseKind::Binary => return,
        };
        let RustType::Named(name) = item else {
            return;
        };
        let Some(model) = self.models.iter().find(|m| &m.name == name) else {
            return;
        };
        for field in params.fields.iter_mut().filter(|f| f.pii.is_none()) {
            let whole = naming::snake(&field.wire_name);
            let head = naming::snake(field.wire_name.split('.').next().unwrap_or_default());
            let found = [whole, head].into_iter().find_map(|key| {
                let key = naming::bare(&key).to_owned();
                model
                    .fields
                    .iter()
                    .find(|m| m.pii.is_some() && m.wire_name == key)
            });
            if let Some(source) = found {
                let pii = source.pii.unwrap_or(Pii::Sensitive);
                field.pii = Some(pii);
                field.pii_doc = pii_doc(
                    pii,
                    "",
                    Some(&format!(
                        "`{}` of [`{}`](crate::{})",
                        source.wire_name, model.name, model.name
                    )),
                );
            }
        }
    }
}

/// The doc lines of a marked field. `handling` is the spec's word (empty
/// or unknown for a marking treated as sensitive); `from` names the
/// response field whose marking a params field takes.
pub(super) fn pii_doc(pii: Pii, handling: &str, from: Option<&str>) -> Vec<String> {
    let how = match pii {
        Pii::Sensitive => {
            "`Debug` never prints its value, only whether it is set and its size \
             (`Some(<redacted 42 bytes>)`)."
        }
        Pii::Standard => {
            "`Debug` prints it, unless the crate's `redact-personal-data` feature is on; \
             then only whether it is set and its size."
        }
    };
    let what = match (from, pii, handling) {
        (Some(from), Pii::Sensitive, _) => {
            format!("Personal data: it carries the {from}, which the spec marks sensitive.")
        }
        (Some(from), Pii::Standard, _) => {
            format!(
                "Personal data: it carries the {from}, which the spec marks as standard personal data."
            )
        }
        (None, Pii::Standard, _) => "Personal data, marked standard in the spec.".to_owned(),
        (None, Pii::Sensitive, "sensitive") => {
            "Personal data, marked sensitive in the spec.".to_owned()
        }
        (None, Pii::Sensitive, "") => {
            "Personal data: the spec marks it without a handling, so it is treated as sensitive."
                .to_owned()
        }
        (None, Pii::Sensitive, other) => format!(
            "Personal data: the spec's handling `{other}` is not one the generator knows, so it is treated as sensitive."
        ),
    };
    vec![what, how.to_owned()]
}

/// The JSON keys of the models' fields marked `pii`, but not those in
/// `except`, sorted and distinct.
pub(super) fn keys(models: &[Model], pii: Pii, except: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = models
        .iter()
        .flat_map(|m| &m.fields)
        .filter(|f| f.pii == Some(pii) && !except.contains(&f.wire_name))
        .map(|f| f.wire_name.clone())
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The generated types held by marked fields (of models, params and
/// webhook events), sorted and distinct.
pub(super) fn redacted_types(
    models: &[Model],
    resources: &[Resource],
    webhooks: Option<&Webhooks>,
) -> Vec<String> {
    let mut names = Vec::new();
    for field in webhooks.iter().flat_map(|w| w.fields()) {
        if field.pii.is_some() {
            field.ty.named(&mut names);
        }
    }
    for field in models.iter().flat_map(|m| &m.fields) {
        if field.pii.is_some() {
            field.ty.named(&mut names);
        }
    }
    for field in params_of(resources).flat_map(|p| &p.fields) {
        if field.pii.is_some() {
            field.ty.named(&mut names);
        }
    }
    names.sort();
    names.dedup();
    names
}

fn params_of(resources: &[Resource]) -> impl Iterator<Item = &ParamsStruct> {
    resources
        .iter()
        .flat_map(|r| &r.operations)
        .filter_map(|op| op.params.as_ref())
}

/// One test per marked field of a model or params struct whose type can
/// hold text (a string, JSON, an enum's unknown value, or lists, maps and
/// options of them) and whose struct the test can build.
pub(super) fn pii_cases(models: &[Model], resources: &[Resource], enums: &[Enum]) -> Vec<PiiCase> {
    let mut scope = Scope::with_reserved(&["shows", "hides", "SENTINEL"]);
    let mut cases = Vec::new();
    let types = Types { models, enums };
    for model in models {
        let fields: Vec<(&str, RustType)> = model
            .fields
            .iter()
            .map(|f| (f.rust_name.as_str(), f.ty.clone()))
            .collect();
        for (i, field) in model.fields.iter().enumerate() {
            let Some(pii) = field.pii else { continue };
            let Some(build) = types.build(&model.name, &fields, i, model.derives_default()) else {
                continue;
            };
            cases.push(PiiCase {
                test: scope.snake(&format!(
                    "{}_{}",
                    model.name,
                    naming::bare(&field.rust_name)
                )),
                build,
                owner: model.name.clone(),
                field: field.rust_name.clone(),
                pii,
            });
        }
    }
    for params in params_of(resources) {
        let fields: Vec<(&str, RustType)> = params
            .fields
            .iter()
            .map(|f| {
                let ty = if f.required {
                    f.ty.clone()
                } else {
                    RustType::Option(Box::new(f.ty.clone()))
                };
                (f.rust_name.as_str(), ty)
            })
            .collect();
        for (i, field) in params.fields.iter().enumerate() {
            let Some(pii) = field.pii else { continue };
            let Some(build) = types.build(&params.name, &fields, i, params.derives_default())
            else {
                continue;
            };
            cases.push(PiiCase {
                test: scope.snake(&format!(
                    "{}_{}",
                    params.name,
                    naming::bare(&field.rust_name)
                )),
                build,
                owner: params.name.clone(),
                field: field.rust_name.clone(),
                pii,
            });
        }
    }
    cases
}

struct Types<'a> {
    models: &'a [Model],
    enums: &'a [Enum],
}

impl Types<'_> {
    /// `crate::Name { .. }` with field `target` holding the sentinel and
    /// every other field empty.
    fn build(
        &self,
        name: &str,
        fields: &[(&str, RustType)],
        target: usize,
        has_default: bool,
    ) -> Option<String> {
        let value = self.sentinel(&fields.get(target)?.1)?;
        let target_name = fields[target].0;
        if has_default {
            return Some(format!(
                "crate::{name} {{ {target_name}: {value}, ..Default::default() }}"
            ));
        }
        let mut parts = Vec::new();
        for (i, (field, ty)) in fields.iter().enumerate() {
            let value = if i == target {
                value.clone()
            } else {
                self.filler(ty, 0)?
            };
            parts.push(format!("{field}: {value}"));
        }
        Some(format!("crate::{name} {{ {} }}", parts.join(", ")))
    }

    /// A value of `ty` holding the text `SENTINEL`, if `ty` can hold text.
    fn sentinel(&self, ty: &RustType) -> Option<String> {
        self.sentinel_at(ty, 0)
    }

    fn sentinel_at(&self, ty: &RustType, depth: usize) -> Option<String> {
        let inner = |ty: &RustType| self.sentinel_at(ty, depth);
        Some(match ty {
            RustType::String => "SENTINEL.to_owned()".to_owned(),
            RustType::Json => "serde_json::Value::from(SENTINEL)".to_owned(),
            RustType::Vec(ty) => format!("Vec::from([{}])", inner(ty)?),
            RustType::Map(ty) => format!(
                "std::collections::BTreeMap::from([(\"key\".to_owned(), {})])",
                inner(ty)?
            ),
            RustType::Option(ty) => format!("Some({})", inner(ty)?),
            RustType::Boxed(ty) => format!("Box::new({})", inner(ty)?),
            RustType::Named(name) => {
                if let Some(e) = self.enums.iter().find(|e| &e.name == name) {
                    return Some(format!("crate::{name}::{}(SENTINEL.to_owned())", e.unknown));
                }
                // A struct holds the text in its first field that can and
                // is not marked itself: that field's own `Debug` must show
                // it, whatever the crate's features.
                let model = self.models.iter().find(|m| &m.name == name)?;
                if !model.derives_default() || depth > 8 {
                    return None;
                }
                let (field, value) = model
                    .fields
                    .iter()
                    .filter(|f| f.pii.is_none())
                    .find_map(|f| Some((f, self.sentinel_at(&f.ty, depth + 1)?)))?;
                format!(
                    "crate::{name} {{ {}: {value}, ..Default::default() }}",
                    field.rust_name
                )
            }
            _ => return None,
        })
    }

    /// An empty value of `ty`, for the other fields of a struct without
    /// `Default`.
    fn filler(&self, ty: &RustType, depth: usize) -> Option<String> {
        Some(match ty {
            RustType::Option(_) => "None".to_owned(),
            RustType::String => "String::new()".to_owned(),
            RustType::Bool => "false".to_owned(),
            RustType::I32 | RustType::I64 => "0".to_owned(),
            RustType::F64 => "0.0".to_owned(),
            RustType::DateTime => "chrono::DateTime::<chrono::Utc>::default()".to_owned(),
            RustType::Date => "chrono::NaiveDate::default()".to_owned(),
            RustType::Json => "serde_json::Value::Null".to_owned(),
            RustType::Vec(_) => "Vec::new()".to_owned(),
            RustType::Map(_) => "std::collections::BTreeMap::new()".to_owned(),
            RustType::Boxed(inner) => format!("Box::new({})", self.filler(inner, depth)?),
            RustType::Named(name) => {
                if let Some(e) = self.enums.iter().find(|e| &e.name == name) {
                    return Some(format!("crate::{name}::{}(String::new())", e.unknown));
                }
                let model = self.models.iter().find(|m| &m.name == name)?;
                if model.derives_default() {
                    return Some(format!("crate::{name}::default()"));
                }
                if depth > 8 {
                    return None;
                }
                let mut parts = Vec::new();
                for field in &model.fields {
                    parts.push(format!(
                        "{}: {}",
                        field.rust_name,
                        self.filler(&field.ty, depth + 1)?
                    ));
                }
                format!("crate::{name} {{ {} }}", parts.join(", "))
            }
        })
    }
}
