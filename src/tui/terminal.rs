//! The real terminal: setup and restore on every exit path (panic and termination signals
//! included), the event loop that resolves events into actions, and the command-line entry
//! point.

use crate::config::{self, Config};
use crate::model::annotator::Annotator;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Keymap;
use crate::tui::shutdown::Shutdown;
use crate::tui::style::Theme;
use crossterm::cursor::Show;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use crossterm::{execute, queue};
use ratatui::backend::CrosstermBackend;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How often the screen is redrawn while background work progresses, and how long a
/// termination signal may wait to be noticed.
const TICK: Duration = Duration::from_millis(100);
/// How long background steps run between frames while the library is scanned or indexed.
const FRAME: Duration = Duration::from_millis(40);

/// Why the UI could not start or ended with an error. Each wrapped error names its file
/// or folder already.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    Keymap(#[from] crate::tui::keymap::KeymapError),
    #[error(transparent)]
    Corpus(#[from] crate::model::corpus::CorpusError),
    #[error(transparent)]
    Project(#[from] crate::model::project::ProjectError),
    #[error(transparent)]
    Lexicon(#[from] crate::nlp::lexicon::LexiconError),
    /// Raw mode or the alternate screen could not be entered.
    #[error("cannot set up the terminal: {0}")]
    Setup(std::io::Error),
    /// Reading keys or drawing failed while the UI ran.
    #[error("the terminal failed: {0}")]
    Terminal(std::io::Error),
}

/// Opens the UI on `root` until the user quits (exit 0) or a termination signal arrives
/// (labels saved, terminal restored, exit 128 + signal).
pub fn run(
    root: &Path,
    annotator: Annotator,
    keymap_choice: Option<&str>,
) -> Result<ExitCode, TuiError> {
    run_in(root, annotator, keymap_choice, false)
}

/// Like [`run`]; with `review`, the library shows agreement columns and Enter opens the
/// review view (`glose review`).
pub fn run_in(
    root: &Path,
    annotator: Annotator,
    keymap_choice: Option<&str>,
    review: bool,
) -> Result<ExitCode, TuiError> {
    let mut app = start(root, annotator, keymap_choice, review)?;
    let shutdown = Shutdown::install();
    // If a signal comes and the loop never gets back to it (the terminal is gone), exit.
    let watchdog = shutdown.watchdog(WATCHDOG_GRACE);
    let signal = {
        let _screen = RawScreen::enter().map_err(TuiError::Setup)?;
        let mut terminal = ratatui::Terminal::new(CrosstermBackend::new(std::io::stdout()))
            .map_err(TuiError::Setup)?;
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let size = terminal.size().map_err(TuiError::Terminal)?;
            app.update(Action::Resize(size.width, size.height));
            event_loop(&mut terminal, &mut app, &shutdown)
        }));
        close(terminal);
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
    app.save_place();
    match signal {
        None => Ok(ExitCode::SUCCESS),
        Some(sig) => {
            let n = app.unsaved();
            if n > 0 {
                // Not `eprintln!`: it panics when the terminal that was stderr is gone.
                let _ = writeln!(
                    std::io::stderr(),
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
) -> Result<App, TuiError> {
    let cfg = Config::load()?;
    let choice = keymap_choice.or(cfg.keymap.as_deref());
    let keymap = Keymap::load(choice, config::config_dir().as_deref())?;
    let theme = Theme::from_env(cfg.theme.as_deref());
    // Its errors name the folder already.
    let mut app = App::open(root, annotator, keymap, theme, config::cache_dir())?;
    // A bad project file is an error naming `glose.ron:line:col`.
    let project = crate::model::project::Project::load(root)?;
    app.set_analyzer(
        crate::nlp::analysis::Analyzer::for_corpus(root, &cfg)?.with_project(&project),
    );
    app.start_trainer();
    app.advance = cfg.advance_after_label;
    app.confirm_quit = cfg.confirm_quit;
    app.reader.reading = crate::tui::views::reader::Reading {
        width: cfg.reading_width,
        centre: cfg.centre_text,
        legend: cfg.legend,
    };
    app.review.cache = config::cache_dir();
    if review {
        app.screen.set_session(crate::tui::screen::Session::Review);
        // Work left first: the articles with most disagreements still without gold.
        app.library.sort = crate::tui::views::library::Sort::Unsettled;
    }
    app.load_queue(root);
    app.library.by_all = review;
    if !review {
        app.resume_from(config::cache_dir().as_deref());
    }
    if let Some(hint) = crate::exchange::git::driver_hint(root) {
        app.warn(hint);
    }
    Ok(app)
}

/// Draws, waits for input while doing background work, applies actions. Returns the
/// termination signal that ended it, if one did.
///
/// A terminal that fails is most often one that was closed: its hangup signal may arrive
/// just after the failed write or read. Then glose ends as for the hangup (labels saved,
/// exit 129) instead of reporting an error.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    shutdown: &Shutdown,
) -> Result<Option<i32>, TuiError> {
    match ui_loop(terminal, app, shutdown) {
        Ok(signal) => Ok(signal),
        Err(e) => {
            app.save_all();
            match shutdown.wait_for_signal(HANGUP_WAIT) {
                Some(sig) => Ok(Some(sig)),
                None if terminal_gone(&e) => Ok(hangup()),
                None => Err(TuiError::Terminal(e)),
            }
        }
    }
}

/// How long a failed terminal may wait for the hangup signal that explains it.
const HANGUP_WAIT: Duration = Duration::from_millis(500);

/// Whether an I/O error says the terminal is no longer there.
fn terminal_gone(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    if matches!(
        e.raw_os_error(),
        Some(libc::EIO | libc::ENXIO | libc::EBADF)
    ) {
        return true;
    }
    matches!(
        e.kind(),
        std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::UnexpectedEof
    )
}

/// The signal a closed terminal stands for, where there is one.
#[cfg(unix)]
fn hangup() -> Option<i32> {
    Some(signal_hook::consts::SIGHUP)
}

#[cfg(not(unix))]
fn hangup() -> Option<i32> {
    None
}

fn ui_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    shutdown: &Shutdown,
) -> std::io::Result<Option<i32>> {
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
                || app.poll_disk()
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
            Event::Paste(text) => {
                app.paste(&text);
                None
            }
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

/// Raw mode, the alternate screen and mouse capture, handed back when dropped and before a
/// panic message is printed. Nothing here prints a failure: the terminal that fails is
/// most often a closed one, where a write to stderr panics (and a panic while unwinding
/// aborts, which is what ratatui's own setup and teardown do there).
struct RawScreen;

impl RawScreen {
    fn enter() -> std::io::Result<RawScreen> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave();
            previous(info);
        }));
        enable_raw_mode()?;
        // Dropped from here on, so a failure below still hands raw mode back.
        let screen = RawScreen;
        execute!(std::io::stdout(), EnterAlternateScreen)?;
        // Without mouse capture glose still works from the keyboard.
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
        // Pasted text then arrives whole, for the open prompt, instead of as keys.
        let _ = execute!(std::io::stdout(), EnableBracketedPaste);
        Ok(screen)
    }
}

impl Drop for RawScreen {
    fn drop(&mut self) {
        leave();
    }
}

/// Hands the terminal back: each step is tried even if the one before failed.
fn leave() {
    let mut out = std::io::stdout();
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, DisableMouseCapture);
    let _ = disable_raw_mode();
    let _ = execute!(out, LeaveAlternateScreen, Show);
}

/// Drops the terminal, unless its cursor cannot be shown again: ratatui would then print
/// that on stderr from its destructor, which panics on a closed terminal. The process is
/// ending, so what it holds is left for the system to take back.
fn close(mut terminal: ratatui::DefaultTerminal) {
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
}
