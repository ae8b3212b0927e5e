//! The SQL of curation: the `curation` table of corrections (merge, split,
//! alias add and remove, retype, reject), their replay over the stored
//! graph at the end of every write transaction, and the rebuild behind
//! `curation undo`.
//!
//! The graph the extractor writes is the base; corrections are an overlay
//! replayed in the order they were made. Every step of the replay is
//! idempotent, so replaying after each ingest batch, inside its
//! transaction, leaves the graph corrected whatever was just written, and
//! a crash can never commit an uncorrected batch. Undo marks the
//! correction undone, rebuilds from their stored text the articles that
//! touch the entities it concerned (what they would be without any
//! correction), then replays the rest.
//!
//! Invariant: a correction is applied only to the entity or edge its keys
//! name; one whose entity is gone is skipped and reported `stale`, never
//! applied to another.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Sqlite, WriteCache, merge_nodes, write_article};
use crate::article::Article;
use crate::gazetteer::Gazetteer;
use crate::ontology::{EdgeType, Kind, fold};
use crate::store::{
    Action, Correction, CurationRow, Imported, Status, StoreError, follow, parse_kind, parse_type,
};

const COLUMNS: &str = "id, command, subject, subject_name, object, object_name, name, kind, edge,
     user, created_at, undone_at, undone_by";

type Raw = (
    i64,
    Correction,
    String,
    String,
    Option<String>,
    Option<String>,
);

fn read_row(r: &rusqlite::Row) -> Result<Raw, StoreError> {
    let command: String = r.get(1)?;
    let action = Action::parse(&command)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown correction '{command}'")))?;
    let kind: Option<String> = r.get(7)?;
    let edge: Option<String> = r.get(8)?;
    Ok((
        r.get(0)?,
        Correction {
            action,
            subject: r.get(2)?,
            subject_name: r.get(3)?,
            object: r.get(4)?,
            object_name: r.get(5)?,
            name: r.get(6)?,
            kind: kind.as_deref().map(parse_kind).transpose()?,
            edge: edge.as_deref().map(parse_type).transpose()?,
        },
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
        r.get(12)?,
    ))
}

/// Every correction in order, undone ones included.
fn all(tx: &rusqlite::Connection) -> Result<Vec<Raw>, StoreError> {
    let mut stmt = tx.prepare_cached(&format!("SELECT {COLUMNS} FROM curation ORDER BY id"))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(read_row(r)?);
    }
    Ok(out)
}

