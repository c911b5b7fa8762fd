//! The models and enums several resources share (or webhook events hold),
//! one file each: each compiles when any feature that reaches it is on.
{% for shared in api.shared_types() %}

{{ shared.gate.cfg() }}
mod {{ shared.module }};
{{ shared.gate.attrs() }}
pub use {{ shared.module }}::{{ shared.name }};
{% endfor %}
