//! A dense synthetic graph for the tests of large neighbourhoods (issue
//! 12: parts of at most 2,000 nodes and edges): the United States and
//! [`MEMBERS`] people, every person meeting the United States and every
//! other person, written straight into a store (no extraction).
//!
//! Member `i` (0-based) is named `Member {i·37 mod MEMBERS:03}`, so that
//! name order is not rank order; article `i` holds the United States
//! meeting member `i` and member `i` meeting every member `j < i`. Member
//! `i` is thus in articles `i..MEMBERS`: `MEMBERS - i` articles, the
//! United States in all of them. Nodes: 1 + MEMBERS; edges: MEMBERS +
//! MEMBERS·(MEMBERS-1)/2, each in one article.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use geokg::article::Article;
use geokg::extract::Extraction;
use geokg::gazetteer::Gazetteer;
use geokg::ontology::{EdgeType, Kind};
use geokg::relation::Relation;
use geokg::resolve::Entity;
use geokg::store::Store;

/// People around the United States.
pub const MEMBERS: usize = 100;
/// The center's key.
pub const CENTER: &str = "state/USA";

/// Member `i`'s name.
pub fn name(i: usize) -> String {
    format!("Member {:03}", (i * 37) % MEMBERS)
}

/// Member `i`'s key.
pub fn key(i: usize) -> String {
    format!("person/member-{:03}", (i * 37) % MEMBERS)
}

/// Writes the dense graph into a new database at `db` (a SQLite file, or
/// a `postgres://` address).
pub fn write(db: &Path, g: &Gazetteer) {
    let mut store = Store::open(db).unwrap();
    let mut batch = Vec::new();
    for i in 0..MEMBERS {
        let mut a = Article::from_body(&format!("dense-{i:03}"), "");
        a.key = format!("dense:{i:03}");
        a.url = Some(format!("https://example.org/dense/{i:03}"));
        a.date = Some(format!("2024-{:02}-{:02}", 1 + i / 28, 1 + i % 28));
        let mut x = Extraction {
            entities: vec![
                Entity {
                    key: CENTER.to_string(),
                    kind: Kind::State,
                    name: "United States".to_string(),
                    aliases: Vec::new(),
                    known: None,
                },
                member(i),
            ],
            relations: Vec::new(),
            sentences: Vec::new(),
            mentions: Vec::new(),
        };
        let meet = |a: &mut Article, x: &mut Extraction, s: usize, t: usize| {
            let text = format!("{} met {}.", x.entities[s].name, x.entities[t].name);
            let start = a.body.len();
            a.body.push_str(&text);
            let end = a.body.len();
            a.body.push(' ');
            x.mentions.push((s, start, end));
            x.mentions.push((t, start, end));
            x.relations.push(Relation {
                source: s,
                edge: EdgeType::MetWith,
                target: t,
                sentence: x.sentences.len(),
                start,
                end,
                negated: false,
                hypothetical: false,
                confidence: 0.8,
                headline: false,
                role: None,
                rule: "dense/met".to_string(),
                via: None,
            });
            x.sentences.push((start, end));
        };
        meet(&mut a, &mut x, 0, 1);
        for j in 0..i {
            x.entities.push(member(j));
            let t = x.entities.len() - 1;
            meet(&mut a, &mut x, 1, t);
        }
        batch.push((a, x));
    }
    store.ingest_batch(&batch, g).unwrap();
}

fn member(i: usize) -> Entity {
    Entity {
        key: key(i),
        kind: Kind::Person,
        name: name(i),
        aliases: Vec::new(),
        known: None,
    }
}
