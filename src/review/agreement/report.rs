//! Agreement of a set of annotators over a corpus: the figures per article and together,
//! in the shape `glose agree --json` prints and the stats screen shows.

use super::{ArticleCodes, NONE, Pair, Tally};
use crate::model::align::Aligned;
use crate::model::annotator::Annotator;
use crate::model::label::Label;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

const K: usize = Label::COUNT;

/// What to compare.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Annotators compared, in column order.
    pub annotators: Vec<Annotator>,
    /// Sentences that any of them (or gold, when compared) labeled with one of these are
    /// left out of every figure.
    pub exclude: Vec<Label>,
    /// Also pair each annotator with `gold` (the group figures stay without gold).
    pub against_gold: bool,
}

/// Figures for the whole corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub annotators: Vec<String>,
    /// Sentences labeled by at least two of the annotators.
    pub items: u64,
    /// Labels that matched no sentence.
    pub unmatched: u64,
    pub observed_agreement: Option<f64>,
    pub fleiss_kappa: Option<f64>,
    pub krippendorff_alpha: Option<f64>,
    pub pairs: Vec<PairReport>,
    pub per_article: BTreeMap<String, ArticleFigures>,
    pub label_counts: BTreeMap<String, BTreeMap<String, u64>>,
}

/// The same figures for one article; `annotators` are those with labels there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleFigures {
    pub annotators: Vec<String>,
    pub items: u64,
    pub unmatched: u64,
    pub observed_agreement: Option<f64>,
    pub fleiss_kappa: Option<f64>,
    pub krippendorff_alpha: Option<f64>,
    /// Only pairs with items in this article.
    pub pairs: Vec<PairReport>,
    pub label_counts: BTreeMap<String, BTreeMap<String, u64>>,
}

/// Cohen's κ and the confusion matrix of two annotators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairReport {
    pub a: String,
    pub b: String,
    pub n: u64,
    pub observed: Option<f64>,
    pub cohen_kappa: Option<f64>,
    pub confusion: Confusion,
}

/// `cells[i][j]`: sentences `a` labeled `Label::ALL[i]` and `b` labeled `Label::ALL[j]`.
/// Serialised as `{a's label: {b's label: count}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Confusion {
    pub cells: [[u64; K]; K],
}

impl Serialize for Confusion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let map: BTreeMap<&str, BTreeMap<&str, u64>> = Label::ALL
            .iter()
            .map(|a| {
                let row = Label::ALL
                    .iter()
                    .map(|b| (b.name(), self.cells[a.index()][b.index()]))
                    .collect();
                (a.name(), row)
            })
            .collect();
        map.serialize(s)
    }
}

/// Accumulates articles one at a time (a corpus never has to be held in memory).
#[derive(Debug, Clone)]
pub struct Builder {
    opts: Options,
    /// Raters: the annotators, then gold when compared against gold.
    raters: Vec<Annotator>,
    total: Tally,
    /// Group figures exclude gold: when gold is a rater, a tally over the annotators only.
    group: Option<Tally>,
    unmatched: u64,
    per_article: BTreeMap<String, ArticleFigures>,
    codes: Vec<u8>,
}

impl Builder {
    pub fn new(opts: Options) -> Builder {
        let mut raters = opts.annotators.clone();
        if opts.against_gold && !raters.iter().any(Annotator::is_gold) {
            raters.push(Annotator::gold());
        }
        let n = opts.annotators.len();
        Builder {
            total: Tally::new(raters.len(), K),
            group: (raters.len() > n).then(|| Tally::new(n, K)),
            codes: vec![NONE; raters.len()],
            raters,
            opts,
            unmatched: 0,
            per_article: BTreeMap::new(),
        }
    }

    /// Adds one aligned article.
    pub fn add(&mut self, art: &Aligned) {
        self.add_codes(&ArticleCodes::of(art));
    }

