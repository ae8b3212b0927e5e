//! Streams articles through extraction into the store in batches: one
//! transaction per batch, a bad article reported and skipped, memory bounded
//! by the batch size whatever the number of articles.

use std::path::Path;

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

/// Ingests every article under `paths`. `on_error` hears each unreadable
/// article; `on_progress` hears the running count after each batch.
pub fn run<P: AsRef<Path>>(
    store: &mut Store,
    g: &Gazetteer,
    paths: &[P],
    batch_size: usize,
    mut on_error: impl FnMut(&ArticleError),
    mut on_progress: impl FnMut(&Report),
) -> Result<Report, StoreError> {
    let mut report = Report::default();
    let mut batch = Vec::with_capacity(batch_size);
    let mut flush = |batch: &mut Vec<_>, report: &mut Report| -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let stats = store.ingest_batch(batch, g)?;
        report.unchanged += stats.unchanged;
        report.stats += stats;
        batch.clear();
        on_progress(report);
        Ok(())
    };
    for item in Inputs::new(paths) {
        match item {
            Ok(article) => {
                report.read += 1;
                let x = extract(&article, g);
                batch.push((article, x));
                if batch.len() >= batch_size.max(1) {
                    flush(&mut batch, &mut report)?;
                }
            }
            Err(e) => {
                report.failed += 1;
                on_error(&e);
            }
        }
    }
    flush(&mut batch, &mut report)?;
    Ok(report)
}
