//! Reads articles: the evaluation text format, plain `.txt` and JSON Lines,
//! from files, folders and stdin, one article at a time.
//!
//! Invariant: `Article::body` is exactly the bytes of the article's body as
//! they were read (after UTF-8 validation); every span elsewhere is a byte
//! offset into it.

use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// One news article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable identity across runs (see [`identity`]): the source address
    /// when there is one, else `sha256:` and the content hash. Never a file
    /// name, `stdin` or a path as typed, so two different articles cannot
    /// share it.
    pub key: String,
    /// How the user names it in output: the JSON Lines `id`, else the
    /// source address, else the file stem (`<stdin>`, `file:line`). Not
    /// unique; only for display and for `extract`'s `id`.
    pub label: String,
    /// The headline.
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Source address.
    pub url: Option<String>,
    /// Outlet or feed name.
    pub source: Option<String>,
    /// Body text; spans are byte offsets into it.
    pub body: String,
}

impl Article {
    /// An article built from a body alone (tests, examples).
    pub fn from_body(key: &str, body: &str) -> Article {
        Article {
            key: key.to_string(),
            label: key.to_string(),
            title: String::new(),
            date: None,
            url: None,
            source: None,
            body: body.to_string(),
        }
    }

    /// Hex SHA-256 over every field; a changed article gets a new hash.
    pub fn content_hash(&self) -> String {
        let mut h = Sha256::new();
        for part in [
            self.title.as_str(),
            self.date.as_deref().unwrap_or(""),
            self.url.as_deref().unwrap_or(""),
            self.source.as_deref().unwrap_or(""),
            self.body.as_str(),
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The identity rule, the one place it is decided: an article with a
/// source address is that address (a changed text at the same address
/// replaces the stored one); one without is its content (`sha256:` and
/// [`Article::content_hash`]), so the same text read twice, from any path,
/// is stored once, and two different texts never replace each other.
pub fn identity(a: &Article) -> String {
    match a.url.as_deref().map(str::trim) {
        Some(url) if !url.is_empty() => url.to_string(),
        _ => format!("sha256:{}", a.content_hash()),
    }
}

/// Sets `key` by [`identity`].
fn keyed(mut a: Article) -> Article {
    a.key = identity(&a);
    a
}

/// Why an article could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArticleError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{path}{}: not UTF-8 text (invalid byte at offset {offset})", line_suffix(*.line))]
    NotUtf8 {
        /// The file.
        path: String,
        /// The line, for JSON Lines.
        line: Option<usize>,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The file holds NUL bytes: it is binary, not an article.
    #[error("{path}: binary file, not an article")]
    Binary {
        /// The file.
        path: String,
    },
    /// Nothing but whitespace.
    #[error("{path}{}: empty article (no text)", line_suffix(*.line))]
    Empty {
        /// The file.
        path: String,
        /// The line, for JSON Lines.
        line: Option<usize>,
    },
    /// A JSON Lines record that is not a JSON object with a `text` string.
    #[error("{path}:{line}: malformed JSON line: {message}")]
    Json {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// An evaluation-format header whose date line is not a calendar date.
    #[error(
        "{path}:2: date '{date}' is not a calendar date (YYYY-MM-DD); fix the date line or leave it blank"
    )]
    BadDate {
        /// The file.
        path: String,
        /// The date line as written.
        date: String,
    },
    /// A folder link that leads back to a folder being walked.
    #[error("{path}: link loops back to {ancestor}; skipped (each file is read once)")]
    Loop {
        /// The link.
        path: String,
        /// The folder it leads back to.
        ancestor: String,
    },
}

impl ArticleError {
    /// The file (or link) the error is about, as given or walked.
    pub fn path(&self) -> &str {
        match self {
            ArticleError::Io { path, .. }
            | ArticleError::NotUtf8 { path, .. }
            | ArticleError::Binary { path }
            | ArticleError::Empty { path, .. }
            | ArticleError::Json { path, .. }
            | ArticleError::BadDate { path, .. }
            | ArticleError::Loop { path, .. } => path,
        }
    }

    /// The 1-based line the error is on, when it is about one line.
    pub fn line(&self) -> Option<usize> {
        match self {
            ArticleError::NotUtf8 { line, .. } | ArticleError::Empty { line, .. } => *line,
            ArticleError::Json { line, .. } => Some(*line),
            ArticleError::BadDate { .. } => Some(2),
            _ => None,
        }
    }

    /// What went wrong, without the file and line in front (the message
    /// is `path[:line]: reason`).
    pub fn reason(&self) -> String {
        let full = self.to_string();
        let mut rest = full.strip_prefix(self.path()).unwrap_or(&full);
        if let Some(line) = self.line() {
            rest = rest.strip_prefix(&format!(":{line}")).unwrap_or(rest);
        }
        rest.strip_prefix(": ").unwrap_or(rest).to_string()
    }
}

/// A value from the input as an error message shows it: on one line
/// (line breaks and control characters escaped as in Rust) and at most 40
/// characters, so a message stays one readable line whatever the input.
fn shown_value(s: &str) -> String {
    const MAX: usize = 40;
    let escaped: String = s
        .chars()
        .flat_map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect();
    if escaped.chars().count() <= MAX {
        escaped
    } else {
        escaped.chars().take(MAX - 1).chain(['…']).collect()
    }
}

fn line_suffix(line: Option<usize>) -> String {
    line.map(|l| format!(":{l}")).unwrap_or_default()
}

/// Checks a `YYYY-MM-DD` date against the calendar (month 1 to 12, a day
/// that month has, 29 February only in leap years); a longer ISO timestamp
/// (`2020-02-03T10:00`, `2020-02-03 10:00`) keeps its date.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let d = s.get(..10)?;
    if !matches!(s.as_bytes().get(10), None | Some(b'T' | b' ')) {
        return None;
    }
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let year: u32 = d.get(..4)?.parse().ok()?;
    let month: u32 = d.get(5..7)?.parse().ok()?;
    let day: u32 = d.get(8..10)?.parse().ok()?;
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1 && (1..=days).contains(&day)).then(|| d.to_string())
}

