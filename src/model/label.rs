//! The four sentence labels of the annotation guidelines, as one table.
//!
//! The variant names are the only place a label's stored name is written: serde's derive
//! writes them into sidecars, [`Label::RON_NAMES`] (derived from the same identifiers) is what
//! the sidecar writer and its fast reader use. [`Label::COUNT`] is counted from the variants
//! by the compiler, so every table of length `Label::COUNT` in this file and elsewhere stops
//! compiling when a label is added until it has a row for it.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use strum::{EnumCount, VariantNames};

/// Who vouches for a sentence: the author as fact, a cited source, the author's judgment, or
/// nobody (not a sentence of the article).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    EnumCount,
    VariantNames,
)]
pub enum Label {
    Factual,
    Quote,
    Opinion,
    Skip,
}

impl Label {
    /// How many labels there are, counted from the variants.
    pub const COUNT: usize = <Label as EnumCount>::COUNT;

    /// Every label, in the order used for tables and matrices (the declaration order).
    pub const ALL: [Label; Label::COUNT] =
        [Label::Factual, Label::Quote, Label::Opinion, Label::Skip];

    /// The names sidecars store (the variant identifiers, as serde writes them).
    pub const RON_NAMES: [&'static str; Label::COUNT] =
        fixed_names(<Label as VariantNames>::VARIANTS);

    /// Lower-case names used in exports, JSON and the command line.
    const NAMES: [&'static str; Label::COUNT] = ["factual", "quote", "opinion", "skip"];

    /// One-letter marks for gutters and narrow columns, readable without colour.
    const LETTERS: [char; Label::COUNT] = ['F', 'Q', 'O', 'S'];

    /// One line each, from the annotation guidelines.
    const DESCRIPTIONS: [&'static str; Label::COUNT] = [
        "the author states it as fact",
        "a cited source says it",
        "the author's own judgment",
        "not a sentence of the article",
    ];

    /// Lower-case name used in exports, JSON and the command line.
    pub const fn name(self) -> &'static str {
        Label::NAMES[self.index()]
    }

    /// One-letter mark for gutters and narrow columns, readable without colour.
    pub const fn letter(self) -> char {
        Label::LETTERS[self.index()]
    }

    /// What the label means, in one line.
    pub const fn description(self) -> &'static str {
        Label::DESCRIPTIONS[self.index()]
    }

    /// The name sidecars store.
    pub const fn ron_name(self) -> &'static str {
        Label::RON_NAMES[self.index()]
    }

    /// Position in [`Label::ALL`], for count arrays.
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// strum's variant names as an array of the enum's count (evaluated at compile time, so a
/// disagreement is a compile error).
pub(crate) const fn fixed_names<const N: usize>(names: &[&'static str]) -> [&'static str; N] {
    assert!(names.len() == N);
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = names[i];
        i += 1;
    }
    out
}

// `ALL` lists the variants in declaration order, so `index` and `ALL` agree.
const _: () = {
    let mut i = 0;
    while i < Label::COUNT {
        assert!(Label::ALL[i] as usize == i);
        i += 1;
    }
};

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A label name that glose does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown label `{0}` (expected {names})", names = expected())]
pub struct UnknownLabel(pub String);

/// "factual, quote, opinion or skip".
fn expected() -> String {
    let (last, rest) = Label::NAMES.split_last().unwrap_or((&"", &[]));
    format!("{} or {last}", rest.join(", "))
}

impl FromStr for Label {
    type Err = UnknownLabel;

    /// Accepts the lower-case names, the capitalised RON variants, the one-letter marks and
    /// `fact`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("fact") {
            return Ok(Label::Factual);
        }
        Label::ALL
            .into_iter()
            .find(|l| {
                t.eq_ignore_ascii_case(l.name())
                    || (t.chars().count() == 1
                        && t.chars().all(|c| c.eq_ignore_ascii_case(&l.letter())))
            })
            .ok_or_else(|| UnknownLabel(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_letters_are_distinct() {
        for l in Label::ALL {
            assert_eq!(l.name().parse::<Label>().unwrap(), l);
            assert_eq!(l.ron_name().parse::<Label>().unwrap(), l);
            assert_eq!(l.letter().to_string().parse::<Label>().unwrap(), l);
            assert_eq!(
                l.letter().to_ascii_lowercase().to_string().parse::<Label>(),
                Ok(l)
            );
            assert_eq!(Label::ALL[l.index()], l);
        }
        let mut letters = Label::LETTERS.to_vec();
        letters.sort();
        letters.dedup();
        assert_eq!(letters.len(), Label::COUNT);
        assert!("neutral".parse::<Label>().is_err());
        assert_eq!("Quote".parse::<Label>().unwrap(), Label::Quote);
        assert_eq!("fact".parse::<Label>().unwrap(), Label::Factual);
        assert_eq!(
            "x".parse::<Label>().unwrap_err().to_string(),
            "unknown label `x` (expected factual, quote, opinion or skip)"
        );
    }

    #[test]
    fn serde_writes_the_ron_names() {
        for l in Label::ALL {
            assert_eq!(ron::to_string(&l).unwrap(), l.ron_name());
            assert_eq!(ron::from_str::<Label>(l.ron_name()).unwrap(), l);
        }
    }
}
