//! Every user action, and the one table that names and describes them. Keymap parsing,
//! the help screen, the hint bar and `docs/keys.md` are all generated from [`ACTIONS`], so
//! a new action is one line here and cannot be forgotten elsewhere.

use std::fmt;

/// A screen with its own keymap section. Add a view here and it gets a section, a help
/// group and a line in the docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum View {
    Library,
    Reader,
    /// Every annotator's label of an article side by side, and gold.
    Review,
    /// Agreement figures of the whole corpus.
    Stats,
    Help,
}

impl View {
    /// Every view, in the order of keymap sections and help groups.
    pub const ALL: [View; 5] = [
        View::Library,
        View::Reader,
        View::Review,
        View::Stats,
        View::Help,
    ];

    /// The keymap section name.
    pub fn name(self) -> &'static str {
        match self {
            View::Library => "library",
            View::Reader => "reader",
            View::Review => "review",
            View::Stats => "stats",
            View::Help => "help",
        }
    }

    /// The view named by a keymap section.
    pub fn from_name(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// Groups in the help screen, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Move,
    Label,
    Find,
    Edit,
    App,
}

impl Group {
    /// Heading in the help screen and docs.
    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Move",
            Group::Label => "Label",
            Group::Find => "Find",
            Group::Edit => "Edit",
            Group::App => "Screens",
        }
    }
}

/// One row of the action table.
#[derive(Debug, Clone, Copy)]
pub struct ActionInfo {
    pub action: Action,
    /// Stable kebab-case name used in keymap files.
    pub name: &'static str,
    pub group: Group,
    /// Views where the action does something.
    pub views: &'static [View],
    pub description: &'static str,
}

const ALL: &[View] = &View::ALL;
const LIB: &[View] = &[View::Library];
const READ: &[View] = &[View::Reader];
const EDIT: &[View] = &[View::Library, View::Reader, View::Review];
const LABEL: &[View] = &[View::Reader, View::Review];
const REVIEW: &[View] = &[View::Review];
const FIGURES: &[View] = &[View::Library, View::Review];
const STATS: &[View] = &[View::Stats];

macro_rules! actions {
    ($($variant:ident = $name:literal, $group:ident, $views:ident, $desc:literal;)*) => {
        /// A user action. The unit variants are bindable and listed in [`ACTIONS`]; the others
        /// come from the mouse, the terminal or text prompts.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            $($variant,)*
            /// The terminal now has this many columns and rows.
            Resize(u16, u16),
            /// A mouse click at a screen cell.
            Click { column: u16, row: u16 },
            /// Mouse wheel: positive scrolls down.
            Scroll(i16),
            /// A character typed into a prompt (or an answer to a question).
            Input(char),
            /// An editing key in a prompt (Left, Backspace, ctrl-w…).
            Edit(crate::tui::widgets::line_edit::Edit),
            /// A key that an open prompt or question swallows without effect.
            Ignored,
            /// Enter in a prompt.
            Submit,
            /// Esc in a prompt or question.
            Cancel,
            /// A key bound to nothing here, shown as a hint when it looks like a slip.
            Unbound(crate::tui::keymap::Key),
        }

        /// The action table: every bindable action, its name, help group, views and description.
        pub static ACTIONS: &[ActionInfo] = &[
            $(ActionInfo {
                action: Action::$variant,
                name: $name,
                group: Group::$group,
                views: $views,
                description: $desc,
            },)*
        ];
    };
}

