//! Issue 14 end to end, on the real binary: article identity that cannot
//! collide, validation at the edge, folder walking with loops, read
//! commands that change nothing, atomic outputs, messages, concurrent
//! writers and kill -9 at random points; and issue 13's readers that a
//! writer holding the lock does not block. Bounded: a few hundred articles,
//! well under 20 s in all.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;

use common::{READERS, bin, data, ingest_cmd, output_within, run};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// stderr lines that start with `geokg:` or `note:` (the messages), sorted.
fn messages(o: &Output) -> Vec<String> {
    let mut lines: Vec<String> = stderr(o)
        .lines()
        .filter(|l| l.starts_with("geokg:") || l.starts_with("note:"))
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

/// The summary line of an ingest.
fn summary(o: &Output) -> String {
    stderr(o)
        .lines()
        .find(|l| l.starts_with("ingest: ") && l.contains("failed;"))
        .unwrap_or_default()
        .to_string()
}

/// Every edge as `source type target count`, sorted.
fn edges(db: &Path) -> Vec<String> {
    let o = run(&["relations", "--all", "--format", "json"], db);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let mut out: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {}",
                e["source_key"].as_str().unwrap(),
                e["type"].as_str().unwrap(),
                e["target_key"].as_str().unwrap(),
                e["count"]
            )
        })
        .collect();
    out.sort();
    out
}

/// The whole graph as the user sees it: entities with their article
/// counts and aliases, and every edge with all its evidence.
fn graph(db: &Path) -> (String, String) {
    let ents = run(&["entities", "--limit", "0", "--format", "json"], db);
    let rels = run(&["relations", "--all", "--format", "json"], db);
    assert!(ents.status.success(), "{}", stderr(&ents));
    assert!(rels.status.success(), "{}", stderr(&rels));
    (stdout(&ents), stdout(&rels))
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Protects faults 1 and 2: two files with one name in two folders, two
/// texts piped one after the other, one JSON Lines file named three ways;
/// and a changed version of an addressed article still replaces it.
#[test]
fn article_identity_cannot_collide() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let tree = dir.path().join("tree");
    write(
        &tree.join("2024-01-01/report.txt"),
        "Report\nRussia condemned NATO on Monday.\n",
    );
    write(
        &tree.join("2024-01-02/report.txt"),
        "Report\nChina opposes Taiwan independence.\n",
    );
    let o = run(&["ingest", tree.to_str().unwrap()], &db);
    assert_eq!(
        summary(&o),
        "ingest: 2 articles read (2 new, 0 replaced, 0 unchanged), 0 failed; 4 entities and 2 edges added"
    );

    for text in [
        "One\nIran accused Israel of the attack.\n",
        "Two\nFrance met Germany in Paris.\n",
    ] {
        let mut child = bin()
            .arg("--db")
            .arg(&db)
            .args(["ingest", "-"])
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        let o = child.wait_with_output().unwrap();
        assert!(summary(&o).contains("(1 new, 0 replaced"), "{}", stderr(&o));
    }

    let feed = dir.path().join("f.jsonl");
    write(
        &feed,
        "{\"text\":\"Japan met South Korea in Tokyo.\"}\n{\"id\":\"7\",\"text\":\"India sanctioned Pakistan.\"}\n",
    );
    let abs = feed.to_str().unwrap().to_string();
    for (path, want) in [
        ("f.jsonl", "(2 new, 0 replaced, 0 unchanged)"),
        ("./f.jsonl", "(0 new, 0 replaced, 2 unchanged)"),
        (abs.as_str(), "(0 new, 0 replaced, 2 unchanged)"),
    ] {
        let o = bin()
            .current_dir(dir.path())
            .arg("--db")
            .arg(&db)
            .args(["ingest", path])
            .output()
            .unwrap();
        assert!(summary(&o).contains(want), "{path}: {}", stderr(&o));
    }
    // The same feed named twice in one run is read once.
    let o = bin()
        .current_dir(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["ingest", "f.jsonl", "./f.jsonl"])
        .output()
        .unwrap();
    assert!(
        summary(&o).starts_with("ingest: 2 articles read (0 new"),
        "{}",
        stderr(&o)
    );

    let addressed = dir.path().join("v.txt");
    write(
        &addressed,
        "Head\n2024-03-01\nhttp://example.org/a\n\nRussia attacked Ukraine.\n",
    );
    run(&["ingest", addressed.to_str().unwrap()], &db);
    write(
        &addressed,
        "Head\n2024-03-02\nhttp://example.org/a\n\nRussia threatened Ukraine.\n",
    );
    let o = run(&["ingest", addressed.to_str().unwrap()], &db);
    assert!(
        summary(&o).contains("(0 new, 1 replaced, 0 unchanged)"),
        "{}",
        stderr(&o)
    );

    assert_eq!(
        edges(&db),
        [
            "state/CHN opposes state/TWN 1",
            "state/DEU met-with state/FRA 1",
            "state/IND sanctions state/PAK 1",
            "state/IRN accuses state/ISR 1",
            "state/JPN met-with state/KOR 1",
            "state/RUS opposes alliance/NATO 1",
            "state/RUS threatens state/UKR 1",
        ]
    );
}

