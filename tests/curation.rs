//! Curation (issue 10): corrections that survive re-ingest, on a handful
//! of short articles extracted for real and stored in memory. Each test
//! states what it protects and compares exact entity and edge sets; one
//! journey runs the binary for messages, exit codes and the review file.
//! Every test runs on SQLite and on PostgreSQL (`NAME::sqlite`,
//! `NAME::postgres`, issue 13; the latter skip without a server).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use geokg::article::Article;
use geokg::curation::{self, CurationError};
use geokg::export::{DotOptions, to_dot};
use geokg::extract::extract;
use geokg::gazetteer::Gazetteer;
use geokg::graph::{Filter, KnowledgeGraph};
use geokg::ontology::{EdgeType, Kind};
use geokg::query;
use geokg::store::{EdgeQuery, Status, Store};

mod common;

use common::{Backend, run};

on_both_backends!(
    a_merge_survives_new_and_changed_articles,
    a_rejected_edge_stays_hidden_after_reingest,
    undo_restores_the_exact_sets,
    split_moves_the_mentions_written_so,
    an_added_alias_catches_new_mentions,
    a_retype_shows_in_entities,
    export_then_import_gives_the_same_graph,
    a_correction_whose_entity_is_gone_is_stale,
    bad_input_is_one_clear_line,
    the_binary_journey,
);

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().unwrap())
}

/// An article in the evaluation format's fields, identified by its address.
fn article(url: &str, date: &str, title: &str, body: &str) -> Article {
    Article {
        key: url.to_string(),
        label: url.to_string(),
        title: title.to_string(),
        date: Some(date.to_string()),
        url: Some(url.to_string()),
        source: None,
        body: body.to_string(),
    }
}

fn b1() -> Article {
    article(
        "http://example.org/b1",
        "2022-03-05",
        "Bennett meets Putin",
        "Israeli Prime Minister Naftali Bennett met Russian President Vladimir Putin in Moscow. Russia condemned NATO.",
    )
}

fn b2() -> Article {
    article(
        "http://example.org/b2",
        "2022-03-06",
        "Bennett and Scholz",
        "British diplomat Richard Bennett met German Chancellor Olaf Scholz in Berlin. Bennett criticised Iran.",
    )
}

/// "Bennett" alone, with two Bennetts in the graph: the resolver leaves it
/// its own node, person/bennett.
fn b3() -> Article {
    article(
        "http://example.org/b3",
        "2022-03-07",
        "Bennett on Iran",
        "Mr. Bennett accused Iran of attacking shipping.",
    )
}

fn b5() -> Article {
    article(
        "http://example.org/b5",
        "2022-03-09",
        "Bennett again",
        "Mr. Bennett met Vladimir Putin in Sochi.",
    )
}

fn ingest(s: &mut Store, articles: &[Article]) {
    let g = gazetteer();
    let batch: Vec<_> = articles
        .iter()
        .map(|a| (a.clone(), extract(a, g)))
        .collect();
    s.ingest_batch(&batch, g).unwrap();
}

fn base(b: Backend) -> Store {
    let mut s = b.store();
    ingest(&mut s, &[b1(), b2(), b3()]);
    s
}

fn none(_: &str) -> Vec<String> {
    Vec::new()
}

/// Every entity as `key kind name [aliases] articles`.
fn entities(s: &Store) -> BTreeSet<String> {
    s.entities(None, None)
        .unwrap()
        .into_iter()
        .map(|e| {
            format!(
                "{} {} {} [{}] {}",
                e.key,
                e.kind,
                e.name,
                e.aliases.join("|"),
                e.articles
            )
        })
        .collect()
}

/// Every edge (negated ones too) as `source type target count`.
fn edges(s: &Store) -> BTreeSet<String> {
    s.edges(&EdgeQuery {
        include_flagged: true,
        ..EdgeQuery::default()
    })
    .unwrap()
    .into_iter()
    .map(|e| format!("{} {} {} {}", e.source_key, e.edge, e.target_key, e.count))
    .collect()
}

