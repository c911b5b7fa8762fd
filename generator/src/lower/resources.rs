//! Resources from the paths: which operations share a handle, how handles
//! nest, and what each handle and accessor is called.

use std::collections::{BTreeMap, BTreeSet};

use heck::ToKebabCase;
use openapiv3::{Parameter, ReferenceOr};

use super::operations::{placeholder, verb_of, verb_rank};
use super::types::component_type_name;
use super::{Lowerer, escape_pointer};
use crate::error::Result;
use crate::ir::{ChainStep, HttpMethod, PathParam, Resource, SkipReason, Skipped};
use crate::naming::{self, Rank, Scope};

/// Method names the client and every handle already use.
const CLIENT_METHODS: &[&str] = &[
    "new",
    "builder",
    "from_env",
    "config",
    "clone",
    "fmt",
    "account_sid",
    "base_url",
    "json",
    "empty",
    "url_for",
    "send",
    "send_once",
];

/// Names the `mock` module's runtime uses: a mock handle never takes one.
const MOCK_TYPES: &[&str] = &[
    "MockTwilio",
    "Expectation",
    "Json",
    "List",
    "NoBody",
    "NoParams",
    "VerifyError",
    "Shared",
    "State",
    "Entry",
    "Answer",
    "Operation",
    "Field",
    "Dispatch",
    "Incoming",
];

/// Methods of `MockTwilio` itself: a root mock accessor never takes one.
const MOCK_METHODS: &[&str] = &[
    "start",
    "client",
    "client_builder",
    "uri",
    "verify",
    "try_verify",
    "clone",
    "fmt",
    "new",
    "drop",
];

/// One operation found in the paths, before grouping into resources.
pub(super) struct RawOp<'a> {
    pub(super) path: &'a str,
    pub(super) pointer: String,
    pub(super) method: HttpMethod,
    pub(super) op: &'a openapiv3::Operation,
    pub(super) path_level: &'a [ReferenceOr<Parameter>],
    /// The servers the operation names, else its path's (OpenAPI's
    /// operation- and path-level `servers`); empty for the spec's own.
    pub(super) servers: &'a [openapiv3::Server],
}

