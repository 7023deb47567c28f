//! Round trips, errors and the fast reader agreeing with `ron`.
use super::*;
use proptest::prelude::*;

pub(crate) fn sample() -> Sidecar {
    let mut r = Record::new(0, 12, "Une « phrase ».", Label::Quote, How::Hand);
    r.note = Some("note with \"quotes\"\nand a line".into());
    Sidecar {
        schema: SCHEMA,
        article: "dir/a.txt".into(),
        fingerprint: "sha256:00".into(),
        segmenter: "glose-seg/0".into(),
        annotator: "alice".into(),
        labels: vec![
            Record::new(20, 30, "Deux.", Label::Opinion, How::Suggestion),
            r,
        ],
        orphans: vec![],
        history: vec![],
        notes: vec![],
        status: None,
    }
}

#[test]
fn round_trip_sorted_by_offset() {
    let s = sample();
    let text = to_ron(&s);
    let back = parse(&text, Path::new("x.ron")).unwrap();
    assert_eq!(back.labels[0].start, 0);
    assert_eq!(back.labels[1].start, 20);
    assert_eq!(back.labels[0].note, s.labels[1].note);
    assert_eq!(to_ron(&back), text);
    assert!(text.contains("label: Quote"), "{text}");
    assert_eq!(
        text.lines().filter(|l| l.contains("start:")).count(),
        2,
        "{text}"
    );
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let text = to_ron(&sample()).replace("label: Quote", "label: Qoute");
    let err = parse(&text, Path::new("a.txt.alice.ron")).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("a.txt.alice.ron:"), "{msg}");
    match err {
        SidecarError::Parse { line, col, .. } => assert!(line > 1 && col > 1),
        other => panic!("{other}"),
    }
}

#[test]
fn newer_schema_is_refused_by_number() {
    let text = to_ron(&sample()).replace("schema: 1", "schema: 7");
    let err = parse(&text, Path::new("a.ron")).unwrap_err();
    assert!(
        matches!(err, SidecarError::Schema { found: 7, .. }),
        "{err}"
    );
    let text = text.replace("annotator:", "newfield: 1, annotator:");
    assert!(matches!(
        parse(&text, Path::new("a.ron")).unwrap_err(),
        SidecarError::Schema { found: 7, .. }
    ));
}

fn arb_record() -> impl Strategy<Value = Record> {
    (
        0usize..1_000_000,
        0usize..5000,
        any::<String>(),
        0..Label::COUNT,
        0..How::COUNT,
        proptest::option::of(any::<String>()),
        proptest::collection::vec("[a-z]{1,8}", 0..3),
    )
        .prop_map(|(start, len, text, l, h, note, agreed)| Record {
            start,
            end: start + len,
            text,
            label: Label::ALL[l],
            at: "2026-01-02T03:04:05.678Z".into(),
            how: How::ALL[h],
            note_at: note.as_ref().map(|_| "2026-01-03T00:00:00.000Z".into()),
            note,
            model: None,
            adjudicator: agreed.first().cloned(),
            agreed,
        })
}

proptest! {
    /// Whatever text a sentence or note holds (quotes, newlines, controls, any
    /// Unicode), writing and reading a sidecar gives back the same labels.
    #[test]
    fn any_content_round_trips(
        labels in proptest::collection::vec(arb_record(), 0..8),
        orphans in proptest::collection::vec(arb_record(), 0..3),
        history in proptest::collection::vec(arb_record(), 0..3),
        article in any::<String>(),
    ) {
        let mut s = sample();
        s.article = article;
        s.labels = labels;
        s.orphans = orphans;
        s.history = history;
        let text = to_ron(&s);
        let back = parse(&text, Path::new("x.ron")).unwrap();
        let mut want = s.clone();
        want.labels.sort_by_key(|r| (r.start, r.end));
        want.orphans.sort_by_key(|r| (r.start, r.end));
        want.history.sort_by(|a, b| (a.start, a.end, &a.at).cmp(&(b.start, b.end, &b.at)));
        prop_assert_eq!(back, want);
    }
}

#[test]
fn missing_file_is_none() {
    let dir = tempfile::tempdir().unwrap();
    assert!(read(&dir.path().join("none.ron")).unwrap().is_none());
}

