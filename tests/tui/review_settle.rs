//! Settling every disagreement from the keyboard, through `App::update` without a
//! terminal: label keys move on to the next disagreement without gold, `n`/`N` skip settled
//! ones unless `T` says otherwise, majority and unanimous accepts per article and across
//! the corpus, and redo. Expectations come from the sidecars on disk.

use crate::support::tui::{app, ids, keys, review_on_disk, screen_rows, two_annotators};
use glose::model::annotator::Annotator;
use glose::model::corpus::Corpus;
use glose::review::adjudicate::Review;
use glose::tui::action::View;
use glose::tui::{AcceptKind, App, Modal};
use std::path::Path;

const ID: &str = "002_528c4a62948588f3.txt";

fn cursor(app: &App) -> usize {
    app.pane().unwrap().cursor
}

/// Opens `id` in review (library order is by name).
fn open(app: &mut App, dir: &Path, id: &str) {
    let ids = ids(dir);
    let i = ids.iter().position(|x| x == id).unwrap();
    keys(app, "g");
    for _ in 0..i {
        keys(app, "j");
    }
    keys(app, "r");
    assert_eq!(app.review.current, Some(i));
    app.wait_review();
}

/// The key of a label in the default keymap.
fn key(l: glose::model::label::Label) -> String {
    l.letter().to_ascii_lowercase().to_string()
}

/// A third annotator, `carol`, who labeled like `alice` (seeds.jsonl): every disagreement
/// between alice and bob becomes 2 against 1.
fn add_carol(dir: &Path) {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agree/seeds.jsonl"),
    )
    .unwrap();
    let (lines, bad) = glose::exchange::import::parse(&text);
    assert!(bad.is_empty());
    let corpus = Corpus::scan(dir).unwrap();
    let who = Annotator::new("carol").unwrap();
    let r = glose::exchange::import::import(&corpus, &who, lines, Default::default());
    assert!(r.added > 0);
}

#[test]
fn label_keys_alone_reach_every_disagreement_once_then_n_leaves_the_article() {
    let dir = two_annotators();
    let before = review_on_disk(dir.path(), ID);
    let d = before.disagreements();
    assert!(
        d.len() >= 2,
        "the fixture has several disagreements in {ID}"
    );
    let mut app = app(dir.path(), "rev");
    open(&mut app, dir.path(), ID);
    let mut visited = Vec::new();
    for _ in 0..d.len() {
        let u = cursor(&app);
        visited.push(u);
        // bob's label, so the gold differs from one annotator at least.
        keys(&mut app, &key(before.row(u).labels[1].unwrap()));
    }
    assert_eq!(visited, d, "every disagreement once, in order");
    let disk = review_on_disk(dir.path(), ID);
    assert!(d.iter().all(|&u| disk.gold(u).is_some()));
    assert_eq!(disk.adjudicated(), d.len(), "nothing else got gold");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains("n goes to the next article")
    );
    let here = app.review.current;
    keys(&mut app, "n");
    assert_ne!(app.review.current, here, "n left the settled article");
    assert!(app.pane().unwrap().review.is_unsettled(cursor(&app)));
}

#[test]
fn n_skips_settled_disagreements_unless_t_shows_them() {
    let dir = two_annotators();
    let before = review_on_disk(dir.path(), ID);
    let d = before.disagreements();
    let mut app = app(dir.path(), "rev");
    open(&mut app, dir.path(), ID);
    assert_eq!(cursor(&app), d[0]);
    // Settle the second one, then come back to the first by hand.
    app.pane_mut().unwrap().cursor = d[1];
    keys(&mut app, "x");
    keys(&mut app, &key(before.row(d[1]).labels[0].unwrap()));
    app.pane_mut().unwrap().cursor = d[0];
    keys(&mut app, "n");
    assert_eq!(cursor(&app), d[2], "the settled one is skipped");
    keys(&mut app, "N");
    assert_eq!(cursor(&app), d[0]);
    keys(&mut app, "T");
    assert!(app.review.show_settled);
    keys(&mut app, "n");
    assert_eq!(cursor(&app), d[1], "T: settled ones count again");
}

