//! Segmentation throughput over the dev documents and the seed articles, with UAX#29
//! alone (`unicode-segmentation`) as the baseline.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use unicode_segmentation::UnicodeSegmentation;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/fixtures/segment/dev/docs", "sample_corpus"] {
        for e in std::fs::read_dir(root.join(dir)).expect("fixture folder") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 fixture"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("glose", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| glose::nlp::segment::segment(black_box(d)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("uax29", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| black_box(d).split_sentence_bound_indices().count())
                .sum::<usize>()
        })
    });
    g.finish();
}

/// Inputs built to make a careless scanner quadratic: glued sentences with no space,
/// chains of initials, lone quotes, long runs of openers.
fn adversarial(c: &mut Criterion) {
    let docs = [
        "a.Bb".repeat(50_000),
        "a.".repeat(100_000),
        "x. \" ".repeat(40_000),
        format!("Fin. {}Le", "«".repeat(100_000)),
        "M. ".repeat(60_000),
        "de\n".repeat(60_000),
    ];
    let mut g = c.benchmark_group("segment_adversarial");
    for (i, d) in docs.iter().enumerate() {
        g.throughput(Throughput::Bytes(d.len() as u64));
        g.bench_function(format!("case{i}"), |b| {
            b.iter(|| glose::nlp::segment::segment(black_box(d)).len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench, adversarial);
criterion_main!(benches);
