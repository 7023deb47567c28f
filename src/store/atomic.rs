//! Crash-safe file writes: a reader sees the old file or the new one, never a torn one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` through a hidden temp file in the same folder: write, fsync,
/// rename over the target, fsync the folder. On any error the temp file is removed and the
/// old file is left as it was.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, |f, b| f.write_all(b))
}

/// [`write()`] with the byte-writing step supplied, so tests can inject a full disk or an
/// I/O error half-way through.
pub fn write_with(
    path: &Path,
    bytes: &[u8],
    fill: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    if let Ok(meta) = fs::symlink_metadata(path) {
        if meta.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory, not a file",
            ));
        }
        if meta.file_type().is_symlink() {
            // Renaming over a link would silently replace it (and whatever setup it was).
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "is a symbolic link; glose only writes regular files",
            ));
        }
    }
    let tmp = dir.join(format!(
        ".{}.tmp-{}-{}",
        name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = write_tmp(&tmp, bytes, fill).and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(&dir);
    Ok(())
}

fn write_tmp(
    tmp: &Path,
    bytes: &[u8],
    fill: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(tmp)?;
    fill(&mut f, bytes)?;
    f.sync_all()
}

/// Makes the rename itself durable. Best effort: some file systems refuse to open a folder.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// True for the temp files [`write()`] leaves behind if the process is killed mid-write, so
/// listings can ignore them.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(".tmp-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        write(&p, b"one").unwrap();
        write(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn refuses_a_directory_target_and_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.ron");
        fs::create_dir(&p).unwrap();
        assert!(write(&p, b"data").is_err());
        assert!(p.is_dir());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_full_disk_mid_write_keeps_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        write(&p, b"old content").unwrap();
        let err = write_with(&p, b"new content that does not fit", |f, b| {
            f.write_all(&b[..5])?;
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "No space left on device",
            ))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&p).unwrap(), b"old content");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn refuses_to_replace_links_dangling_or_not() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere.ron");
        let link = dir.path().join("a.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = write(&link, b"x").unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(!target.exists());
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn failure_in_missing_folder_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("missing").join("x.ron");
        assert!(write(&p, b"data").is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
