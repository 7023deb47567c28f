//! Language work on article text: segmentation into units, language guess, lexicons,
//! highlights and label suggestions. Pure functions of text (and of labels, for the
//! learned model); no terminal, no files written.

pub mod analysis;
pub mod highlight;
pub mod lang;
pub mod lexicon;
pub mod segment;
pub mod suggest;
pub mod trainer;
