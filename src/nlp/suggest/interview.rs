//! Interviews: who asks and who answers. The interviewee vouches for every sentence of an
//! answer (`quote`), with no reporting verb and often no label; the interviewer's
//! questions assert nothing (`skip`); the interviewer's other sentences are the
//! publication's own and are labeled like any sentence.
//!
//! Three layouts are known, each looked for within 3 kB of the unit:
//! - turns opened by a label (`Q: …`, `HOST: …`): the asker is named by the label, and
//!   where only the asker is labeled, the paragraphs after a question are the answer;
//! - a speaker's name alone on a line (`CLAIRE FABRE`) before each turn, two speakers
//!   taking turns: the one whose turns end on questions asks;
//! - questions alone on their lines, each followed by its answer, after a line that says
//!   the article is an interview (`Propos recueillis par`, `Interview by`).

use crate::nlp::suggest::turn::{self, Label};

/// What a unit is in an interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A question the interviewer asks.
    Question,
    /// Another sentence of the interviewer's: a premise, a greeting.
    Asker,
    /// A sentence of the interviewee's answer.
    Answer,
}

/// How far around a unit its interview's lines are looked at.
const WINDOW: usize = 3 << 10;

/// Speaker labels that name the one who asks.
const ASKERS: [&str; 16] = [
    "Q",
    "Question",
    "Interviewer",
    "INTERVIEWER",
    "HOST",
    "Host",
    "MODERATOR",
    "Moderator",
    "ANCHOR",
    "Anchor",
    "Journaliste",
    "JOURNALISTE",
    "Animateur",
    "Animatrice",
    "ANIMATEUR",
    "ANIMATRICE",
];

/// Words of an article's head that say it is an interview (compared in lower case).
const MARKERS: [&str; 6] = [
    "propos recueillis",
    "entretien",
    "interview",
    "edited for length",
    "condensed for",
    "q&a",
];

/// How much of an article's start is searched for [`MARKERS`].
const HEAD: usize = 2 << 10;

/// How many non-blank lines above a unit are looked at for a question, a label or a
/// name before its interview is looked for: an answer of three paragraphs.
const BACK_LINES: usize = 3;

/// The longest line read as a question alone on its line.
const MAX_QUESTION: usize = 400;

/// A negative question leads its answer (`N'est-ce pas un peu utopique ?`, `Isn't that
/// where people depend on it most?`): it says what the interviewer thinks, so it is left
/// to the rules (compared in lower case, apostrophes straightened).
const LOADED: [&str; 8] = [
    "n'est-ce pas",
    "isn't",
    "aren't",
    "don't you",
    "doesn't",
    "wasn't",
    "shouldn't",
    "won't",
];

/// One non-blank line of the window.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
    shape: Shape<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape<'a> {
    /// Opens on a speaker label (and how it is written, until [`turns_only`] resolves it).
    Labeled(&'a str, Label),
    /// A name in capitals alone (`CLAIRE FABRE`).
    Name,
    Plain,
}

/// What the unit `text[start..end]` is in an interview, if it is in one.
pub fn role(text: &str, start: usize, end: usize) -> Option<Role> {
    if !may_be_in_one(text, start, end) {
        return None;
    }
    let lo = text.floor_char_boundary(start.saturating_sub(WINDOW));
    let hi = text.floor_char_boundary((end + WINDOW).min(text.len()));
    let lines = lines(text, lo, hi);
    let here = lines.iter().rposition(|l| l.start <= start)?;
    let unit = &text[start..end];
    let ask = || {
        if ends_on_question(unit) && !loaded(unit) {
            Role::Question
        } else {
            Role::Asker
        }
    };
    if lines.iter().any(|l| matches!(l.shape, Shape::Labeled(..))) {
        return labeled(&lines, here, ask);
    }
    if let Some(asker) = asker_by_name(&lines) {
        let speaker = lines[..=here]
            .iter()
            .rposition(|l| l.shape == Shape::Name)?;
        if speaker == here {
            return None;
        }
        return Some(if lines[speaker].text == asker {
            ask()
        } else {
            Role::Answer
        });
    }
    // Two questions alone on their lines first, the head's marker only then.
    if (0..lines.len())
        .filter(|&i| question_line(&lines, i))
        .count()
        < 2
    {
        return None;
    }
    let marker = marker_end(text)?;
    let is_question = |i: usize| question_line(&lines, i) && lines[i].start >= marker;
    if (0..lines.len()).filter(|&i| is_question(i)).count() < 2 {
        return None;
    }
    if is_question(here) {
        return Some(ask());
    }
    lines[..here]
        .iter()
        .enumerate()
        .any(|(i, _)| is_question(i))
        .then_some(Role::Answer)
}

