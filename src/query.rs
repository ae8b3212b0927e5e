//! The analyst's questions over the stored graph: how two entities are
//! connected (`path`), who is around one (`neighbors`), who matters
//! (`top`), who acts together (`communities`), how an entity's relations
//! unfolded (`timeline`), what changed between two periods (`diff`) and
//! why the graph holds an edge (`explain`); with the name resolution and
//! date checks they share. Reads the database through `store` a node or
//! an edge at a time where the answer allows, and runs the algorithms of
//! `graph`.
//!
//! Invariant: every answer is deterministic (ties broken by name, then
//! key) and built only from edges in the asked scope: not negated or
//! hypothetical, of the asked types, supported by evidence in the asked
//! dates and confidence.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::graph;
use crate::ontology::{EdgeType, Kind, fold};
use crate::store::{
    DiffRow, EdgeQuery, EdgeSummary, EntityRef, EvidenceRow, ExplainRow, Store, StoreError,
    TimelineRow,
};

/// Why a query could not be answered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No entity has this name.
    #[error("no entity named '{name}' in the database{}", suggestion(.suggestions))]
    Unknown {
        /// The name given.
        name: String,
        /// The closest stored names, nearest first.
        suggestions: Vec<String>,
    },
    /// Several entities have this name.
    #[error("'{name}' names {} entities: {}; give one by its id", .candidates.len(), .candidates.join(", "))]
    Ambiguous {
        /// The name given.
        name: String,
        /// Each as `Name (kind, id, N articles)`.
        candidates: Vec<String>,
    },
    /// Dates that contradict each other or lie outside the articles.
    #[error("{0}")]
    Period(String),
    /// The same entity named twice where two are needed.
    #[error("'{0}' and '{1}' are the same entity")]
    Same(String, String),
}

fn suggestion(names: &[String]) -> String {
    if names.is_empty() {
        "; list names with `geokg entities --match TEXT`".to_string()
    } else {
        format!("; closest: {}", names.join(", "))
    }
}

