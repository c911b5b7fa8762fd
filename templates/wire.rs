//! How values go on the wire: form bodies, query strings and path segments;
//! and how structs are read back from a map of named fields.
//!
//! Twilio's rules: unset values are not sent; booleans are `true`/`false`;
//! date-times are RFC 3339 in UTC with a `Z`; a list sends one key per item
//! (`Key=a&Key=b`); names are sent as the spec spells them (`Timers.Inactive`).

//@final
use std::fmt;
use std::marker::PhantomData;

{% if api.has_params() %}
{{ api.cfg(Need::Params) }}
use chrono::{DateTime, Utc};
{% endif %}
use serde::Deserializer;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
{% if api.has_list_params() %}
{{ api.cfg(Need::ListParams) }}
use serde::Deserialize;
{% endif %}

{% if api.has_path_params() %}
{{ api.cfg(Need::PathParams) }}
use crate::error::Error;
{% endif %}

{% if api.has_params() %}
{{ api.cfg(Need::Params) }}
/// Key/value pairs in the order they are added.
pub(crate) type Pairs = Vec<(&'static str, String)>;

{{ api.cfg(Need::Params) }}
/// A value that can be sent as one or more `key=value` pairs.
pub(crate) trait ToWire {
    /// Appends this value under `key`.
    fn push_to(&self, key: &'static str, out: &mut Pairs);
}

{{ api.cfg(Need::Params) }}
impl ToWire for String {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, self.clone()));
    }
}

{{ api.cfg(Need::Params) }}
impl ToWire for bool {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, if *self { "true" } else { "false" }.to_owned()));
    }
}

{{ api.cfg(Need::Params) }}
impl ToWire for i32 {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, self.to_string()));
    }
}

{{ api.cfg(Need::Params) }}
impl ToWire for i64 {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, self.to_string()));
    }
}

{{ api.cfg(Need::Params) }}
impl ToWire for f64 {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, self.to_string()));
    }
}

{{ api.cfg(Need::Params) }}
impl ToWire for DateTime<Utc> {
    /// RFC 3339 in UTC, as `to_rfc3339_opts(SecondsFormat::AutoSi, true)`
    /// writes it, from the date's and the time's own `Display`: chrono
    /// compiles those once, where a `DateTime` formatter is compiled anew
    /// in each crate that uses one.
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        let at = self.naive_utc();
        out.push((key, format!("{}T{}Z", at.date(), at.time())));
    }
}

{{ api.cfg(Need::Params) }}
impl ToWire for chrono::NaiveDate {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        out.push((key, self.to_string()));
    }
}

{{ api.cfg(Need::Params) }}
impl ToWire for serde_json::Value {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        match self {
            serde_json::Value::String(text) => out.push((key, text.clone())),
            other => out.push((key, other.to_string())),
        }
    }
}

{{ api.cfg(Need::Params) }}
impl<T: ToWire> ToWire for Vec<T> {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        for item in self {
            item.push_to(key, out);
        }
    }
}

{{ api.cfg(Need::Params) }}
impl<T: ToWire> ToWire for Option<T> {
    fn push_to(&self, key: &'static str, out: &mut Pairs) {
        if let Some(value) = self {
            value.push_to(key, out);
        }
    }
}
{% endif %}

{% if api.has_list_params() %}
{{ api.cfg(Need::ListParams) }}
/// A list as a form gives it: several values, or a single one (`Key=a` is a
/// one-item list). A params struct reads a required list field as this, an
/// optional one as [`MaybeMany`].
pub(crate) struct OneOrMany<T>(pub(crate) Vec<T>);

{{ api.cfg(Need::ListParams) }}
impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OneOrManyVisitor(PhantomData))
    }
}

{{ api.cfg(Need::ListParams) }}
struct OneOrManyVisitor<T>(PhantomData<fn() -> T>);

{{ api.cfg(Need::ListParams) }}
impl<T> OneOrManyVisitor<T> {
    fn one<'de, E: de::Error>(
        deserializer: impl Deserializer<'de, Error = E>,
    ) -> Result<OneOrMany<T>, E>
    where
        T: Deserialize<'de>,
    {
        T::deserialize(deserializer).map(|item| OneOrMany(vec![item]))
    }
}

