//! Character classes the segmenter consults at candidate boundaries. The sentence
//! terminals are UAX#29's `STerm` and `ATerm` classes (the same data as
//! `unicode-segmentation`, which does not export it); a test keeps the two in step.

/// UAX#29 `STerm` ∪ `ATerm` (Unicode 16), as sorted inclusive ranges.
const TERMINALS: &[(char, char)] = &[
    ('\u{21}', '\u{21}'),
    ('\u{2e}', '\u{2e}'),
    ('\u{3f}', '\u{3f}'),
    ('\u{589}', '\u{589}'),
    ('\u{61d}', '\u{61f}'),
    ('\u{6d4}', '\u{6d4}'),
    ('\u{700}', '\u{702}'),
    ('\u{7f9}', '\u{7f9}'),
    ('\u{837}', '\u{837}'),
    ('\u{839}', '\u{839}'),
    ('\u{83d}', '\u{83e}'),
    ('\u{964}', '\u{965}'),
    ('\u{104a}', '\u{104b}'),
    ('\u{1362}', '\u{1362}'),
    ('\u{1367}', '\u{1368}'),
    ('\u{166e}', '\u{166e}'),
    ('\u{1735}', '\u{1736}'),
    ('\u{17d4}', '\u{17d5}'),
    ('\u{1803}', '\u{1803}'),
    ('\u{1809}', '\u{1809}'),
    ('\u{1944}', '\u{1945}'),
    ('\u{1aa8}', '\u{1aab}'),
    ('\u{1b4e}', '\u{1b4f}'),
    ('\u{1b5a}', '\u{1b5b}'),
    ('\u{1b5e}', '\u{1b5f}'),
    ('\u{1b7d}', '\u{1b7f}'),
    ('\u{1c3b}', '\u{1c3c}'),
    ('\u{1c7e}', '\u{1c7f}'),
    ('\u{2024}', '\u{2024}'),
    ('\u{203c}', '\u{203d}'),
    ('\u{2047}', '\u{2049}'),
    ('\u{2cf9}', '\u{2cfb}'),
    ('\u{2e2e}', '\u{2e2e}'),
    ('\u{2e3c}', '\u{2e3c}'),
    ('\u{2e53}', '\u{2e54}'),
    ('\u{3002}', '\u{3002}'),
    ('\u{a4ff}', '\u{a4ff}'),
    ('\u{a60e}', '\u{a60f}'),
    ('\u{a6f3}', '\u{a6f3}'),
    ('\u{a6f7}', '\u{a6f7}'),
    ('\u{a876}', '\u{a877}'),
    ('\u{a8ce}', '\u{a8cf}'),
    ('\u{a92f}', '\u{a92f}'),
    ('\u{a9c8}', '\u{a9c9}'),
    ('\u{aa5d}', '\u{aa5f}'),
    ('\u{aaf0}', '\u{aaf1}'),
    ('\u{abeb}', '\u{abeb}'),
    ('\u{fe12}', '\u{fe12}'),
    ('\u{fe15}', '\u{fe16}'),
    ('\u{fe52}', '\u{fe52}'),
    ('\u{fe56}', '\u{fe57}'),
    ('\u{ff01}', '\u{ff01}'),
    ('\u{ff0e}', '\u{ff0e}'),
    ('\u{ff1f}', '\u{ff1f}'),
    ('\u{ff61}', '\u{ff61}'),
    ('\u{10a56}', '\u{10a57}'),
    ('\u{10f55}', '\u{10f59}'),
    ('\u{10f86}', '\u{10f89}'),
    ('\u{11047}', '\u{11048}'),
    ('\u{110be}', '\u{110c1}'),
    ('\u{11141}', '\u{11143}'),
    ('\u{111c5}', '\u{111c6}'),
    ('\u{111cd}', '\u{111cd}'),
    ('\u{111de}', '\u{111df}'),
    ('\u{11238}', '\u{11239}'),
    ('\u{1123b}', '\u{1123c}'),
    ('\u{112a9}', '\u{112a9}'),
    ('\u{113d4}', '\u{113d5}'),
    ('\u{1144b}', '\u{1144c}'),
    ('\u{115c2}', '\u{115c3}'),
    ('\u{115c9}', '\u{115d7}'),
    ('\u{11641}', '\u{11642}'),
    ('\u{1173c}', '\u{1173e}'),
    ('\u{11944}', '\u{11944}'),
    ('\u{11946}', '\u{11946}'),
    ('\u{11a42}', '\u{11a43}'),
    ('\u{11a9b}', '\u{11a9c}'),
    ('\u{11c41}', '\u{11c42}'),
    ('\u{11ef7}', '\u{11ef8}'),
    ('\u{11f43}', '\u{11f44}'),
    ('\u{16a6e}', '\u{16a6f}'),
    ('\u{16af5}', '\u{16af5}'),
    ('\u{16b37}', '\u{16b38}'),
    ('\u{16b44}', '\u{16b44}'),
    ('\u{16d6e}', '\u{16d6f}'),
    ('\u{16e98}', '\u{16e98}'),
    ('\u{1bc9f}', '\u{1bc9f}'),
    ('\u{1da88}', '\u{1da88}'),
];

