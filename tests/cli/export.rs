//! `glose export`: golden files per format, offsets that slice the article, CSV parsed back,
//! split determinism and stability, and the command line's refusals.

use crate::support::cli::glose;
use assert_cmd::Command;
use glose::exchange::export::{self, Format, Options};
use glose::model::annotator::Annotator;
use glose::model::corpus::Corpus;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

fn import(root: &Path, who: &str, labels: &Path) -> glose::exchange::import::Report {
    let corpus = Corpus::scan(root).unwrap();
    let (lines, bad) = glose::exchange::import::parse(&std::fs::read_to_string(labels).unwrap());
    assert!(bad.is_empty(), "{bad:?}");
    // Gold fixtures are the reference, as `import --allow-gold` says.
    let opts = glose::exchange::import::Options {
        gold: (who == "gold").then(glose::model::annotations::GoldWrite::explicit_import),
        ..Default::default()
    };
    let r = glose::exchange::import::import(&corpus, &Annotator::new(who).unwrap(), lines, opts);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    r
}

/// The small corpus: two articles labeled by alice, bob and gold.
fn small_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("corpus"), dir.path());
    for who in ["alice", "bob", "gold"] {
        import(
            dir.path(),
            who,
            &fixtures().join(format!("labels.{who}.jsonl")),
        );
    }
    dir
}

fn export_text(root: &Path, opts: &Options, format: Format) -> String {
    let corpus = Corpus::scan(root).unwrap();
    let ds = export::build(&corpus, opts, &mut |_, _| {});
    let mut out = Vec::new();
    format
        .write(&ds.rows[0], opts.context > 0, &mut out)
        .unwrap();
    String::from_utf8(out).unwrap()
}

/// Compares with `golden/NAME`; `GLOSE_BLESS=1` rewrites the file instead.
fn golden(name: &str, got: &str) {
    let path = fixtures().join("golden").join(name);
    if std::env::var_os("GLOSE_BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with GLOSE_BLESS=1)", path.display()));
    assert_eq!(got, want, "{name} differs from its golden file");
}

/// Golden files leave context out: it depends on how glose segments the neighbours.
fn with_skip() -> Options {
    Options {
        include_skip: true,
        ..Options::default()
    }
}

#[test]
fn golden_jsonl_csv_tsv() {
    let dir = small_corpus();
    let opts = with_skip();
    golden(
        "majority.jsonl",
        &export_text(dir.path(), &opts, Format::Jsonl),
    );
    golden("majority.csv", &export_text(dir.path(), &opts, Format::Csv));
    golden(
        "majority.tsv",
        &export_text(dir.path(), &Options::default(), Format::Tsv),
    );
}

#[test]
fn golden_prodigy_and_all_policy() {
    let dir = small_corpus();
    let gold = Options {
        policy: "gold".parse().unwrap(),
        ..Options::default()
    };
    golden(
        "gold.prodigy.jsonl",
        &export_text(dir.path(), &gold, Format::Prodigy),
    );
    let all = Options {
        policy: "all".parse().unwrap(),
        include_skip: true,
        ..Options::default()
    };
    golden("all.jsonl", &export_text(dir.path(), &all, Format::Jsonl));
}

/// The text of each fragment of a brat `T` line's spans (`0 5;6 9`), sliced from the
/// `.txt` by character offsets.
fn fragments(txt: &[char], spans: &str) -> Vec<String> {
    spans
        .split(';')
        .map(|f| {
            let (s, e) = f.split_once(' ').unwrap();
            txt[s.parse::<usize>().unwrap()..e.parse::<usize>().unwrap()]
                .iter()
                .collect()
        })
        .collect()
}

