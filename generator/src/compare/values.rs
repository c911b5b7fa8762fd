//! Differences inside values: properties by path, enum values, and the
//! tags of unions, classified by what they do to the generated models.

use std::collections::{BTreeMap, BTreeSet};

use super::diff::{Change, Impact, Part, Presence, Target};
use super::facts::{Kind, Properties, PropertyPath, Segment, Type};
use super::rust::{Use, collides, field_name, rust_type, variant_name};

pub(super) fn properties(
    part: Part,
    old: &Properties,
    new: &Properties,
    push: &mut impl FnMut(Change, Impact),
) {
    // Properties inside one that was added, removed or retyped go with it.
    let covered: Vec<&PropertyPath> = old
        .iter()
        .filter(|(path, a)| new.get(*path).is_none_or(|b| !a.ty.same_shape(&b.ty)))
        .map(|(path, _)| path)
        .chain(new.keys().filter(|path| !old.contains_key(*path)))
        .collect();
    let inside_covered = |path: &PropertyPath| covered.iter().any(|c| path.is_inside(c));
    // Meta is decoded by the runtime's `PageMeta`, the same in every crate.
    let fixed = part == Part::Meta;
    let paths: BTreeSet<&PropertyPath> = old.keys().chain(new.keys()).collect();
    for path in paths {
        match (old.get(path), new.get(path)) {
            (Some(a), None) => {
                if !inside_covered(path) {
                    let impact = if fixed {
                        Impact::Additive
                    } else {
                        Impact::Breaking
                    };
                    push(
                        Change::PropertyRemoved {
                            part,
                            path: path.clone(),
                            property: a.clone(),
                        },
                        impact,
                    );
                }
            }
            (None, Some(b)) => {
                if !inside_covered(path) {
                    // A field that is not an `Option` is a new argument of
                    // its model's `new` (and the model loses `Default`); a
                    // name that converts to a sibling's may rename it.
                    let new_argument =
                        !fixed && (!Presence::of(b).is_option() || sibling_collides(path, new));
                    push(
                        Change::PropertyAdded {
                            part,
                            path: path.clone(),
                            property: b.clone(),
                        },
                        if new_argument {
                            Impact::Breaking
                        } else {
                            Impact::Additive
                        },
                    );
                }
            }
            (Some(a), Some(b)) => {
                if !a.ty.same_shape(&b.ty) {
                    let same_rust = rust_type(&a.ty, Use::Model) == rust_type(&b.ty, Use::Model);
                    push(
                        Change::PropertyRetyped {
                            part,
                            path: path.clone(),
                            from: a.ty.clone(),
                            to: b.ty.clone(),
                        },
                        if same_rust || fixed {
                            Impact::Additive
                        } else {
                            Impact::Breaking
                        },
                    );
                } else {
                    enum_values(&a.ty, &b.ty, !fixed, push, |within| Target::Property {
                        part,
                        path: PropertyPath(path.0.iter().chain(&within.0).cloned().collect()),
                    });
                }
                let (from, to) = (Presence::of(a), Presence::of(b));
                if from != to {
                    // The root value is never an `Option` field.
                    let same_rust = path.is_root() || from.is_option() == to.is_option();
                    push(
                        Change::PropertyNullability {
                            part,
                            path: path.clone(),
                            from,
                            to,
                        },
                        if same_rust || fixed {
                            Impact::Additive
                        } else {
                            Impact::Breaking
                        },
                    );
                }
            }
            (None, None) => {}
        }
    }
}

/// Whether the property at `path` is named like one of its siblings in
/// `properties` once both are Rust field names.
fn sibling_collides(path: &PropertyPath, properties: &Properties) -> bool {
    let Some((Segment::Name(name), parent)) = path.0.split_last() else {
        return false;
    };
    let siblings = properties
        .keys()
        .filter_map(|other| match other.0.split_last() {
            Some((Segment::Name(sibling), rest)) if rest == parent => Some(sibling.as_str()),
            _ => None,
        });
    collides(name, siblings, &[], field_name)
}

/// Enum values gained and lost by two types of the same shape. A lost value
/// breaks code that names its variant, where there is one (`breaks`: the
/// generated crate has the enum); only string enums become Rust enums.
pub(super) fn enum_values(
    old: &Type,
    new: &Type,
    breaks: bool,
    push: &mut impl FnMut(Change, Impact),
    target: impl Fn(PropertyPath) -> Target,
) {
    let new_enums: BTreeMap<PropertyPath, &BTreeSet<String>> = new.enums().into_iter().collect();
    for (within, old_values) in old.enums() {
        let Some(new_values) = new_enums.get(&within) else {
            continue;
        };
        let rust_enum = old.at(&within).is_some_and(|t| t.kind == Kind::String);
        for value in old_values.difference(new_values) {
            push(
                Change::EnumValueRemoved {
                    target: target(within.clone()),
                    value: value.clone(),
                },
                if breaks && rust_enum {
                    Impact::Breaking
                } else {
                    Impact::Additive
                },
            );
        }
        for value in new_values.difference(old_values) {
            // A variant named like another, or like the catch-all
            // `Unknown(String)`, renames one of them.
            let renames = breaks
                && rust_enum
                && collides(
                    value,
                    new_values.iter().map(String::as_str),
                    &["Unknown"],
                    variant_name,
                );
            push(
                Change::EnumValueAdded {
                    target: target(within.clone()),
                    value: value.clone(),
                },
                if renames {
                    Impact::Breaking
                } else {
                    Impact::Additive
                },
            );
        }
    }
}
