//! Changes to labels: label, clear, accept a suggestion, notes, undo and redo. Every
//! change is saved before the next key is handled; a failed save keeps the change pending,
//! says so in red, and is retried on the next change and on quit.

use crate::model::label::Label;
use crate::model::project::SuggestionMode;
use crate::model::sidecar::{How, Record};
use crate::tui::app::{App, SaveState};
use crate::tui::screen::{Modal, Prompt, Question};
use crate::tui::undo::{Change, Step};
use crate::tui::widgets::line_edit::LineEdit;

impl App {
    /// Labels the selection (the range, or the cursor sentence).
    pub(crate) fn label_selection(&mut self, label: Label) {
        self.set_selection(Some((label, How::Hand, None)));
    }

    pub(crate) fn clear_selection(&mut self) {
        self.set_selection(None);
    }

    /// Accepts the suggestion of every sentence of the selection (the range, or the cursor
    /// sentence), recorded as such with the model's name; refuses, changing nothing, if
    /// one of them has none.
    pub(crate) fn accept_suggestion(&mut self) {
        if self.analyzer.suggestions() == SuggestionMode::Off {
            return self.say(crate::tui::learn::OFF_NOTHING);
        }
        let Some(a) = self
            .reader
            .current
            .and_then(|c| self.reader.articles.get_mut(&c))
        else {
            return;
        };
        if a.is_empty() {
            return;
        }
        let (lo, hi) = a.selection();
        let mut picks = Vec::with_capacity(hi + 1 - lo);
        for i in lo..=hi {
            a.analyse(&self.analyzer, i);
            match a.analysis[i].as_ref().and_then(|x| x.suggestion.as_ref()) {
                Some(s) => picks.push(Some((s.label, How::Suggestion, Some(s.model.to_string())))),
                None => {
                    return self.warn(format!(
                        "Sentence {} has no suggestion; nothing accepted.",
                        i + 1
                    ));
                }
            }
        }
        self.set_each(picks);
    }

    fn set_selection(&mut self, what: Option<(Label, How, Option<String>)>) {
        let n = self.article().map_or(0, |a| {
            let (lo, hi) = a.selection();
            hi + 1 - lo
        });
        self.set_each(vec![what; n]);
    }

    /// Sets each sentence of the selection to its entry of `what` (`None` clears) in one
    /// undo step. Right after the last sentence was labeled it changes nothing and says
    /// where to go, so keys typed past the end never overwrite the last label.
    fn set_each(&mut self, what: Vec<Option<(Label, How, Option<String>)>>) {
        if self.reader.past_end {
            let keys = |a| {
                let k = self.keymap.keys_for(crate::tui::action::View::Reader, a);
                k.first().map_or_else(|| a.to_string(), |k| k.to_string())
            };
            let (next, unlabeled) = (
                keys(crate::tui::action::Action::NextArticle),
                keys(crate::tui::action::Action::NextUnlabeled),
            );
            return self.warn(format!(
                "End of the article: nothing changed. {next} next article, {unlabeled} next unlabeled sentence."
            ));
        }
        let Some(e) = self.reader.current else { return };
        let advance = self.advance;
        let Some(a) = self.reader.articles.get_mut(&e) else {
            return;
        };
        if a.is_empty() {
            return;
        }
        if let Err(why) = &a.ann {
            let why = format!(
                "read-only, not changed: {}",
                crate::model::sanitize::clean(&why.to_string())
            );
            return self.warn(why);
        }
        let (lo, hi) = a.selection();
        let mut step = Vec::new();
        for (i, what) in (lo..=hi).zip(&what) {
            let before = a.record(i).cloned();
            let after = what.as_ref().map(|(label, how, model)| {
                let s = a.doc.sentences[i];
                let mut r = Record::new(s.start, s.end, a.doc.sentence_text(i), *label, *how);
                r.model = model.clone();
                r.note = before.as_ref().and_then(|b| b.note.clone());
                r
            });
            let same = match (&before, &after) {
                (None, None) => true,
                (Some(b), Some(n)) => b.label == n.label && b.how == n.how,
                _ => false,
            };
            if !same {
                step.push(Change {
                    entry: e,
                    sentence: i,
                    before,
                    after,
                });
            }
        }
        a.anchor = None;
        let labels = what.iter().any(Option::is_some);
        if labels && advance {
            a.cursor = (hi + 1).min(a.len() - 1);
        }
        let past_end = labels && advance && hi + 1 == a.len();
        self.apply(&step, false);
        self.history.push(Step::Labels(step));
        self.reader.past_end = past_end;
    }

