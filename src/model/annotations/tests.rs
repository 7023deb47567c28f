use super::*;
use crate::model::sidecar::{How, RecordRef, SidecarRef};
use proptest::prelude::*;
use std::path::Path;

/// The record of each sentence when every record of `sidecar` sits exactly on a sentence
/// with its text, one per sentence: what [`attach`] gives then (nothing moved, no orphan)
/// without owning a string. `None` when any record needs `attach`'s other passes.
fn attach_exact<'s, 'a>(
    doc: &Document,
    sidecar: &'s SidecarRef<'a>,
) -> Option<Vec<Option<&'s RecordRef<'a>>>> {
    let mut out = vec![None; doc.sentences.len()];
    for r in sidecar.records() {
        let i = doc.sentence_at(r.start, r.end)?;
        if out[i].is_some() || !capped::matches(&r.text, doc.sentence_text(i)) {
            return None;
        }
        out[i] = Some(r);
    }
    Some(out)
}

/// What [`Exact::read`] must give: the straightforward parse, then [`attach_exact`].
fn by_parse(doc: &Document, who: &Annotator) -> Option<Vec<Option<(Label, String)>>> {
    let text = sidecar::read_text(&sidecar_path(&doc.path, who)).ok()??;
    let sc = sidecar::parse_ref(&text)?;
    let cells = attach_exact(doc, &sc)?;
    Some(
        cells
            .iter()
            .map(|r| r.map(|r| (r.label, r.at.to_string())))
            .collect(),
    )
}

fn by_visit(doc: &Document, who: &Annotator) -> Option<Vec<Option<(Label, String)>>> {
    let mut out = vec![None; doc.sentences.len()];
    let read = Exact::new(doc).read(who, |i, l, at| out[i] = Some((l, at.to_string())))?;
    read.then_some(out)
}

