//! Comparing annotators: agreement figures, adjudication into gold, label matrices and
//! pace.

pub mod adjudicate;
pub mod agreement;
pub mod pace;
pub mod progress;
