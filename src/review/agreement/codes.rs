//! One article's aligned labels reduced to what the figures need (a label code per unit
//! and annotator, unmatched labels, label times), and a cache of them on disk so that a
//! corpus whose sidecars did not change is not parsed and aligned again.

use super::NONE;
use crate::model::align::Aligned;
use crate::model::annotations::Exact;
use crate::model::annotator::Annotator;
use crate::model::corpus::{Entry, sidecar_path};
use crate::model::document::Document;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

/// An article's labels as codes ([`crate::Label::index`], or [`NONE`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ArticleCodes {
    pub id: String,
    /// Column order.
    pub annotators: Vec<String>,
    pub units: usize,
    /// `codes[unit * annotators.len() + column]`.
    pub codes: Vec<u8>,
    /// Per column: codes of the labels that matched no unit.
    pub unmatched: Vec<Vec<u8>>,
    /// Per column: when each label was saved, milliseconds since 1970; `i64::MIN` when
    /// the time could not be read.
    #[serde(with = "delta")]
    pub times: Vec<Vec<i64>>,
}

impl ArticleCodes {
    pub fn of(a: &Aligned) -> ArticleCodes {
        let cols = a.annotators.len();
        let mut codes = Vec::with_capacity(a.units.len() * cols);
        for row in &a.cells {
            codes.extend(
                row.iter()
                    .map(|r| r.as_ref().map_or(NONE, |r| r.label.index() as u8)),
            );
        }
        let times = (0..cols)
            .map(|c| {
                let on_units = a.cells.iter().filter_map(|row| row[c].as_ref());
                on_units
                    .chain(&a.unmatched[c])
                    .map(|r| crate::model::timestamp::millis(&r.at))
                    .collect()
            })
            .collect();
        ArticleCodes {
            id: a.doc.id.clone(),
            annotators: a.annotators.iter().map(|x| x.to_string()).collect(),
            units: a.units.len(),
            codes,
            unmatched: a
                .unmatched
                .iter()
                .map(|v| v.iter().map(|r| r.label.index() as u8).collect())
                .collect(),
            times,
        }
    }

    /// The codes of `doc` straight from the sidecars of `annotators` when every one is in
    /// glose's own layout and its labels all sit exactly on sentences
    /// ([`crate::model::annotations::Exact`]): the alignment then has no extra unit and
    /// nothing unmatched, so this is [`ArticleCodes::of`] it, without building a record
    /// per label. `None` when the alignment is needed (or a sidecar has an error to report).
    pub fn exact(doc: &Document, annotators: &[Annotator]) -> Option<ArticleCodes> {
        ArticleCodes::exact_meta(doc, annotators, &mut Vec::new())
    }

    /// [`ArticleCodes::exact`], putting in `metas` the `fstat` of each sidecar it read, in
    /// the order of `annotators` (`None` where there is none): with the article's, what
    /// [`key_from`] makes the cache key of, without looking the paths up again.
    pub fn exact_meta(
        doc: &Document,
        annotators: &[Annotator],
        metas: &mut Vec<Option<std::fs::Metadata>>,
    ) -> Option<ArticleCodes> {
        let cols = annotators.len();
        let n = doc.sentences.len();
        let mut codes = vec![NONE; n * cols];
        let mut times = Vec::with_capacity(cols);
        let exact = Exact::new(doc);
        // Labels saved together share their time: parse each distinct one once.
        let mut last = (String::new(), i64::MIN);
        for (c, who) in annotators.iter().enumerate() {
            let mut t: Vec<(usize, i64)> = Vec::new();
            // No sidecar: an empty column, as the alignment has it.
            let mut meta = None;
            exact.read_meta(
                who,
                |i, label, at| {
                    codes[i * cols + c] = label.index() as u8;
                    if last.0 != at {
                        last = (at.to_string(), crate::model::timestamp::millis(at));
                    }
                    t.push((i, last.1));
                },
                &mut meta,
            )?;
            metas.push(meta);
            // In sentence order, as the alignment gives them (orphans come last in a file).
            if !t.is_sorted_by_key(|x| x.0) {
                t.sort_unstable_by_key(|x| x.0);
            }
            // Not collected in place: that would keep `t`'s allocation, twice the size.
            let mut column = Vec::with_capacity(t.len());
            column.extend(t.iter().map(|x| x.1));
            times.push(column);
        }
        Some(ArticleCodes {
            id: doc.id.clone(),
            annotators: annotators.iter().map(|x| x.to_string()).collect(),
            units: n,
            codes,
            unmatched: vec![Vec::new(); cols],
            times,
        })
    }

