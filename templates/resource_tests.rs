//! The spec's examples of [`crate::{{ resource.handle }}`]'s operations, checked
//! against the generated types (see `crate::spec_examples`).

{% if resource.has_examples() %}
use crate::spec_examples::*;
{% endif %}
{% for op in resource.operations %}
{% if !op.response_examples.is_empty() || !op.request_examples.is_empty() || !op.body_examples.is_empty() %}

//@final
/// `{{ op.operation_id_doc() }}`: {{ op.http_method.upper() }} {{ op.path_doc() }}
#[test]
fn {{ op.example_test }}() {
{% for example in op.response_examples %}
{% match op.response %}
{% when ResponseKind::Json(ty) %}
    let json = r{{ example.hashes }}"{{ example.json }}"{{ example.hashes }};
    decodes_losslessly::<{{ ty.crate_path() }}>({{ example.name_lit() }}, json);
{% when ResponseKind::Page { item, .. } %}
    let json = r{{ example.hashes }}"{{ example.json }}"{{ example.hashes }};
    page_decodes_losslessly::<{{ item.crate_path() }}>({{ example.name_lit() }}, json);
{% when ResponseKind::Empty %}
{% when ResponseKind::Binary %}
{% endmatch %}
{% endfor %}
{% if let Some(params) = op.params %}
{% for example in op.request_examples %}
    let json = r{{ example.hashes }}"{{ example.json }}"{{ example.hashes }};
    form_encodes_as_given({{ example.name_lit() }}, json, &[{% for key in example.undeclared_lits() %}{{ key }}{% if !loop.last %}, {% endif %}{% endfor %}], {{ op.request_example_others_lit() }}, crate::{{ params.name }}::to_form);
{% endfor %}
{% endif %}
{% if let Some(body) = op.body %}
{% for example in op.body_examples %}
    let json = r{{ example.hashes }}"{{ example.json }}"{{ example.hashes }};
    body_encodes_as_given::<{{ body.ty.crate_path() }}>({{ example.name_lit() }}, json);
{% endfor %}
{% endif %}
}
//@end
{% endif %}
{% endfor %}
{% let cases = api.pii_cases_in(Some(resource)) %}
{% if !cases.is_empty() %}

/// Fields marked as personal data stay out of `Debug`.
mod personal_data {
    use crate::redact::tests::{SENTINEL, check_field};
{% for case in cases %}

{% include "pii_case.rs" %}
{% endfor %}
}
{% endif %}
