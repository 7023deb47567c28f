//! The annotator's status of the open article: done, or flagged for review with a
//! reason. Kept in the annotator's sidecar and saved at once, like labels.

use crate::model::sidecar::DocStatus;
use crate::model::status;
use crate::tui::app::App;
use crate::tui::screen::Prompt;
use crate::tui::widgets::line_edit::LineEdit;

impl App {
    /// Marks the article done, or clears the done mark when it has one.
    pub(crate) fn toggle_done(&mut self) {
        let done = matches!(self.doc_status(), Some(DocStatus::Done { .. }));
        let (new, said) = if done {
            (None, "Done mark removed.")
        } else {
            (Some(status::done()), "Article marked done.")
        };
        if self.set_doc_status(new) {
            self.say(said);
        }
    }

    /// Opens the prompt for the reason of a flag (or clears the flag when there is one).
    pub(crate) fn start_flag(&mut self) {
        if matches!(self.doc_status(), Some(DocStatus::Flagged { .. })) {
            if self.set_doc_status(None) {
                self.say("Flag removed.");
            }
            return;
        }
        self.set_prompt(Prompt::Flag, LineEdit::new(""));
    }

    /// Flags the article for review with `reason` (an empty reason flags nothing).
    pub(crate) fn flag(&mut self, reason: &str) {
        let reason = reason.trim();
        if reason.is_empty() {
            return self.say("Not flagged: a flag needs a reason.");
        }
        if self.set_doc_status(Some(status::flagged(reason))) {
            self.say("Article flagged for review.");
        }
    }

    /// This annotator's status of the open article.
    pub fn doc_status(&self) -> Option<&DocStatus> {
        self.article()?.ann.as_ref().ok()?.status.as_ref()
    }

    fn set_doc_status(&mut self, new: Option<DocStatus>) -> bool {
        let Some(e) = self.reader.current else {
            return false;
        };
        let Some(a) = self.reader.articles.get_mut(&e) else {
            return false;
        };
        let Ok(ann) = &mut a.ann else {
            self.warn("read-only, status not changed");
            return false;
        };
        ann.set_status(new.clone());
        let who = self.annotator.to_string();
        let info = &mut self.library.infos[e];
        match new {
            Some(s) => info.status.insert(who, s),
            None => info.status.remove(&who),
        };
        self.save_all()
    }
}