/// Whether a header line is meant as a date (`2024-13-45`, `2024-1-5`):
/// four digits and a dash, then only digits and dashes up to a time.
fn date_shaped(s: &str) -> bool {
    let s = s.trim();
    let b = s.as_bytes();
    b.len() >= 6
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && s.split(['T', ' '])
            .next()
            .is_some_and(|d| d.bytes().all(|c| c.is_ascii_digit() || c == b'-'))
}

fn check_text(path: &str, bytes: &[u8]) -> Result<String, ArticleError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(ArticleError::Binary {
            path: path.to_string(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ArticleError::NotUtf8 {
        path: path.to_string(),
        line: None,
        offset: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(ArticleError::Empty {
            path: path.to_string(),
            line: None,
        });
    }
    Ok(text.to_string())
}

/// Splits off the first line: `(line without its end, rest after the newline)`.
fn split_line(s: &str) -> (&str, Option<&str>) {
    match s.find('\n') {
        Some(i) => (s[..i].trim_end_matches('\r'), Some(&s[i + 1..])),
        None => (s.trim_end_matches('\r'), None),
    }
}

/// Parses a text article. The evaluation format (headline, date or blank,
/// address or blank, blank line, body) is recognised by its blank fourth
/// line and date-shaped second line; anything else is a plain article whose
/// first line is its headline.
pub fn parse_text(path: &str, stem: &str, bytes: &[u8]) -> Result<Article, ArticleError> {
    let text = check_text(path, bytes)?;
    let (l1, rest1) = split_line(&text);
    if let Some(rest1) = rest1 {
        let (l2, rest2) = split_line(rest1);
        if let Some(rest2) = rest2 {
            let (l3, rest3) = split_line(rest2);
            if let Some(rest3) = rest3 {
                let (l4, rest4) = split_line(rest3);
                let date_ok = l2.trim().is_empty() || parse_date(l2).is_some();
                let url_ok = !l3.trim().contains(' ');
                if l4.trim().is_empty() && url_ok && !date_ok && date_shaped(l2) {
                    // Meant as the evaluation format: reading it as plain
                    // text would lose the date and address and merge the
                    // header into the body.
                    return Err(ArticleError::BadDate {
                        path: path.to_string(),
                        date: shown_value(l2.trim()),
                    });
                }
                if l4.trim().is_empty() && date_ok && url_ok {
                    let body = rest4.unwrap_or("");
                    if body.trim().is_empty() {
                        return Err(ArticleError::Empty {
                            path: path.to_string(),
                            line: None,
                        });
                    }
                    let url = Some(l3.trim().to_string()).filter(|s| !s.is_empty());
                    return Ok(keyed(Article {
                        key: String::new(),
                        label: url.clone().unwrap_or_else(|| stem.to_string()),
                        title: l1.trim().to_string(),
                        date: parse_date(l2),
                        url,
                        source: None,
                        body: body.to_string(),
                    }));
                }
            }
        }
    }
    let body = match rest1 {
        Some(rest) if !rest.trim().is_empty() => rest.to_string(),
        _ => text.clone(),
    };
    Ok(keyed(Article {
        key: String::new(),
        label: stem.to_string(),
        title: l1.trim().to_string(),
        date: None,
        url: None,
        source: None,
        body,
    }))
}

/// Parses one JSON Lines record; a blank line is `Ok(None)`.
pub fn parse_json_line(
    path: &str,
    line: usize,
    text: &str,
) -> Result<Option<Article>, ArticleError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let bad = |message: String| ArticleError::Json {
        path: path.to_string(),
        line,
        message,
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    let obj = value
        .as_object()
        .ok_or_else(|| bad("expected a JSON object".to_string()))?;
    // Every field is a string; only `id` may also be a number (feeds
    // often number their records). `"text": 12345` is a fault, not an
    // article whose body is "12345".
    let field = |name: &str| -> Result<Option<String>, ArticleError> {
        use serde_json::Value;
        match obj.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) if name == "id" => Ok(Some(n.to_string())),
            Some(v) => {
                let found = match v {
                    Value::Bool(_) => "a boolean",
                    Value::Number(_) => "a number",
                    Value::Array(_) => "an array",
                    _ => "an object",
                };
                Err(bad(format!("field '{name}' must be a string, not {found}")))
            }
        }
    };
    let body = field("text")?.ok_or_else(|| bad("missing the 'text' field".to_string()))?;
    if body.trim().is_empty() {
        return Err(ArticleError::Empty {
            path: path.to_string(),
            line: Some(line),
        });
    }
    let url = field("url")?;
    let date = match field("date")? {
        Some(d) => Some(parse_date(&d).ok_or_else(|| {
            bad(format!(
                "date '{}' is not a calendar date (YYYY-MM-DD)",
                shown_value(&d)
            ))
        })?),
        None => None,
    };
    let label = field("id")?
        .or_else(|| url.clone())
        .unwrap_or_else(|| format!("{path}:{line}"));
    Ok(Some(keyed(Article {
        key: String::new(),
        label,
        title: field("title")?.unwrap_or_default(),
        date,
        url,
        source: field("source")?,
        body,
    })))
}

