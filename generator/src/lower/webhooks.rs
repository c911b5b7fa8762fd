//! Webhook events: the spec's `x-webhooks`, shaped like OpenAPI 3.1's
//! `webhooks` (event type → path item whose `post` request body is the form
//! Twilio sends), become one struct per event and an enum of them all.
//!
//! Keys of `x-webhooks` that start with `x-` are not events:
//! `x-rust-enum` names the enum (default `WebhookEvent`), `x-rust-example`
//! an example program that needs the `webhooks` feature (the docs name it;
//! it is not generated, and the manifest does not declare it), and
//! any other `x-` key is left alone (a place for YAML anchors, say).
//!
//! An event's operation is tagged `pre-action` when Twilio waits for the
//! answer; the JSON schema of its `200` response lists what the answer can
//! change (`format: json` for a value sent as a JSON string). Field types go
//! through the same lowering as the REST API's, so a `$ref` to an enum of
//! `components` reuses that enum; identical inline schemas (YAML aliases)
//! share one type.

use openapiv3::VariantOrUnknownOrEmpty::Unknown;
use openapiv3::{PathItem, ReferenceOr, Schema, SchemaKind, Type};
use serde_json::Value;

use super::{Lowerer, escape_pointer};
use crate::docs;
use crate::error::Result;
use crate::ir::{
    EventField, EventResponse, FieldDecode, Pii, ResponseField, RustType, WebhookEvent, Webhooks,
};
use crate::naming::{self, Rank, Scope};

/// The content type of a webhook's form body.
const FORM: &str = "application/x-www-form-urlencoded";

/// Names the webhook runtime claims at the crate root.
pub(super) const WEBHOOK_TYPES: &[&str] = &[
    "RequestValidator",
    "SignatureError",
    "SIGNATURE_HEADER",
    "AccessToken",
    "ChatGrant",
    "TokenError",
    "EventError",
    "WebhookAnswer",
];

