//! The rules' confidences: for each way the rules decide, the share of such suggestions
//! that were right on labeled data (the public French dev set and the sample corpus's
//! gold, pooled), so that a confidence of 0.7 is right about 70 % of the time. How they
//! were measured is in `docs/highlighting.md` ("Confidence").

/// A banner line (cookies, `Lire la suite`).
pub const SKIP_BANNER: f32 = 0.95;
/// Any other unit skipped by its shape (heading, byline, list item, dateline).
pub const SKIP_SHAPE: f32 = 0.8;
/// A line continuing an attributed introduction that ends in `:`.
pub const QUOTE_CONTINUES: f32 = 0.6;
/// Cue score at or above [`super::OPINION_AT`].
pub const OPINION_STRONG: f32 = 0.6;
/// A weaker cue score in a sentence without claims.
pub const OPINION_WEAK: f32 = 0.5;
/// No attribution, no opinion cue, at least one claim span.
pub const FACTUAL_CLAIM: f32 = 0.8;
/// No attribution, cues too weak to count, no claim.
pub const FACTUAL_WEAK_CUE: f32 = 0.6;
/// No attribution, no cue, no claim: plain narrative or description.
pub const FACTUAL_PLAIN: f32 = 0.7;

/// A quote decided by the attribution rule `rule` (the surest one of the sentence).
pub fn quote(rule: &str) -> f32 {
    match rule {
        "quotation" | "inverted-attribution" | "inverted-pronoun" => 0.9,
        "according-to" => 0.85,
        "attribution" => 0.75,
        "opinion-holder" | "passive-attribution" => 0.7,
        _ => 0.65,
    }
}
