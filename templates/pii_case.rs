{# One test that a marked field stays out of `Debug` (see `PiiCase`), included
   where its struct lives: a sensitive value is never shown, a standard one
   unless `redact-personal-data` is on. #}
//@final
    {{ api.type_gate(case.owner).cfg() }}
    #[test]
    fn {{ case.test }}() {
        let value = {{ case.build }};
{% if case.is_sensitive() %}
        check_field(&value, &value.{{ case.field }}, "{{ case.field_debug() }}", false);
{% else %}
        let shown = cfg!(not(feature = "redact-personal-data"));
        check_field(&value, &value.{{ case.field }}, "{{ case.field_debug() }}", shown);
{% endif %}
    }
//@end
