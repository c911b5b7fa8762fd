//! The differences between two specs' [`Facts`], each classified by what a
//! regeneration would do to the generated crate's public API.

use std::collections::{BTreeMap, BTreeSet};

use super::bodies::{request, response};
use super::facts::{
    BodyKind, Facts, Kind, Location, Method, Operation, OperationKey, Parameter, Property,
    PropertyPath, RequestKind, Type,
};
use super::refinement::{Refined, Refinement};
use super::report::Report;
use super::rust::{Use, collides, field_name, rust_type};
use super::values::{compositions, enum_values, opaque, union_tags};

/// One difference in wire facts, going from one spec to the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// What it is about: the whole spec or one operation.
    pub subject: Subject,
    /// What changed.
    pub change: Change,
    /// What it does to the generated crate's public API.
    pub impact: Impact,
}

/// What a difference is about. Sorted: the whole spec first, then
/// operations by path, then method.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    /// The spec as a whole (its top-level `servers`).
    Spec,
    /// One operation.
    Operation {
        /// The path template.
        path: String,
        /// The method.
        method: Method,
        /// The `operationId`: the first spec's, or the second's for an added operation.
        operation_id: Option<String>,
    },
}

impl Subject {
    /// The operation `method path` with `operation_id`.
    pub fn operation(method: Method, path: &str, operation_id: Option<&str>) -> Self {
        Subject::Operation {
            path: path.to_owned(),
            method,
            operation_id: operation_id.map(str::to_owned),
        }
    }

    fn of(key: &OperationKey, operation: &Operation) -> Self {
        Subject::operation(key.method, &key.path, operation.operation_id.as_deref())
    }
}

/// What a difference does to the generated crate's public API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    /// Code that compiled against the old crate still compiles: a minor release.
    Additive,
    /// Code written against the old crate may no longer compile: a major release.
    Breaking,
}

/// Where a property lives: the JSON request body, or a part of the response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The JSON request body, which apps build (`Model::new` and setters).
    Request,
    /// The success response's JSON body.
    Response,
    /// An item of a list page.
    Item,
    /// A list page's `meta` object, decoded by the runtime's own `PageMeta`.
    Meta,
}

/// The thing whose enum gained or lost a value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// A parameter or form field; `within` is `[]` for an array's items.
    Parameter {
        /// The parameter's name.
        name: String,
        /// Where the enum is inside the parameter's type (empty: the parameter itself).
        within: PropertyPath,
    },
    /// A property of the JSON request body or the response.
    Property {
        /// Where the property lives.
        part: Part,
        /// The property, down to the enum (`tags[]` for an array's items).
        path: PropertyPath,
    },
}

/// Whether a property may be missing or null: together they decide
/// whether the generated field is an `Option`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Presence {
    /// Listed in its object's `required`.
    pub required: bool,
    /// `nullable: true`.
    pub nullable: bool,
}

impl Presence {
    pub(super) fn of(property: &Property) -> Self {
        Presence {
            required: property.required,
            nullable: property.nullable,
        }
    }

    /// Whether the generated model field is an `Option`: always, unless the
    /// property is required and not nullable.
    pub fn is_option(self) -> bool {
        !self.required || self.nullable
    }
}

