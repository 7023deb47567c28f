//! What `status` and `agree` add for a team: progress against the assignment plan, and
//! the git set-up hint on stderr.

use crate::model::assign::{self, Plan, Progress};
use crate::model::index::ArticleInfo;
use crate::model::sanitize::clean;
use std::io::Write;
use std::path::Path;

/// Prints the merge-driver hint on stderr when the clone lacks the driver.
pub fn warn_driver(root: &Path) {
    if let Some(h) = crate::exchange::git::driver_hint(root) {
        let _ = writeln!(std::io::stderr(), "glose: warning: {h}");
    }
}

/// The plan's progress over the indexed articles; `None` when there is no plan.
pub fn progress(root: &Path, infos: &[ArticleInfo]) -> anyhow::Result<Option<Progress>> {
    let Some(plan) = Plan::load(root)? else {
        return Ok(None);
    };
    let rows = infos
        .iter()
        .map(|i| (i.id.as_str(), i.sentences, &i.labeled, &i.status));
    Ok(Some(assign::progress(&plan, rows)))
}

/// The progress as JSON: per annotator counts (articles marked done included), articles
/// ready for review and articles done by every assigned annotator.
pub fn to_json(p: &Progress) -> serde_json::Value {
    serde_json::json!({
        "planned": p.planned,
        "ready_for_review": p.ready_for_review,
        "done_by_all": p.done_by_all,
        "per_annotator": p.per_annotator.iter().map(|(n, c)| (n.clone(), serde_json::json!({
            "assigned": c.assigned, "labeled": c.labeled, "fully_labeled": c.fully_labeled,
            "done": c.done,
        }))).collect::<serde_json::Map<_, _>>(),
    })
}

/// The progress as a table.
pub fn print(out: &mut impl Write, p: &Progress) -> std::io::Result<()> {
    writeln!(
        out,
        "\nassignment plan ({}): {} articles, {} ready for review (all annotators labeled every sentence), {} done by all",
        assign::PLAN_FILE,
        p.planned,
        p.ready_for_review,
        p.done_by_all
    )?;
    writeln!(
        out,
        "{:<20} {:>9} {:>9} {:>14} {:>6}",
        "annotator", "assigned", "labeled", "fully labeled", "done"
    )?;
    for (n, c) in &p.per_annotator {
        writeln!(
            out,
            "{:<20} {:>9} {:>9} {:>14} {:>6}",
            clean(n),
            c.assigned,
            c.labeled,
            c.fully_labeled,
            c.done
        )?;
    }
    writeln!(
        out,
        "(labeled: at least one label; done: the annotator marked the article done)"
    )
}
