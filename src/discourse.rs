//! The article's memory of who was named: resolves phrases that refer
//! without naming ("the Secretary", "The Prime Minister spoke to ...") to
//! the entity they mean, or leaves them unresolved when unsure.
//!
//! Each way of resolving is a named [`Mechanism`] that can be switched off
//! ([`Mechanisms`]), so that `geokg eval --ablate` can measure what each one
//! adds. The references found here are read by [`crate::relation`] as if
//! they were names, and every edge they take part in says how the reference
//! was resolved (its `via`) and carries a lower confidence. The memory
//! lives for one article and is dropped with it.

use std::fmt;
use std::str::FromStr;

use crate::gazetteer::Gazetteer;
use crate::ontology::Kind;
use crate::resolve::Resolved;
use crate::text::Doc;

/// One way of resolving a reference that does not name its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mechanism {
    /// "the Secretary", "the Prime Minister": the last person named with
    /// that office.
    Title,
    /// "The Prime Minister spoke to ..." in a release of the government
    /// whose office it is, with no holder named: the publishing state.
    Office,
    /// "he", "she": the person who acted last.
    Pronoun,
    /// "they", "the two leaders", "both sides": the last pair that met, or
    /// the list of names that opened this sentence or the one before as
    /// its subject ("Germany, France and Britain condemned ... They warned").
    Plural,
    /// "we", "our" in a government's own release: that government.
    FirstPerson,
    /// "condemned the strikes": the agent of the last attack reported;
    /// "vowed to retaliate": its target.
    Event,
    /// A meeting of several parties named as a list ("joined by A, B and
    /// C", "a trilateral meeting with A and B"): every pair that met.
    Nary,
    /// "Putin's war of choice", "Russia for its aggression": a war whose
    /// actor is named and whose target is not takes the one target the
    /// article gives that actor's attacks elsewhere.
    War,
    /// "the group", "the militants", "the junta": the one group or state
    /// of that kind named last (`data/lexicon/descriptions.tsv`); "the
    /// delegation" of a trip announcement: the person who leads it.
    Description,
}

impl Mechanism {
    /// Every mechanism, in the order figures are reported.
    pub const ALL: [Mechanism; 9] = [
        Mechanism::Title,
        Mechanism::Office,
        Mechanism::Pronoun,
        Mechanism::Plural,
        Mechanism::FirstPerson,
        Mechanism::Event,
        Mechanism::Nary,
        Mechanism::War,
        Mechanism::Description,
    ];

    /// The name used on the command line and in `via`.
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::Title => "title",
            Mechanism::Office => "office",
            Mechanism::Pronoun => "pronoun",
            Mechanism::Plural => "plural",
            Mechanism::FirstPerson => "first-person",
            Mechanism::Event => "event",
            Mechanism::Nary => "n-ary",
            Mechanism::War => "war",
            Mechanism::Description => "description",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl fmt::Display for Mechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown mechanism name.
#[derive(Debug, thiserror::Error)]
#[error("unknown mechanism {0:?} (expected one of: {names})", names = Mechanism::ALL.map(Mechanism::name).join(", "))]
pub struct UnknownMechanism(String);

impl FromStr for Mechanism {
    type Err = UnknownMechanism;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Mechanism::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| UnknownMechanism(s.to_string()))
    }
}

/// Which mechanisms run (all by default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mechanisms {
    off: u16,
}

impl Mechanisms {
    /// Every mechanism on.
    pub fn all() -> Self {
        Self::default()
    }

    /// The same set with `m` switched off.
    #[must_use]
    pub fn without(self, m: Mechanism) -> Self {
        Mechanisms {
            off: self.off | m.bit(),
        }
    }

    /// Whether `m` runs.
    pub fn on(self, m: Mechanism) -> bool {
        self.off & m.bit() == 0
    }
}

/// The article's memory, built once before its relations are read: the
/// references resolved here, the voice of the text, and which mechanisms
/// run. Dropped with the article.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    /// Bare titles and first-person words, resolved.
    pub refs: Vec<Reference>,
    /// Who speaks when the text speaks in its own voice.
    pub voice: Option<usize>,
    /// The one person whose statement the headline opens ("Statement by
    /// President Joe Biden on ..."), found whichever mechanisms run: the
    /// agent of what the headline's topic leaves without one.
    pub author: Option<usize>,
    /// The mechanisms that may resolve references.
    pub on: Mechanisms,
}

