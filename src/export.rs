//! Writes the graph out: DOT through graphviz-rust (kinds as shapes and
//! colours, edge types as colours, conflicts apart, a legend, evidence in
//! tooltips), node-link JSON, GraphML, GEXF and the Neo4j import CSV pair.
//! The only module that writes DOT.
//!
//! Invariant: every format carries the same nodes and edges for the same
//! graph; names are escaped, never truncated.

use std::collections::HashMap;
use std::fmt::Write as _;

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::visit::EdgeRef;
use serde_json::json;

use crate::graph::{Edge, EdgeChange, KnowledgeGraph};
use crate::ontology::{EdgeType, Kind};
use crate::store::{Change, EntityRef, EventRow};
use crate::style::is_structural;
pub use crate::style::{edge_color, edge_style, edge_width, kind_style};

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
    /// Leave edge labels out (types still show as colours and in the
    /// legend, evidence in tooltips): on dense graphs the labels, not the
    /// nodes, make the picture huge.
    pub no_edge_labels: bool,
    /// Straight edges (`splines="line"`) instead of routed curves: on big
    /// graphs `sfdp`'s spline routing, not the layout, takes minutes.
    pub straight_edges: bool,
}

/// The label of an edge in pictures: the type, with the article count when
/// more than one. Structural edges only show the count.
fn edge_label(w: &Edge) -> String {
    match (is_structural(w.edge), w.count > 1) {
        (true, true) => format!("×{}", w.count),
        (true, false) => String::new(),
        (false, true) => format!("{} ×{}", w.edge, w.count),
        (false, false) => w.edge.to_string(),
    }
}

/// Colour, line style and label of an edge in a graph of changes
/// (`--diff`): a new edge green and bold, a gone one grey and dashed, one
/// that grew bold and one that weakened dotted in its type's colour, each
/// labelled with its articles before and after; `class` says the same to
/// an SVG style sheet (`diff-appeared`, `diff-disappeared`, `diff-grew`,
/// `diff-weakened`, `diff-same`).
pub fn diff_look(w: &Edge, c: EdgeChange) -> (&'static str, &'static str, String) {
    let counts = format!("{} {}→{}", w.edge, c.before, c.after);
    match c.change {
        Change::Appeared => (DIFF_NEW, "bold", format!("new: {counts}")),
        Change::Disappeared => (DIFF_GONE, "dashed", format!("gone: {counts}")),
        Change::Grew => (edge_color(w.edge), "bold", counts),
        Change::Weakened => (edge_color(w.edge), "dotted", counts),
        Change::Same => (edge_color(w.edge), edge_style(w.edge), counts),
    }
}

/// The colour of an edge that appeared in a graph of changes.
pub const DIFF_NEW: &str = "#16a34a";
/// The colour of an edge that disappeared in a graph of changes.
pub const DIFF_GONE: &str = "#9ca3af";

/// The pieces of evidence an edge's tooltip shows; the formats other than
/// JSON and events show no more (GraphML, GEXF and CSV the first), so
/// their graph is read with this many per edge.
pub const TOOLTIP_EVIDENCE: usize = 3;

/// The evidence of an edge as tooltip text: up to three sentences, each
/// with its article and date.
fn evidence_tooltip(w: &Edge) -> String {
    let mut out = format!("{} ({} article(s))", w.edge, w.count);
    if let Some(c) = w.change {
        let _ = write!(
            out,
            "; {}: {} article(s) before, {} after",
            c.change.as_str(),
            c.before,
            c.after
        );
    }
    for ev in w.evidence.iter().take(TOOLTIP_EVIDENCE) {
        let date = ev
            .date
            .as_deref()
            .map(|d| format!(" {d}"))
            .unwrap_or_default();
        let _ = write!(out, "\n[{}{date}] {}", ev.article, ev.text.trim());
    }
    let total = w.evidence_total.max(w.evidence.len());
    if total > TOOLTIP_EVIDENCE {
        let _ = write!(out, "\n… and {} more", total - TOOLTIP_EVIDENCE);
    }
    out
}

