//! The `glose` binary: everything lives in the library; this only reports the exit code.

/// Reading a corpus makes millions of small strings (sentence texts, times); mimalloc
/// frees and reuses them at a fraction of the system allocator's cost.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    glose::cli::main()
}
