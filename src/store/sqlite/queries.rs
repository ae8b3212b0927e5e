//! The SQL behind the analyst's queries (`path`, `neighbors`, `top`,
//! `communities`, `timeline`, `diff`, `explain`, `export --format events`):
//! each reads only what it answers, through the indexes of the schema
//! (`edge`'s unique key starts with `source_id`, `edge_by_target_articles`,
//! `evidence_by_edge_date`, `alias_by_folded`, `article_by_date`), and every one
//! applies the same scope: negated and hypothetical edges left out, edge
//! types, article dates and evidence confidence as in [`EdgeQuery`].

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row, named_params};
use serde::Serialize;

use super::Sqlite;
use crate::ontology::{EdgeType, Kind, fold};
use crate::store::{
    Change, DiffRow, EdgeQuery, EdgeSummary, EntityRef, EventRow, EvidenceRow, ExplainRow,
    StoreError, TimelineRow, parse_kind, parse_type,
};

/// The scope of an edge `ed`: not flagged, of the asked types, with at
/// least one piece of evidence in the asked dates and confidence. Binds
/// `:types`, `:since`, `:until`, `:conf`.
const EDGE_IN_SCOPE: &str = "ed.flagged = 0 AND ed.rejected = 0
  AND (:types = '[]' OR ed.type IN (SELECT value FROM json_each(:types)))
  AND ((:since IS NULL AND :until IS NULL AND :conf IS NULL) OR EXISTS (
        SELECT 1 FROM evidence ev2 JOIN article a2 ON a2.id = ev2.article_id
         WHERE ev2.edge_id = ed.id
           AND (:since IS NULL OR a2.date >= :since)
           AND (:until IS NULL OR a2.date <= :until)
           AND (:conf IS NULL OR ev2.confidence >= :conf)))";

/// The scope of one piece of evidence `ev` from article `a` (same binds).
const EVIDENCE_IN_SCOPE: &str = "(:since IS NULL OR a.date >= :since)
  AND (:until IS NULL OR a.date <= :until)
  AND (:conf IS NULL OR ev.confidence >= :conf)";

/// The columns of an entity `x` read by [`entity_at`].
fn entity_cols(x: &str) -> String {
    format!("{x}.id, {x}.key, {x}.name, {x}.kind")
}

fn entity_at(r: &Row, i: usize) -> Result<EntityRef, StoreError> {
    Ok(EntityRef {
        id: r.get(i)?,
        key: r.get(i + 1)?,
        name: r.get(i + 2)?,
        kind: parse_kind(&r.get::<_, String>(i + 3)?)?,
    })
}

fn json_list<T: Serialize>(v: &[T]) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn types_json(q: &EdgeQuery) -> Result<String, StoreError> {
    let types: Vec<&str> = q.types.iter().map(|t| t.as_str()).collect();
    json_list(&types)
}

/// [`Sqlite::entity_by_key`]'s query: one entity by its canonical key
/// (binds `?1`), through the key's unique index.
pub(super) fn entity_by_key_sql() -> String {
    format!("SELECT {} FROM entity e WHERE e.key = ?1", entity_cols("e"))
}

