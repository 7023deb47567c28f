//! Quotations: paired marks inside a sentence, and quotations opened in an earlier
//! sentence of the same line and closed in this one or a later one (a quote split at its
//! inner sentence ends). Straight `"` marks are paired by the spacing around each.

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

/// How far back (and ahead) to look for the other mark of a quotation.
const LOOKBACK: usize = 800;

/// What a straight `"` does, told by the characters on each side of it (a count of marks
/// goes wrong for good after one unmatched mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Letters on both sides, or spaces on both: only the count can tell.
    Either,
}

fn straight_role(text: &str, at: usize) -> Role {
    let prev = text[..at].chars().next_back();
    let next = text[at + 1..].chars().next();
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let opener = |c: Option<char>| {
        space(c) || c.is_some_and(|c| matches!(c, '(' | '[' | '\'' | '’' | '-' | '—' | '–'))
    };
    let closer = |c: Option<char>| {
        space(c)
            || c.is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '…'))
    };
    if next.is_none_or(|c| c.is_whitespace()) && prev.is_none_or(|c| c == '\n') {
        // Alone at a line start: it closes what the line before opened.
        Role::Close
    } else if next.is_none_or(|c| c == '\n' || c == '\r') {
        Role::Close
    } else if !space(next) && closer(next) {
        // Punctuation right after it (`l'état ",`): a quotation never opens on one.
        Role::Close
    } else if opener(prev) && !space(next) {
        Role::Open
    } else if !space(prev) && closer(next) {
        Role::Close
    } else if space(prev) && space(next) && text[..at].trim_end().ends_with(':') {
        // Spaced on both sides after a colon (`: " Pour`): it opens what the colon
        // announces.
        Role::Open
    } else {
        Role::Either
    }
}

/// Whether a quotation is open at `start` (curly, straight), the marks read from the start
/// of its line.
fn open_before(text: &str, start: usize) -> (bool, bool) {
    let lo = text.floor_char_boundary(start.saturating_sub(LOOKBACK));
    let from = text[lo..start].rfind('\n').map_or(lo, |i| lo + i + 1);
    open_between(text, from, start)
}

/// Whether a quotation is open at `start` (curly, straight), the marks read from `from`.
fn open_between(text: &str, from: usize, start: usize) -> (bool, bool) {
    let mut depth = 0i32;
    let mut straight = false;
    for (i, c) in marks(&text[from..start]) {
        if OPEN.contains(&c) {
            depth += 1;
        } else if CLOSE.contains(&c) {
            depth = (depth - 1).max(0);
        } else {
            straight = match straight_role(text, from + i) {
                Role::Open => true,
                Role::Close => false,
                Role::Either => !straight,
            };
        }
    }
    (depth > 0, straight)
}

/// Whether a word follows the closing mark ending at `close` on its line, with no
/// punctuation first: the mark separates what stands on each side of it.
fn separates(text: &str, close: usize) -> bool {
    text[close..]
        .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
        .starts_with(char::is_alphanumeric)
}

/// Whether a curly quotation is open at `start`, the marks read from the start of its
/// paragraph (a blank line), at most [`LOOKBACK`] bytes back.
fn opened_in_paragraph(text: &str, start: usize) -> bool {
    let lo = text.floor_char_boundary(start.saturating_sub(LOOKBACK));
    let from = memchr::memmem::rfind(&text.as_bytes()[lo..start], b"\n\n").map_or(lo, |i| lo + i);
    open_between(text, from, start).0
}

/// Whether a closing mark follows `at` on its line: a quotation left open at a sentence
/// end goes on only if something closes it (an unmatched mark quotes nothing).
fn closes_later(text: &str, at: usize, straight: bool) -> bool {
    let hi = text.floor_char_boundary((at + LOOKBACK).min(text.len()));
    let to = text[at..hi].find('\n').map_or(hi, |i| at + i);
    // The first mark of the kind ahead decides: one that opens starts a new quotation.
    marks(&text[at..to])
        .find(|&(_, c)| {
            if straight {
                c == '"'
            } else {
                OPEN.contains(&c) || CLOSE.contains(&c)
            }
        })
        .is_some_and(|(i, c)| {
            if straight {
                straight_role(text, at + i) != Role::Open
            } else {
                CLOSE.contains(&c)
            }
        })
}