/// The graph as a graphviz-rust AST.
pub fn to_dot_graph(kg: &KnowledgeGraph, opts: &DotOptions) -> Graph {
    let g = &kg.graph;
    let degrees: Vec<usize> = g.node_indices().map(|i| kg.weighted_degree(i)).collect();
    let mut graph_attrs = vec![
        // Graphviz 2.43's old ranker fails ("trouble in init_rank") on
        // clusters with edges between them; the new one does not.
        attr("newrank", "true"),
        attr("rankdir", "LR"),
        attr("overlap", "false"),
        attr("splines", if opts.straight_edges { "line" } else { "true" }),
        attr("outputorder", "edgesfirst"),
        attr("nodesep", "0.25"),
        attr("ranksep", "0.9"),
        attr("fontname", "Helvetica"),
        attr("labelloc", "b"),
        attr("labeljust", "l"),
    ];
    if opts.legend && g.node_count() > 0 {
        graph_attrs.push(Attribute(
            Id::Plain("label".into()),
            Id::Html(legend_html(kg)),
        ));
    }
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", "filled"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "12"),
            attr("margin", "0.08,0.04"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "10"),
            attr("arrowsize", "0.7"),
        ])),
    ];
    for i in g.node_indices() {
        let n = &g[i];
        let (shape, fill) = kind_style(n.kind);
        // The hubs of the story read first: the label grows with the
        // number of supporting articles, in steps, up to 22 points.
        let degree = degrees.get(i.index()).copied().unwrap_or(0);
        let size = 12.0 + (2.0 * (degree.max(1) as f64).log2()).min(10.0);
        stmts.push(Stmt::Node(DotNode::new(
            node_id(i.index()),
            vec![
                attr("label", &n.name),
                attr("shape", shape),
                attr("fillcolor", fill),
                attr("fontsize", &format!("{size:.0}")),
                attr(
                    "tooltip",
                    &format!(
                        "{} ({}), {}; {degree} article link(s)",
                        n.name, n.kind, n.key
                    ),
                ),
            ],
        )));
    }
    for e in g.edge_references() {
        let w = e.weight();
        let (color, style, label) = match w.change {
            Some(c) => diff_look(w, c),
            None => (edge_color(w.edge), edge_style(w.edge), edge_label(w)),
        };
        let mut attrs = vec![
            attr(
                "label",
                &if opts.no_edge_labels {
                    String::new()
                } else {
                    label
                },
            ),
            attr("color", color),
            attr("fontcolor", color),
            attr("style", style),
            attr("penwidth", &format!("{:.1}", edge_width(w.edge, w.count))),
            attr("tooltip", &evidence_tooltip(w)),
            attr("labeltooltip", &evidence_tooltip(w)),
        ];
        if let Some(c) = w.change {
            attrs.push(attr("class", &format!("diff-{}", c.change.as_str())));
        }
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
    Graph::DiGraph {
        id: Id::Plain("geokg".into()),
        strict: false,
        stmts,
    }
}

