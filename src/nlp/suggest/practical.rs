//! Practical information around an article, not sentences of it: contact lines (an
//! e-mail address, a telephone number), address lines (`Salt & Ember, 118 Water St.`,
//! `Service État civil – Hôtel de ville, place du Maréchal-Leclerc, 41100 Vendôme`) and
//! a book's reference (`…, éditions de l'Aube, 224 pages, 21 euros.`), and the lines of a
//! fact box (`Goals: Fry 23; Morgan 61.`, `Attendance: 6,412.`, `1962 : diplôme de
//! guide.`).

use crate::nlp::highlight::tokens::Tok;
use crate::nlp::lexicon::flag;

/// A contact line: a short unit holding an e-mail address (`Media contact: … @…`) or a
/// telephone number (`Inscriptions au 04 50 98 00 00.`, `Call (555) 123-4567.`).
pub fn contact_line(s: &str, words: usize) -> bool {
    words <= 20
        && memchr::memchr(b'@', s.as_bytes()).is_some()
        && s.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.split_once('@')
                .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.ends_with('.'))
        })
        || words <= 14 && phone_number(s)
}

/// Whether `s` holds a telephone number: the digit groups of one number (joined by one
/// space, dot or hyphen, brackets allowed) make 10 digits or more, in the groups of two
/// of a French number (`04 50 98 00 00`) or with a group of four last (`555-123-4567`),
/// or follow a `+` (`+33 4 50 98 00 00`). Amounts group their digits by three
/// (`1 300 000 euros`), so they are none.
fn phone_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let plus = i > 0 && b[i - 1] == b'+' || i > 1 && b[i - 2] == b'+' && b[i - 1] == b'(';
        // Number of groups, digits, whether every group has two, the last group's length.
        let (mut n, mut digits, mut pairs) = (0, 0, true);
        let mut last;
        let mut j = i;
        loop {
            let g = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            (n, digits, pairs, last) = (n + 1, digits + j - g, pairs && j - g == 2, j - g);
            let sep = j + usize::from(j < b.len() && b[j] == b')');
            let next = match b.get(sep) {
                Some(b' ' | b'.' | b'-') => sep + 1,
                _ => break,
            };
            if !b.get(next).is_some_and(u8::is_ascii_digit) {
                break;
            }
            j = next;
        }
        let french = n == 5 && pairs;
        let four_last = n >= 3 && last == 4;
        if digits >= 10 && (french || four_last || plus) {
            return true;
        }
        i = j.max(i + 1);
    }
    false
}

/// Words that name a street after its number (`118 Water St.`, `41 rue Colbert`).
const STREETS: [&str; 24] = [
    "rue",
    "avenue",
    "av",
    "bd",
    "boulevard",
    "place",
    "chemin",
    "route",
    "allée",
    "quai",
    "impasse",
    "cours",
    "st",
    "street",
    "ave",
    "rd",
    "road",
    "blvd",
    "lane",
    "way",
    "drive",
    "dr",
    "square",
    "parkway",
];

/// Whether a verbless unit is an address line: a name, a comma or a dash, then a street
/// address (a number and a street's word, a French street's word and its name, or a
/// postcode and a town), in a unit of at most 40 words.
pub fn address_line(text: &str, toks: &[Tok]) -> bool {
    let Some(first) = toks.first() else {
        return false;
    };
    // The name, past its article (`L'Ardoise`, `The Oak Room`): not a preposition's
    // phrase (`Avec ce succès, …`).
    let article = matches!(first.norm.as_str(), "l" | "le" | "la" | "les" | "the");
    let head = if article { toks.get(1) } else { Some(first) };
    let named = head.is_some_and(|h| h.cap && !h.is(flag::FUNCTION));
    if !first.cap || !named || toks.len() > MAX_WORDS {
        return false;
    }
    // The name ends at the first comma or dash; a label's colon makes a field, not a box.
    let Some(sep) = (1..toks.len()).find(|&k| {
        let gap = &text[toks[k - 1].end..toks[k].start];
        gap.contains([',', '–', '—', '·', ':']) || gap.contains(" - ")
    }) else {
        return false;
    };
    if text[toks[sep - 1].end..toks[sep].start].contains(':') {
        return false;
    }
    let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    (sep..toks.len()).any(|k| {
        let t = &toks[k];
        // The street's word after the number, past the capitalised words of its name.
        let named = |d: usize| (1..d).all(|e| toks.get(k + e).is_some_and(|n| n.cap));
        let numbered = t.norm.len() <= 4
            && t.norm.bytes().all(|c| c.is_ascii_digit())
            && (1..=3).any(|d| STREETS.contains(&w(k + d)) && named(d));
        // `…, place du Maréchal-Leclerc`: the street's word right after a separator (not
        // `à la troisième place de la poule`).
        let fresh = k == sep || text[toks[k - 1].end..t.start].contains([',', '–', '—', '·']);
        let french = matches!(
            w(k),
            "rue" | "place" | "avenue" | "boulevard" | "quai" | "allée"
        ) && matches!(w(k + 1), "du" | "de" | "des" | "d")
            && fresh;
        let postcode = t.digit && t.norm.len() == 5 && toks.get(k + 1).is_some_and(|n| n.cap);
        numbered || french || postcode
    })
}

