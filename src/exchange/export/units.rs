//! The labeled units of one article: every span that at least one annotator labeled, with
//! each annotator's label. A unit is a glose sentence, or a span that matches no glose
//! sentence but still slices the article to its recorded text (labels imported from a
//! differently segmented source). Labels whose text is no longer in the article are
//! counted, not exported.

use crate::model::annotations::{Annotations, Exact};
use crate::model::corpus::Entry;
use crate::model::document::{ArticleError, Document};
use crate::model::label::Label;
use crate::model::sidecar::{DocStatus, capped};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Annotator name → label on one span.
pub type Votes = Vec<(Arc<str>, Label)>;

/// Annotator name → note on one span.
pub type Notes = Vec<(Arc<str>, String)>;

/// One labeled span of an article, with everyone's label on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Article id (path relative to the corpus root).
    pub article: Arc<str>,
    /// Number of the glose sentence where the span starts.
    pub index: usize,
    /// UTF-8 byte offsets `[start, end)` into the article file.
    pub start: usize,
    pub end: usize,
    /// The same span in code points (Python `str` indices).
    pub char_start: usize,
    pub char_end: usize,
    pub text: String,
    /// Annotator name → label, sorted by name (`gold` included).
    pub votes: Votes,
    /// Annotator name → note on this span, sorted by name (`gold` included).
    pub notes: Notes,
    /// Up to N sentences before and after the span (empty unless context was asked for).
    pub context_before: Vec<String>,
    pub context_after: Vec<String>,
}

/// What one article contributes: its units, and what could not be used.
#[derive(Debug, Clone, Default)]
pub struct ArticleUnits {
    pub units: Vec<Unit>,
    /// Labels whose text no longer matches the article at their span or anywhere else.
    pub orphans: usize,
    /// Annotator → done or flagged for review.
    pub status: BTreeMap<String, DocStatus>,
    /// Sidecars that could not be read (their labels are missing from the export).
    pub sidecar_errors: Vec<String>,
    /// Feeds the corpus fingerprint: the article's bytes and every label read from its
    /// sidecars (annotator, span, label), which is all an export depends on.
    pub fingerprint: [u8; 32],
}

