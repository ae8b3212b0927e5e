//! The SQL of curation on PostgreSQL: the `curation` table, the replay of
//! every correction not undone at the end of every write transaction, and
//! the rebuild behind `curation undo`, as `store/sqlite/curation.rs` does
//! them (`docs/CURATION.md`), statement for statement, so that the same
//! articles and corrections give the same graph, row ids in the same
//! order, on both backends.
//!
//! What SQLite's triggers list as stale (a moved or deleted mention or
//! piece of evidence) is collected here in [`Stale`] and recounted before
//! the transaction commits. Every write takes the advisory write lock
//! first, so corrections and ingest batches from any process take turns.
//!
//! Invariant: a correction is applied only to the entity or edge its keys
//! name; one whose entity is gone is skipped and reported `stale`, never
//! applied to another.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use postgres::Row;

use super::{
    Postgres, Stale, Tx, WRITE_LOCK, apply_tally, col, join_surname_nodes, merge_nodes,
    refresh_aggregates, write_article,
};
use crate::article::Article;
use crate::gazetteer::Gazetteer;
use crate::ontology::{EdgeType, Kind, fold};
use crate::store::{
    Action, Correction, CurationRow, Imported, Status, StoreError, Tally, follow, parse_kind,
    parse_type,
};

const ALL: &str = "SELECT id, command, subject, subject_name, object, object_name, name, kind,
     edge, \"user\", created_at, undone_at, undone_by FROM curation ORDER BY id";

/// The time now as SQLite's `strftime('%Y-%m-%dT%H:%M:%SZ', 'now')` writes it.
const NOW: &str = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

/// A correction as stored: id, the correction, user, time, undone at, by.
type Raw = (
    i64,
    Correction,
    String,
    String,
    Option<String>,
    Option<String>,
);

fn read_row(r: &Row) -> Result<Raw, StoreError> {
    let command: String = col(r, 1)?;
    let action = Action::parse(&command)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown correction '{command}'")))?;
    let kind: Option<String> = col(r, 7)?;
    let edge: Option<String> = col(r, 8)?;
    Ok((
        col(r, 0)?,
        Correction {
            action,
            subject: col(r, 2)?,
            subject_name: col(r, 3)?,
            object: col(r, 4)?,
            object_name: col(r, 5)?,
            name: col(r, 6)?,
            kind: kind.as_deref().map(parse_kind).transpose()?,
            edge: edge.as_deref().map(parse_type).transpose()?,
        },
        col(r, 9)?,
        col(r, 10)?,
        col(r, 11)?,
        col(r, 12)?,
    ))
}

/// Every correction in order, undone ones included.
fn all(tx: &mut Tx) -> Result<Vec<Raw>, StoreError> {
    tx.rows(ALL, &[])?.iter().map(read_row).collect()
}

fn redirects(list: &[Raw]) -> HashMap<String, String> {
    crate::store::redirects(list.iter().filter(|r| r.4.is_none()).map(|r| &r.1))
}

/// The row id of the entity with this key.
fn id_of(tx: &mut Tx, key: &str) -> Result<Option<i64>, StoreError> {
    Ok(tx
        .ids("SELECT id FROM entity WHERE key = $1", &[&key])?
        .first()
        .copied())
}

/// The row id of the entity with this key, when it has a mention or an
/// edge.
fn present(tx: &mut Tx, key: &str) -> Result<Option<i64>, StoreError> {
    let Some(id) = id_of(tx, key)? else {
        return Ok(None);
    };
    let used = flag(
        tx,
        "SELECT EXISTS (SELECT 1 FROM mention WHERE entity_id = $1)
             OR EXISTS (SELECT 1 FROM edge WHERE source_id = $1)
             OR EXISTS (SELECT 1 FROM edge WHERE target_id = $1)",
        &[&id],
    )?;
    Ok(used.then_some(id))
}

/// A query answering one boolean.
fn flag(tx: &mut Tx, sql: &str, p: super::Params) -> Result<bool, StoreError> {
    match tx.opt(sql, p)? {
        Some(r) => col(&r, 0),
        None => Ok(false),
    }
}

