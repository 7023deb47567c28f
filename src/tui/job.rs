//! The one way the TUI runs work in the background (after gitui's `AsyncSingleJob`): a
//! [`Job`] runs a closure in its own thread, which sends results as it finds them and may
//! report progress; the app polls it between key presses, never waiting on it. Dropping
//! or replacing a job cancels it, so keeping one in an `Option` and assigning a new one
//! makes the newest request win: the old thread stops at its next check and nothing it
//! sends afterwards is read.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::Duration;

/// What a job has to say now.
#[derive(Debug, Clone, PartialEq)]
pub enum Poll<T> {
    /// A result, in the order the worker sent them.
    Ready(T),
    /// Still working; nothing new yet.
    Pending,
    /// The worker has finished (or could not run) and every result has been taken.
    Done,
}

/// Counters shared by a job and its worker.
#[derive(Debug, Default)]
struct Shared {
    cancel: AtomicBool,
    done: AtomicUsize,
    total: AtomicUsize,
}

/// A piece of background work and the results it sends. Dropping it cancels the work.
#[derive(Debug)]
pub struct Job<T> {
    rx: Receiver<T>,
    shared: Arc<Shared>,
}

/// The worker's side of a [`Job`]: where it sends results, reports progress and learns
/// that it is no longer wanted.
#[derive(Debug)]
pub struct Worker<T> {
    tx: Sender<T>,
    shared: Arc<Shared>,
}

impl<T> Worker<T> {
    /// Sends a result; false once the job is cancelled or gone, when the worker should stop.
    pub fn send(&self, result: T) -> bool {
        !self.cancelled() && self.tx.send(result).is_ok()
    }

    /// True once the job was dropped or replaced.
    pub fn cancelled(&self) -> bool {
        self.shared.cancel.load(Ordering::Relaxed)
    }

    /// Reports `done` of `total` steps, for a progress display.
    pub fn progress(&self, done: usize, total: usize) {
        self.shared.total.store(total, Ordering::Relaxed);
        self.shared.done.store(done, Ordering::Relaxed);
    }
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` in a thread called `name`. If the system refuses a thread the job is
    /// done at once with no result, and the caller's fallback applies (as after a panic).
    pub fn spawn(name: &str, work: impl FnOnce(&Worker<T>) + Send + 'static) -> Job<T> {
        let (tx, rx) = mpsc::channel();
        let shared = Arc::new(Shared::default());
        let worker = Worker {
            tx,
            shared: Arc::clone(&shared),
        };
        let _ = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || work(&worker));
        Job { rx, shared }
    }
}

impl<T> Job<T> {
    /// The next result, waiting at most `wait` for it (not at all for a zero wait).
    pub fn poll(&self, wait: Duration) -> Poll<T> {
        let got = if wait.is_zero() {
            self.rx.try_recv().map_err(|e| match e {
                TryRecvError::Empty => RecvTimeoutError::Timeout,
                TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
            })
        } else {
            self.rx.recv_timeout(wait)
        };
        match got {
            Ok(r) => Poll::Ready(r),
            Err(RecvTimeoutError::Timeout) => Poll::Pending,
            Err(RecvTimeoutError::Disconnected) => Poll::Done,
        }
    }

    /// The next result, waiting as long as it takes; `None` once the worker has finished
    /// (tests and scripts that need the result at once).
    pub fn wait(&self) -> Option<T> {
        self.rx.recv().ok()
    }

    /// `(done, total)` as last reported by the worker.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.total.load(Ordering::Relaxed),
        )
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        self.shared.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;
    use std::time::Instant;

    fn drain<T>(job: &Job<T>) -> Vec<T> {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut out = Vec::new();
        loop {
            match job.poll(Duration::from_millis(20)) {
                Poll::Ready(r) => out.push(r),
                Poll::Pending => assert!(Instant::now() < deadline, "job never finished"),
                Poll::Done => return out,
            }
        }
    }

    #[test]
    fn results_arrive_in_order_then_done_with_progress() {
        let job = Job::spawn("test", |w: &Worker<usize>| {
            for i in 0..5 {
                w.progress(i + 1, 5);
                assert!(w.send(i * 10));
            }
        });
        assert_eq!(drain(&job), vec![0, 10, 20, 30, 40]);
        assert_eq!(job.progress(), (5, 5));
        assert_eq!(job.poll(Duration::ZERO), Poll::Done);
    }

    #[test]
    fn a_zero_wait_poll_never_blocks_on_a_busy_worker() {
        let (go, gate) = channel::<()>();
        let job = Job::spawn("test", move |w: &Worker<u8>| {
            let _ = gate.recv();
            w.send(1);
        });
        let t = Instant::now();
        assert_eq!(job.poll(Duration::ZERO), Poll::Pending);
        assert!(t.elapsed() < Duration::from_secs(1));
        go.send(()).unwrap();
        assert_eq!(job.wait(), Some(1));
        assert_eq!(job.wait(), None);
    }

    #[test]
    fn replacing_a_job_cancels_the_old_one_and_the_newest_wins() {
        let (seen_tx, seen) = channel::<bool>();
        let (go, gate) = channel::<()>();
        let mut slot = Some(Job::spawn("old", move |w: &Worker<&str>| {
            let _ = gate.recv();
            let _ = seen_tx.send(w.cancelled());
            w.send("old");
        }));
        // The old job is dropped here, as `slot = Some(new)` would drop it.
        slot.replace(Job::spawn("new", |w: &Worker<&str>| {
            w.send("new");
        }));
        go.send(()).unwrap();
        assert!(
            seen.recv().unwrap(),
            "the old worker was told it is cancelled"
        );
        let job = slot.as_ref().unwrap();
        assert_eq!(drain(job), vec!["new"]);
    }

    #[test]
    fn a_worker_that_panics_leaves_a_job_that_is_done() {
        let job = Job::spawn("test", |_: &Worker<u8>| panic!("worker failed"));
        assert!(drain(&job).is_empty());
    }
}
