//! An advisory lock on a sidecar's folder for the few milliseconds of a read-merge-write,
//! so two glose processes saving the same sidecar at the same instant take turns instead
//! of one overwriting the other between its check and its rename.
//!
//! The lock is on the folder itself, so no lock file is left in the corpus. It is best
//! effort: where folders cannot be locked (some network file systems), or another program
//! holds the lock for seconds, saving goes on unlocked and relies on the change check alone.

use std::fs::{File, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct FolderLock {
    _dir: Option<File>,
}

/// How long a save waits for another holder; a glose save takes milliseconds, so a lock
/// held longer belongs to some other program and is not worth hanging the UI for.
const PATIENCE: Duration = Duration::from_secs(2);

/// Locks the folder that holds `path`, waiting for another holder to finish.
pub fn folder_of(path: &Path) -> FolderLock {
    folder_within(path, PATIENCE)
}

/// [`folder_of`] giving up (and going on unlocked) after `patience`.
fn folder_within(path: &Path, patience: Duration) -> FolderLock {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(f) = File::open(dir) else {
        return FolderLock { _dir: None };
    };
    let start = Instant::now();
    loop {
        match f.try_lock() {
            Ok(()) => return FolderLock { _dir: Some(f) },
            Err(TryLockError::WouldBlock) if start.elapsed() < patience => {
                std::thread::sleep(Duration::from_millis(2));
            }
            Err(_) => return FolderLock { _dir: None },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Barrier};

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
    fn a_lock_held_for_long_is_given_up_not_waited_for_forever() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        let foreign = File::open(dir.path()).unwrap();
        foreign.lock().unwrap();
        let start = Instant::now();
        let l = folder_within(&path, Duration::from_millis(100));
        assert!(l._dir.is_none());
        assert!(start.elapsed() >= Duration::from_millis(100));
        drop(foreign);
        assert!(
            folder_within(&path, Duration::from_millis(100))
                ._dir
                .is_some()
        );
    }

    #[test]
    fn a_missing_folder_does_not_fail() {
        let dir = tempfile::tempdir().unwrap();
        let _l = folder_of(&dir.path().join("missing/x.ron"));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
