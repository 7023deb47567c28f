//! The real terminal: setup and restore on every exit path (panic included), the event
//! loop that resolves events into actions, and the command-line entry point.

use super::app::App;
use super::style::Theme;
use crate::action::Action;
use crate::annotator::Annotator;
use crate::config::{self, Config};
use crate::corpus::Corpus;
use crate::keymap::Keymap;
use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use std::path::Path;
use std::time::{Duration, Instant};

/// How often the screen is redrawn while background work progresses.
const REDRAW: Duration = Duration::from_millis(100);

/// Opens the UI on `root` until the user quits.
pub fn run(root: &Path, annotator: Annotator, keymap_choice: Option<&str>) -> anyhow::Result<()> {
    let cfg = Config::load()?;
    let choice = keymap_choice.or(cfg.keymap.as_deref());
    let keymap = Keymap::load(choice, config::config_dir().as_deref())?;
    let corpus = Corpus::scan(root).with_context(|| format!("cannot open {}", root.display()))?;
    let mut app = App::new(
        corpus,
        annotator,
        keymap,
        Theme::from_env(cfg.theme.as_deref()),
    );
    app.advance = cfg.advance_after_label;
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let _guard = Guard::new();
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    while !app.quit {
        terminal.draw(|f| super::draw(f, &app))?;
        // Background work runs only while no input is waiting, one article at a time; the
        // screen is redrawn every so often to show its progress.
        let started = Instant::now();
        let mut busy = true;
        while busy && !event::poll(Duration::ZERO)? && started.elapsed() < REDRAW {
            busy = app.background_step();
        }
        if busy && !event::poll(Duration::ZERO)? {
            continue;
        }
        let action = match event::read()? {
            Event::Key(k) => app.resolve_key(k),
            Event::Mouse(m) => app.resolve_mouse(m),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(a) = action {
            app.update(a);
        }
    }
    Ok(())
}

/// Turns mouse capture on, and off again with the rest of the terminal when dropped.
struct Guard;

impl Guard {
    fn new() -> Guard {
        // ratatui's hook restores the screen before printing a panic; turn the mouse off
        // first so the message is not followed by mouse escape codes.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
            previous(info);
        }));
        // Without mouse capture glose still works from the keyboard.
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
        Guard
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}
