//! Rendering the IR through the askama templates into formatted files.

mod decode;
mod doc_stash;
mod final_attrs;
mod final_blocks;
mod final_layout;
mod helpers;

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};
use std::thread;

use askama::Template;

use crate::error::{Error, Result};
use crate::ir::{Api, Location, Need, Pii, ResponseKind, RustType, SampleValue, TypeFile};

/// The files of a generated crate: path relative to the crate root → content.
pub type Files = BTreeMap<String, String>;

/// Values the templates need besides the IR.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The spec's file name, for the "generated from" header.
    pub spec_name: String,
}

// The template structs: one per kind of generated file.

#[derive(Template)]
#[template(path = "Cargo.toml", escape = "none")]
struct CargoToml<'a> {
    api: &'a Api,
    origin: &'a Origin,
}

#[derive(Template)]
#[template(path = "rustfmt.toml", escape = "none")]
struct RustfmtToml<'a> {
    origin: &'a Origin,
}

#[derive(Template)]
#[template(path = "README.md", escape = "none")]
struct ReadmeMd<'a> {
    api: &'a Api,
    origin: &'a Origin,
}

#[derive(Template)]
#[template(path = "lib.rs", escape = "none")]
struct LibRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "client.rs", escape = "none")]
struct ClientRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "pending.rs", escape = "none")]
struct PendingRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "error.rs", escape = "none")]
struct ErrorRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "binary.rs", escape = "none")]
struct BinaryRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "wire.rs", escape = "none")]
struct WireRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "redact.rs", escape = "none")]
struct RedactRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "access_token.rs", escape = "none")]
struct AccessTokenRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "events.rs", escape = "none")]
struct EventsRs<'a> {
    api: &'a Api,
    hooks: &'a crate::ir::Webhooks,
}

#[derive(Template)]
#[template(path = "event.rs", escape = "none")]
struct EventRs<'a> {
    api: &'a Api,
    e: &'a crate::ir::WebhookEvent,
}

#[derive(Template)]
#[template(path = "signature.rs", escape = "none")]
struct SignatureRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "webhook_config.rs", escape = "none")]
struct WebhookConfigRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "webhook_layer.rs", escape = "none")]
struct WebhookLayerRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "webhook_axum.rs", escape = "none")]
struct WebhookAxumRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "telemetry.rs", escape = "none")]
struct TelemetryRs;

#[derive(Template)]
#[template(path = "pagination.rs", escape = "none")]
struct PaginationRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "models.rs", escape = "none")]
struct ModelsRs<'a> {
    types: TypeFile<'a>,
}

#[derive(Template)]
#[template(path = "enums.rs", escape = "none")]
struct EnumsRs<'a> {
    api: &'a Api,
    types: TypeFile<'a>,
}

#[derive(Template)]
#[template(path = "types.rs", escape = "none")]
struct TypesRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "resources.rs", escape = "none")]
struct ResourcesRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "resource.rs", escape = "none")]
struct ResourceRs<'a> {
    api: &'a Api,
    resource: &'a crate::ir::Resource,
}

#[derive(Template)]
#[template(path = "spec_examples.rs", escape = "none")]
struct SpecExamplesRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "mock.rs", escape = "none")]
struct MockRs<'a> {
    api: &'a Api,
}

#[derive(Template)]
#[template(path = "mock_resource.rs", escape = "none")]
struct MockResourceRs<'a> {
    api: &'a Api,
    resource: &'a crate::ir::Resource,
}

#[derive(Template)]
#[template(path = "resource_tests.rs", escape = "none")]
struct ResourceTestsRs<'a> {
    api: &'a Api,
    resource: &'a crate::ir::Resource,
}

#[derive(Template)]
#[template(path = "header.rs", escape = "none")]
struct Header<'a> {
    origin: &'a Origin,
}

