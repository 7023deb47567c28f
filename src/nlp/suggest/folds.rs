//! The learned model as the reader uses it: trained by article groups so that no
//! suggestion derives from a label on its own article, measured against the rules on
//! held-out articles before it replaces them, and with confidences calibrated on held-out
//! labels.
//!
//! Articles fall into [`FOLDS`] fixed groups by a hash of their id. The model that
//! suggests on an article of group `k` is trained without group `k`. Whether it beats the
//! rules, and how sure its suggestions (or the rules') are, is measured without group `k`
//! too: for every other group `j`, a model trained without `k` and `j` is scored on `j`.
//! So nothing shown on an article depends on any label of that article (another
//! annotator's, gold's or the user's own), and the same labels always give the same
//! suggestions: training is sequential and follows the corpus's sorted order.

use super::Suggestion;
use super::metrics::LabelScores;
use super::model::{Example, L2, Model, best};
use crate::model::label::Label;

/// Number of article groups.
pub const FOLDS: usize = 5;

/// Most examples one model trains on (the first in corpus order outside its groups). A
/// logistic regression learns no more from more, and a corpus of a million labeled
/// sentences would otherwise take minutes and gigabytes.
pub const MAX_EXAMPLES: usize = 50_000;

/// The group of an article among the reader's [`FOLDS`]: FNV-1a of its id, stable across
/// runs and platforms.
pub fn fold_of(article: &str) -> usize {
    group_of(article, FOLDS)
}

/// The group of an article among `groups` (at least one): FNV-1a of its id modulo
/// `groups`. `glose eval --cross-validate K` groups articles this way, as the reader does
/// with `K` = [`FOLDS`].
pub fn group_of(article: &str, groups: usize) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in article.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    (h % groups.max(1) as u64) as usize
}

/// One labeled sentence: its features, the reference label, and what the rules said.
#[derive(Debug, Clone)]
pub struct Labeled {
    /// [`fold_of`] its article.
    pub fold: usize,
    pub example: Example,
    pub rules: Label,
    pub rules_confidence: f32,
}

/// Confidence buckets of a calibration table.
const BUCKETS: usize = 10;

/// Weight of the prior (the raw confidence) against measured hits, in labels: a bucket
/// with few held-out labels keeps close to the raw confidence.
const PRIOR_WEIGHT: f32 = 10.0;

/// Held-out hits per raw-confidence bucket.
#[derive(Debug, Clone, Copy, Default)]
struct Table {
    n: [u32; BUCKETS],
    hits: [u32; BUCKETS],
}

fn bucket(c: f32) -> usize {
    ((c.clamp(0.0, 1.0) * BUCKETS as f32) as usize).min(BUCKETS - 1)
}

impl Table {
    fn add(&mut self, confidence: f32, right: bool) {
        let b = bucket(confidence);
        self.n[b] += 1;
        self.hits[b] += u32::from(right);
    }

    /// The share of held-out suggestions of this confidence that were right, shrunk
    /// towards the raw confidence by [`PRIOR_WEIGHT`].
    fn apply(&self, confidence: f32) -> f32 {
        let b = bucket(confidence);
        (self.hits[b] as f32 + PRIOR_WEIGHT * confidence) / (self.n[b] as f32 + PRIOR_WEIGHT)
    }
}

/// Held-out scores of the model and of the rules on the same sentences.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    pub model: LabelScores,
    pub rules: LabelScores,
}

impl Comparison {
    /// True when the model was measured on some held-out sentences and beat the rules.
    pub fn model_wins(&self) -> bool {
        self.model.n() > 0 && self.model.macro_f1() > self.rules.macro_f1()
    }
}

/// What suggests on the articles of one group.
#[derive(Debug)]
struct Fold {
    model: Option<Model>,
    /// The L2 decay chosen without this group.
    l2: f32,
    /// Measured without this group: does the model beat the rules?
    inner: Comparison,
    model_calibration: Table,
    /// Per label the rules suggest.
    rules_calibration: [Table; 4],
}

