//! The aggregates the store keeps at write time (issue 11: per edge its
//! articles, evidence rows, first and last seen; per entity its articles
//! and mentions) against a recount from the raw rows, read here straight
//! from the database file and counted in Rust, after every kind of write:
//! ingest, re-ingest of a changed article, surname joins, merge, split,
//! reject and undo; on SQLite and on PostgreSQL (`NAME::postgres`, issue
//! 13, whose store recounts in Rust what SQLite's triggers mark stale; it
//! skips without a server).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use geokg::article::Article;
use geokg::curation;
use geokg::extract::extract;
use geokg::gazetteer::Gazetteer;
use geokg::store::Store;
use rusqlite::Connection;

mod common;

use common::Backend;

on_both_backends!(
    aggregates_equal_a_recount_after_every_kind_of_write,
    evidence_limit_keeps_the_first_pieces_and_the_total,
);

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().unwrap())
}

fn article(url: &str, date: Option<&str>, body: &str) -> Article {
    Article {
        key: url.to_string(),
        label: url.to_string(),
        title: String::new(),
        date: date.map(str::to_string),
        url: Some(url.to_string()),
        source: None,
        body: body.to_string(),
    }
}

fn ingest(s: &mut Store, articles: &[Article]) {
    let g = gazetteer();
    let batch: Vec<_> = articles
        .iter()
        .map(|a| (a.clone(), extract(a, g)))
        .collect();
    s.ingest_batch(&batch, g).unwrap();
}

fn none(_: &str) -> Vec<String> {
    Vec::new()
}

/// Per edge id: (articles, evidence rows, first seen, last seen).
type EdgeCounts = BTreeMap<i64, (i64, i64, Option<String>, Option<String>)>;
/// Per entity id: (articles, mentions).
type EntityCounts = BTreeMap<i64, (i64, i64)>;

/// Rows of a plain query on the database at `db` (a SQLite file or a
/// PostgreSQL address): each row's first `ints` columns as integers, the
/// rest as texts.
type Raw = Vec<(Vec<i64>, Vec<Option<String>>)>;

