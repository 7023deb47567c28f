//! The learned model: suggestions on an article never derive from labels on that article,
//! training is deterministic, the model replaces the rules only where it beat them on
//! held-out articles, and `glose suggest` shows what the reader would.

use assert_cmd::Command;
use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{How, Record};
use glose::nlp::analysis::Analyzer;
use glose::nlp::suggest::Suggestion;
use glose::nlp::trainer::{self, State};
use std::path::Path;
use std::time::Duration;

/// Sentence `j` of article `k`, and the label this corpus's annotators give it. The
/// committee lines are a house convention (`skip`) that the rules cannot know: only a
/// model learned from the labels gets them right.
fn sentence(k: usize, j: usize) -> (String, Label) {
    let n = k * 10 + j;
    match j % 4 {
        0 => (
            format!("Le comité a examiné le dossier numéro {n} mardi."),
            Label::Skip,
        ),
        1 => (
            format!("« Le projet {n} avance bien », a déclaré le maire."),
            Label::Quote,
        ),
        2 => (
            format!("Cette décision {n} est une honte absolue !"),
            Label::Opinion,
        ),
        _ => (
            format!("Le conseil a voté {n} millions d'euros à Tours."),
            Label::Factual,
        ),
    }
}

const ARTICLES: usize = 12;
const SENTENCES: usize = 8;

fn article_name(k: usize) -> String {
    format!("art{k:02}.txt")
}

/// Writes the articles, one sentence a paragraph.
fn write_articles(root: &Path) {
    for k in 0..ARTICLES {
        let body: Vec<String> = (0..SENTENCES).map(|j| sentence(k, j).0).collect();
        std::fs::write(root.join(article_name(k)), body.join("\n\n") + "\n").unwrap();
    }
}

/// `who` labels every sentence of article `k` with `label(j, house label)`.
fn label_article(root: &Path, who: &str, k: usize, label: impl Fn(usize, Label) -> Label) {
    let name = article_name(k);
    let doc = Document::load(&root.join(&name), &name).unwrap();
    let mut ann = Annotations::load(&doc, &Annotator::new(who).unwrap()).unwrap();
    for i in 0..doc.sentences.len() {
        let text = doc.sentence_text(i).to_string();
        let house = (0..SENTENCES)
            .map(|j| sentence(k, j))
            .find(|(t, _)| *t == text)
            .map(|(_, l)| l)
            .expect("one sentence a paragraph");
        let s = doc.sentences[i];
        let r = Record::new(s.start, s.end, &text, label(i, house), How::Hand);
        ann.set(i, Some(r));
    }
    ann.save(&doc).unwrap();
}

/// A corpus where `a` labeled every article the house way (article `target` through
/// `on_target`) and `b` labeled the articles after the first three.
fn corpus(target: usize, on_target: impl Fn(usize, Label) -> Label) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path());
    for k in 0..ARTICLES {
        if k == target {
            label_article(dir.path(), "a", k, &on_target);
        } else {
            label_article(dir.path(), "a", k, |_, l| l);
        }
        if k >= 3 {
            label_article(dir.path(), "b", k, |_, l| l);
        }
    }
    dir
}

/// Every suggestion the reader would show on every article, with the models trained on
/// the corpus as it is.
fn suggestions(root: &Path) -> Vec<(String, Vec<Suggestion>)> {
    let an = Analyzer::builtin();
    an.set_learned(trainer::learn(root, &an).unwrap());
    (0..ARTICLES)
        .map(|k| {
            let name = article_name(k);
            let doc = Document::load(&root.join(&name), &name).unwrap();
            let lang = an.lang(&doc);
            let s = (0..doc.sentences.len())
                .map(|i| an.sentence(&doc, lang, i).suggestion.unwrap())
                .collect();
            (name, s)
        })
        .collect()
}

fn of<'a>(all: &'a [(String, Vec<Suggestion>)], name: &str) -> &'a [Suggestion] {
    &all.iter().find(|(n, _)| n == name).unwrap().1
}

