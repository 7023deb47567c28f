//! The real terminal: setup and restore on every exit path (panic and termination signals
//! included), the event loop that resolves events into actions, and the command-line entry
//! point.

use super::app::App;
use super::style::Theme;
use crate::action::Action;
use crate::annotator::Annotator;
use crate::config::{self, Config};
use crate::keymap::Keymap;
use crate::shutdown::Shutdown;
use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How often the screen is redrawn while background work progresses, and how long a
/// termination signal may wait to be noticed.
const TICK: Duration = Duration::from_millis(100);
/// How long background steps run between frames while the library is scanned or indexed.
const FRAME: Duration = Duration::from_millis(40);

/// Opens the UI on `root` until the user quits (exit 0) or a termination signal arrives
/// (labels saved, terminal restored, exit 128 + signal).
pub fn run(
    root: &Path,
    annotator: Annotator,
    keymap_choice: Option<&str>,
) -> anyhow::Result<ExitCode> {
    run_in(root, annotator, keymap_choice, false)
}

/// Like [`run`]; with `review`, the library shows agreement columns and Enter opens the
/// review view (`glose review`).
pub fn run_in(
    root: &Path,
    annotator: Annotator,
    keymap_choice: Option<&str>,
    review: bool,
) -> anyhow::Result<ExitCode> {
    let mut app = start(root, annotator, keymap_choice, review)?;
    let shutdown = Shutdown::install();
    // If a signal comes and the loop never gets back to it (the terminal is gone), exit.
    let watchdog = shutdown.watchdog(WATCHDOG_GRACE);
    let signal = {
        let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
        let _guard = Guard::new();
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            event_loop(&mut terminal, &mut app, &shutdown)
        }));
        match run {
            Ok(result) => result?,
            Err(panic) => {
                // The panic hook has restored the screen; try once more to write labels
                // still in memory, then let the panic end the program (exit 101).
                app.save_all();
                std::panic::resume_unwind(panic);
            }
        }
    };
    drop(watchdog);
    match signal {
        None => Ok(ExitCode::SUCCESS),
        Some(sig) => {
            let n = app.unsaved();
            if n > 0 {
                eprintln!(
                    "glose: stopped by signal {sig}; {n} article(s) with labels that could not be saved"
                );
            }
            Ok(ExitCode::from(Shutdown::exit_code(sig)))
        }
    }
}

/// How long the UI loop has to notice a termination signal before the process exits
/// without it.
const WATCHDOG_GRACE: Duration = Duration::from_secs(3);

/// Everything [`run_in`] does before the first frame: configuration, keymap, and an app
/// whose library is scanned and indexed in the background, so the first frame does not
/// depend on the size of the corpus. Errors are those of a bad configuration or of a
/// `root` that is not a folder.
pub fn start(
    root: &Path,
    annotator: Annotator,
    keymap_choice: Option<&str>,
    review: bool,
) -> anyhow::Result<App> {
    let cfg = Config::load()?;
    let choice = keymap_choice.or(cfg.keymap.as_deref());
    let keymap = Keymap::load(choice, config::config_dir().as_deref())?;
    let theme = Theme::from_env(cfg.theme.as_deref());
    let mut app = App::open(root, annotator, keymap, theme, config::cache_dir())
        .with_context(|| format!("cannot open {}", root.display()))?;
    app.set_analyzer(crate::analysis::Analyzer::for_corpus(root, &cfg)?);
    app.start_trainer();
    app.advance = cfg.advance_after_label;
    app.review.cache = config::cache_dir();
    app.review.mode = review;
    Ok(app)
}

/// Draws, waits for input while doing background work, applies actions. Returns the
/// termination signal that ended it, if one did.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    shutdown: &Shutdown,
) -> anyhow::Result<Option<i32>> {
    while !app.quit {
        if let Some(sig) = shutdown.requested() {
            app.save_all();
            return Ok(Some(sig));
        }
        // What the background scan delivered while waiting shows in this frame.
        app.poll_index();
        draw_whole(terminal, app)?;
        // Background work runs only while no input is waiting, a small step at a time;
        // while the library grows, in shorter turns so that what arrived shows soon.
        let started = Instant::now();
        let turn = if app.indexer.is_some() { FRAME } else { TICK };
        let (mut busy, mut worked) = (true, false);
        while busy && !poll(Duration::ZERO)? && started.elapsed() < turn {
            busy = app.background_step();
            worked |= busy;
        }
        // Wait for input, waking every tick (every turn while the library grows) to notice
        // signals and, while background work goes on, to redraw its progress.
        let input = loop {
            if poll(if busy { Duration::ZERO } else { turn })? {
                break true;
            }
            if worked
                || app.indexer.is_some()
                || app.review_busy()
                || shutdown.requested().is_some()
            {
                break false;
            }
        };
        if !input {
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
            super::crash_hook::after_action();
        }
    }
    Ok(None)
}

/// Draws one frame inside a synchronized update, so a terminal that knows it (most do;
/// the others ignore it) shows every frame whole: never half of one sentence's row beside
/// half of another's while the view scrolls.
fn draw_whole(terminal: &mut ratatui::DefaultTerminal, app: &App) -> std::io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|f| super::draw(f, app))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)
}

/// Like `event::poll`, but a signal interrupting the wait is not an error: the loop then
/// looks at the shutdown flag.
fn poll(timeout: Duration) -> std::io::Result<bool> {
    match event::poll(timeout) {
        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Ok(false),
        other => other,
    }
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
