//! Set-up shared by the test binaries: commands with a hermetic config folder, an app over
//! a copy of the fixture corpus, and the real binary in a pseudo-terminal. Each binary uses
//! part of it.
#![allow(dead_code)]

pub mod cli;
pub mod huge;
pub mod pty;
pub mod sample;
pub mod tui;
