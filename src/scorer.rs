//! The statistical relation scorer: a logistic model per edge type and
//! direction over the features of `candidate`, learned from annotated
//! articles (`geokg train`), and the [`ModelFinder`] that puts it beside or
//! in place of the rules behind [`RelationFinder`].
//!
//! The model is a plain TSV file a person can read: one row per feature,
//! class and weight, tab-separated (`w:met`, `met-with`, `1.8342`), and a
//! header giving the decision threshold. The built-in one is
//! `data/model/relations.tsv`, trained on the project's annotated train
//! sets (never on dev or test), its threshold chosen on dev; training is
//! deterministic, so the file can be rebuilt byte for byte (`tests/model.rs`).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::candidate::{self, Candidate};
use crate::ontology::EdgeType;
use crate::relation::{Input, Relation, RelationFinder, Rules};

/// The built-in model, as text.
const BUILTIN: &str = include_str!("../data/model/relations.tsv");

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ScorerError {
    /// A line of a model file is malformed.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// Line number, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One decision the model makes: an edge type and whether it goes from the
/// first-named entity to the second (`forward`) or back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Class {
    /// The edge type.
    pub edge: EdgeType,
    /// First-named to second-named; symmetric types are always forward.
    pub forward: bool,
}

impl Class {
    /// Every class: each directed type both ways, each symmetric type once.
    pub fn all() -> Vec<Class> {
        let mut out = Vec::new();
        for edge in EdgeType::ALL {
            out.push(Class {
                edge,
                forward: true,
            });
            if !edge.is_symmetric() {
                out.push(Class {
                    edge,
                    forward: false,
                });
            }
        }
        out
    }

    /// "supports>" (first to second) or "supports<" (second to first);
    /// a symmetric type is its bare name.
    pub fn label(self) -> String {
        match (self.edge.is_symmetric(), self.forward) {
            (true, _) => self.edge.as_str().to_string(),
            (false, true) => format!("{}>", self.edge.as_str()),
            (false, false) => format!("{}<", self.edge.as_str()),
        }
    }

    fn parse(s: &str) -> Option<Class> {
        let (name, forward) = match s.strip_suffix('>') {
            Some(n) => (n, true),
            None => match s.strip_suffix('<') {
                Some(n) => (n, false),
                None => (s, true),
            },
        };
        let edge: EdgeType = name.parse().ok()?;
        let bare = !s.ends_with(['<', '>']);
        (bare == edge.is_symmetric()).then_some(Class { edge, forward })
    }
}

/// A trained model: weights per feature and class, and the probability a
/// class needs to make an edge.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    /// The classes, in file order.
    pub classes: Vec<Class>,
    /// Feature -> (class index, weight).
    weights: HashMap<String, Vec<(usize, f32)>>,
    /// The probability at which a class makes an edge.
    pub threshold: f32,
    /// Free-text lines of the header ("trained on ...").
    pub notes: Vec<String>,
}

/// One training example: a candidate's features and the classes the gold
/// annotation gives its pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The candidate's features.
    pub features: Vec<String>,
    /// The gold classes (none for a pair the annotation does not relate).
    pub labels: Vec<Class>,
}

/// How to train.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Passes over the examples.
    pub epochs: usize,
    /// A feature must occur in this many examples to get a weight.
    pub min_count: usize,
    /// A class needs this many positive examples to be learned.
    pub min_positives: usize,
    /// Learning rate of the first pass (it decays by pass).
    pub rate: f32,
    /// L2 penalty on each weight an example touches.
    pub l2: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            min_count: 3,
            min_positives: 5,
            rate: 0.2,
            l2: 1e-4,
        }
    }
}

/// Weights smaller than this are not written: they change no decision.
const PRUNE: f32 = 0.05;

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

impl Model {
    /// The built-in model (parsed once).
    pub fn builtin() -> Result<&'static Model, &'static ScorerError> {
        static MODEL: OnceLock<Result<Model, ScorerError>> = OnceLock::new();
        MODEL
            .get_or_init(|| Model::parse(BUILTIN, "data/model/relations.tsv"))
            .as_ref()
    }

