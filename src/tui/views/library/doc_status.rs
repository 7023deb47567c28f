//! Document status in the library: the column (this annotator's done or flag mark, or in
//! review how many assigned annotators are done) and the filter `status-filter` cycles.

use crate::model::annotator::Annotator;
use crate::model::sidecar::DocStatus;
use crate::tui::views::library::Library;

/// Which articles the library shows, by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    Done,
    Flagged,
    NotDone,
}

impl StatusFilter {
    /// The next filter of the cycle.
    pub fn next(self) -> StatusFilter {
        match self {
            StatusFilter::All => StatusFilter::Done,
            StatusFilter::Done => StatusFilter::Flagged,
            StatusFilter::Flagged => StatusFilter::NotDone,
            StatusFilter::NotDone => StatusFilter::All,
        }
    }

    /// Shown in the status bar and messages.
    pub fn name(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Done => "done",
            StatusFilter::Flagged => "flagged",
            StatusFilter::NotDone => "not done",
        }
    }
}

impl Library {
    /// The annotators assigned to entry `e`: the assignment plan's, or without a plan
    /// everyone with labels or a mark there (gold aside).
    pub fn assigned(&self, e: usize) -> Vec<String> {
        let info = &self.infos[e];
        if let Some(list) = self.plan.as_ref().and_then(|p| p.articles.get(&info.id)) {
            return list.clone();
        }
        let mut who: Vec<String> = info
            .labeled
            .keys()
            .chain(info.status.keys())
            .filter(|a| a.as_str() != Annotator::gold().as_str())
            .cloned()
            .collect();
        who.sort();
        who.dedup();
        who
    }

    /// How many of entry `e`'s assigned annotators marked it done, of how many.
    pub fn done_count(&self, e: usize) -> (usize, usize) {
        let assigned = self.assigned(e);
        let done = assigned
            .iter()
            .filter(|a| matches!(self.infos[e].status.get(*a), Some(DocStatus::Done { .. })))
            .count();
        (done, assigned.len())
    }

    /// Whether entry `e` passes the status filter: by `who`'s mark, or in review (no
    /// `who`) done means done by every assigned annotator and flagged by anyone.
    pub fn status_matches(&self, e: usize, who: Option<&Annotator>) -> bool {
        let status = &self.infos[e].status;
        let (done, flagged) = match who.filter(|_| !self.by_all) {
            Some(w) => {
                let s = status.get(w.as_str());
                (
                    matches!(s, Some(DocStatus::Done { .. })),
                    matches!(s, Some(DocStatus::Flagged { .. })),
                )
            }
            None => {
                let (d, n) = self.done_count(e);
                let flagged = status
                    .values()
                    .any(|s| matches!(s, DocStatus::Flagged { .. }));
                (n > 0 && d == n, flagged)
            }
        };
        match self.status_filter {
            StatusFilter::All => true,
            StatusFilter::Done => done,
            StatusFilter::Flagged => flagged,
            StatusFilter::NotDone => !done,
        }
    }

    /// The status cell of entry `e` (six columns): `done` or `flag` for `who`, or in
    /// review (`by_all`) `✓ 2/2` when every assigned annotator is done.
    pub fn status_cell(&self, e: usize, who: &Annotator, by_all: bool) -> String {
        if by_all {
            let (d, n) = self.done_count(e);
            let all = if n > 0 && d == n { "✓" } else { " " };
            return format!("{all}{:>5}", format!("{d}/{n}"));
        }
        match self.infos[e].status.get(who.as_str()) {
            Some(DocStatus::Done { .. }) => "done  ".to_string(),
            Some(DocStatus::Flagged { .. }) => "flag  ".to_string(),
            None => "      ".to_string(),
        }
    }

    /// Everyone's marks on entry `e`, for the detail line: `done by a, b · flagged by c:
    /// reason`.
    pub fn status_summary(&self, e: usize) -> Option<String> {
        let status = &self.infos[e].status;
        let done: Vec<&str> = status
            .iter()
            .filter(|(_, s)| matches!(s, DocStatus::Done { .. }))
            .map(|(a, _)| a.as_str())
            .collect();
        let mut parts = Vec::new();
        if !done.is_empty() {
            parts.push(format!("done by {}", done.join(", ")));
        }
        for (a, s) in status {
            if let DocStatus::Flagged { reason, .. } = s {
                parts.push(format!("flagged by {a}: {reason}"));
            }
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}