/// Clusters: each state with the people who represent it and its regions.
/// A node joins at most one cluster (the first state that claims it), as
/// Graphviz requires.
fn state_clusters(kg: &KnowledgeGraph) -> Vec<Stmt> {
    let g = &kg.graph;
    let mut taken = vec![false; g.node_count()];
    let mut out = Vec::new();
    for s in g.node_indices().filter(|&i| g[i].kind == Kind::State) {
        if taken[s.index()] {
            continue;
        }
        let mut members = vec![s];
        for e in g.edges_directed(s, petgraph::Direction::Incoming) {
            let src = e.source();
            let belongs = matches!(
                (e.weight().edge, g[src].kind),
                (EdgeType::Represents, Kind::Person) | (EdgeType::Claims, Kind::Region)
            );
            if belongs && !taken[src.index()] && !members.contains(&src) {
                members.push(src);
            }
        }
        // Regions are the claim's target: "Russia claims Crimea".
        for e in g.edges_directed(s, petgraph::Direction::Outgoing) {
            let dst = e.target();
            let belongs = e.weight().edge == EdgeType::Claims && g[dst].kind == Kind::Region;
            if belongs && !taken[dst.index()] && !members.contains(&dst) {
                members.push(dst);
            }
        }
        if members.len() < 2 {
            continue;
        }
        for m in &members {
            taken[m.index()] = true;
        }
        let mut stmts = vec![
            Stmt::Attribute(attr("label", &g[s].name)),
            Stmt::Attribute(attr("style", "rounded,dashed")),
            Stmt::Attribute(attr("color", "#94a3b8")),
            Stmt::Attribute(attr("fontcolor", "#475569")),
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

/// The legend as a Graphviz HTML label for the whole graph, placed under
/// the drawing so it never competes with the layout: a title line with the
/// counts, a row of kinds, and the edge types present grouped as conflict,
/// cooperation and structure. No whitespace between tags: graphviz-rust's
/// parser ends an HTML id at `> >`.
fn legend_html(kg: &KnowledgeGraph) -> String {
    let g = &kg.graph;
    let mut kinds: Vec<Kind> = g.node_weights().map(|n| n.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut types: Vec<EdgeType> = g.edge_weights().map(|e| e.edge).collect();
    types.sort();
    types.dedup();
    let mut h =
        String::from("<<table border=\"0\" cellborder=\"0\" cellspacing=\"3\" cellpadding=\"2\">");
    let _ = write!(
        h,
        "<tr><td align=\"left\" colspan=\"2\"><font point-size=\"18\"><b>geokg</b></font><font point-size=\"14\">  {} entities, {} relations</font></td></tr>",
        g.node_count(),
        g.edge_count()
    );
    h.push_str("<tr><td align=\"right\"><font point-size=\"13\"><b>entities</b></font></td><td align=\"left\"><table border=\"0\" cellborder=\"1\" cellspacing=\"4\" cellpadding=\"3\"><tr>");
    for k in kinds {
        let (shape, fill) = kind_style(k);
        let _ = write!(
            h,
            "<td bgcolor=\"{fill}\"><font point-size=\"13\">{} ({shape})</font></td>",
            xml_escape(k.as_str())
        );
    }
    h.push_str("</tr></table></td></tr>");
    type Group = (&'static str, fn(EdgeType) -> bool);
    let groups: [Group; 3] = [
        ("conflict", |t| t.is_conflict()),
        ("structure", is_structural),
        ("other", |t| !t.is_conflict() && !is_structural(t)),
    ];
    for (title, member) in groups {
        let present: Vec<EdgeType> = types.iter().copied().filter(|&t| member(t)).collect();
        if present.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            "<tr><td align=\"right\"><font point-size=\"13\"><b>{title}</b></font></td><td align=\"left\">"
        );
        for t in present {
            let line = match edge_style(t) {
                "dotted" => "· · · ▸",
                "dashed" => "- - - ▸",
                "bold" => "━━━▶",
                _ => "───▸",
            };
            let text = format!("{line} {}", t.as_str());
            let text = if t.is_conflict() {
                format!("<b>{text}</b>")
            } else {
                text
            };
            let _ = write!(
                h,
                "<font point-size=\"13\" color=\"{}\">{text}</font>   ",
                edge_color(t)
            );
        }
        h.push_str("</td></tr>");
    }
    if g.edge_weights().any(|w| w.change.is_some()) {
        let _ = write!(
            h,
            "<tr><td align=\"right\"><font point-size=\"13\"><b>changes</b></font></td><td align=\"left\"><font point-size=\"13\" color=\"{DIFF_NEW}\"><b>━━━▶ new</b></font>   <font point-size=\"13\" color=\"{DIFF_GONE}\">- - - ▸ gone</font>   <font point-size=\"13\"><b>━━━▶ grew</b></font>   <font point-size=\"13\">· · · ▸ weakened</font>   <font point-size=\"12\" color=\"#6b7280\">labels: articles before→after</font></td></tr>"
        );
    }
    h.push_str("<tr><td></td><td align=\"left\"><font point-size=\"12\" color=\"#6b7280\">line width grows with the number of supporting articles; hover an edge (SVG) for its evidence</font></td></tr>");
    h.push_str("</table>>");
    h
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
                "change": w.change.map(|c| json!({
                    "change": c.change, "before": c.before, "after": c.after
                })),
            })
        })
        .collect();
    json!({"directed": true, "multigraph": true, "graph": {"name": "geokg"}, "nodes": nodes, "links": links})
}

/// [`to_json`] written edge by edge as the edges are read, pretty-printed
/// as `serde_json` prints the whole value (keys in order, so the links come
/// before the nodes): memory holds the nodes met so far, never the edges
/// or their evidence (`export --format json` of the whole graph). Nodes are
/// listed in the order their edges first name them, as
/// [`KnowledgeGraph::from_edges`] numbers them.
pub struct JsonStream<W: std::io::Write> {
    w: W,
    nodes: Vec<(String, String, Kind)>,
    seen: std::collections::HashSet<String>,
    links: usize,
}

impl<W: std::io::Write> JsonStream<W> {
    /// Starts the document.
    pub fn new(mut w: W) -> std::io::Result<Self> {
        w.write_all(b"{\n  \"directed\": true,\n  \"graph\": {\n    \"name\": \"geokg\"\n  },\n  \"links\": [")?;
        Ok(JsonStream {
            w,
            nodes: Vec::new(),
            seen: Default::default(),
            links: 0,
        })
    }

    /// Writes one edge (the caller's filters already applied).
    pub fn edge(&mut self, r: &crate::store::EdgeRow) -> std::io::Result<()> {
        for (key, name, kind) in [
            (&r.source_key, &r.source, r.source_kind),
            (&r.target_key, &r.target, r.target_kind),
        ] {
            if self.seen.insert(key.clone()) {
                self.nodes.push((key.clone(), name.clone(), kind));
            }
        }
        let link = json!({
            "source": r.source_key,
            "target": r.target_key,
            "type": r.edge,
            "count": r.count,
            "first_seen": r.first_seen,
            "last_seen": r.last_seen,
            "evidence": r.evidence,
            "change": null,
        });
        indented(&mut self.w, self.links == 0, &link)?;
        self.links += 1;
        Ok(())
    }

