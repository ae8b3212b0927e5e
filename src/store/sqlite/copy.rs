//! The SQL of `geokg copy` on SQLite: every row of the graph read out as a
//! [`Snapshot`], and a snapshot written into an empty database in one
//! transaction, row ids and aggregates as they were.

use rusqlite::{TransactionBehavior, params};

use super::Sqlite;
use crate::store::{
    ArticleRecord, CorrectionRecord, EdgeRecord, EntityRecord, EvidenceRecord, Snapshot, StoreError,
};

impl Sqlite {
    /// Every row of the graph, each table in row id order.
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        let c = &self.conn;
        let articles = c
            .prepare(
                "SELECT id, key, hash, title, date, url, source, body, label, body_kept
                 FROM article ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(ArticleRecord {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    hash: r.get(2)?,
                    title: r.get(3)?,
                    date: r.get(4)?,
                    url: r.get(5)?,
                    source: r.get(6)?,
                    body: r.get(7)?,
                    label: r.get(8)?,
                    body_kept: r.get(9)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let entities = c
            .prepare(
                "SELECT id, key, kind, name, qid, surname, articles, mentions FROM entity ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(EntityRecord {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    kind: r.get(2)?,
                    name: r.get(3)?,
                    qid: r.get(4)?,
                    surname: r.get(5)?,
                    articles: r.get(6)?,
                    mentions: r.get(7)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let aliases = c
            .prepare("SELECT entity_id, folded, alias FROM alias ORDER BY entity_id, folded")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mentions = c
            .prepare("SELECT article_id, entity_id, start, end FROM mention ORDER BY rowid")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let edges = c
            .prepare(
                "SELECT id, source_id, type, target_id, flagged, rejected, articles, evidence_count,
                        first_seen, last_seen
                 FROM edge ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(EdgeRecord {
                    id: r.get(0)?,
                    source_id: r.get(1)?,
                    edge: r.get(2)?,
                    target_id: r.get(3)?,
                    flagged: r.get(4)?,
                    rejected: r.get(5)?,
                    articles: r.get(6)?,
                    evidence_count: r.get(7)?,
                    first_seen: r.get(8)?,
                    last_seen: r.get(9)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let evidence = c
            .prepare(
                "SELECT edge_id, article_id, sentence, start, end, text, confidence, role,
                        negated, hypothetical, rule, headline, via
                 FROM evidence ORDER BY rowid",
            )?
            .query_map([], |r| {
                Ok(EvidenceRecord {
                    edge_id: r.get(0)?,
                    article_id: r.get(1)?,
                    sentence: r.get(2)?,
                    start: r.get(3)?,
                    end: r.get(4)?,
                    text: r.get(5)?,
                    confidence: r.get(6)?,
                    role: r.get(7)?,
                    negated: r.get(8)?,
                    hypothetical: r.get(9)?,
                    rule: r.get(10)?,
                    headline: r.get(11)?,
                    via: r.get(12)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let sentences = c
            .prepare(
                "SELECT article_id, headline, idx, start, text FROM sentence
                 ORDER BY article_id, headline, idx",
            )?
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<Result<_, _>>()?;
        let corrections = c
            .prepare(
                "SELECT id, command, subject, subject_name, object, object_name, name, kind, edge,
                        user, created_at, undone_at, undone_by
                 FROM curation ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(CorrectionRecord {
                    id: r.get(0)?,
                    command: r.get(1)?,
                    subject: r.get(2)?,
                    subject_name: r.get(3)?,
                    object: r.get(4)?,
                    object_name: r.get(5)?,
                    name: r.get(6)?,
                    kind: r.get(7)?,
                    edge: r.get(8)?,
                    user: r.get(9)?,
                    created_at: r.get(10)?,
                    undone_at: r.get(11)?,
                    undone_by: r.get(12)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Snapshot {
            articles,
            entities,
            aliases,
            mentions,
            edges,
            evidence,
            sentences,
            corrections,
        })
    }

    /// Writes a snapshot into this database, which must hold no article
    /// and no correction, in one transaction.
    pub fn restore(&mut self, s: &Snapshot) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let held: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM article) + (SELECT count(*) FROM entity)
                  + (SELECT count(*) FROM curation)",
            [],
            |r| r.get(0),
        )?;
        if held > 0 {
            return Err(StoreError::NotEmpty);
        }
        {
            let mut st = tx.prepare(
                "INSERT INTO article (id, key, hash, title, date, url, source, body, label, body_kept)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for a in &s.articles {
                st.execute(params![
                    a.id,
                    a.key,
                    a.hash,
                    a.title,
                    a.date,
                    a.url,
                    a.source,
                    a.body,
                    a.label,
                    a.body_kept
                ])?;
            }
            let mut st = tx.prepare(
                "INSERT INTO sentence (article_id, headline, idx, start, text)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (article, headline, idx, start, text) in &s.sentences {
                st.execute(params![article, headline, idx, start, text])?;
            }
            let mut st = tx.prepare(
                "INSERT INTO entity (id, key, kind, name, qid, surname, articles, mentions)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for e in &s.entities {
                st.execute(params![
                    e.id, e.key, e.kind, e.name, e.qid, e.surname, e.articles, e.mentions
                ])?;
            }
            let mut st =
                tx.prepare("INSERT INTO alias (entity_id, folded, alias) VALUES (?1, ?2, ?3)")?;
            for (id, folded, alias) in &s.aliases {
                st.execute(params![id, folded, alias])?;
            }
            let mut st = tx.prepare(
                "INSERT INTO mention (article_id, entity_id, start, end) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for m in &s.mentions {
                st.execute(params![m.0, m.1, m.2, m.3])?;
            }
            let mut st = tx.prepare(
                "INSERT INTO edge (id, source_id, type, target_id, flagged, rejected, articles,
                                   evidence_count, first_seen, last_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for e in &s.edges {
                st.execute(params![
                    e.id,
                    e.source_id,
                    e.edge,
                    e.target_id,
                    e.flagged,
                    e.rejected,
                    e.articles,
                    e.evidence_count,
                    e.first_seen,
                    e.last_seen
                ])?;
            }
            let mut st = tx.prepare(
                "INSERT INTO evidence (edge_id, article_id, sentence, start, end, text, confidence,
                                       role, negated, hypothetical, rule, headline, via, date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
                         (SELECT date FROM article WHERE id = ?2))",
            )?;
            for e in &s.evidence {
                st.execute(params![
                    e.edge_id,
                    e.article_id,
                    e.sentence,
                    e.start,
                    e.end,
                    e.text,
                    e.confidence,
                    e.role,
                    e.negated,
                    e.hypothetical,
                    e.rule,
                    e.headline,
                    e.via
                ])?;
            }
            let mut st = tx.prepare(
                "INSERT INTO curation (id, command, subject, subject_name, object, object_name,
                                       name, kind, edge, user, created_at, undone_at, undone_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            for c in &s.corrections {
                st.execute(params![
                    c.id,
                    c.command,
                    c.subject,
                    c.subject_name,
                    c.object,
                    c.object_name,
                    c.name,
                    c.kind,
                    c.edge,
                    c.user,
                    c.created_at,
                    c.undone_at,
                    c.undone_by
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}
