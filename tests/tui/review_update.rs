//! Review actions through `App::update`, without a terminal: every change is checked in the
//! gold file on disk (read back through a fresh review), expectations derived from the
//! annotators' sidecars rather than written out by hand.

use crate::support::tui::{app, keys, review_on_disk, sidecar_path, two_annotators};
use glose::model::label::Label;
use glose::model::sidecar::How;
use glose::review::adjudicate::{Review, Status};
use glose::tui::action::View;
use glose::tui::{App, Mode};
use std::path::Path;

/// Article ids in library order.
fn ids(dir: &Path) -> Vec<String> {
    let c = glose::model::corpus::Corpus::scan(dir).unwrap();
    c.entries.into_iter().map(|e| e.id).collect()
}

/// The key that sets `l` in the default keymap.
fn key(l: Label) -> &'static str {
    match l {
        Label::Factual => "f",
        Label::Quote => "q",
        Label::Opinion => "o",
        Label::Skip => "s",
    }
}

fn cursor(app: &App) -> usize {
    app.pane().unwrap().cursor
}

/// Opens the review of the first article whose on-disk review satisfies `want`.
fn open_where(app: &mut App, dir: &Path, want: impl Fn(&Review) -> bool) -> (String, Review) {
    for (i, id) in ids(dir).into_iter().enumerate() {
        let r = review_on_disk(dir, &id);
        if want(&r) {
            keys(app, "g");
            for _ in 0..i {
                keys(app, "j");
            }
            keys(app, "r");
            assert_eq!(app.view, View::Review);
            assert_eq!(app.review.current, Some(i));
            return (id, r);
        }
    }
    panic!("no article fits");
}

#[test]
fn a_label_key_sets_gold_with_who_agreed_and_undo_restores_the_file() {
    let dir = two_annotators();
    let mut app = app(dir.path(), "carol");
    let (id, before) = open_where(&mut app, dir.path(), |r| !r.disagreements().is_empty());
    // The cursor starts on the first disagreement without gold.
    let u = before.disagreements()[0];
    assert_eq!(cursor(&app), u);
    let alice = before.row(u).labels[0].unwrap();
    keys(&mut app, key(alice));
    let disk = review_on_disk(dir.path(), &id);
    assert_eq!(disk.gold(u), Some(alice));
    let g = disk.gold_record(u).unwrap();
    assert_eq!(g.how, How::Adjudication);
    assert_eq!(g.agreed, ["alice"]);
    assert_eq!(g.adjudicator.as_deref(), Some("carol"));
    assert!(sidecar_path(dir.path(), &id, "gold").exists());
    assert_eq!(disk.adjudicated(), 1);
    // Advanced to the next row; back up and clear it.
    assert_eq!(cursor(&app), u + 1);
    keys(&mut app, "kx");
    assert_eq!(review_on_disk(dir.path(), &id).gold(u), None);
    keys(&mut app, "u");
    assert_eq!(review_on_disk(dir.path(), &id).gold(u), Some(alice));
    keys(&mut app, "u");
    assert_eq!(review_on_disk(dir.path(), &id).adjudicated(), 0);
    keys(&mut app, "u");
    assert!(app.message.as_ref().unwrap().0.contains("Nothing to undo"));
}

#[test]
fn a_range_sets_gold_on_every_row_in_one_undo_step() {
    let dir = two_annotators();
    let mut app = app(dir.path(), "carol");
    let (id, before) = open_where(&mut app, dir.path(), |r| r.len() >= 3);
    keys(&mut app, "gvjjs");
    let disk = review_on_disk(dir.path(), &id);
    for u in 0..3 {
        assert_eq!(disk.gold(u), Some(Label::Skip), "row {u}");
        let agreed: Vec<String> = before
            .annotators()
            .iter()
            .zip(&before.row(u).labels)
            .filter(|(_, l)| **l == Some(Label::Skip))
            .map(|(a, _)| a.to_string())
            .collect();
        assert_eq!(disk.gold_record(u).unwrap().agreed, agreed);
    }
    assert_eq!(disk.gold(3), None);
    assert_eq!(app.pane().unwrap().anchor, None);
    keys(&mut app, "u");
    assert_eq!(review_on_disk(dir.path(), &id).adjudicated(), 0);
}

