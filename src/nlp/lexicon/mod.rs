//! Cue lists as data: one RON file per language ships in the binary (`lexicons/fr.ron`,
//! `lexicons/en.ron`) and users extend it with their own file, so annotators can teach the
//! highlighter a new evaluative word without a rebuild.

use crate::nlp::lang::Lang;

mod file;
mod morph;
mod words;

pub use file::{LexiconError, LexiconFile, parse};
pub use morph::{conjugate, is_word_char, norm, stem, stem_len, stem_len_counted, words};
use std::path::Path;
pub use words::{FlagTable, PhraseSet, WordHasher, WordMap, WordSet, flag};

/// The largest user lexicon file read; the built-in French one is some 40 KiB.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

const FR: &str = include_str!("../../../lexicons/fr.ron");
const EN: &str = include_str!("../../../lexicons/en.ron");

/// Opinion cue categories. Fixed, so every rule name is known at compile time; user files
/// add terms to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    Evaluative,
    WeakEvaluative,
    Intensifier,
    Hedge,
    Certainty,
    Deontic,
    Interpretive,
    Generalisation,
    Metaphor,
}

impl Cue {
    /// The rule name shown to annotators.
    pub fn rule(self) -> &'static str {
        match self {
            Cue::Evaluative => "evaluative",
            Cue::WeakEvaluative => "weak-evaluative",
            Cue::Intensifier => "intensifier",
            Cue::Hedge => "hedge",
            Cue::Certainty => "certainty",
            Cue::Deontic => "deontic",
            Cue::Interpretive => "interpretive",
            Cue::Generalisation => "generalisation",
            Cue::Metaphor => "metaphor",
        }
    }

    /// The category of a rule name, if it is one.
    pub fn from_rule(rule: &str) -> Option<Cue> {
        [
            Cue::Evaluative,
            Cue::WeakEvaluative,
            Cue::Intensifier,
            Cue::Hedge,
            Cue::Certainty,
            Cue::Deontic,
            Cue::Interpretive,
            Cue::Generalisation,
            Cue::Metaphor,
        ]
        .into_iter()
        .find(|c| c.rule() == rule)
    }

    /// How much one match counts towards `opinion`.
    pub fn weight(self) -> f32 {
        match self {
            // Measured on labeled data (docs/highlighting.md, "Cue weights"): a deontic
            // modal is as often a schedule or a rule (`doit être livré`) as a call.
            Cue::Evaluative | Cue::Certainty | Cue::Metaphor => 2.0,
            Cue::Interpretive => 1.5,
            Cue::Deontic | Cue::WeakEvaluative | Cue::Hedge | Cue::Intensifier => 1.0,
            Cue::Generalisation => 0.75,
        }
    }
}

/// A compiled lexicon for one language.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub lang: Lang,
    /// Exact lower-case forms of reporting verbs (frame verbs included).
    pub reporting: WordSet,
    /// Forms of the reporting verbs that need a speech frame.
    pub frame: WordSet,
    /// Forms of the reporting verbs whose subject is always a speaker.
    pub speech: WordSet,
    pub thought: WordSet,
    pub auxiliaries: WordSet,
    pub source_intros: PhraseSet<()>,
    pub holder_intros: WordSet,
    pub source_nouns: WordSet,
    pub first_person: WordSet,
    pub cues: PhraseSet<Cue>,
    pub not_conditional: WordSet,
    pub months: WordSet,
    pub weekdays: WordSet,
    pub number_words: WordSet,
    pub approximators: PhraseSet<()>,
    pub place_preps: WordSet,
    pub function_words: WordSet,
    pub byline: PhraseSet<()>,
    pub banner: PhraseSet<()>,
    pub reader_address: WordSet,
    pub finite_forms: WordSet,
    pub subject_pronouns: WordSet,
    pub relatives: WordSet,
    pub caption_words: WordSet,
    pub meta_subjects: PhraseSet<()>,
    pub meta_verbs: WordSet,
    pub site_refs: PhraseSet<()>,
    pub site_words: WordSet,
    pub weak_banner: PhraseSet<()>,
    pub relative_dates: PhraseSet<()>,
    pub day_parts: WordSet,
    pub day_before: WordSet,
    pub century: WordSet,
    pub percent: PhraseSet<()>,
    pub not_finite: WordSet,
    /// [`flag`] bits per lower-cased word: its own, and its stem's (source nouns, first
    /// words of terms).
    table: FlagTable,
}

/// The forms of `être`/`be` that make the verb after them a passive: the word flag
/// [`flag::PASSIVE_AUX`].
const PASSIVE_AUX: [&str; 13] = [
    "est", "sont", "était", "étaient", "été", "sera", "seront", "is", "are", "was", "were", "be",
    "been",
];

