//! Boundaries inside one line: a byte scan that stops only at terminals (and `:`, `;`),
//! then rules on the words around them.

use super::chars::{
    ASCII_CANDIDATES, CANDIDATE_BYTE, LOWEST_CANDIDATE_LEAD, char_at, char_before, is_closer,
    is_full_stop, is_opener, is_pictograph, is_space, is_terminal, skip_spaces,
};
use super::heading::glued_heading;
use super::lexicon::{
    Before, before_stop, clock_ends, continues_before_lower, dateline_state, lower_starter_at,
    starter_at, word_at, word_start,
};

/// How a run of terminals reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    /// One full stop: may belong to an abbreviation.
    Stop,
    /// `..`, `...`, `…`: ends a sentence before a capital, not before a lower-case word.
    Ellipsis,
    /// Contains `!`, `?` or another strong terminal.
    Strong,
}

/// A terminal run (with its closing quotes) that ends a line: the line-join rule decides.
#[derive(Debug, Clone, Copy)]
pub struct Tail {
    /// Byte offset of the run's first terminal.
    pub start: usize,
    pub run: Run,
    /// A closing quote or bracket follows the run.
    pub closed: bool,
}

/// Finds the boundaries inside the line content `s[start..end]` (trimmed, no line break),
/// calling `emit(end_of_sentence, start_of_next)` for each, in order. `wrapped` when the
/// text is hard-wrapped, so that sentences go on over line breaks; `fresh` when the line
/// starts a sentence (it does not go on from the line before).
pub fn scan_line(
    s: &str,
    start: usize,
    end: usize,
    wrapped: bool,
    fresh: bool,
    emit: &mut impl FnMut(usize, usize),
) -> Option<Tail> {
    let b = s.as_bytes();
    let mut i = start;
    let mut last_terminal = None;
    // Where the current sentence started on this line, to find a heading glued to it.
    let mut sent = fresh.then_some(start);
    // The sentence's terminal (or colon) is at `to`: emits a heading glued to its start,
    // then the boundary `(e, q)` that ends it, if any.
    let mut close = |sent: &mut Option<usize>, to: usize, boundary: Option<(usize, usize)>| {
        if let Some((he, hs)) = sent.and_then(|from| glued_heading(s, from, to)) {
            emit(he, hs);
        }
        if let Some((e, q)) = boundary {
            emit(e, q);
            *sent = Some(q);
        }
    };
    while i < end {
        // Sixteen bytes at a time to the next byte that may be a candidate, then the table.
        i += crate::store::bytescan::plain_prefix(
            &b[i..end],
            ASCII_CANDIDATES,
            0,
            LOWEST_CANDIDATE_LEAD,
        );
        if i >= end {
            break;
        }
        if !CANDIDATE_BYTE[b[i] as usize] {
            i += 1;
            continue;
        }
        // Candidate bytes are ASCII or UTF-8 lead bytes, so `i` is a char boundary.
        let Some(c) = char_at(s, i) else { break };
        if c == ':' || c == ';' {
            // A heading (`Mali : Le JNIM frappe`) has no terminal after its colon: keep
            // it whole, unless the text is wrapped and the sentence goes on below.
            let last = *last_terminal.get_or_insert_with(|| {
                s[start..end]
                    .rfind(is_terminal)
                    .map_or(start, |k| start + k)
            });
            let label = (super::lines::starts_list_item(&s[start..end])
                && list_label(&s[start..i]))
                || (sent == Some(start) && speaker_label(&s[start..i]));
            match colon_break(s, i, end).filter(|_| (wrapped || last > i) && !label) {
                Some(q) => {
                    close(&mut sent, i, Some((i + 1, q)));
                    i = q;
                }
                None => i += 1,
            }
            continue;
        }
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        let ts = i;
        let (te, run) = terminal_run(s, ts, end);
        i = te;
        if ts == start || is_enumerator(&s[start..ts]) {
            continue; // `… Et puis`, `1. Le premier point`, `II. Le contexte`
        }
        let Some(next) = char_at(s, te).filter(|_| te < end) else {
            close(&mut sent, ts, None);
            return Some(Tail {
                start: ts,
                run,
                closed: false,
            });
        };
        // Scripts whose terminals (`。`, `！`) take no space after them.
        let wide =
            char_before(s, te).is_some_and(|c| !c.is_ascii() && c != '…' && !is_full_stop(c));
        if next.is_alphanumeric() {
            if wide || next_glued_sentence(s, ts, te, end) {
                close(&mut sent, ts, Some((te, te)));
            }
            continue;
        }
        if matches!(char_before(s, ts), Some('(' | '[')) && matches!(next, ')' | ']') {
            continue; // an omission mark: (…) [...]
        }
        let p = skip_closers(s, start, te, end);
        if p >= end {
            close(&mut sent, ts, None);
            return Some(Tail {
                start: ts,
                run,
                closed: p > te,
            });
        }
        let q = skip_spaces(s, p, end);
        if q == p {
            // glued to what follows: `!»,`, or `。」次` in a script without spaces
            let pictograph = char_at(s, p).is_some_and(is_pictograph);
            if (wide && char_at(s, p).is_some_and(char::is_alphanumeric))
                || (pictograph && breaks(s, ts, run, p > te, p, end))
            {
                close(&mut sent, ts, Some((p, p)));
            }
            i = p;
            continue;
        }
        if breaks(s, ts, run, p > te, q, end) && !omission_in_quote(s, start, ts) {
            close(&mut sent, ts, Some((p, q)));
        }
        i = q;
    }
    None
}

