//! Doc comments kept out of syn and prettyplease while a file is formatted.
//!
//! A fifth of the generated text is doc comments. syn turns each `///` line
//! into a `#[doc = "…"]` attribute (escaping the text into a string literal),
//! and prettyplease unescapes it again to print the same `///` line: much
//! work, and many allocations, for lines that come out as they went in.
//!
//! [`stash`] replaces each run of consecutive doc lines of one style with a
//! single placeholder doc line, `///` or `//!` followed by [`MARK`] and the
//! run's number, after a tab. The placeholder is printed where the run belongs, indented
//! as the item it documents, and [`restore`] puts the run's lines back at that
//! indentation, each as prettyplease would have printed it (trailing spaces
//! trimmed). A line that only looks like a doc comment (inside a multi-line
//! string or a block comment) leaves its placeholder in the string with its
//! tab, or drops it with the comment: either way the run is not restored,
//! `restore` answers `None`, and the caller formats the text as it was.

/// The first character of a placeholder: a private-use character, which
/// no template writes (`stash` declines text that holds one).
const MARK: char = '\u{E000}';

/// The doc lines taken out of a text, by run: each run's style (`///` or
/// `//!`) and the text after it on each of its lines.
#[derive(Debug, Default)]
pub(super) struct Stash {
    runs: Vec<(&'static str, Vec<String>)>,
}

/// `rendered` with each run of doc lines replaced by one placeholder line,
/// and the runs; `None` if there is nothing to stash or the text holds
/// [`MARK`] or a carriage return.
pub(super) fn stash(rendered: &str) -> Option<(String, Stash)> {
    if rendered.contains(MARK) || rendered.contains('\r') {
        return None;
    }
    let mut text = String::with_capacity(rendered.len());
    let mut stash = Stash::default();
    let mut open: Option<&'static str> = None;
    for line in rendered.split('\n') {
        let Some((style, rest)) = doc_line(line) else {
            open = None;
            text.push_str(line);
            text.push('\n');
            continue;
        };
        if open == Some(style) {
            if let Some((_, lines)) = stash.runs.last_mut() {
                lines.push(rest.trim_end_matches(' ').to_owned());
            }
            continue;
        }
        open = Some(style);
        // A tab, which prettyplease never indents with: a placeholder that
        // ends up inside a string literal keeps it, and is not restored.
        text.push('\t');
        text.push_str(style);
        text.push(MARK);
        text.push_str(&stash.runs.len().to_string());
        text.push('\n');
        stash
            .runs
            .push((style, vec![rest.trim_end_matches(' ').to_owned()]));
    }
    text.pop();
    (!stash.runs.is_empty()).then_some((text, stash))
}

/// `printed` with each placeholder line replaced by its run; `None` unless
/// every run is put back exactly once.
pub(super) fn restore(printed: &str, stash: &Stash) -> Option<String> {
    let mut out = String::with_capacity(printed.len() + printed.len() / 3);
    let mut restored = vec![false; stash.runs.len()];
    for line in printed.split_inclusive('\n') {
        let Some(index) = placeholder(line) else {
            out.push_str(line);
            continue;
        };
        let (style, lines) = stash.runs.get(index)?;
        if std::mem::replace(&mut restored[index], true) {
            return None;
        }
        let indent = &line[..line.len() - line.trim_start().len()];
        for rest in lines {
            out.push_str(indent);
            out.push_str(style);
            out.push_str(rest);
            out.push('\n');
        }
    }
    restored.iter().all(|&done| done).then_some(out)
}

/// A doc comment line's style and its text after the `///` or `//!`, as
/// the lexer reads it (`////` is an ordinary comment).
fn doc_line(line: &str) -> Option<(&'static str, &str)> {
    let trimmed = line.trim_start();
    if let Some(rest) = trimmed.strip_prefix("//!") {
        return Some(("//!", rest));
    }
    let rest = trimmed.strip_prefix("///")?;
    (!rest.starts_with('/')).then_some(("///", rest))
}

/// The run number of a placeholder line as prettyplease prints it.
fn placeholder(line: &str) -> Option<usize> {
    let trimmed = line.trim_start_matches(' ').trim_end_matches('\n');
    let rest = trimmed
        .strip_prefix("///")
        .or_else(|| trimmed.strip_prefix("//!"))?;
    rest.strip_prefix(MARK)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::{restore, stash};

    /// Formats as `rust_source` does, with and without the stash.
    fn both(rendered: &str) -> (String, String) {
        let whole = prettyplease::unparse(&syn::parse_file(rendered).unwrap());
        let (text, runs) = stash(rendered).unwrap();
        let printed = prettyplease::unparse(&syn::parse_file(&text).unwrap());
        (whole, restore(&printed, &runs).unwrap())
    }

    #[test]
    fn runs_come_back_as_prettyplease_prints_them() {
        let rendered = "//! The crate.\n//!\n//! More.   \n\
            /// A thing.\n///\n///   indented text  \n#[derive(Debug)]\n/// After the attribute.\n\
            pub struct A {\n        /// A field.\n   pub b: u8,\n    #[doc = \"kept\"]\n    c: u8 }\n\
            impl A {\n/// In an impl.\nfn f(&self) {\n/// On a statement.\nlet _x = 1; }}\n\
            //// Not a doc.\nfn g() {}\n";
        let (whole, stashed) = both(rendered);
        assert_eq!(stashed, whole);
        assert!(stashed.contains("    /// In an impl.\n"), "{stashed}");
    }

    #[test]
    fn a_doc_line_inside_a_string_sends_the_text_back() {
        let rendered = "/// Docs.\nconst S: &str = \"\n/// not a doc\n\";\n";
        let (text, runs) = stash(rendered).unwrap();
        let printed = prettyplease::unparse(&syn::parse_file(&text).unwrap());
        assert_eq!(restore(&printed, &runs), None);
    }

    #[test]
    fn text_with_the_mark_or_without_docs_is_not_stashed() {
        assert!(stash("fn f() {}\n").is_none());
        assert!(stash("/// \u{E000}0\nfn f() {}\n").is_none());
        assert!(stash("/// a\r\nfn f() {}\n").is_none());
    }
}