    /// Reads a model file's text; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Model, ScorerError> {
        let err = |line: usize, message: String| ScorerError::Parse {
            path: path.to_string(),
            line,
            message,
        };
        let mut m = Model {
            threshold: 0.5,
            ..Model::default()
        };
        let mut index: HashMap<Class, usize> = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            if let Some(rest) = line.strip_prefix("#") {
                let rest = rest.trim();
                if let Some(t) = rest.strip_prefix("threshold") {
                    let t: f32 = t
                        .trim()
                        .parse()
                        .map_err(|_| err(n, format!("bad threshold {:?}", t.trim())))?;
                    if !(0.0..=1.0).contains(&t) {
                        return Err(err(n, format!("threshold {t} is not in 0..=1")));
                    }
                    m.threshold = t;
                } else if let Some(note) = rest.strip_prefix("note") {
                    m.notes.push(note.trim().to_string());
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let [feature, class, weight] = cells[..] else {
                return Err(err(
                    n,
                    format!(
                        "expected feature, class and weight, got {} cells",
                        cells.len()
                    ),
                ));
            };
            let class =
                Class::parse(class).ok_or_else(|| err(n, format!("unknown class {class:?}")))?;
            let weight: f32 = weight
                .parse()
                .ok()
                .filter(|w: &f32| w.is_finite())
                .ok_or_else(|| err(n, format!("bad weight {weight:?}")))?;
            let next = m.classes.len();
            let c = *index.entry(class).or_insert(next);
            if c == next {
                m.classes.push(class);
            }
            m.weights
                .entry(feature.to_string())
                .or_default()
                .push((c, weight));
        }
        Ok(m)
    }

    /// The model as a file: header, then rows sorted by feature and class.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# geokg relation scorer: feature<TAB>class<TAB>weight (see src/scorer.rs)\n",
        );
        for note in &self.notes {
            let _ = writeln!(out, "# note {note}");
        }
        let _ = writeln!(out, "# threshold {}", self.threshold);
        let mut rows: Vec<(&str, String, f32)> = self
            .weights
            .iter()
            .flat_map(|(f, ws)| {
                ws.iter()
                    .map(move |&(c, w)| (f.as_str(), self.classes[c].label(), w))
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(b.0).then_with(|| a.1.cmp(&b.1)));
        for (f, c, w) in rows {
            let _ = writeln!(out, "{f}\t{c}\t{w:.4}");
        }
        out
    }

    /// Number of (feature, class) weights.
    pub fn len(&self) -> usize {
        self.weights.values().map(Vec::len).sum()
    }

    /// True for a model with no weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The probability of each class (in `classes` order) for features.
    pub fn probabilities(&self, features: &[String]) -> Vec<f32> {
        let mut z = vec![0.0f32; self.classes.len()];
        for f in features {
            for &(c, w) in self.weights.get(f).into_iter().flatten() {
                z[c] += w;
            }
        }
        z.into_iter().map(sigmoid).collect()
    }

    /// The classes a candidate reaches the threshold for, with their
    /// probability.
    pub fn decide(&self, c: &Candidate) -> Vec<(Class, f32)> {
        self.probabilities(&c.features)
            .into_iter()
            .enumerate()
            .filter(|&(_, p)| p >= self.threshold)
            .map(|(i, p)| (self.classes[i], p))
            .collect()
    }

    /// The same model deciding at another threshold.
    pub fn with_threshold(&self, threshold: f32) -> Model {
        Model {
            threshold,
            ..self.clone()
        }
    }
}

