//! The objects that responses (and their fields) decode into.

{% if api.models_use_map() %}
use std::collections::BTreeMap;
{% endif %}

{% if api.models_use_datetime() %}
use chrono::{DateTime, Utc};
{% endif %}
use serde::{Deserialize, Serialize};
{% if !api.model_imports().is_empty() %}

use crate::{ {% for name in api.model_imports() %}{{ name }}{% if !loop.last %}, {% endif %}{% endfor %} };
{% endif %}
{% for model in api.models %}

{% for line in model.doc %}
/// {{ line }}
{% endfor %}
///
{% if model.derives_default() %}
/// Build one with `{{ model.name }}::default()` and set the fields you need: the
/// struct is `#[non_exhaustive]`, so a field Twilio adds is a minor release.
{% else %}
/// Build one with [`{{ model.name }}::new`] and set the other fields you need: the
/// struct is `#[non_exhaustive]`, so a field Twilio adds is a minor release.
{% endif %}
#[derive(Debug, Clone, {% if model.derives_default() %}Default, {% endif %}PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct {{ model.name }} {
{% for field in model.fields %}
    {% for line in field.doc %}
    /// {{ line }}
    {% endfor %}
    {% if field.doc.is_empty() %}
    /// The `{{ field.wire_doc() }}` field.
    {% endif %}
    {% if field.renamed %}
    #[serde(rename = {{ field.wire_lit() }})]
    {% endif %}
    pub {{ field.rust_name }}: {{ field.ty }},
{% endfor %}
}
{% if !model.derives_default() %}

impl {{ model.name }} {
    /// A `{{ model.name }}` with the fields that have no default; the others are empty.
    {% if model.constructor_is_long() %}
    #[allow(clippy::too_many_arguments)]
    {% endif %}
    pub fn new({% for field in model.constructor_fields() %}{{ field.rust_name }}: {{ field.ty }}, {% endfor %}) -> Self {
        {{ model.name }} {
        {% for field in model.fields %}
            {% if field.has_default() %}
            {{ field.rust_name }}: Default::default(),
            {% else %}
            {{ field.rust_name }},
            {% endif %}
        {% endfor %}
        }
    }
}
{% endif %}
{% endfor %}
