//! A live corpus: sidecars that change on disk while glose runs (a second session, `git
//! pull`, an import) show in the open articles and the library within a second, without
//! waiting for the user's next save. Cheap polling of file metadata, at most every
//! [`EVERY`]; an unsaved change of ours is kept by the same merge a save does.

use crate::model::corpus::sidecar_path;
use crate::tui::app::App;
use std::time::{Duration, Instant, SystemTime};

/// How often the sidecars are looked at.
pub const EVERY: Duration = Duration::from_millis(400);
/// Library entries whose sidecar is looked at per poll: a large corpus is covered over
/// several polls, each costing at most this many `stat` calls.
const LIBRARY_PER_POLL: usize = 512;

/// What the poller last saw of the library's sidecars.
#[derive(Debug, Default)]
pub struct Live {
    at: Option<Instant>,
    /// Next library entry to look at.
    next: usize,
    /// Size and time of this annotator's sidecar per entry, as last seen.
    seen: std::collections::HashMap<usize, Option<(u64, Option<SystemTime>)>>,
    /// Open articles whose sidecar could not be merged, warned about once.
    warned: std::collections::HashSet<usize>,
}

fn meta(path: &std::path::Path) -> Option<(u64, Option<SystemTime>)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()))
}

impl App {
    /// Takes in sidecars changed on disk; true if the screen should be drawn again.
    pub fn poll_disk(&mut self) -> bool {
        let now = Instant::now();
        if self.reader.live.at.is_some_and(|t| now - t < EVERY) {
            return false;
        }
        self.reader.live.at = Some(now);
        let mut changed = Vec::new();
        let mut errors = Vec::new();
        for (&e, a) in &mut self.reader.articles {
            let Ok(ann) = &mut a.ann else { continue };
            match ann.refresh(&a.doc) {
                Ok(true) => changed.push(e),
                Ok(false) => {}
                Err(err) => errors.push((e, err.to_string())),
            }
        }
        changed.extend(self.poll_library());
        for (e, err) in errors {
            if self.reader.live.warned.insert(e) {
                self.warn(format!(
                    "{}; your labels are kept and saved once it reads again",
                    crate::model::sanitize::clean(&err)
                ));
            }
        }
        if changed.is_empty() {
            return false;
        }
        self.library_changed(&changed);
        true
    }

    /// Library entries not open whose sidecar of this annotator changed, their counts read
    /// again.
    fn poll_library(&mut self) -> Vec<usize> {
        let n = self.library.entries.len();
        let mut out = Vec::new();
        for _ in 0..n.min(LIBRARY_PER_POLL) {
            let e = self.reader.live.next % n;
            self.reader.live.next = e + 1;
            let path = sidecar_path(&self.library.entries[e].path, &self.annotator);
            let now = meta(&path);
            let before = self.reader.live.seen.insert(e, now);
            if self.reader.articles.contains_key(&e) || before.is_none() || before == Some(now) {
                continue;
            }
            let count = match crate::model::sidecar::read(&path) {
                Ok(sc) => sc.map_or(0, |s| s.labels.len()),
                Err(_) => continue,
            };
            self.library.infos[e]
                .labeled
                .insert(self.annotator.to_string(), count);
            out.push(e);
        }
        out
    }
}
