//! Retrains the learned models (see [`crate::nlp::suggest::folds`]) in a background thread, never in the
//! keypress path. The
//! reader starts it with the corpus and the analyzer, calls [`Trainer::request`] after
//! labels change (cheap; requests made while a training runs coalesce, and only the newest
//! corpus state is trained on), and polls [`Trainer::status`] or
//! [`crate::nlp::analysis::Analyzer::generation`]. The analyzer picks up each new model.

use crate::model::corpus::{Found, Walk};
use crate::model::label::Label;
use crate::model::matrix::LabelMatrix;
use crate::nlp::analysis::Analyzer;
use crate::nlp::lang::Lang;
use crate::nlp::suggest::features;
use crate::nlp::suggest::folds::{self, FOLDS, Labeled, Learned};
use crate::nlp::suggest::model::Example;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the trainer is doing.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// Nothing asked yet.
    Idle,
    Training,
    /// Models are installed; `summary` is [`Learned::describe`].
    Trained {
        model: String,
        examples: usize,
        summary: String,
    },
    /// Too few labels: the rules decide alone.
    TooFew {
        examples: usize,
    },
    Failed(String),
}

/// A snapshot of the trainer's progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub state: State,
    /// Trainings run so far (coalesced requests count once).
    pub runs: usize,
}

#[derive(Debug)]
struct Shared {
    status: Mutex<Status>,
    changed: Condvar,
    /// Set when the handle is dropped: a training in progress stops reading the corpus.
    stop: AtomicBool,
}

/// Handle on the background trainer. Dropping it stops the thread.
#[derive(Debug)]
pub struct Trainer {
    tx: Option<Sender<()>>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

/// Starts the trainer thread for the corpus at `root`; it waits for a first
/// [`Trainer::request`].
pub fn spawn(root: PathBuf, analyzer: Analyzer) -> Trainer {
    let (tx, rx) = mpsc::channel();
    let shared = Arc::new(Shared {
        status: Mutex::new(Status {
            state: State::Idle,
            runs: 0,
        }),
        changed: Condvar::new(),
        stop: AtomicBool::new(false),
    });
    let s = Arc::clone(&shared);
    let thread = std::thread::Builder::new()
        .name("glose-trainer".into())
        .spawn(move || run(&root, &analyzer, &rx, &s))
        .ok();
    Trainer {
        tx: Some(tx),
        shared,
        thread,
    }
}

fn set(shared: &Shared, state: State, finished: bool) {
    if let Ok(mut st) = shared.status.lock() {
        st.state = state;
        if finished {
            st.runs += 1;
        }
    }
    shared.changed.notify_all();
}

fn run(root: &Path, analyzer: &Analyzer, rx: &Receiver<()>, shared: &Shared) {
    while rx.recv().is_ok() {
        // Newest wins: whatever piled up while we trained is one request.
        while rx.try_recv().is_ok() {}
        set(shared, State::Training, false);
        let state = match examples_until(root, analyzer, &shared.stop) {
            _ if shared.stop.load(Ordering::Relaxed) => return,
            Ok(ex) => match Learned::train(&ex, &|| shared.stop.load(Ordering::Relaxed)) {
                None => return,
                Some(l) if l.held_out.model.n() == 0 => {
                    analyzer.set_learned(Some(l));
                    State::TooFew { examples: ex.len() }
                }
                Some(l) => {
                    let state = State::Trained {
                        model: l.name(),
                        examples: ex.len(),
                        summary: l.describe(),
                    };
                    analyzer.set_learned(Some(l));
                    state
                }
            },
            Err(e) => State::Failed(e),
        };
        set(shared, state, true);
    }
}

impl Trainer {
    /// Asks for a retraining on the corpus as it is now. Never blocks.
    pub fn request(&self) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(());
        }
    }

    pub fn status(&self) -> Status {
        self.shared
            .status
            .lock()
            .map(|s| s.clone())
            .unwrap_or(Status {
                state: State::Failed("trainer status lock poisoned".into()),
                runs: 0,
            })
    }

    /// Waits until at least `runs` trainings have finished and none is running, or the
    /// timeout passes; returns the status then. For tests and batch tools.
    pub fn wait(&self, runs: usize, timeout: Duration) -> Status {
        let deadline = std::time::Instant::now() + timeout;
        let Ok(mut st) = self.shared.status.lock() else {
            return self.status();
        };
        while st.runs < runs || st.state == State::Training {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            match self.shared.changed.wait_timeout(st, left) {
                Ok((g, _)) => st = g,
                Err(_) => return self.status(),
            }
        }
        st.clone()
    }
}

