//! File-system primitives every writer and reader shares: the one atomic writer, the
//! advisory lock, bounded whole-file reads and SIMD byte scans.

pub mod atomic;
pub mod bytescan;
pub mod lock;
pub mod readers;
pub mod whole_file;
