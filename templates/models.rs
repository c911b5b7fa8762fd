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
#[derive(Debug, Clone, {% if model.derives_default() %}Default, {% endif %}PartialEq, Serialize, Deserialize)]
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
{% endfor %}
