//! Request bodies: which media type is sent, the params struct fields a
//! form body becomes, and the type a JSON body is encoded from.
//!
//! A form (`application/x-www-form-urlencoded`) is preferred where the spec
//! offers one, as Twilio's APIs do; otherwise `application/json` or any
//! `+json` type is sent as JSON. Any other media type but multipart is sent
//! as it is, from bytes, a file or a stream (`octet-stream`, `image/*`,
//! `*/*`...); a multipart-only body is skipped, and named.

use openapiv3::{MediaType, ReferenceOr, RequestBody, SchemaKind, Type};

use super::operations::param_field;
use super::resources::RawOp;
use super::types::{object_properties, object_required};
use super::{Lowerer, escape_pointer};
use crate::error::Result;
use crate::ir::{
    BinaryBody, JsonBody, Location, ParamField, RustType, SkipReason, Skipped, is_binary,
};
use crate::naming::Scope;

/// The media type of the form bodies the client sends.
pub(super) const FORM: &str = "application/x-www-form-urlencoded";

/// Whether `media_type` is JSON: `application/json` or a `+json` type,
/// parameters (`; charset=utf-8`) aside.
pub(crate) fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or("").trim();
    essence.eq_ignore_ascii_case("application/json") || essence.ends_with("+json")
}

/// What an operation's request body becomes.
pub(super) enum Body {
    /// Form fields of the params struct, each with its property's index.
    Form(Vec<(usize, ParamField)>),
    /// A JSON document, the method's own `body` argument.
    Json(JsonBody),
    /// Bytes sent as they are: the method's own `body` argument.
    Binary(BinaryBody),
}

impl<'a> Lowerer<'a> {
    /// What the request body of `raw` becomes; `None` (and the operation
    /// recorded as skipped) when it is neither a form nor JSON.
    pub(super) fn request_body(
        &mut self,
        body: &'a ReferenceOr<RequestBody>,
        raw: &RawOp<'a>,
        operation_id: &str,
        label: &str,
        field_scope: &mut Scope,
    ) -> Result<Option<Body>> {
        let pointer = format!("{}/requestBody", raw.pointer);
        let body = self.resolve_request_body(body, &pointer)?;
        if let Some(media) = body.content.get(FORM) {
            let fields = self.form_fields(media, &pointer, operation_id, field_scope)?;
            return Ok(Some(Body::Form(fields)));
        }
        if let Some((media_type, media)) = body.content.iter().find(|(k, _)| is_json(k)) {
            let body = self.json_body(media_type, media, &pointer, operation_id)?;
            return Ok(Some(Body::Json(body)));
        }
        let binary: Vec<(&String, &MediaType)> =
            body.content.iter().filter(|(k, _)| is_binary(k)).collect();
        if !binary.is_empty() {
            let mut max_len = None;
            for (media_type, media) in &binary {
                let Some(schema) = &media.schema else {
                    continue;
                };
                let schema_pointer =
                    format!("{pointer}/content/{}/schema", escape_pointer(media_type));
                let schema = self.resolve_schema(schema, &schema_pointer)?;
                if let SchemaKind::Type(Type::String(s)) = &schema.schema_kind {
                    max_len = max_len.or(s.max_length.map(|n| n as u64));
                }
            }
            return Ok(Some(Body::Binary(BinaryBody {
                media_types: binary.iter().map(|(k, _)| (*k).clone()).collect(),
                max_len,
            })));
        }
        // Only multipart is left: a named skip.
        self.skipped.push(Skipped {
            operation: label.to_owned(),
            reason: SkipReason::Body(body.content.keys().cloned().collect()),
        });
        Ok(None)
    }

    /// The JSON body of `media`: the type it is encoded from, named (when
    /// the schema is inline) after the operation, e.g. `PatchTemplateRequest`.
    fn json_body(
        &mut self,
        media_type: &str,
        media: &MediaType,
        pointer: &str,
        operation_id: &str,
    ) -> Result<JsonBody> {
        let ty = match &media.schema {
            Some(schema) => {
                let pointer = format!("{pointer}/content/{}/schema", escape_pointer(media_type));
                self.type_of(schema, &format!("{operation_id}_request"), &pointer)?
            }
            None => RustType::Json,
        };
        let arg_type = match &ty {
            RustType::Vec(item) => format!("&[{item}]"),
            RustType::String => "&str".to_owned(),
            other => format!("&{other}"),
        };
        Ok(JsonBody {
            content_type: media_type.to_owned(),
            ty,
            arg_type,
            sample: Vec::new(),
        })
    }

    /// The form fields of a form body, in spec order, each with its
    /// property's index, named in `field_scope`.
    ///
    /// A property the schema lists in `required` is a required field, also
    /// when the body itself is optional: a form body without it is refused.
    fn form_fields(
        &mut self,
        media: &MediaType,
        pointer: &str,
        operation_id: &str,
        field_scope: &mut Scope,
    ) -> Result<Vec<(usize, ParamField)>> {
        let mut fields = Vec::new();
        let Some(schema) = &media.schema else {
            return Ok(fields);
        };
        let schema_pointer = format!("{pointer}/content/{}/schema", escape_pointer(FORM));
        let schema = self.resolve_schema(schema, &schema_pointer)?;
        let properties = object_properties(&schema.schema_kind).ok_or_else(|| {
            self.unsupported(&schema_pointer, "a form body must be an object schema")
        })?;
        let required = object_required(&schema.schema_kind);
        for (index, (name, prop)) in properties.iter().enumerate() {
            let prop_pointer = format!("{schema_pointer}/properties/{}", escape_pointer(name));
            let prop = prop.clone().unbox();
            if self
                .resolve_schema(&prop, &prop_pointer)?
                .schema_data
                .read_only
            {
                // `readOnly`: sent by the server, never in a request.
                continue;
            }
            let context = format!("{operation_id}_{name}");
            let ty = self.type_of(&prop, &context, &prop_pointer)?;
            let ty = self.wire_type(ty);
            let description = self.description_of(&prop);
            let mark = self.schema_mark(&prop);
            fields.push((
                index,
                param_field(
                    field_scope,
                    name,
                    Location::Form,
                    ty,
                    required.contains(name),
                    self.doc(&[description.as_deref()]),
                    mark,
                ),
            ));
        }
        Ok(fields)
    }
}
