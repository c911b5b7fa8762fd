//! No spec makes the generator panic: real specs, mutated by a seeded
//! mutator (keys deleted, types swapped, odd names and `$ref`s injected; then,
//! in the text, a line repeated, deleted or indented, or the text truncated),
//! each fed to `codegen::generate_from_str` inside
//! `catch_unwind`. A clean error and a generated crate are both fine; a
//! panic, or rendered code that is not Rust, is a failure.
//!
//! Deterministic: a fixed seed and budget (300 mutated specs per spec, 40 of
//! Twilio's whole spec, which is parsed in pieces on two threads).
//! `MUTATION_ITERATIONS=N` and `MUTATION_SEED=S` explore further. A crash
//! writes the mutated spec to `target/mutation-crashes/` and fails the test;
//! each crash found so far became a fixture in `tests/fixtures/`.
//!
//! Twilio's spec is read from `../shared/specs/` at test time; most mutations
//! work on a few of its paths and the components they use, which keeps a run
//! quick. Repeating a line found a real crash: openapiv3 panicked on a
//! duplicate key read straight from YAML (`fixtures/broken/duplicate_key.yaml`).
//! Under CI a missing spec is a failure, elsewhere it is skipped.

use std::cell::{Cell, RefCell};
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::Instant;

use serde_yaml::{Mapping, Value};

const DEFAULT_ITERATIONS: u64 = 300;
const DEFAULT_SEED: u64 = 0x5eed_c0de_2024;

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Names that have broken generators: keywords, runtime and prelude types,
/// generated method names, non-ASCII, digits, empty, and characters that
/// need escaping in Rust, TOML, URLs or JSON pointers.
const ODD_NAMES: &[&str] = &[
    "type",
    "self",
    "Self",
    "crate",
    "super",
    "mod",
    "fn",
    "r#type",
    "_",
    "",
    " ",
    "café",
    "名前",
    "😀",
    "1",
    "2fa",
    "Unknown",
    "unknown",
    "Client",
    "Error",
    "Page",
    "Result",
    "String",
    "Option",
    "Box",
    "new",
    "to_form",
    "clone",
    "default",
    "json",
    "send",
    "a\"b",
    "back\\slash",
    "line\nbreak",
    "tab\there",
    "nul\u{0}",
    "{",
    "}",
    "{x}",
    "/",
    "~1",
    "#",
    "%",
    "..",
    "x-ext",
    "$ref",
    "v1",
    "application/json",
    "+json",
];

/// One step into a YAML tree.
#[derive(Clone)]
enum Step {
    Key(Value),
    Index(usize),
}

/// A random node: descend from the root, stopping at each level by chance.
/// Mostly under `paths` and `components`, and rarely at the top, where most
/// mutations only make the document not OpenAPI at all.
fn random_path(rng: &mut Rng, root: &Value) -> Vec<Step> {
    let mut path = Vec::new();
    let mut node = root;
    if !rng.chance(10) {
        let section = if rng.chance(55) {
            "paths"
        } else {
            "components"
        };
        if let Some(child) = root.get(section) {
            path.push(Step::Key(Value::from(section)));
            node = child;
        }
    }
    loop {
        if path.len() >= 2 && rng.chance(12) {
            return path;
        }
        match node {
            Value::Mapping(map) if !map.is_empty() => {
                let (key, child) = map.iter().nth(rng.below(map.len())).expect("in range");
                path.push(Step::Key(key.clone()));
                node = child;
            }
            Value::Sequence(items) if !items.is_empty() => {
                let i = rng.below(items.len());
                path.push(Step::Index(i));
                node = &items[i];
            }
            _ => return path,
        }
    }
}

fn node_mut<'a>(root: &'a mut Value, path: &[Step]) -> &'a mut Value {
    let mut node = root;
    for step in path {
        node = match (step, node) {
            (Step::Key(key), Value::Mapping(map)) => map.get_mut(key).expect("path exists"),
            (Step::Index(i), Value::Sequence(items)) => &mut items[*i],
            _ => unreachable!("paths come from the same tree"),
        };
    }
    node
}