/// Finds the one entity a user means: by its id ("state/RUS"), else by any
/// stored name or alias (case and "the" folded), else through `fallback`,
/// which may return the ids of gazetteer readings of the name (so that the
/// caller loads the gazetteer only when the database does not know the
/// name). Several entities with the name is [`QueryError::Ambiguous`]
/// listing them; none is [`QueryError::Unknown`] with the closest names by
/// edit distance.
pub fn resolve(
    store: &Store,
    name: &str,
    fallback: impl FnOnce() -> Vec<String>,
) -> Result<EntityRef, QueryError> {
    if let Some(e) = store.entity_by_key(name.trim())? {
        return Ok(e);
    }
    let mut found = store.entities_named(name)?;
    if found.is_empty() {
        let mut seen = HashSet::new();
        for key in fallback() {
            if seen.insert(key.clone())
                && let Some(e) = store.entity_by_key(&key)?
            {
                found.push((e, 0));
            }
        }
    }
    match found.len() {
        0 => Err(QueryError::Unknown {
            name: name.to_string(),
            suggestions: closest_names(&store.all_names()?, name, 5),
        }),
        1 => Ok(found.remove(0).0),
        _ => Err(QueryError::Ambiguous {
            name: name.to_string(),
            candidates: found
                .iter()
                .map(|(e, n)| format!("{} ({}, {}, {n} articles)", e.name, e.kind, e.key))
                .collect(),
        }),
    }
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            row[j + 1] = sub.min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Up to `n` entity names whose name or an alias (folded), or a word of
/// one, is nearest to `name` by edit distance, at most a third of its
/// length away (at least 2): those at the smallest distance found, by
/// name.
pub fn closest_names(names: &[(String, String)], name: &str, n: usize) -> Vec<String> {
    let wanted = fold(name);
    let len = wanted.chars().count();
    let limit = (len / 3).max(2);
    let mut best: BTreeMap<String, usize> = BTreeMap::new();
    for (alias, entity) in names {
        // The whole alias, and each of its words for a misspelt part
        // ("Iskandr" for Iskander Rolf).
        let words = alias
            .split(' ')
            .filter(|w| alias.contains(' ') && w.len() > 2);
        let d = std::iter::once(alias.as_str())
            .chain(words)
            .filter(|a| a.chars().count().abs_diff(len) <= limit)
            .map(|a| edit_distance(&wanted, a))
            .min();
        if let Some(d) = d
            && d <= limit
        {
            let slot = best.entry(entity.clone()).or_insert(d);
            *slot = (*slot).min(d);
        }
    }
    let nearest = best.values().copied().min().unwrap_or(0);
    // Only the nearest: "putn" suggests Vladimir Putin, not every name
    // two letters away.
    best.into_iter()
        .filter(|&(_, d)| d == nearest)
        .take(n)
        .map(|(e, _)| e)
        .collect()
}

/// Checks a period against itself and the stored articles: `since` after
/// `until`, or a period that ends before the first article or starts after
/// the last, is one line saying so.
pub fn check_period(
    store: &Store,
    since: Option<&str>,
    until: Option<&str>,
) -> Result<(), QueryError> {
    check_period_named(store, since, until, ["--since", "--until"])
}

/// [`check_period`] with the messages naming the two bounds as `names`
/// says: the CLI's flags, or the API's query parameters.
pub fn check_period_named(
    store: &Store,
    since: Option<&str>,
    until: Option<&str>,
    names: [&str; 2],
) -> Result<(), QueryError> {
    let [since_name, until_name] = names;
    if let (Some(s), Some(u)) = (since, until)
        && s > u
    {
        return Err(QueryError::Period(format!(
            "{since_name} {s} is after {until_name} {u}"
        )));
    }
    let Some((first, last)) = store.date_span()? else {
        return Ok(());
    };
    let span = format!("the articles run from {first} to {last}");
    if let Some(s) = since
        && s > last.as_str()
    {
        return Err(QueryError::Period(format!(
            "{since_name} {s} is after the last article; {span}"
        )));
    }
    if let Some(u) = until
        && u < first.as_str()
    {
        return Err(QueryError::Period(format!(
            "{until_name} {u} is before the first article; {span}"
        )));
    }
    Ok(())
}

/// One edge of a hop, seen from the hop's first entity.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct HopEdge {
    /// Edge type.
    #[serde(rename = "type")]
    pub edge: EdgeType,
    /// `->` from the hop's first entity to its second, `<-` the other way,
    /// `--` for a symmetric type.
    pub direction: &'static str,
    /// Supporting articles in scope.
    pub count: usize,
    /// Earliest supporting article date.
    pub first_seen: Option<String>,
    /// Latest supporting article date.
    pub last_seen: Option<String>,
    /// The most confident piece of evidence, then the earliest.
    pub evidence: Option<EvidenceRow>,
}

/// One step of a path and every edge that makes it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Hop {
    /// Where the step starts.
    pub from: EntityRef,
    /// Where it ends.
    pub to: EntityRef,
    /// The edges between them, by type.
    pub edges: Vec<HopEdge>,
}

/// The answer to `path`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PathAnswer {
    /// The first entity.
    pub from: EntityRef,
    /// The second.
    pub to: EntityRef,
    /// The hop limit asked.
    pub max_hops: usize,
    /// The paths' length in hops (0 when there is none).
    pub hops: usize,
    /// More shortest paths exist than were asked for.
    pub truncated: bool,
    /// Every shortest path (up to the limit), ordered by the names along it.
    pub paths: Vec<Vec<Hop>>,
}

