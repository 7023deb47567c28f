//! Each fuzz target's property (`fuzz/properties.rs`) as a proptest, so stable CI checks
//! it on every run: generators of inputs like those the fuzzers find interesting (near
//! valid sidecars, keymaps and JSONL lines, text made of the characters segmentation and
//! highlighting decide on), a few hundred cases each, in a few seconds.

#[path = "../../fuzz/properties.rs"]
mod properties;

use proptest::prelude::*;

/// A string of pieces drawn from `atoms` and short random text.
fn made_of(atoms: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => prop::sample::select(atoms).prop_map(str::to_string),
            1 => any::<String>().prop_map(|s| s.chars().take(4).collect()),
        ],
        0..max,
    )
    .prop_map(|v| v.concat())
}

/// Text as articles have it: words, sentence ends, quotes, abbreviations, breaks.
const PROSE: &[&str] = &[
    "Le",
    " ministre",
    " a dit",
    " que",
    " M.",
    " Dr.",
    " etc.",
    ". ",
    "! ",
    "? ",
    "…",
    "...",
    " « ",
    " » ",
    "\"",
    "“",
    "”",
    "'",
    "’",
    "(",
    ")",
    " — ",
    "\n",
    "\n\n",
    "\r\n",
    "  ",
    "selon",
    " il",
    " faut",
    " 3,5 %",
    " 12.",
    "1er",
    "said",
    " that",
    " U.S.",
    " Mr.",
    "# ",
    "- ",
    "* ",
    ":",
    ";",
    ",",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
    "é",
    "É",
    "🙂",
];

/// One valid sidecar, to be cut and spliced.
fn sidecar_text() -> String {
    let label = r#"(start: 0, end: 4, text: "Un.", label: Factual, how: Hand, at: "2025-03-01T09:00:00.000Z")"#;
    format!(
        "(schema: 1, article: \"a.txt\", fingerprint: \"sha256:00\", segmenter: \"1\", annotator: \"alice\", labels: [{label}, {label}], orphans: [])"
    )
}

/// A valid sidecar with one stretch replaced by other text.
fn near_sidecar() -> impl Strategy<Value = Vec<u8>> {
    let base = sidecar_text();
    let len = base.len();
    (
        0..=len,
        0..=len,
        made_of(
            &[
                "\"", "\\", ",", "(", ")", "[", "]", ":", " ", "label", "Quote", "9", "-1",
                "\u{0}", "Some(", "None",
            ],
            4,
        ),
    )
        .prop_map(move |(a, b, mid)| {
            let (lo, hi) = (a.min(b), a.max(b));
            let mut out = base.as_bytes()[..lo].to_vec();
            out.extend_from_slice(mid.as_bytes());
            out.extend_from_slice(&base.as_bytes()[hi..]);
            out
        })
}

const KEYMAP: &[&str] = &[
    "(",
    ")",
    "{",
    "}",
    ":",
    ",",
    " ",
    "\"",
    "global",
    "library",
    "reader",
    "review",
    "stats",
    "\"j\"",
    "\"ctrl-r\"",
    "\"shift-tab\"",
    "\"f1\"",
    "\"space\"",
    "\"é\"",
    "\"Q\"",
    "\"ctrl-\"",
    "\"\u{1b}]0;x\u{7}\"",
    "\"undo\"",
    "\"quit\"",
    "\"noop\"",
    "\"down\"",
    "\"label-factual\"",
    "// c\n",
];

/// JSONL lines: objects with the fields import reads, right or wrong, and junk.
fn jsonl() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        prop::sample::select(vec![
            "0", "4", "20", "21", "-1", "1e3", "99999", "null", "true"
        ])
        .prop_map(str::to_string),
        prop::sample::select(vec![
            "\"a.txt\"",
            "\"./b.md\"",
            "\"c.txt\"",
            "\"factual\"",
            "\"Quote\"",
            "\"skip\"",
            "\"x\"",
            "\"Une phrase.\"",
            "\"Le ministre a parlé.\"",
            "\"\""
        ])
        .prop_map(str::to_string),
    ];
    let field = (
        prop::sample::select(vec![
            "article", "label", "start", "end", "text", "model", "idx",
        ]),
        value,
    )
        .prop_map(|(k, v)| format!("\"{k}\":{v}"));
    let line = prop_oneof![
        6 => proptest::collection::vec(field, 0..7).prop_map(|f| format!("{{{}}}", f.join(","))),
        1 => made_of(&["{", "}", "\"", ":", ",", " ", "[", "]"], 6),
        1 => Just(String::new()),
    ];
    (any::<bool>(), proptest::collection::vec(line, 0..12)).prop_map(|(bom, lines)| {
        let body = lines.join("\n");
        if bom { format!("\u{feff}{body}") } else { body }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_sidecar(data in prop_oneof![near_sidecar(), any::<Vec<u8>>()]) {
        properties::sidecar(&data);
    }

    #[test]
    fn fuzz_keymap(text in made_of(KEYMAP, 24)) {
        properties::keymap(&text);
    }

    #[test]
    fn fuzz_segment(text in made_of(PROSE, 40)) {
        properties::segment(&text);
    }

    #[test]
    fn fuzz_import(text in jsonl()) {
        let corpus = import_corpus();
        properties::import(corpus, text.as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_analysis(text in made_of(PROSE, 40), junk in any::<Vec<u8>>()) {
        properties::analysis(text.as_bytes());
        properties::analysis(&junk);
    }
}

/// The import corpus, made once for all cases (dry runs: nothing is written to it).
fn import_corpus() -> &'static glose::model::corpus::Corpus {
    static CORPUS: std::sync::OnceLock<glose::model::corpus::Corpus> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        properties::import_corpus(
            &std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz_props"),
        )
    })
}