/// Where one input comes from.
#[derive(Debug)]
enum Pending {
    Path(PathBuf),
    Stdin,
}

/// An open JSON Lines stream.
struct Lines {
    path: String,
    reader: Box<dyn BufRead>,
    line: usize,
}

/// Streams articles from paths (files, folders walked recursively in name
/// order, `-` for stdin), holding at most one article and one open file.
///
/// Folders are walked with `walkdir`, following links: a link back to a
/// folder being walked is reported once and not entered, an unreadable entry
/// is reported and skipped, and a file reached twice (through a link, or
/// named twice on the command line) is read once.
pub struct Inputs {
    pending: VecDeque<Pending>,
    walk: Option<walkdir::IntoIter>,
    lines: Option<Lines>,
    seen: HashSet<FileId>,
}

/// A file's identity on disk, so that one reached by two paths is read once.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(_path: &Path, meta: &std::fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn file_id(path: &Path, _meta: &std::fs::Metadata) -> FileId {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

fn is_article_file(path: &Path) -> bool {
    is_jsonl(path) || path.extension().and_then(|e| e.to_str()) == Some("txt")
}

impl Inputs {
    /// Inputs in the order given.
    pub fn new<P: AsRef<Path>>(paths: &[P]) -> Inputs {
        let pending = paths
            .iter()
            .map(|p| {
                let p = p.as_ref();
                if p == Path::new("-") {
                    Pending::Stdin
                } else {
                    Pending::Path(p.to_path_buf())
                }
            })
            .collect();
        Inputs {
            pending,
            walk: None,
            lines: None,
            seen: HashSet::new(),
        }
    }

