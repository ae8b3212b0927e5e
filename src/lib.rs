//! geokg turns news articles into a geopolitical knowledge graph: typed
//! nodes (person, state, region, alliance, organization) and typed edges
//! (met-with, claims, opposes, ...), each edge traceable to its sentence.
//!
//! The pipeline, one module per stage, data flowing one way:
//! [`article`] → [`text`] → [`gazetteer`] → [`mention`] → [`resolve`] →
//! [`discourse`] → [`relation`] → [`store`] (which replays the user's corrections at the end of
//! every write) → [`graph`] → [`query`] → [`curation`], [`export`] / [`render`]
//! (both drawn in the looks of [`style`]) / [`serve`] (the web page).
//! [`extract`] runs the pure stages on one article.
//!
//! ```
//! use geokg::{article::Article, extract::extract, gazetteer::Gazetteer};
//! let g = Gazetteer::builtin().unwrap();
//! let a = Article::from_body("ex", "US envoy Steve Witkoff met with Russian President Vladimir Putin.");
//! let x = extract(&a, &g);
//! let json = serde_json::to_string(&x.to_json(&a)).unwrap();
//! assert!(json.contains("\"met-with\""));
//! ```

pub mod article;
pub mod atomic;
pub mod candidate;
pub mod cli;
pub mod curation;
pub mod discourse;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graph;
pub mod ingest;
pub mod mention;
pub mod ontology;
pub mod query;
pub mod relation;
pub mod render;
pub mod report;
pub mod resolve;
pub mod scorer;
pub mod serve;
pub mod store;
pub mod style;
pub mod text;

#[cfg(test)]
mod testing;
