//! Annotator names: they become part of sidecar file names, so they are checked strictly.

use std::fmt;

/// The reserved name of adjudicated labels.
pub const GOLD: &str = "gold";

/// The most bytes an annotator name may have. Sidecars are named
/// `ARTICLE.NAME.ron`, and most file systems take at most 255 bytes per file name:
/// 64 bytes leaves an article's file name 186 (see [`sidecar_name_fits`]).
pub const MAX_NAME_BYTES: usize = 64;

/// A validated annotator name: 1–64 bytes of letters, digits, `_`, `-`. These rules keep
/// every sidecar inside the article's folder and visible, and make a sidecar's name say
/// which article and annotator it belongs to: without `.` in names, `a.txt.b.txt.kim.ron`
/// can only be `kim`'s sidecar of `a.txt.b.txt`, and no name but `gold` itself reaches gold.
/// Names with `.` written by earlier versions are still read ([`Annotator::existing`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Annotator(String);

/// Why a name was refused. Names are quoted terminal-safe (escape sequences made visible).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("annotator name is empty")]
    Empty,
    #[error(
        "annotator name `{name}` is {bytes} bytes long; names may have at most {MAX_NAME_BYTES} \
         bytes (64 ASCII letters, fewer accented or non-Latin ones), because they become part \
         of sidecar file names and file systems take at most 255 bytes per name"
    )]
    TooLong { name: String, bytes: usize },
    #[error("annotator name `{0}` starts with `.`")]
    LeadingDot(String),
    #[error(
        "annotator name `{0}` contains `.`, which glose no longer accepts for labeling: a \
         sidecar is named ARTICLE.NAME.ron, and a `.` in NAME could make it another \
         article's sidecar (or gold). Sidecars already written under such names are still \
         read by status, agree, review and export. Label under a name without `.` (for \
         example `{1}`)"
    )]
    Dot(String, String),
    #[error(
        "annotator name `{0}` is reserved: `<article>.{0}.ron` holds the article's segmentation corrections"
    )]
    Reserved(String),
    #[error("annotator name `{name}` contains `{bad}`; use letters, digits, `_` or `-`")]
    BadChar { name: String, bad: String },
}

fn quoted(name: &str) -> String {
    crate::model::sanitize::clean(name).into_owned()
}

impl Annotator {
    /// Checks a name against the rules above: the names glose writes under.
    pub fn new(name: &str) -> Result<Self, NameError> {
        Self::check(name, false)
    }

    /// A name found in an existing sidecar's file name, under the rules of earlier
    /// versions (`.` allowed): read, listed and exported, but [`Annotator::is_legacy`]
    /// names are never written under.
    pub fn existing(name: &str) -> Result<Self, NameError> {
        Self::check(name, true)
    }

    fn check(name: &str, dots: bool) -> Result<Self, NameError> {
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.len() > MAX_NAME_BYTES {
            return Err(NameError::TooLong {
                name: quoted(name),
                bytes: name.len(),
            });
        }
        if name.starts_with('.') {
            return Err(NameError::LeadingDot(quoted(name)));
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
        if !dots && name.contains('.') {
            return Err(NameError::Dot(quoted(name), name.replace('.', "_")));
        }
        if name == crate::model::cuts::NAME {
            return Err(NameError::Reserved(name.to_string()));
        }
        Ok(Annotator(name.to_string()))
    }

    /// True for a name with `.`, valid before and only read now.
    pub fn is_legacy(&self) -> bool {
        self.0.contains('.')
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

/// Whether `ARTICLE.NAME.ron` fits in the 255 bytes a file name may have; the reason
/// when it does not, for the message that opens the article read-only.
pub fn sidecar_name_fits(article_file_name: &str, who: &Annotator) -> Result<(), String> {
    let bytes = article_file_name.len() + 1 + who.0.len() + ".ron".len();
    if bytes <= crate::store::atomic::NAME_MAX {
        return Ok(());
    }
    Err(format!(
        "its sidecar's file name would be {bytes} bytes (article file name {} + annotator \
         name {} + 5), over the 255 bytes file systems take; use a shorter annotator name \
         or rename the article",
        article_file_name.len(),
        who.0.len()
    ))
}

/// The deprecation note for sidecars found under names with `.`, or `None` if none.
pub fn legacy_note(names: &[Annotator]) -> Option<String> {
    let legacy: Vec<String> = names
        .iter()
        .filter(|a| a.is_legacy())
        .map(|a| format!("`{}`", quoted(a.as_str())))
        .collect();
    (!legacy.is_empty()).then(|| {
        format!(
            "sidecars under annotator names with `.` ({}) are still read, but glose no longer \
             labels under such names (a `.` could make a sidecar name another article's); \
             rename the files to a name without `.` to keep labeling them",
            legacy.join(", ")
        )
    })
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
        for n in ["alice", "j_doe", "anne-marie_2", "Élodie", "x"] {
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
            Err(NameError::TooLong { .. })
        ));
        let msg = Annotator::new("a/b").unwrap_err().to_string();
        assert!(msg.contains("`/`"), "{msg}");
    }

    /// Item 3: with `.` in names, `b.txt.kim` labeling `a.txt` wrote kim's sidecar of
    /// `a.txt.b.txt`, and `b.txt.gold` wrote gold. Such names are refused for labeling,
    /// still read from existing sidecars, and the message says what changed.
    #[test]
    fn item3_names_with_a_dot_are_refused_for_labeling_but_still_read() {
        for n in ["b.txt.kim", "b.txt.gold", "j.doe"] {
            let err = Annotator::new(n).unwrap_err();
            assert!(matches!(err, NameError::Dot(..)), "{n}: {err}");
            assert!(err.to_string().contains("still"), "{err}");
            let old = Annotator::existing(n).unwrap();
            assert!(old.is_legacy() && !old.is_gold());
        }
        assert!(!Annotator::new("kim").unwrap().is_legacy());
        let note = legacy_note(&[Annotator::existing("j.doe").unwrap()]).unwrap();
        assert!(
            note.contains("`j.doe`") && note.contains("still read"),
            "{note}"
        );
        assert_eq!(legacy_note(&[Annotator::new("kim").unwrap()]), None);
    }

    /// Item 10: 64 four-byte letters passed the old 64-character check, and every article
    /// then opened read-only with "File name too long".
    #[test]
    fn item10_names_are_limited_in_bytes_with_the_reason() {
        let wide = "𝒜".repeat(64);
        let err = Annotator::new(&wide).unwrap_err();
        assert!(
            matches!(err, NameError::TooLong { bytes: 256, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("255 bytes"), "{err}");
        assert!(Annotator::new(&"𝒜".repeat(16)).is_ok()); // 64 bytes
        let who = Annotator::new(&"a".repeat(64)).unwrap();
        assert!(sidecar_name_fits(&format!("{}.txt", "x".repeat(182)), &who).is_ok());
        let why = sidecar_name_fits(&format!("{}.txt", "x".repeat(183)), &who).unwrap_err();
        assert!(why.contains("256 bytes"), "{why}");
    }

    /// Item 4: a name that is refused is quoted without its escape sequences.
    #[test]
    fn item4_refused_names_are_quoted_terminal_safe() {
        for n in [
            format!("{}\u{1b}]0;owned\u{7}", "a".repeat(70)),
            ".\u{1b}[2J".to_string(),
            "a.\u{1b}[2J".to_string(),
            "a\u{1b}[2J".to_string(),
        ] {
            let msg = Annotator::new(&n).unwrap_err().to_string();
            assert!(!msg.contains('\u{1b}') && !msg.contains('\u{7}'), "{msg}");
        }
    }
}
