{# How the mock reads the texts a request sent back into JSON, included in `mock.rs`. #}
{% if api.mock_reads(false) || api.mock_reads(true) %}

{{ api.cfg(Need::Params) }}
/// How a value sent as text reads back as JSON of the type its field has;
/// text that does not fit stays a string (and fails to decode, saying why).
pub(crate) trait FromText {
    fn json(text: &str) -> Value;
}

{{ api.cfg(Need::Params) }}
impl FromText for String {
    fn json(text: &str) -> Value {
        Value::String(text.to_owned())
    }
}

{{ api.cfg(Need::Params) }}
impl FromText for bool {
    fn json(text: &str) -> Value {
        match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            other => Value::String(other.to_owned()),
        }
    }
}

{{ api.cfg(Need::Params) }}
impl FromText for i64 {
    fn json(text: &str) -> Value {
        text.parse::<i64>().map_or_else(|_| Value::String(text.to_owned()), Value::from)
    }
}

{{ api.cfg(Need::Params) }}
impl FromText for f64 {
    fn json(text: &str) -> Value {
        text.parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(text.to_owned()), Value::Number)
    }
}

/// An object or map is sent as JSON text, a string as itself.
{{ api.cfg(Need::Params) }}
impl FromText for Value {
    fn json(text: &str) -> Value {
        serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))
    }
}
{% endif %}
{% if api.mock_reads(false) %}

{{ api.cfg(Need::ScalarParams) }}
/// A field with one value (the first, if it was sent twice).
pub(crate) fn one<T: FromText>(values: &[String]) -> Value {
    values.first().map_or(Value::Null, |value| T::json(value))
}
{% endif %}
{% if api.mock_reads(true) %}

{{ api.cfg(Need::ListParams) }}
/// A list field: one key per item.
pub(crate) fn many<T: FromText>(values: &[String]) -> Value {
    values.iter().map(|value| T::json(value)).collect()
}
{% endif %}
