//! Session-wide undo: each entry names the article and sentences it changed, so undo works
//! after moving on to another article (it reopens that one).

use crate::model::sidecar::Record;

/// One sentence's record before and after a change.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Library entry index of the article.
    pub entry: usize,
    pub sentence: usize,
    pub before: Option<Record>,
    pub after: Option<Record>,
}

/// Undo and redo stacks; one step may hold many changes (a labeled range).
#[derive(Debug, Default)]
pub struct History {
    done: Vec<Vec<Change>>,
    undone: Vec<Vec<Change>>,
}

impl History {
    /// Records a new step; clears the redo stack.
    pub fn push(&mut self, step: Vec<Change>) {
        if !step.is_empty() {
            self.done.push(step);
            self.undone.clear();
        }
    }

    /// The step to undo, moved to the redo stack.
    pub fn undo(&mut self) -> Option<Vec<Change>> {
        let step = self.done.pop()?;
        self.undone.push(step.clone());
        Some(step)
    }

    /// The step to redo, moved back to the undo stack.
    pub fn redo(&mut self) -> Option<Vec<Change>> {
        let step = self.undone.pop()?;
        self.done.push(step.clone());
        Some(step)
    }
}
