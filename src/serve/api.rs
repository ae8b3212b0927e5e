//! The JSON API of `geokg serve`, without HTTP: one endpoint name and its
//! query parameters in, one JSON value (or an export's text) out, through
//! the same `query`, `store` and `export` functions as the CLI commands.
//!
//! Invariant: every parameter is checked before the database is read (an
//! unknown parameter, type, kind or date is a 400 naming it); every list an
//! answer holds is capped, and the answer says when it was cut.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use serde_json::{Value, json};

use crate::export;
use crate::gazetteer::Gazetteer;
use crate::graph::{Filter, KnowledgeGraph, Node};
use crate::ontology::{EdgeType, Kind};
use crate::query::{self, QueryError};
use crate::store::{EdgeQuery, EntityRef, EntityRow, ExplainRow, Store, StoreError};
use crate::style;

/// The endpoints, for the error that names an unknown one.
pub const ENDPOINTS: [&str; 10] = [
    "info",
    "style",
    "entities",
    "entity",
    "neighbors",
    "relations",
    "path",
    "explain",
    "timeline",
    "export",
];

/// Most neighbours one `neighbors` answer holds (`limit`).
pub const MAX_NODES: usize = 2000;
/// Most nodes and edges together one `neighbors` answer holds, what the
/// page draws at once and stays responsive with; more come in parts.
pub const MAX_ELEMENTS: usize = 2000;
/// Most relations one `relations` answer holds.
pub const MAX_RELATIONS: usize = 2000;
/// Most pieces of evidence per relation in a `relations` answer (an edge
/// can have thousands; `evidence_total` counts them all).
pub const MAX_EVIDENCE: usize = 200;
/// Most pieces of evidence one `explain` answer holds, and most rows one
/// `timeline` answer holds.
pub const MAX_ROWS: usize = 2000;

/// The parameters that scope the edges an endpoint reads (`Api::scope`):
/// edge types, article dates and the lowest confidence.
const SCOPE: &[&str] = &["types", "since", "until", "as_of", "min_confidence"];

/// Why a request could not be answered; each has an HTTP status.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// A missing, unknown or malformed parameter (400).
    #[error("{0}")]
    BadRequest(String),
    /// Keys of `export` that name no entity (400): the unknown ones and
    /// the valid ones given.
    #[error("{}", unknown_keys(.unknown, .valid))]
    UnknownKeys {
        /// The keys no entity has, in the order given.
        unknown: Vec<String>,
        /// The keys given that name an entity, in the order given.
        valid: Vec<String>,
    },
    /// No such endpoint (404); the closest by edit distance suggested.
    #[error("no endpoint /api/{0}; {hint}the endpoints: {list}", hint = did_you_mean(.0), list = ENDPOINTS.join(", "))]
    NoEndpoint(String),
    /// A query failed: unknown names are 404 with suggestions, ambiguous
    /// ones 400 with candidates, bad periods 400, the database 500.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The database failed (500).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ApiError {
    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        match self {
            ApiError::BadRequest(_) | ApiError::UnknownKeys { .. } => 400,
            ApiError::NoEndpoint(_) => 404,
            ApiError::Query(QueryError::Unknown { .. }) => 404,
            ApiError::Query(QueryError::Store(_)) | ApiError::Store(_) => 500,
            ApiError::Query(_) => 400,
        }
    }

    /// The error as JSON: `error` (one line), with `suggestions` for an
    /// unknown name and `candidates` for an ambiguous one.
    pub fn to_json(&self) -> Value {
        let mut v = json!({ "error": self.to_string(), "status": self.status() });
        match self {
            ApiError::Query(QueryError::Unknown { suggestions, .. }) => {
                v["suggestions"] = json!(suggestions);
            }
            ApiError::Query(QueryError::Ambiguous { candidates, .. }) => {
                v["candidates"] = json!(candidates);
            }
            ApiError::UnknownKeys { unknown, valid } => {
                v["unknown"] = json!(unknown);
                v["valid"] = json!(valid);
            }
            ApiError::NoEndpoint(name) => {
                v["suggestions"] = json!(
                    closest_endpoints(name)
                        .iter()
                        .map(|e| format!("/api/{e}"))
                        .collect::<Vec<_>>()
                );
                v["endpoints"] = json!(ENDPOINTS.map(|e| format!("/api/{e}")));
            }
            _ => {}
        }
        v
    }
}

