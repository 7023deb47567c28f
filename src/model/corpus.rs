//! A corpus is a folder of articles (`.txt`, `.md`), searched recursively. Sidecars sit
//! beside their article as `<file name>.<annotator>.ron`.
//!
//! The walk ([`Walk`]) visits each folder's children sorted so that articles come out in
//! final corpus order (sorted by id): a library can show them as they are found, appending
//! only. It reads folder listings and stats only links and odd files; sizes and times of
//! articles are the index's business.

use crate::model::annotator::Annotator;
use crate::store::atomic;
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The guidelines file at the corpus root: shown by the reader, not an article.
pub const GUIDELINES_FILE: &str = "GUIDELINES.md";

/// An article file found in the corpus (not yet read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Path relative to the corpus root, `/`-separated; a byte of a name that is not UTF-8
    /// is written `\xNN` ([`name_id`]). Unique in the corpus.
    pub id: String,
    /// The file itself: the names as they are on disk, for every file operation.
    pub path: PathBuf,
    /// Annotators with a sidecar for this article, sorted (`gold` included).
    pub annotators: Vec<Annotator>,
    /// The article has segmentation corrections beside it ([`crate::model::cuts`]), so
    /// caches of its units must look at that file too.
    pub cuts: bool,
}

/// The articles of a folder, sorted by id, and what was skipped on the way.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub root: PathBuf,
    pub entries: Vec<Entry>,
    /// Folders or links that could not be walked, with the reason.
    pub skipped: Vec<(PathBuf, String)>,
}

/// A corpus folder that cannot be opened at all.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The reason is in the message, not a chained source, so `{:#}` says it once.
    #[error("{path}: {error}")]
    Io { path: PathBuf, error: io::Error },
    #[error("{0}: not a folder (glose opens a folder of .txt and .md articles)")]
    NotADir(PathBuf),
}

impl Corpus {
    /// Walks `root` recursively. Hidden files and folders are skipped; linked folders are not
    /// followed (no loops); unreadable folders, and a name whose id another name already
    /// has, are recorded in `skipped`.
    pub fn scan(root: &Path) -> Result<Corpus, CorpusError> {
        let mut corpus = Corpus::empty(root);
        for found in Walk::open(root)? {
            match found {
                Found::Entry(e) => corpus.entries.push(e),
                Found::Skipped(path, why) => corpus.skipped.push((path, why)),
            }
        }
        Ok(corpus)
    }

