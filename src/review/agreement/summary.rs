//! What the library shows per article in review mode (annotators, agreement, sentences
//! adjudicated) and where the disagreements are, so `n`/`N` can jump across articles
//! without opening each one.

use super::corpus::{in_parallel, with_codes};
use super::{ArticleCodes, Figures, NONE, Tally};
use crate::model::annotator::GOLD;
use crate::model::corpus::Corpus;
use crate::model::label::Label;
use std::path::Path;

/// One article's review figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticleSummary {
    pub id: String,
    /// Annotators with a sidecar here (gold excluded).
    pub annotators: Vec<String>,
    /// Rows of the review table.
    pub rows: usize,
    /// Agreement among the annotators.
    pub figures: Figures,
    /// Rows with a gold label.
    pub adjudicated: usize,
    /// Rows where the annotators disagree, with whether gold settles each.
    pub disagreements: Vec<(usize, bool)>,
    /// Why the article cannot be reviewed, if so.
    pub error: Option<String>,
}

impl ArticleSummary {
    /// The figures from an article's label codes (the same rows as the article's review table).
    pub fn of_codes(art: &ArticleCodes) -> ArticleSummary {
        let gold = art.column(GOLD);
        let cols: Vec<usize> = (0..art.annotators.len())
            .filter(|&c| Some(c) != gold)
            .collect();
        let mut t = Tally::new(cols.len(), Label::COUNT);
        let mut row = vec![NONE; cols.len()];
        let mut out = ArticleSummary {
            id: art.id.clone(),
            rows: art.units,
            ..ArticleSummary::default()
        };
        let mut present = vec![false; cols.len()];
        for u in 0..art.units {
            for (k, &c) in cols.iter().enumerate() {
                row[k] = art.code(u, c);
                present[k] |= row[k] != NONE;
            }
            t.add(&row);
            let mut seen = row.iter().filter(|&&x| x != NONE);
            let first = seen.next();
            if first.is_some_and(|f| seen.any(|x| x != f)) {
                let settled = gold.is_some_and(|g| art.code(u, g) != NONE);
                out.disagreements.push((u, settled));
            }
            if gold.is_some_and(|g| art.code(u, g) != NONE) {
                out.adjudicated += 1;
            }
        }
        out.annotators = cols
            .iter()
            .zip(present)
            .filter(|(_, p)| *p)
            .map(|(&c, _)| art.annotators[c].clone())
            .collect();
        out.figures = t.figures();
        out
    }

    /// Disagreements not settled by gold yet.
    pub fn unsettled(&self) -> usize {
        self.disagreements.iter().filter(|(_, s)| !s).count()
    }
}

/// A row of an article, by position in [`ReviewIndex::articles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub article: usize,
    pub row: usize,
}

/// Review figures of every article of a corpus, in corpus order.
#[derive(Debug, Clone, Default)]
pub struct ReviewIndex {
    pub articles: Vec<ArticleSummary>,
}

impl ReviewIndex {
    /// Summarises every article of the corpus, on several threads, from the cache of
    /// aligned codes where the files did not change (see [`super::corpus_report`]). Still
    /// the slow part on a cold cache: run it off the UI thread.
    pub fn build(corpus: &Corpus, cache: Option<&Path>) -> ReviewIndex {
        let cache = cache.map(|d| super::codes::Cache::open(d, &corpus.root));
        let parts = in_parallel(&corpus.entries, |chunk| {
            chunk
                .iter()
                .map(|e| {
                    if e.annotators.is_empty() {
                        return ArticleSummary {
                            id: e.id.clone(),
                            ..ArticleSummary::default()
                        };
                    }
                    let mut warnings = Vec::new();
                    let mut s = with_codes(e, cache.as_ref(), &mut warnings, |art| {
                        ArticleSummary::of_codes(art)
                    })
                    .unwrap_or_default();
                    s.id = e.id.clone();
                    s.error = warnings.into_iter().next();
                    s
                })
                .collect::<Vec<_>>()
        });
        if let Some(c) = cache {
            c.save(&corpus.entries);
        }
        ReviewIndex {
            articles: parts.into_iter().flatten().collect(),
        }
    }

    /// Replaces the summary of the article with the same id.
    pub fn update(&mut self, summary: ArticleSummary) {
        if let Some(a) = self.articles.iter_mut().find(|a| a.id == summary.id) {
            *a = summary;
        }
    }

    /// The next (`forward`) or previous disagreement from `from`, continuing into the
    /// following (preceding) articles; with `unsettled`, only those without gold.
    pub fn next_disagreement(
        &self,
        from: Cursor,
        forward: bool,
        unsettled: bool,
    ) -> Option<Cursor> {
        let keep = |&&(_, settled): &&(usize, bool)| !(unsettled && settled);
        let n = self.articles.len();
        if forward {
            for a in from.article..n {
                let rows = &self.articles[a].disagreements;
                let hit = rows
                    .iter()
                    .filter(keep)
                    .find(|(r, _)| a > from.article || *r > from.row);
                if let Some(&(row, _)) = hit {
                    return Some(Cursor { article: a, row });
                }
            }
        } else {
            for a in (0..=from.article.min(n.saturating_sub(1))).rev() {
                let rows = &self.articles[a].disagreements;
                let hit = rows
                    .iter()
                    .rev()
                    .filter(keep)
                    .find(|(r, _)| a < from.article || *r < from.row);
                if let Some(&(row, _)) = hit {
                    return Some(Cursor { article: a, row });
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> ReviewIndex {
        let art = |id: &str, d: Vec<(usize, bool)>| ArticleSummary {
            id: id.into(),
            disagreements: d,
            ..ArticleSummary::default()
        };
        ReviewIndex {
            articles: vec![
                art("a", vec![(2, false), (5, true)]),
                art("b", vec![]),
                art("c", vec![(0, true), (7, false)]),
            ],
        }
    }

    #[test]
    fn jumps_cross_articles_both_ways() {
        let ix = index();
        let at = |article, row| Cursor { article, row };
        assert_eq!(ix.next_disagreement(at(0, 0), true, false), Some(at(0, 2)));
        assert_eq!(ix.next_disagreement(at(0, 2), true, false), Some(at(0, 5)));
        assert_eq!(ix.next_disagreement(at(0, 5), true, false), Some(at(2, 0)));
        assert_eq!(ix.next_disagreement(at(0, 2), true, true), Some(at(2, 7)));
        assert_eq!(ix.next_disagreement(at(2, 7), true, false), None);
        assert_eq!(ix.next_disagreement(at(2, 0), false, false), Some(at(0, 5)));
        assert_eq!(ix.next_disagreement(at(2, 7), false, true), Some(at(0, 2)));
        assert_eq!(ix.next_disagreement(at(0, 2), false, false), None);
        assert_eq!(ix.articles[2].unsettled(), 1);
    }
}