/// Whether the unflagged edge `s TYPE t` (either way for a symmetric type)
/// is stored.
fn edge_exists(tx: &mut Tx, s: i64, t: i64, edge: EdgeType) -> Result<bool, StoreError> {
    flag(
        tx,
        "SELECT EXISTS (SELECT 1 FROM edge WHERE type = $3 AND NOT flagged
           AND ((source_id = $1 AND target_id = $2)
                OR ($4 AND source_id = $2 AND target_id = $1)))",
        &[&s, &t, &edge.as_str(), &edge.is_symmetric()],
    )
}

/// Applies one correction (entities already redirected); false when it
/// no longer applies.
fn apply(
    tx: &mut Tx,
    c: &Correction,
    merged_away: bool,
    stale: &mut Stale,
) -> Result<bool, StoreError> {
    match c.action {
        Action::Reject => {
            let (Some(edge), Some(object)) = (c.edge, &c.object) else {
                return Ok(false);
            };
            let (Some(s), Some(t)) = (id_of(tx, &c.subject)?, id_of(tx, object)?) else {
                return Ok(false);
            };
            let n = tx.exec(
                "UPDATE edge SET rejected = true
                 WHERE type = $3 AND NOT flagged AND NOT rejected
                   AND ((source_id = $1 AND target_id = $2) OR ($4 AND source_id = $2 AND target_id = $1))",
                &[&s, &t, &edge.as_str(), &edge.is_symmetric()],
            )?;
            Ok(n > 0 || edge_exists(tx, s, t, edge)?)
        }
        Action::Merge => {
            let Some(into) = present(tx, &c.subject)? else {
                return Ok(false);
            };
            if let Some(object) = &c.object
                && let Some(from) = id_of(tx, object)?
                && from != into
            {
                merge_nodes(tx, from, into, stale)?;
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
                tx.exec(
                    "UPDATE entity SET kind = $2 WHERE id = $1 AND kind <> $2",
                    &[&x, &kind.as_str()],
                )?;
            }
            Ok(true)
        }
        Action::AliasRemove => {
            let (Some(x), Some(name)) = (present(tx, &c.subject)?, &c.name) else {
                return Ok(false);
            };
            tx.exec(
                "DELETE FROM alias WHERE entity_id = $1 AND folded = $2",
                &[&x, &fold(name)],
            )?;
            Ok(true)
        }
        Action::AliasAdd => {
            let (Some(x), Some(name)) = (present(tx, &c.subject)?, &c.name) else {
                return Ok(false);
            };
            let folded = fold(name);
            add_alias(tx, x, name, &folded)?;
            let others = tx.ids(
                "SELECT entity_id FROM alias WHERE folded = $1 AND entity_id <> $2 ORDER BY entity_id",
                &[&folded, &x],
            )?;
            for y in others {
                move_name(tx, y, x, &folded, stale)?;
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
            let has = flag(
                tx,
                "SELECT EXISTS (SELECT 1 FROM alias WHERE entity_id = $1 AND folded = $2)",
                &[&x, &folded],
            )?;
            let target = match id_of(tx, &key)? {
                Some(id) => id,
                None if !has => return Ok(true),
                None => match tx
                    .ids(
                        "INSERT INTO entity (key, kind, name) VALUES ($1, $2, $3) RETURNING id",
                        &[&key, &kind.as_str(), name],
                    )?
                    .first()
                {
                    Some(&id) => id,
                    None => return Err(StoreError::Corrupt("insert returned no id".into())),
                },
            };
            if target != x {
                move_name(tx, x, target, &folded, stale)?;
                add_alias(tx, target, name, &folded)?;
                drop_if_hollow(tx, target)?;
            }
            Ok(true)
        }
    }
}

fn add_alias(tx: &mut Tx, id: i64, name: &str, folded: &str) -> Result<(), StoreError> {
    tx.exec(
        "INSERT INTO alias (entity_id, alias, folded) VALUES ($1, $2, $3)
         ON CONFLICT (entity_id, folded) DO NOTHING",
        &[&id, &name, &folded],
    )?;
    Ok(())
}

/// Deletes an entity left with no mention and no edge (and its aliases).
fn drop_if_hollow(tx: &mut Tx, id: i64) -> Result<(), StoreError> {
    tx.exec(
        "DELETE FROM entity WHERE id = $1
           AND NOT EXISTS (SELECT 1 FROM mention WHERE entity_id = $1)
           AND NOT EXISTS (SELECT 1 FROM edge WHERE source_id = $1)
           AND NOT EXISTS (SELECT 1 FROM edge WHERE target_id = $1)",
        &[&id],
    )?;
    Ok(())
}

/// Moves from entity `from` to entity `to` what the name `folded` stands
/// for (the rule of `store/sqlite/curation.rs`'s `move_name`).
fn move_name(
    tx: &mut Tx,
    from: i64,
    to: i64,
    folded: &str,
    stale: &mut Stale,
) -> Result<(), StoreError> {
    // Each mention of `from`: its article, span and whether it is the
    // name (its bytes in the body, as SQLite's substr of the body as a
    // blob reads them).
    let mut mentions: Vec<(i64, i64, i64, bool)> = Vec::new();
    for r in tx.rows(
        "SELECT m.article_id, m.start, m.\"end\",
                substring(convert_to(a.body, 'UTF8') FROM m.start::int + 1 FOR (m.\"end\" - m.start)::int),
                a.body_kept, coalesce(a.label, a.key)
         FROM mention m JOIN article a ON a.id = m.article_id
         WHERE m.entity_id = $1",
        &[&from],
    )? {
        if !col::<bool>(&r, 4)? {
            return Err(StoreError::NoBody(col(&r, 5)?));
        }
        let bytes: Vec<u8> = col(&r, 3)?;
        let text = String::from_utf8_lossy(&bytes);
        mentions.push((col(&r, 0)?, col(&r, 1)?, col(&r, 2)?, fold(&text) == folded));
    }
    tx.exec(
        "DELETE FROM alias WHERE entity_id = $1 AND folded = $2",
        &[&from, &folded],
    )?;
    if !mentions.iter().any(|m| m.3) {
        return Ok(());
    }
    let mut by_article: BTreeMap<i64, Vec<(i64, i64, bool)>> = BTreeMap::new();
    for &(article, start, end, is_name) in &mentions {
        by_article
            .entry(article)
            .or_default()
            .push((start, end, is_name));
    }
    // In the SQLite backend's order: the edges made get ids in the same
    // order.
    let evidence = tx.rows(
        "SELECT ev.id, ev.article_id, ev.start, ev.\"end\", ev.headline,
                ed.source_id, ed.type, ed.target_id, ed.flagged, ed.id
         FROM evidence ev JOIN edge ed ON ed.id = ev.edge_id
         WHERE ed.source_id = $1 OR ed.target_id = $1
         ORDER BY ed.source_id <> $1,
                  CASE WHEN ed.source_id = $1 THEN ed.type END,
                  CASE WHEN ed.source_id = $1 THEN ed.target_id END,
                  CASE WHEN ed.source_id = $1 THEN ed.flagged END,
                  ed.id, ev.article_id, ev.id",
        &[&from],
    )?;
    let mut touched = BTreeSet::new();
    for r in &evidence {
        let (id, article, start, end, headline): (i64, i64, i64, i64, bool) =
            (col(r, 0)?, col(r, 1)?, col(r, 2)?, col(r, 3)?, col(r, 4)?);
        let (s, ty, t, flagged): (i64, String, i64, bool) =
            (col(r, 5)?, col(r, 6)?, col(r, 7)?, col(r, 8)?);
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
        stale.edges.insert(col(r, 9)?);
        touched.insert((s, ty.clone(), t, flagged));
        if s2 == t2 {
            tx.exec("DELETE FROM evidence WHERE id = $1", &[&id])?;
            continue;
        }
        tx.exec(
            "INSERT INTO edge (source_id, type, target_id, flagged) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            &[&s2, &ty, &t2, &flagged],
        )?;
        let new = tx.ids(
            "UPDATE evidence SET edge_id = (SELECT id FROM edge WHERE source_id = $2 AND type = $3
               AND target_id = $4 AND flagged = $5) WHERE id = $1 RETURNING edge_id",
            &[&id, &s2, &ty, &t2, &flagged],
        )?;
        stale.edges.extend(new);
    }
    for (s, ty, t, flagged) in touched {
        tx.exec(
            "DELETE FROM edge WHERE source_id = $1 AND type = $2 AND target_id = $3 AND flagged = $4
               AND NOT EXISTS (SELECT 1 FROM evidence WHERE edge_id = edge.id)",
            &[&s, &ty, &t, &flagged],
        )?;
    }
    for (article, start, end, is_name) in mentions {
        if is_name {
            tx.exec(
                "UPDATE mention SET entity_id = $2
                 WHERE entity_id = $1 AND article_id = $3 AND start = $4 AND \"end\" = $5",
                &[&from, &to, &article, &start, &end],
            )?;
            stale.entities.extend([from, to]);
        }
    }
    Ok(())
}

/// Replays every correction not undone, in order, over the graph as it
/// stands: called at the end of every write transaction. Returns the ids
/// of those that no longer apply.
pub(super) fn replay(tx: &mut Tx, stale: &mut Stale) -> Result<Vec<i64>, StoreError> {
    let list = all(tx)?;
    if list.iter().all(|r| r.4.is_some()) {
        return Ok(Vec::new());
    }
    let map = redirects(&list);
    let mut out = Vec::new();
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
        if !apply(tx, &c, merged_away, stale)? {
            out.push(*id);
        }
    }
    Ok(out)
}

/// Whether each correction applies now (the replay's rules, without
/// writing).
fn statuses(tx: &mut Tx, list: &[Raw]) -> Result<Vec<Status>, StoreError> {
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
                match (id_of(tx, subject)?, object, c.edge) {
                    (Some(s), Some(o), Some(edge)) => match id_of(tx, o)? {
                        Some(t) => edge_exists(tx, s, t, edge)?,
                        None => false,
                    },
                    _ => false,
                }
            }
            _ => present(tx, subject)?.is_some(),
        };
        out.push(if ok { Status::Active } else { Status::Stale });
    }
    Ok(out)
}

