//! Responses: what a successful call returns, and the list envelope that
//! makes it a page.

use openapiv3::{ReferenceOr, Schema, SchemaKind, StatusCode, Type};

use super::bodies::is_json;
use super::resources::RawOp;
use super::types::object_properties;
use super::{Lowerer, escape_pointer};
use crate::error::Result;
use crate::ir::{ResponseKind, RustType, is_binary};

impl<'a> Lowerer<'a> {
    /// The JSON media type of the first 2xx response, if any.
    pub(super) fn success_media(&self, raw: &RawOp<'a>) -> Option<&'a openapiv3::MediaType> {
        self.success_content(raw).map(|(_, media)| media)
    }

    /// The `Accept` header an operation sends when its answer is JSON of
    /// another type than `application/json` (`application/scim+json`).
    ///
    /// For an answer that is a file, the media types it may come in (`*/*`,
    /// `image/png, image/jpeg`): never `application/json`, which a server
    /// may refuse to answer with a file.
    pub(super) fn accept_of(&self, raw: &RawOp<'a>) -> Option<String> {
        if let Some((media_type, _)) = self.success_content(raw) {
            return (media_type != "application/json").then(|| media_type.to_owned());
        }
        let (_, response) = raw
            .op
            .responses
            .responses
            .iter()
            .find(|(code, _)| matches!(code, StatusCode::Code(c) if (200..300).contains(c)))?;
        let response = self.resolve_response(response, &raw.pointer).ok()?;
        let binary: Vec<&str> = response
            .content
            .keys()
            .map(String::as_str)
            .filter(|k| is_binary(k))
            .collect();
        (!binary.is_empty()).then(|| binary.join(", "))
    }

    fn success_content(&self, raw: &RawOp<'a>) -> Option<(&'a str, &'a openapiv3::MediaType)> {
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
            .find(|(k, _)| is_json(k))
            .map(|(k, media)| (k.as_str(), media))
    }

    pub(super) fn response_of(
        &mut self,
        raw: &RawOp<'a>,
        operation_id: &str,
    ) -> Result<ResponseKind> {
        let success = raw
            .op
            .responses
            .responses
            .iter()
            .find(|(code, _)| matches!(code, StatusCode::Code(c) if (200..300).contains(c)));
        let Some((code, response)) = success else {
            // Only a redirect (to the file, as a download link answers):
            // the client follows it and reads what it finds as bytes.
            let redirects = raw
                .op
                .responses
                .responses
                .keys()
                .any(|code| matches!(code, StatusCode::Code(301 | 302 | 303 | 307 | 308)));
            return Ok(if redirects {
                ResponseKind::Binary
            } else {
                ResponseKind::Empty
            });
        };
        let pointer = format!("{}/responses/{code}", raw.pointer);
        let response = self.resolve_response(response, &pointer)?;
        let Some((media_type, media)) = response.content.iter().find(|(k, _)| is_json(k)) else {
            let binary = response.content.keys().any(|k| is_binary(k));
            return Ok(if binary {
                ResponseKind::Binary
            } else {
                ResponseKind::Empty
            });
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

    /// Recognizes Twilio's list envelope: `meta` with `next_page_url` and
    /// exactly one array among the other properties. Other properties do not
    /// stop it being a page, so a property added to an envelope keeps its
    /// operation's `stream` and `list_request`.
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
        let meta = self.resolve_schema(meta, pointer)?;
        let has_next = object_properties(&meta.schema_kind)
            .is_some_and(|props| props.contains_key("next_page_url"));
        let arrays: Vec<(&String, ReferenceOr<Schema>)> = properties
            .iter()
            .filter(|(k, _)| k.as_str() != "meta")
            .filter_map(|(k, v)| {
                let v = self.resolve_schema(v, pointer).ok()?;
                match &v.schema_kind {
                    SchemaKind::Type(Type::Array(array)) => {
                        array.items.clone().map(|items| (k, items.unbox()))
                    }
                    _ => None,
                }
            })
            .collect();
        if has_next && arrays.len() == 1 {
            let (key, items) = arrays.into_iter().next().expect("one array");
            Ok(Some((key.clone(), items)))
        } else {
            Ok(None)
        }
    }
}
