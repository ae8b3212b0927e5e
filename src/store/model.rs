//! The store's neutral model: the rows and queries every backend answers
//! with (entities, edges, evidence, the analyst's query rows, corrections),
//! free of any database type, so that `graph`, `query`, `report`, `export`,
//! `serve` and the binary read the same answers from SQLite or PostgreSQL.

use serde::Serialize;

use crate::ontology::{EdgeType, Kind};

/// What happened to one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct IngestStats {
    /// Articles written for the first time.
    pub added: usize,
    /// Articles whose text changed and were replaced.
    pub replaced: usize,
    /// Articles already stored with the same content.
    pub unchanged: usize,
    /// New entities.
    pub entities_added: usize,
    /// New edges.
    pub edges_added: usize,
    /// One-word person names joined to the one person of that surname
    /// already in the graph.
    pub surnames_joined: usize,
}

impl std::ops::AddAssign for IngestStats {
    fn add_assign(&mut self, o: Self) {
        self.added += o.added;
        self.replaced += o.replaced;
        self.unchanged += o.unchanged;
        self.entities_added += o.entities_added;
        self.edges_added += o.edges_added;
        self.surnames_joined += o.surnames_joined;
    }
}

/// An entity as stored.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EntityRow {
    /// Row id.
    #[serde(skip)]
    pub id: i64,
    /// Canonical key.
    pub key: String,
    /// Node kind.
    pub kind: Kind,
    /// Common name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Number of articles that mention it.
    pub articles: usize,
}

/// One piece of evidence for an edge.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EvidenceRow {
    /// The article's label: its `id`, address or file stem.
    pub article: String,
    /// Article date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Sentence index.
    pub sentence: i64,
    /// Byte offset into the article body.
    pub start: i64,
    /// End byte offset.
    pub end: i64,
    /// The sentence.
    pub text: String,
    /// Rule confidence.
    pub confidence: f64,
    /// Office, for `represents`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The extraction rule that produced it (absent for evidence stored
    /// before rules were recorded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// How an end the sentence does not name was resolved
    /// (`"the Secretary" -> Antony Blinken`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// An edge with its evidence.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EdgeRow {
    /// Source name.
    pub source: String,
    /// Source key.
    pub source_key: String,
    /// Source kind.
    pub source_kind: Kind,
    /// Edge type.
    #[serde(rename = "type")]
    pub edge: EdgeType,
    /// Target name.
    pub target: String,
    /// Target key.
    pub target_key: String,
    /// Target kind.
    pub target_kind: Kind,
    /// Number of articles supporting it.
    pub count: usize,
    /// Earliest article date.
    pub first_seen: Option<String>,
    /// Latest article date.
    pub last_seen: Option<String>,
    /// Negated or hypothetical.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub flagged: bool,
    /// How many pieces of evidence support it (in the asked period and
    /// confidence), whether or not `evidence` lists them all.
    pub evidence_total: usize,
    /// Evidence, one row per occurrence; the first
    /// [`EdgeQuery::evidence_limit`] of them when the query set one.
    pub evidence: Vec<EvidenceRow>,
}

/// Filters for edge queries.
#[derive(Clone, Debug, Default)]
pub struct EdgeQuery {
    /// Only edges from this entity (row id); symmetric edges match at either end.
    pub from: Option<i64>,
    /// Only edges to this entity; symmetric edges match at either end.
    pub to: Option<i64>,
    /// Edges touching this entity in either direction.
    pub touching: Option<i64>,
    /// Only these types (all when empty).
    pub types: Vec<EdgeType>,
    /// Only evidence from articles dated on or after.
    pub since: Option<String>,
    /// Only evidence from articles dated on or before.
    pub until: Option<String>,
    /// Include negated and hypothetical edges.
    pub include_flagged: bool,
    /// Only evidence at least this confident (resolved references and
    /// distant cues score lower).
    pub min_confidence: Option<f64>,
    /// At most this many pieces of evidence per edge (all when none), by
    /// date, article and position; the total is still counted.
    pub evidence_limit: Option<usize>,
}

/// The end of its edges a listing reads them from: the index it goes
/// through. Each backend maps it onto its own query shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ends {
    /// Edges from an entity, and symmetric ones to it.
    From,
    /// Edges to an entity, and symmetric ones from it.
    To,
    /// Edges at either end of an entity.
    Touching,
    /// Every edge: the whole graph.
    All,
}

