//! `config.ron` in the platform config folder: annotator, keymap, theme and a few options.
//! `GLOSE_CONFIG_DIR` overrides the folder (tests stay hermetic with it).

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Columns of reader text when `config.ron` does not say: about what reads comfortably.
pub const DEFAULT_READING_WIDTH: u16 = 100;

/// User settings. Every field is optional; a missing file means all defaults.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Annotator name when neither `--annotator` nor `GLOSE_ANNOTATOR` is given.
    pub annotator: Option<String>,
    /// Keymap name (`default`, `numeric`, …) or path to a keymap file.
    pub keymap: Option<String>,
    /// `default`, `light` or `mono`.
    pub theme: Option<String>,
    /// Move to the next sentence after labeling one.
    pub advance_after_label: bool,
    /// Force the text language (`fr` or `en`) instead of detecting it per article.
    pub language: Option<String>,
    /// Most columns the reader's text takes (0: the whole window).
    pub reading_width: u16,
    /// Centre the reader's text in a wider window instead of keeping it at the left.
    pub centre_text: bool,
    /// Show the line naming the highlights above the reader's text (`l` toggles it).
    pub legend: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            annotator: None,
            keymap: None,
            theme: None,
            advance_after_label: true,
            language: None,
            reading_width: DEFAULT_READING_WIDTH,
            centre_text: false,
            legend: true,
        }
    }
}

/// The largest `config.ron` glose reads (and `keymap.ron`): settings, not data.
pub const MAX_BYTES: u64 = 1 << 20;

/// A config file that exists but cannot be used.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}:{line}:{col}: {}",
    crate::model::sanitize::path(path),
    crate::model::sanitize::clean(msg)
)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub msg: String,
}

/// The folder for `config.ron`, `keymap.ron` and user lexicons.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("GLOSE_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "glose").map(|p| p.config_dir().to_path_buf())
}

/// The folder for caches that can be rebuilt (the corpus index).
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("GLOSE_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "glose").map(|p| p.cache_dir().to_path_buf())
}

impl Config {
    /// Loads `config.ron` from the config folder; defaults when it does not exist.
    pub fn load() -> Result<Config, ConfigError> {
        match config_dir() {
            Some(d) => Config::load_from(&d.join("config.ron")),
            None => Ok(Config::default()),
        }
    }

    /// Loads one config file; defaults when it does not exist. Refused unread when it is
    /// not a regular file or is over [`MAX_BYTES`].
    pub fn load_from(path: &Path) -> Result<Config, ConfigError> {
        let text = match crate::store::whole_file::read_string(path, MAX_BYTES) {
            Ok(t) => t,
            Err(e) if e.is_not_found() => return Ok(Config::default()),
            Err(e) => {
                return Err(ConfigError {
                    path: path.to_path_buf(),
                    line: 0,
                    col: 0,
                    msg: e.to_string(),
                });
            }
        };
        Config::parse(&text, path)
    }

    /// Parses config text; `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        ron::from_str(text).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: e.span.start.line,
            col: e.span.start.col,
            msg: e.code.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_is_default_and_fields_parse() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.ron");
        assert_eq!(Config::load_from(&p).unwrap(), Config::default());
        std::fs::write(&p, "(annotator: Some(\"bob\"), advance_after_label: false)").unwrap();
        let c = Config::load_from(&p).unwrap();
        assert_eq!(c.annotator.as_deref(), Some("bob"));
        assert!(!c.advance_after_label);
    }

    #[test]
    fn invalid_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.ron");
        std::fs::write(&p, "(\n  annotater: Some(\"bob\"),\n)").unwrap();
        let e = Config::load_from(&p).unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(e.to_string().contains("config.ron:2:"), "{e}");
    }
}
