//! Spans inside a sentence that show why it leans one way: sources (attributions and
//! quotations), claims (check-worthy facts) and cues (opinion markers). Surface rules over
//! the lexicons; no parser, so the rules are fast enough to run on every redraw.

mod claim;
pub mod cue;
mod event;
pub mod imperative;
pub mod predicative;
pub mod quotes;
mod senses;
mod source;
pub mod tokens;

use crate::nlp::lang::{self, Lang};
use crate::nlp::lexicon::Lexicon;
use std::sync::OnceLock;

pub use source::SCARE_MAX_WORDS;

/// What a highlighted span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// An attribution (reporting verb with its source, `selon X`) or a quotation with its
    /// marks.
    Source,
    /// A check-worthy figure, date, amount, place or organisation tied to an event.
    Claim,
    /// An opinion marker: evaluative word, intensifier, hedge, conditional, call to action.
    Cue,
}

impl Kind {
    /// Lower-case name for JSON and the status line.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Claim => "claim",
            Kind::Cue => "cue",
        }
    }
}

/// One highlighted span: `[start, end)` byte offsets into the article text, and the rule
/// that produced it (shown to the annotator as a reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub rule: &'static str,
}

impl Span {
    /// Source spans that attribute content to someone (not scare quotes).
    pub fn is_attribution(&self) -> bool {
        self.kind == Kind::Source && self.rule != "scare-quote"
    }
}

/// Highlights of the sentence `text[start..end]` with the built-in lexicon of the
/// sentence's language. Offsets in the result are into `text`.
pub fn highlight(text: &str, start: usize, end: usize) -> Vec<Span> {
    static LEX: OnceLock<[Lexicon; 2]> = OnceLock::new();
    let lex = LEX.get_or_init(|| [Lexicon::builtin(Lang::Fr), Lexicon::builtin(Lang::En)]);
    let l = match lang::detect(&text[start..end]) {
        Lang::Fr => &lex[0],
        Lang::En => &lex[1],
    };
    spans(l, text, start, end)
}

/// Highlights of `text[start..end]` with a given lexicon, sorted by start. Source spans
/// win over claims; cues are not looked for inside quotations (their words belong to the
/// source).
pub fn spans(lex: &Lexicon, text: &str, start: usize, end: usize) -> Vec<Span> {
    if start >= end || end > text.len() {
        return Vec::new();
    }
    let toks = tokens::tokenize(lex, text, start, end);
    spans_of(lex, text, start, end, &toks)
}

/// Same, with the sentence's words already tokenized (`tokens::tokenize`).
pub fn spans_of(
    lex: &Lexicon,
    text: &str,
    start: usize,
    end: usize,
    toks: &[tokens::Tok],
) -> Vec<Span> {
    if start >= end || end > text.len() {
        return Vec::new();
    }
    let qs = quotes::find(text, start, end);
    let mut out = source::quotation_spans(text, toks, &qs, lex);
    for a in source::attributions(text, end, toks, &qs, lex) {
        if !out.iter().any(|s| overlaps(s, &a)) {
            out.push(a);
        }
    }
    // Titles are the name of a work: their words are not the author's cues either.
    let titles: Vec<&quotes::Quote> = qs
        .iter()
        .filter(|q| source::is_title(text, toks, q, lex))
        .collect();
    let quoted = |at: usize| {
        qs.iter()
            .any(|q| (q.continued || q.words > SCARE_MAX_WORDS) && q.start <= at && at < q.end)
            || titles.iter().any(|q| q.start <= at && at < q.end)
    };
    for c in claim::claims(text, toks, lex) {
        if !out.iter().any(|s| overlaps(s, &c)) {
            out.push(c);
        }
    }
    // Event clauses only where no narrower claim or source already explains the text.
    for c in event::events(text, toks, lex) {
        if !out.iter().any(|s| overlaps(s, &c)) {
            out.push(c);
        }
    }
    let dated = out.iter().any(|s| s.rule == "date");
    out.extend(cue::cues(text, start, end, toks, lex, &quoted, dated));
    out.sort_by_key(|s| (s.start, s.end));
    out
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}
