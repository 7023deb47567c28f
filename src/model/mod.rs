//! The data glose keeps: articles, their units, labels and the sidecars that store them.
//!
//! Nothing here knows of the terminal; everything above (nlp, review, exchange, tui, cli)
//! builds on it.

pub mod align;
pub mod annotations;
pub mod annotator;
pub mod assign;
pub mod corpus;
pub mod cuts;
pub mod document;
pub mod fold;
pub mod index;
pub mod label;
pub mod matrix;
pub mod merge;
pub mod project;
pub mod sanitize;
pub mod sidecar;
pub mod status;
pub mod timestamp;
pub mod title;
