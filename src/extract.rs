//! One article in, its entities and relations out: the pure pipeline
//! `text -> mention -> resolve -> relation`, with no IO and no failure.

use serde::Serialize;

use crate::article::Article;
use crate::discourse::{self, Mechanisms};
use crate::gazetteer::{CueForm, Gazetteer};
use crate::ontology::{EdgeType, Kind};
use crate::relation::{self, Relation};
use crate::resolve::{self, Entity};
use crate::text;

/// What one article yields.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// Entities named in the article.
    pub entities: Vec<Entity>,
    /// Relation occurrences, each with its evidence.
    pub relations: Vec<Relation>,
    /// Sentence spans (byte offsets into the body), by index.
    pub sentences: Vec<(usize, usize)>,
    /// Surface mentions: `(entity, start, end)`.
    pub mentions: Vec<(usize, usize, usize)>,
}

/// Runs the whole extraction pipeline on one article.
///
/// ```
/// let g = geokg::gazetteer::Gazetteer::builtin().unwrap();
/// let a = geokg::article::Article::from_body("x", "Russia condemned NATO.");
/// let x = geokg::extract::extract(&a, &g);
/// assert!(x.relations.iter().any(|r| r.edge == geokg::ontology::EdgeType::Opposes));
/// ```
pub fn extract(article: &Article, g: &Gazetteer) -> Extraction {
    extract_with(article, g, Mechanisms::all())
}

/// [`extract`] with only the discourse mechanisms `on` resolving references
/// (for `geokg eval --ablate`).
pub fn extract_with(article: &Article, g: &Gazetteer, on: Mechanisms) -> Extraction {
    extract_by(article, g, on, &relation::Rules)
}

/// [`extract_with`] with the relations decided by `finder` (the rules, the
/// statistical scorer, or both; see [`relation::RelationFinder`]).
pub fn extract_by(
    article: &Article,
    g: &Gazetteer,
    on: Mechanisms,
    finder: &dyn relation::RelationFinder,
) -> Extraction {
    // The headline is read with the body (it often states the meeting or
    // the visit, and names the speaker of a statement), as its own first
    // paragraph; spans are mapped back at the end, so body spans stay byte
    // offsets into the body and headline spans offsets into the headline.
    let headline = headline_of(article);
    let joined;
    let (text_all, offset) = match headline {
        Some(h) => {
            joined = format!("{h}\n\n{}", article.body);
            (joined.as_str(), h.len() + 2)
        }
        None => (article.body.as_str(), 0),
    };
    let doc = text::analyze(text_all, &g.lexicon.abbreviations);
    // Relation cues are found once: the mention stage reads them to tell a
    // capital that acts from a place, the relation stage to find edges.
    let cues = g.lexicon.find_cues(text_all);
    let titles = g.lexicon.find_titles(text_all);
    let mentions = crate::mention::find_with_cues(text_all, &doc, g, &cues, &titles, offset);
    let resolved = resolve::resolve(
        text_all,
        &doc,
        mentions,
        g,
        article.date.as_deref(),
        article.url.as_deref(),
    );
    let memory = discourse::Memory::of(
        text_all,
        &doc,
        g,
        &resolved,
        article.date.as_deref(),
        offset,
        on,
    );
    let relations = finder.find(&relation::Input {
        text: text_all,
        doc: &doc,
        g,
        resolved: &resolved,
        cues: &cues,
        titles: &titles,
        memory: &memory,
    });
    let mentions = resolved
        .mentions
        .iter()
        .zip(&resolved.entity_of)
        .filter_map(|(m, e)| e.map(|e| (e, m.start, m.end)))
        .collect();
    let mut x = Extraction {
        sentences: doc.sentences.iter().map(|s| (s.start, s.end)).collect(),
        entities: resolved.entities,
        relations,
        mentions,
    };
    // A capital that is only a place ("talks in Moscow") is not a node of
    // its own unless something happens to it (ONTOLOGY.md: cities count
    // where they take part in a relation).
    let mut mentioned = vec![false; x.entities.len()];
    for &(e, _, _) in &x.mentions {
        mentioned[e] = true;
    }
    let mut keep: Vec<bool> = x
        .entities
        .iter()
        .zip(&mentioned)
        .map(|(e, &m)| m && e.known.is_none_or(|k| g.entry(k).capital_of.is_none()))
        .collect();
    for r in &x.relations {
        keep[r.source] = true;
        keep[r.target] = true;
    }
    // The host city of a summit or talks counts too ("their talks in New Delhi").
    for &(e, start, _) in &x.mentions {
        let t = doc.token_at_or_after(start);
        let hosts = t >= 2
            && matches!(doc.lower(t - 1), "in" | "at")
            && matches!(
                doc.lower(t - 2),
                "talks" | "summit" | "meeting" | "meetings" | "conference" | "negotiations"
            );
        if hosts {
            keep[e] = true;
        }
    }
    // A capital that is the place of a visit the sentence announces
    // ("will travel to New Delhi and Kuwait City") is a city of the visit,
    // whether or not the relation stage read the visit. The visitor is a
    // node named before the cue ("the team arrived in Washington" names
    // none). Per sentence, the end of its first such cue (one pass over the
    // mentions, one over the cues).
    let mut first_actor = vec![usize::MAX; doc.sentences.len()];
    for &(e, start, _) in &x.mentions {
        if x.entities[e].kind != Kind::Region
            && let Some(s) = doc.sentence_of(start)
        {
            first_actor[s] = first_actor[s].min(start);
        }
    }
    let mut visit_end = vec![usize::MAX; doc.sentences.len()];
    for (cs, ce, c) in &cues {
        if c.edge == EdgeType::Visited
            && matches!(c.form, CueForm::Verb | CueForm::Noun)
            && let Some(s) = doc.sentence_of(*cs)
            && first_actor[s] < *cs
        {
            visit_end[s] = visit_end[s].min(*ce);
        }
    }
    for &(e, start, _) in &x.mentions {
        let Some(known) = x.entities[e].known else {
            continue;
        };
        if keep[e] || g.entry(known).kind != Kind::Region {
            continue;
        }
        let Some(state) = g.entry(known).capital_of else {
            continue;
        };
        if doc.sentence_of(start).is_none_or(|s| visit_end[s] > start) {
            continue;
        }
        // Where the article also makes the capital act for its state
        // ("called on Beijing to stop"), the name is the state's.
        let city = &x.entities[e];
        let names_state = x.entities.iter().any(|o| {
            o.known == Some(state)
                && o.aliases.iter().any(|a| {
                    std::iter::once(&city.name)
                        .chain(&city.aliases)
                        .any(|n| crate::ontology::fold(n) == crate::ontology::fold(a))
                })
        });
        keep[e] = !names_state;
    }
    x.retain_entities(&keep);
    if offset > 0 {
        x.split_headline(offset);
    }
    x
}

