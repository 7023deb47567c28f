//! A deliberate crash for tests only: with `GLOSE_TEST_PANIC_AFTER=N` set, a debug build
//! panics after handling N actions, so an end-to-end test can prove that a panic restores
//! the terminal and keeps every saved label. Release builds compile this to nothing and
//! ignore the variable; it is not a user feature and is not documented as one.

/// Called after each handled action.
#[cfg(debug_assertions)]
pub fn after_action() {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static LIMIT: OnceLock<Option<usize>> = OnceLock::new();
    static DONE: AtomicUsize = AtomicUsize::new(0);
    let limit = LIMIT.get_or_init(|| {
        std::env::var("GLOSE_TEST_PANIC_AFTER")
            .ok()
            .and_then(|v| v.parse().ok())
    });
    if let Some(n) = *limit
        && DONE.fetch_add(1, Ordering::Relaxed) + 1 >= n
    {
        panic!("GLOSE_TEST_PANIC_AFTER={n}: deliberate test panic");
    }
}

/// Called after each handled action; does nothing in release builds.
#[cfg(not(debug_assertions))]
pub fn after_action() {}
