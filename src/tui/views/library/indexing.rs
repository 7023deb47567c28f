//! How the library fills in while the app runs: opening a folder walked in the background,
//! taking in the summaries the indexer found, and the progress shown meanwhile.

use crate::model::annotator::Annotator;
use crate::model::corpus::{Corpus, CorpusError};
use crate::model::index::Indexer;
use crate::tui::action::View;
use crate::tui::app::App;
use crate::tui::keymap::Keymap;
use crate::tui::style::Theme;
use crate::tui::views::library::Sort;
use std::path::{Path, PathBuf};

impl App {
    /// An app whose library fills in from a walk of `root` in the background, so the first
    /// frame never waits for the folder however big it is. Fails at once, as
    /// [`Corpus::scan`] does, if `root` is not a folder that can be listed.
    pub fn open(
        root: &Path,
        annotator: Annotator,
        keymap: Keymap,
        theme: Theme,
        cache_dir: Option<PathBuf>,
    ) -> Result<App, CorpusError> {
        let indexer = Indexer::scan(root, cache_dir)?;
        let mut app = App::lazy(Corpus::empty(root), annotator, keymap, theme);
        app.library.scanning = true;
        app.indexer = Some(indexer);
        Ok(app)
    }

    /// Takes what the background scan and index delivered since the last call; true if
    /// anything did. Once the whole corpus is known, starts what needs all of it.
    pub fn poll_index(&mut self) -> bool {
        let Some(ix) = &self.indexer else {
            return false;
        };
        let news = ix.poll();
        if news.is_empty() {
            return false;
        }
        let (scanned, finished, interrupted) = (news.scanned, news.finished, news.interrupted);
        let articles = &self.reader.articles;
        self.library.take(news, &self.annotator, |e| {
            articles.get(&e).map(|a| a.labeled())
        });
        self.try_resume();
        if finished {
            self.indexer = None;
        }
        if interrupted {
            self.warn(format!(
                "The folder could not be read to the end: {} articles listed.",
                self.library.entries.len()
            ));
        }
        if scanned {
            if self.review.mode || !self.review.panes.is_empty() {
                self.start_review_index();
            }
            if self.view == View::Stats {
                // Figures computed from part of the corpus: compute them again.
                let back = self.stats.as_ref().map(|s| s.back);
                self.open_stats();
                if let (Some(s), Some(back)) = (&mut self.stats, back) {
                    s.back = back;
                }
            }
        }
        true
    }

    /// True while the folder is still being walked: the library may grow, and what needs
    /// the whole corpus (agreement summaries, jumps across articles) acts on part of it.
    pub fn scanning(&self) -> bool {
        self.library.scanning
    }
}

impl App {
    /// Starts summarising the library in a thread, with the on-disk cache in `cache_dir`.
    pub fn start_indexing(
        &mut self,
        corpus: crate::model::corpus::Corpus,
        cache_dir: Option<std::path::PathBuf>,
    ) {
        self.indexer = Some(crate::model::index::Indexer::index(corpus, cache_dir));
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
    pub(crate) fn library_changed(&mut self, entries: &[usize]) {
        for e in entries {
            if let Some(a) = self.reader.articles.get(e) {
                let n = a.labeled();
                self.library.infos[*e]
                    .labeled
                    .insert(self.annotator.to_string(), n);
            }
        }
        if !self.library.filter.is_empty() || self.library.sort != Sort::Name {
            self.library.refresh_for(Some(&self.annotator));
        }
    }
}
