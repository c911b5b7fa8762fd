{#- The `R` of an operation's mock `Expectation`: what its success carries. -#}
{% match op.response %}{% when ResponseKind::Json(ty) %}Json<{{ ty.crate_path() }}>{% when ResponseKind::Page { item, .. } %}List<{{ item.crate_path() }}>{% when ResponseKind::Empty %}NoBody{% when ResponseKind::Binary %}Raw{% endmatch %}
