//! The reader against serde_yaml: whatever it reads, it reads as serde_yaml
//! does; the constructs specs use, it reads; the rest, it declines.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_yaml::Value;

use super::parse;
use crate::load::json_like;
use crate::load::node::NodeDe;

/// serde_yaml's reading of `text`, if it has one.
fn oracle(text: &str) -> Option<Value> {
    serde_yaml::from_str(text).ok()
}

/// Whether the reader read `text`; it panics if what it read differs from
/// serde_yaml's reading, or if it read a text serde_yaml refuses.
fn agrees(text: &str, what: &str) -> bool {
    match parse(text) {
        Some(node) => {
            // What a deserializer sees of the tree, against what it sees of
            // serde_yaml's value once normalized.
            let through_node = serde_json::Value::deserialize(NodeDe(&node)).ok();
            let value = node.into_value();
            assert_eq!(Some(&value), oracle(text).as_ref(), "{what}:\n{text}");
            let through_value = serde_json::Value::deserialize(&json_like(value)).ok();
            assert_eq!(through_node, through_value, "{what}, deserialized:\n{text}");
            true
        }
        None => false,
    }
}

#[track_caller]
fn reads(text: &str) {
    assert!(oracle(text).is_some(), "serde_yaml refuses:\n{text}");
    assert!(agrees(text, "case"), "declined:\n{text}");
}

#[test]
fn plain_scalars_fold_and_resolve_as_serde_yaml_does() {
    reads(
        "a: one\nb: two words   \nc: trailing # comment\nd: a#b\ne: x: y\n"
            .replace("e: x: y\n", "e: 'x: y'\n")
            .as_str(),
    );
    reads("a: first line\n  second line\n\n  after an empty line\n\n\n  two empty\nb: 1\n");
    reads(
        "a:\n  b: folded over\n     lines indented further\n  c: not - a list\n    - still text\n",
    );
    reads("a: text [brackets] and {braces}, inside\nb: it's\nc: -1x\nd: /v1/Things/{Sid}\n");
    for scalar in [
        "0",
        "7",
        "007",
        "-3",
        "+4",
        "0x1F",
        "0o17",
        "1.5",
        "-0.5",
        "1e3",
        ".5",
        ".inf",
        "-.inf",
        ".nan",
        "~",
        "null",
        "Null",
        "NULL",
        "nULL",
        "true",
        "True",
        "TRUE",
        "tRUE",
        "false",
        "False",
        "FALSE",
        "yes",
        "no",
        "on",
        "y",
        "inf",
        "nan",
        "Infinity",
        "12345678901234567890123",
        "1_000",
        "3.0.3",
        "2024-01-01",
        "12:30",
        "1:2:3",
        "+",
        "-",
        "a:b",
        "..x",
        "--x",
        "e5",
        "0.",
        "text",
    ] {
        let mut text = format!("value: {scalar}\n{scalar}: key\nlist:\n- {scalar}\n");
        // A `:` in a flow scalar is declined.
        if !scalar.contains(':') {
            text.push_str(&format!("flow: [{scalar}]\n"));
        }
        // What serde_yaml refuses (a lone `-`, a number too large for a
        // key) must be declined; the rest read.
        if oracle(&text).is_some() {
            reads(&text);
        } else {
            assert_eq!(parse(&text), None, "{scalar}");
        }
    }
}

#[test]
fn quoted_scalars_escape_and_fold_as_serde_yaml_does() {
    reads("a: 'it''s'\nb: \"say \\\"hi\\\"\"\nc: ''\nd: \"\"\ne: '  spaced  '\n");
    reads("a: 'one\n  two\n\n  three   \n     four'\nb: x\n");
    reads(
        "a: \"tab\\tnew\\nline \\u201Cq\\u201D \\x41 \\U0001F600 \\/ \\\\ \\0 \\e \\N \\_ \\L \\P\"\n",
    );
    reads(
        "a: \"joined\\\n  \\ with a space, \\\n\n  and a break\"\nb: \"trailing  \n  spaces go\"\n",
    );
    reads("a: \"ends with an escaped space\\ \n  next\"\n");
    reads("'quoted key': 1\n\"200\": 2\n'#/ref': {$ref: '#/x'}\n");
    reads("a: 'x'   # comment\nb: \"y\" # comment\n");
}

