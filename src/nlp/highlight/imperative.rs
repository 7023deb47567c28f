//! Calls to action: a sentence that opens on a verb in the imperative (`Call your
//! representatives`, `Don't wait for permission`, `Venez avec vos enfants`, `N'hésitez
//! pas`).
//! The guidelines count calls to action as the author's opinion; in a quotation or a
//! speaker's turn they are the source's, which attribution decides first.

use crate::nlp::highlight::tokens::Tok;
use crate::nlp::lang::Lang;
use crate::nlp::lexicon::flag;

/// The span of the imperative that opens the sentence in `lang`, if it opens on one.
pub fn opening(lang: Lang, text: &str, toks: &[Tok]) -> Option<(usize, usize)> {
    // A numbered step (`1. Use fine-tipped tweezers`, `2) Coupez les tiges`) opens on
    // its verb after the number.
    let (toks, step) = match toks.split_first() {
        Some((n, rest)) if n.digit && text[n.end..].starts_with(['.', ')']) => (rest, true),
        _ => (toks, false),
    };
    match lang {
        // A step needs no object after its verb to be one: no noun of the same spelling
        // opens a numbered list's item (`3. Pull upwards slowly`, `1. Use fine-tipped
        // tweezers`).
        Lang::En => call_to_action(toks).or_else(|| {
            let (v, next) = (toks.first()?, toks.get(1)?);
            (step && VERBS.contains(&v.norm.as_str()) && !next.digit).then_some((v.start, next.end))
        }),
        Lang::Fr => appel(text, toks),
    }
}

/// Verbs that open English calls to action. Each is checked with the word after it, so
/// the noun of the same spelling (`Call volumes rose`) is not taken for one.
const VERBS: [&str; 88] = [
    "go", "call", "vote", "join", "stop", "remember", "imagine", "consider", "ask", "tell", "take",
    "make", "give", "help", "support", "read", "listen", "look", "try", "keep", "start", "knock",
    "thank", "write", "sign", "get", "come", "be", "let", "demand", "speak", "stand", "think",
    "find", "choose", "serve", "visit", "reach", "protect", "put",
    // Found missing on unseen speeches and essays (`Use this line`, `Leave the car`).
    "use", "leave", "bring", "share", "send", "learn", "follow", "talk", "show", "fight", "save",
    "spend",
    // Instructions of advice pages and recipes (`Contact your GP`, `Check the date`).
    "contact", "check", "avoid", "wash", "remove", "wear", "seek", "apply", "cover", "clean",
    "dial", "place", "hold", "watch", "order", "book", "note", "grasp", "turn", "pick", "pull",
    "skip", "cut", "stir", "pour", "mix", "fill", "press", "open", "wait", "repeat", "rinse",
    "tap", "click", "select", "store",
];

/// Verbs that open a call to action before any word, an adjective too (`Be kind`, `Stay
/// curious`): no noun of the same spelling opens a sentence.
const COPULAS: [&str; 2] = ["be", "stay"];

/// Words after an imperative verb that a subject noun is not followed by: its object or a
/// particle (`thank the people`, `go home`, `speak up`, `let us`).
/// Not `for`, `in` or `with`, which follow the nouns too (`Support for the plan fell`).
const NEXT: [&str; 44] = [
    "the", "a", "an", "your", "our", "my", "his", "her", "their", "this", "that", "these", "those",
    "to", "on", "at", "up", "out", "home", "back", "it", "them", "us", "me", "him", "someone",
    "everyone", "every", "each", "all", "now", "here", "there", "down", "away", "off", "about",
    "into", "s",
    // A question word opening the object clause (`Watch whom she picks`, `Imagine what it
    // costs`).
    "whom", "what", "how", "who", "where",
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
    let copula = COPULAS.contains(&v.norm.as_str()) && !next.cap && !next.digit;
    // A number to call (`Call 999 if …`, `Dial 111`).
    let number = matches!(v.norm.as_str(), "call" | "dial") && next.digit;
    (copula || number || VERBS.contains(&v.norm.as_str()) && NEXT.contains(&next.norm.as_str()))
        .then_some((v.start, next.end))
}

