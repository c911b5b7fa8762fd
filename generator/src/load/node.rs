//! A document as [`super::block_yaml`] reads it, and the OpenAPI model
//! deserialized from it straight, without a `serde_yaml::Value` between.
//!
//! Building a `serde_yaml::Value` hashes every key into an index map and
//! copies every scalar; on Twilio's spec that and dropping it again cost
//! about as much as reading the text. A [`Node`] keeps a mapping's entries
//! in a `Vec` and a plain scalar as a slice of the text. [`NodeDe`]
//! deserializes from it exactly what `&serde_yaml::Value` deserializes from
//! the same document once [`super::json_like`] has normalized it: keys as
//! strings, a float that is not finite as null, the same types accepted by
//! each `deserialize_*` (a null is an empty sequence or map, as there).
//! Anything that fails here is read again the careful way, which says where
//! and why.

use std::borrow::Cow;
use std::collections::HashSet;

use serde::de::{self, Deserializer, IntoDeserializer, Visitor};
use serde_yaml::{Mapping, Number, Value};

/// A YAML node: what `serde_yaml::Value` holds, with borrowed text and
/// entries in order.
#[derive(Debug, Clone, PartialEq, Hash)]
pub(super) enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    Str(Cow<'a, str>),
    Seq(Vec<Node<'a>>),
    Map(Vec<(Node<'a>, Node<'a>)>),
}

/// serde_yaml's numbers compare a NaN equal to itself (its `Value` is
/// `Eq` too), so equality here is total.
impl Eq for Node<'_> {}

/// A mapping's entries; a key in it twice is an error in serde_yaml, so
/// [`no_duplicate_keys`] is checked before one is used.
pub(super) type Entries<'a> = Vec<(Node<'a>, Node<'a>)>;

/// Whether no key is in `entries` twice.
pub(super) fn no_duplicate_keys(entries: &Entries<'_>) -> bool {
    if entries.len() <= 16 {
        entries
            .iter()
            .enumerate()
            .all(|(i, (key, _))| entries[..i].iter().all(|(other, _)| other != key))
    } else {
        let mut seen = HashSet::with_capacity(entries.len());
        entries.iter().all(|(key, _)| seen.insert(key))
    }
}

impl<'a> Node<'a> {
    /// A node of a value serde_yaml read; tags go, as [`super::json_like`]
    /// drops them.
    pub(super) fn from_value(value: Value) -> Node<'static> {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(b),
            Value::Number(n) => Node::Number(n),
            Value::String(s) => Node::Str(Cow::Owned(s)),
            Value::Sequence(items) => Node::Seq(items.into_iter().map(Node::from_value).collect()),
            Value::Mapping(map) => Node::Map(
                map.into_iter()
                    .map(|(k, v)| (Node::from_value(k), Node::from_value(v)))
                    .collect(),
            ),
            Value::Tagged(tagged) => Node::from_value(tagged.value),
        }
    }

    /// The `serde_yaml::Value` serde_yaml builds for the same document.
    pub(super) fn into_value(self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Number(n) => Value::Number(n),
            Node::Str(s) => Value::String(s.into_owned()),
            Node::Seq(items) => Value::Sequence(items.into_iter().map(Node::into_value).collect()),
            Node::Map(entries) => Value::Mapping(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.into_value(), v.into_value()))
                    .collect::<Mapping>(),
            ),
        }
    }

    /// The node as [`super::json_like`] leaves it at this level: a float
    /// that is not finite is null.
    fn normalized(&self) -> &Self {
        match self {
            Node::Number(n) if n.as_f64().is_some_and(|f| !f.is_finite()) => &Node::Null,
            node => node,
        }
    }

    fn unexpected(&self) -> de::Unexpected<'_> {
        match self.normalized() {
            Node::Null => de::Unexpected::Unit,
            Node::Bool(b) => de::Unexpected::Bool(*b),
            Node::Number(_) => de::Unexpected::Other("number"),
            Node::Str(s) => de::Unexpected::Str(s),
            Node::Seq(_) => de::Unexpected::Seq,
            Node::Map(_) => de::Unexpected::Map,
        }
    }
}

