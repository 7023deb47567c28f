//! Quotations told apart from the names of things: a title or a name in quotation marks
//! (`le film « … »`, `"Les Misérables"`) is neither a quotation nor a scare quote.

use super::{SCARE_MAX_WORDS, span};
use crate::nlp::highlight::Span;
use crate::nlp::highlight::quotes::Quote;
use crate::nlp::highlight::tokens::{Tok, is_clause_break};
use crate::nlp::lang::Lang;
use crate::nlp::lexicon::{Lexicon, flag};

/// Words that introduce the name of a work or a thing (`le film « … »`, `a novel
/// called "…"`).
const NAMING: [&str; 41] = [
    "film",
    "livre",
    "roman",
    "album",
    "chanson",
    "tableau",
    "série",
    "émission",
    "pièce",
    "opéra",
    "magazine",
    "revue",
    "titre",
    "intitulé",
    "intitulée",
    "nommé",
    "nommée",
    "appelé",
    "appelée",
    "baptisé",
    "baptisée",
    "surnommé",
    "book",
    "novel",
    "movie",
    "song",
    "painting",
    "series",
    "show",
    "play",
    "titled",
    "entitled",
    "called",
    "dubbed",
    // A piece the text answers (`Rachel Okafor's column, "Stop trying to save the mall,"`).
    "column",
    "editorial",
    "essay",
    "headline",
    "chronique",
    "tribune",
    "éditorial",
];

/// Whether quotation `q` names a work or a thing rather than quoting anyone: a few words
/// starting with a capital and no sentence punctuation inside, after a naming word, a
/// preposition or in title case (`"Les Misérables"`, `le tableau « La Nuit étoilée »`,
/// `"The Old Man and the Sea"`).
pub fn is_title(text: &str, toks: &[Tok], q: &Quote, lex: &Lexicon) -> bool {
    let inner: Vec<&Tok> = toks
        .iter()
        .filter(|t| t.start > q.start && t.end < q.end)
        .collect();
    // The first word, past a number (`« (4422) Jarre »`, `"2001 : l'odyssée"`).
    let Some(first) = inner.iter().find(|t| !t.digit).or(inner.first()) else {
        return false;
    };
    let body = text[q.start..q.end].trim_matches(|c: char| {
        matches!(c, '«' | '»' | '“' | '”' | '"' | '„') || c.is_whitespace()
    });
    if q.continued || !first.cap || q.words > 8 {
        return false;
    }
    // In English, a quotation opening a bracket is a reference (`("Council votes to cut
    // hours," Nov. 3)`), the headline of a piece the text answers; French brackets also
    // hold translations (`(« Le roi de la comédie »)`).
    let bracketed =
        lex.lang == crate::nlp::lang::Lang::En && text[..q.start].trim_end().ends_with('(');
    if bracketed {
        return true;
    }
    // American style puts the sentence's full stop inside the closing mark: a title in
    // title case may end with one (`the author of "Hours of Our Lives."`).
    let stop = body.ends_with(['.', ',', '!', '?', ';', ':', '…']);
    let before = toks.iter().rev().find(|t| t.end <= q.start);
    let naming = before.is_some_and(|b| {
        NAMING.contains(&b.norm.as_str())
            || (lex.lang == Lang::Fr
                && NAMING_VERBS_FR.iter().any(|v| b.norm.starts_with(v))
                && text[b.end..q.start].trim().is_empty())
    });
    let prep = before.is_some_and(|b| {
        matches!(
            b.norm.as_str(),
            "de" | "du" | "des" | "d" | "of" | "dans" | "in"
        )
    }) && q.words <= 3;
    let content: Vec<&&Tok> = inner
        .iter()
        .filter(|t| !t.is(flag::FUNCTION) && !t.digit)
        .collect();
    let title_case = content.len() >= 2 && content.iter().all(|t| t.cap);
    if stop {
        let at_end = body.ends_with(['.', ',']) && lex.lang == crate::nlp::lang::Lang::En;
        return (title_case || naming) && at_end;
    }
    let named = before.is_some_and(|b| !b.is(flag::FUNCTION) && !b.cap) && q.words <= 2;
    naming || prep || title_case || named || sentence_case(text, toks, q, &inner, lex)
}

/// Verbs that name what follows them (`on l'appelait « … »`, `surnommée "…"`), any form.
const NAMING_VERBS_FR: [&str; 7] = [
    "appel", "surnomm", "nomm", "baptis", "rebaptis", "intitul", "dénomm",
];

/// Subject pronouns: a quotation speaks, a title seldom does.
const SUBJECTS_FR: [&str; 11] = [
    "je", "j", "tu", "il", "elle", "nous", "vous", "ils", "elles", "on", "c",
];

