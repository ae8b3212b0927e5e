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
    /// The rule that produced the edge: the cue as listed in
    /// `data/lexicon/cues.tsv` and the form it was read in ("met with/verb",
    /// "sanctions on/noun", "attacked/verb-passive"), or a named pass
    /// ("title", "evaluation", "alliance-member").
    pub rule: String,
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
    /// The first part of a compound ("Iran" in "Iran-backed"): it
    /// qualifies the next name and is neither subject nor object.
    compound: bool,
}

const BE: &[&str] = &["was", "were", "is", "are", "been", "being", "be"];
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
    /// The rule now being applied; every edge emitted carries it.
    rule: String,
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        self.doc
            .tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The lowercased word at `i`.
    fn lw(&self, i: usize) -> &str {
        self.doc.lower(i)
    }

    /// Slots joined by "and" or commas to the slot at `slots[i]`, going right.
    fn coordinated_right(&self, slots: &[Slot], i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut links: Vec<bool> = Vec::new();
        let mut j = i;
        while j + 1 < slots.len() {
            let gap: Vec<&str> = (slots[j].t1..slots[j + 1].t0).map(|k| self.lw(k)).collect();
            let ok = !gap.is_empty()
                && gap.len() <= 4
                && gap.iter().all(|w| {
                    matches!(
                        *w,
                        "and" | "," | "the" | "as" | "well" | "along" | "with" | "&" | "or"
                    )
                })
                && gap
                    .iter()
                    .any(|w| matches!(*w, "and" | "," | "&" | "with" | "or"));
            // "Russia and China's support to ...": China heads a new phrase.
            let next_possessive = matches!(self.word(slots[j + 1].t1), "'s" | "\u{2019}s");
            if !ok || next_possessive {
                break;
            }
            j += 1;
            out.push(j);
            links.push(gap.iter().any(|w| *w != "," && *w != "the"));
        }
        // A list ends with "and": "A, B and C". Items after the last "and"
        // joined by bare commas start a new clause ("Putin, Kremlin spokesman
        // Dmitry Peskov said").
        let keep = links.iter().rposition(|&and| and).map_or(1, |k| k + 2);
        out.truncate(keep);
        out
    }

    /// A participle that opens a phrase set off by commas ("the Alliance,
    /// made up of A and B, fought on"; "X, backed by Y, said"): what it
    /// names is not the clause's subject.
    fn opens_participle(&self, k: usize) -> bool {
        let word = self.word(k);
        let lower = self.lw(k);
        word.chars().next().is_some_and(char::is_lowercase)
            && (lower.ends_with("ed")
                || matches!(
                    lower,
                    "made" | "led" | "known" | "including" | "run" | "held" | "built"
                ))
    }

    /// Slots joined by "and" or commas to `slots[i]`, going left.
    fn coordinated_left(&self, slots: &[Slot], i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut j = i;
        while j > 0 {
            let gap: Vec<&str> = (slots[j - 1].t1..slots[j].t0).map(|k| self.lw(k)).collect();
            let ok = !gap.is_empty()
                && gap.len() <= 2
                && gap.iter().all(|w| matches!(*w, "and" | "," | "the" | "&"))
                && gap.iter().any(|w| matches!(*w, "and" | "," | "&"));
            if !ok {
                break;
            }
            j -= 1;
            out.push(j);
        }
        out
    }

    /// Negation or modality between `from` and `to` (token indices), the
    /// one place where every form decides whether its event is asserted.
    /// Words of `data/lexicon/negation.tsv` between the subject (`from`)
    /// and the cue (`to`) flag the event; a desire or purpose word anywhere
    /// in the cue's conjunct does too ("X wants Y to attack Z"), and so does
    /// a conditional clause ("if", "unless") anywhere before the cue.
    fn modality(&self, from: usize, to: usize) -> (bool, bool) {
        let (mut neg, mut hyp) = (false, false);
        let mut conjunct = from;
        if let Some(si) = self
            .doc
            .tokens
            .get(from)
            .and_then(|t| self.doc.sentence_of(t.start))
        {
            let first = self.doc.sentences[si].first;
            hyp |= (first..to).any(|k| matches!(self.lw(k), "if" | "unless"));
            conjunct = (first..to)
                .rev()
                .find(|&k| matches!(self.lw(k), "and" | "but" | ";"))
                .map_or(first, |k| k + 1)
                .min(from);
        }
        for k in conjunct..to {
            let w = self.lw(k);
            let inside = k >= from;
            if inside && (w.ends_with("n't") || w.ends_with("n\u{2019}t")) {
                neg = true;
            }
            match self.g.lexicon.modality.get(w) {
                Some(m) if !inside && !m.spans_clause() => {}
                Some(m) if m.negates() => neg = true,
                Some(_) => hyp = true,
                None => {}
            }
        }
        (neg, hyp)
    }

    /// `emit`, and the reverse edge too when `both_ways`.
    #[allow(clippy::too_many_arguments)]
    fn emit_pair(
        &mut self,
        a: Slot,
        edge: EdgeType,
        b: Slot,
        sentence: usize,
        cue: (usize, usize),
        flags: (bool, bool),
        confidence: f32,
        both_ways: bool,
    ) {
        self.emit(a, edge, b, sentence, cue, flags, confidence);
        if both_ways {
            self.emit(b, edge, a, sentence, cue, flags, confidence);
        }
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
        if a.entity == b.entity || !edge.joins(a.kind, b.kind) {
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
            rule: self.rule.clone(),
        });
    }
}

