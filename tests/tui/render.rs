//! Whole screens rendered into a `TestBackend`: snapshots of each view, and styles checked
//! cell by cell (a text snapshot cannot see colour or bold).

use crate::support::tui::{app, corpus, keys};
use glose::nlp::analysis::SentenceAnalysis;
use glose::nlp::highlight::{Kind, Span};
use glose::tui::{App, SaveState, Theme, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t
}

fn resized(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(glose::tui::action::Action::Resize(w, h));
    render(app, w, h)
}

fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

/// A corpus with a second annotator's labels and a file that cannot be opened.
fn busy_corpus() -> tempfile::TempDir {
    let dir = corpus();
    let mut bob = app(dir.path(), "bob");
    keys(&mut bob, "<enter>ff");
    std::fs::write(dir.path().join("d_broken.txt"), b"bin\0ary").unwrap();
    dir
}

#[test]
fn library_screen() {
    let dir = busy_corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "j<enter>fq<esc>");
    let t = resized(&mut app, 80, 24);
    insta::assert_snapshot!("library_80x24", t.backend());
    keys(&mut app, "/rain");
    let t = resized(&mut app, 100, 12);
    insta::assert_snapshot!("library_filtered_100x12", t.backend());
}

fn reader_app(dir: &std::path::Path) -> App {
    let mut app = app(dir, "alice");
    keys(&mut app, "<enter>fqo");
    keys(&mut app, "jvj");
    app.save = SaveState::Saved("12:00:00".into());
    app
}

#[test]
fn reader_with_labels_a_range_and_suggestions() {
    let dir = corpus();
    let mut app = reader_app(dir.path());
    let t = resized(&mut app, 80, 24);
    insta::assert_snapshot!("reader_80x24", t.backend());
    // Narrower: text reflows at once.
    let t = resized(&mut app, 60, 16);
    insta::assert_snapshot!("reader_60x16", t.backend());
}

#[test]
fn help_is_generated_from_the_keymap() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>?");
    let t = resized(&mut app, 80, 24);
    insta::assert_snapshot!("help_80x24", t.backend());
}

#[test]
fn tiny_terminal_says_so() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    let t = resized(&mut app, 40, 8);
    insta::assert_snapshot!("tiny_40x8", t.backend());
}