    fn next_line(&mut self) -> Option<Result<Article, ArticleError>> {
        loop {
            let lines = self.lines.as_mut()?;
            let mut buf = Vec::new();
            match lines.reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) => {
                    lines.line += 1;
                    let text = match std::str::from_utf8(&buf) {
                        Ok(t) => t,
                        Err(e) => {
                            return Some(Err(ArticleError::NotUtf8 {
                                path: lines.path.clone(),
                                line: Some(lines.line),
                                offset: e.valid_up_to(),
                            }));
                        }
                    };
                    match parse_json_line(&lines.path, lines.line, text) {
                        Ok(None) => continue,
                        Ok(Some(a)) => return Some(Ok(a)),
                        Err(e) => return Some(Err(e)),
                    }
                }
                Err(source) => {
                    let path = lines.path.clone();
                    self.lines = None;
                    return Some(Err(ArticleError::Io { path, source }));
                }
            }
        }
    }

    /// The next file of the folder being walked: `Some(Ok(path))`, a fault
    /// to report, or `None` when the walk is over.
    fn next_walked(&mut self) -> Option<Result<PathBuf, ArticleError>> {
        let walk = self.walk.as_mut()?;
        loop {
            let entry = match walk.next() {
                None => {
                    self.walk = None;
                    return None;
                }
                Some(Ok(entry)) => entry,
                Some(Err(e)) => {
                    let path = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    if e.loop_ancestor().is_none()
                        && e.path()
                            .is_some_and(|p| p.extension().is_some() && !is_article_file(p))
                    {
                        // A broken link to a picture or the like: not an article anyway.
                        continue;
                    }
                    if let Some(ancestor) = e.loop_ancestor() {
                        return Some(Err(ArticleError::Loop {
                            path,
                            ancestor: ancestor.display().to_string(),
                        }));
                    }
                    let source = e
                        .into_io_error()
                        .unwrap_or_else(|| io::Error::other("cannot walk the folder"));
                    return Some(Err(ArticleError::Io { path, source }));
                }
            };
            if entry.file_type().is_file() && is_article_file(entry.path()) {
                return Some(Ok(entry.into_path()));
            }
        }
    }

    fn open_stdin(&mut self) -> Option<Result<Article, ArticleError>> {
        let mut reader = BufReader::new(io::stdin());
        let starts_json = match reader.fill_buf() {
            Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
            Err(source) => {
                return Some(Err(ArticleError::Io {
                    path: "<stdin>".into(),
                    source,
                }));
            }
        };
        if starts_json {
            self.lines = Some(Lines {
                path: "<stdin>".into(),
                reader: Box::new(reader),
                line: 0,
            });
            return None;
        }
        let mut bytes = Vec::new();
        if let Err(source) = reader.read_to_end(&mut bytes) {
            return Some(Err(ArticleError::Io {
                path: "<stdin>".into(),
                source,
            }));
        }
        Some(parse_text("<stdin>", "<stdin>", &bytes))
    }

    /// Opens a path: a folder starts a walk, a JSON Lines file a line
    /// stream, a text file is read whole.
    fn open(&mut self, path: PathBuf) -> Option<Result<Article, ArticleError>> {
        let label = path.display().to_string();
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(source) => {
                return Some(Err(ArticleError::Io {
                    path: label,
                    source,
                }));
            }
        };
        if meta.is_dir() {
            self.walk = Some(
                walkdir::WalkDir::new(&path)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter(),
            );
            return None;
        }
        if !self.seen.insert(file_id(&path, &meta)) {
            return None;
        }
        if is_jsonl(&path) {
            return match File::open(&path) {
                Ok(f) => {
                    self.lines = Some(Lines {
                        path: label,
                        reader: Box::new(BufReader::new(f)),
                        line: 0,
                    });
                    None
                }
                Err(source) => Some(Err(ArticleError::Io {
                    path: label,
                    source,
                })),
            };
        }
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| label.clone());
        match std::fs::read(&path) {
            Ok(bytes) => Some(parse_text(&label, &stem, &bytes)),
            Err(source) => Some(Err(ArticleError::Io {
                path: label,
                source,
            })),
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<Article, ArticleError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.lines.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            if self.walk.is_some() {
                match self.next_walked() {
                    Some(Ok(path)) => {
                        if let Some(result) = self.open(path) {
                            return Some(result);
                        }
                    }
                    Some(Err(e)) => return Some(Err(e)),
                    None => {}
                }
                continue;
            }
            let result = match self.pending.pop_front()? {
                Pending::Stdin => self.open_stdin(),
                Pending::Path(path) => self.open(path),
            };
            if let Some(result) = result {
                return Some(result);
            }
        }
    }
}

