//! Source spans: quotations with their marks, and attributions (a reporting verb with its
//! source, `selon X`, an inverted clause `», a expliqué X`, `dit-il`).

use super::quotes::Quote;
use super::tokens::{Tok, is_clause_break};
use super::{Kind, Span};
use crate::nlp::lexicon::{Lexicon, flag};

/// Quoted spans of this many words or fewer are scare quotes, not attributions.
pub const SCARE_MAX_WORDS: usize = 4;

const PRONOUNS: [&str; 9] = [
    "il", "elle", "ils", "elles", "on", "he", "she", "they", "it",
];

fn span(start: usize, end: usize, rule: &'static str) -> Span {
    Span {
        start,
        end,
        kind: Kind::Source,
        rule,
    }
}

/// Words that introduce the name of a work or a thing (`le film « … »`, `a novel
/// called "…"`).
const NAMING: [&str; 34] = [
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
    let Some(first) = inner.first() else {
        return false;
    };
    let body = text[q.start..q.end].trim_matches(|c: char| {
        matches!(c, '«' | '»' | '“' | '”' | '"' | '„') || c.is_whitespace()
    });
    if q.continued
        || !first.cap
        || q.words > 8
        || body.ends_with(['.', ',', '!', '?', ';', ':', '…'])
    {
        return false;
    }
    let before = toks.iter().rev().find(|t| t.end <= q.start);
    let naming = before.is_some_and(|b| NAMING.contains(&b.norm.as_str()));
    let prep = before.is_some_and(|b| {
        matches!(
            b.norm.as_str(),
            "de" | "du" | "des" | "d" | "of" | "dans" | "in"
        )
    }) && q.words <= 3;
    let content: Vec<&&Tok> = inner
        .iter()
        .filter(|t| !lex.function_words.contains(t.norm.as_str()) && !t.digit)
        .collect();
    let title_case = content.len() >= 2 && content.iter().all(|t| t.cap);
    let named = before.is_some_and(|b| !lex.function_words.contains(b.norm.as_str()) && !b.cap)
        && q.words <= 2;
    naming || prep || title_case || named
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
            out.push(span(q.start, q.end, "scare-quote"));
        }
    }
    out
}

fn inside(quotes: &[Quote], at: usize) -> bool {
    quotes
        .iter()
        .any(|q| (q.continued || q.words > SCARE_MAX_WORDS) && q.start <= at && at < q.end)
}

/// The text between two tokens.
fn gap<'a>(text: &'a str, toks: &[Tok], i: usize) -> &'a str {
    if i == 0 {
        ""
    } else {
        &text[toks[i - 1].end..toks[i].start]
    }
}

