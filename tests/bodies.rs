//! End-to-end tests of how evidence sentences and article bodies are
//! stored (issue 11): each sentence once, bodies left out with `ingest
//! --no-bodies`, and a database of the layout before (SQLite migration
//! 0012, PostgreSQL 0004) read as it was. Every output must be the same
//! bytes whichever way the database was written.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;

use common::{Backend, bin, data};

on_both_backends!(no_bodies_answers_the_same);

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn run(db: &Path, args: &[&str]) -> Output {
    bin().arg("--db").arg(db).args(args).output().unwrap()
}

/// The commands that print evidence, or read the graph it supports, on
/// the development articles: every export format but csv (a folder,
/// compared on its own), `show`, `relations`, `explain`, `timeline`.
const COMMANDS: &[&[&str]] = &[
    &["export", "--format", "json"],
    &["export", "--format", "dot"],
    &["export", "--format", "graphml"],
    &["export", "--format", "gexf"],
    &["export", "--format", "events"],
    &[
        "export", "--format", "json", "--around", "Russia", "--depth", "1",
    ],
    &["show", "Russia"],
    &["show", "United States", "--format", "json"],
    &["show", "Vladimir Putin"],
    &["relations", "--all", "--format", "json", "--limit", "0"],
    &["relations", "--from", "Russia", "--evidence", "5"],
    &[
        "explain",
        "Russia",
        "opposes",
        "North Atlantic Treaty Organization",
    ],
    &[
        "explain",
        "Steve Witkoff",
        "met-with",
        "Vladimir Putin",
        "--format",
        "json",
    ],
    &["timeline", "Russia", "--format", "json"],
    &["timeline", "Ukraine"],
    &["entities", "--limit", "0"],
];

/// Each command's exit code, output and error text on `db`, with the
/// database's name (which errors may quote) made neutral.
fn answers(db: &Path) -> Vec<(Option<i32>, String, String)> {
    let name = db.to_string_lossy().into_owned();
    COMMANDS
        .iter()
        .map(|args| {
            let o = run(db, args);
            (o.status.code(), stdout(&o), stderr(&o).replace(&name, "DB"))
        })
        .collect()
}

