//! Candidate generation for the statistical scorer: every pair of named
//! entities that stand close together in one sentence, with the words that
//! describe how they stand (issue 8's seam: candidates here, the decision in
//! `scorer`).
//!
//! A sentence is read as a row of units: a word (lowercased) or a named
//! entity (one unit for the whole name, written `<kind>`). A candidate is an
//! ordered pair of units naming two different entities, the first before the
//! second, at most [`MAX_GAP`] units apart. Its features are plain strings a
//! person can read in the model file: the two kinds, every unit and every
//! pair of adjacent units between the two names, the words just around them,
//! the gap, and the cue lexicon's edge types found between them.

use crate::ontology::Kind;
use crate::relation::Input;

/// The most units between the two names of a candidate.
pub const MAX_GAP: usize = 24;

/// An ordered pair of entities in one sentence and what the sentence says
/// between them.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The entity named first (index into `Resolved::entities`).
    pub first: usize,
    /// The entity named second.
    pub second: usize,
    /// The sentence (index into `Doc::sentences`).
    pub sentence: usize,
    /// Byte offset where the first name starts.
    pub start: usize,
    /// Byte offset where the second name ends.
    pub end: usize,
    /// The features, each a readable string ("w:met", "k:person>state").
    pub features: Vec<String>,
}

/// One unit of a sentence.
#[derive(Clone, Debug)]
enum Unit<'a> {
    Word(&'a str),
    Name {
        entity: usize,
        kind: Kind,
        start: usize,
        end: usize,
    },
}

impl Unit<'_> {
    fn label(&self) -> String {
        match self {
            Unit::Word(w) => (*w).to_string(),
            Unit::Name { kind, .. } => format!("<{}>", kind.as_str()),
        }
    }
}

/// Every candidate of an article, sentence by sentence, in text order.
pub fn generate(input: &Input<'_>) -> Vec<Candidate> {
    let (doc, r) = (input.doc, input.resolved);
    // Named entities by first token: (first token, token after, entity).
    let mut names: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); doc.sentences.len()];
    for (i, m) in r.mentions.iter().enumerate() {
        let Some(e) = r.acting.get(i).copied().flatten() else {
            continue;
        };
        let Some(s) = doc.sentence_of(m.start) else {
            continue;
        };
        let t0 = doc.token_at_or_after(m.start);
        let t1 = doc.token_at_or_after(m.end).max(t0 + 1);
        names[s].push((t0, t1, e));
    }
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let mut spans = std::mem::take(&mut names[si]);
        if spans.len() < 2 {
            continue;
        }
        spans.sort_unstable();
        let mut units = Vec::new();
        let mut t = s.first;
        let mut next = spans.iter().peekable();
        while t < s.last {
            // Names overlapping one already placed are skipped.
            while next.peek().is_some_and(|&&(t0, _, _)| t0 < t) {
                next.next();
            }
            if let Some(&&(t0, t1, e)) = next.peek()
                && t0 == t
            {
                let (start, end) = (doc.tokens[t0].start, doc.tokens[t1 - 1].end);
                units.push(Unit::Name {
                    entity: e,
                    kind: r.entities[e].kind,
                    start,
                    end,
                });
                next.next();
                t = t1;
                continue;
            }
            if doc.tokens[t].word {
                units.push(Unit::Word(doc.lower(t)));
            } else {
                units.push(Unit::Word(punctuation(input.text, doc, t)));
            }
            t += 1;
        }
        let cues: Vec<(usize, usize, String)> = input
            .cues
            .iter()
            .filter(|(a, b, _)| *a >= s.start && *b <= s.end)
            .map(|(a, b, c)| (*a, *b, format!("{}/{:?}", c.edge.as_str(), c.form)))
            .collect();
        for i in 0..units.len() {
            let Unit::Name {
                entity: a,
                kind: ka,
                start,
                ..
            } = units[i]
            else {
                continue;
            };
            for j in i + 1..units.len().min(i + MAX_GAP + 2) {
                let Unit::Name {
                    entity: b,
                    kind: kb,
                    start: b_start,
                    end,
                } = units[j]
                else {
                    continue;
                };
                if a == b {
                    continue;
                }
                let a_end = match units[i] {
                    Unit::Name { end, .. } => end,
                    Unit::Word(_) => start,
                };
                let mut f = features(&units, i, j, ka, kb);
                for (cs, ce, c) in &cues {
                    if *cs >= a_end && *ce <= b_start {
                        f.push(format!("c:{c}"));
                    } else if *ce <= start {
                        f.push(format!("c<:{c}"));
                    }
                }
                f.sort_unstable();
                f.dedup();
                out.push(Candidate {
                    first: a,
                    second: b,
                    sentence: si,
                    start,
                    end,
                    features: f,
                });
            }
        }
    }
    out
}

