//! Properties of exports on random input: every exported span slices its article (bytes
//! and code points) to the exported text, whatever the segmenter does. (CSV fields round
//! trip through an independent reader: `export::csv`'s unit tests.)

use glose::Label;
use glose::exchange::export::{self, Format, Options};
use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::corpus::Corpus;
use glose::model::document::Document;
use glose::model::sidecar::{How, Record};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn exported_offsets_slice_the_article(
        parts in prop::collection::vec(("[A-ZÉ][a-zéà’ «»\"]{0,20}", "[.!?]", "( |\n|\n\n|\r\n)"), 1..12),
        bom in any::<bool>(),
    ) {
        let mut text = String::from(if bom { "\u{feff}" } else { "" });
        for (words, stop, gap) in &parts {
            text.push_str(words);
            text.push_str(stop);
            text.push_str(gap);
        }
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, &text).unwrap();
        let doc = match Document::load(&p, "a.txt") {
            Ok(d) => d,
            Err(_) => return Ok(()),
        };
        let mut a = Annotations::load(&doc, &Annotator::new("alice").unwrap()).unwrap();
        for i in 0..doc.sentences.len() {
            let s = doc.sentences[i];
            let l = Label::ALL[i % 4];
            a.set(i, Some(Record::new(s.start, s.end, doc.sentence_text(i), l, How::Hand)));
        }
        a.save(&doc).unwrap();
        let corpus = Corpus::scan(dir.path()).unwrap();
        let opts = Options { include_skip: true, context: 2, ..Options::default() };
        let ds = export::build(&corpus, &opts, &mut |_, _| {});
        prop_assert_eq!(ds.rows[0].len(), doc.sentences.len());
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        Format::Jsonl.write(&ds.rows[0], true, &mut out).unwrap();
        for line in String::from_utf8(out).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let n = |k: &str| v[k].as_u64().unwrap() as usize;
            let t = v["text"].as_str().unwrap();
            prop_assert_eq!(&text[n("start")..n("end")], t);
            prop_assert_eq!(chars[n("char_start")..n("char_end")].iter().collect::<String>(), t);
        }
    }
}
