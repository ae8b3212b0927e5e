//! The knowledge graph in memory (petgraph), built from stored edges, with
//! the filters shared by export, render and the queries: around an entity to
//! a depth, by edge type, node kind, date, minimum count and top-N nodes.
//!
//! Invariant: every node has at least one edge; filtering never invents an
//! edge, it only removes.

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hash;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::ontology::{EdgeType, Kind};
use crate::store::{Change, DiffRow, EdgeQuery, EdgeRow, EvidenceRow, Store, StoreError};

/// A node.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Canonical key.
    pub key: String,
    /// Common name.
    pub name: String,
    /// Node kind.
    pub kind: Kind,
}

/// An edge with its support.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Edge type.
    pub edge: EdgeType,
    /// Number of supporting articles.
    pub count: usize,
    /// Earliest article date.
    pub first_seen: Option<String>,
    /// Latest article date.
    pub last_seen: Option<String>,
    /// Evidence rows (the first of them when the read was limited).
    pub evidence: Vec<EvidenceRow>,
    /// How many pieces of evidence the edge has in scope, read or not.
    pub evidence_total: usize,
    /// In a graph of changes (`export --diff`): how its support changed.
    pub change: Option<EdgeChange>,
}

/// How an edge's support changed between two periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EdgeChange {
    /// Appeared, disappeared, grew, weakened or the same.
    pub change: Change,
    /// Supporting articles in the first period.
    pub before: usize,
    /// Supporting articles in the second period.
    pub after: usize,
}

/// Which part of the graph to keep.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Keep the neighbourhood of this entity key.
    pub around: Option<String>,
    /// Depth of the neighbourhood (hops).
    pub depth: usize,
    /// Keep only nodes of these kinds (all when empty).
    pub kinds: Vec<Kind>,
    /// Drop edges supported by fewer articles.
    pub min_count: usize,
    /// Keep only the N most connected nodes.
    pub top: Option<usize>,
}

impl Filter {
    /// Whether an edge is in the filtered graph at all: supported by
    /// `min_count` articles (at least one) and joining two kept kinds.
    pub fn keeps(&self, r: &EdgeRow) -> bool {
        r.count >= self.min_count.max(1)
            && (self.kinds.is_empty()
                || (self.kinds.contains(&r.source_kind) && self.kinds.contains(&r.target_kind)))
    }
}

/// The knowledge graph.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    /// The petgraph graph.
    pub graph: DiGraph<Node, Edge>,
}

impl KnowledgeGraph {
    /// Builds the graph from stored edges (already filtered by type and date).
    pub fn from_edges(rows: Vec<EdgeRow>, f: &Filter) -> KnowledgeGraph {
        let mut graph = DiGraph::new();
        let mut index: HashMap<String, NodeIndex> = HashMap::new();
        let mut node = |graph: &mut DiGraph<Node, Edge>, key: &str, name: &str, kind: Kind| {
            *index.entry(key.to_string()).or_insert_with(|| {
                graph.add_node(Node {
                    key: key.to_string(),
                    name: name.to_string(),
                    kind,
                })
            })
        };
        for r in rows {
            if !f.keeps(&r) {
                continue;
            }
            let s = node(&mut graph, &r.source_key, &r.source, r.source_kind);
            let t = node(&mut graph, &r.target_key, &r.target, r.target_kind);
            graph.add_edge(
                s,
                t,
                Edge {
                    edge: r.edge,
                    count: r.count,
                    first_seen: r.first_seen,
                    last_seen: r.last_seen,
                    evidence_total: r.evidence_total.max(r.evidence.len()),
                    evidence: r.evidence,
                    change: None,
                },
            );
        }
        let mut kg = KnowledgeGraph { graph };
        if let Some(center) = &f.around {
            let keep = kg.neighbourhood(center, f.depth);
            // Numbered by the neighbourhood's own edges, not by where a
            // node first appeared in the whole graph: the same graph
            // whether it was read whole or from the seed outwards.
            kg = kg.induced(&keep).renumbered();
        }
        if let Some(n) = f.top {
            let keep = kg.top_joined(n);
            kg = kg.induced(&keep);
        }
        kg
    }

