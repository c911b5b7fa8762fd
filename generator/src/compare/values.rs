//! Differences inside values: properties by path, enum values, and the
//! tags of unions, classified by what they do to the generated models.

use std::collections::{BTreeMap, BTreeSet};

use super::diff::{Change, Impact, Part, Presence, Target};
use super::facts::{Kind, Properties, PropertyPath, Segment, Type, Union};
use super::refinement::Refined;
use super::rust::{Use, collides, field_name, rust_type, variant_name};

/// Compares the properties of one part; a response property that one side
/// types and the other leaves open goes to `refined`, not to `push`.
pub(super) fn properties(
    part: Part,
    old: &Properties,
    new: &Properties,
    push: &mut impl FnMut(Change, Impact),
    refined: &mut Vec<Refined>,
) {
    let refinable = matches!(part, Part::Response | Part::Item);
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
    let at = |path| inside(part, path);
    for path in paths {
        // A union's variant comes and goes with its tag, said by the union.
        let variant = matches!(path.0.last(), Some(Segment::Variant(_)));
        match (old.get(path), new.get(path)) {
            (Some(a), None) => {
                if !inside_covered(path) && !variant {
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
                if !inside_covered(path) && !variant {
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
                let typed = if a.ty.refines(&b.ty) {
                    Some(old)
                } else if b.ty.refines(&a.ty) {
                    Some(new)
                } else {
                    None
                };
                if let Some(typed) = typed.filter(|_| refinable) {
                    refined.push(Refined {
                        part,
                        path: path.clone(),
                        from: a.ty.clone(),
                        to: b.ty.clone(),
                        inside: typed.keys().filter(|p| p.is_inside(path)).count(),
                    });
                } else if !a.ty.same_shape(&b.ty) {
                    // Where either side is a composition kept as JSON, the
                    // values it allows cannot be told the same.
                    let same_rust = rust_type(&a.ty, Use::Model) == rust_type(&b.ty, Use::Model)
                        && opaque(&a.ty, false) == opaque(&b.ty, false);
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
                    enum_values(&a.ty, &b.ty, !fixed, push, at(path));
                    if !fixed {
                        union_tags(&a.ty, &b.ty, push, at(path));
                        compositions(&a.ty, &b.ty, false, push, at(path));
                    }
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

/// The target at `within` inside the property at `path`.
fn inside(part: Part, path: &PropertyPath) -> impl Fn(PropertyPath) -> Target + '_ {
    move |within: PropertyPath| Target::Property {
        part,
        path: PropertyPath(path.0.iter().chain(&within.0).cloned().collect()),
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

/// The compositions inside a type that compare does not read: those kept
/// as JSON, and (`tagged`) tagged unions too, whose models only properties
/// are compared by path.
pub(super) fn opaque(ty: &Type, tagged: bool) -> Vec<(PropertyPath, &str)> {
    let mut out = ty.compositions();
    if !tagged {
        let unions: BTreeSet<PropertyPath> = ty.unions().into_iter().map(|(at, _)| at).collect();
        out.retain(|(at, _)| !unions.contains(at));
    }
    out
}

/// A composition compare does not read that changed inside, at any depth
/// of two types of the same shape: breaking, since compare cannot tell
/// whether the values sent and received stay valid.
pub(super) fn compositions(
    old: &Type,
    new: &Type,
    tagged: bool,
    push: &mut impl FnMut(Change, Impact),
    target: impl Fn(PropertyPath) -> Target,
) {
    let new_texts: BTreeMap<PropertyPath, &str> = opaque(new, tagged).into_iter().collect();
    for (within, text) in opaque(old, tagged) {
        if new_texts.get(&within).is_some_and(|t| *t != text) {
            let kind = old.at(&within).map_or(Kind::Any, |t| t.kind);
            push(
                Change::CompositionChanged {
                    target: target(within),
                    kind,
                },
                Impact::Breaking,
            );
        }
    }
}

/// Tags gained, lost or moved to another model by the unions of two types
/// of the same shape. A union is a `#[non_exhaustive]` enum with an
/// `Unknown` catch-all, so a new tag is a new variant apps already handle;
/// it breaks when its variant is named like another's or like `Unknown`,
/// or when it holds a model one tag alone held (whose `From` impl goes).
pub(super) fn union_tags(
    old: &Type,
    new: &Type,
    push: &mut impl FnMut(Change, Impact),
    target: impl Fn(PropertyPath) -> Target,
) {
    let new_unions: BTreeMap<PropertyPath, &Union> = new.unions().into_iter().collect();
    for (within, a) in old.unions() {
        let Some(b) = new_unions.get(&within) else {
            continue;
        };
        if a.property != b.property {
            // Only the key of the tag on the wire changes.
            push(
                Change::UnionTagProperty {
                    target: target(within.clone()),
                    from: a.property.clone(),
                    to: b.property.clone(),
                },
                Impact::Additive,
            );
        }
        for (tag, model) in &a.tags {
            match b.tags.get(tag) {
                None => push(
                    Change::UnionTagRemoved {
                        target: target(within.clone()),
                        tag: tag.clone(),
                    },
                    Impact::Breaking,
                ),
                Some(other) if other != model => push(
                    Change::UnionTagModel {
                        target: target(within.clone()),
                        tag: tag.clone(),
                        from: model.clone(),
                        to: other.clone(),
                    },
                    Impact::Breaking,
                ),
                Some(_) => {}
            }
        }
        let holders =
            |union: &Union, model: &str| union.tags.values().filter(|m| *m == model).count();
        for (tag, model) in &b.tags {
            if a.tags.contains_key(tag) {
                continue;
            }
            let renames = collides(
                tag,
                b.tags.keys().map(String::as_str),
                &["Unknown"],
                variant_name,
            );
            let shared = holders(b, model) > 1;
            let loses_from = shared && holders(a, model) == 1;
            push(
                Change::UnionTagAdded {
                    target: target(within.clone()),
                    tag: tag.clone(),
                    model: model.clone(),
                    shared,
                },
                if renames || loses_from {
                    Impact::Breaking
                } else {
                    Impact::Additive
                },
            );
        }
    }
}
