//! End to end on the five sample articles labeled by two real annotators (hand-cut spans,
//! which do not all match glose's own segmentation): sidecars → `glose agree --json`.

use crate::support::cli::{glose, json_of};
use glose::model::document::{Document, fingerprint};
use glose::model::label::Label;
use glose::model::sidecar::{self, How, Record, SCHEMA, Sidecar};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agree")
}

/// One line of the seeds files: article, byte span, label.
struct Line {
    article: String,
    start: usize,
    end: usize,
    label: Label,
}

fn read_jsonl(name: &str) -> Vec<Line> {
    let text = std::fs::read_to_string(fixtures().join(name)).unwrap();
    text.lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            Line {
                article: v["article"].as_str().unwrap().to_string(),
                start: v["start"].as_u64().unwrap() as usize,
                end: v["end"].as_u64().unwrap() as usize,
                label: v["label"].as_str().unwrap().parse().unwrap(),
            }
        })
        .collect()
}

/// Copies the articles into a temporary corpus.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(fixtures().join("seeds")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    dir
}

/// Test-local converter: writes `who`'s sidecars from seeds lines, one label every 12 s.
fn write_sidecars(root: &Path, who: &str, lines: &[Line]) -> usize {
    let mut by_article: BTreeMap<&str, Vec<&Line>> = BTreeMap::new();
    for l in lines {
        by_article.entry(&l.article).or_default().push(l);
    }
    let mut n = 0;
    for (article, lines) in by_article {
        let path = root.join(article);
        let raw = std::fs::read_to_string(&path).unwrap();
        let labels = lines
            .iter()
            .map(|l| {
                let mut r = Record::new(l.start, l.end, &raw[l.start..l.end], l.label, How::Import);
                r.at = format!("2025-03-01T09:{:02}:{:02}.000Z", n * 12 / 60, n * 12 % 60);
                n += 1;
                r
            })
            .collect();
        let sc = Sidecar {
            schema: SCHEMA,
            article: article.to_string(),
            fingerprint: fingerprint(raw.as_bytes()),
            segmenter: "hand".into(),
            annotator: who.into(),
            labels,
            orphans: vec![],
            history: vec![],
            notes: vec![],
            status: None,
        };
        sidecar::write(&root.join(format!("{article}.{who}.ron")), &sc).unwrap();
    }
    n
}

