//! Turning names from a spec into Rust identifiers.
//!
//! Every Rust name in the generated crate is decided here, once, while the IR
//! is built. The rules:
//! - words are split and cased by `heck` (`Timers.Inactive` → `timers_inactive`);
//! - characters that cannot appear in an identifier become word breaks, and
//!   non-ASCII letters are spelled as their code point (`é` → `u00e9`), so every
//!   name is plain ASCII;
//! - a name that would start with a digit gets a prefix (`_` for snake case,
//!   `N` for types and variants);
//! - an empty name becomes `value` / `Value`;
//! - Rust keywords become raw identifiers (`r#type`), except those that cannot
//!   be raw (`self`, `Self`, `super`, `crate`), which get a trailing `_`;
//! - within one scope, names that collide after conversion get `_2`, `_3`...
//!   (or `2`, `3`... for types);
//! - a type's name comes from its schema's own identity (the component's name,
//!   or its owner's identity plus the property, parameter or operation), and
//!   when two identities still collide, which one keeps the plain name is
//!   decided by the identities themselves ([`TypeNames`], [`stable`]), never by
//!   where the spec happens to list them: adding an item to a spec renames no
//!   item that was there before, unless the new one spells the same name and
//!   outranks it.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words reserved by Rust 2024, strict and reserved.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be written as raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Replaces anything heck would not treat as a word character.
fn words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if ch.is_alphanumeric() {
            out.push_str(&format!(" u{:04x} ", ch as u32));
        } else {
            out.push(' ');
        }
    }
    out
}

fn guard_keyword(ident: String) -> String {
    if NOT_RAW.contains(&ident.as_str()) {
        format!("{ident}_")
    } else if KEYWORDS.contains(&ident.as_str()) {
        format!("r#{ident}")
    } else {
        ident
    }
}

/// A snake_case identifier for a field, method, parameter or module.
pub fn snake(name: &str) -> String {
    remembered(Case::Snake, name, convert_snake)
}

fn convert_snake(name: &str) -> String {
    let mut ident = words(name).to_snake_case();
    if ident.is_empty() {
        ident = "value".into();
    } else if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
    }
    guard_keyword(ident)
}

/// An UpperCamelCase identifier for a type or enum variant.
pub fn pascal(name: &str) -> String {
    remembered(Case::Pascal, name, convert_pascal)
}

fn convert_pascal(name: &str) -> String {
    let mut ident = words(name).to_upper_camel_case();
    if ident.is_empty() {
        ident = "Value".into();
    } else if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, 'N');
    }
    // `Self` is the only keyword in UpperCamelCase; `Self_` would trip the
    // `non_camel_case_types` lint, so it becomes a word of its own.
    if ident == "Self" {
        ident = "SelfValue".into();
    }
    guard_keyword(ident)
}

/// Which conversion, as an index into the remembered maps.
#[derive(Clone, Copy)]
enum Case {
    Snake = 0,
    Pascal = 1,
}

thread_local! {
    /// The conversions made inside [`remembering`], one map per [`Case`]:
    /// lowering a spec converts the same few hundred names thousands of
    /// times (Twilio's: 4,000 calls, 750 names).
    static REMEMBERED: RefCell<Option<[HashMap<String, String>; 2]>> =
        const { RefCell::new(None) };
}

/// Runs `f` with [`snake`] and [`pascal`] remembering what they converted,
/// and forgets it all when `f` returns (or panics). Only a cache: the names
/// are the same without it.
pub fn remembering<T>(f: impl FnOnce() -> T) -> T {
    struct Forget(bool);
    impl Drop for Forget {
        fn drop(&mut self) {
            if self.0 {
                REMEMBERED.set(None);
            }
        }
    }
    let outermost = REMEMBERED.with_borrow_mut(|remembered| {
        let outermost = remembered.is_none();
        if outermost {
            *remembered = Some(Default::default());
        }
        outermost
    });
    let _forget = Forget(outermost);
    f()
}

