//! Headless Chromium for the tests and the serve bench, driven by the
//! `headless_chrome` crate (the DevTools protocol: it starts the browser,
//! holds the connection and types every method). Here only where the
//! browser is, skipping without one, and the steps the tests repeat:
//! evaluate JavaScript to a JSON value, wait for a condition, click where
//! an expression says, type, press Enter, save downloads to a folder.
#![allow(dead_code, clippy::expect_used)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use headless_chrome::browser::tab::point::Point;
use headless_chrome::protocol::cdp::Browser::{
    SetDownloadBehavior, SetDownloadBehaviorBehaviorOption,
};
use headless_chrome::protocol::cdp::Emulation::SetDeviceMetricsOverride;
use headless_chrome::protocol::cdp::Input::InsertText;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::protocol::cdp::Runtime::Evaluate;
use headless_chrome::{LaunchOptions, Tab};
use serde_json::{Value, json};

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

/// Chromium with its own fresh profile: on drop the browser is closed
/// and killed, then the profile removed (retried while the browser's last
/// processes may still write to it).
pub struct Browser {
    chrome: Option<headless_chrome::Browser>,
    profile: PathBuf,
}

impl Drop for Browser {
    fn drop(&mut self) {
        drop(self.chrome.take());
        for _ in 0..40 {
            if std::fs::remove_dir_all(&self.profile).is_ok() || !self.profile.exists() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// One tab of the browser.
pub struct Page {
    tab: Arc<Tab>,
}

impl Page {
    /// Loads `url` and waits for it to be loaded.
    pub fn goto(&mut self, url: &str) {
        self.tab
            .navigate_to(url)
            .and_then(|t| t.wait_until_navigated())
            .unwrap();
    }

    /// The value of a JavaScript expression (promises awaited), as JSON
    /// (`null` for `undefined`); an exception fails the test.
    pub fn eval(&mut self, expr: &str) -> Value {
        let r = self
            .tab
            .call_method(Evaluate {
                expression: expr.to_string(),
                object_group: None,
                include_command_line_api: None,
                silent: None,
                context_id: None,
                return_by_value: Some(true),
                generate_preview: None,
                user_gesture: Some(true),
                await_promise: Some(true),
                throw_on_side_effect: None,
                timeout: None,
                disable_breaks: None,
                repl_mode: None,
                allow_unsafe_eval_blocked_by_csp: None,
                unique_context_id: None,
                serialization_options: None,
            })
            .unwrap();
        assert!(
            r.exception_details.is_none(),
            "{expr}: {:?}",
            r.exception_details
        );
        r.result.value.unwrap_or(Value::Null)
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

    /// A left click with the mouse at page pixels `(x, y)`.
    pub fn click(&mut self, x: f64, y: f64) {
        self.tab.click_point(Point { x, y }).unwrap();
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

    /// Types `text` into the focused field, as a keyboard (or an input
    /// method) would.
    pub fn type_text(&mut self, text: &str) {
        self.tab
            .call_method(InsertText {
                text: text.to_string(),
            })
            .unwrap();
    }

    /// Presses Enter.
    pub fn enter(&mut self) {
        self.tab.press_key("Enter").unwrap();
    }

    /// The page as shown, as PNG.
    pub fn screenshot(&mut self) -> Vec<u8> {
        self.tab
            .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
            .unwrap()
    }

    /// Saves the page's downloads into `dir` under the names it gives.
    pub fn allow_downloads(&mut self, dir: &Path) {
        self.tab
            .call_method(SetDownloadBehavior {
                behavior: SetDownloadBehaviorBehaviorOption::Allow,
                browser_context_id: None,
                download_path: Some(dir.display().to_string()),
                events_enabled: None,
            })
            .unwrap();
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

/// Starts Chromium (headless, a fresh profile, a 1400×850 window, no
/// sandbox: CI runs as root) and opens a tab; the browser is killed when
/// the returned [`Browser`] is dropped.
pub fn launch(exe: &Path) -> (Browser, Page) {
    let profile = tempfile::Builder::new()
        .prefix("geokg-chromium-")
        .tempdir()
        .unwrap()
        .keep();
    let args: Vec<&OsStr> = [
        "--disable-quic",
        "--disable-component-update",
        "--no-default-browser-check",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = LaunchOptions::default_builder()
        .path(Some(exe.to_path_buf()))
        .headless(true)
        .sandbox(false)
        .window_size(Some((1400, 850)))
        .user_data_dir(Some(profile.clone()))
        .args(args)
        // The connection is dropped after this long without a message
        // from the browser; the bench awaits long promises.
        .idle_browser_timeout(Duration::from_secs(300))
        .build()
        .expect("launch options");
    // Held from here, so that a failed start still removes the profile.
    let mut browser = Browser {
        chrome: None,
        profile,
    };
    let chrome = headless_chrome::Browser::new(options).expect("chromium starts");
    let tab = chrome.new_tab().expect("a tab");
    // A new tab's page is smaller than the window: set it to the
    // window's size, as a desktop browser shows it.
    tab.call_method(SetDeviceMetricsOverride {
        width: 1400,
        height: 850,
        device_scale_factor: 1.0,
        mobile: false,
        scale: None,
        screen_width: None,
        screen_height: None,
        position_x: None,
        position_y: None,
        dont_set_visible_size: None,
        screen_orientation: None,
        viewport: None,
        display_feature: None,
        device_posture: None,
    })
    .expect("the page's size");
    browser.chrome = Some(chrome);
    (browser, Page { tab })
}
