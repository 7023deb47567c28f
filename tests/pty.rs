//! The real binary in a pseudo-terminal: crashes and signals, disk faults, two sessions, review, hostile files and paths.
//! One binary per test level; each module is a file under `tests/pty/`.

#[path = "pty/corrections.rs"]
mod corrections;
#[path = "pty/crash.rs"]
mod crash;
#[path = "pty/disk.rs"]
mod disk;
#[path = "pty/hostile.rs"]
mod hostile;
#[path = "pty/huge_unit.rs"]
mod huge_unit;
#[path = "pty/keys.rs"]
mod keys;
#[path = "pty/path_safety.rs"]
mod path_safety;
#[path = "pty/reading.rs"]
mod reading;
#[path = "pty/review.rs"]
mod review;
#[path = "pty/settle.rs"]
mod settle;
mod support;
#[path = "pty/tui.rs"]
mod tui;
#[path = "pty/two.rs"]
mod two;
