//! Fast word sets and the per-word flags the rules test.

use crate::nlp::lang::Lang;
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

/// Bits of [`super::Lexicon::flags`]: which word lists hold a lower-cased word, and which
/// hold its stem. Looked up once per word when tokenizing, instead of once per list and
/// rule.
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
    pub const FRAME: u32 = 1 << 12;
    pub const SPEECH: u32 = 1 << 13;
    pub const NOT_FINITE: u32 = 1 << 14;
    pub const FINITE_FORM: u32 = 1 << 15;
    pub const SUBJECT: u32 = 1 << 16;
    pub const RELATIVE: u32 = 1 << 17;
    pub const DAY_BEFORE: u32 = 1 << 18;
    pub const DAY_PART: u32 = 1 << 19;
    pub const CENTURY: u32 = 1 << 20;
    pub const CAPTION: u32 = 1 << 21;
    pub const SITE: u32 = 1 << 22;
    pub const META_VERB: u32 = 1 << 23;
    /// A form of `être`/`be` that makes the participle after it a passive.
    pub const PASSIVE_AUX: u32 = 1 << 24;
    // Bits of the word's stem.
    pub const SOURCE_NOUN: u32 = 1;
    pub const CUE_FIRST: u32 = 1 << 1;
    pub const INTRO_FIRST: u32 = 1 << 2;
    pub const APPROX_FIRST: u32 = 1 << 3;
    pub const BYLINE_FIRST: u32 = 1 << 4;
    pub const BANNER_FIRST: u32 = 1 << 5;
    pub const WEAK_BANNER_FIRST: u32 = 1 << 6;
    pub const META_SUBJECT_FIRST: u32 = 1 << 7;
    pub const SITE_REF_FIRST: u32 = 1 << 8;
    pub const RELATIVE_DATE_FIRST: u32 = 1 << 9;
    pub const PERCENT_FIRST: u32 = 1 << 10;
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

    /// The longest term starting at word `i` of `n` words whose stems `stem(j)` gives: its
    /// length in words and its tag. Callers holding tokens need not collect stems first.
    pub fn longest_by<'a>(
        &self,
        n: usize,
        i: usize,
        stem: impl Fn(usize) -> &'a str,
    ) -> Option<(usize, T)> {
        let cands = self.by_first.get(stem(i))?;
        cands.iter().find_map(|(rest, tag)| {
            let ok = rest.len() < n - i
                && rest
                    .iter()
                    .enumerate()
                    .all(|(k, a)| elides_to(a, stem(i + 1 + k)));
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

/// Whether the text word `w` is the term word `a`, or its French elision before a vowel
/// (`témoigne d'un`, `loin d'affaiblir`, `alors qu'il`, `ne l'est pas` for `témoigne de`,
/// `loin de`, `alors que`, `le`): a term written with its full form matches both.
fn elides_to(a: &str, w: &str) -> bool {
    a == w
        || match w {
            "d" => a == "de",
            "qu" => a == "que",
            "l" => a == "le" || a == "la",
            "n" => a == "ne",
            "s" => a == "se",
            "j" => a == "je",
            "m" => a == "me",
            "t" => a == "te",
            _ => false,
        }
}

/// Flag bits per word for the one look-up every token makes: an open-addressing table at
/// most half full, whose slots keep the high half of the word's hash, so a word that is
/// in no list (most words) is told apart after one slot and no string comparison. A
/// general map probed further and compared keys: a fifth of the analysis time went
/// there. The slots are 8 bytes and the words sit in one byte arena, so the table stays
/// in the core's cache: with 16-byte slots a quarter full, the French table took 512 KiB
/// and the first load of a slot was the costliest instruction of the tokenizer. Each
/// word holds two sets of bits, its own and its stem's (see [`super::Lexicon::flags`]).
#[derive(Debug, Clone, Default)]
pub struct FlagTable {
    /// The high 32 bits of the hash (never 0: its top bit is set) over the index into
    /// `keys`; 0 marks an empty slot.
    slots: Vec<u64>,
    /// Where each word is in `bytes` (start, length) and its two sets of bits.
    keys: Vec<(u32, u32, [u32; 2])>,
    bytes: Vec<u8>,
}

impl FlagTable {
    /// Eight bytes at a time, the last group zero-padded (the length is mixed in first, so
    /// padding cannot collide): most words cost one multiply.
    pub fn hash(word: &str) -> u64 {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut x = (word.len() as u64).wrapping_mul(K);
        for c in word.as_bytes().chunks(8) {
            let mut b = [0u8; 8];
            b[..c.len()].copy_from_slice(c);
            x = (x.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        // Fold the high bits, where the multiply put its entropy, into the low ones that
        // pick the slot; the top bit set, so the tag a slot keeps is never 0.
        (x ^ (x >> 29) ^ (x >> 47)) | 1 << 63
    }

    /// The two sets of bits of `word`, zero if it is in no list.
    #[inline]
    pub fn get(&self, word: &str) -> [u32; 2] {
        self.get_hashed(FlagTable::hash(word), word)
    }

    /// [`FlagTable::get`] with the word's [`FlagTable::hash`] already made (the tokenizer
    /// keeps it for the model).
    #[inline]
    pub fn get_hashed(&self, h: u64, word: &str) -> [u32; 2] {
        if self.slots.is_empty() {
            return [0, 0];
        }
        let mask = self.slots.len() - 1;
        let tag = h >> 32;
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return [0, 0];
            }
            if slot >> 32 == tag {
                let (at, len, flags) = self.keys[(slot & 0xffff_ffff) as usize];
                if self.bytes.get(at as usize..(at + len) as usize) == Some(word.as_bytes()) {
                    return flags;
                }
            }
            i = (i + 1) & mask;
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

impl From<WordMap<[u32; 2]>> for FlagTable {
    fn from(map: WordMap<[u32; 2]>) -> FlagTable {
        let size = (map.len() * 2).next_power_of_two().max(16);
        let mut t = FlagTable {
            slots: vec![0; size],
            keys: Vec::with_capacity(map.len()),
            bytes: Vec::new(),
        };
        for (word, flags) in map {
            let h = FlagTable::hash(&word);
            let mut i = h as usize & (size - 1);
            while t.slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            t.slots[i] = (h >> 32) << 32 | t.keys.len() as u64;
            t.keys
                .push((t.bytes.len() as u32, word.len() as u32, flags));
            t.bytes.extend_from_slice(word.as_bytes());
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_table_finds_every_word_and_nothing_else() {
        let mut map = WordMap::default();
        for i in 0..3000u32 {
            map.insert(format!("mot{i}"), [i + 1, i % 7]);
        }
        map.insert("é".to_string(), [7, 0]);
        let table = FlagTable::from(map.clone());
        assert_eq!(table.len(), map.len());
        for (w, f) in &map {
            assert_eq!(table.get(w), *f, "{w}");
        }
        for w in ["", "mot", "mot3000", "Mot1", "e", "éé"] {
            assert_eq!(table.get(w), [0, 0], "{w}");
        }
        assert_eq!(FlagTable::default().get("mot1"), [0, 0]);
    }
}
