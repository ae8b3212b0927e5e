//! Draws the graph: SVG, PNG or PDF through Graphviz's `dot` when it is
//! installed, else SVG through the pure-Rust layout of `layout-rs`, so a
//! fresh machine still draws.
//!
//! Invariant: a failed render leaves no partial output file behind.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::export::{
    DotOptions, diff_look, edge_color, edge_style, edge_width, kind_style, to_dot, xml_escape,
};
use crate::graph::KnowledgeGraph;
use crate::ontology::{EdgeType, Kind};

/// Why a picture could not be drawn.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The output's extension names no known format.
    #[error("{0}: unknown picture format (use .svg, .png or .pdf)")]
    UnknownFormat(String),
    /// PNG and PDF need Graphviz.
    #[error("{path}: {format} output needs Graphviz's `dot` (install graphviz, or write .svg)")]
    NeedsGraphviz {
        /// The output.
        path: String,
        /// "PNG" or "PDF".
        format: &'static str,
    },
    /// `--engine graphviz` was asked for and `dot` is not installed.
    #[error("Graphviz's `dot` is not on PATH (install graphviz, or use --engine builtin)")]
    GraphvizMissing,
    /// `dot` failed.
    #[error("dot failed ({status}): {stderr}")]
    Graphviz {
        /// Exit status.
        status: String,
        /// What it printed.
        stderr: String,
        /// Whether a signal ended it (a crash), after every run allowed.
        signalled: bool,
    },
    /// The output could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The built-in layout failed.
    #[error("the built-in layout failed: {0}")]
    Layout(String),
}

/// Which renderer to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Engine {
    /// Graphviz when installed, else the built-in layout.
    #[default]
    Auto,
    /// Graphviz only.
    Graphviz,
    /// The built-in layout only.
    Builtin,
}

/// What was used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// "graphviz" or "builtin".
    pub engine: &'static str,
    /// The layout program ("dot", "sfdp", ...; "builtin" for layout-rs).
    pub layout: String,
    /// A note for the user (e.g. why the fallback was used).
    pub note: Option<String>,
}

/// Above this many edges, pictures leave edge labels out.
pub const LABELLED_EDGES: usize = 150;

/// Above this many nodes (or when dense), `--layout auto` picks `sfdp`:
/// `dot`'s layered layout grows tall and slow on big graphs.
pub const DOT_NODES: usize = 120;

/// How Graphviz draws a graph: decided from its size alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan<'a> {
    /// The layout program.
    pub layout: &'a str,
    /// Edge labels drawn (left out above [`LABELLED_EDGES`] edges).
    pub edge_labels: bool,
    /// Straight edges: a force layout (anything but `dot`) of more than
    /// [`DOT_NODES`] nodes, where routing curved edges around the nodes
    /// took minutes (400 nodes: 164 s with curves, 0.3 s straight).
    pub straight_edges: bool,
}

/// The drawing plan for `nodes` and `edges` with the asked layout
/// (`auto`: `dot` for small graphs, `sfdp` for big or dense ones).
pub fn plan(nodes: usize, edges: usize, asked: &str) -> Plan<'_> {
    let dense = edges > LABELLED_EDGES;
    let layout = match asked {
        "auto" if nodes > DOT_NODES || dense => "sfdp",
        "auto" => "dot",
        other => other,
    };
    Plan {
        layout,
        edge_labels: !dense,
        straight_edges: layout != "dot" && nodes > DOT_NODES,
    }
}

