//! Claim spans: the check-worthy core of a factual assertion — figures with their noun,
//! dates, and named places and organisations.

use super::tokens::{Tok, is_clause_break, term_at};
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
        if let Some(e) = relative_date(toks, i, lex) {
            out.push(span(t.start, toks[e].end, "date"));
            i = e + 1;
            continue;
        }
        if let Some((s, e)) = time_of_day(toks, i).or_else(|| century(toks, i)) {
            out.push(span(toks[s].start, toks[e].end, "date"));
            i = e + 1;
            continue;
        }
        let number = t.digit || t.is(flag::NUMBER);
        // English writes its months with a capital: a lower-case `may` or `march` is the
        // modal or the verb (`She may well be right`).
        let month = t.is(flag::MONTH)
            && (t.digit || i > 0)
            && (t.cap || lex.lang == crate::nlp::lang::Lang::Fr);
        if t.is(flag::WEEKDAY) && !month && !toks.get(i + 1).is_some_and(|n| n.digit) {
            // `mardi`, `on Tuesday`: a day named for an event.
            let mut s = if i > 0
                && matches!(
                    toks[i - 1].norm.as_str(),
                    "on" | "le" | "ce" | "dès" | "depuis"
                ) {
                i - 1
            } else {
                i
            };
            // `last Monday`, `on Monday morning`, `samedi soir`, `lundi dernier`.
            if s > 0 && toks[s - 1].is(flag::DAY_BEFORE) {
                s -= 1;
            }
            let mut e = i;
            if toks.get(i + 1).is_some_and(|n| n.is(flag::DAY_PART))
                && !is_clause_break(gap(text, toks, i + 1))
            {
                e += 1;
            }
            out.push(span(toks[s].start, toks[e].end, "date"));
            i = e + 1;
            continue;
        }
        if number || month {
            let (s, e, date) = figure(text, toks, i, lex);
            let rule = if date { "date" } else { "figure" };
            let bare = e == i && !t.digit && !date;
            if !bare {
                let after = &text[toks[e].end..];
                let sign = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
                let end = if sign.starts_with('%') {
                    toks[e].end + (after.len() - sign.len()) + 1
                } else {
                    toks[e].end
                };
                out.push(span(toks[s].start, end, rule));
            }
            i = e + 1;
            continue;
        }
        // `in March`, `in May`: a month after a preposition is a date, not a place.
        if t.is(flag::PLACE_PREP)
            && i + 1 < toks.len()
            && !toks[i + 1].is(flag::MONTH | flag::WEEKDAY)
        {
            let mut e = noun_of_name(text, toks, i).unwrap_or(i);
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
            // `dans les régions de Mopti, Gao ou Nara`: the names listed after a plural.
            let plural = e > i
                && toks[i + 1..e]
                    .iter()
                    .any(|t| !t.cap && t.norm.ends_with('s'));
            while plural && e + 2 < toks.len() && toks[e + 1].cap {
                let g = gap(text, toks, e + 1).trim();
                if g != "," {
                    break;
                }
                e += 1;
            }
            if plural
                && e + 2 < toks.len()
                && matches!(toks[e + 1].norm.as_str(), "et" | "ou" | "and" | "or")
                && toks[e + 2].cap
            {
                e += 2;
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

/// After a place preposition, a common noun and `de`/`of` before a name: `au diocèse
/// de Saint-Omer`, `à l'ouest d'Oran`, `in the city of Leeds`. The index of the `de`,
/// the name then extends the span as after the preposition itself.
fn noun_of_name(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    // Only where a place is meant: `sur le rejet de l'ONU` names no place.
    let spatial = matches!(
        toks[i].norm.as_str(),
        "à" | "au" | "aux" | "dans" | "près" | "in" | "at" | "near"
    );
    if !spatial {
        return None;
    }
    let det = |t: &Tok| {
        matches!(
            t.norm.as_str(),
            "le" | "la" | "l" | "les" | "un" | "une" | "the" | "a" | "an"
        )
    };
    let mut k = i + 1;
    if toks.get(k).is_some_and(det) {
        k += 1;
    }
    let nouns = k;
    while k < toks.len()
        && k < nouns + 2
        && !toks[k].cap
        && !toks[k].digit
        && !toks[k].is(flag::FUNCTION)
    {
        k += 1;
    }
    if k == nouns {
        return None;
    }
    let of = toks.get(k)?;
    if !matches!(of.norm.as_str(), "de" | "du" | "des" | "d" | "of") {
        return None;
    }
    let mut name = k + 1;
    if toks.get(name).is_some_and(det) {
        name += 1;
    }
    let ok = toks.get(name).is_some_and(|n| n.cap && !n.is(flag::MONTH))
        && !(i + 1..=name).any(|j| is_clause_break(gap(text, toks, j)));
    ok.then_some(name - 1)
}

/// A date relative to the time of writing, ending at the returned token: `hier`, `ce
/// week-end`, `last week`.
fn relative_date(toks: &[Tok], i: usize, lex: &Lexicon) -> Option<usize> {
    let (n, ()) = term_at(toks, i, &lex.relative_dates, flag::RELATIVE_DATE_FIRST)?;
    Some(i + n - 1)
}

/// A time of day with its preposition: `à 14h`, `vers 20h30`, `at 3 p.m.`, `at 9am`.
fn time_of_day(toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    let t = &toks[i];
    if !t.digit {
        return None;
    }
    let w = t.norm.as_str();
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &w[digits..];
    let clock = |r: &str| {
        r.strip_prefix('h').is_some_and(|m| {
            m.is_empty() || (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))
        }) || matches!(r, "am" | "pm")
    };
    let mut e = i;
    if digits > 2 || !(clock(rest) || rest.is_empty()) {
        return None;
    }
    if rest.is_empty() {
        let next = |k: usize| toks.get(i + k).map(|t| t.norm.as_str());
        match (next(1), next(2)) {
            (Some("p" | "a"), Some("m")) => e = i + 2,
            (Some("pm" | "am" | "heures" | "h"), _) => e = i + 1,
            _ => return None,
        }
    }
    let s = if i > 0
        && matches!(
            toks[i - 1].norm.as_str(),
            "à" | "vers" | "dès" | "avant" | "après" | "at" | "around" | "by" | "until"
        ) {
        i - 1
    } else {
        i
    };
    Some((s, e))
}

/// A century: `au XIXe siècle`, `du XXe siècle`, `in the 19th century`.
fn century(toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    let noun = toks.get(i + 1)?;
    if !noun.is(flag::CENTURY) {
        return None;
    }
    let w = toks[i].norm.as_str();
    let roman = w
        .strip_suffix("er")
        .or_else(|| w.strip_suffix('e'))
        .is_some_and(|r| !r.is_empty() && r.chars().all(|c| matches!(c, 'i' | 'v' | 'x')));
    let ordinal = toks[i].digit && ["st", "nd", "rd", "th"].iter().any(|o| w.ends_with(o));
    if !(roman || ordinal) {
        return None;
    }
    let s = if i > 0
        && matches!(
            toks[i - 1].norm.as_str(),
            "au" | "du" | "le" | "des" | "aux" | "the" | "in" | "since"
        ) {
        i - 1
    } else {
        i
    };
    Some((s, i + 1))
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
            && term_at(toks, i - back, &lex.approximators, flag::APPROX_FIRST) == Some((back, ()))
            && !is_clause_break(&text[toks[i - back].end..toks[i].start])
        {
            s = i - back;
            break;
        }
    }
    let mut e = i;
    let mut date = toks[i].is(flag::MONTH);
    // Thousands groups and decimals: `10 000`, `3,5`.
    while e + 1 < toks.len() && toks[e + 1].digit && toks[e].digit {
        let g = gap(text, toks, e + 1);
        if g.chars().all(|c| c.is_whitespace() || c == ',' || c == '.') && g.chars().count() <= 1 {
            e += 1;
        } else {
            break;
        }
    }
    if e + 1 < toks.len() && toks[e + 1].is(flag::MONTH) {
        e += 1;
        date = true;
    }
    if date {
        if e + 1 < toks.len() && is_year(&toks[e + 1]) {
            e += 1;
        }
        if s > 0 && toks[s - 1].is(flag::WEEKDAY) {
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
    // `en 1178`, `in 1066`: an older year reads as one after a date preposition.
    let old_year = toks[e].norm.len() == 4
        && toks[e]
            .norm
            .parse::<u32>()
            .is_ok_and(|y| (1000..1800).contains(&y))
        && i > 0
        && matches!(
            toks[i - 1].norm.as_str(),
            "en" | "depuis" | "dès" | "in" | "since"
        );
    if (is_year(&toks[e]) || old_year) && e == i {
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
    // `80 %`, `12 pour cent`, `5 percent`: the span ends after the sign or the words.
    let percent = term_at(toks, e + 1, &lex.percent, flag::PERCENT_FIRST);
    if let Some((n, ())) = percent {
        return (s, e + n, false);
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
            || n.is(flag::RELATIVE)
            || (n.is(flag::FUNCTION) && !matches!(n.norm.as_str(), "de" | "d" | "of"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::tokens::tokenize;
    use crate::nlp::lang::Lang;

    /// The claim texts of `s` with their rules.
    fn found(lang: Lang, s: &str) -> Vec<(String, &'static str)> {
        let lex = Lexicon::builtin(lang);
        let toks = tokenize(&lex, s, 0, s.len());
        claims(s, &toks, &lex)
            .into_iter()
            .map(|c| (s[c.start..c.end].to_string(), c.rule))
            .collect()
    }

    fn has(lang: Lang, s: &str, want: &str, rule: &str) {
        let f = found(lang, s);
        assert!(f.iter().any(|(t, r)| t == want && *r == rule), "{s}: {f:?}");
    }

    #[test]
    fn relative_dates_and_times_are_dates() {
        has(Lang::Fr, "Le pont a été fermé hier soir.", "hier", "date");
        has(
            Lang::Fr,
            "Le marché ouvrira ce week-end.",
            "ce week-end",
            "date",
        );
        has(Lang::Fr, "La séance reprend à 14h30.", "à 14h30", "date");
        has(
            Lang::Fr,
            "Le maire a parlé lundi dernier.",
            "lundi dernier",
            "date",
        );
        has(
            Lang::Fr,
            "Nous sommes partis samedi soir.",
            "samedi soir",
            "date",
        );
        has(
            Lang::En,
            "The bridge was closed yesterday.",
            "yesterday",
            "date",
        );
        has(Lang::En, "The council met last week.", "last week", "date");
        has(
            Lang::En,
            "The mayor spoke on Monday morning.",
            "on Monday morning",
            "date",
        );
        has(
            Lang::En,
            "The hearing resumes at 3 p.m. sharp.",
            "at 3 p.m",
            "date",
        );
        has(Lang::En, "Doors open at 9am.", "at 9am", "date");
        // `aujourd'hui` is as often `nowadays`: not a checkable date.
        assert!(found(Lang::Fr, "La ville vit aujourd'hui un paradoxe.").is_empty());
    }

    #[test]
    fn centuries_old_years_and_percentages() {
        has(
            Lang::Fr,
            "Le moulin date du XVIIe siècle.",
            "du XVIIe siècle",
            "date",
        );
        has(
            Lang::En,
            "The mill dates from the 17th century.",
            "from the 17th century",
            "date",
        );
        has(
            Lang::Fr,
            "La chapelle fut bâtie en 1245.",
            "en 1245",
            "date",
        );
        has(Lang::En, "The chapel was built in 1245.", "in 1245", "date");
        has(
            Lang::Fr,
            "Le chômage atteint 7,5 % de la population.",
            "7,5 %",
            "figure",
        );
        has(
            Lang::Fr,
            "Les prix ont monté de 12 pour cent.",
            "12 pour cent",
            "figure",
        );
        has(
            Lang::En,
            "Prices rose by 12 percent.",
            "12 percent",
            "figure",
        );
    }

    #[test]
    fn places_named_after_a_common_noun() {
        has(
            Lang::Fr,
            "Il est né au village de Saint-Malo.",
            "au village de Saint-Malo",
            "place",
        );
        has(
            Lang::Fr,
            "La ferme se trouve à l'ouest d'Angers.",
            "à l'ouest d'Angers",
            "place",
        );
        has(
            Lang::Fr,
            "Les pluies ont frappé dans les communes de Brest, Morlaix ou Quimper.",
            "dans les communes de Brest, Morlaix ou Quimper",
            "place",
        );
        has(
            Lang::En,
            "She was born in the city of Leeds.",
            "in the city of Leeds",
            "place",
        );
        // Not a place: an abstract noun after `sur`.
        let f = found(Lang::Fr, "Le débat porte sur le rejet de la Commission.");
        assert!(f.iter().all(|(_, r)| *r != "place"), "{f:?}");
    }

    #[test]
    fn a_figure_stops_before_a_relative() {
        has(
            Lang::Fr,
            "Le massif compte six sommets dont un volcan.",
            "six sommets",
            "figure",
        );
    }
}
