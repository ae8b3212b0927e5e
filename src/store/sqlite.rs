//! The SQLite backend: schema migrations at open, one transaction per
//! batch of articles, and the queries behind `entities`, `relations`,
//! `show` and the graph.
//!
//! Invariants: an article is written whole or not at all; the same article
//! (same key and hash) is never written twice; an edge without evidence does
//! not survive a write; `PRAGMA user_version` equals the number of applied
//! migrations.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use rusqlite::{
    Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params,
};

use super::{
    EdgeQuery, EdgeRow, Ends, EndsAndRow, EntityRow, EvidenceRow, IdEndsAndRow, IngestStats,
    PagePath, StoreError, Tally, compatible, held_and_named, parse_kind, parse_type,
    sort_by_weight,
};
use crate::article::Article;
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::ontology::{EdgeType, Kind, fold};

mod articles;
mod copy;
mod curation;
mod queries;

/// Migrations, in order; the position is the version.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_init.sql",
        include_str!("../../migrations/0001_init.sql"),
    ),
    (
        "0002_evidence_rule.sql",
        include_str!("../../migrations/0002_evidence_rule.sql"),
    ),
    (
        "0003_evidence_via.sql",
        include_str!("../../migrations/0003_evidence_via.sql"),
    ),
    (
        "0004_person_surname.sql",
        include_str!("../../migrations/0004_person_surname.sql"),
    ),
    (
        "0005_article_identity.sql",
        include_str!("../../migrations/0005_article_identity.sql"),
    ),
    (
        "0006_alias_key_first.sql",
        include_str!("../../migrations/0006_alias_key_first.sql"),
    ),
    (
        "0007_curation.sql",
        include_str!("../../migrations/0007_curation.sql"),
    ),
    (
        "0008_aggregates.sql",
        include_str!("../../migrations/0008_aggregates.sql"),
    ),
    (
        "0009_aggregates_per_batch.sql",
        include_str!("../../migrations/0009_aggregates_per_batch.sql"),
    ),
    (
        "0010_edges_by_weight.sql",
        include_str!("../../migrations/0010_edges_by_weight.sql"),
    ),
    (
        "0011_evidence_by_date.sql",
        include_str!("../../migrations/0011_evidence_by_date.sql"),
    ),
    (
        "0012_sentences_once.sql",
        include_str!("../../migrations/0012_sentences_once.sql"),
    ),
];

/// How a writing connection is tuned for large batches (issue 11). With
/// SQLite's defaults (a 2 MiB page cache, a checkpoint every 4 MiB of log)
/// a batch of a large ingest spilled pages to the log before it committed,
/// read back from the file the index pages it had just evicted, and
/// checkpointed (an `fsync` of the database) every few batches, each time
/// writing again the same hot index pages: 20 times the database's size
/// was written for 100,000 articles. A bigger cache keeps a batch's pages in
/// memory until its commit (64 MiB: as fast at 100,000 articles as 256 MiB),
/// and the log is checkpointed every 64 MiB and trimmed back to that size
/// afterwards. (A memory map of the file saved little and showed the whole
/// file in the process's resident memory.) Durability is unchanged: each batch is still one
/// transaction, committed to the log.
const WRITER_PRAGMAS: &[(&str, i64)] = &[
    // Negative: KiB rather than pages.
    ("cache_size", -64 * 1024),
    // Pages of the page size (4 KiB): 64 MiB.
    ("wal_autocheckpoint", 16 * 1024),
    ("journal_size_limit", 64 << 20),
];

/// A SQLite database file (or an in-memory database).
pub struct Sqlite {
    pub(super) conn: Connection,
    /// Ids an ingest has already looked up or written, kept from one batch
    /// to the next while nothing else changed the database.
    /// (Boxed: the backends' enum stays small.)
    cache: Box<WriteCache>,
    /// Whether ingest stores article bodies (`--no-bodies`: not).
    pub(super) keep_bodies: bool,
}

/// What the writer of an ingest already knows, so that a batch does not
/// ask the database again for the id of every entity and edge each article
/// names, nor upsert an alias the entity already carries (issue 11: these
/// look-ups were over a third of the writer's statements). Every entry is
/// something the database would answer now. The cache is emptied whenever
/// that may no longer hold: another connection committed (`PRAGMA
/// data_version`), this connection wrote outside an ingest batch (its
/// count of changed rows moved), a batch failed and rolled back, or a batch
/// merged or deleted entities or edges (surname joins, replaced articles,
/// replayed corrections).
#[derive(Default)]
struct WriteCache {
    /// `(data_version, total_changes)` when the last batch committed;
    /// `None`: nothing cached.
    valid_at: Option<(i64, u64)>,
    /// Entity key to id.
    entities: HashMap<String, i64>,
    /// Edge (source, type, target, flagged) to id.
    edges: HashMap<(i64, EdgeType, i64, bool), i64>,
    /// (entity, folded alias) to a spelling the stored alias is at least
    /// (in code-point order): an upsert of a spelling not greater changes
    /// nothing.
    aliases: HashMap<(i64, String), String>,
}

/// Entries kept before the cache starts over, whatever the corpus: about
/// 100 MB at most.
const WRITE_CACHE_MAX: usize = 1 << 20;

impl WriteCache {
    fn clear(&mut self) {
        self.valid_at = None;
        self.entities.clear();
        self.edges.clear();
        self.aliases.clear();
    }

    /// Empties the cache when the database may have changed since it was
    /// filled, or when it grew past its bound.
    fn check(&mut self, now: (i64, u64)) {
        let full = self.entities.len() + self.edges.len() + self.aliases.len() > WRITE_CACHE_MAX;
        if self.valid_at != Some(now) || full {
            self.clear();
        }
    }

    /// Upserts an alias unless a spelling at least as great is known to be
    /// stored.
    fn alias(
        &mut self,
        stmt: &mut rusqlite::CachedStatement<'_>,
        id: i64,
        name: &str,
    ) -> Result<(), StoreError> {
        let folded = fold(name);
        let key = (id, folded);
        if self
            .aliases
            .get(&key)
            .is_some_and(|known| name <= known.as_str())
        {
            return Ok(());
        }
        stmt.execute(params![id, name, key.1])?;
        self.aliases.insert(key, name.to_string());
        Ok(())
    }
}

impl EvidenceRow {
    /// A row whose first ten columns are, in order: article, date,
    /// sentence, start, end, text, confidence, role, rule, via (the shape
    /// every evidence query selects).
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(EvidenceRow {
            article: r.get(0)?,
            date: r.get(1)?,
            sentence: r.get(2)?,
            start: r.get(3)?,
            end: r.get(4)?,
            text: r.get(5)?,
            confidence: r.get(6)?,
            role: r.get(7)?,
            rule: r.get(8)?,
            via: r.get(9)?,
        })
    }
}

impl StoreError {
    /// Whether SQLite refused to write (or to set up the files it needs to
    /// read a WAL database).
    fn is_read_only(&self) -> bool {
        let code = match self {
            StoreError::Sqlite(e) | StoreError::Open { source: e, .. } => e.sqlite_error_code(),
            _ => None,
        };
        matches!(code, Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen))
    }
}

/// Whether a non-empty write-ahead log lies beside the database.
fn has_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(Path::new(&wal)).is_ok_and(|m| m.len() > 0)
}

/// `file:PATH?immutable=1`, with the characters a URI reserves escaped.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri + "?immutable=1"
}

impl Sqlite {
    /// Opens (creating if needed) and migrates a database file for writing,
    /// waiting up to [`BUSY_TIMEOUT`] for another writer.
    #[cfg(test)]
    pub fn open(path: &Path) -> Result<Sqlite, StoreError> {
        Sqlite::open_with(path, super::BUSY_TIMEOUT)
    }

