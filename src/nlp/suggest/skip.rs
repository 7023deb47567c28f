//! Units that are not sentences of the article (`skip`), told by their shape: headings with
//! no final punctuation, bylines and author blurbs, list fragments, and site chrome such as
//! cookie banners and "Temps de lecture".

use super::{caption, finite, practical};
use crate::nlp::highlight::imperative;
use crate::nlp::highlight::tokens::{Tok, term_at};
use crate::nlp::lexicon::{Lexicon, flag};

/// How far to look for the ends of a line: very long lines (a whole article flattened on
/// one line) are treated as ending there, so the cost per sentence stays bounded.
const LINE_WINDOW: usize = 800;

/// The line of `text` that holds byte `at` (bounded by `LINE_WINDOW` on each side).
pub fn line_of(text: &str, at: usize) -> (usize, usize) {
    let lo = text.floor_char_boundary(at.saturating_sub(LINE_WINDOW));
    let hi = text.floor_char_boundary((at + LINE_WINDOW).min(text.len()));
    let s = text[lo..at].rfind('\n').map_or(lo, |i| lo + i + 1);
    let e = text[at..hi].find('\n').map_or(hi, |i| at + i);
    (s, e)
}

/// Whether `text[start..end]` stands alone on its line, blanks aside.
pub fn whole_line(text: &str, start: usize, end: usize) -> bool {
    // Only the blanks around the unit are read, not its line: a unit of a long
    // paragraph costs nothing.
    let blank = |c: char| c.is_whitespace() && c != '\n';
    let before = text[..start].trim_end_matches(blank);
    let after = text[end..].trim_start_matches(blank);
    (before.is_empty() || before.ends_with('\n')) && (after.is_empty() || after.starts_with('\n'))
}

/// The line before the one holding `at`, trimmed, if any.
pub fn previous_line(text: &str, at: usize) -> Option<(usize, usize)> {
    let (s, _) = line_of(text, at);
    if s == 0 || !text[..s].ends_with('\n') {
        return None;
    }
    let lo = text.floor_char_boundary(s.saturating_sub(LINE_WINDOW));
    let before = text[lo..s].trim_end();
    let pe = lo + before.len();
    let ps = before.rfind('\n').map_or(lo, |i| lo + i + 1);
    (pe > ps).then_some((ps, pe))
}

/// The text of the sentences just before and after `[start, end)` on its line (up to
/// the previous and next sentence end), where a banner word marks a whole banner line.
pub fn neighbours(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let (ls, le) = line_of(text, start);
    let le = le.max(end);
    if ls == start && le == end {
        return None;
    }
    let ends = |c: char| matches!(c, '.' | '!' | '?');
    let before = &text[ls..start];
    let b = before
        .trim_end()
        .trim_end_matches(ends)
        .rfind(ends)
        .map_or(ls, |i| ls + i + 1);
    let after = &text[end..le];
    let a = after.find(ends).map_or(le, |i| end + i + 1);
    let b = text.floor_char_boundary(b.max(start.saturating_sub(600)));
    let a = text.floor_char_boundary(a.min(end + 600));
    Some((b, a))
}

/// Whether a term of `set` (whose first words carry the flag `first`) stands in `toks`.
pub(super) fn has_phrase(
    toks: &[Tok],
    set: &crate::nlp::lexicon::PhraseSet<()>,
    first: u32,
) -> bool {
    (0..toks.len()).any(|i| term_at(toks, i, set, first).is_some())
}

/// Whether `s` opens on a bullet and a blank.
fn bulleted(s: &str) -> bool {
    let mut c = s.chars();
    c.next()
        .is_some_and(|b| matches!(b, '*' | '•' | '·' | '▪' | '►' | '-' | '–' | '—'))
        && c.next().is_some_and(|b| b == ' ' || b == '\u{a0}')
}

/// Whether `s` is a reply's subject line in a forum or a mail thread (`Re: vos retours
/// ?`): it repeats the thread's title.
pub fn reply_subject(s: &str) -> bool {
    s.starts_with("Re:") || s.starts_with("RE:")
}

