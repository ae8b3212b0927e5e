//! The project's own evaluation: scores extraction against a gold set
//! (`articles/ID.txt`, `gold/ID.json`) exactly as `eval/score.py` does,
//! per kind and per type, with misses and false hits listed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::article::read_one;
use crate::discourse::{Mechanism, Mechanisms};
use crate::extract::extract_by;
use crate::gazetteer::Gazetteer;
use crate::ontology::fold;
use crate::relation::{Input, Relation, RelationFinder, Rules};
use crate::scorer::{Class, Example};

/// Why a set could not be scored.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A gold file is not valid.
    #[error("{path}: {message}")]
    Gold {
        /// The file.
        path: String,
        /// What was wrong.
        message: String,
    },
}

/// Precision, recall and F1 with their counts.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// Every figure of a run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Figures {
    /// Articles scored.
    pub articles: usize,
    /// Articles that could not be read.
    pub failures: usize,
    /// Untyped entity scores by kind ("all" too).
    pub entities: BTreeMap<String, Prf>,
    /// Typed entity scores by kind.
    pub typed_entities: BTreeMap<String, Prf>,
    /// Relation scores by type.
    pub relations: BTreeMap<String, Prf>,
    /// Per article: misses and false hits.
    #[serde(skip)]
    pub notes: Vec<(String, Vec<String>)>,
}

type Counts = HashMap<(&'static str, String, &'static str), usize>;

fn bump(c: &mut Counts, group: &'static str, cat: &str, what: &'static str) {
    *c.entry((group, cat.to_string(), what)).or_default() += 1;
}

struct Gold {
    names: Vec<(String, String)>,
    alias: HashMap<String, usize>,
    optional: HashSet<String>,
    relations: HashSet<(usize, String, usize)>,
    optional_relations: HashSet<(usize, String, usize)>,
}

/// The entity's folded name first, then its aliases in the order given, with
/// no repeats: the order in which `score.py` tries them.
fn names_of(e: &Value) -> Vec<String> {
    let name = e.get("name").and_then(Value::as_str);
    let aliases = e
        .get("aliases")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    folded(name.into_iter().chain(aliases))
}

/// Names folded, empty ones and repeats dropped, in their order.
fn folded<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let f = fold(n);
        if !f.is_empty() && !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

fn rel_key(s: usize, typ: &str, t: usize) -> (usize, String, usize) {
    let symmetric = typ
        .parse::<crate::ontology::EdgeType>()
        .is_ok_and(|e| e.is_symmetric());
    if symmetric && t < s {
        (t, typ.to_string(), s)
    } else {
        (s, typ.to_string(), t)
    }
}

impl Gold {
    fn parse(doc: &Value, path: &str) -> Result<Gold, EvalError> {
        let mut g = Gold {
            names: Vec::new(),
            alias: HashMap::new(),
            optional: HashSet::new(),
            relations: HashSet::new(),
            optional_relations: HashSet::new(),
        };
        for (i, e) in doc
            .get("entities")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let name = e
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let kind = e
                .get("kind")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            g.names.push((name, kind));
            for n in names_of(e) {
                g.alias.entry(n).or_insert(i);
            }
        }
        for n in doc
            .get("optional_entities")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(n) = n.as_str() {
                g.optional.insert(fold(n));
            }
        }
        for (field, optional) in [("relations", false), ("optional_relations", true)] {
            for r in doc
                .get(field)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let get = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("");
                let (Some(s), Some(t)) = (g.resolve(get("source")), g.resolve(get("target")))
                else {
                    return Err(EvalError::Gold {
                        path: path.to_string(),
                        message: format!("gold relation names an unknown entity: {r}"),
                    });
                };
                let k = rel_key(s, get("type"), t);
                if optional {
                    g.optional_relations.insert(k);
                } else {
                    g.relations.insert(k);
                }
            }
        }
        Ok(g)
    }

    fn resolve(&self, name: &str) -> Option<usize> {
        self.alias.get(&fold(name)).copied()
    }

    fn is_optional(&self, name: &str) -> bool {
        self.resolve(name).is_none() && self.optional.contains(&fold(name))
    }
}

