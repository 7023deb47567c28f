//! Sentence segmentation for French and English news: byte spans into the text, with
//! paragraph structure kept. A sentence never crosses a blank line.

use unicode_segmentation::UnicodeSegmentation;

/// Changes whenever the segmenter's output can change, so sidecars can tell that their
/// spans came from another segmentation.
pub const VERSION: &str = "glose-seg/0";

/// One sentence: `[start, end)` byte offsets into the segmented text, trimmed of
/// surrounding whitespace, and the index of its paragraph (blocks separated by blank lines).
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

/// Splits `text` into sentences.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0u32;
    let mut unit_start: Option<usize> = None;
    let mut unit_end = 0;
    let mut seen_blank = false;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if let Some(s) = unit_start.take() {
                split_unit(text, s, unit_end, paragraph, &mut out);
            }
            seen_blank = true;
        } else {
            if seen_blank && !out.is_empty() {
                paragraph += 1;
            }
            seen_blank = false;
            let lead = content.len() - content.trim_start().len();
            let start = pos + lead;
            let end = pos + content.trim_end().len();
            let continues = trimmed.chars().next().is_some_and(|c| c.is_lowercase());
            match unit_start {
                Some(_) if continues => unit_end = end,
                Some(s) => {
                    split_unit(text, s, unit_end, paragraph, &mut out);
                    unit_start = Some(start);
                    unit_end = end;
                }
                None => {
                    unit_start = Some(start);
                    unit_end = end;
                }
            }
        }
        pos += line.len();
    }
    if let Some(s) = unit_start {
        split_unit(text, s, unit_end, paragraph, &mut out);
    }
    out
}

fn split_unit(text: &str, start: usize, end: usize, paragraph: u32, out: &mut Vec<Sentence>) {
    let unit = &text[start..end];
    for (off, s) in unit.split_sentence_bound_indices() {
        let lead = s.len() - s.trim_start().len();
        let t = s.trim();
        if !t.is_empty() {
            let a = start + off + lead;
            out.push(Sentence {
                start: a,
                end: a + t.len(),
                paragraph,
            });
        }
    }
}