impl Lexicon {
    /// The word flags of `norm` and the stem flags of its stem ([`stem_len`]), in one
    /// look-up (every form whose stem is in a list is in the table). `key` is `norm`'s
    /// [`FlagTable::hash`], which the tokenizer keeps for the model.
    #[inline]
    pub fn flags(&self, key: u64, norm: &str) -> (u32, u32) {
        let [nf, sf] = self.table.get_hashed(key, norm);
        (nf, sf)
    }

    /// The lexicon shipped with glose.
    pub fn builtin(lang: Lang) -> Lexicon {
        let (text, name) = match lang {
            Lang::Fr => (FR, "lexicons/fr.ron"),
            Lang::En => (EN, "lexicons/en.ron"),
        };
        let file = parse(text, Path::new(name)).unwrap_or_else(|e| panic!("built-in {e}"));
        let mut lex = Lexicon::empty(lang);
        lex.extend(&file);
        lex
    }

    fn empty(lang: Lang) -> Lexicon {
        Lexicon {
            lang,
            reporting: WordSet::default(),
            frame: WordSet::default(),
            speech: WordSet::default(),
            thought: WordSet::default(),
            auxiliaries: WordSet::default(),
            source_intros: PhraseSet::default(),
            holder_intros: WordSet::default(),
            source_nouns: WordSet::default(),
            first_person: WordSet::default(),
            cues: PhraseSet::default(),
            not_conditional: WordSet::default(),
            months: WordSet::default(),
            weekdays: WordSet::default(),
            number_words: WordSet::default(),
            approximators: PhraseSet::default(),
            place_preps: WordSet::default(),
            function_words: WordSet::default(),
            byline: PhraseSet::default(),
            banner: PhraseSet::default(),
            reader_address: WordSet::default(),
            finite_forms: WordSet::default(),
            subject_pronouns: WordSet::default(),
            relatives: WordSet::default(),
            caption_words: WordSet::default(),
            meta_subjects: PhraseSet::default(),
            meta_verbs: WordSet::default(),
            site_refs: PhraseSet::default(),
            site_words: WordSet::default(),
            weak_banner: PhraseSet::default(),
            relative_dates: PhraseSet::default(),
            day_parts: WordSet::default(),
            day_before: WordSet::default(),
            century: WordSet::default(),
            percent: PhraseSet::default(),
            not_finite: WordSet::default(),
            table: FlagTable::default(),
        }
    }

    /// Adds a file's terms (a user extension) to this lexicon.
    pub fn extend(&mut self, f: &LexiconFile) {
        let lang = self.lang;
        for v in &f.reporting_verbs {
            self.reporting.extend(conjugate(lang, &norm(v)));
        }
        self.reporting
            .extend(f.reporting_forms.iter().map(|w| norm(w)));
        let mut frame = WordSet::default();
        for v in &f.frame_verbs {
            frame.extend(conjugate(lang, &norm(v)));
        }
        frame.extend(f.frame_forms.iter().map(|w| norm(w)));
        self.reporting.extend(frame.iter().cloned());
        self.frame.extend(frame);
        let mut speech = WordSet::default();
        for v in &f.speech_verbs {
            speech.extend(conjugate(lang, &norm(v)));
        }
        speech.extend(f.speech_forms.iter().map(|w| norm(w)));
        self.reporting.extend(speech.iter().cloned());
        self.speech.extend(speech);
        for v in &f.thought_verbs {
            self.thought.extend(conjugate(lang, &norm(v)));
        }
        self.thought.extend(f.thought_forms.iter().map(|w| norm(w)));
        self.auxiliaries
            .extend(f.auxiliaries.iter().map(|w| norm(w)));
        for t in &f.source_intros {
            self.source_intros.insert(lang, t, ());
        }
        self.holder_intros
            .extend(f.holder_intros.iter().map(|w| norm(w)));
        let stems = |v: &Vec<String>| v.iter().map(|w| stem(lang, &norm(w))).collect::<Vec<_>>();
        self.source_nouns.extend(stems(&f.source_nouns));
        self.first_person
            .extend(f.first_person.iter().map(|w| norm(w)));
        let cue_lists = [
            (&f.evaluative, Cue::Evaluative),
            (&f.weak_evaluative, Cue::WeakEvaluative),
            (&f.intensifiers, Cue::Intensifier),
            (&f.hedges, Cue::Hedge),
            (&f.certainty, Cue::Certainty),
            (&f.deontic, Cue::Deontic),
            (&f.interpretive, Cue::Interpretive),
            (&f.generalisations, Cue::Generalisation),
            (&f.metaphors, Cue::Metaphor),
            (&f.figurative_decline, Cue::Metaphor),
            (&f.argument_markers, Cue::Certainty),
            (&f.judgement, Cue::Evaluative),
            (&f.motive_markers, Cue::Interpretive),
        ];

        for (list, cue) in cue_lists {
            for t in list {
                self.cues.insert(lang, t, cue);
            }
        }
        self.not_conditional
            .extend(f.not_conditional.iter().map(|w| norm(w)));
        self.months.extend(f.months.iter().map(|w| norm(w)));
        self.weekdays.extend(f.weekdays.iter().map(|w| norm(w)));
        self.number_words
            .extend(f.number_words.iter().map(|w| norm(w)));
        for t in &f.approximators {
            self.approximators.insert(lang, t, ());
        }
        self.place_preps
            .extend(f.place_preps.iter().map(|w| norm(w)));
        self.function_words
            .extend(f.function_words.iter().map(|w| norm(w)));
        for t in &f.byline {
            self.byline.insert(lang, t, ());
        }
        for t in &f.banner {
            self.banner.insert(lang, t, ());
        }
        self.reader_address
            .extend(f.reader_address.iter().map(|w| norm(w)));
        self.extend_shapes(f);
        self.index();
    }