fn score_article(gold: &Gold, system: &Value, c: &mut Counts, notes: &mut Vec<String>) {
    let mut matched: HashMap<usize, String> = HashMap::new();
    for e in system
        .get("entities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let names = names_of(e);
        let kind = e
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        let name = e.get("name").and_then(Value::as_str).unwrap_or("");
        // Like the scorer: the name first, then the aliases in their order.
        let hit = names.iter().find_map(|n| gold.alias.get(n).copied());
        match hit {
            None => {
                if names.iter().any(|n| gold.optional.contains(n)) {
                    continue;
                }
                for (g, cat) in [
                    ("ent", "all"),
                    ("ent", kind.as_str()),
                    ("tent", kind.as_str()),
                    ("tent", "all"),
                ] {
                    bump(c, g, cat, "fp");
                }
                notes.push(format!("  + entity '{name}' ({kind})"));
            }
            Some(g) if !matched.contains_key(&g) => {
                matched.insert(g, kind);
            }
            Some(g) => {
                for (grp, cat) in [
                    ("ent", "all"),
                    ("ent", kind.as_str()),
                    ("tent", "all"),
                    ("tent", kind.as_str()),
                ] {
                    bump(c, grp, cat, "fp");
                }
                notes.push(format!(
                    "  + duplicate node '{name}' for '{}'",
                    gold.names[g].0
                ));
            }
        }
    }
    for (i, (name, kind)) in gold.names.iter().enumerate() {
        match matched.get(&i) {
            Some(k) => {
                bump(c, "ent", "all", "tp");
                bump(c, "ent", kind, "tp");
                if k == kind {
                    bump(c, "tent", "all", "tp");
                    bump(c, "tent", kind, "tp");
                } else {
                    bump(c, "tent", "all", "fn");
                    bump(c, "tent", kind, "fn");
                    bump(c, "tent", "all", "fp");
                    bump(c, "tent", k, "fp");
                    notes.push(format!("  ~ entity '{name}': kind {k} instead of {kind}"));
                }
            }
            None => {
                for (g, cat) in [
                    ("ent", "all"),
                    ("ent", kind.as_str()),
                    ("tent", "all"),
                    ("tent", kind.as_str()),
                ] {
                    bump(c, g, cat, "fn");
                }
                notes.push(format!("  - entity '{name}' ({kind})"));
            }
        }
    }
    let mut found = HashSet::new();
    for r in system
        .get("relations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if r.get("negated").and_then(Value::as_bool).unwrap_or(false) {
            continue;
        }
        let get = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("");
        let typ = if get("type").is_empty() {
            "?"
        } else {
            get("type")
        };
        if gold.is_optional(get("source")) || gold.is_optional(get("target")) {
            continue;
        }
        let k = match (gold.resolve(get("source")), gold.resolve(get("target"))) {
            (Some(s), Some(t)) if s != t => Some(rel_key(s, typ, t)),
            _ => None,
        };
        if let Some(k) = &k {
            if found.contains(k) {
                continue;
            }
            found.insert(k.clone());
            if gold.relations.contains(k) || gold.optional_relations.contains(k) {
                continue;
            }
        }
        bump(c, "rel", "all", "fp");
        bump(c, "rel", typ, "fp");
        notes.push(format!(
            "  + relation '{}' -{typ}-> '{}'",
            get("source"),
            get("target")
        ));
    }
    let mut gold_rels: Vec<_> = gold.relations.iter().collect();
    gold_rels.sort();
    for k in gold_rels {
        if found.contains(k) {
            bump(c, "rel", "all", "tp");
            bump(c, "rel", &k.1, "tp");
        } else {
            bump(c, "rel", "all", "fn");
            bump(c, "rel", &k.1, "fn");
            notes.push(format!(
                "  - relation '{}' -{}-> '{}'",
                gold.names[k.0].0, k.1, gold.names[k.2].0
            ));
        }
    }
}

fn prf(c: &Counts, group: &'static str, cat: &str) -> Prf {
    let get = |w: &'static str| c.get(&(group, cat.to_string(), w)).copied().unwrap_or(0);
    let (tp, fp, fn_) = (get("tp"), get("fp"), get("fn"));
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let p = ratio(tp, tp + fp);
    let r = ratio(tp, tp + fn_);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    let round = |x: f64| (x * 10000.0).round() / 10000.0;
    Prf {
        tp,
        fp,
        fn_,
        precision: round(p),
        recall: round(r),
        f1: round(f),
    }
}

