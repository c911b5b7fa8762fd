//! Resource handles, one per collection in the API, and their params structs.
{% for resource in api.resources %}

mod {{ resource.module }};
pub use {{ resource.module }}::{ {% for name in resource.exports() %}{{ name }}, {% endfor %} };
{% endfor %}
