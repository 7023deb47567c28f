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
    lines(raw, start, end, width).collect()
}

/// The lines of `raw[start..end]` at `width` columns, made as they are asked for: a
/// reader showing the first rows of a unit of megabytes wraps only those rows, and a word
/// wider than a line is broken as it goes rather than held whole.
pub fn lines(raw: &str, start: usize, end: usize, width: usize) -> Wrap<'_> {
    Wrap {
        raw,
        at: start,
        end,
        width: width.max(1),
        cur: Line::default(),
        word: Vec::new(),
        word_width: 0,
        breaking: false,
        ready: std::collections::VecDeque::new(),
        any: false,
        done: false,
    }
}

/// The iterator of [`lines`].
#[derive(Debug)]
pub struct Wrap<'a> {
    raw: &'a str,
    /// Next byte to read.
    at: usize,
    end: usize,
    width: usize,
    cur: Line<'a>,
    /// The word being read, not yet placed.
    word: Vec<Piece<'a>>,
    word_width: usize,
    /// The word being read is wider than a line: its pieces go straight onto lines.
    breaking: bool,
    /// Lines finished and not yet handed out.
    ready: std::collections::VecDeque<Line<'a>>,
    /// A line was finished (the first line of a unit keeps its leading space).
    any: bool,
    done: bool,
}

impl<'a> Wrap<'a> {
    /// Finishes the current line.
    fn push_line(&mut self) {
        self.any = true;
        self.ready.push_back(std::mem::take(&mut self.cur));
    }

    /// Adds a space, unless it would start or overflow a line.
    fn space(&mut self, text: Cow<'a, str>, at: usize, w: usize) {
        if self.cur.width == 0 && self.any {
            return;
        }
        if self.cur.width + w > self.width {
            self.push_line();
            return;
        }
        self.cur.push(Piece {
            text,
            start: at,
            width: w,
        });
    }

    /// Puts a piece on the current line, or the next one when it does not fit.
    fn place(&mut self, p: Piece<'a>) {
        if self.cur.width > 0 && self.cur.width + p.width > self.width {
            self.push_line();
        }
        self.cur.push(p);
    }

    /// Puts the word on the current line, or the next one, breaking it if it is wider
    /// than a line.
    fn flush(&mut self) {
        self.breaking = false;
        if self.word.is_empty() {
            return;
        }
        if self.cur.width > 0 && self.cur.width + self.word_width > self.width {
            trim_end(&mut self.cur);
            self.push_line();
        }
        let word = std::mem::take(&mut self.word);
        self.word_width = 0;
        for p in word {
            self.place(p);
        }
    }

    /// Reads graphemes until a line is finished or the text ends.
    fn step(&mut self) {
        const SPACES: &str = "        ";
        let raw = self.raw;
        let base = self.at;
        for (off, g) in graphemes(&raw[base..self.end]) {
            let at = base + off;
            self.at = at + g.len();
            if g == "\t" {
                self.flush();
                let w = TAB - self.cur.width % TAB;
                self.space(Cow::Borrowed(&SPACES[..w]), at, w);
            } else {
                let (text, is_space) = display(g);
                if is_space {
                    self.flush();
                    self.space(text, at, 1);
                } else {
                    let width = UnicodeWidthStr::width(text.as_ref());
                    let p = Piece {
                        text,
                        start: at,
                        width,
                    };
                    if self.breaking {
                        self.place(p);
                    } else {
                        self.word_width += p.width;
                        self.word.push(p);
                        if self.word_width > self.width {
                            // Too wide for any line: placed now, as a later `flush` would.
                            self.flush();
                            self.breaking = true;
                        }
                    }
                }
            }
            if !self.ready.is_empty() {
                return;
            }
        }
        self.at = self.end;
        if !self.done {
            self.done = true;
            self.flush();
            if !self.cur.pieces.is_empty() || !self.any {
                self.push_line();
            }
        }
    }
}

impl<'a> Iterator for Wrap<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.ready.is_empty() {
            self.step();
        }
        self.ready.pop_front()
    }
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
    fn a_huge_unit_wraps_its_first_lines_alone() {
        // 4 MB of words and one 1 MB word: the first lines are those of its start.
        let mut s = "mot ".repeat(1 << 20);
        s.push_str(&"x".repeat(1 << 20));
        let first: Vec<Line> = lines(&s, 0, s.len(), 30).take(3).collect();
        let head = &s[..200];
        assert_eq!(first, wrap(head, 0, head.len(), 30)[..3]);
        let tail: Vec<Line> = lines(&s, s.len() - 70, s.len(), 30).collect();
        assert_eq!(
            texts(&tail),
            ["x".repeat(30), "x".repeat(30), "x".repeat(10)]
        );
    }

    #[test]
    fn tabs_expand_and_newlines_flow() {
        let s = "a\tb\nc";
        let l = wrap(s, 0, s.len(), 80);
        assert_eq!(texts(&l), ["a   b c"]);
        assert_eq!(l[0].width, 7);
    }
}
