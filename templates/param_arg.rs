{#- The argument type of `field`'s setter, and of `new` for a required field. -#}
{%- if let Some(item) = field.setter.iter_item() -%}
impl IntoIterator<Item = impl Into<{{ item }}>>
{%- else if field.setter.is_into() -%}
impl Into<{{ field.value_ty() }}>
{%- else -%}
{{ field.value_ty() }}
{%- endif -%}
