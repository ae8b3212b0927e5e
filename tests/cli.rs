//! End-to-end tests of the real `geokg` binary on real files: extract,
//! ingest, queries, export and render, and the handling of bad input.
//! The tests that ingest into a database run on SQLite and on PostgreSQL
//! (`NAME::sqlite`, `NAME::postgres`, issue 13; the latter skip without a
//! server).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Output;

use serde_json::Value;

mod common;

use common::{Backend, bin, data, run};

on_both_backends!(
    ingest_query_export_render,
    bad_input_is_reported_and_skipped,
    resolved_edges_say_how_and_can_be_filtered,
    surnames_join_across_articles_or_are_listed_unresolved,
    ingest_json_summary,
    listings_are_bounded_and_say_what_they_left_out,
    edge_listings_are_paged_busiest_first,
    around_top_keeps_the_nearest_entities,
);

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn has_rel(x: &Value, s: &str, t: &str, o: &str) -> bool {
    x["relations"].as_array().unwrap().iter().any(|r| {
        r["source"] == s && r["type"] == t && r["target"] == o && r.get("negated").is_none()
    })
}

/// Protects the must-holds of the seed article: meetings, roles, claims,
/// opposition, one node per real thing, no self-loops.
#[test]
fn seed_article_graph() {
    let o = bin()
        .args(["extract", "--format", "json"])
        .arg(data("dev/articles/seed-001.txt"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let x: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let us = "United States";
    for (s, t, o) in [
        ("Steve Witkoff", "met-with", "Vladimir Putin"),
        ("Steve Witkoff", "represents", us),
        ("Vladimir Putin", "represents", "Russia"),
        ("Dmitry Peskov", "represents", "Russia"),
        ("Donald Trump", "represents", us),
        ("Russia", "claims", "Crimea"),
        ("Russia", "claims", "Donetsk People's Republic"),
        ("Russia", "claims", "Luhansk People's Republic"),
        ("Russia", "claims", "Kherson Oblast"),
        ("Russia", "claims", "Zaporizhzhia Oblast"),
        ("Russia", "opposes", "North Atlantic Treaty Organization"),
    ] {
        assert!(has_rel(&x, s, t, o), "missing {s} {t} {o}");
    }
    let witkoff = x["relations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["source"] == "Steve Witkoff" && r["type"] == "represents");
    assert_eq!(witkoff.unwrap()["role"], "special envoy");
    let entities = x["entities"].as_array().unwrap();
    let named = |n: &str| entities.iter().filter(|e| e["name"] == n).count();
    assert_eq!(named("Vladimir Putin"), 1);
    assert_eq!(named("Russia"), 1);
    assert_eq!(named(us), 1);
    let russia = entities.iter().find(|e| e["name"] == "Russia").unwrap();
    for alias in ["Kremlin", "Moscow", "Russian"] {
        assert!(
            russia["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == alias),
            "Russia lacks alias {alias}"
        );
    }
    let usa = entities.iter().find(|e| e["name"] == us).unwrap();
    assert!(usa["aliases"].as_array().unwrap().iter().any(|a| a == "US"));
    for r in x["relations"].as_array().unwrap() {
        assert_ne!(r["source"], r["target"], "self-loop {r}");
    }
}

/// Protects ingest, re-ingest (nothing changes), queries, show, export and render.
fn ingest_query_export_render(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let db = b.db(dir.path(), "g");
    let o = run(&["ingest", data("dev/articles").to_str().unwrap()], &db);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("26 articles read (26 new, 0 replaced, 0 unchanged), 0 failed"),
        "{}",
        stderr(&o)
    );

    // The same articles again change nothing.
    let o = run(&["ingest", data("dev/articles").to_str().unwrap()], &db);
    assert!(
        stderr(&o).contains("26 unchanged), 0 failed; 0 entities and 0 edges added"),
        "{}",
        stderr(&o)
    );

    // Names resolve through aliases, case-insensitively.
    for name in ["putin", "the Kremlin", "Russia"] {
        let o = run(&["show", name], &db);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
    }
    let o = run(&["show", "the Kremlin"], &db);
    assert!(stdout(&o).starts_with("Russia (state)"), "{}", stdout(&o));

    let o = run(
        &[
            "relations",
            "--from",
            "witkoff",
            "--type",
            "met-with",
            "--format",
            "json",
        ],
        &db,
    );
    let rels: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let first = &rels.as_array().unwrap()[0];
    for field in [
        "source",
        "source_kind",
        "type",
        "target",
        "target_kind",
        "count",
        "evidence",
    ] {
        assert!(first.get(field).is_some(), "relations json lacks {field}");
    }
    let ev = &first["evidence"][0];
    for field in ["article", "sentence", "start", "end", "text"] {
        assert!(ev.get(field).is_some(), "evidence lacks {field}");
    }

    // A symmetric edge is found from either end.
    let o = run(
        &[
            "relations",
            "--from",
            "putin",
            "--type",
            "met-with",
            "--format",
            "json",
        ],
        &db,
    );
    let rels: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        rels.as_array()
            .unwrap()
            .iter()
            .any(|r| r["source"] == "Steve Witkoff" || r["target"] == "Steve Witkoff"),
        "{rels}"
    );

    let o = run(&["export", "--format", "dot"], &db);
    assert!(o.status.success());
    let dot = stdout(&o);
    assert!(
        graphviz_rust::parse(&dot).is_ok(),
        "DOT does not parse back"
    );
    assert!(dot.contains("Vladimir Putin"));

    let svg = dir.path().join("g.svg");
    let o = run(
        &[
            "render",
            "--engine",
            "builtin",
            "--out",
            svg.to_str().unwrap(),
        ],
        &db,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("<svg") && text.contains("Vladimir Putin"));

    // Graphviz when installed (CI installs it); else the error says what to do.
    let svg2 = dir.path().join("g2.svg");
    let o = run(
        &[
            "render",
            "--engine",
            "graphviz",
            "--out",
            svg2.to_str().unwrap(),
        ],
        &db,
    );
    if geokg::render::graphviz_available() {
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(std::fs::read_to_string(&svg2).unwrap().contains("<svg"));
    } else {
        assert!(stderr(&o).contains("install graphviz"), "{}", stderr(&o));
    }
}

/// Protects bad-input handling: each bad file is named on one line, the
/// rest of the batch lands, and the exit status is non-zero.
fn bad_input_is_reported_and_skipped(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("empty.txt"), "").unwrap();
    std::fs::write(
        inputs.join("latin1.txt"),
        b"Caf\xe9 in Paris\n\nFrance met Spain.",
    )
    .unwrap();
    std::fs::write(inputs.join("binary.txt"), b"\x00\x01\x02ELF").unwrap();
    std::fs::write(
        inputs.join("feed.jsonl"),
        "{\"id\":\"a1\",\"text\":\"Russia condemned NATO.\"}\n{not json}\n{\"id\":\"a2\",\"text\":\"China opposes Taiwan independence.\"}\n",
    )
    .unwrap();
    std::fs::copy(data("dev/articles/seed-001.txt"), inputs.join("seed.txt")).unwrap();
    let db = b.db(dir.path(), "g");
    let o = run(
        &[
            "ingest",
            inputs.to_str().unwrap(),
            dir.path().join("missing.txt").to_str().unwrap(),
        ],
        &db,
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("empty.txt: empty article"), "{err}");
    assert!(err.contains("latin1.txt: not UTF-8 text"), "{err}");
    assert!(err.contains("binary.txt: binary file"), "{err}");
    assert!(err.contains("feed.jsonl:2: malformed JSON line"), "{err}");
    assert!(err.contains("missing.txt: No such file"), "{err}");
    assert!(
        err.contains("3 articles read (3 new, 0 replaced, 0 unchanged), 5 failed"),
        "{err}"
    );

    let o = run(&["relations", "--type", "nonsense"], &db);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("unknown edge type 'nonsense'"),
        "{}",
        stderr(&o)
    );
    let o = run(&["entities", "--kind", "country"], &db);
    assert!(
        stderr(&o).contains("unknown kind 'country'"),
        "{}",
        stderr(&o)
    );
    let o = run(&["show", "Atlantis"], &db);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no entity named 'Atlantis'"),
        "{}",
        stderr(&o)
    );
}

