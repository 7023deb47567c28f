//! An article's title for listings: the first line that reads as a title. Site banners
//! ("Temps de lecture estimé", "5 min read") and bylines are passed over; a title is short
//! and has no final full stop. When the article opens straight on its body, its first
//! sentence stands in, cut at a word so that it fits a list row.

use crate::model::sanitize;

/// Longest line (in characters) that can be a title.
const MAX_TITLE: usize = 120;
/// Most words in a title.
const MAX_WORDS: usize = 20;
/// How many lines are looked at before falling back to the first sentence.
const LOOK_AHEAD: usize = 6;
/// Length a first sentence is cut to when it stands in for a title.
const CUT: usize = 80;

/// Lower-case phrases of reading-time banners, dates and site chrome (French and English).
const BANNERS: &[&str] = &[
    "temps de lecture",
    "min de lecture",
    "minutes de lecture",
    "lecture :",
    "reading time",
    "min read",
    "minute read",
    "publié le",
    "mis à jour",
    "published on",
    "updated on",
    "last updated",
    "abonnez-vous",
    "subscribe",
    "cookies",
    "partager",
    "share this",
];

/// Lower-case words that mark an author line.
const BYLINE_WORDS: &[&str] = &[
    "journaliste",
    "chercheur",
    "chercheuse",
    "correspondant",
    "correspondante",
    "envoyé spécial",
    "envoyée spéciale",
    "rédaction",
    "phd",
    "reporter",
    "correspondent",
    "staff writer",
];

/// The title of `text`, made terminal-safe; the file name when the text has none.
pub fn title_of(text: &str, fallback: &str) -> String {
    // A title is at most a few words long: each line is looked at as far as its first
    // kibibyte, so a one-line article of megabytes costs no more than a short one.
    let lines = text
        .lines()
        .map(|l| &l[..l.floor_char_boundary(1 << 10)])
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty());
    let mut first_body = None;
    for line in lines.take(LOOK_AHEAD) {
        let line = strip_markup(&line);
        if line.is_empty() || is_banner(&line) || is_byline(&line) {
            continue;
        }
        if reads_as_title(&line) {
            return sanitize::clean(&line).into_owned();
        }
        // The body has started: a title after it would be a subheading.
        first_body = Some(line);
        break;
    }
    match first_body {
        Some(body) => sanitize::clean(&first_sentence(&body)).into_owned(),
        None => sanitize::clean(fallback).into_owned(),
    }
}

/// The line without Markdown heading marks and emphasis.
fn strip_markup(line: &str) -> String {
    let l = line.trim_start_matches('#').replace('*', "");
    l.trim().trim_matches('_').trim().to_string()
}

fn is_banner(line: &str) -> bool {
    let l = line.to_lowercase();
    // A line opening on a symbol (`⏱ 8 min`, `📅 12 mai`) is chrome, not prose.
    let symbol = line
        .chars()
        .next()
        .is_some_and(|c| !c.is_alphanumeric() && !"«“\"'‘(".contains(c));
    // A paragraph that mentions a banner word is still body text.
    let short = line.chars().count() <= MAX_TITLE;
    short && (symbol || BANNERS.iter().any(|b| l.contains(b)))
}

fn is_byline(line: &str) -> bool {
    let l = line.to_lowercase();
    let words = line.split(' ').count();
    let by = (l.starts_with("par ") || l.starts_with("by ")) && words <= 8;
    by || (words <= 25 && BYLINE_WORDS.iter().any(|w| has_word(&l, w)))
}

/// `needle` in `hay` between word boundaries.
fn has_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Short, few words, and no final punctuation but `?` or `!`.
fn reads_as_title(line: &str) -> bool {
    let last = line.chars().next_back();
    line.chars().count() <= MAX_TITLE
        && line.split(' ').count() <= MAX_WORDS
        && !last.is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '…'))
}

/// The line's first sentence, cut at a word to about [`CUT`] characters.
fn first_sentence(line: &str) -> String {
    let end = line
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && line[i + 1..].starts_with(' ') && i > 20)
        .map_or(line.len(), |(i, _)| i);
    let s = &line[..end];
    if s.chars().count() <= CUT {
        return s.to_string();
    }
    let cut: String = s.chars().take(CUT).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_first_line_is_the_title() {
        assert_eq!(
            title_of("Le front se déplace\nCorps du texte.", "f"),
            "Le front se déplace"
        );
        assert_eq!(
            title_of("# Titre *Markdown*\n\nTexte.", "f"),
            "Titre Markdown"
        );
        assert_eq!(
            title_of("Qui gouverne le Mali ?\nTexte.", "f"),
            "Qui gouverne le Mali ?"
        );
        assert_eq!(title_of("  \n\n", "x.txt"), "x.txt");
    }

    #[test]
    fn banners_and_bylines_are_passed_over() {
        let t = "⏱ Temps de lecture estimé : 8 minutes\nPar Jean Dupont\nLa junte isolée\nTexte.";
        assert_eq!(title_of(t, "f"), "La junte isolée");
        assert_eq!(
            title_of("5 min read\nBy Jane Doe\nThe long road\nBody.", "f"),
            "The long road"
        );
        // a body paragraph that happens to name a banner word is not skipped
        let long = format!(
            "Le texte, mis à jour hier. {}",
            "Une suite longue. ".repeat(10)
        );
        assert_eq!(title_of(&long, "f"), "Le texte, mis à jour hier");
        let t = "Fiacre VIDJINGNINOU, PhD Sociologie Politique – Militaire. Chercheur Principal\n\
                 Chercheur associé à Egmont Institute\n\
                 Entre embuscades et enlèvements, la capitale vit au rythme d’une peur sourde. Trois mois.";
        assert_eq!(
            title_of(t, "f"),
            "Entre embuscades et enlèvements, la capitale vit au rythme d’une peur sourde"
        );
    }

    #[test]
    fn a_body_paragraph_gives_its_first_sentence_cut_at_a_word() {
        let t = "Le 19 août 2025, des combattants du JNIM (affilié à al-Qaïda) ont lancé des attaques \
                 coordonnées contre des positions de l’armée malienne. Les postes ont été submergés.\n\
                 Un intertitre\n";
        let got = title_of(t, "f");
        assert_eq!(
            got,
            "Le 19 août 2025, des combattants du JNIM (affilié à al-Qaïda) ont lancé des…"
        );
        assert!(got.chars().count() <= CUT + 1);
        // a short first sentence is kept whole
        assert_eq!(
            title_of("Il pleut sur Bamako depuis hier. Les rues sont vides.", "f"),
            "Il pleut sur Bamako depuis hier"
        );
    }

    #[test]
    fn controls_are_made_visible() {
        assert_eq!(
            title_of("Le   titre\t\u{1b}[2J ici \nCorps.", "f"),
            "Le titre ␛[2J ici"
        );
    }
}
