//! The generated crate's `CHANGELOG.md` (Keep a Changelog), its versions
//! and release levels: what `cargo xtask release` writes, and what the
//! release-discipline test reads.

use std::collections::BTreeMap;
use std::fmt;

/// How far a release moves the version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Patch,
    Minor,
    Major,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Major => "major",
        })
    }
}

/// A version `X.Y.Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
}

impl Version {
    /// `X.Y.Z` in digits; `None` for anything else (pre-releases included).
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('.').map(|p| {
            let digits = !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
            digits.then(|| p.parse().ok()).flatten()
        });
        let version = Version {
            major: parts.next()??,
            minor: parts.next()??,
            patch: parts.next()??,
        };
        parts.next().is_none().then_some(version)
    }

    /// The next version for a release of `level`. Below 1.0.0 the minor
    /// number is the one that breaks, as Cargo reads it: a major release
    /// is `0.(Y+1).0`, the others `0.Y.(Z+1)`.
    pub fn bump(self, level: Level) -> Self {
        let Version {
            major,
            minor,
            patch,
        } = self;
        let (major, minor, patch) = match (major, level) {
            (0, Level::Major) => (0, minor + 1, 0),
            (0, _) => (0, minor, patch + 1),
            (_, Level::Major) => (major + 1, 0, 0),
            (_, Level::Minor) => (major, minor + 1, 0),
            (_, Level::Patch) => (major, minor, patch + 1),
        };
        Version {
            major,
            minor,
            patch,
        }
    }

    /// The level of release that moves `self` to `next`, if `next` is later.
    pub fn level_to(self, next: Version) -> Option<Level> {
        if next <= self {
            None
        } else if next.major != self.major || (self.major == 0 && next.minor != self.minor) {
            Some(Level::Major)
        } else if next.minor != self.minor {
            Some(Level::Minor)
        } else {
            // Below 1.0.0 a patch number is all a minor release moves.
            Some(if self.major == 0 {
                Level::Minor
            } else {
                Level::Patch
            })
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// Lines grouped by resource handle; `None` for shared types.
pub type Groups = BTreeMap<Option<String>, Vec<String>>;

/// One release's entry.
pub struct Entry {
    pub version: String,
    pub date: String,
    pub added: Groups,
    pub removed: Groups,
    pub changed: Groups,
    /// Whether the wire facts changed (said when no public item did).
    pub wire_only: bool,
}

impl Entry {
    /// The entry in Markdown, ending with a blank line.
    pub fn render(&self) -> String {
        let mut out = format!("## [{}] - {}\n\n", self.version, self.date);
        let sections = [
            ("Added", &self.added),
            ("Removed", &self.removed),
            ("Changed", &self.changed),
        ];
        let mut any = false;
        for (title, groups) in sections {
            if groups.is_empty() {
                continue;
            }
            any = true;
            out.push_str(&format!("### {title}\n\n"));
            // Resources by name, then the shared types.
            let ordered = groups
                .iter()
                .filter(|(r, _)| r.is_some())
                .chain(groups.iter().filter(|(r, _)| r.is_none()));
            for (resource, lines) in ordered {
                out.push_str(&format!(
                    "- {}\n",
                    resource.as_deref().unwrap_or("Shared types")
                ));
                for line in lines {
                    out.push_str(&format!("  - {line}\n"));
                }
            }
            out.push('\n');
        }
        if !any {
            out.push_str(if self.wire_only {
                "No public item changed; only wire facts did (`cargo xtask compare` lists them).\n\n"
            } else {
                "No public item or wire fact changed: documentation only.\n\n"
            });
        }
        out
    }
}

/// Merges compare's breaking differences, `(resource, line)`, into `groups`.
pub fn merge(mut groups: Groups, extra: &[(Option<String>, String)]) -> Groups {
    for (resource, line) in extra {
        groups
            .entry(resource.clone())
            .or_default()
            .push(format!("breaking on the wire: {line}"));
    }
    groups
}

const HEADER: &str = "# Changelog\n\n\
All notable changes to this crate. The format follows [Keep a Changelog]\n\
(https://keepachangelog.com/en/1.1.0/) and the versions [Semantic Versioning]\n\
(https://semver.org/); `cargo xtask release` writes each entry from the\n\
difference between two specs.\n\n";

/// `changelog` with `entry` first among the entries (a new changelog when
/// there is none); an error when it already has an entry of that version.
pub fn insert(changelog: Option<&str>, entry: &str) -> Result<String, String> {
    let Some(changelog) = changelog else {
        return Ok(format!("{HEADER}{entry}"));
    };
    let heading = entry.lines().next().unwrap_or_default();
    let version = heading.split(']').next().unwrap_or_default();
    if changelog
        .lines()
        .any(|l| l.starts_with(&format!("{version}]")))
    {
        return Err(format!("CHANGELOG.md already has an entry {version}]"));
    }
    let at = entry_start(changelog).unwrap_or(changelog.len());
    let (head, rest) = changelog.split_at(at);
    let gap = if head.is_empty() || head.ends_with("\n\n") {
        ""
    } else if head.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    Ok(format!("{head}{gap}{entry}{rest}"))
}

/// Where the first `## [` entry starts.
fn entry_start(changelog: &str) -> Option<usize> {
    let mut offset = 0;
    for line in changelog.split_inclusive('\n') {
        if line.starts_with("## [") {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Whether `changelog` has an entry `## [version]`.
pub fn has_entry(changelog: &str, version: &str) -> bool {
    let heading = format!("## [{version}]");
    changelog.lines().any(|l| l.starts_with(&heading))
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The calendar date `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        Version::parse(text).unwrap()
    }

    #[test]
    fn versions_bump_as_cargo_reads_them() {
        assert_eq!(v("1.2.3").bump(Level::Major), v("2.0.0"));
        assert_eq!(v("1.2.3").bump(Level::Minor), v("1.3.0"));
        assert_eq!(v("1.2.3").bump(Level::Patch), v("1.2.4"));
        assert_eq!(v("0.2.3").bump(Level::Major), v("0.3.0"));
        assert_eq!(v("0.2.3").bump(Level::Minor), v("0.2.4"));
        assert_eq!(v("1.0.0").level_to(v("1.1.0")), Some(Level::Minor));
        assert_eq!(v("1.0.0").level_to(v("2.0.0")), Some(Level::Major));
        assert_eq!(v("1.0.0").level_to(v("1.0.1")), Some(Level::Patch));
        assert_eq!(v("0.2.0").level_to(v("0.3.0")), Some(Level::Major));
        assert_eq!(v("1.0.0").level_to(v("1.0.0")), None);
        assert_eq!(Version::parse("1.0"), None);
        assert_eq!(Version::parse("1.0.0-rc.1"), None);
        assert_eq!(Version::parse("1.0.0.0"), None);
    }

    #[test]
    fn entries_go_first() {
        let entry = Entry {
            version: "1.1.0".into(),
            date: "2025-02-03".into(),
            added: [(Some("Rooms".into()), vec!["`Rooms::delete` added".into()])].into(),
            removed: Groups::new(),
            changed: Groups::new(),
            wire_only: true,
        }
        .render();
        assert_eq!(
            entry,
            "## [1.1.0] - 2025-02-03\n\n### Added\n\n- Rooms\n  - `Rooms::delete` added\n\n"
        );
        let old = format!("{HEADER}## [1.0.0] - 2025-01-01\n\nFirst.\n");
        let new = insert(Some(&old), &entry).unwrap();
        assert_eq!(
            new,
            format!("{HEADER}{entry}## [1.0.0] - 2025-01-01\n\nFirst.\n")
        );
        assert!(has_entry(&new, "1.1.0") && has_entry(&new, "1.0.0"));
        assert!(insert(Some(&new), &entry).is_err());
        assert_eq!(insert(None, &entry).unwrap(), format!("{HEADER}{entry}"));
    }

    #[test]
    fn dates_are_civil() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_089), (2025, 1, 1));
    }
}
