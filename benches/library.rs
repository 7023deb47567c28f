//! Opening a big corpus: from start to the first library frame in a 200×60 `TestBackend`
//! (the path the real terminal takes, minus the terminal), which should not depend on the
//! size of the corpus; then until the scan is complete, until the whole index is known on a
//! second start (from the cache), one frame of the complete library, and `Corpus::scan` as
//! the command-line commands use it.
//!
//! The corpus is `GLOSE_BENCH_CORPUS` if set (never written to), else 20,000 small articles
//! generated once in nested folders.

use criterion::{Criterion, criterion_group, criterion_main};
use glose::model::annotator::Annotator;
use glose::model::corpus::Corpus;
use glose::tui::action::Action;
use glose::tui::{App, draw, start};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

const W: u16 = 200;
const H: u16 = 60;

/// `n` articles of a few sentences, 100 to a folder, 10 folders to a folder.
fn generate(root: &Path, n: usize) {
    for i in 0..n {
        let dir = root.join(format!("{:03}/{:02}", i / 1000, i / 10 % 100));
        if i % 10 == 0 {
            std::fs::create_dir_all(&dir).unwrap();
        }
        let text = format!(
            "Article {i} : la route rouvrira\n\nLe ministre a déclaré le 3 mars que la route \
             rouvrira. « C'est une honte », a dit le maire. Heavy rain fell on Monday, said the \
             agency. The council will vote again in {}.\n",
            2000 + i % 30
        );
        std::fs::write(dir.join(format!("article-{i:06}.txt")), text).unwrap();
    }
}

fn frame(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(W, H)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t
}

/// What `run_in` does before its first frame, then that frame.
fn first_frame(root: &Path) -> App {
    let mut app = start(root, Annotator::new("bench").unwrap(), None, false).unwrap();
    app.update(Action::Resize(W, H));
    black_box(frame(&app));
    app
}

/// Takes what the background scan delivers until `done` says so, then draws.
fn until(root: &Path, done: impl Fn(&App) -> bool) -> App {
    let mut app = first_frame(root);
    while !done(&app) {
        if !app.poll_index() {
            std::thread::sleep(Duration::from_micros(200));
        }
    }
    black_box(frame(&app));
    app
}

fn bench(c: &mut Criterion) {
    let generated = tempfile::tempdir().unwrap();
    let root: PathBuf = match std::env::var_os("GLOSE_BENCH_CORPUS") {
        Some(p) => p.into(),
        None => {
            generate(generated.path(), 20_000);
            generated.path().to_path_buf()
        }
    };
    let config = tempfile::tempdir().unwrap();
    let cold = tempfile::tempdir().unwrap();
    let warm = tempfile::tempdir().unwrap();
    let set_cache = |dir: &Path| {
        // SAFETY: the benchmark runs on one thread; the threads a start leaves behind are
        // told to stop when its app is dropped and never read the environment.
        unsafe { std::env::set_var("GLOSE_CACHE_DIR", dir) };
    };
    // SAFETY: as above.
    unsafe { std::env::set_var("GLOSE_CONFIG_DIR", config.path()) };
    let n = Corpus::scan(&root).unwrap().entries.len();
    eprintln!("library bench: {n} articles in {}", root.display());

    let mut g = c.benchmark_group("library");
    g.sample_size(20);
    set_cache(cold.path());
    g.bench_function("first_frame", |b| b.iter(|| first_frame(&root)));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("scan_complete", |b| {
        b.iter(|| until(&root, |app| !app.scanning()))
    });
    set_cache(warm.path());
    // One start that indexes everything, so the next ones find the cache.
    until(&root, |app| app.indexer.is_none());
    g.bench_function("second_start_complete", |b| {
        b.iter(|| until(&root, |app| app.indexer.is_none()))
    });
    let app = until(&root, |app| app.indexer.is_none());
    g.sample_size(20);
    g.bench_function("frame_of_full_library", |b| {
        b.iter(|| black_box(frame(&app)))
    });
    g.bench_function("corpus_scan", |b| {
        b.iter(|| black_box(Corpus::scan(&root).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
