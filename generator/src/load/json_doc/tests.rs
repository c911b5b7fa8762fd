//! The JSON reader against serde_yaml: what it reads equals serde_yaml's
//! reading; JSON specs are read; what could differ is declined.

use std::path::Path;

use serde_yaml::Value;

use super::parse;

fn oracle(text: &str) -> Option<Value> {
    serde_yaml::from_str(text).ok()
}

/// Whether the reader read `text`; panics if what it read is not what
/// serde_yaml reads.
fn agrees(text: &str, what: &str) -> bool {
    match parse(text) {
        Some(node) => {
            assert_eq!(Some(node.into_value()), oracle(text), "{what}:\n{text}");
            true
        }
        None => false,
    }
}

fn spec_as_json(path: &Path, pretty: bool) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let value = super::super::json_like(serde_yaml::from_str(&text).unwrap());
    let json: serde_json::Value = serde_json::to_value(value).unwrap();
    Some(if pretty {
        serde_json::to_string_pretty(&json).unwrap()
    } else {
        serde_json::to_string(&json).unwrap()
    })
}

/// Our spec and Twilio's, as JSON (pretty and compact), read as serde_yaml
/// reads them, and their models equal those of the YAML files.
#[test]
fn specs_as_json_read_as_serde_yaml_reads_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let twilio = root.join("../shared/specs/twilio_conversations_v1.yaml");
    if !twilio.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing",
            twilio.display()
        );
    }
    for path in [root.join("spec/conversations_v1.yaml"), twilio] {
        for pretty in [true, false] {
            let Some(json) = spec_as_json(&path, pretty) else {
                continue;
            };
            assert!(
                agrees(&json, &path.display().to_string()),
                "{} declined",
                path.display()
            );
            let yaml = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                crate::load::parse(&path, &json).unwrap(),
                crate::load::parse(&path, &yaml).unwrap(),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn what_could_read_differently_is_declined() {
    for text in [
        r#"{"a": -0}"#,
        r#"{"a": 18446744073709551616}"#,
        r#"{"a": -9223372036854775809}"#,
        r#"{"a": 1234567890123456789}"#,
        r#"{"a": "\ud83d\ude00"}"#,
        "{\"a\": \"x\u{7f}\"}",
        "{\"a\": \"x\u{2028}\"}",
        "{\"a\"\n: 1}",
        "{\"a\":\t1}",
        "{\"a\": 1}\r\n",
        r#"{"a": 1, "a": 2}"#,
        r#"{"a": [1, 2,]}"#,
        r#"{"a": 1e400}"#,
        r#"[1, 2]"#,
        "a: 1\n",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
    }
    let long_key = format!("{{\"{}\": 1}}", "k".repeat(1001));
    assert_eq!(parse(&long_key), None);
    let deep = format!("{{\"a\": {}1{}}}", "[".repeat(120), "]".repeat(120));
    assert_eq!(parse(&deep), None);
}

/// Random JSON objects: strings with escapes and unusual characters,
/// numbers of every shape, nesting, compact and spread-out layouts. What
/// the reader reads equals serde_yaml's reading, and it reads most of them.
#[test]
fn random_json_reads_as_serde_yaml_reads_it() {
    let mut noise = Noise(0x7a50_f00d);
    let (mut read, mut valid) = (0, 0);
    for round in 0..5000 {
        let mut text = String::new();
        noise.object(&mut text, 0);
        read += usize::from(agrees(&text, &format!("object {round}")));
        valid += usize::from(oracle(&text).is_some());
    }
    eprintln!("{read} of {valid} read");
    assert!(valid > 2000, "only {valid} texts serde_yaml reads");
    assert!(read * 2 > valid, "only {read} of {valid} read");
}

/// SplitMix64, and the JSON it writes.
struct Noise(u64);

const STRINGS: &[&str] = &[
    "a", "", "b c", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u0041", "\\u00e9", "\\u201c", "\\b",
    "\\f", "\\r", "\\u0000", "\u{e9}", "\u{201c}", "#", ": ", " #", "'", "- ", "[", "{", "~",
    "null", "true", "1", "-0", "---", "...", "%", "&a", "*a", "!t", "?", "|", ">", "@", "`",
];

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "42",
    "-0.0",
    "0.5",
    "1.0",
    "1e3",
    "1E3",
    "-2.5e-3",
    "1e-7",
    "0.1",
    "0.30000000000000004",
    "1.7976931348623157e308",
    "5e-324",
    "9007199254740993",
    "18446744073709551615",
    "-9223372036854775808",
    "123456789012345678",
    "2.2250738585072014e-308",
];

const SPACES: &[&str] = &["", " ", "\n", "\n  ", "  "];

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

    fn string(&mut self, out: &mut String) {
        out.push('"');
        for _ in 0..self.below(4) {
            out.push_str(self.pick(STRINGS));
        }
        out.push('"');
    }

    fn object(&mut self, out: &mut String, depth: usize) {
        out.push('{');
        for i in 0..self.below(4) {
            if i > 0 {
                out.push(',');
            }
            out.push_str(self.pick(SPACES));
            self.string(out);
            out.push_str(self.pick(&[":", ": ", " : "]));
            self.value(out, depth + 1);
        }
        out.push_str(self.pick(SPACES));
        out.push('}');
    }

    fn value(&mut self, out: &mut String, depth: usize) {
        match self.below(if depth < 4 { 7 } else { 4 }) {
            0 => self.string(out),
            1 => out.push_str(self.pick(NUMBERS)),
            2 => out.push_str(self.pick(&["true", "false", "null"])),
            3 => self.string(out),
            4 | 5 => self.object(out, depth),
            _ => {
                out.push('[');
                for i in 0..self.below(4) {
                    if i > 0 {
                        out.push_str(self.pick(&[",", ", ", ",\n "]));
                    }
                    self.value(out, depth + 1);
                }
                out.push(']');
            }
        }
    }
}