impl<'a> Lowerer<'a> {
    /// The events of `x-webhooks`; `None` when the spec has none.
    pub(super) fn webhooks(&mut self) -> Result<Option<Webhooks>> {
        let Some(value) = self.spec.extensions.get("x-webhooks") else {
            return Ok(None);
        };
        let root = "#/x-webhooks";
        let Value::Object(entries) = value else {
            return Err(
                self.unsupported(root, "`x-webhooks` must map each event type to a path item")
            );
        };
        for name in WEBHOOK_TYPES {
            self.types.reserve(name);
        }
        let text = |key: &str| -> Result<Option<String>> {
            match entries.get(key) {
                None => Ok(None),
                Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_owned())),
                Some(_) => Err(self.unsupported(
                    &format!("{root}/{key}"),
                    format!("`{key}` must be a non-empty string"),
                )),
            }
        };
        let enum_hint = text("x-rust-enum")?.unwrap_or_else(|| "WebhookEvent".to_owned());
        let example = text("x-rust-example")?;
        if let Some(example) = &example {
            if naming::snake(example) != *example || example.starts_with("r#") {
                return Err(self.unsupported(
                    &format!("{root}/x-rust-example"),
                    format!("`{example}` is not a snake_case example name"),
                ));
            }
        }
        let enum_name = self.types.name(&enum_hint, Rank::Derived);
        let mut variants = Scope::default();
        let mut shared: Vec<(ReferenceOr<Schema>, RustType)> = Vec::new();
        let mut events = Vec::new();
        for (event_type, item) in entries {
            if event_type.starts_with("x-") {
                continue;
            }
            let pointer = format!("{root}/{}", escape_pointer(event_type));
            let event = self.event(event_type, item, &pointer, &mut variants, &mut shared)?;
            events.push(event);
        }
        if events.is_empty() {
            return Err(self.unsupported(root, "`x-webhooks` describes no event"));
        }
        let types: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
        let modules = naming::stable(&types, EVENTS_MOD_NAMES, module_name, "_");
        for (event, module) in events.iter_mut().zip(modules) {
            event.module = module;
        }
        let unknown = variants.pascal("Unknown");
        Ok(Some(Webhooks {
            enum_name,
            unknown,
            example,
            events,
        }))
    }

    fn event(
        &mut self,
        event_type: &str,
        item: &Value,
        pointer: &str,
        variants: &mut Scope,
        shared: &mut Vec<(ReferenceOr<Schema>, RustType)>,
    ) -> Result<WebhookEvent> {
        if event_type.is_empty() || event_type.chars().any(char::is_control) {
            return Err(self.unsupported(pointer, "an event type must be plain text"));
        }
        let item: PathItem = serde_json::from_value(item.clone()).map_err(|err| {
            self.unsupported(pointer, format!("this is not an OpenAPI path item: {err}"))
        })?;
        let pointer = format!("{pointer}/post");
        let Some(op) = &item.post else {
            return Err(self.unsupported(
                &pointer,
                "a webhook is described by its `post` operation, and this entry has none",
            ));
        };
        let base = op.operation_id.as_deref().unwrap_or(event_type);
        let variant = variants.pascal(base);
        let name = self.types.name(&format!("{base}Event"), Rank::Derived);
        let pre_action = op.tags.iter().any(|t| t == "pre-action");
        let doc = self.doc(&[op.description.as_deref(), op.summary.as_deref()]);

        let body_pointer = format!("{pointer}/requestBody");
        let body = match &op.request_body {
            Some(ReferenceOr::Item(body)) => body,
            Some(ReferenceOr::Reference { .. }) => {
                return Err(self.unsupported(
                    &body_pointer,
                    "a webhook's request body must be written out, not a `$ref`",
                ));
            }
            None => {
                return Err(self.unsupported(
                    &pointer,
                    "a webhook needs a `requestBody`: the form Twilio sends",
                ));
            }
        };
        let Some(media) = body.content.get(FORM) else {
            return Err(self.unsupported(
                &format!("{body_pointer}/content"),
                format!("a webhook's body must be `{FORM}`"),
            ));
        };
        let schema_pointer = format!("{body_pointer}/content/{}/schema", escape_pointer(FORM));
        let schema = match &media.schema {
            Some(schema) => self.resolve_schema(schema, &schema_pointer)?,
            None => return Err(self.unsupported(&schema_pointer, "the form has no schema")),
        };
        let Some(properties) = super::types::object_properties(&schema.schema_kind) else {
            return Err(self.unsupported(
                &schema_pointer,
                "the form's schema must be an object with `properties`",
            ));
        };
        let mut scope = Scope::with_reserved(&["other"]);
        let mut fields = Vec::new();
        for (wire, prop) in properties {
            if wire == "EventType" {
                continue;
            }
            let prop = prop.clone().unbox();
            let prop_pointer = format!("{schema_pointer}/properties/{}", escape_pointer(wire));
            let context = format!("{base}Event_{wire}");
            let ty = self.field_type(&prop, &context, &prop_pointer, shared)?;
            let decode = self.decode_of(&ty);
            let doc = match &prop {
                ReferenceOr::Item(s) => self.doc(&[
                    s.schema_data.description.as_deref(),
                    s.schema_data.title.as_deref(),
                ]),
                ReferenceOr::Reference { reference } => {
                    // The component's own description, when it has one.
                    let described = self
                        .resolve_schema(&prop, &prop_pointer)
                        .ok()
                        .map(|s| docs::first(&[s.schema_data.description.as_deref()]))
                        .filter(|doc| !doc.is_empty());
                    described.unwrap_or_else(|| {
                        let target = reference.rsplit('/').next().unwrap_or(reference);
                        vec![format!("The `{wire}` parameter: {}.", ty_doc(&ty, target))]
                    })
                }
            };
            // Marked as the REST schemas mark the same data.
            let mark = self.schema_mark(&prop);
            let pii_doc = mark
                .as_ref()
                .map(|m| super::pii::pii_doc(m.pii, &m.handling, None))
                .unwrap_or_default();
            fields.push(EventField {
                rust_name: scope.snake(wire),
                wire_name: wire.clone(),
                ty,
                decode,
                doc,
                pii: mark.map(|m| m.pii),
                pii_doc,
            });
        }
        let response = if pre_action {
            Some(self.event_response(base, op, &pointer)?)
        } else {
            None
        };
        Ok(WebhookEvent {
            event_type: event_type.to_owned(),
            variant,
            name,
            // Decided with every event's type at hand (`webhooks`).
            module: String::new(),
            doc,
            pre_action,
            fields,
            response,
        })
    }

    /// The type of one form field; identical schemas get one type.
    fn field_type(
        &mut self,
        schema: &ReferenceOr<Schema>,
        context: &str,
        pointer: &str,
        shared: &mut Vec<(ReferenceOr<Schema>, RustType)>,
    ) -> Result<RustType> {
        if let Some((_, ty)) = shared.iter().find(|(seen, _)| seen == schema) {
            return Ok(ty.clone());
        }
        let title = |s: &Schema| s.schema_data.title.clone();
        let ty = match schema {
            // A list is named by its items' title, so `[EventMedia]` holds `EventMedia`.
            ReferenceOr::Item(Schema {
                schema_kind: SchemaKind::Type(Type::Array(array)),
                ..
            }) => match &array.items {
                Some(items) => {
                    let items = items.clone().unbox();
                    let hint = match &items {
                        ReferenceOr::Item(s) => title(s),
                        ReferenceOr::Reference { .. } => None,
                    }
                    .unwrap_or_else(|| format!("{context}_item"));
                    let item = self.type_of(&items, &hint, &format!("{pointer}/items"))?;
                    RustType::Vec(Box::new(item))
                }
                None => RustType::Vec(Box::new(RustType::Json)),
            },
            ReferenceOr::Item(s) => {
                let hint = title(s).unwrap_or_else(|| context.to_owned());
                self.type_of(schema, &hint, pointer)?
            }
            ReferenceOr::Reference { .. } => self.type_of(schema, context, pointer)?,
        };
        shared.push((schema.clone(), ty.clone()));
        Ok(ty)
    }

    /// How a form value becomes `ty`: enums by name, scalars parsed, and
    /// anything structured as JSON text.
    fn decode_of(&self, ty: &RustType) -> FieldDecode {
        match ty {
            RustType::String => FieldDecode::Text,
            RustType::DateTime => FieldDecode::DateTime,
            RustType::Bool | RustType::I32 | RustType::I64 | RustType::F64 | RustType::Date => {
                FieldDecode::Parse
            }
            RustType::Named(name) if self.enums.iter().any(|e| &e.name == name) => {
                FieldDecode::Enum
            }
            _ => FieldDecode::Json,
        }
    }

    /// What the `200` answer of a pre-action event can change.
    fn event_response(
        &mut self,
        base: &str,
        op: &openapiv3::Operation,
        pointer: &str,
    ) -> Result<EventResponse> {
        let name = self.types.name(&format!("{base}Response"), Rank::Derived);
        let mut fields = Vec::new();
        let ok = op
            .responses
            .responses
            .get(&openapiv3::StatusCode::Code(200));
        let response_pointer = format!("{pointer}/responses/200");
        let response = match ok {
            Some(ReferenceOr::Item(response)) => Some(response),
            Some(reference @ ReferenceOr::Reference { .. }) => {
                Some(self.resolve_response(reference, &response_pointer)?)
            }
            None => None,
        };
        let json = response.and_then(|r| r.content.get("application/json"));
        if let Some(schema) = json.and_then(|m| m.schema.as_ref()) {
            let schema_pointer = format!("{response_pointer}/content/application~1json/schema");
            let schema = self.resolve_schema(schema, &schema_pointer)?;
            let Some(properties) = super::types::object_properties(&schema.schema_kind) else {
                return Err(self.unsupported(
                    &schema_pointer,
                    "the answer's schema must be an object with `properties`",
                ));
            };
            let mut scope = Scope::with_reserved(&["new", "answer", "to_json"]);
            for (wire, prop) in properties {
                let ReferenceOr::Item(prop) = prop else {
                    return Err(self.unsupported(
                        &format!("{schema_pointer}/properties/{}", escape_pointer(wire)),
                        "an answer's value must be written out, not a `$ref`",
                    ));
                };
                let json_text = match &prop.schema_kind {
                    SchemaKind::Type(Type::String(s)) => {
                        matches!(&s.format, Unknown(f) if f == "json")
                    }
                    _ => {
                        return Err(self.unsupported(
                            &format!("{schema_pointer}/properties/{}", escape_pointer(wire)),
                            "an answer's values are strings (`format: json` for JSON text)",
                        ));
                    }
                };
                let pii = self.key_pii(wire);
                let pii_doc = pii
                    .map(|pii| {
                        let from = format!("value the REST models hold under `{wire}`");
                        super::pii::pii_doc(pii, "", Some(&from))
                    })
                    .unwrap_or_default();
                fields.push(ResponseField {
                    rust_name: scope.snake(wire),
                    wire_name: wire.clone(),
                    json_text,
                    doc: self.doc(&[prop.schema_data.description.as_deref()]),
                    pii,
                    pii_doc,
                });
            }
        }
        Ok(EventResponse { name, fields })
    }
}

