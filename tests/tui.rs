//! The UI without a terminal: key events through the keymap into `App`, and `TestBackend` renders with styles and `insta` snapshots.
//! One binary per test level; each module is a file under `tests/tui/`.

#[path = "tui/blind.rs"]
mod blind;
#[path = "tui/corrections.rs"]
mod corrections;
#[path = "tui/huge_unit.rs"]
mod huge_unit;
#[path = "tui/keymaps.rs"]
mod keymaps;
#[path = "tui/keys_doc.rs"]
mod keys_doc;
#[path = "tui/learn.rs"]
mod learn;
#[path = "tui/misfires.rs"]
mod misfires;
#[path = "tui/navigation.rs"]
mod navigation;
#[path = "tui/queue.rs"]
mod queue;
#[path = "tui/reading.rs"]
mod reading;
#[path = "tui/render.rs"]
mod render;
#[path = "tui/review.rs"]
mod review;
#[path = "tui/review_settle.rs"]
mod review_settle;
#[path = "tui/review_update.rs"]
mod review_update;
#[path = "tui/scan.rs"]
mod scan;
mod support;
#[path = "tui/update.rs"]
mod update;
