{#- A params field in the mock's `Operation`: its wire name and how its texts read back. -#}
({{ field.wire_lit() }}, {% if field.is_list() %}many{% else %}one{% endif %}::<{{ field.mock_reads() }}>)
