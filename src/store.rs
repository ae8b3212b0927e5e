//! The store: the graph database behind neutral model types. `Store` is
//! the one interface every command reads and writes through; the backend
//! (`sqlite`, the default, a file) is chosen from the `--db` address, and
//! only the backend modules hold SQL. The name look-up's fallback to the
//! gazetteer lives here, above the backends.
//!
//! Invariants: an article is written whole or not at all; the same article
//! (same key and hash) is never written twice; an edge without evidence does
//! not survive a write; a database newer than this binary is refused.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::time::Duration;

use rusqlite::ErrorCode;

use crate::article::Article;
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::ontology::{EdgeType, Kind};

mod model;
mod postgres;
mod sqlite;
mod walk;
pub use model::*;

/// An edge listed with the row ids of its source and target.
pub(crate) type EndsAndRow = ((i64, i64), EdgeRow);

/// An edge's row id with its [`EndsAndRow`]: a listing sorted before its
/// page's evidence is read.
pub(crate) type IdEndsAndRow = ((i64, (i64, i64)), EdgeRow);

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database file could not be opened.
    #[error("cannot open database {path}: {source}")]
    Open {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: rusqlite::Error,
    },
    /// The database was written by a newer geokg.
    #[error(
        "database {path} has schema version {found}, newer than this geokg understands ({known}); upgrade geokg or use another --db"
    )]
    TooNew {
        /// The file.
        path: String,
        /// Its version.
        found: i64,
        /// The newest this binary knows.
        known: i64,
    },
    /// A migration failed.
    #[error("migration {name} failed: {source}")]
    Migration {
        /// The file.
        name: &'static str,
        /// The underlying error.
        #[source]
        source: rusqlite::Error,
    },
    /// A read command named a database that does not exist.
    #[error("no database at {path}; create one with `geokg --db {path} ingest ...`")]
    Missing {
        /// The file.
        path: String,
    },
    /// A read command met a write-ahead log with unmerged changes in a
    /// folder where SQLite cannot create the shared-memory file it needs to
    /// read them; reading the database file alone would drop them.
    #[error(
        "database {path}: its write-ahead log {path}-wal holds changes not yet merged, and SQLite cannot read them without creating {path}-shm in a folder you cannot write to; let a user who can write to {folder} merge it (`sqlite3 {path} 'PRAGMA wal_checkpoint(TRUNCATE)'`), or copy {path} and {path}-wal to a folder you can write to and read the copy"
    )]
    UnmergedLog {
        /// The database file.
        path: String,
        /// Its folder.
        folder: String,
    },
    /// No entity has this name.
    #[error("no entity named '{0}' in the database")]
    NotFound(String),
    /// A command needs the text of an article that was ingested without
    /// its body (`ingest --no-bodies`).
    #[error(
        "article {0} was stored without its body (ingest --no-bodies), and splits, added aliases and undone corrections need the article text; ingest the article again without --no-bodies"
    )]
    NoBody(String),
    /// PostgreSQL failed.
    #[error("database error: {0}")]
    Postgres(#[from] ::postgres::Error),
    /// The PostgreSQL server could not be reached or refused the login.
    #[error("cannot connect to {address}: {source}")]
    Connect {
        /// The address, without its password.
        address: String,
        /// The underlying error.
        #[source]
        source: ::postgres::Error,
    },
    /// A PostgreSQL migration failed.
    #[error("migration postgres/{name} failed: {source}")]
    PostgresMigration {
        /// The file.
        name: &'static str,
        /// The underlying error.
        #[source]
        source: ::postgres::Error,
    },
    /// `copy` writes only into a database that holds no graph yet.
    #[error(
        "the database to copy into already holds articles or corrections; copy into a new, empty database"
    )]
    NotEmpty,
    /// The database's backend cannot do this yet.
    #[error("{what} is not supported on {backend} yet; run it on a SQLite database (--db FILE)")]
    Unsupported {
        /// What was asked: a command or an operation.
        what: String,
        /// The backend.
        backend: &'static str,
    },
    /// A stored value is not what the schema promises.
    #[error("corrupt row: {0}")]
    Corrupt(String),
}

pub(crate) fn parse_kind(s: &str) -> Result<Kind, StoreError> {
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("unknown kind '{s}'")))
}

