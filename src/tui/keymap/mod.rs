//! Keymaps: RON files that bind key notations to action names, one section per view plus
//! `global`. Lookup tries the current view, then `global`. A user `keymap.ron` in the config
//! folder replaces bindings key by key (`"noop"` unbinds). Mistakes are errors with
//! `file:line:col`, never silently skipped.

mod docs;
mod key;

pub use docs::{HelpLine, bindings_text, help_lines, markdown};
pub use key::{BadKey, Code, Key};

use crate::tui::action::{ACTIONS, Action, View};
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// Whether `choice` names a keymap: a built-in name, or a path (a `.ron` file or a name
/// with a folder separator, whose own errors are reported when it is read).
pub fn check_choice(choice: &str) -> Result<(), String> {
    if BUILTIN.iter().any(|(n, _)| *n == choice)
        || choice.ends_with(".ron")
        || choice.contains(['/', '\\'])
    {
        return Ok(());
    }
    let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
    Err(format!(
        "unknown keymap `{choice}` (built in: {}; or give a path to a .ron file)",
        names.join(", ")
    ))
}

/// Keymaps compiled into the binary, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("../../../keymaps/default.ron")),
    ("numeric", include_str!("../../../keymaps/numeric.ron")),
];

/// The user file that overrides single bindings, in the config folder.
pub const OVERRIDE_FILE: &str = "keymap.ron";

/// A keymap section: `None` is `global`.
pub type Section = Option<View>;

/// The name of a section in keymap files.
pub fn section_name(s: Section) -> &'static str {
    s.map_or("global", View::name)
}

/// Bindings per section. `None` as a value is an explicit unbinding that hides a global
/// binding of the same key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keymap {
    /// Where it came from, for the help screen.
    pub name: String,
    sections: HashMap<Section, BTreeMap<Key, Option<Action>>>,
}

/// A keymap that cannot be used: the file, line and column, and what is wrong.
/// Line 0 means the choice itself (`--keymap NAME`), not a place in a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct KeymapError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub msg: String,
}

impl std::fmt::Display for KeymapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (file, msg) = (
            crate::model::sanitize::clean(&self.file),
            crate::model::sanitize::clean(&self.msg),
        );
        match self.line {
            0 => write!(f, "{file}: {msg}"),
            _ => write!(f, "{file}:{}:{}: {msg}", self.line, self.col),
        }
    }
}

impl Keymap {
    /// The built-in default keymap.
    pub fn builtin_default() -> Keymap {
        // The embedded file is checked by a test; fall back to empty rather than panic.
        Keymap::parse(BUILTIN[0].1, "keymaps/default.ron").unwrap_or_default()
    }

    /// Parses keymap text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Keymap, KeymapError> {
        let sections = ron::Options::default()
            .from_str_seed(text, FileSeed)
            .map_err(|e| KeymapError {
                file: file.to_string(),
                line: e.span.start.line,
                col: e.span.start.col,
                msg: e.code.to_string(),
            })?;
        Ok(Keymap {
            name: file.to_string(),
            sections,
        })
    }

    /// The keymap chosen by `--keymap` or the config (`None` = default), with the user's
    /// `keymap.ron` from `config_dir` applied on top.
    pub fn load(choice: Option<&str>, config_dir: Option<&Path>) -> Result<Keymap, KeymapError> {
        let choice = choice.unwrap_or("default");
        let mut map = match BUILTIN.iter().find(|(n, _)| *n == choice) {
            Some((name, text)) => Keymap::parse(text, &format!("keymaps/{name}.ron"))?,
            None if choice.ends_with(".ron") || choice.contains(['/', '\\']) => {
                let path = PathBuf::from(choice);
                Keymap::parse(&read(&path)?, &path.display().to_string())?
            }
            None => {
                return Err(KeymapError {
                    file: "--keymap".into(),
                    line: 0,
                    col: 0,
                    msg: check_choice(choice).err().unwrap_or_default(),
                });
            }
        };
        if let Some(dir) = config_dir {
            let path = dir.join(OVERRIDE_FILE);
            if path.exists() {
                let over = Keymap::parse(&read(&path)?, &path.display().to_string())?;
                map.apply(over);
                map.name = format!("{} + {}", map.name, path.display());
            }
        }
        Ok(map)
    }

    /// Replaces bindings key by key with those of `over`; its `noop`s unbind.
    pub fn apply(&mut self, over: Keymap) {
        for (section, binds) in over.sections {
            let mine = self.sections.entry(section).or_default();
            for (k, a) in binds {
                mine.insert(k, a);
            }
        }
    }

    /// The action of `key` in `view`: the view's section first, then `global`.
    pub fn lookup(&self, view: View, key: Key) -> Option<Action> {
        if let Some(a) = self.sections.get(&Some(view)).and_then(|s| s.get(&key)) {
            return *a;
        }
        self.sections
            .get(&None)
            .and_then(|s| s.get(&key))
            .copied()?
    }

    /// The keys bound to `action` in `section`: letters first (what hints show), then other
    /// characters, then named keys.
    pub fn keys_in(&self, section: Section, action: Action) -> Vec<Key> {
        let mut keys: Vec<Key> = self
            .sections
            .get(&section)
            .map(|s| {
                s.iter()
                    .filter(|(_, a)| **a == Some(action))
                    .map(|(k, _)| *k)
                    .collect()
            })
            .unwrap_or_default();
        keys.sort_by_key(|k| {
            let rank = match k.code {
                Code::Char(c) if c.is_alphabetic() && !k.ctrl && !k.alt => 0,
                Code::Char(_) => 1,
                _ => 2,
            };
            (rank, *k)
        });
        keys
    }

    /// The keys that trigger `action` in `view` (view section, then global ones not hidden).
    pub fn keys_for(&self, view: View, action: Action) -> Vec<Key> {
        let mut keys = self.keys_in(Some(view), action);
        for k in self.keys_in(None, action) {
            if self.lookup(view, k) == Some(action) && !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    }
}