    /// Column of an annotator.
    pub fn column(&self, who: &str) -> Option<usize> {
        self.annotators.iter().position(|a| a == who)
    }

    /// Code of unit `u` by column `c`.
    pub fn code(&self, u: usize, c: usize) -> u8 {
        self.codes[u * self.annotators.len() + c]
    }
}

/// The file starts with this, then holds `(key, codes)` pairs in postcard.
const MAGIC: &[u8] = b"glose-agree-cache/5\n";

/// What the cached codes were computed from: glose and segmenter versions, and size,
/// mtime, inode and ctime of the article and of each sidecar. Any change and the entry is
/// recomputed.
fn key(entry: &Entry) -> Option<String> {
    let article = std::fs::metadata(&entry.path).ok()?;
    key_from(entry, &article, &sidecar_metas(entry))
}

/// The metadata of each sidecar of `entry`, looked up by path, in the order of its
/// annotators.
pub fn sidecar_metas(entry: &Entry) -> Vec<Option<std::fs::Metadata>> {
    entry
        .annotators
        .iter()
        .map(|who| std::fs::metadata(sidecar_path(&entry.path, who)).ok())
        .collect()
}

/// [`key_of`] from the `fstat` of the files as they were read, one per annotator of
/// `entry` in its order: on a cold cache, the key of codes just computed costs no
/// look-up of six paths per article (a tenth of `glose agree` went to `statx`).
pub fn key_from(
    entry: &Entry,
    article: &std::fs::Metadata,
    sidecars: &[Option<std::fs::Metadata>],
) -> Option<String> {
    if sidecars.len() != entry.annotators.len() {
        return None;
    }
    let mut k = format!(
        "{} {}\n{}\n",
        env!("CARGO_PKG_VERSION"),
        crate::nlp::segment::VERSION,
        stamp(article)?
    );
    for (who, m) in entry.annotators.iter().zip(sidecars) {
        k.push_str(&format!("{who} {}\n", stamp(m.as_ref()?)?));
    }
    if entry.cuts {
        // The units depend on the corrections file too.
        let m = std::fs::metadata(crate::model::cuts::path_of(&entry.path)).ok()?;
        k.push_str(&format!("{} {}\n", crate::model::cuts::NAME, stamp(&m)?));
    }
    Some(k)
}

fn stamp(m: &std::fs::Metadata) -> Option<String> {
    let t = m
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    // The change time too: a tool can put the mtime back after an edit of the same size,
    // but setting it moves the ctime, which no call sets back.
    #[cfg(unix)]
    let (ino, ctime) = {
        use std::os::unix::fs::MetadataExt;
        (m.ino(), (m.ctime(), m.ctime_nsec()))
    };
    #[cfg(not(unix))]
    let (ino, ctime) = (0, (0, 0));
    Some(format!("{} {t} {ino} {}.{}", m.len(), ctime.0, ctime.1))
}

/// The codes of a corpus's articles, kept in one file per corpus (named by a hash of the
/// corpus's absolute path) and read once: a cache, so it is written without fsync, and a
/// missing, damaged or stale file only costs the time to align again.
#[derive(Debug)]
pub struct Cache {
    path: PathBuf,
    /// Article id → (key it was computed under, codes), as read from the file.
    old: HashMap<String, (String, ArticleCodes)>,
    /// Computed during this run.
    new: Mutex<Vec<(String, ArticleCodes)>>,
}

impl Cache {
    /// Reads the cache of the corpus at `root` from `dir`.
    pub fn open(dir: &Path, root: &Path) -> Cache {
        use sha2::{Digest, Sha256};
        let abs = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        let digest = Sha256::digest(abs.to_string_lossy().as_bytes());
        // The first 16 bytes of the digest name the file.
        let name = format!("{digest:x}");
        let path = dir.join(format!("agree-{}.bin", &name[..32]));
        // A cache: anything odd (a FIFO, a huge file) is ignored and rebuilt.
        let old = crate::store::whole_file::read_path_meta(&path, 1 << 30)
            .ok()
            .map(|(b, _)| b)
            .and_then(|b| read_all(&b))
            .unwrap_or_default();
        Cache {
            path,
            old,
            new: Mutex::new(Vec::new()),
        }
    }