/// `path`: every shortest path between `a` and `b` within `max_hops`
/// hops (edges walked in either direction), up to `limit`, each hop with
/// its edges, their direction, support and one evidence sentence.
pub fn path(
    store: &Store,
    a: &EntityRef,
    b: &EntityRef,
    max_hops: usize,
    limit: usize,
    q: &EdgeQuery,
) -> Result<PathAnswer, QueryError> {
    if a.id == b.id {
        return Err(QueryError::Same(a.name.clone(), b.name.clone()));
    }
    let found = graph::shortest_paths(a.id, b.id, max_hops, limit, |id| {
        store
            .adjacent(id, q)
            .map(|v| v.into_iter().map(|(o, _)| o).collect())
    })?;
    let ids: Vec<i64> = found.paths.iter().flatten().copied().collect();
    let refs = store.entity_refs(&ids)?;
    let mut hops_between: HashMap<(i64, i64), Vec<HopEdge>> = HashMap::new();
    let mut paths = Vec::new();
    for p in &found.paths {
        let mut hops = Vec::new();
        for pair in p.windows(2) {
            let (x, y) = (pair[0], pair[1]);
            let (Some(from), Some(to)) = (refs.get(&x), refs.get(&y)) else {
                return Err(StoreError::Corrupt(format!("entity {x} or {y} vanished")).into());
            };
            if let std::collections::hash_map::Entry::Vacant(slot) = hops_between.entry((x, y)) {
                slot.insert(hop_edges(store, x, y, q)?);
            }
            hops.push(Hop {
                from: from.clone(),
                to: to.clone(),
                edges: hops_between.get(&(x, y)).cloned().unwrap_or_default(),
            });
        }
        paths.push(hops);
    }
    let names = |p: &Vec<Hop>| -> Vec<(String, String)> {
        p.iter()
            .map(|h| (h.to.name.clone(), h.to.key.clone()))
            .collect()
    };
    paths.sort_by_key(names);
    Ok(PathAnswer {
        from: a.clone(),
        to: b.clone(),
        max_hops,
        hops: found.paths.first().map_or(0, |p| p.len().saturating_sub(1)),
        truncated: found.truncated,
        paths,
    })
}

/// The edges between `x` and `y` in scope, seen from `x`, by type.
fn hop_edges(store: &Store, x: i64, y: i64, q: &EdgeQuery) -> Result<Vec<HopEdge>, QueryError> {
    let mut out = Vec::new();
    for e in store.edge_summaries(q, Some(&[x, y]))? {
        let direction = if e.edge.is_symmetric() {
            "--"
        } else if e.source.id == x {
            "->"
        } else {
            "<-"
        };
        out.push(HopEdge {
            edge: e.edge,
            direction,
            count: e.count,
            first_seen: e.first_seen.clone(),
            last_seen: e.last_seen.clone(),
            evidence: store.best_evidence(e.id, q)?,
        });
    }
    out.sort_by(|a, b| (a.edge, a.direction).cmp(&(b.edge, b.direction)));
    Ok(out)
}

/// An entity and its distance in hops.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Near {
    /// The entity.
    #[serde(flatten)]
    pub entity: EntityRef,
    /// Hops from the entity asked about.
    pub distance: usize,
}

/// The answer to `neighbors`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Neighbourhood {
    /// The entity asked about.
    pub center: EntityRef,
    /// Every entity within the depth, with its distance in hops; the
    /// center first, then by distance and name.
    pub entities: Vec<Near>,
    /// The edges among them.
    pub edges: Vec<EdgeSummary>,
}

/// `neighbors`: the entities within `depth` hops of `center` (walking
/// edges in either direction, only through entities of `kinds` when
/// given; the center is always kept), and every edge in scope among them.
pub fn neighbors(
    store: &Store,
    center: &EntityRef,
    depth: usize,
    kinds: &[Kind],
    q: &EdgeQuery,
) -> Result<Neighbourhood, QueryError> {
    let reached = graph::within(center.id, depth, |id| {
        store.adjacent(id, q).map(|v| {
            v.into_iter()
                .filter(|(_, k)| kinds.is_empty() || kinds.contains(k))
                .map(|(o, _)| o)
                .collect()
        })
    })?;
    let ids: Vec<i64> = reached.iter().map(|&(id, _)| id).collect();
    let refs = store.entity_refs(&ids)?;
    let mut entities: Vec<Near> = reached
        .iter()
        .filter_map(|&(id, distance)| {
            refs.get(&id).map(|e| Near {
                entity: e.clone(),
                distance,
            })
        })
        .collect();
    entities.sort_by(|a, b| {
        (a.distance, &a.entity.name, &a.entity.key).cmp(&(
            b.distance,
            &b.entity.name,
            &b.entity.key,
        ))
    });
    let mut edges = store.edge_summaries(q, Some(&ids))?;
    sort_edges(&mut edges);
    Ok(Neighbourhood {
        center: center.clone(),
        entities,
        edges,
    })
}

