{#- `Debug` for the struct `name` with `fields`, personal data printed through
    its `crate::redact` wrapper; the other fields as `derive(Debug)` prints them.
    The chain is written on one line: the final layout breaks it as prettyplease
    does when it is too long. -#}
//@final
impl std::fmt::Debug for {{ name }} {
    #[inline]
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("{{ name }}"){% for field in fields %}{% if let Some(wrapper) = field.debug_wrapper() %}.field({{ field.debug_lit() }}, &crate::redact::{{ wrapper }}(&self.{{ field.rust_name }})){% else %}.field({{ field.debug_lit() }}, &self.{{ field.rust_name }}){% endif %}{% endfor %}.finish()
    }
}
//@end
