//! One article loaded for reading: its bytes as text, its title and its sentences. Offsets
//! everywhere refer to the file's bytes as stored (a BOM included).

use crate::model::cuts;
use crate::nlp::segment::{self, Sentence};
use sha2::{Digest, Sha256};
use std::fmt;
use std::path::{Path, PathBuf};

/// Most words in a heading.
pub const HEADING_WORDS: usize = 20;

/// Files larger than this are listed but not opened.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file cannot be annotated. Shown in listings next to the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Empty,
    TooLarge {
        size: u64,
    },
    Binary,
    NotUtf8 {
        offset: usize,
    },
    Io(String),
    /// The article's segmentation corrections file cannot be used.
    Cuts(String),
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::Empty => write!(f, "empty file"),
            Unreadable::TooLarge { size } => write!(
                f,
                "too large ({} MiB; the limit is {} MiB)",
                size / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
            Unreadable::Binary => write!(f, "binary file (it holds NUL bytes)"),
            Unreadable::NotUtf8 { offset } => write!(
                f,
                "not valid UTF-8 (first bad byte at offset {offset}); convert it, e.g. `iconv -f latin1 -t utf-8`"
            ),
            Unreadable::Io(e) => write!(f, "cannot read: {e}"),
            Unreadable::Cuts(e) => write!(f, "segmentation corrections: {e}"),
        }
    }
}

/// An article that cannot be read, with its path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {why}", path.display())]
pub struct ArticleError {
    pub path: PathBuf,
    pub why: Unreadable,
}

/// An article's text with its sentences, ready to read and label.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to the corpus root, `/`-separated.
    pub id: String,
    pub path: PathBuf,
    /// The whole file, BOM included, so offsets are file offsets.
    pub raw: String,
    /// Where the text starts (3 after a UTF-8 BOM, else 0).
    pub body_start: usize,
    pub title: String,
    pub sentences: Vec<Sentence>,
    /// `sha256:` of the file's bytes; sidecars keep it to notice edits.
    pub fingerprint: String,
}

impl Document {
    /// Reads and segments a file. Never panics on odd content: an unusable file gives the
    /// reason instead.
    pub fn load(path: &Path, id: &str) -> Result<Document, Unreadable> {
        let bytes = read(path)?;
        Document::from_bytes(bytes, path, id)
    }

    /// Like [`Document::load`] with the fingerprint left empty: for read-only summaries
    /// (library index, agreement), where hashing every article of a corpus costs about as
    /// much as segmenting it. Saving labels on such a document hashes it then.
    pub fn load_unhashed(path: &Path, id: &str) -> Result<Document, Unreadable> {
        let bytes = read(path)?;
        Document::build(bytes, path, id, false)
    }

    /// [`Document::load_unhashed`], with the `fstat` of the file it read.
    pub fn load_unhashed_meta(
        path: &Path,
        id: &str,
    ) -> Result<(Document, std::fs::Metadata), Unreadable> {
        let (bytes, meta) = read_meta(path)?;
        Ok((Document::build(bytes, path, id, false)?, meta))
    }

    /// Builds a document from bytes already read (tests, stdin).
    pub fn from_bytes(bytes: Vec<u8>, path: &Path, id: &str) -> Result<Document, Unreadable> {
        Document::build(bytes, path, id, true)
    }

    fn build(bytes: Vec<u8>, path: &Path, id: &str, hash: bool) -> Result<Document, Unreadable> {
        let raw = decode(bytes)?;
        let fingerprint = if hash {
            fingerprint(raw.as_bytes())
        } else {
            String::new()
        };
        let body_start = if raw.starts_with('\u{feff}') { 3 } else { 0 };
        let sentences = units_of(&raw, body_start, path)?;
        let title = title_of(&raw[body_start..], path);
        Ok(Document {
            id: id.to_string(),
            path: path.to_path_buf(),
            raw,
            body_start,
            title,
            sentences,
            fingerprint,
        })
    }

    /// The text of sentence `i`, exactly as in the file.
    pub fn sentence_text(&self, i: usize) -> &str {
        let s = &self.sentences[i];
        &self.raw[s.start..s.end]
    }

    /// Whether unit `i` opens a paragraph: the first unit, or one after a blank line or a
    /// line break that ended the unit before it (a hard wrap mid-sentence does not).
    pub fn starts_paragraph(&self, i: usize) -> bool {
        i == 0 || self.sentences[i].paragraph != self.sentences[i - 1].paragraph
    }

    /// Whether unit `i` is a heading: a Markdown `#` line, or a whole line of at most
    /// [`HEADING_WORDS`] words without final punctuation (the shape the segmenter keeps
    /// as a unit of its own and the suggester calls a heading).
    pub fn is_heading(&self, i: usize) -> bool {
        let s = self.sentences[i];
        let text = &self.raw[s.start..s.end];
        if text.starts_with('#') && text.trim_start_matches('#').starts_with(' ') {
            return true;
        }
        let line_start = self.raw[..s.start].trim_end_matches([' ', '\t']);
        let after = self.raw[s.end..].trim_start_matches([' ', '\t', '\r']);
        let whole_line = (line_start.len() == self.body_start || line_start.ends_with('\n'))
            && (after.is_empty() || after.starts_with('\n'));
        let core = text.trim_end_matches(['»', '”', '"', '*', '_', ' ']);
        let terminal = core.ends_with(['.', '!', '?', '…', ';', ':', ',']);
        // Counted no further than needed: a unit can be megabytes of words.
        whole_line && !terminal && text.split_whitespace().nth(HEADING_WORDS).is_none()
    }

