use super::*;
use crate::model::corpus::Corpus;
use crate::model::index::Index;

fn write(root: &Path, name: &str, text: &str) {
    let p = root.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// Folders whose names sort differently from the ids inside them.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    for (i, name) in [
        "a.txt",
        "a/b.txt",
        "a-/c.md",
        "a0.txt",
        "z/y/x.txt",
        "m.txt",
    ]
    .iter()
    .enumerate()
    {
        let body = "Une phrase. ".repeat(i + 1);
        write(r, name, &format!("Titre {i}\n\n{body}\n"));
    }
    write(r, "a/b.txt.alice.ron", "not a sidecar");
    dir
}

#[test]
fn the_scan_streams_the_corpus_in_order_with_its_index() {
    let dir = corpus();
    let want = Corpus::scan(dir.path()).unwrap();
    let index = Index::build(&want, None, &|_, _| {});
    let ix = Indexer::scan(dir.path(), None).unwrap();
    let news = ix.wait();
    assert!(news.scanned && news.finished && !news.interrupted);
    let got: Vec<Entry> = news.entries.iter().map(|(e, _)| e.clone()).collect();
    assert_eq!(got, want.entries);
    assert!(news.entries.iter().all(|(_, cached)| cached.is_none()));
    let mut infos = news.infos;
    infos.sort_by_key(|(i, _)| *i);
    let infos: Vec<ArticleInfo> = infos.into_iter().map(|(_, a)| a).collect();
    assert_eq!(infos, index.articles);
    assert_eq!(ix.progress(), (6, 6));
    assert_eq!(ix.listed(), 11, "every name of every folder");
    assert!(ix.poll().is_empty());
}

#[test]
fn a_second_scan_brings_cached_summaries_with_the_entries() {
    let dir = corpus();
    let cache = tempfile::tempdir().unwrap();
    let first = Indexer::scan(dir.path(), Some(cache.path().into()))
        .unwrap()
        .wait();
    let mut read = first.infos;
    read.sort_by_key(|(i, _)| *i);
    let again = Indexer::scan(dir.path(), Some(cache.path().into()))
        .unwrap()
        .wait();
    let cached: Vec<(usize, ArticleInfo)> = again
        .entries
        .into_iter()
        .enumerate()
        .filter_map(|(i, (_, c))| Some((i, c?)))
        .collect();
    assert_eq!(cached, read, "every summary came from the cache");
    assert!(again.infos.is_empty(), "nothing was read again");
    // A changed article is read again; the others keep their cached summary.
    write(dir.path(), "m.txt", "Autre\n\nUne. Deux.\n");
    let third = Indexer::scan(dir.path(), Some(cache.path().into()))
        .unwrap()
        .wait();
    let fresh: Vec<(usize, String, usize)> = third
        .infos
        .iter()
        .map(|(i, a)| (*i, a.title.clone(), a.sentences))
        .collect();
    assert_eq!(fresh, [(4, "Autre".to_string(), 3)]);
}

#[test]
fn a_known_corpus_gets_its_cached_summaries() {
    let dir = corpus();
    let cache = tempfile::tempdir().unwrap();
    let c = Corpus::scan(dir.path()).unwrap();
    let built = Index::build(&c, Some(cache.path()), &|_, _| {});
    let news = Indexer::index(c, Some(cache.path().into())).wait();
    assert!(news.entries.is_empty() && news.infos.is_empty());
    let mut infos = news.cached;
    infos.sort_by_key(|(i, _)| *i);
    let infos: Vec<ArticleInfo> = infos.into_iter().map(|(_, a)| a).collect();
    assert_eq!(infos, built.articles);
}

#[test]
fn a_file_is_refused_before_any_thread_starts() {
    let dir = corpus();
    let err = Indexer::scan(&dir.path().join("a.txt"), None).unwrap_err();
    assert!(matches!(err, CorpusError::NotADir(_)));
    assert!(Indexer::scan(&dir.path().join("missing"), None).is_err());
}

#[test]
fn a_cache_with_articles_gone_is_still_used_and_written_again() {
    let dir = corpus();
    let cache = tempfile::tempdir().unwrap();
    let scan = |d: &Path| Indexer::scan(d, Some(cache.path().into())).unwrap().wait();
    scan(dir.path());
    let file = cache_file(cache.path(), dir.path());
    let before = std::fs::read_to_string(&file).unwrap();
    std::fs::remove_file(dir.path().join("a-/c.md")).unwrap();
    std::fs::remove_file(dir.path().join("z/y/x.txt")).unwrap();
    let news = scan(dir.path());
    assert_eq!(news.entries.len(), 4);
    assert!(
        news.entries.iter().all(|(_, c)| c.is_some()),
        "matched past the gaps"
    );
    assert!(news.infos.is_empty());
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        after.lines().count(),
        1 + 4,
        "header and the four articles left"
    );
    assert_ne!(before, after);
}
