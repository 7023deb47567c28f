//! Turns of speech in transcripts and debate records, where every sentence after the
//! speaker's name is that speaker's words even though no reporting verb says so.
//!
//! Two shapes are known. An interview transcript opens a line on a label and a colon
//! (`Q: …`, `A: …`). A French debate record (compte rendu of an assembly, a council)
//! opens a paragraph on the speaker's title and name, or office, as a sentence of its own:
//! `Mme Claire Martin. Monsieur le ministre, …`, `M. le président. La parole est à …`,
//! and puts what the room does between parentheses (`(Applaudissements sur les bancs…)`).

use crate::nlp::highlight::tokens;
use crate::nlp::lexicon::Lexicon;
use crate::nlp::suggest::{finite, skip};

/// Speaker labels of an interview transcript, at the start of a line.
pub const SPEAKER_LABELS: [&str; 5] = ["Q", "A", "Question", "Answer", "Interviewer"];

/// When the line holding `at` is a turn of an interview transcript (`Q: …`, `A: …`,
/// `LOPEZ: …`, `MR. HARTMANN: …`, `Okafor: …`): `Some(Some(label end))` if `at` starts the
/// line, `Some(None)` for a later sentence of the turn. Every sentence of the turn is the
/// speaker's.
pub fn interview(text: &str, at: usize) -> Option<Option<usize>> {
    let (ls, _) = skip::line_of(text, at);
    let colon = turn_label(text, ls)?;
    Some((at == ls).then_some(colon + 1))
}

/// Labels of the whole room's interjections in a debate record (`Hon. Members: Hear,
/// hear!`): no one's statement, a note of the record as a stage direction is.
const ROOM: [&str; 10] = [
    "Hon. Members",
    "Hon Members",
    "Several hon. Members",
    "Plusieurs voix",
    // A speech's transcript notes the crowd's shouts the same way (`AUDIENCE: Not us!`,
    // `AUDIENCE MEMBER: Tell him!`).
    "AUDIENCE",
    "Audience",
    "CROWD",
    "Crowd",
    "LE PUBLIC",
    "LA SALLE",
];

/// Whether the line holding `at` opens on the room's interjection.
pub fn interjection(text: &str, at: usize) -> bool {
    let (ls, _) = skip::line_of(text, at);
    let line = &text[ls..];
    ROOM.iter().any(|r| {
        line.strip_prefix(r)
            .is_some_and(|rest| rest.starts_with([':', ' ', '.']))
    }) && line[..line.floor_char_boundary(40)].contains(':')
}

/// When the line starting at `ls` opens a turn of an interview transcript: the byte of
/// its label's colon (the label is `text[ls..colon].trim_end()`).
fn turn_label(text: &str, ls: usize) -> Option<usize> {
    let (colon, kind) = label_end(text, ls)?;
    let label = text[ls..colon].trim_end();
    // A name in capitals is a speaker only where another line nearby opens on one too:
    // a transcript has many turns, a dateline (`NEW DELHI: …`) or a kicker one line. A
    // name as written (`Okafor:`) needs a surer turn near (`Q:`, a name in capitals) or
    // its own name opening another line: `Note:` and `Source:` lines are no transcript.
    let turn = match kind {
        Label::Known => true,
        Label::Capitals => another_turn_near(text, ls, |_, k| k != Label::Name),
        Label::Name => another_turn_near(text, ls, |l, k| k != Label::Name || l == label),
    };
    turn.then_some(colon)
}

/// How a speaker label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// One of [`SPEAKER_LABELS`].
    Known,
    /// A name in capitals (`LOPEZ`, `MR. HARTMANN`).
    Capitals,
    /// A name as written (`Okafor`, `Rachel Hurst`).
    Name,
}

