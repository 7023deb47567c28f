//! Formulae of politeness said for their own sake: greetings, thanks, welcomes,
//! congratulations and farewells (`Thank you, Ben.`, `Merci d'avance !`, `HOST: Good
//! morning, and welcome back to The Morning Exchange.`). The guidelines' references count
//! them as ceremony, not sentences of the article (skip), in a speaker's turn too; a unit
//! that goes on to say something (`Merci à vous deux, vous êtes top !`) is a sentence.

use crate::nlp::highlight::tokens::Tok;

/// Formulae, as the words they open on (lower case, apostrophes straightened), in both
/// languages: a French text quoting an English `thank you` is still thanking.
const FORMULAE: [&[&str]; 35] = [
    &["thank", "you"],
    &["thanks"],
    &["many", "thanks"],
    &["good", "morning"],
    &["good", "afternoon"],
    &["good", "evening"],
    &["good", "night"],
    &["welcome"],
    &["congratulations"],
    &["goodbye"],
    &["hello"],
    &["cheers"],
    &["my", "pleasure"],
    &["see", "you"],
    &["merci"],
    &["bonjour"],
    &["bonsoir"],
    &["bienvenue"],
    &["félicitations"],
    &["au", "revoir"],
    &["à", "bientôt"],
    &["avec", "plaisir"],
    &["bonne", "journée"],
    &["bonne", "soirée"],
    &["bonne", "année"],
    &["bonne", "lecture"],
    &["meilleurs", "vœux"],
    &["cordialement"],
    &["god", "bless"],
    &["bonne", "et", "heureuse", "année"],
    // Courtesies of a debate or a hearing (`I am grateful to the Minister.`). The French
    // references read `Je vous remercie de cette question` as the speaker's words.
    &["i", "am", "grateful"],
    &["i", "m", "grateful"],
    // A newsletter's sign-off (`That's all for this week.`, `À la semaine prochaine !`).
    &["that", "s", "all", "for"],
    &["c", "est", "tout", "pour"],
    &["à", "la", "semaine", "prochaine"],
];

/// Words that may open the unit before its formula (`And good morning, Class of 2025!`).
const BEFORE: [&str; 6] = ["and", "so", "well", "et", "alors", "eh"];

/// The most words after the last formula: its object or the one addressed (`Thanks for
/// having me, Ben.`, `Bonjour Bernard Castaing.`); more is a sentence that says something.
const MAX_AFTER: usize = 5;

/// The most words a leading vocative takes (`Diane, thanks for coming in.`).
const MAX_VOCATIVE: usize = 3;

/// Whether the words `toks` of a unit are a formula of politeness and little else.
/// `text` is the text the tokens index, read for the commas after a vocative or a formula.
pub fn is_formula(text: &str, toks: &[Tok]) -> bool {
    // A leading vocative: a few capitalised words and a comma (`Diane, thanks …`).
    let vocative = (1..=MAX_VOCATIVE).find(|&n| {
        toks.get(n - 1)
            .is_some_and(|t| text[t.end..].starts_with(','))
            && toks[..n].iter().all(|t| t.cap)
    });
    // The Chair's call (`Order.`, `Order, order.`), only alone: `Order the forms online`.
    let order = !toks.is_empty() && toks.iter().all(|t| t.norm == "order");
    order
        || formula_from(text, toks, 0)
        || vocative.is_some_and(|v| formula_from(text, toks, v))
        || thanks_last(text, toks)
}

/// The most words of a unit that ends on thanks after the one addressed (`Diane Cole,
/// director of the Riverside Public Library, thank you.`).
const MAX_ADDRESSED: usize = 14;

/// Whether the unit is someone addressed, a comma, and thanks to end it.
fn thanks_last(text: &str, toks: &[Tok]) -> bool {
    let n = toks.len();
    let tail = match toks {
        [.., a, b] if a.norm == "thank" && b.norm == "you" => 2,
        [.., a, b] if a.norm == "merci" && b.norm == "beaucoup" => 2,
        [.., a] if matches!(a.norm.as_str(), "thanks" | "merci") => 1,
        _ => return false,
    };
    n > tail
        && n <= MAX_ADDRESSED
        && toks[0].cap
        && text[toks[n - tail - 1].end..toks[n - tail].start].contains(',')
}

/// Whether `toks[i..]` open on a formula followed by little else.
fn formula_from(text: &str, toks: &[Tok], mut i: usize) -> bool {
    let mut found = false;
    loop {
        let from = i;
        while toks
            .get(i)
            .is_some_and(|t| BEFORE.contains(&t.norm.as_str()))
        {
            i += 1;
        }
        let Some(f) = FORMULAE.iter().find(|f| {
            toks.get(i..i + f.len())
                .is_some_and(|w| w.iter().zip(f.iter()).all(|(t, f)| t.norm == *f))
        }) else {
            // `Thank you, and long live Parma!`: a clause joined after the formula.
            if found && i > from {
                return false;
            }
            break;
        };
        i += f.len();
        // `Thanks to the new pumps, …`: a cause, not thanks.
        if *f == ["thanks"] && toks.get(i).is_some_and(|t| t.norm == "to") {
            return false;
        }
        found = true;
        // Another formula may follow after a comma (`Good morning, and welcome back …`).
        let chained = toks
            .get(i - 1)
            .is_some_and(|t| text[t.end..].starts_with(','));
        if !chained {
            break;
        }
    }
    found && toks.len() - i <= MAX_AFTER
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::tokens::tokenize;
    use crate::nlp::lang::Lang;
    use crate::nlp::lexicon::Lexicon;

    fn formula(lang: Lang, s: &str) -> bool {
        is_formula(s, &tokenize(&Lexicon::builtin(lang), s, 0, s.len()))
    }

    #[test]
    fn politeness_alone_is_a_formula() {
        for s in [
            "Thank you, Ben.",
            "Thanks for having me, Ben.",
            "Diane, thanks for coming in.",
            "And good morning, Class of 2025!",
            "Good morning, and welcome back to The Morning Exchange.",
            "Congratulations, class of 2024.",
            "My pleasure.",
            "Thank you, and God bless.",
            "Diane Cole, director of the Riverside Public Library, thank you.",
            "I am grateful to the Minister.",
            "Order, order.",
            "That's all for this week.",
        ] {
            assert!(formula(Lang::En, s), "{s}");
        }
        for s in [
            "Merci d'avance !",
            "Bonjour Bernard Castaing.",
            "Bonne lecture à tous.",
        ] {
            assert!(formula(Lang::Fr, s), "{s}");
        }
    }

    #[test]
    fn a_formula_that_goes_on_to_say_something_is_a_sentence() {
        for s in [
            "Thank you, President Alvarez, and thank you to the trustees, the faculty and, above all, the class of 2024.",
            "Welcome figures for March show a rise of 4 percent in tourism.",
            "Thanks to the new pumps, the village has water again.",
            "Thanks to the pumps.",
            "Thank you, and long live Parma!",
            "The mayor said thank you.",
            "Order the new forms online before May.",
            "I am grateful to the nurses who looked after my mother for six years at the Royal.",
            "Residents who waited four hours at the town hall on Monday evening for the vote on the new bypass road, thank you.",
        ] {
            assert!(!formula(Lang::En, s), "{s}");
        }
        for s in [
            "Merci à vous deux, vous êtes top !",
            "Bonjour a tous, je vous explique mon probleme avec un garage de Vannes.",
            "Merci aux bénévoles qui ont tenu la buvette tout le week-end, ils ont récolté 2 000 euros.",
        ] {
            assert!(!formula(Lang::Fr, s), "{s}");
        }
    }
}
