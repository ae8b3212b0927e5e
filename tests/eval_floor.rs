//! Regression floors for extraction quality, scored like `score.py`:
//! - the dev set (copied from the shared evaluation set into tests/data/dev);
//! - the real-article splits annotated for the project from the shared
//!   corpus (`tests/data/corpus-train`, developed against, and
//!   `tests/data/corpus-test`, scored only at milestones), and a second
//!   test split (`tests/data/corpus-test2`), annotated on 2026-12-08 after
//!   the first had been read for one session's false regions.
//!
//! A change that makes the graph worse on any of them fails CI. Raise a
//! floor when the extractor improves; never lower one to make a change pass.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::OnceLock;

use geokg::gazetteer::Gazetteer;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().unwrap())
}

/// Scores `set` and fails below either floor.
fn check_floor(set: &str, typed_entities_floor: f64, relations_floor: f64) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(set);
    let figures = geokg::eval::run(&dir, gazetteer()).unwrap();
    assert_eq!(figures.failures, 0);
    let typed = figures.typed_entities["all"].f1;
    let relations = figures.relations["all"].f1;
    assert!(
        typed >= typed_entities_floor,
        "{set}: typed entity F1 {typed} fell below {typed_entities_floor}\n{}",
        figures.table()
    );
    assert!(
        relations >= relations_floor,
        "{set}: relation F1 {relations} fell below {relations_floor}\n{}",
        figures.table()
    );
}

/// Last reached: typed entities 0.984, relations 0.814.
#[test]
fn dev_set_scores_at_least_the_floor() {
    check_floor("tests/data/dev", 0.975, 0.80);
}

/// The split the rules are developed on. Last reached: typed entities
/// 0.958 (region precision 0.922, issue 15's place and organisation
/// rules), relations 0.737 (2026-12-05: scoped warnings, titled lists,
/// dative and co-host frames, victims of attacks); 0.744 after the
/// session after (named talks, delegations, trips for talks, colon lists,
/// X-led backing, governments as subjects).
#[test]
fn corpus_train_split_scores_at_least_the_floor() {
    check_floor("tests/data/corpus-train", TRAIN_TYPED, TRAIN_RELATIONS);
}

/// Scored only at milestones. First score 0.468 (relations); after the
/// discourse work: typed entities 0.891, relations 0.500; after entity
/// evidence (issue 15): typed entities 0.938, relations 0.514; after the
/// clause and list work of 2026-12-04: 0.938, relations 0.526 (0.525 after
/// that session's last commit); after the meeting, list and providing work
/// of the next session: 0.938, relations 0.535; after the hyphen-chain,
/// led-compound, demand and held-meeting work of the session after:
/// typed entities 0.938, relations 0.543; after the war, transcript,
/// itinerary and list work of the session after: typed entities 0.938,
/// relations 0.551; after issue 15's place and organisation rules: typed
/// entities 0.940, relations 0.551; after the envoy, agent, recognition
/// and partner frames of the session after: typed entities 0.941,
/// relations 0.550; after the session of 2026-12-05 (scoped warnings,
/// titled lists, dative, co-host and victim frames): typed entities
/// 0.941, relations 0.555; after the session after (rules learnt on
/// corpus-train2 and heldout, which barely reach this split): typed
/// entities 0.941, relations 0.557; 0.560 after the next; after the
/// meetings of several parties of 2026-12-05 ("Participants in the call
/// included A, B and C", "A, B and C gathered in PLACE", trilateral
/// meetings joined) and member lists ("member states, including A"):
/// typed entities 0.941, relations 0.681.
#[test]
fn corpus_test_split_scores_at_least_the_floor() {
    check_floor("tests/data/corpus-test", TEST_TYPED, TEST_RELATIONS);
}

/// The second test split: 12 articles selected and annotated (one
/// writer, one reviewer per file) before any extractor output on them was
/// read. First score, at b9df0be: typed entities 0.976 (person precision
/// 1.000, region precision 1.000), relations 0.760 (P 0.939, R 0.639).
#[test]
fn second_test_split_scores_at_least_the_floor() {
    check_floor("tests/data/corpus-test2", TEST2_TYPED, TEST2_RELATIONS);
}

const TRAIN_TYPED: f64 = 0.955;
const TRAIN_RELATIONS: f64 = 0.74;
const TEST_TYPED: f64 = 0.93;
const TEST_RELATIONS: f64 = 0.67;
const TEST2_TYPED: f64 = 0.96;
const TEST2_RELATIONS: f64 = 0.74;
