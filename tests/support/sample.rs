//! A temporary copy of the repository's `sample_corpus`, for tests that read the sample
//! articles as a new user would.

use std::path::Path;

/// Copies every file of `sample_corpus` into a new temporary folder.
pub fn copy_sample_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    for f in std::fs::read_dir(src).unwrap() {
        let f = f.unwrap();
        if f.file_type().unwrap().is_file() {
            std::fs::copy(f.path(), dir.path().join(f.file_name())).unwrap();
        }
    }
    dir
}