/// Protects faults 4 and 5 and the bad-input table: each bad input is
/// named on one line with what was wrong, the rest of the batch (and of a
/// JSON Lines file) lands, and the exit status is 2.
#[test]
fn bad_input_is_named_and_the_rest_lands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let inp = dir.path().join("in");
    let cases: &[(&str, &str, &str)] = &[
        (
            "bad-month.txt",
            "Head\n2024-13-45\nhttp://a/1\n\nRussia met China.\n",
            "bad-month.txt:2: date '2024-13-45' is not a calendar date (YYYY-MM-DD); fix the date line or leave it blank",
        ),
        (
            "bad-day.txt",
            "Head\n2024-02-31\nhttp://a/2\n\nRussia met China.\n",
            "bad-day.txt:2: date '2024-02-31' is not a calendar date (YYYY-MM-DD); fix the date line or leave it blank",
        ),
        (
            "feed.jsonl",
            "{\"text\":12345}\n{\"text\":\"x\",\"date\":\"2023-02-29\"}\n{\"text\":\"Iran met Iraq.\"}\n",
            "feed.jsonl:1: malformed JSON line: field 'text' must be a string, not a number",
        ),
        (
            "",
            "",
            "feed.jsonl:2: malformed JSON line: date '2023-02-29' is not a calendar date (YYYY-MM-DD)",
        ),
        ("empty.txt", " \n", "empty.txt: empty article (no text)"),
    ];
    for (name, text, _) in cases {
        if !name.is_empty() {
            write(&inp.join(name), text);
        }
    }
    write(
        &inp.join("sub/good.txt"),
        "Good\n2024-02-29\nhttp://a/3\n\nFrance met Spain.\n",
    );
    // A folder linking to itself and one linking to its parent: each
    // reported once, no file read twice; a dangling link is skipped.
    std::os::unix::fs::symlink(".", inp.join("sub/self")).unwrap();
    std::os::unix::fs::symlink("..", inp.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", inp.join("dangling.txt")).unwrap();
    let o = run(&["ingest", inp.to_str().unwrap()], &db);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let p = |rel: &str| inp.join(rel).display().to_string();
    let mut want: Vec<String> = cases
        .iter()
        .map(|(_, _, m)| format!("geokg: skipped {}/{m}", inp.display()))
        .collect();
    want.push(format!(
        "geokg: skipped {}: No such file or directory (os error 2)",
        p("dangling.txt")
    ));
    want.push(format!(
        "geokg: skipped {}: link loops back to {}; skipped (each file is read once)",
        p("sub/self"),
        p("sub")
    ));
    want.push(format!(
        "geokg: skipped {}: link loops back to {}; skipped (each file is read once)",
        p("sub/up"),
        inp.display()
    ));
    want.sort();
    assert_eq!(messages(&o), want);
    assert_eq!(
        summary(&o),
        "ingest: 2 articles read (2 new, 0 replaced, 0 unchanged), 8 failed; 4 entities and 2 edges added"
    );
    assert_eq!(
        edges(&db),
        [
            "state/ESP met-with state/FRA 1",
            "state/IRN met-with state/IRQ 1"
        ]
    );
}

