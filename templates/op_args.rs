{#- The arguments of `op`'s methods after `&self`: path parameters, the JSON body, the params. -#}
{%- for p in op.path_params %}, {{ p.rust_name }}: &str{% endfor -%}
{%- if let Some(body) = op.body %}, body: {{ body.arg_type }}{% endif -%}
{%- if op.upload.is_some() %}, body: Upload{% endif -%}
{%- if let Some(params) = op.params %}, params: &{{ params.name }}{% endif -%}
