//! `least-confident`: the unlabeled sentence whose suggestion is least sure, in any
//! article. Articles not open are scanned by a worker thread ([`crate::tui::views::reader::scan`]) whose
//! results are taken in between key presses, so the jump itself never waits for a scan.

use crate::model::project::SuggestionMode;
use crate::tui::app::App;
use crate::tui::job::Poll;
use crate::tui::views::reader::scan;
use std::time::Duration;

/// Longest a background step waits for the scan's next result, so input is never kept
/// waiting long.
const WAIT: Duration = Duration::from_millis(5);

impl App {
    /// Takes in results of the scan of articles not open for `least-confident`, starting
    /// the scan of those not done yet. Waits a moment for a result; false once every
    /// article of the library's order is scanned.
    pub fn prefetch_step(&mut self) -> bool {
        if self.take_scans(WAIT) {
            return true;
        }
        if self.reader.scan.is_some() {
            return true;
        }
        self.start_scan()
    }

    /// Takes in the results ready (after waiting up to `wait` for a first one); true if
    /// any arrived. Results made with an older model are dropped.
    fn take_scans(&mut self, wait: Duration) -> bool {
        let mut got = false;
        let mut wait = wait;
        while let Some(scan) = &self.reader.scan {
            match scan.poll(wait) {
                Poll::Ready(f) => {
                    if f.generation == self.analyzer.generation() {
                        self.reader.least.insert(f.entry, f.least);
                        self.reader.least_stale.remove(&f.entry);
                    }
                    got = true;
                    wait = Duration::ZERO;
                }
                Poll::Pending => break,
                Poll::Done => self.reader.scan = None,
            }
        }
        got
    }

    /// Starts scanning the articles of the library's order that are neither open nor
    /// scanned; false if there are none.
    fn start_scan(&mut self) -> bool {
        let jobs: Vec<scan::Article> = self
            .library
            .order
            .iter()
            .copied()
            .filter(|e| !self.reader.least.contains_key(e) && !self.reader.articles.contains_key(e))
            .filter_map(|e| {
                let entry = self.library.entries.get(e)?;
                Some(scan::Article {
                    entry: e,
                    path: entry.path.clone(),
                    id: entry.id.clone(),
                })
            })
            .collect();
        if jobs.is_empty() {
            return false;
        }
        let who = self.annotator.clone();
        self.reader.scan = Some(scan::spawn(jobs, who, self.analyzer.clone()));
        true
    }

    /// Drops scan results: with `keep_stale`, they remain a fallback for `least-confident`
    /// until the article is scanned again (a newer model); else they go entirely (other
    /// lexicons). The scan restarts on the next background step.
    pub(crate) fn forget_scans(&mut self, keep_stale: bool) {
        self.reader.scan = None;
        if keep_stale {
            self.reader.least_stale.extend(self.reader.least.drain());
        } else {
            self.reader.least.clear();
            self.reader.least_stale.clear();
        }
    }

    /// The least confident unlabeled sentence of an open article (labels may have changed,
    /// so this is not cached beyond the per-sentence analysis).
    fn scan_open(&mut self, e: usize) -> Option<(f32, usize)> {
        let a = self.reader.articles.get_mut(&e)?;
        if a.ann.is_err() {
            return None;
        }
        let mut best: Option<(f32, usize)> = None;
        for i in 0..a.len() {
            if a.label(i).is_some() {
                continue;
            }
            a.analyse(&self.analyzer, i);
            if let Some(c) = a.analysis[i]
                .as_ref()
                .and_then(|x| x.suggestion.as_ref())
                .map(|s| s.confidence)
                && best.is_none_or(|(b, _)| c < b)
            {
                best = Some((c, i));
            }
        }
        best
    }

    /// Opens the unlabeled sentence whose suggestion is least confident, in any article.
    /// While articles are still being scanned, the best found so far, and says so.
    pub(crate) fn least_confident(&mut self) {
        if self.analyzer.suggestions() == SuggestionMode::Off {
            return self.say(crate::tui::learn::OFF_NOTHING);
        }
        self.take_scans(Duration::ZERO);
        let order = self.library.order.clone();
        let (mut best, mut done): (Option<(f32, usize, usize)>, usize) = (None, 0);
        for &e in &order {
            let found = if self.reader.articles.contains_key(&e) {
                done += 1;
                self.scan_open(e)
            } else if let Some(f) = self.reader.least.get(&e) {
                done += 1;
                *f
            } else {
                self.reader.least_stale.get(&e).copied().flatten()
            };
            if let Some((c, i)) = found
                && best.is_none_or(|(b, ..)| c < b)
            {
                best = Some((c, e, i));
            }
        }
        let scanning = if done < order.len() {
            if self.reader.scan.is_none() {
                self.start_scan();
            }
            format!(" (still scanning {done}/{} articles)", order.len())
        } else {
            String::new()
        };
        match best {
            Some((conf, e, i)) => {
                if self.open_entry(e)
                    && let Some(a) = self.article_mut()
                {
                    a.cursor = i.min(a.len().saturating_sub(1));
                    a.anchor = None;
                }
                let so_far = if scanning.is_empty() {
                    "in the corpus"
                } else {
                    "found so far"
                };
                self.say(format!(
                    "Least confident suggestion {so_far}: {:.0}%{scanning}.",
                    conf * 100.0
                ));
            }
            None if scanning.is_empty() => self.say("No unlabeled sentence left."),
            None => self.say(format!("No unlabeled sentence found yet{scanning}.")),
        }
    }
}
