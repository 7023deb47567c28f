//! Segmentation corrections in the reader: split the cursor sentence at a chosen word, or
//! merge it with the next. A correction belongs to the article (`<article>.cuts.ron`), so
//! every annotator gets the same units; labels are loaded again afterwards, re-attached to
//! their sentence or kept as orphans in the sidecar, never dropped.

use crate::model::annotations::Annotations;
use crate::model::cuts;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::screen::Modal;
use crate::tui::undo::Step;

/// Byte offsets in `raw[start..end]` where a word begins, the first word excepted: the
/// places a sentence can be split.
pub fn split_points(raw: &str, start: usize, end: usize) -> Vec<usize> {
    let text = &raw[start..end];
    let mut out = Vec::new();
    let mut prev_space = false;
    let mut seen_word = false;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if !space && prev_space && seen_word {
            out.push(start + i);
        }
        seen_word |= !space;
        prev_space = space;
    }
    out
}

/// The split point offered first: the first word after the first that starts with a
/// capital (a glued heading ends where the next sentence starts), else the second word.
fn first_guess(raw: &str, points: &[usize]) -> Option<usize> {
    points
        .iter()
        .copied()
        .find(|&p| raw[p..].starts_with(char::is_uppercase))
        .or_else(|| points.first().copied())
}

impl App {
    /// Starts choosing where to split the cursor sentence.
    pub(crate) fn start_split(&mut self) {
        let Some(a) = self.article() else { return };
        if a.is_empty() {
            return;
        }
        if let Err(why) = &a.ann {
            let why = format!(
                "read-only, not split: {}",
                crate::model::sanitize::clean(&why.to_string())
            );
            return self.warn(why);
        }
        let s = a.doc.sentences[a.cursor];
        let points = split_points(&a.doc.raw, s.start, s.end);
        match first_guess(&a.doc.raw, &points) {
            // The detail line says which word and what the keys do.
            Some(at) => self.screen.ask(Modal::Split(at)),
            None => self.warn("One word only: nothing to split."),
        }
    }

    /// A key while choosing the split point.
    pub(crate) fn split_key(&mut self, at: usize, action: Action) {
        let Some(a) = self.article() else {
            self.screen.close_modal();
            return;
        };
        let s = a.doc.sentences[a.cursor];
        let points = split_points(&a.doc.raw, s.start, s.end);
        let pos = points.iter().position(|&p| p == at).unwrap_or(0);
        match action {
            Action::Down | Action::PageDown => {
                self.screen
                    .ask(Modal::Split(points[(pos + 1).min(points.len() - 1)]));
            }
            Action::Up | Action::PageUp => {
                self.screen.ask(Modal::Split(points[pos.saturating_sub(1)]))
            }
            Action::First => self.screen.ask(Modal::Split(points[0])),
            Action::Last => self.screen.ask(Modal::Split(points[points.len() - 1])),
            Action::Submit => {
                self.screen.close_modal();
                let Some(e) = self.reader.current else { return };
                if self.apply_cut(e, at, true) {
                    self.history.push(Step::Cut {
                        entry: e,
                        at,
                        added: true,
                    });
                    self.say("Split: the new sentence starts here (for every annotator of this article; u undoes).");
                }
            }
            Action::Cancel | Action::Back => {
                self.screen.close_modal();
                self.say("Split cancelled.");
            }
            Action::Quit => {
                self.screen.close_modal();
                self.request_quit();
            }
            _ => {}
        }
    }

    /// Merges the cursor sentence with the next one.
    pub(crate) fn merge_next(&mut self) {
        let Some(e) = self.reader.current else { return };
        let Some(a) = self.article() else { return };
        if let Err(why) = &a.ann {
            let why = format!(
                "read-only, not merged: {}",
                crate::model::sanitize::clean(&why.to_string())
            );
            return self.warn(why);
        }
        let Some(next) = a.doc.sentences.get(a.cursor + 1) else {
            return self.warn("The last sentence has no next one to merge with.");
        };
        let at = next.start;
        if self.apply_cut(e, at, false) {
            self.history.push(Step::Cut {
                entry: e,
                at,
                added: false,
            });
            self.say(
                "Merged with the next sentence (for every annotator of this article; u undoes).",
            );
        }
    }

    /// Puts (`add`) or takes away a unit boundary at byte `at` of entry `e`'s article,
    /// saving labels first and loading them again on the new units. False, with a
    /// message, when it could not be done.
    pub(crate) fn apply_cut(&mut self, e: usize, at: usize, add: bool) -> bool {
        if !self.save_all() {
            self.warn("Labels are not saved; not changing the sentences until they are.");
            return false;
        }
        if self.reader.current != Some(e) && !self.open_entry(e) {
            return false;
        }
        let Some(a) = self.reader.articles.get_mut(&e) else {
            return false;
        };
        let result = if add {
            cuts::split_at(&mut a.doc, at)
        } else {
            match a.doc.sentences.iter().position(|s| s.start == at) {
                Some(i) if i > 0 => cuts::merge_with_next(&mut a.doc, i - 1),
                _ => {
                    self.warn("No sentence boundary there any more; nothing merged.");
                    return false;
                }
            }
        };
        if let Err(err) = result {
            let err = crate::model::sanitize::clean(&err.to_string()).into_owned();
            self.warn(format!("Sentences not changed: {err}"));
            return false;
        }
        let n = a.doc.sentences.len();
        a.ann = Annotations::load(&a.doc, &self.annotator);
        a.analysis = vec![None; n];
        a.heights = Default::default();
        a.anchor = None;
        a.cursor = a
            .doc
            .sentences
            .iter()
            .rposition(|s| s.start <= at)
            .unwrap_or(0)
            .saturating_sub(usize::from(!add));
        a.top = a.top.min(n.saturating_sub(1));
        let orphans = a.ann.as_ref().map_or(0, |x| x.orphans.len());
        let count = a.labeled();
        let info = &mut self.library.infos[e];
        info.sentences = n;
        info.labeled.insert(self.annotator.to_string(), count);
        self.reader.least.remove(&e);
        self.reader.least_stale.remove(&e);
        if orphans > 0 {
            self.say(format!(
                "{orphans} label(s) no longer fit a sentence: kept in the sidecar as orphans; label the new sentences."
            ));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_points_are_word_starts_after_the_first() {
        let raw = "xx  Le pays en otage Depuis 2020, la junte.";
        let pts = split_points(raw, 4, raw.len());
        let words: Vec<&str> = pts
            .iter()
            .map(|&p| raw[p..].split(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(
            words,
            ["pays", "en", "otage", "Depuis", "2020,", "la", "junte."]
        );
        assert_eq!(first_guess(raw, &pts), Some(raw.find("Depuis").unwrap()));
        assert!(split_points("Un", 0, 2).is_empty());
    }
}
