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

/// Quantifiers before the head of a noun phrase (`selon certains témoins`, `according to
/// some officials`).
const QUANTIFIERS: [&str; 16] = [
    "certains",
    "certaines",
    "nombreux",
    "nombreuses",
    "divers",
    "diverses",
    "autres",
    "différents",
    "différentes",
    "some",
    "many",
    "several",
    "most",
    "other",
    "various",
    "numerous",
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
                && next.is_some_and(|t| !first_person(text, t, lex))
                && (names_a_source(toks, i + n, lex) || heads_the_sentence(text, toks, i, n))
            {
                let stop = np_end(text, toks, i + n, 15);
                out.push(span(toks[i].start, toks[stop].end, "according-to"));
                i = stop + 1;
                continue;
            }
        }
        if let Some(stop) = as_source_put_it(text, toks, i, lex) {
            out.push(span(toks[i].start, toks[stop].end, "as-source-said"));
            i = stop + 1;
            continue;
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
            && !after_determiner(text, toks, i, lex)
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

/// `Comme l'a rappelé le maire,`, `As the mayor put it,`, `as officials said`: `comme`/`as`
/// opening a clause, then a reporting verb (or `put it`) within a few words of the same
/// clause. The last token of the attribution's clause.
fn as_source_put_it(text: &str, toks: &[Tok], i: usize, lex: &Lexicon) -> Option<usize> {
    if !matches!(toks[i].norm.as_str(), "comme" | "as")
        || (i > 0 && !is_clause_break(gap(text, toks, i)))
    {
        return None;
    }
    let verb = (i + 1..toks.len().min(i + 7))
        .take_while(|&k| !is_clause_break(gap(text, toks, k)))
        .find(|&k| {
            let t = &toks[k];
            let put_it = matches!(t.norm.as_str(), "put" | "puts")
                && toks.get(k + 1).is_some_and(|n| n.norm == "it");
            (t.is(flag::REPORTING) && !t.is(flag::FRAME)) || put_it
        })?;
    // The author's own voice is no source (`comme je l'ai dit`).
    if toks[i + 1..verb].iter().any(|t| first_person(text, t, lex)) {
        return None;
    }
    let stop = np_end(text, toks, verb, 10);
    let closed = stop + 1 == toks.len() || gap(text, toks, stop + 1).contains(',');
    closed.then_some(stop)
}

/// `Selon X,` / `According to X,` opening the sentence, its noun phrase closed by a comma:
/// there it attributes whatever the noun (`Selon la légende,`, `According to organisers,`);
/// inside a sentence `selon` also means "depending on" and needs a source noun.
fn heads_the_sentence(text: &str, toks: &[Tok], i: usize, n: usize) -> bool {
    if i != 0 || i + n >= toks.len() {
        return false;
    }
    let stop = np_end(text, toks, i + n, 12);
    stop + 1 < toks.len() && gap(text, toks, stop + 1).trim() == ","
}

/// A first-person word, but not a one-letter abbreviation or initial (`M. Dupont`,
/// `J. Martin`): `m`/`j` are first person only as elisions (`m'a`, `j'ai`).
pub(super) fn first_person(text: &str, t: &Tok, lex: &Lexicon) -> bool {
    lex.first_person.contains(t.norm.as_str())
        && (t.norm.len() > 1 || text[t.end..].starts_with(['\'', '’']))
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
            && !QUANTIFIERS.contains(&w.norm.as_str())
            && !w.digit
    });
    head.is_some_and(|h| {
        lex.source_nouns.contains(h.stem()) || (h.cap && (h.start == t.start || t.cap))
    }) || (t.cap && !lex.function_words.contains(t.norm.as_str()))
}

/// Titles written with a full stop: the stop after them (or after an initial, `J.`) ends
/// no clause (`M. Dupont a déclaré`, `said Dr. Jones`).
const TITLES: [&str; 10] = [
    "m", "mme", "mlle", "dr", "pr", "me", "mr", "mrs", "ms", "st",
];

/// Whether a clause ends between token `j - 1` and token `j`.
fn ends_clause(text: &str, toks: &[Tok], j: usize) -> bool {
    let g = gap(text, toks, j);
    let abbrev = g.trim() == "."
        && toks[j - 1].cap
        && (toks[j - 1].norm.chars().count() == 1 || TITLES.contains(&toks[j - 1].norm.as_str()));
    is_clause_break(g) && !abbrev
}

/// Last token of a noun phrase starting at `i`: up to a clause break, at most `max` words.
fn np_end(text: &str, toks: &[Tok], i: usize, max: usize) -> usize {
    let mut j = i.min(toks.len().saturating_sub(1));
    while j + 1 < toks.len() && j + 1 - i < max && !ends_clause(text, toks, j + 1) {
        j += 1;
    }
    j
}

/// Determiners that make the next word a noun (`une alerte`, `the report`, `a telling
/// sign`), not the verb it is spelt like. `le`/`la`/`les` are left out: they are also
/// object pronouns (`il le dit`); so is English `a` in French text, where it is `avoir`.
const DETERMINERS_FR: [&str; 19] = [
    "un", "une", "des", "du", "au", "aux", "son", "sa", "ses", "mon", "ma", "mes", "notre", "nos",
    "votre", "vos", "cette", "cet", "ces",
];
const DETERMINERS_EN: [&str; 11] = [
    "a", "an", "the", "this", "these", "those", "his", "its", "their", "our", "every",
];