/// One file as the templates produce it, before formatting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The path relative to the crate root.
    pub path: String,
    /// The template it was rendered from, for error messages.
    pub template: String,
    /// What [`format()`] does with [`Rendered::text`].
    pub kind: RenderedKind,
    /// The template's output, unformatted.
    pub text: String,
}

/// How [`format()`] turns a [`Rendered`] file into its final content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderedKind {
    /// Written as rendered (TOML files).
    Verbatim,
    /// Rust: parsed with syn, printed with prettyplease, spaced, and written
    /// after `header` and a blank line.
    Rust {
        /// The rendered `header.rs` template.
        header: String,
    },
    /// Rust a template writes in its final layout (see `final_layout`):
    /// written as rendered, after `header` and a blank line.
    Final {
        /// The rendered `header.rs` template.
        header: String,
    },
}

/// Renders every file of the crate: the two stages, [`render_templates`] then
/// [`format()`], done file by file on worker threads, one per core (see
/// [`format()`]), so that filling the templates is spread over the cores
/// too. The first failure reported is the one rendering and formatting the
/// files one by one, in order, would meet.
pub fn render(api: &Api, origin: &Origin) -> Result<Files> {
    let (jobs, stopped) = jobs(api, origin);
    let order: Vec<usize> = (0..jobs.len()).collect();
    let done = in_parallel(&jobs, &order, |job| {
        let file = job.render()?;
        let content = format_file(&file)?;
        Ok((file.path, content))
    });
    let mut files = Files::new();
    for result in done {
        let (path, content) = result?;
        files.insert(path, content);
    }
    stopped?;
    Ok(files)
}

/// The first stage of [`render`]: fills every template, formatting nothing.
pub fn render_templates(api: &Api, origin: &Origin) -> Result<Vec<Rendered>> {
    let (jobs, stopped) = jobs(api, origin);
    let rendered = jobs.iter().map(Job::render).collect::<Result<Vec<_>>>()?;
    stopped?;
    Ok(rendered)
}

/// The second stage of [`render`]: parses each Rust file with syn, prints it
/// with prettyplease, spaces its items and puts the header on it (a file a
/// template writes in its final layout only gets the header; see
/// [`RenderedKind::Final`]).
///
/// Files are formatted on scoped worker threads, one per core, largest first;
/// each file's content does not depend on which thread formats it, and the
/// error reported is that of the first failing file in `rendered`'s order.
/// Working off the caller's thread also frees the source map proc-macro2
/// keeps per thread (its `span-locations` copy of every parsed text) when
/// the workers end.
pub fn format(rendered: &[Rendered]) -> Result<Files> {
    let mut files = Files::new();
    for (file, content) in rendered.iter().zip(format_all(rendered)) {
        files.insert(file.path.clone(), content?);
    }
    Ok(files)
}

/// Each file's [`format_file`] result, in `rendered`'s order.
fn format_all(rendered: &[Rendered]) -> Vec<Result<String>> {
    let mut order: Vec<usize> = (0..rendered.len()).collect();
    order.sort_by_key(|&i| Reverse(rendered[i].text.len()));
    in_parallel(rendered, &order, format_file)
}

/// `f` of each of `items` on scoped worker threads, one per core (at most
/// one per item), which take the items in `order` (a permutation of their
/// indices); the results in `items`' order. Without any thread (the system
/// refused them all), this one does the work.
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    order: &[usize],
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let workers = thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(items.len());
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        while let Some(&i) = order.get(next.fetch_add(1, AtomicOrdering::Relaxed)) {
            done.push((i, f(&items[i])));
        }
        done
    };
    let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
    thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .filter_map(|_| thread::Builder::new().spawn_scoped(scope, worker).ok())
            .collect();
        let mine = if handles.is_empty() {
            worker()
        } else {
            Vec::new()
        };
        for done in handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .chain([mine])
        {
            for (i, result) in done {
                results[i] = Some(result);
            }
        }
    });
    results
        .into_iter()
        .map(|result| result.expect("every item is taken by one worker"))
        .collect()
}

