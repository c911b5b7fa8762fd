{#- For doc examples: `let params = ...;` with `op`'s sample arguments and
    setters, one setter per line, each line starting with `prefix`; nothing
    when there are none (then `call.rs` passes `&Params::new()`). -#}
{%- if let Some(params) = op.params -%}
{%- if params.has_samples() -%}
{{ prefix }}let params = {% include "params_new.rs" %}
{%- for s in params.samples %}
{{ prefix }}    .{{ s.setter }}({% let value = s.value %}{% include "sample_value.rs" %})
{%- endfor %};
{% endif -%}
{%- endif -%}
