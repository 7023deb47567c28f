//! Word classes for French and English news: abbreviations that a full stop does not end,
//! words that start sentences, and words a sentence cannot end on. Decisions use these
//! classes, never strings from particular articles.

use super::chars::char_before;

/// What the word before a full stop says about the stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    /// A title or a reference abbreviation (`M.`, `Dr.`, `cf.`): never ends a sentence.
    Title,
    /// An abbreviation that is also a word or may end a sentence (`col.`, `art.`, `Jan.`):
    /// the stop ends the sentence only before a word that starts sentences, never before a
    /// number (`art. 12`).
    Abbrev,
    /// An initial (`J.`, `J.-C.`, `U.S.`): like [`Before::Abbrev`] before a word, but a
    /// number after it starts a sentence.
    Initial,
    /// Anything else (`etc.`, `2024.`, `».`): the stop ends the sentence before a capital.
    Plain,
}

/// Titles and abbreviations followed by a name or a reference, case as written.
const TITLES: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Mgrs", "Dr", "Drs", "Pr", "Prs", "Prof",
    "St", "Ste", "Sts", "Mr", "Mrs", "Ms", "Messrs", "Gen", "Gén", "Lt", "Sgt", "Capt", "Cpt",
    "Cdt", "Cmdt", "Adm", "Maj", "Cpl", "Brig", "Rev", "Msgr", "Hon", "Sen", "Sén", "Rep", "Gov",
    "Pdt", "Vve",
];

/// Lower-case abbreviations that never end a sentence (also matched capitalised).
const NEVER_FINAL: &[&str] = &[
    "cf", "vs", "ex", "resp", "av", "apr", "env", "ca", "approx", "éd", "coord", "dir", "trad",
    "réf", "fig", "chap", "pp", "tél", "boul", "coll",
];

/// Abbreviations that are also common words or may close a sentence: `col` (colonel /
/// mountain pass), `art` (article / art), `no` (numéro / no), months, ranks.
const AMBIGUOUS: &[&str] = &[
    "col", "gén", "gal", "lt", "cne", "cdt", "sgt", "adj", "art", "al", "no", "nos", "nº", "n",
    "p", "t", "r", "ch", "sect", "vol", "bd", "jan", "janv", "feb", "febr", "fév", "févr", "avr",
    "jun", "juil", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "déc", "mt", "ft",
];

/// Abbreviations that end a sentence before any capital (`…, etc. Bamako`) but go on
/// before a lower-case word (`etc. et`, `Acme Corp. and`).
const BEFORE_LOWER: &[&str] = &[
    "etc", "inc", "corp", "ltd", "co", "jr", "sr", "bros", "dept", "univ",
];

/// Words that start sentences (compared with their first letter lower-cased): determiners,
/// pronouns, conjunctions, prepositions, sentence adverbs and the French weekdays (which
/// take a capital only there), French then English.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette",
    "ces", "c", "ça", "cela", "ceci", "celui", "celle", "ceux", "celles", "il", "ils",
    "elle", "elles", "on", "nous", "vous", "je", "j", "tu", "mon", "ma", "mes", "ton", "ta",
    "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "mais",
    "et", "or", "donc", "car", "puis", "alors", "ainsi", "aussi", "enfin", "ensuite",
    "pourtant", "cependant", "toutefois", "néanmoins", "pour", "par", "selon", "dans", "en",
    "au", "aux", "à", "après", "avant", "depuis", "pendant", "durant", "dès", "si", "quand",
    "lorsque", "lorsqu", "comme", "qui", "que", "qu", "quel", "quelle", "quels", "quelles",
    "où", "comment", "pourquoi", "combien", "sur", "sous", "avec", "sans", "entre", "parmi",
    "chez", "vers", "contre", "malgré", "tout", "toute", "tous", "toutes", "chaque",
    "aucun", "aucune", "plusieurs", "certains", "certaines", "quelques", "autre", "autres",
    "n", "ne", "non", "oui", "ici", "voici", "voilà", "rien", "personne", "déjà", "encore",
    "même", "plus", "moins", "très", "bien", "peu", "beaucoup", "toujours", "jamais",
    "souvent", "parfois", "aujourd", "hier", "demain", "désormais", "finalement", "certes",
    "s", "sauf", "soit", "y", "face", "quant", "lors", "grâce", "outre", "là", "jusqu",
    "lui", "eux", "moi", "parce", "puisque", "tandis", "pas", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche",
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "there", "here", "but",
    "and", "so", "yet", "then", "thus", "however", "in", "at", "for", "from", "with", "by",
    "as", "if", "when", "while", "although", "though", "after", "before", "since",
    "because", "what", "who", "which", "where", "why", "how", "all", "some", "many", "most",
    "each", "every", "both", "one", "such", "other", "another", "meanwhile", "also", "now",
    "today", "yesterday", "despite", "during", "even", "only",
];

