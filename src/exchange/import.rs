//! Labels made elsewhere (another tool, a model's predictions, a hand-cut gold file) brought
//! into one annotator's sidecars, where review compares them with human annotators.
//!
//! Each input line is a JSON object naming an `article` (path relative to the corpus), a
//! `label`, and the sentence by byte span (`start`, `end`) or by exact `text`; other fields
//! are ignored, so `glose export --format jsonl` output imports as it is. A span that is a
//! glose sentence attaches to it; any other span that slices the article is stored at its
//! own span (kept by the sidecar as an unattached label, exported at that span). Nothing is
//! overwritten with a different label unless asked.

use crate::model::annotations::{Annotations, GoldWrite, same_text};
use crate::model::annotator::Annotator;
use crate::model::corpus::Corpus;
use crate::model::document::Document;
use crate::model::label::Label;
use crate::model::sidecar::{How, Record};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// One usable input line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// 1-based line number in the input.
    pub line: usize,
    pub article: String,
    pub span: Option<(usize, usize)>,
    pub text: Option<String>,
    pub label: Label,
    /// Which model made the label, kept in the sidecar.
    pub model: Option<String>,
    /// A note on the label (the `note` field of an export), kept in the sidecar.
    pub note: Option<String>,
}

#[derive(Deserialize)]
struct Raw {
    article: String,
    label: String,
    start: Option<usize>,
    end: Option<usize>,
    text: Option<String>,
    model: Option<String>,
    note: Option<String>,
}

/// Parses the input; lines that cannot be used come back with their number and why.
pub fn parse(input: &str) -> (Vec<Line>, Vec<(usize, String)>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    // Windows tools often start UTF-8 text with a byte order mark.
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    for (i, text) in input.lines().enumerate() {
        let n = i + 1;
        if text.trim().is_empty() {
            continue;
        }
        let raw: Raw = match serde_json::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                bad.push((n, format!("not a usable JSON object: {e}")));
                continue;
            }
        };
        let label = match raw.label.parse::<Label>() {
            Ok(l) => l,
            Err(e) => {
                bad.push((n, e.to_string()));
                continue;
            }
        };
        let span = match (raw.start, raw.end) {
            (Some(s), Some(e)) => Some((s, e)),
            (None, None) => None,
            _ => {
                bad.push((n, "gives only one of `start` and `end`".into()));
                continue;
            }
        };
        if span.is_none() && raw.text.is_none() {
            bad.push((
                n,
                "names no sentence: give `start` and `end`, or `text`".into(),
            ));
            continue;
        }
        // `./a.txt` names the same article as `a.txt`.
        let mut article = raw.article.as_str();
        while let Some(rest) = article.strip_prefix("./") {
            article = rest;
        }
        ok.push(Line {
            line: n,
            article: article.to_string(),
            span,
            text: raw.text,
            label,
            model: raw.model,
            note: raw.note.filter(|n| !n.is_empty()),
        });
    }
    (ok, bad)
}

/// How an import went; every count is in input lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Lines whose span is a glose sentence.
    pub on_sentence: usize,
    /// Lines stored at their own span (the source segmented differently).
    pub own_span: usize,
    /// New labels written.
    pub added: usize,
    /// The same label was already there.
    pub unchanged: usize,
    /// A different label was replaced (`--overwrite`).
    pub overwritten: usize,
    /// A different label is already there and was kept: line number and what.
    pub conflicts: Vec<(usize, String)>,
    /// Lines that match no article or no text, or cannot be read: line number and why.
    pub rejected: Vec<(usize, String)>,
    /// Sidecars written (or that would be, in a dry run).
    pub sidecars: usize,
}

/// Options of an import.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Replace a different existing label instead of keeping it.
    pub overwrite: bool,
    /// Resolve and count everything, write nothing.
    pub dry_run: bool,
    /// Set when the user allowed writing gold (`--allow-gold`); without it an import
    /// under `gold` writes nothing.
    pub gold: Option<GoldWrite>,
}

