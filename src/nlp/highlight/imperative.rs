//! English calls to action: a sentence that opens on a verb in the imperative (`Call
//! your representatives`, `Don't wait for permission`, `Knock on a door this winter`).
//! The guidelines count calls to action as the author's opinion; in a quotation or a
//! speaker's turn they are the source's, which attribution decides first.

use crate::nlp::highlight::tokens::Tok;

/// Verbs that open English calls to action. Each is checked with the word after it, so
/// the noun of the same spelling (`Call volumes rose`) is not taken for one.
const VERBS: [&str; 40] = [
    "go", "call", "vote", "join", "stop", "remember", "imagine", "consider", "ask", "tell", "take",
    "make", "give", "help", "support", "read", "listen", "look", "try", "keep", "start", "knock",
    "thank", "write", "sign", "get", "come", "be", "let", "demand", "speak", "stand", "think",
    "find", "choose", "serve", "visit", "reach", "protect", "put",
];

/// Words after an imperative verb that a subject noun is not followed by: its object or a
/// particle (`thank the people`, `go home`, `speak up`, `let us`).
/// Not `for`, `in` or `with`, which follow the nouns too (`Support for the plan fell`).
const NEXT: [&str; 39] = [
    "the", "a", "an", "your", "our", "my", "his", "her", "their", "this", "that", "these", "those",
    "to", "on", "at", "up", "out", "home", "back", "it", "them", "us", "me", "him", "someone",
    "everyone", "every", "each", "all", "now", "here", "there", "down", "away", "off", "about",
    "into", "s",
];

/// Words that may come before the verb (`So go`, `And please call`, `Please vote`).
const BEFORE: [&str; 4] = ["so", "and", "please", "now"];

/// The span of the imperative that opens the sentence, if it opens on one: `[start of
/// the verb, end of the word after it)`.
pub fn call_to_action(toks: &[Tok]) -> Option<(usize, usize)> {
    let mut i = 0;
    while i < 2
        && toks
            .get(i)
            .is_some_and(|t| BEFORE.contains(&t.norm.as_str()))
    {
        i += 1;
    }
    let v = toks.get(i)?;
    // `Don't wait`, `Do not wait`.
    let negated = match v.norm.as_str() {
        "don" if toks.get(i + 1).is_some_and(|t| t.norm == "t") => Some(i + 2),
        "don't" => Some(i + 1),
        "do" if toks.get(i + 1).is_some_and(|t| t.norm == "not") => Some(i + 2),
        _ => None,
    };
    if let Some(k) = negated {
        let w = toks.get(k)?;
        return (!w.cap && !w.digit).then_some((v.start, w.end));
    }
    let next = toks.get(i + 1)?;
    (VERBS.contains(&v.norm.as_str()) && NEXT.contains(&next.norm.as_str()))
        .then_some((v.start, next.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::tokens::tokenize;
    use crate::nlp::lang::Lang;
    use crate::nlp::lexicon::Lexicon;

    fn opens(s: &str) -> bool {
        let lex = Lexicon::builtin(Lang::En);
        call_to_action(&tokenize(&lex, s, 0, s.len())).is_some()
    }

    #[test]
    fn calls_to_action_open_on_a_verb_and_its_object() {
        for s in [
            "Go home and thank the people who got you here.",
            "Call your representatives.",
            "Don't wait for permission to lead.",
            "Knock on a door this winter.",
            "So take the bus.",
            "Let's be clear.",
        ] {
            assert!(opens(s), "{s}");
        }
        for s in [
            "Call volumes rose 12 percent.",
            "Support for the plan fell.",
            "Help with rent is available.",
            "Look Ahead Capital bought the site.",
            "Read More",
            "Do you know her?",
            "The city will vote on it.",
        ] {
            assert!(!opens(s), "{s}");
        }
    }
}
