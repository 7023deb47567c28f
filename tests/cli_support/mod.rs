//! Helpers shared by the tests that run the binary's commands: the command with its
//! config and cache in a temporary home, its stdout, and a copy of the sample corpus.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::Path;

/// The `glose` binary with config and cache under `home` and no annotator from the
/// environment.
pub fn glose(home: &Path) -> Command {
    let mut c = Command::cargo_bin("glose").unwrap();
    c.env("GLOSE_CONFIG_DIR", home)
        .env("GLOSE_CACHE_DIR", home.join("cache"))
        .env_remove("GLOSE_ANNOTATOR");
    c
}

/// Runs `c`, which must succeed, and gives its stdout.
pub fn stdout_of(c: &mut Command) -> String {
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// The sample corpus articles in a temp folder (no sidecars).
pub fn sample_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            std::fs::copy(e.path(), dir.path().join(name)).unwrap();
        }
    }
    dir
}

/// The gold seed labels (a copy of the project's reference file).
pub fn seeds() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/seeds.jsonl")
}
