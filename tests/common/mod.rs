//! Helpers shared by the end-to-end tests: the built binary with a clean
//! environment, the fixtures folder, and running against one database.
//! (`browser.rs` beside it, the headless browser, is included only by the
//! tests that drive one, so the others do not build against its crate.)
#![allow(dead_code, clippy::unwrap_used)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub mod server;

/// The `geokg` binary under test, without the user's `GEOKG_DB`.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_geokg"));
    c.env_remove("GEOKG_DB");
    c
}

/// A path under `tests/data`.
pub fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

/// Runs `geokg --db DB ARGS...`.
pub fn run(args: &[&str], db: &Path) -> Output {
    bin().arg("--db").arg(db).args(args).output().unwrap()
}

/// `geokg --db DB ingest --batch N FILES...`, its output discarded and its
/// errors kept, ready to spawn (several at once in the concurrency tests).
pub fn ingest_cmd(db: impl AsRef<OsStr>, files: &[PathBuf], batch: &str) -> Command {
    let mut c = bin();
    c.arg("--db")
        .arg(db)
        .args(["ingest", "--batch", batch])
        .args(files)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// A store backend a store-facing test runs on (issue 13: the store and
/// CLI suites run against both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite database: in memory, or a file in the test's folder.
    Sqlite,
    /// A fresh database on the server `GEOKG_TEST_POSTGRES` names.
    Postgres,
}

impl Backend {
    /// Whether a test can run on it: SQLite always; PostgreSQL when
    /// `GEOKG_TEST_POSTGRES` names a server, else the test says that it
    /// skipped, unless `GEOKG_REQUIRE_POSTGRES` is set (as `.ci/run`
    /// sets it): then it fails.
    pub fn available(self) -> bool {
        match self {
            Backend::Sqlite => true,
            Backend::Postgres => postgres_server().is_some(),
        }
    }

    /// A fresh, empty store.
    pub fn store(self) -> geokg::store::Store {
        match self {
            Backend::Sqlite => geokg::store::Store::open_in_memory().unwrap(),
            Backend::Postgres => {
                geokg::store::Store::open(&PathBuf::from(fresh_postgres("store").unwrap())).unwrap()
            }
        }
    }

    /// A fresh database as `--db` names it: a file `NAME.db` in `dir`, or
    /// a new PostgreSQL database.
    pub fn db(self, dir: &Path, name: &str) -> PathBuf {
        match self {
            Backend::Sqlite => dir.join(format!("{name}.db")),
            Backend::Postgres => PathBuf::from(fresh_postgres(name).unwrap()),
        }
    }
}

/// Defines, for each function `NAME(Backend)`, the tests `NAME::sqlite`
/// and `NAME::postgres` (which skips, saying so, without a server).
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[test]
                fn sqlite() {
                    super::$name($crate::common::Backend::Sqlite);
                }
                #[test]
                fn postgres() {
                    if $crate::common::Backend::Postgres.available() {
                        super::$name($crate::common::Backend::Postgres);
                    }
                }
            }
        )*
    };
}

/// The test server's address, `GEOKG_TEST_POSTGRES`; none (with a note)
/// when no server is given and none is required.
pub fn postgres_server() -> Option<String> {
    let Ok(server) = std::env::var("GEOKG_TEST_POSTGRES") else {
        assert!(
            std::env::var_os("GEOKG_REQUIRE_POSTGRES").is_none(),
            "GEOKG_REQUIRE_POSTGRES is set but GEOKG_TEST_POSTGRES names no server"
        );
        eprintln!("skipped: no PostgreSQL (set GEOKG_TEST_POSTGRES, as .ci/run does)");
        return None;
    };
    Some(server)
}

/// A fresh, empty database on the test server, as a `--db` address; none
/// (with a note) when no server is given and none is required.
pub fn fresh_postgres(name: &str) -> Option<String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let server = postgres_server()?;
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let db = format!("geokg_{name}_{}_{n}", std::process::id());
    let mut c = postgres::Client::connect(&server, postgres::NoTls)
        .map_err(|e| format!("cannot connect to GEOKG_TEST_POSTGRES {server}: {e}"))
        .unwrap();
    // One statement each: a multi-statement string runs as one
    // transaction, where these are not allowed.
    c.batch_execute(&format!("DROP DATABASE IF EXISTS {db}"))
        .unwrap();
    c.batch_execute(&format!("CREATE DATABASE {db}")).unwrap();
    let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
    Some(format!("{base}/{db}"))
}