/// A keymap file's text: a regular file of at most [`crate::config::MAX_BYTES`] (a FIFO
/// given as `--keymap` is refused, not waited on).
fn read(path: &Path) -> Result<String, KeymapError> {
    crate::store::whole_file::read_string(path, crate::config::MAX_BYTES).map_err(|e| KeymapError {
        file: path.display().to_string(),
        line: 0,
        col: 0,
        msg: e.to_string(),
    })
}

/// Section names in file order: `global`, then every view.
fn section_names() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        std::iter::once("global")
            .chain(View::ALL.iter().map(|v| v.name()))
            .collect()
    })
}

struct FileSeed;

impl<'de> DeserializeSeed<'de> for FileSeed {
    type Value = HashMap<Section, BTreeMap<Key, Option<Action>>>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_struct("Keymap", section_names(), FileVisitor)
    }
}

struct FileVisitor;

impl<'de> Visitor<'de> for FileVisitor {
    type Value = HashMap<Section, BTreeMap<Key, Option<Action>>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "a keymap: ({}: {{ \"key\": \"action\" }}, …)",
            section_names().join(", ")
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = HashMap::new();
        while let Some(name) = map.next_key::<String>()? {
            let section = if name == "global" {
                None
            } else {
                Some(View::from_name(&name).ok_or_else(|| {
                    de::Error::custom(format!(
                        "unknown section `{name}` (expected {})",
                        section_names().join(", ")
                    ))
                })?)
            };
            if out.contains_key(&section) {
                return Err(de::Error::custom(format!("section `{name}` appears twice")));
            }
            let binds = map.next_value_seed(SectionSeed(section))?;
            out.insert(section, binds);
        }
        Ok(out)
    }
}

struct SectionSeed(Section);

