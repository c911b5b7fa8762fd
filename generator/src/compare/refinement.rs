//! Refinements: response properties one spec types where the other leaves
//! them open, reported apart from the differences.

use super::diff::{Part, Subject};
use super::facts::{PropertyPath, Type};

/// A response property one spec types where the other leaves it open
/// ([`Type::refines`]): an object with properties, or an array of them,
/// where the other spec has no `type`, a `type: object` without
/// properties, or an array of such items.
///
/// It is not a difference in wire facts: every value the typed spec
/// describes is one the open spec allows. So it is listed apart from the
/// differences and never counts toward the release. It does change the
/// field's Rust type (`serde_json::Value` in the crate of the open spec, a
/// struct in the other's).
#[derive(Debug, Clone, PartialEq)]
pub struct Refinement {
    /// The operation.
    pub subject: Subject,
    /// Where the property lives: [`Part::Response`] or [`Part::Item`].
    pub part: Part,
    /// Which property.
    pub path: PropertyPath,
    /// Its type in the first spec.
    pub from: Type,
    /// Its type in the second spec.
    pub to: Type,
    /// How many properties the typed spec declares inside it, at any depth.
    pub inside: usize,
}

impl Refinement {
    /// Whether the first spec is the one that types the property (the
    /// second leaves it open).
    pub fn typed_in_first(&self) -> bool {
        self.from.refines(&self.to)
    }
}

/// A refinement found among an operation's properties, before its subject is known.
pub(super) struct Refined {
    pub(super) part: Part,
    pub(super) path: PropertyPath,
    pub(super) from: Type,
    pub(super) to: Type,
    pub(super) inside: usize,
}
