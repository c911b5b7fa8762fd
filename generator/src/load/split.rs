//! Parsing a large spec on two threads.
//!
//! A document is read front to back on one thread (by [`super::block_yaml`],
//! or by libyaml when that declines), and then turned into the OpenAPI
//! model; for a spec of Twilio's size the other core would be idle all that
//! time. Most of such a spec is its `paths` mapping, whose entries are
//! independent, so the text is cut into pieces that are each a YAML document
//! of their own:
//!
//! - the first part of `paths` (`paths:` and the entries before the cut),
//! - the rest of `paths` (`paths:` and the entries from the cut on),
//! - the text before `paths`, and the text after it.
//!
//! One thread parses the first piece while the calling thread parses the
//! others; the top-level keys and the paths are then joined in order.
//!
//! Every piece is a contiguous slice of the text, and cuts are made only at
//! lines that start a top-level key (column 0) or a path key (`/...` at the
//! indentation of the first path). In block YAML such a line ends every node
//! opened before it, except a quoted scalar or a flow collection (libyaml
//! lets a quoted scalar run on at column 0), and one of those left open makes
//! the piece it opened in fail to parse. So either every piece parses into
//! exactly what the whole text would give, or [`parse`] returns `None` and
//! the caller parses the whole text as usual (which is also what explains
//! errors). Texts with several documents, directives, a second `paths` key,
//! anchors used across pieces, or a key or a path in two pieces are all in
//! the second group.

use openapiv3::{OpenAPI, Paths};
use serde::Deserialize;

use super::node::{Node, NodeDe, no_duplicate_keys};

/// Below this size a second thread costs more than it saves.
const MIN_LEN: usize = 64 * 1024;

/// The spec, parsed on two threads; `None` when the text is small, not laid
/// out as [`Pieces`] expects, or any piece fails to parse.
pub(super) fn parse(text: &str) -> Option<OpenAPI> {
    if text.len() < MIN_LEN {
        return None;
    }
    parse_pieces(&Pieces::cut(text, text.len() / 2)?)
}

fn parse_pieces(pieces: &Pieces) -> Option<OpenAPI> {
    let (first, rest, second) = std::thread::scope(|scope| {
        // If no thread can be started, the caller parses the whole text.
        let first = std::thread::Builder::new()
            .spawn_scoped(scope, || paths_of(&pieces.first))
            .ok()?;
        let rest = rest_of(&pieces.head, &pieces.tail);
        let second = pieces.second.as_deref().map(paths_of);
        Some((first.join().ok().flatten(), rest, second))
    })?;
    let mut spec = rest?;
    let mut paths = first?;
    if let Some(second) = second {
        let second = second?;
        for (key, item) in second.paths {
            if paths.paths.insert(key, item).is_some() {
                return None;
            }
        }
        for (key, value) in second.extensions {
            if paths.extensions.insert(key, value).is_some() {
                return None;
            }
        }
    }
    spec.paths = paths;
    Some(spec)
}

/// A piece as a tree: read by [`super::block_yaml`], or by serde_yaml when
/// that declines (duplicate keys are an error either way).
fn node_of(piece: &str) -> Option<Node<'_>> {
    super::block_yaml::parse(piece)
        .or_else(|| serde_yaml::from_str(piece).ok().map(Node::from_value))
}

/// Everything but the paths: the text before `paths` and the text after it,
/// joined, with an empty `paths` between them.
fn rest_of(head: &str, tail: &str) -> Option<OpenAPI> {
    let entries = |piece| match node_of(piece)? {
        Node::Map(entries) => Some(entries),
        Node::Null => Some(Vec::new()),
        _ => None,
    };
    let mut rest = entries(head)?;
    let paths = (Node::Str("paths".into()), Node::Map(Vec::new()));
    rest.extend(std::iter::once(paths).chain(entries(tail)?));
    if !no_duplicate_keys(&rest) {
        return None;
    }
    super::node::openapi(&Node::Map(rest))
}