#[test]
fn golden_brat_pairs() {
    let dir = small_corpus();
    let out = tempfile::tempdir().unwrap();
    let status = Command::cargo_bin("glose")
        .unwrap()
        .env("GLOSE_CONFIG_DIR", out.path())
        .env("GLOSE_CACHE_DIR", out.path())
        .args(["export", "--format", "brat", "--include-skip", "--out"])
        .arg(out.path().join("brat"))
        .arg(dir.path())
        .assert()
        .success();
    let _ = status;
    let b = out.path().join("brat");
    golden("a.ann", &std::fs::read_to_string(b.join("a.ann")).unwrap());
    golden(
        "sub_b.ann",
        &std::fs::read_to_string(b.join("sub/b.ann")).unwrap(),
    );
    assert_eq!(
        std::fs::read(b.join("a.txt")).unwrap(),
        std::fs::read(dir.path().join("a.txt")).unwrap()
    );
    assert!(b.join("annotation.conf").is_file());
    // Every fragment's character offsets slice the .txt to the fragment's text.
    let txt: Vec<char> = std::fs::read_to_string(b.join("a.txt"))
        .unwrap()
        .chars()
        .collect();
    for line in std::fs::read_to_string(b.join("a.ann")).unwrap().lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if !cols[0].starts_with('T') {
            continue;
        }
        let (_, spans) = cols[1].split_once(' ').unwrap();
        assert_eq!(fragments(&txt, spans).join(" "), cols[2]);
    }
}

#[test]
fn policies_count_what_they_leave_out() {
    let dir = small_corpus();
    let corpus = Corpus::scan(dir.path()).unwrap();
    let ds = export::build(&corpus, &Options::default(), &mut |_, _| {});
    use export::policy::Drop;
    // a.txt "Cette décision…" and b.txt's second sentence: alice and bob disagree.
    assert_eq!(ds.dropped.get(&Drop::Tie), Some(&2));
    assert_eq!(ds.dropped.get(&Drop::Skip), Some(&1));
    let strict_gold = Options {
        policy: "gold".parse().unwrap(),
        min_agreement: Some(1.0),
        ..Options::default()
    };
    let ds = export::build(&corpus, &strict_gold, &mut |_, _| {});
    assert_eq!(ds.dropped.get(&Drop::LowAgreement), Some(&2));
    assert_eq!(ds.rows[0].len(), 1);
    assert_eq!(ds.rows[0][0].agreement, 1.0);
    let dedupe = Options {
        dedupe: true,
        ..Options::default()
    };
    let ds = export::build(&corpus, &dedupe, &mut |_, _| {});
    assert_eq!(ds.dropped.get(&Drop::Duplicate), Some(&1));
    let texts: Vec<&str> = ds.rows[0].iter().map(|r| r.unit.text.as_str()).collect();
    assert_eq!(
        texts
            .iter()
            .filter(|t| **t == "The minister resigned on Monday.")
            .count(),
        1
    );
}

#[test]
fn csv_with_quotes_commas_and_newlines_parses_back() {
    let dir = small_corpus();
    let opts = Options {
        context: 1,
        ..with_skip()
    };
    for (format, delim) in [(Format::Csv, b','), (Format::Tsv, b'\t')] {
        let text = export_text(dir.path(), &opts, format);
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(delim)
            .from_reader(text.as_bytes());
        let headers = rd.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let mut n = 0;
        let mut saw = (false, false);
        for rec in rd.records() {
            let rec = rec.unwrap();
            let article = std::fs::read(dir.path().join(&rec[col("article")])).unwrap();
            let s: usize = rec[col("start")].parse().unwrap();
            let e: usize = rec[col("end")].parse().unwrap();
            let t = &rec[col("text")];
            assert_eq!(std::str::from_utf8(&article[s..e]).unwrap(), t);
            saw.0 |= t.contains('"');
            saw.1 |= t.contains('\n');
            let votes: serde_json::Value = serde_json::from_str(&rec[col("annotations")]).unwrap();
            assert!(votes.is_object());
            n += 1;
        }
        assert_eq!(
            saw,
            (true, true),
            "fixture must exercise quotes and newlines"
        );
        assert_eq!(
            n,
            export_text(dir.path(), &opts, Format::Jsonl)
                .lines()
                .count()
        );
    }
}

