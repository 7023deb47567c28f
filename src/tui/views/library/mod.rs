//! The library's state: every article's summary, the filter typed so far, the sort order and
//! the selected row (how it grows while the corpus is scanned is in `indexing`).
//! Drawing is in `draw`.

pub mod doc_status;
pub mod draw;
pub mod indexing;
pub mod queue;
pub mod review_columns;
pub mod update;

use crate::model::annotator::Annotator;
use crate::model::corpus::Entry;
use crate::model::index::{ArticleInfo, News};
use std::time::{Duration, Instant};

/// How often at most a filtered or progress-sorted list is recomputed while summaries
/// stream in (a name-sorted list only grows at the end).
const REFRESH: Duration = Duration::from_millis(250);

/// Library sort orders, cycled by `cycle-sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Name,
    /// Least done first, so work left comes to the top.
    Progress,
    /// Most disagreements without gold first (review).
    Unsettled,
}

impl Sort {
    /// Shown in the status bar.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Progress => "progress",
            Sort::Unsettled => "unsettled",
        }
    }
}

/// The list of articles.
#[derive(Debug)]
pub struct Library {
    pub entries: Vec<Entry>,
    pub infos: Vec<ArticleInfo>,
    /// Entry indices shown, filtered and sorted.
    pub order: Vec<usize>,
    /// Position in `order`.
    pub selected: usize,
    /// First row on screen.
    pub top: usize,
    pub filter: String,
    pub sort: Sort,
    /// Which articles to show by their done or flagged mark.
    pub status_filter: doc_status::StatusFilter,
    /// The assignment plan, when the corpus has one: who should label each article.
    pub plan: Option<crate::model::assign::Plan>,
    /// Review: status means every assigned annotator's, not one annotator's.
    pub by_all: bool,
    /// Entries before this index are all summarised; [`Library::load_next`] goes on from
    /// here.
    pub pending: usize,
    /// The folder is still being walked: entries may be appended.
    pub scanning: bool,
    /// Disagreements without gold per entry, once the review figures arrived (for
    /// [`Sort::Unsettled`]).
    pub unsettled: Vec<usize>,
    /// The annotator's assigned article ids in plan order, when the project has a plan:
    /// they come first.
    pub queue: Option<Vec<String>>,
    /// Show only the assigned entries.
    pub mine_only: bool,
    /// Which entries have a summary (cached or read), not a placeholder.
    loaded: Vec<bool>,
    /// When `order` was last recomputed for summaries that arrived.
    refreshed: Option<Instant>,
}

impl Library {
    /// Builds the list from the corpus entries, reading every article now.
    pub fn new(entries: Vec<Entry>) -> Library {
        let mut l = Library::lazy(entries);
        while l.load_next() {}
        l
    }

    /// Builds the list with placeholders (id as title, no counts); [`Library::load_next`]
    /// reads the articles one at a time, so a big corpus shows at once.
    pub fn lazy(entries: Vec<Entry>) -> Library {
        let infos = entries.iter().map(ArticleInfo::placeholder).collect();
        let mut l = Library {
            loaded: vec![false; entries.len()],
            entries,
            infos,
            order: Vec::new(),
            selected: 0,
            top: 0,
            filter: String::new(),
            sort: Sort::Name,
            status_filter: Default::default(),
            plan: None,
            by_all: false,
            pending: 0,
            unsettled: Vec::new(),
            queue: None,
            mine_only: false,
            scanning: false,
            refreshed: None,
        };
        l.refresh();
        l
    }

    /// Reads the next article not summarised yet; false when all are.
    pub fn load_next(&mut self) -> bool {
        self.skip_loaded();
        let Some(entry) = self.entries.get(self.pending) else {
            return false;
        };
        self.infos[self.pending] = ArticleInfo::read(entry);
        self.loaded[self.pending] = true;
        self.pending += 1;
        true
    }

    fn skip_loaded(&mut self) {
        while self.loaded.get(self.pending) == Some(&true) {
            self.pending += 1;
        }
    }

    /// Takes what the background scan and index delivered. New entries are appended (they
    /// arrive in final order, so rows already shown keep their place and the selection
    /// stays put); fresh summaries replace cached or placeholder ones, with the count of
    /// `who` from `in_memory` for articles open with labels newer than their file.
    pub fn take(
        &mut self,
        news: News,
        who: &Annotator,
        in_memory: impl Fn(usize) -> Option<usize>,
    ) {
        let first_new = self.entries.len();
        for (entry, cached) in news.entries {
            self.loaded.push(cached.is_some());
            self.infos
                .push(cached.unwrap_or_else(|| ArticleInfo::placeholder(&entry)));
            self.entries.push(entry);
        }
        for (i, mut info) in news.cached.into_iter().chain(news.infos) {
            let Some(slot) = self.infos.get_mut(i) else {
                continue;
            };
            if let Some(n) = in_memory(i) {
                info.labeled.insert(who.to_string(), n);
            }
            *slot = info;
            self.loaded[i] = true;
        }
        self.scanning &= !news.scanned;
        self.skip_loaded();
        if self.filter.is_empty()
            && self.sort == Sort::Name
            && self.queue.is_none()
            && self.status_filter == doc_status::StatusFilter::All
        {
            self.order.extend(first_new..self.entries.len());
        } else if news.finished || self.refreshed.is_none_or(|t| t.elapsed() >= REFRESH) {
            self.refreshed = Some(Instant::now());
            self.refresh_for(Some(who));
        }
    }