/// One file of the crate, not yet rendered: its path, its template, filled
/// by [`Job::render`], and what formatting does with it.
struct Job<'a> {
    path: String,
    name: &'static str,
    template: Box<dyn DynRender + Sync + 'a>,
    kind: RenderedKind,
}

impl Job<'_> {
    fn render(&self) -> Result<Rendered> {
        Ok(Rendered {
            path: self.path.clone(),
            template: self.name.to_owned(),
            kind: self.kind.clone(),
            text: text(self.template.as_ref(), self.name)?,
        })
    }
}

/// Every file of the crate as a [`Job`], in order; and the failure that
/// ended the list early (the header's template), if any.
fn jobs<'a>(api: &'a Api, origin: &'a Origin) -> (Vec<Job<'a>>, Result<()>) {
    let mut out = Vec::new();
    let stopped = add_jobs(api, origin, &mut out);
    (out, stopped)
}

/// Adds the crate's files to `out`, in order, up to the header's failure.
fn add_jobs<'a>(api: &'a Api, origin: &'a Origin, out: &mut Vec<Job<'a>>) -> Result<()> {
    let mut verbatim =
        |path: &str, template: Box<dyn DynRender + Sync + 'a>, name: &'static str| {
            out.push(Job {
                path: path.to_owned(),
                name,
                template,
                kind: RenderedKind::Verbatim,
            });
        };
    verbatim(
        "Cargo.toml",
        Box::new(CargoToml { api, origin }),
        "Cargo.toml",
    );
    verbatim(
        "rustfmt.toml",
        Box::new(RustfmtToml { origin }),
        "rustfmt.toml",
    );
    verbatim("README.md", Box::new(ReadmeMd { api, origin }), "README.md");
    let header = text(&Header { origin }, "header.rs")?;
    let mut rust = |path: &str, template: Box<dyn DynRender + Sync + 'a>, name: &'static str| {
        let header = header.clone();
        out.push(Job {
            path: path.to_owned(),
            name,
            template,
            kind: if final_layout::TEMPLATES.contains(&name) {
                RenderedKind::Final { header }
            } else {
                RenderedKind::Rust { header }
            },
        });
    };
    rust("src/lib.rs", Box::new(LibRs { api }), "lib.rs");
    rust("src/client.rs", Box::new(ClientRs { api }), "client.rs");
    rust("src/pending.rs", Box::new(PendingRs { api }), "pending.rs");
    rust("src/error.rs", Box::new(ErrorRs { api }), "error.rs");
    if api.has_binary() {
        rust("src/binary.rs", Box::new(BinaryRs { api }), "binary.rs");
    }
    rust("src/wire.rs", Box::new(WireRs { api }), "wire.rs");
    rust("src/redact.rs", Box::new(RedactRs { api }), "redact.rs");
    rust(
        "src/pagination.rs",
        Box::new(PaginationRs { api }),
        "pagination.rs",
    );
    rust("src/telemetry.rs", Box::new(TelemetryRs), "telemetry.rs");
    rust(
        "src/signature.rs",
        Box::new(SignatureRs { api }),
        "signature.rs",
    );
    rust(
        "src/webhook_config.rs",
        Box::new(WebhookConfigRs { api }),
        "webhook_config.rs",
    );
    rust(
        "src/webhook_layer.rs",
        Box::new(WebhookLayerRs { api }),
        "webhook_layer.rs",
    );
    rust(
        "src/webhook_axum.rs",
        Box::new(WebhookAxumRs { api }),
        "webhook_axum.rs",
    );
    if let Some(hooks) = &api.webhooks {
        rust(
            "src/events/mod.rs",
            Box::new(EventsRs { api, hooks }),
            "events.rs",
        );
        for e in &hooks.events {
            let path = format!("src/events/{}.rs", e.module);
            rust(&path, Box::new(EventRs { api, e }), "event.rs");
        }
    }
    rust(
        "src/access_token.rs",
        Box::new(AccessTokenRs { api }),
        "access_token.rs",
    );
    if api.has_examples() {
        rust(
            "src/spec_examples.rs",
            Box::new(SpecExamplesRs { api }),
            "spec_examples.rs",
        );
    }
    rust("src/mock.rs", Box::new(MockRs { api }), "mock.rs");
    rust(
        "src/resources/mod.rs",
        Box::new(ResourcesRs { api }),
        "resources.rs",
    );
    for resource in &api.resources {
        let path = format!("src/resources/{}/mod.rs", resource.module);
        rust(&path, Box::new(ResourceRs { api, resource }), "resource.rs");
        let path = format!("src/resources/{}/mock.rs", resource.module);
        rust(
            &path,
            Box::new(MockResourceRs { api, resource }),
            "mock_resource.rs",
        );
        if api.has_own_tests(resource) {
            let path = format!("src/resources/{}/tests.rs", resource.module);
            rust(
                &path,
                Box::new(ResourceTestsRs { api, resource }),
                "resource_tests.rs",
            );
        }
    }
    if !api.shared_types().is_empty() {
        rust("src/types/mod.rs", Box::new(TypesRs { api }), "types.rs");
    }
    for types in api.type_files() {
        let path = types.path.clone();
        if !types.models.is_empty() || !types.unions.is_empty() {
            rust(&path, Box::new(ModelsRs { types }), "models.rs");
        } else {
            rust(&path, Box::new(EnumsRs { api, types }), "enums.rs");
        }
    }
    Ok(())
}

