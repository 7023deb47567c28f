use super::*;
use crate::model::annotations::Annotations;
use crate::model::annotator::Annotator;
use crate::model::label::Label;
use crate::model::sidecar::{How, Record};

const TEXT: &str = "Titre\n\nUn pouvoir qui a pris le pays en otage depuis 2020, la junte gouverne. Une autre phrase.\n";

fn article(dir: &Path) -> PathBuf {
    let p = dir.join("a.txt");
    std::fs::write(&p, TEXT).unwrap();
    p
}

fn texts(doc: &Document) -> Vec<&str> {
    (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i))
        .collect()
}

#[test]
fn a_split_makes_two_units_for_every_reader_and_is_one_line_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = article(dir.path());
    let mut doc = Document::load(&p, "a.txt").unwrap();
    let n = doc.sentences.len();
    let at = TEXT.find("depuis").unwrap();
    split_at(&mut doc, at).unwrap();
    assert_eq!(doc.sentences.len(), n + 1);
    assert!(texts(&doc).contains(&"Un pouvoir qui a pris le pays en otage"));
    assert!(texts(&doc).contains(&"depuis 2020, la junte gouverne."));
    let again = Document::load(&p, "a.txt").unwrap();
    assert_eq!(again.sentences, doc.sentences);
    let file = std::fs::read_to_string(path_of(&p)).unwrap();
    let line = format!("    (at: {at}, next: \"depuis 2020, la junte go\"),");
    assert!(file.lines().any(|l| l == line), "{file}");
}

#[test]
fn merging_back_undoes_the_split_and_merges_are_kept_across_edits() {
    let dir = tempfile::tempdir().unwrap();
    let p = article(dir.path());
    let mut doc = Document::load(&p, "a.txt").unwrap();
    let before = doc.sentences.clone();
    let at = TEXT.find("depuis").unwrap();
    split_at(&mut doc, at).unwrap();
    let i = doc.sentences.iter().position(|s| s.start == at).unwrap();
    merge_with_next(&mut doc, i - 1).unwrap();
    assert_eq!(doc.sentences, before);
    assert!(read(&p).unwrap().unwrap().is_empty());
    // A merge of the last two units, then text inserted before them: still applied.
    let last = doc.sentences.len() - 2;
    merge_with_next(&mut doc, last).unwrap();
    assert_eq!(doc.sentences.len(), before.len() - 1);
    std::fs::write(&p, format!("Ajout. {TEXT}")).unwrap();
    let edited = Document::load(&p, "a.txt").unwrap();
    let last = edited.sentence_text(edited.sentences.len() - 1);
    assert!(last.starts_with("depuis") || last.contains("gouverne. Une autre phrase."));
    assert!(
        texts(&edited)
            .iter()
            .any(|t| t.ends_with("gouverne. Une autre phrase."))
    );
}

#[test]
fn impossible_splits_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let p = article(dir.path());
    let mut doc = Document::load(&p, "a.txt").unwrap();
    let s = doc.sentences[1];
    let cases = [
        (TEXT.len() + 3, "past the end"),
        (s.start, "edge"),
        (TEXT.find("otage").unwrap() + 5, "space"),
        (s.end, "between units"),
    ];
    for (offset, why) in cases {
        let e = split_at(&mut doc, offset).unwrap_err().to_string();
        assert!(e.contains(why), "{offset}: {e}");
    }
    let e = split_at(
        &mut Document::from_bytes("Un café noir.".into(), &p, "a.txt").unwrap(),
        7,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("UTF-8"), "{e}");
    let last = doc.sentences.len() - 1;
    assert!(merge_with_next(&mut doc, last).is_err());
    assert!(!path_of(&p).exists(), "a refused correction writes nothing");
}

#[test]
fn a_concurrent_change_on_disk_is_kept_when_saving() {
    let dir = tempfile::tempdir().unwrap();
    let p = article(dir.path());
    let doc = Document::load(&p, "a.txt").unwrap();
    let base = Cuts::new("a.txt");
    // Another glose merged the last two units meanwhile.
    let mut other = base.clone();
    other
        .merge(&doc.raw, &doc.sentences, doc.sentences.len() - 2)
        .unwrap();
    other.save(&p, &base).unwrap();
    let mut mine = base.clone();
    mine.split(&doc.raw, &doc.sentences, TEXT.find("depuis").unwrap())
        .unwrap();
    let saved = mine.save(&p, &base).unwrap();
    assert_eq!((saved.splits.len(), saved.merges.len()), (1, 1));
    assert_eq!(read(&p).unwrap().unwrap(), saved);
}

#[test]
fn labels_on_a_split_unit_become_orphans_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let p = article(dir.path());
    let mut doc = Document::load(&p, "a.txt").unwrap();
    let who = Annotator::new("alice").unwrap();
    let mut ann = Annotations::load(&doc, &who).unwrap();
    let i = doc
        .sentences
        .iter()
        .position(|s| doc.raw[s.start..s.end].contains("otage"))
        .unwrap();
    let s = doc.sentences[i];
    ann.set(
        i,
        Some(Record::new(
            s.start,
            s.end,
            doc.sentence_text(i),
            Label::Opinion,
            How::Hand,
        )),
    );
    ann.save(&doc).unwrap();
    split_at(&mut doc, TEXT.find("depuis").unwrap()).unwrap();
    let ann = Annotations::load(&doc, &who).unwrap();
    assert_eq!(ann.orphans.len(), 1);
    assert_eq!(ann.orphans[0].label, Label::Opinion);
}

#[test]
fn broken_or_newer_files_are_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = article(dir.path());
    std::fs::write(
        path_of(&p),
        "(schema: 1, article: \"a.txt\", splits: [(at: 5)])",
    )
    .unwrap();
    let e = Document::load(&p, "a.txt").unwrap_err().to_string();
    assert!(
        e.contains("a.txt.cuts.ron") && e.contains("segmentation corrections"),
        "{e}"
    );
    std::fs::write(path_of(&p), "(schema: 9, article: \"a.txt\")").unwrap();
    let e = read(&p).unwrap_err().to_string();
    assert!(e.contains("schema version 9"), "{e}");
    assert!(Annotator::new(NAME).is_err());
}
