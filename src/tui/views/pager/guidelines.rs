//! The annotation guidelines shown by `guidelines`: the corpus's own `GUIDELINES.md` when
//! it has one, else a built-in summary of the four labels.

use crate::model::corpus::GUIDELINES_FILE;
use std::path::Path;

/// The built-in guidelines.
pub const BUILTIN: &str = "\
# Annotation guidelines

One label per sentence. Ask: who vouches for this content?

## factual
The author, as a checkable statement of fact: dates, places, figures, events. Neutral verbs.

## quote
A source the text cites: quotation marks, reporting verbs (said, told, a déclaré, affirme,
estime, précise), \"according to X\", \"selon X\", \"d'après X\", a report or a communiqué.

## opinion
The author's own judgment: evaluative words, interpretation of motives, predictions,
rhetorical questions, exclamations, loaded metaphors, calls to action.

## skip
Nobody: not a sentence of the article. Headings, bylines, \"read more\", cookie banners,
list fragments too short to judge.

## Mixed sentences
1. Reports what a source said, wrote or confirmed: quote, even if the content is factual.
2. Otherwise, any clause with the author's evaluation: opinion.
3. Otherwise: factual.

A quoted word used by the author as a label inside a judgment is opinion, not quote.
Headlines and subheads are skip even when they make a claim.

## Highlights (hints, not labels)
- Source (underlined): the attribution, i.e. the reporting verb or \"selon / d'après /
  according to\" with the source's noun phrase (\"a expliqué un habitant\"), and a
  quotation with its marks. One to four quoted words inside the author's own sentence
  are scare quotes, not a source.
- Claim (bold): the checkable part of an assertion: figures with their noun or unit
  (\"au moins sept soldats\"), dates, named places and organisations tied to an
  event, and event clauses (\"les habitants ont fui\").
- Cue (italic): opinion markers: evaluative words, intensifiers, hedges, the
  journalistic conditional, \"il faut\", rhetorical questions, loaded metaphors.
The dim lowercase letter in the gutter is glose's suggestion; `a` or Enter (default keys) accepts it.

Put a GUIDELINES.md at the corpus root to show your project's own guidelines here.
";

/// The largest `GUIDELINES.md` shown; a FIFO, a device or a larger file shows the
/// built-in guidelines with the reason.
pub const MAX_BYTES: u64 = 4 << 20;

/// The guidelines for the corpus at `root`, and where they came from.
pub fn load(root: &Path) -> String {
    let path = root.join(GUIDELINES_FILE);
    match crate::store::whole_file::read_string(&path, MAX_BYTES) {
        Ok(text) => text,
        Err(e) if e.is_not_found() => BUILTIN.to_string(),
        Err(e) => format!("{GUIDELINES_FILE} {e}; showing the built-in guidelines.\n\n{BUILTIN}"),
    }
}
