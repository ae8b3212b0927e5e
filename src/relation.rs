//! Finds relations between resolved entities: cue rules from
//! `data/lexicon/cues.tsv` read in active, passive, nominal, coordinated
//! and "between" forms, titles for `represents`, with negation and
//! hypotheticals flagged.
//!
//! Invariants: an edge never joins an entity to itself; every edge carries
//! the sentence and byte span that support it; symmetric edges are emitted
//! with their ends in key order.

use crate::gazetteer::{Cue, CueForm, Gazetteer, Modality};
use crate::ontology::{EdgeType, Kind};
use crate::resolve::Resolved;
use crate::text::Doc;

/// One relation occurrence with its evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// Source entity (index into `Resolved::entities`).
    pub source: usize,
    /// Edge type.
    pub edge: EdgeType,
    /// Target entity.
    pub target: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Byte offset of the evidence span.
    pub start: usize,
    /// End of the evidence span.
    pub end: usize,
    /// Negated ("did not meet").
    pub negated: bool,
    /// Hypothetical or conditional ("could meet").
    pub hypothetical: bool,
    /// Rule confidence in 0..=1.
    pub confidence: f32,
    /// The office, for `represents`.
    pub role: Option<String>,
}

impl Relation {
    /// Kept out of the default graph and of evaluation output.
    pub fn is_flagged(&self) -> bool {
        self.negated || self.hypothetical
    }
}

/// A resolved mention that can take part in a relation.
#[derive(Clone, Copy, Debug)]
struct Slot {
    entity: usize,
    kind: Kind,
    /// First token.
    t0: usize,
    /// Token after the last.
    t1: usize,
    start: usize,
    end: usize,
}

const BE: &[&str] = &["was", "were", "is", "are", "been", "being", "be"];
const LINKS: &[&str] = &["and", ",", "as well as", "&"];
const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "from", "for", "on", "about", "to", "into", "over", "under", "against", "by",
    "with",
];
/// How far (in tokens) a rule looks for its ends.
const REACH: usize = 14;

struct Ctx<'a> {
    text: &'a str,
    doc: &'a Doc,
    g: &'a Gazetteer,
    r: &'a Resolved,
    out: Vec<Relation>,
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        self.doc
            .tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }

    /// Slots joined by "and" or commas to the slot at `slots[i]`, going right.
    fn coordinated_right(&self, slots: &[Slot], i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut j = i;
        while j + 1 < slots.len() {
            let gap: Vec<String> = (slots[j].t1..slots[j + 1].t0)
                .map(|k| self.lower(k))
                .collect();
            let ok = !gap.is_empty()
                && gap.len() <= 4
                && gap.iter().all(|w| {
                    matches!(
                        w.as_str(),
                        "and" | "," | "the" | "as" | "well" | "along" | "with" | "&" | "or"
                    )
                })
                && gap
                    .iter()
                    .any(|w| matches!(w.as_str(), "and" | "," | "&" | "with" | "or"));
            if !ok {
                break;
            }
            j += 1;
            out.push(j);
        }
        out
    }

    /// Slots joined by "and" or commas to `slots[i]`, going left.
    fn coordinated_left(&self, slots: &[Slot], i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut j = i;
        while j > 0 {
            let gap: Vec<String> = (slots[j - 1].t1..slots[j].t0)
                .map(|k| self.lower(k))
                .collect();
            let ok = !gap.is_empty()
                && gap.len() <= 2
                && gap
                    .iter()
                    .all(|w| matches!(w.as_str(), "and" | "," | "the" | "&"))
                && gap.iter().any(|w| LINKS.contains(&w.as_str()));
            if !ok {
                break;
            }
            j -= 1;
            out.push(j);
        }
        out
    }

    /// Negation or modality between `from` and `to` (token indices).
    fn modality(&self, from: usize, to: usize) -> (bool, bool) {
        let (mut neg, mut hyp) = (false, false);
        for k in from..to {
            let w = self.lower(k);
            if w.ends_with("n't") || w.ends_with("n\u{2019}t") {
                neg = true;
            }
            match self.g.lexicon.modality.get(&w) {
                Some(Modality::Negation) => neg = true,
                Some(Modality::Hypothetical) => hyp = true,
                None => {}
            }
        }
        (neg, hyp)
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        a: Slot,
        edge: EdgeType,
        b: Slot,
        sentence: usize,
        cue: (usize, usize),
        flags: (bool, bool),
        confidence: f32,
    ) {
        if a.entity == b.entity || !allowed(edge, a.kind, b.kind) {
            return;
        }
        let (source, target) = if edge.is_symmetric()
            && self.r.entities[b.entity].key < self.r.entities[a.entity].key
        {
            (b, a)
        } else {
            (a, b)
        };
        let start = a.start.min(b.start).min(cue.0);
        let end = a.end.max(b.end).max(cue.1);
        self.out.push(Relation {
            source: source.entity,
            edge,
            target: target.entity,
            sentence,
            start,
            end,
            negated: flags.0,
            hypothetical: flags.1,
            confidence,
            role: None,
        });
    }
}