/// Why `text[start..end]` is not a sentence of the article, if it is not. `toks` are the
/// sentence's words; `line_toks` those of its whole line; `attributed` tells whether an
/// attribution was found (a short `X a déclaré :` is not a heading).
pub fn reason(
    lex: &Lexicon,
    text: &str,
    start: usize,
    end: usize,
    toks: &[Tok],
    line_toks: &[Tok],
    attributed: bool,
) -> Option<&'static str> {
    if has_phrase(toks, &lex.banner, flag::BANNER_FIRST)
        || has_phrase(line_toks, &lex.banner, flag::BANNER_FIRST)
    {
        return Some("banner");
    }
    let s = text[start..end].trim();
    let words = toks.len();
    let last = s.chars().last()?;
    if reply_subject(s) {
        return Some("heading");
    }
    if weak_banner(lex, toks, line_toks, attributed) {
        return Some("banner");
    }
    if caption::is_caption(text, s, toks, start, end) {
        return Some("caption");
    }
    if super::front::opens_byline(text, start, toks)
        || super::front::closing_blurb(lex, text, end, toks)
    {
        return Some("byline");
    }
    // A closing quotation mark ends a sentence only after its own final punctuation
    // (`… inquiétant.”`); `Le mirage de la “reconquête”` is a heading.
    let core = s.trim_end_matches(['»', '”', '"', ' ', '\u{a0}']);
    let terminal = matches!(last, '.' | '!' | '?' | '…' | ';')
        || (matches!(last, '»' | '”' | '"') && core.ends_with(['.', '!', '?', '…']));
    // Above the byline: English decks are display type even as full sentences; a French
    // chapô with its full stops is the article's lead, only its headlines are display.
    if (lex.lang == crate::nlp::lang::Lang::En || !terminal)
        && super::front::in_title_block(text, start)
    {
        return Some("heading");
    }
    // The main verb is looked for once, where a rule needs it.
    let verb = std::cell::OnceCell::new();
    let main_verb = || *verb.get_or_init(|| finite::main_verb(lex, text, start, toks));
    let has_verb = || main_verb().is_some();
    let sure_verb = || main_verb() == Some(finite::Verb::Strong);
    if byline_word(text, toks, &lex.byline) {
        let name_first = toks.len() > 2 && toks[0].cap && toks[1].cap;
        let comma_early = toks.iter().take(6).any(|t| text[t.end..].starts_with(','));
        // A long sentence about a named person with its own verb is prose, not a blurb.
        let prose = words > 20 && sure_verb();
        // `Thomas Reid is a labor economist and the author of …`: a name, then `is`.
        let blurb = name_first
            && words <= 30
            && toks
                .get(2)
                .is_some_and(|t| matches!(t.norm.as_str(), "is" | "was"));
        if !terminal || (name_first && comma_early && !prose) || blurb {
            return Some("byline");
        }
    }
    // A headline in title case is a heading even with a reporting verb in it (`Company
    // Reports Record Results`); so is one behind a kicker (`Analysis: …`, `Q&A: …`) or
    // the first line of a text left without a full stop.
    if !terminal && words <= 25 && headline(lex, text, start, end, toks) {
        return Some("heading");
    }
    // A bulleted line without a final stop (`* Labor minister calls talks for Wednesday`,
    // `• headaches`, `- 3 œufs`): a point of a list or of a wire story's deck, not a
    // sentence; bullets that end on a stop are sentences in the references.
    if !terminal && bulleted(s) && whole_line(text, start, end) {
        return Some("list-item");
    }
    if practical::contact_line(s, words) {
        return Some("banner");
    }
    // A book's title in quotation marks leads its reference: checked before them.
    if practical::work_reference(toks) && !sure_verb() {
        return Some("a book's reference");
    }
    if practical::credits(toks) && !sure_verb() || practical::running_time(toks) && !has_verb() {
        return Some("a work's credits");
    }
    if last == '?' && super::forum::question(text, s) {
        return Some("a question asked in a forum");
    }
    if last == '?' && super::faq::question_heading(text, start, end) {
        return Some("a question heading its answer");
    }
    if attributed {
        return None;
    }
    if last == '?' && site_question(toks) {
        return Some("site");
    }
    if meta_text(lex, toks) {
        return Some("meta");
    }
    let starts_lower = s.chars().next().is_some_and(|c| c.is_lowercase());
    // Looked up only where a rule needs it: most sentences never do.
    let after_list_intro = || {
        previous_line(text, start).is_some_and(|(a, b)| {
            let p = text[a..b].trim_end();
            p.ends_with(':') || p.ends_with(',')
        })
    };
    // The line around the unit matters only to a unit ending in `,` or `:`; most end
    // otherwise and skip the look-up.
    let line = || {
        let (ls, le) = line_of(text, start);
        let le = le.max(end);
        (le, text[ls..le].trim() == s)
    };
    if last == ',' && words <= 25 {
        let (le, whole_line) = line();
        let line_final = text[end..le].trim().is_empty();
        if line_final && (starts_lower || whole_line || after_list_intro()) {
            return Some("list-item");
        }
    }
    // A whole line ending in a colon, followed by a line that starts a new block with a
    // capital: a subhead introducing what follows, not a sentence of the article.
    if last == ':' && words <= 16 {
        let (le, whole_line) = line();
        let next_upper = text[le..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if whole_line && next_upper && !sure_verb() {
            return Some("heading");
        }
    }
    if starts_lower && words <= 10 && matches!(last, ',' | '.' | ';') && after_list_intro() {
        return Some("list-item");
    }
    if last == ':' && words <= 2 {
        return Some("fragment");
    }
    // A line without final punctuation is a heading unless it reads as prose: a long
    // line with a comma or a relative clause (`Prix raisonnable, service sympathique qui
    // nous a…`, a review typed without its full stop).
    let prose = words > 14
        && (s.contains(',')
            || toks.iter().any(|t| {
                matches!(
                    t.norm.as_str(),
                    "qui" | "que" | "qu" | "dont" | "which" | "who"
                )
            }));
    // A review line typed without its full stop is long and has its own verb; a headline
    // with a verb (`Le front se déplace vers Bamako`) is short.
    let prose = prose || (words >= PROSE_WORDS && has_verb());
    if !terminal && last != ':' && last != ',' && words <= 20 && !prose {
        return Some("heading");
    }
    // A short verbless unit with a full stop at the start of a line: a heading or a
    // dateline (`Météo.`, `BOURGES.`, `Sports.`), not a sentence.
    let at_line_start =
        || line_of(text, start).0 == text[..start].trim_end_matches([' ', '\t']).len();
    let plain_word = |t: &Tok| {
        t.cap
            && !t.is(flag::FUNCTION)
            && !t.is(flag::FIRST_PERSON)
            && !t.is(flag::AUX)
            && !t.is(flag::REPORTING)
    };
    // `Stay curious.`, `Venez nombreux.`: a call to action, not a heading. Looked for
    // once, where a rule needs it.
    let opens_on_imperative =
        std::cell::LazyCell::new(|| imperative::opening(lex.lang, text, toks).is_some());
    let imperative = || *opens_on_imperative;
    if matches!(last, '.' | '!')
        && (1..=2).contains(&words)
        && at_line_start()
        && toks.iter().all(plain_word)
        && !imperative()
    {
        return Some("heading");
    }
    if practical::address_line(text, toks) && !sure_verb() && !imperative() {
        return Some("address");
    }
    if matches!(last, '.' | '!') && !has_verb() && !imperative() {
        if practical::in_fact_box(text, start, end) {
            return Some("a fact box's line");
        }
        return verbless(lex, text, start, toks);
    }
    None
}

