//! Writes the graph out: DOT through graphviz-rust (kinds as shapes and
//! colours, edge types as colours, a legend, evidence in tooltips) and
//! node-link JSON. The only module that writes DOT.
//!
//! Invariant: every format carries the same nodes and edges for the same
//! graph; names are escaped, never truncated.

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::visit::EdgeRef;
use serde_json::json;

use crate::graph::KnowledgeGraph;
use crate::ontology::{EdgeType, Kind};

/// Shape and fill colour of a node kind.
pub fn kind_style(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Person => ("ellipse", "#fde68a"),
        Kind::State => ("box", "#93c5fd"),
        Kind::Region => ("hexagon", "#bbf7d0"),
        Kind::Alliance => ("doubleoctagon", "#c4b5fd"),
        Kind::Organization => ("component", "#fdba74"),
    }
}

/// Colour of an edge type; conflict types are reds, cooperative ones
/// blues and greens, structural ones greys.
pub fn edge_color(edge: EdgeType) -> &'static str {
    match edge {
        EdgeType::MetWith => "#2563eb",
        EdgeType::Visited => "#0891b2",
        EdgeType::Claims => "#7c3aed",
        EdgeType::Opposes => "#dc2626",
        EdgeType::Supports => "#16a34a",
        EdgeType::Accuses => "#ea580c",
        EdgeType::Threatens => "#b91c1c",
        EdgeType::Sanctions => "#be185d",
        EdgeType::Attacks => "#7f1d1d",
        EdgeType::CooperatesWith => "#059669",
        EdgeType::MemberOf => "#6b7280",
        EdgeType::Represents => "#9ca3af",
    }
}

/// Line style of an edge type: conflicts bold, structure dotted.
pub fn edge_style(edge: EdgeType) -> &'static str {
    match edge {
        EdgeType::MemberOf | EdgeType::Represents => "dotted",
        e if e.is_conflict() => "bold",
        _ => "solid",
    }
}

/// A quoted DOT id with `"`, `\` and newlines escaped.
fn q(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), q(v))
}

fn node_id(i: usize) -> NodeId {
    NodeId(Id::Plain(format!("n{i}")), None)
}

/// Options for DOT output.
#[derive(Clone, Debug, Default)]
pub struct DotOptions {
    /// Add a legend of the kinds and edge types present.
    pub legend: bool,
    /// Group people and regions under their state (`--cluster state`).
    pub cluster_by_state: bool,
}

/// The graph as a graphviz-rust AST.
pub fn to_dot_graph(kg: &KnowledgeGraph, opts: &DotOptions) -> Graph {
    let g = &kg.graph;
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("overlap", "false"),
            attr("splines", "true"),
            attr("fontname", "Helvetica"),
            attr("label", "geokg"),
            attr("labelloc", "t"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", "filled"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "11"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
        ])),
    ];
    for i in g.node_indices() {
        let n = &g[i];
        let (shape, fill) = kind_style(n.kind);
        stmts.push(Stmt::Node(DotNode::new(
            node_id(i.index()),
            vec![
                attr("label", &n.name),
                attr("shape", shape),
                attr("fillcolor", fill),
                attr("tooltip", &format!("{} ({}), {}", n.name, n.kind, n.key)),
            ],
        )));
    }
    for e in g.edge_references() {
        let w = e.weight();
        let label = if w.count > 1 {
            format!("{} ×{}", w.edge, w.count)
        } else {
            w.edge.to_string()
        };
        let width = 1.0 + (w.count as f64).log2();
        let tooltip = w
            .evidence
            .iter()
            .take(3)
            .map(|ev| format!("[{}] {}", ev.article, ev.text))
            .collect::<Vec<_>>()
            .join("\n");
        let mut attrs = vec![
            attr("label", &label),
            attr("color", edge_color(w.edge)),
            attr("fontcolor", edge_color(w.edge)),
            attr("style", edge_style(w.edge)),
            attr("penwidth", &format!("{width:.1}")),
            attr("tooltip", &tooltip),
        ];
        if w.edge.is_symmetric() {
            attrs.push(attr("dir", "none"));
        }
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(node_id(e.source().index())),
                Vertex::N(node_id(e.target().index())),
            ),
            attributes: attrs,
        }));
    }
    if opts.cluster_by_state {
        stmts.extend(state_clusters(kg));
    }
    if opts.legend && g.node_count() > 0 {
        stmts.push(Stmt::Subgraph(legend(kg)));
    }
    Graph::DiGraph {
        id: Id::Plain("geokg".into()),
        strict: false,
        stmts,
    }
}

