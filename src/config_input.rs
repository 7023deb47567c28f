//! `config.ron` texts made from arbitrary bytes, and the properties every such text must
//! keep. The fuzz target (`fuzz/fuzz_targets/config.rs`) and a proptest of `cargo test`
//! share both, so the stable toolchain runs the same generator that the fuzzer drives.
//!
//! The bytes pick among the shapes a hand-edited config takes (known and unknown fields,
//! `Some`/`None`/bare values, strings with quotes, escapes and control characters, comments,
//! nesting, truncation), so most inputs reach the deserializer's field handling instead of
//! failing on the first byte.

use crate::config::{Config, ConfigError};
use std::path::Path;

const FIELDS: &[&str] = &[
    "annotator",
    "keymap",
    "theme",
    "advance_after_label",
    "language",
    "annotater",
    "\u{1b}]0;title\u{7}",
    "r#keymap",
];

const PIECES: &[&str] = &[
    "alice",
    "numeric",
    "mono",
    "fr",
    "\u{1b}]0;owned\u{7}",
    "\u{1b}[2J",
    "\\\"",
    "\\\\",
    "\\u{1b}",
    "\\n",
    "é",
    "日本",
    "\u{202e}",
    "\u{0}",
    "\r\n",
    "/tmp/k.ron",
];

/// Reads choices from the input bytes, giving zeros once they run out.
struct Choices<'a>(std::slice::Iter<'a, u8>);

impl Choices<'_> {
    fn next(&mut self) -> u8 {
        self.0.next().copied().unwrap_or(0)
    }

    fn pick<'s>(&mut self, from: &[&'s str]) -> &'s str {
        from[usize::from(self.next()) % from.len()]
    }
}

/// A config text built from `data`.
pub fn generate(data: &[u8]) -> String {
    let mut c = Choices(data.iter());
    let mut out = String::new();
    if c.next().is_multiple_of(4) {
        out.push_str("// settings\n");
    }
    out.push('(');
    let fields = c.next() % 7;
    for _ in 0..fields {
        out.push_str("\n  ");
        out.push_str(c.pick(FIELDS));
        out.push_str(": ");
        value(&mut c, &mut out, 0);
        out.push(',');
    }
    out.push_str("\n)");
    // Sometimes cut or spliced with raw bytes, as a half-saved or mis-encoded file.
    match c.next() % 8 {
        0 => {
            let mut at = usize::from(c.next()) % (out.len() + 1);
            while !out.is_char_boundary(at) {
                at -= 1;
            }
            out.truncate(at);
        }
        1 => out.push_str(&String::from_utf8_lossy(c.0.as_slice())),
        _ => {}
    }
    out
}

fn value(c: &mut Choices, out: &mut String, depth: u8) {
    match c.next() % 9 {
        0 => out.push_str("None"),
        1 | 2 => {
            out.push_str("Some(");
            string(c, out);
            out.push(')');
        }
        3 => string(c, out),
        4 => out.push_str(if c.next().is_multiple_of(2) {
            "true"
        } else {
            "false"
        }),
        5 => out.push_str(&i64::from(c.next() as i8).to_string()),
        6 if depth < 3 => {
            out.push_str("Some(");
            value(c, out, depth + 1);
            out.push(')');
        }
        7 if depth < 3 => {
            out.push('[');
            value(c, out, depth + 1);
            out.push(']');
        }
        _ => out.push_str(c.pick(PIECES)),
    }
}

fn string(c: &mut Choices, out: &mut String) {
    out.push('"');
    for _ in 0..c.next() % 5 {
        out.push_str(c.pick(PIECES));
    }
    out.push('"');
}

/// Parses the text made from `data` and checks what glose promises of any config text:
/// no panic; an error names the file and a line and column inside the text; parsing is
/// deterministic; and the values glose then refuses (an unknown keymap or language) are
/// quoted in messages without a control character (nothing a terminal would obey).
/// Panics when a promise is broken (the fuzzer's and proptest's failure signal). Gives
/// the config when it parsed.
pub fn check(data: &[u8]) -> Option<Config> {
    let text = generate(data);
    let path = Path::new("config.ron");
    match Config::parse(&text, path) {
        Ok(cfg) => {
            assert_eq!(
                Config::parse(&text, path).ok().as_ref(),
                Some(&cfg),
                "{text:?}"
            );
            check_values(&cfg);
            Some(cfg)
        }
        Err(e) => {
            check_error(&e, &text);
            None
        }
    }
}

/// The messages for refused values, as the binary would print them.
fn check_values(cfg: &Config) {
    if let Some(k) = cfg
        .keymap
        .as_deref()
        .filter(|k| !k.contains(['/', '\\']) && !k.ends_with(".ron"))
        && let Err(e) = crate::tui::keymap::Keymap::load(Some(k), None)
    {
        terminal_safe(&e.to_string());
    }
    if cfg
        .language
        .as_deref()
        .is_some_and(|l| !matches!(l, "" | "auto" | "fr" | "en"))
        && let Err(e) = crate::nlp::analysis::Analyzer::with_lexicons(None, None, cfg)
    {
        terminal_safe(&e.to_string());
    }
}

fn terminal_safe(msg: &str) {
    assert!(
        !msg.chars().any(char::is_control),
        "control character in {msg:?}"
    );
}

fn check_error(e: &ConfigError, text: &str) {
    let msg = e.to_string();
    assert!(msg.starts_with("config.ron:"), "{msg}");
    terminal_safe(&msg);
    assert!(
        e.line <= text.lines().count() + 1,
        "line {} of {text:?}",
        e.line
    );
}
