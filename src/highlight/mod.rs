//! Spans inside a sentence that show why it leans one way: sources (attributions and
//! quotations), claims (check-worthy facts) and cues (opinion markers).

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

/// One highlighted span: `[start, end)` byte offsets into the article text, and the rule
/// that produced it (shown to the annotator as a reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub rule: &'static str,
}

/// Highlights of the sentence `text[start..end]`. Offsets in the result are into `text`.
pub fn highlight(text: &str, start: usize, end: usize) -> Vec<Span> {
    let _ = (text, start, end);
    Vec::new()
}