/// Imports parsed lines into `annotator`'s sidecars of `corpus`.
pub fn import(corpus: &Corpus, annotator: &Annotator, lines: Vec<Line>, opts: Options) -> Report {
    let mut report = Report::default();
    let mut by_article: BTreeMap<String, Vec<Line>> = BTreeMap::new();
    for l in lines {
        by_article.entry(l.article.clone()).or_default().push(l);
    }
    let entries = corpus.by_id();
    for (article, lines) in by_article {
        let reject_all = |report: &mut Report, why: String| {
            for l in &lines {
                report.rejected.push((l.line, why.clone()));
            }
        };
        let Some(entry) = entries.get(article.as_str()) else {
            reject_all(&mut report, format!("no article `{article}` in the corpus"));
            continue;
        };
        let doc = match Document::load(&entry.path, &entry.id) {
            Ok(d) => d,
            Err(why) => {
                reject_all(&mut report, format!("{}: {why}", entry.path.display()));
                continue;
            }
        };
        let loaded = match opts.gold {
            Some(permit) if annotator.is_gold() => Annotations::load_gold(&doc, permit),
            _ => Annotations::load(&doc, annotator),
        };
        let mut ann = match loaded {
            Ok(a) => a,
            Err(e) => {
                reject_all(&mut report, format!("sidecar cannot be read: {e}"));
                continue;
            }
        };
        let changed = apply(&doc, &mut ann, &lines, opts, &mut report);
        if changed {
            report.sidecars += 1;
            if !opts.dry_run
                && let Err(e) = ann.save(&doc)
            {
                reject_all(&mut report, format!("cannot write: {e}"));
            }
        }
    }
    report.rejected.sort();
    report.conflicts.sort();
    report
}

/// Resolves one article's lines and records them; true when something changed.
fn apply(
    doc: &Document,
    ann: &mut Annotations,
    lines: &[Line],
    opts: Options,
    report: &mut Report,
) -> bool {
    let mut changed = false;
    let mut taken: HashMap<(usize, usize), (usize, Label)> = HashMap::new();
    let at = crate::model::sidecar::now();
    for l in lines {
        let (start, end) = match locate(doc, l, &taken) {
            Ok(s) => s,
            Err(why) => {
                report.rejected.push((l.line, why.to_string()));
                continue;
            }
        };
        if let Some(&(first, label)) = taken.get(&(start, end)) {
            if label == l.label {
                report.unchanged += 1;
            } else {
                let what = format!(
                    "bytes {start}..{end} are labeled {label} on line {first} of the same input"
                );
                report.conflicts.push((l.line, what));
            }
            continue;
        }
        taken.insert((start, end), (l.line, l.label));
        let mut rec = Record::new(start, end, &doc.raw[start..end], l.label, How::Import);
        rec.at = at.clone();
        rec.model = l.model.clone();
        rec.note_at = l.note.as_ref().map(|_| at.clone());
        rec.note = l.note.clone();
        let slot = doc.sentence_at(start, end);
        if slot.is_some() {
            report.on_sentence += 1;
        } else {
            report.own_span += 1;
        }
        let existing = match slot {
            Some(i) => ann.labels[i].as_ref().map(|r| r.label),
            None => ann
                .orphans
                .iter()
                .find(|o| (o.start, o.end) == (start, end) && same_text(&o.text, &rec.text))
                .map(|o| o.label),
        };
        match existing {
            Some(old) if old == l.label => {
                report.unchanged += 1;
                continue;
            }
            Some(old) if !opts.overwrite => {
                let what = format!(
                    "bytes {start}..{end} already labeled {old} by {} (use --overwrite to replace)",
                    ann.annotator
                );
                report.conflicts.push((l.line, what));
                continue;
            }
            Some(_) => report.overwritten += 1,
            None => report.added += 1,
        }
        match slot {
            Some(i) => {
                ann.set(i, Some(rec));
            }
            None => {
                ann.orphans.retain(|o| {
                    !((o.start, o.end) == (start, end) && same_text(&o.text, &rec.text))
                });
                ann.orphans.push(rec);
            }
        }
        changed = true;
    }
    changed
}

/// Why a line names no span of its article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unlocated {
    #[error(
        "bytes {start}..{end} are not a span of `{article}` ({len} bytes; offsets must fall between characters)"
    )]
    NotASpan {
        start: usize,
        end: usize,
        article: String,
        len: usize,
    },
    #[error(
        "text does not match bytes {start}..{end} of `{article}` (the article changed, or offsets are not UTF-8 bytes)"
    )]
    TextMismatch {
        start: usize,
        end: usize,
        article: String,
    },
    #[error("bytes {start}..{end} of `{article}` are only whitespace")]
    Whitespace {
        start: usize,
        end: usize,
        article: String,
    },
    #[error("empty `text`")]
    EmptyText,
    #[error("text not found in `{0}`")]
    TextNotFound(String),
}