pub(crate) fn parse_type(s: &str) -> Result<EdgeType, StoreError> {
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("unknown edge type '{s}'")))
}

/// How long a writer waits for another one to finish by default.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

impl StoreError {
    /// The one line a user sees for this error on the database at `path`
    /// (opened with busy timeout `waited`): the file, what went wrong and
    /// what to do, each said once.
    pub fn describe(&self, path: &Path, waited: Duration) -> String {
        if let Some(url) = postgres_address(path) {
            return self.describe_postgres(&postgres::label(url), waited);
        }
        let db = path.display();
        let (stage, e) = match self {
            StoreError::Sqlite(e) | StoreError::Open { source: e, .. } => (String::new(), e),
            StoreError::Migration { name, source } => {
                (format!("migration {name} failed: "), source)
            }
            other => return other.to_string(),
        };
        let (what, hint) = match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => (
                format!("still locked by another writer after waiting {} s", waited.as_secs_f64()),
                "another geokg is writing to it; run again when it is done, or give more time with --wait SECONDS".to_string(),
            ),
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => (
                "not a database, or damaged".to_string(),
                format!("check --db; to save what a damaged one holds: sqlite3 {db} .recover | sqlite3 recovered.db"),
            ),
            Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => (
                "cannot write to it".to_string(),
                "check the permissions of the file and its folder, or use another --db".to_string(),
            ),
            Some(ErrorCode::SystemIoFailure) => (
                "could not read or write the disk".to_string(),
                "check that the disk has free space (and the file no size limit), then run again; an unfinished batch was rolled back".to_string(),
            ),
            Some(ErrorCode::DiskFull) => (
                "the disk is full".to_string(),
                "free some space and run again; the unfinished batch was rolled back".to_string(),
            ),
            Some(ErrorCode::CannotOpen) => (
                "cannot open the file".to_string(),
                "check that its folder exists and can be written".to_string(),
            ),
            _ => (first_line(e), String::new()),
        };
        if hint.is_empty() {
            format!("database {db}: {stage}{what}")
        } else {
            format!("database {db}: {stage}{what}; {hint}")
        }
    }
}

impl StoreError {
    /// [`StoreError::describe`] for a PostgreSQL database (its address
    /// without a password).
    fn describe_postgres(&self, db: &str, waited: Duration) -> String {
        let e = match self {
            StoreError::Postgres(e) => e,
            StoreError::Connect { .. } => return chain(self),
            StoreError::PostgresMigration { .. } => {
                return format!("database {db}: {}", chain(self));
            }
            other => return other.to_string(),
        };
        match e.code() {
            Some(c) if *c == ::postgres::error::SqlState::LOCK_NOT_AVAILABLE => format!(
                "database {db}: still locked by another writer after waiting {} s; another geokg is writing to it; run again when it is done, or give more time with --wait SECONDS",
                waited.as_secs_f64()
            ),
            _ => format!("database {db}: {}", chain(self)),
        }
    }
}

/// An error and its causes, each once, on one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut line = String::new();
    let mut next: Option<&dyn std::error::Error> = Some(e);
    while let Some(e) = next {
        let text = e.to_string();
        if !line.contains(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
        next = e.source();
    }
    line
}

/// SQLite's own message for an error, once (rusqlite repeats it as the
/// error's source).
fn first_line(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) if !msg.is_empty() => msg.clone(),
        other => other.to_string(),
    }
}

/// The graph database: one backend behind one interface. Each method
/// answers the same for every backend (a backend that could not would
/// answer [`StoreError::Unsupported`]).
pub struct Store {
    backend: Backend,
}

/// The backends (an enum rather than a trait object: the interface has
/// generic methods, and a match per method keeps every call static).
enum Backend {
    Sqlite(sqlite::Sqlite),
    /// Boxed: a client with its connection state is three times the size
    /// of a SQLite handle.
    Postgres(Box<postgres::Postgres>),
}

/// Calls the same method on whichever backend the store holds.
macro_rules! dispatch {
    ($self:ident, $b:ident => $call:expr) => {
        match &$self.backend {
            Backend::Sqlite($b) => $call,
            Backend::Postgres($b) => $call,
        }
    };
    (mut $self:ident, $b:ident => $call:expr) => {
        match &mut $self.backend {
            Backend::Sqlite($b) => $call,
            Backend::Postgres($b) => $call,
        }
    };
}