/// The models of every group, and how they compare with the rules.
#[derive(Debug)]
pub struct Learned {
    folds: Vec<Fold>,
    /// Each group's model scored on its own group, pooled: what the reader reports.
    pub held_out: Comparison,
    /// Labeled sentences in all.
    pub examples: usize,
}

fn train_without(all: &[Labeled], groups: &[usize], reg: f32) -> Option<Model> {
    let ex: Vec<&Example> = all
        .iter()
        .filter(|l| !groups.contains(&l.fold))
        .take(MAX_EXAMPLES)
        .map(|l| &l.example)
        .collect();
    Model::train_refs(&ex, reg)
}

/// What a model trained without two groups said on one held-out example.
type Said = Option<(Label, f32)>;

impl Learned {
    /// Trains every group's model and measures it. `stop` is polled between trainings:
    /// true gives up.
    pub fn train(all: &[Labeled], stop: &dyn Fn() -> bool) -> Option<Learned> {
        Learned::train_groups(all, FOLDS, stop)
    }

    /// [`Learned::train`] with `groups` article groups (at least two; each `Labeled::fold`
    /// is [`group_of`] its article among them).
    ///
    /// For each L2 strength of [`L2`] and each pair of groups `k < j`, a model trained
    /// without both is scored on both. For group `k`, the strength whose models scored
    /// best (macro-F1) on the other groups is chosen — nested validation, so the choice
    /// never sees group `k` — and group `k`'s model is trained with it; those same held-out
    /// scores decide whether it beats the rules and calibrate its confidence. Only the
    /// held-out predictions are kept, not the pair models, so memory stays that of one
    /// model per group.
    pub fn train_groups(
        all: &[Labeled],
        groups: usize,
        stop: &dyn Fn() -> bool,
    ) -> Option<Learned> {
        let g = groups.max(2);
        let n = all.len();
        // said[k][r][i]: on example i (outside group k), the model with L2[r] trained
        // without group k and i's own group.
        let mut said: Vec<Vec<Vec<Said>>> = vec![vec![vec![None; n]; L2.len()]; g];
        for (r, &reg) in L2.iter().enumerate() {
            for (k, j) in (0..g).flat_map(|k| (k + 1..g).map(move |j| (k, j))) {
                if stop() {
                    return None;
                }
                let Some(m) = train_without(all, &[k, j], reg) else {
                    continue;
                };
                for (i, l) in all.iter().enumerate() {
                    let without = match l.fold {
                        f if f == j => k,
                        f if f == k => j,
                        _ => continue,
                    };
                    said[without][r][i] = Some(best(m.probs(&l.example.features)));
                }
            }
        }
        let mut folds = Vec::with_capacity(g);
        let mut held_out = Comparison::default();
        for (k, said) in said.iter().enumerate() {
            if stop() {
                return None;
            }
            let inner = |r: usize| {
                let mut c = Comparison::default();
                for (l, s) in all.iter().zip(&said[r]) {
                    if let Some((label, _)) = s {
                        c.model.add(l.example.label, *label);
                        c.rules.add(l.example.label, l.rules);
                    }
                }
                c
            };
            // Ties keep the middle decay, then the weaker.
            let middle = L2.len() / 2;
            let mut r = middle;
            let mut top = inner(r);
            for other in (0..L2.len()).filter(|&o| o != middle) {
                let c = inner(other);
                if c.model.macro_f1() > top.model.macro_f1() {
                    (r, top) = (other, c);
                }
            }
            let mut fold = Fold {
                model: train_without(all, &[k], L2[r]),
                l2: L2[r],
                inner: top,
                model_calibration: Table::default(),
                rules_calibration: [Table::default(); 4],
            };
            for (l, s) in all.iter().zip(&said[r]).filter(|(l, _)| l.fold != k) {
                let gold = l.example.label;
                fold.rules_calibration[l.rules.index()].add(l.rules_confidence, l.rules == gold);
                if let Some((label, conf)) = s {
                    fold.model_calibration.add(*conf, *label == gold);
                }
            }
            if let Some(m) = &fold.model {
                for l in all.iter().filter(|l| l.fold == k) {
                    let gold = l.example.label;
                    held_out
                        .model
                        .add(gold, best(m.probs(&l.example.features)).0);
                    held_out.rules.add(gold, l.rules);
                }
            }
            folds.push(fold);
        }
        Some(Learned {
            folds,
            held_out,
            examples: all.len(),
        })
    }

