//! Finding the few bytes a reader or writer must look at in text that is mostly plain:
//! sixteen bytes at a time. Sidecar strings and exported JSON strings are long runs of
//! ordinary bytes with an occasional quote, backslash or control character.

/// Bit `k` set when byte `k` of `chunk` is one of `bytes`, below `below` (`0`: none) or
/// at least `from` (`0`: none; the segmenter's non-ASCII terminals all have lead bytes
/// high in the range). Inlined so that the sets are constants where it is used.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub fn mask16(chunk: [u8; 16], bytes: &[u8], below: u8, from: u8) -> u32 {
    use std::arch::x86_64::*;
    let lo = i64::from_le_bytes([
        chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
    ]);
    let hi = i64::from_le_bytes([
        chunk[8], chunk[9], chunk[10], chunk[11], chunk[12], chunk[13], chunk[14], chunk[15],
    ]);
    // SAFETY: these intrinsics only need SSE2, which every x86-64 processor has (it is in
    // the target's baseline); they touch no memory.
    unsafe {
        let v = _mm_set_epi64x(hi, lo);
        let mut any = if below > 0 {
            // Unsigned `v < below` is `min(v, below - 1) == v`.
            _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8((below - 1) as i8)), v)
        } else {
            _mm_setzero_si128()
        };
        if from > 0 {
            // Unsigned `v >= from` is `max(v, from) == v`.
            any = _mm_or_si128(
                any,
                _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(from as i8)), v),
            );
        }
        for &b in bytes {
            any = _mm_or_si128(any, _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8)));
        }
        _mm_movemask_epi8(any) as u32
    }
}

/// [`mask16`] a byte at a time elsewhere.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
pub fn mask16(chunk: [u8; 16], bytes: &[u8], below: u8, from: u8) -> u32 {
    (0..16)
        .filter(|&k| is_marked(chunk[k], bytes, below, from))
        .fold(0, |m, k| m | 1 << k)
}

/// What [`mask16`] marks, for one byte.
#[inline(always)]
fn is_marked(b: u8, bytes: &[u8], below: u8, from: u8) -> bool {
    b < below || (from > 0 && b >= from) || bytes.contains(&b)
}

/// Bit `k` set when byte `k` of `chunk` lies in `lo..=hi`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub fn range16(chunk: [u8; 16], lo: u8, hi: u8) -> u32 {
    use std::arch::x86_64::*;
    let v = u128::from_le_bytes(chunk);
    // SAFETY: SSE2 only, in the x86-64 baseline; no memory is touched.
    unsafe {
        let v = _mm_set_epi64x((v >> 64) as i64, v as i64);
        // `lo <= v <= hi` is `v - lo <= hi - lo` unsigned, that is `min(v - lo, hi - lo)
        // == v - lo`.
        let d = _mm_sub_epi8(v, _mm_set1_epi8(lo as i8));
        let m = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(hi.wrapping_sub(lo) as i8)), d);
        _mm_movemask_epi8(m) as u32
    }
}

/// [`range16`] a byte at a time elsewhere.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
pub fn range16(chunk: [u8; 16], lo: u8, hi: u8) -> u32 {
    (0..16)
        .filter(|&k| (lo..=hi).contains(&chunk[k]))
        .fold(0, |m, k| m | 1 << k)
}

/// Length of the longest prefix of `s` with no byte that `mask16(…, bytes, below, from)`
/// marks.
#[inline(always)]
pub fn plain_prefix(s: &[u8], bytes: &[u8], below: u8, from: u8) -> usize {
    let mut i = 0;
    while let Some(chunk) = s.get(i..i + 16) {
        let m = mask16(chunk.try_into().unwrap_or([0; 16]), bytes, below, from);
        if m != 0 {
            return i + m.trailing_zeros() as usize;
        }
        i += 16;
    }
    while s.get(i).is_some_and(|&b| !is_marked(b, bytes, below, from)) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_mask_marks_exactly_the_range() {
        for (lo, hi) in [
            (b'A', b'Z'),
            (b'a', 0xff),
            (0, 0x7f),
            (0xc3, 0xc3),
            (0x80, 0x9f),
        ] {
            for start in (0..=255u8).step_by(16) {
                let chunk: [u8; 16] = std::array::from_fn(|k| start + k as u8);
                let want = (0..16)
                    .filter(|&k| (lo..=hi).contains(&chunk[k]))
                    .fold(0, |m, k| m | 1 << k);
                assert_eq!(range16(chunk, lo, hi), want, "{lo} {hi} {start}");
            }
        }
    }

    fn marked(b: u8, bytes: &[u8], below: u8, from: u8) -> bool {
        b < below || (from > 0 && b >= from) || bytes.contains(&b)
    }

    #[test]
    fn the_mask_marks_exactly_the_asked_bytes() {
        let sets: [(&[u8], u8, u8); 6] = [
            (b"\"\\", 0x20, 0),
            (b"\"\\\x7f\xc2\xe2\xef", 0x20, 0),
            (b"a", 0, 0),
            (b"!.?", 0, 0xd6),
            (b"", 0, 0x80),
            (b"", 0x10, 0xff),
        ];
        for (bytes, below, from) in sets {
            for b in 0..=255u8 {
                for pos in 0..16 {
                    for fill in [
                        b'a', b'z', 0xc3, 0x20, 0x80, 0xff, 0x00, 0x1f, 0xe2, 0xd5, 0xd6,
                    ] {
                        let mut chunk = [fill; 16];
                        chunk[pos] = b;
                        let want = (0..16)
                            .filter(|&k| marked(chunk[k], bytes, below, from))
                            .fold(0u32, |m, k| m | 1 << k);
                        assert_eq!(mask16(chunk, bytes, below, from), want, "{b:#x} at {pos}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_plain_prefix_stops_at_the_first_marked_byte() {
        let text = "une phrase assez longue, « citée » et l’autre \"ici\" puis\tfin. Ֆ ։ 。 ok";
        for (bytes, below, from) in [(&b"\"\\"[..], 0x20, 0), (b".", 0, 0xd6)] {
            for start in 0..text.len() {
                let s = &text.as_bytes()[start..];
                let want = s
                    .iter()
                    .position(|&b| marked(b, bytes, below, from))
                    .unwrap_or(s.len());
                assert_eq!(plain_prefix(s, bytes, below, from), want, "from {start}");
            }
        }
        assert_eq!(plain_prefix(b"", b"\"", 0x20, 0), 0);
        assert_eq!(plain_prefix(&[b'x'; 40], b"\"", 0x20, 0), 40);
    }
}
