//! A team on plain git, with the real `git` binary: a bare repository stands for the
//! server, two clones run `glose init`, the same annotator labels one article on both
//! machines and two reviewers settle one article's gold; `git pull --no-rebase` merges
//! every sidecar through `glose merge-driver`. Skipped, with a message, without git.

use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{self, How, Record, Sidecar};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The world the test's git and glose run in: a scratch HOME, no system config, glose's
/// binary first on PATH (git runs the driver by name).
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> Option<World> {
        if Command::new("git").arg("--version").output().is_err() {
            println!("skipped: no `git` binary on this machine");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        std::fs::create_dir_all(dir.path().join("config")).unwrap();
        Some(World { dir })
    }

    fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }

    fn env(&self, c: &mut Command) {
        let bin = PathBuf::from(env!("CARGO_BIN_EXE_glose"));
        let path =
            std::env::join_paths(std::iter::once(bin.parent().unwrap().to_path_buf()).chain(
                std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
            ))
            .unwrap();
        c.env("HOME", self.path("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_CONFIG_GLOBAL")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env("PATH", path)
            .env("GLOSE_CONFIG_DIR", self.path("config"))
            .env("GLOSE_CACHE_DIR", self.path("config/cache"))
            .env_remove("GLOSE_ANNOTATOR");
    }

    fn git_output(&self, dir: &Path, args: &[&str]) -> Output {
        let mut c = Command::new("git");
        c.arg("-C")
            .arg(dir)
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args(["-c", "init.defaultBranch=main", "-c", "pull.rebase=false"])
            .args(args);
        self.env(&mut c);
        c.output().unwrap()
    }

    fn git(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.git_output(dir, args);
        assert!(
            out.status.success(),
            "git {args:?} in {}: {}\n{}",
            dir.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn glose(&self, args: &[&str], dir: &Path) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_glose"));
        c.args(args).arg(dir);
        self.env(&mut c);
        c.output().unwrap()
    }
}

const A: &str = "Le bilan\n\nLe ministre a parlé mardi. Il a dit qu'il partirait. \
                 C'est une erreur grave. Les troupes sont parties. Le bilan est lourd.\n";
const B: &str = "Une autre\n\nLa ville est calme. Le maire a démissionné. \
                 Personne ne sait pourquoi. Les écoles ferment.\n";

fn label(root: &Path, article: &str, who: Annotator, marks: &[(usize, Label)], by: Option<&str>) {
    let doc = Document::load(&root.join(article), article).unwrap();
    // A gold fixture stands for a review's result: written with the gold permit.
    let mut a = if who.is_gold() {
        Annotations::load_gold(
            &doc,
            glose::model::annotations::GoldWrite::explicit_import(),
        )
    } else {
        Annotations::load(&doc, &who)
    }
    .unwrap();
    for &(i, l) in marks {
        let s = doc.sentences[i];
        let how = if by.is_some() {
            How::Adjudication
        } else {
            How::Hand
        };
        let mut r = Record::new(s.start, s.end, doc.sentence_text(i), l, how);
        if let Some(rev) = by {
            r.adjudicator = Some(rev.to_string());
            r.agreed = vec!["alice".into()];
        }
        a.set(i, Some(r));
    }
    a.save(&doc).unwrap();
}

fn read(root: &Path, name: &str) -> Sidecar {
    sidecar::read(&root.join(name)).unwrap().unwrap()
}

fn label_at<'s>(s: &'s Sidecar, doc: &Document, i: usize) -> Option<&'s Record> {
    let span = doc.sentences[i];
    s.labels
        .iter()
        .find(|r| r.start == span.start && r.end == span.end)
}