    /// Opens for writing, waiting up to `wait` for another writer: every
    /// write transaction starts `IMMEDIATE`, so it queues on the lock
    /// instead of failing when it first writes.
    pub fn open_with(path: &Path, wait: Duration) -> Result<Sqlite, StoreError> {
        let label = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: label.clone(),
            source,
        })?;
        conn.busy_timeout(wait)?;
        Sqlite::setup(conn, &label)
    }

    /// Opens an existing database for reading only: never creates a file
    /// (a missing one is [`StoreError::Missing`]), never changes the
    /// journal mode, works in a folder the user cannot write to. A database
    /// from an older geokg is migrated once through a writing open.
    pub fn open_read_only(path: &Path, wait: Duration) -> Result<Sqlite, StoreError> {
        let label = path.display().to_string();
        if !path.exists() {
            return Err(StoreError::Missing { path: label });
        }
        let open = |target: &str, flags: OpenFlags| -> Result<(Connection, i64), StoreError> {
            let conn =
                Connection::open_with_flags(target, flags).map_err(|source| StoreError::Open {
                    path: label.clone(),
                    source,
                })?;
            conn.busy_timeout(wait)?;
            let version = check_version(&conn, &label)?;
            Ok((conn, version))
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let target = path.to_string_lossy();
        let (conn, version) = match open(&target, flags) {
            Ok(opened) => opened,
            // A WAL database in a folder the user cannot write to: SQLite
            // cannot create the shared-memory file beside it. With no
            // write-ahead log waiting (nobody is writing, every change is in
            // the file), the file can be read as immutable.
            Err(e) if e.is_read_only() && !has_wal(path) => {
                open(&immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)?
            }
            // A log is waiting and cannot be read (SQLite reads one in a
            // read-only folder only when its shared-memory file is already
            // there): say what to do rather than answer without it.
            Err(e) if e.is_read_only() => {
                let folder = match path.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
                    _ => ".".to_string(),
                };
                return Err(StoreError::UnmergedLog {
                    path: label,
                    folder,
                });
            }
            Err(e) => return Err(e),
        };
        if version < MIGRATIONS.len() as i64 {
            drop(conn);
            return Sqlite::open_with(path, wait);
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Sqlite {
            conn,
            cache: Box::default(),
            keep_bodies: true,
        })
    }

    /// An in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Sqlite, StoreError> {
        Sqlite::setup(Connection::open_in_memory()?, ":memory:")
    }

    fn setup(mut conn: Connection, label: &str) -> Result<Sqlite, StoreError> {
        // Refuse a newer database before changing anything in it.
        check_version(&conn, label)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // WAL is refused by some file systems and by in-memory databases; a
        // rollback journal is still correct, so the answer is not checked.
        let _: Result<String, _> = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0));
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Sized for a large ingest (issue 11); pages are taken only as
        // they are used, so a small database costs nothing more.
        for (pragma, value) in WRITER_PRAGMAS {
            conn.pragma_update(None, pragma, value)?;
        }
        let known = MIGRATIONS.len() as i64;
        if check_version(&conn, label)? < known {
            // Exclusive, and the version read again inside: two processes
            // creating one new database take turns, and the second finds
            // the work done.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
            let version = check_version(&tx, label)?;
            for (name, sql) in &MIGRATIONS[version as usize..] {
                tx.execute_batch(sql)
                    .map_err(|source| StoreError::Migration { name, source })?;
            }
            tx.pragma_update(None, "user_version", known)?;
            tx.commit()?;
        }
        Ok(Sqlite {
            conn,
            cache: Box::default(),
            keep_bodies: true,
        })
    }

    /// The schema version.
    pub fn version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Whether this article (key and content hash) is already stored, so
    /// that an ingest can skip extracting it.
    pub fn is_stored(&self, key: &str, hash: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT 1 FROM article WHERE key = ?1 AND hash = ?2 AND (body_kept OR NOT ?3)",
            )?
            .query_row(params![key, hash, self.keep_bodies], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Writes a batch of articles in one transaction: all or none.
    pub fn ingest_batch(
        &mut self,
        batch: &[(Article, Extraction)],
        g: &Gazetteer,
    ) -> Result<IngestStats, StoreError> {
        let mut cache = std::mem::take(&mut self.cache);
        let result = self.write_batch(batch, g, &mut cache);
        if result.is_err() {
            cache.clear();
        }
        self.cache = cache;
        result
    }

    fn write_batch(
        &mut self,
        batch: &[(Article, Extraction)],
        g: &Gazetteer,
        cache: &mut WriteCache,
    ) -> Result<IngestStats, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        cache.check((data_version(&tx)?, tx.total_changes()));
        let mut stats = IngestStats::default();
        let mut surnames = Vec::new();
        let mut tally = Tally::default();
        for (article, x) in batch {
            stats += write_article(
                &tx,
                article,
                x,
                g,
                &mut surnames,
                &mut tally,
                cache,
                self.keep_bodies,
            )?;
        }
        apply_tally(tally, &tx)?;
        surnames.sort();
        surnames.dedup();
        let mut joined = 0;
        for surname in &surnames {
            joined += join_surname_nodes(&tx, surname)?;
        }
        stats.surnames_joined += joined;
        // The user's corrections, replayed over what was just written
        // before it commits: a crash never leaves the graph uncorrected.
        let corrected: bool = tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM curation WHERE undone_at IS NULL)")?
            .query_row([], |r| r.get(0))?;
        curation::replay(&tx)?;
        refresh_aggregates(&tx)?;
        // Merged or deleted entities and edges: what the cache holds may be
        // gone.
        if joined > 0 || corrected || stats.replaced > 0 {
            cache.clear();
        }
        let now = (data_version(&tx)?, tx.total_changes());
        tx.commit()?;
        cache.valid_at = Some(now);
        Ok(stats)
    }

    /// Entities, optionally of one kind and matching a text in a name or alias.
    pub fn entities(
        &self,
        kind: Option<Kind>,
        matching: Option<&str>,
    ) -> Result<Vec<EntityRow>, StoreError> {
        Ok(self.entities_page(kind, matching, None, 0)?.0)
    }

    /// One page of [`Sqlite::entities`]: at most `limit` rows (all when
    /// `None`) after skipping `offset`, with the number of entities that
    /// match in all. Only the page's rows have their aliases read.
    pub fn entities_page(
        &self,
        kind: Option<Kind>,
        matching: Option<&str>,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<(Vec<EntityRow>, usize), StoreError> {
        let pattern = like_pattern(matching);
        let kind = kind.map(Kind::as_str);
        let total: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM entity e WHERE {ENTITIES_WHERE}"
            ))?
            .query_row(params![kind, pattern], |r| r.get(0))?;
        // SQLite reads a negative limit as none.
        let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT e.id, e.key, e.kind, e.name, e.articles AS n
             FROM entity e
             WHERE {ENTITIES_WHERE}
             ORDER BY n DESC, e.name
             LIMIT ?3 OFFSET ?4"
        ))?;
        let rows = stmt.query_map(params![kind, pattern, limit, offset], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, key, kind, name, n) = row?;
            out.push(EntityRow {
                id,
                key,
                kind: parse_kind(&kind)?,
                aliases: self.aliases(id, &name)?,
                name,
                articles: n as usize,
            });
        }
        Ok((out, total as usize))
    }

    /// People named by one word only that no full name absorbed: each with
    /// the full names in the graph that share it as surname (two or more, or
    /// one holding an office for another body), so that a user can merge.
    pub fn unresolved_surnames(&self) -> Result<Vec<(EntityRow, Vec<String>)>, StoreError> {
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT e.id FROM entity e
                 WHERE e.kind = 'person' AND e.surname IS NULL AND e.key LIKE 'person/%'
                   AND instr(e.name, ' ') = 0
                   AND e.mentions > 0",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row = self.entity_by_id(id)?;
            let full: Vec<String> = self
                .conn
                .prepare_cached(
                    "SELECT name FROM entity WHERE surname = ?1 AND kind = 'person' ORDER BY name",
                )?
                .query_map([&row.name], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            out.push((row, full));
        }
        // As `entities` orders them: most articles first, then by name.
        out.sort_by(|(a, _), (b, _)| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok(out)
    }

    fn aliases(&self, id: i64, name: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT alias FROM alias WHERE entity_id = ?1 ORDER BY alias")?;
        let list = stmt
            .query_map([id], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(list.into_iter().filter(|a| a != name).collect())
    }

    pub fn entity_by_id(&self, id: i64) -> Result<EntityRow, StoreError> {
        let row = self.conn.query_row(ENTITY_BY_ID, [id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        Ok(EntityRow {
            id,
            key: row.0,
            kind: parse_kind(&row.1)?,
            aliases: self.aliases(id, &row.2)?,
            name: row.2,
            articles: row.3 as usize,
        })
    }

    /// The row id of the entity a name (folded) means: of those carrying
    /// it as name or alias, the most mentioned, then the first made.
    pub fn entity_id_named(&self, name: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row(FIND_BY_NAME, [&fold(name)], |r| r.get(0))
            .optional()?)
    }

    /// Number of stored articles, entities and edges.
    pub fn counts(&self) -> Result<(usize, usize, usize), StoreError> {
        let n = |sql: &str| -> Result<usize, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok((
            n("SELECT count(*) FROM article")?,
            n("SELECT count(*) FROM entity")?,
            n("SELECT count(*) FROM edge")?,
        ))
    }

    /// Edges matching a query, each with its evidence, sorted by count.
    ///
    /// The edges are found through the index of the end asked about
    /// (one query shape per access path), the other ends asked about are checked on those
    /// rows; each edge's support comes from its stored aggregates (counted
    /// from its evidence, through `evidence_by_edge_date`, only when dates or a
    /// confidence narrow it), and its evidence is read per edge.
    pub fn edges(&self, q: &EdgeQuery) -> Result<Vec<EdgeRow>, StoreError> {
        let (ends, id) = q.listing();
        let rows = self.edge_rows(ends.into(), id, q)?;
        Ok(rows.into_iter().map(|(_, r)| r).collect())
    }

    /// One page of [`Sqlite::edges`]: at most `limit` edges (all when
    /// `None`) after skipping `offset`, in the same order, with the number
    /// of edges that match in all; evidence is read for the page's edges
    /// only. The edges of one entity (`from`, `to` or `touching` alone,
    /// counted from the stored aggregates) are read busiest first from
    /// `edge_by_source_articles` and `edge_by_target_articles`, so a page
    /// of a hub reads its page, not its thousands of edges, and the total
    /// is counted on those indexes alone; any other query (two ends, or
    /// dates or a confidence that recount each edge) is read whole and
    /// cut.
    pub fn edges_page(
        &self,
        q: &EdgeQuery,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<(Vec<EdgeRow>, usize), StoreError> {
        let (shape, id) = match q.page_path() {
            PagePath::ByWeight(ends, id) => (EdgeShape::from(ends), id),
            PagePath::Whole(ends, id) => {
                let (rows, total) = self.edge_rows_page(ends.into(), id, q, limit, offset)?;
                return Ok((rows.into_iter().map(|(_, r)| r).collect(), total));
            }
        };
        let types = types_json(q)?;
        let symmetric = symmetric_json()?;
        let count = |stmt: &mut rusqlite::CachedStatement| -> Result<i64, StoreError> {
            let n = match shape {
                EdgeShape::Touching => stmt.query_row(
                    rusqlite::named_params! {
                        ":id": id, ":types": types, ":flagged": q.include_flagged,
                    },
                    |r| r.get(0),
                )?,
                _ => stmt.query_row(
                    rusqlite::named_params! {
                        ":id": id, ":types": types, ":flagged": q.include_flagged,
                        ":sym": symmetric,
                    },
                    |r| r.get(0),
                )?,
            };
            Ok(n)
        };
        let total = count(&mut self.conn.prepare_cached(&edge_count_sql(&shape))?)?;
        // SQLite reads a negative limit as none.
        let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(&edge_page_sql(&shape))?;
        let mut rows = match shape {
            EdgeShape::Touching => stmt.query(rusqlite::named_params! {
                ":id": id, ":types": types, ":flagged": q.include_flagged,
                ":limit": limit, ":offset": offset,
            })?,
            _ => stmt.query(rusqlite::named_params! {
                ":id": id, ":types": types, ":flagged": q.include_flagged,
                ":sym": symmetric, ":limit": limit, ":offset": offset,
            })?,
        };
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let support = Support {
                articles: r.get::<_, i64>(9)? as usize,
                evidence: r.get::<_, i64>(10)? as usize,
                first_seen: r.get(11)?,
                last_seen: r.get(12)?,
            };
            let evidence = self.edge_evidence(r.get(0)?, q, q.evidence_limit)?;
            out.push(edge_row(r, support, evidence)?);
        }
        Ok((out, total as usize))
    }

    /// The whole graph's edges in [`Sqlite::edges`]' order, each with its
    /// evidence, handed to `f` one at a time as they are read, so that
    /// memory does not grow with the graph (`export --format json`). The
    /// order comes from the SQL (the stored article count, then the names
    /// and the type as `sort_by_weight` orders them). A query that names an
    /// entity or narrows dates or confidence (whose counts are recounted)
    /// is read whole by [`Sqlite::edges`] and then handed over.
    pub fn for_each_edge<E: From<StoreError>>(
        &self,
        q: &EdgeQuery,
        mut f: impl FnMut(EdgeRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let narrowed = q.since.is_some() || q.until.is_some() || q.min_confidence.is_some();
        if narrowed || q.from.is_some() || q.to.is_some() || q.touching.is_some() {
            for r in self.edges(q)? {
                f(r)?;
            }
            return Ok(());
        }
        let types: Vec<&str> = q.types.iter().map(|t| t.as_str()).collect();
        let types_json =
            serde_json::to_string(&types).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut stmt = self
            .conn
            .prepare_cached(&ordered_edges_sql())
            .map_err(StoreError::from)?;
        let mut rows = stmt
            .query(rusqlite::named_params! { ":types": types_json, ":flagged": q.include_flagged })
            .map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let support = Support {
                articles: r.get::<_, i64>(9).map_err(StoreError::from)? as usize,
                evidence: r.get::<_, i64>(10).map_err(StoreError::from)? as usize,
                first_seen: r.get(11).map_err(StoreError::from)?,
                last_seen: r.get(12).map_err(StoreError::from)?,
            };
            if support.evidence == 0 {
                continue;
            }
            let edge_id: i64 = r.get(0).map_err(StoreError::from)?;
            let evidence = self.edge_evidence(edge_id, q, q.evidence_limit)?;
            f(edge_row(r, support, evidence)?)?;
        }
        Ok(())
    }

    /// The edges touching entity `id`, with their ends' row ids, without
    /// the query's `from`, `to` and `touching` (the walk of
    /// [`super::Store::edges_around`]).
    pub(crate) fn edges_touching(
        &self,
        id: i64,
        q: &EdgeQuery,
    ) -> Result<Vec<EndsAndRow>, StoreError> {
        self.edge_rows(EdgeShape::Touching, Some(id), q)
    }

    /// The edges among these entities (row ids), as [`Sqlite::edges`] would
    /// list them from the whole graph; the query's `from`, `to` and
    /// `touching` are ignored.
    pub fn edges_among(&self, ids: &[i64], q: &EdgeQuery) -> Result<Vec<EdgeRow>, StoreError> {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() < 2 {
            return Ok(Vec::new());
        }
        let q = EdgeQuery {
            from: None,
            to: None,
            touching: None,
            ..q.clone()
        };
        let rows = self.edge_rows(EdgeShape::Among(ids), None, &q)?;
        Ok(rows.into_iter().map(|(_, r)| r).collect())
    }

    /// The edges of one shape with their ends' row ids, in `edges`' order.
    fn edge_rows(
        &self,
        shape: EdgeShape,
        id: Option<i64>,
        q: &EdgeQuery,
    ) -> Result<Vec<EndsAndRow>, StoreError> {
        Ok(self.edge_rows_page(shape, id, q, None, 0)?.0)
    }

    /// [`Sqlite::edge_rows`] cut to at most `limit` rows after `offset`,
    /// with how many there are in all; evidence is read for the kept rows
    /// only.
    fn edge_rows_page(
        &self,
        shape: EdgeShape,
        id: Option<i64>,
        q: &EdgeQuery,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<(Vec<EndsAndRow>, usize), StoreError> {
        let types_json = types_json(q)?;
        let symmetric_json = symmetric_json()?;
        let mut stmt = self.conn.prepare_cached(&edge_head_sql(&shape))?;
        let mut rows = match (&shape, id) {
            (EdgeShape::From | EdgeShape::To, Some(id)) => stmt.query(rusqlite::named_params! {
                ":id": id, ":types": types_json, ":flagged": q.include_flagged,
                ":sym": symmetric_json,
            })?,
            (EdgeShape::Among(ids), _) => {
                let ids =
                    serde_json::to_string(ids).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                stmt.query(rusqlite::named_params! {
                    ":ids": ids, ":types": types_json, ":flagged": q.include_flagged,
                })?
            }
            (_, Some(id)) => stmt.query(rusqlite::named_params! {
                ":id": id, ":types": types_json, ":flagged": q.include_flagged,
            })?,
            (_, None) => stmt.query(rusqlite::named_params! {
                ":types": types_json, ":flagged": q.include_flagged,
            })?,
        };
        let narrowed = q.since.is_some() || q.until.is_some() || q.min_confidence.is_some();
        // The whole graph with every piece of evidence: one pass over the
        // evidence beats one indexed read per edge.
        let mut all_evidence = match (shape, q.evidence_limit) {
            (EdgeShape::All, None) => Some(self.all_evidence(q)?),
            _ => None,
        };
        let mut out: Vec<IdEndsAndRow> = Vec::new();
        while let Some(r) = rows.next()? {
            let edge_id: i64 = r.get(0)?;
            let edge = parse_type(&r.get::<_, String>(4)?)?;
            let (s, t): (i64, i64) = (r.get(13)?, r.get(14)?);
            let sym = edge.is_symmetric();
            // The ends asked about other than the one the index found.
            let from_ok = q.from.is_none_or(|x| x == s || sym && x == t);
            let to_ok = q.to.is_none_or(|x| x == t || sym && x == s);
            let touching_ok = q.touching.is_none_or(|x| x == s || x == t);
            if !(from_ok && to_ok && touching_ok) {
                continue;
            }
            let support = if narrowed {
                self.edge_support(edge_id, q)?
            } else {
                Support {
                    articles: r.get::<_, i64>(9)? as usize,
                    evidence: r.get::<_, i64>(10)? as usize,
                    first_seen: r.get(11)?,
                    last_seen: r.get(12)?,
                }
            };
            if support.evidence == 0 {
                continue;
            }
            out.push(((edge_id, (s, t)), edge_row(r, support, Vec::new())?));
        }
        sort_by_weight(&mut out);
        let total = out.len();
        let mut page = Vec::with_capacity(limit.unwrap_or(total).min(total));
        for ((edge_id, ends), mut row) in out
            .into_iter()
            .skip(offset)
            .take(limit.unwrap_or(usize::MAX))
        {
            row.evidence = match all_evidence.as_mut() {
                Some(all) => all.remove(&edge_id).unwrap_or_default(),
                None => self.edge_evidence(edge_id, q, q.evidence_limit)?,
            };
            page.push((ends, row));
        }
        Ok((page, total))
    }

    /// Every piece of evidence in the query's dates and confidence, by
    /// edge row id, each edge's in [`Sqlite::edge_evidence`]'s order.
    fn all_evidence(
        &self,
        q: &EdgeQuery,
    ) -> Result<std::collections::HashMap<i64, Vec<EvidenceRow>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(ALL_EVIDENCE)?;
        let mut rows = stmt.query(rusqlite::named_params! {
            ":since": q.since, ":until": q.until, ":conf": q.min_confidence,
        })?;
        let mut out: std::collections::HashMap<i64, Vec<EvidenceRow>> = Default::default();
        while let Some(r) = rows.next()? {
            out.entry(r.get(10)?)
                .or_default()
                .push(EvidenceRow::from_row(r)?);
        }
        Ok(out)
    }

    /// An edge's support within the query's dates and confidence, counted
    /// from its evidence.
    fn edge_support(&self, edge_id: i64, q: &EdgeQuery) -> Result<Support, StoreError> {
        let mut stmt = self.conn.prepare_cached(EDGE_SUPPORT)?;
        Ok(stmt.query_row(
            rusqlite::named_params! {
                ":edge": edge_id, ":since": q.since, ":until": q.until, ":conf": q.min_confidence,
            },
            |r| {
                Ok(Support {
                    articles: r.get::<_, i64>(0)? as usize,
                    evidence: r.get::<_, i64>(1)? as usize,
                    first_seen: r.get(2)?,
                    last_seen: r.get(3)?,
                })
            },
        )?)
    }

    /// An edge's evidence within the query's dates and confidence, by
    /// date, article and position; the first `limit` pieces when given.
    fn edge_evidence(
        &self,
        edge_id: i64,
        q: &EdgeQuery,
        limit: Option<usize>,
    ) -> Result<Vec<EvidenceRow>, StoreError> {
        // None asked (the walk of `edges_around`): no read at all.
        if limit == Some(0) {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(EDGE_EVIDENCE)?;
        // SQLite reads a negative limit as none.
        let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let rows = stmt.query_map(
            rusqlite::named_params! {
                ":edge": edge_id, ":since": q.since, ":until": q.until, ":conf": q.min_confidence,
                ":limit": limit,
            },
            EvidenceRow::from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// An edge's support: distinct articles, evidence rows, first and last
/// article dates.
struct Support {
    articles: usize,
    evidence: usize,
    first_seen: Option<String>,
    last_seen: Option<String>,
}

/// The access path of an edge listing: the index it reads.
#[derive(Clone, Debug, PartialEq, Eq)]
enum EdgeShape {
    /// Edges from an entity (`edge`'s unique key, which starts with
    /// `source_id`), and symmetric ones to it (`edge_by_target_articles`).
    From,
    /// Edges to an entity, and symmetric ones from it.
    To,
    /// Edges at either end of an entity.
    Touching,
    /// Every edge among these entities (by `edge`'s unique key, which
    /// starts with `source_id`).
    Among(Vec<i64>),
    /// Every edge: the whole graph.
    All,
}

impl From<Ends> for EdgeShape {
    fn from(ends: Ends) -> Self {
        match ends {
            Ends::From => EdgeShape::From,
            Ends::To => EdgeShape::To,
            Ends::Touching => EdgeShape::Touching,
            Ends::All => EdgeShape::All,
        }
    }
}

/// The SQL of an edge listing of this shape. Each branch names its end
/// with an equality on an indexed column; `(? IS NULL OR source_id = ?)`
/// would keep SQLite off the index. Binds `:id` (but `All`), `:sym` (the
/// symmetric types, `From` and `To`), `:types` and `:flagged`.
fn edge_head_sql(shape: &EdgeShape) -> String {
    let head = "SELECT ed.id, s.name, s.key, s.kind, ed.type, t.name, t.key, t.kind, ed.flagged,
                       ed.articles, ed.evidence_count, ed.first_seen, ed.last_seen,
                       ed.source_id, ed.target_id
                FROM edge ed
                JOIN entity s ON s.id = ed.source_id
                JOIN entity t ON t.id = ed.target_id";
    let scope = "ed.rejected = 0 AND (:flagged OR ed.flagged = 0)
                 AND (:types = '[]' OR ed.type IN (SELECT value FROM json_each(:types)))";
    let sym = "ed.type IN (SELECT value FROM json_each(:sym))";
    match shape {
        EdgeShape::From => format!(
            "{head} WHERE ed.source_id = :id AND {scope}
             UNION ALL {head} WHERE ed.target_id = :id AND {sym} AND {scope}"
        ),
        EdgeShape::To => format!(
            "{head} WHERE ed.target_id = :id AND {scope}
             UNION ALL {head} WHERE ed.source_id = :id AND {sym} AND {scope}"
        ),
        EdgeShape::Touching => format!(
            "{head} WHERE ed.source_id = :id AND {scope}
             UNION ALL {head} WHERE ed.target_id = :id AND {scope}"
        ),
        EdgeShape::Among(_) => format!(
            "{head} WHERE ed.source_id IN (SELECT value FROM json_each(:ids))
               AND ed.target_id IN (SELECT value FROM json_each(:ids)) AND {scope}"
        ),
        EdgeShape::All => format!("{head} WHERE {scope}"),
    }
}

/// The arms of a listing of one entity's edges: the indexed end column
/// each reads, and whether it keeps only the symmetric types (`:sym`).
fn one_end_arms(shape: &EdgeShape) -> [(&'static str, bool); 2] {
    match shape {
        EdgeShape::To => [("target_id", false), ("source_id", true)],
        EdgeShape::Touching => [("source_id", false), ("target_id", false)],
        _ => [("source_id", false), ("target_id", true)],
    }
}

/// The scope of [`edge_head_sql`] for a page of one entity's edges, with
/// the edges left without evidence out (as `edges` leaves them), so that
/// the count and the page agree.
fn page_scope(sym: bool) -> String {
    let sym = if sym {
        " AND ed.type IN (SELECT value FROM json_each(:sym))"
    } else {
        ""
    };
    format!(
        "ed.rejected = 0 AND ed.evidence_count > 0 AND (:flagged OR ed.flagged = 0)
         AND (:types = '[]' OR ed.type IN (SELECT value FROM json_each(:types))){sym}"
    )
}

/// One page of the edges of one entity (`From`, `To` or `Touching`) in
/// `sort_by_weight`'s order: the stored article count (most first), the
/// source's name, the type, the target's name, unflagged first, then the
/// row id. Each arm
/// reads `edge_by_source_articles` or `edge_by_target_articles` backwards,
/// sorts only the rows of equal counts, and stops at the page's end.
/// Binds `:id`, `:types`, `:flagged`, `:sym` (but `Touching`), `:limit`
/// and `:offset`.
fn edge_page_sql(shape: &EdgeShape) -> String {
    let arms: Vec<String> = one_end_arms(shape)
        .iter()
        .map(|(end, sym)| {
            format!(
                "SELECT ed.id, s.name AS source_name, s.key, s.kind, ed.type, t.name AS target_name,
                        t.key, t.kind, ed.flagged, ed.articles AS weight, ed.evidence_count,
                        ed.first_seen, ed.last_seen, ed.source_id, ed.target_id,
                        {} AS type_rank
                 FROM edge ed
                 JOIN entity s ON s.id = ed.source_id
                 JOIN entity t ON t.id = ed.target_id
                 WHERE ed.{end} = :id AND {}",
                type_rank_sql(),
                page_scope(*sym)
            )
        })
        .collect();
    format!(
        "{} ORDER BY weight DESC, source_name, type_rank, target_name, 9, 1
         LIMIT :limit OFFSET :offset",
        arms.join(" UNION ALL ")
    )
}

/// How many edges [`edge_page_sql`] lists in all, read from the two
/// covering indexes alone. Same binds but `:limit` and `:offset`.
fn edge_count_sql(shape: &EdgeShape) -> String {
    let arms: Vec<String> = one_end_arms(shape)
        .iter()
        .map(|(end, sym)| {
            format!(
                "(SELECT count(*) FROM edge ed WHERE ed.{end} = :id AND {})",
                page_scope(*sym)
            )
        })
        .collect();
    format!("SELECT {}", arms.join(" + "))
}

/// The edge types in [`EdgeType`]'s order as an SQL expression on `ed.type`.
fn type_rank_sql() -> String {
    let mut types = EdgeType::ALL;
    types.sort();
    let rank: String = types
        .iter()
        .enumerate()
        .map(|(i, t)| format!(" WHEN '{}' THEN {i}", t.as_str()))
        .collect();
    format!("CASE ed.type{rank} END")
}

/// The query's edge types as the JSON list `:types` binds.
fn types_json(q: &EdgeQuery) -> Result<String, StoreError> {
    let types: Vec<&str> = q.types.iter().map(|t| t.as_str()).collect();
    serde_json::to_string(&types).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// The symmetric edge types as the JSON list `:sym` binds: which types
/// match at either end is the ontology's fact, not the SQL's.
fn symmetric_json() -> Result<String, StoreError> {
    let symmetric: Vec<&str> = EdgeType::ALL
        .iter()
        .filter(|t| t.is_symmetric())
        .map(|t| t.as_str())
        .collect();
    serde_json::to_string(&symmetric).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// One row of [`edge_head_sql`] as an [`EdgeRow`], with its support and
/// evidence.
fn edge_row(
    r: &rusqlite::Row,
    support: Support,
    evidence: Vec<EvidenceRow>,
) -> Result<EdgeRow, StoreError> {
    Ok(EdgeRow {
        source: r.get(1)?,
        source_key: r.get(2)?,
        source_kind: parse_kind(&r.get::<_, String>(3)?)?,
        edge: parse_type(&r.get::<_, String>(4)?)?,
        target: r.get(5)?,
        target_key: r.get(6)?,
        target_kind: parse_kind(&r.get::<_, String>(7)?)?,
        flagged: r.get::<_, i64>(8)? != 0,
        count: support.articles,
        first_seen: support.first_seen,
        last_seen: support.last_seen,
        evidence_total: support.evidence,
        evidence,
    })
}

/// The whole graph's edges in `sort_by_weight`'s order: the stored article
/// count (most first), the source's name, the type in [`EdgeType`]'s order,
/// the target's name, unflagged first, then the order rows were written.
fn ordered_edges_sql() -> String {
    format!(
        "{} ORDER BY ed.articles DESC, s.name, {}, t.name, ed.flagged, ed.id",
        edge_head_sql(&EdgeShape::All),
        type_rank_sql()
    )
}

/// The entities listed: of a kind (`?1`, NULL: any) whose name or an
/// alias contains a text (`?2`, a LIKE pattern; NULL: any), and mentioned.
const ENTITIES_WHERE: &str = "(?1 IS NULL OR e.kind = ?1)
    AND (?2 IS NULL OR EXISTS (SELECT 1 FROM alias a WHERE a.entity_id = e.id AND a.folded LIKE ?2 ESCAPE '\\')
         OR lower(e.name) LIKE ?2 ESCAPE '\\')
    AND e.mentions > 0";

/// A text taken literally as a LIKE pattern for "contains": `%`, `_` and
/// the escape character match themselves.
fn like_pattern(matching: Option<&str>) -> Option<String> {
    matching.map(|m| {
        let escaped = fold(m)
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    })
}

/// An entity with its stored article count, by row id.
const ENTITY_BY_ID: &str = "SELECT key, kind, name, articles FROM entity WHERE id = ?1";

/// The entity a name means: of those carrying the folded name, the most
/// mentioned (its stored count), then the first made.
const FIND_BY_NAME: &str = "SELECT a.entity_id FROM alias a JOIN entity e ON e.id = a.entity_id
     WHERE a.folded = ?1
     ORDER BY e.mentions DESC, a.entity_id
     LIMIT 1";

/// One edge's support in the asked dates and confidence, from its
/// evidence (`evidence_by_edge_date`).
const EDGE_SUPPORT: &str =
    "SELECT count(DISTINCT ev.article_id), count(*), min(a.date), max(a.date)
     FROM evidence ev JOIN article a ON a.id = ev.article_id
     WHERE ev.edge_id = :edge
       AND (:since IS NULL OR a.date >= :since)
       AND (:until IS NULL OR a.date <= :until)
       AND (:conf IS NULL OR ev.confidence >= :conf)";

/// One edge's evidence in the asked dates and confidence, by date, article
/// and position (then the order written), up to `:limit` rows (negative: all).
/// The evidence row's copy of its article's date (migration 0011) is read
/// in order from `evidence_by_edge_date`; only the rows of one date are
/// sorted by article and position, and the read stops at the date that
/// fills the limit.
const EDGE_EVIDENCE: &str =
    "SELECT coalesce(a.label, a.key), ev.date, ev.sentence, ev.start, ev.end, coalesce((SELECT sn.text FROM sentence sn WHERE sn.article_id = ev.article_id AND sn.headline = ev.headline AND sn.idx = ev.sentence), ev.text),
            ev.confidence, ev.role, ev.rule, ev.via
     FROM evidence ev JOIN article a ON a.id = ev.article_id
     WHERE ev.edge_id = :edge
       AND (:since IS NULL OR ev.date >= :since)
       AND (:until IS NULL OR ev.date <= :until)
       AND (:conf IS NULL OR ev.confidence >= :conf)
     ORDER BY ev.date, coalesce(a.label, a.key), a.key, ev.start, ev.rowid
     LIMIT :limit";

/// Every piece of evidence in the asked dates and confidence, with its
/// edge, in [`EDGE_EVIDENCE`]'s order within each edge: the whole graph.
const ALL_EVIDENCE: &str =
    "SELECT coalesce(a.label, a.key), a.date, ev.sentence, ev.start, ev.end, coalesce((SELECT sn.text FROM sentence sn WHERE sn.article_id = ev.article_id AND sn.headline = ev.headline AND sn.idx = ev.sentence), ev.text),
            ev.confidence, ev.role, ev.rule, ev.via, ev.edge_id
     FROM evidence ev JOIN article a ON a.id = ev.article_id
     WHERE (:since IS NULL OR a.date >= :since)
       AND (:until IS NULL OR a.date <= :until)
       AND (:conf IS NULL OR ev.confidence >= :conf)
     ORDER BY ev.edge_id, a.date, coalesce(a.label, a.key), a.key, ev.start, ev.rowid";

/// Adds a batch's tally to the stored aggregates. `min()` and `max()` of a
/// NULL are NULL: an edge without dates keeps what it had, and its
/// first dated article sets them.
fn apply_tally(tally: Tally, tx: &Transaction) -> Result<(), StoreError> {
    let mut entity = tx.prepare_cached(
        "UPDATE entity SET mentions = mentions + ?2, articles = articles + ?3 WHERE id = ?1",
    )?;
    for (id, (mentions, articles)) in tally.entities {
        entity.execute(params![id, mentions, articles])?;
    }
    let mut edge = tx.prepare_cached(
        "UPDATE edge SET
             evidence_count = evidence_count + ?2,
             articles = articles + ?3,
             first_seen = coalesce(min(first_seen, ?4), first_seen, ?4),
             last_seen = coalesce(max(last_seen, ?5), last_seen, ?5)
         WHERE id = ?1",
    )?;
    for (id, t) in tally.edges {
        edge.execute(params![id, t.evidence, t.articles, t.first, t.last])?;
    }
    Ok(())
}

/// Recounts the aggregates of the edges and entities whose evidence or
/// mentions were deleted or moved in this transaction (migration 0008's
/// triggers list them); called before every write transaction commits.
fn refresh_aggregates(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "UPDATE edge SET (articles, evidence_count, first_seen, last_seen) =
             (SELECT count(DISTINCT ev.article_id), count(*), min(a.date), max(a.date)
                FROM evidence ev JOIN article a ON a.id = ev.article_id
               WHERE ev.edge_id = edge.id)
          WHERE id IN (SELECT id FROM stale_edge);
         DELETE FROM stale_edge;
         UPDATE entity SET (articles, mentions) =
             (SELECT count(DISTINCT m.article_id), count(*) FROM mention m WHERE m.entity_id = entity.id)
          WHERE id IN (SELECT id FROM stale_entity);
         DELETE FROM stale_entity;",
    )?;
    Ok(())
}

/// A number that changes when another connection commits to the database
/// (not when this one does).
fn data_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// The database's schema version; a newer one than this binary knows is
/// refused with what to do.
fn check_version(conn: &Connection, label: &str) -> Result<i64, StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew {
            path: label.to_string(),
            found: version,
            known,
        });
    }
    Ok(version)
}

/// The one person already in the graph whose surname is this one-word
/// person's name ("Cortizo" -> Laurentino Cortizo), when the article names
/// nobody else so and the two are `compatible`. Two or
/// more such people (Moïse, Hussein) join none: the name stays its own node,
/// which `unresolved_surnames` lists.
fn by_surname(
    tx: &Transaction,
    x: &Extraction,
    i: usize,
    e: &crate::resolve::Entity,
) -> Result<Option<i64>, StoreError> {
    if e.kind != Kind::Person || e.known.is_some() || e.name.contains(' ') {
        return Ok(None);
    }
    let Some(id) = only_person_with_surname(tx, &e.name)? else {
        return Ok(None);
    };
    let (here, named) = held_and_named(x, i);
    Ok(compatible(&here, &named, &bodies(tx, id)?).then_some(id))
}

/// The one stored person with this surname; none when there are none or
/// several (Moïse, Hussein).
fn only_person_with_surname(tx: &Transaction, surname: &str) -> Result<Option<i64>, StoreError> {
    let ids: Vec<i64> = tx
        .prepare_cached("SELECT id FROM entity WHERE surname = ?1 AND kind = 'person' LIMIT 2")?
        .query_map([surname], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(match ids[..] {
        [id] => Some(id),
        _ => None,
    })
}

/// The keys of the bodies a stored person represents.
fn bodies(tx: &Transaction, id: i64) -> Result<Vec<String>, StoreError> {
    Ok(tx
        .prepare_cached(
            "SELECT t.key FROM edge JOIN entity t ON t.id = edge.target_id
             WHERE edge.source_id = ?1 AND edge.type = 'represents'",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// A person first named by surname alone ("Cortizo") and later in full
/// ("Laurentino Cortizo"): when the full name is the only one in the graph
/// with that surname, the surname's node joins it: its mentions, aliases and
/// evidence move over, and its edges merge into the full name's. Returns
/// how many nodes joined (0 or 1).
fn join_surname_nodes(tx: &Transaction, surname: &str) -> Result<usize, StoreError> {
    let Some(full) = only_person_with_surname(tx, surname)? else {
        return Ok(0);
    };
    let one: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM entity WHERE name = ?1 AND kind = 'person' AND surname IS NULL
               AND qid IS NULL AND key = 'person/' || ?2",
        )?
        .query_row(params![surname, crate::resolve::slug(surname)], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(one) = one else { return Ok(0) };
    let named: Vec<String> = tx
        .prepare_cached(
            "SELECT DISTINCT e.key FROM mention m JOIN entity e ON e.id = m.entity_id
             WHERE m.article_id IN (SELECT article_id FROM mention WHERE entity_id = ?1)",
        )?
        .query_map([one], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if !compatible(&bodies(tx, one)?, &named, &bodies(tx, full)?) {
        return Ok(0);
    }
    merge_nodes(tx, one, full)?;
    Ok(1)
}

/// Moves everything of entity `one` onto entity `full` (mentions, aliases,
/// evidence; edges that become duplicates combine, edges between the two
/// go with their evidence) and deletes `one`: a surname join, and a
/// user's `merge`.
fn merge_nodes(tx: &Transaction, one: i64, full: i64) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE mention SET entity_id = ?2 WHERE entity_id = ?1")?
        .execute([one, full])?;
    tx.prepare_cached(
        "INSERT INTO alias (entity_id, alias, folded)
         SELECT ?2, alias, folded FROM alias WHERE entity_id = ?1 AND true
         ON CONFLICT (entity_id, folded) DO UPDATE SET alias = excluded.alias
           WHERE excluded.alias > alias",
    )?
    .execute([one, full])?;
    // In the order the indexes give them (the source's edges by type and
    // target, then the target's by id), written out so that the edges this
    // makes get their ids, which outputs break ties by, in the same order on
    // every backend.
    let edges: Vec<(i64, i64, String, i64, bool)> = tx
        .prepare_cached(
            "SELECT id, source_id, type, target_id, flagged FROM edge
             WHERE source_id = ?1 OR target_id = ?1
             ORDER BY source_id <> ?1,
                      CASE WHEN source_id = ?1 THEN type END,
                      CASE WHEN source_id = ?1 THEN target_id END,
                      CASE WHEN source_id = ?1 THEN flagged END,
                      id",
        )?
        .query_map([one], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    for (id, s, ty, t, flagged) in edges {
        let (s, t) = (
            if s == one { full } else { s },
            if t == one { full } else { t },
        );
        if s != t {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO edge (source_id, type, target_id, flagged) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![s, ty, t, flagged])?;
            tx.prepare_cached(
                "UPDATE evidence SET edge_id = (SELECT id FROM edge WHERE source_id = ?2 AND type = ?3
                   AND target_id = ?4 AND flagged = ?5) WHERE edge_id = ?1",
            )?
            .execute(params![id, s, ty, t, flagged])?;
        }
        tx.prepare_cached("DELETE FROM edge WHERE id = ?1")?
            .execute([id])?;
    }
    tx.prepare_cached("DELETE FROM alias WHERE entity_id = ?1")?
        .execute([one])?;
    tx.prepare_cached("DELETE FROM entity WHERE id = ?1")?
        .execute([one])?;
    Ok(())
}

/// Writes one article inside the caller's transaction.
#[allow(clippy::too_many_arguments)]
fn write_article(
    tx: &Transaction,
    a: &Article,
    x: &Extraction,
    g: &Gazetteer,
    surnames: &mut Vec<String>,
    tally: &mut Tally,
    cache: &mut WriteCache,
    keep_body: bool,
) -> Result<IngestStats, StoreError> {
    let mut stats = IngestStats::default();
    let hash = a.content_hash();
    // An article stored without its body counts as changed when its body
    // is to be kept now: it is written again, whole.
    let existing: Option<(i64, Option<String>)> = tx
        .prepare_cached(
            "SELECT id, CASE WHEN body_kept OR NOT ?2 THEN hash END FROM article WHERE key = ?1",
        )?
        .query_row(params![a.key, keep_body], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((id, old)) = existing {
        if old.as_deref() == Some(hash.as_str()) {
            stats.unchanged = 1;
            return Ok(stats);
        }
        // A changed article: its mentions and evidence go, and edges left
        // without evidence go with them.
        // Edges may go: the cache may name them.
        cache.edges.clear();
        let touched: Vec<i64> = tx
            .prepare_cached("SELECT DISTINCT edge_id FROM evidence WHERE article_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        tx.prepare_cached("DELETE FROM article WHERE id = ?1")?
            .execute([id])?;
        let mut orphan = tx.prepare_cached("DELETE FROM edge WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM evidence WHERE edge_id = ?1)")?;
        for e in touched {
            orphan.execute([e])?;
        }
        stats.replaced = 1;
    } else {
        stats.added = 1;
    }
    // Without its body (`--no-bodies`) an article keeps its evidence
    // sentences only, in `sentence` below.
    let body = if keep_body { a.body.as_str() } else { "" };
    tx.prepare_cached("INSERT INTO article (key, hash, title, date, url, source, body, label, body_kept) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?
        .execute(params![a.key, hash, a.title, a.date, a.url, a.source, body, a.label, keep_body])?;
    let article_id = tx.last_insert_rowid();

    let mut find = tx.prepare_cached("SELECT id FROM entity WHERE key = ?1")?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO entity (key, kind, name, qid, surname) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    // Of two spellings that fold alike ("White House", "WHITE HOUSE") the
    // greater in code-point order is kept, the one with lower case at the
    // first difference: the same whatever order articles arrive in, so
    // concurrent and sequential ingests agree.
    let mut alias = tx.prepare_cached(
        "INSERT INTO alias (entity_id, alias, folded) VALUES (?1, ?2, ?3)
         ON CONFLICT (entity_id, folded) DO UPDATE SET alias = excluded.alias
           WHERE excluded.alias > alias",
    )?;
    let mut ids = Vec::with_capacity(x.entities.len());
    for (i, e) in x.entities.iter().enumerate() {
        let mut id = match cache.entities.get(&e.key) {
            Some(&id) => Some(id),
            None => {
                let id: Option<i64> = find.query_row([&e.key], |r| r.get(0)).optional()?;
                if let Some(id) = id {
                    cache.entities.insert(e.key.clone(), id);
                }
                id
            }
        };
        if id.is_none() {
            // Not cached under this key: the key stays unknown to the
            // database.
            id = by_surname(tx, x, i, e)?;
            if let Some(id) = id {
                stats.surnames_joined += 1;
                cache.alias(&mut alias, id, &e.name)?;
            }
        }
        let id = match id {
            Some(id) => id,
            None => {
                let qid = e.known.and_then(|k| g.entry(k).qid.clone());
                let surname = (e.kind == Kind::Person)
                    .then(|| e.name.rsplit_once(' ').map(|(_, last)| last))
                    .flatten();
                insert.execute(params![e.key, e.kind.as_str(), e.name, qid, surname])?;
                surnames.extend(surname.map(str::to_string));
                let id = tx.last_insert_rowid();
                cache.entities.insert(e.key.clone(), id);
                stats.entities_added += 1;
                let known: Vec<&str> = e.known.map(|k| g.names_of(k)).unwrap_or_default();
                for name in std::iter::once(e.name.as_str()).chain(known) {
                    cache.alias(&mut alias, id, name)?;
                }
                id
            }
        };
        for a in &e.aliases {
            cache.alias(&mut alias, id, a)?;
        }
        ids.push(id);
    }
    let mut mention = tx.prepare_cached(
        "INSERT INTO mention (article_id, entity_id, start, end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut mentioned = Vec::with_capacity(x.mentions.len());
    for &(e, start, end) in &x.mentions {
        mention.execute(params![article_id, ids[e], start as i64, end as i64])?;
        mentioned.push(ids[e]);
    }
    let mut evidenced = Vec::with_capacity(x.relations.len());
    let mut find_edge = tx.prepare_cached("SELECT id FROM edge WHERE source_id = ?1 AND type = ?2 AND target_id = ?3 AND flagged = ?4")?;
    let mut insert_edge = tx.prepare_cached(
        "INSERT INTO edge (source_id, type, target_id, flagged) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut evidence = tx.prepare_cached(
        "INSERT INTO evidence (edge_id, article_id, sentence, start, end, text, confidence, role, negated, hypothetical, rule, headline, via, date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    // Each sentence once (migration 0012): the evidence row's text stays
    // empty and readers join the sentence.
    let mut sentence = tx.prepare_cached(
        "INSERT OR IGNORE INTO sentence (article_id, headline, idx, start, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut written: Vec<(bool, usize)> = Vec::new();
    for r in &x.relations {
        let (s, t) = (ids[r.source], ids[r.target]);
        if s == t {
            continue;
        }
        let flagged = r.is_flagged();
        let cached = (s, r.edge, t, flagged);
        let edge_id: i64 = match cache.edges.get(&cached) {
            Some(&id) => id,
            None => {
                let key = params![s, r.edge.as_str(), t, flagged];
                let id = match find_edge.query_row(key, |row| row.get(0)).optional()? {
                    Some(id) => id,
                    None => {
                        insert_edge.execute(key)?;
                        stats.edges_added += 1;
                        tx.last_insert_rowid()
                    }
                };
                cache.edges.insert(cached, id);
                id
            }
        };
        let mut text = x.evidence(r, a);
        if x.evidence_is_sentence(r) {
            let at = (r.headline, r.sentence);
            if !written.contains(&at) {
                let start = x.evidence_start(r, a) as i64;
                sentence.execute(params![
                    article_id,
                    r.headline,
                    r.sentence as i64,
                    start,
                    text
                ])?;
                written.push(at);
            }
            text = "";
        }
        evidence.execute(params![
            edge_id,
            article_id,
            r.sentence as i64,
            r.start as i64,
            r.end as i64,
            text,
            (f64::from(r.confidence) * 100.0).round() / 100.0,
            r.role,
            r.negated,
            r.hypothetical,
            r.rule,
            r.headline,
            r.via.as_ref().map(|v| v.text.as_str()),
            a.date,
        ])?;
        evidenced.push(edge_id);
    }
    tally.add_article(a.date.as_deref(), &mentioned, &evidenced);
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::BUSY_TIMEOUT;
    use Sqlite as Store;

    /// Protects migrations: a new database reaches the latest version.
    #[test]
    fn migrates_to_latest() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.version().unwrap(), MIGRATIONS.len() as i64);
    }

    fn ingest(s: &mut Store, key: &str, body: &str) -> IngestStats {
        let g = crate::testing::gazetteer();
        let a = Article::from_body(key, body);
        let x = crate::extract::extract(&a, g);
        s.ingest_batch(&[(a, x)], g).unwrap()
    }

    /// Each person node's name, with its mention count and its edges as
    /// "type other-end" (sorted).
    fn people(s: &Store) -> Vec<(String, i64, Vec<String>)> {
        let mut q = s
            .conn
            .prepare(
                "SELECT e.name, (SELECT count(*) FROM mention WHERE entity_id = e.id),
                   (SELECT group_concat(x, ', ') FROM (SELECT g.type || ' ' || t.name AS x
                      FROM edge g JOIN entity t
                        ON t.id = CASE g.source_id WHEN e.id THEN g.target_id ELSE g.source_id END
                      WHERE e.id IN (g.source_id, g.target_id) ORDER BY x))
                 FROM entity e WHERE e.kind = 'person' ORDER BY e.name",
            )
            .unwrap();
        q.query_map([], |r| {
            let edges: Option<String> = r.get(2)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                edges
                    .map(|e| e.split(", ").map(str::to_string).collect())
                    .unwrap_or_default(),
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    }

    const SURNAME: &str = "President Zorvatu of Moldova met Russian President Vladimir Putin.";
    const FULL: &str = "Moldovan President Ilie Zorvatu spoke on Monday.";

    /// Protects issue 15's one node per person across articles: a surname
    /// alone joins the one full name of that surname, whichever came first,
    /// and its mentions and edges move with it.
    #[test]
    fn a_surname_joins_the_one_full_name_in_either_order() {
        for order in [[SURNAME, FULL], [FULL, SURNAME]] {
            let mut s = Store::open_in_memory().unwrap();
            let joined: usize = order
                .iter()
                .enumerate()
                .map(|(i, body)| ingest(&mut s, &format!("a{i}"), body).surnames_joined)
                .sum();
            assert_eq!(joined, 1, "{order:?}");
            let zorvatu = people(&s)
                .into_iter()
                .find(|p| p.0.contains("Zorvatu"))
                .unwrap();
            assert_eq!(
                zorvatu,
                (
                    "Ilie Zorvatu".to_string(),
                    2,
                    vec![
                        "met-with Vladimir Putin".to_string(),
                        "represents Moldova".to_string()
                    ]
                ),
                "{order:?}"
            );
            assert!(s.unresolved_surnames().unwrap().is_empty());
        }
    }

    /// Protects against merging two people who share a surname, and
    /// against merging across offices for different states; both stay
    /// listed as unresolved with their candidates.
    #[test]
    fn a_shared_or_clashing_surname_stays_unresolved() {
        let mut s = Store::open_in_memory().unwrap();
        ingest(&mut s, "a", FULL);
        ingest(&mut s, "b", "Dara Zorvatu, a singer, spoke on Tuesday.");
        assert_eq!(ingest(&mut s, "c", SURNAME).surnames_joined, 0);
        let left = s.unresolved_surnames().unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].0.name, "Zorvatu");
        assert_eq!(left[0].1, ["Dara Zorvatu", "Ilie Zorvatu"]);

        let mut s = Store::open_in_memory().unwrap();
        ingest(
            &mut s,
            "a",
            "Romanian President Ilie Zorvatu spoke on Monday.",
        );
        assert_eq!(ingest(&mut s, "b", SURNAME).surnames_joined, 0);
        assert_eq!(s.unresolved_surnames().unwrap()[0].1, ["Ilie Zorvatu"]);

        // No office given, but the article names only another state.
        let mut s = Store::open_in_memory().unwrap();
        ingest(&mut s, "a", FULL);
        let other = "Foreign Minister Zorvatu met the Prime Minister of Bulgaria in Sofia.";
        assert_eq!(ingest(&mut s, "b", other).surnames_joined, 0);
        // ... and the same in the other order.
        let mut s = Store::open_in_memory().unwrap();
        ingest(&mut s, "b", other);
        assert_eq!(ingest(&mut s, "a", FULL).surnames_joined, 0);
    }

    /// Protects issue 14 fault 10: `--match` is literal, `%` and `_` are
    /// no wildcards.
    #[test]
    fn match_is_literal() {
        let mut s = Store::open_in_memory().unwrap();
        ingest(&mut s, "a", "Russia condemned NATO on Monday.");
        let names = |m: &str| -> Vec<String> {
            s.entities(None, Some(m))
                .unwrap()
                .into_iter()
                .map(|e| e.name)
                .collect()
        };
        assert_eq!(names("russ"), ["Russia"]);
        assert!(names("%").is_empty());
        assert!(names("r_ssia").is_empty());
        assert!(names("\\").is_empty());
    }

    /// Protects issue 14 faults 7 and 10: a writer waits its turn (the
    /// write transaction is immediate, so the busy timeout applies), and
    /// when it still times out the message is one line naming the database
    /// and what to do.
    #[test]
    fn a_locked_database_is_named_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.db");
        let mut s = Store::open_with(&path, Duration::from_millis(100)).unwrap();
        let holder = Connection::open(&path).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
        let g = crate::testing::gazetteer();
        let a = Article::from_body("a", "Russia condemned NATO.");
        let x = crate::extract::extract(&a, g);
        let e = s.ingest_batch(&[(a.clone(), x.clone())], g).unwrap_err();
        assert_eq!(
            e.describe(&path, Duration::from_millis(100)),
            format!(
                "database {}: still locked by another writer after waiting 0.1 s; another geokg is writing to it; run again when it is done, or give more time with --wait SECONDS",
                path.display()
            )
        );
        // Released within the wait: the writer gets its turn.
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            holder.execute_batch("COMMIT").unwrap();
        });
        let mut s2 = Store::open_with(&path, Duration::from_secs(10)).unwrap();
        assert_eq!(s2.ingest_batch(&[(a, x)], g).unwrap().added, 1);
        release.join().unwrap();
        drop(s);
    }

    /// Every edge as "source type target evidence-count", sorted.
    fn edge_list(s: &Store) -> Vec<String> {
        let mut q = s
            .conn
            .prepare(
                "SELECT a.key || ' ' || g.type || ' ' || b.key || ' ' || g.evidence_count
                 FROM edge g JOIN entity a ON a.id = g.source_id JOIN entity b ON b.id = g.target_id
                 ORDER BY 1",
            )
            .unwrap();
        q.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    /// Protects the ingest writer's cache of ids (issue 11): another process
    /// replaces an article between two batches, deleting the edge it
    /// supported; the next batch must not reuse the deleted edge's id (a
    /// foreign-key failure, or evidence of no edge) but make the edge again.
    #[test]
    fn a_write_by_another_process_empties_the_writer_cache() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.db");
        let mut a = Store::open(&path).unwrap();
        let mut b = Store::open(&path).unwrap();
        ingest(&mut a, "k", "Russia condemned NATO.");
        assert_eq!(edge_list(&a), ["state/RUS opposes alliance/NATO 1"]);
        assert_eq!(ingest(&mut b, "k", "Germany praised France.").replaced, 1);
        assert_eq!(edge_list(&a), ["state/DEU supports state/FRA 1"]);
        assert_eq!(
            ingest(&mut a, "k2", "Russia condemned NATO.").edges_added,
            1
        );
        assert_eq!(
            edge_list(&a),
            [
                "state/DEU supports state/FRA 1",
                "state/RUS opposes alliance/NATO 1"
            ]
        );
    }

    /// Protects the same cache against this connection's own writes outside
    /// an ingest batch: edges deleted between two batches are made again,
    /// not reused by a stale id.
    #[test]
    fn a_write_outside_a_batch_empties_the_writer_cache() {
        let mut s = Store::open_in_memory().unwrap();
        ingest(&mut s, "k", "Russia condemned NATO.");
        s.conn.execute("DELETE FROM edge", []).unwrap();
        assert_eq!(
            ingest(&mut s, "k2", "Russia condemned NATO.").edges_added,
            1
        );
        assert_eq!(edge_list(&s), ["state/RUS opposes alliance/NATO 1"]);
    }

    /// Protects issue 14 fault 8: processes creating one new database take
    /// turns on the migrations, and every one ends at the latest version.
    #[test]
    fn concurrent_first_opens_do_not_race() {
        for _ in 0..5 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("g.db");
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    let path = path.clone();
                    std::thread::spawn(move || {
                        Store::open(&path)
                            .map(|s| s.version().unwrap())
                            .map_err(|e| e.to_string())
                    })
                })
                .collect();
            for h in handles {
                assert_eq!(h.join().unwrap(), Ok(MIGRATIONS.len() as i64));
            }
        }
    }

    /// Protects issue 14 fault 9: reading never creates a file, and a
    /// newer database is refused before its journal mode changes.
    #[test]
    fn reading_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("typo.db");
        let e = Store::open_read_only(&missing, BUSY_TIMEOUT).err().unwrap();
        assert_eq!(
            e.to_string(),
            format!(
                "no database at {0}; create one with `geokg --db {0} ingest ...`",
                missing.display()
            )
        );
        assert!(!missing.exists());
        let newer = dir.path().join("new.db");
        Connection::open(&newer)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        for e in [
            Store::open(&newer).err().unwrap(),
            Store::open_read_only(&newer, BUSY_TIMEOUT).err().unwrap(),
        ] {
            assert!(matches!(e, StoreError::TooNew { found: 99, .. }), "{e}");
        }
        let mode: String = Connection::open(&newer)
            .unwrap()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
    }

    /// Protects the upgrade of issue 14's identity rule (migration 0005):
    /// articles stored under a file stem or an explicit id are re-keyed by
    /// address or content, keeping the old key as their label, so that a
    /// re-ingest after the upgrade finds them unchanged instead of storing
    /// them twice; and migration 0006 puts the alias key columns first.
    #[test]
    fn old_keys_are_rekeyed_on_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let plain = Article::from_body("x", "Russia condemned NATO on Monday.");
        let mut addressed = Article::from_body("x", "China opposes Taiwan independence.");
        addressed.url = Some("http://example.org/a".into());
        {
            let mut c = Connection::open(&path).unwrap();
            let tx = c.transaction().unwrap();
            for (_, sql) in &MIGRATIONS[..4] {
                tx.execute_batch(sql).unwrap();
            }
            tx.pragma_update(None, "user_version", 4).unwrap();
            for (key, a) in [("report", &plain), ("feed-7", &addressed)] {
                tx.execute(
                    "INSERT INTO article (key, hash, title, url, body) VALUES (?1, ?2, '', ?3, ?4)",
                    params![key, a.content_hash(), a.url, a.body],
                )
                .unwrap();
            }
            tx.commit().unwrap();
        }
        let s = Store::open(&path).unwrap();
        let rows: Vec<(String, String)> = s
            .conn
            .prepare("SELECT key, label FROM article ORDER BY label")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            rows,
            [
                ("http://example.org/a".to_string(), "feed-7".to_string()),
                (
                    format!("sha256:{}", plain.content_hash()),
                    "report".to_string()
                ),
            ]
        );
        for a in [&plain, &addressed] {
            let key = crate::article::identity(a);
            assert!(s.is_stored(&key, &a.content_hash()).unwrap(), "{key}");
        }
        let columns: Vec<String> = s
            .conn
            .prepare("SELECT name FROM pragma_table_info('alias') ORDER BY cid")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(columns, ["entity_id", "folded", "alias"]);
    }

    /// Protects the upgrade to migration 0011 (issue 11): a database at
    /// 0010, whose evidence rows carry no date, takes each row's date from
    /// its article when opened, reads an edge's evidence through the new
    /// index, and answers as before (undated first, then by date, then by
    /// article label).
    #[test]
    fn evidence_dates_are_filled_on_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let g = crate::testing::gazetteer();
        let q = |s: &Store| {
            let russia: i64 = s
                .conn
                .query_row("SELECT id FROM entity WHERE name = 'Russia'", [], |r| {
                    r.get(0)
                })
                .unwrap();
            let query = EdgeQuery {
                from: Some(russia),
                evidence_limit: Some(3),
                ..Default::default()
            };
            s.edges_page(&query, Some(50), 0).unwrap()
        };
        let before = {
            let mut s = Store::open(&path).unwrap();
            for (key, date) in [
                ("c", Some("2024-03-01")),
                ("b", Some("2024-01-15")),
                ("a", Some("2024-03-01")),
                ("d", None),
            ] {
                let mut a = Article::from_body(key, "Russia condemned NATO on Monday.");
                a.date = date.map(str::to_string);
                let x = crate::extract::extract(&a, g);
                s.ingest_batch(&[(a, x)], g).unwrap();
            }
            let before = q(&s);
            // Back to migration 0010's schema: each evidence row with
            // its sentence (0012 undone), no date on evidence, the index on
            // the edge alone.
            s.conn
                .execute_batch(
                    "UPDATE evidence SET text = (SELECT sn.text FROM sentence sn
                         WHERE sn.article_id = evidence.article_id
                           AND sn.headline = evidence.headline AND sn.idx = evidence.sentence)
                      WHERE text = '';
                     DROP TABLE sentence;
                     ALTER TABLE article DROP COLUMN body_kept;
                     DROP INDEX evidence_by_edge_date;
                     ALTER TABLE evidence DROP COLUMN date;
                     CREATE INDEX evidence_by_edge ON evidence(edge_id);
                     PRAGMA user_version = 10;",
                )
                .unwrap();
            before
        };
        let s = Store::open(&path).unwrap();
        assert_eq!(s.version().unwrap(), MIGRATIONS.len() as i64);
        let dates: Vec<(String, Option<String>)> = s
            .conn
            .prepare(
                "SELECT a.key, ev.date FROM evidence ev JOIN article a ON a.id = ev.article_id
                 ORDER BY a.key",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let day = |d: &str| Some(d.to_string());
        assert_eq!(
            dates,
            [
                ("a".to_string(), day("2024-03-01")),
                ("b".to_string(), day("2024-01-15")),
                ("c".to_string(), day("2024-03-01")),
                ("d".to_string(), None),
            ]
        );
        let indexes: Vec<String> = s
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'evidence'
                 ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(indexes, ["evidence_by_article", "evidence_by_edge_date"]);
        let after = q(&s);
        assert_eq!(after, before);
        let (rows, total) = after;
        assert_eq!(total, 1);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].target.as_str(), rows[0].evidence_total),
            ("North Atlantic Treaty Organization", 4)
        );
        let shown: Vec<(&str, Option<&str>)> = rows[0]
            .evidence
            .iter()
            .map(|e| (e.article.as_str(), e.date.as_deref()))
            .collect();
        assert_eq!(
            shown,
            [
                ("d", None),
                ("b", Some("2024-01-15")),
                ("a", Some("2024-03-01"))
            ]
        );
    }

    /// Protects issue 11's evidence read that stops at its limit: an edge
    /// with evidence on ten dates, asked for its first three pieces, reads
    /// and sorts the rows of three dates only (one sort per date, SQLite's
    /// statement counter), and all of them only when asked for all.
    #[test]
    fn edge_evidence_reads_the_dates_it_prints() {
        let mut s = Store::open_in_memory().unwrap();
        let g = crate::testing::gazetteer();
        for day in (1..=10).rev() {
            let mut a =
                Article::from_body(&format!("a{day:02}"), "Russia condemned NATO on Monday.");
            a.date = Some(format!("2024-05-{day:02}"));
            let x = crate::extract::extract(&a, g);
            s.ingest_batch(&[(a, x)], g).unwrap();
        }
        let edge: i64 = s
            .conn
            .query_row("SELECT edge_id FROM evidence LIMIT 1", [], |r| r.get(0))
            .unwrap();
        let read = |limit: i64| {
            let mut stmt = s.conn.prepare(EDGE_EVIDENCE).unwrap();
            let dates: Vec<String> = stmt
                .query_map(
                    rusqlite::named_params! {
                        ":edge": edge, ":since": None::<String>, ":until": None::<String>,
                        ":conf": None::<f64>, ":limit": limit,
                    },
                    |r| r.get(1),
                )
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            (dates, stmt.get_status(rusqlite::StatementStatus::Sort))
        };
        assert_eq!(
            read(3),
            (
                vec![
                    "2024-05-01".to_string(),
                    "2024-05-02".to_string(),
                    "2024-05-03".to_string()
                ],
                3
            )
        );
        let (all, sorts) = read(-1);
        assert_eq!((all.len(), sorts), (10, 10));
    }

    /// The query plan of each main query, one line per step.
    fn plans() -> Vec<(String, Vec<String>)> {
        let s = Store::open_in_memory().unwrap();
        let mut list: Vec<(String, String)> = vec![
            ("edges --from".into(), edge_head_sql(&EdgeShape::From)),
            ("edges --to".into(), edge_head_sql(&EdgeShape::To)),
            (
                "edges touching (show)".into(),
                edge_head_sql(&EdgeShape::Touching),
            ),
            (
                "edges among (export --around)".into(),
                edge_head_sql(&EdgeShape::Among(Vec::new())),
            ),
            (
                "page of edges --from".into(),
                edge_page_sql(&EdgeShape::From),
            ),
            ("page of edges --to".into(), edge_page_sql(&EdgeShape::To)),
            (
                "page of edges touching (show, export --around --top)".into(),
                edge_page_sql(&EdgeShape::Touching),
            ),
            (
                "count of edges --from".into(),
                edge_count_sql(&EdgeShape::From),
            ),
            ("count of edges --to".into(), edge_count_sql(&EdgeShape::To)),
            (
                "count of edges touching (show)".into(),
                edge_count_sql(&EdgeShape::Touching),
            ),
            ("edge support in a period".into(), EDGE_SUPPORT.into()),
            ("edge evidence".into(), EDGE_EVIDENCE.into()),
            ("find entity by name".into(), FIND_BY_NAME.into()),
            ("entity by id".into(), ENTITY_BY_ID.into()),
            (
                "entity by key (export --around --top)".into(),
                queries::entity_by_key_sql(),
            ),
            ("entities named".into(), queries::entities_named_sql()),
            ("adjacent (path, neighbors)".into(), queries::adjacent_sql()),
            (
                "edges among (path, neighbors)".into(),
                queries::edge_summaries_sql(true),
            ),
            ("best evidence".into(), queries::best_evidence_sql()),
            ("timeline".into(), queries::timeline_sql()),
            ("explain".into(), queries::explain_sql()),
        ];
        list.push((
            "whole graph (export)".into(),
            edge_head_sql(&EdgeShape::All),
        ));
        list.into_iter()
            .map(|(name, sql)| {
                // Unbound parameters read as NULL: the plan is chosen
                // without their values.
                let mut stmt = s
                    .conn
                    .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                    .unwrap();
                let mut rows = stmt.raw_query();
                let mut plan = Vec::new();
                while let Some(r) = rows.next().unwrap() {
                    plan.push(r.get::<_, String>(3).unwrap());
                }
                (name, plan)
            })
            .collect()
    }

    /// Protects issue 11's queries that read only what they answer: no
    /// main query scans evidence, mentions or edges where an index
    /// reaches the rows asked for (only the whole-graph listing reads
    /// every edge, and nothing else). `cargo test --lib plans --
    /// --nocapture` prints the plans.
    #[test]
    fn no_main_query_scans_a_large_table() {
        let large = ["ev", "ev2", "evidence", "m", "mention", "ed", "edge"];
        let mut list = plans();
        // The check itself, on the edge query before issue 11: its
        // `? IS NULL OR` kept SQLite off every index.
        let s = Store::open_in_memory().unwrap();
        let mut old = s
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT ed.id FROM edge ed
                 JOIN evidence ev ON ev.edge_id = ed.id
                 WHERE (?1 IS NULL OR ed.source_id = ?1) AND (?2 IS NULL OR ed.target_id = ?2)",
            )
            .unwrap();
        let mut rows = old.raw_query();
        let mut plan = Vec::new();
        while let Some(r) = rows.next().unwrap() {
            plan.push(r.get::<_, String>(3).unwrap());
        }
        list.push(("old edges query (must fail)".into(), plan));
        for (name, plan) in list {
            eprintln!("{name}:\n  {}", plan.join("\n  "));
            let scans: Vec<&String> = plan
                .iter()
                .filter(|step| {
                    let Some(rest) = step.strip_prefix("SCAN ") else {
                        return false;
                    };
                    let table = rest.split(' ').next().unwrap_or("");
                    large.contains(&table)
                })
                .collect();
            if name.starts_with("whole graph") {
                assert_eq!(scans, [&"SCAN ed".to_string()], "{name}: {plan:?}");
            } else if name.starts_with("page of") {
                // Busiest first from the weight indexes, sorting only the
                // edges of equal counts; the count on the indexes alone.
                for index in ["edge_by_source_articles", "edge_by_target_articles"] {
                    assert!(
                        plan.iter().any(|step| step.contains(index)),
                        "{name} does not read {index}: {plan:?}"
                    );
                }
                assert!(
                    plan.iter()
                        .filter(|step| step.contains("TEMP B-TREE"))
                        .all(|step| step.contains("RIGHT PART OF") || step.contains(" LAST ")),
                    "{name} sorts every edge: {plan:?}"
                );
                assert!(scans.is_empty(), "{name} scans a large table: {plan:?}");
            } else if name.starts_with("count of") {
                let covered = plan
                    .iter()
                    .filter(|step| step.contains("COVERING INDEX edge_by_"))
                    .count();
                assert_eq!(covered, 2, "{name} reads edge rows: {plan:?}");
                assert!(scans.is_empty(), "{name} scans a large table: {plan:?}");
            } else if name == "edge evidence" {
                // Issue 11: an edge's evidence in date order from the
                // index on (edge_id, date), no sort of the whole edge's
                // evidence: only the rows of one date are sorted by
                // article and position (the trailing ORDER BY terms),
                // so a LIMIT stops at the date that fills it.
                assert!(
                    plan.contains(
                        &"SEARCH ev USING INDEX evidence_by_edge_date (edge_id=?)".to_string()
                    ),
                    "{name} does not read evidence_by_edge_date: {plan:?}"
                );
                let sorts: Vec<&String> = plan
                    .iter()
                    .filter(|step| step.contains("TEMP B-TREE"))
                    .collect();
                assert_eq!(
                    sorts,
                    [&"USE TEMP B-TREE FOR LAST 4 TERMS OF ORDER BY".to_string()],
                    "{name} sorts by date: {plan:?}"
                );
                assert!(scans.is_empty(), "{name} scans a large table: {plan:?}");
            } else if name.starts_with("entity by key") {
                // The walk of `--around --top` finds each entity it keeps
                // by its key: one indexed look-up, no scan of the entities.
                assert_eq!(
                    plan,
                    ["SEARCH e USING INDEX sqlite_autoindex_entity_1 (key=?)"],
                    "{name}"
                );
            } else if name.starts_with("old") {
                assert!(!scans.is_empty(), "the check missed a scan: {plan:?}");
            } else {
                assert!(scans.is_empty(), "{name} scans a large table: {plan:?}");
            }
        }
    }

    /// Protects the refusal of a database from a newer geokg.
    #[test]
    fn refuses_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.db");
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", 99).unwrap();
        }
        let e = Store::open(&path).err().unwrap().to_string();
        assert!(
            e.contains("schema version 99, newer than this geokg understands"),
            "{e}"
        );
    }
}
