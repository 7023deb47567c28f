//! Sentence segmentation for French and English news: byte spans into the text, with
//! paragraph structure kept. A sentence never crosses a blank line.
//!
//! Lines come first. A blank line ends a paragraph, and so does a line break that ends a
//! unit (articles often put one paragraph per line); only consecutive list items share a
//! paragraph. A line break ends a sentence, so
//! headings, bylines and list items are units of their own, unless the line was broken
//! mid-sentence: no final punctuation and a lower-case next line, or a line ending on
//! `de`, `la`, a hyphen (see `lines.rs`). In text hard-wrapped at a fixed width, every
//! full-width line break is only a space (see `wrap.rs`).
//!
//! Inside a line, a byte scan stops only at UAX#29 sentence terminals (and `:`, `;`) and
//! decides with French and English rules (see `inline.rs`, word lists in `lexicon.rs`):
//! titles (`M.`, `Dr.`) never end a sentence, initials and ambiguous abbreviations
//! (`J.-C.`, `col.`) end one only before a sentence-starting word (`Le`, `Elle`, `The`),
//! a clock time's `a.m.`/`p.m.` before any capitalised word but a day, a month or a time
//! zone, unless the time opened the sentence (`At 5 p.m. Smith called`),
//! a closing `»`/`”` stays with the sentence it ends, a lower-case word after `!`, `?` or
//! `…` continues it (`« Partez ! » a crié`) but a lower-case starter after a full stop
//! that ends a plain word opens one (`match. à la fin`), `vagues.Cette` splits but
//! `lemonde.fr`, `3.5` and e-mails do not. A short label before a colon in a list item
//! (`- 12 mai 2004 : La …`) and an omission mark inside a quotation (`« … [...]. Rien »`)
//! end no sentence; a pictograph glued to a terminal opens one (`chaos..⏱ Temps`). A
//! heading glued to the next sentence with no punctuation (`… une capitale asphyxiée
//! Malgré l’appui …`) is cut off before the capitalised starter (see `heading.rs`).

mod chars;
mod heading;
mod inline;
mod lexicon;
mod lines;
mod wrap;

/// The shape of a speaker's label before its colon, shared with the suggestions' turns.
pub use inline::speaker_label;

/// Changes whenever the segmenter's output can change, so sidecars can tell that their
/// spans came from another segmentation.
pub const VERSION: &str = "glose-seg/7";

/// One sentence: `[start, end)` byte offsets into the segmented text, trimmed of
/// surrounding whitespace, and the index of its paragraph (a new one after a blank line or
/// a line break that ends the unit before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: u32,
}

impl Sentence {
    /// The sentence's text in `text` (the same text that was segmented).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Splits `text` into sentences, in order, covering every non-whitespace character.
pub fn segment(text: &str) -> Vec<Sentence> {
    segment_in_parts(text, PART)
}

/// Below this many bytes a text is segmented in one go; above, in parts of about this
/// size, on all cores (a 6 MB file was segmented on one core while the other waited).
const PART: usize = 256 * 1024;

/// [`segment`], cutting the text into parts of at least `part` bytes after blank lines:
/// a sentence never crosses one, and the line after it starts afresh, so each part is
/// segmented alone (the whole text at hand, for any look around) and only the paragraph
/// numbers are shifted. The output is the same for any `part` (property-tested).
fn segment_in_parts(text: &str, part: usize) -> Vec<Sentence> {
    use rayon::prelude::*;
    let wrap = wrap::wrap_width(text);
    let mut cuts = vec![0];
    while let Some(&last) = cuts.last()
        && let Some(next) = after_blank_line(text, last + part)
    {
        cuts.push(next);
    }
    cuts.push(text.len());
    if cuts.len() == 2 {
        return segment_part(text, 0, text.len(), wrap);
    }
    let parts: Vec<Vec<Sentence>> = cuts
        .par_windows(2)
        .map(|w| segment_part(text, w[0], w[1], wrap))
        .collect();
    let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for p in parts {
        let shift = out.last().map_or(0, |s: &Sentence| s.paragraph + 1);
        out.extend(p.into_iter().map(|s| Sentence {
            paragraph: s.paragraph + shift,
            ..s
        }));
    }
    out
}

/// The start of the first line after a blank line that begins at or after byte `from`:
/// a line feed, then only white space (blank lines) up to the next line feed.
fn after_blank_line(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        let nl = i + memchr::memchr(b'\n', &b[i..])?;
        let next = nl + 1 + memchr::memchr(b'\n', &b[nl + 1..])?;
        // Bytes between two line feeds are whole characters: both ends are ASCII.
        if text[nl + 1..next].trim().is_empty() {
            return (next + 1 < b.len()).then_some(next + 1);
        }
        i = next;
    }
    None
}

