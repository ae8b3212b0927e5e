//! Formats query results for the terminal: aligned tables, CSV and the
//! `show` text. Pure string building; the binary prints.

use serde::Serialize;

use crate::ontology::{EdgeType, Kind};
use crate::query::{Community, Neighbourhood, PathAnswer, Ranking};
use crate::store::{
    CurationRow, DiffRow, EdgeRow, EdgeSummary, EntityRow, ExplainRow, TimelineRow,
};

/// Quotes a CSV field when it needs it (RFC 4180).
pub fn csv_field(s: &str) -> String {
    let s = crate::export::neutralise_formula(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// Rows as CSV with a header.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = header.join(",");
    out.push('\n');
    for r in rows {
        out.push_str(&r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// Rows as aligned columns with a header.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, f) in widths.iter_mut().zip(r) {
            *w = (*w).max(f.chars().count().min(60));
        }
    }
    let line = |cells: Vec<String>| -> String {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            let c: String = if c.chars().count() > 60 {
                c.chars().take(59).chain(['…']).collect()
            } else {
                c.clone()
            };
            if i + 1 == cells.len() {
                s.push_str(&c);
            } else {
                s.push_str(&format!("{c:<w$}  ", w = *w));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    for r in rows {
        out.push_str(&line(r.clone()));
    }
    out
}

/// Table rows for entities; with `members` (one list per entity, for
/// alliances) a `members` column holds each one's current member count.
pub fn entity_rows(
    list: &[EntityRow],
    members: Option<&[Vec<String>]>,
) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut row = vec![e.name.clone(), e.kind.to_string(), e.articles.to_string()];
            if let Some(m) = members {
                row.push(m.get(i).map_or(0, Vec::len).to_string());
            }
            row.extend([e.key.clone(), e.aliases.join("|")]);
            row
        })
        .collect();
    let header = if members.is_some() {
        vec!["name", "kind", "articles", "members", "id", "aliases"]
    } else {
        vec!["name", "kind", "articles", "id", "aliases"]
    };
    (header, rows)
}

/// One-word people left unresolved, each with the full names that share
/// the surname: a table's header and rows.
pub fn unresolved_rows(list: &[(EntityRow, Vec<String>)]) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let rows = list
        .iter()
        .map(|(e, full)| {
            vec![
                e.name.clone(),
                e.articles.to_string(),
                e.key.clone(),
                full.join("|"),
            ]
        })
        .collect();
    (vec!["name", "articles", "id", "same surname"], rows)
}

/// One-word people left unresolved as JSON objects, each with a
/// `same_surname` array of full names.
pub fn unresolved_json(
    list: &[(EntityRow, Vec<String>)],
) -> Result<Vec<serde_json::Value>, serde_json::Error> {
    list.iter()
        .map(|(e, full)| with_names(e, "same_surname", full))
        .collect()
}

/// The line that says how many entities a page of `shown` rows after
/// `offset` left out of `total`, and how to see them; none when it left
/// none out.
pub fn more_entities(total: usize, offset: usize, shown: usize) -> Option<String> {
    let next = offset.saturating_add(shown);
    let more = total.saturating_sub(next);
    (more > 0).then(|| {
        format!("... {more} more of {total} (--offset {next} for the next page, --limit 0 lists them all)")
    })
}

/// The line that says how many edges a page of `shown` edges after
/// `offset` left out of `total`, and how to see them; none when it left
/// none out.
pub fn more_edges(total: usize, offset: usize, shown: usize) -> Option<String> {
    let next = offset.saturating_add(shown);
    let more = total.saturating_sub(next);
    (more > 0).then(|| {
        format!(
            "... {more} more edges of {total} (--offset {next} for the next page, --limit 0 lists them all)"
        )
    })
}

/// Entities as JSON objects, each with a `members` array of names.
pub fn entities_with_members(
    list: &[EntityRow],
    members: &[Vec<String>],
) -> Result<Vec<serde_json::Value>, serde_json::Error> {
    list.iter()
        .enumerate()
        .map(|(i, e)| with_names(e, "members", members.get(i).map_or(&[][..], Vec::as_slice)))
        .collect()
}