/// A punctuation token as itself (a few characters), so that a comma or a
/// colon between two names is a feature.
fn punctuation<'a>(text: &'a str, doc: &crate::text::Doc, t: usize) -> &'a str {
    let tok = doc.tokens[t];
    text.get(tok.start..tok.end).unwrap_or("")
}

/// The features of the pair of units `i` < `j`.
fn features(units: &[Unit<'_>], i: usize, j: usize, ka: Kind, kb: Kind) -> Vec<String> {
    let mut f = vec![
        "bias".to_string(),
        format!("k:{}>{}", ka.as_str(), kb.as_str()),
    ];
    let gap = j - i - 1;
    let bucket = match gap {
        0 => "0",
        1..=2 => "1-2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    };
    f.push(format!("d:{bucket}"));
    let between = &units[i + 1..j];
    let names_between = between
        .iter()
        .filter(|u| matches!(u, Unit::Name { .. }))
        .count();
    f.push(format!("n:{}", names_between.min(3)));
    for u in between {
        f.push(format!("w:{}", u.label()));
    }
    for w in units[i..=j].windows(2) {
        f.push(format!("b:{} {}", w[0].label(), w[1].label()));
    }
    if gap <= 4 {
        let phrase: Vec<String> = between.iter().map(Unit::label).collect();
        f.push(format!("p:{}", phrase.join(" ")));
    }
    for (k, tag) in [(1, "l1"), (2, "l2")] {
        if let Some(u) = i.checked_sub(k).and_then(|x| units.get(x)) {
            f.push(format!("{tag}:{}", u.label()));
        } else if k == 1 {
            f.push("l1:^".to_string());
        }
    }
    for (k, tag) in [(1, "r1"), (2, "r2")] {
        if let Some(u) = units.get(j + k) {
            f.push(format!("{tag}:{}", u.label()));
        } else if k == 1 {
            f.push("r1:$".to_string());
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::extract::extract_by;
    use crate::relation::RelationFinder;
    use std::cell::RefCell;

    /// Collects the candidates the pipeline hands a finder.
    struct Collect(RefCell<Vec<(String, String, Vec<String>)>>);

    impl RelationFinder for Collect {
        fn find(&self, input: &Input<'_>) -> Vec<crate::relation::Relation> {
            let e = &input.resolved.entities;
            for c in generate(input) {
                self.0.borrow_mut().push((
                    e[c.first].name.clone(),
                    e[c.second].name.clone(),
                    c.features,
                ));
            }
            Vec::new()
        }
    }

    fn candidates(body: &str) -> Vec<(String, String, Vec<String>)> {
        let g = crate::testing::gazetteer();
        let collect = Collect(RefCell::new(Vec::new()));
        let a = Article::from_body("t", body);
        extract_by(&a, g, crate::discourse::Mechanisms::all(), &collect);
        collect.0.into_inner()
    }

    /// Protects the pair order, the one-unit names and the readable
    /// features: the model file is keyed by these strings.
    #[test]
    fn a_pair_in_one_sentence_with_its_words() {
        let c = candidates("Russia attacked Ukraine on Monday.");
        assert_eq!(c.len(), 1);
        let (a, b, f) = &c[0];
        assert_eq!((a.as_str(), b.as_str()), ("Russia", "Ukraine"));
        for want in [
            "bias",
            "k:state>state",
            "d:1-2",
            "w:attacked",
            "b:<state> attacked",
            "b:attacked <state>",
            "p:attacked",
            "l1:^",
            "r1:on",
            "r2:monday",
            "n:0",
            "c:attacks/Verb",
        ] {
            assert!(f.iter().any(|x| x == want), "missing {want} in {f:?}");
        }
    }

    /// Protects the sentence bound and the one-entity rule: names in two
    /// sentences, or the same entity twice, make no candidate.
    #[test]
    fn no_pair_across_sentences_or_of_one_entity() {
        assert!(candidates("Russia is large. Ukraine is not.").is_empty());
        assert!(candidates("Russia and Russia again.").is_empty());
    }

    /// Protects the gap limit: names further apart than MAX_GAP units make
    /// no candidate.
    #[test]
    fn far_apart_names_make_no_candidate() {
        let filler = "very ".repeat(MAX_GAP + 1);
        assert!(candidates(&format!("Russia is {filler}far from Ukraine.")).is_empty());
        let near = "very ".repeat(MAX_GAP - 2);
        assert_eq!(
            candidates(&format!("Russia is {near}near Ukraine.")).len(),
            1
        );
    }
}