    /// [`KnowledgeGraph::from_edges`] of the whole graph with `f.around`
    /// set to entity `seed`, read from the seed outwards
    /// ([`Store::edges_around`]): the same graph, without loading the rest.
    ///
    /// With `f.top` the N entities are chosen while walking, not ranked
    /// over the whole neighbourhood: the seed, then again and again the
    /// other end of the busiest edge (most articles, then the listing
    /// order) from an entity already kept fewer than `f.depth` hops from
    /// the seed, until N are kept; then every edge among them. Each is
    /// joined to another, so `--top`'s own cut keeps them all. With N at
    /// least the neighbourhood's size, the graph is the one without
    /// `--top`.
    pub fn around(
        store: &Store,
        seed: i64,
        q: &EdgeQuery,
        f: &Filter,
    ) -> Result<KnowledgeGraph, StoreError> {
        let rows = store.edges_around(seed, f.depth, f.top, q, |r| f.keeps(r))?;
        Ok(KnowledgeGraph::from_edges(rows, f))
    }

    /// The graph of what changed between two periods (`export --diff`):
    /// every edge supported in either, with its [`EdgeChange`]; its count
    /// is the later period's, or the earlier one's for an edge that
    /// disappeared. The filters apply as in [`KnowledgeGraph::from_edges`].
    pub fn from_diff(rows: Vec<DiffRow>, f: &Filter) -> KnowledgeGraph {
        let mut changes = HashMap::new();
        let edges: Vec<EdgeRow> = rows
            .into_iter()
            .map(|r| {
                let key = (r.source.key.clone(), r.edge, r.target.key.clone());
                changes.insert(
                    key,
                    EdgeChange {
                        change: r.change,
                        before: r.before,
                        after: r.after,
                    },
                );
                EdgeRow {
                    source: r.source.name,
                    source_key: r.source.key,
                    source_kind: r.source.kind,
                    edge: r.edge,
                    target: r.target.name,
                    target_key: r.target.key,
                    target_kind: r.target.kind,
                    count: if r.after > 0 { r.after } else { r.before },
                    first_seen: r.first_seen,
                    last_seen: r.last_seen,
                    flagged: false,
                    evidence_total: 0,
                    evidence: Vec::new(),
                }
            })
            .collect();
        let mut kg = KnowledgeGraph::from_edges(edges, f);
        let KnowledgeGraph { graph } = &mut kg;
        let ends: Vec<_> = graph
            .edge_indices()
            .filter_map(|e| graph.edge_endpoints(e).map(|(s, t)| (e, s, t)))
            .collect();
        for (e, s, t) in ends {
            let key = (graph[s].key.clone(), graph[e].edge, graph[t].key.clone());
            graph[e].change = changes.get(&key).copied();
        }
        kg
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node with this key.
    pub fn find(&self, key: &str) -> Option<NodeIndex> {
        self.graph
            .node_indices()
            .find(|&i| self.graph[i].key == key)
    }

    /// Nodes within `depth` hops of `key`, ignoring direction.
    pub fn neighbourhood(&self, key: &str, depth: usize) -> HashSet<NodeIndex> {
        let mut seen = HashSet::new();
        let Some(start) = self.find(key) else {
            return seen;
        };
        let mut queue = VecDeque::from([(start, 0)]);
        seen.insert(start);
        while let Some((n, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for next in self.graph.neighbors_undirected(n) {
                if seen.insert(next) {
                    queue.push_back((next, d + 1));
                }
            }
        }
        seen
    }

    /// Weighted degree: the number of supporting articles over all edges.
    pub fn weighted_degree(&self, n: NodeIndex) -> usize {
        self.graph
            .edges_directed(n, Direction::Outgoing)
            .chain(self.graph.edges_directed(n, Direction::Incoming))
            .map(|e| e.weight().count)
            .sum()
    }

    /// The `n` nodes of highest weighted degree (ties by name).
    pub fn most_connected(&self, n: usize) -> Vec<NodeIndex> {
        // Degrees once, not per comparison: 5,000 nodes sort in microseconds.
        let mut all: Vec<(usize, NodeIndex)> = self
            .graph
            .node_indices()
            .map(|i| (self.weighted_degree(i), i))
            .collect();
        all.sort_by(|&(da, a), &(db, b)| {
            db.cmp(&da)
                .then_with(|| self.graph[a].name.cmp(&self.graph[b].name))
                .then_with(|| self.graph[a].key.cmp(&self.graph[b].key))
        });
        all.truncate(n);
        all.into_iter().map(|(_, i)| i).collect()
    }

    /// Up to `n` nodes for `--top`: the most connected ones that have an
    /// edge among themselves, topped up, in the same order, with nodes
    /// joined to those already kept. Taking the bare top `n` would leave
    /// hubs of separate stories unconnected, and the picture would lose
    /// them; this keeps `n` nodes when the graph allows it.
    pub fn top_joined(&self, n: usize) -> HashSet<NodeIndex> {
        let order = self.most_connected(self.graph.node_count());
        let first: HashSet<NodeIndex> = order.iter().take(n).copied().collect();
        let joined = |i: NodeIndex, set: &HashSet<NodeIndex>| {
            self.graph
                .neighbors_undirected(i)
                .any(|j| j != i && set.contains(&j))
        };
        let mut keep: HashSet<NodeIndex> = first
            .iter()
            .copied()
            .filter(|&i| joined(i, &first))
            .collect();
        for &i in &order {
            if keep.len() >= n {
                break;
            }
            if !keep.contains(&i) && joined(i, &keep) {
                keep.insert(i);
            }
        }
        keep
    }

    /// The subgraph on `keep`, dropping nodes left without edges.
    /// The same graph with its nodes numbered in the order its edges first
    /// name them (source before target), edges in their order.
    fn renumbered(self) -> KnowledgeGraph {
        let mut graph = DiGraph::with_capacity(self.graph.node_count(), self.graph.edge_count());
        let mut index: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        for e in self.graph.edge_indices() {
            let Some((s, t)) = self.graph.edge_endpoints(e) else {
                continue;
            };
            let mut node = |graph: &mut DiGraph<Node, Edge>, i: NodeIndex| {
                *index
                    .entry(i)
                    .or_insert_with(|| graph.add_node(self.graph[i].clone()))
            };
            let (s, t) = (node(&mut graph, s), node(&mut graph, t));
            graph.add_edge(s, t, self.graph[e].clone());
        }
        KnowledgeGraph { graph }
    }

    fn induced(&self, keep: &HashSet<NodeIndex>) -> KnowledgeGraph {
        let filtered = self.graph.filter_map(
            |i, n| keep.contains(&i).then(|| n.clone()),
            |_, e| Some(e.clone()),
        );
        let mut graph = filtered;
        graph.retain_nodes(|g, i| g.neighbors_undirected(i).next().is_some());
        KnowledgeGraph { graph }
    }
}

/// All shortest paths between two nodes, as `shortest_paths` finds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths<N> {
    /// The paths, each from the start to the goal, all of one length;
    /// empty when no path is within the hop limit.
    pub paths: Vec<Vec<N>>,
    /// More paths of that length exist than the limit let through.
    pub truncated: bool,
}

/// One side of a bidirectional breadth-first search: every node reached,
/// its distance and all its parents one step nearer the root.
struct Side<N> {
    dist: HashMap<N, usize>,
    parents: HashMap<N, Vec<N>>,
    frontier: Vec<N>,
    depth: usize,
}

impl<N: Copy + Eq + Hash + Ord> Side<N> {
    fn new(root: N) -> Side<N> {
        Side {
            dist: HashMap::from([(root, 0)]),
            parents: HashMap::new(),
            frontier: vec![root],
            depth: 0,
        }
    }

