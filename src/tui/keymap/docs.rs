//! Text generated from the action table plus a keymap: the help screen's lines and the
//! `docs/keys.md` page. Nothing here is written by hand, so it cannot drift.

use super::{Keymap, Section, section_name};
use crate::tui::action::{ACTIONS, ActionInfo, Group, View};

/// Keys that are not in keymaps: prompts, questions and the mouse.
pub const FIXED: &[(&str, &str)] = &[
    (
        "enter / esc",
        "In a prompt (filter, search, note): accept / cancel",
    ),
    ("backspace", "In a prompt: delete the last character"),
    (
        "y / n",
        "When asked before quitting with unsaved labels, or before accepting unanimous gold",
    ),
    (
        "click",
        "Select a sentence, a review row or an article; a second click on an article opens it",
    ),
    ("wheel", "Scroll"),
];

/// One line of the help screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A view or group heading.
    Heading(String),
    /// Keys, action name, description.
    Binding {
        keys: String,
        name: &'static str,
        description: &'static str,
    },
    Blank,
}

/// The keys of `action` in `section`, comma-separated.
pub fn bindings_text(map: &Keymap, section: Section, info: &ActionInfo) -> String {
    map.keys_in(section, info.action)
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Bound actions of one help group, with their keys.
type Rows = Vec<(String, &'static ActionInfo)>;

/// Sections, each with its groups, each with the bound actions and their keys.
fn grouped(map: &Keymap) -> Vec<(Section, Vec<(Group, Rows)>)> {
    let sections = std::iter::once(None).chain(View::ALL.iter().map(|v| Some(*v)));
    let mut out = Vec::new();
    for section in sections {
        let mut groups: Vec<(Group, Rows)> = Vec::new();
        for info in ACTIONS {
            let keys = bindings_text(map, section, info);
            if keys.is_empty() {
                continue;
            }
            match groups.iter_mut().find(|(g, _)| *g == info.group) {
                Some((_, rows)) => rows.push((keys, info)),
                None => groups.push((info.group, vec![(keys, info)])),
            }
        }
        groups.sort_by_key(|(g, _)| *g);
        if !groups.is_empty() {
            out.push((section, groups));
        }
    }
    out
}

fn section_title(s: Section) -> String {
    match s {
        None => "Everywhere".to_string(),
        Some(v) => {
            let n = v.name();
            let mut c = n.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
    }
}

/// The help screen for `map`: every section, grouped, with keys and descriptions.
pub fn help_lines(map: &Keymap) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for (section, groups) in grouped(map) {
        lines.push(HelpLine::Heading(section_title(section)));
        for (group, rows) in groups {
            lines.push(HelpLine::Heading(format!("  {}", group.title())));
            for (keys, info) in rows {
                lines.push(HelpLine::Binding {
                    keys,
                    name: info.name,
                    description: info.description,
                });
            }
        }
        lines.push(HelpLine::Blank);
    }
    lines.push(HelpLine::Heading("Prompts and mouse".to_string()));
    for (keys, what) in FIXED {
        lines.push(HelpLine::Binding {
            keys: keys.to_string(),
            name: "",
            description: what,
        });
    }
    lines
}

/// The `docs/keys.md` page for the default keymap.
pub fn markdown(map: &Keymap) -> String {
    let mut s = String::from(
        "# Keys\n\n\
         Generated from glose's action table and `keymaps/default.ron`; a test keeps this page \
         in sync. In a keymap file each view has a section (`global` applies everywhere unless \
         the view binds the same key). Put single changes in `keymap.ron` in glose's config \
         folder; `\"noop\"` unbinds a key. `--keymap numeric` picks another built-in layout.\n\n\
         Key notation: `j`, `J` (an uppercase letter means Shift), `ctrl-r`, `alt-x`, \
         `pagedown`, `shift-tab`, `f1`, `space`, `?`, `é`.\n",
    );
    for (section, groups) in grouped(map) {
        s.push_str(&format!(
            "\n## {} (`{}`)\n\n| Keys | Action | What it does |\n|---|---|---|\n",
            section_title(section),
            section_name(section)
        ));
        for (_, rows) in groups {
            for (keys, info) in rows {
                let keys: Vec<String> = keys.split(", ").map(|k| format!("`{k}`")).collect();
                s.push_str(&format!(
                    "| {} | `{}` | {} |\n",
                    keys.join(" "),
                    info.name,
                    info.description
                ));
            }
        }
    }
    s.push_str("\n## Prompts and mouse\n\n| Keys | What it does |\n|---|---|\n");
    for (keys, what) in FIXED {
        s.push_str(&format!("| {keys} | {what} |\n"));
    }
    let unbound: Vec<&str> = ACTIONS
        .iter()
        .filter(|i| {
            std::iter::once(None)
                .chain(View::ALL.iter().map(|v| Some(*v)))
                .all(|s| map.keys_in(s, i.action).is_empty())
        })
        .map(|i| i.name)
        .collect();
    if !unbound.is_empty() {
        s.push_str(&format!(
            "\nNot bound by default: {}.\n",
            unbound.join(", ")
        ));
    }
    s
}
