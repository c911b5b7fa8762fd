{#- For doc examples: `let body = ...;` for a JSON body, then `let params = ...;`
    with `op`'s sample arguments and setters, one setter per line, each line
    starting with `prefix`; no params line when there are none (then
    `call.rs` passes `&Params::new()`). -#}
{%- if let Some(body) = op.body -%}
{%- for line in body.sample -%}
{{ prefix }}{% if loop.first %}let body = {% endif %}{{ line }}{% if loop.last %};{% endif %}
{% endfor -%}
{%- endif -%}
{%- if let Some(upload) = op.upload -%}
{{ prefix }}let body = Upload::file("{{ upload.sample_file() }}", "{{ upload.sample_type() }}").await?;
{% endif -%}
{%- if let Some(params) = op.params -%}
{%- if params.has_samples() -%}
{{ prefix }}let params = {% include "params_new.rs" %}
{%- for s in params.samples %}
{{ prefix }}    .{{ s.setter }}({% let value = s.value %}{% include "sample_value.rs" %})
{%- endfor %};
{% endif -%}
{%- endif -%}
