//! Words of one sentence with their byte offsets, lower-cased and stemmed once so every
//! rule can look them up cheaply.

use crate::lang::Lang;
use crate::lexicon::{Lexicon, stem_len};

/// One word: `[start, end)` in the article text.
#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower case, apostrophes straightened.
    pub norm: String,
    /// Length of the stem, a prefix of `norm` (see [`Tok::stem`]).
    pub stem_len: usize,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// All upper case, two letters or more (an acronym).
    pub acronym: bool,
    pub digit: bool,
    /// [`crate::lexicon::flag`] bits of the word.
    pub nf: u32,
    /// [`crate::lexicon::flag`] bits of the stem.
    pub sf: u32,
}

impl Tok {
    /// The light stem used for cue lookups (plural and feminine stripped).
    pub fn stem(&self) -> &str {
        &self.norm[..self.stem_len]
    }

    /// Whether the word is in the lists of `bits` (lower-cased word flags).
    pub fn is(&self, bits: u32) -> bool {
        self.nf & bits != 0
    }

    /// Whether the stem is in the lists of `bits` (stem flags).
    pub fn stem_is(&self, bits: u32) -> bool {
        self.sf & bits != 0
    }
}

/// The words of `text[start..end]`: runs of letters and digits.
pub fn tokenize(lex: &Lexicon, text: &str, start: usize, end: usize) -> Vec<Tok> {
    let lang = lex.lang;
    let s = &text[start..end];
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut word_start: Option<usize> = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if crate::lexicon::is_word_char(c) {
            word_start.get_or_insert(i);
        } else if let Some(ws) = word_start.take() {
            let mut t = make(lang, &s[ws..i], start + ws, start + i);
            t.nf = lex.norm_flags.get(&t.norm).copied().unwrap_or(0);
            t.sf = lex.stem_flags.get(t.stem()).copied().unwrap_or(0);
            out.push(t);
        }
    }
    out
}

fn make(lang: Lang, w: &str, start: usize, end: usize) -> Tok {
    let norm = if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase()
    };
    let first = w.chars().next().unwrap_or(' ');
    let cap = first.is_uppercase();
    let acronym = cap
        && w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && w.chars().all(|c| !c.is_lowercase());
    Tok {
        start,
        end,
        stem_len: stem_len(lang, &norm),
        norm,
        cap,
        acronym,
        digit: first.is_ascii_digit(),
        nf: 0,
        sf: 0,
    }
}

/// Characters that end a clause when they sit between two words.
pub fn is_clause_break(gap: &str) -> bool {
    gap.contains([
        ',', ';', ':', '«', '»', '“', '”', '"', '—', '–', '.', '?', '!',
    ])
}