#[test]
fn accepting_unanimous_rows_asks_first_and_settles_only_those() {
    let dir = two_annotators();
    let mut app = app(dir.path(), "carol");
    let (id, before) = open_where(&mut app, dir.path(), |r| {
        !r.disagreements().is_empty() && !r.pending_unanimous().is_empty()
    });
    let pending = before.pending_unanimous();
    keys(&mut app, "A");
    assert_eq!(app.mode, Mode::ConfirmAccept(pending.len()));
    let asked = &app.message.as_ref().unwrap().0;
    assert!(asked.contains(&pending.len().to_string()), "{asked}");
    keys(&mut app, "n");
    assert_eq!(app.mode, Mode::Normal);
    assert!(!sidecar_path(dir.path(), &id, "gold").exists());
    keys(&mut app, "Ay");
    let disk = review_on_disk(dir.path(), &id);
    for u in 0..disk.len() {
        match before.status(u) {
            Status::Unanimous { label, .. } => {
                assert_eq!(disk.gold(u), Some(label), "row {u}");
                let agreed = &disk.gold_record(u).unwrap().agreed;
                assert_eq!(agreed.len(), before.row(u).labels.iter().flatten().count());
            }
            _ => assert_eq!(disk.gold(u), None, "row {u}"),
        }
    }
    assert_eq!(disk.adjudicated(), pending.len());
    // Nothing left to accept.
    keys(&mut app, "A");
    assert_eq!(app.mode, Mode::Normal);
    keys(&mut app, "u");
    assert_eq!(review_on_disk(dir.path(), &id).adjudicated(), 0);
}

#[test]
fn the_toggle_shows_only_disagreements_and_a_range_skips_hidden_rows() {
    let dir = two_annotators();
    let mut app = app(dir.path(), "carol");
    let (id, before) = open_where(&mut app, dir.path(), |r| {
        let d = r.disagreements();
        d.len() >= 2 && d[1] > d[0] + 1 && d[1] + 1 < r.len()
    });
    let d = before.disagreements();
    keys(&mut app, "t");
    assert!(app.review.only_split);
    keys(&mut app, "g");
    assert_eq!(cursor(&app), d[0]);
    keys(&mut app, "j");
    assert_eq!(cursor(&app), d[1]);
    keys(&mut app, "kvjo");
    let disk = review_on_disk(dir.path(), &id);
    assert_eq!(disk.gold(d[0]), Some(Label::Opinion));
    assert_eq!(disk.gold(d[1]), Some(Label::Opinion));
    assert_eq!(
        disk.adjudicated(),
        2,
        "rows between were hidden and stay without gold"
    );
    keys(&mut app, "t");
    assert!(!app.review.only_split);
    // Every row again: the next row is the one after the second disagreement.
    keys(&mut app, "j");
    assert_eq!(cursor(&app), d[1] + 1);
}

#[test]
fn n_and_shift_n_jump_across_articles() {
    let dir = two_annotators();
    let ids = ids(dir.path());
    let splits: Vec<Vec<usize>> = ids
        .iter()
        .map(|id| review_on_disk(dir.path(), id).disagreements())
        .collect();
    let with: Vec<usize> = (0..ids.len()).filter(|&i| !splits[i].is_empty()).collect();
    assert!(
        with.len() >= 2,
        "the fixture has disagreements in several articles"
    );
    let (a, b) = (with[0], with[1]);
    let mut app = app(dir.path(), "carol");
    let (id, _) = open_where(&mut app, dir.path(), |r| !r.disagreements().is_empty());
    assert_eq!(id, ids[a]);
    app.wait_review();
    keys(&mut app, "G");
    let last = *splits[a].last().unwrap();
    keys(&mut app, "N");
    assert_eq!(cursor(&app), last);
    keys(&mut app, "n");
    assert_eq!(app.review.current, Some(b));
    assert_eq!(cursor(&app), splits[b][0]);
    keys(&mut app, "N");
    assert_eq!(app.review.current, Some(a));
    assert_eq!(cursor(&app), last);
    // Gold changes in the other article are undone from here, reopening it.
    keys(&mut app, "nf");
    assert_eq!(review_on_disk(dir.path(), &ids[b]).adjudicated(), 1);
    keys(&mut app, "Nu");
    assert_eq!(app.review.current, Some(b));
    assert_eq!(review_on_disk(dir.path(), &ids[b]).adjudicated(), 0);
}