/// Capitalised words before a colon that announce no speaker.
const NOT_NAMES: [&str; 16] = [
    "Note",
    "Source",
    "Sources",
    "Photo",
    "Photos",
    "Tags",
    "Update",
    "Re",
    "Present",
    "Absent",
    "Contact",
    "Credit",
    "Credits",
    "Related",
    "Warning",
    "Editor's note",
];

/// Words in capitals before a colon that announce no speaker.
const NOT_SPEAKERS: [&str; 14] = [
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "NOTE",
    "EDITOR'S NOTE",
    "WATCH",
    "READ",
    "VIDEO",
    "PHOTOS",
    "LIVE",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "CORRECTION",
];

/// The colon of a speaker label opening the line at `ls`, followed by a space, and how
/// the label is written: one of [`SPEAKER_LABELS`], or the segmenter's label shape
/// ([`crate::nlp::segment::speaker_label`]) in capitals (`LOPEZ`, `MR. HARTMANN`) or as
/// written (`Okafor`, `Sarah Whitmore (North Dorwick) (LD)`).
pub fn label_end(text: &str, ls: usize) -> Option<(usize, Label)> {
    // Most lines have no colon near their start: one byte search answers them.
    let reach = if text[ls..].starts_with("The ") {
        MAX_OFFICE
    } else {
        64
    };
    let colon = memchr::memchr(b':', &text.as_bytes()[ls..(ls + reach).min(text.len())])?;
    let head = &text[ls..text.floor_char_boundary((ls + reach).min(text.len()))];
    if colon >= head.len() || !text[ls + colon + 1..].starts_with(' ') {
        return None;
    }
    let label = head[..colon].trim_end();
    if SPEAKER_LABELS.contains(&label) || office(label) {
        return Some((ls + colon, Label::Known));
    }
    if colon > 64 || titled(text, ls + colon + 1) {
        return None;
    }
    // The segmenter keeps such a label with its sentence; the same shape is a turn here.
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || !crate::nlp::segment::speaker_label(label) {
        return None;
    }
    let name = label.split(" (").next().unwrap_or(label);
    let caps = |w: &str| {
        w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    if name.split(' ').all(caps) {
        return (!NOT_SPEAKERS.contains(&label)).then_some((ls + colon, Label::Capitals));
    }
    (!NOT_NAMES.contains(&label) && !skip::kicker(label)).then_some((ls + colon, Label::Name))
}

/// Whether the line after a colon at `from` is a title's second part, not speech: a few
/// words, each capitalised, no final punctuation (`NHS Dentistry: Rural Access`).
fn titled(text: &str, from: usize) -> bool {
    // Six words of a title fit in this much; a longer line is speech, and is not split
    // (every line near a turn is tried as a label).
    const MAX_TITLE: usize = 120;
    let rest = &text[from..text.floor_char_boundary((from + MAX_TITLE + 1).min(text.len()))];
    let Some(eol) = memchr::memchr(b'\n', rest.as_bytes())
        .or((from + rest.len() == text.len()).then_some(rest.len()))
    else {
        return false;
    };
    let line = rest[..eol].trim();
    let mut words = line.split_whitespace();
    !line.ends_with(['.', '!', '?', '…', '"', '”', '»'])
        && (1..=6).contains(&words.clone().count())
        && words
            .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "and" | "of" | "the" | "in"))
}

/// The longest office label of a debate record, colon excluded.
const MAX_OFFICE: usize = 160;

/// An office and its holder's name in brackets, as a parliament's record labels a
/// minister's turn (`The Minister of State, Department of Health and Social Care (Rachel
/// Hurst)`, `The Secretary of State for Education (Mr Hale)`): `The`, capitalised words
/// of the office (`of`, `for`, `and`, `the` and commas between), a name of two to four
/// capitalised words in brackets.
fn office(label: &str) -> bool {
    let Some(rest) = label.strip_prefix("The ") else {
        return false;
    };
    let Some((office, name)) = rest.rsplit_once(" (") else {
        return false;
    };
    let Some(name) = name.strip_suffix(')') else {
        return false;
    };
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let names = name.split(' ').collect::<Vec<_>>();
    let office_ok = office.split(' ').all(|w| {
        let w = w.trim_end_matches(',');
        capital(w) || matches!(w, "of" | "for" | "and" | "the" | "on")
    });
    office_ok && (2..=4).contains(&names.len()) && names.iter().all(|w| capital(w))
}