#[test]
fn majority_accept_settles_two_against_one_here_or_in_the_whole_corpus() {
    let dir = two_annotators();
    add_carol(dir.path());
    let ids = ids(dir.path());
    let before: Vec<Review> = ids
        .iter()
        .map(|id| review_on_disk(dir.path(), id))
        .collect();
    let pending: Vec<Vec<usize>> = before.iter().map(Review::pending_majority).collect();
    let i = ids.iter().position(|x| x == ID).unwrap();
    let total: usize = pending.iter().map(Vec::len).sum();
    assert!(!pending[i].is_empty() && total > pending[i].len());

    let mut app = app(dir.path(), "rev");
    open(&mut app, dir.path(), ID);
    keys(&mut app, "M");
    let Some(Modal::Accept(q)) = app.screen.modal().cloned() else {
        panic!("asks first")
    };
    assert_eq!(
        (q.kind, q.here, q.corpus),
        (AcceptKind::Majority, pending[i].len(), total)
    );
    keys(&mut app, "y");
    for (k, id) in ids.iter().enumerate() {
        let disk = review_on_disk(dir.path(), id);
        let want = if k == i { pending[k].len() } else { 0 };
        assert_eq!(disk.adjudicated(), want, "{id}");
        for &u in &pending[k][..want] {
            assert_eq!(disk.gold(u), before[k].majority(u));
            assert_eq!(disk.gold_record(u).unwrap().agreed, ["alice", "carol"]);
        }
    }
    // Now the corpus: every article's 2-against-1 rows, one undo for all of them.
    keys(&mut app, "Mc");
    assert_eq!(app.screen.modal(), None);
    for (k, id) in ids.iter().enumerate() {
        let disk = review_on_disk(dir.path(), id);
        assert!(disk.pending_majority().is_empty(), "{id}");
        for &u in &pending[k] {
            assert_eq!(disk.gold(u), before[k].majority(u), "{id} row {u}");
        }
        assert_eq!(disk.adjudicated(), pending[k].len(), "{id}");
    }
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains(&format!("Accepted {}", total - pending[i].len()))
    );
    keys(&mut app, "u");
    for (k, id) in ids.iter().enumerate() {
        let want = if k == i { pending[k].len() } else { 0 };
        assert_eq!(
            review_on_disk(dir.path(), id).adjudicated(),
            want,
            "{id} after undo"
        );
    }
    // Redo brings the corpus-wide answer back.
    keys(&mut app, "<c-r>");
    let settled: usize = ids
        .iter()
        .map(|id| review_on_disk(dir.path(), id).adjudicated())
        .sum();
    assert_eq!(settled, total);
}

#[test]
fn unanimous_accept_covers_the_corpus_and_n_cancels() {
    let dir = two_annotators();
    let ids = ids(dir.path());
    let pending: Vec<usize> = ids
        .iter()
        .map(|id| review_on_disk(dir.path(), id).pending_unanimous().len())
        .collect();
    let mut app = app(dir.path(), "rev");
    open(&mut app, dir.path(), ID);
    keys(&mut app, "An");
    assert_eq!(app.screen.modal(), None);
    let none: usize = ids
        .iter()
        .map(|id| review_on_disk(dir.path(), id).adjudicated())
        .sum();
    assert_eq!(none, 0);
    keys(&mut app, "Ac");
    for (k, id) in ids.iter().enumerate() {
        assert_eq!(
            review_on_disk(dir.path(), id).adjudicated(),
            pending[k],
            "{id}"
        );
    }
}

#[test]
fn redo_in_review_sets_the_undone_gold_again() {
    let dir = two_annotators();
    let before = review_on_disk(dir.path(), ID);
    let u = before.disagreements()[0];
    let mut app = app(dir.path(), "rev");
    open(&mut app, dir.path(), ID);
    keys(&mut app, "o");
    keys(&mut app, "u");
    assert_eq!(review_on_disk(dir.path(), ID).gold(u), None);
    // Redo from the library too, as undo works there.
    keys(&mut app, "<esc>");
    assert_eq!(app.screen.view(), View::Library);
    keys(&mut app, "r<c-r>");
    assert_eq!(
        review_on_disk(dir.path(), ID).gold(u),
        Some(glose::model::label::Label::Opinion)
    );
    keys(&mut app, "<c-r>");
    assert!(app.message.as_ref().unwrap().0.contains("Nothing to redo"));
}

#[test]
fn the_context_panel_shows_the_sentences_around_notes_and_suggestions() {
    let dir = two_annotators();
    let before = review_on_disk(dir.path(), ID);
    let u = before.disagreements()[1];
    assert!(u > 0 && u + 1 < before.len());
    // alice accepted a suggestion there and wrote a note.
    let path = crate::support::tui::sidecar_path(dir.path(), ID, "alice");
    let mut sc = glose::model::sidecar::read(&path).unwrap().unwrap();
    let rec = before.aligned().cells[u][0].clone().unwrap();
    let r = sc
        .labels
        .iter_mut()
        .find(|r| (r.start, r.end) == (rec.start, rec.end))
        .unwrap();
    r.how = glose::model::sidecar::How::Suggestion;
    r.model = Some("logreg/3".into());
    r.note = Some("hedged claim".into());
    glose::model::sidecar::write(&path, &sc).unwrap();

    let mut app = app(dir.path(), "rev");
    open(&mut app, dir.path(), ID);
    keys(&mut app, "n");
    assert_eq!(cursor(&app), u);
    let rows = screen_rows(&mut app, 100, 30);
    let find = |p: &str| {
        rows.iter()
            .find(|r| r.starts_with(p))
            .cloned()
            .unwrap_or_default()
    };
    let prefix = |s: &str| s.chars().take(40).collect::<String>();
    assert!(
        find("↑ ").contains(&prefix(before.text(u - 1))),
        "{rows:#?}"
    );
    assert!(
        find("↓ ").contains(&prefix(before.text(u + 1))),
        "{rows:#?}"
    );
    let alice = find("1 alice: ");
    assert!(alice.contains("accepted suggestion, logreg/3"), "{alice}");
    assert!(alice.contains("note: hedged claim"), "{alice}");
    assert!(find("2 bob: ").contains("(imported)"));
    // With only disagreements shown, the panel still gives the article's neighbours.
    keys(&mut app, "t");
    let up = screen_rows(&mut app, 100, 30)
        .into_iter()
        .find(|r| r.starts_with("↑ "))
        .unwrap_or_default();
    assert!(up.contains(&prefix(before.text(u - 1))), "{up}");
}
