//! The property of each fuzz target, shared by the fuzz targets (`fuzz_targets/`, run with
//! `cargo fuzz` on nightly) and by the proptests of `tests/fuzz_props.rs`, which run the
//! same checks on stable in every `cargo test`.
#![allow(dead_code)]

use glose::model::corpus::Corpus;
use std::path::{Path, PathBuf};

/// Any bytes given as a sidecar: parsing never panics, and what parses writes back to text
/// that parses to the same value.
pub fn sidecar(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(sc) = glose::model::sidecar::parse(text, Path::new("fuzz.ron")) {
        let again = glose::model::sidecar::to_ron(&sc);
        let back = glose::model::sidecar::parse(&again, Path::new("fuzz.ron")).expect("re-parse");
        assert_eq!(glose::model::sidecar::to_ron(&back), again);
    }
}

/// Any text given as a keymap file: parsing never panics, and a keymap that parses can be
/// laid over the default and queried for every action in every view.
pub fn keymap(text: &str) {
    if let Ok(km) = glose::tui::keymap::Keymap::parse(text, "fuzz.ron") {
        let mut base = glose::tui::keymap::Keymap::builtin_default();
        base.apply(km);
        for v in glose::tui::action::View::ALL {
            for info in glose::tui::action::ACTIONS {
                for k in base.keys_for(v, info.action) {
                    let _ = k.to_string();
                }
            }
        }
    }
}

/// Any text: sentences are in bounds, on char boundaries, ordered and non-overlapping.
pub fn segment(text: &str) {
    let mut last = 0;
    for s in glose::nlp::segment::segment(text) {
        assert!(last <= s.start && s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        last = s.end;
    }
}

/// Any article text: highlighting and suggestions never panic and spans stay inside their
/// sentence.
pub fn analysis(data: &[u8]) {
    let Ok(doc) =
        glose::model::document::Document::from_bytes(data.to_vec(), Path::new("f.txt"), "f.txt")
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
        if let Some(sg) = &a.suggestion {
            assert!((0.0..=1.0).contains(&sg.confidence));
        }
    }
}

/// The articles [`import`] resolves lines against.
pub const IMPORT_ARTICLES: [(&str, &str); 2] = [
    (
        "a.txt",
        "Le ministre a parlé. « Nous agirons », dit-il.\n\nC'est trop tard.",
    ),
    ("b.md", "# Titre\n\nUne phrase. Une phrase.\n"),
];

/// A corpus of [`IMPORT_ARTICLES`] in a new folder under `parent`.
pub fn import_corpus(parent: &Path) -> Corpus {
    let root: PathBuf = parent.join("import-corpus");
    std::fs::create_dir_all(&root).expect("corpus folder");
    for (name, text) in IMPORT_ARTICLES {
        std::fs::write(root.join(name), text).expect("article");
    }
    Corpus::scan(&root).expect("corpus")
}

/// Any text given as a JSONL import (dry run, over [`import_corpus`]): nothing panics,
/// every non-blank line is accounted for exactly once, as parsed or as bad, and every
/// parsed line as rejected, kept as a conflict, unchanged, added or overwritten.
pub fn import(corpus: &Corpus, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    use glose::exchange::import;
    let (lines, bad) = import::parse(text);
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let non_blank = body.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(lines.len() + bad.len(), non_blank);
    let n = lines.len();
    let who = glose::model::annotator::Annotator::new("fuzz").expect("name");
    let opts = import::Options {
        dry_run: true,
        ..Default::default()
    };
    let r = import::import(corpus, &who, lines, opts);
    assert_eq!(
        r.rejected.len() + r.conflicts.len() + r.unchanged + r.added + r.overwritten,
        n,
        "{r:?}"
    );
    assert!(r.on_sentence + r.own_span <= n);
}
