//! Cue spans: opinion markers from the lexicon, plus the ones found by form — the
//! journalistic conditional, questions and exclamations in the author's voice, and the
//! author speaking in the first person.

use super::tokens::Tok;
use super::{Kind, Span};
use crate::nlp::lang::Lang;
use crate::nlp::lexicon::{Lexicon, flag};

fn span(start: usize, end: usize, rule: &'static str) -> Span {
    Span {
        start,
        end,
        kind: Kind::Cue,
        rule,
    }
}

/// Cue spans of a sentence; `quoted` tells whether a byte lies inside a quotation, whose
/// words belong to the source, not the author.
pub fn cues(
    text: &str,
    start: usize,
    end: usize,
    toks: &[Tok],
    lex: &Lexicon,
    quoted: &dyn Fn(usize) -> bool,
) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if quoted(t.start) {
            i += 1;
            continue;
        }
        if let Some((n, cue)) = t
            .stem_is(flag::CUE_FIRST)
            .then(|| lex.cues.longest_by(toks.len(), i, |j| toks[j].stem()))
            .flatten()
        {
            out.push(span(t.start, toks[i + n - 1].end, cue.rule()));
            i += n;
            continue;
        }
        if lex.lang == Lang::Fr
            && (t.norm.ends_with("rait") || t.norm.ends_with("raient"))
            && t.norm.chars().count() >= 6
            && !t.is(flag::NOT_CONDITIONAL)
        {
            out.push(span(t.start, t.end, "conditional"));
        } else if t.is(flag::FIRST_PERSON) && !t.is(flag::FUNCTION) {
            out.push(span(t.start, t.end, "first-person"));
        }
        i += 1;
    }
    let tail =
        text[..end].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '»' | '”' | '"'));
    for (mark, rule) in [('?', "question"), ('!', "exclamation")] {
        // A unit made only of closing marks must not reach back into the sentence before.
        if tail.len() > start && tail.ends_with(mark) && !quoted(tail.len() - 1) {
            out.push(span(tail.len() - 1, tail.len(), rule));
        }
    }
    out
}