/// Words that label a headline before a colon (`Analysis: The bank has run out of
/// options`, `Transcript: Marisa Delgado launches her campaign`), in both languages.
const KICKERS: [&str; 26] = [
    "analysis",
    "opinion",
    "q",
    "explainer",
    "exclusive",
    "interview",
    "review",
    "comment",
    "editorial",
    "watch",
    "live",
    "breaking",
    "factbox",
    "obituary",
    "transcript",
    "podcast",
    "analyse",
    "tribune",
    "chronique",
    "décryptage",
    "éditorial",
    "entretien",
    "enquête",
    "reportage",
    "témoignage",
    "vidéo",
];

/// Whether a label before a colon is one of the kickers (`Transcript`, `Analyse`): a
/// headline's, not a speaker's.
pub fn kicker(label: &str) -> bool {
    KICKERS.contains(&label.to_lowercase().as_str())
}

/// A headline without final punctuation: the first line of a text alone in its paragraph
/// ([`first_line_alone`]) and, in English, one in title case, behind a kicker, or the
/// whole first line of the text when it joins two parts.
fn headline(lex: &Lexicon, text: &str, start: usize, end: usize, toks: &[Tok]) -> bool {
    if lex.lang != crate::nlp::lang::Lang::En {
        return first_line_alone(text, start, end);
    }
    let kicker = toks.first().is_some_and(|t| {
        t.cap && KICKERS.contains(&t.norm.as_str()) && {
            let after = text[t.end..end].trim_start_matches(['&', 'A', ' ']);
            after.starts_with(':')
        }
    });
    // A long first line in two parts (`'We were never told': a nurse on …`, `X — Y`):
    // a headline; a review typed without its full stop has no such joint.
    let two_parts = text[start..end].contains([':', '—', '|', '‘', '“', '"']);
    let first_line = two_parts
        && text[..start].trim().is_empty()
        && text[end..]
            .split('\n')
            .next()
            .is_some_and(|r| r.trim().is_empty());
    kicker || first_line || first_line_alone(text, start, end) || title_case(lex, toks)
}