fn rows_with_status(tx: &mut Tx) -> Result<Vec<CurationRow>, StoreError> {
    let list = all(tx)?;
    let statuses = statuses(tx, &list)?;
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

fn insert(tx: &mut Tx, c: &Correction, user: &str, time: Option<&str>) -> Result<i64, StoreError> {
    let sql = format!(
        "INSERT INTO curation (command, subject, subject_name, object, object_name, name, kind,
                               edge, \"user\", created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::text, {NOW}))
         RETURNING id"
    );
    match tx
        .ids(
            &sql,
            &[
                &c.action.as_str(),
                &c.subject,
                &c.subject_name,
                &c.object,
                &c.object_name,
                &c.name,
                &c.kind.map(Kind::as_str),
                &c.edge.map(EdgeType::as_str),
                &user,
                &time,
            ],
        )?
        .first()
    {
        Some(&id) => Ok(id),
        None => Err(StoreError::Corrupt("insert returned no id".into())),
    }
}

impl Postgres {
    /// Runs `f` in one write transaction under the write lock, the stale
    /// aggregates recounted before it commits.
    fn write<T>(
        &self,
        f: impl FnOnce(&mut Tx, &mut Stale) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut client = self.client.borrow_mut();
        let mut tx = Tx {
            tx: client.transaction()?,
            cache: &self.prepared,
        };
        tx.exec("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        let mut stale = Stale::default();
        let out = f(&mut tx, &mut stale)?;
        refresh_aggregates(&mut tx, &stale)?;
        tx.tx.commit()?;
        Ok(out)
    }

    /// Every correction in the order made, with whether it applies (read
    /// in one snapshot).
    pub fn corrections(&self) -> Result<Vec<CurationRow>, StoreError> {
        let mut client = self.client.borrow_mut();
        let mut tx = Tx {
            tx: client
                .build_transaction()
                .isolation_level(postgres::IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?,
            cache: &self.prepared,
        };
        let rows = rows_with_status(&mut tx)?;
        tx.tx.commit()?;
        Ok(rows)
    }

    /// One correction by number.
    pub fn correction(&self, id: i64) -> Result<CurationRow, StoreError> {
        self.corrections()?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("correction {id}")))
    }

    /// Records a correction and applies it (with a replay of all), in one
    /// transaction; returns it as recorded.
    pub fn record_correction(
        &mut self,
        c: &Correction,
        user: &str,
    ) -> Result<CurationRow, StoreError> {
        let id = self.write(|tx, stale| {
            let id = insert(tx, c, user, None)?;
            replay(tx, stale)?;
            Ok(id)
        })?;
        self.correction(id)
    }

    /// Records corrections read from a file (each with its author and
    /// time), skipping those already recorded and not undone, then replays
    /// all; one transaction.
    pub fn import_corrections(
        &mut self,
        list: &[(Correction, String, Option<String>)],
    ) -> Result<Imported, StoreError> {
        let (ids, skipped) = self.write(|tx, stale| {
            let mut known: Vec<Correction> = all(tx)?
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
                ids.push(insert(tx, c, user, time.as_deref())?);
                known.push(c.clone());
            }
            replay(tx, stale)?;
            Ok((ids, skipped))
        })?;
        let rows = self.corrections()?;
        Ok(Imported {
            added: rows.into_iter().filter(|r| ids.contains(&r.id)).collect(),
            skipped,
        })
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
        self.write(|tx, stale| {
            let list = all(tx)?;
            let Some((_, c, ..)) = list.iter().find(|r| r.0 == id) else {
                return Err(StoreError::NotFound(format!("correction {id}")));
            };
            let map = redirects(&list);
            tx.exec(
                &format!(
                    "UPDATE curation SET undone_at = {NOW}, undone_by = $2
                     WHERE id = $1 AND undone_at IS NULL"
                ),
                &[&id, &user],
            )?;
            if c.action == Action::Reject {
                tx.exec("UPDATE edge SET rejected = false WHERE rejected", &[])?;
            } else {
                let mut keys = vec![follow(&map, &c.subject).to_string(), c.subject.clone()];
                keys.extend(c.object.clone());
                keys.extend(c.split_key());
                rebuild(tx, &keys, g, stale)?;
            }
            replay(tx, stale)?;
            Ok(())
        })?;
        self.correction(id)
    }
}

