//! Gathering a spec's [`Facts`]: every `$ref` followed, one-member `allOf`s
//! read as their member, openapiv3's typed and catch-all schemas read alike.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use openapiv3::{
    OpenAPI, Parameter as SpecParameter, ParameterSchemaOrContent, ReferenceOr, RequestBody,
    Response, SchemaKind, StatusCode, Type as SpecType,
};

use super::facts::{
    Body, Facts, JsonRequest, Kind, Location, Method, Operation, OperationKey, Parameter,
    Properties, Property, PropertyPath, Responses, Type, Upload,
};
use crate::error::{Error, Result};
use crate::ir::is_binary;
use crate::lower::is_json;

mod schemas;
mod unions;

use schemas::{SchemaRef, Walk};

/// Reads the spec at `path` as `cargo xtask generate` does (YAML or JSON,
/// OpenAPI 3.0.x only, the same errors) and gathers its facts.
pub fn facts_of(path: &Path) -> Result<Facts> {
    let spec = crate::load::read(path)?;
    facts_of_spec(path, &spec)
}

/// The facts of a parsed spec; `path` names it in errors.
pub fn facts_of_spec(path: &Path, spec: &OpenAPI) -> Result<Facts> {
    let reader = Reader {
        path: path.to_owned(),
        spec,
    };
    reader.facts()
}

struct Reader<'a> {
    path: PathBuf,
    spec: &'a OpenAPI,
}

impl<'a> Reader<'a> {
    fn error(&self, pointer: &str, message: impl Into<String>) -> Error {
        Error::Unsupported {
            path: self.path.clone(),
            pointer: pointer.to_owned(),
            message: message.into(),
        }
    }

    fn facts(&self) -> Result<Facts> {
        let servers = urls(&self.spec.servers);
        let mut operations = BTreeMap::new();
        let mut hosts = BTreeSet::new();
        for (path, item) in &self.spec.paths.paths {
            let pointer = format!("#/paths/{}", escape(path));
            let item = match item {
                ReferenceOr::Item(item) => item,
                ReferenceOr::Reference { reference } => {
                    return Err(self.error(
                        &pointer,
                        format!("path item references (`$ref: {reference}`) cannot be compared; write the path item inline"),
                    ));
                }
            };
            let methods = [
                (Method::Get, &item.get),
                (Method::Put, &item.put),
                (Method::Post, &item.post),
                (Method::Delete, &item.delete),
                (Method::Options, &item.options),
                (Method::Head, &item.head),
                (Method::Patch, &item.patch),
                (Method::Trace, &item.trace),
            ];
            for (method, op) in methods {
                let Some(op) = op else { continue };
                let op_pointer = format!("{pointer}/{}", method.to_string().to_lowercase());
                let effective = if !op.servers.is_empty() {
                    urls(&op.servers)
                } else if !item.servers.is_empty() {
                    urls(&item.servers)
                } else {
                    servers.clone()
                };
                // The generator's methods, each sent to the first server named.
                let generated = matches!(
                    method,
                    Method::Get | Method::Post | Method::Put | Method::Patch | Method::Delete
                );
                let named = if op.servers.is_empty() {
                    &item.servers
                } else {
                    &op.servers
                };
                if let Some(host) = urls(named).into_iter().next() {
                    if generated && Some(&host) != servers.first() {
                        hosts.insert(host);
                    }
                }
                let sent = self.request(op, &op_pointer)?;
                let facts = Operation {
                    operation_id: op.operation_id.clone(),
                    servers: (effective != servers).then_some(effective),
                    parameters: self.parameters(path, item, op, &op_pointer)?,
                    request: sent.json,
                    upload: sent.upload,
                    multipart: sent.multipart,
                    responses: self.responses(op, &op_pointer)?,
                };
                operations.insert(OperationKey::new(method, path.clone()), facts);
            }
        }
        Ok(Facts {
            servers,
            hosts,
            operations,
        })
    }