/// Whether the paragraph after the one holding `at` opens with a quotation mark of the
/// kind: a quotation running over paragraphs leaves each one open and reopens the next
/// (`"My father did this job.` ⏎ `"If they want a fight," he said.`).
fn next_paragraph_reopens(text: &str, at: usize, straight: bool) -> bool {
    let hi = text.floor_char_boundary((at + LOOKBACK).min(text.len()));
    let Some(nl) = text[at..hi].find('\n') else {
        return false;
    };
    let next = at + nl;
    // Only a quotation left open to the end of its paragraph: a mark ahead on the line
    // pairs (or fails to) there.
    let ahead = marks(&text[at..next]).any(|(_, c)| {
        if straight {
            c == '"'
        } else {
            OPEN.contains(&c) || CLOSE.contains(&c)
        }
    });
    if ahead {
        return false;
    }
    let rest = &text[next..hi];
    let lead = rest.len() - rest.trim_start().len();
    let first = next + lead;
    match text[first..].chars().next() {
        Some('"') => straight && straight_role(text, first) == Role::Open,
        Some(c) => !straight && OPEN.contains(&c),
        None => false,
    }
}

/// Whether a quotation open at `at` goes on: closed later on its line, or carried on to
/// the next paragraph.
fn goes_on(text: &str, at: usize, straight: bool) -> bool {
    closes_later(text, at, straight) || next_paragraph_reopens(text, at, straight)
}

/// Quotations of the sentence `text[start..end]`.
pub fn find(text: &str, start: usize, end: usize) -> Vec<Quote> {
    let (curly_open, straight_open) = open_before(text, start);
    let curly = curly_open && goes_on(text, start, false);
    let straight = !curly && straight_open && goes_on(text, start, true);
    let mut out = Vec::new();
    // The open quotation: where it starts, whether it began before the sentence, whether
    // its mark is a straight one, whether the mark surely opens (a curly one, or a straight
    // one its spacing tells).
    let mut cur: Option<(usize, bool, bool, bool)> =
        (curly || straight).then_some((start, true, straight, false));
    let mut depth = i32::from(cur.is_some());
    for (i, c) in marks(&text[start..end]) {
        let at = start + i;
        let close = at + c.len_utf8();
        if OPEN.contains(&c) {
            if cur.is_none() {
                cur = Some((at, false, false, true));
                depth = 0;
            }
            depth += 1;
            continue;
        }
        let role = (c == '"').then(|| match straight_role(text, at) {
            // A mark with no word after it in the sentence closes (`honnête ! "` before
            // the next sentence): no quotation opens at a sentence's end.
            Role::Either if !text[close..end].contains(|c: char| c.is_alphanumeric()) => {
                Role::Close
            }
            r => r,
        });
        match (cur, role) {
            // Straight marks inside a curly quotation are the source's own.
            (Some((_, _, false, _)), Some(_)) => {}
            // An opening mark while a straight one is open: that one was unmatched.
            (Some((_, _, true, _)), Some(Role::Open)) => {
                cur = Some((at, false, true, true));
                depth = 1;
            }
            (Some((s, cont, _, _)), _) => {
                depth -= 1;
                if depth <= 0 {
                    out.push(quote(text, s, close, cont));
                    cur = None;
                }
            }
            // A closing mark with nothing open: the quotation began before the sentence
            // (on an earlier line of the paragraph, or its opening mark was lost: `… de
            // ces pays », a déclaré X`). A curly one that nothing in the paragraph opened
            // and that a word follows separates (`Accueil » Sport`, `Message par Léa »
            // lun. 9 janv.`) and quotes nothing.
            (None, None) if separates(text, close) && !opened_in_paragraph(text, start) => {}
            (None, None | Some(Role::Close)) => out.push(quote(text, start, close, true)),
            (None, Some(r)) => {
                cur = Some((at, false, true, r == Role::Open));
                depth = 1;
            }
        }
    }
    if let Some((s, cont, straight, firm)) = cur {
        let e = text[..end].trim_end().len();
        if e > s && goes_on(text, end, straight) {
            out.push(quote(text, s, e, cont));
        } else if e > s && firm && !cont {
            // A mark that surely opens, never closed on its line (a quotation whose close
            // was lost, or that goes on in the next paragraph): it quotes the rest of this
            // sentence when that is more than a few words, and nothing after it.
            let q = quote(text, s, e, false);
            if q.words > UNCLOSED_MIN_WORDS {
                out.push(q);
            }
        }
    }
    out
}

/// An unclosed quotation counts only past this many words (a lone mark before a word or
/// two is a typo, not a quotation).
const UNCLOSED_MIN_WORDS: usize = 4;

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