/// Reads exactly one article from a path (used by `extract`).
pub fn read_one(path: &Path) -> Result<Article, ArticleError> {
    let mut inputs = Inputs::new(&[path]);
    match inputs.next() {
        Some(result) => result,
        None => Err(ArticleError::Empty {
            path: path.display().to_string(),
            line: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects the evaluation format: headline, date, address, blank, body.
    #[test]
    fn eval_format_is_recognised() {
        let a = parse_text("x", "x", b"Head\n2024-01-31\nhttp://a/b\n\nBody one.\nTwo.").unwrap();
        assert_eq!(a.title, "Head");
        assert_eq!(a.date.as_deref(), Some("2024-01-31"));
        assert_eq!(a.key, "http://a/b");
        assert_eq!(a.body, "Body one.\nTwo.");
    }

    /// Protects plain text files: first line headline, rest body.
    #[test]
    fn plain_text_first_line_is_headline() {
        let a = parse_text("x", "stem", b"A headline\nThe body says things.\nMore.").unwrap();
        assert_eq!(a.title, "A headline");
        assert_eq!(a.label, "stem");
        assert_eq!(a.key, format!("sha256:{}", a.content_hash()));
        assert_eq!(a.body, "The body says things.\nMore.");
    }

    /// Protects issue 14's identity rule (faults 1 and 2): the address when
    /// there is one, else the content; never the file name, `stdin` or the
    /// path as typed.
    #[test]
    fn identity_is_the_address_else_the_content() {
        let one = parse_text("a/report.txt", "report", b"Head\nRussia met China.").unwrap();
        let two = parse_text("b/report.txt", "report", b"Head\nFrance met Spain.").unwrap();
        assert_ne!(one.key, two.key);
        let again = parse_text("./c/copy.txt", "copy", b"Head\nRussia met China.").unwrap();
        assert_eq!(one.key, again.key);
        let a = parse_text("<stdin>", "<stdin>", b"Head\nRussia met China.").unwrap();
        let b = parse_text("<stdin>", "<stdin>", b"Head\nIran met Iraq.").unwrap();
        assert_ne!(a.key, b.key);
        assert_eq!(a.label, "<stdin>");

        let v1 = parse_text("x", "x", b"Head\n2024-01-31\nhttp://a/b\n\nOne.").unwrap();
        let v2 = parse_text("y", "y", b"Head 2\n2024-02-01\nhttp://a/b\n\nTwo.").unwrap();
        assert_eq!(
            (v1.key.as_str(), v2.key.as_str()),
            ("http://a/b", "http://a/b")
        );
        assert_ne!(v1.content_hash(), v2.content_hash());

        let line = r#"{"text":"Russia met China."}"#;
        let j1 = parse_json_line("f.jsonl", 1, line).unwrap().unwrap();
        let j2 = parse_json_line("./f.jsonl", 1, line).unwrap().unwrap();
        let j3 = parse_json_line("/abs/f.jsonl", 1, line).unwrap().unwrap();
        assert_eq!(j1.key, j2.key);
        assert_eq!(j1.key, j3.key);
        assert_eq!(j1.label, "f.jsonl:1");
        let a = parse_json_line("f.jsonl", 1, r#"{"id":7,"text":"Hi."}"#)
            .unwrap()
            .unwrap();
        let b = parse_json_line("g.jsonl", 1, r#"{"id":7,"text":"Ho."}"#)
            .unwrap()
            .unwrap();
        assert_ne!(a.key, b.key);
        assert_eq!((a.label.as_str(), b.label.as_str()), ("7", "7"));
    }

    /// Protects calendar-correct dates (issue 14, fault 4).
    #[test]
    fn dates_follow_the_calendar() {
        for (date, ok) in [
            ("2024-02-29", true),
            ("2000-02-29", true),
            ("2023-02-29", false),
            ("1900-02-29", false),
            ("2024-02-31", false),
            ("2024-04-31", false),
            ("2024-12-31", true),
            ("2024-13-45", false),
            ("2024-00-10", false),
            ("2024-01-00", false),
            ("0000-01-01", false),
            ("2024-01-31T10:00:00Z", true),
            ("2024-01-31 10:00", true),
            ("2024-01-31xyz", false),
            ("2024-1-5", false),
        ] {
            assert_eq!(parse_date(date).is_some(), ok, "{date}");
        }
    }

    /// Protects issue 14 fault 4: a header meant as the evaluation format
    /// whose date is impossible is an error naming the file, not a plain
    /// article with the header merged into its body.
    #[test]
    fn a_bad_header_date_is_an_error() {
        for date in ["2024-13-45", "2024-02-31", "2024-1-5"] {
            let text = format!("Head\n{date}\nhttp://a/b\n\nBody.");
            let e = parse_text("f.txt", "f", text.as_bytes()).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!(
                    "f.txt:2: date '{date}' is not a calendar date (YYYY-MM-DD); fix the date line or leave it blank"
                )
            );
        }
        // A second line that is no date at all keeps the plain reading.
        let a = parse_text("f.txt", "f", b"Head\nBy A. Writer\nx\n\nBody.").unwrap();
        assert_eq!(a.title, "Head");
        assert!(a.body.starts_with("By A. Writer"));
    }

    /// Protects typed JSON Lines fields (issue 14, fault 4).
    #[test]
    fn json_fields_are_typed() {
        for (line, message) in [
            (
                r#"{"text":12345}"#,
                "field 'text' must be a string, not a number",
            ),
            (
                r#"{"text":"x","title":["a"]}"#,
                "field 'title' must be a string, not an array",
            ),
            (
                r#"{"text":"x","url":true}"#,
                "field 'url' must be a string, not a boolean",
            ),
            (
                r#"{"text":"x","date":"2024-02-31"}"#,
                "date '2024-02-31' is not a calendar date (YYYY-MM-DD)",
            ),
            // Found by fuzzing: a long date with line breaks stays one
            // short line.
            (
                r#"{"text":"x","date":"2024-01-01\nand\u0000then a long text that goes on and on"}"#,
                "date '2024-01-01\\nand\\u{0}then a long text th…' is not a calendar date (YYYY-MM-DD)",
            ),
        ] {
            let e = parse_json_line("a.jsonl", 2, line).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("a.jsonl:2: malformed JSON line: {message}")
            );
        }
    }

    /// Protects the one-line error messages for bad files.
    #[test]
    fn bad_files_are_named() {
        let e = parse_text("f.txt", "f", b"ab\xffcd")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "f.txt: not UTF-8 text (invalid byte at offset 2)");
        let e = parse_text("f.txt", "f", b"  \n ").unwrap_err().to_string();
        assert_eq!(e, "f.txt: empty article (no text)");
        let e = parse_text("f.bin", "f", b"\x00\x01")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "f.bin: binary file, not an article");
    }

    /// Protects JSON Lines parsing and its line-numbered errors.
    #[test]
    fn json_lines() {
        let a = parse_json_line(
            "a.jsonl",
            3,
            r#"{"id":"x1","text":"Hi.","date":"2020-02-03T10:00"}"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!(a.label, "x1");
        assert_eq!(a.date.as_deref(), Some("2020-02-03"));
        assert!(parse_json_line("a.jsonl", 4, "   ").unwrap().is_none());
        let e = parse_json_line("a.jsonl", 5, r#"{"title":"no text"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.jsonl:5: malformed JSON line: missing the 'text' field"
        );
    }
}