    /// Edges written so far.
    pub fn link_count(&self) -> usize {
        self.links
    }

    /// Closes the links, writes the nodes and ends the document; returns
    /// the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.w
            .write_all(if self.links == 0 { b"]" } else { b"\n  ]" })?;
        self.w
            .write_all(b",\n  \"multigraph\": true,\n  \"nodes\": [")?;
        let nodes = std::mem::take(&mut self.nodes);
        for (i, (key, name, kind)) in nodes.iter().enumerate() {
            let node = json!({"id": key, "name": name, "kind": kind});
            indented(&mut self.w, i == 0, &node)?;
        }
        self.w
            .write_all(if nodes.is_empty() { b"]" } else { b"\n  ]" })?;
        self.w.write_all(b"\n}\n")?;
        Ok(self.w)
    }
}

/// One element of an array at the document's second level, pretty-printed
/// at its depth, after a comma unless it is the first.
fn indented(
    w: &mut impl std::io::Write,
    first: bool,
    v: &serde_json::Value,
) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(v).map_err(std::io::Error::other)?;
    w.write_all(if first { b"\n" } else { b",\n" })?;
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            w.write_all(b"\n")?;
        }
        w.write_all(b"    ")?;
        w.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// The columns of `export --format events`, named after GDELT 2.0's event
/// table (the columns geokg can fill, in GDELT's order), then geokg's own
/// (`docs/EVENTS.md`).
pub const EVENT_COLUMNS: [&str; 23] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "SOURCEURL",
    "geokg_type",
    "geokg_actor1_id",
    "geokg_actor2_id",
    "geokg_article",
];

/// An actor's CAMEO country code (ISO 3166-1 alpha-3) when it has one: a
/// state's own (its key is `state/ISO3`), the state a person represents, a
/// region's state; from `countries`, key to code, filled by the caller.
fn country<'a>(e: &EntityRef, countries: &'a HashMap<String, String>) -> Option<&'a str> {
    countries.get(&e.key).map(String::as_str)
}

/// An actor's CAMEO type code: `GOV` for a person who represents a state,
/// `IGO` for an alliance or intergovernmental body, none otherwise.
fn actor_type(e: &EntityRef, countries: &HashMap<String, String>) -> &'static str {
    match e.kind {
        Kind::Person if countries.contains_key(&e.key) => "GOV",
        Kind::Alliance => "IGO",
        _ => "",
    }
}

