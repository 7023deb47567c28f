//! The reader: one article, sentence by sentence, labeled with one key.

pub mod article;
pub mod correct;
pub mod doc_status;
pub mod draw;
pub mod edit;
pub mod layout;
pub mod least_confident;
pub mod live;
pub mod resume;
pub mod scan;
pub mod update;

use crate::tui::job::Job;
use article::Article;
use std::collections::HashMap;

/// How wide the text is drawn: long lines are hard to follow on a wide terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// Most columns of text (0: the whole window).
    pub width: u16,
    /// Centre the text in the window instead of keeping it at the left.
    pub centre: bool,
    /// Show the line naming the highlight styles above the text (off unless asked for:
    /// the binary turns it on from `config.ron`, whose default is on).
    pub legend: bool,
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            width: crate::config::DEFAULT_READING_WIDTH,
            centre: false,
            legend: false,
        }
    }
}

/// The reader's state.
#[derive(Debug, Default)]
pub struct Reader {
    /// Width and placement of the text.
    pub reading: Reading,
    /// Articles opened this session, by entry index; kept for undo and pending saves.
    pub articles: HashMap<usize, Article>,
    /// The entry shown.
    pub current: Option<usize>,
    pub last_search: Option<String>,
    /// The last action was a search that found something: Enter finds the next match
    /// instead of accepting a suggestion.
    pub found: bool,
    /// The last sentence was just labeled and the cursor could not advance: further
    /// label keys change nothing and say where to go.
    pub past_end: bool,
    /// Least confident unlabeled sentence `(confidence, sentence)` of articles not open,
    /// as scanned with the current model; filled between key presses.
    pub least: HashMap<usize, Option<(f32, usize)>>,
    /// Results made with an older model, used only until the article is scanned again.
    pub least_stale: HashMap<usize, Option<(f32, usize)>>,
    /// Where this annotator stopped last time, until it is reopened or the user moves.
    pub resume: Option<resume::Place>,
    /// Where the place is kept on quit (`None`: not kept, as in tests).
    pub resume_file: Option<std::path::PathBuf>,
    /// What the live-corpus poller last saw on disk.
    pub(crate) live: live::Live,
    /// The scan of articles not open, while it runs.
    pub(crate) scan: Option<Job<scan::Found>>,
}