/// The headline to read with the body: none when it is empty or when the
/// body already starts with it (a plain text whose only line is both).
fn headline_of(article: &Article) -> Option<&str> {
    let h = article.title.trim();
    (!h.is_empty() && !article.body.trim_start().starts_with(h)).then_some(h)
}

/// An entity in the evaluation output format.
#[derive(Serialize)]
pub struct JsonEntity<'a> {
    /// Canonical key.
    pub id: &'a str,
    /// Common name.
    pub name: &'a str,
    /// Node kind.
    pub kind: Kind,
    /// Other names used.
    pub aliases: &'a [String],
}

/// A relation in the evaluation output format.
#[derive(Serialize)]
pub struct JsonRelation<'a> {
    /// Source name.
    pub source: &'a str,
    /// Edge type.
    #[serde(rename = "type")]
    pub edge: EdgeType,
    /// Target name.
    pub target: &'a str,
    /// The sentence that supports it.
    pub evidence: &'a str,
    /// Present and true when the evidence is the headline (spans are then
    /// offsets into the headline).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
    /// Sentence index.
    pub sentence: usize,
    /// Byte offset of the evidence span in the body.
    pub start: usize,
    /// End of the evidence span.
    pub end: usize,
    /// Rule confidence.
    pub confidence: f32,
    /// The office, for `represents`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    /// The rule that produced it ("met with/verb", "title").
    pub rule: &'a str,
    /// How an end the sentence does not name was resolved
    /// (`"the Secretary" -> Antony Blinken`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<&'a str>,
    /// Present and true for negated or hypothetical statements.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
}

/// The system-output object of ONTOLOGY.md.
#[derive(Serialize)]
pub struct JsonExtraction<'a> {
    /// Article key.
    pub id: &'a str,
    /// Headline.
    pub title: &'a str,
    /// Date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    /// Entities.
    pub entities: Vec<JsonEntity<'a>>,
    /// Relations, one per (source, type, target, negated), strongest evidence first.
    pub relations: Vec<JsonRelation<'a>>,
}

