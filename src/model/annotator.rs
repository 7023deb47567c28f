//! Annotator names: they become part of sidecar file names, so they are checked strictly.

use std::fmt;

/// The reserved name of adjudicated labels.
pub const GOLD: &str = "gold";

/// A validated annotator name: 1–64 of letters, digits, `.`, `_`, `-`, not starting with
/// `.`. These rules keep every sidecar inside the article's folder and visible.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Annotator(String);

/// Why a name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("annotator name is empty")]
    Empty,
    #[error("annotator name `{0}` is longer than 64 characters")]
    TooLong(String),
    #[error("annotator name `{0}` starts with `.`")]
    LeadingDot(String),
    #[error(
        "annotator name `{0}` is reserved: `<article>.{0}.ron` holds the article's segmentation corrections"
    )]
    Reserved(String),
    #[error("annotator name `{name}` contains `{bad}`; use letters, digits, `.`, `_` or `-`")]
    BadChar { name: String, bad: String },
}

impl Annotator {
    /// Checks a name against the rules above.
    pub fn new(name: &str) -> Result<Self, NameError> {
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.chars().count() > 64 {
            return Err(NameError::TooLong(name.to_string()));
        }
        if name.starts_with('.') {
            return Err(NameError::LeadingDot(name.to_string()));
        }
        if let Some(bad) = name
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-')))
        {
            return Err(NameError::BadChar {
                name: name.escape_debug().to_string(),
                bad: bad.escape_debug().to_string(),
            });
        }
        if name == crate::model::cuts::NAME {
            return Err(NameError::Reserved(name.to_string()));
        }
        Ok(Annotator(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for the reserved `gold` name.
    pub fn is_gold(&self) -> bool {
        self.0 == GOLD
    }

    /// The gold annotator, for adjudication.
    pub fn gold() -> Self {
        Annotator(GOLD.to_string())
    }
}

impl fmt::Display for Annotator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Picks the annotator: the flag, else `GLOSE_ANNOTATOR`, else the config file, else the
/// OS user name. Returns the name and where it came from, for error messages.
pub fn resolve(
    flag: Option<&str>,
    config: Option<&str>,
) -> Result<(Annotator, &'static str), NameError> {
    let env = std::env::var("GLOSE_ANNOTATOR")
        .ok()
        .filter(|s| !s.is_empty());
    let os = || {
        std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .ok()
            .filter(|s| !s.is_empty())
    };
    let (name, from) = if let Some(f) = flag {
        (f.to_string(), "--annotator")
    } else if let Some(e) = env {
        (e, "GLOSE_ANNOTATOR")
    } else if let Some(c) = config {
        (c.to_string(), "config.ron")
    } else if let Some(u) = os() {
        (u, "the OS user name")
    } else {
        ("annotator".to_string(), "the default")
    };
    Annotator::new(&name).map(|a| (a, from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_names() {
        for n in ["alice", "j.doe", "anne-marie_2", "Élodie", "x"] {
            assert_eq!(Annotator::new(n).unwrap().as_str(), n);
        }
        assert!(Annotator::new(&"a".repeat(64)).is_ok());
    }

    #[test]
    fn refuses_names_that_could_escape_or_hide() {
        for n in [
            "",
            ".hidden",
            "..",
            "a/b",
            "a\\b",
            "../x",
            "a b",
            "a\nb",
            "a\u{1b}[31m",
        ] {
            assert!(Annotator::new(n).is_err(), "{n:?} accepted");
        }
        assert!(matches!(
            Annotator::new(&"a".repeat(65)),
            Err(NameError::TooLong(_))
        ));
        let msg = Annotator::new("a/b").unwrap_err().to_string();
        assert!(msg.contains("`/`"), "{msg}");
    }
}