/// Protects user gazetteer files: rows in the documented format add entities
/// without a rebuild, and a bad row is refused with file and line.
#[test]
fn user_gazetteer_extends_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("extra.tsv");
    std::fs::write(
        &extra,
        "id\tkind\tname\taliases\tpart_of\tqid\tattrs\norg/zorblax\torganization\tZorblax Collective\tZorblax\t\t\t\n",
    )
    .unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Headline\nThe Zorblax Collective condemned Russia on Monday.\n",
    )
    .unwrap();
    let o = bin()
        .arg("--gazetteer")
        .arg(&extra)
        .args(["extract", "--format", "json"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let x: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        has_rel(&x, "Zorblax Collective", "opposes", "Russia"),
        "{x}"
    );

    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "id\tkind\tname\norg/x\tcountry\tX\n").unwrap();
    let o = bin()
        .arg("--gazetteer")
        .arg(&bad)
        .args(["extract", "--format", "json"])
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("bad.tsv:2: unknown kind 'country'"), "{err}");
}

/// Protects resolved edges end to end: the evidence of an edge through
/// "the Secretary" is stored with how it was resolved, `show` prints it,
/// and `--min-confidence` keeps it out of queries and `extract` while the
/// directly named edges stay.
fn resolved_edges_say_how_and_can_be_filtered(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("a.txt");
    std::fs::write(
        &art,
        "Blinken in Manila\n2023-08-01\nhttps://example.org/a\n\n\
         Secretary of State Antony Blinken met with Enrique Manalo in Manila. \
         The Secretary met with President Ferdinand Marcos Jr. on Tuesday.\n",
    )
    .unwrap();
    let db = b.db(dir.path(), "g");
    let o = run(&["ingest", art.to_str().unwrap()], &db);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["show", "Ferdinand Marcos Jr."], &db);
    assert!(
        stdout(&o).contains("via: \"The Secretary\" -> Antony Blinken;"),
        "{}",
        stdout(&o)
    );
    let met = |min: &str| -> Vec<String> {
        let o = run(
            &[
                "relations",
                "--from",
                "Blinken",
                "--type",
                "met-with",
                "--format",
                "json",
                "--min-confidence",
                min,
            ],
            &db,
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        let mut names: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let other = if r["source"] == "Antony Blinken" {
                    &r["target"]
                } else {
                    &r["source"]
                };
                other.as_str().unwrap().to_string()
            })
            .collect();
        names.sort();
        names
    };
    assert_eq!(met("0"), vec!["Enrique Manalo", "Ferdinand Marcos Jr."]);
    assert_eq!(met("0.7"), vec!["Enrique Manalo"]);
    let o = bin()
        .args(["extract", "--min-confidence", "0.7"])
        .arg(&art)
        .output()
        .unwrap();
    let x: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(has_rel(&x, "Antony Blinken", "met-with", "Enrique Manalo"));
    assert!(
        !x["relations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.get("via").is_some())
    );
    let o = bin()
        .args(["extract", "--min-confidence", "2"])
        .arg(&art)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("not a confidence between 0 and 1"),
        "{}",
        stderr(&o)
    );
}

