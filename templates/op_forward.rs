{#- The arguments `op_args.rs` declares, passed on to another method of `op`. -#}
{%- for arg in op.forward_args() %}{% if !loop.first %}, {% endif %}{{ arg }}{% endfor -%}