impl Sqlite {
    /// The entity whose canonical key this is ("state/RUS").
    pub fn entity_by_key(&self, key: &str) -> Result<Option<EntityRef>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&entity_by_key_sql())?;
        let mut rows = stmt.query([key])?;
        match rows.next()? {
            Some(r) => Ok(Some(entity_at(r, 0)?)),
            None => Ok(None),
        }
    }

    /// The entities that carry this name or alias (folded), most mentioned
    /// first, then by name: one when the name is unambiguous.
    pub fn entities_named(&self, name: &str) -> Result<Vec<(EntityRef, usize)>, StoreError> {
        let sql = entities_named_sql();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([fold(name)])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push((entity_at(r, 0)?, r.get::<_, i64>(4)? as usize));
        }
        Ok(out)
    }

    /// Every stored name and alias, folded, with its entity's name: what
    /// an unknown name is compared with to suggest the closest ones. Read
    /// only when a name is not found.
    pub fn all_names(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.folded, e.name FROM alias a JOIN entity e ON e.id = a.entity_id
             WHERE e.mentions > 0",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The earliest and latest article dates (none when no article is
    /// dated).
    pub fn date_span(&self) -> Result<Option<(String, String)>, StoreError> {
        let span: (Option<String>, Option<String>) = self.conn.query_row(
            "SELECT min(date), max(date) FROM article WHERE date IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(match span {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        })
    }

    /// The entities joined to `id` by an edge in scope, in either
    /// direction, each once, with its kind; in row id order.
    pub fn adjacent(&self, id: i64, q: &EdgeQuery) -> Result<Vec<(i64, Kind)>, StoreError> {
        let sql = adjacent_sql();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(named_params! {
            ":id": id, ":types": types_json(q)?, ":since": q.since,
            ":until": q.until, ":conf": q.min_confidence,
        })?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push((r.get(0)?, parse_kind(&r.get::<_, String>(1)?)?));
        }
        Ok(out)
    }

    /// These entities by row id.
    pub fn entity_refs(&self, ids: &[i64]) -> Result<HashMap<i64, EntityRef>, StoreError> {
        let sql = format!(
            "SELECT {} FROM entity e WHERE e.id IN (SELECT value FROM json_each(?1))",
            entity_cols("e")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([json_list(ids)?])?;
        let mut out = HashMap::new();
        while let Some(r) = rows.next()? {
            let e = entity_at(r, 0)?;
            out.insert(e.id, e);
        }
        Ok(out)
    }

    /// Edges in scope with their support in the period (articles, first
    /// and last date), without their evidence; with `among`, only edges
    /// whose both ends are among these row ids. In row id order.
    pub fn edge_summaries(
        &self,
        q: &EdgeQuery,
        among: Option<&[i64]>,
    ) -> Result<Vec<EdgeSummary>, StoreError> {
        let sql = edge_summaries_sql(among.is_some());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let types = types_json(q)?;
        let mut rows = match among {
            Some(ids) => stmt.query(named_params! {
                ":types": types, ":since": q.since, ":until": q.until,
                ":conf": q.min_confidence, ":among": json_list(ids)?,
            })?,
            None => stmt.query(named_params! {
                ":types": types, ":since": q.since, ":until": q.until, ":conf": q.min_confidence,
            })?,
        };
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(EdgeSummary {
                id: r.get(0)?,
                source: entity_at(r, 1)?,
                edge: parse_type(&r.get::<_, String>(5)?)?,
                target: entity_at(r, 6)?,
                count: r.get::<_, i64>(10)? as usize,
                first_seen: r.get(11)?,
                last_seen: r.get(12)?,
            });
        }
        Ok(out)
    }

    /// One piece of evidence in scope for an edge: the most confident,
    /// then the earliest.
    pub fn best_evidence(
        &self,
        edge_id: i64,
        q: &EdgeQuery,
    ) -> Result<Option<EvidenceRow>, StoreError> {
        let sql = best_evidence_sql();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        Ok(stmt
            .query_row(
                named_params! {
                    ":edge": edge_id, ":since": q.since, ":until": q.until, ":conf": q.min_confidence,
                },
                EvidenceRow::from_row,
            )
            .optional()?)
    }

    /// For each entity with an edge in scope, the number of distinct
    /// articles that support its edges in the period (row id to count).
    pub fn articles_per_entity(&self, q: &EdgeQuery) -> Result<HashMap<i64, usize>, StoreError> {
        let sql = format!(
            "SELECT x, count(DISTINCT aid) FROM (
               SELECT ed.source_id AS x, ev.article_id AS aid
                 FROM edge ed JOIN evidence ev ON ev.edge_id = ed.id JOIN article a ON a.id = ev.article_id
                WHERE ed.flagged = 0 AND ed.rejected = 0 AND (:types = '[]' OR ed.type IN (SELECT value FROM json_each(:types)))
                  AND {EVIDENCE_IN_SCOPE}
               UNION ALL
               SELECT ed.target_id, ev.article_id
                 FROM edge ed JOIN evidence ev ON ev.edge_id = ed.id JOIN article a ON a.id = ev.article_id
                WHERE ed.flagged = 0 AND ed.rejected = 0 AND (:types = '[]' OR ed.type IN (SELECT value FROM json_each(:types)))
                  AND {EVIDENCE_IN_SCOPE})
             GROUP BY x"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(named_params! {
            ":types": types_json(q)?, ":since": q.since, ":until": q.until, ":conf": q.min_confidence,
        })?;
        let mut out = HashMap::new();
        while let Some(r) = rows.next()? {
            out.insert(r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as usize);
        }
        Ok(out)
    }

    /// The edges of entity `id` in scope, one line per edge and article,
    /// in article date order (undated articles last), each with how many
    /// articles have supported that edge so far.
    pub fn timeline(&self, id: i64, q: &EdgeQuery) -> Result<Vec<TimelineRow>, StoreError> {
        let sql = timeline_sql();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(named_params! {
            ":id": id, ":types": types_json(q)?, ":since": q.since, ":until": q.until,
            ":conf": q.min_confidence,
        })?;
        let mut out: Vec<TimelineRow> = Vec::new();
        let mut last: Option<(i64, i64)> = None;
        let mut seen: HashMap<i64, usize> = HashMap::new();
        while let Some(r) = rows.next()? {
            let (article_id, edge_id): (i64, i64) = (r.get(0)?, r.get(3)?);
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
                date: r.get(1)?,
                article: r.get(2)?,
                source: entity_at(r, 4)?,
                edge: parse_type(&r.get::<_, String>(8)?)?,
                target: entity_at(r, 9)?,
                nth: *nth,
                sentences: 1,
                text: r.get(13)?,
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
        let sql = explain_sql();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(named_params! {
            ":type": edge.as_str(), ":s": source, ":t": target, ":sym": edge.is_symmetric(),
            ":since": q.since, ":until": q.until, ":conf": q.min_confidence,
        })?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(ExplainRow {
                source: entity_at(r, 0)?,
                edge: parse_type(&r.get::<_, String>(4)?)?,
                target: entity_at(r, 5)?,
                article: r.get(9)?,
                url: r.get(10)?,
                date: r.get(11)?,
                sentence: r.get(12)?,
                start: r.get(13)?,
                end: r.get(14)?,
                headline: r.get(15)?,
                text: r.get(16)?,
                confidence: r.get(17)?,
                rule: r.get(18)?,
                via: r.get(19)?,
                role: r.get(20)?,
                negated: r.get(21)?,
                hypothetical: r.get(22)?,
                rejected: r.get(23)?,
            });
        }
        Ok(out)
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
        let sql = format!(
            "SELECT {}, ed.type, {},
                    count(DISTINCT CASE WHEN a.date <= :before THEN a.id END) AS b,
                    count(DISTINCT CASE WHEN a.date >= :after THEN a.id END) AS f,
                    min(a.date), max(a.date)
             FROM edge ed
             JOIN entity s ON s.id = ed.source_id
             JOIN entity t ON t.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             JOIN article a ON a.id = ev.article_id
             WHERE ed.flagged = 0 AND ed.rejected = 0
               AND (:types = '[]' OR ed.type IN (SELECT value FROM json_each(:types)))
               AND {EVIDENCE_IN_SCOPE}
               AND (a.date <= :before OR a.date >= :after)
             GROUP BY ed.id ORDER BY ed.id",
            entity_cols("s"),
            entity_cols("t")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(named_params! {
            ":types": types_json(q)?, ":since": q.since, ":until": q.until,
            ":conf": q.min_confidence, ":before": before, ":after": after,
        })?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let (b, f) = (r.get::<_, i64>(9)? as usize, r.get::<_, i64>(10)? as usize);
            out.push(DiffRow {
                change: Change::of(b, f),
                source: entity_at(r, 0)?,
                edge: parse_type(&r.get::<_, String>(4)?)?,
                target: entity_at(r, 5)?,
                before: b,
                after: f,
                first_seen: r.get(11)?,
                last_seen: r.get(12)?,
            });
        }
        Ok(out)
    }

    /// Events in scope: one row per article and edge, in date order
    /// (undated last), then article, then edge.
    pub fn events(&self, q: &EdgeQuery) -> Result<Vec<EventRow>, StoreError> {
        let sql = format!(
            "SELECT coalesce(a.label, a.key), a.url, a.date, {}, ed.type, {}, count(*),
                    max(ev.headline OR ev.sentence = 0)
             FROM edge ed
             JOIN entity s ON s.id = ed.source_id
             JOIN entity t ON t.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             JOIN article a ON a.id = ev.article_id
             WHERE ed.flagged = 0 AND ed.rejected = 0
               AND (:types = '[]' OR ed.type IN (SELECT value FROM json_each(:types)))
               AND {EVIDENCE_IN_SCOPE}
             GROUP BY a.id, ed.id
             ORDER BY a.date IS NULL, a.date, coalesce(a.label, a.key), a.id, ed.id",
            entity_cols("s"),
            entity_cols("t")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(named_params! {
            ":types": types_json(q)?, ":since": q.since, ":until": q.until, ":conf": q.min_confidence,
        })?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(EventRow {
                article: r.get(0)?,
                url: r.get(1)?,
                date: r.get(2)?,
                source: entity_at(r, 3)?,
                edge: parse_type(&r.get::<_, String>(7)?)?,
                target: entity_at(r, 8)?,
                mentions: r.get::<_, i64>(12)? as usize,
                lead: r.get(13)?,
            });
        }
        Ok(out)
    }

    /// The state each person represents in the most articles (ties: the
    /// state's key), person key to state key: an actor's country in the
    /// events export.
    pub fn represented_states(&self) -> Result<HashMap<String, String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.key, s.key, count(DISTINCT ev.article_id) AS n
             FROM edge ed
             JOIN entity p ON p.id = ed.source_id
             JOIN entity s ON s.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             WHERE ed.type = 'represents' AND ed.flagged = 0 AND ed.rejected = 0 AND s.kind = 'state'
             GROUP BY ed.id
             ORDER BY p.key, n DESC, s.key",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
        let mut out = HashMap::new();
        for row in rows {
            let (person, state) = row?;
            out.entry(person).or_insert(state);
        }
        Ok(out)
    }
}

