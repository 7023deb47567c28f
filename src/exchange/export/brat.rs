//! brat standoff: for each article a copy of its text (`.txt`) and an `.ann` file with one
//! `T` line per row (character offsets into the `.txt`), plus an `annotation.conf` naming
//! the four labels so brat opens the folder without warnings. A span that crosses a line
//! break (any character Python's `splitlines` breaks at) is written as brat's
//! discontinuous fragments, since a `T` line holds no line break.

use super::row::Row;
use crate::model::corpus::Corpus;
use crate::model::label::Label;
use crate::store::atomic;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The brat configuration written beside the documents.
pub fn annotation_conf() -> String {
    let mut s = String::from("[entities]\n");
    for l in Label::ALL {
        s.push_str(l.name());
        s.push('\n');
    }
    s.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
    s
}

/// The stem of an article's `.txt`/`.ann` pair: `a.txt` → `a`, `a.md` → `a.md`. A name
/// whose `.txt` cannot be dropped without meeting another article's stem keeps it
/// (`note.md.txt` → `note.md.txt`, beside `note.md` → `note.md`), so every article has its
/// own pair and [`article_of`] gives the article back.
pub fn stem(article: &str) -> &str {
    match article.strip_suffix(".txt") {
        Some(rest) if !is_article_name(rest) => rest,
        _ => article,
    }
}

/// The article whose pair has this stem: the inverse of [`stem`].
pub fn article_of(stem: &str) -> String {
    if is_article_name(stem) {
        stem.to_string()
    } else {
        format!("{stem}.txt")
    }
}

/// Ends like an article (`.txt`, `.md`, any case), as the corpus scan sees one.
fn is_article_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".txt") || lower.ends_with(".md")
}

/// Characters at which brat (Python's `splitlines`) ends an `.ann` line: a `T` line's text
/// is cut into fragments there, as at a newline.
const LINE_BREAKS: [char; 10] = [
    '\n', '\r', '\u{0b}', '\u{0c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}', '\u{2029}',
];

/// The `.ann` text for one article's rows. Each `T` line has an `AnnotatorNotes` line
/// with the label's source and votes, and one more per annotator's note on the span.
pub fn ann(rows: &[&Row]) -> String {
    let mut out = String::new();
    let mut next_note = rows.len() + 1;
    for (n, r) in rows.iter().enumerate() {
        let u = &*r.unit;
        let mut frags = String::new();
        let mut shown = String::new();
        let mut pos = u.char_start;
        for piece in u.text.split(LINE_BREAKS) {
            let len = piece.chars().count();
            if !piece.trim().is_empty() {
                if !frags.is_empty() {
                    frags.push(';');
                    shown.push(' ');
                }
                let _ = write!(frags, "{} {}", pos, pos + len);
                shown.push_str(piece);
            }
            pos += len + 1;
        }
        let _ = writeln!(out, "T{}\t{} {}\t{}", n + 1, r.label.name(), frags, shown);
        let mut note = format!("source={} agreement={:.3}", r.source.as_str(), r.agreement);
        for (who, l) in &u.votes {
            let _ = write!(note, " {who}={l}");
        }
        let _ = writeln!(out, "#{}\tAnnotatorNotes T{}\t{}", n + 1, n + 1, note);
        for (who, text) in &u.notes {
            // A note line holds no line break or tab.
            let flat: Vec<&str> = text.split_whitespace().collect();
            let _ = writeln!(
                out,
                "#{next_note}\tAnnotatorNotes T{}\tnote by {who}: {}",
                n + 1,
                flat.join(" ")
            );
            next_note += 1;
        }
    }
    out
}

/// A file or folder of a brat export that could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BratError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An article that cannot be read, described with its path.
    #[error("{0}")]
    Read(String),
}

/// Names the path an I/O step was about.
fn at(path: &Path) -> impl FnOnce(std::io::Error) -> BratError + '_ {
    move |source| BratError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes the pairs for every article with rows under `dir`, reading article text from
/// `corpus`. Returns the number of articles written.
pub fn write_dir(dir: &Path, rows: &[Row], corpus: &Corpus) -> Result<usize, BratError> {
    let entries = corpus.by_id();
    std::fs::create_dir_all(dir).map_err(at(dir))?;
    atomic::write(&dir.join("annotation.conf"), annotation_conf().as_bytes()).map_err(at(dir))?;
    let mut written = 0;
    let mut i = 0;
    while i < rows.len() {
        let article = rows[i].unit.article.clone();
        let mut group: Vec<&Row> = Vec::new();
        while i < rows.len() && rows[i].unit.article == article {
            group.push(&rows[i]);
            i += 1;
        }
        // The file by its name on disk, which an id may only spell (`\xNN`).
        let src = entries
            .get(&*article)
            .map_or_else(|| corpus.root.join(&*article), |e| e.path.clone());
        let (bytes, _) =
            crate::store::whole_file::read_path_meta(&src, crate::model::document::MAX_BYTES)
                .map_err(|e| BratError::Read(e.describe(&src)))?;
        let base: PathBuf = dir.join(stem(&article));
        if let Some(parent) = base.parent() {
            std::fs::create_dir_all(parent).map_err(at(parent))?;
        }
        let txt = base.with_file_name(format!("{}.txt", file_name(&base)));
        let annp = base.with_file_name(format!("{}.ann", file_name(&base)));
        atomic::write(&txt, &bytes).map_err(at(&txt))?;
        atomic::write(&annp, ann(&group).as_bytes()).map_err(at(&annp))?;
        written += 1;
    }
    Ok(written)
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::export::policy::Source;
    use crate::exchange::export::units::Unit;
    use std::sync::Arc;

    #[test]
    fn spans_across_lines_become_fragments() {
        let text = "Des frappes larges et\nsophistiquées.";
        let u = Unit {
            article: Arc::from("a.txt"),
            index: 0,
            start: 10,
            end: 10 + text.len(),
            char_start: 8,
            char_end: 8 + text.chars().count(),
            text: text.into(),
            votes: vec![(Arc::from("alice"), Label::Quote)],
            notes: vec![(Arc::from("alice"), "cité\tpar\nl'AFP".into())],
            context_before: vec![],
            context_after: vec![],
        };
        let r = Row {
            unit: Arc::new(u),
            label: Label::Quote,
            source: Source::Annotator(Arc::from("alice")),
            agreement: 1.0,
        };
        let a = ann(&[&r]);
        let first = a.lines().next().unwrap();
        assert_eq!(
            first,
            "T1\tquote 8 29;30 44\tDes frappes larges et sophistiquées."
        );
        assert!(a.contains("AnnotatorNotes T1\tsource=alice agreement=1.000 alice=quote"));
        assert!(
            a.contains("\n#2\tAnnotatorNotes T1\tnote by alice: cité par l'AFP\n"),
            "{a}"
        );
        assert_eq!(stem("d/x.txt"), "d/x");
        assert_eq!(stem("x.md"), "x.md");
        assert!(annotation_conf().contains("[entities]\nfactual\nquote\nopinion\nskip\n"));
    }
}
