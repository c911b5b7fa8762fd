{# The request the generated methods describe and the client sends: part of client.rs, inside its run. #}
/// One request, as the generated methods describe it.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    method: Method,
    path: String,
    /// The spec's operationId, e.g. `FetchConversation` (for tracing).
    operation: &'static str,
    /// The path as the spec writes it, e.g. `/v1/Conversations/{Sid}`: never
    /// the values of parameters (for tracing).
    template: &'static str,
    query: Vec<(&'static str, String)>,
    headers: Vec<(&'static str, String)>,
    form: Option<Vec<(&'static str, String)>>,
{% if !api.hosts.is_empty() %}
    /// The index in [`OTHER_HOSTS`] of the host it goes to; `None` for the default.
    host: Option<usize>,
{% endif %}
{% if api.has_uploads() %}
    /// A body sent as it is.
    {{ api.cfg(Need::Uploads) }}
    upload: Option<std::sync::Arc<crate::binary::Upload>>,
{% endif %}
{% if api.sends_accept() %}
    /// The media type asked for in `Accept`.
    accept: &'static str,
{% endif %}
{% if api.sends_json() %}
    /// A JSON body: its media type and bytes.
    json: Option<(&'static str, Vec<u8>)>,
{% endif %}
}

impl Request {
    /// A request for `path` (already percent-encoded) or a server-given URL.
    pub(crate) fn new(method: Method, path: String) -> Self {
        Request {
            method,
            path,
            operation: "",
            template: "",
            query: Vec::new(),
            headers: Vec::new(),
            form: None,
{% if !api.hosts.is_empty() %}
            host: None,
{% endif %}
{% if api.has_uploads() %}
            {{ api.cfg(Need::Uploads) }}
            upload: None,
{% endif %}
{% if api.sends_accept() %}
            accept: "application/json",
{% endif %}
{% if api.sends_json() %}
            json: None,
{% endif %}
        }
    }

    /// Names the operation and its path template, as tracing reports them.
    pub(crate) fn operation(
        mut self,
        operation: &'static str,
        template: &'static str,
    ) -> Self {
        self.operation = operation;
        self.template = template;
        self
    }

{% if api.has_lists() %}
    {{ api.cfg(Need::Lists) }}
    /// The same operation at a server-given URL (the next page of a list).
    pub(crate) fn at_url(&self, url: String) -> Self {
{% if !api.sends_accept() && api.hosts.is_empty() %}
        Request::new(Method::GET, url).operation(self.operation, self.template)
{% else %}
        let request = Request::new(Method::GET, url)
            .operation(self.operation, self.template);
        Request {
{% if api.sends_accept() %}
            accept: self.accept,
{% endif %}
{% if !api.hosts.is_empty() %}
            host: self.host,
{% endif %}
            ..request
        }
{% endif %}
    }

{% endif %}
{% if api.sends(Location::Query) %}
    {{ api.cfg(Need::Query) }}
    /// Adds query pairs.
    pub(crate) fn query(mut self, pairs: Vec<(&'static str, String)>) -> Self {
        self.query = pairs;
        self
    }

{% endif %}
{% if api.sends(Location::Header) %}
    {{ api.cfg(Need::Headers) }}
    /// Adds headers.
    pub(crate) fn headers(mut self, pairs: Vec<(&'static str, String)>) -> Self {
        self.headers = pairs;
        self
    }

{% endif %}
{% if api.sends(Location::Form) %}
    {{ api.cfg(Need::Form) }}
    /// Sends these pairs as a form body.
    pub(crate) fn form(mut self, pairs: Vec<(&'static str, String)>) -> Self {
        self.form = Some(pairs);
        self
    }
{% endif %}
{% if api.sends_accept() %}

    {{ api.cfg(Need::Accept) }}
    /// Asks for `media_type` (a `+json` type) instead of `application/json`.
    pub(crate) fn accept(mut self, media_type: &'static str) -> Self {
        self.accept = media_type;
        self
    }
{% endif %}
{% if api.sends_json() %}

    {{ api.cfg(Need::Json) }}
    /// Sends `body` as the body, with `content_type` (`application/json` or
    /// a `+json` type).
    pub(crate) fn json(mut self, content_type: &'static str, body: Vec<u8>) -> Self {
        self.json = Some((content_type, body));
        self
    }
{% endif %}

{% if !api.hosts.is_empty() %}
    {{ api.cfg(Need::OtherHosts) }}
    /// Sends it to the `index`th of [`OTHER_HOSTS`].
    pub(crate) fn host(mut self, index: usize) -> Self {
        self.host = Some(index);
        self
    }

{% endif %}
{% if api.has_uploads() %}
    /// Whether the request can be sent again: a streamed body cannot.
    fn replayable(&self) -> bool {
        {{ api.cfg(Need::Uploads) }}
        if let Some(upload) = &self.upload {
            return upload.replayable();
        }
        true
    }

    {{ api.cfg(Need::Uploads) }}
    /// Sends `upload` as the body, refused first if longer than `limit`.
    pub(crate) fn upload(
        mut self,
        upload: crate::binary::Upload,
        limit: Option<u64>,
    ) -> Result<Self, Error> {
        upload.check_len(limit)?;
        self.upload = Some(std::sync::Arc::new(upload));
        Ok(self)
    }

{% endif %}
    fn is_idempotent(&self) -> bool {
        matches!(self.method, Method::GET | Method::DELETE | Method::HEAD)
    }
}

/// `pairs` as `application/x-www-form-urlencoded` (`a+b`, `c%26d`): the
/// encoding of both query strings and form bodies.
fn form_encoded(pairs: &[(&'static str, String)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        out.append_pair(name, value);
    }

    out.finish()
}

/// `url` with `pairs` added to its query, after any it has (a server-given
/// URL of a list's next page keeps its own).
fn with_query(url: &str, pairs: &[(&'static str, String)]) -> String {
    if pairs.is_empty() {
        return url.to_owned();
    }

    let (url, fragment) = url.split_once('#').map_or((url, None), |(u, f)| (u, Some(f)));
    let separator = match url.find('?') {
        None => "?",
        Some(at) if at + 1 == url.len() => "",
        Some(_) => "&",
    };
    let mut out = format!("{url}{separator}{}", form_encoded(pairs));
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }

    out
}

/// The whole body of `response`, read chunk by chunk into one buffer.
async fn read_body(mut response: reqwest::Response) -> Result<Vec<u8>, Error> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(Error::from_reqwest)? {
        body.extend_from_slice(&chunk);
    }

    Ok(body)
}
