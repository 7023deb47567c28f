//! Data in and out of glose: training-set exports, label imports and sharing through git.

pub mod export;
pub mod git;
pub mod import;