/// Protects `eval --ablate each`: one row per mechanism, and the row of a
/// mechanism the set exercises shows what it recovered.
#[test]
fn eval_ablates_each_mechanism() {
    let o = bin()
        .args(["eval", "--ablate", "each"])
        .arg(data("dev"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for m in geokg::discourse::Mechanism::ALL {
        assert!(
            text.lines()
                .any(|l| l.split_whitespace().next() == Some(m.name())),
            "{m}: {text}"
        );
    }
    let o = bin()
        .args(["eval", "--ablate", "nope"])
        .arg(data("dev"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(stderr(&o).contains("unknown mechanism"), "{}", stderr(&o));
}

/// Protects issue 15's surname handling through the binary: a surname read
/// in one file joins the one full name read in another (the summary says
/// so), and a surname two people share stays its own node, listed by
/// `entities --unresolved` with both candidates.
fn surnames_join_across_articles_or_are_listed_unresolved(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, format!("Headline\n\n{body}\n")).unwrap();
        p.to_str().unwrap().to_string()
    };
    let a = write(
        "a.txt",
        "President Zorvatu of Moldova met Russian President Vladimir Putin.",
    );
    let b = write("b.txt", "Moldovan President Ilie Zorvatu spoke on Monday.");
    let c = write(
        "c.txt",
        "Finance Minister Ana Petrescu and her deputy Dan Petrescu met.",
    );
    let d = write("d.txt", "Minister Petrescu of Moldova met Vladimir Putin.");
    let db = backend.db(dir.path(), "g");
    let o = run(&["ingest", &a, &b, &c, &d], &db);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("; 1 surname-only mentions joined"),
        "{}",
        stderr(&o)
    );
    let o = run(&["entities", "--unresolved", "--format", "json"], &db);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let got: Vec<(String, Vec<String>)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let same = e["same_surname"].as_array().unwrap();
            (
                e["name"].as_str().unwrap().to_string(),
                same.iter()
                    .map(|n| n.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [(
            "Petrescu".to_string(),
            vec!["Ana Petrescu".to_string(), "Dan Petrescu".to_string()]
        )]
    );
}

/// Protects `ingest --format json` (issue 14, "JSON summary with --format
/// json"): one JSON object on stdout with exactly these keys and values on
/// a small batch with one malformed file and one malformed JSON line (each
/// failure with its file, line and message), then the same batch again
/// with one addressed article changed (replaced, unchanged); the skipped
/// files are still named on stderr, and the table summary is not printed.
fn ingest_json_summary(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let db = b.db(dir.path(), "g");
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    let w = |name: &str, text: &str| std::fs::write(inp.join(name), text).unwrap();
    w(
        "a.txt",
        "Head\n2024-03-01\nhttp://example.org/a\n\nRussia attacked Ukraine.\n",
    );
    w("b.txt", "Other\nFrance met Spain in Paris.\n");
    w(
        "bad.txt",
        "Head\n2024-02-30\nhttp://example.org/c\n\nIran met Iraq.\n",
    );
    w(
        "feed.jsonl",
        "{\"text\":\"India sanctioned Pakistan.\"}\n{\"text\":[1]}\n",
    );
    let ingest = || {
        bin()
            .arg("--db")
            .arg(&db)
            .args(["ingest", "--format", "json"])
            .arg(&inp)
            .output()
            .unwrap()
    };
    let check = |o: &Output, want: Value, skipped: usize| {
        assert_eq!(o.status.code(), Some(2), "{}", stderr(o));
        let mut got: Value = serde_json::from_str(&stdout(o)).unwrap();
        let elapsed = got["elapsed_seconds"].take();
        assert!(elapsed.as_f64().is_some_and(|s| s >= 0.0), "{elapsed}");
        got["elapsed_seconds"] = Value::Null;
        assert_eq!(got, want);
        let err = stderr(o);
        assert_eq!(
            err.lines()
                .filter(|l| l.starts_with("geokg: skipped "))
                .count(),
            skipped,
            "{err}"
        );
        assert!(!err.contains("articles read"), "{err}");
    };
    let failures = serde_json::json!([
        {
            "file": inp.join("bad.txt").display().to_string(),
            "line": 2,
            "message": "date '2024-02-30' is not a calendar date (YYYY-MM-DD); fix the date line or leave it blank"
        },
        {
            "file": inp.join("feed.jsonl").display().to_string(),
            "line": 2,
            "message": "malformed JSON line: field 'text' must be a string, not an array"
        }
    ]);
    check(
        &ingest(),
        serde_json::json!({
            "read": 3, "new": 3, "replaced": 0, "unchanged": 0,
            "failed": 2, "failures": failures,
            "entities_added": 6, "edges_added": 3, "surnames_joined": 0,
            "elapsed_seconds": null, "error": null
        }),
        2,
    );
    w(
        "a.txt",
        "Head\n2024-03-02\nhttp://example.org/a\n\nRussia threatened Ukraine.\n",
    );
    check(
        &ingest(),
        serde_json::json!({
            "read": 3, "new": 0, "replaced": 1, "unchanged": 2,
            "failed": 2, "failures": failures,
            "entities_added": 0, "edges_added": 1, "surnames_joined": 0,
            "elapsed_seconds": null, "error": null
        }),
        2,
    );
}

/// Protects the bounded listings of issue 11: `entities` prints one page
/// (`--limit`, `--offset`) and says how many more match and how to see
/// them (on stdout under the table, on stderr beside JSON and CSV);
/// `show` prints the first `--evidence N` pieces of each edge and says how
/// many it left out; `--limit 0` and `--evidence 0` print everything.
fn listings_are_bounded_and_say_what_they_left_out(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, date: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, format!("Headline\nDate: {date}\n\n{body}\n")).unwrap();
        p.to_str().unwrap().to_string()
    };
    let a = write(
        "a.txt",
        "2022-01-01",
        "Russia condemned NATO. Russia condemned NATO again on Monday.",
    );
    let c = write(
        "c.txt",
        "2022-02-01",
        "Russia condemned NATO. Germany and France met in Paris.",
    );
    let db = b.db(dir.path(), "g");
    let o = run(&["ingest", &a, &c], &db);
    assert!(o.status.success(), "{}", stderr(&o));

    let o = run(&["entities", "--limit", "0"], &db);
    assert!(o.status.success(), "{}", stderr(&o));
    let all = stdout(&o);
    assert!(!all.contains("more of"), "{all}");
    let o = run(&["entities", "--limit", "2"], &db);
    assert_eq!(stdout(&o), ENTITIES_PAGE_1, "{}", stderr(&o));
    let o = run(&["entities", "--limit", "2", "--offset", "2"], &db);
    assert_eq!(stdout(&o), ENTITIES_PAGE_2, "{}", stderr(&o));
    // The pages are the whole list's rows, in its order.
    let csv = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["entities", "--format", "csv"];
        all.extend_from_slice(args);
        stdout(&run(&all, &db))
            .lines()
            .skip(1)
            .map(str::to_string)
            .collect()
    };
    let whole = csv(&["--limit", "0"]);
    assert_eq!(whole.len(), 4, "{whole:?}");
    let pages = [
        csv(&["--limit", "3"]),
        csv(&["--limit", "3", "--offset", "3"]),
    ]
    .concat();
    assert_eq!(pages, whole);
    let o = run(&["entities", "--limit", "1", "--format", "csv"], &db);
    assert_eq!(stdout(&o).lines().count(), 2, "{}", stdout(&o));
    assert_eq!(
        stderr(&o),
        "note: ... 3 more of 4 (--offset 1 for the next page, --limit 0 lists them all)\n"
    );
    let o = run(&["entities", "--offset", "2", "--limit", "2"], &db);
    assert!(!stdout(&o).contains("more of"), "{}", stdout(&o));

    let o = run(&["show", "Russia", "--evidence", "1"], &db);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("      ")).collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("condemned NATO"), "{text}");
    assert_eq!(
        lines[1], "      ... 2 more of 3 (--evidence 0 lists them all)",
        "{text}"
    );
    let o = run(&["show", "Russia", "--evidence", "0"], &db);
    let text = stdout(&o);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("      ")).count(),
        3,
        "{text}"
    );
    assert!(!text.contains("more of"), "{text}");
}

