//! Throughput benchmark: gazetteer load, extraction (MB/s and articles/s on
//! one core) and ingest into SQLite (articles/s), on the dev articles
//! repeated. Each figure is also given as a ratio against a baseline run in
//! the same process (tokenising and sentence-splitting the same text), and
//! the totals are checked so that a fast wrong answer cannot pass.
//!
//! Run: `cargo bench --bench throughput` (release profile).

use std::path::Path;
use std::time::{Duration, Instant};

use geokg::article::{Article, Inputs};
use geokg::extract::extract;
use geokg::gazetteer::Gazetteer;
use geokg::store::Store;
use geokg::text::analyze;

fn dev_articles() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dev/articles");
    Inputs::new(&[dir]).filter_map(Result::ok).collect()
}

/// Runs `f` over the corpus until at least `min` has passed; returns
/// (seconds, passes).
fn timed(min: Duration, mut f: impl FnMut() -> usize) -> (f64, usize, usize) {
    let start = Instant::now();
    let mut passes = 0;
    let mut total = 0;
    while start.elapsed() < min || passes == 0 {
        total += f();
        passes += 1;
    }
    (start.elapsed().as_secs_f64(), passes, total)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let g = Gazetteer::builtin()?;
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "gazetteer: {} entities, {} forms, loaded and compiled in {load_ms:.0} ms",
        g.len(),
        g.form_count()
    );

    let articles = dev_articles();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} dev articles, {bytes} bytes of body text",
        articles.len()
    );

    // Baseline: tokenise and split sentences only.
    let (secs, passes, sentences) = timed(Duration::from_secs(2), || {
        articles
            .iter()
            .map(|a| analyze(&a.body, &g.lexicon.abbreviations).sentences.len())
            .sum()
    });
    let base_mbs = mb * passes as f64 / secs;
    println!(
        "baseline (tokenise + sentences): {base_mbs:.1} MB/s ({} sentences per pass)",
        sentences / passes
    );

    // Extraction, one core.
    let (secs, passes, relations) = timed(Duration::from_secs(3), || {
        articles
            .iter()
            .map(|a| extract(a, &g).relations.len())
            .sum()
    });
    let per_pass = relations / passes;
    assert!(
        per_pass > 0,
        "extraction found no relations: a fast wrong answer"
    );
    assert_eq!(relations % passes, 0, "extraction is not deterministic");
    let mbs = mb * passes as f64 / secs;
    let aps = (articles.len() * passes) as f64 / secs;
    println!(
        "extraction: {mbs:.2} MB/s, {aps:.0} articles/s ({:.3}x baseline; {per_pass} relation occurrences per pass)",
        mbs / base_mbs
    );

    // One long document (the corpus six times over): extraction must stay
    // linear in the length of an article.
    let long_body: String = articles
        .iter()
        .map(|a| a.body.as_str())
        .collect::<Vec<_>>()
        .join("\n")
        .repeat(6);
    let long = Article::from_body("long", &long_body);
    let (secs, passes, long_relations) = timed(Duration::from_secs(2), || {
        extract(&long, &g).relations.len()
    });
    assert!(
        long_relations / passes >= per_pass,
        "the long document lost relations"
    );
    let long_mbs = long_body.len() as f64 / 1e6 * passes as f64 / secs;
    println!(
        "long article ({} KB): {long_mbs:.2} MB/s ({:.2}x the short-article rate)",
        long_body.len() / 1000,
        long_mbs / mbs
    );

    // Ingest: extraction + SQLite, distinct keys so every article is written.
    let reps = 40;
    let dir = tempfile_dir()?;
    let mut store = Store::open(&dir.join("bench.db"))?;
    let start = Instant::now();
    let mut written = 0;
    for rep in 0..reps {
        let batch: Vec<_> = articles
            .iter()
            .map(|a| {
                let mut a = a.clone();
                a.key = format!("{}#{rep}", a.key);
                let x = extract(&a, &g);
                (a, x)
            })
            .collect();
        written += store.ingest_batch(&batch, &g)?.added;
    }
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(
        written,
        reps * articles.len(),
        "every article must be written once"
    );
    let (stored, _, _) = store.counts()?;
    assert_eq!(stored, written);
    let ingest_aps = written as f64 / secs;
    println!(
        "ingest (extract + SQLite file, batches of {}): {ingest_aps:.0} articles/s ({:.3}x extraction alone)",
        articles.len(),
        ingest_aps / aps
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("geokg-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