    /// Whether the cache holds codes of `entry`, under whatever key.
    pub fn has(&self, entry: &Entry) -> bool {
        self.old.contains_key(&entry.id)
    }

    /// The cached codes of `entry` if they were computed under `key`.
    pub fn get(&self, entry: &Entry, key: &str) -> Option<&ArticleCodes> {
        let (k, codes) = self.old.get(&entry.id)?;
        (k == key).then_some(codes)
    }

    /// Records codes computed under `key`, written by [`Cache::save`].
    pub fn put(&self, key: String, codes: ArticleCodes) {
        if let Ok(mut v) = self.new.lock() {
            v.push((key, codes));
        }
    }

    /// Writes the cache for the articles of `entries`, if anything changed. Best effort.
    pub fn save(self, entries: &[Entry]) {
        let new = self.new.into_inner().unwrap_or_default();
        let gone = self.old.len() > entries.len();
        if new.is_empty() && !gone {
            return;
        }
        let mut by_id: HashMap<&str, (&str, &ArticleCodes)> = self
            .old
            .iter()
            .map(|(id, (k, c))| (id.as_str(), (k.as_str(), c)))
            .collect();
        for (k, c) in &new {
            by_id.insert(c.id.as_str(), (k.as_str(), c));
        }
        let kept: Vec<_> = entries
            .iter()
            .filter_map(|e| by_id.get(e.id.as_str()))
            .collect();
        // Sized once: growing a buffer of tens of megabytes copies it several times.
        let size = postcard::serialize_with_flavor(&kept, postcard::ser_flavors::Size::default());
        let Ok(size) = size else {
            return;
        };
        let mut out = Vec::with_capacity(MAGIC.len() + size);
        out.extend_from_slice(MAGIC);
        let Ok(out) = postcard::to_extend(&kept, out) else {
            return;
        };
        let Some(dir) = self.path.parent() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        // A cache: a failed write only costs the next run its speed-up.
        let _ = crate::store::atomic::write(&self.path, &out);
    }
}

/// What the cached codes of `entry` must have been computed under: glose and segmenter
/// versions, and size, mtime, inode and ctime of the article and of each sidecar.
pub fn key_of(entry: &Entry) -> Option<String> {
    key(entry)
}

fn read_all(bytes: &[u8]) -> Option<HashMap<String, (String, ArticleCodes)>> {
    let (pairs, rest): (Vec<(String, ArticleCodes)>, _) =
        postcard::take_from_bytes(bytes.strip_prefix(MAGIC)?).ok()?;
    if !rest.is_empty() || !pairs.iter().all(|(_, c)| c.consistent()) {
        return None;
    }
    Some(
        pairs
            .into_iter()
            .map(|(k, c)| (c.id.clone(), (k, c)))
            .collect(),
    )
}

impl ArticleCodes {
    /// Whether the sizes agree, as [`ArticleCodes::code`] needs (a damaged cache may not).
    fn consistent(&self) -> bool {
        let n = self.annotators.len();
        self.units.checked_mul(n) == Some(self.codes.len())
            && self.unmatched.len() == n
            && self.times.len() == n
    }
}

