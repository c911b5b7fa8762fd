{#- For doc examples: `let params = ...;` with `op`'s sample setters, one per
    line, each line starting with `prefix`; nothing when there are none
    (then `call.rs` passes `&Params::new()`). -#}
{%- if let Some(params) = op.params -%}
{%- if !params.samples.is_empty() -%}
{{ prefix }}let params = {{ params.name }}::new()
{%- for s in params.samples %}
{{ prefix }}    .{{ s.setter }}({% include "sample_value.rs" %})
{%- endfor %};
{% endif -%}
{%- endif -%}