/// The SQL of [`Sqlite::entities_named`].
pub(super) fn entities_named_sql() -> String {
    format!(
        "SELECT {}, e.articles AS n
             FROM alias a JOIN entity e ON e.id = a.entity_id
             WHERE a.folded = ?1
             ORDER BY n DESC, e.name, e.key",
        entity_cols("e")
    )
}

/// The SQL of [`Sqlite::adjacent`].
pub(super) fn adjacent_sql() -> String {
    format!(
            "SELECT DISTINCT o.id, o.kind FROM (
               SELECT ed.target_id AS other FROM edge ed WHERE ed.source_id = :id AND {EDGE_IN_SCOPE}
               UNION ALL
               SELECT ed.source_id FROM edge ed WHERE ed.target_id = :id AND {EDGE_IN_SCOPE}
             ) JOIN entity o ON o.id = other ORDER BY o.id"
        )
}

/// The SQL of [`Sqlite::best_evidence`].
pub(super) fn best_evidence_sql() -> String {
    format!(
        "SELECT coalesce(a.label, a.key), a.date, ev.sentence, ev.start, ev.end, coalesce((SELECT sn.text FROM sentence sn WHERE sn.article_id = ev.article_id AND sn.headline = ev.headline AND sn.idx = ev.sentence), ev.text),
                    ev.confidence, ev.role, ev.rule, ev.via
             FROM evidence ev JOIN article a ON a.id = ev.article_id
             WHERE ev.edge_id = :edge AND {EVIDENCE_IN_SCOPE}
             ORDER BY ev.confidence DESC, a.date IS NULL, a.date, a.id, ev.start LIMIT 1"
    )
}

