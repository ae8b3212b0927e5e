//! Formats query results for the terminal: aligned tables, CSV and the
//! `show` text. Pure string building; the binary prints.

use serde::Serialize;

use crate::ontology::Kind;
use crate::store::{EdgeRow, EntityRow};

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
        }
    }
    out
}