fn table(db: &Path, sql: &str, ints: usize, texts: usize) -> Raw {
    let at = db.to_str().unwrap();
    if at.starts_with("postgres://") {
        let mut c = postgres::Client::connect(at, postgres::NoTls).unwrap();
        return c
            .query(sql, &[])
            .unwrap()
            .iter()
            .map(|r| {
                (
                    (0..ints).map(|i| r.get(i)).collect(),
                    (ints..ints + texts).map(|i| r.get(i)).collect(),
                )
            })
            .collect();
    }
    let c = Connection::open(db).unwrap();
    c.prepare(sql)
        .unwrap()
        .query_map([], |r| {
            Ok((
                (0..ints).map(|i| r.get(i)).collect::<Result<_, _>>()?,
                (ints..ints + texts)
                    .map(|i| r.get(i))
                    .collect::<Result<_, _>>()?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// What the store keeps.
fn stored(db: &Path) -> (EdgeCounts, EntityCounts) {
    let edges = table(
        db,
        "SELECT id, articles, evidence_count, first_seen, last_seen FROM edge",
        3,
        2,
    )
    .into_iter()
    .map(|(i, t)| (i[0], (i[1], i[2], t[0].clone(), t[1].clone())))
    .collect();
    let entities = table(db, "SELECT id, articles, mentions FROM entity", 3, 0)
        .into_iter()
        .map(|(i, _)| (i[0], (i[1], i[2])))
        .collect();
    (edges, entities)
}

/// The same counted here from every raw row: evidence with its article's
/// date, mentions, and every edge and entity (zero when nothing is left).
fn recount(db: &Path) -> (EdgeCounts, EntityCounts) {
    let mut edges: EdgeCounts = BTreeMap::new();
    let mut edge_articles: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    for (i, _) in table(db, "SELECT id FROM edge", 1, 0) {
        edges.insert(i[0], (0, 0, None, None));
    }
    let rows = table(
        db,
        "SELECT ev.edge_id, ev.article_id, a.date FROM evidence ev, article a WHERE a.id = ev.article_id",
        2,
        1,
    );
    for (i, t) in rows {
        let (edge, article, date) = (i[0], i[1], t[0].clone());
        let e = edges.get_mut(&edge).expect("evidence of a stored edge");
        e.1 += 1;
        edge_articles.entry(edge).or_default().insert(article);
        if let Some(d) = date {
            if e.2.as_ref().is_none_or(|f| &d < f) {
                e.2 = Some(d.clone());
            }
            if e.3.as_ref().is_none_or(|l| &d > l) {
                e.3 = Some(d);
            }
        }
    }
    for (edge, set) in edge_articles {
        if let Some(e) = edges.get_mut(&edge) {
            e.0 = set.len() as i64;
        }
    }
    let mut entities: EntityCounts = BTreeMap::new();
    for (i, _) in table(db, "SELECT id FROM entity", 1, 0) {
        entities.insert(i[0], (0, 0));
    }
    let mut entity_articles: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    for (i, _) in table(db, "SELECT entity_id, article_id FROM mention", 2, 0) {
        let (entity, article) = (i[0], i[1]);
        entities
            .get_mut(&entity)
            .expect("mention of a stored entity")
            .1 += 1;
        entity_articles.entry(entity).or_default().insert(article);
    }
    for (entity, set) in entity_articles {
        if let Some(e) = entities.get_mut(&entity) {
            e.0 = set.len() as i64;
        }
    }
    (edges, entities)
}

fn check(db: &Path, step: &str) {
    let (edges, entities) = stored(db);
    let (want_edges, want_entities) = recount(db);
    assert!(
        !want_edges.is_empty() && !want_entities.is_empty(),
        "{step}"
    );
    assert_eq!(edges, want_edges, "edge aggregates after {step}");
    assert_eq!(entities, want_entities, "entity aggregates after {step}");
}

/// Protects the aggregates `relations`, `show` and `entities` print: after
/// each write they equal a recount from the raw rows.
fn aggregates_equal_a_recount_after_every_kind_of_write(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let db = b.db(dir.path(), "g");
    let mut s = Store::open(&db).unwrap();
    let b1 = article(
        "http://example.org/b1",
        Some("2022-03-05"),
        "Israeli Prime Minister Naftali Bennett met Russian President Vladimir Putin in Moscow. Russia condemned NATO. Putin met Bennett again.",
    );
    let b2 = article(
        "http://example.org/b2",
        Some("2022-03-06"),
        "British diplomat Richard Bennett met German Chancellor Olaf Scholz in Berlin. Bennett criticised Iran.",
    );
    let b3 = article(
        "http://example.org/b3",
        None,
        "Mr. Bennett accused Iran of attacking shipping. Russia condemned NATO.",
    );
    let b4 = article(
        "http://example.org/b4",
        Some("2021-01-02"),
        "Russia condemned NATO. Vladimir Putin met Olaf Scholz.",
    );
    ingest(&mut s, &[b1.clone(), b2.clone()]);
    check(&db, "ingest");
    ingest(&mut s, &[b3, b4]);
    check(&db, "a second batch");
    // The same text again changes nothing; a changed one replaces it.
    ingest(&mut s, std::slice::from_ref(&b1));
    check(&db, "an unchanged re-ingest");
    let mut changed = b1.clone();
    changed.body = "Russian President Vladimir Putin met Olaf Scholz in Moscow.".into();
    changed.date = Some("2023-01-01".into());
    ingest(&mut s, &[changed]);
    check(&db, "a changed article replaced");
    ingest(&mut s, &[b1]);
    check(&db, "the first text back");

    let merged =
        curation::merge(&mut s, "Naftali Bennett", "person/bennett", "ann", &none).unwrap();
    check(&db, "merge");
    curation::reject(&mut s, "Russia", "opposes", "NATO", "ann", &none).unwrap();
    check(&db, "reject");
    let split = curation::split(&mut s, "Naftali Bennett", "Bennett", None, "ann", &none).unwrap();
    check(&db, "split");
    ingest(
        &mut s,
        &[article(
            "http://example.org/b5",
            Some("2022-03-09"),
            "Mr. Bennett met Vladimir Putin in Sochi.",
        )],
    );
    check(&db, "an ingest replaying the corrections");
    curation::undo(&mut s, split.id, "bob", gazetteer()).unwrap();
    check(&db, "undo of the split");
    curation::undo(&mut s, merged.id, "bob", gazetteer()).unwrap();
    check(&db, "undo of the merge");
}

/// Protects `--evidence N` (issue 11): an edge lists the first N pieces
/// of the full list, in the same order, and `evidence_total` counts them
/// all, in a period too.
fn evidence_limit_keeps_the_first_pieces_and_the_total(b: Backend) {
    let mut s = b.store();
    let articles: Vec<Article> = (0..5)
        .map(|i| {
            article(
                &format!("http://example.org/r{i}"),
                Some(&format!("2022-0{}-01", i + 1)),
                "Russia condemned NATO. Russia condemned NATO again on Monday.",
            )
        })
        .collect();
    ingest(&mut s, &articles);
    for (since, want_total) in [(None, 10), (Some("2022-03-01"), 6)] {
        let q = geokg::store::EdgeQuery {
            since: since.map(str::to_string),
            ..Default::default()
        };
        let all = s.edges(&q).unwrap();
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].evidence_total, want_total);
        assert_eq!(all[0].evidence.len(), want_total);
        for n in [1, 3, 100] {
            let some = s
                .edges(&geokg::store::EdgeQuery {
                    evidence_limit: Some(n),
                    ..q.clone()
                })
                .unwrap();
            assert_eq!(some[0].evidence_total, want_total, "{n}");
            assert_eq!(some[0].count, all[0].count, "{n}");
            assert_eq!(
                some[0].evidence,
                all[0].evidence[..n.min(want_total)],
                "{n}"
            );
        }
    }
}