/// The row id of the entity with this key.
fn id_of(tx: &rusqlite::Connection, key: &str) -> Result<Option<i64>, StoreError> {
    Ok(tx
        .prepare_cached("SELECT id FROM entity WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// The row id of the entity with this key, when it is in the graph: it
/// has a mention or an edge (an entity whose articles were all replaced
/// keeps its row but neither).
fn present(tx: &rusqlite::Connection, key: &str) -> Result<Option<i64>, StoreError> {
    let Some(id) = id_of(tx, key)? else {
        return Ok(None);
    };
    let used: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM mention WHERE entity_id = ?1)
                 OR EXISTS (SELECT 1 FROM edge WHERE source_id = ?1)
                 OR EXISTS (SELECT 1 FROM edge WHERE target_id = ?1)",
        )?
        .query_row([id], |r| r.get(0))?;
    Ok(used.then_some(id))
}

/// Where merges sent each absorbed key (the corrections not undone).
fn redirects(list: &[Raw]) -> HashMap<String, String> {
    crate::store::redirects(list.iter().filter(|r| r.4.is_none()).map(|r| &r.1))
}

/// Applies one correction (`c`, entities already redirected) to the
/// graph; false when it no longer applies.
fn apply(tx: &Transaction, c: &Correction, merged_away: bool) -> Result<bool, StoreError> {
    match c.action {
        Action::Reject => {
            let (Some(edge), Some(object)) = (c.edge, &c.object) else {
                return Ok(false);
            };
            let (Some(s), Some(t)) = (id_of(tx, &c.subject)?, id_of(tx, object)?) else {
                return Ok(false);
            };
            let n = tx
                .prepare_cached(
                    "UPDATE edge SET rejected = 1
                     WHERE type = ?3 AND flagged = 0
                       AND ((source_id = ?1 AND target_id = ?2) OR (?4 AND source_id = ?2 AND target_id = ?1))",
                )?
                .execute(params![s, t, edge.as_str(), edge.is_symmetric()])?;
            let exists: bool = tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM edge WHERE type = ?3 AND flagged = 0
                       AND ((source_id = ?1 AND target_id = ?2) OR (?4 AND source_id = ?2 AND target_id = ?1)))",
                )?
                .query_row(params![s, t, edge.as_str(), edge.is_symmetric()], |r| {
                    r.get(0)
                })?;
            Ok(n > 0 || exists)
        }
        Action::Merge => {
            let Some(into) = present(tx, &c.subject)? else {
                return Ok(false);
            };
            if let Some(object) = &c.object
                && let Some(from) = id_of(tx, object)?
                && from != into
            {
                merge_nodes(tx, from, into)?;
            }
            Ok(true)
        }
        Action::Retype => {
            let (Some(x), Some(kind)) = (present(tx, &c.subject)?, c.kind) else {
                return Ok(false);
            };
            // A retype of an entity merged into another since: the merge
            // decided the node's kind.
            if !merged_away {
                tx.prepare_cached("UPDATE entity SET kind = ?2 WHERE id = ?1 AND kind <> ?2")?
                    .execute(params![x, kind.as_str()])?;
            }
            Ok(true)
        }
        Action::AliasRemove => {
            let (Some(x), Some(name)) = (present(tx, &c.subject)?, &c.name) else {
                return Ok(false);
            };
            tx.prepare_cached("DELETE FROM alias WHERE entity_id = ?1 AND folded = ?2")?
                .execute(params![x, fold(name)])?;
            Ok(true)
        }
        Action::AliasAdd => {
            let (Some(x), Some(name)) = (present(tx, &c.subject)?, &c.name) else {
                return Ok(false);
            };
            let folded = fold(name);
            add_alias(tx, x, name, &folded)?;
            // Other entities carrying the name (a later article's mention
            // of it was resolved elsewhere) give their mentions so
            // written, and the edges read from them, to this one.
            let others: Vec<i64> = tx
                .prepare_cached(
                    "SELECT entity_id FROM alias WHERE folded = ?1 AND entity_id <> ?2 ORDER BY entity_id",
                )?
                .query_map(params![folded, x], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for y in others {
                move_name(tx, y, x, &folded)?;
                drop_if_hollow(tx, y)?;
            }
            Ok(true)
        }
        Action::Split => {
            let (Some(x), Some(name), Some(kind), Some(key)) =
                (present(tx, &c.subject)?, &c.name, c.kind, c.split_key())
            else {
                return Ok(false);
            };
            let folded = fold(name);
            let has: bool = tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM alias WHERE entity_id = ?1 AND folded = ?2)",
                )?
                .query_row(params![x, folded], |r| r.get(0))?;
            let target = match id_of(tx, &key)? {
                Some(id) => id,
                None if !has => return Ok(true),
                None => {
                    tx.prepare_cached("INSERT INTO entity (key, kind, name) VALUES (?1, ?2, ?3)")?
                        .execute(params![key, kind.as_str(), name])?;
                    tx.last_insert_rowid()
                }
            };
            if target != x {
                move_name(tx, x, target, &folded)?;
                add_alias(tx, target, name, &folded)?;
                drop_if_hollow(tx, target)?;
            }
            Ok(true)
        }
    }
}

fn add_alias(tx: &Transaction, id: i64, name: &str, folded: &str) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO alias (entity_id, alias, folded) VALUES (?1, ?2, ?3)
         ON CONFLICT (entity_id, folded) DO NOTHING",
    )?
    .execute(params![id, name, folded])?;
    Ok(())
}

