//! Whole files read in the fewest system calls. `glose agree`, `export` and `status` read
//! every article and sidecar of a corpus, and on a virtual machine a system call costs
//! about as much as parsing a kilobyte of text: std's `read_to_end` asks for the position
//! and makes a last, empty read to find the end; here the size from `fstat` says it.

use std::fs::File;
use std::io::{self, Read};

/// The rest of `file`, whose size (from its `fstat`, which the caller has anyway to check
/// it) is `size`: one `read` when that size holds. A file that shrank since gives what it
/// still has; one that grew in place, while being read, gives its first `size` bytes, as
/// a read a moment earlier would have. glose replaces files by renaming, so a file it
/// has opened never changes.
pub fn read(file: &mut File, size: u64) -> io::Result<Vec<u8>> {
    // Zeroed first: a memset of a few kilobytes costs far less than a system call, and
    // std's own growing reads would ask the kernel in pieces of 8 KiB.
    let mut bytes = vec![0; usize::try_from(size).unwrap_or(0)];
    let filled = read_into(file, size, &mut bytes)?.len();
    bytes.truncate(filled);
    Ok(bytes)
}

/// [`read`] into `scratch`, a buffer kept from one file to the next: its bytes are
/// zeroed once, when it grows, and its pages are not handed back to the kernel and
/// faulted in again for every file (agree reads 100,000 sidecars). Gives the bytes read;
/// what `scratch` holds past them is left over from earlier files.
pub fn read_into<'b>(file: &mut File, size: u64, scratch: &'b mut Vec<u8>) -> io::Result<&'b [u8]> {
    let size = usize::try_from(size).unwrap_or(0);
    if scratch.len() < size {
        scratch.resize(size, 0);
    }
    let bytes = &mut scratch[..size];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(&scratch[..filled])
}

/// How [`open`] treats a symbolic link as the path's last component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Followed to its target, which must itself be a regular file (settings files).
    Follow,
    /// Refused in the same `open` call (`O_NOFOLLOW`): sidecars, which glose replaces.
    Refuse,
}

/// Opens `path` for reading without ever blocking or reading unbounded: `O_NONBLOCK`, so
/// a FIFO does not wait for a writer, then `fstat`: only a regular file of at most
/// `limit` bytes is given back (a link to `/dev/zero` is a character device, refused).
/// The one way glose opens the files it reads: articles, sidecars, settings, lexicons,
/// imports, caches.
pub fn open(
    path: &std::path::Path,
    limit: u64,
    links: Links,
) -> Result<(File, std::fs::Metadata), ReadError> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if links == Links::Refuse {
            libc::O_NOFOLLOW
        } else {
            0
        };
        opts.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    #[cfg(not(unix))]
    if links == Links::Refuse
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(ReadError::Link);
    }
    let file = match opts.open(path) {
        Ok(f) => f,
        // ELOOP is what O_NOFOLLOW gives for a link.
        Err(_)
            if links == Links::Refuse
                && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) =>
        {
            return Err(ReadError::Link);
        }
        Err(e) => return Err(ReadError::Io(e)),
    };
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    Ok((file, meta))
}

fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "device";
        }
        if t.is_socket() {
            return "socket";
        }
    }
    if t.is_dir() {
        "directory"
    } else {
        "special file"
    }
}

/// Opens (see [`open`], links followed) and reads `path` whole. With the bytes, the
/// `fstat` of the file read: what a cache keys it by, without looking the path up again.
pub fn read_path_meta(
    path: &std::path::Path,
    limit: u64,
) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    let (mut file, meta) = open(path, limit, Links::Follow)?;
    let bytes = read(&mut file, meta.len()).map_err(ReadError::Io)?;
    Ok((bytes, meta))
}

