//! The command line: argument parsing and one module per subcommand.

mod agree;
mod assign;
mod check;
mod eval;
mod export;
mod import;
mod init;
mod merge_driver;
mod segment;
mod status;
mod suggest;
mod team;

use clap::{CommandFactory, Parser, Subcommand};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// glose: read news articles sentence by sentence and label each one factual, quote,
/// opinion or skip. Labels are saved at once in RON sidecar files beside each article.
#[derive(Debug, Parser)]
#[command(
    name = "glose",
    version,
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  glose sample_corpus                 open the annotation UI\n  glose --annotator alice news/       label as alice\n  glose status news/ --json           progress per article"
)]
pub struct Cli {
    /// Corpus folder to open in the annotation UI.
    #[arg(value_name = "CORPUS")]
    pub corpus: Option<PathBuf>,
    #[command(flatten)]
    pub who: WhoArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options that pick the annotator and the keymap.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct WhoArgs {
    /// Annotator name (else GLOSE_ANNOTATOR, else config.ron, else the OS user name).
    #[arg(long, global = true, value_name = "NAME")]
    pub annotator: Option<String>,
    /// Keymap name (default, numeric, …) or path to a keymap file.
    #[arg(long, global = true, value_name = "NAME|PATH")]
    pub keymap: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print an article's sentences, one per line or as JSON lines with byte offsets.
    #[command(
        after_help = "Examples:\n  glose segment article.txt\n  cat article.txt | glose segment - --json"
    )]
    Segment(segment::Args),
    /// Progress per article: sentences and labels by each annotator.
    #[command(after_help = "Examples:\n  glose status\n  glose status news/ --json")]
    Status(status::Args),
    /// Validate every sidecar of a corpus; exit 1 if any problem is found.
    #[command(after_help = "Example:\n  glose check news/")]
    Check(check::Args),
    /// Each sentence of an article with its highlights and suggested label.
    #[command(
        after_help = "Examples:\n  glose suggest article.txt\n  glose suggest article.txt --json"
    )]
    Suggest(suggest::Args),
    /// Score suggestions and highlights against a reference (gold JSONL or gold sidecars).
    #[command(
        after_help = "Examples:\n  glose eval --gold gold.jsonl --corpus news/\n  glose eval --corpus news/ --cross-validate 5 --json"
    )]
    Eval(eval::Args),
    /// Training data from a labeled corpus: JSONL, CSV, TSV, Prodigy or brat, with splits.
    #[command(
        after_help = "Examples:\n  glose export news/ > data.jsonl\n  glose export news/ --labels gold --split train=0.8,dev=0.1,test=0.1 --out data/\n  glose export news/ --format csv --include-skip --out labels.csv"
    )]
    Export(export::Args),
    /// Bring labels made elsewhere (JSON lines) into an annotator's sidecars.
    #[command(
        after_help = "Examples:\n  glose import predictions.jsonl --annotator model-v1 news/\n  glose import seeds.jsonl --annotator ref --dry-run"
    )]
    Import(import::Args),
    /// Agreement between annotators: observed, Cohen's and Fleiss' kappa, Krippendorff's alpha.
    #[command(
        after_help = "Examples:\n  glose agree news/\n  glose agree news/ --annotators alice,bob --exclude skip --json\n  glose agree news/ --against-gold"
    )]
    Agree(agree::Args),
    /// Review annotators side by side and settle disagreements into gold (the UI).
    #[command(
        after_help = "Examples:\n  glose review news/\n  glose review news/ --annotator carol\n\nThe adjudicator is the annotator name (--annotator, GLOSE_ANNOTATOR, config, OS user); `gold` is reserved."
    )]
    Review {
        /// Corpus folder (default: the current folder).
        #[arg(value_name = "CORPUS")]
        corpus: Option<PathBuf>,
    },
    /// Set a corpus up for a team on git: glose.ron, .gitattributes, the merge driver.
    #[command(
        after_help = "Example:\n  glose init news/\n\nRun it once in each clone: git does not carry the driver's config through clones."
    )]
    Init(init::Args),
    /// Plan double annotation: every article gets K distinct annotators, loads balanced.
    #[command(
        after_help = "Examples:\n  glose assign news/ --annotators ana,ben,cleo --per-article 2\n  glose assign news/ --json"
    )]
    Assign(assign::Args),
    /// git's merge driver for glose's files (set up by `glose init`).
    #[command(
        after_help = "Set by glose init as:\n  merge.glose.driver = glose merge-driver %O %A %B %P"
    )]
    MergeDriver(merge_driver::Args),
    /// Print shell completions.
    #[command(
        after_help = "Example:\n  glose completions bash > ~/.local/share/bash-completion/completions/glose"
    )]
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

