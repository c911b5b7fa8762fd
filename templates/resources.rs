//! Resource handles, one folder per collection in the API: the handle, its
//! params structs, and the models and enums only it reaches. Each compiles
//! under its own cargo feature.
//@final
{% for resource in api.resources %}

{{ resource.gate().cfg() }}
pub(crate) mod {{ resource.module }};
{{ resource.gate().attrs() }}
pub use {{ resource.module }}::*;
{% endfor %}
//@end