/// Scores the built-in extractor on a set folder.
pub fn run(set: &Path, g: &Gazetteer) -> Result<Figures, EvalError> {
    run_with(set, g, Mechanisms::all())
}

/// [`run`] with only the discourse mechanisms `on` resolving references.
pub fn run_with(set: &Path, g: &Gazetteer, on: Mechanisms) -> Result<Figures, EvalError> {
    run_by(set, g, on, &Rules)
}

/// The gold files of a set, sorted.
fn gold_files(set: &Path) -> Result<Vec<std::path::PathBuf>, EvalError> {
    let gold_dir = set.join("gold");
    let read_dir = std::fs::read_dir(&gold_dir).map_err(|source| EvalError::Io {
        path: gold_dir.display().to_string(),
        source,
    })?;
    let mut gold_files: Vec<_> = read_dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    gold_files.sort();
    Ok(gold_files)
}

/// A gold file read and parsed, with the article's id.
fn read_gold(gf: &Path) -> Result<(String, Gold), EvalError> {
    let label = gf.display().to_string();
    let text = std::fs::read_to_string(gf).map_err(|source| EvalError::Io {
        path: label.clone(),
        source,
    })?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| EvalError::Gold {
        path: label.clone(),
        message: e.to_string(),
    })?;
    let gold = Gold::parse(&doc, &label)?;
    let id = gf
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((id, gold))
}

/// [`run_with`] with the relations decided by `finder` (`eval --finder`).
pub fn run_by(
    set: &Path,
    g: &Gazetteer,
    on: Mechanisms,
    finder: &dyn RelationFinder,
) -> Result<Figures, EvalError> {
    let gold_files = gold_files(set)?;
    let mut counts = Counts::new();
    let mut figures = Figures::default();
    for gf in &gold_files {
        let (id, gold) = read_gold(gf)?;
        let mut notes = Vec::new();
        let system = match read_one(&set.join("articles").join(format!("{id}.txt"))) {
            Ok(article) => {
                let x = extract_by(&article, g, on, finder);
                serde_json::to_value(x.to_json(&article)).unwrap_or(Value::Null)
            }
            Err(e) => {
                figures.failures += 1;
                notes.push(format!("  ! system failed: {e}"));
                Value::Null
            }
        };
        score_article(&gold, &system, &mut counts, &mut notes);
        figures.notes.push((id, notes));
    }
    figures.articles = gold_files.len();
    let mut cats: BTreeMap<&'static str, HashSet<String>> = BTreeMap::new();
    for (g, cat, _) in counts.keys() {
        cats.entry(g).or_default().insert(cat.clone());
    }
    for (group, target) in [
        ("ent", &mut figures.entities),
        ("tent", &mut figures.typed_entities),
        ("rel", &mut figures.relations),
    ] {
        for cat in cats.get(group).into_iter().flatten() {
            target.insert(cat.clone(), prf(&counts, group, cat));
        }
    }
    Ok(figures)
}

/// A candidate as the trainer sees it: the folded names of its two
/// entities (name first, then aliases) and its features.
type Named = (Vec<String>, Vec<String>, Vec<String>);

/// Hands the candidates of each article to the trainer and decides no
/// relation.
struct Collect(std::cell::RefCell<Vec<Named>>);

impl RelationFinder for Collect {
    fn find(&self, input: &Input<'_>) -> Vec<Relation> {
        let names = |e: usize| {
            let e = &input.resolved.entities[e];
            folded(
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .map(String::as_str),
            )
        };
        let mut got = self.0.borrow_mut();
        for c in crate::candidate::generate(input) {
            got.push((names(c.first), names(c.second), c.features));
        }
        Vec::new()
    }
}