impl Memory {
    /// The memory of one resolved article whose first `headline_end` bytes
    /// are its headline.
    pub fn of(
        text: &str,
        doc: &Doc,
        g: &Gazetteer,
        r: &Resolved,
        date: Option<&str>,
        headline_end: usize,
        on: Mechanisms,
    ) -> Memory {
        let mut refs = bare_titles(text, doc, g, r, date, on);
        refs.extend(bare_bodies(text, doc, r, on));
        // The author is found once: the "I" of the text and its voice.
        let author = statement_author(text, g, r, headline_end);
        if !on.on(Mechanism::FirstPerson) {
            return Memory {
                refs,
                voice: None,
                author,
                on,
            };
        }
        refs.extend(speakers(text, doc, r, author, headline_end));
        Memory {
            refs,
            voice: voice(author, r),
            author,
            on,
        }
    }
}

/// A phrase that refers to an entity without naming it, resolved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reference {
    /// Sentence index.
    pub sentence: usize,
    /// First token of the phrase ("the").
    pub t0: usize,
    /// Token after the phrase.
    pub t1: usize,
    /// Byte span of the phrase.
    pub start: usize,
    /// End of the phrase.
    pub end: usize,
    /// The entity it means.
    pub entity: usize,
    /// How it was resolved.
    pub mechanism: Mechanism,
}

/// `"the Secretary" -> Antony Blinken`: how a reference was resolved, as
/// shown with the evidence.
pub fn via(text: &str, start: usize, end: usize, r: &Resolved, entity: usize) -> String {
    let surface = text.get(start..end).unwrap_or("").trim();
    format!("\"{surface}\" -> {}", r.entities[entity].name)
}

/// Whether a bare title ("secretary") names the office `held` ("secretary
/// of state"): the same office, or the office of something.
fn fits(title: &str, held: &str) -> bool {
    if held == title {
        return true;
    }
    let rest = held.strip_prefix(title).unwrap_or("");
    rest.starts_with(" of ") || rest.starts_with(" for ")
}

/// Every person mention with an office, from its title or, for a person
/// the gazetteer knows, the offices held on the article's date: (byte
/// offset, person, office).
fn office_holders(g: &Gazetteer, r: &Resolved, date: Option<&str>) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut known: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, m) in r.mentions.iter().enumerate() {
        let Some(p) = r.entity_of[i].filter(|&p| r.entities[p].kind == Kind::Person) else {
            continue;
        };
        for cue in m.role.iter().chain(&m.apposed) {
            out.push((m.start, p, cue.role.clone()));
        }
        if let Some(k) = r.entities[p].known {
            if !known.iter().any(|(q, _)| *q == p) {
                known.push((p, g.roles_of(k, date).map(|ro| ro.role.clone()).collect()));
            }
            if let Some((_, roles)) = known.iter().find(|(q, _)| *q == p) {
                for role in roles {
                    out.push((m.start, p, role.clone()));
                }
            }
        }
    }
    out
}