/// Extracts again, from their stored text, every article that mentions
/// one of the entities with these keys or supports one of their edges,
/// after deleting them and those entities (as the SQLite backend's
/// `rebuild`).
fn rebuild(
    tx: &mut Tx,
    keys: &[String],
    g: &Gazetteer,
    stale: &mut Stale,
) -> Result<(), StoreError> {
    let mut ids = Vec::new();
    for k in keys {
        ids.extend(id_of(tx, k)?);
    }
    ids.sort_unstable();
    ids.dedup();
    let mut articles = BTreeSet::new();
    for &id in &ids {
        articles.extend(tx.ids(
            "SELECT article_id FROM mention WHERE entity_id = $1
             UNION SELECT ev.article_id FROM evidence ev JOIN edge ed ON ed.id = ev.edge_id
              WHERE ed.source_id = $1
             UNION SELECT ev.article_id FROM evidence ev JOIN edge ed ON ed.id = ev.edge_id
              WHERE ed.target_id = $1",
            &[&id],
        )?);
    }
    let mut stored = Vec::new();
    for &a in &articles {
        let Some(r) = tx.opt(
            "SELECT key, coalesce(label, key), title, date, url, source, body, body_kept
             FROM article WHERE id = $1",
            &[&a],
        )?
        else {
            continue;
        };
        if !col::<bool>(&r, 7)? {
            return Err(StoreError::NoBody(col(&r, 1)?));
        }
        let row = Article {
            key: col(&r, 0)?,
            label: col(&r, 1)?,
            title: col(&r, 2)?,
            date: col(&r, 3)?,
            url: col(&r, 4)?,
            source: col(&r, 5)?,
            body: col(&r, 6)?,
        };
        let touched = tx.ids(
            "SELECT DISTINCT edge_id FROM evidence WHERE article_id = $1",
            &[&a],
        )?;
        let entities = tx.ids(
            "SELECT DISTINCT entity_id FROM mention WHERE article_id = $1",
            &[&a],
        )?;
        tx.exec("DELETE FROM article WHERE id = $1", &[&a])?;
        for e in touched {
            tx.exec(
                "DELETE FROM edge WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM evidence WHERE edge_id = $1)",
                &[&e],
            )?;
            stale.edges.insert(e);
        }
        stale.entities.extend(entities);
        stored.push(row);
    }
    for &id in &ids {
        drop_if_hollow(tx, id)?;
    }
    let mut surnames = Vec::new();
    let mut tally = Tally::default();
    for a in &stored {
        let x = crate::extract::extract(a, g);
        // Only articles with their body get here (checked above).
        write_article(tx, a, &x, g, &mut surnames, &mut tally, stale, true)?;
    }
    apply_tally(tx, tally)?;
    surnames.sort();
    surnames.dedup();
    for surname in &surnames {
        join_surname_nodes(tx, surname, stale)?;
    }
    Ok(())
}
