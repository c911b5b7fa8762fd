//! `cargo xtask bench-build`: how long the generated crate takes to compile,
//! side by side with openapi-generator's `rust` output for the same spec.
//!
//! Both crates are generated afresh under `--work`, fetched once (the only
//! network use: the package registries), then built `--offline` in rounds
//! that alternate which crate goes first:
//!
//! - **clean**: `cargo build` with an empty `target/` of the crate's own
//!   (dependencies included);
//! - **alone**: `cargo clean -p <crate>` then `cargo build`: the crate
//!   itself, its dependencies already built;
//! - **as a dependency**: the same with `CARGO_INCREMENTAL=0`, which is how
//!   cargo compiles a crate an app takes from a registry. Cargo passes
//!   `-C incremental` only to workspace members and path dependencies, and
//!   without it rustc splits a crate into 16 codegen units instead of one
//!   (or more) per module. The *alone* rows are the crate as the root of its
//!   own workspace: what its developers, or an app that vendors it, compile.
//!
//! Our crate is built three ways, each in all three kinds of build: with its
//! default features (the rows without a note), with `--features mock` (what
//! the typed mock adds), and as a *slice*: `--no-default-features --features`
//! [`SLICE_FEATURES`], TLS and two resources, as an app that only sends and
//! lists messages would depend on it. A way whose features the generated
//! manifest does not declare is skipped, with a note naming them. The
//! reference has no features: its column is its whole crate in every row.
//!
//! Each build is timed by the wall clock and by the CPU time of the processes
//! it ran (user + system), with the 1-minute load average noted before it:
//! on a shared machine the CPU time moves less than the wall time. The table
//! gives medians, the spread, and the ratio of the medians (ours over the
//! reference). A benchmark, not a test: CI does not run it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::out::{out, outln};

use clap::Args;

/// The reference generator's pip package, which bundles its jar.
const OAG_INSTALL: &str = "pip install openapi-generator-cli";

/// The features of the slice rows: TLS, and the resources an app that sends
/// and lists the messages of its conversations needs (a feature per resource,
/// parents implied).
const SLICE_FEATURES: [&str; 3] = [
    "rustls",
    "conversation-messages",
    "conversation-participants",
];

/// The feature of the mock rows: `mock::MockTwilio` and its server.
const MOCK_FEATURE: &str = "mock";

#[derive(Args)]
pub struct BenchArgs {
    /// The spec both crates are generated from [default: Twilio's spec in
    /// `../shared/specs/` beside the workspace].
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,
    /// Rounds of builds; each round builds both crates, in alternating order.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    rounds: u32,
    /// Where the two crates are generated and built (replaced on each run)
    /// [default: `target/bench-build` in the workspace].
    #[arg(long, value_name = "DIR")]
    work: Option<PathBuf>,
    /// Time only the crate-alone builds (one untimed build first, so the
    /// dependencies are there).
    #[arg(long)]
    alone_only: bool,
    /// The openapi-generator command [default: `openapi-generator-cli`, then
    /// `openapi-generator`, whichever runs].
    #[arg(long, value_name = "COMMAND")]
    openapi_generator: Option<String>,
}

/// One of the two crates under test.
struct Subject {
    label: &'static str,
    dir: PathBuf,
    package: String,
    builds: Vec<Build>,
}

/// One way a crate is built: its name in the table (`None` for the default
/// features), the cargo flags that select its features, and its samples.
struct Build {
    name: Option<&'static str>,
    flags: Vec<String>,
    clean: Vec<Sample>,
    alone: Vec<Sample>,
    /// The crate alone, compiled as a registry dependency is.
    dependency: Vec<Sample>,
}

#[derive(Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Option<Duration>,
    load: Option<f64>,
}

