use super::*;
use crate::model::label::Label::{self, *};
use crate::model::sidecar::How;

fn rec(i: usize, l: Label, at: &str) -> Record {
    let mut r = Record::new(i * 10, i * 10 + 9, &format!("Sentence {i}."), l, How::Hand);
    r.at = at.to_string();
    r
}

fn sc(who: &str, labels: Vec<Record>) -> Sidecar {
    Sidecar {
        schema: sidecar::SCHEMA,
        article: "a.txt".into(),
        fingerprint: "sha256:00".into(),
        segmenter: "glose-seg/1".into(),
        annotator: who.into(),
        labels,
        orphans: vec![],
        history: vec![],
        notes: vec![],
        status: None,
    }
}

fn label_of(s: &Sidecar, i: usize) -> Option<Label> {
    s.labels.iter().find(|r| r.start == i * 10).map(|r| r.label)
}

const T0: &str = "2026-01-01T10:00:00.000Z";
const T1: &str = "2026-01-01T10:00:01.000Z";
const T2: &str = "2026-01-01T10:00:02.000Z";

#[test]
fn one_sided_changes_are_taken_and_both_sided_the_newer_wins() {
    let base = sc("ana", vec![rec(0, Factual, T0), rec(1, Factual, T0)]);
    let ours = sc(
        "ana",
        vec![rec(0, Quote, T1), rec(1, Opinion, T1), rec(2, Skip, T1)],
    );
    let theirs = sc(
        "ana",
        vec![rec(0, Factual, T0), rec(1, Quote, T2), rec(3, Factual, T1)],
    );
    let m = merge_sidecars(Some(&base), &ours, &theirs);
    assert_eq!(label_of(&m, 0), Some(Quote), "ours changed it alone");
    assert_eq!(label_of(&m, 1), Some(Quote), "theirs is newer");
    assert_eq!(label_of(&m, 2), Some(Skip));
    assert_eq!(label_of(&m, 3), Some(Factual));
    assert_eq!(m.history.len(), 1);
    assert_eq!(
        m.history[0].label, Opinion,
        "the older change is kept in history"
    );
    // The same merge the other way round picks the same labels.
    let back = merge_sidecars(Some(&base), &theirs, &ours);
    assert_eq!(back.labels, m.labels);
}

#[test]
fn times_compare_as_times_not_text() {
    // As text, "…10:00:01Z" sorts after "…10:00:01.500Z"; as times it is earlier.
    let ours = sc("ana", vec![rec(0, Quote, "2026-01-01T10:00:01.500Z")]);
    let theirs = sc("ana", vec![rec(0, Opinion, "2026-01-01T10:00:01Z")]);
    let m = merge_sidecars(None, &ours, &theirs);
    assert_eq!(label_of(&m, 0), Some(Quote));
    assert!(label_time("not a time").is_none());
    assert!(
        label_time("2026-01-01T10:00:01+02:00").is_some(),
        "an offset is read"
    );
    assert!(label_time("2026-01-01T10:00:01+02:00") < label_time("2026-01-01T09:00:00Z"));
}

#[test]
fn a_deletion_on_one_side_is_taken_unless_the_other_changed_the_label() {
    let base = sc("ana", vec![rec(0, Factual, T0), rec(1, Factual, T0)]);
    let ours = sc("ana", vec![rec(1, Factual, T0)]);
    let theirs = sc("ana", vec![rec(0, Factual, T0), rec(1, Opinion, T1)]);
    let m = merge_sidecars(Some(&base), &ours, &theirs);
    assert_eq!(
        label_of(&m, 0),
        None,
        "cleared on our side, untouched on theirs"
    );
    assert_eq!(label_of(&m, 1), Some(Opinion));
    let theirs = sc("ana", vec![rec(1, Factual, T0)]);
    let ours = sc("ana", vec![rec(0, Quote, T1), rec(1, Factual, T0)]);
    let m = merge_sidecars(Some(&base), &ours, &theirs);
    assert_eq!(label_of(&m, 0), Some(Quote), "a change beats a deletion");
}