/// How a page of edges is read (issue 11), chosen here once for every
/// backend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PagePath {
    /// One entity's edges (from, to or touching alone), not narrowed by
    /// dates or a confidence: read busiest first from the weight indexes
    /// (`edge_by_source_articles`, `edge_by_target_articles`) and counted
    /// on them, their stored aggregates as they are.
    ByWeight(Ends, i64),
    /// Any other query (two ends, none, or dates or a confidence that
    /// recount each edge): the listing read whole and cut to the page.
    Whole(Ends, Option<i64>),
}

impl EdgeQuery {
    /// The end a whole listing reads from: the first of `from`, `to` and
    /// `touching` the query names (the others are checked on its rows),
    /// else the whole graph.
    pub(crate) fn listing(&self) -> (Ends, Option<i64>) {
        match (self.from, self.to, self.touching) {
            (Some(id), _, _) => (Ends::From, Some(id)),
            (None, Some(id), _) => (Ends::To, Some(id)),
            (None, None, Some(id)) => (Ends::Touching, Some(id)),
            (None, None, None) => (Ends::All, None),
        }
    }

    /// How this query's page of edges is read.
    pub(crate) fn page_path(&self) -> PagePath {
        let narrowed =
            self.since.is_some() || self.until.is_some() || self.min_confidence.is_some();
        let named = [self.from, self.to, self.touching].iter().flatten().count();
        match self.listing() {
            (ends, Some(id)) if named == 1 && !narrowed => PagePath::ByWeight(ends, id),
            (ends, id) => PagePath::Whole(ends, id),
        }
    }
}

/// An entity as a query names it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    /// Common name.
    pub name: String,
    /// Node kind.
    pub kind: Kind,
    /// Canonical key.
    pub key: String,
    /// Row id.
    #[serde(skip)]
    pub id: i64,
}

/// An edge with its support in the asked period, without its evidence.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EdgeSummary {
    /// Row id.
    #[serde(skip)]
    pub id: i64,
    /// Source.
    pub source: EntityRef,
    /// Edge type.
    #[serde(rename = "type")]
    pub edge: EdgeType,
    /// Target.
    pub target: EntityRef,
    /// Number of supporting articles in the period.
    pub count: usize,
    /// Earliest supporting article date in the period.
    pub first_seen: Option<String>,
    /// Latest supporting article date in the period.
    pub last_seen: Option<String>,
}

/// One line of a timeline: one edge in one article.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TimelineRow {
    /// Article date.
    pub date: Option<String>,
    /// Article label.
    pub article: String,
    /// Source.
    pub source: EntityRef,
    /// Edge type.
    #[serde(rename = "type")]
    pub edge: EdgeType,
    /// Target.
    pub target: EntityRef,
    /// This is the edge's n-th supporting article in date order (within
    /// the asked period), so a reader sees a relation start and grow.
    pub nth: usize,
    /// Sentences of the article that support the edge.
    pub sentences: usize,
    /// The first of them.
    pub text: String,
}

/// One piece of evidence as `explain` shows it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ExplainRow {
    /// Source.
    pub source: EntityRef,
    /// Edge type.
    #[serde(rename = "type")]
    pub edge: EdgeType,
    /// Target.
    pub target: EntityRef,
    /// The article's label.
    pub article: String,
    /// Its source address, when it has one.
    pub url: Option<String>,
    /// Its date.
    pub date: Option<String>,
    /// Sentence index.
    pub sentence: i64,
    /// Byte offset into the body (into the headline when `headline`).
    pub start: i64,
    /// End byte offset.
    pub end: i64,
    /// Read from the headline.
    pub headline: bool,
    /// The sentence.
    pub text: String,
    /// Rule confidence.
    pub confidence: f64,
    /// The extraction rule that produced it.
    pub rule: Option<String>,
    /// How an end the sentence does not name was resolved.
    pub via: Option<String>,
    /// Office, for `represents`.
    pub role: Option<String>,
    /// Negated ("did not meet").
    pub negated: bool,
    /// Hypothetical or conditional ("could meet").
    pub hypothetical: bool,
    /// The edge was rejected by a correction (`geokg reject`): hidden
    /// from every other query, its evidence kept.
    pub rejected: bool,
}

