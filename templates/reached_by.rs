{# How an app reaches `resource` from a client, with placeholder ids: `client.services().conversations(CHAT_SERVICE_SID)`. -#}
client{% for step in resource.chain %}.{{ step.accessor }}({% if let Some(arg) = step.arg %}{{ arg }}{% endif %}){% endfor %}