/// `export --format csv` of `db`: each file of the folder, by name.
fn csv_files(db: &Path, dir: &Path) -> Vec<(String, Vec<u8>)> {
    let out = dir.join("csv");
    let o = run(
        db,
        &["export", "--format", "csv", "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    std::fs::remove_dir_all(&out).unwrap();
    files
}

fn ingest(db: &Path, extra: &[&str]) -> Output {
    let o = bin()
        .arg("--db")
        .arg(db)
        .arg("ingest")
        .args(extra)
        .arg(data("dev/articles"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    o
}

/// Asserts that two lists of answers are equal, naming the first command
/// whose answer differs and where (the outputs are long).
fn assert_same(
    what: &str,
    a: &[(Option<i32>, String, String)],
    b: &[(Option<i32>, String, String)],
) {
    for ((args, x), y) in COMMANDS.iter().zip(a).zip(b) {
        assert_eq!(x.0, y.0, "{what}: {args:?}: {}", y.2);
        for (p, q) in [(&x.1, &y.1), (&x.2, &y.2)] {
            let at = p.bytes().zip(q.bytes()).take_while(|(c, d)| c == d).count();
            let show = |t: &str| {
                t.get(at.saturating_sub(80)..)
                    .unwrap_or("")
                    .chars()
                    .take(200)
                    .collect::<String>()
            };
            assert!(
                p == q,
                "{what}: {args:?} differs at byte {at}:\n{}\n---\n{}",
                show(p),
                show(q)
            );
        }
    }
}

/// Protects issue 11's `ingest --no-bodies`: a database ingested without
/// bodies answers every evidence-printing command with the same bytes as
/// one ingested with them (the sentences are stored, once each); a
/// correction that must read an article's text again refuses in one line
/// naming the article and changes nothing, never panics nor reads an
/// empty body; ingesting the same articles again with their bodies
/// replaces them (not "unchanged"), after which the correction runs.
fn no_bodies_answers_the_same(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let kept = b.db(dir.path(), "kept");
    let bare = b.db(dir.path(), "bare");
    ingest(&kept, &[]);
    let o = ingest(&bare, &["--no-bodies"]);
    assert!(
        stderr(&o).contains("26 articles read (26 new, 0 replaced, 0 unchanged)"),
        "{}",
        stderr(&o)
    );
    let with = answers(&kept);
    assert!(with[0].1.len() > 50_000, "a real graph: {}", with[0].2);
    assert_same("--no-bodies", &with, &answers(&bare));
    assert_eq!(csv_files(&kept, dir.path()), csv_files(&bare, dir.path()));

    // A split moves mentions by their text: it needs the bodies.
    let split = [
        "split",
        "Vladimir Putin",
        "--alias",
        "Putin",
        "--user",
        "ana",
    ];
    let o = run(&bare, &split);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("was stored without its body (ingest --no-bodies)"),
        "{err}"
    );
    assert_same("after a refused split", &with, &answers(&bare));

    // The same texts with their bodies are written again, whole (as a
    // changed text is: new row ids), after which the split runs.
    let o = ingest(&bare, &[]);
    assert!(
        stderr(&o).contains("26 articles read (0 new, 26 replaced, 0 unchanged)"),
        "{}",
        stderr(&o)
    );
    let o = run(&bare, &split);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// The database of `path` taken back to the layout before migration 0012:
/// each evidence row holding its sentence's text, no sentence table, no
/// `body_kept` column, schema version 11.
fn to_layout_11(path: &Path) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(
        "UPDATE evidence SET text = (SELECT sn.text FROM sentence sn
             WHERE sn.article_id = evidence.article_id AND sn.headline = evidence.headline
               AND sn.idx = evidence.sentence)
          WHERE EXISTS (SELECT 1 FROM sentence sn
             WHERE sn.article_id = evidence.article_id AND sn.headline = evidence.headline
               AND sn.idx = evidence.sentence);
         DROP TABLE sentence;
         ALTER TABLE article DROP COLUMN body_kept;
         PRAGMA user_version = 11;",
    )
    .unwrap();
}

fn count(path: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// Protects the upgrade to SQLite migration 0012 (issue 11): a database
/// of the layout before, each evidence row with its own copy of its
/// sentence, opens at version 12 and answers every command with the same
/// bytes; its old rows keep their text (no sentence row is made for
/// them), while articles ingested after the upgrade store each sentence
/// once (evidence text empty) and the whole graph then equals a database
/// written by this version from the start.
#[test]
fn an_old_layout_database_reads_the_same_after_0012() {
    let dir = tempfile::tempdir().unwrap();
    let old: PathBuf = dir.path().join("old.db");
    let fresh: PathBuf = dir.path().join("fresh.db");
    ingest(&old, &[]);
    let before = answers(&old);
    to_layout_11(&old);
    let copies = "SELECT count(*) FROM evidence WHERE text <> ''";
    let rows = count(&old, copies);
    assert!(rows > 100, "old rows carry their text: {rows}");

    assert_same("upgraded", &before, &answers(&old));
    assert_eq!(count(&old, "PRAGMA user_version"), 12);
    assert_eq!(count(&old, copies), rows, "old rows keep their text");
    assert_eq!(count(&old, "SELECT count(*) FROM sentence"), 0);

    // New articles use the new layout.
    let more = data("corpus-test/articles");
    for db in [&old, &fresh] {
        let o = bin()
            .arg("--db")
            .arg(db)
            .arg("ingest")
            .arg(data("dev/articles"))
            .arg(&more)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(count(&old, copies), rows, "new rows leave text empty");
    let sentences = count(&old, "SELECT count(*) FROM sentence");
    assert!(sentences > 100, "{sentences}");
    let unread = "SELECT count(*) FROM evidence ev WHERE ev.text = '' AND NOT EXISTS (
                      SELECT 1 FROM sentence sn WHERE sn.article_id = ev.article_id
                         AND sn.headline = ev.headline AND sn.idx = ev.sentence)";
    assert_eq!(count(&old, unread), 0);
    let mixed = "SELECT count(*) FROM sentence sn WHERE EXISTS (
                     SELECT 1 FROM evidence ev WHERE ev.article_id = sn.article_id AND ev.text <> '')";
    assert_eq!(count(&old, mixed), 0, "old articles have no sentence rows");
    assert_same("old and new rows", &answers(&fresh), &answers(&old));
}
