//! Where annotators stand with whole articles: each marks an article done, or flags it for
//! review with a reason ([`DocStatus`], kept in the annotator's sidecar). Reviewers ask
//! whether every annotator assigned to an article is done with it.

use crate::model::annotations::Annotations;
use crate::model::annotator::Annotator;
use crate::model::corpus::sidecar_path;
use crate::model::document::Document;
pub use crate::model::sidecar::DocStatus;
use crate::model::sidecar::{self, SidecarError};
use std::collections::BTreeMap;
use std::path::Path;

/// Marks `doc` done or flagged by `who` (or with `None` clears the mark) and saves the
/// sidecar atomically, merged with what is on disk like labels. Returns the previous
/// status, for undo.
pub fn set(
    doc: &Document,
    who: &Annotator,
    status: Option<DocStatus>,
) -> Result<Option<DocStatus>, SidecarError> {
    let mut ann = Annotations::load(doc, who)?;
    let before = ann.set_status(status);
    ann.save(doc)?;
    Ok(before)
}

/// A done mark made now.
pub fn done() -> DocStatus {
    DocStatus::Done { at: sidecar::now() }
}

/// A flag for review made now, with its reason.
pub fn flagged(reason: &str) -> DocStatus {
    DocStatus::Flagged {
        reason: reason.to_string(),
        at: sidecar::now(),
    }
}

/// `who`'s status of the article at `article`, from their sidecar (`None` without one).
pub fn of(article: &Path, who: &Annotator) -> Result<Option<DocStatus>, SidecarError> {
    Ok(sidecar::read(&sidecar_path(article, who))?.and_then(|s| s.status))
}

/// Whether every one of `assigned` has marked the article done (false for an empty list:
/// an article no one is assigned to is not done).
pub fn done_by_all(article: &Path, assigned: &[Annotator]) -> Result<bool, SidecarError> {
    if assigned.is_empty() {
        return Ok(false);
    }
    for who in assigned {
        if !matches!(of(article, who)?, Some(DocStatus::Done { .. })) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Per annotator, how many of these articles' marks are done, and how many flagged.
pub fn count<'a>(
    marks: impl IntoIterator<Item = &'a BTreeMap<String, DocStatus>>,
) -> [BTreeMap<String, usize>; 2] {
    let mut out: [BTreeMap<String, usize>; 2] = Default::default();
    for m in marks {
        for (who, s) in m {
            let k = usize::from(matches!(s, DocStatus::Flagged { .. }));
            *out[k].entry(who.clone()).or_default() += 1;
        }
    }
    out
}

/// Annotator → `"done"` or `{"flagged": reason}`, as `glose status --json` and the
/// export manifest show it.
pub fn to_json(status: &BTreeMap<String, DocStatus>) -> serde_json::Value {
    status
        .iter()
        .map(|(who, s)| {
            let v = match s {
                DocStatus::Done { .. } => serde_json::json!("done"),
                DocStatus::Flagged { reason, .. } => serde_json::json!({ "flagged": reason }),
            };
            (who.clone(), v)
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::label::Label;

    #[test]
    fn done_and_flagged_are_saved_kept_with_labels_and_counted_for_all_assigned() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Titre\n\nUne phrase. Deux phrases.\n").unwrap();
        let doc = Document::load(&p, "a.txt").unwrap();
        let (alice, bob) = (
            Annotator::new("alice").unwrap(),
            Annotator::new("bob").unwrap(),
        );
        crate::model::annotations::label_by_hand(&doc, &alice, &[(1, Label::Quote)]);
        assert_eq!(set(&doc, &alice, Some(done())).unwrap(), None);
        set(&doc, &bob, Some(flagged("titre coupé en deux"))).unwrap();
        let text = std::fs::read_to_string(sidecar_path(&p, &bob)).unwrap();
        assert!(
            text.contains("  status: Some(Flagged(reason: \"titre coupé en deux\", at: \""),
            "{text}"
        );
        // The fast reader and `ron` read it alike.
        let fast = crate::model::sidecar::parse_ref(&text)
            .unwrap()
            .into_owned();
        assert_eq!(
            Some(fast),
            crate::model::sidecar::read(&sidecar_path(&p, &bob)).unwrap()
        );
        let a = Annotations::load(&doc, &alice).unwrap();
        assert_eq!(a.label(1), Some(Label::Quote));
        assert!(matches!(a.status, Some(DocStatus::Done { .. })));
        assert!(done_by_all(&p, std::slice::from_ref(&alice)).unwrap());
        assert!(!done_by_all(&p, &[alice.clone(), bob.clone()]).unwrap());
        assert!(!done_by_all(&p, &[]).unwrap());
        set(&doc, &bob, Some(done())).unwrap();
        assert!(done_by_all(&p, &[alice.clone(), bob.clone()]).unwrap());
        assert!(set(&doc, &alice, None).unwrap().is_some());
        assert_eq!(of(&p, &alice).unwrap(), None);
        assert!(!done_by_all(&p, &[alice, bob]).unwrap());
    }
}