fn paths_of(piece: &str) -> Option<Paths> {
    #[derive(Deserialize)]
    struct PathsOnly {
        paths: Paths,
    }
    PathsOnly::deserialize(NodeDe(&node_of(piece)?))
        .ok()
        .map(|p| p.paths)
}

/// The spec text cut into documents that parse independently.
#[derive(Debug, PartialEq)]
struct Pieces {
    /// `paths:` and the entries before the cut (all of them if there is no cut).
    first: String,
    /// `paths:` and the entries from the cut on, if `paths` was cut.
    second: Option<String>,
    /// The text before the `paths:` line.
    head: String,
    /// The text after the `paths` section.
    tail: String,
}

impl Pieces {
    /// Cuts `text` so that the first piece ends near byte `target`: `paths`
    /// is cut at the path key nearest to it, or not at all when the whole
    /// section is shorter than `target`.
    fn cut(text: &str, target: usize) -> Option<Pieces> {
        let mut lines = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            lines.push((offset, line.trim_end()));
            offset += line.len();
        }
        let many_documents = lines.iter().enumerate().any(|(i, (_, line))| {
            line.starts_with('%') || line.starts_with("...") || (i > 0 && line.starts_with("---"))
        });
        if many_documents {
            return None;
        }
        let top_level = |line: &str| !line.is_empty() && !line.starts_with([' ', '#']);
        let mut paths_keys = lines
            .iter()
            .enumerate()
            .filter(|(_, (_, l))| *l == "paths:");
        let (paths_index, &(paths_start, _)) = paths_keys.next()?;
        if paths_keys.next().is_some() {
            return None;
        }
        let body_index = paths_index + 1;
        let body_start = lines.get(body_index).map_or(text.len(), |(o, _)| *o);
        let end_index = lines[body_index..]
            .iter()
            .position(|(_, line)| top_level(line))
            .map_or(lines.len(), |i| body_index + i);
        let end = lines.get(end_index).map_or(text.len(), |(o, _)| *o);

        // The indentation of the path keys, from the first entry.
        let (_, first_key) = lines[body_index..end_index]
            .iter()
            .find(|(_, l)| !l.trim_start().is_empty() && !l.trim_start().starts_with('#'))?;
        let indent = first_key.len() - first_key.trim_start().len();
        if indent == 0 || !first_key.trim_start().starts_with('/') {
            return None;
        }
        let is_key = |line: &str| {
            line.len() > indent
                && line.bytes().take(indent).all(|b| b == b' ')
                && line.as_bytes()[indent] == b'/'
        };

