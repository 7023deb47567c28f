//! Any bytes given as a sidecar: see `properties::sidecar`.
#![no_main]

#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::sidecar(data));