/// The first line of a text, without a full stop, standing as a paragraph of its own
/// above the next: the headline, in either language (`Les Fromageries du Jura
/// investissent 18 millions d'euros à Poligny`). In the references, all 80 such lines are
/// skip. A file of one line per review has no blank line after its first.
fn first_line_alone(text: &str, start: usize, end: usize) -> bool {
    if !text[..start].trim().is_empty() {
        return false;
    }
    let mut rest = text[end..].split('\n');
    let line_ends = rest.next().is_some_and(|r| r.trim().is_empty());
    let blank = rest.next().is_some_and(|r| r.trim().is_empty());
    line_ends && blank && rest.any(|r| !r.trim().is_empty())
}

/// Whether most content words of a unit are capitalised (English headline style): at
/// least four, the first included, and at most one not capitalised.
fn title_case(lex: &Lexicon, toks: &[Tok]) -> bool {
    if lex.lang != crate::nlp::lang::Lang::En || !toks.first().is_some_and(|t| t.cap) {
        return false;
    }
    let content: Vec<&Tok> = toks
        .iter()
        .filter(|t| !t.digit && !t.is(flag::FUNCTION))
        .collect();
    let lower = content.iter().filter(|t| !t.cap).count();
    content.len() >= 4 && lower <= 1
}

/// Words from which a line without final punctuation and with a verb of its own reads as
/// a sentence typed without its full stop rather than a headline.
const PROSE_WORDS: usize = 10;

/// A byline word standing as a word, not inside a compound (`auteur-compositeur`).
fn byline_word(text: &str, toks: &[Tok], set: &crate::nlp::lexicon::PhraseSet<()>) -> bool {
    (0..toks.len()).any(|i| {
        let Some((n, ())) = term_at(toks, i, set, flag::BYLINE_FIRST) else {
            return false;
        };
        let last = &toks[i + n - 1];
        let glued = |s: &str| s.starts_with('-');
        !glued(&text[last.end..]) && !text[..toks[i].start].ends_with('-')
    })
}