/// Object-safe rendering, so templates of different types share one path.
trait DynRender {
    fn render_text(&self) -> askama::Result<String>;
}

impl<T: Template> DynRender for T {
    fn render_text(&self) -> askama::Result<String> {
        self.render()
    }
}

fn text(template: &dyn DynRender, name: &str) -> Result<String> {
    template.render_text().map_err(|source| Error::Render {
        template: name.to_owned(),
        source,
    })
}

/// The final content of one rendered file.
fn format_file(file: &Rendered) -> Result<String> {
    match &file.kind {
        // Templates lose their last newline; text files end with one.
        RenderedKind::Verbatim => Ok(format!("{}\n", file.text.trim_end_matches('\n'))),
        RenderedKind::Rust { header } => {
            let body = rust_source(&file.text, &file.template)?;
            Ok(format!("{header}\n{body}"))
        }
        RenderedKind::Final { header } => {
            Ok(format!("{header}\n{}\n", file.text.trim_end_matches('\n')))
        }
    }
}

/// Parses rendered Rust with syn and prints it with prettyplease, its doc
/// comments (see [`doc_stash`]) and the items its template wrote in their
/// final layout (see [`final_blocks`]) set aside meanwhile.
///
/// A large file's syntax tree is several times its text, so the file is
/// lexed once and then parsed and printed a few items at a time (see
/// [`by_items`]); only a chunk's tree is alive at once. Where that route
/// fails, the whole file is parsed as one, which also gives the error.
fn rust_source(rendered: &str, name: &str) -> Result<String> {
    if let Some((text, runs)) = final_blocks::stash(rendered)
        && let Some(formatted) = by_items_spaced(&text, Some(&runs))
    {
        return Ok(formatted);
    }
    if let Some(formatted) = by_items_spaced(rendered, None) {
        return Ok(formatted);
    }
    let file = syn::parse_file(rendered).map_err(|err| Error::InvalidRust {
        template: name.to_owned(),
        message: invalid_rust_message(&err, rendered),
    })?;
    Ok(space_items(&prettyplease::unparse(&file)))
}

