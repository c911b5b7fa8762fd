//! Lowering the OpenAPI model into the IR: every name and type decided here.
//!
//! One `Lowerer` walks the spec; its work is split by what it decides:
//!
//! - `resources`: the handles, their nesting and accessors, from the paths;
//! - `operations`: each operation's method names, path arguments, and its
//!   header and query parameters;
//! - `bodies`: request bodies, and the form fields they become;
//! - `responses`: what a call returns, and the list envelope of a page;
//! - `types`: schema → Rust type;
//! - `enums`: string enumerations, and which of them share one type;
//! - `models`: object schemas as structs, and the boxing that breaks cycles;
//! - `unions`: a `oneOf` tagged by a `discriminator`, as an enum;
//! - `examples`: the spec's examples, for tests and doc examples;
//! - `refs`: following `$ref`s;
//! - `webhooks`: the webhook events of `x-webhooks`.

mod bodies;
mod enums;
mod examples;
mod layout;
mod models;
mod operations;
mod pii;
mod refs;
mod resources;
mod responses;
mod types;
mod unions;
mod webhooks;

/// The JSON media type rule, shared with `compare`.
pub(crate) use bodies::is_json;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use heck::ToKebabCase;
use openapiv3::OpenAPI;

use crate::docs;
use crate::error::{Error, Result};
use crate::ir::{Api, Enum, Model, Pii, Skipped, Union};
use crate::naming::{self, Scope, TypeNames};

/// Names the generated crate's root already uses for its runtime.
const RUNTIME_TYPES: &[&str] = &[
    "ApiError",
    "Client",
    "ClientBuilder",
    // The webhook server runtime (features `webhooks`, `tower`, `axum`),
    // exported whether or not the spec describes webhooks.
    "PublicUrl",
    "WebhookConfig",
    "VerifiedWebhook",
    "FromWebhook",
    "PayloadError",
    "WebhookRejection",
    "TwilioWebhook",
    "TwilioWebhookLayer",
    "TwilioWebhookService",
    "Error",
    "Page",
    "ItemStream",
    "PageMeta",
    "Pending",
    "Response",
    "StatusCode",
    "HeaderMap",
    "Result",
    "RetryPolicy",
    "DateTime",
    "Utc",
    "BTreeMap",
    "Stream",
    // Private runtime types, names the generated modules import, and the
    // prelude's: a spec type named like one gets a suffix (`String2`).
    "Inner",
    "Answer",
    "Sending",
    "PageVisitor",
    "Pairs",
    "Request",
    "ToWire",
    "Arc",
    "Context",
    "Cow",
    "DeserializeOwned",
    "Deserialize",
    "Deserializer",
    "Duration",
    "Formatter",
    "FromStr",
    "HeaderName",
    "HeaderValue",
    "Infallible",
    "MapAccess",
    "Method",
    "PhantomData",
    "Pin",
    "Poll",
    "SecondsFormat",
    "Serialize",
    "Serializer",
    "Value",
    "VecDeque",
    "Visitor",
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Display",
    "DoubleEndedIterator",
    "Drop",
    "Eq",
    "Err",
    "ExactSizeIterator",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Hash",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// Options that are not in the spec.
#[derive(Debug, Clone, Default)]
pub struct LowerOptions {
    /// The package name; by default the kebab-cased `info.title`.
    pub crate_name: Option<String>,
}

/// Builds the IR for `spec`, read from `path`.
///
/// Lowering runs twice: the first run surveys the type names the spec asks
/// for, and the second gets them decided from their identities (see
/// [`TypeNames`]), so no name depends on the order of unrelated items.
///
/// The survey only needs the names, so it skips what cannot change one or
/// fail: docs, examples and samples, personal-data marks and cases, and the
/// IR's final assembly. It meets every error the full run would meet, in
/// the same order, so the first error reported does not change.
pub fn lower(path: &Path, spec: &OpenAPI, options: &LowerOptions) -> Result<Api> {
    crate::naming::remembering(|| lower_remembering(path, spec, options))
}

fn lower_remembering(path: &Path, spec: &OpenAPI, options: &LowerOptions) -> Result<Api> {
    let mut survey = Lowerer::new(path, spec, TypeNames::survey(RUNTIME_TYPES));
    survey.survey = true;
    let (_, names) = survey.run(options)?;
    let (api, _) = Lowerer::new(path, spec, names.decide()).run(options)?;
    let mut api = api.expect("a full run builds the IR");
    layout::place(&mut api);
    Ok(api)
}

/// The state of one lowering: the names taken so far and the types made.
struct Lowerer<'a> {
    /// The spec's file, for errors.
    path: PathBuf,
    spec: &'a OpenAPI,
    /// Type names of the generated crate's root.
    types: TypeNames,
    /// Component schema name → generated type name, once generated.
    named: BTreeMap<String, String>,
    models: Vec<Model>,
    enums: Vec<Enum>,
    unions: Vec<Union>,
    skipped: Vec<Skipped>,
    /// Names of the generated example tests.
    example_tests: Scope,
    /// Hosts named by path- or operation-level `servers` (see [`Api::hosts`]).
    hosts: Vec<String>,
    /// The default host, once decided (see [`Api::base_url`]).
    default_host: Option<String>,
    /// Schema components being lowered, innermost last (to stop on cycles).
    resolving: Vec<String>,
    /// A survey run (see [`lower`]): names only, no IR.
    survey: bool,
}