/// The role in a transcript whose turns open on labels.
fn labeled(lines: &[Line], here: usize, ask: impl Fn() -> Role) -> Option<Role> {
    fn label<'a>(l: &Line<'a>) -> Option<&'a str> {
        match l.shape {
            Shape::Labeled(s, _) => Some(s),
            _ => None,
        }
    }
    if let Some(s) = label(&lines[here]) {
        return ASKERS.contains(&s).then(ask);
    }
    // An unlabeled paragraph belongs to the last label only where the asker alone is
    // labeled (`Q: …` then the answer as a paragraph of its own).
    let only_askers = lines.iter().filter_map(label).all(|s| ASKERS.contains(&s));
    // Where the interviewee alone is labeled (`Pascal Mérieux : …`), a question on an
    // unlabeled line before a turn is the interviewer's; the premise before it is left
    // to the rules.
    let no_askers = lines.iter().filter_map(label).all(|s| !ASKERS.contains(&s));
    if no_askers
        && ends_on_question(lines[here].text)
        && lines.get(here + 1).and_then(label).is_some()
    {
        return (ask() == Role::Question).then_some(Role::Question);
    }
    let above = lines[..here].iter().rev().find_map(label)?;
    (only_askers && ASKERS.contains(&above)).then_some(Role::Answer)
}

/// In a transcript of two speakers whose names stand alone on their lines, each name
/// seen twice or more: the name of the one whose turns end on questions, where the other's
/// do not.
fn asker_by_name<'a>(lines: &[Line<'a>]) -> Option<&'a str> {
    let names: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].shape == Shape::Name)
        .collect();
    if names.len() < 4 {
        return None;
    }
    // (name, turns, turns ending on a question), for at most two names.
    let mut speakers: Vec<(&str, usize, usize)> = Vec::with_capacity(2);
    for (k, &i) in names.iter().enumerate() {
        let next = names.get(k + 1).copied().unwrap_or(lines.len());
        let Some(last) = lines[i + 1..next].last() else {
            continue;
        };
        let asked = usize::from(ends_on_question(last.text));
        let name = lines[i].text;
        if let Some(s) = speakers.iter_mut().find(|s| s.0 == name) {
            s.1 += 1;
            s.2 += asked;
        } else if speakers.len() < 2 {
            speakers.push((name, 1, asked));
        } else {
            return None;
        }
    }
    let asks = |s: &(&str, usize, usize)| s.1 >= 2 && 3 * s.2 >= 2 * s.1;
    let answers = |s: &(&str, usize, usize)| s.1 >= 2 && 3 * s.2 <= s.1;
    match speakers[..] {
        [a, b] if asks(&a) && answers(&b) => Some(a.0),
        [a, b] if asks(&b) && answers(&a) => Some(b.0),
        _ => None,
    }
}

/// Whether line `i` is a question alone on its line with a line of another kind after it.
fn question_line(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    !crate::nlp::suggest::skip::reply_subject(l.text)
        && l.text.len() <= MAX_QUESTION
        && ends_on_question(l.text)
        && lines
            .get(i + 1)
            .is_some_and(|n| n.shape == Shape::Plain && !ends_on_question(n.text))
}

/// The end of the line of the article's head that says it is an interview.
fn marker_end(text: &str) -> Option<usize> {
    let head = &text.as_bytes()[..HEAD.min(text.len())];
    // The markers are ASCII: lower-casing ASCII letters alone keeps every byte offset.
    let mut lower = [0u8; HEAD];
    let lower = &mut lower[..head.len()];
    lower.copy_from_slice(head);
    lower.make_ascii_lowercase();
    // A whole word only: `entretien` is no marker inside `l'entretient`.
    let word_at = |m: &str| {
        memchr::memmem::find_iter(lower, m.as_bytes()).find(|&i| {
            let before = i.checked_sub(1).map(|j| lower[j]);
            let after = lower.get(i + m.len()).copied();
            let letter = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphabetic() || c >= 0x80);
            !letter(before) && !letter(after)
        })
    };
    let at = MARKERS.iter().filter_map(|m| word_at(m)).min()?;
    Some(memchr::memchr(b'\n', &head[at..]).map_or(head.len(), |i| at + i))
}