/// Protects faults 6 and 10: absurd numbers are refused as they parse,
/// with one clear line and no panic; `--match` is literal; a filter that
/// leaves nothing says so.
#[test]
fn options_are_bounded_and_filters_say_when_empty() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    for (args, line) in [
        (
            vec!["ingest", "--batch", "18446744073709551615", "x"],
            "error: invalid value '18446744073709551615' for '--batch <BATCH>': '18446744073709551615' is not a whole number from 1 to 100000",
        ),
        (
            vec!["ingest", "--batch", "0", "x"],
            "error: invalid value '0' for '--batch <BATCH>': '0' is not a whole number from 1 to 100000",
        ),
        (
            vec!["export", "--top", "0"],
            "error: invalid value '0' for '--top <TOP>': '0' is not a whole number from 1 to 1000000",
        ),
        (
            vec!["render", "--out", "x.svg", "--depth", "101"],
            "error: invalid value '101' for '--depth <DEPTH>': '101' is not a whole number from 1 to 100",
        ),
        (
            vec!["export", "--depth", "1000000000000"],
            "error: invalid value '1000000000000' for '--depth <DEPTH>': '1000000000000' is not a whole number from 1 to 100",
        ),
    ] {
        let o = run(&args, &db);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o).lines().next(), Some(line), "{args:?}");
    }
    assert!(!db.exists(), "a refused command created the database");

    // The identity rule is documented where users look.
    let help = stdout(&bin().args(["ingest", "--help"]).output().unwrap());
    assert!(
        help.contains("Identity: an article with a source address")
            && help.contains("an article without\none is identified by its content"),
        "{help}"
    );

    let a = dir.path().join("a.txt");
    write(&a, "Head\nRussia condemned NATO on Monday.\n");
    run(&["ingest", a.to_str().unwrap()], &db);
    let o = run(&["entities", "--match", "%"], &db);
    assert_eq!(messages(&o), ["note: no entities match"]);
    let o = run(&["entities", "--match", "russ", "--format", "csv"], &db);
    assert!(stdout(&o).contains("\nRussia,state,1,"), "{}", stdout(&o));
    let o = run(&["export", "--kind", "person"], &db);
    assert!(o.status.success());
    assert_eq!(
        messages(&o),
        ["note: the filters left no nodes; the output is an empty graph"]
    );
    let o = run(&["relations", "--type", "attacks"], &db);
    assert_eq!(messages(&o), ["note: no relations match"]);
}

