//! Models: object schemas become structs, and fields that would make a model
//! contain itself are boxed.

use std::collections::BTreeMap;

use openapiv3::{ReferenceOr, Schema};

use super::{Lowerer, escape_pointer, pii};
use crate::docs;
use crate::error::Result;
use crate::ir::{Model, ModelField, RustType};
use crate::naming::{self, Scope};

impl<'a> Lowerer<'a> {
    /// Generates the model of an object schema's `properties`, named from
    /// `name_hint`; `component` names the schema it comes from, if any.
    pub(super) fn model_type(
        &mut self,
        properties: &indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
        required: &[String],
        name_hint: &str,
        component: Option<&str>,
        doc: Vec<String>,
        pointer: &str,
    ) -> Result<RustType> {
        let name = self.types.pascal(name_hint);
        if let Some(component) = component {
            // Registered before the fields, so a self-reference resolves.
            self.named.insert(component.to_owned(), name.clone());
        }
        let mut scope = Scope::default();
        let mut fields = Vec::new();
        for (wire, prop) in properties {
            let prop = prop.clone().unbox();
            let prop_pointer = format!("{pointer}/properties/{}", escape_pointer(wire));
            let context = format!("{}_{wire}", naming::bare(&name));
            let inner = self.type_of(&prop, &context, &prop_pointer)?;
            let nullable = match &prop {
                ReferenceOr::Item(s) => s.schema_data.nullable,
                ReferenceOr::Reference { .. } => false,
            };
            let ty = if required.contains(wire) && !nullable {
                inner
            } else {
                RustType::Option(Box::new(inner))
            };
            let rust_name = scope.snake(wire);
            let mark = self.schema_mark(&prop);
            fields.push(ModelField {
                pii: mark.as_ref().map(|m| m.pii),
                pii_doc: mark
                    .map(|m| pii::pii_doc(m.pii, &m.handling, None))
                    .unwrap_or_default(),
                renamed: naming::bare(&rust_name) != wire,
                rust_name,
                wire_name: wire.clone(),
                ty,
                doc: docs::first(&[self.description_of(&prop).as_deref()]),
            });
        }
        let doc = if doc.is_empty() {
            vec![format!("The `{}` object.", naming::bare(&name))]
        } else {
            doc
        };
        self.models.push(Model {
            name: name.clone(),
            doc,
            fields,
        });
        Ok(RustType::Named(name))
    }
}

/// Boxes model fields that would make a model contain itself (`Node` with a
/// `parent: Option<Node>`, or `A` holding a `B` holding an `A`), which Rust
/// cannot size. Lists and maps already hold their items on the heap.
pub(super) fn break_cycles(models: &mut [Model]) {
    /// The model a field holds inline (`T` or `Option<T>`), if any.
    fn inline_model(ty: &RustType) -> Option<&str> {
        match ty {
            RustType::Named(name) => Some(name),
            RustType::Option(inner) => inline_model(inner),
            _ => None,
        }
    }
    fn boxed(ty: RustType) -> RustType {
        match ty {
            RustType::Option(inner) => RustType::Option(Box::new(boxed(*inner))),
            other => RustType::Boxed(Box::new(other)),
        }
    }
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let index: BTreeMap<String, usize> = models
        .iter()
        .enumerate()
        .map(|(i, m)| (m.name.clone(), i))
        .collect();
    let mut state = vec![State::New; models.len()];
    let mut to_box: Vec<(usize, usize)> = Vec::new();
    for root in 0..models.len() {
        if state[root] != State::New {
            continue;
        }
        // Depth-first, iteratively: (model, next field to look at).
        let mut stack = vec![(root, 0)];
        state[root] = State::Open;
        while let Some((model, field)) = stack.pop() {
            let Some(f) = models[model].fields.get(field) else {
                state[model] = State::Done;
                continue;
            };
            stack.push((model, field + 1));
            let Some(&target) = inline_model(&f.ty).and_then(|name| index.get(name)) else {
                continue;
            };
            match state[target] {
                State::Open => to_box.push((model, field)),
                State::New => {
                    state[target] = State::Open;
                    stack.push((target, 0));
                }
                State::Done => {}
            }
        }
    }
    for (model, field) in to_box {
        let f = &mut models[model].fields[field];
        f.ty = boxed(std::mem::replace(&mut f.ty, RustType::Json));
    }
}