/// Whether the unit asks, or its line ends on a question, or a line above it within
/// [`BACK_LINES`] ends on one, opens on an asker's label or is a name alone: what a role
/// other than the turn [`turn::interview`] already gives needs. Most units stop here
/// after a look at a few line ends.
fn may_be_in_one(text: &str, start: usize, end: usize) -> bool {
    if ends_on_question(&text[start..end]) {
        return true;
    }
    let b = text.as_bytes();
    let hi = text.floor_char_boundary((end + WINDOW).min(text.len()));
    let mut e = memchr::memchr(b'\n', &b[end..hi]).map_or(hi, |i| end + i);
    let lo = text.floor_char_boundary(start.saturating_sub(WINDOW));
    let mut above = 0;
    while above <= BACK_LINES {
        let s = memchr::memrchr(b'\n', &b[lo..e]).map_or(lo, |i| lo + i + 1);
        let t = text[s..e].trim();
        if !t.is_empty() {
            let own = above == 0;
            if ends_on_question(t) || !own && (asker_label(t) || name_alone(t)) {
                return true;
            }
            above += 1;
        }
        if s <= lo {
            return false;
        }
        e = s - 1;
    }
    false
}

/// Whether a line opens on one of [`ASKERS`] and its colon.
fn asker_label(t: &str) -> bool {
    let head = &t.as_bytes()[..t.len().min(16)];
    memchr::memchr(b':', head).is_some_and(|c| ASKERS.contains(&t[..c].trim_end()))
}

/// A label stays a turn where the window holds the transcript that makes it one, as in
/// [`turn::interview`]: a known label always; a name in capitals beside another label
/// that is not a name as written; a name as written beside such a label or its own name
/// opening another line. Other labels are plain lines.
fn turns_only(lines: &mut [Line]) {
    let labels: Vec<(usize, &str, Label)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match l.shape {
            Shape::Labeled(s, k) => Some((i, s, k)),
            _ => None,
        })
        .collect();
    for &(i, s, k) in &labels {
        let other =
            |ok: &dyn Fn(&str, Label) -> bool| labels.iter().any(|&(j, t, m)| j != i && ok(t, m));
        let turn = match k {
            Label::Known => true,
            Label::Capitals => other(&|_, m| m != Label::Name),
            Label::Name => other(&|t, m| m != Label::Name || t == s),
        };
        if !turn {
            lines[i].shape = Shape::Plain;
        }
    }
}

/// The non-blank lines wholly inside `text[lo..hi]`, trimmed, with their shape.
fn lines(text: &str, lo: usize, hi: usize) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut s = lo;
    // A line cut by the window's start is not looked at.
    if lo > 0 && text.as_bytes()[lo - 1] != b'\n' {
        s = memchr::memchr(b'\n', &text.as_bytes()[lo..hi]).map_or(hi, |i| lo + i + 1);
    }
    while s < hi {
        // A line cut by the window's end is not looked at either.
        let e = match memchr::memchr(b'\n', &text.as_bytes()[s..hi]) {
            Some(i) => s + i,
            None if hi == text.len() => hi,
            None => break,
        };
        let raw = &text[s..e];
        let t = raw.trim();
        if !t.is_empty() {
            let start = s + (raw.len() - raw.trim_start().len());
            let shape = match turn::label_end(text, start) {
                Some((colon, kind)) => Shape::Labeled(text[start..colon].trim_end(), kind),
                None if name_alone(t) => Shape::Name,
                None => Shape::Plain,
            };
            out.push(Line {
                start,
                text: t,
                shape,
            });
        }
        s = e + 1;
    }
    turns_only(&mut out);
    out
}

