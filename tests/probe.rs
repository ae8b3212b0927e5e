//! Gazetteer coverage probe: runs the real `geokg extract` on six hand-written,
//! news-style texts (one per world region, `tests/data/probe/`) and protects the
//! share of their named entities that come out with the right kind.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// The probe texts, one per world region: `NAME.txt` and `NAME.expected.tsv`.
const REGIONS: [&str; 6] = [
    "africa",
    "americas",
    "asia",
    "europe",
    "middle_east",
    "oceania",
];

/// Overall right-kind share must not fall below this. Measured 0.930 (360/387)
/// (see the table printed with `cargo test --test probe -- --nocapture`).
const FLOOR_RIGHT_KIND: f64 = 0.90;

/// Each region's probe must name at least this many entities, and all six at
/// least `MIN_TOTAL` distinct ones, so the probe cannot shrink unnoticed.
const MIN_PER_REGION: usize = 25;
const MIN_TOTAL: usize = 150;

const KINDS: [&str; 5] = ["person", "state", "region", "alliance", "organization"];

fn probe_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/probe")
}

/// Case-folds a name for comparison: curly quotes and dashes folded to ASCII,
/// whitespace collapsed, a leading "the " and a trailing "'s" stripped.
fn fold(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            _ => c,
        })
        .collect();
    let mut t = mapped
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if let Some(rest) = t.strip_prefix("the ") {
        t = rest.to_string();
    }
    if let Some(rest) = t.strip_suffix("'s") {
        t = rest.to_string();
    }
    t
}

struct Expected {
    /// Alternatives, first is the common English name.
    names: Vec<String>,
    kind: String,
}

fn read_expected(region: &str) -> Vec<Expected> {
    let path = probe_dir().join(format!("{region}.expected.tsv"));
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    assert_eq!(
        lines.next(),
        Some("name\tkind"),
        "{}: bad header",
        path.display()
    );
    lines
        .map(|l| {
            let (name, kind) = l.split_once('\t').unwrap_or((l, "?"));
            assert!(
                KINDS.contains(&kind),
                "{}: bad kind in {l:?}",
                path.display()
            );
            Expected {
                names: name.split('|').map(str::to_string).collect(),
                kind: kind.to_string(),
            }
        })
        .collect()
}

struct Entity {
    name: String,
    kind: String,
    folded: Vec<String>,
}

fn entities(out: &Value) -> Vec<Entity> {
    out["entities"]
        .as_array()
        .expect("entities array")
        .iter()
        .map(|e| {
            let name = e["name"].as_str().unwrap_or_default().to_string();
            let mut folded = vec![fold(&name)];
            if let Some(a) = e["aliases"].as_array() {
                folded.extend(a.iter().filter_map(Value::as_str).map(fold));
            }
            Entity {
                name,
                kind: e["kind"].as_str().unwrap_or_default().to_string(),
                folded,
            }
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    expected: usize,
    found: usize,
    right_kind: usize,
}

fn share(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// Protects gazetteer coverage across all six world regions: the share of
/// the probe's named entities found with the right kind.
#[test]
fn gazetteer_coverage_probe() {
    // Start all six extractions at once; each is one short article.
    let children: Vec<_> = REGIONS
        .iter()
        .map(|r| {
            Command::new(env!("CARGO_BIN_EXE_geokg"))
                .env_remove("GEOKG_DB")
                .args(["extract", "--format", "json"])
                .arg(probe_dir().join(format!("{r}.txt")))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();

    let mut total = Tally::default();
    let mut distinct = std::collections::BTreeSet::new();
    let mut table = String::new();
    let mut details = String::new();
    writeln!(
        table,
        "{:<12} {:>8} {:>7} {:>7} {:>11}",
        "region", "expected", "found", "right", "right-kind%"
    )
    .unwrap();

    for (region, child) in REGIONS.iter().zip(children) {
        let o = child.wait_with_output().unwrap();
        assert!(
            o.status.success(),
            "{region}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let out: Value = serde_json::from_slice(&o.stdout).unwrap();
        let ents = entities(&out);
        let expected = read_expected(region);
        assert!(
            expected.len() >= MIN_PER_REGION,
            "{region}: only {} expected entities",
            expected.len()
        );

        let mut t = Tally::default();
        let mut used = vec![false; ents.len()];
        for exp in &expected {
            distinct.insert(fold(&exp.names[0]));
            t.expected += 1;
            let alts: Vec<String> = exp.names.iter().map(|n| fold(n)).collect();
            let hits: Vec<usize> = (0..ents.len())
                .filter(|&i| ents[i].folded.iter().any(|f| alts.contains(f)))
                .collect();
            for &i in &hits {
                used[i] = true;
            }
            if hits.len() > 1 {
                let got: Vec<String> = hits
                    .iter()
                    .map(|&i| format!("{} ({})", ents[i].name, ents[i].kind))
                    .collect();
                writeln!(
                    details,
                    "  {region:<12} SPLIT       {} ({}) -> {}",
                    exp.names[0],
                    exp.kind,
                    got.join(", ")
                )
                .unwrap();
            }
            if hits.is_empty() {
                writeln!(
                    details,
                    "  {region:<12} MISSED      {} ({})",
                    exp.names[0], exp.kind
                )
                .unwrap();
                continue;
            }
            t.found += 1;
            if hits.iter().any(|&i| ents[i].kind == exp.kind) {
                t.right_kind += 1;
            } else {
                let got: Vec<String> = hits
                    .iter()
                    .map(|&i| format!("{} ({})", ents[i].name, ents[i].kind))
                    .collect();
                writeln!(
                    details,
                    "  {region:<12} WRONG KIND  {} ({}) -> {}",
                    exp.names[0],
                    exp.kind,
                    got.join(", ")
                )
                .unwrap();
            }
        }
        for (e, _) in ents.iter().zip(&used).filter(|(_, u)| !**u) {
            writeln!(
                details,
                "  {region:<12} UNEXPECTED  {} ({})",
                e.name, e.kind
            )
            .unwrap();
        }
        writeln!(
            table,
            "{region:<12} {:>8} {:>7} {:>7} {:>10.1}%",
            t.expected,
            t.found,
            t.right_kind,
            100.0 * share(t.right_kind, t.expected)
        )
        .unwrap();
        total.expected += t.expected;
        total.found += t.found;
        total.right_kind += t.right_kind;
    }

    let found = share(total.found, total.expected);
    let right = share(total.right_kind, total.expected);
    writeln!(
        table,
        "{:<12} {:>8} {:>7} {:>7} {:>10.1}%   (found at all: {:.1}%)",
        "overall",
        total.expected,
        total.found,
        total.right_kind,
        100.0 * right,
        100.0 * found
    )
    .unwrap();
    println!("{table}\n{details}");

    assert!(
        distinct.len() >= MIN_TOTAL,
        "probe names only {} distinct entities",
        distinct.len()
    );
    assert!(
        right >= FLOOR_RIGHT_KIND,
        "right-kind share {:.3} fell below the floor {FLOOR_RIGHT_KIND}\n{table}\n{details}",
        right
    );
}
