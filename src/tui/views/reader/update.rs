//! Reader movement: sentences, paragraphs, pages, unlabeled sentences across articles,
//! search, and the least confident suggestion in the corpus.

use crate::model::document::Document;
use crate::model::fold;
use crate::tui::action::{Action, View};
use crate::tui::app::App;
use crate::tui::screen::Prompt;
use crate::tui::views::reader::article::Article;
use crate::tui::views::reader::{draw, layout};
use crate::tui::widgets::line_edit::LineEdit;

impl App {
    /// Columns and rows of the reader's text, from its layout.
    pub fn text_area(&self) -> (usize, usize) {
        let at = draw::areas(self.area(), self.reader.reading);
        (
            usize::from(at.text.width),
            usize::from(at.rows.height).max(1),
        )
    }

    /// Keeps the cursor sentence on screen (when `follow_cursor`) and the visible
    /// sentences analysed.
    pub(crate) fn settle_reader(&mut self, follow_cursor: bool) {
        let (w, h) = self.text_area();
        let analyzer = &self.analyzer;
        if let Some(a) = self
            .reader
            .current
            .and_then(|c| self.reader.articles.get_mut(&c))
        {
            if a.is_empty() {
                return;
            }
            if follow_cursor {
                layout::scroll_to_cursor(a, w, h);
            }
            let shown: Vec<usize> = layout::visible(a, w, h)
                .iter()
                .filter_map(|r| r.sentence)
                .collect();
            for i in shown.into_iter().chain([a.cursor]) {
                a.analyse(analyzer, i);
            }
        }
    }

    /// A click on the text puts the cursor on the sentence under it.
    pub(crate) fn click_reader(&mut self, row: usize) {
        let (w, h) = self.text_area();
        let top = usize::from(draw::areas(self.area(), self.reader.reading).rows.y);
        if let Some(a) = self.article_mut()
            && let Some(y) = row.checked_sub(top)
        {
            let rows = layout::visible(a, w, h);
            if let Some(i) = rows.get(y).and_then(|r| r.sentence) {
                a.cursor = i;
            }
        }
    }

    pub(crate) fn reader_action(&mut self, a: Action) {
        if let Some(label) = a.label() {
            return self.label_selection(label);
        }
        match a {
            Action::ClearLabel => return self.clear_selection(),
            Action::AcceptSuggestion => return self.accept_suggestion(),
            Action::EditNote => return self.start_note(),
            Action::NextNote => return self.next_note(),
            Action::SplitSentence => return self.start_split(),
            Action::MergeNext => return self.merge_next(),
            Action::MarkDone => return self.toggle_done(),
            Action::FlagReview => return self.start_flag(),
            Action::Back => return self.back_from_reader(),
            Action::NextArticle | Action::PrevArticle => {
                let step = if a == Action::NextArticle { 1 } else { -1 };
                match self
                    .reader
                    .current
                    .and_then(|c| self.library.neighbour(c, step))
                {
                    Some(e) => {
                        self.open_entry(e);
                    }
                    None => self.say("No other article in that direction."),
                }
                return;
            }
            Action::NextUnlabeled => return self.unlabeled(1),
            Action::PrevUnlabeled => return self.unlabeled(-1),
            Action::Search => {
                self.set_prompt(Prompt::Search, LineEdit::default());
                return;
            }
            Action::SearchNext => return self.search(String::new()),
            Action::LeastConfident => return self.least_confident(),
            Action::ToggleLegend => {
                self.reader.reading.legend = !self.reader.reading.legend;
                return self.settle_reader(true);
            }
            Action::StartRange => {
                if let Some(a) = self.article_mut() {
                    a.anchor = match a.anchor {
                        Some(_) => None,
                        None => Some(a.cursor),
                    };
                    let on = a.anchor.is_some();
                    self.say(if on {
                        "Range started: move, then a label key labels all of it (Esc cancels)."
                    } else {
                        "Range cancelled."
                    });
                }
                return;
            }
            _ => {}
        }
        let (w, h) = self.text_area();
        let Some(art) = self.article_mut() else {
            return;
        };
        if art.is_empty() {
            return;
        }
        let last = art.len() - 1;
        let c = art.cursor;
        art.cursor = match a {
            Action::Down => (c + 1).min(last),
            Action::Up => c.saturating_sub(1),
            Action::First => 0,
            Action::Last => last,
            Action::NextParagraph => {
                let p = art.paragraph(c);
                (c..=last).find(|&i| art.paragraph(i) != p).unwrap_or(last)
            }
            Action::PrevParagraph => {
                let start = |i: usize| {
                    let p = art.paragraph(i);
                    (0..=i)
                        .rev()
                        .take_while(|&j| art.paragraph(j) == p)
                        .last()
                        .unwrap_or(i)
                };
                let s = start(c);
                if s < c || s == 0 { s } else { start(s - 1) }
            }
            Action::PageDown => {
                let rows = layout::visible(art, w, h);
                let bottom = rows.iter().rev().find_map(|r| r.sentence).unwrap_or(c);
                let next = if bottom > art.top {
                    bottom
                } else {
                    art.top + 1
                };
                art.top = next.min(last);
                art.top
            }
            Action::PageUp => {
                art.top = layout::page_up_top(art, w, h);
                art.top
            }
            _ => c,
        };
    }