/// The SQL of [`Sqlite::timeline`].
pub(super) fn timeline_sql() -> String {
    format!(
            "SELECT a.id, a.date, coalesce(a.label, a.key), ed.id, {}, ed.type, {}, coalesce((SELECT sn.text FROM sentence sn WHERE sn.article_id = ev.article_id AND sn.headline = ev.headline AND sn.idx = ev.sentence), ev.text)
             FROM edge ed
             JOIN entity s ON s.id = ed.source_id
             JOIN entity t ON t.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             JOIN article a ON a.id = ev.article_id
             WHERE (ed.source_id = :id OR ed.target_id = :id)
               AND ed.flagged = 0 AND ed.rejected = 0
               AND (:types = '[]' OR ed.type IN (SELECT value FROM json_each(:types)))
               AND {EVIDENCE_IN_SCOPE}
             ORDER BY a.date IS NULL, a.date, coalesce(a.label, a.key), a.id, ed.id, ev.headline DESC, ev.start",
            entity_cols("s"),
            entity_cols("t")
        )
}

/// The SQL of [`Sqlite::explain`].
pub(super) fn explain_sql() -> String {
    format!(
            "SELECT {}, ed.type, {}, coalesce(a.label, a.key), a.url, a.date, ev.sentence, ev.start, ev.end,
                    ev.headline, coalesce((SELECT sn.text FROM sentence sn WHERE sn.article_id = ev.article_id AND sn.headline = ev.headline AND sn.idx = ev.sentence), ev.text), ev.confidence, ev.rule, ev.via, ev.role, ev.negated, ev.hypothetical,
                    ed.rejected
             FROM edge ed
             JOIN entity s ON s.id = ed.source_id
             JOIN entity t ON t.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             JOIN article a ON a.id = ev.article_id
             WHERE ed.type = :type
               AND ((ed.source_id = :s AND ed.target_id = :t) OR (:sym AND ed.source_id = :t AND ed.target_id = :s))
               AND {EVIDENCE_IN_SCOPE}
             ORDER BY a.date IS NULL, a.date, coalesce(a.label, a.key), a.id, ev.headline DESC, ev.start",
            entity_cols("s"),
            entity_cols("t")
        )
}

/// The SQL of [`Sqlite::edge_summaries`], with or without `:among`.
pub(super) fn edge_summaries_sql(among: bool) -> String {
    format!(
        "SELECT ed.id, {}, ed.type, {}, count(DISTINCT ev.article_id), min(a.date), max(a.date)
             FROM edge ed
             JOIN entity s ON s.id = ed.source_id
             JOIN entity t ON t.id = ed.target_id
             JOIN evidence ev ON ev.edge_id = ed.id
             JOIN article a ON a.id = ev.article_id
             WHERE ed.flagged = 0 AND ed.rejected = 0
               AND (:types = '[]' OR ed.type IN (SELECT value FROM json_each(:types)))
               AND {EVIDENCE_IN_SCOPE}
               {}
             GROUP BY ed.id ORDER BY ed.id",
        entity_cols("s"),
        entity_cols("t"),
        // Two statements rather than `:among IS NULL OR ...`, which
        // would keep SQLite from using the source index.
        if among {
            "AND ed.source_id IN (SELECT value FROM json_each(:among))
                 AND ed.target_id IN (SELECT value FROM json_each(:among))"
        } else {
            ""
        }
    )
}