impl<'a> Lowerer<'a> {
    pub(super) fn collect_operations(&mut self) -> Result<Vec<RawOp<'a>>> {
        let mut ops = Vec::new();
        for (path, item) in &self.spec.paths.paths {
            let pointer = format!("#/paths/{}", escape_pointer(path));
            let item = match item {
                ReferenceOr::Item(item) => item,
                ReferenceOr::Reference { reference } => {
                    return Err(self.unsupported(
                        &pointer,
                        format!("path item references (`$ref: {reference}`) are not supported"),
                    ));
                }
            };
            let methods = [
                (HttpMethod::Get, &item.get),
                (HttpMethod::Post, &item.post),
                (HttpMethod::Put, &item.put),
                (HttpMethod::Patch, &item.patch),
                (HttpMethod::Delete, &item.delete),
            ];
            for (method, op) in methods {
                if let Some(op) = op {
                    ops.push(RawOp {
                        path,
                        pointer: format!("{pointer}/{}", method.upper().to_lowercase()),
                        method,
                        op,
                        path_level: &item.parameters,
                        servers: if op.servers.is_empty() {
                            &item.servers
                        } else {
                            &op.servers
                        },
                    });
                }
            }
            // The client has no call for these; each is reported, not dropped.
            for (method, op) in [
                ("HEAD", &item.head),
                ("OPTIONS", &item.options),
                ("TRACE", &item.trace),
            ] {
                if op.is_some() {
                    self.skipped.push(Skipped {
                        operation: format!("{method} {path}"),
                        reason: SkipReason::Method(method),
                    });
                }
            }
        }
        Ok(ops)
    }

    pub(super) fn build_resources(&mut self, raw_ops: &[RawOp<'a>]) -> Result<Vec<Resource>> {
        // Group by collection path, keeping first-seen order.
        let mut keys: Vec<String> = Vec::new();
        let mut groups: BTreeMap<String, Vec<&RawOp<'a>>> = BTreeMap::new();
        for op in raw_ops {
            let key = collection_path(op.path).to_owned();
            ensure_ancestors(&key, &mut keys);
            groups.entry(key).or_default().push(op);
        }

        let component_types: BTreeSet<String> = self
            .spec
            .components
            .iter()
            .flat_map(|c| c.schemas.keys())
            .map(|name| naming::pascal(&component_type_name(name)))
            .collect();
        let mut resources: Vec<Resource> = Vec::new();
        let mut index_of: BTreeMap<String, usize> = BTreeMap::new();
        let mut accessor_scopes: BTreeMap<Option<usize>, Scope> = BTreeMap::new();
        // Module file stems: plain identifiers (`mod r#type;` would look for
        // `type.rs`, and `mod r#mod;` for `mod.rs` itself).
        // A module's name in kebab case is its cargo feature: none may
        // take the name of one of the crate's other features.
        let mut modules = Scope::with_reserved(&[
            "mod",
            "default",
            "full",
            "rustls",
            "native_tls",
            "tracing",
            "webhooks",
            "tower",
            "axum",
            "access_token",
            "redact_personal_data",
            "mock",
        ]);
        for key in &keys {
            let segments = literal_segments(key);
            let parent_path = parent_instance_path(key);
            let parent = parent_path
                .as_deref()
                .and_then(|p| index_of.get(collection_path(p)).copied());
            let mut scope_params = parent
                .map(|p| resources[p].scope_params.clone())
                .unwrap_or_default();
            // The handle's fields: `client` and one per scope parameter, unique.
            let mut field_names = Scope::with_reserved(&["client", "mock", "self"]);
            for p in &scope_params {
                field_names.claim(p.rust_name.clone(), "_");
            }
            let accessor_param =
                parent_path
                    .as_deref()
                    .and_then(|p| trailing_param(p))
                    .map(|wire| PathParam {
                        rust_name: field_names.snake(wire),
                        wire_name: wire.to_owned(),
                        placeholder: placeholder(wire),
                        doc: Vec::new(),
                    });
            scope_params.extend(accessor_param.clone());

            let handle_words: Vec<String> = segments
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    if i + 1 < segments.len() {
                        singular(s)
                    } else {
                        s.to_string()
                    }
                })
                .collect();
            // A singleton resource (`/v1/Configuration`) would take the name
            // of the model it returns; the model keeps it, the handle says
            // what it is.
            let mut handle_name = handle_words.join("_");
            if component_types.contains(&naming::pascal(&handle_name)) {
                handle_name.push_str("_resource");
            }
            let handle = self.types.name(&handle_name, Rank::Handle);
            let last = segments.last().copied().unwrap_or("root");
            let accessor = accessor_scopes
                .entry(parent)
                .or_insert_with(|| Scope::with_reserved(CLIENT_METHODS))
                .snake(last);

            let ops = groups.get(key).map(Vec::as_slice).unwrap_or_default();
            let first_doc = ops
                .iter()
                .find_map(|op| self.spec.paths.paths.get(op.path))
                .and_then(|item| item.as_item())
                .and_then(|item| item.description.as_deref().or(item.summary.as_deref()));
            let mut doc = self.doc(&[first_doc]);
            if doc.is_empty() {
                doc.push(format!("Operations on `{key}`."));
            }

            let index = resources.len();
            index_of.insert(key.clone(), index);
            if let Some(p) = parent {
                resources[p].children.push(index);
            }
            let module = modules.claim(naming::plain(&naming::snake(&handle)), "_");
            resources.push(Resource {
                feature: module.to_kebab_case(),
                module,
                handle,
                accessor,
                mock_handle: String::new(),
                mock_accessor: String::new(),
                doc,
                parent,
                scope_params,
                accessor_param,
                children: Vec::new(),
                chain: Vec::new(),
                operations: Vec::new(),
            });
        }

        // Operations, named within their handle.
        for key in &keys {
            let index = index_of[key];
            let mut methods = Scope::with_reserved(&["new", "clone", "fmt"]);
            for child in resources[index].children.clone() {
                methods.claim(resources[child].accessor.clone(), "_");
            }
            let mut ops = Vec::new();
            let mut raws: Vec<&RawOp<'a>> = groups.get(key).cloned().unwrap_or_default();
            raws.sort_by_key(|op| verb_rank(&verb_of(op)));
            for raw in raws {
                match self.operation(raw, &resources[index], &mut methods)? {
                    Some(op) => ops.push(op),
                    None => continue,
                }
            }
            resources[index].operations = ops;
        }
        let mut resources = prune_empty(resources);
        name_mocks(&mut resources);
        for index in 0..resources.len() {
            let mut chain = Vec::new();
            let mut at = Some(index);
            while let Some(i) = at {
                chain.push(ChainStep {
                    accessor: resources[i].accessor.clone(),
                    arg: resources[i]
                        .accessor_param
                        .as_ref()
                        .map(|p| p.placeholder.clone()),
                });
                at = resources[i].parent;
            }
            chain.reverse();
            resources[index].chain = chain;
        }
        Ok(resources)
    }
}

/// The mock handle of each resource (`ConversationsMock`) and its accessor,
/// which is the client's except where a root accessor would take the name
/// of one of `MockTwilio`'s own methods (`verify` → `verify_2`).
fn name_mocks(resources: &mut [Resource]) {
    let mut types = Scope::with_reserved(MOCK_TYPES);
    let roots: Vec<&str> = resources
        .iter()
        .filter(|r| r.parent.is_none())
        .map(|r| r.accessor.as_str())
        .filter(|a| !MOCK_METHODS.contains(a))
        .collect();
    let mut root_methods = Scope::with_reserved(&[MOCK_METHODS, &roots].concat());
    for resource in resources.iter_mut() {
        resource.mock_handle = types.claim(format!("{}Mock", resource.handle), "");
        resource.mock_accessor =
            if resource.parent.is_none() && MOCK_METHODS.contains(&resource.accessor.as_str()) {
                root_methods.claim(resource.accessor.clone(), "_")
            } else {
                resource.accessor.clone()
            };
    }
}