/// The endpoints nearest to `name` (its first path segment: a path under
/// an endpoint, `neighbors/x`, names it) by edit distance, all at the
/// least distance in [`ENDPOINTS`] order, when near enough to be a typo:
/// at most a third of the segment's length, and at least 1.
pub fn closest_endpoints(name: &str) -> Vec<&'static str> {
    let name = name
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("")
        .to_lowercase();
    let most = (name.chars().count() / 3).max(1);
    let scored: Vec<(usize, &'static str)> = ENDPOINTS
        .iter()
        .map(|&e| (query::edit_distance(&name, e), e))
        .filter(|&(d, _)| d <= most)
        .collect();
    let best = scored.iter().map(|&(d, _)| d).min();
    scored
        .into_iter()
        .filter(|&(d, _)| Some(d) == best)
        .map(|(_, e)| e)
        .collect()
}

/// "did you mean /api/NAME? " for an unknown endpoint near one, else "".
fn did_you_mean(name: &str) -> String {
    let near = closest_endpoints(name);
    if near.is_empty() {
        return String::new();
    }
    let list: Vec<String> = near.iter().map(|e| format!("/api/{e}")).collect();
    format!("did you mean {}? ", list.join(" or "))
}

/// An answer: JSON, or the text of an export with its media type.
#[derive(Debug, PartialEq)]
pub enum Reply {
    /// A JSON value.
    Json(Value),
    /// An export: media type and text.
    Text(&'static str, String),
}

/// The database and the gazetteer the API reads; the gazetteer resolves a
/// name the database does not know and gives offices and members.
pub struct Api {
    store: Store,
    gazetteer: Gazetteer,
}

/// An article as evidence names it: label, address, date.
type ArticleId = (String, Option<String>, Option<String>);

/// The query parameters of one request.
pub type Params = BTreeMap<String, String>;

/// The query parameters of a request as they came, each name once: a name
/// given twice (`name=A&name=B`) is a 400 naming it, never one value
/// silently chosen over the other.
pub fn params(pairs: Vec<(String, String)>) -> Result<Params, ApiError> {
    let mut out = Params::new();
    for (name, value) in pairs {
        if out.contains_key(&name) {
            return Err(ApiError::BadRequest(format!(
                "parameter '{name}' is given more than once; give it once"
            )));
        }
        out.insert(name, value);
    }
    Ok(out)
}

impl Api {
    /// An API over an open (read-only) database.
    pub fn new(store: Store, gazetteer: Gazetteer) -> Api {
        Api { store, gazetteer }
    }

    /// Answers `/api/{endpoint}?{params}`.
    pub fn handle(&self, endpoint: &str, params: &Params) -> Result<Reply, ApiError> {
        let p = Checked::new(params);
        let json = |v: Result<Value, ApiError>| v.map(Reply::Json);
        match endpoint {
            "info" => json(self.info(&p)),
            "style" => {
                p.only(&[])?;
                Ok(Reply::Json(style::cytoscape()))
            }
            "entities" => json(self.entities(&p)),
            "entity" => json(self.entity(&p)),
            "neighbors" => json(self.neighbors(&p)),
            "relations" => json(self.relations(&p)),
            "path" => json(self.path(&p)),
            "explain" => json(self.explain(&p)),
            "timeline" => json(self.timeline(&p)),
            "export" => self.export(&p),
            other => Err(ApiError::NoEndpoint(other.to_string())),
        }
    }

    fn info(&self, p: &Checked) -> Result<Value, ApiError> {
        p.only(&[])?;
        let (articles, entities, edges) = self.store.counts()?;
        let span = self.store.date_span()?;
        Ok(json!({
            "articles": articles, "entities": entities, "edges": edges,
            "first_date": span.as_ref().map(|s| &s.0),
            "last_date": span.as_ref().map(|s| &s.1),
            "edge_types": EdgeType::ALL.map(|t| t.as_str()),
            "kinds": Kind::ALL.map(|k| k.as_str()),
        }))
    }

