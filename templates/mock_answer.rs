{#- The `R` of an operation's mock `Expectation`: what its success carries. -#}
{% match op.response %}{% when ResponseKind::Json(ty) %}Json<{{ ty.qualified() }}>{% when ResponseKind::Page { item, .. } %}List<{{ item.qualified() }}>{% when ResponseKind::Empty %}NoBody{% endmatch %}
