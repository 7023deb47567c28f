//! Agreement figures on 1,000,000 sentences × 5 annotators (synthetic labels, about 10 %
//! missing): filling the count tables, and the figures from them. Then the whole of
//! `glose agree` but printing (scan, read sidecars, align, tally, on as many threads as
//! there are cores) on a smaller corpus, to see where the time goes.

use criterion::{Criterion, criterion_group, criterion_main};
use glose::model::annotator::Annotator;
use glose::model::corpus::Corpus;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{self, How, Record, SCHEMA, Sidecar};
use glose::review::agreement::{NONE, Options, Tally, corpus_report};
use std::hint::black_box;
use std::path::Path;

const SENTENCES: usize = 1_000_000;
const RATERS: usize = 5;

/// Deterministic labels: a "true" label per sentence that each annotator keeps 80 % of the
/// time, otherwise another label or nothing.
fn labels() -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut out = Vec::with_capacity(SENTENCES * RATERS);
    for _ in 0..SENTENCES {
        let truth = (next() % 4) as u8;
        for _ in 0..RATERS {
            let r = next() % 100;
            out.push(match r {
                0..80 => truth,
                80..90 => (next() % 4) as u8,
                _ => NONE,
            });
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let data = labels();
    let mut g = c.benchmark_group("agree");
    g.sample_size(10);
    g.bench_function("tally_1M_x5", |b| {
        b.iter(|| {
            let mut t = Tally::new(RATERS, 4);
            for row in data.chunks_exact(RATERS) {
                t.add(black_box(row));
            }
            t
        })
    });
    let mut t = Tally::new(RATERS, 4);
    for row in data.chunks_exact(RATERS) {
        t.add(row);
    }
    g.bench_function("figures_and_pairs", |b| {
        b.iter(|| (black_box(&t).figures(), black_box(&t).pair_list()))
    });
    g.finish();
}

/// `articles` articles of 1,000 sentences, labeled by 5 annotators.
fn corpus(root: &Path, articles: usize) {
    let names: Vec<Annotator> = (0..RATERS)
        .map(|i| Annotator::new(&format!("a{i}")).unwrap())
        .collect();
    let mut x = 7u64;
    for a in 0..articles {
        let text: String = (0..1000)
            .map(|i| format!("Phrase {i} de l'article {a}, assez longue pour compter. "))
            .collect();
        let path = root.join(format!("{a:04}.txt"));
        std::fs::write(&path, &text).unwrap();
        let doc = Document::load(&path, "x").unwrap();
        for who in &names {
            let labels = (0..doc.sentences.len())
                .map(|i| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let s = doc.sentences[i];
                    let l = Label::ALL[((x >> 33) % 4) as usize];
                    Record::new(s.start, s.end, doc.sentence_text(i), l, How::Hand)
                })
                .collect();
            let sc = Sidecar {
                schema: SCHEMA,
                article: format!("{a:04}.txt"),
                fingerprint: doc.fingerprint.clone(),
                segmenter: "x".into(),
                annotator: who.to_string(),
                labels,
                orphans: vec![],
                history: vec![],
                notes: vec![],
                status: None,
            };
            sidecar::write(&root.join(format!("{a:04}.txt.{who}.ron")), &sc).unwrap();
        }
    }
}

fn pipeline(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 20);
    let mut g = c.benchmark_group("agree");
    g.sample_size(10);
    g.bench_function("corpus_20k_sentences_x5", |b| {
        b.iter(|| {
            let c = Corpus::scan(dir.path()).unwrap();
            let opts = Options {
                annotators: c.annotators(),
                ..Options::default()
            };
            corpus_report(&c, &opts, None)
        })
    });
    g.finish();
}

/// The same with a warm cache of aligned codes (sidecars unchanged since the last run):
/// what a second `glose agree` costs. 100 articles of 1,000 sentences; set
/// `GLOSE_BENCH_ARTICLES=1000` for the full million (it writes about 1 GB of sidecars first).
fn cached(c: &mut Criterion) {
    let articles: usize = std::env::var("GLOSE_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(dir.path(), articles);
    let corp = Corpus::scan(dir.path()).unwrap();
    let opts = Options {
        annotators: corp.annotators(),
        ..Options::default()
    };
    corpus_report(&corp, &opts, Some(cache.path()));
    let mut g = c.benchmark_group("agree");
    g.sample_size(10);
    g.bench_function(format!("corpus_{articles}k_sentences_x5_cached"), |b| {
        b.iter(|| {
            let c = Corpus::scan(dir.path()).unwrap();
            corpus_report(&c, &opts, Some(cache.path()))
        })
    });
    g.finish();
}

criterion_group!(benches, bench, pipeline, cached);
criterion_main!(benches);