/// A name in capitals alone on its line: two to four words of capital letters.
fn name_alone(t: &str) -> bool {
    // A lower-case letter near the start answers most lines.
    if t.len() > 48 || t.bytes().any(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let words = t.split(' ').count();
    (2..=4).contains(&words)
        && t.split(' ').all(|w| {
            w.chars().any(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

/// Whether a text ends on a question mark, before closing quotes, brackets and emphasis.
fn ends_on_question(t: &str) -> bool {
    t.trim_end_matches(|c: char| c.is_whitespace() || "\"”»)*_".contains(c))
        .ends_with('?')
}

/// Whether a question is a negative one (see [`LOADED`]).
fn loaded(t: &str) -> bool {
    let lower = t.to_lowercase().replace('’', "'");
    LOADED.iter().any(|m| lower.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_of(text: &str, unit: &str) -> Option<Role> {
        let a = text.find(unit).expect("unit in text");
        role(text, a, a + unit.len())
    }

    #[test]
    fn labeled_askers_ask_and_the_others_answer() {
        let text = "Interview by Paul Lind\n\nQ: Kids are picky. Did they eat it?\n\n\
                    Okafor: The first month was rough.\n\nQ: Why this job?\n\n\
                    Okafor: I wanted to see my kids.\n";
        assert_eq!(role_of(text, "Did they eat it?"), Some(Role::Question));
        assert_eq!(role_of(text, "Q: Kids are picky."), Some(Role::Asker));
        // The answerer's turns are left to the turn rules, which make them quotes.
        assert_eq!(role_of(text, "Okafor: The first month"), None);
        let host = "HOST: Good morning. So why the cuts?\n\nDIANE COLE: Money.\n\n\
                    HOST: Isn't that where people need it most?\n\nDIANE COLE: It is.\n";
        assert_eq!(role_of(host, "So why the cuts?"), Some(Role::Question));
        assert_eq!(role_of(host, "HOST: Good morning."), Some(Role::Asker));
        assert_eq!(
            role_of(host, "HOST: Isn't that where people need it most?"),
            Some(Role::Asker),
            "a negative question leads"
        );
    }

    #[test]
    fn an_unlabeled_paragraph_after_a_question_label_is_the_answer() {
        let text = "Mira Castellanos has translated 14 novels.\n\n\
                    Q: How did you end up translating?\n\nMostly by accident. I stayed.\n\n\
                    Q: What is hardest?\n\nDialect, without question.\n";
        assert_eq!(role_of(text, "I stayed."), Some(Role::Answer));
        assert_eq!(
            role_of(text, "Dialect, without question."),
            Some(Role::Answer)
        );
        assert_eq!(role_of(text, "Mira Castellanos"), None, "the introduction");
        // Where the answerer is labeled too, a paragraph of its own is not known.
        let both = "Q: Why?\n\nA: Because.\n\nIt was time.\n\nQ: And now?\n";
        assert_eq!(role_of(both, "It was time."), None);
    }

    #[test]
    fn two_names_alone_take_turns_and_the_one_who_asks_is_the_interviewer() {
        let text = "Transcription de l'entretien.\n\nCLAIRE FABRE\n\n\
                    Bonjour. La situation est-elle grave ?\n\nBERNARD CASTAING\n\n\
                    Oui, et même plus.\n\nCLAIRE FABRE\n\nQue faire ?\n\n\
                    BERNARD CASTAING\n\nPiéger au printemps. C'est simple.\n";
        assert_eq!(
            role_of(text, "La situation est-elle grave ?"),
            Some(Role::Question)
        );
        assert_eq!(role_of(text, "Bonjour."), Some(Role::Asker));
        assert_eq!(role_of(text, "Oui, et même plus."), Some(Role::Answer));
        assert_eq!(role_of(text, "C'est simple."), Some(Role::Answer));
        assert_eq!(role_of(text, "CLAIRE FABRE"), None, "the name itself");
        // Two names whose turns both end on questions: nobody is known to ask.
        let debate = "ANNE MARTIN\n\nEt vous ?\n\nPAUL DURAND\n\nEt vous ?\n\n\
                      ANNE MARTIN\n\nMoi ?\n\nPAUL DURAND\n\nOui ?\n";
        assert_eq!(role_of(debate, "Moi ?"), None);
    }

    #[test]
    fn questions_alone_on_their_lines_after_an_interview_marker() {
        let text = "Claire Lemoine : « Le sommeil est devenu la variable »\n\n\
                    Propos recueillis par Mathilde Garnier\n\n\
                    Médecin du sommeil, elle publie un guide.\n\n\
                    Les Français dorment-ils moins ?\n\nOui. Nous avons perdu une heure.\n\n\
                    Vous plaidez pour la sieste. N'est-ce pas utopique ?\n\nPas du tout.\n";
        assert_eq!(
            role_of(text, "Les Français dorment-ils moins ?"),
            Some(Role::Question)
        );
        assert_eq!(
            role_of(text, "Nous avons perdu une heure."),
            Some(Role::Answer)
        );
        assert_eq!(role_of(text, "Pas du tout."), Some(Role::Answer));
        assert_eq!(
            role_of(text, "Vous plaidez pour la sieste."),
            Some(Role::Asker)
        );
        assert_eq!(role_of(text, "N'est-ce pas utopique ?"), Some(Role::Asker));
        assert_eq!(role_of(text, "Médecin du sommeil"), None, "the chapô");
    }

    #[test]
    fn questions_without_an_interview_are_the_authors() {
        // A FAQ, an essay's rhetorical questions: no marker, no interview.
        let faq = "How do I renew my permit?\n\nApply online. It takes a week.\n\n\
                   Where do I pay?\n\nAt the town hall.\n";
        assert_eq!(role_of(faq, "It takes a week."), None);
        assert_eq!(role_of(faq, "How do I renew my permit?"), None);
        let essay = "Should we accept this?\n\nWe should not. The law is clear.\n";
        assert_eq!(role_of(essay, "We should not."), None);
        // A news story that mentions an interview has no questions of its own.
        let news = "The mayor said in an interview that the bridge will reopen.\n\n\
                    Why now? Because the repairs are done, she said.\n";
        assert_eq!(
            role_of(news, "Because the repairs are done, she said."),
            None
        );
    }
}
