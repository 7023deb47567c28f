//! The real binary in a pseudo-terminal: keys go in as bytes, the screen is parsed by a
//! terminal emulator, and the sidecars are checked on disk after quitting. Needs no real
//! terminal and nothing installed.

use glose::document::Document;
use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const TIMEOUT: Duration = Duration::from_secs(15);

/// Window titles the program tried to set.
#[derive(Default)]
struct Titles(Vec<Vec<u8>>);

impl vt100::Callbacks for Titles {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.0.push(title.to_vec());
    }
}

struct Session {
    parser: Arc<Mutex<vt100::Parser<Titles>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// Kept open while the program runs.
    _master: Box<dyn portable_pty::MasterPty + Send>,
    _home: tempfile::TempDir,
}

impl Session {
    fn start(corpus: &Path, args: &[&str]) -> Session {
        Session::start_with(corpus, args, None)
    }

    /// Starts glose; `keymap_override` becomes `keymap.ron` in its config folder.
    fn start_with(corpus: &Path, args: &[&str], keymap_override: Option<&str>) -> Session {
        let home = tempfile::tempdir().unwrap();
        if let Some(text) = keymap_override {
            std::fs::create_dir_all(home.path().join("config")).unwrap();
            std::fs::write(home.path().join("config/keymap.ron"), text).unwrap();
        }
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
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
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            std::num::NonZeroU16::new(ROWS).unwrap(),
            std::num::NonZeroU16::new(COLS).unwrap(),
            0,
            Titles::default(),
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            parser,
            writer,
            child,
            _master: pair.master,
            _home: home,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits until the main screen is back (the last output can reach the emulator a moment
    /// after the program exited); false if it never comes back.
    fn left_alternate_screen(&self) -> bool {
        let start = Instant::now();
        while self.parser.lock().unwrap().screen().alternate_screen() {
            if start.elapsed() > TIMEOUT {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        true
    }

    /// Waits for the program to exit and returns its exit code.
    fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("glose did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn copy_sample_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    for f in std::fs::read_dir(src).unwrap() {
        let f = f.unwrap();
        if f.file_type().unwrap().is_file() {
            std::fs::copy(f.path(), dir.path().join(f.file_name())).unwrap();
        }
    }
    dir
}

#[test]
fn label_undo_and_quit_leave_the_right_sidecar() {
    let corpus = copy_sample_corpus();
    let mut first: Vec<_> = std::fs::read_dir(corpus.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    first.sort();
    let id = first[0].clone();
    let doc = Document::load(&corpus.path().join(&id), &id).unwrap();
    let n = doc.sentences.len();
    assert!(n >= 4);

    let mut s = Session::start(corpus.path(), &["--annotator", "alice"]);
    // The library fills in from a background scan; Enter opens the first article once all
    // are listed.
    s.wait_for(&format!("{} articles", first.len()));
    s.wait_for("sentences labeled");
    s.send("\r");
    s.wait_for(&format!("1/{n} │ 0/{n} labeled │ alice"));
    for (k, key) in ["f", "q", "o", "s"].iter().enumerate() {
        s.send(key);
        s.wait_for(&format!("{}/{n} labeled", k + 1));
    }
    s.wait_for("saved");
    s.send("u");
    s.wait_for(&format!("3/{n} labeled"));
    s.send("Q");
    assert_eq!(s.exit_code(), 0);
    assert!(s.left_alternate_screen(), "the terminal was restored");

    let text = std::fs::read_to_string(corpus.path().join(format!("{id}.alice.ron"))).unwrap();
    let sc = glose::sidecar::parse(&text, Path::new("x.ron")).unwrap();
    let got: Vec<(String, &str)> = sc
        .labels
        .iter()
        .map(|r| (r.text.clone(), r.label.name()))
        .collect();
    let want: Vec<(String, &str)> = ["factual", "quote", "opinion"]
        .iter()
        .enumerate()
        .map(|(i, l)| (doc.sentence_text(i).to_string(), *l))
        .collect();
    assert_eq!(got, want);
    assert_eq!(sc.annotator, "alice");
    // Nothing was written for anyone else, nor into the home or config folders.
    let others = std::fs::read_dir(corpus.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name().into_string().unwrap();
            name.ends_with(".ron") && !name.ends_with(".alice.ron")
        })
        .count();
    assert_eq!(others, 0);
}

#[test]
fn escape_sequences_in_articles_show_as_placeholders() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("evil.txt"),
        "Breaking \u{1b}]0;owned\u{7} news\n\nThe screen \u{1b}[2J stays intact. Last sentence here.\n",
    )
    .unwrap();
    let mut s = Session::start(corpus.path(), &["--annotator", "bob"]);
    s.wait_for("Breaking ␛]0;owned␇ news");
    s.send("\r");
    s.wait_for("The screen ␛[2J stays intact.");
    let screen = s.screen();
    assert!(screen.contains("1/3 │ 0/3 labeled │ bob"), "{screen}");
    assert!(
        screen.contains("factual"),
        "hint bar still drawn:\n{screen}"
    );
    assert!(
        s.parser.lock().unwrap().callbacks().0.is_empty(),
        "title changed"
    );
    s.send("f");
    s.wait_for("1/3 labeled");
    s.send("\u{3}");
    assert_eq!(s.exit_code(), 0);
    let sc = std::fs::read_to_string(corpus.path().join("evil.txt.bob.ron")).unwrap();
    assert!(sc.contains("label: Factual"), "{sc}");
}

#[test]
fn a_bad_keymap_is_refused_with_file_line_and_column() {
    let corpus = tempfile::tempdir().unwrap();
    let km = corpus.path().join("mine.ron");
    std::fs::write(&km, "(\n  reader: {\n    \"j\": \"jump\",\n  },\n)\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["--annotator", "a", "--keymap"])
        .arg(&km)
        .arg(corpus.path())
        .env("GLOSE_CONFIG_DIR", corpus.path().join("cfg"))
        .env("GLOSE_CACHE_DIR", corpus.path().join("cache"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mine.ron:3:"), "{err}");
    assert!(err.contains("unknown action `jump`"), "{err}");
}

#[test]
fn quitting_with_unsaved_labels_asks_first() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "Title\n\nOne sentence here. Another one.\n",
    )
    .unwrap();
    let mut s = Session::start(corpus.path(), &["--annotator", "eve"]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("no changes");
    // A folder where the sidecar should go: every save fails.
    std::fs::create_dir(corpus.path().join("a.txt.eve.ron")).unwrap();
    s.send("f");
    s.wait_for("NOT SAVED");
    s.send("Q");
    s.wait_for("Quit anyway");
    s.send("n");
    s.wait_for("Not quitting.");
    s.send("Q");
    s.wait_for("Quit anyway");
    s.send("y");
    assert_eq!(s.exit_code(), 0);
    assert!(corpus.path().join("a.txt.eve.ron").is_dir());
}

#[test]
fn numeric_keymap_with_a_user_override() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "Title\n\nOne sentence here. Another one. A third one.\n",
    )
    .unwrap();
    let mut s = Session::start_with(
        corpus.path(),
        &["--annotator", "zoe", "--keymap", "numeric"],
        Some("(reader: { \"é\": \"label-opinion\", \"4\": \"noop\" })"),
    );
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("0/4 labeled");
    // `4` is unbound by the override: nothing happens; `é` labels opinion.
    s.send("1");
    s.wait_for("1/4 labeled");
    s.send("4");
    s.send("é");
    s.wait_for("2/4 labeled");
    s.send("\u{1b}[A");
    s.send("\u{1b}[A");
    s.wait_for("1/4 │ 2/4 labeled");
    s.send("\u{11}");
    assert_eq!(s.exit_code(), 0);
    let text = std::fs::read_to_string(corpus.path().join("a.txt.zoe.ron")).unwrap();
    let sc = glose::sidecar::parse(&text, Path::new("x.ron")).unwrap();
    let labels: Vec<&str> = sc.labels.iter().map(|r| r.label.name()).collect();
    assert_eq!(labels, ["factual", "opinion"]);
    assert_eq!(sc.labels[1].text, "One sentence here.");
    // The override file was only read.
    assert!(!corpus.path().join("keymap.ron").exists());
}

#[cfg(unix)]
#[test]
fn a_hangup_restores_the_terminal_and_exits_129() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("a.txt"), "Title\n\nOne sentence. Two.\n").unwrap();
    let mut s = Session::start(corpus.path(), &["--annotator", "hal"]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("0/3 labeled");
    s.send("o");
    s.wait_for("1/3 labeled");
    s.child.clone_killer().kill().unwrap();
    assert_eq!(s.exit_code(), 129);
    assert!(s.left_alternate_screen());
    let sc = std::fs::read_to_string(corpus.path().join("a.txt.hal.ron")).unwrap();
    assert!(sc.contains("Opinion"), "{sc}");
}