/// Attribution spans of a sentence.
pub fn attributions(
    text: &str,
    end: usize,
    toks: &[Tok],
    quotes: &[Quote],
    lex: &Lexicon,
) -> Vec<Span> {
    let mut out = Vec::new();
    let long_quote = quotes
        .iter()
        .any(|q| q.continued || q.words > SCARE_MAX_WORDS);
    let mut i = 0;
    while i < toks.len() {
        if inside(quotes, toks[i].start) {
            i += 1;
            continue;
        }
        if let Some((n, ())) = toks[i]
            .stem_is(flag::INTRO_FIRST)
            .then(|| {
                lex.source_intros
                    .longest_by(toks.len(), i, |j| toks[j].stem())
            })
            .flatten()
        {
            let next = toks.get(i + n);
            let compound = super::cue::in_compound(text, toks[i].start, toks[i + n - 1].end);
            if !compound
                && next.is_some_and(|t| !lex.first_person.contains(t.norm.as_str()))
                && names_a_source(toks, i + n, lex)
            {
                let stop = np_end(text, toks, i + n, 15);
                out.push(span(toks[i].start, toks[stop].end, "according-to"));
                i = stop + 1;
                continue;
            }
        }
        if i == 0 && lex.holder_intros.contains(toks[0].norm.as_str()) {
            let stop = np_end(text, toks, 1, 8);
            let closes = toks
                .get(stop + 1)
                .is_some_and(|_| gap(text, toks, stop + 1).contains(','));
            let has_source = toks[1..=stop.max(1).min(toks.len() - 1)]
                .iter()
                .any(|t| lex.source_nouns.contains(t.stem()) || t.cap);
            if stop >= 1 && closes && has_source {
                out.push(span(toks[0].start, toks[stop].end, "opinion-holder"));
                i = stop + 1;
                continue;
            }
        }
        let t = &toks[i];
        let reporting = t.is(flag::REPORTING);
        let thought = t.is(flag::THOUGHT);
        if (reporting || thought)
            && !reflexive_or_negated(text, toks, i, lex)
            && let Some(s) = verb_rule(text, end, toks, i, lex, reporting, long_quote)
        {
            {
                i = toks
                    .iter()
                    .position(|t| t.start >= s.end)
                    .unwrap_or(toks.len());
                out.push(s);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether the noun phrase at `i` can be a source: a pronoun, a name, a number of people
/// or a source noun (`selon lui`, `selon Le Monde`, `selon plusieurs témoins`, `according
/// to officials`), not a rule or a plan (`selon les critères de`, `selon un rite`).
fn names_a_source(toks: &[Tok], i: usize, lex: &Lexicon) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    if matches!(
        t.norm.as_str(),
        "lui" | "elle" | "eux" | "elles" | "him" | "her" | "them"
    ) {
        return true;
    }
    // The head: the first word that is not a determiner or a number.
    let head = toks[i..].iter().take(4).find(|w| {
        !lex.function_words.contains(w.norm.as_str())
            && !w.is(flag::NUMBER)
            && !w.stem_is(flag::APPROX_FIRST)
            && !w.digit
    });
    head.is_some_and(|h| {
        lex.source_nouns.contains(h.stem()) || (h.cap && (h.start == t.start || t.cap))
    }) || (t.cap && !lex.function_words.contains(t.norm.as_str()))
}

/// Last token of a noun phrase starting at `i`: up to a clause break, at most `max` words.
fn np_end(text: &str, toks: &[Tok], i: usize, max: usize) -> usize {
    let mut j = i.min(toks.len().saturating_sub(1));
    while j + 1 < toks.len() && j + 1 - i < max && !is_clause_break(gap(text, toks, j + 1)) {
        j += 1;
    }
    j
}

fn reflexive_or_negated(text: &str, toks: &[Tok], i: usize, lex: &Lexicon) -> bool {
    let prev = |k: usize| i.checked_sub(k).map(|j| toks[j].norm.as_str());
    let refl = matches!(prev(1), Some("se" | "s")) && !gap(text, toks, i).contains(' ');
    // Only a negation in the verb's own clause counts (not one ending a quotation before
    // it: `"We will not back down," said the leader`).
    let same_clause =
        |k: usize| (i + 1 - k..=i).all(|j| j == 0 || !is_clause_break(gap(text, toks, j)));
    let neg = (1..=3)
        .any(|k| matches!(prev(k), Some("ne" | "n" | "not" | "never")) && same_clause(k))
        && !lex.auxiliaries.contains(toks[i].norm.as_str());
    refl || neg
}

fn is_participle(w: &str) -> bool {
    [
        "é", "ée", "és", "ées", "u", "ue", "is", "it", "ed", "i", "en",
    ]
    .iter()
    .any(|e| w.ends_with(e))
}

fn verb_rule(
    text: &str,
    end: usize,
    toks: &[Tok],
    i: usize,
    lex: &Lexicon,
    reporting: bool,
    long_quote: bool,
) -> Option<Span> {
    let t = &toks[i];
    // `appeler`/`call` names (`un bandit appelé Krom`, `what he calls`) unless it calls
    // for something (`appelle à la grève`, `called for`, `called on`).
    let after = |k: usize| toks.get(i + k).map(|t| t.norm.as_str());
    let calls_for = (1..=3).any(|k| matches!(after(k), Some("à" | "au" | "aux" | "for" | "on")));
    let calling = t.norm.starts_with("appel") || t.norm.starts_with("call");
    if calling && !calls_for {
        return None;
    }
    // An infinitive (`to add`, `voted to add`) reports nothing by itself.
    if i > 0 && toks[i - 1].norm == "to" {
        return None;
    }
    // The verb group: auxiliaries and an inverted `-t-` before the verb.
    let mut g = i;
    while g > 0
        && lex.auxiliaries.contains(toks[g - 1].norm.as_str())
        && !is_clause_break(gap(text, toks, g))
    {
        g -= 1;
    }
    let that_follows = (1..=3).any(|k| matches!(after(k), Some("que" | "qu" | "that")))
        || text[t.end..].trim_start().starts_with(':');
    let before_gap = gap(text, toks, g);
    // `dit-il`, `a-t-elle déclaré`
    let hyphen_pron = toks
        .get(i + 1)
        .is_some_and(|n| PRONOUNS.contains(&n.norm.as_str()) && text[t.end..n.start].contains('-'));
    if reporting && hyphen_pron {
        return Some(span(toks[g].start, toks[i + 1].end, "inverted-pronoun"));
    }
    if g > 0 && toks[g - 1].norm == "t" && text[toks[g - 1].end..toks[g].start].contains('-') {
        return Some(span(
            toks[g.saturating_sub(2)].start,
            t.end,
            "inverted-pronoun",
        ));
    }
    let quote_before = before_gap.contains(['»', '”', '"']);
    let comma_before = before_gap.contains(',');
    let followed_by_np = toks.get(i + 1).is_some_and(|n| {
        n.cap
            || lex.function_words.contains(n.norm.as_str())
                && !matches!(n.norm.as_str(), "que" | "qu" | "à" | "par" | "to" | "that")
    });
    // `…, a précisé le préfet.`, `…, said the company.`: after a comma, the verb and its
    // subject end the sentence, no quotation marks needed.
    let ends_sentence = toks.len() - i <= 9
        && (i + 1..toks.len()).all(|k| !is_clause_break(gap(text, toks, k)))
        && !text[t.end..end].contains(['?', ';', ':']);
    let inverted = comma_before && ends_sentence && i + 1 < toks.len();
    if reporting && followed_by_np && (quote_before || (comma_before && long_quote) || inverted) {
        let e = text[..end]
            .trim_end_matches(['.', ' ', '!', '?', '…', '\u{a0}'])
            .len();
        return Some(span(toks[g].start, e.max(t.end), "inverted-attribution"));
    }
    if reporting && t.norm.ends_with("ant") {
        return (comma_before || that_follows)
            .then(|| span(t.start, t.end, "participle-attribution"));
    }
    let by_follows = matches!(after(1), Some("par" | "by"));
    if reporting && g == i && is_participle(&t.norm) && by_follows {
        let stop = np_end(text, toks, i + 2, 10);
        return Some(span(t.start, toks[stop].end, "passive-attribution"));
    }
    // Subject + verb: the subject is what precedes the verb group in its clause.
    let (np_start, np) = subject(text, toks, g);
    if np.is_empty() && g > 0 {
        return None;
    }
    let first = np.first()?;
    if lex.first_person.contains(first.norm.as_str()) {
        return None;
    }
    // `on` is as often the author's generic voice (`On regrette une fin bâclée`) as a
    // source: it attributes only before `que`.
    let pron = np.len() == 1 && PRONOUNS.contains(&first.norm.as_str()) && first.norm != "on";
    let sourcey = pron
        || np.iter().enumerate().any(|(k, w)| {
            let name = w.cap && (np_start + k > 0 || w.acronym);
            lex.source_nouns.contains(w.stem())
                || (name && !lex.function_words.contains(w.norm.as_str()))
        });
    // `…, the county said.`: a short subject after a comma or quotation, the verb ending
    // the sentence. The position alone attributes, whatever the noun.
    let clause_final = toks.len() - i <= 4
        && (i + 1..toks.len()).all(|k| !is_clause_break(gap(text, toks, k)))
        && !text[t.end..end].contains(['?', ';', ':']);
    let after_break = np_start > 0 && gap(text, toks, np_start).contains([',', '»', '”', '"']);
    let tail = reporting && clause_final && after_break && (1..=6).contains(&np.len());
    let rule = if reporting {
        "attribution"
    } else {
        "thought-attribution"
    };
    // A verb that also names an action (`publie`, `propose`, `répond`, `wrote`) reports
    // speech only inside a frame…; a passive without its agent (`est publiée`, `were
    // estimated`) reports nobody.
    let frame = that_follows || tail || long_quote || calling;
    let reflexive = g > 0 && matches!(toks[g - 1].norm.as_str(), "s" | "se");
    let passive = !reflexive
        && (g..i).any(|k| lex.passive_aux(toks[k].norm.as_str()))
        && is_participle(&t.norm);
    let ok = if passive && !that_follows {
        false
    } else if reporting && t.is(flag::FRAME) {
        frame
    } else if reporting {
        sourcey || frame
    } else {
        sourcey && that_follows
    };
    ok.then(|| span(toks[np_start].start, t.end, rule))
}

/// The subject before token `g`: back to the clause start, through one apposition when the
/// verb directly follows a comma (`Le groupe, affilié à X, a revendiqué`).
fn subject<'a>(text: &str, toks: &'a [Tok], g: usize) -> (usize, &'a [Tok]) {
    let mut s = g;
    let mut breaks = 0;
    while s > 0 && g - s < 25 {
        let gp = gap(text, toks, s);
        if is_clause_break(gp) {
            let comma = gp.trim().trim_start_matches(')') == ",";
            let allowed = comma && breaks < 2 && (s == g || breaks > 0);
            if !allowed {
                break;
            }
            breaks += 1;
        }
        if matches!(
            toks[s - 1].norm.as_str(),
            "que" | "qu" | "that" | "et" | "and" | "mais" | "but"
        ) {
            break;
        }
        s -= 1;
    }
    (s, &toks[s..g])
}
