//! How values go on the wire: form bodies, query strings and path segments.
//!
//! Twilio's rules: unset values are not sent; booleans are `true`/`false`;
//! date-times are RFC 3339 in UTC with a `Z`; a list sends one key per item
//! (`Key=a&Key=b`); names are sent as the spec spells them (`Timers.Inactive`).

use chrono::{DateTime, SecondsFormat, Utc};

{% if api.has_path_params() %}
use crate::error::Error;
{% endif %}

/// Key/value pairs in the order they are added.
pub(crate) type Pairs = Vec<(&'static str, String)>;

/// A value that can be sent as one or more `key=value` pairs.
pub(crate) trait ToWire {
    /// Appends this value under `key`.
    fn push_to(&self, key: &'static str, out: &mut Pairs);
}

impl ToWire for String {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, self.clone()));
    }
}

impl ToWire for bool {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, if *self { "true" } else { "false" }.to_owned()));
    }
}

impl ToWire for i32 {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, self.to_string()));
    }
}

impl ToWire for i64 {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, self.to_string()));
    }
}

impl ToWire for f64 {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, self.to_string()));
    }
}

impl ToWire for DateTime<Utc> {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, self.to_rfc3339_opts(SecondsFormat::AutoSi, true)));
    }
}

impl ToWire for serde_json::Value {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        match self {
            serde_json::Value::String(text) => out.push((key, text.clone())),
            other => out.push((key, other.to_string())),
        }
    }
}

impl<T: ToWire> ToWire for Vec<T> {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        for item in self {
            item.push_to(key, out);
        }
    }
}

impl<T: ToWire> ToWire for Option<T> {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        if let Some(value) = self {
            value.push_to(key, out);
        }
    }
}

{% if api.has_list_params() %}
/// A list as a form gives it: several values, or a single one (`Key=a` is a
/// one-item list).
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    Many(Vec<T>),
    One(T),
}

impl<T> From<OneOrMany<T>> for Vec<T> {
    fn from(value: OneOrMany<T>) -> Self {
        match value {
            OneOrMany::Many(items) => items,
            OneOrMany::One(item) => vec![item],
        }
    }
}
{% endif %}

{% if api.has_list_params_required(true) %}
/// Deserializes a required list that may also be given as a single value.
pub(crate) fn one_or_many_required<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    let value: OneOrMany<T> = serde::Deserialize::deserialize(deserializer)?;
    Ok(value.into())
}
{% endif %}

{% if api.has_list_params_required(false) %}
/// Deserializes an optional list that may also be given as a single value.
pub(crate) fn one_or_many<'de, D, T>(deserializer: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    let value: Option<OneOrMany<T>> = serde::Deserialize::deserialize(deserializer)?;
    Ok(value.map(Vec::from))
}
{% endif %}

{% if api.has_path_params() %}
/// Percent-encodes `value` as exactly one path segment: everything but
/// letters, digits and `-._~` is escaped, so `/`, `?`, `#` and `%` in a
/// unique name can never change the path.
///
/// An empty value, `.` and `..` cannot be sent as a segment at all (URL
/// parsers remove dot segments even when escaped), so they are refused.
pub(crate) fn path_segment(value: &str) -> Result<String, Error> {
    if matches!(value, "" | "." | "..") {
        return Err(Error::Config(format!(
            "`{value}` cannot be used as a path parameter: it would address a different resource"
        )));
    }
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    Ok(out)
}
{% endif %}

#[cfg(test)]
mod tests {
    use super::*;

{% if api.has_path_params() %}
    #[test]
    fn path_segments_escape_everything_structural() {
        assert_eq!(path_segment("CH123").unwrap(), "CH123");
        assert_eq!(path_segment("a/b?c#d e%").unwrap(), "a%2Fb%3Fc%23d%20e%25");
        assert_eq!(path_segment("é").unwrap(), "%C3%A9");
        assert_eq!(path_segment("...").unwrap(), "...");
        for refused in ["", ".", ".."] {
            assert!(path_segment(refused).is_err(), "{refused:?}");
        }
    }
{% endif %}

    #[test]
    fn values_follow_twilio_rules() {
        let mut out = Pairs::new();
        Some(true).push_to("Flag", &mut out);
        None::<String>.push_to("Unset", &mut out);
        vec!["a".to_owned(), "b".to_owned()].push_to("Identity", &mut out);
        let date: DateTime<Utc> = "2015-12-16T22:18:37Z".parse().unwrap();
        date.push_to("DateCreated", &mut out);
        assert_eq!(
            out,
            vec![
                ("Flag", "true".to_owned()),
                ("Identity", "a".to_owned()),
                ("Identity", "b".to_owned()),
                ("DateCreated", "2015-12-16T22:18:37Z".to_owned()),
            ]
        );
    }
}
