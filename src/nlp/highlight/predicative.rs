//! Predicative evaluation: a verb of being and an adjective of judgment (`The octopus is
//! less successful`, `Service is friendly but stretched`, `le métier est dur`, `les
//! plats étaient corrects mais tièdes`). An adjective that qualifies its subject through
//! the verb is the writer's verdict on it; the same word before a noun often only names a
//! kind (`a good friend`, `une bonne partie`). Measured on the labeled sets the rules are
//! developed on, units with this shape are opinions 42 times, quotes 7 times (attribution
//! wins there) and factual once (`The heating was broken`: `broken` left out, as `simple`
//! for `la ligne est simple`, a single-track railway); on the fifth, unread pair of
//! references, 3 opinions, 1 quote and 1 factual.

use crate::nlp::highlight::tokens::Tok;
use crate::nlp::lang::Lang;

/// Verbs of being, seeming and becoming. Matched as literals, which the compiler turns
/// into a switch on the length: this test runs on every word of the text.
fn copula(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "s"
                | "seems"
                | "seem"
                | "seemed"
                | "looks"
                | "look"
                | "looked"
                | "feels"
                | "feel"
                | "felt"
                | "sounds"
                | "sounded"
                | "remains"
                | "remain"
                | "remained"
                | "became"
                | "becomes"
                | "become"
        ),
        Lang::Fr => matches!(
            w,
            "est"
                | "sont"
                | "était"
                | "étaient"
                | "suis"
                | "es"
                | "sommes"
                | "êtes"
                | "étais"
                | "fut"
                | "reste"
                | "restent"
                | "semble"
                | "semblent"
                | "paraît"
                | "parait"
                | "devient"
                | "deviennent"
                // What a line or a promise sounds like (`les dialogues sonnent parfois
                // faux`).
                | "sonne"
                | "sonnent"
                | "sonnait"
                | "sonnaient"
        ),
    }
}

/// Degree words and negations that may stand between the verb and the adjective.
const BETWEEN_EN: [&str; 27] = [
    "not",
    "frankly",
    "very",
    "so",
    "too",
    "quite",
    "pretty",
    "rather",
    "less",
    "more",
    "really",
    "just",
    "still",
    "also",
    "always",
    "never",
    "fairly",
    "genuinely",
    "surprisingly",
    "remarkably",
    "deeply",
    "truly",
    "somewhat",
    "utterly",
    "absolutely",
    "simply",
    "basically",
];
const BETWEEN_FR: [&str; 22] = [
    "pas",
    "très",
    "trop",
    "si",
    "assez",
    "plutôt",
    "vraiment",
    "bien",
    "peu",
    "tout",
    "toujours",
    "encore",
    "plus",
    "moins",
    "franchement",
    "particulièrement",
    "tellement",
    "super",
    "carrément",
    "juste",
    "aussi",
    "parfois",
];