#[test]
fn suggestions_on_an_article_never_depend_on_its_own_labels() {
    let target = 5;
    let house = corpus(target, |_, l| l);
    // The same corpus but for annotator a's labels on the target article, all different.
    let other = corpus(target, |i, _| Label::ALL[(i + 1) % 4]);
    let (h, o) = (suggestions(house.path()), suggestions(other.path()));
    let name = article_name(target);
    assert_eq!(
        of(&h, &name),
        of(&o, &name),
        "the target article's suggestions"
    );
    // A label can change suggestions, on the other articles: the comparison can fail.
    let changed: Vec<&String> = h
        .iter()
        .zip(&o)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, _)| &x.0)
        .collect();
    assert!(
        !changed.is_empty() && !changed.contains(&&name),
        "{changed:?}"
    );
    // The model does suggest on the target (it beat the rules there): it learned the
    // house convention from the other articles alone.
    let shown = of(&h, &name);
    assert!(shown[0].model.starts_with("logreg/"), "{:?}", shown[0]);
    assert_eq!(shown[0].label, Label::Skip);
}

#[test]
fn the_same_labels_give_the_same_suggestions() {
    let one = corpus(0, |_, l| l);
    let two = corpus(0, |_, l| l);
    let first = suggestions(one.path());
    assert_eq!(first, suggestions(one.path()));
    assert_eq!(first, suggestions(two.path()));
}

#[test]
fn the_model_replaces_the_rules_only_where_it_beat_them_on_held_out_articles() {
    let an = Analyzer::builtin();
    let house = corpus(0, |_, l| l);
    let l = trainer::learn(house.path(), &an).unwrap().unwrap();
    assert!(l.held_out.model.macro_f1() > l.held_out.rules.macro_f1());
    let said = l.describe();
    assert!(
        said.starts_with(&format!("{}: ", l.name())) && said.ends_with("model in use"),
        "{said}"
    );
    assert!(said.contains("on held-out articles"), "{said}");

    // Labels that follow the rules exactly: the model cannot beat them, the rules stay.
    let plain = tempfile::tempdir().unwrap();
    write_articles(plain.path());
    let rules = |root: &Path, k: usize| {
        let name = article_name(k);
        let doc = Document::load(&root.join(&name), &name).unwrap();
        let lang = an.lang(&doc);
        let by_rules: Vec<Label> = (0..doc.sentences.len())
            .map(|i| an.sentence(&doc, lang, i).suggestion.unwrap().label)
            .collect();
        label_article(root, "a", k, |i, _| by_rules[i]);
    };
    for k in 0..ARTICLES {
        rules(plain.path(), k);
    }
    let l = trainer::learn(plain.path(), &an).unwrap().unwrap();
    assert_eq!(l.groups_using_model(), 0);
    assert!(l.describe().ends_with("rules kept"), "{}", l.describe());
    let shown = suggestions(plain.path());
    assert!(
        shown
            .iter()
            .flat_map(|(_, s)| s)
            .all(|s| s.model == "rules"),
        "{shown:?}"
    );
}

#[test]
fn confidence_is_measured_on_held_out_labels() {
    let house = corpus(0, |_, l| l);
    let all = suggestions(house.path());
    let raw = Analyzer::builtin();
    let mut moved = 0;
    for (name, shown) in &all {
        let doc = Document::load(&house.path().join(name), name).unwrap();
        for (i, s) in shown.iter().enumerate() {
            assert!((0.0..=1.0).contains(&s.confidence), "{s:?}");
            let r = raw.sentence(&doc, raw.lang(&doc), i).suggestion.unwrap();
            moved += usize::from((s.confidence - r.confidence).abs() > 1e-3);
        }
    }
    assert!(moved > 0, "no confidence measured");
    // The house skip lines: the model was right on every held-out one, so it is sure.
    for (_, shown) in &all {
        if shown[0].model.starts_with("logreg/") {
            assert!(shown[0].confidence > 0.6, "{:?}", shown[0]);
        }
    }
}

#[test]
fn trainer_learns_from_sidecars_in_the_background() {
    let dir = corpus(0, |_, l| l);
    let an = Analyzer::builtin();
    let g0 = an.generation();
    let t = trainer::spawn(dir.path().to_path_buf(), an.clone());
    for _ in 0..5 {
        t.request();
    }
    let st = t.wait(1, Duration::from_secs(120));
    let n = ARTICLES * SENTENCES + (ARTICLES - 3) * SENTENCES;
    assert!(
        matches!(&st.state, State::Trained { examples, summary, .. }
            if *examples == n && summary.contains("vs rules")),
        "{st:?}"
    );
    assert!(st.runs <= 2, "requests coalesce: {st:?}");
    assert!(an.generation() > g0);
    assert!(an.learned().is_some());
}