/// A corpus of one-sentence articles, each labeled by alice.
fn many_articles(root: &Path, range: std::ops::Range<usize>) {
    let mut lines = String::new();
    for i in range {
        let name = format!("art{i:03}.txt");
        std::fs::write(root.join(&name), format!("Phrase numéro {i}.\n")).unwrap();
        let label = ["factual", "quote", "opinion"][i % 3];
        lines.push_str(&format!(
            "{{\"article\":\"{name}\",\"text\":\"Phrase numéro {i}.\",\"label\":\"{label}\"}}\n"
        ));
    }
    let f = root.join("labels.jsonl.in");
    std::fs::write(&f, lines).unwrap();
    import(root, "alice", &f);
}

fn split_of(root: &Path, seed: u64) -> std::collections::BTreeMap<String, String> {
    let corpus = Corpus::scan(root).unwrap();
    let opts = Options {
        split: Some("train=0.7,dev=0.15,test=0.15".parse().unwrap()),
        seed,
        ..Options::default()
    };
    let ds = export::build(&corpus, &opts, &mut |_, _| {});
    let mut m = std::collections::BTreeMap::new();
    for (i, name) in ds.splits.iter().enumerate() {
        for r in &ds.rows[i] {
            m.insert(r.unit.article.to_string(), name.clone());
        }
    }
    m
}

#[test]
fn splits_are_deterministic_and_stable_when_articles_are_added() {
    let dir = tempfile::tempdir().unwrap();
    many_articles(dir.path(), 0..60);
    let first = split_of(dir.path(), 7);
    assert_eq!(first.len(), 60);
    assert_eq!(first, split_of(dir.path(), 7));
    let used: std::collections::BTreeSet<&String> = first.values().collect();
    assert_eq!(used.len(), 3, "{first:?}");
    many_articles(dir.path(), 60..90);
    let second = split_of(dir.path(), 7);
    assert_eq!(second.len(), 90);
    for (article, split) in &first {
        assert_eq!(&second[article], split, "{article} moved");
    }
    assert_ne!(
        first,
        split_of(dir.path(), 8).into_iter().take(60).collect()
    );
}

#[test]
fn split_folder_has_one_file_per_split_and_a_manifest() {
    let dir = small_corpus();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("ds");
    let assert = glose(out.path())
        .args([
            "export",
            "--include-skip",
            "--split",
            "train=0.5,test=0.5",
            "--out",
        ])
        .arg(&target)
        .arg(dir.path())
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("train") && stderr.contains("tie between annotators"),
        "{stderr}"
    );
    assert!(assert.get_output().stdout.is_empty());
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(target.join("manifest.json")).unwrap())
            .unwrap();
    let mut total = 0;
    for split in ["train", "test"] {
        let text = std::fs::read_to_string(target.join(format!("{split}.jsonl"))).unwrap();
        let rows = text.lines().count();
        assert_eq!(m["splits"][split]["rows"], rows);
        total += rows;
    }
    assert_eq!(m["total_rows"], total);
    assert_eq!(m["dropped"]["tie"], 2);
    assert_eq!(m["glose_version"], env!("CARGO_PKG_VERSION"));
    assert!(
        m["corpus_fingerprint"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    assert_eq!(m["command"][1], "export");
    // The two splits, the manifest and the dataset card.
    assert_eq!(std::fs::read_dir(&target).unwrap().count(), 4);
    assert!(target.join("README.md").exists());
}

#[test]
fn refuses_clearly() {
    let dir = small_corpus();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("x.jsonl");
    std::fs::write(&file, "keep").unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "--split".into(),
                "train=0.8,dev=0.1".into(),
                "--out".into(),
                out.path().display().to_string(),
            ],
            "sum to 1",
        ),
        (
            vec!["--split".into(), "train=0.5,test=0.5".into()],
            "--out DIR",
        ),
        (
            vec![
                "--split".into(),
                "train=0.5,test=0.5".into(),
                "--out".into(),
                file.display().to_string(),
            ],
            "is a file",
        ),
        (vec!["--format".into(), "brat".into()], "--out DIR"),
        (
            vec!["--out".into(), out.path().display().to_string()],
            "is a folder",
        ),
        (vec!["--labels".into(), "best".into()], "annotator=NAME"),
        (
            vec!["--min-agreement".into(), "2".into()],
            "between 0 and 1",
        ),
    ];
    for (args, want) in cases {
        let a = glose(out.path())
            .arg("export")
            .args(&args)
            .arg(dir.path())
            .assert()
            .failure();
        let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
        assert!(err.contains(want), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
}

#[test]
fn stdout_is_clean_jsonl_and_file_output_is_the_same() {
    let dir = small_corpus();
    let out = tempfile::tempdir().unwrap();
    let a = glose(out.path())
        .arg("export")
        .arg(dir.path())
        .assert()
        .success();
    let stdout = String::from_utf8(a.get_output().stdout.clone()).unwrap();
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["label_source"], "majority");
    }
    let file = out.path().join("d.jsonl");
    glose(out.path())
        .args(["export", "-q", "--out"])
        .arg(&file)
        .arg(dir.path())
        .assert()
        .success()
        .stderr("");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
}

