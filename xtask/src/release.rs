//! `cargo xtask release`: the release a spec edit calls for, made in one
//! command. Compares our spec with the one of the last release, asks
//! cargo-semver-checks about the two generated crates, bumps
//! `info.version`, regenerates the crate and writes its changelog entry.
//!
//! Everything is computed first; then the changelog, the spec and the crate
//! are written, and a failure puts back what was already written.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::Args;
use codegen::compare::{self, Change, Impact, Release};
use codegen::ir::{ItemKind, PublicItem};

use crate::changelog::{self, Entry, Level, Version};

pub const LONG_ABOUT: &str = "\
Make a release of the generated crate after an edit of the spec: compare the spec with the one of \
the last release (the highest git tag vX.Y.Z, or --from REF), find the release the differences \
call for, bump info.version in the spec (that line only), regenerate the crate and write a \
changelog entry at the top of its CHANGELOG.md.

The release is the strictest of three verdicts: `cargo xtask compare` on the two specs' wire \
facts; the public items of the two generated crates (an item removed or retyped is major, one \
added minor); and cargo-semver-checks on the two crates, run as a minor release (installed at the \
pinned version as `cargo xtask test` does). Where one is stricter than compare, the disagreement \
is printed. With no difference at all in wire facts or public items the release is a patch.

The changelog entry lists, by resource, the Rust names that were added, removed or retyped \
(types several resources use are under \"Shared types\"), and compare's breaking differences.";

pub const AFTER_LONG_HELP: &str = "\
Exit status: 0 when the release was made; 1 when it could not be (no release tag and no --from, \
an unknown ref, a spec that does not read or generate, a spec unchanged since the release, \
cargo-semver-checks missing or failing): one `error:` line, and nothing is changed.";

#[derive(Args)]
pub struct ReleaseArgs {
    /// The git ref of the last release [default: the highest tag vX.Y.Z].
    #[arg(long, value_name = "REF")]
    from: Option<String>,
    /// Our spec, as edited since the last release.
    #[arg(
        long,
        value_name = "PATH",
        default_value = "spec/conversations_v1.yaml"
    )]
    spec: PathBuf,
    /// The crate generated from it, with its CHANGELOG.md.
    #[arg(long, value_name = "DIR", default_value = "generated-client")]
    out: PathBuf,
    /// The date of the changelog entry, YYYY-MM-DD [default: today, UTC].
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Leave cargo-semver-checks out: compare and the public items decide
    /// alone (a quick look; a release should not use this).
    #[arg(long)]
    no_semver_checks: bool,
}

