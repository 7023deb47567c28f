//! An article whose body is one unit of megabytes: a title line, then words, commas and
//! digits with no sentence end.

/// The title line the huge article starts with.
pub const TITLE: &str = "Un article sans fin";

/// The article text: [`TITLE`], a blank line, then one unit of about `mb` MiB.
pub fn huge_text(mb: usize) -> String {
    let words = "selon le ministre la situation reste grave et a déclaré que les forces armées ont tué 12 militants près de Gao, ";
    let mut s = format!("{TITLE}\n\n");
    while s.len() < mb << 20 {
        s.push_str(words);
    }
    s.push('\n');
    s
}
