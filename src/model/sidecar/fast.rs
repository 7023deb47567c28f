//! A hand-written reader for exactly the layout [`super::render`] writes. Status, agree,
//! export and the library index read every sidecar of a corpus, and `ron` costs several
//! times the disk read; this reads the canonical layout at memory speed. It accepts only
//! text glose itself could have written (fields in written order, single spaces, the
//! escapes `push_str_lit` emits) and answers `None` for anything else, so hand-edited or
//! older files still go through `ron`, which gives errors with line and column.

use super::{DocStatus, How, RecordRef, Sidecar, SidecarRef};
use crate::model::label::Label;
use std::borrow::Cow;

/// The sidecar, if `text` is in glose's own layout; `None` means "ask `ron`".
pub fn parse(text: &str) -> Option<Sidecar> {
    parse_ref(text).map(SidecarRef::into_owned)
}

/// [`parse`] with the strings borrowed from `text` where they hold no escape.
pub fn parse_ref(text: &str) -> Option<SidecarRef<'_>> {
    let mut c = Cursor {
        b: text.as_bytes(),
        s: Some(text),
        i: 0,
    };
    let (schema, [article, fingerprint, segmenter, annotator]) = c.header()?;
    let labels = c.records()?;
    let orphans = if c.try_lit("  orphans: [\n") {
        let o = c.records()?;
        // An empty orphan list is never written; `ron` decides what one means.
        if o.is_empty() {
            return None;
        }
        o
    } else {
        Vec::new()
    };
    let history = c.history()?;
    let status = c.status()?;
    c.end()?;
    Some(SidecarRef {
        schema,
        article,
        fingerprint,
        segmenter,
        annotator,
        labels,
        orphans,
        history,
        status,
    })
}

/// A sentence as [`visit_exact`] checks a label against it: its index, its text, and
/// whether [`written_as_is`] holds for that text.
pub type Expected<'d> = (usize, &'d str, bool);

/// Reads a sidecar in glose's own layout, of this schema, straight from its bytes, when
/// every label and orphan sits exactly on a sentence with that sentence's text:
/// `sentence(start, end)` gives the sentence with this span, `each(sentence, label, at,
/// note)`
/// takes each record in file order. `None` as soon as a record does not (or `each` says
/// no), and for anything `parse_ref` would not read. A text written as is is compared
/// with the sentence's in place, neither scanned nor copied; the file is checked to be
/// UTF-8 string by string, so agree and export read each byte about once. Gives the
/// sidecar's document status.
pub fn visit_exact<'a, 'd>(
    bytes: &'a [u8],
    mut sentence: impl FnMut(usize, usize) -> Option<Expected<'d>>,
    mut each: impl FnMut(usize, Label, Cow<'a, str>, Option<Cow<'a, str>>) -> Option<()>,
) -> Option<Option<DocStatus>> {
    let mut c = Cursor {
        b: bytes,
        s: None,
        i: 0,
    };
    if c.header()?.0 != super::SCHEMA {
        return None;
    }
    c.exact_records(&mut sentence, &mut each)?;
    if c.try_lit("  orphans: [\n") {
        // As in `parse_ref`: an empty orphan list is left to `ron`.
        if c.try_lit("  ],\n") {
            return None;
        }
        c.exact_records(&mut sentence, &mut each)?;
    }
    // Replaced labels are no labels: read to check the layout, not visited.
    c.history()?;
    let status = c.status()?;
    c.end()?;
    Some(status)
}

/// Whether the writer puts `s` between the quotes of a string literal unchanged: it holds
/// no quote, backslash or character `needs_escape`.
pub fn written_as_is(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        i += crate::store::bytescan::plain_prefix(&b[i..], SPECIAL_BYTES, 0x20, 0);
        match b.get(i) {
            None => return true,
            Some(0xc2) if b.get(i + 1).is_some_and(|&n| n >= 0xa0) => i += 2,
            Some(0xe2 | 0xef) if b.get(i..i + 3).is_some_and(|q| !escaped_three_byte(q)) => i += 3,
            Some(_) => return false,
        }
    }
}

struct Cursor<'a> {
    b: &'a [u8],
    /// The same bytes as text, when the caller had them checked; otherwise each string is
    /// checked as it is read (everything else the reader accepts is ASCII).
    s: Option<&'a str>,
    i: usize,
}