/// A French title in sentence case inside a clause (`lauréat des « Nouveaux albums de
/// jeunes architectes »`, `la section "Quantification du décalage"`): a capital first
/// word, the marks inside the clause (not after a colon, a comma or a reporting verb,
/// nor opening the sentence), and no verb to speak with (no subject pronoun, auxiliary,
/// `que` or reporting verb inside).
fn sentence_case(text: &str, toks: &[Tok], q: &Quote, inner: &[&Tok], lex: &Lexicon) -> bool {
    if lex.lang != Lang::Fr || inner.is_empty() {
        return false;
    }
    let Some(k) = toks.iter().rposition(|t| t.end <= q.start) else {
        return false;
    };
    let before = &toks[k];
    // What stands between the word before and the marks, past another quotation's
    // closing mark (`« … » (« … »)`).
    let lead = &text[before.end..q.start];
    let breaks = lead
        .chars()
        .any(|c| matches!(c, ',' | ';' | ':' | '.' | '?' | '!' | '—' | '–'));
    let after = toks.iter().find(|t| t.start >= q.end);
    let tail = after.map_or("", |a| &text[q.end..a.start]);
    let speaks = inner.iter().any(|t| {
        SUBJECTS_FR.contains(&t.norm.as_str())
            || t.is(flag::AUX)
            || matches!(t.norm.as_str(), "que" | "qu")
            || t.is(flag::REPORTING | flag::THOUGHT)
    });
    // `», a déclaré X`: the marks end a quotation its source follows.
    let reported_after = tail.contains(',') && after.is_some_and(|a| a.is(flag::REPORTING));
    !breaks && !before.is(flag::REPORTING | flag::THOUGHT) && !speaks && !reported_after
}

/// Quotations, told apart from scare quotes and from the names of things (`le char
/// « Leclerc »`, `"Les Misérables"`), which get no span.
pub fn quotation_spans(text: &str, toks: &[Tok], quotes: &[Quote], lex: &Lexicon) -> Vec<Span> {
    let mut out = Vec::new();
    for q in quotes {
        if is_title(text, toks, q, lex) {
            continue;
        }
        if q.continued || q.words > SCARE_MAX_WORDS {
            out.push(span(q.start, q.end, "quotation"));
            continue;
        }
        let has_word = toks.iter().any(|t| t.start > q.start && t.end < q.end);
        if has_word {
            let rule = if words_of_a_speaker(text, toks, q, lex) {
                "quotation"
            } else {
                "scare-quote"
            };
            out.push(span(q.start, q.end, rule));
        }
    }
    out
}

/// How far back a reporting verb may stand from the few quoted words it introduces.
const SPEAKER_REACH: usize = 5;

/// A few quoted words that a finite reporting verb of the same clause introduces are
/// the source's words, not the author's scare quotes (`a jugé ces hypothèses
/// « optimistes »`, `a fustigé « une dérive »`, `called the findings "encouraging"`):
/// the verb within [`SPEAKER_REACH`] words before the marks, no clause break between,
/// and no first-person word just before it (the author's own `I called it "…"`). A
/// participle or an infinitive reports nobody's words (`une zone considérée comme
/// « sûre »`, `après avoir promis la « reconquête »`, `il est invité à « goûter »`).
fn words_of_a_speaker(text: &str, toks: &[Tok], q: &Quote, lex: &Lexicon) -> bool {
    let Some(k) = toks.iter().rposition(|t| t.end <= q.start) else {
        return false;
    };
    if is_clause_break(&text[toks[k].end..q.start]) {
        return false;
    }
    let mut j = k;
    for _ in 0..SPEAKER_REACH {
        let t = &toks[j];
        if t.is(flag::REPORTING | flag::FRAME | flag::SPEECH | flag::THOUGHT) && !t.cap {
            let before = &toks[j.saturating_sub(3)..j];
            return !before.iter().any(|b| b.is(flag::FIRST_PERSON))
                && finite(lex.lang, &t.norm, &toks[j.saturating_sub(2)..j])
                && (!naming(&t.norm) || judged(toks, q));
        }
        if j == 0 || is_clause_break(&text[toks[j - 1].end..t.start]) {
            return false;
        }
        j -= 1;
    }
    false
}

/// Whether verb `w` may name what follows as often as judge it (`appellent ce plat « la
/// potée »`, `called the dish "the stew"`): a French naming verb ([`NAMING_VERBS_FR`]),
/// English `call` or `dub`.
fn naming(w: &str) -> bool {
    NAMING_VERBS_FR.iter().any(|v| w.starts_with(v))
        || w.starts_with("call")
        || w.starts_with("dub")
}

/// Whether the quoted words judge rather than name: they open on a lower-case word that
/// is no determiner (`called the findings "encouraging"`), where a name opens on one or
/// on a capital (`"the stew"`, `« la potée »`).
fn judged(toks: &[Tok], q: &Quote) -> bool {
    toks.iter()
        .find(|t| t.start > q.start && t.end < q.end)
        .is_some_and(|t| !t.cap && !t.is(flag::FUNCTION) && !t.digit)
}

/// Whether verb `w`, after the words `before`, is finite: not after `to`, `so`
/// (`so-called`), a passive's `be`/`être` or a non-finite auxiliary (`avoir promis`,
/// `having said`), and in French not an infinitive nor a participle without its
/// auxiliary.
fn finite(lang: Lang, w: &str, before: &[Tok]) -> bool {
    let aux = before
        .iter()
        .rev()
        .find(|b| b.is(flag::AUX | flag::PASSIVE_AUX));
    let bare = |b: &Tok| {
        b.is(flag::PASSIVE_AUX)
            || matches!(
                b.norm.as_str(),
                "to" | "so" | "avoir" | "être" | "ayant" | "étant" | "having" | "being"
            )
    };
    if before.iter().any(bare) {
        return false;
    }
    match lang {
        Lang::En => true,
        Lang::Fr => {
            let infinitive = w.ends_with("er") || w.ends_with("ir") || w.ends_with("re");
            !infinitive && (!super::is_participle(w) || aux.is_some())
        }
    }
}
