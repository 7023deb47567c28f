//! Quotations: paired marks inside a sentence, and quotations opened in an earlier
//! sentence of the same line (a quote split at its inner sentence ends).

/// One quotation with its marks, `[start, end)` in the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// Words between the marks.
    pub words: usize,
    /// Began before the sentence.
    pub continued: bool,
}

const OPEN: [char; 3] = ['«', '“', '„'];
const CLOSE: [char; 2] = ['»', '”'];

/// How far back to look for an unclosed quotation.
const LOOKBACK: usize = 800;

/// Whether a quotation is open at `start`: marks counted from the start of its line.
fn open_before(text: &str, start: usize) -> (bool, bool) {
    let lo = text.floor_char_boundary(start.saturating_sub(LOOKBACK));
    let from = text[lo..start].rfind('\n').map_or(lo, |i| lo + i + 1);
    let mut depth = 0i32;
    let mut straight = false;
    for (_, c) in marks(&text[from..start]) {
        if OPEN.contains(&c) {
            depth += 1;
        } else if CLOSE.contains(&c) {
            depth = (depth - 1).max(0);
        } else if c == '"' {
            straight = !straight;
        }
    }
    (depth > 0, straight)
}

/// Quotations of the sentence `text[start..end]`.
pub fn find(text: &str, start: usize, end: usize) -> Vec<Quote> {
    let (curly_open, straight_open) = open_before(text, start);
    let mut out = Vec::new();
    let mut cur: Option<(usize, bool)> = (curly_open || straight_open).then_some((start, true));
    let mut depth = i32::from(cur.is_some());
    for (i, c) in marks(&text[start..end]) {
        let at = start + i;
        let straight_closes = c == '"' && cur.is_some();
        if (OPEN.contains(&c) || c == '"') && !straight_closes {
            if cur.is_none() {
                cur = Some((at, false));
                depth = 0;
            }
            depth += 1;
        } else if CLOSE.contains(&c) || straight_closes {
            let close = at + c.len_utf8();
            match cur {
                Some((s, cont)) => {
                    depth -= 1;
                    if depth <= 0 {
                        out.push(quote(text, s, close, cont));
                        cur = None;
                    }
                }
                None if c != '"' => out.push(quote(text, start, close, true)),
                None => {}
            }
        }
    }
    if let Some((s, cont)) = cur {
        let e = text[..end].trim_end().len();
        if e > s {
            out.push(quote(text, s, e, cont));
        }
    }
    out
}

/// The quotation marks of `s` with their offsets: only bytes that can begin one are
/// decoded (`"`, and the lead bytes of `«` `»` and `“` `”` `„`), found many bytes at a
/// time, so plain text costs next to nothing.
fn marks(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    memchr::memchr3_iter(b'"', 0xC2, 0xE2, s.as_bytes()).filter_map(|i| {
        let c = s[i..].chars().next()?;
        (c == '"' || OPEN.contains(&c) || CLOSE.contains(&c)).then_some((i, c))
    })
}

fn quote(text: &str, start: usize, end: usize, continued: bool) -> Quote {
    let words = text[start..end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    Quote {
        start,
        end,
        words,
        continued,
    }
}
