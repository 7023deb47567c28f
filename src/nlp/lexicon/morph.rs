//! Word shapes: normalisation, a light stemmer and a regular-verb conjugator, so one
//! lexicon entry covers the inflected forms met in text.

use crate::nlp::lang::Lang;

/// Lower case with typographic apostrophes made straight.
pub fn norm(w: &str) -> String {
    w.trim().to_lowercase().replace(['’', 'ʼ', '`'], "'")
}

/// `c.is_alphanumeric()`, answered without Unicode tables for ASCII, accented Latin
/// letters and general punctuation (’ « — …): the characters of nearly every French or
/// English word boundary, checked for every character of every sentence analysed.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' => true,
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The words of a term or sentence, lower-cased: runs of letters and digits.
pub fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// A light stem for matching inflected cue words: strips the plural and, in French, the
/// feminine `e`, so one entry covers `inquiétant, inquiétante, inquiétants`.
pub fn stem(lang: Lang, w: &str) -> String {
    w[..stem_len(lang, w)].to_string()
}

/// Length in bytes of the stem of `w`, which is always a prefix of `w`.
pub fn stem_len(lang: Lang, w: &str) -> usize {
    stem_len_counted(lang, w, w.chars().take(5).count())
}

/// [`stem_len`] given how many characters `w` has, counted up to five: enough to tell
/// whether the word, and the word less one stripped letter, has more than three. The
/// tokenizer knows it for ASCII words without counting.
pub fn stem_len_counted(lang: Lang, w: &str, chars: usize) -> usize {
    let mut s = w;
    let mut left = chars;
    if chars > 3
        && let Some(t) = s.strip_suffix('s').or_else(|| s.strip_suffix('x'))
    {
        s = t;
        left -= 1;
    }
    if lang == Lang::Fr && left > 3 {
        s = s.strip_suffix('e').unwrap_or(s);
        for two in ["eus", "ell", "enn", "onn"] {
            if s.ends_with(two) {
                s = &s[..s.len() - 1];
                break;
            }
        }
    }
    s.len()
}

/// Every word whose stem ([`stem_len`]) is `stem`: the stemmer strips at most a plural
/// `s` or `x`, then (French) a feminine `e`, then one letter of a doubled `ell`, `enn`,
/// `onn` or of `eus`, so those are the only endings to try. Lets one look-up per word
/// give both its flags and its stem's.
pub fn forms_of_stem(lang: Lang, stem: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut w = String::with_capacity(stem.len() + 3);
    // Only a stem ending `eu`, `el`, `en` or `on` can have lost a letter of a doubled
    // ending, and only a French one a feminine `e`: the other endings are not tried (this
    // runs for every listed stem at every start).
    let fr = lang == Lang::Fr;
    let doubled = |c: &str| match c {
        "" => true,
        "s" => fr && stem.ends_with("eu"),
        "l" => fr && stem.ends_with("el"),
        _ => fr && (stem.ends_with("en") || stem.ends_with("on")),
    };
    for c in ["", "s", "l", "n"].into_iter().filter(|c| doubled(c)) {
        for e in if fr { &["", "e"][..] } else { &[""][..] } {
            for p in ["", "s", "x"] {
                w.clear();
                w.push_str(stem);
                w.push_str(c);
                w.push_str(e);
                w.push_str(p);
                if stem_len(lang, &w) == stem.len() && !out.contains(&w) {
                    out.push(w.clone());
                }
            }
        }
    }
    out
}

/// Inflected forms of a regular verb given as an infinitive; any other word is kept as is.
pub fn conjugate(lang: Lang, lemma: &str) -> Vec<String> {
    let lemma = lemma
        .strip_prefix("se ")
        .or_else(|| lemma.strip_prefix("s'"))
        .unwrap_or(lemma);
    match lang {
        Lang::Fr => conjugate_fr(lemma),
        Lang::En => conjugate_en(lemma),
    }
}

