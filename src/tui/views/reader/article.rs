//! An article open in the reader: its text, this annotator's labels (or why they are
//! read-only), where the cursor and the screen are, and highlights computed so far.

use crate::model::annotations::Annotations;
use crate::model::annotator::Annotator;
use crate::model::document::Document;
use crate::model::label::Label;
use crate::model::sidecar::{Record, SidecarError};
use crate::nlp::analysis::{Analyzer, SentenceAnalysis};
use crate::nlp::lang::Lang;

/// One opened article.
#[derive(Debug)]
pub struct Article {
    /// Index in the library's entries.
    pub entry: usize,
    pub doc: Document,
    /// The labels, or the sidecar error that makes this article read-only.
    pub ann: Result<Annotations, SidecarError>,
    pub cursor: usize,
    /// First sentence of a range being selected.
    pub anchor: Option<usize>,
    /// Sentence at the top of the screen.
    pub top: usize,
    pub lang: Lang,
    /// Highlights and suggestions, computed lazily for the sentences shown.
    pub analysis: Vec<Option<SentenceAnalysis>>,
    /// Which units are headings (see [`Document::is_heading`]).
    pub headings: Vec<bool>,
    /// The last search match, byte offsets into the file, highlighted where shown.
    pub found: Option<(usize, usize)>,
    /// Wrapped line counts at the current width, for scrolling.
    pub heights: crate::tui::views::reader::layout::Heights,
}

impl Article {
    /// Wraps a loaded document; the cursor starts on the first unlabeled sentence.
    pub fn new(entry: usize, doc: Document, who: &Annotator, analyzer: &Analyzer) -> Article {
        let ann = Annotations::load(&doc, who);
        let n = doc.sentences.len();
        let lang = analyzer.lang(&doc);
        let headings = (0..n).map(|i| doc.is_heading(i)).collect();
        let mut a = Article {
            entry,
            doc,
            ann,
            cursor: 0,
            anchor: None,
            top: 0,
            lang,
            analysis: vec![None; n],
            headings,
            found: None,
            heights: Default::default(),
        };
        a.cursor = (0..n).find(|&i| a.label(i).is_none()).unwrap_or(0);
        a
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.doc.sentences.len()
    }

    /// True for an article without sentences.
    pub fn is_empty(&self) -> bool {
        self.doc.sentences.is_empty()
    }

    /// The record of sentence `i`.
    pub fn record(&self, i: usize) -> Option<&Record> {
        self.ann.as_ref().ok()?.labels.get(i)?.as_ref()
    }

    /// The label of sentence `i`.
    pub fn label(&self, i: usize) -> Option<Label> {
        self.record(i).map(|r| r.label)
    }

    /// Labeled sentences.
    pub fn labeled(&self) -> usize {
        self.ann.as_ref().map_or(0, |a| a.count())
    }

    /// The inclusive range a label key would cover: the range if one is started, else the
    /// cursor.
    pub fn selection(&self) -> (usize, usize) {
        match self.anchor {
            Some(a) => (a.min(self.cursor), a.max(self.cursor)),
            None => (self.cursor, self.cursor),
        }
    }

    /// Computes the analysis of sentence `i` if not done yet.
    pub fn analyse(&mut self, analyzer: &Analyzer, i: usize) {
        if i < self.len() && self.analysis[i].is_none() {
            self.analysis[i] = Some(analyzer.sentence(&self.doc, self.lang, i));
        }
    }

    /// The paragraph of sentence `i`.
    pub fn paragraph(&self, i: usize) -> u32 {
        self.doc.sentences[i].paragraph
    }
}