#[test]
fn block_scalars_keep_or_fold_lines_as_serde_yaml_does() {
    reads("a: |\n  one\n   indented\n\n  three\n\n\nb: x\n");
    reads(
        "a: |-\n  no final break\nb: >\n  folded\n  lines\n\n  paragraph\nc: >-\n  stripped\n  fold\n",
    );
    reads("a: |\n\n  leading empty line\nb: >\n\n\n  two leading\n");
    reads("a: |\n  # not a comment\n  text  \n# a comment ends it\nb: |  # header comment\n  x\n");
    reads(
        "list:\n- |\n  in a list\n- >-\n  folded\n  in a list\n- key: |\n    in a compact mapping\n",
    );
}

#[test]
fn collections_nest_as_serde_yaml_reads_them() {
    reads("a:\n  b:\n    c: 1\n  d: 2\ne: 3\n");
    reads("a:\n- 1\n- 2\nb:\n  - x\n  -\n  - y\n");
    reads(
        "a:\n- k: 1\n  l: 2\n- k: 3\n-\n  k: 4\n- - no\n"
            .replace("- - no\n", "")
            .as_str(),
    );
    reads("a:\n  - k:\n    - 1\n    - 2\n    m: x\n  - n:\n      o: p\nb: ~\nc:\n");
    reads(
        "# leading comment\n\na: 1 # trailing\n  # indented comment\n\nb:\n  # before a child\n  c: 2\n",
    );
    reads("a: {}\nb: []\nc: { type: string, x: [1, 'two', \"three\"] }\nd: [{ u: v }, [], {}]\n");
    reads("a: {$ref: '#/components/schemas/X'}\nb: [a b, c d ]\n");
    reads("200: ok\n1.5: f\ntrue: b\n~: n\n");
}

#[test]
fn anchored_values_are_repeated_where_aliased() {
    reads("a: &one 1\nb: *one\nc: &map\n  k: v\n  l: [1]\nd: *map # again\n");
    reads("a: &seq\n- x\n- y\nb:\n- *seq\n- &s 'q'\n- *s\nc: &t |\n  text\nd: *t\n");
}

#[test]
fn what_it_does_not_follow_is_declined() {
    for text in [
        // Outside the subset.
        "a: &x 1\nb: &x 2\n",
        "a: *nowhere\n",
        "a: &x *y\n",
        "a: &x\n  - 1\n- &y k: v\n",
        "a: {b: &x 1}\n",
        "&x a: 1\n",
        "a: !!str 1\n",
        "? complex\n: key\n",
        "a: [1,\n  2]\n",
        "a: {b: 1, c: {d: 2}\n",
        "a: |+\n  keep\n\n",
        "a: |2\n   explicit\n",
        "a: >\n  folded\n    more indented\n",
        "a:\n  plain scalar below its key\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n",
        "a:\t1\n",
        "a: 1\r\nb: 2\r\n",
        "\u{feff}a: 1\n",
        "- a\n- b\n",
        "{a: 1}\n",
        "a: {\"b\":1}\n",
        "a: [1, ]\n",
        "a: \"\\q\"\n",
        "a: \"\\uD800\"\n",
        // Errors.
        "a: b: c\n",
        "a: 1\n  b: 2\n",
        "a: 1\na: 2\n",
        "a: {b: 1, b: 2}\n",
        "a: 'never closed\n",
        "a: \"one\nb: two\"\n",
        "a:\n  - 1\n  b: 2\n",
        "a: - b\n",
        "a: x\n  # comment\n  y\n",
        "a: @b\n",
        "a: 'x' y\n",
        "",
        "# only a comment\n",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
    }
}

/// Every spec in the repository, and Twilio's from `../shared` (which CI
/// must have), read as serde_yaml reads them; ours and Twilio's must be read
/// at all, or the reader buys nothing.
#[test]
fn every_spec_reads_as_serde_yaml_reads_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![root.join("spec/conversations_v1.yaml")];
    collect(&root.join("tests/fixtures"), &mut files);
    let twilio = twilio_path();
    if twilio.exists() {
        files.push(twilio.clone());
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing",
            twilio.display()
        );
        eprintln!("skipped: {} not found", twilio.display());
    }
    assert!(files.len() > 40, "only {} specs found", files.len());
    let mut read = 0;
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue; // a fixture that is not UTF-8 on purpose
        };
        let was_read = agrees(&text, &file.display().to_string());
        read += usize::from(was_read);
        if file.ends_with("spec/conversations_v1.yaml") || *file == twilio {
            assert!(was_read, "{} was declined", file.display());
        }
    }
    // Most fixtures are ordinary specs; each one declined costs speed.
    assert!(read * 2 > files.len(), "{read} of {} read", files.len());
}