/// Protects issue 11's bounded edge listings: `relations --from/--to` and
/// `show` print at most `--limit N` edges (default 50), the busiest first
/// (most articles, then source, type and target), from `--offset N`, and
/// say how many more there are (under the table or the `show` text on
/// stdout, on stderr beside JSON and CSV); the pages are the whole
/// listing's rows in its order, also when dates narrow it.
fn edge_listings_are_paged_busiest_first(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let db = b.db(dir.path(), "g");
    let o = run(&["ingest", data("dev/articles").to_str().unwrap()], &db);
    assert!(o.status.success(), "{}", stderr(&o));

    // Russia's 25 edges, in and out: the three busiest.
    let o = run(&["show", "Russia", "--limit", "3", "--evidence", "1"], &db);
    assert_eq!(stdout(&o), SHOW_RUSSIA_PAGE_1, "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let o = run(&["show", "Russia", "--limit", "0"], &db);
    assert!(!stdout(&o).contains("more edges"), "{}", stdout(&o));
    let json = run(
        &[
            "show", "Russia", "--limit", "3", "--offset", "3", "--format", "json",
        ],
        &db,
    );
    let v: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v["edges"].as_array().unwrap().len(), 3);
    assert_eq!(
        stderr(&json),
        "note: ... 19 more edges of 25 (--offset 6 for the next page, --limit 0 lists them all)\n"
    );

    // Edges to Russia (and symmetric ones from it), two per page, as CSV.
    let o = run(
        &[
            "relations",
            "--to",
            "Russia",
            "--limit",
            "2",
            "--format",
            "csv",
        ],
        &db,
    );
    assert_eq!(stdout(&o), RELATIONS_TO_RUSSIA_PAGE_1);
    assert_eq!(
        stderr(&o),
        "note: ... 13 more edges of 15 (--offset 2 for the next page, --limit 0 lists them all)\n"
    );

    // Pages, concatenated, are the whole listing; the default limit (50)
    // lists Russia's 12 edges out whole and says nothing more.
    let rows = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["relations", "--from", "Russia", "--format", "csv"];
        all.extend_from_slice(args);
        let o = run(&all, &db);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o).lines().skip(1).map(str::to_string).collect()
    };
    let whole = rows(&["--limit", "0"]);
    assert_eq!(whole.len(), 12, "{whole:?}");
    assert_eq!(rows(&[]), whole);
    let pages = [
        rows(&["--limit", "5"]),
        rows(&["--limit", "5", "--offset", "5"]),
        rows(&["--limit", "5", "--offset", "10"]),
    ]
    .concat();
    assert_eq!(pages, whole);
    let counts: Vec<usize> = whole
        .iter()
        .map(|r| r.split(',').nth(3).unwrap().parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let o = run(&["relations", "--from", "Russia"], &db);
    assert!(!stdout(&o).contains("more edges"), "{}", stdout(&o));
    let o = run(&["relations", "--from", "Russia", "--limit", "11"], &db);
    assert!(
        stdout(&o).ends_with(
            "... 1 more edges of 12 (--offset 11 for the next page, --limit 0 lists them all)\n"
        ),
        "{}",
        stdout(&o)
    );

    // Narrowed by dates, each edge is recounted: the same pages.
    let narrowed = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--since", "2014-01-01"];
        all.extend_from_slice(args);
        rows(&all)
    };
    let whole = narrowed(&["--limit", "0"]);
    assert!(whole.len() > 2 && whole.len() < 12, "{whole:?}");
    let pages = [
        narrowed(&["--limit", "2"]),
        narrowed(&["--limit", "0", "--offset", "2"]),
    ]
    .concat();
    assert_eq!(pages, whole);
}

