//! `glose eval` on a small fixture whose scores were worked out by hand: five units, one
//! of them (`Il faut agir maintenant.`) labeled factual in the reference although the
//! rules call a call to action opinion; one reference claim (`Le conseil municipal`) that
//! the rules do not mark.

use crate::support::cli::{glose, json_of};
use serde_json::Value;

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or(f64::NAN);
    assert!((got - want).abs() < 1e-3, "got {got}, want {want}");
}

#[test]
fn scores_on_the_mini_fixture_are_the_hand_computed_ones() {
    let cfg = tempfile::tempdir().unwrap();
    let v: Value = json_of(
        glose(&cfg)
            .args(["eval", "--gold", "tests/fixtures/eval/mini.jsonl"])
            .args(["--corpus", "tests/fixtures/eval/mini", "--json"]),
    );
    assert_eq!(v["n"], 5);
    close(&v["accuracy"], 0.8);
    close(&v["macro_f1"], (2.0 / 3.0 + 1.0 + 2.0 / 3.0 + 1.0) / 4.0);
    close(&v["per_label"]["factual"]["precision"], 1.0);
    close(&v["per_label"]["factual"]["recall"], 0.5);
    assert_eq!(v["per_label"]["factual"]["support"], 2);
    close(&v["per_label"]["opinion"]["precision"], 0.5);
    assert_eq!(v["confusion"]["factual"]["opinion"], 1);
    assert_eq!(v["confusion"]["quote"]["quote"], 1);
    assert_eq!(v["confusion"]["skip"]["skip"], 1);
    for k in ["p30", "r30", "f1_30", "p80", "r80", "f1_80"] {
        close(&v["spans"]["source"][k], 1.0);
    }
    close(&v["spans"]["claim"]["p30"], 1.0);
    close(&v["spans"]["claim"]["r30"], 2.0 / 3.0);
    close(&v["spans"]["claim"]["f1_80"], 0.8);
    // Calibration: the buckets hold the five units, their accuracies weigh to the overall
    // accuracy, and the ECE is the weighted gap they show.
    let buckets = v["calibration"]["buckets"].as_array().unwrap();
    let n: u64 = buckets.iter().map(|b| b["n"].as_u64().unwrap()).sum();
    assert_eq!(n, 5);
    let (mut right, mut ece) = (0.0, 0.0);
    for b in buckets {
        let (k, acc, conf) = (
            b["n"].as_f64().unwrap(),
            b["accuracy"].as_f64().unwrap(),
            b["confidence"].as_f64().unwrap(),
        );
        assert!(b["low"].as_f64().unwrap() <= conf && conf <= b["high"].as_f64().unwrap());
        right += k * acc;
        ece += k / 5.0 * (acc - conf).abs();
    }
    close(&(right / 5.0).into(), 0.8);
    close(&v["ece"], ece);
    close(&v["calibration"]["ece"], ece);
}

