//! glose: a terminal reader for annotating news text sentence by sentence.
//!
//! The model modules (corpus, documents, segmentation, sidecars, annotations) know nothing
//! of the terminal; the TUI sits on top of them; the binary only calls [`cli::main`].

pub mod action;
pub mod adjudicate;
pub mod agreement;
pub mod align;
pub mod analysis;
pub mod annotations;
pub mod annotator;
pub mod atomic;
pub mod bytescan;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod document;
pub mod export;
pub mod highlight;
pub mod import;
pub mod index;
pub mod keymap;
pub mod label;
pub mod lang;
pub mod lexicon;
pub mod lock;
pub mod matrix;
pub mod pace;
pub mod sanitize;
pub mod segment;
pub mod shutdown;
pub mod sidecar;
pub mod suggest;
pub mod tui;
pub mod whole_file;

pub use label::Label;
