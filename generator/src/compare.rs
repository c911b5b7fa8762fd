//! Compares two OpenAPI 3.0 specs by their wire facts and says what each
//! difference would do to the generated crate: `cargo xtask compare`.
//!
//! ```no_run
//! use std::path::Path;
//! use codegen::compare;
//!
//! let ours = compare::facts_of(Path::new("spec/conversations_v1.yaml"))?;
//! let theirs = compare::facts_of(Path::new("../shared/specs/twilio_conversations_v1.yaml"))?;
//! let report = compare::diff(&ours, &theirs);
//! print!("{report}"); // grouped by operation, then a summary line
//! for difference in &report.differences {
//!     if difference.impact == compare::Impact::Breaking {
//!         eprintln!("{}: {}", difference.subject, difference.change);
//!     }
//! }
//! println!("release: {:?}", report.release()); // None, Some(Minor) or Some(Major)
//! for refinement in &report.refinements {
//!     // Typed in one spec, open in the other: no difference on the wire.
//!     println!("{}: {refinement}", refinement.subject);
//! }
//! # Ok::<(), codegen::Error>(())
//! ```
//!
//! **Direction.** [`diff`]`(from, to)` describes what changes going *from*
//! the first spec *to* the second: what regenerating a crate made from
//! `from` out of `to` would do to it. An operation only `to` has is
//! "added".
//!
//! **Facts.** Operations (matched by method and path), their `operationId`,
//! parameters (path, query, header, cookie, and the fields of an
//! `application/x-www-form-urlencoded` body) with their location, type,
//! format, item type, enum values, required-ness and `maximum`; the declared
//! status codes and the success code (the first 2xx); the success body's
//! kind (none, JSON, a page of a list, or a file) and the `Accept` header
//! sent; its properties, nested ones by
//! dotted path (`timers.date_closed`, `participants[].identity`), with
//! their type, enum values, nullability and required-ness; for a list, the
//! items key, the item's properties and `meta`'s; the JSON request body
//! (`application/json` or `+json`, when no form is offered): whether there
//! is one, its media type and its properties by path, like the response's;
//! a body sent as it is (an `Upload`): its media types and size limit; a
//! multipart-only body (the generator skips the operation); the tags of a
//! tagged union (a `oneOf` with a `discriminator` over `$ref`s to objects)
//! and its models' properties at `content(card).title`; any other
//! composition as canonical schema text; the top-level servers, the hosts of
//! `OTHER_HOSTS`, and the servers each operation is sent to. Never
//! descriptions, summaries,
//! examples, titles or component names: every `$ref` is resolved, so a spec
//! written with components and one written inline compare equal when they
//! say the same, and a one-member `allOf` is read as its member (its
//! `nullable` sibling kept).
//!
//! **Refinements.** A response property one spec types where the other
//! leaves it open (no `type`, a `type: object` without properties, or an
//! array of such items) is no wire difference: every value the typed spec
//! describes is one the open spec allows. [`diff`] lists it apart, in
//! [`Report::refinements`], and it never counts toward the release; only
//! the field's Rust type differs (`serde_json::Value` against a struct).
//! Our spec types every such field of Twilio's file, so comparing the two
//! gives no difference and one refinement per typed field and operation.
//! In a request body, typing what the app sends stays a difference.
//!
//! **Impact**, by what the generator emits (models with `Option` fields,
//! `#[non_exhaustive]` enums with an `Unknown(String)` variant,
//! `#[non_exhaustive]` params structs whose required parameters are
//! arguments of `XParams::new`). A "minor" must never be wrong: where the
//! facts cannot tell whether generated code keeps compiling, a difference
//! is breaking.
//!
//! | difference | impact |
//! |---|---|
//! | operation added | additive |
//! | operation removed | breaking |
//! | `operationId` changed (it names the method and params struct) | breaking |
//! | optional parameter added | additive; breaking when it is the operation's first outside the path (the method gains `params`), a cookie (the operation is skipped), or named like another parameter in Rust |
//! | required parameter added (a new `new(...)` argument) | breaking |
//! | parameter removed | breaking |
//! | parameter retyped (type, format, item type, enum-ness) | breaking, unless the Rust type stays the same (e.g. `format: uri` on a string), then additive |
//! | parameter required ↔ optional (the constructor's signature changes) | breaking |
//! | parameter moved (same name, new location) | additive for an optional one between query, headers and form; breaking to or from the path or a cookie, or for a required one |
//! | parameter `maximum` changed | additive |
//! | enum value added | additive; breaking when its variant is named like another's or like the catch-all `Unknown` |
//! | enum value removed (a variant goes) | breaking; additive for non-string enums, which are plain Rust numbers or bools |
//! | response property added | additive for an `Option` field; breaking when required and not nullable (no more `Default`, a new `new` argument) or named like a sibling in Rust |
//! | response property removed | breaking |
//! | response property retyped | breaking, unless the Rust type stays the same, then additive |
//! | response property nullability or required-ness changed | additive when the field stays an `Option` (or stays plain), breaking when it becomes or stops being one |
//! | request body kind changed: none, JSON, a file (the `body` argument comes, goes or changes) | breaking; additive from multipart only (a method appears), breaking to it |
//! | upload media type added / removed | additive (the caller names the type) / breaking (an app may send it) |
//! | upload size limit lowered or first set / raised or removed | breaking / additive |
//! | JSON request body media type changed (only the `Content-Type` changes) | additive |
//! | request body property added | additive for an `Option` field (a new setter); breaking when required and not nullable (a new `new` argument) or named like a sibling in Rust |
//! | request body property removed | breaking |
//! | request body property retyped | breaking, unless the Rust type stays the same, then additive |
//! | request body property nullability or required-ness changed | additive when the field stays an `Option` (or stays plain), breaking when it joins or leaves `new`'s arguments |
//! | list `meta` property changed (the runtime's `PageMeta` decodes it) | additive |
//! | list items key changed (found at run time through `meta.key`) | additive |
//! | success status code changed, same body kind | additive |
//! | success body kind changed (no body ↔ JSON ↔ page ↔ file) | breaking |
//! | `Accept` sent changed | additive |
//! | union tag added | additive; breaking when its variant is named like another's or `Unknown`, or it shares a model one tag alone held (a `From` impl goes) |
//! | union tag removed, or holding another model | breaking |
//! | union's discriminator `propertyName` changed | additive |
//! | composition kept as JSON changed inside, or a type to or from one | breaking (compare does not interpret it) |
//! | other status code added or removed | additive |
//! | servers changed (the default base URL moves; no API change) | additive |
//! | host added to / removed from `OTHER_HOSTS` | additive / breaking |
//! | response property typed in one spec, open in the other | a [`Refinement`], no difference |

mod bodies;
mod diff;
mod facts;
mod read;
mod refinement;
mod report;
mod rust;
mod values;

pub use diff::{Change, Difference, Impact, Part, Presence, Subject, Target, diff};
pub use facts::{
    Body, BodyKind, Facts, JsonRequest, Kind, Location, Method, Operation, OperationKey, Parameter,
    Properties, Property, PropertyPath, RequestKind, Responses, Segment, Type, Union, Upload,
};
pub use read::{facts_of, facts_of_spec};
pub use refinement::Refinement;
pub use report::{Release, Report};
