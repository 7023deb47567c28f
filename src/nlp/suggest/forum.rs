//! Forum threads: a question a member asks there asserts nothing and argues nothing (the
//! references label it `skip`, as an interviewer's question), where a question in an
//! article is the author's rhetoric. A thread is told by its head: a forum's breadcrumb
//! (`Forum › Automobile › …`), a subreddit (`r/HomeImprovement`), or a post's header
//! (`Posted by u/…`, `Message par …`, `kevin_56 · Posté le …`).

/// How much of a text's start holds its thread head.
const HEAD: usize = 1 << 10;

/// Words that open a line of a thread's head.
const OPENERS: [&str; 3] = ["Forum ", "Forum:", "r/"];

/// Words inside a line of a post's header.
const HEADERS: [&str; 4] = ["Posted by ", "Message par ", "Posté le ", "Posté par "];

/// Whether `text` is a forum thread, by its head.
pub fn is_thread(text: &str) -> bool {
    let head = &text[..text.floor_char_boundary(HEAD.min(text.len()))];
    head.lines()
        .map(str::trim)
        .any(|l| OPENERS.iter().any(|o| l.starts_with(o)) || HEADERS.iter().any(|h| l.contains(h)))
}

/// Whether the unit `s` of `text` is a question asked in a forum thread.
pub fn question(text: &str, s: &str) -> bool {
    s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '»' | '”' | '"'))
        .ends_with('?')
        && is_thread(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_are_told_by_their_head() {
        let fr = "Forum › Jardinage › Tomates\n\nFeuilles qui jaunissent, c'est grave ?\n";
        assert!(question(fr, "Feuilles qui jaunissent, c'est grave ?"));
        let en = "r/HomeImprovement\n\nPosted by u/dave · 4 hr. ago\n\nIs this normal?\n";
        assert!(question(en, "Is this normal?"));
        let article = "Le forum des associations a lieu samedi.\n\nQui viendra ?\n";
        assert!(!question(article, "Qui viendra ?"));
        assert!(!question(fr, "On a posé une PAC en 2021."));
    }
}
