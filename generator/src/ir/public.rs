//! The public items of a generated crate, read off the IR: what an app can
//! name, and so what a minor release must keep. The name-stability tests
//! compare two lists, and `cargo xtask release` writes its changelog from them.

use std::collections::{BTreeMap, BTreeSet};

use super::{Api, RustType};

/// What kind of public item a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKind {
    /// A struct, enum or resource handle at the crate root.
    Type,
    /// A struct's public field.
    Field,
    /// An enum's variant.
    Variant,
    /// A method: a handle's operation or accessor, a setter.
    Method,
}

/// One public item: its path as an app writes it, and the resource it
/// belongs to (the handle whose module holds it), if any.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PublicItem {
    /// `ConversationState`, `ConversationState::Initializing`,
    /// `CreateConversationParams::friendly_name`, `Conversations::create`.
    pub path: String,
    pub kind: ItemKind,
    /// The resource handle that owns it (its operations' params structs, its
    /// methods, the models and enums only its operations reach), or `None`
    /// for a type shared by several resources (or by none: webhook events).
    pub resource: Option<String>,
    /// The field's type, for fields: a retyped field is a breaking change
    /// even though its path stays.
    pub ty: Option<String>,
}

impl Api {
    /// Every public item an app can name, by path.
    pub fn public_items(&self) -> BTreeMap<String, PublicItem> {
        let owners = self.type_owners();
        let owner = |name: &str| owners.get(name).map(String::as_str);
        let mut items = BTreeMap::new();
        let mut add = |path: String, kind, resource: Option<&str>, ty: Option<&RustType>| {
            items.insert(
                path.clone(),
                PublicItem {
                    path,
                    kind,
                    resource: resource.map(str::to_owned),
                    ty: ty.map(ToString::to_string),
                },
            );
        };
        for resource in &self.resources {
            let handle = resource.handle.as_str();
            add(handle.to_owned(), ItemKind::Type, Some(handle), None);
            let parent = match resource.parent {
                Some(parent) => self.resources[parent].handle.as_str(),
                None => "Client",
            };
            add(
                format!("{parent}::{}", resource.accessor),
                ItemKind::Method,
                Some(handle),
                None,
            );
            for op in &resource.operations {
                let methods = [
                    Some(&op.method),
                    Some(&op.with_response_method),
                    op.stream_method.as_ref(),
                ];
                for method in methods.into_iter().flatten() {
                    add(
                        format!("{handle}::{method}"),
                        ItemKind::Method,
                        Some(handle),
                        None,
                    );
                }
                if let Some(params) = &op.params {
                    add(params.name.clone(), ItemKind::Type, Some(handle), None);
                    for field in &params.fields {
                        add(
                            format!("{}::{}", params.name, field.rust_name),
                            ItemKind::Field,
                            Some(handle),
                            Some(&field.ty),
                        );
                    }
                }
            }
        }
        for model in &self.models {
            let resource = owner(&model.name);
            add(model.name.clone(), ItemKind::Type, resource, None);
            for field in &model.fields {
                add(
                    format!("{}::{}", model.name, field.rust_name),
                    ItemKind::Field,
                    resource,
                    Some(&field.ty),
                );
            }
        }
        for e in &self.enums {
            let resource = owner(&e.name);
            add(e.name.clone(), ItemKind::Type, resource, None);
            let variants = e.variants.iter().map(|v| &v.name).chain([&e.unknown]);
            for variant in variants {
                add(
                    format!("{}::{variant}", e.name),
                    ItemKind::Variant,
                    resource,
                    None,
                );
            }
        }
        for union in &self.unions {
            let resource = owner(&union.name);
            add(union.name.clone(), ItemKind::Type, resource, None);
            let variants = union.variants.iter().map(|v| &v.name);
            for variant in variants.chain([&union.unknown]) {
                add(
                    format!("{}::{variant}", union.name),
                    ItemKind::Variant,
                    resource,
                    None,
                );
            }
        }
        if let Some(webhooks) = &self.webhooks {
            add(webhooks.enum_name.clone(), ItemKind::Type, None, None);
            for event in &webhooks.events {
                add(
                    format!("{}::{}", webhooks.enum_name, event.variant),
                    ItemKind::Variant,
                    None,
                    None,
                );
                add(event.name.clone(), ItemKind::Type, None, None);
                for field in &event.fields {
                    add(
                        format!("{}::{}", event.name, field.rust_name),
                        ItemKind::Field,
                        None,
                        Some(&field.ty),
                    );
                }
                if let Some(response) = &event.response {
                    add(response.name.clone(), ItemKind::Type, None, None);
                    for field in &response.fields {
                        add(
                            format!("{}::{}", response.name, field.rust_name),
                            ItemKind::Method,
                            None,
                            None,
                        );
                    }
                }
            }
        }
        items
    }

    /// The resource each model, enum and union belongs to: the one handle
    /// whose operations reach it (through their params, bodies and
    /// responses, and the fields of the models those hold). Types that
    /// several resources reach, or none, are left out.
    fn type_owners(&self) -> BTreeMap<String, String> {
        let mut fields: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for model in &self.models {
            let mut names = Vec::new();
            for field in &model.fields {
                field.ty.named(&mut names);
            }
            fields.insert(&model.name, names);
        }
        for union in &self.unions {
            let mut names = Vec::new();
            for variant in &union.variants {
                variant.ty.named(&mut names);
            }
            fields.insert(&union.name, names);
        }
        let mut reached_by: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        for resource in &self.resources {
            let mut pending = resource.imports();
            let mut seen = BTreeSet::new();
            while let Some(name) = pending.pop() {
                if let Some(inner) = fields.get(name.as_str()) {
                    if !seen.contains(&name) {
                        pending.extend(inner.iter().cloned());
                    }
                }
                seen.insert(name);
            }
            for name in seen {
                reached_by.entry(name).or_default().insert(&resource.handle);
            }
        }
        reached_by
            .into_iter()
            .filter(|(_, handles)| handles.len() == 1)
            .filter_map(|(name, handles)| Some((name, (*handles.first()?).to_owned())))
            .collect()
    }
}