/// A small deterministic generator (xorshift) for the training order.
struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Learns a model from examples: one logistic regression per class
/// (one against the rest), by stochastic gradient descent over a fixed,
/// seeded order, so that the same examples give the same file.
pub fn train(examples: &[Example], opts: &TrainOptions) -> Model {
    // Classes with enough positives, in `Class::all` order.
    let mut positives: HashMap<Class, usize> = HashMap::new();
    for e in examples {
        for &c in &e.labels {
            *positives.entry(c).or_default() += 1;
        }
    }
    let classes: Vec<Class> = Class::all()
        .into_iter()
        .filter(|c| positives.get(c).is_some_and(|&n| n >= opts.min_positives))
        .collect();
    // Features seen often enough, numbered in sorted order.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in examples {
        for f in &e.features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<&str> = counts
        .into_iter()
        .filter(|&(_, n)| n >= opts.min_count)
        .map(|(f, _)| f)
        .collect();
    vocab.sort_unstable();
    let id: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let rows: Vec<(Vec<usize>, Vec<bool>)> = examples
        .iter()
        .map(|e| {
            let mut fs: Vec<usize> = e
                .features
                .iter()
                .filter_map(|f| id.get(f.as_str()).copied())
                .collect();
            fs.sort_unstable();
            fs.dedup();
            let ys = classes.iter().map(|c| e.labels.contains(c)).collect();
            (fs, ys)
        })
        .collect();
    let nc = classes.len();
    let mut w = vec![0.0f32; vocab.len() * nc];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut rng = Shuffle(0x9E37_79B9_7F4A_7C15);
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let rate = opts.rate / (1.0 + epoch as f32 * 0.5);
        for &r in &order {
            let (fs, ys) = &rows[r];
            for (c, &y) in ys.iter().enumerate() {
                let z: f32 = fs.iter().map(|&f| w[f * nc + c]).sum();
                let g = sigmoid(z) - if y { 1.0 } else { 0.0 };
                for &f in fs {
                    let x = &mut w[f * nc + c];
                    *x -= rate * (g + opts.l2 * *x);
                }
            }
        }
    }
    let mut weights: HashMap<String, Vec<(usize, f32)>> = HashMap::new();
    for (f, name) in vocab.iter().enumerate() {
        for c in 0..nc {
            let x = w[f * nc + c];
            // Rounded as the file writes it, so a model read back from its
            // file decides exactly as the one trained.
            let x = (x * 1e4).round() / 1e4;
            if x.abs() >= PRUNE {
                weights.entry((*name).to_string()).or_default().push((c, x));
            }
        }
    }
    Model {
        classes,
        weights,
        threshold: 0.5,
        notes: Vec::new(),
    }
}

/// The model as a relation finder: alone (`with_rules` false) or adding its
/// edges to the rules' (true), where the rules read no edge of that type
/// between the same two entities in the same sentence.
pub struct ModelFinder<'m> {
    /// The model.
    pub model: &'m Model,
    /// Whether the rules' edges come first.
    pub with_rules: bool,
}

/// Confidence of a model edge per unit of probability: below a named
/// rule's, so `--min-confidence` can keep the model's edges out.
const MODEL_CONFIDENCE: f32 = 0.6;

