//! The text a record keeps of its unit. A unit with no sentence end can be a whole article
//! of megabytes; writing it into every save would make a label cost as much as the
//! article. Up to [`MAX_TEXT_BYTES`] the text is kept whole, as it always was; a longer
//! one is kept as its start, its length and the SHA-256 of the whole unit:
//!
//! ```text
//! Un article sans fin, le ministre a déclaré…[20714286 bytes sha256:5f0c…]
//! ```
//!
//! That still finds the unit again after an edit (same length and digest, nearest
//! offset), and a record with the whole text, as older sidecars have, matches the same
//! unit, so both forms are read. It stays a plain `text:` string, so the schema is
//! unchanged.

use sha2::{Digest, Sha256};
use std::borrow::Cow;

/// The longest unit text a record keeps whole (no sentence of a news article is near it).
pub const MAX_TEXT_BYTES: usize = 4 << 10;

/// How much of a longer unit's start a record keeps (cut back to a character boundary).
pub const PREFIX_BYTES: usize = 160;

/// Between the start kept and the length.
const OPEN: &str = "…[";
/// Between the length and the digest.
const MID: &str = " bytes sha256:";

/// The text a record keeps of a unit whose text is `text`: the text itself up to
/// [`MAX_TEXT_BYTES`], else its capped form. Also takes a text already capped (it is
/// short) and gives it back, so it serves as the key under which a record and a unit are
/// the same whichever form the record holds.
pub fn stored(text: &str) -> Cow<'_, str> {
    if text.len() <= MAX_TEXT_BYTES {
        return Cow::Borrowed(text);
    }
    let prefix = &text[..text.floor_char_boundary(PREFIX_BYTES)];
    Cow::Owned(format!(
        "{prefix}{OPEN}{}{MID}{:x}]",
        text.len(),
        Sha256::digest(text.as_bytes())
    ))
}

/// Whether a record holding `stored` is about a unit whose text is `text`: the same
/// text, or `text`'s capped form. The whole unit is hashed only when its start and
/// length already agree.
pub fn matches(stored_text: &str, text: &str) -> bool {
    if stored_text == text {
        return true;
    }
    match parse(stored_text) {
        Some((prefix, len)) => {
            text.len() == len
                && len > MAX_TEXT_BYTES
                && text.starts_with(prefix)
                && stored(text) == stored_text
        }
        None => false,
    }
}

/// The start a capped text keeps and the unit's length; `None` for a whole text.
pub fn parse(stored_text: &str) -> Option<(&str, usize)> {
    let rest = stored_text.strip_suffix(']')?;
    let (prefix, tail) = rest.rsplit_once(OPEN)?;
    let (len, hex) = tail.split_once(MID)?;
    let len: usize = len.parse().ok()?;
    let hex_ok = hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit());
    (hex_ok && len > MAX_TEXT_BYTES && prefix.len() <= PREFIX_BYTES).then_some((prefix, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_kept_whole() {
        assert_eq!(stored("Une phrase."), "Une phrase.");
        let edge = "é".repeat(MAX_TEXT_BYTES / 2);
        assert_eq!(stored(&edge), edge.as_str());
        assert!(parse(&edge).is_none());
    }

    #[test]
    fn a_long_unit_keeps_its_start_length_and_digest() {
        let unit = "é mot ".repeat(10_000);
        let s = stored(&unit);
        assert!(s.len() < PREFIX_BYTES + 100, "{s}");
        assert!(s.starts_with("é mot é mot"));
        assert_eq!(parse(&s).map(|(_, n)| n), Some(unit.len()));
        // The same form again: it is its own key.
        assert_eq!(stored(&s), s);
        assert!(matches(&s, &unit));
        assert!(matches(&unit, &unit), "an older sidecar's whole text");
        // One byte changed anywhere, even past the start kept, and it is another unit.
        let mut other = unit.clone();
        other.replace_range(50_000..50_001, "x");
        assert_eq!(other.len(), unit.len());
        assert!(!matches(&s, &other));
        assert!(!matches(&s, &unit[..unit.len() - 1]));
    }

    #[test]
    fn text_that_only_looks_capped_is_a_text() {
        let fake = format!("abc…[5000 bytes sha256:{}]", "0".repeat(64));
        assert!(parse(&fake).is_some());
        assert!(matches(&fake, &fake));
        assert!(!matches(&fake, &format!("abc{}", "d".repeat(4997))));
        assert!(parse("abc…[12 bytes sha256:00]").is_none());
    }
}