/// Bare titles after "the" ("the Secretary", "The Prime Minister"), each
/// resolved to the person last named in that office ([`Mechanism::Title`]),
/// else, in a government's own release whose unnamed offices include it,
/// to the publishing state ([`Mechanism::Office`]). A title followed by
/// "of"/"to" or a name describes someone else and is left alone, as is one
/// whose holder is ambiguous (two people named in that office, the later
/// not clearly the one meant).
pub fn bare_titles(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    r: &Resolved,
    date: Option<&str>,
    on: Mechanisms,
) -> Vec<Reference> {
    if !on.on(Mechanism::Title) && !on.on(Mechanism::Office) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut holders: Option<Vec<(usize, usize, String)>> = None;
    let covered = |a: usize, b: usize| {
        r.mentions.iter().any(|m| {
            let s = m.role.as_ref().map_or(m.start, |c| c.start.min(m.start));
            s < b && a < m.span_end.max(m.end)
        })
    };
    // Titles are looked for only right after "the", in a window of a few
    // words: the whole text is never scanned again.
    let after_the = (1..doc.tokens.len())
        .filter(|&k| {
            doc.lower(k - 1) == "the" && g.lexicon.title_first_words.contains(doc.lower(k))
        })
        .filter_map(|k| {
            let from = doc.tokens[k].start;
            let to = doc.tokens[(k + 6).min(doc.tokens.len() - 1)].end;
            let window = text.get(from..to)?;
            let (a, b, title) = g.lexicon.find_titles(window).into_iter().next()?;
            (a == 0).then_some((from + a, from + b, title))
        });
    for (start, end, title) in after_the {
        let t0 = doc.token_at_or_after(start);
        let t1 = doc.token_at_or_after(end);
        if t0 == 0 || doc.lower(t0 - 1) != "the" || covered(start, end) {
            continue;
        }
        let Some(si) = doc.sentence_of(start) else {
            continue;
        };
        // "the President of Ukraine", "the Ambassador to Japan", "the
        // President Biden": someone the phrase itself describes or names.
        let next = doc.tokens.get(t1);
        let describes = matches!(doc.lower(t1), "of" | "to" | "for" | "-" | "and")
            || next.is_some_and(|t| {
                text.get(t.start..t.end)
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_uppercase)
                    && doc.sentences[si].first != t1
            });
        if describes || next.is_some_and(|t| t.start < end) {
            continue;
        }
        let the_start = doc.tokens[t0 - 1].start;
        // People named with an office, gathered once an article has a bare
        // title: (byte offset, person, office).
        let holders = holders.get_or_insert_with(|| office_holders(g, r, date));
        let mut found: Vec<(usize, usize)> = Vec::new(); // (last offset, person)
        for (at, p, held) in holders.iter() {
            if *at < start && fits(title, held) {
                match found.iter_mut().find(|(_, q)| q == p) {
                    Some(f) => f.0 = f.0.max(*at),
                    None => found.push((*at, *p)),
                }
            }
        }
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        let resolved = match found.as_slice() {
            [] => None,
            [(_, p)] => Some((*p, Mechanism::Title)),
            [(last, p), (other, q), ..] => {
                // Two holders: the later one, if the other was not named in
                // the same sentence, or the one who holds the office for the
                // publishing government.
                let same_sentence = doc.sentence_of(*last) == doc.sentence_of(*other);
                let for_publisher = |x: usize| {
                    r.office.as_ref().is_some_and(|(s, _)| {
                        r.roles.iter().any(|ro| ro.person == x && ro.of == *s)
                    })
                };
                if for_publisher(*p) && !for_publisher(*q) {
                    Some((*p, Mechanism::Title))
                } else if for_publisher(*q) && !for_publisher(*p) {
                    Some((*q, Mechanism::Title))
                } else if !same_sentence {
                    Some((*p, Mechanism::Title))
                } else {
                    None
                }
            }
        };
        let resolved = resolved.or_else(|| {
            let (state, offices) = r.office.as_ref()?;
            (found.is_empty() && offices.iter().any(|o| o == title))
                .then_some((*state, Mechanism::Office))
        });
        if let Some((entity, mechanism)) = resolved
            && on.on(mechanism)
        {
            out.push(Reference {
                sentence: si,
                t0: t0 - 1,
                t1,
                start: the_start,
                end,
                entity,
                mechanism,
            });
        }
    }
    out
}

/// "The Department is designating ...": in a government's own release, one
/// of its bodies (`bodies` in `data/lexicon/publishers.tsv`) named bare,
/// capitalised after "the" and not followed by "of" or another capitalised
/// word (which name some other body), is the publishing state acting
/// ([`Mechanism::Office`]).
pub fn bare_bodies(text: &str, doc: &Doc, r: &Resolved, on: Mechanisms) -> Vec<Reference> {
    let mut out = Vec::new();
    let Some((state, bodies)) = r.bodies.as_ref().filter(|_| on.on(Mechanism::Office)) else {
        return out;
    };
    let word = |k: usize| {
        doc.tokens
            .get(k)
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or("")
    };
    for k in 1..doc.tokens.len() {
        if doc.lower(k - 1) != "the" || !bodies.iter().any(|b| b == word(k)) {
            continue;
        }
        let next = word(k + 1);
        if matches!(doc.lower(k + 1), "of" | "for") || next.starts_with(char::is_uppercase) {
            continue;
        }
        let (t, the) = (doc.tokens[k], doc.tokens[k - 1]);
        let covered = r
            .mentions
            .iter()
            .any(|m| m.start < t.end && t.start < m.span_end.max(m.end));
        let Some(si) = doc.sentence_of(t.start) else {
            continue;
        };
        if !covered {
            out.push(Reference {
                sentence: si,
                t0: k - 1,
                t1: k + 1,
                start: the.start,
                end: t.end,
                entity: *state,
                mechanism: Mechanism::Office,
            });
        }
    }
    out
}