    fn resolve(&self, name: &str) -> Result<EntityRef, ApiError> {
        let g = &self.gazetteer;
        Ok(query::resolve(&self.store, name, || {
            g.lookup(name)
                .iter()
                .map(|r| g.entry(r.entity).id.clone())
                .collect()
        })?)
    }

    /// `entities`: entities whose name or an alias contains `q` (all when
    /// empty), most mentioned first; with none, the closest names.
    fn entities(&self, p: &Checked) -> Result<Value, ApiError> {
        p.only(&["q", "kind", "limit"])?;
        let q = p.get("q").unwrap_or("").trim();
        let kind = p.kind("kind")?;
        let limit = p.number("limit", 20, 1, 200)?;
        let found = self.store.entities(kind, (!q.is_empty()).then_some(q))?;
        let suggestions = if found.is_empty() && !q.is_empty() {
            query::closest_names(&self.store.all_names()?, q, 5)
        } else {
            Vec::new()
        };
        Ok(json!({
            "query": q,
            "total": found.len(),
            "entities": found.iter().take(limit).map(entity_json).collect::<Vec<_>>(),
            "suggestions": suggestions,
        }))
    }

    /// The stored row of a resolved entity: its aliases and articles.
    fn row(&self, e: &EntityRef) -> Result<EntityRow, ApiError> {
        let rows = self.store.entities(Some(e.kind), Some(&e.name))?;
        Ok(rows
            .into_iter()
            .find(|r| r.key == e.key)
            .unwrap_or_else(|| EntityRow {
                id: e.id,
                key: e.key.clone(),
                kind: e.kind,
                name: e.name.clone(),
                aliases: Vec::new(),
                articles: 0,
            }))
    }

    /// `entity`: the card of one entity: kind, aliases, articles, and from
    /// the gazetteer its offices with dates, members and alliances.
    fn entity(&self, p: &Checked) -> Result<Value, ApiError> {
        p.only(&["name"])?;
        let e = self.resolve(p.required("name")?)?;
        let row = self.row(&e)?;
        let g = &self.gazetteer;
        let mut offices = Vec::new();
        let mut members = Vec::new();
        let mut member_of = Vec::new();
        if let Some(k) = g.by_id(&e.key) {
            for r in g.roles_of(k, None) {
                offices.push(json!({
                    "role": r.role, "of": g.entry(r.of).name,
                    "start": r.start, "end": r.end,
                }));
            }
            for m in g.members_of(k) {
                members.push(json!({
                    "name": g.entry(m.member).name, "joined": m.joined, "left": m.left,
                }));
            }
            for m in g.members().iter().filter(|m| m.member == k) {
                member_of.push(json!({
                    "name": g.entry(m.alliance).name, "joined": m.joined, "left": m.left,
                }));
            }
        }
        let degree = self.store.adjacent(e.id, &EdgeQuery::default())?.len();
        let mut card = entity_json(&row);
        card["offices"] = json!(offices);
        card["members"] = json!(members);
        card["member_of"] = json!(member_of);
        card["neighbours"] = json!(degree);
        Ok(card)
    }