{{ api.cfg(Need::ListParams) }}
impl<'de, T: Deserialize<'de>> Visitor<'de> for OneOrManyVisitor<T> {
    type Value = OneOrMany<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or a list of values")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<OneOrMany<T>, A::Error> {
        Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(OneOrMany)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<OneOrMany<T>, A::Error> {
        Self::one(de::value::MapAccessDeserializer::new(map))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<OneOrMany<T>, E> {
        Self::one(de::value::StrDeserializer::new(value))
    }

    fn visit_borrowed_str<E: de::Error>(
        self,
        value: &'de str,
    ) -> Result<OneOrMany<T>, E> {
        Self::one(de::value::BorrowedStrDeserializer::new(value))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<OneOrMany<T>, E> {
        Self::one(de::value::StringDeserializer::new(value))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<OneOrMany<T>, E> {
        Self::one(de::value::BoolDeserializer::new(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<OneOrMany<T>, E> {
        Self::one(de::value::I64Deserializer::new(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<OneOrMany<T>, E> {
        Self::one(de::value::U64Deserializer::new(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<OneOrMany<T>, E> {
        Self::one(de::value::F64Deserializer::new(value))
    }
}
{% endif %}
{% if api.has_list_params_required(false) %}

{{ api.cfg(Need::OptionalListParams) }}
/// An optional [`OneOrMany`]: `null` is no list.
pub(crate) struct MaybeMany<T>(pub(crate) Option<Vec<T>>);

{{ api.cfg(Need::OptionalListParams) }}
impl<'de, T: Deserialize<'de>> Deserialize<'de> for MaybeMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<OneOrMany<T>>::deserialize(deserializer)
            .map(|list| MaybeMany(list.map(|list| list.0)))
    }
}

{{ api.cfg(Need::OptionalListParams) }}
/// Reads the next value of `map`, a list or a single item, into `field`.
pub(crate) fn read_many<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    field: &mut Option<Vec<T>>,
) -> Result<(), A::Error> {
    *field = map.next_value::<MaybeMany<T>>()?.0;
    Ok(())
}
{% endif %}
/// The part of every model's and params struct's `Deserialize` impl that does
/// not depend on the struct: matching keys to fields, skipping unknown keys,
/// refusing a key given twice, and what a missing field becomes. It decodes
/// exactly as `#[derive(Deserialize)]` does, but this code is compiled once
/// instead of once per struct, and each struct's impl is a few lines a field.
pub(crate) struct Fields {
    names: &'static [&'static str],
    seen: Vec<bool>,
}

impl Fields {
    /// The fields of a struct, by their names on the wire.
    pub(crate) fn new(names: &'static [&'static str]) -> Self {
        Fields {
            names,
            seen: vec![false; names.len()],
        }
    }

    /// The index of the next known key in `map`, whose value is to be read
    /// next; the values of unknown keys are skipped.
    pub(crate) fn next<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
    ) -> Result<Option<usize>, A::Error> {
        while let Some(key) = map.next_key_seed(Key(self.names))? {
            let Some(index) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if std::mem::replace(&mut self.seen[index], true) {
                return Err(de::Error::duplicate_field(self.names[index]));
            }
            return Ok(Some(index));
        }
        Ok(None)
    }
}

/// A map key as the index of the field it names (`None`: not a field). Like
/// a derived field identifier, it takes the field's name or its position.
struct Key(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Option<usize>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<Option<usize>, E> {
        Ok(usize::try_from(index).ok().filter(|index| *index < self.0.len()))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|name| *name == key))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|name| name.as_bytes() == key))
    }
}

/// The `serde` visitor of the struct `T`. A struct that may miss every
/// field implements [`Decode`], which gives it this visitor; one with a
/// required field implements `Visitor` for its own, in a few lines a field.
pub(crate) struct StructVisitor<T>(PhantomData<fn() -> T>);

impl<T> StructVisitor<T> {
    pub(crate) const fn new() -> Self {
        StructVisitor(PhantomData)
    }
}

/// A struct whose every field may be missing, decoded into its `Default`
/// one key at a time. Its `Deserialize` impl calls [`decode`], and all it
/// writes of its own is a `match` from a field's index to the field, so
/// the loop over the keys (and the visitor) is written once, not once per
/// struct.
pub(crate) trait Decode: Default {
    /// The struct's name, as decoding errors show it (`struct Conversation`).
    const NAME: &'static str;
    /// Its fields by their names on the wire, in order.
    const FIELDS: &'static [&'static str];

    /// Reads the value of the field at `index` in [`Decode::FIELDS`] from
    /// `map` into `self`.
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error>;
}

