//! The UI's behaviour driven through keys and actions, without a terminal: every label is
//! checked on disk, not only in memory.

mod tui_support;

use glose::action::{Action, View};
use glose::sidecar::How;
use glose::tui::{Mode, SaveState};
use tui_support::{app, corpus, keys, labels_on_disk, sidecar, sidecar_path};

fn text(app: &glose::tui::App, i: usize) -> String {
    app.article().unwrap().doc.sentence_text(i).to_string()
}

#[test]
fn one_key_labels_saves_and_advances() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    assert_eq!(app.view, View::Library);
    keys(&mut app, "<enter>");
    assert_eq!(app.view, View::Reader);
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
    assert_eq!(app.view, View::Library);
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
    assert_eq!(app.view, View::Reader);
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
    assert_eq!(app.mode, Mode::ConfirmQuit);
    keys(&mut app, "n");
    assert_eq!(app.mode, Mode::Normal);
    std::fs::remove_dir(&blocker).unwrap();
    // The next change retries the pending one too.
    keys(&mut app, "o");
    assert!(matches!(app.save, SaveState::Saved(_)));
    assert_eq!(labels_on_disk(dir.path(), "a_rain.txt", "alice").len(), 2);
    keys(&mut app, "Q");
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
        .suggestion;
    keys(&mut app, "<enter>");
    assert_eq!(app.article().unwrap().cursor, 1);
    let sc = sidecar(dir.path(), "a_rain.txt", "alice").unwrap();
    assert_eq!(sc.labels.len(), 1);
    assert_eq!(sc.labels[0].label, expected.label);
    assert_eq!(sc.labels[0].how, How::Suggestion);
    assert_eq!(sc.labels[0].model.as_deref(), Some(expected.model));
    // Suggestions shown for other sentences were not saved.
    assert!(app.article().unwrap().analysis[2].is_some());
}

#[test]
fn next_unlabeled_skips_labeled_and_moves_on_to_the_next_article() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>jjf");
    keys(&mut app, "gn");
    assert_eq!(app.article().unwrap().cursor, 1);
    keys(&mut app, "n");
    assert_eq!(app.article().unwrap().cursor, 3);
    keys(&mut app, "nnn");
    assert_eq!(app.article().unwrap().doc.id, "b_flood.txt");
    assert_eq!(app.article().unwrap().cursor, 0);
    keys(&mut app, "N");
    assert_eq!(app.article().unwrap().doc.id, "a_rain.txt");
    assert_eq!(app.article().unwrap().cursor, 5);
}

#[test]
fn paragraphs_first_last_and_articles() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>J");
    assert_eq!(app.article().unwrap().cursor, 1);
    keys(&mut app, "}");
    assert_eq!(app.article().unwrap().cursor, 4);
    keys(&mut app, "jK");
    assert_eq!(app.article().unwrap().cursor, 4);
    keys(&mut app, "{");
    assert_eq!(app.article().unwrap().cursor, 1);
    keys(&mut app, "Gk");
    assert_eq!(app.article().unwrap().cursor, 4);
    keys(&mut app, "][");
    assert_eq!(app.article().unwrap().doc.id, "a_rain.txt");
    assert_eq!(
        app.article().unwrap().cursor,
        4,
        "the cursor is kept per article"
    );
}

#[test]
fn notes_are_saved_on_the_label() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    app.advance = false;
    keys(&mut app, "<enter>c");
    assert!(
        app.message.as_ref().unwrap().1,
        "a note needs a label first"
    );
    keys(&mut app, "fcnot sure<bs><bs><bs><bs>sure<enter>");
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
fn search_finds_wraps_and_repeats() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>/THE<enter>");
    assert_eq!(app.article().unwrap().cursor, 1, "case-insensitive");
    keys(&mut app, "/<enter>");
    assert_eq!(app.article().unwrap().cursor, 2);
    keys(&mut app, "/council<enter>");
    assert_eq!(app.article().unwrap().cursor, 4);
    keys(&mut app, "/zzz<enter>");
    assert_eq!(app.article().unwrap().cursor, 4);
    assert!(app.message.as_ref().unwrap().1);
    // Letters typed into the prompt never label anything.
    assert!(labels_on_disk(dir.path(), "a_rain.txt", "alice").is_empty());
}

#[test]
fn library_filters_as_you_type_and_sorts_by_progress() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "/FLO");
    assert_eq!(app.library.order.len(), 1);
    keys(&mut app, "<enter><enter>");
    assert_eq!(app.article().unwrap().doc.id, "b_flood.txt");
    keys(&mut app, "ff<esc><esc>");
    assert!(app.library.filter.is_empty());
    assert_eq!(app.library.order.len(), 3);
    keys(&mut app, "s");
    let ids: Vec<&str> = app
        .library
        .order
        .iter()
        .map(|&e| app.library.infos[e].id.as_str())
        .collect();
    assert_eq!(ids, ["a_rain.txt", "c_vote.txt", "b_flood.txt"]);
}

#[test]
fn help_and_guidelines_open_scroll_and_close() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("GUIDELINES.md"),
        "# Ours\n\nLabel with care.\n",
    )
    .unwrap();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>?");
    assert_eq!(app.active_view(), View::Help);
    keys(&mut app, "jjj");
    assert!(matches!(
        app.pager,
        Some(glose::tui::Pager::Help { scroll: 3 })
    ));
    // `q` closes the help instead of labeling.
    keys(&mut app, "q");
    assert_eq!(app.pager, None);
    assert_eq!(app.article().unwrap().label(0), None);
    keys(&mut app, "H");
    assert!(
        app.guidelines
            .as_deref()
            .unwrap()
            .contains("Label with care.")
    );
    keys(&mut app, "<esc>");
    assert_eq!(app.active_view(), View::Reader);
}