    /// The lists of unit and claim shapes (skip, relative dates, percentages).
    fn extend_shapes(&mut self, f: &LexiconFile) {
        let lang = self.lang;
        let words = [
            (&mut self.finite_forms, &f.finite_forms),
            (&mut self.subject_pronouns, &f.subject_pronouns),
            (&mut self.relatives, &f.relatives),
            (&mut self.caption_words, &f.caption_words),
            (&mut self.meta_verbs, &f.meta_verbs),
            (&mut self.site_words, &f.site_words),
            (&mut self.day_parts, &f.day_parts),
            (&mut self.day_before, &f.day_before),
            (&mut self.century, &f.century),
            (&mut self.not_finite, &f.not_finite),
        ];
        for (set, list) in words {
            set.extend(list.iter().map(|w| norm(w)));
        }
        let phrases = [
            (&mut self.meta_subjects, &f.meta_subjects),
            (&mut self.site_refs, &f.site_refs),
            (&mut self.weak_banner, &f.weak_banner),
            (&mut self.relative_dates, &f.relative_dates),
            (&mut self.percent, &f.percent),
        ];
        for (set, list) in phrases {
            for t in list {
                set.insert(lang, t, ());
            }
        }
    }

    /// Rebuilds the per-word flag maps from the lists.
    fn index(&mut self) {
        let mut nf: WordMap<u32> = WordMap::default();
        let sets = [
            (&self.reporting, flag::REPORTING),
            (&self.frame, flag::FRAME),
            (&self.speech, flag::SPEECH),
            (&self.thought, flag::THOUGHT),
            (&self.auxiliaries, flag::AUX),
            (&self.holder_intros, flag::HOLDER),
            (&self.first_person, flag::FIRST_PERSON),
            (&self.not_conditional, flag::NOT_CONDITIONAL),
            (&self.months, flag::MONTH),
            (&self.weekdays, flag::WEEKDAY),
            (&self.number_words, flag::NUMBER),
            (&self.place_preps, flag::PLACE_PREP),
            (&self.function_words, flag::FUNCTION),
            (&self.reader_address, flag::READER),
            (&self.not_finite, flag::NOT_FINITE),
            (&self.finite_forms, flag::FINITE_FORM),
            (&self.subject_pronouns, flag::SUBJECT),
            (&self.relatives, flag::RELATIVE),
            (&self.day_before, flag::DAY_BEFORE),
            (&self.day_parts, flag::DAY_PART),
            (&self.century, flag::CENTURY),
            (&self.caption_words, flag::CAPTION),
            (&self.site_words, flag::SITE),
            (&self.meta_verbs, flag::META_VERB),
        ];
        for (set, bit) in sets {
            for w in set {
                *nf.entry(w.clone()).or_default() |= bit;
            }
        }
        for w in PASSIVE_AUX {
            *nf.entry(w.to_string()).or_default() |= flag::PASSIVE_AUX;
        }
        let mut sf: WordMap<u32> = WordMap::default();
        for w in &self.source_nouns {
            *sf.entry(w.clone()).or_default() |= flag::SOURCE_NOUN;
        }
        let firsts: [(Vec<&String>, u32); 10] = [
            (self.cues.firsts().collect(), flag::CUE_FIRST),
            (self.source_intros.firsts().collect(), flag::INTRO_FIRST),
            (self.approximators.firsts().collect(), flag::APPROX_FIRST),
            (self.byline.firsts().collect(), flag::BYLINE_FIRST),
            (self.banner.firsts().collect(), flag::BANNER_FIRST),
            (self.weak_banner.firsts().collect(), flag::WEAK_BANNER_FIRST),
            (
                self.meta_subjects.firsts().collect(),
                flag::META_SUBJECT_FIRST,
            ),
            (self.site_refs.firsts().collect(), flag::SITE_REF_FIRST),
            (
                self.relative_dates.firsts().collect(),
                flag::RELATIVE_DATE_FIRST,
            ),
            (self.percent.firsts().collect(), flag::PERCENT_FIRST),
        ];
        for (ws, bit) in firsts {
            for w in ws {
                *sf.entry(w.clone()).or_default() |= bit;
            }
        }
        let mut table: WordMap<[u32; 2]> = WordMap::default();
        for (w, bits) in nf {
            table.entry(w).or_default()[0] |= bits;
        }
        for (stem, bits) in sf {
            for w in morph::forms_of_stem(self.lang, &stem) {
                table.entry(w).or_default()[1] |= bits;
            }
        }
        self.table = table.into();
    }