/// The edges touching one entity, as `source type target count`.
fn edges_of(s: &Store, key: &str) -> BTreeSet<String> {
    edges(s)
        .into_iter()
        .filter(|e| e.split(' ').take(3).any(|w| w == key))
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

const NAFTALI: &str = "person/naftali-bennett";

/// Protects the issue's first curation example: after `merge "Naftali
/// Bennett" person/bennett`, a new article naming "Mr. Bennett" (no title
/// that would name the office holder of the day) lands on the merged node,
/// and re-ingesting a changed article does not bring the second node back.
fn a_merge_survives_new_and_changed_articles(b: Backend) {
    let mut s = base(b);
    assert_eq!(
        edges_of(&s, "person/bennett"),
        set(&["person/bennett accuses state/IRN 1"])
    );
    let row = curation::merge(&mut s, "Naftali Bennett", "person/bennett", "ann", &none).unwrap();
    assert_eq!(
        (row.id, row.user.as_str(), row.status),
        (1, "ann", Status::Active)
    );
    let merged = set(&[
        "person/naftali-bennett accuses state/IRN 1",
        "person/naftali-bennett met-with person/vladimir-putin 1",
        "person/naftali-bennett represents state/ISR 1",
        "person/naftali-bennett visited region/city/524901 1",
    ]);
    assert_eq!(edges_of(&s, NAFTALI), merged);

    ingest(&mut s, &[b5()]);
    assert_eq!(
        edges_of(&s, NAFTALI),
        set(&[
            "person/naftali-bennett accuses state/IRN 1",
            "person/naftali-bennett met-with person/vladimir-putin 2",
            "person/naftali-bennett represents state/ISR 1",
            "person/naftali-bennett visited region/city/524901 1",
        ])
    );
    let mut changed = b3();
    changed.body.push_str(" Mr. Bennett also condemned Iran.");
    ingest(&mut s, &[changed]);
    assert_eq!(
        edges_of(&s, NAFTALI),
        set(&[
            "person/naftali-bennett accuses state/IRN 1",
            "person/naftali-bennett met-with person/vladimir-putin 2",
            "person/naftali-bennett opposes state/IRN 1",
            "person/naftali-bennett represents state/ISR 1",
            "person/naftali-bennett visited region/city/524901 1",
        ])
    );
    assert!(s.entity_by_key("person/bennett").unwrap().is_none());
    // The query commands see one node: "Bennett" names Naftali and Richard.
    let e = query::resolve(&s, "Bennett", Vec::new).unwrap_err();
    assert_eq!(
        e.to_string(),
        "'Bennett' names 2 entities: Naftali Bennett (person, person/naftali-bennett, 3 articles), Richard Bennett (person, person/richard-bennett, 1 articles); give one by its id"
    );
}

/// Protects reject: the edge is hidden from relations, every query and
/// the exports, stays hidden when its article is re-ingested changed, and
/// `explain` still lists its evidence, flagged rejected.
fn a_rejected_edge_stays_hidden_after_reingest(b: Backend) {
    let mut s = base(b);
    let nato = "state/RUS opposes alliance/NATO 1";
    assert!(edges(&s).contains(nato));
    curation::reject(&mut s, "Russia", "opposes", "NATO", "ann", &none).unwrap();
    let mut changed = b1();
    changed.body.push_str(" Russia also criticised NATO.");
    ingest(&mut s, &[changed]);
    assert!(
        !edges(&s).iter().any(|e| e.starts_with("state/RUS opposes")),
        "{:?}",
        edges(&s)
    );
    let q = EdgeQuery::default();
    assert!(
        s.edge_summaries(&q, None)
            .unwrap()
            .iter()
            .all(|e| e.edge != EdgeType::Opposes || e.source.key != "state/RUS")
    );
    let kg = KnowledgeGraph::from_edges(s.edges(&q).unwrap(), &Filter::default());
    let drawn: Vec<(String, EdgeType, String)> = kg
        .graph
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = kg.graph.edge_endpoints(e)?;
            Some((
                kg.graph[a].key.clone(),
                kg.graph[e].edge,
                kg.graph[b].key.clone(),
            ))
        })
        .collect();
    assert!(
        !drawn
            .iter()
            .any(|(a, _, b)| a == "state/RUS" && b == "alliance/NATO")
    );
    assert!(drawn.contains(&(
        "person/richard-bennett".to_string(),
        EdgeType::Opposes,
        "state/IRN".to_string()
    )));
    let dot = to_dot(&kg, &DotOptions::default());
    assert!(!dot.contains("Russia condemned NATO"), "{dot}");
    let russia = query::resolve(&s, "Russia", Vec::new).unwrap();
    let nato = query::resolve(&s, "NATO", Vec::new).unwrap();
    let x = query::explain(&s, &russia, EdgeType::Opposes, &nato, &q).unwrap();
    let texts: Vec<(&str, bool)> = x
        .evidence
        .iter()
        .map(|e| (e.text.as_str(), e.rejected))
        .collect();
    assert_eq!(
        texts,
        [
            ("Russia condemned NATO.", true),
            ("Russia also criticised NATO.", true)
        ]
    );
    let e = curation::reject(&mut s, "Russia", "opposes", "NATO", "ann", &none).unwrap_err();
    assert_eq!(
        e.to_string(),
        "nothing to do: Russia opposes North Atlantic Treaty Organization is already rejected"
    );
}

