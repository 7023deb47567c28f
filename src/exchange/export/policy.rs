//! Which label a unit gets in the training set, and why a unit is left out.

use super::units::Unit;
use crate::model::annotator::GOLD;
use crate::model::label::Label;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// How the exported label is chosen (`--labels`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Policy {
    /// The adjudicated `gold` label; units without one are left out.
    Gold,
    /// The most frequent label among the annotators other than `gold`; ties are left out.
    #[default]
    Majority,
    /// One annotator's label.
    Annotator(String),
    /// One row per annotator label (`gold` included).
    All,
}

impl FromStr for Policy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "gold" => Ok(Policy::Gold),
            "majority" => Ok(Policy::Majority),
            "all" => Ok(Policy::All),
            _ => match s.strip_prefix("annotator=") {
                Some(name) => crate::model::annotator::Annotator::new(name)
                    .map(|a| Policy::Annotator(a.to_string()))
                    .map_err(|e| e.to_string()),
                None => Err(format!(
                    "unknown label policy `{s}` (expected gold, majority, annotator=NAME or all)"
                )),
            },
        }
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Policy::Gold => f.write_str("gold"),
            Policy::Majority => f.write_str("majority"),
            Policy::Annotator(n) => write!(f, "annotator={n}"),
            Policy::All => f.write_str("all"),
        }
    }
}

/// Why a candidate row was left out; the summary counts each reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Drop {
    /// The policy's source has no label on this unit (no gold, not that annotator's).
    NoLabel,
    /// Two or more labels share the highest count.
    Tie,
    /// `skip` without `--include-skip`.
    Skip,
    /// Agreement below `--min-agreement`.
    LowAgreement,
    /// The same text was already exported from an earlier unit (`--dedupe`).
    Duplicate,
}

impl Drop {
    pub const ALL: [Drop; 5] = [
        Drop::NoLabel,
        Drop::Tie,
        Drop::Skip,
        Drop::LowAgreement,
        Drop::Duplicate,
    ];

    /// Stable key for the manifest.
    pub fn key(self) -> &'static str {
        match self {
            Drop::NoLabel => "no_label_under_policy",
            Drop::Tie => "tie",
            Drop::Skip => "skip",
            Drop::LowAgreement => "below_min_agreement",
            Drop::Duplicate => "duplicate_text",
        }
    }

    /// What the summary table says.
    pub fn explain(self) -> &'static str {
        match self {
            Drop::NoLabel => "no label from the chosen source (--labels)",
            Drop::Tie => "tie between annotators",
            Drop::Skip => "labeled skip (add --include-skip to keep them)",
            Drop::LowAgreement => "agreement below --min-agreement",
            Drop::Duplicate => "repeated sentence text (--dedupe)",
        }
    }
}

/// Who the exported label comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Gold,
    Majority,
    Annotator(Arc<str>),
}

impl Source {
    pub fn as_str(&self) -> &str {
        match self {
            Source::Gold => GOLD,
            Source::Majority => "majority",
            Source::Annotator(n) => n,
        }
    }
}

/// One label chosen for a unit, before skip and agreement filters.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub label: Label,
    pub source: Source,
    /// Share of the voting annotators whose label is `label`.
    pub agreement: f64,
}

/// The annotators whose labels count for agreement and majority: everyone but `gold`,
/// or `gold` alone when nobody else labeled the unit.
fn voters(unit: &Unit) -> impl Iterator<Item = Label> + '_ {
    let humans = unit.votes.iter().any(|(n, _)| &**n != GOLD);
    unit.votes
        .iter()
        .filter(move |(n, _)| !humans || &**n != GOLD)
        .map(|(_, l)| *l)
}

/// Share of the voters that gave `label` (1 when nobody voted).
pub fn agreement(unit: &Unit, label: Label) -> f64 {
    let (mut n, mut same) = (0usize, 0usize);
    for l in voters(unit) {
        n += 1;
        same += usize::from(l == label);
    }
    if n == 0 { 1.0 } else { same as f64 / n as f64 }
}