    /// Reaches the next level whole, so that every node of it has all its
    /// parents.
    fn expand<E>(&mut self, neighbours: &mut impl FnMut(N) -> Result<Vec<N>, E>) -> Result<(), E> {
        let d = self.depth + 1;
        let mut next = Vec::new();
        for &u in &self.frontier {
            for v in neighbours(u)? {
                match self.dist.get(&v) {
                    None => {
                        self.dist.insert(v, d);
                        self.parents.insert(v, vec![u]);
                        next.push(v);
                    }
                    Some(&dv) if dv == d => {
                        if let Some(p) = self.parents.get_mut(&v) {
                            p.push(u);
                        }
                    }
                    Some(_) => {}
                }
            }
        }
        next.sort();
        self.frontier = next;
        self.depth = d;
        Ok(())
    }

    /// Up to `limit + 1` paths from the root to `n`, each root first.
    fn paths_to(&self, n: N, limit: usize, memo: &mut HashMap<N, Vec<Vec<N>>>) -> Vec<Vec<N>> {
        if let Some(p) = memo.get(&n) {
            return p.clone();
        }
        let mut out: Vec<Vec<N>> = Vec::new();
        match self.parents.get(&n) {
            None => out.push(vec![n]),
            Some(parents) => {
                let mut parents = parents.clone();
                parents.sort();
                for p in parents {
                    for mut path in self.paths_to(p, limit, memo) {
                        path.push(n);
                        out.push(path);
                        if out.len() > limit {
                            break;
                        }
                    }
                    if out.len() > limit {
                        break;
                    }
                }
            }
        }
        memo.insert(n, out.clone());
        out
    }
}

/// Every shortest path from `start` to `goal` of at most `max_hops` hops,
/// up to `limit` of them, walking edges in both directions through
/// `neighbours` (called once per node reached, so a caller can read the
/// graph from the database a node at a time). A bidirectional
/// breadth-first search: each step completes one level of the side with
/// the smaller frontier; when a new level touches the other side, the
/// nodes they share are exactly the midpoints of all shortest paths.
/// Deterministic: parents and midpoints are taken in `N`'s order.
pub fn shortest_paths<N, E>(
    start: N,
    goal: N,
    max_hops: usize,
    limit: usize,
    mut neighbours: impl FnMut(N) -> Result<Vec<N>, E>,
) -> Result<Paths<N>, E>
where
    N: Copy + Eq + Hash + Ord,
{
    if start == goal {
        return Ok(Paths {
            paths: vec![vec![start]],
            truncated: false,
        });
    }
    let (mut s, mut t) = (Side::new(start), Side::new(goal));
    while s.depth + t.depth < max_hops && !s.frontier.is_empty() && !t.frontier.is_empty() {
        let from_start = s.frontier.len() <= t.frontier.len();
        let (x, y) = if from_start {
            (&mut s, &t)
        } else {
            (&mut t, &s)
        };
        x.expand(&mut neighbours)?;
        let meet: Vec<N> = x
            .frontier
            .iter()
            .copied()
            .filter(|v| y.dist.contains_key(v))
            .collect();
        if meet.is_empty() {
            continue;
        }
        let (mut ms, mut mt) = (HashMap::new(), HashMap::new());
        let mut paths = Vec::new();
        'all: for m in meet {
            for head in s.paths_to(m, limit, &mut ms) {
                for tail in t.paths_to(m, limit, &mut mt) {
                    let mut p = head.clone();
                    p.extend(tail.iter().rev().skip(1));
                    paths.push(p);
                    if paths.len() > limit {
                        break 'all;
                    }
                }
            }
        }
        let truncated = paths.len() > limit;
        paths.truncate(limit);
        return Ok(Paths { paths, truncated });
    }
    Ok(Paths {
        paths: Vec::new(),
        truncated: false,
    })
}