/// Sentence text with what sidecar strings escape, or may: quotes, backslashes,
/// controls, line separators, bidi marks, and the common characters with the same
/// lead bytes.
fn sentence() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => "[a-zé ]{1,8}",
            1 => prop::sample::select(vec![
                "\"", "\\", "\t", "\u{1}", "\u{7f}", "\u{85}", "\u{a0}", "«", "»", "’",
                "—", "…", "\u{2028}", "\u{202e}", "\u{2066}", "\u{feff}", "\u{fffd}",
            ])
            .prop_map(str::to_string),
        ],
        1..6,
    )
    .prop_map(|parts| format!("{}.", parts.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Reading a sidecar in place gives what parsing it and attaching gives, on
    /// sidecars glose wrote, edited, or hand-written in another layout.
    #[test]
    fn reading_in_place_is_parsing_then_attaching(
        sentences in proptest::collection::vec(sentence(), 1..6),
        labels in proptest::collection::vec((0usize..6, 0..Label::COUNT), 1..6),
        edit in 0usize..6,
    ) {
        let text = sentences.join(" ");
        let (_dir, doc) = setup(&text);
        let who = Annotator::new("a").unwrap();
        let n = doc.sentences.len();
        let labels: Vec<_> = labels.iter().map(|&(i, l)| (i % n, Label::ALL[l])).collect();
        label_by_hand(&doc, &who, &labels);
        let path = sidecar_path(&doc.path, &who);
        let written = std::fs::read_to_string(&path).unwrap();
        let edited = match edit {
            // As written.
            0 => written.clone(),
            // A label's text changed by hand.
            1 => written.replacen("text: \"", "text: \"x", 1),
            // Another layout (only `ron` reads it).
            2 => written.replacen("(start: ", "( start: ", 1),
            // A raw control character (only `ron` reads it).
            3 => written.replacen("text: \"", "text: \"\u{fffd}", 1).replacen('\u{fffd}', "\u{1}", 1),
            // Escapes undone by hand: raw characters the writer never writes raw.
            4 => written.replace("\\u{2028}", "\u{2028}").replace("\\t", "\t"),
            // A truncated file, cut between characters (a sidecar that is not
            // UTF-8 has its own test).
            _ => written[..written.floor_char_boundary(written.len() / 2)].to_string(),
        };
        std::fs::write(&path, &edited).unwrap();
        prop_assert_eq!(by_visit(&doc, &who), by_parse(&doc, &who));
        if edit == 0 {
            prop_assert!(by_visit(&doc, &who).is_some());
        }
    }

    #[test]
    fn written_as_is_means_the_literal_is_the_text(s in sentence()) {
        let mut lit = String::new();
        sidecar::push_str_lit_for_test(&mut lit, &s);
        prop_assert_eq!(sidecar::written_as_is(&s), lit == format!("\"{s}\""));
    }
}

/// A text the writer escapes, found raw, is left to `ron` like any hand edit.
#[test]
fn raw_characters_the_writer_escapes_are_not_read_in_place() {
    let (_dir, doc) = setup("Un\u{2028}deux. Trois\tquatre.");
    let who = Annotator::new("a").unwrap();
    label_by_hand(&doc, &who, &[(0, Label::Quote), (1, Label::Skip)]);
    assert!(by_visit(&doc, &who).is_some());
    let path = sidecar_path(&doc.path, &who);
    let written = std::fs::read_to_string(&path).unwrap();
    let raw = written
        .replace("\\u{2028}", "\u{2028}")
        .replace("\\t", "\t");
    assert_ne!(raw, written);
    std::fs::write(&path, raw).unwrap();
    assert_eq!(by_parse(&doc, &who), None);
    assert_eq!(by_visit(&doc, &who), None);
}

#[test]
fn a_non_utf8_sidecar_is_not_read_in_place() {
    let (_dir, doc) = setup("Un. Deux.");
    let who = Annotator::new("a").unwrap();
    label_by_hand(&doc, &who, &[(0, Label::Quote)]);
    let path = sidecar_path(&doc.path, &who);
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.windows(4).position(|w| w == b"Un.\"").unwrap();
    bytes[at] = 0xff;
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(by_visit(&doc, &who), None);
    assert!(sidecar::read_text(&path).is_err());
}

fn setup(text: &str) -> (tempfile::TempDir, Document) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, text).unwrap();
    let d = Document::load(&p, "a.txt").unwrap();
    (dir, d)
}

fn rec(d: &Document, i: usize, l: Label) -> Record {
    let s = d.sentences[i];
    Record::new(s.start, s.end, d.sentence_text(i), l, How::Hand)
}

fn alice() -> Annotator {
    Annotator::new("alice").unwrap()
}

#[test]
fn labels_survive_save_and_reload() {
    let (_d, doc) = setup("Titre\n\nUne phrase. Deux phrases.\n");
    let mut a = Annotations::load(&doc, &alice()).unwrap();
    a.set(1, Some(rec(&doc, 1, Label::Factual)));
    a.set(2, Some(rec(&doc, 2, Label::Opinion)));
    assert!(a.save(&doc).unwrap().written);
    let b = Annotations::load(&doc, &alice()).unwrap();
    assert_eq!(b.label(1), Some(Label::Factual));
    assert_eq!(b.label(2), Some(Label::Opinion));
    assert_eq!(b.label(0), None);
    // The incremental rendering is the same text as rendering the whole sidecar.
    a.set(1, None);
    a.set(0, Some(rec(&doc, 0, Label::Skip)));
    a.save(&doc).unwrap();
    let on_disk = std::fs::read_to_string(&a.path).unwrap();
    assert_eq!(on_disk, sidecar::to_ron(&a.to_sidecar(&doc)));
    assert!(a.path.ends_with("a.txt.alice.ron"));
}