#[test]
fn orphans_history_and_notes_are_unions_and_gold_fields_survive() {
    let mut o = rec(0, Quote, T1);
    o.note = Some("unnamed source".into());
    o.agreed = vec!["ana".into()];
    o.adjudicator = Some("rev1".into());
    let mut t = rec(0, Opinion, T2);
    t.note = Some("a cue word".into());
    t.adjudicator = Some("rev2".into());
    let mut ours = sc("gold", vec![o, rec(1, Factual, T0)]);
    ours.orphans = vec![rec(7, Skip, T0)];
    let mut theirs = sc("gold", vec![t]);
    theirs.orphans = vec![rec(8, Skip, T0)];
    theirs.history = vec![rec(5, Skip, T0)];
    let m = merge_sidecars(None, &ours, &theirs);
    let r = &m.labels[0];
    assert_eq!(r.label, Opinion);
    assert_eq!(r.adjudicator.as_deref(), Some("rev2"));
    assert_eq!(r.note.as_deref(), Some("a cue word | unnamed source"));
    assert_eq!(m.history.len(), 2);
    assert_eq!(
        m.history.iter().find(|h| h.start == 0).unwrap().agreed,
        vec!["ana"]
    );
    assert_eq!(m.orphans.len(), 2);
    assert_eq!(label_of(&m, 1), Some(Factual));
}

#[test]
fn the_header_is_theirs_only_when_they_alone_changed_it() {
    let base = sc("ana", vec![]);
    let mut theirs = sc("ana", vec![rec(0, Quote, T1)]);
    theirs.fingerprint = "sha256:11".into();
    let m = merge_sidecars(Some(&base), &sc("ana", vec![rec(1, Quote, T1)]), &theirs);
    assert_eq!(m.fingerprint, "sha256:11");
    let mut ours = sc("ana", vec![]);
    ours.fingerprint = "sha256:22".into();
    assert_eq!(
        merge_sidecars(Some(&base), &ours, &theirs).fingerprint,
        "sha256:22"
    );
}

#[test]
fn merged_text_is_canonical_and_reads_back() {
    let base = sidecar::to_ron(&sc("ana", vec![rec(0, Factual, T0)]));
    let ours = sidecar::to_ron(&sc("ana", vec![rec(0, Quote, T1)]));
    let theirs = sidecar::to_ron(&sc("ana", vec![rec(0, Opinion, T2), rec(1, Skip, T1)]));
    let text = merge_text(&base, &ours, &theirs, "news/a.txt.ana.ron").unwrap();
    let back = sidecar::parse(&text, Path::new("x")).unwrap();
    assert_eq!(sidecar::to_ron(&back), text, "canonical form");
    assert_eq!(label_of(&back, 0), Some(Opinion));
    assert_eq!(back.history[0].label, Quote);
    // Both sides added the file (git passes an empty base).
    let added = merge_text("", &ours, &theirs, "a.txt.ana.ron").unwrap();
    assert!(
        added.contains("Opinion") && added.contains("Skip"),
        "{added}"
    );
}

#[test]
fn a_side_that_does_not_parse_is_an_error_naming_it_and_ours_stays() {
    let dir = tempfile::tempdir().unwrap();
    let good = sidecar::to_ron(&sc("ana", vec![rec(0, Quote, T1)]));
    let [b, o, t] = ["base", "ours", "theirs"].map(|n| dir.path().join(n));
    std::fs::write(&b, sidecar::to_ron(&sc("ana", vec![]))).unwrap();
    std::fs::write(&o, &good).unwrap();
    std::fs::write(&t, "(schema: 1, labels: [<<<<<<<").unwrap();
    let e = merge_files(&b, &o, &t, "a.txt.ana.ron")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("their side of a.txt.ana.ron"), "{e}");
    assert_eq!(std::fs::read_to_string(&o).unwrap(), good);
}

#[test]
fn merge_files_writes_the_result_over_ours() {
    let dir = tempfile::tempdir().unwrap();
    let [b, o, t] = ["base", "ours", "theirs"].map(|n| dir.path().join(n));
    std::fs::write(&b, sidecar::to_ron(&sc("ana", vec![]))).unwrap();
    std::fs::write(&o, sidecar::to_ron(&sc("ana", vec![rec(0, Quote, T1)]))).unwrap();
    std::fs::write(&t, sidecar::to_ron(&sc("ana", vec![rec(1, Skip, T1)]))).unwrap();
    merge_files(&b, &o, &t, "a.txt.ana.ron").unwrap();
    let m = sidecar::read(&o).unwrap().unwrap();
    assert_eq!(
        (label_of(&m, 0), label_of(&m, 1)),
        (Some(Quote), Some(Skip))
    );
}