fn twilio_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs/twilio_conversations_v1.yaml")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// Our spec and Twilio's with seeded damage, by line (lines dropped,
/// doubled, re-indented, cut short, or YAML's odd lines put in) and by
/// character (YAML's indicators put anywhere). Whatever the damage, what the
/// reader reads equals serde_yaml's reading.
#[test]
fn damaged_specs_read_as_serde_yaml_reads_them() {
    let ours = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/conversations_v1.yaml"),
    )
    .unwrap();
    let mut texts = vec![(ours, 240)];
    if let Ok(twilio) = std::fs::read_to_string(twilio_path()) {
        texts.push((twilio, 60));
    } else {
        assert!(std::env::var_os("CI").is_none(), "Twilio's spec is missing");
    }
    const ODD_LINES: &[&str] = &[
        "x-a: &anchor 1",
        "  - item",
        "- item",
        "  key: 'open",
        "  close'",
        "    \"esc\\",
        "  | ",
        "  >-",
        "      more indented",
        "",
        "  # comment",
        "x-b: [1, {c: d}]",
        "  ? key",
        "  : value",
        "  '200': ok",
    ];
    const ODD_CHARS: &[&str] = &[
        ":", ": ", " #", "#", "-", "- ", "'", "\"", "\\", "|", ">", "{", "}", "[", "]", ",", "&",
        "*", "!", "?", "%", "@", "`", "~", " ", "\n", "\n  ", "  ", "0", "\u{e9}", "''", "\\n",
    ];
    let mut seed: u64 = 0x0b10_c4a7_1e55;
    let mut next = move |below: usize| {
        // SplitMix64.
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % below as u64) as usize
    };
    for (text, rounds) in texts {
        let mut read = 0;
        let mut valid = 0;
        for round in 0..rounds {
            let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
            for _ in 0..1 + next(3) {
                let at = next(lines.len());
                match next(6) {
                    0 => {
                        lines.remove(at);
                    }
                    1 => lines.insert(at, lines[at].clone()),
                    2 => lines.insert(at, ODD_LINES[next(ODD_LINES.len())].to_owned()),
                    3 => lines[at] = format!(" {}", lines[at]),
                    4 => {
                        let line = &lines[at];
                        let cut = line.char_indices().nth(next(line.chars().count() + 1));
                        lines[at] = line[..cut.map_or(line.len(), |(i, _)| i)].to_owned();
                    }
                    _ => {
                        let line = &lines[at];
                        let cut = line
                            .char_indices()
                            .nth(next(line.chars().count() + 1))
                            .map_or(line.len(), |(i, _)| i);
                        let odd = ODD_CHARS[next(ODD_CHARS.len())];
                        lines[at] = format!("{}{odd}{}", &line[..cut], &line[cut..]);
                    }
                }
            }
            let damaged = lines.join("\n") + "\n";
            read += usize::from(agrees(&damaged, &format!("round {round}")));
            valid += usize::from(oracle(&damaged).is_some());
        }
        eprintln!("{read} of {valid} valid damaged texts read ({rounds} rounds)");
        assert!(
            read * 2 > valid,
            "only {read} of {valid} valid damaged texts were read"
        );
    }
}

/// Random documents in the shape of specs, with scalars of every style
/// made of YAML's awkward pieces and broken over lines at random
/// indentation: many are valid YAML, many are not. Whatever the reader
/// reads must equal serde_yaml's reading, and it must read most of what
/// serde_yaml reads.
#[test]
fn random_documents_read_as_serde_yaml_reads_them() {
    let mut noise = Noise(0x5ca1_ab1e_d0c5);
    let (mut valid, mut read) = (0, 0);
    for round in 0..20_000 {
        let mut text = String::new();
        noise.mapping(&mut text, 0, 0, false);
        read += usize::from(agrees(&text, &format!("document {round}")));
        valid += usize::from(oracle(&text).is_some());
    }
    eprintln!("{read} of {valid} valid documents read");
    assert!(valid > 5000, "only {valid} valid documents");
    assert!(
        read * 2 > valid,
        "only {read} of {valid} valid documents read"
    );
}

/// SplitMix64, and what it writes.
struct Noise(u64);

