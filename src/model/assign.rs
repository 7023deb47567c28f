//! The assignment plan of double annotation: which annotators label which article. It
//! lives at the corpus root ([`PLAN_FILE`], one article a line so git merges it) and is
//! only ever extended: new articles and new annotators get work, no existing assignment
//! moves.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The plan's file name, at the corpus root beside `glose.ron`.
pub const PLAN_FILE: &str = "glose.assign.ron";

/// Largest plan file read (about a million articles).
pub const MAX_BYTES: u64 = 256 << 20;

/// Article id → its annotators, in the order they were given the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema: u32,
    #[serde(default)]
    pub articles: BTreeMap<String, Vec<String>>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            schema: 1,
            articles: BTreeMap::new(),
        }
    }
}

/// A plan that cannot be read, written or extended.
#[derive(Debug, thiserror::Error)]
pub enum AssignError {
    #[error("{}: {msg}", path.display())]
    File { path: PathBuf, msg: String },
    #[error("{0}")]
    Settings(String),
}

/// Plan text that does not parse, or two plans that cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// Not a plan: where and what.
    #[error("{line}:{col}: {msg}")]
    Syntax {
        line: usize,
        col: usize,
        msg: String,
    },
    /// Written by a newer glose.
    #[error("unknown plan schema {0} (this glose reads 1; upgrade glose)")]
    Schema(u32),
    /// Both sides gave the article different annotators.
    #[error(
        "article {id:?} was assigned differently on both sides ({ours} / {theirs}); run \
         `glose assign` on one side only"
    )]
    Conflict {
        id: String,
        ours: String,
        theirs: String,
    },
}

impl Plan {
    /// Parses plan text; the error says where and what.
    pub fn parse(text: &str) -> Result<Plan, PlanError> {
        let p: Plan = ron::from_str(text).map_err(|e| PlanError::Syntax {
            line: e.span.start.line,
            col: e.span.start.col,
            msg: e.code.to_string(),
        })?;
        if p.schema != 1 {
            return Err(PlanError::Schema(p.schema));
        }
        Ok(p)
    }

    /// The plan of the corpus at `root`; `None` when none was made yet.
    pub fn load(root: &Path) -> Result<Option<Plan>, AssignError> {
        let path = root.join(PLAN_FILE);
        let err = |msg: String| AssignError::File {
            path: path.clone(),
            msg,
        };
        let bytes = match crate::store::whole_file::read_path_meta(&path, MAX_BYTES) {
            Ok((b, _)) => b,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(e) => return Err(err(e.to_string())),
        };
        let text = std::str::from_utf8(&bytes).map_err(|e| err(format!("not UTF-8 ({e})")))?;
        Plan::parse(text).map(Some).map_err(|e| err(e.to_string()))
    }

    /// Writes the plan atomically at the corpus root.
    pub fn save(&self, root: &Path) -> Result<(), AssignError> {
        let path = root.join(PLAN_FILE);
        crate::store::atomic::write(&path, self.to_ron().as_bytes()).map_err(|e| {
            AssignError::File {
                path,
                msg: e.to_string(),
            }
        })
    }

    /// The file text: one article a line, sorted, so two plans extended apart merge.
    pub fn to_ron(&self) -> String {
        let lit = |s: &str| ron::to_string(s).unwrap_or_default();
        let mut out = format!("(\n  schema: {},\n  articles: {{\n", self.schema);
        for (id, names) in &self.articles {
            let names: Vec<String> = names.iter().map(|n| lit(n)).collect();
            out.push_str(&format!("    {}: [{}],\n", lit(id), names.join(", ")));
        }
        out.push_str("  },\n)\n");
        out
    }