/// One part of a neighbourhood too large to draw at once (the web view's
/// parts): nodes and edges together at most the bound asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Part<'a> {
    /// The part's nodes: the center first in the first part, then the
    /// neighbours in rank order (most articles, then name and key).
    pub nodes: Vec<&'a Near>,
    /// The edges that join a node of this part to a node of this or an
    /// earlier part, in the neighbourhood's order (busiest first).
    pub edges: Vec<&'a EdgeSummary>,
    /// Neighbours (the center not counted) in the whole neighbourhood.
    pub neighbours: usize,
    /// The offset of the next part; `None` when this is the last.
    pub next: Option<usize>,
    /// Edges of this part's nodes left out to keep the bound: only when
    /// the first node of a part alone brings more edges than fit (the
    /// busiest are kept); 0 otherwise.
    pub left_out: usize,
}

/// The part of `n` from the `offset`-th neighbour: neighbours in rank
/// order (most `articles`, then name and key; the center first of all, in
/// the part from 0), taken while the part's nodes and edges together stay
/// within `max_elements` and its neighbours within `max_nodes`. A node
/// brings the edges that join it to the center or to a neighbour ranked
/// before it, so the parts from 0 on hold every node and edge once. The
/// first neighbour of a part is always taken (each part moves on), with
/// only its busiest edges if they alone would overflow (`left_out` counts
/// the others). `max_elements` below 2 counts as 2.
pub fn part<'a>(
    n: &'a Neighbourhood,
    articles: &HashMap<i64, usize>,
    offset: usize,
    max_nodes: usize,
    max_elements: usize,
) -> Part<'a> {
    let max_elements = max_elements.max(2);
    let count = |id: i64| articles.get(&id).copied().unwrap_or(0);
    let center = n.entities.iter().find(|x| x.entity.id == n.center.id);
    let mut rest: Vec<&Near> = n
        .entities
        .iter()
        .filter(|x| x.entity.id != n.center.id)
        .collect();
    rest.sort_by(|a, b| {
        count(b.entity.id)
            .cmp(&count(a.entity.id))
            .then_with(|| (&a.entity.name, &a.entity.key).cmp(&(&b.entity.name, &b.entity.key)))
    });
    // Rank: the center 0, the neighbours from 1; an edge belongs to the
    // later of its two ends.
    let rank: HashMap<i64, usize> = std::iter::once((n.center.id, 0))
        .chain(rest.iter().enumerate().map(|(i, x)| (x.entity.id, i + 1)))
        .collect();
    let mut brings: Vec<Vec<usize>> = vec![Vec::new(); rest.len() + 1];
    for (i, e) in n.edges.iter().enumerate() {
        if let (Some(&s), Some(&t)) = (rank.get(&e.source.id), rank.get(&e.target.id)) {
            brings[s.max(t)].push(i);
        }
    }
    let mut nodes = Vec::new();
    let mut edges: Vec<usize> = Vec::new();
    let mut left_out = 0;
    if offset == 0 {
        nodes.extend(center);
        edges.extend(&brings[0]);
    }
    let mut taken = 0;
    for (i, x) in rest.iter().enumerate().skip(offset) {
        let own = &brings[i + 1];
        let used = nodes.len() + edges.len();
        if taken == max_nodes || (taken > 0 && used + 1 + own.len() > max_elements) {
            break;
        }
        let room = max_elements.saturating_sub(used + 1);
        nodes.push(*x);
        edges.extend(own.iter().take(room));
        left_out += own.len().saturating_sub(room);
        taken += 1;
    }
    edges.sort_unstable();
    let next = offset + taken;
    Part {
        nodes,
        edges: edges.into_iter().map(|i| &n.edges[i]).collect(),
        neighbours: rest.len(),
        next: (next < rest.len()).then_some(next),
        left_out,
    }
}

