//! Moving around without a terminal: sentences, paragraphs, pages, unlabeled sentences and
//! suggestions across articles, search, the library, pagers, the mouse and resizing.

use crate::support::tui::{app, corpus, keys, labels_on_disk};
use glose::tui::action::{Action, View};

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
    let mut ev = crate::support::tui::event("<enter>");
    ev.kind = crossterm::event::KeyEventKind::Release;
    assert_eq!(app.resolve_key(ev), None);
    assert_eq!(
        app.resolve_key(crate::support::tui::event("<enter>")),
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

/// Where `least-confident` must go for `who`, computed from the files on disk: the
/// unlabeled sentence with the least confident suggestion among `articles` (all if empty).
fn least_on_disk(dir: &std::path::Path, who: &str, articles: &[&str]) -> (String, usize) {
    use glose::model::annotations::Annotations;
    use glose::model::document::Document;
    use glose::nlp::analysis::Analyzer;
    let corpus = glose::model::corpus::Corpus::scan(dir).unwrap();
    let who = glose::model::annotator::Annotator::new(who).unwrap();
    let docs: Vec<Document> = corpus
        .entries
        .iter()
        .filter(|e| articles.is_empty() || articles.contains(&e.id.as_str()))
        .map(|e| Document::load(&e.path, &e.id).unwrap())
        .collect();
    let anns: Vec<Annotations> = docs
        .iter()
        .map(|d| Annotations::load(d, &who).unwrap())
        .collect();
    let (d, i, _) = Analyzer::builtin()
        .least_confident(&docs, |d, i| anns[d].label(i).is_some())
        .unwrap();
    (docs[d].id.clone(), i)
}

fn at(app: &glose::tui::App) -> (String, usize) {
    let a = app.article().unwrap();
    (a.doc.id.clone(), a.cursor)
}

/// Lets the scan of articles not open finish (bounded: it runs in a thread).
fn finish_scan(app: &mut glose::tui::App) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while app.prefetch_step() {
        assert!(std::time::Instant::now() < deadline, "the scan never ended");
    }
}

#[test]
fn least_confident_jumps_across_articles_and_skips_labeled() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    // Closed articles are scanned in a thread; the results come in between keys.
    finish_scan(&mut app);
    assert_eq!(app.reader.least.len(), 3);
    // Every sentence of the first article labeled: `m` must look elsewhere.
    keys(&mut app, "<enter>ffffffm");
    let first = least_on_disk(dir.path(), "alice", &[]);
    assert_eq!(first, ("c_vote.txt".to_string(), 2));
    assert_eq!(at(&app), first);
    let msg = app.message.clone().unwrap().0;
    assert!(
        msg.contains("in the corpus") && !msg.contains("scanning"),
        "{msg}"
    );
    // Labeling that sentence makes `m` go to the next least confident.
    keys(&mut app, "fm");
    let second = least_on_disk(dir.path(), "alice", &[]);
    assert_eq!(second, ("b_flood.txt".to_string(), 2));
    assert_eq!(at(&app), second);
}

#[test]
fn least_confident_before_the_scan_ends_takes_the_best_so_far_and_says_so() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    // The least confident sentences of the first article labeled.
    keys(&mut app, "<enter>ffjffm");
    // Nothing scanned yet: only the open article is known.
    let so_far = least_on_disk(dir.path(), "alice", &["a_rain.txt"]);
    assert_eq!(at(&app), so_far);
    let msg = app.message.clone().unwrap().0;
    assert!(msg.contains("still scanning 1/3 articles"), "{msg}");
    finish_scan(&mut app);
    assert_eq!(app.reader.least.len(), 2, "the two closed articles");
    let target = least_on_disk(dir.path(), "alice", &[]);
    assert_ne!(target.0, so_far.0);
    // A newer model makes the scans stale: they are redone, and meanwhile still used.
    app.analyzer.set_learned(None);
    assert!(app.background_step());
    assert!(app.reader.least.is_empty());
    assert_eq!(app.reader.least_stale.len(), 2);
    keys(&mut app, "m");
    assert_eq!(at(&app), target);
    let msg = app.message.clone().unwrap().0;
    assert!(msg.contains("still scanning 1/3 articles"), "{msg}");
    finish_scan(&mut app);
    assert!(
        app.reader.least.contains_key(&2),
        "c_vote.txt scanned again"
    );
    keys(&mut app, "ggm");
    assert_eq!(at(&app), target);
    assert!(app.message.clone().unwrap().0.contains("in the corpus"));
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
fn a_lazy_library_fills_in_between_keys_and_is_usable_before() {
    use glose::model::annotator::Annotator;
    use glose::model::corpus::Corpus;
    use glose::tui::keymap::Keymap;
    let dir = corpus();
    let eager = app(dir.path(), "alice");
    let mut app = glose::tui::App::lazy(
        Corpus::scan(dir.path()).unwrap(),
        Annotator::new("alice").unwrap(),
        Keymap::builtin_default(),
        glose::tui::Theme::new(false, false),
    );
    app.update(Action::Resize(80, 24));
    assert_eq!(app.library.pending, 0);
    assert_eq!(app.library.infos[0].title, "a_rain.txt");
    // Articles can be opened and labeled before the library has read them.
    keys(&mut app, "<enter>f<esc>");
    assert_eq!(labels_on_disk(dir.path(), "a_rain.txt", "alice").len(), 1);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while app.background_step() {
        assert!(
            std::time::Instant::now() < deadline,
            "background work never ended"
        );
    }
    assert_eq!(app.library.pending, 3, "three articles read");
    let mut scanned: Vec<usize> = app.reader.least.keys().copied().collect();
    scanned.sort_unstable();
    assert_eq!(scanned, [1, 2], "the two closed articles scanned");
    assert_eq!(app.library.infos[1], eager.library.infos[1]);
    assert_eq!(app.library.infos[0].title, "Rain in the capital");
    assert_eq!(app.library.labeled(0, &Annotator::new("alice").unwrap()), 1);
}