/// The nodes within `depth` hops of `start` through `neighbours`, each
/// with its distance, `start` first, then by distance and `N`'s order.
pub fn within<N, E>(
    start: N,
    depth: usize,
    mut neighbours: impl FnMut(N) -> Result<Vec<N>, E>,
) -> Result<Vec<(N, usize)>, E>
where
    N: Copy + Eq + Hash + Ord,
{
    let mut side = Side::new(start);
    let mut out = vec![(start, 0)];
    while side.depth < depth && !side.frontier.is_empty() {
        side.expand(&mut neighbours)?;
        out.extend(side.frontier.iter().map(|&n| (n, side.depth)));
    }
    Ok(out)
}

/// PageRank by power iteration, as NetworkX's `pagerank` computes it on a
/// directed graph with edge weights: each node passes `alpha` of its rank
/// along its out-edges in proportion to their weights; a node without
/// out-edges spreads it over every node; `1 - alpha` is spread evenly.
/// Stops when the total change is below `n * 1e-6` (NetworkX's default) or
/// after 100 rounds. `edges` are `(from, to, weight)` over nodes `0..n`;
/// parallel edges add up.
pub fn pagerank(n: usize, edges: &[(usize, usize, f64)], alpha: f64) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let mut out_weight = vec![0.0; n];
    for &(u, _, w) in edges {
        if let Some(o) = out_weight.get_mut(u) {
            *o += w;
        }
    }
    let uniform = 1.0 / n as f64;
    let mut x = vec![uniform; n];
    for _ in 0..100 {
        let dangling: f64 = (0..n).filter(|&i| out_weight[i] == 0.0).map(|i| x[i]).sum();
        let mut next = vec![alpha * dangling * uniform + (1.0 - alpha) * uniform; n];
        for &(u, v, w) in edges {
            if u < n && v < n && out_weight[u] > 0.0 {
                next[v] += alpha * x[u] * w / out_weight[u];
            }
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < n as f64 * 1e-6 {
            break;
        }
    }
    let total: f64 = x.iter().sum();
    x.iter().map(|v| v / total).collect()
}