impl<'a> Lowerer<'a> {
    fn new(path: &Path, spec: &'a OpenAPI, types: TypeNames) -> Self {
        Lowerer {
            path: path.to_owned(),
            spec,
            types,
            named: BTreeMap::new(),
            models: Vec::new(),
            enums: Vec::new(),
            unions: Vec::new(),
            skipped: Vec::new(),
            resolving: Vec::new(),
            example_tests: Scope::default(),
            hosts: Vec::new(),
            default_host: None,
            survey: false,
        }
    }

    /// The doc lines of the first non-blank text; none in a survey run,
    /// where docs are not kept.
    fn doc(&self, texts: &[Option<&str>]) -> Vec<String> {
        if self.survey {
            Vec::new()
        } else {
            docs::first(texts)
        }
    }

    fn unsupported(&self, pointer: &str, message: impl Into<String>) -> Error {
        Error::Unsupported {
            path: self.path.clone(),
            pointer: pointer.to_owned(),
            message: message.into(),
        }
    }

    /// The IR (none in a survey run), and the type names asked for on the way.
    fn run(mut self, options: &LowerOptions) -> Result<(Option<Api>, TypeNames)> {
        let spec = self.spec;
        if spec.paths.paths.is_empty() {
            return Err(self.unsupported(
                "#/paths",
                "the spec has no paths, so there is nothing to generate; add an operation under `paths`",
            ));
        }
        // Without `servers` (or with an empty list) OpenAPI's server is `/`,
        // relative to where the spec was served: no host a client can use,
        // so the app gives one. A spec that names servers only on its paths
        // or operations (as Twilio's files of 2020-2021 do) has the first of
        // those as its default host.
        let base_url = spec
            .servers
            .first()
            .or_else(|| {
                spec.paths.paths.values().find_map(|item| {
                    let item = item.as_item()?;
                    let ops = [&item.get, &item.put, &item.post, &item.delete, &item.patch];
                    item.servers
                        .first()
                        .or_else(|| ops.into_iter().flatten().find_map(|op| op.servers.first()))
                })
            })
            .map(|s| s.url.trim_end_matches('/').to_owned());
        self.default_host = base_url.clone();
        let crate_name = options
            .crate_name
            .clone()
            .unwrap_or_else(|| spec.info.title.to_kebab_case());
        if !naming::is_crate_name(&crate_name) {
            return Err(self.unsupported(
                "#/info/title",
                format!(
                    "`{crate_name}` is not a valid crate name; pass --crate-name with a name of ASCII letters, digits, `-` and `_` that starts with a letter and is not a Rust keyword"
                ),
            ));
        }

        let version = naming::crate_version(&spec.info.version).ok_or_else(|| {
            self.unsupported(
                "#/info/version",
                format!(
                    "`version: {}` is not a version Cargo accepts for the generated crate; use MAJOR.MINOR.PATCH, e.g. `1.0.0`",
                    spec.info.version
                ),
            )
        })?;

        let raw_ops = self.collect_operations()?;
        if raw_ops.is_empty() && self.skipped.is_empty() {
            let none = match spec.paths.paths.len() {
                1 => "the only path has no operation".to_owned(),
                n => format!("none of the {n} paths has an operation"),
            };
            return Err(self.unsupported(
                "#/paths",
                format!(
                    "{none} (get, post, put, patch or delete), so there is nothing to generate; add an operation under `paths`"
                ),
            ));
        }
        let resources = self.build_resources(&raw_ops)?;
        if resources.iter().all(|r| r.operations.is_empty()) {
            // Each operation not generated was recorded once, with its reason.
            return Err(self.every_operation_skipped(self.skipped.len()));
        }
        let webhooks = self.webhooks()?;
        if self.survey {
            return Ok((None, self.types));
        }

        let mut models = std::mem::take(&mut self.models);
        models.sort_by(|a, b| a.name.cmp(&b.name));
        let mut unions = std::mem::take(&mut self.unions);
        unions.sort_by(|a, b| a.name.cmp(&b.name));
        models::break_cycles(&mut models, &mut unions);
        let mut enums = std::mem::take(&mut self.enums);
        enums.sort_by(|a, b| a.name.cmp(&b.name));
        let mut resources = resources;
        models::mark_request_models(
            &mut models,
            &unions,
            resources
                .iter()
                .flat_map(|r| &r.operations)
                .filter_map(|op| op.body.as_ref())
                .map(|body| &body.ty),
        );
        examples::add_body_samples(&mut resources, &models, &enums, &unions);
        let sensitive_keys = pii::keys(&models, Pii::Sensitive, &[]);
        let standard_keys = pii::keys(&models, Pii::Standard, &sensitive_keys);
        let redacted_types = pii::redacted_types(&models, &resources, webhooks.as_ref());
        let pii_cases = pii::pii_cases(&models, &resources, &enums);

        let api = Api {
            lib_name: crate_name.replace('-', "_"),
            crate_name,
            version,
            title: spec.info.title.clone(),
            license: spec
                .info
                .license
                .as_ref()
                .map_or_else(|| "MIT".to_owned(), |l| l.name.clone()),
            repository: spec
                .info
                .extensions
                .get("x-repository")
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            doc: docs::first(&[spec.info.description.as_deref()]),
            guide: spec
                .info
                .extensions
                .get("x-rust-guide")
                .and_then(|v| v.as_str())
                .map(docs::markdown)
                .unwrap_or_default(),
            base_url,
            hosts: std::mem::take(&mut self.hosts),
            resources,
            models,
            enums,
            unions,
            skipped: self.skipped,
            webhooks,
            sensitive_keys,
            standard_keys,
            redacted_types,
            pii_cases,
        };
        Ok((Some(api), self.types))
    }
}

impl Lowerer<'_> {
    /// The error for a spec whose `total` operations were all skipped: the
    /// crate would have no operation, so none is written.
    fn every_operation_skipped(&self, total: usize) -> Error {
        let reasons: Vec<String> = self
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.operation, s.reason))
            .collect();
        let (all, change) = if total == 1 {
            ("the only operation was skipped".to_owned(), "change it")
        } else {
            (
                format!("all {total} operations were skipped"),
                "change one of them",
            )
        };
        self.unsupported(
            "#/paths",
            format!(
                "{all}, so the crate would have no operation: {}; {change} to something the generator supports, or add an operation",
                reasons.join("; ")
            ),
        )
    }
}

/// Escapes a key for a JSON pointer (RFC 6901).
pub(crate) fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