/// Runs the command; the default paths are relative to `root`, the workspace.
pub fn run(args: &ReleaseArgs, root: &Path) -> ExitCode {
    let resolve = |path: &Path, default: &str| {
        if path == Path::new(default) {
            root.join(path)
        } else {
            path.to_owned()
        }
    };
    let spec = resolve(&args.spec, "spec/conversations_v1.yaml");
    let out = resolve(&args.out, "generated-client");
    let plan = Plan {
        spec,
        out,
        from: args.from.clone(),
        date: args.date.clone().unwrap_or_else(changelog::today),
        semver_checks: !args.no_semver_checks,
    };
    match release(&plan) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// What to release, and how.
pub struct Plan {
    pub spec: PathBuf,
    pub out: PathBuf,
    pub from: Option<String>,
    pub date: String,
    pub semver_checks: bool,
}

/// Makes the release `plan` describes; on error nothing is changed.
pub fn release(plan: &Plan) -> Result<(), String> {
    let spec_dir = plan
        .spec
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let spec_name = plan
        .spec
        .file_name()
        .ok_or_else(|| format!("{} names no file", plan.spec.display()))?;
    let from = match &plan.from {
        Some(from) => from.clone(),
        None => last_tag(spec_dir)?,
    };
    let old_text = git(
        spec_dir,
        &["show", &format!("{from}:./{}", spec_name.to_string_lossy())],
    )
    .map_err(|err| format!("cannot read {} at {from}: {err}", plan.spec.display()))?;
    let text = fs::read_to_string(&plan.spec)
        .map_err(|err| format!("cannot read {}: {err}", plan.spec.display()))?;
    if old_text == text {
        return Err(format!(
            "{} is unchanged since {from}: nothing to release",
            plan.spec.display()
        ));
    }
    let scratch = Scratch::new()?;
    let old_spec = scratch.0.join("old").join(spec_name);
    write_new(&old_spec, &old_text)?;

    // The verdicts.
    let old_facts = compare::facts_of(&old_spec).map_err(|e| e.to_string())?;
    let new_facts = compare::facts_of(&plan.spec).map_err(|e| e.to_string())?;
    let report = compare::diff(&old_facts, &new_facts);
    let options = codegen::Options::default();
    let old = codegen::generate(&old_spec, &options).map_err(|e| e.to_string())?;
    let new = codegen::generate(&plan.spec, &options).map_err(|e| e.to_string())?;
    let items = ItemChanges::between(&old.api.public_items(), &new.api.public_items());
    let compared = report.release().map(level_of);
    let mut verdicts = vec![
        ("compare", compared.unwrap_or(Level::Patch)),
        ("the public items", items.level()),
    ];
    if plan.semver_checks {
        // The workspace beside the crate: its lockfile, so both crates build
        // from the same dependencies, and the target directory the semver
        // tests share, so those are built once.
        let found = semver_checks(&scratch.0, &old, &new, &plan.out)?;
        verdicts.push(("cargo-semver-checks", found));
    }
    let level = verdicts
        .iter()
        .map(|(_, l)| *l)
        .max()
        .unwrap_or(Level::Patch);
    for (who, said) in &verdicts[1..] {
        if *said > verdicts[0].1 {
            println!(
                "note: {who} calls for a {said} release where compare says {}; the {said} release wins",
                verdicts[0].1
            );
        }
    }

    // The new version, spec, crate and changelog, all in memory.
    let old_version = Version::parse(&old.api.version)
        .ok_or_else(|| format!("the version at {from} is not X.Y.Z: {}", old.api.version))?;
    let required = old_version.bump(level);
    let current = Version::parse(&new.api.version);
    let version = match current {
        // Already bumped by hand at least as far as needed: kept.
        Some(v) if v >= required => v,
        _ => required,
    };
    let new_text = set_info_version(&text, &version.to_string())
        .map_err(|err| format!("{}: {err}", plan.spec.display()))?;
    let generated =
        codegen::generate_from_str(&plan.spec, &new_text, &options).map_err(|e| e.to_string())?;
    let changelog_path = plan.out.join("CHANGELOG.md");
    let old_changelog = match fs::read_to_string(&changelog_path) {
        Ok(text) => Some(text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(format!("cannot read {}: {err}", changelog_path.display())),
    };
    let breaking: Vec<(Option<String>, String)> = report
        .differences
        .iter()
        .filter(|d| d.impact == Impact::Breaking && !told_by_items(&d.change))
        .map(|d| {
            (
                resource_of(&d.subject, &old, &new),
                format!("{}: {}", d.subject, d.change),
            )
        })
        .collect();
    let entry = Entry {
        version: version.to_string(),
        date: plan.date.clone(),
        added: items.group(&items.added, |i| format!("`{}` added", i.path)),
        removed: items.group(&items.removed, |i| format!("`{}` removed", i.path)),
        changed: changelog::merge(items.group(&items.retyped, |i| i.1.clone()), &breaking),
        wire_only: !report.is_empty(),
    };
    let new_changelog = changelog::insert(old_changelog.as_deref(), &entry.render())?;

    // Written: the changelog, the spec, the crate; undone on failure.
    fs::write(&changelog_path, &new_changelog)
        .map_err(|err| format!("cannot write {}: {err}", changelog_path.display()))?;
    let undo_changelog = || match &old_changelog {
        Some(text) => fs::write(&changelog_path, text),
        None => fs::remove_file(&changelog_path),
    };
    if let Err(err) = fs::write(&plan.spec, &new_text) {
        let _ = fs::write(&plan.spec, &text);
        let _ = undo_changelog();
        return Err(format!("cannot write {}: {err}", plan.spec.display()));
    }
    let written = match codegen::write(&generated, &plan.out) {
        Ok(report) => report,
        Err(err) => {
            let _ = fs::write(&plan.spec, &text);
            let _ = undo_changelog();
            return Err(err.to_string());
        }
    };

    println!("from {from} ({old_version}) to {version}: a {level} release");
    print!("{report}");
    if items.is_empty() {
        println!("public items: no change");
    } else {
        println!(
            "public items: {} added, {} removed, {} retyped",
            items.added.len(),
            items.removed.len(),
            items.retyped.len()
        );
    }
    println!(
        "{}: info.version {} → {version}",
        plan.spec.display(),
        new.api.version
    );
    println!(
        "{}: {} files written, {} unchanged, {} removed",
        plan.out.display(),
        written.written.len(),
        written.unchanged.len(),
        written.removed.len()
    );
    println!("{}: entry [{version}] added", changelog_path.display());
    Ok(())
}

/// Whether a breaking difference shows as a public item removed, added or
/// retyped, so the changelog need not say it again in wire terms.
fn told_by_items(change: &Change) -> bool {
    matches!(
        change,
        Change::OperationAdded
            | Change::OperationRemoved
            | Change::OperationId { .. }
            | Change::ParameterRemoved { .. }
            | Change::ParameterRetyped { .. }
            | Change::EnumValueRemoved { .. }
            | Change::PropertyRemoved { .. }
            | Change::PropertyRetyped { .. }
            | Change::PropertyNullability { .. }
    )
}

fn level_of(release: Release) -> Level {
    match release {
        Release::Minor => Level::Minor,
        Release::Major => Level::Major,
    }
}

/// The highest tag `vX.Y.Z` of the repository `dir` is in.
fn last_tag(dir: &Path) -> Result<String, String> {
    let tags = git(dir, &["tag", "--list", "v*"])?;
    tags.lines()
        .filter_map(|tag| Some((Version::parse(tag.strip_prefix('v')?)?, tag)))
        .max()
        .map(|(_, tag)| tag.to_owned())
        .ok_or_else(|| {
            "no release tag vX.Y.Z found; tag the last release or pass --from <REF>".to_owned()
        })
}

/// Runs git in `dir` and returns its standard output.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|err| format!("cannot run git: {err}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
    }
    String::from_utf8(output.stdout).map_err(|_| "git printed something that is not UTF-8".into())
}

