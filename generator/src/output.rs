//! Writing a generated crate to disk, or checking that it is up to date.
//!
//! The generator owns the files it renders and everything under `src/`;
//! anything else in the output directory (tests, examples, `target/`) is left
//! alone. A file is rewritten only when its content changed, so its mtime
//! stays and cargo does not rebuild. A write is all or nothing: see [`write()`].

use std::fs;
use std::path::{Path, PathBuf};

use crate::Generated;
use crate::error::{Error, Result};

/// What [`write()`] did.
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
/// All or nothing: every changed file is first written to a temporary sibling;
/// only when all of them are written are they renamed into place and stale
/// files removed. If anything fails, the temporary files are deleted and
/// whatever was already replaced is put back, so `dir` is left byte for byte
/// as it was (directories the write created are removed again).
///
/// A `dir` that does not exist yet is written whole into a new sibling
/// directory, which is then renamed to `dir` in one step (see
/// `write_new`): `dir` appears complete or not at all.
pub fn write(generated: &Generated, dir: &Path) -> Result<WriteReport> {
    if let Some(report) = write_new(generated, dir)? {
        return Ok(report);
    }
    let mut report = WriteReport::default();
    let mut changed: Vec<(&String, &String, Option<Vec<u8>>)> = Vec::new();
    for (relative, content) in &generated.files {
        let path = dir.join(relative);
        let existing = match fs::read(&path) {
            Ok(bytes) => Some(bytes),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            // Not readable (a directory, no permission): it could not be
            // restored after a failure, so stop before touching anything.
            Err(source) => return Err(Error::Write { path, source }),
        };
        if existing.as_deref() == Some(content.as_bytes()) {
            report.unchanged.push(relative.clone());
        } else {
            changed.push((relative, content, existing));
        }
    }
    let stale = stale_files(generated, dir)?;

    let mut staging = Staging::default();
    let result = staging.run(dir, &changed, &stale);
    if result.is_err() {
        staging.roll_back();
    }
    result?;
    report.written = changed.iter().map(|(r, _, _)| (*r).clone()).collect();
    report.removed = stale;
    Ok(report)
}

/// Writes every file into a sibling of `dir` named `<dir>.codegen-tmp-<pid>`
/// and renames it to `dir`; `None`, with nothing done, when `dir` exists (or
/// cannot be looked up), its parent is not a directory, or the sibling
/// cannot be made or renamed, and [`write()`] goes file by file.
///
/// One rename instead of one per file, and no look for files that cannot be
/// there (for a new crate of ~160 files, ~2 % of a whole `xtask generate`).
/// A failure removes the sibling and leaves no `dir`.
fn write_new(generated: &Generated, dir: &Path) -> Result<Option<WriteReport>> {
    let Some(name) = dir.file_name() else {
        return Ok(None);
    };
    let parent = match dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !matches!(fs::symlink_metadata(dir), Err(err) if err.kind() == std::io::ErrorKind::NotFound)
        || !parent.is_dir()
    {
        return Ok(None);
    }
    let mut sibling = name.to_owned();
    sibling.push(format!(".codegen-tmp-{}", std::process::id()));
    let staging = parent.join(sibling);
    if fs::create_dir(&staging).is_err() {
        return Ok(None);
    }
    // Files come in path order, so a folder's files follow one another: its
    // directories are made once, for the first of them.
    let mut made: Option<PathBuf> = None;
    let staged = generated.files.iter().try_for_each(|(relative, content)| {
        let path = staging.join(relative);
        let parent = path.parent().filter(|p| made.as_deref() != Some(*p));
        parent
            .map_or(Ok(()), |parent| {
                fs::create_dir_all(parent)?;
                made = Some(parent.to_owned());
                Ok(())
            })
            .and_then(|()| fs::write(&path, content))
            .map_err(|source| Error::Write {
                path: dir.join(relative),
                source,
            })
    });
    if let Err(err) = staged {
        let _ = fs::remove_dir_all(&staging);
        return Err(err);
    }
    if fs::rename(&staging, dir).is_err() {
        // `dir` appeared meanwhile, say: the file-by-file route decides.
        let _ = fs::remove_dir_all(&staging);
        return Ok(None);
    }
    Ok(Some(WriteReport {
        written: generated.files.keys().cloned().collect(),
        ..WriteReport::default()
    }))
}

/// What [`write()`] has done so far, so that a failure can undo it.
#[derive(Default)]
struct Staging {
    /// Directories created, outermost first.
    created_dirs: Vec<PathBuf>,
    /// Temporary files written, in the order they are renamed into place.
    temps: Vec<PathBuf>,
    /// How many of `temps` are renamed (the first ones): the rest are left
    /// to remove on failure.
    renamed: usize,
    /// Files replaced or removed, with what they held before (`None`: new).
    replaced: Vec<(PathBuf, Option<Vec<u8>>)>,
}

impl Staging {
    fn run(
        &mut self,
        dir: &Path,
        changed: &[(&String, &String, Option<Vec<u8>>)],
        stale: &[String],
    ) -> Result<()> {
        // Stage: every changed file to a temporary sibling.
        let mut staged = Vec::with_capacity(changed.len());
        for (relative, content, _) in changed {
            let path = dir.join(relative);
            if let Some(parent) = path.parent() {
                self.create_dirs(parent)?;
            }
            let temp = temp_path(&path);
            self.temps.push(temp.clone());
            fs::write(&temp, content).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            staged.push((temp, path));
        }
        // Commit: rename each into place, then remove stale files.
        for ((temp, path), (_, _, before)) in staged.into_iter().zip(changed) {
            fs::rename(&temp, &path).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            self.renamed += 1;
            self.replaced.push((path, before.clone()));
        }
        for relative in stale {
            let path = dir.join(relative);
            let before = fs::read(&path).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            fs::remove_file(&path).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            self.replaced.push((path, Some(before)));
        }
        Ok(())
    }

    /// Creates `dir` and its missing ancestors, remembering which were new.
    fn create_dirs(&mut self, dir: &Path) -> Result<()> {
        let mut missing = Vec::new();
        let mut current = Some(dir);
        while let Some(d) = current.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            missing.push(d.to_owned());
            current = d.parent();
        }
        for d in missing.into_iter().rev() {
            fs::create_dir(&d).map_err(|source| Error::Write {
                path: d.clone(),
                source,
            })?;
            self.created_dirs.push(d);
        }
        Ok(())
    }

    /// Best effort: deletes temporary files, restores replaced and removed
    /// files, and removes the directories created.
    fn roll_back(self) {
        for temp in &self.temps[self.renamed..] {
            let _ = fs::remove_file(temp);
        }
        for (path, before) in self.replaced.iter().rev() {
            let _ = match before {
                Some(bytes) => fs::write(path, bytes),
                None => fs::remove_file(path),
            };
        }
        for dir in self.created_dirs.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
    }
}

/// `src/lib.rs` → `src/lib.rs.codegen-tmp`.
fn temp_path(path: &Path) -> PathBuf {
    let mut temp = path.as_os_str().to_owned();
    temp.push(".codegen-tmp");
    PathBuf::from(temp)
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