/// `/v1/Conversations/{Sid}` → `/v1/Conversations`; other paths unchanged.
fn collection_path(path: &str) -> &str {
    match path.rsplit_once('/') {
        Some((head, last)) if last.starts_with('{') && last.ends_with('}') => head,
        _ => path,
    }
}

/// The path of the parent's instance: `/v1/Conversations/{ConversationSid}/Messages`
/// → `/v1/Conversations/{ConversationSid}`; `None` at the top.
fn parent_instance_path(collection: &str) -> Option<String> {
    let (head, _) = collection.rsplit_once('/')?;
    if literal_segments(head).is_empty() {
        None
    } else {
        Some(head.to_owned())
    }
}

/// Makes sure every ancestor collection of `key` is listed before it.
fn ensure_ancestors(key: &str, keys: &mut Vec<String>) {
    if keys.iter().any(|k| k == key) {
        return;
    }
    if let Some(parent) = parent_instance_path(key) {
        ensure_ancestors(collection_path(&parent), keys);
    }
    keys.push(key.to_owned());
}

fn trailing_param(path: &str) -> Option<&str> {
    let last = path.rsplit('/').next()?;
    last.strip_prefix('{')?.strip_suffix('}')
}

/// The literal segments of a path after the version (`v1`).
fn literal_segments(path: &str) -> Vec<&str> {
    path.split('/')
        .filter(|s| !s.is_empty() && !s.starts_with('{'))
        .filter(|s| !is_version(s))
        .collect()
}

fn is_version(segment: &str) -> bool {
    segment
        .strip_prefix('v')
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
}

fn singular(word: &str) -> String {
    if word.ends_with("ss") {
        word.to_owned()
    } else {
        word.strip_suffix('s').unwrap_or(word).to_owned()
    }
}

/// Drops handles with no operation of their own and none below them (all
/// their operations were skipped), renumbering parent and child indices.
fn prune_empty(resources: Vec<Resource>) -> Vec<Resource> {
    fn useful(resources: &[Resource], index: usize) -> bool {
        !resources[index].operations.is_empty()
            || resources[index]
                .children
                .iter()
                .any(|&child| useful(resources, child))
    }
    let keep: Vec<bool> = (0..resources.len())
        .map(|i| useful(&resources, i))
        .collect();
    let mut new_index = vec![None; resources.len()];
    let mut next = 0;
    for (old, kept) in keep.iter().enumerate() {
        if *kept {
            new_index[old] = Some(next);
            next += 1;
        }
    }
    resources
        .into_iter()
        .zip(keep)
        .filter(|(_, kept)| *kept)
        .map(|(mut resource, _)| {
            resource.parent = resource.parent.and_then(|p| new_index[p]);
            resource.children = resource
                .children
                .iter()
                .filter_map(|&c| new_index[c])
                .collect();
            resource
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(handle: &str, accessor: &str, parent: Option<usize>) -> Resource {
        Resource {
            handle: handle.to_owned(),
            module: naming::snake(handle),
            feature: naming::snake(handle).to_kebab_case(),
            accessor: accessor.to_owned(),
            mock_handle: String::new(),
            mock_accessor: String::new(),
            doc: Vec::new(),
            parent,
            scope_params: Vec::new(),
            accessor_param: None,
            children: Vec::new(),
            chain: Vec::new(),
            operations: Vec::new(),
        }
    }

    #[test]
    fn mock_names_avoid_the_mocks_own() {
        let mut resources = vec![
            resource("Verify", "verify", None),
            resource("Verify2", "verify_2", None),
            resource("Things", "things", None),
            resource("ThingVerify", "verify", Some(2)),
            resource("Entry", "client", None),
        ];
        name_mocks(&mut resources);
        let names: Vec<(&str, &str)> = resources
            .iter()
            .map(|r| (r.mock_handle.as_str(), r.mock_accessor.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                // `MockTwilio::verify` keeps its name; the resource's
                // accessor takes the next free one.
                ("VerifyMock", "verify_3"),
                ("Verify2Mock", "verify_2"),
                ("ThingsMock", "things"),
                // Only `MockTwilio`'s own methods are taken, not a handle's.
                ("ThingVerifyMock", "verify"),
                ("EntryMock", "client_2"),
            ]
        );
    }

    #[test]
    fn collection_and_parent_paths() {
        assert_eq!(
            collection_path("/v1/Conversations/{Sid}"),
            "/v1/Conversations"
        );
        assert_eq!(collection_path("/v1/Conversations"), "/v1/Conversations");
        assert_eq!(
            parent_instance_path("/v1/Conversations/{ConversationSid}/Messages").as_deref(),
            Some("/v1/Conversations/{ConversationSid}")
        );
        assert_eq!(parent_instance_path("/v1/Conversations"), None);
    }
}
