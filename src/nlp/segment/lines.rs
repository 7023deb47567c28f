//! Lines and the line-join rule. Articles put headings, bylines and list items on lines of
//! their own, so a line break ends a sentence; but text hard-wrapped mid-sentence must be
//! joined again.

use super::chars::{char_at, char_before, is_opener};
use super::inline::{Run, Tail, breaks};
use super::lexicon::{Before, before_stop, is_non_final, starter_at, word_start};
use super::wrap::SLACK;

/// What the join rule needs to know of the previous non-blank line.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// The line's content (trimmed).
    pub start: usize,
    pub end: usize,
    /// The terminal run the line ends with, if any.
    pub tail: Option<Tail>,
}

/// Bytes that may start a line terminator (UAX#29's CR, LF and Sep): LF, CR, and the
/// lead bytes of NEL (U+0085) and of U+2028 / U+2029.
const LINE_BYTES: &[u8] = b"\n\r\xc2\xe2";

/// Calls `f(start, end)` with the whitespace-trimmed content of every line (`start == end`
/// for a blank line). CRLF, lone CR, NEL, U+2028 and U+2029 end lines too.
pub fn for_each_line(text: &str, f: impl FnMut(usize, usize)) {
    for_each_line_in(text, 0, text.len(), f);
}

/// [`for_each_line`] over the lines of `text[from..to]`, `from` and `to` at line starts
/// (or the ends of the text), with offsets into the whole `text`.
pub fn for_each_line_in(text: &str, from: usize, to: usize, mut f: impl FnMut(usize, usize)) {
    let b = &text.as_bytes()[..to];
    let mut ls = from;
    let mut i = from;
    while i < b.len() {
        // Sixteen bytes at a time to the next byte that may start a line terminator.
        i += crate::store::bytescan::plain_prefix(&b[i..], LINE_BYTES, 0, 0);
        let Some(&at) = b.get(i) else { break };
        let len = match at {
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\n' | b'\r' => 1,
            0xC2 if b.get(i + 1) == Some(&0x85) => 2,
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        line(text, ls, i, &mut f);
        i += len;
        ls = i;
    }
    if ls < b.len() {
        line(text, ls, b.len(), &mut f);
    }
}

fn line(text: &str, ls: usize, le: usize, f: &mut impl FnMut(usize, usize)) {
    let l = &text[ls..le];
    let t = l.trim_start();
    let start = ls + (l.len() - t.len());
    let end = start + t.trim_end().len();
    f(start, end);
}

/// Whether the line `text[start..end]` continues the sentence left open by `prev`.
/// `wrap` is the width of hard-wrapped text (see [`super::wrap`]): a full-width line
/// break there is only a space.
pub fn joins(text: &str, prev: &Line, start: usize, end: usize, wrap: Option<usize>) -> bool {
    if starts_list_item(&text[start..end]) {
        return false;
    }
    let full = wrap.is_some_and(|w| prev.end - prev.start + SLACK >= w);
    if let Some(t) = prev.tail {
        if breaks(text, t.start, t.run, t.closed, start, end) {
            return false;
        }
        if full {
            return true;
        }
        // A line break after a terminal ends the sentence, except after a title
        // (`M.⏎Dupont`) or before a lower-case word that the terminal does not end
        // (`« Partez ! »⏎a crié`, `cf.⏎le rapport`); a plain full stop still ends its line.
        let before = if t.run == Run::Stop && !t.closed {
            before_stop(text, t.start)
        } else {
            Before::Plain
        };
        let lower = char_at(text, start).is_some_and(char::is_lowercase);
        return before == Before::Title
            || (lower && (t.run != Run::Stop || before != Before::Plain));
    }
    let Some(last) = char_before(text, prev.end) else {
        return false;
    };
    if full {
        // `Il dénonce`, `J’aime`, `La disomie`: a capitalised starter before a lower-case
        // word opens a sentence; `La Nicca`, `L’Arpège` are names.
        return is_opener(last) || !opens_sentence(text, start, end);
    }
    // After a colon the lines are items of their own; a comma ends list lines too.
    if matches!(last, ':' | ';' | '：' | '；' | ',') {
        return false;
    }
    if char_at(text, start).is_some_and(char::is_lowercase) {
        return true;
    }
    // `sahélo-⏎sahariennes`, an open bracket or quote, `ministre de la⏎Défense`
    let hyphen = matches!(last, '-' | '‐')
        && char_before(text, prev.end - last.len_utf8()).is_some_and(char::is_alphabetic);
    // A word that cannot end a sentence joins the lines (`ministre de la⏎Défense`), if
    // it is a whole word (not the `A` of `Q&A`) and its line no list item ending in a
    // preposition (`4. Check for discounts you qualify for⏎Most carriers …`).
    let ws = word_start(text, prev.end);
    let whole_word = ws == prev.start || char_before(text, ws).is_some_and(char::is_whitespace);
    let item = starts_list_item(&text[prev.start..prev.end]);
    hyphen
        || matches!(last, '(' | '[' | '«' | '“')
        || (whole_word && !item && is_non_final(&text[ws..prev.end]))
}

/// The line starts with a capitalised starter followed by a lower-case word.
fn opens_sentence(text: &str, start: usize, end: usize) -> bool {
    let Some(w) = starter_at(text, start) else {
        return false;
    };
    let mut rest = text[start + w.len()..end].chars();
    match rest.next() {
        Some(' ' | '\'' | '’') => rest.next().is_some_and(char::is_lowercase),
        _ => false,
    }
}

/// `- item`, `• item`, `1. item`, `2) item`, `a) item`: a list item starts its own unit.
pub fn starts_list_item(line: &str) -> bool {
    let mut cs = line.chars();
    let Some(c) = cs.next() else { return false };
    let spaced = |r: &str| r.chars().next().is_some_and(char::is_whitespace);
    if matches!(
        c,
        '-' | '–' | '—' | '•' | '*' | '·' | '▪' | '►' | '‣' | '◦' | '○'
    ) {
        return spaced(cs.as_str());
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let r = &line[digits..];
        return (r.starts_with('.') || r.starts_with(')')) && spaced(&r[1..]);
    }
    c.is_ascii_lowercase() && cs.as_str().starts_with(')') && spaced(&line[2..])
}
