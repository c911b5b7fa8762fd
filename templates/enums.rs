//! String enums of request and response fields, forward compatible: a value
//! the spec does not list decodes into the enum's unknown variant.
//!
//! `Eq` is implemented rather than derived: the derive adds a function that
//! the crate's own build compiles, in a codegen unit of its own per module.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
{% for e in types.enums %}

//@final
{% for line in e.doc %}
/// {{ line }}
{% endfor %}
///
/// Values this crate does not know yet decode to
/// [`{{ e.name }}::{{ e.unknown }}`], which keeps the string.
#[derive(Debug, Clone, PartialEq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum {{ e.name }} {
{% for v in e.variants %}
    /// `{{ v.wire_doc() }}`
    {{ v.name }},
{% endfor %}
    /// A value not listed in the spec, as received.
    {{ e.unknown }}(String),
}

impl Eq for {{ e.name }} {}

impl {{ e.name }} {
    /// The value as sent on the wire.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
{% for v in e.variants %}
            {{ e.name }}::{{ v.name }} => {{ v.wire_lit() }},
{% endfor %}
            {{ e.name }}::{{ e.unknown }}(value) => value,
        }
    }
}

impl From<&str> for {{ e.name }} {
    #[inline]
    fn from(value: &str) -> Self {
        match value {
{% for v in e.variants %}
            {{ v.wire_lit() }} => {{ e.name }}::{{ v.name }},
{% endfor %}
            other => {{ e.name }}::{{ e.unknown }}(other.to_owned()),
        }
    }
}

impl FromStr for {{ e.name }} {
    type Err = std::convert::Infallible;

    #[inline]
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(value))
    }
}

impl fmt::Display for {{ e.name }} {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for {{ e.name }} {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for {{ e.name }} {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Ok(Self::from(value.as_ref()))
    }
}
//@end

{% if api.has_params() %}
{{ api.cfg(Need::Params) }}
impl crate::wire::ToWire for {{ e.name }} {
    #[inline]
    fn push_to(&self, key: &'static str, out: &mut crate::wire::Pairs) {
        out.push((key, self.as_str().to_owned()));
    }
}
{% endif %}
{% endfor %}
