//! Fast word sets and the per-word flags the rules test.

use crate::lang::Lang;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small fast hasher for short word keys (the FxHash mixing step); the lexicon is
/// looked up for every word of every sentence, so SipHash showed up in profiles.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map from words with the fast hasher.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// A set of words with the fast hasher.
pub type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

/// Bits of [`Lexicon::norm_flags`]: which word lists hold a lower-cased word. Looked up
/// once per word when tokenizing, instead of once per list and rule.
pub mod flag {
    pub const REPORTING: u32 = 1;
    pub const THOUGHT: u32 = 1 << 1;
    pub const AUX: u32 = 1 << 2;
    pub const HOLDER: u32 = 1 << 3;
    pub const FIRST_PERSON: u32 = 1 << 4;
    pub const NOT_CONDITIONAL: u32 = 1 << 5;
    pub const MONTH: u32 = 1 << 6;
    pub const WEEKDAY: u32 = 1 << 7;
    pub const NUMBER: u32 = 1 << 8;
    pub const PLACE_PREP: u32 = 1 << 9;
    pub const FUNCTION: u32 = 1 << 10;
    pub const READER: u32 = 1 << 11;
    // Bits of [`super::Lexicon::stem_flags`], keyed by stem.
    pub const SOURCE_NOUN: u32 = 1;
    pub const CUE_FIRST: u32 = 1 << 1;
    pub const INTRO_FIRST: u32 = 1 << 2;
    pub const APPROX_FIRST: u32 = 1 << 3;
    pub const BYLINE_FIRST: u32 = 1 << 4;
    pub const BANNER_FIRST: u32 = 1 << 5;
}

/// Multi-word terms indexed by their first token, matched on stems.
#[derive(Debug, Clone)]
pub struct PhraseSet<T: Copy> {
    by_first: WordMap<Vec<(Vec<String>, T)>>,
}

impl<T: Copy> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            by_first: HashMap::default(),
        }
    }
}

impl<T: Copy> PhraseSet<T> {
    pub(super) fn insert(&mut self, lang: Lang, term: &str, tag: T) {
        let toks: Vec<String> = super::words(term).map(|w| super::stem(lang, &w)).collect();
        if let Some((first, rest)) = toks.split_first() {
            let v = self.by_first.entry(first.clone()).or_default();
            if !v.iter().any(|(r, _)| r == rest) {
                v.push((rest.to_vec(), tag));
                v.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
            }
        }
    }

    /// The longest term starting at `stems[i]`: its length in tokens and tag.
    pub fn longest_at(&self, stems: &[&str], i: usize) -> Option<(usize, T)> {
        let cands = self.by_first.get(stems[i])?;
        cands.iter().find_map(|(rest, tag)| {
            let ok = rest.len() < stems.len() - i
                && rest.iter().zip(&stems[i + 1..]).all(|(a, b)| a == b);
            ok.then_some((rest.len() + 1, *tag))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Stems that start a term.
    pub fn firsts(&self) -> impl Iterator<Item = &String> {
        self.by_first.keys()
    }
}