#[test]
fn corpus_fingerprint_follows_labels_not_runs() {
    let dir = small_corpus();
    let fp = || {
        let corpus = Corpus::scan(dir.path()).unwrap();
        export::build(&corpus, &Options::default(), &mut |_, _| {}).fingerprint
    };
    let before = fp();
    assert_eq!(before, fp());
    let change = dir.path().join("change.jsonl.in");
    std::fs::write(
        &change,
        "{\"article\":\"a.txt\",\"text\":\"Publicité\",\"label\":\"factual\"}\n",
    )
    .unwrap();
    let corpus = Corpus::scan(dir.path()).unwrap();
    let (lines, _) = glose::exchange::import::parse(&std::fs::read_to_string(&change).unwrap());
    let opts = glose::exchange::import::Options {
        overwrite: true,
        dry_run: false,
        gold: None,
    };
    let r =
        glose::exchange::import::import(&corpus, &Annotator::new("alice").unwrap(), lines, opts);
    assert_eq!(r.overwritten, 1);
    assert_ne!(before, fp());
}

#[test]
fn broken_sidecars_and_articles_are_named_and_the_rest_exported() {
    let dir = small_corpus();
    let bad = dir.path().join("sub/b.txt.bob.ron");
    std::fs::write(&bad, "(schema: 1, labels: [ oops").unwrap();
    std::fs::write(dir.path().join("c.txt"), b"bin\0ary").unwrap();
    std::fs::write(dir.path().join("c.txt.alice.ron"), "()").unwrap();
    let corpus = Corpus::scan(dir.path()).unwrap();
    let ds = export::build(&corpus, &Options::default(), &mut |_, _| {});
    assert_eq!(ds.problems.len(), 2, "{:?}", ds.problems);
    assert!(ds.problems.iter().any(|p| p.contains("b.txt.bob.ron:1:")));
    assert!(
        ds.problems
            .iter()
            .any(|p| p.contains("c.txt") && p.contains("binary"))
    );
    // b.txt now has alice alone: her labels are the majority.
    let b: Vec<_> = ds.rows[0]
        .iter()
        .filter(|r| &*r.unit.article == "sub/b.txt")
        .map(|r| r.label.name())
        .collect();
    assert_eq!(b, ["factual", "quote", "factual"]);
    let summary = export::manifest::summary(&ds);
    assert!(
        summary.contains("problem: ") && summary.contains("b.txt.bob.ron"),
        "{summary}"
    );
}

/// `--quiet` drops the summary table, not the warnings: a script still hears which sidecar
/// was left out, whether the rows are streamed (JSONL) or built first (CSV).
#[test]
fn quiet_export_still_names_a_broken_sidecar() {
    let dir = small_corpus();
    std::fs::write(
        dir.path().join("sub/b.txt.bob.ron"),
        "(schema: 1, labels: [ oops",
    )
    .unwrap();
    let home = tempfile::tempdir().unwrap();
    for format in ["jsonl", "csv"] {
        let out = glose(home.path())
            .args(["export", "-q", "--format", format])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("warning: ") && err.contains("b.txt.bob.ron:1:"),
            "{format}: {err}"
        );
        assert!(!err.contains("rows"), "{format}: no summary with -q: {err}");
        assert!(!out.stdout.is_empty());
    }
}

