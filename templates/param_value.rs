{#- The value `field` holds, from the argument `arg` of the type `param_arg.rs` gives. -#}
{%- if field.setter.iter_item().is_some() -%}
{{ arg }}.into_iter().map(Into::into).collect()
{%- else if field.setter.is_into() -%}
{{ arg }}.into()
{%- else -%}
{{ arg }}
{%- endif -%}
