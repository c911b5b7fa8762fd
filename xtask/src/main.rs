//! Maintainer tasks: `cargo xtask generate` writes the client crate from a
//! spec; `cargo xtask compare` lists the wire differences between two specs
//! and what they would do to the crate; `cargo xtask release` makes the
//! release a spec edit calls for; `cargo xtask test` runs every test,
//! with the mock servers they need; `cargo xtask features` runs clippy on
//! the generated crate under each of its features; `cargo xtask
//! bench-build` times the generated crate's build.

mod allocator;
mod bench_build;
mod compare;
mod features;
mod out;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use xtask::release;

use out::outln;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "Maintainer tasks for the Twilio client generator"
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Generate a client crate from an OpenAPI 3.0 spec (or check that it is up to date).
    #[command(
        long_about = "Generate a client crate from an OpenAPI 3.0.x spec (or check that it is up to date).\n\n\
            Prints one summary line: operations, models and enums generated, files written, \
            unchanged and removed, and the time taken. A file whose content did not change is \
            not rewritten, so its mtime stays. Operations the generator cannot express are \
            printed as `warning: skipped METHOD /path: reason` and counted in the summary by \
            kind, e.g. `2 skipped (1 cookie parameter, 1 multipart/form-data body)`. A spec \
            that would give a crate without operations is an error.",
        after_long_help = "Exit status: 0 on success; 1 when the spec cannot be read or generated (one \
            `error:` paragraph on stderr naming the file and the place in it: a line and column, \
            or a JSON pointer and the operation), when writing fails, or when --check finds a \
            difference. A failed run leaves the output directory exactly as it was.\n\n\
            The default --spec and --out are relative to the workspace root, so the command works \
            from any folder; paths you pass are relative to the current directory."
    )]
    Generate(GenerateArgs),
    /// List every difference in wire facts between our spec and another, and
    /// whether each calls for a minor or a major release of the generated crate.
    #[command(
        long_about = compare::LONG_ABOUT,
        after_long_help = compare::AFTER_LONG_HELP
    )]
    Compare(compare::CompareArgs),
    /// Release the crate after an edit of the spec: bump info.version as far
    /// as the changes require, regenerate, and write the changelog entry.
    #[command(
        long_about = release::LONG_ABOUT,
        after_long_help = release::AFTER_LONG_HELP
    )]
    Release(release::ReleaseArgs),
    /// Run every test of the workspace: starts Prism with Twilio's published
    /// spec for the conformance tests, runs `cargo test --workspace`, stops Prism.
    Test,
    /// Run clippy (warnings denied) on the generated crate's library under
    /// every feature its manifest declares, each alone, then with none, all,
    /// and the default set; uses cargo-hack at the pinned version, installed
    /// on first use (CI runs this).
    Features(features::FeaturesArgs),
    /// Time the build of the generated crate against openapi-generator's
    /// `rust` output for the same spec: clean, the crate alone, and the crate
    /// alone compiled as a registry dependency is; ours also
    /// with `mock` and as a slice of a few resources (needs Java and `pip
    /// install openapi-generator-cli`; a benchmark, not run in CI).
    BenchBuild(bench_build::BenchArgs),
}

#[derive(Args)]
struct GenerateArgs {
    /// The OpenAPI 3.0.x spec to read (YAML or JSON). OpenAPI 3.1 and
    /// Swagger 2.0 are refused with an error.
    #[arg(
        long,
        value_name = "PATH",
        default_value = "spec/conversations_v1.yaml"
    )]
    spec: PathBuf,
    /// The directory of the crate to write; created if missing. Only the
    /// generated files and `src/` are touched (stale files in `src/` are
    /// removed), so `tests/` and `examples/` there are yours.
    #[arg(long, value_name = "DIR", default_value = "generated-client")]
    out: PathBuf,
    /// The package name of the generated crate: ASCII letters, digits, `-`
    /// and `_`, starting with a letter [default: the spec's `info.title` in
    /// kebab case, e.g. `twilio-conversations`].
    #[arg(long, value_name = "NAME")]
    crate_name: Option<String>,
    /// Change nothing; exit non-zero naming each file that differs from what
    /// the spec generates (changed, missing, or stale in `src/`).
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    allocator::configure();
    let cli = Cli::parse();
    let code = match cli.task {
        Task::Generate(args) => match generate(&args) {
            Ok(code) => code,
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::FAILURE
            }
        },
        Task::Compare(args) => compare::run(&args),
        Task::Release(args) => release::run(&args, &project_root()),
        Task::Test => match test::run(&project_root()) {
            Ok(code) => code,
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::FAILURE
            }
        },
        Task::Features(args) => match features::run(&project_root(), &args) {
            Ok(code) => code,
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::FAILURE
            }
        },
        Task::BenchBuild(args) => match bench_build::run(&project_root(), &args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::FAILURE
            }
        },
    };
    out::status(code)
}