impl Extraction {
    /// Maps spans found in "headline, blank line, body" back: body spans to
    /// offsets into the body (`offset` is where it starts), headline
    /// relations marked as such with offsets into the headline; headline
    /// sentences and mentions leave the body's lists.
    fn split_headline(&mut self, offset: usize) {
        let in_headline = self.sentences.iter().filter(|s| s.0 < offset).count();
        self.sentences = self
            .sentences
            .iter()
            .filter(|s| s.0 >= offset)
            .map(|&(a, b)| (a - offset, b - offset))
            .collect();
        self.mentions = self
            .mentions
            .iter()
            .filter(|m| m.1 >= offset)
            .map(|&(e, a, b)| (e, a - offset, b - offset))
            .collect();
        for r in &mut self.relations {
            if r.start < offset {
                r.headline = true;
                r.end = r.end.min(offset.saturating_sub(2));
            } else {
                r.start -= offset;
                r.end -= offset;
                r.sentence = r.sentence.saturating_sub(in_headline);
            }
        }
    }

    /// Whether a relation's evidence text ([`Extraction::evidence`]) is a
    /// whole sentence of the article, the same for every relation read
    /// from it: the headline, or a body sentence in range. Otherwise it is
    /// the relation's own span. The store keeps a whole sentence once.
    pub fn evidence_is_sentence(&self, r: &Relation) -> bool {
        r.headline || r.sentence < self.sentences.len()
    }

    /// The byte offset of [`Extraction::evidence`] in the body, or in the
    /// headline for a headline relation.
    pub fn evidence_start(&self, r: &Relation, article: &Article) -> usize {
        if r.headline {
            return article.title.len() - article.title.trim_start().len();
        }
        self.sentences.get(r.sentence).map_or(r.start, |s| s.0)
    }

    /// The evidence sentence of a relation: its body sentence, or the
    /// headline.
    pub fn evidence<'a>(&self, r: &Relation, article: &'a Article) -> &'a str {
        if r.headline {
            return article.title.trim();
        }
        let (ss, se) = self
            .sentences
            .get(r.sentence)
            .copied()
            .unwrap_or((r.start, r.end));
        article.body.get(ss..se).unwrap_or("")
    }

    /// Keeps the entities marked true, renumbering mentions and relations.
    fn retain_entities(&mut self, keep: &[bool]) {
        let mut map = vec![None; self.entities.len()];
        let mut n = 0;
        for (i, k) in keep.iter().enumerate() {
            if *k {
                map[i] = Some(n);
                n += 1;
            }
        }
        let mut i = 0;
        self.entities.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        self.mentions = self
            .mentions
            .iter()
            .filter_map(|&(e, s, t)| map[e].map(|e| (e, s, t)))
            .collect();
        for r in &mut self.relations {
            // Every relation's ends are kept (see `extract`).
            if let (Some(s), Some(t)) = (map[r.source], map[r.target]) {
                r.source = s;
                r.target = t;
            }
        }
    }

    /// Relations with one occurrence per (source, type, target, flag), the
    /// most confident kept.
    pub fn distinct_relations(&self) -> Vec<&Relation> {
        let mut index: std::collections::HashMap<(usize, EdgeType, usize, bool), usize> =
            std::collections::HashMap::new();
        let mut best: Vec<&Relation> = Vec::new();
        for r in &self.relations {
            let key = (r.source, r.edge, r.target, r.is_flagged());
            match index.get(&key) {
                Some(&i) => {
                    // The body's evidence before the headline's, at equal confidence.
                    let better = r.confidence > best[i].confidence
                        || (r.confidence == best[i].confidence && best[i].headline && !r.headline);
                    if better {
                        best[i] = r;
                    }
                }
                None => {
                    index.insert(key, best.len());
                    best.push(r);
                }
            }
        }
        best
    }

    /// Drops relation occurrences less confident than `min` (for
    /// `--min-confidence`).
    pub fn keep_confident(&mut self, min: f64) {
        self.relations
            .retain(|r| f64::from((r.confidence * 100.0).round() / 100.0) >= min);
    }

    /// The ONTOLOGY.md output object.
    pub fn to_json<'a>(&'a self, article: &'a Article) -> JsonExtraction<'a> {
        JsonExtraction {
            id: &article.label,
            title: &article.title,
            date: article.date.as_deref(),
            entities: self
                .entities
                .iter()
                .map(|e| JsonEntity {
                    id: &e.key,
                    name: &e.name,
                    kind: e.kind,
                    aliases: &e.aliases,
                })
                .collect(),
            relations: self
                .distinct_relations()
                .into_iter()
                .map(|r| JsonRelation {
                    source: &self.entities[r.source].name,
                    edge: r.edge,
                    target: &self.entities[r.target].name,
                    evidence: self.evidence(r, article),
                    headline: r.headline,
                    sentence: r.sentence,
                    start: r.start,
                    end: r.end,
                    confidence: (r.confidence * 100.0).round() / 100.0,
                    role: r.role.as_deref(),
                    rule: &r.rule,
                    via: r.via.as_ref().map(|v| v.text.as_str()),
                    negated: r.is_flagged(),
                })
                .collect(),
        }
    }
}