/// Any string at all, weighted towards what the fast reader must get right.
fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\\n\r\t\u{0}-\u{1f}\u{7f}-\u{9f}\u{2028}\u{2029}\u{feff}\u{202a}-\u{202e}\u{2066}-\u{2069}a-zé «»]{0,12}",
    ]
}

fn arb_full_record() -> impl Strategy<Value = Record> {
    (
        arb_record(),
        tricky_string(),
        proptest::option::of(tricky_string()),
        proptest::option::of(tricky_string()),
        tricky_string(),
    )
        .prop_map(|(mut r, text, note, model, at)| {
            r.text = text;
            r.note = note;
            r.model = model;
            r.at = at;
            r
        })
}

fn arb_sidecar() -> impl Strategy<Value = Sidecar> {
    (
        proptest::collection::vec(arb_full_record(), 0..6),
        proptest::collection::vec(arb_full_record(), 0..3),
        proptest::collection::vec(arb_full_record(), 0..3),
        tricky_string(),
        tricky_string(),
        any::<u32>(),
    )
        .prop_map(|(labels, orphans, history, article, annotator, schema)| {
            let mut s = sample();
            s.labels = labels;
            s.orphans = orphans;
            s.history = history;
            s.article = article;
            s.annotator = annotator;
            // Mostly the current schema; sometimes another, which only `ron` may judge.
            if schema % 4 == 0 {
                s.schema = schema;
            }
            s
        })
}

/// The `ron` reading, with no fast path.
fn ron_only(text: &str) -> Option<Sidecar> {
    ron::from_str::<Sidecar>(text).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every sidecar glose writes is read by the fast path, to exactly what `ron` reads.
    #[test]
    fn fast_reads_every_rendered_sidecar_as_ron_does(s in arb_sidecar()) {
        let text = to_ron(&s);
        let fast = fast::parse(&text);
        prop_assert!(fast.is_some(), "fast path refused glose's own layout:\n{}", text);
        prop_assert_eq!(fast, ron_only(&text));
    }

    /// Any change to that text either sends it to `ron` (the fast path says `None`) or
    /// still means, to `ron`, exactly what the fast path read.
    #[test]
    fn fast_never_disagrees_with_ron_on_edited_text(
        s in arb_sidecar(),
        at in any::<proptest::sample::Index>(),
        cut in 0usize..4,
        insert in "[ \n\t,()\\[\\]\"\\\\/a-zA-Z0-9_:é\u{0}-\u{1f}\u{2028}]{0,3}",
    ) {
        let mut text = to_ron(&s);
        let mut i = at.index(text.len() + 1);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        let mut j = (i + cut).min(text.len());
        while !text.is_char_boundary(j) {
            j += 1;
        }
        text.replace_range(i..j, &insert);
        if let Some(fast) = fast::parse(&text) {
            prop_assert_eq!(Some(fast), ron_only(&text), "edited text:\n{}", text);
        }
    }
}

#[test]
fn hand_edited_layouts_fall_back_to_ron() {
    let canonical = to_ron(&sample());
    let variants = [
        canonical.replace("  schema", "    schema"),
        canonical.replace("(start: 0", "( start: 0"),
        canonical.replace(",\n  ],", "\n  ],"),
        canonical.replace("label: Quote, how: Hand", "how: Hand, label: Quote"),
        canonical.replace("(\n  schema", "// edited by hand\n(\n  schema"),
        canonical.replace(")\n", ")\n\n"),
        format!("\u{feff}{canonical}"),
        canonical.replace("labels: [", "orphans: [\n  ],\n  labels: ["),
        canonical.replace("note: Some(", "note: Some( "),
        canonical.replace("\\n", "\\u{a}"),
        canonical.replace("Deux.", "Deux\\x2e"),
        canonical.replace("start: 20", "start: 020"),
        canonical
            .replace(",\n  labels: [", ",\n  labels: [\n  ],\n  x: [")
            .replace("  ],\n)", "  ],\n  ],\n)"),
    ];
    for text in &variants {
        assert!(fast::parse(text).is_none(), "fast path took:\n{text}");
        if let Some(r) = ron_only(text) {
            assert_eq!(parse(text, Path::new("a.ron")).unwrap(), r);
        }
    }
    // A hand-reformatted but valid file still loads, through `ron`.
    let spaced = canonical.replace("(start: 0", "( start: 0");
    assert_eq!(
        parse(&spaced, Path::new("a.ron")).unwrap(),
        ron_only(&canonical).unwrap()
    );
}