/// [`read_path_meta`] as UTF-8 text.
pub fn read_string(path: &std::path::Path, limit: u64) -> Result<String, ReadError> {
    let (bytes, _) = read_path_meta(path, limit)?;
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

/// Why [`open`] or a read through it gave nothing. Its text completes "FILE: …".
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("is {}, over the limit of {} for this kind of file", human(*.size), human(*.limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("is a {0}, not a regular file; glose reads only regular files")]
    NotRegular(&'static str),
    #[error(
        "is a symbolic link; glose keeps this file as a regular file (replace the link with the file)"
    )]
    Link,
    #[error("is not UTF-8 text")]
    NotUtf8,
    #[error("{0}")]
    Io(io::Error),
}

impl ReadError {
    /// True when the file does not exist (callers often fall back to defaults then).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }

    /// "FILE: what is wrong", the file name made safe for a terminal.
    pub fn describe(&self, path: &std::path::Path) -> String {
        format!(
            "{}: {self}",
            crate::model::sanitize::clean(&path.display().to_string())
        )
    }
}

/// A size for messages: bytes below 1 KiB, else KiB or MiB with one decimal.
pub fn human(n: u64) -> String {
    match n {
        0..1024 => format!("{n} bytes"),
        1024..1_048_576 => format!("{:.1} KiB", n as f64 / 1024.0),
        _ => format!("{:.1} MiB", n as f64 / 1_048_576.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_path(path: &std::path::Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        read_path_meta(path, limit).map(|(bytes, _)| bytes)
    }

    #[test]
    fn reads_whole_files_of_every_size() {
        let dir = tempfile::tempdir().unwrap();
        for n in [0usize, 1, 31, 32, 33, 4096, 100_000] {
            let p = dir.path().join(format!("f{n}"));
            let data: Vec<u8> = (0..n).map(|i| (i % 251) as u8).collect();
            std::fs::write(&p, &data).unwrap();
            assert_eq!(read_path(&p, u64::MAX).unwrap(), data, "{n} bytes");
        }
    }

    #[test]
    fn refuses_a_file_over_the_limit_before_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big");
        std::fs::write(&p, [b'x'; 100]).unwrap();
        assert!(matches!(
            read_path(&p, 99),
            Err(ReadError::TooLarge { size: 100, .. })
        ));
        assert_eq!(read_path(&p, 100).unwrap().len(), 100);
        assert!(matches!(
            read_path(&dir.path().join("none"), 100),
            Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound
        ));
    }

    #[test]
    fn a_scratch_buffer_gives_each_file_its_own_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let mut scratch = Vec::new();
        for (name, data) in [
            ("long", &b"0123456789"[..]),
            ("short", b"abc"),
            ("none", b""),
        ] {
            let p = dir.path().join(name);
            std::fs::write(&p, data).unwrap();
            let mut f = File::open(&p).unwrap();
            assert_eq!(
                read_into(&mut f, data.len() as u64, &mut scratch).unwrap(),
                data
            );
        }
        let p = dir.path().join("shrank");
        std::fs::write(&p, b"xy").unwrap();
        let mut f = File::open(&p).unwrap();
        assert_eq!(read_into(&mut f, 8, &mut scratch).unwrap(), b"xy");
    }

    /// Items 5 and 5b: a FIFO or a device is refused at once, never waited on or read.
    #[cfg(unix)]
    #[test]
    fn item5_a_fifo_or_a_link_to_dev_zero_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for (p, kind) in [(&fifo, "named pipe"), (&zero, "device")] {
            let err = read_path(p, u64::MAX).unwrap_err();
            assert!(err.to_string().contains(kind), "{err}");
        }
        assert!(matches!(
            open(&zero, 10, Links::Refuse),
            Err(ReadError::Link)
        ));
        let msg = ReadError::Link.describe(&dir.path().join("a\u{1b}]0;x\u{7}"));
        assert!(!msg.contains('\u{1b}'), "{msg}");
    }

    #[test]
    fn a_file_that_shrank_gives_what_it_has() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, b"hello").unwrap();
        let mut f = File::open(&p).unwrap();
        assert_eq!(read(&mut f, 50).unwrap(), b"hello");
    }
}
