//! The page in a real browser: headless Chromium, driven over the DevTools
//! protocol, loads `geokg serve`'s page over a database ingested from real
//! articles, searches "putin" by typing, checks the nodes drawn, clicks a
//! node and an edge with the mouse and reads the card and the evidence,
//! moves the date slider and sees an edge go, and saves a screenshot.
//!
//! Without Chromium (`/usr/bin/chromium`, or `GEOKG_CHROMIUM`) the test
//! says that it skipped; with `GEOKG_REQUIRE_BROWSER=1` (set by `.ci/run`)
//! a missing browser fails it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

use common::server::{Server, get};

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GEOKG_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.exists());
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Chromium with the DevTools protocol on a free port; killed on drop.
struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One DevTools connection to a page.
struct Page {
    ws: WebSocket<TcpStream>,
    next: u64,
}

impl Page {
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let msg = json!({"id": id, "method": method, "params": params}).to_string();
        self.ws.send(Message::text(msg)).unwrap();
        loop {
            let Message::Text(text) = self.ws.read().unwrap() else {
                continue;
            };
            let v: Value = serde_json::from_str(text.as_str()).unwrap();
            if v["id"] == id {
                assert!(v.get("error").is_none(), "{method}: {v}");
                return v["result"].clone();
            }
        }
    }

    /// The value of a JavaScript expression (promises awaited).
    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "awaitPromise": true, "returnByValue": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expr}: {r}");
        r["result"]["value"].clone()
    }

    /// Waits until `expr` is truthy; fails after 20 s with what it was.
    fn wait_for(&mut self, expr: &str) -> Value {
        let start = Instant::now();
        loop {
            let v = self.eval(expr);
            if !(v.is_null() || v == json!(false) || v == json!("") || v == json!(0)) {
                return v;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {expr}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&mut self, x: f64, y: f64) {
        for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            );
        }
    }

    /// Clicks where an expression returning `[x, y]` in page pixels says.
    fn click_at(&mut self, expr: &str) {
        let p = self.eval(expr);
        let (x, y) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
        self.click(x, y);
    }
}

fn launch(exe: &PathBuf) -> (Browser, Page) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-port=0",
            "--window-size=1400,850",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("about:blank")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let mut port = None;
    for line in stderr.lines() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("DevTools listening on ws://127.0.0.1:") {
            port = rest.split('/').next().map(str::to_string);
            break;
        }
    }
    let browser = Browser {
        child,
        _profile: profile,
    };
    let port: u16 = port
        .expect("chromium printed its DevTools address")
        .parse()
        .unwrap();
    let addr = format!("127.0.0.1:{port}").parse().unwrap();
    let targets: Value = serde_json::from_str(&get(addr, "/json/list").body).unwrap();
    let url = targets
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["type"] == "page")
        .and_then(|t| t["webSocketDebuggerUrl"].as_str())
        .expect("a page target")
        .to_string();
    let stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let (ws, _) = tungstenite::client(url.as_str(), stream).unwrap();
    (browser, Page { ws, next: 0 })
}

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
    let Some(exe) = chromium() else {
        assert!(
            std::env::var_os("GEOKG_REQUIRE_BROWSER").is_none(),
            "GEOKG_REQUIRE_BROWSER is set but no chromium was found (install it: apt-get install chromium)"
        );
        eprintln!(
            "skipped: no chromium at /usr/bin/chromium or $GEOKG_CHROMIUM (apt-get install chromium)"
        );
        return;
    };
    let server = Server::start(&[
        "dev/articles/004.txt",
        "dev/articles/seed-001.txt",
        "serve/script.txt",
    ]);
    let (_browser, mut page) = launch(&exe);
    page.call(
        "Page.navigate",
        json!({"url": format!("http://{}/", server.addr)}),
    );
    page.wait_for("typeof geokgCy !== 'undefined' && state.dates.length > 0");

    // Search by typing: a suggestion, then Enter.
    page.eval("document.getElementById('search').focus()");
    page.call("Input.insertText", json!({"text": "putin"}));
    let suggestion = page.wait_for("document.querySelector('#suggestions li')?.textContent");
    assert_eq!(suggestion, "Vladimir Putin person, 3 articles");
    for kind in ["keyDown", "keyUp"] {
        page.call(
            "Input.dispatchKeyEvent",
            json!({"type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"}),
        );
    }
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

    let shot = page.call("Page.captureScreenshot", json!({"format": "png"}));
    let png = base64(shot["data"].as_str().unwrap());
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let path = std::env::var_os("GEOKG_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("geokg-serve-browser.png"));
    std::fs::write(&path, &png).unwrap();
    eprintln!("screenshot: {}", path.display());
}

/// Standard base64 without line breaks, as DevTools sends screenshots.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = text.bytes().filter(|&c| c != b'=').collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|&c| u32::from(value(c))).collect();
        let n = v.iter().fold(0, |acc, x| (acc << 6) | x) << (6 * (4 - v.len()));
        let got = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&got[..v.len() - 1]);
    }
    out
}
