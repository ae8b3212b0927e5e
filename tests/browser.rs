//! The page in a real browser: headless Chromium, driven over the DevTools
//! protocol by the `headless_chrome` crate (steps in
//! `tests/common/browser.rs`), loads `geokg serve`'s page over a database
//! ingested from real articles and does what a user does, with the mouse
//! and the keyboard: searches "putin" by typing, clicks a node and an edge
//! and reads the card and the evidence, moves the date slider and sees an
//! edge go, saves a screenshot; clicks every filter, "Show more", "Expand
//! neighbours", finds paths, and presses every export button, each time
//! checking the exact nodes and edges on screen or in the saved file.
//!
//! Without Chromium (`/usr/bin/chromium`, or `GEOKG_CHROMIUM`) each test
//! says that it skipped; with `GEOKG_REQUIRE_BROWSER=1` (set by `.ci/run`)
//! a missing browser fails it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/browser.rs"]
mod browser;
mod common;
#[path = "common/dense.rs"]
mod dense;

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Value, json};

use browser::{Browser, Page, chromium_or_skip, downloaded, launch};
use common::server::{Server, get};

fn names(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// Protects what a user does on the page: search, see the neighbourhood,
/// read a card and an edge's evidence (with article markup shown as text,
/// never run), and filter by date.
#[test]
fn a_user_searches_clicks_and_filters_in_a_real_browser() {
    let Some(exe) = chromium_or_skip() else {
        return;
    };
    let server = Server::start(&[
        "dev/articles/004.txt",
        "dev/articles/seed-001.txt",
        "serve/script.txt",
    ]);
    let (_browser, mut page) = launch(&exe);
    page.goto(&format!("http://{}/", server.addr));
    page.wait_for("typeof geokgCy !== 'undefined' && state.dates.length > 0");

    // Search by typing: a suggestion, then Enter.
    page.eval("document.getElementById('search').focus()");
    page.type_text("putin");
    let suggestion = page.wait_for("document.querySelector('#suggestions li')?.textContent");
    assert_eq!(suggestion, "Vladimir Putin person, 3 articles");
    page.enter();
    page.wait_for("geokgCy.nodes().length > 0 && document.querySelector('#details .card h2')");
    let drawn = page.eval("geokgCy.nodes().map(n => n.data('name'))");
    assert_eq!(
        names(&drawn),
        [
            "Dmitry Peskov",
            "John Kerry",
            "Russia",
            "Sergei Lavrov",
            "Steve Witkoff",
            "Vladimir Putin",
            "Xi Jinping"
        ]
        .map(String::from)
        .into(),
    );
    assert_eq!(page.eval("geokgCy.edges().length"), 11);
    assert_eq!(
        page.eval("geokgCy.getElementById('state/RUS').style('shape')"),
        "rectangle"
    );

    // Click a node: its card.
    page.click_at(
        "(() => { const p = geokgCy.getElementById('person/xi-jinping').renderedPosition(); \
         const r = document.getElementById('cy').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; })()",
    );
    page.wait_for("document.querySelector('#details .card h2')?.textContent === 'Xi Jinping'");
    let card = page.eval("document.querySelector('#details .card dl').textContent");
    assert_eq!(card, "kindpersonidperson/xi-jinpingarticles1neighbours1");

    // Click an edge: its evidence, the span marked, the headline's markup
    // shown as text.
    page.click_at(
        "(() => { const p = geokgCy.getElementById('person/vladimir-putin|met-with|person/xi-jinping').renderedMidpoint(); \
         const r = document.getElementById('cy').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; })()",
    );
    page.wait_for("document.querySelector('#details .edge-evidence')");
    assert_eq!(
        page.eval("document.querySelector('#details .edge-title').textContent"),
        "Vladimir Putin met-with Xi Jinping"
    );
    assert_eq!(
        page.eval("document.querySelector('#details .evidence mark').textContent"),
        "Vladimir Putin met Xi Jinping"
    );
    assert_eq!(
        page.eval("document.querySelector('#details .evidence .sentence').textContent"),
        "Vladimir Putin met Xi Jinping in Beijing <script>alert(\"body\")</script> on Sunday."
    );
    assert_eq!(
        page.eval("document.querySelector('#details .evidence .title').textContent"),
        "Leaders meet <script>alert(\"title\")</script>"
    );
    // The confidence and the rule as the database holds them.
    let x: Value = serde_json::from_str(
        &get(
            server.addr,
            "/api/explain?source=person/vladimir-putin&type=met-with&target=person/xi-jinping",
        )
        .body,
    )
    .unwrap();
    let facts = format!(
        "confidence {:.2} · rule {}",
        x["evidence"][0]["confidence"].as_f64().unwrap(),
        x["evidence"][0]["rule"].as_str().unwrap()
    );
    assert_eq!(
        page.eval(
            "[...document.querySelectorAll('#details .evidence > .meta')].map(m => m.textContent)"
        ),
        json!([
            "Leaders meet <script>alert(\"title\")</script> · 2016-01-10 · https://example.org/script-test",
            facts
        ])
    );
    assert_eq!(page.eval("document.querySelectorAll('script').length"), 2);
    assert_eq!(
        page.eval("document.querySelector('#details .evidence a').href"),
        "https://example.org/script-test"
    );

    // The date slider: as of the end of 2015 the Putin–Xi edge (2016) goes.
    let edge = "geokgCy.getElementById('person/vladimir-putin|met-with|person/xi-jinping').style('display')";
    assert_eq!(page.eval(edge), "element");
    page.eval(
        "(() => { const s = document.getElementById('asof'); s.value = String(state.dates.indexOf('2015-12-31')); \
         s.dispatchEvent(new Event('input')); })()",
    );
    assert_eq!(
        page.eval("document.getElementById('asof-label').textContent"),
        "2015-12-31"
    );
    assert_eq!(page.eval(edge), "none");
    assert_eq!(
        page.eval("geokgCy.edges().filter(e => e.style('display') !== 'none').length"),
        10
    );

    let png = page.screenshot();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let path = std::env::var_os("GEOKG_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("geokg-serve-browser.png"));
    std::fs::write(&path, &png).unwrap();
    eprintln!("screenshot: {}", path.display());
}

/// The page over the three test articles, in a fresh browser, ready.
fn ready() -> Option<(Server, Browser, Page)> {
    let exe = chromium_or_skip()?;
    let server = Server::start(&[
        "dev/articles/004.txt",
        "dev/articles/seed-001.txt",
        "serve/script.txt",
    ]);
    Some(open(server, &exe))
}

/// A fresh browser on the server's page, ready.
fn open(server: Server, exe: &std::path::Path) -> (Server, Browser, Page) {
    let (browser, mut page) = launch(exe);
    page.goto(&format!("http://{}/", server.addr));
    page.wait_for("typeof geokgCy !== 'undefined' && state.dates.length > 0");
    (server, browser, page)
}

/// Types `text` into the search field and presses Enter; waits for the
/// neighbourhood of `key` and its card.
fn search(page: &mut Page, text: &str, key: &str) {
    page.eval(
        "(() => { const s = document.getElementById('search'); s.value = ''; s.focus(); })()",
    );
    page.type_text(text);
    page.enter();
    page.wait_for(&format!(
        "state.center === {k} && document.querySelector('#details .card')?.dataset.key === {k}",
        k = serde_json::to_string(key).unwrap()
    ));
}

/// The ids of the nodes and of the edges drawn (not hidden by a filter).
fn on_screen(page: &mut Page) -> (BTreeSet<String>, BTreeSet<String>) {
    let v = page.eval(
        "[geokgCy.nodes().filter(n => n.style('display') !== 'none').map(n => n.id()), \
          geokgCy.edges().filter(e => e.style('display') !== 'none').map(e => e.id())]",
    );
    (names(&v[0]), names(&v[1]))
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

const PUTIN: &str = "person/vladimir-putin";
const PESKOV: &str = "person/dmitry-peskov";
const KERRY: &str = "person/john-kerry";
const LAVROV: &str = "person/sergei-lavrov";
const WITKOFF: &str = "person/steve-witkoff";
const XI: &str = "person/xi-jinping";
const RUS: &str = "state/RUS";
const USA: &str = "state/USA";

/// Putin's neighbourhood in the test database, edge by edge.
const PESKOV_REPRESENTS: &str = "person/dmitry-peskov|represents|state/RUS";
const PUTIN_REPRESENTS: &str = "person/vladimir-putin|represents|state/RUS";
const PESKOV_MET_PUTIN: &str = "person/dmitry-peskov|met-with|person/vladimir-putin";
const KERRY_MET_LAVROV: &str = "person/john-kerry|met-with|person/sergei-lavrov";
const KERRY_MET_PUTIN: &str = "person/john-kerry|met-with|person/vladimir-putin";
const KERRY_VISITED: &str = "person/john-kerry|visited|state/RUS";
const LAVROV_MET_PUTIN: &str = "person/sergei-lavrov|met-with|person/vladimir-putin";
const LAVROV_REPRESENTS: &str = "person/sergei-lavrov|represents|state/RUS";
const WITKOFF_MET_RUSSIA: &str = "person/steve-witkoff|met-with|state/RUS";
const WITKOFF_MET_PUTIN: &str = "person/steve-witkoff|met-with|person/vladimir-putin";
const PUTIN_MET_XI: &str = "person/vladimir-putin|met-with|person/xi-jinping";

const ALL_NODES: [&str; 7] = [PUTIN, PESKOV, RUS, KERRY, LAVROV, WITKOFF, XI];
const ALL_EDGES: [&str; 11] = [
    PESKOV_REPRESENTS,
    PUTIN_REPRESENTS,
    PESKOV_MET_PUTIN,
    KERRY_MET_LAVROV,
    KERRY_MET_PUTIN,
    KERRY_VISITED,
    LAVROV_MET_PUTIN,
    LAVROV_REPRESENTS,
    WITKOFF_MET_RUSSIA,
    WITKOFF_MET_PUTIN,
    PUTIN_MET_XI,
];

fn status(page: &mut Page) -> Value {
    page.eval("document.getElementById('status').textContent")
}

/// Protects the filters: each one, clicked or typed, leaves exactly the
/// nodes and edges it should on screen, and undoing it brings them back.
#[test]
fn each_filter_redraws_exactly_what_it_leaves() {
    let Some((_server, _browser, mut page)) = ready() else {
        return;
    };
    search(&mut page, "putin", PUTIN);
    assert_eq!(on_screen(&mut page), (set(&ALL_NODES), set(&ALL_EDGES)));
    assert_eq!(status(&mut page), "7 nodes, 11 edges on screen");

    // An edge type off: every met-with goes, the nodes stay.
    page.click_on("[data-type='met-with']");
    let without_met = set(&[
        PESKOV_REPRESENTS,
        PUTIN_REPRESENTS,
        KERRY_VISITED,
        LAVROV_REPRESENTS,
    ]);
    assert_eq!(on_screen(&mut page), (set(&ALL_NODES), without_met));
    assert_eq!(status(&mut page), "7 nodes, 4 edges on screen");

    // And represents hidden: one visit is left.
    page.click_on("#hide-represents");
    assert_eq!(
        on_screen(&mut page),
        (set(&ALL_NODES), set(&[KERRY_VISITED]))
    );
    assert_eq!(status(&mut page), "7 nodes, 1 edge on screen");
    page.click_on("[data-type='met-with']");
    page.click_on("#hide-represents");
    assert_eq!(on_screen(&mut page), (set(&ALL_NODES), set(&ALL_EDGES)));

    // A node kind off: Russia and its edges go.
    page.click_on("[data-kind='state']");
    assert_eq!(
        on_screen(&mut page),
        (
            set(&[PUTIN, PESKOV, KERRY, LAVROV, WITKOFF, XI]),
            set(&[
                PESKOV_MET_PUTIN,
                KERRY_MET_LAVROV,
                KERRY_MET_PUTIN,
                LAVROV_MET_PUTIN,
                WITKOFF_MET_PUTIN,
                PUTIN_MET_XI
            ])
        )
    );
    page.click_on("[data-kind='state']");

    // The date slider "from": from 2016 on, only the edge of the 2016
    // article and the undated ones (seed-001 has no date) are left.
    page.eval(
        "(() => { const s = document.getElementById('since'); s.value = String(state.dates.indexOf('2016-01-01')); \
         s.dispatchEvent(new Event('input')); })()",
    );
    assert_eq!(
        page.eval("document.getElementById('since-label').textContent"),
        "2016-01-01"
    );
    assert_eq!(
        on_screen(&mut page),
        (
            set(&ALL_NODES),
            set(&[
                PESKOV_MET_PUTIN,
                WITKOFF_MET_RUSSIA,
                WITKOFF_MET_PUTIN,
                PUTIN_MET_XI
            ])
        )
    );
    page.eval(
        "(() => { const s = document.getElementById('since'); s.value = '0'; s.dispatchEvent(new Event('input')); })()",
    );
    assert_eq!(on_screen(&mut page), (set(&ALL_NODES), set(&ALL_EDGES)));

    // At least two articles: Peskov and Russia (two each) and the center.
    page.eval(
        "(() => { const m = document.getElementById('min-articles'); m.focus(); m.select(); })()",
    );
    page.type_text("2");
    assert_eq!(
        on_screen(&mut page),
        (
            set(&[PUTIN, PESKOV, RUS]),
            set(&[PESKOV_REPRESENTS, PUTIN_REPRESENTS, PESKOV_MET_PUTIN])
        )
    );
    // Three: only the center (three articles) is left, alone.
    page.eval(
        "(() => { const m = document.getElementById('min-articles'); m.focus(); m.select(); })()",
    );
    page.type_text("3");
    assert_eq!(on_screen(&mut page), (set(&[PUTIN]), set(&[])));
    assert_eq!(status(&mut page), "1 node, 0 edges on screen");
}

/// Protects neighbourhoods offered in parts and the card's "Expand
/// neighbours": each click adds exactly the next nodes (most articles
/// first, then by name) and the edges that join them, never one twice.
#[test]
fn show_more_and_expand_add_exactly_the_next_nodes() {
    let Some((_server, _browser, mut page)) = ready() else {
        return;
    };
    // Parts of two neighbours.
    page.eval("state.part = 2");
    search(&mut page, "putin", PUTIN);
    assert_eq!(
        on_screen(&mut page),
        (
            set(&[PUTIN, PESKOV, RUS]),
            set(&[PESKOV_REPRESENTS, PUTIN_REPRESENTS, PESKOV_MET_PUTIN])
        )
    );
    assert_eq!(
        page.eval("document.getElementById('more-text').textContent"),
        "Showing the 2 neighbours with most articles of 6 (7 nodes and 11 edges in all)."
    );
    page.click_on("#more");
    page.wait_for("geokgCy.nodes().length === 5");
    assert_eq!(
        on_screen(&mut page),
        (
            set(&[PUTIN, PESKOV, RUS, KERRY, LAVROV]),
            set(&[
                PESKOV_REPRESENTS,
                PUTIN_REPRESENTS,
                PESKOV_MET_PUTIN,
                KERRY_MET_LAVROV,
                KERRY_MET_PUTIN,
                KERRY_VISITED,
                LAVROV_MET_PUTIN,
                LAVROV_REPRESENTS
            ])
        )
    );
    assert_eq!(
        page.eval("document.getElementById('more-text').textContent"),
        "Showing the 4 neighbours with most articles of 6 (7 nodes and 11 edges in all)."
    );
    page.click_on("#more");
    page.wait_for("geokgCy.nodes().length === 7");
    assert_eq!(on_screen(&mut page), (set(&ALL_NODES), set(&ALL_EDGES)));
    assert_eq!(
        page.eval("document.getElementById('more-box').hidden"),
        true
    );

    // Expand: from Xi's neighbourhood (Xi and Putin), Putin's card's button
    // adds the rest of Putin's; then Kerry's adds the United States.
    page.eval("state.part = 500");
    search(&mut page, "Xi Jinping", XI);
    assert_eq!(
        on_screen(&mut page),
        (set(&[XI, PUTIN]), set(&[PUTIN_MET_XI]))
    );
    page.click_node(PUTIN);
    page.wait_for(&format!(
        "document.querySelector('#details .card')?.dataset.key === '{PUTIN}'"
    ));
    page.click_on("#expand");
    page.wait_for("geokgCy.nodes().length === 7");
    assert_eq!(on_screen(&mut page), (set(&ALL_NODES), set(&ALL_EDGES)));
    page.click_node(KERRY);
    page.wait_for(&format!(
        "document.querySelector('#details .card')?.dataset.key === '{KERRY}'"
    ));
    page.click_on("#expand");
    page.wait_for("geokgCy.nodes().length === 8");
    let mut edges = set(&ALL_EDGES);
    edges.extend(set(&[
        "person/john-kerry|represents|state/USA",
        "state/RUS|met-with|state/USA",
    ]));
    let mut nodes = set(&ALL_NODES);
    nodes.insert(USA.to_string());
    assert_eq!(on_screen(&mut page), (nodes, edges));
    assert_eq!(status(&mut page), "8 nodes, 13 edges on screen");
}

/// Protects the page's responsiveness bound (issue 12: "the page stays
/// responsive with 2,000 elements on screen; larger neighbourhoods are
/// offered in parts"): on a dense graph (the United States and 100 people
/// who all meet, 101 nodes and 5,050 edges) the page draws at most 2,000
/// nodes and edges for the United States (the center and the 61 people
/// with most articles, every edge among them: 1,953), and says that more
/// parts are left; "Show more" adds the next part, again within 2,000.
#[test]
fn a_dense_neighbourhood_is_drawn_within_2000_elements() {
    let Some(exe) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dense.db");
    dense::write(&db, &geokg::gazetteer::Gazetteer::builtin().unwrap());
    let (_server, _browser, mut page) = open(Server::over(db, dir), &exe);
    search(&mut page, "United States", dense::CENTER);
    assert_eq!(
        page.eval(
            "[geokgCy.nodes().length, geokgCy.edges().length, geokgCy.elements().length <= 2000]"
        ),
        json!([62, 1891, true])
    );
    assert_eq!(
        page.eval("[document.getElementById('more-box').hidden, document.getElementById('more-text').textContent]"),
        json!([false, "Showing the 61 neighbours with most articles of 100 (101 nodes and 5050 edges in all)."])
    );
    // The people drawn are the 61 with most articles.
    let mut want: BTreeSet<String> = (0..61).map(dense::key).collect();
    want.insert(dense::CENTER.to_string());
    assert_eq!(names(&page.eval("geokgCy.nodes().map(n => n.id())")), want);

    // The next part: 26 people and the 1,937 edges that join them to the
    // drawing (1,963 elements in that answer).
    page.click_on("#more");
    page.wait_for("geokgCy.nodes().length === 88");
    assert_eq!(page.eval("geokgCy.edges().length"), 1891 + 1937);
    assert_eq!(
        page.eval("document.getElementById('more-text').textContent"),
        "Showing the 87 neighbours with most articles of 100 (101 nodes and 5050 edges in all)."
    );
}

/// Protects path mode: from a node's card and a typed name, every shortest
/// path is drawn (with the ids `neighbors` gives, so its edges open their
/// evidence, the sentences beyond the first asked for on demand) and
/// listed hop by hop with its best sentence.
#[test]
fn path_mode_draws_and_lists_every_shortest_path() {
    let Some((_server, _browser, mut page)) = ready() else {
        return;
    };
    search(&mut page, "putin", PUTIN);
    page.click_node(PESKOV);
    page.wait_for(&format!(
        "document.querySelector('#details .card')?.dataset.key === '{PESKOV}'"
    ));
    page.click_on("#path-here");
    assert_eq!(
        page.eval("document.getElementById('path-from').value"),
        "Dmitry Peskov"
    );
    assert_eq!(page.eval("document.activeElement.id"), "path-to");
    page.type_text("kerry");
    page.enter();
    page.wait_for("document.querySelector('#details h2')?.textContent.startsWith('Paths from')");
    assert_eq!(
        page.eval("document.querySelector('#details h2').textContent"),
        "Paths from Dmitry Peskov to John Kerry"
    );
    assert_eq!(
        page.eval("document.querySelector('#details > p.meta').textContent"),
        "2 shortest path(s) of 2 hops"
    );
    assert_eq!(
        on_screen(&mut page),
        (
            set(&[PESKOV, RUS, KERRY, PUTIN]),
            set(&[
                PESKOV_REPRESENTS,
                KERRY_VISITED,
                PESKOV_MET_PUTIN,
                KERRY_MET_PUTIN
            ])
        )
    );
    let hops = page.eval(
        "[...document.querySelectorAll('#details ol')].map(ol => [...ol.children].map(li => li.firstChild.textContent))",
    );
    assert_eq!(
        hops,
        json!([
            [
                "Dmitry Peskov -> represents -> Russia",
                "Russia <- visited <- John Kerry"
            ],
            [
                "Dmitry Peskov -- met-with -- Vladimir Putin",
                "Vladimir Putin -- met-with -- John Kerry"
            ]
        ])
    );
    assert_eq!(
        page.eval("document.querySelector('#details ol li .meta').textContent"),
        "“Spokesman Dmitri Peskov said, \"We will make an announcement if such a meeting takes place.\"” (https://voanews.com/a/kerry-lavrov-to-meet-in-sochi-tuesday-/2762782.html)"
    );
    // A drawn hop opens its evidence.
    // Drawn in rows by hops from the start: Russia and Putin one row
    // below Peskov, Kerry below them.
    let rows = page.eval(&format!(
        "[{PESKOV:?}, {RUS:?}, {PUTIN:?}, {KERRY:?}].map(k => Math.round(geokgCy.getElementById(k).position().y))"
    ));
    let y = |i: usize| rows[i].as_f64().unwrap();
    assert!(y(0) < y(1) && y(1) == y(2) && y(2) < y(3), "{rows}");
    // With one sentence asked for at first, the second comes on demand.
    page.eval("state.evidence = 1");
    page.click_at(&format!(
        "(() => {{ const p = geokgCy.getElementById('{KERRY_MET_PUTIN}').renderedMidpoint(); \
         const r = document.getElementById('cy').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }})()"
    ));
    page.wait_for("document.querySelector('#details .edge-evidence')");
    assert_eq!(
        page.eval("document.querySelector('#details .edge-title').textContent"),
        "John Kerry met-with Vladimir Putin"
    );
    assert_eq!(
        page.eval(
            "[...document.querySelectorAll('#details .evidence mark')].map(m => m.textContent)"
        ),
        json!([
            "U.S. Secretary of State John Kerry is headed to Russia for talks with Russian President Vladimir Putin"
        ])
    );
    assert_eq!(
        page.eval("document.getElementById('evidence-more-text').textContent"),
        "Showing the first 1 of 2 sentences."
    );
    page.click_on("#evidence-more");
    page.wait_for("document.querySelectorAll('#details .evidence').length === 2");
    assert_eq!(
        page.eval("document.getElementById('evidence-more')"),
        json!(null)
    );
    assert_eq!(
        page.eval(
            "[...document.querySelectorAll('#details .evidence mark')].map(m => m.textContent)"
        ),
        json!([
            "U.S. Secretary of State John Kerry is headed to Russia for talks with Russian President Vladimir Putin",
            "Putin, Russian Foreign Minister Sergei Lavrov and Kerry on Tuesday will discuss"
        ])
    );
}

/// The nodes (by id) and edges (`source|type|target`) of a GraphML file.
fn graphml_ids(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let doc = roxmltree::Document::parse(text).unwrap();
    let nodes = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .map(|n| n.attribute("id").unwrap().to_string())
        .collect();
    let edges = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .map(|e| {
            let ty = e
                .children()
                .find(|d| d.attribute("key") == Some("type"))
                .and_then(|d| d.text())
                .unwrap();
            format!(
                "{}|{ty}|{}",
                e.attribute("source").unwrap(),
                e.attribute("target").unwrap()
            )
        })
        .collect();
    (nodes, edges)
}

/// The nodes (by the key in their tooltip) and edges of a DOT file.
fn dot_ids(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut key_of = std::collections::HashMap::new();
    let mut edges = BTreeSet::new();
    for line in text.lines().map(str::trim) {
        let Some((head, attrs)) = line.split_once(" [").or_else(|| line.split_once('[')) else {
            continue;
        };
        let tooltip = attrs.split_once("tooltip=\"").map(|(_, t)| t).unwrap_or("");
        if let Some((s, t)) = head.split_once(" -> ") {
            let ty = tooltip.split(' ').next().unwrap();
            edges.insert((s.to_string(), ty.to_string(), t.to_string()));
        } else if head.starts_with('n') && attrs.starts_with("label=\"") {
            let key = tooltip
                .split_once("), ")
                .and_then(|(_, rest)| rest.split(';').next())
                .unwrap();
            key_of.insert(head.to_string(), key.to_string());
        }
    }
    let edges = edges
        .into_iter()
        .map(|(s, ty, t)| format!("{}|{ty}|{}", key_of[&s], key_of[&t]))
        .collect();
    (key_of.into_values().collect(), edges)
}

/// Protects "export what is on screen": with a filter hiding four of the
/// seven nodes, each button saves exactly the nodes and edges drawn: SVG
/// (with a legend of the kinds and types shown, in the style module's
/// shapes and colours), PNG (the drawing's size), DOT, GraphML and JSON
/// (asked of the server with the keys on screen); a node left without an
/// edge on screen is still exported.
#[test]
fn each_export_button_saves_what_is_on_screen() {
    let Some((_server, _browser, mut page)) = ready() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    page.allow_downloads(dir.path());
    search(&mut page, "putin", PUTIN);
    page.eval(
        "(() => { const m = document.getElementById('min-articles'); m.focus(); m.select(); })()",
    );
    page.type_text("2");
    let nodes = set(&[PUTIN, PESKOV, RUS]);
    let edges = set(&[PESKOV_REPRESENTS, PUTIN_REPRESENTS, PESKOV_MET_PUTIN]);
    assert_eq!(on_screen(&mut page), (nodes.clone(), edges.clone()));

    // SVG, drawn in the page.
    page.click_on("[data-export='svg']");
    let svg = String::from_utf8(downloaded(dir.path(), "geokg.svg")).unwrap();
    if let Some(path) = std::env::var_os("GEOKG_EXPORT_SVG") {
        std::fs::write(path, &svg).unwrap();
    }
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let with_class = |class: &str, attr: &str| -> BTreeSet<String> {
        doc.descendants()
            .filter(|n| n.attribute("class") == Some(class))
            .map(|n| n.attribute(attr).unwrap().to_string())
            .collect()
    };
    assert_eq!(with_class("node", "data-key"), nodes);
    assert_eq!(with_class("edge", "data-id"), edges);
    assert_eq!(
        with_class("legend-kind", "data-kind"),
        set(&["person", "state"])
    );
    assert_eq!(
        with_class("legend-type", "data-type"),
        set(&["met-with", "represents"])
    );
    // Each kind in its shape and fill, each type in its colour and line,
    // in the legend and in the drawing (style.rs: kind_style, edge_color,
    // edge_style).
    let first_shape = |class: &str, attr: &str, value: &str| {
        let g = doc
            .descendants()
            .find(|n| n.attribute("class") == Some(class) && n.attribute(attr) == Some(value))
            .unwrap();
        let shape = g.first_element_child().unwrap();
        (
            shape.tag_name().name().to_string(),
            shape.attribute("fill").unwrap().to_string(),
        )
    };
    for (class, attr) in [("legend-kind", "data-kind"), ("node", "data-key")] {
        let (person, state) = if class == "node" {
            (PUTIN, RUS)
        } else {
            ("person", "state")
        };
        assert_eq!(
            first_shape(class, attr, person),
            ("ellipse".to_string(), "#fde68a".to_string())
        );
        assert_eq!(
            first_shape(class, attr, state),
            ("rect".to_string(), "#93c5fd".to_string())
        );
    }
    let line = |class: &str, attr: &str, value: &str| {
        let n = doc
            .descendants()
            .find(|n| n.attribute("class") == Some(class) && n.attribute(attr) == Some(value))
            .unwrap();
        let l = if n.has_tag_name("line") {
            n
        } else {
            n.first_element_child().unwrap()
        };
        (
            l.attribute("stroke").unwrap().to_string(),
            l.attribute("stroke-dasharray").map(str::to_string),
            l.attribute("marker-end").is_some(),
        )
    };
    let dotted = ("#9ca3af".to_string(), Some("2 3".to_string()), true);
    let solid_undirected = ("#2563eb".to_string(), None, false);
    assert_eq!(line("legend-type", "data-type", "represents"), dotted);
    assert_eq!(
        line("legend-type", "data-type", "met-with"),
        solid_undirected
    );
    assert_eq!(line("edge", "data-id", PUTIN_REPRESENTS), dotted);
    assert_eq!(line("edge", "data-id", PESKOV_MET_PUTIN), solid_undirected);
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        texts,
        [
            "Vladimir Putin",
            "Dmitry Peskov",
            "Russia",
            "geokg: 3 entities, 3 relations",
            "person",
            "state",
            "met-with",
            "represents"
        ]
    );

    // PNG, drawn by Cytoscape at twice the size of what is shown.
    page.click_on("[data-export='png']");
    let png = downloaded(dir.path(), "geokg.png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    let bb = page.eval(
        "(() => { const b = geokgCy.elements().filter(x => x.style('display') !== 'none').boundingBox(); return [b.w, b.h]; })()",
    );
    for (at, want) in [(16, &bb[0]), (20, &bb[1])] {
        let want = 2.0 * want.as_f64().unwrap();
        assert!(
            (f64::from(size(at)) - want).abs() <= 2.0,
            "png {} for {want}",
            size(at)
        );
    }

    // DOT, GraphML and JSON, from the server.
    page.click_on("[data-export='dot']");
    let dot = String::from_utf8(downloaded(dir.path(), "geokg.dot")).unwrap();
    assert!(dot.starts_with("digraph geokg {"), "{dot}");
    assert_eq!(dot_ids(&dot), (nodes.clone(), edges.clone()));
    page.click_on("[data-export='graphml']");
    let graphml = String::from_utf8(downloaded(dir.path(), "geokg.graphml")).unwrap();
    assert_eq!(graphml_ids(&graphml), (nodes.clone(), edges.clone()));
    page.click_on("[data-export='json']");
    let v: Value = serde_json::from_slice(&downloaded(dir.path(), "geokg.json")).unwrap();
    let ids = |list: &Value, f: &dyn Fn(&Value) -> String| -> BTreeSet<String> {
        list.as_array().unwrap().iter().map(f).collect()
    };
    assert_eq!(
        ids(&v["nodes"], &|n| n["id"].as_str().unwrap().to_string()),
        nodes
    );
    assert_eq!(
        ids(&v["links"], &|e| format!(
            "{}|{}|{}",
            e["source"].as_str().unwrap(),
            e["type"].as_str().unwrap(),
            e["target"].as_str().unwrap()
        )),
        edges
    );

    // Represents hidden: Russia stays on screen alone, and in the export.
    page.click_on("#hide-represents");
    assert_eq!(
        on_screen(&mut page),
        (nodes.clone(), set(&[PESKOV_MET_PUTIN]))
    );
    std::fs::remove_file(dir.path().join("geokg.graphml")).unwrap();
    page.click_on("[data-export='graphml']");
    let graphml = String::from_utf8(downloaded(dir.path(), "geokg.graphml")).unwrap();
    assert_eq!(graphml_ids(&graphml), (nodes, set(&[PESKOV_MET_PUTIN])));
}

/// Protects the promise that no name from the data becomes markup: an
/// entity named `<img src=x onerror=…> Markup & "Man"` (from a user's
/// gazetteer) is shown as that text in the suggestions, the card, the
/// evidence title, the path list, the drawing and the SVG, DOT and GraphML
/// exports, and its handler never runs.
#[test]
fn a_crafted_name_is_text_everywhere_it_is_shown() {
    let Some(exe) = chromium_or_skip() else {
        return;
    };
    let server = Server::start_with(
        Some("serve/markup.tsv"),
        &["serve/markup.txt", "serve/script.txt"],
    );
    let (_server, _browser, mut page) = open(server, &exe);
    let dir = tempfile::tempdir().unwrap();
    page.allow_downloads(dir.path());
    let name = "<img src=x onerror=document.title=1> Markup & \"Man\"";
    let key = "person/markup-man";
    let markup = "document.querySelectorAll('img').length";

    page.eval("document.getElementById('search').focus()");
    page.type_text("markup");
    let suggestion = page.wait_for("document.querySelector('#suggestions li')?.textContent");
    assert_eq!(suggestion, format!("{name} person, 1 articles"));
    page.type_text(" man");
    page.enter();
    page.wait_for(&format!(
        "document.querySelector('#details .card')?.dataset.key === '{key}'"
    ));
    assert_eq!(
        page.eval("document.querySelector('#details .card h2').textContent"),
        name
    );
    assert_eq!(
        page.eval(&format!("geokgCy.getElementById('{key}').data('name')")),
        name
    );
    assert_eq!(page.eval(markup), 0);

    let edge = format!("{key}|met-with|{PUTIN}");
    page.click_at(&format!(
        "(() => {{ const p = geokgCy.getElementById('{edge}').renderedMidpoint(); \
         const r = document.getElementById('cy').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }})()"
    ));
    page.wait_for("document.querySelector('#details .edge-evidence')");
    assert_eq!(
        page.eval("document.querySelector('#details .edge-title').textContent"),
        format!("{name} met-with Vladimir Putin")
    );

    page.eval(
        "(() => { const f = document.getElementById('path-from'); f.value = ''; f.focus(); })()",
    );
    page.type_text("Markup Man");
    page.eval("document.getElementById('path-to').focus()");
    page.type_text("Xi Jinping");
    page.enter();
    page.wait_for("document.querySelector('#details h2')?.textContent.startsWith('Paths from')");
    assert_eq!(
        page.eval("document.querySelector('#details h2').textContent"),
        format!("Paths from {name} to Xi Jinping")
    );
    assert_eq!(
        page.eval("document.querySelector('#details ol li').firstChild.textContent"),
        format!("{name} -- met-with -- Vladimir Putin")
    );
    assert_eq!(page.eval(markup), 0);

    page.click_on("[data-export='svg']");
    let svg = String::from_utf8(downloaded(dir.path(), "geokg.svg")).unwrap();
    assert!(
        svg.contains("&lt;img src=x onerror=document.title=1&gt; Markup &amp; &quot;Man&quot;"),
        "{svg}"
    );
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let label = doc
        .descendants()
        .find(|n| n.attribute("data-key") == Some(key))
        .and_then(|g| g.descendants().find(|n| n.has_tag_name("text")))
        .and_then(|t| t.text());
    assert_eq!(label, Some(name));
    page.click_on("[data-export='graphml']");
    let graphml = String::from_utf8(downloaded(dir.path(), "geokg.graphml")).unwrap();
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    let names: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.attribute("key") == Some("name"))
        .filter_map(|n| n.text())
        .collect();
    assert!(names.contains(name), "{graphml}");
    page.click_on("[data-export='dot']");
    let dot = String::from_utf8(downloaded(dir.path(), "geokg.dot")).unwrap();
    assert!(
        dot.contains("label=\"<img src=x onerror=document.title=1> Markup & \\\"Man\\\"\""),
        "{dot}"
    );
    assert_eq!(page.eval(markup), 0);
    assert_eq!(page.eval("document.title"), "geokg");
}