    /// `neighbors`: the entities within `depth` hops and the edges among
    /// them, the center first and then the rest by articles, in parts of
    /// at most [`MAX_ELEMENTS`] nodes and edges together (and at most
    /// `limit` neighbours) from `offset` (`query::part`); a part holds its
    /// nodes and every edge that joins one of them to a node of this or an
    /// earlier part, and says where the next part starts.
    fn neighbors(&self, p: &Checked) -> Result<Value, ApiError> {
        p.only_scoped(&["name", "depth", "kinds", "limit", "offset"])?;
        let depth = p.number("depth", 1, 1, 3)?;
        let kinds = p.kinds("kinds")?;
        let limit = p.number("limit", MAX_NODES, 1, MAX_NODES)?;
        let offset = p.number("offset", 0, 0, usize::MAX)?;
        let q = self.scope(p)?;
        let center = self.resolve(p.required("name")?)?;
        let n = query::neighbors(&self.store, &center, depth, &kinds, &q)?;
        let articles = self.store.articles_per_entity(&q)?;
        let count = |id: i64| articles.get(&id).copied().unwrap_or(0);
        let part = query::part(&n, &articles, offset, limit, MAX_ELEMENTS);
        let nodes: Vec<Value> = part
            .nodes
            .iter()
            .map(|x| node_json(&x.entity, x.distance, count(x.entity.id)))
            .collect();
        let edges: Vec<Value> = part
            .edges
            .iter()
            .map(|e| {
                edge_json(
                    &e.source.key,
                    e.edge,
                    &e.target.key,
                    e.count,
                    &e.first_seen,
                    &e.last_seen,
                )
            })
            .collect();
        Ok(json!({
            "center": center,
            "depth": depth,
            "total": part.neighbours,
            "total_nodes": n.entities.len(),
            "total_edges": n.edges.len(),
            "offset": offset,
            "more": part.next.is_some(),
            "next_offset": part.next,
            "edges_left_out": part.left_out,
            "nodes": nodes,
            "edges": edges,
        }))
    }

    /// `relations`: as the CLI's `relations`, each edge with its evidence
    /// (the first `evidence`, 3 as in the CLI; `evidence_total` counts all).
    fn relations(&self, p: &Checked) -> Result<Value, ApiError> {
        p.only_scoped(&["from", "to", "all", "limit", "evidence"])?;
        let limit = p.number("limit", 200, 1, MAX_RELATIONS)?;
        let evidence = p.number("evidence", 3, 1, MAX_EVIDENCE)?;
        let mut q = self.scope(p)?;
        q.include_flagged = p.flag("all")?;
        q.evidence_limit = Some(evidence);
        if let Some(name) = p.get("from") {
            q.from = Some(self.resolve(name)?.id);
        }
        if let Some(name) = p.get("to") {
            q.to = Some(self.resolve(name)?.id);
        }
        let list = self.store.edges(&q)?;
        Ok(json!({
            "total": list.len(),
            "truncated": list.len() > limit,
            "relations": &list[..list.len().min(limit)],
        }))
    }

    /// `path`: every shortest path between two entities, with evidence.
    fn path(&self, p: &Checked) -> Result<Value, ApiError> {
        p.only_scoped(&["from", "to", "max_hops", "limit"])?;
        let max_hops = p.number("max_hops", 4, 1, 8)?;
        let limit = p.number("limit", 10, 1, 100)?;
        let q = self.scope(p)?;
        let a = self.resolve(p.required("from")?)?;
        let b = self.resolve(p.required("to")?)?;
        to_value(&query::path(&self.store, &a, &b, max_hops, limit, &q)?)
    }

    /// `explain`: the evidence for one edge (up to `limit`), each with its
    /// article's title and its sentence split around the span.
    fn explain(&self, p: &Checked) -> Result<Value, ApiError> {
        p.only(&[
            "source",
            "type",
            "target",
            "limit",
            "since",
            "until",
            "as_of",
            "min_confidence",
        ])?;
        let limit = p.number("limit", 200, 1, MAX_ROWS)?;
        let edge = p.edge_type(p.required("type")?)?;
        let q = self.scope(p)?;
        let a = self.resolve(p.required("source")?)?;
        let b = self.resolve(p.required("target")?)?;
        let x = query::explain(&self.store, &a, edge, &b, &q)?;
        let mut texts: HashMap<ArticleId, Vec<(String, String)>> = HashMap::new();
        let mut evidence = Vec::new();
        for row in x.evidence.iter().take(limit) {
            let key = (row.article.clone(), row.url.clone(), row.date.clone());
            if !texts.contains_key(&key) {
                let found = self.store.article_texts(
                    &row.article,
                    row.url.as_deref(),
                    row.date.as_deref(),
                )?;
                texts.insert(key.clone(), found);
            }
            let candidates = texts.get(&key).map(Vec::as_slice).unwrap_or_default();
            evidence.push(evidence_json(row, candidates)?);
        }
        Ok(json!({
            "source": a, "type": edge, "target": b,
            "total": x.evidence.len(),
            "truncated": x.evidence.len() > limit,
            "evidence": evidence,
            "instead": x.instead,
        }))
    }