/// Most supported first, then by source, type and target name.
fn sort_edges(edges: &mut [EdgeSummary]) {
    edges.sort_by(|a, b| {
        b.count.cmp(&a.count).then_with(|| {
            (&a.source.name, a.edge, &a.target.name).cmp(&(&b.source.name, b.edge, &b.target.name))
        })
    });
}

/// What `top` ranks by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Distinct entities joined by any edge.
    Degree,
    /// PageRank over directed edges weighted by articles.
    Pagerank,
    /// Betweenness over the undirected graph.
    Betweenness,
    /// Distinct articles that support the entity's edges.
    Articles,
}

/// One entity's standing.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Standing {
    /// Rank, from 1.
    pub rank: usize,
    /// The entity.
    pub entity: EntityRef,
    /// Distinct entities it shares an edge with.
    pub degree: usize,
    /// PageRank (sums to 1 over the graph).
    pub pagerank: f64,
    /// Normalised betweenness.
    pub betweenness: f64,
    /// Distinct articles supporting its edges.
    pub articles: usize,
}

/// The answer to `top`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Ranking {
    /// Entities in the graph ranked.
    pub nodes: usize,
    /// Edges in it.
    pub edges: usize,
    /// Betweenness was estimated from this many sources (a big graph).
    pub betweenness_sample: Option<usize>,
    /// The ranked entities.
    pub rows: Vec<Standing>,
}

/// The graph of measures: nodes in key order, `(from, to, articles)` for
/// PageRank (a symmetric type both ways) and neighbour lists for degree
/// and betweenness.
struct Measured {
    nodes: Vec<EntityRef>,
    directed: Vec<(usize, usize, f64)>,
    adjacency: Vec<Vec<usize>>,
}

fn measured(edges: &[EdgeSummary]) -> Measured {
    let mut nodes: Vec<EntityRef> = edges
        .iter()
        .flat_map(|e| [e.source.clone(), e.target.clone()])
        .collect();
    nodes.sort_by(|a, b| a.key.cmp(&b.key));
    nodes.dedup_by(|a, b| a.id == b.id);
    let index: HashMap<i64, usize> = nodes.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
    let mut directed = Vec::new();
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for e in edges {
        let (Some(&s), Some(&t)) = (index.get(&e.source.id), index.get(&e.target.id)) else {
            continue;
        };
        let w = e.count as f64;
        directed.push((s, t, w));
        if e.edge.is_symmetric() {
            directed.push((t, s, w));
        }
        adjacency[s].push(t);
        adjacency[t].push(s);
    }
    for list in &mut adjacency {
        list.sort_unstable();
        list.dedup();
    }
    Measured {
        nodes,
        directed,
        adjacency,
    }
}