impl RelationFinder for ModelFinder<'_> {
    fn find(&self, input: &Input<'_>) -> Vec<Relation> {
        let mut out = if self.with_rules {
            Rules.find(input)
        } else {
            Vec::new()
        };
        let key = |s: usize, e: EdgeType, t: usize, si: usize| {
            if e.is_symmetric() && t < s {
                (t, e, s, si)
            } else {
                (s, e, t, si)
            }
        };
        let mut have: HashSet<(usize, EdgeType, usize, usize)> = out
            .iter()
            .filter(|r| !r.headline)
            .map(|r| key(r.source, r.edge, r.target, r.sentence))
            .collect();
        let entities = &input.resolved.entities;
        for c in candidate::generate(input) {
            for (class, p) in self.model.decide(&c) {
                let (s, t) = if class.forward {
                    (c.first, c.second)
                } else {
                    (c.second, c.first)
                };
                if !class.edge.joins(entities[s].kind, entities[t].kind)
                    || !have.insert(key(s, class.edge, t, c.sentence))
                {
                    continue;
                }
                out.push(Relation {
                    source: s,
                    edge: class.edge,
                    target: t,
                    sentence: c.sentence,
                    start: c.start,
                    end: c.end,
                    negated: false,
                    hypothetical: false,
                    confidence: MODEL_CONFIDENCE * p,
                    headline: false,
                    role: None,
                    rule: "model".to_string(),
                    via: None,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(features: &[&str], labels: &[Class]) -> Example {
        Example {
            features: features.iter().map(|s| s.to_string()).collect(),
            labels: labels.to_vec(),
        }
    }

    const MET: Class = Class {
        edge: EdgeType::MetWith,
        forward: true,
    };
    const ATTACKS_BACK: Class = Class {
        edge: EdgeType::Attacks,
        forward: false,
    };

    /// Protects the learning itself: a feature that always comes with a
    /// class is learned for it, one that never does is not, and the model
    /// decides new candidates by them.
    #[test]
    fn learns_a_separable_signal() {
        let mut examples = Vec::new();
        for i in 0..30 {
            let noise = format!("w:n{}", i % 3);
            examples.push(ex(&["bias", "w:met", &noise], &[MET]));
            examples.push(ex(&["bias", "w:said", &noise], &[]));
            examples.push(ex(&["bias", "w:by", "w:struck", &noise], &[ATTACKS_BACK]));
        }
        let m = train(&examples, &TrainOptions::default());
        assert_eq!(m.classes, vec![MET, ATTACKS_BACK]);
        let cand = |f: &[&str]| Candidate {
            first: 0,
            second: 1,
            sentence: 0,
            start: 0,
            end: 1,
            features: f.iter().map(|s| s.to_string()).collect(),
        };
        let decided: Vec<Class> = m
            .decide(&cand(&["bias", "w:met"]))
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        assert_eq!(decided, vec![MET]);
        let decided: Vec<Class> = m
            .decide(&cand(&["bias", "w:by", "w:struck"]))
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        assert_eq!(decided, vec![ATTACKS_BACK]);
        assert!(m.decide(&cand(&["bias", "w:said"])).is_empty());
    }

    /// Protects reproducibility: the same examples give the same file, and
    /// a model read back from its file decides as the one trained.
    #[test]
    fn the_file_round_trips() {
        let examples: Vec<Example> = (0..20)
            .map(|i| {
                if i % 2 == 0 {
                    ex(&["bias", "w:met", "k:person>person"], &[MET])
                } else {
                    ex(&["bias", "w:and", "k:person>person"], &[])
                }
            })
            .collect();
        let a = train(&examples, &TrainOptions::default()).with_threshold(0.7);
        let b = train(&examples, &TrainOptions::default()).with_threshold(0.7);
        assert_eq!(a.to_tsv(), b.to_tsv());
        let back = Model::parse(&a.to_tsv(), "m.tsv").unwrap();
        assert_eq!(back.to_tsv(), a.to_tsv());
        assert_eq!(back.threshold, 0.7);
        let f = vec!["bias".to_string(), "w:met".to_string()];
        assert_eq!(back.probabilities(&f), a.probabilities(&f));
    }

    /// Protects the error a user sees for a broken model file: the file,
    /// the line and what is wrong, in one line.
    #[test]
    fn a_bad_file_names_its_line() {
        let e = Model::parse("# threshold 0.5\nw:met\tmet-with\n", "m.tsv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "m.tsv:2: expected feature, class and weight, got 2 cells"
        );
        let e = Model::parse("w:met\tmet-with>\t1.0\n", "m.tsv").unwrap_err();
        assert_eq!(e.to_string(), "m.tsv:1: unknown class \"met-with>\"");
        let e = Model::parse("w:met\tsupports>\tx\n", "m.tsv").unwrap_err();
        assert_eq!(e.to_string(), "m.tsv:1: bad weight \"x\"");
        let e = Model::parse("# threshold 2\n", "m.tsv").unwrap_err();
        assert_eq!(e.to_string(), "m.tsv:1: threshold 2 is not in 0..=1");
    }

    /// Protects the class names the file uses.
    #[test]
    fn class_labels() {
        assert_eq!(MET.label(), "met-with");
        assert_eq!(ATTACKS_BACK.label(), "attacks<");
        for c in Class::all() {
            assert_eq!(Class::parse(&c.label()), Some(c));
        }
        assert_eq!(Class::all().len(), 22);
    }

    /// Protects the built-in model: it parses, and its threshold is a
    /// probability.
    #[test]
    fn builtin_parses() {
        let m = Model::builtin().unwrap();
        assert!((0.0..=1.0).contains(&m.threshold));
    }
}