/// The byte span a line names in the article.
fn locate(
    doc: &Document,
    l: &Line,
    taken: &HashMap<(usize, usize), (usize, Label)>,
) -> Result<(usize, usize), Unlocated> {
    if let Some((start, end)) = l.span {
        let slice = doc
            .raw
            .get(start..end)
            .filter(|_| start < end)
            .ok_or_else(|| Unlocated::NotASpan {
                start,
                end,
                article: doc.id.clone(),
                len: doc.raw.len(),
            })?;
        if let Some(t) = &l.text
            && t != slice
        {
            return Err(Unlocated::TextMismatch {
                start,
                end,
                article: doc.id.clone(),
            });
        }
        // Surrounding whitespace is not part of a sentence: glose's spans never hold it.
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        if lead == slice.len() {
            return Err(Unlocated::Whitespace {
                start,
                end,
                article: doc.id.clone(),
            });
        }
        return Ok((start + lead, end - trail));
    }
    let text = l.text.as_deref().unwrap_or_default().trim();
    if text.is_empty() {
        return Err(Unlocated::EmptyText);
    }
    // A glose sentence with this text first (repeats take successive occurrences), then
    // the text anywhere in the article.
    let sentence = (0..doc.sentences.len())
        .filter(|&i| doc.sentence_text(i) == text)
        .map(|i| (doc.sentences[i].start, doc.sentences[i].end))
        .find(|s| !taken.contains_key(s));
    let anywhere = || {
        doc.raw
            .match_indices(text)
            .map(|(i, _)| (i, i + text.len()))
            .find(|s| !taken.contains_key(s))
    };
    sentence
        .or_else(anywhere)
        .ok_or_else(|| Unlocated::TextNotFound(doc.id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::from_bytes(
            text.as_bytes().to_vec(),
            std::path::Path::new("a.txt"),
            "a.txt",
        )
        .unwrap()
    }

    fn line(span: Option<(usize, usize)>, text: Option<&str>) -> Line {
        Line {
            line: 1,
            article: "a.txt".into(),
            span,
            text: text.map(str::to_string),
            label: Label::Quote,
            model: None,
            note: None,
        }
    }

    #[test]
    fn locate_trims_spans_and_takes_repeats_in_turn() {
        let d = doc("Un. Deux.\n\nUn.\n");
        let none = HashMap::new();
        assert_eq!(locate(&d, &line(Some((3, 11)), None), &none), Ok((4, 9)));
        assert!(locate(&d, &line(Some((9, 11)), None), &none).is_err());
        assert!(locate(&d, &line(Some((0, 3)), Some("Deux.")), &none).is_err());
        let first = locate(&d, &line(None, Some(" Un. ")), &none).unwrap();
        assert_eq!(&d.raw[first.0..first.1], "Un.");
        let mut taken = HashMap::new();
        taken.insert(first, (1, Label::Quote));
        let second = locate(&d, &line(None, Some("Un.")), &taken).unwrap();
        assert_ne!(first, second);
        assert_eq!(&d.raw[second.0..second.1], "Un.");
        assert!(locate(&d, &line(None, Some("Trois.")), &none).is_err());
    }

    #[test]
    fn parse_reports_bad_lines_by_number() {
        let input = concat!(
            "{\"article\":\"a.txt\",\"start\":0,\"end\":3,\"label\":\"quote\",\"idx\":0}\n",
            "\n",
            "not json\n",
            "{\"article\":\"a.txt\",\"text\":\"Un.\",\"label\":\"neutral\"}\n",
            "{\"article\":\"a.txt\",\"start\":0,\"label\":\"quote\"}\n",
            "{\"article\":\"a.txt\",\"label\":\"quote\"}\n",
            "{\"article\":\"./a.txt\",\"text\":\"Un.\",\"label\":\"Opinion\",\"model\":\"m1\"}\n",
        );
        let (ok, bad) = parse(input);
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].span, Some((0, 3)));
        assert_eq!(ok[1].line, 7);
        assert_eq!(ok[1].label, Label::Opinion);
        assert_eq!(ok[1].model.as_deref(), Some("m1"));
        assert_eq!(ok[1].article, "a.txt");
        let lines: Vec<usize> = bad.iter().map(|b| b.0).collect();
        assert_eq!(lines, [3, 4, 5, 6]);
        assert!(bad[1].1.contains("unknown label"));
    }
}
