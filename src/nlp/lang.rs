//! Text language, for picking a lexicon.

/// Languages glose has lexicons for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

/// Guesses the language of `text` from its most common words (a stopword profile over the
/// first 4 kB, some 600 words: plenty for a profile of the ten commonest). French when
/// unsure.
pub fn detect(text: &str) -> Lang {
    let (mut en, mut fr) = (0usize, 0usize);
    let sample = &text[..text.floor_char_boundary(4_000)];
    let b = sample.as_bytes();
    // Words are runs of letters. The stopwords are ASCII and short, so bytes are read
    // directly, a run of ASCII letters in one tight loop, and a character is decoded only
    // where a non-ASCII byte starts one (a letter there makes the word non-ASCII, so no
    // stopword).
    let letter_at = |i: usize| {
        sample[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (is_letter(c), c.len_utf8()))
    };
    let mut i = 0;
    while i < b.len() {
        let ws = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let mut ascii = true;
        while i < b.len() && b[i] >= 0x80 {
            let (letter, len) = letter_at(i);
            if !letter {
                break;
            }
            ascii = false;
            i += len;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
        }
        if i == ws {
            // Not a letter: one character on.
            i += if b[i] < 0x80 { 1 } else { letter_at(i).1 };
            continue;
        }
        let w = &b[ws..i];
        if ascii && (2..=4).contains(&w.len()) {
            let mut l = [0u8; 4];
            for (d, s) in l.iter_mut().zip(w) {
                *d = s.to_ascii_lowercase();
            }
            match &l[..w.len()] {
                b"the" | b"and" | b"of" | b"to" | b"is" | b"that" | b"was" | b"for" | b"with"
                | b"said" => en += 1,
                b"le" | b"la" | b"les" | b"des" | b"et" | b"est" | b"une" | b"que" | b"pour"
                | b"dans" => fr += 1,
                _ => {}
            }
        }
    }
    if en > fr { Lang::En } else { Lang::Fr }
}

/// `c.is_alphabetic()`, without Unicode tables for ASCII, accented Latin letters and
/// general punctuation: every character of the sample is checked.
fn is_letter(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphabetic(),
        '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' => true,
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphabetic(),
    }
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
        assert_eq!(detect("THE CITY SAID THAT AND"), Lang::En);
        assert_eq!(detect("Théâtre: le café est là"), Lang::Fr);
    }

    /// The stopword counts of the plain definition: words split at every non-letter.
    fn detect_by_words(text: &str) -> Lang {
        let sample = &text[..text.floor_char_boundary(4_000)];
        let (mut en, mut fr) = (0, 0);
        for w in sample.split(|c: char| !c.is_alphabetic()) {
            match w.to_lowercase().as_str() {
                "the" | "and" | "of" | "to" | "is" | "that" | "was" | "for" | "with" | "said" => {
                    en += 1
                }
                "le" | "la" | "les" | "des" | "et" | "est" | "une" | "que" | "pour" | "dans" => {
                    fr += 1
                }
                _ => {}
            }
        }
        if en > fr { Lang::En } else { Lang::Fr }
    }

    #[test]
    fn byte_scan_agrees_with_splitting_words() {
        for t in [
            "l’est the of é the and ΣΑΣ that Ñthe the-said",
            "Thé the thé of ofé éof of",
            "THE ÉTAT and the LES des des des",
            "x\u{301}the the\u{301} the",
            "the the the et et et et",
            "",
        ] {
            assert_eq!(detect(t), detect_by_words(t), "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_scan_agrees_on_any_text(t in "([tT]he|of|and|l[ea]s?|et|des|é|É|’|Σ|\u{301}| |,|-|x){0,60}") {
            proptest::prop_assert_eq!(detect(&t), detect_by_words(&t));
        }
    }

    #[test]
    fn letters_match_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
