//! The one entry point the reader uses for highlights and suggestions, so the TUI does not
//! care how they are made (rules, lexicons, a learned model trained in the background).
//!
//! The reader calls [`Analyzer::for_corpus`] (or [`Analyzer::builtin`]) once, then
//! [`Analyzer::lang`] per article and [`Analyzer::sentence`] per visible sentence. A
//! [`crate::nlp::trainer`] installs newer models into the same analyzer (clones share
//! the model slot); [`Analyzer::generation`] changes each time, so the reader can drop
//! cached suggestions when it does.

use crate::config::Config;
use crate::model::document::Document;
use crate::model::project::{Project, SuggestionMode};
use crate::nlp::highlight::{self, Span, tokens};
use crate::nlp::lang::{self, Lang};
use crate::nlp::lexicon::{Lexicon, LexiconError, flag};
use crate::nlp::suggest::folds::Learned;
use crate::nlp::suggest::formula;
use crate::nlp::suggest::interview::{self, Role};
use crate::nlp::suggest::turn::{self, Record};
use crate::nlp::suggest::{self, Evidence, Suggestion, skip};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// The most of one unit the rules and the model look at. A unit without a sentence end
/// can be an article of tens of megabytes; its highlights and suggestion come from this
/// much of its start, so that the cost of one unit stays bounded (the suggestion says so).
pub const MAX_UNIT_BYTES: usize = 64 << 10;

/// The reason a suggestion gives when its unit was cut to [`MAX_UNIT_BYTES`].
pub fn capped_reason() -> String {
    format!(
        "only the first {} KiB of this unit analysed",
        MAX_UNIT_BYTES >> 10
    )
}

/// `end`, or the end of the first [`MAX_UNIT_BYTES`] of `text[start..end]` (on a
/// character boundary), and whether it was cut. The trainer learns from the same part of
/// a unit that suggestions look at.
pub fn bounded(text: &str, start: usize, end: usize) -> (usize, bool) {
    if end.saturating_sub(start) <= MAX_UNIT_BYTES || end > text.len() {
        return (end, false);
    }
    (text.floor_char_boundary(start + MAX_UNIT_BYTES), true)
}

/// Highlights and a suggestion for one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceAnalysis {
    /// Empty when the project turns highlights off.
    pub spans: Vec<Span>,
    /// `None` when the project turns suggestions off.
    pub suggestion: Option<Suggestion>,
}

/// The learned models currently in use, shared by every clone of an analyzer.
#[derive(Debug, Default)]
struct Slot {
    model: RwLock<Option<Arc<Learned>>>,
    generation: AtomicU64,
}

/// Holds lexicons and the current suggestion model. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Analyzer {
    lexicons: Arc<[Lexicon; 2]>,
    forced: Option<Lang>,
    slot: Arc<Slot>,
    /// The project's `suggestions` and `highlights` (see [`Analyzer::with_project`]).
    suggestions: SuggestionMode,
    highlights: bool,
}

/// File name of a user lexicon in the config folder (`lexicon.fr.ron`).
pub fn user_lexicon_name(lang: Lang) -> String {
    format!("lexicon.{}.ron", lang.code())
}

/// File name of a corpus lexicon at the corpus root (`glose-lexicon.fr.ron`).
pub fn corpus_lexicon_name(lang: Lang) -> String {
    format!("glose-lexicon.{}.ron", lang.code())
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::builtin()
    }
}

impl Analyzer {
    /// The built-in lexicons and rules.
    pub fn builtin() -> Analyzer {
        Analyzer {
            lexicons: Arc::new([Lexicon::builtin(Lang::Fr), Lexicon::builtin(Lang::En)]),
            forced: None,
            slot: Arc::new(Slot::default()),
            suggestions: SuggestionMode::default(),
            highlights: true,
        }
    }

    /// The built-in lexicons extended by the user's (`lexicon.fr.ron` in the config
    /// folder) and the corpus's (`glose-lexicon.fr.ron` at its root), and the language
    /// forced by the config, if any.
    pub fn for_corpus(root: &Path, cfg: &Config) -> Result<Analyzer, LexiconError> {
        let user = crate::config::config_dir();
        Analyzer::with_lexicons(user.as_deref(), Some(root), cfg)
    }

    /// Same, with the user's lexicon folder given (tests and tools that must not read the
    /// real config folder).
    pub fn with_lexicons(
        user_dir: Option<&Path>,
        root: Option<&Path>,
        cfg: &Config,
    ) -> Result<Analyzer, LexiconError> {
        // Each language's lists are built and indexed on a core of their own: the two cost
        // as many instructions as segmenting 800 kB of text, and every command waits.
        let build = |lang: Lang| -> Result<Lexicon, LexiconError> {
            let mut lex = Lexicon::builtin(lang);
            if let Some(d) = user_dir {
                lex.extend_from(&d.join(user_lexicon_name(lang)))?;
            }
            if let Some(r) = root {
                lex.extend_from(&r.join(corpus_lexicon_name(lang)))?;
            }
            Ok(lex)
        };
        let (fr, en) = rayon::join(|| build(Lang::Fr), || build(Lang::En));
        let (fr, en) = (fr?, en?);
        let forced = match cfg.language.as_deref() {
            None | Some("") | Some("auto") => None,
            Some(code) => Some(Lang::from_code(code).ok_or_else(|| LexiconError {
                path: user_dir.unwrap_or(Path::new("")).join("config.ron"),
                line: 0,
                col: 0,
                msg: format!("unknown language `{code}` (expected fr, en or auto)"),
            })?),
        };
        Ok(Analyzer {
            lexicons: Arc::new([fr, en]),
            forced,
            slot: Arc::new(Slot::default()),
            suggestions: SuggestionMode::default(),
            highlights: true,
        })
    }

