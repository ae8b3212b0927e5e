//! `geokg serve`'s API and page in-process: the router the binary serves
//! (`geokg::serve::router`) over a read-only database ingested from real
//! articles (two dev articles and one crafted with `<script>` in its
//! headline and body), asked with `tower::ServiceExt::oneshot`, no socket.
//! Every endpoint is checked for its exact answer (entity ids, edge sets,
//! counts), every bad parameter for its 400 and message, unknown names for
//! their 404 and suggestions, every cap for its limit, and a crafted name
//! holding `<script>` for its escaping in every answer and export.
//!
//! Two journeys go through the real binary over HTTP: the address line,
//! `--open`, the page and an answer over a socket, and Ctrl-C stopping it
//! cleanly; and the warning when bound beyond this machine.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/dense.rs"]
mod dense;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};
use tower::ServiceExt;

use geokg::gazetteer::Gazetteer;
use geokg::serve::{Api, router};
use geokg::store::Store;

/// A database ingested from fixtures and the router over it, opened as
/// `geokg serve` opens them (read-only store, the gazetteer's tables).
struct Served {
    db: PathBuf,
    app: Router,
}

/// A folder for this run's databases under cargo's scratch folder for
/// integration tests; the folders of runs that have ended are removed
/// (the databases live in statics, which are never dropped).
fn scratch(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
    if let Ok(entries) = std::fs::read_dir(root) {
        for e in entries.flatten() {
            let file = e.file_name().to_string_lossy().to_string();
            let ended = file
                .strip_prefix("serve-")
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| {
                    pid != std::process::id()
                        && Path::new("/proc/self").exists()
                        && !Path::new("/proc").join(pid.to_string()).exists()
                });
            if ended {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    let dir = root
        .join(format!("serve-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Ingests `files` (under `tests/data`) with the binary, with an extra
/// gazetteer file when given, and builds the router over the result.
fn ingest(name: &str, gazetteer: Option<&str>, files: &[&str]) -> Served {
    ingest_with(name, gazetteer, &[], files)
}

/// [`ingest`] with options of `ingest` (`--no-bodies`).
fn ingest_with(name: &str, gazetteer: Option<&str>, options: &[&str], files: &[&str]) -> Served {
    let db = scratch(name).join("serve.db");
    let mut cmd = common::bin();
    cmd.arg("--db").arg(&db);
    if let Some(g) = gazetteer {
        cmd.arg("--gazetteer").arg(common::data(g));
    }
    cmd.arg("ingest").args(options);
    for f in files {
        cmd.arg(common::data(f));
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = Store::open_read_only(&db, Duration::from_secs(5)).unwrap();
    let extra: Vec<PathBuf> = gazetteer.iter().map(|g| common::data(g)).collect();
    let extra: Vec<&Path> = extra.iter().map(PathBuf::as_path).collect();
    let app = router(Api::new(store, Gazetteer::tables(&extra).unwrap()));
    Served { db, app }
}

/// The three articles most tests read.
fn three() -> &'static Served {
    static S: OnceLock<Served> = OnceLock::new();
    S.get_or_init(|| {
        ingest(
            "three",
            None,
            &[
                "dev/articles/004.txt",
                "dev/articles/seed-001.txt",
                "serve/script.txt",
            ],
        )
    })
}

/// One answer, read whole.
struct Answer {
    status: u16,
    content_type: String,
    csp: String,
    nosniff: bool,
    body: String,
}

async fn fetch(app: &Router, path: &str) -> Answer {
    let request = Request::builder().uri(path).body(Body::empty()).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let (content_type, csp) = (header("content-type"), header("content-security-policy"));
    let nosniff = header("x-content-type-options") == "nosniff";
    let status = response.status().as_u16();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Answer {
        status,
        content_type,
        csp,
        nosniff,
        body: String::from_utf8(body.to_vec()).unwrap(),
    }
}

/// A JSON answer: its status and value. Every JSON answer is checked to
/// hold no `<`, `>` or `&` in its text (they are `\u` escapes).
async fn api_of(app: &Router, path: &str) -> (u16, Value) {
    let a = fetch(app, path).await;
    assert_eq!(a.content_type, "application/json", "{path}");
    assert!(a.nosniff, "{path}");
    assert!(
        !a.body.contains(['<', '>', '&']),
        "{path}: markup in {}",
        a.body
    );
    (a.status, serde_json::from_str(&a.body).unwrap())
}

/// A JSON answer over the three articles that must succeed.
async fn api(path: &str) -> Value {
    let (status, v) = api_of(&three().app, path).await;
    assert_eq!(status, 200, "{path}: {v}");
    v
}

/// The error an answer over the three articles gives: status and message.
async fn error(path: &str) -> (u16, String) {
    let (status, v) = api_of(&three().app, path).await;
    assert_eq!(v["status"], status, "{path}");
    (status, v["error"].as_str().unwrap().to_string())
}

fn strings(list: &Value, field: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v[field].as_str().unwrap().to_string())
        .collect()
}

/// A neighbourhood's nodes as `key distance articles`, in order.
fn node_rows(v: &Value) -> Vec<String> {
    v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            format!(
                "{} {} {}",
                n["key"].as_str().unwrap(),
                n["distance"],
                n["articles"]
            )
        })
        .collect()
}

/// A neighbourhood's edges as `id count first..last width`, in order.
fn edge_rows(v: &Value) -> Vec<String> {
    v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(
                e["id"],
                format!(
                    "{}|{}|{}",
                    e["source"].as_str().unwrap(),
                    e["type"].as_str().unwrap(),
                    e["target"].as_str().unwrap()
                )
            );
            format!(
                "{} {} {}..{} {}",
                e["id"].as_str().unwrap(),
                e["count"],
                e["first_seen"].as_str().unwrap_or("-"),
                e["last_seen"].as_str().unwrap_or("-"),
                e["width"]
            )
        })
        .collect()
}

const PUTIN: &str = "person/vladimir-putin";
const XI: &str = "person/xi-jinping";
const KERRY_ARTICLE: &str =
    "https://voanews.com/a/kerry-lavrov-to-meet-in-sochi-tuesday-/2762782.html";

/// Protects `info`: the counts, the articles' date span (the sliders) and
/// the vocabulary, exactly.
#[tokio::test]
async fn info_gives_counts_dates_and_vocabulary() {
    assert_eq!(
        api("/api/info").await,
        json!({
            "articles": 3, "entities": 23, "edges": 26,
            "first_date": "2015-05-11", "last_date": "2016-01-10",
            "edge_types": ["met-with", "visited", "claims", "opposes", "supports", "accuses",
                           "threatens", "sanctions", "attacks", "cooperates-with", "member-of",
                           "represents"],
            "kinds": ["person", "state", "region", "alliance", "organization"]
        })
    );
}