/// An entity as a JSON object with one more field, an array of names.
fn with_names(
    e: &EntityRow,
    field: &str,
    names: &[String],
) -> Result<serde_json::Value, serde_json::Error> {
    let mut v = serde_json::to_value(e)?;
    if let Some(obj) = v.as_object_mut() {
        obj.insert(field.into(), names.to_vec().into());
    }
    Ok(v)
}

/// An office a person holds or held, from the gazetteer.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Office {
    /// The title ("foreign minister").
    pub role: String,
    /// For whom (a state or organisation name).
    pub of: String,
    /// Start date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// End date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// A gazetteer entry that has no edges in the database yet.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct KnownEntity {
    /// Common name.
    pub name: String,
    /// Node kind.
    pub kind: Kind,
    /// Gazetteer id.
    pub id: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Current members (alliances).
    pub members: Vec<String>,
    /// Alliances it currently belongs to.
    pub member_of: Vec<String>,
    /// Offices (people).
    pub offices: Vec<Office>,
}

/// The `show` text for a gazetteer entry the database has no edges for.
pub fn show_known(e: &KnownEntity) -> String {
    let mut out = format!(
        "{} ({})
  id: {}
",
        e.name, e.kind, e.id
    );
    if !e.aliases.is_empty() {
        out.push_str(&format!(
            "  aliases: {}
",
            e.aliases.join(", ")
        ));
    }
    if !e.members.is_empty() {
        out.push_str(&format!(
            "  members ({}): {}
",
            e.members.len(),
            e.members.join(", ")
        ));
    }
    if !e.member_of.is_empty() {
        out.push_str(&format!(
            "  member of: {}
",
            e.member_of.join(", ")
        ));
    }
    for o in &e.offices {
        let span = match (&o.start, &o.end) {
            (None, None) => String::new(),
            (s, e) => format!(
                " ({}–{})",
                s.as_deref().unwrap_or(""),
                e.as_deref().unwrap_or("")
            ),
        };
        out.push_str(&format!(
            "  office: {} of {}{span}
",
            o.role, o.of
        ));
    }
    out.push_str(
        "  from the gazetteer; no edges in the database yet
",
    );
    out
}

/// Table rows for edges.
pub fn edge_rows(list: &[EdgeRow]) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let rows = list
        .iter()
        .map(|e| {
            let first = e.evidence.first();
            vec![
                e.source.clone(),
                e.edge.to_string(),
                e.target.clone(),
                e.count.to_string(),
                first.map(|ev| ev.article.clone()).unwrap_or_default(),
                first.map(|ev| ev.text.clone()).unwrap_or_default(),
            ]
        })
        .collect();
    (
        vec!["source", "type", "target", "count", "article", "evidence"],
        rows,
    )
}

/// The `show` text for one entity.
pub fn show(e: &EntityRow, members: &[String], member_of: &[String], edges: &[EdgeRow]) -> String {
    let mut out = format!(
        "{} ({})\n  id: {}\n  articles: {}\n",
        e.name, e.kind, e.key, e.articles
    );
    if !e.aliases.is_empty() {
        out.push_str(&format!("  aliases: {}\n", e.aliases.join(", ")));
    }
    if !members.is_empty() {
        out.push_str(&format!(
            "  members ({}): {}\n",
            members.len(),
            members.join(", ")
        ));
    }
    if !member_of.is_empty() {
        out.push_str(&format!("  member of: {}\n", member_of.join(", ")));
    }
    for (title, outgoing) in [("edges out", true), ("edges in", false)] {
        let list: Vec<&EdgeRow> = edges
            .iter()
            .filter(|r| (r.source_key == e.key) == outgoing)
            .collect();
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!("{title}:\n"));
        for r in list {
            let other = if outgoing { &r.target } else { &r.source };
            let arrow = if outgoing {
                format!("-{}->", r.edge)
            } else {
                format!("<-{}-", r.edge)
            };
            let flag = if r.flagged {
                " (negated or hypothetical)"
            } else {
                ""
            };
            out.push_str(&format!(
                "  {arrow} {other}  [{} article(s)]{flag}\n",
                r.count
            ));
            for ev in &r.evidence {
                let role = ev
                    .role
                    .as_deref()
                    .map(|r| format!(" role: {r};"))
                    .unwrap_or_default();
                let rule = ev
                    .rule
                    .as_deref()
                    .map(|r| format!(" rule: {r};"))
                    .unwrap_or_default();
                let via = ev
                    .via
                    .as_deref()
                    .map(|v| format!(" via: {v};"))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "      {}{} {}..{}:{role}{rule}{via} confidence {:.2}; {}\n",
                    ev.article,
                    ev.date
                        .as_deref()
                        .map(|d| format!(" ({d})"))
                        .unwrap_or_default(),
                    ev.start,
                    ev.end,
                    ev.confidence,
                    ev.text.replace('\n', " ")
                ));
            }
            let more = r.evidence_total.saturating_sub(r.evidence.len());
            if more > 0 {
                out.push_str(&format!(
                    "      ... {more} more of {} (--evidence 0 lists them all)\n",
                    r.evidence_total
                ));
            }
        }
    }
    out
}

