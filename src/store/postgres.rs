//! The PostgreSQL backend (issue 13): the same graph as the SQLite backend
//! on a server database named by a `postgres://` address, written by many
//! ingest processes at once.
//!
//! Schema: `migrations/postgres/NNNN_*.sql`, applied at open in one
//! transaction under an advisory lock, tracked in `geokg_schema`; a newer
//! database is refused before anything changes. Writes: every batch is one
//! transaction that first takes a transaction-level advisory lock, so
//! concurrent writers take turns per batch exactly as SQLite's `BEGIN
//! IMMEDIATE` makes them (extraction, the costly part, runs outside it);
//! the stored graph then equals that of one sequential ingest whatever the
//! interleaving, and readers are never blocked (MVCC). A serialisation
//! failure or deadlock is retried a bounded number of times.
//!
//! Invariants: as the SQLite backend's: an article is written whole or not
//! at all; the same key and hash is never written twice; no edge survives
//! without evidence; after every commit each edge's and entity's
//! aggregates equal a recount of its rows; the user's corrections are
//! replayed at the end of every write transaction (`postgres/curation.rs`).

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;

use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, NoTls, Row, Statement, Transaction};

use super::{
    ArticleRecord, Change, CorrectionRecord, DiffRow, EdgeQuery, EdgeRecord, EdgeRow, EdgeSummary,
    Ends, EndsAndRow, EntityRecord, EntityRef, EntityRow, EventRow, EvidenceRecord, EvidenceRow,
    ExplainRow, IdEndsAndRow, IngestStats, PagePath, Snapshot, StoreError, Tally, TimelineRow,
    compatible, held_and_named, parse_kind, parse_type, sort_by_weight,
};
use crate::article::Article;
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::ontology::{EdgeType, Kind, fold};

mod curation;

/// Migrations, in order; the position is the version.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_init.sql",
        include_str!("../../migrations/postgres/0001_init.sql"),
    ),
    (
        "0002_edges_by_weight.sql",
        include_str!("../../migrations/postgres/0002_edges_by_weight.sql"),
    ),
    (
        "0003_evidence_by_date.sql",
        include_str!("../../migrations/postgres/0003_evidence_by_date.sql"),
    ),
    (
        "0004_sentences_once.sql",
        include_str!("../../migrations/postgres/0004_sentences_once.sql"),
    ),
];

/// The advisory lock every writer holds for its transaction (an arbitrary
/// constant: "geokg" in ASCII).
const WRITE_LOCK: i64 = 0x67_65_6f_6b_67;

/// The advisory lock of the migrations at open.
const MIGRATE_LOCK: i64 = WRITE_LOCK + 1;

/// How many times a batch is tried when the server reports a serialisation
/// failure or a deadlock.
const ATTEMPTS: usize = 5;

/// Parameters of a statement.
type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

