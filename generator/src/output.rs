//! Writing a generated crate to disk, or checking that it is up to date.
//!
//! The generator owns the files it renders and everything under `src/`;
//! anything else in the output directory (tests, examples, `target/`) is left
//! alone. A file is rewritten only when its content changed, so its mtime
//! stays and cargo does not rebuild.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Generated;
use crate::error::{Error, Result};

/// What [`write`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files created or changed.
    pub written: Vec<String>,
    /// Files already up to date.
    pub unchanged: Vec<String>,
    /// Stale files removed from `src/`.
    pub removed: Vec<String>,
}

/// Writes `generated` into `dir`, touching only files whose content changed.
///
/// Each file is written to a temporary sibling and renamed into place, so a
/// reader never sees a half-written file.
pub fn write(generated: &Generated, dir: &Path) -> Result<WriteReport> {
    let mut report = WriteReport::default();
    for (relative, content) in &generated.files {
        let path = dir.join(relative);
        if fs::read(&path).ok().as_deref() == Some(content.as_bytes()) {
            report.unchanged.push(relative.clone());
            continue;
        }
        write_atomically(&path, content)?;
        report.written.push(relative.clone());
    }
    for stale in stale_files(generated, dir)? {
        let path = dir.join(&stale);
        fs::remove_file(&path).map_err(|source| Error::Write { path, source })?;
        report.removed.push(stale);
    }
    Ok(report)
}

/// The files in `dir` that differ from `generated`: changed, missing, or
/// stale under `src/`. Empty when the directory is up to date.
pub fn check(generated: &Generated, dir: &Path) -> Result<Vec<String>> {
    let mut differing: Vec<String> = generated
        .files
        .iter()
        .filter(|(relative, content)| {
            fs::read(dir.join(relative)).ok().as_deref() != Some(content.as_bytes())
        })
        .map(|(relative, _)| relative.clone())
        .collect();
    differing.extend(stale_files(generated, dir)?);
    differing.sort();
    Ok(differing)
}

fn write_atomically(path: &Path, content: &str) -> Result<()> {
    let fail = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(fail)?;
    }
    let mut temp = path.as_os_str().to_owned();
    temp.push(".tmp");
    let temp = PathBuf::from(temp);
    fs::write(&temp, content).map_err(fail)?;
    fs::rename(&temp, path).map_err(|source| {
        let _ = fs::remove_file(&temp);
        fail(source)
    })
}

/// Files under `dir/src` that the generator did not render this time.
fn stale_files(generated: &Generated, dir: &Path) -> Result<Vec<String>> {
    let mut stale = Vec::new();
    let src = dir.join("src");
    if !src.is_dir() {
        return Ok(stale);
    }
    let mut pending = vec![src];
    while let Some(folder) = pending.pop() {
        let entries = fs::read_dir(&folder).map_err(|source| Error::Write {
            path: folder.clone(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Write {
                path: folder.clone(),
                source,
            })?;
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let Ok(relative) = path.strip_prefix(dir) else {
                continue;
            };
            let relative = relative.to_string_lossy().replace('\\', "/");
            if !generated.files.contains_key(&relative) {
                stale.push(relative);
            }
        }
    }
    stale.sort();
    Ok(stale)
}
