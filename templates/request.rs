{#- The request an operation sends, in the body of its request method (eight columns in). -#}
{% for arg in op.path_args %}
        let {{ arg.local }} = crate::wire::path_segment({{ arg.source }})?;
{% endfor %}
        let path = {% if op.path_args.is_empty() %}{{ op.path_format_lit() }}.to_owned(){% else %}format!({{ op.path_format_lit() }}){% endif %};
        let request = Request::new(Method::{{ op.http_method.upper() }}, path).operation({{ op.operation_id_lit() }}, {{ op.path_lit() }}){% if op.has_headers() %}.headers(params.to_headers()){% endif %}{% if op.has_query() %}.query(params.to_query()){% endif %}{% if op.has_form() %}.form(params.to_form()){% endif %}{% if op.accept.is_some() %}.accept({{ op.accept_lit() }}){% endif %}{% if let Some(body) = op.body %}.json({{ body.content_type_lit() }}, crate::wire::json_body(body)?){% endif %}{% if let Some(host) = op.host %}.host({{ host }}){% endif %}{% if let Some(upload) = op.upload %}.upload(body, {{ upload.max_len_lit() }})?{% endif %};
