//! One key press in the reader plus a full render into a `TestBackend`, for a short
//! article and a 1 MB one. Only the visible sentences are laid out, so both should cost
//! about the same.

use criterion::{Criterion, criterion_group, criterion_main};
use glose::action::Action;
use glose::annotator::Annotator;
use glose::corpus::Corpus;
use glose::keymap::Keymap;
use glose::tui::{App, Theme, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

fn article(bytes: usize) -> String {
    let mut s = String::from("A long article for the benchmark\n\n");
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&format!(
            "Le ministre a déclaré le {i} mars que la route serait rouverte « bientôt ». \
             Heavy rain fell on the capital on Monday morning, said the agency. \
             C'est un désastre honteux pour la ville !"
        ));
        s.push_str(if i % 4 == 3 { "\n\n" } else { " " });
        i += 1;
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
    app.update(Action::Resize(100, 30));
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
    for (name, size) in [("small_2kb", 2_000), ("large_1mb", 1_000_000)] {
        let text = article(size);
        let (_dir, mut app) = app_on(&text);
        let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
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
    let text = article(1_000_000);
    let (_dir, mut app) = app_on(&text);
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
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

criterion_group!(benches, bench);
criterion_main!(benches);