impl<'de> DeserializeSeed<'de> for SectionSeed {
    type Value = BTreeMap<Key, Option<Action>>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SectionSeed {
    type Value = BTreeMap<Key, Option<Action>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map of key notations to action names, { \"j\": \"down\" }")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let name = section_name(self.0);
        let mut out = BTreeMap::new();
        while let Some(k) = map.next_key::<String>()? {
            let key: Key = k.parse().map_err(|e: BadKey| de::Error::custom(e))?;
            let a = map.next_value::<String>()?;
            let action = if a == "noop" {
                None
            } else {
                let action = Action::from_name(&a).ok_or_else(|| {
                    let names: Vec<&str> = ACTIONS.iter().map(|i| i.name).collect();
                    de::Error::custom(format!(
                        "unknown action `{a}` (valid: noop, {})",
                        names.join(", ")
                    ))
                })?;
                if let Some(v) = self.0
                    && !action.valid_in(v)
                {
                    return Err(de::Error::custom(format!(
                        "action `{a}` does nothing in the {name} view"
                    )));
                }
                Some(action)
            };
            if let Some(prev) = out.insert(key, action) {
                let prev = prev.map_or("noop".to_string(), |p| p.to_string());
                return Err(de::Error::custom(format!(
                    "key `{key}` is bound twice in section `{name}` (`{prev}` and `{a}`)"
                )));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_keymap_parses_and_binds_the_labels() {
        for (name, text) in BUILTIN {
            let k = Keymap::parse(text, name).unwrap_or_else(|e| panic!("{e}"));
            for a in [
                Action::LabelFactual,
                Action::Quit,
                Action::Help,
                Action::Back,
            ] {
                assert!(
                    !k.keys_for(View::Reader, a).is_empty(),
                    "{name}: {a} unbound"
                );
            }
        }
        let d = Keymap::builtin_default();
        assert_eq!(
            d.lookup(View::Reader, Key::char('q')),
            Some(Action::LabelQuote)
        );
        assert_eq!(d.lookup(View::Library, Key::char('q')), Some(Action::Quit));
        assert_eq!(d.lookup(View::Reader, Key::char('Q')), Some(Action::Quit));
        let ctrl_r = "ctrl-r".parse().unwrap();
        assert_eq!(d.lookup(View::Reader, ctrl_r), Some(Action::Redo));
    }

    fn err(text: &str) -> KeymapError {
        Keymap::parse(text, "k.ron").unwrap_err()
    }

    #[test]
    fn mistakes_name_file_line_and_column() {
        let e = err("(\n  reader: {\n    \"j\": \"down\",\n    \"x\": \"lable-quote\",\n  },\n)");
        assert_eq!((e.file.as_str(), e.line), ("k.ron", 4), "{e}");
        assert!(e.msg.contains("unknown action `lable-quote`") && e.msg.contains("label-quote"));
        let e = err("(\n  reader: {\n    \"ctrl-\": \"down\",\n  },\n)");
        assert_eq!(e.line, 3, "{e}");
        assert!(e.msg.contains("bad key `ctrl-`"), "{e}");
        let e = err("(\n  reader: {\n    \"j\": \"down\",\n    \"j\": \"up\",\n  },\n)");
        assert_eq!(e.line, 4, "{e}");
        assert!(e.msg.contains("bound twice"), "{e}");
        assert!(e.to_string().starts_with("k.ron:4:"), "{e}");
        let e = err("(\n  raeder: {},\n)");
        assert!(e.msg.contains("unknown section `raeder`"), "{e}");
        let e = err("(library: { \"f\": \"label-factual\" })");
        assert!(e.msg.contains("does nothing in the library view"), "{e}");
    }

    #[test]
    fn user_overrides_replace_key_by_key_and_noop_unbinds() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(OVERRIDE_FILE),
            "(reader: { \"é\": \"label-factual\", \"f\": \"noop\", \"Q\": \"noop\" })",
        )
        .unwrap();
        let k = Keymap::load(None, Some(dir.path())).unwrap();
        assert_eq!(
            k.lookup(View::Reader, Key::char('é')),
            Some(Action::LabelFactual)
        );
        assert_eq!(k.lookup(View::Reader, Key::char('f')), None);
        // A noop in a view hides the global binding there only.
        assert_eq!(k.lookup(View::Reader, Key::char('Q')), None);
        assert_eq!(k.lookup(View::Library, Key::char('Q')), Some(Action::Quit));
        // Untouched bindings stay.
        assert_eq!(
            k.lookup(View::Reader, Key::char('o')),
            Some(Action::LabelOpinion)
        );
        // Nothing was written to the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn choice_by_name_or_path() {
        let n = Keymap::load(Some("numeric"), None).unwrap();
        assert_eq!(
            n.lookup(View::Reader, Key::char('1')),
            Some(Action::LabelFactual)
        );
        let e = Keymap::load(Some("dvorak"), None).unwrap_err();
        assert!(e.msg.contains("unknown keymap `dvorak`"), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("mine.ron");
        std::fs::write(&p, "(global: { \"ctrl-q\": \"quit\" })").unwrap();
        let m = Keymap::load(Some(p.to_str().unwrap()), None).unwrap();
        assert_eq!(
            m.lookup(View::Help, "ctrl-q".parse().unwrap()),
            Some(Action::Quit)
        );
    }
}
