//! The differences as a maintainer reads them: grouped by operation, one
//! line each, and a summary that says which release they call for.

use std::fmt;

use super::diff::{Change, Difference, Impact, Part, Presence, Subject, Target};
use super::facts::{Parameter, Property, PropertyPath, RequestKind, Type};
use super::refinement::Refinement;
use super::rust::{Use, rust_type};

/// The differences [`diff`](super::diff) found, in order, and apart from
/// them the refinements.
///
/// Its `Display` is the text `cargo xtask compare` prints: a heading per
/// subject, one indented line per difference; then, under their own
/// heading, the refinements grouped the same way; then a summary line, or
/// `no differences in wire facts`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Grouped by subject, in [`Subject`] order.
    pub differences: Vec<Difference>,
    /// Response properties one spec types where the other leaves them
    /// open, grouped by subject. They are no wire difference: [`is_empty`](Self::is_empty),
    /// [`count`](Self::count) and [`release`](Self::release) leave them out.
    pub refinements: Vec<Refinement>,
}

/// The release a set of differences calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Release {
    /// Additive changes only.
    Minor,
    /// At least one breaking change.
    Major,
}

impl Report {
    /// Whether the specs agree in every wire fact (refinements aside).
    pub fn is_empty(&self) -> bool {
        self.differences.is_empty()
    }

    /// How many differences have `impact`.
    pub fn count(&self, impact: Impact) -> usize {
        self.differences
            .iter()
            .filter(|d| d.impact == impact)
            .count()
    }

    /// The release the differences call for; `None` when there are none.
    pub fn release(&self) -> Option<Release> {
        if self.is_empty() {
            None
        } else if self.count(Impact::Breaking) > 0 {
            Some(Release::Major)
        } else {
            Some(Release::Minor)
        }
    }

    /// The summary line, e.g. `3 differences: 2 additive, 1 breaking; this
    /// calls for a major release`, followed by `; 2 refinements apart`
    /// when there are refinements.
    pub fn summary(&self) -> String {
        let mut text = match self.release() {
            None => "no differences in wire facts".to_owned(),
            Some(release) => {
                let n = self.differences.len();
                format!(
                    "{n} difference{}: {} additive, {} breaking; this calls for a {release} release",
                    plural(n),
                    self.count(Impact::Additive),
                    self.count(Impact::Breaking),
                )
            }
        };
        let n = self.refinements.len();
        if n > 0 {
            text.push_str(&format!("; {n} refinement{} apart", plural(n)));
        }
        text
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The heading of the refinements in the printed report.
pub(super) const REFINEMENTS_HEADING: &str = "refinements (typed in one spec, left open in the \
     other; the wire agrees, so they call for no release, but the field's Rust type differs):";

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut current: Option<&Subject> = None;
        for difference in &self.differences {
            if current != Some(&difference.subject) {
                writeln!(f, "{}", difference.subject)?;
                current = Some(&difference.subject);
            }
            writeln!(f, "  {}  {}", difference.impact, difference.change)?;
        }
        if !self.is_empty() {
            writeln!(f)?;
        }
        if !self.refinements.is_empty() {
            writeln!(f, "{REFINEMENTS_HEADING}")?;
            let mut current: Option<&Subject> = None;
            for refinement in &self.refinements {
                if current != Some(&refinement.subject) {
                    writeln!(f, "{}", refinement.subject)?;
                    current = Some(&refinement.subject);
                }
                writeln!(f, "  {refinement}")?;
            }
            writeln!(f)?;
        }
        writeln!(f, "{}", self.summary())
    }
}

/// `response property `delivery`: object → any value (6 properties typed inside)`.
impl fmt::Display for Refinement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} → {} ({} propert{} typed inside)",
            Place(self.part, &self.path),
            self.from,
            self.to,
            self.inside,
            if self.inside == 1 { "y" } else { "ies" }
        )
    }
}

/// `CreateConversation (POST /v1/Conversations)`; `servers (the whole spec)`.
impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Spec => f.write_str("the whole spec"),
            Subject::Operation {
                path,
                method,
                operation_id: Some(id),
            } => write!(f, "{id} ({method} {path})"),
            Subject::Operation {
                path,
                method,
                operation_id: None,
            } => write!(f, "{method} {path}"),
        }
    }
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Impact::Additive => "additive",
            Impact::Breaking => "breaking",
        })
    }
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Release::Minor => "minor",
            Release::Major => "major",
        })
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Part::Request => "request body",
            Part::Response => "response",
            Part::Item => "list item",
            Part::Meta => "list meta",
        })
    }
}

