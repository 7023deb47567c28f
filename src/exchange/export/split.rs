//! Train/dev/test splits by article, so that no article's sentences leak across splits.
//!
//! An article goes to a split by a fixed function of `(seed, article id)`: the first eight
//! bytes of SHA-256 of `glose-split:<seed>:<article id>`, read as a big-endian integer and
//! divided by 2^64, give a number `u` in [0, 1); the article goes to the first split whose
//! cumulative ratio exceeds `u`. Adding articles never moves the others.

use crate::model::label::Label;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Named splits and their ratios, in the order given (`--split train=0.8,dev=0.1,test=0.1`).
#[derive(Debug, Clone, PartialEq)]
pub struct SplitSpec {
    pub parts: Vec<(String, f64)>,
}

impl std::str::FromStr for SplitSpec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts: Vec<(String, f64)> = Vec::new();
        for item in s.split(',') {
            let (name, ratio) = item
                .split_once('=')
                .ok_or_else(|| format!("`{item}` is not NAME=RATIO (e.g. train=0.8)"))?;
            let name = name.trim();
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                return Err(format!(
                    "split name `{name}` must be letters, digits, `_` or `-` (it becomes a file name)"
                ));
            }
            let ratio: f64 = ratio
                .trim()
                .parse()
                .map_err(|_| format!("split `{name}`: `{ratio}` is not a number"))?;
            if !(ratio > 0.0 && ratio <= 1.0) {
                return Err(format!(
                    "split `{name}`: ratio {ratio} must be above 0 and at most 1"
                ));
            }
            if parts.iter().any(|(n, _)| n == name) {
                return Err(format!("split `{name}` is named twice"));
            }
            parts.push((name.to_string(), ratio));
        }
        let sum: f64 = parts.iter().map(|p| p.1).sum();
        if (sum - 1.0).abs() > 1e-6 {
            return Err(format!(
                "split ratios sum to {sum}; they must sum to 1 (e.g. train=0.8,dev=0.1,test=0.1)"
            ));
        }
        Ok(SplitSpec { parts })
    }
}

/// The documented hash of an article id for a seed, in [0, 1).
pub fn unit_hash(seed: u64, article: &str) -> f64 {
    let d = Sha256::digest(format!("glose-split:{seed}:{article}").as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&d[..8]);
    u64::from_be_bytes(first) as f64 / 18_446_744_073_709_551_616.0
}

impl SplitSpec {
    /// The split (index into `parts`) of an article, from its hash alone.
    pub fn assign(&self, seed: u64, article: &str) -> usize {
        let u = unit_hash(seed, article);
        let mut acc = 0.0;
        for (i, (_, r)) in self.parts.iter().enumerate() {
            acc += r;
            if u < acc {
                return i;
            }
        }
        self.parts.len() - 1
    }

    /// Stratified assignment: articles are grouped by their most frequent label; within a
    /// group, in hash order, each article goes to the split furthest below its share of the
    /// group's rows. Balanced label mix per split, but adding an article can move others.
    /// `articles` maps article id → per-label row counts.
    pub fn assign_stratified(
        &self,
        seed: u64,
        articles: &BTreeMap<String, [usize; Label::COUNT]>,
    ) -> BTreeMap<String, usize> {
        let mut groups: BTreeMap<usize, Vec<(f64, &str, usize)>> = BTreeMap::new();
        for (id, counts) in articles {
            let total: usize = counts.iter().sum();
            let mut dominant = 0;
            for (i, &c) in counts.iter().enumerate() {
                if c > counts[dominant] {
                    dominant = i;
                }
            }
            groups
                .entry(dominant)
                .or_default()
                .push((unit_hash(seed, id), id, total));
        }
        let mut out = BTreeMap::new();
        for (_, mut members) in groups {
            members.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
            let total: usize = members.iter().map(|m| m.2).sum();
            let mut filled = vec![0usize; self.parts.len()];
            for (_, id, rows) in members {
                let pick = (0..self.parts.len())
                    .max_by(|&a, &b| {
                        let da = self.parts[a].1 * total as f64 - filled[a] as f64;
                        let db = self.parts[b].1 * total as f64 - filled[b] as f64;
                        da.total_cmp(&db).then(b.cmp(&a))
                    })
                    .unwrap_or(0);
                filled[pick] += rows;
                out.insert(id.to_string(), pick);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str) -> SplitSpec {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_refuses_clearly() {
        let s = spec("train=0.8,dev=0.1,test=0.1");
        assert_eq!(s.parts.len(), 3);
        assert!(
            "train=0.8,dev=0.1"
                .parse::<SplitSpec>()
                .unwrap_err()
                .contains("sum to")
        );
        assert!(
            "train=0.5,train=0.5"
                .parse::<SplitSpec>()
                .unwrap_err()
                .contains("twice")
        );
        assert!(
            "train"
                .parse::<SplitSpec>()
                .unwrap_err()
                .contains("NAME=RATIO")
        );
        assert!("a/b=1".parse::<SplitSpec>().is_err());
        assert!("train=x".parse::<SplitSpec>().is_err());
        assert!("train=1.5,dev=-0.5".parse::<SplitSpec>().is_err());
    }

    #[test]
    fn hash_is_the_documented_function() {
        // SHA-256("glose-split:0:a.txt"), first 8 bytes, over 2^64: computed independently.
        let d = Sha256::digest(b"glose-split:0:a.txt");
        let want = u64::from_be_bytes(d[..8].try_into().unwrap()) as f64 / 2f64.powi(64);
        assert_eq!(unit_hash(0, "a.txt"), want);
        assert_ne!(unit_hash(0, "a.txt"), unit_hash(1, "a.txt"));
        assert!((0.0..1.0).contains(&unit_hash(7, "x")));
    }

    #[test]
    fn ratios_are_roughly_respected_and_assignment_is_per_article() {
        let s = spec("train=0.8,dev=0.1,test=0.1");
        let mut n = [0usize; 3];
        for i in 0..10_000 {
            n[s.assign(42, &format!("art{i}.txt"))] += 1;
        }
        assert!((7700..8300).contains(&n[0]), "{n:?}");
        assert!((800..1200).contains(&n[1]), "{n:?}");
        assert_eq!(s.assign(42, "x.txt"), s.assign(42, "x.txt"));
    }

    #[test]
    fn stratified_balances_each_group() {
        let s = spec("train=0.5,test=0.5");
        let mut arts = BTreeMap::new();
        for i in 0..20usize {
            let counts = if i.is_multiple_of(2) {
                [10, 0, 0, 0]
            } else {
                [0, 0, 10, 0]
            };
            arts.insert(format!("a{i}"), counts);
        }
        let got = s.assign_stratified(3, &arts);
        let per = |dominant_even: bool, split: usize| {
            got.iter()
                .filter(|(id, sp)| {
                    let n: usize = id[1..].parse().unwrap();
                    n.is_multiple_of(2) == dominant_even && **sp == split
                })
                .count()
        };
        assert_eq!((per(true, 0), per(true, 1)), (5, 5));
        assert_eq!((per(false, 0), per(false, 1)), (5, 5));
        assert_eq!(got, s.assign_stratified(3, &arts));
    }
}
