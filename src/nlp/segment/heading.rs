//! Headings glued to the next sentence inside a line, with no punctuation between them
//! (`… une capitale asphyxiée Malgré l’appui de la Russie, …`): pages flattened to one
//! line keep their headings as short runs with no final punctuation.
//!
//! The signal is a capitalised sentence starter (`Malgré`, `Le`, `L’`, `The`) followed by
//! a lower-case word or a number, right after a word that can end a phrase, a few words
//! into a sentence that has no terminal, colon or semicolon before it. Mid-sentence, a
//! capitalised starter is almost always part of a name (`Le Drian`, `Le Monde`, `Des
//! Moines`), and a name goes on with a capital; the titles of works that go on in lower
//! case (`le roman La peste`, `the show In treatment`) follow a noun that introduces them.

use super::chars::char_before;
use super::lexicon::{introduces_name, is_non_final, starter_at, word_start};
use crate::store::bytescan::{mask16, range16};

/// The heading has at least this many words before the sentence glued to it.
const MIN_WORDS: usize = 3;
/// Longer runs are sentences with a capitalised name in them, not headings.
const MAX_WORDS: usize = 18;
/// How far into a sentence a glued heading may end, in bytes.
const MAX_BYTES: usize = 160;
/// The sentence glued to the heading has at least this many words.
const MIN_REST_WORDS: usize = 4;

/// In the sentence `s[from..to]` (`from` where a sentence starts, `to` where a terminal,
/// colon or semicolon ends it), the end of a glued heading and the start of the sentence
/// after it.
pub fn glued_heading(s: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    if !s[from..to].starts_with(char::is_uppercase) {
        return None;
    }
    let limit = (from + MAX_BYTES).min(to);
    // The first character is a capital, so a candidate space comes after its first byte
    // (and there is a byte before every one).
    let mut i = from + 1;
    while i < limit {
        let (mut m, stops) = masks(b, i);
        // The heading has no terminal, colon or semicolon: candidates end at the first.
        if stops != 0 {
            m &= (1 << stops.trailing_zeros()) - 1;
        }
        while m != 0 {
            let space = i + m.trailing_zeros() as usize;
            m &= m - 1;
            if space >= limit {
                return None;
            }
            let k = space + 1;
            if !opens_after(s, space, k, to) {
                continue;
            }
            // Counted only here: few candidates get this far.
            let words = 1
                + (from + 1..space)
                    .filter(|&j| b[j] != b' ' && b[j - 1] == b' ')
                    .count();
            if words > MAX_WORDS {
                return None; // later candidates have more words still
            }
            if words >= MIN_WORDS {
                return Some((space, k));
            }
        }
        if stops != 0 {
            return None;
        }
        i += 16;
    }
    None
}

/// For the sixteen bytes from `i` (`i > 0`): the spaces that may end a heading (after
/// a byte that may end a lower-case letter, before an ASCII capital or the lead byte of
/// `À`–`Þ`), and the terminals, colons and semicolons.
fn masks(b: &[u8], i: usize) -> (u32, u32) {
    const STOPS: &[u8] = b".!?:;";
    if let (Some(prev), Some(here), Some(next)) =
        (b.get(i - 1..i + 15), b.get(i..i + 16), b.get(i + 1..i + 17))
    {
        let (prev, here, next) = (chunk(prev), chunk(here), chunk(next));
        let spaces = mask16(here, b" ", 0, 0)
            & (range16(next, b'A', b'Z') | mask16(next, &[0xC3], 0, 0))
            & (range16(prev, b'a', b'z') | mask16(prev, b"", 0, 0x80));
        return (spaces, mask16(here, STOPS, 0, 0));
    }
    let mut spaces = 0;
    let mut stops = 0;
    for (k, j) in (i..b.len().min(i + 16)).enumerate() {
        let next = b.get(j + 1).copied();
        let before = b[j - 1].is_ascii_lowercase() || b[j - 1] >= 0x80;
        let after = next.is_some_and(|c| c.is_ascii_uppercase() || c == 0xC3);
        if b[j] == b' ' && before && after {
            spaces |= 1 << k;
        }
        if STOPS.contains(&b[j]) {
            stops |= 1 << k;
        }
    }
    (spaces, stops)
}

fn chunk(b: &[u8]) -> [u8; 16] {
    b.try_into().unwrap_or([0; 16])
}

/// Whether a sentence opens at `k`, after the space at `space`, inside a sentence that
/// ends at `to`. The cheap tests on the letters around come first: most capitals after a
/// space are names.
fn opens_after(s: &str, space: usize, k: usize, to: usize) -> bool {
    let b = s.as_bytes();
    // An ASCII capital or `À`–`Þ` (`É`, `Ç`), after a lower-case letter.
    let capital =
        b[k].is_ascii_uppercase() || (b[k] == 0xC3 && b.get(k + 1).is_some_and(|&c| c < 0xA0));
    if !capital || !char_before(s, space).is_some_and(char::is_lowercase) {
        return false;
    }
    let Some(w) = starter_at(s, k) else {
        return false;
    };
    let mut after = s[k + w.len()..to].chars();
    let goes_on = match after.next() {
        // `L’une des opérations`, not `L’Ardent`; a one-letter starter (`A`, `I`, `À`)
        // only when elided, and English `I’m`, `I’ve` are the pronoun, not an elision
        // (`He said what I'm doing is fine`).
        Some('\'' | '’') => w != "I" && after.next().is_some_and(char::is_lowercase),
        Some(' ') if w.chars().nth(1).is_some() => after
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()),
        _ => false,
    };
    if !goes_on {
        return false;
    }
    // A lower-case word: in a title-case run (`Can You Feel It`) a capital says nothing.
    let prev = &s[word_start(s, space)..space];
    prev.chars().nth(1).is_some()
        && prev.starts_with(char::is_lowercase)
        && !is_non_final(prev)
        && !introduces_name(prev)
        && s[k..to]
            .split_whitespace()
            .nth(MIN_REST_WORDS - 1)
            .is_some()
}