    /// `timeline`: as the CLI's `timeline`, at most `limit` rows.
    fn timeline(&self, p: &Checked) -> Result<Value, ApiError> {
        p.only_scoped(&["name", "limit"])?;
        let limit = p.number("limit", 500, 1, MAX_ROWS)?;
        let q = self.scope(p)?;
        let x = self.resolve(p.required("name")?)?;
        let rows = query::timeline(&self.store, &x, &q)?;
        Ok(json!({
            "entity": x,
            "total": rows.len(),
            "truncated": rows.len() > limit,
            "timeline": &rows[..rows.len().min(limit)],
        }))
    }

    /// `export`: the edges in scope among the entities `keys` names, as
    /// DOT, JSON, GraphML or GEXF (what the page shows).
    fn export(&self, p: &Checked) -> Result<Reply, ApiError> {
        p.only_scoped(&["format", "keys", "evidence"])?;
        // Evidence per edge is capped as in `relations` (an edge can have
        // thousands of sentences): 3 unless `evidence` asks for more.
        let evidence = p.number("evidence", 3, 1, MAX_EVIDENCE)?;
        let format = p.get("format").unwrap_or("json");
        if !FORMATS.contains(&format) {
            return Err(format_error(format));
        }
        // Distinct keys, in the order given.
        let mut seen = HashSet::new();
        let keys: Vec<&str> = p
            .required("keys")?
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty() && seen.insert(*k))
            .collect();
        if keys.len() > 5000 {
            return Err(ApiError::BadRequest(format!(
                "keys names {} entities; at most 5000",
                keys.len()
            )));
        }
        let mut q = self.scope(p)?;
        q.evidence_limit = Some(evidence);
        // Only the edges among the named entities are read (issue 11); a
        // key not in the graph is refused, naming it (the page sends only
        // keys it was given).
        let mut named = Vec::with_capacity(keys.len());
        let mut unknown = Vec::new();
        for k in &keys {
            match self.store.entity_by_key(k)? {
                Some(e) => named.push(e),
                None => unknown.push(k.to_string()),
            }
        }
        if !unknown.is_empty() {
            return Err(ApiError::UnknownKeys {
                unknown,
                valid: named.into_iter().map(|e| e.key).collect(),
            });
        }
        let ids: Vec<i64> = named.iter().map(|e| e.id).collect();
        let rows = self.store.edges_among(&ids, &q)?;
        let mut kg = KnowledgeGraph::from_edges(rows, &Filter::default());
        // A node on screen with no edge in scope is still on screen: it is
        // exported too, alone (in key order).
        named.sort_by(|a, b| a.key.cmp(&b.key));
        for e in named {
            if kg.find(&e.key).is_none() {
                kg.graph.add_node(Node {
                    key: e.key,
                    name: e.name,
                    kind: e.kind,
                });
            }
        }
        match format {
            "dot" => Ok(Reply::Text(
                "text/vnd.graphviz; charset=utf-8",
                export::to_dot(
                    &kg,
                    &export::DotOptions {
                        legend: true,
                        ..export::DotOptions::default()
                    },
                ),
            )),
            "json" => Ok(Reply::Json(export::to_json(&kg))),
            "graphml" => Ok(Reply::Text(
                "application/graphml+xml; charset=utf-8",
                export::to_graphml(&kg),
            )),
            "gexf" => Ok(Reply::Text(
                "application/gexf+xml; charset=utf-8",
                export::to_gexf(&kg),
            )),
            other => Err(format_error(other)),
        }
    }