/// Words a sentence cannot end on: a line ending with one continues on the next line.
const NON_FINAL: &[&str] = &[
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "l",
    "d",
    "un",
    "une",
    "et",
    "ou",
    "à",
    "au",
    "aux",
    "en",
    "par",
    "pour",
    "sur",
    "dans",
    "avec",
    "sans",
    "que",
    "qu",
    "qui",
    "dont",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "ces",
    "mon",
    "ma",
    "mes",
    "notre",
    "nos",
    "votre",
    "vos",
    "entre",
    "vers",
    "chez",
    "contre",
    "selon",
    "the",
    "of",
    "and",
    "a",
    "an",
    "to",
    "for",
    "with",
    "by",
    "from",
    "at",
    "or",
    "his",
    "her",
    "their",
    "its",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "auquel",
    "auxquels",
    "auxquelles",
    "duquel",
    "desquels",
    "desquelles",
    "whom",
    "whose",
];

/// Nouns, participles and words that introduce a title, a name or an example, which may
/// go on in lower case after a capitalised starter (`le roman La peste`, `le mouvement En
/// marche`, `a film called The end`, `des émissions telles Le grand direct`). Plurals are
/// matched without their final `s` or `x`.
#[rustfmt::skip]
const NAME_INTRODUCERS: &[&str] = &[
    "roman", "film", "livre", "album", "chanson", "pièce", "série", "émission", "journal",
    "quotidien", "hebdomadaire", "mensuel", "magazine", "revue", "mouvement", "parti",
    "groupe", "association", "collectif", "opération", "titre", "spectacle", "ouvrage",
    "essai", "disque", "jeu", "programme", "festival", "exposition", "tableau", "poème",
    "feuilleton", "documentaire", "slogan", "intitulé", "intitulée", "baptisé", "baptisée",
    "appelé", "appelée", "nommé", "nommée", "surnommé", "surnommée",
    "novel", "movie", "book", "song", "show", "series", "newspaper", "play", "party",
    "group", "band", "title", "program", "operation", "campaign", "painting", "documentary",
    "single", "track", "game", "daily", "weekly", "called", "named", "titled", "entitled",
    "dubbed", "tel", "telle", "tels", "telles", "comme", "notamment", "like", "such",
    "including",
];