/// Whether `--db` names a PostgreSQL database.
pub(crate) fn is_address(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// The address as messages show it: a password is never printed.
pub(crate) fn label(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (auth, host) = match rest.rsplit_once('@') {
        Some((auth, host)) => (auth, host),
        None => return url.to_string(),
    };
    match auth.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

/// A PostgreSQL database.
pub struct Postgres {
    client: RefCell<Client>,
    /// Prepared statements by SQL text, prepared once per connection.
    prepared: RefCell<HashMap<String, Statement>>,
    /// Whether ingest stores article bodies (`--no-bodies`: not).
    pub(super) keep_bodies: bool,
}

/// A row's column, its type checked: a wrong one is an error, never a panic.
fn col<'a, T: postgres::types::FromSql<'a>>(r: &'a Row, i: usize) -> Result<T, StoreError> {
    Ok(r.try_get(i)?)
}

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// The prepared statement for `sql` on this connection or transaction.
fn statement(
    c: &mut impl postgres::GenericClient,
    cache: &RefCell<HashMap<String, Statement>>,
    sql: &str,
) -> Result<Statement, StoreError> {
    if let Some(s) = cache.borrow().get(sql) {
        return Ok(s.clone());
    }
    let s = c.prepare(sql)?;
    cache.borrow_mut().insert(sql.to_string(), s.clone());
    Ok(s)
}

/// A write transaction with the connection's prepared statements.
struct Tx<'a, 'c> {
    tx: Transaction<'a>,
    cache: &'c RefCell<HashMap<String, Statement>>,
}

impl Tx<'_, '_> {
    fn rows(&mut self, sql: &str, p: Params) -> Result<Vec<Row>, StoreError> {
        let st = statement(&mut self.tx, self.cache, sql)?;
        Ok(self.tx.query(&st, p)?)
    }

    fn opt(&mut self, sql: &str, p: Params) -> Result<Option<Row>, StoreError> {
        let st = statement(&mut self.tx, self.cache, sql)?;
        Ok(self.tx.query_opt(&st, p)?)
    }

    fn exec(&mut self, sql: &str, p: Params) -> Result<u64, StoreError> {
        let st = statement(&mut self.tx, self.cache, sql)?;
        Ok(self.tx.execute(&st, p)?)
    }

    fn ids(&mut self, sql: &str, p: Params) -> Result<Vec<i64>, StoreError> {
        self.rows(sql, p)?.iter().map(|r| col(r, 0)).collect()
    }

    fn strings(&mut self, sql: &str, p: Params) -> Result<Vec<String>, StoreError> {
        self.rows(sql, p)?.iter().map(|r| col(r, 0)).collect()
    }
}

/// What a batch touched that must be recounted from the raw rows before it
/// commits (SQLite lists them with triggers in `stale_edge` and
/// `stale_entity`).
#[derive(Default)]
struct Stale {
    edges: BTreeSet<i64>,
    entities: BTreeSet<i64>,
}

impl Postgres {
    /// Connects to the database at `url` and migrates it; a writer waits up
    /// to `wait` for another one's batch.
    pub fn open_with(url: &str, wait: Duration) -> Result<Postgres, StoreError> {
        let db = Postgres::connect(url, wait)?;
        db.migrate(url)?;
        Ok(db)
    }

    /// Connects to an existing database for reading: one that holds no
    /// geokg schema is [`StoreError::Missing`]; an older one is migrated;
    /// then the session is read-only.
    pub fn open_read_only(url: &str, wait: Duration) -> Result<Postgres, StoreError> {
        let db = Postgres::connect(url, wait)?;
        match db.stored_version(url)? {
            None => return Err(StoreError::Missing { path: label(url) }),
            Some(v) if v < MIGRATIONS.len() as i64 => db.migrate(url)?,
            Some(_) => {}
        }
        // Then the session cannot write at all: a reader (a query, `serve`)
        // that tried would be refused by the server.
        db.client
            .borrow_mut()
            .batch_execute("SET default_transaction_read_only = on")?;
        Ok(db)
    }

    fn connect(url: &str, wait: Duration) -> Result<Postgres, StoreError> {
        let mut client = Client::connect(url, NoTls).map_err(|source| StoreError::Connect {
            address: label(url),
            source,
        })?;
        // The wait applies to the write lock (and any row lock); messages
        // arrive in English whatever the server's locale is not asked.
        let ms = wait.as_millis().clamp(1, i32::MAX as u128);
        client.batch_execute(&format!(
            "SET lock_timeout = {ms}; SET client_min_messages = warning"
        ))?;
        Ok(Postgres {
            client: RefCell::new(client),
            prepared: RefCell::new(HashMap::new()),
            keep_bodies: true,
        })
    }

    /// The schema version stored, or none for a database without geokg's
    /// tables; a newer one than this binary knows is refused.
    fn stored_version(&self, url: &str) -> Result<Option<i64>, StoreError> {
        let mut c = self.client.borrow_mut();
        let exists: Option<String> = c
            .query_one("SELECT to_regclass('geokg_schema')::text", &[])?
            .try_get(0)?;
        if exists.is_none() {
            return Ok(None);
        }
        let v: i64 = c
            .query_one("SELECT coalesce(max(version), 0) FROM geokg_schema", &[])?
            .try_get(0)?;
        let known = MIGRATIONS.len() as i64;
        if v > known {
            return Err(StoreError::TooNew {
                path: label(url),
                found: v,
                known,
            });
        }
        Ok(Some(v))
    }

    /// Applies the pending migrations in one transaction under an advisory
    /// lock, reading the version again inside it: processes creating one
    /// new database take turns, and the later ones find the work done.
    fn migrate(&self, url: &str) -> Result<(), StoreError> {
        if self.stored_version(url)? == Some(MIGRATIONS.len() as i64) {
            return Ok(());
        }
        let mut c = self.client.borrow_mut();
        let mut tx = c.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS geokg_schema (version BIGINT NOT NULL)")?;
        let v: i64 = tx
            .query_one("SELECT coalesce(max(version), 0) FROM geokg_schema", &[])?
            .try_get(0)?;
        let known = MIGRATIONS.len() as i64;
        if v > known {
            return Err(StoreError::TooNew {
                path: label(url),
                found: v,
                known,
            });
        }
        for (name, sql) in MIGRATIONS.iter().skip(count(v)) {
            tx.batch_execute(sql)
                .map_err(|source| StoreError::PostgresMigration { name, source })?;
        }
        tx.execute("DELETE FROM geokg_schema", &[])?;
        tx.execute("INSERT INTO geokg_schema (version) VALUES ($1)", &[&known])?;
        tx.commit()?;
        Ok(())
    }

    fn rows(&self, sql: &str, p: Params) -> Result<Vec<Row>, StoreError> {
        let mut c = self.client.borrow_mut();
        let st = statement(&mut *c, &self.prepared, sql)?;
        Ok(c.query(&st, p)?)
    }

    fn opt(&self, sql: &str, p: Params) -> Result<Option<Row>, StoreError> {
        let mut c = self.client.borrow_mut();
        let st = statement(&mut *c, &self.prepared, sql)?;
        Ok(c.query_opt(&st, p)?)
    }

    /// The schema version.
    pub fn version(&self) -> Result<i64, StoreError> {
        let r = self.opt("SELECT coalesce(max(version), 0) FROM geokg_schema", &[])?;
        r.map_or(Ok(0), |r| col(&r, 0))
    }

    /// Whether this article (key and content hash) is already stored.
    pub fn is_stored(&self, key: &str, hash: &str) -> Result<bool, StoreError> {
        Ok(self
            .opt(
                "SELECT 1 FROM article WHERE key = $1 AND hash = $2 AND (body_kept OR NOT $3)",
                &[&key, &hash, &self.keep_bodies],
            )?
            .is_some())
    }

    /// Writes a batch of articles in one transaction: all or none; tried
    /// again on a serialisation failure or deadlock, a bounded number of
    /// times.
    pub fn ingest_batch(
        &mut self,
        batch: &[(Article, Extraction)],
        g: &Gazetteer,
    ) -> Result<IngestStats, StoreError> {
        let mut attempt = 1;
        loop {
            match self.try_batch(batch, g) {
                Err(StoreError::Postgres(e))
                    if attempt < ATTEMPTS
                        && matches!(
                            e.code(),
                            Some(&SqlState::T_R_SERIALIZATION_FAILURE)
                                | Some(&SqlState::T_R_DEADLOCK_DETECTED)
                        ) =>
                {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(20 * attempt as u64));
                }
                other => return other,
            }
        }
    }

    fn try_batch(
        &mut self,
        batch: &[(Article, Extraction)],
        g: &Gazetteer,
    ) -> Result<IngestStats, StoreError> {
        let mut client = self.client.borrow_mut();
        let mut tx = Tx {
            tx: client.transaction()?,
            cache: &self.prepared,
        };
        tx.exec("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        let mut stats = IngestStats::default();
        let mut surnames = Vec::new();
        let mut tally = Tally::default();
        let mut stale = Stale::default();
        for (article, x) in batch {
            stats += write_article(
                &mut tx,
                article,
                x,
                g,
                &mut surnames,
                &mut tally,
                &mut stale,
                self.keep_bodies,
            )?;
        }
        apply_tally(&mut tx, tally)?;
        surnames.sort();
        surnames.dedup();
        for surname in &surnames {
            stats.surnames_joined += join_surname_nodes(&mut tx, surname, &mut stale)?;
        }
        // The user's corrections, replayed over what was just written
        // before it commits, as on SQLite.
        curation::replay(&mut tx, &mut stale)?;
        refresh_aggregates(&mut tx, &stale)?;
        tx.tx.commit()?;
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

    /// One page of [`Postgres::entities`]: at most `limit` rows (all when
    /// `None`) after skipping `offset`, with the number that match in all.
    pub fn entities_page(
        &self,
        kind: Option<Kind>,
        matching: Option<&str>,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<(Vec<EntityRow>, usize), StoreError> {
        // Taken literally: `%`, `_` and the escape character match themselves.
        let pattern = matching.map(|m| {
            let escaped = fold(m)
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            format!("%{escaped}%")
        });
        let kind = kind.map(Kind::as_str);
        let total: i64 = match self
            .rows(
                &format!("SELECT count(*) FROM entity e WHERE {ENTITIES_WHERE}"),
                &[&kind, &pattern],
            )?
            .first()
        {
            Some(r) => col(r, 0)?,
            None => 0,
        };
        // A NULL limit is none.
        let limit: Option<i64> = limit.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let rows = self.rows(
            &format!(
                "SELECT e.id, e.key, e.kind, e.name, e.articles AS n
                 FROM entity e
                 WHERE {ENTITIES_WHERE}
                 ORDER BY n DESC, e.name
                 LIMIT $3 OFFSET $4"
            ),
            &[&kind, &pattern, &limit, &offset],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = col(r, 0)?;
            let name: String = col(r, 3)?;
            out.push(EntityRow {
                id,
                key: col(r, 1)?,
                kind: parse_kind(&col::<String>(r, 2)?)?,
                aliases: self.aliases(id, &name)?,
                name,
                articles: count(col(r, 4)?),
            });
        }
        Ok((out, count(total)))
    }

    /// People named by one word only that no full name absorbed, each with
    /// the full names that share it as surname.
    pub fn unresolved_surnames(&self) -> Result<Vec<(EntityRow, Vec<String>)>, StoreError> {
        let ids: Vec<i64> = self
            .rows(
                "SELECT e.id FROM entity e
                 WHERE e.kind = 'person' AND e.surname IS NULL AND e.key LIKE 'person/%'
                   AND strpos(e.name, ' ') = 0
                   AND e.mentions > 0",
                &[],
            )?
            .iter()
            .map(|r| col(r, 0))
            .collect::<Result<_, _>>()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row = self.entity_by_id(id)?;
            let full: Vec<String> = self
                .rows(
                    "SELECT name FROM entity WHERE surname = $1 AND kind = 'person' ORDER BY name",
                    &[&row.name],
                )?
                .iter()
                .map(|r| col(r, 0))
                .collect::<Result<_, _>>()?;
            out.push((row, full));
        }
        out.sort_by(|(a, _), (b, _)| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok(out)
    }

    fn aliases(&self, id: i64, name: &str) -> Result<Vec<String>, StoreError> {
        let list: Vec<String> = self
            .rows(
                "SELECT alias FROM alias WHERE entity_id = $1 ORDER BY alias",
                &[&id],
            )?
            .iter()
            .map(|r| col(r, 0))
            .collect::<Result<_, _>>()?;
        Ok(list.into_iter().filter(|a| a != name).collect())
    }

    pub fn entity_by_id(&self, id: i64) -> Result<EntityRow, StoreError> {
        let Some(r) = self.opt(
            "SELECT key, kind, name, articles FROM entity WHERE id = $1",
            &[&id],
        )?
        else {
            return Err(StoreError::NotFound(format!("entity {id}")));
        };
        let name: String = col(&r, 2)?;
        Ok(EntityRow {
            id,
            key: col(&r, 0)?,
            kind: parse_kind(&col::<String>(&r, 1)?)?,
            aliases: self.aliases(id, &name)?,
            name,
            articles: count(col(&r, 3)?),
        })
    }

    /// The row id of the entity a name (folded) means: of those carrying
    /// it as name or alias, the most mentioned, then the first made.
    pub fn entity_id_named(&self, name: &str) -> Result<Option<i64>, StoreError> {
        self.opt(
            "SELECT a.entity_id FROM alias a JOIN entity e ON e.id = a.entity_id
             WHERE a.folded = $1
             ORDER BY e.mentions DESC, a.entity_id
             LIMIT 1",
            &[&fold(name)],
        )?
        .map(|r| col(&r, 0))
        .transpose()
    }

    /// Number of stored articles, entities and edges.
    pub fn counts(&self) -> Result<(usize, usize, usize), StoreError> {
        let r = self.rows(
            "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM entity),
                    (SELECT count(*) FROM edge)",
            &[],
        )?;
        let Some(r) = r.first() else {
            return Err(StoreError::Corrupt("no counts".into()));
        };
        Ok((count(col(r, 0)?), count(col(r, 1)?), count(col(r, 2)?)))
    }

    /// [`Postgres::edges`] handed to `f` one at a time (read whole first;
    /// streaming from the server is left to do).
    pub fn for_each_edge<E: From<StoreError>>(
        &self,
        q: &EdgeQuery,
        mut f: impl FnMut(EdgeRow) -> Result<(), E>,
    ) -> Result<(), E> {
        for r in self.edges(q)? {
            f(r)?;
        }
        Ok(())
    }

    /// Edges matching a query, each with its evidence, sorted by count.
    pub fn edges(&self, q: &EdgeQuery) -> Result<Vec<EdgeRow>, StoreError> {
        let (ends, id) = q.listing();
        let rows = self.edge_rows(ends.into(), id, &[], q)?;
        Ok(rows.into_iter().map(|(_, r)| r).collect())
    }

    /// One page of [`Postgres::edges`], as the SQLite backend's
    /// `edges_page`: one entity's edges (not narrowed by dates or a
    /// confidence) read busiest first from `edge_by_source_articles` and
    /// `edge_by_target_articles` and counted on them; any other query read
    /// whole and cut; evidence read for the page's edges only.
    pub fn edges_page(
        &self,
        q: &EdgeQuery,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<(Vec<EdgeRow>, usize), StoreError> {
        let (shape, id) = match q.page_path() {
            PagePath::ByWeight(ends, id) => (Shape::from(ends), id),
            PagePath::Whole(ends, id) => {
                let (rows, total) = self.edge_rows_page(ends.into(), id, &[], q, limit, offset)?;
                return Ok((rows.into_iter().map(|(_, r)| r).collect(), total));
            }
        };
        let types: Vec<&str> = q.types.iter().map(|t| t.as_str()).collect();
        let symmetric = symmetric_types();
        let flagged = q.include_flagged;
        let total = match self
            .rows(&edge_count_sql(shape), &[&id, &types, &flagged, &symmetric])?
            .first()
        {
            Some(r) => count(col(r, 0)?),
            None => return Err(StoreError::Corrupt("no count row".into())),
        };
        // A NULL limit is none.
        let limit = limit.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let rows = self.rows(
            &edge_page_sql(shape),
            &[&id, &types, &flagged, &symmetric, &limit, &offset],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let edge_id: i64 = col(r, 0)?;
            out.push(EdgeRow {
                source: col(r, 1)?,
                source_key: col(r, 2)?,
                source_kind: parse_kind(&col::<String>(r, 3)?)?,
                edge: parse_type(&col::<String>(r, 4)?)?,
                target: col(r, 5)?,
                target_key: col(r, 6)?,
                target_kind: parse_kind(&col::<String>(r, 7)?)?,
                flagged: col(r, 8)?,
                count: count(col(r, 9)?),
                first_seen: col(r, 11)?,
                last_seen: col(r, 12)?,
                evidence_total: count(col(r, 10)?),
                evidence: self.edge_evidence(edge_id, q, q.evidence_limit)?,
            });
        }
        Ok((out, total))
    }

    /// The edges touching entity `id`, with their ends' row ids.
    pub(crate) fn edges_touching(
        &self,
        id: i64,
        q: &EdgeQuery,
    ) -> Result<Vec<EndsAndRow>, StoreError> {
        self.edge_rows(Shape::Touching, Some(id), &[], q)
    }

    /// The edges among these entities (row ids), as `edges` would list them
    /// from the whole graph.
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
        let rows = self.edge_rows(Shape::Among, None, &ids, &q)?;
        Ok(rows.into_iter().map(|(_, r)| r).collect())
    }

    fn edge_rows(
        &self,
        shape: Shape,
        id: Option<i64>,
        among: &[i64],
        q: &EdgeQuery,
    ) -> Result<Vec<EndsAndRow>, StoreError> {
        Ok(self.edge_rows_page(shape, id, among, q, None, 0)?.0)
    }

    /// [`Postgres::edge_rows`] cut to at most `limit` rows after `offset`,
    /// with how many there are in all; evidence is read for the kept rows
    /// only.
    fn edge_rows_page(
        &self,
        shape: Shape,
        id: Option<i64>,
        among: &[i64],
        q: &EdgeQuery,
        limit: Option<usize>,
        offset: usize,
    ) -> Result<(Vec<EndsAndRow>, usize), StoreError> {
        let types: Vec<&str> = q.types.iter().map(|t| t.as_str()).collect();
        let symmetric = symmetric_types();
        let sql = edge_head_sql(shape);
        let flagged = q.include_flagged;
        let id = id.unwrap_or(0);
        let rows = match shape {
            Shape::From | Shape::To => self.rows(&sql, &[&id, &types, &flagged, &symmetric])?,
            Shape::Touching => self.rows(&sql, &[&id, &types, &flagged])?,
            Shape::Among => self.rows(&sql, &[&among, &types, &flagged])?,
            Shape::All => self.rows(&sql, &[&types, &flagged])?,
        };
        let narrowed = q.since.is_some() || q.until.is_some() || q.min_confidence.is_some();
        let mut all_evidence = match (shape, q.evidence_limit) {
            (Shape::All, None) => Some(self.all_evidence(q)?),
            _ => None,
        };
        let mut out: Vec<IdEndsAndRow> = Vec::new();
        for r in &rows {
            let edge_id: i64 = col(r, 0)?;
            let edge = parse_type(&col::<String>(r, 4)?)?;
            let (s, t): (i64, i64) = (col(r, 13)?, col(r, 14)?);
            let sym = edge.is_symmetric();
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
                    articles: count(col(r, 9)?),
                    evidence: count(col(r, 10)?),
                    first_seen: col(r, 11)?,
                    last_seen: col(r, 12)?,
                }
            };
            if support.evidence == 0 {
                continue;
            }
            out.push((
                (edge_id, (s, t)),
                EdgeRow {
                    source: col(r, 1)?,
                    source_key: col(r, 2)?,
                    source_kind: parse_kind(&col::<String>(r, 3)?)?,
                    edge,
                    target: col(r, 5)?,
                    target_key: col(r, 6)?,
                    target_kind: parse_kind(&col::<String>(r, 7)?)?,
                    flagged: col(r, 8)?,
                    count: support.articles,
                    first_seen: support.first_seen,
                    last_seen: support.last_seen,
                    evidence_total: support.evidence,
                    evidence: Vec::new(),
                },
            ));
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

    fn all_evidence(&self, q: &EdgeQuery) -> Result<HashMap<i64, Vec<EvidenceRow>>, StoreError> {
        let rows = self.rows(
            &format!(
                "SELECT {EVIDENCE_COLUMNS}, ev.edge_id
                 FROM evidence ev JOIN article a ON a.id = ev.article_id
                 WHERE {IN_PERIOD}
                 ORDER BY ev.edge_id, {EVIDENCE_ORDER}"
            ),
            &[&q.since, &q.until, &q.min_confidence],
        )?;
        let mut out: HashMap<i64, Vec<EvidenceRow>> = HashMap::new();
        for r in &rows {
            out.entry(col(r, 10)?).or_default().push(evidence_row(r)?);
        }
        Ok(out)
    }

    fn edge_support(&self, edge_id: i64, q: &EdgeQuery) -> Result<Support, StoreError> {
        let rows = self.rows(
            &format!(
                "SELECT count(DISTINCT ev.article_id), count(*), min(a.date), max(a.date)
                 FROM evidence ev JOIN article a ON a.id = ev.article_id
                 WHERE ev.edge_id = $4 AND {IN_PERIOD}"
            ),
            &[&q.since, &q.until, &q.min_confidence, &edge_id],
        )?;
        let Some(r) = rows.first() else {
            return Err(StoreError::Corrupt("no support row".into()));
        };
        Ok(Support {
            articles: count(col(r, 0)?),
            evidence: count(col(r, 1)?),
            first_seen: col(r, 2)?,
            last_seen: col(r, 3)?,
        })
    }

    fn edge_evidence(
        &self,
        edge_id: i64,
        q: &EdgeQuery,
        limit: Option<usize>,
    ) -> Result<Vec<EvidenceRow>, StoreError> {
        if limit == Some(0) {
            return Ok(Vec::new());
        }
        // A NULL limit is none.
        let limit = limit.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        let rows = self.rows(
            &format!(
                "SELECT {EVIDENCE_COLUMNS}
                 FROM evidence ev JOIN article a ON a.id = ev.article_id
                 WHERE ev.edge_id = $4 AND {IN_PERIOD}
                 ORDER BY ev.date NULLS FIRST, {EVIDENCE_ORDER_IN_DATE}
                 LIMIT $5::bigint"
            ),
            &[&q.since, &q.until, &q.min_confidence, &edge_id, &limit],
        )?;
        rows.iter().map(evidence_row).collect()
    }

    /// The entity whose canonical key this is.
    pub fn entity_by_key(&self, key: &str) -> Result<Option<EntityRef>, StoreError> {
        self.opt(
            "SELECT e.id, e.key, e.name, e.kind FROM entity e WHERE e.key = $1",
            &[&key],
        )?
        .map(|r| entity_ref(&r, 0))
        .transpose()
    }

    /// The entities that carry this name or alias (folded), most mentioned
    /// first, then by name.
    pub fn entities_named(&self, name: &str) -> Result<Vec<(EntityRef, usize)>, StoreError> {
        self.rows(
            "SELECT e.id, e.key, e.name, e.kind, e.articles AS n
             FROM alias a JOIN entity e ON e.id = a.entity_id
             WHERE a.folded = $1
             ORDER BY n DESC, e.name, e.key",
            &[&fold(name)],
        )?
        .iter()
        .map(|r| Ok((entity_ref(r, 0)?, count(col(r, 4)?))))
        .collect()
    }

    /// Every stored name and alias, folded, with its entity's name.
    pub fn all_names(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.rows(
            "SELECT a.folded, e.name FROM alias a JOIN entity e ON e.id = a.entity_id
             WHERE e.mentions > 0",
            &[],
        )?
        .iter()
        .map(|r| Ok((col(r, 0)?, col(r, 1)?)))
        .collect()
    }

    /// The earliest and latest article dates.
    pub fn date_span(&self) -> Result<Option<(String, String)>, StoreError> {
        let rows = self.rows(
            "SELECT min(date), max(date) FROM article WHERE date IS NOT NULL",
            &[],
        )?;
        let Some(r) = rows.first() else {
            return Ok(None);
        };
        Ok(match (col(r, 0)?, col(r, 1)?) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        })
    }

    /// Every name of an entity, as spelt.
    pub fn entity_names(&self, id: i64) -> Result<Vec<String>, StoreError> {
        self.rows(
            "SELECT alias FROM alias WHERE entity_id = $1 ORDER BY alias",
            &[&id],
        )?
        .iter()
        .map(|r| col(r, 0))
        .collect()
    }

    /// Title and body of each stored article with this label, address and
    /// date.
    pub fn article_texts(
        &self,
        label: &str,
        url: Option<&str>,
        date: Option<&str>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let rows = self.rows(
            "SELECT id, title, body, body_kept FROM article
             WHERE coalesce(label, key) = $1 AND url IS NOT DISTINCT FROM $2::text
               AND date IS NOT DISTINCT FROM $3::text
             ORDER BY id",
            &[&label, &url, &date],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let (title, body): (String, String) = (col(r, 1)?, col(r, 2)?);
            if col::<bool>(r, 3)? {
                out.push((title, body));
                continue;
            }
            // Without its body: as far as its stored sentences give it.
            let known: Vec<(i64, String)> = self
                .rows(
                    "SELECT start, text FROM sentence WHERE article_id = $1 AND NOT headline
                     ORDER BY start",
                    &[&col::<i64>(r, 0)?],
                )?
                .iter()
                .map(|s| Ok((col(s, 0)?, col(s, 1)?)))
                .collect::<Result<_, StoreError>>()?;
            out.push((title, super::body_from_sentences(&known)));
        }
        Ok(out)
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

/// The access path of an edge listing (as the SQLite backend's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    From,
    To,
    Touching,
    Among,
    All,
}

impl From<Ends> for Shape {
    fn from(ends: Ends) -> Self {
        match ends {
            Ends::From => Shape::From,
            Ends::To => Shape::To,
            Ends::Touching => Shape::Touching,
            Ends::All => Shape::All,
        }
    }
}

/// The columns of a piece of evidence, in [`evidence_row`]'s order.
const EVIDENCE_COLUMNS: &str =
    "coalesce(a.label, a.key), a.date, ev.sentence, ev.start, ev.\"end\", coalesce((SELECT sn.text FROM sentence sn WHERE sn.article_id = ev.article_id AND sn.headline = ev.headline AND sn.idx = ev.sentence), ev.text),
     ev.confidence, ev.role, ev.rule, ev.via";

/// The asked dates and confidence: binds `$1` since, `$2` until, `$3`
/// minimum confidence.
/// The entities listed: of a kind (`$1`, NULL: any) whose name or an alias
/// contains a text (`$2`, a LIKE pattern; NULL: any), and mentioned.
const ENTITIES_WHERE: &str = "($1::text IS NULL OR e.kind = $1::text)
    AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM alias a WHERE a.entity_id = e.id AND a.folded LIKE $2::text ESCAPE '\\')
         OR lower(e.name) LIKE $2::text ESCAPE '\\')
    AND e.mentions > 0";

const IN_PERIOD: &str = "($1::text IS NULL OR a.date >= $1::text)
       AND ($2::text IS NULL OR a.date <= $2::text)
       AND ($3::float8 IS NULL OR ev.confidence >= $3::float8)";

/// Evidence by date (undated first, as SQLite orders NULL), article,
/// position and the order written (SQLite's rowid).
const EVIDENCE_ORDER: &str = "a.date NULLS FIRST, coalesce(a.label, a.key), a.key, ev.start, ev.id";

/// [`EVIDENCE_ORDER`] after the date: an edge's evidence is read by the
/// evidence row's copy of the date (migration 0003) from
/// `evidence_by_edge_date`, and only the rows of a date are sorted.
const EVIDENCE_ORDER_IN_DATE: &str = "coalesce(a.label, a.key), a.key, ev.start, ev.id";

fn evidence_row(r: &Row) -> Result<EvidenceRow, StoreError> {
    Ok(EvidenceRow {
        article: col(r, 0)?,
        date: col(r, 1)?,
        sentence: col(r, 2)?,
        start: col(r, 3)?,
        end: col(r, 4)?,
        text: col(r, 5)?,
        confidence: col(r, 6)?,
        role: col(r, 7)?,
        rule: col(r, 8)?,
        via: col(r, 9)?,
    })
}

fn entity_ref(r: &Row, i: usize) -> Result<EntityRef, StoreError> {
    Ok(EntityRef {
        id: col(r, i)?,
        key: col(r, i + 1)?,
        name: col(r, i + 2)?,
        kind: parse_kind(&col::<String>(r, i + 3)?)?,
    })
}

/// The symmetric edge types: which types match at either end is the
/// ontology's fact, not the SQL's.
fn symmetric_types() -> Vec<&'static str> {
    EdgeType::ALL
        .iter()
        .filter(|t| t.is_symmetric())
        .map(|t| t.as_str())
        .collect()
}

/// The arms of a listing of one entity's edges: the indexed end column
/// each reads, and whether it keeps only the symmetric types (`$4`).
fn one_end_arms(shape: Shape) -> [(&'static str, bool); 2] {
    match shape {
        Shape::To => [("target_id", false), ("source_id", true)],
        Shape::Touching => [("source_id", false), ("target_id", false)],
        _ => [("source_id", false), ("target_id", true)],
    }
}

/// The scope of a page of one entity's edges (binds `$2` types, `$3`
/// flagged, `$4` symmetric types), with the edges left without evidence
/// out, so that the count and the page agree.
fn page_scope(sym: bool) -> String {
    let sym = if sym {
        " AND ed.type = ANY($4::text[])"
    } else {
        ""
    };
    format!(
        "NOT ed.rejected AND ed.evidence_count > 0 AND ($3::boolean OR NOT ed.flagged)
         AND (cardinality($2::text[]) = 0 OR ed.type = ANY($2::text[])){sym}"
    )
}

/// One page of an entity's edges in `sort_by_weight`'s order (names
/// compared byte by byte, as Rust compares them), read busiest first from
/// `edge_by_source_articles` and `edge_by_target_articles`. Binds `$1` the
/// entity, `$2` to `$4` as [`page_scope`], `$5` the limit (NULL: none) and
/// `$6` the offset. Every shape binds `$4`; `Touching` does not test it.
fn edge_page_sql(shape: Shape) -> String {
    let mut types = EdgeType::ALL;
    types.sort();
    let rank: String = types
        .iter()
        .enumerate()
        .map(|(i, t)| format!(" WHEN '{}' THEN {i}", t.as_str()))
        .collect();
    let arms: Vec<String> = one_end_arms(shape)
        .iter()
        .map(|(end, sym)| {
            format!(
                "SELECT ed.id, s.name COLLATE \"C\" AS source_name, s.key, s.kind, ed.type,
                        t.name COLLATE \"C\" AS target_name, t.key, t.kind, ed.flagged,
                        ed.articles AS weight,
                        ed.evidence_count, ed.first_seen, ed.last_seen,
                        CASE ed.type{rank} END AS type_rank
                 FROM edge ed
                 JOIN entity s ON s.id = ed.source_id
                 JOIN entity t ON t.id = ed.target_id
                 WHERE ed.{end} = $1 AND {} AND $4::text[] IS NOT NULL",
                page_scope(*sym)
            )
        })
        .collect();
    format!(
        "{} ORDER BY weight DESC, source_name, type_rank, target_name, 9, 1
         LIMIT $5::bigint OFFSET $6::bigint",
        arms.join(" UNION ALL ")
    )
}

/// How many edges [`edge_page_sql`] lists in all (binds `$1` to `$4`).
fn edge_count_sql(shape: Shape) -> String {
    let arms: Vec<String> = one_end_arms(shape)
        .iter()
        .map(|(end, sym)| {
            format!(
                "(SELECT count(*) FROM edge ed WHERE ed.{end} = $1 AND {}
                   AND $4::text[] IS NOT NULL)",
                page_scope(*sym)
            )
        })
        .collect();
    format!("SELECT {}", arms.join(" + "))
}

/// The SQL of an edge listing of this shape. Binds, in order: `From`,
/// `To`: id, types, flagged, symmetric types; `Touching`: id, types,
/// flagged; `Among`: ids, types, flagged; `All`: types, flagged.
fn edge_head_sql(shape: Shape) -> String {
    let head = "SELECT ed.id, s.name, s.key, s.kind, ed.type, t.name, t.key, t.kind, ed.flagged,
                       ed.articles, ed.evidence_count, ed.first_seen, ed.last_seen,
                       ed.source_id, ed.target_id
                FROM edge ed
                JOIN entity s ON s.id = ed.source_id
                JOIN entity t ON t.id = ed.target_id";
    let scope = |types: usize, flagged: usize| {
        format!(
            "NOT ed.rejected AND (${flagged}::boolean OR NOT ed.flagged)
             AND (cardinality(${types}::text[]) = 0 OR ed.type = ANY(${types}::text[]))"
        )
    };
    let sym = "ed.type = ANY($4::text[])";
    match shape {
        Shape::From => format!(
            "{head} WHERE ed.source_id = $1 AND {s}
             UNION ALL {head} WHERE ed.target_id = $1 AND {sym} AND {s}",
            s = scope(2, 3)
        ),
        Shape::To => format!(
            "{head} WHERE ed.target_id = $1 AND {s}
             UNION ALL {head} WHERE ed.source_id = $1 AND {sym} AND {s}",
            s = scope(2, 3)
        ),
        Shape::Touching => format!(
            "{head} WHERE ed.source_id = $1 AND {s}
             UNION ALL {head} WHERE ed.target_id = $1 AND {s}",
            s = scope(2, 3)
        ),
        Shape::Among => format!(
            "{head} WHERE ed.source_id = ANY($1::bigint[]) AND ed.target_id = ANY($1::bigint[])
               AND {s}",
            s = scope(2, 3)
        ),
        Shape::All => format!("{head} WHERE {s}", s = scope(1, 2)),
    }
}

/// Adds a batch's tally to the stored aggregates, one statement for the
/// entities and one for the edges (`least` and `greatest` skip a NULL, as
/// SQLite's `coalesce(min(..))` does).
fn apply_tally(tx: &mut Tx, tally: Tally) -> Result<(), StoreError> {
    let mut ids = Vec::with_capacity(tally.entities.len());
    let (mut mentions, mut articles) = (Vec::new(), Vec::new());
    for (id, (m, a)) in tally.entities {
        ids.push(id);
        mentions.push(m);
        articles.push(a);
    }
    if !ids.is_empty() {
        tx.exec(
            "UPDATE entity SET mentions = entity.mentions + x.m, articles = entity.articles + x.a
             FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS x(id, m, a)
             WHERE entity.id = x.id",
            &[&ids, &mentions, &articles],
        )?;
    }
    let mut ids = Vec::with_capacity(tally.edges.len());
    let (mut evidence, mut articles) = (Vec::new(), Vec::new());
    let (mut first, mut last) = (Vec::new(), Vec::new());
    for (id, t) in tally.edges {
        ids.push(id);
        evidence.push(t.evidence);
        articles.push(t.articles);
        first.push(t.first);
        last.push(t.last);
    }
    if !ids.is_empty() {
        tx.exec(
            "UPDATE edge SET
                 evidence_count = edge.evidence_count + x.n,
                 articles = edge.articles + x.a,
                 first_seen = least(edge.first_seen, x.f),
                 last_seen = greatest(edge.last_seen, x.l)
             FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[])
                  AS x(id, n, a, f, l)
             WHERE edge.id = x.id",
            &[&ids, &evidence, &articles, &first, &last],
        )?;
    }
    Ok(())
}

