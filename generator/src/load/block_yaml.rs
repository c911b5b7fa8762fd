//! Reading the YAML that specs are written in, without libyaml.
//!
//! libyaml reads a document one character at a time through a general
//! state machine; on Twilio's spec that was a third of the generator's
//! instructions. Specs use a small part of YAML: block mappings and
//! sequences, plain, quoted and block scalars, and flow collections on one
//! line, with anchors and aliases on values. [`parse`] reads that part
//! into a [`Node`] tree equal to the `serde_yaml::Value` serde_yaml would
//! build (see [`Node::into_value`]), and declines (`None`) everything else: tabs, tags, several documents, `? ` keys, a flow collection over
//! several lines, odd indentation, anything that is an error. Declined
//! text goes to serde_yaml, which reads it or reports where it fails.
//!
//! A plain scalar that could be a number, a boolean or null is resolved by
//! serde_yaml itself, so those rules are serde_yaml's, not a copy of them.
//! The tests compare the two readers on every spec we have and on damaged
//! copies of them.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use serde_yaml::Value;

use super::node::{Entries, Node, no_duplicate_keys};

#[cfg(test)]
mod tests;

/// The document in `text` as serde_yaml reads it, or `None` where this
/// reader does not follow.
pub(super) fn parse(text: &str) -> Option<Node<'_>> {
    if !readable(text) {
        return None;
    }
    let reader = Reader {
        lines: text.split('\n').collect(),
        anchors: RefCell::default(),
    };
    let first = reader.next_content(0);
    let line = reader.lines.get(first)?;
    if indent(line) != 0 || is_entry(line) {
        return None;
    }
    let (map, end) = reader.mapping(first, 0, 0)?;
    (reader.next_content(end) == reader.lines.len()).then_some(Node::Map(map))
}

/// Nesting beyond this is declined (serde_yaml stops at 128).
const MAX_DEPTH: usize = 100;

/// A key longer than this is declined (libyaml's limit is 1024).
const MAX_KEY: usize = 1000;

/// No character libyaml refuses or reads as a line break or a byte-order
/// mark, no tab, no carriage return, and no line that could mark a
/// document or a directive.
pub(super) fn readable(text: &str) -> bool {
    let bytes_ok = text.bytes().all(|b| (b >= 0x20 && b != 0x7f) || b == b'\n');
    let chars_ok = text.is_ascii()
        || !text.chars().any(|c| {
            matches!(
                c,
                '\u{80}'
                    ..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
            )
        });
    bytes_ok
        && chars_ok
        && !text
            .split('\n')
            .any(|line| line.starts_with("---") || line.starts_with("...") || line.starts_with('%'))
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Empty, spaces only, or a comment.
fn is_blank(line: &str) -> bool {
    let body = line.trim_start_matches(' ');
    body.is_empty() || body.starts_with('#')
}

/// Whether `text` starts a block sequence entry (`- ` or a lone `-`).
fn is_entry(text: &str) -> bool {
    let text = text.trim_start_matches(' ');
    text == "-" || text.starts_with("- ")
}

/// What may follow a complete value on its line: spaces, then a comment.
fn rest_is_blank(rest: &str) -> bool {
    let body = rest.trim_start_matches(' ');
    body.is_empty() || (body.starts_with('#') && body.len() < rest.len())
}

/// Whether a plain scalar may start with `text`'s first character.
fn plain_start(text: &str) -> bool {
    match text.as_bytes() {
        [] => false,
        [b'-', next, ..] => *next != b' ',
        [first, ..] => !b"-?:,[]{}#&*!|>'\"%@`".contains(first),
    }
}

struct Reader<'a> {
    lines: Vec<&'a str>,
    /// The values anchored so far (`&name`), for the aliases (`*name`)
    /// that repeat them.
    anchors: RefCell<HashMap<&'a str, Node<'a>>>,
}

impl<'a> Reader<'a> {
    /// The first line at or after `i` that is not blank.
    fn next_content(&self, mut i: usize) -> usize {
        while self.lines.get(i).is_some_and(|line| is_blank(line)) {
            i += 1;
        }
        i
    }

    /// A block mapping whose first key starts at byte `col` of line `i`
    /// (after a `- ` when it is a sequence entry's), its other keys at that
    /// column of the lines below; and the line after it.
    fn mapping(&self, mut i: usize, col: usize, depth: usize) -> Option<(Entries<'a>, usize)> {
        let mut map = Entries::new();
        loop {
            let line = self.lines[i];
            let (key, after) = key(&line[col..])?;
            let (value, next) = self.value(i, col + after, col, true, depth + 1)?;
            map.push((key, value));
            i = self.next_content(next);
            let Some(line) = self.lines.get(i) else {
                break;
            };
            match indent(line) {
                n if n < col => break,
                n if n > col => return None,
                _ => {}
            }
        }
        no_duplicate_keys(&map).then_some((map, i))
    }