fn contains(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Whether `list` holds `w` with its first letter lower-cased (`Le` → `le`), compared in
/// place (no allocation): the scan asks this at many capitalised words.
fn contains_lower_first(list: &[&str], w: &str) -> bool {
    let Some(c) = w.chars().next() else {
        return false;
    };
    let mut lower = c.to_lowercase();
    let (Some(l), None) = (lower.next(), lower.next()) else {
        return false; // no list word starts with a letter that lower-cases to two
    };
    let rest = &w[c.len_utf8()..];
    let len = l.len_utf8() + rest.len();
    list.iter()
        .any(|e| e.len() == len && e.starts_with(l) && e.ends_with(rest))
}

/// Start of the run of letters ending at byte `end` of `s`.
pub fn word_start(s: &str, end: usize) -> usize {
    let mut i = end;
    while let Some(c) = char_before(s, i) {
        if c.is_alphabetic() {
            i -= c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Classifies the word that ends at `end` (where a full stop follows).
pub fn before_stop(s: &str, end: usize) -> Before {
    let ws = word_start(s, end);
    let w = &s[ws..end];
    let mut letters = w.chars();
    let (Some(first), single) = (letters.next(), letters.next().is_none()) else {
        return Before::Plain;
    };
    match char_before(s, ws) {
        Some(p) if p.is_alphanumeric() => return Before::Plain,
        Some('.' | '-') if single => return dotted(s, ws, first),
        _ => {}
    }
    if contains(TITLES, w) {
        return Before::Title;
    }
    if contains_lower_first(NEVER_FINAL, w) {
        return Before::Title;
    }
    if single && first.is_uppercase() {
        return Before::Initial;
    }
    if contains_lower_first(AMBIGUOUS, w) {
        return Before::Abbrev;
    }
    Before::Plain
}

/// A single letter after `.` or `-`: part of `J.-C.`, `U.S.`, `c.-à-d.`, `p.m.` when every
/// piece is one letter.
fn dotted(s: &str, ws: usize, last: char) -> Before {
    let mut i = ws;
    let mut pieces = 1;
    loop {
        let mut j = i;
        while let Some(c @ ('.' | '-')) = char_before(s, j) {
            j -= c.len_utf8();
        }
        if j == i {
            break;
        }
        let k = word_start(s, j);
        if k == j || s[k..j].chars().count() != 1 {
            return Before::Plain;
        }
        pieces += 1;
        if pieces > 8 {
            return Before::Plain;
        }
        i = k;
    }
    if pieces < 2 {
        Before::Plain
    } else if last.is_uppercase() {
        Before::Initial
    } else {
        Before::Abbrev // `c.-à-d.`, `p.m.`: may close a sentence
    }
}

/// The word starting at byte `i`: letters, cut at an apostrophe (`L’armée` → `L`).
pub fn word_at(s: &str, i: usize) -> &str {
    let rest = &s[i..];
    let n = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(k, _)| k);
    &rest[..n]
}

/// Elided forms among the starters: they count only before an apostrophe (`L’armée`,
/// not the `L.` of `art. L. 212`).
const ELIDED: &[&str] = &[
    "l", "d", "c", "j", "qu", "lorsqu", "n", "s", "jusqu", "aujourd",
];

/// A word that usually starts a sentence (`Le`, `Elle`, `The`), not a name.
pub fn is_starter(word: &str) -> bool {
    contains_lower_first(STARTERS, word)
}

/// The word at byte `i` when it is a capitalised sentence starter, elided forms only
/// before their apostrophe.
pub fn starter_at(s: &str, i: usize) -> Option<&str> {
    let w = word_at(s, i);
    if !w.starts_with(char::is_uppercase) || !is_starter(w) {
        return None;
    }
    let elided = contains_lower_first(ELIDED, w);
    let apostrophe = matches!(s[i + w.len()..].chars().next(), Some('\'' | '’'));
    (!elided || apostrophe).then_some(w)
}

/// A lower-case word at `i` that starts sentences (`à`, `il`, `c’est`): after a full
/// stop that ends no abbreviation it opens a sentence typed without its capital.
pub fn lower_starter_at(s: &str, i: usize) -> bool {
    let w = word_at(s, i);
    if !w.starts_with(char::is_lowercase) || !is_starter(w) {
        return false;
    }
    let apostrophe = matches!(s[i + w.len()..].chars().next(), Some('\'' | '’'));
    !contains(ELIDED, w) || apostrophe
}

/// Whether `word` is an abbreviation that a lower-case word continues (`etc.`, `Inc.`).
pub fn continues_before_lower(word: &str) -> bool {
    contains(BEFORE_LOWER, &word.to_lowercase())
}

/// A lower-case word after which a capitalised starter begins a name or a title, not a
/// sentence.
pub fn introduces_name(word: &str) -> bool {
    contains(NAME_INTRODUCERS, word)
        || word
            .strip_suffix(['s', 'x'])
            .is_some_and(|w| contains(NAME_INTRODUCERS, w))
}

/// A word a sentence cannot end on (`de`, `the`, and titles such as `Mme`).
pub fn is_non_final(word: &str) -> bool {
    !word.is_empty() && (contains_lower_first(NON_FINAL, word) || contains(TITLES, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(s: &str) -> Before {
        before_stop(s, s.len())
    }

    #[test]
    fn titles_initials_and_plain_words() {
        assert_eq!(before("Selon M"), Before::Title);
        assert_eq!(before("salué Mme"), Before::Title);
        assert_eq!(before("voir cf"), Before::Title);
        assert_eq!(before("Cf"), Before::Title);
        assert_eq!(before("John K"), Before::Initial);
        assert_eq!(before("le général J.-C"), Before::Initial);
        assert_eq!(before("the U.S"), Before::Initial);
        assert_eq!(before("L'O.N.U"), Before::Initial);
        assert_eq!(before("c.-à-d"), Before::Abbrev);
        assert_eq!(before("at 5 p.m"), Before::Abbrev);
        assert_eq!(before("Le col"), Before::Abbrev);
        assert_eq!(before("les dispensaires, etc"), Before::Plain);
        assert_eq!(before("le 12 mai 2024"), Before::Plain);
        assert_eq!(before("20 h"), Before::Plain);
        assert_eq!(before("arrivé 2e"), Before::Plain);
        assert_eq!(before("www.gov.ml"), Before::Plain);
        assert_eq!(before("la marche"), Before::Plain);
    }

    #[test]
    fn starters_and_words() {
        assert!(is_starter("Le"));
        assert!(is_starter("Elle"));
        assert!(is_starter("À"));
        assert!(is_starter("The"));
        assert!(!is_starter("Touré"));
        assert!(!is_starter("Galbraith"));
        assert!(!is_starter(""));
        assert_eq!(starter_at("L’armée", 0), Some("L"));
        assert_eq!(starter_at("L. 212-1", 0), None);
        assert_eq!(starter_at("Elle part", 0), Some("Elle"));
        assert_eq!(starter_at("elle part", 0), None);
        assert_eq!(word_at("L’armée est là", 0), "L");
        assert_eq!(word_at("Cette passivité", 0), "Cette");
        assert!(is_non_final("de"));
        assert!(is_non_final("Mme"));
        assert!(!is_non_final("Bamako"));
        assert!(introduces_name("roman") && introduces_name("albums"));
        assert!(!introduces_name("otage"));
    }

    #[test]
    fn every_list_word_fits_the_lookup_buffer() {
        for w in STARTERS
            .iter()
            .chain(NON_FINAL)
            .chain(NEVER_FINAL)
            .chain(AMBIGUOUS)
        {
            assert!(w.len() <= 30, "{w}");
            assert!(
                contains_lower_first(STARTERS, w) == STARTERS.contains(w),
                "{w}"
            );
        }
    }
}
