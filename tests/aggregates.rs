//! The aggregates the store keeps at write time (issue 11: per edge its
//! articles, evidence rows, first and last seen; per entity its articles
//! and mentions) against a recount from the raw rows, read here straight
//! from the database file and counted in Rust, after every kind of write:
//! ingest, re-ingest of a changed article, surname joins, merge, split,
//! reject and undo.
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

/// What the store keeps.
fn stored(db: &Path) -> (EdgeCounts, EntityCounts) {
    let c = Connection::open(db).unwrap();
    let edges = c
        .prepare("SELECT id, articles, evidence_count, first_seen, last_seen FROM edge")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let entities = c
        .prepare("SELECT id, articles, mentions FROM entity")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    (edges, entities)
}

/// The same counted here from every raw row: evidence with its article's
/// date, mentions, and every edge and entity (zero when nothing is left).
fn recount(db: &Path) -> (EdgeCounts, EntityCounts) {
    let c = Connection::open(db).unwrap();
    let mut edges: EdgeCounts = BTreeMap::new();
    let mut edge_articles: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    for id in c
        .prepare("SELECT id FROM edge")
        .unwrap()
        .query_map([], |r| r.get::<_, i64>(0))
        .unwrap()
    {
        edges.insert(id.unwrap(), (0, 0, None, None));
    }
    let rows: Vec<(i64, i64, Option<String>)> = c
        .prepare("SELECT ev.edge_id, ev.article_id, a.date FROM evidence ev, article a WHERE a.id = ev.article_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (edge, article, date) in rows {
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
    for id in c
        .prepare("SELECT id FROM entity")
        .unwrap()
        .query_map([], |r| r.get::<_, i64>(0))
        .unwrap()
    {
        entities.insert(id.unwrap(), (0, 0));
    }
    let mut entity_articles: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    let rows: Vec<(i64, i64)> = c
        .prepare("SELECT entity_id, article_id FROM mention")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (entity, article) in rows {
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
#[test]
fn aggregates_equal_a_recount_after_every_kind_of_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
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
        "Prime Minister Bennett accused Iran of attacking shipping. Russia condemned NATO.",
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
            "Prime Minister Bennett met Vladimir Putin in Sochi.",
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
#[test]
fn evidence_limit_keeps_the_first_pieces_and_the_total() {
    let mut s = Store::open_in_memory().unwrap();
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