/// Protects undo: undoing each correction, in any order, gives back the
/// exact entity and edge sets the graph had without it.
fn undo_restores_the_exact_sets(b: Backend) {
    let mut s = base(b);
    ingest(&mut s, &[b5()]);
    let (ents, all) = (entities(&s), edges(&s));
    curation::merge(&mut s, "Naftali Bennett", "person/bennett", "ann", &none).unwrap();
    let after_merge = (entities(&s), edges(&s));
    curation::retype(&mut s, "Sochi", "organization", "ann", &none).unwrap();
    curation::reject(&mut s, "Russia", "opposes", "NATO", "ann", &none).unwrap();
    curation::alias_add(&mut s, "Vladimir Putin", "VVP", "ann", &none).unwrap();
    curation::split(&mut s, "Naftali Bennett", "Bennett", None, "ann", &none).unwrap();
    assert_ne!((entities(&s), edges(&s)), after_merge);
    for id in [5, 4, 3, 2] {
        curation::undo(&mut s, id, "bob", gazetteer()).unwrap();
    }
    assert_eq!((entities(&s), edges(&s)), after_merge);
    curation::undo(&mut s, 1, "bob", gazetteer()).unwrap();
    assert_eq!(entities(&s), ents);
    assert_eq!(edges(&s), all);
    let statuses: Vec<Status> = s.corrections().unwrap().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Status::Undone; 5]);

    // Undoing the first of two leaves the second: the graph is the one
    // with only the second made.
    let mut s = base(b);
    curation::merge(&mut s, "Naftali Bennett", "person/bennett", "ann", &none).unwrap();
    curation::retype(&mut s, "Iran", "region", "ann", &none).unwrap();
    curation::undo(&mut s, 1, "bob", gazetteer()).unwrap();
    let mut only = base(b);
    curation::retype(&mut only, "Iran", "region", "ann", &none).unwrap();
    assert_eq!((entities(&s), edges(&s)), (entities(&only), edges(&only)));
    let e = curation::undo(&mut s, 1, "bob", gazetteer()).unwrap_err();
    assert_eq!(e.to_string(), "correction 1 is already undone");
    let e = curation::undo(&mut s, 9, "bob", gazetteer()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no correction 9; list them with `geokg curation list`"
    );
}