#[test]
fn the_history_a_merge_kept_survives_the_next_labels() {
    let (_d, doc) = setup("Titre\n\nUne phrase. Deux phrases.\n");
    let mut a = Annotations::load(&doc, &alice()).unwrap();
    a.set(1, Some(rec(&doc, 1, Label::Factual)));
    a.save(&doc).unwrap();
    let mut sc = sidecar::read(&a.path).unwrap().unwrap();
    sc.history = vec![rec(&doc, 1, Label::Quote)];
    sidecar::write(&a.path, &sc).unwrap();
    let mut b = Annotations::load(&doc, &alice()).unwrap();
    b.set(2, Some(rec(&doc, 2, Label::Opinion)));
    b.save(&doc).unwrap();
    // Read in place too: the history is no label.
    let exact = exact_labels(&doc, &alice()).expect("read in place");
    assert_eq!(
        exact,
        vec![None, Some(Label::Factual), Some(Label::Opinion)]
    );
    assert!(sidecar::parse_ref(&std::fs::read_to_string(&b.path).unwrap()).is_some());
    let back = sidecar::read(&b.path).unwrap().unwrap();
    assert_eq!(back.history.len(), 1);
    assert_eq!(back.history[0].label, Label::Quote);
    assert_eq!(back.labels.len(), 2);
}

/// `exact_labels` answers only when it gives what `Annotations::load` gives.
#[test]
fn exact_labels_are_those_of_a_full_load_or_none() {
    let (dir, doc) = setup("Premier. Deuxième. Troisième. Quatre.\n");
    let labels = |d: &Document| Annotations::load(d, &alice()).unwrap().labels;
    let plain = |d: &Document| -> Vec<Option<Label>> {
        labels(d)
            .iter()
            .map(|r| r.as_ref().map(|r| r.label))
            .collect()
    };
    assert_eq!(exact_labels(&doc, &alice()), None, "no sidecar yet");
    let mut a = Annotations::load(&doc, &alice()).unwrap();
    a.set(0, Some(rec(&doc, 0, Label::Quote)));
    a.set(2, Some(rec(&doc, 2, Label::Skip)));
    a.save(&doc).unwrap();
    let got = exact_labels(&doc, &alice()).unwrap();
    assert_eq!(got, plain(&doc));
    assert_eq!(got, [Some(Label::Quote), None, Some(Label::Skip), None]);
    // Hand-formatted (read by `ron`), moved by an edit, or with an orphan: `None`.
    let p = dir.path().join("a.txt.alice.ron");
    let canonical = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, canonical.replace("(start: 0", "( start: 0")).unwrap();
    assert_eq!(exact_labels(&doc, &alice()), None);
    assert_eq!(plain(&doc), got);
    std::fs::write(&p, &canonical).unwrap();
    let edited = dir.path().join("a.txt");
    std::fs::write(&edited, "Ajout. Premier. Deuxième. Troisième. Quatre.\n").unwrap();
    let doc2 = Document::load(&edited, "a.txt").unwrap();
    assert_eq!(exact_labels(&doc2, &alice()), None);
    assert_eq!(Annotations::load(&doc2, &alice()).unwrap().moved, 2);
    std::fs::write(&edited, "Premier. Autre. Quatre.\n").unwrap();
    let doc3 = Document::load(&edited, "a.txt").unwrap();
    assert_eq!(exact_labels(&doc3, &alice()), None);
    assert_eq!(Annotations::load(&doc3, &alice()).unwrap().orphans.len(), 1);
    // A broken sidecar is left to `Annotations::load` to report.
    std::fs::write(&p, "(schema: 1, labels: [ oops").unwrap();
    assert_eq!(exact_labels(&doc, &alice()), None);
    assert!(Annotations::load(&doc, &alice()).is_err());
}

