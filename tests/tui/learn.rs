//! The learned model in the reader: trained in the background on the corpus's labels,
//! retrained after each saved change, and named by the suggestions it makes.

use crate::support::tui::{app, keys, sidecar};
use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{How, Record};
use glose::tui::App;
use std::time::{Duration, Instant};

/// An article of 41 sentences (a title and 40), every one labeled by `bob`: enough to
/// train a model.
fn labeled_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Council news\n\n");
    for i in 0..20 {
        text.push_str(&format!(
            "The council met on Tuesday {i} and voted {i} million euros. \
             This plan number {i} is a shameful disaster!\n\n"
        ));
    }
    let path = dir.path().join("news.txt");
    std::fs::write(&path, text).unwrap();
    let doc = Document::load(&path, "news.txt").unwrap();
    let mut ann = Annotations::load(&doc, &Annotator::new("bob").unwrap()).unwrap();
    for (i, s) in doc.sentences.iter().enumerate() {
        let label = match i {
            0 => Label::Skip,
            i if i % 2 == 1 => Label::Factual,
            _ => Label::Opinion,
        };
        let r = Record::new(s.start, s.end, doc.sentence_text(i), label, How::Hand);
        ann.set(i, Some(r));
    }
    ann.save(&doc).unwrap();
    assert_eq!(doc.sentences.len(), 41);
    dir
}

/// Runs background steps until `done` holds; fails after a generous deadline (training
/// runs in a thread, its speed is not what is tested).
fn wait_for(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !done(app) {
        if !app.background_step() {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(
            Instant::now() < deadline,
            "no {what}; trainer: {:?}",
            app.trainer_status()
        );
    }
}

/// The model named by the suggestion shown for the cursor sentence.
fn shown_model(app: &App) -> Option<String> {
    let a = app.article()?;
    Some(a.analysis[a.cursor].as_ref()?.suggestion.model.clone())
}

fn detail_row(app: &mut App) -> String {
    app.message = None;
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 24)).unwrap();
    t.draw(|f| glose::tui::draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    (0..buf.area.width).map(|x| buf[(x, 22)].symbol()).collect()
}

#[test]
fn the_reader_retrains_after_each_saved_change_and_names_the_model() {
    let dir = labeled_corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    assert_eq!(shown_model(&app).as_deref(), Some("rules"));
    assert!(detail_row(&mut app).contains("(rules)"));
    let before = app.analyzer.generation();

    app.start_trainer();
    wait_for(&mut app, "model on bob's 41 labels", |a| {
        shown_model(a).as_deref() == Some("logreg/41")
            && a.message
                .as_ref()
                .is_some_and(|m| m.0 == "Model retrained on 41 labels (logreg/41).")
    });
    assert!(app.analyzer.generation() > before);
    assert!(detail_row(&mut app).contains("(logreg/41)"));

    // A label of alice's is one more example.
    keys(&mut app, "f");
    wait_for(&mut app, "retraining after a label", |a| {
        shown_model(a).as_deref() == Some("logreg/42")
    });

    // Accepting records the suggestion and the model that made it, then retrains.
    let c = app.article().unwrap().cursor;
    let expected = app.article().unwrap().analysis[c].clone().unwrap();
    keys(&mut app, "a");
    let sc = sidecar(dir.path(), "news.txt", "alice").unwrap();
    let rec = sc.labels.iter().find(|r| r.how == How::Suggestion).unwrap();
    assert_eq!(rec.label, expected.suggestion.label);
    assert_eq!(rec.model.as_deref(), Some("logreg/42"));
    wait_for(&mut app, "retraining after an accept", |a| {
        shown_model(a).as_deref() == Some("logreg/43")
    });

    // Undo removes a label from disk: the model follows.
    keys(&mut app, "u");
    wait_for(&mut app, "retraining after an undo", |a| {
        shown_model(a).as_deref() == Some("logreg/42")
    });
}

#[test]
fn a_corpus_lexicon_changes_the_reader_highlights() {
    let dir = crate::support::tui::corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>jjjjj");
    // "It voted a budget of two million euros." has no cue built in.
    let cues = |app: &App| {
        let a = app.article().unwrap();
        a.analysis[a.cursor]
            .as_ref()
            .unwrap()
            .spans
            .iter()
            .filter(|s| s.rule == "evaluative")
            .count()
    };
    assert_eq!(cues(&app), 0);
    std::fs::write(
        dir.path().join("glose-lexicon.en.ron"),
        "(evaluative: [\"budget\"])",
    )
    .unwrap();
    let cfg = glose::config::Config::default();
    let an = glose::nlp::analysis::Analyzer::with_lexicons(None, Some(dir.path()), &cfg).unwrap();
    app.set_analyzer(an);
    assert_eq!(
        cues(&app),
        1,
        "cached highlights dropped, visible ones redone"
    );
}