/// `top`: the entities of `kinds` (all when empty) ranked by `by` on the
/// graph in scope, best first (ties by name, then key), `n` of them. The
/// measures (`docs/QUERIES.md`): degree counts distinct entities joined by
/// any edge in either direction; PageRank (damping 0.85) walks directed
/// edges weighted by supporting articles, a symmetric type both ways, so
/// rank flows to whom others act on, visit, represent or join; betweenness
/// is over the undirected, unweighted graph of those joins; articles
/// counts the distinct articles supporting the entity's edges. `kinds`
/// picks who is ranked, not the graph: a state's rank still counts the
/// people who represent it.
pub fn top(
    store: &Store,
    by: Measure,
    kinds: &[Kind],
    n: usize,
    q: &EdgeQuery,
) -> Result<Ranking, QueryError> {
    let edges = store.edge_summaries(q, None)?;
    let m = measured(&edges);
    let pr = graph::pagerank(m.nodes.len(), &m.directed, 0.85);
    let (bc, sample) = graph::betweenness(&m.adjacency);
    let articles = store.articles_per_entity(q)?;
    let mut rows: Vec<Standing> = m
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, e)| kinds.is_empty() || kinds.contains(&e.kind))
        .map(|(i, e)| Standing {
            rank: 0,
            entity: e.clone(),
            degree: m.adjacency[i].len(),
            pagerank: pr.get(i).copied().unwrap_or(0.0),
            betweenness: bc.get(i).copied().unwrap_or(0.0),
            articles: articles.get(&e.id).copied().unwrap_or(0),
        })
        .collect();
    let value = |s: &Standing| -> f64 {
        match by {
            Measure::Degree => s.degree as f64,
            Measure::Pagerank => s.pagerank,
            Measure::Betweenness => s.betweenness,
            Measure::Articles => s.articles as f64,
        }
    };
    rows.sort_by(|a, b| {
        value(b)
            .total_cmp(&value(a))
            .then_with(|| (&a.entity.name, &a.entity.key).cmp(&(&b.entity.name, &b.entity.key)))
    });
    rows.truncate(n);
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    Ok(Ranking {
        nodes: m.nodes.len(),
        edges: edges.len(),
        betweenness_sample: sample,
        rows,
    })
}

/// The edge types that tie a group together in `communities`.
pub const COOPERATION: [EdgeType; 5] = [
    EdgeType::MetWith,
    EdgeType::CooperatesWith,
    EdgeType::Supports,
    EdgeType::MemberOf,
    EdgeType::Represents,
];

/// A member of a community.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Member {
    /// The entity.
    pub entity: EntityRef,
    /// Articles supporting its cooperation edges inside the community.
    pub ties: usize,
}

/// A group of entities that act together.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Community {
    /// Number, from 1, biggest first.
    pub number: usize,
    /// Members, most tied first.
    pub members: Vec<Member>,
}

/// `communities`: groups of entities that act together, by label
/// propagation (`graph::label_propagation`) over signed ties: between two
/// entities, the articles supporting their cooperation edges
/// ([`COOPERATION`]: met-with, cooperates-with, supports, member-of,
/// represents) count for, those supporting conflict edges (opposes,
/// accuses, threatens, sanctions, attacks) against; visits and claims are
/// left out. Entities are taken in key order, so the answer is the same on
/// every run. Groups of one are left out.
pub fn communities(store: &Store, q: &EdgeQuery) -> Result<Vec<Community>, QueryError> {
    let edges = store.edge_summaries(q, None)?;
    let mut nodes: Vec<EntityRef> = edges
        .iter()
        .filter(|e| COOPERATION.contains(&e.edge))
        .flat_map(|e| [e.source.clone(), e.target.clone()])
        .collect();
    nodes.sort_by(|a, b| a.key.cmp(&b.key));
    nodes.dedup_by(|a, b| a.id == b.id);
    let index: HashMap<i64, usize> = nodes.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
    let mut weights: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for e in &edges {
        let sign = if COOPERATION.contains(&e.edge) {
            1.0
        } else if e.edge.is_conflict() {
            -1.0
        } else {
            continue;
        };
        let (Some(&s), Some(&t)) = (index.get(&e.source.id), index.get(&e.target.id)) else {
            continue;
        };
        *weights.entry((s.min(t), s.max(t))).or_default() += sign * e.count as f64;
    }
    let signed: Vec<(usize, usize, f64)> = weights.iter().map(|(&(a, b), &w)| (a, b, w)).collect();
    let labels = graph::label_propagation(nodes.len(), &signed);
    let mut ties = vec![0usize; nodes.len()];
    for &(a, b, w) in &signed {
        if w > 0.0 && labels[a] == labels[b] {
            ties[a] += w as usize;
            ties[b] += w as usize;
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &l) in labels.iter().enumerate() {
        groups.entry(l).or_default().push(i);
    }
    let mut out: Vec<Vec<Member>> = Vec::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        let mut list: Vec<Member> = members
            .iter()
            .map(|&i| Member {
                entity: nodes[i].clone(),
                ties: ties[i],
            })
            .collect();
        list.sort_by(|a, b| {
            b.ties
                .cmp(&a.ties)
                .then_with(|| (&a.entity.name, &a.entity.key).cmp(&(&b.entity.name, &b.entity.key)))
        });
        out.push(list);
    }
    out.sort_by(|a, b| {
        b.len().cmp(&a.len()).then_with(|| {
            let first = |m: &Vec<Member>| m.first().map(|x| x.entity.name.clone());
            first(a).cmp(&first(b))
        })
    });
    Ok(out
        .into_iter()
        .enumerate()
        .map(|(i, members)| Community {
            number: i + 1,
            members,
        })
        .collect())
}

