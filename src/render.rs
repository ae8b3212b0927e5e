//! Draws the graph: SVG, PNG or PDF through Graphviz's `dot` when it is
//! installed, else SVG through the pure-Rust layout of `layout-rs`, so a
//! fresh machine still draws.
//!
//! Invariant: a failed render leaves no partial output file behind.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use petgraph::visit::EdgeRef;

use crate::export::{DotOptions, diff_look, edge_color, kind_style, to_dot};
use crate::graph::KnowledgeGraph;

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
        let dense = kg.edge_count() > LABELLED_EDGES;
        let layout = match layout {
            "auto" if kg.node_count() > DOT_NODES || dense => "sfdp",
            "auto" => "dot",
            other => other,
        };
        let dot = to_dot(
            kg,
            &DotOptions {
                legend: true,
                cluster_by_state: false,
                no_edge_labels: dense,
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

fn run_dot(dot: &str, out: &Path, format: &str, layout: &str) -> Result<(), RenderError> {
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

/// SVG from the pure-Rust layout.
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
    let result = std::panic::catch_unwind(|| {
        let mut vg = VisualGraph::new(Orientation::LeftToRight);
        let mut handles = Vec::with_capacity(g.node_count());
        for i in g.node_indices() {
            let n = &g[i];
            let (_, fill) = kind_style(n.kind);
            let look = StyleAttr::new(Color::fast("black"), 1, Some(color(fill)), 4, 13);
            let width = 24.0 + 8.0 * n.name.chars().count() as f64;
            let shape = match n.kind {
                crate::ontology::Kind::Person => ShapeKind::new_circle(&n.name),
                _ => ShapeKind::new_box(&n.name),
            };
            let size = if matches!(shape, ShapeKind::Circle(_)) {
                Point::new(width, width.min(80.0))
            } else {
                Point::new(width, 36.0)
            };
            handles.push(vg.add_node(Element::create(shape, look, Orientation::LeftToRight, size)));
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
            let arrow = Arrow::new(
                LineEndKind::None,
                end,
                layout::core::style::LineStyleKind::Normal,
                &label,
                &look,
                &None,
                &None,
            );
            vg.add_edge(
                arrow,
                handles[e.source().index()],
                handles[e.target().index()],
            );
        }
        let mut svg = SVGWriter::new();
        vg.do_it(false, false, false, &mut svg);
        svg.finalize()
    });
    result.map_err(|_| RenderError::Layout("layout-rs could not place this graph".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
