//! The index cache on disk: a header line, then one summary per line in corpus order. The
//! order lets a walk (which finds entries in that same order) read the cache alongside,
//! picking up each entry's summary as it finds the entry instead of waiting for the whole
//! file to be parsed. The cache is best effort: a missing, old or broken file only costs
//! time.

use super::ArticleInfo;
use crate::store::whole_file::Links;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

const CACHE_VERSION: u32 = 3;

/// A cache file larger than this is ignored (one line per article: some 2 million).
const MAX_BYTES: u64 = 512 << 20;

#[derive(Serialize, Deserialize)]
struct Header {
    version: u32,
    segmenter: String,
}

/// Where the index of `root` is cached.
pub fn cache_file(cache_dir: &Path, root: &Path) -> PathBuf {
    let canon = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let fp = crate::model::document::fingerprint(canon.to_string_lossy().as_bytes());
    cache_dir.join(format!("index-{}.jsonl", &fp[7..23]))
}

/// The summaries of a cache file, in order, each parsed when asked for; `None` if the
/// file is missing or was written by another version.
fn records(path: &Path) -> Option<impl Iterator<Item = ArticleInfo>> {
    // A cache: anything odd (a FIFO, a huge file) is ignored and rebuilt.
    let (f, _) = crate::store::whole_file::open(path, MAX_BYTES, Links::Follow).ok()?;
    let mut lines = BufReader::with_capacity(1 << 16, f)
        .lines()
        .map_while(Result::ok);
    let header: Header = serde_json::from_str(&lines.next()?).ok()?;
    (header.version == CACHE_VERSION && header.segmenter == crate::nlp::segment::VERSION)
        .then(|| lines.filter_map(|l| serde_json::from_str(&l).ok()))
}

/// Every cached summary by id.
pub(super) fn load(path: &Path) -> HashMap<String, ArticleInfo> {
    records(path)
        .into_iter()
        .flatten()
        .map(|a| (a.id.clone(), a))
        .collect()
}

/// Writes the summaries, in corpus order.
pub(super) fn save(path: &Path, articles: &[ArticleInfo]) {
    let header = Header {
        version: CACHE_VERSION,
        segmenter: crate::nlp::segment::VERSION.to_string(),
    };
    let mut out = Vec::with_capacity(256 * (articles.len() + 1));
    if serde_json::to_writer(&mut out, &header).is_err() {
        return;
    }
    for a in articles {
        out.push(b'\n');
        if serde_json::to_writer(&mut out, a).is_err() {
            return;
        }
    }
    out.push(b'\n');
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = crate::store::atomic::write(path, &out);
}

/// A cache file read in a thread of its own while entries are found, matched to them in
/// order.
pub(super) struct Stream {
    rx: Option<Receiver<ArticleInfo>>,
    peeked: Option<ArticleInfo>,
    /// A cached summary matched no entry: the file needs writing again.
    pub stale: bool,
}

impl Stream {
    /// Starts reading `path` (nothing to read if `None`).
    pub fn open(path: Option<PathBuf>) -> Stream {
        let rx = path.map(|p| {
            let (tx, rx) = sync_channel(4096);
            std::thread::spawn(move || feed(&p, &tx));
            rx
        });
        Stream {
            rx,
            peeked: None,
            stale: false,
        }
    }

    /// The cached summary of `id`; ids must be asked for in corpus order. Waits for the
    /// reading thread to get that far.
    pub fn find(&mut self, id: &str) -> Option<ArticleInfo> {
        loop {
            let rec = match self.peeked.take() {
                Some(r) => r,
                None => match self.rx.as_ref()?.recv() {
                    Ok(r) => r,
                    Err(_) => {
                        self.rx = None;
                        return None;
                    }
                },
            };
            match rec.id.as_str().cmp(id) {
                std::cmp::Ordering::Less => self.stale = true,
                std::cmp::Ordering::Equal => return Some(rec),
                std::cmp::Ordering::Greater => {
                    self.peeked = Some(rec);
                    return None;
                }
            }
        }
    }

    /// True if the file holds summaries no entry asked for (after the last entry).
    pub fn has_leftovers(&mut self) -> bool {
        self.stale || self.peeked.is_some() || self.rx.as_ref().is_some_and(|rx| rx.recv().is_ok())
    }
}

fn feed(path: &Path, tx: &SyncSender<ArticleInfo>) {
    for rec in records(path).into_iter().flatten() {
        if tx.send(rec).is_err() {
            return;
        }
    }
}
