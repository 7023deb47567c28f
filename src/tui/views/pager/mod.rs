//! Full-screen scrollable text over the current view: the keys, or the guidelines.

pub mod draw;
pub mod guidelines;
pub mod update;