/// The one person a statement's headline names after an opening of
/// `data/lexicon/statements.txt` ("Statement by President Joe Biden on
/// ..."); none when it names several.
fn statement_author(text: &str, g: &Gazetteer, r: &Resolved, headline_end: usize) -> Option<usize> {
    let headline = text.get(..headline_end).unwrap_or("").to_lowercase();
    let opened = g
        .lexicon
        .statements
        .iter()
        .any(|o| headline.starts_with(o.as_str()));
    let mut named: Vec<usize> = Vec::new();
    // "Secretary Blinken's Statement on ...": the statement word right after
    // the person's name (and its possessive) also makes the headline a
    // statement in that person's voice.
    let mut signed = false;
    for (i, m) in r.mentions.iter().enumerate() {
        if m.start >= headline_end {
            break;
        }
        if let Some(e) = r.entity_of[i].filter(|&e| r.entities[e].kind == Kind::Person) {
            if !named.contains(&e) {
                named.push(e);
            }
            let rest = text.get(m.end..headline_end).unwrap_or("");
            let rest = rest
                .strip_prefix("'s")
                .or_else(|| rest.strip_prefix("\u{2019}s"))
                .unwrap_or(rest)
                .trim_start()
                .to_lowercase();
            signed |= ["statement", "remarks", "message", "op-ed", "letter"]
                .iter()
                .any(|w| rest.starts_with(w) && !rest[w.len()..].starts_with(char::is_alphabetic));
        }
    }
    // "Statement by Press Secretary Jen Psaki on ...": a spokesperson
    // speaks for the government, whose voice the statement stays in.
    let spokesperson = |e: usize| {
        r.mentions
            .iter()
            .enumerate()
            .find(|(i, m)| m.start < headline_end && r.entity_of[*i] == Some(e))
            .is_some_and(|(_, m)| {
                let before = headline.get(..m.start).unwrap_or("");
                [
                    "spokesperson",
                    "spokesman",
                    "spokeswoman",
                    "press secretary",
                ]
                .iter()
                .any(|t| before.contains(&format!("{t} ")))
            })
    };
    if (opened || signed) && named.len() == 1 {
        return (!spokesperson(named[0])).then(|| named[0]);
    }
    // "Statement by President Joe Biden on Support for Ukraine and Call with
    // President Zelenskyy": the person named before the topic (" on ") signs
    // the statement; those named in the topic do not.
    let topic = headline.find(" on ")?;
    let before_topic: Vec<usize> = r
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.start < topic.min(headline_end))
        .filter_map(|(i, _)| r.entity_of[i].filter(|&e| r.entities[e].kind == Kind::Person))
        .fold(Vec::new(), |mut v, e| {
            if !v.contains(&e) {
                v.push(e);
            }
            v
        });
    (opened && before_topic.len() == 1 && !spokesperson(before_topic[0])).then(|| before_topic[0])
}

/// Who speaks when a text speaks in its own voice: the author of a
/// statement in one person's voice, else the government that published the
/// release ([`Mechanism::FirstPerson`]). None for news reports.
fn voice(author: Option<usize>, r: &Resolved) -> Option<usize> {
    author
        .or_else(|| r.office.as_ref().map(|(state, _)| *state))
        .or(r.publisher)
}