/// `response property `timers.date_closed``, `request body property
/// `types.twilio/card.title``; `list item`, `request body` for the value itself.
struct Place<'a>(Part, &'a PropertyPath);

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Place(part, path) = self;
        match (part, path.is_root()) {
            (Part::Response, true) => f.write_str("response body"),
            (Part::Request, true) => f.write_str("request body"),
            (_, true) => write!(f, "{part}"),
            (_, false) => write!(f, "{part} property `{path}`"),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Parameter { name, within } => write!(f, "parameter {name}{within}"),
            Target::Property { part, path } => Place(*part, path).fmt(f),
        }
    }
}

fn urls(urls: &[String]) -> String {
    if urls.is_empty() {
        "none".to_owned()
    } else {
        urls.join(", ")
    }
}

fn maximum(max: Option<f64>) -> String {
    max.map_or_else(|| "none".to_owned(), |m| m.to_string())
}

fn parameter(p: &Parameter) -> String {
    let mut text = format!(
        "{}, {}, {}",
        p.location,
        if p.required { "required" } else { "optional" },
        p.ty
    );
    if let Some(max) = p.maximum {
        text.push_str(&format!(", maximum {max}"));
    }
    text
}

fn property(p: &Property) -> String {
    let mut text = p.ty.to_string();
    if p.nullable {
        text.push_str(", nullable");
    }
    if p.required {
        text.push_str(", required");
    }
    text
}