const SHOW_RUSSIA_PAGE_1: &str = "\
Russia (state)
  id: state/RUS
  articles: 8
  aliases: Kremlin, Moscow, Russian, Russian Federation, Russians
  member of: Asia-Pacific Economic Cooperation, Arctic Council, BRICS, Commonwealth of Independent States, Collective Security Treaty Organization, Eurasian Economic Union, Group of Twenty, Normandy Format, OPEC+, UN Security Council permanent members, Shanghai Cooperation Organisation, United Nations, Union State of Russia and Belarus, United Nations Security Council
edges out:
  -attacks-> Ukraine  [3 article(s)]
      https://qhubonews.com/readout-of-president-bidens-call-with-president-volodymyr-zelenskyy-of-ukraine (2023-08-24) 179..216: rule: invasion of/noun; confidence 0.70; President Joseph R. Biden, Jr. spoke with President Volodymyr Zelenskyy of Ukraine today to congratulate him on Ukraine’s Independence Day and commemorate eighteen months since Russia’s brutal invasion of Ukraine.
      ... 3 more of 4 (--evidence 0 lists them all)
edges in:
  <-represents- Vladimir Putin  [3 article(s)]
      seed-001 59..83: role: president; rule: title; confidence 0.90; Last week, US special envoy Steve Witkoff met with Russian President Vladimir Putin as part of ongoing efforts to resolve the conflict in Ukraine.
      ... 4 more of 5 (--evidence 0 lists them all)
  <-sanctions- Barack Obama  [2 article(s)]
      http://www.voanews.com/content/crimea-applies-to-join-russia/1872664.html (2014-03-17) 1161..1200: rule: sanctions against/noun; via: \"he\" -> Barack Obama; confidence 0.52; Speaking at the White House, Obama announced that he ordered sanctions against 11 Russian and Ukrainian officials, including two top advisers to Russia's President Vladimir Putin, in addition to ousted Ukrainian President Viktor Yanukovych.
      ... 1 more of 2 (--evidence 0 lists them all)
