//! Any bytes, shaped into a `config.ron` by the generator `cargo test` also runs
//! (`glose::config_input`): parsing never panics and errors are single, terminal-safe lines
//! that point inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    glose::config_input::check(data);
});
