//! Invariants of `segment` on arbitrary Unicode: spans are trimmed, ordered, on char
//! boundaries, cover every non-whitespace character, never cross a blank line, and
//! paragraphs change only at line breaks, always at blank lines. Also on hard-wrapped text, which
//! takes the line-joining paths.

use glose::nlp::segment::segment;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Pieces that stress the rules: terminals, quotes, spaces of every kind, line endings,
/// control characters, combining marks, abbreviations, and arbitrary chars.
#[rustfmt::skip]
const TRICKY: &[&str] = &[
    " ", " ", "\n", "\r\n", "\r", "\n\n", " \n \n", "\t", "\u{a0}", "\u{202f}", "\u{2009}",
    "\u{85}", "\u{2028}", "\u{2029}", "\u{b}", "\u{c}", "\u{0}", "\u{1}", "\u{7f}", "\u{200b}",
    "\u{feff}", "\u{301}", "\u{308}", ".", "..", "...", "…", "!", "?", "?!", ":", ";", ",",
    "«", "»", "« ", " »", "“", "”", "\"", "'", "’", "(", ")", "[", "]", "(…)", "-", "- ", "—",
    "M.", "MM.", "Dr.", "etc.", "J.-C.", "U.S.", "p. ex.", "art.", "col.", "1.", "II.", "3.5",
    "10 000", "www.a.fr", "a@b.ml", "https://x.org/A.B", "。", "！", "؟", "Le", "le", "Il",
    "L’", "vagues", "Cette", "de", "A", "é", "É", "ß", "東京", "😀", "⏱",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(TRICKY).prop_map(str::to_string),
        2 => "[a-zA-Zéà]{1,8}",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

/// Pieces joined by spaces and wrapped at a width of 40 to 80 bytes, with a few blank
/// lines, so that the text is read as hard-wrapped.
fn wrapped_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(piece(), 20..300), 40usize..80).prop_map(|(v, width)| {
        let mut out = String::new();
        let mut col = 0;
        for (k, p) in v.iter().enumerate() {
            if col + p.len() > width {
                out.push_str(if k % 17 == 0 { "\n\n" } else { "\n" });
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(p);
            col += p.len();
        }
        out
    })
}

/// Line terminators as the segmenter reads them (UAX#29's CR, LF, Sep): LF, CRLF, CR,
/// NEL, U+2028, U+2029. Returns each line's byte range, terminator excluded.
fn lines(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = t.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            out.push((start, i));
            let mut next = i + c.len_utf8();
            if c == '\r' && it.peek().is_some_and(|&(_, d)| d == '\n') {
                it.next();
                next += 1;
            }
            start = next;
        }
    }
    out.push((start, t.len()));
    out
}

fn check(t: &str) -> Result<(), TestCaseError> {
    let sents = segment(t);
    // well-formed, trimmed, ordered, non-overlapping
    let mut prev_end = 0;
    for s in &sents {
        prop_assert!(s.start < s.end && s.end <= t.len(), "{s:?}");
        prop_assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        prop_assert!(s.start >= prev_end, "overlap or disorder at {s:?}");
        let x = s.text(t);
        prop_assert!(
            !x.starts_with(char::is_whitespace) && !x.ends_with(char::is_whitespace),
            "untrimmed {x:?}"
        );
        prev_end = s.end;
    }
    // every non-whitespace character covered
    let mut k = 0;
    for (i, c) in t.char_indices() {
        while k < sents.len() && sents[k].end <= i {
            k += 1;
        }
        let covered = k < sents.len() && sents[k].start <= i;
        prop_assert!(
            c.is_whitespace() || covered,
            "{c:?} at {i} not covered in {t:?}"
        );
    }
    // blank lines: never inside a sentence; between two sentences, the next paragraph
    let blanks: Vec<(usize, usize)> = lines(t)
        .into_iter()
        .filter(|&(a, b)| t[a..b].chars().all(char::is_whitespace))
        .collect();
    let blank_between = |a: usize, b: usize| blanks.iter().any(|&(x, y)| a <= x && y <= b);
    for s in &sents {
        prop_assert!(
            !blank_between(s.start, s.end),
            "{s:?} crosses a blank line in {t:?}"
        );
    }
    if let Some(first) = sents.first() {
        prop_assert_eq!(first.paragraph, 0);
    }
    for w in sents.windows(2) {
        // a blank line always starts a paragraph, a line break may, the same line never
        let gap = &t[w[0].end..w[1].start];
        let step = if blank_between(w[0].end, w[1].start) {
            1..=1
        } else if gap.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
            0..=1
        } else {
            0..=0
        };
        prop_assert!(
            step.contains(&(w[1].paragraph - w[0].paragraph)),
            "{:?} {:?} in {:?}",
            w[0],
            w[1],
            t
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_hold_on_arbitrary_text(t in text()) {
        check(&t)?;
    }

    #[test]
    fn invariants_hold_on_hard_wrapped_text(t in wrapped_text()) {
        check(&t)?;
    }
}
