{#- The arguments `op_args.rs` declares, passed on to another method of `op`. -#}
{%- for p in op.path_params %}{{ p.rust_name }}, {% endfor -%}
{%- if op.body.is_some() || op.upload.is_some() %}body, {% endif -%}
{%- if op.params.is_some() %}params{% endif -%}
