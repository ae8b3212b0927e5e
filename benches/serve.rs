//! The web page's responsiveness in a real browser: the corpus
//! (`../shared/corpus/articles.jsonl`, or the JSON Lines file
//! `GEOKG_BENCH_CORPUS` names) ingested into a temporary database, `geokg
//! serve` over it, and headless Chromium driven over the DevTools protocol
//! by the `headless_chrome` crate (as `tests/browser.rs` does). Timed in the page, from the request to the
//! layout done and two frames drawn:
//!
//! - the neighbourhood of the most connected entity, its first part (at
//!   most 2,000 nodes and edges) and then "Show more" to the whole of it
//!   (≥ 2,000 elements);
//! - a filter redraw (an edge type off and on, a minimum article count),
//!   a pan of the view, and a click on a node to its card;
//! - the largest neighbourhood drawn by force (up to 150 nodes), and the
//!   largest of up to 300 nodes (drawn by force before this bench, in
//!   rings since).
//!
//! Each figure is the median of five runs; the nodes and edges drawn are
//! checked against the API's answer, so a fast wrong drawing cannot pass.
//! Timings are printed, never asserted. Run: `cargo bench --bench serve`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/common/browser.rs"]
mod browser;
#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::time::Instant;

use serde_json::Value;

use browser::{Page, chromium, launch};
use common::server::{Server, get};

const RUNS: usize = 5;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Runs `expr` (a promise of milliseconds) `RUNS` times after `setup`.
fn timed(page: &mut Page, setup: &str, expr: &str) -> f64 {
    let mut ms = Vec::new();
    for _ in 0..RUNS {
        if !setup.is_empty() {
            page.eval(setup);
        }
        ms.push(page.eval(expr).as_f64().unwrap());
    }
    median(ms)
}

/// A promise: run `action` (which may return a promise), then wait two
/// frames, and give the milliseconds it all took.
fn frames_after(action: &str) -> String {
    format!(
        "(async () => {{ const t0 = performance.now(); await ({action}); \
         await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); \
         return performance.now() - t0; }})()"
    )
}

fn drawn(page: &mut Page) -> (usize, usize) {
    let v = page.eval("[geokgCy.nodes().length, geokgCy.edges().length]");
    (
        v[0].as_u64().unwrap() as usize,
        v[1].as_u64().unwrap() as usize,
    )
}