    /// The scope every query shares: types, period (`as_of` is `until`),
    /// confidence; the period checked against the articles.
    fn scope(&self, p: &Checked) -> Result<EdgeQuery, ApiError> {
        let since = p.date("since")?;
        let (until, until_name) = match (p.date("until")?, p.date("as_of")?) {
            (Some(_), Some(_)) => {
                return Err(ApiError::BadRequest(
                    "give until or as_of, not both".to_string(),
                ));
            }
            (None, Some(a)) => (Some(a), "as_of"),
            (u, None) => (u, "until"),
        };
        let min_confidence = match p.get("min_confidence") {
            None => None,
            Some(s) => match s.parse::<f64>() {
                Ok(c) if (0.0..=1.0).contains(&c) => Some(c),
                _ => {
                    return Err(ApiError::BadRequest(format!(
                        "min_confidence '{s}' is not a number from 0 to 1"
                    )));
                }
            },
        };
        // Messages name the query parameters, not the CLI's flags.
        query::check_period_named(
            &self.store,
            since.as_deref(),
            until.as_deref(),
            ["since", until_name],
        )?;
        Ok(EdgeQuery {
            types: p.types("types")?,
            since,
            until,
            min_confidence,
            ..EdgeQuery::default()
        })
    }
}

/// The formats `export` writes.
const FORMATS: [&str; 4] = ["dot", "json", "graphml", "gexf"];

fn format_error(format: &str) -> ApiError {
    ApiError::BadRequest(format!(
        "format '{format}' is not one of {}",
        FORMATS.join(", ")
    ))
}

/// The keys an [`ApiError::UnknownKeys`] names: quoted, the first ten,
/// then how many more.
fn key_list(keys: &[String]) -> String {
    let mut s: Vec<String> = keys.iter().take(10).map(|k| format!("'{k}'")).collect();
    if keys.len() > 10 {
        s.push(format!("… ({} in all)", keys.len()));
    }
    s.join(", ")
}

/// The message of an [`ApiError::UnknownKeys`].
fn unknown_keys(unknown: &[String], valid: &[String]) -> String {
    let (word, them) = if unknown.len() == 1 {
        ("key", "it")
    } else {
        ("keys", "them")
    };
    let valid = if valid.is_empty() {
        "none of the keys given is valid".to_string()
    } else {
        format!("the valid keys given: {}", key_list(valid))
    };
    format!(
        "unknown {word} {} in keys: no entity has {them} (keys are the ids /api/entities and /api/neighbors give, such as state/RUS); {valid}",
        key_list(unknown)
    )
}

fn to_value(v: &impl Serialize) -> Result<Value, ApiError> {
    serde_json::to_value(v).map_err(|e| ApiError::Store(StoreError::Corrupt(e.to_string())))
}

fn entity_json(e: &EntityRow) -> Value {
    json!({
        "key": e.key, "name": e.name, "kind": e.kind,
        "aliases": e.aliases, "articles": e.articles,
    })
}

fn node_json(e: &EntityRef, distance: usize, articles: usize) -> Value {
    json!({
        "key": e.key, "name": e.name, "kind": e.kind,
        "distance": distance, "articles": articles,
    })
}

/// An edge as the page draws it: ends by key, an id stable across
/// requests, and its width from the shared style.
fn edge_json(
    source: &str,
    edge: EdgeType,
    target: &str,
    count: usize,
    first_seen: &Option<String>,
    last_seen: &Option<String>,
) -> Value {
    json!({
        "id": format!("{source}|{edge}|{target}"),
        "source": source, "type": edge, "target": target,
        "count": count, "first_seen": first_seen, "last_seen": last_seen,
        "width": (style::edge_width(edge, count) * 10.0).round() / 10.0,
    })
}

