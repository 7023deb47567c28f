//! Words of one sentence with their byte offsets, lower-cased and stemmed once so every
//! rule can look them up cheaply.

use crate::lang::Lang;
use crate::lexicon::{FlagTable, Lexicon, stem_len, stem_len_counted};
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
    /// [`FlagTable::hash`] of `norm`, made for the flag look-up and kept so the model can
    /// find the word's cached features without hashing it again.
    pub key: u64,
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
    // Whether a word character starts at `i`, and its length. ASCII, nearly every byte of
    // news text, is tested without decoding a character.
    let word_at = |i: usize| match b[i] {
        x if x < 0x80 => (x.is_ascii_alphanumeric(), 1),
        _ => s[i..].chars().next().map_or((false, 1), |c| {
            (crate::lexicon::is_word_char(c), c.len_utf8())
        }),
    };
    let mut i = 0;
    while i < b.len() {
        let (is_word, len) = word_at(i);
        if !is_word {
            i += len;
            continue;
        }
        let (ws, mut ascii) = (i, len == 1);
        i += len;
        while i < b.len() {
            if b[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            if b[i] < 0x80 {
                break;
            }
            let (is_word, len) = word_at(i);
            if !is_word {
                break;
            }
            ascii = false;
            i += len;
        }
        let mut t = make(lang, &s[ws..i], ascii, start + ws, start + i);
        t.key = FlagTable::hash(&t.norm);
        (t.nf, t.sf) = lex.flags(t.key, &t.norm);
        out.push(t);
    }
    out
}

/// The token of word `w`; `ascii` tells whether it is all ASCII.
fn make(lang: Lang, w: &str, ascii: bool, start: usize, end: usize) -> Tok {
    let (norm, cap, acronym) = if ascii {
        let b = w.as_bytes();
        let mut n = CompactString::from(w);
        n.make_ascii_lowercase();
        let cap = b[0].is_ascii_uppercase();
        // Two letters or more and none lower case: two upper-case ones. Most capitalised
        // words show a lower-case letter at once.
        let acronym = cap
            && !b.iter().any(u8::is_ascii_lowercase)
            && b.iter().filter(|c| c.is_ascii_uppercase()).nth(1).is_some();
        (n, cap, acronym)
    } else {
        let first = w.chars().next().unwrap_or(' ');
        let cap = first.is_uppercase();
        let acronym = cap
            && w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            && w.chars().all(|c| !c.is_lowercase());
        (lower_latin(w), cap, acronym)
    };
    Tok {
        start,
        end,
        // An ASCII word has as many characters as bytes.
        stem_len: if ascii {
            stem_len_counted(lang, &norm, norm.len().min(5))
        } else {
            stem_len(lang, &norm)
        },
        norm,
        cap,
        acronym,
        digit: w.as_bytes()[0].is_ascii_digit(),
        key: 0,
        nf: 0,
        sf: 0,
    }
}

/// `w.to_lowercase()`, on the bytes for words of Latin-1 letters (the accented letters of
/// French and English text): `À`–`Þ` (but `×`) are `C3 80`–`C3 9E` and their lower case
/// is 0x20 further in the same byte. Anything beyond Latin-1 (a lead byte from `C4` on)
/// goes to the standard library, which is exact but ten times slower.
fn lower_latin(w: &str) -> CompactString {
    let b = w.as_bytes();
    let mut buf = [0u8; 64];
    if b.len() > buf.len() || b.iter().any(|&x| x >= 0xC4) {
        return CompactString::from(w.to_lowercase());
    }
    let out = &mut buf[..b.len()];
    out.copy_from_slice(b);
    let mut after_c3 = false;
    for x in out.iter_mut() {
        if after_c3 {
            if (0x80..=0x9E).contains(x) && *x != 0x97 {
                *x += 0x20;
            }
            after_c3 = false;
        } else if x.is_ascii_uppercase() {
            *x += 0x20;
        } else {
            after_c3 = *x == 0xC3;
        }
    }
    std::str::from_utf8(out).map_or_else(
        |_| CompactString::from(w.to_lowercase()),
        CompactString::from,
    )
}

/// Characters that end a clause when they sit between two words.
pub fn is_clause_break(gap: &str) -> bool {
    gap.contains([
        ',', ';', ':', '«', '»', '“', '”', '"', '—', '–', '.', '?', '!',
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The words are the runs of word characters, lower-cased by the standard library.
        #[test]
        fn tokens_are_the_runs_of_word_characters(
            t in "([A-Za-z0-9]|É|é|ß|Σ|İ|\u{301}|\u{200b}|’|-| |\\.|«|½|²){0,40}"
        ) {
            let lex = Lexicon::builtin(Lang::Fr);
            let got: Vec<(usize, usize, String)> = tokenize(&lex, &t, 0, t.len())
                .into_iter()
                .map(|k| (k.start, k.end, k.norm.to_string()))
                .collect();
            let mut want = Vec::new();
            let mut at = 0;
            for w in t.split(|c: char| !crate::lexicon::is_word_char(c)) {
                if !w.is_empty() {
                    want.push((at, at + w.len(), w.to_lowercase()));
                }
                at += w.len() + t[at + w.len()..].chars().next().map_or(0, char::len_utf8);
            }
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn latin_lowercase_is_the_standard_one() {
        for c in (0..0x300).filter_map(char::from_u32) {
            let w = format!("a{c}É");
            assert_eq!(lower_latin(&w), w.to_lowercase(), "{c:?}");
        }
        for w in ["ÉTAT", "ΟΔΟΣ", "İstanbul", "Straße", "ÀÉÎÕÜÝÞ×"] {
            assert_eq!(lower_latin(w), w.to_lowercase(), "{w}");
        }
    }
}
