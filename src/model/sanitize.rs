//! Text that is safe to put on a terminal. Article text, titles and file names may hold
//! control bytes and escape sequences; a terminal would obey them. glose draws a visible
//! placeholder instead, one character for one character, so byte offsets still map back.

use std::borrow::Cow;

/// The character to draw instead of `c`, or `None` when `c` is safe as it is.
/// C0 controls become their Control Pictures (ESC → `␛`), DEL `␡`, C1 controls, bidi
/// overrides and other invisible format characters `�`. Tab, newline and carriage return
/// are layout, not content: callers handle them (see [`clean`]).
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('␡'),
        '\u{80}'..='\u{9f}' => Some('�'),
        // Bidi embeddings, overrides and isolates reorder what follows them on screen.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => Some('�'),
        // Line and paragraph separators would break the layout.
        '\u{2028}' | '\u{2029}' => Some(' '),
        _ => None,
    }
}

/// True if `s` has anything [`clean`] would change.
pub fn needs_cleaning(s: &str) -> bool {
    s.chars()
        .any(|c| placeholder(c).is_some() || matches!(c, '\t' | '\n' | '\r'))
}

/// A one-line, terminal-safe version of `s` for titles, file names and messages: controls
/// become placeholders, tabs and line breaks become spaces.
pub fn clean(s: &str) -> Cow<'_, str> {
    replace(s, ' ')
}

/// [`clean`] that keeps line breaks: for messages of several lines (an error with its
/// causes, a warning list), printed to a terminal as they are.
pub fn clean_lines(s: &str) -> Cow<'_, str> {
    replace(s, '\n')
}

fn replace(s: &str, newline: char) -> Cow<'_, str> {
    if !needs_cleaning(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' => newline,
                '\t' | '\r' => ' ',
                _ => placeholder(c).unwrap_or(c),
            })
            .collect(),
    )
}

/// [`clean`] of a path as displayed: for every message that names a file.
pub fn path(p: &std::path::Path) -> String {
    clean(&p.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(clean("a\u{1b}]0;owned\u{7}b"), "a␛]0;owned␇b");
        assert_eq!(clean("x\u{1b}[2Jy"), "x␛[2Jy");
        assert_eq!(clean("tab\there\r\n"), "tab here  ");
        assert_eq!(clean("\u{202e}evil"), "�evil");
        assert!(matches!(clean("plain « texte »"), Cow::Borrowed(_)));
    }

    #[test]
    fn clean_lines_keeps_line_breaks_only() {
        assert_eq!(clean_lines("a\u{1b}[2J\nb\tc\r"), "a␛[2J\nb c ");
    }

    proptest! {
        #[test]
        fn cleaned_text_has_no_control_characters(s in "\\PC*|[\\x00-\\x1f\\x7f-\\x9f]*") {
            let c = clean(&s);
            prop_assert!(!c.chars().any(|ch| ch.is_control()));
            prop_assert_eq!(c.chars().count(), s.chars().count());
        }
    }
}