fn conjugate_fr(lemma: &str) -> Vec<String> {
    if let Some(st) = lemma.strip_suffix("er") {
        let soft = if let Some(base) = st.strip_suffix('c') {
            format!("{base}ç")
        } else if st.ends_with('g') {
            format!("{st}e")
        } else {
            st.to_string()
        };
        let mut v: Vec<String> = ["e", "es", "ent", "é", "ée", "és", "ées", "era", "eront"]
            .iter()
            .chain(&["erait", "eraient", "èrent"])
            .map(|e| format!("{st}{e}"))
            .collect();
        v.extend(
            ["ait", "aient", "ant", "a"]
                .iter()
                .map(|e| format!("{soft}{e}")),
        );
        v
    } else if let Some(st) = lemma.strip_suffix("ir") {
        [
            "it", "issent", "i", "ie", "is", "issait", "issaient", "issant", "ira", "irait",
        ]
        .iter()
        .map(|e| format!("{st}{e}"))
        .collect()
    } else {
        vec![lemma.to_string()]
    }
}

fn conjugate_en(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    let consonant_y =
        lemma.ends_with('y') && !lemma[..lemma.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        let st = &lemma[..lemma.len() - 1];
        v.extend([
            format!("{st}ies"),
            format!("{st}ied"),
            format!("{lemma}ing"),
        ]);
    } else if let Some(st) = lemma.strip_suffix('e') {
        v.extend([format!("{lemma}s"), format!("{lemma}d"), format!("{st}ing")]);
    } else {
        let s = if lemma.ends_with(['s', 'x', 'z', 'o'])
            || lemma.ends_with("sh")
            || lemma.ends_with("ch")
        {
            "es"
        } else {
            "s"
        };
        v.extend([
            format!("{lemma}{s}"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        ]);
        // A final consonant after a single vowel doubles when the last syllable is
        // stressed (`admitted`, `quipped`); stress is not written, so both spellings are
        // listed (`visitted` is never met).
        let b = lemma.as_bytes();
        let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
        if let [.., x, y, z] = b
            && !vowel(*x)
            && vowel(*y)
            && !vowel(*z)
            && !matches!(z, b'w' | b'x' | b'y')
            && z.is_ascii_lowercase()
        {
            let c = *z as char;
            v.extend([format!("{lemma}{c}ed"), format!("{lemma}{c}ing")]);
        }
    }
    v
}

#[cfg(test)]
mod word_char_tests {
    use super::*;

    #[test]
    fn word_chars_match_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}

#[cfg(test)]
mod stem_tests {
    use super::*;

    /// The stemmer by its plain definition.
    fn plain_stem_len(lang: Lang, w: &str) -> usize {
        let long = |s: &str| s.chars().count() > 3;
        let mut s = w;
        if long(s) {
            s = s
                .strip_suffix('s')
                .or_else(|| s.strip_suffix('x'))
                .unwrap_or(s);
        }
        if lang == Lang::Fr && long(s) {
            s = s.strip_suffix('e').unwrap_or(s);
            for two in ["eus", "ell", "enn", "onn"] {
                if s.ends_with(two) {
                    s = &s[..s.len() - 1];
                    break;
                }
            }
        }
        s.len()
    }

    proptest::proptest! {
        #[test]
        fn stems_are_those_of_the_plain_definition(w in "[a-zéèΣ]{0,5}(e|l|n|s|x|ll|nn|eus){0,3}") {
            for lang in [Lang::Fr, Lang::En] {
                proptest::prop_assert_eq!(stem_len(lang, &w), plain_stem_len(lang, &w), "{}", w);
            }
        }

        /// Every word is among the forms of its stem, so a stem's flags reach it.
        #[test]
        fn a_word_is_a_form_of_its_stem(w in "[a-zéèu]{0,6}(e|l|n|s|x|ll|nn|eus|eux|ell|enn|onn){0,3}") {
            for lang in [Lang::Fr, Lang::En] {
                let st = stem(lang, &w);
                proptest::prop_assert!(forms_of_stem(lang, &st).contains(&w), "{} {:?}", w, lang);
            }
        }
    }

    #[test]
    fn forms_of_a_stem_all_have_it() {
        for lang in [Lang::Fr, Lang::En] {
            for st in [
                "heureu", "cruel", "lion", "habitant", "chef", "a", "", "témoin",
            ] {
                let forms = forms_of_stem(lang, st);
                assert!(!forms.is_empty() || stem_len(lang, st) != st.len());
                for w in forms {
                    assert_eq!(stem(lang, &w), st, "{w} {lang:?}");
                }
            }
        }
        assert!(forms_of_stem(Lang::Fr, "heureu").contains(&"heureuses".to_string()));
        assert!(forms_of_stem(Lang::Fr, "cruel").contains(&"cruelles".to_string()));
    }
}
