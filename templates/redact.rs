//! Personal data in what the crate prints.
//!
//! The spec marks some fields as personal data (`x-twilio: {pii: ...}`).
//! The `Debug` of a model or params struct prints a field marked
//! *sensitive* through `Redacted`: only whether it is set and its size,
//! never the value. A field marked *standard* goes through `Personal`,
//! which prints the value unless the `redact-personal-data` feature is on.
//! Errors print the bodies they keep through `BodyExcerpt`: bounded, and
//! with the values of the sensitive keys hidden.
//@final

use std::fmt;
{% if api.has_personal_data() %}

{% if api.has_pii(Pii::Sensitive) %}
{{ api.cfg(Need::SensitiveData) }}
pub(crate) use personal::Redacted;
{% endif %}
{% if api.has_pii(Pii::Standard) %}
{{ api.cfg(Need::StandardData) }}
pub(crate) use personal::Personal;
{% endif %}

/// What prints personal values: built when some resource (or webhook
/// event) in the build has one.
{{ api.cfg(Need::PersonalData) }}
mod personal {
    use std::collections::BTreeMap;
    use std::fmt;

    use chrono::{DateTime, Utc};


    /// How a personal value prints in place of itself: whether it is set and
    /// how big it is, never what it holds.
    pub(crate) trait Redact {
        /// Writes the stand-in; `<redacted>` for a value without a size.
        fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("<redacted>")
        }
    }

    impl Redact for String {
        fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            count(f, self.len(), "byte", "bytes")
        }
    }

    impl Redact for serde_json::Value {
        fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                serde_json::Value::Null => f.write_str("Null"),
                serde_json::Value::String(text) => text.fmt_redacted(f),
                other => count(f, json_len(other), "byte of JSON", "bytes of JSON"),
            }
        }
    }

    impl<T> Redact for Vec<T> {
        fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            count(f, self.len(), "item", "items")
        }
    }

    impl<T> Redact for BTreeMap<String, T> {
        fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            count(f, self.len(), "entry", "entries")
        }
    }

    impl<T: Redact> Redact for Option<T> {
        fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                None => f.write_str("None"),
                Some(value) => {
                    f.write_str("Some(")?;
                    value.fmt_redacted(f)?;
                    f.write_str(")")
                }
            }
        }
    }

    impl<T: Redact + ?Sized> Redact for Box<T> {
        fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            (**self).fmt_redacted(f)
        }
    }

    impl Redact for bool {}
    impl Redact for i32 {}
    impl Redact for i64 {}
    impl Redact for f64 {}
    impl Redact for DateTime<Utc> {}
{% for name in api.redacted_types %}
    {{ api.type_gate(name).cfg() }}
    impl Redact for crate::{{ name }} {}
{% endfor %}

    /// Prints a value marked sensitive: only whether it is set and its size.
    pub(crate) struct Redacted<'a, T: ?Sized>(pub(crate) &'a T);

    impl<T: Redact + ?Sized> fmt::Debug for Redacted<'_, T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.fmt_redacted(f)
        }
    }
{% if api.has_pii(Pii::Standard) %}

    /// Prints a value marked as standard personal data: as itself, or like
    /// [`Redacted`] with the `redact-personal-data` feature.
    pub(crate) struct Personal<'a, T: ?Sized>(pub(crate) &'a T);

    impl<T: Redact + fmt::Debug + ?Sized> fmt::Debug for Personal<'_, T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            if cfg!(feature = "redact-personal-data") {
                fmt::Debug::fmt(&Redacted(self.0), f)
            } else {
                self.0.fmt(f)
            }
        }
    }
{% endif %}

    /// `<redacted 1 item>`, `<redacted 2 items>`.
    fn count(
        f: &mut fmt::Formatter<'_>,
        n: usize,
        one: &str,
        many: &str,
    ) -> fmt::Result {
        write!(f, "<redacted {n} {}>", if n == 1 { one } else { many })
    }

    /// The size of `value` as compact JSON, without writing it anywhere:
    /// counted through `Value`'s `Display`, which serde_json compiles once,
    /// instead of a JSON serializer instantiated here.
    fn json_len(value: &serde_json::Value) -> usize {
        struct Count(usize);
        impl fmt::Write for Count {
            fn write_str(&mut self, text: &str) -> fmt::Result {
                self.0 += text.len();
                Ok(())
            }
        }
        let mut count = Count(0);
        let _ = fmt::write(&mut count, format_args!("{value}"));
        count.0
    }
}
{% endif %}

