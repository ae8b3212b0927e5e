//! The analyst's queries (issue 10) on a small hand-made graph with known
//! answers, `tests/data/graph-reference/edges.tsv`, ingested in-process
//! through the library: exact paths, neighbour sets, degrees, PageRank and
//! betweenness against NetworkX (`reference.json`, written by
//! `make_reference.py` beside it), communities, timeline order, diff sets,
//! explain's evidence, the events table, the DOT of a diff, and bad input.
//! One journey runs the real binary for exit codes and messages. Every
//! test that reads a store runs on SQLite and on PostgreSQL (`NAME::sqlite`,
//! `NAME::postgres`, issue 13; the latter skip without a server).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use geokg::article::Article;
use geokg::export::{DotOptions, to_dot, to_events};
use geokg::extract::Extraction;
use geokg::gazetteer::Gazetteer;
use geokg::graph::{Filter, KnowledgeGraph, label_propagation, shortest_paths};
use geokg::ontology::{EdgeType, Kind};
use geokg::query::{self, Measure, QueryError};
use geokg::relation::{Relation, Via};
use geokg::resolve::Entity;
use geokg::store::{Change, EdgeQuery, EntityRef, Store};
use serde_json::Value;

mod common;

use common::{Backend, data, run};

on_both_backends!(
    path_finds_every_shortest_path,
    neighbours_with_distance_and_edges,
    top_matches_networkx,
    communities_group_cooperators,
    timeline_in_date_order,
    diff_between_periods,
    explain_lists_every_evidence,
    bad_names_and_dates,
    events_table,
    diff_graph_in_dot,
    binary_journeys,
);

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().unwrap())
}

/// The key of a fixture entity: a state's is `state/` and the first three
/// letters of its name in capitals (an ISO-like code for the events
/// export), anything else `kind/slug`.
fn key(name: &str, kind: Kind) -> String {
    match kind {
        Kind::State => format!("state/{}", name[..3].to_uppercase()),
        _ => format!("{kind}/{}", name.to_lowercase().replace(' ', "-")),
    }
}

/// The fixture's articles and extractions, built from `edges.tsv` (plus
/// `extra` lines in the same format): one article per label, one sentence
/// per line, its entities and relations exactly as listed.
fn fixture_batch(extra: &str) -> Vec<(Article, Extraction)> {
    let text = std::fs::read_to_string(data("graph-reference/edges.tsv")).unwrap();
    let mut by_article: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for line in text
        .lines()
        .skip_while(|l| l.starts_with('#'))
        .skip(1)
        .chain(extra.lines())
    {
        let f: Vec<String> = line.split('\t').map(str::to_string).collect();
        assert_eq!(f.len(), 10, "{line}");
        by_article.entry(f[0].clone()).or_default().push(f);
    }
    let mut batch = Vec::new();
    for (label, lines) in by_article {
        let mut a = Article::from_body(&label, "");
        a.key = format!("fixture:{label}");
        a.date = Some(lines[0][1].clone());
        let mut x = Extraction {
            entities: Vec::new(),
            relations: Vec::new(),
            sentences: Vec::new(),
            mentions: Vec::new(),
        };
        let entity = |x: &mut Extraction, name: &str, kind: &str| -> usize {
            let kind: Kind = kind.parse().unwrap();
            let k = key(name, kind);
            if let Some(i) = x.entities.iter().position(|e| e.key == k) {
                return i;
            }
            let aliases = match kind {
                Kind::Person => vec![name.rsplit(' ').next().unwrap().to_string()],
                _ => Vec::new(),
            };
            x.entities.push(Entity {
                key: k,
                kind,
                name: name.to_string(),
                aliases,
                known: None,
            });
            x.entities.len() - 1
        };
        for (i, f) in lines.iter().enumerate() {
            let s = entity(&mut x, &f[2], &f[3]);
            let t = entity(&mut x, &f[5], &f[6]);
            let start = a.body.len();
            a.body.push_str(&f[9]);
            let end = a.body.len();
            a.body.push(' ');
            x.sentences.push((start, end));
            x.mentions.push((s, start, end));
            x.mentions.push((t, start, end));
            x.relations.push(Relation {
                source: s,
                edge: f[4].parse().unwrap(),
                target: t,
                sentence: i,
                start,
                end,
                negated: false,
                hypothetical: false,
                confidence: f[7].parse().unwrap(),
                headline: false,
                role: None,
                rule: format!("fixture/{}", f[4]),
                via: (!f[8].is_empty()).then(|| Via {
                    mechanism: geokg::discourse::Mechanism::Pronoun,
                    text: f[8].clone(),
                }),
            });
        }
        batch.push((a, x));
    }
    batch
}

