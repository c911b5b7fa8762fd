//! Lowering the OpenAPI model into the IR: every name and type decided here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use heck::ToKebabCase;
use openapiv3::{
    AdditionalProperties, IntegerFormat, OpenAPI, Parameter, ParameterSchemaOrContent, ReferenceOr,
    RequestBody, Response, Schema, SchemaKind, StatusCode, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};

use crate::docs;
use crate::error::{Error, Result};
use crate::ir::{
    Api, ChainStep, Enum, Example, HttpMethod, Location, Model, ModelField, Operation, ParamField,
    ParamsStruct, PathArg, PathParam, Resource, ResponseKind, RustType, Setter, Skipped, Variant,
};
use crate::naming::{self, Scope};
use crate::sample;

/// Names the generated crate's root already uses for its runtime.
const RUNTIME_TYPES: &[&str] = &[
    "ApiError",
    "Client",
    "ClientBuilder",
    "Error",
    "Page",
    "ItemStream",
    "PageMeta",
    "Response",
    "StatusCode",
    "HeaderMap",
    "Result",
    "RetryPolicy",
    "DateTime",
    "Utc",
    "BTreeMap",
    "Stream",
    // Private runtime types, names the generated modules import, and the
    // prelude's: a spec type named like one gets a suffix (`String2`).
    "Inner",
    "PageVisitor",
    "Pairs",
    "Request",
    "ToWire",
    "Arc",
    "Context",
    "Cow",
    "DeserializeOwned",
    "Deserialize",
    "Deserializer",
    "Duration",
    "Formatter",
    "FromStr",
    "HeaderName",
    "HeaderValue",
    "Infallible",
    "MapAccess",
    "Method",
    "PhantomData",
    "Pin",
    "Poll",
    "SecondsFormat",
    "Serialize",
    "Serializer",
    "Value",
    "VecDeque",
    "Visitor",
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Display",
    "DoubleEndedIterator",
    "Drop",
    "Eq",
    "Err",
    "ExactSizeIterator",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Hash",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// Options that are not in the spec.
#[derive(Debug, Clone, Default)]
pub struct LowerOptions {
    /// The package name; by default the kebab-cased `info.title`.
    pub crate_name: Option<String>,
}

/// Builds the IR for `spec`, read from `path`.
pub fn lower(path: &Path, spec: &OpenAPI, options: &LowerOptions) -> Result<Api> {
    Lowerer::new(path, spec).run(options)
}

struct Lowerer<'a> {
    path: PathBuf,
    spec: &'a OpenAPI,
    types: Scope,
    /// Component schema name → generated type name, once generated.
    named: BTreeMap<String, String>,
    models: Vec<Model>,
    enums: Vec<Enum>,
    skipped: Vec<Skipped>,
    /// Names of the generated example tests.
    example_tests: Scope,
    /// Enum components that share one type (see [`shared_enum_names`]).
    shared_enums: BTreeMap<String, String>,
    /// Shared enum name → the type generated for it.
    shared_done: BTreeMap<String, String>,
    /// Schema components being lowered, innermost last (to stop on cycles).
    resolving: Vec<String>,
}

/// One operation found in the paths, before grouping into resources.
struct RawOp<'a> {
    path: &'a str,
    pointer: String,
    method: HttpMethod,
    op: &'a openapiv3::Operation,
    path_level: &'a [ReferenceOr<Parameter>],
}

impl<'a> Lowerer<'a> {
    fn new(path: &Path, spec: &'a OpenAPI) -> Self {
        Lowerer {
            path: path.to_owned(),
            spec,
            types: Scope::with_reserved(RUNTIME_TYPES),
            named: BTreeMap::new(),
            models: Vec::new(),
            enums: Vec::new(),
            skipped: Vec::new(),
            resolving: Vec::new(),
            example_tests: Scope::default(),
            shared_enums: shared_enum_names(spec),
            shared_done: BTreeMap::new(),
        }
    }

