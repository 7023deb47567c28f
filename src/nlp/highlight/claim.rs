//! Claim spans: the check-worthy core of a factual assertion — figures with their noun,
//! dates, and named places and organisations.

use super::tokens::{Tok, is_clause_break};
use super::{Kind, Span};
use crate::nlp::lexicon::{Lexicon, flag};

fn span(start: usize, end: usize, rule: &'static str) -> Span {
    Span {
        start,
        end,
        kind: Kind::Claim,
        rule,
    }
}

fn gap<'a>(text: &'a str, toks: &[Tok], i: usize) -> &'a str {
    &text[toks[i - 1].end..toks[i].start]
}

fn is_year(t: &Tok) -> bool {
    t.norm.len() == 4
        && t.norm
            .parse::<u32>()
            .is_ok_and(|y| (1800..2100).contains(&y))
}

/// Claim spans of a sentence.
pub fn claims(text: &str, toks: &[Tok], lex: &Lexicon) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let number = t.digit || t.is(flag::NUMBER);
        let month = t.is(flag::MONTH) && (t.digit || i > 0);
        if t.is(flag::WEEKDAY) && !month && !toks.get(i + 1).is_some_and(|n| n.digit) {
            // `mardi`, `on Tuesday`: a day named for an event.
            let s = if i > 0
                && matches!(
                    toks[i - 1].norm.as_str(),
                    "on" | "le" | "ce" | "dès" | "depuis"
                ) {
                i - 1
            } else {
                i
            };
            out.push(span(toks[s].start, t.end, "date"));
            i += 1;
            continue;
        }
        if number || month {
            let (s, e, date) = figure(text, toks, i, lex);
            let rule = if date { "date" } else { "figure" };
            let bare = e == i && !t.digit && !date;
            if !bare {
                out.push(span(toks[s].start, toks[e].end, rule));
            }
            i = e + 1;
            continue;
        }
        // `in March`, `in May`: a month after a preposition is a date, not a place.
        if t.is(flag::PLACE_PREP)
            && i + 1 < toks.len()
            && !toks[i + 1].is(flag::MONTH | flag::WEEKDAY)
        {
            let mut e = i;
            while e + 1 < toks.len()
                && (toks[e + 1].cap
                    || (e > i && matches!(toks[e + 1].norm.as_str(), "de" | "du" | "of")))
                && !is_clause_break(gap(text, toks, e + 1))
            {
                e += 1;
            }
            while e > i && !toks[e].cap {
                e -= 1;
            }
            // `entre Lyon et Grenoble`, `between Leeds and York`
            let and = toks
                .get(e + 1)
                .is_some_and(|t| matches!(t.norm.as_str(), "et" | "and"));
            if e > i && and && matches!(t.norm.as_str(), "entre" | "between") {
                let mut f = e + 2;
                while f < toks.len()
                    && toks[f].cap
                    && (f == e + 2 || !is_clause_break(gap(text, toks, f)))
                {
                    f += 1;
                }
                if f > e + 2 {
                    e = f - 1;
                }
            }
            if e > i {
                let rule = if toks[i + 1..=e].iter().all(|t| t.acronym) {
                    "organisation"
                } else {
                    "place"
                };
                out.push(span(t.start, toks[e].end, rule));
                i = e + 1;
                continue;
            }
        }
        i += 1;
    }
    merge_lists(text, &mut out);
    for c in &mut out {
        if c.rule == "date" {
            c.start = range_start(text, c.start);
        }
    }
    out
}

