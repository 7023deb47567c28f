//! Labeling, saving and undo driven through keys, without a terminal: every label is
//! checked on disk, not only in memory.

use crate::support::tui::{app, corpus, keys, labels_on_disk, sidecar, sidecar_path};
use glose::model::sidecar::How;
use glose::tui::action::View;
use glose::tui::{Modal, Question, SaveState};

fn text(app: &glose::tui::App, i: usize) -> String {
    app.article().unwrap().doc.sentence_text(i).to_string()
}

#[test]
fn one_key_labels_saves_and_advances() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    assert_eq!(app.screen.view(), View::Library);
    keys(&mut app, "<enter>");
    assert_eq!(app.screen.view(), View::Reader);
    assert_eq!(app.article().unwrap().cursor, 0);
    keys(&mut app, "f");
    // On disk before the next key is handled.
    assert_eq!(
        labels_on_disk(dir.path(), "a_rain.txt", "alice"),
        [(text(&app, 0), "factual".into())]
    );
    assert_eq!(app.article().unwrap().cursor, 1);
    assert!(matches!(app.save, SaveState::Saved(_)));
    keys(&mut app, "qo3s");
    let on_disk: Vec<String> = labels_on_disk(dir.path(), "a_rain.txt", "alice")
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    assert_eq!(on_disk, ["factual", "quote", "opinion", "opinion", "skip"]);
    // Another annotator's sidecar was not touched or created.
    assert!(sidecar(dir.path(), "a_rain.txt", "bob").is_none());
}

#[test]
fn q_labels_in_the_reader_and_quits_in_the_library() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>q");
    assert!(!app.quit);
    assert_eq!(app.article().unwrap().label(0), Some(glose::Label::Quote));
    keys(&mut app, "<esc>");
    assert_eq!(app.screen.view(), View::Library);
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn advance_can_be_turned_off_and_clear_removes() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    app.advance = false;
    keys(&mut app, "<enter>o");
    assert_eq!(app.article().unwrap().cursor, 0);
    keys(&mut app, "x");
    assert_eq!(app.article().unwrap().label(0), None);
    assert!(labels_on_disk(dir.path(), "a_rain.txt", "alice").is_empty());
}

#[test]
fn a_range_is_labeled_at_once_and_undone_at_once() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>jvjjo");
    let labels: Vec<_> = (0..6).map(|i| app.article().unwrap().label(i)).collect();
    use glose::Label::Opinion;
    assert_eq!(
        labels,
        [
            None,
            Some(Opinion),
            Some(Opinion),
            Some(Opinion),
            None,
            None
        ]
    );
    assert_eq!(app.article().unwrap().anchor, None);
    assert_eq!(labels_on_disk(dir.path(), "a_rain.txt", "alice").len(), 3);
    keys(&mut app, "u");
    assert!(labels_on_disk(dir.path(), "a_rain.txt", "alice").is_empty());
    keys(&mut app, "<c-r>");
    assert_eq!(labels_on_disk(dir.path(), "a_rain.txt", "alice").len(), 3);
}

#[test]
fn esc_cancels_a_range_before_leaving() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>vj<esc>");
    assert_eq!(app.screen.view(), View::Reader);
    assert_eq!(app.article().unwrap().anchor, None);
    keys(&mut app, "f");
    assert_eq!(labels_on_disk(dir.path(), "a_rain.txt", "alice").len(), 1);
}

#[test]
fn undo_reaches_back_into_an_article_left_behind() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>ff]");
    assert_eq!(app.article().unwrap().doc.id, "b_flood.txt");
    keys(&mut app, "q");
    assert_eq!(labels_on_disk(dir.path(), "b_flood.txt", "alice").len(), 1);
    keys(&mut app, "uu");
    // The second undo reopened the first article, on the sentence it changed.
    assert_eq!(app.article().unwrap().doc.id, "a_rain.txt");
    assert_eq!(app.article().unwrap().cursor, 1);
    assert!(labels_on_disk(dir.path(), "b_flood.txt", "alice").is_empty());
    assert_eq!(labels_on_disk(dir.path(), "a_rain.txt", "alice").len(), 1);
    keys(&mut app, "<c-r><c-r>");
    assert_eq!(app.article().unwrap().doc.id, "b_flood.txt");
    assert_eq!(labels_on_disk(dir.path(), "b_flood.txt", "alice").len(), 1);
    // A new change clears the redo stack.
    keys(&mut app, "uf<c-r>");
    assert_eq!(app.message.as_ref().unwrap().0, "Nothing to redo.");
}