/// A sentence terminal for UAX#29, or the ellipsis `…` (which UAX#29 leaves out but
/// French news uses as one).
pub fn is_terminal(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '.' | '!' | '?');
    }
    c == '…'
        || TERMINALS
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

/// UAX#29's full-stop class (`ATerm`): the terminals that abbreviations also use.
pub fn is_full_stop(c: char) -> bool {
    matches!(c, '.' | '\u{2024}' | '\u{fe52}' | '\u{ff0e}')
}

/// The first byte of a character's UTF-8 encoding.
const fn lead_byte(c: char) -> u8 {
    let c = c as u32;
    if c < 0x80 {
        c as u8
    } else if c < 0x800 {
        0xC0 | (c >> 6) as u8
    } else if c < 0x10000 {
        0xE0 | (c >> 12) as u8
    } else {
        0xF0 | (c >> 18) as u8
    }
}

/// Bytes that may start a terminal (or `:`, `;`); every other byte is skipped unread by
/// the in-line scan.
pub static CANDIDATE_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < TERMINALS.len() {
        t[lead_byte(TERMINALS[i].0) as usize] = true;
        t[lead_byte(TERMINALS[i].1) as usize] = true;
        i += 1;
    }
    t[lead_byte('…') as usize] = true;
    t[b':' as usize] = true;
    t[b';' as usize] = true;
    t
};

/// The lowest non-ASCII byte [`CANDIDATE_BYTE`] holds: the in-line scan looks sixteen
/// bytes at a time for its ASCII candidates and for bytes from this one up.
pub const LOWEST_CANDIDATE_LEAD: u8 = {
    let mut b = 0x80;
    while !CANDIDATE_BYTE[b] {
        b += 1;
    }
    b as u8
};

// Above the lead bytes of Latin letters (é is C3 A9), which the scan then skips unread.
const _: () = assert!(LOWEST_CANDIDATE_LEAD > 0xc3);

/// The ASCII bytes of [`CANDIDATE_BYTE`].
pub const ASCII_CANDIDATES: &[u8] = b"!.?:;";

/// Characters that close a quotation or a parenthesis and stay with the sentence they end.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '»' | '›'
            | '”'
            | '’'
            | '"'
            | '\''
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '〉'
            | '》'
            | '】'
            | '〕'
    )
}

/// Characters that may open a sentence before its first word: quotes, brackets, dashes.
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '«' | '‹'
            | '“'
            | '‘'
            | '"'
            | '\''
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '-'
            | '*'
            | '「'
            | '『'
            | '（'
            | '„'
    )
}

/// A pictograph or symbol that may open a sentence glued to the terminal before it
/// (`chaos..⏱ Temps de lecture`): technical symbols, dingbats, emoji.
pub fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{2300}'..='\u{23ff}' | '\u{2600}'..='\u{27bf}' | '\u{1f300}'..='\u{1faff}')
}

/// Whitespace inside a line (line terminators never reach the in-line scan).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The character starting at byte `i` (`i` on a char boundary, `i < s.len()`).
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// The character ending at byte `i` (`i` on a char boundary).
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|r| r.chars().next_back())
}

/// Skips in-line whitespace from `i`, up to `end`.
pub fn skip_spaces(s: &str, mut i: usize, end: usize) -> usize {
    let b = s.as_bytes();
    while i < end {
        if matches!(b[i], b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            i += 1;
        } else if b[i] < 0x80 {
            break;
        } else {
            match char_at(s, i) {
                Some(c) if is_space(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn terminals_match_uax29() {
        // Outside line breaks, UAX#29 only breaks after a terminal: "x? Y" splits iff ? is one.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_whitespace() || c == '…' {
                continue;
            }
            let s = format!("x{c} Y");
            let uax = s.split_sentence_bounds().count() == 2;
            assert_eq!(is_terminal(c), uax, "U+{:04X}", c as u32);
        }
        assert!(is_terminal('…'));
    }

    #[test]
    fn the_fast_scan_sees_every_candidate_byte() {
        for b in 0..=255u8 {
            if CANDIDATE_BYTE[b as usize] {
                assert!(
                    ASCII_CANDIDATES.contains(&b) || b >= LOWEST_CANDIDATE_LEAD,
                    "{b:#x}"
                );
            }
        }
        for &b in ASCII_CANDIDATES {
            assert!(CANDIDATE_BYTE[b as usize]);
        }
    }

    #[test]
    fn every_terminal_lead_byte_is_a_candidate() {
        for &(lo, hi) in TERMINALS {
            for c in (lo as u32..=hi as u32).filter_map(char::from_u32) {
                let mut buf = [0u8; 4];
                assert!(CANDIDATE_BYTE[c.encode_utf8(&mut buf).as_bytes()[0] as usize]);
            }
        }
    }
}
