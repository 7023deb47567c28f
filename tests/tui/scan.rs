//! The library over a corpus scanned in the background: drawn before the scan is over, with
//! its progress, growing without moving the selection, complete and in corpus order at the
//! end; what needs the whole corpus waits for it.

use crate::support::tui::keys;
use glose::model::annotator::Annotator;
use glose::model::corpus::Corpus;
use glose::model::index::News;
use glose::tui::action::Action;
use glose::tui::keymap::Keymap;
use glose::tui::{App, Theme, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::{Duration, Instant};

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(200, 60)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// 24 articles in nested folders whose names sort differently from their ids.
fn nested() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, folder) in ["", "a/", "a-/", "a/b/", "z/", "é/"].iter().enumerate() {
        for k in 0..4 {
            let p = dir.path().join(format!("{folder}art{k}.txt"));
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            let body = "Une phrase. ".repeat(i + k + 1);
            std::fs::write(p, format!("Titre {i}-{k}\n\n{body}\n")).unwrap();
        }
    }
    dir
}

fn who() -> Annotator {
    Annotator::new("alice").unwrap()
}

fn open(dir: &Path, cache: &Path) -> App {
    let mut app = App::open(
        dir,
        who(),
        Keymap::builtin_default(),
        Theme::new(false, false),
        Some(cache.to_path_buf()),
    )
    .unwrap();
    app.update(Action::Resize(200, 60));
    app
}

/// Runs background steps until the scan and index are over.
fn finish(app: &mut App) {
    let t0 = Instant::now();
    while app.indexer.is_some() {
        if !app.background_step() {
            std::thread::sleep(Duration::from_millis(2));
        }
        assert!(
            t0.elapsed() < Duration::from_secs(60),
            "the index never finished"
        );
    }
}

#[test]
fn the_library_draws_before_the_scan_and_is_complete_after() {
    let dir = nested();
    let cache = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), cache.path());
    // Nothing is taken from the scan before the first frame.
    let first = screen(&app);
    assert!(first.contains("0 articles │ scanning… "), "{first}");
    assert!(first.contains("Looking for articles…"), "{first}");
    assert!(!first.contains("No articles here"), "{first}");
    finish(&mut app);
    assert!(!app.scanning());
    let eager = crate::support::tui::app(dir.path(), "alice");
    assert_eq!(app.library.entries, eager.library.entries);
    assert_eq!(app.library.infos, eager.library.infos);
    assert_eq!(app.library.order, eager.library.order);
    let last = screen(&app);
    assert!(last.contains("24 articles │ 0/"), "{last}");
    assert!(
        !last.contains("scanning") && !last.contains("reading"),
        "{last}"
    );
    for e in &app.library.entries {
        assert!(last.contains(&e.id), "{} missing:\n{last}", e.id);
    }
    // A second start brings the cached summaries with the entries.
    let again = open(dir.path(), cache.path());
    let news = again.indexer.as_ref().unwrap().wait();
    assert!(news.entries.iter().all(|(_, cached)| cached.is_some()));
    assert!(news.infos.is_empty(), "nothing was read again");
}

#[test]
fn entries_arriving_are_appended_and_the_selection_stays() {
    let dir = nested();
    let all = Corpus::scan(dir.path()).unwrap().entries;
    let mut app = App::lazy(
        Corpus::empty(dir.path()),
        who(),
        Keymap::builtin_default(),
        Theme::new(false, false),
    );
    app.library.scanning = true;
    app.update(Action::Resize(200, 60));
    let batch = |from: usize, to: usize| News {
        entries: all[from..to].iter().map(|e| (e.clone(), None)).collect(),
        ..News::default()
    };
    app.library.take(batch(0, 10), &who(), |_| None);
    keys(&mut app, "jjj");
    let chosen = app.library.current();
    assert_eq!(chosen, Some(3));
    let partial = screen(&app);
    assert!(partial.contains("10 articles │ scanning… "), "{partial}");
    assert!(partial.contains(&all[9].id) && !partial.contains(&all[10].id));
    let mut rest = batch(10, all.len());
    rest.scanned = true;
    app.library.take(rest, &who(), |_| None);
    assert_eq!(app.library.current(), chosen);
    assert_eq!(app.library.entries, all);
    assert!(!app.scanning());
    let done = screen(&app);
    assert!(!done.contains("scanning"), "{done}");
    assert!(done.contains(&all[all.len() - 1].id), "{done}");
}

#[test]
fn the_review_summaries_wait_for_the_whole_corpus() {
    let dir = nested();
    let cache = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), cache.path());
    app.review.mode = true;
    app.start_review_index();
    assert!(!app.review_busy(), "started on part of the corpus");
    finish(&mut app);
    app.wait_review();
    let ix = app
        .review
        .index
        .as_ref()
        .expect("summaries started after the scan");
    assert_eq!(ix.articles.len(), app.library.entries.len());
}

#[test]
fn stats_opened_during_the_scan_are_computed_again_once_it_is_over() {
    let dir = crate::support::tui::two_annotators();
    let cache = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), cache.path());
    app.update(Action::Stats);
    let early = app.stats.as_ref().expect("the stats screen opens at once");
    assert!(early.note.is_some(), "no annotators known yet");
    finish(&mut app);
    app.wait_review();
    let stats = app.stats.as_ref().unwrap();
    assert_eq!(stats.note, None);
    assert!(stats.report.is_some());
    assert_eq!(stats.back, glose::tui::action::View::Library);
}
