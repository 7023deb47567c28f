//! The cache of aligned label codes: same figures as without it, and never stale.

use glose::model::align::Aligned;
use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::corpus::Corpus;
use glose::model::document::Document;
use glose::model::label::Label::{self, *};
use glose::model::sidecar::{How, Record};
use glose::review::agreement::codes::{self, ArticleCodes};
use glose::review::agreement::{Options, corpus_report};
use std::path::Path;

fn label(root: &Path, file: &str, who: &str, labels: &[Label]) {
    let p = root.join(file);
    let doc = Document::load(&p, file).unwrap();
    let mut a = Annotations::load(&doc, &Annotator::new(who).unwrap()).unwrap();
    for (i, l) in labels.iter().enumerate() {
        let s = doc.sentences[i];
        a.set(
            i,
            Some(Record::new(
                s.start,
                s.end,
                doc.sentence_text(i),
                *l,
                How::Hand,
            )),
        );
    }
    a.save(&doc).unwrap();
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    std::fs::write(r.join("a.txt"), "Un. Deux. Trois. Quatre.\n").unwrap();
    std::fs::write(r.join("b.txt"), "Cinq. Six.\n").unwrap();
    label(r, "a.txt", "alice", &[Factual, Quote, Opinion, Skip]);
    label(r, "a.txt", "bob", &[Factual, Quote, Factual, Skip]);
    label(r, "b.txt", "alice", &[Opinion, Opinion]);
    label(r, "b.txt", "bob", &[Opinion, Quote]);
    dir
}

fn opts(c: &Corpus) -> Options {
    Options {
        annotators: c.annotators(),
        ..Options::default()
    }
}

#[test]
fn cached_runs_give_the_same_figures_and_follow_changes() {
    let dir = setup();
    let cache = tempfile::tempdir().unwrap();
    let c = Corpus::scan(dir.path()).unwrap();
    let plain = corpus_report(&c, &opts(&c), None).report;
    let first = corpus_report(&c, &opts(&c), Some(cache.path())).report;
    assert_eq!(first, plain);
    // The cache now holds exactly what aligning gives.
    for e in &c.entries {
        let fresh = ArticleCodes::of(&Aligned::load(e, &e.annotators).unwrap());
        let key = codes::key_of(e).unwrap();
        assert_eq!(
            codes::Cache::open(cache.path(), &c.root).get(e, &key),
            Some(&fresh)
        );
    }
    let second = corpus_report(&c, &opts(&c), Some(cache.path())).report;
    assert_eq!(second, plain);
    assert_eq!(second.items, 6);

    // Bob changes his mind on "Trois.": the cached entry is stale and recomputed.
    label(dir.path(), "a.txt", "bob", &[Factual, Quote, Opinion, Skip]);
    let c = Corpus::scan(dir.path()).unwrap();
    let after = corpus_report(&c, &opts(&c), Some(cache.path())).report;
    assert_eq!(after, corpus_report(&c, &opts(&c), None).report);
    assert_eq!(after.per_article["a.txt"].observed_agreement, Some(1.0));
}

#[test]
fn a_damaged_cache_is_ignored() {
    let dir = setup();
    let cache = tempfile::tempdir().unwrap();
    let c = Corpus::scan(dir.path()).unwrap();
    let plain = corpus_report(&c, &opts(&c), Some(cache.path())).report;
    for f in std::fs::read_dir(cache.path()).unwrap() {
        let p = f.unwrap().path();
        let mut bytes = std::fs::read(&p).unwrap();
        bytes.truncate(bytes.len() / 2);
        std::fs::write(&p, bytes).unwrap();
    }
    assert_eq!(
        corpus_report(&c, &opts(&c), Some(cache.path())).report,
        plain
    );
}

#[test]
fn an_unreadable_sidecar_is_reported_on_every_run() {
    let dir = setup();
    std::fs::write(dir.path().join("b.txt.bob.ron"), "(broken").unwrap();
    let cache = tempfile::tempdir().unwrap();
    let c = Corpus::scan(dir.path()).unwrap();
    for _ in 0..2 {
        let r = corpus_report(&c, &opts(&c), Some(cache.path()));
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].contains("b.txt.bob.ron"), "{:?}", r.warnings);
        assert_eq!(r.report.items, 4);
    }
}

/// The key made from the files as they were read (a cold run, no path looked up twice) is
/// the one a later run makes from their paths, so the next run finds its entries.
#[test]
fn the_key_from_the_files_read_is_the_key_from_their_paths() {
    let dir = setup();
    let c = Corpus::scan(dir.path()).unwrap();
    for e in &c.entries {
        let opened = |p: &Path| std::fs::File::open(p).unwrap().metadata().unwrap();
        let sidecars: Vec<_> = e
            .annotators
            .iter()
            .map(|who| Some(opened(&glose::model::corpus::sidecar_path(&e.path, who))))
            .collect();
        let key = codes::key_from(e, &opened(&e.path), &sidecars);
        assert!(key.is_some());
        assert_eq!(key, codes::key_of(e));
        // One sidecar missing, or one too few: no key, so nothing cached under it.
        let mut fewer = sidecars.clone();
        fewer[0] = None;
        assert_eq!(codes::key_from(e, &opened(&e.path), &fewer), None);
        assert_eq!(codes::key_from(e, &opened(&e.path), &sidecars[1..]), None);
    }
}

/// Issue 18 item 8: a sidecar edited in place to the same size, with its mtime put back
/// (same inode), is not taken for the one the cache was computed from.
#[test]
fn item8_same_size_edit_with_mtime_put_back_is_not_served_from_the_cache() {
    let dir = setup();
    let cache = tempfile::tempdir().unwrap();
    let c = Corpus::scan(dir.path()).unwrap();
    let first = corpus_report(&c, &opts(&c), Some(cache.path())).report;
    assert_eq!(first.per_article["a.txt"].observed_agreement, Some(0.75));
    let p = dir.path().join("a.txt.bob.ron");
    let before = std::fs::metadata(&p).unwrap();
    let text = std::fs::read_to_string(&p).unwrap();
    // Bob's "Trois." goes from Factual to Opinion: the same number of bytes.
    let at = text.rfind("Factual").unwrap();
    let edited = format!("{}Opinion{}", &text[..at], &text[at + 7..]);
    let f = std::fs::OpenOptions::new().write(true).open(&p).unwrap();
    std::io::Write::write_all(&mut &f, edited.as_bytes()).unwrap();
    f.set_modified(before.modified().unwrap()).unwrap();
    drop(f);
    let after = std::fs::metadata(&p).unwrap();
    assert_eq!(
        (after.len(), after.modified().unwrap()),
        (before.len(), before.modified().unwrap())
    );
    let c = Corpus::scan(dir.path()).unwrap();
    let cached = corpus_report(&c, &opts(&c), Some(cache.path())).report;
    assert_eq!(cached, corpus_report(&c, &opts(&c), None).report);
    assert_eq!(cached.per_article["a.txt"].observed_agreement, Some(1.0));
}