/// `timeline`: the entity's edges in scope, one line per edge and
/// article, in article date order.
pub fn timeline(
    store: &Store,
    x: &EntityRef,
    q: &EdgeQuery,
) -> Result<Vec<TimelineRow>, QueryError> {
    Ok(store.timeline(x.id, q)?)
}

/// `diff`: every edge in scope whose support changed between the period
/// up to `before` and the period from `after` (with `same`, unchanged ones
/// too): appeared, disappeared, grew, weakened, in that order, then by the
/// size of the change and by name.
pub fn diff(
    store: &Store,
    q: &EdgeQuery,
    before: &str,
    after: &str,
    same: bool,
) -> Result<Vec<DiffRow>, QueryError> {
    if after <= before {
        return Err(QueryError::Period(format!(
            "--after {after} must be later than --before {before}: the two periods would overlap"
        )));
    }
    if let Some(s) = &q.since
        && s.as_str() > before
    {
        return Err(QueryError::Period(format!(
            "--since {s} is after --before {before}: the first period is empty"
        )));
    }
    if let Some(u) = &q.until
        && u.as_str() < after
    {
        return Err(QueryError::Period(format!(
            "--until {u} is before --after {after}: the second period is empty"
        )));
    }
    let mut rows: Vec<DiffRow> = store
        .diff(q, before, after)?
        .into_iter()
        .filter(|r| same || r.before != r.after)
        .collect();
    rows.sort_by(|a, b| {
        a.change
            .cmp(&b.change)
            .then_with(|| b.after.abs_diff(b.before).cmp(&a.after.abs_diff(a.before)))
            .then_with(|| {
                (&a.source.name, a.edge, &a.target.name).cmp(&(
                    &b.source.name,
                    b.edge,
                    &b.target.name,
                ))
            })
    });
    Ok(rows)
}

/// The answer to `explain`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Explanation {
    /// Every piece of evidence for the edge.
    pub evidence: Vec<ExplainRow>,
    /// When there is none: the edges that do join the two in scope.
    pub instead: Vec<EdgeSummary>,
}