    /// Opens the note prompt on the cursor sentence, labeled or not.
    pub(crate) fn start_note(&mut self) {
        let Some(a) = self.article() else { return };
        if a.is_empty() {
            return;
        }
        match &a.ann {
            Ok(ann) => {
                let text = ann.note(a.cursor).unwrap_or_default().to_string();
                self.set_prompt(Prompt::Note, LineEdit::new(&text));
            }
            Err(why) => {
                let why = format!(
                    "read-only, no note can be written: {}",
                    crate::model::sanitize::clean(&why.to_string())
                );
                self.refuse(&why);
            }
        }
    }

    /// Sets (or, when empty, removes) the note of the cursor sentence, labeled or not: one
    /// undo step. The label, if any, keeps its own time.
    pub(crate) fn set_note(&mut self, text: String) {
        let Some(e) = self.reader.current else { return };
        let Some(a) = self.reader.articles.get_mut(&e) else {
            return;
        };
        let Ok(ann) = &a.ann else {
            return self.warn("read-only, note not written");
        };
        let i = a.cursor;
        let unlabeled = a.record(i).is_none();
        let before = ann.note(i).map(str::to_string);
        let after = Some(text.trim().to_string()).filter(|t| !t.is_empty());
        if after == before {
            return;
        }
        let kept = unlabeled && after.is_some();
        let step = Step::Note {
            entry: e,
            sentence: i,
            before,
            after,
        };
        self.apply_step(&step, false);
        self.history.push(step);
        if kept && self.message.is_none() {
            self.say("Note kept on the unlabeled sentence; the label that comes takes it.");
        }
    }

    pub(crate) fn undo(&mut self) {
        match self.history.undo() {
            Some(step) => {
                self.apply_step(&step, true);
                self.say(format!("Undone ({}).", what(&step)));
            }
            None => self.say("Nothing to undo."),
        }
    }

    pub(crate) fn redo(&mut self) {
        match self.history.redo() {
            Some(step) => {
                self.apply_step(&step, false);
                self.say(format!("Redone ({}).", what(&step)));
            }
            None => self.say("Nothing to redo."),
        }
    }

    /// Applies any step forwards or backwards.
    pub(crate) fn apply_step(&mut self, step: &Step, backwards: bool) {
        match step {
            Step::Labels(changes) => self.apply(changes, backwards),
            Step::Note {
                entry,
                sentence,
                before,
                after,
            } => {
                let note = if backwards { before } else { after };
                self.apply_note(*entry, *sentence, note.as_deref());
            }
            Step::Cut { entry, at, added } => {
                self.apply_cut(*entry, *at, *added != backwards);
            }
        }
    }

    fn apply_note(&mut self, e: usize, i: usize, note: Option<&str>) {
        if self.reader.current != Some(e) && !self.open_entry(e) {
            return;
        }
        let Some(a) = self.reader.articles.get_mut(&e) else {
            return;
        };
        let Ok(ann) = &mut a.ann else { return };
        if i < a.doc.sentences.len() {
            ann.set_note(&a.doc, i, note);
            a.cursor = i;
        }
        self.save_all();
    }

