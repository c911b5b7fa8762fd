//! Times each stage of the generator and the whole, on the project's small
//! spec and on Twilio's full Conversations spec:
//!
//! ```text
//! cargo bench -p conversations-codegen
//! cargo bench -p conversations-codegen -- twilio     # one spec
//! cargo bench -p conversations-codegen -- format     # one stage
//! ```
//!
//! Stages: `parse` (spec text → `openapiv3` model), `lower` (model → IR),
//! `render_templates` (IR → unformatted text), `format` (syn + prettyplease +
//! spacing), and `generate` (all of them, as `codegen::generate_from_str`).
//! Each stage's input is built once, outside the timing. The full spec is
//! read from `shared/specs/` beside the workspace; where it is missing, only
//! the small spec is timed. See BENCHMARKS.md for figures.

use std::path::PathBuf;
use std::sync::LazyLock;

use codegen::{lower, render};
use divan::{Bencher, black_box};

/// The allocator `cargo xtask` runs with, set up as it sets it up.
#[path = "../../xtask/src/allocator.rs"]
mod allocator;

fn main() {
    allocator::configure();
    if SPECS.iter().all(|spec| spec.name != "twilio") {
        eprintln!(
            "note: {} not found; timing the small spec only",
            twilio_path().display()
        );
    }
    divan::main();
}

/// One spec to time.
struct Spec {
    /// The benchmark argument that selects it.
    name: &'static str,
    path: PathBuf,
    text: String,
}

fn twilio_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/specs/twilio_conversations_v1.yaml")
}

/// The specs that could be read: the small one always, Twilio's where present.
static SPECS: LazyLock<Vec<Spec>> = LazyLock::new(|| {
    let small = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec/conversations_v1.yaml");
    [("small", small), ("twilio", twilio_path())]
        .into_iter()
        .filter_map(|(name, path)| {
            let text = std::fs::read_to_string(&path).ok()?;
            Some(Spec { name, path, text })
        })
        .collect()
});

/// The names of the specs present, as benchmark arguments.
fn specs() -> Vec<&'static str> {
    SPECS.iter().map(|spec| spec.name).collect()
}

fn spec(name: &str) -> &'static Spec {
    SPECS
        .iter()
        .find(|spec| spec.name == name)
        .expect("a listed spec")
}

fn parsed(spec: &Spec) -> openapiv3::OpenAPI {
    codegen::load::parse(&spec.path, &spec.text).expect("the spec parses")
}

fn lowered(spec: &Spec) -> codegen::ir::Api {
    lower::lower(&spec.path, &parsed(spec), &lower::LowerOptions::default())
        .expect("the spec lowers")
}

fn origin(spec: &Spec) -> render::Origin {
    render::Origin {
        spec_name: spec
            .path
            .file_name()
            .expect("a file name")
            .to_string_lossy()
            .into_owned(),
    }
}

/// Spec text → `openapiv3::OpenAPI` (serde_yaml, then openapiv3's serde).
#[divan::bench(args = specs())]
fn parse(bencher: Bencher, name: &str) {
    let spec = spec(name);
    bencher.bench(|| codegen::load::parse(&spec.path, black_box(&spec.text)).unwrap());
}

/// `openapiv3::OpenAPI` → IR.
#[divan::bench(args = specs())]
fn lower(bencher: Bencher, name: &str) {
    let spec = spec(name);
    let openapi = parsed(spec);
    let options = lower::LowerOptions::default();
    bencher.bench(|| lower::lower(&spec.path, black_box(&openapi), &options).unwrap());
}

/// IR → unformatted file texts (askama).
#[divan::bench(args = specs())]
fn render_templates(bencher: Bencher, name: &str) {
    let spec = spec(name);
    let api = lowered(spec);
    let origin = origin(spec);
    bencher.bench(|| render::render_templates(black_box(&api), &origin).unwrap());
}

/// Unformatted texts → final files (syn parse, prettyplease, spacing).
#[divan::bench(args = specs())]
fn format(bencher: Bencher, name: &str) {
    let spec = spec(name);
    let rendered = render::render_templates(&lowered(spec), &origin(spec)).unwrap();
    bencher.bench(|| render::format(black_box(&rendered)).unwrap());
}

/// The whole pipeline, text → files, as the CLI runs it (without file I/O).
#[divan::bench(args = specs())]
fn generate(bencher: Bencher, name: &str) {
    let spec = spec(name);
    let options = codegen::Options::default();
    bencher
        .bench(|| codegen::generate_from_str(&spec.path, black_box(&spec.text), &options).unwrap());
}
