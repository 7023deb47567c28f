//! Any article text analysed: see `properties::analysis`.
#![no_main]

#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::analysis(data));
