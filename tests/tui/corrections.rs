//! Segmentation corrections, notes and document status without a terminal: `Action`s on
//! `App` checked against the files on disk, and screens rendered into a `TestBackend`
//! with their styles (the split word, the note mark under NO_COLOR, the status column).

use crate::support::tui::{app, corpus, keys, sidecar};
use glose::model::label::Label;
use glose::model::sidecar::DocStatus;
use glose::tui::Modal;
use glose::tui::{App, Theme, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

const RAIN: &str = "a_rain.txt";

fn texts(app: &App) -> Vec<String> {
    let a = app.article().unwrap();
    (0..a.len())
        .map(|i| a.doc.sentence_text(i).to_string())
        .collect()
}

fn render(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(glose::tui::action::Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

fn find_row(buf: &Buffer, needle: &str) -> Option<u16> {
    (0..buf.area.height).find(|&y| row_text(buf, y).contains(needle))
}

#[test]
fn split_keeps_the_label_as_an_orphan_and_undo_redo_treat_it_like_a_label() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>gjf");
    assert_eq!(app.article().unwrap().label(1), Some(Label::Factual));
    keys(&mut app, "kb");
    let raw = app.article().unwrap().doc.raw.clone();
    assert_eq!(
        app.screen.modal(),
        Some(&Modal::Split(raw.find("Monday").unwrap()))
    );
    keys(&mut app, "hhl");
    assert_eq!(
        app.screen.modal(),
        Some(&Modal::Split(raw.find("on Monday").unwrap()))
    );
    keys(&mut app, "<enter>");
    assert_eq!(app.screen.modal(), None);
    let t = texts(&app);
    assert_eq!(t.len(), 7);
    assert_eq!(t[1], "Heavy rain fell on the capital");
    assert_eq!(t[2], "on Monday morning.");
    let a = app.article().unwrap();
    assert_eq!(a.label(1), None);
    let ann = a.ann.as_ref().unwrap();
    assert_eq!(ann.orphans.len(), 1, "the label is kept, not dropped");
    let cuts = std::fs::read_to_string(dir.path().join("a_rain.txt.cuts.ron")).unwrap();
    assert!(cuts.contains("next: \"on Monday morning."), "{cuts}");
    // Every annotator of the article gets the same units.
    let mut bob = app_open(dir.path(), "bob");
    assert_eq!(texts(&bob).len(), 7);
    keys(&mut bob, "Q");

    keys(&mut app, "u");
    assert_eq!(texts(&app).len(), 6);
    assert_eq!(
        app.article().unwrap().label(1),
        Some(Label::Factual),
        "undoing the split re-attaches the label"
    );
    keys(&mut app, "<c-r>");
    assert_eq!(texts(&app).len(), 7);
    // Merging undoes the split; the corrections file is empty again.
    keys(&mut app, "gjM");
    assert_eq!(texts(&app).len(), 6);
    assert_eq!(app.article().unwrap().label(1), Some(Label::Factual));
    let cuts = std::fs::read_to_string(dir.path().join("a_rain.txt.cuts.ron")).unwrap();
    assert!(!cuts.contains("next:"), "{cuts}");
    // A merge of two segmenter sentences, undone.
    keys(&mut app, "GkM");
    assert_eq!(texts(&app).len(), 5);
    assert_eq!(
        texts(&app)[4],
        "The council met on Tuesday. It voted a budget of two million euros."
    );
    keys(&mut app, "u");
    assert_eq!(texts(&app).len(), 6);
    // Esc cancels a split; the last sentence cannot merge.
    keys(&mut app, "b<esc>");
    assert_eq!((app.screen.modal().cloned(), texts(&app).len()), (None, 6));
    keys(&mut app, "GM");
    assert_eq!(texts(&app).len(), 6);
}

fn app_open(dir: &std::path::Path, who: &str) -> App {
    let mut a = app(dir, who);
    keys(&mut a, "<enter>");
    a
}

#[test]
fn notes_on_unlabeled_and_labeled_sentences_keep_the_label_time_and_are_found() {
    let dir = corpus();
    let mut app = app_open(dir.path(), "alice");
    keys(&mut app, "gjjcunsure<enter>");
    let a = app.article().unwrap();
    assert_eq!(a.label(2), None);
    assert_eq!(a.ann.as_ref().unwrap().note(2), Some("unsure"));
    let sc = sidecar(dir.path(), RAIN, "alice").unwrap();
    assert_eq!(sc.notes.len(), 1);
    assert_eq!(sc.notes[0].note, "unsure");

    // Labeling keeps the note; writing a note keeps the label's time.
    keys(&mut app, "gjjf");
    let at = app.article().unwrap().record(2).unwrap().at.clone();
    std::thread::sleep(std::time::Duration::from_millis(5));
    keys(&mut app, "kc<bs><bs><bs><bs><bs><bs>quoted?<enter>");
    let r = app.article().unwrap().record(2).unwrap().clone();
    assert_eq!(r.note.as_deref(), Some("quoted?"));
    assert_eq!(r.at, at, "the label keeps its own time");
    assert!(r.note_at.is_some());

    keys(&mut app, "gC");
    assert_eq!(app.article().unwrap().cursor, 2, "next-note finds it");
    keys(&mut app, "C");
    assert_eq!(
        app.article().unwrap().cursor,
        2,
        "wraps around to the only one"
    );
    keys(&mut app, "u");
    assert_eq!(
        app.article().unwrap().ann.as_ref().unwrap().note(2),
        Some("unsure")
    );
    keys(&mut app, "<c-r>");
    assert_eq!(
        app.article().unwrap().ann.as_ref().unwrap().note(2),
        Some("quoted?")
    );
}

#[test]
fn done_and_flagged_marks_are_saved_shown_and_filtered() {
    let dir = corpus();
    let mut app = app_open(dir.path(), "alice");
    keys(&mut app, "D");
    assert!(matches!(
        sidecar(dir.path(), RAIN, "alice").unwrap().status,
        Some(DocStatus::Done { .. })
    ));
    keys(&mut app, "]!bad title<enter>");
    let flood = sidecar(dir.path(), "b_flood.txt", "alice").unwrap();
    assert!(
        matches!(&flood.status, Some(DocStatus::Flagged { reason, .. }) if reason == "bad title")
    );
    keys(&mut app, "<esc>");
    let buf = render(&mut app, 100, 12);
    let rain = find_row(&buf, "a_rain.txt").unwrap();
    assert!(
        row_text(&buf, rain).contains(" done "),
        "{}",
        row_text(&buf, rain)
    );
    let flood = find_row(&buf, "b_flood.txt").unwrap();
    assert!(row_text(&buf, flood).contains(" flag "));
    let shown = |app: &App| -> Vec<String> {
        app.library
            .order
            .iter()
            .map(|&e| app.library.entries[e].id.clone())
            .collect()
    };
    keys(&mut app, "d");
    assert_eq!(shown(&app), ["a_rain.txt"]);
    keys(&mut app, "d");
    assert_eq!(shown(&app), ["b_flood.txt"]);
    keys(&mut app, "d");
    assert_eq!(shown(&app), ["b_flood.txt", "c_vote.txt"]);
    keys(&mut app, "d");
    assert_eq!(shown(&app).len(), 3);
    // Pressing again removes the mark.
    keys(&mut app, "g<enter>D");
    assert_eq!(sidecar(dir.path(), RAIN, "alice").unwrap().status, None);
}

#[test]
fn reviewers_see_who_is_done_and_every_annotators_note_and_write_a_gold_note() {
    let dir = corpus();
    for (who, note) in [("alice", "alice thinks so"), ("bob", "bob doubts")] {
        let mut a = app_open(dir.path(), who);
        keys(&mut a, &format!("gjfkc{note}<enter>D"));
    }
    let mut carol = app(dir.path(), "carol");
    carol.screen.set_session(glose::tui::Session::Review);
    let buf = render(&mut carol, 120, 14);
    let rain = find_row(&buf, "a_rain.txt").unwrap();
    assert!(
        row_text(&buf, rain).contains("✓  2/2"),
        "{}",
        row_text(&buf, rain)
    );
    keys(&mut carol, "d");
    assert_eq!(carol.library.order.len(), 1, "done by every annotator");
    keys(&mut carol, "ddd");
    assert_eq!(carol.library.order.len(), 3);

    keys(&mut carol, "gr");
    carol.wait_review();
    keys(&mut carol, "gC");
    let buf = render(&mut carol, 160, 14);
    let detail = row_text(&buf, 12);
    assert!(detail.contains("alice's note: alice thinks so"), "{detail}");
    assert!(detail.contains("bob's note: bob doubts"), "{detail}");
    keys(&mut carol, "c");
    assert!(
        carol
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("Set the gold label first")
    );
    // A gold label moves the cursor to the next unsettled disagreement: come back to the
    // row just settled to write its note.
    let e = carol.review.current.unwrap();
    let row = carol.review.panes[&e].cursor;
    keys(&mut carol, "f");
    carol.review.panes.get_mut(&e).unwrap().cursor = row;
    keys(&mut carol, "cboth right<enter>");
    let gold = sidecar(dir.path(), RAIN, "gold").unwrap();
    let r = gold
        .labels
        .iter()
        .find(|r| r.label == Label::Factual)
        .unwrap();
    assert_eq!(r.note.as_deref(), Some("both right"));
    keys(&mut carol, "jk");
    let buf = render(&mut carol, 160, 14);
    assert!(row_text(&buf, 12).contains("gold note: both right"));
}

#[test]
fn the_split_word_and_the_note_mark_show_without_colour() {
    let dir = corpus();
    let mut app = app_open(dir.path(), "alice");
    app.theme = Theme::new(false, false);
    keys(&mut app, "gjjjca note<enter>kkb");
    let buf = render(&mut app, 80, 12);
    let y = find_row(&buf, "Heavy rain").unwrap();
    let line = row_text(&buf, y);
    let x = line.find("Monday").unwrap() as u16;
    let word = &buf[(x, y)];
    assert!(
        word.modifier
            .contains(Modifier::UNDERLINED | Modifier::BOLD)
    );
    assert!(!word.modifier.contains(Modifier::REVERSED));
    let other = &buf[(x - 3, y)];
    assert!(
        other.modifier.contains(Modifier::REVERSED),
        "the rest of the cursor sentence"
    );
    assert!(row_text(&buf, 10).contains("split before “Monday”"));
    let noted = find_row(&buf, "This is a shameful").unwrap();
    assert_eq!(buf[(2, noted)].symbol(), "#");
    let plain = find_row(&buf, "The minister").unwrap();
    assert_eq!(buf[(2, plain)].symbol(), " ");
}
