//! The annotator's queue from the assignment plan, through `App::update` without a
//! terminal, and rendered: assigned articles first (or only them with `m`), the reader's
//! next-article key following the queue, queue progress in the status bars; and the review
//! library sorted by disagreements without gold.

use crate::support::tui::{app, ids, keys, review_on_disk, screen_rows, two_annotators};
use glose::model::assign::Plan;
use glose::tui::Sort;
use glose::tui::action::View;

/// The screen as text, 120 columns wide so the status bar is whole.
fn screen(app: &mut glose::tui::App) -> String {
    screen_rows(app, 120, 24).join("\n")
}

/// A plan giving `carol` the 4th then the 2nd article, and `dan` the others.
fn plan(dir: &std::path::Path) -> Vec<String> {
    let ids = ids(dir);
    let mut p = Plan::default();
    for (k, id) in ids.iter().enumerate() {
        let who = if k == 1 || k == 3 { "carol" } else { "dan" };
        p.articles.insert(id.clone(), vec![who.to_string()]);
    }
    p.save(dir).unwrap();
    vec![ids[1].clone(), ids[3].clone()]
}

#[test]
fn assigned_articles_come_first_m_shows_only_them_and_the_reader_follows_them() {
    let dir = two_annotators();
    let mine = plan(dir.path());
    let all = ids(dir.path());
    let mut app = app(dir.path(), "carol");
    app.load_queue(dir.path());
    let order: Vec<&str> = app.library.order.iter().map(|&i| all[i].as_str()).collect();
    assert_eq!(&order[..2], [mine[0].as_str(), mine[1].as_str()]);
    assert_eq!(order.len(), all.len());
    let s = screen(&mut app);
    assert!(s.contains("queue 0/2 done"), "{s}");
    keys(&mut app, "m");
    assert_eq!(app.library.order.len(), 2);
    assert!(screen(&mut app).contains("mine only"));
    // The reader's next article is the next of the queue.
    keys(&mut app, "g<enter>");
    assert_eq!(
        app.reader.current.map(|e| all[e].clone()),
        Some(mine[0].clone())
    );
    keys(&mut app, "]");
    assert_eq!(
        app.reader.current.map(|e| all[e].clone()),
        Some(mine[1].clone())
    );
    // Labeling every sentence of one queued article counts it done.
    keys(&mut app, "[");
    let n = app.reader.articles[&app.reader.current.unwrap()].len();
    for _ in 0..n {
        keys(&mut app, "f");
    }
    keys(&mut app, "<esc>");
    assert_eq!(app.screen.view(), View::Library);
    assert_eq!(app.library.queue_progress(&app.annotator), Some((1, 2)));
    keys(&mut app, "m");
    assert_eq!(app.library.order.len(), all.len());
}

#[test]
fn without_a_plan_m_says_so_and_a_broken_plan_is_named() {
    let dir = two_annotators();
    let mut app = app(dir.path(), "carol");
    app.load_queue(dir.path());
    keys(&mut app, "m");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains("No assignment plan")
    );
    std::fs::write(
        dir.path().join(glose::model::assign::PLAN_FILE),
        "(schema: 1, articles: {",
    )
    .unwrap();
    app.load_queue(dir.path());
    let (msg, error) = app.message.clone().unwrap();
    assert!(
        error && msg.contains(glose::model::assign::PLAN_FILE),
        "{msg}"
    );
    assert_eq!(app.library.order.len(), ids(dir.path()).len());
}

#[test]
fn the_review_library_sorts_by_disagreements_without_gold() {
    let dir = two_annotators();
    let all = ids(dir.path());
    let unsettled: Vec<usize> = all
        .iter()
        .map(|id| review_on_disk(dir.path(), id).disagreements().len())
        .collect();
    let mut app = app(dir.path(), "rev");
    keys(&mut app, "j");
    app.screen.set_session(glose::tui::Session::Review);
    app.library.sort = Sort::Unsettled;
    app.start_review_index();
    app.wait_review();
    let counts: Vec<usize> = app.library.order.iter().map(|&i| unsettled[i]).collect();
    let mut sorted = counts.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(counts, sorted, "most unsettled first");
    assert!(counts[0] > counts[counts.len() - 1]);
    assert_eq!(
        app.library.selected, 0,
        "the selection starts on the most work"
    );
    assert!(screen(&mut app).contains("sort: unsettled"));
    // Settling the top article's disagreements moves it down.
    let top = app.library.order[0];
    keys(&mut app, "g<enter>");
    assert_eq!(app.review.current, Some(top));
    keys(&mut app, "Mn");
    for _ in 0..unsettled[top] {
        keys(&mut app, "f");
    }
    assert_eq!(app.library.unsettled[top], 0);
    assert_eq!(*app.library.order.last().unwrap(), top);
}
