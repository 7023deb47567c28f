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
            n += a.spans.len() + a.suggestion.map_or(0, |s| s.label.index());
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
    let trained = glose::nlp::suggest::folds::Learned::train(&ex, &|| false);
    assert!(trained.as_ref().is_some_and(|l| l.groups_using_model() > 0));
    learned.set_learned(trained);
    g.bench_function("rules+model", |b| {
        b.iter(|| black_box(analyze_all(&learned, &docs)))
    });
    g.finish();
}

/// Training examples labeled by a word the rules ignore (`opinion` when a sentence has
/// `le`), so that the model beats the rules and suggests: the bench times its share.
fn synthetic_examples(
    an: &Analyzer,
    docs: &[Document],
) -> Vec<glose::nlp::suggest::folds::Labeled> {
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
            let has_le = d.raw[s.start..s.end]
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("le"));
            let label = if has_le {
                glose::model::label::Label::Opinion
            } else {
                glose::model::label::Label::Factual
            };
            out.push(glose::nlp::suggest::folds::Labeled {
                fold: glose::nlp::suggest::folds::fold_of(&d.id),
                example: glose::nlp::suggest::model::Example {
                    features: glose::nlp::suggest::features::extract(
                        &ev, &d.raw, s.start, s.end, &rules,
                    ),
                    label,
                },
                rules: rules.label,
                rules_confidence: rules.confidence,
            });
        }
    }
    out
}

criterion_group!(benches, bench);
criterion_main!(benches);