/// `text` with the `version` of its top-level `info` replaced, every other
/// byte kept: in block style (`info:` then an indented `version: 1.0.0`) or
/// flow style (`info: { title: X, version: 1.0.0 }`), quotes kept.
pub fn set_info_version(text: &str, version: &str) -> Result<String, String> {
    let mut offset = 0;
    let mut in_info = false;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let top_level = !line.starts_with([' ', '\t', '#']) && !line.trim().is_empty();
        if top_level {
            in_info = line.starts_with("info:");
        }
        if !in_info {
            continue;
        }
        let key = if top_level {
            line.find("version:")
                .filter(|at| line[..*at].ends_with([' ', '{', ',']))
        } else {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            trimmed.starts_with("version:").then_some(indent)
        };
        let Some(at) = key else { continue };
        let value_start = at + "version:".len();
        let rest = &line[value_start..];
        let value_at = value_start + (rest.len() - rest.trim_start().len());
        let value_len = line[value_at..]
            .find([',', '}', '\n', '\r', ' ', '#'])
            .unwrap_or(line.len() - value_at);
        let old = &line[value_at..value_at + value_len];
        let quote = old.chars().next().filter(|c| *c == '"' || *c == '\'');
        let value = match quote {
            Some(q) => format!("{q}{version}{q}"),
            None => version.to_owned(),
        };
        let (from, to) = (start + value_at, start + value_at + value_len);
        return Ok(format!("{}{value}{}", &text[..from], &text[to..]));
    }
    Err("no `version:` under the top-level `info:` to bump".to_owned())
}

/// A temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Self, String> {
        static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("xtask-release-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir)
            .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    }
    fs::write(path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
}

/// cargo-semver-checks' verdict on `new` as a minor release of `old`:
/// minor when it passes, major when it finds a breaking change.
fn semver_checks(
    scratch: &Path,
    old: &codegen::Generated,
    new: &codegen::Generated,
    crate_dir: &Path,
) -> Result<Level, String> {
    let workspace = crate_dir.parent().unwrap_or(Path::new("."));
    let lock = workspace.join("Cargo.lock");
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    let tool = crate::semver_checks::install(in_ci)?.ok_or(
        "cargo-semver-checks is not installed and did not install; \
         pass --no-semver-checks to release on compare's verdict alone",
    )?;
    let mut dirs = Vec::new();
    for (name, generated) in [("old-crate", old), ("new-crate", new)] {
        let dir = scratch.join(name);
        // The crate's own files (`examples/` its manifest names) first.
        copy_dir(crate_dir, &dir)?;
        codegen::write(generated, &dir).map_err(|e| e.to_string())?;
        if lock.is_file() {
            fs::copy(&lock, dir.join("Cargo.lock"))
                .map_err(|err| format!("cannot copy {}: {err}", lock.display()))?;
        }
        dirs.push(dir);
    }
    let output = Command::new(&tool)
        .args(["semver-checks", "check-release", "--release-type", "minor"])
        .arg("--manifest-path")
        .arg(dirs[1].join("Cargo.toml"))
        .arg("--baseline-root")
        .arg(&dirs[0])
        .env("CARGO_TARGET_DIR", workspace.join("target/semver"))
        .env_remove("RUSTFLAGS")
        .output()
        .map_err(|err| format!("cannot run cargo-semver-checks: {err}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if !text.contains("Summary") {
        return Err(format!(
            "cargo-semver-checks did not judge the crates:\n{text}"
        ));
    }
    Ok(if output.status.success() {
        Level::Minor
    } else {
        Level::Major
    })
}

/// Copies the files of `from` into `to`, `target/` left out.
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|err| format!("cannot create {}: {err}", to.display()))?;
    let entries =
        fs::read_dir(from).map_err(|err| format!("cannot read {}: {err}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|err| format!("cannot read {}: {err}", from.display()))?;
        let (path, name) = (entry.path(), entry.file_name());
        if path.is_dir() {
            if name != "target" {
                copy_dir(&path, &to.join(&name))?;
            }
        } else {
            fs::copy(&path, to.join(&name))
                .map_err(|err| format!("cannot copy {}: {err}", path.display()))?;
        }
    }
    Ok(())
}

