//! The binary's non-interactive commands run as a user would (`assert_cmd`, and the real
//! `git` for teams), with files checked on disk.
//! One binary per test level; each module is a file under `tests/cli/`.

#[path = "cli/agree.rs"]
mod agree;
#[path = "cli/check.rs"]
mod check;
#[path = "cli/commands.rs"]
mod commands;
#[path = "cli/cuts.rs"]
mod cuts;
#[path = "cli/doc_status.rs"]
mod doc_status;
#[path = "cli/eval.rs"]
mod eval;
#[path = "cli/eval_groups.rs"]
mod eval_groups;
#[path = "cli/export.rs"]
mod export;
#[path = "cli/export_card.rs"]
mod export_card;
#[path = "cli/hardening.rs"]
mod hardening;
#[path = "cli/import.rs"]
mod import;
#[path = "cli/segment.rs"]
mod segment;
mod support;
#[path = "cli/team_assign.rs"]
mod team_assign;
#[path = "cli/team_git.rs"]
mod team_git;
