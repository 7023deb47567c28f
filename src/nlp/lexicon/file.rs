//! The lexicon file format (RON) and its errors.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file format. Every list is optional so a user file holds only its additions.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LexiconFile {
    /// Reporting verbs as infinitives; regular ones are conjugated by glose.
    pub reporting_verbs: Vec<String>,
    /// Inflected forms glose cannot generate (irregular verbs).
    pub reporting_forms: Vec<String>,
    /// Verbs that report speech only inside a speech frame (`que`/`that`, a colon, a
    /// quotation, an inverted clause), since they also name an action: `publier`,
    /// `proposer`, `appeler`, `répondre`, `write`, `call`. Regular ones are conjugated.
    pub frame_verbs: Vec<String>,
    pub frame_forms: Vec<String>,
    /// Verbs whose subject is always a speaker (`dire`, `déclarer`, `say`, `tell`): they
    /// attribute whatever the subject's noun, where other reporting verbs need a source
    /// noun or a name (`L'album révèle…`). Regular ones are conjugated.
    pub speech_verbs: Vec<String>,
    pub speech_forms: Vec<String>,
    /// Verbs of opinion that attribute only with a third-party subject and `que`/`that`.
    pub thought_verbs: Vec<String>,
    pub thought_forms: Vec<String>,
    /// Auxiliaries that may precede a participle (`a déclaré`, `has said`).
    pub auxiliaries: Vec<String>,
    /// Phrases that introduce a source: `selon`, `d'après`, `according to`.
    pub source_intros: Vec<String>,
    /// Prepositions introducing an opinion holder at the head of a sentence (`pour`).
    pub holder_intros: Vec<String>,
    /// Nouns that head a source (`porte-parole`, `communiqué`, `witness`).
    pub source_nouns: Vec<String>,
    /// First-person words: a source in the author's own voice is not an attribution.
    pub first_person: Vec<String>,
    pub evaluative: Vec<String>,
    pub weak_evaluative: Vec<String>,
    pub intensifiers: Vec<String>,
    pub hedges: Vec<String>,
    pub certainty: Vec<String>,
    pub deontic: Vec<String>,
    pub interpretive: Vec<String>,
    pub generalisations: Vec<String>,
    pub metaphors: Vec<String>,
    /// Figures of decline and collapse said of a country, an economy, an institution
    /// (`l'économie suffoque`, `the state crumbles`): counted as metaphors.
    pub figurative_decline: Vec<String>,
    /// Words of judgement by semantic class: quality (`impeccable`, `shoddy`), magnitude
    /// as hyperbole (`vertigineux`, `eye-watering`), failings (`incapacité`, `cowardice`),
    /// evaluative manner adverbs (`honteusement`, `ironically`): counted as evaluative.
    pub judgement: Vec<String>,
    /// Interpretation of motives (`pour justifier`, `sous prétexte de`, `under the guise
    /// of`): counted as interpretive.
    pub motive_markers: Vec<String>,
    /// Markers of the author arguing against a view (`au contraire`, `loin d'être`,
    /// `far from`): counted with the certainty markers.
    pub argument_markers: Vec<String>,
    /// Words that never count as the journalistic conditional although they end like one.
    pub not_conditional: Vec<String>,
    pub months: Vec<String>,
    pub weekdays: Vec<String>,
    pub number_words: Vec<String>,
    /// `au moins`, `plus de`, `at least`.
    pub approximators: Vec<String>,
    /// Prepositions before a place name (`à`, `in`).
    pub place_preps: Vec<String>,
    /// Function words: determiners, prepositions, pronouns.
    pub function_words: Vec<String>,
    /// Words of bylines and author blurbs.
    pub byline: Vec<String>,
    /// Words of cookie banners and site chrome.
    pub banner: Vec<String>,
    /// Words addressing the reader (`vous`, `you`): only such sentences are checked for a
    /// banner on their line.
    pub reader_address: Vec<String>,
    /// Finite verb forms the endings do not tell (`fait`, `va`, `peut`; `said`, `went`):
    /// a unit with no finite verb is a title, a caption or a list fragment.
    pub finite_forms: Vec<String>,
    /// Subject pronouns: the word after one is a finite verb.
    pub subject_pronouns: Vec<String>,
    /// Relative pronouns: a verb right after one is in a relative clause, not the main one.
    pub relatives: Vec<String>,
    /// Words that open a caption or credit line (`Fichier :`, `Photo :`, `Credit:`).
    pub caption_words: Vec<String>,
    /// Subjects of text about the page itself (`cet article`, `this page`).
    pub meta_subjects: Vec<String>,
    /// Verbs of such text (`détaille`, `describes`).
    pub meta_verbs: Vec<String>,
    /// The site as a place to look things up (`site officiel`, `official website`).
    pub site_refs: Vec<String>,
    /// Words of the site's own services in a question to the reader (`abonné`, `account`).
    pub site_words: Vec<String>,
    /// Banner words that also occur in prose (`consentement`, `publicité`): a banner only
    /// with a second banner word or an address to the reader.
    pub weak_banner: Vec<String>,
    /// Dates relative to the time of writing: `hier`, `ce week-end`, `last week`.
    pub relative_dates: Vec<String>,
    /// Words after a day that narrow it (`soir`, `dernier`; `morning`).
    pub day_parts: Vec<String>,
    /// Words before a day that place it (`last`, `next`, `this`).
    pub day_before: Vec<String>,
    /// The noun of a century (`siècle`, `century`).
    pub century: Vec<String>,
    /// Words after a figure that make it a percentage (`pour cent`, `percent`).
    pub percent: Vec<String>,
    /// Words that end like a finite verb but are nouns or adjectives (`lait`, `souvent`).
    pub not_finite: Vec<String>,
}

/// A lexicon file that cannot be used, with where.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}:{line}:{col}: {}",
    crate::model::sanitize::path(path),
    crate::model::sanitize::clean(msg)
)]
pub struct LexiconError {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub msg: String,
}

/// Parses lexicon text; `path` is only used in errors.
pub fn parse(text: &str, path: &Path) -> Result<LexiconFile, LexiconError> {
    ron::from_str(text).map_err(|e| LexiconError {
        path: path.to_path_buf(),
        line: e.span.start.line,
        col: e.span.start.col,
        msg: e.code.to_string(),
    })
}