/// The fixture graph in a store of backend `b` (in memory, or at `--db`
/// `path` for the binary).
fn fixture_with(b: Backend, path: Option<&Path>, extra: &str) -> Store {
    let mut s = match path {
        Some(p) => Store::open(p).unwrap(),
        None => b.store(),
    };
    s.ingest_batch(&fixture_batch(extra), gazetteer()).unwrap();
    s
}

fn fixture(b: Backend) -> Store {
    fixture_with(b, None, "")
}

fn entity(s: &Store, name: &str) -> EntityRef {
    query::resolve(s, name, Vec::new).unwrap()
}

fn all() -> EdgeQuery {
    EdgeQuery::default()
}

/// A path as "A -type-> B <-type- C" with every edge of each hop.
fn show_path(p: &[query::Hop]) -> String {
    let mut out = p.first().map(|h| h.from.name.clone()).unwrap_or_default();
    for h in p {
        let edges: Vec<String> = h
            .edges
            .iter()
            .map(|e| match e.direction {
                "->" => format!("-{}->", e.edge),
                "<-" => format!("<-{}-", e.edge),
                _ => format!("-{}-", e.edge),
            })
            .collect();
        out.push_str(&format!(" {} {}", edges.join("|"), h.to.name));
    }
    out
}

/// Protects `path`: all shortest paths of equal length, each hop with its
/// edges, direction, count and evidence; type and date scope; no path
/// within the hop limit is an empty answer.
fn path_finds_every_shortest_path(b: Backend) {
    let s = fixture(b);
    let (petra, borduria) = (entity(&s, "Petra Voss"), entity(&s, "Borduria"));
    let a = query::path(&s, &petra, &borduria, 4, 10, &all()).unwrap();
    assert_eq!(a.hops, 2);
    let shown: Vec<String> = a.paths.iter().map(|p| show_path(p)).collect();
    assert_eq!(
        shown,
        [
            "Petra Voss -represents-> Arland -met-with- Borduria",
            "Petra Voss -met-with- Iskander Rolf -represents-> Borduria",
        ]
    );
    let hop = &a.paths[0][1].edges[0];
    assert_eq!(hop.count, 3);
    assert_eq!(
        (hop.first_seen.as_deref(), hop.last_seen.as_deref()),
        (Some("2024-01-10"), Some("2024-06-12"))
    );
    assert_eq!(
        hop.evidence.as_ref().unwrap().text,
        "Arland met Borduria in January."
    );

    // Only meetings: Petra and Borduria are not joined.
    let met = EdgeQuery {
        types: vec![EdgeType::MetWith],
        ..all()
    };
    assert!(
        query::path(&s, &petra, &borduria, 4, 10, &met)
            .unwrap()
            .paths
            .is_empty()
    );
    // Before April, Petra had not met Iskander.
    let early = EdgeQuery {
        until: Some("2024-03-31".into()),
        ..all()
    };
    let a = query::path(&s, &petra, &borduria, 4, 10, &early).unwrap();
    assert_eq!(a.paths.len(), 1);
    // The limit truncates and says so.
    let a = query::path(&s, &petra, &borduria, 4, 1, &all()).unwrap();
    assert_eq!((a.paths.len(), a.truncated), (1, true));
    // Three hops: Hollin's league is apart.
    let hollin = entity(&s, "Hollin");
    assert!(
        query::path(&s, &hollin, &petra, 10, 10, &all())
            .unwrap()
            .paths
            .is_empty()
    );
    // Two hops are not enough for Gale Front to reach Petra (three are).
    let gale = entity(&s, "Gale Front");
    assert!(
        query::path(&s, &gale, &petra, 2, 10, &all())
            .unwrap()
            .paths
            .is_empty()
    );
    let a = query::path(&s, &gale, &petra, 3, 10, &all()).unwrap();
    assert_eq!(
        a.paths.iter().map(|p| show_path(p)).collect::<Vec<_>>(),
        ["Gale Front -attacks-> Dravonia <-sanctions- Arland <-represents- Petra Voss"]
    );
    assert!(matches!(
        query::path(&s, &petra, &petra, 4, 10, &all()),
        Err(QueryError::Same(..))
    ));
}