/// Loads an article and its sidecars into units; `context` sentences on each side are
/// attached when it is above zero. An unreadable article is an error naming the file.
/// Without `fingerprint` the article is not hashed and [`ArticleUnits::fingerprint`] is
/// left zero (an export that shows no fingerprint; labels attach the same either way).
pub fn load(
    entry: &Entry,
    context: usize,
    fingerprint: bool,
) -> Result<ArticleUnits, ArticleError> {
    let doc = if fingerprint {
        Document::load(&entry.path, &entry.id)
    } else {
        Document::load_unhashed(&entry.path, &entry.id)
    }
    .map_err(|why| ArticleError {
        path: entry.path.clone(),
        why,
    })?;
    let hasher = fingerprint.then(|| {
        let mut h = Sha256::new();
        h.update(entry.id.as_bytes());
        h.update([0]);
        h.update(doc.fingerprint.as_bytes());
        h
    });
    let mut out = ArticleUnits::default();
    let mut spans: BTreeMap<(usize, usize), Votes> = BTreeMap::new();
    let mut notes: BTreeMap<(usize, usize), Notes> = BTreeMap::new();
    let exact = Exact::new(&doc);
    let mut labels = Vec::new();
    let mut noted = Vec::new();
    for who in &entry.annotators {
        let name: Arc<str> = Arc::from(who.as_str());
        // Most sidecars sit exactly on the article's sentences: their labels are read in
        // place, without building a record per label.
        labels.clear();
        labels.resize(doc.sentences.len(), None);
        noted.clear();
        let read = exact.read_notes(who, |i, l, note| {
            labels[i] = Some(l);
            if let Some(n) = note {
                noted.push((i, n.to_string()));
            }
        });
        if let Some((_, status)) = read {
            if let Some(s) = status {
                out.status.insert(who.to_string(), s);
            }
            for (s, l) in doc.sentences.iter().zip(&labels) {
                if let Some(l) = *l {
                    spans
                        .entry((s.start, s.end))
                        .or_default()
                        .push((name.clone(), l));
                }
            }
            for (i, n) in noted.drain(..) {
                let s = doc.sentences[i];
                notes
                    .entry((s.start, s.end))
                    .or_default()
                    .push((name.clone(), n));
            }
            continue;
        }
        let ann = match Annotations::load(&doc, who) {
            Ok(a) => a,
            Err(e) => {
                out.sidecar_errors.push(e.to_string());
                continue;
            }
        };
        if let Some(s) = &ann.status {
            out.status.insert(who.to_string(), s.clone());
        }
        for (i, r) in ann.labels.iter().enumerate() {
            if let Some(r) = r {
                let s = doc.sentences[i];
                spans
                    .entry((s.start, s.end))
                    .or_default()
                    .push((name.clone(), r.label));
                if let Some(n) = &r.note {
                    let at = notes.entry((s.start, s.end)).or_default();
                    at.push((name.clone(), n.clone()));
                }
            }
        }
        for o in &ann.orphans {
            let on_text = doc.raw.get(o.start..o.end);
            if on_text.is_some_and(|t| capped::matches(&o.text, t)) && o.start < o.end {
                spans
                    .entry((o.start, o.end))
                    .or_default()
                    .push((name.clone(), o.label));
                if let Some(n) = &o.note {
                    let at = notes.entry((o.start, o.end)).or_default();
                    at.push((name.clone(), n.clone()));
                }
            } else {
                out.orphans += 1;
            }
        }
    }
    if let Some(mut hasher) = hasher {
        for ((start, end), votes) in &spans {
            hasher.update(start.to_le_bytes());
            hasher.update(end.to_le_bytes());
            for (who, l) in votes {
                hasher.update(who.as_bytes());
                hasher.update([0, l.index() as u8]);
            }
        }
        hasher.update(out.orphans.to_le_bytes());
        out.fingerprint = hasher.finalize().into();
    }
    let article: Arc<str> = Arc::from(entry.id.as_str());
    let mut cursor = (0usize, 0usize); // (byte, char) position already counted
    for ((start, end), mut votes) in spans {
        votes.sort_by(|a, b| a.0.cmp(&b.0));
        votes.dedup_by(|a, b| a.0 == b.0);
        let mut notes = notes.remove(&(start, end)).unwrap_or_default();
        notes.sort_by(|a, b| a.0.cmp(&b.0));
        notes.dedup_by(|a, b| a.0 == b.0);
        cursor.1 += doc.raw[cursor.0..start].chars().count();
        cursor.0 = start;
        let text = &doc.raw[start..end];
        let char_start = cursor.1;
        let first_after_start = doc.sentences.partition_point(|s| s.start <= start);
        let index = first_after_start.saturating_sub(1);
        let (context_before, context_after) = if context > 0 {
            let before_end = doc.sentences.partition_point(|s| s.end <= start);
            let after_start = doc.sentences.partition_point(|s| s.start < end);
            let texts = |r: std::ops::Range<usize>| -> Vec<String> {
                r.map(|i| doc.sentence_text(i).to_string()).collect()
            };
            (
                texts(before_end.saturating_sub(context)..before_end),
                texts(after_start..(after_start + context).min(doc.sentences.len())),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        out.units.push(Unit {
            article: article.clone(),
            index,
            start,
            end,
            char_start,
            char_end: char_start + text.chars().count(),
            text: text.to_string(),
            votes,
            notes,
            context_before,
            context_after,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotator::Annotator;
    use crate::model::corpus::Corpus;
    use crate::model::sidecar::{How, Record};

    fn label_all(doc: &Document, who: &str, label: Label) {
        let all: Vec<(usize, Label)> = (0..doc.sentences.len()).map(|i| (i, label)).collect();
        crate::model::annotations::label_by_hand(doc, &Annotator::new(who).unwrap(), &all);
    }

    #[test]
    fn units_carry_every_vote_and_char_offsets() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Été chaud. Deuxième phrase. Trois.\n").unwrap();
        let doc = Document::load(&p, "a.txt").unwrap();
        label_all(&doc, "bob", Label::Opinion);
        label_all(&doc, "alice", Label::Factual);
        let c = Corpus::scan(dir.path()).unwrap();
        let got = load(&c.entries[0], 1, true).unwrap();
        assert_eq!(got.units.len(), doc.sentences.len());
        let chars: Vec<char> = doc.raw.chars().collect();
        for (i, u) in got.units.iter().enumerate() {
            assert_eq!(u.index, i);
            assert_eq!(&doc.raw[u.start..u.end], u.text);
            let by_chars: String = chars[u.char_start..u.char_end].iter().collect();
            assert_eq!(by_chars, u.text);
            let names: Vec<&str> = u.votes.iter().map(|v| &*v.0).collect();
            assert_eq!(names, ["alice", "bob"]);
        }
        assert!(got.units[0].context_before.is_empty());
        assert_eq!(got.units[0].context_after, [doc.sentence_text(1)]);
        assert_eq!(got.units[1].context_before, [doc.sentence_text(0)]);
    }

    #[test]
    fn off_segmentation_spans_are_units_and_stale_ones_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        let text = "Un. Deux. Trois.\n";
        std::fs::write(&p, text).unwrap();
        let doc = Document::load(&p, "a.txt").unwrap();
        let who = Annotator::new("model").unwrap();
        let mut a = Annotations::load(&doc, &who).unwrap();
        // "Un. Deux." as one span: no glose sentence has it.
        a.orphans
            .push(Record::new(0, 9, &text[0..9], Label::Quote, How::Import));
        a.orphans
            .push(Record::new(0, 3, "Gone.", Label::Quote, How::Import));
        a.set(0, None);
        a.save(&doc).unwrap();
        let c = Corpus::scan(dir.path()).unwrap();
        let got = load(&c.entries[0], 0, true).unwrap();
        assert_eq!(got.orphans, 1);
        assert_eq!(got.units.len(), 1);
        assert_eq!(got.units[0].text, "Un. Deux.");
        assert_eq!(got.units[0].index, 0);
    }
}
