//! The measurement behind the cue weights and the rules' confidences, run by hand on a
//! labeled set (`docs/suggestions.md`): for each cue rule, how many non-quote sentences it
//! fires in and how many of them are opinion; for each way the rules decide, how many of
//! its suggestions match the reference.
//!
//! `GLOSE_GOLD=gold.jsonl GLOSE_CORPUS=dir cargo test --test model cue_counts -- --ignored
//! --nocapture`

use glose::nlp::analysis::Analyzer;
use glose::nlp::highlight::Kind;
use std::collections::BTreeMap;

#[test]
#[ignore = "a measurement: needs GLOSE_GOLD and GLOSE_CORPUS"]
fn cue_counts() {
    let (Ok(gold), Ok(corpus)) = (std::env::var("GLOSE_GOLD"), std::env::var("GLOSE_CORPUS"))
    else {
        eprintln!("set GLOSE_GOLD (reference JSONL) and GLOSE_CORPUS (its articles)");
        return;
    };
    let an = Analyzer::builtin();
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    // rule -> (non-quote sentences, of which opinion)
    let mut cues: BTreeMap<&'static str, (u32, u32)> = BTreeMap::new();
    // (label, confidence in thousandths) -> (decided, right)
    let mut paths: BTreeMap<(String, u32), (u32, u32)> = BTreeMap::new();
    let reference = std::fs::read_to_string(&gold).expect("reading GLOSE_GOLD");
    for line in reference.lines().filter(|l| !l.trim().is_empty()) {
        let g: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let article = g["article"].as_str().expect("article").to_string();
        let text = texts.entry(article.clone()).or_insert_with(|| {
            std::fs::read_to_string(std::path::Path::new(&corpus).join(&article))
                .expect("reading an article")
        });
        let (start, end) = (
            g["start"].as_u64().expect("start") as usize,
            g["end"].as_u64().expect("end") as usize,
        );
        let want = g["label"].as_str().expect("label");
        let lang = glose::nlp::lang::detect(text);
        let a = an.span(text, lang, start, end);
        let Some(s) = a.suggestion else { continue };
        let p = paths
            .entry((
                s.label.name().to_string(),
                (s.confidence * 1000.0).round() as u32,
            ))
            .or_default();
        p.0 += 1;
        p.1 += u32::from(s.label.name() == want);
        if want == "quote" {
            continue;
        }
        let mut seen: Vec<&'static str> = a
            .spans
            .iter()
            .filter(|s| s.kind == Kind::Cue || s.rule == "scare-quote")
            .map(|s| s.rule)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for r in seen {
            let c = cues.entry(r).or_default();
            c.0 += 1;
            c.1 += u32::from(want == "opinion");
        }
    }
    println!("cue rule: opinion of non-quote sentences it fires in");
    for (r, (n, op)) in &cues {
        println!(
            "  {r:24} {op:4} of {n:4}  {:.2}",
            f64::from(*op) / f64::from(*n)
        );
    }
    println!("decision (label, confidence): right of decided");
    for ((l, c), (n, ok)) in &paths {
        println!("  {l:8} {:.3}  {ok:4} of {n:4}", f64::from(*c) / 1000.0);
    }
}