/// References to components, existing or not, and to the node's own
/// component (a cycle).
fn random_ref(rng: &mut Rng, root: &Value, path: &[Step]) -> String {
    let schemas: Vec<String> = root
        .get("components")
        .and_then(|c| c.get("schemas"))
        .and_then(Value::as_mapping)
        .map(|m| {
            m.keys()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let own = match path {
        [Step::Key(c), Step::Key(kind), Step::Key(name), ..]
            if c.as_str() == Some("components") =>
        {
            Some(format!(
                "#/components/{}/{}",
                kind.as_str().unwrap_or_default(),
                name.as_str().unwrap_or_default()
            ))
        }
        _ => None,
    };
    match rng.below(5) {
        0 if own.is_some() => own.unwrap_or_default(),
        0 | 1 if !schemas.is_empty() => format!("#/components/schemas/{}", rng.pick(&schemas)),
        2 => format!("#/components/schemas/{}", rng.pick(ODD_NAMES)),
        3 => "other.yaml#/components/schemas/Thing".to_owned(),
        _ => format!(
            "#/components/{}/x",
            rng.pick(&["parameters", "responses", "requestBodies"])
        ),
    }
}

fn odd_value(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::String(rng.pick(ODD_NAMES).to_string()),
        1 => Value::from(rng.next() as i64 % 1000),
        2 => Value::from(-1.5),
        3 => Value::from(u64::MAX),
        4 => Value::Mapping(Mapping::new()),
        5 => {
            let mut map = Mapping::new();
            map.insert(
                Value::from(rng.pick(ODD_NAMES).to_string()),
                Value::from("x"),
            );
            Value::Mapping(map)
        }
        6 => Value::Sequence(Vec::new()),
        7 => Value::Sequence(vec![Value::from(rng.pick(ODD_NAMES).to_string())]),
        _ => {
            if rng.chance(50) {
                Value::Bool(true)
            } else {
                Value::Null
            }
        }
    }
}

/// Applies one mutation somewhere in `root`; returns its name.
fn mutate(rng: &mut Rng, root: &mut Value) -> &'static str {
    let path = random_path(rng, root);
    let reference = random_ref(rng, root, &path);
    let node = node_mut(root, &path);
    // Weighted towards changes that often keep the spec valid, so that more
    // mutated specs reach the lowering and the templates.
    let kind = *rng.pick(&[0, 0, 0, 1, 1, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5]);
    match kind {
        0 => match node {
            Value::Mapping(map) if !map.is_empty() => {
                let key = map
                    .keys()
                    .nth(rng.below(map.len()))
                    .cloned()
                    .expect("in range");
                map.remove(&key);
                "delete key"
            }
            Value::Sequence(items) if !items.is_empty() => {
                items.remove(rng.below(items.len()));
                "delete item"
            }
            _ => {
                *node = Value::Null;
                "null"
            }
        },
        1 => {
            *node = odd_value(rng);
            "swap type"
        }
        2 => match node {
            Value::String(text) if !text.is_empty() => {
                let cut = rng.below(text.chars().count());
                *text = text.chars().take(cut).collect();
                "truncate string"
            }
            _ => {
                *node = Value::String(String::new());
                "empty string"
            }
        },
        3 => match node {
            Value::Mapping(map) if !map.is_empty() => {
                let key = map
                    .keys()
                    .nth(rng.below(map.len()))
                    .cloned()
                    .expect("in range");
                let value = map.remove(&key).expect("present");
                map.insert(Value::from(rng.pick(ODD_NAMES).to_string()), value);
                "rename key"
            }
            Value::Sequence(items) => {
                items.push(Value::from(rng.pick(ODD_NAMES).to_string()));
                "add odd item"
            }
            _ => {
                *node = Value::String(rng.pick(ODD_NAMES).to_string());
                "odd name"
            }
        },
        4 => {
            let mut map = Mapping::new();
            map.insert(Value::from("$ref"), Value::from(reference));
            *node = Value::Mapping(map);
            "inject $ref"
        }
        _ => match node {
            // A sibling's subtree copied under another (odd) key.
            Value::Mapping(map) if !map.is_empty() => {
                let value = map
                    .values()
                    .nth(rng.below(map.len()))
                    .cloned()
                    .expect("in range");
                map.insert(Value::from(rng.pick(ODD_NAMES).to_string()), value);
                "duplicate"
            }
            Value::Sequence(items) if !items.is_empty() => {
                let item = items[rng.below(items.len())].clone();
                items.push(item);
                "duplicate"
            }
            _ => {
                *node = Value::String(format!("{}{}", rng.pick(ODD_NAMES), rng.pick(ODD_NAMES)));
                "odd names"
            }
        },
    }
}