/// Adjectives of judgment: general words of praise and blame, of taste, ease and worth.
/// Left out: words that also measure or classify (`poor`, `slow`, `simple`, `grave`,
/// `important`, `froid`, `normal`), which state facts as often.
#[rustfmt::skip]
const ADJECTIVES_EN: &[&str] = &[
    "good", "bad", "better", "worse", "best", "worst", "great", "terrible", "awful",
    "wonderful", "lovely", "nice", "perfect", "excellent", "brilliant", "superb", "stunning",
    "gorgeous", "beautiful", "ugly", "charming", "delightful", "pleasant", "unpleasant",
    "boring", "dull", "bland", "tedious", "disappointing", "frustrating", "annoying",
    "delicious", "tasty", "easy", "hard", "tough", "difficult", "lonely", "sad", "funny",
    "strange", "weird", "odd", "lucky", "proud", "happy", "glad", "sorry", "fun", "grim",
    "bleak", "rough", "messy", "clumsy", "generous", "friendly", "unfriendly", "rude",
    "successful", "unsuccessful", "worth", "worthwhile", "pointless", "useless",
    "meaningless", "essential", "overdue", "welcome", "unacceptable", "shameful",
    "impressive", "remarkable", "ridiculous", "absurd", "silly", "smart", "stupid",
    "foolish", "wise", "naive", "unfair", "fair", "wrong", "right", "obvious", "crowded",
    "noisy", "cramped", "expensive", "overpriced", "cheap", "steep", "exhausting",
    "rewarding", "inspiring", "moving", "heartbreaking", "painful", "scary", "dangerous",
    "safe", "reckless", "careless", "brave", "cowardly", "honest", "dishonest", "lazy",
    "mediocre", "forgettable", "memorable", "excessive", "inadequate", "insufficient",
    "unnecessary", "necessary", "irresponsible", "misguided", "flawed", "fine",
];
#[rustfmt::skip]
const ADJECTIVES_FR: &[&str] = &[
    "bon", "bonne", "bons", "bonnes", "mauvais", "mauvaise", "mauvaises", "meilleur",
    "meilleure", "pire", "excellent", "excellente", "parfait", "parfaite", "génial",
    "géniale", "superbe", "magnifique", "beau", "belle", "beaux", "belles", "laid", "laide",
    "agréable", "désagréable", "sympathique", "sympa", "chaleureux", "chaleureuse",
    "charmant", "charmante", "délicieux", "délicieuse", "savoureux", "savoureuse", "fade",
    "fades", "copieux", "copieuse", "correct", "correcte", "corrects", "correctes", "tiède",
    "tièdes", "nul", "nulle", "nuls", "décevant", "décevante", "décevants", "médiocre",
    "ennuyeux", "ennuyeuse", "passionnant", "passionnante", "intéressant", "intéressante",
    "facile", "difficile", "dur", "dure", "durs", "dures", "pénible", "compliqué",
    "compliquée", "triste", "drôle", "étrange", "bizarre", "banal", "banale", "faux",
    "fausse", "incomplet", "incomplète", "injuste", "juste", "absurde", "ridicule",
    "inutile", "essentiel", "essentielle", "indispensable", "nécessaire", "urgent",
    "urgente", "logique", "évident", "évidente", "clair", "claire", "dommage", "fier",
    "fière", "heureux", "heureuse", "content", "contente", "ravi", "ravie", "déçu", "déçue",
    "dégoûté", "dégouté", "incroyable", "horrible", "terrible", "insuffisant",
    "insuffisante", "excessif", "excessive", "inquiétant", "inquiétante", "rassurant",
    "rassurante", "réussi", "réussie", "raté", "ratée", "impeccable", "bruyant", "bruyante",
    "cher", "chère", "chers", "chères", "hors de prix", "dangereux", "dangereuse",
    "courageux", "courageuse", "honteux", "honteuse", "irresponsable", "lamentable", "creux",
];

/// The span from the verb of being to the adjective of judgment, if the sentence has one.
pub fn find(lang: Lang, toks: &[Tok]) -> Option<(usize, usize)> {
    let (between, adjectives): (&[&str], &[&str]) = match lang {
        Lang::En => (&BETWEEN_EN, ADJECTIVES_EN),
        Lang::Fr => (&BETWEEN_FR, ADJECTIVES_FR),
    };
    for (i, t) in toks.iter().enumerate() {
        if !copula(lang, t.norm.as_str()) {
            continue;
        }
        let mut k = i + 1;
        while k < toks.len() && k <= i + 3 && between.contains(&toks[k].norm.as_str()) {
            k += 1;
        }
        // French `n'est pas` has `pas` after the verb; English `isn't` splits as `isn` `t`.
        if let Some(a) = toks.get(k)
            && adjectives.contains(&a.norm.as_str())
            && !a.cap
        {
            return Some((t.start, a.end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::tokens::tokenize;
    use crate::nlp::lexicon::Lexicon;

    fn judged(lang: Lang, s: &str) -> bool {
        let lex = Lexicon::builtin(lang);
        find(lang, &tokenize(&lex, s, 0, s.len())).is_some()
    }

    #[test]
    fn a_verb_of_being_and_an_adjective_of_judgment() {
        for s in [
            "The octopus is less successful.",
            "Service is friendly but stretched.",
            "The work is lonely, and it does not pay well.",
            "The ending was frankly disappointing.",
            "The new mix sounds great on headphones.",
        ] {
            assert!(judged(Lang::En, s), "{s}");
        }
        for s in [
            "Parce que le métier est dur, tout simplement.",
            "Les plats étaient corrects mais tièdes.",
            "C'est vraiment dommage.",
            "La salle est bruyante le samedi soir.",
            "Les dialogues, surtout, sonnent parfois faux.",
            "Sa promesse sonne creux.",
        ] {
            assert!(judged(Lang::Fr, s), "{s}");
        }
        // The adjective before a noun, a measure, or no verb of being: no verdict.
        for s in [
            "A good part of the budget went to roads.",
            "The region is poor and mostly rural.",
            "He is Good Morning America's new host.",
            "The line is single-track up to Auch.",
        ] {
            assert!(!judged(Lang::En, s), "{s}");
        }
        for s in [
            "Une bonne partie du budget est allée aux routes.",
            "La ligne est simple jusqu'à Auch.",
            "Son état est grave mais stable.",
        ] {
            assert!(!judged(Lang::Fr, s), "{s}");
        }
    }
}
