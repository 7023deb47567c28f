//! The whole UI state, and how key and mouse events become [`Action`]s (resolve). Applying
//! actions is in `update`; drawing only reads this.

use crate::model::annotator::Annotator;
use crate::model::corpus::Corpus;
use crate::nlp::analysis::Analyzer;
use crate::tui::action::{Action, View};
use crate::tui::keymap::{Code, Key, Keymap};
use crate::tui::screen::{Modal, Screen};
use crate::tui::style::Theme;
use crate::tui::undo::History;
use crate::tui::views::library::Library;
use crate::tui::views::reader::Reader;
use crate::tui::views::reader::article::Article;
use crate::tui::widgets::line_edit::Edit;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use std::path::PathBuf;

/// Smallest usable terminal; below it a notice is drawn instead.
pub const MIN_SIZE: (u16, u16) = (60, 12);

/// Whether a `width`×`height` screen is below [`MIN_SIZE`]: it then shows nothing but a
/// request for a larger window, and takes no key but quit.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_SIZE.0 || height < MIN_SIZE.1
}

/// The outcome of the last write, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed yet this session.
    Idle,
    /// Last change on disk, at this time (HH:MM:SS UTC).
    Saved(String),
    /// Labels are only in memory; the error of the last attempt.
    Failed(String),
}

/// The application.
#[derive(Debug)]
pub struct App {
    pub root: PathBuf,
    pub annotator: Annotator,
    pub keymap: Keymap,
    pub theme: Theme,
    pub analyzer: Analyzer,
    /// Move to the next sentence after labeling.
    pub advance: bool,
    /// Ask before quitting from the reader or review (`confirm_quit` in `config.ron`).
    pub confirm_quit: bool,
    pub library: Library,
    /// Where the user is: the main view, a pager over it, a prompt or question on top.
    pub screen: Screen,
    /// The reader's articles, the one shown, and the least-confident scan.
    pub reader: Reader,
    pub history: History,
    pub save: SaveState,
    /// A one-line message for the user; `true` marks an error.
    pub message: Option<(String, bool)>,
    /// The background trainer, once started, and what the reader has seen of it.
    pub(crate) learning: crate::tui::learn::Learning,
    /// Summarises the library's articles in a thread; `None` once installed (or never
    /// started, then the library reads articles itself between keys).
    pub indexer: Option<crate::model::index::Indexer>,
    /// The review view, its open articles and the corpus's agreement summaries.
    pub review: crate::tui::views::review::ReviewState,
    /// The stats screen, once opened.
    pub stats: Option<crate::tui::views::stats::Stats>,
    /// Guidelines text, read when first shown.
    pub guidelines: Option<String>,
    /// Terminal columns and rows.
    pub size: (u16, u16),
    pub quit: bool,
}

impl App {
    /// An app over a scanned corpus, every article read now (tests, small corpora).
    pub fn new(corpus: Corpus, annotator: Annotator, keymap: Keymap, theme: Theme) -> App {
        let mut app = App::lazy(corpus, annotator, keymap, theme);
        while app.library.load_next() {}
        app
    }

    /// An app whose library reads articles later, in [`App::background_step`].
    pub fn lazy(corpus: Corpus, annotator: Annotator, keymap: Keymap, theme: Theme) -> App {
        let mut library = Library::lazy(corpus.entries);
        // Without a readable plan, the annotators who worked on an article count as assigned.
        library.plan = crate::model::assign::Plan::load(&corpus.root)
            .ok()
            .flatten();
        App {
            root: corpus.root.clone(),
            annotator,
            keymap,
            theme,
            analyzer: Analyzer::builtin(),
            advance: true,
            confirm_quit: true,
            library,
            screen: Screen::default(),
            reader: Reader::default(),
            history: History::default(),
            save: SaveState::Idle,
            message: None,
            learning: crate::tui::learn::Learning::default(),
            indexer: None,
            review: crate::tui::views::review::ReviewState::default(),
            stats: None,
            guidelines: None,
            size: (80, 24),
            quit: false,
        }
    }

    /// The view whose keymap section applies now.
    pub fn active_view(&self) -> View {
        self.screen.section()
    }

    /// The article shown in the reader.
    pub fn article(&self) -> Option<&Article> {
        self.reader.articles.get(&self.reader.current?)
    }

    /// The article shown in the reader, mutably.
    pub fn article_mut(&mut self) -> Option<&mut Article> {
        self.reader.articles.get_mut(&self.reader.current?)
    }

