//! Turning spec descriptions into rustdoc lines.

use std::borrow::Cow;

/// Splits a markdown description into doc lines that rustdoc renders cleanly.
///
/// Bare URLs are wrapped in angle brackets so they become links (rustdoc's
/// `bare_urls` lint), trailing spaces are trimmed, and lines indented by four
/// or more spaces are de-indented so rustdoc does not mistake them for code.
pub fn lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .trim()
        .lines()
        .map(|line| link_bare_urls(&without_controls(line.trim())))
        .collect();
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

/// Like [`lines`] for a longer markdown text with fenced code blocks: the
/// lines inside a fence keep their indentation and are never rewritten (a
/// URL in a string literal stays as written), so the blocks stay doc tests.
pub fn markdown(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in text.trim().lines() {
        let fence = line.trim_start().starts_with("```");
        if in_fence && !fence {
            out.push(without_controls(line.trim_end()).into_owned());
        } else {
            out.push(link_bare_urls(&without_controls(line.trim())));
        }
        if fence {
            in_fence = !in_fence;
        }
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

/// The first non-empty of several optional texts, as doc lines.
pub fn first(texts: &[Option<&str>]) -> Vec<String> {
    texts
        .iter()
        .flatten()
        .find(|t| !t.trim().is_empty())
        .map(|t| lines(t))
        .unwrap_or_default()
}

/// Items in a sentence: `a`, `a and b`, `a, b and c`.
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Control characters (a stray carriage return, say) are not allowed in
/// doc comments; each becomes a space.
fn without_controls(line: &str) -> Cow<'_, str> {
    if !line.contains(char::is_control) {
        return Cow::Borrowed(line);
    }
    line.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Bare URLs in angle brackets (see [`lines`]).
fn link_bare_urls(line: &str) -> String {
    if !line.contains("http") {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = find_url(rest) {
        let (before, from_url) = rest.split_at(start);
        out.push_str(before);
        let end = from_url
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '>' | '<' | '"' | '`'))
            .unwrap_or(from_url.len());
        let (url, after) = from_url.split_at(end);
        let url_trimmed = url.trim_end_matches(['.', ',', ';', ':']);
        let punct = &url[url_trimmed.len()..];
        // Already part of a markdown link `](url)` or `<url>`: leave as is.
        if before.ends_with("](") || before.ends_with('<') {
            out.push_str(url);
        } else {
            out.push('<');
            out.push_str(url_trimmed);
            out.push('>');
            out.push_str(punct);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

fn find_url(text: &str) -> Option<usize> {
    match (text.find("https://"), text.find("http://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_bare_urls_only() {
        assert_eq!(
            lines("See https://example.com/a. And [x](https://example.com/b)."),
            vec!["See <https://example.com/a>. And [x](https://example.com/b)."]
        );
    }

    #[test]
    fn code_blocks_keep_their_indentation_and_urls() {
        let text =
            "Intro https://a.example\n```rust\n    let u = \"https://b.example\";\n```\n  after";
        assert_eq!(
            markdown(text),
            vec![
                "Intro <https://a.example>",
                "```rust",
                "    let u = \"https://b.example\";",
                "```",
                "after",
            ]
        );
    }

    #[test]
    fn control_characters_become_spaces() {
        assert_eq!(lines("a\rb\u{0}c"), vec!["a b c"]);
    }

    #[test]
    fn trims_and_drops_trailing_blank_lines() {
        assert_eq!(lines("  one  \n    two\n\n"), vec!["one", "two"]);
    }

    #[test]
    fn lists_read_as_a_sentence() {
        let items = |n: usize| -> Vec<String> {
            ["a", "b", "c"][..n].iter().map(|s| s.to_string()).collect()
        };
        assert_eq!(list(&items(0)), "");
        assert_eq!(list(&items(1)), "a");
        assert_eq!(list(&items(2)), "a and b");
        assert_eq!(list(&items(3)), "a, b and c");
    }
}
