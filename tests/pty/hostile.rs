//! A corpus full of odd and hostile files: glose lists it, opens what can be opened,
//! explains what cannot, and never panics or writes outside the corpus.

use assert_cmd::Command;
use glose::model::corpus::Corpus;
use glose::model::document::Document;
use std::fs;
use std::path::Path;

fn build(root: &Path) {
    let w = |name: &str, bytes: &[u8]| fs::write(root.join(name), bytes).unwrap();
    w(
        "with spaces and « quotes ».txt",
        "Un titre\n\nUne phrase.\n".as_bytes(),
    );
    w(
        "ünïcödé 日本.txt",
        "日本語のテキスト。二つ目の文。\n".as_bytes(),
    );
    w("quote\"and'apostrophe.txt", b"Title\n\nA sentence.\n");
    w("new\nline.txt", b"Title\n\nA sentence.\n");
    w("esc\x1b[31mred.txt", b"Title\n\nA sentence.\n");
    w("empty.txt", b"");
    w("blank.txt", b"  \n\n \t\n");
    w("binary.txt", &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2]);
    w("latin1.txt", b"Caf\xe9 cr\xe8me. D\xe9j\xe0 vu.\n");
    w(
        "crlf-bom.txt",
        "\u{feff}Titre\r\n\r\nPremière. Deuxième.\r\n".as_bytes(),
    );
    w("long-line.txt", "mot ".repeat(5000).as_bytes());
    w(
        "rtl-combining.txt",
        "שלום עולם. مرحبا بالعالم. e\u{301}te\u{301} cafe\u{301}.\n".as_bytes(),
    );
    w(
        "zero-width-bidi.txt",
        "Un\u{200b}mot\u{200d}. Texte \u{202e}inversé\u{202c} ici. \u{2066}isolé\u{2069}.\n"
            .as_bytes(),
    );
    w(
        "escapes.txt",
        b"Titre \x1b]0;owned\x07 ici\n\nTexte \x1b[2J efface. Cloche \x07 et \x08 retour.\n",
    );
    // Larger than the 64 MiB limit: listed, not opened (sparse, so the test stays cheap).
    let big = fs::File::create(root.join("huge.txt")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    #[cfg(unix)]
    {
        fs::create_dir(root.join("loop")).unwrap();
        std::os::unix::fs::symlink(root, root.join("loop/back")).unwrap();
        std::os::unix::fs::symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap();
    }
}

#[test]
fn every_file_is_listed_opened_or_explained() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let c = Corpus::scan(dir.path()).unwrap();
    assert_eq!(c.entries.len(), 15, "{:#?}", c.entries);
    #[cfg(unix)]
    assert!(
        c.skipped
            .iter()
            .any(|(p, why)| p.ends_with("dangling.txt") && why.contains("broken link"))
    );
    for e in &c.entries {
        match Document::load(&e.path, &e.id) {
            Ok(d) => {
                for s in &d.sentences {
                    assert!(s.start < s.end && s.end <= d.raw.len());
                    assert!(d.raw.is_char_boundary(s.start) && d.raw.is_char_boundary(s.end));
                }
                assert!(!d.title.chars().any(char::is_control), "{:?}", d.title);
            }
            Err(why) => {
                let expected = ["empty", "blank", "binary", "latin1", "huge"];
                assert!(
                    expected.iter().any(|x| e.id.starts_with(x)),
                    "{} unexpectedly unreadable: {why}",
                    e.id
                );
            }
        }
    }
}