        let cut = if end - body_start <= target {
            None
        } else {
            // The path key nearest the target, never the first one.
            lines[body_index..end_index]
                .iter()
                .filter(|(_, line)| is_key(line))
                .skip(1)
                .map(|(o, _)| *o)
                .min_by_key(|o| o.abs_diff(body_start + target))
        };
        let piece = |from: usize, to: usize| format!("paths:\n{}", &text[from..to]);
        Some(Pieces {
            first: piece(body_start, cut.unwrap_or(end)),
            second: cut.map(|cut| piece(cut, end)),
            head: text[..paths_start].to_owned(),
            tail: text[end..].to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the careful route, one thread and the whole text, makes of `text`.
    fn whole(text: &str) -> OpenAPI {
        super::super::careful_parse(std::path::Path::new("test.yaml"), text)
            .expect("the test document parses")
    }

    const DOC: &str = "\
openapi: 3.0.3
info: {title: T, version: 1.0.0}
paths:
  /a:
    get:
      description: |
        first
      responses: {'204': {description: none}}
  # a comment between paths
  /b:
    get:
      responses: {'204': {description: none}}
  /c:
    get:
      responses: {'204': {description: none}}
components:
  schemas: {S: {type: string}}
";

    #[test]
    fn pieces_are_documents_of_their_own() {
        let pieces = Pieces::cut(DOC, 60).unwrap();
        assert_eq!(
            pieces.first,
            "paths:\n  /a:\n    get:\n      description: |\n        first\n      responses: {'204': {description: none}}\n  # a comment between paths\n"
        );
        assert!(
            pieces
                .second
                .as_deref()
                .unwrap()
                .starts_with("paths:\n  /b:\n")
        );
        assert_eq!(
            pieces.head,
            "openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\n"
        );
        assert_eq!(pieces.tail, "components:\n  schemas: {S: {type: string}}\n");
    }

    #[test]
    fn every_cut_gives_what_the_whole_text_gives() {
        for target in [0, 40, 150, 250, DOC.len()] {
            let pieces = Pieces::cut(DOC, target).unwrap();
            assert_eq!(parse_pieces(&pieces), Some(whole(DOC)), "target {target}");
        }
    }

    #[test]
    fn texts_it_does_not_cut() {
        let cases = [
            // Several documents, or a directive.
            format!("{DOC}---\nopenapi: 3.0.3\n"),
            format!("%YAML 1.2\n---\n{DOC}"),
            // `paths` twice, or not at all as a plain block key.
            format!("{DOC}paths:\n  /d: {{}}\n"),
            DOC.replace("paths:\n", "paths: # all of them\n"),
            "{\"openapi\": \"3.0.3\", \"paths\": {}}".to_owned(),
            // The first entry is not a path.
            DOC.replace("  /a:\n", "  x-note: 1\n  /a:\n"),
        ];
        for text in cases {
            assert_eq!(Pieces::cut(&text, 60), None, "{text}");
        }
    }

    #[test]
    fn pieces_that_do_not_parse_alone_give_none() {
        // An anchor outside `paths` used inside it.
        let anchored = DOC
            .replace(
                "paths:\n",
                "x-shared: &none {'204': {description: none}}\npaths:\n",
            )
            .replace(
                "responses: {'204': {description: none}}\n  /c:",
                "responses: *none\n  /c:",
            );
        whole(&anchored);
        assert_eq!(parse_pieces(&Pieces::cut(&anchored, 60).unwrap()), None);

        // A quoted scalar running over a line that looks like a path key.
        let quoted = DOC.replace(
            "      description: |\n        first\n",
            "      description: \"one\n  /z: two\"\n",
        );
        whole(&quoted);
        for target in [0, 40, 60, 100] {
            if let Some(pieces) = Pieces::cut(&quoted, target) {
                let parsed = parse_pieces(&pieces);
                assert!(
                    parsed.is_none() || parsed == Some(whole(&quoted)),
                    "target {target}"
                );
            }
        }

        // A quoted scalar before `paths` that runs on over a `paths:` line
        // (libyaml allows that at column 0): that `paths:` is text, and the
        // real `paths` is the empty one at the end.
        let quoted_paths = "\
openapi: 3.0.3
info:
  title: T
  version: 1.0.0
  description: \"about
paths:
  /hidden: {}
x-after: still text\"
paths: {}
";
        let careful = super::super::careful_parse(std::path::Path::new("q.yaml"), quoted_paths);
        assert_eq!(
            careful.as_ref().map(|spec| spec.paths.paths.len()).ok(),
            Some(0)
        );
        assert_eq!(
            Pieces::cut(quoted_paths, 10).and_then(|p| parse_pieces(&p)),
            None
        );
        let one_paths_line = quoted_paths.replace("paths: {}\n", "paths: {} # the real one\n");
        if let Some(pieces) = Pieces::cut(&one_paths_line, 10) {
            let parsed = parse_pieces(&pieces);
            let careful =
                super::super::careful_parse(std::path::Path::new("q.yaml"), &one_paths_line);
            assert!(parsed.is_none() || parsed == careful.ok(), "{parsed:?}");
        }

        // The same path in both halves: the whole text keeps one of them,
        // so the halves must not be joined.
        let twice = DOC.replace("  /c:", "  /a:");
        assert_eq!(parse_pieces(&Pieces::cut(&twice, 150).unwrap()), None);
    }

    /// Twilio's spec from `../shared/specs/`: under CI it must be there;
    /// elsewhere a test without it is skipped, saying so.
    fn twilio_text() -> Option<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/specs/twilio_conversations_v1.yaml");
        let Ok(text) = std::fs::read_to_string(&path) else {
            assert!(
                std::env::var_os("CI").is_none(),
                "{} is missing",
                path.display()
            );
            eprintln!("skipped: {} not found", path.display());
            return None;
        };
        Some(text)
    }

    #[test]
    fn twilio_spec_cut_anywhere_parses_the_same() {
        let Some(text) = twilio_text() else {
            return;
        };
        let expected = whole(&text);
        assert_eq!(parse(&text), Some(expected.clone()));
        for target in [1, text.len() / 3, text.len() * 2 / 3, text.len()] {
            let pieces = Pieces::cut(&text, target).expect("Twilio's spec is cut");
            assert_eq!(
                parse_pieces(&pieces).as_ref(),
                Some(&expected),
                "target {target}"
            );
        }
    }

    /// Differential test: Twilio's spec with seeded line-level damage aimed at
    /// the cutter (stray `paths:` and path keys, open quotes, anchors,
    /// document markers, duplicated, re-indented and truncated lines).
    /// Whatever the text, a parse on two threads is either declined or equal
    /// to the careful whole-text parse, never succeeds where that fails, and
    /// nothing panics.
    #[test]
    fn damaged_specs_parse_the_same_or_not_at_all() {
        let Some(text) = twilio_text() else {
            return;
        };
        const ODD_LINES: &[&str] = &[
            "paths:",
            "  /v1/Conversations:",
            "  /v1/New: {}",
            "  /v1/Open: \"never closed",
            "x-open: \"runs on over lines",
            "  x-closing: quote\"",
            "  /v1/Flow: [1,",
            "x-anchor: &shared {description: shared}",
            "  /v1/Alias: *shared",
            "---",
            "...",
            "%YAML 1.2",
            "- stray item",
            "# a comment",
            "  # an indented comment",
            "components:",
            "",
        ];
        let mut seed: u64 = 0x5eed_5917_c0de;
        let mut next = move |below: usize| {
            // SplitMix64.
            seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = seed;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            ((z ^ (z >> 31)) % below as u64) as usize
        };
        const ROUNDS: usize = 150;
        let mut declined = 0;
        for round in 0..ROUNDS {
            let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
            for _ in 0..1 + next(3) {
                let at = next(lines.len());
                match next(5) {
                    0 => {
                        lines.remove(at);
                    }
                    1 => lines.insert(at, lines[at].clone()),
                    2 => lines.insert(at, ODD_LINES[next(ODD_LINES.len())].to_owned()),
                    3 => lines[at] = format!("  {}", lines[at]),
                    _ => {
                        let line = &lines[at];
                        let cut = line.char_indices().nth(next(line.chars().count() + 1));
                        lines[at] = line[..cut.map_or(line.len(), |(i, _)| i)].to_owned();
                    }
                }
            }
            let damaged = lines.join("\n") + "\n";
            let careful =
                super::super::careful_parse(std::path::Path::new("damaged.yaml"), &damaged);
            match parse(&damaged) {
                Some(split) => assert_eq!(Some(split), careful.ok(), "round {round}"),
                None => declined += 1,
            }
        }
        // Most damage breaks the document, and then the pieces are declined;
        // enough must still parse for the comparison to mean something.
        assert!(
            ROUNDS - declined >= 10,
            "only {} of {ROUNDS} damaged specs were compared",
            ROUNDS - declined
        );
    }
}