    /// The whole screen as of the last resize: what update-side geometry is laid out in,
    /// with the same layout functions the drawing uses on the frame.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// The action a key press means now, if any.
    pub fn resolve_key(&self, ev: KeyEvent) -> Option<Action> {
        if ev.kind != KeyEventKind::Press {
            return None;
        }
        let key = key_of(ev)?;
        match self.screen.modal() {
            Some(Modal::Prompt(..)) => Some(prompt_key(key)),
            Some(Modal::Split(_)) => match key.code {
                Code::Char('c') if key.ctrl => Some(Action::Quit),
                Code::Esc => Some(Action::Cancel),
                Code::Enter => Some(Action::Submit),
                Code::Left | Code::Char('h') => Some(Action::Up),
                Code::Right | Code::Char('l') => Some(Action::Down),
                _ => self.keymap.lookup(View::Reader, key),
            },
            Some(Modal::Confirm(_) | Modal::Accept(_) | Modal::Refused(_)) => {
                Some(match key.code {
                    Code::Char('c') if key.ctrl => Action::Quit,
                    Code::Esc => Action::Cancel,
                    Code::Enter => Action::Submit,
                    Code::Char(c) if !key.ctrl && !key.alt => Action::Input(c),
                    // Any other key answers no: it is swallowed, never run.
                    _ => Action::Cancel,
                })
            }
            None => {
                let view = self.active_view();
                if view == View::Reader && self.reader.found && key.code == Code::Enter {
                    return Some(Action::SearchNext);
                }
                let capital = matches!(key.code, Code::Char(c) if c.is_uppercase());
                match self.keymap.lookup(view, key) {
                    None if capital && !key.ctrl && !key.alt => Some(Action::Unbound(key)),
                    found => found,
                }
            }
        }
    }

    /// The action a mouse event means, if any.
    pub fn resolve_mouse(&self, ev: MouseEvent) -> Option<Action> {
        match ev.kind {
            MouseEventKind::Down(crossterm::event::MouseButton::Left) => Some(Action::Click {
                column: ev.column,
                row: ev.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
            _ => None,
        }
    }

    /// Sets the message line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), false));
    }

    /// Sets the message line as an error.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), true));
    }
}

/// What a key does in an open prompt: it edits the line, confirms or cancels it, and is
/// never looked up in the keymap (so no key typed into a prompt can act on the text).
fn prompt_key(key: Key) -> Action {
    let edit = |e| Action::Edit(e);
    match key.code {
        Code::Esc => Action::Cancel,
        Code::Char('c') if key.ctrl => Action::Cancel,
        Code::Enter => Action::Submit,
        Code::Left => edit(Edit::Left),
        Code::Right => edit(Edit::Right),
        Code::Home => edit(Edit::Home),
        Code::End => edit(Edit::End),
        Code::Backspace => edit(Edit::Backspace),
        Code::Delete => edit(Edit::Delete),
        Code::Char('a') if key.ctrl => edit(Edit::Home),
        Code::Char('e') if key.ctrl => edit(Edit::End),
        Code::Char('b') if key.ctrl => edit(Edit::Left),
        Code::Char('f') if key.ctrl => edit(Edit::Right),
        Code::Char('w') if key.ctrl => edit(Edit::DeleteWord),
        Code::Char('u') if key.ctrl => edit(Edit::DeleteToStart),
        Code::Char('h') if key.ctrl => edit(Edit::Backspace),
        Code::Char(c) if !key.ctrl && !key.alt => Action::Input(c),
        _ => Action::Ignored,
    }
}

/// The notation-level key of a terminal key event.
pub fn key_of(ev: KeyEvent) -> Option<Key> {
    let code = match ev.code {
        KeyCode::Char(c) => Code::Char(c),
        KeyCode::F(n) => Code::F(n),
        KeyCode::Enter => Code::Enter,
        KeyCode::Esc => Code::Esc,
        KeyCode::Tab => Code::Tab,
        KeyCode::BackTab => Code::BackTab,
        KeyCode::Backspace => Code::Backspace,
        KeyCode::Delete => Code::Delete,
        KeyCode::Insert => Code::Insert,
        KeyCode::Home => Code::Home,
        KeyCode::End => Code::End,
        KeyCode::PageUp => Code::PageUp,
        KeyCode::PageDown => Code::PageDown,
        KeyCode::Up => Code::Up,
        KeyCode::Down => Code::Down,
        KeyCode::Left => Code::Left,
        KeyCode::Right => Code::Right,
        _ => return None,
    };
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let code = match code {
        // Terminals send ctrl-R and ctrl-r alike; the notation is lower case.
        Code::Char(c) if ctrl && c.is_ascii_alphabetic() => Code::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some(Key {
        code,
        ctrl,
        alt: ev.modifiers.contains(KeyModifiers::ALT),
    })
}