fn remembered(case: Case, name: &str, convert: fn(&str) -> String) -> String {
    REMEMBERED.with_borrow_mut(|remembered| {
        let Some(maps) = remembered else {
            return convert(name);
        };
        let map = &mut maps[case as usize];
        if let Some(ident) = map.get(name) {
            return ident.clone();
        }
        let ident = convert(name);
        map.insert(name.to_owned(), ident.clone());
        ident
    })
}

/// The identifier as a plain (never raw) identifier: `r#type` → `type_`.
pub fn plain(ident: &str) -> String {
    match ident.strip_prefix("r#") {
        Some(bare) => format!("{bare}_"),
        None => ident.to_owned(),
    }
}

/// The identifier without a raw prefix, for building derived names.
pub fn bare(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// Whether Cargo accepts `name` as a package name: ASCII letters, digits,
/// `-` and `_`, starting with a letter, and not a Rust keyword or the name of
/// a built-in crate.
pub fn is_crate_name(name: &str) -> bool {
    let lib = name.replace('-', "_");
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !KEYWORDS.contains(&lib.as_str())
        && !["alloc", "core", "proc_macro", "std", "test"].contains(&lib.as_str())
}

/// The package version Cargo will accept for a spec's `info.version`: a
/// semantic version as is (a leading `v` dropped), `1` or `1.2` padded with
/// zeros (`1.0.0`, `1.2.0`); `None` for anything else (`2010-04-01`, `beta`).
pub fn crate_version(version: &str) -> Option<String> {
    let version = version.trim();
    let version = version
        .strip_prefix('v')
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(version);
    let (core, extra) = match version.find(['-', '+']) {
        Some(at) => version.split_at(at),
        None => (version, ""),
    };
    let numbers: Vec<&str> = core.split('.').collect();
    let number_ok = |n: &str| {
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && (n == "0" || !n.starts_with('0'))
    };
    if numbers.is_empty() || numbers.len() > 3 || !numbers.iter().all(|n| number_ok(n)) {
        return None;
    }
    if !extra.is_empty() {
        // Pre-release (`-rc.1`) and build (`+abc`) parts: dot-separated
        // non-empty identifiers of letters, digits and hyphens.
        let (pre, build) = match extra.find('+') {
            Some(at) => (&extra[..at], Some(&extra[at + 1..])),
            None => (extra, None),
        };
        let ids_ok = |part: &str| {
            part.split('.').all(|id| {
                !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
        };
        let pre_ok = pre.is_empty()
            || ids_ok(&pre[1..])
                && pre[1..]
                    .split('.')
                    .all(|id| !id.bytes().all(|b| b.is_ascii_digit()) || number_ok(id));
        if !pre_ok || build.is_some_and(|b| !ids_ok(b)) || numbers.len() < 3 {
            return None;
        }
    }
    let mut padded: Vec<&str> = numbers;
    padded.resize(3, "0");
    Some(format!("{}{extra}", padded.join(".")))
}

/// Hands out names within one scope, making each unique.
#[derive(Debug, Default)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// A scope in which `reserved` are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope {
            taken: reserved.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Claims `ident`, or the first free `ident{sep}N` for N = 2, 3...
    pub fn claim(&mut self, ident: String, sep: &str) -> String {
        if self.taken.insert(ident.clone()) {
            return ident;
        }
        // `self_` + `_2` would be `self__2`: drop the guard's underscore.
        let base = match bare(&ident).trim_end_matches('_') {
            "" => bare(&ident).to_owned(),
            trimmed => trimmed.to_owned(),
        };
        (2..)
            .map(|n| format!("{base}{sep}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .expect("an unbounded range always yields a free name")
    }

    /// Claims a snake_case name.
    pub fn snake(&mut self, name: &str) -> String {
        self.claim(snake(name), "_")
    }

    /// Claims an UpperCamelCase name.
    pub fn pascal(&mut self, name: &str) -> String {
        self.claim(pascal(name), "")
    }
}

/// Names for the items of one scope whose identities are all known at once
/// (an enum's values, a model's properties): `convert(identity)` each, and
/// where several convert to one name, the identities in sorted order take
/// it, then `{name}{sep}2`, `{name}{sep}3`... The result follows the input's
/// order, and a new identity renames none of the others unless it converts
/// to the same name and sorts before them.
pub fn stable(
    identities: &[&str],
    reserved: &[&str],
    convert: fn(&str) -> String,
    sep: &str,
) -> Vec<String> {
    let mut order: Vec<usize> = (0..identities.len()).collect();
    order.sort_by(|&a, &b| identities[a].cmp(identities[b]).then(a.cmp(&b)));
    let converted: Vec<String> = order.iter().map(|&i| convert(identities[i])).collect();
    let settled = settle(&converted, &mut Scope::with_reserved(reserved), sep);
    let mut names = vec![String::new(); identities.len()];
    for (&i, name) in order.iter().zip(settled) {
        names[i] = name;
    }
    names
}

/// Claims `wanted` (in priority order) in `scope`: every plain name first,
/// so that a numbered one (`{name}{sep}2`...) never takes another's; the
/// names in the same order.
fn settle(wanted: &[String], scope: &mut Scope, sep: &str) -> Vec<String> {
    let mut names = vec![String::new(); wanted.len()];
    let mut numbered = Vec::new();
    for (k, name) in wanted.iter().enumerate() {
        if scope.taken.insert(name.clone()) {
            names[k] = name.clone();
        } else {
            numbered.push(k);
        }
    }
    for k in numbered {
        names[k] = scope.claim(wanted[k].clone(), sep);
    }
    names
}

/// How firmly an identity holds its spelling when two type names collide:
/// a component schema's name beats a resource handle's, which beats a name
/// derived from an owner (an inline schema, a params struct, an event).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    Component,
    Handle,
    Derived,
}

/// The type names of the generated crate's root.
///
/// Lowering runs twice. The first run only surveys: every name asked for is
/// recorded with its identity (`hint`) and [`Rank`], and a provisional name is
/// handed out. [`TypeNames::decide`] then settles every collision by rank and
/// identity, and the second run gets those names. So a name depends on the
/// set of identities in the spec, not on the order they are met in.
#[derive(Debug)]
pub struct TypeNames {
    reserved: Vec<String>,
    mode: Mode,
}

#[derive(Debug)]
enum Mode {
    Survey {
        asked: Vec<(Rank, String)>,
        provisional: Scope,
    },
    Decided {
        /// (rank, hint) → the names for its first, second... request.
        names: BTreeMap<(Rank, String), Vec<String>>,
        handed: BTreeMap<(Rank, String), usize>,
        /// Names for requests the survey did not see (none, when lowering
        /// is deterministic): claimed after every decided one.
        late: Scope,
    },
}

impl TypeNames {
    /// A survey in which `reserved` are taken.
    pub fn survey(reserved: &[&str]) -> Self {
        TypeNames {
            reserved: reserved.iter().map(|s| s.to_string()).collect(),
            mode: Mode::Survey {
                asked: Vec::new(),
                provisional: Scope::with_reserved(reserved),
            },
        }
    }

    /// Takes `name` out of the names to hand out, as a runtime type's.
    pub fn reserve(&mut self, name: &str) {
        match &mut self.mode {
            Mode::Survey { provisional, .. } => {
                provisional.taken.insert(name.to_owned());
                self.reserved.push(name.to_owned());
            }
            // Reserved from the start: the survey saw it.
            Mode::Decided { .. } => {}
        }
    }

    /// The name of the type whose identity is `hint`.
    pub fn name(&mut self, hint: &str, rank: Rank) -> String {
        match &mut self.mode {
            Mode::Survey { asked, provisional } => {
                asked.push((rank, hint.to_owned()));
                provisional.pascal(hint)
            }
            Mode::Decided {
                names,
                handed,
                late,
            } => {
                let key = (rank, hint.to_owned());
                let n = handed.entry(key.clone()).or_default();
                *n += 1;
                match names.get(&key).and_then(|list| list.get(*n - 1)) {
                    Some(name) => name.clone(),
                    None => late.pascal(hint),
                }
            }
        }
    }

    /// Settles the surveyed names: in each group of identities that spell
    /// one name, the lowest (rank, hint) keeps it and the others are
    /// numbered in that order.
    pub fn decide(self) -> TypeNames {
        let Mode::Survey { asked, .. } = self.mode else {
            return self;
        };
        let mut order: Vec<usize> = (0..asked.len()).collect();
        order.sort_by(|&a, &b| asked[a].cmp(&asked[b]).then(a.cmp(&b)));
        let reserved: Vec<&str> = self.reserved.iter().map(String::as_str).collect();
        let converted: Vec<String> = order.iter().map(|&i| pascal(&asked[i].1)).collect();
        let mut scope = Scope::with_reserved(&reserved);
        let decided = settle(&converted, &mut scope, "");
        let mut names: BTreeMap<(Rank, String), Vec<String>> = BTreeMap::new();
        // Requests of one identity get their names in the order they were
        // asked for, as the second run asks again.
        let mut by_request: Vec<(usize, String)> = order
            .iter()
            .zip(decided)
            .map(|(&i, name)| (i, name))
            .collect();
        by_request.sort_by_key(|(i, _)| *i);
        for (i, name) in by_request {
            names.entry(asked[i].clone()).or_default().push(name);
        }
        TypeNames {
            reserved: self.reserved,
            mode: Mode::Decided {
                names,
                handed: BTreeMap::new(),
                late: scope,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn remembered_names_are_the_names() {
        let names = [
            "Timers.Inactive",
            "type",
            "Self",
            "9lives",
            "",
            "é",
            "HTMLParser",
        ];
        let plain: Vec<(String, String)> = names
            .iter()
            .map(|n| (super::snake(n), super::pascal(n)))
            .collect();
        let remembered: Vec<(String, String)> = super::remembering(|| {
            names
                .iter()
                .chain(&names)
                .map(|n| (super::snake(n), super::pascal(n)))
                .collect()
        });
        assert_eq!(remembered[..names.len()], plain[..]);
        assert_eq!(remembered[names.len()..], plain[..]);
        // Forgotten after: nothing is kept between lowerings.
        assert!(super::REMEMBERED.with_borrow(Option::is_none));
    }

    use super::*;

    #[test]
    fn dotted_and_dashed() {
        assert_eq!(snake("Timers.Inactive"), "timers_inactive");
        assert_eq!(
            snake("X-Twilio-Webhook-Enabled"),
            "x_twilio_webhook_enabled"
        );
        assert_eq!(pascal("conversation_enum_state"), "ConversationEnumState");
    }

    #[test]
    fn keywords_and_digits() {
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("self"), "self_");
        assert_eq!(pascal("self"), "SelfValue");
        assert_eq!(snake("3d"), "_3d");
        assert_eq!(pascal("3d"), "N3d");
        assert_eq!(snake(""), "value");
        assert_eq!(snake("--"), "value");
    }

    #[test]
    fn crate_versions() {
        assert_eq!(crate_version("1.0.0").as_deref(), Some("1.0.0"));
        assert_eq!(crate_version("1.0").as_deref(), Some("1.0.0"));
        assert_eq!(crate_version("v2").as_deref(), Some("2.0.0"));
        assert_eq!(
            crate_version("1.2.3-rc.1+b5").as_deref(),
            Some("1.2.3-rc.1+b5")
        );
        for bad in [
            "",
            "2010-04-01",
            "beta",
            "1.2.3.4",
            "01.0.0",
            "1.0-rc",
            "1.0.0-",
            "1.0.0-01",
        ] {
            assert_eq!(crate_version(bad), None, "{bad}");
        }
    }

    #[test]
    fn collisions_get_suffixes() {
        let mut scope = Scope::default();
        assert_eq!(scope.snake("FriendlyName"), "friendly_name");
        assert_eq!(scope.snake("friendly_name"), "friendly_name_2");
        assert_eq!(scope.snake("friendly-name"), "friendly_name_3");
        let mut scope = Scope::default();
        assert_eq!(scope.snake("type"), "r#type");
        assert_eq!(scope.snake("Type"), "type_2");
    }
}
