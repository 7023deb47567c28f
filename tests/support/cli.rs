//! The binary as a command, with its config and cache folders inside a temporary folder
//! so that no test reads or writes the real ones.

use assert_cmd::Command;
use std::path::Path;

/// `glose` with `GLOSE_CONFIG_DIR` = `home`, `GLOSE_CACHE_DIR` = `home/cache`, and no
/// annotator or timing taken from the environment.
pub fn glose(home: impl AsRef<Path>) -> Command {
    let home = home.as_ref();
    let mut c = Command::cargo_bin("glose").unwrap();
    c.env("GLOSE_CONFIG_DIR", home)
        .env("GLOSE_CACHE_DIR", home.join("cache"))
        .env_remove("GLOSE_ANNOTATOR")
        .env_remove("GLOSE_TIMING");
    c
}

/// Runs `c`, which must succeed, and gives its stdout.
pub fn stdout_of(c: &mut Command) -> String {
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// Runs `c`, which must succeed, and parses its stdout as JSON.
pub fn json_of<T: serde::de::DeserializeOwned>(c: &mut Command) -> T {
    serde_json::from_str(&stdout_of(c)).unwrap()
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