/// Banner words that also occur in prose count twice over, or with an address to the
/// reader (`vos données personnelles`), never inside an attributed sentence.
fn weak_banner(lex: &Lexicon, toks: &[Tok], line_toks: &[Tok], attributed: bool) -> bool {
    if attributed {
        return false;
    }
    let hits = |ts: &[Tok]| {
        (0..ts.len())
            .filter(|&i| term_at(ts, i, &lex.weak_banner, flag::WEAK_BANNER_FIRST).is_some())
            .count()
    };
    let own = hits(toks);
    let reader = toks.iter().any(|t| t.is(flag::READER));
    own >= 2 || (own == 1 && reader) || (reader && hits(line_toks) > 0)
}

/// A question to the reader about the site itself: `Vous êtes abonné ?`, `Do you have an
/// account?`.
fn site_question(toks: &[Tok]) -> bool {
    toks.iter().take(3).any(|t| t.is(flag::READER)) && toks.iter().any(|t| t.is(flag::SITE))
}

/// Text about the page rather than its subject: `Cet article détaille…`, `La liste …
/// se trouve sur le site officiel`.
fn meta_text(lex: &Lexicon, toks: &[Tok]) -> bool {
    let n = toks.len();
    if n == 0 {
        return false;
    }
    let subject = term_at(toks, 0, &lex.meta_subjects, flag::META_SUBJECT_FIRST);
    if let Some((len, ())) = subject
        && toks.iter().skip(len).take(4).any(|t| t.is(flag::META_VERB))
    {
        return true;
    }
    let site = (0..n).any(|i| term_at(toks, i, &lex.site_refs, flag::SITE_REF_FIRST).is_some());
    site && (subject.is_some() || n <= 12)
}