/// Protects split, the undoing of a wrong merge by the resolver: the
/// mentions written "Bennett" and the edges read from them leave Naftali
/// Bennett for a node of their own, and a later article's stay there; the
/// evidence of an article that also names him in full stays.
fn split_moves_the_mentions_written_so(b: Backend) {
    let mut s = base(b);
    curation::merge(&mut s, "Naftali Bennett", "person/bennett", "ann", &none).unwrap();
    ingest(&mut s, &[b5()]);
    curation::split(&mut s, "Naftali Bennett", "Bennett", None, "ann", &none).unwrap();
    assert_eq!(
        edges_of(&s, "person/bennett"),
        set(&[
            "person/bennett accuses state/IRN 1",
            "person/bennett met-with person/vladimir-putin 1",
        ])
    );
    assert_eq!(
        edges_of(&s, NAFTALI),
        set(&[
            "person/naftali-bennett met-with person/vladimir-putin 1",
            "person/naftali-bennett represents state/ISR 1",
            "person/naftali-bennett visited region/city/524901 1",
        ])
    );
    // A later article: its "Mr. Bennett" stays on the split node.
    ingest(
        &mut s,
        &[article(
            "http://example.org/b6",
            "2022-03-11",
            "Bennett in Kyiv",
            "Mr. Bennett met Volodymyr Zelensky in Kyiv.",
        )],
    );
    assert_eq!(
        edges_of(&s, "person/bennett"),
        set(&[
            "person/bennett accuses state/IRN 1",
            "person/bennett met-with person/vladimir-putin 1",
            "person/bennett met-with person/volodymyr-zelensky 1",
        ])
    );
    assert_eq!(
        edges_of(&s, NAFTALI),
        set(&[
            "person/naftali-bennett met-with person/vladimir-putin 1",
            "person/naftali-bennett represents state/ISR 1",
            "person/naftali-bennett visited region/city/524901 1",
        ])
    );
    let e = curation::split(&mut s, "Naftali Bennett", "Bibi", None, "ann", &none).unwrap_err();
    assert_eq!(
        e.to_string(),
        "'Bibi' is not a name of Naftali Bennett; its names: Naftali Bennett"
    );
    let e = curation::split(
        &mut s,
        "Naftali Bennett",
        "naftali bennett",
        None,
        "ann",
        &none,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "'naftali bennett' is the name of Naftali Bennett itself; split off one of its other names"
    );
}

/// Protects alias add: a later article's mention of the new name
/// ("President Vova", which the extractor makes its own person) lands on
/// the entity, with its edges; and alias remove, which a re-ingest does
/// not undo.
fn an_added_alias_catches_new_mentions(b: Backend) {
    let mut s = base(b);
    curation::alias_add(&mut s, "Vladimir Putin", "Vova", "ann", &none).unwrap();
    ingest(
        &mut s,
        &[article(
            "http://example.org/v1",
            "2022-03-10",
            "Vova in Berlin",
            "President Vova met German Chancellor Olaf Scholz in Berlin.",
        )],
    );
    assert!(s.entity_by_key("person/vova").unwrap().is_none());
    assert_eq!(
        edges_of(&s, "person/vladimir-putin"),
        set(&[
            "person/naftali-bennett met-with person/vladimir-putin 1",
            "person/olaf-scholz met-with person/vladimir-putin 1",
            "person/vladimir-putin represents state/RUS 1",
            "person/vladimir-putin visited region/city/2950159 1",
        ])
    );
    assert_eq!(
        query::resolve(&s, "vova", Vec::new).unwrap().key,
        "person/vladimir-putin"
    );
    curation::alias_remove(&mut s, "Vladimir Putin", "Putin", "ann", &none).unwrap();
    // A changed article that names him "Putin" again does not bring the
    // alias back.
    let mut changed = b1();
    changed.body.push_str(" Putin spoke.");
    ingest(&mut s, &[changed]);
    assert_eq!(
        query::resolve(&s, "Putin", Vec::new)
            .unwrap_err()
            .to_string(),
        "no entity named 'Putin' in the database; closest: Vladimir Putin"
    );
}

/// Protects retype: the new kind shows in `entities` and survives the
/// re-ingest of a changed article.
fn a_retype_shows_in_entities(b: Backend) {
    let mut s = base(b);
    curation::retype(&mut s, "Iran", "region", "ann", &none).unwrap();
    let mut changed = b2();
    changed.body.push_str(" Iran denied it.");
    ingest(&mut s, &[changed]);
    let regions: Vec<String> = s
        .entities(Some(Kind::Region), None)
        .unwrap()
        .into_iter()
        .map(|e| e.key)
        .collect();
    // Iran retyped, beside the cities visited ("met ... in Berlin", "in Moscow").
    assert_eq!(
        regions,
        ["state/IRN", "region/city/2950159", "region/city/524901"]
    );
}