/// Protects search by any alias, the order (most articles, then name),
/// the kind filter, the cap, and the typo-tolerant suggestions.
#[tokio::test]
async fn entities_are_found_by_alias_and_typos_get_suggestions() {
    assert_eq!(
        api("/api/entities?q=putn").await,
        json!({"query": "putn", "total": 0, "entities": [], "suggestions": ["Vladimir Putin"]})
    );
    assert_eq!(
        api("/api/entities?q=kremlin").await,
        json!({"query": "kremlin", "total": 1, "suggestions": [], "entities": [
            {"key": "state/RUS", "name": "Russia", "kind": "state", "articles": 2,
             "aliases": ["Kremlin", "Moscow", "Russian", "Russian Federation"]}]})
    );
    let all = api("/api/entities?q=&limit=200").await;
    assert_eq!(all["total"], 23);
    assert_eq!(
        strings(&all["entities"], "key"),
        [
            PUTIN,
            "person/dmitry-peskov",
            "alliance/NATO",
            "state/RUS",
            "state/UKR",
            "state/USA",
            "region/UA-43",
            "person/donald-trump",
            "region/donetsk-peoples-republic",
            "state/IRN",
            "person/jens-stoltenberg",
            "person/john-kerry",
            "region/UA-65",
            "region/luhansk-peoples-republic",
            "person/marie-harf",
            "person/mathilde-moreau",
            "person/philip-breedlove",
            "person/sergei-lavrov",
            "region/city/sochi",
            "person/steve-witkoff",
            "state/SYR",
            XI,
            "region/UA-23",
        ]
    );
    // The cap: three of the eleven people, the most mentioned first.
    let v = api("/api/entities?q=&kind=person&limit=3").await;
    assert_eq!(v["total"], 11);
    assert_eq!(
        strings(&v["entities"], "key"),
        [PUTIN, "person/dmitry-peskov", "person/donald-trump"]
    );
    assert_eq!(
        v["entities"][2],
        json!({"key": "person/donald-trump", "name": "Donald Trump", "kind": "person",
               "articles": 1, "aliases": ["Donald J. Trump", "Trump"]})
    );
    // The default cap is 20.
    let v = api("/api/entities").await;
    assert_eq!(
        (v["total"].as_u64(), v["entities"].as_array().unwrap().len()),
        (Some(23), 20)
    );
}

/// Protects the card: kind, aliases, articles, neighbours, and from the
/// gazetteer the offices with dates, an alliance's members and a state's
/// alliances.
#[tokio::test]
async fn an_entity_card_holds_kind_aliases_articles_and_offices() {
    assert_eq!(
        api("/api/entity?name=PUTIN").await,
        json!({
            "key": PUTIN, "name": "Vladimir Putin", "kind": "person",
            "aliases": ["Putin", "Vladimir Vladimirovich Putin"], "articles": 3,
            "offices": [{"role": "president", "of": "Russia", "start": "2012-05-07", "end": null}],
            "members": [], "member_of": [], "neighbours": 6
        })
    );
    assert_eq!(
        api("/api/entity?name=kerry").await,
        json!({
            "key": "person/john-kerry", "name": "John Kerry", "kind": "person",
            "aliases": ["John F. Kerry", "Kerry"], "articles": 1,
            "offices": [], "members": [], "member_of": [], "neighbours": 4
        })
    );
    let nato = api("/api/entity?name=NATO").await;
    assert_eq!(
        (&nato["kind"], &nato["articles"], &nato["neighbours"]),
        (&json!("alliance"), &json!(2), &json!(2))
    );
    assert_eq!(nato["members"].as_array().unwrap().len(), 32);
    assert_eq!(
        nato["members"][0],
        json!({"name": "Albania", "joined": "2009-04-01", "left": null})
    );
    let usa = api("/api/entity?name=usa").await;
    assert_eq!(usa["key"], "state/USA");
    // The built-in member files: twelve alliances and the Troika
    // (data/curated/alliances_extra.tsv).
    assert_eq!(usa["member_of"].as_array().unwrap().len(), 13);
    assert!(
        usa["member_of"]
            .as_array()
            .unwrap()
            .contains(&json!({"name": "AUKUS", "joined": "2021-09-15", "left": null}))
    );
    assert!(
        usa["member_of"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["name"] == "Troika")
    );
}

/// The whole of Putin's one-hop neighbourhood, in the answer's order.
const PUTIN_NODES: [&str; 7] = [
    "person/vladimir-putin 0 3",
    "person/dmitry-peskov 1 2",
    "state/RUS 1 2",
    "person/john-kerry 1 1",
    "person/sergei-lavrov 1 1",
    "person/steve-witkoff 1 1",
    "person/xi-jinping 1 1",
];
const PUTIN_EDGES: [&str; 11] = [
    "person/dmitry-peskov|represents|state/RUS 2 2015-05-11..2015-05-11 2.0",
    "person/vladimir-putin|represents|state/RUS 2 2015-05-11..2015-05-11 2.0",
    "person/dmitry-peskov|met-with|person/vladimir-putin 1 -..- 1.2",
    "person/john-kerry|met-with|person/sergei-lavrov 1 2015-05-11..2015-05-11 1.2",
    "person/john-kerry|met-with|person/vladimir-putin 1 2015-05-11..2015-05-11 1.2",
    "person/john-kerry|visited|state/RUS 1 2015-05-11..2015-05-11 1.2",
    "person/sergei-lavrov|met-with|person/vladimir-putin 1 2015-05-11..2015-05-11 1.2",
    "person/sergei-lavrov|represents|state/RUS 1 2015-05-11..2015-05-11 1.0",
    "person/steve-witkoff|met-with|state/RUS 1 -..- 1.2",
    "person/steve-witkoff|met-with|person/vladimir-putin 1 -..- 1.2",
    "person/vladimir-putin|met-with|person/xi-jinping 1 2016-01-10..2016-01-10 1.2",
];

/// Protects the neighbourhood: exactly the entities one hop away and the
/// edges among them; the same in parts, most articles first, no node or
/// edge given twice; and the scope (date, types, kinds, depth).
#[tokio::test]
async fn neighbours_come_whole_or_in_parts() {
    let v = api("/api/neighbors?name=Putin").await;
    assert_eq!(
        v["center"],
        json!({"key": PUTIN, "name": "Vladimir Putin", "kind": "person"})
    );
    assert_eq!(
        (&v["depth"], &v["total"], &v["offset"], &v["more"]),
        (&json!(1), &json!(6), &json!(0), &json!(false))
    );
    assert_eq!(
        (
            &v["total_nodes"],
            &v["total_edges"],
            &v["next_offset"],
            &v["edges_left_out"]
        ),
        (&json!(7), &json!(11), &Value::Null, &json!(0))
    );
    assert_eq!(node_rows(&v), PUTIN_NODES);
    assert_eq!(edge_rows(&v), PUTIN_EDGES);

    // In parts of two: each part its nodes and the edges that join them to
    // this or an earlier part; together the whole, nothing twice.
    let parts = [
        (0, &PUTIN_NODES[..3], &PUTIN_EDGES[..3], true),
        (2, &PUTIN_NODES[3..5], &PUTIN_EDGES[3..8], true),
        (4, &PUTIN_NODES[5..], &PUTIN_EDGES[8..], false),
    ];
    for (offset, nodes, edges, more) in parts {
        let part = api(&format!(
            "/api/neighbors?name=Putin&limit=2&offset={offset}"
        ))
        .await;
        assert_eq!(node_rows(&part), nodes, "offset {offset}");
        assert_eq!(edge_rows(&part), edges, "offset {offset}");
        assert_eq!((&part["more"], &part["total"]), (&json!(more), &json!(6)));
        let next = more.then_some(offset + 2);
        assert_eq!(part["next_offset"], json!(next), "offset {offset}");
    }
    let past = api("/api/neighbors?name=Putin&limit=2&offset=6").await;
    assert_eq!((node_rows(&past), edge_rows(&past)), (vec![], vec![]));

    // As of the end of 2015 (a period leaves the undated seed article
    // out): Xi (met in 2016) and those only the seed article joins go.
    let v = api("/api/neighbors?name=Putin&as_of=2015-12-31").await;
    assert_eq!(
        node_rows(&v),
        [
            "person/vladimir-putin 0 1",
            "person/john-kerry 1 1",
            "state/RUS 1 1",
            "person/sergei-lavrov 1 1"
        ]
    );
    assert_eq!(
        edge_rows(&v),
        [
            "person/john-kerry|met-with|person/sergei-lavrov 1 2015-05-11..2015-05-11 1.2",
            "person/john-kerry|met-with|person/vladimir-putin 1 2015-05-11..2015-05-11 1.2",
            "person/john-kerry|visited|state/RUS 1 2015-05-11..2015-05-11 1.2",
            "person/sergei-lavrov|met-with|person/vladimir-putin 1 2015-05-11..2015-05-11 1.2",
            "person/sergei-lavrov|represents|state/RUS 1 2015-05-11..2015-05-11 1.0",
            "person/vladimir-putin|represents|state/RUS 1 2015-05-11..2015-05-11 1.0",
        ]
    );

    // Only represents edges: Russia alone; walking only through people:
    // nobody.
    let v = api("/api/neighbors?name=Putin&types=represents").await;
    assert_eq!(
        node_rows(&v),
        ["person/vladimir-putin 0 2", "state/RUS 1 2"]
    );
    assert_eq!(edge_rows(&v), [PUTIN_EDGES[1]]);
    let v = api("/api/neighbors?name=Putin&types=represents&kinds=person").await;
    assert_eq!(
        (node_rows(&v), edge_rows(&v), &v["total"]),
        (
            vec!["person/vladimir-putin 0 2".to_string()],
            vec![],
            &json!(0)
        )
    );

    // Two hops from Xi: Putin, then Putin's neighbours.
    let v = api("/api/neighbors?name=xi&depth=2").await;
    assert_eq!(
        node_rows(&v),
        [
            "person/xi-jinping 0 1",
            "person/vladimir-putin 1 3",
            "person/dmitry-peskov 2 2",
            "state/RUS 2 2",
            "person/john-kerry 2 1",
            "person/sergei-lavrov 2 1",
            "person/steve-witkoff 2 1",
        ]
    );
    assert_eq!(
        v["edges"].as_array().unwrap().len(),
        PUTIN_EDGES.len(),
        "{v}"
    );
}

