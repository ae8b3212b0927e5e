//! How the graph looks, in one place: each node kind's shape and fill and
//! each edge type's colour, line and width, read by the DOT export, the
//! built-in SVG drawing and the web page's Cytoscape.js stylesheet
//! (`serve`), so the three draw the same graph alike.
//!
//! Invariant: every kind and every edge type has a look, and the web
//! stylesheet is derived from the same functions as the DOT attributes.

use serde_json::{Value, json};

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
        EdgeType::MemberOf => "#4b5563",
        EdgeType::Represents => "#9ca3af",
    }
}

/// Line style of an edge type: conflicts bold, membership dashed, offices
/// dotted, everything else solid.
pub fn edge_style(edge: EdgeType) -> &'static str {
    match edge {
        EdgeType::MemberOf => "dashed",
        EdgeType::Represents => "dotted",
        e if e.is_conflict() => "bold",
        _ => "solid",
    }
}

/// True for the types that say what a thing is rather than what it did
/// (`member-of`, `represents`); they are drawn quietly and unlabelled.
pub fn is_structural(edge: EdgeType) -> bool {
    matches!(edge, EdgeType::MemberOf | EdgeType::Represents)
}

/// Line width: conflicts start thicker than cooperation so they stand out
/// even at one article; more supporting articles draw a thicker line.
pub fn edge_width(edge: EdgeType, count: usize) -> f64 {
    let base = if edge.is_conflict() {
        2.2
    } else if is_structural(edge) {
        1.0
    } else {
        1.2
    };
    base + (count.max(1) as f64).log2()
}

/// The Cytoscape.js shape closest to a Graphviz one (`kind_style`'s first
/// half); a double border stands for Graphviz's doubled outline.
pub fn web_shape(dot_shape: &str) -> (&'static str, bool) {
    match dot_shape {
        "box" => ("rectangle", false),
        "hexagon" => ("hexagon", false),
        "doubleoctagon" => ("octagon", true),
        "component" => ("cut-rectangle", false),
        _ => ("ellipse", false),
    }
}

/// The Cytoscape.js line style of a Graphviz one; `bold` is carried by the
/// width (`edge_width`), as in the DOT.
pub fn web_line(dot_style: &str) -> &'static str {
    match dot_style {
        "dashed" => "dashed",
        "dotted" => "dotted",
        _ => "solid",
    }
}

/// The web page's Cytoscape.js stylesheet: one rule per node kind and per
/// edge type from the functions above; an edge's width comes from its
/// `width` data field, which the server fills with [`edge_width`].
pub fn cytoscape() -> Value {
    let mut rules = vec![
        json!({"selector": "node", "style": {
            "label": "data(name)", "font-size": 11, "text-valign": "center",
            "text-halign": "center", "text-wrap": "wrap", "text-max-width": 90,
            "border-width": 1, "border-color": "#374151", "color": "#111827",
            "width": "label", "height": "label", "padding": 8
        }}),
        json!({"selector": "edge", "style": {
            "curve-style": "bezier", "width": "data(width)", "opacity": 0.85,
            "arrow-scale": 0.9
        }}),
    ];
    for kind in Kind::ALL {
        let (shape, fill) = kind_style(kind);
        let (shape, double) = web_shape(shape);
        let mut style = json!({"shape": shape, "background-color": fill});
        if double {
            style["border-style"] = json!("double");
            style["border-width"] = json!(4);
        }
        rules.push(json!({"selector": format!("node[kind = \"{kind}\"]"), "style": style}));
    }
    for edge in EdgeType::ALL {
        let colour = edge_color(edge);
        rules.push(
            json!({"selector": format!("edge[type = \"{edge}\"]"), "style": {
                "line-color": colour, "target-arrow-color": colour,
                "line-style": web_line(edge_style(edge)),
                "target-arrow-shape": if edge.is_symmetric() { "none" } else { "triangle" }
            }}),
        );
    }
    rules.push(json!({"selector": "node:selected", "style": {
        "border-width": 4, "border-color": "#111827", "border-style": "solid"
    }}));
    rules.push(json!({"selector": "edge:selected", "style": {"opacity": 1, "underlay-color": "#facc15", "underlay-opacity": 0.6, "underlay-padding": 4}}));
    rules.push(json!({"selector": ".center", "style": {"font-weight": "bold", "border-width": 3}}));
    Value::Array(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects the promise that the page draws each kind and type as the
    /// DOT does: one rule per kind with its DOT fill, one per type with its
    /// DOT colour and line.
    #[test]
    fn the_web_stylesheet_follows_the_dot_look() {
        let sheet = cytoscape();
        let rules = sheet.as_array().map(Vec::as_slice).unwrap_or_default();
        let rule = |selector: &str| {
            rules
                .iter()
                .find(|r| r["selector"] == selector)
                .map(|r| r["style"].clone())
        };
        for kind in Kind::ALL {
            let style = rule(&format!("node[kind = \"{kind}\"]")).unwrap();
            assert_eq!(style["background-color"], kind_style(kind).1);
        }
        for edge in EdgeType::ALL {
            let style = rule(&format!("edge[type = \"{edge}\"]")).unwrap();
            assert_eq!(style["line-color"], edge_color(edge));
            assert_eq!(style["line-style"], web_line(edge_style(edge)));
        }
        assert_eq!(
            rule("node[kind = \"state\"]").unwrap()["shape"],
            "rectangle"
        );
        assert_eq!(
            rule("edge[type = \"member-of\"]").unwrap()["line-style"],
            "dashed"
        );
        assert_eq!(
            rule("edge[type = \"met-with\"]").unwrap()["target-arrow-shape"],
            "none"
        );
        assert_eq!(
            rule("edge[type = \"attacks\"]").unwrap()["target-arrow-shape"],
            "triangle"
        );
        assert_eq!(rules.len(), 2 + Kind::ALL.len() + EdgeType::ALL.len() + 3);
    }
}