/// The resource handle an operation of `subject` belongs to, in the new
/// crate or else the old one.
fn resource_of(
    subject: &compare::Subject,
    old: &codegen::Generated,
    new: &codegen::Generated,
) -> Option<String> {
    let compare::Subject::Operation { path, method, .. } = subject else {
        return None;
    };
    let method = method.to_string();
    [new, old].into_iter().find_map(|generated| {
        generated.api.resources.iter().find_map(|resource| {
            resource
                .operations
                .iter()
                .any(|op| op.path == *path && op.http_method.upper() == method)
                .then(|| resource.handle.clone())
        })
    })
}

/// The public items two crates differ by.
struct ItemChanges {
    added: Vec<PublicItem>,
    removed: Vec<PublicItem>,
    /// Fields whose type changed, with the line that says so.
    retyped: Vec<(PublicItem, String)>,
}

impl ItemChanges {
    fn between(old: &BTreeMap<String, PublicItem>, new: &BTreeMap<String, PublicItem>) -> Self {
        let added = new
            .values()
            .filter(|i| !old.contains_key(&i.path))
            .cloned()
            .collect();
        let removed = old
            .values()
            .filter(|i| !new.contains_key(&i.path))
            .cloned()
            .collect();
        let retyped = new
            .values()
            .filter_map(|i| {
                let before = old.get(&i.path)?;
                (before.ty != i.ty && i.kind == ItemKind::Field).then(|| {
                    let ty = |t: &Option<String>| t.clone().unwrap_or_default();
                    let line = format!("`{}`: type `{}` → `{}`", i.path, ty(&before.ty), ty(&i.ty));
                    (i.clone(), line)
                })
            })
            .collect();
        ItemChanges {
            added,
            removed,
            retyped,
        }
    }

    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.retyped.is_empty()
    }

    /// What the changes alone call for: an item gone or retyped breaks
    /// code that names it; a new one is minor.
    fn level(&self) -> Level {
        if !self.removed.is_empty() || !self.retyped.is_empty() {
            Level::Major
        } else if !self.added.is_empty() {
            Level::Minor
        } else {
            Level::Patch
        }
    }

    /// Lines by resource (`None`: shared types).
    fn group<T: AsItem>(
        &self,
        items: &[T],
        line: impl Fn(&T) -> String,
    ) -> BTreeMap<Option<String>, Vec<String>> {
        let mut groups: BTreeMap<Option<String>, Vec<String>> = BTreeMap::new();
        for item in items {
            groups
                .entry(item.item().resource.clone())
                .or_default()
                .push(line(item));
        }
        groups
    }
}

trait AsItem {
    fn item(&self) -> &PublicItem;
}

impl AsItem for PublicItem {
    fn item(&self) -> &PublicItem {
        self
    }
}

impl AsItem for (PublicItem, String) {
    fn item(&self) -> &PublicItem {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_info_version_line_alone_changes() {
        let block = "openapi: 3.0.3\ninfo:\n  title: T\n  version: 1.0.0 # ours\n  x: {version: 9}\npaths: {}\n";
        assert_eq!(
            set_info_version(block, "1.1.0").unwrap(),
            block.replace("version: 1.0.0", "version: 1.1.0")
        );
        let flow = "info: { title: Semver Probe, version: '1.0.0' }\nversion: 3\n";
        assert_eq!(
            set_info_version(flow, "2.0.0").unwrap(),
            "info: { title: Semver Probe, version: '2.0.0' }\nversion: 3\n"
        );
        let crlf = "info:\r\n  version: \"1.0.0\"\r\n";
        assert_eq!(
            set_info_version(crlf, "1.0.1").unwrap(),
            "info:\r\n  version: \"1.0.1\"\r\n"
        );
        let none = "openapi: 3.0.3\ninfo:\n  title: T\nversion: 1.0.0\n";
        assert!(set_info_version(none, "1.0.1").is_err());
    }
}