actions! {
    Quit = "quit", App, ALL, "Quit glose (asks first if labels are unsaved)";
    Help = "help", App, ALL, "Show the keys of the active keymap";
    Guidelines = "guidelines", App, ALL, "Show the annotation guidelines";
    Back = "back", App, ALL, "Go back: close a screen, cancel a range, or return to the library";
    Undo = "undo", Edit, EDIT, "Undo the last change, in any article";
    Redo = "redo", Edit, EDIT, "Redo the last undone change";
    Down = "down", Move, ALL, "Next article, sentence or line";
    Up = "up", Move, ALL, "Previous article, sentence or line";
    First = "first", Move, ALL, "First article, sentence or line";
    Last = "last", Move, ALL, "Last article, sentence or line";
    PageDown = "page-down", Move, ALL, "One screen down";
    PageUp = "page-up", Move, ALL, "One screen up";
    NextParagraph = "next-paragraph", Move, READ, "First sentence of the next paragraph";
    PrevParagraph = "prev-paragraph", Move, READ, "First sentence of this or the previous paragraph";
    NextUnlabeled = "next-unlabeled", Move, READ, "Next unlabeled sentence, continuing in the next articles";
    PrevUnlabeled = "prev-unlabeled", Move, READ, "Previous unlabeled sentence";
    NextArticle = "next-article", Move, READ, "Open the next article of the library";
    PrevArticle = "prev-article", Move, READ, "Open the previous article of the library";
    LeastConfident = "least-confident", Move, READ, "Unlabeled sentence with the least confident suggestion, in any article";
    Open = "open", App, LIB, "Open the selected article";
    CycleSort = "cycle-sort", App, LIB, "Sort the library by name, then by progress";
    Filter = "filter", Find, LIB, "Filter articles by title or id as you type";
    ToggleMine = "toggle-mine", Find, LIB, "Show only the articles assigned to you, or all again (yours come first)";
    Search = "search", Find, READ, "Search the article text (empty search repeats the last one)";
    SearchNext = "search-next", Find, READ, "Next match of the last search (Enter does this right after a search)";
    ToggleLegend = "toggle-legend", App, READ, "Show or hide the line naming the highlights (sources, claims, cues)";
    LabelFactual = "label-factual", Label, LABEL, "Label factual: the author states it as fact (in review: as gold)";
    LabelQuote = "label-quote", Label, LABEL, "Label quote: a cited source says it (in review: as gold)";
    LabelOpinion = "label-opinion", Label, LABEL, "Label opinion: the author's judgment (in review: as gold)";
    LabelSkip = "label-skip", Label, LABEL, "Label skip: not a sentence of the article (in review: as gold)";
    ClearLabel = "clear-label", Label, LABEL, "Remove the label (in review: the gold label)";
    AcceptSuggestion = "accept-suggestion", Label, READ, "Accept the suggested label";
    StartRange = "start-range", Label, LABEL, "Start (or cancel) a range; a label key then labels all of it";
    EditNote = "edit-note", Edit, LABEL, "Write a note on the sentence, labeled or not (in review: on the gold label)";
    NextNote = "next-note", Move, LABEL, "Next sentence with a note, wrapping around";
    SplitSentence = "split-sentence", Edit, READ, "Split the sentence at a word you choose (←/→, Enter); every annotator sees the new units";
    MergeNext = "merge-next", Edit, READ, "Merge the sentence with the next one; every annotator sees the new units";
    MarkDone = "mark-done", Edit, READ, "Mark the article done (again: remove the mark)";
    FlagReview = "flag-review", Edit, READ, "Flag the article for review, with a reason (again: remove the flag)";
    StatusFilter = "status-filter", Find, LIB, "Show all articles, only done, only flagged, or only not done";
    OpenReview = "open-review", App, LIB, "Review the selected article: every annotator's label side by side, and gold";
    Stats = "stats", App, FIGURES, "Agreement of the corpus: pairs, confusion matrix, labels per annotator, pace";
    NextDisagreement = "next-disagreement", Move, REVIEW, "Next disagreement without gold, continuing in the next articles";
    PrevDisagreement = "prev-disagreement", Move, REVIEW, "Previous disagreement without gold, continuing in the previous articles";
    ToggleSettled = "toggle-settled", Find, REVIEW, "Let next/previous disagreement stop at settled ones too, or not again";
    ToggleDisagreements = "toggle-disagreements", Find, REVIEW, "Show only sentences without unanimity, or all again";
    AcceptUnanimous = "accept-unanimous", Label, REVIEW, "Gold for every unanimous sentence still without it, in this article or the corpus (asks first)";
    AcceptMajority = "accept-majority", Label, REVIEW, "Gold for every disagreement where more than half agree (2 against 1), in this article or the corpus (asks first)";
    NextPair = "next-pair", Move, STATS, "Confusion matrix of the next pair of annotators";
    PrevPair = "prev-pair", Move, STATS, "Confusion matrix of the previous pair of annotators";
}