    /// A block sequence whose entries' dashes are at column `col`, the
    /// first on line `i`; and the line after it.
    fn sequence(&self, mut i: usize, col: usize, depth: usize) -> Option<(Node<'a>, usize)> {
        let mut items = Vec::new();
        loop {
            let line = self.lines[i];
            let after = col + 1;
            let body = line[after..].trim_start_matches(' ');
            let start = line.len() - body.len();
            let (item, next) = if body.is_empty() || body.starts_with('#') {
                self.below(i + 1, col, false, depth + 1)?
            } else if is_entry(body) {
                return None;
            } else if key(body).is_some() {
                let (map, next) = self.mapping(i, start, depth + 1)?;
                (Node::Map(map), next)
            } else {
                self.value(i, after, col, false, depth + 1)?
            };
            items.push(item);
            i = self.next_content(next);
            let Some(line) = self.lines.get(i) else {
                break;
            };
            match indent(line) {
                n if n < col => break,
                n if n == col && !is_entry(line) => break,
                n if n > col => return None,
                _ => {}
            }
        }
        Some((Node::Seq(items), i))
    }

    /// The value that starts at byte `at` of line `i`, just after a key's
    /// `:` or an entry's `-`; `parent` is the column of the mapping or
    /// sequence it belongs to. `indentless`: a sequence at `parent` itself
    /// may be the value (a mapping's, not a sequence entry's).
    fn value(
        &self,
        i: usize,
        at: usize,
        parent: usize,
        indentless: bool,
        depth: usize,
    ) -> Option<(Node<'a>, usize)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let line = self.lines[i];
        let body = line[at..].trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            return self.below(i + 1, parent, indentless, depth);
        }
        let start = line.len() - body.len();
        match body.as_bytes()[0] {
            b'\'' | b'"' => {
                let (text, last, end) = quoted(&self.lines, i, start, Some(parent))?;
                rest_is_blank(&self.lines[last][end..])
                    .then_some((Node::Str(Cow::Owned(text)), last + 1))
            }
            b'|' | b'>' => self.block_scalar(i, body, parent),
            b'&' => {
                let name = anchor_name(&body[1..])?;
                let after = start + 1 + name.len();
                if !matches!(line.as_bytes().get(after), None | Some(b' '))
                    || line[after..]
                        .trim_start_matches(' ')
                        .starts_with(['&', '*'])
                {
                    return None;
                }
                let (value, next) = self.value(i, after, parent, indentless, depth + 1)?;
                let mut anchors = self.anchors.borrow_mut();
                // serde_yaml lets a later anchor of the same name win;
                // that is left to it.
                if anchors.insert(name, value.clone()).is_some() {
                    return None;
                }
                Some((value, next))
            }
            b'*' => {
                let name = anchor_name(&body[1..])?;
                if !rest_is_blank(&body[1 + name.len()..]) {
                    return None;
                }
                let value = self.anchors.borrow().get(name)?.clone();
                Some((value, i + 1))
            }
            b'{' | b'[' => {
                let mut pos = 0;
                let value = flow_node(body, &mut pos, depth)?;
                rest_is_blank(&body[pos..]).then_some((value, i + 1))
            }
            _ => self.plain(i, body, parent),
        }
    }

    /// A value on the lines from `i` on (its key's or dash's line had
    /// nothing after it): a mapping or a sequence, or null.
    fn below(
        &self,
        i: usize,
        parent: usize,
        indentless: bool,
        depth: usize,
    ) -> Option<(Node<'a>, usize)> {
        let k = self.next_content(i);
        let Some(line) = self.lines.get(k) else {
            return Some((Node::Null, k));
        };
        let n = indent(line);
        if is_entry(line) && (n > parent || (indentless && n == parent)) {
            return self.sequence(k, n, depth);
        }
        if n <= parent {
            return Some((Node::Null, k));
        }
        // A scalar alone on the lines below its key is left to serde_yaml.
        let (map, next) = self.mapping(k, n, depth)?;
        Some((Node::Map(map), next))
    }

    /// A plain scalar starting with `first` (the rest of line `i`),
    /// continued on the lines below that are indented past `parent`.
    fn plain(&self, i: usize, first: &'a str, parent: usize) -> Option<(Node<'a>, usize)> {
        if !plain_start(first) {
            return None;
        }
        let (head, comment) = plain_line(first)?;
        if comment {
            return Some((resolve(head)?, i + 1));
        }
        let mut text = String::new();
        let mut breaks = 0;
        let mut j = i + 1;
        let mut end = j;
        while let Some(line) = self.lines.get(j) {
            let body = line.trim_start_matches(' ');
            if body.is_empty() {
                breaks += 1;
                j += 1;
                continue;
            }
            if line.len() - body.len() <= parent || body.starts_with('#') {
                break;
            }
            let (piece, comment) = plain_line(body)?;
            if comment {
                return None;
            }
            if text.is_empty() {
                text.push_str(head);
            }
            if breaks == 0 {
                text.push(' ');
            } else {
                text.extend(std::iter::repeat_n('\n', breaks));
            }
            text.push_str(piece);
            breaks = 0;
            j += 1;
            end = j;
        }
        if text.is_empty() {
            return Some((resolve(head)?, end));
        }
        let node = match scalar_kind(&text)? {
            None => Node::Str(Cow::Owned(text)),
            Some(node) => node,
        };
        Some((node, end))
    }

    /// A literal (`|`) or folded (`>`) scalar whose header `header` ends
    /// line `i`. Keep chomping (`+`), an indentation digit, and folded
    /// lines indented further are declined.
    fn block_scalar(&self, i: usize, header: &str, parent: usize) -> Option<(Node<'a>, usize)> {
        let bytes = header.as_bytes();
        let folded = bytes[0] == b'>';
        let (strip, rest) = match bytes.get(1) {
            Some(b'-') => (true, 2),
            Some(b'+') => return None,
            _ => (false, 1),
        };
        if !rest_is_blank(&header[rest..]) || bytes.get(rest).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut j = i + 1;
        let mut leading = 0;
        let mut widest_blank = 0;
        let content_indent = loop {
            let line = self.lines.get(j)?;
            let body = line.trim_start_matches(' ');
            if body.is_empty() {
                widest_blank = widest_blank.max(line.len());
                leading += 1;
                j += 1;
                continue;
            }
            let n = line.len() - body.len();
            if n <= parent || widest_blank > n {
                return None;
            }
            break n;
        };
        let mut text = "\n".repeat(leading);
        let mut empty = 0;
        let mut first = true;
        let mut end = j;
        while let Some(line) = self.lines.get(j) {
            let body = line.trim_start_matches(' ');
            if body.is_empty() {
                if line.len() > content_indent {
                    return None;
                }
                empty += 1;
                j += 1;
                continue;
            }
            if line.len() - body.len() < content_indent {
                break;
            }
            let content = &line[content_indent..];
            if folded && content.starts_with(' ') {
                return None;
            }
            if !first {
                if !folded {
                    text.push('\n');
                }
                if folded && empty == 0 {
                    text.push(' ');
                } else {
                    text.extend(std::iter::repeat_n('\n', empty));
                }
            }
            text.push_str(content);
            first = false;
            empty = 0;
            j += 1;
            end = j;
        }
        if !strip {
            text.push('\n');
        }
        Some((Node::Str(Cow::Owned(text)), end))
    }
}