/// `T`, decoded as `#[derive(Deserialize)]` would decode it.
pub(crate) fn decode<'de, T: Decode, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_struct(T::NAME, T::FIELDS, StructVisitor::<T>::new())
}

/// Reads the next value of `map` into `field`.
pub(crate) fn read<'de, A: MapAccess<'de>, T: serde::Deserialize<'de>>(
    map: &mut A,
    field: &mut T,
) -> Result<(), A::Error> {
    *field = map.next_value()?;
    Ok(())
}

impl<'de, T: Decode> Visitor<'de> for StructVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", T::NAME)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        self.visit_map(SeqAsMap::new(seq, T::FIELDS.len(), T::NAME))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut value = T::default();
        let mut fields = Fields::new(T::FIELDS);
        while let Some(index) = fields.next(&mut map)? {
            value.read(index, &mut map)?;
        }
        Ok(value)
    }
}

{% if api.decodes_required_fields() %}
{{ api.cfg(Need::RequiredFields) }}
/// The value read for a field that may not be missing; a missing one is a
/// `missing field` error, as with `#[derive(Deserialize)]` (only an `Option`
/// may be missing, and those are read straight into their field).
pub(crate) fn required<T, E: de::Error>(
    value: Option<T>,
    name: &'static str,
) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}
{% endif %}

/// A struct given as a sequence of its fields' values (as compact formats
/// send it) read as a map keyed by field position, so a struct's `visit_seq`
/// is its `visit_map`. Too few values is an `invalid length` error, as with
/// `#[derive(Deserialize)]`.
pub(crate) struct SeqAsMap<A> {
    seq: A,
    next: usize,
    len: usize,
    name: &'static str,
}

impl<A> SeqAsMap<A> {
    /// The values of `len` fields of the struct named `name`.
    pub(crate) fn new(seq: A, len: usize, name: &'static str) -> Self {
        SeqAsMap {
            seq,
            next: 0,
            len,
            name,
        }
    }
}

impl<'de, A: SeqAccess<'de>> MapAccess<'de> for SeqAsMap<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if self.next == self.len {
            return Ok(None);
        }
        seed.deserialize(de::value::U64Deserializer::new(self.next as u64)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        let index = self.next;
        self.next += 1;
        match self.seq.next_element_seed(seed)? {
            Some(value) => Ok(value),
            None => Err(de::Error::invalid_length(index, self)),
        }
    }
}

impl<A> de::Expected for SeqAsMap<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.len == 1 { "" } else { "s" };
        write!(f, "struct {} with {} element{plural}", self.name, self.len)
    }
}



{% if api.models_skip_none() %}
{{ api.cfg(Need::SkippedNones) }}
/// Encodes an optional struct field only when it is set: an unset optional
/// field is left out (as the spec's bodies want), not written as `null`.
pub(crate) fn serialize_set<S: serde::ser::SerializeStruct, T: serde::Serialize>(
    out: &mut S,
    key: &'static str,
    value: &Option<T>,
) -> Result<(), S::Error> {
    match value {
        Some(_) => out.serialize_field(key, value),
        None => out.skip_field(key),
    }
}

