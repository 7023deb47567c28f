//! The library's state: every article's summary, the filter typed so far, the sort order and
//! the selected row. Drawing is in `library_view`.

use crate::annotator::Annotator;
use crate::corpus::Entry;
use crate::index::{ArticleInfo, Index};

/// Library sort orders, cycled by `cycle-sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Name,
    /// Least done first, so work left comes to the top.
    Progress,
}

impl Sort {
    /// Shown in the status bar.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Progress => "progress",
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
    /// Entries from this index on are not read yet (their info is a placeholder).
    pub pending: usize,
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
            entries,
            infos,
            order: Vec::new(),
            selected: 0,
            top: 0,
            filter: String::new(),
            sort: Sort::Name,
            pending: 0,
        };
        l.refresh();
        l
    }

    /// Reads the next article not read yet; false when all are.
    pub fn load_next(&mut self) -> bool {
        let Some(entry) = self.entries.get(self.pending) else {
            return false;
        };
        self.infos[self.pending] = ArticleInfo::read(entry);
        self.pending += 1;
        true
    }

    /// Takes every summary from a finished index (same entries, same order).
    pub fn install(&mut self, index: Index) {
        if index.articles.len() != self.entries.len() {
            return;
        }
        self.infos = index.articles;
        self.pending = self.entries.len();
    }

    /// True once entry `i` has been read.
    pub fn is_loaded(&self, i: usize) -> bool {
        i < self.pending
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
        let needle = self.filter.to_lowercase();
        let mut order: Vec<usize> = (0..self.entries.len())
            .filter(|&i| {
                needle.is_empty()
                    || self.infos[i].title.to_lowercase().contains(&needle)
                    || self.infos[i].id.to_lowercase().contains(&needle)
            })
            .collect();
        if let (Sort::Progress, Some(who)) = (self.sort, who) {
            order.sort_by(|&a, &b| {
                self.progress(a, who)
                    .total_cmp(&self.progress(b, who))
                    .then(a.cmp(&b))
            });
        }
        self.order = order;
        self.selected = keep
            .and_then(|k| self.order.iter().position(|&i| i == k))
            .unwrap_or(0);
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
