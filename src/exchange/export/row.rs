//! One exported row and its JSON form, shared by the JSONL, CSV and Prodigy writers.

use super::policy::Source;
use super::units::Unit;
use crate::model::annotator::GOLD;
use crate::model::label::Label;
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};
use std::fmt;
use std::sync::Arc;

/// A unit with the label chosen for it. Several rows can share a unit (`--labels all`).
#[derive(Debug, Clone)]
pub struct Row {
    pub unit: Arc<Unit>,
    pub label: Label,
    pub source: Source,
    pub agreement: f64,
}

impl Row {
    /// The note of whoever gave the row its label: that annotator's, or gold's for the
    /// gold and majority policies.
    pub fn note(&self) -> Option<&str> {
        let who = match &self.source {
            Source::Annotator(n) => &**n,
            Source::Gold | Source::Majority => GOLD,
        };
        let notes = &self.unit.notes;
        notes
            .iter()
            .find(|(n, _)| &**n == who)
            .map(|(_, t)| t.as_str())
    }

    /// Whether the row carries every annotator's note (`notes`): labels from gold or the
    /// majority, which no one annotator's note explains.
    pub fn all_notes(&self) -> bool {
        matches!(self.source, Source::Gold | Source::Majority)
    }
}

/// Annotator → note as a JSON object.
pub struct NoteMap<'a>(pub &'a [(Arc<str>, String)]);

impl Serialize for NoteMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (who, n) in self.0 {
            m.serialize_entry(&**who, n)?;
        }
        m.end()
    }
}

/// The stable id of a unit: `<article id>:<start>-<end>` (byte span).
pub struct Id<'a>(pub &'a Unit);

impl fmt::Display for Id<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}-{}", self.0.article, self.0.start, self.0.end)
    }
}

/// Annotator → label as a JSON object.
pub struct Votes<'a>(pub &'a [(Arc<str>, Label)]);

impl Serialize for Votes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (who, l) in self.0 {
            m.serialize_entry(&**who, l.name())?;
        }
        m.end()
    }
}

/// The JSONL record of a row; `context` adds `context_before` / `context_after`.
pub struct Json<'a> {
    pub row: &'a Row,
    pub context: bool,
}

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.row;
        let u = &*r.unit;
        let n = 13 + usize::from(r.all_notes()) + if self.context { 2 } else { 0 };
        let mut st = s.serialize_struct("Row", n)?;
        st.serialize_field("id", &Display(Id(u)))?;
        st.serialize_field("article", &*u.article)?;
        st.serialize_field("index", &u.index)?;
        st.serialize_field("start", &u.start)?;
        st.serialize_field("end", &u.end)?;
        st.serialize_field("char_start", &u.char_start)?;
        st.serialize_field("char_end", &u.char_end)?;
        st.serialize_field("text", &u.text)?;
        st.serialize_field("label", r.label.name())?;
        st.serialize_field("label_source", r.source.as_str())?;
        st.serialize_field("annotations", &Votes(&u.votes))?;
        st.serialize_field("agreement", &r.agreement)?;
        st.serialize_field("note", &r.note())?;
        if r.all_notes() {
            st.serialize_field("notes", &NoteMap(&u.notes))?;
        }
        if self.context {
            st.serialize_field("context_before", &u.context_before)?;
            st.serialize_field("context_after", &u.context_after)?;
        }
        st.end()
    }
}

impl Json<'_> {
    /// Appends the record as [`Serialize`] writes it through `serde_json` (tested), without
    /// going through a serializer: exports are mostly sentence text to escape.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        use super::json::{escaped, float, string, strings, uint};
        let r = self.row;
        let u = &*r.unit;
        out.extend_from_slice(b"{\"id\":\"");
        escaped(out, &u.article);
        out.push(b':');
        uint(out, u.start);
        out.push(b'-');
        uint(out, u.end);
        out.extend_from_slice(b"\",\"article\":");
        string(out, &u.article);
        for (name, n) in [
            (&b",\"index\":"[..], u.index),
            (b",\"start\":", u.start),
            (b",\"end\":", u.end),
            (b",\"char_start\":", u.char_start),
            (b",\"char_end\":", u.char_end),
        ] {
            out.extend_from_slice(name);
            uint(out, n);
        }
        out.extend_from_slice(b",\"text\":");
        string(out, &u.text);
        out.extend_from_slice(b",\"label\":");
        string(out, r.label.name());
        out.extend_from_slice(b",\"label_source\":");
        string(out, r.source.as_str());
        out.extend_from_slice(b",\"annotations\":{");
        for (k, (who, l)) in u.votes.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            string(out, who);
            out.push(b':');
            string(out, l.name());
        }
        out.extend_from_slice(b"},\"agreement\":");
        float(out, r.agreement);
        out.extend_from_slice(b",\"note\":");
        match r.note() {
            Some(n) => string(out, n),
            None => out.extend_from_slice(b"null"),
        }
        if r.all_notes() {
            out.extend_from_slice(b",\"notes\":{");
            for (k, (who, n)) in u.notes.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                string(out, who);
                out.push(b':');
                string(out, n);
            }
            out.push(b'}');
        }
        if self.context {
            out.extend_from_slice(b",\"context_before\":");
            strings(out, &u.context_before);
            out.extend_from_slice(b",\"context_after\":");
            strings(out, &u.context_after);
        }
        out.push(b'}');
    }
}

/// Serialises anything `Display` as a JSON string without building it first.
pub struct Display<T>(pub T);

impl<T: fmt::Display> Serialize for Display<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        "(\\PC|[\\x00-\\x1f\"\\\\:\\-])*"
    }

    prop_compose! {
        fn row()(
            article in text(), index in 0usize..1000, start in 0usize..1_000_000,
            len in 0usize..500, text in text(),
            votes in proptest::collection::vec((text(), 0..Label::COUNT), 0..4),
            notes in proptest::collection::vec((text(), text()), 0..3),
            before in proptest::collection::vec(text(), 0..3),
            after in proptest::collection::vec(text(), 0..3),
            label in 0..Label::COUNT, source in 0usize..3, who in text(),
            agreement in prop_oneof![Just(f64::NAN), Just(1.0), 0.0f64..1.0],
        ) -> Row {
            let unit = Unit {
                article: article.into(),
                index,
                start,
                end: start + len,
                char_start: start / 2,
                char_end: start / 2 + len,
                text,
                votes: votes.into_iter().map(|(w, l)| (Arc::from(w), Label::ALL[l])).collect(),
                notes: notes.into_iter().map(|(w, n)| (Arc::from(w), n)).collect(),
                context_before: before,
                context_after: after,
            };
            Row {
                unit: Arc::new(unit),
                label: Label::ALL[label],
                source: match source {
                    0 => Source::Gold,
                    1 => Source::Majority,
                    _ => Source::Annotator(who.into()),
                },
                agreement,
            }
        }
    }

    proptest! {
        /// The hand-written record is byte for byte the serde_json one.
        #[test]
        fn the_written_record_is_the_serialized_one(row in row(), context: bool) {
            let json = Json { row: &row, context };
            let mut ours = Vec::new();
            json.write_to(&mut ours);
            prop_assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&json).unwrap()
            );
        }
    }
}