pub fn run(root: &Path, args: &BenchArgs) -> Result<(), String> {
    let spec = match &args.spec {
        Some(spec) => spec.clone(),
        None => root.join("../shared/specs/twilio_conversations_v1.yaml"),
    };
    if !spec.is_file() {
        return Err(format!(
            "{}: no such spec file (pass --spec)",
            spec.display()
        ));
    }
    let oag = find_openapi_generator(args.openapi_generator.as_deref())?;
    let work = args
        .work
        .clone()
        .unwrap_or_else(|| root.join("target/bench-build"));
    if work.exists() {
        fs::remove_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    }

    let ours_dir = work.join("ours");
    generate_ours(root, &spec, &ours_dir)?;
    let reference_dir = work.join("reference");
    generate_reference(&oag, &spec, &reference_dir)?;

    let declared = crate::features::declared_features(&read(&ours_dir.join("Cargo.toml"))?);
    let (ours_builds, notes) = ours_builds(&declared);
    for note in &notes {
        outln!("note: {note}");
    }
    let mut subjects = [
        Subject::new("ours", ours_dir, ours_builds)?,
        Subject::new(
            "reference",
            reference_dir,
            vec![Build::new(None, Vec::new())],
        )?,
    ];
    for subject in &subjects {
        outln!("fetching {} ({})", subject.label, subject.dir.display());
        cargo(&subject.dir, &["fetch", "--quiet"])?;
    }

    if args.alone_only {
        for subject in &subjects {
            for build in &subject.builds {
                outln!("building {} once (untimed)", build.label(subject.label));
                cargo(
                    &subject.dir,
                    &build.args(&["build", "--offline", "--quiet"]),
                )?;
            }
        }
    }
    for round in 0..args.rounds {
        let order: [usize; 2] = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for index in order {
            let Subject {
                label,
                dir,
                package,
                builds,
            } = &mut subjects[index];
            // Each round starts with the next of the crate's builds.
            let count = builds.len();
            for offset in 0..count {
                let build = &mut builds[(offset + round as usize) % count];
                let name = build.label(label);
                if !args.alone_only {
                    remove_target(dir)?;
                    let sample = timed_build(dir, &build.flags, true)?;
                    outln!("round {}: {name:<18} clean {}", round + 1, sample.show());
                    build.clean.push(sample);
                }
                for incremental in [true, false] {
                    cargo(dir, &["clean", "--offline", "--quiet", "-p", package])?;
                    let sample = timed_build(dir, &build.flags, incremental)?;
                    let (kind, samples) = if incremental {
                        ("alone", &mut build.alone)
                    } else {
                        ("as a dependency", &mut build.dependency)
                    };
                    outln!("round {}: {name:<18} {kind} {}", round + 1, sample.show());
                    samples.push(sample);
                }
            }
        }
    }
    out!("{}", table(&subjects, &oag, args.rounds, &notes));
    Ok(())
}

/// Our crate's builds: the default features, then the mock and the slice
/// when the manifest declares their features; a note for each one skipped.
fn ours_builds(declared: &[String]) -> (Vec<Build>, Vec<String>) {
    let missing = |wanted: &[&str]| -> Vec<String> {
        wanted
            .iter()
            .filter(|feature| !declared.iter().any(|d| d == *feature))
            .map(|feature| format!("`{feature}`"))
            .collect()
    };
    let mut builds = vec![Build::new(None, Vec::new())];
    let mut notes = Vec::new();
    let absent = missing(&[MOCK_FEATURE]);
    if absent.is_empty() {
        let flags = vec!["--features".to_owned(), MOCK_FEATURE.to_owned()];
        builds.push(Build::new(Some("mock"), flags));
    } else {
        notes.push(format!(
            "no mock rows: the generated crate does not declare the feature {}",
            absent.join(", ")
        ));
    }
    let absent = missing(&SLICE_FEATURES);
    if absent.is_empty() {
        let flags = vec![
            "--no-default-features".to_owned(),
            "--features".to_owned(),
            SLICE_FEATURES.join(","),
        ];
        builds.push(Build::new(Some("slice"), flags));
    } else {
        notes.push(format!(
            "no slice rows: the generated crate does not declare the feature(s) {} \
             (the slice is `--no-default-features --features {}`)",
            absent.join(", "),
            SLICE_FEATURES.join(",")
        ));
    }
    (builds, notes)
}

impl Subject {
    fn new(label: &'static str, dir: PathBuf, builds: Vec<Build>) -> Result<Subject, String> {
        let package = package_name(&dir)?;
        Ok(Subject {
            label,
            dir,
            package,
            builds,
        })
    }
}

impl Build {
    fn new(name: Option<&'static str>, flags: Vec<String>) -> Build {
        Build {
            name,
            flags,
            clean: Vec::new(),
            alone: Vec::new(),
            dependency: Vec::new(),
        }
    }

    /// The build in the progress lines: `ours`, `ours (mock)`.
    fn label(&self, subject: &str) -> String {
        match self.name {
            Some(name) => format!("{subject} ({name})"),
            None => subject.to_owned(),
        }
    }

