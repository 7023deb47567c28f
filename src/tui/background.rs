//! The background step the event loop runs between key presses.

use crate::tui::app::App;

impl App {
    /// One small piece of background work, done between key presses: take in a newer
    /// model, read the next library entry, take in scan results for `least-confident`.
    /// False when there is nothing left to do or wait for.
    pub fn background_step(&mut self) -> bool {
        if self.poll_review() || self.poll_model() {
            return true;
        }
        if self.indexer.is_some() {
            // The indexer works in its own threads; meanwhile take in what it found, scan
            // results and a newer model.
            return self.poll_index() || self.prefetch_step() || self.wait_training();
        }
        if self.library.load_next() {
            self.library_changed(&[self.library.pending - 1]);
            self.try_resume();
            return true;
        }
        self.prefetch_step() || self.wait_training()
    }
}