    /// A corpus at `root` with nothing found yet (a library filled by a background walk).
    pub fn empty(root: &Path) -> Corpus {
        Corpus {
            root: root.to_path_buf(),
            entries: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// Every annotator with a sidecar somewhere in the corpus, `gold` included.
    pub fn annotators(&self) -> Vec<Annotator> {
        let mut all: Vec<Annotator> = self
            .entries
            .iter()
            .flat_map(|e| e.annotators.iter().cloned())
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// Entries by id, for lookups from exports and imports.
    pub fn by_id(&self) -> BTreeMap<&str, &Entry> {
        self.entries.iter().map(|e| (e.id.as_str(), e)).collect()
    }
}

/// One thing the walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Entry(Entry),
    /// A folder or link that could not be walked, with the reason.
    Skipped(PathBuf, String),
}

/// A walk of a corpus folder, one [`Found`] at a time in corpus order, so a caller can show
/// or stop it part way. [`Corpus::scan`] is this walk collected.
#[derive(Debug)]
pub struct Walk {
    /// The root listing, read on the first step (opening is cheap, reading may not be).
    first: Option<(fs::ReadDir, PathBuf)>,
    /// Folders being walked, innermost last.
    stack: Vec<Level>,
    /// Non-hidden names listed so far, folders included (a measure of progress).
    pub listed: usize,
    /// Names left out of the last listing, to report before going on.
    clashes: Vec<Found>,
}

/// A folder being walked: its children left to visit, in order.
#[derive(Debug)]
struct Level {
    /// Its path, which its children's paths extend (made only for those used).
    dir: PathBuf,
    /// Id prefix of its children: empty at the root, else `sub/dir/`.
    prefix: String,
    /// Its file names (not folders), sorted, to find sidecars.
    names: Vec<String>,
    children: std::vec::IntoIter<Child>,
}

#[derive(Debug)]
struct Child {
    /// The name as ids spell it ([`name_id`]).
    name: String,
    /// The name on disk.
    raw: std::ffi::OsString,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dir,
    /// A regular file: its listing says so, no stat needed.
    File,
    /// A link or something else: stat to know what it is.
    Other,
}

impl Walk {
    /// Checks that `root` is a folder that can be listed; reads nothing else yet.
    pub fn open(root: &Path) -> Result<Walk, CorpusError> {
        let io = |error| CorpusError::Io {
            path: root.to_path_buf(),
            error,
        };
        let meta = fs::metadata(root).map_err(io)?;
        if !meta.is_dir() {
            return Err(CorpusError::NotADir(root.to_path_buf()));
        }
        let rd = fs::read_dir(root).map_err(io)?;
        Ok(Walk {
            first: Some((rd, root.to_path_buf())),
            stack: Vec::new(),
            listed: 0,
            clashes: Vec::new(),
        })
    }

    /// Lists a folder: hidden names skipped, children sorted so that ids come out sorted
    /// (a folder sorts as its name followed by `/`, where all its ids start).
    fn list(&mut self, rd: fs::ReadDir, dir: PathBuf, prefix: String) -> Level {
        let mut children = Vec::new();
        for ent in rd.flatten() {
            let raw = ent.file_name();
            let name = name_id(&raw);
            if name.starts_with('.') {
                continue;
            }
            let Ok(ft) = ent.file_type() else { continue };
            let kind = if ft.is_dir() {
                Kind::Dir
            } else if ft.is_file() {
                Kind::File
            } else {
                Kind::Other
            };
            children.push(Child { name, raw, kind });
        }
        self.listed += children.len();
        // Names on disk in one folder are distinct; their ids are too but for a name that is
        // not UTF-8 spelled like one that is (`a\xff.txt` beside `a\\xff.txt`), left out.
        children.sort_unstable_by(|a, b| order(a, b).then_with(|| a.raw.cmp(&b.raw)));
        let mut kept: Vec<Child> = Vec::with_capacity(children.len());
        for c in children {
            match kept.last_mut() {
                Some(k) if k.name == c.name && k.kind == c.kind => {
                    // The UTF-8 name keeps its id, the other is reported.
                    let other = if k.raw.to_str().is_none() {
                        std::mem::replace(k, c)
                    } else {
                        c
                    };
                    let why = format!(
                        "its name is not UTF-8 and would take the id `{}` of another file: rename it",
                        other.name
                    );
                    self.clashes.push(Found::Skipped(dir.join(&other.raw), why));
                }
                _ => kept.push(c),
            }
        }
        let children = kept;
        // Files sort by their bare names, so these come out sorted.
        let names: Vec<String> = children
            .iter()
            .filter(|c| c.kind != Kind::Dir)
            .map(|c| c.name.clone())
            .collect();
        debug_assert!(names.is_sorted());
        Level {
            dir,
            prefix,
            names,
            children: children.into_iter(),
        }
    }
}

/// Children in the order of their names followed by `/` for folders: names compared as
/// bytes, the slash only looked at when one name starts the other.
fn order(a: &Child, b: &Child) -> std::cmp::Ordering {
    let (x, y) = (a.name.as_bytes(), b.name.as_bytes());
    let n = x.len().min(y.len());
    x[..n]
        .cmp(&y[..n])
        .then_with(|| sort_key(a).cmp(sort_key(b)))
}

/// The name bytes followed by `/` for folders, as an iterator compared lexicographically.
fn sort_key(c: &Child) -> impl Iterator<Item = u8> + '_ {
    let slash = (c.kind == Kind::Dir).then_some(b'/');
    c.name.bytes().chain(slash)
}

impl Iterator for Walk {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        if let Some((rd, dir)) = self.first.take() {
            let root = self.list(rd, dir, String::new());
            self.stack.push(root);
        }
        loop {
            if let Some(clash) = self.clashes.pop() {
                return Some(clash);
            }
            let level = self.stack.last_mut()?;
            let Some(child) = level.children.next() else {
                self.stack.pop();
                continue;
            };
            if child.kind != Kind::Dir
                && (!is_article_name(&child.name)
                    || (level.prefix.is_empty() && child.name == GUIDELINES_FILE))
            {
                continue;
            }
            let id = format!("{}{}", level.prefix, child.name);
            let path = level.dir.join(&child.raw);
            if child.kind == Kind::Dir {
                match fs::read_dir(&path) {
                    Ok(rd) => {
                        let sub = self.list(rd, path, format!("{id}/"));
                        self.stack.push(sub);
                        continue;
                    }
                    Err(e) => return Some(Found::Skipped(path, e.to_string())),
                }
            }
            if child.kind == Kind::Other {
                match fs::metadata(&path) {
                    Ok(m) if m.is_file() => {}
                    Ok(m) => return Some(Found::Skipped(path, not_a_file(&m).to_string())),
                    Err(e) => {
                        let why = format!("broken link or unreadable: {e}");
                        return Some(Found::Skipped(path, why));
                    }
                }
            }
            let annotators = sidecars_in(&level.names, &child.name);
            let cuts = has_cuts(&level.names, &child.name);
            return Some(Found::Entry(Entry {
                id,
                path,
                annotators,
                cuts,
            }));
        }
    }
}

