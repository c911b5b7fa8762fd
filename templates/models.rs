//! The objects that responses (and their fields) decode into.
//!
//! `Serialize` and `Deserialize` are written out rather than derived: they
//! encode and decode exactly as the derives would (fields under their wire
//! names, unknown keys ignored, a missing `Option` is `None`), but share one
//! copy of the key matching and of the visitor (`crate::wire::Decode`),
//! which makes the crate compile faster and keeps `serde_derive` out of its
//! dependencies.

{% if types.uses_map() %}
use std::collections::BTreeMap;
{% endif %}

{% if types.uses_datetime() %}
use chrono::{DateTime, Utc};
{% endif %}
use serde::{Deserialize, Serialize};
{% if !types.imports().is_empty() %}

use crate::{ {% for name in types.imports() %}{{ name }}{% if !loop.last %}, {% endif %}{% endfor %} };
{% endif %}
{% for model in types.models %}

//@final
{% for line in model.doc %}
/// {{ line }}
{% endfor %}
///
{% if model.derives_default() && !model.request %}
/// Build one with `{{ model.name }}::default()` and set the fields you need: the
/// struct is `#[non_exhaustive]`, so a field Twilio adds is a minor release.
{% else if model.derives_default() %}
/// Build one with [`{{ model.name }}::new`] and the setters of the fields you need:
/// the struct is `#[non_exhaustive]`, so a field Twilio adds is a minor release.
{% else if model.request %}
/// Build one with [`{{ model.name }}::new`], which takes the required fields, and
/// the setters of the others: the struct is `#[non_exhaustive]`, so a field
/// Twilio adds is a minor release.
{% else %}
/// Build one with [`{{ model.name }}::new`], which takes the required fields, and
/// set the others you need: the struct is `#[non_exhaustive]`, so a field
/// Twilio adds is a minor release.
{% endif %}
#[derive({% if !model.has_personal_data() %}Debug, {% endif %}Clone, {% if model.derives_default() %}Default, {% endif %}PartialEq)]
#[non_exhaustive]
pub struct {{ model.name }} {
{% for field in model.fields %}
    {% for line in field.doc %}
    /// {{ line }}
    {% endfor %}
    {% if field.doc.is_empty() %}
    /// The `{{ field.wire_doc() }}` field.
    {% endif %}
    {% if !field.pii_doc.is_empty() %}
    ///
    {% endif %}
    {% for line in field.pii_doc %}
    /// {{ line }}
    {% endfor %}
    pub {{ field.rust_name }}: {{ field.ty }},
{% endfor %}
}
//@end
{% if model.has_personal_data() %}

{% let name = model.name.as_str() %}
{% let fields = model.fields.as_slice() %}
{% include "debug_impl.rs" %}
{% endif %}

//@final
impl Serialize for {{ model.name }} {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let {% if !model.fields.is_empty() %}mut {% endif %}out = serializer.serialize_struct("{{ model.name }}", {{ model.fields.len() }})?;
        {% for field in model.fields %}
        {% if field.skips_none() %}
        crate::wire::serialize_set(&mut out, {{ field.wire_lit() }}, &self.{{ field.rust_name }})?;
        {% else %}
        out.serialize_field({{ field.wire_lit() }}, &self.{{ field.rust_name }})?;
        {% endif %}
        {% endfor %}
        out.end()
    }
}
//@end

{% if model.derives_default() %}
//@final
impl<'de> Deserialize<'de> for {{ model.name }} {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::decode(deserializer)
    }
}
//@end
{% else %}
impl<'de> Deserialize<'de> for {{ model.name }} {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("{{ model.name }}", {{ model.name }}::FIELDS, crate::wire::StructVisitor::<Self>::new())
    }
}
{% endif %}
{% if model.derives_default() %}

{% let name = model.name.as_str() %}{% let fields = model.decode_fields() %}
{% include "decode_impl.rs" %}
{% else %}

impl {{ model.name }} {
    const FIELDS: &[&str] = &[{% for field in model.fields %}{{ field.wire_lit() }}, {% endfor %}];
}

impl<'de> serde::de::Visitor<'de> for crate::wire::StructVisitor<{{ model.name }}> {
    type Value = {{ model.name }};

