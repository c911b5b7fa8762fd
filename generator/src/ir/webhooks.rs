//! The webhook events a spec describes under `x-webhooks`, as the templates
//! render them: `events.rs` the folder's `mod.rs` (the enum of every event,
//! the errors and answers they share), `event.rs` one file per event.

use super::{Pii, RustType};

/// Every event of the spec's `x-webhooks`, and the enum that holds any one.
#[derive(Debug, Clone)]
pub struct Webhooks {
    /// The enum with one variant per event, e.g. `ConversationEvent`
    /// (`x-webhooks` → `x-rust-enum`, default `WebhookEvent`).
    pub enum_name: String,
    /// The variant of `enum_name` for an event type the spec does not list.
    pub unknown: String,
    /// The example program that needs the `webhooks` feature
    /// (`x-webhooks` → `x-rust-example`), kept by hand in the crate's
    /// `examples/`: the docs name it and the manifest adds its web server
    /// to the dev-dependencies, but the manifest does not declare it, so the
    /// crate builds wherever it is written, example or not (the example
    /// gates itself on the features it needs).
    pub example: Option<String>,
    /// The events, sorted by event type (an extension is read as JSON, whose
    /// objects have no order).
    pub events: Vec<WebhookEvent>,
}

impl Webhooks {
    /// The pre-action events, in order.
    pub fn pre_action(&self) -> impl Iterator<Item = &WebhookEvent> {
        self.events.iter().filter(|e| e.pre_action)
    }

    /// Whether any event is pre-action.
    pub fn has_pre_action(&self) -> bool {
        self.pre_action().next().is_some()
    }

    /// The first event's type, for doc examples.
    pub fn first_event_type_doc(&self) -> String {
        self.events
            .first()
            .map(WebhookEvent::event_type_doc)
            .unwrap_or_default()
    }

    /// Every event's fields.
    pub fn fields(&self) -> impl Iterator<Item = &EventField> {
        self.events.iter().flat_map(|e| &e.fields)
    }
}

/// One event type, e.g. `onMessageAdd`.
#[derive(Debug, Clone)]
pub struct WebhookEvent {
    /// The `EventType` value, e.g. `onMessageAdd`.
    pub event_type: String,
    /// The variant of the event enum, e.g. `MessageAdd`.
    pub variant: String,
    /// The struct holding its fields, e.g. `MessageAddEvent`.
    pub name: String,
    /// The module (and file, `src/events/{module}.rs`) of the struct and
    /// its answer, e.g. `message_add`: decided from the event type alone
    /// (snake case, Twilio's leading `on` dropped), so an event keeps its
    /// file whatever other events the spec lists.
    pub module: String,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// Whether Twilio waits for the answer before the action takes effect
    /// (tagged `pre-action`).
    pub pre_action: bool,
    /// The form fields, `EventType` aside, sorted by name.
    pub fields: Vec<EventField>,
    /// For a pre-action event, the answer that changes the action.
    pub response: Option<EventResponse>,
}

/// One form field of an event; every one is optional.
#[derive(Debug, Clone)]
pub struct EventField {
    /// The struct field, e.g. `messaging_binding_address`.
    pub rust_name: String,
    /// The form parameter, e.g. `MessagingBinding.Address`.
    pub wire_name: String,
    /// The value type (the field is `Option` of it).
    pub ty: RustType,
    /// How the form value becomes `ty`.
    pub decode: FieldDecode,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// Whether the value is personal data, and how `Debug` treats it.
    pub pii: Option<Pii>,
    /// Documentation lines saying so, after [`EventField::doc`]; empty when
    /// the field is not personal data.
    pub pii_doc: Vec<String>,
}

/// How a form value is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldDecode {
    /// Kept as text.
    Text,
    /// Parsed with `FromStr` (integers, numbers, booleans).
    Parse,
    /// An RFC 3339 date-time.
    DateTime,
    /// A generated string enum, forward compatible.
    Enum,
    /// JSON text (objects, lists, free-form JSON), decoded with serde.
    Json,
}

impl WebhookEvent {
    /// Whether any field is a map.
    pub fn uses_map(&self) -> bool {
        self.fields.iter().any(|f| f.ty.mentions_map())
    }

    /// Whether any field is a date-time.
    pub fn uses_datetime(&self) -> bool {
        self.fields.iter().any(|f| f.ty.mentions_datetime())
    }

    /// The generated types (models and enums) the fields name, sorted.
    pub fn imports(&self) -> Vec<String> {
        let mut names = Vec::new();
        for field in &self.fields {
            field.ty.named(&mut names);
        }
        names.sort();
        names.dedup();
        names
    }