/// Training examples from an annotated set: every candidate pair of every
/// article, labelled with the relations the gold annotation gives the two
/// gold entities its names match (the scorer's matching: name first, then
/// aliases). A pair the gold only allows (an optional relation) is left
/// out rather than taught as a non-relation.
pub fn training_examples(set: &Path, g: &Gazetteer) -> Result<Vec<Example>, EvalError> {
    let mut out = Vec::new();
    for gf in &gold_files(set)? {
        let (id, gold) = read_gold(gf)?;
        let path = set.join("articles").join(format!("{id}.txt"));
        let article = read_one(&path).map_err(|e| EvalError::Gold {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        let collect = Collect(std::cell::RefCell::new(Vec::new()));
        extract_by(&article, g, Mechanisms::all(), &collect);
        for (a, b, features) in collect.0.into_inner() {
            let find = |names: &[String]| names.iter().find_map(|n| gold.alias.get(n).copied());
            let mut labels = Vec::new();
            let mut optional = false;
            if let (Some(ga), Some(gb)) = (find(&a), find(&b)) {
                for class in Class::all() {
                    let (s, t) = if class.forward { (ga, gb) } else { (gb, ga) };
                    let k = rel_key(s, class.edge.as_str(), t);
                    if gold.relations.contains(&k) {
                        labels.push(class);
                    } else if gold.optional_relations.contains(&k) {
                        optional = true;
                    }
                }
            }
            if labels.is_empty() && optional {
                continue;
            }
            out.push(Example { features, labels });
        }
    }
    Ok(out)
}

/// What one discourse mechanism adds: the relation figures with every
/// mechanism on against those with it off.
#[derive(Clone, Debug, Serialize)]
pub struct Contribution {
    /// The mechanism switched off.
    pub mechanism: String,
    /// Gold relations found only with it on.
    pub recovered: i64,
    /// False relations it adds.
    pub false_added: i64,
    /// Relation scores with it off.
    pub without: Prf,
}

/// Each mechanism's contribution, from a run with all on (`full`) and one
/// run per mechanism with it off.
pub fn contributions(full: &Figures, off: &[(Mechanism, Figures)]) -> Vec<Contribution> {
    let all = |f: &Figures| f.relations.get("all").copied().unwrap_or_default();
    let base = all(full);
    off.iter()
        .map(|(m, f)| {
            let w = all(f);
            Contribution {
                mechanism: m.name().to_string(),
                recovered: base.tp as i64 - w.tp as i64,
                false_added: base.fp as i64 - w.fp as i64,
                without: w,
            }
        })
        .collect()
}

/// The contributions as a table, with the all-on line first.
pub fn contribution_table(full: &Figures, rows: &[Contribution]) -> String {
    let base = full.relations.get("all").copied().unwrap_or_default();
    let mut out = format!(
        "{:<14}{:>10}{:>12}{:>7}{:>7}{:>7}\n",
        "off", "recovered", "false added", "P", "R", "F1"
    );
    out.push_str(&format!(
        "{:<14}{:>10}{:>12}{:>7.3}{:>7.3}{:>7.3}\n",
        "(none)", "", "", base.precision, base.recall, base.f1
    ));
    for c in rows {
        out.push_str(&format!(
            "{:<14}{:>10}{:>12}{:>7.3}{:>7.3}{:>7.3}\n",
            c.mechanism,
            c.recovered,
            c.false_added,
            c.without.precision,
            c.without.recall,
            c.without.f1
        ));
    }
    out
}

impl Figures {
    /// The table and summary line: score.py's columns and figures, with the
    /// group and category columns as wide as their longest name plus one
    /// space (score.py cuts the group name at 10 characters and pads the
    /// category to 18, which glued `typed_entities` to its kinds).
    pub fn table(&self) -> String {
        let groups = [
            ("typed_entities", &self.typed_entities),
            ("relations", &self.relations),
        ];
        let group_w = groups
            .iter()
            .map(|(name, _)| name.chars().count())
            .max()
            .unwrap_or(0)
            + 1;
        let cat_w = groups
            .iter()
            .flat_map(|(_, group)| group.keys())
            .map(|cat| cat.chars().count())
            .chain(["category".len()])
            .max()
            .unwrap_or(0)
            + 1;
        let mut out = format!(
            "{:<group_w$}{:<cat_w$}{:>7}{:>7}{:>7}{:>6}{:>6}{:>6}\n",
            "", "category", "P", "R", "F1", "tp", "fp", "fn"
        );
        for (name, group) in groups {
            for (cat, f) in group {
                out.push_str(&format!(
                    "{name:<group_w$}{cat:<cat_w$}{:>7.3}{:>7.3}{:>7.3}{:>6}{:>6}{:>6}\n",
                    f.precision, f.recall, f.f1, f.tp, f.fp, f.fn_
                ));
            }
        }
        let f1 = |m: &BTreeMap<String, Prf>| m.get("all").map(|p| p.f1).unwrap_or(0.0);
        out.push_str(&format!(
            "articles={} failures={} entities_f1={:.3} typed_entities_f1={:.3} relations_f1={:.3}\n",
            self.articles,
            self.failures,
            f1(&self.entities),
            f1(&self.typed_entities),
            f1(&self.relations)
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects the eval table's readability: every group and category
    /// name is printed whole, apart from the next column, and the figures
    /// line up under their headers (the group name was cut to
    /// `typed_enti` and glued to the kind: `typed_entiall`).
    #[test]
    fn table_columns_fit_the_longest_names() {
        let prf = Prf {
            tp: 3,
            fp: 1,
            fn_: 2,
            precision: 0.75,
            recall: 0.6,
            f1: 0.667,
        };
        let mut figures = Figures {
            articles: 2,
            ..Figures::default()
        };
        for kind in ["all", "organization"] {
            figures.typed_entities.insert(kind.to_string(), prf);
        }
        for ty in ["all", "a-very-long-relation-type"] {
            figures.relations.insert(ty.to_string(), prf);
        }
        let table = figures.table();
        let lines: Vec<&str> = table.lines().collect();
        let rows: Vec<Vec<&str>> = lines[1..5]
            .iter()
            .map(|l| l.split_whitespace().take(2).collect())
            .collect();
        assert_eq!(
            rows,
            vec![
                vec!["typed_entities", "all"],
                vec!["typed_entities", "organization"],
                vec!["relations", "a-very-long-relation-type"],
                vec!["relations", "all"],
            ],
            "{table}"
        );
        let p_end = lines[0].find(" P ").map(|i| i + 2);
        for line in &lines[1..5] {
            assert_eq!(line.find("0.750").map(|i| i + 5), p_end, "{table}");
        }
    }

    fn gold() -> Gold {
        let doc = serde_json::json!({
            "entities": [
                {"name": "Alpha", "kind": "state", "aliases": ["A"]},
                {"name": "Beta", "kind": "state", "aliases": ["B"]}
            ],
            "relations": [{"source": "Alpha", "type": "met-with", "target": "Beta"}]
        });
        Gold::parse(&doc, "g.json").unwrap()
    }

    /// Protects agreement with score.py: a system entity whose aliases hit
    /// two gold entities matches the one its first hitting alias names, in
    /// the order given, not in sorted order.
    #[test]
    fn aliases_are_tried_in_the_order_given() {
        let system = serde_json::json!({
            "entities": [{"name": "Gamma", "kind": "state", "aliases": ["B", "A"]}],
            "relations": []
        });
        let (mut c, mut notes) = (Counts::new(), Vec::new());
        score_article(&gold(), &system, &mut c, &mut notes);
        assert_eq!(
            notes,
            vec![
                "  - entity 'Alpha' (state)".to_string(),
                "  - relation 'Alpha' -met-with-> 'Beta'".to_string()
            ]
        );
        assert_eq!(c.get(&("tent", "all".to_string(), "tp")), Some(&1));
    }

    /// A symmetric gold edge matches in either direction, and the same edge
    /// twice counts once.
    #[test]
    fn symmetric_edges_match_either_way_once() {
        let system = serde_json::json!({
            "entities": [
                {"name": "Alpha", "kind": "state", "aliases": []},
                {"name": "Beta", "kind": "state", "aliases": []}
            ],
            "relations": [
                {"source": "Beta", "type": "met-with", "target": "Alpha"},
                {"source": "Alpha", "type": "met-with", "target": "Beta"}
            ]
        });
        let (mut c, mut notes) = (Counts::new(), Vec::new());
        score_article(&gold(), &system, &mut c, &mut notes);
        assert_eq!(c.get(&("rel", "all".to_string(), "tp")), Some(&1));
        assert_eq!(c.get(&("rel", "all".to_string(), "fp")), None);
        assert!(notes.is_empty(), "{notes:?}");
    }
}
