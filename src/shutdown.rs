//! Termination signals (SIGTERM, SIGHUP, SIGINT) turned into a flag the UI loop polls, so
//! glose can retry unsaved labels and restore the terminal before it exits, instead of
//! dying mid-screen.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

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

    /// The conventional exit code for a signal: 128 + its number.
    pub fn exit_code(signal: i32) -> u8 {
        u8::try_from(128 + signal).unwrap_or(1)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_hangup_is_reported_not_fatal() {
        let s = Shutdown::install();
        assert_eq!(s.requested(), None);
        signal_hook::low_level::raise(signal_hook::consts::SIGHUP).unwrap();
        assert_eq!(s.requested(), Some(signal_hook::consts::SIGHUP));
        assert_eq!(Shutdown::exit_code(1), 129);
    }
}