    /// Adds one article's label codes.
    pub fn add_codes(&mut self, art: &ArticleCodes) {
        let cols: Vec<Option<usize>> = self.raters.iter().map(|r| art.column(r.as_str())).collect();
        let n = self.opts.annotators.len();
        let excluded: Vec<bool> = Label::ALL
            .iter()
            .map(|l| self.opts.exclude.contains(l))
            .collect();
        let is_excluded = |code: u8| excluded.get(code as usize).copied().unwrap_or(false);
        let mut all = Tally::new(self.raters.len(), K);
        let mut group = self.group.as_ref().map(|_| Tally::new(n, K));
        let mut present = vec![false; n];
        for u in 0..art.units {
            let mut skip = false;
            for (r, col) in cols.iter().enumerate() {
                let code = col.map_or(NONE, |c| art.code(u, c));
                self.codes[r] = code;
                if code != NONE {
                    // Gold's label excludes a sentence as an annotator's does.
                    skip |= is_excluded(code);
                    if r < n {
                        present[r] = true;
                    }
                }
            }
            if skip {
                continue;
            }
            all.add(&self.codes);
            if let Some(g) = &mut group {
                g.add(&self.codes[..n]);
            }
        }
        let unmatched = cols[..n]
            .iter()
            .flatten()
            .flat_map(|&c| &art.unmatched[c])
            .filter(|&&code| !is_excluded(code))
            .count() as u64;
        let present: Vec<String> = self.raters[..n]
            .iter()
            .zip(present)
            .filter(|(_, p)| *p)
            .map(|(r, _)| r.to_string())
            .collect();
        let f = group.as_ref().unwrap_or(&all).figures();
        let mut pairs = self.pairs(&all);
        pairs.retain(|p| p.n > 0);
        self.per_article.insert(
            art.id.clone(),
            ArticleFigures {
                annotators: present,
                items: f.items,
                unmatched,
                observed_agreement: f.observed,
                fleiss_kappa: f.fleiss_kappa,
                krippendorff_alpha: f.krippendorff_alpha,
                pairs,
                label_counts: self.label_counts(&all),
            },
        );
        self.unmatched += unmatched;
        self.total.merge(&all);
        if let (Some(total), Some(g)) = (&mut self.group, &group) {
            total.merge(g);
        }
    }

    /// Adds what another builder with the same options has seen (another thread's share of
    /// the articles).
    pub fn merge(&mut self, other: Builder) {
        self.total.merge(&other.total);
        if let (Some(total), Some(g)) = (&mut self.group, &other.group) {
            total.merge(g);
        }
        self.unmatched += other.unmatched;
        self.per_article.extend(other.per_article);
    }

    /// The report over every article added.
    pub fn finish(self) -> Report {
        let f = self.group.as_ref().unwrap_or(&self.total).figures();
        Report {
            annotators: self.opts.annotators.iter().map(|a| a.to_string()).collect(),
            items: f.items,
            unmatched: self.unmatched,
            observed_agreement: f.observed,
            fleiss_kappa: f.fleiss_kappa,
            krippendorff_alpha: f.krippendorff_alpha,
            pairs: self.pairs(&self.total),
            label_counts: self.label_counts(&self.total),
            per_article: self.per_article,
        }
    }

    /// Pairs among the annotators, then each annotator against gold.
    fn pairs(&self, t: &Tally) -> Vec<PairReport> {
        let n = self.opts.annotators.len();
        let g = self.raters.len();
        let mut out = Vec::new();
        for a in 0..g {
            for b in a + 1..g {
                if a < n && (b < n || b == g - 1) {
                    out.push(self.pair_report(t.pair(a, b)));
                }
            }
        }
        out
    }

    fn pair_report(&self, p: Pair) -> PairReport {
        let mut c = Confusion::default();
        for (i, row) in p.confusion.iter().enumerate() {
            c.cells[i].copy_from_slice(row);
        }
        PairReport {
            a: self.raters[p.a].to_string(),
            b: self.raters[p.b].to_string(),
            n: p.n,
            observed: p.observed,
            cohen_kappa: p.cohen_kappa,
            confusion: c,
        }
    }

    fn label_counts(&self, t: &Tally) -> BTreeMap<String, BTreeMap<String, u64>> {
        self.raters
            .iter()
            .enumerate()
            .map(|(r, who)| {
                let counts = Label::ALL
                    .iter()
                    .filter(|l| !self.opts.exclude.contains(l))
                    .map(|l| (l.name().to_string(), t.rater_counts(r)[l.index()]))
                    .collect();
                (who.to_string(), counts)
            })
            .collect()
    }
}

/// The report over some aligned articles.
pub fn compute<'a>(articles: impl IntoIterator<Item = &'a Aligned>, opts: Options) -> Report {
    let mut b = Builder::new(opts);
    for a in articles {
        b.add(a);
    }
    b.finish()
}
