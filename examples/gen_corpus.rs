//! Writes a large synthetic corpus for benchmarks: `cargo run --release --example gen_corpus
//! -- DIR N [SEED]`. Articles recombine sentences of the sample corpus into titles, bylines
//! and paragraphs, in nested folders (100 files per folder). Lengths follow a news-like
//! mix: 70 % 1–6 KB, 25 % 6–20 KB, 5 % 20–50 KB. About 10 % of articles get a sidecar from
//! `alice`, and half of those one from `bob` too, so progress and agreement have data.
//!
//! For agreement and export at scale: `--annotators K` gives every labeled article a
//! sidecar from each of K annotators (`a1`…`aK`), `--labeled PCT` sets the share of
//! articles labeled (default 10) and `--rate PCT` the share of sentences each annotator
//! labels (default 60).

use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{self, How, Record, Sidecar};
use std::path::PathBuf;

const SAMPLES: [&str; 5] = [
    include_str!("../sample_corpus/000_3b8629df93aa22c5.txt"),
    include_str!("../sample_corpus/001_4c765cd927fc0ffc.txt"),
    include_str!("../sample_corpus/002_528c4a62948588f3.txt"),
    include_str!("../sample_corpus/003_6e6835b1c0059aa0.txt"),
    include_str!("../sample_corpus/004_b07fcdacbb762b4c.txt"),
];

/// splitmix64: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut opt = |name: &str| -> Result<Option<usize>, Box<dyn std::error::Error>> {
        match args.iter().position(|a| a == name) {
            Some(i) if i + 1 < args.len() => {
                let v = args[i + 1].parse()?;
                args.drain(i..i + 2);
                Ok(Some(v))
            }
            Some(_) => Err(format!("{name} needs a value").into()),
            None => Ok(None),
        }
    };
    let annotators = opt("--annotators")?;
    let labeled = opt("--labeled")?.map(|p| p.min(100));
    let rate = opt("--rate")?.map(|p| p.min(100));
    if args.len() < 2 {
        eprintln!("usage: gen_corpus DIR N [SEED] [--annotators K] [--labeled PCT] [--rate PCT]");
        std::process::exit(2);
    }
    let dir = PathBuf::from(&args[0]);
    let n: usize = args[1].parse()?;
    let seed: u64 = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(42);
    let (titles, sentences) = pool();
    let mut rng = Rng(seed);
    let mut bytes = 0usize;
    for i in 0..n {
        let folder = dir.join(format!("{:03}/{:02}", i / 10_000, (i / 100) % 100));
        std::fs::create_dir_all(&folder)?;
        let path = folder.join(format!("article-{i:06}.txt"));
        let text = article(&mut rng, &titles, &sentences);
        bytes += text.len();
        std::fs::write(&path, &text)?;
        if chance(&mut rng, labeled, 1) {
            let id = path
                .strip_prefix(&dir)?
                .to_string_lossy()
                .replace('\\', "/");
            let doc = Document::from_bytes(text.into_bytes(), &path, &id)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            match annotators {
                Some(k) => {
                    for a in 1..=k {
                        write_sidecar(&doc, &format!("a{a}"), rate, &mut rng)?;
                    }
                }
                None => {
                    write_sidecar(&doc, "alice", rate, &mut rng)?;
                    if rng.below(2) == 0 {
                        write_sidecar(&doc, "bob", rate, &mut rng)?;
                    }
                }
            }
        }
        if (i + 1) % 10_000 == 0 {
            eprintln!("{} articles", i + 1);
        }
    }
    eprintln!(
        "wrote {n} articles, {:.1} MB, into {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    Ok(())
}

/// True `pct` % of the time, or `tenths` in 10 by default (drawn as before the options
/// existed, so a seed still gives the same corpus).
fn chance(rng: &mut Rng, pct: Option<usize>, tenths: usize) -> bool {
    match pct {
        Some(p) => rng.below(100) < p,
        None => rng.below(10) < tenths,
    }
}

/// Title lines and body sentences from the sample corpus.
fn pool() -> (Vec<String>, Vec<String>) {
    let mut titles = Vec::new();
    let mut sentences = Vec::new();
    for s in SAMPLES {
        for sent in glose::nlp::segment::segment(s) {
            let t = s[sent.start..sent.end].replace('\n', " ");
            if t.ends_with(['.', '!', '?', '»']) && t.len() > 40 {
                sentences.push(t);
            } else if t.len() > 15 && t.len() < 120 {
                titles.push(t);
            }
        }
    }
    (titles, sentences)
}

fn article(rng: &mut Rng, titles: &[String], sentences: &[String]) -> String {
    let target = match rng.below(20) {
        0 => rng.range(20_000, 50_000),
        1..=5 => rng.range(6_000, 20_000),
        _ => rng.range(1_000, 6_000),
    };
    let mut out = String::with_capacity(target + 512);
    out.push_str(&titles[rng.below(titles.len())]);
    out.push_str("\n\nPar Agence de presse\n\n");
    while out.len() < target {
        for _ in 0..rng.range(2, 6) {
            out.push_str(&sentences[rng.below(sentences.len())]);
            out.push(' ');
        }
        out.pop();
        out.push_str("\n\n");
    }
    out
}

fn write_sidecar(
    doc: &Document,
    who: &str,
    rate: Option<usize>,
    rng: &mut Rng,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut labels = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        if chance(rng, rate, 6) {
            let label = Label::ALL[rng.below(4)];
            labels.push(Record::new(
                s.start,
                s.end,
                doc.sentence_text(i),
                label,
                How::Hand,
            ));
        }
    }
    let sc = Sidecar {
        schema: sidecar::SCHEMA,
        article: doc.id.clone(),
        fingerprint: doc.fingerprint.clone(),
        segmenter: glose::nlp::segment::VERSION.to_string(),
        annotator: who.to_string(),
        labels,
        orphans: Vec::new(),
        history: Vec::new(),
        notes: Vec::new(),
        status: None,
    };
    let mut name = doc.path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{who}.ron"));
    std::fs::write(doc.path.with_file_name(name), sidecar::to_ron(&sc))?;
    Ok(())
}