/// The `$ref`s anywhere under `value`.
fn refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Mapping(map) => {
            for (k, v) in map {
                if k.as_str() == Some("$ref") {
                    out.extend(v.as_str().map(str::to_owned));
                }
                refs(v, out);
            }
        }
        Value::Sequence(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

/// Damage below what a YAML value can say, to one line of the text: a
/// duplicate key (a line repeated), a line gone, or a line indented further.
fn damage_a_line(rng: &mut Rng, text: &mut String) -> &'static str {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        return "damage nothing";
    }
    let at = rng.below(lines.len());
    let what = match rng.below(3) {
        0 => {
            lines.insert(at, lines[at].clone());
            "repeat a line"
        }
        1 => {
            lines.remove(at);
            "delete a line"
        }
        _ => {
            lines[at].insert_str(0, "  ");
            "indent a line"
        }
    };
    *text = lines.join("\n") + "\n";
    what
}

/// A smaller spec: `keep` random paths and the components they reach.
fn slice(rng: &mut Rng, spec: &Value, keep: usize) -> Value {
    let mut out = spec.clone();
    let Some(paths) = spec.get("paths").and_then(Value::as_mapping) else {
        return out;
    };
    let mut kept = Mapping::new();
    for _ in 0..keep {
        let (k, v) = paths.iter().nth(rng.below(paths.len())).expect("in range");
        kept.insert(k.clone(), v.clone());
    }
    let mut wanted = Vec::new();
    refs(&Value::Mapping(kept.clone()), &mut wanted);
    let mut components = Mapping::new();
    while let Some(reference) = wanted.pop() {
        let mut parts = reference.trim_start_matches("#/components/").splitn(2, '/');
        let (Some(kind), Some(name)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some(found) = spec
            .get("components")
            .and_then(|c| c.get(kind))
            .and_then(|k| k.get(name))
        else {
            continue;
        };
        let section = components
            .entry(Value::from(kind))
            .or_insert_with(|| Value::Mapping(Mapping::new()));
        if let Value::Mapping(section) = section
            && section.insert(Value::from(name), found.clone()).is_none()
        {
            refs(found, &mut wanted);
        }
    }
    out["paths"] = Value::Mapping(kept);
    out["components"] = Value::Mapping(components);
    out
}

thread_local! {
    static CAPTURING: Cell<bool> = const { Cell::new(false) };
    static CAPTURED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Panics inside the generator are recorded rather than printed; any other
/// panic (a failing assertion) is printed as usual.
fn install_panic_capture() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if CAPTURING.with(Cell::get) {
                CAPTURED.with(|c| *c.borrow_mut() = Some(info.to_string()));
            } else {
                default(info);
            }
        }));
    });
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs the budget of mutations on `spec`; panics listing any crash.
fn fuzz(name: &str, spec_path: &Path, slice_paths: Option<usize>, iterations: u64) {
    install_panic_capture();
    let iterations = env_number("MUTATION_ITERATIONS", iterations);
    let seed = env_number("MUTATION_SEED", DEFAULT_SEED);
    let text = fs::read_to_string(spec_path).unwrap();
    let original: Value = serde_yaml::from_str(&text).unwrap();
    let crash_dir = workspace_tests::root().join("target/mutation-crashes");
    let started = Instant::now();
    let (mut generated, mut errors) = (0, 0);
    let mut crashes = Vec::new();
    for i in 0..iterations {
        let mut rng = Rng(seed ^ i.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ name.len() as u64);
        let mut spec = match slice_paths {
            Some(keep) => slice(&mut rng, &original, keep),
            None => original.clone(),
        };
        let mut applied = Vec::new();
        for _ in 0..1 + rng.below(3) {
            applied.push(mutate(&mut rng, &mut spec));
        }
        let mut text = if rng.chance(50) {
            serde_yaml::to_string(&spec).unwrap()
        } else {
            serde_json::to_string_pretty(&spec).unwrap_or_default()
        };
        if rng.chance(25) {
            applied.push(damage_a_line(&mut rng, &mut text));
        }
        if rng.chance(10) {
            let cut = rng.below(text.chars().count());
            text = text.chars().take(cut).collect();
            applied.push("truncate text");
        }

        CAPTURING.with(|c| c.set(true));
        let result = catch_unwind(AssertUnwindSafe(|| {
            codegen::generate_from_str(
                Path::new("mutated.yaml"),
                &text,
                &codegen::Options::default(),
            )
        }));
        CAPTURING.with(|c| c.set(false));
        match result {
            Ok(Ok(crate_files)) => {
                generated += 1;
                // MUTATION_KEEP=DIR keeps each generated crate, to build them all.
                if let Some(keep) = std::env::var_os("MUTATION_KEEP") {
                    let dir = Path::new(&keep).join(format!("{name}-{i}"));
                    let mut files = crate_files;
                    files.files.insert(
                        "Cargo.toml".into(),
                        files.files["Cargo.toml"].replacen(
                            &format!("name = \"{}\"", files.api.crate_name),
                            &format!("name = \"{name}-{i}\""),
                            1,
                        ),
                    );
                    codegen::write(&files, &dir).unwrap();
                }
            }
            Ok(Err(err @ (codegen::Error::InvalidRust { .. } | codegen::Error::Render { .. }))) => {
                // The spec was accepted but the code rendered from it is not
                // Rust: a generator bug, like a panic.
                fs::create_dir_all(&crash_dir).unwrap();
                let file: PathBuf = crash_dir.join(format!("{name}-{seed}-{i}.yaml"));
                fs::write(&file, &text).unwrap();
                crashes.push(format!(
                    "iteration {i} ({}): {err}\n  spec: {}",
                    applied.join(", "),
                    file.display()
                ));
            }
            Ok(Err(err)) => {
                errors += 1;
                let message = err.to_string();
                assert!(!message.contains('\n'), "one paragraph: {message}");
                if std::env::var_os("MUTATION_VERBOSE").is_some() {
                    println!("{i} ({}): {message}", applied.join(", "));
                }
            }
            Err(_) => {
                let message = CAPTURED.with(|c| c.borrow_mut().take()).unwrap_or_default();
                fs::create_dir_all(&crash_dir).unwrap();
                let file: PathBuf = crash_dir.join(format!("{name}-{seed}-{i}.yaml"));
                fs::write(&file, &text).unwrap();
                crashes.push(format!(
                    "iteration {i} ({}): {message}\n  spec: {}",
                    applied.join(", "),
                    file.display()
                ));
            }
        }
    }
    println!(
        "{name}: {iterations} mutated specs in {:.1?}: {generated} generated, {errors} clean errors, {} failures (seed {seed})",
        started.elapsed(),
        crashes.len()
    );
    assert!(
        crashes.is_empty(),
        "the generator panicked or rendered invalid Rust on {} mutated spec(s) of {name}:\n{}",
        crashes.len(),
        crashes.join("\n")
    );
}

#[test]
fn mutations_of_our_spec_never_panic() {
    fuzz(
        "ours",
        &workspace_tests::our_spec(),
        None,
        DEFAULT_ITERATIONS,
    );
}

#[test]
fn mutations_of_twilios_spec_never_panic() {
    if let Some(spec) = workspace_tests::twilio_spec() {
        fuzz("twilio", &spec, Some(3), DEFAULT_ITERATIONS);
    }
}

/// The whole spec, large enough to be parsed in pieces on two threads.
#[test]
fn mutations_of_twilios_whole_spec_never_panic() {
    if let Some(spec) = workspace_tests::twilio_spec() {
        fuzz("twilio-whole", &spec, None, 40);
    }
}