    fn parameters(
        &self,
        path: &str,
        item: &'a openapiv3::PathItem,
        op: &'a openapiv3::Operation,
        pointer: &str,
    ) -> Result<BTreeMap<String, Parameter>> {
        // (name, location, facts), path-level first, replaced by operation-level.
        let mut found: Vec<(String, Parameter)> = Vec::new();
        let path_level = item
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, format!("#/paths/{}/parameters/{i}", escape(path))));
        let op_level = op
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, format!("{pointer}/parameters/{i}")));
        for (parameter, at) in path_level.chain(op_level) {
            let parameter = self.parameter(parameter, &at)?;
            let (name, facts) = self.parameter_facts(parameter, &at)?;
            found.retain(|(n, p)| !(*n == name && p.location == facts.location));
            found.push((name, facts));
        }
        if let Some(body) = &op.request_body {
            let at = format!("{pointer}/requestBody");
            let body = self.request_body(body, &at)?;
            let schema = body
                .content
                .get("application/x-www-form-urlencoded")
                .and_then(|media| media.schema.as_ref());
            if let Some(schema) = schema {
                let at = format!("{at}/content/application~1x-www-form-urlencoded/schema");
                let mut walk = Walk::at(at.clone());
                if let Some(form) = self.resolve(schema.into(), &walk)?.schema() {
                    walk.stack.extend(form.components.iter().copied());
                    let view = self.view(form.schema, &mut walk)?;
                    for (name, field) in view.properties.into_iter().flatten() {
                        walk.pointer = format!("{at}/properties/{}", escape(name));
                        let (ty, maximum) = match self.resolve(field.into(), &walk)?.schema() {
                            Some(field) if field.schema.schema_data.read_only => {
                                // Sent by the server only; the generator leaves it out.
                                continue;
                            }
                            Some(field) => {
                                let field = self.view(field.schema, &mut walk)?;
                                (field.ty, field.maximum)
                            }
                            None => (Type::of(Kind::Recursive), None),
                        };
                        found.push((
                            name.clone(),
                            Parameter {
                                location: Location::Body,
                                required: view.required.contains(name),
                                ty,
                                maximum,
                            },
                        ));
                    }
                }
            }
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (name, _) in &found {
            *counts.entry(name).or_default() += 1;
        }
        let mut parameters = BTreeMap::new();
        for (name, facts) in &found {
            let key = if counts[name.as_str()] > 1 {
                format!("{name} ({})", facts.location)
            } else {
                name.clone()
            };
            parameters.insert(key, facts.clone());
        }
        Ok(parameters)
    }

    /// What the request body is, by the generator's rule: a form (its
    /// fields are parameters), else the first `application/json` or `+json`
    /// content, else every other media type but multipart, sent as it is;
    /// with none of those the generator skips the operation.
    fn request(&self, op: &'a openapiv3::Operation, pointer: &str) -> Result<Sent> {
        let mut sent = Sent::default();
        let Some(body) = &op.request_body else {
            return Ok(sent);
        };
        let at = format!("{pointer}/requestBody");
        let body = self.request_body(body, &at)?;
        if body
            .content
            .contains_key("application/x-www-form-urlencoded")
        {
            return Ok(sent);
        }
        if let Some((media_type, media)) = body.content.iter().find(|(k, _)| is_json(k)) {
            sent.json = Some(self.json_request(media_type, media, &at)?);
            return Ok(sent);
        }
        let mut upload: Option<Upload> = None;
        for (media_type, media) in body.content.iter().filter(|(k, _)| is_binary(k)) {
            let upload = upload.get_or_insert_with(|| Upload {
                media_types: BTreeSet::new(),
                max_len: None,
            });
            upload.media_types.insert(media_type.clone());
            let Some(schema) = &media.schema else {
                continue;
            };
            let at = format!("{at}/content/{}/schema", escape(media_type));
            if let SchemaKind::Type(SpecType::String(s)) = &self.by_refs(schema, &at)?.schema_kind {
                upload.max_len = upload.max_len.or(s.max_length.map(|n| n as u64));
            }
        }
        if upload.is_some() {
            sent.upload = upload;
        } else {
            sent.multipart = Some(body.content.keys().cloned().collect());
        }
        Ok(sent)
    }

    /// A JSON request body of `media_type`.
    fn json_request(
        &self,
        media_type: &str,
        media: &'a openapiv3::MediaType,
        at: &str,
    ) -> Result<JsonRequest> {
        let mut properties = Properties::new();
        match &media.schema {
            Some(schema) => {
                let mut walk = Walk::at(format!("{at}/content/{}/schema", escape(media_type)));
                self.flatten(
                    schema.into(),
                    PropertyPath::default(),
                    true,
                    &mut properties,
                    &mut walk,
                )?;
            }
            None => {
                properties.insert(
                    PropertyPath::default(),
                    Property {
                        ty: Type::of(Kind::Any),
                        nullable: false,
                        required: true,
                    },
                );
            }
        }
        Ok(JsonRequest {
            media_type: media_type.to_owned(),
            properties,
        })
    }

    fn parameter_facts(
        &self,
        parameter: &'a SpecParameter,
        pointer: &str,
    ) -> Result<(String, Parameter)> {
        let location = match parameter {
            SpecParameter::Path { .. } => Location::Path,
            SpecParameter::Query { .. } => Location::Query,
            SpecParameter::Header { .. } => Location::Header,
            SpecParameter::Cookie { .. } => Location::Cookie,
        };
        let data = parameter.parameter_data_ref();
        let (schema, at) = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                (Some(SchemaRef::from(schema)), format!("{pointer}/schema"))
            }
            ParameterSchemaOrContent::Content(content) => (
                content
                    .values()
                    .next()
                    .and_then(|media| media.schema.as_ref())
                    .map(SchemaRef::from),
                format!("{pointer}/content"),
            ),
        };
        let mut walk = Walk::at(at);
        let resolved = match schema {
            Some(schema) => self.resolve(schema, &walk)?.schema(),
            None => None,
        };
        let (ty, maximum) = match resolved {
            Some(resolved) => {
                let view = self.view(resolved.schema, &mut walk)?;
                (view.ty, view.maximum)
            }
            None => (Type::of(Kind::Any), None),
        };
        Ok((
            data.name.clone(),
            Parameter {
                location,
                required: data.required || location == Location::Path,
                ty,
                maximum,
            },
        ))
    }

    fn responses(&self, op: &'a openapiv3::Operation, pointer: &str) -> Result<Responses> {
        let mut codes: BTreeSet<String> = op
            .responses
            .responses
            .keys()
            .map(StatusCode::to_string)
            .collect();
        if op.responses.default.is_some() {
            codes.insert("default".to_owned());
        }
        let success = op
            .responses
            .responses
            .iter()
            .find_map(|(code, response)| match code {
                StatusCode::Code(c) if (200..300).contains(c) => Some((*c, response)),
                _ => None,
            });
        let Some((code, response)) = success else {
            // Only a redirect (to a file, as download links answer): the
            // client follows it and reads what it finds as bytes.
            let redirects = op
                .responses
                .responses
                .keys()
                .any(|code| matches!(code, StatusCode::Code(301 | 302 | 303 | 307 | 308)));
            return Ok(Responses {
                codes,
                success: None,
                body: if redirects { Body::Binary } else { Body::Empty },
                accept: None,
            });
        };
        let at = format!("{pointer}/responses/{code}");
        let response = self.response(response, &at)?;
        let media = response.content.iter().find(|(k, _)| is_json(k));
        let binary: Vec<&str> = response
            .content
            .keys()
            .map(String::as_str)
            .filter(|k| is_binary(k))
            .collect();
        let accept = match media {
            Some((key, _)) => (key != "application/json").then(|| key.clone()),
            None => (!binary.is_empty()).then(|| binary.join(", ")),
        };
        let body = match media {
            None if !binary.is_empty() => Body::Binary,
            None => Body::Empty,
            Some((_, media)) if media.schema.is_none() => Body::Json(Properties::from([(
                PropertyPath::default(),
                Property {
                    ty: Type::of(Kind::Any),
                    nullable: false,
                    required: true,
                },
            )])),
            Some((key, media)) => {
                let schema = media.schema.as_ref().map(SchemaRef::from);
                let mut walk = Walk::at(format!("{at}/content/{}/schema", escape(key)));
                match schema {
                    Some(schema) => self.body(schema, &mut walk)?,
                    None => Body::Empty,
                }
            }
        };
        Ok(Responses {
            codes,
            success: Some(code),
            body,
            accept,
        })
    }

    /// A JSON body: Twilio's list envelope, or any other value.
    fn body(&self, schema: SchemaRef<'a>, walk: &mut Walk<'a>) -> Result<Body> {
        if let Some(page) = self.page(schema, walk)? {
            return Ok(page);
        }
        let mut properties = Properties::new();
        self.flatten(schema, PropertyPath::default(), true, &mut properties, walk)?;
        Ok(Body::Json(properties))
    }

    /// The list envelope, recognized as the generator does: an object with
    /// `meta` (an object with `next_page_url`) and exactly one array with
    /// `items` among its other properties.
    fn page(&self, schema: SchemaRef<'a>, walk: &mut Walk<'a>) -> Result<Option<Body>> {
        let root = walk.pointer.clone();
        let Some(envelope) = self.resolve(schema, walk)?.schema() else {
            return Ok(None);
        };
        let view = self.view(envelope.schema, walk)?;
        let Some(properties) = view.properties else {
            return Ok(None);
        };
        let Some(meta) = properties.get("meta") else {
            return Ok(None);
        };
        // The one array beside `meta`; other properties are not the page's.
        let mut arrays = Vec::new();
        for (key, property) in properties.iter().filter(|(k, _)| k.as_str() != "meta") {
            walk.pointer = format!("{root}/properties/{}", escape(key));
            if let Some(found) = self.resolve(property.into(), walk)?.schema() {
                if self.view(found.schema, walk)?.ty.kind == Kind::Array {
                    arrays.push((key, property));
                }
            }
        }
        walk.pointer = root.clone();
        let [(items_key, array)] = arrays[..] else {
            return Ok(None);
        };
        let meta_pointer = format!("{root}/properties/meta");
        let array_pointer = format!("{root}/properties/{}", escape(items_key));
        walk.stack.extend(envelope.components.iter().copied());
        walk.pointer = meta_pointer.clone();
        let has_next = match self.resolve(meta.into(), walk)?.schema() {
            Some(meta) => self
                .view(meta.schema, walk)?
                .properties
                .is_some_and(|p| p.contains_key("next_page_url")),
            None => false,
        };
        walk.pointer = array_pointer.clone();
        let items = match self.resolve(array.into(), walk)?.schema() {
            Some(array) if has_next => {
                let view = self.view(array.schema, walk)?;
                view.items.filter(|_| view.ty.kind == Kind::Array)
            }
            _ => None,
        };
        let Some(items) = items else {
            walk.stack
                .truncate(walk.stack.len() - envelope.components.len());
            walk.pointer = root;
            return Ok(None);
        };
        let mut item = Properties::new();
        walk.pointer = format!("{array_pointer}/items");
        self.flatten(items.into(), PropertyPath::default(), true, &mut item, walk)?;
        let mut meta_properties = Properties::new();
        walk.pointer = meta_pointer;
        self.flatten(
            meta.into(),
            PropertyPath::default(),
            true,
            &mut meta_properties,
            walk,
        )?;
        walk.stack
            .truncate(walk.stack.len() - envelope.components.len());
        walk.pointer = root;
        Ok(Some(Body::Page {
            items_key: items_key.clone(),
            item,
            meta: meta_properties,
        }))
    }

    fn parameter(
        &self,
        parameter: &'a ReferenceOr<SpecParameter>,
        pointer: &str,
    ) -> Result<&'a SpecParameter> {
        match parameter {
            ReferenceOr::Item(p) => Ok(p),
            ReferenceOr::Reference { reference } => {
                let name = self.component_name(reference, "#/components/parameters/", pointer)?;
                match self.spec.components.as_ref().and_then(|c| c.parameters.get(&name)) {
                    Some(ReferenceOr::Item(p)) => Ok(p),
                    Some(ReferenceOr::Reference { reference: next }) => Err(self.error(
                        pointer,
                        format!("`$ref: {reference}` leads to another `$ref` ({next}); point at the parameter itself"),
                    )),
                    None => Err(self.unresolved(reference, pointer)),
                }
            }
        }
    }

    fn request_body(
        &self,
        body: &'a ReferenceOr<RequestBody>,
        pointer: &str,
    ) -> Result<&'a RequestBody> {
        match body {
            ReferenceOr::Item(b) => Ok(b),
            ReferenceOr::Reference { reference } => {
                let name =
                    self.component_name(reference, "#/components/requestBodies/", pointer)?;
                match self.spec.components.as_ref().and_then(|c| c.request_bodies.get(&name)) {
                    Some(ReferenceOr::Item(b)) => Ok(b),
                    Some(ReferenceOr::Reference { reference: next }) => Err(self.error(
                        pointer,
                        format!("`$ref: {reference}` leads to another `$ref` ({next}); point at the request body itself"),
                    )),
                    None => Err(self.unresolved(reference, pointer)),
                }
            }
        }
    }

    fn response(&self, response: &'a ReferenceOr<Response>, pointer: &str) -> Result<&'a Response> {
        match response {
            ReferenceOr::Item(r) => Ok(r),
            ReferenceOr::Reference { reference } => {
                let name = self.component_name(reference, "#/components/responses/", pointer)?;
                match self.spec.components.as_ref().and_then(|c| c.responses.get(&name)) {
                    Some(ReferenceOr::Item(r)) => Ok(r),
                    Some(ReferenceOr::Reference { reference: next }) => Err(self.error(
                        pointer,
                        format!("`$ref: {reference}` leads to another `$ref` ({next}); point at the response itself"),
                    )),
                    None => Err(self.unresolved(reference, pointer)),
                }
            }
        }
    }

    /// The component a local reference names, JSON-pointer escapes undone.
    fn component_name(&self, reference: &str, prefix: &str, pointer: &str) -> Result<String> {
        let name = reference.strip_prefix(prefix).ok_or_else(|| {
            self.error(
                pointer,
                format!("`$ref: {reference}` must point into `{prefix}` (external references are not supported)"),
            )
        })?;
        Ok(name.replace("~1", "/").replace("~0", "~"))
    }

    fn unresolved(&self, reference: &str, pointer: &str) -> Error {
        self.error(
            pointer,
            format!("`$ref: {reference}` does not resolve to anything in the spec"),
        )
    }
}

/// What a request body is sent as (a form's fields are parameters).
#[derive(Default)]
struct Sent {
    json: Option<JsonRequest>,
    upload: Option<Upload>,
    multipart: Option<BTreeSet<String>>,
}

fn urls(servers: &[openapiv3::Server]) -> Vec<String> {
    servers
        .iter()
        .map(|s| s.url.trim_end_matches('/').to_owned())
        .collect()
}

/// A JSON pointer token: `~` and `/` escaped.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