/// Protects fault 9: a read command never creates a file and names the
/// command that makes one; a newer database is refused before anything in
/// it changes; an older one is migrated.
#[test]
fn read_commands_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo.db");
    for args in [
        vec!["entities"],
        vec!["relations"],
        vec!["show", "Nobody Atall"],
        vec!["export"],
        vec!["render", "--out", "x.svg"],
    ] {
        let o = run(&args, &typo);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(
            stderr(&o),
            format!(
                "geokg: no database at {0}; create one with `geokg --db {0} ingest ...`\n",
                typo.display()
            ),
            "{args:?}"
        );
    }
    // `show` of a name the gazetteer knows still shows its entry, and says
    // there is no database.
    let o = run(&["show", "DPRK"], &typo);
    assert!(o.status.success());
    assert!(
        stdout(&o).starts_with("North Korea (state)"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        messages(&o),
        [format!(
            "note: no database at {0}; create one with `geokg --db {0} ingest ...`",
            typo.display()
        )]
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    let newer = dir.path().join("new.db");
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99; CREATE TABLE t (x);")
        .unwrap();
    for args in [vec!["entities"], vec!["ingest", "-"]] {
        let o = run(&args, &newer);
        assert_eq!(
            stderr(&o),
            format!(
                "geokg: database {} has schema version 99, newer than this geokg understands (12); upgrade geokg or use another --db\n",
                newer.display()
            )
        );
    }
    let mode: String = rusqlite::Connection::open(&newer)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");

    // Not a database at all: one line, the file, what to do.
    let text = dir.path().join("notes.db");
    write(&text, &"not a database\n".repeat(100));
    let o = run(&["entities"], &text);
    assert_eq!(
        stderr(&o),
        format!(
            "geokg: database {0}: not a database, or damaged; check --db; to save what a damaged one holds: sqlite3 {0} .recover | sqlite3 recovered.db\n",
            text.display()
        )
    );
}

/// Protects the first part of fault 9: a database in a folder the user
/// cannot write to can be read, and reading it leaves no file beside it.
/// (As root, the read runs as `nobody` through `setpriv`.)
#[test]
fn a_database_in_a_read_only_folder_can_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ro");
    let db = folder.join("g.db");
    std::fs::create_dir(&folder).unwrap();
    let a = dir.path().join("a.txt");
    write(&a, "Head\nRussia condemned NATO on Monday.\n");
    assert!(run(&["ingest", a.to_str().unwrap()], &db).status.success());
    let mode =
        |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    mode(dir.path(), 0o755);
    mode(&folder, 0o555);
    mode(&db, 0o444);
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let mut reader = if root {
        // The binary where `nobody` may run it.
        let copy = dir.path().join("geokg");
        std::fs::copy(env!("CARGO_BIN_EXE_geokg"), &copy).unwrap();
        mode(&copy, 0o755);
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(copy);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_geokg"))
    };
    let o = reader
        .env_remove("GEOKG_DB")
        .arg("--db")
        .arg(&db)
        .args(["entities", "--format", "csv"])
        .output()
        .unwrap();
    mode(&folder, 0o755);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("\nRussia,state,1,state/RUS,"),
        "{}",
        stdout(&o)
    );
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["g.db"]);
}

/// Protects fault 3 and the CSV part of fault 10: `--out` files are
/// replaced whole or not at all (no partial or temporary file is left), and
/// a name that a spreadsheet would run as a formula is neutralised.
#[test]
fn outputs_are_atomic_and_csv_is_safe() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let extra = dir.path().join("extra.tsv");
    write(
        &extra,
        "id\tkind\tname\taliases\tpart_of\tqid\tattrs\norg/zorblax\torganization\t=Zorblax Collective\tZorblax\t\t\t\n",
    );
    let a = dir.path().join("a.txt");
    write(&a, "Head\nThe Zorblax group condemned Russia on Monday.\n");
    let with_extra = |args: &[&str]| {
        bin()
            .arg("--db")
            .arg(&db)
            .arg("--gazetteer")
            .arg(&extra)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        with_extra(&["ingest", a.to_str().unwrap()])
            .status
            .success()
    );

    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let dot = out.join("g.dot");
    let svg = out.join("g.svg");
    assert!(
        with_extra(&["export", "--out", dot.to_str().unwrap()])
            .status
            .success()
    );
    let o = with_extra(&[
        "render",
        "--engine",
        "builtin",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (dot_text, svg_text) = (
        std::fs::read_to_string(&dot).unwrap(),
        std::fs::read_to_string(&svg).unwrap(),
    );
    assert!(dot_text.contains("Zorblax") && svg_text.contains("</svg>"));
    // A failing export (unknown --around) leaves the earlier files alone.
    for args in [
        vec![
            "export",
            "--around",
            "atlantis",
            "--out",
            dot.to_str().unwrap(),
        ],
        vec![
            "render",
            "--engine",
            "builtin",
            "--around",
            "atlantis",
            "--out",
            svg.to_str().unwrap(),
        ],
    ] {
        let o = with_extra(&args);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(
            stderr(&o),
            "geokg: no entity named 'atlantis' in the database\n"
        );
    }
    assert_eq!(std::fs::read_to_string(&dot).unwrap(), dot_text);
    assert_eq!(std::fs::read_to_string(&svg).unwrap(), svg_text);

    let csv = out.join("neo4j");
    assert!(
        with_extra(&["export", "--format", "csv", "--out", csv.to_str().unwrap()])
            .status
            .success()
    );
    let nodes = std::fs::read_to_string(csv.join("nodes.csv")).unwrap();
    assert!(
        nodes.contains("\norg/zorblax,'=Zorblax Collective,organization,"),
        "{nodes}"
    );
    let o = with_extra(&["relations", "--format", "csv"]);
    assert!(
        stdout(&o).contains("\n'=Zorblax Collective,opposes,Russia,1,a,"),
        "{}",
        stdout(&o)
    );
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["g.dot", "g.svg", "neo4j"]);
}