#[test]
fn a_failed_save_keeps_the_label_says_so_retries_and_guards_quit() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    // Something that cannot be replaced by a file sits where the sidecar goes.
    let blocker = sidecar_path(dir.path(), "a_rain.txt", "alice");
    std::fs::create_dir(&blocker).unwrap();
    keys(&mut app, "f");
    assert!(matches!(&app.save, SaveState::Failed(e) if e.contains("a_rain.txt.alice.ron")));
    let (msg, is_error) = app.message.clone().unwrap();
    assert!(is_error && msg.starts_with("NOT SAVED"), "{msg}");
    assert_eq!(app.article().unwrap().label(0), Some(glose::Label::Factual));
    assert_eq!(app.unsaved(), 1);
    keys(&mut app, "Q");
    assert!(!app.quit);
    assert_eq!(
        app.screen.modal(),
        Some(&Modal::Confirm(Question::QuitUnsaved))
    );
    keys(&mut app, "n");
    assert_eq!(app.screen.modal(), None);
    std::fs::remove_dir(&blocker).unwrap();
    // The next change retries the pending one too.
    keys(&mut app, "o");
    assert!(matches!(app.save, SaveState::Saved(_)));
    assert_eq!(labels_on_disk(dir.path(), "a_rain.txt", "alice").len(), 2);
    keys(&mut app, "Qy");
    assert!(app.quit);
}

#[test]
fn quit_retries_a_pending_save_first() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    let blocker = sidecar_path(dir.path(), "a_rain.txt", "alice");
    std::fs::create_dir(&blocker).unwrap();
    keys(&mut app, "f");
    std::fs::remove_dir(&blocker).unwrap();
    // The quit question is asked only once the pending save went through.
    keys(&mut app, "<c-c>");
    assert_eq!(labels_on_disk(dir.path(), "a_rain.txt", "alice").len(), 1);
    assert_eq!(app.screen.modal(), Some(&Modal::Confirm(Question::Quit)));
    keys(&mut app, "<c-c>");
    assert!(app.quit);
    assert_eq!(labels_on_disk(dir.path(), "a_rain.txt", "alice").len(), 1);
}

#[test]
fn a_broken_sidecar_opens_read_only_and_is_left_alone() {
    let dir = corpus();
    let p = sidecar_path(dir.path(), "a_rain.txt", "alice");
    std::fs::write(&p, "(schema: 1, labels: [ oops").unwrap();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    assert!(app.article().unwrap().ann.is_err());
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains("a_rain.txt.alice.ron:1:")
    );
    keys(&mut app, "f");
    assert!(app.message.as_ref().unwrap().1, "shown as an error");
    assert_eq!(app.article().unwrap().label(0), None);
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "(schema: 1, labels: [ oops"
    );
}

#[test]
fn accepting_a_suggestion_records_how_and_the_model() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    let expected = app.article().unwrap().analysis[0]
        .clone()
        .unwrap()
        .suggestion
        .unwrap();
    keys(&mut app, "<enter>");
    assert_eq!(app.article().unwrap().cursor, 1);
    let sc = sidecar(dir.path(), "a_rain.txt", "alice").unwrap();
    assert_eq!(sc.labels.len(), 1);
    assert_eq!(sc.labels[0].label, expected.label);
    assert_eq!(sc.labels[0].how, How::Suggestion);
    assert_eq!(sc.labels[0].model.as_deref(), Some(expected.model.as_str()));
    // Suggestions shown for other sentences were not saved.
    assert!(app.article().unwrap().analysis[2].is_some());
}

#[test]
fn notes_are_saved_on_the_label() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    app.advance = false;
    keys(&mut app, "<enter>fcnot sure<bs><bs><bs><bs>sure<enter>");
    let sc = sidecar(dir.path(), "a_rain.txt", "alice").unwrap();
    assert_eq!(sc.labels[0].note.as_deref(), Some("not sure"));
    // Relabeling keeps the note.
    keys(&mut app, "o");
    let sc = sidecar(dir.path(), "a_rain.txt", "alice").unwrap();
    assert_eq!(sc.labels[0].note.as_deref(), Some("not sure"));
    keys(&mut app, "u");
    assert_eq!(app.article().unwrap().label(0), Some(glose::Label::Factual));
}

#[test]
fn an_edited_article_says_labels_moved_or_were_orphaned() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>jfff");
    let p = dir.path().join("a_rain.txt");
    let text = std::fs::read_to_string(&p).unwrap();
    let edited = text
        .replace(
            "Rain in the capital\n",
            "Rain in the capital\n\nA new first line.\n",
        )
        .replace("This is a shameful disaster for the city!", "It was sad.");
    std::fs::write(&p, edited).unwrap();
    let mut app = crate::support::tui::app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    let msg = app.message.clone().unwrap().0;
    assert!(msg.contains("2 label(s) found again"), "{msg}");
    assert!(msg.contains("1 whose sentence is gone"), "{msg}");
}

