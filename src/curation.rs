//! Corrections a user makes to the graph (merge, split, alias add and
//! remove, retype, reject) and their review file: names on the command
//! line resolved and checked, each correction recorded with who made it,
//! undone, exported and imported. Runs after `store`, whose write
//! transactions replay every correction (`store/sqlite/curation.rs`), so a
//! re-ingest never undoes one.
//!
//! Invariant: a correction is recorded only when its names resolve to one
//! entity each (unknown names suggest the closest, ambiguous ones list the
//! candidates) and it changes something; the file names entities by their
//! canonical id and name, never by row number, so it can be shared
//! between databases.

use std::path::Path;

use crate::gazetteer::Gazetteer;
use crate::ontology::{EdgeType, Kind, UnknownName, fold};
use crate::query::{self, QueryError};
use crate::store::{
    Action, Correction, CurationRow, EdgeQuery, EntityRef, Imported, Status, Store, StoreError,
};

/// Why a correction could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CurationError {
    /// A name did not resolve, or the database failed.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An unknown kind or edge type, with the known ones.
    #[error(transparent)]
    Name(#[from] UnknownName),
    /// The name is not one of the entity's.
    #[error("'{name}' is not a name of {entity}; its names: {}", .names.join(", "))]
    NotAName {
        /// The name given.
        name: String,
        /// The entity.
        entity: String,
        /// Its names.
        names: Vec<String>,
    },
    /// The name is the entity's own.
    #[error("'{name}' is the name of {entity} itself; {hint}")]
    OwnName {
        /// The name given.
        name: String,
        /// The entity.
        entity: String,
        /// What to do instead.
        hint: &'static str,
    },
    /// The correction would change nothing.
    #[error("nothing to do: {0}")]
    Nothing(String),
    /// No such edge.
    #[error("no edge {from} {edge} {to} in the database{}", joining(.instead))]
    NoEdge {
        /// Source name.
        from: String,
        /// Edge type.
        edge: EdgeType,
        /// Target name.
        to: String,
        /// The edges that join the two instead.
        instead: Vec<String>,
    },
    /// No correction has this number.
    #[error("no correction {0}; list them with `geokg curation list`")]
    NoCorrection(i64),
    /// Already undone.
    #[error("correction {0} is already undone")]
    AlreadyUndone(i64),
    /// A line of a curation file is wrong.
    #[error("{path}:{line}: {message}")]
    File {
        /// The file.
        path: String,
        /// Line number, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A curation file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

fn joining(list: &[String]) -> String {
    if list.is_empty() {
        "; no edge joins them".to_string()
    } else {
        format!("; the edges that join them: {}", list.join(", "))
    }
}

/// The gazetteer ids a name may mean, asked only when the database knows
/// no such name (see `query::resolve`).
pub type Fallback<'a> = &'a dyn Fn(&str) -> Vec<String>;

fn find(store: &Store, name: &str, fallback: Fallback) -> Result<EntityRef, CurationError> {
    Ok(query::resolve(store, name, || fallback(name))?)
}

/// The entity named `entity` and its own spelling of `alias`, one of its
/// names other than its main one (split and alias remove act on such a
/// name); `hint` says what to do when `alias` is the main name.
fn other_name(
    store: &Store,
    entity: &str,
    alias: &str,
    fallback: Fallback,
    hint: &'static str,
) -> Result<(EntityRef, String), CurationError> {
    let x = find(store, entity, fallback)?;
    let names = names_of(store, &x)?;
    let folded = fold(alias);
    if folded == fold(&x.name) {
        return Err(CurationError::OwnName {
            name: alias.to_string(),
            entity: x.name,
            hint,
        });
    }
    match names.iter().position(|(f, _)| *f == folded) {
        Some(i) => Ok((x, names[i].1.clone())),
        None => Err(CurationError::NotAName {
            name: alias.to_string(),
            entity: x.name,
            names: names.into_iter().map(|(_, n)| n).collect(),
        }),
    }
}

/// `geokg merge A B`: B is A. B's aliases, mentions and edges go to A
/// (edges that become one combine their evidence; edges between the two
/// go), now and after every ingest.
pub fn merge(
    store: &mut Store,
    into: &str,
    from: &str,
    user: &str,
    fallback: Fallback,
) -> Result<CurationRow, CurationError> {
    let a = find(store, into, fallback)?;
    let b = find(store, from, fallback)?;
    if a.id == b.id {
        return Err(QueryError::Same(into.to_string(), from.to_string()).into());
    }
    let c = Correction {
        action: Action::Merge,
        subject: a.key,
        subject_name: a.name,
        object: Some(b.key),
        object_name: Some(b.name),
        name: None,
        kind: None,
        edge: None,
    };
    Ok(store.record_correction(&c, user)?)
}

/// The entity's names, folded, with their spellings.
fn names_of(store: &Store, e: &EntityRef) -> Result<Vec<(String, String)>, CurationError> {
    Ok(store
        .entity_names(e.id)?
        .into_iter()
        .map(|n| (fold(&n), n))
        .collect())
}

/// `geokg split X --alias NAME [--kind K]`: the mentions of X written
/// NAME, and the evidence read from them, become their own entity (of
/// kind K, else X's), keyed `kind/slug` of NAME.
pub fn split(
    store: &mut Store,
    entity: &str,
    alias: &str,
    kind: Option<&str>,
    user: &str,
    fallback: Fallback,
) -> Result<CurationRow, CurationError> {
    let kind: Option<Kind> = kind.map(str::parse).transpose()?;
    let (x, spelling) = other_name(
        store,
        entity,
        alias,
        fallback,
        "split off one of its other names",
    )?;
    let c = Correction {
        action: Action::Split,
        subject: x.key.clone(),
        subject_name: x.name.clone(),
        object: None,
        object_name: None,
        name: Some(spelling.clone()),
        kind: Some(kind.unwrap_or(x.kind)),
        edge: None,
    };
    if c.split_key().as_deref() == Some(x.key.as_str()) {
        return Err(CurationError::OwnName {
            name: alias.to_string(),
            entity: x.name,
            hint: "its id is made from that name",
        });
    }
    Ok(store.record_correction(&c, user)?)
}

/// `geokg alias add X NAME`: NAME names X; mentions so written in any
/// article, now or later, land on X.
pub fn alias_add(
    store: &mut Store,
    entity: &str,
    alias: &str,
    user: &str,
    fallback: Fallback,
) -> Result<CurationRow, CurationError> {
    let x = find(store, entity, fallback)?;
    let folded = fold(alias);
    if folded.is_empty() {
        return Err(CurationError::Nothing("an empty name names nothing".into()));
    }
    if names_of(store, &x)?.iter().any(|(f, _)| *f == folded) {
        return Err(CurationError::Nothing(format!(
            "'{alias}' already names {}",
            x.name
        )));
    }
    let c = Correction {
        action: Action::AliasAdd,
        subject: x.key,
        subject_name: x.name,
        object: None,
        object_name: None,
        name: Some(alias.trim().to_string()),
        kind: None,
        edge: None,
    };
    Ok(store.record_correction(&c, user)?)
}

/// `geokg alias remove X NAME`: NAME does not name X (its mentions stay;
/// use split to move them).
pub fn alias_remove(
    store: &mut Store,
    entity: &str,
    alias: &str,
    user: &str,
    fallback: Fallback,
) -> Result<CurationRow, CurationError> {
    let (x, spelling) = other_name(
        store,
        entity,
        alias,
        fallback,
        "remove another alias, or retype or merge the entity",
    )?;
    let c = Correction {
        action: Action::AliasRemove,
        subject: x.key.clone(),
        subject_name: x.name.clone(),
        object: None,
        object_name: None,
        name: Some(spelling.clone()),
        kind: None,
        edge: None,
    };
    Ok(store.record_correction(&c, user)?)
}

/// `geokg retype X KIND`.
pub fn retype(
    store: &mut Store,
    entity: &str,
    kind: &str,
    user: &str,
    fallback: Fallback,
) -> Result<CurationRow, CurationError> {
    let kind: Kind = kind.parse()?;
    let x = find(store, entity, fallback)?;
    if x.kind == kind {
        return Err(CurationError::Nothing(format!(
            "{} is already a {kind}",
            x.name
        )));
    }
    let c = Correction {
        action: Action::Retype,
        subject: x.key,
        subject_name: x.name,
        object: None,
        object_name: None,
        name: None,
        kind: Some(kind),
        edge: None,
    };
    Ok(store.record_correction(&c, user)?)
}

/// `geokg reject A TYPE B`: the edge is wrong. Hidden from every query,
/// export and render; its evidence kept and shown, marked, by `explain`.
pub fn reject(
    store: &mut Store,
    source: &str,
    edge: &str,
    target: &str,
    user: &str,
    fallback: Fallback,
) -> Result<CurationRow, CurationError> {
    let edge: EdgeType = edge.parse()?;
    let a = find(store, source, fallback)?;
    let b = find(store, target, fallback)?;
    let x = query::explain(store, &a, edge, &b, &EdgeQuery::default())?;
    let stated: Vec<_> = x
        .evidence
        .iter()
        .filter(|e| !e.negated && !e.hypothetical)
        .collect();
    if stated.is_empty() {
        let mut instead: Vec<String> = x
            .instead
            .iter()
            .map(|e| format!("{} {} {}", e.source.name, e.edge, e.target.name))
            .collect();
        instead.sort();
        return Err(CurationError::NoEdge {
            from: a.name,
            edge,
            to: b.name,
            instead,
        });
    }
    if stated.iter().all(|e| e.rejected) {
        return Err(CurationError::Nothing(format!(
            "{} {edge} {} is already rejected",
            a.name, b.name
        )));
    }
    let c = Correction {
        action: Action::Reject,
        subject: a.key,
        subject_name: a.name,
        object: Some(b.key),
        object_name: Some(b.name),
        name: None,
        kind: None,
        edge: Some(edge),
    };
    Ok(store.record_correction(&c, user)?)
}

/// `geokg curation undo N`: the graph as it would be without correction
/// N (the articles it touched extracted again with `g`, the other
/// corrections replayed).
pub fn undo(
    store: &mut Store,
    id: i64,
    user: &str,
    g: &Gazetteer,
) -> Result<CurationRow, CurationError> {
    let row = store.correction(id).map_err(|e| match e {
        StoreError::NotFound(_) => CurationError::NoCorrection(id),
        e => e.into(),
    })?;
    if row.status == Status::Undone {
        return Err(CurationError::AlreadyUndone(id));
    }
    Ok(store.undo_correction(id, user, g)?)
}

/// The first line of the review file: what it is.
const PREAMBLE: &str = "# geokg corrections: one a line, tab-separated, entities by id and name; undone ones left out.\n# Review, edit, share; apply with `geokg curation import FILE` (entries already recorded are skipped).";

/// The column names, the file's first line after the preamble.
const HEADER: [&str; 10] = [
    "command",
    "subject",
    "subject_name",
    "object",
    "object_name",
    "name",
    "kind",
    "type",
    "user",
    "time",
];

/// A field with tabs, line breaks and backslashes escaped.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    out
}

/// The review file: every correction not undone, in order, one a line
/// (TSV with a header).
pub fn export(rows: &[CurationRow]) -> String {
    let mut out = format!("{PREAMBLE}\n{}\n", HEADER.join("\t"));
    for r in rows.iter().filter(|r| r.status != Status::Undone) {
        let c = &r.correction;
        let fields = [
            c.action.as_str().to_string(),
            c.subject.clone(),
            c.subject_name.clone(),
            c.object.clone().unwrap_or_default(),
            c.object_name.clone().unwrap_or_default(),
            c.name.clone().unwrap_or_default(),
            c.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
            c.edge.map(|e| e.as_str().to_string()).unwrap_or_default(),
            r.user.clone(),
            r.time.clone(),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| escape(f))
                .collect::<Vec<_>>()
                .join("\t"),
        );
        out.push('\n');
    }
    out
}