/// Protects faults 3 and 10 on a full disk (a file size limit, with
/// SIGXFSZ ignored so that writes fail as on a full disk): the export
/// fails with one line and the earlier file is intact; an ingest fails with
/// one line naming the database, which stays good and keeps what it held.
#[test]
fn a_full_disk_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let o = run(&["ingest", data("dev/articles").to_str().unwrap()], &db);
    assert!(o.status.success());
    let dot = dir.path().join("g.dot");
    assert!(
        run(&["export", "--out", dot.to_str().unwrap()], &db)
            .status
            .success()
    );
    let before = std::fs::read(&dot).unwrap();
    assert!(before.len() > 100_000, "the export must exceed the limit");
    let limited = |kb: u32, args: &[&str]| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("trap '' XFSZ; ulimit -f {kb}; exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_geokg"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("GEOKG_DB")
            .output()
            .unwrap()
    };
    let o = limited(64, &["export", "--out", dot.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "geokg: cannot write {}: File too large (os error 27)\n",
            dot.display()
        )
    );
    assert_eq!(std::fs::read(&dot).unwrap(), before);

    let articles = |db: &Path| -> i64 {
        rusqlite::Connection::open(db)
            .unwrap()
            .query_row("SELECT count(*) FROM article", [], |r| r.get(0))
            .unwrap()
    };
    let size = std::fs::metadata(&db).unwrap().len() / 1024;
    let o = limited(
        size as u32 + 8,
        &["ingest", data("corpus-train/articles").to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        messages(&o),
        [format!(
            "geokg: database {}: could not read or write the disk; check that the disk has free space (and the file no size limit), then run again; an unfinished batch was rolled back",
            db.display()
        )]
    );
    assert_eq!(
        summary(&o),
        "ingest: 136 articles read (0 new, 0 replaced, 0 unchanged), 0 failed; 0 entities and 0 edges added"
    );
    let check: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(articles(&db), 26);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["g.db", "g.dot"]);
}

/// Protects the progress part of fault 10: a log (stderr not a terminal)
/// gets progress lines, and a re-ingest of unchanged articles skips them
/// by hash.
#[test]
fn progress_lines_go_to_a_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let samples = data("dev/articles");
    let o = run(
        &["ingest", "--progress-every", "0", samples.to_str().unwrap()],
        &db,
    );
    let err = stderr(&o);
    let progress: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("ingest: ") && l.ends_with(" s"))
        .collect();
    assert_eq!(progress.len(), 26, "{}", stderr(&o));
    assert!(progress[25].starts_with("ingest: 26 articles read (0 unchanged), 0 failed, "));
    let o = run(&["ingest", samples.to_str().unwrap()], &db);
    assert_eq!(
        summary(&o),
        "ingest: 26 articles read (0 new, 0 replaced, 26 unchanged), 0 failed; 0 entities and 0 edges added"
    );
}

/// Inputs for the concurrency and crash tests: every article of the dev
/// and training sets, as files.
fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [
        "dev/articles",
        "corpus-train/articles",
        "corpus-test/articles",
    ]
    .iter()
    .flat_map(|d| std::fs::read_dir(data(d)).unwrap())
    .map(|e| e.unwrap().path())
    .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    .collect();
    files.sort();
    files
}