/// Relative defaults are resolved against the workspace root, so the command
/// works from any folder; paths given on the command line are taken as typed.
pub(crate) fn resolve(path: &Path, is_default: bool) -> PathBuf {
    if is_default && path.is_relative() {
        project_root().join(path)
    } else {
        path.to_owned()
    }
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_owned)
        .unwrap_or_default()
}

fn generate(args: &GenerateArgs) -> Result<ExitCode, codegen::Error> {
    let started = Instant::now();
    let spec = resolve(
        &args.spec,
        args.spec == Path::new("spec/conversations_v1.yaml"),
    );
    let out = resolve(&args.out, args.out == Path::new("generated-client"));
    let options = codegen::Options {
        crate_name: args.crate_name.clone(),
    };
    let generated = codegen::generate(&spec, &options)?;
    let api = &generated.api;
    let counts = format!(
        "{} operations, {} models, {} enums",
        api.operation_count(),
        api.models.len(),
        api.enums.len()
    );
    for skipped in &api.skipped {
        eprintln!("warning: skipped {}: {}", skipped.operation, skipped.reason);
    }
    let skipped = skipped_summary(api);
    if args.check {
        let stale = codegen::check(&generated, &out)?;
        let elapsed = started.elapsed();
        if stale.is_empty() {
            outln!(
                "{}: up to date ({counts}{skipped}; {} files checked in {:.0?})",
                out.display(),
                generated.files.len(),
                elapsed
            );
            return Ok(ExitCode::SUCCESS);
        }
        for file in &stale {
            eprintln!("stale: {}", out.join(file).display());
        }
        eprintln!(
            "error: {} file(s) differ from what {} generates; run `cargo xtask generate` to update them",
            stale.len(),
            spec.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    let report = codegen::write(&generated, &out)?;
    outln!(
        "{}: {counts}{skipped}; {} files written, {} unchanged, {} removed in {:.0?}",
        out.display(),
        report.written.len(),
        report.unchanged.len(),
        report.removed.len(),
        started.elapsed()
    );
    Ok(ExitCode::SUCCESS)
}

/// The summary's note of what was skipped, e.g. `, 2 skipped (1 cookie
/// parameter, 1 multipart/form-data body)`; empty when nothing was.
fn skipped_summary(api: &codegen::ir::Api) -> String {
    if api.skipped.is_empty() {
        return String::new();
    }
    format!(
        ", {} skipped ({})",
        api.skipped.len(),
        api.skip_counts().join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use codegen::ir::{SkipReason, Skipped};

    #[test]
    fn the_summary_counts_skips_by_kind() {
        let spec = project_root().join("tests/fixtures/constructs/bodies.yaml");
        let mut api = codegen::generate(&spec, &codegen::Options::default())
            .unwrap_or_else(|err| panic!("{err}"))
            .api;
        assert_eq!(
            skipped_summary(&api),
            ", 1 skipped (1 multipart/form-data body)"
        );
        for operation in ["GET /v1/Sessions", "DELETE /v1/Sessions"] {
            api.skipped.push(Skipped {
                operation: operation.to_owned(),
                reason: SkipReason::Cookie("#/paths/~1v1~1Sessions".to_owned()),
            });
        }
        api.skipped.push(Skipped {
            operation: "HEAD /v1/Sessions".to_owned(),
            reason: SkipReason::Method("HEAD"),
        });
        assert_eq!(
            skipped_summary(&api),
            ", 4 skipped (1 HEAD operation, 2 cookie parameters, 1 multipart/form-data body)"
        );
        api.skipped.clear();
        assert_eq!(skipped_summary(&api), "");
    }
}
