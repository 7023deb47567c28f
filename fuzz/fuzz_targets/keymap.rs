//! Any text given as a keymap file: see `properties::keymap`.
#![no_main]

#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|text: &str| properties::keymap(text));