#[test]
fn labels_read_by_letter_and_colour_and_without_colour() {
    let dir = corpus();
    let mut app = reader_app(dir.path());
    let t = resized(&mut app, 80, 24);
    let buf = t.backend().buffer();
    // Row 1: sentence 0, factual. Gutter letter and text colour.
    assert_eq!(buf[(1, 1)].symbol(), "F");
    assert_eq!(buf[(1, 1)].fg, Color::Blue);
    assert!(buf[(1, 1)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(3, 1)].fg, Color::Blue);
    // Unlabeled sentences show the suggestion as a dim lowercase letter.
    let sugg = (1..20)
        .map(|y| buf[(1, y)].clone())
        .find(|c| c.symbol().chars().all(|ch| ch.is_lowercase()) && c.symbol() != " ")
        .expect("a suggestion mark");
    assert!(sugg.modifier.contains(Modifier::DIM));
    // The cursor sentence is reversed, with a marker.
    let cursor_row = (1..20).find(|&y| buf[(0, y)].symbol() == ">").unwrap();
    assert!(buf[(3, cursor_row)].modifier.contains(Modifier::REVERSED));
    // The range shows a bar in the gutter.
    assert!((1..20).any(|y| buf[(0, y)].symbol() == "┃"));

    app.theme = Theme::new(false, false);
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    assert_eq!(buf[(1, 1)].symbol(), "F");
    assert!(buf[(3, cursor_row)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn highlight_spans_use_one_style_per_kind() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>j");
    app.theme = Theme::new(false, false);
    // Sentence 2: "The minister said that the roads would reopen soon."
    let a = app.article_mut().unwrap();
    let s = a.doc.sentences[2];
    let at = |w: &str| s.start + a.doc.sentence_text(2).find(w).unwrap();
    let spans = vec![
        Span {
            start: at("The minister"),
            end: at(" that"),
            kind: Kind::Source,
            rule: "t",
        },
        Span {
            start: at("roads"),
            end: at(" would"),
            kind: Kind::Claim,
            rule: "t",
        },
        Span {
            start: at("soon"),
            end: s.end - 1,
            kind: Kind::Cue,
            rule: "t",
        },
    ];
    let mut x: SentenceAnalysis = a.analysis[2].clone().unwrap();
    x.spans = spans;
    a.analysis[2] = Some(x);
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    let y = (1..20)
        .find(|&y| row(buf, y).contains("The minister said"))
        .unwrap();
    let line = row(buf, y);
    let col = |w: &str| line.find(w).unwrap() as u16;
    assert!(
        buf[(col("minister"), y)]
            .modifier
            .contains(Modifier::UNDERLINED)
    );
    assert!(buf[(col("roads"), y)].modifier.contains(Modifier::BOLD));
    assert!(buf[(col("soon"), y)].modifier.contains(Modifier::ITALIC));
    assert!(buf[(col("would"), y)].modifier.is_empty());
}

/// Rows `ys` of the screen, each followed by a row marking the style of every cell:
/// `_` underlined (source), `/` italic (cue), `#` bold (claim, label letter), `.` dim
/// (suggestion letter), `~` reversed (cursor); the first that applies.
fn with_styles(buf: &Buffer, ys: std::ops::Range<u16>) -> String {
    let mut out = String::new();
    for y in ys {
        out.push_str(row(buf, y).trim_end());
        out.push('\n');
        let marks: String = (0..buf.area.width)
            .map(|x| {
                let m = buf[(x, y)].modifier;
                [
                    (Modifier::UNDERLINED, '_'),
                    (Modifier::ITALIC, '/'),
                    (Modifier::BOLD, '#'),
                    (Modifier::DIM, '.'),
                    (Modifier::REVERSED, '~'),
                ]
                .into_iter()
                .find(|(k, _)| m.contains(*k))
                .map_or(' ', |(_, c)| c)
            })
            .collect();
        out.push_str(marks.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn reader_shows_the_analyzer_highlights_and_suggestions() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    app.theme = Theme::new(false, false);
    keys(&mut app, "<enter>f");
    let t = resized(&mut app, 80, 12);
    let buf = t.backend().buffer();
    insta::assert_snapshot!("reader_highlights_80x12", with_styles(buf, 1..11));
    let find = |w: &str| {
        (1..10)
            .find_map(|y| row(buf, y).find(w).map(|x| (x as u16, y)))
            .unwrap()
    };
    // Source, claim and cue spans found by the analyzer, one modifier each.
    let (x, y) = find("minister");
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find("Tuesday");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find("shameful");
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    // The suggestion is a dim lowercase letter in the gutter, unlike the label `F`.
    assert_eq!(buf[(1, y)].symbol(), "o");
    assert!(buf[(1, y)].modifier.contains(Modifier::DIM));
    assert!(!buf[(1, y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(1, 1)].symbol(), "F");
    assert!(buf[(1, 1)].modifier.contains(Modifier::BOLD));
    // The detail line gives the cursor suggestion's reasons and the model that made it.
    let detail = row(buf, 10);
    assert!(detail.starts_with("suggests factual"), "{detail}");
    assert!(
        detail.contains("(rules)") && detail.contains("weak-evaluative"),
        "{detail}"
    );
}

#[test]
fn control_characters_and_wide_text_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("evil.txt"),
        "Titre \u{1b}]0;owned\u{7} ici\n\nUne phrase \u{1b}[2J avec 日本語 et e\u{301}moji 👍 fin.\n",
    )
    .unwrap();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    let t = resized(&mut app, 80, 24);
    let buf = t.backend().buffer();
    assert!(
        buf.content
            .iter()
            .all(|c| !c.symbol().chars().any(|ch| ch.is_control()))
    );
    let screen: Vec<String> = (0..24).map(|y| row(buf, y)).collect();
    assert!(screen[0].contains("Titre ␛]0;owned␇ ici"), "{}", screen[0]);
    let body = screen.iter().find(|l| l.contains("Une phrase")).unwrap();
    assert!(body.contains("␛[2J avec 日"), "{body}");
    insta::assert_snapshot!("evil_80x24", t.backend());
}

#[test]
fn a_frame_smaller_than_the_last_resize_draws_without_panicking() {
    let dir = corpus();
    let mut app = reader_app(dir.path());
    app.update(glose::tui::action::Action::Resize(200, 60));
    for (w, h) in [(60, 12), (80, 24)] {
        let t = render(&app, w, h);
        assert!(row(t.backend().buffer(), h - 1).contains("factual"));
        while app.view != glose::tui::action::View::Library {
            keys(&mut app, "<esc>");
        }
        let t = render(&app, w, h);
        assert!(row(t.backend().buffer(), 0).contains("glose"));
        keys(&mut app, "?");
        render(&app, w, h);
        keys(&mut app, "<esc><enter>");
    }
}

#[test]
fn labels_that_could_not_be_saved_are_marked() {
    let dir = corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    let blocker = crate::support::tui::sidecar_path(dir.path(), "a_rain.txt", "alice");
    std::fs::create_dir(&blocker).unwrap();
    keys(&mut app, "f");
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    assert_eq!(row(buf, 1).get(..3), Some(" F*"));
    assert!(row(buf, 0).contains("NOT SAVED"));
    assert_eq!(buf[(2, 1)].fg, Color::Red);
    std::fs::remove_dir(&blocker).unwrap();
    keys(&mut app, "q");
    let t = render(&app, 80, 24);
    assert_eq!(row(t.backend().buffer(), 1).get(..3), Some(" F "));
}
