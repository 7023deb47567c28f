//! Highlighting + suggestion throughput on the sample corpus text (rules alone, and with a
//! learned model installed).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use glose::model::document::Document;
use glose::nlp::analysis::Analyzer;
use std::hint::black_box;
use std::path::Path;

/// The binary's allocator, so the figures are those of `glose suggest` and the reader.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn docs() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| Document::load(p, &p.file_name().unwrap().to_string_lossy()).unwrap())
        .collect()
}

fn analyze_all(an: &Analyzer, docs: &[Document]) -> usize {
    let mut n = 0;
    for d in docs {
        let lang = an.lang(d);
        for i in 0..d.sentences.len() {
            let a = an.sentence(d, lang, i);
            n += a.spans.len() + a.suggestion.label.index();
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let docs = docs();
    let bytes: usize = docs.iter().map(|d| d.raw.len()).sum();
    let mut g = c.benchmark_group("analysis");
    g.throughput(Throughput::Bytes(bytes as u64));
    let rules = Analyzer::builtin();
    g.bench_function("rules", |b| {
        b.iter(|| black_box(analyze_all(&rules, &docs)))
    });
    let learned = Analyzer::builtin();
    let ex = synthetic_examples(&learned, &docs);
    learned.set_model(glose::nlp::suggest::model::Model::train(&ex));
    g.bench_function("rules+model", |b| {
        b.iter(|| black_box(analyze_all(&learned, &docs)))
    });
    g.finish();
}

/// Training examples labeled by the rules themselves: enough to install a model and time
/// the model's share of the work.
fn synthetic_examples(
    an: &Analyzer,
    docs: &[Document],
) -> Vec<glose::nlp::suggest::model::Example> {
    let mut out = Vec::new();
    for d in docs {
        let lang = an.lang(d);
        for s in &d.sentences {
            let (spans, skip, cont) = an.evidence(&d.raw, lang, s.start, s.end);
            let ev = glose::nlp::suggest::Evidence {
                text: &d.raw,
                spans: &spans,
                skip,
                continues_attribution: cont,
            };
            let rules = glose::nlp::suggest::rules(&ev);
            out.push(glose::nlp::suggest::model::Example {
                features: glose::nlp::suggest::features::extract(
                    &ev, &d.raw, s.start, s.end, &rules,
                ),
                label: rules.label,
            });
        }
    }
    out
}

criterion_group!(benches, bench);
criterion_main!(benches);