{% endif %}{% if api.sends_json() %}
{{ api.cfg(Need::SkippedNones) }}
/// A JSON request body as bytes. Encoding the crate's own types cannot fail
/// in practice; if a hand-written `Serialize` does, the call says why
/// before anything is sent.
pub(crate) fn json_body<T: serde::Serialize + ?Sized>(
    body: &T,
) -> Result<Vec<u8>, crate::error::Error> {
    serde_json::to_vec(body)
        .map_err(|err| crate::error::Error::Config(
            format!("the request body cannot be encoded as JSON: {err}"),
        ))
}

{% endif %}
{% if !api.unions.is_empty() %}
/// Encodes one variant of a tagged union: the variant's own fields with the
/// tag (the discriminator property) set to the variant's value, whatever
/// the variant's struct holds there.
pub(crate) fn tagged<S: serde::Serializer, T: serde::Serialize>(
    serializer: S,
    key: &str,
    tag: &str,
    value: &T,
) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    use serde::ser::Error as _;
    let mut value = serde_json::to_value(value).map_err(S::Error::custom)?;
    if let serde_json::Value::Object(fields) = &mut value {
        fields.insert(key.to_owned(), serde_json::Value::String(tag.to_owned()));
    }
    value.serialize(serializer)
}

/// Reads a tagged union's JSON and its tag (the string under `key`); a
/// value without one is an error naming the key.
pub(crate) fn untag<'de, D: Deserializer<'de>>(
    deserializer: D,
    key: &'static str,
) -> Result<(String, serde_json::Value), D::Error> {
    use serde::Deserialize;
    let value = serde_json::Value::deserialize(deserializer)?;
    match value.get(key).and_then(serde_json::Value::as_str) {
        Some(tag) => Ok((tag.to_owned(), value)),
        None => Err(de::Error::missing_field(key)),
    }
}

/// Decodes a tagged union's variant from the union's JSON (tag included).
pub(crate) fn variant<T: de::DeserializeOwned, E: de::Error>(
    value: serde_json::Value,
) -> Result<T, E> {
    T::deserialize(value).map_err(E::custom)
}

