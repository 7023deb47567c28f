//! `least-confident`: the unlabeled sentence whose suggestion is least sure, in any
//! article. Articles not open are scanned between key presses (`prefetch_step`), one at a
//! time, so the jump itself rarely has to analyse anything.

use super::app::App;
use crate::annotations::Annotations;
use crate::document::Document;

impl App {
    /// One small piece of background work, done between key presses: read the next
    /// library entry, else scan the next article for `least-confident`. False when there is
    /// nothing left to do.
    pub fn background_step(&mut self) -> bool {
        if self.poll_review() {
            return true;
        }
        if self.indexer.is_some() {
            // The indexer works in its own threads; meanwhile scan suggestions here.
            return self.poll_index() || self.prefetch_step();
        }
        if self.library.load_next() {
            self.library_changed(&[self.library.pending - 1]);
            return true;
        }
        self.prefetch_step()
    }

    /// Starts summarising the library in a thread, with the on-disk cache in `cache_dir`.
    pub fn start_indexing(
        &mut self,
        corpus: crate::corpus::Corpus,
        cache_dir: Option<std::path::PathBuf>,
    ) {
        self.indexer = Some(crate::index::Indexer::index(corpus, cache_dir));
    }

    /// `(done, total)` while the library is still being summarised.
    pub fn indexing(&self) -> Option<(usize, usize)> {
        match &self.indexer {
            Some(ix) => Some(ix.progress()),
            None if self.library.pending < self.library.entries.len() => {
                Some((self.library.pending, self.library.entries.len()))
            }
            None => None,
        }
    }

    /// After summaries of `entries` arrived: counts of open articles come from memory
    /// (they may hold labels newer than the files), and the shown order is recomputed.
    fn library_changed(&mut self, entries: &[usize]) {
        for e in entries {
            if let Some(a) = self.articles.get(e) {
                let n = a.labeled();
                self.library.infos[*e]
                    .labeled
                    .insert(self.annotator.to_string(), n);
            }
        }
        if !self.library.filter.is_empty() || self.library.sort != super::library::Sort::Name {
            self.library.refresh_for(Some(&self.annotator));
        }
    }

    /// Scans one more article for its least confident unlabeled sentence. False when every
    /// article is scanned.
    pub fn prefetch_step(&mut self) -> bool {
        let next = self
            .library
            .order
            .iter()
            .copied()
            .find(|&e| !self.least.contains_key(&e) && !self.articles.contains_key(&e));
        match next {
            Some(e) => {
                let found = self.scan_closed(e);
                self.least.insert(e, found);
                true
            }
            None => false,
        }
    }

    /// The least confident unlabeled sentence of an article that is not open.
    fn scan_closed(&self, e: usize) -> Option<(f32, usize)> {
        let entry = &self.library.entries[e];
        let doc = Document::load(&entry.path, &entry.id).ok()?;
        let ann = Annotations::load(&doc, &self.annotator).ok()?;
        let lang = self.analyzer.lang(&doc);
        (0..doc.sentences.len())
            .filter(|&i| ann.label(i).is_none())
            .map(|i| {
                (
                    self.analyzer.sentence(&doc, lang, i).suggestion.confidence,
                    i,
                )
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
    }

    /// The least confident unlabeled sentence of an open article (labels may have changed,
    /// so this is not cached beyond the per-sentence analysis).
    fn scan_open(&mut self, e: usize) -> Option<(f32, usize)> {
        let a = self.articles.get_mut(&e)?;
        if a.ann.is_err() {
            return None;
        }
        let mut best: Option<(f32, usize)> = None;
        for i in 0..a.len() {
            if a.label(i).is_some() {
                continue;
            }
            a.analyse(&self.analyzer, i);
            if let Some(x) = &a.analysis[i] {
                let c = x.suggestion.confidence;
                if best.is_none_or(|(b, _)| c < b) {
                    best = Some((c, i));
                }
            }
        }
        best
    }

    /// Opens the unlabeled sentence whose suggestion is least confident, in any article.
    pub(super) fn least_confident(&mut self) {
        let mut best: Option<(f32, usize, usize)> = None;
        for e in self.library.order.clone() {
            let found = if self.articles.contains_key(&e) {
                self.scan_open(e)
            } else {
                match self.least.get(&e) {
                    Some(f) => *f,
                    None => {
                        let f = self.scan_closed(e);
                        self.least.insert(e, f);
                        f
                    }
                }
            };
            if let Some((c, i)) = found
                && best.is_none_or(|(b, ..)| c < b)
            {
                best = Some((c, e, i));
            }
        }
        match best {
            Some((conf, e, i)) => {
                if self.open_entry(e)
                    && let Some(a) = self.article_mut()
                {
                    a.cursor = i.min(a.len().saturating_sub(1));
                    a.anchor = None;
                }
                self.say(format!(
                    "Least confident suggestion in the corpus: {:.0}%.",
                    conf * 100.0
                ));
            }
            None => self.say("No unlabeled sentence left."),
        }
    }
}
