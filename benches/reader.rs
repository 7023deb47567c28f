//! One key press in the reader plus a full render into a 200×60 `TestBackend`, for a 5 KB
//! article and a 1 MB, 10,000-sentence one. Only the visible sentences are laid out, so
//! both should cost about the same. Then opening the 1 MB article to its first frame
//! (read, segment, load labels, render).

use criterion::{Criterion, criterion_group, criterion_main};
use glose::model::annotator::Annotator;
use glose::model::corpus::Corpus;
use glose::tui::action::Action;
use glose::tui::keymap::Keymap;
use glose::tui::{App, Theme, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

/// About `bytes` bytes in `sentences` sentences of French and English news prose, four
/// sentences to a paragraph.
const W: u16 = 200;
const H: u16 = 60;

fn article(sentences: usize, bytes: usize) -> String {
    let per = bytes / sentences;
    let mut s = String::from("A long article for the benchmark\n\n");
    for i in 0..sentences {
        let start = s.len();
        s.push_str(if i % 2 == 0 {
            "Le ministre a déclaré le 3 mars que la route"
        } else {
            "Heavy rain fell on the capital on Monday, said the agency"
        });
        while s.len() - start + 12 < per {
            s.push_str(if i % 2 == 0 {
                " « bientôt »"
            } else {
                " and again"
            });
        }
        s.push_str(if i % 2 == 0 { " rouvrira." } else { " today." });
        s.push_str(if i % 4 == 3 { "\n\n" } else { " " });
    }
    s
}

fn app_on(text: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let corpus = Corpus::scan(dir.path()).unwrap();
    let mut app = App::new(
        corpus,
        Annotator::new("bench").unwrap(),
        Keymap::builtin_default(),
        Theme::new(true, false),
    );
    app.update(Action::Resize(W, H));
    app.update(Action::Open);
    // Start in the middle of the article.
    if let Some(a) = app.article_mut() {
        a.cursor = a.len() / 2;
    }
    app.update(Action::Up);
    (dir, app)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("key_and_render");
    for (name, sentences, size) in [
        ("small_5kb", 50, 5_000),
        ("large_1mb_10k_sentences", 10_000, 1_000_000),
    ] {
        let text = article(sentences, size);
        let found = glose::nlp::segment::segment(&text).len();
        assert!(
            found.abs_diff(sentences) <= sentences / 50 + 1,
            "{found} sentences"
        );
        assert!(
            text.len().abs_diff(size) <= size / 20,
            "{} bytes",
            text.len()
        );
        let (_dir, mut app) = app_on(&text);
        let mut term = Terminal::new(TestBackend::new(W, H)).unwrap();
        let mut down = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                app.update(black_box(if down { Action::Down } else { Action::Up }));
                down = !down;
                term.draw(|f| draw(f, &app)).unwrap();
            })
        });
    }
    group.finish();

    // The two halves, on the 1 MB article, to see where the time goes.
    let text = article(10_000, 1_000_000);
    let (_dir, mut app) = app_on(&text);
    let mut term = Terminal::new(TestBackend::new(W, H)).unwrap();
    let mut down = true;
    c.bench_function("large_1mb/key_only", |b| {
        b.iter(|| {
            app.update(black_box(if down { Action::Down } else { Action::Up }));
            down = !down;
        })
    });
    c.bench_function("large_1mb/render_only", |b| {
        b.iter(|| {
            term.draw(|f| draw(f, black_box(&app))).unwrap();
        })
    });
}

/// From nothing to the first frame of the 1 MB article: scan, open, render.
fn open(c: &mut Criterion) {
    let text = article(10_000, 1_000_000);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    let mut g = c.benchmark_group("open_to_first_frame");
    g.sample_size(20);
    g.bench_function("large_1mb_10k_sentences", |b| {
        b.iter(|| {
            let corpus = Corpus::scan(dir.path()).unwrap();
            let mut app = App::new(
                corpus,
                Annotator::new("bench").unwrap(),
                Keymap::builtin_default(),
                Theme::new(true, false),
            );
            app.update(Action::Resize(W, H));
            app.update(Action::Open);
            let mut term = Terminal::new(TestBackend::new(W, H)).unwrap();
            term.draw(|f| draw(f, &app)).unwrap();
            app
        })
    });
    g.finish();
}

criterion_group!(benches, bench, open);
criterion_main!(benches);