... 22 more edges of 25 (--offset 3 for the next page, --limit 0 lists them all)
";
const RELATIONS_TO_RUSSIA_PAGE_1: &str = "\
source,type,target,count,article,evidence
Vladimir Putin,represents,Russia,3,seed-001,\"Last week, US special envoy Steve Witkoff met with Russian President Vladimir Putin as part of ongoing efforts to resolve the conflict in Ukraine.\"
Barack Obama,sanctions,Russia,2,http://www.voanews.com/content/crimea-applies-to-join-russia/1872664.html,\"Speaking at the White House, Obama announced that he ordered sanctions against 11 Russian and Ukrainian officials, including two top advisers to Russia's President Vladimir Putin, in addition to ousted Ukrainian President Viktor Yanukovych.\"
";

const ENTITIES_PAGE_1: &str = "\
name                                kind      articles  id             aliases
North Atlantic Treaty Organization  alliance  2         alliance/NATO  Atlantic Alliance|NATO|North Atlantic Alliance|North Atlant…
Russia                              state     2         state/RUS      Russian Federation
... 2 more of 4 (--offset 2 for the next page, --limit 0 lists them all)
";
const ENTITIES_PAGE_2: &str = "\
name     kind   articles  id         aliases
France   state  1         state/FRA  French Republic
Germany  state  1         state/DEU  Federal Republic of Germany
";

