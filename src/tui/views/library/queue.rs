//! The annotator's queue from the project's assignment plan: assigned articles first in
//! the library (or only them, with `toggle-mine`), so the reader's next-article keys follow
//! the queue, and the queue's progress in the status bars.

use crate::model::assign::Plan;
use crate::tui::app::App;
use std::path::Path;

impl App {
    /// Reads the assignment plan of the corpus at `root`, if any, and puts this
    /// annotator's queue first. A plan that cannot be read is said on the message line
    /// (the library then shows every article in the usual order).
    pub fn load_queue(&mut self, root: &Path) {
        match Plan::load(root) {
            Ok(Some(plan)) => {
                let q = plan.queue(self.annotator.as_str());
                self.library.queue = Some(q.into_iter().map(str::to_string).collect());
            }
            Ok(None) => self.library.queue = None,
            Err(e) => {
                self.library.queue = None;
                let why = crate::model::sanitize::clean(&e.to_string()).into_owned();
                self.warn(format!("assignment plan not used: {why}"));
            }
        }
        self.library.refresh_for(Some(&self.annotator));
    }

    /// Shows only the assigned articles, or all again.
    pub(crate) fn toggle_mine(&mut self) {
        if self.library.queue.is_none() {
            return self.say("No assignment plan in this corpus (glose assign makes one).");
        }
        self.library.mine_only = !self.library.mine_only;
        self.library.refresh_for(Some(&self.annotator));
        self.say(if self.library.mine_only {
            "Showing only the articles assigned to you (m: all)."
        } else {
            "Showing every article, yours first (m: only yours)."
        });
    }

    /// " │ queue D/N" for the status bars when there is a plan.
    pub(crate) fn queue_tag(&self) -> String {
        match self.library.queue_progress(&self.annotator) {
            Some((done, total)) => format!(" │ queue {done}/{total} done"),
            None => String::new(),
        }
    }
}
