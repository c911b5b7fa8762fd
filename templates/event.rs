//! The `{{ e.event_type_doc() }}` webhook{% if e.response.is_some() %} and its answer{% endif %} (feature `webhooks`).

{% if e.uses_map() %}
use std::collections::BTreeMap;
{% endif %}
{% if api.has_personal_data() %}
use std::fmt;
{% endif %}

{% if e.uses_datetime() %}
use chrono::{DateTime, Utc};
{% endif %}

use super::{ {% for name in e.shared() %}{{ name }}{% if !loop.last %}, {% endif %}{% endfor %} };
{% if !e.imports().is_empty() %}
use crate::{ {% for name in e.imports() %}{{ name }}{% if !loop.last %}, {% endif %}{% endfor %} };
{% endif %}

{% for line in e.doc %}
/// {{ line }}
{% endfor %}
///
/// The `{{ e.event_type_doc() }}` webhook{% if let Some(response) = e.response %}, sent before the action takes effect: answer it with [`{{ response.name }}`] or [`WebhookAnswer`]{% endif %}.
{% if api.has_personal_data() %}
///
/// `Debug` hides the fields marked as personal data as a model's `Debug`
/// does, and prints the parameters the spec does not describe only by count.
#[derive(Clone, Default, PartialEq)]
{% else %}
#[derive(Debug, Clone, Default, PartialEq)]
{% endif %}
#[non_exhaustive]
pub struct {{ e.name }} {
{% for f in e.fields %}
{% for line in f.doc %}
    /// {{ line }}
{% endfor %}
    ///
    /// Form parameter `{{ f.wire_doc() }}`.
{% if !f.pii_doc.is_empty() %}
    ///
{% for line in f.pii_doc %}
    /// {{ line }}
{% endfor %}
{% endif %}
    pub {{ f.rust_name }}: Option<{{ f.ty }}>,
{% endfor %}
    /// Parameters the spec does not describe, as received.
    pub other: Vec<(String, String)>,
}

{% if api.has_personal_data() %}
impl fmt::Debug for {{ e.name }} {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("{{ e.name }}")
{% for field in e.fields %}
{% if let Some(wrapper) = field.debug_wrapper() %}
            .field({{ field.debug_lit() }}, &crate::redact::{{ wrapper }}(&self.{{ field.rust_name }}))
{% else %}
            .field({{ field.debug_lit() }}, &self.{{ field.rust_name }})
{% endif %}
{% endfor %}
            .field("other", &crate::redact::Redacted(&self.other))
            .finish()
    }
}

{% endif %}
impl {{ e.name }} {
    /// Decodes the form Twilio posted; `EventType` is not checked.
    pub fn from_form<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Result<Self, EventError>
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut event = Self::default();
        for (name, value) in pairs {
            let (name, value) = (name.as_ref(), value.as_ref());
            match name {
                "EventType" => {}
{% for f in e.fields %}
{% if f.is_parse() %}
                {{ f.wire_lit() }} => set(&mut event.{{ f.rust_name }}, name, parse(name, value)?)?,
{% else if f.is_datetime() %}
                {{ f.wire_lit() }} => set(&mut event.{{ f.rust_name }}, name, date_time(name, value)?)?,
{% else if f.is_enum() %}
                {{ f.wire_lit() }} => set(&mut event.{{ f.rust_name }}, name, Some(value).filter(|v| !v.is_empty()).map({{ f.ty }}::from))?,
{% else if f.is_json() %}
                {{ f.wire_lit() }} => set(&mut event.{{ f.rust_name }}, name, json(name, value)?)?,
{% else %}
                {{ f.wire_lit() }} => set(&mut event.{{ f.rust_name }}, name, Some(value.to_owned()))?,
{% endif %}
{% endfor %}
                _ => event.other.push((name.to_owned(), value.to_owned())),
            }
        }
        Ok(event)
    }
}
{% if let Some(response) = e.response %}

/// The answer to [`{{ e.name }}`]: [`proceed`](Self::proceed) as it is{% if !response.fields.is_empty() %}, or with the changes set here{% endif %}; [`WebhookAnswer::reject`] cancels the action.
{% if !response.fields.is_empty() %}
///
/// A change left unset keeps what was requested.
{% endif %}
{% if response.has_personal_data() %}
///
/// `Debug` hides the changes that are personal data as a model's `Debug`
/// hides the fields they change.
#[derive(Clone, Default, PartialEq, Eq)]
{% else %}
#[derive(Debug, Clone, Default, PartialEq, Eq)]
{% endif %}
pub struct {{ response.name }} {
{% for f in response.fields %}
    {{ f.rust_name }}: Option<String>,
{% endfor %}
}
{% if response.has_personal_data() %}

{% let name = response.name.as_str() %}
{% let fields = response.fields.as_slice() %}
{% include "debug_impl.rs" %}
{% endif %}

impl {{ response.name }} {
    /// No change: answering with it lets the action proceed as requested.
    pub fn proceed() -> Self {
        Self::default()
    }
{% for f in response.fields %}

{% for line in f.doc %}
    /// {{ line }}
{% endfor %}
    ///
    /// JSON key `{{ f.wire_doc() }}`.
{% if !f.pii_doc.is_empty() %}
    ///
{% for line in f.pii_doc %}
    /// {{ line }}
{% endfor %}
{% endif %}
{% if f.json_text %}
    pub fn {{ f.rust_name }}(mut self, value: &serde_json::Value) -> Self {
        self.{{ f.rust_name }} = Some(value.to_string());
        self
    }
{% else %}
    pub fn {{ f.rust_name }}(mut self, value: impl Into<String>) -> Self {
        self.{{ f.rust_name }} = Some(value.into());
        self
    }
{% endif %}
{% endfor %}

    /// The answer: an empty 200 without changes, a 200 with the changes as JSON otherwise.
    pub fn answer(&self) -> WebhookAnswer {
{% if response.fields.is_empty() %}
        WebhookAnswer::proceed()
{% else %}
        let mut changes = serde_json::Map::new();
{% for f in response.fields %}
        if let Some(value) = &self.{{ f.rust_name }} {
            changes.insert({{ f.wire_lit() }}.to_owned(), serde_json::Value::String(value.clone()));
        }
{% endfor %}
        if changes.is_empty() {
            WebhookAnswer::proceed()
        } else {
            WebhookAnswer { status: 200, body: Some(serde_json::Value::Object(changes).to_string()) }
        }
{% endif %}
    }
}

impl From<{{ response.name }}> for WebhookAnswer {
    fn from(response: {{ response.name }}) -> Self {
        response.answer()
    }
}
{% endif %}