impl Store {
    fn sqlite(s: sqlite::Sqlite) -> Store {
        Store {
            backend: Backend::Sqlite(s),
        }
    }

    /// Opens (creating if needed) and migrates a database for writing,
    /// waiting up to [`BUSY_TIMEOUT`] for another writer.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, BUSY_TIMEOUT)
    }

    /// Opens for writing, waiting up to `wait` for another writer: every
    /// write transaction starts `IMMEDIATE`, so it queues on the lock
    /// instead of failing when it first writes.
    ///
    /// A `postgres://` (or `postgresql://`) address opens that PostgreSQL
    /// database instead; its writers take turns per batch.
    pub fn open_with(path: &Path, wait: Duration) -> Result<Store, StoreError> {
        if let Some(url) = postgres_address(path) {
            return postgres::Postgres::open_with(url, wait).map(Store::postgres);
        }
        sqlite::Sqlite::open_with(path, wait).map(Store::sqlite)
    }

    /// Opens an existing database for reading only: never creates one (a
    /// missing one is [`StoreError::Missing`]), never changes it beyond a
    /// migration of an older one.
    pub fn open_read_only(path: &Path, wait: Duration) -> Result<Store, StoreError> {
        if let Some(url) = postgres_address(path) {
            return postgres::Postgres::open_read_only(url, wait).map(Store::postgres);
        }
        sqlite::Sqlite::open_read_only(path, wait).map(Store::sqlite)
    }

    /// An in-memory SQLite database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        sqlite::Sqlite::open_in_memory().map(Store::sqlite)
    }

    fn postgres(p: postgres::Postgres) -> Store {
        Store {
            backend: Backend::Postgres(Box::new(p)),
        }
    }

    /// The backend's name, as messages say it.
    pub fn backend(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "SQLite",
            Backend::Postgres(_) => "PostgreSQL",
        }
    }

    /// The schema version.
    pub fn version(&self) -> Result<i64, StoreError> {
        dispatch!(self, b => b.version())
    }

    /// Whether this article (key and content hash) is already stored, so
    /// that an ingest can skip extracting it.
    pub fn is_stored(&self, key: &str, hash: &str) -> Result<bool, StoreError> {
        dispatch!(self, b => b.is_stored(key, hash))
    }

    /// Articles per ingest transaction when the user gives none: SQLite
    /// writes fewer bytes per article the bigger the batch (issue 11);
    /// PostgreSQL keeps short transactions, since concurrent writers retry
    /// a conflicting batch whole.
    pub fn default_batch(&self) -> usize {
        match self.backend {
            Backend::Sqlite(_) => 2000,
            Backend::Postgres(_) => 200,
        }
    }

    /// Whether ingest stores each article's body (the default) or leaves
    /// it out and keeps only its evidence sentences (`ingest --no-bodies`).
    /// Corrections that read an article again then refuse, naming it
    /// ([`StoreError::NoBody`]).
    pub fn keep_bodies(&mut self, keep: bool) {
        dispatch!(mut self, b => b.keep_bodies = keep)
    }

    /// Writes a batch of articles in one transaction: all or none.
    pub fn ingest_batch(
        &mut self,
        batch: &[(Article, Extraction)],
        g: &Gazetteer,
    ) -> Result<IngestStats, StoreError> {
        dispatch!(mut self, b => b.ingest_batch(batch, g))
    }

    /// Entities, optionally of one kind and matching a text in a name or
    /// alias, most articles first, then by name.
    pub fn entities(
        &self,
        kind: Option<Kind>,
        matching: Option<&str>,
    ) -> Result<Vec<EntityRow>, StoreError> {
        dispatch!(self, b => b.entities(kind, matching))
    }

    /// One page of [`Store::entities`]: at most `limit` rows (all when
    /// `None`) after skipping `offset`, in the same order, with the number
    /// of entities that match in all.
    pub fn entities_page(
        &self,
        kind: Option<Kind>,
        matching: Option<&str>,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<(Vec<EntityRow>, usize), StoreError> {
        dispatch!(self, b => b.entities_page(kind, matching, limit, offset))
    }

    /// People named by one word only that no full name absorbed: each with
    /// the full names in the graph that share it as surname (two or more, or
    /// one holding an office for another body), so that a user can merge.
    pub fn unresolved_surnames(&self) -> Result<Vec<(EntityRow, Vec<String>)>, StoreError> {
        dispatch!(self, b => b.unresolved_surnames())
    }

    /// Finds an entity by any of its names, case-insensitively; the
    /// gazetteer's aliases work too ("Kharkov" finds Kharkiv). When several
    /// entities share the name, the most mentioned wins.
    pub fn find_entity(&self, name: &str, g: &Gazetteer) -> Result<EntityRow, StoreError> {
        self.find_entity_with(name, || {
            g.lookup(name)
                .iter()
                .map(|r| g.entry(r.entity).id.clone())
                .collect()
        })
    }

    /// [`Store::find_entity`] with the gazetteer asked only when the
    /// database has no such name: `keys` gives the ids of the name's
    /// gazetteer readings, so a caller can build the gazetteer then and
    /// not before.
    pub fn find_entity_with(
        &self,
        name: &str,
        keys: impl FnOnce() -> Vec<String>,
    ) -> Result<EntityRow, StoreError> {
        let mut id = dispatch!(self, b => b.entity_id_named(name))?;
        if id.is_none() {
            for key in keys() {
                if let Some(e) = self.entity_by_key(&key)? {
                    id = Some(e.id);
                    break;
                }
            }
        }
        match id {
            Some(id) => dispatch!(self, b => b.entity_by_id(id)),
            None => Err(StoreError::NotFound(name.to_string())),
        }
    }

    /// Number of stored articles, entities and edges.
    pub fn counts(&self) -> Result<(usize, usize, usize), StoreError> {
        dispatch!(self, b => b.counts())
    }

    /// Edges matching a query, each with its evidence, sorted by count
    /// (most articles first), then by source, type and target.
    pub fn edges(&self, q: &EdgeQuery) -> Result<Vec<EdgeRow>, StoreError> {
        dispatch!(self, b => b.edges(q))
    }

    /// One page of [`Store::edges`]: at most `limit` edges (all when
    /// `None`) after skipping `offset`, in the same order, with the number
    /// of edges that match in all. Evidence is read for the page's edges
    /// only, and one entity's edges are read busiest first from an index,
    /// so that a page of a hub costs a page.
    pub fn edges_page(
        &self,
        q: &EdgeQuery,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<(Vec<EdgeRow>, usize), StoreError> {
        dispatch!(self, b => b.edges_page(q, limit, offset))
    }

    /// The edges of [`Store::edges`], in its order, handed to `f` one at a
    /// time: on SQLite the whole graph is read row by row, so memory does
    /// not grow with it (`export --format json`).
    pub fn for_each_edge<E: From<StoreError>>(
        &self,
        q: &EdgeQuery,
        f: impl FnMut(EdgeRow) -> Result<(), E>,
    ) -> Result<(), E> {
        dispatch!(self, b => b.for_each_edge(q, f))
    }

    /// The edges touching entity `id` with their ends' row ids.
    fn edges_touching(&self, id: i64, q: &EdgeQuery) -> Result<Vec<EndsAndRow>, StoreError> {
        dispatch!(self, b => b.edges_touching(id, q))
    }

    /// The edges within `depth` hops of entity `seed` (ignoring direction)
    /// and every edge among those entities, as [`Store::edges`] would list
    /// them from the whole graph, read from the seed outwards: one indexed
    /// read per entity short of the last hop, then the edges among the
    /// entities found. `keep` says which edges count (the caller's
    /// filters); the query's `from`, `to` and `touching` are ignored.
    /// Memory is bounded by the answer, not the graph.
    ///
    /// With `top`, at most that many entities are kept while walking (the
    /// rule of `store/walk.rs`: the seed, then again and again the end of
    /// the busiest edge in scope from a kept entity fewer than `depth`
    /// hops out), each entity's edges read busiest first a page at a time
    /// and no further than the answer needs; then the edges among them.
    pub fn edges_around(
        &self,
        seed: i64,
        depth: usize,
        top: Option<usize>,
        q: &EdgeQuery,
        keep: impl Fn(&EdgeRow) -> bool,
    ) -> Result<Vec<EdgeRow>, StoreError> {
        let q = EdgeQuery {
            from: None,
            to: None,
            touching: None,
            ..q.clone()
        };
        if let Some(top) = top {
            let ids = walk::nearest(self, seed, depth, top, &q, &keep)?;
            let mut rows = self.edges_among(&ids, &q)?;
            rows.retain(|r| keep(r));
            return Ok(rows);
        }
        // Finding the entities needs no evidence.
        let walk = EdgeQuery {
            evidence_limit: Some(0),
            ..q.clone()
        };
        let mut seen = BTreeSet::from([seed]);
        let mut frontier = vec![seed];
        for _ in 0..depth {
            let mut next = Vec::new();
            for &n in &frontier {
                for ((s, t), r) in self.edges_touching(n, &walk)? {
                    if !keep(&r) {
                        continue;
                    }
                    for x in [s, t] {
                        if seen.insert(x) {
                            next.push(x);
                        }
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        let ids: Vec<i64> = seen.into_iter().collect();
        let mut rows = self.edges_among(&ids, &q)?;
        rows.retain(|r| keep(r));
        Ok(rows)
    }

    /// The edges among these entities (row ids), as [`Store::edges`] would
    /// list them from the whole graph; the query's `from`, `to` and
    /// `touching` are ignored.
    pub fn edges_among(&self, ids: &[i64], q: &EdgeQuery) -> Result<Vec<EdgeRow>, StoreError> {
        dispatch!(self, b => b.edges_among(ids, q))
    }

    /// Title and body of each stored article with this label (its label or
    /// else its key), address and date; a label need not be unique, so the
    /// caller checks which one holds its span.
    pub fn article_texts(
        &self,
        label: &str,
        url: Option<&str>,
        date: Option<&str>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        dispatch!(self, b => b.article_texts(label, url, date))
    }

    /// Every name of an entity (its name and aliases), as spelt.
    pub fn entity_names(&self, id: i64) -> Result<Vec<String>, StoreError> {
        dispatch!(self, b => b.entity_names(id))
    }

    /// Every correction in the order made, with whether it applies.
    pub fn corrections(&self) -> Result<Vec<CurationRow>, StoreError> {
        dispatch!(self, b => b.corrections())
    }

    /// Records a correction and applies it (with a replay of all), in one
    /// transaction; returns it as recorded.
    pub fn record_correction(
        &mut self,
        c: &Correction,
        user: &str,
    ) -> Result<CurationRow, StoreError> {
        dispatch!(mut self, b => b.record_correction(c, user))
    }

    /// One correction by number.
    pub fn correction(&self, id: i64) -> Result<CurationRow, StoreError> {
        dispatch!(self, b => b.correction(id))
    }

    /// Records corrections read from a file (each with its author and
    /// time), skipping those already recorded and not undone, then replays
    /// all; one transaction.
    pub fn import_corrections(
        &mut self,
        list: &[(Correction, String, Option<String>)],
    ) -> Result<Imported, StoreError> {
        dispatch!(mut self, b => b.import_corrections(list))
    }

    /// Undoes correction `id` (by `user`): marks it undone, rebuilds the
    /// articles that touch the entities it concerned (extracted again with
    /// `g`), and replays the corrections left; one transaction.
    pub fn undo_correction(
        &mut self,
        id: i64,
        user: &str,
        g: &Gazetteer,
    ) -> Result<CurationRow, StoreError> {
        dispatch!(mut self, b => b.undo_correction(id, user, g))
    }

    /// The entity whose canonical key this is ("state/RUS").
    pub fn entity_by_key(&self, key: &str) -> Result<Option<EntityRef>, StoreError> {
        dispatch!(self, b => b.entity_by_key(key))
    }

    /// The entities that carry this name or alias (folded), most mentioned
    /// first, then by name: one when the name is unambiguous.
    pub fn entities_named(&self, name: &str) -> Result<Vec<(EntityRef, usize)>, StoreError> {
        dispatch!(self, b => b.entities_named(name))
    }

    /// Every stored name and alias, folded, with its entity's name: what
    /// an unknown name is compared with to suggest the closest ones. Read
    /// only when a name is not found.
    pub fn all_names(&self) -> Result<Vec<(String, String)>, StoreError> {
        dispatch!(self, b => b.all_names())
    }

    /// The earliest and latest article dates (none when no article is
    /// dated).
    pub fn date_span(&self) -> Result<Option<(String, String)>, StoreError> {
        dispatch!(self, b => b.date_span())
    }

    /// The entities joined to `id` by an edge in scope, in either
    /// direction, each once, with its kind; in row id order.
    pub fn adjacent(&self, id: i64, q: &EdgeQuery) -> Result<Vec<(i64, Kind)>, StoreError> {
        dispatch!(self, b => b.adjacent(id, q))
    }

    /// These entities by row id.
    pub fn entity_refs(&self, ids: &[i64]) -> Result<HashMap<i64, EntityRef>, StoreError> {
        dispatch!(self, b => b.entity_refs(ids))
    }

    /// Edges in scope with their support in the period (articles, first
    /// and last date), without their evidence; with `among`, only edges
    /// whose both ends are among these row ids. In row id order.
    pub fn edge_summaries(
        &self,
        q: &EdgeQuery,
        among: Option<&[i64]>,
    ) -> Result<Vec<EdgeSummary>, StoreError> {
        dispatch!(self, b => b.edge_summaries(q, among))
    }

    /// One piece of evidence in scope for an edge: the most confident,
    /// then the earliest.
    pub fn best_evidence(
        &self,
        edge_id: i64,
        q: &EdgeQuery,
    ) -> Result<Option<EvidenceRow>, StoreError> {
        dispatch!(self, b => b.best_evidence(edge_id, q))
    }

    /// For each entity with an edge in scope, the number of distinct
    /// articles that support its edges in the period (row id to count).
    pub fn articles_per_entity(&self, q: &EdgeQuery) -> Result<HashMap<i64, usize>, StoreError> {
        dispatch!(self, b => b.articles_per_entity(q))
    }

    /// The edges of entity `id` in scope, one line per edge and article,
    /// in article date order (undated articles last), each with how many
    /// articles have supported that edge so far.
    pub fn timeline(&self, id: i64, q: &EdgeQuery) -> Result<Vec<TimelineRow>, StoreError> {
        dispatch!(self, b => b.timeline(id, q))
    }

    /// Every piece of evidence for `source TYPE target` (either way round
    /// for a symmetric type) in the asked dates and confidence, negated and
    /// hypothetical statements included and marked; by date, article and
    /// position.
    pub fn explain(
        &self,
        source: i64,
        edge: EdgeType,
        target: i64,
        q: &EdgeQuery,
    ) -> Result<Vec<ExplainRow>, StoreError> {
        dispatch!(self, b => b.explain(source, edge, target, q))
    }

    /// Each edge in scope with its supporting articles in the period up to
    /// `before` and in the period from `after` (undated articles belong to
    /// neither; `q.since` and `q.until` bound the first period's start and
    /// the second's end). Edges with no support in either are left out;
    /// in row id order.
    pub fn diff(
        &self,
        q: &EdgeQuery,
        before: &str,
        after: &str,
    ) -> Result<Vec<DiffRow>, StoreError> {
        dispatch!(self, b => b.diff(q, before, after))
    }

    /// Events in scope: one row per article and edge, in date order
    /// (undated last), then article, then edge.
    pub fn events(&self, q: &EdgeQuery) -> Result<Vec<EventRow>, StoreError> {
        dispatch!(self, b => b.events(q))
    }

    /// The state each person represents in the most articles (ties: the
    /// state's key), person key to state key: an actor's country in the
    /// events export.
    pub fn represented_states(&self) -> Result<HashMap<String, String>, StoreError> {
        dispatch!(self, b => b.represented_states())
    }
}

/// What one batch adds to the aggregates (migration 0009): per entity its
/// new mentions and new articles, per edge its new evidence rows, new
/// articles and the earliest and latest of their dates. Every article
/// written is new (a changed one is deleted first, and its deleted rows
/// mark their edges and entities stale), so an article counts once for each
/// entity and edge it has rows for; `apply` adds the batch with one UPDATE
/// per touched entity and edge instead of one per row.
#[derive(Default)]
pub(crate) struct Tally {
    /// Entity id to (mentions, articles).
    pub(crate) entities: BTreeMap<i64, (i64, i64)>,
    /// Edge id to what its new evidence adds.
    pub(crate) edges: BTreeMap<i64, EdgeTally>,
}

#[derive(Default)]
pub(crate) struct EdgeTally {
    pub(crate) evidence: i64,
    pub(crate) articles: i64,
    pub(crate) first: Option<String>,
    pub(crate) last: Option<String>,
}

impl Tally {
    /// Adds one article's mentions (entity ids, one per row) and evidence
    /// (edge ids, one per row).
    pub(crate) fn add_article(&mut self, date: Option<&str>, mentions: &[i64], evidence: &[i64]) {
        let mut per_entity: BTreeMap<i64, i64> = BTreeMap::new();
        for &id in mentions {
            *per_entity.entry(id).or_default() += 1;
        }
        for (id, n) in per_entity {
            let t = self.entities.entry(id).or_default();
            t.0 += n;
            t.1 += 1;
        }
        let mut per_edge: BTreeMap<i64, i64> = BTreeMap::new();
        for &id in evidence {
            *per_edge.entry(id).or_default() += 1;
        }
        for (id, n) in per_edge {
            let t = self.edges.entry(id).or_default();
            t.evidence += n;
            t.articles += 1;
            if let Some(d) = date {
                if t.first.as_deref().is_none_or(|f| d < f) {
                    t.first = Some(d.to_string());
                }
                if t.last.as_deref().is_none_or(|l| d > l) {
                    t.last = Some(d.to_string());
                }
            }
        }
    }
}

/// The body of an article ingested without it (`--no-bodies`), as far as
/// its stored evidence sentences (byte offset, text) give it: each sentence
/// at its offset and NUL in the gaps, a byte no sentence holds, so that a
/// span of the body lies inside its sentence where it lay in the body and
/// nothing else matches a sentence. Offsets that do not fit (negative, or
/// overlapping the sentence before) are skipped.
pub(crate) fn body_from_sentences(sentences: &[(i64, String)]) -> String {
    let mut body = String::new();
    for (start, text) in sentences {
        let Ok(start) = usize::try_from(*start) else {
            continue;
        };
        if start < body.len() {
            continue;
        }
        body.extend(std::iter::repeat_n('\0', start - body.len()));
        body.push_str(text);
    }
    body
}

/// The order every backend returns edges in: most articles first, then by
/// source, type and target, a statement before its flagged twin.
pub(crate) fn sort_by_weight<T>(out: &mut [(T, EdgeRow)]) {
    out.sort_by(|(_, a), (_, b)| weight_key(a).cmp(&weight_key(b)));
}

/// An edge's place in every listing: most articles first, then source
/// name, type and target name, a statement before its negated or
/// hypothetical twin.
pub(crate) fn weight_key(r: &EdgeRow) -> (std::cmp::Reverse<usize>, &str, EdgeType, &str, bool) {
    (
        std::cmp::Reverse(r.count),
        &r.source,
        r.edge,
        &r.target,
        r.flagged,
    )
}

/// For entity `i` of extraction `x`, what `compatible` weighs: the keys of
/// the bodies it represents in this article, and the keys of every entity
/// the article names. Shared by both backends' surname joins.
pub(crate) fn held_and_named(
    x: &crate::extract::Extraction,
    i: usize,
) -> (Vec<String>, Vec<String>) {
    let held = x
        .relations
        .iter()
        .filter(|r| r.edge == crate::ontology::EdgeType::Represents && r.source == i)
        .map(|r| x.entities[r.target].key.clone())
        .collect();
    let named = x.entities.iter().map(|e| e.key.clone()).collect();
    (held, named)
}

/// Whether a surname-only person (holding offices for `held`, in articles
/// naming `named`) can be the full-name person who holds offices for
/// `full_holds`. When the full name holds offices, the surname must hold
/// one for the same body or, holding none, appear in an article that names
/// one of those bodies ("Foreign Minister Osmani" in an article on North
/// Macedonia is not Kosovo's Vjosa Osmani).
pub(crate) fn compatible(held: &[String], named: &[String], full_holds: &[String]) -> bool {
    if full_holds.is_empty() {
        return true;
    }
    let check = if held.is_empty() { named } else { held };
    full_holds.iter().any(|b| check.contains(b))
}

/// Where merges sent each absorbed key, from the corrections not undone,
/// in order: followed to the end by [`follow`], so a key merged into one
/// later merged again leads to the last survivor. Shared by both
/// backends' replays.
pub(crate) fn redirects<'a>(
    active: impl IntoIterator<Item = &'a Correction>,
) -> HashMap<String, String> {
    let mut map: HashMap<String, String> = HashMap::new();
    for c in active {
        if let (Action::Merge, Some(object)) = (c.action, &c.object)
            && object != &c.subject
        {
            map.insert(object.clone(), c.subject.clone());
        }
    }
    map
}

/// The key a merged-away key now lives on ([`redirects`]).
pub(crate) fn follow<'a>(map: &'a HashMap<String, String>, key: &'a str) -> &'a str {
    let mut key = key;
    // Bounded: a cycle of merges (A into B, then B into A) stops.
    for _ in 0..map.len() {
        match map.get(key) {
            Some(next) if next != key => key = next,
            _ => break,
        }
    }
    key
}

/// What `copy` moved: rows per table (articles, entities, aliases,
/// mentions, edges, evidence, corrections), the same in both databases.
pub type Copied = [usize; 7];

/// Copies every row of the graph in `from` into `to`, which must be empty,
/// in one transaction, then checks that both hold as many rows of each
/// table. The corrections go with it, as recorded: the copy is already
/// corrected, and replays them after every later write.
pub fn copy(from: &Store, to: &mut Store) -> Result<Copied, StoreError> {
    let snapshot = match &from.backend {
        Backend::Sqlite(b) => b.snapshot()?,
        Backend::Postgres(b) => b.snapshot()?,
    };
    match &mut to.backend {
        Backend::Sqlite(b) => b.restore(&snapshot)?,
        Backend::Postgres(b) => b.restore(&snapshot)?,
    }
    let written = match &to.backend {
        Backend::Sqlite(b) => b.snapshot()?,
        Backend::Postgres(b) => b.snapshot()?,
    };
    let (want, got) = (snapshot.counts(), written.counts());
    if want != got {
        return Err(StoreError::Corrupt(format!(
            "copy wrote {got:?} rows where the source holds {want:?}"
        )));
    }
    Ok(got)
}

/// A database as messages name it: the file, or the address without its
/// password.
pub fn shown(db: &Path) -> String {
    match postgres_address(db) {
        Some(url) => postgres::label(url),
        None => db.display().to_string(),
    }
}

/// Whether `--db` names a PostgreSQL database (a `postgres://` or
/// `postgresql://` address) rather than a SQLite file.
pub fn is_postgres_address(db: &Path) -> bool {
    postgres_address(db).is_some()
}

/// The `postgres://` address `--db` names, if it names one.
fn postgres_address(path: &Path) -> Option<&str> {
    path.to_str().filter(|s| postgres::is_address(s))
}

#[cfg(test)]
mod tests {
    use super::body_from_sentences;

    /// Protects the web view over a database ingested with `--no-bodies`:
    /// each stored sentence lies at its byte offset in the rebuilt body,
    /// the gaps hold NUL (no sentence text), and offsets that cannot hold
    /// (negative, overlapping the sentence before) are skipped, not a
    /// panic.
    #[test]
    fn a_body_is_rebuilt_from_its_sentences_at_their_offsets() {
        let s = |v: &[(i64, &str)]| -> Vec<(i64, String)> {
            v.iter().map(|(a, t)| (*a, t.to_string())).collect()
        };
        assert_eq!(
            body_from_sentences(&s(&[(0, "Putin met Xi."), (15, "Biden spoke.")])),
            "Putin met Xi.\0\0Biden spoke."
        );
        assert_eq!(
            body_from_sentences(&s(&[(-1, "x"), (2, "Kyiv"), (3, "overlap"), (7, "é")])),
            "\0\0Kyiv\0é"
        );
        assert_eq!(body_from_sentences(&[]), "");
    }
}