/// Protects the bidirectional search on its own: a grid's corner to
/// corner has C(4, 2) = 6 shortest paths, and a hop limit below the
/// distance finds none.
#[test]
fn shortest_paths_on_a_grid() {
    // 3x3 grid, nodes 0..9, neighbours right/left/up/down.
    let nbrs = |n: usize| -> Result<Vec<usize>, ()> {
        let (r, c) = (n / 3, n % 3);
        let mut v = Vec::new();
        if r > 0 {
            v.push(n - 3);
        }
        if r < 2 {
            v.push(n + 3);
        }
        if c > 0 {
            v.push(n - 1);
        }
        if c < 2 {
            v.push(n + 1);
        }
        Ok(v)
    };
    let p = shortest_paths(0, 8, 4, 100, nbrs).unwrap();
    assert_eq!(p.paths.len(), 6);
    assert!(
        p.paths
            .iter()
            .all(|p| p.len() == 5 && p[0] == 0 && p[4] == 8)
    );
    let distinct: BTreeSet<_> = p.paths.iter().collect();
    assert_eq!(distinct.len(), 6);
    assert!(shortest_paths(0, 8, 3, 100, nbrs).unwrap().paths.is_empty());
}

/// Protects `neighbors`: exact sets with distances, the edges among them,
/// and `--kind` walking only through the kinds asked.
fn neighbours_with_distance_and_edges(b: Backend) {
    let s = fixture(b);
    let carpania = entity(&s, "Carpania");
    let n = query::neighbors(&s, &carpania, 1, &[], &all()).unwrap();
    let got: Vec<(String, usize)> = n
        .entities
        .iter()
        .map(|n| (n.entity.name.clone(), n.distance))
        .collect();
    assert_eq!(
        got,
        [
            ("Carpania".to_string(), 0),
            ("Arland".to_string(), 1),
            ("Borduria".to_string(), 1),
            ("Dravonia".to_string(), 1),
            ("Estmark".to_string(), 1),
            ("Fenwick Pact".to_string(), 1),
        ]
    );
    assert_eq!(n.edges.len(), 11);
    assert_eq!(
        (
            n.edges[0].source.name.as_str(),
            n.edges[0].edge,
            n.edges[0].count
        ),
        ("Arland", EdgeType::MetWith, 3)
    );

    let states = query::neighbors(&s, &carpania, 1, &[Kind::State], &all()).unwrap();
    let names: Vec<&str> = states
        .entities
        .iter()
        .map(|n| n.entity.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Carpania", "Arland", "Borduria", "Dravonia", "Estmark"]
    );

    let petra = entity(&s, "Petra Voss");
    let n = query::neighbors(&s, &petra, 2, &[], &all()).unwrap();
    let got: Vec<(&str, usize)> = n
        .entities
        .iter()
        .map(|n| (n.entity.name.as_str(), n.distance))
        .collect();
    assert_eq!(
        got,
        [
            ("Petra Voss", 0),
            ("Arland", 1),
            ("Iskander Rolf", 1),
            ("Borduria", 2),
            ("Carpania", 2),
            ("Dravonia", 2),
        ]
    );
}