fn confidence(base: f32, distance: usize) -> f32 {
    (base - 0.02 * distance.saturating_sub(3) as f32).max(0.3)
}

/// Words that may not stand between a cue and its target: they open
/// another phrase ("strikes against energy infrastructure as evidence of Kiev").
const GAP_BLOCKERS: &[&str] = &[
    "of", "as", "for", "that", "which", "who", "to", "from", "in", "on", "at", "by", "with",
    "after", "before", "over", "about", "during", "while", "because", "but", "said", "says", ";",
    ":", "(", "\"", "\u{201c}", "\u{201d}", "against", "and", "or",
];

/// Who "they" and "he" are: the last pair that met and the last person
/// who acted, with the sentence where they were seen.
#[derive(Default)]
struct Discourse {
    pair: Option<(usize, usize, usize)>,
    person: Option<(usize, usize)>,
    /// Who carried out the last attacks, for "condemned the strikes".
    attackers: Option<(Vec<usize>, usize)>,
}

/// Nouns that name an attack already reported: "condemned the strikes".
const ATTACK_NOUNS: &[&str] = &[
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "raid",
    "raids",
    "invasion",
    "offensive",
    "shelling",
    "assault",
    "operation",
];

impl Ctx<'_> {
    /// The clause subject left of a cue: a possessor for nominals, else the
    /// nearest slot (skipping ones inside a prepositional phrase), joined
    /// with coordinated slots; else a pronoun resolved through `discourse`.
    #[allow(clippy::too_many_arguments)]
    fn subjects(
        &self,
        slots: &[Slot],
        s: &crate::text::Sentence,
        si: usize,
        c0: usize,
        cue: &Cue,
        last_verb: &Option<(usize, Vec<Slot>, Vec<usize>)>,
        discourse: &Discourse,
    ) -> Vec<Slot> {
        // "X's bombing of Y", and the adjective "Israeli strikes on Beirut".
        let possessor = (cue.form == CueForm::Noun)
            .then(|| {
                slots.iter().position(|sl| {
                    (sl.t1 + 1 == c0 && matches!(self.word(sl.t1), "'s" | "\u{2019}s"))
                        || (sl.t1 == c0 && !sl.compound)
                })
            })
            .flatten();
        // Skip a relative clause: "Russia, which is providing troops to X, condemned".
        let mut limit = c0;
        // Likewise an apposition: "Amos Hochstein, the U.S. envoy who ..., met".
        if c0 > s.first
            && self.word(c0 - 1) == ","
            && let Some(open) = (s.first..c0 - 1).rev().find(|&k| {
                self.word(k) == ","
                    && (matches!(self.lw(k + 1), "which" | "who")
                        || self.opens_participle(k + 1)
                        || slots.iter().any(|sl| sl.t1 == k && sl.kind == Kind::Person))
            })
        {
            limit = open;
        }
        let nearest = slots
            .iter()
            .rposition(|sl| sl.t1 <= limit && sl.t1 + REACH > limit && !sl.compound);
        // A pronoun between the nearest slot and the cue is the subject.
        let from = nearest
            .map(|i| slots[i].t1)
            .unwrap_or(s.first)
            .max(c0.saturating_sub(6))
            .max(s.first);
        if possessor.is_none() {
            for k in (from..c0).rev() {
                let w = self.lw(k);
                let prev = if k > s.first { self.lw(k - 1) } else { "" };
                let plural = w == "they"
                    || (matches!(w, "leaders" | "men" | "sides" | "presidents" | "countries")
                        && matches!(prev, "the" | "two" | "both"));
                let singular = matches!(w, "he" | "she");
                let t = self.doc.tokens[k];
                let at = |entity: usize| Slot {
                    entity,
                    kind: self.r.entities[entity].kind,
                    t0: k,
                    t1: k + 1,
                    start: t.start,
                    end: t.end,
                    compound: false,
                };
                if plural {
                    if let Some((a, b, seen)) = discourse.pair
                        && si <= seen + 3
                    {
                        return vec![at(a), at(b)];
                    }
                    return Vec::new();
                }
                if singular {
                    // "Orban visited Beijing, where he met Xi": the person who
                    // acted earlier in this sentence, else the last one before.
                    if let Some(p) = last_verb
                        .as_ref()
                        .and_then(|(_, subj, _)| subj.iter().find(|sl| sl.kind == Kind::Person))
                    {
                        return vec![at(p.entity)];
                    }
                    if let Some((p, seen)) = discourse.person
                        && si <= seen + 2
                    {
                        return vec![at(p)];
                    }
                    return Vec::new();
                }
            }
        }
        // The object of the sentence's earlier verb is not the subject of a
        // later nominal or infinitive ("Israel killed X in a strike on Beirut",
        // "Russia summoned the ambassador to protest ...").
        let infinitive = c0 > s.first && self.lw(c0 - 1) == "to";
        if possessor.is_none()
            && (cue.form == CueForm::Noun || infinitive)
            && let Some((vend, subj, objects)) = last_verb
            && nearest.is_none_or(|i| {
                slots[i].t0 >= *vend
                    && objects.contains(&slots[i].entity)
                    && !(slots[i].t1..c0).any(|k| {
                        matches!(self.lw(k), "its" | "their" | "his" | "her")
                            // "accused X of lending support": X acts.
                            || (self.lw(k) == "of" && self.lw(k + 1).ends_with("ing"))
                    })
            })
        {
            return subj.clone();
        }
        let Some(i) = possessor.or(nearest) else {
            return Vec::new();
        };
        let sl = slots[i];
        let before = sl
            .t0
            .checked_sub(1)
            .filter(|&p| p >= s.first)
            .map(|p| self.lw(p));
        // "support for Kyiv in its war with Russia": "its" points back at the
        // nearest name even inside a prepositional phrase.
        let pronoun_points_back =
            (sl.t1..c0).any(|k| matches!(self.lw(k), "its" | "their" | "his" | "her"));
        let embedded = possessor.is_none()
            && !pronoun_points_back
            && before.is_some_and(|b| PREPOSITIONS.contains(&b));
        if let Some((vend, subj, _)) = last_verb
            && *vend <= sl.t0
            && (sl.t1..c0).any(|k| self.lw(k) == "and")
        {
            return subj.clone();
        }
        let chosen = if embedded {
            // "the leader of X condemned": skip back to a subject.
            match slots[..i].iter().rposition(|o| {
                o.t1 + REACH > c0
                    && !o
                        .t0
                        .checked_sub(1)
                        .is_some_and(|p| p >= s.first && PREPOSITIONS.contains(&self.lw(p)))
            }) {
                Some(j) => j,
                None => return Vec::new(),
            }
        } else {
            i
        };
        let mut list: Vec<Slot> = self
            .coordinated_left(slots, chosen)
            .into_iter()
            .map(|k| slots[k])
            .collect();
        list.sort_by_key(|sl| sl.t0);
        list
    }

    /// Targets right of a cue: the first slot, close and with no phrase
    /// boundary between, and the slots coordinated with it.
    fn targets(&self, slots: &[Slot], c1: usize, cue: &Cue, max_gap: usize) -> Vec<Slot> {
        // "threatened to punish Spain": the threat's object follows its verb.
        let c1 = if cue.edge == EdgeType::Threatens && self.lw(c1) == "to" {
            c1 + 2
        } else {
            c1
        };
        let Some(mut f) = slots.iter().position(|sl| sl.t0 >= c1) else {
            return Vec::new();
        };
        // "condemned Iran-backed Houthi attacks": the head, not the qualifier;
        // "blamed the al-Qaeda-linked group" names no target at all.
        if slots[f].compound {
            if slots.get(f + 1).is_some_and(|n| n.t0 <= slots[f].t1 + 1) {
                f += 1;
            } else {
                return Vec::new();
            }
        }
        let gap = slots[f].t0 - c1;
        if gap > max_gap {
            return Vec::new();
        }
        let symmetric = cue.edge.is_symmetric();
        // "captured the town of Avdiivka": a place noun and "of" lead to the name.
        let gap_words: Vec<&str> = (c1..slots[f].t0).map(|k| self.lw(k)).collect();
        let place_of = gap_words.last().is_some_and(|w| *w == "of")
            && gap_words.iter().all(|w| {
                matches!(
                    *w,
                    "the"
                        | "of"
                        | "town"
                        | "city"
                        | "village"
                        | "port"
                        | "region"
                        | "province"
                        | "island"
                        | "islands"
                        | "capital"
                        | "strategic"
                        | "key"
                        | "frontline"
                        | "eastern"
                        | "western"
                        | "northern"
                        | "southern"
                        | "border"
                )
            });
        if place_of {
            return self
                .coordinated_right(slots, f)
                .into_iter()
                .map(|k| slots[k])
                .collect();
        }
        let visit = cue.edge == EdgeType::Visited;
        let blocked = (c1..slots[f].t0).any(|k| {
            let w = self.lw(k);
            // "met today with X"; "an official visit today in Washington".
            let allowed = (symmetric && w == "with") || (visit && matches!(w, "in" | "to"));
            GAP_BLOCKERS.contains(&w) && !allowed
        });
        if blocked {
            return Vec::new();
        }
        self.coordinated_right(slots, f)
            .into_iter()
            .map(|k| slots[k])
            .collect()
    }
}