/// Recounts the aggregates of the edges and entities whose evidence or
/// mentions were deleted or moved in this batch.
fn refresh_aggregates(tx: &mut Tx, stale: &Stale) -> Result<(), StoreError> {
    let edges: Vec<i64> = stale.edges.iter().copied().collect();
    let entities: Vec<i64> = stale.entities.iter().copied().collect();
    if !edges.is_empty() {
        tx.exec(
            "UPDATE edge SET (articles, evidence_count, first_seen, last_seen) =
                 (SELECT count(DISTINCT ev.article_id), count(*), min(a.date), max(a.date)
                    FROM evidence ev JOIN article a ON a.id = ev.article_id
                   WHERE ev.edge_id = edge.id)
              WHERE id = ANY($1::bigint[])",
            &[&edges],
        )?;
    }
    if !entities.is_empty() {
        tx.exec(
            "UPDATE entity SET (articles, mentions) =
                 (SELECT count(DISTINCT m.article_id), count(*) FROM mention m
                   WHERE m.entity_id = entity.id)
              WHERE id = ANY($1::bigint[])",
            &[&entities],
        )?;
    }
    Ok(())
}

/// The one stored person with this surname; none when there are none or
/// several.
fn only_person_with_surname(tx: &mut Tx, surname: &str) -> Result<Option<i64>, StoreError> {
    let ids = tx.ids(
        "SELECT id FROM entity WHERE surname = $1 AND kind = 'person' LIMIT 2",
        &[&surname],
    )?;
    Ok(match ids[..] {
        [id] => Some(id),
        _ => None,
    })
}