#[test]
fn no_file_is_written_when_nothing_was_labeled() {
    let (dir, doc) = setup("Une phrase.\n");
    let mut a = Annotations::load(&doc, &alice()).unwrap();
    a.set(0, None);
    assert!(!a.save(&doc).unwrap().written);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn edited_article_reattaches_by_text_and_keeps_orphans() {
    let (dir, doc) = setup("Premier. Deuxième. Troisième.\n");
    let mut a = Annotations::load(&doc, &alice()).unwrap();
    a.set(1, Some(rec(&doc, 1, Label::Quote)));
    a.set(2, Some(rec(&doc, 2, Label::Opinion)));
    a.save(&doc).unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, "Ajout en tête. Premier. Deuxième. Autre chose.\n").unwrap();
    let doc2 = Document::load(&p, "a.txt").unwrap();
    let b = Annotations::load(&doc2, &alice()).unwrap();
    assert_eq!(b.label(2), Some(Label::Quote));
    assert_eq!(b.moved, 1);
    assert_eq!(b.orphans.len(), 1);
    assert_eq!(b.orphans[0].text, "Troisième.");
    // Orphans are written back, never dropped.
    let mut b = b;
    b.set(0, Some(rec(&doc2, 0, Label::Factual)));
    b.save(&doc2).unwrap();
    let text = std::fs::read_to_string(&b.path).unwrap();
    assert!(text.contains("Troisième."), "{text}");
}

#[test]
fn concurrent_writers_merge_instead_of_overwriting() {
    let (_d, doc) = setup("Un. Deux. Trois.\n");
    let mut a = Annotations::load(&doc, &alice()).unwrap();
    let mut b = Annotations::load(&doc, &alice()).unwrap();
    a.set(0, Some(rec(&doc, 0, Label::Factual)));
    a.save(&doc).unwrap();
    b.set(1, Some(rec(&doc, 1, Label::Opinion)));
    let saved = b.save(&doc).unwrap();
    assert!(saved.merged);
    let c = Annotations::load(&doc, &alice()).unwrap();
    assert_eq!(c.label(0), Some(Label::Factual));
    assert_eq!(c.label(1), Some(Label::Opinion));
}

/// Issue 18 item 11: times a hand edit leaves valid but in another form (no fraction,
/// an offset) are merged by instant, not by text.
#[test]
fn item11_merge_orders_hand_edited_times_as_instants() {
    let (_d, doc) = setup("Un. Deux. Trois.\n");
    let mine = "2025-03-01T09:00:03.512Z";
    for (theirs, mine_wins) in [
        ("2025-03-01T09:00:03Z", true),
        ("2025-03-01T10:00:04+02:00", true),
        ("2025-03-01T11:00:04+02:00", false),
        ("2025-03-01T09:00:03.6Z", false),
    ] {
        let _ = std::fs::remove_file(sidecar_path(&doc.path, &alice()));
        let mut a = Annotations::load(&doc, &alice()).unwrap();
        let mut b = Annotations::load(&doc, &alice()).unwrap();
        let mut t = rec(&doc, 0, Label::Factual);
        t.at = theirs.into();
        b.set(0, Some(t));
        b.save(&doc).unwrap();
        let mut m = rec(&doc, 0, Label::Quote);
        m.at = mine.into();
        a.set(0, Some(m));
        assert!(a.save(&doc).unwrap().merged);
        let want = if mine_wins {
            Label::Quote
        } else {
            Label::Factual
        };
        let c = Annotations::load(&doc, &alice()).unwrap();
        assert_eq!(c.label(0), Some(want), "theirs at {theirs}, mine at {mine}");
    }
}

