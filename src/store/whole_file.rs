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

/// Opens and reads `path` whole, refusing files larger than `limit` before reading them.
/// With the bytes, the `fstat` of the file read: what a cache keys it by, without looking
/// the path up again.
pub fn read_path_meta(
    path: &std::path::Path,
    limit: u64,
) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    let mut file = File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let bytes = read(&mut file, meta.len()).map_err(ReadError::Io)?;
    Ok((bytes, meta))
}

/// Why [`read_path_meta`] gave nothing.
#[derive(Debug)]
pub enum ReadError {
    /// The file's size, over the limit.
    TooLarge(u64),
    Io(io::Error),
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
        assert!(matches!(read_path(&p, 99), Err(ReadError::TooLarge(100))));
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

    #[test]
    fn a_file_that_shrank_gives_what_it_has() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, b"hello").unwrap();
        let mut f = File::open(&p).unwrap();
        assert_eq!(read(&mut f, 50).unwrap(), b"hello");
    }
}