    /// The L2 decay chosen for each group's model, by group.
    pub fn l2_by_group(&self) -> Vec<f32> {
        self.folds.iter().map(|f| f.l2).collect()
    }

    /// Groups whose suggestions come from the model (it beat the rules without them).
    pub fn groups_using_model(&self) -> usize {
        self.folds
            .iter()
            .filter(|f| f.model.is_some() && f.inner.model_wins())
            .count()
    }

    /// `logreg/N`, N the labeled sentences in all. A suggestion carries the name of the
    /// group's own model instead (its N excludes the group's labels).
    pub fn name(&self) -> String {
        format!("logreg/{}", self.examples)
    }

    /// One line for the reader: how the model compares with the rules on held-out
    /// articles, and which of them suggests.
    pub fn describe(&self) -> String {
        let h = &self.held_out;
        if h.model.n() == 0 {
            return format!(
                "{} labels, too few for a model: rules suggest",
                self.examples
            );
        }
        let used = self.groups_using_model();
        let verdict = match used {
            0 => "rules kept".to_string(),
            n if n == self.folds.len() => "model in use".to_string(),
            n => format!("model in use on {n} of {} article groups", self.folds.len()),
        };
        format!(
            "{}: {:.2} vs rules {:.2} on held-out articles, {verdict}",
            self.name(),
            h.model.macro_f1(),
            h.rules.macro_f1()
        )
    }

    /// The suggestion shown on a unit of `article`: the model's (`refine` makes it from
    /// the group's model and the rules' suggestion) if it beat the rules without the
    /// article's group, else the rules'; its confidence calibrated on the held-out labels
    /// of the other groups.
    pub fn suggest(
        &self,
        article: &str,
        rules: Suggestion,
        refine: impl FnOnce(&Model, Suggestion) -> Suggestion,
    ) -> Suggestion {
        let Some(f) = self.folds.get(group_of(article, self.folds.len())) else {
            return rules;
        };
        match &f.model {
            Some(m) if f.inner.model_wins() => {
                let mut s = refine(m, rules);
                s.confidence = f.model_calibration.apply(s.confidence);
                s
            }
            _ => {
                let mut s = rules;
                s.confidence = f.rules_calibration[s.label.index()].apply(s.confidence);
                s
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_fixed_and_all_used() {
        let mut seen = [0usize; FOLDS];
        for k in 0..200 {
            let id = format!("dossier/{k:03}.txt");
            assert_eq!(fold_of(&id), fold_of(&id.clone()));
            seen[fold_of(&id)] += 1;
        }
        assert!(seen.iter().all(|&n| n > 20), "{seen:?}");
        // Pinned: the group of an id must not change between versions (sidecars shared
        // through git are trained on by every annotator's reader).
        assert_eq!(
            [fold_of(""), fold_of("a.txt"), fold_of("001.txt")],
            [(0xcbf2_9ce4_8422_2325u64 % FOLDS as u64) as usize, 3, 3]
        );
    }

    #[test]
    fn calibration_follows_held_out_hits_and_keeps_the_prior_when_few() {
        let mut t = Table::default();
        assert!((t.apply(0.9) - 0.9).abs() < 1e-6);
        for k in 0..90 {
            t.add(0.95, k % 3 == 0);
        }
        let c = t.apply(0.95);
        assert!((c - (30.0 + 9.5) / 100.0).abs() < 1e-4, "{c}");
        assert!((t.apply(0.5) - 0.5).abs() < 1e-6);
    }
}
