//! Detects hard-wrapped text (lines cut at a fixed width, as in e-mails and plain-text
//! dumps), where a line break inside a paragraph is only a space.

use super::lines::{for_each_line, starts_list_item};

/// Lines longer than this (in bytes) are never the result of wrapping.
const MAX_WIDTH: usize = 160;
/// Narrower "widths" are lists or verse, not wrapping.
const MIN_WIDTH: usize = 40;
/// How far short of the width a wrapped line may end.
pub const SLACK: usize = 20;

/// The wrap width in bytes when most lines followed by another non-blank line end near
/// one width: at least 4 such lines, 60% of them within [`SLACK`] of the width (the 90th
/// percentile of their lengths). Articles with one paragraph per line have long lines of
/// every length and get `None`.
pub fn wrap_width(text: &str) -> Option<usize> {
    let mut hist = [0u32; MAX_WIDTH + 2];
    let mut inner = 0u32;
    let mut prev: Option<usize> = None;
    // The lines of a list (`* Union rejects offer`, `4. Check for discounts`) end where
    // their items end, at no width: counted, a wire story's deck of bullets passed for
    // wrapped text and its byline was joined to the last bullet.
    for_each_line(text, |start, end| {
        let len = end - start;
        let item = starts_list_item(&text[start..end]);
        if let Some(p) = prev.filter(|_| len > 0 && !item) {
            hist[p.min(MAX_WIDTH + 1)] += 1;
            inner += 1;
        }
        prev = (len > 0 && !item).then_some(len);
    });
    if inner < 4 {
        return None;
    }
    // The 90th percentile of inner line lengths.
    let rank = (inner - 1) * 9 / 10;
    let mut seen = 0;
    let width = (0..hist.len()).find(|&w| {
        seen += hist[w];
        seen > rank
    })?;
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&width) {
        return None;
    }
    let near: u32 = hist[width - SLACK..=(width + SLACK / 2).min(MAX_WIDTH)]
        .iter()
        .sum();
    (near * 10 >= inner * 6).then_some(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_paragraphs_have_a_width() {
        let para = "Les colonnes russes et maliennes diffusées par la télévision nationale ont \
                    entretenu le mythe de la reconquête, alors que sur le terrain la situation \
                    se dégrade de semaine en semaine et que les convois sont attaqués.";
        let mut wrapped = String::new();
        for _ in 0..3 {
            let mut col = 0;
            for w in para.split(' ') {
                if col + w.len() > 60 {
                    wrapped.push('\n');
                    col = 0;
                } else if col > 0 {
                    wrapped.push(' ');
                    col += 1;
                }
                wrapped.push_str(w);
                col += w.len();
            }
            wrapped.push_str("\n\n");
        }
        let w = wrap_width(&wrapped).expect("wrapped");
        assert!((50..=62).contains(&w), "{w}");
        // the same paragraphs one per line are not wrapped
        assert_eq!(
            wrap_width(&format!("{para}\n{para}\n{para}\n{para}\n{para}\n")),
            None
        );
        // nor is a short list
        assert_eq!(
            wrap_width("- un,\n- deux,\n- trois,\n- quatre,\n- cinq.\n"),
            None
        );
        assert_eq!(wrap_width(""), None);
    }
}
