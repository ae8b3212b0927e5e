//! The statistical relation scorer behind `--finder` (issue 8's seam).
//!
//! The built-in model `data/model/relations.tsv` is trained by the binary
//! from the annotated train sets, its threshold chosen on the dev set; the
//! first test retrains it and compares the file byte for byte, so the
//! shipped model can always be rebuilt. After an intended change to the
//! extractor or the scorer, regenerate it with
//! `UPDATE_MODEL=1 cargo test --test model` and read `geokg eval
//! tests/data/dev --finder both` before committing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use geokg::article::read_one;
use geokg::discourse::Mechanisms;
use geokg::extract::extract_by;
use geokg::gazetteer::Gazetteer;
use geokg::relation::{RelationFinder, Rules};
use geokg::scorer::{Model, ModelFinder};

const SETS: [&str; 9] = [
    "tests/data/corpus-train",
    "tests/data/corpus-train2",
    "tests/data/corpus-train3",
    "tests/data/corpus-train4",
    "tests/data/corpus-train5",
    "tests/data/corpus-train6",
    "tests/data/corpus-train7",
    "tests/data/heldout",
    "tests/data/heldout2",
];

/// Protects reproducibility: `geokg train` on the train sets, tuned on dev,
/// writes exactly the shipped model.
#[test]
fn the_builtin_model_is_what_training_gives() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("relations.tsv");
    let run = Command::new(env!("CARGO_BIN_EXE_geokg"))
        .current_dir(root)
        .arg("train")
        .args(SETS)
        .args(["--tune", "tests/data/dev", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("threshold  precision  recall  F1"),
        "{stdout}"
    );
    let got = std::fs::read_to_string(&out).unwrap();
    let shipped = root.join("data/model/relations.tsv");
    if std::env::var_os("UPDATE_MODEL").is_some() {
        std::fs::write(&shipped, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&shipped).unwrap();
    assert!(
        got == want,
        "data/model/relations.tsv is not what training gives; \
         regenerate with UPDATE_MODEL=1 cargo test --test model"
    );
}

type Edges = BTreeSet<(String, String, String)>;

fn edges(path: &Path, g: &Gazetteer, finder: &dyn RelationFinder) -> Edges {
    let a = read_one(path).unwrap();
    let x = extract_by(&a, g, Mechanisms::all(), finder);
    x.relations
        .iter()
        .map(|r| {
            let (mut s, mut t) = (
                x.entities[r.source].name.clone(),
                x.entities[r.target].name.clone(),
            );
            // A symmetric edge is one edge whichever end is named first.
            if r.edge.is_symmetric() && t < s {
                std::mem::swap(&mut s, &mut t);
            }
            (s, r.edge.as_str().to_string(), t)
        })
        .collect()
}

/// Protects what `--finder both` means, with the rules and the model as
/// the oracles: on every dev article its edges are exactly the rules'
/// edges together with the model's, and the model's own edges all come
/// from it (rule "model").
#[test]
fn both_is_the_rules_and_the_model_together() {
    let g = Gazetteer::builtin().unwrap();
    let model = Model::builtin().unwrap();
    let alone = ModelFinder {
        model,
        with_rules: false,
    };
    let both = ModelFinder {
        model,
        with_rules: true,
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dev/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut added = 0;
    for p in &paths {
        let rules = edges(p, &g, &Rules);
        let model_edges = edges(p, &g, &alone);
        let together = edges(p, &g, &both);
        let union: Edges = rules.union(&model_edges).cloned().collect();
        assert_eq!(together, union, "{}", p.display());
        added += together.len() - rules.len();
        let a = read_one(p).unwrap();
        let x = extract_by(&a, &g, Mechanisms::all(), &alone);
        assert!(x.relations.iter().all(|r| r.rule == "model"));
    }
    // The built-in model adds edges of its own on dev (its figures are in
    // the issue notes); were it to add none, this test would check nothing.
    assert!(added > 0);
}

/// Protects the journey through the binary: `extract --finder model` gives
/// edges marked with the rule `model` and a confidence below a named rule's
/// (so `--min-confidence` can keep them out), and a broken model file is
/// one clear error line naming the file and line, with nothing printed.
#[test]
fn extract_with_the_model_and_a_broken_model_file() {
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dev/articles/026.txt");
    let o = Command::new(env!("CARGO_BIN_EXE_geokg"))
        .args(["extract", "--finder", "model"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(o.status.success());
    let x: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rels = x["relations"].as_array().unwrap();
    assert!(!rels.is_empty());
    for r in rels {
        assert_eq!(r["rule"], "model", "{r}");
        assert!(r["confidence"].as_f64().unwrap() <= 0.6, "{r}");
    }
    let o = Command::new(env!("CARGO_BIN_EXE_geokg"))
        .args(["extract", "--finder", "model", "--min-confidence", "0.7"])
        .arg(&article)
        .output()
        .unwrap();
    let x: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(x["relations"].as_array().unwrap().len(), 0);

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "# threshold 0.5\nw:met\tmet-with\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_geokg"))
        .args(["extract", "--finder", "both", "--model"])
        .arg(&bad)
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "geokg: {}:2: expected feature, class and weight, got 2 cells\n",
            bad.display()
        )
    );
}
