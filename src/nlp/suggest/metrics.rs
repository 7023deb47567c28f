//! Scores for suggestions and highlights against a reference: accuracy, per-label
//! precision/recall/F1, macro-F1, confusion matrix, and span P/R/F1 with the asymmetric
//! character-overlap match used for quotation extraction (a prediction matches a reference
//! span when it covers at least a share of the reference's characters; one-to-one, greedy).

use crate::model::label::Label;
use serde_json::{Value, json};

/// Label counts: `confusion[gold][predicted]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LabelScores {
    pub confusion: [[usize; Label::COUNT]; Label::COUNT],
}

/// Precision, recall, F1 and support of one class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl LabelScores {
    pub fn add(&mut self, gold: Label, predicted: Label) {
        self.confusion[gold.index()][predicted.index()] += 1;
    }

    pub fn n(&self) -> usize {
        self.confusion.iter().flatten().sum()
    }

    pub fn accuracy(&self) -> f64 {
        ratio(
            (0..Label::COUNT).map(|i| self.confusion[i][i]).sum(),
            self.n(),
        )
    }

    pub fn label(&self, l: Label) -> Prf {
        let i = l.index();
        let tp = self.confusion[i][i];
        let predicted: usize = (0..Label::COUNT).map(|g| self.confusion[g][i]).sum();
        let support: usize = self.confusion[i].iter().sum();
        let (p, r) = (ratio(tp, predicted), ratio(tp, support));
        Prf {
            precision: p,
            recall: r,
            f1: f1(p, r),
            support,
        }
    }

    /// Mean F1 over the four labels (a label absent from both sides counts as 0).
    pub fn macro_f1(&self) -> f64 {
        Label::ALL.iter().map(|&l| self.label(l).f1).sum::<f64>() / 4.0
    }
}

/// Span matching counts at one overlap threshold.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SpanCounts {
    pub predicted: usize,
    pub gold: usize,
    pub matched: usize,
}

impl SpanCounts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Characters of `text[a.0..a.1]` that `b` also covers.
fn covered(text: &str, gold: (usize, usize), pred: (usize, usize)) -> usize {
    let s = gold.0.max(pred.0);
    let e = gold.1.min(pred.1);
    if s >= e {
        return 0;
    }
    text.get(s..e).map_or(e - s, |t| t.chars().count())
}

/// Matches predicted spans to gold spans of one sentence (greedy, best overlap first) and
/// adds the counts. `threshold` is the share of the gold span's characters to cover.
pub fn match_spans(
    text: &str,
    gold: &[(usize, usize)],
    predicted: &[(usize, usize)],
    threshold: f64,
    counts: &mut SpanCounts,
) {
    counts.gold += gold.len();
    counts.predicted += predicted.len();
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let len = text
            .get(g.0..g.1)
            .map_or(g.1 - g.0, |t| t.chars().count())
            .max(1);
        for (pi, p) in predicted.iter().enumerate() {
            let share = covered(text, *g, *p) as f64 / len as f64;
            if share >= threshold {
                pairs.push((share, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; predicted.len()]);
    for (_, gi, pi) in pairs {
        if !gu[gi] && !pu[pi] {
            gu[gi] = true;
            pu[pi] = true;
            counts.matched += 1;
        }
    }
}

/// Span scores of one kind at the two thresholds (≥ 30 % and ≥ 80 %).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SpanScores {
    pub at30: SpanCounts,
    pub at80: SpanCounts,
}

impl SpanScores {
    pub fn add(&mut self, text: &str, gold: &[(usize, usize)], predicted: &[(usize, usize)]) {
        match_spans(text, gold, predicted, 0.3, &mut self.at30);
        match_spans(text, gold, predicted, 0.8, &mut self.at80);
    }

    pub fn to_json(&self) -> Value {
        json!({
            "p30": self.at30.precision(), "r30": self.at30.recall(), "f1_30": self.at30.f1(),
            "p80": self.at80.precision(), "r80": self.at80.recall(), "f1_80": self.at80.f1(),
            "gold": self.at30.gold, "predicted": self.at30.predicted,
        })
    }
}

impl LabelScores {
    /// The JSON shape `glose eval --json` prints (without spans).
    pub fn to_json(&self) -> Value {
        let mut per = serde_json::Map::new();
        let mut conf = serde_json::Map::new();
        for g in Label::ALL {
            let p = self.label(g);
            per.insert(
                g.name().into(),
                json!({"precision": p.precision, "recall": p.recall, "f1": p.f1, "support": p.support}),
            );
            let row: serde_json::Map<String, Value> = Label::ALL
                .iter()
                .map(|&q| {
                    (
                        q.name().to_string(),
                        json!(self.confusion[g.index()][q.index()]),
                    )
                })
                .collect();
            conf.insert(g.name().into(), Value::Object(row));
        }
        json!({
            "n": self.n(), "accuracy": self.accuracy(), "macro_f1": self.macro_f1(),
            "per_label": per, "confusion": conf,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_scores_by_hand() {
        let mut s = LabelScores::default();
        s.add(Label::Quote, Label::Quote);
        s.add(Label::Quote, Label::Opinion);
        s.add(Label::Opinion, Label::Opinion);
        s.add(Label::Factual, Label::Opinion);
        assert_eq!(s.n(), 4);
        assert_eq!(s.accuracy(), 0.5);
        let q = s.label(Label::Quote);
        assert_eq!((q.precision, q.recall, q.support), (1.0, 0.5, 2));
        let o = s.label(Label::Opinion);
        assert!((o.precision - 1.0 / 3.0).abs() < 1e-9 && o.recall == 1.0);
        let expected = (2.0 / 3.0 + 0.5 + 0.0 + 0.0) / 4.0;
        assert!((s.macro_f1() - expected).abs() < 1e-9);
    }

    #[test]
    fn overlap_is_a_share_of_the_gold_span_in_characters() {
        let text = "ééééé aaaaa";
        let mut c = SpanCounts::default();
        // Gold covers the 5 é (10 bytes); prediction covers 2 of them: 40 %.
        match_spans(text, &[(0, 10)], &[(6, 16)], 0.3, &mut c);
        assert_eq!((c.matched, c.gold, c.predicted), (1, 1, 1));
        let mut c = SpanCounts::default();
        match_spans(text, &[(0, 10)], &[(6, 16)], 0.8, &mut c);
        assert_eq!(c.matched, 0);
        // One prediction cannot match two gold spans.
        let mut c = SpanCounts::default();
        match_spans(text, &[(0, 4), (4, 10)], &[(0, 10)], 0.3, &mut c);
        assert_eq!((c.matched, c.recall(), c.precision()), (1, 0.5, 1.0));
    }
}