/// Protects `top` and the algorithms behind it against NetworkX: degree
/// exact, PageRank and betweenness to 3 decimals, articles exact, and the
/// ranking order (ties by name).
fn top_matches_networkx(b: Backend) {
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string(data("graph-reference/reference.json")).unwrap(),
    )
    .unwrap();
    let s = fixture(b);
    let r = query::top(&s, Measure::Degree, &[], 100, &all()).unwrap();
    assert_eq!((r.nodes, r.edges, r.betweenness_sample), (11, 16, None));
    assert_eq!(r.rows.len(), 11);
    for row in &r.rows {
        let n = row.entity.name.as_str();
        assert_eq!(
            row.degree as u64,
            reference["degree"][n].as_u64().unwrap(),
            "{n} degree"
        );
        assert_eq!(
            row.articles as u64,
            reference["articles"][n].as_u64().unwrap(),
            "{n} articles"
        );
        for (what, got) in [("pagerank", row.pagerank), ("betweenness", row.betweenness)] {
            let want = reference[what][n].as_f64().unwrap();
            assert!(
                (got - want).abs() <= 0.0005 + 1e-9,
                "{n} {what}: {got} vs {want}"
            );
        }
    }
    let order = |by| -> Vec<String> {
        query::top(&s, by, &[], 4, &all())
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.entity.name)
            .collect()
    };
    assert_eq!(
        order(Measure::Degree),
        ["Carpania", "Arland", "Borduria", "Dravonia"]
    );
    assert_eq!(
        order(Measure::Pagerank),
        ["Borduria", "Dravonia", "Carpania", "Arland"]
    );
    assert_eq!(
        order(Measure::Betweenness),
        ["Carpania", "Dravonia", "Arland", "Borduria"]
    );
    assert_eq!(
        order(Measure::Articles),
        ["Carpania", "Dravonia", "Arland", "Borduria"]
    );
    // --kind picks who is ranked; the measures stay those of the whole graph.
    let people = query::top(&s, Measure::Pagerank, &[Kind::Person], 10, &all()).unwrap();
    let names: Vec<&str> = people.rows.iter().map(|r| r.entity.name.as_str()).collect();
    assert_eq!(names, ["Iskander Rolf", "Petra Voss"]);
    assert_eq!(people.rows[0].rank, 1);
}

/// Protects `communities`: cooperation ties group, conflict ties keep
/// apart, entities with no cooperation are in no group, and the answer is
/// the same on every run.
fn communities_group_cooperators(b: Backend) {
    let s = fixture(b);
    let c = query::communities(&s, &all()).unwrap();
    let groups: Vec<Vec<&str>> = c
        .iter()
        .map(|c| {
            let mut m: Vec<&str> = c.members.iter().map(|m| m.entity.name.as_str()).collect();
            m.sort();
            m
        })
        .collect();
    assert_eq!(
        groups,
        [
            vec![
                "Arland",
                "Borduria",
                "Carpania",
                "Estmark",
                "Fenwick Pact",
                "Iskander Rolf",
                "Petra Voss"
            ],
            vec!["Hollin", "Ivory League"],
        ]
    );
    assert_eq!(c[0].members[0].entity.name, "Arland");
    assert_eq!(query::communities(&s, &all()).unwrap(), c);
    // Conflict outweighs a tie: 0 and 1 cooperate once and fight twice.
    let labels = label_propagation(3, &[(0, 1, 1.0), (0, 1, -2.0), (1, 2, 1.0)]);
    assert_ne!(labels[0], labels[1]);
    assert_eq!(labels[1], labels[2]);
}

/// Protects `timeline`: one line per edge and article, in date order, the
/// edge's n-th article counted, sentences of one article together.
fn timeline_in_date_order(b: Backend) {
    let s = fixture(b);
    let b = entity(&s, "Borduria");
    let t = query::timeline(&s, &b, &all()).unwrap();
    let got: Vec<String> = t
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} #{} x{}",
                r.date.as_deref().unwrap(),
                r.source.name,
                r.edge,
                r.target.name,
                r.nth,
                r.sentences
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "2024-01-10 Arland met-with Borduria #1 x1",
            "2024-02-15 Arland met-with Borduria #2 x2",
            "2024-02-15 Borduria opposes Dravonia #1 x1",
            "2024-02-15 Iskander Rolf represents Borduria #1 x1",
            "2024-04-05 Borduria cooperates-with Carpania #1 x1",
            "2024-06-12 Arland met-with Borduria #3 x1",
            "2024-06-12 Dravonia opposes Borduria #1 x1",
        ]
    );
    let q = EdgeQuery {
        types: vec![EdgeType::MetWith],
        since: Some("2024-02-01".into()),
        ..all()
    };
    let t = query::timeline(&s, &b, &q).unwrap();
    assert_eq!(
        t.iter()
            .map(|r| (r.article.as_str(), r.nth))
            .collect::<Vec<_>>(),
        [("a2", 1), ("a6", 2)]
    );
}