/// Bit `k` set when byte `k` of `chunk` is in [`SPECIAL`].
fn special_mask(chunk: [u8; 16]) -> u32 {
    crate::store::bytescan::mask16(chunk, SPECIAL_BYTES, 0x20, 0)
}

/// [`SPECIAL`] but controls below 0x20.
const SPECIAL_BYTES: &[u8] = b"\"\\\x7f\xc2\xe2\xef";

/// Bytes [`Cursor::string`] must look at: the closing quote, a backslash, controls, and
/// the lead bytes of characters the writer escapes.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b < 0x20
            || b == 0x7f
            || b == b'"' as usize
            || b == b'\\' as usize
            || b == 0xc2
            || b == 0xe2
            || b == 0xef;
        b += 1;
    }
    t
};

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a [u8] {
        &self.b[self.i..]
    }

    /// The schema and the article, fingerprint, segmenter and annotator strings, up to
    /// the opening of the label list.
    fn header(&mut self) -> Option<(u32, [Cow<'a, str>; 4])> {
        self.lit("(\n  schema: ")?;
        let schema = u32::try_from(self.num()?).ok()?;
        self.lit(",\n  article: ")?;
        let article = self.string()?;
        self.lit(",\n  fingerprint: ")?;
        let fingerprint = self.string()?;
        self.lit(",\n  segmenter: ")?;
        let segmenter = self.string()?;
        self.lit(",\n  annotator: ")?;
        let annotator = self.string()?;
        self.lit(",\n  labels: [\n")?;
        Some((schema, [article, fingerprint, segmenter, annotator]))
    }

    /// The closing parenthesis, and nothing after it.
    /// The `history` list if there is one (empty when there is none; an empty list is
    /// never written, so `ron` decides what one means).
    fn history(&mut self) -> Option<Vec<RecordRef<'a>>> {
        if !self.try_lit("  history: [\n") {
            return Some(Vec::new());
        }
        let h = self.records()?;
        (!h.is_empty()).then_some(h)
    }

    fn end(&mut self) -> Option<()> {
        self.lit(")\n")?;
        (self.i == self.b.len()).then_some(())
    }

    /// Bytes `from..to` as text.
    fn text(&self, from: usize, to: usize) -> Option<&'a str> {
        match self.s {
            Some(s) => s.get(from..to),
            None => std::str::from_utf8(self.b.get(from..to)?).ok(),
        }
    }

    // Inlined so each literal is compared with its length known, not by a `memcmp` call.
    #[inline(always)]
    fn try_lit(&mut self, lit: &str) -> bool {
        if self.rest().starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    #[inline(always)]
    fn lit(&mut self, lit: &str) -> Option<()> {
        self.try_lit(lit).then_some(())
    }

    /// A decimal number as `to_string` writes it: no sign, no leading zero, no overflow.
    #[inline(always)]
    fn num(&mut self) -> Option<usize> {
        let rest = self.rest();
        let mut n: usize = 0;
        let mut digits = 0;
        while let Some(&b) = rest.get(digits)
            && b.is_ascii_digit()
        {
            n = n.checked_mul(10)?.checked_add(usize::from(b - b'0'))?;
            digits += 1;
        }
        if digits == 0 || (digits > 1 && rest[0] == b'0') {
            return None;
        }
        self.i += digits;
        Some(n)
    }

    /// One of the identifiers in `names`, by position: a name followed by a byte that
    /// cannot continue an identifier.
    #[inline(always)]
    fn ident(&mut self, names: &[&str]) -> Option<usize> {
        let rest = self.rest();
        let k = names.iter().position(|n| {
            rest.starts_with(n.as_bytes())
                && rest
                    .get(n.len())
                    .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        })?;
        self.i += names[k].len();
        Some(k)
    }

    /// A string literal as `push_str_lit` writes it: borrowed from the text unless it
    /// holds an escape.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.lit("\"")?;
        let bytes = self.b;
        // Filled from the first escape on.
        let mut out: Option<String> = None;
        let mut run = self.i;
        loop {
            // Most bytes of a sentence need no look: skip them sixteen at a time, then one
            // at a time up to the next byte that does.
            while let Some(chunk) = bytes.get(self.i..self.i + 16) {
                let mask = special_mask(chunk.try_into().unwrap_or([0; 16]));
                if mask != 0 {
                    self.i += mask.trailing_zeros() as usize;
                    break;
                }
                self.i += 16;
            }
            while bytes.get(self.i).is_some_and(|&b| !SPECIAL[usize::from(b)]) {
                self.i += 1;
            }
            let b = *bytes.get(self.i)?;
            match b {
                b'"' => {
                    let tail = self.text(run, self.i)?;
                    self.i += 1;
                    return Some(match out {
                        None => Cow::Borrowed(tail),
                        Some(mut o) => {
                            o.push_str(tail);
                            Cow::Owned(o)
                        }
                    });
                }
                b'\\' => {
                    let o = out.get_or_insert_with(String::new);
                    o.push_str(self.text(run, self.i)?);
                    self.i += 1;
                    o.push(self.escape()?);
                    run = self.i;
                }
                0x00..=0x1f | 0x7f => return None,
                // Lead bytes of the characters the writer escapes (C1 controls, line and
                // paragraph separators, bidi controls, BOM); the input is valid UTF-8, so
                // anything else is copied as is.
                0xc2 if self.rest().get(1).is_none_or(|&n| n < 0xa0) => return None,
                // Three-byte characters (’, —, … are common in news text): the escaped ones
                // are told by their bytes, without decoding ([`escaped_three_byte`]).
                0xe2 | 0xef => {
                    let seq = bytes.get(self.i..self.i + 3)?;
                    if escaped_three_byte(seq) {
                        return None;
                    }
                    self.i += 3;
                }
                _ => self.i += 1,
            }
        }
    }

    /// The escape after a backslash; only those `push_str_lit` writes.
    fn escape(&mut self) -> Option<char> {
        let b = *self.rest().first()?;
        self.i += 1;
        match b {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            b'u' => {
                self.lit("{")?;
                let hex = self
                    .rest()
                    .iter()
                    .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(*b))
                    .count();
                if hex == 0 || hex > 6 || (hex > 1 && self.rest()[0] == b'0') {
                    return None;
                }
                let v = u32::from_str_radix(self.text(self.i, self.i + hex)?, 16).ok()?;
                self.i += hex;
                self.lit("}")?;
                // Only what the writer escapes: anything else was written by hand.
                char::from_u32(v).filter(|&c| needs_escape(c) && !"\"\\\n\r\t".contains(c))
            }
            _ => None,
        }
    }

    /// `    (…),\n` lines up to and including `  ],\n`.
    fn records(&mut self) -> Option<Vec<RecordRef<'a>>> {
        // One record per line: sized once rather than grown (and copied) a dozen times.
        let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', self.rest()).count());
        while !self.try_lit("  ],\n") {
            self.lit("    ")?;
            out.push(self.record()?);
            self.lit(",\n")?;
        }
        Some(out)
    }

    /// [`Cursor::records`] for [`visit_exact`].
    fn exact_records<'d>(
        &mut self,
        sentence: &mut impl FnMut(usize, usize) -> Option<Expected<'d>>,
        each: &mut impl FnMut(usize, Label, Cow<'a, str>, Option<Cow<'a, str>>) -> Option<()>,
    ) -> Option<()> {
        while !self.try_lit("  ],\n") {
            self.lit("    ")?;
            let r = self.record_head()?;
            let (k, want, as_is) = sentence(r.start, r.end)?;
            let rest = self.rest();
            if as_is
                && rest.starts_with(b"\"")
                && rest[1..].starts_with(want.as_bytes())
                && rest.get(1 + want.len()) == Some(&b'"')
            {
                self.i += want.len() + 2;
            } else if self.string()? != want {
                return None;
            }
            self.lit("),\n")?;
            each(k, r.label, r.at, r.note)?;
        }
        Some(())
    }

    /// One `record_line`, fields in the order it writes them.
    fn record(&mut self) -> Option<RecordRef<'a>> {
        let mut r = self.record_head()?;
        r.text = self.string()?;
        self.lit(")")?;
        Some(r)
    }

    /// A record up to and including `, text: `; its text is left empty.
    fn record_head(&mut self) -> Option<RecordRef<'a>> {
        self.lit("(start: ")?;
        let start = self.num()?;
        self.lit(", end: ")?;
        let end = self.num()?;
        self.lit(", label: ")?;
        let label = Label::ALL[self.ident(&Label::RON_NAMES)?];
        self.lit(", how: ")?;
        let how = How::ALL[self.ident(&How::RON_NAMES)?];
        let model = self.some(", model: ")?;
        self.lit(", at: ")?;
        let at = self.string()?;
        let note = self.some(", note: ")?;
        let note_at = self.some(", note_at: ")?;
        let mut agreed = Vec::new();
        if self.try_lit(", agreed: [") {
            loop {
                agreed.push(self.string()?);
                if self.try_lit("]") {
                    break;
                }
                self.lit(", ")?;
            }
        }
        let adjudicator = self.some(", adjudicator: ")?;
        self.lit(", text: ")?;
        Some(RecordRef {
            start,
            end,
            text: Cow::Borrowed(""),
            label,
            at,
            how,
            note,
            note_at,
            model,
            agreed,
            adjudicator,
        })
    }

    /// The optional `  status: Some(…),` line: `Some(None)` when absent, `None` when
    /// malformed.
    fn status(&mut self) -> Option<Option<DocStatus>> {
        if !self.try_lit("  status: Some(") {
            return Some(None);
        }
        let st = match self.ident(&["Done", "Flagged"])? {
            0 => {
                self.lit("(at: ")?;
                DocStatus::Done {
                    at: self.string()?.into_owned(),
                }
            }
            _ => {
                self.lit("(reason: ")?;
                let reason = self.string()?.into_owned();
                self.lit(", at: ")?;
                DocStatus::Flagged {
                    reason,
                    at: self.string()?.into_owned(),
                }
            }
        };
        self.lit(")),\n")?;
        Some(Some(st))
    }

    /// An optional `, field: Some("…")`: `Some(None)` when absent, `None` when malformed.
    #[inline(always)]
    fn some(&mut self, field: &str) -> Option<Option<Cow<'a, str>>> {
        if !self.try_lit(field) {
            return Some(None);
        }
        self.lit("Some(")?;
        let s = self.string()?;
        self.lit(")")?;
        Some(Some(s))
    }
}