/// One piece of evidence with its article's title and its sentence cut
/// into `before`, `span`, `after` (the span as stored, in byte offsets of
/// the body or headline, found inside the sentence).
fn evidence_json(row: &ExplainRow, articles: &[(String, String)]) -> Result<Value, ApiError> {
    let mut title = None;
    let mut parts = None;
    for (t, body) in articles {
        let source = if row.headline { t } else { body };
        if let Some(p) = split_at_span(source, &row.text, row.start, row.end) {
            title = Some(t.clone());
            parts = Some(p);
            break;
        }
    }
    let (before, span, after) =
        parts.unwrap_or_else(|| (row.text.clone(), String::new(), String::new()));
    let mut v = to_value(row)?;
    v["title"] = json!(title.or_else(|| articles.first().map(|a| a.0.clone())));
    v["before"] = json!(before);
    v["span"] = json!(span);
    v["after"] = json!(after);
    Ok(v)
}

/// The sentence `sentence` cut around the span `start..end` of `source`
/// (the text it was read from): the occurrence of the sentence in `source`
/// that holds the span. `None` when no occurrence holds it.
pub fn split_at_span(
    source: &str,
    sentence: &str,
    start: i64,
    end: i64,
) -> Option<(String, String, String)> {
    let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
    if sentence.is_empty() || end < start {
        return None;
    }
    source
        .match_indices(sentence)
        .map(|(at, _)| at)
        .find(|&at| at <= start && end <= at + sentence.len())
        .and_then(|at| {
            Some((
                sentence.get(..start - at)?.to_string(),
                sentence.get(start - at..end - at)?.to_string(),
                sentence.get(end - at..)?.to_string(),
            ))
        })
}

/// Query parameters with the checks every endpoint shares.
struct Checked<'a> {
    params: &'a Params,
}

impl<'a> Checked<'a> {
    fn new(params: &'a Params) -> Checked<'a> {
        Checked { params }
    }

    /// Refuses a parameter the endpoint does not take.
    fn only(&self, known: &[&str]) -> Result<(), ApiError> {
        match self.params.keys().find(|k| !known.contains(&k.as_str())) {
            None => Ok(()),
            Some(k) if known.is_empty() => Err(ApiError::BadRequest(format!(
                "unknown parameter '{k}': this endpoint takes none"
            ))),
            Some(k) => Err(ApiError::BadRequest(format!(
                "unknown parameter '{k}'; this endpoint takes: {}",
                known.join(", ")
            ))),
        }
    }

    /// `only`, for an endpoint that also takes the scope of [`SCOPE`].
    fn only_scoped(&self, own: &[&str]) -> Result<(), ApiError> {
        let known: Vec<&str> = own.iter().chain(SCOPE).copied().collect();
        self.only(&known)
    }

    fn get(&self, name: &str) -> Option<&'a str> {
        self.params.get(name).map(String::as_str)
    }

