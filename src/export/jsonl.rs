//! JSON lines: one object per row, loadable with `datasets.load_dataset("json", …)` and
//! `pandas.read_json(…, lines=True)`.

use super::row::{Json, Row};
use std::io::{self, Write};

/// Writes one JSON object per line.
pub fn write(rows: &[Row], context: bool, w: &mut dyn Write) -> io::Result<()> {
    for row in rows {
        serde_json::to_writer(&mut *w, &Json { row, context })?;
        w.write_all(b"\n")?;
    }
    Ok(())
}