/// A URL's query string with each parameter's value replaced by
/// `REDACTED` (names kept): query values can be personal data, such as
/// `Identity=alice` in a list's URL.
pub(crate) fn redact_query(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    for (i, pair) in query.split('&').enumerate() {
        if i > 0 {
            out.push('&');
        }
        match pair.split_once('=') {
            Some((name, _)) => {
                out.push_str(name);
                out.push_str("=REDACTED");
            }
            None => out.push_str(pair),
        }
    }

    out
}

/// `url` as an error or `Debug` prints it: its query's values redacted
/// ([`redact_query`]) and its fragment left out.
pub(crate) fn redact_url(url: &str) -> String {
    let url = url.split_once('#').map_or(url, |(url, _)| url);
    match url.split_once('?') {
        Some((base, query)) => format!("{base}?{}", redact_query(query)),
        None => url.to_owned(),
    }
}

/// Prints a URL through [`redact_url`].
pub(crate) struct RedactedUrl<'a>(pub(crate) &'a Option<String>);

impl fmt::Debug for RedactedUrl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(url) => write!(f, "Some({:?})", redact_url(url)),
            None => f.write_str("None"),
        }
    }
}

/// The most bytes of a body an error prints.
pub(crate) const BODY_LIMIT: usize = 512;

/// The JSON keys of the fields the spec marks sensitive: their values are
/// hidden wherever they appear in a body an error prints.
const SENSITIVE_KEYS: &[&str] = &[{% for key in api.sensitive_key_lits() %}{% if !loop.first %}, {% endif %}{{ key }}{% endfor %}];
{% if api.has_pii(Pii::Standard) %}

/// The JSON keys of the fields the spec marks as standard personal data
/// (and as sensitive nowhere): hidden too with `redact-personal-data`.
const STANDARD_KEYS: &[&str] = &[{% for key in api.standard_key_lits() %}{% if !loop.first %}, {% endif %}{{ key }}{% endfor %}];
{% endif %}

/// Whether the value under `key` is hidden in a body an error prints.
fn hides(key: &str) -> bool {
{% if api.has_pii(Pii::Standard) %}
    SENSITIVE_KEYS.contains(&key)
        || (cfg!(feature = "redact-personal-data") && STANDARD_KEYS.contains(&key))
{% else %}
    SENSITIVE_KEYS.contains(&key)
{% endif %}
}

/// A response body as an error prints it: the values of the keys it
/// [`hides`] replaced by their size, then at most [`BODY_LIMIT`] bytes and how many
/// more there were. The body is read as JSON text token by token, so a
/// truncated or malformed body is redacted too; text that is not JSON at
/// all is only bounded.
pub(crate) struct BodyExcerpt<'a>(pub(crate) &'a str);

impl BodyExcerpt<'_> {
    /// The printed text.
    pub(crate) fn text(&self, limit: usize) -> String {
        let redacted = redact_json(self.0);
        if redacted.len() <= limit {
            return redacted;
        }
        let mut cut = limit;
        while !redacted.is_char_boundary(cut) {
            cut -= 1;
        }
        format!("{}… ({} more bytes)", & redacted[..cut], redacted.len() - cut)
    }
}

impl fmt::Debug for BodyExcerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text(BODY_LIMIT), f)
    }
}

impl fmt::Display for BodyExcerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(BODY_LIMIT))
    }
}

/// `body` with the value after each key it [`hides`] replaced by
/// `"<redacted N bytes>"` (a `null` is kept).
fn redact_json(body: &str) -> String {
    let bytes = body.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let (content_end, end) = string_end(bytes, i);
        let key = &body[i + 1..content_end];
        let colon = skip_space(bytes, end);
        if bytes.get(colon) != Some(&b':') || !hides(key) {
            i = end;
            continue;
        }
        let start = skip_space(bytes, colon + 1);
        let stop = value_end(bytes, start);
        let value = &body[start..stop];
        if !value.is_empty() && value != "null" {
            let size = match value.strip_prefix('"') {
                Some(text) => text.strip_suffix('"').unwrap_or(text).len(),
                None => value.len(),
            };
            out.push_str(&body[copied..start]);
            out.push_str(&format!("\"<redacted {size} bytes>\""));
            copied = stop;
        }
        i = stop.max(end);
    }
    out.push_str(&body[copied..]);
    out
}