/// The keys of the bodies a stored person represents.
fn bodies(tx: &mut Tx, id: i64) -> Result<Vec<String>, StoreError> {
    tx.strings(
        "SELECT t.key FROM edge JOIN entity t ON t.id = edge.target_id
         WHERE edge.source_id = $1 AND edge.type = 'represents'",
        &[&id],
    )
}

/// The one person already in the graph whose surname is this one-word
/// person's name, when the two are `compatible` (as the SQLite backend).
fn by_surname(
    tx: &mut Tx,
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

/// A surname's node joins the one full name of that surname (as the SQLite
/// backend's `join_surname_nodes`); returns how many joined (0 or 1).
fn join_surname_nodes(tx: &mut Tx, surname: &str, stale: &mut Stale) -> Result<usize, StoreError> {
    let Some(full) = only_person_with_surname(tx, surname)? else {
        return Ok(0);
    };
    let slug = crate::resolve::slug(surname);
    let one = tx.ids(
        "SELECT id FROM entity WHERE name = $1 AND kind = 'person' AND surname IS NULL
           AND qid IS NULL AND key = 'person/' || $2::text",
        &[&surname, &slug],
    )?;
    let Some(&one) = one.first() else {
        return Ok(0);
    };
    let named = tx.strings(
        "SELECT DISTINCT e.key FROM mention m JOIN entity e ON e.id = m.entity_id
         WHERE m.article_id IN (SELECT article_id FROM mention WHERE entity_id = $1)",
        &[&one],
    )?;
    let held = bodies(tx, one)?;
    let full_holds = bodies(tx, full)?;
    if !compatible(&held, &named, &full_holds) {
        return Ok(0);
    }
    merge_nodes(tx, one, full, stale)?;
    Ok(1)
}

/// Moves everything of entity `one` onto entity `full` and deletes `one`
/// (as the SQLite backend's `merge_nodes`, reading the edges in its
/// order, so that the edges made get ids in the same order).
fn merge_nodes(tx: &mut Tx, one: i64, full: i64, stale: &mut Stale) -> Result<(), StoreError> {
    tx.exec(
        "UPDATE mention SET entity_id = $2 WHERE entity_id = $1",
        &[&one, &full],
    )?;
    stale.entities.extend([one, full]);
    tx.exec(
        "INSERT INTO alias (entity_id, alias, folded)
         SELECT $2, alias, folded FROM alias WHERE entity_id = $1
         ON CONFLICT (entity_id, folded) DO UPDATE SET alias = excluded.alias
           WHERE excluded.alias > alias.alias",
        &[&one, &full],
    )?;
    let edges = tx.rows(
        "SELECT id, source_id, type, target_id, flagged FROM edge
         WHERE source_id = $1 OR target_id = $1
         ORDER BY source_id <> $1,
                  CASE WHEN source_id = $1 THEN type END,
                  CASE WHEN source_id = $1 THEN target_id END,
                  CASE WHEN source_id = $1 THEN flagged END,
                  id",
        &[&one],
    )?;
    for r in &edges {
        let (id, s, ty, t, flagged): (i64, i64, String, i64, bool) =
            (col(r, 0)?, col(r, 1)?, col(r, 2)?, col(r, 3)?, col(r, 4)?);
        let (s, t) = (
            if s == one { full } else { s },
            if t == one { full } else { t },
        );
        if s != t {
            tx.exec(
                "INSERT INTO edge (source_id, type, target_id, flagged) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
                &[&s, &ty, &t, &flagged],
            )?;
            let to = tx.ids(
                "SELECT id FROM edge WHERE source_id = $1 AND type = $2 AND target_id = $3
                   AND flagged = $4",
                &[&s, &ty, &t, &flagged],
            )?;
            if let Some(&to) = to.first() {
                tx.exec(
                    "UPDATE evidence SET edge_id = $2 WHERE edge_id = $1",
                    &[&id, &to],
                )?;
                stale.edges.insert(to);
            }
        }
        stale.edges.insert(id);
        tx.exec("DELETE FROM edge WHERE id = $1", &[&id])?;
    }
    tx.exec("DELETE FROM alias WHERE entity_id = $1", &[&one])?;
    tx.exec("DELETE FROM entity WHERE id = $1", &[&one])?;
    Ok(())
}

/// Writes one article inside the caller's transaction (as the SQLite
/// backend's `write_article`; mentions and evidence in one statement each).
#[allow(clippy::too_many_arguments)]
fn write_article(
    tx: &mut Tx,
    a: &Article,
    x: &Extraction,
    g: &Gazetteer,
    surnames: &mut Vec<String>,
    tally: &mut Tally,
    stale: &mut Stale,
    keep_body: bool,
) -> Result<IngestStats, StoreError> {
    let mut stats = IngestStats::default();
    let hash = a.content_hash();
    // An article stored without its body counts as changed when its body
    // is to be kept now: it is written again, whole.
    let existing = tx.opt(
        "SELECT id, CASE WHEN body_kept OR NOT $2 THEN hash END FROM article WHERE key = $1",
        &[&a.key, &keep_body],
    )?;
    if let Some(r) = existing {
        let (id, old): (i64, Option<String>) = (col(&r, 0)?, col(&r, 1)?);
        if old.as_deref() == Some(hash.as_str()) {
            stats.unchanged = 1;
            return Ok(stats);
        }
        // A changed article: its mentions and evidence go, and edges left
        // without evidence go with them.
        let touched = tx.ids(
            "SELECT DISTINCT edge_id FROM evidence WHERE article_id = $1",
            &[&id],
        )?;
        let entities = tx.ids(
            "SELECT DISTINCT entity_id FROM mention WHERE article_id = $1",
            &[&id],
        )?;
        tx.exec("DELETE FROM article WHERE id = $1", &[&id])?;
        for e in touched {
            tx.exec(
                "DELETE FROM edge WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM evidence WHERE edge_id = $1)",
                &[&e],
            )?;
            stale.edges.insert(e);
        }
        stale.entities.extend(entities);
        stats.replaced = 1;
    } else {
        stats.added = 1;
    }
    let article_id: i64 = match tx
        .rows(
            "INSERT INTO article (key, hash, title, date, url, source, body, label, body_kept)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            &[
                &a.key,
                &hash,
                &a.title,
                &a.date,
                &a.url,
                &a.source,
                &if keep_body { a.body.as_str() } else { "" },
                &a.label,
                &keep_body,
            ],
        )?
        .first()
    {
        Some(r) => col(r, 0)?,
        None => return Err(StoreError::Corrupt("insert returned no id".into())),
    };
    // The entities already stored, in one look-up.
    let keys: Vec<&str> = x.entities.iter().map(|e| e.key.as_str()).collect();
    let mut stored: HashMap<String, i64> = HashMap::new();
    for r in tx.rows(
        "SELECT key, id FROM entity WHERE key = ANY($1::text[])",
        &[&keys],
    )? {
        stored.insert(col(&r, 0)?, col(&r, 1)?);
    }
    let mut aliases = Aliases::default();
    let mut ids = Vec::with_capacity(x.entities.len());
    for (i, e) in x.entities.iter().enumerate() {
        let mut id = stored.get(&e.key).copied();
        if id.is_none() {
            id = by_surname(tx, x, i, e)?;
            if let Some(id) = id {
                stats.surnames_joined += 1;
                aliases.add(id, &e.name);
            }
        }
        let id = match id {
            Some(id) => id,
            None => {
                let qid = e.known.and_then(|k| g.entry(k).qid.clone());
                let surname = (e.kind == Kind::Person)
                    .then(|| e.name.rsplit_once(' ').map(|(_, last)| last))
                    .flatten();
                let id = match tx
                    .ids(
                        "INSERT INTO entity (key, kind, name, qid, surname)
                         VALUES ($1, $2, $3, $4, $5) RETURNING id",
                        &[&e.key, &e.kind.as_str(), &e.name, &qid, &surname],
                    )?
                    .first()
                {
                    Some(&id) => id,
                    None => return Err(StoreError::Corrupt("insert returned no id".into())),
                };
                stored.insert(e.key.clone(), id);
                surnames.extend(surname.map(str::to_string));
                stats.entities_added += 1;
                let known: Vec<&str> = e.known.map(|k| g.names_of(k)).unwrap_or_default();
                for name in std::iter::once(e.name.as_str()).chain(known) {
                    aliases.add(id, name);
                }
                id
            }
        };
        for a in &e.aliases {
            aliases.add(id, a);
        }
        ids.push(id);
    }
    aliases.write(tx)?;
    let mut m_entity = Vec::with_capacity(x.mentions.len());
    let mut m_start = Vec::with_capacity(x.mentions.len());
    let mut m_end = Vec::with_capacity(x.mentions.len());
    for &(e, start, end) in &x.mentions {
        m_entity.push(ids[e]);
        m_start.push(start as i64);
        m_end.push(end as i64);
    }
    if !m_entity.is_empty() {
        tx.exec(
            "INSERT INTO mention (article_id, entity_id, start, \"end\")
             SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::bigint[])",
            &[&article_id, &m_entity, &m_start, &m_end],
        )?;
    }
    // The article's edges: those stored found in one look-up, the new ones
    // written in one insert, in the order the article gives them.
    let mut wanted: Vec<EdgeKey> = Vec::new();
    for r in &x.relations {
        let key = (
            ids[r.source],
            r.edge.as_str(),
            ids[r.target],
            r.is_flagged(),
        );
        if key.0 != key.2 && !wanted.contains(&key) {
            wanted.push(key);
        }
    }
    let edge_ids = edge_ids(tx, &wanted, &mut stats)?;
    let mut ev = EvidenceColumns::default();
    // Each sentence once (migration 0004): the evidence row's text stays
    // empty and readers look the sentence up.
    let (mut sn_headline, mut sn_idx) = (Vec::new(), Vec::new());
    let (mut sn_start, mut sn_text) = (Vec::new(), Vec::new());
    for r in &x.relations {
        let (s, t) = (ids[r.source], ids[r.target]);
        if s == t {
            continue;
        }
        let Some(&edge_id) = edge_ids.get(&(s, r.edge.as_str(), t, r.is_flagged())) else {
            return Err(StoreError::Corrupt("an edge written is not found".into()));
        };
        ev.edge.push(edge_id);
        ev.sentence.push(r.sentence as i64);
        ev.start.push(r.start as i64);
        ev.end.push(r.end as i64);
        let text = x.evidence(r, a);
        if x.evidence_is_sentence(r) {
            let idx = r.sentence as i64;
            if !(0..sn_idx.len()).any(|i| sn_headline[i] == r.headline && sn_idx[i] == idx) {
                sn_headline.push(r.headline);
                sn_idx.push(idx);
                sn_start.push(x.evidence_start(r, a) as i64);
                sn_text.push(text.to_string());
            }
            ev.text.push(String::new());
        } else {
            ev.text.push(text.to_string());
        }
        ev.confidence
            .push((f64::from(r.confidence) * 100.0).round() / 100.0);
        ev.role.push(r.role.clone());
        ev.negated.push(r.negated);
        ev.hypothetical.push(r.hypothetical);
        ev.rule.push(Some(r.rule.clone()));
        ev.headline.push(r.headline);
        ev.via.push(r.via.as_ref().map(|v| v.text.clone()));
    }
    if !sn_idx.is_empty() {
        tx.exec(
            "INSERT INTO sentence (article_id, headline, idx, start, text)
             SELECT $1, * FROM unnest($2::boolean[], $3::bigint[], $4::bigint[], $5::text[])",
            &[&article_id, &sn_headline, &sn_idx, &sn_start, &sn_text],
        )?;
    }
    if !ev.edge.is_empty() {
        tx.exec(
            "INSERT INTO evidence (edge_id, article_id, sentence, start, \"end\", text, confidence,
                                   role, negated, hypothetical, rule, headline, via, date)
             SELECT e, $1, s, b, f, t, c, r, n, h, u, l, v, $14::text
             FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[],
                         $7::float8[], $8::text[], $9::boolean[], $10::boolean[], $11::text[],
                         $12::boolean[], $13::text[]) WITH ORDINALITY
                  AS x(e, s, b, f, t, c, r, n, h, u, l, v, i)
             ORDER BY i",
            &[
                &article_id,
                &ev.edge,
                &ev.sentence,
                &ev.start,
                &ev.end,
                &ev.text,
                &ev.confidence,
                &ev.role,
                &ev.negated,
                &ev.hypothetical,
                &ev.rule,
                &ev.headline,
                &ev.via,
                &a.date,
            ],
        )?;
    }
    tally.add_article(a.date.as_deref(), &m_entity, &ev.edge);
    Ok(stats)
}

