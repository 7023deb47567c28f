//! The JSON pieces of an exported row, written straight into a byte buffer. A JSONL
//! export is mostly sentence text, and serde_json escapes it a byte at a time; this copies
//! the runs between the bytes JSON escapes and writes exactly what serde_json writes.

use crate::store::bytescan::plain_prefix;

/// Appends `s` as a JSON string, escaped as serde_json escapes it: `"` and `\`, the short
/// forms `\b \t \n \f \r`, `\u00xx` for other controls, everything else as is.
pub fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escaped(out, s);
    out.push(b'"');
}

/// [`string`] without the quotes.
pub fn escaped(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    loop {
        let n = plain_prefix(rest, b"\"\\", 0x20, 0);
        out.extend_from_slice(&rest[..n]);
        let Some(&b) = rest.get(n) else { return };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
        rest = &rest[n + 1..];
    }
}

/// Appends an unsigned integer.
pub fn uint(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// Appends a float as serde_json does: the shortest form that reads back the same, and
/// `null` for NaN and infinities.
pub fn float(out: &mut Vec<u8>, x: f64) {
    if x.is_finite() {
        out.extend_from_slice(ryu::Buffer::new().format_finite(x).as_bytes());
    } else {
        out.extend_from_slice(b"null");
    }
}

/// Appends `items` as a JSON array of strings.
pub fn strings(out: &mut Vec<u8>, items: &[String]) {
    out.push(b'[');
    for (k, s) in items.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        string(out, s);
    }
    out.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_control_and_mark_is_escaped_as_serde_json_does() {
        let all: String = (0u8..0x80).map(char::from).collect();
        assert_eq!(ours(&all), serde_json::to_string(&all).unwrap());
        for s in [
            "",
            "plain",
            "« cité » l’été",
            "a\"b\\c",
            "\u{7f}\u{2028}\u{feff}é",
        ] {
            assert_eq!(ours(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        for x in [
            0.0,
            1.0,
            0.5,
            2.0 / 3.0,
            1e-7,
            123456789.0,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut out = Vec::new();
            float(&mut out, x);
            assert_eq!(out, serde_json::to_vec(&x).unwrap(), "{x}");
        }
        for n in [0usize, 7, 10, 123456, usize::MAX] {
            let mut out = Vec::new();
            uint(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
    }

    proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_does(s in "(\\PC|[\\x00-\\x1f\"\\\\])*") {
            prop_assert_eq!(ours(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn any_array_is_written_as_serde_json_does(v in proptest::collection::vec(".*", 0..4)) {
            let mut out = Vec::new();
            strings(&mut out, &v);
            prop_assert_eq!(out, serde_json::to_vec(&v).unwrap());
        }
    }
}
