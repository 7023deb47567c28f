//! Agreement figures between annotators: observed agreement, Cohen's κ per pair, Fleiss' κ
//! and Krippendorff's α (nominal). Everything is computed from a [`Tally`], a small table
//! of counts filled one item at a time, so a million sentences cost no allocation per item
//! and tallies of several articles add up to the corpus-wide one. The counts are integers
//! (kept per number of raters on an item), so adding them up in any order, on any number
//! of threads, gives the same figures to the last bit.

pub mod codes;
mod corpus;
mod report;
mod summary;

pub use codes::ArticleCodes;
pub use corpus::{CorpusReport, corpus_report};
pub use report::{
    ArticleFigures, Builder, Confusion, Options, PairReport, Report, compute as report,
};
pub use summary::{ArticleSummary, Cursor, ReviewIndex};

/// A missing rating in an item's row of codes.
pub const NONE: u8 = u8::MAX;

/// Count tables for `raters` raters choosing among `k` categories (codes `0..k`).
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    k: usize,
    raters: usize,
    /// Items with at least two ratings.
    items: u64,
    /// Rows with exactly one rating (not comparable, not items).
    singles: u64,
    /// Per number of raters `m` on an item: Σ of agreeing ordered rater pairs (Fleiss' P_i
    /// is that over `m(m - 1)`).
    agree_by_m: Vec<u64>,
    /// Ratings per category on items.
    cat: Vec<u64>,
    /// Per `m`: Krippendorff's pair counts, `k × k` (the coincidence matrix is their sum
    /// over `m`, each divided by `m - 1`).
    coincidence_by_m: Vec<u64>,
    /// Per pair `(a < b)`, in [`Tally::pair_index`] order: `k × k` confusion (row = a).
    pairs: Vec<u64>,
    /// Per rater, per category: every rating, items or not.
    per_rater: Vec<u64>,
}

/// The figures of a tally. `None` where a figure is undefined (no items, or chance
/// agreement already perfect).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    pub items: u64,
    pub observed: Option<f64>,
    pub fleiss_kappa: Option<f64>,
    pub krippendorff_alpha: Option<f64>,
}

/// Figures of one pair of raters.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    /// Items both rated.
    pub n: u64,
    pub observed: Option<f64>,
    pub cohen_kappa: Option<f64>,
    /// `confusion[i][j]`: items `a` put in category `i` and `b` in `j`.
    pub confusion: Vec<Vec<u64>>,
}

impl Tally {
    /// An empty tally. `k` is at most 254 categories; items hold at most `raters` ratings.
    pub fn new(raters: usize, k: usize) -> Tally {
        assert!(k < NONE as usize, "too many categories");
        Tally {
            k,
            raters,
            items: 0,
            singles: 0,
            agree_by_m: vec![0; raters + 1],
            cat: vec![0; k],
            coincidence_by_m: vec![0; (raters + 1) * k * k],
            pairs: vec![0; raters * raters.saturating_sub(1) / 2 * k * k],
            per_rater: vec![0; raters * k],
        }
    }

    pub fn raters(&self) -> usize {
        self.raters
    }

    pub fn categories(&self) -> usize {
        self.k
    }

    /// Adds one item: `codes[r]` is rater `r`'s category or [`NONE`]. Codes out of range
    /// count as missing.
    pub fn add(&mut self, codes: &[u8]) {
        debug_assert_eq!(codes.len(), self.raters);
        let k = self.k;
        let mut counts = [0u32; 16];
        let mut heap;
        let counts: &mut [u32] = if k <= 16 {
            &mut counts[..k]
        } else {
            heap = vec![0u32; k];
            &mut heap
        };
        let mut m = 0u32;
        for (r, &c) in codes.iter().enumerate() {
            let c = c as usize;
            if c < k {
                counts[c] += 1;
                self.per_rater[r * k + c] += 1;
                m += 1;
            }
        }
        if m == 1 {
            self.singles += 1;
        }
        if m < 2 {
            return;
        }
        self.add_counted(counts, m);
        let mut p = 0;
        for a in 0..self.raters {
            for b in a + 1..self.raters {
                let (ca, cb) = (codes[a] as usize, codes[b] as usize);
                if ca < k && cb < k {
                    self.pairs[p * k * k + ca * k + cb] += 1;
                }
                p += 1;
            }
        }
    }

    /// Adds one item given only how many raters chose each category (anonymous raters, as
    /// in Fleiss' tables). Pairwise and per-rater counts are not touched.
    pub fn add_counts(&mut self, counts: &[u32]) {
        assert_eq!(counts.len(), self.k, "one count per category");
        let m: u32 = counts.iter().sum();
        assert!(m as usize <= self.raters, "more ratings than raters");
        if m == 1 {
            self.singles += 1;
        }
        if m >= 2 {
            self.add_counted(counts, m);
        }
    }

    fn add_counted(&mut self, counts: &[u32], m: u32) {
        let k = self.k;
        self.items += 1;
        let base = m as usize * k * k;
        let mut agree = 0u64;
        for (c, &nc) in counts.iter().enumerate() {
            if nc == 0 {
                continue;
            }
            let nc64 = u64::from(nc);
            agree += nc64 * (nc64 - 1);
            self.cat[c] += nc64;
            for (j, &nj) in counts.iter().enumerate() {
                if nj == 0 {
                    continue;
                }
                let pairs = if j == c {
                    nc64 * (nc64 - 1)
                } else {
                    nc64 * u64::from(nj)
                };
                self.coincidence_by_m[base + c * k + j] += pairs;
            }
        }
        self.agree_by_m[m as usize] += agree;
    }