/// The anchor or alias name `text` starts with (letters, digits, `-` and
/// `_`; other names are left to serde_yaml).
fn anchor_name(text: &str) -> Option<&str> {
    let len = text
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(text.len());
    (len > 0).then(|| &text[..len])
}

/// A block mapping key at the start of `text`: the key, and the byte just
/// after its `:` (which a space or the end of the line follows).
fn key(text: &str) -> Option<(Node<'_>, usize)> {
    let (key, end) = match text.as_bytes().first()? {
        b'\'' | b'"' => {
            let (key, _, end) = quoted(&[text], 0, 0, None)?;
            (Node::Str(Cow::Owned(key)), end)
        }
        _ => {
            let end = plain_key_end(text)?;
            let key = text[..end].trim_end_matches(' ');
            if !plain_start(key) || key.len() > MAX_KEY {
                return None;
            }
            (resolve(key)?, end)
        }
    };
    let colon = end + indent(&text[end..]);
    if text.as_bytes().get(colon) != Some(&b':') {
        return None;
    }
    match text.as_bytes().get(colon + 1) {
        None | Some(b' ') => Some((key, colon + 1)),
        Some(_) => None,
    }
}

/// Where a plain key ends: its `:` (before a space or the end), unless a
/// comment comes first.
fn plain_key_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b':' if matches!(bytes.get(i + 1), None | Some(b' ')) => return Some(i),
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            _ => {}
        }
    }
    None
}