/// How far from a turn another is looked for.
const TURNS_NEAR: usize = 4 << 10;

/// Whether another line within [`TURNS_NEAR`] of the line at `ls` opens on a speaker
/// label that `counts`, given its text and how it is written.
fn another_turn_near(text: &str, ls: usize, counts: impl Fn(&str, Label) -> bool) -> bool {
    let lo = text.floor_char_boundary(ls.saturating_sub(TURNS_NEAR));
    let hi = text.floor_char_boundary((ls + TURNS_NEAR).min(text.len()));
    let first = (lo == 0).then_some(0);
    let starts = memchr::memchr_iter(b'\n', &text.as_bytes()[lo..hi]).map(|i| lo + i + 1);
    first
        .into_iter()
        .chain(starts)
        .filter(|&s| s != ls && s < text.len())
        .any(|s| label_end(text, s).is_some_and(|(c, k)| counts(text[s..c].trim_end(), k)))
}

/// Titles that open a speaker's paragraph in a French record.
const TITLES: [&str; 5] = ["M. ", "Mme ", "MM. ", "Mmes ", "Mlle "];

/// The most bytes a speaker's name with an office can take (`M. Henri Vasseur, ministre
/// de la santé et de l'accès aux soins.`).
const MAX_HEAD: usize = 200;

/// How far back the start of a paragraph is looked for: a long speech is one paragraph.
const MAX_PARAGRAPH: usize = 16 << 10;

/// Where a unit stands in a French debate record's paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// The speaker's name (and office) that opens the paragraph: not a sentence.
    Speaker,
    /// A sentence the speaker says.
    Speech,
    /// What the room does, in parentheses after a turn: a note of the record, not a
    /// sentence anyone says (`skip`, as English `(Applause.)` is).
    StageDirection,
}

/// Where the unit `[start, end)` stands in a debate record, if it is in one.
pub fn record(lex: &Lexicon, text: &str, start: usize, end: usize) -> Option<Record> {
    let ls = paragraph_start(text, start);
    if let Some(head_end) = speaker_head(lex, text, ls) {
        // A unit that runs on past the name (a cut the segmenter did not make) holds speech.
        return Some(if start < head_end && end <= head_end + 1 {
            Record::Speaker
        } else {
            Record::Speech
        });
    }
    // Only a line opening on a bracket can be a stage direction: the line's end is looked
    // for then, not for every sentence.
    if !text[ls..].starts_with('(') {
        return None;
    }
    let (_, le) = skip::line_of(text, start);
    let line = text[ls..le.max(end)].trim_end();
    (line.starts_with('(') && line.ends_with(')'))
        .then(|| skip::previous_line(text, ls))
        .flatten()
        .filter(|&(ps, _)| speaker_head(lex, text, ps).is_some())
        .map(|_| Record::StageDirection)
}

/// The start of the line holding `at`, looked for up to [`MAX_PARAGRAPH`] back.
fn paragraph_start(text: &str, at: usize) -> usize {
    let lo = text.floor_char_boundary(at.saturating_sub(MAX_PARAGRAPH));
    memchr::memrchr(b'\n', &text.as_bytes()[lo..at]).map_or(lo, |i| lo + i + 1)
}