    #[inline]
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("struct {{ model.name }}")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.visit_map(crate::wire::SeqAsMap::new(seq, {{ model.fields.len() }}, "{{ model.name }}"))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        {% for field in model.fields %}
        let mut f{{ loop.index0 }} = None;
        {% endfor %}
        let mut fields = crate::wire::Fields::new({{ model.name }}::FIELDS);
        while let Some(index) = fields.next(&mut map)? {
        {% if model.fields.len() == 1 %}
            if index == 0 {
                f0 = {% if let RustType::Option(_) = model.fields[0].ty %}map.next_value()?{% else %}Some(map.next_value()?){% endif %};
            }
        {% else %}
            match index {
            {% for field in model.fields %}
                {{ loop.index0 }} => f{{ loop.index0 }} = {% if let RustType::Option(_) = field.ty %}map.next_value()?{% else %}Some(map.next_value()?){% endif %},
            {% endfor %}
                _ => {}
            }
        {% endif %}
        }
        Ok({{ model.name }} {
        {% for field in model.fields %}
            {% if let RustType::Option(_) = field.ty %}
            {{ field.rust_name }}: f{{ loop.index0 }},
            {% else %}
            {{ field.rust_name }}: crate::wire::required(f{{ loop.index0 }}, {{ field.wire_lit() }})?,
            {% endif %}
        {% endfor %}
        })
    }
}
{% endif %}
{% if model.request || !model.derives_default() %}

impl {{ model.name }} {
{% if model.derives_default() %}
//@final
    /// A `{{ model.name }}` with every field `None`.
    #[inline]
    pub fn new() -> Self {
        Self::default()
    }
//@end
{% else %}
    /// A `{{ model.name }}` with the required fields set from the arguments, in spec order; the others are `None`.
    {% if model.constructor_is_long() %}
    #[allow(clippy::too_many_arguments)]
    {% endif %}
    #[inline]
    pub fn new({% for field in model.constructor_fields() %}{{ field.rust_name }}: {% include "param_arg.rs" %}, {% endfor %}) -> Self {
        {{ model.name }} {
        {% for field in model.fields %}
            {% if field.is_optional() %}
            {{ field.rust_name }}: None,
            {% else if field.setter.is_plain() %}
            {{ field.rust_name }},
            {% else %}
            {% let arg = field.rust_name.as_str() %}{{ field.rust_name }}: {% include "param_value.rs" %},
            {% endif %}
        {% endfor %}
        }
    }
{% endif %}
{% if model.request %}
{% for field in model.fields %}

//@final
    /// Sets [`{{ field.rust_name.trim_start_matches("r#") }}`](Self::{{ field.rust_name.trim_start_matches("r#") }}).
    {% let arg = field.setter.arg_name() %}
    #[inline]
    pub fn {{ field.rust_name }}(mut self, {{ arg }}: {% include "param_arg.rs" %}) -> Self {
        self.{{ field.rust_name }} = {% if field.is_optional() %}Some({% include "param_value.rs" %}){% else %}{% include "param_value.rs" %}{% endif %};
        self
    }
//@end
{% endfor %}
{% endif %}
}
{% endif %}
{% endfor %}
{% for u in types.unions %}

{% for line in u.doc %}
/// {{ line }}
{% endfor %}
///
/// Tagged by `{{ u.tag_doc() }}`: each variant holds the model of one tag value, and
/// encoding writes the tag from the variant. A tag this crate does not know
/// yet decodes to [`{{ u.name }}::{{ u.unknown }}`], which keeps the JSON as received.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum {{ u.name }} {
{% for v in u.variants %}
    /// `{{ u.tag_doc() }}: {{ v.tag_doc() }}`.
    {{ v.name }}({{ v.ty }}),
{% endfor %}
    /// A kind the spec does not list, as received.
    {{ u.unknown }}(serde_json::Value),
}

impl Serialize for {{ u.name }} {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
{% for v in u.variants %}
            {{ u.name }}::{{ v.name }}(value) => crate::wire::tagged(serializer, {{ u.tag_lit() }}, {{ v.tag_lit() }}, value),
{% endfor %}
            {{ u.name }}::{{ u.unknown }}(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for {{ u.name }} {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (tag, value) = crate::wire::untag(deserializer, {{ u.tag_lit() }})?;
        match tag.as_str() {
{% for v in u.variants %}
            {{ v.tag_lit() }} => crate::wire::variant(value).map({{ u.name }}::{{ v.name }}),
{% endfor %}
            _ => Ok({{ u.name }}::{{ u.unknown }}(value)),
        }
    }
}
{% for v in u.variants %}
{% if v.from %}

impl From<{{ v.model() }}> for {{ u.name }} {
    #[inline]
    fn from(value: {{ v.model() }}) -> Self {
        {{ u.name }}::{{ v.name }}({% if v.is_boxed() %}Box::new(value){% else %}value{% endif %})
    }
}
{% endif %}
{% endfor %}
{% endfor %}