#[test]
fn gold_cannot_adjudicate_and_esc_returns_to_the_library() {
    let dir = two_annotators();
    let mut app = app(dir.path(), "gold");
    keys(&mut app, "r");
    assert_eq!(app.view, View::Library);
    assert!(app.message.as_ref().unwrap().1, "an error");
    let mut app = crate::support::tui::app(dir.path(), "carol");
    keys(&mut app, "r");
    assert_eq!(app.view, View::Review);
    keys(&mut app, "<esc>");
    assert_eq!(app.view, View::Library);
}

#[test]
fn a_failed_gold_write_is_reported_kept_and_retried() {
    let dir = two_annotators();
    let mut app = app(dir.path(), "carol");
    let (id, before) = open_where(&mut app, dir.path(), |r| r.len() >= 2);
    // The folder disappears under the open review: the write fails.
    let moved = dir.path().with_extension("away");
    std::fs::rename(dir.path(), &moved).unwrap();
    keys(&mut app, "gf");
    assert!(matches!(app.save, glose::tui::SaveState::Failed(_)));
    assert!(app.message.as_ref().unwrap().0.contains("NOT SAVED"));
    keys(&mut app, "Q");
    assert!(!app.quit, "asks before losing gold");
    assert_eq!(app.mode, Mode::ConfirmQuit);
    keys(&mut app, "n");
    std::fs::rename(&moved, dir.path()).unwrap();
    // The next change writes both.
    keys(&mut app, "q");
    let disk = review_on_disk(dir.path(), &id);
    assert_eq!(disk.gold(0), Some(Label::Factual));
    assert_eq!(disk.gold(1), Some(Label::Quote));
    assert!(!app.review.unsaved);
    assert!(before.len() >= 2);
    keys(&mut app, "Q");
    assert!(app.quit);
}

#[test]
fn page_keys_and_clicks_move_over_the_rows_shown() {
    let dir = two_annotators();
    let mut app = app(dir.path(), "carol");
    let (_, before) = open_where(&mut app, dir.path(), |r| r.len() > 60);
    keys(&mut app, "g");
    app.update(glose::tui::action::Action::PageDown);
    let c = cursor(&app);
    assert!(c > 3 && c < 30, "one screen down, not more: {c}");
    app.update(glose::tui::action::Action::PageUp);
    assert!(
        cursor(&app) < c.min(4),
        "back about one screen: {}",
        cursor(&app)
    );
    app.update(glose::tui::action::Action::PageUp);
    assert_eq!(cursor(&app), 0);
    keys(&mut app, "G");
    assert_eq!(cursor(&app), before.len() - 1);
    let top = app.pane().unwrap().top;
    assert!(top > 0, "scrolled to keep the cursor on screen");
    // The first list row is on screen row 2.
    app.update(glose::tui::action::Action::Click { column: 20, row: 2 });
    assert_eq!(cursor(&app), top);
}

#[test]
fn labels_made_in_the_reader_show_as_a_column_in_review() {
    let dir = two_annotators();
    let mut app = app(dir.path(), "carol");
    keys(&mut app, "r<esc>");
    assert_eq!(app.pane().unwrap().review.annotators().len(), 2);
    keys(&mut app, "<enter>gfq<esc>r");
    let r = &app.pane().unwrap().review;
    let who: Vec<String> = r.annotators().iter().map(|a| a.to_string()).collect();
    assert_eq!(who, ["alice", "bob", "carol"]);
    let carol: Vec<Option<Label>> = (0..2).map(|u| r.row(u).labels[2]).collect();
    assert_eq!(carol, [Some(Label::Factual), Some(Label::Quote)]);
}