/// The dense graph of `tests/common/dense.rs` (the United States and 100
/// people who all meet each other) and the router over it.
fn dense() -> &'static Served {
    static S: OnceLock<Served> = OnceLock::new();
    S.get_or_init(|| {
        let db = scratch("dense").join("serve.db");
        let g = Gazetteer::tables(&[]).unwrap();
        dense::write(&db, &g);
        let store = Store::open_read_only(&db, Duration::from_secs(5)).unwrap();
        Served {
            db,
            app: router(Api::new(store, g)),
        }
    })
}

/// Protects the bound on what one answer asks the page to draw (issue 12:
/// "the page stays responsive with 2,000 elements"): on a dense graph
/// (101 nodes, 5,050 edges) each part holds at most 2,000 nodes and edges
/// together, the first the center and the 61 people with most articles
/// (ranked by articles, not by name) with every edge among them (62 + 1,891
/// = 1,953; the 62nd person would bring 63 more); each answer gives the
/// totals and the next offset, and the three parts together are the whole
/// neighbourhood, no node or edge twice.
#[tokio::test]
async fn dense_neighbourhoods_come_in_parts_of_at_most_2000_elements() {
    let app = &dense().app;
    let n = dense::MEMBERS;
    let mut nodes_seen = std::collections::BTreeSet::new();
    let mut edges_seen = std::collections::BTreeSet::new();
    let mut offset = 0;
    // (offset, people, edges, next offset) of each part.
    let parts = [
        (0, 61, 1891, Some(61)),
        (61, 26, 1937, Some(87)),
        (87, 13, 1222, None),
    ];
    for (at, people, edges, next) in parts {
        assert_eq!(offset, at);
        let (status, v) = api_of(
            app,
            &format!("/api/neighbors?name=United%20States&depth=1&offset={offset}"),
        )
        .await;
        assert_eq!(status, 200, "{v}");
        let center = usize::from(offset == 0);
        let drawn = (
            v["nodes"].as_array().unwrap().len(),
            v["edges"].as_array().unwrap().len(),
        );
        assert_eq!(drawn, (center + people, edges), "offset {offset}");
        assert!(drawn.0 + drawn.1 <= 2000, "offset {offset}: {drawn:?}");
        assert_eq!(
            (
                &v["total"],
                &v["total_nodes"],
                &v["total_edges"],
                &v["offset"],
                &v["more"],
                &v["next_offset"],
                &v["edges_left_out"]
            ),
            (
                &json!(100),
                &json!(101),
                &json!(5050),
                &json!(offset),
                &json!(next.is_some()),
                &json!(next),
                &json!(0)
            )
        );
        // The people of the part: the next by articles (member i has
        // 100 - i), not by name.
        let mut want: Vec<String> = Vec::new();
        if offset == 0 {
            want.push(format!("{} 0 {n}", dense::CENTER));
        }
        for i in offset..offset + people {
            want.push(format!("{} 1 {}", dense::key(i), n - i));
        }
        assert_eq!(node_rows(&v), want, "offset {offset}");
        for row in node_rows(&v) {
            assert!(nodes_seen.insert(row.split(' ').next().unwrap().to_string()));
        }
        // Every edge joins two nodes of this or an earlier part.
        for e in v["edges"].as_array().unwrap() {
            for end in ["source", "target"] {
                assert!(nodes_seen.contains(e[end].as_str().unwrap()), "{e}");
            }
            assert!(edges_seen.insert(e["id"].as_str().unwrap().to_string()));
        }
        offset = next.unwrap_or(offset);
    }
    assert_eq!((nodes_seen.len(), edges_seen.len()), (101, 5050));

    // A smaller `limit` still caps the people of a part.
    let (_, v) = api_of(app, "/api/neighbors?name=United%20States&limit=10").await;
    assert_eq!(
        (
            v["nodes"].as_array().unwrap().len(),
            v["edges"].as_array().unwrap().len(),
            &v["next_offset"]
        ),
        (11, 10 + 45, &json!(10))
    );
}