/// Issue 18 item 8: an edit in place with the same size and the mtime put back (same
/// inode too) is noticed by its bytes and merged, not overwritten.
#[test]
fn item8_same_size_edit_with_mtime_put_back_is_merged() {
    let (_d, doc) = setup("Un. Deux. Trois.\n");
    let mut a = Annotations::load(&doc, &alice()).unwrap();
    a.set(0, Some(rec(&doc, 0, Label::Factual)));
    a.save(&doc).unwrap();
    let before = std::fs::metadata(&a.path).unwrap();
    let text = std::fs::read_to_string(&a.path).unwrap();
    let edited = text.replace("Factual", "Opinion");
    assert_eq!(edited.len(), text.len());
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&a.path)
        .unwrap();
    std::io::Write::write_all(&mut &f, edited.as_bytes()).unwrap();
    f.set_modified(before.modified().unwrap()).unwrap();
    drop(f);
    assert_eq!(stamp(&a.path), a.seen, "metadata cannot tell");
    a.set(1, Some(rec(&doc, 1, Label::Quote)));
    assert!(a.save(&doc).unwrap().merged);
    let c = Annotations::load(&doc, &alice()).unwrap();
    assert_eq!(c.label(0), Some(Label::Opinion), "the outside edit is kept");
    assert_eq!(c.label(1), Some(Label::Quote));
}

#[test]
fn a_failed_save_keeps_changes_pending_and_the_retry_writes_them() {
    let (_d, doc) = setup("Un. Deux. Trois.\n");
    let mut a = Annotations::load(&doc, &alice()).unwrap();
    // Something is in the way of the sidecar (here a folder; the same path is taken
    // by a read-only folder or a full disk).
    std::fs::create_dir(&a.path).unwrap();
    a.set(0, Some(rec(&doc, 0, Label::Factual)));
    let err = a.save(&doc).unwrap_err();
    assert!(err.to_string().contains("a.txt.alice.ron"), "{err}");
    assert!(a.is_dirty());
    a.set(1, Some(rec(&doc, 1, Label::Quote)));
    assert!(a.save(&doc).is_err());
    std::fs::remove_dir(&a.path).unwrap();
    assert!(a.save(&doc).unwrap().written);
    assert!(!a.is_dirty());
    let b = Annotations::load(&doc, &alice()).unwrap();
    assert_eq!(b.label(0), Some(Label::Factual));
    assert_eq!(b.label(1), Some(Label::Quote));
}

#[cfg(unix)]
#[test]
fn a_linked_sidecar_is_refused_not_replaced() {
    let (dir, doc) = setup("Un. Deux.\n");
    let link = dir.path().join("a.txt.alice.ron");
    std::os::unix::fs::symlink("/nonexistent/glose-target.ron", &link).unwrap();
    let err = Annotations::load(&doc, &alice()).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
}

#[test]
fn corrupt_sidecar_is_an_error_and_stays_untouched() {
    let (dir, doc) = setup("Un. Deux.\n");
    let p = dir.path().join("a.txt.alice.ron");
    std::fs::write(&p, "(schema: 1, labels: [ oops").unwrap();
    let err = Annotations::load(&doc, &alice()).unwrap_err();
    assert!(err.to_string().contains("a.txt.alice.ron:1:"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "(schema: 1, labels: [ oops"
    );
    let _ = Path::new("");
}

#[test]
fn unhashed_documents_read_the_same_and_saving_on_one_still_writes_the_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, "Titre\n\nUne phrase. Deux phrases.\n").unwrap();
    let full = Document::load(&p, "a.txt").unwrap();
    let light = Document::load_unhashed(&p, "a.txt").unwrap();
    assert!(light.fingerprint.is_empty());
    assert_eq!(light.sentences, full.sentences);
    assert_eq!(light.title, full.title);
    let who = Annotator::new("alice").unwrap();
    let mut ann = Annotations::load(&light, &who).unwrap();
    let s = light.sentences[1];
    ann.set(
        1,
        Some(Record::new(
            s.start,
            s.end,
            light.sentence_text(1),
            Label::Quote,
            How::Hand,
        )),
    );
    ann.save(&light).unwrap();
    let sc = crate::model::sidecar::read(&ann.path).unwrap().unwrap();
    assert_eq!(sc.fingerprint, full.fingerprint);
}
