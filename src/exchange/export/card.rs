//! The Hugging Face dataset card (`README.md`) of a split export: its YAML header names
//! each split's file (`configs`) and every column's type (`dataset_info.features`), so
//! `datasets.load_dataset(DIR)` loads all splits with no argument, and splits whose
//! optional columns are all empty still load with the same types. The label names and the
//! manifest's counts are in the header and in the text below it.

use super::manifest::{label_counts, split_file};
use super::{Dataset, Format, Options};
use crate::model::label::Label;
use std::fmt::Write as _;

/// The first line of the text below the header: how glose tells a card it wrote from a
/// `README.md` someone else put in the folder (which it never overwrites).
pub const MARK: &str = "<!-- written by glose export; rewritten on each export -->";

/// A column type in the card's `features`.
enum Feature {
    Dtype(&'static str),
    Struct(Vec<(String, Feature)>),
    List(&'static str),
}

use Feature::{Dtype, List, Struct};

/// The splits that have rows, in order: an empty split gets no file.
pub fn written_splits(ds: &Dataset) -> impl Iterator<Item = (usize, &str)> {
    ds.splits
        .iter()
        .enumerate()
        .filter(|(i, _)| !ds.rows[*i].is_empty())
        .map(|(i, n)| (i, n.as_str()))
}

/// Every annotator with a label or a note in the dataset, sorted.
fn annotators(ds: &Dataset) -> Vec<String> {
    let mut names: Vec<String> = ds
        .rows
        .iter()
        .flatten()
        .flat_map(|r| {
            let u = &*r.unit;
            u.votes
                .iter()
                .map(|(w, _)| w)
                .chain(u.notes.iter().map(|(w, _)| w))
        })
        .map(|w| w.to_string())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The columns of a row in `format`, with their types.
fn features(ds: &Dataset, opts: &Options, format: Format) -> Vec<(String, Feature)> {
    let who = annotators(ds);
    let map = |dtype: &'static str| -> Feature {
        Struct(who.iter().map(|w| (w.clone(), Dtype(dtype))).collect())
    };
    let f = |n: &str, t: Feature| (n.to_string(), t);
    let position = || {
        vec![
            f("id", Dtype("string")),
            f("article", Dtype("string")),
            f("index", Dtype("int64")),
            f("start", Dtype("int64")),
            f("end", Dtype("int64")),
            f("char_start", Dtype("int64")),
            f("char_end", Dtype("int64")),
        ]
    };
    let all_notes = matches!(opts.policy, super::Policy::Gold | super::Policy::Majority);
    match format {
        Format::Prodigy => {
            let mut meta = position();
            meta.extend([
                f("label_source", Dtype("string")),
                f("annotations", map("string")),
                f("agreement", Dtype("float64")),
                f("note", Dtype("string")),
            ]);
            vec![
                f("text", Dtype("string")),
                f("label", Dtype("string")),
                f("answer", Dtype("string")),
                f("meta", Struct(meta)),
            ]
        }
        Format::Csv | Format::Tsv => {
            let mut cols = position();
            cols.insert(7, f("text", Dtype("string")));
            cols.extend([
                f("label", Dtype("string")),
                f("label_source", Dtype("string")),
                // JSON text in a CSV cell.
                f("annotations", Dtype("string")),
                f("agreement", Dtype("float64")),
                f("note", Dtype("string")),
            ]);
            if opts.context > 0 {
                cols.extend([
                    f("context_before", Dtype("string")),
                    f("context_after", Dtype("string")),
                ]);
            }
            cols
        }
        Format::Jsonl | Format::Brat => {
            let mut cols = position();
            cols.extend([
                f("text", Dtype("string")),
                f("label", Dtype("string")),
                f("label_source", Dtype("string")),
                f("annotations", map("string")),
                f("agreement", Dtype("float64")),
                f("note", Dtype("string")),
            ]);
            if all_notes {
                cols.push(f("notes", map("string")));
            }
            if opts.context > 0 {
                cols.extend([
                    f("context_before", List("string")),
                    f("context_after", List("string")),
                ]);
            }
            cols
        }
    }
}

/// A YAML string in single quotes.
fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn push_features(out: &mut String, feats: &[(String, Feature)], indent: usize) {
    let pad = " ".repeat(indent);
    for (name, t) in feats {
        let _ = writeln!(out, "{pad}- name: {}", quoted(name));
        match t {
            Dtype(d) => {
                let _ = writeln!(out, "{pad}  dtype: {d}");
            }
            List(d) => {
                let _ = writeln!(out, "{pad}  list: {d}");
            }
            Struct(fields) if fields.is_empty() => {
                // No annotator at all: an empty object, which no type can describe better.
                let _ = writeln!(out, "{pad}  dtype: string");
            }
            Struct(fields) => {
                let _ = writeln!(out, "{pad}  struct:");
                push_features(out, fields, indent + 2);
            }
        }
    }
}

/// The card's text.
pub fn card(ds: &Dataset, opts: &Options, format: Format, fingerprint: &str) -> String {
    let mut out = String::from("---\nconfigs:\n- config_name: default\n  data_files:\n");
    for (_, name) in written_splits(ds) {
        let _ = writeln!(out, "  - split: {}", quoted(name));
        let _ = writeln!(out, "    path: {}", quoted(&split_file(name, format)));
    }
    out.push_str("dataset_info:\n  features:\n");
    push_features(&mut out, &features(ds, opts, format), 2);
    // Rows per split under a key of glose's own: `dataset_info.splits` would also need
    // each file's size in bytes, or `datasets` ignores it with a warning.
    out.push_str("num_rows:\n");
    for (i, name) in ds.splits.iter().enumerate() {
        let _ = writeln!(out, "  {}: {}", quoted(name), ds.rows[i].len());
    }
    out.push_str("task_categories:\n- text-classification\nlabel_names:\n");
    for l in Label::ALL {
        let _ = writeln!(out, "- {}", l.name());
    }
    out.push_str("label_counts:\n");
    for (i, name) in ds.splits.iter().enumerate() {
        let c = label_counts(&ds.rows[i]);
        let each: Vec<String> = Label::ALL
            .iter()
            .map(|l| format!("{}: {}", l.name(), c[l.index()]))
            .collect();
        let _ = writeln!(out, "  {}: {{{}}}", quoted(name), each.join(", "));
    }
    out.push_str("---\n");
    out.push_str(MARK);
    out.push_str("\n\n# Sentence labels exported by glose\n\n");
    let _ = writeln!(
        out,
        "Sentences of news articles labeled {} (`label`), chosen by the `{}` policy; \
         `manifest.json` says how the export was made (corpus fingerprint `{fingerprint}`).\n",
        Label::ALL.map(|l| l.name()).join(", "),
        opts.policy
    );
    out.push_str("| split | file | rows |");
    for l in Label::ALL {
        let _ = write!(out, " {} |", l.name());
    }
    out.push_str("\n|---|---|---|---|---|---|---|\n");
    for (i, name) in ds.splits.iter().enumerate() {
        let c = label_counts(&ds.rows[i]);
        let file = if ds.rows[i].is_empty() {
            "(empty: no file)".to_string()
        } else {
            format!("`{}`", split_file(name, format))
        };
        let _ = write!(out, "| {name} | {file} | {} |", ds.rows[i].len());
        for l in Label::ALL {
            let _ = write!(out, " {} |", c[l.index()]);
        }
        out.push('\n');
    }
    out.push_str(
        "\n```python\nimport datasets\nds = datasets.load_dataset(\"path/to/this/folder\")\n```\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_are_quoted() {
        assert_eq!(quoted("it's"), "'it''s'");
        assert_eq!(quoted("train"), "'train'");
    }
}
