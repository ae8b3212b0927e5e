//! Finds relations between resolved entities: cue rules from
//! `data/lexicon/cues.tsv` read in active, passive, nominal, coordinated
//! and "between" forms, titles for `represents`, with negation and
//! hypotheticals flagged.
//!
//! Invariants: an edge never joins an entity to itself; every edge carries
//! the sentence and byte span that support it; symmetric edges are emitted
//! with their ends in key order.

use crate::discourse::{self, Mechanism, Mechanisms, Memory, Reference};
use crate::gazetteer::{Cue, CueForm, EntityIdx, Gazetteer, Modality};
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
    /// Read from the headline: `sentence`, `start` and `end` are then
    /// offsets into the headline, not the body.
    pub headline: bool,
    /// The office, for `represents`.
    pub role: Option<String>,
    /// The rule that produced the edge: the cue as listed in
    /// `data/lexicon/cues.tsv` and the form it was read in ("met with/verb",
    /// "sanctions on/noun", "attacked/verb-passive"), or a named pass
    /// ("title", "evaluation", "alliance-member").
    pub rule: String,
    /// How an end that the sentence does not name was resolved
    /// (`"the Secretary" -> Antony Blinken`, by mechanism "title").
    pub via: Option<Via>,
}

/// How a reference that does not name its entity was resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Via {
    /// The mechanism that resolved it.
    pub mechanism: Mechanism,
    /// `"the Secretary" -> Antony Blinken`.
    pub text: String,
}

/// A resolved edge is less sure than a named one: its confidence is the
/// rule's times this.
pub const RESOLVED_CONFIDENCE: f32 = 0.75;

impl Relation {
    /// Marks the edge as resting on a resolved reference: it says how, and
    /// its confidence drops by [`RESOLVED_CONFIDENCE`].
    fn resolved_by(&mut self, mechanism: Mechanism, text: String) {
        self.confidence *= RESOLVED_CONFIDENCE;
        self.via = Some(Via { mechanism, text });
    }

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
    /// Set when the slot is a reference resolved by a mechanism ("the
    /// Secretary", "he"): the mechanism and the referring phrase's span.
    via: Option<(Mechanism, usize, usize)>,
}

/// Whether an event is asserted: the one result of `Ctx::modality`, carried
/// by every edge a pass emits.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Modal {
    /// "did not meet", "lifted the sanctions on".
    negated: bool,
    /// "could meet", "wants to attack".
    hypothetical: bool,
    /// Under a condition ("if", "unless") before or after the cue: a
    /// sanction so promised is a threat.
    conditional: bool,
}

impl Modal {
    /// Stated as fact.
    const ASSERTED: Modal = Modal {
        negated: false,
        hypothetical: false,
        conditional: false,
    };
}

const BE: &[&str] = &["was", "were", "is", "are", "been", "being", "be"];

/// Irregular past forms of verbs that often open or go on a predicate
/// ("met", "held talks"); regular ones end in "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "met", "spoke", "held", "sent", "told", "took", "made", "led", "won", "fought", "struck",
];
/// Articles and possessive determiners that open a noun phrase.
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];
/// Modal auxiliaries before a verb group ("it must be signed").
const MODALS: &[&str] = &[
    "must", "will", "would", "can", "could", "should", "may", "might", "shall",
];
const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "from", "for", "on", "about", "to", "into", "over", "under", "against", "by",
    "with",
];
/// Dashes that set off an apposition ("we—A, B and C—met").
const DASHES: &[&str] = &["\u{2014}", "\u{2013}", "--"];
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
    /// The discourse mechanisms that may resolve references.
    on: Mechanisms,
    /// Byte spans of the article's titles (`data/lexicon/titles.tsv`), in
    /// order.
    titles: Vec<(usize, usize)>,
    /// The author of a statement the headline opens (see [`Memory`]).
    author: Option<usize>,
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

    /// The first of the "-ly" adverbs right before token `k`, not before
    /// token `floor` (`k` itself when none): "would swiftly fight".
    fn adverbs_before(&self, k: usize, floor: usize) -> usize {
        let mut k = k;
        while k > floor && self.lw(k - 1).ends_with("ly") {
            k -= 1;
        }
        k
    }

    /// Whether tokens `from..to` may stand between a hyphen-joined pair and
    /// its noun (see `read_pair`): at most four words, each capitalised or a
    /// pair modifier, and at most one parenthesised name of `slots`.
    fn pair_gap(&self, slots: &[Slot], from: usize, to: usize) -> bool {
        if to - from > 6 {
            return false;
        }
        let mut k = from;
        let mut words = 0;
        while k < to {
            if self.word(k) == "(" {
                let Some(sl) = slots.iter().find(|sl| sl.t0 == k + 1) else {
                    return false;
                };
                if self.word(sl.t1) != ")" || sl.t1 >= to {
                    return false;
                }
                k = sl.t1 + 1;
                continue;
            }
            let w = self.word(k);
            // "the U.S.-Japan Leaders' Summit": a possessive mark after a
            // capitalised word belongs to it.
            if matches!(w, "'" | "\u{2019}") && k > from {
                k += 1;
                continue;
            }
            let capital = w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic);
            if !(capital || self.g.lexicon.pair_modifiers.contains(self.lw(k))) {
                return false;
            }
            words += 1;
            k += 1;
        }
        words <= 4
    }

    /// "the U.S.-China meeting was cancelled", "the talks have been
    /// postponed": a negation word (`data/lexicon/negation.tsv`) right after
    /// the cue noun's auxiliary undoes the event the noun names.
    fn undone_after(&self, c1: usize) -> bool {
        let mut k = c1;
        let mut aux = false;
        while k < c1 + 3
            && matches!(
                self.lw(k),
                "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "be"
            )
        {
            aux = true;
            k += 1;
        }
        aux && matches!(
            self.g.lexicon.modality.get(self.lw(k)),
            Some(Modality::Negation)
        )
    }

    /// Whether "to", at most two adverbs and an act of stopping
    /// (`data/lexicon/demands.tsv`) start at token `k`: "to immediately
    /// halt".
    fn demand_act_after(&self, k: usize) -> bool {
        if self.lw(k) != "to" {
            return false;
        }
        let mut v = k + 1;
        while v < k + 3 && (self.lw(v).ends_with("ly") || matches!(self.lw(v), "also" | "now")) {
            v += 1;
        }
        if self.g.lexicon.demand_acts.contains(self.lw(v)) {
            return true;
        }
        // "to abide by its obligations ... and cease its provocative
        // behavior", "to do their utmost to de-escalate tensions": a later
        // verb of the same demand, after "and" or "to", in the clause.
        // ("to take joint action to urge the military to end the violence":
        // a demand of its own, made of someone else, ends this one.)
        (v + 1..v + 16)
            .take_while(|&q| {
                !(matches!(self.word(q), "." | ";" | ":" | "")
                    || self.g.lexicon.demand_cues.contains(self.lw(q))
                    || matches!(self.lw(q), "urge" | "press"))
            })
            .any(|q| {
                matches!(self.lw(q - 1), "and" | "to")
                    && self.g.lexicon.demand_acts.contains(self.lw(q))
            })
    }

    /// Whether token `k` is a speech verb ("said", "stated").
    fn speech_at(&self, k: usize) -> bool {
        self.g
            .lexicon
            .verbs
            .get(self.lw(k))
            .is_some_and(|c| c == "speech")
    }

    /// The token after a title that starts at token `k`, if one does.
    fn title_end(&self, k: usize) -> Option<usize> {
        let start = self.doc.tokens.get(k)?.start;
        let i = self.titles.partition_point(|&(s, _)| s < start);
        let &(s, end) = self.titles.get(i)?;
        let after = self.doc.token_at_or_after(end);
        // The title ends where a token does ("Chair-in-Office" is no "Chair").
        let whole = after > 0 && self.doc.tokens[after - 1].end == end;
        (s == start && whole).then_some(after)
    }

    /// "the ASEAN Secretary General", "the Indian Foreign Minister": a
    /// title right after a name, with no name of its holder after it; the
    /// token after the title.
    fn unnamed_holder_after(&self, slots: &[Slot], sl: Slot) -> Option<usize> {
        let end = self.title_end(sl.t1)?;
        let named = slots.iter().any(|n| n.t0 == end && n.kind == Kind::Person)
            || self.word(end).starts_with(char::is_uppercase);
        (!named).then_some(end)
    }

    /// Whether the slot opens an "X-led" compound ("the UN-led process").
    fn led_compound(&self, sl: Slot) -> bool {
        sl.compound
            && self
                .text
                .get(sl.end..)
                .is_some_and(|t| t.starts_with("-led") || t.starts_with("\u{2013}led"))
    }

    /// "the group", "the militant group": a description of
    /// `data/lexicon/descriptions.tsv` ending at token `k`, after "the";
    /// the token of "the" and the kind it refers to.
    fn description_at(&self, k: usize) -> Option<(usize, Kind)> {
        let d = &self.g.lexicon.descriptions;
        if k >= 1
            && self.lw(k - 1) == "the"
            && let Some(&kind) = d.get(self.lw(k))
        {
            return Some((k - 1, kind));
        }
        (k >= 2 && self.lw(k - 2) == "the")
            .then(|| d.get(&format!("{} {}", self.lw(k - 1), self.lw(k))))
            .flatten()
            .map(|&kind| (k - 2, kind))
    }

    /// A slot for `entity` resolved from the word at token `k` (a pronoun,
    /// "the strikes", "retaliate") by `mechanism`, whose phrase opens at
    /// byte `from`.
    fn reference_slot(&self, entity: usize, k: usize, mechanism: Mechanism, from: usize) -> Slot {
        let t = self.doc.tokens[k];
        Slot {
            entity,
            kind: self.r.entities[entity].kind,
            t0: k,
            t1: k + 1,
            start: t.start,
            end: t.end,
            compound: false,
            via: Some((mechanism, from, t.end)),
        }
    }

    /// The one entity of `kind` named last before token `before`: earlier
    /// in this sentence, else in the nearest of the two sentences before
    /// that names any; none when that sentence names two.
    fn described(
        &self,
        slots: &[Slot],
        si: usize,
        before: usize,
        kind: Kind,
        discourse: &Discourse,
    ) -> Option<usize> {
        // None when no name is there; the one name, else none, when some are.
        let one = |names: Vec<usize>| match names.as_slice() {
            [] => None,
            [e] => Some(Some(*e)),
            _ => Some(None),
        };
        let here = distinct(
            slots
                .iter()
                .filter(|sl| sl.t1 <= before && sl.kind == kind && !sl.compound && sl.via.is_none())
                .map(|sl| sl.entity),
        );
        if let Some(found) = one(here) {
            return found;
        }
        for back in 1..=2 {
            let earlier = si.checked_sub(back)?;
            let named = distinct(
                discourse
                    .named
                    .iter()
                    .filter(|&&(s, _, k)| s == earlier && k == kind)
                    .map(|&(_, e, _)| e),
            );
            if let Some(found) = one(named) {
                return found;
            }
        }
        None
    }

    /// Whether sentence `s` opens inside a quote whose opening mark the
    /// splitter left with the sentence before ("We condemn X. \"We support
    /// Y,\" Z said.").
    fn quote_opened(&self, s: &crate::text::Sentence) -> bool {
        s.first > 0
            && matches!(self.word(s.first - 1), "\"" | "\u{201c}")
            && self.doc.tokens[s.first - 1].end == self.doc.tokens[s.first].start
    }

    /// Whether the token at `i` is the possessive "'s".
    fn possessive_at(&self, i: usize) -> bool {
        // "the United States' support": a bare apostrophe after a plural.
        matches!(self.word(i), "'s" | "\u{2019}s")
            || (matches!(self.word(i), "'" | "\u{2019}")
                && i > 0
                && self.word(i - 1).ends_with('s')
                && self.doc.tokens[i - 1].end == self.doc.tokens[i].start)
    }

    /// `"meeting" of A, B, C`: how a meeting of several, named by the word
    /// at token `k`, joined its `parties`.
    fn parties_via(&self, k: usize, parties: &[Slot]) -> String {
        let names: Vec<&str> = parties
            .iter()
            .map(|p| self.r.entities[p.entity].name.as_str())
            .collect();
        format!("\"{}\" of {}", self.word(k), names.join(", "))
    }

    /// The slots of the list that `slots[i]` opens, going right.
    fn list_right(&self, slots: &[Slot], i: usize) -> Vec<Slot> {
        self.coordinated_right(slots, i)
            .into_iter()
            .map(|k| slots[k])
            .collect()
    }

    /// Slots joined by "and" or commas to the slot at `slots[i]`, going right.
    fn coordinated_right(&self, slots: &[Slot], i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut links: Vec<bool> = Vec::new();
        let mut j = i;
        loop {
            // "A (MC&M), B (IGG), and C": a short parenthesis after a name
            // (its short form) belongs to it.
            // "the EU High Commissioner and the Indian Foreign Minister": an
            // unnamed holder's title belongs to the body's name.
            let mut end = self
                .unnamed_holder_after(slots, slots[j])
                .unwrap_or(slots[j].t1);
            if self.word(end) == "("
                && let Some(close) = (end + 1..end + 6).find(|&k| self.word(k) == ")")
            {
                end = close + 1;
            }
            // "A, Commander, U.S. Indo-Pacific Command and B": a person's
            // office in apposition is no item; the list goes on after it.
            if slots[j].kind == Kind::Person
                && let Some(and) = apposed_office(self, slots, end)
            {
                let Some(and) = and else { break };
                end = and;
            }
            let Some(mut n) = (j + 1..slots.len()).find(|&n| slots[n].t0 >= end) else {
                break;
            };
            // "Netanyahu and energy minister Yuval Steinitz, Greek prime
            // minister Kyriakos Mitsotakis": in a list of people, the next
            // person's title (after the adjective of its state) stands
            // between the separator and the name, and the list goes on.
            let mut title_from = None;
            if slots[j].kind == Kind::Person {
                let after_sep = (end..slots[n].t0)
                    .rfind(|&k| matches!(self.lw(k), "and" | "," | ";" | "the"))
                    .map(|k| k + 1);
                // "energy minister": up to two lowercase words (a
                // portfolio) before the title, which may open the name's
                // own mention.
                let titled = |t0: usize, name: usize| {
                    let portfolio = |k: usize| {
                        k <= t0 + 2
                            && (t0..k).all(|q| {
                                self.word(q).chars().all(|c| c.is_ascii_lowercase())
                                    && !GAP_BLOCKERS.contains(&self.lw(q))
                            })
                    };
                    (portfolio(name) && self.title_end(name).is_some())
                        || (t0..name).any(|k| self.title_end(k) == Some(name) && portfolio(k))
                };
                if let Some(t0) = after_sep {
                    if slots[n].kind == Kind::Person && titled(t0, slots[n].t0) {
                        title_from = Some(t0);
                    } else if t0 == slots[n].t0
                        && slots[n].kind == Kind::State
                        && let Some(p) = slots.get(n + 1)
                        && p.kind == Kind::Person
                        && titled(slots[n].t1, p.t0)
                    {
                        title_from = Some(t0);
                        n += 1;
                    }
                }
            }
            let gap_end = title_from.unwrap_or(slots[n].t0);
            let gap: Vec<&str> = (end..gap_end).map(|k| self.lw(k)).collect();
            // "A along with B", "A together with B"; a bare "with" joins no
            // list ("Putin's aggression against Ukraine with US support").
            // "met with A, then with B", "with A and later with B": a
            // repeated preposition after "then"/"later" goes on the list.
            let later = |w: &str| matches!(w, "then" | "later" | "subsequently" | "afterwards");
            // ("then with Iranian drones struck X": an adjective before a
            // noun is no item.)
            let item_ends = !self
                .word(slots[n].t1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
                || matches!(
                    self.lw(slots[n].t1),
                    "and" | "on" | "in" | "at" | "to" | "for"
                );
            let continued = gap.len() >= 2
                && gap.last() == Some(&"with")
                && later(gap[gap.len() - 2])
                && item_ends;
            let bare_with = gap.contains(&"with")
                && !continued
                && !gap.iter().any(|w| matches!(*w, "along" | "together"));
            // "wife Polina, daughter Lyubov, and son Pavel": relatives listed
            // with the noun that says how they are related.
            let relatives = slots[j].kind == Kind::Person && slots[n].kind == Kind::Person;
            // "Rome and Matera, Italy", "A, Zagros Arya, and B": an item the
            // gazetteer does not know (up to four capitalised words between
            // separators) is passed over, and the list goes on.
            let caps: Vec<usize> = (0..gap.len())
                .filter(|&g| {
                    self.word(end + g).starts_with(char::is_uppercase)
                        && !matches!(gap[g], "and" | "the" | "as" | "or")
                })
                .collect();
            let separator = |g: usize| matches!(gap.get(g), Some(&("and" | "," | ";" | "or")));
            let unknown_item = match (caps.first(), caps.last()) {
                (Some(&a), Some(&b)) => {
                    b - a + 1 == caps.len()
                        && caps.len() <= 4
                        && a > 0
                        && separator(a - 1)
                        && separator(b + 1)
                }
                _ => false,
            };
            let ok = !gap.is_empty()
                && gap.len() <= if unknown_item { 8 } else { 4 }
                && !bare_with
                && gap.iter().enumerate().all(|(g, w)| {
                    (relatives && g + 1 == gap.len() && self.g.lexicon.person_nouns.contains(*w))
                        || (unknown_item && caps.contains(&g))
                        || (continued && later(w))
                        || matches!(
                            *w,
                            "and"
                                | ","
                                | ";"
                                | "the"
                                | "as"
                                | "well"
                                | "along"
                                | "together"
                                | "with"
                                | "&"
                                | "or"
                        )
                })
                && gap
                    .iter()
                    .any(|w| matches!(*w, "and" | "," | ";" | "&" | "with" | "or"));
            // "Russia and China's support to ...": China heads a new phrase.
            let next_possessive = self.possessive_at(slots[n].t1);
            // "condemned Russia, and Germany praised Poland": after ", and"
            // a name with its own verb opens a new clause. ("attacks
            // against Jizan, Najran, and Jeddah continued": after two or
            // more names joined by bare commas, ", and" is the list's serial
            // comma; after "A and B" it opens a clause.)
            let new_clause = self.opens_clause(end, slots[n])
                && (out.len() == 1 || links.iter().any(|&l| l) || self.word(end) == ";");
            if !ok || next_possessive || new_clause {
                break;
            }
            // "Matera, Italy", "Tallinn, Estonia": a place and its country.
            let place_of_state =
                gap == [","] && slots[j].kind == Kind::Region && slots[n].kind == Kind::State;
            j = n;
            out.push(j);
            links.push(place_of_state || gap.iter().any(|w| *w != "," && *w != "the"));
        }
        // A list ends with "and" (or ";"): "A, B and C". Items after the last "and"
        // joined by bare commas start a new clause ("Putin, Kremlin spokesman
        // Dmitry Peskov said").
        // ("Jizan, Najran, and Dhahran": the list's last item may be a name
        // the gazetteer does not know.)
        let last_end = slots[j].t1;
        let mut k = last_end;
        if self.word(k) == "," {
            k += 1;
        }
        let unknown_last = self.lw(k) == "and"
            && self.word(k + 1).starts_with(char::is_uppercase)
            && !slots.iter().any(|sl| sl.t0 == k + 1);
        let keep = if unknown_last && links.iter().all(|&l| !l) {
            out.len()
        } else {
            links.iter().rposition(|&and| and).map_or(1, |k| k + 2)
        };
        out.truncate(keep);
        out
    }

    /// ", and" at token `k`, then `next` with its own verb: a new clause
    /// ("condemned Russia, and Germany praised Poland"), not a list item.
    fn opens_clause(&self, k: usize, next: Slot) -> bool {
        // "rebels seize Damascus; Israel moves into ...": after a semicolon
        // any lowercase word but "and"/"or" after the name is its verb.
        let after = self.word(next.t1);
        let semicolon = self.word(k) == ";"
            && after.starts_with(char::is_lowercase)
            && after.chars().all(char::is_alphabetic)
            && !matches!(after, "and" | "or");
        semicolon || (self.word(k) == "," && self.lw(k + 1) == "and" && self.predicate_at(next.t1))
    }

    /// The word at `k` is a verb that opens a predicate: a speech or act
    /// verb of `data/lexicon/verbs.tsv`, an auxiliary, or a lowercase past
    /// form ("praised").
    fn predicate_at(&self, k: usize) -> bool {
        let w = self.word(k);
        let lower = self.lw(k);
        w.starts_with(char::is_lowercase)
            && (self.g.lexicon.verbs.contains_key(lower)
                || BE.contains(&lower)
                || matches!(
                    lower,
                    "will" | "would" | "has" | "have" | "had" | "also" | "said"
                )
                || (lower.len() > 4 && lower.ends_with("ed")))
    }

    /// "welcomes the decision by Japan to impose sanctions": the slot is the
    /// agent after "by" right before the infinitive at `c0`, and so does it.
    /// ("Blinken was invited by Macron to visit": after a passive's "by",
    /// the patient does it.)
    fn agent_of_infinitive(&self, sl: &Slot, s: &crate::text::Sentence, c0: usize) -> bool {
        let adjacent = sl.t1 + 1 == c0
            || (sl.t1 + 2 == c0 && matches!(self.lw(sl.t1), "government" | "authorities"));
        let mut k = sl.t0;
        if k > s.first && self.lw(k - 1) == "the" {
            k -= 1;
        }
        adjacent
            && k >= s.first + 2
            && self.lw(k - 1) == "by"
            && !self.lw(k - 2).ends_with("ed")
            && !(k.saturating_sub(5).max(s.first)..k - 1).any(|j| BE.contains(&self.lw(j)))
    }

    /// The slot is the object of an infinitive: "to eliminate (the) X".
    fn infinitive_object(&self, sl: &Slot, s: &crate::text::Sentence) -> bool {
        let mut k = sl.t0;
        if k > s.first && matches!(self.lw(k - 1), "the" | "a" | "an") {
            k -= 1;
        }
        k >= s.first + 2
            && self.lw(k - 2) == "to"
            && self.lw(k - 1) != "to"
            && self.word(k - 1).chars().all(|c| c.is_ascii_lowercase())
            && !PREPOSITIONS.contains(&self.lw(k - 1))
    }

    /// Tokens `from..to` (between two commas) are a noun phrase that
    /// describes the name before them: "a close ally of Russia", "Russia's
    /// closest ally", "Hezbollah's main patron" (an article, or a name's
    /// possessive, then lowercase words, with at most one name after "of").
    fn described_apposition(&self, slots: &[Slot], from: usize, to: usize) -> bool {
        if to <= from + 1 || to - from > 8 {
            return false;
        }
        let rest = if matches!(self.lw(from), "a" | "an") {
            from + 1
        } else if let Some(sl) = slots
            .iter()
            .find(|sl| sl.t0 == from && !sl.compound && self.possessive_at(sl.t1))
        {
            sl.t1 + 1
        } else {
            return false;
        };
        let mut k = rest;
        while k < to && self.word(k).chars().all(|c| c.is_ascii_lowercase()) {
            if self.g.lexicon.verbs.contains_key(self.lw(k)) || BE.contains(&self.lw(k)) {
                return false;
            }
            k += 1;
        }
        if k == to {
            return k > rest;
        }
        // "a close ally of Russia": one name after "of", ending the phrase.
        k > rest
            && self.lw(k - 1) == "of"
            && slots
                .iter()
                .any(|sl| (sl.t0 == k || (sl.t0 == k + 1 && self.lw(k) == "the")) && sl.t1 == to)
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

    /// Tokens `from..to` are only adjectives of a nominal, with commas and
    /// "and" between them ("premeditated, unprovoked, and unjustified"):
    /// lowercase words that are not function words or verbs, at most six.
    fn only_modifiers(&self, from: usize, to: usize) -> bool {
        to >= from
            && to - from <= 6
            && (from..to).all(|k| {
                let w = self.lw(k);
                let word = self.word(k);
                matches!(w, "," | "and")
                    // "Russia's Unprovoked and Unjustified Attack" in a headline.
                    || self.g.lexicon.evaluative.contains(w)
                    // "al-Shabaab's May 3 attack", "Russia's 2022 invasion":
                    // a date.
                    || (word.len() <= 4 && word.chars().all(|c| c.is_ascii_digit()))
                    || MONTHS.contains(&word)
                    || (word.chars().next().is_some_and(char::is_lowercase)
                        && word.chars().all(|c| c.is_alphabetic() || c == '-')
                        && !PREPOSITIONS.contains(&w)
                        && !GAP_BLOCKERS.contains(&w)
                        // "Yemen's neighbors, including recent attacks":
                        // "including" opens a phrase of its own.
                        && !matches!(
                            w,
                            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "including"
                        )
                        && !self.g.lexicon.verbs.contains_key(w)
                        && !self.g.lexicon.modality.contains_key(w))
            })
    }

    /// A word of a title written out in capitals ("Director of the Office
    /// of the Foreign Affairs Commission", "Armenian acting Prime
    /// Minister"): a capitalised word, a title's modifier, or "for", "of",
    /// "the", "and".
    fn title_chain_word(&self, k: usize) -> bool {
        let w = self.word(k);
        (w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
            || matches!(w, "for" | "of" | "the" | "and")
            || self.g.lexicon.title_modifiers.contains(self.lw(k))
    }

    /// "U.S. Special Representative for Afghanistan Reconciliation
    /// Ambassador Zalmay Khalilzad": when the name at `slots[f]` is no
    /// person and capitalised title words (with "for", "of", "the", "and"
    /// between them and other names inside) lead from it to a person within
    /// sixteen tokens, that person's index.
    fn titled_person_after(&self, slots: &[Slot], f: usize) -> Option<usize> {
        let sl = slots[f];
        if sl.kind == Kind::Person
            || self.possessive_at(sl.t1)
            || !(self.word(sl.t1).starts_with(char::is_uppercase)
                || self.g.lexicon.title_modifiers.contains(self.lw(sl.t1)))
            || slots.get(f + 1).is_some_and(|n| n.t0 == sl.t1)
        {
            return None;
        }
        let mut k = sl.t1;
        let mut i = f + 1;
        while k < sl.t1 + 16 {
            if let Some(n) = slots.get(i).filter(|n| n.t0 == k) {
                if n.kind == Kind::Person {
                    return Some(i);
                }
                k = n.t1;
                i += 1;
                continue;
            }
            let w = self.word(k);
            // "Armenian acting Prime Minister Nikol Pashinyan".
            // "U.S. Navy Adm. John Aquilino": an abbreviated rank's dot.
            let abbreviation_dot = w == "."
                && k > sl.t1
                && self.word(k - 1).len() <= 4
                && self.word(k - 1).starts_with(char::is_uppercase);
            if !(self.title_chain_word(k) || abbreviation_dot) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The slot of the statement's author ([`Memory`]'s `author`) in the
    /// headline, for a nominal at token `c0` after the headline's "on":
    /// when the author is named before "on" and no person or possessive
    /// stands between "on" and the nominal.
    fn statement_author(
        &self,
        slots: &[Slot],
        s: &crate::text::Sentence,
        c0: usize,
    ) -> Option<Slot> {
        let author = self.author.filter(|_| s.first == 0)?;
        let on = (s.first..c0).find(|&k| self.lw(k) == "on")?;
        let slot = slots.iter().find(|sl| sl.entity == author && sl.t1 <= on)?;
        // ("on Call with President Zelenskyy and Additional Security
        // Assistance to Ukraine": a person before an "and" belongs to the
        // nominal before.)
        let clear = !slots.iter().any(|sl| {
            sl.t0 > on
                && sl.t0 < c0
                && sl.kind == Kind::Person
                && !(sl.t1..c0).any(|k| self.lw(k) == "and")
        }) && !(on + 1..c0).any(|k| self.possessive_at(k));
        clear.then_some(*slot)
    }

    /// Whether `w` (lowercase) names a meeting in
    /// `data/lexicon/gatherings.tsv` ("summit", "meetings"), not one of the
    /// words that only lead to or join its parties.
    fn gathering_noun(&self, w: &str) -> bool {
        matches!(
            self.g.lexicon.gatherings.get(w).map(String::as_str),
            Some("gathering" | "separate")
        )
    }

    /// "unwavering commitment to (continue) supporting": between `from`
    /// (after a possessor) and the cue at `c0`, modifiers, a commitment
    /// noun, "to" and at most "continue"/"keep" before the cue.
    fn commitment_before(&self, from: usize, c0: usize) -> bool {
        let mut k = c0;
        if k > from && matches!(self.lw(k - 1), "continue" | "keep") {
            k -= 1;
        }
        k >= from + 2
            && self.lw(k - 1) == "to"
            && matches!(
                self.lw(k - 2),
                "commitment"
                    | "determination"
                    | "resolve"
                    | "pledge"
                    | "readiness"
                    | "willingness"
                    | "efforts"
                    | "intention"
            )
            && self.only_modifiers(from, k - 2)
    }

    /// Whether the name at token `p` follows the people who act for it:
    /// "the foreign ministers of", "senior officials from", "the heads of
    /// state and government of" (nouns of `data/lexicon/delegates.txt`).
    fn delegated_at(&self, p: usize) -> bool {
        // "officials from the World Food Programme": a determiner stands
        // before the name.
        let p = if p > 2 && self.lw(p - 1) == "the" {
            p - 1
        } else {
            p
        };
        if p < 2 || !matches!(self.lw(p - 1), "of" | "from") {
            return false;
        }
        for k in (p.saturating_sub(6)..p - 1).rev() {
            let w = self.lw(k);
            if self.g.lexicon.delegates.contains(w) {
                return true;
            }
            if !matches!(w, "state" | "government" | "and" | "of") {
                return false;
            }
        }
        false
    }

    /// "After talks with the leaders of France and Germany, Biden
    /// condemned": the comma right before `slots[j]` closes a phrase that
    /// opens the sentence with a preposition or a subordinator, so the
    /// names before it are no co-subjects. Commas inside that phrase may
    /// only join a place to its state ("In Paris, France, ...").
    fn fronted_before(&self, slots: &[Slot], j: usize) -> bool {
        let comma = slots[j].t0.saturating_sub(1);
        let Some(si) = self
            .doc
            .tokens
            .get(comma)
            .and_then(|t| self.doc.sentence_of(t.start))
        else {
            return false;
        };
        let first = self.doc.sentences[si].first;
        let opener = PREPOSITIONS.contains(&self.lw(first))
            || matches!(
                self.lw(first),
                "after"
                    | "during"
                    | "following"
                    | "before"
                    | "since"
                    | "while"
                    | "when"
                    | "as"
                    | "amid"
                    | "despite"
                    | "ahead"
            );
        opener
            && self.word(comma) == ","
            && (first..comma).all(|k| {
                self.word(k) != ","
                    || (slots.iter().any(|sl| sl.t1 == k) && slots.iter().any(|sl| sl.t0 == k + 1))
            })
    }

    /// The first token of the amount that ends right before token `c0`
    /// ("more than 4 million doses of"); `c0` itself when none does.
    fn amount_start(&self, s: &crate::text::Sentence, c0: usize) -> usize {
        let mut k = c0;
        while k > s.first && {
            let w = self.lw(k - 1);
            w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    w,
                    "$" | "million"
                        | "billion"
                        | "thousand"
                        | "more"
                        | "than"
                        | "over"
                        | "nearly"
                        | "almost"
                        | "about"
                        | "of"
                        | "doses"
                        | "tons"
                )
        } {
            k -= 1;
        }
        k
    }

    /// Whether the slot lies inside a prepositional phrase that opens the
    /// sentence and closes at its first comma, before the cue at `c0`
    /// ("From the United Kingdom, ..."). Narrower than `fronted_before`:
    /// only place and time prepositions ("On behalf of the United States, I
    /// congratulate" names the agent; "Under Secretary X" is a title), and
    /// no clause with a verb ("Since Putin launched his war, ...").
    fn inside_fronted_phrase(&self, s: &crate::text::Sentence, sl: &Slot, c0: usize) -> bool {
        let opener = matches!(
            self.lw(s.first),
            "from" | "in" | "at" | "during" | "after" | "following" | "before"
        );
        opener
            && (s.first + 1..c0)
                .find(|&k| self.word(k) == ",")
                .is_some_and(|q| {
                    sl.t1 <= q
                        && (s.first + 1..q).all(|k| {
                            let w = self.lw(k);
                            let past = w.ends_with("ed") && self.word(k) == w;
                            !self.g.lexicon.verbs.contains_key(w) && !past
                        })
                })
    }

    /// Slots joined by "and" or commas to `slots[i]`, going left. A name
    /// inside a prepositional phrase joined by a bare comma is not in the
    /// list ("During their trip to Paraguay, Nuland and the delegation").
    fn coordinated_left(&self, slots: &[Slot], i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut j = i;
        let mut joined = false;
        while j > 0 {
            let mut gap: Vec<&str> = (slots[j - 1].t1..slots[j].t0).map(|k| self.lw(k)).collect();
            // "A and Chief Operating Officer B will travel": a title that
            // gives its name no body stands before it like a determiner.
            // ("A and Prosper Africa Acting Chief Operating Officer B": a
            // title's modifiers and the capitalised words of a body no
            // name covers stand with it.)
            if let Some(mut k) =
                (slots[j - 1].t1..slots[j].t0).find(|&k| self.title_end(k) == Some(slots[j].t0))
            {
                while k > slots[j - 1].t1 + 1
                    && (self.g.lexicon.title_modifiers.contains(self.lw(k - 1))
                        || (self.word(k - 1).starts_with(char::is_uppercase)
                            && self.doc.tokens[k - 1].word))
                {
                    k -= 1;
                }
                gap.truncate(k - slots[j - 1].t1);
            }
            // "Prime Minister Kishida and the Government of Japan": the
            // people acting for the right name join like the name.
            if self.delegated_at(slots[j].t0)
                && let Some(d) = gap
                    .iter()
                    .rposition(|w| self.g.lexicon.delegates.contains(*w))
            {
                let mut keep = d;
                while keep > 0
                    && gap[keep - 1] != "and"
                    && gap[keep - 1] != ","
                    && gap[keep - 1].chars().all(|c| c.is_alphabetic())
                {
                    keep -= 1;
                }
                gap.truncate(keep);
            }
            // "France, along with Germany and Italy, condemned": the names
            // after "along with", "together with" or "as well as" act with
            // the one before.
            let accompanied = accompanying(&gap);
            let ok = accompanied
                || (!gap.is_empty()
                    && gap.len() <= 3
                    && gap.iter().all(|w| matches!(*w, "and" | "," | "the" | "&"))
                    && gap.iter().any(|w| matches!(*w, "and" | "," | "&")));
            let comma_only = !accompanied && !gap.iter().any(|w| matches!(*w, "and" | "&"));
            let mut p = slots[j - 1].t0;
            if p > 0 && self.lw(p - 1) == "the" {
                p -= 1;
            }
            // "the foreign ministers of A, B and C": after a noun of
            // `data/lexicon/delegates.txt` the list is one group.
            let delegated = self.delegated_at(p) && (joined || !comma_only);
            let embedded = p > 0 && PREPOSITIONS.contains(&self.lw(p - 1)) && !delegated;
            // "Macron condemned Russia, and Germany praised": the name before
            // ", and" is the object of another clause's verb.
            let object = gap.first() == Some(&",")
                && gap.contains(&"and")
                && p > 0
                && self.word(p - 1).starts_with(char::is_lowercase)
                && !matches!(self.lw(p - 1), "and" | "or" | "both" | "between")
                && !PREPOSITIONS.contains(&self.lw(p - 1));
            // "including Iraq and Syria, and the Secretary commended": after
            // "A and B", ", and" opens a new clause (in a list it is the
            // serial comma after bare commas: "A, B, and C").
            let after_pair = gap.first() == Some(&",")
                && gap.contains(&"and")
                && j >= 2
                && (slots[j - 2].t1..slots[j - 1].t0).any(|k| self.lw(k) == "and");
            // ("led by A, B, and C visited": a list that ends in "and" goes
            // on past bare commas after "by" or "with".)
            let listed_after = joined
                && p > 0
                && matches!(self.lw(p - 1), "by" | "with")
                && !slots[j - 1].compound
                && !slots[j].compound;
            if !ok
                || (comma_only && embedded && !listed_after)
                || object
                || after_pair
                || (comma_only && self.fronted_before(slots, j))
            {
                break;
            }
            joined |= !comma_only;
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
    fn modality(&self, from: usize, to: usize) -> Modal {
        let (mut neg, mut hyp, mut conditional) = (false, false, false);
        let mut conjunct = from;
        if let Some(si) = self
            .doc
            .tokens
            .get(from)
            .and_then(|t| self.doc.sentence_of(t.start))
        {
            let (first, last) = (self.doc.sentences[si].first, self.doc.sentences[si].last);
            // "if", "unless", and the inverted "should it invade".
            let condition = (first..last).find(|&k| {
                matches!(self.lw(k), "if" | "unless")
                    || (self.lw(k) == "should"
                        && k > from
                        && (matches!(self.lw(k + 1), "it" | "they" | "he" | "she")
                            || self.word(k + 1).starts_with(char::is_uppercase)))
            });
            hyp |= condition.is_some_and(|k| k < to);
            conditional = condition.is_some();
            conjunct = (first..to)
                .rev()
                .find(|&k| matches!(self.lw(k), "and" | "but" | ";"))
                .map_or(first, |k| k + 1)
                .min(from);
        }
        for k in conjunct..to {
            let w = self.lw(k);
            let inside = k >= from;
            // "will not waver in its support": a negated hesitation asserts.
            let hesitation = matches!(
                self.g.lexicon.modality.get(self.lw(k + 1)),
                Some(Modality::Hesitation)
            );
            if inside && (w.ends_with("n't") || w.ends_with("n\u{2019}t")) && !hesitation {
                neg = true;
            }
            // "an immediate end to fighting", "a halt to bombardments": a
            // reversal word used as a noun calls for an end to an event that
            // is going on.
            let determined = |j: usize| j >= conjunct && matches!(self.lw(j), "a" | "an" | "the");
            let as_noun = (k >= 1 && determined(k - 1)) || (k >= 2 && determined(k - 2));
            // "X is not only attacking Y": "not only" adds, it does not deny.
            let not_only = w == "not" && self.lw(k + 1) == "only";
            // "I want to thank X", "we would like to congratulate Y": a wish
            // that performs the speech act it names.
            let performed = |j: usize| {
                matches!(
                    self.g.lexicon.modality.get(self.lw(j)),
                    Some(Modality::Performative)
                )
            };
            let performs = (self.lw(k + 1) == "to" && performed(k + 2))
                || (matches!(self.lw(k + 1), "like" | "wish")
                    && self.lw(k + 2) == "to"
                    && performed(k + 3));
            // "advised against travel to Y", "argued against new sanctions
            // on Y": "against" warns only about the cue it governs, not
            // about a later one ("attacks against X as well as attacks on
            // Y", "its campaign against X, including strikes on Y").
            let governs = |j: usize| {
                let mut f = j + 1;
                if f < to && matches!(self.lw(f), "the" | "a" | "an" | "any" | "further") {
                    f += 1;
                }
                self.only_modifiers(f, to)
            };
            // "the May 2022 summit", "on 5 May": the month, not the verb.
            let month = w == "may"
                && self.word(k) == "May"
                && (self.word(k + 1).starts_with(|c: char| c.is_ascii_digit())
                    || (k > 0 && self.word(k - 1).starts_with(|c: char| c.is_ascii_digit()))
                    || matches!(
                        k.checked_sub(1).map_or("", |j| self.lw(j)),
                        "in" | "since"
                            | "until"
                            | "of"
                            | "early"
                            | "late"
                            | "mid"
                            | "last"
                            | "next"
                            | "this"
                    ));
            // "spoke with hope following a meeting": after "with" the word
            // is a manner noun, not a modal.
            let manner = k > conjunct && self.lw(k - 1) == "with";
            // "called for dialogue between A and B", "urged new sanctions on
            // Y": a call for the nominal right after it.
            let exhorts = |j: usize| {
                let call = matches!(w, "call" | "calls" | "called");
                (!call || self.lw(j + 1) == "for") && governs(j + usize::from(call))
            };
            match self.g.lexicon.modality.get(w) {
                _ if not_only || hesitation || performs || month => {}
                Some(Modality::Exhortation) if exhorts(k) => hyp = true,
                Some(Modality::Exhortation) => {}
                Some(Modality::Hypothetical) if manner => {}
                Some(Modality::Warning) if !governs(k) => {}
                Some(Modality::Hesitation | Modality::Performative) => {}
                Some(Modality::Reversal) if as_noun => {}
                Some(m) if !inside && !m.spans_clause() => {}
                Some(m) if m.negates() => neg = true,
                Some(_) => hyp = true,
                None => {}
            }
        }
        Modal {
            negated: neg,
            hypothetical: hyp,
            conditional,
        }
    }

    /// `emit` for a cue hit in a clause: the cue's edge type, the clause's
    /// sentence and the hit's span.
    fn emit_hit(
        &mut self,
        a: Slot,
        b: Slot,
        cl: &Clause,
        hit: &CueHit,
        flags: Modal,
        confidence: f32,
    ) {
        self.emit(a, hit.cue.edge, b, cl.si, hit.span(), flags, confidence);
    }

    /// The meetings `pairs` (see `meeting_pairs`), each a `met-with`.
    fn emit_meetings(
        &mut self,
        pairs: &[(Slot, Slot)],
        sentence: usize,
        cue: (usize, usize),
        flags: Modal,
    ) {
        for &(a, b) in pairs {
            self.emit(a, EdgeType::MetWith, b, sentence, cue, flags, 0.7);
        }
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
        flags: Modal,
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
        flags: Modal,
        confidence: f32,
    ) {
        if a.entity == b.entity || !edge.joins(a.kind, b.kind) {
            return;
        }
        // A threat is about what may come: a condition or a future does not
        // make it hypothetical, and a sanction promised under a condition is
        // a threat (ONTOLOGY: "warned of further sanctions if ..."); a
        // negation still flags either.
        let asserted_threat = Modal {
            hypothetical: false,
            ..flags
        };
        let (edge, flags) = match edge {
            EdgeType::Sanctions if flags.conditional && !flags.negated => {
                (EdgeType::Threatens, asserted_threat)
            }
            EdgeType::Threatens => (edge, asserted_threat),
            _ => (edge, flags),
        };
        // An official does not meet, cooperate with, support or oppose the
        // body they serve ("Nuland and the U.S. delegation discussed ...",
        // "I applaud the Congress" in the President's statement).
        let serves =
            |p: usize, of: usize| self.r.roles.iter().any(|ro| ro.person == p && ro.of == of);
        if edge != EdgeType::Represents
            && (serves(a.entity, b.entity) || serves(b.entity, a.entity))
        {
            return;
        }
        // "Americans proudly claim Italian heritage", "Iranian assistance is
        // received by the Houthis": a state's adjective before a noun of no
        // person or body is no claimed place and no party to a meeting.
        if matches!(edge, EdgeType::Claims | EdgeType::MetWith)
            && (self.attributive(a) || self.attributive(b))
        {
            return;
        }
        // A state does not visit its own places ("the French Legion of
        // Honour, received during a visit to Paris").
        if edge == EdgeType::Visited
            && a.kind == Kind::State
            && self.r.entities[b.entity].known.is_some_and(|place| {
                Some(place) == self.r.entities[a.entity].known
                    || self.r.entities[a.entity]
                        .known
                        .is_some_and(|state| within(self.g, place).any(|p| p == state))
            })
        {
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
        let via = a.via.or(b.via).map(|(mechanism, s, e)| {
            let entity = if a.via.is_some() { a.entity } else { b.entity };
            (mechanism, discourse::via(self.text, s, e, self.r, entity))
        });
        self.out.push(Relation {
            source: source.entity,
            edge,
            target: target.entity,
            sentence,
            start,
            end,
            negated: flags.negated,
            hypothetical: flags.hypothetical,
            confidence,
            headline: false,
            role: None,
            rule: self.rule.clone(),
            via: None,
        });
        if let (Some((mechanism, text)), Some(rel)) = (via, self.out.last_mut()) {
            rel.resolved_by(mechanism, text);
        }
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

/// Words after a fight verb that open no object of it ("fought on",
/// "fought each other", "fought side by side"); prepositions and
/// `GAP_BLOCKERS` open none either.
const NO_OBJECT: &[&str] = &[
    "since",
    "each",
    "one",
    "again",
    "back",
    "until",
    "alongside",
    "near",
    "around",
    "across",
    "throughout",
    "side",
    "together",
    "when",
    "along",
];

/// Who "they" and "he" are: the last pair that met and the last person
/// who acted, with the sentence where they were seen.
#[derive(Default)]
struct Discourse {
    pair: Option<(usize, usize, usize)>,
    person: Option<(usize, usize)>,
    /// Who carried out the last attacks, for "condemned the strikes".
    attackers: Option<(Vec<usize>, usize)>,
    /// Who last launched or tested a weapon, for "condemned the launch".
    launchers: Option<(Vec<usize>, usize)>,
    /// Who last threatened with drills or exercises, for "condemned the
    /// drills".
    drillers: Option<(Vec<usize>, usize)>,
    /// The parties to the last meeting of several, for "the participants",
    /// "the four countries", and (when they met jointly) "they": the
    /// parties, the sentence, and whether they met jointly.
    group: Option<(Vec<usize>, usize, bool)>,
    /// The group before that, for "the four countries" when the last
    /// meeting had another number of parties.
    earlier_group: Option<(Vec<usize>, usize, bool)>,
    /// Who "we" are in a joint statement that opens "We, the G7 Foreign
    /// Ministers" or "We, the leaders of A, B and C": the body, else the
    /// states listed. Outside quotation marks it wins over the publisher.
    we: Option<Vec<usize>>,
    /// The last list that opened a sentence as its subject ("Germany,
    /// France and Britain condemned ..."), for "they" and "the three
    /// European powers": the names, the sentence, and the token after the
    /// list.
    subjects: Option<(Vec<usize>, usize, usize)>,
    /// The names of the last few sentences, for "the group": the
    /// sentence, the entity and its kind.
    named: Vec<(usize, usize, Kind)>,
    /// Who leads the delegation the article announced ("Under Secretary
    /// Nuland will travel ... with an interagency delegation"), for "the
    /// delegation will meet with X".
    delegation: Option<usize>,
    /// The last sentence where "the delegation" acted: a "they" after it
    /// is the delegation, not the pair it met.
    delegation_acted: Option<usize>,
    /// The person whose call or meeting the headline names ("Readout of
    /// President Biden's Call with Transatlantic Leaders"): the one the
    /// participants of "the call" joined.
    host: Option<Slot>,
}

impl Discourse {
    /// A new meeting of several parties; the one before is kept.
    fn set_group(&mut self, parties: Vec<usize>, si: usize, jointly: bool) {
        let same = |g: &(Vec<usize>, usize, bool)| g.0 == parties;
        if self.group.as_ref().is_some_and(same) {
            self.group = Some((parties, si, jointly));
        } else if let Some(old) = self.group.replace((parties, si, jointly)) {
            self.earlier_group = Some(old);
        }
    }
}

/// Words that may stand between a subject and its verb: auxiliaries,
/// modals and a few adverbs ("the group also attacked", "the junta has
/// accused").
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "shall",
    "should",
    "also",
    "then",
    "again",
    "later",
    "already",
    "reportedly",
    "not",
    "n't",
    "previously",
    "since",
];

/// Nouns that name a weapons launch or test already reported: "condemned
/// the launch".
const LAUNCH_NOUNS: &[&str] = &["launch", "launches", "test", "tests"];

/// Nouns of a show of force already reported as a threat: "condemned the
/// drills".
const DRILL_NOUNS: &[&str] = &["drills", "exercises", "maneuvers", "manoeuvres"];

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
    "aggression",
];

impl Ctx<'_> {
    /// Whether token `k` is a noun of violent acts
    /// (`data/lexicon/strikes.txt`), or its plural.
    fn strike_noun(&self, k: usize) -> bool {
        let w = self.lw(k);
        self.g.lexicon.strikes.contains(w)
            || self.g.lexicon.strikes.contains(w.trim_end_matches('s'))
    }

    /// "Israel launched an airstrike that killed X", "the Department
    /// subsequently launched, an airstrike that killed X": for an attack
    /// verb in a relative clause whose antecedent (ending before token
    /// `end`) is a noun of violent acts (`data/lexicon/strikes.txt`) after
    /// "a", "an" or "the", the state, group or person right before the
    /// verb that made it (`data/lexicon/launch_verbs.txt`; at most four
    /// lowercase words or commas between, none of them a clause break).
    fn strike_launcher(
        &self,
        slots: &[Slot],
        s: &crate::text::Sentence,
        cue: &Cue,
        end: usize,
    ) -> Option<Slot> {
        if cue.form != CueForm::Verb || cue.edge != EdgeType::Attacks || end < s.first + 4 {
            return None;
        }
        if !self.strike_noun(end - 1) || !matches!(self.lw(end - 2), "a" | "an" | "the") {
            return None;
        }
        let det = end - 2;
        let mut k = det;
        let mut launched = false;
        while k > s.first && det - k < 4 {
            if let Some(sl) = slots.iter().find(|sl| sl.t1 == k) {
                let actor = matches!(sl.kind, Kind::State | Kind::Organization | Kind::Person);
                return (actor && !sl.compound && launched).then_some(*sl);
            }
            launched |= self.g.lexicon.launch_verbs.contains(self.lw(k - 1));
            let w = self.word(k - 1);
            let lower = w.chars().all(|c| c.is_ascii_lowercase());
            if !(w == "," || lower) || GAP_BLOCKERS.contains(&self.lw(k - 1)) {
                return None;
            }
            k -= 1;
        }
        None
    }

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
        // ("sent troops to Libya in support of X": a nominal that opens
        // with a preposition has no word before it in its phrase.)
        let opens_with_preposition = cue
            .text
            .split_whitespace()
            .next()
            .is_some_and(|w| PREPOSITIONS.contains(&w));
        let possessor = (cue.form == CueForm::Noun)
            .then(|| {
                slots.iter().position(|sl| {
                    let possessive = self.possessive_at(sl.t1);
                    // "Russia's premeditated, unprovoked, and unjustified attack".
                    (possessive && sl.t1 < c0 && self.only_modifiers(sl.t1 + 1, c0))
                        || (sl.t1 == c0 && !sl.compound && !opens_with_preposition)
                        // "the Russian missile attack on Odesa": a state's
                        // adjective before one or two plain nouns (in a
                        // title-case headline capitalised ones: "Condemns
                        // the Russian Missile Attack Against Odesa").
                        || (!possessive
                            && !opens_with_preposition
                            && !sl.compound
                            && sl.kind == Kind::State
                            && sl.t1 < c0
                            && c0 - sl.t1 <= 2
                            && if self.word(c0).starts_with(char::is_uppercase) {
                                (sl.t1..c0).all(|k| {
                                    let w = self.word(k);
                                    w.starts_with(char::is_uppercase)
                                        && w.chars().all(char::is_alphabetic)
                                        && !slots.iter().any(|o| o.t0 <= k && k < o.t1)
                                        && !PREPOSITIONS.contains(&self.lw(k))
                                })
                            } else {
                                (sl.t1..c0).all(|k| {
                                    self.word(k).chars().all(|c| c.is_ascii_lowercase())
                                        && self.lw(k) != "and"
                                }) && self.only_modifiers(sl.t1, c0)
                            })
                })
            })
            .flatten()
            // "Secretary Blinken's Travel to Cambodia": a verb cue right
            // after a possessive is its noun.
            .or_else(|| {
                slots
                    .iter()
                    .position(|sl| sl.t1 + 1 == c0 && self.possessive_at(sl.t1))
            });
        // "Statement by President Joe Biden on Additional Security
        // Assistance to Ukraine", "... on Call with President Zelenskyy": in
        // a statement's headline, a nominal after "on" that names no agent
        // of its own is the author's act: a meeting, visit, agreement or
        // aid ("on Attack on United Nations Compound" is someone else's).
        if possessor.is_none()
            && cue.form == CueForm::Noun
            && matches!(
                cue.edge,
                EdgeType::MetWith
                    | EdgeType::Visited
                    | EdgeType::CooperatesWith
                    | EdgeType::Supports
            )
            && let Some(author) = self.statement_author(slots, s, c0)
        {
            return vec![author];
        }
        // "shocked at the assassination of X": a nominal of
        // `possessed_acts.txt` has an agent only in its possessor.
        if possessor.is_none() && self.g.lexicon.possessed_acts.contains(cue.text.as_str()) {
            return Vec::new();
        }
        // "They discussed the Secretary-General's visit to Kyiv": a visit
        // whose possessor is no name here is that possessor's trip, not the
        // clause subject's ("the administration's commitment" is the
        // subject's side's).
        if possessor.is_none()
            && cue.form == CueForm::Noun
            && cue.edge == EdgeType::Visited
            && (s.first + 1..c0)
                .rev()
                .find(|&k| !self.only_modifiers(k, c0))
                .is_some_and(|k| self.possessive_at(k) && !slots.iter().any(|sl| sl.t1 == k))
        {
            return Vec::new();
        }
        // "to express support following the attack on X", "after strikes on
        // X", "its support against the war on X": a nominal after a
        // preposition of time, cause or opposition has an agent the clause
        // does not name; its subject is no agent of it.
        // ("Speaking ... before a trip to Florida, Obama said": a trip is
        // the main subject's; only conflicts are read so.)
        if possessor.is_none() && cue.form == CueForm::Noun && cue.edge.is_conflict() {
            let mut k = c0;
            while k > s.first && matches!(self.lw(k - 1), "the" | "a" | "an" | "these" | "those") {
                k -= 1;
            }
            if k > s.first
                && matches!(
                    self.lw(k - 1),
                    "following"
                        | "after"
                        | "since"
                        | "despite"
                        | "amid"
                        | "before"
                        | "by"
                        | "against"
                )
            {
                return Vec::new();
            }
            // "in light of the war in Ukraine", "bring the war in Yemen to
            // an end": a war named by its place, with nothing but "the"
            // before it, names no agent.
            if cue.text.ends_with(" in") && c0 > s.first && self.lw(c0 - 1) == "the" {
                return Vec::new();
            }
        }
        // "support him with security assistance to fight Russian
        // aggression": the purpose of what is given (`transferred.txt`) is
        // the recipient's act, not the giver's.
        if c0 > s.first + 1 && (self.lw(c0 - 1) == "to" || cue.text.starts_with("to ")) && {
            let noun = if cue.text.starts_with("to ") {
                c0 - 1
            } else {
                c0 - 2
            };
            // ("directed his troops to invade Ukraine": troops act
            // for who sends them.)
            self.g.lexicon.transferred.contains(self.lw(noun))
                && !matches!(
                    self.lw(noun),
                    "troops" | "soldiers" | "forces" | "fighters" | "mercenaries"
                )
        } {
            return Vec::new();
        }
        // "designating X, that has engaged in transactions ..., to include
        // providing logistical services to Y": a gerund that a list of
        // activities includes is someone's the clause does not name.
        if cue.form == CueForm::Verb
            && c0 > s.first
            && self.lw(c0).ends_with("ing")
            && matches!(self.lw(c0 - 1), "include" | "includes" | "including")
        {
            return Vec::new();
        }
        // "thank the Slovakian government for providing an S-300 system to
        // Ukraine", "commended Poland for welcoming refugees": the one
        // thanked or praised (`data/lexicon/praise.txt`) does the gerund
        // after "for".
        if cue.form == CueForm::Verb
            && c0 > s.first + 2
            && self.lw(c0).ends_with("ing")
            && self.lw(c0 - 1) == "for"
        {
            // The object, "the Slovakian government" (a state's adjective
            // and a government noun) or a name.
            let object = slots.iter().rfind(|sl| {
                sl.t1 + 1 == c0
                    || (sl.t1 + 2 == c0
                        && matches!(self.lw(sl.t1), "government" | "people" | "authorities"))
            });
            if let Some(object) = object
                && object.t0 > s.first
                && (object.t0.saturating_sub(3).max(s.first)..object.t0)
                    .any(|k| self.g.lexicon.praise.contains(self.lw(k)))
            {
                return vec![*object];
            }
        }
        // "We, the G7 Foreign Ministers of A, B and C, condemn ...": the body
        // speaking in the first person plural is the actor (ONTOLOGY.md).
        if possessor.is_none()
            && self.lw(s.first) == "we"
            && self.word(s.first + 1) == ","
            && let Some(body) = slots.iter().find(|sl| {
                sl.kind == Kind::Alliance
                    && (sl.t0 == s.first + 2
                        || (sl.t0 == s.first + 3 && self.lw(s.first + 2) == "the"))
                    && sl.t1 < c0
            })
        {
            return vec![*body];
        }
        // "The Secretary noted our cooperation at NATO, and thanked Prime
        // Minister Rama": a predicate after "and" shares its clause's subject.
        if possessor.is_none()
            && cue.form == CueForm::Verb
            && let Some(subject) = self.shared_subject(slots, s, c0)
        {
            return self.list_right(slots, subject);
        }
        // "President Biden's call with President Putin and my discussion
        // with Foreign Minister Lavrov": "my" or "your" names the nominal's
        // agent, and when the text's voice leaves it unnamed, no one else
        // is.
        if possessor.is_none() && cue.form == CueForm::Noun {
            let k = self.modifiers_start(s, c0, &["and", "my", "your"]);
            if k > s.first
                && matches!(self.lw(k - 1), "my" | "your")
                && !slots.iter().any(|sl| sl.t0 == k - 1)
            {
                return Vec::new();
            }
        }
        // "We congratulate the newest member of the Alliance, Ecuador": a
        // member that is the object of a verb is not the clause's subject
        // ("X is a founding member of", "X, the newest member of", "X
        // became a member of" keep theirs).
        if cue.edge == EdgeType::MemberOf && cue.text.starts_with("member") {
            let k = self.modifiers_start(s, c0, &[",", "and"]);
            let w = if k > s.first { self.lw(k - 1) } else { "" };
            let object = w.chars().all(|c| c.is_ascii_lowercase())
                && !w.is_empty()
                && !BE.contains(&w)
                && !matches!(
                    w,
                    "became"
                        | "become"
                        | "becomes"
                        | "becoming"
                        | "remain"
                        | "remains"
                        | "remained"
                        | "as"
                        | "and"
                        | "or"
                        | "both"
                        | "all"
                        | "fellow"
                )
                && !slots.iter().any(|sl| sl.t1 == k);
            if object {
                return Vec::new();
            }
        }
        // "Blinken met Scholz in Berlin, Germany, and reaffirmed support for
        // Ukraine": a nominal that is the object of a verb after "and" has
        // that predicate's shared subject as agent; when the clause names
        // none ("The President traveled to Berlin, Germany, and
        // reaffirmed"), the names before are objects and places, no agent.
        if possessor.is_none()
            && cue.form == CueForm::Noun
            && let Some(v) = self.coordinated_verb_before(s, c0)
        {
            return self
                .shared_subject(slots, s, v)
                .map(|i| self.list_right(slots, i))
                .unwrap_or_default();
        }
        // "Afghans, including those who worked with the United States": a
        // relative pronoun whose antecedent names no one. ("YPG militia
        // which support the PKK": a name heading a group noun is one.)
        if possessor.is_none()
            && c0 > s.first + 1
            && matches!(self.lw(c0 - 1), "who" | "which" | "that")
        {
            let mut end = c0 - 1;
            if self.word(end - 1) == "," {
                end -= 1;
            }
            let antecedent = |end: usize| slots.iter().any(|sl| sl.t1 == end);
            let group = end > s.first + 1 && self.g.lexicon.group_nouns.contains(self.lw(end - 1));
            // "Amos Hochstein, the U.S. envoy who shuttled between A and
            // B": a description in apposition after a person, opened by a
            // determiner, whose relative clause is the person's.
            if self.lw(c0 - 1) == "who"
                && !antecedent(end)
                && let Some(person) = slots.iter().rfind(|sl| {
                    sl.kind == Kind::Person
                        && sl.t1 + 2 < end
                        && end - sl.t1 <= 8
                        && self.word(sl.t1) == ","
                        && matches!(self.lw(sl.t1 + 1), "the" | "a" | "an" | "his" | "her")
                        && (sl.t1 + 2..end).all(|k| {
                            let w = self.lw(k);
                            w.chars().any(char::is_alphanumeric)
                                && (matches!(w, "of" | "to" | "for") || !GAP_BLOCKERS.contains(&w))
                                && !self.g.lexicon.verbs.contains_key(w)
                        })
                })
            {
                return vec![*person];
            }
            // "X launched an airstrike that killed Y": the strike is the
            // act of whoever launched it, named a few words before it.
            if let Some(agent) = self.strike_launcher(slots, s, cue, end) {
                return vec![agent];
            }
            if !(antecedent(end) || (group && antecedent(end - 1))) {
                return Vec::new();
            }
            // "a visit by Foreign Minister X, who held talks with Y": a
            // person before ", who" is the relative clause's subject,
            // whatever phrase the person stands in.
            if self.lw(c0 - 1) == "who"
                && end < c0 - 1
                && let Some(person) = slots
                    .iter()
                    .find(|sl| sl.t1 == end && sl.kind == Kind::Person && !sl.compound)
            {
                return vec![*person];
            }
        }
        // "Speaking at the White House before a trip to Florida, Obama
        // said", "During her trip to Warsaw, Harris announced": a cue in an
        // opening participle or "during her ..." phrase belongs to the main
        // clause's subject.
        if let Some(subject) = self.fronted_subject(slots, s, c0) {
            return self.list_right(slots, subject);
        }
        // "we—A, B and C—met": the people the apposition lists.
        if possessor.is_none()
            && c0 > s.first
            && DASHES.contains(&self.word(c0 - 1))
            && let Some(we) = &discourse.we
            && (s.first..c0 - 1).any(|k| self.lw(k) == "we" && DASHES.contains(&self.word(k + 1)))
        {
            return we
                .iter()
                .filter_map(|&e| slots.iter().find(|sl| sl.entity == e && sl.t1 < c0))
                .copied()
                .collect();
        }
        // Skip a relative clause: "Russia, which is providing troops to X, condemned".
        let mut limit = c0;
        // "X, made up of A and B, launched a coordinated offensive in Y": a
        // nominal after the clause's verb closes the apposition at the
        // comma before that verb.
        let close = if cue.form == CueForm::Noun && possessor.is_none() {
            (s.first..c0)
                .rev()
                .take_while(|&k| {
                    let w = self.word(k);
                    // "announced more than $6 million in assistance for".
                    w == ","
                        || w == "$"
                        || w.starts_with(|c: char| c.is_ascii_digit())
                        || w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                })
                .find(|&k| self.word(k) == ",")
                .filter(|&k| k + 1 < c0 && self.lw(k + 1).ends_with("ed"))
                .map_or(c0, |k| k + 1)
        } else {
            c0
        };
        // Likewise an apposition: "Amos Hochstein, the U.S. envoy who ..., met".
        if close > s.first
            && self.word(close - 1) == ","
            && let Some(open) = (s.first..close - 1).rev().find(|&k| {
                self.word(k) == ","
                    && (matches!(self.lw(k + 1), "which" | "who")
                        || self.opens_participle(k + 1)
                        || slots.iter().any(|sl| sl.t1 == k && sl.kind == Kind::Person)
                        // "Belarus, Russia's closest ally, hosted", "Belarus,
                        // a close ally of Russia, hosted": a noun phrase set
                        // off by commas describes the name before it.
                        || self.described_apposition(slots, k + 1, close - 1))
            })
        {
            limit = open;
        }
        // "has committed $75 million in humanitarian assistance and $124
        // million in economic and security assistance to Moldova": a
        // nominal counted in money is the object of the clause's verb,
        // however long the amounts before it.
        let counted = cue.form == CueForm::Noun && possessor.is_none() && {
            let mut k = c0;
            while k > s.first && self.only_modifiers(k - 1, k) {
                k -= 1;
            }
            k > s.first + 1
                && self.lw(k - 1) == "in"
                && matches!(self.lw(k - 2), "million" | "billion" | "thousand")
        };
        let reach = if counted { 3 * REACH } else { REACH };
        // ("Special Representative for the DPRK Sung Kim met X": a name
        // inside a person's title is no subject; the person is.)
        let nested = |sl: &Slot| {
            slots
                .iter()
                .any(|o| o.kind == Kind::Person && o.t0 < sl.t0 && sl.t1 <= o.t1)
        };
        let nearest = slots
            .iter()
            .rposition(|sl| sl.t1 <= limit && sl.t1 + reach > limit && !sl.compound && !nested(sl));
        // "From the United Kingdom, President Biden will travel to ...": a
        // name inside a fronted prepositional phrase is never the main
        // clause's subject, even when the subject is not one of the names.
        let nearest = nearest.filter(|&n| !self.inside_fronted_phrase(s, &slots[n], c0));
        // "U.S. troops there to eliminate Islamic State elements in
        // cooperation with Iraqi forces": a nominal that opens with a
        // preposition goes with the clause's verb; the object of an
        // infinitive before it is not its agent, the name before that is.
        let nearest = match nearest {
            Some(n)
                if cue.form == CueForm::Noun
                    && (opens_with_preposition || (c0 > s.first && self.lw(c0 - 1) == "in"))
                    && possessor.is_none()
                    && self.infinitive_object(&slots[n], s) =>
            {
                slots[..n]
                    .iter()
                    .rposition(|sl| !sl.compound && sl.t1 + 2 * REACH > limit)
            }
            other => other,
        };
        // "as HTS-led rebels seize Damascus": a compound before a plain
        // noun and the cue heads the subject. The leader of "X-led" acts;
        // the subject of "X-backed rebels" is not named.
        if possessor.is_none()
            && let Some(c) = slots.iter().rfind(|sl| {
                sl.compound
                    && sl.t1 < c0
                    && nearest.is_none_or(|n| sl.t0 >= slots[n].t1)
                    && c0 - sl.t1 <= 4
                    && (sl.t1..c0).all(|k| {
                        let w = self.word(k);
                        w == "-"
                            || (w.starts_with(char::is_lowercase)
                                && !GAP_BLOCKERS.contains(&self.lw(k))
                                && !BE.contains(&self.lw(k)))
                    })
            })
        {
            return if self.led_compound(*c) {
                vec![*c]
            } else {
                Vec::new()
            };
        }
        // A pronoun between the nearest slot and the cue is the subject.
        // ("Our objective with these designations is to support the people
        // of X": a sentence that opens "Our" and a goal and reaches the
        // verb through "is to" has the voice as the verb's agent.)
        let our_goal = cue.form == CueForm::Verb
            && self.lw(s.first) == "our"
            && c0 >= s.first + 4
            && c0 <= s.first + 10
            // The cue may itself open with the "to" ("to support").
            && (if self.lw(c0) == "to" {
                matches!(self.lw(c0 - 1), "is" | "was" | "remains")
            } else {
                self.lw(c0 - 1) == "to" && matches!(self.lw(c0 - 2), "is" | "was" | "remains")
            })
            && nearest.is_none_or(|i| slots[i].t1 <= s.first);
        // ("We have already shared more than 4 million doses of vaccine
        // with": an amount before the nominal does not count against the
        // pronoun's reach.)
        let counted_from = self.amount_start(s, c0);
        let from = if our_goal {
            s.first
        } else {
            nearest
                .map(|i| slots[i].t1)
                .unwrap_or(s.first)
                .max(counted_from.saturating_sub(6))
                .max(s.first)
        };
        // "We have imposed sanctions on Russia, bolstered NATO's deterrence,
        // and provided assistance to Ukraine": a predicate after "and"
        // whose clause opens with a pronoun shares that pronoun, not the
        // name in the predicates before.
        let opening_pronoun = (cue.form == CueForm::Verb
            && matches!(self.lw(s.first), "we" | "he" | "she" | "they")
            // ("He served as Director, delivering ... and providing": a
            // participle goes on a participial phrase.)
            && !self.lw(c0).ends_with("ing")
            && {
                let mut b = c0;
                while b > s.first + 1
                    && (AUXILIARIES.contains(&self.lw(b - 1)) || self.lw(b - 1).ends_with("ly"))
                {
                    b -= 1;
                }
                self.lw(b - 1) == "and"
                    && !(s.first + 1..b - 1).any(|k| {
                        matches!(
                            self.lw(k),
                            "which" | "who" | "that" | "but" | ";" | "we" | "he" | "she" | "they"
                                | "it"
                        )
                    })
            })
        .then_some(s.first);
        let pronouns = match opening_pronoun {
            Some(p) => p..p + 1,
            None => from..c0,
        };
        if possessor.is_none() {
            for k in pronouns.rev() {
                let w = self.lw(k);
                let prev = if k > s.first { self.lw(k - 1) } else { "" };
                // "Tim Lenderking, our Special Envoy, will travel": "our"
                // opening an apposition to the person before its comma
                // describes that person; it is no subject.
                if matches!(w, "our" | "my")
                    && prev == ","
                    && slots
                        .iter()
                        .any(|sl| sl.t1 + 1 == k && sl.kind == Kind::Person)
                {
                    continue;
                }
                let collective = matches!(
                    w,
                    "leaders"
                        | "participants"
                        | "ministers"
                        | "officials"
                        | "delegations"
                        | "parties"
                        | "countries"
                        | "powers"
                        | "governments"
                        | "nations"
                        | "sides"
                ) && (matches!(
                    prev,
                    "the" | "these" | "two" | "three" | "four" | "five" | "both" | "all"
                )
                    // "Leaders also met with X": a bare plural of those who
                    // meet opening the sentence ("Officials said" names
                    // no one).
                    || (k == s.first
                        && matches!(w, "leaders" | "participants" | "ministers")
                        && self.word(k).starts_with(char::is_uppercase))
                    // "the three European powers": an adjective between.
                    || (k >= s.first + 2
                        && self.word(k - 1).starts_with(char::is_uppercase)
                        && matches!(self.lw(k - 2), "two" | "three" | "four" | "five" | "both"))
                    // "This group of countries agreed ...".
                    || (prev == "of" && k >= s.first + 2 && self.lw(k - 2) == "group"));
                // "the four countries": how many the phrase says it names.
                let stated = [prev, if k >= s.first + 2 { self.lw(k - 2) } else { "" }]
                    .iter()
                    .find_map(|q| match *q {
                        "two" | "both" => Some(2),
                        "three" => Some(3),
                        "four" => Some(4),
                        "five" => Some(5),
                        _ => None,
                    });
                // The parties as named, before officials become their states.
                let counted = |parties: &[usize]| stated.is_none_or(|n| parties.len() == n);
                // "both countries" after two officials met: their states.
                let of_countries = matches!(w, "countries" | "nations" | "states");
                let country = |e: usize| -> Option<usize> {
                    if !of_countries || self.r.entities[e].kind != Kind::Person {
                        return Some(e);
                    }
                    self.r
                        .roles
                        .iter()
                        .find(|ro| ro.person == e && self.r.entities[ro.of].kind == Kind::State)
                        .map(|ro| ro.of)
                };
                // "where the two discussed Iran": "the two" before the verb.
                let pronoun_two = matches!(w, "two" | "three")
                    && prev == "the"
                    && k + 1 == c0
                    && cue.form != CueForm::Noun;
                let plural = w == "they"
                    || collective
                    || pronoun_two
                    || (matches!(w, "men" | "presidents")
                        && matches!(prev, "the" | "two" | "both"));
                // "and expressed his unwavering solidarity with X": a
                // possessive pronoun before a nominal cue is its agent.
                let singular = matches!(w, "he" | "she")
                    || (cue.form == CueForm::Noun
                        && matches!(w, "his" | "her")
                        && self.only_modifiers(k + 1, c0));
                let t = self.doc.tokens[k];
                // "the two leaders": the phrase from its determiner.
                let from_t = if plural && w != "they" && k > s.first {
                    let d = if prev == "of" {
                        // "This group of countries".
                        if k >= s.first + 3 && matches!(self.lw(k - 3), "this" | "the" | "that") {
                            k - 3
                        } else {
                            k - 2
                        }
                    } else if k >= s.first + 2 && self.lw(k - 2) == "the" {
                        k - 2
                    } else {
                        k - 1
                    };
                    self.doc.tokens[d].start
                } else {
                    t.start
                };
                let at = |entity: usize, m: Mechanism| self.reference_slot(entity, k, m, from_t);
                // "The Houthis fired missiles. The group also attacked
                // Saudi Arabia": a description after "the" is the one group
                // or state of its kind named last; "In Panama, the
                // delegation will meet with X": who leads the delegation the
                // article announced.
                let described = if w == "delegation" && matches!(prev, "the" | "interagency") {
                    let d = if prev == "the" {
                        k - 1
                    } else {
                        k.saturating_sub(2)
                    };
                    Some((d, discourse.delegation))
                } else {
                    self.description_at(k)
                        .map(|(d, kind)| (d, self.described(slots, si, d, kind, discourse)))
                };
                if let Some((d, referent)) = described
                    && self.on.on(Mechanism::Description)
                    && (k + 1..c0).all(|q| {
                        self.possessive_at(q)
                            || AUXILIARIES.contains(&self.lw(q))
                            || self.lw(q).ends_with("ly")
                    })
                {
                    return referent
                        .map(|e| Slot {
                            via: Some((Mechanism::Description, self.doc.tokens[d].start, t.end)),
                            ..at(e, Mechanism::Description)
                        })
                        .into_iter()
                        .collect();
                }
                // "We welcome ...": the publishing government, outside
                // quotes, or the signatories of a joint statement.
                // The opening mark may have been split off with the sentence
                // before ("We condemn X. \"We support Y,\" Z said.").
                let opened = self.quote_opened(s);
                let unquoted =
                    !opened && !(s.first..k).any(|q| matches!(self.word(q), "\"" | "\u{201c}"));
                // "our five countries", "our governments": the signatories
                // of a joint statement, when it named them.
                let ours = collective
                    && (prev == "our" || (k >= s.first + 2 && self.lw(k - 2) == "our"))
                    && discourse.we.is_some();
                if (matches!(w, "we" | "our") || ours)
                    && self.on.on(Mechanism::FirstPerson)
                    && unquoted
                {
                    if let Some(we) = &discourse.we {
                        return we.iter().map(|&e| at(e, Mechanism::FirstPerson)).collect();
                    }
                    if let Some(p) = self.r.publisher {
                        return vec![at(p, Mechanism::FirstPerson)];
                    }
                }
                if plural {
                    // "the Secretary thanked the leaders for their support":
                    // who thanks is not among those thanked.
                    let thanker: Vec<usize> = (s.first..k)
                        .find(|&q| self.g.lexicon.praise.contains(self.lw(q)))
                        .map(|p| {
                            slots
                                .iter()
                                .filter(|sl| sl.t1 <= p)
                                .map(|sl| sl.entity)
                                .collect()
                        })
                        .unwrap_or_default();
                    // The names' slots ("both countries": their states).
                    let each = |names: &[usize], m: Mechanism| -> Vec<Slot> {
                        names
                            .iter()
                            .filter(|e| !thanker.contains(e))
                            .filter_map(|&e| country(e))
                            .map(|e| at(e, m))
                            .collect()
                    };
                    // "the four countries" may pass over a later meeting
                    // of another number of parties to the one before.
                    let groups = [&discourse.group, &discourse.earlier_group];
                    for (n, (group, seen, jointly)) in groups.into_iter().flatten().enumerate() {
                        if si <= seen + 3
                            && (*jointly || collective)
                            && (n == 0 || stated.is_some())
                            && (discourse.pair.is_none_or(|(_, _, p)| p <= *seen)
                                || stated.is_some_and(|c| c != 2))
                            && self.on.on(Mechanism::Nary)
                            && counted(group)
                        {
                            return each(group, Mechanism::Nary);
                        }
                    }
                    // "Germany, France and Britain condemned X, and the
                    // three European powers warned ...": the list that
                    // opened this sentence or the one before, when no
                    // meeting came later.
                    if let Some((list, seen, end)) = &discourse.subjects
                        && (*seen + 1 == si || (*seen == si && *end <= k))
                        && discourse.pair.is_none_or(|(_, _, p)| p <= *seen)
                        && discourse.group.as_ref().is_none_or(|g| g.1 <= *seen)
                        && self.on.on(Mechanism::Plural)
                        && counted(list)
                    {
                        return each(list, Mechanism::Plural);
                    }
                    // "In Panama, the delegation will meet with A and B.
                    // They will also visit the Canal": the delegation.
                    if let Some((a, b, seen)) = discourse.pair
                        && si <= seen + 3
                        && discourse.delegation_acted == Some(seen)
                        && let Some(head) = discourse.delegation.filter(|&h| h == a || h == b)
                        && self.on.on(Mechanism::Plural)
                    {
                        return vec![at(head, Mechanism::Plural)];
                    }
                    if let Some((a, b, seen)) = discourse.pair
                        && si <= seen + 3
                        && self.on.on(Mechanism::Plural)
                        && counted(&[a, b])
                    {
                        return each(&[a, b], Mechanism::Plural);
                    }
                    return Vec::new();
                }
                if singular {
                    // "Orban visited Beijing, where he met Xi": the person who
                    // acted earlier in this sentence, else the last one before.
                    if !self.on.on(Mechanism::Pronoun) {
                        return Vec::new();
                    }
                    // "Kiir canceled his trip": a possessive pronoun whose
                    // person this sentence names is that person, and what
                    // stands between them ("canceled") still counts.
                    let possessive = matches!(w, "his" | "her");
                    if let Some(p) = last_verb
                        .as_ref()
                        .and_then(|(_, subj, _)| subj.iter().find(|sl| sl.kind == Kind::Person))
                    {
                        return vec![if possessive {
                            *p
                        } else {
                            at(p.entity, Mechanism::Pronoun)
                        }];
                    }
                    // "Blinken will travel to Kuwait City, where he will meet
                    // ...": the sentence's own subject, a person named
                    // before the pronoun outside any prepositional phrase.
                    if let Some(p) = slots.iter().find(|sl| {
                        sl.kind == Kind::Person
                            && sl.t1 <= k
                            && sl.via.is_none()
                            && !sl
                                .t0
                                .checked_sub(1)
                                .is_some_and(|p| p >= s.first && PREPOSITIONS.contains(&self.lw(p)))
                    }) {
                        return vec![if possessive {
                            *p
                        } else {
                            at(p.entity, Mechanism::Pronoun)
                        }];
                    }
                    if let Some((p, seen)) = discourse.person
                        && si <= seen + 2
                    {
                        return vec![at(p, Mechanism::Pronoun)];
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
                    && !(infinitive && self.agent_of_infinitive(&slots[i], s, c0))
                    && !(slots[i].t1..c0).any(|k| {
                        matches!(self.lw(k), "its" | "their" | "his" | "her")
                            // "accused X of lending support": X acts, but
                            // not in a time adjunct after the gerund ("accused
                            // X of failing ... during a visit to Y").
                            || (self.lw(k) == "of"
                                && self.lw(k + 1).ends_with("ing")
                                && !(k + 2..c0).any(|j| self.lw(j) == "during"))
                    })
            })
        {
            return subj.clone();
        }
        let Some(i) = possessor.or(nearest) else {
            return Vec::new();
        };
        // "strengthen Ukraine's position ... while continuing to isolate
        // Russia": a possessor heads a noun phrase, and only an organ it
        // owns ("Russia's forces attacked") acts for it.
        if possessor.is_none()
            && cue.form == CueForm::Verb
            && self.possessive_at(slots[i].t1)
            && !(slots[i].t1 + 1..(slots[i].t1 + 4).min(c0))
                .any(|k| self.g.lexicon.organs.contains(self.lw(k)))
            && !self.only_modifiers(slots[i].t1 + 1, c0)
            // "the United States' unwavering commitment to supporting X":
            // the possessor of a commitment acts on it.
            && !self.commitment_before(slots[i].t1 + 1, c0)
        {
            return Vec::new();
        }
        // "a critic of Putin, and his associates had alleged ...": after
        // ", and" a new subject the text does not name.
        if possessor.is_none() {
            let from = slots[i].t1;
            let new_subject = (from..c0).any(|k| {
                self.word(k) == ","
                    && matches!(self.lw(k + 1), "and" | "but" | "while")
                    // "X, while on an official visit to Y, announced": a
                    // phrase with no verb of its own keeps the subject.
                    && !(self.lw(k + 1) == "while"
                        && (PREPOSITIONS.contains(&self.lw(k + 2))
                            || self.lw(k + 2).ends_with("ing")))
                    && (k + 2..c0).any(|q| {
                        matches!(
                            self.lw(q),
                            "the" | "his" | "her" | "its" | "their" | "a" | "an"
                        )
                    })
                    && !slots.iter().any(|o| o.t0 > k && o.t0 < c0)
            });
            if new_subject {
                return Vec::new();
            }
        }
        // "the crisis in Burma, and Russia's war": a possessor heads its own
        // phrase; only a plain "and" joins another name to it.
        if let Some(p) = possessor
            && (p == 0
                || !(slots[p - 1].t1..slots[p].t0).all(|k| matches!(self.lw(k), "and" | "&")))
        {
            return vec![slots[p]];
        }
        let sl = slots[i];
        // "The U.S. delegation will meet with X": the person who leads it,
        // when the article named one who acts for that state.
        if possessor.is_none()
            && sl.kind == Kind::State
            && sl.t1 > sl.t0
            && self.lw(sl.t1 - 1) == "delegation"
            && self.on.on(Mechanism::Description)
            && let Some(head) = discourse.delegation
            && self
                .r
                .roles
                .iter()
                .any(|ro| ro.person == head && ro.of == sl.entity)
        {
            return vec![
                sl,
                Slot {
                    entity: head,
                    kind: Kind::Person,
                    via: Some((Mechanism::Description, sl.start, sl.end)),
                    ..sl
                },
            ];
        }
        let before = sl
            .t0
            .checked_sub(1)
            .filter(|&p| p >= s.first)
            .map(|p| self.lw(p));
        // "support for Kyiv in its war with Russia": "its" points back at the
        // nearest name even inside a prepositional phrase.
        let pronoun_points_back =
            (sl.t1..c0).any(|k| matches!(self.lw(k), "its" | "their" | "his" | "her"));
        // "France, along with Germany, condemned": "with" after "along"
        // or "together" embeds no name.
        let accompanied =
            sl.t0 >= s.first + 2 && matches!(self.lw(sl.t0 - 2), "along" | "together");
        // "The Government of Japan condemned", "the leaders of A and B
        // met": the people who act for the name are the subject.
        let does_the_infinitive = infinitive && self.agent_of_infinitive(&sl, s, c0);
        let embedded = possessor.is_none()
            && !pronoun_points_back
            && !accompanied
            && !does_the_infinitive
            && before.is_some_and(|b| PREPOSITIONS.contains(&b))
            && !self.delegated_at(sl.t0);
        if let Some((vend, subj, _)) = last_verb
            && possessor.is_none()
            && cue.form != CueForm::Noun
            && *vend <= sl.t0
            && (sl.t1..c0).any(|k| self.lw(k) == "and")
        {
            return subj.clone();
        }
        let chosen = if embedded {
            // "the leader of X condemned": skip back to a subject.
            // ("The government claims Mahan flies cargo to Syria in support
            // of X": a reported clause whose subject is a capitalised word
            // that names nothing here has no subject to skip back to.)
            let unnamed_reported_subject = |from: usize| {
                (from..c0).any(|k| {
                    matches!(
                        self.lw(k),
                        "said" | "says" | "claims" | "claimed" | "alleges" | "alleged" | "reported"
                    ) && self.word(k + 1).starts_with(char::is_uppercase)
                        && !slots.iter().any(|o| o.t0 == k + 1)
                })
            };
            match slots[..i].iter().rposition(|o| {
                o.t1 + REACH > c0
                    && !o
                        .t0
                        .checked_sub(1)
                        .is_some_and(|p| p >= s.first && PREPOSITIONS.contains(&self.lw(p)))
            }) {
                Some(j) if unnamed_reported_subject(slots[j].t1) => return Vec::new(),
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
        // "These entities, located in A, B and C, have supported ...": a
        // list that is the object of a preposition set off by a comma is
        // no subject.
        // The list may have stopped at its first item: "in A, B and C".
        let mut head = list[0].t0;
        if head > s.first
            && self.word(head - 1) == ","
            && let Some(prev) = slots.iter().find(|o| o.t1 + 1 == head)
        {
            head = prev.t0;
        }
        let in_phrase = possessor.is_none()
            && list.len() > 1
            && head >= s.first + 2
            && PREPOSITIONS.contains(&self.lw(head - 1))
            // "Yesterday, the leaders of A and B met": the people who act
            // for the list are the subject.
            && !self.delegated_at(head)
            && (s.first..head - 1)
                .rev()
                .take(3)
                .any(|k| self.word(k) == ",");
        if in_phrase {
            return Vec::new();
        }
        // "He and Prime Minister Kishida signed": a pronoun coordinated
        // with the list is the person the article spoke of last.
        let h = list[0].t0;
        if possessor.is_none()
            && h >= s.first + 2
            && self.lw(h - 1) == "and"
            && matches!(self.lw(h - 2), "he" | "she")
            && (h - 2 == s.first
                || matches!(self.word(h - 3), "," | "\"" | "\u{201c}")
                // "Putin visited Pyongyang, where he and Kim signed".
                || matches!(self.lw(h - 3), "where" | "when" | "after" | "then"))
            && self.on.on(Mechanism::Pronoun)
            // The person who acted earlier in this sentence, else the one
            // the article spoke of last.
            && let Some(p) = last_verb
                .as_ref()
                .and_then(|(_, subj, _)| subj.iter().find(|sl| sl.kind == Kind::Person))
                .map(|sl| sl.entity)
                .or(discourse.person.filter(|&(_, seen)| si <= seen + 2).map(|(p, _)| p))
            && !list.iter().any(|sl| sl.entity == p)
        {
            let t = self.doc.tokens[h - 2];
            list.insert(
                0,
                Slot {
                    entity: p,
                    kind: self.r.entities[p].kind,
                    t0: h - 2,
                    t1: h - 1,
                    start: t.start,
                    end: t.end,
                    compound: false,
                    via: Some((Mechanism::Pronoun, t.start, t.end)),
                },
            );
        }
        list
    }

    /// "designating three oligarchs: A, B and C", "sanctioned two Russian
    /// banks, A and B", "24 entities, including A": a counted description
    /// (a word of `data/lexicon/quantifiers.txt` or a number, then at most
    /// four lowercase words or qualifiers) and a colon or comma introduce a
    /// list whose first name, right after the punctuation, is the target.
    /// Returns that slot's index (at or after `f`, the first slot after the
    /// cue).
    fn enumerated(&self, slots: &[Slot], c1: usize, f: usize) -> Option<usize> {
        let mut k = c1;
        if self.lw(k) == "the" {
            k += 1;
        }
        let q = self.lw(k);
        let number = !q.is_empty() && q.chars().all(|c| c.is_ascii_digit() || c == ',');
        if !(number || self.g.lexicon.quantifiers.contains(q)) {
            return None;
        }
        k += 1;
        for _ in 0..5 {
            let w = self.word(k);
            if w == ":" || w == "," {
                let mut next = k + 1;
                if matches!(self.lw(next), "including" | "namely") {
                    next += 1;
                }
                if self.lw(next) == "the" {
                    next += 1;
                }
                let first = (f..slots.len()).find(|&i| slots[i].t0 == next && !slots[i].compound);
                // "three entities, Zagros Tarabaran-E Arya, Persian Gulf Star
                // Oil Company, and ...": a first name the gazetteer does not
                // know leaves the list to the names after it.
                let after_unknown = || {
                    let i = (f..slots.len()).find(|&i| slots[i].t0 > next && !slots[i].compound)?;
                    let t0 = slots[i].t0;
                    (t0 <= next + 7
                        && self.word(t0 - 1) == ","
                        && (next..t0 - 1).all(|q| {
                            let w = self.word(q);
                            w == "-" || w.starts_with(char::is_uppercase)
                        }))
                    .then_some(i)
                };
                return first.or_else(after_unknown);
            }
            if let Some(sl) = slots[f..].iter().find(|sl| sl.t0 == k) {
                // "two Russian banks", "one Singapore-based entity".
                if sl.kind != Kind::State && !sl.compound {
                    return None;
                }
                k = sl.t1;
                continue;
            }
            if !self.plain_word(k) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The token at `k` is a plain lowercase word (hyphens allowed) that is
    /// no function word of `GAP_BLOCKERS` and no verb of the lexicon: a
    /// noun or adjective inside a description ("three Iran-based
    /// entities", "Russia's closest ally").
    fn plain_word(&self, k: usize) -> bool {
        let w = self.word(k);
        !w.is_empty()
            && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !GAP_BLOCKERS.contains(&w)
            && !self.g.lexicon.verbs.contains_key(w)
    }

    /// The main clause's subject for a cue at `c0` inside an opening phrase
    /// set off by a comma: a participle ("Speaking ...") or a preposition
    /// with a possessive pronoun ("During her trip to ..."). The subject is
    /// the first name after the phrase's comma, followed by a lowercase word.
    fn fronted_subject(
        &self,
        slots: &[Slot],
        s: &crate::text::Sentence,
        c0: usize,
    ) -> Option<usize> {
        let f = s.first;
        let first = self.word(f);
        let participle = first.len() > 4
            && first.ends_with("ing")
            && first.starts_with(char::is_uppercase)
            && !slots.iter().any(|sl| sl.t0 == f);
        let possessive = matches!(self.lw(f), "during" | "after" | "before" | "on" | "in")
            && matches!(self.lw(f + 1), "his" | "her" | "their");
        if !(participle || possessive) {
            return None;
        }
        // The phrase runs to the comma before the first name that is
        // followed by a lowercase word (its verb).
        let i = slots.iter().position(|sl| {
            sl.t0 > f + 1
                && !sl.compound
                && self.word(sl.t0 - 1) == ","
                && self.word(sl.t1).starts_with(char::is_lowercase)
                && !PREPOSITIONS.contains(&self.lw(sl.t1))
                && !matches!(self.lw(sl.t1), "and" | "'s" | "\u{2019}s")
        })?;
        // The cue is inside the phrase, with no clause boundary between the
        // cue and that name.
        let open = slots[i].t0 > c0
            && (c0..slots[i].t0).all(|k| !matches!(self.word(k), ";" | ":" | "." | "\""));
        open.then_some(i)
    }

    /// The first token of the determiners and modifiers ("the", "a", "an",
    /// `only_modifiers`) that end right before token `c0`, walking back no
    /// further than a word of `stops`.
    fn modifiers_start(&self, s: &crate::text::Sentence, c0: usize, stops: &[&str]) -> usize {
        let mut k = c0;
        while k > s.first
            && !stops.contains(&self.lw(k - 1))
            && (matches!(self.lw(k - 1), "the" | "a" | "an") || self.only_modifiers(k - 1, k))
        {
            k -= 1;
        }
        k
    }

    /// A state's adjective ("Italian", "Iranian") right before a lowercase
    /// noun that names no person, people, envoy or organ of state
    /// (`person_nouns`, `delegates`, `envoys`, `organs`): it qualifies a
    /// thing ("Italian heritage", "Iranian assistance"), not the state
    /// acting.
    fn attributive(&self, sl: Slot) -> bool {
        let lex = &self.g.lexicon;
        let surface = self.text.get(sl.start..sl.end).unwrap_or("");
        let noun = self.lw(sl.t1);
        sl.kind == Kind::State
            && sl.via.is_none()
            && surface != self.r.entities[sl.entity].name
            && !surface.contains(char::is_whitespace)
            && ["an", "ish", "ese", "ic", "i", "ch"]
                .iter()
                .any(|suffix| surface.ends_with(suffix))
            && self.word(sl.t1).chars().all(|c| c.is_ascii_lowercase())
            && !noun.is_empty()
            && !PREPOSITIONS.contains(&noun)
            && !GAP_BLOCKERS.contains(&noun)
            && !BE.contains(&noun)
            && !lex.verbs.contains_key(noun)
            // ("Russian held talks": a verb, the adjective standing alone.)
            && !noun.ends_with("ed")
            && !IRREGULAR_PAST.contains(&noun)
            && !MODALS.contains(&noun)
            // ("civil society leaders": the head may follow other words.)
            && !(sl.t1..sl.t1 + 3)
                .take_while(|&k| self.word(k).chars().all(|c| c.is_ascii_lowercase()))
                .any(|k| {
                    let w = self.lw(k);
                    w.starts_with("counterpart")
                        || [&lex.person_nouns, &lex.delegates, &lex.organs, &lex.envoys]
                            .iter()
                            .any(|set| set.contains(w) || set.contains(w.trim_end_matches('s')))
                })
    }

    /// The verb, right after "and", whose object is the nominal cue at
    /// `c0`: "..., and reaffirmed support for", "and expressed strong
    /// support for" (a past or present tense form, then only determiners
    /// and modifiers). None for a possessive pronoun between ("and
    /// underscored our commitment": the pronoun names the agent) or a
    /// word that is no verb.
    fn coordinated_verb_before(&self, s: &crate::text::Sentence, c0: usize) -> Option<usize> {
        // "its unprovoked and unjustified war", "their enduring and shared
        // commitment": after an adjective, "and" joins another adjective.
        let adjective_before = |and: usize| {
            let mut k = and;
            while k > s.first && self.word(k - 1) == "," {
                k -= 1;
            }
            k > s.first && {
                let w = self.word(k - 1);
                w.chars().all(|c| c.is_ascii_lowercase())
                    && [
                        "ed", "ing", "ful", "ive", "al", "ous", "ic", "ent", "ant", "ary", "ble",
                        "ile",
                    ]
                    .iter()
                    .any(|suffix| w.ends_with(suffix))
            }
        };
        // "and provided historic levels of military assistance to", "and
        // pledged $2 million in aid to": amounts before the nominal.
        let amount = |k: usize| {
            let w = self.lw(k);
            w == "$"
                || w.starts_with(|c: char| c.is_ascii_digit())
                || (w == "of"
                    && matches!(
                        self.lw(k - 1),
                        "levels"
                            | "amounts"
                            | "billions"
                            | "millions"
                            | "thousands"
                            | "tons"
                            | "doses"
                            | "range"
                            | "package"
                            | "packages"
                    ))
                || (w == "in" && matches!(self.lw(k - 1), "million" | "billion" | "thousand"))
        };
        (c0.saturating_sub(10).max(s.first + 2)..c0).find(|&v| {
            let w = self.lw(v);
            self.lw(v - 1) == "and"
                && !adjective_before(v - 1)
                && self.word(v).chars().all(|c| c.is_ascii_lowercase())
                && (w.ends_with("ed") || self.g.lexicon.verbs.contains_key(w))
                && !self.g.lexicon.modality.contains_key(w)
                // "our appreciation and continued support": participles
                // that mostly qualify the nominal.
                && !matches!(
                    w,
                    "continued" | "increased" | "renewed" | "sustained" | "enhanced" | "expanded"
                )
                && (v + 1..c0).all(|k| {
                    matches!(self.lw(k), "the" | "a" | "an" | "further" | "continued")
                        || amount(k)
                        || (self.only_modifiers(k, k + 1)
                            && !matches!(self.lw(k), "our" | "my" | "your"))
                })
        })
    }

    /// The subject a coordinated predicate shares ("X noted ..., and
    /// thanked Y"; "X will meet A and then work with B"): when the verb cue
    /// at `c0` follows "and" (with auxiliaries or adverbs between), the
    /// first name of the clause that no preposition governs, before that
    /// "and" and after any opening adverbial phrase ("On April 18, ...").
    /// None when a name stands between "and" and the cue, or the clause has
    /// no such name.
    fn shared_subject(
        &self,
        slots: &[Slot],
        s: &crate::text::Sentence,
        c0: usize,
    ) -> Option<usize> {
        let mut b = c0;
        while b > s.first
            && matches!(
                self.lw(b - 1),
                "also"
                    | "then"
                    | "further"
                    | "later"
                    | "again"
                    | "will"
                    | "would"
                    | "has"
                    | "have"
                    | "had"
                    | "to"
                    | "jointly"
                    | "together"
            )
        {
            b -= 1;
        }
        if b <= s.first + 1 || self.lw(b - 1) != "and" {
            return None;
        }
        let and = b - 1;
        // The clause opens after an adverbial phrase set off by a comma.
        let opening = matches!(
            self.lw(s.first),
            "on" | "in"
                | "at"
                | "during"
                | "after"
                | "before"
                | "following"
                | "while"
                | "as"
                | "when"
                | "since"
                | "today"
                | "yesterday"
                | "earlier"
                | "later"
                | "if"
                | "unless"
                | "once"
                | "because"
                | "although"
                | "though"
        );
        let from = if opening {
            (s.first..and).find(|&k| self.word(k) == ",")? + 1
        } else {
            s.first
        };
        let i = slots
            .iter()
            .position(|sl| sl.t0 >= from && sl.t0 < and && !sl.compound)?;
        let sl = slots[i];
        // "He led X's fighters ... and also provided": the clause's subject
        // is a pronoun, not the first name; "attacks, which continue to
        // kill ... and destroy": the verb belongs to a relative clause.
        let pronoun_first = (from..sl.t0).any(|k| {
            matches!(
                self.lw(k),
                "he" | "she" | "it" | "they" | "we" | "i" | "this" | "these" | "which" | "who"
            )
        });
        let relative = (sl.t1..and).any(|k| matches!(self.lw(k), "which" | "who" | "whose"));
        // "The President met Scholz in Berlin and reaffirmed": a verb before
        // the first name makes it an object.
        let object = (from..sl.t0).any(|k| {
            let w = self.lw(k);
            self.word(k).chars().all(|c| c.is_ascii_lowercase())
                && (IRREGULAR_PAST.contains(&w)
                    || (w.ends_with("ed")
                        && !(k > from && matches!(self.lw(k - 1), "the" | "a" | "an"))))
        });
        if pronoun_first || relative || object {
            return None;
        }
        let governed = sl.t0 > s.first && {
            let mut p = sl.t0 - 1;
            if self.lw(p) == "the" && p > s.first {
                p -= 1;
            }
            PREPOSITIONS.contains(&self.lw(p))
        };
        // The subject is followed by its verb: a lowercase word, not a
        // name's list or a possessive ("X's ..." heads a noun phrase).
        // "Lai, of the Democratic Progressive Party, was sworn in": an
        // apposition set off by commas stands between.
        let mut v = sl.t1;
        if self.word(v) == ","
            && let Some(close) = (v + 1..(v + 12).min(and)).find(|&k| self.word(k) == ",")
        {
            v = close + 1;
        }
        let next = self.word(v);
        let verb_follows = next.chars().next().is_some_and(char::is_lowercase)
            && !matches!(self.lw(v), "and" | "of" | "'s" | "\u{2019}s");
        (!governed && verb_follows && sl.t0 < and).then_some(i)
    }

    /// Targets right of a cue: the first slot, close and with no phrase
    /// boundary between, and the slots coordinated with it.
    fn targets(&self, slots: &[Slot], c1: usize, cue: &Cue, max_gap: usize) -> Vec<Slot> {
        let mut found = self.targets_named(slots, c1, cue, max_gap);
        // "struck the Kherson region of Ukraine", "visited the Kharkiv region
        // of Ukraine": the place is the state's, and so is the act.
        if matches!(cue.edge, EdgeType::Attacks | EdgeType::Visited) {
            let states: Vec<Slot> = found
                .iter()
                .filter(|b| b.kind == Kind::Region && self.lw(b.t1) == "of")
                .filter_map(|b| {
                    let k = if self.lw(b.t1 + 1) == "the" {
                        b.t1 + 2
                    } else {
                        b.t1 + 1
                    };
                    slots.iter().find(|sl| sl.t0 == k && sl.kind == Kind::State)
                })
                .copied()
                .collect();
            // "the Kurdistan Region of Iraq": one name of the gazetteer's
            // that ends in its state's name, when the article names the
            // state elsewhere too.
            let named_within: Vec<Slot> = found
                .iter()
                .filter(|b| b.kind == Kind::Region)
                .filter_map(|b| {
                    let surface = self.text.get(b.start..b.end)?;
                    let (_, of) = surface.rsplit_once(" of ")?;
                    let of = of.strip_prefix("the ").unwrap_or(of);
                    let st = state_of_place(self, b.entity)?;
                    let known = self.r.entities[st].known?;
                    self.g
                        .names_of(known)
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(of))
                        .then_some(Slot {
                            entity: st,
                            kind: Kind::State,
                            ..*b
                        })
                })
                .collect();
            // "struck the Ukrainian port of Odesa", "visited the Indian
            // city of Chennai": a state's adjective, one or two nouns of
            // `data/lexicon/of_heads.txt` and "of" name the place too.
            let named_after: Vec<Slot> = found
                .iter()
                .filter(|b| b.kind == Kind::State && !b.compound && !self.possessive_at(b.t1))
                .filter_map(|b| {
                    let of = (b.t1 + 1..=b.t1 + 2).find(|&k| self.lw(k) == "of")?;
                    if !(b.t1..of).all(|k| self.g.lexicon.of_heads.contains(self.lw(k))) {
                        return None;
                    }
                    let k = if self.lw(of + 1) == "the" {
                        of + 2
                    } else {
                        of + 1
                    };
                    slots
                        .iter()
                        .find(|sl| sl.t0 == k && matches!(sl.kind, Kind::Region | Kind::State))
                        .copied()
                })
                .collect();
            for st in states.into_iter().chain(named_within).chain(named_after) {
                if !found.iter().any(|sl| sl.entity == st.entity) {
                    found.push(st);
                }
            }
        }
        found
    }

    /// "met today in Cairo with X", "met in Riga, Latvia, with X", "met in
    /// Washington today with X": for a mutual act whose words after the cue
    /// name the place where it happens ("in"/"at" after at most a few time
    /// words; the place a name of `slots` or up to three capitalised words,
    /// and one more after a comma; time words again), the token "with" that
    /// names the partner after that place; also after a date alone ("met on
    /// June 24 with X").
    fn place_before_partner(&self, slots: &[Slot], c1: usize, cue: &Cue) -> Option<usize> {
        if !cue.edge.is_symmetric() || cue.text.ends_with(" with") {
            return None;
        }
        let time_word = |w: &str| {
            matches!(
                w,
                "today"
                    | "yesterday"
                    | "tonight"
                    | "virtually"
                    | "separately"
                    | "also"
                    | "again"
                    | "briefly"
                    | "privately"
                    | "jointly"
                    | "on"
                    | "this"
                    | "week"
                    | "morning"
                    | "afternoon"
                    | "evening"
            ) || (w.ends_with("day") && w.len() > 5)
        };
        let mut k = c1;
        while k < c1 + 4 && time_word(self.lw(k)) {
            k += 1;
        }
        // "met on June 24 with X": a date and no place.
        if self.lw(c1) == "on" && MONTHS.contains(&self.word(c1 + 1)) {
            let mut d = c1 + 2;
            while d < c1 + 7 && self.word(d).chars().all(|c| c.is_ascii_digit() || c == ',') {
                d += 1;
            }
            if d > c1 + 2 && self.lw(d) == "with" {
                return Some(d);
            }
        }
        if !matches!(self.lw(k), "in" | "at") {
            return None;
        }
        k += 1;
        // The place: a name (no person), or capitalised words.
        let place_at = |k: usize| -> Option<usize> {
            if let Some(sl) = slots.iter().find(|sl| sl.t0 == k) {
                return matches!(sl.kind, Kind::Region | Kind::State).then_some(sl.t1);
            }
            let mut e = k;
            while e < k + 3
                && self.word(e).starts_with(char::is_uppercase)
                && self.word(e).chars().all(|c| c.is_alphabetic() || c == '.')
                && !slots.iter().any(|sl| sl.t0 <= e && e < sl.t1)
            {
                e += 1;
            }
            (e > k).then_some(e)
        };
        k = place_at(k)?;
        // "in Riga, Latvia, with": one more place after a comma.
        if self.word(k) == ","
            && let Some(e) = place_at(k + 1)
        {
            k = e;
        }
        if self.word(k) == "," {
            k += 1;
        }
        let before_time = k;
        while k < before_time + 4 && time_word(self.lw(k)) {
            k += 1;
        }
        (self.lw(k) == "with").then_some(k)
    }

    /// `targets` as the words name them.
    fn targets_named(&self, slots: &[Slot], c1: usize, cue: &Cue, max_gap: usize) -> Vec<Slot> {
        // "threatened to punish Spain": the threat's object follows its verb.
        let c1 = if cue.edge == EdgeType::Threatens && self.lw(c1) == "to" {
            c1 + 2
        } else {
            c1
        };
        // "condemns in the strongest terms Iran's attack": an adverbial
        // phrase of `data/lexicon/adverbials.txt` before the object.
        let c1 = self
            .g
            .lexicon
            .adverbials
            .iter()
            .find(|p| p.iter().enumerate().all(|(n, w)| self.lw(c1 + n) == w))
            .map_or(c1, |p| c1 + p.len());
        // "a commitment to urge the People's Republic of China not to ...":
        // after a nominal's "to" a lowercase word and then a determiner is
        // an infinitive, whose object is no target of the nominal.
        if cue.form == CueForm::Noun
            && cue.text.ends_with(" to")
            && self.word(c1).chars().all(|c| c.is_ascii_lowercase())
            && !self.g.lexicon.of_heads.contains(self.lw(c1))
            // "commitment to help the UAE": helping is the nominal's own act.
            && !matches!(
                self.lw(c1),
                "the" | "a" | "an" | "its" | "their" | "our" | "his" | "her" | "all" | "both"
                    | "help" | "support" | "assist" | "defend" | "protect" | "aid"
            )
            && matches!(
                self.lw(c1 + 1),
                "the" | "a" | "an" | "its" | "their" | "our" | "his" | "her"
            )
        {
            return Vec::new();
        }
        let Some(mut f) = slots.iter().position(|sl| sl.t0 >= c1) else {
            return Vec::new();
        };
        // "met today in Cairo with X", "met in Riga, Latvia, with X": the
        // place where a mutual act happens stands between the verb and its
        // partner.
        if let Some(with) = self.place_before_partner(slots, c1, cue) {
            return self.targets_named(slots, with + 1, cue, max_gap);
        }
        // "condemned Iran-backed Houthi attacks": the head, not the qualifier;
        // "blamed the al-Qaeda-linked group" names no target at all.
        // "designated one Vietnam-based entity, X", "Burmese business
        // leaders A, B and C": a qualifier, one to three lowercase nouns
        // (and a comma) and then the names.
        let described = |f: usize| -> Option<usize> {
            let q = slots[f];
            let n = slots.get(f + 1)?;
            let words: Vec<usize> = (q.t1..n.t0).collect();
            let nouns = words
                .iter()
                .filter(|&&k| self.word(k) != ",")
                .copied()
                .collect::<Vec<_>>();
            let plain = !nouns.is_empty()
                && nouns.len() <= 3
                && nouns.iter().all(|&k| {
                    let w = self.word(k);
                    w.chars().all(|c| c.is_ascii_lowercase())
                        && !GAP_BLOCKERS.contains(&w)
                        && !PREPOSITIONS.contains(&w)
                        // "the Iranian missile attacks near Erbil".
                        && !matches!(
                            w,
                            "near" | "around" | "across" | "inside" | "outside" | "through"
                                | "along" | "within" | "toward" | "towards" | "beyond"
                                | "between" | "among"
                        )
                        && !self.g.lexicon.verbs.contains_key(w)
                })
                && !nouns
                    .iter()
                    .any(|&k| matches!(self.lw(k), "including" | "such" | "especially" | "notably"))
                // "one Vietnam-based entity, X": a compound qualifier and a
                // comma; "Burmese business leaders X": a state's adjective
                // and no comma.
                && if q.compound {
                    words.iter().filter(|&&k| self.word(k) == ",").count() == 1
                        && words.last().is_some_and(|&k| self.word(k) == ",")
                } else {
                    words.len() == nouns.len()
                };
            (plain && (q.compound || q.kind == Kind::State) && n.kind != Kind::State)
                .then_some(f + 1)
        };
        if let Some(first) = self.enumerated(slots, c1, f) {
            return self.list_right(slots, first);
        }
        if let Some(next) = described(f) {
            f = next;
        }
        if slots[f].compound {
            // "supports the UN-led process", "condemned the US-led strikes":
            // support for, or opposition to, what X leads goes to X.
            // "support for Cypriot-led, UN-facilitated efforts": both.
            if matches!(cue.edge, EdgeType::Supports | EdgeType::Opposes)
                && self.led_compound(slots[f])
            {
                let mut led = vec![slots[f]];
                led.extend(slots.get(f + 1).filter(|n| {
                    let gap = self.text.get(slots[f].end..n.start).unwrap_or("");
                    n.compound
                        && (gap.ends_with(", ") || gap.ends_with(" and "))
                        && gap.split_whitespace().count() <= 2
                }));
                return led;
            }
            if slots.get(f + 1).is_some_and(|n| n.t0 <= slots[f].t1 + 1) {
                f += 1;
            } else {
                return Vec::new();
            }
        }
        // "designating Prigozhin's wife Polina": the relative is the target.
        if slots[f].kind == Kind::Person && self.possessive_at(slots[f].t1) {
            let noun = slots[f].t1 + 1;
            if self.g.lexicon.person_nouns.contains(self.lw(noun))
                && slots
                    .get(f + 1)
                    .is_some_and(|r| r.kind == Kind::Person && r.t0 == noun + 1)
            {
                f += 1;
            }
        }
        // "Putin's full-scale war in February, the United States has
        // provided": a cue's preposition before a month or a year names a
        // time, and the name after it belongs to the next clause.
        if cue.text.ends_with(" in")
            && (MONTHS.contains(&self.word(c1))
                || (self.word(c1).len() == 4 && self.word(c1).chars().all(|c| c.is_ascii_digit())))
        {
            return Vec::new();
        }
        let symmetric = cue.edge.is_symmetric();
        // "captured the town of Avdiivka", "commends the leadership of Qatar":
        // nouns of `data/lexicon/of_heads.txt` and "of" lead to the name.
        let gap_words: Vec<&str> = (c1..slots[f].t0).map(|k| self.lw(k)).collect();
        let before_name = match gap_words.as_slice() {
            [.., w, "the"] => Some(*w),
            [.., w] => Some(*w),
            [] => None,
        };
        // "condemned the May 27 seizure of two vessels by Iran": an act of
        // `condemned_acts.txt` (after at most three modifiers), "of" and
        // what it befell (a few plain words), then "by" and its agent; the
        // span from the first word to "by".
        let plain = |w: &&str| {
            w.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !GAP_BLOCKERS.contains(w)
                && !PREPOSITIONS.contains(w)
                && !self.g.lexicon.verbs.contains_key(*w)
        };
        let act_of_by = gap_words
            .iter()
            .position(|w| self.g.lexicon.condemned_acts.contains(*w))
            .and_then(|m| {
                let by = gap_words.iter().position(|w| *w == "by")?;
                (m <= 3
                    && gap_words[..m].iter().all(plain)
                    && gap_words.get(m + 1) == Some(&"of")
                    && by > m + 2
                    && by <= m + 6
                    && gap_words[m + 2..by].iter().all(plain))
                .then_some(by + 1)
            });
        // "welcomes the decision by the parliament of X", "actions by X".
        // "condemned the executions by the Burmese military": an act of
        // `condemned_acts.txt` right before "by" names its agent.
        let act_by = |m: usize| {
            self.g.lexicon.condemned_acts.contains(gap_words[m])
                && gap_words.get(m + 1) == Some(&"by")
        };
        let place_of = (gap_words.len() <= 8 || (act_of_by.is_some() && gap_words.len() <= 12))
            && matches!(before_name, Some("of" | "by"))
            && gap_words.iter().enumerate().all(|(n, w)| {
                // "the sanctions imposed by X", "the steps taken today by
                // X": a participle (and a day) between the noun and "by".
                let participle = |m: usize| {
                    let by = match gap_words.get(m + 1) {
                        Some(&("today" | "yesterday")) => m + 2,
                        _ => m + 1,
                    };
                    m > 0
                        && (gap_words[m].ends_with("ed")
                            || self.g.lexicon.participles.contains(gap_words[m]))
                        && gap_words.get(by) == Some(&"by")
                        && self.g.lexicon.of_heads.contains(gap_words[m - 1])
                };
                let day_after_participle = |m: usize| {
                    m > 0 && matches!(gap_words[m], "today" | "yesterday") && participle(m - 1)
                };
                // "the historic decision by X", "today's announcement by
                // X": one plain modifier (or "today's") before the noun of
                // an act and its "by".
                let head_next = |m: usize| {
                    gap_words
                        .get(m)
                        .is_some_and(|x| self.g.lexicon.of_heads.contains(*x))
                        && gap_words.get(m + 1) == Some(&"by")
                };
                let modifier = (plain(w) && !self.g.lexicon.of_heads.contains(*w) && head_next(n + 1))
                    || (matches!(*w, "today" | "yesterday")
                        && matches!(gap_words.get(n + 1), Some(&("'s" | "’s")))
                        && head_next(n + 2))
                    || (matches!(*w, "'s" | "’s")
                        && n > 0
                        && matches!(gap_words[n - 1], "today" | "yesterday")
                        && head_next(n + 1));
                matches!(*w, "the" | "a" | "an" | "of" | "and" | ",")
                    || self.g.lexicon.of_heads.contains(*w)
                    || modifier
                    || participle(n)
                    || day_after_participle(n)
                    || act_by(n)
                    || act_of_by.is_some_and(|end| n < end)
                    || (*w == "by"
                        && n > 0
                        && (self.g.lexicon.of_heads.contains(gap_words[n - 1])
                            || participle(n - 1)
                            || day_after_participle(n - 1)
                            || act_by(n - 1)))
            })
            && gap_words.iter().filter(|w| **w == "by").count() <= 1
            // "by X" alone is an agent, not a target: "by" needs its noun.
            && (before_name == Some("of")
                || gap_words.iter().any(|w| self.g.lexicon.of_heads.contains(*w))
                || (0..gap_words.len()).any(act_by)
                || act_of_by.is_some());
        // "struck targets in southern Lebanon": what an attack hits inside
        // a place (no sea: "ships in the Red Sea" is where it happens).
        // ("missile strikes on nine sites in Pakistan": a nominal too.)
        let struck_in = cue.edge == EdgeType::Attacks
            && gap_words.len() <= 6
            && gap_words
                .iter()
                .rposition(|w| matches!(*w, "in" | "inside" | "across"))
                .is_some_and(|n| {
                    n >= 1
                        && self.g.lexicon.target_nouns.contains(gap_words[n - 1])
                        && gap_words[n + 1..].iter().all(|w| {
                            matches!(
                                *w,
                                "the" | "northern" | "southern" | "eastern" | "western" | "central"
                            )
                        })
                        && (c1..c1 + n - 1).all(|k| {
                            self.word(k).chars().all(|c| c.is_alphabetic() || c == '-')
                                && !GAP_BLOCKERS.contains(&self.lw(k))
                                && !slots.iter().any(|sl| sl.t0 <= k && k < sl.t1)
                        })
                })
            && !is_sea(&self.r.entities[slots[f].entity].name);
        if struck_in {
            return self.list_right(slots, f);
        }
        if place_of {
            // "the initiative of IAEA Director General Grossi": the person
            // the body qualifies.
            if slots[f].kind != Kind::Person
                && slots
                    .get(f + 1)
                    .is_some_and(|n| n.t0 == slots[f].t1 && n.kind == Kind::Person)
            {
                f += 1;
            }
            return self.list_right(slots, f);
        }
        // "meet with senior officials from A, B and C", "spoke with the
        // foreign ministers of A and B": the people who act for the names.
        let named_at = if self.lw(slots[f].t0 - 1) == "the" {
            slots[f].t0 - 1
        } else {
            slots[f].t0
        };
        let delegated = gap_words.len() >= 2
            && gap_words.len() <= 8
            && self.delegated_at(slots[f].t0)
            && (c1..named_at - 1).all(|k| {
                let w = self.word(k);
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && (!GAP_BLOCKERS.contains(&w) || matches!(w, "of" | "and"))
            });
        // "consult with Allies and partners, including Ukraine", "cooperates
        // with other groups such as X": the names after "including" or
        // "such as" stand for the group the cue names.
        // ("including the United Nations": a determiner may follow.)
        let the = usize::from(gap_words.last() == Some(&"the"));
        let listed = &gap_words[..gap_words.len() - the];
        let such_as = listed.ends_with(&["such", "as"]);
        let including = cue.edge.is_symmetric()
            && !self.possessive_at(slots[f].t1)
            && listed.len() >= 2
            && listed.len() <= 8
            && (listed.last() == Some(&"including") || such_as)
            && (c1..slots[f].t0 - 1 - usize::from(such_as) - the).all(|k| {
                let w = self.lw(k);
                matches!(w, "," | "and" | "our" | "the" | "other" | "its" | "their")
                    || (self.word(k).chars().all(char::is_alphabetic)
                        && !GAP_BLOCKERS.contains(&w)
                        && !PREPOSITIONS.contains(&w)
                        && !matches!(w, "through" | "via" | "across" | "among" | "within")
                        && !self.g.lexicon.verbs.contains_key(w)
                        && !w.ends_with("ing")
                        && !w.ends_with("ed"))
            });
        // "accused the agency's director general, Rafael Grossi, of": a
        // title, possessed by a description, in apposition before the
        // person named after its comma.
        let described_title = slots[f].kind == Kind::Person
            && slots[f].t0 >= c1 + 3
            && self.word(slots[f].t0 - 1) == ","
            && {
                let mut k = c1;
                if matches!(self.lw(k), "the" | "its" | "their" | "his" | "her") {
                    k += 1;
                }
                if self.lw(k - 1) == "the"
                    && self.word(k).chars().all(|c| c.is_ascii_lowercase())
                    && self.possessive_at(k + 1)
                {
                    k += 2;
                }
                k > c1 && self.title_end(k) == Some(slots[f].t0 - 1)
            };
        // "spoke with Director of the Office of the Foreign Affairs
        // Commission Yang Jiechi": a title of capitalised words (with
        // "of", "for", "the", "and") right before the person.
        let titled = slots[f].kind == Kind::Person
            && gap_words.len() <= 12
            && self.title_end(c1).is_some()
            && (c1..slots[f].t0).all(|k| self.title_chain_word(k));
        let delegated = delegated || including || described_title || titled;
        let gap = slots[f].t0 - c1;
        if gap > max_gap && !delegated {
            return Vec::new();
        }
        let visit = cue.edge == EdgeType::Visited;
        // "a visit to a remote American military base", "visited U.S.
        // troops": a state's organ is no place of that state; the place
        // after "in" is ("visited the U.S. Embassy in Kyiv").
        if visit
            && slots[f].kind == Kind::State
            && slots[f].t1 > slots[f].t0
            && self.g.lexicon.organs.contains(self.lw(slots[f].t1 - 1))
        {
            let t1 = slots[f].t1;
            let located = matches!(self.lw(t1), "in" | "at");
            return slots
                .iter()
                .find(|sl| located && sl.t0 == t1 + 1)
                .map(|sl| vec![*sl])
                .unwrap_or_default();
        }
        let blocked = (c1..slots[f].t0).any(|k| {
            let w = self.lw(k);
            // "voted in support of a resolution condemning X": a participle
            // opens its own predicate.
            // ("spoke with acting Prime Minister X": a title's modifier.)
            // ("invaded neighboring Ukraine": a place's epithet.)
            if w.ends_with("ing")
                && w != "including"
                && w.len() > 5
                && !self.g.lexicon.title_modifiers.contains(w)
                && !self.g.lexicon.place_epithets.contains(w)
            {
                return true;
            }
            // "met today with X"; "an official visit today in Washington";
            // "alleged that X had ...": the accused heads the reported clause.
            let allowed = (symmetric && w == "with")
                || (visit && matches!(w, "in" | "to"))
                || (cue.edge == EdgeType::Accuses && w == "that");
            // "support for the ceasefire between Israel and Hamas": the
            // names after "between" are parties to what is supported, not
            // its beneficiaries (condemning "violence between A and B"
            // opposes both).
            (GAP_BLOCKERS.contains(&w) || (w == "between" && cue.edge == EdgeType::Supports))
                && !allowed
        });
        if blocked && !delegated {
            return Vec::new();
        }
        // "Iran condemned the strikes, Nasser Kanaani said": a name after a
        // comma that a speech verb follows is the speaker, no target.
        let speaker = (c1..slots[f].t0).any(|k| self.word(k) == ",") && self.speech_at(slots[f].t1);
        if speaker {
            return Vec::new();
        }
        // "met with U.S. Special Representative for Afghanistan
        // Reconciliation Ambassador Zalmay Khalilzad": the name qualifies
        // the title of the person who follows.
        if let Some(p) = self.titled_person_after(slots, f) {
            f = p;
        }
        let plain: Vec<Slot> = self.list_right(slots, f);
        // "stands with A and the leaders of B, C and D": a list with words
        // between the names.
        let s = self.doc.sentences[self.doc.sentence_of(slots[f].start).unwrap_or(0)];
        match party_list(self, &s, slots, slots[f].t0) {
            Some(list) if list.len() > plain.len() && list[0].entity == plain[0].entity => list,
            _ => plain,
        }
    }
}

/// "NATO member Turkey", "EU members France and Germany", "NATO allies
/// Poland and the Baltic states", "the G7 Foreign Ministers of Canada,
/// France ...", "the Troika (Norway, the UK, and the US)": the states named
/// after an alliance and a membership noun, its members' officials and
/// "of", or in brackets are its members.
/// "Red Sea", "Gulf of Aden", "Strait of Hormuz": a body of water, where
/// things happen rather than what is attacked.
fn is_sea(name: &str) -> bool {
    [
        "Sea", "Ocean", "Gulf", "Strait", "Bay", "Channel", "Straits",
    ]
    .iter()
    .any(|w| name.split_whitespace().any(|n| n == *w))
}

/// Weekday names as written before a date ("on Monday, ...").
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Month names as written in a date ("May 3", "3 February 2022").
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn alliance_members(ctx: &mut Ctx, slots: &[Slot], si: usize) {
    for (i, a) in slots.iter().enumerate() {
        if a.kind != Kind::Alliance {
            continue;
        }
        // "the Australia-UK-US (AUKUS) partnership", "U.S.-Australia-India-
        // Japan Quad consultations": the states joined by hyphens right
        // before the body's name (its short name in brackets) are its
        // members.
        let bracketed = a.t0 >= 2 && ctx.word(a.t0 - 1) == "(" && ctx.word(a.t1) == ")";
        let named_after = a.t0 >= 3 && slots[..i].iter().any(|sl| sl.t1 == a.t0);
        if bracketed || named_after {
            let joined = |x: &Slot, y: &Slot| {
                ctx.text
                    .get(x.end..y.start)
                    .is_some_and(|g| g == "-" || g == "\u{2013}")
            };
            let before = if bracketed { a.t0 - 1 } else { a.t0 };
            if let Some(last) = slots[..i].iter().rposition(|sl| sl.t1 == before) {
                let mut first = last;
                while first > 0 && joined(&slots[first - 1], &slots[first]) {
                    first -= 1;
                }
                // (Unbracketed, three states or more: "the U.S.-Japan G7
                // agenda" lists no membership.)
                let enough = if bracketed {
                    first < last
                } else {
                    first + 2 <= last
                };
                if enough && slots[first..=last].iter().all(|sl| sl.kind == Kind::State) {
                    for &m in &slots[first..=last] {
                        emit_member(ctx, m, *a, si, a.t0);
                    }
                    continue;
                }
            }
        }
        // "the newest member of the Alliance, Ecuador, which ...": the
        // state in apposition after "member of BODY".
        let mut b = a.t0;
        if b > 0 && ctx.lw(b - 1) == "the" {
            b -= 1;
        }
        if b >= 2
            && ctx.lw(b - 1) == "of"
            && ctx.lw(b - 2) == "member"
            && ctx.word(a.t1) == ","
            && let Some(m) = slots[i + 1..].iter().find(|sl| sl.t0 == a.t1 + 1)
            && m.kind == Kind::State
            && matches!(ctx.word(m.t1), "," | "." | ";")
        {
            emit_member(ctx, *m, *a, si, b - 2);
            continue;
        }
        let mut k = a.t1;
        // "Sweden became NATO's 32nd member", "the alliance's newest member":
        // after the possessive, ordinals and modifiers lead to "member".
        let possessed = ctx.possessive_at(k);
        if possessed {
            let mut j = k + 1;
            while j < k + 4
                && !matches!(ctx.lw(j), "member" | "ally")
                && (ctx.only_modifiers(j, j + 1) || crate::text::is_ordinal(ctx.lw(j)))
            {
                j += 1;
            }
            if !matches!(ctx.lw(j), "member" | "ally") {
                continue;
            }
            k = j;
        }
        // "the Troika (Norway, the UK, and the US)": a list in brackets.
        let bracketed = ctx.word(k) == "(";
        if !bracketed {
            // "the G7 Foreign Ministers of Canada, France ...": the body's
            // members' officials, then "of" and the list.
            let mut j = k;
            while j < k + 4
                && matches!(
                    ctx.lw(j),
                    "foreign"
                        | "defense"
                        | "defence"
                        | "finance"
                        | "ministers"
                        | "leaders"
                        | "heads"
                        | "meetings"
                        | "countries"
                        | "nations"
                        | "members"
                )
            {
                j += 1;
            }
            // "the QUAD meetings of Japan, the United States, Australia and
            // India", "the EU countries of A and B".
            if j > k
                && matches!(
                    ctx.lw(j - 1),
                    "ministers"
                        | "leaders"
                        | "heads"
                        | "meetings"
                        | "countries"
                        | "nations"
                        | "members"
                )
                && ctx.lw(j) == "of"
            {
                k = j;
            } else {
                if ctx.lw(k) == "member"
                    && matches!(ctx.lw(k + 1), "state" | "states" | "country" | "countries")
                {
                    k += 1;
                }
                // "hosted by ASEAN Chair Brunei": the chair is a member.
                if !matches!(
                    ctx.lw(k),
                    "member"
                        | "members"
                        | "ally"
                        | "allies"
                        | "state"
                        | "states"
                        | "country"
                        | "countries"
                        | "chair"
                ) {
                    continue;
                }
            }
        }
        // "Italy is a key NATO Ally", "Finland became the 31st NATO
        // member": the state named before "is/became a ..." is the member.
        if !bracketed && matches!(ctx.lw(k), "member" | "ally") {
            let mut p = a.t0;
            while !possessed
                && p > 0
                && (ctx.only_modifiers(p - 1, p) || crate::text::is_ordinal(ctx.lw(p - 1)))
                && !matches!(ctx.lw(p - 1), "," | "and" | "our")
            {
                p -= 1;
            }
            // "Turkey, a NATO member, ...": the apposition's head.
            let be = |w: &str| {
                matches!(
                    w,
                    "is" | "was" | "became" | "becomes" | "remains" | "become"
                )
            };
            // ("The United States stands with Greece, our key NATO Ally".)
            let copula = p >= 2
                && matches!(ctx.lw(p - 1), "a" | "an" | "the" | "our")
                && (be(ctx.lw(p - 2)) || ctx.word(p - 2) == ",");
            // "Sweden became NATO's 32nd member": no article before a possessor.
            let possessor_copula = possessed && p >= 1 && be(ctx.lw(p - 1));
            // "Finland, NATO's newest member, hosted": an apposition.
            let possessor_apposed = possessed && p >= 2 && ctx.word(p - 1) == ",";
            if let Some(member) = slots[..i]
                .iter()
                .rev()
                .find(|sl| {
                    (copula && sl.t1 + 2 == p)
                        || (possessor_apposed
                            && sl.t1 + 1 == p
                            && (sl.t0 == 0 || !PREPOSITIONS.contains(&ctx.lw(sl.t0 - 1))))
                        || (possessor_copula && sl.t1 + 1 == p)
                })
                .filter(|sl| sl.kind == Kind::State)
                .copied()
            {
                emit_member(ctx, member, *a, si, k);
                continue;
            }
        }
        // "The United States and Germany are engaged and dedicated NATO
        // Allies": the states before a plural copula are members.
        let plural = matches!(ctx.lw(k), "members" | "allies")
            || (matches!(ctx.lw(k), "states" | "countries") && ctx.lw(k - 1) == "member");
        if !bracketed && !possessed && plural {
            let mut p = a.t0;
            let plural_be = |w: &str| matches!(w, "are" | "were" | "remain" | "became");
            while p > 0
                && ctx.word(p - 1) != ","
                && !plural_be(ctx.lw(p - 1))
                && !matches!(ctx.lw(p - 1), "both" | "all")
                && ctx.only_modifiers(p - 1, p)
            {
                p -= 1;
            }
            if p > 0 && matches!(ctx.lw(p - 1), "both" | "all") {
                p -= 1;
            }
            // ("The United States and Italy, both NATO Allies, ...": an
            // apposition after the list.)
            let copula = p >= 2
                && (plural_be(ctx.lw(p - 1)) || (ctx.word(p - 1) == "," && ctx.lw(p) == "both"));
            if let Some(last) = slots[..i].iter().rposition(|sl| copula && sl.t1 + 1 == p) {
                let list = ctx.coordinated_left(slots, last);
                let first = list.iter().map(|&m| slots[m].t0).min().unwrap_or(0);
                let embedded = first > 0 && PREPOSITIONS.contains(&ctx.lw(first - 1));
                if list.len() > 1 && !embedded && list.iter().all(|&m| slots[m].kind == Kind::State)
                {
                    for m in list {
                        emit_member(ctx, slots[m], *a, si, k);
                    }
                    continue;
                }
            }
        }
        // "several ASEAN member states, including A, B and C", "NATO
        // Allies such as A and B": the examples of a plural are members.
        let mut at = k;
        if plural && !bracketed {
            let mut j = k + 1;
            if ctx.word(j) == "," {
                j += 1;
            }
            if ctx.lw(j) == "including" {
                at = j;
            } else if ctx.lw(j) == "such" && ctx.lw(j + 1) == "as" {
                at = j + 1;
            }
        }
        let Some(f) = slots[i + 1..]
            .iter()
            .position(|sl| sl.t0 == at + 1 || (sl.t0 == at + 2 && ctx.lw(at + 1) == "the"))
            .map(|p| p + i + 1)
        else {
            continue;
        };
        for m in ctx.coordinated_right(slots, f) {
            if slots[m].kind == Kind::State {
                emit_member(ctx, slots[m], *a, si, k);
            }
        }
    }
}

/// "Russian-occupied Crimea", "Russia-controlled territories of Ukraine",
/// "Russian-held Kherson": a state's name or adjective glued to a participle
/// of occupation before a place, or a state other than itself, is an
/// attack on that place. Between the participle and the name only nouns of
/// `data/lexicon/of_heads.txt` ("areas", "city"), "the" and "of" may
/// stand; a sea is no target, and neither is a place inside the
/// occupier's own land.
fn occupied_compounds(ctx: &mut Ctx, slots: &[Slot], si: usize) {
    for (i, a) in slots.iter().enumerate() {
        if a.kind != Kind::State || a.t1 == 0 {
            continue;
        }
        // The compound is one token ("Russian-occupied", "Israeli-held"),
        // and the slot the name's part of it.
        let k = a.t1 - 1;
        let token = ctx.lw(k);
        let Some(participle) = ["occupied", "controlled", "held"].into_iter().find(|p| {
            token
                .strip_suffix(p)
                .is_some_and(|t| t.ends_with('-') || t.ends_with('\u{2013}'))
        }) else {
            continue;
        };
        let Some(b) = slots[i + 1..].iter().find(|b| b.t0 > k) else {
            continue;
        };
        let between_ok = b.t0 <= k + 5
            && (k + 1..b.t0).all(|q| {
                let w = ctx.lw(q);
                matches!(w, "of" | "the") || ctx.g.lexicon.of_heads.contains(w)
            });
        if !between_ok
            || !matches!(b.kind, Kind::Region | Kind::State)
            || is_sea(&ctx.r.entities[b.entity].name)
            || state_of_place(ctx, b.entity) == Some(a.entity)
        {
            continue;
        }
        ctx.rule = format!("{participle}-compound");
        let t = ctx.doc.tokens[k];
        ctx.emit(
            *a,
            EdgeType::Attacks,
            *b,
            si,
            (a.start, t.end),
            Modal::ASSERTED,
            0.7,
        );
    }
}

/// "Turkey is already under EU sanctions", "Iran has been under United
/// States sanctions since 2011", "Mahan has been the subject of U.S.
/// sanctions", "remains subject to UN sanctions": the name before "sanctions"
/// or "embargo" sanctions the clause's subject. Only a copula, auxiliaries
/// and a few adverbs may stand between the subject and "under", "subject
/// to" or "the subject of"; modifiers between that and the sanctioner.
fn under_sanctions(ctx: &mut Ctx, cl: &Clause) {
    let (s, slots) = (cl.s, cl.slots);
    for (yi, y) in slots.iter().enumerate() {
        if !matches!(ctx.lw(y.t1), "sanctions" | "sanction" | "embargo")
            || !matches!(y.kind, Kind::State | Kind::Alliance | Kind::Organization)
        {
            continue;
        }
        // Back over modifiers ("new", "tough") to "under" / "subject to" /
        // "the subject of".
        let mut p = y.t0;
        while p > s.first + 1
            && ctx.word(p - 1) != ","
            && ctx.only_modifiers(p - 1, p)
            && !matches!(ctx.lw(p - 1), "and")
        {
            p -= 1;
        }
        if p > s.first && matches!(ctx.lw(p - 1), "the" | "a" | "an") {
            p -= 1;
        }
        let head = match (
            p.checked_sub(1).map(|k| ctx.lw(k)),
            p.checked_sub(2).map(|k| ctx.lw(k)),
        ) {
            (Some("under"), _) => p - 1,
            (Some("to" | "of"), Some("subject")) => {
                let q = p - 2;
                if q > s.first && ctx.lw(q - 1) == "the" {
                    q - 1
                } else {
                    q
                }
            }
            _ => continue,
        };
        let mut k = head;
        while k > s.first
            && matches!(
                ctx.lw(k - 1),
                "is" | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "been"
                    | "be"
                    | "remains"
                    | "remain"
                    | "remained"
                    | "already"
                    | "still"
                    | "now"
                    | "also"
                    | "long"
                    | "currently"
                    | "not"
                    | "never"
            )
        {
            k -= 1;
        }
        if k == head {
            continue;
        }
        let Some(x) = slots[..yi].iter().rfind(|sl| sl.t1 == k) else {
            continue;
        };
        let flags = ctx.modality(x.t1, y.t1);
        ctx.rule = "under-sanctions".to_string();
        let t = ctx.doc.tokens[y.t1];
        ctx.emit(
            *y,
            EdgeType::Sanctions,
            *x,
            cl.si,
            (y.start, t.end),
            flags,
            0.7,
        );
    }
}

/// "Abqaiq was the target of an Al-Qaeda suicide attack", "X has been
/// killed in a US counter-terrorism operation": a name, a copula, then
/// "the target(s) of" or "killed in", and an attack named by the adjective
/// or name of its agent: the agent attacks the name.
fn victim_of(ctx: &mut Ctx, cl: &Clause) {
    let (s, slots) = (cl.s, cl.slots);
    for x in slots {
        if x.compound
            || !matches!(
                x.kind,
                Kind::Person | Kind::State | Kind::Region | Kind::Organization
            )
        {
            continue;
        }
        // The copula, with "has/have/had" before "been".
        let mut k = x.t1;
        if matches!(ctx.lw(k), "has" | "have" | "had") {
            k += 1;
        }
        if !BE.contains(&ctx.lw(k)) {
            continue;
        }
        k += 1;
        let after = match (ctx.lw(k), ctx.lw(k + 1), ctx.lw(k + 2)) {
            ("the", "target" | "targets", "of") => k + 3,
            ("killed" | "wounded" | "injured", "in", _) => k + 2,
            _ => continue,
        };
        if !matches!(ctx.lw(after), "a" | "an" | "the") {
            continue;
        }
        let Some(agent) = slots
            .iter()
            .find(|sl| sl.t0 == after + 1 && sl.entity != x.entity && !ctx.possessive_at(sl.t1))
        else {
            continue;
        };
        // Up to three modifiers ("suicide", "counter-terrorism") before
        // the attack noun.
        let Some(noun) =
            (agent.t1..(agent.t1 + 4).min(s.last)).find(|&q| ATTACK_NOUNS.contains(&ctx.lw(q)))
        else {
            continue;
        };
        if !(agent.t1..noun).all(|q| {
            let w = ctx.word(q);
            w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !GAP_BLOCKERS.contains(&ctx.lw(q))
        }) {
            continue;
        }
        // "an attack ad", "an attack helicopter": the noun only qualifies.
        let next = ctx.word(noun + 1);
        if !next.is_empty()
            && next.chars().all(|c| c.is_ascii_lowercase())
            && !GAP_BLOCKERS.contains(&ctx.lw(noun + 1))
            && !matches!(
                ctx.lw(noun + 1),
                "near" | "last" | "this" | "early" | "late"
            )
        {
            continue;
        }
        let flags = ctx.modality(s.first, x.t0);
        ctx.rule = "victim-of".to_string();
        let end = ctx.doc.tokens[noun].end;
        ctx.emit(
            *agent,
            EdgeType::Attacks,
            *x,
            cl.si,
            (x.start, end),
            flags,
            0.65,
        );
    }
}

/// `member` belongs to `body`, read at token `at` (the alliance-member pass).
fn emit_member(ctx: &mut Ctx, member: Slot, body: Slot, si: usize, at: usize) {
    ctx.rule = "alliance-member".to_string();
    let t = ctx.doc.tokens[at];
    ctx.emit(
        member,
        EdgeType::MemberOf,
        body,
        si,
        (t.start, t.end),
        Modal::ASSERTED,
        0.8,
    );
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

/// "Russia's unprovoked war", "the Kremlin's unconscionable war of
/// aggression", "Iran's malign influence": in a text with a voice (the
/// government that published it, or the one author of a statement), an act
/// of `data/lexicon/condemned_acts.txt` that an evaluative word condemns
/// makes the voice oppose its actor, unless the sentence already gives the
/// actor an opponent.
fn voice_evaluation(ctx: &mut Ctx, cl: &Clause, voice: usize, before: usize) {
    let (s, slots) = (cl.s, cl.slots);
    let lex = &ctx.g.lexicon;
    for sl in slots {
        if sl.entity == voice
            || !matches!(
                sl.kind,
                Kind::State | Kind::Person | Kind::Organization | Kind::Alliance
            )
        {
            continue;
        }
        // "Russia's ...", or the demonym "Russian ..." glued to its noun.
        let from = if ctx.possessive_at(sl.t1) {
            sl.t1 + 1
        } else if sl.compound || sl.end == ctx.doc.tokens[sl.t1.saturating_sub(1)].end {
            sl.t1
        } else {
            continue;
        };
        let Some(n) =
            (from..(from + 7).min(s.last)).find(|&k| lex.condemned_acts.contains(ctx.lw(k)))
        else {
            continue;
        };
        let condemned = (from..n).any(|k| lex.evaluative.contains(ctx.lw(k)));
        if !condemned || !ctx.only_modifiers(from, n) {
            continue;
        }
        let opposed = ctx.out[before..].iter().any(|r| {
            r.sentence == cl.si
                && r.target == sl.entity
                && matches!(r.edge, EdgeType::Opposes | EdgeType::Accuses)
        });
        if opposed {
            continue;
        }
        let t = ctx.doc.tokens[n];
        let me = voice_slot(ctx, voice, sl);
        ctx.rule = format!("{}/voice", ctx.lw(n));
        // The judgment is the writer's own, whatever the clause's verb
        // ("will continue to support Ukraine against Russia's brutal war").
        let flags = Modal::ASSERTED;
        let start_out = ctx.out.len();
        ctx.emit(
            me,
            EdgeType::Opposes,
            *sl,
            cl.si,
            (sl.start, t.end),
            flags,
            0.6,
        );
        said_by_the_voice(ctx, start_out, voice);
    }
}

/// The text's voice as a slot of no width where `at` begins: the one who
/// judges what `at` did.
fn voice_slot(ctx: &Ctx, voice: usize, at: &Slot) -> Slot {
    Slot {
        entity: voice,
        kind: ctx.r.entities[voice].kind,
        t0: at.t0,
        t1: at.t0,
        start: at.start,
        end: at.start,
        compound: false,
        via: None,
    }
}

/// Marks the edges made since `from` as the text's voice's
/// (`"the text's voice -> United States"`, the first-person mechanism).
fn said_by_the_voice(ctx: &mut Ctx, from: usize, voice: usize) {
    let via = format!("the text's voice -> {}", ctx.r.entities[voice].name);
    for rel in &mut ctx.out[from..] {
        rel.resolved_by(Mechanism::FirstPerson, via.clone());
    }
}

/// "Russia alone is responsible for the death and destruction", "Russia
/// bears responsibility for the ongoing violence": an actor said to be
/// responsible for a harm (`data/lexicon/harms.txt`) is accused by the one
/// who says so: the speaker right before a speech verb ("X said"), else,
/// outside quotes, the text's voice.
fn responsibility(ctx: &mut Ctx, cl: &Clause, voice: Option<usize>) {
    let (s, slots) = (cl.s, cl.slots);
    for r in s.first + 1..s.last {
        if !matches!(ctx.lw(r), "responsible" | "responsibility") || ctx.lw(r + 1) != "for" {
            continue;
        }
        let harm = (r + 2..(r + 8).min(s.last))
            .take_while(|&q| !matches!(ctx.word(q), "," | ";" | "."))
            .any(|q| ctx.g.lexicon.harms.contains(ctx.lw(q)));
        if !harm {
            continue;
        }
        // Back over "alone", "solely" and the verb to the actor.
        let mut k = r;
        while k > s.first
            && matches!(
                ctx.lw(k - 1),
                "solely" | "fully" | "directly" | "entirely" | "squarely" | "alone" | "also"
            )
        {
            k -= 1;
        }
        if k == s.first
            || !matches!(
                ctx.lw(k - 1),
                "is" | "are" | "was" | "were" | "bears" | "bear" | "bore" | "remains" | "remain"
            )
        {
            continue;
        }
        let mut v = k - 1;
        if v > s.first && ctx.lw(v - 1) == "alone" {
            v -= 1;
        }
        let Some(actor) = slots
            .iter()
            .find(|sl| {
                sl.t1 == v
                    && !sl.compound
                    && matches!(
                        sl.kind,
                        Kind::State | Kind::Person | Kind::Organization | Kind::Alliance
                    )
            })
            .copied()
        else {
            continue;
        };
        if (v.saturating_sub(3).max(s.first)..r).any(|q| matches!(ctx.lw(q), "not" | "n't")) {
            continue;
        }
        // "X said ...": the speaker; else the voice, outside quotes.
        let speaker = slots.iter().find(|sl| {
            sl.entity != actor.entity
                && ctx.speech_at(sl.t1)
                && matches!(sl.kind, Kind::Person | Kind::State)
        });
        let quoted =
            (s.first..r).any(|q| matches!(ctx.word(q), "\"" | "\u{201c}")) || ctx.quote_opened(s);
        let (accuser, by_voice) = match (speaker, voice) {
            (Some(sp), _) => (*sp, None),
            (None, Some(v)) if !quoted && v != actor.entity => {
                (voice_slot(ctx, v, &actor), Some(v))
            }
            _ => continue,
        };
        // "demanding an end to the invasion and making clear that Russia
        // alone bears responsibility": the modality of the "that" clause.
        let from = (s.first..actor.t0)
            .rev()
            .find(|&q| ctx.lw(q) == "that")
            .map_or(s.first, |q| q + 1);
        let flags = ctx.modality(from, r);
        let at = ctx.doc.tokens[r];
        ctx.rule = "responsible for".to_string();
        let start_out = ctx.out.len();
        ctx.emit(
            accuser,
            EdgeType::Accuses,
            actor,
            cl.si,
            (actor.start, at.end),
            flags,
            0.6,
        );
        if let Some(v) = by_voice {
            said_by_the_voice(ctx, start_out, v);
        }
        return;
    }
}

/// The speaker of a sentence with a speech verb, and the actor whose act
/// the speaker condemns with an evaluative word.
fn evaluation(ctx: &mut Ctx, slots: &[Slot], s: &crate::text::Sentence, si: usize) {
    let Some(v) = (s.first..s.last).find(|&k| ctx.speech_at(k)) else {
        return;
    };
    // "X said" (also after a quote), or "..., said X"; "X in a statement
    // called": a short prepositional phrase may stand between.
    let adverbial = (v >= s.first + 2)
        .then(|| {
            (v.saturating_sub(5).max(s.first)..v - 1).find(|&p| {
                PREPOSITIONS.contains(&ctx.lw(p))
                    && (p + 1..v).all(|q| {
                        let w = ctx.word(q);
                        w.chars().all(|c| c.is_ascii_lowercase())
                            && !slots.iter().any(|sl| sl.t0 <= q && q < sl.t1)
                    })
            })
        })
        .flatten();
    let speaker = slots
        .iter()
        .find(|sl| {
            (sl.t1 == v || Some(sl.t1) == adverbial)
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
        // "Tunisia is facing terrorist attacks": a word that qualifies an
        // attack qualifies its agent, named only as its possessor
        // ("Russia's brutal attacks").
        let of_attack = ATTACK_NOUNS.contains(&ctx.lw(e + 1));
        let target = slots.iter().rfind(|sl| {
            sl.t1 <= e
                && sl.t1 + 10 >= e
                && (!of_attack || (ctx.possessive_at(sl.t1) && ctx.only_modifiers(sl.t1 + 1, e)))
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
                Modal::ASSERTED,
                0.6,
            );
            return;
        }
    }
}

/// What a relation finder reads: one article after resolution and the
/// discourse memory, with its cues found.
pub struct Input<'a> {
    /// The text the offsets point into (the headline and the body).
    pub text: &'a str,
    /// Its tokens and sentences.
    pub doc: &'a Doc,
    /// The gazetteer and lexicons.
    pub g: &'a Gazetteer,
    /// The resolved mentions and entities.
    pub resolved: &'a Resolved,
    /// The article's cues, sorted by start.
    pub cues: &'a [(usize, usize, &'a Cue)],
    /// The article's titles (`Lexicon::find_titles`), sorted by start.
    pub titles: &'a [(usize, usize, &'a str)],
    /// The article-level memory of references.
    pub memory: &'a Memory,
}

/// Decides the relations of one article (issue 8's seam): the hand-written
/// rules ([`Rules`]), the statistical scorer (`scorer::Model`) or both sit
/// behind it, and `eval --finder` compares them on the same articles.
pub trait RelationFinder {
    /// The relations the finder reads in the article.
    fn find(&self, input: &Input<'_>) -> Vec<Relation>;
}

/// The rule passes of this module ([`extract_with_cues`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Rules;

impl RelationFinder for Rules {
    fn find(&self, i: &Input<'_>) -> Vec<Relation> {
        extract_with_cues(i.text, i.doc, i.g, i.resolved, i.cues, i.titles, i.memory)
    }
}

/// Extracts relations from one resolved article, every discourse
/// mechanism on.
pub fn extract(text: &str, doc: &Doc, g: &Gazetteer, r: &Resolved) -> Vec<Relation> {
    let memory = Memory::of(text, doc, g, r, None, 0, Mechanisms::all());
    let titles = g.lexicon.find_titles(text);
    extract_with_cues(
        text,
        doc,
        g,
        r,
        &g.lexicon.find_cues(text),
        &titles,
        &memory,
    )
}

/// One cue found in a sentence: its byte span (with a tail, up to the
/// closing word), its first token, the first token of its tail (`c1` when
/// it has none) and the token after it.
#[derive(Clone, Copy)]
struct CueHit<'c> {
    start: usize,
    end: usize,
    c0: usize,
    tail_at: usize,
    c1: usize,
    cue: &'c Cue,
}

impl CueHit<'_> {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

/// The sentence a pass reads: its index, tokens, slots and cues.
struct Clause<'s, 'c> {
    si: usize,
    s: &'s crate::text::Sentence,
    slots: &'s [Slot],
    cues: &'s [(usize, usize, &'c Cue)],
    /// The next sentence and its slots, for a list that a colon at this
    /// sentence's end opens ("Today, the Department has designated:").
    next: Option<(&'s crate::text::Sentence, &'s [Slot])>,
}

/// The last verb of the sentence that had a subject: where it ended, its
/// subjects and its objects. Later nominals and pronouns read it.
type LastVerb = Option<(usize, Vec<Slot>, Vec<usize>)>;

/// `extract`, with the article's cues already found (sorted by start).
///
/// The passes, per sentence: the cue rules (one function per form of
/// `cues.tsv`), alliance members, evaluative speech, then what the sentence
/// tells later sentences (who met, who attacked, who acted). After all
/// sentences: one occurrence per span, then `represents` from titles.
pub fn extract_with_cues(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    r: &Resolved,
    all_cues: &[(usize, usize, &Cue)],
    titles: &[(usize, usize, &str)],
    memory: &Memory,
) -> Vec<Relation> {
    let (refs, voice, on) = (&memory.refs, memory.voice, memory.on);
    let mut ctx = Ctx {
        text,
        doc,
        g,
        r,
        out: Vec::new(),
        rule: String::new(),
        on,
        titles: titles.iter().map(|&(start, end, _)| (start, end)).collect(),
        author: memory.author,
    };
    let by_sentence = slots_by_sentence(text, doc, g, r, refs);
    let mut discourse = Discourse::default();
    let mut wars = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let slots = &by_sentence[si];
        let mut cues = cues_of_sentence(all_cues, s, slots);
        delayed_travel_cues(&ctx, s, &mut cues);
        let clause = Clause {
            si,
            s,
            slots,
            cues: &cues,
            next: doc
                .sentences
                .get(si + 1)
                .zip(by_sentence.get(si + 1).map(Vec::as_slice)),
        };
        if let Some(we) = joint_voice(&ctx, &clause) {
            discourse.we = Some(we);
        }
        if let Some(list) = subject_list(&ctx, &clause) {
            discourse.subjects = Some(list);
        }
        if let Some(head) = delegation_head(&ctx, &clause, &discourse) {
            discourse.delegation = Some(head);
        }
        let before = ctx.out.len();
        read_cues(&mut ctx, &clause, &discourse);
        // "Putin's war of choice": its target is read after the article.
        wars.extend(targetless_wars(&ctx, &clause));
        // "Russia's war against Ukraine, with the support of Belarus".
        backing(&mut ctx, &clause, before);
        // "attended a meeting together with the ministers of A, B and C".
        let joint = gathering(&mut ctx, &clause);
        // "A and B held bilateral consultations", "A and B had a call".
        held_meeting(&mut ctx, &clause);
        // "Participants in the call included A, B and C", "Joining
        // President Biden on the call were A, B and C".
        if si == 0 {
            discourse.host = headline_host(&ctx, &clause);
        }
        included_participants(&mut ctx, &clause, &discourse);
        // "A and B joined their Costa Rican counterparts C and D in
        // announcing ...".
        joined_counterparts(&mut ctx, &clause);
        // "In Warsaw, Counselor Chollet will discuss ...".
        fronted_place(&mut ctx, &clause, &discourse);
        // "In Cambodia, the United States has provided $11 million".
        fronted_aid(&mut ctx, &clause);
        // "would respond ... to any further Russian aggression".
        response_threat(&mut ctx, &clause, &discourse);
        // "will travel to Windhoek, Namibia, where she will meet with
        // government officials".
        visit_hosts_met(&mut ctx, &clause, before);
        // "Sharif met his Indian counterpart Modi in New Delhi".
        met_in_host_place(&mut ctx, &clause, before);
        // "co-sponsored the EU-led resolution", "UN-led diplomacy backed by
        // the United States".
        led_backing(&mut ctx, &clause);
        // "the deal, brokered by the United States and France".
        joint_agents(&mut ctx, &clause);
        let meeting_cue = cues.iter().any(|c| c.2.edge == EdgeType::MetWith);
        // "NATO member Turkey", "fellow EU members France and Germany".
        alliance_members(&mut ctx, slots, si);
        // "Russian-occupied Crimea", "Russia-controlled areas of Ukraine".
        occupied_compounds(&mut ctx, slots, si);
        // "Turkey is already under EU sanctions".
        under_sanctions(&mut ctx, &clause);
        victim_of(&mut ctx, &clause);
        // "stands with our Philippine allies".
        possessed_partners(&mut ctx, &clause, &discourse);
        described_partners(&mut ctx, &clause);
        // "Carney said North Korea's action was a threat": a speaker who
        // condemns a named actor's act opposes the actor.
        evaluation(&mut ctx, slots, s, si);
        // "Russia's unprovoked war" in a government's release: the
        // release's voice opposes Russia.
        // A joint statement's voice is its signatories, not its publisher.
        match discourse.we.as_deref() {
            Some([body]) => voice_evaluation(&mut ctx, &clause, *body, before),
            Some(_) => {}
            None => {
                if let Some(v) = voice {
                    voice_evaluation(&mut ctx, &clause, v, before);
                }
            }
        }
        // "He met with A and B": the pronoun's person goes on acting.
        let pronoun_subject = matches!(ctx.lw(s.first), "he" | "she");
        // "Russia alone is responsible for the death and destruction".
        let accuser = match discourse.we.as_deref() {
            Some([body]) => Some(*body),
            Some(_) => None,
            None => voice,
        };
        responsibility(&mut ctx, &clause, accuser);
        remember(
            &mut discourse,
            &ctx.out[before..],
            slots,
            r,
            si,
            (meeting_cue, pronoun_subject),
        );
        if let Some(parties) = joint {
            discourse.set_group(parties, si, true);
        }
        // "North Korea fired a ballistic missile. Japan condemned the
        // launch.": a weapons launch or test is an act later condemned.
        if let Some(actor) = weapons_act(&ctx, &clause) {
            discourse.launchers = Some((vec![actor], si));
        }
        // "China held military drills around Taiwan. Taiwan condemned the
        // drills.": who threatened in a sentence about drills (the words
        // are looked for only after a threat).
        let drillers = asserted_sources(&ctx.out[before..], EdgeType::Threatens);
        if !drillers.is_empty() && (s.first..s.last).any(|k| DRILL_NOUNS.contains(&ctx.lw(k))) {
            discourse.drillers = Some((drillers, si));
        }
    }
    // "The Leaders that participated:" and one name a line.
    participant_list(&mut ctx, &by_sentence, all_cues);
    one_per_span(&mut ctx.out);
    represents_from_titles(&mut ctx);
    colleagues_are_no_partners(&mut ctx.out);
    war_targets(&mut ctx, &wars);
    ctx.out
}

/// "Today, Yellen, Raimondo and Sullivan met with CEOs ... Participants
/// discussed the need to work together": officials of one state whom a
/// plural reference gathers are colleagues, not partners; a resolved
/// cooperation between two people who represent the same state (in this
/// article) is dropped ("Senator Dodd and President Biden worked closely
/// together", named, stays).
fn colleagues_are_no_partners(out: &mut Vec<Relation>) {
    let of = |p: usize| -> Vec<usize> {
        out.iter()
            .filter(|r| r.edge == EdgeType::Represents && r.source == p && !r.is_flagged())
            .map(|r| r.target)
            .collect()
    };
    let keep: Vec<bool> = out
        .iter()
        .map(|r| {
            !(r.edge == EdgeType::CooperatesWith && r.via.is_some() && {
                let (a, b) = (of(r.source), of(r.target));
                a.iter().any(|s| b.contains(s))
            })
        })
        .collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
}

/// "The United States stands with our Philippine allies", "Japan and its
/// Australian partners": a state's adjective between a possessive pronoun
/// and a noun of partnership ("allies", "partners") is a partner of the
/// pronoun's referent. "our" is the release's voice (outside quotes), "its"
/// and "their" the nearest state or body before. The partnership holds
/// whatever the clause's verb says of it ("will not abandon our Afghan
/// partners").
fn possessed_partners(ctx: &mut Ctx, cl: &Clause, discourse: &Discourse) {
    let (s, slots) = (cl.s, cl.slots);
    for st in slots
        .iter()
        .filter(|sl| sl.kind == Kind::State && !sl.compound)
    {
        let partner = |k: usize| {
            k < s.last
                && ctx
                    .g
                    .lexicon
                    .partner_nouns
                    .get(ctx.lw(k))
                    .is_some_and(|p| p.edge == EdgeType::CooperatesWith)
        };
        // "our Philippine allies": the possessive before the state's
        // adjective, the noun after it; "Greece, our key NATO Ally": the
        // possessive after a comma, up to three modifiers (an alliance's
        // name among them) and the noun.
        let before = st
            .t0
            .checked_sub(1)
            .filter(|&p| p >= s.first)
            .filter(|_| partner(st.t1) || (st.t1 > st.t0 + 1 && partner(st.t1 - 1)))
            .map(|p| (p, if partner(st.t1) { st.t1 } else { st.t1 - 1 }));
        let apposed = || {
            let p = st.t1 + 1;
            if ctx.word(st.t1) != "," || ctx.lw(p) != "our" {
                return None;
            }
            let noun = (p + 1..(p + 5).min(s.last)).find(|&k| partner(k))?;
            let modifiers = (p + 1..noun).all(|k| {
                (ctx.word(k).chars().all(|c| c.is_ascii_lowercase())
                    && ctx.only_modifiers(k, k + 1))
                    || slots
                        .iter()
                        .any(|o| o.kind == Kind::Alliance && o.t0 <= k && k < o.t1)
            });
            modifiers.then_some((p, noun))
        };
        let Some((p, noun)) = before.or_else(apposed) else {
            continue;
        };
        let at = ctx.doc.tokens[p];
        let sources: Vec<Slot> = match ctx.lw(p) {
            "our" => {
                let quoted = ctx.quote_opened(s)
                    || (s.first..p).any(|q| matches!(ctx.word(q), "\"" | "\u{201c}"));
                if quoted || !ctx.on.on(Mechanism::FirstPerson) {
                    continue;
                }
                // In no release, the statement's own subject: "The United
                // States stands with our Philippine allies".
                let subject = || {
                    slots
                        .iter()
                        .rfind(|o| {
                            o.t1 <= p
                                && o.t1 + REACH > p
                                && o.kind == Kind::State
                                && o.entity != st.entity
                        })
                        .map(|o| o.entity)
                };
                let voice: Vec<usize> = match (&discourse.we, ctx.r.publisher) {
                    (Some(we), _) => we.clone(),
                    (None, Some(publisher)) => vec![publisher],
                    (None, None) => match subject() {
                        Some(e) => vec![e],
                        None => continue,
                    },
                };
                voice
                    .into_iter()
                    .map(|e| Slot {
                        entity: e,
                        kind: ctx.r.entities[e].kind,
                        t0: p,
                        t1: p + 1,
                        start: at.start,
                        end: at.end,
                        compound: false,
                        via: Some((Mechanism::FirstPerson, at.start, at.end)),
                    })
                    .collect()
            }
            // The nearest name, whatever it is: "Hamas and its Iranian
            // allies" names no state's partners.
            "its" | "their" => slots
                .iter()
                .rfind(|o| o.t1 <= p && o.t1 + REACH > p && !o.compound)
                .filter(|o| matches!(o.kind, Kind::State | Kind::Alliance))
                .copied()
                .into_iter()
                .collect(),
            _ => continue,
        };
        let end = ctx.doc.tokens[noun].end;
        ctx.rule = format!("{} partners/possessive", ctx.lw(p));
        for src in sources {
            ctx.emit(
                src,
                EdgeType::CooperatesWith,
                *st,
                cl.si,
                (at.start, end),
                Modal::ASSERTED,
                0.6,
            );
        }
    }
}

/// "Russia's ally Belarus", "Belarus, Russia's closest ally, ...",
/// "Belarus, a close ally of Russia, ...", "Tehran, Hezbollah's main
/// patron, ...": a noun of `data/lexicon/partner_nouns.tsv` that names the
/// owner's partner or backer, with the name it stands for right after it
/// or set off by commas right before it.
fn described_partners(ctx: &mut Ctx, cl: &Clause) {
    let (s, slots) = (cl.s, cl.slots);
    // Up to three lowercase modifiers ("closest", "main", "key") and then
    // the noun, from token `k`; the noun's token.
    let noun_from = |k: usize| -> Option<usize> {
        let mut m = k;
        while m < s.last && m < k + 4 {
            let w = ctx.lw(m);
            if ctx.g.lexicon.partner_nouns.contains_key(w) {
                return Some(m);
            }
            if !ctx.plain_word(m) || PREPOSITIONS.contains(&w) || BE.contains(&w) {
                return None;
            }
            m += 1;
        }
        None
    };
    // The name set off by a comma right before token `k`.
    let before = |k: usize| -> Option<Slot> {
        (k > s.first + 1 && ctx.word(k - 1) == ",")
            .then(|| slots.iter().find(|sl| sl.t1 == k - 1 && !sl.compound))
            .flatten()
            .copied()
    };
    // The phrase closes at a comma or the sentence's end.
    let closes = |k: usize| k >= s.last || matches!(ctx.word(k), "," | "." | ";" | ")");
    // "Panama remains a valued partner to the United States", "the United
    // States is Panama's top economic partner": the subject of a copula
    // right before token `k` is the one the phrase describes.
    let copula_subject = |k: usize| -> Option<Slot> {
        let mut j = k;
        if !(j > s.first
            && matches!(
                ctx.lw(j - 1),
                "is" | "was"
                    | "are"
                    | "were"
                    | "remains"
                    | "remained"
                    | "became"
                    | "becomes"
                    | "been"
                    | "be"
            ))
        {
            return None;
        }
        j -= 1;
        while j > s.first
            && matches!(
                ctx.lw(j - 1),
                "has" | "have" | "had" | "will" | "also" | "still"
            )
        {
            j -= 1;
        }
        slots
            .iter()
            .find(|sl| sl.t1 == j && !sl.compound && !ctx.possessive_at(sl.t1))
            .copied()
    };
    let mut found: Vec<(Slot, usize, Slot)> = Vec::new();
    for (i, owner) in slots.iter().enumerate() {
        if owner.compound {
            continue;
        }
        if ctx.possessive_at(owner.t1) {
            // "Russia's (closest) ally Belarus" / "Belarus, Russia's ally,".
            let Some(m) = noun_from(owner.t1 + 1) else {
                continue;
            };
            let after = slots
                .get(i + 1)
                .filter(|sl| sl.t0 == m + 1 || (sl.t0 == m + 2 && ctx.word(m + 1) == ","))
                .filter(|sl| !ctx.possessive_at(sl.t1) && !sl.compound);
            if let Some(d) = after {
                found.push((*owner, m, *d));
            } else if closes(m + 1)
                && let Some(d) = before(owner.t0)
            {
                found.push((*owner, m, d));
            } else if let Some(d) = copula_subject(owner.t0) {
                found.push((*owner, m, d));
            }
        } else if let Some((noun, d)) = copular_partner(ctx, cl, owner, &noun_from, &copula_subject)
        {
            // "Panama remains a highly valued partner to the United States".
            found.push((*owner, noun, d));
        } else if owner.t0 >= s.first + 3 && ctx.lw(owner.t0 - 1) == "of" && closes(owner.t1) {
            // "Belarus, a close ally of Russia,".
            let of = owner.t0 - 1;
            let noun = of - 1;
            if !ctx.g.lexicon.partner_nouns.contains_key(ctx.lw(noun)) {
                continue;
            }
            let Some(a) = (s.first..noun)
                .rev()
                .take(4)
                .find(|&k| matches!(ctx.lw(k), "a" | "an" | "the"))
            else {
                continue;
            };
            if noun_from(a + 1) != Some(noun) {
                continue;
            }
            if let Some(d) = before(a) {
                found.push((*owner, noun, d));
            }
        }
    }
    for (owner, noun, described) in found {
        let Some(p) = ctx.g.lexicon.partner_nouns.get(ctx.lw(noun)).copied() else {
            continue;
        };
        let (a, b) = if p.from_owner {
            (owner, described)
        } else {
            (described, owner)
        };
        let span = (
            owner.start.min(described.start),
            ctx.doc.tokens[noun].end.max(described.end),
        );
        ctx.rule = format!("{} apposition", ctx.lw(noun));
        ctx.emit(a, p.edge, b, cl.si, span, Modal::ASSERTED, 0.6);
    }
}

/// "Panama remains a (highly valued) partner to the United States",
/// "Jordan is a strategic ally of the United States": a partner noun after
/// "a", "an" or "the" and up to three modifiers, then "to" or "of" (and
/// "the") before the owner, the whole after a copula whose subject is the
/// described name. The noun's token and the described.
fn copular_partner(
    ctx: &Ctx,
    cl: &Clause,
    owner: &Slot,
    noun_from: &dyn Fn(usize) -> Option<usize>,
    copula_subject: &dyn Fn(usize) -> Option<Slot>,
) -> Option<(usize, Slot)> {
    let s = cl.s;
    let mut k = owner.t0;
    if k > s.first && ctx.lw(k - 1) == "the" {
        k -= 1;
    }
    if k < s.first + 3 || !matches!(ctx.lw(k - 1), "to" | "of") {
        return None;
    }
    let noun = k - 2;
    if !ctx.g.lexicon.partner_nouns.contains_key(ctx.lw(noun)) {
        return None;
    }
    let a = (s.first..noun)
        .rev()
        .take(4)
        .find(|&j| matches!(ctx.lw(j), "a" | "an" | "the"))?;
    if noun_from(a + 1) != Some(noun) {
        return None;
    }
    copula_subject(a).map(|d| (noun, d))
}

/// A war whose actor is named and whose target is not: the actor, the
/// sentence, and the span of the war noun.
struct TargetlessWar {
    actor: Slot,
    sentence: usize,
    noun: (usize, usize),
    flags: Modal,
}

/// "Putin's war of choice", "Russia's premeditated and unprovoked
/// invasion", "impose costs on Russia for its aggression": a noun of
/// `data/lexicon/war_nouns.txt` after its actor's possessive (or after
/// "its" when the nearest name before is a state or body), with no name
/// after a preposition to be its target.
fn targetless_wars(ctx: &Ctx, cl: &Clause) -> Vec<TargetlessWar> {
    let (s, slots) = (cl.s, cl.slots);
    if !ctx.on.on(Mechanism::War) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for n in s.first..s.last {
        if !ctx.g.lexicon.war_nouns.contains(ctx.lw(n)) {
            continue;
        }
        // "war of choice against Ukraine", "invasion of Ukraine", "war in
        // Ukraine": the target is named, and the cue rules read it.
        let mut k = n + 1;
        if ctx.lw(k) == "of" && matches!(ctx.lw(k + 1), "choice" | "aggression") {
            k += 2;
        }
        if PREPOSITIONS.contains(&ctx.lw(k)) && slots.iter().any(|sl| sl.t0 > k && sl.t0 <= k + 4) {
            continue;
        }
        let possessor = slots
            .iter()
            .rfind(|sl| {
                !sl.compound
                    && sl.t1 < n
                    && ctx.possessive_at(sl.t1)
                    && ctx.only_modifiers(sl.t1 + 1, n)
            })
            .copied();
        let its = || {
            let q = (s.first..n)
                .rev()
                .find(|&q| ctx.lw(q) == "its" && ctx.only_modifiers(q + 1, n))?;
            slots
                .iter()
                .rfind(|sl| !sl.compound && sl.t1 <= q)
                .filter(|sl| matches!(sl.kind, Kind::State | Kind::Alliance | Kind::Organization))
                .copied()
        };
        let Some(actor) = possessor.or_else(its) else {
            continue;
        };
        let t = ctx.doc.tokens[n];
        out.push(TargetlessWar {
            actor,
            sentence: cl.si,
            noun: (t.start, t.end),
            flags: ctx.modality(s.first, n),
        });
    }
    out
}

/// The article entity of the state that the gazetteer puts the region
/// `place` in, when the article names that state.
fn state_of_place(ctx: &Ctx, place: usize) -> Option<usize> {
    let e = &ctx.r.entities[place];
    if e.kind != Kind::Region {
        return None;
    }
    within(ctx.g, e.known?).skip(1).find_map(|state| {
        ctx.r
            .entities
            .iter()
            .position(|x| x.known == Some(state) && x.kind == Kind::State)
    })
}

/// A gazetteer place and what contains it, a few steps up at most (a city
/// in a province in a state).
fn within(g: &Gazetteer, place: EntityIdx) -> impl Iterator<Item = EntityIdx> + '_ {
    std::iter::successors(Some(place), |&p| g.entry(p).part_of).take(4)
}

/// Whether the gazetteer knows article entity `person` held an office of
/// article entity `of` (at any date).
fn holds_office(ctx: &Ctx, person: usize, of: usize) -> bool {
    let (Some(p), Some(o)) = (ctx.r.entities[person].known, ctx.r.entities[of].known) else {
        return false;
    };
    ctx.r.entities[person].kind == Kind::Person
        && ctx.g.roles().iter().any(|ro| ro.person == p && ro.of == o)
}

/// The target of each targetless war: the one entity that the article's
/// asserted `attacks` edges from the actor, or from those who hold an
/// office of it or whose office it holds, reach most often (none on a
/// tie). The edge says how it was resolved (the war mechanism).
fn war_targets(ctx: &mut Ctx, wars: &[TargetlessWar]) {
    for war in wars {
        let actor = war.actor.entity;
        let same = |e: usize| {
            e == actor
                || ctx
                    .r
                    .roles
                    .iter()
                    .any(|ro| (ro.person == actor && ro.of == e) || (ro.person == e && ro.of == actor))
                || ctx.out.iter().any(|r| {
                    r.edge == EdgeType::Represents
                        && ((r.source == actor && r.target == e) || (r.source == e && r.target == actor))
                })
                // "Putin's war" where the article names Russia's attacks:
                // an office the gazetteer knows the person held.
                || holds_office(ctx, actor, e)
                || holds_office(ctx, e, actor)
        };
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for r in &ctx.out {
            if r.edge != EdgeType::Attacks || r.is_flagged() || !same(r.source) || same(r.target) {
                continue;
            }
            // A war is against a state: "strikes on Vinnytsia" count for
            // Ukraine when the article names Ukraine.
            let target = state_of_place(ctx, r.target).unwrap_or(r.target);
            match counts.iter_mut().find(|(e, _)| *e == target) {
                Some((_, c)) => *c += 1,
                None => counts.push((target, 1)),
            }
        }
        counts.sort_by_key(|&(_, c)| std::cmp::Reverse(c));
        let target = match counts.as_slice() {
            [(e, _)] => *e,
            [(e, c), (_, d), ..] if c > d => *e,
            [] => match supported_victim(ctx, war, &same) {
                Some(e) => e,
                None => continue,
            },
            _ => continue,
        };
        // Already read from the sentence itself.
        if ctx.out.iter().any(|r| {
            r.sentence == war.sentence
                && r.edge == EdgeType::Attacks
                && r.source == actor
                && r.target == target
        }) {
            continue;
        }
        let target_slot = Slot {
            entity: target,
            kind: ctx.r.entities[target].kind,
            t0: war.actor.t1,
            t1: war.actor.t1,
            start: war.noun.0,
            end: war.noun.1,
            compound: false,
            via: Some((Mechanism::War, war.noun.0, war.noun.1)),
        };
        ctx.rule = "war/targetless".to_string();
        ctx.emit(
            war.actor,
            EdgeType::Attacks,
            target_slot,
            war.sentence,
            war.noun,
            war.flags,
            0.6,
        );
    }
}

/// When the article names no attack by a targetless war's actor: "Mexico's
/// statements in support of Ukraine in the wake of Russia's unprovoked
/// invasion" — the war's victim is the one state that an asserted
/// `supports` edge of the same sentence, not from the actor's side, goes to.
/// Not after "the effects of" (`data/lexicon/spillover.txt`): "help Moldova
/// manage the effects of Russia's war" supports a third state.
fn supported_victim(ctx: &Ctx, war: &TargetlessWar, same: &dyn Fn(usize) -> bool) -> Option<usize> {
    let mut k = war.actor.t0;
    if k > 0 && ctx.lw(k - 1) == "the" {
        k -= 1;
    }
    if k >= 2
        && matches!(ctx.lw(k - 1), "of" | "from")
        && ctx.g.lexicon.spillover.contains(ctx.lw(k - 2))
    {
        return None;
    }
    let mut victims = ctx.out.iter().filter_map(|r| {
        (r.sentence == war.sentence
            && r.edge == EdgeType::Supports
            && !r.is_flagged()
            && !same(r.source)
            && !same(r.target)
            && ctx.r.entities[r.target].kind == Kind::State)
            .then_some(r.target)
    });
    let first = victims.next()?;
    victims.all(|e| e == first).then_some(first)
}

/// The names of `kind` in the list that opens at token `t0` (the signatories
/// a joint statement sets between dashes), when there are two or more.
fn listed_of_kind(ctx: &Ctx, cl: &Clause, t0: usize, kind: Kind) -> Option<Vec<usize>> {
    let names: Vec<usize> = party_list(ctx, cl.s, cl.slots, t0)?
        .into_iter()
        .filter(|sl| sl.kind == kind)
        .map(|sl| sl.entity)
        .collect();
    (names.len() >= 2).then_some(names)
}

/// "We, the G7 Foreign Ministers of ...", "We, the leaders of A, B and
/// C,": a sentence that opens by saying who "we" are names the voice of a
/// joint statement: the body named first, else the states listed after
/// "of".
fn joint_voice(ctx: &Ctx, cl: &Clause) -> Option<Vec<usize>> {
    let f = cl.s.first;
    // "As our countries—Australia, Japan, New Zealand, the United Kingdom,
    // and the United States—continue to support ...": the states listed
    // between dashes after "our countries" (or "governments", "nations").
    if let Some(our) = (f..(f + 4).min(cl.s.last)).find(|&k| ctx.lw(k) == "our") {
        let mut k = our + 1;
        if ctx.g.lexicon.quantifiers.contains(ctx.lw(k))
            || ctx.word(k).chars().all(|c| c.is_ascii_digit())
        {
            k += 1;
        }
        if matches!(ctx.lw(k), "countries" | "nations" | "governments")
            && DASHES.contains(&ctx.word(k + 1))
            && let Some(first) = cl
                .slots
                .iter()
                .position(|sl| sl.t0 == k + 2 || (sl.t0 == k + 3 && ctx.lw(k + 2) == "the"))
        {
            return listed_of_kind(ctx, cl, cl.slots[first].t0, Kind::State);
        }
    }
    // "Today, we—Prime Minister A of Australia, ..., and President D of
    // the United States—met": the people listed between dashes.
    let we = (f..(f + 4).min(cl.s.last)).find(|&k| ctx.lw(k) == "we")?;
    if DASHES.contains(&ctx.word(we + 1)) {
        let first = cl.slots.iter().position(|sl| sl.t0 == we + 2)?;
        return listed_of_kind(ctx, cl, cl.slots[first].t0, Kind::Person);
    }
    if !(we == f && ctx.word(f + 1) == "," && ctx.lw(f + 2) == "the") {
        return None;
    }
    let first = cl
        .slots
        .iter()
        .position(|sl| sl.t0 >= f + 3 && !sl.compound)?;
    let sl = cl.slots[first];
    if sl.t0 == f + 3 && sl.kind == Kind::Alliance {
        return Some(vec![sl.entity]);
    }
    // "the leaders of A, B and C": a few words and "of" before the list.
    let words_before = (f + 3..sl.t0).map(|k| ctx.lw(k)).collect::<Vec<_>>();
    let listed = words_before.len() <= 5
        && words_before.last() == Some(&"of")
        && words_before
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase()));
    if !listed {
        return None;
    }
    let states: Vec<usize> = ctx
        .coordinated_right(cl.slots, first)
        .into_iter()
        .map(|k| cl.slots[k])
        .filter(|sl| sl.kind == Kind::State)
        .map(|sl| sl.entity)
        .collect();
    (states.len() >= 2).then_some(states)
}

/// Slots per sentence, sorted; a slot starts at its title or qualifier
/// ("Russian President Vladimir Putin" is one slot), and the first part of
/// a compound ("Iran-backed", "pro-Russian") is marked as such.
fn slots_by_sentence(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    r: &Resolved,
    refs: &[Reference],
) -> Vec<Vec<Slot>> {
    let mut by_sentence: Vec<Vec<Slot>> = vec![Vec::new(); doc.sentences.len()];
    for (i, m) in r.mentions.iter().enumerate() {
        let Some(e) = r.acting[i] else { continue };
        let e = leaders_state(doc, g, r, e, m.span_end).unwrap_or(e);
        if m.modifier_of.is_some() {
            continue;
        }
        let mut start = m.start;
        if let Some(cue) = &m.role {
            if cue.start < start {
                start = cue.start;
            }
            // The qualifier of this very name ("Russian" in "Russian
            // President Putin"), not one it shares with an earlier name.
            if let Some(of) = cue.of.and_then(|o| r.mentions.get(o))
                && of.start < start
                && of.modifier_of == Some(i)
            {
                start = of.start;
            }
        }
        // A first office coordinated in front ("Polish Foreign Minister and
        // OSCE Chairman-in-Office X") opens the slot too.
        if let Some(cue) = m.apposed.as_ref().filter(|c| c.start < start) {
            start = cue.start;
        }
        let t0 = doc.token_at_or_after(start);
        let t1 = doc.token_at_or_after(m.span_end);
        let mut after = text.get(m.span_end..).unwrap_or("").chars();
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
                via: None,
            });
        }
    }
    // "the Secretary", resolved by the article's memory, reads as a name.
    for rf in refs {
        if let Some(list) = by_sentence.get_mut(rf.sentence) {
            list.push(Slot {
                entity: rf.entity,
                kind: r.entities[rf.entity].kind,
                t0: rf.t0,
                t1: rf.t1,
                start: rf.start,
                end: rf.end,
                compound: false,
                via: Some((rf.mechanism, rf.start, rf.end)),
            });
        }
    }
    for list in &mut by_sentence {
        list.sort_by_key(|sl| sl.t0);
        // "the Republic of Korea (ROK)": a name and its short form in
        // brackets are one slot, so that lists and subjects read past it.
        let mut i = 0;
        while i + 1 < list.len() {
            let (a, b) = (list[i], list[i + 1]);
            let bracketed = a.entity == b.entity
                && b.t0 == a.t1 + 1
                && doc.lower(a.t1) == "("
                && doc.lower(b.t1) == ")";
            if bracketed {
                list[i].t1 = b.t1 + 1;
                list[i].end = doc.tokens[b.t1].end;
                list.remove(i + 1);
            } else {
                i += 1;
            }
        }
    }
    by_sentence
}

/// "the Assad government", "the Maduro regime", "Assad's forces": a
/// person's name before a word of a state's organs (or "regime") names the
/// state the person leads (ONTOLOGY: a state includes its government). The
/// state is the one the gazetteer gives the person's offices, if the
/// article names it.
fn leaders_state(doc: &Doc, g: &Gazetteer, r: &Resolved, e: usize, end: usize) -> Option<usize> {
    let person = &r.entities[e];
    if person.kind != Kind::Person {
        return None;
    }
    let mut k = doc.token_at_or_after(end);
    if matches!(doc.lower(k), "'s" | "\u{2019}s") {
        k += 1;
    }
    let w = doc.lower(k);
    if !(w == "regime" || matches!(w, "government" | "administration" | "forces" | "troops")) {
        return None;
    }
    let known = person.known?;
    let mut states = g
        .roles()
        .iter()
        .filter(|ro| ro.person == known)
        .map(|ro| ro.of)
        .filter(|&o| g.entry(o).kind == Kind::State);
    let state = states.next()?;
    if states.any(|o| o != state) {
        return None;
    }
    r.entities
        .iter()
        .position(|x| x.known == Some(state) && x.kind == Kind::State)
}

/// The cues inside sentence `s`, leaving out those inside a mention
/// ("Strait" in a name is no cue).
fn cues_of_sentence<'c>(
    all_cues: &[(usize, usize, &'c Cue)],
    s: &crate::text::Sentence,
    slots: &[Slot],
) -> Vec<(usize, usize, &'c Cue)> {
    let first = all_cues.partition_point(|c| c.0 < s.start);
    let last = all_cues.partition_point(|c| c.0 < s.end);
    all_cues[first..last]
        .iter()
        .filter(|(_, b, _)| *b <= s.end)
        .copied()
        .filter(|(a, b, _)| !slots.iter().any(|sl| sl.start < *b && *a < sl.end))
        .collect()
}

/// "will travel on March 29 to Prague", "embark on his first trip abroad
/// to Nouakchott": a travel word whose "to" comes after a date or a few
/// words about the trip is the cue "travel to" ("trip to") all the same.
fn delayed_travel_cues<'c>(
    ctx: &Ctx<'c>,
    s: &crate::text::Sentence,
    cues: &mut Vec<(usize, usize, &'c Cue)>,
) {
    let mut added = Vec::new();
    for k in s.first..s.last {
        let w = ctx.lw(k);
        if !matches!(
            w,
            "travel" | "travels" | "traveled" | "travelled" | "traveling" | "travelling" | "trip"
        ) {
            continue;
        }
        let start = ctx.doc.tokens[k].start;
        if cues.iter().any(|c| c.0 == start) {
            continue;
        }
        let Some(cue) = ctx
            .g
            .lexicon
            .plain_cues(&format!("{w} to"))
            .find(|c| c.edge == EdgeType::Visited)
        else {
            continue;
        };
        let mut q = k + 1;
        while q < s.last && q < k + 9 {
            let word = ctx.word(q);
            let lw = ctx.lw(q);
            let digit = |i: usize| ctx.word(i).starts_with(|c: char| c.is_ascii_digit());
            if lw == "to" && !digit(q + 1) {
                break;
            }
            let date = word
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '\u{2013}' || c == ',')
                || MONTHS.contains(&word)
                || (lw.ends_with("day") && lw.len() > 5)
                || matches!(
                    lw,
                    "on" | "from"
                        | "through"
                        | "between"
                        | "and"
                        | "to"
                        | "this"
                        | "next"
                        | "week"
                        | "month"
                        | "later"
                        | "early"
                        | "abroad"
                        | "first"
                        | "his"
                        | "her"
                        | "their"
                        | "official"
                        | "also"
                        | "then"
                        | "again"
                        | "soon"
                );
            if !date {
                break;
            }
            q += 1;
        }
        if q > k + 1 && q < s.last && ctx.lw(q) == "to" {
            added.push((start, ctx.doc.tokens[q].end, cue));
        }
    }
    if !added.is_empty() {
        cues.extend(added);
        cues.sort_by_key(|c| (c.0, c.1));
    }
}

/// "the Revolutionary Armed Forces of Cuba": a verb cue capitalised between
/// capitalised words in a sentence of running text is a word of a name.
/// (A title-case headline, "Russia Attacks Ukraine", capitalises its verbs.)
fn inside_name(ctx: &Ctx, s: &crate::text::Sentence, c0: usize, c1: usize) -> bool {
    let upper = |k: usize| ctx.word(k).starts_with(|c: char| c.is_uppercase());
    if c0 <= s.first || c1 >= s.last || !upper(c0) || !upper(c0 - 1) || !upper(c1) {
        return false;
    }
    let words: Vec<usize> = (s.first..s.last)
        .filter(|&k| ctx.word(k).chars().all(char::is_alphabetic))
        .collect();
    let lower = words.iter().filter(|&&k| !upper(k)).count();
    3 * lower >= words.len()
}

/// Every cue of the sentence, read in its form.
fn read_cues(ctx: &mut Ctx, cl: &Clause, discourse: &Discourse) {
    let mut last_verb: LastVerb = None;
    let mut cue_end_seen: Option<(usize, EdgeType)> = None;
    for &(cs, ce, cue) in cl.cues {
        let c0 = ctx.doc.token_at_or_after(cs);
        let last_cue_end = cue_end_seen;
        let c1 = ctx.doc.token_at_or_after(ce);
        // (A sanctions list's name, "the List of Specially Designated
        // Nationals", still says its entries are designated.)
        // "committed to continue to impose costs on Russia": a support
        // verb whose "to" opens an infinitive names no target; the
        // infinitive's own cue reads the clause ("agreed to" keeps its
        // parties).
        let infinitive_follows = cue.form == CueForm::Verb
            && cue.edge == EdgeType::Supports
            && cue.tail.is_none()
            && cue.text.ends_with(" to")
            && c1 > 0
            && infinitive_at(ctx, c1 - 1);
        if infinitive_follows
            || (cue.form == CueForm::Verb
                && cue.edge != EdgeType::Sanctions
                && inside_name(ctx, cl.s, c0, c1))
        {
            continue;
        }
        let mut hit = CueHit {
            start: cs,
            end: ce,
            c0,
            tail_at: c1,
            c1,
            cue,
        };
        // "launched 600 drones at Ukraine": the cue's tail closes it.
        // Cues that share their head ("supply ... to", "supply ... with")
        // are one match: the first whose tail follows is read.
        if cue.tail.is_some() {
            let head = cue.text.split(" ... ").next().unwrap_or_default();
            // The head's own cue without a tail, if it has one.
            let plain = ctx.g.lexicon.plain_cues(head).next();
            let found = std::iter::once(cue)
                .chain(
                    ctx.g
                        .lexicon
                        .tail_cues(head)
                        .filter(|other| !std::ptr::eq(*other, cue)),
                )
                .find_map(|c| {
                    // A tail of several words ("impose ... costs on") matches
                    // them in a row, from token `k` to `k + n - 1`.
                    let tail: Vec<&str> = c.tail.as_deref()?.split_whitespace().collect();
                    let n = tail.len().max(1);
                    (hit.c1..(hit.c1 + 8).min(cl.s.last))
                        // "providing humanitarian assistance, and discussed
                        // how to cooperate": a closing "to" before a
                        // lowercase word that opens no noun phrase is an
                        // infinitive's.
                        .find(|&k| {
                            tail.iter().enumerate().all(|(i, w)| ctx.lw(k + i) == *w)
                                && (tail.last() != Some(&"to") || !infinitive_at(ctx, k + n - 1))
                        })
                        .map(|k| (c, k, k + n - 1))
                });
            match found {
                // "hold to account enablers of the war": a tail whose target
                // sits in the gap ("hold X accountable") names none when the
                // gap is empty.
                Some((c, first, _)) if first == hit.c1 && object_in_gap(c) => continue,
                // "sent a letter to X", "delivered a warning to X", "the
                // letter the President is sending to X": a message or a
                // delegation sent is no aid.
                Some((c, first, _))
                    if c.edge == EdgeType::Supports && message_sent(ctx, &hit, first) =>
                {
                    continue;
                }
                Some((c, first, last)) => {
                    // "U.S.-Laos cooperation and deeper ties with Laos": a
                    // head that also reads as a pair after a hyphenated
                    // compound keeps that reading beside its tail's.
                    if let Some(pair) = plain.filter(|p| p.form == CueForm::Pair) {
                        let alone = CueHit {
                            cue: pair,
                            tail_at: hit.c0 + 1,
                            c1: hit.c0 + 1,
                            end: ctx.doc.tokens[hit.c0].end,
                            ..hit
                        };
                        ctx.rule = format!("{}/{}", pair.text, pair.form.as_str());
                        read_pair(ctx, cl, &alone);
                    }
                    hit.cue = c;
                    hit.tail_at = first;
                    hit.c1 = last + 1;
                    hit.end = ctx.doc.tokens[last].end;
                }
                // "A and B co-chaired the dialogue": no tail follows, so the
                // head's own cue without one, if the head has one.
                None => match plain {
                    Some(plain) => hit.cue = plain,
                    None => continue,
                },
            }
        }
        let cue = hit.cue;
        // Only a verb takes a nominal as its object ("condemned the
        // strikes on X"); a nominal after a nominal has its own agent.
        // (A verb of giving with no recipient and amount after it is read
        // as no verb: "providing troops and air support to X".)
        if matches!(cue.form, CueForm::Verb | CueForm::Mutual | CueForm::Envoy) {
            cue_end_seen = Some((hit.c1, cue.edge));
        }
        ctx.rule = format!("{}/{}", cue.text, cue.form.as_str());
        match cue.form {
            CueForm::Agent => read_agent(ctx, cl, &hit),
            CueForm::Members => read_members(ctx, cl, &hit),
            CueForm::Pair => read_pair(ctx, cl, &hit),
            CueForm::Suffix => read_suffix(ctx, cl, &hit),
            CueForm::Between | CueForm::BetweenMutual => read_between(ctx, cl, &hit),
            CueForm::PartOf => read_part_of(ctx, cl, &hit),
            CueForm::Dative if dative_recipient(ctx, cl.slots, hit.c1).is_none() => {}
            CueForm::Verb | CueForm::Noun | CueForm::Mutual | CueForm::Envoy | CueForm::Dative => {
                let before = ctx.out.len();
                read_clause_cue(ctx, cl, &hit, last_cue_end, &mut last_verb, discourse);
                // "agreed on the importance of ...", "agreed on the urgent
                // need to": a shared view (`data/lexicon/views.txt`)
                // concludes nothing; the verb still anchors its clause.
                if shared_view(ctx, cl, &hit) {
                    ctx.out.truncate(before);
                }
            }
        }
    }
}

/// Whether what a cue of giving sends ("sent ... to", the gap from the
/// hit's end to `first`) is a message or a visit, not aid
/// (`data/lexicon/messages.txt`): in the gap ("sent a letter to X") or, as
/// a relative clause's head, a few words before the verb ("the letter the
/// President is sending to X").
fn message_sent(ctx: &Ctx, hit: &CueHit, first: usize) -> bool {
    let message = |k: usize| ctx.g.lexicon.messages.contains(ctx.lw(k));
    let sent = (hit.c1..first).any(message);
    // ("In a statement, the US sent weapons to X": a comma closes it.)
    let head = (hit.c0.saturating_sub(5)..hit.c0).any(|k| {
        k > 0
            && message(k)
            && DETERMINERS.contains(&ctx.lw(k - 1))
            && (k..hit.c0).all(|j| ctx.word(j) != ",")
    });
    sent || head
}

/// Whether the "to" at token `k` opens an infinitive ("how to cooperate",
/// "to address"): a lowercase word after it that is no determiner,
/// possessive, quantifier or number ("to the", "to its", "to several", "to
/// 5,000"). A verb of aid keeps the giving's target after it ("provided $395
/// million to help the IAEA").
fn infinitive_at(ctx: &Ctx, k: usize) -> bool {
    let next = ctx.word(k + 1);
    next.chars().next().is_some_and(char::is_lowercase)
        && !DETERMINERS.contains(&ctx.lw(k + 1))
        && !matches!(
            ctx.lw(k + 1),
            "your"
                | "both"
                | "all"
                | "each"
                | "every"
                | "some"
                | "many"
                | "more"
                | "over"
                | "nearly"
                | "about"
                | "those"
                | "these"
                | "this"
                | "that"
                | "help"
                | "assist"
                | "support"
        )
        && !ctx.g.lexicon.quantifiers.contains(ctx.lw(k + 1))
}

/// "hold Russia accountable", "hold X to account": a cue whose tail ends in
/// no preposition has its target in the gap before the tail.
fn object_in_gap(cue: &Cue) -> bool {
    cue.tail
        .as_deref()
        .and_then(|t| t.split_whitespace().last())
        .is_some_and(|w| !PREPOSITIONS.contains(&w) && !matches!(w, "between" | "among"))
}

/// "attacks from Russia", "bombings by Sudan": the agent follows; the
/// target is named after "on"/"against", else it is the clause's subject.
fn read_agent(ctx: &mut Ctx, cl: &Clause, hit: &CueHit) {
    let slots = cl.slots;
    let Some(src) = slots
        .iter()
        .find(|sl| sl.t0 >= hit.c1 && sl.t0 <= hit.c1 + 1)
    else {
        return;
    };
    // "attacks by X on Y"; "the visit by X to (the Kingdom of) Y"; "the
    // attack by Russian military forces in Ukraine" (the agent's organs
    // before the preposition; a place an attack is in is its target, no
    // sea).
    let visit = hit.cue.edge == EdgeType::Visited;
    let attack = hit.cue.edge == EdgeType::Attacks;
    let mut src_end = src.t1;
    if ctx.possessive_at(src_end) {
        src_end += 1;
    }
    while src_end < src.t1 + 4 && ctx.g.lexicon.organs.contains(ctx.lw(src_end)) {
        src_end += 1;
    }
    let after_on = slots.iter().find(|sl| {
        let mut p = sl.t0.saturating_sub(1);
        if ctx.lw(p) == "the" {
            p = p.saturating_sub(1);
        }
        // Only a state's forces, and never in its own land ("an attack by
        // Houthi rebels in Yemen" is where they are).
        let inside = attack
            && src.kind == Kind::State
            && matches!(ctx.lw(p), "in" | "inside")
            && matches!(sl.kind, Kind::State | Kind::Region)
            && state_of_place(ctx, sl.entity) != Some(src.entity)
            && !is_sea(&ctx.r.entities[sl.entity].name);
        sl.t0 > src.t1
            && p >= src.t1
            && p <= src_end + 1
            && (matches!(ctx.lw(p), "on" | "against" | "targeting")
                || (visit && ctx.lw(p) == "to")
                || inside)
    });
    // A visit has no target in the clause's subject ("X welcomes the visit by
    // Y"), and neither has an act the subject condemns ("the United States
    // condemned the attacks by Russia": a third party's voice).
    // "appalled by the atrocities committed by X": a deed "committed" or
    // "perpetrated" by its agent has no target in the clause's subject,
    // only after "in"/"against".
    let deed = ["committed by", "perpetrated by"]
        .iter()
        .any(|p| hit.cue.text.ends_with(p));
    let subject = (!visit && !deed)
        .then(|| {
            slots
                .iter()
                .rfind(|sl| sl.t1 <= hit.c0 && sl.t1 + REACH > hit.c0 && !sl.compound)
        })
        .flatten()
        .filter(|sl| {
            !cl.cues
                .iter()
                .any(|&(cs, _, c)| c.edge == EdgeType::Opposes && cs >= sl.end && cs < hit.start)
        });
    if let Some(tgt) = after_on.or(subject) {
        let mut flags = ctx.modality(cl.s.first, hit.c0);
        // "will respond to any attack by Iran".
        flags.hypothetical |= indefinite_conflict(ctx, cl, hit);
        ctx.emit_hit(*src, *tgt, cl, hit, flags, 0.65);
    }
}

/// "provided Ukraine $1 billion", "gave Yemenis an additional $585
/// million": the name right after a verb of giving (after "the") when an
/// amount follows it; the recipient.
fn dative_recipient(ctx: &Ctx, slots: &[Slot], c1: usize) -> Option<Slot> {
    let at = if ctx.lw(c1) == "the" { c1 + 1 } else { c1 };
    let sl = slots.iter().find(|sl| sl.t0 == at && !sl.compound)?;
    if ctx.possessive_at(sl.t1)
        || !matches!(
            sl.kind,
            Kind::State | Kind::Alliance | Kind::Organization | Kind::Person
        )
    {
        return None;
    }
    amount_after(ctx, sl.t1).then_some(*sl)
}

/// Whether an amount ("$8.5 million", "1.5 billion euros", "8 million
/// doses") starts at token `k` after at most four words that lead one in
/// ("an additional", "more than", "nearly", "up to").
fn amount_after(ctx: &Ctx, k: usize) -> bool {
    let lead = |k: usize| {
        matches!(
            ctx.lw(k),
            "an" | "a"
                | "additional"
                | "another"
                | "more"
                | "than"
                | "nearly"
                | "almost"
                | "over"
                | "about"
                | "some"
                | "roughly"
                | "approximately"
                | "up"
                | "to"
        )
    };
    let mut q = k;
    while q < k + 4 && lead(q) {
        q += 1;
    }
    ctx.word(q)
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '$' | '\u{20ac}' | '\u{a3}'))
}

/// "The Three Brotherhood Alliance, made up of A, B and C": A, B and C are
/// members of the group named just before the cue.
fn read_members(ctx: &mut Ctx, cl: &Clause, hit: &CueHit) {
    let slots = cl.slots;
    let Some(group) = slots
        .iter()
        .rposition(|sl| sl.t1 <= hit.c0 && sl.t1 + 3 >= hit.c0)
    else {
        return;
    };
    let Some(f) = slots
        .iter()
        .position(|sl| sl.t0 >= hit.c1 && sl.t0 <= hit.c1 + 1)
    else {
        return;
    };
    for m in ctx.coordinated_right(slots, f) {
        ctx.emit_hit(slots[m], slots[group], cl, hit, Modal::ASSERTED, 0.75);
    }
}

/// "U.S.-UK cooperation": names joined by hyphens before the noun, every
/// pair of the chain ("the Australia-UK-US partnership"). Modifiers may
/// stand between the last name and the noun: capitalised words of a name
/// ("the U.S.-India Comprehensive Global Strategic Partnership"), words of
/// `data/lexicon/pair_modifiers.txt` ("the U.S.-Japan security alliance")
/// and a parenthesised short name ("the Australia-UK-US (AUKUS)
/// partnership").
fn read_pair(ctx: &mut Ctx, cl: &Clause, hit: &CueHit) {
    let slots = cl.slots;
    let Some(b) = slots
        .iter()
        .rposition(|sl| sl.t1 <= hit.c0 && ctx.pair_gap(slots, sl.t1, hit.c0))
    else {
        return;
    };
    let joined = |x: &Slot, y: &Slot| {
        ctx.text
            .get(x.end..y.start)
            // "the U.S.- Oman bilateral relationship": a stray space after
            // the hyphen.
            .is_some_and(|g| matches!(g, "-" | "\u{2013}" | "- "))
    };
    let mut first = b;
    while first > 0 && joined(&slots[first - 1], &slots[first]) {
        first -= 1;
    }
    if first == b {
        return;
    }
    let mut flags = ctx.modality(cl.s.first, hit.c0);
    flags.negated |= ctx.undone_after(hit.c1);
    for i in first..b {
        for j in i + 1..=b {
            ctx.emit_hit(slots[i], slots[j], cl, hit, flags, 0.7);
        }
    }
}

/// "Iran-backed Houthis": the source ends where the cue starts, the target
/// follows it.
fn read_suffix(ctx: &mut Ctx, cl: &Clause, hit: &CueHit) {
    let slots = cl.slots;
    // "Iran-backed Houthi rebels": only capitalised words (or "the") may
    // stand before the target; "Iran-backed militias attacked US forces"
    // names no one backed.
    let Some(a) = slots.iter().find(|sl| sl.end == hit.start) else {
        return;
    };
    let after = slots.iter().find(|sl| {
        sl.t0 >= hit.c1
            && sl.t0 <= hit.c1 + 2
            && (hit.c1..sl.t0)
                .all(|k| ctx.lw(k) == "the" || ctx.word(k).starts_with(char::is_uppercase))
    });
    // "the Popular Mobilization Forces (PMF), an Iranian-backed militia":
    // an apposition's qualifier qualifies the name it follows.
    let before = || {
        let mut k = a.t0.checked_sub(1)?;
        if !matches!(ctx.lw(k), "a" | "an") {
            return None;
        }
        k = k.checked_sub(1)?;
        if ctx.word(k) != "," {
            return None;
        }
        let named = |k: usize| slots.iter().find(|sl| sl.t1 == k && !sl.compound);
        if let Some(b) = named(k) {
            return Some(b);
        }
        if k > cl.s.first && ctx.word(k - 1) == ")" {
            k = (cl.s.first..k - 1).rev().find(|&q| ctx.word(q) == "(")?;
        }
        named(k)
    };
    let Some(b) = after.or_else(before) else {
        return;
    };
    ctx.emit_hit(*a, *b, cl, hit, Modal::ASSERTED, 0.75);
}

/// "talks between A, B and C": every pair of the coordinated names after
/// the cue (both ways for mutual acts, "clashes between A and B").
fn read_between(ctx: &mut Ctx, cl: &Clause, hit: &CueHit) {
    let slots = cl.slots;
    // "brought together the presidents of A, B and C": no name right after
    // the cue, but a list the n-ary mechanism reads.
    let named: Vec<Slot> = slots
        .iter()
        .position(|sl| sl.t0 >= hit.c1 && sl.t0 <= hit.c1 + 1)
        // "attended by Israeli prime minister Benjamin Netanyahu and ...":
        // the list is of the people; their states' adjectives only qualify.
        .map(|f| match slots.get(f + 1) {
            Some(p)
                if slots[f].kind == Kind::State
                    && p.kind == Kind::Person
                    && ctx.title_end(slots[f].t1) == Some(p.t0) =>
            {
                f + 1
            }
            // "talks between NATO Allies Turkey and Greece": a body's name
            // and the noun for its members qualify the list after them.
            Some(n)
                if slots[f].kind == Kind::Alliance
                    && matches!(ctx.lw(slots[f].t1), "allies" | "members" | "partners")
                    && (n.t0 == slots[f].t1 + 1
                        || (n.t0 == slots[f].t1 + 2 && ctx.lw(slots[f].t1 + 1) == "states")) =>
            {
                f + 1
            }
            _ => f,
        })
        .map(|f| {
            ctx.coordinated_right(slots, f)
                .into_iter()
                .map(|k| slots[k])
                .collect()
        })
        .unwrap_or_default();
    // "a partnership between A, B, the Governments of C and D, and E": the
    // n-ary mechanism reads lists with words between the names.
    let listed = ctx
        .on
        .on(Mechanism::Nary)
        .then(|| party_list(ctx, cl.s, cl.slots, hit.c1))
        .flatten()
        .filter(|l| l.len() > named.len());
    let group = listed.as_ref().unwrap_or(&named);
    if group.len() < 2 {
        return;
    }
    // "may be transferred via a Protection Transfer Arrangement between A
    // and B": what a preposition of means introduces exists already; the
    // clause's modality is the transfer's, not the arrangement's.
    let mut k = hit.c0;
    while k > cl.s.first
        && k + 6 > hit.c0
        && ctx
            .word(k - 1)
            .chars()
            .all(|c| c.is_alphabetic() || c == '-')
        && !matches!(ctx.lw(k - 1), "via" | "under" | "through")
        && !PREPOSITIONS.contains(&ctx.lw(k - 1))
        && !ctx.g.lexicon.modality.contains_key(ctx.lw(k - 1))
    {
        k -= 1;
    }
    let means = k > cl.s.first && matches!(ctx.lw(k - 1), "via" | "under" | "through");
    let flags = ctx.modality(if means { k - 1 } else { cl.s.first }, hit.c0);
    let mutual = hit.cue.form == CueForm::BetweenMutual;
    let before = ctx.out.len();
    for (n, &a) in group.iter().enumerate() {
        for &b in &group[n + 1..] {
            ctx.emit_pair(a, hit.cue.edge, b, cl.si, hit.span(), flags, 0.75, mutual);
        }
    }
    if listed.is_some() {
        let via = ctx.parties_via(hit.c0, group);
        let plain = |e: usize| named.iter().any(|sl| sl.entity == e);
        for rel in &mut ctx.out[before..] {
            if !(plain(rel.source) && plain(rel.target)) {
                rel.resolved_by(Mechanism::Nary, via.clone());
            }
        }
    }
}

/// "agreed on the (urgent) need to", "agreed on the importance of": an
/// agreement cue whose object is a view of `data/lexicon/views.txt`.
fn shared_view(ctx: &Ctx, cl: &Clause, hit: &CueHit) -> bool {
    hit.cue.text == "agreed on"
        && (hit.c1..(hit.c1 + 4).min(cl.s.last))
            .take_while(|&k| ctx.word(k).chars().all(|c| c.is_ascii_lowercase()))
            .any(|k| ctx.g.lexicon.views.contains(ctx.lw(k)))
}

/// "recognise A (and B) as part of C": C claims every region named before
/// the cue.
fn read_part_of(ctx: &mut Ctx, cl: &Clause, hit: &CueHit) {
    let slots = cl.slots;
    if hit.cue.edge == EdgeType::Supports {
        recognised_as(ctx, cl, hit);
        return;
    }
    let Some(claimant) = slots
        .iter()
        .find(|sl| sl.t0 >= hit.c1 && sl.t0 <= hit.c1 + 1)
        .copied()
    else {
        return;
    };
    for sl in slots
        .iter()
        .filter(|sl| sl.t1 <= hit.c0 && sl.t1 + 3 * REACH > hit.c0)
    {
        if matches!(sl.kind, Kind::Region) {
            ctx.emit(
                claimant,
                EdgeType::Claims,
                *sl,
                cl.si,
                hit.span(),
                Modal::ASSERTED,
                0.8,
            );
        }
    }
}

/// "Moscow recognises the breakaway regions of A and B as independent
/// states", "a decree recognizing Crimea as a sovereign state": the one who
/// recognises (the name before the verb) supports each name between the
/// verb and the cue.
fn recognised_as(ctx: &mut Ctx, cl: &Clause, hit: &CueHit) {
    let (s, slots) = (cl.s, cl.slots);
    // "as independent experts": the phrase ends at "independent".
    let next = ctx.lw(hit.c1);
    if hit.cue.text == "as independent"
        && next.starts_with(char::is_alphabetic)
        && !matches!(
            next,
            "in" | "on" | "and" | "after" | "since" | "by" | "at" | "from"
        )
    {
        return;
    }
    // The verb, or the noun after its agent's possessive ("Moscow's
    // recognition of A as ..."; "any recognition of A" names no act), with
    // no other clause between it and the cue.
    let Some(v) = (hit.c0.saturating_sub(12).max(s.first)..hit.c0)
        .rev()
        .find(|&k| ctx.lw(k).starts_with("recogni"))
    else {
        return;
    };
    let noun = ctx.lw(v).starts_with("recognition");
    let possessor = slots
        .iter()
        .position(|sl| sl.t1 + 1 == v && ctx.possessive_at(sl.t1));
    if noun && possessor.is_none() {
        return;
    }
    if (v..hit.c0).any(|k| matches!(ctx.lw(k), "which" | "who" | "that" | ";")) {
        return;
    }
    // "Kosovo, recognised by the United States as ...": the passive's
    // recogniser follows; not read.
    if ctx.lw(v + 1) == "by" || (v > s.first && BE.contains(&ctx.lw(v - 1))) {
        return;
    }
    let Some(src) = possessor.or_else(|| {
        slots
            .iter()
            .rposition(|sl| sl.t1 <= v && sl.t1 + REACH > v && !sl.compound)
    }) else {
        return;
    };
    // "refuses to recognise", "rejects any recognition": a refusal.
    if (slots[src].t1..v).any(|k| {
        let w = ctx.lw(k);
        w.starts_with("refus") || w.starts_with("reject") || w == "against"
    }) {
        return;
    }
    let flags = ctx.modality(slots[src].t1, v);
    for &a in &ctx.coordinated_left(slots, src) {
        for b in slots.iter().filter(|sl| sl.t0 > v && sl.t1 <= hit.c0) {
            ctx.emit_hit(slots[a], *b, cl, hit, flags, 0.7);
        }
    }
}

/// Whether a verb cue is read as a passive: "X was attacked by Y", "has
/// been sharply criticised by", and the participle "X, backed by Y". A cue
/// that ends in a preposition ("is headed to") is active.
fn is_passive(ctx: &Ctx, cl: &Clause, hit: &CueHit) -> bool {
    // "Our goal is to support X": an infinitive cue is active.
    if hit.cue.form == CueForm::Noun || hit.cue.text.starts_with("to ") {
        return false;
    }
    let (s, c0, c1) = (cl.s, hit.c0, hit.c1);
    let prev = c0
        .checked_sub(1)
        .filter(|&p| p >= s.first)
        .map(|p| ctx.lw(p));
    let last = ctx.lw(c1.saturating_sub(1));
    let ends_in_preposition = matches!(
        last,
        "to" | "in" | "at" | "with" | "on" | "into" | "of" | "for"
    );
    let be_before = prev.is_some_and(|p| BE.contains(&p))
        || (prev.is_some_and(|p| p.ends_with("ly"))
            && c0 >= s.first + 2
            && BE.contains(&ctx.lw(c0 - 2)));
    let participle = (ctx.lw(c1) == "by" || as_phrase_by(ctx, cl, c1).is_some())
        && hit.cue.tail.is_none()
        && cl
            .slots
            .iter()
            .any(|sl| sl.t1 == c0 || (sl.t1 + 1 == c0 && ctx.word(sl.t1) == ","));
    // "is designating X", "are attacking": a progressive is active.
    let progressive = ctx.lw(c0).ends_with("ing");
    (!ends_in_preposition && !progressive && be_before) || participle
}

/// "condemned as illegal by X", "rejected as a provocation by X": after a
/// passive cue at token `c1`, "as" and a few lowercase words (no name, no
/// clause word) before "by"; returns the index of "by".
fn as_phrase_by(ctx: &Ctx, cl: &Clause, c1: usize) -> Option<usize> {
    if ctx.lw(c1) != "as" {
        return None;
    }
    let by = (c1 + 2..(c1 + 6).min(cl.s.last)).find(|&k| ctx.lw(k) == "by")?;
    (c1 + 1..by)
        .all(|k| {
            let w = ctx.word(k);
            w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !GAP_BLOCKERS.contains(&w)
                && !cl.slots.iter().any(|sl| sl.t0 <= k && k < sl.t1)
        })
        .then_some(by)
}

/// "Natanz and Isfahan were targeted by Israel and the United States":
/// sources after "by", targets before the verb; an agentless passive
/// names no source.
fn read_passive(ctx: &mut Ctx, cl: &Clause, hit: &CueHit) {
    ctx.rule.push_str("-passive");
    let (slots, c0, mut c1) = (cl.slots, hit.c0, hit.c1);
    // "was condemned in a joint statement by A, B and C", "was attacked
    // in the morning by X": a short phrase of "in", a determiner and
    // lowercase words stands before the agent.
    if ctx.lw(c1) == "in"
        && matches!(ctx.lw(c1 + 1), "a" | "an" | "the")
        && let Some(by) = (c1 + 3..(c1 + 6).min(cl.s.last)).find(|&k| ctx.lw(k) == "by")
        && (c1 + 2..by).all(|k| {
            let w = ctx.word(k);
            w.chars().all(|c| c.is_ascii_lowercase())
                && !GAP_BLOCKERS.contains(&w)
                && !slots.iter().any(|sl| sl.t0 <= k && k < sl.t1)
        })
    {
        c1 = by;
    }
    if let Some(by) = as_phrase_by(ctx, cl, c1) {
        c1 = by;
    }
    let strike = if ctx.lw(c1) == "by" {
        None
    } else {
        strike_agent(ctx, cl, hit, c1)
    };
    if ctx.lw(c1) != "by" && strike.is_none() {
        designated_by_publisher(ctx, cl, hit);
        return;
    }
    if strike.is_some() {
        ctx.rule.push_str("-strike");
    }
    // "by the mainland Chinese government": "the" and a lowercase modifier
    // may stand before the agent.
    let Some(src) = strike.or_else(|| {
        slots.iter().position(|sl| {
            sl.t0 == c1 + 1
                || sl.t0 == c1 + 2
                || (sl.t0 == c1 + 3
                    && ctx.lw(c1 + 1) == "the"
                    && ctx.word(c1 + 2).chars().all(|c| c.is_ascii_lowercase())
                    && !GAP_BLOCKERS.contains(&ctx.lw(c1 + 2)))
        })
    }) else {
        return;
    };
    // "Turkey is under EU sanctions, and was condemned by A": a passive
    // predicate after "and" shares its clause's subject.
    let mut b = c0;
    while b > cl.s.first && (BE.contains(&ctx.lw(b - 1)) || ctx.lw(b - 1).ends_with("ly")) {
        b -= 1;
    }
    let coordinated = b < c0 && b > cl.s.first && ctx.lw(b - 1) == "and";
    // "the Senate, which has a Republican majority, and it must be signed
    // by Trump": a pronoun of a thing, which the discourse stage left
    // unnamed, is the patient; the name before it is not. ("Putin said he
    // was criticised by Biden": "he" may well be the name before.)
    let mut p = b;
    while p > cl.s.first
        && (MODALS.contains(&ctx.lw(p - 1)) || matches!(ctx.lw(p - 1), "also" | "not"))
    {
        p -= 1;
    }
    let unnamed_patient = p > cl.s.first
        && matches!(ctx.lw(p - 1), "it" | "this" | "these")
        && !slots.iter().any(|sl| sl.t0 < p && p - 1 < sl.t1);
    let nearest = if unnamed_patient {
        None
    } else if coordinated {
        ctx.shared_subject(slots, cl.s, b)
    } else {
        slots
            .iter()
            .rposition(|sl| sl.t1 < c0 && sl.t1 + REACH > c0)
            .map(|n| apposition_head(ctx, cl, n, p))
    };
    let Some(tgt) = nearest else {
        // "The deal was signed by A, adviser to X, and by B": the agents
        // of a symmetric act with no named object act with one another.
        if hit.cue.edge.is_symmetric() {
            let mut agents = ctx.coordinated_right(slots, src);
            for k in c1 + 2..cl.s.last {
                if ctx.lw(k) == "by"
                    && ctx.lw(k - 1) == "and"
                    && let Some(j) = slots.iter().position(|sl| sl.t0 == k + 1)
                {
                    agents.extend(ctx.coordinated_right(slots, j));
                }
            }
            let flags = ctx.modality(cl.s.first, c0);
            for (n, &a) in agents.iter().enumerate() {
                for &b in &agents[n + 1..] {
                    ctx.emit_hit(slots[a], slots[b], cl, hit, flags, 0.7);
                }
            }
        }
        return;
    };
    let mut sources = ctx.coordinated_right(slots, src);
    // "targeted by Israeli aircraft and American cruise missiles": agents
    // named by a state's adjective before their weapons or forces, each
    // noun phrase of lowercase words, joined by "and".
    while let Some(&last) = sources.last() {
        let mut k = slots[last].t1;
        let from = k;
        while k < from + 3
            && k < cl.s.last
            && ctx
                .word(k)
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-')
            && !GAP_BLOCKERS.contains(&ctx.lw(k))
        {
            k += 1;
        }
        let next = slots
            .iter()
            .position(|sl| sl.t0 == k + 1 && sl.kind == Kind::State && !sl.compound);
        match next {
            Some(n) if k > from && ctx.lw(k) == "and" && ctx.word(k + 1) != "the" => {
                sources.push(n)
            }
            _ => break,
        }
    }
    let targets = ctx.coordinated_left(slots, tgt);
    let flags = ctx.modality(slots[tgt].t1, c0);
    let conf = confidence(0.75, c0 - slots[tgt].t1);
    for &a in &sources {
        for &b in &targets {
            ctx.emit_hit(slots[a], slots[b], cl, hit, flags, conf);
        }
    }
}

/// "Hamza bin Laden, son of the late Al-Qaeda founder, has been killed":
/// the name `n` inside an apposition set off by commas right before the
/// verb group at `verb` describes the name before the first comma, which is
/// the clause's subject, as it is before a relative clause ("the Houthis,
/// who are backed by Iran, were attacked"). An apposition holds no
/// predicate; else `n`.
fn apposition_head(ctx: &Ctx, cl: &Clause, n: usize, verb: usize) -> usize {
    let slots = cl.slots;
    let mut close = verb;
    while close > slots[n].t1 && matches!(ctx.lw(close - 1), "has" | "have" | "had") {
        close -= 1;
    }
    if close <= slots[n].t1 || ctx.word(close - 1) != "," {
        return n;
    }
    let close = close - 1;
    let Some(open) = (cl.s.first..slots[n].t0)
        .rev()
        .take(12)
        .find(|&k| ctx.word(k) == ",")
    else {
        return n;
    };
    let head = slots.iter().position(|sl| sl.t1 == open && !sl.compound);
    let relative = matches!(ctx.lw(open + 1), "who" | "which");
    match head {
        Some(h) if relative || (open + 1..close).all(|k| !ctx.predicate_at(k)) => h,
        _ => n,
    }
}

/// "Hassan Nasrallah was killed in an Israeli airstrike", "killed in a
/// US counter-terrorism operation": after a passive attack verb and "in",
/// the state or group named right before a noun of
/// `data/lexicon/strikes.txt` (up to two lowercase words between) is the
/// agent. A person ("killed in Netanyahu's war") or a place ("killed in a
/// Gaza airstrike": a region) names no agent.
fn strike_agent(ctx: &Ctx, cl: &Clause, hit: &CueHit, c1: usize) -> Option<usize> {
    if hit.cue.edge != EdgeType::Attacks || ctx.lw(c1) != "in" {
        return None;
    }
    let mut k = c1 + 1;
    if matches!(ctx.lw(k), "a" | "an" | "the") {
        k += 1;
    }
    let agent = cl.slots.iter().position(|sl| {
        sl.t0 == k && !sl.compound && matches!(sl.kind, Kind::State | Kind::Organization)
    })?;
    let from = cl.slots[agent].t1;
    (from..(from + 3).min(cl.s.last)).find_map(|n| {
        let w = ctx.lw(n);
        if ctx.strike_noun(n) {
            return Some(Some(agent));
        }
        let lowercase = ctx
            .word(n)
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-');
        (!lowercase || GAP_BLOCKERS.contains(&w)).then_some(None)
    })?
}

/// "OOO Volga Group is being designated for operating in ...", "A and B
/// are each being designated pursuant to E.O. 14024": in a government's own
/// release (`data/lexicon/publishers.tsv`), an agentless passive of a
/// sanctions verb is the publishing state's act ([`Mechanism::Office`], as
/// "The Department is designating ..."). The names right before the verb
/// (joined by "and" or commas; only auxiliaries and adverbs between) are
/// its targets. A news report's agentless passive names no one.
fn designated_by_publisher(ctx: &mut Ctx, cl: &Clause, hit: &CueHit) {
    if hit.cue.edge != EdgeType::Sanctions
        || hit.cue.form != CueForm::Verb
        || !ctx.on.on(Mechanism::Office)
    {
        return;
    }
    let Some(state) = ctx
        .r
        .bodies
        .as_ref()
        .map(|(st, _)| *st)
        .or_else(|| ctx.r.office.as_ref().map(|(st, _)| *st))
    else {
        return;
    };
    let (slots, c0) = (cl.slots, hit.c0);
    let Some(tgt) = slots.iter().rposition(|sl| {
        sl.t1 <= c0
            && sl.t1 + 5 >= c0
            && (sl.t1..c0).all(|k| {
                let w = ctx.lw(k);
                BE.contains(&w)
                    || matches!(
                        w,
                        "has"
                            | "have"
                            | "had"
                            | "also"
                            | "each"
                            | "both"
                            | "all"
                            | "today"
                            | "now"
                            | "hereby"
                            | "jointly"
                            | "additionally"
                    )
            })
    }) else {
        return;
    };
    if slots[tgt].entity == state || slots[tgt].kind == Kind::Region {
        return;
    }
    ctx.rule.push_str("-publisher");
    let flags = ctx.modality(slots[tgt].t1, c0);
    let source = Slot {
        entity: state,
        kind: Kind::State,
        ..slots[tgt]
    };
    // The passive itself says who acts: "is being designated".
    let from = ctx
        .doc
        .tokens
        .get(slots[tgt].t1)
        .map_or(hit.start, |t| t.start);
    let via = ctx.text.get(from..hit.end).unwrap_or("").to_string();
    for k in ctx.coordinated_left(slots, tgt) {
        let before = ctx.out.len();
        ctx.emit_hit(source, slots[k], cl, hit, flags, 0.6);
        for rel in &mut ctx.out[before..] {
            rel.resolved_by(Mechanism::Office, via.clone());
        }
    }
}

/// "their talks", "their meeting": the first two parties of the sentence.
fn read_their_nominal(ctx: &mut Ctx, cl: &Clause, hit: &CueHit) {
    ctx.rule.push_str("-their");
    let mut parties: Vec<Slot> = Vec::new();
    for sl in cl.slots.iter().filter(|sl| sl.t1 <= hit.c0) {
        if matches!(sl.kind, Kind::Person | Kind::State)
            && !parties.iter().any(|p| p.entity == sl.entity)
        {
            parties.push(*sl);
        }
    }
    if parties.len() >= 2 {
        let flags = ctx.modality(parties[1].t1, hit.c0);
        ctx.emit_hit(parties[0], parties[1], cl, hit, flags, 0.65);
    }
}

/// Whether an event is asserted: modality from the subject (or the
/// conjunct's start) to the cue, and an indefinite conflict nominal ("any
/// attack on X", "an armed attack on X would ...") is no event.
fn assertion(ctx: &Ctx, cl: &Clause, hit: &CueHit, subjects: &[Slot]) -> Modal {
    let (s, c0) = (cl.s, hit.c0);
    // Negation stays in its own conjunct: "would not accept X and accused
    // Y" does not negate the accusation.
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
    // "France pledged 2 billion euros in military aid to Ukraine": a pledge
    // of support is support, so the pledge flags nothing (what follows it
    // still may: "pledged to consider sending").
    let pledge = (hit.cue.edge == EdgeType::Supports)
        .then(|| {
            (flag_from.min(c0)..c0).rev().find(|&k| {
                matches!(
                    ctx.lw(k),
                    "pledged" | "pledges" | "pledge" | "promised" | "promises" | "vowed" | "vows"
                )
            })
        })
        .flatten();
    let mut flags = ctx.modality(pledge.map_or(flag_from.min(c0), |k| k + 1), c0);
    if indefinite_conflict(ctx, cl, hit) {
        flags.hypothetical = true;
    }
    flags
}

/// Words between an indefinite determiner and a conflict nominal: "any
/// further Russian aggression", "any new attack".
const CONFLICT_MODIFIERS: &[&str] = &[
    "further", "new", "renewed", "military", "armed", "future", "possible",
];

/// An indefinite conflict nominal is no event: "any attack on X", "any
/// further Russian aggression against X", "any attack by Iran", and "an
/// attack on X" when a hypothetical word ("would") follows.
fn indefinite_conflict(ctx: &Ctx, cl: &Clause, hit: &CueHit) -> bool {
    let (s, c0) = (cl.s, hit.c0);
    if !matches!(hit.cue.form, CueForm::Noun | CueForm::Agent) || !hit.cue.edge.is_conflict() {
        return false;
    }
    // The nominal's determiner, before its modifiers and a state's
    // adjective.
    let mut d = c0;
    while d > s.first
        && d + 4 > c0
        && (CONFLICT_MODIFIERS.contains(&ctx.lw(d - 1))
            || cl.slots.iter().any(|sl| sl.t0 < d && d <= sl.t1))
    {
        d -= 1;
    }
    let indefinite = (d.saturating_sub(2).max(s.first)..d)
        .map(|k| ctx.lw(k))
        .find(|w| matches!(*w, "a" | "an" | "any"));
    let modal_after = (hit.c1..s.last)
        .any(|k| ctx.g.lexicon.modality.get(ctx.lw(k)) == Some(&Modality::Hypothetical));
    indefinite == Some("any") || (indefinite.is_some() && modal_after)
}

/// The agents named by "by" right after a nominal cue's last target, with
/// those coordinated with the first.
fn by_agent_after(ctx: &mut Ctx, cl: &Clause, hit: &CueHit, targets: &[Slot]) -> Option<Vec<Slot>> {
    if hit.cue.form != CueForm::Noun {
        return None;
    }
    // Only a nominal with its own determiner ("the visit", "a recent
    // visit"): in "assigned to lead negotiations with X by Y", Y is the
    // agent of "assigned".
    let det = |k: usize| k >= cl.s.first && matches!(ctx.lw(k), "the" | "a" | "an");
    let c0 = hit.c0;
    if !(c0 > cl.s.first && (det(c0 - 1) || (c0 > cl.s.first + 1 && det(c0 - 2)))) {
        return None;
    }
    let last = targets.last()?;
    if ctx.lw(last.t1) != "by" {
        return None;
    }
    let first = cl
        .slots
        .iter()
        .position(|sl| sl.t0 == last.t1 + 1 || sl.t0 == last.t1 + 2)?;
    ctx.rule.push_str("-by-agent");
    Some(
        ctx.coordinated_right(cl.slots, first)
            .into_iter()
            .map(|k| cl.slots[k])
            .collect(),
    )
}

/// "Iran condemned the strikes": an opposing or accusing verb whose object
/// is a definite attack noun takes as targets the attackers the article
/// reported within the last two sentences.
fn event_anaphora(ctx: &mut Ctx, cl: &Clause, hit: &CueHit, discourse: &Discourse) -> Vec<Slot> {
    let c1 = hit.c1;
    if !(ctx.on.on(Mechanism::Event)
        && matches!(hit.cue.edge, EdgeType::Opposes | EdgeType::Accuses)
        && hit.cue.form == CueForm::Verb
        && matches!(ctx.lw(c1), "the" | "these" | "those" | "this"))
    {
        return Vec::new();
    }
    let noun = ctx.lw(c1 + 1);
    let remembered = if LAUNCH_NOUNS.contains(&noun) {
        &discourse.launchers
    } else if DRILL_NOUNS.contains(&noun) {
        &discourse.drillers
    } else if ATTACK_NOUNS.contains(&noun) {
        &discourse.attackers
    } else {
        return Vec::new();
    };
    let Some((attackers, seen)) = remembered else {
        return Vec::new();
    };
    if c1 + 1 >= ctx.doc.tokens.len() || cl.si > seen + 2 {
        return Vec::new();
    }
    ctx.rule.push_str("-event-anaphora");
    let from = ctx.doc.tokens[c1].start;
    attackers
        .iter()
        .map(|&e| ctx.reference_slot(e, c1 + 1, Mechanism::Event, from))
        .collect()
}

/// "North Korea fired a ballistic missile", "Iran tested a rocket",
/// "Pyongyang conducted a nuclear test": the state or group at the head of
/// a sentence that launches or tests a weapon (a launching verb within
/// three words after it, a weapon word within four after the verb).
fn weapons_act(ctx: &Ctx, cl: &Clause) -> Option<usize> {
    let s = cl.s;
    let actor = cl
        .slots
        .iter()
        .find(|sl| matches!(sl.kind, Kind::State | Kind::Organization) && !sl.compound)?;
    let verb = (actor.t1..(actor.t1 + 3).min(s.last)).find(|&k| {
        !cl.slots.iter().any(|o| o.t0 >= actor.t1 && o.t0 < k)
            && matches!(
                ctx.lw(k),
                "fired" | "launched" | "tested" | "conducted" | "test-fired" | "carried"
            )
    })?;
    (verb + 1..(verb + 6).min(s.last))
        .any(|k| {
            matches!(
                ctx.lw(k),
                "missile" | "missiles" | "rocket" | "rockets" | "test" | "tests" | "launch"
            )
        })
        .then_some(actor.entity)
}

/// A verb, nominal or mutual cue in a clause: passive, "their" nominal,
/// else subjects left of the cue and targets right of it.
fn read_clause_cue(
    ctx: &mut Ctx,
    cl: &Clause,
    hit: &CueHit,
    last_cue: Option<(usize, EdgeType)>,
    last_verb: &mut LastVerb,
    discourse: &Discourse,
) {
    let cue = hit.cue;
    let (s, c0, c1) = (cl.s, hit.c0, hit.c1);
    if is_passive(ctx, cl, hit) {
        // "the Russian ambassador was summoned (by Germany)": not read in
        // the passive.
        if !matches!(cue.form, CueForm::Envoy | CueForm::Dative) {
            read_passive(ctx, cl, hit);
        }
        return;
    }
    // "the Quad Leaders Summit, hosted by President Biden": a past
    // participle right before "by" is never an active verb, though no name
    // it describes stands right before it.
    if cue.form == CueForm::Verb
        && hit.cue.tail.is_none()
        && c1 == c0 + 1
        && ctx.lw(c0).ends_with("ed")
        && ctx.lw(c1) == "by"
    {
        return;
    }
    let prev = c0
        .checked_sub(1)
        .filter(|&p| p >= s.first)
        .map(|p| ctx.lw(p));
    // "in illegally annexed Crimea": a past participle right after a
    // preposition (an adverb may stand between) modifies the name after
    // it; its agent is not named here.
    if cue.form == CueForm::Verb && ctx.lw(c0).ends_with("ed") {
        let k = ctx.adverbs_before(c0, s.first);
        if k < c0 && k > s.first && matches!(ctx.lw(k - 1), "in" | "into" | "across") {
            return;
        }
    }
    // "its attacks", "an airstrike": after a determiner a one-word verb cue
    // is a noun with no preposition to name its target ("a member of" is a
    // phrase of its own).
    // ("condemned the Iranian missile attacks near Erbil": also after a
    // determiner, a state's adjective and plain modifiers.)
    let determiner = |w: &str| {
        matches!(
            w,
            "the" | "a" | "an" | "its" | "their" | "our" | "his" | "her" | "this" | "that"
        )
    };
    let noun_after_modifiers = || {
        // A plain noun right before the cue ("missile attacks"), no adverb
        // ("The United States strongly supports").
        let noun_before = c0 > s.first
            && ctx.word(c0 - 1).chars().all(|c| c.is_ascii_lowercase())
            && !ctx.lw(c0 - 1).ends_with("ly")
            && !matches!(
                ctx.lw(c0 - 1),
                "also"
                    | "still"
                    | "now"
                    | "further"
                    | "again"
                    | "then"
                    | "often"
                    | "never"
                    | "always"
                    | "already"
                    | "even"
                    | "once"
                    | "together"
                    | "too"
                    | "thus"
                    | "hereby"
                    | "today"
                    | "jointly"
                    | "not"
            )
            && ctx.only_modifiers(c0 - 1, c0);
        if !noun_before {
            return false;
        }
        let mut k = c0;
        let mut adjective = false;
        while k > s.first && c0 - k < 5 {
            let p = k - 1;
            if let Some(sl) = cl.slots.iter().find(|sl| sl.t1 == k && sl.t0 <= p) {
                if sl.kind != Kind::State || ctx.possessive_at(sl.t1) {
                    return false;
                }
                adjective = true;
                k = sl.t0;
            } else if ctx.only_modifiers(p, k) && ctx.word(p) != "," && ctx.lw(p) != "and" {
                k = p;
            } else {
                return adjective && determiner(ctx.lw(p));
            }
        }
        false
    };
    // ("the Russian military attacks Ukraine": after an organ it is the
    // verb; "an Israeli airstrike killed X": a past tense of an attack is
    // never a noun.)
    let past_attack = cue.edge == EdgeType::Attacks && ctx.lw(c0).ends_with("ed");
    // ("an airstrike that killed X": after "that" a past tense is a
    // relative clause's verb.)
    if cue.form == CueForm::Verb
        && !cue.text.contains(' ')
        && ((prev.is_some_and(determiner) && !(past_attack && prev == Some("that")))
            || (!prev.is_some_and(|p| ctx.g.lexicon.organs.contains(p))
                && !past_attack
                && noun_after_modifiers()))
    {
        return;
    }
    // "discussed efforts to impose costs on Russia", "support Ukraine,
    // impose costs on Russia": a bare "impose ... costs" states a sanction
    // only after a future ("will impose", under a condition a threat) or
    // "continue to", and "imposing" only after a form of "be", "continue"
    // or "in"; elsewhere it is a purpose or a list of aims.
    if cue.edge == EdgeType::Sanctions
        && cue.tail.as_deref() == Some("costs on")
        && matches!(ctx.lw(c0), "impose" | "imposing")
    {
        let p = ctx.adverbs_before(c0, s.first);
        let before = |k: usize| if k > s.first { ctx.lw(k - 1) } else { "" };
        let future = matches!(before(p), "will" | "would" | "shall")
            || (before(p) == "and"
                && (s.first..p)
                    .rev()
                    .take(6)
                    .any(|k| matches!(ctx.lw(k), "will" | "would")));
        let continued =
            before(p) == "to" && matches!(before(p - 1), "continue" | "continues" | "continuing");
        // "is imposing", "continue imposing", "united in imposing"; not "by
        // imposing" or "and imposing" after another verb's object.
        let progressive = ctx.lw(c0) == "imposing"
            && (BE.contains(&before(p))
                || matches!(before(p), "continue" | "continues" | "continuing" | "in"));
        let (future, continued) = if ctx.lw(c0) == "imposing" {
            (false, false)
        } else {
            (future, continued)
        };
        if !(future || continued || progressive) {
            return;
        }
    }
    // "warn over troops sent to Russia": a participle of giving right
    // after what is given heads a reduced relative clause, whose agent the
    // sentence does not name.
    if cue.form == CueForm::Verb
        && cue.edge == EdgeType::Supports
        && (ctx.lw(c0).ends_with("ed") || ctx.lw(c0) == "sent")
        && prev.is_some_and(|p| ctx.g.lexicon.transferred.contains(p))
    {
        return;
    }
    if cue.form == CueForm::Noun && cue.edge.is_symmetric() && prev == Some("their") {
        read_their_nominal(ctx, cl, hit);
        return;
    }
    // "condemned threats against X": a nominal that is the object of the
    // verb right before it has an agent the text does not name.
    // ("agreed to send military aid to X": after "to" the verb is an
    // infinitive, and its nominal has the clause's subject as agent.)
    // ("cooperate closely in support of X": a nominal that opens with a
    // preposition right after the verb, or after its adverbs, is no
    // object; "condemned the vote in support of X" keeps the rule.)
    let last_cue_end = last_cue.map(|(e, _)| e);
    // "welcomes the close cooperation with X", "commends the coordination
    // with X": a joint act welcomed by the clause's subject is its own.
    let welcomed_joint = cue.edge == EdgeType::CooperatesWith
        && cue.text.ends_with(" with")
        && last_cue.is_some_and(|(_, edge)| edge == EdgeType::Supports);
    let adverbial = cue
        .text
        .split_whitespace()
        .next()
        .is_some_and(|w| PREPOSITIONS.contains(&w))
        && last_cue_end.is_some_and(|e| e <= c0 && (e..c0).all(|k| ctx.lw(k).ends_with("ly")));
    let object_of_verb = cue.form == CueForm::Noun
        && !adverbial
        && !welcomed_joint
        && last_cue_end.is_some_and(|e| {
            let infinitive = e > 0
                && ctx.lw(e - 1) == "to"
                && ctx.word(e).starts_with(char::is_lowercase)
                && !ctx.lw(e).ends_with("ed")
                && !ctx.lw(e).ends_with("ing")
                && !matches!(
                    ctx.lw(e),
                    "the" | "a" | "an" | "these" | "those" | "this" | "its" | "their" | "further"
                );
            !infinitive &&
            // "condemns the missile strikes on X": determiners and modifiers
            // may stand between the verb and its nominal object.
            // ("appreciate your visit to X": a possessive pronoun names
            // the nominal's own agent.)
            e <= c0
                && !(e..c0).any(|k| matches!(ctx.lw(k), "your" | "my" | "our"))
                && (e..c0).all(|k| {
                    matches!(ctx.lw(k), "the" | "a" | "an" | "these" | "those" | "this")
                        || ctx.only_modifiers(k, k + 1)
                })
        });
    let mut subjects = if object_of_verb {
        Vec::new()
    } else {
        ctx.subjects(cl.slots, s, cl.si, c0, cue, last_verb, discourse)
    };
    // "talks mediated by Qatar and Turkey, following a week of border
    // fighting": a mutual act named as a noun after "of" is done by the
    // clause's parties, not by names inside a prepositional phrase.
    if cue.form == CueForm::Mutual
        && (c0.saturating_sub(2).max(s.first)..c0).any(|k| ctx.lw(k) == "of")
        && subjects.first().is_some_and(|sl| {
            sl.via.is_none() && sl.t0 > s.first && PREPOSITIONS.contains(&ctx.lw(sl.t0 - 1))
        })
    {
        subjects.clear();
    }
    let max_gap = if cue.form == CueForm::Noun { 3 } else { 4 };
    // "hold Russia accountable", "hold X and his regime to account": a tail
    // that ends in no preposition leaves the target in the gap before it.
    let object_gap = object_in_gap(cue);
    let mut targets = if (cue.edge == EdgeType::Supports && cue.tail.as_deref() == Some("with"))
        || object_gap
    {
        // "provide Ukraine with weapons": the one provided for is the object
        // before "with".
        // ("will provide U.S. and Nigerian citizens with": the names
        // qualify the object, which must end right at "with").
        let tail_at = hit.tail_at;
        let head = cue
            .text
            .split(" ... ")
            .next()
            .map_or(1, |h| h.split_whitespace().count());
        let provided: Vec<Slot> = ctx
            .targets(cl.slots, c0 + head, cue, 2)
            .into_iter()
            .filter(|t| t.t1 <= tail_at)
            .collect();
        // ("hold Lukashenka and his regime to account": the name's own
        // people may close the object.)
        // ("held Moscow fully responsible": an adverb may close it too.)
        let closes = |t: &Slot| {
            t.t1 == tail_at
                || (object_gap
                    && t.t1 + 1 == tail_at
                    && ctx.lw(t.t1).ends_with("ly")
                    && ctx.lw(t.t1).chars().all(|c| c.is_ascii_lowercase()))
                || (object_gap
                    && (t.t1 + 3..=t.t1 + 5).contains(&tail_at)
                    && ctx.lw(t.t1) == "and"
                    && matches!(ctx.lw(t.t1 + 1), "his" | "her" | "its" | "their")
                    && (t.t1 + 2..tail_at).all(|k| ctx.word(k).chars().all(|c| c.is_lowercase())))
        };
        if provided.last().is_some_and(closes) {
            provided
        } else {
            Vec::new()
        }
    } else if cue.form == CueForm::Dative {
        dative_recipient(ctx, cl.slots, c1).into_iter().collect()
    } else if cue.form == CueForm::Envoy {
        envoy_state(ctx, cl.slots, c1, cl.s.last)
            .into_iter()
            .collect()
    } else {
        ctx.targets(cl.slots, c1, cue, max_gap)
    };
    // "security assistance to fight Russian aggression": "to" before a
    // verb cue is an infinitive, and what follows is that verb's object.
    let infinitive = cue.text.ends_with(" to")
        && cl.cues.iter().any(|&(start, _, other)| {
            matches!(other.form, CueForm::Verb | CueForm::Mutual)
                && ctx.doc.tokens.get(c1).is_some_and(|t| t.start == start)
        });
    // "sanctioned influential Russian executives: A, President of X; B,
    // CEO of Y; and C": the names the colon lists are the objects.
    if cue.edge == EdgeType::Sanctions && matches!(cue.form, CueForm::Verb) {
        targets.extend(colon_list(ctx, cl.slots, c1, cl.s.last));
        // "Today, the Department has designated:" and the names as the
        // next paragraph.
        if targets.is_empty()
            && ctx.word(c1) == ":"
            && c1 + 1 >= cl.s.last
            && let Some((next, slots)) = cl.next
        {
            targets.extend(listed_paragraph(ctx, next, slots));
        }
    }
    // "condemned the atrocities committed by Russia": the act's agent.
    if cue.edge == EdgeType::Opposes && cue.form == CueForm::Verb && targets.is_empty() {
        targets = condemned_agent(ctx, cl.slots, c1, cl.s.last);
    }
    // "A and B met for the Quad Leaders Summit": the occasion is no party.
    if infinitive || (cue.edge == EdgeType::MetWith && cue.text.ends_with(" for")) {
        targets.clear();
    }
    // "the visit to the United States by President Ghani", "sanctions on X
    // by Y": a nominal's agent after its target.
    let subjects = match by_agent_after(ctx, cl, hit, &targets) {
        Some(agents) => agents,
        None => subjects,
    };
    let mut subjects = subjects;
    if let Some(joined) = joined_in(ctx, cl, c0)
        && !subjects.iter().any(|sl| sl.entity == joined.entity)
    {
        subjects.push(joined);
    }
    // "called on Russia to immediately halt its attacks": a demand opposes
    // the one asked only when it asks them to stop; "urged Y to join the
    // talks" is none.
    if ctx.g.lexicon.demand_cues.contains(cue.text.as_str())
        && !targets.last().is_some_and(|t| ctx.demand_act_after(t.t1))
    {
        return;
    }
    let flags = assertion(ctx, cl, hit, &subjects);
    if targets.is_empty() {
        targets = event_anaphora(ctx, cl, hit, discourse);
    }
    // "The Philippines and Japan held drills near the Philippines": a
    // subject is never its own partner's target.
    if !cue.edge.is_symmetric() && subjects.len() > 1 {
        targets.retain(|t| !subjects.iter().any(|sl| sl.entity == t.entity));
    }
    // "will host the G7 summit": a name that qualifies a gathering is the
    // occasion, no party. "will meet with Ukrainian mothers and children",
    // "Afghan refugees": a state's adjective before its people
    // (`data/lexicon/civilians.txt`) names no party either.
    if cue.edge == EdgeType::MetWith {
        targets.retain(|t| {
            let people = t.kind == Kind::State
                && !ctx.possessive_at(t.t1)
                && (ctx.g.lexicon.civilians.contains(ctx.lw(t.t1))
                    || (ctx.word(t.t1).chars().all(|c| c.is_ascii_lowercase())
                        && ctx.g.lexicon.civilians.contains(ctx.lw(t.t1 + 1))));
            !ctx.gathering_noun(ctx.lw(t.t1)) && !people
        });
    }
    // "Russia and Belarus held joint exercises near Poland": a symmetric
    // verb cue that ends in its own object takes a partner only after
    // "with" ("held talks on Tuesday with X").
    let complete = cue.edge.is_symmetric()
        && cue.form == CueForm::Verb
        && cue.tail.is_none()
        && cue
            .text
            .rsplit(' ')
            .next()
            .is_some_and(|w| w != cue.text && !PREPOSITIONS.contains(&w));
    if complete {
        targets.retain(|t| (c1..t.t0).any(|k| ctx.lw(k) == "with"));
    }
    // "helped Ukraine", "assisting the Government of Iraq": the one helped
    // follows the verb ("helping teach displaced Ukrainian children" helps
    // no name).
    if matches!(
        cue.text.as_str(),
        "helps" | "helped" | "helping" | "assists" | "assisted" | "assisting"
    ) {
        // ("assisted the UN- and U.S.-designated Foreign Trade Bank": a
        // name cut off by a hyphen only qualifies the one helped.)
        targets.retain(|t| {
            ctx.word(t.t1) != "-"
                && (c1..t.t0).all(|k| {
                    matches!(
                        ctx.lw(k),
                        "the" | "a" | "an" | "of" | "people" | "government" | "authorities"
                    )
                })
        });
    }
    // "exchanged fire along the Line of Control": a mutual act is between
    // parties, never with a place.
    if cue.form == CueForm::Mutual {
        targets.retain(|t| t.kind != Kind::Region);
    }
    // "co-chaired the Working Group", "A and B co-hosted the ARF
    // Symposium": what a meeting verb's or an attending verb's parties
    // chair or host together is the occasion; only a person after it is a
    // party.
    let attending = ctx
        .g
        .lexicon
        .gatherings
        .get(cue.text.as_str())
        .is_some_and(|c| c == "attend");
    if cue.form == CueForm::Mutual && (cue.edge == EdgeType::MetWith || attending) {
        targets.retain(|t| t.kind == Kind::Person);
    }
    // "offered to host APEC next year": a forum one hosts is the occasion,
    // not a party met; "Peru, the 2024 APEC host": the noun names no
    // meeting.
    if cue.edge == EdgeType::MetWith && matches!(cue.text.as_str(), "host" | "hosts") {
        let noun = (c0.saturating_sub(4).max(s.first)..c0)
            .rev()
            .take_while(|&k| {
                matches!(ctx.lw(k), "the" | "a" | "an")
                    || ctx
                        .word(k)
                        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            })
            .any(|k| matches!(ctx.lw(k), "the" | "a" | "an"));
        if noun || (!targets.is_empty() && targets.iter().all(|t| t.kind == Kind::Alliance)) {
            return;
        }
    }
    // "warned that it would strike X", "threatened to impose sanctions on
    // X": the threat's target is the later act's.
    // ("the Charters currently threatened by Russia's aggression" is a
    // participle: its agent follows, and it names no threat's target.)
    if targets.is_empty()
        && cue.edge == EdgeType::Threatens
        && cue.form == CueForm::Verb
        && ctx.lw(c1) != "by"
    {
        let later = later_conflict_target(ctx, cl.slots, cl.cues, hit.end, c1);
        if !later.is_empty() {
            ctx.rule.push_str("-threatened-act");
        }
        targets.extend(later);
    }
    // "warned they could trigger the snapback of UN sanctions if Tehran does
    // not resume cooperation": the subject of the warning's condition is
    // the one threatened.
    if targets.is_empty()
        && cue.edge == EdgeType::Threatens
        && cue.form == CueForm::Verb
        && let Some(k) = (c1..cl.s.last).find(|&k| matches!(ctx.lw(k), "if" | "unless"))
        && !(c1..k).any(|q| matches!(ctx.word(q), ";" | "."))
        && let Some(t) = cl
            .slots
            .iter()
            .find(|sl| sl.t0 == k + 1 && !sl.compound && !ctx.possessive_at(sl.t1))
    {
        ctx.rule.push_str("-condition");
        targets.push(*t);
    }
    if read_hosting(ctx, cl, hit, &subjects, &targets, flags) {
        return;
    }
    // "The participants discussed X", "A and B discussed Ukraine": several
    // parties who discuss met one another; what they discussed is a topic.
    // "X discussed Iran's program with Y": the partner follows "with".
    if cue.edge == EdgeType::MetWith
        && cue.form == CueForm::Verb
        && cue.text.contains("discuss")
        && !cue.text.ends_with(" with")
    {
        targets = discussed_with(ctx, cl, hit);
    }
    let base = if cue.form == CueForm::Noun { 0.7 } else { 0.8 };
    let mut both_ways = cue.form == CueForm::Mutual;
    // "Iran fought with Russia against the rebels": a party after "with"
    // and before "against" fights on the subject's side; those after
    // "against" are the enemy of both, and the allies fight no one else.
    if both_ways
        && cue.edge == EdgeType::Attacks
        && let Some(against) = (c1..cl.s.last).find(|&k| ctx.lw(k) == "against")
    {
        let allies: Vec<Slot> = targets
            .iter()
            .filter(|t| t.t0 >= c1 && t.t1 <= against && (c0..t.t0).any(|k| ctx.lw(k) == "with"))
            .copied()
            .collect();
        if !allies.is_empty() {
            let enemy = cl.slots.iter().position(|sl| {
                !sl.compound
                    && (sl.t0 == against + 1
                        || (sl.t0 == against + 2 && ctx.lw(against + 1) == "the"))
            });
            targets = enemy
                .map(|e| {
                    ctx.coordinated_right(cl.slots, e)
                        .into_iter()
                        .map(|k| cl.slots[k])
                        .collect()
                })
                .unwrap_or_default();
            subjects.extend(allies);
            both_ways = false;
        }
    }
    // "The United States served as a co-sponsor of the resolution, along
    // with Sweden and Brazil": a lone subject's co-actors after the act.
    if targets.is_empty()
        && subjects.len() == 1
        && (cue.edge.is_symmetric() || both_ways)
        && cue.form != CueForm::Noun
    {
        targets = trailing_companions(ctx, cl, c1);
    }
    // "A and B fought": no object; "... fighting HIV/AIDS" has one, which
    // is what was fought (no pair of subjects fought each other).
    // ("fought a 10-week war" names the fight, not what was fought.)
    let object_follows = both_ways
        && cue.edge == EdgeType::Attacks
        && c1 < cl.s.last
        && ctx.doc.tokens[c1].word
        && !cl.slots.iter().any(|sl| sl.t0 == c1)
        && {
            let w = ctx.lw(c1);
            !w.ends_with("ly")
                && !PREPOSITIONS.contains(&w)
                && !GAP_BLOCKERS.contains(&w)
                && !NO_OBJECT.contains(&w)
        }
        && !(c1..(c1 + 4).min(cl.s.last)).any(|k| {
            let w = ctx.lw(k);
            ctx.g.lexicon.war_nouns.contains(w)
                || ctx.g.lexicon.war_nouns.contains(w.trim_end_matches('s'))
        });
    if targets.is_empty() && !object_follows {
        // "A and B met": every pair of a symmetric verb's subjects.
        if (cue.edge.is_symmetric() || both_ways) && cue.form != CueForm::Noun {
            ctx.rule.push_str("-subjects");
            for (n, a) in subjects.iter().enumerate() {
                for b in &subjects[n + 1..] {
                    ctx.emit_pair(*a, cue.edge, *b, cl.si, hit.span(), flags, 0.7, both_ways);
                }
            }
        }
    } else {
        for a in &subjects {
            for b in &targets {
                let dist = c0.saturating_sub(a.t1) + b.t0.saturating_sub(c1);
                ctx.emit_pair(
                    *a,
                    cue.edge,
                    *b,
                    cl.si,
                    hit.span(),
                    flags,
                    confidence(base, dist),
                    both_ways,
                );
            }
        }
        // "the army would fight any Turkish force", "vowed to strike Y": a
        // promised use of force threatens its target.
        if cue.edge == EdgeType::Attacks
            && flags.hypothetical
            && !flags.negated
            && promised_at(ctx, cl.s, c0)
        {
            let rule = std::mem::replace(&mut ctx.rule, "promised-force".to_string());
            let threat = Modal {
                hypothetical: false,
                ..flags
            };
            for a in &subjects {
                for b in &targets {
                    ctx.emit(*a, EdgeType::Threatens, *b, cl.si, hit.span(), threat, 0.6);
                }
            }
            ctx.rule = rule;
        }
        // "spoke with President Duque to express U.S. support": a call
        // held to express support or sympathy supports the partner.
        if cue.edge == EdgeType::MetWith
            && cue.form != CueForm::Mutual
            && let Some(last) = targets.iter().map(|t| t.t1).max()
            && let Some(k) = expressed_sympathy(ctx, last, cl.s.last)
        {
            let rule = std::mem::replace(&mut ctx.rule, "call-to-express".to_string());
            let at = ctx.doc.tokens[k];
            for a in &subjects {
                for b in &targets {
                    if matches!(b.kind, Kind::Person | Kind::State) {
                        ctx.emit(
                            *a,
                            EdgeType::Supports,
                            *b,
                            cl.si,
                            (at.start, at.end),
                            flags,
                            0.6,
                        );
                    }
                }
            }
            ctx.rule = rule;
        }
        // "will travel to India, Bangladesh, and Kuwait August 2-10 for
        // consultations": a trip made for talks meets the states visited.
        if cue.edge == EdgeType::Visited
            && let Some(last) = targets.iter().map(|t| t.t1).max()
            && talks_purpose_after(ctx, last, cl.s.last)
        {
            let rule = std::mem::replace(&mut ctx.rule, "visit-for-talks".to_string());
            for a in &subjects {
                for b in &targets {
                    // A city's talks are its state's.
                    let state = if b.kind == Kind::State {
                        Some(b.entity)
                    } else {
                        state_of_place(ctx, b.entity)
                    };
                    if let Some(state) = state {
                        let mut host = *b;
                        host.entity = state;
                        host.kind = Kind::State;
                        ctx.emit(*a, EdgeType::MetWith, host, cl.si, hit.span(), flags, 0.6);
                    }
                }
            }
            ctx.rule = rule;
        }
    }
    if cue.form != CueForm::Noun && !subjects.is_empty() {
        let objects = targets.iter().map(|t| t.entity).collect();
        *last_verb = Some((c1, subjects, objects));
    }
}

/// Whether the verb at token `c0` is promised (`data/lexicon/intents.txt`):
/// right after one of its words ("would", "will"; an adverb may stand
/// between), or after "to" and one ("vowed to", "pledged to").
fn promised_at(ctx: &Ctx, s: &crate::text::Sentence, c0: usize) -> bool {
    let k = ctx.adverbs_before(c0, s.first);
    let Some(before) = k.checked_sub(1).filter(|&b| b >= s.first) else {
        return false;
    };
    let intent = |j: usize| ctx.g.lexicon.intents.contains(ctx.lw(j));
    intent(before) || (ctx.lw(before) == "to" && before > s.first && intent(before - 1))
}

/// "spoke with X (of Ukraine) today to express his condolences": from
/// token `from` (after the partner), at most five words of time, place or
/// the partner's state, "to", a verb of `data/lexicon/sympathy_verbs.txt`
/// and, within five words, a noun of `data/lexicon/sympathy.txt`; that
/// noun's token.
fn expressed_sympathy(ctx: &Ctx, from: usize, last: usize) -> Option<usize> {
    let lex = &ctx.g.lexicon;
    let to = (from..(from + 6).min(last)).find(|&k| ctx.lw(k) == "to")?;
    // Nothing between but time words and a short "of X" / "by phone".
    if (from..to).any(|k| matches!(ctx.word(k), "," | ";" | ":") || ctx.lw(k) == "and") {
        return None;
    }
    if !lex.sympathy_verbs.contains(ctx.lw(to + 1)) {
        return None;
    }
    (to + 2..(to + 8).min(last)).find(|&k| lex.sympathy.contains(ctx.lw(k)))
}

/// "executives: A, President of X; B, CEO of Y; and C": after a verb's
/// object that names no one (lowercase words and state adjectives, from
/// token `from`), a colon and a list; the name that opens each item
/// (items end at ";" when there is one, else at ","). Empty when no colon
/// closes the object.
/// "condemned the atrocities committed by Russia in Bucha", "condemned
/// the attack against Ukraine by Russia's military forces", "condemned the
/// reported atrocities by President Putin's forces": an act of
/// `data/lexicon/condemned_acts.txt` that a condemning verb takes as its
/// object names its agent after "by" (after a participle, or after the
/// act's own prepositional phrase); the condemner opposes that agent.
fn condemned_agent(ctx: &Ctx, slots: &[Slot], c1: usize, last: usize) -> Vec<Slot> {
    let lex = &ctx.g.lexicon;
    let end = (c1 + 22).min(last);
    // The object's determiner and modifiers, then the act, after "in the
    // strongest terms" or "in strong terms".
    let mut k = c1;
    if ctx.lw(k) == "in"
        && let Some(terms) = (k + 1..(k + 5).min(end)).find(|&q| ctx.lw(q) == "terms")
    {
        k = terms + 1;
    }
    while k < end
        && (matches!(ctx.lw(k), "the" | "a" | "an" | "these" | "this" | "those" | ",")
            || ctx.only_modifiers(k, k + 1)
            // "the reported atrocities": a participle as a modifier.
            || (ctx.word(k).chars().all(|c| c.is_ascii_lowercase())
                && !PREPOSITIONS.contains(&ctx.lw(k))
                && !GAP_BLOCKERS.contains(&ctx.lw(k)))
            || slots
                .iter()
                .any(|sl| sl.t0 <= k && k < sl.t1 && sl.compound))
        && !lex.condemned_acts.contains(ctx.lw(k))
    {
        k += 1;
    }
    if k >= end || !lex.condemned_acts.contains(ctx.lw(k)) {
        return Vec::new();
    }
    // The act's own phrase ("against Ukraine", "in Bucha and across
    // Ukraine", "committed", "carried out") up to "by".
    let mut by = None;
    for q in k + 1..end {
        let w = ctx.lw(q);
        if w == "by" {
            by = Some(q);
            break;
        }
        let allowed = PREPOSITIONS.contains(&w)
            || matches!(
                w,
                "the" | "and" | "," | "committed" | "carried" | "out" | "perpetrated" | "launched"
                    | "conducted" | "reportedly" | "allegedly" | "elsewhere" | "across"
            )
            // "two Greek-flagged vessels": a hyphenated modifier.
            || w == "-"
            || (q > k + 1 && ctx.word(q - 1) == "-")
            || slots.iter().any(|sl| sl.t0 <= q && q < sl.t1)
            // "the shelling of civilians and civilian infrastructure by":
            // the act's own object.
            || (ctx.word(q).chars().all(|c| c.is_ascii_lowercase())
                && !w.ends_with("ed")
                && !w.ends_with("ing")
                && !GAP_BLOCKERS.contains(&w)
                && !ctx.g.lexicon.verbs.contains_key(w));
        if !allowed {
            return Vec::new();
        }
    }
    let Some(by) = by else {
        return Vec::new();
    };
    // The agent: a name right after "by" (and "the", and a title or
    // adjective), or a state's organ ("Russia's military forces", "Russian
    // armed forces").
    let Some(agent) = slots.iter().find(|sl| sl.t0 > by) else {
        return Vec::new();
    };
    // "by the military junta in Myanmar": a state's organ named before it.
    let organ_of = agent.kind == Kind::State
        && matches!(ctx.lw(agent.t0 - 1), "of" | "in")
        && (by + 1..agent.t0 - 1).any(|q| lex.organs.contains(ctx.lw(q)));
    let between_ok = (by + 1..agent.t0).all(|q| {
        let w = ctx.word(q);
        ctx.lw(q) == "the"
            || w.starts_with(char::is_uppercase)
            || (organ_of
                && (lex.organs.contains(ctx.lw(q))
                    || ctx.only_modifiers(q, q + 1)
                    || q == agent.t0 - 1))
    }) && agent.t0 - by <= 5;
    if !between_ok {
        return Vec::new();
    }
    if agent.compound || ctx.possessive_at(agent.t1) {
        // "Russian armed forces", "Russia's military forces": an organ.
        let from = if ctx.possessive_at(agent.t1) {
            agent.t1 + 1
        } else {
            agent.t1
        };
        let organ = (from..(from + 3).min(last)).any(|q| lex.organs.contains(ctx.lw(q)));
        if !organ {
            return Vec::new();
        }
    }
    vec![*agent]
}

/// A sentence that is only a list of names ("A, B, C, and D" as a
/// paragraph of its own, after a line ending in a colon): its names, or
/// none if any other word stands between them.
fn listed_paragraph(ctx: &Ctx, s: &crate::text::Sentence, slots: &[Slot]) -> Vec<Slot> {
    let mut out: Vec<Slot> = Vec::new();
    let mut k = s.first;
    while k < s.last {
        if matches!(ctx.lw(k), "," | "and" | "the" | ";" | ".") {
            k += 1;
            continue;
        }
        match slots.iter().find(|sl| sl.t0 == k && !sl.compound) {
            Some(sl) if sl.kind != Kind::Region => {
                out.push(*sl);
                k = sl.t1;
            }
            _ => return Vec::new(),
        }
    }
    out
}

fn colon_list(ctx: &Ctx, slots: &[Slot], from: usize, last: usize) -> Vec<Slot> {
    let Some(colon) = (from..(from + 8).min(last)).find(|&k| ctx.word(k) == ":") else {
        return Vec::new();
    };
    // "designating 16 Bank Otkritie Board Members: A, B, ...": a count and
    // capitalised words of a description may come before the colon, but no
    // person or body, which would be the object itself.
    let plain = (from..colon).all(|k| {
        let w = ctx.word(k);
        let in_slot = slots.iter().find(|sl| sl.t0 <= k && k < sl.t1);
        match in_slot {
            Some(sl) => sl.kind == Kind::State,
            None => {
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    || w.chars().all(|c| c.is_ascii_digit())
                    || w.starts_with(char::is_uppercase)
            }
        }
    });
    if !plain || colon == from {
        return Vec::new();
    }
    let end = (colon + 1..last)
        .find(|&k| matches!(ctx.word(k), "." | ":"))
        .unwrap_or(last);
    let semicolons = (colon + 1..end).any(|k| ctx.word(k) == ";");
    let mut out = Vec::new();
    let mut start = colon + 1;
    while start < end {
        let mut head = start;
        while head < end && matches!(ctx.lw(head), "and" | "," | "the") {
            head += 1;
        }
        if let Some(sl) = slots
            .iter()
            .find(|sl| sl.t0 == head && !sl.compound && sl.kind != Kind::Region)
        {
            out.push(*sl);
        } else {
            return out;
        }
        let stop = |k: usize| {
            let w = ctx.word(k);
            if semicolons { w == ";" } else { w == "," }
        };
        start = match (head + 1..end).find(|&k| stop(k)) {
            Some(k) => k + 1,
            None => end,
        };
    }
    out
}

/// Whether "for consultations", "for talks" or "for meetings" follows
/// token `from` within a few words that only give dates ("August 2-10"):
/// the purpose of a trip.
fn talks_purpose_after(ctx: &Ctx, from: usize, last: usize) -> bool {
    let mut k = from;
    while k < (from + 6).min(last)
        && (MONTHS.contains(&ctx.word(k))
            || ctx.word(k).starts_with(|c: char| c.is_ascii_digit())
            || matches!(ctx.word(k), "-" | "\u{2013}" | "," | "to" | "from"))
    {
        k += 1;
    }
    // "for talks with Vladimir Putin": the partner is named; the meeting is
    // the verb's own.
    let with = (k + 2..(k + 4).min(last)).any(|q| ctx.lw(q) == "with");
    ctx.lw(k) == "for"
        && matches!(
            ctx.lw(k + 1),
            "consultations" | "talks" | "meetings" | "discussions" | "negotiations" | "bilateral"
        )
        && !with
}

/// The names after ", along with" or ", together with" later in the
/// cue's sentence (from token `c1`), with no other cue or clause opening
/// between: the co-actors of a subject that acted alone in the clause. The comma is
/// required, so "met Xi along with Lavrov" is left to the list rules.
fn trailing_companions(ctx: &Ctx, cl: &Clause, c1: usize) -> Vec<Slot> {
    let end = cl.s.last;
    let Some(k) = (c1..end.saturating_sub(2)).find(|&k| {
        ctx.word(k) == ","
            && matches!(ctx.lw(k + 1), "along" | "together")
            && ctx.lw(k + 2) == "with"
    }) else {
        return Vec::new();
    };
    // Another clause between the act and its co-actors names its own.
    if (c1..k).any(|q| matches!(ctx.lw(q), "but" | "while" | "which" | "who" | "that" | ";"))
        || cl
            .cues
            .iter()
            .any(|(cs, _, _)| (c1..k).contains(&ctx.doc.token_at_or_after(*cs)))
    {
        return Vec::new();
    }
    let mut first = k + 3;
    if ctx.lw(first) == "the" {
        first += 1;
    }
    match cl
        .slots
        .iter()
        .position(|sl| sl.t0 == first && !sl.compound)
    {
        Some(i) => ctx.list_right(cl.slots, i),
        None => Vec::new(),
    }
}

/// Whether the words between two names (`gap`, lowercase) join the second
/// to the first as a co-actor: "along with", "together with", "as well as",
/// with the commas around them ("France, along with Germany, ...").
fn accompanying(gap: &[&str]) -> bool {
    let words: Vec<&str> = gap
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "," | "the"))
        .collect();
    matches!(
        words.as_slice(),
        ["along" | "together", "with"] | ["as", "well", "as"]
    ) && gap.first() != Some(&"the")
}

/// The state whose envoy is the object that starts at token `c1`:
/// "summoned the Russian ambassador", "expelled 20 Russian diplomats",
/// "summoned Russia's envoy", "summoned the ambassador of China",
/// "recalled its ambassador from Russia". Determiners, numbers and
/// adjectives of rank ("top", "senior") may stand before the envoy; the
/// envoy nouns are in `data/lexicon/envoys.txt`. Anyone else as the object
/// ("summoned his cabinet", "expelled the rebels") names no state.
fn envoy_state(ctx: &Ctx, slots: &[Slot], c1: usize, s_last: usize) -> Option<Slot> {
    let envoy = |k: usize| ctx.g.lexicon.envoys.contains(ctx.lw(k));
    let state_at = |k: usize| {
        slots
            .iter()
            .find(|sl| sl.t0 == k && matches!(sl.kind, Kind::State | Kind::Alliance))
            .copied()
    };
    for k in c1..c1 + 5 {
        if let Some(st) = state_at(k) {
            // "the Russian ambassador" (one mention with its noun),
            // "Russia's envoy".
            let after = if ctx.possessive_at(st.t1) {
                st.t1 + 1
            } else {
                st.t1
            };
            return (envoy(after) || envoy(st.t1 - 1)).then_some(st);
        }
        if envoy(k) {
            // "the ambassador of China", "its ambassador from Russia".
            let mut n = k + 1;
            if !matches!(ctx.lw(n), "of" | "from" | "in") {
                return None;
            }
            n += 1;
            if ctx.lw(n) == "the" {
                n += 1;
            }
            return state_at(n);
        }
        // Determiners, numbers and a few adjectives of rank; "recalled how
        // the Russian ambassador warned" is no envoy's recall.
        // ("expelled ten Polish diplomats": the counts of
        // `data/lexicon/quantifiers.txt`.)
        let w = ctx.lw(k);
        let modifier = (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
            || ctx.g.lexicon.quantifiers.contains(w)
            || DETERMINERS.contains(&w)
            || matches!(w, "top" | "senior" | "acting" | "deputy");
        if k >= s_last || !modifier {
            return None;
        }
    }
    None
}

/// "Japan joined the United States in imposing sanctions on North Korea":
/// the one joined in an act (a name right before "in", after "joined")
/// acts too. The cue opens at token `c0`, right after "in" or after "in"
/// and one "-ing" verb.
fn joined_in(ctx: &Ctx, cl: &Clause, c0: usize) -> Option<Slot> {
    let s = cl.s;
    let mut k = c0.checked_sub(1).filter(|&k| k > s.first)?;
    if ctx.lw(k).ends_with("ing") && ctx.lw(k) != "in" {
        k = k.checked_sub(1).filter(|&k| k > s.first)?;
    }
    if ctx.lw(k) != "in" {
        return None;
    }
    let b = cl.slots.iter().find(|sl| sl.t1 == k)?;
    let mut v = b.t0.checked_sub(1)?;
    if ctx.lw(v) == "the" {
        v = v.checked_sub(1)?;
    }
    (v >= s.first && matches!(ctx.lw(v), "joined" | "joins" | "join" | "joining")).then_some(*b)
}

/// "discussed Iran's nuclear program with Lavrov", "discussed the war by
/// phone with X": what is discussed is a topic, never a party; the
/// partner is the name right after a "with" later in the clause (before a
/// clause boundary). A "with" that completes a noun of the topic
/// ("discussed their engagements with X", "partnering with X", "the
/// company's relationship with X") names no partner.
fn discussed_with(ctx: &Ctx, cl: &Clause, hit: &CueHit) -> Vec<Slot> {
    let s = cl.s;
    let Some(w) = (hit.c1..(hit.c1 + 12).min(s.last))
        .take_while(|&k| !matches!(ctx.lw(k), ";" | ":" | "that" | "which" | "who" | "where"))
        .find(|&k| ctx.lw(k) == "with")
    else {
        return Vec::new();
    };
    let before = ctx.lw(w - 1);
    if w > hit.c1
        && (ctx.gathering_noun(before)
            || ctx.g.lexicon.relational.contains(before)
            || (before.ends_with("ing") && before.len() > 5))
    {
        return Vec::new();
    }
    ctx.targets(cl.slots, w + 1, hit.cue, 3)
}

/// "Japan welcomed President Marcos to Tokyo", "X hosted Y in Z": a
/// hosting verb whose guest is followed by "to"/"in" and a place is a
/// meeting of host and guest and the guest's visit to the place, whatever
/// edge type the verb's cue has. Returns whether it read the cue.
fn read_hosting(
    ctx: &mut Ctx,
    cl: &Clause,
    hit: &CueHit,
    subjects: &[Slot],
    targets: &[Slot],
    flags: Modal,
) -> bool {
    let verb = ctx.lw(hit.c0);
    if ctx.g.lexicon.verbs.get(verb).map(String::as_str) != Some("hosting") || targets.is_empty() {
        return false;
    }
    let last = targets[targets.len() - 1];
    let mut k = last.t1;
    // "welcomed Prime Minister Mitsotakis of Greece to the White House".
    if ctx.lw(k) == "of" {
        let n = if ctx.lw(k + 1) == "the" { k + 2 } else { k + 1 };
        if let Some(body) = cl.slots.iter().find(|sl| sl.t0 == n) {
            k = body.t1;
        }
    }
    // "welcoming Dr. Abdullah, Chairman of the High Council, to the White
    // House": the guest's office in apposition, up to its comma.
    if last.kind == Kind::Person
        && let Some(after) = office_after_comma(ctx, cl.slots, k)
        && let Some(comma) = (after..(after + 10).min(cl.s.last)).find(|&q| ctx.word(q) == ",")
    {
        k = comma + 1;
    }
    if !matches!(ctx.lw(k), "to" | "in" | "at") {
        return false;
    }
    k += 1;
    if ctx.lw(k) == "the" {
        k += 1;
    }
    let Some(place) = cl
        .slots
        .iter()
        .find(|sl| sl.t0 == k && matches!(sl.kind, Kind::Region | Kind::State))
        .copied()
    else {
        return false;
    };
    ctx.rule = format!("{verb}/hosting");
    for a in subjects {
        for b in targets {
            ctx.emit(*a, EdgeType::MetWith, *b, cl.si, hit.span(), flags, 0.75);
        }
    }
    for b in targets {
        ctx.emit(*b, EdgeType::Visited, place, cl.si, hit.span(), flags, 0.7);
    }
    true
}

/// "Blinken attended a meeting together with the Foreign Ministers of A, B
/// and C", "X convened consultations in Honolulu with A and senior
/// officials from B and C", "a trilateral meeting with A and B": every
/// party to a meeting of three or more meets every other (the n-ary
/// mechanism; words from `data/lexicon/gatherings.tsv`). Returns the
/// parties when it read one.
fn gathering(ctx: &mut Ctx, cl: &Clause) -> Option<Vec<usize>> {
    if !ctx.on.on(Mechanism::Nary) {
        return None;
    }
    let (s, slots) = (cl.s, cl.slots);
    let g = ctx.g;
    let doc = ctx.doc;
    let class = |k: usize| g.lexicon.gatherings.get(doc.lower(k)).map(String::as_str);
    let is = |k: usize, c: &str| k < s.last && class(k) == Some(c);
    for k in s.first..s.last {
        let w = doc.lower(k);
        if !w
            .as_bytes()
            .first()
            .is_some_and(|&b| g.lexicon.gathering_first[usize::from(b)])
        {
            continue;
        }
        let Some(&(_, separate)) = g.lexicon.gathering_nouns.iter().find(|(n, _)| n == w) else {
            continue;
        };
        if slots.iter().any(|sl| sl.t0 <= k && k < sl.t1) {
            continue;
        }
        let joint = (k.saturating_sub(2).max(s.first)..k).any(|j| is(j, "joint"));
        let verb = (k.saturating_sub(5).max(s.first)..k)
            .rev()
            .find(|&j| is(j, "attend") || is(j, "hold"));
        // "the Vice President's meetings with ...", "U.S. Consultations with".
        let possessor = slots.iter().copied().find(|sl| {
            (sl.t1 < k && ctx.possessive_at(sl.t1) && ctx.only_modifiers(sl.t1 + 1, k))
                || (sl.t1 == k && !sl.compound && sl.kind != Kind::Region)
        });
        if !joint && verb.is_none() && possessor.is_none() {
            continue;
        }
        // The list opens with "with" words within eight tokens, with only
        // places ("in Honolulu") and plain words between.
        let Some(w) = (k + 1..(k + 9).min(s.last)).find(|&j| is(j, "with")) else {
            continue;
        };
        let blocked = (k + 1..w).any(|j| {
            matches!(
                ctx.lw(j),
                "to" | "on" | "about" | "that" | "which" | ";" | ":"
            ) || slots.iter().any(|sl| {
                let mut p = sl.t0;
                if p > 0 && ctx.lw(p - 1) == "the" {
                    p -= 1;
                }
                sl.t0 <= j && j < sl.t1 && !(p > 0 && matches!(ctx.lw(p - 1), "in" | "at"))
            })
        });
        if blocked {
            continue;
        }
        let mut j = w;
        while is(j, "with") {
            j += 1;
        }
        let Some(parts) = party_list(ctx, cl.s, cl.slots, j) else {
            continue;
        };
        // Who attends: the nearest name before the verb (or the gathering)
        // that is no place, with the names joined to it.
        let anchor = verb.unwrap_or(k);
        let mut hosts: Vec<Slot> = possessor.into_iter().collect();
        let after_preposition = |sl: &Slot| {
            sl.t0
                .checked_sub(1)
                .is_some_and(|p| p >= s.first && PREPOSITIONS.contains(&ctx.lw(p)))
        };
        if possessor.is_none() {
            // "meet with senior officials from A, ... and J in addition to
            // meetings with B": a list after a preposition hosts nothing.
            let list = (0..slots.len()).rev().find_map(|h| {
                let sl = &slots[h];
                if sl.t1 > anchor || sl.compound || sl.kind == Kind::Region || after_preposition(sl)
                {
                    return None;
                }
                let list: Vec<Slot> = ctx
                    .coordinated_left(slots, h)
                    .into_iter()
                    .map(|i| slots[i])
                    .collect();
                (!list.iter().any(after_preposition)).then_some(list)
            });
            if let Some(list) = list {
                hosts = list;
            }
        }
        let parties = meeting_parties(hosts.into_iter().chain(parts));
        if parties.len() < 3 {
            continue;
        }
        let flags = ctx.modality(s.first, k);
        // Separate meetings: the one party with each other one.
        let pairs_of = if separate { 1 } else { parties.len() };
        emit_nary(
            ctx,
            cl.si,
            k,
            &parties,
            &meeting_pairs(&parties, pairs_of),
            flags,
        );
        return Some(parties.iter().map(|p| p.entity).collect());
    }
    None
}

/// "Participants in the call included A, B and C", "Participants joining
/// the United States in the Meeting included A, B and C", "Joining
/// President Biden on the call were A, B and C": a sentence that opens
/// with a word of class `participants` in `data/lexicon/gatherings.tsv`
/// and lists the parties after "included"/"were" names a meeting of all
/// of them, with the one they joined (the n-ary mechanism: every pair).
fn included_participants(ctx: &mut Ctx, cl: &Clause, discourse: &Discourse) {
    if !ctx.on.on(Mechanism::Nary) {
        return;
    }
    let (s, slots) = (cl.s, cl.slots);
    let g = ctx.g;
    let participants = |k: usize| {
        g.lexicon
            .gatherings
            .get(ctx.lw(k))
            .is_some_and(|c| c == "participants")
    };
    let open = if ctx.lw(s.first) == "the" {
        s.first + 1
    } else {
        s.first
    };
    if !participants(open) {
        return;
    }
    let Some(verb) = (open + 1..s.last.min(open + 16)).find(|&k| {
        matches!(
            ctx.lw(k),
            "included" | "include" | "includes" | "were" | "are"
        )
    }) else {
        return;
    };
    // No clause of its own between: "Participants, who ..., said".
    if (open + 1..verb).any(|k| matches!(ctx.word(k), ";" | ":" | "\"")) {
        return;
    }
    let mut joined: Option<Slot> = None;
    // "joining the United States", "Joining President Biden": the one
    // joined.
    if let Some(j) = (open..verb).find(|&k| ctx.lw(k) == "joining")
        && let Some(host) = slots
            .iter()
            .find(|sl| sl.t0 > j && sl.t0 <= j + 4 && sl.t1 <= verb && !sl.compound)
        && (j + 1..host.t0)
            .all(|k| ctx.lw(k) == "the" || ctx.word(k).starts_with(char::is_uppercase))
    {
        joined = Some(*host);
    }
    let Some(list) = party_list(ctx, s, slots, verb + 1) else {
        return;
    };
    // "Participants in today's call included A, B and C" after a headline
    // that names whose call it was: that person joined them too.
    // (It stands where "Participants" does: the headline is no part of
    // this sentence's evidence.)
    let t = ctx.doc.tokens[open];
    let joined = joined.or(discourse.host.map(|h| Slot {
        t0: open,
        t1: open + 1,
        start: t.start,
        end: t.end,
        via: Some((Mechanism::Nary, t.start, t.end)),
        ..h
    }));
    let parties = meeting_parties(joined.into_iter().chain(list));
    if parties.len() < 3 {
        return;
    }
    let flags = ctx.modality(s.first, verb);
    let pairs = meeting_pairs(&parties, parties.len());
    emit_nary(ctx, cl.si, open, &parties, &pairs, flags);
}

/// The person whose call or meeting a headline (the clause `cl`, sentence
/// 0) names: a person's name, its possessive and a gathering noun of
/// `data/lexicon/gatherings.tsv` ("Readout of President Biden's Call with
/// Transatlantic Leaders", "National Security Advisor Jake Sullivan's Call
/// with Baltic Allies").
fn headline_host(ctx: &Ctx, cl: &Clause) -> Option<Slot> {
    cl.slots
        .iter()
        .find(|sl| {
            sl.kind == Kind::Person
                && !sl.compound
                && ctx.possessive_at(sl.t1)
                && ctx.gathering_noun(ctx.lw(sl.t1 + 1))
        })
        .copied()
}

/// The parties of a meeting of several: the names given, each once, but
/// places (where it met).
fn meeting_parties(names: impl IntoIterator<Item = Slot>) -> Vec<Slot> {
    let mut parties: Vec<Slot> = Vec::new();
    for p in names {
        if p.kind != Kind::Region && !parties.iter().any(|q| q.entity == p.entity) {
            parties.push(p);
        }
    }
    parties
}

/// Who meets whom at a meeting among `parties`: each of the first
/// `pairs_of` meets every party after it (1 for one party's separate
/// meetings, all for one meeting of everyone).
fn meeting_pairs(parties: &[Slot], pairs_of: usize) -> Vec<(Slot, Slot)> {
    parties
        .iter()
        .enumerate()
        .take(pairs_of)
        .flat_map(|(n, a)| parties[n + 1..].iter().map(move |b| (*a, *b)))
        .collect()
}

/// The meetings `pairs` of a meeting of several `parties`, named by the
/// word at token `k` (the rule "WORD/n-ary"), each edge saying how the
/// meeting joined them (the n-ary mechanism).
fn emit_nary(
    ctx: &mut Ctx,
    si: usize,
    k: usize,
    parties: &[Slot],
    pairs: &[(Slot, Slot)],
    flags: Modal,
) {
    let t = ctx.doc.tokens[k];
    let before = ctx.out.len();
    ctx.rule = format!("{}/n-ary", ctx.lw(k));
    ctx.emit_meetings(pairs, si, (t.start, t.end), flags);
    let via = ctx.parties_via(k, parties);
    for rel in &mut ctx.out[before..] {
        rel.resolved_by(Mechanism::Nary, via.clone());
    }
}

/// "Sherman and Bourita held bilateral political consultations", "Japan
/// and the United States held a bilateral Extended Deterrence Dialogue",
/// "Blinken and Lavrov had a phone call": the coordinated subject of a
/// holding verb (`hold` in `data/lexicon/gatherings.tsv`) whose object is a
/// meeting noun met one another. Only determiners, modifiers and
/// capitalised words of the meeting's name stand between verb and noun; a
/// meeting "with" someone is the cues' and the n-ary reader's.
fn held_meeting(ctx: &mut Ctx, cl: &Clause) {
    let (s, slots) = (cl.s, cl.slots);
    for v in s.first..s.last {
        let class = ctx.g.lexicon.gatherings.get(ctx.lw(v)).map(String::as_str);
        // "A and B Before Their Meeting": said of the names before it.
        let around = class == Some("around") && ctx.lw(v + 1) == "their";
        if class != Some("hold") && !around {
            continue;
        }
        let Some(k) = (v + 1..(v + 7).min(s.last)).find(|&k| ctx.gathering_noun(ctx.lw(k))) else {
            continue;
        };
        let plain = (v + 1..k).all(|j| {
            let w = ctx.word(j);
            matches!(ctx.lw(j), "a" | "an" | "the" | "their" | "its")
                || ctx.only_modifiers(j, j + 1)
                || (w.starts_with(char::is_uppercase)
                    && !slots.iter().any(|sl| sl.t0 <= j && j < sl.t1))
        });
        if !plain || ctx.lw(k + 1) == "with" {
            continue;
        }
        // The subject: the names joined right before the verb (auxiliaries
        // and adverbs between).
        let mut b = v;
        while b > s.first
            && matches!(
                ctx.lw(b - 1),
                "also" | "will" | "would" | "have" | "has" | "had" | "today" | "jointly" | "then"
            )
        {
            b -= 1;
        }
        let Some(last) = slots.iter().rposition(|sl| sl.t1 == b && !sl.compound) else {
            continue;
        };
        let parties: Vec<Slot> = ctx
            .coordinated_left(slots, last)
            .into_iter()
            .map(|i| slots[i])
            .filter(|sl| sl.kind != Kind::Region)
            .collect();
        if parties.len() < 2 {
            continue;
        }
        let flags = ctx.modality(s.first, v);
        let t = ctx.doc.tokens[k];
        ctx.rule = format!("{} {}/held", ctx.lw(v), ctx.lw(k));
        ctx.emit_meetings(
            &meeting_pairs(&parties, parties.len()),
            cl.si,
            (t.start, t.end),
            flags,
        );
    }
}

/// "the deal, brokered by the United States and France", "an effort
/// created by the governments of A, B, C and D": after a participle of
/// `data/lexicon/joint_agents.txt` and "by", two or more parties listed
/// (after "the", "the governments of") did the act together, and every
/// pair of them cooperates.
fn joint_agents(ctx: &mut Ctx, cl: &Clause) {
    let (s, slots) = (cl.s, cl.slots);
    for k in s.first..s.last.saturating_sub(2) {
        if !ctx.g.lexicon.joint_agents.contains(ctx.lw(k)) || ctx.lw(k + 1) != "by" {
            continue;
        }
        let mut q = k + 2;
        if ctx.lw(q) == "the" {
            q += 1;
        }
        // "by the governments of A and B", "by the foreign ministers, A
        // and B": a plural head (one modifier before it) and "of" or a
        // comma before the list.
        let head = (q..q + 2).find(|&h| {
            matches!(
                ctx.lw(h),
                "governments" | "leaders" | "presidents" | "ministers"
            ) && matches!(ctx.lw(h + 1), "of" | ",")
        });
        if let Some(h) = head.filter(|&h| h == q || ctx.word(q).starts_with(char::is_lowercase)) {
            q = h + 2;
            if ctx.lw(q) == "the" {
                q += 1;
            }
        }
        let Some(first) = slots.iter().position(|sl| sl.t0 == q && !sl.compound) else {
            continue;
        };
        let parties: Vec<Slot> = ctx
            .list_right(slots, first)
            .into_iter()
            .filter(|sl| sl.kind != Kind::Region)
            .collect();
        if parties.len() < 2 {
            continue;
        }
        let flags = ctx.modality(s.first, k);
        ctx.rule = format!("{}/joint-agents", ctx.lw(k));
        let t = ctx.doc.tokens[k];
        for (n, a) in parties.iter().enumerate() {
            for b in &parties[n + 1..] {
                if a.entity != b.entity {
                    ctx.emit(
                        *a,
                        EdgeType::CooperatesWith,
                        *b,
                        cl.si,
                        (t.start, t.end),
                        flags,
                        0.6,
                    );
                }
            }
        }
    }
}

/// Who backs what an "X-led" compound names supports X: "The United States
/// co-sponsored the EU-led resolution" (the clause's subject, when a verb
/// of `data/lexicon/led_backing.txt` governs the compound's phrase), and
/// "UN-led diplomacy backed by the United States and our partners" (the
/// agents after "backed by", "supported by" or "endorsed by").
fn led_backing(ctx: &mut Ctx, cl: &Clause) {
    let (s, slots) = (cl.s, cl.slots);
    for (i, led) in slots.iter().enumerate() {
        if !ctx.led_compound(*led) {
            continue;
        }
        // The compound's phrase: "-led" and up to four lowercase words.
        let mut end = led.t1;
        while end < s.last && end < led.t1 + 6 {
            let w = ctx.word(end);
            if w == "-" || w == "\u{2013}" || w.eq_ignore_ascii_case("led") || w.starts_with("-led")
            {
                end += 1;
                continue;
            }
            if w.chars().all(|c| c.is_lowercase() || c == '-')
                && !PREPOSITIONS.contains(&ctx.lw(end))
                && !matches!(
                    ctx.lw(end),
                    "backed" | "supported" | "endorsed" | "and" | "or"
                )
            {
                end += 1;
                continue;
            }
            break;
        }
        // "... backed by A and B".
        if matches!(ctx.lw(end), "backed" | "supported" | "endorsed")
            && ctx.lw(end + 1) == "by"
            && let Some(a) = slots
                .iter()
                .position(|sl| sl.t0 == end + 2 || (sl.t0 == end + 3 && ctx.lw(end + 2) == "the"))
        {
            let flags = ctx.modality(s.first, end);
            ctx.rule = "led/backed-by".to_string();
            let t = ctx.doc.tokens[end];
            for backer in ctx.list_right(slots, a) {
                if backer.entity != led.entity {
                    ctx.emit(
                        backer,
                        EdgeType::Supports,
                        *led,
                        cl.si,
                        (t.start, t.end),
                        flags,
                        0.65,
                    );
                }
            }
            continue;
        }
        // "co-sponsored the EU-led resolution".
        let mut v = led.t0;
        while v > s.first && matches!(ctx.lw(v - 1), "the" | "a" | "an") {
            v -= 1;
        }
        let Some(v) = v.checked_sub(1).filter(|&v| v >= s.first) else {
            continue;
        };
        if !ctx.g.lexicon.led_backing.contains(ctx.lw(v)) {
            continue;
        }
        // The sentence's subject: its first name outside a prepositional
        // phrase, before the verb, with its coordinated names; after a
        // colon when one opens the clause ("Ethiopia's Tigray Region: The
        // United States co-sponsored ...").
        let open = (s.first..v)
            .rev()
            .find(|&k| ctx.word(k) == ":")
            .map_or(s.first, |k| k + 1);
        let Some(first) = slots[..i].iter().position(|sl| {
            sl.t0 >= open
                && sl.t1 <= v
                && !ctx.possessive_at(sl.t1)
                && !sl.compound
                && !sl
                    .t0
                    .checked_sub(1)
                    .is_some_and(|p| p >= s.first && PREPOSITIONS.contains(&ctx.lw(p)))
        }) else {
            continue;
        };
        if slots[first].t0 > open + 3 {
            continue;
        }
        let flags = ctx.modality(slots[first].t1, v);
        ctx.rule = format!("{}/led", ctx.lw(v));
        let t = ctx.doc.tokens[v];
        for backer in ctx.list_right(slots, first) {
            if backer.entity != led.entity && backer.t1 <= v {
                ctx.emit(
                    backer,
                    EdgeType::Supports,
                    *led,
                    cl.si,
                    (t.start, t.end),
                    flags,
                    0.65,
                );
            }
        }
    }
}

/// "In Kyiv, ...", "In the Netherlands and Sweden, ...", "While in Kyiv,
/// ...", "In Honolulu, Hawaii on February 12, ...": the places of a fronted
/// "in" phrase (states or regions) and the comma that closes it.
fn fronted_in(ctx: &Ctx, cl: &Clause) -> Option<(Vec<Slot>, usize)> {
    let (s, slots) = (cl.s, cl.slots);
    // "While in Kyiv, ...": the same place, as a time.
    let first = if matches!(ctx.lw(s.first), "while" | "when") {
        s.first + 1
    } else {
        s.first
    };
    if ctx.lw(first) != "in" {
        return None;
    }
    let open = if ctx.lw(first + 1) == "the" {
        first + 2
    } else {
        first + 1
    };
    let pi = slots.iter().position(|sl| sl.t0 == open && !sl.compound)?;
    // "In the Netherlands and Sweden, ...": places joined by "and".
    let mut places = vec![slots[pi]];
    let mut n = pi + 1;
    while let Some(next) = slots.get(n) {
        let last = places[places.len() - 1];
        let gap: Vec<&str> = (last.t1..next.t0).map(|k| ctx.lw(k)).collect();
        if next.compound || !(gap == ["and"] || gap == ["and", "the"]) {
            break;
        }
        places.push(*next);
        n += 1;
    }
    if places
        .iter()
        .any(|p| !matches!(p.kind, Kind::Region | Kind::State))
    {
        return None;
    }
    let place = places[places.len() - 1];
    // "In Honolulu, Hawaii on February 12, Secretary Blinken will host".
    // ("In Manila, the Philippines, ...": the state in apposition, closed
    // by a comma; "In Burma, the United States has provided" opens the
    // clause.)
    let comma = (place.t1..(place.t1 + 8).min(s.last)).find(|&k| {
        ctx.word(k) == ","
            && !slots.iter().any(|sl| {
                matches!(sl.kind, Kind::Region | Kind::State)
                    && (sl.t0 == k + 1
                        || (sl.t0 == k + 2 && ctx.lw(k + 1) == "the" && ctx.word(sl.t1) == ","))
            })
    })?;
    if (place.t1..comma).any(|k| GAP_BLOCKERS.contains(&ctx.lw(k)) && ctx.lw(k) != "on") {
        return None;
    }
    // "In Manila, on August 6, the Secretary will meet": a date between
    // commas after the place.
    let date_end = (ctx.lw(comma + 1) == "on")
        .then(|| {
            (comma + 2..(comma + 6).min(s.last))
                .find(|&k| ctx.word(k) == ",")
                .filter(|&end| {
                    (comma + 2..end).all(|k| {
                        let w = ctx.word(k);
                        MONTHS.contains(&w)
                            || WEEKDAYS.contains(&w)
                            || w.chars().all(|c| c.is_ascii_digit() || c == '-')
                    })
                })
        })
        .flatten();
    Some((places, date_end.unwrap_or(comma)))
}

/// "In Warsaw, Counselor Chollet will discuss ...", "In Dhaka, Ambassador
/// Hussain met with ...": a sentence that opens with "In PLACE," (a date
/// or the place's state may follow) and then a person (after title words)
/// and a verb places that person there: a visit. A state or body as the
/// subject ("In Burma, the United States has provided ...") is none (its
/// giving is read by `fronted_aid`).
fn fronted_place(ctx: &mut Ctx, cl: &Clause, discourse: &Discourse) {
    let (s, slots) = (cl.s, cl.slots);
    let Some((places, comma)) = fronted_in(ctx, cl) else {
        return;
    };
    // "In Pretoria, he will lead the U.S. delegation": the person who
    // acted last, in this sentence or the two before.
    let pronoun = || {
        let k = comma + 1;
        let (p, seen) = discourse.person?;
        (matches!(ctx.lw(k), "he" | "she") && cl.si <= seen + 2 && ctx.on.on(Mechanism::Pronoun))
            .then(|| ctx.reference_slot(p, k, Mechanism::Pronoun, ctx.doc.tokens[k].start))
    };
    let Some(subject) = slots
        .iter()
        .find(|sl| sl.t0 > comma && !sl.compound)
        .filter(|sl| {
            sl.kind == Kind::Person
                && sl.t0 <= comma + 6
                && (comma + 1..sl.t0).all(|k| {
                    let w = ctx.word(k);
                    ctx.lw(k) == "the" || w.starts_with(char::is_uppercase)
                })
        })
        .copied()
        .or_else(pronoun)
    else {
        return;
    };
    // A verb follows; what someone says there places no one ("In Poland,
    // Duda said ...").
    let next = ctx.word(subject.t1);
    if next.is_empty()
        || !next.starts_with(char::is_lowercase)
        || (subject.t1..(subject.t1 + 3).min(s.last)).any(|k| ctx.speech_at(k))
    {
        return;
    }
    let flags = ctx.modality(subject.t1, (subject.t1 + 4).min(s.last));
    let t = ctx.doc.tokens[s.first];
    let hosts = unnamed_hosts_met(ctx, slots, subject.t1, s.last);
    for place in places {
        // One does not visit a place one holds an office of.
        let home = |of: usize| of == place.entity || state_of_place(ctx, place.entity) == Some(of);
        let within_place: Vec<EntityIdx> = ctx.r.entities[place.entity]
            .known
            .map(|p| within(ctx.g, p).collect())
            .unwrap_or_default();
        let known_home = ctx.r.entities[subject.entity].known.is_some_and(|person| {
            ctx.g
                .roles()
                .iter()
                .any(|ro| ro.person == person && within_place.contains(&ro.of))
        });
        if known_home
            || ctx
                .r
                .roles
                .iter()
                .any(|ro| ro.person == subject.entity && home(ro.of))
        {
            continue;
        }
        ctx.rule = "in-place/fronted".to_string();
        ctx.emit(
            subject,
            EdgeType::Visited,
            place,
            cl.si,
            (t.start, t.end),
            flags,
            0.6,
        );
        // "In Japan, Blinken will meet with senior government officials":
        // the officials act for the place's state.
        let state = if place.kind == Kind::State {
            Some(place.entity)
        } else {
            state_of_place(ctx, place.entity)
        };
        if hosts && let Some(state) = state {
            let mut host = place;
            host.entity = state;
            host.kind = Kind::State;
            ctx.rule = "in-place/unnamed-hosts".to_string();
            ctx.emit(
                subject,
                EdgeType::MetWith,
                host,
                cl.si,
                (t.start, t.end),
                flags,
                0.6,
            );
        }
    }
}

/// "In Cambodia, the United States has provided more than $11 million to
/// help respond to the pandemic", "In Thailand, the United States has
/// donated $8.5 million": a fronted "In X," (X a state) names the recipient
/// of what the clause's subject gives, when the subject (a state, alliance
/// or organisation) stands right after the comma and a verb of giving
/// (`data/lexicon/giving.txt`) and an amount follow it. ("In Kyiv, the
/// United States has provided" is a place of delivery, not a recipient: X
/// must be a state.)
fn fronted_aid(ctx: &mut Ctx, cl: &Clause) {
    let (s, slots) = (cl.s, cl.slots);
    let Some((places, comma)) = fronted_in(ctx, cl) else {
        return;
    };
    let at = if ctx.lw(comma + 1) == "the" {
        comma + 2
    } else {
        comma + 1
    };
    let Some(giver) = slots
        .iter()
        .find(|sl| sl.t0 == at && !sl.compound)
        .filter(|sl| {
            matches!(sl.kind, Kind::State | Kind::Alliance | Kind::Organization)
                && !ctx.possessive_at(sl.t1)
        })
        .copied()
    else {
        return;
    };
    // "has provided", "has also donated", "provided": at most two
    // auxiliaries or adverbs before the verb.
    let Some(verb) =
        (giver.t1..(giver.t1 + 3).min(s.last)).find(|&k| ctx.g.lexicon.giving.contains(ctx.lw(k)))
    else {
        return;
    };
    if (giver.t1..verb).any(|k| {
        !matches!(
            ctx.lw(k),
            "has" | "have" | "had" | "also" | "already" | "now"
        )
    }) {
        return;
    }
    // The amount: "$8.5 million", "more than $11 million", "8 million
    // vaccine doses".
    if !amount_after(ctx, verb + 1) {
        return;
    }
    let flags = ctx.modality(giver.t1, verb + 1);
    let t = ctx.doc.tokens[verb];
    for place in places.into_iter().filter(|p| p.kind == Kind::State) {
        if place.entity == giver.entity {
            continue;
        }
        ctx.rule = "in-place/aid".to_string();
        ctx.emit(
            giver,
            EdgeType::Supports,
            place,
            cl.si,
            (t.start, t.end),
            flags,
            0.6,
        );
    }
}

/// "the United States would respond swiftly and decisively, together with
/// its Allies and partners, to any further Russian aggression against
/// Ukraine", "will respond to any attack by Iran": a subject that promises
/// to answer (`data/lexicon/responses.txt`) any attack of a named actor
/// threatens that actor. The promise is conditional by nature, so only a
/// negation ("will not respond") undoes it.
fn response_threat(ctx: &mut Ctx, cl: &Clause, discourse: &Discourse) {
    let (s, slots) = (cl.s, cl.slots);
    for k in s.first + 1..s.last {
        if !ctx.g.lexicon.responses.contains(ctx.lw(k)) {
            continue;
        }
        // The subject: a name, then at most four auxiliaries ("would",
        // "stands ready to").
        let Some(subject) = slots
            .iter()
            .rfind(|sl| {
                sl.t1 <= k
                    && sl.t1 + 4 >= k
                    && !sl.compound
                    && (sl.t1..k).all(|q| {
                        matches!(
                            ctx.lw(q),
                            "will"
                                | "would"
                                | "shall"
                                | "is"
                                | "are"
                                | "stands"
                                | "stand"
                                | "ready"
                                | "prepared"
                                | "to"
                                | "also"
                                | "always"
                                | "vowed"
                                | "promised"
                                | "pledged"
                                | "threatened"
                        )
                    })
            })
            .copied()
        else {
            continue;
        };
        // "to any" within the clause, no full stop or new clause between.
        let Some(to) = (k + 1..(k + 16).min(s.last.saturating_sub(1)))
            .take_while(|&q| !matches!(ctx.lw(q), ";" | "but" | "while"))
            .find(|&q| ctx.lw(q) == "to" && ctx.lw(q + 1) == "any")
        else {
            answered_attack(ctx, cl, discourse, subject, k);
            continue;
        };
        let mut q = to + 2;
        while q < s.last && CONFLICT_MODIFIERS.contains(&ctx.lw(q)) {
            q += 1;
        }
        // "any further Russian aggression", "any attack by Iran".
        let agent = match slots.iter().find(|sl| sl.t0 == q) {
            Some(sl) if ATTACK_NOUNS.contains(&ctx.lw(sl.t1)) => Some(*sl),
            Some(_) => None,
            None if ATTACK_NOUNS.contains(&ctx.lw(q)) && matches!(ctx.lw(q + 1), "by" | "from") => {
                slots
                    .iter()
                    .find(|sl| sl.t0 == q + 2 || (sl.t0 == q + 3 && ctx.lw(q + 2) == "the"))
                    .copied()
            }
            None => None,
        };
        let Some(agent) = agent.filter(|a| {
            a.entity != subject.entity
                && matches!(
                    a.kind,
                    Kind::State | Kind::Alliance | Kind::Organization | Kind::Person
                )
        }) else {
            continue;
        };
        let mut flags = ctx.modality(subject.t1, k + 1);
        flags.hypothetical = false;
        flags.conditional = false;
        let t = ctx.doc.tokens[k];
        ctx.rule = "respond-to-any".to_string();
        ctx.emit(
            subject,
            EdgeType::Threatens,
            agent,
            cl.si,
            (t.start, t.end),
            flags,
            0.6,
        );
    }
}

/// "Israel struck Iran on Friday. Iran vowed to retaliate": an answer at
/// token `k` (`data/lexicon/responses.txt`), promised (`intents.txt`) and
/// with no object, threatens the attackers the article reported within the
/// last two sentences, when the `subject` who answers is none of them (the
/// event mechanism).
fn answered_attack(ctx: &mut Ctx, cl: &Clause, discourse: &Discourse, subject: Slot, k: usize) {
    let promised = (subject.t1..k).any(|q| ctx.g.lexicon.intents.contains(ctx.lw(q)));
    let no_object = k + 1 >= cl.s.last
        || matches!(ctx.word(k + 1), "." | "," | ";" | "\"" | "\u{201d}")
        || matches!(ctx.lw(k + 1), "and" | "if" | "unless");
    let Some((attackers, seen)) = &discourse.attackers else {
        return;
    };
    if !(promised
        && no_object
        && ctx.on.on(Mechanism::Event)
        && cl.si <= seen + 2
        && !attackers.contains(&subject.entity))
    {
        return;
    }
    let t = ctx.doc.tokens[k];
    let flags = Modal {
        hypothetical: false,
        ..ctx.modality(subject.t1, k)
    };
    ctx.rule = "answered-attack".to_string();
    for &e in attackers {
        let target = ctx.reference_slot(e, k, Mechanism::Event, t.start);
        ctx.emit(
            subject,
            EdgeType::Threatens,
            target,
            cl.si,
            (t.start, t.end),
            flags,
            0.6,
        );
    }
}

/// "Sharif held talks with his Indian counterpart Modi in New Delhi": a
/// meeting this sentence reported, followed by "in" and a place, where one
/// party is the place's state or holds an office for it (the host), is a
/// visit to the place by each person of the other parties who holds no
/// office there. With no host among the parties ("A met B in Geneva") no
/// one is said to have travelled.
fn met_in_host_place(ctx: &mut Ctx, cl: &Clause, before: usize) {
    // (source, target, flags, cue span) of each meeting.
    let meetings: Vec<(usize, usize, Modal, (usize, usize))> = ctx.out[before..]
        .iter()
        .filter(|r| r.edge == EdgeType::MetWith && r.sentence == cl.si && !r.headline)
        .map(|r| {
            let flags = Modal {
                negated: r.negated,
                hypothetical: r.hypothetical,
                conditional: false,
            };
            (r.source, r.target, flags, (r.start, r.end))
        })
        .collect();
    let slot_of = |e: usize| {
        cl.slots
            .iter()
            .find(|sl| sl.entity == e && !sl.compound)
            .copied()
    };
    // The place follows the last party named ("met with A and B in X").
    let Some(last) = meetings
        .iter()
        .flat_map(|&(a, b, ..)| [slot_of(a), slot_of(b)])
        .flatten()
        .map(|sl| sl.t1)
        .max()
    else {
        return;
    };
    let Some(place) = cl
        .slots
        .iter()
        .find(|sl| {
            sl.kind == Kind::Region
                && !sl.compound
                && (last + 1..=last + 2).contains(&sl.t0)
                && ctx.lw(sl.t0 - 1) == "in"
        })
        .copied()
    else {
        return;
    };
    let Some(state) = state_of_place(ctx, place.entity) else {
        return;
    };
    // A city that stands for its state elsewhere in the article ("Beijing
    // said ...") is that state there, and the publishing government's own
    // capital is its seat: no visit is told apart from them.
    let name = ctx.r.entities[place.entity].name.as_str();
    let stands_for_state = ctx
        .r
        .mentions
        .iter()
        .any(|o| o.acting && ctx.text.get(o.start..o.end) == Some(name));
    let publisher = ctx
        .r
        .office
        .as_ref()
        .or(ctx.r.bodies.as_ref())
        .map(|(st, _)| *st);
    if stands_for_state || publisher == Some(state) {
        return;
    }
    let hosts = |e: usize| {
        e == state
            || ctx
                .r
                .roles
                .iter()
                .any(|ro| ro.person == e && (ro.of == state || ro.of == place.entity))
    };
    let mut visits = Vec::new();
    for &(a, b, flags, cue) in &meetings {
        let (Some(a), Some(b)) = (slot_of(a), slot_of(b)) else {
            continue;
        };
        for (guest, host) in [(a, b), (b, a)] {
            if guest.kind == Kind::Person && hosts(host.entity) && !hosts(guest.entity) {
                visits.push((guest, flags, cue));
            }
        }
    }
    ctx.rule = "met-in/host-place".to_string();
    for (guest, flags, cue) in visits {
        ctx.emit(guest, EdgeType::Visited, place, cl.si, cue, flags, 0.6);
    }
}

/// "will travel to Windhoek, Namibia, where she will meet with government
/// officials", "will travel to Japan to meet with senior government
/// officials": a visit this sentence reported, followed (after dates,
/// commas and more places) by a meeting with unnamed people who act for a
/// government (`unnamed_hosts_met`), is a meeting with each visited place's
/// state.
fn visit_hosts_met(ctx: &mut Ctx, cl: &Clause, before: usize) {
    let (s, slots) = (cl.s, cl.slots);
    let visits: Vec<Relation> = ctx.out[before..]
        .iter()
        .filter(|r| r.edge == EdgeType::Visited && r.sentence == cl.si && !r.headline)
        .cloned()
        .collect();
    for v in visits {
        let Some(place) = slots
            .iter()
            .find(|sl| sl.entity == v.target && !sl.compound)
            .copied()
        else {
            continue;
        };
        let Some(visitor) = slots.iter().find(|sl| sl.entity == v.source).copied() else {
            continue;
        };
        let mut k = place.t1;
        let mut verb = None;
        while k < s.last {
            let w = ctx.lw(k);
            if matches!(w, "meet" | "meets" | "met") {
                verb = Some(k);
                break;
            }
            let in_place = slots
                .iter()
                .any(|sl| sl.t0 <= k && k < sl.t1 && matches!(sl.kind, Kind::Region | Kind::State));
            let date = w
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '\u{2013}')
                || MONTHS.contains(&ctx.word(k));
            let glue = matches!(
                w,
                "," | "on"
                    | "the"
                    | "where"
                    | "and"
                    | "will"
                    | "also"
                    | "then"
                    | "to"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
            );
            if !(in_place || date || glue) {
                break;
            }
            k += 1;
        }
        let Some(verb) = verb else {
            continue;
        };
        if !unnamed_hosts_met(ctx, slots, verb, s.last) {
            continue;
        }
        let state = if place.kind == Kind::State {
            Some(place.entity)
        } else {
            state_of_place(ctx, place.entity)
        };
        let Some(state) = state else {
            continue;
        };
        let host = Slot {
            entity: state,
            kind: Kind::State,
            ..place
        };
        let flags = Modal {
            negated: v.negated,
            hypothetical: v.hypothetical,
            ..Modal::ASSERTED
        };
        ctx.rule = "visit/unnamed-hosts".to_string();
        let t = ctx.doc.tokens[verb];
        ctx.emit(
            visitor,
            EdgeType::MetWith,
            host,
            cl.si,
            (t.start, t.end),
            flags,
            0.6,
        );
    }
}

/// Whether a meeting verb follows token `from` (after auxiliaries and
/// adverbs) whose partners are unnamed people acting for a government:
/// "will meet with senior government officials", "met with civil society
/// and government counterparts" (nouns of `data/lexicon/delegates.txt`), no
/// name among them.
fn unnamed_hosts_met(ctx: &Ctx, slots: &[Slot], from: usize, last: usize) -> bool {
    let mut k = from;
    // "Nuland and an interagency team will meet": the subject's companions
    // in lowercase words after "and".
    if ctx.lw(k) == "and" {
        k = (k + 1..(k + 6).min(last))
            .take_while(|&q| {
                ctx.word(q)
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-')
            })
            .find(|&q| matches!(ctx.lw(q), "will" | "meet" | "met" | "meets"))
            .unwrap_or(from);
    }
    let start = k;
    while k < start + 3
        && (matches!(ctx.lw(k), "will" | "also" | "then" | "to") || ctx.lw(k).ends_with("ly"))
    {
        k += 1;
    }
    if !matches!(ctx.lw(k), "meet" | "met" | "meets") || ctx.lw(k + 1) != "with" {
        return false;
    }
    let end = (k + 2..(k + 10).min(last))
        .find(|&q| !ctx.word(q).chars().all(|c| c.is_lowercase() || c == '-') || ctx.lw(q) == "to")
        .unwrap_or((k + 10).min(last));
    let span = k + 2..end;
    let government = span
        .clone()
        .any(|q| matches!(ctx.lw(q), "government" | "governmental" | "senior" | "host"));
    let people = span
        .clone()
        .any(|q| ctx.g.lexicon.delegates.contains(ctx.lw(q)));
    government && people && !slots.iter().any(|sl| span.contains(&sl.t0))
}

/// "Russia's war against Ukraine, with the support of Belarus", "attacks
/// carried out with Iranian support", "with enabling by Iran": the backer
/// named in a "with" adjunct (nouns of `data/lexicon/backing.txt`) supports
/// the agent of the attack the sentence reported before it. With no such
/// attack the adjunct is left alone.
fn backing(ctx: &mut Ctx, cl: &Clause, before: usize) {
    let (s, slots) = (cl.s, cl.slots);
    for k in s.first..s.last {
        let noun = |q: usize| q < s.last && ctx.g.lexicon.backing.contains(ctx.lw(q));
        let slot_at = |q: usize| slots.iter().find(|sl| sl.t0 == q && !sl.compound).copied();
        // "by the Lukashenka regime in Belarus": the first name within a few
        // words that open no other phrase.
        let slot_near = |q: usize| {
            slots
                .iter()
                .find(|sl| {
                    sl.t0 >= q
                        && sl.t0 <= q + 4
                        && !sl.compound
                        && (q..sl.t0).all(|w| {
                            let word = ctx.word(w);
                            word.chars().all(char::is_alphabetic)
                                && !matches!(ctx.lw(w), "and" | "or" | "to" | "that" | "which")
                        })
                })
                .copied()
        };
        // ", enabled by the Belarusian regime": a participle set off by a comma.
        let participle = ctx.lw(k + 1) == "by"
            && noun(k)
            && k > s.first
            && ctx.word(k - 1) == ","
            && ctx.word(k).chars().all(|c| c.is_ascii_lowercase());
        if ctx.lw(k) != "with" && !participle {
            continue;
        }
        let mut q = k + 1;
        if ctx.lw(q) == "the" {
            q += 1;
        }
        // "with Iranian support", "with Iran's support".
        let before_noun = slot_at(q).filter(|sl| {
            let n = if ctx.possessive_at(sl.t1) {
                sl.t1 + 1
            } else {
                sl.t1
            };
            noun(n)
        });
        // "with the support of X", "with support from X", "with enabling by X".
        let after_noun = (noun(q) && matches!(ctx.lw(q + 1), "of" | "from" | "by"))
            .then(|| slot_near(q + 2))
            .flatten();
        let by_participle = participle.then(|| slot_near(k + 2)).flatten();
        let (before_noun, after_noun) = if participle {
            (None, by_participle)
        } else {
            (before_noun, after_noun)
        };
        let Some(backer) = before_noun.or(after_noun) else {
            continue;
        };
        let at = ctx.doc.tokens[k].start;
        let reported = ctx.out[before..]
            .iter()
            .rfind(|r| {
                r.sentence == cl.si && r.edge == EdgeType::Attacks && !r.is_flagged() && r.end <= at
            })
            .map(|act| Slot {
                entity: act.source,
                kind: ctx.r.entities[act.source].kind,
                t0: ctx.doc.token_at_or_after(act.start),
                t1: ctx.doc.token_at_or_after(act.end),
                start: act.start,
                end: act.end,
                compound: false,
                via: None,
            });
        // "Russia's brutal war, with ...", "The two Hizballah attacks,
        // carried out with ...": the agent of an attack noun with no target.
        let nominal = || {
            (s.first..k).rev().find_map(|n| {
                if !ATTACK_NOUNS.contains(&ctx.lw(n)) && ctx.lw(n) != "war" {
                    return None;
                }
                slots.iter().copied().find(|sl| {
                    sl.t1 <= n
                        && !sl.compound
                        && (sl.t1 == n
                            || (ctx.possessive_at(sl.t1) && ctx.only_modifiers(sl.t1 + 1, n)))
                })
            })
        };
        let Some(agent) = reported.or_else(nominal) else {
            continue;
        };
        // "will respond to Putin's aggression against Ukraine with US
        // support": after "to" the act is the verb's object, and "with"
        // goes with that verb. ("caused by Russia's invasion with the
        // support of Belarus" and "in response to Russian aggression,
        // enabled by X" keep the agent.)
        if !participle && agent.t0 > s.first && ctx.lw(agent.t0 - 1) == "to" {
            continue;
        }
        ctx.rule = if participle {
            format!("{} by/backing", ctx.lw(k))
        } else {
            let n = if before_noun.is_some() { backer.t1 } else { q };
            format!("with {}/backing", ctx.lw(n))
        };
        let flags = ctx.modality(s.first, k);
        let end = ctx.doc.tokens[backer.t1.saturating_sub(1)]
            .end
            .max(backer.end);
        ctx.emit(
            backer,
            EdgeType::Supports,
            agent,
            cl.si,
            (at, end),
            flags,
            0.65,
        );
    }
}

/// "Vice President Harris met virtually today with 15 leaders ..." and,
/// later, "The Leaders that participated:" followed by one titled name a
/// line: the host of the article's first meeting met each person listed
/// (the n-ary mechanism). The heading ends with a colon and holds a word of
/// class `participants` in `data/lexicon/gatherings.tsv`; the host is the
/// person named before the first meeting cue of the article.
fn participant_list(ctx: &mut Ctx, by_sentence: &[Vec<Slot>], all_cues: &[(usize, usize, &Cue)]) {
    if !ctx.on.on(Mechanism::Nary) {
        return;
    }
    let doc = ctx.doc;
    let lex = &ctx.g.lexicon;
    let Some(si) = doc.sentences.iter().position(|s| {
        s.last > s.first
            && ctx.word(s.last - 1) == ":"
            && (s.first..s.last).any(|k| {
                lex.gatherings
                    .get(ctx.lw(k))
                    .is_some_and(|c| c == "participants")
            })
    }) else {
        return;
    };
    let mut listed: Vec<(usize, Slot)> = Vec::new();
    for (sj, slots) in by_sentence.iter().enumerate().skip(si + 1) {
        let people: Vec<&Slot> = slots.iter().filter(|sl| sl.kind == Kind::Person).collect();
        if people.len() != 1 {
            break;
        }
        listed.push((sj, *people[0]));
    }
    if listed.len() < 2 {
        return;
    }
    // The host: the person named before the first meeting cue.
    let heading_start = doc.sentences[si].start;
    let Some(host) = all_cues
        .iter()
        .filter(|(start, _, cue)| cue.edge == EdgeType::MetWith && *start < heading_start)
        .find_map(|(start, _, _)| {
            let sk = doc.sentence_of(*start)?;
            by_sentence[sk]
                .iter()
                .find(|sl| sl.kind == Kind::Person && sl.end <= *start)
                .copied()
        })
    else {
        return;
    };
    let heading = ctx
        .text
        .get(doc.sentences[si].start..doc.sentences[si].end)
        .unwrap_or("")
        .to_string();
    ctx.rule = "participants/n-ary".to_string();
    let before = ctx.out.len();
    for (sj, person) in &listed {
        ctx.emit(
            host,
            EdgeType::MetWith,
            *person,
            *sj,
            (person.start, person.end),
            Modal::ASSERTED,
            0.6,
        );
    }
    let via = format!("listed under \"{heading}\"");
    for rel in &mut ctx.out[before..] {
        rel.resolved_by(Mechanism::Nary, via.clone());
    }
}

/// "A, B and C joined their Costa Rican counterparts D, E and F in
/// announcing this arrangement", "Sherman joined her counterparts from A
/// and B for a trilateral meeting": the coordinated subject of "joined"
/// met each of the counterparts listed after it (the n-ary mechanism),
/// but not one another; when a joint meeting word of
/// `data/lexicon/gatherings.tsv` ("trilateral") follows, every party met
/// every other.
fn joined_counterparts(ctx: &mut Ctx, cl: &Clause) {
    if !ctx.on.on(Mechanism::Nary) {
        return;
    }
    let (s, slots) = (cl.s, cl.slots);
    for v in s.first + 1..s.last {
        if !matches!(ctx.lw(v), "joined" | "joins" | "join" | "joining") {
            continue;
        }
        // "their Costa Rican counterparts": a possessive pronoun, at most
        // two qualifying words (a state's adjective) and the noun.
        let Some(k) = (v + 1..(v + 6).min(s.last)).find(|&k| ctx.lw(k) == "counterparts") else {
            continue;
        };
        let qualified = (v + 1..k).all(|q| {
            let w = ctx.word(q);
            matches!(ctx.lw(q), "his" | "her" | "their" | "its")
                || w.chars().all(|c| c.is_ascii_lowercase())
                || w.starts_with(char::is_uppercase)
        });
        if !qualified || k == v + 1 {
            continue;
        }
        // The list opens right after the noun; a name's slot may start at
        // its qualifier ("Costa Rican counterparts President X").
        let open = slots
            .iter()
            .find(|sl| sl.t0 <= k + 1 && k + 1 < sl.t1)
            .map_or(k + 1, |sl| sl.t0);
        let Some(counterparts) = party_list(ctx, s, slots, open) else {
            continue;
        };
        // The subject: the names joined right before the verb.
        let Some(h) = slots.iter().rposition(|sl| sl.t1 == v) else {
            continue;
        };
        let subjects: Vec<Slot> = ctx
            .coordinated_left(slots, h)
            .into_iter()
            .map(|i| slots[i])
            .filter(|sl| !sl.compound && sl.kind != Kind::Region)
            .collect();
        let counterparts = meeting_parties(counterparts);
        if subjects.is_empty()
            || counterparts.is_empty()
            || subjects
                .iter()
                .any(|a| counterparts.iter().any(|b| a.entity == b.entity))
        {
            continue;
        }
        let end = counterparts.iter().map(|sl| sl.t1).max().unwrap_or(k);
        let joint = (end..(end + 8).min(s.last)).any(|j| {
            ctx.g
                .lexicon
                .gatherings
                .get(ctx.lw(j))
                .is_some_and(|c| c == "joint")
        });
        let flags = ctx.modality(s.first, v);
        let parties = meeting_parties(subjects.iter().chain(&counterparts).copied());
        let pairs = if joint {
            meeting_pairs(&parties, parties.len())
        } else {
            subjects
                .iter()
                .flat_map(|a| counterparts.iter().map(move |b| (*a, *b)))
                .collect()
        };
        emit_nary(ctx, cl.si, v, &parties, &pairs, flags);
        return;
    }
}

/// The parties listed from token `j`: "the Foreign Ministers of A, B and
/// C", "A and senior officials from B and C", "President Zelenskyy of
/// Ukraine, NATO Secretary General Stoltenberg, and Chancellor Scholz";
/// words of class `gap` in `data/lexicon/gatherings.tsv` may stand between
/// the names. None when no party opens the list.
fn party_list(ctx: &Ctx, s: &crate::text::Sentence, slots: &[Slot], j: usize) -> Option<Vec<Slot>> {
    let g = ctx.g;
    let doc = ctx.doc;
    let class = |k: usize| g.lexicon.gatherings.get(doc.lower(k)).map(String::as_str);
    let is = |k: usize, c: &str| k < s.last && class(k) == Some(c);
    // "with Adm. John Aquilino": an honorific and its dot stand before
    // the name.
    let honorific = |q: usize| {
        g.lexicon
            .honorifics
            .contains(doc.lower(q).trim_end_matches('.'))
    };
    let gap_ok = |from: usize, to: usize| {
        to >= from
            && to - from <= 6
            && (from..to).all(|q| {
                is(q, "gap")
                    || is(q, "with")
                    || g.lexicon.delegates.contains(doc.lower(q))
                    || honorific(q)
                    || (q > from && ctx.word(q) == "." && honorific(q - 1))
            })
    };
    let mut f = slots
        .iter()
        .position(|sl| sl.t0 >= j && !sl.compound && gap_ok(j, sl.t0))?;
    // "the OSCE Chair-in-Office": a name that qualifies the capitalised
    // noun after it is not itself a party.
    // A person's name may go on in a word the mention left out ("Prime
    // Minister Kishida Fumio of Japan"): a person qualifies nothing.
    let qualifies = |sl: &Slot| {
        sl.kind != Kind::Person
            && sl.t1 < s.last
            && !slots.iter().any(|o| o.t0 == sl.t1)
            && ctx
                .word(sl.t1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    if qualifies(&slots[f]) {
        return None;
    }
    // "EEAS Secretary General Sannino": a body right before a person with
    // a title qualifies the person; the person is the party.
    let person_after = |i: usize| {
        let sl = slots[i];
        (sl.kind != Kind::Person)
            .then(|| slots.get(i + 1))
            .flatten()
            .filter(|n| n.t0 == sl.t1 && n.kind == Kind::Person)
            .is_some()
    };
    if person_after(f) {
        f += 1;
    }
    let mut parts = vec![slots[f]];
    let mut end = slots[f].t1;
    let mut links: Vec<bool> = Vec::new();
    // "B, leaders of the Baltic states (C of Estonia, D of Latvia, and E
    // of Lithuania), F": a description whose members follow in brackets;
    // the list goes on inside and after them.
    let mut bracket = false;
    while let Some(n) = slots.get(f + 1) {
        // "Special Representative for Korean Peninsula Affairs Noh Kyu-duk":
        // a name inside the item's own title is no item.
        if n.t0 < end {
            f += 1;
            continue;
        }
        if bracket && ctx.word(end) == ")" && n.t0 > end + 1 {
            bracket = false;
            end += 1;
        }
        let opens = !bracket
            && n.t0 >= end + 3
            && n.t0 <= end + 9
            && ctx.word(end) == ","
            && ctx.word(n.t0 - 1) == "("
            && {
                // The description's head: people or bodies
                // (`data/lexicon/delegates.txt`, members, partners).
                let head = if ctx.lw(end + 1) == "the" {
                    end + 2
                } else {
                    end + 1
                };
                let w = ctx.lw(head);
                ctx.g.lexicon.delegates.contains(w)
                    || matches!(w, "members" | "partners" | "allies")
            }
            && (end + 1..n.t0 - 1).all(|q| {
                ctx.word(q).chars().all(char::is_alphabetic) && !matches!(ctx.lw(q), "and" | "or")
            });
        if opens && !n.compound && !qualifies(n) {
            bracket = true;
            parts.push(*n);
            links.push(false);
            end = n.t1;
            f += 1;
            continue;
        }
        // "President Zelenskyy of Ukraine": the body of the one before.
        let of = (end..n.t0).all(|q| matches!(ctx.lw(q), "of" | "the")) && n.t0 > end;
        if of && ctx.lw(end) == "of" {
            end = n.t1;
            f += 1;
            continue;
        }
        let joined = (end..n.t0).any(|q| matches!(ctx.lw(q), "," | "and"));
        // "condemned Russia, and Germany praised Poland": a new clause.
        if ctx.opens_clause(end, *n) {
            break;
        }
        // "with A, Commander, U.S. Indo-Pacific Command and senior officials
        // from B": an office in apposition to a person belongs to the
        // person, up to the "and" that goes on with the list.
        if parts.last().is_some_and(|p| p.kind == Kind::Person)
            && let Some(and) = apposed_office(ctx, slots, end)
        {
            let Some(and) = and else { break };
            while slots.get(f + 1).is_some_and(|o| o.t0 < and) {
                f += 1;
            }
            end = and;
            continue;
        }
        // "Deputy Foreign Minister A representing the OSCE Chair, and B": a
        // participle phrase after an item belongs to it, up to its comma.
        if !(joined && gap_ok(end, n.t0))
            && let Some(comma) = post_modifier(ctx, s, end)
        {
            while slots.get(f + 1).is_some_and(|o| o.t0 < comma) {
                f += 1;
            }
            end = comma;
            continue;
        }
        // "A, Chief Security Advisor to the Lithuanian President; B, ...;
        // and C, ...": a semicolon list of people, each with an office in
        // apposition (no other person named in it).
        if parts.last().is_some_and(|p| p.kind == Kind::Person)
            && ctx.word(end) == ","
            && let Some(semi) = (end + 1..(end + 20).min(s.last))
                .take_while(|&q| !matches!(ctx.word(q), "." | ":" | "(" | ")" | "\"" | "\u{201c}"))
                .find(|&q| ctx.word(q) == ";")
            && !slots
                .iter()
                .any(|o| o.t0 > end && o.t0 < semi && o.kind == Kind::Person)
        {
            let and = ctx.lw(semi + 1) == "and";
            let k = if and { semi + 2 } else { semi + 1 };
            while slots.get(f + 1).is_some_and(|o| o.t0 < semi) {
                f += 1;
            }
            match slots.get(f + 1) {
                Some(n) if n.t0 == k && n.kind == Kind::Person && !n.compound => {
                    parts.push(*n);
                    links.push(and);
                    end = n.t1;
                    f += 1;
                    continue;
                }
                _ => break,
            }
        }
        // "A and China's support to B": a possessive heads a new phrase.
        let possessive = ctx.possessive_at(n.t1);
        if n.compound || !joined || !gap_ok(end, n.t0) || qualifies(n) || possessive {
            break;
        }
        let n = if person_after(f + 1) {
            f += 1;
            &slots[f + 1]
        } else {
            n
        };
        parts.push(*n);
        links.push((end..n.t0).any(|q| matches!(ctx.lw(q), "and" | "&")));
        end = n.t1;
        f += 1;
    }
    // "with Putin, Kremlin spokesman Peskov said": items joined by bare
    // commas after the last "and", followed by a predicate, open a new
    // clause.
    let after = ctx.word(end);
    let predicate = after.chars().next().is_some_and(char::is_lowercase)
        && after.chars().all(char::is_alphabetic)
        && !PREPOSITIONS.contains(&ctx.lw(end))
        && !matches!(ctx.lw(end), "and" | "or" | "as" | "who" | "which" | "that");
    if predicate {
        parts.truncate(links.iter().rposition(|&and| and).map_or(1, |i| i + 2));
    }
    Some(parts)
}

/// The token after a title that follows a comma at token `k` and that no
/// name follows (", Commander, ...", ", Chairman of the High Council,"):
/// an office in apposition. ("A, Foreign Minister B": a slot starts at its
/// title, and B is a name of its own.)
fn office_after_comma(ctx: &Ctx, slots: &[Slot], k: usize) -> Option<usize> {
    if ctx.word(k) != "," {
        return None;
    }
    let after = ctx.title_end(k + 1)?;
    (!slots
        .iter()
        .any(|sl| sl.t0 > k && sl.t0 <= after && sl.kind == Kind::Person))
    .then_some(after)
}

/// An office in apposition to a person that opens at token `k` (",
/// Commander, U.S. Indo-Pacific Command"): a comma and a title that no
/// name follows. Gives the "and" that goes on with a list after it (within
/// ten words, no clause punctuation), if one does.
fn apposed_office(ctx: &Ctx, slots: &[Slot], k: usize) -> Option<Option<usize>> {
    let after = office_after_comma(ctx, slots, k)?;
    // "Minister for Foreign Affairs and Minister for Defense of Ireland",
    // "Minister of Health and Social Action": an "and" before another
    // title or a capitalised word that opens no name goes on with the
    // office. A semicolon list ("X, Minister of Y, Senegal; Z") is left to
    // the list's own reading.
    let end = (after + 10).min(ctx.doc.tokens.len());
    for q in after..end {
        match ctx.word(q) {
            ";" => return None,
            "." | ":" | "(" | ")" | "\"" | "\u{201c}" => return Some(None),
            _ => {}
        }
        let opens_item = || {
            let n = if ctx.lw(q + 1) == "the" { q + 2 } else { q + 1 };
            ctx.word(q + 1).starts_with(char::is_lowercase) || slots.iter().any(|sl| sl.t0 == n)
        };
        if ctx.lw(q) == "and" && ctx.title_end(q + 1).is_none() && opens_item() {
            return Some(Some(q));
        }
    }
    Some(None)
}

/// The comma closing a participle phrase that opens at token `k`
/// ("representing the OSCE Chair,"): a lowercase "-ing" word other than
/// "including", then at most eight words with no clause punctuation.
fn post_modifier(ctx: &Ctx, s: &crate::text::Sentence, k: usize) -> Option<usize> {
    let w = ctx.word(k);
    let participle = w.len() > 5
        && w.ends_with("ing")
        && w != "including"
        && w.chars().all(|c| c.is_ascii_lowercase());
    if !participle {
        return None;
    }
    (k + 1..(k + 10).min(s.last))
        .take_while(|&q| !matches!(ctx.word(q), ";" | ":" | "(" | ")" | "\"" | "\u{201c}"))
        .find(|&q| ctx.word(q) == ",")
}

/// "Under Secretary Nuland will travel to X with an interagency
/// delegation", "Nuland and the U.S. delegation will meet", "Chollet will
/// lead an interagency delegation to Y", "she will lead the U.S.
/// delegation", "the U.S. delegation, led by Assistant Secretary Lu": the
/// person who leads a delegation this sentence names.
fn delegation_head(ctx: &Ctx, cl: &Clause, discourse: &Discourse) -> Option<usize> {
    let (s, slots) = (cl.s, cl.slots);
    let person_before = |k: usize| -> Option<usize> {
        let p = slots
            .iter()
            .rfind(|sl| sl.t1 <= k && sl.kind == Kind::Person)?;
        // No other person named between it and `k`.
        (!slots
            .iter()
            .any(|o| o.t0 >= p.t1 && o.t1 <= k && !o.compound && o.kind == Kind::Person))
        .then_some(p.entity)
    };
    for d in s.first..s.last {
        if ctx.lw(d) != "delegation" {
            continue;
        }
        // Back over the delegation's modifiers ("U.S.", "interagency") to
        // its determiner.
        let mut k = d;
        while k > s.first
            && d - k < 4
            && !matches!(ctx.lw(k - 1), "the" | "a" | "an")
            && (ctx.word(k - 1).starts_with(char::is_uppercase)
                || matches!(
                    ctx.lw(k - 1),
                    "interagency" | "presidential" | "high-level" | "senior" | "." | "-"
                ))
        {
            k -= 1;
        }
        if k == s.first || !matches!(ctx.lw(k - 1), "the" | "a" | "an") {
            continue;
        }
        let det = k - 1;
        // "the U.S. delegation, led by X".
        let after = if ctx.word(d + 1) == "," { d + 2 } else { d + 1 };
        if ctx.lw(after) == "led" && ctx.lw(after + 1) == "by" {
            let by = after + 2;
            if let Some(p) = slots
                .iter()
                .find(|sl| sl.kind == Kind::Person && sl.t0 >= by && sl.t0 <= by + 6)
            {
                return Some(p.entity);
            }
        }
        if det == s.first {
            continue;
        }
        let before = ctx.lw(det - 1);
        match before {
            // "Nuland and the U.S. delegation".
            "and" => {
                if let Some(p) = slots
                    .iter()
                    .find(|sl| sl.t1 + 1 == det && sl.kind == Kind::Person)
                {
                    return Some(p.entity);
                }
            }
            // "will lead the U.S. delegation", "to lead an interagency
            // delegation"; "she will lead ...".
            "lead" | "leads" | "led" | "leading" => {
                let verb = det - 1;
                let pronoun = (s.first..verb)
                    .rev()
                    .take(4)
                    .find(|&q| matches!(ctx.lw(q), "he" | "she"))
                    .filter(|&q| !slots.iter().any(|o| o.t0 > q && o.t1 <= verb));
                if pronoun.is_some() {
                    if let Some((p, _)) = discourse.person {
                        return Some(p);
                    }
                } else if let Some(p) = person_before(verb) {
                    return Some(p);
                }
            }
            // "will travel to X with an interagency delegation".
            "with" => {
                let with = det - 1;
                let travels = (s.first..with).any(|q| {
                    matches!(
                        ctx.lw(q),
                        "travel" | "travels" | "traveled" | "travelled" | "traveling"
                    )
                });
                if travels
                    && let Some(p) = slots
                        .iter()
                        .find(|sl| sl.kind == Kind::Person && sl.t1 <= with)
                {
                    return Some(p.entity);
                }
            }
            _ => {}
        }
    }
    None
}

/// The entities, each once, in the order first seen.
fn distinct(entities: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for e in entities {
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// "Germany, France and Britain condemned ...": two or more names of one
/// kind that open the sentence (after "The" at most), joined by commas and
/// "and", and a lowercase word after them that is no preposition (the
/// verb); the names, the sentence and the token after the list.
fn subject_list(ctx: &Ctx, cl: &Clause) -> Option<(Vec<usize>, usize, usize)> {
    let first = cl.slots.first()?;
    // "Today, the United States, A and B signed ...": an opening phrase of
    // time and its comma come before the list.
    let opens = match (cl.s.first..first.t0.min(cl.s.first + 5)).find(|&k| ctx.word(k) == ",") {
        Some(comma)
            if matches!(
                ctx.lw(cl.s.first),
                "today" | "yesterday" | "tonight" | "on" | "earlier" | "later" | "this" | "last"
            ) =>
        {
            comma + 1
        }
        _ => cl.s.first,
    };
    if first.compound || first.t0 > opens + usize::from(ctx.lw(opens) == "the") {
        return None;
    }
    let mut list = vec![*first];
    for sl in &cl.slots[1..] {
        let last = list[list.len() - 1];
        let gap: Vec<&str> = (last.t1..sl.t0).map(|k| ctx.lw(k)).collect();
        let joined = matches!(
            gap.as_slice(),
            [","] | ["and"] | [",", "and"] | ["and", "the"] | [",", "and", "the"] | [",", "the"]
        );
        if !joined || sl.compound || sl.kind != first.kind {
            break;
        }
        list.push(*sl);
    }
    let end = list[list.len() - 1].t1;
    let verb = ctx.word(end);
    let opens_clause = verb.chars().all(|c| c.is_ascii_lowercase())
        && !verb.is_empty()
        && !PREPOSITIONS.contains(&verb)
        && !matches!(verb, "and" | "or" | "of");
    let last_joined_by_and = list.len() >= 2 && {
        let before = list[list.len() - 1].t0;
        (list[list.len() - 2].t1..before).any(|k| ctx.lw(k) == "and")
    };
    let names = distinct(list.iter().map(|sl| sl.entity));
    (names.len() >= 2 && last_joined_by_and && opens_clause).then_some((names, cl.si, end))
}

/// What a sentence tells the next ones: the last pair that met (for
/// "they"), the last attackers (for "condemned the strikes") and the last
/// person who acted (for "he").
/// The distinct sources of the asserted (unflagged) edges of type `edge`,
/// in order.
fn asserted_sources(found: &[Relation], edge: EdgeType) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for rel in found {
        if rel.edge == edge && !rel.is_flagged() && !out.contains(&rel.source) {
            out.push(rel.source);
        }
    }
    out
}

fn remember(
    discourse: &mut Discourse,
    found: &[Relation],
    slots: &[Slot],
    r: &Resolved,
    si: usize,
    (meeting_cue, pronoun_subject): (bool, bool),
) {
    // "They" after a meeting is its two parties; after a meeting whose
    // parties the text does not name ("the delegation will meet X"), nobody.
    let met: Vec<&Relation> = found
        .iter()
        .filter(|rel| rel.edge == EdgeType::MetWith && !rel.is_flagged())
        .collect();
    if let Some(rel) = met.last() {
        discourse.pair = Some((rel.source, rel.target, si));
    } else if meeting_cue {
        discourse.pair = None;
    }
    // "They reaffirmed ... They also condemned ...": a pair or group "they"
    // named in this sentence is named again, and stays in mind.
    let named_again = |m: Mechanism| {
        found
            .iter()
            .any(|rel| rel.via.as_ref().is_some_and(|v| v.mechanism == m))
    };
    if named_again(Mechanism::Plural)
        && let Some(pair) = discourse.pair.as_mut()
    {
        pair.2 = pair.2.max(si);
    }
    if named_again(Mechanism::Nary)
        && let Some(group) = discourse.group.as_mut()
    {
        group.1 = group.1.max(si);
    }
    // "spoke with A, B, C and D. The participants discussed ...": one
    // party who met several.
    for rel in &met {
        for host in [rel.source, rel.target] {
            let mut parties = vec![host];
            for o in &met {
                let other = if o.source == host {
                    o.target
                } else if o.target == host {
                    o.source
                } else {
                    continue;
                };
                if !parties.contains(&other) {
                    parties.push(other);
                }
            }
            if parties.len() >= 3 && discourse.group.as_ref().is_none_or(|g| g.1 < si) {
                discourse.set_group(parties, si, false);
            }
        }
    }
    let attackers = asserted_sources(found, EdgeType::Attacks);
    if !attackers.is_empty() {
        discourse.attackers = Some((attackers, si));
    }

    if found.iter().any(|rel| {
        rel.via
            .as_ref()
            .is_some_and(|v| v.mechanism == Mechanism::Description)
            && discourse
                .delegation
                .is_some_and(|h| rel.source == h || rel.target == h)
    }) {
        discourse.delegation_acted = Some(si);
    }
    discourse.named.retain(|&(s, _, _)| s + 2 > si);
    for sl in slots {
        if !sl.compound && sl.via.is_none() {
            discourse.named.push((si, sl.entity, sl.kind));
        }
    }
    // The source of a directed act; a meeting's or an office's persons say
    // nothing of who acted, so the first person named (the subject) does.
    let acting_person = found
        .iter()
        .filter(|rel| !rel.edge.is_symmetric() && rel.edge != EdgeType::Represents)
        .map(|rel| rel.source)
        .chain(slots.iter().map(|sl| sl.entity))
        .find(|&e| r.entities[e].kind == Kind::Person);
    if pronoun_subject && let Some((p, _)) = discourse.person {
        discourse.person = Some((p, si));
    } else if let Some(p) = acting_person {
        discourse.person = Some((p, si));
    }
}

/// Two cues can find the same edge in the same words ("provision of
/// weapons to"): keep one occurrence per span.
fn one_per_span(out: &mut Vec<Relation>) {
    let mut seen = std::collections::HashSet::new();
    out.retain(|r| seen.insert((r.source, r.edge, r.target, r.start, r.end, r.is_flagged())));
}

/// `represents` from the roles the resolver tied to people ("Russian
/// President Vladimir Putin"), with the title and name as evidence.
fn represents_from_titles(ctx: &mut Ctx) {
    let r = ctx.r;
    for role in &r.roles {
        let m = &r.mentions[role.mention];
        let (start, end) = match role.title {
            Some((s, e)) => (s.min(m.start), e.max(m.end)),
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
            headline: false,
            role: Some(role.role.clone()),
            rule: "title".to_string(),
            via: None,
        });
    }
}
