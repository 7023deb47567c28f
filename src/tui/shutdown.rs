//! Termination signals (SIGTERM, SIGHUP, SIGINT) turned into a flag the UI loop polls, so
//! glose can retry unsaved labels and restore the terminal before it exits, instead of
//! dying mid-screen.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Which termination signal arrived, if any.
#[derive(Debug, Clone)]
pub struct Shutdown {
    signal: Arc<AtomicUsize>,
}

impl Shutdown {
    /// Registers the handlers. On platforms or sandboxes where that fails, glose still runs;
    /// signals then keep their default action.
    pub fn install() -> Shutdown {
        let signal = Arc::new(AtomicUsize::new(0));
        #[cfg(unix)]
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            let _ = signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize);
        }
        Shutdown { signal }
    }

    /// The signal number received, if one was.
    pub fn requested(&self) -> Option<i32> {
        match self.signal.load(Ordering::Relaxed) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }

    /// The signal received, waiting up to `limit` for one to arrive.
    pub fn wait_for_signal(&self, limit: Duration) -> Option<i32> {
        let start = Instant::now();
        loop {
            if let Some(sig) = self.requested() {
                return Some(sig);
            }
            if start.elapsed() >= limit {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Ends the process `grace` after a termination signal if the guard is still alive by
    /// then. When the terminal itself goes away (a closed window, a killed tmux session)
    /// the input library can spin forever reading nothing and never come back to look at
    /// the flag; labels are saved as they are made, so exiting is then the right thing.
    /// Dropping the guard (the UI loop ended normally) disarms it.
    pub fn watchdog(&self, grace: Duration) -> Watchdog {
        let done = Arc::new(AtomicBool::new(false));
        let (signal, finished) = (Arc::clone(&self.signal), Arc::clone(&done));
        let spawned = std::thread::Builder::new()
            .name("glose-watchdog".into())
            .spawn(move || {
                let mut since: Option<Instant> = None;
                while !finished.load(Ordering::Relaxed) {
                    let sig = signal.load(Ordering::Relaxed);
                    if sig != 0 {
                        let at = *since.get_or_insert_with(Instant::now);
                        if at.elapsed() >= grace {
                            let code =
                                i32::try_from(sig).map_or(1, |s| i32::from(Shutdown::exit_code(s)));
                            std::process::exit(code);
                        }
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            });
        // Without the thread glose still works; it only loses this safety net.
        drop(spawned);
        Watchdog { done }
    }

    /// The conventional exit code for a signal: 128 + its number.
    pub fn exit_code(signal: i32) -> u8 {
        u8::try_from(128 + signal).unwrap_or(1)
    }
}

/// Disarms [`Shutdown::watchdog`] when dropped.
#[derive(Debug)]
pub struct Watchdog {
    done: Arc<AtomicBool>,
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_hangup_is_reported_not_fatal() {
        let s = Shutdown::install();
        assert_eq!(s.requested(), None);
        assert_eq!(s.wait_for_signal(Duration::from_millis(20)), None);
        // A hangup that arrives while glose waits for one is seen.
        let raiser = std::thread::spawn(|| {
            std::thread::sleep(Duration::from_millis(30));
            signal_hook::low_level::raise(signal_hook::consts::SIGHUP)
        });
        assert_eq!(
            s.wait_for_signal(Duration::from_secs(10)),
            Some(signal_hook::consts::SIGHUP)
        );
        raiser.join().unwrap().unwrap();
        assert_eq!(s.requested(), Some(signal_hook::consts::SIGHUP));
        assert_eq!(Shutdown::exit_code(1), 129);
    }
}
