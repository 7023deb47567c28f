//! Prodigy's text classification tasks: `{"text", "label", "answer": "accept", "meta"}`,
//! one per line, ready for `prodigy db-in`.

use super::row::{Display, Id, Row, Votes};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::io::{self, Write};

/// A row and whether `meta` carries its context sentences (`--context N`).
struct Task<'a>(&'a Row, bool);

struct Meta<'a>(&'a Row, bool);

impl Serialize for Task<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Task", 4)?;
        st.serialize_field("text", &self.0.unit.text)?;
        st.serialize_field("label", self.0.label.name())?;
        st.serialize_field("answer", "accept")?;
        st.serialize_field("meta", &Meta(self.0, self.1))?;
        st.end()
    }
}

impl Serialize for Meta<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let u = &*r.unit;
        let context = self.1;
        let mut st = s.serialize_struct("Meta", if context { 13 } else { 11 })?;
        st.serialize_field("id", &Display(Id(u)))?;
        st.serialize_field("article", &*u.article)?;
        st.serialize_field("index", &u.index)?;
        st.serialize_field("start", &u.start)?;
        st.serialize_field("end", &u.end)?;
        st.serialize_field("char_start", &u.char_start)?;
        st.serialize_field("char_end", &u.char_end)?;
        st.serialize_field("label_source", r.source.as_str())?;
        st.serialize_field("annotations", &Votes(&u.votes))?;
        st.serialize_field("agreement", &r.agreement)?;
        st.serialize_field("note", &r.note())?;
        if context {
            st.serialize_field("context_before", &u.context_before)?;
            st.serialize_field("context_after", &u.context_after)?;
        }
        st.end()
    }
}

/// Writes one Prodigy task per line; `context` puts the context sentences in `meta`.
pub fn write(rows: &[Row], context: bool, w: &mut dyn Write) -> io::Result<()> {
    super::jsonl::lines(rows.iter().map(|r| Task(r, context)), w)
}

/// Appends one Prodigy task per line to `out`: the bytes [`write()`] writes.
pub fn append(rows: &[Row], context: bool, out: &mut Vec<u8>) -> io::Result<()> {
    super::jsonl::append(rows.iter().map(|r| Task(r, context)), out)
}
