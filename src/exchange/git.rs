//! A corpus shared through git: `glose init` writes the project file and the
//! `.gitattributes` lines that send glose's files to `glose merge-driver`, and sets the
//! driver in the clone's git config (git does not carry config through clones). The
//! real `git` binary is asked about the work tree and its config.

use crate::model::{assign, project};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The attribute that names glose's driver.
pub const ATTRIBUTE: &str = "merge=glose";

/// The `.gitattributes` lines `glose init` writes: every sidecar (`<article>.<name>.ron`,
/// gold and the corrections file `<article>.cuts.ron` included) and the plan. Article
/// extensions match in any case, as the corpus walk does; git's patterns do not.
pub fn attribute_lines() -> Vec<String> {
    [
        "*.[tT][xX][tT].*.ron",
        "*.[mM][dD].*.ron",
        assign::PLAN_FILE,
    ]
    .iter()
    .map(|p| format!("{p} {ATTRIBUTE}"))
    .collect()
}

/// The driver command, as git runs it.
pub const DRIVER: &str = "glose merge-driver %O %A %B %P";
/// The driver's readable name in git's config.
pub const DRIVER_NAME: &str = "glose: label-by-label merge of sidecars";

/// What `glose init` could not do.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("git config in {}: {msg}", path.display())]
    Git { path: PathBuf, msg: String },
}

/// What `glose init` changed, one line each; empty when everything was already set.
pub type Changes = Vec<String>;

/// Sets up the corpus at `root` for a team: `glose.ron` if absent, the missing
/// `.gitattributes` lines, and, inside a git work tree, the driver in that clone's config.
/// Running it again changes nothing.
pub fn init(root: &Path) -> Result<Changes, InitError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Io { path, source }
    };
    let mut changes = Vec::new();
    let project = root.join(project::FILE_NAME);
    if std::fs::symlink_metadata(&project).is_err() {
        let text = project::Project::default().to_ron();
        crate::store::atomic::write(&project, text.as_bytes()).map_err(io(&project))?;
        changes.push(format!("wrote {}", project::FILE_NAME));
    }
    let attrs = root.join(".gitattributes");
    let old = match crate::store::whole_file::read_string(&attrs, ATTRIBUTES_MAX_BYTES) {
        Ok(t) => t,
        Err(e) if e.is_not_found() => String::new(),
        Err(e) => return Err(io(&attrs)(std::io::Error::other(e.to_string()))),
    };
    let have: Vec<&str> = old.lines().map(str::trim).collect();
    let missing: Vec<String> = attribute_lines()
        .into_iter()
        .filter(|l| !have.contains(&l.as_str()))
        .collect();
    if !missing.is_empty() {
        let mut text = old.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !have.iter().any(|l| l.contains(ATTRIBUTE)) {
            text.push_str("# glose: sidecars and the assignment plan merge label by label\n");
        }
        for l in &missing {
            text.push_str(l);
            text.push('\n');
        }
        crate::store::atomic::write(&attrs, text.as_bytes()).map_err(io(&attrs))?;
        changes.push(format!("added {} line(s) to .gitattributes", missing.len()));
    }
    if work_tree(root).is_some() {
        for (key, value) in [
            ("merge.glose.name", DRIVER_NAME),
            ("merge.glose.driver", DRIVER),
        ] {
            if config_get(root, key).as_deref() != Some(value) {
                config_set(root, key, value)?;
                changes.push(format!("set git config {key}"));
            }
        }
    }
    Ok(changes)
}

/// The top of the git work tree holding `root`; `None` outside one or without git.
pub fn work_tree(root: &Path) -> Option<PathBuf> {
    let out = git(root)
        .args(["rev-parse", "--show-toplevel"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let top = String::from_utf8(out.stdout).ok()?;
    Some(PathBuf::from(top.trim_end_matches(['\n', '\r'])))
}

/// The largest `.gitattributes` glose reads: a FIFO or a huge file there is not waited on.
const ATTRIBUTES_MAX_BYTES: u64 = 1 << 20;

/// When the corpus at `root` sits in a git work tree whose `.gitattributes` (at the
/// corpus root or above it, up to the work tree's top) sends files to glose's driver but
/// whose config lacks the driver: the one command that sets it. git would otherwise merge
/// sidecars as text, with conflict markers.
pub fn driver_hint(root: &Path) -> Option<String> {
    // Cheap first: no attribute naming the driver means no git process is started.
    let names_driver = |dir: &Path| {
        crate::store::whole_file::read_string(&dir.join(".gitattributes"), ATTRIBUTES_MAX_BYTES)
            .is_ok_and(|t| t.lines().any(|l| l.contains(ATTRIBUTE)))
    };
    let abs = std::path::absolute(root).ok()?;
    let mut found = false;
    for dir in abs.ancestors() {
        if names_driver(dir) {
            found = true;
            break;
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    if !found || work_tree(root).is_none() || config_get(root, "merge.glose.driver").is_some() {
        return None;
    }
    Some(format!(
        "this clone's git config lacks glose's merge driver, which .gitattributes names; \
         sidecars would merge as text with conflict markers. Set it with: glose init {}",
        crate::model::sanitize::clean(&root.display().to_string())
    ))
}

fn git(root: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(root);
    c
}

fn config_get(root: &Path, key: &str) -> Option<String> {
    let out = git(root).args(["config", "--get", key]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8(out.stdout)
        .ok()
        .map(|s| s.trim_end_matches(['\n', '\r']).to_string())
}

fn config_set(root: &Path, key: &str, value: &str) -> Result<(), InitError> {
    let err = |msg: String| InitError::Git {
        path: root.to_path_buf(),
        msg,
    };
    let out = git(root)
        .args(["config", "--local", key, value])
        .output()
        .map_err(|e| err(e.to_string()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(err(String::from_utf8_lossy(&out.stderr).trim().to_string()))
    }
}

#[cfg(test)]
mod tests;