/// A unit ending in a full stop or `!` with no main verb: a title (`Orages, un film sur
/// …`), a names list or credit, or a short heading (`Entretien exclusif !`). Verbless
/// sentences of prose (`Pas de blessé.`, `Trois morts à Gao et deux à Kidal.`) have
/// lower-case words, a figure or a negation, and stay sentences.
fn verbless(lex: &Lexicon, text: &str, start: usize, toks: &[Tok]) -> Option<&'static str> {
    let first = toks.first()?;
    if !first.cap {
        return None;
    }
    let counted = |t: &Tok| t.digit || t.is(flag::NUMBER);
    let negation = |t: &Tok| {
        matches!(
            t.norm.as_str(),
            "pas" | "aucun" | "aucune" | "sans" | "ni" | "no" | "not" | "none" | "without"
        )
    };
    // An evaluation (`Superbe travail !`) makes it the author's opinion.
    let cue = |i: usize| term_at(toks, i, &lex.cues, flag::CUE_FIRST).is_some();
    if toks.iter().any(negation) || (0..toks.len()).any(cue) {
        return None;
    }
    if toks.len() <= 2 && !toks.iter().any(counted) {
        return Some("heading");
    }
    // `Orages, un documentaire…`: a name, a comma, then a determiner.
    let mut k = 0;
    while k + 1 < toks.len() && toks[k + 1].cap {
        k += 1;
    }
    let apposition = text[toks[k].end..].trim_start().starts_with(',')
        && toks
            .get(k + 1)
            .is_some_and(|t| t.is(flag::FUNCTION) && !t.is(flag::SUBJECT));
    if apposition {
        return Some("title");
    }
    // Mostly names outside parentheses: a credit or a list of people or works.
    let inside = finite::in_parens(text, start, toks);
    let content: Vec<&Tok> = toks
        .iter()
        .zip(&inside)
        .skip(1)
        .filter(|(t, inside)| !**inside && !t.is(flag::FUNCTION))
        .map(|(t, _)| t)
        .collect();
    let names = content.iter().filter(|t| t.cap).count();
    (names >= 3 && names * 5 > content.len() * 3 && !content.iter().any(|t| counted(t)))
        .then_some("title")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::tokens::tokenize;
    use crate::nlp::lang::Lang;

    /// Why the unit `unit` of `text` (its first occurrence) is skipped, without an
    /// attribution and without a banner on its line.
    fn why(lang: Lang, text: &str, unit: &str) -> Option<&'static str> {
        let lex = Lexicon::builtin(lang);
        let a = text.find(unit).expect("unit in text");
        let b = a + unit.len();
        let toks = tokenize(&lex, text, a, b);
        reason(&lex, text, a, b, &toks, &[], false)
    }

    fn alone(lang: Lang, unit: &str) -> Option<&'static str> {
        let text = format!("La séance est ouverte. {unit} Le vote suit.");
        why(lang, &text, unit)
    }

    #[test]
    fn verbless_titles_credits_and_short_headings_are_skipped() {
        for u in [
            "Orages, un documentaire sur la vie des pêcheurs.",
            "Anne Morel (directrice des ventes) et Paul Roy (trésorier du club).",
            "Le Chant du Monde de Jean Giono au Théâtre du Rond-Point (1998).",
            "Entretien exclusif !",
            "Météo.",
        ] {
            assert!(alone(Lang::Fr, u).is_some(), "{u}");
        }
        for u in [
            "Tempest, a documentary about the lives of fishermen.",
            "Anne Moore (head of sales) and Paul Roy (club treasurer).",
            "Exclusive interview!",
            "Weather.",
        ] {
            assert!(alone(Lang::En, u).is_some(), "{u}");
        }
    }

    #[test]
    fn verbless_sentences_of_prose_stay_sentences() {
        for u in [
            "Pas de blessé parmi les passagers.",
            "Trois morts à Gao et deux à Kidal.",
            "Superbe travail de toute l'équipe.",
            "Un accueil chaleureux et un service rapide.",
            "Le maire démissionne.",
            "Les habitants fuient la ville.",
            "Alain Martin, né le 3 mai 1950 à Lyon, a été maire de la ville pendant vingt ans et professeur de lettres au lycée du centre.",
        ] {
            assert_eq!(alone(Lang::Fr, u), None, "{u}");
        }
        for u in [
            "No injuries among the passengers.",
            "Three dead in Leeds and two in York.",
            "The mayor resigned.",
            "Residents fled the town.",
        ] {
            assert_eq!(alone(Lang::En, u), None, "{u}");
        }
    }

    #[test]
    fn a_line_ending_in_a_photo_credit_is_a_caption() {
        let fr = "Le pont a rouvert.\n\nRoger Maillet dans son studio, en 2009. (Photo archives H. C.)\n\nIl est mort lundi.\n";
        assert_eq!(
            why(Lang::Fr, fr, "Roger Maillet dans son studio, en 2009."),
            Some("caption")
        );
        let en = "Traffic crosses the bridge on Monday. (Photo: Ken Oduya / The Ledger)\n\nThe bridge closes on Feb. 3.\n";
        assert_eq!(
            why(Lang::En, en, "Traffic crosses the bridge on Monday."),
            Some("caption")
        );
        let courtesy = "Peggy Hollis in 2009. (Courtesy of the Hollis family)\n";
        assert_eq!(
            why(Lang::En, courtesy, "Peggy Hollis in 2009."),
            Some("caption")
        );
        // A photographer for an outlet, or a copyright after the caption's stop.
        let credit = "Jo Lane planes a plank in his shed. (Ben Osei for The Coastal Review)\n";
        assert_eq!(
            why(Lang::En, credit, "Jo Lane planes a plank in his shed."),
            Some("caption")
        );
        let slash = "Ilie Munteanu checks his notes. (Andrei Pop/The Herald)\n";
        assert_eq!(
            why(Lang::En, slash, "Ilie Munteanu checks his notes."),
            Some("caption")
        );
        let copyright = "La maquette a été présentée aux élus. © Photo S. B.\n";
        assert_eq!(
            why(
                Lang::Fr,
                copyright,
                "La maquette a été présentée aux élus. © Photo S. B."
            ),
            Some("caption")
        );
        // Brackets at a line's end that credit nobody leave its sentences prose.
        let prose = "The council approved the budget on Monday. (The vote was 5-2.)\n";
        assert_eq!(
            why(
                Lang::En,
                "The bus runs hourly. (Service ends at 11 p.m.)\n",
                "The bus runs hourly."
            ),
            None
        );
        assert_eq!(
            why(
                Lang::En,
                prose,
                "The council approved the budget on Monday."
            ),
            None
        );
        let far = format!(
            "{} The mayor spoke. (Photo: AP)\n",
            "The hall was full. ".repeat(30)
        );
        assert_eq!(
            why(Lang::En, &far, "The hall was full."),
            None,
            "a long line is prose"
        );
    }

    #[test]
    fn captions_and_credit_lines_are_skipped() {
        for u in [
            "Fichier : Port de Brest 3.JPG | Les quais.",
            "Photo : archives municipales.",
            "© Agence locale.",
        ] {
            assert_eq!(alone(Lang::Fr, u), Some("caption"), "{u}");
        }
        for u in [
            "File: Harbour 2.png | The docks.",
            "Credit: city archives.",
            "Copyright 2024 CNW.",
            "Tags: hiking, day hikes, trail reviews",
            "↑ Archives départementales du Jura, série H.",
        ] {
            assert_eq!(alone(Lang::En, u), Some("caption"), "{u}");
        }
        assert_eq!(alone(Lang::Fr, "La photo a été prise à Brest."), None);
        let u = "The copyright on the song expired in 2019, and its heirs lost the royalties.";
        assert_eq!(alone(Lang::En, u), None);
        for u in [
            "Pour les articles homonymes, voir Saint-Véran.",
            "Dernière modification de cette page le 2 avril 2024 à 09:14.",
            "Cet avis vous a-t-il été utile ?",
        ] {
            assert_eq!(alone(Lang::Fr, u), Some("banner"), "{u}");
        }
        let u = "This material may not be published, broadcast, rewritten or redistributed.";
        assert_eq!(alone(Lang::En, u), Some("banner"));
    }

    #[test]
    fn text_about_the_page_and_questions_about_the_site_are_skipped() {
        for u in [
            "Cet article présente les musées de la région.",
            "La liste complète des lauréats se trouve sur le site officiel.",
        ] {
            assert_eq!(alone(Lang::Fr, u), Some("meta"), "{u}");
        }
        for u in [
            "This article describes the museums of the region.",
            "The full list of winners is on the official website.",
        ] {
            assert_eq!(alone(Lang::En, u), Some("meta"), "{u}");
        }
        assert_eq!(alone(Lang::Fr, "Vous avez déjà un compte ?"), Some("site"));
        assert_eq!(alone(Lang::En, "Are you a subscriber?"), Some("site"));
        // A law's article and a question to the reader about the world are prose.
        assert_eq!(
            alone(Lang::Fr, "Cet article du projet de loi prévoit une amende."),
            None
        );
        assert_eq!(
            alone(Lang::Fr, "Vous souvenez-vous de l'hiver 1985 ?"),
            None
        );
    }

    #[test]
    fn a_banner_word_of_prose_needs_a_second_sign() {
        let lex = Lexicon::builtin(Lang::Fr);
        let one = "Le juge a vérifié le consentement de la victime.";
        let toks = tokenize(&lex, one, 0, one.len());
        assert!(!weak_banner(&lex, &toks, &[], false));
        let two = "Vous pouvez retirer votre consentement à tout moment.";
        let toks = tokenize(&lex, two, 0, two.len());
        assert!(weak_banner(&lex, &toks, &[], false));
    }

    #[test]
    fn lines_without_final_punctuation() {
        // A headline, with or without a verb: a heading.
        for (text, unit) in [
            (
                "Le front se déplace vers Lyon\nLe texte suit.",
                "Le front se déplace vers Lyon",
            ),
            (
                "The front moves toward Leeds\nThe text follows.",
                "The front moves toward Leeds",
            ),
        ] {
            let lang = if text.starts_with("The") {
                Lang::En
            } else {
                Lang::Fr
            };
            assert_eq!(why(lang, text, unit), Some("heading"), "{unit}");
        }
        // A review line typed without its full stop: long, with its own verb.
        let text = "Une variété de pomme porte le nom du village depuis le siècle dernier\nSuite.";
        let unit = "Une variété de pomme porte le nom du village depuis le siècle dernier";
        assert_eq!(why(Lang::Fr, text, unit), None);
        let text = "We stayed three nights at this hotel and the staff helped us every day\nMore.";
        let unit = "We stayed three nights at this hotel and the staff helped us every day";
        assert_eq!(why(Lang::En, text, unit), None);
        // A colon line with a main verb introduces a list of the sentence, not a heading.
        let text = "Depuis le 3 mai, plusieurs routes sont coupées :\nLyon, Vienne.";
        assert_eq!(
            why(
                Lang::Fr,
                text,
                "Depuis le 3 mai, plusieurs routes sont coupées :"
            ),
            None
        );
        let text = "Un régime qui s'effondre sous son propre poids :\nLe texte.";
        assert_eq!(
            why(
                Lang::Fr,
                text,
                "Un régime qui s'effondre sous son propre poids :"
            ),
            Some("heading")
        );
    }

    #[test]
    fn a_byline_word_inside_a_compound_is_no_byline() {
        let u = "Paul Martin, né à Lyon, est un auteur-compositeur très connu.";
        assert_eq!(alone(Lang::Fr, u), None);
        let u = "Paul Martin, journaliste au quotidien régional.";
        assert_eq!(alone(Lang::Fr, u), Some("byline"));
    }

    #[test]
    fn the_title_block_and_a_long_byline_are_skipped() {
        let text = "Sleeper trains are back. They are slow and worth it.\n\n\
                    Par Dr Anne Merlin, gynécologue à Figeac (Lot), et Pierre Alaux, président de l'association Naître en Quercy\n\n\
                    Le train de nuit est parti à 20 h 24 de Hambourg.\n";
        for unit in ["Sleeper trains are back.", "They are slow and worth it."] {
            assert_eq!(why(Lang::En, text, unit), Some("heading"), "{unit}");
        }
        let byline = text.lines().nth(2).expect("byline line");
        assert_eq!(why(Lang::Fr, text, byline), Some("byline"));
        assert_eq!(
            why(
                Lang::Fr,
                text,
                "Le train de nuit est parti à 20 h 24 de Hambourg."
            ),
            None
        );
        // A French chapô above the byline is the article's lead; its headline is not.
        let fr = "Crue de l'Allier : 300 habitants évacués\n\n\
                  La rivière a atteint 4,82 mètres dans la nuit.\n\nPar Camille Rouvière\n";
        assert_eq!(
            why(Lang::Fr, fr, "Crue de l'Allier : 300 habitants évacués"),
            Some("heading")
        );
        assert_eq!(
            why(
                Lang::Fr,
                fr,
                "La rivière a atteint 4,82 mètres dans la nuit."
            ),
            None
        );
    }

    #[test]
    fn a_bulleted_line_without_a_stop_is_a_list_item() {
        let text = "Port strike enters second week\n\n\
                    * Union rejects 6% offer\n\
                    * Labor minister calls talks for Wednesday\n\n\
                    Symptoms include:\n\n\
                    - a high temperature\n\
                    - Dockworkers walked out on March 3 after talks failed.\n";
        for unit in [
            "* Union rejects 6% offer",
            "* Labor minister calls talks for Wednesday",
            "- a high temperature",
        ] {
            assert_eq!(why(Lang::En, text, unit), Some("list-item"), "{unit}");
        }
        let sentence = "- Dockworkers walked out on March 3 after talks failed.";
        assert_eq!(why(Lang::En, text, sentence), None);
        // A hyphen inside a line is no bullet.
        assert!(!bulleted("-5 degrees overnight"));
    }
}