    /// `command` followed by the build's feature flags.
    fn args<'a>(&'a self, command: &[&'a str]) -> Vec<&'a str> {
        let mut args = command.to_vec();
        args.extend(self.flags.iter().map(String::as_str));
        args
    }
}

impl Sample {
    fn show(&self) -> String {
        let cpu = self.cpu.map_or(String::new(), |cpu| {
            format!(", CPU {:.2} s", cpu.as_secs_f64())
        });
        let load = self
            .load
            .map_or(String::new(), |load| format!(" (load {load:.2})"));
        format!("{:.2} s{cpu}{load}", self.wall.as_secs_f64())
    }
}

/// openapi-generator as a command that answers `version`, and its version.
struct Oag {
    command: String,
    version: String,
}

fn find_openapi_generator(given: Option<&str>) -> Result<Oag, String> {
    match Command::new("java").arg("-version").output() {
        Ok(out) if out.status.success() => {}
        _ => {
            return Err(
                "java is missing: openapi-generator (the reference) runs on Java 11 or later; \
                 install a JDK or JRE (e.g. `apt-get install openjdk-17-jre-headless`)"
                    .into(),
            );
        }
    }
    let candidates: Vec<&str> = match given {
        Some(command) => vec![command],
        None => vec!["openapi-generator-cli", "openapi-generator"],
    };
    for command in &candidates {
        if let Ok(out) = Command::new(command).arg("version").output()
            && out.status.success()
        {
            let text = String::from_utf8_lossy(&out.stdout);
            let version = text.lines().last().unwrap_or_default().trim().to_owned();
            return Ok(Oag {
                command: (*command).to_owned(),
                version,
            });
        }
    }
    Err(format!(
        "openapi-generator is missing (tried `{}`): it builds the reference crate; \
         install it with `{OAG_INSTALL}` (the package bundles the jar), or pass \
         --openapi-generator COMMAND",
        candidates.join("`, `")
    ))
}

/// Our crate, generated in-process, standalone, with the workspace's
/// `Cargo.lock` so it builds the versions the workspace tests.
fn generate_ours(root: &Path, spec: &Path, dir: &Path) -> Result<(), String> {
    outln!("generating ours from {}", spec.display());
    let options = codegen::Options {
        crate_name: Some("twilio-conversations".into()),
    };
    let generated = codegen::generate(spec, &options).map_err(|e| e.to_string())?;
    codegen::write(&generated, dir).map_err(|e| e.to_string())?;
    make_standalone(dir)?;
    let lock = root.join("Cargo.lock");
    fs::copy(&lock, dir.join("Cargo.lock")).map_err(|e| format!("{}: {e}", lock.display()))?;
    Ok(())
}

/// openapi-generator's `rust` output, with its one known compile error fixed
/// (`models::models::` paths in `src/apis/`).
fn generate_reference(oag: &Oag, spec: &Path, dir: &Path) -> Result<(), String> {
    outln!(
        "generating the reference with {} {}",
        oag.command,
        oag.version
    );
    let out = Command::new(&oag.command)
        .args(["generate", "-g", "rust", "-i"])
        .arg(spec)
        .arg("-o")
        .arg(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", oag.command))?;
    if !out.status.success() {
        return Err(format!(
            "`{} generate -g rust` failed:\n{}{}",
            oag.command,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let apis = dir.join("src/apis");
    let entries = fs::read_dir(&apis).map_err(|e| format!("{}: {e}", apis.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|ext| ext == "rs") {
            let text = read(&path)?;
            if text.contains("models::models::") {
                write(&path, &text.replace("models::models::", "models::"))?;
            }
        }
    }
    make_standalone(dir)
}

/// Adds an empty `[workspace]`, so the crate builds on its own even inside
/// the project's workspace.
fn make_standalone(dir: &Path) -> Result<(), String> {
    let manifest = dir.join("Cargo.toml");
    let mut text = read(&manifest)?;
    if !text.lines().any(|line| line.trim() == "[workspace]") {
        text.push_str("\n[workspace]\n");
        write(&manifest, &text)?;
    }
    Ok(())
}

pub(crate) fn package_name(dir: &Path) -> Result<String, String> {
    let manifest = dir.join("Cargo.toml");
    let text = read(&manifest)?;
    let mut in_package = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package
            && let Some(value) = line.strip_prefix("name")
            && let Some(value) = value.trim_start().strip_prefix('=')
        {
            return Ok(value.trim().trim_matches('"').to_owned());
        }
    }
    Err(format!("{}: no [package] name", manifest.display()))
}

fn remove_target(dir: &Path) -> Result<(), String> {
    let target = dir.join("target");
    if target.exists() {
        fs::remove_dir_all(&target).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}

/// `cargo build --offline` in `dir` with the feature flags `flags`, timed;
/// with `incremental` false, as cargo compiles a registry dependency.
fn timed_build(dir: &Path, flags: &[String], incremental: bool) -> Result<Sample, String> {
    let mut args = vec!["build", "--offline", "--quiet"];
    args.extend(flags.iter().map(String::as_str));
    let load = load_average();
    let cpu_before = children_cpu();
    let env: &[(&str, &str)] = if incremental {
        &[]
    } else {
        &[("CARGO_INCREMENTAL", "0")]
    };
    let started = Instant::now();
    cargo_with(dir, &args, env)?;
    let wall = started.elapsed();
    let cpu = cpu_before
        .zip(children_cpu())
        .map(|(before, after)| after.saturating_sub(before));
    Ok(Sample { wall, cpu, load })
}

/// Runs cargo in `dir` with the crate's own target directory.
fn cargo(dir: &Path, args: &[&str]) -> Result<(), String> {
    cargo_with(dir, args, &[])
}

/// [`cargo`] with extra environment variables; `CARGO_INCREMENTAL` is
/// cleared unless `env` sets it, so the caller's own setting does not leak
/// into the builds.
fn cargo_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(dir)
        .args(args)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .env_remove("CARGO_INCREMENTAL")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`cargo {}` failed in {}:\n{}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}

/// The CPU time (user + system) of every child process waited for so far.
#[cfg(unix)]
fn children_cpu() -> Option<Duration> {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) != 0 {
            return None;
        }
        usage
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    Some(time(usage.ru_utime) + time(usage.ru_stime))
}

#[cfg(not(unix))]
fn children_cpu() -> Option<Duration> {
    None
}

/// The 1-minute load average, where the system tells it (Linux).
fn load_average() -> Option<f64> {
    fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 0 {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

/// `median (min–max)` in seconds: to a tenth, or to a hundredth when every
/// value is under ten seconds (a crate alone can take under one).
fn summary(values: &[f64]) -> (f64, String) {
    let mut sorted = values.to_vec();
    let mid = median(&mut sorted);
    let places = if sorted.iter().all(|v| *v < 10.0) {
        2
    } else {
        1
    };
    let text = if sorted.len() > 1 {
        format!(
            "{mid:.places$} s ({:.places$}–{:.places$})",
            sorted[0],
            sorted[sorted.len() - 1]
        )
    } else {
        format!("{mid:.places$} s")
    };
    (mid, text)
}

/// Where a build keeps the samples of one kind of build.
type SamplesOf = fn(&Build) -> &[Sample];

fn table(subjects: &[Subject; 2], oag: &Oag, rounds: u32, notes: &[String]) -> String {
    let [ours, reference] = subjects;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{rounds} round(s); ours: {} ({}); reference: openapi-generator {} -g rust, package `{}`",
        ours.package,
        ours.dir.display(),
        oag.version,
        reference.package,
    );
    let _ = writeln!(
        out,
        "| build | ours | reference | ratio |\n| --- | --- | --- | --- |"
    );
    let Some(whole) = reference.builds.first() else {
        return out;
    };
    let kinds: [(&str, SamplesOf); 3] = [
        ("clean", |b| &b.clean),
        ("crate alone", |b| &b.alone),
        ("crate alone, as a dependency", |b| &b.dependency),
    ];
    for (kind, samples) in kinds {
        for build in &ours.builds {
            let (a, b) = (samples(build), samples(whole));
            if a.is_empty() || b.is_empty() {
                continue;
            }
            let name = match build.name {
                Some(name) => format!("{kind} ({name})"),
                None => kind.to_owned(),
            };
            let wall = |s: &[Sample]| s.iter().map(|x| x.wall.as_secs_f64()).collect::<Vec<_>>();
            let (wa, ta) = summary(&wall(a));
            let (wb, tb) = summary(&wall(b));
            let _ = writeln!(out, "| {name}, wall | {ta} | {tb} | {:.2} |", wa / wb);
            let cpu = |s: &[Sample]| {
                s.iter()
                    .map(|x| x.cpu.map(|c| c.as_secs_f64()))
                    .collect::<Option<Vec<_>>>()
            };
            if let (Some(ca), Some(cb)) = (cpu(a), cpu(b)) {
                let (ma, ta) = summary(&ca);
                let (mb, tb) = summary(&cb);
                let _ = writeln!(out, "| {name}, CPU | {ta} | {tb} | {:.2} |", ma / mb);
            }
        }
    }
    for build in &ours.builds {
        if let Some(name) = build.name {
            let _ = writeln!(out, "({name}): ours with `{}`", build.flags.join(" "));
        }
    }
    if ours.builds.len() > 1 {
        let _ = writeln!(
            out,
            "the reference column is the reference's whole crate in every row"
        );
    }
    for note in notes {
        let _ = writeln!(out, "note: {note}");
    }
    let loads: Vec<f64> = subjects
        .iter()
        .flat_map(|s| &s.builds)
        .flat_map(|b| b.clean.iter().chain(&b.alone).chain(&b.dependency))
        .filter_map(|s| s.load)
        .collect();
    if let (Some(low), Some(high)) = (
        loads.iter().copied().reduce(f64::min),
        loads.iter().copied().reduce(f64::max),
    ) {
        let _ = writeln!(
            out,
            "load average (1 min) before the builds: {low:.2}–{high:.2}"
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_summaries() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(summary(&[2.0, 1.0, 3.0]).1, "2.00 s (1.00–3.00)");
        assert_eq!(summary(&[0.934]).1, "0.93 s");
        assert_eq!(summary(&[9.0, 12.34]).1, "10.7 s (9.0–12.3)");
    }

    fn declared(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn builds_missing_their_features_are_skipped_with_a_note() {
        let (builds, notes) = ours_builds(&declared(&["default", "rustls", "mock"]));
        let names: Vec<_> = builds.iter().map(|b| b.name).collect();
        assert_eq!(names, [None, Some("mock")]);
        assert_eq!(builds[1].flags, ["--features", "mock"]);
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].contains("`conversation-messages`, `conversation-participants`")
                && !notes[0].contains("`rustls`,"),
            "{}",
            notes[0]
        );

        let (builds, notes) = ours_builds(&declared(&["rustls"]));
        assert_eq!(builds.len(), 1);
        assert!(notes[0].contains("feature `mock`"), "{}", notes[0]);
    }

    #[test]
    fn the_slice_builds_once_its_features_are_declared() {
        let (builds, notes) = ours_builds(&declared(&[
            "default",
            "rustls",
            "mock",
            "conversations",
            "conversation-messages",
            "conversation-participants",
        ]));
        assert!(notes.is_empty(), "{notes:?}");
        let slice = builds.last().unwrap();
        assert_eq!(slice.name, Some("slice"));
        assert_eq!(
            slice.args(&["build"]),
            [
                "build",
                "--no-default-features",
                "--features",
                "rustls,conversation-messages,conversation-participants"
            ]
        );
    }

    #[test]
    fn every_build_of_ours_has_rows_against_the_whole_reference() {
        let sample = |secs: u64| Sample {
            wall: Duration::from_secs(secs),
            cpu: None,
            load: Some(1.0),
        };
        let mut ours = Subject {
            label: "ours",
            dir: PathBuf::from("ours"),
            package: "twilio-conversations".into(),
            builds: ours_builds(&declared(&["mock"])).0,
        };
        for (build, secs) in ours.builds.iter_mut().zip([10, 15]) {
            build.clean.push(sample(secs));
            build.alone.push(sample(secs / 5));
            build.dependency.push(sample(secs / 5 - 1));
        }
        let mut whole = Build::new(None, Vec::new());
        whole.clean.push(sample(20));
        whole.alone.push(sample(4));
        whole.dependency.push(sample(3));
        let reference = Subject {
            label: "reference",
            dir: PathBuf::from("reference"),
            package: "openapi".into(),
            builds: vec![whole],
        };
        let oag = Oag {
            command: "openapi-generator-cli".into(),
            version: "7.0.0".into(),
        };
        let notes = ["no slice rows: missing".to_owned()];
        let text = table(&[ours, reference], &oag, 1, &notes);
        for row in [
            "| clean, wall | 10.0 s | 20.0 s | 0.50 |",
            "| clean (mock), wall | 15.0 s | 20.0 s | 0.75 |",
            "| crate alone, wall | 2.00 s | 4.00 s | 0.50 |",
            "| crate alone (mock), wall | 3.00 s | 4.00 s | 0.75 |",
            "| crate alone, as a dependency, wall | 1.00 s | 3.00 s | 0.33 |",
            "| crate alone, as a dependency (mock), wall | 2.00 s | 3.00 s | 0.67 |",
            "(mock): ours with `--features mock`",
            "note: no slice rows: missing",
        ] {
            assert!(text.contains(row), "{row} missing from:\n{text}");
        }
    }

    #[test]
    fn package_names_come_from_the_package_table() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("Cargo.toml"),
            "[workspace]\nname = \"no\"\n\n[package]\nversion = \"1.0.0\"\nname = \"openapi\"\n",
        )
        .unwrap();
        assert_eq!(package_name(dir.path()).unwrap(), "openapi");
    }
}
