//! The learned model: multinomial logistic regression on hashed features (see
//! [`super::features`]), trained by SGD on the corpus's labels. Small and quick enough to
//! retrain in a background thread after each batch of labels.

use super::features::{self, DIM, Features};
use super::{Evidence, Suggestion};
use crate::model::label::Label;
use crate::nlp::highlight::tokens::Tok;
use compact_str::CompactString;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Mutex;

/// Fewest labeled sentences before a model is trained; under it the rules decide alone.
pub const MIN_EXAMPLES: usize = 30;

/// The L2 weight decays tried; each article group's model uses the one that scored best on
/// held-out articles without that group (see `folds::Learned::train`). Measured with `glose
/// eval --cross-validate 5`, model alone against the rules: this grid gave 0.744 vs 0.744
/// on the French dev set and 0.842 vs 0.806 on the sample corpus; a hundred times stronger
/// (1e-3 to 1e-1), 0.743 and 0.815; ten times stronger, 0.744 and 0.835.
pub const L2: [f32; 3] = [1e-5, 1e-4, 1e-3];

/// A trained model.
#[derive(Debug)]
pub struct Model {
    /// Per feature bucket, one weight per label: a bucket's four are read together.
    weights: Vec<[f32; Label::COUNT]>,
    /// Labeled sentences it was trained on.
    pub examples: usize,
    /// [`Model::name`], made once: every suggestion carries it.
    name: String,
    /// What each word seen so far weighs (see [`WordScore`]).
    words: Mutex<WordCache>,
}

impl Clone for Model {
    fn clone(&self) -> Model {
        Model {
            weights: self.weights.clone(),
            examples: self.examples,
            name: self.name.clone(),
            words: Mutex::default(),
        }
    }
}

/// What one word's own features (the word and its character trigrams, see
/// [`features::word_into`]) add to each label's score, before normalisation. A word's
/// eight or so features sit in random places of a 4 MB table; most words of a text recur,
/// so their sum is looked up instead: it halved the instructions the model spends on a
/// sentence.
#[derive(Debug, Clone)]
struct WordScore {
    word: CompactString,
    sum: Sum,
    /// The word's hash, which its bigrams mix.
    hash: u64,
}

/// Weighted feature values per label, and the sum of their squares (to normalise).
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    z: [f32; Label::COUNT],
    squares: f32,
}

impl Sum {
    fn add(&mut self, weights: &[[f32; Label::COUNT]], j: u32, v: f32) {
        self.squares += v * v;
        if let Some(w) = weights.get(j as usize) {
            for (zc, wc) in self.z.iter_mut().zip(w) {
                *zc += wc * v;
            }
        }
    }

    fn merge(&mut self, o: Sum) {
        for (zc, oc) in self.z.iter_mut().zip(o.z) {
            *zc += oc;
        }
        self.squares += o.squares;
    }
}

/// Scores of the words met, by their [`Tok::key`], up to [`WORD_CACHE_MAX`] words.
type WordCache = HashMap<u64, WordScore, BuildHasherDefault<KeyHasher>>;

/// Words kept in a model's cache, about 4 MB: enough for the words that make up nearly all
/// of a corpus's text, and emptied when full so a rare word cannot grow it without bound.
const WORD_CACHE_MAX: usize = 1 << 15;

