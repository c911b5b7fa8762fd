{# A call of `op` on `resource` from `client`, with placeholder arguments, for doc examples. -#}
client{% for step in resource.chain %}.{{ step.accessor }}({% if let Some(arg) = step.arg %}"{{ arg }}"{% endif %}){% endfor %}.{{ op.method }}({% for p in op.path_params %}"{{ p.placeholder }}", {% endfor %}{% if let Some(params) = op.params %}&{{ params.name }}::new(){% endif %})
