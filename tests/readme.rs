//! The README's tour cannot drift (issue 14, fault 11): every command in
//! its `console` blocks (`$ geokg ...`) is run in order with the real
//! binary, in a fresh folder where `data/` and `tests/` are the
//! repository's (so the tour uses only what a clone has) and `docs/` is
//! empty, and what the README shows under it must be exactly what the
//! command prints, stdout and stderr interleaved as on a terminal.
//!
//! Rules of the comparison, so that the README can abridge visibly:
//! - a line that is exactly `...` stands for one or more lines left out;
//! - trailing spaces are ignored;
//! - `ingest`'s periodic progress lines (`ingest: N articles read (N
//!   unchanged), N failed, N s`, which depend on the machine's speed) are
//!   left out of the real output;
//! - without Graphviz's `dot` on the PATH, a command whose README output
//!   says `graphviz` still runs but its output is not compared (a note is
//!   printed).
//!
//! Commands may use `"..."` or `'...'` quoting, `&&` between commands, a
//! `> FILE` redirection of stdout and a trailing `# comment`.
//!
//! `UPDATE_README=1 cargo test --test readme` writes the real output of
//! every command that differs into README.md (dropping any `...` in it), so
//! that after an intended change the diff shows what changed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One `$ ` line of the README with the lines shown under it.
struct Step {
    /// The command line, without `$ `.
    command: String,
    /// Index in the README's lines of the first output line.
    first: usize,
    /// The output lines shown.
    shown: Vec<String>,
}

/// Every `$ ` line in the README's `console` blocks, in order.
fn steps(readme: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut in_console = false;
    for (i, line) in readme.lines().enumerate() {
        if !in_console {
            in_console = line.trim_end() == "```console";
            continue;
        }
        if line.trim_end() == "```" {
            in_console = false;
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            steps.push(Step {
                command: command.to_string(),
                first: i + 1,
                shown: Vec::new(),
            });
        } else {
            let step = steps.last_mut().expect("output before any command");
            step.shown.push(line.to_string());
        }
    }
    steps
}

/// A command line split into commands (at `&&`), each into words, with an
/// optional stdout redirection.
fn parse(line: &str) -> Vec<(Vec<String>, Option<String>)> {
    let mut commands = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut redirect = None;
    let mut word = String::new();
    let mut has_word = false;
    let mut quote: Option<char> = None;
    let mut chars = line.chars().peekable();
    fn end_word(word: &mut String, has_word: &mut bool, words: &mut Vec<String>) {
        if *has_word {
            words.push(std::mem::take(word));
            *has_word = false;
        }
    }
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                has_word = true;
            }
            (None, '#') if !has_word => break,
            (None, ' ') => end_word(&mut word, &mut has_word, &mut words),
            (None, '&') if chars.peek() == Some(&'&') => {
                chars.next();
                end_word(&mut word, &mut has_word, &mut words);
                commands.push((std::mem::take(&mut words), redirect.take()));
            }
            (None, '>') => {
                end_word(&mut word, &mut has_word, &mut words);
                redirect = Some(String::new());
            }
            (None, c) => {
                word.push(c);
                has_word = true;
            }
        }
    }
    end_word(&mut word, &mut has_word, &mut words);
    assert!(quote.is_none(), "unclosed quote in {line:?}");
    commands.push((words, redirect));
    // Move each `> FILE` word out of the arguments.
    commands
        .into_iter()
        .map(|(mut words, redirect)| match redirect {
            Some(_) => {
                let file = words.pop().expect("`>` without a file");
                (words, Some(file))
            }
            None => (words, None),
        })
        .collect()
}

