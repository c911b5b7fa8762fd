//! Items a template writes in their final layout, kept out of syn and
//! prettyplease while the rest of the file is formatted.
//!
//! Most generated items are written by their templates exactly as
//! prettyplease prints them (a setter, an encoder, a params struct), as long
//! as no line is longer than prettyplease's margin: past it, prettyplease
//! breaks the line, which depends on the names' lengths. A template marks
//! such items with a `//@final` line before them and a `//@end` line after
//! (both plain comments, which formatting drops anyway). [`stash`] takes
//! each marked run of items whose code lines all fit in [`MARGIN`] out of
//! the text and leaves a one-line placeholder item, `fn` and [`PLACEHOLDER`]
//! and the run's number, at the run's indentation. [`restore`] puts the run
//! back where prettyplease printed its placeholder.
//!
//! Inside a run, blank lines and trailing spaces are dropped (prettyplease
//! prints none; the file's spacing is added after the runs are back), and
//! doc lines are kept as they are at any length (prettyplease never reflows
//! them). A line past the margin is broken as prettyplease breaks it, for
//! the few kinds of lines the templates write long (see [`broken_line`]),
//! and a struct literal is laid out by prettyplease's own width rule at any
//! length (see [`struct_literal`]).
//! What a template writes in a run must be what prettyplease prints for any
//! names: one-line forms, and multi-line forms only where prettyplease
//! always breaks (a struct, a block) or where the line does not depend on
//! names. A run with any other long line, or with a plain `//` comment
//! (which formatting would drop) or a `/*`, is formatted with the rest. The
//! test
//! `marked_items_come_out_as_prettyplease_prints_them` below formats every
//! file of the project's spec, the fixtures and Twilio's spec with and
//! without the stash, and compares.

/// prettyplease's margin: it keeps a line of at most this many bytes (it
/// counts bytes, not characters).
const MARGIN: usize = 89;

/// The line that opens a run of items in their final layout.
pub(super) const OPEN: &str = "//@final";

/// The line that closes it.
pub(super) const CLOSE: &str = "//@end";

/// The name of a placeholder item, before the run's number.
const PLACEHOLDER: &str = "__final_layout_run_";

/// The runs taken out of a text: each one's indentation (in spaces) and
/// its lines, indented and each ending in a line break.
#[derive(Debug, Default)]
pub(super) struct Runs {
    runs: Vec<(usize, String)>,
}

