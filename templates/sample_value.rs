{# The value of the sample setter call `s`, as a Rust expression. -#}
{%- match s.value -%}
{%- when SampleValue::Str(_) -%}
{%- for lit in s.value.str_lits() %}{{ lit }}{% endfor -%}
{%- when SampleValue::Strs(_) -%}
[{% for lit in s.value.str_lits() %}{{ lit }}{% if !loop.last %}, {% endif %}{% endfor %}]
{%- when SampleValue::Variant(ty, variant) -%}
{{ ty }}::{{ variant }}
{%- when SampleValue::Bool(b) -%}
{{ b }}
{%- when SampleValue::Int(n) -%}
{{ n }}
{%- endmatch -%}