/// One line of a plain scalar in a block: its text without trailing spaces
/// and whether a comment ends it. `None` if a `: ` is in it (an error, or a
/// key where a value was expected).
fn plain_line(text: &str) -> Option<(&str, bool)> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b':' if matches!(bytes.get(i + 1), None | Some(b' ')) => return None,
            b'#' if i > 0 && bytes[i - 1] == b' ' => {
                return Some((text[..i].trim_end_matches(' '), true));
            }
            _ => {}
        }
    }
    Some((text.trim_end_matches(' '), false))
}

/// A single- or double-quoted scalar whose opening quote is at byte
/// `start` of line `i`: its text, the line it closes on and the byte after
/// the closing quote. With `block: None` it must close on its line;
/// otherwise its other lines must be indented past that column.
fn quoted(
    lines: &[&str],
    mut i: usize,
    start: usize,
    block: Option<usize>,
) -> Option<(String, usize, usize)> {
    let quote = lines[i].as_bytes()[start];
    let double = quote == b'"';
    let mut text = String::new();
    let mut pos = start + 1;
    loop {
        let line = lines[i];
        let bytes = line.as_bytes();
        // Spaces before a line break are dropped; `keep` is the length
        // of the text without them.
        let mut keep = text.len();
        let mut escaped_break = false;
        loop {
            let rest = &bytes[pos..];
            let run = rest
                .iter()
                .position(|&b| b == quote || (double && b == b'\\'))
                .unwrap_or(rest.len());
            if run > 0 {
                let piece = &line[pos..pos + run];
                text.push_str(piece);
                let trimmed = piece.trim_end_matches(' ').len();
                if trimmed > 0 {
                    keep = text.len() - (piece.len() - trimmed);
                }
                pos += run;
            }
            match bytes.get(pos) {
                None => break,
                Some(b'\'') if !double => {
                    if bytes.get(pos + 1) == Some(&b'\'') {
                        text.push('\'');
                        keep = text.len();
                        pos += 2;
                    } else {
                        return Some((text, i, pos + 1));
                    }
                }
                Some(b'"') => return Some((text, i, pos + 1)),
                _ => {
                    // A backslash in a double-quoted scalar.
                    if pos + 1 == bytes.len() {
                        escaped_break = true;
                        break;
                    }
                    let (ch, len) = escape(&line[pos + 1..])?;
                    text.push(ch);
                    keep = text.len();
                    pos += 1 + len;
                }
            }
        }
        let parent = block?;
        if !escaped_break {
            text.truncate(keep);
        }
        let mut breaks = 0;
        let body = loop {
            i += 1;
            let line = lines.get(i)?;
            let body = line.trim_start_matches(' ');
            if !body.is_empty() {
                if line.len() - body.len() <= parent {
                    return None;
                }
                break body;
            }
            breaks += 1;
        };
        if breaks == 0 && !escaped_break {
            text.push(' ');
        } else {
            text.extend(std::iter::repeat_n('\n', breaks));
        }
        pos = lines[i].len() - body.len();
    }
}

/// The character a double-quoted escape stands for (`text` starts after
/// the backslash), and the escape's length.
fn escape(text: &str) -> Option<(char, usize)> {
    let simple = match text.as_bytes().first()? {
        b'0' => '\0',
        b'a' => '\x07',
        b'b' => '\x08',
        b't' => '\t',
        b'n' => '\n',
        b'v' => '\x0b',
        b'f' => '\x0c',
        b'r' => '\r',
        b'e' => '\x1b',
        b' ' => ' ',
        b'"' => '"',
        b'/' => '/',
        b'\\' => '\\',
        b'N' => '\u{85}',
        b'_' => '\u{a0}',
        b'L' => '\u{2028}',
        b'P' => '\u{2029}',
        b'x' => return hex(text, 2),
        b'u' => return hex(text, 4),
        b'U' => return hex(text, 8),
        _ => return None,
    };
    Some((simple, 1))
}

fn hex(text: &str, digits: usize) -> Option<(char, usize)> {
    let code = text.get(1..1 + digits)?;
    if !code.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let ch = char::from_u32(u32::from_str_radix(code, 16).ok()?)?;
    Some((ch, 1 + digits))
}

