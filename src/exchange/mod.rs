//! Data in and out of glose: training-set exports and label imports.

pub mod export;
pub mod import;