#[test]
fn fast_path_is_taken_for_the_written_layout() {
    let text = to_ron(&sample());
    assert_eq!(fast::parse(&text), ron_only(&text));
    assert!(fast::parse(&text).is_some());
}

#[test]
fn the_borrowing_reader_copies_only_strings_with_escapes() {
    use std::borrow::Cow;
    let text = to_ron(&sample());
    let r = parse_ref(&text).unwrap();
    assert!(matches!(r.labels[1].text, Cow::Borrowed("Deux.")));
    assert!(matches!(r.labels[0].text, Cow::Borrowed("Une « phrase ».")));
    let note = r.labels[0].note.as_ref().unwrap();
    assert!(matches!(note, Cow::Owned(_)));
    assert_eq!(note, "note with \"quotes\"\nand a line");
    assert_eq!(Some(r.into_owned()), ron_only(&text));
    // Another schema or layout is for `parse` to explain.
    assert!(parse_ref(&text.replace("schema: 1", "schema: 7")).is_none());
    assert!(parse_ref(&text.replace("(start: 0", "( start: 0")).is_none());
}

#[test]
fn a_note_has_its_own_time_and_unlabeled_notes_round_trip() {
    let mut s = sample();
    s.labels[1].note_at = Some("2026-02-02T00:00:00.000Z".into());
    let text = to_ron(&s);
    assert!(
        text.contains(", note_at: Some(\"2026-02-02T00:00:00.000Z\")"),
        "{text}"
    );
    // The fast reader accepts it, and gives what `ron` gives.
    let fast = fast::parse(&text).unwrap();
    assert_eq!(fast, parse_ron(&text, Path::new("x.ron")).unwrap());
    assert_eq!(fast.labels[0].note_at, s.labels[1].note_at);
    s.notes.push(Note {
        start: 40,
        end: 50,
        text: "Trois.".into(),
        note: "à revoir".into(),
        at: "2026-02-03T00:00:00.000Z".into(),
    });
    let text = to_ron(&s);
    assert!(
        text.contains("  notes: [\n    (start: 40, end: 50, at: "),
        "{text}"
    );
    let back = parse(&text, Path::new("x.ron")).unwrap();
    assert_eq!(back.notes, s.notes);
    assert_eq!(to_ron(&back), text);
    // A sidecar written before notes had their own time still reads.
    let old = "(\n  schema: 1,\n  article: \"a.txt\",\n  fingerprint: \"\",\n  segmenter: \"glose-seg/1\",\n  annotator: \"a\",\n  labels: [\n    (start: 0, end: 5, label: Quote, how: Hand, at: \"2025-01-01T00:00:00.000Z\", note: Some(\"n\"), text: \"Deux.\"),\n  ],\n)\n";
    let r = &fast::parse(old).unwrap().labels[0];
    assert_eq!((r.note.as_deref(), r.note_at.as_deref()), (Some("n"), None));
}

/// Every label and `How` name the writer can write is one the fast reader accepts (and
/// means what `ron` reads), so a name added to one table cannot be missing from the other.
#[test]
fn fast_reader_accepts_every_name_the_writer_writes() {
    for label in Label::ALL {
        for how in How::ALL {
            let mut s = sample();
            s.labels = vec![Record::new(0, 5, "Deux.", label, how)];
            let text = to_ron(&s);
            assert!(text.contains(&format!(
                "label: {}, how: {}",
                label.ron_name(),
                how.ron_name()
            )));
            let fast = fast::parse(&text);
            assert!(
                fast.is_some(),
                "fast reader refused {label:?} / {how:?}:\n{text}"
            );
            assert_eq!(fast, ron_only(&text));
            assert_eq!(fast.unwrap().labels[0].label, label);
        }
    }
}