/// Above this many nodes, betweenness is estimated from a sample of
/// sources (as NetworkX's `k`), so that `top` stays within seconds on a
/// graph of a million articles.
pub const BETWEENNESS_EXACT_UP_TO: usize = 4000;

/// Sources used for the estimate above [`BETWEENNESS_EXACT_UP_TO`] nodes.
pub const BETWEENNESS_SAMPLE: usize = 1000;

/// Betweenness centrality of an undirected, unweighted graph (Brandes'
/// algorithm), normalised as NetworkX's `betweenness_centrality` does:
/// the share of shortest paths between other pairs that pass through each
/// node, divided by `(n - 1)(n - 2)` over ordered pairs. `adjacency[i]`
/// lists the neighbours of node `i`, each once. Above
/// [`BETWEENNESS_EXACT_UP_TO`] nodes only [`BETWEENNESS_SAMPLE`] evenly
/// spaced sources are walked and the sum scaled up; the second value is
/// then the number of sources used.
pub fn betweenness(adjacency: &[Vec<usize>]) -> (Vec<f64>, Option<usize>) {
    let n = adjacency.len();
    let mut score = vec![0.0; n];
    let sources: Vec<usize> = if n > BETWEENNESS_EXACT_UP_TO {
        (0..BETWEENNESS_SAMPLE)
            .map(|i| i * n / BETWEENNESS_SAMPLE)
            .collect()
    } else {
        (0..n).collect()
    };
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![usize::MAX; n];
    let mut delta = vec![0.0f64; n];
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &s in &sources {
        let mut order = Vec::new();
        for i in 0..n {
            sigma[i] = 0.0;
            dist[i] = usize::MAX;
            delta[i] = 0.0;
            preds[i].clear();
        }
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for &w in &adjacency[v] {
                if dist[w] == usize::MAX {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        while let Some(w) = order.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                score[w] += delta[w];
            }
        }
    }
    let sampled = (sources.len() < n).then_some(sources.len());
    let scale = if n > 2 {
        n as f64 / sources.len() as f64 / ((n - 1) * (n - 2)) as f64
    } else {
        0.0
    };
    (score.into_iter().map(|b| b * scale).collect(), sampled)
}

