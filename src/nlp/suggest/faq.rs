//! Pages of questions and answers (a public service's FAQ, a health page): each question
//! stands alone on its line as the heading of the answer below it. It asks nothing of
//! the reader and argues nothing, so the references label it `skip`, where a question
//! inside a paragraph is the author's rhetoric. One such line could be a subhead of an
//! article (`Et maintenant ?`); a page of them has another close by.

/// How far before and after a question line another one is looked for: bounded, so the
/// cost per unit does not grow with the text.
const REACH: usize = 2 << 10;

/// The most words of a question that heads an answer.
const MAX_WORDS: usize = 14;

/// Whether the unit `text[start..end]` is a question heading an answer on a page of them.
pub fn question_heading(text: &str, start: usize, end: usize) -> bool {
    if !heads_answer(text, start, end) {
        return false;
    }
    let lo = text.floor_char_boundary(start.saturating_sub(REACH));
    let hi = text.floor_char_boundary((end + REACH).min(text.len()));
    let mut at = lo;
    for line in text[lo..hi].split_inclusive('\n') {
        let (a, b) = (at, at + line.trim_end().len());
        at += line.len();
        // A line cut by the window is not judged; the unit itself is not its own pair.
        let whole = (a > lo || lo == 0) && (at < hi || hi == text.len());
        if whole && a != start && b > a && heads_answer(text, a + lead(&text[a..b]), b) {
            return true;
        }
    }
    false
}

/// Leading blanks of a line.
fn lead(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Whether `text[start..end]` is a whole line, a short question, and the next line with
/// text is not a question (an answer follows it).
fn heads_answer(text: &str, start: usize, end: usize) -> bool {
    let s = text[start..end].trim();
    if !s.ends_with('?')
        || s.split_whitespace().count() > MAX_WORDS
        || !super::skip::whole_line(text, start, end)
    {
        return false;
    }
    let rest = &text[end..];
    // The answer's line, read no further than the reach: its end is all that matters.
    let next = rest.trim_start();
    let next = &next[..next.floor_char_boundary(REACH.min(next.len()))];
    let next = &next[..memchr::memchr(b'\n', next.as_bytes()).unwrap_or(next.len())];
    !next.is_empty() && !next.trim_end().ends_with('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(text: &str, unit: &str) -> bool {
        let a = text.find(unit).expect("unit in text");
        question_heading(text, a, a + unit.len())
    }

    #[test]
    fn a_page_of_questions_heads_its_answers() {
        let faq = "Carte d'identité\n\nCombien coûte-t-elle ?\n\nElle est gratuite.\n\n\
                   Comment faire ma demande ?\n\nEn mairie, sur rendez-vous.\n";
        assert!(heading(faq, "Combien coûte-t-elle ?"));
        assert!(heading(faq, "Comment faire ma demande ?"));
        let en = "What is Lyme disease?\nA bacterial infection.\nIs there a vaccine?\nNot yet.\n";
        assert!(heading(en, "Is there a vaccine?"));
    }

    #[test]
    fn one_subhead_or_questions_in_prose_head_nothing() {
        // A lone subhead, however it is shaped.
        let article =
            "Le chantier a pris un an de retard.\n\nEt maintenant ?\n\nLa mairie attend.\n";
        assert!(!heading(article, "Et maintenant ?"));
        // Questions inside paragraphs are the author's.
        let prose = "Who pays? Nobody knows.\n\nWhat has the city learned? Little.\n";
        assert!(!heading(prose, "Who pays?"));
        // Two questions in a row, with no answer between them.
        let list = "Why now?\nWhy here?\n\nThe council chose the site in May.\n";
        assert!(!heading(list, "Why now?"));
        // A long question is a sentence, not a heading.
        let long = "Is it reasonable to expect a council of nine members to audit every one of \
                    the contracts it signs each year?\nNo.\nWhy?\nTime.\n";
        assert!(!heading(
            long,
            "Is it reasonable to expect a council of nine members to audit every one of the contracts it signs each year?"
        ));
    }
}
