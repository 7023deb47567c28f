//! Pieces of drawing shared by several views.

pub mod bars;
pub mod text;
pub mod wrap;