/// Runs one README command line in `dir`; stdout and stderr interleaved.
fn run(dir: &Path, line: &str) -> String {
    let mut out = Vec::new();
    for (words, redirect) in parse(line) {
        let (program, args) = words.split_first().expect("an empty command");
        assert_eq!(program, "geokg", "the tour runs only geokg: {line}");
        let (mut reader, writer) = std::io::pipe().unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_geokg"));
        cmd.current_dir(dir)
            .args(args)
            .env_remove("GEOKG_DB")
            .stdin(Stdio::null())
            .stderr(writer.try_clone().unwrap());
        match &redirect {
            Some(file) => {
                drop(writer);
                cmd.stdout(std::fs::File::create(dir.join(file)).unwrap())
            }
            None => cmd.stdout(writer),
        };
        let mut child = cmd.spawn().unwrap();
        // The parent's copies of the pipe's write end go with `cmd`, so
        // that the read below ends when the child exits.
        drop(cmd);
        reader.read_to_end(&mut out).unwrap();
        let status = child.wait().unwrap();
        if !status.success() {
            // `&&`: a failed command stops the line, as in a shell.
            break;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The real output as compared: lines, trailing spaces off, progress
/// lines left out.
fn real_lines(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !is_progress(l))
        .collect()
}

/// `ingest: 12 articles read (3 unchanged), 0 failed, 5 s`.
fn is_progress(line: &str) -> bool {
    line.strip_prefix("ingest: ")
        .and_then(|rest| rest.strip_suffix(" s"))
        .is_some_and(|rest| rest.contains(" articles read (") && rest.contains(" unchanged), "))
        && !line.contains(';')
}

/// Whether `real` matches `shown`, where a `...` line in `shown` stands
/// for one or more lines.
fn matches(shown: &[String], real: &[String]) -> bool {
    match shown.split_first() {
        None => real.is_empty(),
        Some((first, rest)) if first.trim_end() == "..." => {
            (1..=real.len()).any(|skip| matches(rest, &real[skip..]))
        }
        Some((first, rest)) => real
            .split_first()
            .is_some_and(|(r, real_rest)| first.trim_end() == r && matches(rest, real_rest)),
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Protects the README's tour against drift: every command shown runs on
/// the repository's own files and prints exactly what the README says
/// (up to visible `...` abridgements). A changed message, order, count or
/// figure fails here, and the failure prints the real output.
#[test]
fn readme_tour_matches_the_real_binary() {
    let path = repo().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let steps = steps(&readme);
    assert!(
        steps.len() >= 20,
        "only {} tour commands found",
        steps.len()
    );
    let dir = tempfile::tempdir().unwrap();
    for shared in ["data", "tests"] {
        std::os::unix::fs::symlink(repo().join(shared), dir.path().join(shared)).unwrap();
    }
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    let graphviz = geokg::render::graphviz_available();
    let update = std::env::var_os("UPDATE_README").is_some();
    let mut lines: Vec<String> = readme.lines().map(str::to_string).collect();
    let mut failures = Vec::new();
    // Replacements, applied from the end so that indexes stay valid.
    let mut replace: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for step in &steps {
        let real = real_lines(&run(dir.path(), &step.command));
        if matches(&step.shown, &real) {
            continue;
        }
        if !graphviz && step.shown.iter().any(|l| l.contains("graphviz")) {
            eprintln!(
                "note: Graphviz's dot is not installed; not comparing `{}`",
                step.command
            );
            continue;
        }
        failures.push(format!(
            "README.md line {}: `$ {}`\n--- README shows:\n{}\n--- the binary prints:\n{}\n",
            step.first,
            step.command,
            step.shown.join("\n"),
            real.join("\n")
        ));
        replace.push((step.first, step.shown.len(), real));
    }
    if update && !replace.is_empty() {
        for (first, len, real) in replace.into_iter().rev() {
            lines.splice(first..first + len, real);
        }
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        eprintln!("UPDATE_README: rewrote {}", path.display());
        return;
    }
    assert!(
        failures.is_empty(),
        "{} README tour command(s) print something else (UPDATE_README=1 rewrites them):\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Protects the comparison itself: `...` stands for one or more lines,
/// anything else must be equal, so the tour test can fail.
#[test]
fn abridged_output_matching() {
    let v = |s: &[&str]| s.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    assert!(matches(&v(&["a", "...", "d"]), &v(&["a", "b", "c", "d"])));
    assert!(matches(&v(&["a", "..."]), &v(&["a", "b"])));
    assert!(!matches(&v(&["a", "..."]), &v(&["a"])));
    assert!(!matches(&v(&["a", "...", "d"]), &v(&["a", "b", "c", "e"])));
    assert!(!matches(&v(&["a", "b"]), &v(&["a", "b", "c"])));
    assert!(!matches(&v(&["a"]), &v(&["b"])));
    assert!(is_progress(
        "ingest: 12 articles read (3 unchanged), 0 failed, 5 s"
    ));
    assert!(!is_progress(
        "ingest: 26 articles read (26 new, 0 replaced, 0 unchanged), 0 failed; 143 entities and 148 edges added"
    ));
    let p = parse("geokg --db s.db show \"the Kremlin\" && geokg x > f.graphml # note");
    assert_eq!(
        p,
        vec![
            (v(&["geokg", "--db", "s.db", "show", "the Kremlin"]), None),
            (v(&["geokg", "x"]), Some("f.graphml".to_string())),
        ]
    );
}