fn after_determiner(text: &str, toks: &[Tok], i: usize, lex: &Lexicon) -> bool {
    let list: &[&str] = match lex.lang {
        crate::nlp::lang::Lang::Fr => &DETERMINERS_FR,
        crate::nlp::lang::Lang::En => &DETERMINERS_EN,
    };
    i > 0 && list.contains(&toks[i - 1].norm.as_str()) && !is_clause_break(gap(text, toks, i))
}

/// Whether `que`/`that` at `k` is part of a conjunction (`pour que`, `so that`), which
/// introduces no reported speech.
fn conjunction(toks: &[Tok], k: usize) -> bool {
    k > 0
        && matches!(
            toks[k - 1].norm.as_str(),
            "pour"
                | "afin"
                | "sans"
                | "avant"
                | "parce"
                | "alors"
                | "tandis"
                | "bien"
                | "dès"
                | "so"
                | "such"
                | "now"
                | "given"
                | "except"
        )
}

/// Beginnings of the verbs of asking among the frame verbs (`demander`, `inviter`,
/// `recommander`, `ask`, `invite`, `encourage`).
const DIRECTIVE: [&str; 12] = [
    "demand",
    "invit",
    "propos",
    "suppli",
    "implor",
    "exhort",
    "conseill",
    "encourag",
    "recommand",
    "ask",
    "advis",
    "urg",
];

/// A request reported with its addressee and an infinitive (`a demandé aux préfets de
/// renforcer`, `invite les habitants à rester`, `asked residents to stay`): a speech frame
/// for verbs that also name an action. In English an object must come between the verb and
/// `to` (`responded to criticism` reports nothing).
fn directive(text: &str, toks: &[Tok], i: usize, lex: &Lexicon) -> bool {
    // Only verbs of asking: `poursuit son objectif de déstabiliser` asks nobody.
    if !DIRECTIVE.iter().any(|d| toks[i].norm.starts_with(d)) {
        return false;
    }
    let content = |t: &Tok| !t.cap && !t.digit && !lex.function_words.contains(t.norm.as_str());
    (i + 1..toks.len().min(i + 7))
        .take_while(|&k| !is_clause_break(gap(text, toks, k)))
        .any(|k| {
            let (w, next) = (&toks[k], toks.get(k + 1));
            let next_ok = k + 1 < toks.len() && !is_clause_break(gap(text, toks, k + 1));
            let infinitive = next.is_some_and(|n| {
                content(n)
                    && ["er", "ir", "re", "oir"]
                        .iter()
                        .any(|e| n.norm.ends_with(e))
            });
            match w.norm.as_str() {
                "de" | "d" | "à" => next_ok && infinitive,
                "to" => k > i + 1 && next_ok && next.is_some_and(content),
                _ => false,
            }
        })
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
    // `que`/`that` right after the verb, or after a complement of place, time or means
    // that starts with a preposition (`wrote in a statement that`, `a indiqué dans un
    // communiqué que`).
    let prep_then = matches!(
        after(1),
        Some("dans" | "lors" | "sur" | "en" | "à" | "au" | "in" | "on" | "at" | "during" | "to")
    );
    let reach = if prep_then { 8 } else { 3 };
    let that_follows = (1..=reach)
        .take_while(|&k| k == 1 || i + k >= toks.len() || !is_clause_break(gap(text, toks, i + k)))
        .any(|k| matches!(after(k), Some("que" | "qu" | "that")) && !conjunction(toks, i + k))
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
    // `», a déclaré hier sur France Inter le secrétaire général`: right after a closing
    // mark and a comma, the verb is the quotation's, whatever comes between it and the
    // source.
    let after_quote = quote_before && comma_before && i + 1 < toks.len();
    if reporting
        && (after_quote
            || followed_by_np && (quote_before || (comma_before && long_quote) || inverted))
    {
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
    if first_person(text, first, lex) {
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
    let frame = that_follows || tail || long_quote || calling || directive(text, toks, i, lex);
    let reflexive = g > 0 && matches!(toks[g - 1].norm.as_str(), "s" | "se");
    let passive = !reflexive
        && (g..i).any(|k| lex.passive_aux(toks[k].norm.as_str()))
        && is_participle(&t.norm);
    let ok = if passive && !that_follows {
        false
    } else if reporting && t.is(flag::FRAME) {
        frame
    } else if reporting {
        // A French participle without its auxiliary is an adjective (`sa présence
        // annoncée`), not a speaker's verb.
        // Nor is a form of `tu` (`les bandes annonces`) in news text.
        let fr = lex.lang == crate::nlp::lang::Lang::Fr;
        let finite = g < i || !fr || !is_participle(&t.norm);
        let second = fr && t.norm.ends_with("es") && i > 0 && toks[i - 1].norm != "tu";
        sourcey || frame || (t.is(flag::SPEECH) && finite && !second)
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
        if ends_clause(text, toks, s) {
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
