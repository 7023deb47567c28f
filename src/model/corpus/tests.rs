use super::*;

fn touch(p: &Path, s: &str) {
    if let Some(d) = p.parent() {
        fs::create_dir_all(d).unwrap();
    }
    fs::write(p, s).unwrap();
}

#[test]
fn finds_articles_recursively_and_their_sidecars() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    touch(&r.join("b.txt"), "B");
    touch(&r.join("a.md"), "A");
    touch(&r.join("sub/c.TXT"), "C");
    touch(&r.join("sub/c.TXT.alice.ron"), "()");
    touch(&r.join("sub/c.TXT.gold.ron"), "()");
    touch(&r.join("notes.pdf"), "x");
    touch(&r.join(".git/x.txt"), "hidden");
    touch(&r.join(".hidden.txt"), "hidden");
    touch(&r.join("GUIDELINES.md"), "guide");
    let c = Corpus::scan(r).unwrap();
    let ids: Vec<_> = c.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a.md", "b.txt", "sub/c.TXT"]);
    let names: Vec<_> = c.entries[2].annotators.iter().map(|a| a.as_str()).collect();
    assert_eq!(names, ["alice", "gold"]);
    assert_eq!(c.annotators().len(), 2);
}

#[test]
fn sidecar_names_do_not_leak_between_similar_articles() {
    let names: Vec<String> = [
        "a.txt",
        "a.txt.b.txt",
        "a.txt.b.txt.bob.ron",
        "a.txt.al.ice.ron",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut sorted = names.clone();
    sorted.sort();
    let a: Vec<_> = sidecars_in(&sorted, "a.txt")
        .iter()
        .map(|a| a.to_string())
        .collect();
    assert_eq!(a, ["al.ice"]);
    let b: Vec<_> = sidecars_in(&sorted, "a.txt.b.txt")
        .iter()
        .map(|a| a.to_string())
        .collect();
    assert_eq!(b, ["bob"]);
}

#[test]
fn a_file_is_not_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    touch(&dir.path().join("x.txt"), "x");
    let err = Corpus::scan(&dir.path().join("x.txt")).unwrap_err();
    assert!(err.to_string().contains("not a folder"));
    assert!(Corpus::scan(&dir.path().join("missing")).is_err());
}

#[cfg(unix)]
#[test]
fn link_loops_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    touch(&dir.path().join("sub/a.txt"), "A");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("/nonexistent/zzz.txt", dir.path().join("dangling.txt")).unwrap();
    let c = Corpus::scan(dir.path()).unwrap();
    assert_eq!(c.entries.len(), 1);
    assert_eq!(c.skipped.len(), 1);
}

/// A named pipe (or socket, or device) named like an article is left out with the reason,
/// never opened: reading a pipe would wait forever.
#[cfg(unix)]
#[test]
fn a_pipe_named_like_an_article_is_skipped_as_such() {
    let dir = tempfile::tempdir().unwrap();
    touch(&dir.path().join("a.txt"), "A");
    std::os::unix::fs::symlink(dir.path().join("sub"), dir.path().join("dir.txt")).unwrap();
    touch(&dir.path().join("sub/b.txt"), "B");
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let c = Corpus::scan(dir.path()).unwrap();
    let ids: Vec<_> = c.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a.txt", "sub/b.txt"]);
    let why: std::collections::BTreeMap<_, _> = c
        .skipped
        .iter()
        .map(|(p, w)| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                w.as_str(),
            )
        })
        .collect();
    assert_eq!(why["dir.txt"], "a link to a folder is not followed");
    assert_eq!(
        why["pipe.txt"],
        "not a regular file (a pipe, socket or device)"
    );
}