/// An edge's unique key: source, type, target, flagged.
type EdgeKey<'a> = (i64, &'a str, i64, bool);

/// The row ids of these edges, inserting the missing ones (counted in
/// `stats`) in the order given: one look-up and at most one insert.
fn edge_ids<'a>(
    tx: &mut Tx,
    wanted: &[EdgeKey<'a>],
    stats: &mut IngestStats,
) -> Result<HashMap<EdgeKey<'a>, i64>, StoreError> {
    let mut out = HashMap::new();
    if wanted.is_empty() {
        return Ok(out);
    }
    let columns = |list: &[EdgeKey<'a>]| {
        let mut c: (Vec<i64>, Vec<&'a str>, Vec<i64>, Vec<bool>) = Default::default();
        for &(s, ty, t, f) in list {
            c.0.push(s);
            c.1.push(ty);
            c.2.push(t);
            c.3.push(f);
        }
        c
    };
    let (s, ty, t, f) = columns(wanted);
    let found = tx.rows(
        "SELECT e.source_id, e.type, e.target_id, e.flagged, e.id
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::boolean[]) AS x(s, ty, t, f)
         JOIN edge e ON e.source_id = x.s AND e.type = x.ty AND e.target_id = x.t
                    AND e.flagged = x.f",
        &[&s, &ty, &t, &f],
    )?;
    let mut have: HashMap<(i64, String, i64, bool), i64> = HashMap::new();
    for r in &found {
        have.insert((col(r, 0)?, col(r, 1)?, col(r, 2)?, col(r, 3)?), col(r, 4)?);
    }
    let mut missing = Vec::new();
    for &k in wanted {
        match have.get(&(k.0, k.1.to_string(), k.2, k.3)) {
            Some(&id) => {
                out.insert(k, id);
            }
            None => missing.push(k),
        }
    }
    if missing.is_empty() {
        return Ok(out);
    }
    stats.edges_added += missing.len();
    let (s, ty, t, f) = columns(&missing);
    let made = tx.rows(
        "INSERT INTO edge (source_id, type, target_id, flagged)
         SELECT s, ty, t, f
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::boolean[]) WITH ORDINALITY
              AS x(s, ty, t, f, i)
         ORDER BY i
         RETURNING source_id, type, target_id, flagged, id",
        &[&s, &ty, &t, &f],
    )?;
    for r in &made {
        have.insert((col(r, 0)?, col(r, 1)?, col(r, 2)?, col(r, 3)?), col(r, 4)?);
    }
    for k in missing {
        let Some(&id) = have.get(&(k.0, k.1.to_string(), k.2, k.3)) else {
            return Err(StoreError::Corrupt(
                "an inserted edge returned no id".into(),
            ));
        };
        out.insert(k, id);
    }
    Ok(out)
}

