//! The binary as a command, with its config and cache folders inside a temporary folder
//! so that no test reads or writes the real ones.

use assert_cmd::Command;
use std::path::Path;

/// `glose` with `GLOSE_CONFIG_DIR` = `home`, `GLOSE_CACHE_DIR` = `home/cache`, and no
/// annotator or timing taken from the environment.
pub fn glose(home: impl AsRef<Path>) -> Command {
    let home = home.as_ref();
    let mut c = Command::cargo_bin("glose").unwrap();
    c.env("GLOSE_CONFIG_DIR", home)
        .env("GLOSE_CACHE_DIR", home.join("cache"))
        .env_remove("GLOSE_ANNOTATOR")
        .env_remove("GLOSE_TIMING");
    c
}
