//! Word classes for French and English news: abbreviations that a full stop does not end,
//! words that start sentences, and words a sentence cannot end on. Decisions use these
//! classes, never strings from particular articles.

use super::chars::char_before;

/// What the word before a full stop says about the stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    /// A title or a reference abbreviation (`M.`, `Dr.`, `cf.`): never ends a sentence.
    Title,
    /// An abbreviation that is also a word or may end a sentence (`col.`, `art.`, `Jan.`):
    /// the stop ends the sentence only before a word that starts sentences, never before a
    /// number (`art. 12`).
    Abbrev,
    /// An initial (`J.`, `J.-C.`, `U.S.`): like [`Before::Abbrev`] before a word, but a
    /// number after it starts a sentence.
    Initial,
    /// Anything else (`etc.`, `2024.`, `».`): the stop ends the sentence before a capital.
    Plain,
}

/// Titles and abbreviations followed by a name or a reference, case as written.
const TITLES: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Mgrs", "Dr", "Drs", "Pr", "Prs", "Prof",
    "St", "Ste", "Sts", "Mr", "Mrs", "Ms", "Messrs", "Gen", "Gén", "Lt", "Sgt", "Capt", "Cpt",
    "Cdt", "Cmdt", "Adm", "Maj", "Cpl", "Brig", "Rev", "Msgr", "Hon", "Sen", "Sén", "Rep", "Gov",
    "Pdt", "Vve",
    // Transcripts and wires print titles in capitals (`MR. GARVEY:`, `SEN. ORTIZ`).
    "MR", "MRS", "MS", "MESSRS", "DR", "PROF", "SEN", "REP", "GOV", "GEN", "LT", "SGT", "CAPT",
    "REV", "HON", "MME", "MLLE", "MGR",
];

/// AP abbreviations of US states and Canadian provinces, case as written: after a place
/// and a comma (`SPRINGFIELD, Ill. —`, `in Salem, Ore., where`) they close no sentence
/// unless a sentence starter follows.
const STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Vt", "Va", "Wash", "Wis", "Wyo", "Ont", "Que", "Alta", "Sask",
];

/// Lower-case abbreviations that never end a sentence (also matched capitalised).
const NEVER_FINAL: &[&str] = &[
    "cf", "vs", "ex", "resp", "av", "apr", "env", "ca", "approx", "éd", "coord", "dir", "trad",
    "réf", "fig", "chap", "pp", "tél", "boul", "coll",
    // `the hon. Gentleman`, `my hon. Friend` (Hansard).
    "hon",
];

/// Abbreviations that are also common words or may close a sentence: `col` (colonel /
/// mountain pass), `art` (article / art), `no` (numéro / no), months, ranks.
const AMBIGUOUS: &[&str] = &[
    "col", "gén", "gal", "lt", "cne", "cdt", "sgt", "adj", "art", "al", "no", "nos", "nº", "n",
    "p", "t", "r", "ch", "sect", "vol", "bd", "jan", "janv", "feb", "febr", "fév", "févr", "avr",
    "jun", "juil", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "déc", "mt", "ft",
];

/// Abbreviations that end a sentence before any capital (`…, etc. Bamako`) but go on
/// before a lower-case word (`etc. et`, `Acme Corp. and`).
const BEFORE_LOWER: &[&str] = &[
    "etc", "inc", "corp", "ltd", "co", "jr", "sr", "bros", "dept", "univ",
];

