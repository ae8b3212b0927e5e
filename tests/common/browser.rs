//! Headless Chromium for the tests and the serve bench, driven over the
//! DevTools protocol (a WebSocket, `tungstenite`): launch, evaluate
//! JavaScript, wait for a condition, click with the mouse, type, and save
//! downloads to a folder.
#![allow(clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

use super::server::get;

/// The browser to drive: `GEOKG_CHROMIUM`, else Debian's `chromium`.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GEOKG_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.exists());
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// The browser, or `None` after saying that the test skipped; with
/// `GEOKG_REQUIRE_BROWSER` set (as `.ci/run` does) a missing browser fails.
pub fn chromium_or_skip() -> Option<PathBuf> {
    let exe = chromium();
    if exe.is_none() {
        assert!(
            std::env::var_os("GEOKG_REQUIRE_BROWSER").is_none(),
            "GEOKG_REQUIRE_BROWSER is set but no chromium was found (install it: apt-get install chromium)"
        );
        eprintln!(
            "skipped: no chromium at /usr/bin/chromium or $GEOKG_CHROMIUM (apt-get install chromium)"
        );
    }
    exe
}

/// Chromium with the DevTools protocol on a free port; killed on drop.
pub struct Browser {
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
pub struct Page {
    ws: WebSocket<TcpStream>,
    next: u64,
}

impl Page {
    /// Calls a DevTools method and returns its result.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
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
    pub fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "awaitPromise": true, "returnByValue": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expr}: {r}");
        r["result"]["value"].clone()
    }

    /// Waits until `expr` is truthy; fails after 20 s with what it was.
    pub fn wait_for(&mut self, expr: &str) -> Value {
        self.wait_for_within(expr, Duration::from_secs(20))
    }

    /// Waits until `expr` is truthy; fails after `limit`.
    pub fn wait_for_within(&mut self, expr: &str, limit: Duration) -> Value {
        let start = Instant::now();
        loop {
            let v = self.eval(expr);
            if !(v.is_null() || v == json!(false) || v == json!("") || v == json!(0)) {
                return v;
            }
            assert!(start.elapsed() < limit, "timed out waiting for {expr}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A left click at page pixels `(x, y)`.
    pub fn click(&mut self, x: f64, y: f64) {
        for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            );
        }
    }

    /// Clicks where an expression returning `[x, y]` in page pixels says.
    pub fn click_at(&mut self, expr: &str) {
        let p = self.eval(expr);
        let (x, y) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
        self.click(x, y);
    }

    /// Clicks the middle of the element a CSS selector finds, with the
    /// mouse (so it must be on screen and not covered).
    pub fn click_on(&mut self, selector: &str) {
        let sel = serde_json::to_string(selector).unwrap();
        self.click_at(&format!(
            "(() => {{ const e = document.querySelector({sel}); e.scrollIntoView({{block: 'center'}}); \
             const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()"
        ));
    }

    /// Clicks the node with this id in the drawing.
    pub fn click_node(&mut self, key: &str) {
        let key = serde_json::to_string(key).unwrap();
        self.click_at(&format!(
            "(() => {{ const p = geokgCy.getElementById({key}).renderedPosition(); \
             const r = document.getElementById('cy').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }})()"
        ));
    }

    /// Types `text` into the focused field, as a keyboard would.
    pub fn type_text(&mut self, text: &str) {
        self.call("Input.insertText", json!({"text": text}));
    }

    /// Presses Enter.
    pub fn enter(&mut self) {
        for kind in ["keyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({"type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"}),
            );
        }
    }

    /// Saves the page's downloads into `dir` under the names it gives.
    pub fn allow_downloads(&mut self, dir: &Path) {
        self.call(
            "Browser.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": dir.display().to_string()}),
        );
    }
}

/// Waits until a download has been written whole (`name` exists and no
/// `.crdownload` is left); fails after 20 s.
pub fn downloaded(dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    let start = Instant::now();
    loop {
        let partial = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"));
        if path.exists() && !partial {
            return std::fs::read(&path).unwrap();
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no download {name} in {}",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starts Chromium (headless, a fresh profile, a 1400×850 window) and
/// connects to its page.
pub fn launch(exe: &Path) -> (Browser, Page) {
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
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let (ws, _) = tungstenite::client(url.as_str(), stream).unwrap();
    (browser, Page { ws, next: 0 })
}

/// Standard base64 without line breaks, as DevTools sends screenshots.
pub fn base64(text: &str) -> Vec<u8> {
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