    fn required(&self, name: &str) -> Result<&'a str, ApiError> {
        match self.get(name).map(str::trim) {
            Some(v) if !v.is_empty() => Ok(v),
            _ => Err(ApiError::BadRequest(format!(
                "parameter '{name}' is required"
            ))),
        }
    }

    fn number(
        &self,
        name: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(s) = self.get(name) else {
            return Ok(default);
        };
        match s.trim().parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ if max == usize::MAX => Err(ApiError::BadRequest(format!(
                "{name} '{s}' is not a whole number from {min}"
            ))),
            _ => Err(ApiError::BadRequest(format!(
                "{name} '{s}' is not a whole number from {min} to {max}"
            ))),
        }
    }

    fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.get(name) {
            None | Some("false" | "0") => Ok(false),
            Some("true" | "1" | "") => Ok(true),
            Some(s) => Err(ApiError::BadRequest(format!(
                "{name} '{s}' is not true or false"
            ))),
        }
    }

    fn date(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.get(name).map(str::trim) {
            None | Some("") => Ok(None),
            Some(s) => match crate::article::parse_date(s) {
                Some(d) if d.len() == s.len() => Ok(Some(d)),
                _ => Err(ApiError::BadRequest(format!(
                    "{name} '{s}' is not a date (YYYY-MM-DD)"
                ))),
            },
        }
    }

    fn edge_type(&self, s: &str) -> Result<EdgeType, ApiError> {
        s.trim()
            .parse()
            .map_err(|e: crate::ontology::UnknownName| ApiError::BadRequest(e.to_string()))
    }

    fn list(&self, name: &str) -> impl Iterator<Item = &'a str> {
        self.get(name)
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    fn types(&self, name: &str) -> Result<Vec<EdgeType>, ApiError> {
        self.list(name).map(|s| self.edge_type(s)).collect()
    }

    fn kind(&self, name: &str) -> Result<Option<Kind>, ApiError> {
        self.get(name)
            .map(|s| {
                s.trim()
                    .parse()
                    .map_err(|e: crate::ontology::UnknownName| ApiError::BadRequest(e.to_string()))
            })
            .transpose()
    }

    fn kinds(&self, name: &str) -> Result<Vec<Kind>, ApiError> {
        self.list(name)
            .map(|s| {
                s.parse()
                    .map_err(|e: crate::ontology::UnknownName| ApiError::BadRequest(e.to_string()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects the evidence pane's highlight: the span is found inside the
    /// occurrence of the sentence that holds it, even when the same
    /// sentence appears twice, and nothing is cut when it is not there.
    #[test]
    fn the_span_is_cut_out_of_its_own_sentence() {
        let body = "Putin met Xi. Putin met Xi.";
        assert_eq!(
            split_at_span(body, "Putin met Xi.", 14, 26),
            Some((String::new(), "Putin met Xi".to_string(), ".".to_string()))
        );
        assert_eq!(
            split_at_span(body, "Putin met Xi.", 6, 9),
            Some(("Putin ".to_string(), "met".to_string(), " Xi.".to_string()))
        );
        assert_eq!(split_at_span(body, "Biden spoke.", 0, 5), None);
        assert_eq!(split_at_span(body, "Putin met Xi.", 10, 40), None);
        assert_eq!(split_at_span(body, "Putin met Xi.", -1, 4), None);
    }

    /// Protects the help an unknown endpoint gets: the closest by edit
    /// distance when it is a typo, none when nothing is near.
    #[test]
    fn an_unknown_endpoint_gets_the_closest() {
        assert_eq!(closest_endpoints("neigbors"), ["neighbors"]);
        assert_eq!(closest_endpoints("Relation"), ["relations"]);
        assert_eq!(closest_endpoints("entitys"), ["entity"]);
        assert_eq!(closest_endpoints("neighbors/extra"), ["neighbors"]);
        assert_eq!(closest_endpoints("graph"), Vec::<&str>::new());
        assert_eq!(closest_endpoints(""), Vec::<&str>::new());
        assert_eq!(
            ApiError::NoEndpoint("neigbors".into()).to_string(),
            "no endpoint /api/neigbors; did you mean /api/neighbors? the endpoints: info, style, entities, entity, neighbors, relations, path, explain, timeline, export"
        );
    }

    /// Protects against a repeated parameter silently resolved (the last
    /// one won): it is refused, named; distinct names pass as given.
    #[test]
    fn a_repeated_parameter_is_refused() {
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(
            params(vec![
                pair("name", "A"),
                pair("depth", "2"),
                pair("name", "B")
            ])
            .unwrap_err()
            .to_string(),
            "parameter 'name' is given more than once; give it once"
        );
        assert_eq!(
            params(vec![pair("name", "A"), pair("depth", "2")]).unwrap(),
            Params::from([pair("depth", "2"), pair("name", "A")])
        );
    }

    /// Protects the 400s: every bad parameter is named with what is wanted.
    #[test]
    fn bad_parameters_are_named() {
        let params: Params = [("depth".to_string(), "9".to_string())].into();
        let p = Checked::new(&params);
        assert_eq!(
            p.number("depth", 1, 1, 3).unwrap_err().to_string(),
            "depth '9' is not a whole number from 1 to 3"
        );
        assert_eq!(
            p.only(&["name"]).unwrap_err().to_string(),
            "unknown parameter 'depth'; this endpoint takes: name"
        );
        let params: Params = [("since".to_string(), "2024-02-31".to_string())].into();
        assert_eq!(
            Checked::new(&params).date("since").unwrap_err().to_string(),
            "since '2024-02-31' is not a date (YYYY-MM-DD)"
        );
    }
}