/// The aliases an article gives, written in one statement: of two
/// spellings of one entity that fold alike the greater in code-point order
/// is kept (byte order, as `COLLATE "C"` compares), as on SQLite, so the
/// result does not depend on the order articles arrive in.
#[derive(Default)]
struct Aliases {
    best: BTreeMap<(i64, String), String>,
}

impl Aliases {
    fn add(&mut self, id: i64, alias: &str) {
        match self.best.entry((id, fold(alias))) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(alias.to_string());
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                if alias > o.get().as_str() {
                    o.insert(alias.to_string());
                }
            }
        }
    }

    fn write(self, tx: &mut Tx) -> Result<(), StoreError> {
        if self.best.is_empty() {
            return Ok(());
        }
        let (mut ids, mut folded, mut alias) = (Vec::new(), Vec::new(), Vec::new());
        for ((id, f), a) in self.best {
            ids.push(id);
            folded.push(f);
            alias.push(a);
        }
        tx.exec(
            "INSERT INTO alias (entity_id, folded, alias)
             SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])
             ON CONFLICT (entity_id, folded) DO UPDATE SET alias = excluded.alias
               WHERE excluded.alias > alias.alias",
            &[&ids, &folded, &alias],
        )?;
        Ok(())
    }
}

/// One article's evidence rows, column by column, for one multi-row insert.
#[derive(Default)]
struct EvidenceColumns {
    edge: Vec<i64>,
    sentence: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    text: Vec<String>,
    confidence: Vec<f64>,
    role: Vec<Option<String>>,
    negated: Vec<bool>,
    hypothetical: Vec<bool>,
    rule: Vec<Option<String>>,
    headline: Vec<bool>,
    via: Vec<Option<String>>,
}

/// The scope of an edge `ed` for the analyst's queries: not flagged, not
/// rejected, of the asked types (`$1`), with at least one piece of
/// evidence in the asked dates and confidence (`$2` since, `$3` until,
/// `$4` minimum confidence).
const EDGE_IN_SCOPE: &str = "NOT ed.flagged AND NOT ed.rejected
  AND (cardinality($1::text[]) = 0 OR ed.type = ANY($1::text[]))
  AND (($2::text IS NULL AND $3::text IS NULL AND $4::float8 IS NULL) OR EXISTS (
        SELECT 1 FROM evidence ev2 JOIN article a2 ON a2.id = ev2.article_id
         WHERE ev2.edge_id = ed.id
           AND ($2::text IS NULL OR a2.date >= $2::text)
           AND ($3::text IS NULL OR a2.date <= $3::text)
           AND ($4::float8 IS NULL OR ev2.confidence >= $4::float8)))";

/// The scope of one piece of evidence `ev` from article `a` (binds `$2`,
/// `$3`, `$4` as [`EDGE_IN_SCOPE`]).
const EVIDENCE_IN_SCOPE: &str = "($2::text IS NULL OR a.date >= $2::text)
  AND ($3::text IS NULL OR a.date <= $3::text)
  AND ($4::float8 IS NULL OR ev.confidence >= $4::float8)";

/// The types of a query, as a text array.
fn type_list(q: &EdgeQuery) -> Vec<&'static str> {
    q.types.iter().map(|t| t.as_str()).collect()
}

impl Postgres {
    /// The entities joined to `id` by an edge in scope, in either
    /// direction, each once, with its kind; in row id order.
    pub fn adjacent(&self, id: i64, q: &EdgeQuery) -> Result<Vec<(i64, Kind)>, StoreError> {
        let sql = format!(
            "SELECT DISTINCT o.id, o.kind FROM (
               SELECT ed.target_id AS other FROM edge ed WHERE ed.source_id = $5 AND {EDGE_IN_SCOPE}
               UNION ALL
               SELECT ed.source_id FROM edge ed WHERE ed.target_id = $5 AND {EDGE_IN_SCOPE}
             ) x JOIN entity o ON o.id = x.other ORDER BY o.id"
        );
        self.rows(
            &sql,
            &[&type_list(q), &q.since, &q.until, &q.min_confidence, &id],
        )?
        .iter()
        .map(|r| Ok((col(r, 0)?, parse_kind(&col::<String>(r, 1)?)?)))
        .collect()
    }

    /// These entities by row id.
    pub fn entity_refs(&self, ids: &[i64]) -> Result<HashMap<i64, EntityRef>, StoreError> {
        let mut out = HashMap::new();
        for r in self.rows(
            "SELECT e.id, e.key, e.name, e.kind FROM entity e WHERE e.id = ANY($1::bigint[])",
            &[&ids],
        )? {
            let e = entity_ref(&r, 0)?;
            out.insert(e.id, e);
        }
        Ok(out)
    }

    /// Edges in scope with their support in the period, without their
    /// evidence; with `among`, only edges whose both ends are among these
    /// row ids. In row id order.
    pub fn edge_summaries(
        &self,
        q: &EdgeQuery,
        among: Option<&[i64]>,
    ) -> Result<Vec<EdgeSummary>, StoreError> {
        let sql = format!(
            "SELECT ed.id, s.id, s.key, s.name, s.kind, ed.type, t.id, t.key, t.name, t.kind,
                    count(DISTINCT ev.article_id), min(a.date), max(a.date)
             FROM edge ed
             JOIN entity s ON s.id = ed.source_id
             JOIN entity t ON t.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             JOIN article a ON a.id = ev.article_id
             WHERE NOT ed.flagged AND NOT ed.rejected
               AND (cardinality($1::text[]) = 0 OR ed.type = ANY($1::text[]))
               AND {EVIDENCE_IN_SCOPE}
               {}
             GROUP BY ed.id, s.id, t.id ORDER BY ed.id",
            if among.is_some() {
                "AND ed.source_id = ANY($5::bigint[]) AND ed.target_id = ANY($5::bigint[])"
            } else {
                ""
            }
        );
        let types = type_list(q);
        let rows = match among {
            Some(ids) => self.rows(&sql, &[&types, &q.since, &q.until, &q.min_confidence, &ids])?,
            None => self.rows(&sql, &[&types, &q.since, &q.until, &q.min_confidence])?,
        };
        rows.iter()
            .map(|r| {
                Ok(EdgeSummary {
                    id: col(r, 0)?,
                    source: entity_ref(r, 1)?,
                    edge: parse_type(&col::<String>(r, 5)?)?,
                    target: entity_ref(r, 6)?,
                    count: count(col(r, 10)?),
                    first_seen: col(r, 11)?,
                    last_seen: col(r, 12)?,
                })
            })
            .collect()
    }

    /// One piece of evidence in scope for an edge: the most confident,
    /// then the earliest.
    pub fn best_evidence(
        &self,
        edge_id: i64,
        q: &EdgeQuery,
    ) -> Result<Option<EvidenceRow>, StoreError> {
        let sql = format!(
            "SELECT {EVIDENCE_COLUMNS}
             FROM evidence ev JOIN article a ON a.id = ev.article_id
             WHERE ev.edge_id = $4 AND {IN_PERIOD}
             ORDER BY ev.confidence DESC, a.date IS NULL, a.date, a.id, ev.start, ev.id LIMIT 1"
        );
        self.rows(&sql, &[&q.since, &q.until, &q.min_confidence, &edge_id])?
            .first()
            .map(evidence_row)
            .transpose()
    }

    /// For each entity with an edge in scope, the number of distinct
    /// articles that support its edges in the period.
    pub fn articles_per_entity(&self, q: &EdgeQuery) -> Result<HashMap<i64, usize>, StoreError> {
        let scope = format!(
            "NOT ed.flagged AND NOT ed.rejected
             AND (cardinality($1::text[]) = 0 OR ed.type = ANY($1::text[]))
             AND {EVIDENCE_IN_SCOPE}"
        );
        let sql = format!(
            "SELECT x, count(DISTINCT aid) FROM (
               SELECT ed.source_id AS x, ev.article_id AS aid
                 FROM edge ed JOIN evidence ev ON ev.edge_id = ed.id JOIN article a ON a.id = ev.article_id
                WHERE {scope}
               UNION ALL
               SELECT ed.target_id, ev.article_id
                 FROM edge ed JOIN evidence ev ON ev.edge_id = ed.id JOIN article a ON a.id = ev.article_id
                WHERE {scope}) u
             GROUP BY x"
        );
        let mut out = HashMap::new();
        for r in self.rows(
            &sql,
            &[&type_list(q), &q.since, &q.until, &q.min_confidence],
        )? {
            out.insert(col(&r, 0)?, count(col(&r, 1)?));
        }
        Ok(out)
    }

    /// The edges of entity `id` in scope, one line per edge and article,
    /// in article date order (undated articles last), each with how many
    /// articles have supported that edge so far.
    pub fn timeline(&self, id: i64, q: &EdgeQuery) -> Result<Vec<TimelineRow>, StoreError> {
        let sql = format!(
            "SELECT a.id, a.date, coalesce(a.label, a.key), ed.id, s.id, s.key, s.name, s.kind,
                    ed.type, t.id, t.key, t.name, t.kind, coalesce((SELECT sn.text FROM sentence sn WHERE sn.article_id = ev.article_id AND sn.headline = ev.headline AND sn.idx = ev.sentence), ev.text)
             FROM edge ed
             JOIN entity s ON s.id = ed.source_id
             JOIN entity t ON t.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             JOIN article a ON a.id = ev.article_id
             WHERE (ed.source_id = $5 OR ed.target_id = $5)
               AND NOT ed.flagged AND NOT ed.rejected
               AND (cardinality($1::text[]) = 0 OR ed.type = ANY($1::text[]))
               AND {EVIDENCE_IN_SCOPE}
             ORDER BY a.date IS NULL, a.date, coalesce(a.label, a.key), a.id, ed.id,
                      ev.headline DESC, ev.start, ev.id"
        );
        let rows = self.rows(
            &sql,
            &[&type_list(q), &q.since, &q.until, &q.min_confidence, &id],
        )?;
        let mut out: Vec<TimelineRow> = Vec::new();
        let mut last: Option<(i64, i64)> = None;
        let mut seen: HashMap<i64, usize> = HashMap::new();
        for r in &rows {
            let (article_id, edge_id): (i64, i64) = (col(r, 0)?, col(r, 3)?);
            if last == Some((article_id, edge_id)) {
                if let Some(row) = out.last_mut() {
                    row.sentences += 1;
                }
                continue;
            }
            last = Some((article_id, edge_id));
            let nth = seen.entry(edge_id).or_default();
            *nth += 1;
            out.push(TimelineRow {
                date: col(r, 1)?,
                article: col(r, 2)?,
                source: entity_ref(r, 4)?,
                edge: parse_type(&col::<String>(r, 8)?)?,
                target: entity_ref(r, 9)?,
                nth: *nth,
                sentences: 1,
                text: col(r, 13)?,
            });
        }
        Ok(out)
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
        let sql = format!(
            "SELECT s.id, s.key, s.name, s.kind, ed.type, t.id, t.key, t.name, t.kind,
                    coalesce(a.label, a.key), a.url, a.date, ev.sentence, ev.start, ev.\"end\",
                    ev.headline, coalesce((SELECT sn.text FROM sentence sn WHERE sn.article_id = ev.article_id AND sn.headline = ev.headline AND sn.idx = ev.sentence), ev.text), ev.confidence, ev.rule, ev.via, ev.role, ev.negated,
                    ev.hypothetical, ed.rejected
             FROM edge ed
             JOIN entity s ON s.id = ed.source_id
             JOIN entity t ON t.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             JOIN article a ON a.id = ev.article_id
             WHERE ed.type = $1::text
               AND ((ed.source_id = $5 AND ed.target_id = $6)
                    OR ($7::boolean AND ed.source_id = $6 AND ed.target_id = $5))
               AND {EVIDENCE_IN_SCOPE}
             ORDER BY a.date IS NULL, a.date, coalesce(a.label, a.key), a.id, ev.headline DESC,
                      ev.start, ev.id"
        );
        let rows = self.rows(
            &sql,
            &[
                &edge.as_str(),
                &q.since,
                &q.until,
                &q.min_confidence,
                &source,
                &target,
                &edge.is_symmetric(),
            ],
        )?;
        rows.iter()
            .map(|r| {
                Ok(ExplainRow {
                    source: entity_ref(r, 0)?,
                    edge: parse_type(&col::<String>(r, 4)?)?,
                    target: entity_ref(r, 5)?,
                    article: col(r, 9)?,
                    url: col(r, 10)?,
                    date: col(r, 11)?,
                    sentence: col(r, 12)?,
                    start: col(r, 13)?,
                    end: col(r, 14)?,
                    headline: col(r, 15)?,
                    text: col(r, 16)?,
                    confidence: col(r, 17)?,
                    rule: col(r, 18)?,
                    via: col(r, 19)?,
                    role: col(r, 20)?,
                    negated: col(r, 21)?,
                    hypothetical: col(r, 22)?,
                    rejected: col(r, 23)?,
                })
            })
            .collect()
    }
}

