//! The README's tour cannot drift (issue 14, fault 11): every command in
//! its `console` blocks (`$ ...`) is run in order, as a user would type
//! it, through `sh -c` with the freshly built `geokg` first on the PATH, in
//! a fresh folder where `data/` and `tests/` are the repository's (so the
//! tour uses only what a clone has) and `docs/` is empty; what the README
//! shows under it must be exactly what the command line prints, stdout and
//! stderr interleaved as on a terminal.
//!
//! Rules of the comparison, so that the README can abridge visibly and
//! still be exact:
//! - a line that is exactly `...` stands for one or more lines left out;
//! - trailing spaces are ignored;
//! - what differs from run to run is masked in the real output, and the
//!   README shows the same placeholder in its place (so a reader sees what
//!   varies, and a value copied from one run fails): a recorded time
//!   (`2026-12-04T12:05:32Z`) reads `YYYY-MM-DDThh:mm:ssZ`, ingest's
//!   `"elapsed_seconds"` reads `S.SSS`, the tour's temporary folder
//!   `<tour>`;
//! - `ingest`'s periodic progress lines (`ingest: N articles read (N
//!   unchanged), N failed, N s`, which depend on the machine's speed) are
//!   left out of the real output;
//! - a command line that exits non-zero fails the test unless the README
//!   shows its error (a line starting `geokg: `); in a pipeline the exit
//!   status is the last command's, as in `sh`, but geokg's stderr is not
//!   piped, so its errors still show in the compared output, and one that
//!   prints a usage error (clap's `error: ...`) fails the test whatever
//!   its exit status, even under `UPDATE_README`;
//! - without Graphviz's `dot` on the PATH, a command whose README output
//!   says `graphviz` still runs but its output is not compared (a note is
//!   printed).
//!
//! `UPDATE_README=1 cargo test --test readme` writes the real output (with
//! the placeholders) of every command that differs into README.md
//! (dropping any `...` in it), so that after an intended change the diff
//! shows what changed; it still fails on commands that fail.
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

/// What one README command line did.
struct Ran {
    /// Stdout and stderr interleaved, as on a terminal.
    out: String,
    /// The shell's exit code (the last command's in a pipeline); `None`
    /// when killed by a signal.
    code: Option<i32>,
}

/// Runs one README command line in `dir` as a user would type it: through
/// `sh -c`, with the freshly built `geokg` first on the PATH (so pipes,
/// `&&`, redirections and other tools work as in a terminal), without
/// `GEOKG_DB` or `USER` from the environment running the test (the tour
/// says `--db` and `--user` where it depends on them).
fn run(dir: &Path, line: &str) -> Ran {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_geokg"));
    let bin_dir = bin.parent().unwrap().to_path_buf();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path =
        std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(&path))).unwrap();
    let (mut reader, writer) = std::io::pipe().unwrap();
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(line)
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("GEOKG_DB")
        .env_remove("USER")
        .stdin(Stdio::null())
        .stderr(writer.try_clone().unwrap())
        .stdout(writer);
    let mut child = cmd.spawn().unwrap();
    // The parent's copies of the pipe's write end go with `cmd`, so that
    // the read below ends when the shell and its children exit.
    drop(cmd);
    let mut out = Vec::new();
    reader.read_to_end(&mut out).unwrap();
    let status = child.wait().unwrap();
    Ran {
        out: String::from_utf8(out).unwrap(),
        code: status.code(),
    }
}

/// Whether the README shows the command failing: geokg says why on a line
/// of its own starting `geokg: `. A command that exits non-zero without
/// such a line shown fails the test.
fn shows_error(shown: &[String]) -> bool {
    shown.iter().any(|l| l.starts_with("geokg: "))
}

/// Whether the output holds a usage error (clap's `error: ...` lines, for
/// an unknown option or a bad value): never a tour example, and the way a
/// failing geokg shows itself inside a pipeline, whose exit status is the
/// last command's.
fn usage_error(real: &[String]) -> bool {
    real.iter().any(|l| l.starts_with("error: "))
}

/// The placeholder shown for a time of day (the time a correction was
/// recorded), as wide as the time it stands for so that tables keep their
/// columns.
const TIME: &str = "YYYY-MM-DDThh:mm:ssZ";
/// The placeholder shown for a duration in seconds.
const SECONDS: &str = "S.SSS";

/// The real output's line with what differs from run to run masked, as
/// the README shows it: a time `2026-12-04T12:05:32Z`
/// becomes [`TIME`], the number after `"elapsed_seconds": ` becomes
/// [`SECONDS`], and the tour's temporary folder becomes `<tour>`.
fn mask(line: &str, dir: &str) -> String {
    let line = if dir.is_empty() {
        line.to_string()
    } else {
        line.replace(dir, "<tour>")
    };
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while !rest.is_empty() {
        if is_time(rest) {
            out.push_str(TIME);
            rest = &rest[TIME.len()..];
            continue;
        }
        const ELAPSED: &str = "\"elapsed_seconds\": ";
        if let Some(after) = rest.strip_prefix(ELAPSED) {
            out.push_str(ELAPSED);
            let number = after
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'e' || c == '-'))
                .unwrap_or(after.len());
            if number > 0 {
                out.push_str(SECONDS);
            }
            rest = &after[number..];
            continue;
        }
        let c = rest.chars().next().unwrap();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether `s` starts with a time `YYYY-MM-DDTHH:MM:SSZ`.
fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= TIME.len()
        && TIME.bytes().zip(b).all(|(p, c)| match p {
            b'Y' | b'M' | b'D' | b'h' | b'm' | b's' => c.is_ascii_digit(),
            p => p == *c,
        })
}

/// The real output as compared: lines, trailing spaces off, progress
/// lines left out, what differs from run to run masked.
fn real_lines(out: &str, dir: &str) -> Vec<String> {
    out.lines()
        .map(|l| mask(l.trim_end(), dir))
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

/// Protects the README's tour against drift: every command shown runs,
/// as a user would type it, on the repository's own files and prints
/// exactly what the README says (up to visible `...` abridgements and the
/// masked times and durations). A changed message, order, count or figure
/// fails here, and so does a command that fails where the README shows no
/// error; the failure prints the real output.
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
    let dir_text = dir.path().to_str().unwrap().to_string();
    let graphviz = geokg::render::graphviz_available();
    let update = std::env::var_os("UPDATE_README").is_some();
    let mut lines: Vec<String> = readme.lines().map(str::to_string).collect();
    // Command lines that fail where the README shows no error, and those
    // whose output differs from what the README shows.
    let (mut failed, mut failures) = (Vec::new(), Vec::new());
    // Replacements, applied from the end so that indexes stay valid.
    let mut replace: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for step in &steps {
        let ran = run(dir.path(), &step.command);
        let real = real_lines(&ran.out, &dir_text);
        // The README shows the placeholders themselves, so that a reader
        // sees what varies; a time copied from a run fails until the
        // update writes the placeholder in its place.
        let shown = &step.shown;
        // A step the README shows drawn by Graphviz cannot run without it
        // (PNG output needs `dot`); it is compared where `dot` is installed
        // (CI installs it).
        if !graphviz && shown.iter().any(|l| l.contains("graphviz")) {
            eprintln!(
                "note: Graphviz's dot is not installed; not comparing `{}`",
                step.command
            );
            continue;
        }
        // In an update the real output becomes what is shown.
        let error_shown = shows_error(if update { &real } else { shown });
        let why = if ran.code != Some(0) && !error_shown {
            Some(format!(
                "exits with {:?} but the README shows no error",
                ran.code
            ))
        } else if usage_error(&real) {
            Some("prints a usage error".to_string())
        } else {
            None
        };
        if let Some(why) = why {
            failed.push(format!(
                "README.md line {}: `$ {}` {why}\n--- the command prints:\n{}\n",
                step.first,
                step.command,
                real.join("\n")
            ));
            continue;
        }
        if matches(shown, &real) {
            continue;
        }
        failures.push(format!(
            "README.md line {}: `$ {}`\n--- README shows:\n{}\n--- the binary prints:\n{}\n",
            step.first,
            step.command,
            shown.join("\n"),
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
        failures.clear();
    }
    assert!(
        failed.is_empty(),
        "{} README tour command(s) fail where the README shows no error, or print a usage error:\n\n{}",
        failed.len(),
        failed.join("\n")
    );
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
    assert!(shows_error(&v(&["x", "geokg: no entity named 'putn'"])));
    assert!(!shows_error(&v(&["note: no path", "  geokg: indented"])));
    assert!(usage_error(&v(&[
        "error: unrecognized subcommand 'nonsense'"
    ])));
    assert!(!usage_error(&v(&[
        "geokg: unknown kind 'place'",
        "x error: y"
    ])));
}

/// Protects the masks: a recorded time, a duration and the tour's folder
/// read the same in every run, a placeholder stays itself, and nothing
/// else is masked (a date, a count or a confidence still counts).
#[test]
fn only_times_durations_and_the_folder_are_masked() {
    assert_eq!(
        mask("1   alice  2026-12-04T12:05:32Z  merge", "/tmp/.tmpAb"),
        "1   alice  YYYY-MM-DDThh:mm:ssZ  merge"
    );
    assert_eq!(
        mask("1   alice  YYYY-MM-DDThh:mm:ssZ  merge", "/tmp/.tmpAb"),
        "1   alice  YYYY-MM-DDThh:mm:ssZ  merge"
    );
    assert_eq!(
        mask("  \"elapsed_seconds\": 0.013,", ""),
        "  \"elapsed_seconds\": S.SSS,"
    );
    assert_eq!(
        mask("wrote /tmp/.tmpAb/x.svg", "/tmp/.tmpAb"),
        "wrote <tour>/x.svg"
    );
    for kept in [
        "2014-03-20  238..291  0.70  2014-03-20T12:05Z",
        "  \"entities_added\": 14,",
        "2026-12-04T12:05:32",
    ] {
        assert_eq!(mask(kept, "/tmp/.tmpAb"), kept);
    }
}
