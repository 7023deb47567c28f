//! Keys that did what the annotator did not mean: each test types the keys of one slip
//! and checks, on disk, that no label changed that should not have.

use crate::support::tui::{app, corpus, keys, labels_on_disk};
use glose::Label;
use glose::tui::action::{Action, View};
use glose::tui::{Modal, Prompt, Question};

/// A corpus with one two-sentence article.
fn two_sentences() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("two.txt"),
        "The river rose by three metres. Residents said they had never seen such a flood.\n",
    )
    .unwrap();
    dir
}

fn on_disk(dir: &std::path::Path, article: &str) -> Vec<String> {
    labels_on_disk(dir, article, "alice")
        .into_iter()
        .map(|(_, l)| l)
        .collect()
}

#[test]
fn a_note_on_an_unlabeled_sentence_is_written_not_run_as_keys() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>fk");
    assert_eq!(app.article().unwrap().cursor, 0);
    keys(&mut app, "j");
    // Sentence 2 is unlabeled: "us" + Enter is the note, and neither undoes, labels skip
    // nor accepts a suggestion.
    keys(&mut app, "cus<enter>");
    assert_eq!(on_disk(dir.path(), "a_rain.txt"), ["factual"]);
    assert_eq!(app.article().unwrap().label(1), None);
    let sc = crate::support::tui::sidecar(dir.path(), "a_rain.txt", "alice").unwrap();
    assert_eq!(
        sc.notes.iter().map(|n| n.note.as_str()).collect::<Vec<_>>(),
        ["us"]
    );
    // The label that comes takes the note.
    keys(&mut app, "o");
    assert_eq!(on_disk(dir.path(), "a_rain.txt"), ["factual", "opinion"]);
    let sc = crate::support::tui::sidecar(dir.path(), "a_rain.txt", "alice").unwrap();
    assert_eq!(sc.labels[1].note.as_deref(), Some("us"));
}

#[test]
fn a_refused_note_prompt_lets_no_typed_key_act() {
    let dir = corpus();
    let p = crate::support::tui::sidecar_path(dir.path(), "a_rain.txt", "alice");
    std::fs::write(&p, "(schema: 1, labels: [ oops").unwrap();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    // Read-only: the note is refused, and what was typed for it does not move the cursor
    // or open the search.
    keys(&mut app, "cj/");
    assert!(matches!(app.screen.modal(), Some(Modal::Refused(_))));
    assert_eq!(app.article().unwrap().cursor, 0);
    keys(&mut app, "<esc>j");
    assert_eq!(app.screen.modal(), None);
    assert_eq!(app.article().unwrap().cursor, 1);
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "(schema: 1, labels: [ oops"
    );
}

#[test]
fn label_keys_past_the_last_sentence_change_nothing_and_say_where_to_go() {
    let dir = two_sentences();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>fqos");
    assert_eq!(on_disk(dir.path(), "two.txt"), ["factual", "quote"]);
    let (msg, error) = app.message.clone().unwrap();
    assert!(
        error && msg.contains("] next article") && msg.contains("n next unlabeled"),
        "{msg}"
    );
    // Moving away and back makes the last sentence labelable again.
    keys(&mut app, "kjo");
    assert_eq!(on_disk(dir.path(), "two.txt"), ["factual", "opinion"]);
}

#[test]
fn enter_after_a_search_finds_the_next_match_and_never_labels() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>/the<enter>");
    let first = app.article().unwrap().cursor;
    keys(&mut app, "<enter>");
    let second = app.article().unwrap().cursor;
    assert_ne!(first, second, "Enter went to the next match");
    assert!(on_disk(dir.path(), "a_rain.txt").is_empty());
    // Once another key was pressed, Enter accepts the suggestion again.
    keys(&mut app, "j<enter>");
    assert_eq!(on_disk(dir.path(), "a_rain.txt").len(), 1);
}

