//! Cue spans: opinion markers from the lexicon, plus the ones found by form — the
//! journalistic conditional, questions and exclamations in the author's voice, and the
//! author speaking in the first person.

use super::tokens::Tok;
use super::{Kind, Span};
use crate::lang::Lang;
use crate::lexicon::Lexicon;

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
    end: usize,
    toks: &[Tok],
    lex: &Lexicon,
    quoted: &dyn Fn(usize) -> bool,
) -> Vec<Span> {
    let stems: Vec<&str> = toks.iter().map(|t| t.stem()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if quoted(t.start) {
            i += 1;
            continue;
        }
        if let Some((n, cue)) = lex.cues.longest_at(&stems, i) {
            out.push(span(t.start, toks[i + n - 1].end, cue.rule()));
            i += n;
            continue;
        }
        if lex.lang == Lang::Fr
            && (t.norm.ends_with("rait") || t.norm.ends_with("raient"))
            && t.norm.chars().count() >= 6
            && !lex.not_conditional.contains(&t.norm)
        {
            out.push(span(t.start, t.end, "conditional"));
        } else if lex.first_person.contains(&t.norm) && !lex.function_words.contains(&t.norm) {
            out.push(span(t.start, t.end, "first-person"));
        }
        i += 1;
    }
    let tail =
        text[..end].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '»' | '”' | '"'));
    for (mark, rule) in [('?', "question"), ('!', "exclamation")] {
        if let Some(p) = tail.rfind(mark)
            && p + 1 == tail.len()
            && !quoted(p)
        {
            out.push(span(p, p + 1, rule));
        }
    }
    out
}
