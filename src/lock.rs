//! An advisory lock on a sidecar's folder for the few milliseconds of a read-merge-write,
//! so two glose processes saving the same sidecar at the same instant take turns instead
//! of one overwriting the other between its check and its rename.
//!
//! The lock is on the folder itself, so no lock file is left in the corpus. It is best
//! effort: where folders cannot be locked (some network file systems), saving goes on
//! unlocked and relies on the change check alone.

use std::fs::File;
use std::path::Path;

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct FolderLock {
    _dir: Option<File>,
}

/// Locks the folder that holds `path` (waits for another holder to finish).
pub fn folder_of(path: &Path) -> FolderLock {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let dir = File::open(dir).ok().filter(|f| f.lock().is_ok());
    FolderLock { _dir: dir }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Barrier};
    use std::time::Duration;

    #[test]
    fn a_second_holder_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt.alice.ron");
        let held = Arc::new(AtomicBool::new(true));
        let first = folder_of(&path);
        let barrier = Arc::new(Barrier::new(2));
        let t = {
            let (held, barrier, path) = (Arc::clone(&held), Arc::clone(&barrier), path.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let _second = folder_of(&path);
                // The first lock is gone by the time the second is granted.
                assert!(!held.load(Ordering::SeqCst));
            })
        };
        barrier.wait();
        std::thread::sleep(Duration::from_millis(100));
        held.store(false, Ordering::SeqCst);
        drop(first);
        t.join().unwrap();
    }

    #[test]
    fn a_missing_folder_does_not_fail() {
        let dir = tempfile::tempdir().unwrap();
        let _l = folder_of(&dir.path().join("missing/x.ron"));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