#[test]
fn clicks_select_and_the_wheel_scrolls() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    // Row 1 is the title sentence, row 2 the paragraph gap, row 3 the next sentence.
    app.update(Action::Click { column: 10, row: 3 });
    assert_eq!(app.article().unwrap().cursor, 1);
    app.update(Action::Resize(60, 12));
    app.update(Action::Scroll(3));
    let a = app.article().unwrap();
    assert_eq!(a.top, 3);
    assert!(a.cursor >= 3, "the cursor follows the screen");
    // In the library a click selects a row, a second click opens it.
    keys(&mut app, "<esc>");
    app.update(Action::Click { column: 5, row: 4 });
    assert_eq!((app.view, app.library.selected), (View::Library, 2));
    app.update(Action::Click { column: 5, row: 4 });
    assert_eq!(app.article().unwrap().doc.id, "c_vote.txt");
}

#[test]
fn only_key_presses_count() {
    let dir = corpus();
    let app = app(dir.path(), "alice");
    let mut ev = tui_support::event("<enter>");
    ev.kind = crossterm::event::KeyEventKind::Release;
    assert_eq!(app.resolve_key(ev), None);
    assert_eq!(
        app.resolve_key(tui_support::event("<enter>")),
        Some(Action::Open)
    );
}

#[test]
fn growing_the_terminal_fills_the_screen_again() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>G");
    // As left by a smaller screen: only the last sentence shown.
    app.article_mut().unwrap().top = 5;
    app.update(Action::Resize(100, 40));
    assert_eq!(
        app.article().unwrap().top,
        0,
        "the whole article fits again"
    );
    assert_eq!(app.article().unwrap().cursor, 5);
}

#[test]
fn least_confident_jumps_across_articles_and_skips_labeled() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    // Background scanning between keys fills the cache for closed articles.
    while app.prefetch_step() {}
    assert_eq!(app.least.len(), 3);
    keys(&mut app, "<enter>m");
    let a = app.article().unwrap();
    let (id, cur) = (a.doc.id.clone(), a.cursor);
    assert_eq!(a.label(cur), None);
    // Labeling that sentence makes `m` go elsewhere.
    keys(&mut app, "fm");
    let a = app.article().unwrap();
    assert!(a.doc.id != id || a.cursor != cur);
    assert_eq!(a.label(a.cursor), None);
}

#[test]
fn pages_move_a_screen_at_a_time_in_a_long_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Long one\n\n");
    for i in 0..200 {
        text.push_str(&format!("Sentence number {i} is here."));
        text.push_str(if i % 5 == 4 { "\n\n" } else { " " });
    }
    std::fs::write(dir.path().join("long.txt"), text).unwrap();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    let (_, rows) = app.text_area();
    app.update(Action::PageDown);
    let a = app.article().unwrap();
    assert_eq!(a.cursor, a.top);
    assert!(
        a.top > rows / 3 && a.top < rows,
        "top {} rows {rows}",
        a.top
    );
    let first_page = a.top;
    app.update(Action::PageDown);
    assert!(app.article().unwrap().top > first_page);
    app.update(Action::PageUp);
    app.update(Action::PageUp);
    assert_eq!(app.article().unwrap().top, 0);
    keys(&mut app, "G");
    let a = app.article().unwrap();
    assert_eq!(a.cursor, a.len() - 1);
    assert!(a.top > 0);
    // A click on the selected library row opens it.
    keys(&mut app, "<esc>");
    assert_eq!(app.view, View::Library);
    app.update(Action::Click { column: 5, row: 2 });
    assert_eq!(app.view, View::Reader);
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
    let mut app = tui_support::app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    let msg = app.message.clone().unwrap().0;
    assert!(msg.contains("2 label(s) found again"), "{msg}");
    assert!(msg.contains("1 whose sentence is gone"), "{msg}");
}

#[test]
fn a_lazy_library_fills_in_between_keys_and_is_usable_before() {
    use glose::annotator::Annotator;
    use glose::corpus::Corpus;
    use glose::keymap::Keymap;
    let dir = corpus();
    let eager = app(dir.path(), "alice");
    let mut app = glose::tui::App::lazy(
        Corpus::scan(dir.path()).unwrap(),
        Annotator::new("alice").unwrap(),
        Keymap::builtin_default(),
        glose::tui::Theme { color: false },
    );
    app.update(Action::Resize(80, 24));
    assert_eq!(app.library.pending, 0);
    assert_eq!(app.library.infos[0].title, "a_rain.txt");
    // Articles can be opened and labeled before the library has read them.
    keys(&mut app, "<enter>f<esc>");
    assert_eq!(labels_on_disk(dir.path(), "a_rain.txt", "alice").len(), 1);
    let mut steps = 0;
    while app.background_step() {
        steps += 1;
    }
    assert_eq!(steps, 3 + 2, "three articles read, two closed ones scanned");
    assert_eq!(app.library.infos[1], eager.library.infos[1]);
    assert_eq!(app.library.infos[0].title, "Rain in the capital");
    assert_eq!(app.library.labeled(0, &Annotator::new("alice").unwrap()), 1);
}
