//! Cue words in a sense that judges nothing: the superlative or the quantity of `le
//! plus de temps`, `most of them`; the adverb `juste avant la pause`; an English `-ing`
//! word that is a verb (`before moving to New York`); a capitalised word inside a name
//! (`Just Film`). Found on unseen text, where these senses outnumber the judging ones.

use crate::nlp::highlight::tokens::Tok;
use crate::nlp::lang::Lang;
use crate::nlp::lexicon::Cue;

/// Words after `le plus`/`les plus` that make it a quantity or an adverb of time or
/// frequency (`le plus de temps`, `le plus souvent`, `le plus tôt possible`).
const FR_MOST_NOT_BEST: [&str; 6] = ["de", "d", "souvent", "tôt", "tard", "vite"];

/// Words after French `juste` that make it the adverb "just", "right" (`juste avant la
/// pause`, `juste au-dessus du seuil`, `tout juste un an`), not the judgment "fair".
const FR_JUSTE_BEFORE: [&str; 22] = [
    "avant",
    "après",
    "au",
    "aux",
    "à",
    "un",
    "une",
    "le",
    "la",
    "les",
    "l",
    "derrière",
    "devant",
    "sous",
    "sur",
    "en",
    "pour",
    "entre",
    "assez",
    "ce",
    "cette",
    "dans",
];

/// Words after an English `-ing` cue word that make it a verb (`moving to`, `moving
/// back`, `striking a deal`).
const EN_VERB_AFTER: [&str; 14] = [
    "to", "back", "into", "out", "away", "up", "on", "from", "forward", "toward", "towards",
    "home", "there", "a",
];

/// Words before an English `-ing` cue word that make it a verb (`before moving`).
const EN_VERB_BEFORE: [&str; 6] = ["before", "after", "without", "while", "since", "by"];

/// Whether the cue term of `n` words at token `i` stands in a sense that judges nothing.
pub fn neutral(lang: Lang, text: &str, toks: &[Tok], i: usize, n: usize, cue: Cue) -> bool {
    let t = &toks[i];
    let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    let next = w(i + n);
    if in_name(text, toks, i) {
        return true;
    }
    match (lang, cue) {
        (Lang::Fr, Cue::Intensifier) => {
            n == 2 && w(i + 1) == "plus" && FR_MOST_NOT_BEST.contains(&next)
        }
        (Lang::En, Cue::Intensifier) => t.norm == "most" && next == "of",
        (Lang::Fr, Cue::WeakEvaluative | Cue::Evaluative) if t.norm == "juste" => {
            FR_JUSTE_BEFORE.contains(&next)
                || toks.get(i + 1).is_some_and(|n| n.digit)
                || (i > 0 && w(i - 1) == "tout")
        }
        // The noun of news and insurance, the damage or the fire (`l'origine du
        // sinistre`), not the adjective; the legal `état de catastrophe naturelle`.
        // The articles and `ce` that `DETERMINERS_FR` leaves out as pronouns are
        // determiners here.
        (Lang::Fr, Cue::Evaluative) if t.norm == "sinistre" => {
            i > 0
                && (super::source::DETERMINERS_FR.contains(&w(i - 1))
                    || matches!(w(i - 1), "le" | "la" | "l" | "les" | "ce"))
        }
        (Lang::Fr, Cue::Evaluative) if t.norm == "catastrophe" => {
            matches!(next, "naturelle" | "naturelles")
        }
        (Lang::En, Cue::WeakEvaluative | Cue::Evaluative) if n == 1 && t.norm.ends_with("ing") => {
            EN_VERB_AFTER.contains(&next) || (i > 0 && EN_VERB_BEFORE.contains(&w(i - 1)))
        }
        _ => false,
    }
}

/// Whether token `i` is a capitalised word inside the sentence that no punctuation
/// opening a clause or a quotation stands before: a part of a name (`Just Film`, `Hollow
/// Creek Road`).
fn in_name(text: &str, toks: &[Tok], i: usize) -> bool {
    if i == 0 || !toks[i].cap {
        return false;
    }
    let gap = &text[toks[i - 1].end..toks[i].start];
    !gap.contains([':', '.', '!', '?', '«', '"', '“', '(', '—', '–', '\n'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::tokens::tokenize;
    use crate::nlp::lexicon::Lexicon;

    /// Whether the cue words of `s` the lexicon finds all stand in a neutral sense.
    fn judges(lang: Lang, s: &str, word: &str) -> bool {
        let lex = Lexicon::builtin(lang);
        let toks = tokenize(&lex, s, 0, s.len());
        let i = toks.iter().position(|t| t.norm == word).expect("word");
        let cues = crate::nlp::highlight::cue::cues(s, 0, s.len(), &toks, &lex, &|_| false, false);
        cues.iter().any(|c| c.start == toks[i].start)
    }

    #[test]
    fn judging_senses_stay_cues_and_neutral_ones_do_not() {
        assert!(judges(
            Lang::Fr,
            "C'est le plus beau village de la région.",
            "le"
        ));
        assert!(!judges(
            Lang::Fr,
            "Il a passé le plus de temps au port.",
            "le"
        ));
        assert!(!judges(
            Lang::Fr,
            "Il a égalisé juste avant la pause.",
            "juste"
        ));
        assert!(!judges(
            Lang::Fr,
            "Il y a tout juste un an, il partait.",
            "juste"
        ));
        assert!(judges(Lang::Fr, "La sanction est juste.", "juste"));
        assert!(judges(
            Lang::En,
            "It was the most moving speech of the night.",
            "moving"
        ));
        assert!(!judges(
            Lang::En,
            "She taught for years before moving to Ohio.",
            "moving"
        ));
        assert!(!judges(
            Lang::En,
            "I have made most of them myself.",
            "most"
        ));
        assert!(judges(Lang::En, "It is the most absurd plan yet.", "most"));
        assert!(!judges(
            Lang::Fr,
            "L'origine du sinistre serait électrique.",
            "sinistre"
        ));
        assert!(judges(Lang::Fr, "Le décor est sinistre.", "sinistre"));
        assert!(!judges(
            Lang::Fr,
            "La commune demande l'état de catastrophe naturelle.",
            "catastrophe"
        ));
        assert!(judges(
            Lang::Fr,
            "Ce budget est une catastrophe.",
            "catastrophe"
        ));
    }
}
