//! The learned model: multinomial logistic regression on hashed features (see
//! [`super::features`]), trained by SGD on the corpus's labels. Small and quick enough to
//! retrain in a background thread after each batch of labels.

use super::features::{self, DIM, Features};
use super::{Evidence, Suggestion};
use crate::highlight::tokens::Tok;
use crate::label::Label;

/// Fewest labeled sentences before a model is trained; under it the rules decide alone.
pub const MIN_EXAMPLES: usize = 30;

/// A trained model.
#[derive(Debug, Clone)]
pub struct Model {
    /// Per feature bucket, one weight per label: a bucket's four are read together.
    weights: Vec<[f32; 4]>,
    /// Labeled sentences it was trained on.
    pub examples: usize,
}

/// One training example.
#[derive(Debug, Clone)]
pub struct Example {
    pub features: Features,
    pub label: Label,
}

fn softmax(z: [f32; 4]) -> [f32; 4] {
    let m = z.iter().copied().fold(f32::MIN, f32::max);
    let e = z.map(|v| (v - m).exp());
    let s: f32 = e.iter().sum();
    e.map(|v| v / s)
}

impl Model {
    /// Trains on `examples` (at least [`MIN_EXAMPLES`] and two labels, else `None`).
    /// Deterministic: the same examples give the same model.
    pub fn train(examples: &[Example]) -> Option<Model> {
        let labels: std::collections::HashSet<Label> = examples.iter().map(|e| e.label).collect();
        if examples.len() < MIN_EXAMPLES || labels.len() < 2 {
            return None;
        }
        let mut m = Model {
            weights: vec![[0.0; 4]; DIM],
            examples: examples.len(),
        };
        // Class weights against imbalance: rare labels count more.
        let mut counts = [0usize; 4];
        for e in examples {
            counts[e.label.index()] += 1;
        }
        let n = examples.len() as f32;
        let cw = counts.map(|c| {
            if c == 0 {
                0.0
            } else {
                (n / (4.0 * c as f32)).sqrt()
            }
        });
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let epochs = 12;
        for epoch in 0..epochs {
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            let lr = 0.5 / (1.0 + epoch as f32);
            for &k in &order {
                let e = &examples[k];
                let p = m.probs(&e.features);
                let w = cw[e.label.index()];
                for (c, pc) in p.iter().enumerate() {
                    let g = (pc - f32::from(u8::from(c == e.label.index()))) * w * lr;
                    for &(j, v) in &e.features {
                        let w = &mut m.weights[j as usize][c];
                        *w -= g * v + lr * 1e-4 * *w;
                    }
                }
            }
        }
        Some(m)
    }

    /// Label probabilities, in [`Label::ALL`] order.
    pub fn probs(&self, f: &Features) -> [f32; 4] {
        let mut z = [0.0f32; 4];
        for &(j, v) in f {
            let w = &self.weights[j as usize];
            for (zc, wc) in z.iter_mut().zip(w) {
                *zc += wc * v;
            }
        }
        softmax(z)
    }

    /// The same as `probs` of [`features::extract_from_tokens`], without collecting the
    /// features: each is weighed as it is made, and the sum normalised once at the end.
    pub fn probs_of_tokens(
        &self,
        ev: &Evidence,
        text: &str,
        start: usize,
        end: usize,
        toks: &[Tok],
        rules: &Suggestion,
    ) -> [f32; 4] {
        let (mut z, mut squares) = ([0.0f32; 4], 0.0f32);
        features::visit_tokens(ev, text, start, end, toks, rules, |j, v| {
            squares += v * v;
            if let Some(w) = self.weights.get(j as usize) {
                for (zc, wc) in z.iter_mut().zip(w) {
                    *zc += wc * v;
                }
            }
        });
        let norm = squares.sqrt().max(1e-6);
        softmax(z.map(|v| v / norm))
    }

    /// Shown to annotators as the suggestion's model.
    pub fn name(&self) -> String {
        format!("logreg/{}", self.examples)
    }

    /// The model's suggestion, keeping the rules' reasons and noting where it disagrees.
    /// `toks`, the unit's tokens when the caller has them, save splitting it again.
    pub fn refine(
        &self,
        ev: &Evidence,
        text: &str,
        start: usize,
        end: usize,
        toks: Option<&[Tok]>,
        rules: Suggestion,
    ) -> Suggestion {
        let p = match toks {
            Some(toks) => self.probs_of_tokens(ev, text, start, end, toks, &rules),
            None => self.probs(&features::extract(ev, text, start, end, &rules)),
        };
        let (best, conf) = p
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map_or((0, 0.0), |(i, c)| (i, *c));
        let label = Label::ALL[best];
        let mut reasons = rules.reasons;
        if label != rules.label {
            reasons.insert(0, format!("model overrides rules ({})", rules.label));
        }
        Suggestion {
            label,
            confidence: conf,
            reasons,
            model: self.name(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;
    use crate::lang::Lang;
    use crate::lexicon::Lexicon;

    const TEXTS: [&str; 4] = [
        "« L'armée a confirmé 12 morts », a déclaré un officier à Ségou.",
        "Cette décision est une honte absolue pour le pays.",
        "Le Conseil a voté la loi mardi 3 mars 2025.",
        "ΣΑΣ ΟΔΟΣ x\u{301}y Straße İstanbul — l’été ½ ²",
    ];

    #[test]
    fn scoring_as_features_are_made_matches_collecting_them() {
        let an = Analyzer::builtin();
        let lex = Lexicon::builtin(Lang::Fr);
        let mut examples = Vec::new();
        let mut units = Vec::new();
        for (k, t) in TEXTS.iter().cycle().take(40).enumerate() {
            let (spans, skip, cont) = an.evidence(t, Lang::Fr, 0, t.len());
            let ev = Evidence {
                text: t,
                spans: &spans,
                skip,
                continues_attribution: cont,
            };
            let rules = crate::suggest::rules(&ev);
            let features = features::extract(&ev, t, 0, t.len(), &rules);
            examples.push(Example {
                features,
                label: Label::ALL[k % 3],
            });
            units.push((t, spans, skip, cont, rules));
        }
        let m = Model::train(&examples).expect("40 examples of 3 labels train a model");
        for (t, spans, skip, continues_attribution, rules) in &units[..4] {
            let ev = Evidence {
                text: t,
                spans,
                skip: *skip,
                continues_attribution: *continues_attribution,
            };
            let toks = crate::highlight::tokens::tokenize(&lex, t, 0, t.len());
            let collected = m.probs(&features::extract_from_tokens(
                &ev,
                t,
                0,
                t.len(),
                &toks,
                rules,
            ));
            let streamed = m.probs_of_tokens(&ev, t, 0, t.len(), &toks, rules);
            for (a, b) in collected.iter().zip(streamed) {
                assert!((a - b).abs() < 1e-5, "{t}: {collected:?} vs {streamed:?}");
            }
            assert!(
                collected.iter().any(|&p| (p - 0.25).abs() > 0.01),
                "{t}: untrained?"
            );
        }
    }
}
