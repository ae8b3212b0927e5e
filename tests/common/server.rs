//! `geokg serve` for the tests: a database ingested from fixture files,
//! the server on a free port (its address read from its first line), and a
//! plain HTTP/1.1 GET over a `TcpStream`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::Duration;

/// A running server; killed when dropped.
pub struct Server {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The database it serves.
    pub db: PathBuf,
    child: Child,
    _dir: tempfile::TempDir,
}

impl Server {
    /// Ingests `files` (paths under `tests/data`) into a fresh database and
    /// serves it on a free port of 127.0.0.1.
    pub fn start(files: &[&str]) -> Server {
        Server::start_with(None, files)
    }

    /// [`Server::start`], the articles read with an extra gazetteer file
    /// (a path under `tests/data`) when one is given.
    pub fn start_with(gazetteer: Option<&str>, files: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("serve.db");
        let mut ingest = super::bin();
        ingest.arg("--db").arg(&db);
        if let Some(g) = gazetteer {
            ingest.arg("--gazetteer").arg(super::data(g));
        }
        ingest.arg("ingest");
        for f in files {
            ingest.arg(super::data(f));
        }
        let out = ingest.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Server::over(db, dir)
    }

    /// Serves the database `db` on a free port of 127.0.0.1, keeping `dir`
    /// (which may hold it) until the server is dropped.
    pub fn over(db: PathBuf, dir: tempfile::TempDir) -> Server {
        let mut cmd = super::bin();
        cmd.arg("--db").arg(&db);
        Server::spawn(cmd, db, dir)
    }

    /// [`Server::over`], the database named by `GEOKG_DB` alone, not by
    /// `--db`.
    pub fn over_env(db: PathBuf, dir: tempfile::TempDir) -> Server {
        let mut cmd = super::bin();
        cmd.env("GEOKG_DB", &db);
        Server::spawn(cmd, db, dir)
    }

    /// Runs `cmd serve` on a free port and reads the address it prints.
    fn spawn(mut cmd: std::process::Command, db: PathBuf, dir: tempfile::TempDir) -> Server {
        let mut child = cmd
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .strip_prefix("geokg: serving http://")
            .and_then(|rest| rest.split('/').next())
            .and_then(|a| a.parse().ok())
            .expect("the first line names the address");
        Server {
            addr,
            db,
            child,
            _dir: dir,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP response.
#[derive(Debug)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: String,
    /// `Content-Security-Policy`.
    pub csp: String,
    /// The body as text.
    pub body: String,
}

/// `GET path` over a fresh connection.
pub fn get(addr: SocketAddr, path: &str) -> Response {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    // Read to the end, or to `Content-Length` (a server may keep the
    // connection open).
    let mut raw = Vec::new();
    let mut buf = [0u8; 16384];
    loop {
        let n = s.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if length.is_some_and(|len| raw.len() >= end + 4 + len) {
                break;
            }
        }
    }
    let text = String::from_utf8(raw).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let mut content_type = String::new();
    let mut csp = String::new();
    let mut chunked = false;
    for l in lines {
        let (k, v) = l.split_once(':').unwrap();
        match k.to_ascii_lowercase().as_str() {
            "content-type" => content_type = v.trim().to_string(),
            "content-security-policy" => csp = v.trim().to_string(),
            "transfer-encoding" => chunked = v.trim() == "chunked",
            _ => {}
        }
    }
    let body = if chunked {
        unchunk(body)
    } else {
        body.to_string()
    };
    Response {
        status,
        content_type,
        csp,
        body,
    }
}

fn unchunk(mut rest: &str) -> String {
    let mut out = String::new();
    loop {
        let (size, after) = rest.split_once("\r\n").unwrap();
        let n = usize::from_str_radix(size.trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.push_str(&after[..n]);
        rest = &after[n + 2..];
    }
}
