//! Crash-safe file writes: a reader sees the old file or the new one, never a torn one.
//! The one writer of user data (sidecars, gold, exports, caches, project files).
//!
//! Each write goes through a hidden temp file in the target's folder, created exclusively
//! (`O_CREAT | O_EXCL | O_NOFOLLOW`) under a name with 64 random bits from the OS, so a
//! link planted in a shared folder is never written through; then fsync, rename over the
//! target, fsync of the folder. On Unix every step is relative to one open handle of the
//! folder, and a caller can say which folder (device and inode) it expects: a folder
//! swapped for a link to elsewhere after an article was opened is refused, not written.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The identity of a folder: device and inode. Recorded when an article is opened, and
/// checked again on the folder handle each save writes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FolderId {
    dev: u64,
    ino: u64,
}

impl FolderId {
    /// The identity of the folder at `dir` now (links followed), `None` where the platform
    /// has no inodes or the folder cannot be read.
    pub fn of(dir: &Path) -> Option<FolderId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            fs::metadata(dir).ok().map(|m| FolderId {
                dev: m.dev(),
                ino: m.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            None
        }
    }
}

/// Temp files of glose's own pattern older than this are leftovers of a killed process
/// (a write takes milliseconds), removed the next time glose writes in their folder.
pub const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

/// Writes `bytes` to `path` (see the module documentation). On any error the temp file is
/// removed and the old file is left as it was.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, None, bytes, |f, b| f.write_all(b))
}

/// [`write()`], refusing unless `path`'s folder is still the folder `expect` names.
pub fn write_in_folder(path: &Path, expect: Option<FolderId>, bytes: &[u8]) -> io::Result<()> {
    write_with(path, expect, bytes, |f, b| f.write_all(b))
}

/// [`write_in_folder()`] with the byte-writing step supplied, so tests can inject a full
/// disk or an I/O error half-way through.
pub fn write_with(
    path: &Path,
    expect: Option<FolderId>,
    bytes: &[u8],
    fill: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut file = AtomicFile::create_in(path, expect)?;
    fill(file.out.get_mut(), bytes)?;
    file.commit()
}

/// A file being written; [`AtomicFile::commit`] puts it in place, dropping it discards it.
/// For output streamed in pieces (exports), so it never sits whole in memory.
pub struct AtomicFile {
    folder: Folder,
    tmp: String,
    name: std::ffi::OsString,
    out: BufWriter<File>,
    done: bool,
}

impl AtomicFile {
    /// Starts a temp file beside `target`.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        Self::create_in(target, None)
    }

    fn create_in(target: &Path, expect: Option<FolderId>) -> io::Result<AtomicFile> {
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
        let folder = Folder::open(target, expect)?;
        folder.refuse_non_file(name)?;
        folder.remove_stale_once();
        let (tmp, file) = folder.create_temp(name)?;
        Ok(AtomicFile {
            folder,
            tmp,
            name: name.to_os_string(),
            out: BufWriter::with_capacity(1 << 20, file),
            done: false,
        })
    }

    /// The writer for the content.
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.out
    }

    /// Flushes, syncs and renames over the target, then syncs the folder.
    pub fn commit(mut self) -> io::Result<()> {
        self.out.flush()?;
        self.out.get_ref().sync_all()?;
        self.folder.rename(&self.tmp, &self.name)?;
        self.done = true;
        self.folder.sync();
        Ok(())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.done {
            self.folder.remove(&self.tmp);
        }
    }
}

/// The folder a write happens in: on Unix an open handle, so no step follows a link that
/// appears at its path later.
struct Folder {
    path: PathBuf,
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
}

