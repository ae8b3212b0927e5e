//! Test support: the built-in gazetteer, loaded once per test binary.

use std::sync::OnceLock;

use crate::gazetteer::Gazetteer;

/// The built-in gazetteer, shared by unit tests.
#[allow(clippy::expect_used)] // the shipped data loads, or every test is meaningless
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().expect("built-in data loads"))
}
