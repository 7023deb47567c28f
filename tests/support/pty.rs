//! The real binary in a pseudo-terminal for the crash, signal, disk-fault and two-session
//! tests: keys in as bytes, the screen parsed by a terminal emulator, signals sent with the
//! `kill` command, sidecars read back from disk. Needs no real terminal.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// Window titles the program tried to set (it must not: article text could hide there).
#[derive(Default)]
pub struct Titles(pub Vec<Vec<u8>>);

impl vt100::Callbacks for Titles {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.0.push(title.to_vec());
    }
}

/// The end of a synchronized update: glose ends every frame with it.
const FRAME_END: &[u8] = b"\x1b[?2026l";

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser<Titles>>>,
    /// The screen as of the last whole frame: bytes reach it only up to a frame's end, so
    /// it never holds a frame the program was still writing (or was killed while writing).
    frame: Arc<Mutex<vt100::Parser>>,
    writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    reader: Option<std::thread::JoinHandle<()>>,
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    closing: Arc<AtomicBool>,
    cols: u16,
    pub home: tempfile::TempDir,
}

impl Session {
    /// Starts glose on `corpus` with `args` and extra environment variables, in a fresh
    /// home, config and cache folder.
    pub fn start(corpus: &Path, args: &[&str], env: &[(&str, &str)]) -> Session {
        Session::start_in(tempfile::tempdir().unwrap(), corpus, args, env)
    }

