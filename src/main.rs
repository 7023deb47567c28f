//! The `glose` binary: everything lives in the library; this only reports the exit code.

fn main() -> std::process::ExitCode {
    glose::cli::main()
}