#[test]
fn two_clones_label_and_review_and_git_merges_every_sidecar_through_the_driver() {
    let Some(w) = World::new() else { return };
    let server = w.path("server.git");
    let (one, two) = (w.path("one"), w.path("two"));
    w.git(
        w.dir.path(),
        &["init", "--bare", "-b", "main", "server.git"],
    );
    w.git(w.dir.path(), &["clone", server.to_str().unwrap(), "one"]);
    std::fs::write(one.join("a.txt"), A).unwrap();
    std::fs::write(one.join("b.txt"), B).unwrap();

    // First clone: init, then a first label so that a.txt's sidecar has a base version.
    let init = w.glose(&["init"], &one);
    assert!(init.status.success(), "{init:?}");
    let said = String::from_utf8_lossy(&init.stdout);
    assert!(said.contains("set git config merge.glose.driver"), "{said}");
    assert_eq!(
        w.git(&one, &["config", "--get", "merge.glose.driver"])
            .trim(),
        "glose merge-driver %O %A %B %P"
    );
    assert!(
        !w.git(&one, &["config", "--get", "merge.glose.name"])
            .trim()
            .is_empty()
    );
    let plan = w.glose(
        &["assign", "--annotators", "alice,bob", "--per-article", "2"],
        &one,
    );
    assert!(plan.status.success(), "{plan:?}");
    let alice = || Annotator::new("alice").unwrap();
    label(&one, "a.txt", alice(), &[(0, Label::Factual)], None);
    w.git(&one, &["add", "-A"]);
    w.git(&one, &["commit", "-m", "corpus"]);
    w.git(&one, &["push", "origin", "main"]);

    // Second clone: the attributes came with it, the driver config did not; glose says so.
    w.git(w.dir.path(), &["clone", server.to_str().unwrap(), "two"]);
    let status = w.glose(&["status"], &two);
    let hint = String::from_utf8_lossy(&status.stderr);
    assert!(hint.contains("glose init"), "no hint: {hint}");
    let init = w.glose(&["init"], &two);
    assert!(init.status.success(), "{init:?}");
    assert_eq!(
        w.git(&two, &["status", "--porcelain"]),
        "",
        "init changed shared files"
    );
    let again = w.glose(&["init"], &two);
    assert!(String::from_utf8_lossy(&again.stdout).contains("nothing changed"));
    let status = w.glose(&["status"], &two);
    assert!(!String::from_utf8_lossy(&status.stderr).contains("glose init"));

    // Apart: alice labels different sentences on each machine, sentence 2 on both (later
    // on the second); two reviewers settle different sentences of b.txt's gold.
    label(
        &one,
        "a.txt",
        alice(),
        &[(1, Label::Quote), (2, Label::Factual)],
        None,
    );
    label(
        &one,
        "b.txt",
        Annotator::gold(),
        &[(0, Label::Factual)],
        Some("carol"),
    );
    std::thread::sleep(std::time::Duration::from_millis(20));
    label(
        &two,
        "a.txt",
        alice(),
        &[(3, Label::Factual), (2, Label::Opinion)],
        None,
    );
    label(&two, "a.txt", alice(), &[(4, Label::Skip)], None);
    label(
        &two,
        "b.txt",
        Annotator::gold(),
        &[(1, Label::Quote)],
        Some("dave"),
    );
    // Each clone adds an article and extends the plan.
    for (dir, name) in [(&one, "c.txt"), (&two, "d.txt")] {
        std::fs::write(dir.join(name), B.replace("calme", name)).unwrap();
        assert!(w.glose(&["assign"], dir).status.success());
    }
    for (dir, msg) in [(&one, "one"), (&two, "two")] {
        w.git(dir, &["add", "-A"]);
        w.git(dir, &["commit", "-m", msg]);
    }
    w.git(&one, &["push", "origin", "main"]);
    let pull = w.git_output(&two, &["pull", "--no-rebase", "origin", "main"]);
    assert!(
        pull.status.success(),
        "pull conflicted: {}\n{}",
        String::from_utf8_lossy(&pull.stdout),
        String::from_utf8_lossy(&pull.stderr)
    );
    assert_eq!(w.git(&two, &["status", "--porcelain"]), "");
    let parents = w.git(&two, &["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "not a merge commit");

    for name in ["a.txt.alice.ron", "b.txt.gold.ron"] {
        let text = std::fs::read_to_string(two.join(name)).unwrap();
        assert!(
            !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
            "{text}"
        );
        let canonical = sidecar::to_ron(&sidecar::parse(&text, Path::new(name)).unwrap());
        assert_eq!(
            text, canonical,
            "{name} is not in glose's one-label-per-line form"
        );
    }
    let doc = Document::load(&two.join("a.txt"), "a.txt").unwrap();
    let merged = read(&two, "a.txt.alice.ron");
    let labels: Vec<Option<Label>> = (0..5)
        .map(|i| label_at(&merged, &doc, i).map(|r| r.label))
        .collect();
    assert_eq!(
        labels,
        [
            Label::Factual,
            Label::Quote,
            Label::Opinion,
            Label::Factual,
            Label::Skip
        ]
        .map(Some),
        "the newer label wins on sentence 2, every other label is present"
    );
    assert_eq!(merged.history.len(), 1);
    assert_eq!(
        merged.history[0].label,
        Label::Factual,
        "the older label kept in history"
    );

    let doc = Document::load(&two.join("b.txt"), "b.txt").unwrap();
    let gold = read(&two, "b.txt.gold.ron");
    let g0 = label_at(&gold, &doc, 0).unwrap();
    let g1 = label_at(&gold, &doc, 1).unwrap();
    assert_eq!(
        (g0.label, g0.adjudicator.as_deref()),
        (Label::Factual, Some("carol"))
    );
    assert_eq!(
        (g1.label, g1.adjudicator.as_deref()),
        (Label::Quote, Some("dave"))
    );
    assert_eq!(g0.agreed, ["alice"]);

    let plan = std::fs::read_to_string(two.join("glose.assign.ron")).unwrap();
    let plan = glose::model::assign::Plan::parse(&plan).unwrap();
    let ids: Vec<&str> = plan.articles.keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        ["a.txt", "b.txt", "c.txt", "d.txt"],
        "both plans' articles"
    );

    let check = w.glose(&["check"], &two);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    // The merge goes back to the server and the first clone fast-forwards to it.
    w.git(&two, &["push", "origin", "main"]);
    w.git(&one, &["pull", "--no-rebase", "origin", "main"]);
    assert_eq!(read(&one, "a.txt.alice.ron"), merged);
}

#[test]
fn a_side_that_does_not_parse_is_a_conflict_and_ours_stays_untouched() {
    let Some(w) = World::new() else { return };
    let dir = w.path("m");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), A).unwrap();
    let who = Annotator::new("alice").unwrap();
    label(&dir, "a.txt", who.clone(), &[(0, Label::Factual)], None);
    let base = std::fs::read_to_string(dir.join("a.txt.alice.ron")).unwrap();
    std::fs::write(dir.join("base"), &base).unwrap();
    label(&dir, "a.txt", who, &[(1, Label::Quote)], None);
    let ours = std::fs::read_to_string(dir.join("a.txt.alice.ron")).unwrap();
    std::fs::write(dir.join("theirs"), "(schema: 1,\n<<<<<<< HEAD\n").unwrap();
    let mut c = Command::new(env!("CARGO_BIN_EXE_glose"));
    c.args(["merge-driver"])
        .args([
            dir.join("base"),
            dir.join("a.txt.alice.ron"),
            dir.join("theirs"),
        ])
        .arg("a.txt.alice.ron");
    w.env(&mut c);
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("their side of a.txt.alice.ron"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("a.txt.alice.ron")).unwrap(),
        ours
    );
}