/// True when Graphviz's `dot` runs.
pub fn graphviz_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Draws `kg` into `out`; the format comes from the extension. `layout` is
/// a Graphviz layout program, or `auto`: `dot` for small graphs, `sfdp`
/// for big or dense ones.
pub fn render(
    kg: &KnowledgeGraph,
    out: &Path,
    engine: Engine,
    layout: &str,
) -> Result<Rendered, RenderError> {
    let label = out.display().to_string();
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let format = match ext.as_str() {
        "svg" => "svg",
        "png" => "png",
        "pdf" => "pdf",
        _ => return Err(RenderError::UnknownFormat(label)),
    };
    let use_graphviz = match engine {
        Engine::Builtin => false,
        Engine::Graphviz => {
            if !graphviz_available() {
                return Err(RenderError::GraphvizMissing);
            }
            true
        }
        Engine::Auto => graphviz_available(),
    };
    if use_graphviz {
        let plan = plan(kg.node_count(), kg.edge_count(), layout);
        let dense = !plan.edge_labels;
        let layout = plan.layout;
        let dot = to_dot(
            kg,
            &DotOptions {
                legend: true,
                cluster_by_state: false,
                no_edge_labels: dense,
                straight_edges: plan.straight_edges,
            },
        );
        run_dot(&dot, out, format, layout)?;
        return Ok(Rendered {
            engine: "graphviz",
            layout: layout.to_string(),
            note: dense.then(|| {
                format!(
                    "note: {} edges: edge labels left out (colours and the legend give the types, SVG tooltips the evidence)",
                    kg.edge_count()
                )
            }),
        });
    }
    if format != "svg" {
        return Err(RenderError::NeedsGraphviz {
            path: label,
            format: if format == "png" { "PNG" } else { "PDF" },
        });
    }
    let svg = builtin_svg(kg)?;
    crate::atomic::write(out, svg.as_bytes()).map_err(|source| RenderError::Io {
        path: label,
        source,
    })?;
    Ok(Rendered {
        engine: "builtin",
        layout: "builtin".to_string(),
        note: (engine == Engine::Auto).then(|| {
            "note: Graphviz's dot is not installed; drew the SVG with the built-in layout"
                .to_string()
        }),
    })
}

/// How many times a Graphviz layout program killed by a signal is run in
/// all: Graphviz's `circo` crashes now and then on some graphs (a segfault
/// on one run of five on the same input here), and a run again on the same
/// input draws it. An exit with an error status is never retried.
const GRAPHVIZ_RUNS: usize = 5;

fn run_dot(dot: &str, out: &Path, format: &str, layout: &str) -> Result<(), RenderError> {
    let mut runs = 1;
    loop {
        match run_dot_once(dot, out, format, layout) {
            Err(RenderError::Graphviz {
                signalled: true, ..
            }) if runs < GRAPHVIZ_RUNS => runs += 1,
            done => return done,
        }
    }
}

fn run_dot_once(dot: &str, out: &Path, format: &str, layout: &str) -> Result<(), RenderError> {
    let label = out.display().to_string();
    let tmp = crate::atomic::temp_beside(out);
    let mut child = Command::new("dot")
        .arg(format!("-K{layout}"))
        .arg(format!("-T{format}"))
        .arg("-o")
        .arg(&tmp)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| RenderError::GraphvizMissing)?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(dot.as_bytes())
            .map_err(|source| RenderError::Io {
                path: "dot's stdin".into(),
                source,
            })?;
    }
    let output = child.wait_with_output().map_err(|source| RenderError::Io {
        path: "dot".into(),
        source,
    })?;
    if !output.status.success() {
        let _ = std::fs::remove_file(&tmp);
        return Err(RenderError::Graphviz {
            status: output.status.to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            // No exit code: killed by a signal (a crash).
            signalled: output.status.code().is_none(),
        });
    }
    std::fs::rename(&tmp, out).map_err(|source| RenderError::Io {
        path: label,
        source,
    })
}

fn color(hex: &str) -> Color {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0xcccccc);
    Color::new((v << 8) | 0xff)
}

/// The longest evidence sentence a built-in tooltip shows, in characters;
/// a longer one is cut at a word and ends in `…`.
pub const TOOLTIP_CHARS: usize = 160;

/// `text` cut to at most `max` characters (at a space when there is one
/// in the last quarter), with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i >= cut.len() * 3 / 4 => cut[..i].trim_end().to_string(),
        _ => cut,
    };
    cut + "…"
}

/// The tooltip of a node in the built-in drawing: its name, kind and id,
/// and how many article links it has (the same text as in DOT).
pub fn node_title(kg: &KnowledgeGraph, n: NodeIndex) -> String {
    let node = &kg.graph[n];
    format!(
        "{} ({}), {}; {} article link(s)",
        node.name,
        node.kind,
        node.key,
        kg.weighted_degree(n)
    )
}