/// A flow node (`{..}`, `[..]` or a scalar) at `*pos` of one line;
/// `*pos` ends just after it.
fn flow_node<'a>(line: &'a str, pos: &mut usize, depth: usize) -> Option<Node<'a>> {
    if depth > MAX_DEPTH {
        return None;
    }
    *pos += indent(&line[*pos..]);
    let bytes = line.as_bytes();
    let close = match bytes.get(*pos)? {
        b'{' => b'}',
        b'[' => b']',
        _ => return flow_scalar(line, pos),
    };
    *pos += 1;
    let mut map = Entries::new();
    let mut items = Vec::new();
    *pos += indent(&line[*pos..]);
    if bytes.get(*pos) != Some(&close) {
        loop {
            let node = flow_node(line, pos, depth + 1)?;
            *pos += indent(&line[*pos..]);
            if close == b'}' {
                if bytes.get(*pos) != Some(&b':') || bytes.get(*pos + 1) != Some(&b' ') {
                    return None;
                }
                *pos += 1;
                let value = flow_node(line, pos, depth + 1)?;
                if matches!(node, Node::Map(_) | Node::Seq(_)) {
                    return None;
                }
                map.push((node, value));
                *pos += indent(&line[*pos..]);
            } else {
                items.push(node);
            }
            match bytes.get(*pos)? {
                b',' => {
                    *pos += 1;
                    *pos += indent(&line[*pos..]);
                    if bytes.get(*pos) == Some(&close) {
                        return None;
                    }
                }
                &b if b == close => break,
                _ => return None,
            }
        }
    }
    *pos += 1;
    if close == b'}' {
        no_duplicate_keys(&map).then_some(Node::Map(map))
    } else {
        Some(Node::Seq(items))
    }
}

/// A quoted or plain scalar in a flow collection; a plain one ends at a
/// flow indicator or a `:`, and may hold no `#`.
fn flow_scalar<'a>(line: &'a str, pos: &mut usize) -> Option<Node<'a>> {
    let rest = &line[*pos..];
    if rest.starts_with(['\'', '"']) {
        let (text, _, end) = quoted(&[rest], 0, 0, None)?;
        *pos += end;
        return Some(Node::Str(Cow::Owned(text)));
    }
    if !plain_start(rest) {
        return None;
    }
    let len = rest
        .bytes()
        .position(|b| b",[]{}:#".contains(&b))
        .unwrap_or(rest.len());
    if rest.as_bytes().get(len) == Some(&b'#') {
        return None;
    }
    *pos += len;
    resolve(rest[..len].trim_end_matches(' '))
}

/// A plain scalar's node: a string, unless it could be null, a boolean
/// or a number, in which case serde_yaml says which.
fn resolve(text: &str) -> Option<Node<'_>> {
    Some(scalar_kind(text)?.unwrap_or(Node::Str(Cow::Borrowed(text))))
}

/// What a plain scalar is when it is not a string (`Some(None)` for a
/// string; `None` when serde_yaml would not read it as a scalar).
fn scalar_kind(text: &str) -> Option<Option<Node<'static>>> {
    let bytes = text.as_bytes();
    if bytes
        .iter()
        .any(|b| !(b.is_ascii_alphanumeric() || b"+-._~:".contains(b)))
        || text.starts_with("---")
        || text.starts_with("...")
    {
        return Some(None);
    }
    // serde_yaml's own spellings of null and the booleans.
    match text {
        "null" | "Null" | "NULL" | "~" => return Some(Some(Node::Null)),
        "true" | "True" | "TRUE" => return Some(Some(Node::Bool(true))),
        "false" | "False" | "FALSE" => return Some(Some(Node::Bool(false))),
        _ => {}
    }
    let first = *bytes.first()?;
    if first.is_ascii_alphabetic() && !could_be_a_word_value(text) {
        return Some(None);
    }
    if bytes.len() <= 18
        && bytes.iter().all(u8::is_ascii_digit)
        && (bytes.len() == 1 || first != b'0')
    {
        return text
            .parse::<u64>()
            .ok()
            .map(|n| Some(Node::Number(n.into())));
    }
    match serde_yaml::from_str::<Value>(text).ok()? {
        Value::Null => Some(Some(Node::Null)),
        Value::Bool(b) => Some(Some(Node::Bool(b))),
        Value::Number(n) => Some(Some(Node::Number(n))),
        Value::String(_) => Some(None),
        _ => None,
    }
}

/// The words serde_yaml (or a float parser) might read as something other
/// than a string; the rest of the words are strings.
fn could_be_a_word_value(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "true", "false", "null", "nan", "inf", "infinity", "y", "n", "yes", "no", "on", "off",
    ];
    WORDS.iter().any(|word| word.eq_ignore_ascii_case(text))
}
