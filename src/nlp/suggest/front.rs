//! The title block: what a text prints above its byline (headline, kicker, deck or
//! standfirst) is the page's display, not a sentence of the article. An English deck is
//! display even as a full sentence with its own full stop (`I took the night train to
//! Vienna.` over a column); a French chapô with full stops is the article's lead, so
//! the caller decides by language. The guidelines skip headlines and subheads; the
//! byline tells where they end.

use crate::nlp::highlight::tokens::{Tok, tokenize};
use crate::nlp::lexicon::{Lexicon, flag};

/// How many lines may stand above a byline for them to be a title block; more is an
/// article that names its author further down (`Par X` under the first paragraphs).
const MAX_LINES_ABOVE: usize = 4;

/// A line of a title block is display type: longer lines are prose.
const MAX_WORDS: usize = 60;

/// Words that open a byline line, each followed by a capitalised name (`By Ana Ruiz`,
/// `Interview by …`, `Propos recueillis par …`, `Publié le 3 avril par …`).
const OPENERS: [&str; 12] = [
    "By ",
    "Par ",
    "Interview by ",
    "Story by ",
    "Text by ",
    "Words by ",
    "Reporting by ",
    "Written by ",
    "Report by ",
    "Propos recueillis par ",
    "Texte de ",
    "Un article de ",
];