/// The streamed export (rows serialised on the reading threads, written as they come)
/// gives the bytes and summary of building the dataset and writing it, whatever the
/// options it accepts.
#[test]
fn streaming_writes_the_same_bytes_and_summary_as_building() {
    let dir = small_corpus();
    // A problem, and an article with labels but none exported, so counts are exercised.
    std::fs::write(dir.path().join("c.txt"), b"bin\0ary").unwrap();
    std::fs::write(dir.path().join("c.txt.alice.ron"), "()").unwrap();
    let corpus = Corpus::scan(dir.path()).unwrap();
    let policies = ["majority", "gold", "all", "annotator=bob"];
    for format in [Format::Jsonl, Format::Prodigy] {
        for policy in policies {
            for (include_skip, min_agreement, context) in
                [(false, None, 0), (true, None, 2), (true, Some(0.6), 1)]
            {
                let opts = Options {
                    policy: policy.parse().unwrap(),
                    include_skip,
                    min_agreement,
                    context,
                    ..Options::default()
                };
                assert!(format.streams(&opts));
                let ds = export::build(&corpus, &opts, &mut |_, _| {});
                let mut want = Vec::new();
                format.write(&ds.rows[0], context > 0, &mut want).unwrap();
                let mut got = Vec::new();
                let mut calls = 0;
                let s = export::stream(&corpus, &opts, format, &mut |_, _| calls += 1, &mut got)
                    .unwrap();
                let what = format!("{format:?} {policy} {include_skip} {min_agreement:?}");
                assert!(!want.is_empty(), "{what}");
                assert_eq!(
                    String::from_utf8(got).unwrap(),
                    String::from_utf8(want).unwrap(),
                    "{what}"
                );
                assert_eq!(s.rows(), ds.total(), "{what}");
                assert_eq!(
                    export::manifest::streamed_summary(&s),
                    export::manifest::summary(&ds),
                    "{what}"
                );
                assert!(calls > 1, "{what}");
            }
        }
    }
    let dedupe = Options {
        dedupe: true,
        ..Options::default()
    };
    assert!(!Format::Jsonl.streams(&dedupe));
    assert!(!Format::Csv.streams(&Options::default()));
    assert!(
        export::stream(
            &corpus,
            &dedupe,
            Format::Jsonl,
            &mut |_, _| {},
            &mut Vec::new()
        )
        .is_err()
    );
}

/// A writer that fails stops a streamed export with its error.
#[test]
fn streaming_stops_at_the_first_write_error() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let dir = small_corpus();
    let corpus = Corpus::scan(dir.path()).unwrap();
    let err = export::stream(
        &corpus,
        &Options::default(),
        Format::Jsonl,
        &mut |_, _| {},
        &mut Full,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "disk full");
}

/// Issue 18 item 15: `--context N` with `--format prodigy` puts the context sentences in
/// each task's `meta` (it was silently left out), streamed or written whole.
#[test]
fn item15_prodigy_carries_context_in_meta() {
    let dir = small_corpus();
    let home = tempfile::tempdir().unwrap();
    let lines = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = glose(home.path())
            .args(["export", "-q", "--include-skip", "--context", "1"])
            .args(args)
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    // Streamed, and written whole (`--dedupe` looks across articles).
    for extra in [None, Some("--dedupe")] {
        let rows = lines(&[&["--format", "jsonl"][..], extra.as_slice()].concat());
        let args = [&["--format", "prodigy"][..], extra.as_slice()].concat();
        let tasks = lines(&args);
        assert_eq!(tasks.len(), rows.len());
        for (t, r) in tasks.iter().zip(&rows) {
            for side in ["context_before", "context_after"] {
                assert_eq!(t["meta"][side], r[side], "{args:?} {side}: {t}");
            }
        }
        assert!(tasks.iter().any(|t| {
            t["meta"]["context_before"]
                .as_array()
                .is_some_and(|a| !a.is_empty())
        }));
    }
}

