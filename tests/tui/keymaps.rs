//! Every keymap file shipped in `keymaps/` parses and is built into the binary.

use glose::tui::action::{Action, View};
use glose::tui::keymap::{BUILTIN, Keymap};

#[test]
fn every_shipped_keymap_parses_and_is_built_in() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("keymaps");
    let mut seen = 0;
    for f in std::fs::read_dir(dir).unwrap() {
        let path = f.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let map =
            Keymap::parse(&text, &path.display().to_string()).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            BUILTIN.iter().any(|(n, t)| *n == name && *t == text),
            "{name} is not built in"
        );
        for a in [
            Action::LabelFactual,
            Action::LabelQuote,
            Action::LabelOpinion,
            Action::LabelSkip,
            Action::Undo,
            Action::Quit,
        ] {
            assert!(
                !map.keys_for(View::Reader, a).is_empty(),
                "{name}: {a} unbound in the reader"
            );
        }
        seen += 1;
    }
    assert_eq!(seen, BUILTIN.len());
}