    /// True once entry `i` has a summary (cached or read).
    pub fn is_loaded(&self, i: usize) -> bool {
        self.loaded.get(i) == Some(&true)
    }

    /// Labeled sentences of entry `i` by `who`.
    pub fn labeled(&self, i: usize, who: &Annotator) -> usize {
        self.infos[i]
            .labeled
            .get(who.as_str())
            .copied()
            .unwrap_or(0)
    }

    /// Share done, 0–1 (unreadable and empty articles count as done, so they sort last).
    pub fn progress(&self, i: usize, who: &Annotator) -> f64 {
        let n = self.infos[i].sentences;
        if n == 0 {
            return 1.0;
        }
        self.labeled(i, who) as f64 / n as f64
    }

    /// The selected entry index.
    pub fn current(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    /// Recomputes `order` from the filter and sort, keeping the selected entry if shown.
    pub fn refresh(&mut self) {
        self.refresh_for(None);
    }

    /// Like [`Library::refresh`], sorting by progress of `who`.
    pub fn refresh_for(&mut self, who: Option<&Annotator>) {
        let keep = self.current();
        let needle = crate::model::fold::fold(&self.filter);
        let mut order: Vec<usize> = (0..self.entries.len())
            .filter(|&i| {
                (needle.is_empty()
                    || crate::model::fold::contains_folded(&self.infos[i].title, &needle)
                    || crate::model::fold::contains_folded(&self.infos[i].id, &needle))
                    && self.status_matches(i, who)
            })
            .collect();
        // The queue first, in plan order; then the rest by the sort.
        let place: Option<Vec<Option<usize>>> = self.queue.as_ref().map(|q| {
            let rank: std::collections::HashMap<&str, usize> = q
                .iter()
                .enumerate()
                .map(|(k, id)| (id.as_str(), k))
                .collect();
            self.entries
                .iter()
                .map(|e| rank.get(e.id.as_str()).copied())
                .collect()
        });
        if let Some(place) = &place
            && self.mine_only
        {
            order.retain(|&i| place[i].is_some());
        }
        let progress = |i: usize| who.map_or(0.0, |w| self.progress(i, w));
        let unsettled = |i: usize| self.unsettled.get(i).copied().unwrap_or(0);
        order.sort_by(|&a, &b| {
            let q = |i: usize| place.as_ref().and_then(|p| p[i]);
            let by_queue = match (q(a), q(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            let by_sort = match self.sort {
                Sort::Name => std::cmp::Ordering::Equal,
                Sort::Progress => progress(a).total_cmp(&progress(b)),
                Sort::Unsettled => unsettled(b).cmp(&unsettled(a)),
            };
            by_queue.then(by_sort).then(a.cmp(&b))
        });
        self.order = order;
        self.selected = keep
            .and_then(|k| self.order.iter().position(|&i| i == k))
            .unwrap_or(0);
    }

    /// The annotator's queue: (articles fully labeled by `who`, articles assigned), when
    /// there is a plan. Assigned articles not in the corpus (yet) count as not done.
    pub fn queue_progress(&self, who: &Annotator) -> Option<(usize, usize)> {
        let q = self.queue.as_ref()?;
        let ids: std::collections::HashSet<&str> = q.iter().map(String::as_str).collect();
        let done = (0..self.entries.len())
            .filter(|&i| ids.contains(self.entries[i].id.as_str()))
            .filter(|&i| {
                let n = self.infos[i].sentences;
                self.is_loaded(i) && n > 0 && self.labeled(i, who) >= n
            })
            .count();
        Some((done, q.len()))
    }

    /// The last (`+1`) or first (`-1`) entry of the shown order that can be opened.
    pub fn end_entry(&self, step: isize) -> Option<usize> {
        let mut readable = self
            .order
            .iter()
            .copied()
            .filter(|&e| self.infos[e].unreadable.is_none());
        if step > 0 {
            readable.next_back()
        } else {
            readable.next()
        }
    }

    /// Entry after (`+1`) or before (`-1`) `entry` in the shown order, that can be opened.
    pub fn neighbour(&self, entry: usize, step: isize) -> Option<usize> {
        let pos = self.order.iter().position(|&i| i == entry)? as isize;
        let mut p = pos + step;
        while p >= 0 && (p as usize) < self.order.len() {
            let e = self.order[p as usize];
            if self.infos[e].unreadable.is_none() {
                return Some(e);
            }
            p += step;
        }
        None
    }
}