fn glose(cfg: &Path) -> Command {
    let mut c = Command::cargo_bin("glose").unwrap();
    c.env("GLOSE_CONFIG_DIR", cfg)
        .env("GLOSE_CACHE_DIR", cfg.join("cache"))
        .env_remove("GLOSE_ANNOTATOR");
    c
}

fn cli_labels(cfg: &Path, file: &Path) -> (Vec<serde_json::Value>, String) {
    let out = glose(cfg)
        .arg("suggest")
        .arg(file)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (lines, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn glose_suggest_shows_what_the_reader_shows_in_each_mode() {
    let dir = corpus(4, |_, l| l);
    let cfg = tempfile::tempdir().unwrap();
    let file = dir.path().join(article_name(4));
    let reader = suggestions(dir.path());
    let (lines, said) = cli_labels(cfg.path(), &file);
    assert!(
        said.contains("vs rules") && said.contains("held-out"),
        "{said}"
    );
    for (line, s) in lines.iter().zip(of(&reader, &article_name(4))) {
        assert_eq!(line["label"], s.label.name());
        assert_eq!(line["model"], s.model.as_str());
        let c = line["confidence"].as_f64().unwrap();
        assert!((c - f64::from(s.confidence)).abs() < 1e-3, "{line}");
    }
    assert_eq!(lines.len(), SENTENCES);

    std::fs::write(dir.path().join("glose.ron"), "(suggestions: Rules)").unwrap();
    let (lines, said) = cli_labels(cfg.path(), &file);
    assert!(said.contains("rules only"), "{said}");
    assert!(lines.iter().all(|l| l["model"] == "rules"));
    assert_eq!(
        lines[0]["label"], "factual",
        "the rules miss the house skip"
    );

    std::fs::write(dir.path().join("glose.ron"), "(suggestions: Off)").unwrap();
    let (lines, said) = cli_labels(cfg.path(), &file);
    assert!(said.contains("off"), "{said}");
    assert!(
        lines
            .iter()
            .all(|l| l["label"].is_null() && l["model"].is_null())
    );

    std::fs::write(dir.path().join("glose.ron"), "(\n  suggestions: Of)").unwrap();
    let out = glose(cfg.path())
        .arg("suggest")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("glose.ron:2:"), "{err}");
}

#[test]
fn rules_mode_ignores_an_installed_model_and_off_suggests_nothing() {
    let dir = corpus(0, |_, l| l);
    let name = article_name(2);
    let doc = Document::load(&dir.path().join(&name), &name).unwrap();
    let models = |mode| {
        let p = glose::model::project::Project {
            suggestions: mode,
            ..Default::default()
        };
        let an = Analyzer::builtin().with_project(&p);
        an.set_learned(trainer::learn(dir.path(), &an).unwrap());
        (0..doc.sentences.len())
            .map(|i| {
                an.sentence(&doc, an.lang(&doc), i)
                    .suggestion
                    .map(|s| s.model)
            })
            .collect::<Vec<_>>()
    };
    use glose::model::project::SuggestionMode::*;
    assert!(
        models(Learned)
            .iter()
            .flatten()
            .any(|m| m.starts_with("logreg/"))
    );
    assert!(models(Rules).iter().all(|m| m.as_deref() == Some("rules")));
    assert!(models(Off).iter().all(Option::is_none));
}

#[test]
fn the_reader_refuses_a_bad_project_file_naming_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path());
    std::fs::write(dir.path().join("glose.ron"), "(\n  suggestions: Of,\n)\n").unwrap();
    let cfg = tempfile::tempdir().unwrap();
    let out = glose(cfg.path())
        .args(["--annotator", "zed"])
        .arg(dir.path())
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("glose.ron:2:16: "), "{err}");
    assert!(err.contains("`Learned`, `Rules`, or `Off`"), "{err}");
}
