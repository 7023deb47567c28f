//! The reader: one article, sentence by sentence, labeled with one key.

pub mod article;
pub mod draw;
pub mod edit;
pub mod layout;
pub mod least_confident;
pub mod scan;
pub mod update;