/// Protects the review file: exported from one database and imported into
/// a fresh one built from the same articles, it gives the same corrected
/// graph; importing it again changes nothing.
fn export_then_import_gives_the_same_graph(b: Backend) {
    let mut s = base(b);
    curation::merge(&mut s, "Naftali Bennett", "person/bennett", "ann", &none).unwrap();
    curation::reject(&mut s, "Russia", "opposes", "NATO", "bob", &none).unwrap();
    curation::retype(&mut s, "Iran", "region", "ann", &none).unwrap();
    curation::alias_add(&mut s, "Vladimir Putin", "VVP", "ann", &none).unwrap();
    curation::retype(&mut s, "Israel", "region", "ann", &none).unwrap();
    curation::undo(&mut s, 5, "ann", gazetteer()).unwrap();
    let text = curation::export(&s.corrections().unwrap());
    assert_eq!(text.lines().filter(|l| !l.starts_with('#')).count(), 5);
    assert!(text.contains(
        "\nmerge\tperson/naftali-bennett\tNaftali Bennett\tperson/bennett\tBennett\t\t\t\tann\t"
    ));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.tsv");
    std::fs::write(&file, &text).unwrap();
    let mut fresh = base(b);
    let done = curation::import(&mut fresh, &file).unwrap();
    assert_eq!((done.added.len(), done.skipped), (4, 0));
    assert_eq!(entities(&fresh), entities(&s));
    assert_eq!(edges(&fresh), edges(&s));
    let again = curation::import(&mut fresh, &file).unwrap();
    assert_eq!((again.added.len(), again.skipped), (0, 4));
    assert_eq!(fresh.corrections().unwrap().len(), 4);

    std::fs::write(&file, text.replace("\tregion\t", "\tprovince\t")).unwrap();
    let e = curation::import(&mut fresh, &file).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:6: unknown kind 'province' (expected one of: person, state, region, alliance, organization)",
            file.display()
        )
    );
    std::fs::write(&file, "merge\ta\tb\n").unwrap();
    assert!(matches!(
        curation::import(&mut fresh, &file),
        Err(CurationError::File { line: 1, .. })
    ));
}

/// Protects the stale rule: a correction whose entity or edge is gone
/// after its article was replaced is reported stale and not applied to
/// anything else.
fn a_correction_whose_entity_is_gone_is_stale(b: Backend) {
    let mut s = base(b);
    curation::reject(&mut s, "Russia", "opposes", "NATO", "ann", &none).unwrap();
    curation::retype(&mut s, "Richard Bennett", "organization", "ann", &none).unwrap();
    let mut replaced = b1();
    replaced.body =
        "Israeli Prime Minister Naftali Bennett met Russian President Vladimir Putin in Moscow."
            .into();
    let mut gone = b2();
    gone.body = "Germany criticised Iran.".into();
    ingest(&mut s, &[replaced, gone]);
    let statuses: Vec<Status> = s.corrections().unwrap().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Status::Stale, Status::Stale]);
    assert!(
        s.entities(Some(Kind::Organization), None)
            .unwrap()
            .is_empty()
    );
    // The article comes back: so does the correction.
    ingest(&mut s, &[b2()]);
    let statuses: Vec<Status> = s.corrections().unwrap().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Status::Stale, Status::Active]);
    assert_eq!(
        s.entities(Some(Kind::Organization), None).unwrap()[0].key,
        "person/richard-bennett"
    );
}