/// Words that start sentences (compared with their first letter lower-cased): determiners,
/// pronouns, conjunctions, prepositions, sentence adverbs and the French weekdays (which
/// take a capital only there), French then English.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette",
    "ces", "c", "ça", "cela", "ceci", "celui", "celle", "ceux", "celles", "il", "ils",
    "elle", "elles", "on", "nous", "vous", "je", "j", "tu", "mon", "ma", "mes", "ton", "ta",
    "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "mais",
    "et", "or", "donc", "car", "puis", "alors", "ainsi", "aussi", "enfin", "ensuite",
    "pourtant", "cependant", "toutefois", "néanmoins", "pour", "par", "selon", "dans", "en",
    "au", "aux", "à", "après", "avant", "depuis", "pendant", "durant", "dès", "si", "quand",
    "lorsque", "lorsqu", "comme", "qui", "que", "qu", "quel", "quelle", "quels", "quelles",
    "où", "comment", "pourquoi", "combien", "sur", "sous", "avec", "sans", "entre", "parmi",
    "chez", "vers", "contre", "malgré", "tout", "toute", "tous", "toutes", "chaque",
    "aucun", "aucune", "plusieurs", "certains", "certaines", "quelques", "autre", "autres",
    "n", "ne", "non", "oui", "ici", "voici", "voilà", "rien", "personne", "déjà", "encore",
    "même", "plus", "moins", "très", "bien", "peu", "beaucoup", "toujours", "jamais",
    "souvent", "parfois", "aujourd", "hier", "demain", "désormais", "finalement", "certes",
    "s", "sauf", "soit", "y", "face", "quant", "lors", "grâce", "outre", "là", "jusqu",
    "lui", "eux", "moi", "parce", "puisque", "tandis", "pas", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche",
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "there", "here", "but",
    "and", "so", "yet", "then", "thus", "however", "in", "at", "for", "from", "with", "by",
    "as", "if", "when", "while", "although", "though", "after", "before", "since",
    "because", "what", "who", "which", "where", "why", "how", "all", "some", "many", "most",
    "each", "every", "both", "one", "such", "other", "another", "meanwhile", "also", "now",
    "today", "yesterday", "despite", "during", "even", "only",
];

/// Words a sentence cannot end on: a line ending with one continues on the next line.
const NON_FINAL: &[&str] = &[
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "l",
    "d",
    "un",
    "une",
    "et",
    "ou",
    "à",
    "au",
    "aux",
    "en",
    "par",
    "pour",
    "sur",
    "dans",
    "avec",
    "sans",
    "que",
    "qu",
    "qui",
    "dont",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "ces",
    "mon",
    "ma",
    "mes",
    "notre",
    "nos",
    "votre",
    "vos",
    "entre",
    "vers",
    "chez",
    "contre",
    "selon",
    "the",
    "of",
    "and",
    "a",
    "an",
    "to",
    "for",
    "with",
    "by",
    "from",
    "at",
    "or",
    "his",
    "her",
    "their",
    "its",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "auquel",
    "auxquels",
    "auxquelles",
    "duquel",
    "desquels",
    "desquelles",
    "whom",
    "whose",
];

/// Nouns, participles and words that introduce a title, a name or an example, which may
/// go on in lower case after a capitalised starter (`le roman La peste`, `le mouvement En
/// marche`, `a film called The end`, `des émissions telles Le grand direct`). Plurals are
/// matched without their final `s` or `x`.
#[rustfmt::skip]
const NAME_INTRODUCERS: &[&str] = &[
    "roman", "film", "livre", "album", "chanson", "pièce", "série", "émission", "journal",
    "quotidien", "hebdomadaire", "mensuel", "magazine", "revue", "mouvement", "parti",
    "groupe", "association", "collectif", "opération", "titre", "spectacle", "ouvrage",
    "essai", "disque", "jeu", "programme", "festival", "exposition", "tableau", "poème",
    "feuilleton", "documentaire", "slogan", "intitulé", "intitulée", "baptisé", "baptisée",
    "appelé", "appelée", "nommé", "nommée", "surnommé", "surnommée",
    "novel", "movie", "book", "song", "show", "series", "newspaper", "play", "party",
    "group", "band", "title", "program", "operation", "campaign", "painting", "documentary",
    "single", "track", "game", "daily", "weekly", "called", "named", "titled", "entitled",
    "dubbed", "tel", "telle", "tels", "telles", "comme", "notamment", "like", "such",
    "including",
];