fn agree(root: &Path, args: &[&str]) -> Value {
    let cfg = tempfile::tempdir().unwrap();
    json_of(glose(&cfg).arg("agree").arg(root).args(args).arg("--json"))
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

/// The published figures of the pair (gold/README: observed 0.957, κ 0.935); the exact
/// fractions were computed independently with Python's `fractions` from the two files.
#[test]
fn two_real_annotators_reproduce_the_published_figures() {
    let dir = corpus();
    write_sidecars(dir.path(), "ann1", &read_jsonl("seeds.jsonl"));
    write_sidecars(dir.path(), "ann2", &read_jsonl("seeds.annotator2.jsonl"));
    let v = agree(dir.path(), &[]);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = [
        "annotators",
        "items",
        "unmatched",
        "observed_agreement",
        "fleiss_kappa",
        "krippendorff_alpha",
        "pairs",
        "per_article",
        "label_counts",
    ];
    want.sort();
    assert_eq!(keys, want);
    assert_eq!(v["annotators"], serde_json::json!(["ann1", "ann2"]));
    assert_eq!(v["items"], 257);
    assert_eq!(v["unmatched"], 0);
    close(&v["observed_agreement"], 246.0 / 257.0);
    close(&v["krippendorff_alpha"], 81940.0 / 87583.0);
    close(&v["fleiss_kappa"], 81929.0 / 87583.0);
    let pair = &v["pairs"][0];
    assert_eq!(
        (pair["a"].as_str(), pair["b"].as_str()),
        (Some("ann1"), Some("ann2"))
    );
    assert_eq!(pair["n"], 257);
    close(&pair["cohen_kappa"], 40978.0 / 43805.0);
    assert_eq!(
        format!("{:.3}", pair["observed"].as_f64().unwrap()),
        "0.957"
    );
    assert_eq!(
        format!("{:.3}", pair["cohen_kappa"].as_f64().unwrap()),
        "0.935"
    );
    // Gold README: labels opinion 129, quote 58, skip 45, factual 25.
    let c = &v["label_counts"]["ann1"];
    assert_eq!(
        [&c["opinion"], &c["quote"], &c["skip"], &c["factual"]],
        [129, 58, 45, 25]
    );
    let diag: u64 = ["factual", "quote", "opinion", "skip"]
        .iter()
        .map(|l| pair["confusion"][l][l].as_u64().unwrap())
        .sum();
    assert_eq!(diag, 246);
    // Per article: 000 has 19 sentences, 003 has 163.
    assert_eq!(v["per_article"]["000_3b8629df93aa22c5.txt"]["items"], 19);
    assert_eq!(v["per_article"]["003_6e6835b1c0059aa0.txt"]["items"], 163);
}

#[test]
fn exclude_skip_leaves_those_sentences_out() {
    let dir = corpus();
    write_sidecars(dir.path(), "ann1", &read_jsonl("seeds.jsonl"));
    write_sidecars(dir.path(), "ann2", &read_jsonl("seeds.annotator2.jsonl"));
    let v = agree(dir.path(), &["--exclude", "skip"]);
    // Independent count from the files: sentences neither annotator labeled skip.
    let (a, b) = (
        read_jsonl("seeds.jsonl"),
        read_jsonl("seeds.annotator2.jsonl"),
    );
    let kept: Vec<(Label, Label)> = a
        .iter()
        .zip(&b)
        .map(|(x, y)| (x.label, y.label))
        .filter(|(x, y)| *x != Label::Skip && *y != Label::Skip)
        .collect();
    assert_eq!(v["items"], kept.len());
    let same = kept.iter().filter(|(x, y)| x == y).count();
    close(&v["observed_agreement"], same as f64 / kept.len() as f64);
    assert!(v["label_counts"]["ann1"].get("skip").is_none());
}

/// One annotator on the hand spans, the other re-cut to glose's own segmentation (each
/// sentence takes the label of the hand span it overlaps most): labels are matched by
/// overlap, and every label is either compared, counted, or reported unmatched.
#[test]
fn different_segmentations_are_aligned_and_nothing_is_dropped() {
    let dir = corpus();
    let a = read_jsonl("seeds.jsonl");
    let b = read_jsonl("seeds.annotator2.jsonl");
    let n1 = write_sidecars(dir.path(), "ann1", &a);
    let mut recut = Vec::new();
    for article in a
        .iter()
        .map(|l| l.article.clone())
        .collect::<std::collections::BTreeSet<_>>()
    {
        let path = dir.path().join(&article);
        let doc = Document::load(&path, &article).unwrap();
        for s in &doc.sentences {
            let best = b
                .iter()
                .filter(|l| l.article == article)
                .max_by_key(|l| l.end.min(s.end).saturating_sub(l.start.max(s.start)))
                .unwrap();
            recut.push(Line {
                article: article.clone(),
                start: s.start,
                end: s.end,
                label: best.label,
            });
        }
    }
    let n2 = write_sidecars(dir.path(), "ann2", &recut);
    assert_ne!(n1, n2, "the two segmentations differ");
    let v = agree(dir.path(), &[]);
    let counted: u64 = v["label_counts"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|m| m.as_object().unwrap().values())
        .map(|x| x.as_u64().unwrap())
        .sum();
    assert_eq!(counted + v["unmatched"].as_u64().unwrap(), (n1 + n2) as u64);
    let items = v["items"].as_u64().unwrap();
    assert!((245..=257).contains(&items), "items {items}");
    let obs = v["observed_agreement"].as_f64().unwrap();
    assert!((obs - 0.957).abs() < 0.01, "observed {obs}");
}

#[test]
fn bad_arguments_are_clear_errors() {
    let dir = corpus();
    write_sidecars(dir.path(), "ann1", &read_jsonl("seeds.jsonl"));
    let run = |args: &[&str]| {
        let cfg = tempfile::tempdir().unwrap();
        let out = glose(&cfg)
            .arg("agree")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(run(&[]).contains("two annotators"), "{}", run(&[]));
    let e = run(&["--annotators", "ann1,zoe"]);
    assert!(e.contains("`zoe`") && e.contains("ann1"), "{e}");
    let e = run(&["--annotators", "ann1", "--against-gold"]);
    assert!(e.contains("no gold labels yet"), "{e}");
    let e = run(&["--exclude", "neutral"]);
    assert!(e.contains("unknown label `neutral`"), "{e}");
}

/// Review the first article through the model: accept the unanimous sentences, settle the
/// one disagreement, check the gold file on disk, then compare each annotator with gold.
#[test]
fn adjudicating_an_article_writes_gold_and_agree_compares_against_it() {
    use glose::model::annotator::Annotator;
    use glose::model::corpus::Corpus;
    use glose::review::adjudicate::Review;
    use glose::review::agreement::{ArticleSummary, Cursor, ReviewIndex};

    let dir = corpus();
    let (a, b) = (
        read_jsonl("seeds.jsonl"),
        read_jsonl("seeds.annotator2.jsonl"),
    );
    write_sidecars(dir.path(), "ann1", &a);
    write_sidecars(dir.path(), "ann2", &b);
    let c = Corpus::scan(dir.path()).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let index = ReviewIndex::build(&c, Some(cache.path()));
    let unsettled: usize = index.articles.iter().map(|s| s.unsettled()).sum();
    assert_eq!(unsettled, 11, "gold/README: 11 disagreements");
    let first = index
        .next_disagreement(Cursor { article: 0, row: 0 }, true, true)
        .unwrap();
    assert_eq!(first.article, 0);

    let mut r = Review::open(&c.entries[0], Annotator::new("rev").unwrap()).unwrap();
    // The index (from label codes) and the open reviews agree row for row.
    for (i, e) in c.entries.iter().enumerate() {
        let review = Review::open(e, Annotator::new("rev").unwrap()).unwrap();
        assert_eq!(index.articles[i], ArticleSummary::of(&review), "{}", e.id);
    }
    // Every one of the 19 hand-cut sentences is a labeled row, whether or not glose cuts
    // the article at the same places (rows glose has and the annotators do not stay
    // unlabeled).
    let labeled = (0..r.len())
        .filter(|&u| r.status(u) != glose::review::adjudicate::Status::Unlabeled)
        .count();
    assert_eq!(labeled, 19);
    assert!(r.len() >= 19);
    assert_eq!(r.accept_unanimous().unwrap(), 18);
    let u = r.disagreements()[0];
    assert_eq!(u, first.row);
    let label = r.row(u).labels[0].unwrap();
    r.adjudicate(u..=u, Some(label)).unwrap();

    let gold_path = dir.path().join("000_3b8629df93aa22c5.txt.gold.ron");
    let sc = sidecar::read(&gold_path).unwrap().unwrap();
    // Gold follows the annotators' spans; those that are no glose sentence are kept with
    // the orphans, not lost.
    let doc = glose::model::document::Document::load(&c.entries[0].path, &c.entries[0].id).unwrap();
    let off_sentence = a
        .iter()
        .filter(|l| l.article.starts_with("000"))
        .filter(|l| doc.sentence_at(l.start, l.end).is_none())
        .count();
    assert_eq!(
        (sc.labels.len(), sc.orphans.len()),
        (19 - off_sentence, off_sentence)
    );
    let all: Vec<&Record> = sc.labels.iter().chain(&sc.orphans).collect();
    assert!(all.iter().all(|r| r.how == How::Adjudication));
    assert!(all.iter().all(|r| r.adjudicator.as_deref() == Some("rev")));
    let settled = all.iter().find(|x| x.agreed.len() == 1).unwrap();
    assert_eq!(settled.agreed, vec!["ann1".to_string()]);
    assert_eq!(settled.label, label);
    // Gold labels sit on the same spans as the annotators' (the hand cut).
    let hand: Vec<(usize, usize)> = a
        .iter()
        .filter(|l| l.article.starts_with("000"))
        .map(|l| (l.start, l.end))
        .collect();
    let mut spans: Vec<(usize, usize)> = sc.labels.iter().map(|r| (r.start, r.end)).collect();
    spans.extend(sc.orphans.iter().map(|r| (r.start, r.end)));
    spans.sort();
    assert_eq!(spans, hand);

    let v = agree(dir.path(), &["--against-gold"]);
    assert_eq!(v["annotators"], serde_json::json!(["ann1", "ann2"]));
    assert_eq!(v["items"], 257, "group figures leave gold out");
    let pairs: Vec<(&str, &str, u64)> = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["a"].as_str().unwrap(),
                p["b"].as_str().unwrap(),
                p["n"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("ann1", "ann2", 257),
            ("ann1", "gold", 19),
            ("ann2", "gold", 19)
        ]
    );
    close(&v["pairs"][1]["observed"], 1.0);
    close(&v["pairs"][2]["observed"], 18.0 / 19.0);

    let c = Corpus::scan(dir.path()).unwrap();
    let index = ReviewIndex::build(&c, Some(cache.path()));
    assert_eq!(index.articles[0].adjudicated, 19);
    assert_eq!(index.articles[0].unsettled(), 0);
    assert_eq!(index.articles[0], ArticleSummary::of(&r));
    assert_eq!(ReviewIndex::build(&c, None).articles, index.articles);

    // Undo both steps: the gold file is back to nothing, on and off sentences.
    assert!(r.undo().unwrap() && r.undo().unwrap());
    let sc = sidecar::read(&gold_path).unwrap().unwrap();
    assert_eq!((sc.labels.len(), sc.orphans.len()), (0, 0));
}

#[test]
fn plain_output_is_a_readable_table() {
    let dir = corpus();
    write_sidecars(dir.path(), "ann1", &read_jsonl("seeds.jsonl"));
    write_sidecars(dir.path(), "ann2", &read_jsonl("seeds.annotator2.jsonl"));
    let cfg = tempfile::tempdir().unwrap();
    let out = glose(&cfg).arg("agree").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |start: &str| {
        text.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no line `{start}` in\n{text}"))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    assert_eq!(line("items"), ["items", "257"]);
    assert_eq!(
        line("observed agreement"),
        ["observed", "agreement", "0.957"]
    );
    assert_eq!(line("ann1 "), ["ann1", "ann2", "257", "0.957", "0.935"]);
    assert!(
        text.contains("confusion: rows ann1, columns ann2"),
        "{text}"
    );
    // Label counts with the pace: one label every 12 s.
    assert_eq!(line("ann2  ")[5..], ["300", "12.0"]);
    assert_eq!(
        line("000_3b8629df93aa22c5.txt"),
        [
            "000_3b8629df93aa22c5.txt",
            "19",
            "0.947",
            "0.911",
            "0",
            "ann1,",
            "ann2"
        ]
    );
}

/// Issue 18 item 16: with `--exclude skip --against-gold`, a sentence gold labeled skip
/// is left out of the annotator–gold pairs and the group figures too, not only out of
/// gold's label counts.
#[test]
fn item16_exclude_skip_against_gold_leaves_gold_skips_out_everywhere() {
    let dir = corpus();
    let (a, b) = (
        read_jsonl("seeds.jsonl"),
        read_jsonl("seeds.annotator2.jsonl"),
    );
    // Gold agrees with ann1 but calls every seventh sentence skip.
    let gold: Vec<Line> = a
        .iter()
        .enumerate()
        .map(|(i, l)| Line {
            article: l.article.clone(),
            start: l.start,
            end: l.end,
            label: if i % 7 == 3 { Label::Skip } else { l.label },
        })
        .collect();
    write_sidecars(dir.path(), "ann1", &a);
    write_sidecars(dir.path(), "ann2", &b);
    write_sidecars(dir.path(), "gold", &gold);
    let v = agree(dir.path(), &["--exclude", "skip", "--against-gold"]);
    let kept = (0..a.len())
        .filter(|&i| {
            [a[i].label, b[i].label, gold[i].label]
                .iter()
                .all(|l| *l != Label::Skip)
        })
        .count();
    assert!(
        kept < a
            .iter()
            .zip(&b)
            .filter(|(x, y)| x.label != Label::Skip && y.label != Label::Skip)
            .count()
    );
    assert_eq!(v["items"], kept, "group figures");
    let pairs = v["pairs"].as_array().unwrap();
    for p in pairs {
        assert_eq!(p["n"], kept, "pair {}–{}", p["a"], p["b"]);
    }
    assert!(pairs.iter().any(|p| p["b"] == "gold"));
    let gold_total: u64 = v["label_counts"]["gold"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(gold_total, kept as u64, "gold's counts");
}