/// `text` printed by [`by_items`], its doc comments set aside meanwhile,
/// with the stashed `runs` put back, and spaced; `None` where any step fails.
fn by_items_spaced(text: &str, runs: Option<&final_blocks::Runs>) -> Option<String> {
    let finish = |printed: String| match runs {
        Some(runs) => final_blocks::restore(&printed, runs),
        None => Some(printed),
    };
    if let Some((stashed, docs)) = doc_stash::stash(text)
        && let Some(printed) = by_items(&stashed)
        && let Some(restored) = doc_stash::restore(&space_items(&finish(printed)?), &docs)
    {
        return Some(restored);
    }
    Some(space_items(&finish(by_items(text)?)?))
}

/// Top-level items parsed and printed together by [`by_items`].
const ITEMS_PER_CHUNK: usize = 16;

/// `rendered` printed as prettyplease prints the whole file, but parsed
/// [`ITEMS_PER_CHUNK`] top-level items at a time; `None` if it does not lex,
/// or a chunk does not parse as items.
///
/// prettyplease prints a file's items one after the other, each ending its
/// own lines, so the file's print is its chunks' prints joined. An item ends
/// at a top-level `;`, or at a top-level `{ ... }` not followed by `;` (a
/// `const` or `static` with a block value ends at its `;`). The first chunk
/// begins with the file's inner attributes, as the file does. A cut that
/// is not at an item's end (a brace block in a where clause, say) leaves a
/// chunk that does not parse, and the caller parses the file whole; so do
/// inner attributes after the first item, which the file would refuse.
fn by_items(rendered: &str) -> Option<String> {
    use proc_macro2::{Delimiter, TokenStream, TokenTree};

    fn print(chunk: &mut Vec<TokenTree>, out: &mut String) -> Option<()> {
        let file: syn::File = syn::parse2(chunk.drain(..).collect()).ok()?;
        // Inner attributes after the first item are an error in the file.
        if !out.is_empty() && !file.attrs.is_empty() {
            return None;
        }
        out.push_str(&prettyplease::unparse(&file));
        Some(())
    }

    let stream: TokenStream = rendered.parse().ok()?;
    let mut out = String::with_capacity(rendered.len() + rendered.len() / 8);
    let mut chunk = Vec::new();
    let mut items = 0;
    let mut tokens = stream.into_iter().peekable();
    while let Some(token) = tokens.next() {
        let ends_item = match &token {
            TokenTree::Punct(punct) => punct.as_char() == ';',
            TokenTree::Group(group) => {
                group.delimiter() == Delimiter::Brace
                    && !matches!(tokens.peek(), Some(TokenTree::Punct(p)) if p.as_char() == ';')
            }
            _ => false,
        };
        chunk.push(token);
        if ends_item {
            items += 1;
            if items == ITEMS_PER_CHUNK {
                print(&mut chunk, &mut out)?;
                items = 0;
            }
        }
    }
    if !chunk.is_empty() || out.is_empty() {
        print(&mut chunk, &mut out)?;
    }
    Some(out)
}

/// syn's message, with the line it points at when spans carry locations.
#[cfg(feature = "span-locations")]
fn invalid_rust_message(err: &syn::Error, rendered: &str) -> String {
    let start = err.span().start();
    let line = rendered
        .lines()
        .nth(start.line.saturating_sub(1))
        .unwrap_or("");
    format!("{err} at line {}: `{}`", start.line, line.trim())
}

/// syn's message; build with the `span-locations` feature for the line.
#[cfg(not(feature = "span-locations"))]
fn invalid_rust_message(err: &syn::Error, _rendered: &str) -> String {
    format!("{err} (build with the `span-locations` feature to see the line)")
}

