//! JSON lines: one object per row, loadable with `datasets.load_dataset("json", …)` and
//! `pandas.read_json(…, lines=True)`.

use super::row::{Json, Row};
use serde::Serialize;
use std::io::{self, Write};

/// Bytes gathered before each write to the output.
const CHUNK: usize = 1 << 16;

/// Writes one JSON object per line.
pub fn write(rows: &[Row], context: bool, w: &mut dyn Write) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + 4096);
    for row in rows {
        Json { row, context }.write_to(&mut buf);
        buf.push(b'\n');
        if buf.len() >= CHUNK {
            w.write_all(&buf)?;
            buf.clear();
        }
    }
    w.write_all(&buf)
}

/// Appends the lines [`write()`] writes for `rows` to `out`.
pub fn append_rows(rows: &[Row], context: bool, out: &mut Vec<u8>) {
    for row in rows {
        Json { row, context }.write_to(out);
        out.push(b'\n');
    }
}

/// Serialises each item on its own line. Items are gathered in a local buffer and handed
/// to `w` in large chunks: many small writes through `dyn Write` cost more than the JSON.
pub fn lines<T: Serialize>(items: impl Iterator<Item = T>, w: &mut dyn Write) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + 4096);
    for item in items {
        line(&item, &mut buf)?;
        if buf.len() >= CHUNK {
            w.write_all(&buf)?;
            buf.clear();
        }
    }
    w.write_all(&buf)
}

/// Appends each item's line to `out`: the bytes [`lines`] writes.
pub fn append<T: Serialize>(items: impl Iterator<Item = T>, out: &mut Vec<u8>) -> io::Result<()> {
    items.into_iter().try_for_each(|item| line(&item, out))
}

fn line<T: Serialize>(item: &T, out: &mut Vec<u8>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, item)?;
    out.push(b'\n');
    Ok(())
}
