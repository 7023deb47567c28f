//! The rules' confidences: for each way the rules decide, the share of such suggestions
//! that were right on labeled data, so that a confidence of 0.7 is right about 70 % of the
//! time. Measured on the public French dev set (570 sentences of web text, 69 % factual)
//! and the sample corpus's gold (257 sentences of op-eds and news, 50 % opinion): each
//! comment gives `right of decided` on each set, then pooled. Paths seen fewer than 10
//! times keep a rounded-down guess. How to measure them again is in `docs/suggestions.md`.

/// A banner line (cookies, `Lire la suite`): dev 0 of 1, sample 8 of 8; 8 of 9.
pub const SKIP_BANNER: f32 = 0.85;
/// Any other unit skipped by its shape (heading, byline, list item, dateline): dev 2 of
/// 6, sample 33 of 34; 35 of 40.
pub const SKIP_SHAPE: f32 = 0.87;
/// A line continuing an attributed introduction that ends in `:` (seen once, right).
pub const QUOTE_CONTINUES: f32 = 0.6;
/// Cue score at or above [`super::OPINION_AT`]: dev 66 of 103, sample 69 of 75; 135 of
/// 178.
pub const OPINION_STRONG: f32 = 0.76;
/// A weaker cue score in a sentence without claims: dev 13 of 39, sample 30 of 34; 43 of
/// 73.
pub const OPINION_WEAK: f32 = 0.58;
/// No attribution, no opinion cue, one claim span: dev 108 of 126, sample 9 of 20; 117
/// of 146.
pub const FACTUAL_CLAIM: f32 = 0.8;
/// The same with two claim spans or more: dev 75 of 80, sample 4 of 4; 79 of 84.
pub const FACTUAL_CLAIMS: f32 = 0.94;
/// No attribution, cues too weak to count, no claim: dev 5 of 7, sample 2 of 3; 7 of 10.
pub const FACTUAL_WEAK_CUE: f32 = 0.7;
/// No attribution, no cue, no claim: plain narrative or description, dev 146 of 169,
/// sample 3 of 18 (the op-eds' uncued opinions); 149 of 187.
pub const FACTUAL_PLAIN: f32 = 0.79;

/// A quote decided by the attribution rule `rule` (the surest one of the sentence).
pub fn quote(rule: &str) -> f32 {
    match rule {
        // Quotations, inverted clauses and `selon`: dev 11 of 14, sample 29 of 29; 40 of
        // 43.
        "quotation" | "inverted-attribution" | "inverted-pronoun" | "according-to" => 0.93,
        // A turn of an interview transcript (`Q: …`, `A: …`): English fixture 13 of 13,
        // rounded down.
        "speaker-label" => 0.9,
        // Subject + reporting verb: dev 15 of 22, sample 21 of 24; 36 of 46.
        "attribution" => 0.78,
        // The others (an opinion holder, a passive `annoncé par`): dev 2 of 3, sample 4 of
        // 7; 6 of 10.
        _ => 0.6,
    }
}
