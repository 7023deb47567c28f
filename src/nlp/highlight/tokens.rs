//! Words of one sentence with their byte offsets, lower-cased and stemmed once so every
//! rule can look them up cheaply.

use crate::nlp::lang::Lang;
use crate::nlp::lexicon::{FlagTable, Lexicon, PhraseSet, stem_len, stem_len_counted};
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
    /// [`crate::nlp::lexicon::flag`] bits of the word.
    pub nf: u32,
    /// [`crate::nlp::lexicon::flag`] bits of the stem.
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

/// The longest term of `set` starting at token `i` (its length in words and its tag),
/// looked for only when the token's stem starts one of its terms (`first`, a stem flag
/// of [`crate::nlp::lexicon::flag`]): most words start none, and the bit costs no hash.
pub fn term_at<T: Copy>(
    toks: &[Tok],
    i: usize,
    set: &PhraseSet<T>,
    first: u32,
) -> Option<(usize, T)> {
    toks.get(i)?
        .stem_is(first)
        .then(|| set.longest_by(toks.len(), i, |j| toks[j].stem()))?
}

/// Class bits of [`CLASS`]: an ASCII letter or digit.
const WORD: u8 = 1;
/// An ASCII upper-case letter (bit 5, what tells it from its lower case).
const UPPER: u8 = 0x20;
/// An ASCII letter.
const LETTER: u8 = 2;
/// A byte of a non-ASCII character.
const HIGH: u8 = 4;

/// Byte classes for the tokenizer's scan: one table look-up per byte tells word
/// characters, capitals and non-ASCII bytes apart, so the acronym test's capitals are
/// counted in the same pass.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c.is_ascii_uppercase() {
            WORD | LETTER | UPPER
        } else if c.is_ascii_lowercase() {
            WORD | LETTER
        } else if c.is_ascii_digit() {
            WORD
        } else if c >= 0x80 {
            HIGH
        } else {
            0
        };
        i += 1;
    }
    t
};

/// The words of `text[start..end]`: runs of letters and digits.
pub fn tokenize(lex: &Lexicon, text: &str, start: usize, end: usize) -> Vec<Tok> {
    let lang = lex.lang;
    let s = &text[start..end];
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    // Whether the character at `i` (a byte of 0x80 or more) is a word character, and its
    // length. Only reached for non-ASCII text.
    let high = |i: usize| {
        s[i..].chars().next().map_or((false, 1), |c| {
            (crate::nlp::lexicon::is_word_char(c), c.len_utf8())
        })
    };
    let mut i = 0;
    while i < b.len() {
        let c = CLASS[usize::from(b[i])];
        if c & WORD == 0 {
            if c & HIGH == 0 {
                i += 1;
                continue;
            }
            let (is_word, len) = high(i);
            if !is_word {
                i += len;
                continue;
            }
        }
        let ws = i;
        // ASCII letters, and how many are upper case, counted in the same pass.
        let (mut letters, mut uppers, mut ascii) = (0usize, 0usize, true);
        while i < b.len() {
            let c = CLASS[usize::from(b[i])];
            if c & WORD != 0 {
                letters += usize::from(c & LETTER != 0);
                uppers += usize::from(c & UPPER != 0);
                i += 1;
                continue;
            }
            if c & HIGH == 0 {
                break;
            }
            let (is_word, len) = high(i);
            if !is_word {
                break;
            }
            ascii = false;
            i += len;
        }
        let w = &s[ws..i];
        let mut t = if ascii {
            make_ascii(lang, w, letters, uppers, start + ws, start + i)
        } else {
            make(lang, w, start + ws, start + i)
        };
        t.key = FlagTable::hash(&t.norm);
        out.push(t);
    }
    // The flags are looked up in a pass of their own: each look-up's first load mostly
    // misses the cache, and in this short loop the processor has the loads of several
    // words in flight at once, where inside the scan it waited for each in turn.
    for t in &mut out {
        (t.nf, t.sf) = lex.flags(t.key, &t.norm);
    }
    if lang == Lang::Fr {
        faire_savoir(&mut out);
    }
    out
}

/// French `faire savoir` and `faire état de` report (`a fait savoir le rectorat`, `Le
/// parquet a fait savoir qu'…`, `Le BNGRC fait état de huit disparus`): `savoir` or
/// `état` after a form of `faire` is the reporting verb and that form its auxiliary, so
/// the verb group and its inversions are read as for `a indiqué`.
fn faire_savoir(toks: &mut [Tok]) {
    for k in 1..toks.len() {
        let faire = matches!(
            toks[k - 1].norm.as_str(),
            "fait" | "font" | "faisait" | "faisaient" | "fera" | "feront" | "fasse"
        );
        let etat = toks[k].norm == "état"
            && toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.norm.as_str(), "de" | "d" | "du" | "des"));
        if faire && (toks[k].norm == "savoir" || etat) {
            toks[k].nf |= crate::nlp::lexicon::flag::REPORTING;
            toks[k - 1].nf |= crate::nlp::lexicon::flag::AUX;
        }
    }
}

/// The token of an all-ASCII word with `letters` letters, `uppers` of them upper case.
fn make_ascii(lang: Lang, w: &str, letters: usize, uppers: usize, start: usize, end: usize) -> Tok {
    let mut norm = CompactString::from(w);
    // Most words are lower case already.
    if uppers > 0 {
        norm.make_ascii_lowercase();
    }
    let first = w.as_bytes()[0];
    let cap = first.is_ascii_uppercase();
    Tok {
        start,
        end,
        // An ASCII word has as many characters as bytes.
        stem_len: stem_len_counted(lang, &norm, norm.len().min(5)),
        norm,
        cap,
        // Two letters or more, none lower case.
        acronym: cap && uppers >= 2 && uppers == letters,
        digit: first.is_ascii_digit(),
        key: 0,
        nf: 0,
        sf: 0,
    }
}

/// The token of a word with non-ASCII letters.
fn make(lang: Lang, w: &str, start: usize, end: usize) -> Tok {
    let first = w.chars().next().unwrap_or(' ');
    let cap = first.is_uppercase();
    let acronym = cap
        && w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && w.chars().all(|c| !c.is_lowercase());
    let norm = lower_latin(w);
    Tok {
        start,
        end,
        stem_len: stem_len(lang, &norm),
        norm,
        cap,
        acronym,
        digit: first.is_ascii_digit(),
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
            for w in t.split(|c: char| !crate::nlp::lexicon::is_word_char(c)) {
                if !w.is_empty() {
                    want.push((at, at + w.len(), w.to_lowercase()));
                }
                at += w.len() + t[at + w.len()..].chars().next().map_or(0, char::len_utf8);
            }
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        /// Capital, acronym and digit marks are those of the plain definitions, for ASCII
        /// words (counted during the scan) and others alike.
        #[test]
        fn word_marks_are_the_plain_ones(t in "([A-Za-z0-9]|É|é|Σ| ){1,12}") {
            let lex = Lexicon::builtin(Lang::Fr);
            for k in tokenize(&lex, &t, 0, t.len()) {
                let w = &t[k.start..k.end];
                let first = w.chars().next().unwrap_or(' ');
                let cap = first.is_uppercase();
                let acronym = cap
                    && w.chars().filter(|c| c.is_uppercase()).count() >= 2
                    && !w.chars().any(char::is_lowercase);
                proptest::prop_assert_eq!(
                    (k.cap, k.acronym, k.digit),
                    (cap, acronym, first.is_ascii_digit()),
                    "{}", w
                );
            }
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
