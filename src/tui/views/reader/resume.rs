//! Where the annotator stopped: the article and sentence shown when glose quit, kept per
//! annotator and corpus in the cache folder (never in the corpus, which is shared), and
//! reopened on the next start once the library lists that article.

use crate::store::atomic;
use crate::tui::action::View;
use crate::tui::app::App;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Resume files are a few dozen bytes; a bigger one is not ours and is ignored.
const MAX_BYTES: u64 = 4096;

/// What is kept between sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The article's id (its path in the corpus).
    pub article: String,
    /// The cursor sentence, 0-based.
    pub sentence: usize,
}

/// The resume file of `who` on the corpus at `root`: `resume/<corpus hash>/<who>.ron`
/// under `cache`, so two corpora never share one.
pub fn file(cache: &Path, root: &Path, who: &str) -> PathBuf {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let digest = Sha256::digest(root.to_string_lossy().as_bytes());
    let key: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    cache.join("resume").join(key).join(format!("{who}.ron"))
}

/// The place kept in `path`, if there is a readable one. A missing or damaged file only
/// means glose starts in the library, as it would the first time.
pub fn read(path: &Path) -> Option<Place> {
    let bytes = crate::store::whole_file::read_path_meta(path, MAX_BYTES)
        .ok()?
        .0;
    ron::from_str(std::str::from_utf8(&bytes).ok()?).ok()
}

/// Writes `place` to `path` atomically, creating its folder.
pub fn write(path: &Path, place: &Place) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = ron::to_string(place).map_err(std::io::Error::other)?;
    atomic::write(path, text.as_bytes())
}

impl App {
    /// Keeps the article and sentence shown for the next start (quietly: losing the place
    /// costs one jump, so a cache that cannot be written is not worth a message on quit).
    pub fn save_place(&self) {
        let (Some(path), Some(a)) = (&self.reader.resume_file, self.article()) else {
            return;
        };
        let place = Place {
            article: a.doc.id.clone(),
            sentence: a.cursor,
        };
        let _ = write(path, &place);
    }

    /// Reopens the kept place once the library lists its article, if the user is still on
    /// the first screen (a key pressed meanwhile wins).
    pub(crate) fn try_resume(&mut self) {
        if self.view != View::Library || self.reader.current.is_some() {
            if self.reader.current.is_some() {
                self.reader.resume = None;
            }
            return;
        }
        let Some(place) = &self.reader.resume else {
            return;
        };
        let Some(e) = self
            .library
            .entries
            .iter()
            .position(|x| x.id == place.article)
        else {
            return;
        };
        let sentence = place.sentence;
        self.reader.resume = None;
        if self.open_entry(e)
            && let Some(a) = self.article_mut()
        {
            a.cursor = sentence.min(a.len().saturating_sub(1));
            let n = a.len();
            let at = a.cursor + 1;
            self.say(format!("Resumed where you stopped: sentence {at}/{n}."));
            self.settle_reader(true);
        }
    }

    /// Sets where places are kept (the cache folder) and reads the last one of this
    /// annotator on this corpus.
    pub fn resume_from(&mut self, cache: Option<&Path>) {
        let Some(cache) = cache else { return };
        let path = file(cache, &self.root, self.annotator.as_str());
        self.reader.resume = read(&path);
        self.reader.resume_file = Some(path);
        self.try_resume();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_round_trips_and_damaged_files_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let a = file(dir.path(), Path::new("corpus-a"), "alice");
        let b = file(dir.path(), Path::new("corpus-b"), "alice");
        assert_ne!(a, b, "each corpus has its own place");
        assert_ne!(a, file(dir.path(), Path::new("corpus-a"), "bob"));
        assert_eq!(read(&a), None);
        let p = Place {
            article: "x/000.txt".into(),
            sentence: 4,
        };
        write(&a, &p).unwrap();
        assert_eq!(read(&a), Some(p));
        std::fs::write(&a, "not ron").unwrap();
        assert_eq!(read(&a), None);
        std::fs::write(&a, vec![b' '; 5000]).unwrap();
        assert_eq!(read(&a), None);
    }
}
