//! Any bytes given as a JSONL import: see `properties::import`.
#![no_main]

#[path = "../properties.rs"]
mod properties;

use std::sync::OnceLock;

static CORPUS: OnceLock<glose::model::corpus::Corpus> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let corpus = CORPUS.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("glose-fuzz-import-{}", std::process::id()));
        properties::import_corpus(&dir)
    });
    properties::import(corpus, data);
});
