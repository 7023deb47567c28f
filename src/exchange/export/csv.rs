//! CSV and TSV with RFC 4180 quoting: a field holding the delimiter, a quote, CR or LF is
//! quoted and its quotes doubled, so sentences with commas and line breaks survive.
//! `annotations` and the context columns hold JSON text; `note` is the note of whoever
//! gave the label (empty when none).

use super::row::{Id, Row, Votes};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Column names, in order (the JSONL field names).
pub const COLUMNS: [&str; 13] = [
    "id",
    "article",
    "index",
    "start",
    "end",
    "char_start",
    "char_end",
    "text",
    "label",
    "label_source",
    "annotations",
    "agreement",
    "note",
];

/// Writes a header and one line per row, with `delim` (`b','` or `b'\t'`); lines end in
/// CRLF as RFC 4180 says, and a field is quoted only when it holds the delimiter, a quote,
/// CR or LF (the `csv` crate's `Necessary` style).
pub fn write(rows: &[Row], context: bool, delim: u8, w: &mut dyn Write) -> io::Result<()> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(delim)
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(w);
    let mut header: Vec<&str> = COLUMNS.to_vec();
    if context {
        header.extend(["context_before", "context_after"]);
    }
    out.write_record(&header)?;
    let mut buf = String::new();
    let mut json = Vec::new();
    for r in rows {
        let u = &*r.unit;
        let mut put = |v: &dyn std::fmt::Display, out: &mut csv::Writer<_>| {
            buf.clear();
            let _ = write!(buf, "{v}");
            out.write_field(&buf)
        };
        put(&Id(u), &mut out)?;
        out.write_field(&*u.article)?;
        for n in [u.index, u.start, u.end, u.char_start, u.char_end] {
            put(&n, &mut out)?;
        }
        out.write_field(&u.text)?;
        out.write_field(r.label.name())?;
        out.write_field(r.source.as_str())?;
        json.clear();
        serde_json::to_writer(&mut json, &Votes(&u.votes))?;
        out.write_field(&json)?;
        put(&r.agreement, &mut out)?;
        out.write_field(r.note().unwrap_or(""))?;
        if context {
            for side in [&u.context_before, &u.context_after] {
                json.clear();
                serde_json::to_writer(&mut json, side)?;
                out.write_field(&json)?;
            }
        }
        out.write_record(None::<&[u8]>)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::export::policy::Source;
    use crate::exchange::export::units::Unit;
    use crate::model::label::Label;
    use proptest::prelude::*;
    use std::sync::Arc;

    fn row(article: &str, text: &str, who: &str) -> Row {
        Row {
            unit: Arc::new(Unit {
                article: article.into(),
                index: 3,
                start: 10,
                end: 20,
                char_start: 9,
                char_end: 19,
                text: text.into(),
                votes: vec![(Arc::from(who), Label::Quote)],
                notes: vec![],
                context_before: vec![text.into()],
                context_after: vec![],
            }),
            label: Label::Opinion,
            source: Source::Annotator(who.into()),
            agreement: 0.5,
        }
    }

    fn written(rows: &[Row], delim: u8) -> String {
        let mut v = Vec::new();
        write(rows, true, delim, &mut v).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn quotes_only_when_needed() {
        let text = written(&[row("a.txt", "il dit \"non\", puis\npart", "alice")], b',');
        let line = text.split("\r\n").nth(1).unwrap_or_default();
        assert!(line.starts_with("a.txt:10-20,a.txt,3,10,20,9,19,\"il dit \"\"non\"\", puis\n"));
        let tsv = written(&[row("a.txt", "a, b", "alice")], b'\t');
        assert!(tsv.contains("\ta, b\topinion\t"), "{tsv}");
        assert!(tsv.ends_with("\r\n"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the fields hold, an independent RFC 4180 reader gets them back.
        #[test]
        fn fields_round_trip(
            article in "[a-zé,\"\t\r\n «»;]{0,12}",
            text in "[a-zé,\"\t\r\n «»;]{0,12}",
            who in "[a-zé,\"\t «»;]{1,8}",
        ) {
            for delim in [b',', b'\t'] {
                let out = written(&[row(&article, &text, &who)], delim);
                let mut rd = ::csv::ReaderBuilder::new()
                    .delimiter(delim)
                    .from_reader(out.as_bytes());
                let rec = rd.records().next().unwrap().unwrap();
                prop_assert_eq!(&rec[1], article.as_str());
                prop_assert_eq!(&rec[7], text.as_str());
                prop_assert_eq!(&rec[9], who.as_str());
                let votes: serde_json::Value = serde_json::from_str(&rec[10]).unwrap();
                prop_assert_eq!(&votes[who.as_str()], "quote");
                let before: Vec<String> = serde_json::from_str(&rec[13]).unwrap();
                prop_assert_eq!(before, vec![text.clone()]);
            }
        }
    }
}
