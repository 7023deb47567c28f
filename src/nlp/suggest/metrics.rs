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

    /// Labels that occur in the reference.
    pub fn supported(&self) -> Vec<Label> {
        Label::ALL
            .into_iter()
            .filter(|&l| self.label(l).support > 0)
            .collect()
    }

    /// Mean F1 over the labels that occur in the reference: a label the reference never
    /// uses has no recall to measure, and counting it as 0 would punish a set for its mix.
    pub fn macro_f1(&self) -> f64 {
        let labels = self.supported();
        if labels.is_empty() {
            return 0.0;
        }
        labels.iter().map(|&l| self.label(l).f1).sum::<f64>() / labels.len() as f64
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
        let over: Vec<&str> = self.supported().iter().map(|l| l.name()).collect();
        json!({
            "n": self.n(), "accuracy": self.accuracy(), "macro_f1": self.macro_f1(),
            "macro_f1_over": over, "per_label": per, "confusion": conf,
        })
    }
}

/// Number of equal-width confidence buckets of [`Calibration`].
pub const BUCKETS: usize = 10;

/// How well confidences predict correctness: per bucket of confidence (`[0, 0.1)`, …,
/// `[0.9, 1]`), the count, mean confidence and share correct; the expected calibration
/// error is the count-weighted mean gap between the two.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Calibration {
    /// Per bucket: suggestions, sum of confidences, correct ones.
    pub buckets: [(usize, f64, usize); BUCKETS],
}

impl Calibration {
    pub fn add(&mut self, confidence: f32, correct: bool) {
        let c = f64::from(confidence).clamp(0.0, 1.0);
        let b = ((c * BUCKETS as f64) as usize).min(BUCKETS - 1);
        let e = &mut self.buckets[b];
        e.0 += 1;
        e.1 += c;
        e.2 += usize::from(correct);
    }

    pub fn n(&self) -> usize {
        self.buckets.iter().map(|b| b.0).sum()
    }

    /// Expected calibration error: Σ n_b / n · |accuracy_b − mean confidence_b|.
    pub fn ece(&self) -> f64 {
        let n = self.n();
        if n == 0 {
            return 0.0;
        }
        self.buckets
            .iter()
            .filter(|b| b.0 > 0)
            .map(|&(k, sum, ok)| {
                let k = k as f64;
                (k / n as f64) * (ok as f64 / k - sum / k).abs()
            })
            .sum()
    }

    /// Non-empty buckets as `(low, high, count, mean confidence, accuracy)`.
    pub fn rows(&self) -> Vec<(f64, f64, usize, f64, f64)> {
        let w = 1.0 / BUCKETS as f64;
        self.buckets
            .iter()
            .enumerate()
            .filter(|(_, b)| b.0 > 0)
            .map(|(i, &(k, sum, ok))| {
                let kf = k as f64;
                (
                    i as f64 * w,
                    (i + 1) as f64 * w,
                    k,
                    sum / kf,
                    ok as f64 / kf,
                )
            })
            .collect()
    }

    pub fn to_json(&self) -> Value {
        let rows: Vec<Value> = self
            .rows()
            .into_iter()
            .map(|(lo, hi, n, conf, acc)| {
                json!({"low": lo, "high": hi, "n": n, "confidence": conf, "accuracy": acc})
            })
            .collect();
        json!({"ece": self.ece(), "buckets": rows})
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
        // Skip never occurs in the reference: the mean is over the other three.
        assert_eq!(
            s.supported(),
            vec![Label::Factual, Label::Quote, Label::Opinion]
        );
        assert!((s.macro_f1() - (0.5 + 2.0 / 3.0 + 0.0) / 3.0).abs() < 1e-9);
        // Only quote and opinion occur: factual, wrongly suggested, does not count.
        let expected = (2.0 / 3.0 + 1.0) / 2.0;
        let mut t = LabelScores::default();
        t.add(Label::Quote, Label::Quote);
        t.add(Label::Quote, Label::Factual);
        t.add(Label::Opinion, Label::Opinion);
        assert_eq!(t.supported(), vec![Label::Quote, Label::Opinion]);
        assert!((t.macro_f1() - expected).abs() < 1e-9);
    }

    #[test]
    fn calibration_error_by_hand() {
        let mut c = Calibration::default();
        // Bucket 0.9: four at 0.95, three right (gap 0.2); bucket 0.5: two at 0.5, one
        // right (gap 0).
        for ok in [true, true, true, false] {
            c.add(0.95, ok);
        }
        c.add(0.5, true);
        c.add(0.5, false);
        assert!((c.ece() - (4.0 / 6.0) * 0.2).abs() < 1e-6, "{}", c.ece());
        let rows = c.rows();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].2, rows[0].4), (2, 0.5));
        assert_eq!((rows[1].2, rows[1].4), (4, 0.75));
        // A confidence of exactly 1 falls in the top bucket.
        c.add(1.0, true);
        assert_eq!(c.rows()[1].2, 5);
        assert_eq!(Calibration::default().ece(), 0.0);
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
