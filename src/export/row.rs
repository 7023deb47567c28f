//! One exported row and its JSON form, shared by the JSONL, CSV and Prodigy writers.

use super::policy::Source;
use super::units::Unit;
use crate::label::Label;
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
        let mut st = s.serialize_struct("Row", if self.context { 14 } else { 12 })?;
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
        if self.context {
            st.serialize_field("context_before", &u.context_before)?;
            st.serialize_field("context_after", &u.context_after)?;
        }
        st.end()
    }
}

/// Serialises anything `Display` as a JSON string without building it first.
pub struct Display<T>(pub T);

impl<T: fmt::Display> Serialize for Display<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}