impl Folder {
    fn open(target: &Path, expect: Option<FolderId>) -> io::Result<Folder> {
        let path = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let fd = rustix::fs::open(
                &path,
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
            )?;
            if let Some(want) = expect {
                let st = rustix::fs::fstat(&fd)?;
                #[allow(clippy::unnecessary_cast)] // dev_t and ino_t differ by platform
                let now = FolderId {
                    dev: st.st_dev as u64,
                    ino: st.st_ino as u64,
                };
                if now != want {
                    return Err(folder_replaced());
                }
            }
            Ok(Folder { path, fd })
        }
        #[cfg(not(unix))]
        {
            let _ = expect;
            if !path.is_dir() {
                return Err(io::Error::new(io::ErrorKind::NotFound, "folder not found"));
            }
            Ok(Folder { path })
        }
    }

    /// Renaming over a folder fails late, and over a link would silently replace it (and
    /// whatever setup it was): both are refused before anything is written.
    fn refuse_non_file(&self, name: &OsStr) -> io::Result<()> {
        #[cfg(unix)]
        let kind = rustix::fs::statat(&self.fd, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW)
            .map(|st| rustix::fs::FileType::from_raw_mode(st.st_mode));
        #[cfg(unix)]
        match kind {
            Ok(rustix::fs::FileType::Directory) => Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory, not a file",
            )),
            Ok(rustix::fs::FileType::Symlink) => Err(link_refused()),
            _ => Ok(()),
        }
        #[cfg(not(unix))]
        match fs::symlink_metadata(self.path.join(name)) {
            Ok(m) if m.is_dir() => Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory, not a file",
            )),
            Ok(m) if m.file_type().is_symlink() => Err(link_refused()),
            _ => Ok(()),
        }
    }

    /// A new temp file for `name`, created exclusively under an unpredictable name.
    fn create_temp(&self, name: &OsStr) -> io::Result<(String, File)> {
        loop {
            let tmp = temp_name(name)?;
            match self.create_new(&tmp) {
                Ok(f) => return Ok((tmp, f)),
                // 64 random bits: a clash is someone planting names; draw again.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    fn create_new(&self, tmp: &str) -> io::Result<File> {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let fd = rustix::fs::openat(
                &self.fd,
                tmp,
                OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::from_raw_mode(0o666),
            )?;
            Ok(File::from(fd))
        }
        #[cfg(not(unix))]
        {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(self.path.join(tmp))
        }
    }

    fn rename(&self, tmp: &str, name: &OsStr) -> io::Result<()> {
        #[cfg(unix)]
        {
            rustix::fs::renameat(&self.fd, tmp, &self.fd, name)?;
            Ok(())
        }
        #[cfg(not(unix))]
        {
            fs::rename(self.path.join(tmp), self.path.join(name))
        }
    }

    fn remove(&self, tmp: &str) {
        #[cfg(unix)]
        let _ = rustix::fs::unlinkat(&self.fd, tmp, rustix::fs::AtFlags::empty());
        #[cfg(not(unix))]
        let _ = fs::remove_file(self.path.join(tmp));
    }

    /// Makes the rename itself durable. Best effort: some file systems refuse it.
    fn sync(&self) {
        #[cfg(unix)]
        let _ = rustix::fs::fsync(&self.fd);
        #[cfg(not(unix))]
        if let Ok(d) = File::open(&self.path) {
            let _ = d.sync_all();
        }
    }

    /// Removes glose's own temp files older than [`STALE_AFTER`], the first time this
    /// process writes in this folder (listing it at every keypress would cost more).
    fn remove_stale_once(&self) {
        use std::collections::HashSet;
        use std::sync::Mutex;
        static SWEPT: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
        let key = fs::canonicalize(&self.path).unwrap_or_else(|_| self.path.clone());
        {
            let mut swept = SWEPT.lock().unwrap_or_else(|e| e.into_inner());
            if !swept.get_or_insert_with(HashSet::new).insert(key) {
                return;
            }
        }
        self.remove_stale(SystemTime::now());
    }

    fn remove_stale(&self, now: SystemTime) {
        let Ok(rd) = fs::read_dir(&self.path) else {
            return;
        };
        for entry in rd.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str().filter(|n| is_own_temp_name(n)) else {
                continue;
            };
            let Ok(meta) = entry.metadata() else {
                continue;
            };
            let old = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age > STALE_AFTER);
            if meta.file_type().is_file() && old {
                self.remove(name);
            }
        }
    }
}

/// What a write says when the folder it expected was replaced.
pub fn folder_replaced() -> io::Error {
    io::Error::other(
        "its folder is no longer the one the article was opened from \
         (replaced, perhaps by a link to elsewhere); reopen the article",
    )
}

fn link_refused() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "is a symbolic link; glose only writes regular files",
    )
}

/// The longest file name most file systems take, in bytes.
pub const NAME_MAX: usize = 255;

/// `.NAME.tmp-` and 16 hex digits from the OS's random source, the name part shortened
/// (at a character boundary) so the whole stays within [`NAME_MAX`] bytes.
fn temp_name(name: &OsStr) -> io::Result<String> {
    let mut random = [0u8; 8];
    getrandom::fill(&mut random).map_err(|e| io::Error::other(format!("no random source: {e}")))?;
    let suffix: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let name = name.to_string_lossy();
    let room = NAME_MAX - ".".len() - ".tmp-".len() - suffix.len();
    let mut end = name.len().min(room);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    Ok(format!(".{}.tmp-{suffix}", &name[..end]))
}

/// True for the temp files [`write()`] leaves behind if the process is killed mid-write, so
/// listings can ignore them.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(".tmp-")
}

/// True for names only glose's writers make: today's `.NAME.tmp-` with 16 hex digits, and
/// earlier versions' `.NAME.tmp-PID-N` and `.NAME.tmp-PID-export`. Only these are swept.
pub fn is_own_temp_name(name: &str) -> bool {
    let Some(at) = name.rfind(".tmp-").filter(|_| name.starts_with('.')) else {
        return false;
    };
    let tail = &name[at + ".tmp-".len()..];
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let new = tail.len() == 16 && tail.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let old = tail
        .split_once('-')
        .is_some_and(|(pid, n)| digits(pid) && (digits(n) || n == "export"));
    new || old
}

#[cfg(test)]
mod tests;