/// Protects `relations`: the edges from an entity with every piece of
/// evidence, as the CLI's `relations`; the cap and what it says.
#[tokio::test]
async fn relations_hold_their_evidence_and_are_capped() {
    let v = api("/api/relations?from=Kerry").await;
    assert_eq!((&v["total"], &v["truncated"]), (&json!(4), &json!(false)));
    let rows: Vec<String> = v["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let spans: Vec<String> = r["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    format!(
                        "{}:{}..{} {}",
                        e["sentence"],
                        e["start"],
                        e["end"],
                        e["rule"].as_str().unwrap()
                    )
                })
                .collect();
            format!(
                "{} {} {} x{} [{}]",
                r["source_key"].as_str().unwrap(),
                r["type"].as_str().unwrap(),
                r["target_key"].as_str().unwrap(),
                r["count"],
                spans.join("; ")
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "person/john-kerry met-with person/sergei-lavrov x1 [1:254..326 will discuss/verb-subjects]",
            "person/john-kerry met-with person/vladimir-putin x1 [0:0..102 talks with/noun; 1:247..326 will discuss/verb-subjects]",
            "person/john-kerry visited state/RUS x1 [0:0..54 headed to/verb]",
            "person/john-kerry represents state/USA x1 [0:5..34 title]",
        ]
    );
    assert_eq!(
        v["relations"][3]["evidence"][0]["role"],
        "secretary of state"
    );
    assert_eq!(v["relations"][3]["evidence"][0]["article"], KERRY_ARTICLE);

    // From and to, with the flagged ones too: the one edge, its sentence
    // with the article's markup kept as text.
    let v = api("/api/relations?from=Putin&to=xi&all=true").await;
    assert_eq!(
        v,
        json!({"total": 1, "truncated": false, "relations": [{
            "source": "Vladimir Putin", "source_key": PUTIN, "source_kind": "person",
            "type": "met-with",
            "target": "Xi Jinping", "target_key": XI, "target_kind": "person",
            "count": 1, "evidence_total": 1,
            "first_seen": "2016-01-10", "last_seen": "2016-01-10",
            "evidence": [{"article": "https://example.org/script-test", "date": "2016-01-10",
                "sentence": 0, "start": 0, "end": 29, "confidence": 0.8, "rule": "met/verb",
                "text": "Vladimir Putin met Xi Jinping in Beijing <script>alert(\"body\")</script> on Sunday."}]
        }]})
    );

    // Evidence per edge: the first `evidence` (earliest first), the count
    // of all beside them.
    let one = api("/api/relations?from=Kerry&to=Putin&evidence=1").await;
    let first = &one["relations"][0];
    assert_eq!(
        (
            first["evidence"].as_array().unwrap().len(),
            &first["evidence_total"]
        ),
        (1, &json!(2))
    );
    assert_eq!(first["evidence"][0]["rule"], "talks with/noun");
    let v = api("/api/relations?from=Putin&to=state/RUS&evidence=2").await;
    let evidence: Vec<String> = v["relations"][0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} {}", e["article"].as_str().unwrap(), e["sentence"]))
        .collect();
    assert_eq!(evidence, ["seed-001 0", "seed-001 3"]);
    assert_eq!(v["relations"][0]["evidence_total"], 3);

    // The cap: three of the 26, the most supported first, and it says so.
    let v = api("/api/relations?limit=3").await;
    assert_eq!((&v["total"], &v["truncated"]), (&json!(26), &json!(true)));
    let ids: Vec<String> = v["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}|{}|{}",
                r["source_key"].as_str().unwrap(),
                r["type"].as_str().unwrap(),
                r["target_key"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        ids,
        PUTIN_EDGES[..3]
            .iter()
            .map(|e| e.split(' ').next().unwrap())
            .collect::<Vec<_>>()
    );
    let v = api("/api/relations").await;
    assert_eq!(
        (
            &v["total"],
            &v["truncated"],
            v["relations"].as_array().unwrap().len()
        ),
        (&json!(26), &json!(false), 26)
    );
}

/// The hops of every path as `from -type(direction)x count- to`.
fn hops(v: &Value) -> Vec<Vec<String>> {
    v["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    let edges: Vec<String> = h["edges"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|e| {
                            format!(
                                "{}({})x{}",
                                e["type"].as_str().unwrap(),
                                e["direction"].as_str().unwrap(),
                                e["count"]
                            )
                        })
                        .collect();
                    format!(
                        "{} {} {}",
                        h["from"]["key"].as_str().unwrap(),
                        edges.join(","),
                        h["to"]["key"].as_str().unwrap()
                    )
                })
                .collect()
        })
        .collect()
}

/// Protects `path`: every shortest path with its best evidence, the same
/// JSON as `geokg path --format json`; the hop limit and the path cap.
#[tokio::test]
async fn paths_answer_as_the_cli_does() {
    let v = api("/api/path?from=Xi%20Jinping&to=Stoltenberg").await;
    assert_eq!(
        (&v["hops"], &v["max_hops"], &v["truncated"]),
        (&json!(3), &json!(4), &json!(false))
    );
    assert_eq!(
        hops(&v),
        [[
            "person/xi-jinping met-with(--)x1 person/vladimir-putin",
            "person/vladimir-putin represents(->)x2 state/RUS",
            "state/RUS accuses(<-)x1 person/jens-stoltenberg",
        ]]
    );
    assert_eq!(
        v["paths"][0][2]["edges"][0]["evidence"],
        json!({"article": KERRY_ARTICLE, "date": "2015-05-11", "sentence": 5, "start": 822,
               "end": 876, "confidence": 0.8, "rule": "accused/verb",
               "text": "Meanwhile, NATO Secretary-General Jens Stoltenberg accused Moscow Monday of violating the cease-fire in the Ukraine conflict by continuing to supply pro-Russia separatists with military aid."})
    );
    let cli = common::run(
        &["path", "Xi Jinping", "Stoltenberg", "--format", "json"],
        &three().db,
    );
    assert!(cli.status.success());
    assert_eq!(serde_json::from_slice::<Value>(&cli.stdout).unwrap(), v);

    let v = api("/api/path?from=Peskov&to=Kerry").await;
    assert_eq!(
        hops(&v),
        [
            [
                "person/dmitry-peskov represents(->)x2 state/RUS",
                "state/RUS visited(<-)x1 person/john-kerry"
            ],
            [
                "person/dmitry-peskov met-with(--)x1 person/vladimir-putin",
                "person/vladimir-putin met-with(--)x1 person/john-kerry"
            ],
        ]
    );
    let v = api("/api/path?from=Peskov&to=Kerry&limit=1").await;
    assert_eq!((hops(&v).len(), &v["truncated"]), (1, &json!(true)));
    let v = api("/api/path?from=Xi&to=Stoltenberg&max_hops=2").await;
    assert_eq!(
        (&v["hops"], &v["paths"], &v["truncated"]),
        (&json!(0), &json!([]), &json!(false))
    );
}

