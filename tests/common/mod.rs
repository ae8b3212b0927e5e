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
