//! Text language, for picking a lexicon.

/// Languages glose has lexicons for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

/// Guesses the language of `text` from its most common words. French when unsure.
pub fn detect(text: &str) -> Lang {
    const EN: &[&str] = &[
        "the", "and", "of", "to", "is", "that", "was", "for", "with", "said",
    ];
    const FR: &[&str] = &[
        "le", "la", "les", "des", "et", "est", "une", "que", "pour", "dans",
    ];
    let (mut en, mut fr) = (0usize, 0usize);
    let sample = &text[..text.floor_char_boundary(20_000)];
    for w in sample.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        en += usize::from(EN.contains(&w.as_str()));
        fr += usize::from(FR.contains(&w.as_str()));
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