/// Words after a French imperative that a noun opening a heading is not followed by:
/// a determiner, an object pronoun, `pas` or a preposition of company (`Venez avec vos
/// enfants`, `Rejoignez-nous`, `Prenons le temps`). Not `au`, `de` or `pour`, which follow
/// the nouns in `-ons` too (`Questions au gouvernement`, `Actions de soutien`).
const NEXT_FR: [&str; 24] = [
    "le", "la", "les", "l", "un", "une", "des", "du", "vos", "nos", "votre", "notre", "ce",
    "cette", "ces", "nous", "vous", "moi", "y", "en", "lui", "leur", "pas", "avec",
];

/// Words that may come before a French imperative (`Alors, faites…`, `Et venez…`).
const BEFORE_FR: [&str; 6] = ["alors", "et", "donc", "ensuite", "enfin", "puis"];

/// The span of the French imperative that opens the sentence, if it opens on one: a verb
/// of the `vous` or `nous` form (`-ez`, `-ons`, `faites`, `dites`) with its object after
/// it, `soyons`, `soyez`, or a negated one (`N'hésitez pas`, `Ne soyez pas tentés`).
pub fn appel(text: &str, toks: &[Tok]) -> Option<(usize, usize)> {
    let mut i = 0;
    while i < 2
        && toks
            .get(i)
            .is_some_and(|t| BEFORE_FR.contains(&t.norm.as_str()))
    {
        i += 1;
    }
    let negated = toks
        .get(i)
        .is_some_and(|t| matches!(t.norm.as_str(), "ne" | "n"));
    let v = toks.get(i + usize::from(negated))?;
    let w = v.norm.as_str();
    let plural = w.chars().count() >= 5 && (w.ends_with("ez") || w.ends_with("ons"));
    let irregular = matches!(
        w,
        "soyons" | "soyez" | "ayons" | "ayez" | "faites" | "dites"
    );
    if v.digit {
        return None;
    }
    let next = toks.get(i + usize::from(negated) + 1)?;
    if !(plural || irregular) {
        return singular(text, v, next, negated).then_some((toks[i].start, next.end));
    }
    let n = next.norm.as_str();
    let opened = if negated {
        matches!(n, "pas" | "plus" | "jamais")
    } else {
        matches!(w, "soyons" | "soyez")
            || NEXT_FR.contains(&n)
            || (w.ends_with("ez") && second_person(text, v, next))
    };
    (opened && !next.cap).then_some((toks[i].start, next.end))
}

/// Object pronouns joined to a `tu` imperative by a hyphen (`jette-les`, `dis-moi`).
const JOINED: [&str; 9] = ["le", "la", "les", "moi", "toi", "lui", "leur", "en", "y"];

/// Whether the word `v` opening the sentence is the familiar `tu` imperative of a forum's
/// or a column's advice: joined to its object pronoun (`Jette-les à la poubelle`,
/// `Dis-moi`), an `-er` verb before `bien` (`Vérifie bien que…`, `Garde bien la
/// facture`), or negated (`Ne signe rien`, `N'hésite pas`). An inverted question joins a
/// subject pronoun instead (`Est-il`, `Va-t-elle`), which none of these is.
fn singular(text: &str, v: &Tok, next: &Tok, negated: bool) -> bool {
    let w = v.norm.as_str();
    // Not a place's name (`Évian-les-Bains`, `Saint-Amand-les-Eaux`): the pronoun ends
    // the compound.
    let joined = text[v.end..next.start] == *"-"
        && JOINED.contains(&next.norm.as_str())
        && !text[next.end..].starts_with('-');
    let er_form = w.chars().count() >= 4 && w.ends_with('e');
    if negated {
        return er_form && matches!(next.norm.as_str(), "pas" | "rien" | "jamais" | "plus");
    }
    joined || (er_form && next.norm == "bien" && !v.is(flag::FUNCTION))
}

