//! Labeling one sentence, including the atomic save (temp file, fsync, rename, fsync of the
//! folder) of a sidecar that already holds 10,000 labels. Then reading that sidecar back,
//! through `sidecar::parse` (glose's own layout: the fast path) and through `ron` alone.

use criterion::{Criterion, criterion_group, criterion_main};
use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{self, How, Record, Sidecar};

fn article(n: usize) -> String {
    let mut s = String::from("Titre de l'article\n\n");
    for i in 0..n {
        s.push_str(&format!(
            "Selon le ministère, {i} personnes ont été recensées dans la région le 3 mars. "
        ));
        if i % 5 == 4 {
            s.push_str("\n\n");
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, article(10_000)).unwrap();
    let doc = Document::load(&path, "big.txt").unwrap();
    assert!(doc.sentences.len() >= 10_000, "{}", doc.sentences.len());
    let who = Annotator::new("alice").unwrap();
    let mut ann = Annotations::load(&doc, &who).unwrap();
    for i in 0..doc.sentences.len() {
        let s = doc.sentences[i];
        ann.set(
            i,
            Some(Record::new(
                s.start,
                s.end,
                doc.sentence_text(i),
                Label::Factual,
                How::Hand,
            )),
        );
    }
    ann.save(&doc).unwrap();
    let mut k = 0usize;
    c.bench_function("label_and_save_10k_labels", |b| {
        b.iter(|| {
            k = (k + 1) % doc.sentences.len();
            let s = doc.sentences[k];
            let label = Label::ALL[k % 4];
            ann.set(
                k,
                Some(Record::new(
                    s.start,
                    s.end,
                    doc.sentence_text(k),
                    label,
                    How::Hand,
                )),
            );
            ann.save(&doc).unwrap()
        })
    });
    let text = std::fs::read_to_string(&ann.path).unwrap();
    let mut g = c.benchmark_group("read_sidecar_10k_labels");
    g.bench_function("parse", |b| {
        b.iter(|| sidecar::parse(std::hint::black_box(&text), &ann.path).unwrap())
    });
    g.bench_function("ron_only", |b| {
        b.iter(|| ron::from_str::<Sidecar>(std::hint::black_box(&text)).unwrap())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
