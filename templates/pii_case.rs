{# One test that a marked field stays out of `Debug` (see `PiiCase`), included where its struct lives. #}
    {{ api.type_gate(case.owner).cfg() }}
    #[test]
    fn {{ case.test }}() {
        let value = {{ case.build }};
        // The value is there, and readable through the field.
        assert!(format!("{:?}", value.{{ case.field }}).contains(SENTINEL));
{% if case.is_sensitive() %}
        assert!(!shows(&value), "{value:?}");
{% else %}
        assert_eq!(shows(&value), cfg!(not(feature = "redact-personal-data")), "{value:?}");
{% endif %}
        assert!(format!("{value:?}").contains("{{ case.field_debug() }}: "));
    }
