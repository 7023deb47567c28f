//! Any article text: highlighting and suggestions never panic and spans stay inside their
//! sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = glose::model::document::Document::from_bytes(data.to_vec(), Path::new("f.txt"), "f.txt")
    else {
        return;
    };
    let an = glose::nlp::analysis::Analyzer::builtin();
    let lang = an.lang(&doc);
    for i in 0..doc.sentences.len() {
        let s = doc.sentences[i];
        let a = an.sentence(&doc, lang, i);
        for sp in &a.spans {
            assert!(s.start <= sp.start && sp.start < sp.end && sp.end <= s.end);
            assert!(doc.raw.is_char_boundary(sp.start) && doc.raw.is_char_boundary(sp.end));
        }
        assert!((0.0..=1.0).contains(&a.suggestion.confidence));
    }
});