    /// Σ over items of Fleiss' P_i.
    fn sum_p(&self) -> f64 {
        (2..=self.raters)
            .map(|m| self.agree_by_m[m] as f64 / (m * (m - 1)) as f64)
            .sum()
    }

    /// Krippendorff's coincidence matrix, `k × k`.
    fn coincidence(&self) -> Vec<f64> {
        let kk = self.k * self.k;
        let mut o = vec![0.0; kk];
        for m in 2..=self.raters {
            let w = (m - 1) as f64;
            for (x, &n) in o
                .iter_mut()
                .zip(&self.coincidence_by_m[m * kk..(m + 1) * kk])
            {
                *x += n as f64 / w;
            }
        }
        o
    }

    /// Adds another tally of the same shape (another article).
    pub fn merge(&mut self, other: &Tally) {
        assert!(self.k == other.k && self.raters == other.raters, "shape");
        self.items += other.items;
        self.singles += other.singles;
        add_all(&mut self.agree_by_m, &other.agree_by_m);
        add_all(&mut self.coincidence_by_m, &other.coincidence_by_m);
        add_all(&mut self.cat, &other.cat);
        add_all(&mut self.pairs, &other.pairs);
        add_all(&mut self.per_rater, &other.per_rater);
    }

    /// Rows that had a single rating.
    pub fn singles(&self) -> u64 {
        self.singles
    }

    /// Ratings of rater `r` per category.
    pub fn rater_counts(&self, r: usize) -> &[u64] {
        &self.per_rater[r * self.k..(r + 1) * self.k]
    }

    /// Position of pair `(a, b)`, `a < b`, in the pair list.
    pub fn pair_index(&self, a: usize, b: usize) -> usize {
        debug_assert!(a < b && b < self.raters);
        a * (2 * self.raters - a - 1) / 2 + (b - a - 1)
    }

    /// Observed agreement, Fleiss' κ and Krippendorff's α.
    ///
    /// Observed agreement is the mean over items of the share of rater pairs that agree
    /// (for two raters: the share of items they label alike). Fleiss' κ lets the number of
    /// raters vary per item: each item's agreement uses its own raters and the category
    /// shares pool all ratings on items; with the same raters everywhere this is Fleiss
    /// (1971) exactly. α is Krippendorff's nominal α from the coincidence matrix, which
    /// handles items that not everyone rated.
    pub fn figures(&self) -> Figures {
        let mut f = Figures {
            items: self.items,
            ..Figures::default()
        };
        if self.items == 0 {
            return f;
        }
        let p_bar = self.sum_p() / self.items as f64;
        f.observed = Some(p_bar);
        let total: u64 = self.cat.iter().sum();
        let pe: f64 = self
            .cat
            .iter()
            .map(|&c| {
                let p = c as f64 / total as f64;
                p * p
            })
            .sum();
        f.fleiss_kappa = kappa(p_bar, pe);
        f.krippendorff_alpha = self.alpha();
        f
    }

    fn alpha(&self) -> Option<f64> {
        let k = self.k;
        let coincidence = self.coincidence();
        let n_c: Vec<f64> = (0..k)
            .map(|c| coincidence[c * k..(c + 1) * k].iter().sum())
            .collect();
        let n: f64 = n_c.iter().sum();
        let mut observed = 0.0;
        for c in 0..k {
            for j in 0..k {
                if c != j {
                    observed += coincidence[c * k + j];
                }
            }
        }
        let sum_sq: f64 = n_c.iter().map(|x| x * x).sum();
        let expected = n * n - sum_sq; // Σ_{c≠k} n_c n_k
        if expected <= 0.0 || n <= 1.0 {
            return None;
        }
        Some(1.0 - (n - 1.0) * observed / expected)
    }

    /// Figures of the pair `(a, b)`, `a < b`.
    pub fn pair(&self, a: usize, b: usize) -> Pair {
        let k = self.k;
        let p = self.pair_index(a, b);
        let cells = &self.pairs[p * k * k..(p + 1) * k * k];
        let confusion: Vec<Vec<u64>> = cells.chunks(k).map(<[u64]>::to_vec).collect();
        let n: u64 = cells.iter().sum();
        let mut out = Pair {
            a,
            b,
            n,
            observed: None,
            cohen_kappa: None,
            confusion,
        };
        if n == 0 {
            return out;
        }
        let nf = n as f64;
        let po = (0..k).map(|i| cells[i * k + i]).sum::<u64>() as f64 / nf;
        let mut pe = 0.0;
        for i in 0..k {
            let row: u64 = cells[i * k..(i + 1) * k].iter().sum();
            let col: u64 = (0..k).map(|j| cells[j * k + i]).sum();
            pe += (row as f64 / nf) * (col as f64 / nf);
        }
        out.observed = Some(po);
        out.cohen_kappa = kappa(po, pe);
        out
    }

    /// Every pair `(a, b)` with `a < b`, in order.
    pub fn pair_list(&self) -> Vec<Pair> {
        let mut out = Vec::new();
        for a in 0..self.raters {
            for b in a + 1..self.raters {
                out.push(self.pair(a, b));
            }
        }
        out
    }
}

fn add_all(x: &mut [u64], y: &[u64]) {
    for (a, b) in x.iter_mut().zip(y) {
        *a += b;
    }
}

/// `(po - pe) / (1 - pe)`, undefined when chance agreement is already perfect.
fn kappa(po: f64, pe: f64) -> Option<f64> {
    let d = 1.0 - pe;
    (d.abs() > 1e-15).then(|| (po - pe) / d)
}

#[cfg(test)]
mod tests;
