//! Golden extraction files: every dev article's full extraction output
//! (entities, relations, evidence spans, confidences and the rule behind
//! each edge) is compared with `tests/data/dev/expected/ID.json`, so every
//! rule change shows its effect as a diff in review.
//!
//! Regenerate after an intended change with
//! `UPDATE_EXPECT=1 cargo test --test golden`, then read the diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use geokg::article::read_one;
use geokg::extract::extract;
use geokg::gazetteer::Gazetteer;

#[test]
fn dev_extractions_match_their_golden_files() {
    let g = Gazetteer::builtin().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dev");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut articles: Vec<_> = std::fs::read_dir(root.join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    assert!(articles.len() >= 20, "the dev articles are missing");
    let mut differ = Vec::new();
    for path in &articles {
        let a = read_one(path).unwrap();
        let x = extract(&a, &g);
        let got = serde_json::to_string_pretty(&x.to_json(&a)).unwrap() + "\n";
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let expected_path = root.join("expected").join(format!("{stem}.json"));
        if update {
            std::fs::create_dir_all(expected_path.parent().unwrap()).unwrap();
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if want != got {
            let first = want
                .lines()
                .zip(got.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(want.lines().count().min(got.lines().count()));
            differ.push(format!(
                "{stem}: first difference at line {}:\n  expected: {}\n  got:      {}",
                first + 1,
                want.lines().nth(first).unwrap_or("<end>"),
                got.lines().nth(first).unwrap_or("<end>")
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} golden file(s) differ (UPDATE_EXPECT=1 cargo test --test golden to accept):\n{}",
        differ.len(),
        differ.join("\n")
    );
}
