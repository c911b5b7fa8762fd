{# The sample `value` (an argument or a setter's), as a Rust expression. -#}
{%- match value -%}
{%- when SampleValue::Str(_) -%}
{%- for lit in value.str_lits() %}{{ lit }}{% endfor -%}
{%- when SampleValue::Strs(_) -%}
[{% for lit in value.str_lits() %}{{ lit }}{% if !loop.last %}, {% endif %}{% endfor %}]
{%- when SampleValue::Variant(ty, variant) -%}
{{ ty }}::{{ variant }}
{%- when SampleValue::Bool(b) -%}
{{ b }}
{%- when SampleValue::Int(n) -%}
{{ n }}
{%- when SampleValue::Expr(code) -%}
{{ code }}
{%- endmatch -%}