impl Action {
    /// The table row of a bindable action.
    pub fn info(self) -> Option<&'static ActionInfo> {
        ACTIONS.iter().find(|i| i.action == self)
    }

    /// The action named `name` in keymap files.
    pub fn from_name(name: &str) -> Option<Action> {
        ACTIONS.iter().find(|i| i.name == name).map(|i| i.action)
    }

    /// True if the action does something in `view`.
    pub fn valid_in(self, view: View) -> bool {
        self.info().is_some_and(|i| i.views.contains(&view))
    }

    /// True for the keys that set or clear a label in the reader.
    pub fn changes_label(self) -> bool {
        self.label().is_some() || matches!(self, Action::ClearLabel | Action::AcceptSuggestion)
    }

    /// The label a label action sets.
    pub fn label(self) -> Option<crate::Label> {
        use crate::Label;
        match self {
            Action::LabelFactual => Some(Label::Factual),
            Action::LabelQuote => Some(Label::Quote),
            Action::LabelOpinion => Some(Label::Opinion),
            Action::LabelSkip => Some(Label::Skip),
            _ => None,
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.info() {
            Some(i) => f.write_str(i.name),
            None => write!(f, "{self:?}"),
        }
    }
}

/// Actions shown in the hint bar of each view, in order, with a short word for each.
pub fn hints(view: View) -> &'static [(Action, &'static str)] {
    match view {
        View::Library => &[
            (Action::Open, "open"),
            (Action::Filter, "filter"),
            (Action::CycleSort, "sort"),
            (Action::OpenReview, "review"),
            (Action::Stats, "stats"),
            (Action::Guidelines, "guidelines"),
            (Action::Help, "keys"),
            (Action::Quit, "quit"),
        ],
        View::Reader => &[
            (Action::LabelFactual, "factual"),
            (Action::LabelQuote, "quote"),
            (Action::LabelOpinion, "opinion"),
            (Action::LabelSkip, "skip"),
            (Action::AcceptSuggestion, "accept"),
            (Action::Undo, "undo"),
            (Action::NextUnlabeled, "unlabeled"),
            (Action::Back, "back"),
            (Action::Help, "keys"),
        ],
        View::Review => &[
            (Action::LabelFactual, "factual"),
            (Action::LabelQuote, "quote"),
            (Action::LabelOpinion, "opinion"),
            (Action::LabelSkip, "skip"),
            (Action::NextDisagreement, "next split"),
            (Action::ToggleDisagreements, "splits only"),
            (Action::AcceptUnanimous, "accept all"),
            (Action::AcceptMajority, "majority"),
            (Action::Undo, "undo"),
            (Action::Stats, "stats"),
            (Action::Help, "keys"),
        ],
        View::Stats => &[
            (Action::NextPair, "next pair"),
            (Action::Down, "scroll"),
            (Action::Back, "back"),
        ],
        View::Help => &[
            (Action::Down, "down"),
            (Action::Up, "up"),
            (Action::Back, "close"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_kebab_case_and_round_trip() {
        let mut seen = HashSet::new();
        for i in ACTIONS {
            assert!(seen.insert(i.name), "{} twice", i.name);
            assert!(
                i.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                i.name
            );
            assert_eq!(Action::from_name(i.name), Some(i.action));
            assert_eq!(i.action.to_string(), i.name);
            assert!(!i.views.is_empty() && !i.description.is_empty());
        }
        assert_eq!(Action::from_name("label-factul"), None);
        assert!(Action::LabelQuote.valid_in(View::Reader));
        assert!(!Action::LabelQuote.valid_in(View::Library));
    }

    #[test]
    fn hints_are_valid_in_their_view() {
        for v in View::ALL {
            assert_eq!(View::from_name(v.name()), Some(v));
            for (a, _) in hints(v) {
                assert!(a.valid_in(v), "{a} hinted in {v:?}");
            }
        }
    }
}