/// Exports `labels` (JSONL for `glose import`) of the articles `files` as brat under a
/// new folder, which it returns with the corpus.
fn brat_of(files: &[(&str, &str)], labels: &[String]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in files {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, labels.join("\n")).unwrap();
    glose(dir.path())
        .args(["import", "--annotator", "a"])
        .arg(&input)
        .arg(&corpus)
        .assert()
        .success();
    let out = dir.path().join("brat");
    glose(dir.path())
        .args([
            "export",
            "-q",
            "--format",
            "brat",
            "--labels",
            "annotator=a",
            "--out",
        ])
        .arg(&out)
        .arg(&corpus)
        .assert()
        .success();
    (dir, out)
}

/// Issue 18 item 13: text holding the characters at which brat's line reading
/// (Python's `str.splitlines`) ends a line is cut into fragments there, so each `T` line
/// reads whole and its character offsets slice the `.txt` to the shown text.
#[test]
fn item13_brat_t_lines_survive_python_line_breaks() {
    // Python's str.splitlines breaks at these (besides \n and \r).
    let breaks = [
        '\u{0b}', '\u{0c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}', '\u{2029}',
    ];
    let mut text = String::from("Il a dit");
    for (i, c) in breaks.iter().enumerate() {
        text.push(*c);
        text.push_str(&format!("mot{i}"));
    }
    text.push('.');
    let label = format!(
        r#"{{"article":"a.txt","start":0,"end":{},"label":"quote"}}"#,
        text.len()
    );
    let (_dir, out) = brat_of(&[("a.txt", &text)], &[label]);
    let ann = std::fs::read_to_string(out.join("a.ann")).unwrap();
    let txt: Vec<char> = std::fs::read_to_string(out.join("a.txt"))
        .unwrap()
        .chars()
        .collect();
    // Python splitlines.
    let lines: Vec<&str> = ann
        .split(|c| c == '\n' || c == '\r' || breaks.contains(&c))
        .filter(|l| !l.is_empty())
        .collect();
    let t: Vec<&&str> = lines.iter().filter(|l| l.starts_with('T')).collect();
    assert_eq!(t.len(), 1, "{ann:?}");
    let cols: Vec<&str> = t[0].split('\t').collect();
    assert_eq!(cols.len(), 3, "{:?}", t[0]);
    let (kind, spans) = cols[1].split_once(' ').unwrap();
    assert_eq!(kind, "quote");
    let pieces = fragments(&txt, spans);
    assert_eq!(pieces.len(), breaks.len() + 1, "{spans}");
    assert_eq!(pieces.join(" "), cols[2]);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with('T') || l.starts_with('#')),
        "{lines:?}"
    );
}

/// Issue 18 item 14: `note.md` and `note.md.txt` get their own brat pairs (they both
/// became `note.md.txt`/`.ann`, one overwriting the other), and each stem gives its
/// article back.
#[test]
fn item14_brat_names_are_unique_and_reversible() {
    let files = [
        ("note.md", "Le premier texte est ici."),
        ("note.md.txt", "Le second texte est ailleurs."),
        ("plain.txt", "Un troisième texte."),
    ];
    let labels: Vec<String> = files
        .iter()
        .map(|(name, text)| {
            format!(
                r#"{{"article":"{name}","start":0,"end":{},"label":"factual"}}"#,
                text.len()
            )
        })
        .collect();
    let (_dir, out) = brat_of(&files, &labels);
    let mut stems = Vec::new();
    for e in std::fs::read_dir(&out).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        if let Some(stem) = name.strip_suffix(".ann") {
            stems.push(stem.to_string());
        }
    }
    stems.sort();
    assert_eq!(stems.len(), files.len(), "{stems:?}");
    for stem in &stems {
        let article = glose::exchange::export::brat::article_of(stem);
        let (_, text) = files
            .iter()
            .find(|(n, _)| *n == article)
            .unwrap_or_else(|| panic!("{stem} → {article}"));
        assert_eq!(
            &std::fs::read_to_string(out.join(format!("{stem}.txt"))).unwrap(),
            text
        );
        let ann = std::fs::read_to_string(out.join(format!("{stem}.ann"))).unwrap();
        assert!(ann.contains(text), "{stem}.ann: {ann}");
    }
    assert!(
        stems.contains(&"plain".to_string()),
        "a .txt article keeps its plain stem"
    );
}