/// The tooltip of an edge in the built-in drawing: both ends with their
/// kinds, the type, the number of articles, and the first evidence
/// sentence with its article, shortened to `TOOLTIP_CHARS`.
pub fn edge_title(kg: &KnowledgeGraph, e: EdgeIndex) -> String {
    let g = &kg.graph;
    let (Some((s, t)), Some(w)) = (g.edge_endpoints(e), g.edge_weight(e)) else {
        return String::new();
    };
    let mut out = format!(
        "{} ({}) -{}-> {} ({}): {} article(s)",
        g[s].name, g[s].kind, w.edge, g[t].name, g[t].kind, w.count
    );
    if let Some(ev) = w.evidence.first() {
        out.push_str(&format!(
            "\n[{}] {}",
            ev.article,
            shorten(&ev.text, TOOLTIP_CHARS)
        ));
    }
    out
}

/// A node kind in the legend: the kind, its shape and its fill colour.
pub type LegendKind = (Kind, &'static str, &'static str);

/// What the built-in legend shows: each node kind present with the shape
/// and fill it is drawn with, and each edge type present with its colour,
/// in ontology order.
pub fn builtin_legend(kg: &KnowledgeGraph) -> (Vec<LegendKind>, Vec<(EdgeType, &'static str)>) {
    let g = &kg.graph;
    let kinds = Kind::ALL
        .into_iter()
        .filter(|k| g.node_weights().any(|n| n.kind == *k))
        .map(|k| {
            let (shape, fill) = kind_style(k);
            (k, shape, fill)
        })
        .collect();
    let types = EdgeType::ALL
        .into_iter()
        .filter(|t| g.edge_weights().any(|w| w.edge == *t))
        .map(|t| (t, edge_color(t)))
        .collect();
    (kinds, types)
}

/// The SVG of one node shape (Graphviz's shape names, drawn the same way
/// in the picture and in the legend) centred on `(cx, cy)`.
fn shape_svg(shape: &str, cx: f64, cy: f64, w: f64, h: f64, fill: &str) -> String {
    let (x, y) = (cx - w / 2.0, cy - h / 2.0);
    let stroke = "stroke=\"#1f2937\" stroke-width=\"1\"";
    let polygon = |pts: &[(f64, f64)]| {
        let pts: Vec<String> = pts
            .iter()
            .map(|(px, py)| format!("{:.1},{:.1}", cx + px * w / 2.0, cy + py * h / 2.0))
            .collect();
        format!(
            "<polygon points=\"{}\" fill=\"{fill}\" {stroke}/>",
            pts.join(" ")
        )
    };
    const OCTAGON: [(f64, f64); 8] = [
        (-0.6, -1.0),
        (0.6, -1.0),
        (1.0, -0.4),
        (1.0, 0.4),
        (0.6, 1.0),
        (-0.6, 1.0),
        (-1.0, 0.4),
        (-1.0, -0.4),
    ];
    match shape {
        "ellipse" => format!(
            "<ellipse cx=\"{cx:.1}\" cy=\"{cy:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" fill=\"{fill}\" {stroke}/>",
            w / 2.0,
            h / 2.0
        ),
        "hexagon" => polygon(&[
            (-0.7, -1.0),
            (0.7, -1.0),
            (1.0, 0.0),
            (0.7, 1.0),
            (-0.7, 1.0),
            (-1.0, 0.0),
        ]),
        "doubleoctagon" => {
            let inner: Vec<(f64, f64)> = OCTAGON.iter().map(|(a, b)| (a * 0.9, b * 0.8)).collect();
            polygon(&OCTAGON) + &polygon(&inner)
        }
        "component" => format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{fill}\" {stroke}/>\
             <rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"5\" fill=\"{fill}\" {stroke}/>\
             <rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"5\" fill=\"{fill}\" {stroke}/>",
            x - 4.0,
            y + h * 0.2,
            x - 4.0,
            y + h * 0.8 - 5.0
        ),
        _ => format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{fill}\" {stroke}/>"
        ),
    }
}

/// The dash pattern of an edge style.
fn dash(style: &str) -> &'static str {
    match style {
        "dashed" => " stroke-dasharray=\"6,4\"",
        "dotted" => " stroke-dasharray=\"2,3\"",
        _ => "",
    }
}

/// A layout-rs backend that writes the SVG itself, so that each node and
/// edge is one group with its `<title>` tooltip, names are escaped as in
/// every XML export, and nodes are drawn in their kind's shape. Nodes and
/// edges are recognised by the `properties` tag they were created with
/// (`n3`, `e7`); the label layout-rs draws after a node is replaced by the
/// node's own.
struct Canvas<'a> {
    kg: &'a KnowledgeGraph,
    body: String,
    width: f64,
    height: f64,
    /// The next text is the label of the node just drawn.
    skip_text: bool,
}

