//! Hashed features for the learned model: word unigrams and bigrams, character trigrams
//! inside words, and what the rules saw (span rules, skip reason, the rules' label), so the
//! model learns how far to trust each rule on this corpus.

use super::{Evidence, Suggestion};

/// Number of hashed feature buckets (a power of two).
pub const DIM: usize = 1 << 18;

/// A sparse feature vector: `(bucket, value)`, L2-normalised.
pub type Features = Vec<(u32, f32)>;

fn hash(parts: &[&str]) -> u32 {
    // FNV-1a, 64 bits, folded: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    ((h ^ (h >> 32)) as u32) & (DIM as u32 - 1)
}

/// Features of the unit `text[start..end]` given the rules' evidence and suggestion.
pub fn extract(
    ev: &Evidence,
    text: &str,
    start: usize,
    end: usize,
    rules: &Suggestion,
) -> Features {
    let mut f: Vec<(u32, f32)> = Vec::with_capacity(128);
    let unit = text.get(start..end).unwrap_or("");
    let words: Vec<String> = crate::lexicon::words(unit).collect();
    let mut prev = "<s>";
    for w in &words {
        f.push((hash(&["w", w]), 1.0));
        f.push((hash(&["b", prev, w]), 1.0));
        // Character trigrams of `<word>`, hashed without building strings.
        let mut win = [' ', ' ', '<'];
        let mut n = 0;
        for c in w.chars().chain(std::iter::once('>')) {
            win = [win[1], win[2], c];
            n += 1;
            if (2..=25).contains(&n) {
                let mut buf = [0u8; 12];
                let mut len = 0;
                for ch in win {
                    len += ch.encode_utf8(&mut buf[len..]).len();
                }
                let tri = std::str::from_utf8(&buf[..len]).unwrap_or("");
                f.push((hash(&["c", tri]), 0.5));
            }
        }
        prev = w;
    }
    for s in ev.spans {
        f.push((hash(&["r", s.rule]), 2.0));
    }
    if let Some(why) = ev.skip {
        f.push((hash(&["skip", why]), 3.0));
    }
    if ev.continues_attribution {
        f.push((hash(&["cont"]), 3.0));
    }
    f.push((hash(&["rules", rules.label.name()]), 4.0));
    let last = unit
        .trim_end()
        .chars()
        .last()
        .map(String::from)
        .unwrap_or_default();
    f.push((hash(&["last", &last]), 1.0));
    let len = match words.len() {
        0..=4 => "xs",
        5..=12 => "s",
        13..=25 => "m",
        _ => "l",
    };
    f.push((hash(&["len", len]), 1.0));
    f.push((hash(&["bias"]), 1.0));
    f.sort_unstable_by_key(|x| x.0);
    let mut out: Features = Vec::with_capacity(f.len());
    for (k, v) in f {
        match out.last_mut() {
            Some(l) if l.0 == k => l.1 += v,
            _ => out.push((k, v)),
        }
    }
    let norm = out.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-6);
    for x in &mut out {
        x.1 /= norm;
    }
    out
}
