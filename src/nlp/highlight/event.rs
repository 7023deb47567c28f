//! Event claims: a clause reporting that something happened (`les habitants ont fui par
//! centaines`, `the garrison has withdrawn`), found from a compound past tense (auxiliary
//! and past participle) and extended to the clause around it. Checkable even when it
//! holds no figure, date or name, which the other claim rules need.

use super::tokens::{Tok, is_clause_break};
use super::{Kind, Span};
use crate::nlp::lang::Lang;
use crate::nlp::lexicon::{Lexicon, flag};

/// Words of the subject looked back over, and of the rest of the clause looked ahead.
const SUBJECT_MAX: usize = 7;
const REST_MAX: usize = 8;

/// Words that open a new clause: the event clause stops before them.
fn opens_clause(t: &Tok) -> bool {
    matches!(
        t.norm.as_str(),
        "que"
            | "qu"
            | "qui"
            | "et"
            | "mais"
            | "car"
            | "donc"
            | "lorsque"
            | "quand"
            | "si"
            | "où"
            | "dont"
            | "alors"
            | "tandis"
            | "that"
            | "which"
            | "who"
            | "and"
            | "but"
            | "when"
            | "while"
            | "because"
            | "if"
            | "whereas"
    )
}

/// Adverbs and negations allowed between the auxiliary and the participle.
fn between(t: &Tok) -> bool {
    matches!(
        t.norm.as_str(),
        "été"
            | "pas"
            | "jamais"
            | "déjà"
            | "encore"
            | "toujours"
            | "aussi"
            | "rien"
            | "plus"
            | "been"
            | "not"
            | "already"
            | "also"
            | "never"
            | "just"
    )
}

/// A past participle by its ending: `évacué, tués, faite, fui, pris, perdu, mort`,
/// `killed, taken, shown`.
fn participle(lang: Lang, t: &Tok) -> bool {
    let w = t.norm.as_str();
    if t.digit || t.cap || w.chars().count() < 3 || t.is(flag::FUNCTION) {
        return false;
    }
    match lang {
        Lang::Fr => {
            let w = w
                .strip_suffix('s')
                .unwrap_or(w)
                .strip_suffix('e')
                .map_or(w, |s| {
                    if s.ends_with(['é', 'i', 'u', 't']) {
                        s
                    } else {
                        w
                    }
                });
            w.ends_with(['é', 'i', 'u'])
                || w.ends_with("it")
                || w.ends_with("is")
                || w.ends_with("ort")
                || w.ends_with("ert")
                || w.ends_with("int")
        }
        Lang::En => {
            w.ends_with("ed")
                || (w.ends_with("en") && !w.ends_with("pen") && w != "often")
                || w.ends_with("wn")
        }
    }
}

/// Event clauses of a sentence.
pub fn events(text: &str, toks: &[Tok], lex: &Lexicon) -> Vec<Span> {
    let gap = |k: usize| &text[toks[k - 1].end..toks[k].start];
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Modals (`would reopen`, `will close`) announce, they do not report an event.
        let modal = matches!(
            toks[i].norm.as_str(),
            "t" | "will"
                | "would"
                | "did"
                | "does"
                | "be"
                | "sera"
                | "seront"
                | "aura"
                | "auront"
                | "aurait"
                | "auraient"
        );
        if !toks[i].is(flag::AUX) || modal {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && j - i <= 3 && between(&toks[j]) {
            j += 1;
        }
        if j >= toks.len() || !participle(lex.lang, &toks[j]) || j > i + 3 {
            i += 1;
            continue;
        }
        let mut s = i;
        while s > 0
            && i - s < SUBJECT_MAX
            && !is_clause_break(gap(s))
            && !opens_clause(&toks[s - 1])
        {
            s -= 1;
        }
        let mut e = j;
        while e + 1 < toks.len()
            && e - j < REST_MAX
            && !is_clause_break(gap(e + 1))
            && !opens_clause(&toks[e + 1])
        {
            e += 1;
        }
        // Cut by the word limit, a clause must not end on an article or preposition
        // (`contre des positions de l`): go on to the next content word, a few words at
        // most, else stop before them.
        let function = |k: usize| toks[k].is(flag::FUNCTION);
        let mut more = 0;
        while function(e)
            && more < 3
            && e + 1 < toks.len()
            && !is_clause_break(gap(e + 1))
            && !opens_clause(&toks[e + 1])
        {
            e += 1;
            more += 1;
        }
        while e > j && function(e) {
            e -= 1;
        }
        // A subject of one pronoun (`il a dit`) is no checkable event.
        let pronoun = s + 1 == i && toks[s].is(flag::FUNCTION);
        if s < i && !pronoun {
            out.push(Span {
                start: toks[s].start,
                end: toks[e].end,
                kind: Kind::Claim,
                rule: "event",
            });
        }
        i = e + 1;
    }
    out
}