/// Joins claims of one kind listed together into one span, as a reader checks them:
/// `à Farabougou (région de Ségou) et à Biriki-Wèrè`, `entre 2021 et 2023`.
fn merge_lists(text: &str, spans: &mut Vec<Span>) {
    let mut k = 1;
    while k < spans.len() {
        let (a, b) = (&spans[k - 1], &spans[k]);
        let between = text.get(a.end..b.start).unwrap_or("x");
        let mut rest = between.trim();
        // One parenthetical right after the first item (`(région de Ségou)`).
        if let Some(r) = rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
            rest = r.1.trim();
        }
        let joins = matches!(
            rest,
            "" | "," | "et" | "ou" | "and" | "or" | "à" | "to" | "-" | "–"
        ) || rest
            .strip_prefix(',')
            .is_some_and(|r| matches!(r.trim(), "et" | "ou" | "and" | "or"));
        let same = a.rule == b.rule && matches!(a.rule, "place" | "date" | "organisation");
        if same && joins && !between.contains(['\n', '.', ';', ':']) {
            spans[k - 1].end = spans[k].end;
            spans.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Where a date starts once the words that make it a range are counted: `à partir de
/// 2022`, `entre 2021 et 2023`, `jusqu'en mai`, `from 2019`.
fn range_start(text: &str, start: usize) -> usize {
    let before = &text[..start];
    let trimmed = before.trim_end();
    for intro in [
        "à partir de",
        "À partir de",
        "jusqu'en",
        "jusqu’en",
        "jusqu'au",
        "jusqu’au",
        "entre",
        "Entre",
        "depuis",
        "Depuis",
        "from",
        "From",
        "between",
        "Between",
        "until",
        "since",
        "Since",
    ] {
        if let Some(head) = trimmed.strip_suffix(intro) {
            let word_edge = head
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if word_edge {
                return head.len();
            }
        }
    }
    start
}

/// Extent of a figure or date around token `i`: approximator before, digits, unit or month
/// and year after, then up to two words of the noun it counts.
fn figure(text: &str, toks: &[Tok], i: usize, lex: &Lexicon) -> (usize, usize, bool) {
    let mut s = i;
    for back in [3, 2, 1] {
        if i >= back
            && lex
                .approximators
                .longest_by(toks.len(), i - back, |j| toks[j].stem())
                == Some((back, ()))
            && !is_clause_break(&text[toks[i - back].end..toks[i].start])
        {
            s = i - back;
            break;
        }
    }
    let mut e = i;
    let mut date = lex.months.contains(toks[i].norm.as_str());
    // Thousands groups and decimals: `10 000`, `3,5`.
    while e + 1 < toks.len() && toks[e + 1].digit && toks[e].digit {
        let g = gap(text, toks, e + 1);
        if g.chars().all(|c| c.is_whitespace() || c == ',' || c == '.') && g.chars().count() <= 1 {
            e += 1;
        } else {
            break;
        }
    }
    if e + 1 < toks.len() && lex.months.contains(toks[e + 1].norm.as_str()) {
        e += 1;
        date = true;
    }
    if date {
        if e + 1 < toks.len() && is_year(&toks[e + 1]) {
            e += 1;
        }
        if s > 0 && lex.weekdays.contains(toks[s - 1].norm.as_str()) {
            s -= 1;
        }
        if s > 0
            && matches!(
                toks[s - 1].norm.as_str(),
                "le" | "du" | "on" | "depuis" | "since" | "en" | "in"
            )
        {
            s -= 1;
        }
        return (s, e, true);
    }
    if is_year(&toks[e]) && e == i {
        if s == i
            && i > 0
            && matches!(
                toks[i - 1].norm.as_str(),
                "en" | "depuis" | "dès" | "in" | "since" | "by"
            )
        {
            s = i - 1;
        }
        return (s, e, true);
    }
    if text[toks[e].end..].trim_start().starts_with('%') {
        return (s, e, false);
    }
    let mut words = 0;
    while e + 1 < toks.len() && words < 2 {
        let n = &toks[e + 1];
        let g = gap(text, toks, e + 1);
        if is_clause_break(g)
            || n.digit
            || (lex.function_words.contains(n.norm.as_str())
                && !matches!(n.norm.as_str(), "de" | "d" | "of"))
        {
            break;
        }
        if matches!(n.norm.as_str(), "de" | "d" | "of") {
            if words > 0 {
                break;
            }
        } else {
            words += 1;
        }
        e += 1;
    }
    while e > i && matches!(toks[e].norm.as_str(), "de" | "d" | "of") {
        e -= 1;
    }
    // A span of time counted from an event: `quatre jours après`, `two years later`.
    let next = |k: usize| toks.get(e + k).map(|t| t.norm.as_str());
    match (next(1), next(2)) {
        (Some("après" | "avant" | "later" | "ago" | "earlier" | "after"), _) => e += 1,
        (Some("plus"), Some("tard")) => e += 2,
        _ => {}
    }
    (s, e, false)
}