    fn back_from_reader(&mut self) {
        if let Some(a) = self.article_mut()
            && a.anchor.take().is_some()
        {
            return self.say("Range cancelled.");
        }
        self.screen.show(View::Library);
        self.library.refresh_for(Some(&self.annotator));
        if let Some(pos) = self
            .reader
            .current
            .and_then(|c| self.library.order.iter().position(|&e| e == c))
        {
            self.library.selected = pos;
        }
    }

    /// Opens library entry `e` in the reader (loading it the first time). False, with a
    /// message, if it cannot be read.
    pub fn open_entry(&mut self, e: usize) -> bool {
        if !self.reader.articles.contains_key(&e) {
            let entry = &self.library.entries[e];
            let doc = match Document::load(&entry.path, &entry.id) {
                Ok(d) => d,
                Err(why) => {
                    self.warn(format!(
                        "{}: {why}",
                        crate::model::sanitize::clean(&entry.id)
                    ));
                    return false;
                }
            };
            let art = Article::new(e, doc, &self.annotator, &self.analyzer);
            self.reader.articles.insert(e, art);
        }
        match self.reader.articles.get(&e).map(|a| &a.ann) {
            Some(Err(why)) => {
                let why = format!(
                    "read-only: {}",
                    crate::model::sanitize::clean(&why.to_string())
                );
                self.warn(why);
            }
            Some(Ok(ann)) if ann.moved > 0 || !ann.orphans.is_empty() => {
                let (moved, orphans) = (ann.moved, ann.orphans.len());
                self.say(format!(
                    "The article changed since it was labeled: {moved} label(s) found again \
                     elsewhere, {orphans} whose sentence is gone (kept in the sidecar)."
                ));
            }
            _ => {}
        }
        self.reader.current = Some(e);
        self.screen.show(View::Reader);
        if let Some(pos) = self.library.order.iter().position(|&i| i == e) {
            self.library.selected = pos;
        }
        true
    }

