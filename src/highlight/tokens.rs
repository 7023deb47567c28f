//! Words of one sentence with their byte offsets, lower-cased and stemmed once so every
//! rule can look them up cheaply.

use crate::lang::Lang;
use crate::lexicon::{Lexicon, stem_len};
use compact_str::CompactString;

/// One word: `[start, end)` in the article text.
#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower case, apostrophes straightened. Kept inline (no allocation) up to 24 bytes,
    /// which nearly every word is: one heap string per word was a tenth of the analysis.
    pub norm: CompactString,
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
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut word_start: Option<usize> = None;
    let mut i = 0;
    while i <= b.len() {
        // ASCII, nearly every byte of news text, is tested without decoding a character.
        let (is_word, len) = match b.get(i) {
            None => (false, 1),
            Some(&x) if x < 0x80 => (x.is_ascii_alphanumeric(), 1),
            Some(_) => s[i..].chars().next().map_or((false, 1), |c| {
                (crate::lexicon::is_word_char(c), c.len_utf8())
            }),
        };
        if is_word {
            word_start.get_or_insert(i);
        } else if let Some(ws) = word_start.take() {
            let mut t = make(lang, &s[ws..i], start + ws, start + i);
            t.nf = lex.norm_flags.get(&t.norm);
            t.sf = lex.stem_flags.get(t.stem());
            out.push(t);
        }
        i += len;
    }
    out
}

fn make(lang: Lang, w: &str, start: usize, end: usize) -> Tok {
    let (norm, cap, acronym) = if w.is_ascii() {
        let mut n = CompactString::from(w);
        n.make_ascii_lowercase();
        let cap = w.as_bytes()[0].is_ascii_uppercase();
        let letters = w.bytes().filter(u8::is_ascii_alphabetic).count();
        let acronym = cap && letters >= 2 && !w.bytes().any(|c| c.is_ascii_lowercase());
        (n, cap, acronym)
    } else {
        let first = w.chars().next().unwrap_or(' ');
        let cap = first.is_uppercase();
        let acronym = cap
            && w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            && w.chars().all(|c| !c.is_lowercase());
        (CompactString::from(w.to_lowercase()), cap, acronym)
    };
    Tok {
        start,
        end,
        stem_len: stem_len(lang, &norm),
        norm,
        cap,
        acronym,
        digit: w.as_bytes()[0].is_ascii_digit(),
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