/// A file name as ids spell it: the name itself when it is UTF-8, else each byte that is
/// not written `\xNN` (`caf\xe9.txt`), so two names that differ in such a byte keep
/// different ids (a lossy `caf�.txt` would give both the same one).
pub fn name_id(raw: &std::ffi::OsStr) -> String {
    if let Some(s) = raw.to_str() {
        return s.to_string();
    }
    let mut out = String::new();
    for chunk in raw.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// Why an article name that is not a regular file is left out.
pub(crate) fn not_a_file(m: &fs::Metadata) -> &'static str {
    if m.is_dir() {
        "a link to a folder is not followed"
    } else {
        "not a regular file (a pipe, socket or device)"
    }
}

/// `.txt` and `.md` files are articles.
pub fn is_article_name(name: &str) -> bool {
    let b = name.as_bytes();
    let ends =
        |ext: &[u8]| b.len() >= ext.len() && b[b.len() - ext.len()..].eq_ignore_ascii_case(ext);
    ends(b".txt") || ends(b".md")
}

/// The sidecar path of `article` for `annotator`.
pub fn sidecar_path(article: &Path, annotator: &Annotator) -> PathBuf {
    let mut name = article
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".{}.ron", annotator.as_str()));
    article.with_file_name(name)
}

/// True when `article`'s corrections file is among `names` (one folder's file names,
/// sorted).
pub fn has_cuts(names: &[String], article: &str) -> bool {
    let name = format!("{article}.{}.ron", crate::model::cuts::NAME);
    names.binary_search(&name).is_ok()
}

/// Annotators whose sidecar for `article` is among `names` (one folder's file names, sorted).
/// A name that belongs to a longer article name in the same folder (`a.txt.b.txt.x.ron`
/// belongs to `a.txt.b.txt`) is not counted for the shorter one.
pub fn sidecars_in(names: &[String], article: &str) -> Vec<Annotator> {
    let prefix = format!("{article}.");
    let start = names.partition_point(|n| n.as_str() < prefix.as_str());
    let mut out = Vec::new();
    for n in &names[start..] {
        let Some(rest) = n.strip_prefix(&prefix) else {
            break;
        };
        let Some(who) = rest.strip_suffix(".ron") else {
            continue;
        };
        if atomic::is_temp_name(n) {
            continue;
        }
        // Looked up by name, so a folder of many files costs no more per sidecar.
        let owned_by_longer = n.match_indices('.').any(|(p, _)| {
            let other = &n[..p];
            p > article.len()
                && is_article_name(other)
                && names.binary_search_by(|x| x.as_str().cmp(other)).is_ok()
        });
        if owned_by_longer {
            continue;
        }
        if let Ok(a) = Annotator::existing(who) {
            out.push(a);
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests;