impl Canvas<'_> {
    fn grow(&mut self, x: f64, y: f64) {
        self.width = self.width.max(x + 5.0);
        self.height = self.height.max(y + 5.0);
    }

    fn node(&mut self, tag: Option<&str>, cx: f64, cy: f64, w: f64, h: f64) {
        self.grow(cx + w / 2.0 + 4.0, cy + h / 2.0);
        let Some(i) = tag
            .and_then(|t| t.strip_prefix('n'))
            .and_then(|i| i.parse::<usize>().ok())
            .filter(|&i| i < self.kg.graph.node_count())
        else {
            return;
        };
        let n = NodeIndex::new(i);
        let node = &self.kg.graph[n];
        let (shape, fill) = kind_style(node.kind);
        let _ = writeln!(
            self.body,
            "<g class=\"node\" id=\"n{i}\"><title>{}</title>{}<text x=\"{cx:.1}\" y=\"{cy:.1}\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-size=\"13\">{}</text></g>",
            xml_escape(&node_title(self.kg, n)),
            shape_svg(shape, cx, cy, w, h, fill),
            xml_escape(&node.name)
        );
        self.skip_text = true;
    }
}

impl RenderBackend for Canvas<'_> {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        self.node(
            properties.as_deref(),
            xy.x + size.x / 2.0,
            xy.y + size.y / 2.0,
            size.x,
            size.y,
        );
    }

    fn draw_line(&mut self, start: Point, stop: Point, look: &StyleAttr, _: Option<String>) {
        self.grow(start.x.max(stop.x), start.y.max(stop.y));
        let _ = writeln!(
            self.body,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\"/>",
            start.x,
            start.y,
            stop.x,
            stop.y,
            look.line_color.to_web_color()
        );
    }

    fn draw_circle(&mut self, xy: Point, size: Point, _: &StyleAttr, properties: Option<String>) {
        self.node(properties.as_deref(), xy.x, xy.y, size.x, size.y);
    }

    fn draw_text(&mut self, xy: Point, text: &str, look: &StyleAttr) {
        if std::mem::take(&mut self.skip_text) {
            return;
        }
        // An edge label, which layout-rs places on a node of its own.
        self.grow(xy.x + 4.0 * text.chars().count() as f64, xy.y + 8.0);
        let _ = writeln!(
            self.body,
            "<text class=\"edge-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-size=\"11\" fill=\"{}\">{}</text>",
            xy.x,
            xy.y,
            look.line_color.to_web_color(),
            xml_escape(text)
        );
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _dashed: bool,
        head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        for (a, b) in path {
            self.grow(a.x.max(b.x), a.y.max(b.y));
        }
        let g = &self.kg.graph;
        let Some(k) = properties
            .as_deref()
            .and_then(|t| t.strip_prefix('e'))
            .and_then(|k| k.parse::<usize>().ok())
            .filter(|&k| k < g.edge_count())
        else {
            return;
        };
        let (Some(first), Some(second)) = (path.first(), path.get(1)) else {
            return;
        };
        let e = EdgeIndex::new(k);
        let Some(w) = g.edge_weight(e) else {
            return;
        };
        // Layout-rs's curve: the exit vector of the first point, then the
        // entry vector of each later one.
        let mut d = format!(
            "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            first.0.x,
            first.0.y,
            first.1.x,
            first.1.y,
            second.0.x,
            second.0.y,
            second.1.x,
            second.1.y
        );
        for (a, b) in path.iter().skip(2) {
            let _ = write!(d, " S {:.1} {:.1}, {:.1} {:.1}", a.x, a.y, b.x, b.y);
        }
        let t = w.edge.as_str();
        let markers = format!(
            "{}{}",
            if head.0 {
                format!(" marker-start=\"url(#start-{t})\"")
            } else {
                String::new()
            },
            if head.1 {
                format!(" marker-end=\"url(#end-{t})\"")
            } else {
                String::new()
            },
        );
        let _ = writeln!(
            self.body,
            "<g class=\"edge\" id=\"e{k}\"><title>{}</title><path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1}\"{}{markers}/></g>",
            xml_escape(&edge_title(self.kg, e)),
            edge_color(w.edge),
            edge_width(w.edge, w.count),
            dash(edge_style(w.edge)),
        );
    }

    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// Height of one legend row.
