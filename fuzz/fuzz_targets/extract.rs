//! Fuzzes the article reader and the pure extraction pipeline on arbitrary
//! bytes: `parse_text` (and `parse_json_line` on each line), then, for every
//! Ok article, `extract` and `to_json`, checking the output's invariants.
//! Any panic is a bug: `extract` is documented as infallible.

#![no_main]

use std::sync::OnceLock;

use geokg::article::{self, Article};
use geokg::extract::extract;
use geokg::gazetteer::Gazetteer;
use libfuzzer_sys::fuzz_target;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().expect("builtin gazetteer loads"))
}

fn check(a: &Article) {
    let x = extract(a, gazetteer());
    let body = a.body.as_str();
    let on_span = |start: usize, end: usize| {
        start <= end
            && end <= body.len()
            && body.is_char_boundary(start)
            && body.is_char_boundary(end)
    };
    for &(start, end) in &x.sentences {
        assert!(on_span(start, end), "sentence span {start}..{end}");
    }
    for &(e, start, end) in &x.mentions {
        assert!(e < x.entities.len(), "mention entity out of range");
        assert!(on_span(start, end), "mention span {start}..{end}");
    }
    for r in &x.relations {
        assert!(on_span(r.start, r.end), "relation span {}..{}", r.start, r.end);
        assert!(r.sentence < x.sentences.len(), "relation sentence out of range");
        assert!(r.source < x.entities.len() && r.target < x.entities.len());
        assert_ne!(r.source, r.target, "self-edge");
    }
    serde_json::to_string(&x.to_json(a)).expect("extraction serialises");
}

fuzz_target!(|data: &[u8]| {
    if let Ok(a) = article::parse_text("fuzz.txt", "fuzz", data) {
        check(&a);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        for (i, line) in text.split('\n').enumerate() {
            if let Ok(Some(a)) = article::parse_json_line("fuzz.jsonl", i + 1, line) {
                check(&a);
            }
        }
    }
});
