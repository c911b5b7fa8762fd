//! Models: object schemas become structs, and fields that would make a model
//! contain itself are boxed.

use std::collections::BTreeMap;

use openapiv3::{ReferenceOr, Schema};

use super::{Lowerer, escape_pointer, pii};
use crate::error::Result;
use crate::ir::{Gate, Home, Model, ModelField, RustType, Setter, Union};
use crate::naming::{self, Rank, Scope};

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
        let rank = if component.is_some() {
            Rank::Component
        } else {
            Rank::Derived
        };
        let name = self.types.name(name_hint, rank);
        if let Some(component) = component {
            // Registered before the fields, so a self-reference resolves.
            self.named.insert(component.to_owned(), name.clone());
        }
        // A setter per field, beside `new` and the traits' methods.
        let mut scope = Scope::with_reserved(&[
            "new",
            "default",
            "clone",
            "eq",
            "ne",
            "fmt",
            "serialize",
            "deserialize",
        ]);
        let mut fields = Vec::new();
        for (wire, prop) in properties {
            let prop = prop.clone().unbox();
            let prop_pointer = format!("{pointer}/properties/{}", escape_pointer(wire));
            // Named from the owner's identity, not its decided name.
            let context = format!("{name_hint}_{wire}");
            let inner = self.type_of(&prop, &context, &prop_pointer)?;
            let nullable = match &prop {
                ReferenceOr::Item(s) => s.schema_data.nullable,
                ReferenceOr::Reference { .. } => false,
            };
            let setter = self.model_setter(&inner);
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
                required: required.contains(wire),
                setter,
                doc: self.doc(&[self.description_of(&prop).as_deref()]),
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
            request: false,
            gate: Gate::default(),
            home: Home::default(),
        });
        Ok(RustType::Named(name))
    }
}

impl Lowerer<'_> {
    /// How a model's setter (and `new`) takes a value of `ty`: strings,
    /// models and unions by `impl Into`, so a union takes any of its
    /// variants' models; lists by `impl IntoIterator`; the rest as they are.
    fn model_setter(&self, ty: &RustType) -> Setter {
        match ty {
            RustType::String => Setter::Into,
            RustType::Vec(inner) => Setter::IntoIter((**inner).clone()),
            RustType::Named(name) if !self.enums.iter().any(|e| &e.name == name) => Setter::Into,
            _ => Setter::Plain,
        }
    }
}

/// Marks the models a request body holds, directly or through fields,
/// lists, maps and union variants, starting from the types in `roots`.
pub(super) fn mark_request_models<'t>(
    models: &mut [Model],
    unions: &[Union],
    roots: impl IntoIterator<Item = &'t RustType>,
) {
    let mut todo: Vec<String> = Vec::new();
    for root in roots {
        root.named(&mut todo);
    }
    let mut seen: Vec<String> = Vec::new();
    while let Some(name) = todo.pop() {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name.clone());
        if let Some(model) = models.iter_mut().find(|m| m.name == name) {
            model.request = true;
            for field in &model.fields {
                field.ty.named(&mut todo);
            }
        } else if let Some(union) = unions.iter().find(|u| u.name == name) {
            for variant in &union.variants {
                variant.ty.named(&mut todo);
            }
        }
    }
}

/// Boxes model fields (and union variants) that would make a model contain
/// itself (`Node` with a `parent: Option<Node>`, or `A` holding a `B`
/// holding an `A`, or a union whose variant holds the union again), which
/// Rust cannot size. Lists and maps already hold their items on the heap.
pub(super) fn break_cycles(models: &mut [Model], unions: &mut [Union]) {
    /// The type a field holds inline (`T` or `Option<T>`), if any.
    fn inline_named(ty: &RustType) -> Option<&str> {
        match ty {
            RustType::Named(name) => Some(name),
            RustType::Option(inner) => inline_named(inner),
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
    // Nodes: the models, then the unions; an edge per field or variant.
    let index: BTreeMap<&str, usize> = models
        .iter()
        .map(|m| m.name.as_str())
        .chain(unions.iter().map(|u| u.name.as_str()))
        .enumerate()
        .map(|(i, name)| (name, i))
        .collect();
    let edges: Vec<Vec<Option<usize>>> = models
        .iter()
        .map(|m| m.fields.iter().map(|f| &f.ty).collect::<Vec<_>>())
        .chain(
            unions
                .iter()
                .map(|u| u.variants.iter().map(|v| &v.ty).collect()),
        )
        .map(|tys| {
            tys.into_iter()
                .map(|ty| inline_named(ty).and_then(|name| index.get(name).copied()))
                .collect()
        })
        .collect();
    let mut state = vec![State::New; edges.len()];
    let mut to_box: Vec<(usize, usize)> = Vec::new();
    for root in 0..edges.len() {
        if state[root] != State::New {
            continue;
        }
        // Depth-first, iteratively: (node, next edge to look at).
        let mut stack = vec![(root, 0)];
        state[root] = State::Open;
        while let Some((node, edge)) = stack.pop() {
            let Some(target) = edges[node].get(edge) else {
                state[node] = State::Done;
                continue;
            };
            stack.push((node, edge + 1));
            let Some(target) = *target else {
                continue;
            };
            match state[target] {
                State::Open => to_box.push((node, edge)),
                State::New => {
                    state[target] = State::Open;
                    stack.push((target, 0));
                }
                State::Done => {}
            }
        }
    }
    for (node, edge) in to_box {
        let ty = match models.get_mut(node) {
            Some(model) => &mut model.fields[edge].ty,
            None => &mut unions[node - models.len()].variants[edge].ty,
        };
        *ty = boxed(std::mem::replace(ty, RustType::Json));
    }
}