const LEGEND_ROW: f64 = 26.0;
/// Width of one legend column.
const LEGEND_COLUMN: f64 = 215.0;

/// The legend under the drawing at `top`: a title line with the counts,
/// a row of node kinds (shape, fill, name), then the edge types present
/// (a line in the type's colour and style, the name), four to a row.
/// Returns the SVG and its width and height.
fn legend_svg(kg: &KnowledgeGraph, top: f64) -> (String, f64, f64) {
    let (kinds, types) = builtin_legend(kg);
    let mut s = format!("<g class=\"legend\" transform=\"translate(10,{top:.1})\">\n");
    let _ = writeln!(
        s,
        "<text x=\"0\" y=\"14\" font-size=\"16\" font-weight=\"bold\">geokg: {} entities, {} relations</text>",
        kg.node_count(),
        kg.edge_count()
    );
    let mut y = 24.0 + LEGEND_ROW / 2.0;
    for (col, (kind, shape, fill)) in kinds.iter().enumerate() {
        let x = col as f64 * LEGEND_COLUMN;
        let _ = writeln!(
            s,
            "<g class=\"legend-kind\" data-kind=\"{kind}\" data-shape=\"{shape}\" data-fill=\"{fill}\">{}<text x=\"{:.1}\" y=\"{y:.1}\" dominant-baseline=\"middle\" font-size=\"13\">{kind} ({shape})</text></g>",
            shape_svg(shape, x + 20.0, y, 36.0, 18.0, fill),
            x + 46.0
        );
    }
    let per_row = 4;
    for (i, (t, c)) in types.iter().enumerate() {
        let x = (i % per_row) as f64 * LEGEND_COLUMN;
        let row_y = y + LEGEND_ROW * (1 + i / per_row) as f64;
        let _ = writeln!(
            s,
            "<g class=\"legend-edge\" data-type=\"{t}\" data-color=\"{c}\"><line x1=\"{x:.1}\" y1=\"{row_y:.1}\" x2=\"{:.1}\" y2=\"{row_y:.1}\" stroke=\"{c}\" stroke-width=\"{:.1}\"{}/><text x=\"{:.1}\" y=\"{row_y:.1}\" dominant-baseline=\"middle\" font-size=\"13\" fill=\"{c}\">{t}</text></g>",
            x + 38.0,
            edge_width(*t, 1),
            dash(edge_style(*t)),
            x + 46.0
        );
    }
    y += LEGEND_ROW * (types.len().div_ceil(per_row) + 1) as f64;
    let _ = writeln!(
        s,
        "<text x=\"0\" y=\"{y:.1}\" font-size=\"12\" fill=\"#6b7280\">line width grows with the number of supporting articles; hover a node or an edge for its tooltip</text>"
    );
    s.push_str("</g>\n");
    let columns = kinds.len().max(types.len().min(per_row)).max(3);
    (s, 10.0 + columns as f64 * LEGEND_COLUMN, y + 10.0)
}

