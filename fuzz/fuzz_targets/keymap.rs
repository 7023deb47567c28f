//! Any text given as a keymap file: parsing never panics, and a keymap that parses can be
//! laid over the default and queried for every action in every view.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(km) = glose::tui::keymap::Keymap::parse(text, "fuzz.ron") {
        let mut base = glose::tui::keymap::Keymap::builtin_default();
        base.apply(km);
        for v in glose::tui::action::View::ALL {
            for info in glose::tui::action::ACTIONS {
                for k in base.keys_for(v, info.action) {
                    let _ = k.to_string();
                }
            }
        }
    }
});
