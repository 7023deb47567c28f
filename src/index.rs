//! What the library view and `glose status` show per article: title, sentence count and
//! how many sentences each annotator labeled.

use crate::annotations::Annotations;
use crate::corpus::Entry;
use crate::document::Document;
use std::collections::BTreeMap;

/// One article's summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleInfo {
    pub id: String,
    pub title: String,
    pub sentences: usize,
    /// Annotator name → labeled sentences (attached ones; orphans are not counted).
    pub labeled: BTreeMap<String, usize>,
    /// Why the file cannot be annotated, if it cannot.
    pub unreadable: Option<String>,
    /// Sidecars that do not parse, with the error.
    pub sidecar_errors: Vec<String>,
}

impl ArticleInfo {
    /// Reads the article and its sidecars. Never fails: problems are recorded in the info.
    pub fn read(entry: &Entry) -> ArticleInfo {
        let mut info = ArticleInfo {
            id: entry.id.clone(),
            title: String::new(),
            sentences: 0,
            labeled: BTreeMap::new(),
            unreadable: None,
            sidecar_errors: Vec::new(),
        };
        match Document::load(&entry.path, &entry.id) {
            Ok(doc) => {
                info.title = doc.title.clone();
                info.sentences = doc.sentences.len();
                for who in &entry.annotators {
                    match Annotations::load(&doc, who) {
                        Ok(a) => {
                            info.labeled.insert(who.to_string(), a.count());
                        }
                        Err(e) => info.sidecar_errors.push(e.to_string()),
                    }
                }
            }
            Err(why) => {
                info.title = crate::sanitize::clean(
                    &entry
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                )
                .into_owned();
                info.unreadable = Some(why.to_string());
            }
        }
        info
    }
}