{% endif %}
{% if api.has_path_params() %}
{{ api.cfg(Need::PathParams) }}
/// Percent-encodes `value` as exactly one path segment: everything but
/// letters, digits and `-._~` is escaped, so `/`, `?`, `#` and `%` in a
/// unique name can never change the path.
///
/// An empty value, `.` and `..` cannot be sent as a segment at all (URL
/// parsers remove dot segments even when escaped), so they are refused.
pub(crate) fn path_segment(value: &str) -> Result<String, Error> {
    if matches!(value, "" | "." | "..") {
        return Err(
            Error::Config(
                format!(
                    "`{value}` cannot be used as a path parameter: it would address a different resource"
                ),
            ),
        );
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

    /// A struct decoded the way every struct without a required field is.
    #[derive(Debug, Default, PartialEq)]
    struct Loose {
        name: Option<String>,
        sizes: Option<Vec<i64>>,
    }

    impl<'de> serde::Deserialize<'de> for Loose {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            decode(deserializer)
        }
    }

    impl Decode for Loose {
        const NAME: &'static str = "Loose";
        const FIELDS: &'static [&'static str] = &["Name", "Sizes"];

        fn read<'de, A: MapAccess<'de>>(
            &mut self,
            index: usize,
            map: &mut A,
        ) -> Result<(), A::Error> {
            match index {
                0 => read(map, &mut self.name),
                _ => read(map, &mut self.sizes),
            }
        }
    }

    /// What `#[derive(Deserialize)]` gives a struct of `Option`s, error
    /// messages included.
    #[test]
    fn optional_fields_decode_as_the_derive_would() {
        let decode = |json: &str| {
            serde_json::from_str::<Loose>(json).map_err(|err| err.to_string())
        };
        let loose = |name: Option<&str>, sizes: Option<Vec<i64>>| Loose {
            name: name.map(str::to_owned),
            sizes,
        };
        assert_eq!(
            decode(r#"{"Name": "a", "Sizes": [1, 2]}"#), Ok(loose(Some("a"), Some(vec![1,
            2])))
        );
        assert_eq!(
            decode(r#"{"Other": {"x": [1, null]}, "Name": "a"}"#), Ok(loose(Some("a"),
            None))
        );
        assert_eq!(decode(r#"{"Name": null, "Sizes": null}"#), Ok(Loose::default()));
        assert_eq!(decode("{}"), Ok(Loose::default()));
        assert_eq!(decode(r#"{"name": "a"}"#), Ok(Loose::default()));
        assert_eq!(
            decode(r#"{"Sizes": [], "Sizes": [1]}"#),
            Err("duplicate field `Sizes` at line 1 column 21".into())
        );
        assert_eq!(
            decode(r#"{"Sizes": 1}"#),
            Err("invalid type: integer `1`, expected a sequence at line 1 column 11"
            .into())
        );
        assert_eq!(
            decode("true"),
            Err("invalid type: boolean `true`, expected struct Loose at line 1 column 4"
            .into())
        );
        {# A sequence gives the fields in order, as compact formats send them. #}
        assert_eq!(decode(r#"["a", null]"#), Ok(loose(Some("a"), None)));
        let expected = "invalid length 1, expected struct Loose with 2 elements at line 1 column 5";
        assert_eq!(decode(r#"["a"]"#), Err(expected.into()));
    }

{% if api.has_path_params() %}
    {{ api.cfg(Need::PathParams) }}
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

{% if api.has_params() %}
    {{ api.cfg(Need::Params) }}
    #[test]
    fn values_follow_twilio_rules() {
        let mut out = Pairs::new();
        Some(true).push_to("Flag", &mut out);
        None::<String>.push_to("Unset", &mut out);
        vec!["a".to_owned(), "b".to_owned()].push_to("Identity", &mut out);
        let date: DateTime<Utc> = "2015-12-16T22:18:37Z".parse().unwrap();
        date.push_to("DateCreated", &mut out);
        assert_eq!(
            out, vec![("Flag", "true".to_owned()), ("Identity", "a".to_owned()),
            ("Identity", "b".to_owned()), ("DateCreated", "2015-12-16T22:18:37Z"
            .to_owned()),]
        );
    }

    {{ api.cfg(Need::Params) }}
    #[test]
    fn dates_are_written_as_chrono_writes_rfc3339_and_iso_dates() {
        use chrono::{NaiveDate, SecondsFormat, TimeZone};

        let mut instants = Vec::new();
        for (year, nano) in [
            (2015, 0),
            (1, 5),
            (0, 120_000_000),
            (9999, 999_999_000),
            (10000, 1),
            (-44, 7_000),
            (1970, 1_999_999_999),
        ] {
            let date = NaiveDate::from_ymd_opt(year, 12, 31).unwrap();
            let time = chrono::NaiveTime::from_hms_nano_opt(23, 59, 59, nano).unwrap();
            instants.push(Utc.from_utc_datetime(&date.and_time(time)));
        }
        for at in instants {
            let mut out = Pairs::new();
            at.push_to("At", &mut out);
            at.date_naive().push_to("On", &mut out);
            assert_eq!(out[0].1, at.to_rfc3339_opts(SecondsFormat::AutoSi, true));
            assert_eq!(out[1].1, at.date_naive().format("%Y-%m-%d").to_string());
        }
    }
{% endif %}
{% if api.decodes_required_fields() %}

    {{ api.cfg(Need::RequiredFields) }}
    use serde::Deserialize;

    {{ api.cfg(Need::RequiredFields) }}
    /// A struct decoded the way every model and params struct is.
    #[derive(Debug, PartialEq)]
    struct Sample {
        name: String,
        size: Option<i64>,
    }

    {{ api.cfg(Need::RequiredFields) }}
    const SAMPLE_FIELDS: &[&str] = &["Name", "Size"];

    {{ api.cfg(Need::RequiredFields) }}
    impl<'de> Deserialize<'de> for Sample {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer
                .deserialize_struct(
                    "Sample",
                    SAMPLE_FIELDS,
                    StructVisitor::<Self>::new(),
                )
        }
    }

    {{ api.cfg(Need::RequiredFields) }}
    impl<'de> Visitor<'de> for StructVisitor<Sample> {
        type Value = Sample;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("struct Sample")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Sample, A::Error> {
            self.visit_map(SeqAsMap::new(seq, 2, "Sample"))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sample, A::Error> {
            let (mut f0, mut f1) = (None, None);
            let mut fields = Fields::new(SAMPLE_FIELDS);
            while let Some(index) = fields.next(&mut map)? {
                match index {
                    0 => f0 = Some(map.next_value()?),
                    1 => f1 = map.next_value()?,
                    _ => {}
                }
            }
            Ok(Sample {
                name: required(f0, "Name")?,
                size: f1,
            })
        }
    }

    {{ api.cfg(Need::RequiredFields) }}
    {{ api.cfg(Need::RequiredFields) }}
    /// What `#[derive(Deserialize)]` gives, error messages included.
    #[test]
    fn structs_decode_as_the_derive_would() {
        let decode = |json: &str| {
            serde_json::from_str::<Sample>(json).map_err(|err| err.to_string())
        };
        let sample = |size| Sample { name: "a".into(), size };
        assert_eq!(decode(r#"{"Name": "a", "Size": 2}"#), Ok(sample(Some(2))));
        assert_eq!(
            decode(r#"{"Other": {"x": [1, null]}, "Name": "a"}"#), Ok(sample(None))
        );
        assert_eq!(decode(r#"{"Name": "a", "Size": null}"#), Ok(sample(None)));
        assert_eq!(
            decode(r#"{"name": "a"}"#), Err("missing field `Name` at line 1 column 13"
            .into())
        );
        assert_eq!(
            decode(r#"{"Size": 1}"#), Err("missing field `Name` at line 1 column 11"
            .into())
        );
        assert_eq!(
            decode(r#"{"Name": "a", "Name": "b"}"#),
            Err("duplicate field `Name` at line 1 column 20".into())
        );
        assert_eq!(
            decode(r#"{"Name": 1}"#),
            Err("invalid type: integer `1`, expected a string at line 1 column 10"
            .into())
        );
        assert_eq!(
            decode("true"),
            Err("invalid type: boolean `true`, expected struct Sample at line 1 column 4"
            .into())
        );
        {# A sequence gives the fields in order, as compact formats send them. #}
        assert_eq!(decode(r#"["a", 2]"#), Ok(sample(Some(2))));
        let expected = "invalid length 1, expected struct Sample with 2 elements at line 1 column 5";
        assert_eq!(decode(r#"["a"]"#), Err(expected.into()));
        let value = serde_json::json!({ "Name" : "a", "Size" : 3 });
        assert_eq!(Sample::deserialize(value).unwrap(), sample(Some(3)));
    }
{% endif %}
{% if api.has_list_params() %}
    {{ api.cfg(Need::ListParams) }}

    #[test]
    fn lists_take_one_value_or_many() {
        let many = |json: &str| {
            serde_json::from_str::<OneOrMany<String>>(json).map(|list| list.0).ok()
        };
        assert_eq!(many(r#""a""#), Some(vec!["a".to_owned()]));
        assert_eq!(many(r#"["a", "b"]"#), Some(vec!["a".to_owned(), "b".to_owned()]));
        assert_eq!(many("[]"), Some(vec![]));
        assert_eq!(many("1"), None);
        assert_eq!(
            serde_json::from_str::< OneOrMany < i64 >> ("[1, 2]").unwrap().0, vec![1, 2]
        );
        assert_eq!(serde_json::from_str::< OneOrMany < i64 >> ("3").unwrap().0, vec![3]);
    }
{% endif %}
{% if api.has_list_params_required(false) %}
    {{ api.cfg(Need::OptionalListParams) }}

    #[test]
    fn optional_lists_may_be_null() {
        let maybe = |json: &str| {
            serde_json::from_str::<MaybeMany<String>>(json).unwrap().0
        };
        assert_eq!(maybe("null"), None);
        assert_eq!(maybe(r#""a""#), Some(vec!["a".to_owned()]));
        assert_eq!(maybe(r#"["a"]"#), Some(vec!["a".to_owned()]));
    }
{% endif %}
}
//@end