/// One entry of a review file: the correction, its author and time.
pub type Entry = (Correction, String, Option<String>);

/// Reads a review file (`path` names it in errors): every entry, checked
/// field by field; the first bad line is the error.
pub fn parse(text: &str, path: &str) -> Result<Vec<Entry>, CurationError> {
    let bad = |line: usize, message: String| CurationError::File {
        path: path.to_string(),
        line,
        message,
    };
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    match lines.next() {
        Some((_, l)) if l.split('\t').eq(HEADER) => {}
        Some((n, _)) => {
            return Err(bad(
                n,
                format!("expected the header line '{}'", HEADER.join("\\t")),
            ));
        }
        None => return Err(bad(1, "no header line; not a curation file".into())),
    }
    let mut out = Vec::new();
    for (n, line) in lines {
        let f: Vec<String> = line.split('\t').map(unescape).collect();
        if f.len() != HEADER.len() {
            return Err(bad(
                n,
                format!(
                    "{} tab-separated fields, expected {}",
                    f.len(),
                    HEADER.len()
                ),
            ));
        }
        let action = Action::parse(&f[0]).ok_or_else(|| {
            bad(
                n,
                format!(
                    "unknown command '{}' (expected one of: {})",
                    f[0],
                    Action::ALL.map(Action::as_str).join(", ")
                ),
            )
        })?;
        let opt = |i: usize| -> Option<String> {
            let v = f[i].trim();
            (!v.is_empty()).then(|| v.to_string())
        };
        let kind: Option<Kind> = opt(6)
            .map(|k| k.parse())
            .transpose()
            .map_err(|e: UnknownName| bad(n, e.to_string()))?;
        let edge: Option<EdgeType> = opt(7)
            .map(|k| k.parse())
            .transpose()
            .map_err(|e: UnknownName| bad(n, e.to_string()))?;
        let Some(subject) = opt(1) else {
            return Err(bad(n, "no subject id".into()));
        };
        let c = Correction {
            action,
            subject_name: opt(2).unwrap_or_else(|| subject.clone()),
            subject,
            object_name: opt(4).or_else(|| opt(3)),
            object: opt(3),
            name: opt(5),
            kind,
            edge,
        };
        let missing = match action {
            Action::Merge if c.object.is_none() => Some("object"),
            Action::Reject if c.object.is_none() => Some("object"),
            Action::Reject if c.edge.is_none() => Some("type"),
            Action::Split | Action::AliasAdd | Action::AliasRemove if c.name.is_none() => {
                Some("name")
            }
            Action::Split | Action::Retype if c.kind.is_none() => Some("kind"),
            _ => None,
        };
        if let Some(field) = missing {
            return Err(bad(n, format!("a {action} needs its {field}")));
        }
        let user = opt(8).unwrap_or_else(|| "unknown".to_string());
        out.push((c, user, opt(9)));
    }
    Ok(out)
}

/// `geokg curation import FILE`: records the file's corrections that are
/// not already recorded (so importing twice changes nothing) and applies
/// them, in one transaction. An entity is found by its id, else by its
/// name when one entity has it; one found by neither is recorded and
/// reported stale.
pub fn import(store: &mut Store, path: &Path) -> Result<Imported, CurationError> {
    let label = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| CurationError::Read {
        path: label.clone(),
        source,
    })?;
    let mut entries = parse(&text, &label)?;
    for (c, ..) in &mut entries {
        rekey(store, &mut c.subject, &c.subject_name)?;
        if c.action == Action::Reject
            && let (Some(key), Some(name)) = (c.object.as_mut(), c.object_name.as_deref())
        {
            rekey(store, key, name)?;
        }
    }
    Ok(store.import_corrections(&entries)?)
}

/// An id this database does not know replaced by the one entity that has
/// the name, if one does.
fn rekey(store: &Store, key: &mut String, name: &str) -> Result<(), CurationError> {
    if store.entity_by_key(key)?.is_some() {
        return Ok(());
    }
    let mut found = store.entities_named(name)?;
    if found.len() == 1 {
        *key = found.remove(0).0.key;
    }
    Ok(())
}
