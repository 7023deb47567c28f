//! Whether a unit has a main finite verb, told by the lexicon and word endings (no
//! tagger): titles, captions, names lists and headings have none, sentences of prose
//! nearly always do. Outside parentheses, and not right after a relative pronoun (`un
//! discours qui sonne…` is a title: its only verb is in the relative clause).

use crate::nlp::highlight::tokens::Tok;
use crate::nlp::lang::Lang;
use crate::nlp::lexicon::{Lexicon, flag};

/// Object and reflexive pronouns and negations between a subject or a relative and its
/// verb (`qui ne s'effondre`, `il les voit`, `who never left`).
fn clitic(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::Fr => matches!(
            w,
            "ne" | "n"
                | "se"
                | "s"
                | "y"
                | "en"
                | "me"
                | "m"
                | "te"
                | "t"
                | "lui"
                | "leur"
                | "le"
                | "la"
                | "les"
                | "l"
                | "nous"
                | "vous"
        ),
        Lang::En => matches!(
            w,
            "not" | "never" | "also" | "then" | "still" | "only" | "just"
        ),
    }
}

/// Endings of adjectives that a feminine or plural `-e`/`-es` would otherwise pass for
/// a verb (`exclusive`, `possible`, `nouvelle`, `nationale`).
fn adjective_ending(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    [
        "ive", "ible", "able", "elle", "euse", "aire", "ale", "ienne", "ée", "ique",
    ]
    .iter()
    .any(|e| w.ends_with(e))
}

/// How sure a word is a finite verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verb {
    /// By an ending nouns and adjectives share (`-e`, `-ent`; `-s`, `-ed`): `la société
    /// civile` passes for one.
    Weak,
    /// By the lexicon, a subject pronoun or an ending only verbs have (`-aient`, `-ront`).
    Strong,
}

/// Whether token `k` can be a finite verb.
fn finite(lex: &Lexicon, toks: &[Tok], k: usize) -> Option<Verb> {
    let strong = finite_strong(lex, toks, k)?;
    if strong {
        return Some(Verb::Strong);
    }
    finite_weak(lex, toks, k).then_some(Verb::Weak)
}

/// `None` when the word cannot be a verb, else whether it surely is one.
fn finite_strong(lex: &Lexicon, toks: &[Tok], k: usize) -> Option<bool> {
    let t = &toks[k];
    let w = t.norm.as_str();
    if t.digit || (k > 0 && t.cap && w != "i") || t.is(flag::NOT_FINITE) {
        return None;
    }
    if t.is(flag::FINITE_FORM)
        || (t.is(flag::AUX) && !matches!(w, "été" | "eu" | "ayant" | "be" | "been"))
    {
        return Some(true);
    }
    if t.is(flag::FUNCTION) {
        return None;
    }
    // The subject pronoun before, across clitics: `il les voit`, `they often say`.
    let mut b = k;
    while b > 0 && clitic(lex.lang, toks[b - 1].norm.as_str()) {
        b -= 1;
    }
    let after_subject = b > 0 && toks[b - 1].is(flag::SUBJECT);
    // Only a verb follows a reflexive or a negation (`la ville se trouve`, `ne cesse`).
    let preverbal = lex.lang == Lang::Fr
        && k > 0
        && matches!(
            toks[k - 1].norm.as_str(),
            "se" | "s" | "ne" | "n" | "me" | "te"
        );
    if (after_subject || preverbal) && !t.is(flag::NUMBER) {
        return Some(true);
    }
    let n = w.chars().count();
    let strong = lex.lang == Lang::Fr
        && ((n >= 5 && (w.ends_with("aient") || w.ends_with("èrent")))
            || (n >= 4 && w.ends_with("ait") && !t.is(flag::NOT_CONDITIONAL))
            || (n >= 6 && (w.ends_with("ront") || w.ends_with("era") || w.ends_with("ira"))));
    Some(strong)
}