/// For the string starting at `start` (a `"`): where its text ends and
/// where the token ends (both the body's end when it is not closed).
fn string_end(bytes: &[u8], start: usize) -> (usize, usize) {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return (i, i + 1),
            _ => i += 1,
        }
    }
    (bytes.len(), bytes.len())
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// Where the JSON value starting at `start` ends: a string, an object or
/// array up to its matching bracket, or a bare word up to the next `,`,
/// `}`, `]` or space; the body's end when it stops first.
fn value_end(bytes: &[u8], start: usize) -> usize {
    match bytes.get(start) {
        None => start,
        Some(b'"') => string_end(bytes, start).1,
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = start;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        i = string_end(bytes, i).1;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            bytes.len()
        }
        Some(_) => {
            let mut i = start;
            while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']')
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            i
        }
    }
}

/// The JSON decoder's message about a body, with every value it quotes
/// (`invalid type: string "…"`, ``integer `…` ``, ``floating point `…` ``,
/// ``character `…` ``) replaced by its size: the decoder does not say which
/// field the value belongs to, so none is shown. Names it quotes
/// (``missing field `sid` ``) stay.
pub(crate) struct DecoderMessage<'a>(pub(crate) &'a serde_json::Error);

impl DecoderMessage<'_> {
    fn text(&self) -> String {
        let message = self.0.to_string();
        let bytes = message.as_bytes();
        let mut out = String::with_capacity(message.len());
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
            let (content_end, end) = match bytes[i] {
                b'"' => string_end(bytes, i),
                b'`' if ["integer ", "floating point ", "character "]
                    .iter()
                    .any(|kind| message[..i].ends_with(kind)) => {
                    match message[i + 1..].find('`') {
                        Some(at) => (i + 1 + at, i + 2 + at),
                        None => (bytes.len(), bytes.len()),
                    }
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.push_str(&message[copied..i]);
            out.push_str(&format!("<redacted {} bytes>", content_end - i - 1));
            copied = end;
            i = end;
        }
        out.push_str(&message[copied..]);
        out
    }
}

impl fmt::Debug for DecoderMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text(), f)
    }
}

impl fmt::Display for DecoderMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

//@end
#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::error::{ApiError, Error};

    /// Text that must not appear where personal data is hidden.
    pub(crate) const SENTINEL: &str = "pii-sentinel-5f0c";

    #[test]
    fn urls_print_without_query_values() {
        assert_eq!(redact_url("https://a.example/v1/Users?Identity=alice&PageSize=5#frag"), "https://a.example/v1/Users?Identity=REDACTED&PageSize=REDACTED");
        assert_eq!(redact_url("https://a.example/v1/Users"), "https://a.example/v1/Users");
        assert_eq!(redact_query("flag&Identity=a%40b.example&Empty="), "flag&Identity=REDACTED&Empty=REDACTED");
        let url = Some("/v1/Things?Identity=alice".to_owned());
        assert_eq!(format!("{:?}", RedactedUrl(&url)), "Some(\"/v1/Things?Identity=REDACTED\")");
        assert_eq!(format!("{:?}", RedactedUrl(&None)), "None");
    }