/// SVG from the pure-Rust layout (layout-rs places the nodes and routes
/// the edges; `Canvas` draws them): every node and edge has a `<title>`
/// tooltip (`node_title`, `edge_title`), and a legend of the kinds and
/// edge types present (`builtin_legend`) sits under the drawing.
pub fn builtin_svg(kg: &KnowledgeGraph) -> Result<String, RenderError> {
    let g = &kg.graph;
    if g.node_count() == 0 {
        return Ok(concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"40\">",
            "<text x=\"10\" y=\"25\" font-family=\"Helvetica\" font-size=\"14\">empty graph</text></svg>\n"
        )
        .to_string());
    }
    // layout-rs asserts on some inputs; a failure must be an error, not a crash.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut vg = VisualGraph::new(Orientation::LeftToRight);
        let mut handles = Vec::with_capacity(g.node_count());
        for i in g.node_indices() {
            let n = &g[i];
            let (_, fill) = kind_style(n.kind);
            let look = StyleAttr::new(Color::fast("black"), 1, Some(color(fill)), 4, 13);
            let width = 24.0 + 8.0 * n.name.chars().count() as f64;
            let shape = match n.kind {
                Kind::Person => ShapeKind::new_circle(&n.name),
                _ => ShapeKind::new_box(&n.name),
            };
            let size = if matches!(shape, ShapeKind::Circle(_)) {
                Point::new(width, width.min(80.0))
            } else {
                Point::new(width, 36.0)
            };
            handles.push(vg.add_node(Element::create_with_properties(
                shape,
                look,
                Orientation::LeftToRight,
                size,
                format!("n{}", i.index()),
            )));
        }
        for e in g.edge_references() {
            let w = e.weight();
            let (paint, label) = match w.change {
                Some(c) => {
                    let (paint, _, label) = diff_look(w, c);
                    (paint, label)
                }
                None if w.count > 1 => (edge_color(w.edge), format!("{} ×{}", w.edge, w.count)),
                None => (edge_color(w.edge), w.edge.to_string()),
            };
            let look = StyleAttr::new(color(paint), 2, None, 0, 11);
            let end = if w.edge.is_symmetric() {
                LineEndKind::None
            } else {
                LineEndKind::Arrow
            };
            let arrow = Arrow::with_properties(
                LineEndKind::None,
                end,
                layout::core::style::LineStyleKind::Normal,
                &label,
                &look,
                format!("e{}", e.id().index()),
                &None,
                &None,
            );
            vg.add_edge(
                arrow,
                handles[e.source().index()],
                handles[e.target().index()],
            );
        }
        let mut canvas = Canvas {
            kg,
            body: String::new(),
            width: 0.0,
            height: 0.0,
            skip_text: false,
        };
        vg.do_it(false, false, false, &mut canvas);
        (canvas.body, canvas.width, canvas.height)
    }));
    let (body, width, height) =
        result.map_err(|_| RenderError::Layout("layout-rs could not place this graph".into()))?;
    let (legend, legend_width, legend_height) = legend_svg(kg, height + 10.0);
    let (width, height) = (width.max(legend_width), height + 10.0 + legend_height);
    let mut svg = String::with_capacity(body.len() + legend.len() + 2048);
    let _ = writeln!(
        svg,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Helvetica, Arial, sans-serif\">"
    );
    svg.push_str("<defs>\n");
    for (t, c) in builtin_legend(kg).1 {
        let _ = writeln!(
            svg,
            "<marker id=\"end-{t}\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"7\" refX=\"10\" refY=\"3.5\" orient=\"auto\"><polygon points=\"0 0, 10 3.5, 0 7\" fill=\"{c}\"/></marker>\
             <marker id=\"start-{t}\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"7\" refX=\"0\" refY=\"3.5\" orient=\"auto\"><polygon points=\"10 0, 10 7, 0 3.5\" fill=\"{c}\"/></marker>"
        );
    }
    svg.push_str("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.push_str(&body);
    svg.push_str(&legend);
    svg.push_str("</svg>\n");
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects renders that finish: big force layouts get straight edges
    /// (routed curves took minutes on 400 nodes), small ones and `dot` keep
    /// curves, dense ones lose edge labels; an asked layout is kept.
    #[test]
    fn the_drawing_plan_follows_the_size() {
        let p = |layout, edge_labels, straight_edges| Plan {
            layout,
            edge_labels,
            straight_edges,
        };
        assert_eq!(plan(12, 12, "auto"), p("dot", true, false));
        assert_eq!(plan(120, 150, "auto"), p("dot", true, false));
        assert_eq!(plan(60, 151, "auto"), p("sfdp", false, false));
        assert_eq!(plan(121, 100, "auto"), p("sfdp", true, true));
        assert_eq!(plan(399, 589, "auto"), p("sfdp", false, true));
        assert_eq!(plan(2000, 5000, "auto"), p("sfdp", false, true));
        assert_eq!(plan(399, 589, "dot"), p("dot", false, false));
        assert_eq!(plan(399, 589, "neato"), p("neato", false, true));
        assert_eq!(plan(50, 40, "neato"), p("neato", true, false));
    }

    /// Protects the fallback path: an SVG document comes out without Graphviz.
    #[test]
    fn builtin_svg_is_svg() {
        let kg = KnowledgeGraph::default();
        assert!(builtin_svg(&kg).unwrap().starts_with("<svg"));
    }

    /// Protects the format check.
    #[test]
    fn unknown_extension_is_refused() {
        let e = render(
            &KnowledgeGraph::default(),
            Path::new("x.bmp"),
            Engine::Builtin,
            "dot",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.bmp: unknown picture format (use .svg, .png or .pdf)"
        );
    }
}
