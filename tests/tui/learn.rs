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

/// Sentence `j` of article `k` and the label `bob` gives it: the committee lines are a
/// house convention (`skip`) that only a model learned from the labels gets right.
fn sentence(k: usize, j: usize) -> (String, Label) {
    let n = k * 10 + j;
    match j % 4 {
        0 => (
            format!("The committee reviewed file number {n} on Tuesday."),
            Label::Skip,
        ),
        1 => (
            format!("\"Project {n} is going well,\" the mayor said."),
            Label::Quote,
        ),
        2 => (
            format!("This plan number {n} is a shameful disaster!"),
            Label::Opinion,
        ),
        _ => (
            format!("The council voted {n} million euros in Leeds."),
            Label::Factual,
        ),
    }
}

/// `a_open.txt`, unlabeled, and ten articles of 8 sentences each, all labeled by `bob`:
/// 80 labels, none on the article alice opens.
fn labeled_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for k in 0..11 {
        let body: Vec<String> = (0..8).map(|j| sentence(k, j).0).collect();
        let name = if k == 0 {
            "a_open.txt".to_string()
        } else {
            format!("b{k:02}.txt")
        };
        let path = dir.path().join(&name);
        std::fs::write(&path, body.join("\n\n") + "\n").unwrap();
        if k == 0 {
            continue;
        }
        let doc = Document::load(&path, &name).unwrap();
        let mut ann = Annotations::load(&doc, &Annotator::new("bob").unwrap()).unwrap();
        for (i, s) in doc.sentences.iter().enumerate() {
            let label = sentence(k, i).1;
            let r = Record::new(s.start, s.end, doc.sentence_text(i), label, How::Hand);
            ann.set(i, Some(r));
        }
        ann.save(&doc).unwrap();
        assert_eq!(doc.sentences.len(), 8);
    }
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
    Some(
        a.analysis[a.cursor]
            .as_ref()?
            .suggestion
            .as_ref()
            .unwrap()
            .model
            .clone(),
    )
}

fn detail_row(app: &mut App) -> String {
    app.message = None;
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 24)).unwrap();
    t.draw(|f| glose::tui::draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    (0..buf.area.width).map(|x| buf[(x, 22)].symbol()).collect()
}

fn status_row(app: &mut App) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 24)).unwrap();
    t.draw(|f| glose::tui::draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    (0..buf.area.width).map(|x| buf[(x, 0)].symbol()).collect()
}

#[test]
fn the_reader_retrains_after_each_saved_change_and_names_the_model() {
    let dir = labeled_corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    assert_eq!(app.article().unwrap().doc.id, "a_open.txt");
    assert_eq!(shown_model(&app).as_deref(), Some("rules"));
    assert!(detail_row(&mut app).contains("(rules)"));
    assert!(status_row(&mut app).contains("│ rules │"));
    let before = app.analyzer.generation();

    app.start_trainer();
    wait_for(&mut app, "model on bob's 80 labels", |a| {
        shown_model(a).is_some_and(|m| m.starts_with("logreg/"))
            && a.message.as_ref().is_some_and(|m| {
                m.0.starts_with("Model retrained: logreg/80: ")
                    && m.0.ends_with(" on held-out articles, model in use.")
            })
    });
    assert!(app.analyzer.generation() > before);
    let model = shown_model(&app).unwrap();
    assert!(detail_row(&mut app).contains(&format!("({model})")));
    assert!(status_row(&mut app).contains("│ logreg/80 │"));
    // The house convention, learned from bob's other articles.
    assert_eq!(
        app.article().unwrap().analysis[0]
            .as_ref()
            .unwrap()
            .suggestion
            .as_ref()
            .unwrap()
            .label,
        Label::Skip
    );

    // A label of alice's is one more example, but not for suggestions on this article.
    let runs = app.trainer_status().unwrap().runs;
    keys(&mut app, "f");
    wait_for(&mut app, "retraining after a label", |a| {
        a.trainer_status().unwrap().runs > runs && a.suggestion_tag() == "logreg/81"
    });
    assert_eq!(shown_model(&app), Some(model.clone()));

    // Accepting records the suggestion and the model that made it, then retrains.
    let c = app.article().unwrap().cursor;
    let expected = app.article().unwrap().analysis[c].clone().unwrap();
    keys(&mut app, "a");
    let sc = sidecar(dir.path(), "a_open.txt", "alice").unwrap();
    let rec = sc.labels.iter().find(|r| r.how == How::Suggestion).unwrap();
    assert_eq!(rec.label, expected.suggestion.as_ref().unwrap().label);
    assert_eq!(rec.model.as_deref(), Some(model.as_str()));
    wait_for(&mut app, "retraining after an accept", |a| {
        a.suggestion_tag() == "logreg/82"
    });

    // Undo removes a label from disk: the model follows.
    keys(&mut app, "u");
    wait_for(&mut app, "retraining after an undo", |a| {
        a.suggestion_tag() == "logreg/81"
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