    /// The articles given to `who`, in corpus order: an annotator's queue.
    pub fn queue(&self, who: &str) -> Vec<&str> {
        self.articles
            .iter()
            .filter(|(_, names)| names.iter().any(|n| n == who))
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// The article of `who`'s queue to open after `current` (the queue's first when
    /// `current` is `None` or not in it), skipping those `finished` says are done and
    /// wrapping around; `None` when every queued article is finished.
    pub fn next_in_queue(
        &self,
        who: &str,
        current: Option<&str>,
        finished: impl Fn(&str) -> bool,
    ) -> Option<&str> {
        let queue = self.queue(who);
        let start = current
            .and_then(|c| queue.iter().position(|q| *q == c))
            .map_or(0, |i| i + 1);
        (0..queue.len())
            .map(|k| queue[(start + k) % queue.len()])
            .find(|id| Some(*id) != current && !finished(id))
    }

    /// Whether `who` was given article `id`.
    pub fn is_assigned(&self, id: &str, who: &str) -> bool {
        self.articles
            .get(id)
            .is_some_and(|names| names.iter().any(|n| n == who))
    }

    /// How many articles each annotator has.
    pub fn loads(&self) -> BTreeMap<&str, usize> {
        let mut loads = BTreeMap::new();
        for n in self.articles.values().flatten() {
            *loads.entry(n.as_str()).or_default() += 1;
        }
        loads
    }

    /// Gives every article of `articles` `per_article` distinct annotators of
    /// `annotators`, keeping what the plan already says: an article short of annotators
    /// gets the least loaded ones, ties broken by a hash of `seed`, the article and the
    /// name (so the same inputs always give the same plan). Loads stay within one of each
    /// other while the annotators stay the same; a newly added annotator takes new
    /// articles first. Returns how many assignments were added.
    pub fn extend(
        &mut self,
        articles: &[String],
        annotators: &[String],
        per_article: usize,
        seed: u64,
    ) -> Result<usize, AssignError> {
        if per_article == 0 || per_article > annotators.len() {
            return Err(AssignError::Settings(format!(
                "--per-article {per_article} needs between 1 and the {} annotator(s) given",
                annotators.len()
            )));
        }
        let mut loads: BTreeMap<String, usize> =
            annotators.iter().map(|a| (a.clone(), 0)).collect();
        for (n, c) in self.loads() {
            if let Some(l) = loads.get_mut(n) {
                *l = c;
            }
        }
        let mut added = 0;
        for id in articles {
            let have = self.articles.entry(id.clone()).or_default();
            let need = per_article.saturating_sub(have.len());
            if need == 0 {
                continue;
            }
            let mut free: Vec<&String> = annotators.iter().filter(|a| !have.contains(a)).collect();
            free.sort_by_key(|a| (loads[*a], tie(seed, id, a)));
            for a in free.into_iter().take(need) {
                have.push(a.clone());
                *loads.entry(a.clone()).or_default() += 1;
                added += 1;
            }
        }
        Ok(added)
    }
}

/// A stable pseudo-random rank of `name` for article `id` under `seed`.
fn tie(seed: u64, id: &str, name: &str) -> u64 {
    let mut h = Sha256::new();
    h.update(seed.to_le_bytes());
    h.update(id.as_bytes());
    h.update([0]);
    h.update(name.as_bytes());
    let d = h.finalize();
    u64::from_le_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
}

/// Three-way merge of two plans extended apart: each article's list is taken from the
/// side that changed it; an article both sides gave different annotators is a conflict
/// (the error names it), since taking either would move an assignment.
pub fn merge_plans(base: &Plan, ours: &Plan, theirs: &Plan) -> Result<Plan, PlanError> {
    let mut out = ours.clone();
    for (id, t) in &theirs.articles {
        let (b, o, t) = (base.articles.get(id), ours.articles.get(id), Some(t));
        if o == t || t == b {
            continue;
        }
        if o != b {
            return Err(PlanError::Conflict {
                id: id.clone(),
                ours: o.map(|v| v.join(",")).unwrap_or_default(),
                theirs: t.map(|v| v.join(",")).unwrap_or_default(),
            });
        }
        out.articles
            .insert(id.clone(), t.cloned().unwrap_or_default());
    }
    Ok(out)
}

/// One annotator's share of the plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Articles given to them.
    pub assigned: usize,
    /// Of those, articles with at least one of their labels.
    pub labeled: usize,
    /// Of those, articles with every sentence labeled by them.
    pub fully_labeled: usize,
    /// Of those, articles they marked done.
    pub done: usize,
}

/// Where a team stands against its plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub per_annotator: BTreeMap<String, Counts>,
    /// Planned articles whose annotators have all labeled every sentence: ready for
    /// review.
    pub ready_for_review: usize,
    /// Planned articles every assigned annotator marked done.
    pub done_by_all: usize,
    /// Articles in the plan.
    pub planned: usize,
}

/// The plan's progress, from each article's sentence count and labels per annotator
/// (`(id, sentences, labels by name, document status by name)`, as the corpus index has
/// them).
pub fn progress<'a>(
    plan: &Plan,
    articles: impl IntoIterator<
        Item = (
            &'a str,
            usize,
            &'a BTreeMap<String, usize>,
            &'a BTreeMap<String, crate::model::sidecar::DocStatus>,
        ),
    >,
) -> Progress {
    let mut p = Progress {
        planned: plan.articles.len(),
        ..Progress::default()
    };
    for names in plan.articles.values() {
        for n in names {
            p.per_annotator.entry(n.clone()).or_default().assigned += 1;
        }
    }
    for (id, sentences, labeled, status) in articles {
        let Some(names) = plan.articles.get(id) else {
            continue;
        };
        let mut all = !names.is_empty() && sentences > 0;
        let mut all_done = !names.is_empty();
        for n in names {
            let done = labeled.get(n).copied().unwrap_or(0);
            let c = p.per_annotator.entry(n.clone()).or_default();
            if matches!(
                status.get(n),
                Some(crate::model::sidecar::DocStatus::Done { .. })
            ) {
                c.done += 1;
            } else {
                all_done = false;
            }
            if done > 0 {
                c.labeled += 1;
            }
            if sentences > 0 && done >= sentences {
                c.fully_labeled += 1;
            } else {
                all = false;
            }
        }
        if all {
            p.ready_for_review += 1;
        }
        if all_done {
            p.done_by_all += 1;
        }
    }
    p
}

#[cfg(test)]
mod tests;