    /// Follows the project file's `suggestions` (`Off`: none; `Rules`: never the model)
    /// and `highlights` (`false`: no spans handed out; the rules still see them).
    pub fn with_project(mut self, p: &Project) -> Analyzer {
        self.suggestions = p.suggestions;
        self.highlights = p.highlights;
        self
    }

    /// Which suggestions this analyzer makes.
    pub fn suggestions(&self) -> SuggestionMode {
        self.suggestions
    }

    /// The lexicon of a language.
    pub fn lexicon(&self, lang: Lang) -> &Lexicon {
        match lang {
            Lang::Fr => &self.lexicons[0],
            Lang::En => &self.lexicons[1],
        }
    }

    /// The language of an article: the config's, else guessed from its words.
    pub fn lang(&self, doc: &Document) -> Lang {
        self.lang_of(&doc.raw)
    }

    /// The language of a text: the config's, else guessed from its words.
    pub fn lang_of(&self, text: &str) -> Lang {
        self.forced.unwrap_or_else(|| lang::detect(text))
    }

    /// Highlights and suggestion for sentence `i` of `doc`: with the learned models, the
    /// one trained without `doc`'s article group (see [`crate::nlp::suggest::folds`]).
    pub fn sentence(&self, doc: &Document, lang: Lang, i: usize) -> SentenceAnalysis {
        let s = doc.sentences[i];
        self.unit(Some(&doc.id), &doc.raw, lang, s.start, s.end)
    }

    /// Highlights and suggestion for any unit `text[start..end]` (eval uses the reference's
    /// own cuts). Outside an article, no learned model can be kept independent of the
    /// unit's labels: the rules suggest.
    pub fn span(&self, text: &str, lang: Lang, start: usize, end: usize) -> SentenceAnalysis {
        self.unit(None, text, lang, start, end)
    }

    fn unit(
        &self,
        article: Option<&str>,
        text: &str,
        lang: Lang,
        start: usize,
        end: usize,
    ) -> SentenceAnalysis {
        let (end, capped) = bounded(text, start, end);
        let (mut spans, ev_skip, cont, toks) = self.evidence_and_tokens(text, lang, start, end);
        let ev = Evidence {
            text,
            spans: &spans,
            skip: ev_skip,
            continues_attribution: cont,
        };
        let suggestion = match self.suggestions {
            SuggestionMode::Off => None,
            SuggestionMode::Rules => Some(suggest::rules(&ev)),
            SuggestionMode::Learned => {
                let rules = suggest::rules(&ev);
                Some(match (article, self.learned()) {
                    (Some(a), Some(l)) => l.suggest(a, rules, |m, r| {
                        m.refine(&ev, text, start, end, Some(&toks), r)
                    }),
                    _ => rules,
                })
            }
        };
        let suggestion = suggestion.map(|mut s| {
            if capped {
                s.reasons.push(capped_reason());
            }
            s
        });
        if !self.highlights {
            spans.clear();
        }
        SentenceAnalysis { spans, suggestion }
    }

    /// The rules' view of a unit: spans (none for skip units), why it is skipped, whether
    /// it continues an attributed introduction.
    pub fn evidence(
        &self,
        text: &str,
        lang: Lang,
        start: usize,
        end: usize,
    ) -> (Vec<Span>, Option<&'static str>, bool) {
        let (end, _) = bounded(text, start, end);
        let (spans, why, cont, _) = self.evidence_and_tokens(text, lang, start, end);
        (spans, why, cont)
    }

