//! Photo captions, credits and notes: lines that describe a picture or credit it, told
//! by their marks (`Photo :`, `©`, an image file, a credit in brackets at the line's end).

use crate::nlp::highlight::tokens::Tok;
use crate::nlp::lexicon::flag;

/// Whether the unit `s` (`text[start..end]`, tokens `toks`) is a caption, a credit or a
/// note, or stands on a caption's line.
pub fn is_caption(text: &str, s: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    marked(text, s, toks)
        || credited_line(text, start, end)
        || above_credit(text, start, end)
        || (credit_without_colon(s) && crate::nlp::suggest::skip::whole_line(text, start, end))
}

/// A credit line without its colon (`Photo S. M.`, `Photo Julien Berthet`, `Crédit AFP`):
/// a credit word, then one to five words of a name or initials, nothing else.
fn credit_without_colon(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    // Every unit is tried: the first word is compared without a lower-cased copy.
    if !CREDITS.iter().any(|c| c.eq_ignore_ascii_case(first)) {
        return false;
    }
    let name = |w: &str| {
        w.starts_with(char::is_uppercase)
            || matches!(w, "/" | "de" | "du" | "le" | "la" | "for" | "of" | "the")
    };
    let mut n = 0;
    words.take(6).all(|w| {
        n += 1;
        name(w)
    }) && (1..=5).contains(&n)
}

/// Whether the unit is a whole short line whose next line with text is a photo credit
/// (`Agnes Thorley at her drawing board in 1963.` above `Photograph: East Lindmoor
/// Drainage Board archive`): the caption the credit goes with.
fn above_credit(text: &str, start: usize, end: usize) -> bool {
    if end - start > CAPTION_REACH {
        return false;
    }
    if !crate::nlp::suggest::skip::whole_line(text, start, end) {
        return false;
    }
    // The unit ends its line: what follows, blank lines aside, is the next line.
    let next = text[end..].trim_start();
    let next_line = next.split('\n').next().unwrap_or("").trim_end();
    if next_line.len() <= CAPTION_REACH && credit_without_colon(next_line) {
        return true;
    }
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    CREDITS.contains(&word.as_str()) && next[word.len()..].trim_start().starts_with(':')
}

/// File names of images: a caption or a credit line.
const IMAGE_FILES: [&str; 6] = [".jpg", ".jpeg", ".png", ".gif", ".svg", ".tif"];

/// Whether `s` holds an image file extension (`.JPG` too). Compared without building a
/// lower-cased copy of the sentence, which cost a twentieth of the analysis: no
/// character lower-cases to the ASCII letters of these extensions but themselves.
fn image_file(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'.', b).any(|at| {
        IMAGE_FILES.iter().any(|e| {
            b.get(at..at + e.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(e.as_bytes()))
        })
    })
}

/// A caption, credit or note line: `Fichier : … | …`, `Photo : AFP`, an image file name,
/// a copyright line, a numbered note of an encyclopedia.
fn marked(text: &str, s: &str, toks: &[Tok]) -> bool {
    // `© AFP`, `Copyright 2024 CNW.`, and an encyclopedia's notes (`↑ Archives …`).
    if s.starts_with(['©', '↑']) {
        return true;
    }
    if toks.len() <= 12 && toks.first().is_some_and(|t| t.norm == "copyright") {
        return true;
    }
    if image_file(s) {
        return true;
    }
    toks.first().is_some_and(|t| {
        t.cap && t.is(flag::CAPTION) && text[t.end..].trim_start().starts_with(':')
    })
}

/// The most bytes a photo caption's line holds on each side of one of its units.
const CAPTION_REACH: usize = 300;

/// Words that open a photo credit in brackets at the end of a caption's line.
const CREDITS: [&str; 12] = [
    "photo",
    "photos",
    "photograph",
    "courtesy",
    "credit",
    "crédit",
    "crédits",
    "illustration",
    "image",
    "dr",
    "©",
    "archives",
];

