//! Key notation: `j`, `J` (an uppercase letter means Shift), `ctrl-r`, `alt-x`, `pagedown`,
//! `shift-tab`, `f1`, `space`, `?`, `é`. Parsing and printing agree, so the help screen
//! shows exactly what a keymap file would say.

use std::fmt;
use std::str::FromStr;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Char(char),
    F(u8),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Home,
    End,
    PageUp,
    PageDown,
    Up,
    Down,
    Left,
    Right,
}

/// A key with Ctrl and Alt. Shift is folded into the character (`J`) or the code
/// (`shift-tab` is [`Code::BackTab`]), so one physical key has one notation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// A plain key.
    pub const fn plain(code: Code) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// A plain character key.
    pub const fn char(c: char) -> Key {
        Key::plain(Code::Char(c))
    }
}

const NAMED: &[(&str, Code)] = &[
    ("enter", Code::Enter),
    ("esc", Code::Esc),
    ("tab", Code::Tab),
    ("backspace", Code::Backspace),
    ("delete", Code::Delete),
    ("insert", Code::Insert),
    ("home", Code::Home),
    ("end", Code::End),
    ("pageup", Code::PageUp),
    ("pagedown", Code::PageDown),
    ("up", Code::Up),
    ("down", Code::Down),
    ("left", Code::Left),
    ("right", Code::Right),
    ("space", Code::Char(' ')),
];

/// A key notation glose does not understand.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "bad key `{0}`: use a character (`j`, `J`, `?`, `é`), a name (enter, esc, tab, backspace, delete, insert, home, end, pageup, pagedown, up, down, left, right, space, f1–f12) or a modifier prefix (`ctrl-`, `alt-`, `shift-`)"
)]
pub struct BadKey(pub String);

impl FromStr for Key {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<Key, BadKey> {
        let bad = || BadKey(s.to_string());
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (flag, len) = if lower.starts_with("ctrl-") {
                (&mut ctrl, 5)
            } else if lower.starts_with("alt-") {
                (&mut alt, 4)
            } else if lower.starts_with("shift-") {
                (&mut shift, 6)
            } else {
                break;
            };
            if rest.len() == len || *flag {
                return Err(bad());
            }
            *flag = true;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                if shift {
                    if !c.is_lowercase() {
                        return Err(bad());
                    }
                    shift = false;
                    Code::Char(c.to_uppercase().next().unwrap_or(c))
                } else if ctrl && c.is_ascii_alphabetic() {
                    // Terminals cannot tell ctrl-r from ctrl-R.
                    Code::Char(c.to_ascii_lowercase())
                } else {
                    Code::Char(c)
                }
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    if !(1..=12).contains(&n) {
                        return Err(bad());
                    }
                    Code::F(n)
                } else if lower == "tab" && shift {
                    shift = false;
                    Code::BackTab
                } else {
                    NAMED
                        .iter()
                        .find(|(n, _)| *n == lower)
                        .map(|(_, c)| *c)
                        .ok_or_else(bad)?
                }
            }
        };
        if shift {
            return Err(bad());
        }
        Ok(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.code {
            Code::Char(' ') => f.write_str("space"),
            Code::Char(c) => write!(f, "{c}"),
            Code::F(n) => write!(f, "f{n}"),
            Code::BackTab => f.write_str("shift-tab"),
            other => {
                let name = NAMED
                    .iter()
                    .find(|(_, c)| *c == other)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notations_round_trip() {
        for s in [
            "j",
            "J",
            "?",
            "/",
            "-",
            "é",
            "à",
            "ctrl-r",
            "alt-x",
            "ctrl-alt-a",
            "pagedown",
            "pageup",
            "shift-tab",
            "f1",
            "f12",
            "space",
            "enter",
            "esc",
            "delete",
            "{",
            "]",
            "1",
        ] {
            let k: Key = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(k.to_string(), s);
        }
    }

    #[test]
    fn shift_folds_into_the_key() {
        assert_eq!("shift-j".parse::<Key>().unwrap(), Key::char('J'));
        assert_eq!("shift-é".parse::<Key>().unwrap(), Key::char('É'));
        assert_eq!("ctrl-R".parse::<Key>().unwrap().to_string(), "ctrl-r");
        assert_eq!(" ".parse::<Key>().unwrap(), Key::char(' '));
        assert_eq!(
            "PageDown".parse::<Key>().unwrap(),
            Key::plain(Code::PageDown)
        );
    }

    #[test]
    fn bad_notations_are_refused() {
        for s in [
            "",
            "ctrl-",
            "jj",
            "pgdn",
            "f13",
            "f0",
            "shift-up",
            "shift-J",
            "ctrl-ctrl-a",
            "\u{1b}",
        ] {
            assert!(s.parse::<Key>().is_err(), "{s:?} accepted");
        }
    }
}