impl Lowerer<'_> {
    /// The marking of the models' fields whose JSON key is `key`: sensitive
    /// if any marks it so, else standard if any marks it at all.
    fn key_pii(&self, key: &str) -> Option<Pii> {
        self.models
            .iter()
            .flat_map(|m| &m.fields)
            .filter(|f| f.wire_name == key)
            .filter_map(|f| f.pii)
            .max()
    }
}

/// Names an event's module must not take: what `events/mod.rs` imports or
/// the modules' code names by path.
const EVENTS_MOD_NAMES: &[&str] = &[
    "alloc",
    "chrono",
    "core",
    "crate",
    "fmt",
    "serde",
    "serde_json",
    "std",
    "tests",
];

/// An event's module, from its type: snake case, without the leading `on`
/// of Twilio's event types (`onMessageAdded` → `message_added`), never a
/// raw identifier (it is a file's name too).
fn module_name(event_type: &str) -> String {
    let snake = naming::snake(event_type);
    let name = match naming::bare(&snake).strip_prefix("on_") {
        Some(rest) if !rest.is_empty() => naming::snake(rest),
        _ => snake,
    };
    naming::plain(&name)
}

/// A reference's name in a field's doc: a link to the Rust type it became,
/// or the component's name.
fn ty_doc(ty: &RustType, target: &str) -> String {
    match ty {
        RustType::Named(name) => format!("a [`{name}`]"),
        _ => format!("a `{target}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_are_named_from_the_event_type() {
        assert_eq!(module_name("onMessageAdded"), "message_added");
        assert_eq!(module_name("deliveryUpdated"), "delivery_updated");
        assert_eq!(module_name("on"), "on");
        assert_eq!(module_name("onType"), "type_");
        assert_eq!(module_name("on3d"), "on3d");
        assert_eq!(module_name("on_3d"), "_3d");
        assert_eq!(module_name("onSelf"), "self_");
    }

    #[test]
    fn an_event_keeps_its_module_whatever_else_is_listed() {
        let names = |types: &[&str]| naming::stable(types, EVENTS_MOD_NAMES, module_name, "_");
        assert_eq!(names(&["onB", "onA"]), ["b", "a"]);
        assert_eq!(names(&["onA", "onAb", "onB"]), ["a", "ab", "b"]);
        // Collisions go by the event types, not by where they are listed.
        assert_eq!(names(&["onFoo", "foo"]), ["foo_2", "foo"]);
        assert_eq!(names(&["foo", "onFoo"]), ["foo", "foo_2"]);
        // Names the shared module uses are not taken.
        assert_eq!(names(&["onFmt", "onChrono"]), ["fmt_2", "chrono_2"]);
    }
}
