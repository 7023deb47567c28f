//! glose: a terminal reader for annotating news text sentence by sentence.
//!
//! The model modules (corpus, documents, segmentation, sidecars, annotations) know nothing
//! of the terminal; the TUI sits on top of them; the binary only calls [`cli::main`].

pub mod analysis;
pub mod annotations;
pub mod annotator;
pub mod atomic;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod document;
pub mod highlight;
pub mod index;
pub mod label;
pub mod lang;
pub mod lexicon;
pub mod matrix;
pub mod sanitize;
pub mod segment;
pub mod sidecar;
pub mod suggest;

pub use label::Label;
