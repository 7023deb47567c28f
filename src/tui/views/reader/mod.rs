//! The reader: one article, sentence by sentence, labeled with one key.

pub mod article;
pub mod correct;
pub mod doc_status;
pub mod draw;
pub mod edit;
pub mod layout;
pub mod least_confident;
pub mod scan;
pub mod update;

use crate::tui::job::Job;
use article::Article;
use std::collections::HashMap;

/// The reader's state.
#[derive(Debug, Default)]
pub struct Reader {
    /// Articles opened this session, by entry index; kept for undo and pending saves.
    pub articles: HashMap<usize, Article>,
    /// The entry shown.
    pub current: Option<usize>,
    pub last_search: Option<String>,
    /// Least confident unlabeled sentence `(confidence, sentence)` of articles not open,
    /// as scanned with the current model; filled between key presses.
    pub least: HashMap<usize, Option<(f32, usize)>>,
    /// Results made with an older model, used only until the article is scanned again.
    pub least_stale: HashMap<usize, Option<(f32, usize)>>,
    /// The scan of articles not open, while it runs.
    pub(crate) scan: Option<Job<scan::Found>>,
}