/// Whether the `-ez` word `v` opening the sentence is an imperative whatever follows it
/// (`Prenez rendez-vous`, `Pensez à vérifier`, `Réservez impérativement`, `Venez
/// nombreux`): few nouns end so, and the names that do (`Douarnenez`, `Martinez`) are
/// subjects, a verb or a comma after them.
fn second_person(text: &str, v: &Tok, next: &Tok) -> bool {
    let n = next.norm.as_str();
    let verb_after = next.is(flag::AUX | flag::FINITE_FORM | flag::REPORTING)
        || ["era", "ira", "ront", "ait", "aient", "ent"]
            .iter()
            .any(|e| n.chars().count() > 4 && n.ends_with(e) && !n.ends_with("ment"));
    let gap = &text[v.end..next.start];
    v.norm != "assez" && gap.chars().all(|c| c.is_whitespace() || c == '-') && !verb_after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::tokens::tokenize;
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
            "Use this line.",
            "Leave the car at home on Monday.",
            "Stay curious.",
            "Be stubborn about the things that matter.",
            "Watch whom she picks.",
            "Imagine what a week of that costs.",
            "Contact your GP if the rash spreads.",
            "Call 999 if someone collapses.",
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
            "Use of force is rare.",
            "Leave policies vary by state.",
            "Be Well Clinic opened in May.",
            "Check-in opens at 6am.",
            "Order volumes fell in May.",
        ] {
            assert!(!opens(s), "{s}");
        }
    }

    #[test]
    fn a_numbered_step_opens_on_its_verb() {
        for (lang, s, opens) in [
            (Lang::En, "2. Check the date on the label.", true),
            (Lang::Fr, "3) Coupez les tiges à ras.", true),
            (Lang::En, "2. The tick falls off by itself.", false),
            (Lang::En, "12 check the box.", false),
        ] {
            let lex = Lexicon::builtin(lang);
            let toks = tokenize(&lex, s, 0, s.len());
            assert_eq!(opening(lang, s, &toks).is_some(), opens, "{s}");
        }
    }

    fn appelle(s: &str) -> bool {
        let lex = Lexicon::builtin(Lang::Fr);
        appel(s, &tokenize(&lex, s, 0, s.len())).is_some()
    }

    #[test]
    fn french_calls_to_action_open_on_a_plural_imperative_and_its_object() {
        for s in [
            "Venez avec vos enfants, avec vos parents.",
            "Alors, faites la queue à la caisse traditionnelle.",
            "Rejoignez-nous dimanche place de la mairie.",
            "Soyons honnêtes : la machine n'a pas été installée pour nous.",
            "N'hésitez pas à nous écrire.",
            "Ne soyez pas tentés par le lait écrémé.",
            "Prenons le temps de les écouter.",
            "Prenez rendez-vous en ligne.",
            "Pensez à vérifier la date d'expiration.",
            "Réservez impérativement le week-end.",
            "Venez nombreux samedi.",
            "Jette-les à la poubelle, surtout pas au compost.",
            "Vérifie bien que l'installateur est certifié.",
            "Ne signe rien le jour même.",
        ] {
            assert!(appelle(s), "{s}");
        }
        for s in [
            "Questions au gouvernement",
            "Réactions nationales et internationales",
            "Inscriptions au 04 50 98 00 00.",
            "Douarnenez accueillera le spectacle de clôture.",
            "Les élèves chantez… non.",
            "Nous avons visité la caserne des pompiers.",
            "Informations pratiques",
            "Martinez a marqué à la 80e minute.",
            "Gomez, blessé, est sorti.",
            "Assez parlé de chiffres.",
            "Rodriguez accueillera le sommet.",
            "Évian-les-Bains : concert de l'harmonie samedi.",
            "Est-il trop tard ?",
            "Comme le prévoit le règlement, la séance est levée.",
            "Entre bien des villes, Gao a tenu.",
        ] {
            assert!(!appelle(s), "{s}");
        }
    }
}
