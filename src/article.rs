//! Reads articles: the evaluation text format, plain `.txt` and JSON Lines,
//! from files, folders and stdin, one article at a time.
//!
//! Invariant: `Article::body` is exactly the bytes of the article's body as
//! they were read (after UTF-8 validation); every span elsewhere is a byte
//! offset into it.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// One news article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable identity across runs: the explicit id, else the source
    /// address, else the file stem (or `file:line` for JSON Lines).
    pub key: String,
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
}

fn line_suffix(line: Option<usize>) -> String {
    line.map(|l| format!(":{l}")).unwrap_or_default()
}

/// Checks a `YYYY-MM-DD` date (also accepts a longer ISO timestamp and keeps its date).
pub fn parse_date(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() == 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
    {
        let month: u32 = d.get(5..7)?.parse().ok()?;
        let day: u32 = d.get(8..10)?.parse().ok()?;
        if (1..=12).contains(&month) && (1..=31).contains(&day) {
            return Some(d.to_string());
        }
    }
    None
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
                if l4.trim().is_empty() && date_ok && url_ok {
                    let body = rest4.unwrap_or("");
                    if body.trim().is_empty() {
                        return Err(ArticleError::Empty {
                            path: path.to_string(),
                            line: None,
                        });
                    }
                    let url = Some(l3.trim().to_string()).filter(|s| !s.is_empty());
                    return Ok(Article {
                        key: url.clone().unwrap_or_else(|| stem.to_string()),
                        title: l1.trim().to_string(),
                        date: parse_date(l2),
                        url,
                        source: None,
                        body: body.to_string(),
                    });
                }
            }
        }
    }
    let body = match rest1 {
        Some(rest) if !rest.trim().is_empty() => rest.to_string(),
        _ => text.clone(),
    };
    Ok(Article {
        key: stem.to_string(),
        title: l1.trim().to_string(),
        date: None,
        url: None,
        source: None,
        body,
    })
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
    let field = |name: &str| -> Result<Option<String>, ArticleError> {
        match obj.get(name) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(bad(format!("field '{name}' must be a string"))),
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
        Some(d) => {
            Some(parse_date(&d).ok_or_else(|| bad(format!("date '{d}' is not YYYY-MM-DD")))?)
        }
        None => None,
    };
    let key = field("id")?
        .or_else(|| url.clone())
        .unwrap_or_else(|| format!("{path}:{line}"));
    Ok(Some(Article {
        key,
        title: field("title")?.unwrap_or_default(),
        date,
        url,
        source: field("source")?,
        body,
    }))
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
pub struct Inputs {
    pending: VecDeque<Pending>,
    lines: Option<Lines>,
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
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
            lines: None,
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

    fn open(&mut self, item: Pending) -> Option<Result<Article, ArticleError>> {
        match item {
            Pending::Stdin => {
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
                Some(parse_text("<stdin>", "stdin", &bytes))
            }
            Pending::Path(path) => {
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
                    let mut children = match std::fs::read_dir(&path) {
                        Ok(rd) => rd
                            .filter_map(|e| e.ok().map(|e| e.path()))
                            .filter(|p| {
                                p.is_dir()
                                    || is_jsonl(p)
                                    || p.extension().and_then(|e| e.to_str()) == Some("txt")
                            })
                            .collect::<Vec<_>>(),
                        Err(source) => {
                            return Some(Err(ArticleError::Io {
                                path: label,
                                source,
                            }));
                        }
                    };
                    children.sort();
                    for child in children.into_iter().rev() {
                        self.pending.push_front(Pending::Path(child));
                    }
                    return None;
                }
                if is_jsonl(&path) {
                    match File::open(&path) {
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
                    }
                } else {
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
            let item = self.pending.pop_front()?;
            if let Some(result) = self.open(item) {
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
        assert_eq!(a.key, "stem");
        assert_eq!(a.body, "The body says things.\nMore.");
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
        assert_eq!(a.key, "x1");
        assert_eq!(a.date.as_deref(), Some("2020-02-03"));
        assert!(parse_json_line("a.jsonl", 4, "   ").unwrap().is_none());
        let e = parse_json_line("a.jsonl", 5, r#"{"title":"no text"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.jsonl:5: malformed JSON line: missing the 'text' field"
        );
    }
}
