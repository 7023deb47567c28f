//! Words of one sentence with their byte offsets, lower-cased and stemmed once so every
//! rule can look them up cheaply.

use crate::lang::Lang;
use crate::lexicon::stem_len;

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
}

impl Tok {
    /// The light stem used for cue lookups (plural and feminine stripped).
    pub fn stem(&self) -> &str {
        &self.norm[..self.stem_len]
    }
}

/// The words of `text[start..end]`: runs of letters and digits.
pub fn tokenize(lang: Lang, text: &str, start: usize, end: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let s = &text[start..end];
    let mut word_start: Option<usize> = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
        } else if let Some(ws) = word_start.take() {
            out.push(make(lang, &s[ws..i], start + ws, start + i));
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
    let mut chars = w.chars();
    let first = chars.next().unwrap_or(' ');
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    Tok {
        start,
        end,
        stem_len: stem_len(lang, &norm),
        norm,
        cap: first.is_uppercase(),
        acronym: letters >= 2 && w.chars().all(|c| !c.is_lowercase()) && first.is_alphabetic(),
        digit: first.is_ascii_digit(),
    }
}

/// Characters that end a clause when they sit between two words.
pub fn is_clause_break(gap: &str) -> bool {
    gap.contains([
        ',', ';', ':', '«', '»', '“', '”', '"', '—', '–', '.', '?', '!',
    ])
}