/// Protects faults 7 and 8: two and four ingests started together on a new
/// database, with overlapping inputs, all succeed (they wait their turn)
/// and end with the graph of one sequential ingest; readers running
/// meanwhile never fail.
#[test]
fn concurrent_ingests_equal_one_sequential_ingest() {
    // The dev articles: the training split holds a surname ("Sherman")
    // whose joining depends on the order articles arrive in (whether the
    // full name's office is stored yet), in one process as in several.
    let files: Vec<PathBuf> = corpus()
        .into_iter()
        .filter(|p| p.starts_with(data("dev")))
        .collect();
    let files = &files[..];
    let dir = tempfile::tempdir().unwrap();
    let sequential = dir.path().join("seq.db");
    let o = ingest_cmd(&sequential, files, "5").output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let want = graph(&sequential);

    for writers in [2usize, 4] {
        let db = dir.path().join(format!("c{writers}.db"));
        // Writer i takes a window of the files, overlapping its neighbours.
        let n = files.len();
        let children: Vec<Child> = (0..writers)
            .map(|i| {
                let from = i * n / writers;
                let to = ((i + 2) * n / writers).min(n);
                let mut part: Vec<PathBuf> = files[from..to].to_vec();
                if i + 2 > writers {
                    part.extend_from_slice(&files[..n / writers]);
                }
                ingest_cmd(&db, &part, "5").spawn().unwrap()
            })
            .collect();
        let mut reads = 0;
        let started = Instant::now();
        while reads < 2 && started.elapsed() < Duration::from_secs(10) {
            if !db.exists() {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            let o = run(&["relations", "--format", "json"], &db);
            assert!(o.status.success(), "reader failed: {}", stderr(&o));
            reads += 1;
        }
        for c in children {
            let o = c.wait_with_output().unwrap();
            assert!(o.status.success(), "{writers} writers: {}", stderr(&o));
        }
        let got = graph(&db);
        assert!(got.0 == want.0, "{writers} writers: entities differ");
        assert!(got.1 == want.1, "{writers} writers: relations differ");
    }
}

/// Protects issue 13's "readers are never blocked by a running ingest" on
/// SQLite (WAL): while a write transaction is open with uncommitted
/// changes (every edge and piece of evidence deleted, more than fits in
/// the writer's page cache) and a `geokg ingest` waits behind it, a reader
/// command of every family and a running `serve` answer within seconds,
/// each exactly as before; once the transaction ends the ingest completes.
#[test]
fn readers_answer_while_a_writer_holds_the_write_lock() {
    let dev: Vec<PathBuf> = corpus()
        .into_iter()
        .filter(|p| p.starts_with(data("dev")))
        .collect();
    let more: Vec<PathBuf> = corpus()
        .into_iter()
        .filter(|p| p.starts_with(data("corpus-test")))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let o = ingest_cmd(&db, &dev, "7").output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let server = common::server::Server::over(db.clone(), tempfile::tempdir().unwrap());
    let read = |args: &[&str]| {
        output_within(
            bin().arg("--db").arg(&db).args(args),
            Duration::from_secs(30),
        )
    };
    let before = common::Answers::before(read, server.addr);

    let writing = rusqlite::Connection::open(&db).unwrap();
    writing
        .execute_batch(
            "PRAGMA cache_size = 1; BEGIN IMMEDIATE; DELETE FROM evidence; DELETE FROM edge;",
        )
        .unwrap();
    let mut writer = ingest_cmd(&db, &more, "100").spawn().unwrap();
    before.unchanged(read, server.addr, "the write");
    // All of that happened while the write lock was held, the ingest
    // waiting for it.
    assert!(writer.try_wait().unwrap().is_none());
    assert!(!writing.is_autocommit(), "the transaction is still open");
    writing.execute_batch("ROLLBACK").unwrap();
    let o = writer.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("{} new", more.len())),
        "{}",
        stderr(&o)
    );
    assert!(
        read(READERS[0]).stdout != before.first(),
        "the ingest is seen"
    );
}

/// Every stored row of the tables the graph is made of, in key order (the
/// article's ingest time left out), one line per row.
fn rows(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out = Vec::new();
    for (table, columns) in [
        (
            "article",
            "id, key, hash, title, date, url, source, body, label",
        ),
        ("entity", "*"),
        ("alias", "*"),
        ("mention", "*"),
        ("edge", "*"),
        ("evidence", "*"),
    ] {
        let mut stmt = conn
            .prepare(&format!("SELECT {columns} FROM {table} ORDER BY 1, 2, 3"))
            .unwrap();
        let n = stmt.column_count();
        let mut q = stmt.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect();
            out.push(format!("{table}: {}", cells.join(" | ")));
        }
    }
    out
}