/// `- 12 mai 2004 :`, `- Jean Dupont :`: a few words between a list marker and the item's
/// first colon label the item (a date, a name); the colon ends no sentence.
fn list_label(before: &str) -> bool {
    let label = before
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end();
    label.len() <= 40 && label.split_whitespace().count() <= 5 && !label.contains([':', ';'])
}

/// `Q: Why?`, `Okafor: Because.`, `MR. GARVEY: Thank you.`, `Rachel Hurst: The hon.
/// Lady…`, `Dame Helen Ashcroft (Carrow Vale) (Lab): In February…`: a speaker's label
/// opening the line belongs to the turn's first sentence; its colon ends no sentence.
/// The label is one capitalised word, or up to four capitalised words (any case if in
/// capitals) with constituencies and parties in brackets after them.
pub fn speaker_label(before: &str) -> bool {
    let label = before.trim_end();
    if label.len() > 60
        || label.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ':' | ';'))
    {
        return false;
    }
    // The name, then only bracketed groups: `Sarah Whitmore (North Dorwick) (LD)`.
    let (name, brackets) = label.split_once(" (").map_or((label, ""), |(n, r)| (n, r));
    let groups_ok = brackets
        .strip_suffix(')')
        .is_some_and(|b| b.split(") (").all(|g| !g.contains(['(', ')'])));
    if !brackets.is_empty() && !groups_ok {
        return false;
    }
    let words: Vec<&str> = name.split(' ').collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let in_capitals = |w: &str| {
        w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    match words.len() {
        1 => capital(words[0]),
        2..=4 => {
            words.iter().all(|w| capital(w))
                && (words.len() <= 3
                    || words.iter().all(|w| in_capitals(w))
                    || !brackets.is_empty())
        }
        _ => false,
    }
}

/// `« Nous avons essayé [...]. Rien »`: a terminal right after an omission mark, inside
/// a quotation still open on the line, marks a cut in the quoted words, not an end.
fn omission_in_quote(s: &str, line: usize, ts: usize) -> bool {
    let before = &s[line..ts];
    let Some(inner) = before
        .strip_suffix(']')
        .or_else(|| before.strip_suffix(')'))
        .and_then(|b| b.rfind(['[', '(']).map(|k| &b[k + 1..]))
    else {
        return false;
    };
    if inner.is_empty() || !inner.chars().all(|c| c == '.' || c == '…') {
        return false;
    }
    let count = |c: char| before.matches(c).count();
    count('«') > count('»') || count('“') > count('”') || count('"') % 2 == 1
}

