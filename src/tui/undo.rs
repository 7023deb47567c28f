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

/// One undoable step.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Labels of one or more sentences (a labeled range).
    Labels(Vec<Change>),
    /// The note of one sentence, labeled or not.
    Note {
        entry: usize,
        sentence: usize,
        before: Option<String>,
        after: Option<String>,
    },
    /// A unit boundary at byte `at` of the article was added (a split) or removed (a
    /// merge): undo does the opposite at the same place.
    Cut {
        entry: usize,
        at: usize,
        added: bool,
    },
}

impl Step {
    /// How many sentences it touched, for the message.
    pub fn len(&self) -> usize {
        match self {
            Step::Labels(c) => c.len(),
            _ => 1,
        }
    }

    /// True for a step that changes nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl History {
    /// Records a new step; clears the redo stack.
    pub fn push(&mut self, step: Step) {
        if !step.is_empty() {
            self.done.push(step);
            self.undone.clear();
        }
    }

    /// The step to undo, moved to the redo stack.
    pub fn undo(&mut self) -> Option<Step> {
        let step = self.done.pop()?;
        self.undone.push(step.clone());
        Some(step)
    }

    /// The step to redo, moved back to the undo stack.
    pub fn redo(&mut self) -> Option<Step> {
        let step = self.undone.pop()?;
        self.done.push(step.clone());
        Some(step)
    }
}
