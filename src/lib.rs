//! glose: a terminal reader for annotating news text sentence by sentence.
//!
//! The folders are the layers, each using only those listed before it:
//! [`store`] (atomic writes, locks, bounded reads), [`model`] (corpus, documents, units,
//! sidecars, annotations), [`nlp`] (segmentation, highlights, suggestions), [`review`]
//! (agreement, adjudication), [`exchange`] (export, import), [`tui`] (actions, keymaps,
//! views) and [`cli`]; the binary only calls [`cli::main`]. See `docs/architecture.md`.

pub mod cli;
pub mod config;
pub mod config_input;
pub mod exchange;
pub mod model;
pub mod nlp;
pub mod review;
pub mod store;
pub mod tui;

pub use model::label::Label;