{% if !api.pii_cases.is_empty() %}
    /// Whether `Debug` of `value`, plain and pretty, shows [`SENTINEL`].
    {{ api.pii_cases_gate().cfg() }}
    fn shows(value: &impl fmt::Debug) -> bool {
        let plain = format!("{value:?}");
        let pretty = format!("{value:#?}");
        assert_eq!(plain.contains(SENTINEL), pretty.contains(SENTINEL), "{pretty}");
        plain.contains(SENTINEL)
    }

    /// Checks a field marked as personal data: `value` holds [`SENTINEL`] in
    /// `field` (readable through it), `Debug` of `value` names the field, and
    /// shows the sentinel only if `shown`.
    {{ api.pii_cases_gate().cfg() }}
    pub(crate) fn check_field(value: &impl fmt::Debug, field: &impl fmt::Debug, name: &str, shown: bool) {
        assert!(format!("{field:?}").contains(SENTINEL), "{field:?}");
        assert_eq!(shows(value), shown, "{value:?}");
        assert!(format!("{value:?}").contains(&format!("{name}: ")), "{value:?}");
    }
{% endif %}
{% for case in api.pii_cases_in(None) %}

{% include "pii_case.rs" %}
{% endfor %}
{% if api.has_personal_data() %}

    {{ api.cfg(Need::PersonalData) }}
{% raw %}
    #[test]
    fn redacted_values_show_only_their_size() {
        let text = String::from("hello");
        assert_eq!(format!("{:?}", personal::Redacted(&Some(text.clone()))), "Some(<redacted 5 bytes>)");
        assert_eq!(format!("{:?}", personal::Redacted(&None::<String>)), "None");
        assert_eq!(format!("{:?}", personal::Redacted(&text)), "<redacted 5 bytes>");
        let json = serde_json::json!({ "a": [1, 2] });
        assert_eq!(format!("{:?}", personal::Redacted(&json)), "<redacted 11 bytes of JSON>");
        assert_eq!(format!("{:?}", personal::Redacted(&serde_json::json!("hey"))), "<redacted 3 bytes>");
        assert_eq!(format!("{:?}", personal::Redacted(&Some(vec![json.clone(), json]))), "Some(<redacted 2 items>)");
        assert_eq!(format!("{:?}", personal::Redacted(&Some(Box::new(7i64)))), "Some(<redacted>)");
        assert_eq!(format!("{:?}", personal::Redacted(&vec![1])), "<redacted 1 item>");
        assert_eq!(format!("{:?}", personal::Redacted(&String::from("a"))), "<redacted 1 byte>");
        let map = std::collections::BTreeMap::from([("k".to_owned(), 1)]);
        assert_eq!(format!("{:?}", personal::Redacted(&map)), "<redacted 1 entry>");
    }
{% endraw %}
{% endif %}
{% raw %}

    /// A decoder error whose message quotes [`SENTINEL`].
    fn decoder_error() -> serde_json::Error {
        let error = serde_json::from_str::<i64>(&format!("\"{SENTINEL}\"")).unwrap_err();
        assert!(error.to_string().contains(SENTINEL));
        error
    }

    #[test]
    fn decoder_messages_hide_quoted_values() {
        let error = decoder_error();
        let shown = DecoderMessage(&error).to_string();
        assert!(!shown.contains(SENTINEL), "{shown}");
        assert!(shown.contains("<redacted 17 bytes>"), "{shown}");
        assert!(shown.contains("expected i64"), "{shown}");
        let number = serde_json::from_str::<String>("4111111111111111").unwrap_err();
        assert!(number.to_string().contains("4111111111111111"));
        let shown = DecoderMessage(&number).to_string();
        assert!(!shown.contains("4111"), "{shown}");
        assert!(shown.contains("integer <redacted 16 bytes>"), "{shown}");
        let float = serde_json::from_str::<String>("12.5").unwrap_err();
        assert!(!DecoderMessage(&float).to_string().contains("12.5"));
        // What a body lacks is named, not hidden.
        let missing = serde_json::from_str::<MissingSid>("{}").unwrap_err();
        assert_eq!(missing.to_string(), "missing field `sid` at line 1 column 2");
        assert_eq!(DecoderMessage(&missing).to_string(), missing.to_string());
    }

    /// A struct with a required field, for a decoder error that names it.
    #[derive(Debug)]
    struct MissingSid;

    impl<'de> serde::Deserialize<'de> for MissingSid {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Visit;
            impl<'de> serde::de::Visitor<'de> for Visit {
                type Value = MissingSid;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object with a sid")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<MissingSid, A::Error> {
                    Err(serde::de::Error::missing_field("sid"))
                }
            }
            deserializer.deserialize_map(Visit)
        }
    }

    #[test]
    fn decode_errors_print_a_bounded_body_and_keep_it_whole() {
        let body = "x".repeat(BODY_LIMIT * 4);
        let error = Error::decode(200, body.as_bytes(), decoder_error());
        let debug = format!("{error:?}");
        assert!(debug.len() < BODY_LIMIT + 200, "{} bytes", debug.len());
        assert!(debug.contains(&format!("… ({} more bytes)", BODY_LIMIT * 3)), "{debug}");
        let display = error.to_string();
        assert!(display.len() < BODY_LIMIT + 200, "{display}");
        assert!(!debug.contains(SENTINEL) && !display.contains(SENTINEL), "{debug}\n{display}");
        // A reporter that walks `source()` does not reach the raw message.
        assert!(std::error::Error::source(&error).is_none());
        match error {
            Error::Decode { body: kept, source, .. } => {
                assert_eq!(kept, body);
                assert!(source.to_string().contains(SENTINEL));
            }
            other => panic!("{other:?}"),
        }
        // A multi-byte character at the limit is not cut.
        let wide = "é".repeat(BODY_LIMIT);
        let text = BodyExcerpt(&wide).text(BODY_LIMIT + 1);
        assert!(text.starts_with(&"é".repeat(BODY_LIMIT / 2)), "{text}");
    }

    #[test]
    fn short_bodies_print_whole() {
        let body = r#"{"sid":"CH00","other":[1,"two",{"three":null}]}"#;
        assert_eq!(BodyExcerpt(body).text(BODY_LIMIT), body);
        assert_eq!(BodyExcerpt("not json at all").text(BODY_LIMIT), "not json at all");
        assert_eq!(BodyExcerpt("").text(BODY_LIMIT), "");
    }

    #[test]
    fn errors_hide_the_values_of_sensitive_keys() {
        for key in SENSITIVE_KEYS {
            let bodies = [
                format!(r#"{{"sid":"CH00","{key}":"{SENTINEL}","after":"kept"}}"#),
                format!(r#"{{"{key}" : {{"nested":["{SENTINEL}", "\"}}"]}},"after":"kept"}}"#),
                format!(r#"[{{"items":[{{"{key}":"{SENTINEL} \" with a quote"}}]}}, {{"after":"kept"}}]"#),
                // Cut short, as a body that failed to decode may be.
                format!(r#"{{"sid":"CH00","{key}":"{SENTINEL} and mo"#),
                format!(r#"{{"{key}":{{"a":"{SENTINEL}""#),
            ];
            for body in bodies {
                let error = Error::decode(200, body.as_bytes(), decoder_error());
                let debug = format!("{error:?}");
                assert!(!debug.contains(SENTINEL), "{debug}");
                assert!(debug.contains("<redacted"), "{debug}");
                assert!(!error.to_string().contains(SENTINEL));
                if body.contains("after") {
                    assert!(debug.contains("kept"), "{debug}");
                }
                let api = ApiError::from_response(
                    reqwest::StatusCode::BAD_REQUEST,
                    Default::default(),
                    body.as_bytes(),
                );
                let debug = format!("{api:?}");
                assert!(!debug.contains(SENTINEL), "{debug}");
                assert!(!api.to_string().contains(SENTINEL), "{api}");
                assert!(api.body.contains(SENTINEL));
            }
            // `null` says nothing and stays.
            let body = format!(r#"{{"{key}":null}}"#);
            assert_eq!(BodyExcerpt(&body).text(BODY_LIMIT), body);
        }
    }
{% endraw %}
{% if api.has_pii(Pii::Standard) %}
{% raw %}

    #[test]
    fn errors_hide_standard_personal_data_only_with_the_feature() {
        for key in STANDARD_KEYS {
            assert!(!SENSITIVE_KEYS.contains(key));
            let body = format!(r#"{{"sid":"CH00","{key}":"{SENTINEL}"}}"#);
            let error = Error::decode(200, body.as_bytes(), decoder_error());
            assert_eq!(
                format!("{error:?}").contains(SENTINEL),
                cfg!(not(feature = "redact-personal-data")),
                "{error:?}"
            );
        }
    }
{% endraw %}
{% endif %}
{% raw %}
{% endraw %}
}