/// How an edge changed between two periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Supported after, not before.
    Appeared,
    /// Supported before, not after.
    Disappeared,
    /// More supporting articles after than before.
    Grew,
    /// Fewer supporting articles after than before.
    Weakened,
    /// As many before as after.
    Same,
}

impl Change {
    /// The change from `before` to `after` supporting articles.
    pub fn of(before: usize, after: usize) -> Change {
        match (before, after) {
            (0, _) => Change::Appeared,
            (_, 0) => Change::Disappeared,
            (b, a) if a > b => Change::Grew,
            (b, a) if a < b => Change::Weakened,
            _ => Change::Same,
        }
    }

    /// The word output uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Appeared => "appeared",
            Change::Disappeared => "disappeared",
            Change::Grew => "grew",
            Change::Weakened => "weakened",
            Change::Same => "same",
        }
    }
}

/// One edge's support in two periods.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DiffRow {
    /// What happened to it.
    pub change: Change,
    /// Source.
    pub source: EntityRef,
    /// Edge type.
    #[serde(rename = "type")]
    pub edge: EdgeType,
    /// Target.
    pub target: EntityRef,
    /// Supporting articles in the first period.
    pub before: usize,
    /// Supporting articles in the second period.
    pub after: usize,
    /// Earliest supporting article date in either period.
    pub first_seen: Option<String>,
    /// Latest supporting article date in either period.
    pub last_seen: Option<String>,
}

/// One event: one edge in one article.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// Article label.
    pub article: String,
    /// Article source address.
    pub url: Option<String>,
    /// Article date.
    pub date: Option<String>,
    /// Source.
    pub source: EntityRef,
    /// Edge type.
    pub edge: EdgeType,
    /// Target.
    pub target: EntityRef,
    /// Sentences of the article supporting it.
    pub mentions: usize,
    /// Whether one of them is the headline or the first sentence.
    pub lead: bool,
}

/// What a correction does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// `object` is `subject`: its aliases, mentions and edges go to it.
    Merge,
    /// The mentions of `subject` written `name` are another entity.
    Split,
    /// `name` names `subject`: mentions so written land on it.
    AliasAdd,
    /// `name` does not name `subject`.
    AliasRemove,
    /// `subject` is of kind `kind`.
    Retype,
    /// The edge `subject edge object` is wrong: hidden, evidence kept.
    Reject,
}

impl Action {
    /// Every action, in the order the help lists them.
    pub const ALL: [Action; 6] = [
        Action::Merge,
        Action::Split,
        Action::AliasAdd,
        Action::AliasRemove,
        Action::Retype,
        Action::Reject,
    ];

    /// The word stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Merge => "merge",
            Action::Split => "split",
            Action::AliasAdd => "alias-add",
            Action::AliasRemove => "alias-remove",
            Action::Retype => "retype",
            Action::Reject => "reject",
        }
    }

    /// The action this word names.
    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s.trim())
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One correction, its entities named by canonical key (with the name
/// they had when it was made, for people reading it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// What it does (`command` in output and in the review file).
    #[serde(rename = "command")]
    pub action: Action,
    /// The entity corrected: merge's survivor, split's, alias's and
    /// retype's entity, reject's source.
    pub subject: String,
    /// Its name.
    pub subject_name: String,
    /// Merge's absorbed entity, reject's target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object_name: Option<String>,
    /// Split's and alias's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Retype's new kind; split's kind for the new entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// Reject's edge type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub edge: Option<EdgeType>,
}

impl Correction {
    /// The key of the entity a split creates: `kind/slug` of the name, the
    /// key ingest gives a person of that name, so later articles naming
    /// it alone land on it.
    pub fn split_key(&self) -> Option<String> {
        let kind = self.kind?;
        let name = self.name.as_deref()?;
        Some(format!("{kind}/{}", crate::resolve::slug(name)))
    }