/// Whether the UTF-8 sequence `seq` (three bytes, led by 0xe2 or 0xef) is a character
/// [`needs_escape`]: U+2028..U+202E (e2 80 a8..ae), U+2066..U+2069 (e2 81 a6..a9) and
/// U+FEFF (ef bb bf). No control character has such a lead byte.
fn escaped_three_byte(seq: &[u8]) -> bool {
    matches!(
        seq,
        [0xe2, 0x80, 0xa8..=0xae] | [0xe2, 0x81, 0xa6..=0xa9] | [0xef, 0xbb, 0xbf]
    )
}

/// Characters `push_str_lit` never writes raw.
pub(super) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte test agrees with `needs_escape` on every character led by 0xe2 or 0xef.
    #[test]
    fn three_byte_escapes_are_told_by_their_bytes() {
        let mut seen = 0;
        for c in ('\u{800}'..='\u{ffff}').filter(|c| !c.is_control()) {
            let mut buf = [0; 4];
            let seq = c.encode_utf8(&mut buf).as_bytes();
            if seq.len() == 3 && matches!(seq[0], 0xe2 | 0xef) {
                assert_eq!(escaped_three_byte(seq), needs_escape(c), "{c:?}");
                seen += 1;
            }
        }
        assert_eq!(seen, 2 * 4096);
        assert!(escaped_three_byte("\u{2028}".as_bytes()));
        assert!(!escaped_three_byte("’".as_bytes()));
    }

    #[test]
    fn the_sixteen_byte_mask_is_the_table() {
        for b in 0..=255u8 {
            for pos in 0..16 {
                for fill in [b'a', 0xc3, 0x20, 0x80, 0xff, 0x00, 0x1f, 0xe2] {
                    let mut bytes = [fill; 16];
                    bytes[pos] = b;
                    let want = bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| SPECIAL[usize::from(**b)])
                        .fold(0u32, |m, (k, _)| m | 1 << k);
                    assert_eq!(special_mask(bytes), want, "{b:#x} at {pos} in {fill:#x}");
                }
            }
        }
        assert_eq!(special_mask(*b"abcdefghijklmnop"), 0);
        let fr: [u8; 16] = "éèàçôûÉÈ".as_bytes()[..16].try_into().unwrap();
        assert_eq!(special_mask(fr), 0);
    }
}
