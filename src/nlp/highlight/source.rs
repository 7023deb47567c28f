//! Source spans: quotations with their marks, and attributions (a reporting verb with its
//! source, `selon X`, an inverted clause `», a expliqué X`, `dit-il`).

use super::quotes::Quote;
use super::tokens::{Tok, is_clause_break, term_at};
use super::{Kind, Span};
use crate::nlp::lang::Lang;
use crate::nlp::lexicon::{Lexicon, flag};

mod titles;
pub use titles::{is_title, quotation_spans};

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
    // A work's title in quotation marks (`Il publie « Le Réveil des petites villes »`)
    // frames no speech.
    let long_quote = quotes
        .iter()
        .any(|q| (q.continued || q.words > SCARE_MAX_WORDS) && !is_title(text, toks, q, lex));
    let mut i = 0;
    while i < toks.len() {
        if inside(quotes, toks[i].start) {
            i += 1;
            continue;
        }
        if let Some((n, ())) = term_at(toks, i, &lex.source_intros, flag::INTRO_FIRST) {
            let next = toks.get(i + n);
            let compound = super::cue::in_compound(text, toks[i].start, toks[i + n - 1].end);
            let bare = bare_head(toks, i, n);
            if !compound
                && next.is_some_and(|t| !first_person(text, t, lex))
                && (names_a_source(toks, i + n, lex)
                    || heads_the_sentence(text, toks, i, n)
                    || tails_the_sentence(text, toks, i, n)
                    || bare
                    || according_to_a_text(toks, i, n))
            {
                let mut stop = np_end(text, toks, i + n, 15);
                if bare {
                    // No comma to close the noun phrase: it ends before the subject.
                    if let Some(p) =
                        (i + n + 1..=stop).find(|&k| PRONOUNS.contains(&toks[k].norm.as_str()))
                    {
                        stop = p - 1;
                    }
                }
                out.push(span(toks[i].start, toks[stop].end, "according-to"));
                i = stop + 1;
                continue;
            }
        }
        if let Some(stop) = passive_as(toks, i, lex) {
            out.push(span(toks[i].start, toks[stop].end, "passive-as"));
            i = stop + 1;
            continue;
        }
        if let Some(stop) = as_source_put_it(text, toks, i, lex) {
            out.push(span(toks[i].start, toks[stop].end, "as-source-said"));
            i = stop + 1;
            continue;
        }
        if i == 0 && toks[0].is(flag::HOLDER) {
            let stop = np_end(text, toks, 1, 8);
            let closes = toks
                .get(stop + 1)
                .is_some_and(|_| gap(text, toks, stop + 1).contains(','));
            let has_source = toks[1..=stop.max(1).min(toks.len() - 1)].iter().any(|t| {
                t.stem_is(flag::SOURCE_NOUN)
                    || t.cap
                    || (stop == 1 && matches!(t.norm.as_str(), "lui" | "elle" | "eux" | "elles"))
            });
            if stop >= 1 && closes && has_source {
                out.push(span(toks[0].start, toks[stop].end, "opinion-holder"));
                i = stop + 1;
                continue;
            }
        }
        let t = &toks[i];
        let reporting = t.is(flag::REPORTING);
        let thought = t.is(flag::THOUGHT);
        // A word of a compound is not the verb (`contre-la-montre`), but one inverted
        // with its pronoun is (`dit-elle`, `ajoute-t-il`). Looked at only for a verb.
        let compound = || {
            let inverted = toks
                .get(i + 1)
                .is_some_and(|n| PRONOUNS.contains(&n.norm.as_str()) || n.norm == "t");
            super::cue::in_compound(text, t.start, t.end) && !inverted
        };
        if (reporting || thought)
            && !compound()
            && !spelled_as_noun(text, toks, i, lex)
            && !reflexive_or_negated(text, toks, i)
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

/// Participles of the verbs that present a view as someone's (`est considéré comme`,
/// `sont présentés comme`, `a été décrite comme`), by their beginning.
const AS_VERBS_FR: [&str; 7] = [
    "considér",
    "présent",
    "décrit",
    "qualifi",
    "perçu",
    "dépeint",
    "désign",
];

/// `sont considérées comme`, `est présenté comme`: a passive of a verb of presenting with
/// `comme` reports a view of unnamed others. Starts at the auxiliary `i`; the last token.
fn passive_as(toks: &[Tok], i: usize, lex: &Lexicon) -> Option<usize> {
    if lex.lang != Lang::Fr || !toks[i].is(flag::PASSIVE_AUX) {
        return None;
    }
    // `a été`, `ont été`: the first auxiliary starts the span.
    let k = (i + 1..toks.len().min(i + 4)).find(|&k| {
        let w = toks[k].norm.as_str();
        AS_VERBS_FR.iter().any(|v| w.starts_with(v))
            && is_participle(w)
            && toks.get(k + 1).is_some_and(|n| n.norm == "comme")
    })?;
    // Only auxiliaries and adverbs between (`est souvent présenté comme`): no noun.
    const ADVERBS: [&str; 8] = [
        "souvent",
        "parfois",
        "déjà",
        "toujours",
        "encore",
        "longtemps",
        "aussi",
        "désormais",
    ];
    let plain = toks[i + 1..k].iter().all(|t| {
        t.is(flag::PASSIVE_AUX)
            || (!t.cap && t.norm.ends_with("ment"))
            || ADVERBS.contains(&t.norm.as_str())
    });
    plain.then_some(k + 1)
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
    // A source before the verb (`As the headteacher put it`) or after it (`Comme l'a
    // rappelé la directrice`): `As expected,` names none.
    let source = verb > i + 1 || stop > verb;
    (closed && source).then_some(stop)
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

/// What French `selon` depends on when it means "depending on" (`, selon les cas.`,
/// `, selon la saison.`).
const VARY_FR: [&str; 14] = [
    "cas",
    "saison",
    "saisons",
    "besoins",
    "heure",
    "heures",
    "âge",
    "moment",
    "période",
    "périodes",
    "taille",
    "météo",
    "situation",
    "disponibilités",
];

/// `…, selon les premières constatations.`: French `selon`/`d'après` after a comma whose
/// noun phrase ends the sentence attribute whatever the noun, as `Selon X,` opening it
/// does; only a thing that varies (see [`VARY_FR`]) is no source there.
fn tails_the_sentence(text: &str, toks: &[Tok], i: usize, n: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    let french = w(i) == "selon" || (n == 2 && w(i) == "d" && w(i + 1) == "après");
    if !french || i == 0 || i + n >= toks.len() || !gap(text, toks, i).contains(',') {
        return false;
    }
    let stop = np_end(text, toks, i + n, 15);
    let head = toks[i + n..=stop]
        .iter()
        .find(|t| !t.is(flag::FUNCTION) && !t.digit)
        .map_or("", |t| t.norm.as_str());
    stop + 1 == toks.len() && !head.is_empty() && !VARY_FR.contains(&head) && head != "vous"
}

/// `Selon la légende elle fut…`: French `selon`/`d'après` opening the sentence attribute
/// even when no comma closes their noun phrase.
fn bare_head(toks: &[Tok], i: usize, n: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    i == 0
        && i + n + 1 < toks.len()
        && (w(0) == "selon" || (w(0) == "d" && w(1) == "après"))
        && !PRONOUNS.contains(&w(i + n))
}

/// A first-person word, but not a one-letter abbreviation or initial (`M. Dupont`,
/// `J. Martin`): `m`/`j` are first person only as elisions (`m'a`, `j'ai`).
pub(super) fn first_person(text: &str, t: &Tok, lex: &Lexicon) -> bool {
    // English `I` is a word of its own; only an initial (`I. Smith`) has a stop after it.
    let english_i =
        lex.lang == crate::nlp::lang::Lang::En && t.norm == "i" && !text[t.end..].starts_with('.');
    t.is(flag::FIRST_PERSON)
        && (t.norm.len() > 1 || english_i || text[t.end..].starts_with(['\'', '’']))
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
    // The head: the first word that is not a determiner or a number; a name in capitals
    // there is a source.
    let modifier = |w: &&Tok| {
        w.is(flag::FUNCTION)
            || w.is(flag::NUMBER)
            || w.stem_is(flag::APPROX_FIRST)
            || QUANTIFIERS.contains(&w.norm.as_str())
            || w.digit
    };
    let head = toks[i..].iter().take(4).find(|w| !modifier(w));
    // Adjectives and nouns can stand before the noun that names the source (`the largest
    // volunteer survey`, `la dernière enquête`): any word of that first run of content
    // words, up to the next function word (`of`, `de`), may be it.
    let run_names_one = toks[i..]
        .iter()
        .take(5)
        .skip_while(modifier)
        .take_while(|w| !w.is(flag::FUNCTION))
        .any(|w| w.stem_is(flag::SOURCE_NOUN));
    // English capitalises the names of bodies after their article (`according to the
    // Bureau of Labor Statistics`); French capitalises only the first word of many titles.
    let en = lex.lang == crate::nlp::lang::Lang::En;
    // A French body's name after its article (`selon le Grand Chalon`, `selon la Sncf`);
    // after `les` it is as often what varies (`selon les Facultés`, depending on them).
    let article = matches!(t.norm.as_str(), "le" | "la" | "l");
    // A title before a name (`according to district Treasurer Paul Ng`): a capital
    // among the first words of the phrase, before any function word.
    let titled_name = en
        && toks[i..]
            .iter()
            .take(4)
            .take_while(|w| !w.is(flag::FUNCTION) || w.start == t.start)
            .any(|w| w.cap);
    run_names_one
        || titled_name
        || head.is_some_and(|h| h.cap && (h.start == t.start || t.cap || en || article))
        || (t.cap && !t.is(flag::FUNCTION))
}

/// Records and counts whose content a sentence reports when they show or list it.
const DOCUMENTS_EN: [&str; 16] = [
    "figures",
    "data",
    "records",
    "statistics",
    "numbers",
    "documents",
    "minutes",
    "filings",
    "poll",
    "polls",
    "survey",
    "surveys",
    "register",
    "rota",
    "logs",
    "audit",
];

/// What `according to` follows when it means conformity, not a source (`according to
/// plan`, `according to the rules`).
const CONFORMITY: [&str; 12] = [
    "plan",
    "plans",
    "schedule",
    "rule",
    "rules",
    "law",
    "laws",
    "tradition",
    "custom",
    "instructions",
    "guidelines",
    "script",
];

/// Beginnings of the verbs of variation and ordering before `according to` (`vary`,
/// `differs`, `changed`, `adjusted`, `ranked`, `sorted`, `grouped`, `classified`).
const VARY: [&str; 8] = [
    "var", "differ", "chang", "adjust", "rank", "sort", "group", "classif",
];

/// English `according to` names a source wherever it stands, whatever its noun (`according
/// to a history of the board`), unless it means conformity. French `selon` also means
/// `depending on` (`selon les cas`), so it keeps needing a source.
fn according_to_a_text(toks: &[Tok], i: usize, n: usize) -> bool {
    let [a, b] = [toks.get(i), toks.get(i + 1)].map(|t| t.map(|t| t.norm.as_str()));
    if n != 2 || a != Some("according") || b != Some("to") {
        return false;
    }
    // After a verb of variation it means `depending on` (`Prices vary according to the
    // season`).
    let varies = i > 0 && VARY.iter().any(|v| toks[i - 1].norm.starts_with(v));
    if varies {
        return false;
    }
    let head = toks[i + n..]
        .iter()
        .take(3)
        .find(|t| !DETERMINERS_EN.contains(&t.norm.as_str()) && t.norm != "her");
    head.is_some_and(|h| !CONFORMITY.contains(&h.norm.as_str()) && !h.digit)
}

/// Titles and suffixes written with a full stop: the stop after them (or after an
/// initial, `J.`) ends no clause (`M. Dupont a déclaré`, `said Dr. Jones`, `Acme Inc.
/// said`).
const TITLES: [&str; 18] = [
    "m", "mme", "mlle", "dr", "pr", "me", "mr", "mrs", "ms", "st",
    // Company and name suffixes (`Hartwell Appliances Inc. said`).
    "inc", "corp", "co", "ltd", "plc", "llc", "jr", "sr",
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
pub(super) const DETERMINERS_FR: [&str; 24] = [
    "un",
    "une",
    "des",
    "du",
    "au",
    "aux",
    "son",
    "sa",
    "ses",
    "mon",
    "ma",
    "mes",
    "notre",
    "nos",
    "votre",
    "vos",
    "cette",
    "cet",
    "ces",
    "aucun",
    "aucune",
    "chaque",
    "quelques",
    "plusieurs",
];
const DETERMINERS_EN: [&str; 11] = [
    "a", "an", "the", "this", "these", "those", "his", "its", "their", "our", "every",
];

/// Means of sending, not agents, after `par`/`by` (`prévenu par SMS`, `notified by
/// email`).
const MEANS: [&str; 10] = [
    "sms",
    "mail",
    "email",
    "courriel",
    "courrier",
    "téléphone",
    "phone",
    "texto",
    "fax",
    "voie",
];

/// Words that stand between a determiner and a noun, never before a verb: an English
/// reporting verb after one is its noun (`the first state`, `public comment`, `the
/// final report`).
const NOUN_MODIFIERS_EN: [&str; 20] = [
    "first", "second", "third", "last", "next", "same", "other", "only", "final", "latest", "new",
    "public", "official", "annual", "recent", "initial", "formal", "written", "united", "further",
];

/// Whether the reporting word at `i` is a noun: right after a determiner, or in English
/// after a word that only modifies nouns, after a determiner and an `-ing` word (`the
/// rezoning question`), or capitalised inside the sentence (`the United States`).
fn spelled_as_noun(text: &str, toks: &[Tok], i: usize, lex: &Lexicon) -> bool {
    let list: &[&str] = match lex.lang {
        crate::nlp::lang::Lang::Fr => &DETERMINERS_FR,
        crate::nlp::lang::Lang::En => &DETERMINERS_EN,
    };
    if i == 0 || is_clause_break(gap(text, toks, i)) {
        return false;
    }
    let prev = toks[i - 1].norm.as_str();
    if list.contains(&prev) {
        return true;
    }
    if lex.lang != crate::nlp::lang::Lang::En {
        return false;
    }
    // No verb but a gerund follows a preposition: the word is a noun (`without
    // question`, `for comment`) or a participle used as an adjective (`statements about
    // expected revenue`).
    let after_preposition = matches!(
        prev,
        "about" | "of" | "for" | "with" | "without" | "than" | "on" | "in" | "under" | "beyond"
    );
    if after_preposition && !toks[i].norm.ends_with("ing") {
        return true;
    }
    let gerund = prev.ends_with("ing")
        && i > 1
        && list.contains(&toks[i - 2].norm.as_str())
        && !is_clause_break(gap(text, toks, i - 1));
    NOUN_MODIFIERS_EN.contains(&prev) || gerund || toks[i].cap
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
    let content = |t: &Tok| !t.cap && !t.digit && !t.is(flag::FUNCTION);
    let fr = lex.lang == Lang::Fr;
    // An apposition may stand between the verb and its infinitive (`supplie son père,
    // l'empereur, de prendre`): in French, commas (two at most) do not end the scan.
    let mut commas = 0;
    let span_ok = |k: usize, commas: &mut usize| {
        let g = gap(text, toks, k);
        if fr && g.trim() == "," && *commas < 2 {
            *commas += 1;
            true
        } else {
            !is_clause_break(g)
        }
    };
    (i + 1..toks.len().min(i + 10))
        .take_while(|&k| span_ok(k, &mut commas))
        .any(|k| {
            // Object pronouns before the infinitive (`de se retirer`, `de les aider`).
            let inf = (k + 1..toks.len().min(k + 3))
                .find(|&j| {
                    !(fr && matches!(
                        toks[j].norm.as_str(),
                        "se" | "s" | "les" | "leur" | "lui" | "y" | "en" | "l"
                    ))
                })
                .unwrap_or(k + 1);
            let (w, next) = (&toks[k], toks.get(inf));
            let next_ok =
                inf < toks.len() && (k + 1..=inf).all(|j| !is_clause_break(gap(text, toks, j)));
            let infinitive = next.is_some_and(|n| {
                content(n)
                    && ["er", "ir", "re", "oir"]
                        .iter()
                        .any(|e| n.norm.ends_with(e))
            });
            // `à partir de` is a time, not a request.
            let partir = next.is_some_and(|n| n.norm == "partir")
                && toks
                    .get(inf + 1)
                    .is_some_and(|n| matches!(n.norm.as_str(), "de" | "d" | "du" | "des"));
            match w.norm.as_str() {
                "de" | "d" | "à" => next_ok && infinitive && !partir,
                "to" => k > i + 1 && next_ok && next.is_some_and(content),
                _ => false,
            }
        })
}

/// A verb of asking followed by a question word (`asked why`, `wondered whether`): a
/// reported question.
fn indirect_question(toks: &[Tok], i: usize) -> bool {
    let asking = ["ask", "wonder", "question", "demand"]
        .iter()
        .any(|v| toks[i].norm.starts_with(v));
    asking
        && toks.get(i + 1).is_some_and(|n| {
            matches!(
                n.norm.as_str(),
                "why" | "whether" | "if" | "how" | "when" | "where" | "what" | "who"
            )
        })
}

fn reflexive_or_negated(text: &str, toks: &[Tok], i: usize) -> bool {
    let prev = |k: usize| i.checked_sub(k).map(|j| toks[j].norm.as_str());
    let refl = matches!(prev(1), Some("se" | "s")) && !gap(text, toks, i).contains(' ');
    // Only a negation in the verb's own clause counts (not one ending a quotation before
    // it: `"We will not back down," said the leader`).
    let same_clause =
        |k: usize| (i + 1 - k..=i).all(|j| j == 0 || !is_clause_break(gap(text, toks, j)));
    // Back across a compound tense's auxiliaries (`n'a jamais été revendiqué`); `ne …
    // pas seulement`, `not only` add, they deny nothing.
    let only = (1..=3).any(|k| matches!(prev(k), Some("seulement" | "uniquement" | "only")));
    let neg = (1..=4)
        .any(|k| matches!(prev(k), Some("ne" | "n" | "not" | "never")) && same_clause(k))
        && !only
        && !toks[i].is(flag::AUX);
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
    let calls_for = (1..=3).any(|k| matches!(after(k), Some("à" | "au" | "aux" | "for" | "on")))
        || (lex.lang == Lang::Fr && directive_call(text, toks, i));
    let calling = t.norm.starts_with("appel") || t.norm.starts_with("call");
    if calling && !calls_for {
        return None;
    }
    // `point` reports only as `point out` (`He points to a path` shows one).
    if t.norm.starts_with("point") && after(1) != Some("out") {
        return None;
    }
    // An English modal of the future or of a hypothesis before the verb (`Opponents will
    // say that…`, `it would tell you`) anticipates speech, it reports none.
    let modal = lex.lang == Lang::En
        && (i.saturating_sub(2)..i).any(|k| {
            matches!(
                toks[k].norm.as_str(),
                "will" | "would" | "might" | "may" | "could" | "ll" | "shall"
            )
        });
    if modal {
        return None;
    }
    // An infinitive (`to add`, `voted to add`) reports nothing by itself, but the
    // habitual `used to say` reports.
    let habitual = i > 1 && toks[i - 2].norm == "used";
    if i > 0 && toks[i - 1].norm == "to" && !habitual {
        return None;
    }
    // An English base form right after a past participle is that verb's object, the
    // noun of the same spelling (`has covered state government`, `issued report cards`);
    // an inflected form there still reports (`the officer involved stated that`), and so
    // does a verb that only speaks (`the merchants who want the lanes removed say`).
    let base = !(t.norm.ends_with('s') || t.norm.ends_with('d') || t.norm.ends_with("ing"));
    if lex.lang == Lang::En
        && base
        && !t.is(flag::SPEECH)
        && i > 0
        && toks[i - 1].norm.ends_with("ed")
        && !toks[i - 1].cap
        && !is_clause_break(gap(text, toks, i))
    {
        return None;
    }
    // The verb group: auxiliaries and an inverted `-t-` before the verb.
    let mut g = i;
    while g > 0
        && (toks[g - 1].is(flag::AUX) || clitic(text, &toks[g - 1], lex))
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
        // A `that` ending the sentence is a pronoun (`who is expected to pay that?`).
        .any(|k| {
            matches!(after(k), Some("que" | "qu" | "that"))
                && !conjunction(toks, i + k)
                && i + k + 1 < toks.len()
        })
        || text[t.end..].trim_start().starts_with(':')
        || indirect_question(toks, i);
    let before_gap = gap(text, toks, g);
    // `dit-il`, `a-t-elle déclaré`
    let hyphen_pron = toks
        .get(i + 1)
        .is_some_and(|n| PRONOUNS.contains(&n.norm.as_str()) && text[t.end..n.start].contains('-'));
    if reporting && hyphen_pron {
        return Some(span(toks[g].start, toks[i + 1].end, "inverted-pronoun"));
    }
    // `ajoute-t-il`, `précise-t-elle`
    let euphonic = toks.get(i + 1).is_some_and(|n| n.norm == "t")
        && toks
            .get(i + 2)
            .is_some_and(|p| PRONOUNS.contains(&p.norm.as_str()))
        && text[t.end..toks[i + 2].start].matches('-').count() == 2;
    if reporting && euphonic {
        return Some(span(toks[g].start, toks[i + 2].end, "inverted-pronoun"));
    }
    if g > 0 && toks[g - 1].norm == "t" && text[toks[g - 1].end..toks[g].start].contains('-') {
        return Some(span(
            toks[g.saturating_sub(2)].start,
            t.end,
            "inverted-pronoun",
        ));
    }
    // English puts the quotation's own comma or question mark before its closing mark
    // (`"…," said X`): a quotation closed bare is a noun phrase, the subject of the verb
    // after it (`its "reform" was announced`).
    let quote_before = before_gap.contains(['»', '”', '"'])
        && (lex.lang == Lang::Fr || before_gap.contains([',', '?', '!', '…', '—', '–']));
    let comma_before = before_gap.contains(',');
    let followed_by_np = toks.get(i + 1).is_some_and(|n| {
        n.cap
            || n.is(flag::FUNCTION)
                && !matches!(
                    n.norm.as_str(),
                    "que" | "qu" | "à" | "par" | "to" | "that" | "de" | "d"
                )
    });
    // `…, a précisé le préfet.`, `…, said the company.`: after a comma, the verb and its
    // subject end the sentence, no quotation marks needed.
    // The subject may close on its name in apposition (`…, a précisé l'adjoint aux
    // bâtiments, Hervé Lucas.`): one comma before a last run of capitalised words.
    let apposed_name = |k: usize| {
        gap(text, toks, k).trim() == "," && toks.len() - k <= 4 && toks[k..].iter().all(|w| w.cap)
    };
    let ends_sentence = toks.len() - i <= 9
        && (i + 1..toks.len()).all(|k| !is_clause_break(gap(text, toks, k)) || apposed_name(k))
        && !text[t.end..end].contains(['?', ';', ':']);
    // A French participle standing alone (`…, accusées sans preuves`) is an adjective:
    // the verb of an inverted clause is finite or has its auxiliary.
    let bare_participle = lex.lang == Lang::Fr
        && g == i
        && ["é", "ée", "és", "ées"].iter().any(|e| t.norm.ends_with(e))
        // `a-t-il précisé`, `n'a pas seulement réclamé`: an auxiliary a few words before
        // (past a pronoun or adverbs) is still the verb's.
        && !toks[i.saturating_sub(4)..i]
            .iter()
            .any(|w| w.is(flag::AUX) || PRONOUNS.contains(&w.norm.as_str()));
    let inverted = comma_before && ends_sentence && i + 1 < toks.len() && !bare_participle;
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
    // `Le chantier, explique le maire, reprendra en mai.`: French inverts the verb and its
    // subject set between commas inside the sentence too. The subject is short, opens on
    // a determiner or a name and names a source (not `raconte une anecdote`, an object);
    // the sentence goes on after its comma. Looked for once the inverted clause that
    // ends the sentence, with its appositions, is ruled out.
    let incise_end = (lex.lang == Lang::Fr && comma_before && !bare_participle)
        .then(|| {
            let opens = toks
                .get(i + 1)
                // The articles `DETERMINERS_FR` leaves out as pronouns are articles here,
                // before the subject (`explique le maire`).
                .is_some_and(|n| {
                    n.cap
                        || DETERMINERS_FR.contains(&n.norm.as_str())
                        || matches!(n.norm.as_str(), "le" | "la" | "l" | "les")
                });
            let k = (i + 2..toks.len().min(i + 9))
                .take_while(|&k| {
                    let g = gap(text, toks, k);
                    g.trim() == "," || !is_clause_break(g)
                })
                .find(|&k| gap(text, toks, k).trim() == ",")?;
            (opens && names_a_source(toks, i + 1, lex)).then_some(k - 1)
        })
        .flatten();
    if reporting && let Some(last) = incise_end {
        return Some(span(toks[g].start, toks[last].end, "inverted-attribution"));
    }
    if reporting && t.norm.ends_with("ant") {
        return (comma_before || that_follows)
            .then(|| span(t.start, t.end, "participle-attribution"));
    }
    let by_follows = matches!(after(1), Some("par" | "by"));
    // `le service, assuré par une équipe jeune` provides, `un constat écrit par le
    // garage` is a document's maker: neither reports what someone said.
    let makes = t.is(flag::FRAME) || t.norm.starts_with("assur");
    // The agent: `par SMS`, `by mail` are means, `par aucune organisation`, `by no one`
    // is nobody.
    let means = toks.get(i + 2).is_some_and(|w| {
        MEANS.contains(&w.norm.as_str())
            || matches!(w.norm.as_str(), "aucun" | "aucune" | "no" | "nobody")
    });
    // A bare participle after its noun (`revendiquée par les canaux des insurgés`) takes
    // any agent but a means; one with its auxiliary needs a source.
    let agent = !means && (g == i || names_a_source(toks, i + 2, lex));
    if reporting && is_participle(&t.norm) && by_follows && !makes && agent {
        let stop = np_end(text, toks, i + 2, 10);
        return Some(span(toks[g].start, toks[stop].end, "passive-attribution"));
    }
    // Past its passive with `par`, a participle without its auxiliary is no verb.
    if bare_participle {
        return None;
    }
    // Subject + verb: the subject is what precedes the verb group in its clause.
    let (np_start, np) = subject(text, toks, g, lex);
    if np.is_empty() && g > 0 {
        // `…, et invite les habitants à partir`, `et précise que`: a second verb of the
        // same speaker, in a frame, is the attribution by itself.
        let coordinated = lex.lang == Lang::Fr && toks[g - 1].norm == "et";
        let framed = that_follows || directive(text, toks, i, lex) || t.is(flag::SPEECH);
        return (reporting && coordinated && framed)
            .then(|| span(toks[g].start, t.end, "attribution"));
    }
    let first = np.first()?;
    // A possessive opens someone else's name in English (`my late father said`).
    let possessive =
        lex.lang == crate::nlp::lang::Lang::En && matches!(first.norm.as_str(), "my" | "our");
    if first_person(text, first, lex) && !possessive {
        return None;
    }
    // The reader addressed is no source (`If it does, you've found your culprit`).
    // (`some of you told me` names listeners, who are).
    let you = (np_start..=g.min(toks.len() - 1))
        .any(|k| toks[k].norm == "you" && (k == 0 || toks[k - 1].norm != "of"));
    if lex.lang == Lang::En && you {
        return None;
    }
    // `on` is as often the author's generic voice (`On regrette une fin bâclée`) as a
    // source: it attributes only before `que`.
    let pron = np.len() == 1 && PRONOUNS.contains(&first.norm.as_str()) && first.norm != "on";
    let sourcey = pron
        || np.iter().enumerate().any(|(k, w)| {
            let name = w.cap && (np_start + k > 0 || w.acronym);
            w.stem_is(flag::SOURCE_NOUN) || (name && !w.is(flag::FUNCTION))
        });
    // `…, the county said.`: a short subject after a comma or quotation, the verb ending
    // the sentence. The position alone attributes, whatever the noun.
    let clause_final = toks.len() - i <= 4
        && (i + 1..toks.len()).all(|k| !is_clause_break(gap(text, toks, k)))
        && !text[t.end..end].contains(['?', ';', ':']);
    let after_break = np_start > 0 && gap(text, toks, np_start).contains([',', '»', '”', '"']);
    let aside = reporting && after_break && (1..=6).contains(&np.len());
    let tail = aside && clause_final;
    // `…, the study found, including …`: the same short subject and verb set between
    // commas inside the sentence, when the subject can be a source (not `…, thin as a
    // fence post, …`). English only: French inverts the verb there (`…, a indiqué la
    // police, …`), and a French subject and verb between commas is a clause of the
    // sentence (`…, il souhaita, afin de …`).
    let parenthetical = aside
        && sourcey
        && lex.lang == Lang::En
        && toks
            .get(i + 1)
            .is_some_and(|_| gap(text, toks, i + 1).trim() == ",");
    let rule = if reporting {
        "attribution"
    } else {
        "thought-attribution"
    };
    // A verb that also names an action (`publie`, `propose`, `répond`, `wrote`) reports
    // speech only inside a frame…; a passive without its agent (`est publiée`, `were
    // estimated`) reports nobody.
    // English drops `that` before a reported clause (`admitted he had been careless`):
    // a subject pronoun right after the verb opens one.
    let clause_follows = lex.lang == crate::nlp::lang::Lang::En
        && toks.get(i + 1).is_some_and(|n| {
            matches!(n.norm.as_str(), "he" | "she" | "they" | "we")
                && !is_clause_break(gap(text, toks, i + 1))
        });
    // A past infinitive reports what the speaker says they did (`a expliqué avoir écrit`,
    // `affirme ne pas avoir vu`, `denied having seen`).
    let infinitive_follows = toks[i + 1..]
        .iter()
        .take(4)
        .find(|n| {
            !matches!(
                n.norm.as_str(),
                "ne" | "n" | "pas" | "jamais" | "not" | "never"
            )
        })
        .is_some_and(|n| {
            matches!(n.norm.as_str(), "avoir" | "être" | "having")
                && !is_clause_break(gap(text, toks, i + 1))
        });
    // `declined to comment`, `refused to discuss the case`: a refusal to speak.
    let no_comment = lex.lang == Lang::En
        && after(1) == Some("to")
        && matches!(
            after(2),
            Some("comment" | "discuss" | "elaborate" | "speculate" | "say" | "respond")
        );
    // Records and figures show or list what they hold with no `that` (`Port authority
    // figures show San Antonio moved 1.7 million containers`, `The rota listed one carer
    // on duty`): their content is the document's.
    let documented = lex.lang == Lang::En
        && matches!(
            t.norm.as_str(),
            "show" | "shows" | "showed" | "list" | "lists" | "listed"
        )
        && np.iter().any(|w| DOCUMENTS_EN.contains(&w.norm.as_str()));
    let frame = that_follows
        || documented
        || infinitive_follows
        || no_comment
        || tail
        || parenthetical
        || long_quote
        || calling
        || clause_follows
        || directive(text, toks, i, lex);
    let reflexive = g > 0 && matches!(toks[g - 1].norm.as_str(), "s" | "se");
    // The passive's `be` may stand before an adverb (`is exactly expected`, `was also
    // told`).
    let aux_from = (g.saturating_sub(2)..g)
        .find(|&k| {
            toks[k].is(flag::PASSIVE_AUX)
                && !(k + 1..=g).any(|j| is_clause_break(gap(text, toks, j)))
        })
        .unwrap_or(g);
    let passive = !reflexive
        && (aux_from..i).any(|k| toks[k].is(flag::PASSIVE_AUX))
        && is_participle(&t.norm);
    // `auraient été évoqués`, `aurait été annoncé`: a reporting verb in the conditional
    // passive is hearsay, the journalist's way to name unnamed sources.
    let hearsay = reporting
        && passive
        && lex.lang == Lang::Fr
        && (g..i).any(|k| matches!(toks[k].norm.as_str(), "aurait" | "auraient"));
    let ok = if hearsay {
        true
    } else if passive && !that_follows {
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
fn subject<'a>(text: &str, toks: &'a [Tok], g: usize, lex: &Lexicon) -> (usize, &'a [Tok]) {
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
        ) && !joins_nouns(text, toks, s - 1, g, lex)
        {
            break;
        }
        s -= 1;
    }
    (s, &toks[s..g])
}

/// Whether French `et` at `k` joins two parts of one subject (`les médias locaux et
/// internationaux rapportent`, `le Groupe de soutien à l'islam et aux musulmans a
/// revendiqué`) rather than two clauses: no verb before it back to the clause start (no
/// auxiliary, reporting or thought verb, nor `que`), and a word between it and the verb.
fn joins_nouns(text: &str, toks: &[Tok], k: usize, g: usize, lex: &Lexicon) -> bool {
    if lex.lang != Lang::Fr
        || toks[k].norm != "et"
        || k + 1 >= g
        || k == 0
        || is_clause_break(gap(text, toks, k))
    {
        return false;
    }
    let mut j = k;
    while j > 0 && !is_clause_break(gap(text, toks, j)) {
        j -= 1;
        let t = &toks[j];
        if t.is(flag::AUX)
            || t.is(flag::REPORTING | flag::THOUGHT)
            || matches!(t.norm.as_str(), "que" | "qu" | "et" | "mais")
        {
            return false;
        }
    }
    true
}

/// An object pronoun right before a verb (`lui demande`, `nous rappelle`, `m'a dit`):
/// part of the verb group, not its subject.
fn clitic(text: &str, t: &Tok, lex: &Lexicon) -> bool {
    lex.lang == Lang::Fr
        && (matches!(t.norm.as_str(), "lui" | "nous" | "vous" | "leur")
            || (matches!(t.norm.as_str(), "m" | "t") && text[t.end..].starts_with(['\'', '’'])))
}

/// `appelle tous ses ressortissants à quitter le pays`: `appeler` with its addressee and
/// `à` + infinitive within a few words calls for something.
fn directive_call(text: &str, toks: &[Tok], i: usize) -> bool {
    (i + 1..toks.len().min(i + 7))
        .take_while(|&k| !is_clause_break(gap(text, toks, k)))
        .any(|k| {
            toks[k].norm == "à"
                && toks.get(k + 1).is_some_and(|n| {
                    !n.cap
                        && ["er", "ir", "re", "oir"]
                            .iter()
                            .any(|e| n.norm.ends_with(e))
                        && n.norm != "partir"
                })
        })
}
