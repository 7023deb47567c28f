//! `glose import`: the gold seed file imports as it is and round-trips through export;
//! conflicts are kept unless asked; unmatched lines are reported by number.

use crate::support::cli::glose;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export")
}

/// The sample corpus articles in a temp folder (no sidecars).
fn sample_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            std::fs::copy(e.path(), dir.path().join(name)).unwrap();
        }
    }
    dir
}

/// Writes `lines` to `file` and imports them as `m`, which must exit 1.
fn import_failing(
    home: &Path,
    corpus: &Path,
    file: &Path,
    lines: &[String],
) -> assert_cmd::assert::Assert {
    std::fs::write(file, lines.join("\n") + "\n").unwrap();
    glose(home)
        .args(["import", "--annotator", "m"])
        .arg(file)
        .arg(corpus)
        .assert()
        .code(1)
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

fn jsonl(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn gold_seeds_import_as_is_and_round_trip_through_export() {
    let corpus = sample_corpus();
    let home = tempfile::tempdir().unwrap();
    let seeds = fixtures().join("seeds.jsonl");
    let gold = jsonl(&std::fs::read_to_string(&seeds).unwrap());
    let a = glose(home.path())
        .args(["import", "--annotator", "ref"])
        .arg(&seeds)
        .arg(corpus.path())
        .assert()
        .success();
    let out = stdout(&a);
    assert!(out.contains(&format!("{} new", gold.len())), "{out}");
    // Every line is stored: on a glose sentence or at its own span.
    let exported = glose(home.path())
        .args([
            "export",
            "--labels",
            "annotator=ref",
            "--include-skip",
            "-q",
        ])
        .arg(corpus.path())
        .assert()
        .success();
    let rows = jsonl(&stdout(&exported));
    assert_eq!(rows.len(), gold.len());
    for (g, r) in gold.iter().zip(&rows) {
        for (gk, rk) in [
            ("article", "article"),
            ("start", "start"),
            ("end", "end"),
            ("cstart", "char_start"),
            ("cend", "char_end"),
            ("text", "text"),
            ("label", "label"),
        ] {
            assert_eq!(g[gk], r[rk], "{gk} of {g}");
        }
        let bytes = std::fs::read(corpus.path().join(r["article"].as_str().unwrap())).unwrap();
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(std::str::from_utf8(&bytes[s..e]).unwrap(), r["text"]);
        let chars: Vec<char> = std::str::from_utf8(&bytes).unwrap().chars().collect();
        let (cs, ce) = (
            r["char_start"].as_u64().unwrap() as usize,
            r["char_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars[cs..ce].iter().collect::<String>(), r["text"]);
    }
    // Importing again changes nothing.
    let again = glose(home.path())
        .args(["import", "--annotator", "ref"])
        .arg(&seeds)
        .arg(corpus.path())
        .assert()
        .success();
    assert!(stdout(&again).contains(&format!("{} already there", gold.len())));
    // The export's own output imports back as it is.
    let back = home.path().join("back.jsonl");
    std::fs::write(&back, stdout(&exported)).unwrap();
    let b = glose(home.path())
        .args(["import", "--annotator", "copy"])
        .arg(&back)
        .arg(corpus.path())
        .assert()
        .success();
    assert!(stdout(&b).contains(&format!("{} new", gold.len())));
}

#[test]
fn second_annotator_spans_without_text_import_and_disagreements_show() {
    let corpus = sample_corpus();
    let home = tempfile::tempdir().unwrap();
    for (who, file) in [("ref", "seeds.jsonl"), ("second", "seeds.annotator2.jsonl")] {
        glose(home.path())
            .args(["import", "--annotator", who])
            .arg(fixtures().join(file))
            .arg(corpus.path())
            .assert()
            .success();
    }
    let a = glose(home.path())
        .args(["export", "--labels", "all", "--include-skip", "-q"])
        .arg(corpus.path())
        .assert()
        .success();
    let rows = jsonl(&stdout(&a));
    assert_eq!(rows.len(), 2 * 257);
    // The README of the seed set: 11 disagreements between the two.
    let disagree = rows
        .iter()
        .filter(|r| r["label_source"] == "ref" && r["agreement"].as_f64().unwrap() < 1.0)
        .count();
    assert_eq!(disagree, 11);
}

#[test]
fn conflicts_are_kept_unless_overwrite_and_bad_lines_are_numbered() {
    let corpus = sample_corpus();
    let home = tempfile::tempdir().unwrap();
    let seeds = std::fs::read_to_string(fixtures().join("seeds.jsonl")).unwrap();
    let first = jsonl(seeds.lines().next().unwrap())[0].clone();
    let file = home.path().join("in.jsonl");
    std::fs::write(&file, format!("{}\n", seeds.lines().next().unwrap())).unwrap();
    glose(home.path())
        .args(["import", "--annotator", "m"])
        .arg(&file)
        .arg(corpus.path())
        .assert()
        .success();
    let mut changed = first.clone();
    changed["label"] = "opinion".into();
    let lines = [
        changed.to_string(),
        r#"{"article":"missing.txt","start":0,"end":4,"label":"quote"}"#.to_string(),
        format!(
            r#"{{"article":"{}","text":"Not in the article.","label":"quote"}}"#,
            first["article"].as_str().unwrap()
        ),
        format!(
            r#"{{"article":"{}","start":0,"end":99999,"label":"quote"}}"#,
            first["article"].as_str().unwrap()
        ),
    ];
    let a = import_failing(home.path(), corpus.path(), &file, &lines);
    let out = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    let name = file.display().to_string();
    assert!(
        out.contains(&format!("{name}:1: ")) && out.contains("--overwrite"),
        "{out}"
    );
    assert!(
        out.contains(&format!("{name}:2: no article `missing.txt`")),
        "{out}"
    );
    assert!(out.contains(&format!("{name}:3: text not found")), "{out}");
    assert!(out.contains(&format!("{name}:4: bytes 0..99999")), "{out}");
    let label_of_first = |home: &Path| {
        let a = glose(home)
            .args(["export", "--labels", "annotator=m", "--include-skip", "-q"])
            .arg(corpus.path())
            .assert()
            .success();
        jsonl(&stdout(&a))[0]["label"].clone()
    };
    assert_eq!(label_of_first(home.path()), first["label"]);
    std::fs::write(&file, format!("{changed}\n")).unwrap();
    glose(home.path())
        .args(["import", "--annotator", "m", "--overwrite"])
        .arg(&file)
        .arg(corpus.path())
        .assert()
        .success();
    assert_eq!(label_of_first(home.path()), "opinion");
}

#[test]
fn gold_needs_an_explicit_flag_and_dry_run_writes_nothing() {
    let corpus = sample_corpus();
    let home = tempfile::tempdir().unwrap();
    let seeds = fixtures().join("seeds.jsonl");
    let a = glose(home.path())
        .args(["import", "--annotator", "gold"])
        .arg(&seeds)
        .arg(corpus.path())
        .assert()
        .failure();
    assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("--allow-gold"));
    glose(home.path())
        .args(["import", "--annotator", "x", "--dry-run"])
        .arg(&seeds)
        .arg(corpus.path())
        .assert()
        .success();
    let ron = |d: &Path| {
        std::fs::read_dir(d)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".ron")
            })
            .count()
    };
    assert_eq!(ron(corpus.path()), 0);
    glose(home.path())
        .args(["import", "--annotator", "gold", "--allow-gold"])
        .arg(&seeds)
        .arg(corpus.path())
        .assert()
        .success();
    assert_eq!(ron(corpus.path()), 5);
    let missing = glose(home.path())
        .arg("import")
        .arg(&seeds)
        .arg(corpus.path())
        .assert()
        .failure();
    assert!(String::from_utf8_lossy(&missing.get_output().stderr).contains("--annotator NAME"));
}