/// The walk as it was before it came out sorted: every folder listed in any order, each
/// candidate stat'ed, the whole sorted by id at the end.
fn reference(root: &Path) -> (Vec<Entry>, Vec<(PathBuf, String)>) {
    fn go(dir: &Path, prefix: &str, out: &mut Vec<Entry>, skipped: &mut Vec<(PathBuf, String)>) {
        let rd = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => return skipped.push((dir.to_path_buf(), e.to_string())),
        };
        let mut names = Vec::new();
        let mut files = Vec::new();
        for ent in rd.flatten() {
            let name = ent.file_name().to_string_lossy().into_owned();
            let ft = ent.file_type().unwrap();
            if name.starts_with('.') {
                continue;
            }
            if ft.is_dir() {
                go(&ent.path(), &format!("{prefix}{name}/"), out, skipped);
                continue;
            }
            names.push(name.clone());
            if is_article_name(&name) && !(prefix.is_empty() && name == GUIDELINES_FILE) {
                match fs::metadata(ent.path()) {
                    Ok(m) if m.is_file() => files.push((name, ent.path())),
                    Ok(m) => skipped.push((ent.path(), not_a_file(&m).into())),
                    Err(e) => skipped.push((ent.path(), format!("broken link or unreadable: {e}"))),
                }
            }
        }
        names.sort();
        for (name, path) in files {
            let annotators = sidecars_in(&names, &name);
            let cuts = super::has_cuts(&names, &name);
            out.push(Entry {
                id: format!("{prefix}{name}"),
                path,
                annotators,
                cuts,
            });
        }
    }
    let (mut out, mut skipped) = (Vec::new(), Vec::new());
    go(root, "", &mut out, &mut skipped);
    out.sort_by(|a, b| a.id.cmp(&b.id));
    skipped.sort();
    (out, skipped)
}

/// Names that sort differently as folders and as files: `a-`, `a`, `a.txt`, `a0.txt`.
fn tricky(r: &Path) {
    for f in [
        "a.txt",
        "a/x.txt",
        "a/x.txt.bob.ron",
        "a0.txt",
        "a-/y.md",
        "a-b.txt",
        "a b.txt",
        "a.b/z.txt",
        "a.txt.b.txt",
        "a.txt.b.txt.eve.ron",
        "a.txt.al.ice.ron",
        "Z.txt",
        "é.txt",
        "deep/er/est/w.txt",
        "deep/er.txt",
        "deep/er/v.txt",
        "GUIDELINES.md",
        "sub/GUIDELINES.md",
    ] {
        touch(&r.join(f), "Titre\n\nUne phrase.\n");
    }
}

#[test]
fn the_walk_gives_the_sorted_order_as_it_goes() {
    let dir = tempfile::tempdir().unwrap();
    tricky(dir.path());
    #[cfg(unix)]
    {
        let r = dir.path();
        std::os::unix::fs::symlink(r, r.join("a/loop")).unwrap();
        std::os::unix::fs::symlink(r.join("a"), r.join("dirlink.txt")).unwrap();
        std::os::unix::fs::symlink(r.join("a0.txt"), r.join("b-link.txt")).unwrap();
        std::os::unix::fs::symlink("/nonexistent/q.txt", r.join("dangling.txt")).unwrap();
    }
    let (want, want_skipped) = reference(dir.path());
    let mut got = Vec::new();
    let mut skipped = Vec::new();
    for f in Walk::open(dir.path()).unwrap() {
        match f {
            Found::Entry(e) => got.push(e),
            Found::Skipped(p, why) => skipped.push((p, why)),
        }
    }
    let ids: Vec<&str> = got.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(got, want, "{ids:#?}");
    assert!(ids.is_sorted(), "{ids:#?}");
    assert!(ids.contains(&"sub/GUIDELINES.md") && !ids.contains(&"GUIDELINES.md"));
    skipped.sort();
    assert_eq!(skipped, want_skipped);
    #[cfg(unix)]
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    let c = Corpus::scan(dir.path()).unwrap();
    assert_eq!(c.entries, want);
}

#[cfg(unix)]
#[test]
fn an_unlistable_folder_is_skipped_not_fatal() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    touch(&dir.path().join("shut/a.txt"), "A");
    touch(&dir.path().join("b.txt"), "B");
    let shut = dir.path().join("shut");
    fs::set_permissions(&shut, fs::Permissions::from_mode(0o000)).unwrap();
    let listable = fs::read_dir(&shut).is_ok(); // a superuser lists it anyway
    let c = Corpus::scan(dir.path());
    fs::set_permissions(&shut, fs::Permissions::from_mode(0o755)).unwrap();
    let c = c.unwrap();
    if !listable {
        assert_eq!(c.entries.len(), 1);
        assert_eq!(c.skipped[0].0, shut);
    }
    let root = dir.path().join("b.txt");
    assert!(matches!(Walk::open(&root), Err(CorpusError::NotADir(_))));
}