/// When the line starting at `ls` opens on a speaker's title and name: the end of that
/// name, its full stop included. The name is verbless, ends in a full stop that is not an
/// initial's (`M. J. Dupont.`), and speech follows it on the same line.
fn speaker_head(lex: &Lexicon, text: &str, ls: usize) -> Option<usize> {
    let rest = &text[ls..];
    let title = TITLES.iter().find(|t| rest.starts_with(**t))?;
    let window = &rest[..rest.floor_char_boundary(MAX_HEAD.min(rest.len()))];
    let mut from = title.len();
    let stop = loop {
        let i = from + window[from..].find(['.', '\n'])?;
        if window.as_bytes()[i] == b'\n' {
            return None;
        }
        let word = window[..i].rsplit(|c: char| !c.is_alphanumeric()).next()?;
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if !initial {
            break i;
        }
        from = i + 1;
    };
    let head_end = ls + stop + 1;
    let after = &text[head_end..];
    let speech = after
        .strip_prefix([' ', '\u{a0}'])?
        .trim_start_matches([' ', '–', '-']);
    if speech.is_empty() || speech.starts_with(['\n', '\r']) {
        return None;
    }
    let toks = tokens::tokenize(lex, text, ls, head_end);
    let comma = text[ls..head_end].find(',').map_or(head_end, |i| ls + i);
    let name = toks.get(1..).unwrap_or_default();
    // `M. le président`, `Mme la rapporteure`: an office; else names up to the office
    // after a comma (`M. Henri Vasseur, ministre de …`), particles allowed (`de Courson`).
    let office = name
        .first()
        .is_some_and(|t| matches!(t.norm.as_str(), "le" | "la" | "l"));
    let names = name.iter().take_while(|t| t.start < comma);
    let named = name.first().is_some_and(|t| t.cap)
        && names
            .clone()
            .all(|t| t.cap || matches!(t.norm.as_str(), "de" | "du" | "des" | "d" | "la" | "le"));
    let verb = finite::main_verb(lex, text, ls, &toks);
    ((office || named) && verb != Some(finite::Verb::Strong) && (named || verb.is_none()))
        .then_some(head_end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::lang::Lang;

    const RECORD: &str = "Questions au gouvernement\n\n\
        M. le président. La parole est à Mme Claire Martin.\n\n\
        Mme Claire Martin. Monsieur le ministre, les urgences ferment la nuit. \
        Nous avons alerté l'agence.\n\n\
        (Applaudissements sur les bancs du groupe EcoS.)\n\n\
        M. Henri Vasseur, ministre de la santé. Madame la députée, je connais la situation.\n";

    fn at(unit: &str) -> Option<Record> {
        let lex = Lexicon::builtin(Lang::Fr);
        let a = RECORD.find(unit).expect("unit in text");
        record(&lex, RECORD, a, a + unit.len())
    }

    #[test]
    fn speakers_speech_and_stage_directions_of_a_record() {
        assert_eq!(at("M. le président."), Some(Record::Speaker));
        assert_eq!(
            at("Mme Claire Martin. Mon"),
            Some(Record::Speech),
            "name and speech"
        );
        assert_eq!(
            at("La parole est à Mme Claire Martin."),
            Some(Record::Speech)
        );
        assert_eq!(at("Nous avons alerté l'agence."), Some(Record::Speech));
        assert_eq!(
            at("M. Henri Vasseur, ministre de la santé."),
            Some(Record::Speaker)
        );
        assert_eq!(
            at("(Applaudissements sur les bancs du groupe EcoS.)"),
            Some(Record::StageDirection)
        );
        assert_eq!(at("Questions au gouvernement"), None);
    }

    #[test]
    fn the_rooms_interjection_is_told_on_any_text() {
        assert!(interjection("Hon. Members: Hear, hear!\n", 0));
        assert!(!interjection("Hon. Members of the committee met.\n", 0));
        assert!(interjection("AUDIENCE MEMBER: Tell him, Marisa!\n", 0));
        assert!(interjection("LE PUBLIC : Démission !\n", 0));
        assert!(!interjection(
            "Audience figures rose by a third in May.\n",
            0
        ));
        // A long line of many-byte letters: the label's reach ends on a char boundary.
        let wide = format!("Hon. Members {}\n", "é".repeat(40));
        assert!(!interjection(&wide, 0));
    }

    #[test]
    fn news_about_a_person_is_no_record() {
        let lex = Lexicon::builtin(Lang::Fr);
        for text in [
            "M. Dupont a démissionné. Il quitte la mairie lundi.\n",
            "Mme Martin.\n",
            "M. J. Dupont, maire de Vierzon, a été réélu. Il entame un troisième mandat.\n",
            "(Photo AFP)\n",
        ] {
            let cut = text.find(". ").map_or(text.len(), |i| i + 1);
            assert_eq!(record(&lex, text, 0, cut), None, "{text}");
            assert_eq!(record(&lex, text, cut, text.len()), None, "{text}");
        }
    }

    #[test]
    fn an_initial_does_not_end_the_speakers_name() {
        let lex = Lexicon::builtin(Lang::Fr);
        let text = "M. J.-L. Bernard. Je vous remercie.\n";
        assert_eq!(
            record(&lex, text, 0, "M. J.-L. Bernard.".len()),
            Some(Record::Speaker)
        );
        let s = text.find("Je").unwrap_or(0);
        assert_eq!(record(&lex, text, s, text.len()), Some(Record::Speech));
    }

    #[test]
    fn interview_labels_open_a_turn() {
        let text = "Q: Why now?\nA: Because. It was time.\n";
        assert_eq!(interview(text, 0), Some(Some(2)));
        let later = text.find("It was").unwrap_or(0);
        assert_eq!(interview(text, later), Some(None));
        assert_eq!(interview("Quoi : rien.\n", 0), None);
    }

    #[test]
    fn names_in_capitals_are_speakers_where_turns_follow_each_other() {
        let text = "LOPEZ: Welcome back. I'm Maria Lopez.\n\nMR. HARTMANN: Glad to be here.\n";
        assert_eq!(interview(text, 0), Some(Some(6)), "the label and its colon");
        let later = text.find("I'm").unwrap_or(0);
        assert_eq!(interview(text, later), Some(None));
        let second = text.find("MR.").unwrap_or(0);
        assert_eq!(interview(text, second), Some(Some(second + 13)));
        // One line in capitals is a dateline or a kicker, not a turn.
        let news = "NEW DELHI: The government on Monday raised fuel prices.\n\nIt did so twice.\n";
        assert_eq!(interview(news, 0), None);
        let kickers = "BREAKING: A fire closed the port.\nUPDATE: It reopened.\n";
        assert_eq!(interview(kickers, 0), None);
    }

    #[test]
    fn names_as_written_are_speakers_beside_surer_turns_or_their_own() {
        let text =
            "Q: Why this job?\n\nOkafor: Honestly, I wanted to see my kids.\n\nQ: And now?\n";
        let okafor = text.find("Okafor").unwrap_or(0);
        assert_eq!(interview(text, okafor), Some(Some(okafor + 7)));
        let two = "Okafor: We cook.\n\nPatel: We eat.\n\nOkafor: Then we clean.\n";
        assert_eq!(
            interview(two, 0),
            Some(Some(7)),
            "her name opens another line"
        );
        // Labels of a page, even several, are no transcript; nor is one name alone.
        let page = "Note: The figures are provisional.\n\nSource: City budget office.\n";
        assert_eq!(interview(page, 0), None);
        // A headline's kicker above a transcript is no speaker.
        let head = "Transcript: Delgado opens her campaign\n\nAUDIENCE: Not us!\n";
        assert_eq!(interview(head, 0), None);
        let lone = "Residents: The council will vote in May.\n\nIt met on Tuesday.\n";
        assert_eq!(interview(lone, 0), None);
        let names = "Paris: The talks resumed.\n\nBerlin: The talks stalled.\n";
        assert_eq!(
            interview(names, 0),
            None,
            "two different names, no surer turn"
        );
    }
}