/// Protects `export` and `render --around X --depth D --top N` through the
/// command line (issue 11): the N entities nearest X, hop by hop, those
/// joined by the busiest edge first, and every edge among them. On the dev
/// articles Dmitry Peskov's own edges bring Russia (2 articles) and
/// Vladimir Putin (1); the second hop brings Ukraine (Russia attacks
/// Ukraine, 3) and Barack Obama (sanctions Russia, 2), before any edge
/// of one article.
fn around_top_keeps_the_nearest_entities(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let db = b.db(dir.path(), "g");
    let o = run(&["ingest", data("dev/articles").to_str().unwrap()], &db);
    assert!(o.status.success(), "{}", stderr(&o));
    type Link = (String, String, String, u64);
    let graph = |args: &[&str]| -> (Vec<String>, Vec<Link>) {
        let mut all = vec!["export", "--format", "json", "--around", "Dmitry Peskov"];
        all.extend_from_slice(args);
        let o = run(&all, &db);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        let mut nodes: Vec<String> = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect();
        nodes.sort();
        let links = v["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["source"].as_str().unwrap().to_string(),
                    l["type"].as_str().unwrap().to_string(),
                    l["target"].as_str().unwrap().to_string(),
                    l["count"].as_u64().unwrap(),
                )
            })
            .collect();
        (nodes, links)
    };
    let link = |s: &str, t: &str, o: &str, n: u64| (s.to_string(), t.to_string(), o.to_string(), n);
    let (nodes, links) = graph(&["--depth", "2", "--top", "5"]);
    assert_eq!(
        nodes,
        [
            "person/barack-obama",
            "person/dmitry-peskov",
            "person/vladimir-putin",
            "state/RUS",
            "state/UKR"
        ]
    );
    assert_eq!(
        links,
        [
            link("state/RUS", "attacks", "state/UKR", 3),
            link("person/vladimir-putin", "represents", "state/RUS", 3),
            link("person/barack-obama", "sanctions", "state/RUS", 2),
            link("person/dmitry-peskov", "represents", "state/RUS", 2),
            link("person/barack-obama", "sanctions", "state/UKR", 1),
            link(
                "person/dmitry-peskov",
                "met-with",
                "person/vladimir-putin",
                1
            ),
            link("state/UKR", "attacks", "state/RUS", 1),
        ]
    );
    // One hop, two entities: Peskov and his busiest partner.
    let (nodes, links) = graph(&["--top", "2"]);
    assert_eq!(nodes, ["person/dmitry-peskov", "state/RUS"]);
    assert_eq!(
        links,
        [link("person/dmitry-peskov", "represents", "state/RUS", 2)]
    );
    // The same five in a picture.
    let svg = dir.path().join("p.svg");
    let o = run(
        &[
            "render",
            "--around",
            "Dmitry Peskov",
            "--depth",
            "2",
            "--top",
            "5",
            "--engine",
            "builtin",
            "--out",
            svg.to_str().unwrap(),
        ],
        &db,
    );
    assert_eq!(
        stderr(&o),
        format!("wrote {} (5 nodes, 7 edges, builtin)\n", svg.display())
    );
}
