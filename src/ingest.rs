//! Streams articles through extraction into the store in batches: one
//! transaction per batch, a bad article reported and skipped, memory bounded
//! by the batch size whatever the number of articles.

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use crate::article::{ArticleError, Inputs};
use crate::extract::extract;
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

/// Ingests every article under `paths`. `on_error` hears each unreadable
/// article; `on_progress` hears the running totals after each article (the
/// caller decides how often to show them).
pub fn run<P: AsRef<Path>>(
    store: &mut Store,
    g: &Gazetteer,
    paths: &[P],
    batch_size: usize,
    mut on_error: impl FnMut(&ArticleError),
    mut on_progress: impl FnMut(&Report),
) -> Result<Report, Box<Stopped>> {
    let mut report = Report::default();
    match run_inner(
        store,
        g,
        paths,
        batch_size,
        &mut report,
        &mut on_error,
        &mut on_progress,
    ) {
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

fn flush(
    store: &mut Store,
    g: &Gazetteer,
    batch: &mut Vec<(crate::article::Article, crate::extract::Extraction)>,
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
