//! `glose review` in a pseudo-terminal on a corpus with two annotators' sidecars: settle a
//! disagreement, accept the unanimous sentences after confirming, quit, and check the gold
//! sidecar on disk.

mod tui_support;

use glose::adjudicate::Status;
use glose::sidecar::How;
use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tui_support::{review_on_disk, sidecar, two_annotators};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
    _home: tempfile::TempDir,
}

impl Session {
    fn start(corpus: &Path, args: &[&str]) -> Session {
        let home = tempfile::tempdir().unwrap();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 110,
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
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(30).unwrap(),
            std::num::NonZeroU16::new(110).unwrap(),
            0,
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

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.screen().contains(text) {
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {text:?}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

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

#[test]
fn adjudicate_a_disagreement_accept_unanimous_rows_and_find_them_in_the_gold_file() {
    let corpus = two_annotators();
    let dir = corpus.path();
    let id = "000_3b8629df93aa22c5.txt";
    let before = review_on_disk(dir, id);
    let n = before.len();
    let d = before.disagreements()[0];
    let alice = before.row(d).labels[0].unwrap();
    let pending = before.pending_unanimous();
    assert!(!pending.is_empty());

    let mut s = Session::start(dir, &["review", "--annotator", "carol"]);
    s.wait_for("Agree");
    s.wait_for("0/19"); // summaries arrived: rows adjudicated per article
    s.send("\r");
    s.wait_for(&format!("row {}/{n}", d + 1));
    s.wait_for(&format!("gold 0/{n}"));
    s.send(&alice.letter().to_ascii_lowercase().to_string());
    s.wait_for(&format!("gold 1/{n}"));
    s.send("A");
    s.wait_for(&format!("Give {} unanimous sentences", pending.len()));
    s.send("y");
    s.wait_for(&format!("gold {}/{n}", pending.len() + 1));
    s.wait_for("saved");
    s.send("\u{1b}");
    s.wait_for("r review"); // back in the library
    let row = s
        .screen()
        .lines()
        .find(|l| l.contains(id))
        .unwrap_or_default()
        .to_string();
    assert!(
        row.ends_with(&format!(" {}/{n}", pending.len() + 1)),
        "{row}"
    );
    s.send("Q");
    assert_eq!(s.exit_code(), 0);

    let file = sidecar(dir, id, "gold").expect("gold sidecar written");
    assert_eq!(file.annotator, "gold");
    let after = review_on_disk(dir, id);
    assert_eq!(after.adjudicated(), pending.len() + 1);
    for u in 0..n {
        let want = match before.status(u) {
            _ if u == d => Some(alice),
            Status::Unanimous { label, .. } => Some(label),
            _ => None,
        };
        assert_eq!(after.gold(u), want, "row {u}");
        if let Some(g) = after.gold_record(u) {
            assert_eq!(g.how, How::Adjudication);
            assert_eq!(g.adjudicator.as_deref(), Some("carol"));
            let agreed: Vec<String> = before
                .annotators()
                .iter()
                .zip(&before.row(u).labels)
                .filter(|(_, l)| **l == want)
                .map(|(a, _)| a.to_string())
                .collect();
            assert_eq!(g.agreed, agreed, "row {u}");
        }
    }
    assert!(
        file.labels
            .iter()
            .chain(&file.orphans)
            .all(|r| r.adjudicator.as_deref() == Some("carol"))
    );
    // Nobody else's sidecar was touched.
    for who in ["alice", "bob"] {
        let sc = sidecar(dir, id, who).unwrap();
        assert!(sc.labels.iter().all(|r| r.adjudicator.is_none()));
    }
}

#[test]
fn gold_is_refused_as_adjudicator() {
    let corpus = two_annotators();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["review", "--annotator", "gold"])
        .arg(corpus.path())
        .env("GLOSE_CONFIG_DIR", corpus.path().join("cfg"))
        .env("GLOSE_CACHE_DIR", corpus.path().join("cache"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`gold` is reserved"), "{err}");
}
