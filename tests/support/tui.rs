//! Helpers shared by the UI tests: a temporary copy of the fixture corpus, an app over it,
//! typing keys through the active keymap, and reading sidecars back from disk.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use glose::model::annotator::Annotator;
use glose::model::corpus::Corpus;
use glose::model::sidecar::{self, Sidecar};
use glose::tui::action::Action;
use glose::tui::keymap::Keymap;
use glose::tui::{App, Theme};
use std::path::{Path, PathBuf};

/// A temporary copy of `tests/fixtures/tui/corpus`.
pub fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/corpus");
    for f in std::fs::read_dir(src).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), dir.path().join(f.file_name())).unwrap();
    }
    dir
}

/// An app as `who` over `dir`, on an 80×24 screen, with the default keymap.
pub fn app(dir: &Path, who: &str) -> App {
    let corpus = Corpus::scan(dir).unwrap();
    let mut app = App::new(
        corpus,
        Annotator::new(who).unwrap(),
        Keymap::builtin_default(),
        Theme::new(true, false),
    );
    app.update(Action::Resize(80, 24));
    app
}

/// A key event for one notation character, or a named key in `<…>`.
pub fn event(k: &str) -> KeyEvent {
    let (code, mods) = match k {
        "<enter>" => (KeyCode::Enter, KeyModifiers::NONE),
        "<esc>" => (KeyCode::Esc, KeyModifiers::NONE),
        "<tab>" => (KeyCode::Tab, KeyModifiers::NONE),
        "<down>" => (KeyCode::Down, KeyModifiers::NONE),
        "<bs>" => (KeyCode::Backspace, KeyModifiers::NONE),
        "<del>" => (KeyCode::Delete, KeyModifiers::NONE),
        "<c-r>" => (KeyCode::Char('r'), KeyModifiers::CONTROL),
        "<c-c>" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
        s => {
            let c = s.chars().next().unwrap();
            let m = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), m)
        }
    };
    KeyEvent::new(code, mods)
}

/// Types keys: single characters, or `<name>` for named keys.
pub fn keys(app: &mut App, keys: &str) {
    let mut rest = keys;
    while !rest.is_empty() {
        let k = if rest.starts_with('<') {
            let end = rest.find('>').unwrap() + 1;
            &rest[..end]
        } else {
            let c = rest.chars().next().unwrap();
            &rest[..c.len_utf8()]
        };
        rest = &rest[k.len()..];
        if let Some(a) = app.resolve_key(event(k)) {
            app.update(a);
        }
    }
}

/// The sidecar of `article` by `who`, as on disk.
pub fn sidecar(dir: &Path, article: &str, who: &str) -> Option<Sidecar> {
    sidecar::read(&sidecar_path(dir, article, who)).unwrap()
}

/// Where that sidecar lives.
pub fn sidecar_path(dir: &Path, article: &str, who: &str) -> PathBuf {
    dir.join(format!("{article}.{who}.ron"))
}

/// `(sentence text, label name)` of every label on disk.
pub fn labels_on_disk(dir: &Path, article: &str, who: &str) -> Vec<(String, String)> {
    sidecar(dir, article, who)
        .map(|s| {
            s.labels
                .into_iter()
                .map(|r| (r.text, r.label.name().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// The five sample articles with two annotators' real labels (`alice` from `seeds.jsonl`,
/// `bob` from `seeds.annotator2.jsonl`), imported through the library.
pub fn two_annotators() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agree");
    for f in std::fs::read_dir(fixtures.join("seeds")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), dir.path().join(f.file_name())).unwrap();
    }
    for (file, who) in [("seeds.jsonl", "alice"), ("seeds.annotator2.jsonl", "bob")] {
        let text = std::fs::read_to_string(fixtures.join(file)).unwrap();
        let (lines, bad) = glose::exchange::import::parse(&text);
        assert!(bad.is_empty(), "{bad:?}");
        let corpus = Corpus::scan(dir.path()).unwrap();
        let who = Annotator::new(who).unwrap();
        let r = glose::exchange::import::import(&corpus, &who, lines, Default::default());
        assert!(r.rejected.is_empty() && r.added > 0, "{r:?}");
    }
    dir
}

/// A review of `article` as on disk now (gold included), by a throwaway adjudicator.
pub fn review_on_disk(dir: &Path, article: &str) -> glose::review::adjudicate::Review {
    let corpus = Corpus::scan(dir).unwrap();
    let entry = corpus.entries.iter().find(|e| e.id == article).unwrap();
    glose::review::adjudicate::Review::open(entry, Annotator::new("reader").unwrap()).unwrap()
}
