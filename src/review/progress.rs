//! One annotator's own progress, for the stats screen when there is nobody to agree with:
//! labels by kind, the articles touched, and the pace of the labels they made themselves.
//! Imported labels count as labels but not for pace: they all carry the time of the
//! import, which would give millions of labels per hour and a median of 0 s.

use crate::model::annotator::Annotator;
use crate::model::corpus::{Corpus, sidecar_path};
use crate::model::sidecar::{self, How};
use crate::review::pace::{Clock, Pace};

/// What one annotator has done in a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    /// Labels per kind, in [`crate::model::label::Label::ALL`] order.
    pub counts: [usize; 4],
    /// Of those, labels brought in by `glose import` (left out of `pace`).
    pub imported: usize,
    /// Articles with at least one label.
    pub articles: usize,
    /// Pace of the labels made in glose (by hand or accepting a suggestion).
    pub pace: Pace,
    /// Sidecars that could not be read, naming the file.
    pub warnings: Vec<String>,
}

impl Progress {
    /// Every label, imported ones included.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// Reads `who`'s sidecars in `corpus`.
pub fn progress(corpus: &Corpus, who: &Annotator) -> Progress {
    let mut out = Progress::default();
    let mut clock = Clock::default();
    // Every article is looked at, not only those listed with a sidecar of `who`: the
    // listing may predate the labels of the session that asks.
    for e in &corpus.entries {
        let path = sidecar_path(&e.path, who);
        let sc = match sidecar::read(&path) {
            Ok(Some(sc)) => sc,
            Ok(None) => continue,
            Err(err) => {
                out.warnings.push(err.to_string());
                continue;
            }
        };
        out.articles += usize::from(!sc.labels.is_empty());
        for r in &sc.labels {
            out.counts[r.label.index()] += 1;
            if r.how == How::Import {
                out.imported += 1;
            } else {
                clock.add(&r.at);
            }
        }
    }
    out.pace = clock.pace();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotations::Annotations;
    use crate::model::document::Document;
    use crate::model::label::Label;
    use crate::model::sidecar::Record;

    #[test]
    fn counts_every_label_and_paces_only_those_made_in_glose() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Un. Deux. Trois. Quatre. Cinq.\n").unwrap();
        let doc = Document::load(&p, "a.txt").unwrap();
        let who = Annotator::new("alice").unwrap();
        let mut ann = Annotations::load(&doc, &who).unwrap();
        let made = [
            (Label::Factual, How::Hand, "2026-01-01T10:00:00Z"),
            (Label::Factual, How::Hand, "2026-01-01T10:00:10Z"),
            (Label::Quote, How::Suggestion, "2026-01-01T10:00:30Z"),
            (Label::Skip, How::Import, "2026-01-02T09:00:00Z"),
            (Label::Opinion, How::Import, "2026-01-02T09:00:00Z"),
        ];
        for (i, (label, how, at)) in made.into_iter().enumerate() {
            let s = doc.sentences[i];
            let mut r = Record::new(s.start, s.end, doc.sentence_text(i), label, how);
            r.at = at.to_string();
            ann.set(i, Some(r));
        }
        ann.save(&doc).unwrap();
        let corpus = Corpus::scan(dir.path()).unwrap();
        let got = progress(&corpus, &who);
        assert_eq!(got.counts, [2, 1, 1, 1]);
        assert_eq!((got.total(), got.imported, got.articles), (5, 2, 1));
        // 10 s and 20 s of work: the import a day later is no gap of 0 s
        assert_eq!(got.pace.labels, 3);
        assert_eq!(got.pace.median_secs, Some(15.0));
        assert!((got.pace.labels_per_hour.unwrap() - 2.0 * 3600.0 / 30.0).abs() < 1e-9);
        assert!(got.warnings.is_empty());
        let nobody = Annotator::new("bob").unwrap();
        assert_eq!(progress(&corpus, &nobody).total(), 0);
    }
}
