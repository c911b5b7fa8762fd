{#- `Deserialize` for the params struct `params`, keyed by the wire names:
    what `#[derive(Deserialize)]` did, in a few lines a field. A struct with
    no required field is read into its default through `crate::wire::Decode`
    (the loop over the keys is written once there); one with a required
    field has a visitor of its own, where a missing one is an error. A
    missing or null optional field is `None`. A list field also takes a
    single value. -#}
{% if params.derives_default() %}
//@final
impl<'de> Deserialize<'de> for {{ params.name }} {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::decode(deserializer)
    }
}
//@end
{% else %}
impl<'de> Deserialize<'de> for {{ params.name }} {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("{{ params.name }}", {{ params.name }}::FIELDS, crate::wire::StructVisitor::<Self>::new())
    }
}
{% endif %}
{% if params.derives_default() %}

{% let name = params.name.as_str() %}{% let fields = params.decode_fields() %}
{% include "decode_impl.rs" %}
{% else %}

impl {{ params.name }} {
    const FIELDS: &[&str] = &[{% for field in params.fields %}{{ field.wire_lit() }}, {% endfor %}];
}

impl<'de> serde::de::Visitor<'de> for crate::wire::StructVisitor<{{ params.name }}> {
    type Value = {{ params.name }};

    #[inline]
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("struct {{ params.name }}")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.visit_map(crate::wire::SeqAsMap::new(seq, {{ params.fields.len() }}, "{{ params.name }}"))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        {% for field in params.fields %}
        let mut f{{ loop.index0 }} = None;
        {% endfor %}
        let mut fields = crate::wire::Fields::new({{ params.name }}::FIELDS);
        while let Some(index) = fields.next(&mut map)? {
        {% if params.fields.len() == 1 %}
            if index == 0 {
                {% for field in params.fields %}f0 = {% if field.setter.iter_item().is_some() %}Some(map.next_value::<crate::wire::OneOrMany<_>>()?.0){% else %}Some(map.next_value()?){% endif %};{% endfor %}
            }
        {% else %}
            match index {
            {% for field in params.fields %}
                {{ loop.index0 }} => {% if field.required %}f{{ loop.index0 }} = {% if field.setter.iter_item().is_some() %}Some(map.next_value::<crate::wire::OneOrMany<_>>()?.0){% else %}Some(map.next_value()?){% endif %}{% else if field.setter.iter_item().is_some() %}crate::wire::read_many(&mut map, &mut f{{ loop.index0 }})?{% else %}f{{ loop.index0 }} = map.next_value()?{% endif %},
            {% endfor %}
                _ => {}
            }
        {% endif %}
        }
        Ok({{ params.name }} {
        {% for field in params.fields %}
        {% if field.required %}
            {{ field.rust_name }}: crate::wire::required(f{{ loop.index0 }}, {{ field.wire_lit() }})?,
        {% else %}
            {{ field.rust_name }}: f{{ loop.index0 }},
        {% endif %}
        {% endfor %}
        })
    }
}
{% endif %}
