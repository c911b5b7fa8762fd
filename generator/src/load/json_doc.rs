//! Reading a JSON spec with serde_json instead of libyaml.
//!
//! A JSON text is YAML in flow style, which libyaml reads a character at a
//! time: Twilio's spec as JSON took 70 ms to generate against 40 ms as
//! YAML. serde_json reads it into the same [`Node`] tree the block reader
//! builds. Where the two readers could differ, the text is declined and
//! goes to serde_yaml as before: a character libyaml refuses or reads as a
//! line break (see [`super::block_yaml::readable`]), an escaped surrogate
//! (libyaml refuses `\ud83d`), `-0` (an integer for serde_yaml, a float for
//! serde_json), an integer of 19 digits or more (serde_yaml refuses one
//! past 64 bits, serde_json makes it a float), a line that starts with `:`
//! (libyaml wants a key and its colon on one line), a key past libyaml's
//! 1,024 characters, nesting deeper than serde_yaml's limit. serde_json
//! reads floats with `float_roundtrip`, correctly rounded as Rust's own
//! parser (serde_yaml's) is.

use std::borrow::Cow;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::node::{Entries, Node, no_duplicate_keys};

/// Nesting beyond this is declined (serde_yaml stops at 128).
const MAX_DEPTH: usize = 100;

/// A key longer than this is declined (libyaml's limit is 1024).
const MAX_KEY: usize = 1000;

/// The JSON object in `text` as serde_yaml reads it, or `None` where the
/// readers could differ or the text is not a JSON object.
pub(super) fn parse(text: &str) -> Option<Node<'_>> {
    if !text.trim_start_matches([' ', '\n']).starts_with('{') || !same_for_both(text) {
        return None;
    }
    let node = serde_json::from_str::<Node<'_>>(text).ok()?;
    fits(&node, 0).then_some(node)
}

/// Whether nothing in `text` reads differently in the two readers (see the
/// module's doc).
fn same_for_both(text: &str) -> bool {
    if !super::block_yaml::readable(text) {
        return false;
    }
    let bytes = text.as_bytes();
    let mut digits = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            digits += 1;
            if digits >= 19 {
                return false;
            }
            continue;
        }
        digits = 0;
        match b {
            b'\\'
                if bytes.get(i + 1) == Some(&b'u')
                    && matches!(bytes.get(i + 2), Some(b'd' | b'D'))
                    && matches!(
                        bytes.get(i + 3),
                        Some(b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
                    ) =>
            {
                return false;
            }
            b'-' if bytes.get(i + 1) == Some(&b'0')
                && !matches!(bytes.get(i + 2), Some(b'0'..=b'9' | b'.' | b'e' | b'E')) =>
            {
                return false;
            }
            _ => {}
        }
    }
    !text
        .split('\n')
        .any(|line| line.trim_start_matches(' ').starts_with(':'))
}

/// No key too long and no nesting too deep.
fn fits(node: &Node<'_>, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match node {
        Node::Seq(items) => items.iter().all(|item| fits(item, depth + 1)),
        Node::Map(entries) => entries.iter().all(|(key, value)| {
            matches!(key, Node::Str(k) if k.len() <= MAX_KEY) && fits(value, depth + 1)
        }),
        _ => true,
    }
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(b))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut entries = Entries::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        if no_duplicate_keys(&entries) {
            Ok(Node::Map(entries))
        } else {
            Err(de::Error::custom("a key given twice"))
        }
    }
}

#[cfg(test)]
mod tests;