/// Protects the messages of bad input: unknown names suggest the closest,
/// ambiguous ones list the candidates, unknown kinds and types list the
/// known ones, a missing edge lists those that join the two.
fn bad_input_is_one_clear_line(b: Backend) {
    let mut s = base(b);
    let cases: Vec<(Result<_, CurationError>, &str)> = vec![
        (
            curation::merge(&mut s, "Naftaly Benet", "Bennett", "ann", &none),
            "no entity named 'Naftaly Benet' in the database; closest: Naftali Bennett",
        ),
        (
            curation::merge(&mut s, "Naftali Bennett", "Bennett", "ann", &none),
            "'Bennett' names 3 entities: Bennett (person, person/bennett, 1 articles), Naftali Bennett (person, person/naftali-bennett, 1 articles), Richard Bennett (person, person/richard-bennett, 1 articles); give one by its id",
        ),
        (
            curation::merge(&mut s, "Russia", "state/RUS", "ann", &none),
            "'Russia' and 'state/RUS' are the same entity",
        ),
        (
            curation::retype(&mut s, "Iran", "country", "ann", &none),
            "unknown kind 'country' (expected one of: person, state, region, alliance, organization)",
        ),
        (
            curation::retype(&mut s, "Iran", "state", "ann", &none),
            "nothing to do: Iran is already a state",
        ),
        (
            curation::reject(&mut s, "Russia", "hates", "NATO", "ann", &none),
            "unknown edge type 'hates' (expected one of: met-with, visited, claims, opposes, supports, accuses, threatens, sanctions, attacks, cooperates-with, member-of, represents)",
        ),
        (
            curation::reject(&mut s, "Russia", "attacks", "NATO", "ann", &none),
            "no edge Russia attacks North Atlantic Treaty Organization in the database; the edges that join them: Russia opposes North Atlantic Treaty Organization",
        ),
        (
            curation::alias_add(&mut s, "Iran", "Persia", "ann", &none),
            "nothing to do: 'Persia' already names Iran",
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got.unwrap_err().to_string(), want);
    }
    assert!(s.corrections().unwrap().is_empty());
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn write(dir: &Path, name: &str, a: &Article) -> String {
    let path = dir.join(name);
    let text = format!(
        "{}\n{}\n{}\n\n{}\n",
        a.title,
        a.date.as_deref().unwrap_or(""),
        a.url.as_deref().unwrap_or(""),
        a.body
    );
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Protects the commands end to end on the binary: who is recorded,
/// the stale note after an ingest, the formats, one-line errors with exit
/// status 2, and the review file through `--out` and `import`.
fn the_binary_journey(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let db = b.db(dir.path(), "g");
    let files: Vec<String> = [("b1.txt", b1()), ("b2.txt", b2()), ("b3.txt", b3())]
        .iter()
        .map(|(n, a)| write(dir.path(), n, a))
        .collect();
    let ingest_all = |db: &Path| {
        let mut args = vec!["ingest"];
        args.extend(files.iter().map(String::as_str));
        let o = run(&args, db);
        assert!(o.status.success(), "{}", stderr(&o));
        o
    };
    ingest_all(&db);
    let o = run(
        &[
            "merge",
            "Naftali Bennett",
            "person/bennett",
            "--user",
            "ann",
            "--format",
            "csv",
        ],
        &db,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let line = stdout(&o);
    assert!(
        line.starts_with("id,user,time,command,correction,status\n1,ann,"),
        "{line}"
    );
    assert!(
        line.ends_with(",merge,Bennett into Naftali Bennett,active\n"),
        "{line}"
    );
    let o = run(
        &["reject", "Russia", "opposes", "NATO", "--user", "bob"],
        &db,
    );
    assert!(o.status.success(), "{}", stderr(&o));

    let o = run(&["retype", "Iran", "nation"], &db);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "geokg: unknown kind 'nation' (expected one of: person, state, region, alliance, organization)\n"
    );
    let o = run(&["curation", "undo", "7"], &db);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "geokg: no correction 7; list them with `geokg curation list`\n"
    );

    // The article of the rejected edge changes: the reject is stale, said
    // after the ingest.
    let mut replaced = b1();
    replaced.body =
        "Israeli Prime Minister Naftali Bennett met Russian President Vladimir Putin in Moscow."
            .into();
    let changed = write(dir.path(), "b1.txt", &replaced);
    let o = run(&["ingest", &changed], &db);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("note: correction 2 (reject Russia opposes North Atlantic Treaty Organization) no longer applies: no edge Russia opposes North Atlantic Treaty Organization in the database any more; kept, not applied (`geokg curation undo 2` drops it)\n"),
        "{}",
        stderr(&o)
    );
    let o = run(&["curation", "list", "--format", "json"], &db);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let got: Vec<(i64, &str, &str, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_i64().unwrap(),
                r["user"].as_str().unwrap(),
                r["command"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [(1, "ann", "merge", "active"), (2, "bob", "reject", "stale")]
    );

    let file = dir.path().join("review.tsv");
    let o = run(
        &["curation", "export", "--out", file.to_str().unwrap()],
        &db,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let fresh = b.db(dir.path(), "fresh");
    ingest_all(&fresh);
    for skipped in [0, 2] {
        let o = run(&["curation", "import", file.to_str().unwrap()], &fresh);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stderr(&o).starts_with(&format!(
                "import: {} corrections recorded, {skipped} already recorded and skipped\n",
                2 - skipped
            )),
            "{}",
            stderr(&o)
        );
    }
    let rels = |db: &Path| stdout(&run(&["relations", "--format", "csv"], db));
    assert_eq!(rels(&fresh), rels(&db));
    assert!(rels(&fresh).contains("\nNaftali Bennett,accuses,Iran,1,"));
}