    /// The correction in words: `Bennett into Naftali Bennett`,
    /// `Russia opposes NATO`.
    pub fn describe(&self) -> String {
        let object = self.object_name.as_deref().unwrap_or("?");
        let name = self.name.as_deref().unwrap_or("?");
        let kind = match self.kind {
            Some(k @ (Kind::Alliance | Kind::Organization)) => format!("an {k}"),
            Some(k) => format!("a {k}"),
            None => "?".to_string(),
        };
        let s = &self.subject_name;
        match self.action {
            Action::Merge => format!("{object} into {s}"),
            Action::Split => format!("'{name}' off {s} as {kind}"),
            Action::AliasAdd => format!("'{name}' names {s}"),
            Action::AliasRemove => format!("'{name}' does not name {s}"),
            Action::Retype => format!("{s} is {kind}"),
            Action::Reject => format!("{s} {} {object}", self.edge.map_or("?", EdgeType::as_str)),
        }
    }

    /// Why it no longer applies, when it does not: its entity or edge is
    /// not in the graph any more.
    pub fn stale_reason(&self) -> String {
        match self.action {
            Action::Reject => format!(
                "no edge {} {} {} in the database any more",
                self.subject_name,
                self.edge.map_or("?", EdgeType::as_str),
                self.object_name.as_deref().unwrap_or("?")
            ),
            _ => format!(
                "{} ({}) is no longer in the database",
                self.subject_name, self.subject
            ),
        }
    }

    /// The same correction, whoever made it and when.
    pub(crate) fn same_as(&self, o: &Correction) -> bool {
        self == o
    }
}

/// Whether a correction applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Applied, and replayed after every ingest.
    Active,
    /// Its entity (or edge) is no longer in the graph: not applied.
    Stale,
    /// Undone by `curation undo`: kept for the record, not applied.
    Undone,
}

impl Status {
    /// The word output uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Stale => "stale",
            Status::Undone => "undone",
        }
    }
}

/// A recorded correction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CurationRow {
    /// Its number, in the order made.
    pub id: i64,
    /// Who made it.
    pub user: String,
    /// When (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub time: String,
    /// The correction.
    #[serde(flatten)]
    pub correction: Correction,
    /// Whether it applies.
    pub status: Status,
    /// Who undid it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undone_by: Option<String>,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undone_at: Option<String>,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Corrections recorded.
    pub added: Vec<CurationRow>,
    /// Entries already recorded (or repeated in the file), skipped.
    pub skipped: usize,
}

/// Every stored row of a graph, as `geokg copy` moves it from one database
/// to another: the tables with their row ids and aggregates, each in row
/// id order (evidence in the order written), and the corrections as
/// recorded (who, when, undone), which the copy goes on replaying.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// `article`: id, key, hash, title, date, url, source, body, label,
    /// body kept.
    pub articles: Vec<ArticleRecord>,
    /// `entity`.
    pub entities: Vec<EntityRecord>,
    /// `alias`: entity id, folded, alias.
    pub aliases: Vec<(i64, String, String)>,
    /// `mention`: article id, entity id, start, end.
    pub mentions: Vec<(i64, i64, i64, i64)>,
    /// `edge`.
    pub edges: Vec<EdgeRecord>,
    /// `evidence`.
    pub evidence: Vec<EvidenceRecord>,
    /// `sentence`: article id, headline, index, start, text (the evidence
    /// sentences stored once, which an evidence row with an empty text
    /// reads).
    pub sentences: Vec<(i64, bool, i64, i64, String)>,
    /// `curation`.
    pub corrections: Vec<CorrectionRecord>,
}

/// One recorded correction, as [`Snapshot`] holds it: the `curation` row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CorrectionRecord {
    /// Its number.
    pub id: i64,
    /// `merge`, `split`, ...
    pub command: String,
    /// The entity corrected, by key.
    pub subject: String,
    /// Its name then.
    pub subject_name: String,
    /// The other entity, by key.
    pub object: Option<String>,
    /// Its name then.
    pub object_name: Option<String>,
    /// The name split off or aliased.
    pub name: Option<String>,
    /// The kind.
    pub kind: Option<String>,
    /// The edge type.
    pub edge: Option<String>,
    /// Who made it.
    pub user: String,
    /// When.
    pub created_at: String,
    /// When it was undone.
    pub undone_at: Option<String>,
    /// By whom.
    pub undone_by: Option<String>,
}