/// prettyplease prints items back to back; this puts one blank line after
/// each multi-line item (top level, or inside an `impl` or `mod`), and
/// between runs of one-line items of different kinds (`use`, `mod`, inner
/// attributes), as hand-formatted code has them. Only whitespace changes.
fn space_items(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + code.len() / 16);
    let mut lines = code.lines();
    let Some(mut line) = lines.next() else {
        return out;
    };
    let mut kind = one_line_kind(line);
    for next in lines {
        out.push_str(line);
        out.push('\n');
        let trimmed = line.trim_start();
        let next_kind = one_line_kind(next);
        let next_closes = matches!(
            next.trim_start().as_bytes().first(),
            Some(b'}' | b')' | b']') | None
        );
        let ends_item = trimmed == "}" && line.len() - trimmed.len() <= 4;
        let changes_kind = kind.is_some() && kind != next_kind;
        if (ends_item || changes_kind) && !next_closes {
            out.push('\n');
        }
        (line, kind) = (next, next_kind);
    }
    out.push_str(line);
    out.push('\n');
    out
}

/// The kind of a one-line item, for grouping: `use`, `mod`, inner doc or attribute.
fn one_line_kind(line: &str) -> Option<&'static str> {
    let line = line.trim_start();
    let line = line
        .strip_prefix("pub(crate) ")
        .or_else(|| line.strip_prefix("pub "))
        .unwrap_or(line);
    if let Some(path) = line.strip_prefix("use ") {
        // Imports in three groups, as rustfmt's `group_imports` would have
        // them: the standard library, other crates, this crate.
        Some(if path.starts_with("std::") || path.starts_with("core::") {
            "use std"
        } else if path.starts_with("crate::") || path.starts_with("super::") {
            "use crate"
        } else {
            "use"
        })
    } else if line.starts_with("mod ") && line.ends_with(';') {
        Some("mod")
    } else if line.starts_with("//!") || line.starts_with("#![") {
        Some("inner")
    } else {
        None
    }
}

#[cfg(test)]
mod by_items_tests {
    use super::{ITEMS_PER_CHUNK, by_items};

    fn whole(text: &str) -> String {
        prettyplease::unparse(&syn::parse_file(text).unwrap())
    }

    #[test]
    fn prints_as_the_whole_file() {
        let mut text = String::from("//! Inner docs.\n#![allow(dead_code)]\nuse std::fmt;\n");
        for i in 0..3 * ITEMS_PER_CHUNK {
            text.push_str(&format!(
                "/// Item {i}.\npub struct S{i} {{ a: u8 }}\nconst C{i}: u8 = {{ 1 + {i} }};\n\
                 impl S{i} {{ fn f(&self) -> u8 {{ self.a }} }}\nstatic T{i}: [u8; 2] = [0; 2];\n\
                 mod m{i} {{ pub fn g() {{}} }}\nmacro_rules! k{i} {{ () => {{}} }}\n"
            ));
        }
        let printed = by_items(&text).expect("every chunk parses");
        assert_eq!(printed, whole(&text));
        assert!(printed.starts_with("//! Inner docs.\n#![allow(dead_code)]\n"));
    }

    #[test]
    fn a_cut_inside_an_item_is_refused() {
        // The `{ 1 }` in the generics ends no item: the chunk that ends
        // with it does not parse, so the caller parses the file whole.
        let mut text = String::new();
        for i in 0..ITEMS_PER_CHUNK - 1 {
            text.push_str(&format!("fn f{i}() {{}}\n"));
        }
        text.push_str("impl A<{ 1 }> { fn f() {} }\n");
        assert_eq!(by_items(&text), None);
        assert!(syn::parse_file(&text).is_ok());
    }

    #[test]
    fn inner_attributes_after_items_are_refused() {
        let mut text = String::new();
        for i in 0..ITEMS_PER_CHUNK {
            text.push_str(&format!("fn f{i}() {{}}\n"));
        }
        text.push_str("#![allow(dead_code)]\nfn g() {}\n");
        assert!(syn::parse_file(&text).is_err());
        assert_eq!(by_items(&text), None);
    }

    #[test]
    fn text_that_does_not_lex_is_refused() {
        assert_eq!(by_items("fn f() { \"unclosed }"), None);
    }
}