#[test]
fn accept_on_a_range_accepts_every_suggestion_in_it() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>vjj");
    let expected: Vec<Label> = (0..3)
        .map(|i| {
            let a = app.article_mut().unwrap();
            a.analyse(&glose::nlp::analysis::Analyzer::builtin(), i);
            a.analysis[i]
                .as_ref()
                .unwrap()
                .suggestion
                .as_ref()
                .unwrap()
                .label
        })
        .collect();
    keys(&mut app, "a");
    let a = app.article().unwrap();
    assert_eq!(a.anchor, None);
    let got: Vec<Option<Label>> = (0..3).map(|i| a.label(i)).collect();
    assert_eq!(got, expected.into_iter().map(Some).collect::<Vec<_>>());
    assert_eq!(on_disk(dir.path(), "a_rain.txt").len(), 3);
    // One undo step takes the whole range back.
    keys(&mut app, "u");
    assert!(on_disk(dir.path(), "a_rain.txt").is_empty());
}

#[test]
fn ctrl_c_in_a_prompt_cancels_it_and_the_line_edits_like_a_shell() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>fkc");
    assert!(matches!(
        app.screen.modal(),
        Some(Modal::Prompt(Prompt::Note, _))
    ));
    keys(&mut app, "half typed<c-c>");
    assert!(!app.quit);
    assert_eq!(app.screen.modal(), None);
    assert_eq!(app.article().unwrap().record(0).unwrap().note, None);
    // Home, Left/Right, ctrl-w and ctrl-u edit; Enter saves what the line shows.
    keys(&mut app, "cword one<c-w>two<home><right>W<del>");
    app.paste(" pasted\ntext");
    keys(&mut app, "<enter>");
    let note = labels_on_disk_note(dir.path());
    assert_eq!(note.as_deref(), Some("wW pasted textrd two"));
    keys(&mut app, "cabc<c-u>x<enter>");
    assert_eq!(labels_on_disk_note(dir.path()).as_deref(), Some("x"));
}

fn labels_on_disk_note(dir: &std::path::Path) -> Option<String> {
    crate::support::tui::sidecar(dir, "a_rain.txt", "alice")
        .unwrap()
        .labels
        .into_iter()
        .find(|r| r.start == 0)
        .and_then(|r| r.note)
}

#[test]
fn capital_q_in_the_reader_asks_once_and_caps_lock_is_named() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>Q");
    assert!(!app.quit);
    assert_eq!(app.screen.modal(), Some(&Modal::Confirm(Question::Quit)));
    keys(&mut app, "n");
    assert!(!app.quit && app.screen.modal().is_none());
    keys(&mut app, "Qy");
    assert!(app.quit);

    let mut app = crate::support::tui::app(dir.path(), "alice");
    keys(&mut app, "<enter>F");
    let (msg, error) = app.message.clone().unwrap();
    assert!(
        error && msg.contains("Caps Lock") && msg.contains("label-factual"),
        "{msg}"
    );
    assert!(on_disk(dir.path(), "a_rain.txt").is_empty());

    // Turned off in config.ron: Q quits at once.
    let mut app = crate::support::tui::app(dir.path(), "alice");
    app.confirm_quit = false;
    keys(&mut app, "<enter>Q");
    assert!(app.quit);
}

#[test]
fn next_unlabeled_wraps_to_earlier_articles_saying_so() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    // Open the last article and label all of it.
    keys(&mut app, "G<enter>fff");
    assert_eq!(app.screen.view(), View::Reader);
    let last = app.reader.current;
    keys(&mut app, "k");
    app.update(Action::NextUnlabeled);
    assert_ne!(app.reader.current, last, "went back to an earlier article");
    let (msg, _) = app.message.clone().unwrap();
    assert!(msg.contains("Wrapped around"), "{msg}");
    let a = app.article().unwrap();
    assert_eq!(a.label(a.cursor), None);
}
