//! Suggested labels: a label, how sure, and why. Never saved unless the annotator accepts.

use crate::label::Label;

/// A suggestion for one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub label: Label,
    /// 0.0 – 1.0.
    pub confidence: f32,
    /// Short human-readable reasons (rules and spans that decided).
    pub reasons: Vec<String>,
    /// Which model made it (`rules`, or the learned model's name).
    pub model: &'static str,
}