const KEYS: &[&str] = &[
    "a",
    "type",
    "$ref",
    "x-b",
    "200",
    "1.5",
    "true",
    "~",
    "a b",
    "'q'",
    "\"d\"",
    "'2''0'",
    "\"\\u0041\"",
    "é",
    "a#b",
    "-c",
    "k:v",
    "null",
];

const PIECES: &[&str] = &[
    "a", "b c", " ", "  ", "#", " #x", ":", ": ", "'", "''", "\"", "\\", "\\n", "\\ ", "\\u201C",
    "\\x4", "-", "- ", "é", "\u{201c}", "{", "}", "[", "]", ",", "1", "0x1F", "~", "true", "null",
    "1.5", "-2", "&x", "*x", "!", "|", ">", "%", "@", "? ",
];

impl Noise {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n as u64) as usize
    }

    fn pick(&mut self, from: &[&'static str]) -> &'static str {
        from[self.below(from.len())]
    }

    fn spaces(out: &mut String, n: usize) {
        out.extend(std::iter::repeat_n(' ', n));
    }

    /// Entries at `indent`; the first one's key continues the line when
    /// `inline` (a sequence entry's compact mapping).
    fn mapping(&mut self, out: &mut String, indent: usize, depth: usize, inline: bool) {
        for k in 0..1 + self.below(3) {
            if k > 0 || !inline {
                Self::spaces(out, indent);
            }
            out.push_str(self.pick(KEYS));
            out.push(':');
            self.value(out, indent, depth, true);
        }
    }

    fn value(&mut self, out: &mut String, indent: usize, depth: usize, in_mapping: bool) {
        let choices = if depth < 3 { 9 } else { 5 };
        match self.below(choices) {
            0 => {
                out.push(' ');
                self.text(out, indent);
            }
            1 => {
                out.push_str(" '");
                self.text(out, indent);
                out.push('\'');
            }
            2 => {
                out.push_str(" \"");
                self.text(out, indent);
                out.push('"');
            }
            3 => {
                out.push_str(self.pick(&[" |", " >", " |-", " >-", " |+", " >2"]));
                let inner = indent + 1 + self.below(3);
                for _ in 0..1 + self.below(3) {
                    out.push('\n');
                    if self.below(4) > 0 {
                        Self::spaces(out, inner + self.below(2));
                        out.push_str(self.pick(PIECES));
                        out.push_str(self.pick(PIECES));
                    }
                }
            }
            4 => {
                out.push(' ');
                self.flow(out, depth);
            }
            5 | 6 => {
                out.push('\n');
                let inner = indent + 1 + self.below(3);
                self.mapping(out, inner, depth + 1, false);
                return;
            }
            7 => {
                out.push('\n');
                let at = if in_mapping && self.below(2) == 0 {
                    indent
                } else {
                    indent + 2
                };
                self.sequence(out, at, depth + 1);
                return;
            }
            _ => {
                if self.below(2) == 0 {
                    out.push_str(" # note");
                }
            }
        }
        out.push('\n');
    }

    fn sequence(&mut self, out: &mut String, indent: usize, depth: usize) {
        for _ in 0..1 + self.below(3) {
            Self::spaces(out, indent);
            out.push('-');
            if self.below(3) == 0 {
                out.push(' ');
                self.mapping(out, indent + 2, depth + 1, true);
            } else {
                self.value(out, indent, depth + 1, false);
            }
        }
    }

    /// A scalar's text: pieces, sometimes broken over lines (or empty
    /// lines) at a random indentation around `indent`.
    fn text(&mut self, out: &mut String, indent: usize) {
        for _ in 0..1 + self.below(4) {
            out.push_str(self.pick(PIECES));
            match self.below(6) {
                0 => {
                    out.push('\n');
                    Self::spaces(out, (indent + self.below(4)).saturating_sub(1));
                }
                1 => {
                    out.push_str("\n\n");
                    Self::spaces(out, indent + 1 + self.below(2));
                }
                _ => {}
            }
        }
    }

    fn flow(&mut self, out: &mut String, depth: usize) {
        let map = self.below(2) == 0;
        out.push(if map { '{' } else { '[' });
        for i in 0..self.below(3) {
            if i > 0 {
                out.push_str(self.pick(&[", ", ",", " , "]));
            }
            if map {
                out.push_str(self.pick(KEYS));
                out.push_str(": ");
            }
            if depth < 4 && self.below(4) == 0 {
                self.flow(out, depth + 1);
            } else {
                out.push_str(self.pick(PIECES));
            }
        }
        out.push(if map { '}' } else { ']' });
    }
}