/// "NATO member Turkey", "EU members France and Germany", "NATO allies
/// Poland and the Baltic states": the states named after an alliance and a
/// membership noun are its members.
fn alliance_members(ctx: &mut Ctx, slots: &[Slot], si: usize) {
    for (i, a) in slots.iter().enumerate() {
        if a.kind != Kind::Alliance {
            continue;
        }
        let mut k = a.t1;
        if ctx.lw(k) == "member"
            && matches!(ctx.lw(k + 1), "state" | "states" | "country" | "countries")
        {
            k += 1;
        }
        if !matches!(
            ctx.lw(k),
            "member" | "members" | "ally" | "allies" | "state" | "states" | "country" | "countries"
        ) {
            continue;
        }
        let Some(f) = slots[i + 1..]
            .iter()
            .position(|sl| sl.t0 == k + 1)
            .map(|p| p + i + 1)
        else {
            continue;
        };
        ctx.rule = "alliance-member".to_string();
        for m in ctx.coordinated_right(slots, f) {
            if slots[m].kind == Kind::State {
                let at = ctx.doc.tokens[k];
                ctx.emit(
                    slots[m],
                    EdgeType::MemberOf,
                    *a,
                    si,
                    (at.start, at.end),
                    (false, false),
                    0.8,
                );
            }
        }
    }
}