    /// Next (`step` 1) or previous (-1) unlabeled sentence, moving on to the next articles
    /// of the library when this one has none left.
    fn unlabeled(&mut self, step: isize) {
        let Some(cur) = self.reader.current else {
            return;
        };
        if let Some(a) = self.article_mut() {
            let c = a.cursor;
            let found = if step > 0 {
                (c + 1..a.len()).find(|&i| a.label(i).is_none())
            } else {
                (0..c).rev().find(|&i| a.label(i).is_none())
            };
            if let Some(i) = found {
                a.cursor = i;
                return;
            }
        }
        let mut e = cur;
        let mut wrapped = false;
        loop {
            let next = match self.library.neighbour(e, step) {
                Some(n) => n,
                None if !wrapped => {
                    wrapped = true;
                    match self.library.end_entry(-step) {
                        Some(n) => n,
                        None => break,
                    }
                }
                None => break,
            };
            if next == cur {
                // Around the whole library and back: what is left is before the cursor.
                let Some(a) = self.article_mut() else { break };
                let c = a.cursor;
                let found = if step > 0 {
                    (0..c).find(|&i| a.label(i).is_none())
                } else {
                    (c + 1..a.len()).rev().find(|&i| a.label(i).is_none())
                };
                if let Some(i) = found {
                    a.cursor = i;
                    return self.say(wrap_note(step, "in this article"));
                }
                break;
            }
            e = next;
            let left = match self.reader.articles.get(&e) {
                Some(a) => a.ann.is_ok() && a.labeled() < a.len(),
                None if !self.library.is_loaded(e) => true,
                None => self.library.labeled(e, &self.annotator) < self.library.infos[e].sentences,
            };
            if left && self.open_entry(e) {
                if let Some(a) = self.article_mut() {
                    let mut idx = (0..a.len()).filter(|&i| a.label(i).is_none());
                    let pick = if step > 0 {
                        idx.next()
                    } else {
                        idx.next_back()
                    };
                    a.cursor = pick.unwrap_or(a.cursor);
                }
                if wrapped {
                    return self.say(wrap_note(step, "in another article"));
                }
                return self.say("Moved to another article with unlabeled sentences.");
            }
        }
        if self.scanning() {
            return self.say("No unlabeled sentence in the articles found so far; still scanning.");
        }
        self.say("No unlabeled sentence left in that direction.");
    }

    /// Jumps to the next sentence with a note (this annotator's), wrapping around.
    fn next_note(&mut self) {
        let Some(a) = self.article_mut() else { return };
        let Ok(ann) = &a.ann else { return };
        let n = a.len();
        let hit = (1..=n)
            .map(|k| (a.cursor + k) % n.max(1))
            .find(|&i| ann.note(i).is_some());
        match hit {
            Some(i) => a.cursor = i,
            None => self.say("No sentence of this article has a note."),
        }
    }

    /// Jumps to the next sentence containing `query` (ignoring case and accents, see
    /// [`fold`]), wrapping around, and highlights the match.
    /// An empty query repeats the last search.
    pub(crate) fn search(&mut self, query: String) {
        let query = if query.is_empty() {
            match self.reader.last_search.clone() {
                Some(q) => q,
                None => return,
            }
        } else {
            query
        };
        self.reader.last_search = Some(query.clone());
        let Some(a) = self.article_mut() else { return };
        let n = a.len();
        let hit = (1..=n).map(|k| (a.cursor + k) % n.max(1)).find_map(|i| {
            let s = a.doc.sentences[i];
            fold::find(a.doc.sentence_text(i), &query).map(|(b, e)| (i, s.start + b, s.start + e))
        });
        a.found = hit.map(|(_, b, e)| (b, e));
        match hit {
            Some((i, ..)) => {
                let wrapped = i <= a.cursor;
                a.cursor = i;
                let note = if wrapped { " (from the top)" } else { "" };
                self.reader.found = true;
                self.say(format!(
                    "Found “{}” in sentence {}{note}; Enter finds the next.",
                    crate::model::sanitize::clean(&query),
                    i + 1
                ));
            }
            None => self.warn(format!(
                "Not found: {}",
                crate::model::sanitize::clean(&query)
            )),
        }
    }

    /// Wheel: moves the screen, and the cursor only as far as needed to stay on it.
    pub(crate) fn scroll_reader(&mut self, n: i16) {
        let (w, h) = self.text_area();
        let Some(a) = self.article_mut() else { return };
        if a.is_empty() {
            return;
        }
        let top = a.top as isize + isize::from(n);
        a.top = top.clamp(0, a.len() as isize - 1) as usize;
        let rows = layout::visible(a, w, h);
        let mut shown: Vec<usize> = rows
            .iter()
            .filter(|r| r.first)
            .filter_map(|r| r.sentence)
            .collect();
        if rows.len() == h && shown.len() > 1 {
            // The bottom sentence may be cut off; do not put the cursor there.
            shown.pop();
        }
        if let (Some(&lo), Some(&hi)) = (shown.first(), shown.last()) {
            a.cursor = a.cursor.clamp(lo, hi);
        }
    }
}

/// What `n` (or `N`) says when it went on from the other end of the library.
fn wrap_note(step: isize, place: &str) -> String {
    let to = if step > 0 { "start" } else { "end" };
    format!("Wrapped around to the {to} of the library: unlabeled sentence {place}.")
}
