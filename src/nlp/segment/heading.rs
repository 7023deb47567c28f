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
use super::lexicon::{introduces_name, is_non_final, starter_at, word_at, word_start};
use crate::store::bytescan::mask16;

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
    let mut i = from;
    let (mut seen, mut words) = (from + 1, 1);
    while i < limit {
        // Sixteen bytes at a time to a space before a byte that may start a capital.
        let mut m = match (b.get(i..i + 16), b.get(i + 1..i + 17)) {
            (Some(here), Some(next)) => {
                mask16(chunk(here), b" ", 0, 0) & mask16(chunk(next), b"", b'[', 0xC3)
            }
            _ => (0..16)
                .filter(|&k| b.get(i + k) == Some(&b' ') && b.get(i + k + 1).is_some())
                .fold(0, |m, k| m | 1 << k),
        };
        while m != 0 {
            let space = i + m.trailing_zeros() as usize;
            m &= m - 1;
            if space >= limit {
                return None;
            }
            let k = space + 1;
            // ASCII capitals, and the lead byte of `À`–`Þ` (`É`, `Ç`).
            if !(b[k].is_ascii_uppercase() || b[k] == 0xC3) {
                continue;
            }
            // The heading so far, read once: no terminal, and its words counted.
            for j in seen..space {
                match b[j] {
                    b'.' | b'!' | b'?' | b':' | b';' => return None,
                    c => words += usize::from(c != b' ' && b[j - 1] == b' '),
                }
            }
            seen = space;
            if words > MAX_WORDS {
                return None;
            }
            if words >= MIN_WORDS && opens_after(s, space, k, to) {
                return Some((space, k));
            }
        }
        i += 16;
    }
    None
}

fn chunk(b: &[u8]) -> [u8; 16] {
    b.try_into().unwrap_or([0; 16])
}

/// Whether a sentence opens at `k`, after the space at `space`, inside a sentence that
/// ends at `to`. The cheap tests on the letters around come first: most capitals after a
/// space are names.
fn opens_after(s: &str, space: usize, k: usize, to: usize) -> bool {
    if !char_before(s, space).is_some_and(char::is_lowercase) {
        return false;
    }
    let w = word_at(s, k);
    let mut after = s[k + w.len()..to].chars();
    let goes_on = match after.next() {
        // `L’une des opérations`, not `L’Ardent`; a one-letter starter (`A`, `I`, `À`)
        // only when elided
        Some('\'' | '’') => after.next().is_some_and(char::is_lowercase),
        Some(' ') if w.chars().nth(1).is_some() => after
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()),
        _ => false,
    };
    if !goes_on || starter_at(s, k).is_none() {
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