/// Clusters: each state with the people who represent it and its regions.
fn state_clusters(kg: &KnowledgeGraph) -> Vec<Stmt> {
    let g = &kg.graph;
    let mut out = Vec::new();
    for s in g.node_indices().filter(|&i| g[i].kind == Kind::State) {
        let mut members = vec![s];
        for e in g.edges_directed(s, petgraph::Direction::Incoming) {
            let src = e.source();
            let belongs = matches!(
                (e.weight().edge, g[src].kind),
                (EdgeType::Represents, Kind::Person) | (EdgeType::Claims, Kind::Region)
            );
            if belongs && !members.contains(&src) {
                members.push(src);
            }
        }
        if members.len() < 2 {
            continue;
        }
        let mut stmts = vec![
            Stmt::Attribute(attr("label", &g[s].name)),
            Stmt::Attribute(attr("style", "rounded,dashed")),
        ];
        stmts.extend(
            members
                .iter()
                .map(|m| Stmt::Node(DotNode::new(node_id(m.index()), vec![]))),
        );
        out.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_state_{}", s.index())),
            stmts,
        }));
    }
    out
}

fn legend(kg: &KnowledgeGraph) -> Subgraph {
    let g = &kg.graph;
    let mut stmts = vec![
        Stmt::Attribute(attr("label", "Legend")),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("fontsize", "10")),
    ];
    let mut kinds: Vec<Kind> = g.node_weights().map(|n| n.kind).collect();
    kinds.sort();
    kinds.dedup();
    for k in kinds {
        let (shape, fill) = kind_style(k);
        stmts.push(Stmt::Node(DotNode::new(
            NodeId(Id::Plain(format!("legend_kind_{}", k.as_str())), None),
            vec![
                attr("label", k.as_str()),
                attr("shape", shape),
                attr("fillcolor", fill),
            ],
        )));
    }
    let mut types: Vec<EdgeType> = g.edge_weights().map(|e| e.edge).collect();
    types.sort();
    types.dedup();
    for t in types {
        let a = NodeId(
            Id::Plain(format!("legend_{}_a", t.as_str().replace('-', "_"))),
            None,
        );
        let b = NodeId(
            Id::Plain(format!("legend_{}_b", t.as_str().replace('-', "_"))),
            None,
        );
        for n in [&a, &b] {
            stmts.push(Stmt::Node(DotNode::new(
                n.clone(),
                vec![
                    attr("label", ""),
                    attr("shape", "point"),
                    attr("width", "0.05"),
                ],
            )));
        }
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(Vertex::N(a), Vertex::N(b)),
            attributes: vec![
                attr("label", t.as_str()),
                attr("color", edge_color(t)),
                attr("fontcolor", edge_color(t)),
                attr("style", edge_style(t)),
            ],
        }));
    }
    Subgraph {
        id: Id::Plain("cluster_legend".into()),
        stmts,
    }
}

/// The graph as DOT text.
pub fn to_dot(kg: &KnowledgeGraph, opts: &DotOptions) -> String {
    let mut ctx = PrinterContext::default();
    to_dot_graph(kg, opts).print(&mut ctx)
}

/// The graph as node-link JSON (D3, Cytoscape.js, NetworkX `node_link_graph`).
pub fn to_json(kg: &KnowledgeGraph) -> serde_json::Value {
    let g = &kg.graph;
    let nodes: Vec<_> = g
        .node_indices()
        .map(|i| {
            let n = &g[i];
            json!({"id": n.key, "name": n.name, "kind": n.kind})
        })
        .collect();
    let links: Vec<_> = g
        .edge_references()
        .map(|e| {
            let w = e.weight();
            json!({
                "source": g[e.source()].key,
                "target": g[e.target()].key,
                "type": w.edge,
                "count": w.count,
                "first_seen": w.first_seen,
                "last_seen": w.last_seen,
                "evidence": w.evidence,
            })
        })
        .collect();
    json!({"directed": true, "multigraph": true, "graph": {"name": "geokg"}, "nodes": nodes, "links": links})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Filter;
    use crate::store::EdgeRow;

    fn sample() -> KnowledgeGraph {
        let row = EdgeRow {
            source: "Say \"hi\" & <bye>\nnow".into(),
            source_key: "person/x".into(),
            source_kind: Kind::Person,
            edge: EdgeType::MetWith,
            target: "Кремль".into(),
            target_key: "state/RUS".into(),
            target_kind: Kind::State,
            count: 2,
            first_seen: None,
            last_seen: None,
            flagged: false,
            evidence: Vec::new(),
        };
        KnowledgeGraph::from_edges(vec![row], &Filter::default())
    }

    /// Protects DOT escaping: it parses back with graphviz-rust's parser.
    #[test]
    fn dot_round_trips_through_parser() {
        let dot = to_dot(
            &sample(),
            &DotOptions {
                legend: true,
                cluster_by_state: true,
            },
        );
        let parsed = graphviz_rust::parse(&dot);
        assert!(parsed.is_ok(), "{dot}\n{parsed:?}");
        assert!(dot.contains("Кремль"));
        assert!(dot.contains("\\\"hi\\\""));
    }

    /// Protects node-link JSON counts.
    #[test]
    fn json_counts() {
        let v = to_json(&sample());
        assert_eq!(v["nodes"].as_array().map(Vec::len), Some(2));
        assert_eq!(v["links"].as_array().map(Vec::len), Some(1));
    }
}
