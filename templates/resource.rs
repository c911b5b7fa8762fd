//! The `{{ resource.handle }}` resource handle{% if resource.has_params() %} and its params structs{% endif %}.

//@final
{% if resource.uses_map() %}
use std::collections::BTreeMap;

{% endif %}
{% if resource.uses_datetime() %}
use chrono::{DateTime, Utc};
{% endif %}
{% if !resource.operations.is_empty() %}
use reqwest::Method;
{% endif %}
{% if resource.has_params() %}
use serde::Deserialize;
{% endif %}

{% if resource.operations.is_empty() %}
use crate::client::Client;
{% else %}
use crate::client::{Client, Request, Response};
use crate::error::Error;
use crate::pending::Pending;
{% endif %}
{% if resource.has_list() %}
use crate::pagination::{ItemStream, Page};
{% endif %}
{% for child in api.children_of(resource) %}
{{ child.gate().cfg() }}
use crate::resources::{{ child.handle }};
{% endfor %}
{% if resource.has_params() %}
use crate::wire::{Pairs, ToWire};
{% endif %}
//@end
{% if !api.resource_imports(resource).is_empty() %}
use crate::{ {% for name in api.resource_imports(resource) %}{{ name }}{% if !loop.last %}, {% endif %}{% endfor %} };
{% endif %}

//@final
#[cfg(feature = "mock")]
pub(crate) mod mock;
{% if api.has_own_tests(resource) %}
#[cfg(test)]
mod tests;
{% endif %}
{% if api.has_own_enums(resource) %}

mod enums;
pub use enums::*;
{% endif %}
{% if api.has_own_models(resource) %}

mod models;
pub use models::*;
{% endif %}

{% for line in resource.doc %}
/// {{ line }}
{% endfor %}
#[derive(Debug, Clone)]
pub struct {{ resource.handle }} {
    client: Client,
{% for p in resource.scope_params %}
    {{ p.rust_name }}: String,
{% endfor %}
}

//@end

impl {{ resource.handle }} {
//@final
    #[inline]
    pub(crate) fn new(client: Client{% for p in resource.scope_params %}, {{ p.rust_name }}: String{% endfor %}) -> Self {
        {{ resource.handle }} { client{% for p in resource.scope_params %}, {{ p.rust_name }}{% endfor %} }
    }
{% for child in api.children_of(resource) %}

    {% for line in child.doc %}
    /// {{ line }}
    {% endfor %}
    {{ child.gate().cfg() }}
    {{ child.gate().doc_cfg() }}
    #[inline]
    pub fn {{ child.accessor }}(&self{% if let Some(p) = child.accessor_param %}, {{ p.rust_name }}: impl Into<String>{% endif %}) -> {{ child.handle }} {
        {{ child.handle }}::new(self.client.clone(){% for p in resource.scope_params %}, self.{{ p.rust_name }}.clone(){% endfor %}{% if let Some(p) = child.accessor_param %}, {{ p.rust_name }}.into(){% endif %})
    }
{% endfor %}
//@end
{% for op in resource.operations %}

//@final
    {% for line in op.doc %}
    /// {{ line }}
    {% endfor %}
    ///
    /// `{{ op.http_method.upper() }} {{ op.path_doc() }}`{% if op.is_list() %}: one page; [`Self::{{ op.stream_method.as_deref().unwrap_or_default() }}`] follows every page.{% endif %}

{% for p in op.path_params %}
    ///
    /// `{{ p.rust_name }}`: {% for line in p.doc %}{{ line }} {% endfor %}

{% endfor %}
{% if let Some(upload) = op.upload %}
    ///
    /// `body`: the bytes sent as they are, as {{ upload.media_types_doc() }}{% if let Some(limit) = upload.max_len %}; at most {{ limit }} bytes, checked before anything is sent ([`Error::TooLarge`]){% endif %}. See [`Upload`] for retries.
{% endif %}
{% if op.response.is_binary() %}
    ///
    /// The answer is a file, not read yet: see [`Download`].
{% endif %}
    ///
    /// ```no_run
    /// # async fn example(client: {{ api.lib_name }}::Client) -> Result<(), {{ api.lib_name }}::Error> {
    /// use {{ api.lib_name }}::*;
    ///
{% let prefix = "    /// " %}
{% include "params_let.rs" %}
{% if op.is_list() %}
    /// let page = {% include "call.rs" %}.await?;
    /// for item in &page.items {
    ///     println!("{item:?}");
    /// }
{% else if op.response.is_binary() %}
    /// let file = {% include "call.rs" %}.await?;
    /// println!("{:?} ({:?} bytes)", file.content_type(), file.content_length());
    /// file.save("download.bin").await?;
{% else if op.response.json().is_some() %}
    /// let response = {% include "call.rs" %}.await?;
    /// println!("{response:?}");
{% else %}
    /// {% include "call.rs" %}.await?;
{% endif %}
    /// # Ok(())
    /// # }
    /// ```
    #[inline]
    pub fn {{ op.method }}(&self{% include "op_args.rs" %}) -> Pending<{% include "response_type.rs" %}> {
        self.client.{{ op.response.call() }}(self.{{ op.request_method }}({% include "op_forward.rs" %}))
    }

