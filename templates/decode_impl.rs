{#- `crate::wire::Decode` for the struct `name`, whose `fields` (see
    `render::decode`) are all optional: the field's index in `FIELDS` picks
    the field to read the value into. -#}
impl crate::wire::Decode for {{ name }} {
//@final
    const NAME: &'static str = "{{ name }}";
//@end
//@final
    const FIELDS: &'static [&'static str] = &[{% for field in fields.iter() %}{{ field.wire_lit }}{% if !loop.last %}, {% endif %}{% endfor %}];
//@end
//@final
{% if fields.is_empty() %}
    fn read<'de, A: serde::de::MapAccess<'de>>(&mut self, _: usize, _: &mut A) -> Result<(), A::Error> {
        Ok(())
    }
{% else if fields.len() == 1 %}
    fn read<'de, A: serde::de::MapAccess<'de>>(&mut self, _: usize, map: &mut A) -> Result<(), A::Error> {
        crate::wire::{{ fields[0].reader }}(map, &mut self.{{ fields[0].rust_name }})
    }
{% else %}
    fn read<'de, A: serde::de::MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<(), A::Error> {
        match index {
{% for field in fields.iter() %}
            {% if loop.last %}_{% else %}{{ loop.index0 }}{% endif %} => crate::wire::{{ field.reader }}(map, &mut self.{{ field.rust_name }}),
{% endfor %}
        }
    }
{% endif %}
//@end
}