/// Protects `diff`: exact sets of edges that appeared, disappeared, grew
/// and weakened between the two periods, and two ranges through --since
/// and --until.
fn diff_between_periods(b: Backend) {
    let s = fixture(b);
    let d = query::diff(&s, &all(), "2024-03-31", "2024-04-01", false).unwrap();
    let mut by: BTreeMap<Change, BTreeSet<String>> = BTreeMap::new();
    for r in &d {
        by.entry(r.change).or_default().insert(format!(
            "{} {} {} {}->{}",
            r.source.name, r.edge, r.target.name, r.before, r.after
        ));
    }
    let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        by[&Change::Appeared],
        set(&[
            "Arland sanctions Dravonia 0->1",
            "Borduria cooperates-with Carpania 0->1",
            "Dravonia opposes Borduria 0->1",
            "Dravonia threatens Carpania 0->1",
            "Estmark supports Carpania 0->1",
            "Gale Front attacks Dravonia 0->1",
            "Hollin member-of Ivory League 0->1",
            "Petra Voss met-with Iskander Rolf 0->1",
        ])
    );
    assert_eq!(
        by[&Change::Disappeared],
        set(&[
            "Arland supports Carpania 1->0",
            "Borduria opposes Dravonia 1->0",
            "Carpania member-of Fenwick Pact 1->0",
            "Estmark member-of Fenwick Pact 1->0",
            "Iskander Rolf represents Borduria 1->0",
            "Petra Voss represents Arland 1->0",
        ])
    );
    assert_eq!(by[&Change::Grew], set(&["Carpania attacks Dravonia 1->2"]));
    assert_eq!(
        by[&Change::Weakened],
        set(&["Arland met-with Borduria 2->1"])
    );
    assert!(!by.contains_key(&Change::Same));
    assert_eq!(d[0].change, Change::Appeared);

    // Two ranges: February against May to June.
    let q = EdgeQuery {
        since: Some("2024-02-01".into()),
        until: Some("2024-06-30".into()),
        ..all()
    };
    let d = query::diff(&s, &q, "2024-02-28", "2024-05-01", true).unwrap();
    let met = d
        .iter()
        .find(|r| r.edge == EdgeType::MetWith && r.source.name == "Arland")
        .unwrap();
    assert_eq!((met.before, met.after, met.change), (1, 1, Change::Same));
    assert!(d.iter().all(|r| r.edge != EdgeType::MemberOf));

    // Overlapping periods are refused in one line.
    let e = query::diff(&s, &all(), "2024-05-01", "2024-04-01", false).unwrap_err();
    assert_eq!(
        e.to_string(),
        "--after 2024-04-01 must be later than --before 2024-05-01: the two periods would overlap"
    );
}

