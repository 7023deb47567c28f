//! Lays out one sentence into screen lines: terminal-safe (control characters become
//! placeholders), tabs expanded, wide characters and combining marks measured by grapheme,
//! words kept whole where they fit. Each piece keeps its byte offsets so highlight spans
//! and labels map onto the screen.

use crate::model::sanitize;
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Tab stops every this many columns.
pub const TAB: usize = 4;

/// One grapheme as drawn, with its `[start, end)` bytes in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
    pub width: usize,
}

/// One screen line of a sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line<'a> {
    pub pieces: Vec<Piece<'a>>,
    pub width: usize,
}

impl<'a> Line<'a> {
    fn push(&mut self, p: Piece<'a>) {
        self.width += p.width;
        self.pieces.push(p);
    }
}

/// What a grapheme draws as: placeholders for controls, a space for line breaks.
fn display(g: &str) -> (Cow<'_, str>, bool) {
    if g.contains(['\n', '\r']) {
        return (Cow::Borrowed(" "), true);
    }
    if g == " " || g == "\u{a0}" || g == "\u{202f}" {
        // No-break spaces draw as spaces but keep « guillemets » with their word.
        return (Cow::Borrowed(" "), g == " ");
    }
    if g.chars().any(|c| sanitize::placeholder(c).is_some()) {
        let s: String = g
            .chars()
            .map(|c| sanitize::placeholder(c).unwrap_or(c))
            .collect();
        return (Cow::Owned(s), false);
    }
    (Cow::Borrowed(g), false)
}

/// Wraps `raw[start..end]` to `width` columns (at least 1).
pub fn wrap(raw: &str, start: usize, end: usize, width: usize) -> Vec<Line<'_>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut cur = Line::default();
    let mut word: Vec<Piece> = Vec::new();
    const SPACES: &str = "        ";
    for (off, g) in graphemes(&raw[start..end]) {
        let at = start + off;
        if g == "\t" {
            flush(&mut word, &mut cur, &mut lines, width);
            let w = TAB - cur.width % TAB;
            space(
                &mut cur,
                &mut lines,
                width,
                Cow::Borrowed(&SPACES[..w]),
                at,
                w,
            );
            continue;
        }
        let (text, is_space) = display(g);
        if is_space {
            flush(&mut word, &mut cur, &mut lines, width);
            space(&mut cur, &mut lines, width, text, at, 1);
        } else {
            let w = UnicodeWidthStr::width(text.as_ref());
            word.push(Piece {
                text,
                start: at,
                width: w,
            });
        }
    }
    flush(&mut word, &mut cur, &mut lines, width);
    if !cur.pieces.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Extended grapheme clusters with their offsets, as `grapheme_indices(true)` gives them,
/// with a fast path for the common case: an ASCII character other than CR followed by an
/// ASCII byte (or the end) is a cluster of its own (UAX #29 joins ASCII only in CR LF and
/// before a combining mark, which is never ASCII). Wrapping is most of a key press's cost.
fn graphemes(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= b.len() {
            return None;
        }
        let start = at;
        let c = b[start];
        let len = if c.is_ascii() && c != b'\r' && b.get(start + 1).is_none_or(u8::is_ascii) {
            1
        } else {
            s[start..].graphemes(true).next().map_or(1, str::len)
        };
        at = start + len;
        Some((start, &s[start..at]))
    })
}

/// Adds a space, unless it would start or overflow a line.
fn space<'a>(
    cur: &mut Line<'a>,
    lines: &mut Vec<Line<'a>>,
    width: usize,
    text: Cow<'a, str>,
    at: usize,
    w: usize,
) {
    if cur.width == 0 && !lines.is_empty() {
        return;
    }
    if cur.width + w > width {
        lines.push(std::mem::take(cur));
        return;
    }
    cur.push(Piece {
        text,
        start: at,
        width: w,
    });
}

/// Puts a word on the current line, or the next one, breaking it if it is wider than a line.
fn flush<'a>(
    word: &mut Vec<Piece<'a>>,
    cur: &mut Line<'a>,
    lines: &mut Vec<Line<'a>>,
    width: usize,
) {
    if word.is_empty() {
        return;
    }
    let w: usize = word.iter().map(|p| p.width).sum();
    if cur.width > 0 && cur.width + w > width {
        trim_end(cur);
        lines.push(std::mem::take(cur));
    }
    for p in word.drain(..) {
        if cur.width > 0 && cur.width + p.width > width {
            lines.push(std::mem::take(cur));
        }
        cur.push(p);
    }
}

fn trim_end(line: &mut Line) {
    while line.pieces.last().is_some_and(|p| p.text.trim().is_empty()) {
        if let Some(p) = line.pieces.pop() {
            line.width -= p.width;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.pieces.iter().map(|p| p.text.as_ref()).collect())
            .collect()
    }

    #[test]
    fn words_wrap_and_long_words_break() {
        let s = "Le chat dort sur anticonstitutionnellement.";
        let l = wrap(s, 0, s.len(), 12);
        assert_eq!(
            texts(&l),
            ["Le chat dort", "sur", "anticonstitu", "tionnellemen", "t."]
        );
        assert!(l.iter().all(|l| l.width <= 12));
    }

    #[test]
    fn controls_become_placeholders_and_offsets_stay() {
        let s = "a\u{1b}]0;owned\u{7}b\u{1b}[2J";
        let l = wrap(s, 0, s.len(), 80);
        assert_eq!(texts(&l), ["a␛]0;owned␇b␛[2J"]);
        assert_eq!(l[0].pieces[1].start, 1);
        assert!(texts(&l)[0].chars().all(|c| !c.is_control()));
    }

    #[test]
    fn wide_and_combining_are_measured_by_grapheme() {
        let s = "日本語 e\u{301}te\u{301} 👍🏽";
        let l = wrap(s, 0, s.len(), 80);
        assert_eq!(l[0].width, 6 + 1 + 3 + 1 + 2);
        let narrow = wrap("日本語", 0, 9, 5);
        assert_eq!(texts(&narrow), ["日本", "語"]);
    }

    #[test]
    fn fast_graphemes_match_uax29() {
        for s in [
            "a\r\nb\n\rc",
            "e\u{301}te\u{301} x\u{308}",
            "🇫🇷🇲🇱a🇫",
            "👍🏽 a\u{200d}b",
            "\u{1b}[2J\u{7}",
            "« éé » — 日本",
            "",
        ] {
            let fast: Vec<_> = graphemes(s).collect();
            let slow: Vec<_> = s.grapheme_indices(true).collect();
            assert_eq!(fast, slow, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_graphemes_match_uax29_on_any_text(s in "(\\PC|[\r\n\t a-z\u{301}\u{308}\u{200d}])*") {
            let fast: Vec<_> = graphemes(&s).collect();
            let slow: Vec<_> = s.grapheme_indices(true).collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn tabs_expand_and_newlines_flow() {
        let s = "a\tb\nc";
        let l = wrap(s, 0, s.len(), 80);
        assert_eq!(texts(&l), ["a   b c"]);
        assert_eq!(l[0].width, 7);
    }
}