/// One stored article, as [`Snapshot`] holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleRecord {
    /// Row id.
    pub id: i64,
    /// Identity.
    pub key: String,
    /// Content hash.
    pub hash: String,
    /// Headline.
    pub title: String,
    /// Date.
    pub date: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Body.
    pub body: String,
    /// Label.
    pub label: Option<String>,
    /// Whether the body was stored (false: ingested with `--no-bodies`,
    /// and the body is empty).
    pub body_kept: bool,
}

/// One stored entity with its aggregates, as [`Snapshot`] holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityRecord {
    /// Row id.
    pub id: i64,
    /// Canonical key.
    pub key: String,
    /// Kind.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Wikidata id.
    pub qid: Option<String>,
    /// Surname of a person named in full.
    pub surname: Option<String>,
    /// Articles mentioning it.
    pub articles: i64,
    /// Mentions.
    pub mentions: i64,
}

/// One stored edge with its aggregates, as [`Snapshot`] holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EdgeRecord {
    /// Row id.
    pub id: i64,
    /// Source entity id.
    pub source_id: i64,
    /// Edge type.
    pub edge: String,
    /// Target entity id.
    pub target_id: i64,
    /// Negated or hypothetical.
    pub flagged: bool,
    /// Rejected by a correction.
    pub rejected: bool,
    /// Supporting articles.
    pub articles: i64,
    /// Evidence rows.
    pub evidence_count: i64,
    /// Earliest article date.
    pub first_seen: Option<String>,
    /// Latest article date.
    pub last_seen: Option<String>,
}

/// One stored piece of evidence, as [`Snapshot`] holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvidenceRecord {
    /// Edge id.
    pub edge_id: i64,
    /// Article id.
    pub article_id: i64,
    /// Sentence index.
    pub sentence: i64,
    /// Start byte offset.
    pub start: i64,
    /// End byte offset.
    pub end: i64,
    /// Sentence text as stored: empty when the sentence is in
    /// [`Snapshot::sentences`].
    pub text: String,
    /// Confidence.
    pub confidence: f64,
    /// Office, for `represents`.
    pub role: Option<String>,
    /// Negated.
    pub negated: bool,
    /// Hypothetical.
    pub hypothetical: bool,
    /// Extraction rule.
    pub rule: Option<String>,
    /// Read from the headline.
    pub headline: bool,
    /// How a reference was resolved.
    pub via: Option<String>,
}

impl Snapshot {
    /// Rows per table: articles, entities, aliases, mentions, edges,
    /// evidence, corrections.
    pub fn counts(&self) -> [usize; 7] {
        [
            self.articles.len(),
            self.entities.len(),
            self.aliases.len(),
            self.mentions.len(),
            self.edges.len(),
            self.evidence.len(),
            self.corrections.len(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects issue 11's one choice of a page's access path for both
    /// backends: one entity's edges alone are read by weight; two ends,
    /// none, or dates or a confidence read the listing whole, from the
    /// first end named.
    #[test]
    fn a_page_is_read_by_weight_only_for_one_end_unnarrowed() {
        let q = |from, to, touching| EdgeQuery {
            from,
            to,
            touching,
            ..Default::default()
        };
        assert_eq!(
            q(Some(7), None, None).page_path(),
            PagePath::ByWeight(Ends::From, 7)
        );
        assert_eq!(
            q(None, Some(8), None).page_path(),
            PagePath::ByWeight(Ends::To, 8)
        );
        assert_eq!(
            q(None, None, Some(9)).page_path(),
            PagePath::ByWeight(Ends::Touching, 9)
        );
        assert_eq!(
            q(Some(7), Some(8), None).page_path(),
            PagePath::Whole(Ends::From, Some(7))
        );
        assert_eq!(
            q(None, Some(8), Some(9)).page_path(),
            PagePath::Whole(Ends::To, Some(8))
        );
        assert_eq!(
            q(None, None, None).page_path(),
            PagePath::Whole(Ends::All, None)
        );
        for narrowed in [
            EdgeQuery {
                since: Some("2024-01-01".into()),
                ..q(Some(7), None, None)
            },
            EdgeQuery {
                until: Some("2024-01-01".into()),
                ..q(Some(7), None, None)
            },
            EdgeQuery {
                min_confidence: Some(0.5),
                ..q(Some(7), None, None)
            },
        ] {
            assert_eq!(narrowed.page_path(), PagePath::Whole(Ends::From, Some(7)));
        }
    }
}
