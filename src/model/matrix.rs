//! Every annotator's labels on one article, side by side per sentence: what review,
//! agreement and export read.

use crate::model::annotations::Annotations;
use crate::model::annotator::Annotator;
use crate::model::corpus::Entry;
use crate::model::document::Document;
use crate::model::label::Label;
use crate::model::sidecar::{Record, SidecarError};

/// Sentence × annotator labels for one article.
#[derive(Debug, Clone)]
pub struct LabelMatrix {
    pub doc: Document,
    /// Column order (sorted; `gold` included when it has a sidecar).
    pub annotators: Vec<Annotator>,
    /// `rows[sentence][column]`.
    pub rows: Vec<Vec<Option<Record>>>,
    /// Per column: labels that match no sentence of the current article (orphans).
    pub unmatched: Vec<usize>,
    /// Sidecars that could not be read, with the error (their column stays empty).
    pub errors: Vec<String>,
}

impl LabelMatrix {
    /// Loads the article and each annotator's sidecar, attaching labels to sentences.
    pub fn load(entry: &Entry) -> Result<LabelMatrix, crate::model::document::Unreadable> {
        let doc = Document::load(&entry.path, &entry.id)?;
        Ok(LabelMatrix::from_doc(doc, &entry.annotators))
    }

    /// Same, for a document already loaded.
    pub fn from_doc(doc: Document, annotators: &[Annotator]) -> LabelMatrix {
        let mut rows = vec![vec![None; annotators.len()]; doc.sentences.len()];
        let mut unmatched = vec![0; annotators.len()];
        let mut errors = Vec::new();
        for (c, who) in annotators.iter().enumerate() {
            match Annotations::load(&doc, who) {
                Ok(a) => {
                    unmatched[c] = a.orphans.len();
                    for (i, r) in a.labels.into_iter().enumerate() {
                        rows[i][c] = r;
                    }
                }
                Err(e) => errors.push(sidecar_error_text(&e)),
            }
        }
        LabelMatrix {
            doc,
            annotators: annotators.to_vec(),
            rows,
            unmatched,
            errors,
        }
    }

    /// Column of an annotator.
    pub fn column(&self, who: &str) -> Option<usize> {
        self.annotators.iter().position(|a| a.as_str() == who)
    }

    /// The label of sentence `i` by column `c`.
    pub fn label(&self, i: usize, c: usize) -> Option<Label> {
        self.rows[i][c].as_ref().map(|r| r.label)
    }
}

fn sidecar_error_text(e: &SidecarError) -> String {
    e.to_string()
}