/// Under the minimum size the screen only asks for a larger window: keys pressed then,
/// unseen, neither label nor move; quitting works; a resize brings everything back.
#[test]
fn a_terminal_too_small_ignores_keys_but_quit() {
    use glose::tui::action::Action;
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    assert_eq!(app.screen.view(), View::Reader);
    app.update(Action::Resize(20, 5));
    keys(&mut app, "fjj<esc>");
    assert_eq!(app.screen.view(), View::Reader);
    assert_eq!(app.article().unwrap().cursor, 0);
    assert!(sidecar(dir.path(), "a_rain.txt", "alice").is_none());
    app.update(Action::Resize(100, 30));
    keys(&mut app, "f");
    assert_eq!(
        labels_on_disk(dir.path(), "a_rain.txt", "alice"),
        [(text(&app, 0), "factual".into())]
    );
    app.update(Action::Resize(59, 30));
    app.update(Action::Quit);
    assert!(app.quit);
}

/// Another glose of the same annotator on the same article, between two keys here.
fn other_session_labels(dir: &std::path::Path, i: usize, label: glose::Label) {
    use glose::model::annotations::Annotations;
    use glose::model::document::Document;
    use glose::model::sidecar::Record;
    let doc = Document::load(&dir.join("a_rain.txt"), "a_rain.txt").unwrap();
    let who = glose::model::annotator::Annotator::new("alice").unwrap();
    let mut ann = Annotations::load(&doc, &who).unwrap();
    let s = doc.sentences[i];
    ann.set(
        i,
        Some(Record::new(
            s.start,
            s.end,
            doc.sentence_text(i),
            label,
            How::Hand,
        )),
    );
    ann.save(&doc).unwrap();
    // The next change here is in a later millisecond than this one.
    std::thread::sleep(std::time::Duration::from_millis(5));
}

/// Issue 18 item 7: an undo (and a redo) is a new change, stamped with its own time, so it
/// is not lost to another session's change made before it; it said "Undone" while the
/// other session's label stayed on disk.
#[test]
fn item7_undo_and_redo_win_over_an_older_change_from_another_session() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    app.advance = false;
    keys(&mut app, "<enter>f");
    keys(&mut app, "q");
    let label_on_disk = || {
        labels_on_disk(dir.path(), "a_rain.txt", "alice")[0]
            .1
            .clone()
    };
    assert_eq!(label_on_disk(), "quote");
    other_session_labels(dir.path(), 0, glose::Label::Opinion);
    keys(&mut app, "u");
    assert_eq!(label_on_disk(), "factual", "the undo is on disk");
    assert_eq!(app.article().unwrap().label(0), Some(glose::Label::Factual));
    other_session_labels(dir.path(), 0, glose::Label::Skip);
    keys(&mut app, "<c-r>");
    assert_eq!(label_on_disk(), "quote", "the redo is on disk");
    assert_eq!(app.article().unwrap().label(0), Some(glose::Label::Quote));
}

/// A save re-reads the sidecar first and merges what another session of the same
/// annotator (or a sync, or another tool) wrote since, and says so; no label is lost. The
/// pty test of two sessions cannot pin the message: the reader's live poll may take the
/// change in before the save does.
#[test]
fn a_save_merges_another_sessions_labels_and_says_so() {
    let dir = corpus();
    let mut one = app(dir.path(), "alice");
    keys(&mut one, "<enter>f");
    let mut two = app(dir.path(), "alice");
    keys(&mut two, "<enter>jjs");
    let theirs = labels_on_disk(dir.path(), "a_rain.txt", "alice");
    assert_eq!(
        theirs.len(),
        2,
        "the second session merged the first: {theirs:?}"
    );
    assert!(one.message.is_none() || !one.message.as_ref().unwrap().0.contains("Merged"));
    keys(&mut one, "o");
    let msg = one.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(msg.contains("Merged changes from disk"), "{msg:?}");
    let on_disk: Vec<String> = labels_on_disk(dir.path(), "a_rain.txt", "alice")
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    assert_eq!(on_disk.len(), 3, "{on_disk:?}");
    for l in ["factual", "opinion", "skip"] {
        assert!(on_disk.iter().any(|x| x == l), "{l} lost: {on_disk:?}");
    }
}
