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
    /// One of [`THEMES`].
    pub theme: Option<String>,
    /// Move to the next sentence after labeling one.
    pub advance_after_label: bool,
    /// Ask "Quit glose? (y/n)" when quitting from the reader or review, where a slip of
    /// Shift beside a label key would otherwise quit at once.
    pub confirm_quit: bool,
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
            confirm_quit: true,
            language: None,
            reading_width: DEFAULT_READING_WIDTH,
            centre_text: false,
            legend: true,
        }
    }
}

/// The theme names `theme` accepts: dark-background colours, light-background colours,
/// and no colour at all (as with `NO_COLOR`).
pub const THEMES: [&str; 3] = ["default", "light", "mono"];

/// The values `language` accepts.
pub const LANGUAGES: [&str; 3] = ["auto", "fr", "en"];

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

    /// Parses config text and checks its values; `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let at = |(line, col), msg| ConfigError {
            path: path.to_path_buf(),
            line,
            col,
            msg,
        };
        let cfg: Config = ron::from_str(text).map_err(|e| {
            let (line, col) = (e.span.start.line, e.span.start.col);
            let mut msg = e.code.to_string();
            if e.code == ron::Error::ExpectedOption {
                let field = field_before(text, line, col).unwrap_or("annotator");
                msg.push_str(&format!(
                    "; optional settings are written inside Some(…), for example \
                     `{field}: Some(\"value\")`"
                ));
            }
            at((line, col), msg)
        })?;
        cfg.check()
            .map_err(|(field, msg)| at(value_position(text, field).unwrap_or((1, 1)), msg))?;
        Ok(cfg)
    }

    /// Values that parse but mean nothing: the field and what is wrong.
    fn check(&self) -> Result<(), (&'static str, String)> {
        if let Some(t) = self.theme.as_deref()
            && !THEMES.contains(&t)
        {
            return Err((
                "theme",
                format!("unknown theme `{t}` (themes: {})", THEMES.join(", ")),
            ));
        }
        if let Some(l) = self.language.as_deref()
            && !l.is_empty()
            && !LANGUAGES.contains(&l)
        {
            return Err((
                "language",
                format!("unknown language `{l}` (expected fr, en or auto)"),
            ));
        }
        if let Some(k) = self.keymap.as_deref()
            && let Err(msg) = crate::tui::keymap::check_choice(k)
        {
            return Err(("keymap", msg));
        }
        Ok(())
    }
}

/// The field name written before line `line`, column `col` (both from 1), if any.
fn field_before(text: &str, line: usize, col: usize) -> Option<&str> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let head = l.get(..col.saturating_sub(1))?;
    let name = head.trim_end().strip_suffix(':')?.trim_end();
    let start = name
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    Some(&name[start..]).filter(|n| !n.is_empty())
}

/// Line and column (from 1) of the value of `field` in a config text: the first line,
/// outside a comment, where `field:` starts.
fn value_position(text: &str, field: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, l)| {
        let code = l.split("//").next().unwrap_or("");
        let at = code.find(field)?;
        let before_ok = code[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let rest = code[at + field.len()..].trim_start();
        let value = rest.strip_prefix(':')?;
        let col = code.len() - value.trim_start().len() + 1;
        before_ok.then_some((i + 1, col))
    })
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

    fn error_of(text: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.ron");
        std::fs::write(&p, text).unwrap();
        let e = Config::load_from(&p).unwrap_err().to_string();
        e.rsplit_once("config.ron")
            .map(|(_, e)| e.to_string())
            .unwrap_or(e)
    }

    #[test]
    fn bad_values_name_their_line_and_column() {
        let e = error_of("(\n  advance_after_label: true,\n  keymap: Some(\"numerc\"),\n)");
        assert!(e.starts_with(":3:11: unknown keymap `numerc`"), "{e}");
        let e = error_of("(\n  language: Some(\"de\"),\n)");
        assert!(e.starts_with(":2:13: unknown language `de`"), "{e}");
        let e = error_of("(theme: Some(\"dark\"))");
        assert_eq!(
            e,
            ":1:9: unknown theme `dark` (themes: default, light, mono)"
        );
    }

    #[test]
    fn a_string_where_an_option_goes_gets_a_hint() {
        let e = error_of("(\n  annotator: \"alice\",\n)");
        assert!(e.starts_with(":2:"), "{e}");
        assert!(e.contains("`annotator: Some(\"value\")`"), "{e}");
    }
}
