//! Which resources reach each model, enum and union, and so the features
//! it compiles under and the file it is written in (see [`crate::ir::Gate`]
//! and [`crate::ir::Home`]).

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::{Api, Home};
use crate::naming::{self, Scope};

/// Decides every type's gate and home.
///
/// A resource reaches the types its operations name (params, bodies,
/// answers), and everything those hold, transitively: model fields, union
/// variants, map values and list items. Webhook events reach the types
/// their fields name. A type reached by one resource alone (a child's
/// types counting as its parent's when both reach them) lives in that
/// resource's folder; the rest are shared, one file each.
pub(super) fn place(api: &mut Api) {
    let inner = inner_types(api);
    let reach = |roots: Vec<String>| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut pending = roots;
        while let Some(name) = pending.pop() {
            if let Some(names) = inner.get(&name) {
                if seen.insert(name) {
                    pending.extend(names.iter().cloned());
                }
            }
        }
        seen
    };
    let mut reached_by: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, resource) in api.resources.iter().enumerate() {
        for name in reach(resource.imports()) {
            reached_by.entry(name).or_default().push(index);
        }
    }
    let by_events = api
        .webhooks
        .as_ref()
        .map(|hooks| {
            let mut names = Vec::new();
            for field in hooks.fields() {
                field.ty.named(&mut names);
            }
            reach(names)
        })
        .unwrap_or_default();

    let mut placed: BTreeMap<String, (crate::ir::Gate, Option<usize>)> = BTreeMap::new();
    for name in inner.keys() {
        let resources = reached_by.get(name).cloned().unwrap_or_default();
        let webhooks = by_events.contains(name);
        let gate = api.gate_of_reach(resources.clone(), webhooks);
        let owner = if webhooks {
            None
        } else {
            single_owner(api, &resources)
        };
        placed.insert(name.clone(), (gate, owner));
    }

    // Shared types get a module each, named after the type; names are
    // claimed in sorted order, so a new type never renames another's file.
    let mut modules = Scope::with_reserved(&["mod"]);
    let mut home = |name: &str, owner: Option<usize>| match owner {
        Some(index) => Home::Resource(index),
        None => Home::Shared {
            module: modules.claim(naming::plain(&naming::snake(name)), "_"),
        },
    };
    let mut homes: BTreeMap<String, Home> = BTreeMap::new();
    for (name, (_, owner)) in &placed {
        homes.insert(name.clone(), home(name, *owner));
    }
    for model in &mut api.models {
        model.gate = placed[&model.name].0.clone();
        model.home = homes[&model.name].clone();
    }
    for union in &mut api.unions {
        union.gate = placed[&union.name].0.clone();
        union.home = homes[&union.name].clone();
    }
    for e in &mut api.enums {
        e.gate = placed[&e.name].0.clone();
        e.home = homes[&e.name].clone();
    }
}

/// Every generated type, with the types it holds directly.
fn inner_types(api: &Api) -> BTreeMap<String, Vec<String>> {
    let mut inner: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for model in &api.models {
        let mut names = Vec::new();
        for field in &model.fields {
            field.ty.named(&mut names);
        }
        inner.insert(model.name.clone(), names);
    }
    for union in &api.unions {
        let mut names = Vec::new();
        for variant in &union.variants {
            variant.ty.named(&mut names);
        }
        inner.insert(union.name.clone(), names);
    }
    for e in &api.enums {
        inner.insert(e.name.clone(), Vec::new());
    }
    inner
}

/// The one resource whose folder holds a type `resources` reach: the
/// outermost of them when the others are all its descendants.
fn single_owner(api: &Api, resources: &[usize]) -> Option<usize> {
    let is_within = |mut r: usize, ancestor: usize| loop {
        if r == ancestor {
            return true;
        }
        match api.resources[r].parent {
            Some(parent) => r = parent,
            None => return false,
        }
    };
    // The resource every other one lies within, if there is one.
    resources
        .iter()
        .copied()
        .find(|&candidate| resources.iter().all(|&r| is_within(r, candidate)))
}
