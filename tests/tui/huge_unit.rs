//! A unit of megabytes in the reader: the screen shows its first lines under the title,
//! its highlights and suggestion come from its start (and say so), and its label is
//! saved with the unit's text capped.

use crate::support::huge::{TITLE, huge_text};
use crate::support::tui::{app, keys, screen_rows, sidecar_path};
use glose::nlp::analysis::capped_reason;

#[test]
fn a_huge_unit_shows_its_start_and_labels_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = huge_text(4);
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>j");
    let rows = screen_rows(&mut app, 100, 20);
    let body: Vec<&String> = rows.iter().filter(|r| r.contains("selon")).collect();
    assert!(rows.iter().any(|r| r.contains(TITLE)), "{rows:#?}");
    // The unit fills the text area from its first words, cursor on its first row.
    let first = body.first().expect("the unit is shown");
    assert!(
        first.starts_with(">") && first.contains("selon le ministre la situation reste grave"),
        "{rows:#?}"
    );
    assert!(body.len() >= 10, "{rows:#?}");
    assert!(
        rows.iter().any(|r| r.contains(" 2/2 │ 0/2 labeled")),
        "{rows:#?}"
    );
    // The suggestion says it looked at the unit's start only.
    let a = app.article().unwrap();
    let reasons = &a.analysis[1]
        .as_ref()
        .unwrap()
        .suggestion
        .as_ref()
        .unwrap()
        .reasons;
    assert!(reasons.contains(&capped_reason()), "{reasons:?}");
    let spans = &a.analysis[1].as_ref().unwrap().spans;
    let s = a.doc.sentences[1];
    assert!(!spans.is_empty());
    assert!(
        spans.iter().all(|x| x.end <= s.start + (64 << 10)),
        "{spans:?}"
    );
    // The label is on disk at once, in a sidecar of a few hundred bytes.
    keys(&mut app, "f");
    let on_disk = std::fs::read_to_string(sidecar_path(dir.path(), "a.txt", "alice")).unwrap();
    assert!(on_disk.contains("label: Factual"), "{on_disk}");
    assert!(on_disk.len() < 800, "{} bytes", on_disk.len());
    let rows = screen_rows(&mut app, 100, 20);
    assert!(
        rows.iter().any(|r| r.contains(" 2/2 │ 1/2 labeled")),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with(">F") && r.contains("selon le ministre")),
        "{rows:#?}"
    );
}
