//! `glose.ron` at the corpus root: the settings a team shares through git with the
//! sidecars (the user's own `config.ron` holds only personal ones). Every field is
//! optional, so a corpus without the file, or with an older one, reads as the defaults.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The project file's name, at the corpus root.
pub const FILE_NAME: &str = "glose.ron";

/// Largest project file read: a settings file, never data.
pub const MAX_BYTES: u64 = 1 << 20;

/// Which suggestions the reader shows. A team that wants blind annotation sets `Off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SuggestionMode {
    /// The model learned from the corpus's labels when it beats the rules, else the rules.
    #[default]
    Learned,
    /// The built-in rules only.
    Rules,
    /// No suggestion shown; the accept key accepts nothing.
    Off,
}

/// How `glose assign` plans double annotation (kept so that a second run extends the
/// same plan).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AssignSettings {
    /// The annotators the plan spreads articles over.
    pub annotators: Vec<String>,
    /// How many distinct annotators each article gets.
    pub per_article: usize,
    /// Seed of the deterministic shuffle.
    pub seed: u64,
}

/// The corpus's shared settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Project {
    /// Project file format version.
    pub schema: u32,
    pub suggestions: SuggestionMode,
    /// Whether the reader highlights sources, claims and cues.
    pub highlights: bool,
    /// Settings of the assignment plan, once `glose assign` has run.
    pub assign: Option<AssignSettings>,
}

impl Default for Project {
    fn default() -> Self {
        Project {
            schema: 1,
            suggestions: SuggestionMode::default(),
            highlights: true,
            assign: None,
        }
    }
}

/// A project file that exists but cannot be used.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}:{line}:{col}: {}",
    crate::model::sanitize::path(path),
    crate::model::sanitize::clean(msg)
)]
pub struct ProjectError {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub msg: String,
}

impl Project {
    /// The project file of the corpus rooted at `root`; defaults when there is none.
    pub fn load(root: &Path) -> Result<Project, ProjectError> {
        Project::load_from(&root.join(FILE_NAME))
    }

    /// Reads one project file; defaults when it does not exist.
    pub fn load_from(path: &Path) -> Result<Project, ProjectError> {
        let err = |line, col, msg: String| ProjectError {
            path: path.to_path_buf(),
            line,
            col,
            msg,
        };
        let bytes = match crate::store::whole_file::read_path_meta(path, MAX_BYTES) {
            Ok((b, _)) => b,
            Err(e) if e.is_not_found() => return Ok(Project::default()),
            Err(e) => return Err(err(0, 0, e.to_string())),
        };
        let text =
            std::str::from_utf8(&bytes).map_err(|e| err(0, 0, format!("not UTF-8 text ({e})")))?;
        Project::parse(text).map_err(|(line, col, msg)| err(line, col, msg))
    }

    /// Parses project-file text; the error is `(line, col, message)`.
    pub fn parse(text: &str) -> Result<Project, (usize, usize, String)> {
        ron::from_str(text).map_err(|e| (e.span.start.line, e.span.start.col, e.code.to_string()))
    }

    /// The file's text, in the form `glose init` writes: pretty, one field a line.
    pub fn to_ron(&self) -> String {
        let pretty = ron::ser::PrettyConfig::new().struct_names(false);
        ron::ser::to_string_pretty(self, pretty).unwrap_or_default() + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let p = Project::load(dir.path()).unwrap();
        assert_eq!(p, Project::default());
        assert_eq!(p.suggestions, SuggestionMode::Learned);
        assert!(p.highlights);
    }

    #[test]
    fn fields_are_optional_and_unknown_ones_refused() {
        let p = Project::parse("(suggestions: Off)").unwrap();
        assert_eq!(p.suggestions, SuggestionMode::Off);
        assert!(p.highlights);
        let (line, _, msg) = Project::parse("(\n  sugestions: Off)").unwrap_err();
        assert_eq!(line, 2);
        assert!(msg.contains("sugestions"), "{msg}");
    }

    #[test]
    fn what_init_writes_reads_back() {
        let p = Project {
            suggestions: SuggestionMode::Rules,
            highlights: false,
            assign: Some(AssignSettings {
                annotators: vec!["a".into(), "b".into()],
                per_article: 2,
                seed: 7,
            }),
            ..Project::default()
        };
        assert_eq!(Project::parse(&p.to_ron()).unwrap(), p);
    }
}
