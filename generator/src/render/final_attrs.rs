//! Long attributes in runs of final layout: a gate's `#[cfg(any(..))]` and
//! its `#[cfg_attr(docsrs, doc(cfg(..)))]` grow with the number of
//! features, and past the margin prettyplease breaks them group by group.
//!
//! An outer attribute prints the same wherever it stands (on an item, a
//! field, a statement): only its indentation matters. So a long one is
//! printed by prettyplease itself, on an empty function nested in as many
//! modules as its indentation is deep, and the lines before the function
//! are its layout. A run holds the same few gates many times; each thread
//! keeps what it printed, keyed by the whole line.

use std::cell::RefCell;
use std::collections::HashMap;

/// The name of the function an attribute is printed on.
const OWNER: &str = "fn __final_layout_attribute_owner() {}";

/// A line holding one outer attribute, `#[..]`, as prettyplease prints it
/// at the line's indentation; `None` if it is not one (or not indented by
/// whole levels).
pub(super) fn broken(line: &str) -> Option<Vec<String>> {
    thread_local! {
        static PRINTED: RefCell<HashMap<String, Option<Vec<String>>>> =
            RefCell::new(HashMap::new());
    }
    PRINTED.with_borrow_mut(|printed| {
        if let Some(lines) = printed.get(line) {
            return lines.clone();
        }
        let lines = print(line);
        printed.insert(line.to_owned(), lines.clone());
        lines
    })
}

fn print(line: &str) -> Option<Vec<String>> {
    let code = line.trim_start();
    let indent = line.len() - code.len();
    if !code.starts_with("#[") || !code.ends_with(']') || indent % 4 != 0 || !line.is_ascii() {
        return None;
    }
    let depth = indent / 4;
    let text = format!(
        "{}{code}\n{OWNER}\n{}",
        "mod m {\n".repeat(depth),
        "}\n".repeat(depth)
    );
    let file = syn::parse_file(&text).ok()?;
    // One attribute on the one function, nested `depth` modules deep.
    let mut items = &file.items;
    for _ in 0..depth {
        match items.as_slice() {
            [syn::Item::Mod(m)] if m.attrs.is_empty() => items = &m.content.as_ref()?.1,
            _ => return None,
        }
    }
    match items.as_slice() {
        [syn::Item::Fn(f)] if f.attrs.len() == 1 => {}
        _ => return None,
    }
    let printed = prettyplease::unparse(&file);
    let lines: Vec<String> = printed
        .lines()
        .skip(depth)
        .take_while(|printed| printed.trim_start() != OWNER)
        .map(str::to_owned)
        .collect();
    let prefix = &line[..indent];
    (!lines.is_empty() && lines.iter().all(|printed| printed.starts_with(prefix))).then_some(lines)
}

#[cfg(test)]
mod tests {
    use super::{broken, print};

    fn cfg(count: usize, name: &str) -> String {
        let features: Vec<String> = (0..count)
            .map(|i| format!("feature = \"{name}-{i}\""))
            .collect();
        match count {
            1 => features[0].clone(),
            _ => format!("any({})", features.join(", ")),
        }
    }

    /// What prettyplease prints for `attribute` on a statement `depth`
    /// blocks deep: the same layout as on an item at that indentation.
    fn on_a_statement(attribute: &str, depth: usize) -> Vec<String> {
        let text = format!(
            "fn f() {{\n{}{attribute}\nlet x = 1;\n{}}}\n",
            "{\n".repeat(depth - 1),
            "}\n".repeat(depth - 1)
        );
        let printed = prettyplease::unparse(&syn::parse_file(&text).unwrap());
        printed
            .lines()
            .skip(depth)
            .take_while(|line| !line.contains("let x"))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn long_gates_print_as_on_statements_and_short_ones_stay_on_their_line() {
        let mut broken_seen = 0;
        for depth in 0..4 {
            let indent = "    ".repeat(depth);
            for count in 1..12 {
                for name in [
                    "a",
                    "conversation-participants",
                    "service-conversation-message-receipts",
                ] {
                    let predicate = cfg(count, name);
                    for attribute in [
                        format!("#[cfg({predicate})]"),
                        format!("#[cfg_attr(docsrs, doc(cfg({predicate})))]"),
                    ] {
                        let line = format!("{indent}{attribute}");
                        let lines = broken(&line).unwrap();
                        if depth > 0 {
                            assert_eq!(lines, on_a_statement(&attribute, depth), "{line}");
                        }
                        // The rule the runs rely on: a line within the margin
                        // is printed as it is.
                        assert_eq!(lines.len() == 1, line.len() <= 89, "{line}: {lines:?}");
                        broken_seen += usize::from(lines.len() > 1);
                    }
                }
            }
        }
        assert!(broken_seen > 100, "{broken_seen}");
    }

    #[test]
    fn gates_near_the_margin_stay_on_their_line_up_to_it() {
        for len in 70usize..100 {
            for depth in 0..3 {
                let indent = "    ".repeat(depth);
                let fixed = format!("{indent}#[cfg(feature = \"\")]").len();
                let Some(name_len) = len.checked_sub(fixed) else {
                    continue;
                };
                let line = format!("{indent}#[cfg(feature = \"{}\")]", "x".repeat(name_len));
                let any = format!(
                    "{indent}#[cfg(any(feature = \"a\", feature = \"{}\"))]",
                    "x".repeat(name_len.saturating_sub(18))
                );
                for line in [line, any] {
                    let lines = print(&line).unwrap();
                    assert_eq!(lines.len() == 1, line.len() <= 89, "{line}: {lines:?}");
                }
            }
        }
    }

    #[test]
    fn only_outer_attributes_at_whole_levels_are_printed() {
        assert_eq!(broken("#![allow(dead_code)]"), None);
        assert_eq!(broken("  #[cfg(test)]"), None);
        assert_eq!(broken("#[cfg(test)] fn f() {}"), None);
        assert_eq!(broken("#[cfg(test)]]"), None);
        assert_eq!(broken("let x = [1];"), None);
    }
}