    /// Index of the sentence with exactly this span.
    pub fn sentence_at(&self, start: usize, end: usize) -> Option<usize> {
        self.sentences
            .binary_search_by_key(&start, |s| s.start)
            .ok()
            .filter(|&i| self.sentences[i].end == end)
    }
}

/// An article's bytes, refused unread when over [`MAX_BYTES`].
fn read(path: &Path) -> Result<Vec<u8>, Unreadable> {
    read_meta(path).map(|(bytes, _)| bytes)
}

fn read_meta(path: &Path) -> Result<(Vec<u8>, std::fs::Metadata), Unreadable> {
    use crate::store::whole_file::ReadError;
    crate::store::whole_file::read_path_meta(path, MAX_BYTES).map_err(|e| match e {
        ReadError::TooLarge { size, .. } => Unreadable::TooLarge { size },
        e => Unreadable::Io(e.to_string()),
    })
}

/// Checks the bytes are usable text: not empty, not binary, valid UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, Unreadable> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Unreadable::Empty);
    }
    if bytes.contains(&0) {
        return Err(Unreadable::Binary);
    }
    utf8_string(bytes).map_err(|e| Unreadable::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// `String::from_utf8` with a SIMD check first: validation was the largest single cost of
/// reading a corpus of French text (every accented letter leaves std's ASCII fast path).
/// Errors come from std, so they carry the offset of the first bad byte.
pub fn utf8_string(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just checked that `bytes` is valid UTF-8, which is the one
        // requirement of `from_utf8_unchecked`.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    }
}

/// The units of an article: [`segment_at`] with the corrections stored beside `path`
/// applied ([`crate::model::cuts`]). Every reader of a corpus gets its units here.
pub fn units_of(raw: &str, from: usize, path: &Path) -> Result<Vec<Sentence>, Unreadable> {
    let units = segment_at(raw, from);
    match cuts::read(path) {
        Ok(None) => Ok(units),
        Ok(Some(c)) => Ok(cuts::apply(raw, units, &c).0),
        Err(e) => Err(Unreadable::Cuts(e.to_string())),
    }
}

/// Segments `raw[from..]` and returns spans in `raw` offsets.
pub fn segment_at(raw: &str, from: usize) -> Vec<Sentence> {
    let mut s = segment::segment(&raw[from..]);
    if from > 0 {
        for x in &mut s {
            x.start += from;
            x.end += from;
        }
    }
    s
}

/// `sha256:<hex>` of the bytes.
pub fn fingerprint(bytes: &[u8]) -> String {
    format!("sha256:{:x}", Sha256::digest(bytes))
}

/// The article's title (see [`crate::model::title`]); else the file name.
pub fn title_of(text: &str, path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::model::title::title_of(text, &name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(bytes: &[u8]) -> Result<Document, Unreadable> {
        Document::from_bytes(bytes.to_vec(), Path::new("a.txt"), "a.txt")
    }

    #[test]
    fn bom_and_crlf_keep_file_offsets() {
        let d = doc("\u{feff}Titre\r\n\r\nUne phrase. Deux phrases.\r\n".as_bytes()).unwrap();
        assert_eq!(d.body_start, 3);
        assert_eq!(d.title, "Titre");
        for s in &d.sentences {
            assert!(!d.raw[s.start..s.end].contains('\r'));
        }
        assert_eq!(d.sentence_text(0), "Titre");
        assert_eq!(d.sentences[0].start, 3);
    }

    #[test]
    fn paragraphs_follow_line_breaks_after_a_unit_and_headings_are_short_lines() {
        let d = doc("# Titre\nUn. Deux.\nTrois sur\ndeux lignes.\n- a,\n- b,\nLe front se déplace\nQuatre.\n".as_bytes())
            .unwrap();
        let n = d.sentences.len();
        assert_eq!(
            (0..n).map(|i| d.sentence_text(i)).collect::<Vec<_>>(),
            [
                "# Titre",
                "Un.",
                "Deux.",
                "Trois sur\ndeux lignes.",
                "- a,",
                "- b,",
                "Le front se déplace",
                "Quatre."
            ]
        );
        let starts: Vec<bool> = (0..n).map(|i| d.starts_paragraph(i)).collect();
        assert_eq!(starts, [true, true, false, true, true, false, true, true]);
        let heads: Vec<bool> = (0..n).map(|i| d.is_heading(i)).collect();
        assert_eq!(
            heads,
            [true, false, false, false, false, false, true, false]
        );
    }

    #[test]
    fn unusable_files_say_why() {
        assert_eq!(doc(b"").unwrap_err(), Unreadable::Empty);
        assert_eq!(doc(b" \n\n ").unwrap_err(), Unreadable::Empty);
        assert_eq!(doc(b"ab\0cd").unwrap_err(), Unreadable::Binary);
        assert_eq!(
            doc(b"caf\xe9 au lait").unwrap_err(),
            Unreadable::NotUtf8 { offset: 3 }
        );
        assert!(
            Unreadable::NotUtf8 { offset: 3 }
                .to_string()
                .contains("UTF-8")
        );
    }

    #[test]
    fn title_collapses_whitespace_and_hides_controls() {
        let d = doc("\n\n  Le   titre\t\u{1b}[2J ici \nCorps.".as_bytes()).unwrap();
        assert_eq!(d.title, "Le titre ␛[2J ici");
        assert_eq!(title_of("   \n", Path::new("dir/x.txt")), "x.txt");
    }

    #[test]
    fn fingerprint_changes_with_content() {
        assert_ne!(fingerprint(b"a"), fingerprint(b"b"));
        assert_eq!(
            fingerprint(b"a"),
            "sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
        );
    }
}