fn presence(from: Presence, to: Presence) -> String {
    let nullable = |n: bool| if n { "nullable" } else { "not nullable" };
    let required = |r: bool| if r { "required" } else { "optional" };
    let side = |p: Presence| {
        if from.required == to.required {
            nullable(p.nullable).to_owned()
        } else if from.nullable == to.nullable {
            required(p.required).to_owned()
        } else {
            format!("{}, {}", required(p.required), nullable(p.nullable))
        }
    };
    format!("{} → {}", side(from), side(to))
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Servers { from, to } => write!(f, "servers: {} → {}", urls(from), urls(to)),
            Change::OperationServers { from, to } => {
                let side = |s: &Option<Vec<String>>| {
                    s.as_deref()
                        .map_or_else(|| "the spec's servers".to_owned(), urls)
                };
                write!(f, "servers: {} → {}", side(from), side(to))
            }
            Change::HostAdded { url } => write!(f, "`OTHER_HOSTS` gains {url}"),
            Change::HostRemoved { url } => write!(
                f,
                "`OTHER_HOSTS` loses {url} (a host apps may name; no operation is sent there)"
            ),
            Change::OperationAdded => f.write_str("operation added"),
            Change::OperationRemoved => f.write_str("operation removed"),
            Change::OperationId { from, to } => {
                let side = |id: &Option<String>| {
                    id.as_deref()
                        .map_or_else(|| "none".to_owned(), |id| format!("`{id}`"))
                };
                write!(f, "operationId {} → {}", side(from), side(to))
            }
            Change::ParameterAdded { name, parameter: p } => {
                write!(f, "parameter {name} added ({})", parameter(p))
            }
            Change::ParameterRemoved { name, parameter: p } => {
                write!(f, "parameter {name} removed ({})", parameter(p))
            }
            Change::ParameterMoved { name, from, to } => {
                write!(f, "parameter {name} moved: {from} → {to}")
            }
            Change::ParameterRetyped { name, from, to } => {
                write!(f, "parameter {name}: type {from} → {to}")?;
                same_rust(
                    f,
                    rust_type(from, Use::Parameter),
                    rust_type(to, Use::Parameter),
                )
            }
            Change::ParameterRequired { name, from, to } => {
                let side = |r: bool| if r { "required" } else { "optional" };
                write!(f, "parameter {name}: {} → {}", side(*from), side(*to))
            }
            Change::ParameterMaximum { name, from, to } => write!(
                f,
                "parameter {name}: maximum {} → {}",
                maximum(*from),
                maximum(*to)
            ),
            Change::EnumValueAdded { target, value } => {
                write!(f, "{target}: enum value `{value}` added")
            }
            Change::EnumValueRemoved { target, value } => {
                write!(f, "{target}: enum value `{value}` removed")
            }
            Change::RequestBody { from, to } => {
                let side = |kind: &RequestKind| match kind {
                    RequestKind::NoBody => "none".to_owned(),
                    RequestKind::Json(media_type) => format!("JSON ({media_type})"),
                    RequestKind::Upload => "a file (`Upload`)".to_owned(),
                    RequestKind::Multipart => {
                        "multipart only (the operation is not generated)".to_owned()
                    }
                };
                write!(f, "request body: {} → {}", side(from), side(to))
            }
            Change::UploadMediaTypeAdded { media_type } => {
                write!(f, "upload media type `{media_type}` added")
            }
            Change::UploadMediaTypeRemoved { media_type } => write!(
                f,
                "upload media type `{media_type}` removed (the server refuses uploads an app may send)"
            ),
            Change::UploadMaxLength { from, to } => {
                let side =
                    |n: &Option<u64>| n.map_or_else(|| "none".to_owned(), |n| format!("{n} bytes"));
                write!(f, "upload size limit {} → {}", side(from), side(to))?;
                match (from, to) {
                    (_, None) => Ok(()),
                    (Some(before), Some(after)) if after > before => Ok(()),
                    _ => f.write_str(" (uploads that went before are refused)"),
                }
            }
            Change::Accept { from, to } => {
                let side = |a: &Option<String>| {
                    format!("`{}`", a.as_deref().unwrap_or("application/json"))
                };
                write!(f, "Accept {} → {}", side(from), side(to))
            }
            Change::UnionTagAdded {
                target,
                tag,
                model,
                shared,
            } => {
                write!(f, "{target}: union tag `{tag}` added (holds `{model}`")?;
                if *shared {
                    f.write_str(", which another tag holds too: no `From` impl for it")?;
                }
                f.write_str(")")
            }
            Change::UnionTagRemoved { target, tag } => {
                write!(f, "{target}: union tag `{tag}` removed (its variant goes)")
            }
            Change::UnionTagModel {
                target,
                tag,
                from,
                to,
            } => write!(
                f,
                "{target}: union tag `{tag}` holds `{to}`, was `{from}` (the variant's type changes)"
            ),
            Change::UnionTagProperty { target, from, to } => {
                write!(f, "{target}: union tag property `{from}` → `{to}`")
            }
            Change::CompositionChanged { target, kind } => write!(
                f,
                "{target}: changed inside its {}; compare does not interpret it, so it cannot tell whether the values sent and received stay valid",
                Type::of(*kind)
            ),
            Change::RequestMediaType { from, to } => {
                write!(f, "request body media type `{from}` → `{to}`")
            }
            Change::PropertyAdded {
                part,
                path,
                property: p,
            } => {
                write!(f, "{} added ({})", Place(*part, path), property(p))?;
                if *part == Part::Request && !Presence::of(p).is_option() {
                    f.write_str(" (a new argument of `new`)")?;
                }
                Ok(())
            }
            Change::PropertyRemoved {
                part,
                path,
                property: p,
            } => write!(f, "{} removed ({})", Place(*part, path), property(p)),
            Change::PropertyRetyped {
                part,
                path,
                from,
                to,
            } => {
                write!(f, "{}: type {from} → {to}", Place(*part, path))?;
                if *part == Part::Meta {
                    return f.write_str(
                        " (decoded by the runtime's `PageMeta`, which does not change)",
                    );
                }
                same_rust(f, rust_type(from, Use::Model), rust_type(to, Use::Model))
            }
            Change::PropertyNullability {
                part,
                path,
                from,
                to,
            } => {
                write!(f, "{}: {}", Place(*part, path), presence(*from, *to))?;
                match (*part, path.is_root(), from.is_option(), to.is_option()) {
                    (Part::Meta, ..) => {
                        f.write_str(" (decoded by the runtime's `PageMeta`, which does not change)")
                    }
                    (_, true, ..) => Ok(()),
                    (Part::Request, false, false, true) => f.write_str(
                        " (the field becomes an `Option`, no longer an argument of `new`)",
                    ),
                    (Part::Request, false, true, false) => f.write_str(
                        " (the field is no longer an `Option`: a new argument of `new`)",
                    ),
                    (_, false, true, true) => f.write_str(" (the field stays an `Option`)"),
                    (_, false, false, false) => f.write_str(" (the field stays a plain value)"),
                    (_, false, false, true) => f.write_str(" (the field becomes an `Option`)"),
                    (_, false, true, false) => f.write_str(" (the field is no longer an `Option`)"),
                }
            }
            Change::SuccessStatus { from, to } => {
                let side = |c: Option<u16>| c.map_or_else(|| "none".to_owned(), |c| c.to_string());
                write!(f, "success status {} → {}", side(*from), side(*to))
            }
            Change::ResponseBody { from, to } => write!(f, "response body: {from} → {to}"),
            Change::ItemsKey { from, to } => write!(f, "list items key `{from}` → `{to}`"),
            Change::StatusCodeAdded { code } => write!(f, "status code {code} added"),
            Change::StatusCodeRemoved { code } => write!(f, "status code {code} removed"),
        }
    }
}

/// Says so when a retype leaves the Rust type as it was.
fn same_rust(f: &mut fmt::Formatter<'_>, from: String, to: String) -> fmt::Result {
    if from == to {
        write!(f, " (the Rust type stays {})", code(&from))
    } else {
        Ok(())
    }
}

/// `String` in backticks; `an enum`, `a struct` as words.
fn code(rust: &str) -> String {
    if rust.starts_with("a ") || rust.starts_with("an ") {
        rust.to_owned()
    } else {
        format!("`{rust}`")
    }
}