/// Issue 18 item 17: every bad line is named (not only the first 20), on stderr or in
/// `--errors FILE`, the summary on stdout; a UTF-8 byte order mark is accepted.
#[test]
fn item17_import_lists_every_bad_line_and_accepts_a_bom() {
    let corpus = sample_corpus();
    let home = tempfile::tempdir().unwrap();
    let seeds = std::fs::read_to_string(fixtures().join("seeds.jsonl")).unwrap();
    let good = seeds.lines().next().unwrap();
    let mut lines = vec![format!("\u{feff}{good}")];
    for i in 0..30 {
        lines.push(format!(
            r#"{{"article":"missing{i}.txt","start":0,"end":4,"label":"quote"}}"#
        ));
    }
    let file = home.path().join("labels.jsonl");
    let a = import_failing(home.path(), corpus.path(), &file, &lines);
    let out = stdout(&a);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(
        out.contains("1 new"),
        "the line after the BOM is imported: {out}"
    );
    assert!(out.contains("30 line(s) not imported"), "{out}");
    assert!(
        !out.contains("missing"),
        "the summary alone is on stdout: {out}"
    );
    let name = file.display().to_string();
    for i in 0..30 {
        assert!(
            err.contains(&format!("{name}:{}: ", i + 2)),
            "line {}: {err}",
            i + 2
        );
        assert!(err.contains(&format!("`missing{i}.txt`")), "{err}");
    }
    assert!(!err.contains(&format!("{name}:1:")), "{err}");
    let listing = home.path().join("errors.txt");
    let b = glose(home.path())
        .args(["import", "--annotator", "n", "--errors"])
        .arg(&listing)
        .arg(&file)
        .arg(corpus.path())
        .assert()
        .code(1);
    assert!(b.get_output().stderr.is_empty());
    let listed = std::fs::read_to_string(&listing).unwrap();
    assert_eq!(listed.lines().count(), 30, "{listed}");
}