/// The targets of the first conflict cue after a threat (within ten words).
fn later_conflict_target(
    ctx: &Ctx,
    slots: &[Slot],
    cues: &[(usize, usize, &Cue)],
    threat_end: usize,
    threat_c1: usize,
) -> Vec<Slot> {
    for (cs, ce, cue) in cues {
        if *cs < threat_end || !cue.edge.is_conflict() || cue.edge == EdgeType::Threatens {
            continue;
        }
        let c0 = ctx.doc.token_at_or_after(*cs);
        if c0 > threat_c1 + 10 {
            break;
        }
        let c1 = ctx.doc.token_at_or_after(*ce);
        return ctx.targets(slots, c1, cue, 4);
    }
    Vec::new()
}

/// The speaker of a sentence with a speech verb, and the actor whose act
/// the speaker condemns with an evaluative word.
fn evaluation(ctx: &mut Ctx, slots: &[Slot], s: &crate::text::Sentence, si: usize) {
    let Some(v) = (s.first..s.last).find(|&k| {
        ctx.g
            .lexicon
            .verbs
            .get(ctx.lw(k))
            .is_some_and(|c| c == "speech")
    }) else {
        return;
    };
    // "X said" (also after a quote), or "..., said X".
    let speaker = slots
        .iter()
        .find(|sl| {
            sl.t1 == v
                && matches!(
                    sl.kind,
                    Kind::Person | Kind::State | Kind::Alliance | Kind::Organization
                )
        })
        .or_else(|| {
            let after_quote = v > s.first && matches!(ctx.word(v - 1), "," | "\"" | "\u{201d}");
            slots.iter().find(|sl| {
                after_quote && sl.t0 == v + 1 && matches!(sl.kind, Kind::Person | Kind::State)
            })
        });
    let Some(speaker) = speaker.copied() else {
        return;
    };
    for e in s.first..s.last {
        if !ctx.g.lexicon.evaluative.contains(ctx.lw(e)) {
            continue;
        }
        let negated = (e.saturating_sub(2).max(s.first)..e)
            .any(|k| matches!(ctx.lw(k), "not" | "no" | "never"));
        if negated {
            continue;
        }
        let target = slots.iter().rfind(|sl| {
            sl.t1 <= e
                && sl.t1 + 10 >= e
                && sl.entity != speaker.entity
                && !sl.compound
                && matches!(
                    sl.kind,
                    Kind::Person | Kind::State | Kind::Organization | Kind::Alliance
                )
        });
        // "Iran condemned the strikes, spokesman X said": X speaks for Iran.
        let own = |t: &Slot| {
            ctx.r
                .roles
                .iter()
                .any(|ro| ro.person == speaker.entity && ro.of == t.entity)
        };
        // Before the speech verb, the condemned actor is inside the quote;
        // outside it, the actor is the one who condemns ("Iran condemned
        // the strikes as a violation, spokesman X said").
        let quoted = |t: &Slot| {
            t.t0 > v || (s.first..t.t0).any(|k| matches!(ctx.word(k), "\"" | "\u{201c}"))
        };
        if let Some(t) = target.filter(|t| !own(t) && quoted(t)) {
            let at = ctx.doc.tokens[e];
            ctx.rule = "evaluation".to_string();
            ctx.emit(
                speaker,
                EdgeType::Opposes,
                *t,
                si,
                (at.start, at.end),
                (false, false),
                0.6,
            );
            return;
        }
    }
}

