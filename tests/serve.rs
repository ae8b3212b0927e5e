//! `geokg serve` over real HTTP: the binary serves a database ingested from
//! real articles (two dev articles and one crafted with `<script>` in its
//! headline and body) on a free port, and every endpoint is checked for
//! its exact answer, status and escaping.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use serde_json::{Value, json};

use common::server::{Server, get};

fn server() -> Server {
    Server::start(&[
        "dev/articles/004.txt",
        "dev/articles/seed-001.txt",
        "serve/script.txt",
    ])
}

fn api(s: &Server, path: &str) -> (u16, Value) {
    let r = get(s.addr, path);
    assert_eq!(r.content_type, "application/json", "{path}");
    (r.status, serde_json::from_str(&r.body).unwrap())
}

fn keys(list: &Value, field: &str) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v[field].as_str().unwrap().to_string())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Protects search by any alias and the typo-tolerant suggestions.
#[test]
fn entities_are_found_by_alias_and_typos_get_suggestions() {
    let s = server();
    let (status, v) = api(&s, "/api/entities?q=putn");
    assert_eq!(status, 200);
    assert_eq!(v["entities"], json!([]));
    assert_eq!(v["suggestions"], json!(["Vladimir Putin"]));
    let (_, v) = api(&s, "/api/entities?q=kremlin");
    assert_eq!(keys(&v["entities"], "key"), set(&["state/RUS"]));
    assert_eq!(v["suggestions"], json!([]));
    let (_, v) = api(&s, "/api/entities?q=&kind=person&limit=3");
    assert_eq!(v["total"], 11);
    assert_eq!(
        keys(&v["entities"], "name"),
        set(&["Vladimir Putin", "Dmitry Peskov", "Donald Trump"])
    );
}

/// Protects the card: kind, aliases, articles, offices with dates.
#[test]
fn an_entity_card_holds_kind_aliases_articles_and_offices() {
    let s = server();
    let (status, v) = api(&s, "/api/entity?name=PUTIN");
    assert_eq!(status, 200);
    assert_eq!(
        v,
        json!({
            "key": "person/vladimir-putin", "name": "Vladimir Putin", "kind": "person",
            "aliases": ["Putin", "Vladimir Vladimirovich Putin"], "articles": 3,
            "offices": [{"role": "president", "of": "Russia", "start": "2012-05-07", "end": null}],
            "members": [], "member_of": [], "neighbours": 6
        })
    );
    let (_, v) = api(&s, "/api/entity?name=NATO");
    assert_eq!(v["kind"], "alliance");
    assert!(v["members"].as_array().unwrap().len() >= 30, "{v}");
}

