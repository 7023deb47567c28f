//! Writes `DIR/big.txt`, an article of N sentences, and `alice`'s sidecar labeling every
//! one: `cargo run --release --example big_sidecar -- DIR N`. N = 250,000 gives a 21 MB
//! article and a 48 MB sidecar, near the 64 MiB limit (see `docs/performance.md`).
use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{How, Record};
fn main() {
    let n: usize = std::env::args().nth(2).unwrap().parse().unwrap();
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let mut s = String::from("Titre de l'article\n\n");
    for i in 0..n {
        s.push_str(&format!(
            "Selon le ministère, {i} personnes ont été recensées dans la région le 3 mars. "
        ));
        if i % 5 == 4 {
            s.push_str("\n\n");
        }
    }
    let path = dir.join("big.txt");
    std::fs::write(&path, s).unwrap();
    let doc = Document::load(&path, "big.txt").unwrap();
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
}