/// The keys are hashes already: mixed once more so every bit of the slot index varies.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }

    fn write_u64(&mut self, k: u64) {
        let z = (k ^ (k >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = z ^ (z >> 29);
    }
}

/// The most probable label of `probs` (in [`Label::ALL`] order) and its probability.
pub fn best(probs: [f32; 4]) -> (Label, f32) {
    probs
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or((Label::Factual, 0.0), |(i, c)| (Label::ALL[i], *c))
}

/// One training example.
#[derive(Debug, Clone)]
pub struct Example {
    pub features: Features,
    pub label: Label,
}

fn softmax(z: [f32; Label::COUNT]) -> [f32; Label::COUNT] {
    let m = z.iter().copied().fold(f32::MIN, f32::max);
    let e = z.map(|v| (v - m).exp());
    let s: f32 = e.iter().sum();
    e.map(|v| v / s)
}

impl Model {
    /// Trains on `examples` (at least [`MIN_EXAMPLES`] and two labels, else `None`) with
    /// the middle L2 strength of [`L2`]. Deterministic: the same examples give the same
    /// model.
    pub fn train(examples: &[Example]) -> Option<Model> {
        Model::train_refs(&examples.iter().collect::<Vec<_>>(), L2[1])
    }

    /// [`Model::train`] on borrowed examples (each article group's model trains on a
    /// different subset of the same examples) with L2 weight decay `reg`.
    pub fn train_refs(examples: &[&Example], reg: f32) -> Option<Model> {
        let labels: std::collections::HashSet<Label> = examples.iter().map(|e| e.label).collect();
        if examples.len() < MIN_EXAMPLES || labels.len() < 2 {
            return None;
        }
        let mut m = Model {
            weights: vec![[0.0; Label::COUNT]; DIM],
            examples: examples.len(),
            name: format!("logreg/{}", examples.len()),
            words: Mutex::default(),
        };
        // Class weights against imbalance: each label counts as much in all, as macro-F1
        // does (the square root of that scored 0.48 instead of 0.51 on the French dev set).
        let mut counts = [0usize; Label::COUNT];
        for e in examples {
            counts[e.label.index()] += 1;
        }
        let n = examples.len() as f32;
        let cw = counts.map(|c| if c == 0 { 0.0 } else { n / (4.0 * c as f32) });
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
                let e = examples[k];
                let p = m.probs(&e.features);
                let w = cw[e.label.index()];
                for (c, pc) in p.iter().enumerate() {
                    let g = (pc - f32::from(u8::from(c == e.label.index()))) * w * lr;
                    for &(j, v) in &e.features {
                        let w = &mut m.weights[j as usize][c];
                        *w -= g * v + lr * reg * *w;
                    }
                }
            }
        }
        Some(m)
    }

    /// Label probabilities, in [`Label::ALL`] order.
    pub fn probs(&self, f: &Features) -> [f32; Label::COUNT] {
        let mut z = [0.0f32; Label::COUNT];
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
    /// Words are weighed once per model and then looked up (up to rounding, the same sum).
    pub fn probs_of_tokens(
        &self,
        ev: &Evidence,
        text: &str,
        start: usize,
        end: usize,
        toks: &[Tok],
        rules: &Suggestion,
    ) -> [f32; Label::COUNT] {
        let mut sum = Sum::default();
        // Another thread scoring with the same model at the same moment (or one that
        // panicked holding the cache) only means this sentence's words are weighed afresh.
        let mut cache = self.words.try_lock().ok();
        let mut prev = features::first_prev();
        let mut bigrams = Vec::with_capacity(toks.len());
        for t in toks {
            let word = match cache.as_deref_mut() {
                Some(c) => match c.get(&t.key).filter(|s| s.word == t.norm) {
                    Some(s) => Some((s.sum, s.hash)),
                    None => {
                        if c.len() >= WORD_CACHE_MAX {
                            c.clear();
                        }
                        let s = self.score_word(&t.norm);
                        let found = (s.sum, s.hash);
                        c.insert(t.key, s);
                        Some(found)
                    }
                },
                None => None,
            };
            let (ws, hash) = word.unwrap_or_else(|| {
                let s = self.score_word(&t.norm);
                (s.sum, s.hash)
            });
            bigrams.push(features::bigram(prev, hash));
            prev = hash;
            sum.merge(ws);
        }
        // Bigrams rarely recur, so each is a read from anywhere in the weights: made in a
        // loop of their own, the reads overlap instead of waiting on each other.
        for b in bigrams {
            sum.add(&self.weights, b, 1.0);
        }
        let unit = text.get(start..end).unwrap_or("");
        let mut rest = Sum::default();
        features::rest_into(
            &mut |j, v| rest.add(&self.weights, j, v * features::REST_SCALE),
            ev,
            unit,
            toks.len(),
            rules,
        );
        let norm = sum.squares.sqrt().max(1e-6);
        let mut z = sum.z.map(|v| v / norm);
        for (zc, rc) in z.iter_mut().zip(rest.z) {
            *zc += rc;
        }
        softmax(z)
    }

    /// What `word`'s own features add, weighed.
    fn score_word(&self, word: &str) -> WordScore {
        let mut sum = Sum::default();
        let hash = features::word_into(&mut |j, v| sum.add(&self.weights, j, v), word);
        WordScore {
            word: CompactString::from(word),
            sum,
            hash,
        }
    }

    /// Shown to annotators as the suggestion's model.
    pub fn name(&self) -> String {
        self.name.clone()
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
        let (label, conf) = best(p);
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
    use crate::nlp::analysis::Analyzer;
    use crate::nlp::lang::Lang;
    use crate::nlp::lexicon::Lexicon;

    const TEXTS: [&str; 4] = [
        "« L'armée a confirmé 12 morts », a déclaré un officier à Ségou.",
        "Cette décision est une honte absolue pour le pays.",
        "Le Conseil a voté la loi mardi 3 mars 2025.",
        "ΣΑΣ ΟΔΟΣ x\u{301}y Straße İstanbul — l’été ½ ²",
    ];

    /// Training is sequential with a fixed shuffle seed: the same examples give the same
    /// weights, bit for bit, whatever the L2 strength; one label changed changes them.
    #[test]
    fn the_same_examples_give_the_same_model() {
        let examples: Vec<Example> = (0..60u32)
            .map(|k| Example {
                features: vec![(k % 7, 0.6), (100 + k % 5, 0.8)],
                label: Label::ALL[(k % 3) as usize],
            })
            .collect();
        let refs: Vec<&Example> = examples.iter().collect();
        for reg in L2 {
            let a = Model::train_refs(&refs, reg).expect("60 examples of 3 labels");
            let b = Model::train_refs(&refs, reg).expect("60 examples of 3 labels");
            assert!(a.weights == b.weights, "L2 {reg}");
            let mut other = examples.clone();
            other[10].label = Label::Skip;
            let c = Model::train(&other).expect("60 examples of 4 labels");
            assert!(c.weights != Model::train(&examples).expect("trains").weights);
        }
    }

    #[test]
    fn the_word_cache_stays_bounded() {
        let lex = Lexicon::builtin(Lang::Fr);
        let examples: Vec<Example> = (0..40)
            .map(|k| Example {
                features: vec![(k, 1.0)],
                label: Label::ALL[k as usize % 2],
            })
            .collect();
        let m = Model::train(&examples).expect("two labels");
        let text: String = (0..WORD_CACHE_MAX + 500)
            .map(|k| format!("mot{k} "))
            .collect();
        let toks = crate::nlp::highlight::tokens::tokenize(&lex, &text, 0, text.len());
        let ev = Evidence {
            text: &text,
            spans: &[],
            skip: None,
            continues_attribution: false,
        };
        let rules = crate::nlp::suggest::rules(&ev);
        m.probs_of_tokens(&ev, &text, 0, text.len(), &toks, &rules);
        let cached = m.words.lock().map(|c| c.len()).unwrap_or(usize::MAX);
        assert!((1..=WORD_CACHE_MAX).contains(&cached), "{cached}");
    }

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
            let rules = crate::nlp::suggest::rules(&ev);
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
            let toks = crate::nlp::highlight::tokens::tokenize(&lex, t, 0, t.len());
            let collected = m.probs(&features::extract_from_tokens(
                &ev,
                t,
                0,
                t.len(),
                &toks,
                rules,
            ));
            let streamed = m.probs_of_tokens(&ev, t, 0, t.len(), &toks, rules);
            // Every word cached now; then none usable (another thread holds the cache); then
            // a different word stored under each word's key: the same sums every time.
            assert_eq!(
                m.probs_of_tokens(&ev, t, 0, t.len(), &toks, rules),
                streamed
            );
            let held = m.words.lock();
            assert_eq!(
                m.probs_of_tokens(&ev, t, 0, t.len(), &toks, rules),
                streamed
            );
            drop(held);
            if let Ok(mut c) = m.words.lock() {
                for tok in &toks {
                    let mut other = m.score_word("autre");
                    other.sum.z = [9.0; Label::COUNT];
                    c.insert(tok.key, other);
                }
            }
            assert_eq!(
                m.probs_of_tokens(&ev, t, 0, t.len(), &toks, rules),
                streamed
            );
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