/// Protects the neighbourhood: exactly the entities one hop away and the
/// edges among them, then the same in parts, most articles first, with no
/// node or edge given twice.
#[test]
fn neighbours_come_whole_or_in_parts() {
    let s = server();
    let (_, v) = api(&s, "/api/neighbors?name=Putin");
    let nodes = set(&[
        "person/vladimir-putin",
        "person/dmitry-peskov",
        "person/john-kerry",
        "person/sergei-lavrov",
        "person/steve-witkoff",
        "person/xi-jinping",
        "state/RUS",
    ]);
    assert_eq!(keys(&v["nodes"], "key"), nodes);
    assert_eq!(v["nodes"][0]["key"], "person/vladimir-putin");
    assert_eq!(v["total"], 6);
    assert_eq!(v["more"], false);
    let edges = set(&[
        "person/dmitry-peskov|met-with|person/vladimir-putin",
        "person/dmitry-peskov|represents|state/RUS",
        "person/john-kerry|met-with|person/sergei-lavrov",
        "person/john-kerry|met-with|person/vladimir-putin",
        "person/john-kerry|visited|state/RUS",
        "person/sergei-lavrov|met-with|person/vladimir-putin",
        "person/sergei-lavrov|represents|state/RUS",
        "person/steve-witkoff|met-with|person/vladimir-putin",
        "person/steve-witkoff|met-with|state/RUS",
        "person/vladimir-putin|met-with|person/xi-jinping",
        "person/vladimir-putin|represents|state/RUS",
    ]);
    assert_eq!(keys(&v["edges"], "id"), edges);
    let xi = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["target"] == "person/xi-jinping")
        .unwrap();
    assert_eq!(xi["first_seen"], "2016-01-10");
    assert_eq!(xi["width"], 1.2);

    // In parts of two: the two with most articles first (Peskov and Russia
    // have two each), then the rest; together the same graph.
    let (_, first) = api(&s, "/api/neighbors?name=Putin&limit=2");
    assert_eq!(
        keys(&first["nodes"], "key"),
        set(&["person/vladimir-putin", "person/dmitry-peskov", "state/RUS"])
    );
    assert_eq!(first["more"], true);
    let mut all_nodes = keys(&first["nodes"], "key");
    let mut all_edges: Vec<String> = keys(&first["edges"], "id").into_iter().collect();
    for offset in [2, 4] {
        let (_, part) = api(
            &s,
            &format!("/api/neighbors?name=Putin&limit=2&offset={offset}"),
        );
        assert_eq!(part["nodes"].as_array().unwrap().len(), 2);
        assert_eq!(part["more"], offset == 2);
        all_nodes.extend(keys(&part["nodes"], "key"));
        all_edges.extend(keys(&part["edges"], "id"));
    }
    assert_eq!(all_nodes, nodes);
    assert_eq!(all_edges.len(), edges.len(), "an edge came twice");
    assert_eq!(all_edges.into_iter().collect::<BTreeSet<_>>(), edges);

    // As of a date before the crafted article, Xi is not a neighbour.
    let (_, v) = api(&s, "/api/neighbors?name=Putin&as_of=2015-12-31");
    assert!(!keys(&v["nodes"], "key").contains("person/xi-jinping"));
}