    /// Applies a step forwards or backwards, reopening its article if needed, then saves.
    fn apply(&mut self, step: &[Change], backwards: bool) {
        let Some(first) = step.first() else { return };
        if self.reader.current != Some(first.entry) && !self.open_entry(first.entry) {
            return;
        }
        let Some(a) = self.reader.articles.get_mut(&first.entry) else {
            return;
        };
        let Ok(ann) = &mut a.ann else { return };
        let changes: Box<dyn Iterator<Item = &Change>> = if backwards {
            Box::new(step.iter().rev())
        } else {
            Box::new(step.iter())
        };
        // Undo and redo are new changes: stamped now, so "newest wins" in a merge keeps
        // them over another session's change made before this key.
        let at = crate::model::sidecar::now();
        for c in changes {
            if c.sentence < ann.labels.len() {
                let mut r = if backwards { &c.before } else { &c.after }.clone();
                if let Some(r) = &mut r {
                    r.at.clone_from(&at);
                }
                ann.set(c.sentence, r);
            }
        }
        if backwards {
            a.cursor = first.sentence.min(a.len().saturating_sub(1));
        }
        let count = a.labeled();
        self.library.infos[first.entry]
            .labeled
            .insert(self.annotator.to_string(), count);
        // Any scan of this article's labels is out of date now.
        self.reader.least.remove(&first.entry);
        self.reader.least_stale.remove(&first.entry);
        if self.save_all() {
            self.request_training();
        }
    }

    /// Saves every article with pending changes; true when nothing is left unsaved.
    pub fn save_all(&mut self) -> bool {
        let mut failed = None;
        let mut wrote = false;
        let mut merged = 0;
        let mut keys: Vec<usize> = self.reader.articles.keys().copied().collect();
        keys.sort_unstable();
        for e in keys {
            let Some(a) = self.reader.articles.get_mut(&e) else {
                continue;
            };
            let Ok(ann) = &mut a.ann else { continue };
            if !ann.is_dirty() {
                continue;
            }
            match ann.save(&a.doc) {
                Ok(saved) => {
                    wrote = true;
                    merged += usize::from(saved.merged);
                }
                Err(err) => {
                    failed = Some(crate::model::sanitize::clean(&err.to_string()).into_owned())
                }
            }
        }
        match failed {
            Some(err) => {
                self.warn(format!(
                    "NOT SAVED: {err}. Kept in memory; retried on the next change and on quit."
                ));
                self.save = SaveState::Failed(err);
                false
            }
            None => {
                if wrote || matches!(self.save, SaveState::Failed(_)) {
                    let now = crate::model::sidecar::now();
                    self.save = SaveState::Saved(now.get(11..19).unwrap_or(&now).to_string());
                }
                if merged > 0 {
                    // Someone else wrote the sidecar; the user should know both are kept.
                    self.say(format!(
                        "Merged changes from disk (another glose, a sync, an edit) into {merged} article{}; newest label kept.",
                        plural(merged)
                    ));
                }
                true
            }
        }
    }

    /// Articles whose labels are not on disk yet.
    pub fn unsaved(&self) -> usize {
        self.reader
            .articles
            .values()
            .filter(|a| a.ann.as_ref().is_ok_and(|x| x.is_dirty()))
            .count()
    }

    /// Quits, or asks first if labels could not be saved even now.
    pub(crate) fn request_quit(&mut self) {
        if self.save_all() {
            self.quit = true;
            return;
        }
        self.screen.ask(Modal::Confirm(Question::QuitUnsaved));
        let n = self.unsaved();
        self.warn(format!(
            "{n} article{} with UNSAVED labels. Quit anyway and lose them? (y/n)",
            plural(n)
        ));
    }
}

/// What a step changed, for the undo message.
fn what(step: &Step) -> String {
    match step {
        Step::Labels(c) => format!("{} sentence{}", c.len(), plural(c.len())),
        Step::Note { .. } => "note".to_string(),
        Step::Cut { added: true, .. } => "split".to_string(),
        Step::Cut { added: false, .. } => "merge".to_string(),
    }
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