/// Extracts relations from one resolved article.
pub fn extract(text: &str, doc: &Doc, g: &Gazetteer, r: &Resolved) -> Vec<Relation> {
    extract_with_cues(text, doc, g, r, &g.lexicon.find_cues(text))
}

/// `extract`, with the article's cues already found (sorted by start).
pub fn extract_with_cues(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    r: &Resolved,
    all_cues: &[(usize, usize, &Cue)],
) -> Vec<Relation> {
    let mut ctx = Ctx {
        text,
        doc,
        g,
        r,
        out: Vec::new(),
        rule: String::new(),
    };

    // Slots per sentence; a slot starts at its title or qualifier
    // ("Russian President Vladimir Putin" is one slot).
    let mut by_sentence: Vec<Vec<Slot>> = vec![Vec::new(); doc.sentences.len()];
    for (i, m) in r.mentions.iter().enumerate() {
        let Some(e) = r.acting[i] else { continue };
        if m.modifier_of.is_some() {
            continue;
        }
        let mut start = m.start;
        if let Some(cue) = &m.role {
            if cue.start < start {
                start = cue.start;
            }
            if let Some(of) = cue.of.and_then(|o| r.mentions.get(o))
                && of.start < start
            {
                start = of.start;
            }
        }
        let t0 = doc.token_at_or_after(start);
        let t1 = doc.token_at_or_after(m.span_end);
        let mut after = text.get(m.span_end..).unwrap_or("").chars();
        // "Iran-backed", and "pro-Russian rebels", "anti-Western": qualifiers.
        let before = text.get(..m.start).unwrap_or("");
        let glued_after = |prefix: &str| {
            before.len() >= prefix.len()
                && before
                    .get(before.len() - prefix.len()..)
                    .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        };
        let compound = (after.next() == Some('-') && after.next().is_some_and(char::is_lowercase))
            || glued_after("pro-")
            || glued_after("anti-");
        if let Some(list) = by_sentence.get_mut(m.sentence) {
            list.push(Slot {
                entity: e,
                kind: r.entities[e].kind,
                t0,
                t1,
                start,
                end: m.span_end,
                compound,
            });
        }
    }

    for list in &mut by_sentence {
        list.sort_by_key(|sl| sl.t0);
    }

    let mut discourse = Discourse::default();
    for (si, s) in doc.sentences.iter().enumerate() {
        let slots = &by_sentence[si];
        let first = all_cues.partition_point(|c| c.0 < s.start);
        let last = all_cues.partition_point(|c| c.0 < s.end);
        let cues: Vec<(usize, usize, &Cue)> = all_cues[first..last]
            .iter()
            .filter(|(_, b, _)| *b <= s.end)
            .copied()
            // Cues inside a mention ("Strait" in a name) are not cues.
            .filter(|(a, b, _)| !slots.iter().any(|sl| sl.start < *b && *a < sl.end))
            .collect();
        let mut last_verb: Option<(usize, Vec<Slot>, Vec<usize>)> = None;
        let before = ctx.out.len();
        let mut cue_end_seen: Option<usize> = None;
        for &(cs, ce, cue) in &cues {
            let c0 = doc.token_at_or_after(cs);
            let last_cue_end = cue_end_seen;
            let mut c1 = doc.token_at_or_after(ce);
            let mut ce = ce;
            // "launched 600 drones at Ukraine": the cue's tail closes it.
            if let Some(tail) = &cue.tail {
                let Some(k) = (c1..(c1 + 8).min(s.last)).find(|&k| ctx.lw(k) == *tail) else {
                    continue;
                };
                c1 = k + 1;
                ce = doc.tokens[k].end;
            }
            cue_end_seen = Some(c1);
            ctx.rule = format!("{}/{}", cue.text, cue.form.as_str());
            if cue.form == CueForm::Agent {
                // "attacks from Russia", "bombings by Sudan": the agent follows;
                // the target is named after "on"/"against", else the subject.
                let Some(src) = slots.iter().find(|sl| sl.t0 >= c1 && sl.t0 <= c1 + 1) else {
                    continue;
                };
                let after_on = slots.iter().find(|sl| {
                    sl.t0 > src.t1
                        && sl.t0 <= src.t1 + 2
                        && matches!(ctx.lw(sl.t0 - 1), "on" | "against" | "targeting")
                });
                let subject = slots
                    .iter()
                    .rfind(|sl| sl.t1 <= c0 && sl.t1 + REACH > c0 && !sl.compound);
                if let Some(tgt) = after_on.or(subject) {
                    let flags = ctx.modality(s.first, c0);
                    ctx.emit(*src, cue.edge, *tgt, si, (cs, ce), flags, 0.65);
                }
                continue;
            }
            match cue.form {
                CueForm::Agent => {}
                CueForm::Members => {
                    // "The Three Brotherhood Alliance, made up of A, B and C".
                    let Some(group) = slots.iter().rposition(|sl| sl.t1 <= c0 && sl.t1 + 3 >= c0)
                    else {
                        continue;
                    };
                    let Some(f) = slots.iter().position(|sl| sl.t0 >= c1 && sl.t0 <= c1 + 1) else {
                        continue;
                    };
                    for m in ctx.coordinated_right(slots, f) {
                        ctx.emit(
                            slots[m],
                            cue.edge,
                            slots[group],
                            si,
                            (cs, ce),
                            (false, false),
                            0.75,
                        );
                    }
                }
                CueForm::Pair => {
                    // "U.S.-UK cooperation": two names joined by a hyphen right
                    // before the noun.
                    let Some(b) = slots.iter().position(|sl| sl.t1 == c0) else {
                        continue;
                    };
                    let Some(a) = b.checked_sub(1) else { continue };
                    let joined = text
                        .get(slots[a].end..slots[b].start)
                        .is_some_and(|g| g == "-" || g == "\u{2013}");
                    if joined {
                        let flags = ctx.modality(s.first, c0);
                        ctx.emit(slots[a], cue.edge, slots[b], si, (cs, ce), flags, 0.7);
                    }
                }
                CueForm::Suffix => {
                    // "Iran-backed Houthis": the source ends where the cue starts.
                    let (Some(a), Some(b)) = (
                        slots.iter().find(|sl| sl.end == cs),
                        slots.iter().find(|sl| sl.t0 >= c1 && sl.t0 <= c1 + 2),
                    ) else {
                        continue;
                    };
                    ctx.emit(*a, cue.edge, *b, si, (cs, ce), (false, false), 0.75);
                }
                CueForm::Between | CueForm::BetweenMutual => {
                    let Some(f) = slots.iter().position(|sl| sl.t0 >= c1 && sl.t0 <= c1 + 1) else {
                        continue;
                    };
                    let group = ctx.coordinated_right(slots, f);
                    let flags = ctx.modality(s.first, c0);
                    for (n, &a) in group.iter().enumerate() {
                        for &b in &group[n + 1..] {
                            let mutual = cue.form == CueForm::BetweenMutual;
                            ctx.emit_pair(
                                slots[a],
                                cue.edge,
                                slots[b],
                                si,
                                (cs, ce),
                                flags,
                                0.75,
                                mutual,
                            );
                        }
                    }
                }
                CueForm::PartOf => {
                    let Some(claimant) = slots.iter().find(|sl| sl.t0 >= c1 && sl.t0 <= c1 + 1)
                    else {
                        continue;
                    };
                    let claimant = *claimant;
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
                CueForm::Verb | CueForm::Noun | CueForm::Mutual => {
                    let prev = c0
                        .checked_sub(1)
                        .filter(|&p| p >= s.first)
                        .map(|p| ctx.lw(p));
                    // "X was attacked by Y", and the participle "X, backed by Y".
                    // A cue that ends in a preposition ("is headed to") is active.
                    let last = ctx.lw(c1.saturating_sub(1));
                    let ends_in_preposition = matches!(
                        last,
                        "to" | "in" | "at" | "with" | "on" | "into" | "of" | "for"
                    );
                    // "has been sharply criticised by": an adverb may stand between.
                    let be_before = prev.is_some_and(|p| BE.contains(&p))
                        || (prev.is_some_and(|p| p.ends_with("ly"))
                            && c0 >= s.first + 2
                            && BE.contains(&ctx.lw(c0 - 2)));
                    // A participle ("X, backed by Y") follows its noun directly.
                    let participle = ctx.lw(c1) == "by"
                        && cue.tail.is_none()
                        && slots
                            .iter()
                            .any(|sl| sl.t1 == c0 || (sl.t1 + 1 == c0 && ctx.word(sl.t1) == ","));
                    let passive = cue.form != CueForm::Noun
                        && ((!ends_in_preposition && be_before) || participle);
                    if passive {
                        ctx.rule.push_str("-passive");
                        // "X was attacked by Y"; an agentless passive names no source.
                        if ctx.lw(c1) != "by" {
                            continue;
                        }
                        let (Some(src), Some(tgt)) = (
                            slots
                                .iter()
                                .position(|sl| sl.t0 == c1 + 1 || sl.t0 == c1 + 2),
                            slots
                                .iter()
                                .rposition(|sl| sl.t1 < c0 && sl.t1 + REACH > c0),
                        ) else {
                            continue;
                        };
                        // "Natanz and Isfahan were targeted by Israel and the United States".
                        let sources = ctx.coordinated_right(slots, src);
                        let targets = ctx.coordinated_left(slots, tgt);
                        let flags = ctx.modality(slots[tgt].t1, c0);
                        let conf = confidence(0.75, c0 - slots[tgt].t1);
                        for &a in &sources {
                            for &b in &targets {
                                ctx.emit(slots[a], cue.edge, slots[b], si, (cs, ce), flags, conf);
                            }
                        }
                        continue;
                    }
                    // "their talks", "their meeting": the two parties of the sentence.
                    if cue.form == CueForm::Noun && cue.edge.is_symmetric() && prev == Some("their")
                    {
                        ctx.rule.push_str("-their");
                        let mut parties: Vec<Slot> = Vec::new();
                        for sl in slots.iter().filter(|sl| sl.t1 <= c0) {
                            if matches!(sl.kind, Kind::Person | Kind::State)
                                && !parties.iter().any(|p| p.entity == sl.entity)
                            {
                                parties.push(*sl);
                            }
                        }
                        if parties.len() >= 2 {
                            let flags = ctx.modality(parties[1].t1, c0);
                            ctx.emit(parties[0], cue.edge, parties[1], si, (cs, ce), flags, 0.65);
                        }
                        continue;
                    }
                    // "condemned threats against X": a nominal that is the object
                    // of the verb right before it has an agent the text does not name.
                    let object_of_verb = cue.form == CueForm::Noun && last_cue_end == Some(c0);
                    let subjects = if object_of_verb {
                        Vec::new()
                    } else {
                        ctx.subjects(slots, s, si, c0, cue, &last_verb, &discourse)
                    };
                    let max_gap = if cue.form == CueForm::Noun { 3 } else { 4 };
                    let targets = ctx.targets(slots, c1, cue, max_gap);
                    // Negation stays in its own conjunct: "would not accept X and
                    // accused Y" does not negate the accusation.
                    let conjunct = (s.first..c0)
                        .rev()
                        .find(|&k| matches!(ctx.lw(k), "and" | "but" | ";"))
                        .map_or(s.first, |k| k + 1);
                    let flag_from = subjects
                        .iter()
                        .map(|sl| sl.t1)
                        .max()
                        .unwrap_or(s.first)
                        .max(conjunct);
                    let mut flags = ctx.modality(flag_from.min(c0), c0);
                    // "any attack on X", "an armed attack on X would invoke ...":
                    // an indefinite conflict nominal is not an event.
                    let indefinite = (c0.saturating_sub(2).max(s.first)..c0)
                        .map(|k| ctx.lw(k))
                        .find(|w| matches!(*w, "a" | "an" | "any"));
                    let modal_after = (c1..s.last).any(|k| {
                        ctx.g.lexicon.modality.get(ctx.lw(k)) == Some(&Modality::Hypothetical)
                    });
                    if cue.form == CueForm::Noun
                        && cue.edge.is_conflict()
                        && (indefinite == Some("any") || (indefinite.is_some() && modal_after))
                    {
                        flags.1 = true;
                    }
                    let mut targets = targets;
                    // "Iran condemned the strikes": the attackers reported before.
                    if targets.is_empty()
                        && matches!(cue.edge, EdgeType::Opposes | EdgeType::Accuses)
                        && cue.form == CueForm::Verb
                        && matches!(ctx.lw(c1), "the" | "these" | "those" | "this")
                        && ATTACK_NOUNS.contains(&ctx.lw(c1 + 1))
                        && let Some((attackers, seen)) = &discourse.attackers
                        && si <= seen + 2
                    {
                        let at = doc.tokens.get(c1 + 1).copied();
                        if let Some(t) = at {
                            ctx.rule.push_str("-event-anaphora");
                            targets = attackers
                                .iter()
                                .map(|&e| Slot {
                                    entity: e,
                                    kind: r.entities[e].kind,
                                    t0: c1 + 1,
                                    t1: c1 + 2,
                                    start: t.start,
                                    end: t.end,
                                    compound: false,
                                })
                                .collect();
                        }
                    }
                    // "warned that it would strike X", "threatened to impose
                    // sanctions on X": the threat's target is the later act's.
                    // "exchanged fire along the Line of Control": a mutual act
                    // is between parties, never with a place.
                    if cue.form == CueForm::Mutual {
                        targets.retain(|t| t.kind != Kind::Region);
                    }
                    if targets.is_empty()
                        && cue.edge == EdgeType::Threatens
                        && cue.form == CueForm::Verb
                    {
                        let later = later_conflict_target(&ctx, slots, &cues, ce, c1);
                        if !later.is_empty() {
                            ctx.rule.push_str("-threatened-act");
                        }
                        targets.extend(later);
                    }
                    let base = if cue.form == CueForm::Noun { 0.7 } else { 0.8 };
                    let both_ways = cue.form == CueForm::Mutual;
                    if targets.is_empty() {
                        // "A and B met": every pair of a symmetric verb's subjects.
                        if (cue.edge.is_symmetric() || both_ways) && cue.form != CueForm::Noun {
                            for (n, a) in subjects.iter().enumerate() {
                                for b in &subjects[n + 1..] {
                                    ctx.emit_pair(
                                        *a,
                                        cue.edge,
                                        *b,
                                        si,
                                        (cs, ce),
                                        flags,
                                        0.7,
                                        both_ways,
                                    );
                                }
                            }
                        }
                    } else {
                        for a in &subjects {
                            for b in &targets {
                                let dist = c0.saturating_sub(a.t1) + b.t0.saturating_sub(c1);
                                let conf = confidence(base, dist);
                                ctx.emit_pair(
                                    *a,
                                    cue.edge,
                                    *b,
                                    si,
                                    (cs, ce),
                                    flags,
                                    conf,
                                    both_ways,
                                );
                            }
                        }
                    }
                    if cue.form != CueForm::Noun && !subjects.is_empty() {
                        let objects = targets.iter().map(|t| t.entity).collect();
                        last_verb = Some((c1, subjects, objects));
                    }
                }
            }
        }
        // "NATO member Turkey", "fellow EU members France and Germany".
        alliance_members(&mut ctx, slots, si);

        // "Carney said North Korea's action was a threat": a speaker who
        // condemns a named actor's act opposes the actor.
        evaluation(&mut ctx, slots, s, si);

        // Remember who met, and who last acted, for "they" and "he" later.
        for rel in &ctx.out[before..] {
            if matches!(rel.edge, EdgeType::MetWith | EdgeType::CooperatesWith) && !rel.is_flagged()
            {
                discourse.pair = Some((rel.source, rel.target, si));
            }
        }
        let attackers: Vec<usize> = ctx.out[before..]
            .iter()
            .filter(|rel| rel.edge == EdgeType::Attacks && !rel.is_flagged())
            .map(|rel| rel.source)
            .fold(Vec::new(), |mut acc, e| {
                if !acc.contains(&e) {
                    acc.push(e);
                }
                acc
            });
        if !attackers.is_empty() {
            discourse.attackers = Some((attackers, si));
        }
        let acting_person = ctx.out[before..]
            .iter()
            .map(|rel| rel.source)
            .chain(slots.iter().map(|sl| sl.entity))
            .find(|&e| r.entities[e].kind == Kind::Person);
        if let Some(p) = acting_person {
            discourse.person = Some((p, si));
        }
    }

    // Two cues can find the same edge in the same words ("provision of
    // weapons to"): keep one occurrence per span.
    let mut seen = std::collections::HashSet::new();
    ctx.out
        .retain(|r| seen.insert((r.source, r.edge, r.target, r.start, r.end, r.is_flagged())));

    // Offices from titles.
    for role in &r.roles {
        let m = &r.mentions[role.mention];
        let (start, end) = match &m.role {
            Some(cue) => (cue.start.min(m.start), cue.end.max(m.end)),
            None => (m.start, m.end),
        };
        let kind_of = r.entities[role.of].kind;
        if !EdgeType::Represents.joins(Kind::Person, kind_of) {
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
            rule: "title".to_string(),
        });
    }
    ctx.out
}