    /// Like [`Self::{{ op.method.trim_start_matches("r#") }}`], and also returns the response status and headers.
    #[inline]
    pub fn {{ op.with_response_method }}(&self{% include "op_args.rs" %}) -> Pending<Response<{% include "response_type.rs" %}>> {
        self.client.{{ op.response.call() }}(self.{{ op.request_method }}({% include "op_forward.rs" %}))
    }
{% if let Some(stream) = op.stream_method %}
{% if let Some(item) = op.response.page_item() %}

    /// Streams every item of the list, fetching pages lazily as it is read
    /// (see [`Self::{{ op.method }}`] for one page). Limit the total with
    /// `StreamExt::take`: no page beyond the limit is fetched. The stream owns
    /// what it needs; dropping it stops all work.
    #[inline]
    pub fn {{ stream }}(&self{% include "op_args.rs" %}) -> ItemStream<{{ item }}> {
        let request = self.{{ op.request_method }}({% include "op_forward.rs" %});
        crate::pagination::stream_items(self.client.clone(), request)
    }
{% endif %}
{% endif %}
//@end

//@final
    #[inline]
    fn {{ op.request_method }}(&self{% include "op_args.rs" %}) -> Result<Request, Error> {
{% include "request.rs" %}
        Ok(request)
    }
//@end
{% endfor %}
}
{% for op in resource.operations %}
{% if let Some(params) = op.params %}

//@final
{% for line in params.doc %}
/// {{ line }}
{% endfor %}
///
/// It also deserializes from JSON keyed by the wire names (`{{ params.fields[0].wire_doc() }}`).
#[derive({% if !params.has_personal_data() %}Debug, {% endif %}Clone, {% if params.derives_default() %}Default, {% endif %}PartialEq)]
#[non_exhaustive]
pub struct {{ params.name }} {
{% for field in params.fields %}
    {% for line in field.doc %}
    /// {{ line }}
    {% endfor %}
    {% if field.doc.is_empty() %}
    /// Sent as `{{ field.wire_doc() }}`.
    {% endif %}
    {% if !field.pii_doc.is_empty() %}
    ///
    {% endif %}
    {% for line in field.pii_doc %}
    /// {{ line }}
    {% endfor %}
    pub {{ field.rust_name }}: {% if field.required %}{{ field.ty }}{% else %}Option<{{ field.ty }}>{% endif %},
{% endfor %}
}
//@end
{% if params.has_personal_data() %}

{% let name = params.name.as_str() %}
{% let fields = params.fields.as_slice() %}
{% include "debug_impl.rs" %}
{% endif %}

impl {{ params.name }} {
{% if params.derives_default() %}
//@final
    /// Params with nothing set; nothing unset is sent.
    #[inline]
    pub fn new() -> Self {
        Self::default()
    }
//@end
{% else %}
    /// Params with the required fields set from the arguments, in spec order, and nothing else; nothing unset is sent.
    #[inline]
{% if params.has_many_arguments() %}
    #[allow(clippy::too_many_arguments)]
{% endif %}
    pub fn new({% for field in params.constructor_fields() %}{{ field.rust_name }}: {% include "param_arg.rs" %}, {% endfor %}) -> Self {
        Self {
{% for field in params.fields %}
{% if !field.required %}
            {{ field.rust_name }}: None,
{% else if field.setter.is_plain() %}
            {{ field.rust_name }},
{% else %}
            {% let arg = field.rust_name.as_str() %}{{ field.rust_name }}: {% include "param_value.rs" %},
{% endif %}
{% endfor %}
        }
    }
{% endif %}
{% for field in params.fields %}

//@final
    /// Sets [`{{ field.rust_name.trim_start_matches("r#") }}`](Self::{{ field.rust_name.trim_start_matches("r#") }}), sent as `{{ field.wire_doc() }}`.
    {% let arg = field.setter.arg_name() %}
    #[inline]
    pub fn {{ field.rust_name }}(mut self, {{ arg }}: {% include "param_arg.rs" %}) -> Self {
        self.{{ field.rust_name }} = {% if field.required %}{% include "param_value.rs" %}{% else %}Some({% include "param_value.rs" %}){% endif %};
        self
    }
//@end
{% endfor %}
{% if op.has_headers() %}

//@final
    #[inline]
    pub(crate) fn to_headers(&self) -> Pairs {
        let mut out = Pairs::new();
{% for field in params.at(Location::Header) %}
        self.{{ field.rust_name }}.push_to({{ field.wire_lit() }}, &mut out);
{% endfor %}
        out
    }
//@end
{% endif %}
{% if op.has_query() %}

//@final
    #[inline]
    pub(crate) fn to_query(&self) -> Pairs {
        let mut out = Pairs::new();
{% for field in params.at(Location::Query) %}
        self.{{ field.rust_name }}.push_to({{ field.wire_lit() }}, &mut out);
{% endfor %}
        out
    }
//@end
{% endif %}
{% if op.has_form() %}

//@final
    #[inline]
    pub(crate) fn to_form(&self) -> Pairs {
        let mut out = Pairs::new();
{% for field in params.at(Location::Form) %}
        self.{{ field.rust_name }}.push_to({{ field.wire_lit() }}, &mut out);
{% endfor %}
        out
    }
//@end
{% endif %}
}

{% include "params_de.rs" %}
{% endif %}
{% endfor %}