#[test]
fn status_and_check_survive_it_and_print_no_raw_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    build(dir.path());
    let run = |args: &[&str]| {
        Command::cargo_bin("glose")
            .unwrap()
            .env("GLOSE_CONFIG_DIR", cfg.path())
            .env("GLOSE_CACHE_DIR", cfg.path().join("cache"))
            .args(args)
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let out = run(&["status"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}'),
        "raw escape reached the terminal: {text}"
    );
    assert!(text.contains("too large"));
    assert!(text.contains("binary"));
    assert!(text.contains("not valid UTF-8"));
    assert!(text.contains("empty"));
    #[cfg(unix)]
    assert!(text.contains("dangling.txt: broken link"), "{text}");
    let out = run(&["status", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["totals"]["articles"], 15);
    let out = run(&["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Nothing was written into the corpus.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".ron")), "{names:?}");
}

/// Every file of the hostile corpus opened in the real UI, one after the other: the readable
/// ones open in the reader and take a label (their sidecar lands beside them, whatever their
/// name), the others are explained on the message line; nothing panics and the terminal is
/// restored at the end.
#[test]
fn the_ui_opens_or_explains_every_file() {
    use crate::support::pty::{ROWS, Session, labels_on_disk};
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let entries = Corpus::scan(dir.path()).unwrap().entries;
    let mut s = Session::start(dir.path(), &["--annotator", "hos"], &[]);
    s.wait_for(&format!("{} articles", entries.len()));
    // The library reads articles in the background and sorts them by title when done.
    s.wait_until("the library read", |screen| !screen.contains("reading "));
    // Whole frames only: a frame half written shows rows of the last state beside rows
    // of the next (a reason wrapped over two rows, half cleared).
    let msg_row = |s: &Session| s.frame_rows()[usize::from(ROWS) - 2].clone();
    let bottom = usize::from(ROWS) - 2;
    // The message rows: a long message wraps upwards from the last one.
    let messages = |rows: &[String]| {
        rows.get(bottom.saturating_sub(2)..=bottom.min(rows.len().saturating_sub(1)))
            .unwrap_or(&[])
            .join(" ")
    };
    let why = ["binary file", "not valid UTF-8", "empty file", "too large"];
    let (mut opened, mut explained) = (0, 0);
    for k in 0..entries.len() {
        // An unreadable entry's reason is on the detail line already; Enter shows it as a
        // message, which a long reason wraps upwards from the message row (`latin1.txt:
        // not valid UTF-8 …` takes two rows at this width), so the rows above count too.
        s.send("\r");
        s.wait_frame_until("the reader or a reason", |rows| {
            let reader = rows.first().is_some_and(|r| r.contains("labeled │ hos │"));
            reader || why.iter().any(|w| messages(rows).contains(w))
        });
        // The reason names its file (`latin1.txt: not valid UTF-8 …`): the next entry is
        // reached when it is gone, whether Enter was answered before or after the reason
        // was first seen (the message it shows may wrap where the detail line did not).
        let mut reason_of = None;
        if s.frame_rows()[0].contains("labeled │ hos │") {
            opened += 1;
            if !s.screen().contains("0/0 labeled") {
                s.send("f");
                s.wait_until("a label", |screen| screen.contains(" 1/"));
                s.wait_for("saved ");
            }
            s.send("\u{1b}");
            s.wait_until("the library", |screen| screen.starts_with(" glose │"));
        } else {
            explained += 1;
            let m = messages(&s.frame_rows());
            reason_of = m
                .trim_start()
                .split_once(": ")
                .map(|(name, _)| format!("{name}: "));
        }
        assert!(
            !s.screen().contains("panicked"),
            "entry {k}:\n{}",
            s.screen()
        );
        let before = msg_row(&s);
        s.send("\u{1b}[B");
        if k + 1 < entries.len() {
            match &reason_of {
                Some(name) => s.wait_frame_until("the next entry", |rows| {
                    !messages(rows).contains(name.as_str())
                }),
                None => s.wait_until("the next entry", |_| msg_row(&s) != before),
            }
        }
    }
    s.send("q");
    assert_eq!(s.exit_code(), 0, "{}", s.screen());
    assert!(s.restored());
    assert_eq!(explained, 5, "empty, blank, binary, latin1, huge");
    assert_eq!(opened, entries.len() - 5);
    // Each opened article with sentences got its sidecar beside it, with one label.
    let mut sidecars = 0;
    for e in &entries {
        let sc = e.path.with_file_name(format!(
            "{}.hos.ron",
            e.path.file_name().unwrap().to_string_lossy()
        ));
        if sc.exists() {
            assert_eq!(labels_on_disk(&sc).len(), 1, "{}", sc.display());
            sidecars += 1;
        }
    }
    assert!(
        sidecars >= opened - 1,
        "{sidecars} sidecars for {opened} articles"
    );
}

/// Issue 18 item 9: file names that are not UTF-8 are opened by their name on disk (they
/// were listed, then refused with "No such file or directory"), two that differ only in
/// such a byte are two articles with two ids (a lossy name counted one twice), and they
/// take labels: the sidecar lands beside each, found again by the next scan, exported under
/// the article's id.
#[cfg(unix)]
#[test]
fn item9_non_utf8_names_are_opened_labeled_and_kept_apart() {
    use glose::model::annotations::Annotations;
    use glose::model::annotator::Annotator;
    use glose::model::sidecar::{How, Record};
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = |b: &[u8]| std::ffi::OsStr::from_bytes(b).to_os_string();
    fs::write(dir.path().join(name(b"caf\xe9.txt")), "Un texte. Deux.\n").unwrap();
    fs::write(
        dir.path().join(name(b"caf\xe8.txt")),
        "Autre texte. Trois.\n",
    )
    .unwrap();
    let c = Corpus::scan(dir.path()).unwrap();
    let ids: Vec<&str> = c.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["caf\\xe8.txt", "caf\\xe9.txt"], "{c:?}");
    assert!(c.skipped.is_empty(), "{:?}", c.skipped);
    let alice = Annotator::new("alice").unwrap();
    for e in &c.entries {
        let doc = Document::load(&e.path, &e.id).unwrap();
        let mut a = Annotations::load(&doc, &alice).unwrap();
        let s = doc.sentences[0];
        a.set(
            0,
            Some(Record::new(
                s.start,
                s.end,
                doc.sentence_text(0),
                glose::Label::Quote,
                How::Hand,
            )),
        );
        a.save(&doc).unwrap();
    }
    assert!(dir.path().join(name(b"caf\xe9.txt.alice.ron")).is_file());
    let again = Corpus::scan(dir.path()).unwrap();
    assert!(
        again
            .entries
            .iter()
            .all(|e| e.annotators == [alice.clone()]),
        "{again:?}"
    );
    let cfg = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("glose")
        .unwrap()
        .env("GLOSE_CONFIG_DIR", cfg.path())
        .env("GLOSE_CACHE_DIR", cfg.path())
        .args(["export", "-q", "--labels", "annotator=alice"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let articles: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["article"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(articles, ["caf\\xe8.txt", "caf\\xe9.txt"]);
    // A UTF-8 name spelled as a non-UTF-8 one's id keeps it; the other is left out, and
    // the scan says why.
    fs::write(dir.path().join("caf\\xe9.txt"), "Homonyme.\n").unwrap();
    let c = Corpus::scan(dir.path()).unwrap();
    assert_eq!(c.entries.len(), 2);
    let homonym = c.entries.iter().find(|e| e.id == "caf\\xe9.txt").unwrap();
    assert_eq!(homonym.path, dir.path().join("caf\\xe9.txt"));
    assert_eq!(c.skipped.len(), 1, "{:?}", c.skipped);
    assert_eq!(c.skipped[0].0, dir.path().join(name(b"caf\xe9.txt")));
    assert!(c.skipped[0].1.contains("not UTF-8"), "{:?}", c.skipped);
}