/// The OpenAPI model of a document, if it is an OpenAPI 3.0 document and
/// fits the model; `None` sends it the careful way.
pub(super) fn openapi(doc: &Node<'_>) -> Option<openapiv3::OpenAPI> {
    let Node::Map(entries) = doc else {
        return None;
    };
    let field = |name: &str| {
        entries
            .iter()
            .find(|(key, _)| matches!(key, Node::Str(k) if k == name))
            .map(|(_, value)| value)
    };
    let version_ok = field("swagger").is_none()
        && matches!(field("openapi"), Some(Node::Str(v)) if v.starts_with("3.0."));
    if !version_ok {
        return None;
    }
    serde::Deserialize::deserialize(NodeDe(doc)).ok()
}

/// A deserializer over a [`Node`], as `&serde_yaml::Value` is one over a
/// normalized `Value`; strings are lent for as long as the tree lives, as
/// there (an untagged enum's buffer then copies none).
#[derive(Clone, Copy)]
pub(super) struct NodeDe<'n, 'a>(pub(super) &'n Node<'a>);

type Error = de::value::Error;

impl NodeDe<'_, '_> {
    fn invalid<T>(self, expected: &dyn de::Expected) -> Result<T, Error> {
        Err(de::Error::invalid_type(self.0.unexpected(), expected))
    }
}

fn number<'de, V: Visitor<'de>>(n: &Number, visitor: V) -> Result<V::Value, Error> {
    if let Some(u) = n.as_u64() {
        visitor.visit_u64(u)
    } else if let Some(i) = n.as_i64() {
        visitor.visit_i64(i)
    } else {
        visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
    }
}