/// Which kinds an edge type may join.
fn allowed(edge: EdgeType, source: Kind, target: Kind) -> bool {
    use Kind::*;
    if source == Region && edge != EdgeType::MetWith {
        return false;
    }
    match edge {
        EdgeType::MetWith | EdgeType::CooperatesWith => source != Region && target != Region,
        EdgeType::Visited => {
            matches!(target, Region | State)
                && matches!(source, Person | State | Alliance | Organization)
        }
        EdgeType::Claims => {
            matches!(target, Region | State) && source != Person
                || (source == Person && target == Region)
        }
        EdgeType::MemberOf => matches!(target, Alliance | Organization) && source != Region,
        EdgeType::Accuses => target != Region,
        EdgeType::Represents => source == Person && target != Person,
        _ => true,
    }
}

fn confidence(base: f32, distance: usize) -> f32 {
    (base - 0.02 * distance.saturating_sub(3) as f32).max(0.3)
}

/// Extracts relations from one resolved article.
pub fn extract(text: &str, doc: &Doc, g: &Gazetteer, r: &Resolved) -> Vec<Relation> {
    let mut ctx = Ctx {
        text,
        doc,
        g,
        r,
        out: Vec::new(),
    };

    // Slots per sentence.
    let mut by_sentence: Vec<Vec<Slot>> = vec![Vec::new(); doc.sentences.len()];
    for (i, m) in r.mentions.iter().enumerate() {
        let Some(e) = r.entity_of[i] else { continue };
        if m.modifier_of.is_some() {
            continue;
        }
        let t0 = doc.token_at_or_after(m.start);
        let t1 = doc.token_at_or_after(m.span_end);
        if let Some(list) = by_sentence.get_mut(m.sentence) {
            list.push(Slot {
                entity: e,
                kind: r.entities[e].kind,
                t0,
                t1,
                start: m.start,
                end: m.span_end,
            });
        }
    }

    for (si, s) in doc.sentences.iter().enumerate() {
        let slots = &by_sentence[si];
        if slots.len() < 2 {
            continue;
        }
        let sentence_text = text.get(s.start..s.end).unwrap_or("");
        let cues: Vec<(usize, usize, Cue)> = g
            .lexicon
            .find_cues(sentence_text)
            .map(|(a, b, c)| (a + s.start, b + s.start, c.clone()))
            .collect();
        // Cues inside a mention ("Strait" in a name) are not cues.
        let cues: Vec<_> = cues
            .into_iter()
            .filter(|(a, b, _)| !slots.iter().any(|sl| sl.start < *b && *a < sl.end))
            .collect();
        let mut last_verb: Option<(usize, Vec<usize>)> = None; // (cue end token, subject slots)
        for (cs, ce, cue) in cues {
            let c0 = doc.token_at_or_after(cs);
            let c1 = doc.token_at_or_after(ce);
            let first_after = slots
                .iter()
                .position(|sl| sl.t0 >= c1 && sl.t0 < c1 + REACH && sl.t0 < s.last);
            let last_before = slots
                .iter()
                .rposition(|sl| sl.t1 <= c0 && sl.t1 + REACH > c0);
            match cue.form {
                CueForm::Between => {
                    let Some(f) = first_after.filter(|&f| slots[f].t0 <= c1 + 1) else {
                        continue;
                    };
                    let group = ctx.coordinated_right(slots, f);
                    let flags = ctx.modality(s.first, c0);
                    for (n, &a) in group.iter().enumerate() {
                        for &b in &group[n + 1..] {
                            ctx.emit(slots[a], cue.edge, slots[b], si, (cs, ce), flags, 0.75);
                        }
                    }
                }
                CueForm::PartOf => {
                    let Some(f) = first_after.filter(|&f| slots[f].t0 <= c1 + 1) else {
                        continue;
                    };
                    let claimant = slots[f];
                    for sl in slots
                        .iter()
                        .filter(|sl| sl.t1 <= c0 && sl.t1 + 3 * REACH > c0)
                    {
                        if matches!(sl.kind, Kind::Region) {
                            ctx.emit(
                                claimant,
                                EdgeType::Claims,
                                *sl,
                                si,
                                (cs, ce),
                                (false, false),
                                0.8,
                            );
                        }
                    }
                }
                CueForm::Verb | CueForm::Noun => {
                    let prev = c0
                        .checked_sub(1)
                        .filter(|&p| p >= s.first)
                        .map(|p| ctx.lower(p));
                    let passive = cue.form == CueForm::Verb
                        && prev.as_deref().is_some_and(|p| BE.contains(&p));
                    if passive {
                        // "X was attacked by Y"; an agentless passive names no source.
                        if ctx.lower(c1) != "by" {
                            continue;
                        }
                        let (Some(src), Some(tgt)) = (
                            slots
                                .iter()
                                .position(|sl| sl.t0 == c1 + 1 || sl.t0 == c1 + 2),
                            last_before,
                        ) else {
                            continue;
                        };
                        let flags = ctx.modality(slots[tgt].t1, c0);
                        ctx.emit(
                            slots[src],
                            cue.edge,
                            slots[tgt],
                            si,
                            (cs, ce),
                            flags,
                            confidence(0.75, c0 - slots[tgt].t1),
                        );
                        continue;
                    }
                    // The source: the possessor right before a nominal cue, else the
                    // nearest subject to the left (inherited across "and" from the
                    // previous verb when the nearest one was that verb's object).
                    let possessor = (cue.form == CueForm::Noun)
                        .then(|| {
                            slots.iter().position(|sl| {
                                sl.t1 + 1 == c0 && matches!(ctx.word(sl.t1), "'s" | "\u{2019}s")
                            })
                        })
                        .flatten();
                    let mut subjects: Vec<usize> = match possessor.or(last_before) {
                        Some(i) => {
                            let sl = slots[i];
                            let before = sl
                                .t0
                                .checked_sub(1)
                                .filter(|&p| p >= s.first)
                                .map(|p| ctx.lower(p));
                            let embedded = possessor.is_none()
                                && before.as_deref().is_some_and(|b| PREPOSITIONS.contains(&b));
                            let inherited = last_verb.as_ref().filter(|(vend, _)| {
                                *vend <= sl.t0 && (sl.t1..c0).any(|k| ctx.lower(k) == "and")
                            });
                            if let Some((_, subj)) = inherited {
                                subj.clone()
                            } else if embedded {
                                // "the leader of X condemned": skip back to a subject.
                                match slots[..i].iter().rposition(|o| {
                                    o.t1 + REACH > c0
                                        && !o.t0.checked_sub(1).is_some_and(|p| {
                                            p >= s.first
                                                && PREPOSITIONS.contains(&ctx.lower(p).as_str())
                                        })
                                }) {
                                    Some(j) => ctx.coordinated_left(slots, j),
                                    None => Vec::new(),
                                }
                            } else {
                                ctx.coordinated_left(slots, i)
                            }
                        }
                        None => Vec::new(),
                    };
                    subjects.sort_unstable();
                    let targets: Vec<usize> = match first_after {
                        Some(f) => {
                            // Nothing but modifiers between cue and target.
                            let gap = slots[f].t0 - c1;
                            if gap > 6 {
                                Vec::new()
                            } else {
                                ctx.coordinated_right(slots, f)
                            }
                        }
                        None => Vec::new(),
                    };
                    let flag_from = subjects
                        .iter()
                        .map(|&i| slots[i].t1)
                        .max()
                        .unwrap_or(s.first);
                    let flags = ctx.modality(flag_from.min(c0), c0);
                    let base = if cue.form == CueForm::Verb { 0.8 } else { 0.7 };
                    if targets.is_empty() {
                        // "A and B met": every pair of a symmetric verb's subjects.
                        if cue.edge.is_symmetric()
                            && cue.form == CueForm::Verb
                            && subjects.len() > 1
                        {
                            for (n, &a) in subjects.iter().enumerate() {
                                for &b in &subjects[n + 1..] {
                                    ctx.emit(
                                        slots[a],
                                        cue.edge,
                                        slots[b],
                                        si,
                                        (cs, ce),
                                        flags,
                                        0.7,
                                    );
                                }
                            }
                        }
                    } else {
                        for &a in &subjects {
                            for &b in &targets {
                                let dist =
                                    c0.saturating_sub(slots[a].t1) + slots[b].t0.saturating_sub(c1);
                                ctx.emit(
                                    slots[a],
                                    cue.edge,
                                    slots[b],
                                    si,
                                    (cs, ce),
                                    flags,
                                    confidence(base, dist),
                                );
                            }
                        }
                    }
                    if cue.form == CueForm::Verb && !subjects.is_empty() {
                        last_verb = Some((c1, subjects));
                    }
                }
            }
        }
    }

    // Offices from titles.
    for role in &r.roles {
        let m = &r.mentions[role.mention];
        let (start, end) = match &m.role {
            Some(cue) => (cue.start.min(m.start), cue.end.max(m.end)),
            None => (m.start, m.end),
        };
        let kind_of = r.entities[role.of].kind;
        if !allowed(EdgeType::Represents, Kind::Person, kind_of) {
            continue;
        }
        ctx.out.push(Relation {
            source: role.person,
            edge: EdgeType::Represents,
            target: role.of,
            sentence: m.sentence,
            start,
            end,
            negated: false,
            hypothetical: false,
            confidence: 0.9,
            role: Some(role.role.clone()),
        });
    }
    ctx.out
}
