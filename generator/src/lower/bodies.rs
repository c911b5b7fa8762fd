//! Request bodies: which media types are sent, and the params struct fields
//! a form body becomes.

use openapiv3::{ReferenceOr, RequestBody};

use super::operations::param_field;
use super::resources::RawOp;
use super::types::{object_properties, object_required};
use super::{Lowerer, escape_pointer};
use crate::docs;
use crate::error::Result;
use crate::ir::{Location, ParamField, Resource, Skipped};
use crate::naming::{self, Scope};

/// The media type of the bodies the client sends.
pub(super) const FORM: &str = "application/x-www-form-urlencoded";

impl<'a> Lowerer<'a> {
    /// The form fields of an operation's request body, in spec order, each
    /// with its property's index, named in `field_scope`; `None` (and the
    /// operation recorded as skipped) when the body cannot be sent as a form.
    ///
    /// A property the schema lists in `required` is a required field, also
    /// when the body itself is optional: a form body without it is refused.
    pub(super) fn form_fields(
        &mut self,
        body: &'a ReferenceOr<RequestBody>,
        raw: &RawOp<'a>,
        resource: &Resource,
        label: &str,
        field_scope: &mut Scope,
    ) -> Result<Option<Vec<(usize, ParamField)>>> {
        let pointer = format!("{}/requestBody", raw.pointer);
        let body = self.resolve_request_body(body, &pointer)?;
        let Some(media) = body.content.get(FORM) else {
            let types: Vec<&str> = body.content.keys().map(String::as_str).collect();
            self.skipped.push(Skipped {
                operation: label.to_owned(),
                reason: format!(
                    "request bodies of type {} are not supported yet; only {FORM}",
                    types.join(", ")
                ),
            });
            return Ok(None);
        };
        let mut fields = Vec::new();
        let Some(schema) = &media.schema else {
            return Ok(Some(fields));
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
            let context = format!("{}_{name}", naming::bare(&resource.handle));
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
                    docs::first(&[description.as_deref()]),
                    mark,
                ),
            ));
        }
        Ok(Some(fields))
    }
}