/// Runs the command line and turns errors into a message on stderr and exit code 1.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.command.is_none()
        && let Some(guess) = cli.corpus.as_deref().and_then(mistyped_command)
    {
        // A usage error as clap reports its own: message, usage line, exit code 2.
        let msg = format!(
            "`{}` is neither a folder nor a command\n\n  tip: a similar command exists: `glose {guess}`",
            cli.corpus.as_deref().unwrap_or(Path::new("")).display()
        );
        Cli::command()
            .error(clap::error::ErrorKind::InvalidSubcommand, msg)
            .exit();
    }
    match run(cli) {
        Ok(code) => code,
        // `glose suggest --json … | head`: the reader stopped reading, which is no error
        // of ours. Quiet, with the status a process killed by SIGPIPE reports (128 + 13),
        // as `cat` gives, so a pipeline under `pipefail` still sees the cut.
        Err(e) if is_broken_pipe(&e) => ExitCode::from(141),
        Err(e) => {
            // Not `eprintln!`, which panics when stderr is a terminal that was closed. Made
            // safe here, once for every message: values quoted from config, keymaps, file
            // names and annotator names could hold escape sequences a terminal obeys.
            let msg = format!("{e:#}");
            let msg = crate::model::sanitize::clean_lines(&msg);
            let _ = writeln!(std::io::stderr(), "glose: error: {msg}");
            ExitCode::from(1)
        }
    }
}

/// Whether the error is a write to a pipe whose reader has gone, however it was wrapped
/// (serde_json keeps the io error inside its own, not as its source).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            })
            == Some(std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // A broken config is reported whatever the command, so it is never silently ignored.
    crate::config::Config::load()?;
    match cli.command {
        Some(Command::Segment(a)) => segment::run(a),
        Some(Command::Status(a)) => status::run(a, &cli.who),
        Some(Command::Check(a)) => check::run(a),
        Some(Command::Suggest(a)) => suggest::run(a),
        Some(Command::Eval(a)) => eval::run(a),
        Some(Command::Export(a)) => export::run(a),
        Some(Command::Import(a)) => import::run(a, &cli.who),
        Some(Command::Agree(a)) => agree::run(a),
        Some(Command::Init(a)) => init::run(a),
        Some(Command::Assign(a)) => assign::run(a),
        Some(Command::MergeDriver(a)) => merge_driver::run(a),
        Some(Command::Review { corpus }) => {
            let corpus = corpus.unwrap_or_else(|| PathBuf::from("."));
            let who = annotator(&cli.who)?;
            if who.is_gold() {
                anyhow::bail!(
                    "`gold` is reserved for adjudicated labels and cannot adjudicate; \
                     pass --annotator with your own name"
                );
            }
            Ok(crate::tui::run_in(
                &corpus,
                who,
                cli.who.keymap.as_deref(),
                true,
            )?)
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "glose", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let corpus = cli.corpus.unwrap_or_else(|| PathBuf::from("."));
            let who = annotator(&cli.who)?;
            if who.is_gold() {
                anyhow::bail!(
                    "`gold` is reserved for adjudicated labels; label under your own name and \
                     settle disagreements with `glose review`"
                );
            }
            Ok(crate::tui::run(&corpus, who, cli.who.keymap.as_deref())?)
        }
    }
}

/// The subcommand that `corpus` most likely meant, when it is a single word that names
/// nothing on disk (`glose statuss`).
fn mistyped_command(corpus: &Path) -> Option<String> {
    let word = corpus.to_str()?;
    if corpus.exists() || word.contains(['/', '\\', '.']) {
        return None;
    }
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .map(|name| (strsim::levenshtein(word, &name), name))
        .filter(|(d, name)| *d <= 2.min(name.len() / 2) || name.starts_with(word))
        .min()
        .map(|(_, name)| name)
}

/// The annotator for this run, from flag, environment, config or OS user.
pub fn annotator(who: &WhoArgs) -> anyhow::Result<crate::model::annotator::Annotator> {
    let cfg = crate::config::Config::load()?;
    let (a, from) =
        crate::model::annotator::resolve(who.annotator.as_deref(), cfg.annotator.as_deref())
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    let _ = from;
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
