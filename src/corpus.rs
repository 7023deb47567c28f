//! A corpus is a folder of articles (`.txt`, `.md`), searched recursively. Sidecars sit
//! beside their article as `<file name>.<annotator>.ron`.

use crate::annotator::Annotator;
use crate::atomic;
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The guidelines file at the corpus root: shown by the reader, not an article.
pub const GUIDELINES_FILE: &str = "GUIDELINES.md";

/// An article file found in the corpus (not yet read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Path relative to the corpus root, `/`-separated.
    pub id: String,
    pub path: PathBuf,
    pub size: u64,
    pub mtime: Option<SystemTime>,
    /// Annotators with a sidecar for this article, sorted (`gold` included).
    pub annotators: Vec<Annotator>,
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
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{0}: not a folder (glose opens a folder of .txt and .md articles)")]
    NotADir(PathBuf),
}

impl Corpus {
    /// Walks `root` recursively. Hidden files and folders are skipped; linked folders are not
    /// followed (no loops); unreadable folders are recorded in `skipped`.
    pub fn scan(root: &Path) -> Result<Corpus, CorpusError> {
        let meta = fs::metadata(root).map_err(|source| CorpusError::Io {
            path: root.to_path_buf(),
            source,
        })?;
        if !meta.is_dir() {
            return Err(CorpusError::NotADir(root.to_path_buf()));
        }
        let mut corpus = Corpus {
            root: root.to_path_buf(),
            entries: Vec::new(),
            skipped: Vec::new(),
        };
        corpus.walk(root, "")?;
        corpus.entries.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(corpus)
    }

    fn walk(&mut self, dir: &Path, prefix: &str) -> Result<(), CorpusError> {
        let rd = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(source) if prefix.is_empty() => {
                return Err(CorpusError::Io {
                    path: dir.to_path_buf(),
                    source,
                });
            }
            Err(e) => {
                self.skipped.push((dir.to_path_buf(), e.to_string()));
                return Ok(());
            }
        };
        let mut files: Vec<(String, PathBuf, fs::Metadata)> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let mut subdirs = Vec::new();
        for ent in rd.flatten() {
            let name = ent.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = ent.path();
            let Ok(ft) = ent.file_type() else { continue };
            if ft.is_dir() {
                subdirs.push((name, path));
                continue;
            }
            names.push(name.clone());
            if !is_article_name(&name) || (prefix.is_empty() && name == GUIDELINES_FILE) {
                continue;
            }
            match fs::metadata(&path) {
                Ok(m) if m.is_file() => files.push((name, path, m)),
                Ok(_) => self
                    .skipped
                    .push((path, "a link to a folder is not followed".into())),
                Err(e) => self
                    .skipped
                    .push((path, format!("broken link or unreadable: {e}"))),
            }
        }
        names.sort();
        for (name, path, m) in files {
            let annotators = sidecars_in(&names, &name);
            self.entries.push(Entry {
                id: format!("{prefix}{name}"),
                path,
                size: m.len(),
                mtime: m.modified().ok(),
                annotators,
            });
        }
        for (name, path) in subdirs {
            self.walk(&path, &format!("{prefix}{name}/"))?;
        }
        Ok(())
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

/// `.txt` and `.md` files are articles.
pub fn is_article_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".txt") || lower.ends_with(".md")
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
        let owned_by_longer = names.iter().any(|other| {
            other.len() > article.len()
                && n.len() > other.len()
                && n.starts_with(other.as_str())
                && n.as_bytes()[other.len()] == b'.'
                && is_article_name(other)
        });
        if owned_by_longer {
            continue;
        }
        if let Ok(a) = Annotator::new(who) {
            out.push(a);
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(p: &Path, s: &str) {
        if let Some(d) = p.parent() {
            fs::create_dir_all(d).unwrap();
        }
        fs::write(p, s).unwrap();
    }

    #[test]
    fn finds_articles_recursively_and_their_sidecars() {
        let dir = tempfile::tempdir().unwrap();
        let r = dir.path();
        touch(&r.join("b.txt"), "B");
        touch(&r.join("a.md"), "A");
        touch(&r.join("sub/c.TXT"), "C");
        touch(&r.join("sub/c.TXT.alice.ron"), "()");
        touch(&r.join("sub/c.TXT.gold.ron"), "()");
        touch(&r.join("notes.pdf"), "x");
        touch(&r.join(".git/x.txt"), "hidden");
        touch(&r.join(".hidden.txt"), "hidden");
        touch(&r.join("GUIDELINES.md"), "guide");
        let c = Corpus::scan(r).unwrap();
        let ids: Vec<_> = c.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a.md", "b.txt", "sub/c.TXT"]);
        let names: Vec<_> = c.entries[2].annotators.iter().map(|a| a.as_str()).collect();
        assert_eq!(names, ["alice", "gold"]);
        assert_eq!(c.annotators().len(), 2);
    }

    #[test]
    fn sidecar_names_do_not_leak_between_similar_articles() {
        let names: Vec<String> = [
            "a.txt",
            "a.txt.b.txt",
            "a.txt.b.txt.bob.ron",
            "a.txt.al.ice.ron",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut sorted = names.clone();
        sorted.sort();
        let a: Vec<_> = sidecars_in(&sorted, "a.txt")
            .iter()
            .map(|a| a.to_string())
            .collect();
        assert_eq!(a, ["al.ice"]);
        let b: Vec<_> = sidecars_in(&sorted, "a.txt.b.txt")
            .iter()
            .map(|a| a.to_string())
            .collect();
        assert_eq!(b, ["bob"]);
    }

    #[test]
    fn a_file_is_not_a_corpus() {
        let dir = tempfile::tempdir().unwrap();
        touch(&dir.path().join("x.txt"), "x");
        let err = Corpus::scan(&dir.path().join("x.txt")).unwrap_err();
        assert!(err.to_string().contains("not a folder"));
        assert!(Corpus::scan(&dir.path().join("missing")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn link_loops_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        touch(&dir.path().join("sub/a.txt"), "A");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
        std::os::unix::fs::symlink("/nonexistent/zzz.txt", dir.path().join("dangling.txt"))
            .unwrap();
        let c = Corpus::scan(dir.path()).unwrap();
        assert_eq!(c.entries.len(), 1);
        assert_eq!(c.skipped.len(), 1);
    }
}