    /// Extends with a user file when it exists. A missing file is not an error; one that
    /// is not a regular file or is over [`MAX_FILE_BYTES`] is.
    pub fn extend_from(&mut self, path: &Path) -> Result<bool, LexiconError> {
        let text = match crate::store::whole_file::read_string(path, MAX_FILE_BYTES) {
            Ok(t) => t,
            Err(e) if e.is_not_found() => return Ok(false),
            Err(e) => {
                return Err(LexiconError {
                    path: path.to_path_buf(),
                    line: 0,
                    col: 0,
                    msg: e.to_string(),
                });
            }
        };
        self.extend(&parse(&text, path)?);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse_and_conjugate() {
        let fr = Lexicon::builtin(Lang::Fr);
        for f in [
            "déclare",
            "a",
            "affirmé",
            "annonçait",
            "précisant",
            "dit",
            "confie",
        ] {
            assert!(
                fr.reporting.contains(f) || fr.auxiliaries.contains(f),
                "{f}"
            );
        }
        let en = Lexicon::builtin(Lang::En);
        for f in ["said", "denied", "states", "stating", "told"] {
            assert!(en.reporting.contains(f), "{f}");
        }
    }

    /// A listed stem's bits reach every inflected form of it in one look-up, and a word's
    /// own bits stay its own.
    #[test]
    fn one_look_up_gives_word_and_stem_flags() {
        let fr = Lexicon::builtin(Lang::Fr);
        let flags = |w: &str| fr.flags(FlagTable::hash(w), w);
        for w in ["témoin", "témoins", "rapport", "rapports", "analystes"] {
            assert_ne!(flags(w).1 & flag::SOURCE_NOUN, 0, "{w}");
        }
        for w in ["témoi", "témoinage", "rap", "maison", ""] {
            assert_eq!(flags(w).1 & flag::SOURCE_NOUN, 0, "{w}");
        }
        assert_ne!(flags("déclare").0 & flag::REPORTING, 0);
    }

    #[test]
    fn stems_cover_gender_and_number() {
        assert_eq!(stem(Lang::Fr, "inquiétantes"), stem(Lang::Fr, "inquiétant"));
        assert_eq!(stem(Lang::Fr, "dangereuses"), stem(Lang::Fr, "dangereux"));
        assert_eq!(stem(Lang::Fr, "cruelles"), stem(Lang::Fr, "cruel"));
        assert_eq!(stem(Lang::En, "failures"), stem(Lang::En, "failure"));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let e = parse(
            "(\n  evaluative: [\"x\"],\n  opinions: [],\n)",
            Path::new("u.ron"),
        )
        .unwrap_err();
        assert_eq!((e.line, e.col > 0), (3, true), "{e}");
        assert!(e.to_string().starts_with("u.ron:3:"), "{e}");
        let e = parse("(evaluative: [\"x\" \"y\"])", Path::new("u.ron")).unwrap_err();
        assert_eq!(e.line, 1, "{e}");
    }

    #[test]
    fn user_file_extends_builtin() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lexicon.fr.ron");
        let mut lex = Lexicon::builtin(Lang::Fr);
        assert!(!lex.extend_from(&p).unwrap());
        std::fs::write(&p, "(evaluative: [\"ubuesque\"])").unwrap();
        assert!(lex.extend_from(&p).unwrap());
        let s = stem(Lang::Fr, "ubuesques");
        assert_eq!(
            lex.cues.longest_by(1, 0, |_| s.as_str()),
            Some((1, Cue::Evaluative))
        );
    }
}