/// Protects `explain`: every evidence sentence in order with article,
/// date, confidence, rule and `via`, the same asked either way round for
/// a symmetric type; with none, the edges that join the two instead.
fn explain_lists_every_evidence(b: Backend) {
    let s = fixture(b);
    let (a, b) = (entity(&s, "Arland"), entity(&s, "Borduria"));
    let x = query::explain(&s, &a, EdgeType::MetWith, &b, &all()).unwrap();
    let got: Vec<String> = x
        .evidence
        .iter()
        .map(|e| {
            format!(
                "{} {} {:.2} {} {} | {}",
                e.date.as_deref().unwrap(),
                e.article,
                e.confidence,
                e.rule.as_deref().unwrap(),
                e.via.as_deref().unwrap_or("-"),
                e.text
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "2024-01-10 a1 0.90 fixture/met-with - | Arland met Borduria in January.",
            "2024-02-15 a2 0.90 fixture/met-with - | Arland and Borduria held talks again.",
            "2024-02-15 a2 0.60 fixture/met-with \"they\" -> Arland | They met in the capital.",
            "2024-06-12 a6 0.90 fixture/met-with - | Arland met Borduria a third time.",
        ]
    );
    let back = query::explain(&s, &b, EdgeType::MetWith, &a, &all()).unwrap();
    assert_eq!(back.evidence, x.evidence);
    let conf = EdgeQuery {
        min_confidence: Some(0.7),
        since: Some("2024-02-01".into()),
        ..all()
    };
    let x = query::explain(&s, &a, EdgeType::MetWith, &b, &conf).unwrap();
    assert_eq!(x.evidence.len(), 2);
    // A directed type the other way round is not the same edge.
    let none = query::explain(&s, &b, EdgeType::Sanctions, &a, &all()).unwrap();
    assert!(none.evidence.is_empty());
    assert_eq!(none.instead.len(), 1);
    assert_eq!(none.instead[0].edge, EdgeType::MetWith);
}

/// Protects bad input: an unknown name suggests the closest names, an
/// ambiguous one lists its candidates and can be given by id, a fallback
/// (the gazetteer) is asked only when the database has no such name, and
/// contradictory or out-of-range dates are one clear line.
fn bad_names_and_dates(b: Backend) {
    let extra = "a8\t2024-07-02\tIskander Voss\tperson\tmet-with\tHollin\tstate\t0.9\t\tIskander Voss met Hollin.";
    let s = fixture_with(b, None, extra);
    let e = query::resolve(&s, "Arlnd", Vec::new).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no entity named 'Arlnd' in the database; closest: Arland"
    );
    let e = query::resolve(&s, "Iskandr", Vec::new).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no entity named 'Iskandr' in the database; closest: Iskander Rolf, Iskander Voss"
    );
    let e = query::resolve(&s, "Zzyzx Qwv", Vec::new).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no entity named 'Zzyzx Qwv' in the database; list names with `geokg entities --match TEXT`"
    );
    let e = query::resolve(&s, "voss", Vec::new).unwrap_err();
    assert_eq!(
        e.to_string(),
        "'voss' names 2 entities: Petra Voss (person, person/petra-voss, 2 articles), \
         Iskander Voss (person, person/iskander-voss, 1 articles); give one by its id"
    );
    assert_eq!(
        query::resolve(&s, "person/petra-voss", Vec::new)
            .unwrap()
            .name,
        "Petra Voss"
    );
    // The fallback is not asked for a name the database knows.
    let found = query::resolve(&s, "the arland", || panic!("asked the gazetteer")).unwrap();
    assert_eq!(found.key, "state/ARL");
    let via_fallback = query::resolve(&s, "Arlandia", || vec!["state/ARL".to_string()]).unwrap();
    assert_eq!(via_fallback.name, "Arland");

    let line = |since: Option<&str>, until: Option<&str>| {
        query::check_period(&s, since, until).map_err(|e| e.to_string())
    };
    assert_eq!(line(Some("2024-02-01"), Some("2024-03-01")), Ok(()));
    assert_eq!(
        line(Some("2024-05-01"), Some("2024-03-01")),
        Err("--since 2024-05-01 is after --until 2024-03-01".to_string())
    );
    assert_eq!(
        line(Some("2030-01-01"), None),
        Err("--since 2030-01-01 is after the last article; the articles run from 2024-01-10 to 2024-07-02".to_string())
    );
    assert_eq!(
        line(None, Some("1999-12-31")),
        Err("--until 1999-12-31 is before the first article; the articles run from 2024-01-10 to 2024-07-02".to_string())
    );
}

