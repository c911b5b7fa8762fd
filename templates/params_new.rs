{#- For doc examples: `X::new(...)` for `params`, with the sample arguments. -#}
{{ params.name }}::new({% for value in params.sample_args %}{% include "sample_value.rs" %}{% if !loop.last %}, {% endif %}{% endfor %})