/// `explain`: every piece of evidence for `a TYPE b` (either way round for
/// a symmetric type) in the asked dates and confidence, with article,
/// address, date, confidence, rule and `via`; negated and hypothetical
/// statements included and marked. With none, the edges that join the two
/// instead.
pub fn explain(
    store: &Store,
    a: &EntityRef,
    edge: EdgeType,
    b: &EntityRef,
    q: &EdgeQuery,
) -> Result<Explanation, QueryError> {
    if a.id == b.id {
        return Err(QueryError::Same(a.name.clone(), b.name.clone()));
    }
    let evidence = store.explain(a.id, edge, b.id, q)?;
    let instead = if evidence.is_empty() {
        let any = EdgeQuery {
            types: Vec::new(),
            ..q.clone()
        };
        let mut e = store.edge_summaries(&any, Some(&[a.id, b.id]))?;
        sort_edges(&mut e);
        e
    } else {
        Vec::new()
    };
    Ok(Explanation { evidence, instead })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: i64) -> EntityRef {
        EntityRef {
            name: format!("E{id}"),
            kind: Kind::Person,
            key: format!("person/e{id}"),
            id,
        }
    }

    /// A star around entity 0 with neighbours 1..=4 (entity `i` with
    /// `10 - i` articles) and the edges `(source, target, count)`.
    fn star(edges: &[(i64, i64, usize)]) -> (Neighbourhood, HashMap<i64, usize>) {
        let n = Neighbourhood {
            center: entity(0),
            entities: (0..=4)
                .map(|id| Near {
                    entity: entity(id),
                    distance: usize::from(id > 0),
                })
                .collect(),
            edges: edges
                .iter()
                .enumerate()
                .map(|(i, &(s, t, count))| EdgeSummary {
                    id: i as i64,
                    source: entity(s),
                    edge: EdgeType::MetWith,
                    target: entity(t),
                    count,
                    first_seen: None,
                    last_seen: None,
                })
                .collect(),
        };
        let articles = (1..=4).map(|id| (id, 10 - id as usize)).collect();
        (n, articles)
    }

    fn ids(p: &Part) -> (Vec<i64>, Vec<(i64, i64)>) {
        (
            p.nodes.iter().map(|x| x.entity.id).collect(),
            p.edges.iter().map(|e| (e.source.id, e.target.id)).collect(),
        )
    }

    /// Protects the web view's parts (issue 12): nodes and edges together
    /// within the bound, the neighbours by articles, each bringing its
    /// edges to earlier nodes; a first node whose edges alone overflow
    /// keeps only its busiest ones and says how many were left out; every
    /// part moves on, and the parts hold every node once.
    #[test]
    fn parts_hold_at_most_the_bound_of_nodes_and_edges() {
        // 4 is joined to 0, 1, 2, 3; the others only to 0.
        let (n, articles) = star(&[
            (0, 1, 5),
            (0, 2, 4),
            (0, 3, 3),
            (0, 4, 3),
            (1, 4, 2),
            (2, 4, 1),
            (3, 4, 1),
        ]);
        // Bound 6: center, 1, 2 and their edges (5 elements); 3 would
        // make 7.
        let p = part(&n, &articles, 0, 100, 6);
        assert_eq!(ids(&p), (vec![0, 1, 2], vec![(0, 1), (0, 2)]));
        assert_eq!((p.next, p.neighbours, p.left_out), (Some(2), 4, 0));
        // From 2: 3 and its edge; 4 brings four edges, 2 + 5 > 6.
        let p = part(&n, &articles, 2, 100, 6);
        assert_eq!(ids(&p), (vec![3], vec![(0, 3)]));
        assert_eq!((p.next, p.left_out), (Some(3), 0));
        // From 3: 4 alone brings 4 edges; with a bound of 3 it keeps its
        // two busiest (in the neighbourhood's order) and leaves 2 out.
        let p = part(&n, &articles, 3, 100, 3);
        assert_eq!(ids(&p), (vec![4], vec![(0, 4), (1, 4)]));
        assert_eq!((p.next, p.left_out), (None, 2));
        // A bound of 2 or less: the center and one neighbour, no edge.
        let p = part(&n, &articles, 0, 100, 0);
        assert_eq!(ids(&p), (vec![0, 1], vec![]));
        assert_eq!((p.next, p.left_out), (Some(1), 1));
        // The node limit; past the end, nothing.
        let p = part(&n, &articles, 0, 1, 2000);
        assert_eq!(ids(&p), (vec![0, 1], vec![(0, 1)]));
        assert_eq!(p.next, Some(1));
        let p = part(&n, &articles, 9, 100, 2000);
        assert_eq!((ids(&p), p.next), ((vec![], vec![]), None));
    }
}
