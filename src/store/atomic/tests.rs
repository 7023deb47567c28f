use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn replaces_content_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.ron");
    write(&p, b"one").unwrap();
    write(&p, b"two").unwrap();
    assert_eq!(fs::read(&p).unwrap(), b"two");
    assert_eq!(names(dir.path()), ["a.ron"]);
}

#[test]
fn refuses_a_directory_target_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.ron");
    fs::create_dir(&p).unwrap();
    assert!(write(&p, b"data").is_err());
    assert!(p.is_dir());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_full_disk_mid_write_keeps_the_old_file_and_no_temp() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.ron");
    write(&p, b"old content").unwrap();
    let err = write_with(&p, None, b"new content that does not fit", |f, b| {
        f.write_all(&b[..5])?;
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "No space left on device",
        ))
    })
    .unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::StorageFull);
    assert_eq!(fs::read(&p).unwrap(), b"old content");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn refuses_to_replace_links_dangling_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere.ron");
    let link = dir.path().join("a.ron");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let err = write(&link, b"x").unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert!(!target.exists());
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn failure_in_missing_folder_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("missing").join("x.ron");
    assert!(write(&p, b"data").is_err());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn only_a_committed_streamed_file_appears() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("out.jsonl");
    fs::write(&p, "old").unwrap();
    {
        let mut f = AtomicFile::create(&p).unwrap();
        f.writer().write_all(b"half").unwrap();
        // dropped without commit
    }
    assert_eq!(fs::read_to_string(&p).unwrap(), "old");
    assert_eq!(names(dir.path()), ["out.jsonl"]);
    let mut f = AtomicFile::create(&p).unwrap();
    f.writer().write_all(b"new").unwrap();
    f.commit().unwrap();
    assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    assert_eq!(names(dir.path()), ["out.jsonl"]);
}

/// Item 1: temp names carry 64 bits from the OS, so nobody can plant a link at the next
/// one; the name earlier versions used (`.NAME.tmp-PID-export`, `.NAME.tmp-PID-N`) was
/// opened without `O_EXCL` and written through.
#[cfg(unix)]
#[test]
fn item1_links_planted_at_temp_names_are_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    let out = dir.path().join("out.jsonl");
    let pid = std::process::id();
    let mut planted = vec![format!(".out.jsonl.tmp-{pid}-export")];
    planted.extend((0..64).map(|n| format!(".out.jsonl.tmp-{pid}-{n}")));
    for p in &planted {
        std::os::unix::fs::symlink(&victim, dir.path().join(p)).unwrap();
    }
    let mut f = AtomicFile::create(&out).unwrap();
    f.writer().write_all(b"rows\n").unwrap();
    f.commit().unwrap();
    write(&out, b"again\n").unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_to_string(&out).unwrap(), "again\n");

    // And a link at the exact name drawn is refused by the exclusive, no-follow open.
    let folder = Folder::open(&out, None).unwrap();
    let name = temp_name(OsStr::new("out.jsonl")).unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join(&name)).unwrap();
    assert!(folder.create_new(&name).is_err());
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
}

#[test]
fn item1_temp_names_are_random_and_fit_the_file_system() {
    let a = temp_name(OsStr::new("a.txt.alice.ron")).unwrap();
    let b = temp_name(OsStr::new("a.txt.alice.ron")).unwrap();
    assert_ne!(a, b);
    assert!(
        a.starts_with(".a.txt.alice.ron.tmp-") && is_own_temp_name(&a),
        "{a}"
    );
    let long = "é".repeat(127); // 254 bytes
    let t = temp_name(OsStr::new(&long)).unwrap();
    assert!(
        t.len() <= NAME_MAX && is_own_temp_name(&t),
        "{} bytes",
        t.len()
    );
}

/// Item 12: a process killed between create and rename leaves its temp file; the next
/// write in that folder removes glose's own leftovers older than a few minutes, and
/// nothing else.
#[test]
fn item12_stale_temp_files_of_glose_are_removed_on_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    let make = |name: &str, when: Option<SystemTime>| {
        let f = File::create(dir.path().join(name)).unwrap();
        if let Some(t) = when {
            f.set_modified(t).unwrap();
        }
    };
    make(".a.txt.alice.ron.tmp-0123456789abcdef", Some(old));
    make(".a.txt.alice.ron.tmp-4242-7", Some(old));
    make(".out.jsonl.tmp-4242-export", Some(old));
    make(".a.txt.bob.ron.tmp-fedcba9876543210", None); // another session's, in flight
    make(".notes.tmp-mine", Some(old)); // not glose's pattern
    write(&dir.path().join("a.txt.alice.ron"), b"x").unwrap();
    assert_eq!(
        names(dir.path()),
        [
            ".a.txt.bob.ron.tmp-fedcba9876543210",
            ".notes.tmp-mine",
            "a.txt.alice.ron"
        ]
    );
}

/// Item 2 at the writer: the folder is checked on the very handle the write goes through.
#[cfg(unix)]
#[test]
fn item2_a_folder_swapped_for_a_link_is_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    let outside = dir.path().join("outside");
    fs::create_dir(&sub).unwrap();
    fs::create_dir(&outside).unwrap();
    let id = FolderId::of(&sub).unwrap();
    let p = sub.join("a.txt.alice.ron");
    write_in_folder(&p, Some(id), b"one").unwrap();
    fs::rename(&sub, dir.path().join("moved")).unwrap();
    std::os::unix::fs::symlink(&outside, &sub).unwrap();
    let err = write_in_folder(&p, Some(id), b"two").unwrap_err();
    assert!(err.to_string().contains("no longer the one"), "{err}");
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
}