/// Protects `ingest --jobs` (issue 11): extracting on 2 or 3 threads writes
/// exactly the rows of one thread, in the same order, with the same
/// summary, on an input with a malformed article, an article given twice
/// (more than a batch apart) and a changed version of an addressed one.
#[test]
fn jobs_write_the_database_of_one_job() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = corpus();
    let extra = dir.path().join("extra.jsonl");
    write(
        &extra,
        concat!(
            r#"{"id": "a", "title": "Talks", "date": "2024-03-01", "url": "https://example.org/a", "text": "Vladimir Putin met Xi Jinping in Moscow."}"#,
            "\n",
            "{not json\n",
            r#"{"id": "a2", "title": "Talks", "date": "2024-03-02", "url": "https://example.org/a", "text": "Vladimir Putin met Narendra Modi in Moscow."}"#,
            "\n",
        ),
    );
    files.insert(files.len() / 3, extra.clone());
    // The same text under another name, read again at the end.
    let again = dir.path().join("again.txt");
    std::fs::copy(&files[1], &again).unwrap();
    files.push(again);
    let mut want = None;
    for jobs in ["1", "2", "3"] {
        let db = dir.path().join(format!("j{jobs}.db"));
        let o = bin()
            .arg("--db")
            .arg(&db)
            .args(["ingest", "--batch", "7", "--jobs", jobs])
            .args(&files)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let got = (summary(&o), messages(&o), rows(&db), graph(&db));
        assert!(
            got.0.starts_with(
                "ingest: 238 articles read (236 new, 1 replaced, 1 unchanged), 1 failed;"
            ),
            "{}",
            got.0
        );
        assert!(got.2.len() > 1000, "{} rows", got.2.len());
        match &want {
            None => want = Some(got),
            Some(w) => {
                assert_eq!(got.0, w.0, "--jobs {jobs}: summary");
                assert_eq!(got.1, w.1, "--jobs {jobs}: messages");
                assert!(got.2 == w.2, "--jobs {jobs}: stored rows differ");
                assert!(got.3 == w.3, "--jobs {jobs}: graph differs");
            }
        }
    }
}

/// A small seeded generator, so that kill points are random and
/// reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// `(read, unchanged)` from a progress line ("ingest: 12 articles read (3
/// unchanged), 0 failed, 0 s").
fn progress_counts(line: &str) -> Option<(u64, u64)> {
    let rest = line.strip_prefix("ingest: ")?;
    let (read, rest) = rest.split_once(" articles read (")?;
    let (unchanged, _) = rest.split_once(" unchanged)")?;
    Some((read.parse().ok()?, unchanged.parse().ok()?))
}

/// Protects "nothing lost, nothing doubled" under kill -9: 20 kills at
/// seeded random points of a small ingest, resuming each time; the
/// database passes `PRAGMA integrity_check` and exports exactly what an
/// uninterrupted ingest exports.
#[test]
fn kill_nine_at_random_points_then_resume() {
    let files = corpus();
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("ref.db");
    let clean = ingest_cmd(&reference, &files, "4").spawn().unwrap();

    let db = dir.path().join("crash.db");
    let mut rng = Rng(0x1405_2026);
    let mut kills = 0;
    while kills < 20 {
        let mut child = ingest_cmd(&db, &files, "4")
            .args(["--progress-every", "0"])
            .spawn()
            .unwrap();
        // Kill it once it has extracted a random number (1 to 12) of new
        // articles: it is then anywhere in extracting, writing or
        // committing the next ones.
        let target = 1 + rng.next() % 12;
        let mut finished = true;
        for line in BufReader::new(child.stderr.take().unwrap()).lines() {
            let line = line.unwrap();
            if let Some((read, unchanged)) = progress_counts(&line)
                && read - unchanged >= target
            {
                finished = false;
                break;
            }
        }
        child.kill().unwrap();
        child.wait().unwrap();
        if finished {
            break;
        }
        kills += 1;
    }
    assert!(
        kills >= 20,
        "only {kills} kills landed before the ingest finished"
    );
    let o = ingest_cmd(&db, &files, "4").output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));

    let o = clean.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let check: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // GraphML carries every node and edge attribute (kind, type, count,
    // first and last seen).
    let a = run(&["export", "--format", "graphml"], &reference);
    let b = run(&["export", "--format", "graphml"], &db);
    assert!(a.status.success() && !stdout(&a).is_empty());
    assert!(
        stdout(&a) == stdout(&b),
        "the export differs after {kills} kills"
    );
}