/// Protects issue 11's `ingest --no-bodies` in the web view: over the
/// same articles stored without their bodies, every answer that carries
/// evidence is the same bytes, the span still cut out of its sentence
/// (placed by the sentence's stored offset).
#[tokio::test]
async fn without_bodies_the_answers_are_the_same() {
    let bare = ingest_with(
        "three-bare",
        None,
        &["--no-bodies"],
        &[
            "dev/articles/004.txt",
            "dev/articles/seed-001.txt",
            "serve/script.txt",
        ],
    );
    for path in [
        "/api/explain?source=Putin&type=met-with&target=person/xi-jinping",
        "/api/explain?source=Kerry&type=met-with&target=Putin",
        "/api/relations?from=Putin&to=state/RUS&evidence=2",
        "/api/relations?from=Kerry&evidence=5",
        "/api/entity?name=Putin",
        "/api/neighbors?name=Putin",
    ] {
        let (kept, without) = (
            fetch(&three().app, path).await,
            fetch(&bare.app, path).await,
        );
        assert_eq!(kept.status, 200, "{path}: {}", kept.body);
        assert_eq!(kept.body, without.body, "{path}");
    }
    let v = api("/api/explain?source=Kerry&type=met-with&target=Putin").await;
    assert!(
        v["evidence"][0]["span"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
}

/// Protects the evidence pane's source: the span cut out of its sentence,
/// the article's title, address and date, confidence and rule, the cap;
/// and, with no such edge, the edges that do join the two.
#[tokio::test]
async fn explain_gives_the_span_title_and_escapes_markup() {
    let a = fetch(
        &three().app,
        "/api/explain?source=Putin&type=met-with&target=person/xi-jinping",
    )
    .await;
    assert!(
        a.body.contains(
            r#""title":"Leaders meet \u003cscript\u003ealert(\"title\")\u003c/script\u003e""#
        ),
        "{}",
        a.body
    );
    let person = |key: &str, name: &str| json!({"key": key, "name": name, "kind": "person"});
    assert_eq!(
        serde_json::from_str::<Value>(&a.body).unwrap(),
        json!({
            "source": person(PUTIN, "Vladimir Putin"), "type": "met-with",
            "target": person(XI, "Xi Jinping"),
            "total": 1, "truncated": false, "instead": [],
            "evidence": [{
                "source": person(PUTIN, "Vladimir Putin"), "type": "met-with",
                "target": person(XI, "Xi Jinping"),
                "article": "https://example.org/script-test",
                "title": "Leaders meet <script>alert(\"title\")</script>",
                "url": "https://example.org/script-test", "date": "2016-01-10",
                "sentence": 0, "start": 0, "end": 29, "headline": false,
                "text": "Vladimir Putin met Xi Jinping in Beijing <script>alert(\"body\")</script> on Sunday.",
                "before": "", "span": "Vladimir Putin met Xi Jinping",
                "after": " in Beijing <script>alert(\"body\")</script> on Sunday.",
                "confidence": 0.8, "rule": "met/verb", "via": null, "role": null,
                "negated": false, "hypothetical": false, "rejected": false
            }]
        })
    );

    let v = api("/api/explain?source=Kerry&type=met-with&target=Putin").await;
    assert_eq!((&v["total"], &v["truncated"]), (&json!(2), &json!(false)));
    let cut: Vec<String> = v["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} [{}]",
                e["title"].as_str().unwrap(),
                e["span"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        cut,
        [
            "Top US Envoy to Meet With Russian Leaders [U.S. Secretary of State John Kerry is headed to Russia for talks with Russian President Vladimir Putin]",
            "Top US Envoy to Meet With Russian Leaders [Putin, Russian Foreign Minister Sergei Lavrov and Kerry on Tuesday will discuss]"
        ]
    );
    let one = api("/api/explain?source=Kerry&type=met-with&target=Putin&limit=1").await;
    assert_eq!(
        (&one["total"], &one["truncated"], &one["evidence"][0]),
        (&json!(2), &json!(true), &v["evidence"][0])
    );

    let v = api("/api/explain?source=Putin&type=attacks&target=xi").await;
    assert_eq!((&v["evidence"], &v["total"]), (&json!([]), &json!(0)));
    assert_eq!(
        v["instead"],
        json!([{"source": person(PUTIN, "Vladimir Putin"), "type": "met-with",
                "target": person(XI, "Xi Jinping"), "count": 1,
                "first_seen": "2016-01-10", "last_seen": "2016-01-10"}])
    );
}

/// Protects `timeline`: one row per edge and article by date (undated
/// last), the cap and what it says.
#[tokio::test]
async fn timelines_come_by_date_and_are_capped() {
    let v = api("/api/timeline?name=xi").await;
    assert_eq!(
        v,
        json!({"entity": {"key": XI, "name": "Xi Jinping", "kind": "person"},
               "total": 1, "truncated": false, "timeline": [{
                   "date": "2016-01-10", "article": "https://example.org/script-test",
                   "source": {"key": PUTIN, "name": "Vladimir Putin", "kind": "person"},
                   "type": "met-with",
                   "target": {"key": XI, "name": "Xi Jinping", "kind": "person"},
                   "nth": 1, "sentences": 1,
                   "text": "Vladimir Putin met Xi Jinping in Beijing <script>alert(\"body\")</script> on Sunday."}]})
    );
    let all = api("/api/timeline?name=Putin").await;
    let rows: Vec<String> = all["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} {} {}",
                r["date"].as_str().unwrap_or("-"),
                r["source"]["key"].as_str().unwrap(),
                r["type"].as_str().unwrap(),
                r["target"]["key"].as_str().unwrap(),
                r["nth"],
                r["sentences"]
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "2015-05-11 person/john-kerry met-with person/vladimir-putin 1 2",
            "2015-05-11 person/sergei-lavrov met-with person/vladimir-putin 1 1",
            "2015-05-11 person/vladimir-putin represents state/RUS 1 1",
            "2016-01-10 person/vladimir-putin met-with person/xi-jinping 1 1",
            "- person/vladimir-putin represents state/RUS 2 2",
            "- person/steve-witkoff met-with person/vladimir-putin 1 3",
            "- person/dmitry-peskov met-with person/vladimir-putin 1 1",
        ]
    );
    assert_eq!(
        (&all["total"], &all["truncated"]),
        (&json!(7), &json!(false))
    );
    let one = api("/api/timeline?name=Putin&limit=1").await;
    assert_eq!(
        (&one["total"], &one["truncated"], &one["timeline"]),
        (&json!(7), &json!(true), &json!([all["timeline"][0]]))
    );
    let since = api("/api/timeline?name=Putin&since=2016-01-01").await;
    assert_eq!(since["total"], 1);
}

/// Protects export of what is on screen: exactly the named entities and
/// the edges among them in every format, a named entity without edges
/// included, a key not in the graph refused with its name and the valid
/// keys given, and the cap on keys.
#[tokio::test]
async fn export_writes_the_named_entities_only() {
    let app = &three().app;
    let keys = "keys=person/vladimir-putin,person/xi-jinping,state/RUS";
    let v = api(&format!("/api/export?format=json&{keys}")).await;
    assert_eq!(
        v["nodes"],
        json!([{"id": PUTIN, "name": "Vladimir Putin", "kind": "person"},
               {"id": "state/RUS", "name": "Russia", "kind": "state"},
               {"id": XI, "name": "Xi Jinping", "kind": "person"}])
    );
    let links: Vec<String> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}|{}|{} x{} ({} evidence)",
                e["source"].as_str().unwrap(),
                e["type"].as_str().unwrap(),
                e["target"].as_str().unwrap(),
                e["count"],
                e["evidence"].as_array().unwrap().len()
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            "person/vladimir-putin|represents|state/RUS x2 (3 evidence)",
            "person/vladimir-putin|met-with|person/xi-jinping x1 (1 evidence)"
        ]
    );
    // JSON is the default.
    assert_eq!(api(&format!("/api/export?{keys}")).await, v);

    // Evidence per edge is capped (responses limited in size): 3 by
    // default, `evidence` asks for fewer or more, within 1 to 200.
    let one = api(&format!("/api/export?evidence=1&{keys}")).await;
    let counts: Vec<usize> = one["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["evidence"].as_array().unwrap().len())
        .collect();
    assert_eq!(counts, [1, 1]);
    assert_eq!(
        error(&format!("/api/export?evidence=0&{keys}")).await,
        (
            400,
            "evidence '0' is not a whole number from 1 to 200".to_string()
        )
    );

    // Only represents asked for: Xi stays, alone.
    let v = api(&format!("/api/export?types=represents&{keys}")).await;
    assert_eq!(strings(&v["nodes"], "id"), [PUTIN, "state/RUS", XI]);
    assert_eq!(v["links"].as_array().unwrap().len(), 1);
    // An unknown key is refused, named with the valid ones given (it was
    // silently dropped); a name is no key.
    let (status, v) = api_of(app, &format!("/api/export?{keys},nobody/x,Putin")).await;
    assert_eq!(
        (status, v),
        (
            400,
            json!({
                "status": 400,
                "error": "unknown keys 'nobody/x', 'Putin' in keys: no entity has them (keys are the ids /api/entities and /api/neighbors give, such as state/RUS); the valid keys given: 'person/vladimir-putin', 'person/xi-jinping', 'state/RUS'",
                "unknown": ["nobody/x", "Putin"],
                "valid": [PUTIN, XI, "state/RUS"]
            })
        )
    );
    assert_eq!(
        error("/api/export?keys=nobody/x&format=dot").await,
        (
            400,
            "unknown key 'nobody/x' in keys: no entity has it (keys are the ids /api/entities and /api/neighbors give, such as state/RUS); none of the keys given is valid".to_string()
        )
    );
    assert_eq!(
        api("/api/export?keys=,").await,
        json!({"directed": true, "multigraph": true, "graph": {"name": "geokg"}, "nodes": [], "links": []})
    );

    let dot = fetch(app, &format!("/api/export?format=dot&{keys}")).await;
    assert_eq!(
        (dot.status, dot.content_type.as_str()),
        (200, "text/vnd.graphviz; charset=utf-8")
    );
    assert!(dot.body.starts_with("digraph geokg {"), "{}", dot.body);
    let lines = |prefix: &str| -> Vec<String> {
        dot.body
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with(prefix) && l[1..].starts_with(|c: char| c.is_ascii_digit()))
            .map(|l| {
                l.split(" [")
                    .next()
                    .unwrap()
                    .split('[')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(lines("n"), ["n0", "n1", "n2", "n0 -> n1", "n0 -> n2"]);
    for label in [
        "n0[label=\"Vladimir Putin\" shape=\"ellipse\"",
        "n1[label=\"Russia\" shape=\"box\"",
        "n2[label=\"Xi Jinping\" shape=\"ellipse\"",
    ] {
        assert!(dot.body.contains(label), "{label}: {}", dot.body);
    }

    let graphml = fetch(app, &format!("/api/export?format=graphml&{keys}")).await;
    assert_eq!(
        graphml.content_type,
        "application/graphml+xml; charset=utf-8"
    );
    let doc = roxmltree::Document::parse(&graphml.body).unwrap();
    assert_eq!(ids(&doc, "node", &["id"]), [PUTIN, "state/RUS", XI]);
    assert_eq!(
        ids(&doc, "edge", &["source", "target"]),
        [format!("{PUTIN}|state/RUS"), format!("{PUTIN}|{XI}")]
    );
    let gexf = fetch(app, &format!("/api/export?format=gexf&{keys}")).await;
    assert_eq!(gexf.content_type, "application/gexf+xml; charset=utf-8");
    let doc = roxmltree::Document::parse(&gexf.body).unwrap();
    assert_eq!(
        ids(&doc, "node", &["id", "label"]),
        [
            format!("{PUTIN}|Vladimir Putin"),
            "state/RUS|Russia".to_string(),
            format!("{XI}|Xi Jinping")
        ]
    );
    assert_eq!(ids(&doc, "edge", &["source", "label", "target"]).len(), 2);

    // At most 5,000 keys.
    let many: Vec<String> = (0..5001).map(|i| format!("k/{i}")).collect();
    assert_eq!(
        error(&format!("/api/export?keys={}", many.join(","))).await,
        (400, "keys names 5001 entities; at most 5000".to_string())
    );
    // 5,000 pass the cap, and are then refused as unknown, the first ten
    // named.
    let (status, v) = api_of(app, &format!("/api/export?keys={}", many[..5000].join(","))).await;
    assert_eq!(
        (
            status,
            v["error"].as_str().unwrap(),
            v["unknown"].as_array().unwrap().len()
        ),
        (
            400,
            "unknown keys 'k/0', 'k/1', 'k/2', 'k/3', 'k/4', 'k/5', 'k/6', 'k/7', 'k/8', 'k/9', … (5000 in all) in keys: no entity has them (keys are the ids /api/entities and /api/neighbors give, such as state/RUS); none of the keys given is valid",
            5000
        )
    );
}

/// The named attributes of every `tag` element, joined by `|`.
fn ids(doc: &roxmltree::Document, tag: &str, attrs: &[&str]) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag))
        .map(|n| {
            attrs
                .iter()
                .map(|a| n.attribute(*a).unwrap())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

/// Protects the 400s and 404s: each a JSON error with its status and a
/// message naming what is wrong, before anything is read; unknown names
/// with the closest names as suggestions.
#[tokio::test]
async fn bad_requests_and_unknown_names_are_json_errors() {
    let types = "met-with, visited, claims, opposes, supports, accuses, threatens, sanctions, attacks, cooperates-with, member-of, represents";
    let kinds = "person, state, region, alliance, organization";
    let scope = "types, since, until, as_of, min_confidence";
    let endpoints =
        "info, style, entities, entity, neighbors, relations, path, explain, timeline, export";
    let cases: Vec<(&str, u16, String)> = vec![
        ("/api/entity", 400, "parameter 'name' is required".into()),
        ("/api/entity?name=%20", 400, "parameter 'name' is required".into()),
        ("/api/neighbors", 400, "parameter 'name' is required".into()),
        ("/api/timeline", 400, "parameter 'name' is required".into()),
        ("/api/path?from=Putin", 400, "parameter 'to' is required".into()),
        ("/api/explain?source=Putin&target=Xi", 400, "parameter 'type' is required".into()),
        ("/api/explain?source=Putin&type=met-with", 400, "parameter 'target' is required".into()),
        ("/api/export", 400, "parameter 'keys' is required".into()),
        ("/api/info?x=1", 400, "unknown parameter 'x': this endpoint takes none".into()),
        ("/api/style?q=1", 400, "unknown parameter 'q': this endpoint takes none".into()),
        ("/api/entities?name=Putin", 400, "unknown parameter 'name'; this endpoint takes: q, kind, limit".into()),
        ("/api/entity?name=Putin&depth=2", 400, "unknown parameter 'depth'; this endpoint takes: name".into()),
        ("/api/neighbors?name=Putin&from=Xi", 400, format!("unknown parameter 'from'; this endpoint takes: name, depth, kinds, limit, offset, {scope}")),
        ("/api/relations?name=Putin", 400, format!("unknown parameter 'name'; this endpoint takes: from, to, all, limit, evidence, {scope}")),
        ("/api/path?from=Putin&to=Xi&depth=2", 400, format!("unknown parameter 'depth'; this endpoint takes: from, to, max_hops, limit, {scope}")),
        ("/api/explain?source=Putin&type=met-with&target=Xi&types=met-with", 400, "unknown parameter 'types'; this endpoint takes: source, type, target, limit, since, until, as_of, min_confidence".into()),
        ("/api/timeline?name=Putin&depth=1", 400, format!("unknown parameter 'depth'; this endpoint takes: name, limit, {scope}")),
        ("/api/export?keys=state/RUS&name=x", 400, format!("unknown parameter 'name'; this endpoint takes: format, keys, evidence, {scope}")),
        ("/api/neighbors?name=Putin&depth=9", 400, "depth '9' is not a whole number from 1 to 3".into()),
        ("/api/neighbors?name=Putin&depth=one", 400, "depth 'one' is not a whole number from 1 to 3".into()),
        ("/api/neighbors?name=Putin&offset=-1", 400, "offset '-1' is not a whole number from 0".into()),
        ("/api/neighbors?name=Putin&types=hugs", 400, format!("unknown edge type 'hugs' (expected one of: {types})")),
        ("/api/neighbors?name=Putin&kinds=planet", 400, format!("unknown kind 'planet' (expected one of: {kinds})")),
        ("/api/entities?kind=planet", 400, format!("unknown kind 'planet' (expected one of: {kinds})")),
        ("/api/explain?source=Putin&type=hugs&target=Xi", 400, format!("unknown edge type 'hugs' (expected one of: {types})")),
        ("/api/neighbors?name=Putin&since=2016-02-30", 400, "since '2016-02-30' is not a date (YYYY-MM-DD)".into()),
        ("/api/neighbors?name=Putin&as_of=yesterday", 400, "as_of 'yesterday' is not a date (YYYY-MM-DD)".into()),
        ("/api/neighbors?name=Putin&until=2016-01-01&as_of=2016-01-01", 400, "give until or as_of, not both".into()),
        ("/api/neighbors?name=Putin&min_confidence=2", 400, "min_confidence '2' is not a number from 0 to 1".into()),
        ("/api/timeline?name=Putin&since=2016-01-01&until=2015-01-01", 400, "since 2016-01-01 is after until 2015-01-01".into()),
        ("/api/timeline?name=Putin&since=2016-01-01&as_of=2015-01-01", 400, "since 2016-01-01 is after as_of 2015-01-01".into()),
        ("/api/neighbors?name=Putin&as_of=2001-01-01", 400, "as_of 2001-01-01 is before the first article; the articles run from 2015-05-11 to 2016-01-10".into()),
        ("/api/neighbors?name=Putin&since=2030-01-01", 400, "since 2030-01-01 is after the last article; the articles run from 2015-05-11 to 2016-01-10".into()),
        ("/api/relations?all=maybe", 400, "all 'maybe' is not true or false".into()),
        ("/api/path?from=Putin&to=Putin", 400, "'Vladimir Putin' and 'Vladimir Putin' are the same entity".into()),
        ("/api/export?keys=state/RUS&format=pdf", 400, "format 'pdf' is not one of dot, json, graphml, gexf".into()),
        // A parameter given twice is refused, whichever value comes last.
        ("/api/entity?name=Putin&name=Xi", 400, "parameter 'name' is given more than once; give it once".into()),
        ("/api/neighbors?name=Putin&depth=1&depth=1", 400, "parameter 'depth' is given more than once; give it once".into()),
        ("/api/export?keys=state/RUS&types=met-with&types=represents", 400, "parameter 'types' is given more than once; give it once".into()),
        // The caps on every list an answer holds.
        ("/api/entities?limit=0", 400, "limit '0' is not a whole number from 1 to 200".into()),
        ("/api/entities?limit=201", 400, "limit '201' is not a whole number from 1 to 200".into()),
        ("/api/neighbors?name=Putin&limit=2001", 400, "limit '2001' is not a whole number from 1 to 2000".into()),
        ("/api/relations?limit=2001", 400, "limit '2001' is not a whole number from 1 to 2000".into()),
        ("/api/relations?evidence=0", 400, "evidence '0' is not a whole number from 1 to 200".into()),
        ("/api/relations?evidence=201", 400, "evidence '201' is not a whole number from 1 to 200".into()),
        ("/api/path?from=Xi&to=Putin&limit=101", 400, "limit '101' is not a whole number from 1 to 100".into()),
        ("/api/path?from=Xi&to=Putin&max_hops=9", 400, "max_hops '9' is not a whole number from 1 to 8".into()),
        ("/api/explain?source=Putin&type=met-with&target=Xi&limit=2001", 400, "limit '2001' is not a whole number from 1 to 2000".into()),
        ("/api/timeline?name=Putin&limit=5000", 400, "limit '5000' is not a whole number from 1 to 2000".into()),
        // Unknown names and endpoints.
        ("/api/entity?name=Putn", 404, "no entity named 'Putn' in the database; closest: Vladimir Putin".into()),
        ("/api/neighbors?name=Putn", 404, "no entity named 'Putn' in the database; closest: Vladimir Putin".into()),
        ("/api/timeline?name=Putn", 404, "no entity named 'Putn' in the database; closest: Vladimir Putin".into()),
        ("/api/relations?from=Kery", 404, "no entity named 'Kery' in the database; closest: John Kerry".into()),
        ("/api/path?from=Putin&to=Xii", 404, "no entity named 'Xii' in the database; closest: Xi Jinping".into()),
        ("/api/explain?source=Putin&type=met-with&target=Xii", 404, "no entity named 'Xii' in the database; closest: Xi Jinping".into()),
        ("/api/entity?name=Zelensky", 404, "no entity named 'Zelensky' in the database; list names with `geokg entities --match TEXT`".into()),
        ("/api/graph", 404, format!("no endpoint /api/graph; the endpoints: {endpoints}")),
        // A typo, a path below an endpoint, /api itself: JSON, with the
        // closest endpoint when one is near.
        ("/api/neigbors?name=Putin", 404, format!("no endpoint /api/neigbors; did you mean /api/neighbors? the endpoints: {endpoints}")),
        ("/api/Relation", 404, format!("no endpoint /api/Relation; did you mean /api/relations? the endpoints: {endpoints}")),
        ("/api/neighbors/Putin", 404, format!("no endpoint /api/neighbors/Putin; did you mean /api/neighbors? the endpoints: {endpoints}")),
        ("/api/", 404, format!("no endpoint /api/; the endpoints: {endpoints}")),
        ("/api", 404, format!("no endpoint /api/; the endpoints: {endpoints}")),
    ];
    for (path, status, message) in &cases {
        assert_eq!(error(path).await, (*status, message.clone()), "{path}");
    }
    let suggestions = [
        ("/api/entity?name=Putn", json!(["Vladimir Putin"])),
        ("/api/relations?from=Kery", json!(["John Kerry"])),
        (
            "/api/explain?source=Putin&type=met-with&target=Xii",
            json!(["Xi Jinping"]),
        ),
        ("/api/entity?name=Zelensky", json!([])),
        ("/api/neigbors", json!(["/api/neighbors"])),
        ("/api/neighbors/x/y", json!(["/api/neighbors"])),
        ("/api/graph", json!([])),
    ];
    for (path, want) in suggestions {
        let (_, v) = api_of(&three().app, path).await;
        assert_eq!(v["suggestions"], want, "{path}");
    }
    // An unknown endpoint's error lists every endpoint.
    let (_, v) = api_of(&three().app, "/api/graph").await;
    assert_eq!(
        v["endpoints"],
        json!([
            "/api/info",
            "/api/style",
            "/api/entities",
            "/api/entity",
            "/api/neighbors",
            "/api/relations",
            "/api/path",
            "/api/explain",
            "/api/timeline",
            "/api/export"
        ])
    );
    // Outside the API: plain text.
    let a = fetch(&three().app, "/nothing").await;
    assert_eq!(
        (a.status, a.content_type.as_str(), a.body.as_str()),
        (404, "text/plain; charset=utf-8", "not found\n")
    );
}

/// Protects the page: served with its security policy (its own scripts
/// only, no inline script), its script and the vendored library compiled
/// in; the script puts names and sentences in as text, never as markup.
#[tokio::test]
async fn the_page_and_its_assets_are_served() {
    let app = &three().app;
    let page = fetch(app, "/").await;
    assert_eq!(
        (page.status, page.content_type.as_str()),
        (200, "text/html; charset=utf-8")
    );
    assert!(page.csp.contains("script-src 'self';"), "{}", page.csp);
    assert!(page.csp.contains("object-src 'none'"), "{}", page.csp);
    assert!(page.nosniff);
    let scripts: Vec<&str> = page
        .body
        .match_indices("<script")
        .map(|(at, _)| &page.body[at..])
        .collect();
    assert_eq!(
        scripts
            .iter()
            .map(|s| s.split('>').next().unwrap())
            .collect::<Vec<_>>(),
        [
            "<script src=\"/vendor/cytoscape.min.js\"",
            "<script src=\"/app.js\""
        ]
    );
    for (path, content_type, holds) in [
        ("/app.js", "text/javascript; charset=utf-8", "textContent"),
        ("/app.css", "text/css; charset=utf-8", "#cy"),
        (
            "/vendor/cytoscape.min.js",
            "text/javascript; charset=utf-8",
            "cytoscape",
        ),
        (
            "/vendor/cytoscape.LICENSE",
            "text/plain; charset=utf-8",
            "The Cytoscape Consortium",
        ),
    ] {
        let a = fetch(app, path).await;
        assert_eq!(
            (a.status, a.content_type.as_str()),
            (200, content_type),
            "{path}"
        );
        assert!(a.body.contains(holds), "{path}");
        assert!(a.csp.contains("script-src 'self'"), "{path}");
    }
    let js = fetch(app, "/app.js").await.body;
    for markup in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
    ] {
        assert!(!js.contains(markup), "app.js uses {markup}");
    }
}

/// Protects the one style: one rule per node kind and edge type, in the
/// DOT export's shapes and colours.
#[tokio::test]
async fn the_style_endpoint_gives_the_dot_look() {
    let sheet = api("/api/style").await;
    let kinds = geokg::ontology::Kind::ALL.map(|k| format!("node[kind = \"{}\"]", k.as_str()));
    let types = geokg::ontology::EdgeType::ALL.map(|t| format!("edge[type = \"{}\"]", t.as_str()));
    let mut want = vec!["node".to_string(), "edge".to_string()];
    want.extend(kinds);
    want.extend(types);
    want.extend(["node:selected", "edge:selected", ".center"].map(String::from));
    assert_eq!(strings(&sheet, "selector"), want);
    let rule = |selector: &str| {
        sheet
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["selector"] == selector)
            .unwrap()["style"]
            .clone()
    };
    for kind in geokg::ontology::Kind::ALL {
        let style = rule(&format!("node[kind = \"{}\"]", kind.as_str()));
        assert_eq!(
            style["background-color"],
            geokg::export::kind_style(kind).1,
            "{kind:?}"
        );
    }
    assert_eq!(
        rule("node[kind = \"state\"]"),
        json!({"background-color": "#93c5fd", "shape": "rectangle"})
    );
    assert_eq!(
        rule("edge[type = \"met-with\"]"),
        json!({"line-color": "#2563eb", "line-style": "solid",
               "target-arrow-color": "#2563eb", "target-arrow-shape": "none"})
    );
}