/// Label times as they are stored: each the difference from the one before, which
/// postcard writes zigzagged in seven-bit groups. Times of one sidecar are close together
/// (labels saved in one keystroke share theirs), so most take one to three bytes instead
/// of eight; the cache of a million-sentence corpus shrinks from 55 MB to under 20.
mod delta {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    struct Deltas<'a>(&'a [i64]);

    impl Serialize for Deltas<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut prev = 0i64;
            s.collect_seq(self.0.iter().map(|&x| {
                let d = x.wrapping_sub(prev);
                prev = x;
                d
            }))
        }
    }

    pub fn serialize<S: Serializer>(times: &[Vec<i64>], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(times.iter().map(|t| Deltas(t)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<i64>>, D::Error> {
        let mut columns = Vec::<Vec<i64>>::deserialize(d)?;
        for t in &mut columns {
            let mut prev = 0i64;
            for x in t.iter_mut() {
                prev = prev.wrapping_add(*x);
                *x = prev;
            }
        }
        Ok(columns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::label::Label;

    fn label(doc: &Document, who: &Annotator, labels: &[(usize, Label)]) {
        crate::model::annotations::label_by_hand(doc, who, labels);
    }

    /// Times go through the cache's delta encoding unchanged, unreadable ones (`i64::MIN`)
    /// and times out of order included; a cut or inconsistent file reads as nothing.
    #[test]
    fn cached_times_come_back_exactly() {
        let times = vec![
            vec![
                1_764_000_000_000,
                1_764_000_000_000,
                1_764_000_004_321,
                1_000,
            ],
            vec![i64::MIN, i64::MAX, 0, -1, i64::MIN, 1_764_000_000_000],
            vec![],
        ];
        let codes = ArticleCodes {
            id: "d/a.txt".into(),
            annotators: vec!["a".into(), "b".into(), "c".into()],
            units: 2,
            codes: vec![0, 1, NONE, 3, 2, 1],
            unmatched: vec![vec![], vec![2], vec![]],
            times,
        };
        let out = postcard::to_allocvec(&codes).unwrap();
        // Deltas of close times take a byte or two, not eight.
        let close = ArticleCodes {
            times: vec![vec![1_764_000_000_000; 100], vec![], vec![]],
            ..codes.clone()
        };
        let small = postcard::to_allocvec(&close).unwrap().len();
        assert!(small < 140, "{small} bytes");
        assert_eq!(
            postcard::from_bytes::<ArticleCodes>(&out),
            Ok(codes.clone())
        );
        // Cut anywhere, it reads as damage, never as other codes.
        let file = |b: &[u8]| [MAGIC, b].concat();
        let whole = postcard::to_allocvec(&vec![("k", &codes)]).unwrap();
        assert!(read_all(&file(&whole)).is_some());
        for cut in 0..whole.len() {
            assert_eq!(read_all(&file(&whole[..cut])), None, "cut at {cut}");
        }
        // Sizes that disagree are damage too.
        let bad = ArticleCodes {
            units: 3,
            ..codes.clone()
        };
        let whole = postcard::to_allocvec(&vec![("k", &bad)]).unwrap();
        assert_eq!(read_all(&file(&whole)), None);
    }

    /// `exact` answers only when it gives the codes of the full alignment.
    #[test]
    fn exact_codes_are_those_of_the_alignment_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Un. Deux. Trois. Quatre.\n").unwrap();
        let doc = Document::load(&p, "a.txt").unwrap();
        let (a, b, c) = (
            Annotator::new("a").unwrap(),
            Annotator::new("b").unwrap(),
            Annotator::new("c").unwrap(),
        );
        label(&doc, &a, &[(0, Label::Quote), (2, Label::Skip)]);
        label(
            &doc,
            &b,
            &[(0, Label::Factual), (1, Label::Opinion), (3, Label::Quote)],
        );
        // `c` has no sidecar: an empty column.
        let who = [a.clone(), b.clone(), c];
        let full = |d: Document| ArticleCodes::of(&Aligned::read(d, &who));
        let got = ArticleCodes::exact(&doc, &who).unwrap();
        assert_eq!(got, full(doc.clone()));
        assert_eq!(got.code(0, 0), Label::Quote.index() as u8);
        assert_eq!(got.code(1, 0), NONE);
        assert_eq!(got.times[1].len(), 3);
        assert!(got.times[0].iter().all(|&t| t > 0));
        // The article edited: labels move, so the alignment is needed.
        std::fs::write(&p, "Zéro. Un. Deux. Trois. Quatre.\n").unwrap();
        let edited = Document::load(&p, "a.txt").unwrap();
        assert_eq!(ArticleCodes::exact(&edited, &who), None);
        assert_eq!(full(edited).units, 5);
        // A sidecar only `ron` reads, or one with an error, goes to the alignment too.
        std::fs::write(&p, "Un. Deux. Trois. Quatre.\n").unwrap();
        let path = sidecar_path(&p, &b);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("(start: 0", "( start: 0")).unwrap();
        assert_eq!(ArticleCodes::exact(&doc, &who), None);
        assert_eq!(full(doc.clone()), got);
        std::fs::write(&path, "(schema: 1, labels: [ oops").unwrap();
        assert_eq!(ArticleCodes::exact(&doc, &who), None);
    }
}
