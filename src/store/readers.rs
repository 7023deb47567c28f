//! How many threads read a corpus of small files.
//!
//! Reading many small files from a cold disk is bound by the reads in flight, not by the
//! cores: one read per core leaves the disk idle while each thread waits. More threads
//! than cores keep a deep queue on the disk, and the kernel still runs only as many as
//! there are cores, so the parsing stays on the cores.

/// Threads for a phase that reads and summarises many small files: eight per core,
/// at least 16 and at most 64.
pub fn readers() -> usize {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    (cores * 8).clamp(16, 64)
}

#[cfg(test)]
mod tests {
    #[test]
    fn more_readers_than_cores_within_bounds() {
        let n = super::readers();
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        assert!(n > cores || n == 64, "{n} readers for {cores} cores");
        assert!((16..=64).contains(&n));
    }
}
