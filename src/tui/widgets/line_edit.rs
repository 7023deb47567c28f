//! The one-line editor every prompt uses: moves and deletes by grapheme as a shell line
//! does (Left/Right, Home/End, Backspace/Delete, ctrl-w, ctrl-u), takes pasted text, and
//! never holds a control character (a pasted line break becomes a space).

use unicode_segmentation::UnicodeSegmentation;

/// An edit of the line, from a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    Left,
    Right,
    Home,
    End,
    /// Deletes the grapheme before the cursor.
    Backspace,
    /// Deletes the grapheme under the cursor.
    Delete,
    /// ctrl-w: deletes the word before the cursor (and the spaces after it).
    DeleteWord,
    /// ctrl-u: deletes from the start of the line to the cursor.
    DeleteToStart,
}

/// A line of text with a cursor, a byte offset on a grapheme boundary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineEdit {
    text: String,
    cursor: usize,
}

impl LineEdit {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: &str) -> LineEdit {
        let mut line = LineEdit::default();
        line.insert(text);
        line
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text before and after the cursor.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    /// Inserts typed or pasted text at the cursor; line breaks and tabs become spaces and
    /// other control characters are dropped.
    pub fn insert(&mut self, s: &str) {
        let clean: String = s
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    pub fn edit(&mut self, e: Edit) {
        let before = self.prev_boundary();
        let after = self.next_boundary();
        match e {
            Edit::Left => self.cursor = before,
            Edit::Right => self.cursor = after,
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::Backspace => {
                self.text.replace_range(before..self.cursor, "");
                self.cursor = before;
            }
            Edit::Delete => self.text.replace_range(self.cursor..after, ""),
            Edit::DeleteWord => {
                let head = &self.text[..self.cursor];
                let trimmed = head.trim_end();
                let start = trimmed
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Edit::DeleteToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
        }
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str, edits: &[Edit]) -> (String, String) {
        let mut l = LineEdit::new(text);
        for &e in edits {
            l.edit(e);
        }
        let (a, b) = l.split();
        (a.to_string(), b.to_string())
    }

    #[test]
    fn moves_and_deletes_by_grapheme() {
        use Edit::*;
        assert_eq!(typed("née", &[Left]), ("né".into(), "e".into()));
        assert_eq!(typed("née", &[Left, Backspace]), ("n".into(), "e".into()));
        assert_eq!(
            typed("e\u{301}t", &[Home, Right]),
            ("e\u{301}".into(), "t".into())
        );
        assert_eq!(typed("abc", &[Home, Delete, End]), ("bc".into(), "".into()));
        assert_eq!(
            typed("", &[Left, Backspace, Delete, Right]),
            ("".into(), "".into())
        );
    }

    #[test]
    fn ctrl_w_and_ctrl_u_delete_as_a_shell_does() {
        use Edit::*;
        assert_eq!(typed("un peu  ", &[DeleteWord]), ("un ".into(), "".into()));
        assert_eq!(
            typed("un peu", &[Left, DeleteWord]),
            ("un ".into(), "u".into())
        );
        assert_eq!(typed("word", &[DeleteWord]), ("".into(), "".into()));
        assert_eq!(
            typed("ab cd", &[Left, DeleteToStart]),
            ("".into(), "d".into())
        );
    }

    #[test]
    fn paste_inserts_at_the_cursor_without_control_characters() {
        let mut l = LineEdit::new("ad");
        l.edit(Edit::Left);
        l.insert("b\nc\u{1b}");
        assert_eq!(l.text(), "ab cd");
        assert_eq!(l.split().0, "ab c");
    }
}