/// Whether `line` is a byline: an opener, then a capitalised name, on a short line that
/// does not end as a sentence (`By Tuesday, 300 people had left.` is prose).
pub fn byline_line(line: &str) -> bool {
    // Thirty words fit in far fewer bytes; a longer line is not counted word by word.
    if line.len() > 400 {
        return false;
    }
    let s = line.trim();
    if s.split_whitespace().count() > 30 || s.ends_with(['.', '!', '?', ':', ';']) {
        return false;
    }
    let rest = OPENERS
        .iter()
        .find_map(|o| s.strip_prefix(o))
        .or_else(|| published_by(s));
    rest.and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Whether the unit at `start` opens a line that is a byline, however long its list of
/// names and titles (`Par Dr Anne Merlin, gynécologue à Figeac (Lot), et …`).
pub fn opens_byline(text: &str, start: usize, toks: &[Tok]) -> bool {
    // The first word of an opener, before any look at the line: most sentences stop here.
    let opener = toks.first().is_some_and(|t| opener_word(&t.norm));
    if !opener || !text[..start].trim_end_matches([' ', '\t']).ends_with('\n') && start > 0 {
        return false;
    }
    let line = text[start..].split('\n').next().unwrap_or("");
    byline_line(line)
}

/// The first word of an [`OPENERS`] entry or of a publication line, lower-cased: a
/// literal match, which `opens_byline` runs for every sentence (a test keeps it in step
/// with the list).
fn opener_word(w: &str) -> bool {
    matches!(
        w,
        "by" | "par"
            | "interview"
            | "story"
            | "text"
            | "words"
            | "reporting"
            | "written"
            | "report"
            | "propos"
            | "texte"
            | "un"
            | "publié"
            | "published"
    )
}

/// `Publié le 3 avril 2024 par Yannick L.`, `Published March 3 by …`: the name after the
/// date's `par`/`by`.
fn published_by(s: &str) -> Option<&str> {
    if !(s.starts_with("Publié ") || s.starts_with("Published ")) {
        return None;
    }
    let head = &s[..s.floor_char_boundary(s.len().min(60))];
    let at = head.find(" par ").or_else(|| head.find(" by "))?;
    let name = s[at + 1..].split_once(' ')?.1;
    Some(name)
}

/// Whether the unit starting at byte `start` of `text` stands in a title block: on one of
/// the first lines of the text, above a byline that follows within those lines, with no
/// long line of prose between.
pub fn in_title_block(text: &str, start: usize) -> bool {
    // The block is at the very top: most units are far below and stop here.
    if start > MAX_LINES_ABOVE * 400 {
        return false;
    }
    let head = &text[..start];
    let above = match head.rfind('\n') {
        Some(i) => &head[..i],
        None => "",
    };
    let mut lines = 0;
    for l in above.split('\n').filter(|l| !l.trim().is_empty()) {
        if prose(l) || byline_line(l) {
            return false;
        }
        lines += 1;
    }
    if lines >= MAX_LINES_ABOVE {
        return false;
    }
    let own_start = head.rfind('\n').map_or(0, |i| i + 1);
    let mut below = text[own_start..].split('\n');
    let own = below.next().unwrap_or("");
    if byline_line(own) || prose(own) {
        return false;
    }
    for l in below
        .filter(|l| !l.trim().is_empty())
        .take(MAX_LINES_ABOVE - lines - 1)
    {
        if byline_line(l) {
            return true;
        }
        if prose(l) {
            return false;
        }
    }
    false
}

/// A line too long for display type: more than [`MAX_WORDS`] words, or so many bytes
/// that it is not counted (a whole text on one line).
fn prose(l: &str) -> bool {
    l.len() > MAX_WORDS * 12 || l.split_whitespace().count() > MAX_WORDS
}

/// Lines of text an article has above its closing blurb.
const MIN_LINES_ABOVE_BLURB: usize = 4;

/// Verbs of an author's blurb after the author's name (`Megan Kowalski covers education
/// for the Courier.`, `Thomas Avery is a writer in Providence.`).
const BLURB_VERBS: [&str; 12] = [
    "covers",
    "writes",
    "reports",
    "reported",
    "teaches",
    "edits",
    "contributed",
    "lives",
    "est",
    "enseigne",
    "écrit",
    "vit",
];

/// Whether the unit `toks` of `text`, ending at `end`, is the author's blurb closing the
/// text: on its last line (page furniture aside), a name of two or three capitalised
/// words then a verb of the blurb (`is` only before `a`/`an`), `The writer is …`,
/// `L'autrice est …`, or a credit (`X contributed to this report`).
pub fn closing_blurb(lex: &Lexicon, text: &str, end: usize, toks: &[Tok]) -> bool {
    // The shape first, on the words: nearly every sentence fails it, so the line
    // look-ups below run for few.
    let norm = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    let writer = matches!(norm(0), "the" | "l")
        && matches!(
            norm(1),
            "writer" | "author" | "auteur" | "auteure" | "autrice" | "signataire"
        )
        && matches!(norm(2), "is" | "est");
    let name = (2..=3).find(|&n| toks.len() > n && toks[..n].iter().all(|t| t.cap));
    let blurb = name.is_some_and(|n| {
        BLURB_VERBS.contains(&norm(n)) || (norm(n) == "is" && matches!(norm(n + 1), "a" | "an"))
    });
    // `Meridian Press writer Chris Lowe in Washington contributed to this report.`
    let credit = toks.windows(4).any(|w| {
        w[0].norm == "contributed"
            && (w[1].norm == "to" || w[1].norm == "reporting")
            && matches!(w[3].norm.as_str(), "report" | "story" | "article" | "this")
    });
    if !(writer || blurb || credit) || toks.len() > 30 {
        return false;
    }
    let rest = text.get(end..).unwrap_or_default();
    let later = memchr::memchr(b'\n', rest.as_bytes()).map_or(text.len(), |i| end + i);
    if !only_furniture(lex, text, later) {
        return false;
    }
    // A blurb closes an article of some length; a short text is all sentences.
    let start = toks.first().map_or(end, |t| t.start);
    let lines_above = text[..start]
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .take(MIN_LINES_ABOVE_BLURB)
        .count();
    lines_above >= MIN_LINES_ABOVE_BLURB
}

/// How many lines of page furniture may follow a closing blurb.
const MAX_LINES_BELOW_BLURB: usize = 3;

/// Whether the lines of `text` from `from` hold no sentence of the article: at most
/// [`MAX_LINES_BELOW_BLURB`] short lines with no full stop at their end (`Share this
/// story: Facebook | X | Email`, tags), a contributor's credit (`X contributed
/// reporting.`), or a note about the piece that the lexicon's banners name (`Les
/// opinions exprimées … n'engagent que leur auteur.`).
fn only_furniture(lex: &Lexicon, text: &str, from: usize) -> bool {
    let mut n = 0;
    let mut at = from;
    for raw in text[from..].split_inclusive('\n') {
        let (a, b) = (at, at + raw.len());
        at = b;
        let l = raw.trim();
        if l.is_empty() {
            continue;
        }
        n += 1;
        let words = l.split_whitespace().count();
        let short = l.len() <= 120 && words <= 12;
        let credit = words <= 20 && l.contains(" contributed ");
        let furniture = short && !l.ends_with(['.', '!', '?', '»', '”', '"']);
        let banner = || {
            words <= 30
                && super::skip::has_phrase(
                    &tokenize(lex, text, a, b),
                    &lex.banner,
                    flag::BANNER_FIRST,
                )
        };
        if n > MAX_LINES_BELOW_BLURB || !(furniture || credit || banner()) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_opener_passes_the_first_word_test() {
        for o in OPENERS {
            let first = o.split(' ').next().unwrap_or("").to_lowercase();
            assert!(opener_word(&first), "{o}");
        }
        assert!(opener_word("publié") && opener_word("published"));
        assert!(!opener_word("the"));
    }

    #[test]
    fn bylines_open_on_a_name() {
        for l in [
            "By Inês Carvalho and Tom Reddick",
            "By Fiona Mackay, Science Correspondent",
            "Interview by Daniel Osei | Photographs by Lena Moritz",
            "Par Camille Rouvière",
            "Propos recueillis par Julie Blanc",
            "Publié le 3 avril 2024 par Yannick L. · 8 min de lecture",
        ] {
            assert!(byline_line(l), "{l}");
        }
        for l in [
            "By Tuesday, 300 people had left.",
            "By 2030 the line will carry 40,000 riders",
            "Par ailleurs, la mairie a voté le budget",
            "Publié le 3 avril 2024",
            "Bypass works start on Monday",
        ] {
            assert!(!byline_line(l), "{l}");
        }
    }

    fn block(text: &str, unit: &str) -> bool {
        in_title_block(text, text.find(unit).expect("unit in text"))
    }

    #[test]
    fn what_stands_above_a_byline_is_the_title_block() {
        let column = "I took the night train to Vienna. I'm never flying again.\n\n\
                      Sleeper trains are back. They are slow.\n\n\
                      By Hannah Lind | Columnist\n\n\
                      The 20:24 from Hamburg was late.\n";
        for unit in ["I took", "I'm never", "Sleeper", "They are"] {
            assert!(block(column, unit), "{unit}");
        }
        for unit in ["By Hannah", "The 20:24"] {
            assert!(!block(column, unit), "{unit}");
        }
        let fr = "Crue de l'Allier : 300 habitants évacués\n\nPar Camille Rouvière\n\nLa rivière a atteint 4,82 mètres.\n";
        assert!(block(fr, "Crue"));
        assert!(!block(fr, "La rivière"));
    }

    #[test]
    fn without_a_byline_near_the_top_nothing_is_a_title_block() {
        let no_byline =
            "Floods kill four\n\nAt least four people were killed.\n\nThe river rose.\n";
        assert!(!block(no_byline, "Floods"));
        // A signature under the first paragraphs signs the article, it closes no title.
        let late = "Headline\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nPar Jean Dupont\n";
        assert!(!block(late, "Headline"));
        assert!(!block(late, "One."));
        // A long paragraph of prose above the byline is the article's.
        let long = format!("Title\n\n{}.\n\nBy Ana Ruiz\n", "word ".repeat(70));
        assert!(!block(&long, "Title"));
    }

    const STORY: &str = "Board votes\n\nThe board voted 5-2.\n\nIt met at 7.\n\nIt ended at 9.\n\n";

    fn blurb(text: &str, unit: &str) -> bool {
        let lex = crate::nlp::lexicon::Lexicon::builtin(crate::nlp::lang::Lang::En);
        let a = text.find(unit).expect("unit in text");
        let b = a + unit.len();
        closing_blurb(
            &lex,
            text,
            b,
            &crate::nlp::highlight::tokens::tokenize(&lex, text, a, b),
        )
    }

    #[test]
    fn the_authors_blurb_closes_the_text() {
        for unit in [
            "Megan Kowalski covers education for the Lakeview Courier.",
            "Thomas Avery is a writer in Providence.",
            "The writer is a registered nurse in Oakmont.",
            "Priya Raman reported from Louisville.",
        ] {
            let text = format!("{STORY}{unit}\n");
            assert!(blurb(&text, unit), "{unit}");
        }
        // A note about the piece may follow it.
        let unit = "Marc Aubert est maître de conférences à Tours.";
        let text = format!("{STORY}{unit}\n\nLes opinions exprimées n'engagent que leur auteur.\n");
        let lex = crate::nlp::lexicon::Lexicon::builtin(crate::nlp::lang::Lang::Fr);
        let a = text.find(unit).expect("unit");
        let toks = crate::nlp::highlight::tokens::tokenize(&lex, &text, a, a + unit.len());
        assert!(closing_blurb(&lex, &text, a + unit.len(), &toks));
        // Not on the last line, or not a blurb's shape: a sentence of the story.
        let text = format!("{STORY}Megan Kowalski covers education.\n\nThe board voted 5-2.\n");
        assert!(!blurb(&text, "Megan Kowalski covers education."));
        let short = "The board voted 5-2.\n\nThomas Avery is a writer in Providence.\n";
        assert!(
            !blurb(short, "Thomas Avery is a writer in Providence."),
            "a short text"
        );
        for unit in [
            "John Smith is expected in court on Monday.",
            "Police said the road reopened at noon.",
        ] {
            let text = format!("{STORY}{unit}\n");
            assert!(!blurb(&text, unit), "{unit}");
        }
    }
}