impl Postgres {
    /// Each edge in scope with its supporting articles in the period up to
    /// `before` and in the period from `after` (as the SQLite backend's
    /// `diff`); in row id order.
    pub fn diff(
        &self,
        q: &EdgeQuery,
        before: &str,
        after: &str,
    ) -> Result<Vec<DiffRow>, StoreError> {
        let sql = format!(
            "SELECT s.id, s.key, s.name, s.kind, ed.type, t.id, t.key, t.name, t.kind,
                    count(DISTINCT CASE WHEN a.date <= $5::text THEN a.id END),
                    count(DISTINCT CASE WHEN a.date >= $6::text THEN a.id END),
                    min(a.date), max(a.date)
             FROM edge ed
             JOIN entity s ON s.id = ed.source_id
             JOIN entity t ON t.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             JOIN article a ON a.id = ev.article_id
             WHERE NOT ed.flagged AND NOT ed.rejected
               AND (cardinality($1::text[]) = 0 OR ed.type = ANY($1::text[]))
               AND {EVIDENCE_IN_SCOPE}
               AND (a.date <= $5::text OR a.date >= $6::text)
             GROUP BY ed.id, s.id, t.id ORDER BY ed.id"
        );
        self.rows(
            &sql,
            &[
                &type_list(q),
                &q.since,
                &q.until,
                &q.min_confidence,
                &before,
                &after,
            ],
        )?
        .iter()
        .map(|r| {
            let (b, f) = (count(col(r, 9)?), count(col(r, 10)?));
            Ok(DiffRow {
                change: Change::of(b, f),
                source: entity_ref(r, 0)?,
                edge: parse_type(&col::<String>(r, 4)?)?,
                target: entity_ref(r, 5)?,
                before: b,
                after: f,
                first_seen: col(r, 11)?,
                last_seen: col(r, 12)?,
            })
        })
        .collect()
    }

    /// Events in scope: one row per article and edge, in date order
    /// (undated last), then article, then edge.
    pub fn events(&self, q: &EdgeQuery) -> Result<Vec<EventRow>, StoreError> {
        let sql = format!(
            "SELECT coalesce(a.label, a.key), a.url, a.date,
                    s.id, s.key, s.name, s.kind, ed.type, t.id, t.key, t.name, t.kind, count(*),
                    bool_or(ev.headline OR ev.sentence = 0)
             FROM edge ed
             JOIN entity s ON s.id = ed.source_id
             JOIN entity t ON t.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             JOIN article a ON a.id = ev.article_id
             WHERE NOT ed.flagged AND NOT ed.rejected
               AND (cardinality($1::text[]) = 0 OR ed.type = ANY($1::text[]))
               AND {EVIDENCE_IN_SCOPE}
             GROUP BY a.id, ed.id, s.id, t.id
             ORDER BY a.date IS NULL, a.date, coalesce(a.label, a.key), a.id, ed.id"
        );
        self.rows(
            &sql,
            &[&type_list(q), &q.since, &q.until, &q.min_confidence],
        )?
        .iter()
        .map(|r| {
            Ok(EventRow {
                article: col(r, 0)?,
                url: col(r, 1)?,
                date: col(r, 2)?,
                source: entity_ref(r, 3)?,
                edge: parse_type(&col::<String>(r, 7)?)?,
                target: entity_ref(r, 8)?,
                mentions: count(col(r, 12)?),
                lead: col(r, 13)?,
            })
        })
        .collect()
    }

    /// The state each person represents in the most articles (ties: the
    /// state's key), person key to state key.
    pub fn represented_states(&self) -> Result<HashMap<String, String>, StoreError> {
        let rows = self.rows(
            "SELECT p.key, s.key, count(DISTINCT ev.article_id) AS n
             FROM edge ed
             JOIN entity p ON p.id = ed.source_id
             JOIN entity s ON s.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             WHERE ed.type = 'represents' AND NOT ed.flagged AND NOT ed.rejected
               AND s.kind = 'state'
             GROUP BY ed.id, p.key, s.key
             ORDER BY p.key, n DESC, s.key",
            &[],
        )?;
        let mut out = HashMap::new();
        for r in &rows {
            let (person, state): (String, String) = (col(r, 0)?, col(r, 1)?);
            out.entry(person).or_insert(state);
        }
        Ok(out)
    }
}

/// Rows written per statement when a snapshot is restored.
const CHUNK: usize = 5_000;