#[test]
fn other_glose_files_merge_only_one_sided_changes() {
    assert_eq!(merge_text("a", "a", "b", "x.txt.cuts.ron").unwrap(), "b");
    assert_eq!(merge_text("a", "c", "a", "x.txt.cuts.ron").unwrap(), "c");
    let e = merge_text("a", "b", "c", "x.txt.cuts.ron")
        .unwrap_err()
        .to_string();
    assert!(e.contains("x.txt.cuts.ron"), "{e}");
    assert_eq!(Kind::of("sub/glose.assign.ron"), Kind::Plan);
    assert_eq!(Kind::of("a.txt.gold.ron"), Kind::Sidecar);
}

#[test]
fn plan_files_merge_through_their_text() {
    let mut base = Plan::default();
    base.articles
        .insert("a.txt".into(), vec!["ana".into(), "ben".into()]);
    let mut ours = base.clone();
    ours.articles
        .insert("b.txt".into(), vec!["ben".into(), "cleo".into()]);
    let mut theirs = base.clone();
    theirs
        .articles
        .insert("c.txt".into(), vec!["ana".into(), "cleo".into()]);
    let text = merge_text(
        &base.to_ron(),
        &ours.to_ron(),
        &theirs.to_ron(),
        "glose.assign.ron",
    );
    let merged = Plan::parse(&text.unwrap()).unwrap();
    assert_eq!(merged.articles.len(), 3);
    let e = merge_text(&base.to_ron(), &ours.to_ron(), "(", "glose.assign.ron").unwrap_err();
    assert!(
        e.to_string().starts_with("their side of glose.assign.ron"),
        "{e}"
    );
}

#[test]
fn corrections_notes_and_status_of_both_sides_are_kept() {
    let cut = |at: usize, next: &str| format!("    (at: {at}, next: \"{next}\"),\n");
    let file = |splits: &[String], merges: &[String]| {
        format!(
            "(\n  schema: 1,\n  article: \"a.txt\",\n  splits: [\n{}  ],\n  merges: [\n{}  ],\n)\n",
            splits.concat(),
            merges.concat()
        )
    };
    let (a, b, c) = (cut(5, "Depuis"), cut(40, "Puis"), cut(70, "Enfin"));
    let base = file(std::slice::from_ref(&a), &[]);
    let ours = file(&[a.clone(), b.clone()], &[]);
    let theirs = file(&[], std::slice::from_ref(&c));
    let m = merge_text(&base, &ours, &theirs, "x.txt.cuts.ron").unwrap();
    // Ours added a split, theirs removed one and added a merge.
    assert_eq!(m, file(&[b], &[c]));

    let note = |at: &str, text: &str| Note {
        start: 10,
        end: 19,
        text: "Sentence.".into(),
        note: text.into(),
        at: at.into(),
    };
    let base = sc("ana", vec![]);
    let mut ours = sc("ana", vec![]);
    ours.notes = vec![note(T1, "ours")];
    ours.status = Some(DocStatus::Done { at: T1.into() });
    let mut theirs = sc("ana", vec![]);
    theirs.notes = vec![note(T2, "theirs")];
    theirs.status = Some(DocStatus::Flagged {
        reason: "why".into(),
        at: T2.into(),
    });
    let m = merge_sidecars(Some(&base), &ours, &theirs);
    assert_eq!(m.notes, vec![note(T2, "theirs")], "the newer note");
    assert_eq!(m.status, theirs.status, "the newer mark");
    let mut only_ours = sc("ana", vec![]);
    only_ours.status = ours.status.clone();
    let m = merge_sidecars(Some(&base), &only_ours, &theirs);
    assert_eq!(m.status, theirs.status);
    let m = merge_sidecars(Some(&theirs), &only_ours, &theirs);
    assert_eq!(
        m.status, only_ours.status,
        "theirs kept the base: ours is the change"
    );
    assert_eq!(m.notes, vec![], "ours removed the note the base had");
}