/// A label absent from the reference does not pull macro-F1 down: two units (quote,
/// opinion) both suggested right score 1, not (1 + 1 + 0 + 0) / 4.
#[test]
fn macro_f1_averages_only_the_labels_of_the_reference() {
    let cfg = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("two.jsonl");
    let all = std::fs::read_to_string("tests/fixtures/eval/mini.jsonl").unwrap();
    let two: Vec<&str> = all
        .lines()
        .filter(|l| l.contains("\"quote\"") || l.contains("\"opinion\""))
        .collect();
    assert_eq!(two.len(), 2);
    std::fs::write(&gold, two.join("\n")).unwrap();
    let run = |json: bool| {
        let mut c = glose(&cfg);
        c.args(["eval", "--gold"])
            .arg(&gold)
            .args(["--corpus", "tests/fixtures/eval/mini"]);
        if json {
            c.arg("--json");
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    let v: Value = serde_json::from_str(&run(true)).unwrap();
    close(&v["macro_f1"], 1.0);
    assert_eq!(v["macro_f1_over"], serde_json::json!(["quote", "opinion"]));
    let text = run(false);
    assert!(
        text.contains("macro-F1: 1.000 (mean over the labels in the reference: quote, opinion)"),
        "{text}"
    );
    assert!(text.contains("expected calibration error"), "{text}");
}

#[test]
fn text_report_and_bad_inputs() {
    let cfg = tempfile::tempdir().unwrap();
    let out = glose(&cfg)
        .args(["eval", "--gold", "tests/fixtures/eval/mini.jsonl"])
        .args(["--corpus", "tests/fixtures/eval/mini"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("macro-F1: 0.833"), "{text}");
    // A reference line that is not JSON: file and line are named.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"article\":\"a.txt\",\"start\":0,\"end\":3,\"label\":\"skip\"}\nnot json\n",
    )
    .unwrap();
    let out = glose(&cfg)
        .args(["eval", "--gold"])
        .arg(&bad)
        .args(["--corpus", "tests/fixtures/eval/mini"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl:2:"), "{err}");
    // More folds than articles.
    let out = glose(&cfg)
        .args(["eval", "--gold", "tests/fixtures/eval/mini.jsonl"])
        .args([
            "--corpus",
            "tests/fixtures/eval/mini",
            "--cross-validate",
            "3",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--cross-validate"));
}

#[test]
fn a_reference_that_does_not_match_the_article_is_refused() {
    let cfg = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.jsonl");
    std::fs::write(
        &g,
        "{\"article\":\"a.txt\",\"start\":0,\"end\":3,\"text\":\"xyz\",\"label\":\"skip\"}\n",
    )
    .unwrap();
    let out = glose(&cfg)
        .args(["eval", "--gold"])
        .arg(&g)
        .args(["--corpus", "tests/fixtures/eval/mini"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("a.txt: bytes 0..3"));
}

#[test]
fn suggest_prints_spans_and_labels_as_json_lines() {
    let cfg = tempfile::tempdir().unwrap();
    let out = glose(&cfg)
        .args(["suggest", "tests/fixtures/eval/mini/a.txt", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let quote = lines
        .iter()
        .find(|l| l["text"].as_str().unwrap().starts_with('«'))
        .expect("the quotation sentence");
    assert_eq!(quote["label"], "quote");
    assert_eq!(quote["model"], "rules");
    let rules: Vec<&str> = quote["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"quotation") && rules.contains(&"inverted-attribution"),
        "{rules:?}"
    );
    assert!(
        lines
            .iter()
            .all(|l| l["confidence"].as_f64().unwrap() > 0.0)
    );
    assert!(
        lines
            .iter()
            .all(|l| !l["reasons"].as_array().unwrap().is_empty())
    );
}

#[test]
fn gold_sidecars_are_the_reference_without_a_gold_file() {
    use glose::model::annotations::Annotations;
    use glose::model::document::Document;
    use glose::model::label::Label;
    use glose::model::sidecar::{How, Record};
    let cfg = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "Le conseil a voté le budget le 12 mars 2024 à Tours.\n\nCe projet est un gâchis absolument scandaleux.\n").unwrap();
    let doc = Document::load(&path, "a.txt").unwrap();
    let mut gold = Annotations::load_gold(
        &doc,
        glose::model::annotations::GoldWrite::explicit_import(),
    )
    .unwrap();
    for (i, l) in [Label::Factual, Label::Quote].into_iter().enumerate() {
        let s = doc.sentences[i];
        gold.set(
            i,
            Some(Record::new(
                s.start,
                s.end,
                doc.sentence_text(i),
                l,
                How::Adjudication,
            )),
        );
    }
    gold.save(&doc).unwrap();
    let out = glose(&cfg)
        .args(["eval", "--json", "--corpus"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["n"], 2);
    close(&v["accuracy"], 0.5);
    assert_eq!(v["confusion"]["quote"]["opinion"], 1);
    assert_eq!(v["spans"]["source"]["gold"], 0);
    // A corpus without gold says so.
    let empty = tempfile::tempdir().unwrap();
    let out = glose(&cfg)
        .args(["eval", "--corpus"])
        .arg(empty.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no gold sidecars"));
}

/// `glose suggest` prints confidences with 3 decimals (JSON and text) and, with
/// `GLOSE_TIMING=1`, the time of its work on stderr as `glose segment` does.
#[test]
fn suggest_confidences_have_three_decimals_and_timing_is_reported() {
    let cfg = tempfile::tempdir().unwrap();
    let out = glose(&cfg)
        .args(["suggest", "tests/fixtures/eval/mini/a.txt", "--json"])
        .env("GLOSE_TIMING", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    for line in stdout.lines() {
        let raw = line.split("\"confidence\":").nth(1).unwrap();
        let num: String = raw
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let decimals = num.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 3, "{num} in {line}");
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    let ns: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("elapsed_ns="))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(ns > 0);
    let text = glose(&cfg)
        .args(["suggest", "tests/fixtures/eval/mini/a.txt"])
        .output()
        .unwrap();
    let quiet = String::from_utf8(text.stderr).unwrap();
    assert!(
        !quiet.contains("elapsed_ns"),
        "no timing without GLOSE_TIMING: {quiet}"
    );
    let first = String::from_utf8(text.stdout).unwrap();
    let conf = first.lines().next().unwrap().split(' ').nth(1).unwrap();
    assert_eq!(conf.len(), 5, "{conf}");
    assert!(conf.parse::<f64>().is_ok(), "{conf}");
}

/// The rules on the English fixture (`tests/fixtures/suggest/en`): seven texts of seven
/// genres (wire, interview, speech, essay, letters, press release, news), labeled from
/// the guidelines. The floors sit a few points under the scores measured when they were
/// set (macro-F1 0.966, source F1@30 0.924). Since interviewers' questions are `skip`
/// (this fixture labels them `quote`): 0.933 and 0.886.
#[test]
fn english_fixture_scores_stay_above_their_floors() {
    let v = eval_fixture("en");
    assert_eq!(v["n"], 173);
    let macro_f1 = v["macro_f1"].as_f64().unwrap_or(0.0);
    let source = v["spans"]["source"]["f1_30"].as_f64().unwrap_or(0.0);
    assert!(macro_f1 >= 0.90, "macro-F1 {macro_f1:.3}");
    assert!(source >= 0.87, "source F1@30 {source:.3}");
    for label in ["factual", "quote", "opinion", "skip"] {
        let f1 = v["per_label"][label]["f1"].as_f64().unwrap_or(0.0);
        assert!(f1 >= 0.85, "{label} F1 {f1:.3}");
    }
}

/// A bare file name is an article of the working folder: `glose suggest a.txt` run in the
/// corpus reads the corpus's labels there and suggests, instead of failing on an empty
/// folder name; a corpus at the working folder also serves a file in a subfolder.
#[test]
fn suggest_on_a_bare_file_name_uses_the_working_folder_as_the_corpus() {
    let cfg = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("tests/fixtures/eval/mini/a.txt", dir.path().join("a.txt")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::copy(
        "tests/fixtures/eval/mini/a.txt",
        dir.path().join("sub/b.txt"),
    )
    .unwrap();
    let bare = glose(&cfg)
        .current_dir(dir.path())
        .args(["suggest", "a.txt", "--json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&bare.stderr);
    assert!(bare.status.success(), "{stderr}");
    assert!(!bare.stdout.is_empty());
    std::fs::write(dir.path().join("glose.ron"), "(suggestions: Rules)\n").unwrap();
    let sub = glose(&cfg)
        .current_dir(dir.path())
        .args(["suggest", "sub/b.txt"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&sub.stderr);
    assert!(sub.status.success(), "{stderr}");
    assert!(
        stderr.contains("rules only"),
        "the corpus's glose.ron applies: {stderr}"
    );
}

/// `glose eval --json` of the rules on a fixture corpus and its reference.
fn eval_fixture(dir: &str) -> Value {
    let cfg = tempfile::tempdir().unwrap();
    let corpus = cfg.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let root = std::path::Path::new("tests/fixtures/suggest").join(dir);
    for e in std::fs::read_dir(root.join("corpus")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), corpus.join(e.file_name())).unwrap();
    }
    json_of(
        glose(cfg.path().join("home"))
            .args(["eval", "--json", "--gold"])
            .arg(root.join("gold.jsonl"))
            .arg("--corpus")
            .arg(&corpus),
    )
}

/// The two references written and labeled from the guidelines before any rule ran on
/// them (`en_b`, `fr_b`: magazine profile, podcast transcript, debate record, reviews,
/// forum, police brief…). First measured at English macro-F1 0.730, source F1@30 0.834,
/// French 0.669 and 0.982; four classes were then read off their errors (debate records,
/// the French first person and telephone lines, speakers in capitals, calls to action),
/// giving 0.833 / 0.886 and 0.874 / 0.982. Two more (`en_c`, `fr_c`: flood dispatch,
/// science news, interviews, speeches, a Senate hearing, blog, column, letter, review…)
/// were first measured at 0.680 / 0.836 and 0.714 / 0.788 with no rule read off them;
/// two English attribution classes read off `en_c` since give 0.686 / 0.851. Two more
/// (`en_d`, `fr_d`: council, court, business and local news, Q&A interviews, a
/// graduation speech, an essay, letters, a museum feature, a hiking blog, a recipe blog,
/// reviews, a forum, an encyclopedia notice, a committee hearing and an Assemblée debate)
/// were first measured at 0.704 / 0.838 and 0.735 / 0.838; the title-block rule, written
/// before they existed, gives 0.748 / 0.842 and 0.743 / 0.844 (and `fr_c` 0.725 / 0.796). The floors sit a little
/// under the latest figures.
/// A fifth pair (`en_e`, `fr_e`: regional and wire news, sport, an obituary, op-eds, a
/// press release, forums, film reviews, radio interviews, Hansard and a Senate sitting)
/// was written while the rules of this round were being made and first measured with
/// them: 0.712 / 0.819 and 0.778 / 0.833 (the rules of the round's start: 0.675 / 0.785
/// and 0.761 / 0.818).
///
/// Interviews follow the convention six of the eight references share: every sentence of
/// an answer is `quote`, and a question the interviewer asks is `skip`. `en` labels the
/// questions `quote`, and the `c` pair labels answers as the interviewee's own statements
/// (`fr_c` 0.742 → 0.688, `en_c` 0.772 → 0.746 when the rule came in).
///
/// A sixth pair (`en_f`, `fr_f`: fire and police reports, a school budget, wire copy, a
/// podcast, a commencement speech, a column, letters, a health feature, a restaurant
/// review, an earnings release; a fait divers, a council, local sport, a dispatch, an
/// Assemblée sitting, an interview, a blog, a forum, a town hall's page, a review) was
/// written during the next round and never read: the rules of that round's start give
/// 0.787 / 0.870 and 0.727 / 0.838, its end 0.805 / 0.876 and 0.755 / 0.847. It became
/// development data in the round after.
///
/// A seventh pair (`en_g`, `fr_g`: a trial, a match report, an obituary, a council
/// meeting, a Commons debate, an editorial, a health agency's FAQ, an earnings story, a
/// travel piece, a product review; a court hearing, a Sahel report, an obituary, a
/// researcher's op-ed, a dispatch on results, a weather story, a book review, a public
/// service's FAQ, an interview, a rugby report) was written then and never read: the
/// rules of that round's start give 0.730 / 0.872 and 0.700 / 0.908, its end 0.769 /
/// 0.895 and 0.715 / 0.913 (`en_f` 0.866 / 0.918, `fr_f` 0.887 / 0.888 as development
/// data; `fr_b` 0.917 → 0.889 where the later references' conventions for stage
/// directions and forum questions differ from its own).
///
/// An eighth pair (`en_h`, `fr_h`: local and wire news, a news analysis, a Q&A, a
/// campaign speech, an essay, letters, a health explainer, a feature, an advice column; a
/// local story, a fait divers, a dispatch, a political analysis, questions au
/// gouvernement, a travel blog, a consumer forum, product reviews, a press interview, a
/// mayor's new-year speech) was written in the round after and never read: the rules of
/// that round's start give 0.787 / 0.852 and 0.785 / 0.849 (those of the round before's
/// start 0.764 / 0.826 and 0.765 / 0.845), its end 0.799 / 0.862 and 0.839 / 0.866. The
/// `g` pair became development data then.
///
/// A ninth pair (`en_i`, `fr_i`: a live blog, a fact-check, a company press release, a
/// book review, a sports column, a profile, a podcast transcript, an e-mail newsletter,
/// police and court briefs, a "what we know" explainer; the same ten genres in French,
/// with a film review and a radio transcript) was written in the round after and never
/// read: the rules of that round's start give 0.766 / 0.855 and 0.723 / 0.911 (those of
/// two rounds before 0.747 / 0.850 and 0.702 / 0.898), its end 0.783 / 0.862 and 0.743 /
/// 0.918. The `h` pair became development data then (0.799 / 0.862 and 0.839 / 0.866 at
/// the start, 0.842 / 0.902 and 0.874 / 0.878 at the end).
#[test]
fn blind_references_stay_above_their_floors() {
    for (dir, n, macro_floor, source_floor) in [
        ("en_b", 214, 0.85, 0.89),
        ("fr_b", 198, 0.87, 0.95),
        ("en_c", 240, 0.75, 0.88),
        ("fr_c", 242, 0.70, 0.83),
        ("en_d", 294, 0.86, 0.89),
        ("fr_d", 300, 0.87, 0.85),
        ("en_e", 292, 0.78, 0.85),
        ("fr_e", 246, 0.84, 0.82),
        ("en_f", 319, 0.85, 0.89),
        ("fr_f", 323, 0.86, 0.85),
        ("en_g", 333, 0.85, 0.89),
        ("fr_g", 351, 0.86, 0.91),
        ("en_h", 357, 0.82, 0.88),
        ("fr_h", 360, 0.86, 0.86),
        ("en_i", 367, 0.77, 0.84),
        ("fr_i", 368, 0.73, 0.90),
    ] {
        let v = eval_fixture(dir);
        assert_eq!(v["n"], n, "{dir}");
        let macro_f1 = v["macro_f1"].as_f64().unwrap_or(0.0);
        let source = v["spans"]["source"]["f1_30"].as_f64().unwrap_or(0.0);
        assert!(macro_f1 >= macro_floor, "{dir}: macro-F1 {macro_f1:.3}");
        assert!(source >= source_floor, "{dir}: source F1@30 {source:.3}");
    }
}