    fn unsupported(&self, pointer: &str, message: impl Into<String>) -> Error {
        Error::Unsupported {
            path: self.path.clone(),
            pointer: pointer.to_owned(),
            message: message.into(),
        }
    }

    fn run(mut self, options: &LowerOptions) -> Result<Api> {
        let spec = self.spec;
        if spec.paths.paths.is_empty() {
            return Err(self.unsupported(
                "#/paths",
                "the spec has no paths, so there is nothing to generate",
            ));
        }
        let base_url = spec
            .servers
            .first()
            .map(|s| s.url.trim_end_matches('/').to_owned())
            .ok_or_else(|| {
                self.unsupported(
                    "#/servers",
                    "the spec names no server; add a `servers` entry",
                )
            })?;
        let crate_name = options
            .crate_name
            .clone()
            .unwrap_or_else(|| spec.info.title.to_kebab_case());
        if !naming::is_crate_name(&crate_name) {
            return Err(self.unsupported(
                "#/info/title",
                format!(
                    "`{crate_name}` is not a valid crate name; pass --crate-name with a name of ASCII letters, digits, `-` and `_` that starts with a letter and is not a Rust keyword"
                ),
            ));
        }

        let version = naming::crate_version(&spec.info.version).ok_or_else(|| {
            self.unsupported(
                "#/info/version",
                format!(
                    "`version: {}` is not a version Cargo accepts for the generated crate; use MAJOR.MINOR.PATCH, e.g. `1.0.0`",
                    spec.info.version
                ),
            )
        })?;

        let raw_ops = self.collect_operations()?;
        let resources = self.build_resources(&raw_ops)?;

        let mut models = std::mem::take(&mut self.models);
        models.sort_by(|a, b| a.name.cmp(&b.name));
        break_cycles(&mut models);
        let mut enums = std::mem::take(&mut self.enums);
        enums.sort_by(|a, b| a.name.cmp(&b.name));

        Ok(Api {
            lib_name: crate_name.replace('-', "_"),
            crate_name,
            version,
            title: spec.info.title.clone(),
            license: spec
                .info
                .license
                .as_ref()
                .map_or_else(|| "MIT".to_owned(), |l| l.name.clone()),
            repository: spec
                .info
                .extensions
                .get("x-repository")
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            doc: docs::first(&[spec.info.description.as_deref()]),
            base_url,
            resources,
            models,
            enums,
            skipped: self.skipped,
        })
    }

