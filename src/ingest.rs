//! Streams articles through extraction into the store in batches: one
//! transaction per batch, a bad article reported and skipped, memory bounded
//! by the batch size whatever the number of articles. With `jobs` above one,
//! worker threads extract while the one writer stores the results in input
//! order, so the database does not depend on the number of jobs.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, mpsc};
use std::time::Duration;

use serde::Serialize;

use crate::article::{Article, ArticleError, Inputs};
use crate::extract::{Extraction, extract};
use crate::gazetteer::Gazetteer;
use crate::store::{IngestStats, Store, StoreError};

/// Totals of one ingest run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Articles read and extracted.
    pub read: usize,
    /// Articles already stored unchanged.
    pub unchanged: usize,
    /// Articles that could not be read.
    pub failed: usize,
    /// Store totals.
    pub stats: IngestStats,
}

impl Report {
    /// The one summary line printed at the end of an ingest.
    pub fn summary(&self) -> String {
        format!(
            "ingest: {} articles read ({} new, {} replaced, {} unchanged), {} failed; {} entities and {} edges added",
            self.read,
            self.stats.added,
            self.stats.replaced,
            self.unchanged,
            self.failed,
            self.stats.entities_added,
            self.stats.edges_added
        ) + &match self.stats.surnames_joined {
            0 => String::new(),
            n => format!("; {n} surname-only mentions joined to the one person of that surname"),
        }
    }
}

/// An article that could not be read, for the JSON summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// The file (or folder link).
    pub file: String,
    /// The 1-based line, when the error is about one line.
    pub line: Option<usize>,
    /// What went wrong, one line, without the file and line.
    pub message: String,
}

impl From<&ArticleError> for Failure {
    fn from(e: &ArticleError) -> Self {
        Failure {
            file: e.path().to_string(),
            line: e.line(),
            message: e.reason(),
        }
    }
}