    /// Like [`Session::start`] in a home folder prepared by the test (its `config/` is
    /// glose's config folder).
    pub fn start_in(
        home: tempfile::TempDir,
        corpus: &Path,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Session {
        Session::start_sized(home, corpus, args, env, (ROWS, COLS))
    }

    /// Like [`Session::start_in`] on a terminal of `(rows, cols)`.
    pub fn start_sized(
        home: tempfile::TempDir,
        corpus: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        (rows, cols): (u16, u16),
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_glose"));
        cmd.args(args);
        cmd.arg(corpus);
        cmd.cwd(home.path());
        cmd.env("HOME", home.path());
        cmd.env("GLOSE_CONFIG_DIR", home.path().join("config"));
        cmd.env("GLOSE_CACHE_DIR", home.path().join("cache"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("GLOSE_ANNOTATOR");
        cmd.env_remove("GLOSE_TEST_PANIC_AFTER");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let (r, c) = (
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
        );
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            r,
            c,
            0,
            Titles::default(),
        )));
        let frame = Arc::new(Mutex::new(vt100::Parser::new(r, c, 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let fd = pair.master.as_raw_fd();
        let closing = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&closing);
        let p = Arc::clone(&parser);
        let whole = Arc::clone(&frame);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut pending = Vec::new();
            loop {
                // Wait for output in short turns, so `close_terminal` can make this thread
                // let go of its copy of the terminal.
                if let Some(fd) = fd {
                    let mut pfd = libc::pollfd {
                        fd,
                        events: libc::POLLIN,
                        revents: 0,
                    };
                    // SAFETY: `pfd` is a valid pollfd for the duration of the call, and
                    // the descriptor stays open until this thread has ended (the master
                    // is dropped only after it is joined).
                    let ready = unsafe { libc::poll(&mut pfd, 1, 20) };
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    if ready == 0 {
                        continue;
                    }
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        p.lock().unwrap().process(&buf[..n]);
                        pending.extend_from_slice(&buf[..n]);
                        if let Some(end) = last_frame_end(&pending) {
                            whole.lock().unwrap().process(&pending[..end]);
                            pending.drain(..end);
                        }
                    }
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            parser,
            frame,
            writer: Some(writer),
            child,
            reader: Some(reader),
            master: Some(pair.master),
            closing,
            cols,
            home,
        }
    }

    /// Window titles set so far.
    pub fn titles(&self) -> Vec<Vec<u8>> {
        self.parser.lock().unwrap().callbacks().0.clone()
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The screen's rows as text.
    pub fn rows(&self) -> Vec<String> {
        let p = self.parser.lock().unwrap();
        p.screen().rows(0, self.cols).collect()
    }

    /// The rows of the last frame the program finished writing.
    pub fn frame_rows(&self) -> Vec<String> {
        let p = self.frame.lock().unwrap();
        p.screen().rows(0, self.cols).collect()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(text, |s| s.contains(text));
    }

    /// Waits until `ok` holds for the rows of the last whole frame (never a frame half
    /// written, whose rows mix two states); `what` names it in the failure.
    pub fn wait_frame_until(&self, what: &str, ok: impl Fn(&[String]) -> bool) {
        poll(
            what,
            || self.frame_rows().join("\n"),
            || ok(&self.frame_rows()),
        );
    }

    /// Waits until `ok` holds for the screen; `what` names it in the failure.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) {
        poll(what, || self.screen(), || ok(&self.screen()));
    }

    pub fn send(&mut self, bytes: &str) {
        let w = self.writer.as_mut().expect("terminal closed");
        w.write_all(bytes.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Closes the terminal, as closing its window or killing a tmux session does.
    pub fn close_terminal(&mut self) {
        self.closing.store(true, Ordering::Relaxed);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        self.writer = None;
        self.master = None;
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Sends a signal (`KILL`, `TERM`, `INT`, `HUP`) with the `kill` command.
    pub fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{name} failed");
    }

    /// Waits for the program to exit and returns its exit code; for a process killed by a
    /// signal this is whatever the pty library reports (not checked by the tests).
    pub fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("glose did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the program's last output is on the screen (the reader saw the end of
    /// the pty, or a short grace period passed).
    pub fn drain(&mut self) {
        let start = Instant::now();
        while self.reader.as_ref().is_some_and(|r| !r.is_finished())
            && start.elapsed() < Duration::from_secs(2)
        {
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// True when the terminal was handed back, main screen and cursor visible, within the
    /// time limit (the last output can reach the emulator after the program exited).
    pub fn restored(&self) -> bool {
        let start = Instant::now();
        loop {
            {
                let p = self.parser.lock().unwrap();
                if !p.screen().alternate_screen() && !p.screen().hide_cursor() {
                    return true;
                }
            }
            if start.elapsed() > TIMEOUT {
                return false;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Where the last whole frame in `bytes` ends, if one does.
fn last_frame_end(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(FRAME_END.len())
        .rposition(|w| w == FRAME_END)
        .map(|i| i + FRAME_END.len())
}

/// A corpus folder with one article `a.txt` of `text`.
/// Polls `ok` every 10 ms until it holds; after [`TIMEOUT`], fails with `what` and the
/// screen as `shown` gives it.
fn poll(what: &str, shown: impl Fn() -> String, ok: impl Fn() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < TIMEOUT,
            "timed out waiting for {what:?}; screen:\n{}",
            shown()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// How many article rows the library's table shows: rows naming a `.txt` id,
/// leaving out the detail line under the table, which names the selected one
/// too (`id · labeled by …`).
pub fn listed_articles(screen: &str) -> usize {
    screen
        .lines()
        .filter(|l| l.contains(".txt ") && !l.contains(" · "))
        .count()
}

pub fn corpus_with(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    dir
}

/// The labels of a sidecar, by sentence text (none if there is no file); panics, failing
/// the test, if it does not parse.
pub fn labels_on_disk(path: &Path) -> Vec<(String, String)> {
    if std::fs::symlink_metadata(path).is_err() {
        return Vec::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let sc = glose::model::sidecar::parse(&text, path)
        .unwrap_or_else(|e| panic!("sidecar does not parse: {e}\n{text}"));
    sc.labels
        .iter()
        .map(|r| (r.text.clone(), r.label.name().to_string()))
        .collect()
}

/// Names in `dir` that look like leftovers of a write: temp files or empty sidecars.
pub fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            let empty_ron =
                name.ends_with(".ron") && e.metadata().is_ok_and(|m| m.is_file() && m.len() == 0);
            (glose::store::atomic::is_temp_name(&name) || empty_ron).then_some(name)
        })
        .collect()
}
