//! Notes in review: the reviewer's note on a gold label (why it was settled so), and a
//! jump to the next row where anyone wrote a note.

use crate::tui::app::App;
use crate::tui::screen::Prompt;
use crate::tui::widgets::line_edit::LineEdit;

impl App {
    /// Opens the prompt for the note of the cursor row's gold label.
    pub(crate) fn start_gold_note(&mut self) {
        let Some(p) = self.pane() else { return };
        if p.review.is_empty() {
            return;
        }
        match p.review.gold_record(p.cursor) {
            Some(g) => {
                let text = g.note.clone().unwrap_or_default();
                self.set_prompt(Prompt::GoldNote, LineEdit::new(&text));
            }
            None => self.warn("Set the gold label first; the note says why it was settled so."),
        }
    }

    /// Writes (or, empty, removes) the note of the cursor row's gold label.
    pub(crate) fn set_gold_note(&mut self, text: String) {
        let Some(p) = self.pane_mut() else { return };
        let (u, e) = (p.cursor, p.entry);
        let text = text.trim();
        match p.review.set_gold_note(u, Some(text)) {
            Ok(false) => {}
            Ok(true) => {
                self.record_step(vec![e]);
                self.after_gold(e, Ok(()));
                self.say("Gold note written.");
            }
            Err(err) => {
                self.record_step(vec![e]);
                self.after_gold(e, Err(err));
            }
        }
    }

    /// Moves to the next row where an annotator or gold has a note, wrapping around.
    pub(crate) fn next_review_note(&mut self) {
        let Some(p) = self.pane_mut() else { return };
        let n = p.review.len();
        let cells = &p.review.aligned().cells;
        let hit = (1..=n).map(|k| (p.cursor + k) % n.max(1)).find(|&u| {
            cells
                .get(u)
                .is_some_and(|row| row.iter().flatten().any(|r| r.note.is_some()))
                || p.review.gold_record(u).is_some_and(|g| g.note.is_some())
        });
        match hit {
            Some(u) => p.cursor = u,
            None => self.say("No row of this article has a note."),
        }
    }
}