/// Label propagation over signed weights, deterministic: every node starts
/// in its own group; in rounds, nodes in index order take the group whose
/// members they are most strongly tied to (the sum of the weights to its
/// members, cooperation positive, conflict negative; of equal sums, the
/// bigger group, then the lowest group number), when that sum is positive
/// and beats their present group's (equal sums: when the other group is
/// bigger than what is left of theirs), until a round changes nothing or
/// after 100 rounds. `edges` are undirected `(a, b, weight)` over nodes
/// `0..n`. Returns each node's group as the index of a node of it.
pub fn label_propagation(n: usize, edges: &[(usize, usize, f64)]) -> Vec<usize> {
    let mut adjacency: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for &(a, b, w) in edges {
        if a < n && b < n && a != b {
            adjacency[a].push((b, w));
            adjacency[b].push((a, w));
        }
    }
    let mut labels: Vec<usize> = (0..n).collect();
    let mut sizes: Vec<usize> = vec![1; n];
    for _ in 0..100 {
        let mut changed = false;
        for u in 0..n {
            let own = labels[u];
            let mut scores: Vec<(usize, f64)> = Vec::new();
            for &(v, w) in &adjacency[u] {
                let l = labels[v];
                match scores.iter_mut().find(|(k, _)| *k == l) {
                    Some((_, s)) => *s += w,
                    None => scores.push((l, w)),
                }
            }
            // Sizes without u itself, so that staying and moving compare
            // the groups u would join.
            let size = |l: usize| sizes[l] - usize::from(l == own);
            let current = scores
                .iter()
                .find(|(l, _)| *l == own)
                .map_or(0.0, |&(_, s)| s);
            let better = |(l, s): (usize, f64), (bl, bs): (usize, f64)| {
                s > bs + 1e-9
                    || ((s - bs).abs() <= 1e-9
                        && (size(l) > size(bl) || (size(l) == size(bl) && l < bl)))
            };
            let mut best: Option<(usize, f64)> = None;
            for &c in &scores {
                if best.is_none_or(|b| better(c, b)) {
                    best = Some(c);
                }
            }
            if let Some((l, s)) = best
                && l != own
                && s > 1e-9
                && (s > current + 1e-9 || ((s - current).abs() <= 1e-9 && size(l) > size(own)))
            {
                sizes[own] -= 1;
                sizes[l] += 1;
                labels[u] = l;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(s: &str, t: &str, edge: EdgeType, count: usize) -> EdgeRow {
        EdgeRow {
            source: s.into(),
            source_key: s.into(),
            source_kind: Kind::State,
            edge,
            target: t.into(),
            target_key: t.into(),
            target_kind: Kind::State,
            count,
            first_seen: None,
            last_seen: None,
            flagged: false,
            evidence_total: 0,
            evidence: Vec::new(),
        }
    }

    fn chain() -> Vec<EdgeRow> {
        vec![
            row("A", "B", EdgeType::MetWith, 3),
            row("B", "C", EdgeType::Opposes, 1),
            row("C", "D", EdgeType::Attacks, 1),
        ]
    }

    /// Protects the neighbourhood filter: depth counts hops, both directions.
    #[test]
    fn around_depth() {
        let f = Filter {
            around: Some("B".into()),
            depth: 1,
            ..Filter::default()
        };
        let g = KnowledgeGraph::from_edges(chain(), &f);
        let mut names: Vec<_> = g.graph.node_weights().map(|n| n.name.clone()).collect();
        names.sort();
        assert_eq!(names, ["A", "B", "C"]);
    }

    /// Protects min-count and top-N filters.
    #[test]
    fn min_count_and_top() {
        let g = KnowledgeGraph::from_edges(
            chain(),
            &Filter {
                min_count: 2,
                ..Filter::default()
            },
        );
        assert_eq!((g.node_count(), g.edge_count()), (2, 1));
        let g = KnowledgeGraph::from_edges(
            chain(),
            &Filter {
                top: Some(2),
                ..Filter::default()
            },
        );
        assert_eq!((g.node_count(), g.edge_count()), (2, 1));
    }

    /// Protects betweenness above the exact size: on a path of 4,101
    /// nodes, where node i lies on 2·i·(n−1−i) ordered shortest paths, the
    /// estimate from 1,000 sources says it used them and stays within 2 %
    /// of the exact value; below the size, a star's centre is exactly 1.
    #[test]
    fn betweenness_sampled_on_big_graphs() {
        let n = BETWEENNESS_EXACT_UP_TO + 101;
        let adjacency: Vec<Vec<usize>> = (0..n)
            .map(|i| {
                let mut v = Vec::new();
                if i > 0 {
                    v.push(i - 1);
                }
                if i + 1 < n {
                    v.push(i + 1);
                }
                v
            })
            .collect();
        let (b, sample) = betweenness(&adjacency);
        assert_eq!(sample, Some(BETWEENNESS_SAMPLE));
        let i = n / 2;
        let exact = 2.0 * (i * (n - 1 - i)) as f64 / ((n - 1) * (n - 2)) as f64;
        assert!((b[i] - exact).abs() / exact < 0.02, "{} vs {exact}", b[i]);
        let star: Vec<Vec<usize>> = (0..5)
            .map(|i| if i == 0 { vec![1, 2, 3, 4] } else { vec![0] })
            .collect();
        let (b, sample) = betweenness(&star);
        assert_eq!((b[0], b[1], sample), (1.0, 0.0, None));
    }

    /// Protects `--top` on graphs whose hubs are not joined: an unjoined
    /// top node gives way to the next node joined to the kept ones, so the
    /// picture still has N nodes.
    #[test]
    fn top_keeps_n_joined_nodes() {
        let rows = vec![
            row("X", "Y", EdgeType::MetWith, 10),
            row("W", "Z", EdgeType::Opposes, 9),
            row("X", "V", EdgeType::Attacks, 1),
        ];
        for (n, want) in [
            (1, vec![]),
            (2, vec!["X", "Y"]),
            (3, vec!["V", "X", "Y"]),
            (5, vec!["V", "W", "X", "Y", "Z"]),
        ] {
            let g = KnowledgeGraph::from_edges(
                rows.clone(),
                &Filter {
                    top: Some(n),
                    ..Filter::default()
                },
            );
            let mut names: Vec<_> = g.graph.node_weights().map(|n| n.name.as_str()).collect();
            names.sort();
            assert_eq!(names, want, "--top {n}");
        }
    }
}
