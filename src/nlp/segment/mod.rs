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

/// Changes whenever the segmenter's output can change, so sidecars can tell that their
/// spans came from another segmentation.
pub const VERSION: &str = "glose-seg/3";

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
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    let mut paragraph = 0u32;
    // Start of the sentence being built, and the last non-blank line it reaches into.
    let mut open = 0usize;
    let mut prev: Option<lines::Line> = None;
    let mut blank = false;
    let wrap = wrap::wrap_width(text);
    lines::for_each_line(text, |start, end| {
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