/// Whether a verbless unit is a book's reference (`« Le Réveil des petites villes »,
/// d'Antoine Mercier, éditions de l'Aube, 224 pages, 21 euros.`, `The Long Way (Harbor
/// Press, 288 pages, $27)`): a publisher's word and a page count.
pub fn work_reference(toks: &[Tok]) -> bool {
    let publisher = toks.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "éditions" | "editions" | "press" | "publishing"
        )
    });
    let pages = toks
        .windows(2)
        .any(|w| w[0].digit && matches!(w[1].norm.as_str(), "pages" | "pp" | "p"));
    publisher && pages && toks.len() <= MAX_WORDS
}

/// Whether a unit is a work's credits, as a review prints them under its verdict
/// (`Directed by Tomas Lindqvist.`, `Starring Nora Keane and Elias Brand.`, `Avec Léonie
/// Barthe, Nicolas Ferrand.`): an opener of credits, then names only.
pub fn credits(toks: &[Tok]) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    let opener = match (w(0), w(1)) {
        ("directed" | "written" | "produced" | "réalisé" | "écrit", "by" | "par") => 2,
        ("starring" | "avec" | "with", _) => 1,
        _ => 0,
    };
    let names = |rest: &[Tok]| {
        !rest.is_empty()
            && rest.len() <= 15
            && rest.iter().all(|t| {
                t.cap || matches!(t.norm.as_str(), "and" | "et" | "de" | "du" | "le" | "la")
            })
    };
    opener > 0 && names(&toks[opener.min(toks.len())..])
}

/// Whether a short unit is a work's running time, with at most a rating or a count
/// (`Rated R, 118 minutes.`, `Six épisodes de 52 minutes.`); the caller checks it has no
/// verb (`The film runs 118 minutes.` is a sentence).
pub fn running_time(toks: &[Tok]) -> bool {
    toks.len() <= 6
        && toks
            .windows(2)
            .any(|p| p[0].digit && matches!(p[1].norm.as_str(), "minutes" | "min" | "mn"))
}

/// The most words a line of practical information holds.
const MAX_WORDS: usize = 40;

/// The most words of a fact box line's label (`Referee`, `Dunmore Athletic (4-4-2)`,
/// `14 mai 1933`).
const LABEL_WORDS: usize = 3;

/// Whether the whole line `text[a..b]` is a field of a fact box: a short label that
/// opens with a capital or a figure, a colon, then its value. A list item (`- Bal :
/// samedi à 20h30`) is an item of the article's own list, not a box.
fn field(line: &str) -> bool {
    let Some((label, value)) = line.split_once(':') else {
        return false;
    };
    let label = label.trim_end();
    let opens = label
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    opens
        && label.split_whitespace().count() <= LABEL_WORDS
        && !label.contains(['«', '"', '“', '»', '”'])
        && value.starts_with([' ', '\u{a0}'])
        && !value.trim().is_empty()
}

/// Whether the unit `text[start..end]` is a whole line of a fact box (a match's scorers
/// and attendance, a chronology's dates, a product's specifications): a field whose
/// line before or after is a field too. Its value is the caller's to check for a verb.
pub fn in_fact_box(text: &str, start: usize, end: usize) -> bool {
    let (_, le) = super::skip::line_of(text, start);
    if super::skip::whole_line(text, start, end) {
        let near = |l: Option<(usize, usize)>| l.is_some_and(|(a, b)| field(text[a..b].trim()));
        field(text[start..end].trim())
            && (near(super::skip::previous_line(text, start)) || near(next_line(text, le)))
    } else {
        false
    }
}

