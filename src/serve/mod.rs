//! `geokg serve`: a local web page over the database. HTTP (axum on a
//! small tokio runtime) in front of [`api::Api`]; the page, its script and
//! the vendored Cytoscape.js are compiled into the binary.
//!
//! Invariant: the database is opened read-only and the client sends no
//! SQL, only the API's parameters; every JSON answer escapes `<`, `>` and
//! `&`, and the page inserts article text and names as text, never as
//! markup.

pub mod api;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

pub use api::{Api, ApiError, Params, Reply};

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The address could not be bound (in use, not this machine's).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The runtime or the connection loop failed.
    #[error("server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// The page and its assets, compiled in.
const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const APP_CSS: &str = include_str!("assets/app.css");
/// Cytoscape.js, vendored at the version its header names, with its
/// licence (`assets/cytoscape.LICENSE`).
const CYTOSCAPE_JS: &str = include_str!("assets/cytoscape.min.js");
const CYTOSCAPE_LICENSE: &str = include_str!("assets/cytoscape.LICENSE");

/// The page's security policy: its own script only, no inline script, no
/// other origin.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

type Shared = Arc<Mutex<Api>>;

/// Serves `api` on `addr` until Ctrl-C (or until `stop` resolves); calls
/// `ready` with the bound address (port 0 picks a free one) before the
/// first request is taken.
pub fn run(api: Api, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(api))
            .with_graceful_shutdown(async {
                // Without a signal handler there is nothing to wait for:
                // serve until killed.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await?;
        Ok(())
    })
}

/// The routes: the page, its assets, and `/api/{endpoint}`.
pub fn router(api: Api) -> Router {
    let shared: Shared = Arc::new(Mutex::new(api));
    Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }),
        )
        .route(
            "/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }),
        )
        .route(
            "/app.css",
            get(|| async { asset("text/css; charset=utf-8", APP_CSS) }),
        )
        .route(
            "/vendor/cytoscape.min.js",
            get(|| async { asset("text/javascript; charset=utf-8", CYTOSCAPE_JS) }),
        )
        .route(
            "/vendor/cytoscape.LICENSE",
            get(|| async { asset("text/plain; charset=utf-8", CYTOSCAPE_LICENSE) }),
        )
        .route("/api/{endpoint}", get(endpoint))
        .fallback(|uri: Uri| async move { not_found(uri.path()) })
        .with_state(shared)
}

/// A path no route serves: under `/api` (a path below an endpoint, or
/// `/api` itself) the JSON error of an unknown endpoint, listing them all
/// and the closest; elsewhere plain text.
fn not_found(path: &str) -> Response {
    match path.strip_prefix("/api") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => {
            let e = ApiError::NoEndpoint(rest.trim_start_matches('/').to_string());
            json_response(e.status(), &e.to_json())
        }
        _ => {
            let mut r = (StatusCode::NOT_FOUND, "not found\n").into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            r
        }
    }
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

async fn endpoint(
    State(api): State<Shared>,
    Path(name): Path<String>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let params: Params = match query {
        Ok(Query(pairs)) => match api::params(pairs) {
            Ok(params) => params,
            Err(e) => return json_response(e.status(), &e.to_json()),
        },
        Err(e) => {
            return json_response(
                400,
                &json!({ "error": format!("bad query string: {}", e.body_text()), "status": 400 }),
            );
        }
    };
    let answer = tokio::task::spawn_blocking(move || match api.lock() {
        Ok(api) => api.handle(&name, &params),
        // A handler that panicked left the store as it was: it only reads.
        Err(poisoned) => poisoned.into_inner().handle(&name, &params),
    })
    .await;
    match answer {
        Ok(Ok(Reply::Json(v))) => json_response(200, &v),
        Ok(Ok(Reply::Text(content_type, text))) => {
            let mut r = text.into_response();
            r.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            r
        }
        Ok(Err(e)) => json_response(e.status(), &e.to_json()),
        Err(e) => json_response(
            500,
            &json!({ "error": format!("internal error: {e}"), "status": 500 }),
        ),
    }
}

/// JSON text safe to drop anywhere: `<`, `>` and `&` (which JSON allows
/// only inside strings) written as `\u` escapes.
pub fn safe_json(v: &Value) -> String {
    let text = v.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

fn json_response(status: u16, v: &Value) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut r = (code, safe_json(v)).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

/// Opens `url` in the desktop's browser (`xdg-open`, `open` on macOS,
/// `start` on Windows); the browser runs on its own.
pub fn open_in_browser(url: &str) -> std::io::Result<()> {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    cmd.arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects the promise that no answer can smuggle markup: a name
    /// holding `<script>` comes out escaped, and still parses back equal.
    #[test]
    fn json_answers_escape_markup() {
        let v = json!({"name": "<script>alert('x')</script> & co"});
        let text = safe_json(&v);
        assert_eq!(
            text,
            r#"{"name":"\u003cscript\u003ealert('x')\u003c/script\u003e \u0026 co"}"#
        );
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
    }
}
