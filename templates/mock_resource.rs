//! What the typed mock (feature `mock`) expects of [`crate::{{ resource.handle }}`]'s operations.

use std::sync::Arc;

use crate::mock::*;

/// Expectations on what [`crate::{{ resource.handle }}`] sends: one method per
/// operation, named like the client's.
#[derive(Debug, Clone)]
pub struct {{ resource.mock_handle }} {
    pub(crate) mock: Arc<Shared>,
{% for p in resource.scope_params %}
    pub(crate) {{ p.rust_name }}: String,
{% endfor %}
}

impl {{ resource.mock_handle }} {
{% for child in api.children_of(resource) %}

    /// Expectations on what [`crate::{{ child.handle }}`] sends.
    {{ child.gate().cfg() }}
    {{ child.gate().doc_cfg() }}
    pub fn {{ child.mock_accessor }}(&self{% if let Some(p) = child.accessor_param %}, {{ p.rust_name }}: impl Into<String>{% endif %}) -> {{ child.mock_handle }} {
        {{ child.mock_handle }} {
            mock: Arc::clone(&self.mock),
{% for p in resource.scope_params %}
            {{ p.rust_name }}: self.{{ p.rust_name }}.clone(),
{% endfor %}
{% if let Some(p) = child.accessor_param %}
            {{ p.rust_name }}: {{ p.rust_name }}.into(),
{% endif %}
        }
    }
{% endfor %}
{% for op in resource.operations %}

//@final
    /// Expects what [`crate::{{ resource.handle }}::{{ op.method.trim_start_matches("r#") }}`] sends: `{{ op.http_method.upper() }} {{ op.path_doc() }}`{% if op.is_list() %}, and the later pages of its answer{% endif %}.
    pub fn {{ op.method }}(&self{% for p in op.path_params %}, {{ p.rust_name }}: &str{% endfor %}) -> Expectation<{% if let Some(params) = op.params %}crate::{{ params.name }}{% else %}NoParams{% endif %}, {% include "mock_answer.rs" %}{% if let Some(body) = op.body %}, {{ body.ty.crate_path() }}{% endif %}{% if op.upload.is_some() %}, ReceivedUpload{% endif %}> {
{% for arg in op.path_args %}
        let {{ arg.local }} = segment({{ arg.source }});
{% endfor %}
        let path = {% if op.path_args.is_empty() %}{{ op.path_format_lit() }}.to_owned(){% else %}format!({{ op.path_format_lit() }}){% endif %};
{% if let Some(example) = op.response_examples.first() %}
        const EXAMPLE: &str = r{{ example.hashes }}"{{ example.json }}"{{ example.hashes }};
{% endif %}
        Expectation::new(
            &self.mock,
            &Operation {
                id: {{ op.operation_id_lit() }},
                method: "{{ op.http_method.upper() }}",
                status: {{ op.success_status }},
                has_body: {{ !op.response.is_empty() && !op.response.is_binary() }},
                items_key: {% if let Some(key) = op.response.items_key_lit() %}Some({{ key }}){% else %}None{% endif %},
                example: {% if op.response_examples.is_empty() %}None{% else %}Some(EXAMPLE){% endif %},
{% if let Some(params) = op.params %}
                headers: &[{% for field in params.at(Location::Header) %}{% include "mock_field.rs" %}{% if !loop.last %}, {% endif %}{% endfor %}],
                query: &[{% for field in params.at(Location::Query) %}{% include "mock_field.rs" %}{% if !loop.last %}, {% endif %}{% endfor %}],
                form: &[{% for field in params.at(Location::Form) %}{% include "mock_field.rs" %}{% if !loop.last %}, {% endif %}{% endfor %}],
{% else %}
                headers: &[],
                query: &[],
                form: &[],
{% endif %}
            },
            path,
        )
    }
//@end
{% endfor %}
}
