//! `glose export`: the record-writing core (one million synthetic rows written as JSONL, CSV
//! and Prodigy into memory), and the whole pipeline on a corpus of 100,000 labeled
//! sentences on disk, next to the reading it cannot avoid (articles segmented, sidecars
//! parsed). Run with `cargo bench --bench export`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use glose::Label;
use glose::exchange::export::Format;
use glose::exchange::export::policy::Source;
use glose::exchange::export::row::Row;
use glose::exchange::export::units::Unit;
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
            notes: vec![],
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

/// 200 articles of 500 sentences, every sentence labeled by alice.
fn disk_corpus() -> tempfile::TempDir {
    use glose::model::annotations::Annotations;
    use glose::model::annotator::Annotator;
    use glose::model::document::Document;
    use glose::model::sidecar::{How, Record};
    let dir = tempfile::tempdir().unwrap();
    let alice = Annotator::new("alice").unwrap();
    for a in 0..200 {
        let mut text = String::new();
        for p in 0..100 {
            for s in 0..5 {
                text.push_str(&format!(
                    "Selon le ministère, {} personnes ont été évacuées de la zone {p}, a déclaré la préfète. ",
                    a * 500 + p * 5 + s
                ));
            }
            text.push_str("\n\n");
        }
        let path = dir.path().join(format!("art{a:03}.txt"));
        std::fs::write(&path, &text).unwrap();
        let doc = Document::load(&path, &format!("art{a:03}.txt")).unwrap();
        let mut ann = Annotations::load(&doc, &alice).unwrap();
        for i in 0..doc.sentences.len() {
            let s = doc.sentences[i];
            let rec = Record::new(
                s.start,
                s.end,
                doc.sentence_text(i),
                Label::ALL[i % 4],
                How::Hand,
            );
            ann.set(i, Some(rec));
        }
        ann.save(&doc).unwrap();
    }
    dir
}

fn pipeline(c: &mut Criterion) {
    use glose::exchange::export::{self, Options};
    use glose::model::corpus::Corpus;
    let dir = disk_corpus();
    let corpus = Corpus::scan(dir.path()).unwrap();
    let opts = Options {
        include_skip: true,
        ..Options::default()
    };
    let rows = export::build(&corpus, &opts, &mut |_, _| {}).total();
    let mut g = c.benchmark_group("corpus_100k_labeled");
    g.sample_size(10);
    g.throughput(Throughput::Elements(rows as u64));
    g.bench_function("read_only", |b| {
        b.iter(|| {
            let mut n = 0;
            for e in &corpus.entries {
                let m = glose::model::matrix::LabelMatrix::load(e).unwrap();
                n += m.rows.len();
            }
            black_box(n)
        })
    });
    let mut buf: Vec<u8> = Vec::with_capacity(64 << 20);
    g.bench_function("export_jsonl", |b| {
        b.iter(|| {
            let ds = export::build(&corpus, &opts, &mut |_, _| {});
            buf.clear();
            Format::Jsonl.write(&ds.rows[0], false, &mut buf).unwrap();
            black_box(buf.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench, pipeline);
criterion_main!(benches);