    /// [`Analyzer::evidence`] and the unit's tokens, which the model's features reuse.
    fn evidence_and_tokens(
        &self,
        text: &str,
        lang: Lang,
        start: usize,
        end: usize,
    ) -> (Vec<Span>, Option<&'static str>, bool, Vec<tokens::Tok>) {
        let lex = self.lexicon(lang);
        if start >= end || end > text.len() {
            return (Vec::new(), None, false, Vec::new());
        }
        let toks = tokens::tokenize(lex, text, start, end);
        let mut spans = highlight::spans_of(lex, text, start, end, &toks);
        let addresses_reader = toks.iter().any(|t| t.is(flag::READER));
        let line_toks = addresses_reader
            .then(|| skip::neighbours(text, start, end))
            .flatten()
            .map(|(a, b)| tokens::tokenize(lex, text, a, b))
            .unwrap_or_default();
        let attributed = spans.iter().any(Span::is_attribution);
        let mut why = skip::reason(lex, text, start, end, &toks, &line_toks, attributed);
        let record = (lang == Lang::Fr)
            .then(|| turn::record(lex, text, start, end))
            .flatten();
        match record {
            Some(Record::Speaker) if !attributed => why = Some("speaker of a debate record"),
            Some(Record::StageDirection) => why = Some("stage direction"),
            _ => {}
        }
        let role = interview::role(text, start, end);
        let mut turn = match (lang, record, role) {
            (_, _, Some(Role::Question)) => None,
            (Lang::Fr, Some(Record::Speech), _) => Some(None),
            _ => turn::interview(text, start),
        };
        // A line opening on a speaker label is a turn, whatever its shape, unless the
        // unit is the label alone (cut from its words) or a headline quoting the speaker
        // (`Pascal Mérieux : « Fermer les urgences la nuit, … »`).
        if let Some(Some(label_end)) = turn
            && label_end <= end
        {
            let words = text[label_end..end].trim_start();
            let headline = why == Some("heading") && words.starts_with(['«', '"', '“']);
            if words.trim_end().is_empty() || headline {
                turn = None;
            } else {
                why = None;
            }
        }
        // Politeness said for its own sake is ceremony, in a speaker's turn too (`DIANE
        // COLE: Thank you, Ben.`).
        let words_from = match turn {
            Some(Some(label_end)) if label_end <= end => label_end,
            _ => start,
        };
        if !attributed
            && why.is_none()
            && formula::is_formula(
                text,
                &toks[toks.partition_point(|t| t.start < words_from)..],
            )
        {
            why = Some("formula");
            turn = None;
        }
        if role == Some(Role::Question) {
            why = Some("an interviewer's question");
        }
        if turn.is_some() && turn::interjection(text, start) {
            why = Some("the room's interjection");
        }
        if why.is_some() {
            spans.clear();
        }
        let mut attributed = attributed;
        if let Some(Some(label_end)) = turn
            && !attributed
            && why.is_none()
            && label_end <= end
        {
            spans.push(Span {
                start,
                end: label_end,
                kind: highlight::Kind::Source,
                rule: "speaker-label",
            });
            spans.sort_by_key(|s| (s.start, s.end));
            attributed = true;
        }
        let answer = matches!(role, Some(Role::Answer | Role::Asker));
        let in_turn = (turn.is_some() || answer) && !attributed && why.is_none();
        let cont = !attributed
            && why.is_none()
            && (in_turn || self.continues_attribution(lex, text, start));
        (spans, why, cont, toks)
    }

    fn continues_attribution(&self, lex: &Lexicon, text: &str, start: usize) -> bool {
        let lower = text[start..].chars().next().is_some_and(char::is_lowercase);
        // Only a sentence starting in lower case can continue an introduction: the line
        // look-ups are left to those.
        if !lower
            || skip::line_of(text, start).0 != text[..start].trim_end_matches([' ', '\t']).len()
        {
            return false;
        }
        let Some((ps, pe)) = skip::previous_line(text, start) else {
            return false;
        };
        if !text[ps..pe].ends_with(':') {
            return false;
        }
        let from = text.floor_char_boundary(ps.max(pe.saturating_sub(300)));
        highlight::spans(lex, text, from, pe)
            .iter()
            .any(Span::is_attribution)
    }

    /// The unlabeled sentence whose suggestion is least confident, across `docs` (active
    /// learning: label it next). `labeled(d, i)` tells whether sentence `i` of `docs[d]`
    /// already has a label. Returns `(document index, sentence index, confidence)`.
    pub fn least_confident(
        &self,
        docs: &[Document],
        labeled: impl Fn(usize, usize) -> bool,
    ) -> Option<(usize, usize, f32)> {
        let mut best: Option<(usize, usize, f32)> = None;
        for (d, doc) in docs.iter().enumerate() {
            let lang = self.lang(doc);
            for i in (0..doc.sentences.len()).filter(|&i| !labeled(d, i)) {
                let Some(c) = self.sentence(doc, lang, i).suggestion.map(|s| s.confidence) else {
                    continue;
                };
                if best.is_none_or(|b| c < b.2) {
                    best = Some((d, i, c));
                }
            }
        }
        best
    }

    /// The learned models in use, if any.
    pub fn learned(&self) -> Option<Arc<Learned>> {
        self.slot.model.read().ok().and_then(|m| m.clone())
    }

    /// Installs newer models (the trainer calls this); bumps [`Analyzer::generation`].
    pub fn set_learned(&self, learned: Option<Learned>) {
        if let Ok(mut m) = self.slot.model.write() {
            *m = learned.map(Arc::new);
        }
        self.slot.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Changes whenever the model changes: cached suggestions older than it are stale.
    pub fn generation(&self) -> u64 {
        self.slot.generation.load(Ordering::SeqCst)
    }

    /// Name of the suggester for units outside any article: always the rules (see
    /// [`Analyzer::span`]).
    pub fn model_name(&self) -> String {
        suggest::RULES.to_string()
    }
}