/// The "I", "my" and "me" of a text in one voice ([`Mechanism::FirstPerson`]):
/// in a statement, its `author` ([`statement_author`]); in a transcript,
/// the speaker whose label ("SECRETARY BLINKEN:") opens the paragraph (a
/// label that names no one, "QUESTION:", ends the turn), and "your" there
/// is the other of a transcript's two speakers.
/// Words inside quotation marks are someone else's and stay unresolved, as
/// does everything when the headline names several people.
fn speakers(
    text: &str,
    doc: &Doc,
    r: &Resolved,
    author: Option<usize>,
    headline_end: usize,
) -> Vec<Reference> {
    let person = |e: usize| r.entities[e].kind == Kind::Person;
    // Transcript labels: a paragraph opening with capitals and a colon
    // ("QUESTION:" names no one, and ends the last speaker's turn).
    let mut labels: Vec<(usize, Option<usize>)> = Vec::new(); // (byte offset, person)
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let Some((label, _)) = line.split_once(':') else {
            continue;
        };
        let words: Vec<&str> = label.split_whitespace().collect();
        let capitals = !words.is_empty()
            && words.len() <= 5
            && label.chars().any(char::is_alphabetic)
            && label
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase());
        let Some(last) = words.last().filter(|_| capitals) else {
            continue;
        };
        let last = last.to_lowercase();
        let found = (0..r.entities.len()).find(|&e| {
            person(e)
                && std::iter::once(&r.entities[e].name)
                    .chain(&r.entities[e].aliases)
                    .any(|n| {
                        n.split_whitespace()
                            .last()
                            .is_some_and(|w| w.to_lowercase() == last)
                    })
        });
        labels.push((at, found));
    }
    if labels.iter().all(|(_, e)| e.is_none()) {
        labels.clear();
    }
    if author.is_none() && labels.is_empty() {
        return Vec::new();
    }
    // "your visit" in a transcript of two people: the other one.
    let mut people: Vec<usize> = labels.iter().filter_map(|&(_, e)| e).collect();
    people.sort_unstable();
    people.dedup();
    let addressee = |speaker: usize| match people.as_slice() {
        [a, b] if *a == speaker => Some(*b),
        [a, b] if *b == speaker => Some(*a),
        _ => None,
    };
    let mut out = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if sentence.start < headline_end {
            continue;
        }
        let labelled = labels.iter().rev().find(|(at, _)| *at <= sentence.start);
        let speaker = match labelled {
            Some(&(_, e)) => e,
            None => author,
        };
        let Some(speaker) = speaker else {
            continue;
        };
        let addressed = labelled.and_then(|_| addressee(speaker));
        // Inside quotation marks the words are someone else's: the marks
        // are counted once, left to right.
        let (mut straight, mut open) = (0usize, 0isize);
        let mut seen = sentence.start;
        for k in sentence.first..sentence.last {
            let t = doc.tokens[k];
            let w = text.get(t.start..t.end).unwrap_or("");
            for c in text
                .get(seen..t.start)
                .unwrap_or("")
                .chars()
                .chain(w.chars())
            {
                match c {
                    '"' => straight += 1,
                    '\u{201c}' => open += 1,
                    '\u{201d}' => open -= 1,
                    _ => {}
                }
            }
            seen = t.end;
            let quoted = straight % 2 == 1 || open > 0;
            let entity = match w {
                "I" | "my" | "My" | "me" => Some(speaker),
                "your" | "Your" => addressed,
                _ => None,
            };
            if let (false, Some(entity)) = (quoted, entity) {
                out.push(Reference {
                    sentence: si,
                    t0: k,
                    t1: k + 1,
                    start: t.start,
                    end: t.end,
                    entity,
                    mechanism: Mechanism::FirstPerson,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        // Protects `--ablate NAME`: every mechanism's name parses to itself.
        for m in Mechanism::ALL {
            assert_eq!(m.name().parse::<Mechanism>().ok(), Some(m));
        }
        assert!("titles".parse::<Mechanism>().is_err());
    }

    #[test]
    fn switching_off_is_per_mechanism() {
        let on = Mechanisms::all().without(Mechanism::Title);
        assert!(!on.on(Mechanism::Title));
        assert!(Mechanism::ALL[1..].iter().all(|&m| on.on(m)));
    }

    #[test]
    fn bare_title_fits_its_office() {
        // "the Secretary" is the Secretary of State, not the Deputy Secretary
        // nor the Press Secretary; "the President" is not the Vice President.
        assert!(fits("secretary", "secretary of state"));
        assert!(fits("president", "president"));
        assert!(!fits("secretary", "deputy secretary"));
        assert!(!fits("secretary", "press secretary"));
        assert!(!fits("president", "vice president"));
        assert!(!fits("secretary", "secretary-general"));
    }
}