impl Drop for Trainer {
    fn drop(&mut self) {
        // Quitting must not wait for a training to read the whole corpus.
        self.shared.stop.store(true, Ordering::Relaxed);
        self.tx.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Training examples from the corpus's sidecars, in corpus order: the `gold` label of a
/// sentence when there is one, else one example per annotator's label. The walk stops
/// once every model has [`folds::MAX_EXAMPLES`] outside its groups, so which examples a
/// model trains on never depends on the labels of the groups it leaves out.
pub fn examples(root: &Path, analyzer: &Analyzer) -> Result<Vec<Labeled>, String> {
    examples_until(root, analyzer, &AtomicBool::new(false))
}

/// What the background trainer would install, trained now in this thread (`glose
/// suggest` shows what the reader would show).
pub fn learn(root: &Path, analyzer: &Analyzer) -> Result<Option<Learned>, String> {
    let ex = examples(root, analyzer)?;
    Ok(Learned::train(&ex, &|| false))
}

/// True once every model trained without two groups has enough examples.
fn enough(per_fold: &[usize; FOLDS]) -> bool {
    let mut sorted = *per_fold;
    sorted.sort_unstable();
    let total: usize = sorted.iter().sum();
    total - sorted[FOLDS - 1] - sorted[FOLDS - 2] >= folds::MAX_EXAMPLES
}

/// [`examples`], giving up (with what it has) as soon as `stop` is set.
fn examples_until(
    root: &Path,
    analyzer: &Analyzer,
    stop: &AtomicBool,
) -> Result<Vec<Labeled>, String> {
    // Walked a step at a time rather than listed first: a stop, or enough examples, ends
    // the walk too (listing 100,000 articles takes a fraction of a second that quitting
    // the reader would otherwise wait for).
    let walk = Walk::open(root).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let mut per_fold = [0usize; FOLDS];
    for found in walk {
        if stop.load(Ordering::Relaxed) || enough(&per_fold) {
            break;
        }
        let Found::Entry(entry) = found else {
            continue;
        };
        if entry.annotators.is_empty() {
            continue;
        }
        let Ok(m) = LabelMatrix::load(&entry) else {
            continue;
        };
        let fold = folds::fold_of(&entry.id);
        let gold = m.column("gold");
        let lang = analyzer.lang(&m.doc);
        for (i, row) in m.rows.iter().enumerate() {
            let labels: Vec<Label> = match gold.and_then(|c| m.label(i, c)) {
                Some(g) => vec![g],
                None => row.iter().flatten().map(|r| r.label).collect(),
            };
            if labels.is_empty() {
                continue;
            }
            let s = m.doc.sentences[i];
            per_fold[fold] += labels.len();
            push_labeled(
                &mut out,
                analyzer,
                (&m.doc.raw, lang, s.start, s.end),
                fold,
                &labels,
            );
        }
    }
    Ok(out)
}

/// Appends one training example per label of the unit `text[start..end]` in group `fold`:
/// its features and what the rules said. The trainer and `glose eval --cross-validate`
/// both make their examples here, so both train the same models on the same labels.
pub fn push_labeled(
    out: &mut Vec<Labeled>,
    analyzer: &Analyzer,
    (text, lang, start, end): (&str, Lang, usize, usize),
    fold: usize,
    labels: &[Label],
) {
    let (end, _) = crate::nlp::analysis::bounded(text, start, end);
    let (spans, skip, cont) = analyzer.evidence(text, lang, start, end);
    let ev = crate::nlp::suggest::Evidence {
        text,
        spans: &spans,
        skip,
        continues_attribution: cont,
    };
    let rules = crate::nlp::suggest::rules(&ev);
    let f = features::extract(&ev, text, start, end, &rules);
    for &label in labels {
        out.push(Labeled {
            fold,
            example: Example {
                features: f.clone(),
                label,
            },
            rules: rules.label,
            rules_confidence: rules.confidence,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropping_an_idle_trainer_stops_it() {
        let dir = tempfile::tempdir().unwrap();
        let t = spawn(dir.path().to_path_buf(), Analyzer::builtin());
        assert_eq!(t.status().state, State::Idle);
        drop(t);
    }

    #[test]
    fn an_empty_corpus_has_too_few_labels() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Une phrase.").unwrap();
        let an = Analyzer::builtin();
        let t = spawn(dir.path().to_path_buf(), an.clone());
        t.request();
        let st = t.wait(1, Duration::from_secs(30));
        assert_eq!(st.state, State::TooFew { examples: 0 });
        assert_eq!(an.model_name(), "rules");
    }

    #[test]
    fn a_stopped_training_reads_nothing_more() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Une phrase. Une autre.").unwrap();
        let doc = crate::model::document::Document::load(&p, "a.txt").unwrap();
        let who = crate::model::annotator::Annotator::new("ann").unwrap();
        let mut a = crate::model::annotations::Annotations::load(&doc, &who).unwrap();
        let s = doc.sentences[0];
        a.set(
            0,
            Some(crate::model::sidecar::Record::new(
                s.start,
                s.end,
                doc.sentence_text(0),
                Label::Factual,
                crate::model::sidecar::How::Hand,
            )),
        );
        a.save(&doc).unwrap();
        let an = Analyzer::builtin();
        assert_eq!(examples(dir.path(), &an).unwrap().len(), 1);
        let stopped = examples_until(dir.path(), &an, &AtomicBool::new(true)).unwrap();
        assert!(stopped.is_empty());
    }
}