/// Protects the evidence pane: the span cut out of its sentence, the
/// article's title, address, date, confidence and rule; and markup from an
/// article escaped in the JSON text.
#[test]
fn explain_gives_the_span_title_and_escapes_markup() {
    let s = server();
    let r = get(
        s.addr,
        "/api/explain?source=Putin&type=met-with&target=person/xi-jinping",
    );
    assert_eq!(r.status, 200);
    assert!(!r.body.contains('<'), "{}", r.body);
    assert!(
        r.body.contains(r"Leaders meet \u003cscript\u003e"),
        "{}",
        r.body
    );
    let v: Value = serde_json::from_str(&r.body).unwrap();
    let ev = &v["evidence"][0];
    assert_eq!(v["evidence"].as_array().unwrap().len(), 1);
    assert_eq!(
        ev["title"],
        "Leaders meet <script>alert(\"title\")</script>"
    );
    assert_eq!(ev["url"], "https://example.org/script-test");
    assert_eq!(ev["date"], "2016-01-10");
    assert_eq!(
        format!(
            "{}[{}]{}",
            ev["before"].as_str().unwrap(),
            ev["span"].as_str().unwrap(),
            ev["after"].as_str().unwrap()
        ),
        "[Vladimir Putin met Xi Jinping] in Beijing <script>alert(\"body\")</script> on Sunday."
    );
    assert!(ev["rule"].is_string());
    assert!(ev["confidence"].as_f64().unwrap() > 0.0);

    let (_, v) = api(&s, "/api/explain?source=Kerry&type=met-with&target=Putin");
    let spans: Vec<&str> = v["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["span"].as_str().unwrap())
        .collect();
    assert_eq!(
        spans,
        [
            "U.S. Secretary of State John Kerry is headed to Russia for talks with Russian President Vladimir Putin",
            "Putin, Russian Foreign Minister Sergei Lavrov and Kerry on Tuesday will discuss"
        ]
    );
    assert_eq!(
        v["evidence"][0]["title"],
        "Top US Envoy to Meet With Russian Leaders"
    );
}

/// Protects path, timeline and relations: the same answers as the CLI.
#[test]
fn path_timeline_and_relations_answer_as_the_cli_does() {
    let s = server();
    let (_, v) = api(&s, "/api/path?from=Xi%20Jinping&to=Stoltenberg");
    assert_eq!(v["hops"], 3);
    let steps: Vec<Vec<String>> = v["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_array()
                .unwrap()
                .iter()
                .map(|h| h["to"]["name"].as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(steps, [["Vladimir Putin", "Russia", "Jens Stoltenberg"]]);
    let cli = common::run(
        &["path", "Xi Jinping", "Stoltenberg", "--format", "json"],
        &s.db,
    );
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(cli, v);

    let (_, v) = api(&s, "/api/timeline?name=xi");
    let rows = v["timeline"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["date"], "2016-01-10");
    assert_eq!((&v["total"], &v["truncated"]), (&json!(1), &json!(false)));

    // Every list is capped, and the answer says it was cut.
    let (_, all) = api(&s, "/api/timeline?name=Putin");
    let total = all["total"].as_u64().unwrap();
    assert!(total > 1, "{all}");
    let (_, one) = api(&s, "/api/timeline?name=Putin&limit=1");
    assert_eq!(one["timeline"].as_array().unwrap().len(), 1);
    assert_eq!(one["timeline"][0], all["timeline"][0]);
    assert_eq!(
        (&one["total"], &one["truncated"]),
        (&json!(total), &json!(true))
    );
    let (_, one) = api(
        &s,
        "/api/explain?source=Kerry&type=met-with&target=Putin&limit=1",
    );
    assert_eq!(one["evidence"].as_array().unwrap().len(), 1);
    assert_eq!(
        (&one["total"], &one["truncated"]),
        (&json!(2), &json!(true))
    );
    let (status, v) = api(&s, "/api/timeline?name=Putin&limit=5000");
    assert_eq!(status, 400);
    assert_eq!(
        v["error"],
        "limit '5000' is not a whole number from 1 to 2000"
    );

    let (_, v) = api(&s, "/api/relations?from=Kerry");
    let got: BTreeSet<String> = v["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["type"].as_str().unwrap(),
                r["target"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        got,
        set(&[
            "met-with Sergei Lavrov",
            "met-with Vladimir Putin",
            "represents United States",
            "visited Russia"
        ])
    );
}

/// Protects the 400s and 404s: each a JSON error with its status and a
/// message naming what is wrong.
#[test]
fn bad_requests_and_unknown_names_are_json_errors() {
    let s = server();
    let cases: &[(&str, u16, &str)] = &[
        (
            "/api/entity?name=Putn",
            404,
            "no entity named 'Putn' in the database; closest: Vladimir Putin",
        ),
        ("/api/entity", 400, "parameter 'name' is required"),
        (
            "/api/neighbors?name=Putin&depth=9",
            400,
            "depth '9' is not a whole number from 1 to 3",
        ),
        (
            "/api/neighbors?name=Putin&types=hugs",
            400,
            "unknown edge type 'hugs'",
        ),
        (
            "/api/neighbors?name=Putin&since=2016-02-30",
            400,
            "since '2016-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            "/api/timeline?name=Putin&since=2016-01-01&until=2015-01-01",
            400,
            "--since 2016-01-01 is after --until 2015-01-01",
        ),
        (
            "/api/path?from=Putin&to=Putin",
            400,
            "'Vladimir Putin' and 'Vladimir Putin' are the same entity",
        ),
        (
            "/api/info?x=1",
            400,
            "unknown parameter 'x': this endpoint takes none",
        ),
        (
            "/api/export?keys=state/RUS&format=pdf",
            400,
            "format 'pdf' is not one of dot, json, graphml, gexf",
        ),
    ];
    for (path, status, message) in cases {
        let (got, v) = api(&s, path);
        assert_eq!(got, *status, "{path}: {v}");
        assert_eq!(v["status"], *status, "{path}");
        assert!(
            v["error"].as_str().unwrap().starts_with(message),
            "{path}: {v}"
        );
    }
    let (_, v) = api(&s, "/api/entity?name=Putn");
    assert_eq!(v["suggestions"], json!(["Vladimir Putin"]));
    let (status, v) = api(&s, "/api/graph");
    assert_eq!(status, 404);
    assert!(
        v["error"]
            .as_str()
            .unwrap()
            .starts_with("no endpoint /api/graph")
    );
}

/// Protects export of what is on screen: exactly the named entities and
/// the edges among them, in DOT and node-link JSON, a named entity without
/// edges included.
#[test]
fn export_writes_the_named_entities_only() {
    let s = server();
    let r = get(
        s.addr,
        "/api/export?format=dot&keys=person/vladimir-putin,person/xi-jinping,state/RUS",
    );
    assert_eq!(r.status, 200);
    assert!(r.content_type.starts_with("text/vnd.graphviz"));
    assert!(r.body.starts_with("digraph geokg {"));
    for name in [
        "label=\"Vladimir Putin\"",
        "label=\"Xi Jinping\"",
        "label=\"Russia\"",
    ] {
        assert!(r.body.contains(name), "{name}");
    }
    let nodes = r
        .body
        .lines()
        .filter(|l| l.trim_start().starts_with('n') && l.contains("[label=") && !l.contains("->"))
        .count();
    assert_eq!(nodes, 3, "{}", r.body);
    let (_, v) = api(
        &s,
        "/api/export?format=json&keys=person/vladimir-putin,person/xi-jinping,state/RUS",
    );
    let edges: BTreeSet<String> = v["links"]
        .as_array()
        .or_else(|| v["edges"].as_array())
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(edges, set(&["met-with", "represents"]));

    // A named entity with no edge in scope is still a node (it is on
    // screen): Xi, with only represents edges asked for.
    let (_, v) = api(
        &s,
        "/api/export?format=json&types=represents&keys=person/vladimir-putin,person/xi-jinping,state/RUS",
    );
    assert_eq!(
        keys(&v["nodes"], "id"),
        set(&["person/vladimir-putin", "person/xi-jinping", "state/RUS"])
    );
    assert_eq!(v["links"].as_array().unwrap().len(), 1);
}

/// Protects the page: served with its security policy, its script and the
/// vendored library compiled in, and the shared style for every kind.
#[test]
fn the_page_and_its_assets_are_served() {
    let s = server();
    let page = get(s.addr, "/");
    assert_eq!(page.status, 200);
    assert!(page.csp.contains("script-src 'self'"));
    assert!(
        page.body
            .contains("<script src=\"/vendor/cytoscape.min.js\"></script>")
    );
    for path in [
        "/app.js",
        "/app.css",
        "/vendor/cytoscape.min.js",
        "/vendor/cytoscape.LICENSE",
    ] {
        assert_eq!(get(s.addr, path).status, 200, "{path}");
    }
    assert_eq!(get(s.addr, "/nothing").status, 404);
}

/// Protects the one style: the page is given the DOT export's fills.
#[test]
fn the_style_endpoint_gives_the_dot_look() {
    let s = server();
    let (_, sheet) = api(&s, "/api/style");
    let person = sheet
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["selector"] == "node[kind = \"person\"]")
        .unwrap();
    assert_eq!(
        person["style"]["background-color"],
        geokg::export::kind_style(geokg::ontology::Kind::Person).1
    );
}

/// Protects the bind rule: on 127.0.0.1 (the default) nothing is said; on
/// any other address a warning names it before the address line.
#[test]
fn serving_beyond_this_machine_warns() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bind.db");
    let out = common::run(
        &[
            "ingest",
            &common::data("serve/script.txt").display().to_string(),
        ],
        &db,
    );
    assert!(out.status.success());
    for (bind, warning) in [
        (None, ""),
        (
            Some("0.0.0.0"),
            "warning: serving on 0.0.0.0: any machine that can reach it can read the graph\n",
        ),
    ] {
        let mut cmd = common::bin();
        cmd.arg("--db").arg(&db).args(["serve", "--port", "0"]);
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