/// The sentences of the lines of `text[from..to]`, as if the text began at `from`.
fn segment_part(text: &str, from: usize, to: usize, wrap: Option<usize>) -> Vec<Sentence> {
    let mut out = Vec::with_capacity((to - from) / 100 + 1);
    let mut paragraph = 0u32;
    // Start of the sentence being built, and the last non-blank line it reaches into.
    let mut open = from;
    let mut prev: Option<lines::Line> = None;
    let mut blank = false;
    lines::for_each_line_in(text, from, to, |start, end| {
        if start == end {
            blank = true;
            return;
        }
        let mut fresh = true;
        match prev {
            Some(p) if !blank && lines::joins(text, &p, start, end, wrap) => fresh = false,
            Some(p) => {
                out.push(Sentence {
                    start: open,
                    end: p.end,
                    paragraph,
                });
                let list = lines::starts_list_item(&text[start..end])
                    && lines::starts_list_item(&text[p.start..p.end]);
                if blank || !list {
                    paragraph += 1;
                }
                open = start;
            }
            None => open = start,
        }
        blank = false;
        let tail = inline::scan_line(text, start, end, wrap.is_some(), fresh, &mut |e, s| {
            out.push(Sentence {
                start: open,
                end: e,
                paragraph,
            });
            open = s;
        });
        prev = Some(lines::Line { start, end, tail });
    });
    if let Some(p) = prev {
        out.push(Sentence {
            start: open,
            end: p.end,
            paragraph,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that move the cuts and the rules around them: blank lines of every kind,
    /// list items, wrapped-looking lines, terminals and words.
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\n\t\n", "\u{85}", "\u{2028}", "\n\u{2029}\n",
        "\r", " ", "- ", "• ", "1. ", ".", "!", "?", ":", ";", "…", "«", "»", "M.", "etc.",
        "Le", "la", "de", "Il", "The", "said", "é", "mot", "Titre", "ligne", "x",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..120)
            .prop_map(|v| v.join(" ").replace(" \n", "\n"))
    }

    proptest! {
        /// Cut into parts of any size, the text segments as in one go.
        #[test]
        fn parts_segment_as_the_whole(t in text(), part in 1usize..64) {
            let whole = segment_part(&t, 0, t.len(), wrap::wrap_width(&t));
            prop_assert_eq!(segment_in_parts(&t, part), whole);
        }
    }

    #[test]
    fn a_long_text_is_cut_after_blank_lines_only() {
        let para = "Le maire a parlé. Il a dit : « Rien. »\nSuite de la ligne\n\n";
        let t = para.repeat(20);
        let whole = segment_part(&t, 0, t.len(), wrap::wrap_width(&t));
        assert_eq!(segment_in_parts(&t, 50), whole);
        assert_eq!(whole.last().map(|s| s.paragraph), Some(39));
        assert_eq!(after_blank_line(&t, 0), Some(para.len()));
        assert_eq!(after_blank_line("a\n \nb", 0), Some(4));
        assert_eq!(after_blank_line("a\nb\nc", 0), None);
        assert_eq!(after_blank_line("a\n\n", 0), None);
    }
}