fn main() {
    let Some(exe) = chromium() else {
        println!("serve bench: no chromium (apt-get install chromium); skipped");
        return;
    };
    let corpus = std::env::var_os("GEOKG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/articles.jsonl")
        });
    if !corpus.exists() {
        println!(
            "serve bench: no corpus at {} (set GEOKG_BENCH_CORPUS to a JSON Lines file); skipped",
            corpus.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    let t = Instant::now();
    let out = common::bin()
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!(
        "ingest {}: {:.1} s; {}",
        corpus.display(),
        t.elapsed().as_secs_f64(),
        String::from_utf8_lossy(&out.stderr).trim()
    );
    let server = Server::over(db, dir);
    let api = |path: &str| -> Value { serde_json::from_str(&get(server.addr, path).body).unwrap() };

    // The most connected entity, and one near the force layout's limit.
    let top = api("/api/entities?q=&limit=200");
    let mut sized: Vec<(String, usize, usize)> = Vec::new();
    for e in top["entities"].as_array().unwrap().iter().take(60) {
        let key = e["key"].as_str().unwrap();
        let n = api(&format!("/api/neighbors?name={key}"));
        sized.push((
            key.to_string(),
            n["total_nodes"].as_u64().unwrap() as usize,
            n["total_edges"].as_u64().unwrap() as usize,
        ));
    }
    let big = sized.iter().max_by_key(|s| s.1 + s.2).unwrap().clone();
    // The largest drawn by force (150 nodes at most), and the largest of
    // up to 300 nodes (the force layout's limit before this bench).
    let largest = |most: usize| {
        sized
            .iter()
            .filter(|s| s.1 <= most)
            .max_by_key(|s| s.1)
            .unwrap()
            .clone()
    };
    let (mid, ring) = (largest(150), largest(300));
    assert!(
        big.1 + big.2 >= 2000,
        "no neighbourhood of 2,000 elements: {big:?}"
    );

    let (_browser, mut page) = launch(&exe);
    page.goto(&format!("http://{}/", server.addr));
    page.wait_for("typeof geokgCy !== 'undefined' && state.dates.length > 0");
    let key = serde_json::to_string(&big.0).unwrap();

    let first = timed(&mut page, "", &frames_after(&format!("load({key})")));
    let (n1, e1) = drawn(&mut page);
    let first_part = api(&format!("/api/neighbors?name={}", big.0));
    assert_eq!(
        n1,
        first_part["nodes"].as_array().unwrap().len(),
        "first part nodes"
    );
    assert_eq!(
        e1,
        first_part["edges"].as_array().unwrap().len(),
        "first part edges"
    );
    println!(
        "{}, one hop: first part {n1} nodes + {e1} edges = {} elements: request to layout drawn {first:.0} ms",
        big.0,
        n1 + e1
    );

    let more = timed(
        &mut page,
        "",
        &frames_after(&format!(
            "load({key}).then(async () => {{ const t = performance.now(); while (state.more) await loadMore(); return performance.now() - t; }})"
        )),
    );
    let (n, e) = drawn(&mut page);
    assert_eq!((n, e), (big.1, big.2), "all parts");
    println!(
        "  then Show more to the whole: {n} nodes + {e} edges = {} elements: load and every part drawn {more:.0} ms",
        n + e
    );

    let visible = "geokgCy.elements().filter(x => x.style('display') !== 'none').length";
    let filter_off = timed(
        &mut page,
        "(() => { const c = document.querySelector('[data-type=\"met-with\"]'); c.checked = true; applyFilters(); })()",
        &frames_after(
            "(() => { const c = document.querySelector('[data-type=\"met-with\"]'); c.checked = false; c.dispatchEvent(new Event('change')); })()",
        ),
    );
    let after_off = page.eval(visible).as_u64().unwrap() as usize;
    let met_with = api(&format!(
        "/api/neighbors?name={}&limit=2000&types=met-with",
        big.0
    ));
    let edges_met = page.eval("geokgCy.edges().filter(e => e.data('type') === 'met-with').length");
    assert_eq!(
        after_off,
        big.1 + big.2 - edges_met.as_u64().unwrap() as usize,
        "met-with off"
    );
    assert!(met_with["edges"].as_array().unwrap().len() <= big.2);
    let filter_on = timed(
        &mut page,
        "(() => { const c = document.querySelector('[data-type=\"met-with\"]'); c.checked = false; applyFilters(); })()",
        &frames_after(
            "(() => { const c = document.querySelector('[data-type=\"met-with\"]'); c.checked = true; c.dispatchEvent(new Event('change')); })()",
        ),
    );
    assert_eq!(page.eval(visible).as_u64().unwrap() as usize, big.1 + big.2);
    let min_articles = timed(
        &mut page,
        "(() => { const m = document.getElementById('min-articles'); m.value = '0'; applyFilters(); })()",
        &frames_after(
            "(() => { const m = document.getElementById('min-articles'); m.value = '3'; m.dispatchEvent(new Event('input')); })()",
        ),
    );
    let left = page.eval("geokgCy.nodes().filter(n => n.style('display') !== 'none').length");
    let want = page.eval(&format!(
        "geokgCy.nodes().filter(n => n.id() === {key} || n.data('articles') >= 3).length"
    ));
    assert_eq!(left, want, "min articles 3");
    page.eval("(() => { const m = document.getElementById('min-articles'); m.value = '0'; applyFilters(); })()");
    println!(
        "  filter redraw: met-with off {filter_off:.0} ms, on {filter_on:.0} ms; at least 3 articles {min_articles:.0} ms ({left} nodes left)"
    );
    let pan = timed(
        &mut page,
        "",
        &frames_after("geokgCy.panBy({x: 40, y: 25})"),
    );
    let zoom = timed(
        &mut page,
        "",
        &frames_after(
            "geokgCy.zoom({level: geokgCy.zoom() * 1.1, renderedPosition: {x: 300, y: 300}})",
        ),
    );
    let card = timed(&mut page, "", &frames_after(&format!("showCard({key})")));
    println!("  pan {pan:.0} ms, zoom {zoom:.0} ms, a node's card {card:.0} ms");

    for (what, (key, nodes, edges)) in [("force layout", mid), ("rings", ring)] {
        let k = serde_json::to_string(&key).unwrap();
        let ms = timed(
            &mut page,
            "state.part = null",
            &frames_after(&format!("load({k})")),
        );
        assert_eq!(drawn(&mut page), (nodes, edges), "{key}");
        println!(
            "{key}, one hop: {nodes} nodes + {edges} edges ({what}): request to layout drawn {ms:.0} ms"
        );
    }
}