/// A word list hashed when the program is compiled: open addressing over a power-of-two
/// table at least twice as long as the list, so that a lookup hashes the word once and
/// compares it with one or two entries instead of walking the list (the scan asks at
/// most capitalised words of a text).
struct WordSet<const N: usize> {
    slots: [&'static str; N],
    /// Bytes in the longest word: a longer one is not looked up.
    longest: usize,
}

/// FNV-1a over `bytes`, from `h`.
const fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

const FNV_START: u32 = 0x811c_9dc5;

impl<const N: usize> WordSet<N> {
    const fn new(words: &[&'static str]) -> Self {
        assert!(N.is_power_of_two() && 2 * words.len() <= N);
        let mut slots = [""; N];
        let mut longest = 0;
        let mut i = 0;
        while i < words.len() {
            assert!(!words[i].is_empty());
            if words[i].len() > longest {
                longest = words[i].len();
            }
            let mut k = Self::slot(fnv(FNV_START, words[i].as_bytes()));
            while !slots[k].is_empty() {
                k = (k + 1) & (N - 1);
            }
            slots[k] = words[i];
            i += 1;
        }
        Self { slots, longest }
    }

    /// The first slot for a hash: its top bits after a multiplication that mixes them.
    const fn slot(h: u32) -> usize {
        (h.wrapping_mul(0x9e37_79b1) >> (32 - N.trailing_zeros())) as usize
    }

    /// Whether the list holds a word with hash `h` for which `eq` holds.
    fn find(&self, h: u32, eq: impl Fn(&str) -> bool) -> bool {
        let mut k = Self::slot(h);
        loop {
            let e = self.slots[k];
            if e.is_empty() {
                return false;
            }
            if eq(e) {
                return true;
            }
            k = (k + 1) & (N - 1);
        }
    }

    /// Whether the list holds `w`, case as written.
    fn contains(&self, w: &str) -> bool {
        w.len() <= self.longest && self.find(fnv(FNV_START, w.as_bytes()), |e| e == w)
    }

    /// Whether the list holds `w` with its first letter lower-cased (`Le` → `le`),
    /// compared in place (no allocation).
    fn contains_lower_first(&self, w: &str) -> bool {
        let b = w.as_bytes();
        match b.first() {
            None => return false,
            Some(&c) if c.is_ascii() => {
                if w.len() > self.longest {
                    return false;
                }
                let l = c.to_ascii_lowercase();
                let h = fnv(fnv(FNV_START, &[l]), &b[1..]);
                return self.find(h, |e| {
                    e.len() == b.len() && e.as_bytes()[0] == l && e.as_bytes()[1..] == b[1..]
                });
            }
            Some(_) => {}
        }
        let Some(c) = w.chars().next() else {
            return false;
        };
        let mut lower = c.to_lowercase();
        let (Some(l), None) = (lower.next(), lower.next()) else {
            return false; // no list word starts with a letter that lower-cases to two
        };
        let rest = &w[c.len_utf8()..];
        let len = l.len_utf8() + rest.len();
        if len > self.longest {
            return false;
        }
        let h = fnv(
            fnv(FNV_START, l.encode_utf8(&mut [0; 4]).as_bytes()),
            rest.as_bytes(),
        );
        self.find(h, |e| {
            e.len() == len && e.starts_with(l) && e.ends_with(rest)
        })
    }
}

static TITLE_SET: WordSet<128> = WordSet::new(TITLES);
static STATE_SET: WordSet<128> = WordSet::new(STATES);
static NEVER_FINAL_SET: WordSet<64> = WordSet::new(NEVER_FINAL);
static AMBIGUOUS_SET: WordSet<128> = WordSet::new(AMBIGUOUS);
static BEFORE_LOWER_SET: WordSet<32> = WordSet::new(BEFORE_LOWER);
static STARTER_SET: WordSet<512> = WordSet::new(STARTERS);
static NON_FINAL_SET: WordSet<256> = WordSet::new(NON_FINAL);
static NAME_INTRODUCER_SET: WordSet<256> = WordSet::new(NAME_INTRODUCERS);
static ELIDED_SET: WordSet<32> = WordSet::new(ELIDED);

/// Start of the run of letters ending at byte `end` of `s`.
pub fn word_start(s: &str, end: usize) -> usize {
    let mut i = end;
    while let Some(c) = char_before(s, i) {
        if c.is_alphabetic() {
            i -= c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// The word at `ws` follows a capitalised place and a comma (`TUCSON, Ariz`).
fn after_place(s: &str, ws: usize) -> bool {
    let Some(before) = s[..ws].strip_suffix(' ') else {
        return false;
    };
    let Some(place) = before.strip_suffix(',') else {
        return false;
    };
    let ps = word_start(place, place.len());
    place[ps..].chars().next().is_some_and(char::is_uppercase)
}

/// The stop at `ts` closes a state after a place (`SPRINGFIELD, Ill.`): a dateline, which
/// goes on past the dash or the agency's bracket after it (`— The council…`, `(AP) —`).
pub fn dateline_state(s: &str, ts: usize) -> bool {
    let ws = word_start(s, ts);
    STATE_SET.contains(&s[ws..ts]) && after_place(s, ws)
}

/// Weekdays abbreviated, case as written or capitalised: before a day's number they
/// close no sentence (`lun. 9 janv. 2023`, `Mon. 9 Jan.`), elsewhere they are words too
/// (`la mer.`, `The Sun.`).
const WEEKDAYS: &[&str] = &[
    "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun",
];

/// The first three letters of the months, French and English.
const MONTHS3: &[&str] = &[
    "jan", "fév", "fev", "feb", "mar", "avr", "apr", "mai", "may", "jui", "jun", "jul", "aoû",
    "aou", "aug", "sep", "oct", "nov", "déc", "dec",
];

/// Whether `w`, ending at `end` before its stop, is a weekday's abbreviation before a
/// date: a day number and a month (`lun. 9 janv.`, `Mon. 9 Jan.`), or a numeric date
/// (`mar. 10/01/2023`).
fn weekday_before_date(s: &str, w: &str, end: usize) -> bool {
    if w.len() > 5 || !WEEKDAYS.contains(&w.to_lowercase().as_str()) {
        return false;
    }
    let Some(r) = s[end..].strip_prefix(". ") else {
        return false;
    };
    let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return false;
    }
    let after = &r[digits..];
    if after.starts_with(['/', '.', '-']) {
        return after[1..].starts_with(|c: char| c.is_ascii_digit());
    }
    let month: String = after.trim_start_matches(' ').chars().take(3).collect();
    after.starts_with(' ') && MONTHS3.contains(&month.to_lowercase().as_str())
}

/// Classifies the word that ends at `end` (where a full stop follows).
pub fn before_stop(s: &str, end: usize) -> Before {
    let ws = word_start(s, end);
    let w = &s[ws..end];
    let mut letters = w.chars();
    let (Some(first), single) = (letters.next(), letters.next().is_none()) else {
        return Before::Plain;
    };
    match char_before(s, ws) {
        Some(p) if p.is_alphanumeric() => return Before::Plain,
        Some('.' | '-') if single => return dotted(s, ws, first),
        _ => {}
    }
    if TITLE_SET.contains(w) {
        return Before::Title;
    }
    if STATE_SET.contains(w) && after_place(s, ws) {
        return Before::Abbrev;
    }
    if weekday_before_date(s, w, end) {
        return Before::Title;
    }
    if NEVER_FINAL_SET.contains_lower_first(w) {
        return Before::Title;
    }
    if single && first.is_uppercase() {
        return Before::Initial;
    }
    if AMBIGUOUS_SET.contains_lower_first(w) {
        return Before::Abbrev;
    }
    Before::Plain
}

/// Words that go on a clock time's sentence after `a.m.`/`p.m.`: days, months and time
/// zones (`at 3 p.m. Monday`, `9 a.m. Eastern`, `noon ET`).
const AFTER_CLOCK: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "mt",
    "mst",
    "mdt",
    "pt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "eastern",
    "central",
    "mountain",
    "pacific",
    "atlantic",
    "greenwich",
    "local",
];

/// Prepositions that open a sentence on its time (`At 5 p.m. Smith called`).
const CLOCK_OPENERS: &[&str] = &[
    "at", "by", "from", "until", "till", "around", "about", "since", "before", "after", "shortly",
    "just",
];

/// A full stop at `ts` that closes a clock time, `3 p.m.`, `10:30 a.m.`: it ends the
/// sentence before a capitalised word `next` that is no starter (`at 9 a.m. Police
/// arrived`) unless the word goes on with the time (a day, a month, a time zone) or the
/// time opened the sentence or a clause (`At 5 p.m. Smith called`, `Later, by 6 p.m.
/// Jones had left`).
pub fn clock_ends(s: &str, ts: usize, next: &str) -> bool {
    let before = &s[..ts];
    let Some(rest) = before
        .strip_suffix("a.m")
        .or_else(|| before.strip_suffix("p.m"))
    else {
        return false;
    };
    let number = rest.trim_end_matches(' ');
    if !number.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let lower = next.to_lowercase();
    if AFTER_CLOCK.contains(&lower.as_str()) {
        return false;
    }
    // The word before the number: a preposition opening the sentence (`At 5 p.m.`) or a
    // clause after a comma (`Later, by 6 p.m. Jones had left`) puts the time first.
    let digits = number
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.')
        .trim_end();
    let opener = digits.rsplit(char::is_whitespace).next().unwrap_or("");
    let before_opener = digits[..digits.len() - opener.len()].trim_end();
    let opens = CLOCK_OPENERS.contains(&opener.to_lowercase().as_str())
        && (opener.starts_with(char::is_uppercase) || before_opener.ends_with(','));
    !opens
}

/// A single letter after `.` or `-`: part of `J.-C.`, `U.S.`, `c.-à-d.`, `p.m.` when every
/// piece is one letter.
fn dotted(s: &str, ws: usize, last: char) -> Before {
    let mut i = ws;
    let mut pieces = 1;
    loop {
        let mut j = i;
        while let Some(c @ ('.' | '-')) = char_before(s, j) {
            j -= c.len_utf8();
        }
        if j == i {
            break;
        }
        let k = word_start(s, j);
        if k == j || s[k..j].chars().count() != 1 {
            return Before::Plain;
        }
        pieces += 1;
        if pieces > 8 {
            return Before::Plain;
        }
        i = k;
    }
    if pieces < 2 {
        Before::Plain
    } else if last.is_uppercase() {
        Before::Initial
    } else {
        Before::Abbrev // `c.-à-d.`, `p.m.`: may close a sentence
    }
}

/// The word starting at byte `i`: letters, cut at an apostrophe (`L’armée` → `L`).
pub fn word_at(s: &str, i: usize) -> &str {
    word_within(s, i, usize::MAX).unwrap_or_default()
}

/// [`word_at`] when it is at most `max` bytes long.
fn word_within(s: &str, i: usize, max: usize) -> Option<&str> {
    let b = s.as_bytes();
    let mut j = i;
    while let Some(&c) = b.get(j) {
        if j - i > max {
            return None;
        }
        if c.is_ascii_alphabetic() {
            j += 1;
        } else if c < 0x80 {
            break;
        } else {
            match s[j..].chars().next() {
                Some(ch) if ch.is_alphabetic() => j += ch.len_utf8(),
                _ => break,
            }
        }
    }
    (j - i <= max).then(|| &s[i..j])
}

/// Elided forms among the starters: they count only before an apostrophe (`L’armée`,
/// not the `L.` of `art. L. 212`).
const ELIDED: &[&str] = &[
    "l", "d", "c", "j", "qu", "lorsqu", "n", "s", "jusqu", "aujourd",
];

/// A word that usually starts a sentence (`Le`, `Elle`, `The`), not a name.
pub fn is_starter(word: &str) -> bool {
    STARTER_SET.contains_lower_first(word)
}

/// The word at byte `i` when it is a capitalised sentence starter, elided forms only
/// before their apostrophe.
pub fn starter_at(s: &str, i: usize) -> Option<&str> {
    // Read no further than the longest starter: most capitalised words are names.
    let w = word_within(s, i, STARTER_SET.longest)?;
    if !w.starts_with(char::is_uppercase) || !is_starter(w) {
        return None;
    }
    let elided = ELIDED_SET.contains_lower_first(w);
    let apostrophe = matches!(s[i + w.len()..].chars().next(), Some('\'' | '’'));
    (!elided || apostrophe).then_some(w)
}

/// A lower-case word at `i` that starts sentences (`à`, `il`, `c’est`): after a full
/// stop that ends no abbreviation it opens a sentence typed without its capital.
pub fn lower_starter_at(s: &str, i: usize) -> bool {
    let w = word_at(s, i);
    if !w.starts_with(char::is_lowercase) || !is_starter(w) {
        return false;
    }
    let apostrophe = matches!(s[i + w.len()..].chars().next(), Some('\'' | '’'));
    !ELIDED_SET.contains(w) || apostrophe
}

/// Whether `word` is an abbreviation that a lower-case word continues (`etc.`, `Inc.`).
pub fn continues_before_lower(word: &str) -> bool {
    BEFORE_LOWER_SET.contains(&word.to_lowercase())
}

/// A lower-case word after which a capitalised starter begins a name or a title, not a
/// sentence.
pub fn introduces_name(word: &str) -> bool {
    NAME_INTRODUCER_SET.contains(word)
        || word
            .strip_suffix(['s', 'x'])
            .is_some_and(|w| NAME_INTRODUCER_SET.contains(w))
}

/// A word a sentence cannot end on (`de`, `the`, and titles such as `Mme`).
pub fn is_non_final(word: &str) -> bool {
    !word.is_empty() && (NON_FINAL_SET.contains_lower_first(word) || TITLE_SET.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(s: &str) -> Before {
        before_stop(s, s.len())
    }

    #[test]
    fn titles_initials_and_plain_words() {
        assert_eq!(before("Selon M"), Before::Title);
        assert_eq!(before("salué Mme"), Before::Title);
        assert_eq!(before("voir cf"), Before::Title);
        assert_eq!(before("Cf"), Before::Title);
        assert_eq!(before("John K"), Before::Initial);
        assert_eq!(before("le général J.-C"), Before::Initial);
        assert_eq!(before("the U.S"), Before::Initial);
        assert_eq!(before("L'O.N.U"), Before::Initial);
        assert_eq!(before("c.-à-d"), Before::Abbrev);
        assert_eq!(before("at 5 p.m"), Before::Abbrev);
        assert_eq!(before("Le col"), Before::Abbrev);
        assert_eq!(before("les dispensaires, etc"), Before::Plain);
        assert_eq!(before("le 12 mai 2024"), Before::Plain);
        assert_eq!(before("20 h"), Before::Plain);
        assert_eq!(before("arrivé 2e"), Before::Plain);
        assert_eq!(before("www.gov.ml"), Before::Plain);
        assert_eq!(before("la marche"), Before::Plain);
    }

    #[test]
    fn starters_and_words() {
        assert!(is_starter("Le"));
        assert!(is_starter("Elle"));
        assert!(is_starter("À"));
        assert!(is_starter("The"));
        assert!(!is_starter("Touré"));
        assert!(!is_starter("Galbraith"));
        assert!(!is_starter(""));
        assert_eq!(starter_at("L’armée", 0), Some("L"));
        assert_eq!(starter_at("L. 212-1", 0), None);
        assert_eq!(starter_at("Elle part", 0), Some("Elle"));
        assert_eq!(starter_at("elle part", 0), None);
        assert_eq!(word_at("L’armée est là", 0), "L");
        assert_eq!(word_at("Cette passivité", 0), "Cette");
        assert!(is_non_final("de"));
        assert!(is_non_final("Mme"));
        assert!(!is_non_final("Bamako"));
        assert!(introduces_name("roman") && introduces_name("albums"));
        assert!(!introduces_name("otage"));
    }

    fn lower_first(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect())
            .unwrap_or_default()
    }

    fn agrees<const N: usize>(list: &[&str], set: &WordSet<N>, probes: &[String]) {
        for p in probes {
            assert_eq!(set.contains(p), list.contains(&p.as_str()), "{p}");
            let walk = !p.is_empty() && list.contains(&lower_first(p).as_str());
            assert_eq!(set.contains_lower_first(p), walk, "{p}");
        }
    }

    /// The hashed sets answer as a walk of their lists does, for every list word as
    /// written, capitalised, upper-cased, with an `s` and without its first letter.
    #[test]
    fn hashed_sets_agree_with_their_lists() {
        let lists: [&[&str]; 8] = [
            TITLES,
            NEVER_FINAL,
            AMBIGUOUS,
            BEFORE_LOWER,
            STARTERS,
            NON_FINAL,
            NAME_INTRODUCERS,
            ELIDED,
        ];
        let mut probes: Vec<String> = vec![String::new(), "Ⅻ".into(), "İl".into()];
        for w in lists.iter().flat_map(|l| l.iter()) {
            let mut rest = w.chars();
            let first = rest.next().into_iter().flat_map(char::to_uppercase);
            probes.extend([
                w.to_string(),
                first.chain(rest.clone()).collect(),
                w.to_uppercase(),
                format!("{w}s"),
                rest.collect(),
            ]);
        }
        agrees(TITLES, &TITLE_SET, &probes);
        agrees(NEVER_FINAL, &NEVER_FINAL_SET, &probes);
        agrees(AMBIGUOUS, &AMBIGUOUS_SET, &probes);
        agrees(BEFORE_LOWER, &BEFORE_LOWER_SET, &probes);
        agrees(STARTERS, &STARTER_SET, &probes);
        agrees(NON_FINAL, &NON_FINAL_SET, &probes);
        agrees(NAME_INTRODUCERS, &NAME_INTRODUCER_SET, &probes);
        agrees(ELIDED, &ELIDED_SET, &probes);
    }
}
