//! `docs/keys.md` is generated from the action table and the default keymap; this test
//! fails when they drift. Regenerate with `GLOSE_WRITE_DOCS=1 cargo test --test tui keys_doc`.

use glose::tui::keymap::{Keymap, markdown};

#[test]
fn keys_md_matches_the_default_keymap() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/keys.md");
    let expected = markdown(&Keymap::builtin_default());
    if std::env::var_os("GLOSE_WRITE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/keys.md is out of date; run GLOSE_WRITE_DOCS=1 cargo test --test tui keys_doc"
    );
    for section in [
        "## Everywhere (`global`)",
        "## Reader (`reader`)",
        "`label-factual`",
    ] {
        assert!(expected.contains(section), "{section}");
    }
}
