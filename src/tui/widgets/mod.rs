//! Pieces of drawing shared by several views.

pub mod bars;
pub mod line_edit;
pub mod list_layout;
pub mod scroll;
pub mod text;
pub mod wrap;
