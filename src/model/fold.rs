//! Text search that ignores case and accents: `etat` finds "l'État", `regi` finds
//! "régions". Both sides are folded (canonical decomposition, combining marks dropped,
//! lower-cased, typographic apostrophes made plain), and a match is mapped back to byte
//! offsets into the original text, so it can be highlighted there.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `s` folded: what [`find`] compares.
pub fn fold(s: &str) -> String {
    fold_with_offsets(s, 0).0
}

/// `hay` folded, with the byte offset in `hay` (plus `base`) of the character each folded
/// byte came from.
fn fold_with_offsets(hay: &str, base: usize) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(hay.len());
    let mut from = Vec::with_capacity(hay.len());
    for (i, c) in hay.char_indices() {
        for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
            let d = match d {
                '’' | '‘' | 'ʼ' => '\'',
                _ => d,
            };
            for l in d.to_lowercase() {
                let before = out.len();
                out.push(l);
                from.extend(std::iter::repeat_n(base + i, out.len() - before));
            }
        }
    }
    (out, from)
}

/// The first place `needle` occurs in `hay`, ignoring case and accents: `[start, end)` byte
/// offsets into `hay`, on character boundaries. An empty needle matches nothing.
pub fn find(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let needle = fold(needle);
    if needle.is_empty() {
        return None;
    }
    // A unit of megabytes is folded a window at a time, so a search costs memory by the
    // window, not by the unit (the folded text keeps an offset per byte). Windows overlap
    // by more than a match can span, so none is missed, and the first is found first.
    let overlap = 4 * needle.len() + 256;
    let mut from = 0;
    loop {
        let to = hay.ceil_char_boundary(from + WINDOW.max(2 * overlap));
        if let Some((s, e)) = find_in(&hay[from..to], &needle) {
            return Some((from + s, from + e));
        }
        if to == hay.len() {
            return None;
        }
        from = hay.floor_char_boundary(to - overlap);
    }
}

/// How much of a text [`find`] folds at a time.
const WINDOW: usize = 1 << 20;

/// [`find`] in one window, with the needle folded.
fn find_in(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let (folded, from) = fold_with_offsets(hay, 0);
    let at = folded.find(needle)?;
    let start = from[at];
    let last = from[at + needle.len() - 1];
    let end = last + hay[last..].chars().next().map_or(0, char::len_utf8);
    Some((start, end))
}

/// Whether `hay` contains `needle` (already folded with [`fold`]).
pub fn contains_folded(hay: &str, folded_needle: &str) -> bool {
    !folded_needle.is_empty() && fold(hay).contains(folded_needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_across_windows_is_found_with_its_offsets() {
        let mut hay = "é".repeat(WINDOW / 2 - 3);
        hay.push_str("l'État dit");
        let (s, e) = find(&hay, "ETAT DIT").unwrap();
        assert_eq!(&hay[s..e], "État dit");
        assert!(
            s < WINDOW && e > WINDOW,
            "{s}..{e} straddles the first window's end"
        );
        assert_eq!(find(&hay, "état"), Some((s, s + "État".len())));
        assert_eq!(find(&hay, "absent"), None);
        // The first of two matches, the second in a later window.
        hay.push_str(&"x".repeat(3 * WINDOW));
        hay.push_str("État");
        assert_eq!(find(&hay, "etat").map(|m| m.0), Some(s));
    }

    #[test]
    fn case_and_accents_are_ignored_and_offsets_point_into_the_original() {
        let t = "Le rôle de l’État dans les régions";
        let (s, e) = find(t, "etat").unwrap();
        assert_eq!(&t[s..e], "État");
        let (s, e) = find(t, "REGI").unwrap();
        assert_eq!(&t[s..e], "régi");
        let (s, e) = find(t, "l'état").unwrap();
        assert_eq!(&t[s..e], "l’État");
        assert_eq!(find(t, "zzz"), None);
        assert_eq!(find(t, ""), None);
        // a decomposed accent in the text is one character with its mark
        let d = "Re\u{301}gion";
        assert_eq!(find(d, "reg"), Some((0, d.len() - 3)));
        // a needle with accents finds the text without
        assert_eq!(find("Etat", "État"), Some((0, 4)));
        assert!(contains_folded("Ségou", &fold("SEGOU")));
        assert!(!contains_folded("Ségou", ""));
    }

    #[test]
    fn a_match_ending_in_a_multibyte_character_ends_after_it() {
        let t = "déjà vu";
        let (s, e) = find(t, "DEJA").unwrap();
        assert_eq!(&t[s..e], "déjà");
    }
}
