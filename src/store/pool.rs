//! Batch parallel loops over many small files run on a rayon pool sized by the caller:
//! the thread counts were measured per loop (reading sidecars waits on the disk, so
//! `glose agree` wants more threads than cores), so the global pool's one-per-core does
//! not fit them all.

/// Runs `f` on a pool of `threads` threads; rayon's parallel iterators inside it use
/// them. Without a pool (threads could not be started) `f` runs on its callers' pool.
pub fn with_threads<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
    {
        Ok(pool) => pool.install(f),
        Err(_) => f(),
    }
}

/// One thread per core, as most loops measured best.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;

    #[test]
    fn runs_on_the_asked_number_of_threads_in_order() {
        let (n, v) = with_threads(3, || {
            let v: Vec<usize> = (0..1000).into_par_iter().map(|i| i * 2).collect();
            (rayon::current_num_threads(), v)
        });
        assert_eq!(n, 3);
        assert_eq!(v, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
    }
}
