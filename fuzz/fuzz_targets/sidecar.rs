//! Any bytes given as a sidecar: parsing never panics, and what parses writes back to text
//! that parses to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(sc) = glose::model::sidecar::parse(text, Path::new("fuzz.ron")) {
        let again = glose::model::sidecar::to_ron(&sc);
        let back = glose::model::sidecar::parse(&again, Path::new("fuzz.ron")).expect("re-parse");
        assert_eq!(glose::model::sidecar::to_ron(&back), again);
    }
});