/// `rendered` with each marked run that fits replaced by a placeholder item,
/// and the runs; `None` if no run was taken out, or the text cannot be
/// stashed (it holds a placeholder's name or a carriage return, or a run is
/// not closed, or opened inside another).
pub(super) fn stash(rendered: &str) -> Option<(String, Runs)> {
    if !rendered.contains(OPEN) || rendered.contains(PLACEHOLDER) || rendered.contains('\r') {
        return None;
    }
    let mut text = String::with_capacity(rendered.len() / 2);
    let mut runs = Runs::default();
    let mut lines = rendered.split('\n');
    while let Some(line) = lines.next() {
        // Most lines are not markers: one look at their start tells.
        let marker = line.trim_start().starts_with("//@").then(|| line.trim());
        if marker == Some(CLOSE) {
            return None;
        }
        if marker != Some(OPEN) {
            text.push_str(line);
            text.push('\n');
            continue;
        }
        let mut run = Vec::new();
        loop {
            let line = lines.next()?;
            match line.trim() {
                "" => {}
                CLOSE => break,
                OPEN => return None,
                _ => run.push(line.trim_end()),
            }
        }
        let Some(first) = run.first() else {
            continue;
        };
        let indent = &first[..first.len() - first.trim_start().len()];
        if let Some(lines) = final_lines(&run, indent) {
            text.push_str(indent);
            text.push_str("fn ");
            text.push_str(PLACEHOLDER);
            text.push_str(&runs.runs.len().to_string());
            text.push_str("() {}\n");
            runs.runs.push((indent.len(), lines));
        } else {
            for line in run {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    text.pop();
    (!runs.runs.is_empty()).then_some((text, runs))
}

/// A run's lines as prettyplease prints them, each ending in a line break;
/// `None` if some line is not in its final layout.
///
/// A line is printed as written when it is a doc line, or code that fits in
/// the margin with no comment that formatting would drop, indented at least
/// as the run's first line. A few kinds of lines past the margin are broken
/// as prettyplease breaks them (see [`broken_line`]).
fn final_lines(run: &[&str], indent: &str) -> Option<String> {
    let mut lines = String::with_capacity(run.iter().map(|line| line.len() + 1).sum());
    for line in run {
        let code = line.strip_prefix(indent)?.trim_start();
        let doc = code.starts_with("//!") || (code.starts_with("///") && !code.starts_with("////"));
        if !doc {
            if has_comment(code) {
                return None;
            }
            if is_struct_literal_line(code) {
                // prettyplease breaks a struct literal wider than 34 columns
                // even where it would fit.
                push_parts(
                    &mut lines,
                    struct_literal(&line[..line.len() - code.len()], code)?,
                )?;
                continue;
            }
            if line.len() > MARGIN && !is_kept_long(code) {
                push_parts(&mut lines, broken_line(line)?)?;
                continue;
            }
        }
        lines.push_str(line);
        lines.push('\n');
    }
    Some(lines)
}

/// Appends the lines of a broken line; `None` if one is still too long (a
/// lone string literal excepted: prettyplease cannot break it).
fn push_parts(lines: &mut String, parts: Vec<String>) -> Option<()> {
    for part in parts {
        if part.len() > MARGIN && !is_lone_literal(part.trim_start()) {
            return None;
        }
        lines.push_str(&part);
        lines.push('\n');
    }
    Some(())
}

/// A line too long for the margin, broken as prettyplease breaks it: an
/// outer attribute (see [`super::final_attrs`]), a `fn` signature, an array,
/// a call statement, a `let` of a method chain on a call, or a chain on a
/// short receiver that ends a block; `None` for any other line.
fn broken_line(line: &str) -> Option<Vec<String>> {
    let code = line.trim_start();
    let indent = &line[..line.len() - code.len()];
    if code.starts_with("#[") {
        return super::final_attrs::broken(line);
    }
    if let Some((head, _)) = code
        .strip_suffix("\");")
        .and_then(|c| c.split_once(" = format!(\""))
    {
        // `let x = format!("…");`: the literal on a line of its own.
        let literal = &code[head.len() + " = format!(".len()..code.len() - 2];
        return (code.starts_with("let ") && is_lone_literal(literal)).then(|| {
            vec![
                format!("{indent}{head} = format!("),
                format!("{indent}    {literal}"),
                format!("{indent});"),
            ]
        });
    }
    let short_receiver = code
        .split_once('.')
        .is_some_and(|(receiver, _)| receiver.len() <= 4 && is_ident(receiver));
    if code.starts_with("let ") || (short_receiver && !code.ends_with(';')) {
        return broken_chain(indent, code);
    }
    if let Some(field) = code.strip_prefix("self.")
        && let Some(dot) = field.find('.')
        && is_ident(&field[..dot])
        && is_path(&field[dot + 1..field.find('(')?])
    {
        // `self.field.method(..);`: the method on the next line.
        let split = 5 + dot;
        return Some(vec![
            format!("{indent}{}", &code[..split]),
            format!("{indent}    {}", &code[split..]),
        ]);
    }
    if (code.ends_with("];") || code.ends_with("],"))
        && (code.contains(" = &[") || code.contains(": &["))
    {
        // `const X: T = &[..];` or a field `name: &[..],`.
        let open = match code.find(" = &[") {
            Some(at) => at + 4,
            None => code.find(": &[")? + 3,
        };
        let (items, close) = split_args(code, open, false)?;
        let tail = &code[close..];
        return (close == code.len() - 2)
            .then(|| broken_args(indent, &code[..=open], &items, tail));
    }
    if code.contains("fn ") {
        return broken_signature(indent, code);
    }
    broken_call(indent, code)
}

/// A call statement, `f(..);` or `f(..)?;`, or a call ending a block,
/// `f(..)`: the arguments a line each; or `f::<T>(..);`, where prettyplease
/// breaks the turbofish first.
fn broken_call(indent: &str, code: &str) -> Option<Vec<String>> {
    let open = code.find('(')?;
    let suffix = [");", ")?;", ")"]
        .into_iter()
        .find(|end| code.ends_with(end))?;
    if let Some((path, ty)) = code[..open].split_once("::<") {
        let ty = ty.strip_suffix('>')?;
        if !is_path(path) || !is_path(&ty.replace(['<', '>'], "")) || suffix != ");" {
            return None;
        }
        let call = &code[open - 1..];
        return Some(vec![
            format!("{indent}{path}::<"),
            format!("{indent}    {ty},"),
            format!("{indent}{call}"),
        ]);
    }
    if !is_path(&code[..open]) {
        return None;
    }
    let (args, close) = split_args(code, open, false)?;
    (close == code.len() - suffix.len()).then(|| broken_args(indent, &code[..=open], &args, suffix))
}

/// Whether `text` is one plain string literal, with or without a comma
/// after it: prettyplease prints it on its line however long.
fn is_lone_literal(text: &str) -> bool {
    let text = text.strip_suffix(',').unwrap_or(text);
    text.len() >= 2
        && text.starts_with('"')
        && text.ends_with('"')
        && !text[1..text.len() - 1]
            .replace("\\\\", "")
            .replace("\\\"", "")
            .contains('"')
}

/// A line prettyplease prints whole however long: a string `let`, a lone
/// literal, a single-path `use`, `fn name() {`.
fn is_kept_long(code: &str) -> bool {
    is_literal_statement(code)
        || is_lone_literal(code)
        || is_use_of_a_path(code)
        || is_bare_fn(code)
}

/// `use a::b::C;` (`pub` or `pub(crate)` too): one path, which prettyplease
/// prints on its line however long.
fn is_use_of_a_path(code: &str) -> bool {
    let code = code
        .strip_prefix("pub ")
        .or_else(|| code.strip_prefix("pub(crate) "))
        .unwrap_or(code);
    code.strip_prefix("use ")
        .and_then(|path| path.strip_suffix(';'))
        .is_some_and(is_path)
}

/// `fn name() {`: nothing prettyplease could break, however long.
fn is_bare_fn(code: &str) -> bool {
    code.strip_prefix("fn ")
        .and_then(|rest| rest.strip_suffix("() {"))
        .is_some_and(is_ident)
}

/// Whether a line of code holds a comment (`//` or `/*` outside string
/// literals and `'"'`; a URL in a string is not one). Any other quote
/// after an apostrophe counts as a comment, so such a line is never kept.
fn has_comment(code: &str) -> bool {
    let bytes = code.as_bytes();
    // Most lines have no slash at all (a fast search).
    if !bytes.contains(&b'/') {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if matches!(bytes.get(i + 1), Some(b'/' | b'*')) => return true,
            b'\'' if bytes.get(i + 1) == Some(&b'"') => {
                // `'"'` is a char literal; any other `'"` is not understood.
                if bytes.get(i + 2) != Some(&b'\'') {
                    return true;
                }
                i += 3;
                continue;
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                let hashes = code[i + 1..].len() - code[i + 1..].trim_start_matches('#').len();
                if bytes.get(i + 1 + hashes) != Some(&b'"') {
                    // `r#type` is a raw identifier; anything else is not understood.
                    if hashes != 1 || !bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
                        return true;
                    }
                    i += 2;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                match code[i + 2 + hashes..].find(close.as_str()) {
                    Some(end) => i += 2 + hashes + end + close.len(),
                    None => return true,
                }
                continue;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= bytes.len() {
                    return true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// Whether `text` is made of identifier characters only.
fn is_ident(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether `text` is a path such as `crate::wire::read`.
fn is_path(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':')
}

/// `let name = "…";`, `let name = r#"…"#;` or `const NAME: &str = r#"…"#;`:
/// a string, which prettyplease prints on the statement's line however long.
fn is_literal_statement(code: &str) -> bool {
    let Some((name, value)) = code
        .strip_prefix("let ")
        .or_else(|| code.strip_prefix("const "))
        .and_then(|rest| rest.split_once(" = "))
    else {
        return false;
    };
    let name = name.strip_suffix(": &str").unwrap_or(name);
    if !is_ident(name) {
        return false;
    }
    if value.starts_with('"') {
        return value.strip_suffix(';').is_some_and(is_lone_literal) && !value.ends_with(",;");
    }
    let Some(value) = value.strip_prefix('r') else {
        return false;
    };
    let hashes = value.len() - value.trim_start_matches('#').len();
    let close = format!("\"{}", &value[..hashes]);
    value[hashes..].starts_with('"')
        && value
            .strip_suffix(';')
            .and_then(|v| v.strip_suffix(close.as_str()))
            .is_some_and(|v| v.len() > hashes && !v[hashes + 1..].contains(close.as_str()))
}

/// A signature: one argument a line, each with a comma, and the rest after
/// the closing parenthesis. `None` without an argument, or with a `where`
/// clause or a literal.
fn broken_signature(indent: &str, code: &str) -> Option<Vec<String>> {
    let name = code.find("fn ")?;
    if !code.ends_with(" {") || code.contains(" where ") || code.contains('"') {
        return None;
    }
    let open = name + code[name..].find('(')?;
    if code[name..open].contains(['(', ')']) {
        return None;
    }
    let (args, close) = split_args(code, open, true)?;
    if args.is_empty() {
        return None;
    }
    let tail = &code[close..];
    let mut lines = broken_args(indent, &code[..=open], &args, tail);
    if indent.len() + tail.len() > MARGIN
        && let Some(generics) = tail.strip_prefix(") -> ").and_then(|ret| ret.find('<'))
    {
        // The return type's generic arguments a line each too.
        let open = generics + 5;
        let (types, close) = split_args(tail, open, true)?;
        lines.pop();
        lines.extend(broken_args(indent, &tail[..=open], &types, &tail[close..]));
    }
    Some(lines)
}

/// `let x = Call::new(..).a(..).b(..);`, or a tail expression on a short
/// receiver, `f.a(..).b(..)`: the call (the receiver's first method) on the
/// first line, then each method a line, four columns in; a method whose line
/// is too long has its arguments broken too.
fn broken_chain(indent: &str, code: &str) -> Option<Vec<String>> {
    let open = code.find('(')?;
    let terminator = if code.starts_with("let ") {
        if code[..open].contains(['.', '"']) || !code[..open].contains(" = ") {
            return None;
        }
        ";"
    } else {
        // A tail expression on a short receiver (`f.debug_struct(..)..`):
        // prettyplease keeps the receiver's first method on its line.
        let (receiver, method) = code[..open].split_once('.')?;
        if receiver.len() > 4 || !is_ident(receiver) || !is_ident(method) || code.ends_with(';') {
            return None;
        }
        ""
    };
    let end_of_chain = code.len() - terminator.len();
    let (_, mut at) = split_args(code, open, false)?;
    let mut lines = vec![format!("{indent}{}", &code[..=at])];
    let inner = format!("{indent}    ");
    while at + 1 < end_of_chain {
        let rest = &code[at + 1..];
        let name_len = rest.strip_prefix('.')?.find('(')? + 1;
        let open = at + 1 + name_len;
        if !is_ident(&code[at + 2..open]) {
            return None;
        }
        let (args, close) = split_args(code, open, false)?;
        let mut end = close + 1;
        while code[end..].starts_with('?') {
            end += 1;
        }
        let suffix = if end == end_of_chain {
            &code[close..]
        } else {
            &code[close..end]
        };
        let whole = format!("{inner}{}{suffix}", &code[at + 1..close]);
        if whole.len() <= MARGIN || args.is_empty() {
            lines.push(whole);
        } else {
            lines.extend(broken_args(&inner, &code[at + 1..=open], &args, suffix));
        }
        at = end - 1;
    }
    (lines.len() > 1 && code[at + 1..] == *terminator).then_some(lines)
}

/// A line that is a struct literal: `let x = crate::Name { .. };`, or
/// `Name { .. }` ending a block.
fn is_struct_literal_line(code: &str) -> bool {
    if code.starts_with("let ") {
        return code.contains(" = crate::") && code.ends_with(" };");
    }
    code.ends_with(" }")
        && code.split_once(" { ").is_some_and(|(path, _)| {
            is_path(path) && path.starts_with(|c: char| c.is_ascii_uppercase())
        })
}

/// A struct literal line (see [`is_struct_literal_line`]) as prettyplease
/// prints it: on its line if the literal is at most 34 columns wide (as
/// rustfmt's `struct_lit_width`) and the line fits, else the fields a line
/// each, four columns in, with a comma but after `..`. `None` where a field's
/// value holds a brace (a struct of its own, laid out by the same rule).
fn struct_literal(indent: &str, code: &str) -> Option<Vec<String>> {
    let open = code.find(" { ")? + 1;
    let (literal_start, terminator) = match code.strip_prefix("let ") {
        Some(rest) => {
            let (name, path) = rest.get(..open.checked_sub(5)?)?.split_once(" = ")?;
            if !is_ident(name) || !is_path(path) {
                return None;
            }
            (code.find(" = ")? + 3, ";")
        }
        None => (0, ""),
    };
    let close = code.len() - terminator.len() - 1;
    if !is_path(&code[literal_start..open - 1]) || code[open + 1..close].contains(['{', '}']) {
        return None;
    }
    let (fields, end) = split_args(code, open, false)?;
    if end != close || fields.is_empty() {
        return None;
    }
    if close - literal_start <= 34 && indent.len() + code.len() <= MARGIN {
        return Some(vec![format!("{indent}{code}")]);
    }
    let mut lines = vec![format!("{indent}{}", &code[..=open])];
    for field in fields {
        let comma = if field.starts_with("..") { "" } else { "," };
        lines.push(format!("{indent}    {field}{comma}"));
    }
    lines.push(format!("{indent}}}{terminator}"));
    Some(lines)
}

/// `head` ending in the opening bracket, the arguments a line each, and
/// `tail` starting with the closing one.
fn broken_args(indent: &str, head: &str, args: &[&str], tail: &str) -> Vec<String> {
    let mut lines = vec![format!("{indent}{head}")];
    lines.extend(args.iter().map(|arg| format!("{indent}    {arg},")));
    lines.push(format!("{indent}{tail}"));
    lines
}

/// The comma-separated arguments inside the bracket opening at `open`
/// (empty ones dropped), and where it closes. String literals are skipped;
/// `angle` counts `<` and `>` (not `->`) as brackets, as in signatures.
fn split_args(code: &str, open: usize, angle: bool) -> Option<(Vec<&str>, usize)> {
    let bytes = code.as_bytes();
    let (mut depth, mut start, mut args) = (0usize, open + 1, Vec::new());
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while *bytes.get(i)? != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'<' if angle => depth += 1,
            b'>' if angle && bytes[i - 1] == b'-' => {}
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b'>' if angle && depth > 0 => depth -= 1,
            b')' | b']' | b'}' => {
                args.push(code[start..i].trim());
                args.retain(|arg| !arg.is_empty());
                return Some((args, i));
            }
            b'>' if angle => {
                args.push(code[start..i].trim());
                args.retain(|arg| !arg.is_empty());
                return Some((args, i));
            }
            b',' if depth == 0 => {
                args.push(code[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// `printed` with each placeholder replaced by its run; `None` unless every
/// run is put back exactly once, at the indentation it was written with.
pub(super) fn restore(printed: &str, runs: &Runs) -> Option<String> {
    let mut out = String::with_capacity(printed.len() * 2);
    let mut restored = vec![false; runs.runs.len()];
    for line in printed.split_inclusive('\n') {
        let Some(index) = placeholder(line) else {
            out.push_str(line);
            continue;
        };
        let (indent, lines) = runs.runs.get(index)?;
        if std::mem::replace(&mut restored[index], true)
            || line.len() - line.trim_start().len() != *indent
        {
            return None;
        }
        out.push_str(lines);
    }
    restored.iter().all(|&done| done).then_some(out)
}

/// The run number of a placeholder line as prettyplease prints it.
fn placeholder(line: &str) -> Option<usize> {
    let rest = line.trim().strip_prefix("fn ")?.strip_prefix(PLACEHOLDER)?;
    rest.strip_suffix("() {}")?.parse().ok()
}

#[cfg(test)]
mod tests;