/// Whether the unit `[start, end)` stands on a short line that ends in a photo credit in
/// brackets (`Traffic crosses the bridge on Monday. (Photo: Ken Oduya / The Ledger)`,
/// `Roger Maillet dans son studio, en 2009. (Photo archives H. C.)`): the line is a
/// caption, its sentences too; so is a photographer for an outlet in brackets
/// (`(Ben Osei for The Coastal Review)`) or a copyright after the stop (`… maquette. ©
/// Photo S. B.`). Every unit of such lines in the references is skip.
fn credited_line(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let hi = text.floor_char_boundary((end + CAPTION_REACH).min(text.len()));
    let le = memchr::memchr(b'\n', &b[end..hi])
        .map_or((hi == text.len()).then_some(hi), |i| Some(end + i));
    let Some(le) = le else {
        return false;
    };
    let line_end = text[..le].trim_end();
    // `… sous forme de maquette. © Photo S. B.`: a copyright after the caption's stop.
    let tail = &line_end[line_end.floor_char_boundary(line_end.len().saturating_sub(60))..];
    let copyright = tail.contains(". ©") || initials_after_stop(line_end);
    if !line_end.ends_with(')') && !copyright {
        return false;
    }
    let lo = text.floor_char_boundary(start.saturating_sub(CAPTION_REACH));
    if lo > 0 && memchr::memrchr(b'\n', &b[lo..start]).is_none() {
        return false;
    }
    if copyright {
        return true;
    }
    let Some(open) = line_end.rfind('(') else {
        return false;
    };
    let inside = &line_end[open + 1..];
    let word = inside
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ')'))
        .next()
        .unwrap_or("")
        .to_lowercase();
    CREDITS.contains(&word.as_str()) || inside.starts_with('©') || photographer(inside)
}

/// Whether a line ends in a photographer's initials after its stop (`Des déplacées
/// attendent une distribution de vivres, le 19 février 2025. A. C.`): one to three
/// initials (`N.`, `J.-P.`), the word before them ending a sentence.
fn initials_after_stop(line: &str) -> bool {
    let initial = |w: &str| {
        w.split('-').all(|p| {
            let mut c = p.chars();
            c.next().is_some_and(char::is_uppercase) && c.as_str() == "."
        })
    };
    let words = || line.split_whitespace().rev();
    let n = words().take(4).take_while(|w| initial(w)).count();
    (1..=3).contains(&n)
        && words()
            .nth(n)
            .is_some_and(|w| w.ends_with('.') && !initial(w) && w.chars().count() > 3)
}

/// A photographer and the outlet that credits the photo, in brackets: `Ben Osei for The
/// Coastal Review)`, `Karen Holt/Millbrook Courier)`: a few capitalised words around
/// `for` or a slash, nothing else.
fn photographer(inside: &str) -> bool {
    let inside = inside.trim_end_matches(')');
    let words: Vec<&str> = inside.split_whitespace().collect();
    let joined = inside.contains(" for ") || inside.contains('/');
    let named = words.iter().all(|w| {
        w.starts_with(char::is_uppercase)
            || w.contains('/')
            || matches!(*w, "for" | "the" | "of" | "de" | "du" | "la" | "le" | "/")
    });
    joined && named && (2..=8).contains(&words.len()) && words[0].starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_files_are_found_in_any_case_and_only_as_extensions() {
        for s in ["Sahel_carte.JPG", "vue.jpeg |", "logo.Svg", "x.tif."] {
            assert!(image_file(s), "{s}");
        }
        for s in ["Il a dit jpg.", "x.jp", "point.pn g", ".tİf"] {
            assert!(!image_file(s), "{s}");
        }
    }

    #[test]
    fn a_caption_is_told_by_the_credit_below_or_after_it() {
        let cap = |text: &str, unit: &str| {
            let a = text.find(unit).expect("unit");
            credited_line(text, a, a + unit.len()) || above_credit(text, a, a + unit.len())
        };
        let above = "By Martin Feld\n\nAgnes Thorley at her desk in 1963.\n\n\
                     Photograph: Drainage Board archive\n\nAgnes Thorley has died.\n";
        assert!(cap(above, "Agnes Thorley at her desk in 1963."));
        assert!(!cap(above, "Agnes Thorley has died."));
        let initials =
            "Des déplacées attendent à Kougouri, le 19 février 2025. A. C.\n\nLe camp a doublé.\n";
        assert!(cap(
            initials,
            "Des déplacées attendent à Kougouri, le 19 février 2025."
        ));
        // A sentence naming someone by initials ends no caption.
        let prose = "Le conseil a entendu J.-P. M.\n\nIl a voté contre l'avis de M. B.\n";
        assert!(!cap(prose, "Il a voté contre l'avis de M. B."));
        assert!(initials_after_stop(
            "Le tribunal de Vannes, le 13 mars 2025. N. G."
        ));
        assert!(initials_after_stop("Au marché, samedi. J.-P. L."));
        // A credit without its colon, below its caption or alone.
        let below =
            "Le maire a coupé le ruban samedi.\nPhoto S. M.\n\nLa maison de santé ouvre lundi.\n";
        assert!(cap(below, "Le maire a coupé le ruban samedi."));
        assert!(!cap(below, "La maison de santé ouvre lundi."));
        assert!(credit_without_colon("Photo Julien Berthet"));
        assert!(!credit_without_colon("Photo exhibitions opened in May."));
        assert!(!credit_without_colon("Photo"));
        assert!(!initials_after_stop("Le maire a reçu J. K."));
    }
}