/// The events table (tab-separated, GDELT 2.0 column names, with a header
/// line): one row per article, source, target and event code, in date
/// order; `represents` edges are no events (they give a person's country
/// and the `GOV` type code instead). `countries` maps entity keys to ISO
/// 3166-1 alpha-3 codes.
pub fn to_events(rows: &[EventRow], countries: &HashMap<String, String>) -> String {
    let mut out = EVENT_COLUMNS.join("\t");
    out.push('\n');
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut id = 0;
    for r in rows.iter().filter(|r| r.edge.is_event()) {
        id += 1;
        let cameo = r.edge.cameo();
        let mut fields: Vec<String> = vec![
            id.to_string(),
            r.date.as_deref().unwrap_or("").replace('-', ""),
        ];
        for actor in [&r.source, &r.target] {
            let code = country(actor, countries).unwrap_or("");
            let ty = actor_type(actor, countries);
            fields.extend([
                format!("{code}{ty}"),
                clean(&actor.name),
                code.to_string(),
                ty.to_string(),
            ]);
        }
        fields.extend([
            u8::from(r.lead).to_string(),
            cameo.code.to_string(),
            cameo.code.to_string(),
            cameo.root.to_string(),
            cameo.quad.to_string(),
            r.mentions.to_string(),
            "1".to_string(),
            "1".to_string(),
            clean(r.url.as_deref().unwrap_or("")),
            r.edge.as_str().to_string(),
            clean(&r.source.key),
            clean(&r.target.key),
            clean(&r.article),
        ]);
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

/// Escapes text for XML content and attribute values alike: the five
/// markup characters, line breaks and tabs as character references (so
/// attribute normalisation cannot turn them into spaces), and the control
/// characters XML 1.0 forbids dropped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The first piece of evidence of an edge as one line: `[article] sentence`.
fn first_evidence(w: &Edge) -> String {
    w.evidence
        .first()
        .map(|ev| format!("[{}] {}", ev.article, ev.text.trim()))
        .unwrap_or_default()
}

/// The graph as GraphML (Gephi, yEd, Cytoscape, NetworkX `read_graphml`),
/// with typed keys: name, kind (string); type, first_seen, last_seen,
/// evidence (string); count (int).
pub fn to_graphml(kg: &KnowledgeGraph) -> String {
    let g = &kg.graph;
    let mut out = String::with_capacity(256 + 160 * g.node_count() + 400 * g.edge_count());
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n",
        "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n",
        "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n",
        "  <key id=\"first_seen\" for=\"edge\" attr.name=\"first_seen\" attr.type=\"string\"/>\n",
        "  <key id=\"last_seen\" for=\"edge\" attr.name=\"last_seen\" attr.type=\"string\"/>\n",
        "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n",
        "  <graph id=\"geokg\" edgedefault=\"directed\">\n",
    ));
    for i in g.node_indices() {
        let n = &g[i];
        let _ = writeln!(
            out,
            "    <node id=\"{}\"><data key=\"name\">{}</data><data key=\"kind\">{}</data></node>",
            xml_escape(&n.key),
            xml_escape(&n.name),
            n.kind
        );
    }
    for (k, e) in g.edge_references().enumerate() {
        let w = e.weight();
        let _ = write!(
            out,
            "    <edge id=\"e{k}\" source=\"{}\" target=\"{}\"><data key=\"type\">{}</data><data key=\"count\">{}</data>",
            xml_escape(&g[e.source()].key),
            xml_escape(&g[e.target()].key),
            w.edge,
            w.count
        );
        for (key, v) in [("first_seen", &w.first_seen), ("last_seen", &w.last_seen)] {
            if let Some(v) = v {
                let _ = write!(out, "<data key=\"{key}\">{}</data>", xml_escape(v));
            }
        }
        let ev = first_evidence(w);
        if !ev.is_empty() {
            let _ = write!(out, "<data key=\"evidence\">{}</data>", xml_escape(&ev));
        }
        out.push_str("</edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The graph as GEXF 1.2 (Gephi, NetworkX `read_gexf`), with declared
/// attributes: kind (string) on nodes; type, first_seen, last_seen,
/// evidence (string) and count (integer) on edges. The edge weight is the
/// count and the edge label the type.
pub fn to_gexf(kg: &KnowledgeGraph) -> String {
    let g = &kg.graph;
    let mut out = String::with_capacity(512 + 160 * g.node_count() + 450 * g.edge_count());
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n",
        "  <meta><creator>geokg</creator><description>geopolitical knowledge graph</description></meta>\n",
        "  <graph mode=\"static\" defaultedgetype=\"directed\">\n",
        "    <attributes class=\"node\">\n",
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n",
        "    </attributes>\n",
        "    <attributes class=\"edge\">\n",
        "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n",
        "      <attribute id=\"count\" title=\"count\" type=\"integer\"/>\n",
        "      <attribute id=\"first_seen\" title=\"first_seen\" type=\"string\"/>\n",
        "      <attribute id=\"last_seen\" title=\"last_seen\" type=\"string\"/>\n",
        "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n",
        "    </attributes>\n",
        "    <nodes>\n",
    ));
    for i in g.node_indices() {
        let n = &g[i];
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"kind\" value=\"{}\"/></attvalues></node>",
            xml_escape(&n.key),
            xml_escape(&n.name),
            n.kind
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (k, e) in g.edge_references().enumerate() {
        let w = e.weight();
        let _ = write!(
            out,
            "      <edge id=\"e{k}\" source=\"{}\" target=\"{}\" label=\"{}\" weight=\"{}\"><attvalues><attvalue for=\"type\" value=\"{}\"/><attvalue for=\"count\" value=\"{}\"/>",
            xml_escape(&g[e.source()].key),
            xml_escape(&g[e.target()].key),
            w.edge,
            w.count,
            w.edge,
            w.count
        );
        for (key, v) in [("first_seen", &w.first_seen), ("last_seen", &w.last_seen)] {
            if let Some(v) = v {
                let _ = write!(out, "<attvalue for=\"{key}\" value=\"{}\"/>", xml_escape(v));
            }
        }
        let ev = first_evidence(w);
        if !ev.is_empty() {
            let _ = write!(
                out,
                "<attvalue for=\"evidence\" value=\"{}\"/>",
                xml_escape(&ev)
            );
        }
        out.push_str("</attvalues></edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// The two files of a Neo4j bulk import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neo4jCsv {
    /// `nodes.csv`: `id:ID,name,kind,:LABEL`.
    pub nodes: String,
    /// `relationships.csv`: `:START_ID,:END_ID,:TYPE,count:int,first_seen,last_seen,evidence`.
    pub relationships: String,
}

/// Header of `nodes.csv`.
pub const NEO4J_NODES_HEADER: &str = "id:ID,name,kind,:LABEL";
/// Header of `relationships.csv`.
pub const NEO4J_RELATIONSHIPS_HEADER: &str =
    ":START_ID,:END_ID,:TYPE,count:int,first_seen,last_seen,evidence";

/// Quotes a CSV field the way `neo4j-admin database import` reads it:
/// inside double quotes, a quote doubled. Fields with line breaks need
/// `--multiline-fields=true` at import.
/// A cell a spreadsheet would run as a formula (it starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading `'`, so it is shown
/// as text; every CSV geokg writes goes through this.
pub fn neutralise_formula(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

fn csv_field(s: &str) -> String {
    let s = neutralise_formula(s);
    if s.contains([',', '"', '\n', '\r', ';']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// The Neo4j relationship type of an edge type: `met-with` -> `MET_WITH`,
/// Cypher's convention, usable without backticks.
pub fn neo4j_type(edge: EdgeType) -> String {
    edge.as_str().replace('-', "_").to_ascii_uppercase()
}

/// The Neo4j label of a kind: `person` -> `Person`.
fn neo4j_label(kind: Kind) -> String {
    let s = kind.as_str();
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// The graph as the CSV pair of `neo4j-admin database import full
/// --nodes=nodes.csv --relationships=relationships.csv`. Every node has the
/// labels `Entity` and its kind (`Entity;State`), ids are the entity keys.
pub fn to_neo4j_csv(kg: &KnowledgeGraph) -> Neo4jCsv {
    let g = &kg.graph;
    let mut nodes = String::with_capacity(64 + 64 * g.node_count());
    nodes.push_str(NEO4J_NODES_HEADER);
    nodes.push('\n');
    for n in g.node_weights() {
        let _ = writeln!(
            nodes,
            "{},{},{},Entity;{}",
            csv_field(&n.key),
            csv_field(&n.name),
            n.kind,
            neo4j_label(n.kind)
        );
    }
    let mut relationships = String::with_capacity(64 + 256 * g.edge_count());
    relationships.push_str(NEO4J_RELATIONSHIPS_HEADER);
    relationships.push('\n');
    for e in g.edge_references() {
        let w = e.weight();
        let _ = writeln!(
            relationships,
            "{},{},{},{},{},{},{}",
            csv_field(&g[e.source()].key),
            csv_field(&g[e.target()].key),
            neo4j_type(w.edge),
            w.count,
            csv_field(w.first_seen.as_deref().unwrap_or("")),
            csv_field(w.last_seen.as_deref().unwrap_or("")),
            csv_field(&first_evidence(w))
        );
    }
    Neo4jCsv {
        nodes,
        relationships,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Filter;
    use crate::store::{EdgeRow, EvidenceRow};

    /// Protects issue 14 fault 10: a cell that a spreadsheet would run as a
    /// formula is shown as text in every CSV writer.
    #[test]
    fn csv_formulas_are_neutralised() {
        for (cell, want) in [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("Russia", "Russia"),
            ("a=b", "a=b"),
        ] {
            assert_eq!(csv_field(cell), want, "{cell:?}");
            assert_eq!(crate::report::csv_field(cell), want, "{cell:?}");
        }
    }

    const TRICKY: &str = "Say \"hi\" & <bye>\nnow, 'ok'";

    fn row(s: (&str, &str, Kind), edge: EdgeType, t: (&str, &str, Kind), count: usize) -> EdgeRow {
        EdgeRow {
            source: s.0.into(),
            source_key: s.1.into(),
            source_kind: s.2,
            edge,
            target: t.0.into(),
            target_key: t.1.into(),
            target_kind: t.2,
            count,
            first_seen: Some("2024-01-02".into()),
            last_seen: Some("2024-03-04".into()),
            flagged: false,
            evidence_total: 1,
            evidence: vec![EvidenceRow {
                article: "a&1".into(),
                date: Some("2024-01-02".into()),
                sentence: 0,
                start: 0,
                end: 5,
                text: "He said \"<no>\", & left,\nquickly.".into(),
                confidence: 0.9,
                role: None,
                rule: Some("met/verb".into()),
                via: None,
            }],
        }
    }

    /// Three nodes (one with quotes, ampersand, angle brackets and a
    /// newline in its name, one in Cyrillic) and three edges.
    fn sample() -> KnowledgeGraph {
        let x = (TRICKY, "person/x", Kind::Person);
        let kremlin = ("Кремль", "state/RUS", Kind::State);
        let crimea = ("Крым, \"Crimea\"", "region/crimea", Kind::Region);
        KnowledgeGraph::from_edges(
            vec![
                row(x, EdgeType::MetWith, kremlin, 2),
                row(kremlin, EdgeType::Claims, crimea, 1),
                row(x, EdgeType::Attacks, crimea, 5),
            ],
            &Filter::default(),
        )
    }

    /// An element: name, unescaped attributes, direct text.
    type Elem = (String, Vec<(String, String)>, String);

    /// A test-only XML reader: checks well-formedness (balanced tags,
    /// quoted attributes, known entity references) and returns each element
    /// with its unescaped attributes and direct text.
    fn xml_elements(doc: &str) -> Result<Vec<Elem>, String> {
        fn unescape(s: &str) -> Result<String, String> {
            let mut out = String::new();
            let mut rest = s;
            while let Some(i) = rest.find('&') {
                out.push_str(&rest[..i]);
                let end = rest[i..].find(';').ok_or("unterminated entity")? + i;
                let name = &rest[i + 1..end];
                out.push(match name {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    n if n.starts_with('#') => {
                        char::from_u32(n[1..].parse().map_err(|_| "bad ref")?).ok_or("bad char")?
                    }
                    n => return Err(format!("unknown entity &{n};")),
                });
                rest = &rest[end + 1..];
            }
            if rest.contains('<') {
                return Err("raw < in text".into());
            }
            out.push_str(rest);
            Ok(out)
        }
        let mut out = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut rest = doc;
        while let Some(i) = rest.find('<') {
            let text = unescape(&rest[..i])?;
            if let Some(&top) = open.last() {
                let e: &mut Elem = &mut out[top];
                e.2.push_str(&text);
            } else if !text.trim().is_empty() {
                return Err("text outside the root".into());
            }
            rest = &rest[i..];
            if rest.starts_with("<?") {
                rest = &rest[rest.find("?>").ok_or("open <?")? + 2..];
                continue;
            }
            let end = rest.find('>').ok_or("open tag")?;
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                let top = open.pop().ok_or("close without open")?;
                if out[top].0 != name.trim() {
                    return Err(format!("</{name}> closes <{}>", out[top].0));
                }
                continue;
            }
            let empty = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, mut attrs_text) = tag.split_once(' ').unwrap_or((tag, ""));
            let mut attrs = Vec::new();
            loop {
                attrs_text = attrs_text.trim_start();
                if attrs_text.is_empty() {
                    break;
                }
                let eq = attrs_text.find("=\"").ok_or("unquoted attribute")?;
                let key = attrs_text[..eq].to_string();
                let close = attrs_text[eq + 2..].find('"').ok_or("open attribute")? + eq + 2;
                attrs.push((key, unescape(&attrs_text[eq + 2..close])?));
                attrs_text = &attrs_text[close + 1..];
            }
            out.push((name.to_string(), attrs, String::new()));
            if !empty {
                open.push(out.len() - 1);
            }
        }
        if !open.is_empty() || !rest.trim().is_empty() {
            return Err("unclosed elements".into());
        }
        Ok(out)
    }

    /// Nodes and edges of a DOT text as graphviz-rust parses it: node
    /// statements at the top level (cluster lists repeat them), edges
    /// anywhere.
    fn dot_counts(dot: &str) -> (usize, usize) {
        use graphviz_rust::dot_structures::Graph as G;
        let (G::DiGraph { stmts, .. } | G::Graph { stmts, .. }) =
            graphviz_rust::parse(dot).unwrap();
        let nodes = stmts.iter().filter(|s| matches!(s, Stmt::Node(_))).count();
        let edges = stmts.iter().filter(|s| matches!(s, Stmt::Edge(_))).count();
        (nodes, edges)
    }

    fn count(elems: &[Elem], name: &str) -> usize {
        elems.iter().filter(|e| e.0 == name).count()
    }

    /// A CSV reader for the tests: RFC 4180 quoting, records may span lines.
    fn csv_records(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let (mut rec, mut field, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => rec.push(std::mem::take(&mut field)),
                ('\n', false) => {
                    rec.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut rec));
                }
                (c, _) => field.push(c),
            }
        }
        records
    }

    /// Protects DOT escaping: it parses back with graphviz-rust's parser,
    /// legend and clusters included, and names survive.
    #[test]
    fn dot_round_trips_through_parser() {
        for (legend, cluster_by_state) in [(false, false), (true, false), (true, true)] {
            let dot = to_dot(
                &sample(),
                &DotOptions {
                    legend,
                    cluster_by_state,
                    no_edge_labels: !legend,
                    straight_edges: cluster_by_state,
                },
            );
            let parsed = graphviz_rust::parse(&dot);
            assert!(parsed.is_ok(), "{dot}\n{parsed:?}");
            assert!(dot.contains("Кремль"));
            assert!(dot.contains("\\\"hi\\\""));
            assert_eq!(dot.contains("cluster_state"), cluster_by_state);
        }
    }

    /// Protects the promise that every format carries the same nodes and
    /// edges (3 and 3 in the sample).
    #[test]
    fn every_format_has_the_same_counts() {
        let kg = sample();
        let dot = to_dot(
            &kg,
            &DotOptions {
                legend: true,
                cluster_by_state: true,
                no_edge_labels: false,
                straight_edges: false,
            },
        );
        let (dot_nodes, dot_edges) = dot_counts(&dot);
        let json = to_json(&kg);
        let graphml = xml_elements(&to_graphml(&kg)).unwrap();
        let gexf = xml_elements(&to_gexf(&kg)).unwrap();
        let csv = to_neo4j_csv(&kg);
        let table: [(&str, usize, usize); 5] = [
            ("dot", dot_nodes, dot_edges),
            (
                "json",
                json["nodes"].as_array().map_or(0, Vec::len),
                json["links"].as_array().map_or(0, Vec::len),
            ),
            ("graphml", count(&graphml, "node"), count(&graphml, "edge")),
            ("gexf", count(&gexf, "node"), count(&gexf, "edge")),
            (
                "csv",
                csv_records(&csv.nodes).len() - 1,
                csv_records(&csv.relationships).len() - 1,
            ),
        ];
        for (format, nodes, edges) in table {
            assert_eq!((nodes, edges), (3, 3), "{format}");
        }
    }

    /// Protects name survival in the XML formats: quotes, ampersands,
    /// angle brackets, newlines and Cyrillic come back unchanged.
    #[test]
    fn xml_names_survive() {
        let kg = sample();
        let graphml = xml_elements(&to_graphml(&kg)).unwrap();
        let names: Vec<&str> = graphml
            .iter()
            .filter(|e| e.0 == "data" && e.1.iter().any(|(k, v)| k == "key" && v == "name"))
            .map(|e| e.2.as_str())
            .collect();
        let gexf = xml_elements(&to_gexf(&kg)).unwrap();
        let labels: Vec<&str> = gexf
            .iter()
            .filter(|e| e.0 == "node")
            .filter_map(|e| {
                e.1.iter()
                    .find(|(k, _)| k == "label")
                    .map(|(_, v)| v.as_str())
            })
            .collect();
        for list in [names, labels] {
            for want in [TRICKY, "Кремль", "Крым, \"Crimea\""] {
                assert!(list.contains(&want), "{want:?} not in {list:?}");
            }
        }
    }

    /// Protects XML escaping, one case a line.
    #[test]
    fn xml_escape_cases() {
        for (input, want) in [
            ("a & b", "a &amp; b"),
            ("<x>", "&lt;x&gt;"),
            ("\"q\" 'a'", "&quot;q&quot; &apos;a&apos;"),
            ("l1\nl2\r\tx", "l1&#10;l2&#13;&#9;x"),
            ("bell\u{7}", "bell"),
            ("Кремль 北京", "Кремль 北京"),
        ] {
            assert_eq!(xml_escape(input), want, "{input:?}");
        }
    }

    /// Protects the Neo4j import headers and quoting: names with commas,
    /// quotes and newlines read back as one field each.
    #[test]
    fn neo4j_csv_headers_and_quoting() {
        let csv = to_neo4j_csv(&sample());
        let nodes = csv_records(&csv.nodes);
        let rels = csv_records(&csv.relationships);
        assert_eq!(nodes[0].join(","), NEO4J_NODES_HEADER);
        assert_eq!(rels[0].join(","), NEO4J_RELATIONSHIPS_HEADER);
        assert!(nodes.iter().all(|r| r.len() == 4), "{nodes:?}");
        assert!(rels.iter().all(|r| r.len() == 7), "{rels:?}");
        assert!(
            nodes
                .iter()
                .any(|r| r[1] == TRICKY && r[3] == "Entity;Person")
        );
        assert!(rels.iter().any(|r| r[2] == "MET_WITH" && r[3] == "2"));
    }

    /// Protects the look: conflict edges are drawn wider than cooperative
    /// ones at the same count, and width grows with the count.
    #[test]
    fn conflict_edges_stand_out() {
        for conflict in [
            EdgeType::Opposes,
            EdgeType::Accuses,
            EdgeType::Threatens,
            EdgeType::Sanctions,
            EdgeType::Attacks,
        ] {
            for calm in [
                EdgeType::MetWith,
                EdgeType::Supports,
                EdgeType::CooperatesWith,
                EdgeType::Visited,
            ] {
                assert!(
                    edge_width(conflict, 1) > edge_width(calm, 1),
                    "{conflict} vs {calm}"
                );
                assert_eq!(edge_style(conflict), "bold");
                assert_ne!(edge_color(conflict), edge_color(calm));
            }
            assert!(edge_width(conflict, 4) > edge_width(conflict, 1));
        }
    }
}