    /// What the event's module takes from `events/mod.rs`: the error, the
    /// answer (pre-action events) and the decoding helpers its fields use,
    /// sorted (ASCII order).
    pub fn shared(&self) -> Vec<&'static str> {
        let mut names = vec!["EventError"];
        if self.response.is_some() {
            names.push("WebhookAnswer");
        }
        let decodes = |decode: FieldDecode| self.fields.iter().any(|f| f.decode == decode);
        if decodes(FieldDecode::DateTime) {
            names.push("date_time");
        }
        if decodes(FieldDecode::Json) {
            names.push("json");
        }
        if decodes(FieldDecode::Parse) {
            names.push("parse");
        }
        if !self.fields.is_empty() {
            names.push("set");
        }
        names
    }

    /// The public names the module exports: the event and its answer.
    pub fn exports(&self) -> Vec<&str> {
        let mut names = vec![self.name.as_str()];
        names.extend(self.response.as_ref().map(|r| r.name.as_str()));
        names
    }
}

impl EventField {
    /// Whether the value is decoded with `FromStr`.
    pub fn is_parse(&self) -> bool {
        self.decode == FieldDecode::Parse
    }

    /// Whether the value is a date-time.
    pub fn is_datetime(&self) -> bool {
        self.decode == FieldDecode::DateTime
    }

    /// Whether the value is a generated enum.
    pub fn is_enum(&self) -> bool {
        self.decode == FieldDecode::Enum
    }

    /// Whether the value is JSON text.
    pub fn is_json(&self) -> bool {
        self.decode == FieldDecode::Json
    }

    /// The `crate::redact` wrapper `Debug` prints the field through, if any.
    pub fn debug_wrapper(&self) -> Option<&'static str> {
        self.pii.map(Pii::debug_wrapper)
    }
}

/// The JSON answer to a pre-action event, built with one setter per change.
#[derive(Debug, Clone)]
pub struct EventResponse {
    /// The builder type, e.g. `MessageAddResponse`.
    pub name: String,
    /// The values the answer can change, sorted by name.
    pub fields: Vec<ResponseField>,
}

/// One value a pre-action answer can change.
#[derive(Debug, Clone)]
pub struct ResponseField {
    /// The setter, e.g. `friendly_name`.
    pub rust_name: String,
    /// The JSON key, e.g. `friendly_name` or `timers.inactive`.
    pub wire_name: String,
    /// Whether the value is JSON sent as a string (`format: json`): the
    /// setter takes a `serde_json::Value`.
    pub json_text: bool,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// Whether the value is personal data: the marking of the REST models'
    /// fields under the same JSON key (the value set is the value they then
    /// hold), the most protective one when they differ.
    pub pii: Option<Pii>,
    /// Documentation lines saying so, after [`ResponseField::doc`]; empty
    /// when the value is not personal data.
    pub pii_doc: Vec<String>,
}

impl ResponseField {
    /// The `crate::redact` wrapper `Debug` prints the value through, if any.
    pub fn debug_wrapper(&self) -> Option<&'static str> {
        self.pii.map(Pii::debug_wrapper)
    }

    /// The field's name as `Debug` prints it (no `r#`), as a Rust string literal.
    pub fn debug_lit(&self) -> String {
        crate::literal::rust_str(crate::naming::bare(&self.rust_name))
    }
}

impl EventResponse {
    /// Whether some value the answer can change is personal data.
    pub fn has_personal_data(&self) -> bool {
        self.fields.iter().any(|f| f.pii.is_some())
    }
}

// Spec text the `events.rs` and `event.rs` templates write into code and docs, escaped.

impl WebhookEvent {
    /// The event type as a Rust string literal.
    pub fn event_type_lit(&self) -> String {
        crate::literal::rust_str(&self.event_type)
    }

    /// The event type for a doc comment's code span.
    pub fn event_type_doc(&self) -> String {
        crate::literal::doc_text(&self.event_type)
    }
}

impl EventField {
    /// The form parameter's name as a Rust string literal.
    pub fn wire_lit(&self) -> String {
        crate::literal::rust_str(&self.wire_name)
    }

    /// The form parameter's name for a doc comment's code span.
    pub fn wire_doc(&self) -> String {
        crate::literal::doc_text(&self.wire_name)
    }

    /// The field's name as `Debug` prints it (no `r#`), as a Rust string literal.
    pub fn debug_lit(&self) -> String {
        crate::literal::rust_str(crate::naming::bare(&self.rust_name))
    }
}

impl ResponseField {
    /// The JSON key as a Rust string literal.
    pub fn wire_lit(&self) -> String {
        crate::literal::rust_str(&self.wire_name)
    }

    /// The JSON key for a doc comment's code span.
    pub fn wire_doc(&self) -> String {
        crate::literal::doc_text(&self.wire_name)
    }
}