/// Deletes an entity left with no mention and no edge (and its aliases).
fn drop_if_hollow(tx: &Transaction, id: i64) -> Result<(), StoreError> {
    tx.prepare_cached(
        "DELETE FROM entity WHERE id = ?1
           AND NOT EXISTS (SELECT 1 FROM mention WHERE entity_id = ?1)
           AND NOT EXISTS (SELECT 1 FROM edge WHERE source_id = ?1)
           AND NOT EXISTS (SELECT 1 FROM edge WHERE target_id = ?1)",
    )?
    .execute([id])?;
    Ok(())
}

/// A piece of evidence: where it lies and its edge (source, type, target,
/// flagged).
struct EvidenceAt {
    rowid: i64,
    article: i64,
    start: i64,
    end: i64,
    headline: bool,
    edge: (i64, String, i64, i64),
}

/// Moves from entity `from` to entity `to` what the name `folded` stands
/// for: the alias, the mentions whose text is that name, and the evidence
/// read from them. A piece of evidence moves (its `from` end becomes
/// `to`) when the mentions of `from` inside its span are all written so;
/// when none lies inside (a headline, a resolved "he" or "the Secretary"),
/// when every mention of `from` in its article is written so. Edges left
/// without evidence go; evidence that would join `to` to itself goes.
fn move_name(tx: &Transaction, from: i64, to: i64, folded: &str) -> Result<(), StoreError> {
    // Each mention of `from`: its article, span and whether it is the name.
    let mentions: Vec<(i64, i64, i64, i64, bool)> = {
        let mut stmt = tx.prepare_cached(
            "SELECT m.rowid, m.article_id, m.start, m.end,
                    substr(CAST(a.body AS BLOB), m.start + 1, m.end - m.start),
                    a.body_kept, coalesce(a.label, a.key)
             FROM mention m JOIN article a ON a.id = m.article_id
             WHERE m.entity_id = ?1",
        )?;
        let mut rows = stmt.query([from])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            if !r.get::<_, bool>(5)? {
                return Err(StoreError::NoBody(r.get(6)?));
            }
            let bytes: Vec<u8> = r.get(4)?;
            let text = String::from_utf8_lossy(&bytes);
            out.push((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                fold(&text) == folded,
            ));
        }
        out
    };
    tx.prepare_cached("DELETE FROM alias WHERE entity_id = ?1 AND folded = ?2")?
        .execute(params![from, folded])?;
    if !mentions.iter().any(|m| m.4) {
        return Ok(());
    }
    let mut by_article: BTreeMap<i64, Vec<(i64, i64, bool)>> = BTreeMap::new();
    for &(_, article, start, end, is_name) in &mentions {
        by_article
            .entry(article)
            .or_default()
            .push((start, end, is_name));
    }
    // In a written order (the edges as `merge_nodes` reads them, each one's
    // evidence by article and the order written): the edges made below get
    // their ids in the same order on every backend.
    let evidence: Vec<EvidenceAt> = tx
        .prepare_cached(
            "SELECT ev.rowid, ev.article_id, ev.start, ev.end, ev.headline,
                    ed.source_id, ed.type, ed.target_id, ed.flagged
             FROM evidence ev JOIN edge ed ON ed.id = ev.edge_id
             WHERE ed.source_id = ?1 OR ed.target_id = ?1
             ORDER BY ed.source_id <> ?1,
                      CASE WHEN ed.source_id = ?1 THEN ed.type END,
                      CASE WHEN ed.source_id = ?1 THEN ed.target_id END,
                      CASE WHEN ed.source_id = ?1 THEN ed.flagged END,
                      ed.id, ev.article_id, ev.rowid",
        )?
        .query_map([from], |r| {
            Ok(EvidenceAt {
                rowid: r.get(0)?,
                article: r.get(1)?,
                start: r.get(2)?,
                end: r.get(3)?,
                headline: r.get(4)?,
                edge: (r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut touched = BTreeSet::new();
    for EvidenceAt {
        rowid,
        article,
        start,
        end,
        headline,
        edge: (s, ty, t, flagged),
    } in evidence
    {
        let Some(list) = by_article.get(&article) else {
            continue;
        };
        let inside: Vec<bool> = list
            .iter()
            .filter(|m| !headline && m.0 >= start && m.1 <= end)
            .map(|m| m.2)
            .collect();
        let moves = if inside.is_empty() {
            list.iter().all(|m| m.2)
        } else {
            inside.iter().all(|&n| n)
        };
        if !moves {
            continue;
        }
        let (s2, t2) = (
            if s == from { to } else { s },
            if t == from { to } else { t },
        );
        touched.insert((s, ty.clone(), t, flagged));
        if s2 == t2 {
            tx.prepare_cached("DELETE FROM evidence WHERE rowid = ?1")?
                .execute([rowid])?;
            continue;
        }
        tx.prepare_cached(
            "INSERT OR IGNORE INTO edge (source_id, type, target_id, flagged) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![s2, ty, t2, flagged])?;
        tx.prepare_cached(
            "UPDATE evidence SET edge_id = (SELECT id FROM edge WHERE source_id = ?2 AND type = ?3
               AND target_id = ?4 AND flagged = ?5) WHERE rowid = ?1",
        )?
        .execute(params![rowid, s2, ty, t2, flagged])?;
    }
    for (s, ty, t, flagged) in touched {
        tx.prepare_cached(
            "DELETE FROM edge WHERE source_id = ?1 AND type = ?2 AND target_id = ?3 AND flagged = ?4
               AND NOT EXISTS (SELECT 1 FROM evidence WHERE edge_id = edge.id)",
        )?
        .execute(params![s, ty, t, flagged])?;
    }
    for (rowid, _, _, _, is_name) in mentions {
        if is_name {
            tx.prepare_cached("UPDATE mention SET entity_id = ?2 WHERE rowid = ?1")?
                .execute([rowid, to])?;
        }
    }
    Ok(())
}

/// Replays every correction not undone, in order, over the graph as it
/// stands: called at the end of every write transaction. Returns the ids
/// of those that no longer apply.
pub(super) fn replay(tx: &Transaction) -> Result<Vec<i64>, StoreError> {
    let list = all(tx)?;
    if list.iter().all(|r| r.4.is_some()) {
        return Ok(Vec::new());
    }
    let map = redirects(&list);
    let mut stale = Vec::new();
    for (id, c, _, _, undone, _) in &list {
        if undone.is_some() {
            continue;
        }
        let mut c = c.clone();
        let subject = follow(&map, &c.subject).to_string();
        let merged_away = subject != c.subject;
        c.subject = subject;
        if c.action == Action::Reject
            && let Some(o) = &c.object
        {
            c.object = Some(follow(&map, o).to_string());
        }
        if !apply(tx, &c, merged_away)? {
            stale.push(*id);
        }
    }
    Ok(stale)
}

/// Whether each correction applies now, by id (same rules as the replay,
/// without writing).
fn statuses(conn: &rusqlite::Connection, list: &[Raw]) -> Result<Vec<Status>, StoreError> {
    let map = redirects(list);
    let mut out = Vec::with_capacity(list.len());
    for (_, c, _, _, undone, _) in list {
        if undone.is_some() {
            out.push(Status::Undone);
            continue;
        }
        let subject = follow(&map, &c.subject);
        let ok = match c.action {
            Action::Reject => {
                let object = c.object.as_deref().map(|o| follow(&map, o));
                match (id_of(conn, subject)?, object, c.edge) {
                    (Some(s), Some(o), Some(edge)) => match id_of(conn, o)? {
                        Some(t) => conn
                            .prepare_cached(
                                "SELECT EXISTS (SELECT 1 FROM edge WHERE type = ?3 AND flagged = 0
                                   AND ((source_id = ?1 AND target_id = ?2)
                                        OR (?4 AND source_id = ?2 AND target_id = ?1)))",
                            )?
                            .query_row(params![s, t, edge.as_str(), edge.is_symmetric()], |r| {
                                r.get(0)
                            })?,
                        None => false,
                    },
                    _ => false,
                }
            }
            _ => present(conn, subject)?.is_some(),
        };
        out.push(if ok { Status::Active } else { Status::Stale });
    }
    Ok(out)
}

fn rows_with_status(conn: &rusqlite::Connection) -> Result<Vec<CurationRow>, StoreError> {
    let list = all(conn)?;
    let statuses = statuses(conn, &list)?;
    Ok(list
        .into_iter()
        .zip(statuses)
        .map(
            |((id, correction, user, time, undone_at, undone_by), status)| CurationRow {
                id,
                user,
                time,
                correction,
                status,
                undone_by,
                undone_at,
            },
        )
        .collect())
}

fn insert(
    tx: &Transaction,
    c: &Correction,
    user: &str,
    time: Option<&str>,
) -> Result<i64, StoreError> {
    tx.prepare_cached(
        "INSERT INTO curation (command, subject, subject_name, object, object_name, name, kind, edge, user, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                 coalesce(?10, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
    )?
    .execute(params![
        c.action.as_str(),
        c.subject,
        c.subject_name,
        c.object,
        c.object_name,
        c.name,
        c.kind.map(Kind::as_str),
        c.edge.map(EdgeType::as_str),
        user,
        time,
    ])?;
    Ok(tx.last_insert_rowid())
}

impl Sqlite {
    /// Every name of an entity (its name and aliases), as spelt.
    pub fn entity_names(&self, id: i64) -> Result<Vec<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT alias FROM alias WHERE entity_id = ?1 ORDER BY alias")?
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    /// Every correction in the order made, with whether it applies.
    pub fn corrections(&self) -> Result<Vec<CurationRow>, StoreError> {
        rows_with_status(&self.conn)
    }

    /// Records a correction and applies it (with a replay of all), in one
    /// transaction; returns it as recorded.
    pub fn record_correction(
        &mut self,
        c: &Correction,
        user: &str,
    ) -> Result<CurationRow, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = insert(&tx, c, user, None)?;
        replay(&tx)?;
        super::refresh_aggregates(&tx)?;
        tx.commit()?;
        self.correction(id)
    }

    /// One correction by number.
    pub fn correction(&self, id: i64) -> Result<CurationRow, StoreError> {
        rows_with_status(&self.conn)?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("correction {id}")))
    }

    /// Records corrections read from a file (each with its author and
    /// time), skipping those already recorded and not undone, then replays
    /// all; one transaction.
    pub fn import_corrections(
        &mut self,
        list: &[(Correction, String, Option<String>)],
    ) -> Result<Imported, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut known: Vec<Correction> = all(&tx)?
            .into_iter()
            .filter(|r| r.4.is_none())
            .map(|r| r.1)
            .collect();
        let mut ids = Vec::new();
        let mut skipped = 0;
        for (c, user, time) in list {
            if known.iter().any(|k| k.same_as(c)) {
                skipped += 1;
                continue;
            }
            ids.push(insert(&tx, c, user, time.as_deref())?);
            known.push(c.clone());
        }
        replay(&tx)?;
        super::refresh_aggregates(&tx)?;
        tx.commit()?;
        let rows = rows_with_status(&self.conn)?;
        Ok(Imported {
            added: rows.into_iter().filter(|r| ids.contains(&r.id)).collect(),
            skipped,
        })
    }

    /// Undoes correction `id` (by `user`): marks it undone, then rebuilds
    /// from their stored text (extracted again with `g`) the articles that
    /// touch the entities it concerned, and replays the corrections left;
    /// one transaction. A rejected edge needs no rebuild: its mark is
    /// cleared and the other rejections replayed.
    pub fn undo_correction(
        &mut self,
        id: i64,
        user: &str,
        g: &Gazetteer,
    ) -> Result<CurationRow, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let list = all(&tx)?;
        let Some((_, c, ..)) = list.iter().find(|r| r.0 == id) else {
            return Err(StoreError::NotFound(format!("correction {id}")));
        };
        let map = redirects(&list);
        tx.prepare_cached(
            "UPDATE curation SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), undone_by = ?2
             WHERE id = ?1 AND undone_at IS NULL",
        )?
        .execute(params![id, user])?;
        if c.action == Action::Reject {
            tx.prepare_cached("UPDATE edge SET rejected = 0 WHERE rejected = 1")?
                .execute([])?;
        } else {
            let mut keys = vec![follow(&map, &c.subject).to_string(), c.subject.clone()];
            keys.extend(c.object.clone());
            keys.extend(c.split_key());
            rebuild(&tx, &keys, g)?;
        }
        replay(&tx)?;
        super::refresh_aggregates(&tx)?;
        tx.commit()?;
        self.correction(id)
    }
}