/// Protects the promise that no name can smuggle markup: an entity named
/// `<script>alert("name")</script> Kiddie & Co` (from a user's gazetteer)
/// comes back escaped in the text of every JSON answer and as that exact
/// name when parsed, escaped in GraphML and GEXF, and quoted in DOT.
#[tokio::test]
async fn a_crafted_name_with_script_comes_back_escaped() {
    static S: OnceLock<Served> = OnceLock::new();
    let app = &S
        .get_or_init(|| {
            ingest(
                "crafted",
                Some("serve/script-name.tsv"),
                &["serve/script-name.txt"],
            )
        })
        .app;
    let name = "<script>alert(\"name\")</script> Kiddie & Co";
    let key = "person/script-kiddie";
    let escaped = r#"\u003cscript\u003ealert(\"name\")\u003c/script\u003e Kiddie \u0026 Co"#;
    for path in [
        "/api/entities?q=kiddie",
        "/api/entity?name=script%20kiddie",
        "/api/neighbors?name=Putin",
        "/api/relations?from=Script%20Kiddie",
        "/api/path?from=Script%20Kiddie&to=Putin",
        "/api/explain?source=Script%20Kiddie&type=met-with&target=Putin",
        "/api/timeline?name=Putin",
        "/api/export?keys=person/script-kiddie,person/vladimir-putin",
        "/api/entity?name=Script%20Kidie",
    ] {
        let a = fetch(app, path).await;
        assert!(a.body.contains(escaped), "{path}: {}", a.body);
        assert!(!a.body.contains(['<', '>', '&']), "{path}: {}", a.body);
    }
    let (_, v) = api_of(app, "/api/entities?q=kiddie").await;
    assert_eq!(
        v["entities"],
        json!([{"key": key, "name": name, "kind": "person", "articles": 1, "aliases": ["Script Kiddie"]}])
    );
    let (_, v) = api_of(app, "/api/neighbors?name=Putin").await;
    assert_eq!(
        node_rows(&v),
        ["person/vladimir-putin 0 1", "person/script-kiddie 1 1"]
    );
    assert_eq!(v["nodes"][1]["name"], name);
    let (status, v) = api_of(app, "/api/entity?name=Script%20Kidie").await;
    assert_eq!((status, &v["suggestions"]), (404, &json!([name])));

    let keys = "keys=person/script-kiddie,person/vladimir-putin";
    let graphml = fetch(app, &format!("/api/export?format=graphml&{keys}"))
        .await
        .body;
    assert!(
        graphml.contains("&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; Kiddie &amp; Co"),
        "{graphml}"
    );
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("key") == Some("name"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(names, [name, "Vladimir Putin"]);
    let gexf = fetch(app, &format!("/api/export?format=gexf&{keys}"))
        .await
        .body;
    let doc = roxmltree::Document::parse(&gexf).unwrap();
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .filter_map(|n| n.attribute("label"))
        .collect();
    assert_eq!(labels, [name, "Vladimir Putin"]);
    let dot = fetch(app, &format!("/api/export?format=dot&{keys}"))
        .await
        .body;
    assert!(
        dot.contains(r#"[label="<script>alert(\"name\")</script> Kiddie & Co" shape="ellipse""#),
        "{dot}"
    );
}

/// Protects the binary's journey over HTTP: the address line, `--open`
/// handing that address to the desktop's opener, the page and an answer
/// over a real socket (the same as in-process), and Ctrl-C stopping the
/// server cleanly (exit 0, nothing on stderr).
#[cfg(unix)]
#[tokio::test]
async fn the_binary_serves_opens_the_page_and_stops_on_ctrl_c() {
    use std::io::{BufRead, BufReader, Read};
    use std::os::unix::fs::PermissionsExt;
    use std::process::Stdio;

    use common::server::get;

    // A stand-in for the desktop's opener: it writes the address it is
    // given to a file.
    let bin = tempfile::tempdir().unwrap();
    let opened = bin.path().join("opened");
    for opener in ["xdg-open", "open"] {
        let path = bin.path().join(opener);
        std::fs::write(
            &path,
            format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let db = &three().db;
    let mut child = common::bin()
        .env("PATH", path)
        .arg("--db")
        .arg(db)
        .args(["serve", "--port", "0", "--open"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let addr: Option<std::net::SocketAddr> = line
        .strip_prefix("geokg: serving http://")
        .and_then(|rest| rest.strip_suffix("/ (Ctrl-C stops)\n"))
        .and_then(|a| a.parse().ok());
    assert!(addr.is_some(), "address line: {line:?}");
    let addr = addr.unwrap();
    assert!(addr.ip().is_loopback());
    assert_ne!(addr.port(), 0);

    let page = get(addr, "/");
    assert_eq!(page.status, 200);
    assert!(page.csp.contains("script-src 'self'"));
    let r = get(addr, "/api/entity?name=PUTIN");
    assert_eq!(
        (r.status, r.content_type.as_str()),
        (200, "application/json")
    );
    assert_eq!(
        serde_json::from_str::<Value>(&r.body).unwrap(),
        api("/api/entity?name=PUTIN").await
    );
    assert_eq!(get(addr, "/api/entity?name=Putn").status, 404);

    // The opener runs on its own; wait (bounded) for what it wrote.
    let url = format!("http://{addr}/");
    let mut got = String::new();
    for _ in 0..200 {
        got = std::fs::read_to_string(&opened).unwrap_or_default();
        if got == url {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(got, url);

    // Ctrl-C: SIGINT to the server, which stops cleanly.
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert_eq!(rest, "");
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(err, "");
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "still listening"
    );
}

/// Protects the bind rule: on 127.0.0.1 (the default) nothing is said; on
/// any other address a warning names it before the address line.
#[test]
fn serving_beyond_this_machine_warns() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;
    let db = &three().db;
    for (bind, warning) in [
        (None, ""),
        (
            Some("0.0.0.0"),
            "warning: serving on 0.0.0.0: any machine that can reach it can read the graph\n",
        ),
    ] {
        let mut cmd = common::bin();
        cmd.arg("--db").arg(db).args(["serve", "--port", "0"]);
        if let Some(b) = bind {
            cmd.args(["--bind", b]);
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let host = bind.unwrap_or("127.0.0.1");
        assert!(
            line.starts_with(&format!("geokg: serving http://{host}:")),
            "{line}"
        );
        child.kill().unwrap();
        child.wait().unwrap();
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert_eq!(err, warning);
    }
}