impl Postgres {
    /// Every row of the graph, each table in row id order (evidence in the
    /// order written).
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        let mut s = Snapshot::default();
        for r in self.rows(
            "SELECT id, key, hash, title, date, url, source, body, label, body_kept
             FROM article ORDER BY id",
            &[],
        )? {
            s.articles.push(ArticleRecord {
                id: col(&r, 0)?,
                key: col(&r, 1)?,
                hash: col(&r, 2)?,
                title: col(&r, 3)?,
                date: col(&r, 4)?,
                url: col(&r, 5)?,
                source: col(&r, 6)?,
                body: col(&r, 7)?,
                label: col(&r, 8)?,
                body_kept: col(&r, 9)?,
            });
        }
        for r in self.rows(
            "SELECT id, key, kind, name, qid, surname, articles, mentions FROM entity ORDER BY id",
            &[],
        )? {
            s.entities.push(EntityRecord {
                id: col(&r, 0)?,
                key: col(&r, 1)?,
                kind: col(&r, 2)?,
                name: col(&r, 3)?,
                qid: col(&r, 4)?,
                surname: col(&r, 5)?,
                articles: col(&r, 6)?,
                mentions: col(&r, 7)?,
            });
        }
        for r in self.rows(
            "SELECT entity_id, folded, alias FROM alias ORDER BY entity_id, folded",
            &[],
        )? {
            s.aliases.push((col(&r, 0)?, col(&r, 1)?, col(&r, 2)?));
        }
        // Mentions have no id: by article, then position, the order written.
        for r in self.rows(
            "SELECT article_id, entity_id, start, \"end\" FROM mention ORDER BY ctid",
            &[],
        )? {
            s.mentions
                .push((col(&r, 0)?, col(&r, 1)?, col(&r, 2)?, col(&r, 3)?));
        }
        for r in self.rows(
            "SELECT id, source_id, type, target_id, flagged, rejected, articles, evidence_count,
                    first_seen, last_seen
             FROM edge ORDER BY id",
            &[],
        )? {
            s.edges.push(EdgeRecord {
                id: col(&r, 0)?,
                source_id: col(&r, 1)?,
                edge: col(&r, 2)?,
                target_id: col(&r, 3)?,
                flagged: col(&r, 4)?,
                rejected: col(&r, 5)?,
                articles: col(&r, 6)?,
                evidence_count: col(&r, 7)?,
                first_seen: col(&r, 8)?,
                last_seen: col(&r, 9)?,
            });
        }
        for r in self.rows(
            "SELECT edge_id, article_id, sentence, start, \"end\", text, confidence, role,
                    negated, hypothetical, rule, headline, via
             FROM evidence ORDER BY id",
            &[],
        )? {
            s.evidence.push(EvidenceRecord {
                edge_id: col(&r, 0)?,
                article_id: col(&r, 1)?,
                sentence: col(&r, 2)?,
                start: col(&r, 3)?,
                end: col(&r, 4)?,
                text: col(&r, 5)?,
                confidence: col(&r, 6)?,
                role: col(&r, 7)?,
                negated: col(&r, 8)?,
                hypothetical: col(&r, 9)?,
                rule: col(&r, 10)?,
                headline: col(&r, 11)?,
                via: col(&r, 12)?,
            });
        }
        for r in self.rows(
            "SELECT article_id, headline, idx, start, text FROM sentence
             ORDER BY article_id, headline, idx",
            &[],
        )? {
            s.sentences.push((
                col(&r, 0)?,
                col(&r, 1)?,
                col(&r, 2)?,
                col(&r, 3)?,
                col(&r, 4)?,
            ));
        }
        for r in self.rows(
            "SELECT id, command, subject, subject_name, object, object_name, name, kind, edge,
                    \"user\", created_at, undone_at, undone_by
             FROM curation ORDER BY id",
            &[],
        )? {
            s.corrections.push(CorrectionRecord {
                id: col(&r, 0)?,
                command: col(&r, 1)?,
                subject: col(&r, 2)?,
                subject_name: col(&r, 3)?,
                object: col(&r, 4)?,
                object_name: col(&r, 5)?,
                name: col(&r, 6)?,
                kind: col(&r, 7)?,
                edge: col(&r, 8)?,
                user: col(&r, 9)?,
                created_at: col(&r, 10)?,
                undone_at: col(&r, 11)?,
                undone_by: col(&r, 12)?,
            });
        }
        Ok(s)
    }

    /// Writes a snapshot into this database, which must hold no article
    /// and no correction, in one transaction (under the write lock), row
    /// ids kept and the id sequences moved past them.
    pub fn restore(&mut self, s: &Snapshot) -> Result<(), StoreError> {
        let mut client = self.client.borrow_mut();
        let mut tx = Tx {
            tx: client.transaction()?,
            cache: &self.prepared,
        };
        tx.exec("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        let held = tx.ids(
            "SELECT (SELECT count(*) FROM article) + (SELECT count(*) FROM entity)
                  + (SELECT count(*) FROM curation)",
            &[],
        )?;
        if held.first().copied().unwrap_or(0) > 0 {
            return Err(StoreError::NotEmpty);
        }
        for part in s.articles.chunks(CHUNK) {
            let id: Vec<i64> = part.iter().map(|a| a.id).collect();
            let key: Vec<&str> = part.iter().map(|a| a.key.as_str()).collect();
            let hash: Vec<&str> = part.iter().map(|a| a.hash.as_str()).collect();
            let title: Vec<&str> = part.iter().map(|a| a.title.as_str()).collect();
            let date: Vec<Option<&str>> = part.iter().map(|a| a.date.as_deref()).collect();
            let url: Vec<Option<&str>> = part.iter().map(|a| a.url.as_deref()).collect();
            let source: Vec<Option<&str>> = part.iter().map(|a| a.source.as_deref()).collect();
            let body: Vec<&str> = part.iter().map(|a| a.body.as_str()).collect();
            let label: Vec<Option<&str>> = part.iter().map(|a| a.label.as_deref()).collect();
            let kept: Vec<bool> = part.iter().map(|a| a.body_kept).collect();
            tx.exec(
                "INSERT INTO article (id, key, hash, title, date, url, source, body, label, body_kept)
                 SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[],
                                      $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                                      $10::boolean[])",
                &[
                    &id, &key, &hash, &title, &date, &url, &source, &body, &label, &kept,
                ],
            )?;
        }
        for part in s.sentences.chunks(CHUNK) {
            let article: Vec<i64> = part.iter().map(|x| x.0).collect();
            let headline: Vec<bool> = part.iter().map(|x| x.1).collect();
            let idx: Vec<i64> = part.iter().map(|x| x.2).collect();
            let start: Vec<i64> = part.iter().map(|x| x.3).collect();
            let text: Vec<&str> = part.iter().map(|x| x.4.as_str()).collect();
            tx.exec(
                "INSERT INTO sentence (article_id, headline, idx, start, text)
                 SELECT * FROM unnest($1::bigint[], $2::boolean[], $3::bigint[], $4::bigint[],
                                      $5::text[])",
                &[&article, &headline, &idx, &start, &text],
            )?;
        }
        for part in s.entities.chunks(CHUNK) {
            let id: Vec<i64> = part.iter().map(|e| e.id).collect();
            let key: Vec<&str> = part.iter().map(|e| e.key.as_str()).collect();
            let kind: Vec<&str> = part.iter().map(|e| e.kind.as_str()).collect();
            let name: Vec<&str> = part.iter().map(|e| e.name.as_str()).collect();
            let qid: Vec<Option<&str>> = part.iter().map(|e| e.qid.as_deref()).collect();
            let surname: Vec<Option<&str>> = part.iter().map(|e| e.surname.as_deref()).collect();
            let articles: Vec<i64> = part.iter().map(|e| e.articles).collect();
            let mentions: Vec<i64> = part.iter().map(|e| e.mentions).collect();
            tx.exec(
                "INSERT INTO entity (id, key, kind, name, qid, surname, articles, mentions)
                 SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[],
                                      $5::text[], $6::text[], $7::bigint[], $8::bigint[])",
                &[
                    &id, &key, &kind, &name, &qid, &surname, &articles, &mentions,
                ],
            )?;
        }
        for part in s.aliases.chunks(CHUNK) {
            let id: Vec<i64> = part.iter().map(|a| a.0).collect();
            let folded: Vec<&str> = part.iter().map(|a| a.1.as_str()).collect();
            let alias: Vec<&str> = part.iter().map(|a| a.2.as_str()).collect();
            tx.exec(
                "INSERT INTO alias (entity_id, folded, alias)
                 SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])",
                &[&id, &folded, &alias],
            )?;
        }
        for part in s.mentions.chunks(CHUNK) {
            let a: Vec<i64> = part.iter().map(|m| m.0).collect();
            let e: Vec<i64> = part.iter().map(|m| m.1).collect();
            let b: Vec<i64> = part.iter().map(|m| m.2).collect();
            let f: Vec<i64> = part.iter().map(|m| m.3).collect();
            tx.exec(
                "INSERT INTO mention (article_id, entity_id, start, \"end\")
                 SELECT a, e, b, f FROM unnest($1::bigint[], $2::bigint[], $3::bigint[],
                                               $4::bigint[]) WITH ORDINALITY AS x(a, e, b, f, i)
                 ORDER BY i",
                &[&a, &e, &b, &f],
            )?;
        }
        for part in s.edges.chunks(CHUNK) {
            let id: Vec<i64> = part.iter().map(|e| e.id).collect();
            let src: Vec<i64> = part.iter().map(|e| e.source_id).collect();
            let ty: Vec<&str> = part.iter().map(|e| e.edge.as_str()).collect();
            let tgt: Vec<i64> = part.iter().map(|e| e.target_id).collect();
            let flagged: Vec<bool> = part.iter().map(|e| e.flagged).collect();
            let rejected: Vec<bool> = part.iter().map(|e| e.rejected).collect();
            let articles: Vec<i64> = part.iter().map(|e| e.articles).collect();
            let evidence: Vec<i64> = part.iter().map(|e| e.evidence_count).collect();
            let first: Vec<Option<&str>> = part.iter().map(|e| e.first_seen.as_deref()).collect();
            let last: Vec<Option<&str>> = part.iter().map(|e| e.last_seen.as_deref()).collect();
            tx.exec(
                "INSERT INTO edge (id, source_id, type, target_id, flagged, rejected, articles,
                                   evidence_count, first_seen, last_seen)
                 SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[],
                                      $5::boolean[], $6::boolean[], $7::bigint[], $8::bigint[],
                                      $9::text[], $10::text[])",
                &[
                    &id, &src, &ty, &tgt, &flagged, &rejected, &articles, &evidence, &first, &last,
                ],
            )?;
        }
        for part in s.evidence.chunks(CHUNK) {
            let mut ev = EvidenceColumns::default();
            let mut article = Vec::with_capacity(part.len());
            for e in part {
                article.push(e.article_id);
                ev.edge.push(e.edge_id);
                ev.sentence.push(e.sentence);
                ev.start.push(e.start);
                ev.end.push(e.end);
                ev.text.push(e.text.clone());
                ev.confidence.push(e.confidence);
                ev.role.push(e.role.clone());
                ev.negated.push(e.negated);
                ev.hypothetical.push(e.hypothetical);
                ev.rule.push(e.rule.clone());
                ev.headline.push(e.headline);
                ev.via.push(e.via.clone());
            }
            tx.exec(
                "INSERT INTO evidence (edge_id, article_id, sentence, start, \"end\", text,
                                       confidence, role, negated, hypothetical, rule, headline, via,
                                       date)
                 SELECT e, a, s, b, f, t, c, r, n, h, u, l, v,
                        (SELECT ar.date FROM article ar WHERE ar.id = a)
                 FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[],
                             $5::bigint[], $6::text[], $7::float8[], $8::text[], $9::boolean[],
                             $10::boolean[], $11::text[], $12::boolean[], $13::text[])
                      WITH ORDINALITY AS x(e, a, s, b, f, t, c, r, n, h, u, l, v, i)
                 ORDER BY i",
                &[
                    &ev.edge,
                    &article,
                    &ev.sentence,
                    &ev.start,
                    &ev.end,
                    &ev.text,
                    &ev.confidence,
                    &ev.role,
                    &ev.negated,
                    &ev.hypothetical,
                    &ev.rule,
                    &ev.headline,
                    &ev.via,
                ],
            )?;
        }
        for c in &s.corrections {
            tx.exec(
                "INSERT INTO curation (id, command, subject, subject_name, object, object_name,
                                       name, kind, edge, \"user\", created_at, undone_at, undone_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                &[
                    &c.id,
                    &c.command,
                    &c.subject,
                    &c.subject_name,
                    &c.object,
                    &c.object_name,
                    &c.name,
                    &c.kind,
                    &c.edge,
                    &c.user,
                    &c.created_at,
                    &c.undone_at,
                    &c.undone_by,
                ],
            )?;
        }
        // The next row made gets an id past the copied ones.
        for table in ["article", "entity", "edge", "curation"] {
            tx.exec(
                &format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                                   coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
                ),
                &[],
            )?;
        }
        tx.tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects issue 13: a password in a `--db` address is never printed.
    #[test]
    fn a_password_is_never_shown() {
        assert_eq!(
            label("postgres://ana:s3cret@db.example/geokg"),
            "postgres://ana:***@db.example/geokg"
        );
        assert_eq!(label("postgres://ana@host/g"), "postgres://ana@host/g");
        assert!(is_address("postgresql://h/g") && !is_address("geokg.db"));
    }
}