/// The labels the policy picks for a unit (several only for [`Policy::All`]), or why none.
pub fn choose(policy: &Policy, unit: &Unit) -> Result<Vec<Choice>, Drop> {
    let vote_of = |name: &str| unit.votes.iter().find(|(n, _)| &**n == name);
    match policy {
        Policy::Gold => {
            let (_, l) = vote_of(GOLD).ok_or(Drop::NoLabel)?;
            Ok(vec![Choice {
                label: *l,
                source: Source::Gold,
                agreement: agreement(unit, *l),
            }])
        }
        Policy::Annotator(name) => {
            let (n, l) = vote_of(name).ok_or(Drop::NoLabel)?;
            Ok(vec![Choice {
                label: *l,
                source: Source::Annotator(n.clone()),
                agreement: agreement(unit, *l),
            }])
        }
        Policy::Majority => {
            let mut counts = [0usize; Label::COUNT];
            for (n, l) in &unit.votes {
                if &**n != GOLD {
                    counts[l.index()] += 1;
                }
            }
            let top = counts.iter().copied().max().unwrap_or(0);
            if top == 0 {
                return Err(Drop::NoLabel);
            }
            let mut best = Label::ALL.iter().filter(|l| counts[l.index()] == top);
            let label = *best.next().ok_or(Drop::NoLabel)?;
            if best.next().is_some() {
                return Err(Drop::Tie);
            }
            Ok(vec![Choice {
                label,
                source: Source::Majority,
                agreement: agreement(unit, label),
            }])
        }
        Policy::All => Ok(unit
            .votes
            .iter()
            .map(|(n, l)| Choice {
                label: *l,
                source: Source::Annotator(n.clone()),
                agreement: agreement(unit, *l),
            })
            .collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(votes: &[(&str, Label)]) -> Unit {
        Unit {
            article: Arc::from("a.txt"),
            index: 0,
            start: 0,
            end: 3,
            char_start: 0,
            char_end: 3,
            text: "Un.".into(),
            votes: votes.iter().map(|(n, l)| (Arc::from(*n), *l)).collect(),
            notes: vec![],
            context_before: vec![],
            context_after: vec![],
        }
    }

    use Label::*;

    #[test]
    fn majority_ignores_gold_and_drops_ties() {
        let u = unit(&[
            ("a", Quote),
            ("b", Quote),
            ("c", Opinion),
            ("gold", Opinion),
        ]);
        let c = choose(&Policy::Majority, &u).unwrap();
        assert_eq!(c[0].label, Quote);
        assert!((c[0].agreement - 2.0 / 3.0).abs() < 1e-9);
        let tie = unit(&[("a", Quote), ("b", Opinion)]);
        assert_eq!(choose(&Policy::Majority, &tie), Err(Drop::Tie));
        let only_gold = unit(&[("gold", Quote)]);
        assert_eq!(choose(&Policy::Majority, &only_gold), Err(Drop::NoLabel));
    }

    #[test]
    fn gold_and_annotator_policies_take_that_column() {
        let u = unit(&[("a", Quote), ("b", Factual), ("gold", Factual)]);
        let g = choose(&Policy::Gold, &u).unwrap();
        assert_eq!((g[0].label, g[0].source.as_str()), (Factual, "gold"));
        assert_eq!(g[0].agreement, 0.5);
        let a = choose(&"annotator=a".parse().unwrap(), &u).unwrap();
        assert_eq!((a[0].label, a[0].source.as_str()), (Quote, "a"));
        assert_eq!(
            choose(&"annotator=zoe".parse().unwrap(), &u),
            Err(Drop::NoLabel)
        );
        assert_eq!(
            choose(&Policy::Gold, &unit(&[("a", Quote)])),
            Err(Drop::NoLabel)
        );
        // Gold alone agrees with itself.
        assert_eq!(
            choose(&Policy::Gold, &unit(&[("gold", Skip)])).unwrap()[0].agreement,
            1.0
        );
    }

    #[test]
    fn all_gives_one_choice_per_vote() {
        let u = unit(&[("a", Quote), ("b", Factual), ("gold", Factual)]);
        let all = choose(&Policy::All, &u).unwrap();
        let got: Vec<_> = all.iter().map(|c| (c.source.as_str(), c.label)).collect();
        assert_eq!(got, [("a", Quote), ("b", Factual), ("gold", Factual)]);
    }

    #[test]
    fn policy_names_parse_and_print_back() {
        for s in ["gold", "majority", "all", "annotator=alice"] {
            assert_eq!(s.parse::<Policy>().unwrap().to_string(), s);
        }
        assert!("annotator=a/b".parse::<Policy>().is_err());
        assert!("best".parse::<Policy>().unwrap_err().contains("majority"));
    }
}
