//! `cargo xtask compare`: the wire differences between two specs, each
//! classified as additive or breaking for the generated crate.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use codegen::compare;

use crate::out::{out, outln};

pub const LONG_ABOUT: &str = "\
List every difference in wire facts between our spec (--spec) and another (--with), grouped by \
operation, and whether each calls for a minor or a major release of the generated crate.

Differences are described going FROM --spec TO --with: what regenerating our crate from the \
--with spec would do to it. An operation only --with has is \"added\".

Compared: operations (matched by method and path) and their operationId; parameters (path, \
query, header, and the fields of an application/x-www-form-urlencoded body): location, type, \
format, item type, enum values, required-ness, maximum; declared status codes and the success \
code; the success body's kind (none, JSON, list page, file) and its properties by dotted path (type, \
enum values, nullability, required-ness); the Accept header sent; for lists the items key, the \
item's and meta's properties; the request body (JSON with its properties, a file with its media \
types and maxLength, multipart only); tagged unions by tag, each tag's model property by property \
(`content(card).title`), other compositions as canonical schema text; top-level and path-level \
servers and the hosts of OTHER_HOSTS. Never descriptions, summaries, examples, titles or \
component names: every $ref is resolved, so specs written with components or inline compare \
equal when they say the same.

A response property one spec types (an object with properties, or an array of them) where the \
other leaves it open (no type, `type: object` without properties, or an array of such items) is \
a refinement, not a difference: the wire agrees. Refinements are printed apart, under their own \
heading, and never count toward the release or the exit status; only the field's Rust type \
differs (serde_json::Value against a struct). In a request body, typing what the app sends stays \
a difference.

Each difference is classified by what the generator emits:

  difference                                          impact
  operation added                                     additive
  operation removed                                   breaking
  operationId changed (names the method and params)   breaking
  optional parameter added                            additive; breaking if it is the first
                                                      outside the path (the method gains
                                                      `params`), a cookie, or named like
                                                      another in Rust
  required parameter added (an XParams::new argument) breaking
  parameter removed                                   breaking
  parameter retyped (type, format, items, enum-ness)  breaking; additive if the Rust type stays
  parameter required <-> optional                     breaking (the constructor changes)
  parameter moved (same name, new location)           additive between query, header and form
                                                      for an optional one; else breaking
  parameter maximum changed                           additive
  enum value added                                    additive; breaking if named like another
                                                      value or like `Unknown` in Rust
  enum value removed                                  breaking (a variant goes)
  response property added                             additive; breaking if required and not
                                                      nullable, or named like a sibling
  response property removed                           breaking
  response property retyped                           breaking; additive if the Rust type stays
  response property nullability/required-ness         additive if the field stays an Option
                                                      (or stays plain), else breaking
  list meta property changed (runtime's PageMeta)     additive
  list items key changed                              additive
  success status changed, same body kind              additive
  success body kind changed (none/JSON/page/file)     breaking
  other status code added or removed                  additive
  Accept sent changed                                 additive
  request body kind changed (none/JSON/file)          breaking; additive from multipart only
                                                      (a skipped operation's method appears)
  upload media type added / removed                   additive / breaking
  upload maxLength lowered or set / raised or removed breaking / additive
  union tag added                                     additive; breaking if named like another
                                                      or `Unknown`, or sharing a model one tag
                                                      alone held (its From impl goes)
  union tag removed or holding another model          breaking
  composition kept as JSON changed inside             breaking (compare does not interpret it)
  servers changed (the default base URL moves)        additive
  host added to / removed from OTHER_HOSTS            additive / breaking
  response property typed in one, open in the other   a refinement, listed apart (no release)";

pub const AFTER_LONG_HELP: &str = "\
Exit status: 0 when the specs agree in every wire fact (prints `no differences in wire facts`, \
followed by `; N refinements apart` when one spec types what the other leaves open); 1 when \
they differ (one line per difference, then `N differences: A additive, B breaking; this calls \
for a major release`, or minor); 2 when a spec cannot be read or is not OpenAPI 3.0 (one \
`error:` paragraph on stderr naming the file and the place in it, as `generate` reports it), or \
when the command line is wrong.

The default --spec is relative to the workspace root, so the command works from any folder; paths \
you pass are relative to the current directory.";

#[derive(Args)]
pub struct CompareArgs {
    /// The spec to compare ours with (YAML or JSON, OpenAPI 3.0.x).
    #[arg(long = "with", value_name = "PATH")]
    with: PathBuf,
    /// Our spec, the starting point of every difference.
    #[arg(
        long,
        value_name = "PATH",
        default_value = "spec/conversations_v1.yaml"
    )]
    spec: PathBuf,
}

/// Exit status when a spec cannot be read.
const UNREADABLE: u8 = 2;

pub fn run(args: &CompareArgs) -> ExitCode {
    let spec = crate::resolve(
        &args.spec,
        args.spec == Path::new("spec/conversations_v1.yaml"),
    );
    let facts =
        compare::facts_of(&spec).and_then(|ours| Ok((ours, compare::facts_of(&args.with)?)));
    let (ours, theirs) = match facts {
        Ok(facts) => facts,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(UNREADABLE);
        }
    };
    let report = compare::diff(&ours, &theirs);
    outln!("from {} to {}:", spec.display(), args.with.display());
    out!("{report}");
    if report.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
