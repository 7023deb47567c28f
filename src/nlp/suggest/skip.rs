//! Units that are not sentences of the article (`skip`), told by their shape: headings with
//! no final punctuation, bylines and author blurbs, list fragments, and site chrome such as
//! cookie banners and "Temps de lecture".

use crate::nlp::highlight::tokens::Tok;
use crate::nlp::lexicon::{Lexicon, flag};

/// How far to look for the ends of a line: very long lines (a whole article flattened on
/// one line) are treated as ending there, so the cost per sentence stays bounded.
const LINE_WINDOW: usize = 800;

/// The line of `text` that holds byte `at` (bounded by `LINE_WINDOW` on each side).
pub fn line_of(text: &str, at: usize) -> (usize, usize) {
    let lo = text.floor_char_boundary(at.saturating_sub(LINE_WINDOW));
    let hi = text.floor_char_boundary((at + LINE_WINDOW).min(text.len()));
    let s = text[lo..at].rfind('\n').map_or(lo, |i| lo + i + 1);
    let e = text[at..hi].find('\n').map_or(hi, |i| at + i);
    (s, e)
}

/// The line before the one holding `at`, trimmed, if any.
pub fn previous_line(text: &str, at: usize) -> Option<(usize, usize)> {
    let (s, _) = line_of(text, at);
    if s == 0 || !text[..s].ends_with('\n') {
        return None;
    }
    let lo = text.floor_char_boundary(s.saturating_sub(LINE_WINDOW));
    let before = text[lo..s].trim_end();
    let pe = lo + before.len();
    let ps = before.rfind('\n').map_or(lo, |i| lo + i + 1);
    (pe > ps).then_some((ps, pe))
}

/// The text of the sentences just before and after `[start, end)` on its line (up to
/// the previous and next sentence end), where a banner word marks a whole banner line.
pub fn neighbours(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let (ls, le) = line_of(text, start);
    let le = le.max(end);
    if ls == start && le == end {
        return None;
    }
    let ends = |c: char| matches!(c, '.' | '!' | '?');
    let before = &text[ls..start];
    let b = before
        .trim_end()
        .trim_end_matches(ends)
        .rfind(ends)
        .map_or(ls, |i| ls + i + 1);
    let after = &text[end..le];
    let a = after.find(ends).map_or(le, |i| end + i + 1);
    let b = text.floor_char_boundary(b.max(start.saturating_sub(600)));
    let a = text.floor_char_boundary(a.min(end + 600));
    Some((b, a))
}

fn has_phrase(toks: &[Tok], set: &crate::nlp::lexicon::PhraseSet<()>, first: u32) -> bool {
    if !toks.iter().any(|t| t.stem_is(first)) {
        return false;
    }
    (0..toks.len()).any(|i| {
        toks[i].stem_is(first) && set.longest_by(toks.len(), i, |j| toks[j].stem()).is_some()
    })
}

/// Why `text[start..end]` is not a sentence of the article, if it is not. `toks` are the
/// sentence's words; `line_toks` those of its whole line; `attributed` tells whether an
/// attribution was found (a short `X a déclaré :` is not a heading).
pub fn reason(
    lex: &Lexicon,
    text: &str,
    start: usize,
    end: usize,
    toks: &[Tok],
    line_toks: &[Tok],
    attributed: bool,
) -> Option<&'static str> {
    if has_phrase(toks, &lex.banner, flag::BANNER_FIRST)
        || has_phrase(line_toks, &lex.banner, flag::BANNER_FIRST)
    {
        return Some("banner");
    }
    let s = text[start..end].trim();
    let words = toks.len();
    let last = s.chars().last()?;
    // A closing quotation mark ends a sentence only after its own final punctuation
    // (`… inquiétant.”`); `Le mirage de la “reconquête”` is a heading.
    let core = s.trim_end_matches(['»', '”', '"', ' ', '\u{a0}']);
    let terminal = matches!(last, '.' | '!' | '?' | '…' | ';')
        || (matches!(last, '»' | '”' | '"') && core.ends_with(['.', '!', '?', '…']));
    if has_phrase(toks, &lex.byline, flag::BYLINE_FIRST) {
        let name_first = toks.len() > 2 && toks[0].cap && toks[1].cap;
        let comma_early = toks.iter().take(6).any(|t| text[t.end..].starts_with(','));
        if !terminal || (name_first && comma_early) {
            return Some("byline");
        }
    }
    if attributed {
        return None;
    }
    let starts_lower = s.chars().next().is_some_and(|c| c.is_lowercase());
    // Looked up only where a rule needs it: most sentences never do.
    let after_list_intro = || {
        previous_line(text, start).is_some_and(|(a, b)| {
            let p = text[a..b].trim_end();
            p.ends_with(':') || p.ends_with(',')
        })
    };
    // The line around the unit matters only to a unit ending in `,` or `:`; most end
    // otherwise and skip the look-up.
    let line = || {
        let (ls, le) = line_of(text, start);
        let le = le.max(end);
        (le, text[ls..le].trim() == s)
    };
    if last == ',' && words <= 25 {
        let (le, whole_line) = line();
        let line_final = text[end..le].trim().is_empty();
        if line_final && (starts_lower || whole_line || after_list_intro()) {
            return Some("list-item");
        }
    }
    // A whole line ending in a colon, followed by a line that starts a new block with a
    // capital: a subhead introducing what follows, not a sentence of the article.
    if last == ':' && words <= 16 {
        let (le, whole_line) = line();
        let next_upper = text[le..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if whole_line && next_upper {
            return Some("heading");
        }
    }
    if starts_lower && words <= 10 && matches!(last, ',' | '.' | ';') && after_list_intro() {
        return Some("list-item");
    }
    if last == ':' && words <= 2 {
        return Some("fragment");
    }
    // A line without final punctuation is a heading unless it reads as prose: a long
    // line with a comma or a relative clause (`Prix raisonnable, service sympathique qui
    // nous a…`, a review typed without its full stop).
    let prose = words > 14
        && (s.contains(',')
            || toks.iter().any(|t| {
                matches!(
                    t.norm.as_str(),
                    "qui" | "que" | "qu" | "dont" | "which" | "who"
                )
            }));
    if !terminal && last != ':' && last != ',' && words <= 20 && !prose {
        return Some("heading");
    }
    // A short verbless unit with a full stop at the start of a line: a heading or a
    // dateline (`Météo.`, `BOURGES.`, `Sports.`), not a sentence.
    let at_line_start = line_of(text, start).0 == text[..start].trim_end_matches([' ', '\t']).len();
    let plain_word = |t: &Tok| {
        t.cap
            && !lex.function_words.contains(t.norm.as_str())
            && !lex.first_person.contains(t.norm.as_str())
            && !lex.auxiliaries.contains(t.norm.as_str())
            && !t.is(flag::REPORTING)
    };
    if matches!(last, '.' | '!')
        && (1..=2).contains(&words)
        && at_line_start
        && toks.iter().all(plain_word)
    {
        return Some("heading");
    }
    None
}