/// Runs `cmd` to its end, failing the test when it has not ended within
/// `limit` (it is killed first): a reader that waits for a writer fails
/// the test instead of hanging it.
pub fn output_within(cmd: &mut Command, limit: std::time::Duration) -> Output {
    let started = std::time::Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes aside, so that a big answer cannot fill one and stall
    // the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reading = std::thread::spawn(move || {
        use std::io::Read;
        let mut o = Vec::new();
        out.read_to_end(&mut o).unwrap();
        o
    });
    let erring = std::thread::spawn(move || {
        use std::io::Read;
        let mut e = Vec::new();
        err.read_to_end(&mut e).unwrap();
        e
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        let late = started.elapsed() > limit;
        if late {
            let _ = child.kill();
            let _ = child.wait();
        }
        assert!(
            !late,
            "{cmd:?} did not end within {} s",
            limit.as_secs_f64()
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    Output {
        status,
        stdout: reading.join().unwrap(),
        stderr: erring.join().unwrap(),
    }
}

/// Reader commands of every family (listings, show, export, graph
/// queries, timeline, corrections listed), each answering from the
/// database alone: what the tests of "readers are never blocked" run
/// while a writer holds the write lock.
pub const READERS: &[&[&str]] = &[
    &["entities", "--limit", "0", "--format", "json"],
    &["relations", "--all", "--format", "json"],
    &["show", "Russia", "--format", "json"],
    &["export", "--format", "json"],
    &["path", "Russia", "Ukraine"],
    &["neighbors", "Russia", "--depth", "2"],
    &["top", "--by", "pagerank"],
    &["communities"],
    &["timeline", "Russia"],
    &["diff", "--before", "2022-12-31", "--after", "2023-01-01"],
    &["curation", "list"],
];

/// The API paths the tests of "readers are never blocked" ask `serve`.
pub const READER_PATHS: &[&str] = &[
    "/api/info",
    "/api/entities?q=russ",
    "/api/neighbors?name=Russia&depth=2",
    "/api/timeline?name=Russia",
];

/// What every command of `READERS` (run by `read`) and every path of
/// `READER_PATHS` (asked of the server at `addr`) answered before a writer
/// took the write lock; each reader must have succeeded with an answer.
pub struct Answers {
    readers: Vec<Output>,
    api: Vec<String>,
}

impl Answers {
    pub fn before(read: impl Fn(&[&str]) -> Output, addr: std::net::SocketAddr) -> Answers {
        let readers: Vec<Output> = READERS.iter().map(|a| read(a)).collect();
        for (args, o) in READERS.iter().zip(&readers) {
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
            assert!(!o.stdout.is_empty(), "{args:?} answered nothing");
        }
        let api = READER_PATHS
            .iter()
            .map(|p| server::get(addr, p).body)
            .collect();
        Answers { readers, api }
    }

    /// What the first reader (the entity listing) answered before.
    pub fn first(&self) -> &[u8] {
        &self.readers[0].stdout
    }

    /// Every reader and path answers now exactly as before (`during` says
    /// what is going on, for the message).
    pub fn unchanged(
        &self,
        read: impl Fn(&[&str]) -> Output,
        addr: std::net::SocketAddr,
        during: &str,
    ) {
        for (args, old) in READERS.iter().zip(&self.readers) {
            let o = read(args);
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
            assert!(
                o.stdout == old.stdout,
                "{args:?}: a reader during {during} answered otherwise than before it"
            );
        }
        for (path, old) in READER_PATHS.iter().zip(&self.api) {
            let r = server::get(addr, path);
            assert_eq!(r.status, 200, "{path}");
            assert!(&r.body == old, "{path}: served otherwise during {during}");
        }
    }
}