    fn collect_operations(&mut self) -> Result<Vec<RawOp<'a>>> {
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
                    });
                }
            }
        }
        Ok(ops)
    }

    fn build_resources(&mut self, raw_ops: &[RawOp<'a>]) -> Result<Vec<Resource>> {
        // Group by collection path, keeping first-seen order.
        let mut keys: Vec<String> = Vec::new();
        let mut groups: BTreeMap<String, Vec<&RawOp<'a>>> = BTreeMap::new();
        for op in raw_ops {
            let key = collection_path(op.path).to_owned();
            ensure_ancestors(&key, &mut keys);
            groups.entry(key).or_default().push(op);
        }

        let component_types: std::collections::BTreeSet<String> = self
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
        let mut modules = Scope::with_reserved(&["mod"]);
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
            let mut field_names = Scope::with_reserved(&["client", "self"]);
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
            let handle = self.types.pascal(&handle_name);
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
            let mut doc = docs::first(&[first_doc]);
            if doc.is_empty() {
                doc.push(format!("Operations on `{key}`."));
            }

            let index = resources.len();
            index_of.insert(key.clone(), index);
            if let Some(p) = parent {
                resources[p].children.push(index);
            }
            resources.push(Resource {
                module: modules.claim(naming::plain(&naming::snake(&handle)), "_"),
                handle,
                accessor,
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

    fn operation(
        &mut self,
        raw: &RawOp<'a>,
        resource: &Resource,
        methods: &mut Scope,
    ) -> Result<Option<Operation>> {
        let op = raw.op;
        let label = format!("{} {}", raw.method.upper(), raw.path);
        let verb = verb_of(raw);
        let operation_id = op.operation_id.clone().unwrap_or_else(|| {
            // Derived: the verb plus the handle name, e.g. `ListConversations`.
            naming::pascal(&format!("{verb}_{}", resource.handle))
        });

        // Parameters: path-level first, overridden by operation-level.
        let mut params: Vec<(&Parameter, String)> = Vec::new();
        for (i, p) in raw.path_level.iter().enumerate() {
            let pointer = format!("#/paths/{}/parameters/{i}", escape_pointer(raw.path));
            params.push((self.resolve_parameter(p, &pointer)?, pointer));
        }
        for (i, p) in op.parameters.iter().enumerate() {
            let pointer = format!("{}/parameters/{i}", raw.pointer);
            let p = self.resolve_parameter(p, &pointer)?;
            params.retain(|(q, _)| {
                !(q.parameter_data_ref().name == p.parameter_data_ref().name
                    && std::mem::discriminant(*q) == std::mem::discriminant(p))
            });
            params.push((p, pointer));
        }

        // Path parameters in path order.
        let mut path_params = Vec::new();
        let mut path_args = Vec::new();
        let mut arg_scope = Scope::with_reserved(&["self", "params"]);
        for scoped in &resource.scope_params {
            arg_scope.claim(scoped.rust_name.clone(), "_");
        }
        for wire in path_template_params(raw.path) {
            let doc = params
                .iter()
                .find(|(p, _)| {
                    matches!(p, Parameter::Path { .. }) && p.parameter_data_ref().name == wire
                })
                .and_then(|(p, _)| p.parameter_data_ref().description.as_deref())
                .map(docs::lines)
                .unwrap_or_default();
            if let Some(scoped) = resource.scope_params.iter().find(|s| s.wire_name == wire) {
                path_args.push(PathArg {
                    local: segment_local(&scoped.rust_name),
                    source: format!("&self.{}", scoped.rust_name),
                });
            } else {
                let rust_name = arg_scope.snake(wire);
                path_args.push(PathArg {
                    local: segment_local(&rust_name),
                    source: rust_name.clone(),
                });
                path_params.push(PathParam {
                    rust_name,
                    wire_name: wire.to_owned(),
                    placeholder: placeholder(wire),
                    doc,
                });
            }
        }
        distinct_locals(&mut path_args);

        // Non-path parameters: headers, then query, then body.
        let params_name = format!(
            "{}Params",
            naming::bare(&naming::pascal(&operation_id)).trim_end_matches('_')
        );
        let mut fields: Vec<ParamField> = Vec::new();
        let mut field_scope = Scope::with_reserved(&[
            "new",
            "to_headers",
            "to_query",
            "to_form",
            "default",
            "clone",
            "eq",
            "ne",
            "fmt",
        ]);
        for wanted in [Location::Header, Location::Query] {
            for (p, pointer) in &params {
                let location = match p {
                    Parameter::Header { .. } => Location::Header,
                    Parameter::Query { .. } => Location::Query,
                    Parameter::Path { .. } => continue,
                    Parameter::Cookie { .. } => {
                        self.skipped.push(Skipped {
                            operation: label.clone(),
                            reason: format!("cookie parameters are not supported ({pointer})"),
                        });
                        return Ok(None);
                    }
                };
                if location != wanted {
                    continue;
                }
                let data = p.parameter_data_ref();
                let ParameterSchemaOrContent::Schema(schema) = &data.format else {
                    return Err(self.unsupported(
                        pointer,
                        "parameters described by `content` are not supported; use `schema`",
                    ));
                };
                let context = format!("{}_{}", naming::bare(&resource.handle), data.name);
                let ty = self.type_of(schema, &context, pointer)?;
                let ty = self.wire_type(ty);
                fields.push(param_field(
                    &mut field_scope,
                    &data.name,
                    location,
                    ty,
                    docs::first(&[data.description.as_deref()]),
                ));
            }
        }
        if let Some(body) = &op.request_body {
            let pointer = format!("{}/requestBody", raw.pointer);
            let body = self.resolve_request_body(body, &pointer)?;
            let Some(media) = body.content.get("application/x-www-form-urlencoded") else {
                let types: Vec<&str> = body.content.keys().map(String::as_str).collect();
                self.skipped.push(Skipped {
                    operation: label,
                    reason: format!(
                        "request bodies of type {} are not supported yet; only application/x-www-form-urlencoded",
                        types.join(", ")
                    ),
                });
                return Ok(None);
            };
            if let Some(schema) = &media.schema {
                let schema_pointer =
                    format!("{pointer}/content/application~1x-www-form-urlencoded/schema");
                let schema = self.resolve_schema(schema, &schema_pointer)?;
                let properties = object_properties(&schema.schema_kind).ok_or_else(|| {
                    self.unsupported(&schema_pointer, "a form body must be an object schema")
                })?;
                for (name, prop) in properties {
                    let prop_pointer =
                        format!("{schema_pointer}/properties/{}", escape_pointer(name));
                    let prop = prop.clone().unbox();
                    if self
                        .resolve_schema(&prop, &prop_pointer)?
                        .schema_data
                        .read_only
                    {
                        // `readOnly`: sent by the server, never in a request.
                        continue;
                    }
                    let context = format!("{}_{name}", naming::bare(&resource.handle));
                    let ty = self.type_of(&prop, &context, &prop_pointer)?;
                    let ty = self.wire_type(ty);
                    let description = self.description_of(&prop);
                    fields.push(param_field(
                        &mut field_scope,
                        name,
                        Location::Form,
                        ty,
                        docs::first(&[description.as_deref()]),
                    ));
                }
            }
        }
        let method = methods.claim(naming::snake(&verb), "_");
        let mut params = if fields.is_empty() {
            None
        } else {
            let bare_method = naming::bare(&method);
            Some(ParamsStruct {
                doc: vec![format!(
                    "Parameters for [`{handle}::{bare_method}`](crate::{handle}::{bare_method}).",
                    handle = resource.handle
                )],
                name: self.types.claim(params_name, ""),
                fields,
                samples: Vec::new(),
            })
        };

        let response = self.response_of(raw, &operation_id)?;
        let response_examples = if matches!(response, ResponseKind::Empty) {
            Vec::new()
        } else {
            self.success_media(raw).map(examples_of).unwrap_or_default()
        };
        let request_examples = match (&op.request_body, &params) {
            (Some(body), Some(params)) if params.has(Location::Form) => {
                let mut examples = self
                    .resolve_request_body(body, &raw.pointer)
                    .ok()
                    .and_then(|b| b.content.get("application/x-www-form-urlencoded"))
                    .map(examples_of)
                    .unwrap_or_default();
                let declared: Vec<&str> = params
                    .at(Location::Form)
                    .into_iter()
                    .map(|f| f.wire_name.as_str())
                    .collect();
                for example in &mut examples {
                    example.undeclared = undeclared_keys(&example.json, &declared);
                }
                examples
            }
            _ => Vec::new(),
        };
        if let Some(params) = &mut params {
            let items_key = match &response {
                ResponseKind::Page { items_key, .. } => Some(items_key.as_str()),
                _ => None,
            };
            params.samples = sample::samples(
                &params.fields,
                &self.enums,
                &request_examples,
                &response_examples,
                items_key,
            );
        }
        let with_response_method = methods.claim(
            format!(
                "{}_with_response",
                naming::bare(&method).trim_end_matches('_')
            ),
            "_",
        );
        let stream_method = matches!(response, ResponseKind::Page { .. }).then(|| {
            let name = if method == "list" {
                "stream".to_owned()
            } else {
                format!("{}_stream", naming::bare(&method).trim_end_matches('_'))
            };
            methods.claim(name, "_")
        });
        let request_method = stream_method
            .as_ref()
            .map(|_| methods.claim(format!("{}_request", naming::bare(&method)), "_"));
        let example_test = self.example_tests.snake(&operation_id);
        Ok(Some(Operation {
            doc: docs::first(&[op.description.as_deref(), op.summary.as_deref()]),
            operation_id,
            method,
            http_method: raw.method,
            path: raw.path.to_owned(),
            path_format: path_format(raw.path, &path_args),
            path_params,
            path_args,
            params,
            with_response_method,
            stream_method,
            request_method,
            response,
            response_examples,
            request_examples,
            example_test,
        }))
    }

    /// The JSON media type of the first 2xx response, if any.
    fn success_media(&self, raw: &RawOp<'a>) -> Option<&'a openapiv3::MediaType> {
        let (_, response) = raw
            .op
            .responses
            .responses
            .iter()
            .find(|(code, _)| matches!(code, StatusCode::Code(c) if (200..300).contains(c)))?;
        let response = self.resolve_response(response, &raw.pointer).ok()?;
        response
            .content
            .iter()
            .find(|(k, _)| k.starts_with("application/json") || k.ends_with("+json"))
            .map(|(_, media)| media)
    }

    fn response_of(&mut self, raw: &RawOp<'a>, operation_id: &str) -> Result<ResponseKind> {
        let success = raw
            .op
            .responses
            .responses
            .iter()
            .find(|(code, _)| matches!(code, StatusCode::Code(c) if (200..300).contains(c)));
        let Some((code, response)) = success else {
            return Ok(ResponseKind::Empty);
        };
        let pointer = format!("{}/responses/{code}", raw.pointer);
        let response = self.resolve_response(response, &pointer)?;
        let Some((media_type, media)) = response
            .content
            .iter()
            .find(|(k, _)| k.starts_with("application/json") || k.ends_with("+json"))
        else {
            return Ok(ResponseKind::Empty);
        };
        let Some(schema) = &media.schema else {
            return Ok(ResponseKind::Json(RustType::Json));
        };
        let pointer = format!("{pointer}/content/{}/schema", escape_pointer(media_type));
        if let Some((items_key, item)) = self.list_envelope(schema, &pointer)? {
            let context = format!("{operation_id}_item");
            let item = self.type_of(&item, &context, &pointer)?;
            return Ok(ResponseKind::Page { item, items_key });
        }
        let context = format!("{operation_id}_response");
        Ok(ResponseKind::Json(
            self.type_of(schema, &context, &pointer)?,
        ))
    }

    /// Recognizes Twilio's list envelope: `meta` with `next_page_url` and one array.
    fn list_envelope(
        &self,
        schema: &ReferenceOr<Schema>,
        pointer: &str,
    ) -> Result<Option<(String, ReferenceOr<Schema>)>> {
        let schema = self.resolve_schema(schema, pointer)?;
        let Some(properties) = object_properties(&schema.schema_kind) else {
            return Ok(None);
        };
        let Some(meta) = properties.get("meta") else {
            return Ok(None);
        };
        let meta = self.resolve_schema(&meta.clone().unbox(), pointer)?;
        let has_next = object_properties(&meta.schema_kind)
            .is_some_and(|props| props.contains_key("next_page_url"));
        let arrays: Vec<(&String, ReferenceOr<Schema>)> = properties
            .iter()
            .filter(|(k, _)| k.as_str() != "meta")
            .filter_map(|(k, v)| {
                let v = self.resolve_schema(&v.clone().unbox(), pointer).ok()?;
                match &v.schema_kind {
                    SchemaKind::Type(Type::Array(array)) => {
                        array.items.clone().map(|items| (k, items.unbox()))
                    }
                    _ => None,
                }
            })
            .collect();
        if has_next && arrays.len() == 1 && properties.len() == 2 {
            let (key, items) = arrays.into_iter().next().expect("one array");
            Ok(Some((key.clone(), items)))
        } else {
            Ok(None)
        }
    }

    fn resolve_parameter(
        &self,
        p: &'a ReferenceOr<Parameter>,
        pointer: &str,
    ) -> Result<&'a Parameter> {
        match p {
            ReferenceOr::Item(p) => Ok(p),
            ReferenceOr::Reference { reference } => {
                let name = self.component_name(reference, "#/components/parameters/", pointer)?;
                self.spec
                    .components
                    .as_ref()
                    .and_then(|c| c.parameters.get(name))
                    .ok_or_else(|| self.unresolved(reference, pointer))
                    .and_then(|p| match p {
                        ReferenceOr::Item(p) => Ok(p),
                        ReferenceOr::Reference { reference } => Err(self.unsupported(
                            pointer,
                            format!(
                                "a parameter that is itself a `$ref` ({reference}) is not supported"
                            ),
                        )),
                    })
            }
        }
    }

    fn resolve_request_body(
        &self,
        body: &'a ReferenceOr<RequestBody>,
        pointer: &str,
    ) -> Result<&'a RequestBody> {
        match body {
            ReferenceOr::Item(b) => Ok(b),
            ReferenceOr::Reference { reference } => {
                let name =
                    self.component_name(reference, "#/components/requestBodies/", pointer)?;
                match self
                    .spec
                    .components
                    .as_ref()
                    .and_then(|c| c.request_bodies.get(name))
                {
                    Some(ReferenceOr::Item(b)) => Ok(b),
                    _ => Err(self.unresolved(reference, pointer)),
                }
            }
        }
    }

    fn resolve_response(
        &self,
        response: &'a ReferenceOr<Response>,
        pointer: &str,
    ) -> Result<&'a Response> {
        match response {
            ReferenceOr::Item(r) => Ok(r),
            ReferenceOr::Reference { reference } => {
                let name = self.component_name(reference, "#/components/responses/", pointer)?;
                match self
                    .spec
                    .components
                    .as_ref()
                    .and_then(|c| c.responses.get(name))
                {
                    Some(ReferenceOr::Item(r)) => Ok(r),
                    _ => Err(self.unresolved(reference, pointer)),
                }
            }
        }
    }

    /// Follows `$ref`s to a schema, failing on a missing or cyclic chain.
    fn resolve_schema(&self, schema: &ReferenceOr<Schema>, pointer: &str) -> Result<Schema> {
        let mut current = schema.clone();
        let mut seen: Vec<String> = Vec::new();
        loop {
            match current {
                ReferenceOr::Item(s) => return Ok(s),
                ReferenceOr::Reference { reference } => {
                    if seen.contains(&reference) {
                        return Err(self.unsupported(
                            pointer,
                            format!("`$ref` cycle: {} → {reference}", seen.join(" → ")),
                        ));
                    }
                    let name = self.component_name(&reference, "#/components/schemas/", pointer)?;
                    current = self
                        .spec
                        .components
                        .as_ref()
                        .and_then(|c| c.schemas.get(name))
                        .cloned()
                        .ok_or_else(|| self.unresolved(&reference, pointer))?;
                    seen.push(reference);
                }
            }
        }
    }

    fn component_name<'r>(
        &self,
        reference: &'r str,
        prefix: &str,
        pointer: &str,
    ) -> Result<&'r str> {
        reference.strip_prefix(prefix).ok_or_else(|| {
            self.unsupported(
                pointer,
                format!("`$ref: {reference}` must point into `{prefix}` (external references are not supported)"),
            )
        })
    }

    fn unresolved(&self, reference: &str, pointer: &str) -> Error {
        self.unsupported(
            pointer,
            format!("`$ref: {reference}` does not resolve to anything in the spec"),
        )
    }

    /// The type of a header, query or form parameter: what the runtime can
    /// send as `key=value` pairs. Objects and maps have no such form, so they
    /// are sent as JSON text (`serde_json::Value`); lists send each item.
    fn wire_type(&self, ty: RustType) -> RustType {
        match ty {
            RustType::Vec(inner) => RustType::Vec(Box::new(self.wire_type(*inner))),
            RustType::Named(name) if !self.enums.iter().any(|e| e.name == name) => RustType::Json,
            RustType::Map(_) | RustType::Option(_) => RustType::Json,
            other => other,
        }
    }

    fn description_of(&self, schema: &ReferenceOr<Schema>) -> Option<String> {
        match schema {
            ReferenceOr::Item(s) => s.schema_data.description.clone(),
            ReferenceOr::Reference { .. } => None,
        }
    }

    /// The Rust type for a schema, generating models and enums on the way.
    ///
    /// `context` names an inline object or enum (`Conversation_state`).
    fn type_of(
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
                let shared = self.shared_enums.get(&name).cloned();
                if let Some(rust) = shared.as_ref().and_then(|s| self.shared_done.get(s)) {
                    let rust = rust.clone();
                    self.named.insert(name, rust.clone());
                    return Ok(RustType::Named(rust));
                }
                let type_name = shared.clone().unwrap_or_else(|| component_type_name(&name));
                if self.resolving.contains(&name) {
                    // Back at a component still being lowered that has no type
                    // of its own yet (an array of itself, a map, an `allOf`):
                    // its nesting never ends, so values there stay JSON.
                    return Ok(RustType::Json);
                }
                let component_pointer = format!("#/components/schemas/{}", escape_pointer(&name));
                self.resolving.push(name.clone());
                let ty = self.schema_type(&resolved, &type_name, Some(&name), &component_pointer);
                self.resolving.pop();
                if let (Some(shared), Ok(RustType::Named(rust))) = (shared, &ty) {
                    self.shared_done.insert(shared, rust.clone());
                }
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
        let doc = docs::first(&[
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
                    Some("string") => Ok(if any.format.as_deref() == Some("date-time") {
                        RustType::DateTime
                    } else {
                        RustType::String
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
            // Compositions the generator cannot type precisely stay untyped JSON.
            SchemaKind::OneOf { .. }
            | SchemaKind::AnyOf { .. }
            | SchemaKind::AllOf { .. }
            | SchemaKind::Not { .. } => Ok(RustType::Json),
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

    fn enum_type(
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

    fn model_type(
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
            fields.push(ModelField {
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

/// The inline examples of a media type (named ones, then the single `example`).
fn examples_of(media: &openapiv3::MediaType) -> Vec<Example> {
    let mut out: Vec<Example> = media
        .examples
        .iter()
        .filter_map(|(name, example)| {
            let value = example.as_item()?.value.as_ref()?;
            Some(example_text(name, value))
        })
        .collect();
    if let Some(value) = &media.example {
        out.push(example_text("example", value));
    }
    out
}

fn example_text(name: &str, value: &serde_json::Value) -> Example {
    let json = value.to_string();
    let mut hashes = "#".to_owned();
    while json.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    Example {
        name: name.to_owned(),
        json,
        hashes,
        undeclared: Vec::new(),
    }
}

/// The top-level keys of a JSON object example that are not in `declared`.
fn undeclared_keys(json: &str, declared: &[&str]) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(map)) => map
            .keys()
            .filter(|k| !declared.contains(&k.as_str()))
            .cloned()
            .collect(),
        _ => Vec::new(),
    }
}

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

/// Boxes model fields that would make a model contain itself (`Node` with a
/// `parent: Option<Node>`, or `A` holding a `B` holding an `A`), which Rust
/// cannot size. Lists and maps already hold their items on the heap.
fn break_cycles(models: &mut [Model]) {
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

fn param_field(
    scope: &mut Scope,
    wire: &str,
    location: Location,
    ty: RustType,
    doc: Vec<String>,
) -> ParamField {
    let setter = match &ty {
        RustType::String => Setter::Into,
        RustType::Vec(inner) => Setter::IntoIter((**inner).clone()),
        _ => Setter::Plain,
    };
    ParamField {
        rust_name: scope.snake(wire),
        wire_name: wire.to_owned(),
        location,
        ty,
        setter,
        doc,
    }
}

fn object_properties(
    kind: &SchemaKind,
) -> Option<&indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>> {
    match kind {
        SchemaKind::Type(Type::Object(o)) => Some(&o.properties),
        SchemaKind::Any(a) if !a.properties.is_empty() => Some(&a.properties),
        _ => None,
    }
}

/// Twilio names enum components `<resource>_enum_<name>` and repeats the same
/// enum under each resource (`conversation_enum_webhook_enabled_type`,
/// `user_enum_webhook_enabled_type`...). When every component with a given
/// `<name>` lists the same values, they are one concept and share one type
/// named by `<name>` alone (`WebhookEnabledType`). When the values differ
/// between resources (`state`), each keeps its resource prefix, so no type
/// name suggests a sameness that is not there.
fn shared_enum_names(spec: &OpenAPI) -> BTreeMap<String, String> {
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

/// `conversations.v1.conversation` → `conversation`;
/// `conversation_enum_state` → `conversation_state`.
fn component_type_name(name: &str) -> String {
    let last = name.rsplit('.').next().unwrap_or(name);
    last.replace("_enum_", "_")
}

/// The verb an operation performs: from its operationId when it starts with a
/// known verb, else from the method and whether the path names one item.
fn verb_of(op: &RawOp<'_>) -> String {
    const VERBS: &[&str] = &["Create", "Fetch", "Update", "Delete", "List"];
    if let Some(id) = &op.op.operation_id {
        if let Some(verb) = VERBS.iter().find(|v| id.starts_with(**v)) {
            return verb.to_lowercase();
        }
        return naming::snake(id);
    }
    let instance = op.path.ends_with('}');
    match (op.method, instance) {
        (HttpMethod::Get, true) => "fetch",
        (HttpMethod::Get, false) => "list",
        (HttpMethod::Post, false) => "create",
        (HttpMethod::Post | HttpMethod::Put | HttpMethod::Patch, _) => "update",
        (HttpMethod::Delete, _) => "delete",
    }
    .to_owned()
}

fn verb_rank(verb: &str) -> usize {
    ["create", "list", "fetch", "update", "delete"]
        .iter()
        .position(|v| *v == verb)
        .unwrap_or(5)
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

fn path_template_params(path: &str) -> Vec<&str> {
    path.split('/')
        .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
        .collect()
}

/// `/v1/Conversations/{Sid}` → `/v1/Conversations/{sid}`, naming each
/// parameter's local in path order.
fn path_format(path: &str, args: &[PathArg]) -> String {
    let mut locals = args.iter().map(|a| a.local.as_str());
    path.split('/')
        .map(|s| {
            if s.starts_with('{') && s.ends_with('}') {
                format!("{{{}}}", locals.next().unwrap_or_default())
            } else {
                s.replace('{', "{{").replace('}', "}}")
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Makes the segment locals safe: each distinct, none named `params`, and
/// none shadowing an argument a later segment still reads (`type` and
/// `type_segment` would both want `type_segment`). Only such specs get the
/// numbered fallback names.
fn distinct_locals(args: &mut [PathArg]) {
    let clash = args.iter().enumerate().any(|(i, arg)| {
        arg.local == "params"
            || args[..i].iter().any(|a| a.local == arg.local)
            || args[i + 1..].iter().any(|a| a.source == arg.local)
    });
    if clash {
        for (i, arg) in args.iter_mut().enumerate() {
            arg.local = format!("__segment{i}");
        }
    }
}

/// A local for an encoded segment: inline format arguments cannot be raw
/// identifiers, so `r#type` becomes `type_segment`.
fn segment_local(rust_name: &str) -> String {
    match rust_name.strip_prefix("r#") {
        Some(bare) => format!("{bare}_segment"),
        None => rust_name.to_owned(),
    }
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

/// A placeholder value for a path parameter in doc examples:
/// `ConversationSid` → `CONVERSATION_SID`.
fn placeholder(wire_name: &str) -> String {
    naming::bare(&naming::snake(wire_name))
        .trim_end_matches('_')
        .to_ascii_uppercase()
}

/// Escapes a key for a JSON pointer (RFC 6901).
pub(crate) fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn format_strings() {
        let args = [PathArg {
            local: "sid".into(),
            source: "sid".into(),
        }];
        assert_eq!(
            path_format("/v1/Conversations/{Sid}", &args),
            "/v1/Conversations/{sid}"
        );
    }

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
