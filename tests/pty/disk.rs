//! Disk and permission faults against the real binary: a sidecar path taken by a folder, a
//! dangling link, a read-only folder, a full disk. Each time the screen says NOT SAVED and
//! why, the label stays marked unsaved (`*`), no temp or empty file is left, and once the
//! fault is gone the next change writes everything.

use crate::support::pty::*;
use std::path::Path;

const ARTICLE: &str = "Title\n\nOne sentence here. Another one. A third one.\n";

fn open(corpus: &Path, who: &str) -> Session {
    let mut s = Session::start(corpus, &["--annotator", who], &[]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("0/4 labeled");
    s
}

/// The reader row of the sentence starting with `text`: cursor, label, unsaved mark, text.
fn row_of(s: &Session, text: &str) -> String {
    s.rows()
        .into_iter()
        .find(|r| r.chars().skip(3).collect::<String>().starts_with(text))
        .unwrap_or_default()
}

/// Labels two sentences while `fault` is in place, checks what the user sees and what is on
/// disk, lifts the fault with `heal`, labels a third and checks all three were written.
fn fault_then_heal(who: &str, fault: impl FnOnce(&Path), heal: impl FnOnce(&Path), why: &str) {
    let corpus = corpus_with(ARTICLE);
    let sidecar = corpus.path().join(format!("a.txt.{who}.ron"));
    let mut s = open(corpus.path(), who);
    fault(corpus.path());
    s.send("f");
    s.wait_for("NOT SAVED");
    s.wait_for(why);
    s.send("q");
    s.wait_for("2/4 labeled");
    assert!(
        row_of(&s, "Title").starts_with(" F*"),
        "{:?}",
        row_of(&s, "Title")
    );
    assert!(row_of(&s, "One sentence").starts_with(" Q*"));
    assert!(
        leftovers(corpus.path()).is_empty(),
        "{:?}",
        leftovers(corpus.path())
    );
    heal(corpus.path());
    s.send("o");
    s.wait_for("3/4 labeled");
    s.wait_for("saved ");
    assert!(!s.screen().contains("NOT SAVED"), "{}", s.screen());
    assert!(row_of(&s, "Title").starts_with(" F "), "{}", s.screen());
    s.send("Q");
    assert_eq!(s.exit_code(), 0);
    let want: Vec<(String, String)> = [
        ("Title", "factual"),
        ("One sentence here.", "quote"),
        ("Another one.", "opinion"),
    ]
    .iter()
    .map(|(t, l)| (t.to_string(), l.to_string()))
    .collect();
    assert_eq!(labels_on_disk(&sidecar), want);
    assert!(leftovers(corpus.path()).is_empty());
}

#[test]
fn a_folder_in_place_of_the_sidecar() {
    fault_then_heal(
        "dir",
        |c| std::fs::create_dir(c.join("a.txt.dir.ron")).unwrap(),
        |c| std::fs::remove_dir(c.join("a.txt.dir.ron")).unwrap(),
        "directory",
    );
}

#[cfg(unix)]
#[test]
fn a_dangling_link_in_place_of_the_sidecar() {
    let target = tempfile::tempdir().unwrap();
    let missing = target.path().join("gone.ron");
    let link = missing.clone();
    fault_then_heal(
        "lnk",
        move |c| std::os::unix::fs::symlink(&link, c.join("a.txt.lnk.ron")).unwrap(),
        |c| std::fs::remove_file(c.join("a.txt.lnk.ron")).unwrap(),
        "symbolic link",
    );
    // The link's target was never created.
    assert!(!missing.exists());
}

/// A dangling link already there when the article opens: read-only, with the reason, and
/// nothing written through or over the link.
#[cfg(unix)]
#[test]
fn a_dangling_link_at_open_makes_the_article_read_only() {
    let corpus = corpus_with(ARTICLE);
    let outside = tempfile::tempdir().unwrap();
    let link = corpus.path().join("a.txt.ro.ron");
    std::os::unix::fs::symlink(outside.path().join("x.ron"), &link).unwrap();
    let mut s = Session::start(corpus.path(), &["--annotator", "ro"], &[]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("READ-ONLY");
    s.wait_for("symbolic link");
    s.send("f");
    s.wait_for("0/4 labeled");
    s.send("Q");
    assert_eq!(s.exit_code(), 0);
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

/// True when the process can still write into a folder without write permission (root):
/// then permissions cannot simulate the fault.
#[cfg(unix)]
fn permissions_do_not_bind() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let can = std::fs::write(d.path().join("probe"), b"x").is_ok();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    can
}

#[cfg(unix)]
#[test]
fn a_read_only_folder() {
    use std::os::unix::fs::PermissionsExt;
    if permissions_do_not_bind() {
        println!("skipped: running as root, a read-only folder does not stop writes");
        return;
    }
    let mode = |m| {
        move |c: &Path| std::fs::set_permissions(c, std::fs::Permissions::from_mode(m)).unwrap()
    };
    fault_then_heal("ro", mode(0o555), mode(0o755), "ermission denied");
}

/// A full disk: a tiny tmpfs filled up. Only where mounting is allowed; skipped otherwise.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk() {
    struct Mount(tempfile::TempDir);
    impl Drop for Mount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount")
                .arg("-l")
                .arg(self.0.path())
                .status();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(dir.path())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        println!("skipped: cannot mount a small tmpfs here");
        return;
    }
    let m = Mount(dir);
    let root = m.0.path();
    std::fs::write(root.join("a.txt"), ARTICLE).unwrap();
    let sidecar = root.join("a.txt.full.ron");
    let mut s = open(root, "full");
    // Fill every block left.
    let filler = root.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let block = vec![b'x'; 4096];
    while std::io::Write::write_all(&mut f, &block).is_ok() {}
    drop(f);
    s.send("f");
    s.wait_for("NOT SAVED");
    s.wait_for("space");
    assert!(
        row_of(&s, "Title").starts_with(" F*"),
        "{:?}",
        row_of(&s, "Title")
    );
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    assert!(!sidecar.exists());
    std::fs::remove_file(&filler).unwrap();
    s.send("q");
    s.wait_for("2/4 labeled");
    s.wait_for("saved ");
    s.send("Q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(labels_on_disk(&sidecar).len(), 2);
    drop(s);
}