/// What changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The spec's top-level server URLs.
    Servers {
        /// Before.
        from: Vec<String>,
        /// After.
        to: Vec<String>,
    },
    /// The servers one operation is sent to (path- or operation-level
    /// `servers`); `None` stands for the spec's top-level servers.
    OperationServers {
        /// Before.
        from: Option<Vec<String>>,
        /// After.
        to: Option<Vec<String>>,
    },
    /// A host the generated `OTHER_HOSTS` gains: an operation is sent to a
    /// server of its own no other one was sent to.
    HostAdded {
        /// The server URL.
        url: String,
    },
    /// A host `OTHER_HOSTS` loses.
    HostRemoved {
        /// The server URL.
        url: String,
    },
    /// An operation only the second spec has.
    OperationAdded,
    /// An operation only the first spec has.
    OperationRemoved,
    /// The `operationId`, which names the method and the params struct.
    OperationId {
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// A parameter or form field only the second spec has.
    ParameterAdded {
        /// Its name.
        name: String,
        /// Its facts.
        parameter: Parameter,
    },
    /// A parameter or form field only the first spec has.
    ParameterRemoved {
        /// Its name.
        name: String,
        /// Its facts.
        parameter: Parameter,
    },
    /// A parameter of the same name sent somewhere else.
    ParameterMoved {
        /// Its name.
        name: String,
        /// Before.
        from: Location,
        /// After.
        to: Location,
    },
    /// A parameter's type (type, format, item type, enum-ness).
    ParameterRetyped {
        /// Its name.
        name: String,
        /// Before.
        from: Type,
        /// After.
        to: Type,
    },
    /// Whether a parameter is required.
    ParameterRequired {
        /// Its name.
        name: String,
        /// Before.
        from: bool,
        /// After.
        to: bool,
    },
    /// A parameter's `maximum`.
    ParameterMaximum {
        /// Its name.
        name: String,
        /// Before.
        from: Option<f64>,
        /// After.
        to: Option<f64>,
    },
    /// A value an enum gained.
    EnumValueAdded {
        /// Whose enum.
        target: Target,
        /// The value.
        value: String,
    },
    /// A value an enum lost.
    EnumValueRemoved {
        /// Whose enum.
        target: Target,
        /// The value.
        value: String,
    },
    /// What the method takes as its `body` argument: nothing, JSON, a
    /// file, or (multipart only) no method at all.
    RequestBody {
        /// Before.
        from: RequestKind,
        /// After.
        to: RequestKind,
    },
    /// A media type an upload may be sent as, offered by the second spec only.
    UploadMediaTypeAdded {
        /// The media type.
        media_type: String,
    },
    /// A media type an upload may be sent as, offered by the first spec only.
    UploadMediaTypeRemoved {
        /// The media type.
        media_type: String,
    },
    /// The size limit of an upload (`maxLength`), checked before sending.
    UploadMaxLength {
        /// Before.
        from: Option<u64>,
        /// After.
        to: Option<u64>,
    },
    /// The `Accept` header sent; `None` stands for `application/json`.
    Accept {
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// A tag only the second spec's union has: a new variant.
    UnionTagAdded {
        /// Whose union.
        target: Target,
        /// The tag value.
        tag: String,
        /// The component whose model the variant holds.
        model: String,
        /// Whether another tag holds the same model (then neither variant
        /// has a `From` impl for it).
        shared: bool,
    },
    /// A tag only the first spec's union has: a variant goes.
    UnionTagRemoved {
        /// Whose union.
        target: Target,
        /// The tag value.
        tag: String,
    },
    /// A tag that holds another model: its variant's type changes.
    UnionTagModel {
        /// Whose union.
        target: Target,
        /// The tag value.
        tag: String,
        /// The component before.
        from: String,
        /// After.
        to: String,
    },
    /// The discriminator's `propertyName`: the key of the tag on the wire.
    UnionTagProperty {
        /// Whose union.
        target: Target,
        /// Before.
        from: String,
        /// After.
        to: String,
    },
    /// A composition the generator keeps as `serde_json::Value` changed
    /// inside; compare does not interpret it.
    CompositionChanged {
        /// Where it is.
        target: Target,
        /// `oneOf`, `anyOf`, `allOf` or `not` (or the type beside one).
        kind: Kind,
    },
    /// The media type a JSON request body is sent with.
    RequestMediaType {
        /// Before.
        from: String,
        /// After.
        to: String,
    },
    /// A request body or response property only the second spec has.
    PropertyAdded {
        /// Where.
        part: Part,
        /// Which.
        path: PropertyPath,
        /// Its facts.
        property: Property,
    },
    /// A request body or response property only the first spec has.
    PropertyRemoved {
        /// Where.
        part: Part,
        /// Which.
        path: PropertyPath,
        /// Its facts.
        property: Property,
    },
    /// A request body or response property's type.
    PropertyRetyped {
        /// Where.
        part: Part,
        /// Which.
        path: PropertyPath,
        /// Before.
        from: Type,
        /// After.
        to: Type,
    },
    /// A request body or response property's nullability or required-ness.
    PropertyNullability {
        /// Where.
        part: Part,
        /// Which.
        path: PropertyPath,
        /// Before.
        from: Presence,
        /// After.
        to: Presence,
    },
    /// The success status code (the first 2xx declared).
    SuccessStatus {
        /// Before.
        from: Option<u16>,
        /// After.
        to: Option<u16>,
    },
    /// The kind of the success body, which decides the method's return type.
    ResponseBody {
        /// Before.
        from: BodyKind,
        /// After.
        to: BodyKind,
    },
    /// The key of a list page's items.
    ItemsKey {
        /// Before.
        from: String,
        /// After.
        to: String,
    },
    /// A status code only the second spec declares (success codes aside).
    StatusCodeAdded {
        /// The code as written, e.g. `404`, `4XX`, `default`.
        code: String,
    },
    /// A status code only the first spec declares (success codes aside).
    StatusCodeRemoved {
        /// The code as written.
        code: String,
    },
}

/// Every difference in wire facts going from `from` to `to`: what
/// regenerating the crate from `to` would change in a crate generated from
/// `from`. Grouped by subject (the spec, then operations by path and
/// method); within an operation: the operation itself, its status codes,
/// its parameters by name, its JSON request body (media type, then
/// properties by path), then its response properties by path.
pub fn diff(from: &Facts, to: &Facts) -> Report {
    let mut out = Differences::default();
    if from.servers != to.servers {
        out.push(
            Subject::Spec,
            Change::Servers {
                from: from.servers.clone(),
                to: to.servers.clone(),
            },
            Impact::Additive,
        );
    }
    // `OTHER_HOSTS` may gain hosts; one it loses is a server apps may name
    // (and an index past its end, or the constant itself, may be gone).
    for url in to.hosts.difference(&from.hosts) {
        out.push(
            Subject::Spec,
            Change::HostAdded { url: url.clone() },
            Impact::Additive,
        );
    }
    for url in from.hosts.difference(&to.hosts) {
        out.push(
            Subject::Spec,
            Change::HostRemoved { url: url.clone() },
            Impact::Breaking,
        );
    }
    let keys: BTreeSet<&OperationKey> =
        from.operations.keys().chain(to.operations.keys()).collect();
    for key in keys {
        match (from.operations.get(key), to.operations.get(key)) {
            (Some(old), None) => out.push(
                Subject::of(key, old),
                Change::OperationRemoved,
                Impact::Breaking,
            ),
            (None, Some(new)) => out.push(
                Subject::of(key, new),
                Change::OperationAdded,
                Impact::Additive,
            ),
            (Some(old), Some(new)) => operation(&Subject::of(key, old), old, new, &mut out),
            (None, None) => {}
        }
    }
    let mut differences = out.differences;
    differences.sort_by(|a, b| a.subject.cmp(&b.subject));
    let mut refinements = out.refinements;
    refinements.sort_by(|a, b| a.subject.cmp(&b.subject));
    Report {
        differences,
        refinements,
    }
}

#[derive(Default)]
struct Differences {
    differences: Vec<Difference>,
    refinements: Vec<Refinement>,
}

impl Differences {
    fn push(&mut self, subject: Subject, change: Change, impact: Impact) {
        self.differences.push(Difference {
            subject,
            change,
            impact,
        });
    }
}

fn operation(subject: &Subject, old: &Operation, new: &Operation, out: &mut Differences) {
    let mut refined = Vec::new();
    operation_differences(subject, old, new, out, &mut refined);
    out.refinements
        .extend(refined.into_iter().map(|r| Refinement {
            subject: subject.clone(),
            part: r.part,
            path: r.path,
            from: r.from,
            to: r.to,
            inside: r.inside,
        }));
}

fn operation_differences(
    subject: &Subject,
    old: &Operation,
    new: &Operation,
    out: &mut Differences,
    refined: &mut Vec<Refined>,
) {
    let mut push = |change, impact| out.push(subject.clone(), change, impact);
    if old.operation_id != new.operation_id {
        push(
            Change::OperationId {
                from: old.operation_id.clone(),
                to: new.operation_id.clone(),
            },
            Impact::Breaking,
        );
    }
    if old.servers != new.servers {
        push(
            Change::OperationServers {
                from: old.servers.clone(),
                to: new.servers.clone(),
            },
            Impact::Additive,
        );
    }

    let (old_r, new_r) = (&old.responses, &new.responses);
    if old_r.success != new_r.success {
        push(
            Change::SuccessStatus {
                from: old_r.success,
                to: new_r.success,
            },
            Impact::Additive,
        );
    }
    if old_r.body.kind() != new_r.body.kind() {
        push(
            Change::ResponseBody {
                from: old_r.body.kind(),
                to: new_r.body.kind(),
            },
            Impact::Breaking,
        );
    }
    // A moved success code is said once, above.
    let success: BTreeSet<String> = [old_r.success, new_r.success]
        .into_iter()
        .flatten()
        .filter(|_| old_r.success != new_r.success)
        .map(|code| code.to_string())
        .collect();
    for code in old_r.codes.difference(&new_r.codes) {
        if !success.contains(code) {
            push(
                Change::StatusCodeRemoved { code: code.clone() },
                Impact::Additive,
            );
        }
    }
    for code in new_r.codes.difference(&old_r.codes) {
        if !success.contains(code) {
            push(
                Change::StatusCodeAdded { code: code.clone() },
                Impact::Additive,
            );
        }
    }

    parameters(&old.parameters, &new.parameters, &mut push);

    request(old, new, &mut push, refined);
    response(old_r, new_r, &mut push, refined);
}

fn parameters(
    old: &BTreeMap<String, Parameter>,
    new: &BTreeMap<String, Parameter>,
    push: &mut impl FnMut(Change, Impact),
) {
    let names: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for name in names {
        let (a, b) = match (old.get(name), new.get(name)) {
            (Some(a), Some(b)) => (a, b),
            (Some(a), None) => {
                push(
                    Change::ParameterRemoved {
                        name: name.clone(),
                        parameter: a.clone(),
                    },
                    Impact::Breaking,
                );
                continue;
            }
            (None, Some(b)) => {
                // A required parameter becomes an argument of `XParams::new`;
                // the first non-path one gives the method a `params`
                // argument; a cookie makes the generator skip the operation;
                // a name that converts to another's may rename that one.
                let breaks = b.required
                    || b.location == Location::Cookie
                    || (b.location != Location::Path && !has_params(old))
                    || collides(
                        wire_name(name, b),
                        new.iter().map(|(n, p)| wire_name(n, p)),
                        &[],
                        field_name,
                    );
                let impact = if breaks {
                    Impact::Breaking
                } else {
                    Impact::Additive
                };
                push(
                    Change::ParameterAdded {
                        name: name.clone(),
                        parameter: b.clone(),
                    },
                    impact,
                );
                continue;
            }
            (None, None) => continue,
        };
        if a.location != b.location {
            // Between the query, headers and a form body only the wire
            // changes; a path parameter is an argument of the method, a
            // cookie makes the operation skipped, and a required one may
            // move among `new`'s arguments.
            let fixed = |l: Location| matches!(l, Location::Path | Location::Cookie);
            let breaks = fixed(a.location) || fixed(b.location) || a.required || b.required;
            push(
                Change::ParameterMoved {
                    name: name.clone(),
                    from: a.location,
                    to: b.location,
                },
                if breaks {
                    Impact::Breaking
                } else {
                    Impact::Additive
                },
            );
        }
        if a.required != b.required {
            push(
                Change::ParameterRequired {
                    name: name.clone(),
                    from: a.required,
                    to: b.required,
                },
                Impact::Breaking,
            );
        }
        if !a.ty.same_shape(&b.ty) {
            let same_rust = rust_type(&a.ty, Use::Parameter) == rust_type(&b.ty, Use::Parameter)
                && opaque(&a.ty, true) == opaque(&b.ty, true);
            let impact = if same_rust {
                Impact::Additive
            } else {
                Impact::Breaking
            };
            push(
                Change::ParameterRetyped {
                    name: name.clone(),
                    from: a.ty.clone(),
                    to: b.ty.clone(),
                },
                impact,
            );
        } else {
            let target = |within| Target::Parameter {
                name: name.clone(),
                within,
            };
            enum_values(&a.ty, &b.ty, true, push, target);
            union_tags(&a.ty, &b.ty, push, target);
            // A union parameter's models are not read property by property.
            compositions(&a.ty, &b.ty, true, push, target);
        }
        if a.maximum != b.maximum {
            push(
                Change::ParameterMaximum {
                    name: name.clone(),
                    from: a.maximum,
                    to: b.maximum,
                },
                Impact::Additive,
            );
        }
    }
}

/// Whether an operation with these parameters has a params struct: one
/// that is not in the path.
fn has_params(parameters: &BTreeMap<String, Parameter>) -> bool {
    parameters.values().any(|p| p.location != Location::Path)
}

/// The name a parameter has in the spec: its key, without the ` (query)`
/// that tells two of one name apart.
fn wire_name<'n>(key: &'n str, parameter: &Parameter) -> &'n str {
    key.strip_suffix(&format!(" ({})", parameter.location))
        .unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::super::facts::Segment;
    use super::*;

    #[test]
    fn presence_decides_option() {
        let p = |required, nullable| Presence { required, nullable };
        assert!(p(false, false).is_option());
        assert!(p(false, true).is_option());
        assert!(p(true, true).is_option());
        assert!(!p(true, false).is_option());
    }

    #[test]
    fn segments_and_paths() {
        let path = PropertyPath::of("participants[].identity");
        assert_eq!(
            path.0,
            vec![
                Segment::Name("participants".into()),
                Segment::Items,
                Segment::Name("identity".into())
            ]
        );
        assert_eq!(path.to_string(), "participants[].identity");
        assert!(path.is_inside(&PropertyPath::of("participants")));
        assert!(!PropertyPath::of("participants").is_inside(&path));
    }
}