/// Endings nouns and adjectives share with verbs, after a word that can be a subject.
fn finite_weak(lex: &Lexicon, toks: &[Tok], k: usize) -> bool {
    let w = toks[k].norm.as_str();
    let n = w.chars().count();
    // The word before introduces a noun (`les gens`, `un accident`, `the proposed`); a
    // subject pronoun before was already counted as a sure sign.
    let after_noun_intro = k > 0 && {
        let p = &toks[k - 1];
        p.is(flag::FUNCTION) && !p.is(flag::RELATIVE)
    };
    match lex.lang {
        Lang::Fr => {
            if after_noun_intro || k == 0 {
                return false;
            }
            if n >= 5 && w.ends_with("ent") && !w.ends_with("ment") {
                return true;
            }
            // `citons`, `notez`: a first or second person plural, or an imperative.
            if n >= 5 && (w.ends_with("ons") || w.ends_with("ez")) && !toks[k - 1].is(flag::NUMBER)
            {
                return true;
            }
            // A present of an `-er` verb after its subject noun (`le maire démissionne`).
            let prev = &toks[k - 1];
            n >= 4
                && (w.ends_with('e') || w.ends_with("es"))
                && !adjective_ending(w)
                && !prev.digit
                && !prev.is(flag::FUNCTION)
        }
        Lang::En => {
            if after_noun_intro || k == 0 {
                return false;
            }
            let prev = &toks[k - 1];
            let noun_before = !prev.digit && !prev.is(flag::FUNCTION);
            (n >= 4 && w.ends_with("ed"))
                || (noun_before
                    && n >= 4
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.ends_with("us")
                    && !w.ends_with("is"))
        }
    }
}

/// Moves the bracket depth over `gap`, the text between two words (the brackets are
/// ASCII, so the bytes tell them).
fn paren_step(gap: &str, depth: &mut i32) {
    for b in gap.bytes() {
        match b {
            b'(' | b'[' => *depth += 1,
            b')' | b']' => *depth = (*depth - 1).max(0),
            _ => {}
        }
    }
}

/// For each token, whether it lies inside parentheses; `start` is where the unit starts.
pub fn in_parens(text: &str, start: usize, toks: &[Tok]) -> Vec<bool> {
    let mut depth = 0i32;
    let mut prev = start;
    toks.iter()
        .map(|t| {
            paren_step(&text[prev..t.start], &mut depth);
            prev = t.end;
            depth > 0
        })
        .collect()
}

/// How surely the unit has a main finite verb: the surest of its candidates, if any.
/// The first strong one is the answer, so the tokens after it are never looked at (a
/// tenth of the time `suggest` took on long text went to them), nor the brackets after it.
pub fn main_verb(lex: &Lexicon, text: &str, start: usize, toks: &[Tok]) -> Option<Verb> {
    let mut found = None;
    let mut depth = 0i32;
    let mut prev = start;
    let candidates = (0..toks.len()).filter_map(|k| {
        paren_step(&text[prev..toks[k].start], &mut depth);
        prev = toks[k].end;
        if depth > 0 {
            return None;
        }
        let v = finite(lex, toks, k)?;
        let mut b = k;
        while b > 0 && clitic(lex.lang, toks[b - 1].norm.as_str()) {
            b -= 1;
        }
        // `qui a ouvert`, `who has left`: a relative clause's verb. `that` after a
        // verb is a conjunction, but then that verb came first.
        let relative = b > 0 && toks[b - 1].is(flag::RELATIVE);
        (!relative).then_some(v)
    });
    for v in candidates {
        if v == Verb::Strong {
            return Some(v);
        }
        found = Some(v);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::tokens::tokenize;

    fn has_verb(lang: Lang, s: &str) -> bool {
        let lex = Lexicon::builtin(lang);
        let toks = tokenize(&lex, s, 0, s.len());
        main_verb(&lex, s, 0, &toks).is_some()
    }

    #[test]
    fn prose_sentences_have_a_main_verb() {
        for s in [
            "Le maire démissionne après trois ans.",
            "Les habitants fuient la ville.",
            "Il les voit chaque semaine.",
            "La ministre annonçait une réforme.",
            "Les travaux dureront deux ans.",
            "Le conseil accueillera le sommet en juin.",
            "Cela lui donne un avantage.",
            "Parmi ces lieux, citons le vieux moulin.",
            "La commune se trouve au bord du lac.",
            "Le tribunal a rejeté la plainte.",
        ] {
            assert!(has_verb(Lang::Fr, s), "{s}");
        }
        for s in [
            "The mayor resigned on Friday.",
            "The company plans a new factory.",
            "They often visit the museum.",
            "Residents fled the town.",
            "The council will meet again.",
        ] {
            assert!(has_verb(Lang::En, s), "{s}");
        }
    }

    #[test]
    fn titles_and_names_lists_have_none() {
        for s in [
            "Orages, un documentaire sur la vie des pêcheurs.",
            "Anne Morel (directrice des ventes) et Paul Roy (trésorier du club).",
            "Un régime qui s'effondre sous son propre poids",
            "Une exposition placée sous le signe de la mer",
            "Entretien exclusif !",
        ] {
            assert!(!has_verb(Lang::Fr, s), "{s}");
        }
        for s in [
            "Tempest, a documentary about the lives of fishermen.",
            "Anne Moore (head of sales) and Paul Roy (club treasurer).",
            "A regime which collapses under its own weight",
            "Exclusive interview!",
        ] {
            assert!(!has_verb(Lang::En, s), "{s}");
        }
    }
}