/// Runs `geokg ARGS` as a user who cannot write to `dir`'s subfolders:
/// `nobody` through `setpriv` when the tests run as root (root may write
/// anywhere), else the current user; the binary is copied into `dir` so
/// that `nobody` can run it.
fn as_unprivileged(dir: &Path) -> Command {
    use std::os::unix::fs::PermissionsExt;
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let mut c = if root {
        let copy = dir.join("geokg");
        if !copy.exists() {
            std::fs::copy(env!("CARGO_BIN_EXE_geokg"), &copy).unwrap();
            std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(copy);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_geokg"))
    };
    c.env_remove("GEOKG_DB");
    c
}

/// Protects the second part of fault 9: a database left with a non-empty
/// write-ahead log (a writer killed before its checkpoint) in a folder the
/// user cannot write to. With the log's shared-memory file beside it, read
/// commands answer and see the changes in the log; without it (SQLite
/// cannot create it there), they say in one line what to do, and never
/// answer from the database file alone (that would silently drop the
/// committed changes in the log). Nothing is created in the folder.
#[test]
fn a_read_only_folder_with_a_waiting_wal() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode =
        |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    mode(dir.path(), 0o755);
    let live = dir.path().join("live");
    std::fs::create_dir(&live).unwrap();
    let db = live.join("g.db");
    let a = dir.path().join("a.txt");
    write(&a, "Head\nRussia condemned NATO on Monday.\n");
    assert!(run(&["ingest", a.to_str().unwrap()], &db).status.success());
    // A change committed to the log and not yet checkpointed; the files
    // are copied while the connection holds them, as a kill -9 leaves them.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "PRAGMA wal_autocheckpoint = 0; UPDATE entity SET name = 'Russia in the log' WHERE key = 'state/RUS';",
    )
    .unwrap();
    let wal = live.join("g.db-wal");
    assert!(std::fs::metadata(&wal).unwrap().len() > 0);
    let mut folders = Vec::new();
    for (name, with_shm) in [("with-shm", true), ("wal-only", false)] {
        let folder = dir.path().join(name);
        std::fs::create_dir(&folder).unwrap();
        let mut files = vec!["g.db", "g.db-wal"];
        if with_shm {
            files.insert(1, "g.db-shm");
        }
        for f in &files {
            std::fs::copy(live.join(f), folder.join(f)).unwrap();
            mode(&folder.join(f), 0o444);
        }
        mode(&folder, 0o555);
        folders.push((folder, files));
    }
    drop(conn);

    for (folder, files) in &folders {
        let db = folder.join("g.db");
        let o = as_unprivileged(dir.path())
            .arg("--db")
            .arg(&db)
            .args(["entities", "--format", "csv"])
            .output()
            .unwrap();
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        mode(folder, 0o755);
        assert_eq!(names, *files, "{}", stderr(&o));
        if files.contains(&"g.db-shm") {
            assert!(o.status.success(), "{}", stderr(&o));
            assert!(
                stdout(&o).contains("\nRussia in the log,state,1,state/RUS,"),
                "{}",
                stdout(&o)
            );
        } else {
            assert_eq!(o.status.code(), Some(2));
            assert_eq!(stdout(&o), "");
            assert_eq!(
                stderr(&o),
                format!(
                    "geokg: database {0}: its write-ahead log {0}-wal holds changes not yet merged, and SQLite cannot read them without creating {0}-shm in a folder you cannot write to; let a user who can write to {1} merge it (`sqlite3 {0} 'PRAGMA wal_checkpoint(TRUNCATE)'`), or copy {0} and {0}-wal to a folder you can write to and read the copy\n",
                    db.display(),
                    folder.display()
                )
            );
        }
    }
}