/// A list enumerator opening a line: `1`, `12`, `a`, `B`, `IV`.
fn is_enumerator(prefix: &str) -> bool {
    let n = prefix.len();
    ((1..=3).contains(&n) && prefix.bytes().all(|b| b.is_ascii_digit()))
        || (n == 1 && prefix.bytes().all(|b| b.is_ascii_alphabetic()))
        || ((1..=4).contains(&n) && prefix.bytes().all(|b| b"IVXLC".contains(&b)))
}

/// The run of terminals starting at `ts`: its end and how it reads.
fn terminal_run(s: &str, ts: usize, end: usize) -> (usize, Run) {
    let mut te = ts;
    let mut stops = 0;
    let mut run = Run::Stop;
    while te < end {
        match char_at(s, te) {
            Some(c) if is_terminal(c) => {
                if is_full_stop(c) {
                    stops += 1;
                } else if c == '…' {
                    stops += 2;
                } else {
                    run = Run::Strong;
                }
                te += c.len_utf8();
            }
            _ => break,
        }
    }
    if run == Run::Stop && stops > 1 {
        run = Run::Ellipsis;
    }
    (te, run)
}

/// Skips the closing quotes and brackets after a terminal, French-spaced `»` included.
/// `line` is where the line starts, to pair straight quotes.
fn skip_closers(s: &str, line: usize, mut p: usize, end: usize) -> usize {
    while p < end {
        let Some(c) = char_at(s, p) else { break };
        if is_closer(c) {
            let straight = matches!(c, '"' | '\'' | '’');
            let after = char_at(s, p + c.len_utf8()).filter(|_| p + c.len_utf8() < end);
            if straight && after.is_some_and(char::is_alphanumeric) {
                break; // opens the next quotation or is an apostrophe
            }
            p += c.len_utf8();
        } else if is_space(c) {
            // French spacing: `pas. »`; a quote alone between spaces closes too when it
            // pairs an earlier one (`« … bête ! " Les`).
            let k = skip_spaces(s, p, end);
            let g = match char_at(s, k).filter(|_| k < end) {
                Some(g @ ('»' | '›' | '"' | '”')) => g,
                _ => break,
            };
            let after = k + g.len_utf8();
            let alone = after >= end || char_at(s, after).is_some_and(char::is_whitespace);
            let pairs = || {
                let before = &s[s.floor_char_boundary(k.saturating_sub(400)).max(line)..k];
                match g {
                    '"' => before.bytes().filter(|&b| b == b'"').count() % 2 == 1,
                    _ => before.contains('“'),
                }
            };
            if matches!(g, '»' | '›') || (alone && pairs()) {
                p = after;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    p
}

/// The first letter or digit of the sentence that would start at `q`, past its opening
/// quotes and dashes.
fn first_word(s: &str, q: usize, end: usize) -> Option<(usize, char)> {
    let mut k = q;
    while k < end {
        let c = char_at(s, k)?;
        if is_opener(c) || is_space(c) {
            k += c.len_utf8();
        } else {
            return Some((k, c));
        }
    }
    None
}

/// Whether a terminal run starting at `ts` ends the sentence when the next text, after
/// whitespace, starts at `q`; `closed` when a closing quote or bracket follows the run.
/// Shared by the in-line scan and the line-join rule.
pub fn breaks(s: &str, ts: usize, run: Run, closed: bool, q: usize, end: usize) -> bool {
    let Some((k, c)) = first_word(s, q, end) else {
        return true;
    };
    // `SPRINGFIELD, Ill. — The council…`, `TUCSON, Ariz. (AP) —`: a dateline goes on.
    if run == Run::Stop
        && !closed
        && matches!(char_at(s, q), Some('—' | '–' | '('))
        && dateline_state(s, ts)
    {
        return false;
    }
    if c.is_lowercase() {
        // `« Partez ! » a crié` goes on; `la fin. à la reprise` opens a sentence whose
        // capital was left off, when the stop ends a plain word and a starter follows.
        return run == Run::Stop && !closed && plain_word_stop(s, ts) && lower_starter_at(s, k);
    }
    if is_terminal(c) {
        return false; // French-spaced `... !`, `fin. [...] Puis`
    }
    if run != Run::Stop {
        return true;
    }
    // An abbreviation closed by a bracket or a quote (`par ex.) Ainsi`) is not followed by
    // its name or number.
    let before = if closed {
        Before::Plain
    } else {
        before_stop(s, ts)
    };
    if c.is_numeric() {
        return before == Before::Plain;
    }
    if !c.is_alphabetic() {
        // `par Yannick L. · 8 min de lecture`: an initial before a separator of a byline.
        return !(before == Before::Initial && matches!(c, '·' | '•' | '|'));
    }
    match before {
        Before::Title => false,
        Before::Abbrev => starter_at(s, k).is_some() || clock_ends(s, ts, word_at(s, k)),
        Before::Initial => starter_at(s, k).is_some(),
        Before::Plain => true,
    }
}

/// The full stop at `ts` ends a lower-case word of three letters or more that is no
/// abbreviation (`match.`, not `av.`, `etc.` or `U.S.`).
fn plain_word_stop(s: &str, ts: usize) -> bool {
    let w = &s[word_start(s, ts)..ts];
    w.chars().count() >= 3
        && w.chars().all(char::is_alphabetic)
        && char_before(s, ts).is_some_and(char::is_lowercase)
        && !matches!(char_before(s, ts - w.len()), Some('.' | '-' | '@' | '/'))
        && before_stop(s, ts) == Before::Plain
        && !continues_before_lower(w)
}

/// `vagues.Cette`: a lower-case word, a terminal and a capitalised word with no space,
/// outside anything that looks like a URL, an e-mail, a file or a code name.
fn next_glued_sentence(s: &str, ts: usize, te: usize, end: usize) -> bool {
    let mut after = s[te..end].chars();
    let (Some(c1), Some(c2)) = (after.next(), after.next()) else {
        return false;
    };
    if !c1.is_uppercase() || !c2.is_lowercase() {
        return false;
    }
    let ws = word_start(s, ts);
    let word = &s[ws..ts];
    if word.chars().nth(1).is_none()
        || !char_before(s, ts).is_some_and(char::is_lowercase)
        || before_stop(s, ts) != Before::Plain
    {
        return false;
    }
    // The token around, up to whitespace; a long one is code or a blob, not two words.
    const MAX: usize = 80;
    let from = s.floor_char_boundary(ws.saturating_sub(MAX));
    let tok_start = match s[from..ws]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
    {
        Some((k, c)) => from + k + c.len_utf8(),
        None if from == 0 => 0,
        None => return false,
    };
    let to = s.floor_char_boundary((te + MAX).min(end));
    let tok_end = match s[te..to].find(char::is_whitespace) {
        Some(k) => te + k,
        None if to == end => end,
        None => return false,
    };
    let tok = &s[tok_start..tok_end];
    let tail = s[te..tok_end].trim_end_matches(|c: char| !c.is_alphanumeric());
    !tok.contains(['/', '@', '_', '=', '&', '#', '\\'])
        && !tok.contains("..")
        && !s[tok_start..ws].contains('.')
        && !tail.contains('.')
}

/// `… massives : En 2021, …`: a colon or semicolon followed by a capitalised word that
/// starts sentences (not a name) opens a new one. Returns where it starts.
fn colon_break(s: &str, i: usize, end: usize) -> Option<usize> {
    let p = i + 1;
    let q = skip_spaces(s, p, end);
    if q == p || q >= end {
        return None;
    }
    let w = starter_at(s, q)?;
    // `il lui disait : Je vous…` reports speech, which stays in its sentence.
    let speech = matches!(
        w,
        "Je" | "J" | "Tu" | "Nous" | "Vous" | "Moi" | "I" | "We" | "You"
    );
    (!speech).then_some(q)
}