impl Report {
    /// The summary as one JSON object (`ingest --format json`): the
    /// counts of the summary line under fixed keys, each failure with its
    /// file, line and message, the run's duration in seconds (to the
    /// millisecond) and `error`, the one-line reason a store failure
    /// stopped the run (`null` when it ran to the end).
    pub fn to_json(
        &self,
        failures: &[Failure],
        elapsed: Duration,
        error: Option<&str>,
    ) -> serde_json::Value {
        serde_json::json!({
            "read": self.read,
            "new": self.stats.added,
            "replaced": self.stats.replaced,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "failures": failures,
            "entities_added": self.stats.entities_added,
            "edges_added": self.stats.edges_added,
            "surnames_joined": self.stats.surnames_joined,
            "elapsed_seconds": (elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
            "error": error,
        })
    }
}

/// An ingest stopped by the store: what was committed before, and why.
#[derive(Debug)]
pub struct Stopped {
    /// The totals of the batches committed before the failure.
    pub report: Report,
    /// The failure.
    pub error: StoreError,
}

/// Ingests every article under `paths`, extracting on `jobs` threads
/// (1: on this one). `on_error` hears each unreadable article; `on_progress`
/// hears the running totals after each article is read (the caller decides
/// how often to show them).
pub fn run<P: AsRef<Path>>(
    store: &mut Store,
    g: &Gazetteer,
    paths: &[P],
    batch_size: usize,
    jobs: usize,
    mut on_error: impl FnMut(&ArticleError),
    mut on_progress: impl FnMut(&Report),
) -> Result<Report, Box<Stopped>> {
    let mut report = Report::default();
    let result = if jobs > 1 {
        run_parallel(
            store,
            g,
            paths,
            batch_size,
            jobs,
            &mut report,
            &mut on_error,
            &mut on_progress,
        )
    } else {
        run_inner(
            store,
            g,
            paths,
            batch_size,
            &mut report,
            &mut on_error,
            &mut on_progress,
        )
    };
    match result {
        Ok(()) => Ok(report),
        Err(error) => Err(Box::new(Stopped { report, error })),
    }
}

fn run_inner<P: AsRef<Path>>(
    store: &mut Store,
    g: &Gazetteer,
    paths: &[P],
    batch_size: usize,
    report: &mut Report,
    on_error: &mut impl FnMut(&ArticleError),
    on_progress: &mut impl FnMut(&Report),
) -> Result<(), StoreError> {
    let batch_size = batch_size.max(1);
    let mut batch = Vec::with_capacity(batch_size.min(MAX_PREALLOCATED));
    for item in Inputs::new(paths) {
        match item {
            Ok(article) => {
                report.read += 1;
                // An unchanged article is known by its hash before the
                // costly part, extraction.
                if store.is_stored(&article.key, &article.content_hash())? {
                    report.unchanged += 1;
                } else {
                    let x = extract(&article, g);
                    batch.push((article, x));
                    if batch.len() >= batch_size {
                        flush(store, g, &mut batch, report)?;
                    }
                }
            }
            Err(e) => {
                report.failed += 1;
                on_error(&e);
            }
        }
        on_progress(report);
    }
    flush(store, g, &mut batch, report)
}

/// Room reserved up front for a batch; a bigger `--batch` grows as it fills.
const MAX_PREALLOCATED: usize = 1024;

/// Articles handed to the workers and not yet back, per job, besides a
/// batch's worth (see `run_parallel`).
const IN_FLIGHT_PER_JOB: usize = 16;

type Extracted = (Article, Extraction);

/// An article back from a worker: not extracted when it was already stored
/// as it was read.
type Done = (usize, Article, Option<Extraction>);

/// `run_inner` with extraction on `jobs` worker threads. This thread reads
/// the articles and numbers them; the workers extract them in any order
/// (skipping the ones already stored); this thread puts them back in number
/// order and only then asks the store whether each is unchanged, batches
/// and writes them: the same questions against the same stored batches as
/// a run with one job, so the same database.
#[allow(clippy::too_many_arguments)]
fn run_parallel<P: AsRef<Path>>(
    store: &mut Store,
    g: &Gazetteer,
    paths: &[P],
    batch_size: usize,
    jobs: usize,
    report: &mut Report,
    on_error: &mut impl FnMut(&ArticleError),
    on_progress: &mut impl FnMut(&Report),
) -> Result<(), StoreError> {
    let batch_size = batch_size.max(1);
    // The writer is this thread: while it commits a batch it hands out no
    // work, so the workers are given a batch's worth ahead, and extract the
    // next batch while this one is written (issue 11: with 32 articles
    // ahead they sat idle through every commit). Memory stays bounded by
    // about twice the batch.
    let window = jobs * IN_FLIGHT_PER_JOB + batch_size;
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Article, bool)>(window);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let work_rx = Mutex::new(work_rx);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (work_rx, done_tx) = (&work_rx, done_tx.clone());
            scope.spawn(move || {
                loop {
                    // A poisoned lock means another worker panicked; this
                    // one stops too, and the writer sees the results end.
                    let next = match work_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, article, stored)) = next else {
                        return;
                    };
                    let x = (!stored).then(|| extract(&article, g));
                    if done_tx.send((seq, article, x)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let mut order = Reorder {
            batch: Vec::with_capacity(batch_size.min(MAX_PREALLOCATED)),
            batch_size,
            next: 0,
            early: BTreeMap::new(),
        };
        let mut sent = 0;
        for item in Inputs::new(paths) {
            match item {
                Ok(article) => {
                    report.read += 1;
                    // Known by its hash before the costly part: the worker
                    // skips it (the writer asks again, in order).
                    let stored = store.is_stored(&article.key, &article.content_hash())?;
                    while sent - order.next >= window {
                        // The workers hold `window` articles: wait for one.
                        let Ok(done) = done_rx.recv() else { break };
                        order.take(done, store, g, report)?;
                    }
                    if work_tx.send((sent, article, stored)).is_err() {
                        break;
                    }
                    sent += 1;
                }
                Err(e) => {
                    report.failed += 1;
                    on_error(&e);
                }
            }
            // Results already back are written as they come.
            while let Ok(done) = done_rx.try_recv() {
                order.take(done, store, g, report)?;
            }
            on_progress(report);
        }
        drop(work_tx);
        for done in done_rx {
            order.take(done, store, g, report)?;
        }
        flush(store, g, &mut order.batch, report)
    })
}

/// Puts the workers' results back in input order and batches them.
struct Reorder {
    batch: Vec<Extracted>,
    batch_size: usize,
    /// The number of the next result to batch.
    next: usize,
    /// Results that came back before an earlier one.
    early: BTreeMap<usize, (Article, Option<Extraction>)>,
}

impl Reorder {
    /// Takes one result; batches it and every waiting result after it once
    /// all before it are in, as `run_inner` would have: an article stored
    /// unchanged is counted and dropped, a full batch is written.
    fn take(
        &mut self,
        (seq, article, x): Done,
        store: &mut Store,
        g: &Gazetteer,
        report: &mut Report,
    ) -> Result<(), StoreError> {
        self.early.insert(seq, (article, x));
        while let Some((article, x)) = self.early.remove(&self.next) {
            self.next += 1;
            if store.is_stored(&article.key, &article.content_hash())? {
                report.unchanged += 1;
                continue;
            }
            // Stored when read, replaced since by an earlier article of
            // the input: extracted here after all.
            let x = x.unwrap_or_else(|| extract(&article, g));
            self.batch.push((article, x));
            if self.batch.len() >= self.batch_size {
                flush(store, g, &mut self.batch, report)?;
            }
        }
        Ok(())
    }
}

fn flush(
    store: &mut Store,
    g: &Gazetteer,
    batch: &mut Vec<Extracted>,
    report: &mut Report,
) -> Result<(), StoreError> {
    if batch.is_empty() {
        return Ok(());
    }
    let stats = store.ingest_batch(batch, g)?;
    report.unchanged += stats.unchanged;
    report.stats += stats;
    batch.clear();
    Ok(())
}
