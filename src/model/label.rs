//! The four sentence labels of the annotation guidelines.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Who vouches for a sentence: the author as fact, a cited source, the author's judgment, or
/// nobody (not a sentence of the article).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    Factual,
    Quote,
    Opinion,
    Skip,
}

impl Label {
    /// Every label, in the order used for tables and matrices.
    pub const ALL: [Label; 4] = [Label::Factual, Label::Quote, Label::Opinion, Label::Skip];

    /// Lower-case name used in exports, JSON and the command line.
    pub fn name(self) -> &'static str {
        match self {
            Label::Factual => "factual",
            Label::Quote => "quote",
            Label::Opinion => "opinion",
            Label::Skip => "skip",
        }
    }

    /// One-letter mark for gutters and narrow columns, readable without colour.
    pub fn letter(self) -> char {
        match self {
            Label::Factual => 'F',
            Label::Quote => 'Q',
            Label::Opinion => 'O',
            Label::Skip => 'S',
        }
    }

    /// Position in [`Label::ALL`], for count arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A label name that glose does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown label `{0}` (expected factual, quote, opinion or skip)")]
pub struct UnknownLabel(pub String);

impl FromStr for Label {
    type Err = UnknownLabel;

    /// Accepts the lower-case names, the capitalised RON variants and the one-letter marks.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "factual" | "f" | "fact" => Ok(Label::Factual),
            "quote" | "q" => Ok(Label::Quote),
            "opinion" | "o" => Ok(Label::Opinion),
            "skip" | "s" => Ok(Label::Skip),
            _ => Err(UnknownLabel(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_letters_are_distinct() {
        for l in Label::ALL {
            assert_eq!(l.name().parse::<Label>().unwrap(), l);
            assert_eq!(l.letter().to_string().parse::<Label>().unwrap(), l);
            assert_eq!(Label::ALL[l.index()], l);
        }
        assert!("neutral".parse::<Label>().is_err());
        assert_eq!("Quote".parse::<Label>().unwrap(), Label::Quote);
    }
}
