//! Operations and their parameters: method names, path arguments, and the
//! header and query fields of the params struct.

use openapiv3::{Parameter, ParameterSchemaOrContent};

use super::bodies::Body;
use super::resources::RawOp;
use super::{Lowerer, escape_pointer, pii};
use crate::docs;
use crate::error::Result;
use crate::ir::{
    HttpMethod, Location, Operation, ParamField, ParamsStruct, PathArg, PathParam, Resource,
    ResponseKind, RustType, Setter, SkipReason, Skipped,
};
use crate::naming::{self, Rank, Scope};

impl<'a> Lowerer<'a> {
    /// The operation `raw` on `resource`, its method named in `methods`;
    /// `None` when it cannot be generated (recorded in `skipped`).
    pub(super) fn operation(
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

        let params = self.parameters(raw)?;
        let (path_params, path_args) = path_parameters(raw.path, &params, resource);

        // Non-path parameters: headers, then query, then body.
        let params_name = format!(
            "{}Params",
            naming::bare(&naming::pascal(&operation_id)).trim_end_matches('_')
        );
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
        // Each field with its place in the spec: the parameter's index, or
        // for a body property, its index after every parameter.
        let Some(mut fields) =
            self.header_query_fields(&params, &operation_id, &label, &mut field_scope)?
        else {
            return Ok(None);
        };
        let mut body = None;
        let mut upload = None;
        if let Some(request_body) = &op.request_body {
            match self.request_body(request_body, raw, &operation_id, &label, &mut field_scope)? {
                Some(Body::Form(form)) => {
                    fields.extend(form.into_iter().map(|(i, f)| (params.len() + i, f)));
                }
                Some(Body::Json(json)) => body = Some(json),
                Some(Body::Binary(binary)) => upload = Some(binary),
                None => return Ok(None),
            }
        }
        let method = methods.claim(naming::snake(&verb), "_");
        let constructor = constructor_order(&fields);
        let mut params = if fields.is_empty() {
            None
        } else {
            let fields: Vec<ParamField> = fields.into_iter().map(|(_, f)| f).collect();
            Some(ParamsStruct {
                doc: params_doc(&resource.handle, &method, &fields, &constructor),
                name: self.types.name(&params_name, Rank::Derived),
                fields,
                constructor,
                sample_args: Vec::new(),
                samples: Vec::new(),
            })
        };

        let response = self.response_of(raw, &operation_id)?;
        let success_status = success_status(raw);
        let (response_examples, request_examples, body_examples, request_example_others);
        if self.survey {
            // Neither names nor fails: left to the full run.
            (response_examples, request_examples, body_examples) = Default::default();
            request_example_others = String::new();
        } else {
            if let Some(params) = &mut params {
                self.inherit_pii(params, &response);
            }
            response_examples = self.response_examples(raw, &response);
            request_examples = self.request_examples(raw, params.as_ref());
            body_examples = self.body_examples(raw, body.as_ref());
            request_example_others = self.request_example_others(params.as_ref());
            if let Some(params) = &mut params {
                self.add_samples(params, &request_examples, &response_examples, &response);
            }
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
        let request_method = methods.claim(
            format!("{}_request", naming::bare(&method).trim_end_matches('_')),
            "_",
        );
        let example_test = self.example_tests.snake(&operation_id);
        Ok(Some(Operation {
            doc: self.doc(&[op.description.as_deref(), op.summary.as_deref()]),
            operation_id,
            method,
            http_method: raw.method,
            path: raw.path.to_owned(),
            path_format: path_format(raw.path, &path_args),
            path_params,
            path_args,
            params,
            accept: self.accept_of(raw),
            body,
            body_examples,
            with_response_method,
            stream_method,
            request_method,
            response,
            success_status,
            response_examples,
            request_examples,
            request_example_others,
            example_test,
            upload,
            host: self.host_of(raw),
        }))
    }

    /// The index in `hosts` of the server `raw` names, when it names one
    /// other than the spec's own (OpenAPI's path- and operation-level
    /// `servers`: the first one, as for the spec's).
    fn host_of(&mut self, raw: &RawOp<'a>) -> Option<usize> {
        let url = raw.servers.first()?.url.trim_end_matches('/');
        if self.default_host.as_deref() == Some(url) {
            return None;
        }
        Some(match self.hosts.iter().position(|h| h == url) {
            Some(i) => i,
            None => {
                self.hosts.push(url.to_owned());
                self.hosts.len() - 1
            }
        })
    }

    /// The operation's parameters with their pointers: path-level first,
    /// overridden by operation-level ones of the same name and location.
    fn parameters(&self, raw: &RawOp<'a>) -> Result<Vec<(&'a Parameter, String)>> {
        let mut params: Vec<(&Parameter, String)> = Vec::new();
        for (i, p) in raw.path_level.iter().enumerate() {
            let pointer = format!("#/paths/{}/parameters/{i}", escape_pointer(raw.path));
            params.push((self.resolve_parameter(p, &pointer)?, pointer));
        }
        for (i, p) in raw.op.parameters.iter().enumerate() {
            let pointer = format!("{}/parameters/{i}", raw.pointer);
            let p = self.resolve_parameter(p, &pointer)?;
            params.retain(|(q, _)| {
                !(q.parameter_data_ref().name == p.parameter_data_ref().name
                    && std::mem::discriminant(*q) == std::mem::discriminant(p))
            });
            params.push((p, pointer));
        }
        Ok(params)
    }

    /// The header fields, then the query fields, each in spec order and
    /// with its index in `params`; `None` (and the operation recorded as
    /// skipped) if it takes a cookie.
    fn header_query_fields(
        &mut self,
        params: &[(&Parameter, String)],
        operation_id: &str,
        label: &str,
        field_scope: &mut Scope,
    ) -> Result<Option<Vec<(usize, ParamField)>>> {
        let mut fields = Vec::new();
        for wanted in [Location::Header, Location::Query] {
            for (index, (p, pointer)) in params.iter().enumerate() {
                let location = match p {
                    Parameter::Header { .. } => Location::Header,
                    Parameter::Query { .. } => Location::Query,
                    Parameter::Path { .. } => continue,
                    Parameter::Cookie { .. } => {
                        self.skipped.push(Skipped {
                            operation: label.to_owned(),
                            reason: SkipReason::Cookie(pointer.clone()),
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
                // An inline schema is named from its operation's identity:
                // two operations of one resource with a same-named
                // parameter never compete for one name.
                let context = format!("{operation_id}_{}", data.name);
                let ty = self.type_of(schema, &context, pointer)?;
                let ty = self.wire_type(ty);
                let mark = pii::mark_in(&data.extensions).or_else(|| self.schema_mark(schema));
                fields.push((
                    index,
                    param_field(
                        field_scope,
                        &data.name,
                        location,
                        ty,
                        data.required,
                        self.doc(&[data.description.as_deref()]),
                        mark,
                    ),
                ));
            }
        }
        Ok(Some(fields))
    }

    /// The type of a header, query or form parameter: what the runtime can
    /// send as `key=value` pairs. Objects and maps have no such form, so they
    /// are sent as JSON text (`serde_json::Value`); lists send each item.
    pub(super) fn wire_type(&self, ty: RustType) -> RustType {
        match ty {
            RustType::Vec(inner) => RustType::Vec(Box::new(self.wire_type(*inner))),
            RustType::Named(name) if !self.enums.iter().any(|e| e.name == name) => RustType::Json,
            RustType::Map(_) | RustType::Option(_) => RustType::Json,
            other => other,
        }
    }
}

/// The path parameters the method takes (those the handle does not carry),
/// and every path parameter's segment local and source, in path order.
fn path_parameters(
    path: &str,
    params: &[(&Parameter, String)],
    resource: &Resource,
) -> (Vec<PathParam>, Vec<PathArg>) {
    let mut path_params = Vec::new();
    let mut path_args = Vec::new();
    let mut arg_scope = Scope::with_reserved(&["self", "params"]);
    for scoped in &resource.scope_params {
        arg_scope.claim(scoped.rust_name.clone(), "_");
    }
    for wire in path_template_params(path) {
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
    (path_params, path_args)
}

/// The first 2xx status the operation documents; 200 when there is none.
fn success_status(raw: &RawOp<'_>) -> u16 {
    raw.op
        .responses
        .responses
        .keys()
        .find_map(|code| match code {
            openapiv3::StatusCode::Code(c) if (200..300).contains(c) => Some(*c),
            _ => None,
        })
        .unwrap_or(200)
}

/// A params struct field named in `scope`, with the setter its type takes.
pub(super) fn param_field(
    scope: &mut Scope,
    wire: &str,
    location: Location,
    ty: RustType,
    required: bool,
    doc: Vec<String>,
    mark: Option<pii::Mark>,
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
        required,
        setter,
        doc,
        pii: mark.as_ref().map(|m| m.pii),
        pii_doc: mark
            .map(|m| pii::pii_doc(m.pii, &m.handling, None))
            .unwrap_or_default(),
    }
}

/// The doc of the params struct for `handle`'s `method`, naming what `new`
/// takes when something is required.
fn params_doc(
    handle: &str,
    method: &str,
    fields: &[ParamField],
    constructor: &[usize],
) -> Vec<String> {
    let bare_method = naming::bare(method);
    let mut doc = vec![format!(
        "Parameters for [`{handle}::{bare_method}`](crate::{handle}::{bare_method})."
    )];
    let required: Vec<String> = constructor
        .iter()
        .filter_map(|&i| fields.get(i))
        .map(|f| format!("`{}`", naming::bare(&f.rust_name)))
        .collect();
    if !required.is_empty() {
        doc.push(String::new());
        doc.push(format!(
            "Required, so taken by `new` (in this order) and always sent: {}. Every field has a setter; an optional field left unset is not sent.",
            docs::list(&required)
        ));
    }
    doc
}

/// The constructor's arguments: the indices of the required `fields`,
/// ordered by their place in the spec.
fn constructor_order(fields: &[(usize, ParamField)]) -> Vec<usize> {
    let mut required: Vec<(usize, usize)> = fields
        .iter()
        .enumerate()
        .filter(|(_, (_, field))| field.required)
        .map(|(index, (place, _))| (*place, index))
        .collect();
    required.sort();
    required.into_iter().map(|(_, index)| index).collect()
}

/// The verb an operation performs: from its operationId when it starts with a
/// known verb, else from the method and whether the path names one item.
pub(super) fn verb_of(op: &RawOp<'_>) -> String {
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

/// Where a verb's method comes in its handle: create, list, fetch, update,
/// delete, then the others.
pub(super) fn verb_rank(verb: &str) -> usize {
    ["create", "list", "fetch", "update", "delete"]
        .iter()
        .position(|v| *v == verb)
        .unwrap_or(5)
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

/// A placeholder value for a path parameter in doc examples:
/// `ConversationSid` → `CONVERSATION_SID`.
pub(super) fn placeholder(wire_name: &str) -> String {
    naming::bare(&naming::snake(wire_name))
        .trim_end_matches('_')
        .to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
