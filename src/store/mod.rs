//! File-system primitives every writer and reader shares: the one atomic writer, the
//! advisory lock, bounded whole-file reads, SIMD byte scans and the pool of batch loops.

pub mod atomic;
pub mod bytescan;
pub mod lock;
pub mod pool;
pub mod whole_file;
