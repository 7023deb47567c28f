//! The record-writing core of `glose export`: one million synthetic rows written as JSONL,
//! CSV and Prodigy into memory. Run with `cargo bench --bench export`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use glose::Label;
use glose::export::Format;
use glose::export::policy::Source;
use glose::export::row::Row;
use glose::export::units::Unit;
use std::hint::black_box;
use std::sync::Arc;

const ROWS: usize = 1_000_000;

fn rows() -> Vec<Row> {
    let alice: Arc<str> = Arc::from("alice");
    let bob: Arc<str> = Arc::from("bob");
    let mut out = Vec::with_capacity(ROWS);
    let mut article: Arc<str> = Arc::from("");
    for i in 0..ROWS {
        if i % 500 == 0 {
            article = Arc::from(format!("2025/10/article-{:05}.txt", i / 500));
        }
        let label = Label::ALL[i % 3];
        let text = format!(
            "Selon le ministère, « {i} personnes » ont été évacuées, a déclaré la préfète \"hier\", ce qui reste à vérifier."
        );
        let start = (i % 500) * 130;
        let unit = Unit {
            article: article.clone(),
            index: i % 500,
            start,
            end: start + text.len(),
            char_start: start,
            char_end: start + text.chars().count(),
            text,
            votes: vec![(alice.clone(), label), (bob.clone(), Label::ALL[i % 4])],
            context_before: vec![],
            context_after: vec![],
        };
        out.push(Row {
            unit: Arc::new(unit),
            label,
            source: Source::Majority,
            agreement: if i % 4 == i % 3 { 1.0 } else { 0.5 },
        });
    }
    out
}

fn bench(c: &mut Criterion) {
    let rows = rows();
    let mut buf: Vec<u8> = Vec::with_capacity(400 << 20);
    let mut g = c.benchmark_group("write_1m_rows");
    g.sample_size(10);
    g.throughput(Throughput::Elements(ROWS as u64));
    for format in [Format::Jsonl, Format::Csv, Format::Prodigy] {
        g.bench_function(format.name(), |b| {
            b.iter(|| {
                buf.clear();
                format.write(black_box(&rows), false, &mut buf).unwrap();
                black_box(buf.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
