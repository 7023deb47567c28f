//! Breaks found by an attack on glose as a hostile user or corpus would mount it: each
//! test is named for the item it settles and failed before the fix.

use crate::support::tui::{app, keys};
use assert_cmd::Command;
use glose::tui::SaveState;
use std::fs;
use std::path::Path;
use std::time::Duration;

/// The binary with its own config and cache folders, killed if it hangs.
fn glose(config: &Path) -> Command {
    let mut c = Command::cargo_bin("glose").unwrap();
    c.env("GLOSE_CONFIG_DIR", config)
        .env("GLOSE_CACHE_DIR", config.join("cache"))
        .env_remove("GLOSE_ANNOTATOR")
        .timeout(Duration::from_secs(30));
    c
}

/// The fixture corpus copied into `base/corpus`, so the folder itself can be swapped.
fn corpus_in(base: &Path) -> std::path::PathBuf {
    let root = base.join("corpus");
    fs::create_dir(&root).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/corpus");
    for f in fs::read_dir(src).unwrap() {
        let f = f.unwrap();
        fs::copy(f.path(), root.join(f.file_name())).unwrap();
    }
    root
}

#[cfg(unix)]
fn mkfifo(p: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(p.as_os_str().as_bytes()).unwrap();
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

fn output_of(c: &mut Command) -> (bool, String) {
    let out = c.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// Item 2: a `git pull` can replace an open article's folder with a link to elsewhere;
/// the next label must not land outside the corpus, and the screen says so.
#[cfg(unix)]
#[test]
fn item2_a_sidecar_is_not_written_outside_the_corpus_when_its_folder_becomes_a_link() {
    let base = tempfile::tempdir().unwrap();
    let root = corpus_in(base.path());
    let outside = base.path().join("outside");
    fs::create_dir(&outside).unwrap();
    let mut app = app(&root, "alice");
    keys(&mut app, "<enter>f");
    assert!(matches!(app.save, SaveState::Saved(_)));
    fs::rename(&root, base.path().join("moved")).unwrap();
    std::os::unix::fs::symlink(&outside, &root).unwrap();
    keys(&mut app, "f");
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 0, "wrote outside");
    let (msg, is_error) = app.message.clone().unwrap();
    assert!(is_error && msg.starts_with("NOT SAVED"), "{msg}");
    assert!(msg.contains("no longer the one"), "{msg}");
    assert!(matches!(app.save, SaveState::Failed(_)));
}

/// Item 3: `b.txt.kim` labeling `a.txt` wrote kim's sidecar of `a.txt.b.txt`, and
/// `b.txt.gold` wrote gold. Both are refused with the reason; a sidecar written under a
/// dotted name earlier is still read, with a warning.
#[test]
fn item3_annotator_names_cannot_reach_other_sidecars_or_gold() {
    let cfg = tempfile::tempdir().unwrap();
    let base = tempfile::tempdir().unwrap();
    let root = corpus_in(base.path());
    for who in ["b.txt.kim", "b.txt.gold"] {
        let (ok, text) = output_of(glose(cfg.path()).arg("--annotator").arg(who).arg(&root));
        assert!(!ok && text.contains("contains `.`"), "{who}: {text}");
    }
    assert_eq!(fs::read_dir(&root).unwrap().count(), 3, "nothing written");

    // A sidecar an earlier version wrote under `j.doe`: listed, counted, warned about.
    let mut app = app(&root, "j_doe");
    keys(&mut app, "<enter>f");
    fs::rename(
        root.join("a_rain.txt.j_doe.ron"),
        root.join("a_rain.txt.j.doe.ron"),
    )
    .unwrap();
    let text = fs::read_to_string(root.join("a_rain.txt.j.doe.ron")).unwrap();
    fs::write(
        root.join("a_rain.txt.j.doe.ron"),
        text.replace("\"j_doe\"", "\"j.doe\""),
    )
    .unwrap();
    let (ok, text) = output_of(glose(cfg.path()).arg("status").arg(&root));
    assert!(ok, "{text}");
    assert!(
        text.contains("j.doe") && text.contains("still read"),
        "{text}"
    );
    let (ok, text) = output_of(glose(cfg.path()).arg("check").arg(&root));
    assert!(ok, "{text}");
}

/// Item 3, gold: only adjudication (or an explicit `import --allow-gold`) writes gold.
#[test]
fn item3_gold_is_written_only_through_adjudication() {
    use glose::model::annotations::{Annotations, GoldWrite};
    use glose::model::annotator::Annotator;
    use glose::model::document::Document;
    use glose::model::sidecar::{How, Record};
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    fs::write(&p, "Une phrase. Une autre.\n").unwrap();
    let doc = Document::load(&p, "a.txt").unwrap();
    let s = doc.sentences[0];
    let rec = Record::new(
        s.start,
        s.end,
        doc.sentence_text(0),
        glose::model::label::Label::Factual,
        How::Hand,
    );
    let mut plain = Annotations::load(&doc, &Annotator::gold()).unwrap();
    plain.set(0, Some(rec.clone()));
    let err = plain.save(&doc).unwrap_err().to_string();
    assert!(err.contains("only by adjudication"), "{err}");
    assert!(!dir.path().join("a.txt.gold.ron").exists());
    let mut allowed = Annotations::load_gold(&doc, GoldWrite::explicit_import()).unwrap();
    allowed.set(0, Some(rec));
    assert!(allowed.save(&doc).unwrap().written);
}

/// Item 4: values glose quotes in messages (config values, keymap keys, file names,
/// annotator names) reach the terminal with their escape sequences made visible.
#[test]
fn item4_no_message_carries_a_raw_escape_sequence() {
    const EVIL: &str = "\u{1b}]0;owned\u{7}\u{1b}[2J";
    let base = tempfile::tempdir().unwrap();
    let root = corpus_in(base.path());
    let check = |c: &mut Command, what: &str| {
        let (ok, text) = output_of(c);
        assert!(!ok, "{what}: accepted: {text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{what}: {text:?}"
        );
        let shown = text.contains('␛') || text.contains("\\u{1b}");
        assert!(shown, "{what}: the value is shown: {text}");
    };
    // A config value.
    let cfg = tempfile::tempdir().unwrap();
    fs::write(
        cfg.path().join("config.ron"),
        format!("(keymap: Some(\"{EVIL}\"))"),
    )
    .unwrap();
    check(
        glose(cfg.path()).arg("--annotator").arg("alice").arg(&root),
        "config value",
    );
    // A key name in keymap.ron, and in a --keymap file.
    let cfg = tempfile::tempdir().unwrap();
    let bad_keys = format!("(global: {{ \"{EVIL}\": \"quit\" }})");
    fs::write(cfg.path().join("keymap.ron"), &bad_keys).unwrap();
    check(
        glose(cfg.path()).arg("--annotator").arg("alice").arg(&root),
        "keymap.ron key",
    );
    let cfg = tempfile::tempdir().unwrap();
    let mine = base.path().join("mine.ron");
    fs::write(&mine, &bad_keys).unwrap();
    check(
        glose(cfg.path())
            .arg("--annotator")
            .arg("alice")
            .arg("--keymap")
            .arg(&mine)
            .arg(&root),
        "--keymap key",
    );
    // A file name, in an error.
    check(
        glose(cfg.path())
            .arg("import")
            .arg("--annotator")
            .arg("m")
            .arg(base.path().join(format!("{EVIL}.jsonl")))
            .arg(&root),
        "file name",
    );
    // An annotator name.
    check(
        glose(cfg.path()).arg("--annotator").arg(EVIL).arg(&root),
        "annotator name",
    );
}

/// Item 5: a FIFO where glose expects a file (a sidecar, GUIDELINES.md, config.ron,
/// keymap.ron, `--keymap`) hung the command; `/dev/zero` as GUIDELINES.md ate memory.
/// Each is refused at once, naming the file.
#[cfg(unix)]
#[test]
fn item5_fifos_and_devices_are_refused_without_hanging() {
    let cfg = tempfile::tempdir().unwrap();
    let base = tempfile::tempdir().unwrap();
    let root = corpus_in(base.path());
    mkfifo(&root.join("a_rain.txt.alice.ron"));
    for cmd in [
        &["check"][..],
        &["status"],
        &["export", "--format", "jsonl"],
    ] {
        let (_, text) = output_of(glose(cfg.path()).args(cmd).arg(&root));
        assert!(text.contains("named pipe"), "{cmd:?}: {text}");
    }
    // The reader opens the article read-only, with the reason.
    let mut app = app(&root, "alice");
    keys(&mut app, "<enter>");
    let a = app.article().unwrap();
    assert!(
        a.ann
            .as_ref()
            .is_err_and(|e| e.to_string().contains("named pipe")),
        "{:?}",
        a.ann.as_ref().err()
    );

    // GUIDELINES.md as a FIFO, then as a link to /dev/zero.
    mkfifo(&root.join("GUIDELINES.md"));
    let shown = glose::tui::guidelines::load(&root);
    assert!(shown.contains("named pipe"), "{shown}");
    fs::remove_file(root.join("GUIDELINES.md")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.join("GUIDELINES.md")).unwrap();
    let shown = glose::tui::guidelines::load(&root);
    assert!(shown.contains("device"), "{shown}");

    // config.ron, keymap.ron and --keymap as FIFOs: every command says so and stops.
    for name in ["config.ron", "keymap.ron"] {
        let cfg = tempfile::tempdir().unwrap();
        mkfifo(&cfg.path().join(name));
        let (ok, text) = output_of(glose(cfg.path()).arg("--annotator").arg("bob").arg(&root));
        assert!(
            !ok && text.contains(name) && text.contains("named pipe"),
            "{text}"
        );
    }
    let fifo = base.path().join("keys.ron");
    mkfifo(&fifo);
    let (ok, text) = output_of(
        glose(cfg.path())
            .args(["--annotator", "bob", "--keymap"])
            .arg(&fifo)
            .arg(&root),
    );
    assert!(!ok && text.contains("named pipe"), "{text}");
}

/// Item 6: a 200 MB sidecar took gigabytes and seconds per label. Sidecars over the
/// documented limit are refused unread (a sparse file: no disk is used), naming the
/// limit; the article opens read-only.
#[test]
fn item6_a_sidecar_over_the_size_limit_is_refused_unread() {
    let base = tempfile::tempdir().unwrap();
    let root = corpus_in(base.path());
    let big = fs::File::create(root.join("a_rain.txt.alice.ron")).unwrap();
    big.set_len(glose::model::sidecar::MAX_BYTES + 1).unwrap();
    let err = glose::model::sidecar::read(&root.join("a_rain.txt.alice.ron"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("over the limit of 64.0 MiB"), "{err}");
    let mut app = app(&root, "alice");
    keys(&mut app, "<enter>");
    assert!(app.article().unwrap().ann.is_err());
}

/// Item 10: a name of 64 four-byte letters passed, then every article opened read-only
/// with "File name too long". It is refused up front, saying why; and an article whose
/// own long name leaves no room for the annotator's opens read-only with the reason.
#[test]
fn item10_annotator_names_are_limited_by_what_file_names_take() {
    let cfg = tempfile::tempdir().unwrap();
    let base = tempfile::tempdir().unwrap();
    let root = corpus_in(base.path());
    let (ok, text) = output_of(
        glose(cfg.path())
            .arg("--annotator")
            .arg("𝒜".repeat(64))
            .arg(&root),
    );
    assert!(
        !ok && text.contains("256 bytes") && text.contains("255"),
        "{text}"
    );

    for f in fs::read_dir(&root).unwrap() {
        fs::remove_file(f.unwrap().path()).unwrap();
    }
    let long = format!("{}.txt", "é".repeat(100)); // 204 bytes
    fs::write(root.join(&long), "Titre\n\nUne phrase.\n").unwrap();
    let mut app = app(&root, &"a".repeat(60));
    keys(&mut app, "<enter>");
    let why = app.article().unwrap().ann.as_ref().unwrap_err().to_string();
    assert!(why.contains("269 bytes"), "{why}");
}
