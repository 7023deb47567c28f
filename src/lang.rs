//! Text language, for picking a lexicon.

/// Languages glose has lexicons for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

/// Guesses the language of `text` from its most common words (a stopword profile over the
/// first 20 kB). French when unsure.
pub fn detect(text: &str) -> Lang {
    const EN: &[&str] = &[
        "the", "and", "of", "to", "is", "that", "was", "for", "with", "said",
    ];
    const FR: &[&str] = &[
        "le", "la", "les", "des", "et", "est", "une", "que", "pour", "dans",
    ];
    let (mut en, mut fr) = (0usize, 0usize);
    let sample = &text[..text.floor_char_boundary(20_000)];
    // The stopwords are ASCII: compare without allocating a lower-case copy.
    for w in sample.split(|c: char| !c.is_alphabetic()) {
        if w.len() > 4 || w.is_empty() {
            continue;
        }
        en += usize::from(EN.iter().any(|s| s.eq_ignore_ascii_case(w)));
        fr += usize::from(FR.iter().any(|s| s.eq_ignore_ascii_case(w)));
    }
    if en > fr { Lang::En } else { Lang::Fr }
}

impl Lang {
    /// Two-letter code (`fr`, `en`) used in file names and the config.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses a code (`fr`, `en`, case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" | "french" | "français" => Some(Lang::Fr),
            "en" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_profile_tells_french_from_english() {
        assert_eq!(
            detect("Le maire a dit que la ville est prête pour les fêtes."),
            Lang::Fr
        );
        assert_eq!(
            detect("The mayor said that the city was ready for the holidays."),
            Lang::En
        );
        assert_eq!(detect(""), Lang::Fr);
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