/// The next line with text after the line ending at `le`.
fn next_line(text: &str, le: usize) -> Option<(usize, usize)> {
    let rest = &text[le..];
    let skipped = rest.len() - rest.trim_start().len();
    let a = le + skipped;
    (a < text.len()).then(|| super::skip::line_of(text, a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::tokens::tokenize;
    use crate::nlp::lang::Lang;
    use crate::nlp::lexicon::Lexicon;

    #[test]
    fn telephone_numbers_are_told_from_amounts() {
        for s in [
            "Inscriptions au 04 50 98 00 00.",
            "Tél. 04.50.98.00.00",
            "Call (555) 123-4567 to book.",
            "Standard : +33 4 50 98 00 00.",
            "Phone 555-123-4567.",
        ] {
            assert!(phone_number(s), "{s}");
        }
        for s in [
            "Le budget atteint 1 300 000 000 euros.",
            "Il y a 12 345 678 habitants.",
            "Le match s'est fini 2-1 le 12.03.2024.",
            "Ref. AB0450980000 et 04 50 98.",
        ] {
            assert!(!phone_number(s), "{s}");
        }
    }

    fn address(lang: Lang, s: &str) -> bool {
        address_line(s, &tokenize(&Lexicon::builtin(lang), s, 0, s.len()))
    }

    #[test]
    fn a_book_reference_has_a_publisher_and_pages() {
        let lex = Lexicon::builtin(Lang::Fr);
        let refs = |s: &str| work_reference(&tokenize(&lex, s, 0, s.len()));
        assert!(refs(
            "« Le Réveil », d'Antoine Mercier, éditions de l'Aube, 224 pages, 21 euros."
        ));
        assert!(refs(
            "Dormir enfin, de Claire Lemoine, éditions du Seuil, 224 pages."
        ));
        assert!(!refs("Les éditions de l'Aube ont vendu 224 exemplaires."));
    }

    #[test]
    fn credits_and_running_times_are_a_works_notice() {
        let toks = |lang: Lang, s: &str| tokenize(&Lexicon::builtin(lang), s, 0, s.len());
        for s in [
            "Directed by Anna Berg.",
            "Starring Nora Keane and Elias Brand.",
        ] {
            assert!(credits(&toks(Lang::En, s)), "{s}");
        }
        assert!(credits(&toks(
            Lang::Fr,
            "Avec Léonie Barthe, Nicolas Ferrand."
        )));
        for s in [
            "With the new pumps, the village has water again.",
            "Written by hand, the letter ran to six pages.",
        ] {
            assert!(!credits(&toks(Lang::En, s)), "{s}");
        }
        assert!(running_time(&toks(Lang::En, "Rated PG-13, 104 minutes.")));
        assert!(!running_time(&toks(
            Lang::En,
            "The meeting ran for 95 minutes and ended without a vote."
        )));
    }

    #[test]
    fn address_lines_are_a_name_then_a_street() {
        for (lang, s) in [
            (Lang::En, "Salt & Ember, 118 Water St."),
            (Lang::En, "Ostra, 214 Smith St., Brooklyn."),
            (
                Lang::Fr,
                "Service État civil – Hôtel de ville, place du Maréchal-Leclerc, 41100 Vendôme",
            ),
            (Lang::Fr, "L'Ardoise, 41 rue Colbert, Tours."),
        ] {
            assert!(address(lang, s), "{s}");
        }
        for (lang, s) in [
            (
                Lang::Fr,
                "Adresse : lieu-dit La Font, route de Marigny, 86340 Vaux",
            ),
            (Lang::Fr, "Jean Dupont, 41 ans, ancien maire de Blois"),
            (Lang::En, "Smith, 41, said the road was closed."),
            (Lang::En, "In 2019, 300 people moved to Water St."),
            (
                Lang::Fr,
                "Avec ce succès, Ambert remonte à la 10e place de la poule.",
            ),
        ] {
            assert!(!address(lang, s), "{s}");
        }
    }

    #[test]
    fn fact_boxes_are_runs_of_fields() {
        let box_at = |text: &str, unit: &str| {
            let a = text.find(unit).expect("unit");
            in_fact_box(text, a, a + unit.len())
        };
        let match_box = "The win lifts them to third.\n\nGoals: Fry 23; Morgan 61.\n\
                         Referee: Mark Tully (Lancashire).\nAttendance: 6,412.\n";
        assert!(box_at(match_box, "Attendance: 6,412."));
        assert!(box_at(match_box, "Goals: Fry 23; Morgan 61."));
        let dates = "Repères\n14 mai 1933 : naissance à Grenoble.\n1962 : diplôme de guide.\n";
        assert!(box_at(dates, "14 mai 1933 : naissance à Grenoble."));
        // One field alone, a list item of the article's own, a sentence with a colon.
        let lone = "Le bilan est lourd.\nBilan : deux blessés.\nLa route a rouvert.\n";
        assert!(!box_at(lone, "Bilan : deux blessés."));
        let items = "- Bal : samedi à 20h30.\n- Repas : dimanche midi.\n";
        assert!(!box_at(items, "- Bal : samedi à 20h30."));
        let prose = "Le maire a tranché : la piscine fermera.\nRésultat : une baisse de 27 %.\n";
        assert!(!box_at(prose, "Résultat : une baisse de 27 %."));
    }
}
