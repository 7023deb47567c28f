//! The rules' confidences: for each way the rules decide, the share of such suggestions
//! that were right on labeled data (the public French dev set and the sample corpus's
//! gold, 827 sentences pooled; counts in the comments), so that a confidence of 0.7 is
//! right about 70 % of the time. Paths seen fewer than 10 times keep a rounded-down
//! guess. How they were measured is in `docs/highlighting.md` ("Confidence").

/// A banner line (cookies, `Lire la suite`): 8 of 9.
pub const SKIP_BANNER: f32 = 0.89;
/// Any other unit skipped by its shape (heading, byline, list item, dateline): 35 of 40.
pub const SKIP_SHAPE: f32 = 0.87;
/// A line continuing an attributed introduction that ends in `:` (seen once).
pub const QUOTE_CONTINUES: f32 = 0.6;
/// Cue score at or above [`super::OPINION_AT`]: 114 of 162.
pub const OPINION_STRONG: f32 = 0.70;
/// A weaker cue score in a sentence without claims: 35 of 62.
pub const OPINION_WEAK: f32 = 0.56;
/// No attribution, no opinion cue, one claim span: 116 of 145.
pub const FACTUAL_CLAIM: f32 = 0.80;
/// The same with two claim spans or more: 79 of 90.
pub const FACTUAL_CLAIMS: f32 = 0.88;
/// No attribution, cues too weak to count, no claim: 7 of 11.
pub const FACTUAL_WEAK_CUE: f32 = 0.64;
/// No attribution, no cue, no claim: plain narrative or description, 148 of 211.
pub const FACTUAL_PLAIN: f32 = 0.70;

/// A quote decided by the attribution rule `rule` (the surest one of the sentence).
pub fn quote(rule: &str) -> f32 {
    match rule {
        // 27 of 30 quotations; the inverted clauses (2 of 2) and `selon` (7 of 7) are
        // too few to be surer than a quotation.
        "quotation" | "inverted-attribution" | "inverted-pronoun" | "according-to" => 0.9,
        // Subject + reporting verb: 37 of 47.
        "attribution" => 0.79,
        // 4 of 6 each.
        "opinion-holder" | "passive-attribution" => 0.67,
        _ => 0.65,
    }
}
