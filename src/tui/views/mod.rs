//! The screens. Each view is a folder: `mod.rs` holds its state, `update.rs` its actions,
//! `draw.rs` its one layout function (`areas`) and its drawing. Update and drawing both
//! take their geometry from `areas`, so a click or a page key lands where the eye sees it.

pub mod library;
pub mod pager;
pub mod reader;
pub mod review;
pub mod stats;