/// A header and rows, as `table` and `csv` print them.
pub type Rows = (Vec<&'static str>, Vec<Vec<String>>);

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// An edge seen from a hop's first entity: `—type→`, `←type—` or
/// `—type—` for a symmetric type (dashes and arrows that a spreadsheet
/// does not read as a formula, unlike a leading `-`).
fn arrow(edge: EdgeType, direction: &str) -> String {
    match direction {
        "->" => format!("—{edge}→"),
        "<-" => format!("←{edge}—"),
        _ => format!("—{edge}—"),
    }
}

/// `path`: one row per edge of each hop of each path.
pub fn path_rows(a: &PathAnswer) -> Rows {
    let mut rows = Vec::new();
    for (i, p) in a.paths.iter().enumerate() {
        for (h, hop) in p.iter().enumerate() {
            for e in &hop.edges {
                let ev = e.evidence.as_ref();
                rows.push(vec![
                    (i + 1).to_string(),
                    (h + 1).to_string(),
                    hop.from.name.clone(),
                    arrow(e.edge, e.direction),
                    hop.to.name.clone(),
                    e.count.to_string(),
                    opt(&e.first_seen),
                    opt(&e.last_seen),
                    ev.map(|ev| ev.article.clone()).unwrap_or_default(),
                    ev.map(|ev| ev.text.replace('\n', " ")).unwrap_or_default(),
                ]);
            }
        }
    }
    (
        vec![
            "path",
            "hop",
            "from",
            "edge",
            "to",
            "count",
            "first_seen",
            "last_seen",
            "article",
            "evidence",
        ],
        rows,
    )
}

/// `neighbors` entities: name, kind, distance, id.
pub fn neighbour_entity_rows(n: &Neighbourhood) -> Rows {
    let rows = n
        .entities
        .iter()
        .map(|n| {
            let e = &n.entity;
            vec![
                n.distance.to_string(),
                e.name.clone(),
                e.kind.to_string(),
                e.key.clone(),
            ]
        })
        .collect();
    (vec!["distance", "name", "kind", "id"], rows)
}

/// Edges without evidence: source, type, target, articles, first and last
/// seen.
pub fn summary_rows(edges: &[EdgeSummary]) -> Rows {
    let rows = edges
        .iter()
        .map(|e| {
            vec![
                e.source.name.clone(),
                e.edge.to_string(),
                e.target.name.clone(),
                e.count.to_string(),
                opt(&e.first_seen),
                opt(&e.last_seen),
            ]
        })
        .collect();
    (
        vec![
            "source",
            "type",
            "target",
            "count",
            "first_seen",
            "last_seen",
        ],
        rows,
    )
}

/// `neighbors` as text: the entities, a blank line, the edges among them.
pub fn neighbourhood_table(n: &Neighbourhood) -> String {
    let (h, r) = neighbour_entity_rows(n);
    let (eh, er) = summary_rows(&n.edges);
    format!("{}\n{}", table(&h, &r), table(&eh, &er))
}

/// `neighbors` as one CSV: a `record` column says `entity` or `edge`, and
/// each row fills the columns of its record.
pub fn neighbourhood_csv(n: &Neighbourhood) -> String {
    let header = [
        "record",
        "distance",
        "name",
        "kind",
        "id",
        "source",
        "type",
        "target",
        "count",
        "first_seen",
        "last_seen",
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    for near in &n.entities {
        let e = &near.entity;
        let mut r = vec![
            "entity".to_string(),
            near.distance.to_string(),
            e.name.clone(),
            e.kind.to_string(),
            e.key.clone(),
        ];
        r.resize(header.len(), String::new());
        rows.push(r);
    }
    for e in &n.edges {
        let mut r = vec!["edge".to_string()];
        r.resize(5, String::new());
        r.extend([
            e.source.name.clone(),
            e.edge.to_string(),
            e.target.name.clone(),
            e.count.to_string(),
            opt(&e.first_seen),
            opt(&e.last_seen),
        ]);
        rows.push(r);
    }
    csv(&header, &rows)
}

/// `top`: rank, name, kind, every measure (PageRank and betweenness to 4
/// decimals), id.
pub fn top_rows(r: &Ranking) -> Rows {
    let rows = r
        .rows
        .iter()
        .map(|s| {
            vec![
                s.rank.to_string(),
                s.entity.name.clone(),
                s.entity.kind.to_string(),
                s.degree.to_string(),
                format!("{:.4}", s.pagerank),
                format!("{:.4}", s.betweenness),
                s.articles.to_string(),
                s.entity.key.clone(),
            ]
        })
        .collect();
    (
        vec![
            "rank",
            "name",
            "kind",
            "degree",
            "pagerank",
            "betweenness",
            "articles",
            "id",
        ],
        rows,
    )
}

/// `communities`: one row per member.
pub fn community_rows(list: &[Community]) -> Rows {
    let mut rows = Vec::new();
    for c in list {
        for m in &c.members {
            rows.push(vec![
                c.number.to_string(),
                c.members.len().to_string(),
                m.entity.name.clone(),
                m.entity.kind.to_string(),
                m.ties.to_string(),
                m.entity.key.clone(),
            ]);
        }
    }
    (
        vec!["community", "size", "name", "kind", "ties", "id"],
        rows,
    )
}

/// `timeline`: one row per edge and article, in date order.
pub fn timeline_rows(list: &[TimelineRow]) -> Rows {
    let rows = list
        .iter()
        .map(|t| {
            vec![
                opt(&t.date),
                t.article.clone(),
                t.source.name.clone(),
                t.edge.to_string(),
                t.target.name.clone(),
                t.nth.to_string(),
                t.sentences.to_string(),
                t.text.replace('\n', " "),
            ]
        })
        .collect();
    (
        vec![
            "date",
            "article",
            "source",
            "type",
            "target",
            "nth",
            "sentences",
            "evidence",
        ],
        rows,
    )
}

/// `diff`: one row per changed edge.
pub fn diff_rows(list: &[DiffRow]) -> Rows {
    let rows = list
        .iter()
        .map(|d| {
            vec![
                d.change.as_str().to_string(),
                d.source.name.clone(),
                d.edge.to_string(),
                d.target.name.clone(),
                d.before.to_string(),
                d.after.to_string(),
                opt(&d.first_seen),
                opt(&d.last_seen),
            ]
        })
        .collect();
    (
        vec![
            "change",
            "source",
            "type",
            "target",
            "before",
            "after",
            "first_seen",
            "last_seen",
        ],
        rows,
    )
}

/// `explain`: one row per piece of evidence.
pub fn explain_rows(list: &[ExplainRow]) -> Rows {
    let rows = list
        .iter()
        .map(|x| {
            let mut flags = Vec::new();
            if x.negated {
                flags.push("negated");
            }
            if x.hypothetical {
                flags.push("hypothetical");
            }
            if x.headline {
                flags.push("headline");
            }
            if x.rejected {
                flags.push("rejected");
            }
            vec![
                opt(&x.date),
                x.article.clone(),
                opt(&x.url),
                format!("{}..{}", x.start, x.end),
                format!("{:.2}", x.confidence),
                opt(&x.rule),
                opt(&x.via),
                flags.join("|"),
                x.text.replace('\n', " "),
            ]
        })
        .collect();
    (
        vec![
            "date",
            "article",
            "url",
            "span",
            "confidence",
            "rule",
            "via",
            "flags",
            "evidence",
        ],
        rows,
    )
}

/// Corrections: number, who, when, what, and whether each applies.
pub fn curation_rows(list: &[CurationRow]) -> Rows {
    let rows = list
        .iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                r.user.clone(),
                r.time.clone(),
                r.correction.action.to_string(),
                r.correction.describe(),
                r.status.as_str().to_string(),
            ]
        })
        .collect();
    (
        vec!["id", "user", "time", "command", "correction", "status"],
        rows,
    )
}