/// Protects `export --format events`: one row per article, source, target
/// and code in date order, GDELT column names, CAMEO codes and quad
/// classes from the ontology, ISO-like state codes and a represented
/// state's code for its people (`GOV`), alliances as `IGO`; offices are no
/// events.
fn events_table(b: Backend) {
    let s = fixture(b);
    let rows = s.events(&all()).unwrap();
    let countries: HashMap<String, String> = [
        ("state/ARL", "ARL"),
        ("state/BOR", "BOR"),
        ("state/CAR", "CAR"),
        ("state/DRA", "DRA"),
        ("person/petra-voss", "ARL"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let tsv = to_events(&rows, &countries);
    let lines: Vec<&str> = tsv.lines().collect();
    assert!(
        lines[0].starts_with("GLOBALEVENTID\tSQLDATE\tActor1Code\tActor1Name\tActor1CountryCode")
    );
    // 21 evidence lines, 20 article-edge pairs, 2 of them offices.
    assert_eq!(lines.len(), 1 + 18);
    let sanction: Vec<&str> = lines
        .iter()
        .find(|l| l.contains("\tsanctions\t"))
        .unwrap()
        .split('\t')
        .collect();
    assert_eq!(
        sanction[..19],
        [
            sanction[0],
            "20240501",
            "ARL",
            "Arland",
            "ARL",
            "",
            "DRA",
            "Dravonia",
            "DRA",
            "",
            "0",
            "163",
            "163",
            "16",
            "4",
            "1",
            "1",
            "1",
            ""
        ]
    );
    let met: Vec<&str> = lines
        .iter()
        .find(|l| l.contains("Petra Voss\t") && l.contains("met-with"))
        .unwrap()
        .split('\t')
        .collect();
    assert_eq!(met[2..6], ["ARLGOV", "Petra Voss", "ARL", "GOV"]);
    assert_eq!(met[11..15], ["040", "040", "04", "1"]);
    let member = lines.iter().find(|l| l.contains("Fenwick Pact")).unwrap();
    assert!(member.contains("\tIGO\tFenwick Pact\t\tIGO\t"), "{member}");
    assert!(!tsv.contains("represents"));
    let dates: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
}

/// Protects `export/render --diff`: new, gone and changed edges drawn
/// distinctly in DOT (colour, style, label before→after, class), with a
/// legend line for the changes.
fn diff_graph_in_dot(b: Backend) {
    let s = fixture(b);
    let rows = query::diff(&s, &all(), "2024-03-31", "2024-04-01", true).unwrap();
    let kg = KnowledgeGraph::from_diff(rows, &Filter::default());
    assert_eq!(kg.edge_count(), 16);
    let dot = to_dot(
        &kg,
        &DotOptions {
            legend: true,
            ..DotOptions::default()
        },
    );
    let line = |needle: &str| -> String {
        dot.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle}"))
            .to_string()
    };
    let new = line("new: sanctions 0→1");
    assert!(
        new.contains("color=\"#16a34a\"") && new.contains("style=\"bold\""),
        "{new}"
    );
    assert!(new.contains("class=\"diff-appeared\""), "{new}");
    let gone = line("gone: supports 1→0");
    assert!(
        gone.contains("color=\"#9ca3af\"") && gone.contains("style=\"dashed\""),
        "{gone}"
    );
    let grew = line("attacks 1→2");
    assert!(
        grew.contains("class=\"diff-grew\"") && grew.contains("style=\"bold\""),
        "{grew}"
    );
    let weak = line("met-with 2→1");
    assert!(
        weak.contains("class=\"diff-weakened\"") && weak.contains("style=\"dotted\""),
        "{weak}"
    );
    assert!(dot.contains("<b>changes</b>"));
}

/// Protects the binary's journeys: a query's formats, an unconnected
/// path (a note, exit 0, like every empty answer), an unknown name and
/// a bad period (one line, exit 2), `--as-of` and `--since` on queries,
/// `show` and `relations`, and `export --diff` and `--format events`
/// through the command line.
fn binary_journeys(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let db = b.db(dir.path(), "g");
    drop(fixture_with(b, Some(&db), ""));
    let o = run(&["path", "Hollin", "Petra Voss", "--max-hops", "3"], &db);
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "note: no path between Hollin and Petra Voss within 3 hops\n"
    );
    let o = run(&["path", "petra voss", "borduria", "--format", "json"], &db);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["hops"], 2);
    assert_eq!(v["paths"].as_array().unwrap().len(), 2);
    let o = run(&["path", "petra voss", "borduria", "--format", "csv"], &db);
    let csv = String::from_utf8_lossy(&o.stdout);
    assert!(csv.starts_with("path,hop,from,edge,to,count,first_seen,last_seen,article,evidence\n1,1,Petra Voss,—represents→,Arland,1,"), "{csv}");

    let o = run(&["neighbors", "Arlnd"], &db);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "geokg: no entity named 'Arlnd' in the database; closest: Arland\n"
    );
    let o = run(
        &["top", "--since", "2024-06-01", "--until", "2024-01-01"],
        &db,
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "geokg: --since 2024-06-01 is after --until 2024-01-01\n"
    );
    let o = run(
        &[
            "timeline",
            "borduria",
            "--as-of",
            "2024-02-15",
            "--format",
            "csv",
        ],
        &db,
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1 + 4);

    // `show` and `relations` take the period too.
    let o = run(&["show", "petra voss", "--as-of", "2024-03-31"], &db);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("-represents-> Arland") && !text.contains("Iskander"),
        "{text}"
    );
    let o = run(
        &[
            "relations",
            "--from",
            "arland",
            "--since",
            "2024-05-01",
            "--format",
            "csv",
        ],
        &db,
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1 + 2);

    let o = run(&["explain", "arland", "met-with", "borduria"], &db);
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(
        table.starts_with("date        article  url  span"),
        "{table}"
    );
    assert_eq!(table.lines().count(), 5);

    let o = run(
        &[
            "export",
            "--diff",
            "--before",
            "2024-03-31",
            "--after",
            "2024-04-01",
        ],
        &db,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("diff-appeared"));
    let o = run(&["export", "--format", "events", "--type", "attacks"], &db);
    let events = String::from_utf8_lossy(&o.stdout);
    assert_eq!(events.lines().count(), 1 + 4, "{events}");
}
