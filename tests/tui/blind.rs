//! The project file's modes in the reader: `suggestions: Off` shows and accepts nothing,
//! `Rules` never uses a model, `highlights: false` draws no highlight style, and the
//! status bar says which mode is on.

use crate::support::tui::{app, keys, sidecar};
use glose::model::project::{Project, SuggestionMode};
use glose::nlp::analysis::Analyzer;
use glose::tui::App;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn with(dir: &std::path::Path, suggestions: SuggestionMode, highlights: bool) -> App {
    let mut app = app(dir, "alice");
    let p = Project {
        suggestions,
        highlights,
        ..Project::default()
    };
    app.set_analyzer(Analyzer::builtin().with_project(&p));
    keys(&mut app, "<enter>");
    app
}

fn screen(app: &App) -> Buffer {
    let mut t = ratatui::Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| glose::tui::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

fn row(b: &Buffer, y: u16) -> String {
    (0..b.area.width).map(|x| b[(x, y)].symbol()).collect()
}

/// The gutter letters of the text rows (column 1), blanks left out.
fn gutter(b: &Buffer) -> String {
    (1..b.area.height - 2)
        .map(|y| b[(1, y)].symbol())
        .filter(|s| *s != " ")
        .collect()
}

#[test]
fn suggestions_off_show_no_letter_and_accept_nothing() {
    let dir = crate::support::tui::corpus();
    let on = with(dir.path(), SuggestionMode::Learned, true);
    let letters = gutter(&screen(&on));
    assert!(
        !letters.is_empty() && letters.chars().all(|c| c.is_ascii_lowercase()),
        "{letters:?}"
    );
    assert!(row(&screen(&on), 0).contains("│ rules │"));

    let mut off = with(dir.path(), SuggestionMode::Off, true);
    let b = screen(&off);
    assert_eq!(gutter(&b), "", "no suggestion letter");
    assert!(row(&b, 0).contains("│ suggest: off │"), "{}", row(&b, 0));
    let detail = row(&b, 22);
    assert!(
        detail.contains("no suggestion: blind annotation"),
        "{detail}"
    );
    assert!(!detail.contains('%'), "no confidence: {detail}");
    let a = off.article().unwrap();
    assert!(a.analysis.iter().flatten().all(|x| x.suggestion.is_none()));

    // `a` and Enter accept nothing, and say why; nothing is written.
    for key in ["a", "<enter>"] {
        keys(&mut off, key);
        assert_eq!(off.article().unwrap().cursor, 0, "{key}");
        let msg = off.message.clone().unwrap().0;
        assert!(msg.contains("Suggestions are off in glose.ron"), "{msg}");
        assert!(sidecar(dir.path(), "a_rain.txt", "alice").is_none());
    }
    // Nothing to rank either.
    off.message = None;
    keys(&mut off, "m");
    assert!(
        off.message
            .clone()
            .unwrap()
            .0
            .contains("Suggestions are off")
    );
    // A label key still labels.
    keys(&mut off, "f");
    assert_eq!(
        sidecar(dir.path(), "a_rain.txt", "alice")
            .unwrap()
            .labels
            .len(),
        1
    );
    // No trainer runs in this mode.
    off.start_trainer();
    assert!(off.trainer_status().is_none());
}

#[test]
fn rules_mode_never_uses_the_model_and_says_so() {
    let dir = crate::support::tui::corpus();
    let mut app = with(dir.path(), SuggestionMode::Rules, true);
    app.start_trainer();
    assert!(app.trainer_status().is_none(), "no trainer for the rules");
    let b = screen(&app);
    assert!(row(&b, 0).contains("│ rules only │"), "{}", row(&b, 0));
    assert!(row(&b, 22).contains("(rules)"), "{}", row(&b, 22));
    assert!(!gutter(&b).is_empty());
}

/// Distinct styles among the cells of the first text row, right of the gutter.
fn styles_of_first_row(b: &Buffer) -> usize {
    let mut seen = Vec::new();
    for x in 3..b.area.width {
        let c = &b[(x, 3)];
        if c.symbol() != " " && !seen.contains(&c.style()) {
            seen.push(c.style());
        }
    }
    seen.len()
}

#[test]
fn highlights_off_draw_no_highlight_style() {
    let dir = crate::support::tui::corpus();
    // Row 3 is "Heavy rain fell on the capital on Monday morning." (a date highlighted),
    // neither labeled nor under the cursor.
    let on = with(dir.path(), SuggestionMode::Learned, true);
    let b = screen(&on);
    assert!(row(&b, 3).contains("Heavy rain"), "{}", row(&b, 3));
    assert!(styles_of_first_row(&b) > 1, "highlighted when on");
    let off = with(dir.path(), SuggestionMode::Learned, false);
    let b = screen(&off);
    assert!(row(&b, 3).contains("Heavy rain"));
    assert_eq!(styles_of_first_row(&b), 1, "one plain style when off");
    // Suggestions stay: the rules still see the highlights.
    assert!(!gutter(&b).is_empty());
}