/// Extracts again, from their stored text, every article that mentions
/// one of the entities with these keys or supports one of their edges,
/// after deleting them and those entities: the base graph of those
/// entities, as ingest wrote it, before any correction.
fn rebuild(tx: &Transaction, keys: &[String], g: &Gazetteer) -> Result<(), StoreError> {
    let mut ids = Vec::new();
    for k in keys {
        ids.extend(id_of(tx, k)?);
    }
    ids.sort_unstable();
    ids.dedup();
    let mut articles = BTreeSet::new();
    for &id in &ids {
        let found: Vec<i64> = tx
            .prepare_cached(
                "SELECT article_id FROM mention WHERE entity_id = ?1
                 UNION SELECT ev.article_id FROM evidence ev JOIN edge ed ON ed.id = ev.edge_id
                  WHERE ed.source_id = ?1
                 UNION SELECT ev.article_id FROM evidence ev JOIN edge ed ON ed.id = ev.edge_id
                  WHERE ed.target_id = ?1",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        articles.extend(found);
    }
    let mut stored = Vec::new();
    for &a in &articles {
        let row = tx
            .prepare_cached(
                "SELECT key, coalesce(label, key), title, date, url, source, body, body_kept
                 FROM article WHERE id = ?1",
            )?
            .query_row([a], |r| {
                Ok((
                    Article {
                        key: r.get(0)?,
                        label: r.get(1)?,
                        title: r.get(2)?,
                        date: r.get(3)?,
                        url: r.get(4)?,
                        source: r.get(5)?,
                        body: r.get(6)?,
                    },
                    r.get::<_, bool>(7)?,
                ))
            })?;
        let row = match row {
            (_, false) => return Err(StoreError::NoBody(row.0.label)),
            (row, true) => row,
        };
        let touched: Vec<i64> = tx
            .prepare_cached("SELECT DISTINCT edge_id FROM evidence WHERE article_id = ?1")?
            .query_map([a], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        tx.prepare_cached("DELETE FROM article WHERE id = ?1")?
            .execute([a])?;
        for e in touched {
            tx.prepare_cached(
                "DELETE FROM edge WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM evidence WHERE edge_id = ?1)",
            )?
            .execute([e])?;
        }
        stored.push(row);
    }
    for &id in &ids {
        drop_if_hollow(tx, id)?;
    }
    let mut surnames = Vec::new();
    let mut tally = super::Tally::default();
    for a in &stored {
        let x = crate::extract::extract(a, g);
        // A fresh cache: it fills from the database as it goes.
        let mut cache = WriteCache::default();
        // Only articles with their body get here (checked above).
        write_article(tx, a, &x, g, &mut surnames, &mut tally, &mut cache, true)?;
    }
    super::apply_tally(tally, tx)?;
    surnames.sort();
    surnames.dedup();
    for surname in &surnames {
        super::join_surname_nodes(tx, surname)?;
    }
    Ok(())
}