impl<'de, 'a: 'de> Deserializer<'de> for NodeDe<'de, 'a> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.normalized() {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(*b),
            Node::Number(n) => number(n, visitor),
            Node::Str(s) => visitor.visit_borrowed_str(s),
            Node::Seq(items) => visit_seq(items, visitor),
            Node::Map(entries) => visit_map(entries, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.normalized() {
            Node::Bool(b) => visitor.visit_bool(*b),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.normalized() {
            Node::Number(n) => number(n, visitor),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.normalized() {
            Node::Str(s) => visitor.visit_borrowed_str(s),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.normalized() {
            Node::Str(s) => visitor.visit_borrowed_str(s),
            Node::Seq(items) => visit_seq(items, visitor),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.normalized() {
            Node::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.normalized() {
            Node::Null => visitor.visit_unit(),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.normalized() {
            Node::Seq(items) => visit_seq(items, visitor),
            Node::Null => visit_seq(&[], visitor),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.normalized() {
            Node::Map(entries) => visit_map(entries, visitor),
            Node::Null => visit_map(&[], visitor),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0.normalized() {
            Node::Str(s) => visitor.visit_enum(s.as_ref().into_deserializer()),
            _ => self.invalid(&"a Value::Tagged enum"),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u64 u128 f32 f64 char string byte_buf
    }
}

fn visit_seq<'de, 'a: 'de, V: Visitor<'de>>(
    items: &'de [Node<'a>],
    visitor: V,
) -> Result<V::Value, Error> {
    let mut access = Items(items.iter());
    let value = visitor.visit_seq(&mut access)?;
    if access.0.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(
            items.len(),
            &"fewer elements in sequence",
        ))
    }
}

fn visit_map<'de, 'a: 'de, V: Visitor<'de>>(
    entries: &'de [(Node<'a>, Node<'a>)],
    visitor: V,
) -> Result<V::Value, Error> {
    let mut access = Entry {
        entries: entries.iter(),
        value: None,
    };
    let value = visitor.visit_map(&mut access)?;
    if access.entries.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(
            entries.len(),
            &"fewer elements in map",
        ))
    }
}

struct Items<'n, 'a>(std::slice::Iter<'n, Node<'a>>);

impl<'de, 'a: 'de> de::SeqAccess<'de> for Items<'de, 'a> {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|item| seed.deserialize(NodeDe(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entry<'n, 'a> {
    entries: std::slice::Iter<'n, (Node<'a>, Node<'a>)>,
    value: Option<&'n Node<'a>>,
}

impl<'de, 'a: 'de> de::MapAccess<'de> for Entry<'de, 'a> {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        match key {
            Node::Str(_) => seed.deserialize(NodeDe(key)).map(Some),
            // Keys become strings, as json_like makes them.
            other => {
                let text = super::key_text(other.clone().into_value());
                seed.deserialize(text.into_deserializer()).map(Some)
            }
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| <Error as de::Error>::custom("a value asked for before its key"))?;
        seed.deserialize(NodeDe(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    fn specs() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = vec![root.join("spec/conversations_v1.yaml")];
        let mut dirs = vec![root.join("tests/fixtures")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml") {
                    files.push(path);
                }
            }
        }
        let twilio = root.join("../shared/specs/twilio_conversations_v1.yaml");
        if twilio.exists() {
            files.push(twilio);
        } else {
            assert!(
                std::env::var_os("CI").is_none(),
                "{} is missing",
                twilio.display()
            );
        }
        files
    }

    /// The model straight from the tree equals the careful route's, on
    /// every spec; ours and Twilio's take the quick route.
    #[test]
    fn the_model_from_the_tree_is_the_careful_routes() {
        let mut quick = 0;
        for file in specs() {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let careful = super::super::careful_parse(&file, &text).ok();
            let from_tree = super::super::block_yaml::parse(&text).and_then(|doc| openapi(&doc));
            if let Some(spec) = &from_tree {
                assert_eq!(Some(spec), careful.as_ref(), "{}", file.display());
                quick += 1;
            }
            let name = file.file_name().unwrap().to_string_lossy();
            if name.starts_with("conversations_v1") || name.starts_with("twilio_") {
                assert!(
                    from_tree.is_some(),
                    "{} took the careful route",
                    file.display()
                );
            }
        }
        assert!(quick > 20, "only {quick} specs took the quick route");
    }

    /// What `&serde_yaml::Value` accepts where a type asks for something
    /// else (a null as an empty list or map, as none), the tree accepts;
    /// what it refuses, the tree refuses.
    #[test]
    fn each_kind_of_request_is_answered_as_serde_yaml_answers_it() {
        use std::collections::BTreeMap;
        fn both<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str) {
            let node = super::super::block_yaml::parse(text).expect("read");
            let value = super::super::json_like(node.clone().into_value());
            let from_tree = T::deserialize(NodeDe(&node)).ok();
            let from_value = T::deserialize(&value).ok();
            assert_eq!(
                from_tree,
                from_value,
                "{} from {text:?}",
                std::any::type_name::<T>()
            );
        }
        for text in [
            "a: ~\n",
            "a: []\n",
            "a: {}\n",
            "a: [1, 2]\n",
            "a: 1\n",
            "a: -1\n",
            "a: 1.5\n",
            "a: .nan\n",
            "a: .inf\n",
            "a: true\n",
            "a: text\n",
            "a: {b: 1}\n",
            "a: [[1]]\n",
            "1: x\n",
            "true: x\n",
            "~: x\n",
            "a: form\n",
            "a: deepObject\n",
        ] {
            both::<BTreeMap<String, Option<u64>>>(text);
            both::<BTreeMap<String, Option<i64>>>(text);
            both::<BTreeMap<String, f64>>(text);
            both::<BTreeMap<String, Option<f64>>>(text);
            both::<BTreeMap<String, Vec<u8>>>(text);
            both::<BTreeMap<String, Vec<Vec<u8>>>>(text);
            both::<BTreeMap<String, BTreeMap<String, u8>>>(text);
            both::<BTreeMap<String, bool>>(text);
            both::<BTreeMap<String, String>>(text);
            both::<BTreeMap<String, ()>>(text);
            both::<BTreeMap<String, (u8,)>>(text);
            both::<BTreeMap<String, Option<String>>>(text);
            both::<BTreeMap<String, serde_json::Value>>(text);
            both::<BTreeMap<String, openapiv3::QueryStyle>>(text);
            both::<Vec<u8>>(text);
        }
    }
}
