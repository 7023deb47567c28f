//! Every style the UI uses, in one place. Colour is an extra: each distinction (labels,
//! highlights, selection, ranges, errors) also has a letter or a modifier, so the screen
//! reads the same with `NO_COLOR`.

use crate::model::label::Label;
use crate::nlp::highlight::Kind;
use ratatui::style::{Color, Modifier, Style};

/// The active colours, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// Backgrounds for a light terminal.
    pub light: bool,
}

impl Theme {
    /// A theme with or without colour, for a dark or light terminal.
    pub const fn new(color: bool, light: bool) -> Theme {
        Theme { color, light }
    }

    /// Colour unless `NO_COLOR` is set (non-empty) or the config asks for `mono`; `light`
    /// picks backgrounds for light terminals.
    pub fn from_env(config_theme: Option<&str>) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(
            !no_color && config_theme != Some("mono"),
            config_theme == Some("light"),
        )
    }

    fn shade(&self, dark: u8, light: u8) -> Color {
        Color::Indexed(if self.light { light } else { dark })
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    fn bg(&self, c: Color) -> Style {
        if self.color {
            Style::new().bg(c)
        } else {
            Style::new()
        }
    }

    /// Text of a sentence with this label.
    pub fn label(&self, l: Label) -> Style {
        self.fg(match l {
            Label::Factual => Color::Blue,
            Label::Quote => Color::Green,
            Label::Opinion => Color::Magenta,
            Label::Skip => Color::DarkGray,
        })
    }

    /// The gutter letter of a real label.
    pub fn label_mark(&self, l: Label) -> Style {
        self.label(l).add_modifier(Modifier::BOLD)
    }

    /// The gutter letter of a suggestion: dim and lowercase, never mistaken for a label.
    pub fn suggestion_mark(&self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }

    /// A highlight span. The one place a span kind becomes a style; modifiers only, so it
    /// combines with the label colour and survives `NO_COLOR`.
    pub fn span(&self, k: Kind) -> Style {
        match k {
            Kind::Source => Style::new().add_modifier(Modifier::UNDERLINED),
            Kind::Claim => Style::new().add_modifier(Modifier::BOLD),
            Kind::Cue => Style::new().add_modifier(Modifier::ITALIC),
        }
    }

    /// The mark of a row where annotators disagree and gold is still missing: reversed,
    /// so it stands out without colour too.
    pub fn disagreement(&self) -> Style {
        self.fg(Color::Red)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// The mark of a disagreement that gold settles.
    pub fn settled(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The current sentence or list row.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The word a split would start the new sentence at: underlined and bold, out of the
    /// cursor's reverse video, so it shows without colour.
    pub fn split_word(&self) -> Style {
        Style::new()
            .remove_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    /// Sentences inside a range being selected (the gutter also shows a bar).
    pub fn range(&self) -> Style {
        self.bg(self.shade(236, 254))
    }

    /// Status and title bars.
    pub fn bar(&self) -> Style {
        self.bg(self.shade(237, 252)).add_modifier(Modifier::BOLD)
    }

    /// Problems the user must see: failed saves, read-only articles.
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Secondary text: hints, ids, counts.
    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Keys in hints and help.
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A heading of the article: bold and underlined, so it shows without colour too.
    pub fn article_heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The search match inside a sentence: not reversed, so it stands out of the reversed
    /// cursor sentence even without colour.
    pub fn found(&self) -> Style {
        self.bg(Color::Yellow)
            .fg(Color::Black)
            .add_modifier(Modifier::BOLD)
            .remove_modifier(Modifier::REVERSED)
    }

    /// Headings in help and the library.
    pub fn heading(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_every_distinction_keeps_a_modifier_or_letter() {
        let mono = Theme::new(false, false);
        for l in Label::ALL {
            assert_eq!(mono.label(l), Style::new());
            assert!(mono.label_mark(l).add_modifier.contains(Modifier::BOLD));
        }
        for k in [Kind::Source, Kind::Claim, Kind::Cue] {
            assert_ne!(mono.span(k), Style::new());
        }
        assert!(mono.selected().add_modifier.contains(Modifier::REVERSED));
        assert!(mono.suggestion_mark().add_modifier.contains(Modifier::DIM));
        assert!(mono.error().add_modifier.contains(Modifier::BOLD));
        assert!(
            mono.disagreement()
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert!(mono.settled().add_modifier.contains(Modifier::BOLD));
        assert_eq!(mono.range().bg, None);
        let (dark, light) = (Theme::new(true, false), Theme::new(true, true));
        assert_ne!(dark.bar().bg, light.bar().bg);
        assert_ne!(dark.range().bg, light.range().bg);
    }
}
