//! Finds mentions in a body: gazetteer names, demonyms and metonyms, people
//! by titles, honorifics and name shape, and the roles that titles give them.
//!
//! Invariants: mentions are sorted by start and do not overlap; every span
//! lies inside one sentence; `start..end` is the name itself and
//! `start..span_end` also covers organ words ("Russian Foreign Ministry").

use crate::gazetteer::{Cue, CueForm, EntityIdx, FormClass, Gazetteer, Match, Reading};
use crate::ontology::{EdgeType, Kind};
use crate::text::{Doc, Sentence, Token};

/// What a mention names, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// A gazetteer entity; readings with the preferred one first.
    Known(Vec<Reading>),
    /// A person the gazetteer does not know, by name.
    Person(String),
    /// Another node the gazetteer does not know, named with a head word
    /// ("Fifth Republic Movement", "Shayrat Airfield").
    New {
        /// The whole name.
        name: String,
        /// The kind its head word gives.
        kind: Kind,
    },
}

/// A title that ties a person mention to a state, alliance or organisation.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleCue {
    /// The office, lowercase ("special envoy").
    pub role: String,
    /// Index of the mention the office is held for, when the text names it.
    pub of: Option<usize>,
    /// Byte span of the title phrase, for evidence.
    pub start: usize,
    /// End of the title phrase.
    pub end: usize,
    /// Index of the mention an envoy is sent to ("Ambassador to South
    /// Korea X"), when the title names no sender: a release's own office
    /// unless it is sent to the publisher's state.
    pub to: Option<usize>,
}

/// One mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte offset of the name.
    pub start: usize,
    /// End of the name.
    pub end: usize,
    /// End of the name plus any organ words after it.
    pub span_end: usize,
    /// Sentence index.
    pub sentence: usize,
    /// What it names.
    pub what: What,
    /// For capitals: the city acts (its state) rather than being a place.
    pub acting: bool,
    /// A title in front of or after a person's name.
    pub role: Option<RoleCue>,
    /// A second office, in apposition after a name whose first is the
    /// title in front of it: "Kenya's William Ruto, chair of the East
    /// African Community".
    pub apposed: Option<RoleCue>,
    /// This mention only qualifies a title of mention N ("Russian" in
    /// "Russian President Vladimir Putin").
    pub modifier_of: Option<usize>,
    /// "the Russian president", "Argentina's president": a state followed
    /// by an office with no name; the office held.
    pub title_ref: Option<String>,
}

impl Mention {
    /// The preferred gazetteer reading, for known mentions.
    pub fn reading(&self) -> Option<Reading> {
        match &self.what {
            What::Known(r) => r.first().copied(),
            _ => None,
        }
    }
}

/// Grades written after a rank ("Specialist Five", "Private First").
const RANK_GRADES: &[&str] = &[
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "First",
];

/// Compass words that open a place's name ("Eastern Ghouta").
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upper",
    "lower",
    "greater",
    "inner",
    "outer",
];

/// Calendar words: capitalised, never a name, and often right after one
/// ("Wu Bangguo Wednesday").
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "van", "von", "da", "del", "della", "la", "le", "di", "dos",
    "das", "der", "du", "ter", "abu", "bint",
];

/// Saints' titles, as written before a name that then names a place or an
/// institution ("St. Jude", "Saint Petersburg"); lowercase, no dot.
const SAINT_WORDS: &[&str] = &["st", "saint", "ste", "sainte"];

/// A company's legal suffix, without its dot ("Co. Ltd.", ", Inc.",
/// "LLC"): inside the company's name, and its end.
const LEGAL_SUFFIXES: &[&str] = &["Inc", "LLC", "Ltd", "Limited", "PLC", "GmbH", "Co"];

/// Prepositions before a place ("in Kyiv", "near Bakhmut").
pub(crate) const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "near", "into", "outside", "across", "around", "toward", "towards", "over",
    "via", "through", "inside", "on", "of",
];

fn tok<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.start..t.end).unwrap_or("")
}

/// Token `i` is a known given name and the next word, right after it, is
/// one more name word that starts no gazetteer name: "Mohamed Shirdon" in
/// "Farah Mohamed Shirdon", so the place before it is a first name too;
/// but not after a preposition of place ("in Farah Mohammed Khan said").
fn given_then_name(text: &str, doc: &Doc, g: &Gazetteer, i: usize, found: &[Match<'_>]) -> bool {
    let (Some(n), Some(s)) = (doc.tokens.get(i), doc.tokens.get(i + 1)) else {
        return false;
    };
    let w = tok(text, s);
    let located = i >= 2 && {
        let p = doc.lower(i - 2);
        p != "of" && PLACE_PREPOSITIONS.contains(&p)
    };
    !located
        && g.lexicon.given_names.contains(&tok(text, n).to_lowercase())
        && s.start == n.end + 1
        && s.word
        && is_name_word(w, g)
        && !found.iter().any(|o| o.start == s.start)
        && g.lexicon.find_heads(w).next().is_none()
        && !g.lexicon.verbs.contains_key(w.to_lowercase().as_str())
}

/// `w` (at `at`, right after the place `place`) stands again elsewhere in
/// the article as a name, before punctuation or a verb, and not after the
/// place again: "Milan Radoicic ... Radoicic said", a surname used alone.
fn surname_used_again(text: &str, g: &Gazetteer, w: &str, at: usize, place: &str) -> bool {
    text.match_indices(w).any(|(other, _)| {
        other != at
            && crate::gazetteer::on_boundaries(text, other, other + w.len())
            && text.get(other + w.len()..).is_some_and(|r| {
                // as a name: before punctuation or a verb
                r.starts_with([',', '.', ';', ':', '\'', '\u{2019}', ')'])
                    || r.strip_prefix(' ').is_some_and(|r| {
                        let v = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                        g.lexicon.verbs.contains_key(v)
                    })
            })
            && !text
                .get(..other)
                .is_some_and(|b| b.trim_end().ends_with(place))
    })
}

/// A capitalised word that could be part of a name.
fn is_name_word(word: &str, g: &Gazetteer) -> bool {
    let core = [
        "al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "bin-", "ibn-",
    ]
    .iter()
    .find_map(|p| word.strip_prefix(p))
    .unwrap_or(word);
    let mut chars = core.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let has_lower = core.chars().any(char::is_lowercase);
    if !has_lower || core.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = word.to_lowercase();
    !g.lexicon.nonname.contains(&lower) && !g.lexicon.honorifics.contains(&lower)
}

fn is_initial(text: &str, tokens: &[Token], i: usize) -> bool {
    let w = tok(text, &tokens[i]);
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
        && tokens
            .get(i + 1)
            .is_some_and(|t| tok(text, t) == "." && t.start == tokens[i].end)
}

/// "P." as one token.
fn is_dotted_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// The word with its first letter in capitals ("district" -> "District"),
/// to look a place head up as news writes it.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "\u{2019}s" | "'S" | "\u{2019}S")
}

/// The mention overlapping `start..end`. Mentions are sorted by start and do
/// not overlap, so a binary search finds it and long articles stay linear.
fn overlapping(out: &[Mention], start: usize, end: usize) -> Option<usize> {
    let p = out.partition_point(|m| m.start < end);
    (p > 0 && out[p - 1].end > start).then(|| p - 1)
}

/// A title found in the text: `(start, end, role)`, sorted, not overlapping.
type Title<'a> = (usize, usize, &'a str);

/// The title starting at byte `at`.
fn title_starting_at<'t, 'a>(titles: &'t [Title<'a>], at: usize) -> Option<&'t Title<'a>> {
    titles
        .binary_search_by_key(&at, |t| t.0)
        .ok()
        .map(|i| &titles[i])
}

/// The title ending at byte `at`.
fn title_ending_at<'t, 'a>(titles: &'t [Title<'a>], at: usize) -> Option<&'t Title<'a>> {
    titles
        .binary_search_by_key(&at, |t| t.1)
        .ok()
        .map(|i| &titles[i])
}

/// "Under Secretary for Civilian Security, Democracy, and Human Rights
/// Uzra Zeya", "Ambassador at Large for International Religious Freedom
/// Rashad Hussain": when the words before token `i` are a title, "for" and a
/// capitalised portfolio (with commas, "and", "the", "of"), the title.
fn title_before_portfolio<'t, 'a>(
    text: &str,
    doc: &Doc,
    titles: &'t [Title<'a>],
    s: crate::text::Sentence,
    i: usize,
) -> Option<&'t Title<'a>> {
    let mut k = i;
    let mut capitals = 0;
    while k > s.first && i - k <= 10 {
        let w = tok(text, &doc.tokens[k - 1]);
        if w.eq_ignore_ascii_case("for") {
            // "Ambassador at Large for": the title may end before "at Large".
            let mut e = k - 1;
            if e >= s.first + 2
                && tok(text, &doc.tokens[e - 1]).eq_ignore_ascii_case("large")
                && tok(text, &doc.tokens[e - 2]).eq_ignore_ascii_case("at")
            {
                e -= 2;
            }
            return (capitals > 0 && e > s.first)
                .then(|| title_ending_at(titles, doc.tokens[e - 1].end))
                .flatten();
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !(capital || matches!(w, "," | "and" | "the" | "of" | "&")) {
            return None;
        }
        capitals += usize::from(capital);
        k -= 1;
    }
    None
}

/// The mention starting at byte `at`.
fn starting_at(out: &[Mention], at: usize) -> Option<usize> {
    out.binary_search_by_key(&at, |m| m.start).ok()
}

/// The mention whose name or organ phrase ends at byte `at`.
fn ending_at(out: &[Mention], at: usize) -> Option<usize> {
    let p = out.partition_point(|m| m.start < at);
    (p > 0 && (out[p - 1].end == at || out[p - 1].span_end == at)).then(|| p - 1)
}

/// Finds every mention in a body.
pub fn find(text: &str, doc: &Doc, g: &Gazetteer) -> Vec<Mention> {
    let titles = g.lexicon.find_titles(text);
    find_with_cues(text, doc, g, &g.lexicon.find_cues(text), &titles, 0)
}

/// `find`, with the article's relation cues already found (the pipeline
/// finds them once for this stage and the relation stage). Text before
/// `headline_end` is a headline, written in title case: there only the
/// gazetteer's names and people introduced by a title count, never a name
/// guessed from its capitals.
pub fn find_with_cues(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    cues: &[(usize, usize, &Cue)],
    titles: &[(usize, usize, &str)],
    headline_end: usize,
) -> Vec<Mention> {
    let tokens = &doc.tokens;
    let mut out: Vec<Mention> = Vec::new();

    // 1. Gazetteer names, demonyms and metonyms.
    let found = g.find(text);
    // Places read as a person's first name ("Milan Radoicic").
    let mut first_names: Vec<usize> = Vec::new();
    for m in &found {
        let Some(sentence) = doc.sentence_of(m.start) else {
            continue;
        };
        // "Inter-American", "Pan-African": glued after a hyphen to a
        // capitalised word that names nothing, the name is part of another
        // name ("U.S.-Japan" keeps both).
        let before = text.get(..m.start).unwrap_or("");
        if let Some(prefix) = before.strip_suffix('-') {
            let word_start = prefix
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_alphanumeric() && c != '.')
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word = prefix.get(word_start..).unwrap_or("");
            let named = found
                .iter()
                .any(|o| o.end == prefix.len() || o.end == m.start);
            if word.chars().next().is_some_and(char::is_uppercase) && !named {
                continue;
            }
        }
        // "Agence France-Presse": the same, with the name in front.
        if let Some(rest) = text.get(m.end..).and_then(|r| r.strip_prefix('-')) {
            let word_end = rest
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(rest.len(), |(i, _)| i);
            let word = rest.get(..word_end).unwrap_or("");
            let named = found.iter().any(|o| o.start == m.end + 1);
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if capital && word.chars().any(char::is_lowercase) && !named {
                continue;
            }
        }
        // "Central American countries", "Latin American leaders": a
        // demonym after a regional qualifier names no state.
        let demonym = m
            .readings
            .first()
            .is_some_and(|r| r.class == FormClass::Demonym);
        if demonym
            && let Some(prefix) = before.strip_suffix(' ')
            && let Some(word) = prefix.rsplit(|c: char| !c.is_alphanumeric()).next()
            && g.lexicon.region_qualifiers.contains(word)
        {
            continue;
        }
        if doc.sentences[sentence].end < m.end {
            continue;
        }
        // "the International Maritime Organization (IMO)", "NAN formula":
        // an acronym in capitals is no place written in lowercase ("Imo").
        let surface = text.get(m.start..m.end).unwrap_or("");
        let capitals = surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !surface.chars().any(char::is_lowercase);
        if capitals
            && m.readings.first().is_some_and(|r| {
                g.entry(r.entity).kind == Kind::Region && !g.names_of(r.entity).contains(&surface)
            })
        {
            continue;
        }
        // "Vladimir Vladimirovich Kolychev": a place before a patronymic is
        // a given name.
        let patronymic = text
            .get(m.end..)
            .and_then(|r| r.strip_prefix(' '))
            .map(|r| r.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""))
            .is_some_and(is_patronymic);
        // "US$473.60", "HK$5 million": a name glued to a dollar sign is
        // a currency.
        if patronymic || text.get(m.end..).is_some_and(|r| r.starts_with('$')) {
            continue;
        }
        // "the Ministry of Defence of Ukraine": an organ's name that stands
        // for one state alone is another state's organ when "of" and that
        // state follow it.
        let organ = m.readings.first().filter(|r| r.class == FormClass::Organ);
        if let Some(organ) = organ {
            let after = text.get(m.end..).unwrap_or("");
            let gap = if after.starts_with(" of the ") {
                8
            } else if after.starts_with(" of ") {
                4
            } else {
                0
            };
            let other_state = gap > 0
                && found.iter().any(|o| {
                    o.start == m.end + gap
                        && o.readings.first().is_some_and(|r| {
                            r.entity != organ.entity && g.entry(r.entity).kind == Kind::State
                        })
                });
            if other_state {
                continue;
            }
        }
        let city = m
            .readings
            .first()
            .is_some_and(|r| g.entry(r.entity).id.starts_with("region/city/"));
        // (Not in a title-case headline: "Declares Crimea Independent".)
        let outlet = m.start >= headline_end && in_outlet_name(text, g, m.start, m.end);
        if outlet || (city && campus_of(text, m.start)) {
            continue;
        }
        // "Cho Hyun-dong" is not the gazetteer's Cho Hyun: a person's full
        // name that stops before a hyphen and a lowercase syllable is the
        // front of a longer, hyphenated given name ("Kim Jong-un"), which
        // the name-shape pass finds whole. (A participle or noun glued to
        // a one-word name is not: "Putin-backed", "Biden-era".)
        let person_name = m
            .readings
            .first()
            .is_some_and(|r| g.entry(r.entity).kind == Kind::Person)
            && text.get(m.start..m.end).is_some_and(|n| n.contains(' '));
        if person_name && let Some(rest) = text.get(m.end..).and_then(|r| r.strip_prefix('-')) {
            let syllable = rest
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if syllable.starts_with(char::is_lowercase) && !syllable.ends_with("ed") {
                continue;
            }
        }
        // "the Jordan River", "the Congo Basin", "Georgia Tech": a one-word
        // state (or place) right before the head of a feature named after
        // it names the feature, not the state.
        if let Some(r) = m.readings.first()
            && let Some(states_only) = feature_head_after(text, m.start, m.end, g)
            && matches!(g.entry(r.entity).kind, Kind::State | Kind::Region)
            && (!states_only || g.entry(r.entity).kind == Kind::State)
        {
            continue;
        }
        // "Pacific Affairs", "the Unity Agenda": a one-word place right
        // before the head of another name is part of that name.
        // A capital counts too ("the Paris Agreement", "the Helsinki Final
        // Act", "University College London"): inside another name it is
        // neither the city nor its state acting.
        let place = m
            .readings
            .first()
            .is_some_and(|r| g.entry(r.entity).kind == Kind::Region)
            || m.readings.iter().any(|r| r.class == FormClass::Capital);
        if place && !text.get(m.start..m.end).unwrap_or("").contains(' ') {
            let next = doc.token_at_or_after(m.end);
            // ("Rakhine State", "Kherson Oblast" are the place itself; a
            // feature's head is read above: "the Kashmir Valley" is Kashmir.)
            let head = doc.tokens.get(next).is_some_and(|n| {
                let w = tok(text, n);
                text.get(m.end..n.start) == Some(" ")
                    && w.starts_with(char::is_uppercase)
                    && g.lexicon.nonname.contains(&w.to_lowercase())
                    && !CALENDAR.contains(&w.to_lowercase().as_str())
                    && w != "State"
                    && !g.lexicon.feature_heads.contains_key(w)
                    && !g.lexicon.find_heads(w).any(|(_, _, k)| k == Kind::Region)
            });
            // "the Eastern Tropical Pacific Marine Corridor", "Transatlantic
            // Unity": after a capitalised word that names nothing, inside a
            // longer name (a compass word is the place's: "Eastern Ghouta").
            let first = doc.sentences[sentence].first;
            let i = doc.token_at_or_after(m.start);
            let inside = i > first + 1 && m.start >= headline_end && {
                let p = &doc.tokens[i - 1];
                let w = tok(text, p);
                text.get(p.end..m.start) == Some(" ")
                    && p.word
                    && w.starts_with(char::is_uppercase)
                    && !w.contains('-')
                    && !COMPASS.contains(&w.to_lowercase().as_str())
                    && !found.iter().any(|o| o.end == p.end)
                    && !is_honorific(g, w)
                    && g.lexicon.find_titles(w).is_empty()
            };
            // "Ms. Isabel Allende": after an honorific, a one-word place
            // before a name word is a person's first name; the name-shape
            // pass finds the name whole.
            let honoured = i > first
                && {
                    let k = if tok(text, &doc.tokens[i - 1]) == "." && i > first + 1 {
                        i - 2
                    } else {
                        i - 1
                    };
                    is_honorific(g, tok(text, &doc.tokens[k]))
                        && g.lexicon.find_titles(tok(text, &doc.tokens[k])).is_empty()
                }
                && doc.tokens.get(i + 1).is_some_and(|n| {
                    n.start == m.end + 1 && n.word && is_name_word(tok(text, n), g)
                });
            if head || inside || honoured {
                continue;
            }
            // "Milan Radoicic ... Radoicic": a place that is also a given
            // name, right before a capitalised word that names nothing,
            // heads no name and stands alone elsewhere in the article (a
            // surname used again), is a person's first name.
            // "Farah Mohamed Shirdon": so is one right before a known
            // given name and one more name word (a three-word name).
            let given = g
                .lexicon
                .place_given_names
                .contains(&text.get(m.start..m.end).unwrap_or("").to_lowercase())
                && doc.tokens.get(i + 1).is_some_and(|n| {
                    let w = tok(text, n);
                    n.start == m.end + 1
                        && n.word
                        && is_name_word(w, g)
                        && !found.iter().any(|o| o.start == n.start)
                        && g.lexicon.find_heads(w).next().is_none()
                        && !CALENDAR.contains(&w.to_lowercase().as_str())
                        && !g.lexicon.verbs.contains_key(w.to_lowercase().as_str())
                        && (given_then_name(text, doc, g, i + 1, &found)
                            || surname_used_again(
                                text,
                                g,
                                w,
                                n.start,
                                text.get(m.start..m.end).unwrap_or(""),
                            ))
                });
            // "Mediterranean nations", "Atlantic nations": a sea's one-word name
            // before a plural noun or "region" is an adjective of the
            // countries around it, not the sea. After a compass word it is
            // the sea's part ("the Eastern Mediterranean region").
            let k = doc.token_at_or_after(m.start);
            let compass = k > 0 && COMPASS.contains(&doc.lower(k - 1));
            let sea = !compass
                && m.readings.first().is_some_and(|r| {
                    let name = &g.entry(r.entity).name;
                    name.ends_with(" Ocean") || name.ends_with(" Sea")
                })
                && doc.tokens.get(i + 1).is_some_and(|n| {
                    let w = tok(text, n);
                    n.start == m.end + 1
                        && n.word
                        && w.starts_with(char::is_lowercase)
                        && (w == "region" || (w.len() > 3 && w.ends_with('s')))
                        && !g.lexicon.verbs.contains_key(w)
                });
            if given {
                first_names.push(m.start);
            }
            if sea {
                continue;
            }
            if given {
                continue;
            }
        }
        // "the Northern District of California", "the Central district" of
        // Hong Kong: a compass word and a place head name a part of some
        // state; it is the gazetteer's only where the article names that
        // state (Israel's Northern District).
        if place {
            let surface = text.get(m.start..m.end).unwrap_or("");
            let words: Vec<&str> = surface.split_whitespace().collect();
            let generic = words.len() == 2
                && COMPASS.contains(&words[0].to_lowercase().as_str())
                && g.lexicon
                    .find_heads(&capitalised(words[1]))
                    .any(|(a, b, k)| a == 0 && b == words[1].len() && k == Kind::Region);
            let state = m.readings.first().and_then(|r| g.entry(r.entity).part_of);
            let named = found
                .iter()
                .any(|o| o.readings.first().is_some_and(|r| Some(r.entity) == state));
            if generic && !named {
                continue;
            }
        }
        // "University of Arizona", "Council of Europe": a place (not a
        // state: "Bank of Russia" is Russia's organ) after "of" that
        // follows an organisation's head word is a word of its name; so is
        // a capital read as its state ("the University of Kyiv, Ukraine").
        let some_place = m
            .readings
            .iter()
            .any(|r| g.entry(r.entity).kind == Kind::Region);
        if some_place {
            let first = doc.sentences[sentence].first;
            let mut k = doc.token_at_or_after(m.start);
            if k > first && doc.lower(k - 1) == "the" {
                k -= 1;
            }
            let of_head = k >= first + 2 && doc.lower(k - 1) == "of" && {
                let h = tok(text, &doc.tokens[k - 2]);
                g.lexicon
                    .find_heads(h)
                    .any(|(s, e, kind)| s == 0 && e == h.len() && kind == Kind::Organization)
            };
            if of_head {
                continue;
            }
        }
        // "Senator Van Hollen", "De Gaulle": a one-word name that is a
        // name particle, capitalised before a capitalised word, opens a
        // person's name (not the Turkish province Van).
        let surface = text.get(m.start..m.end).unwrap_or("");
        if PARTICLES.contains(&surface.to_lowercase().as_str())
            && text.get(m.end..).is_some_and(|r| {
                r.starts_with(' ') && r[1..].starts_with(|c: char| c.is_uppercase())
            })
        {
            continue;
        }
        // "the Biden Administration" is a government, not the person.
        let person = m
            .readings
            .first()
            .is_some_and(|r| g.entry(r.entity).kind == Kind::Person);
        if person
            && text.get(m.end..).is_some_and(|r| {
                r.starts_with(" Administration") || r.starts_with(" administration")
            })
        {
            continue;
        }
        // "the Ohio-class submarine USS Maryland": a class or a ship.
        let vessel = doc
            .token_at_or_after(m.start)
            .checked_sub(1)
            .is_some_and(|p| {
                g.lexicon
                    .vessel_prefixes
                    .contains(tok(text, &doc.tokens[p]))
            });
        if vessel || text.get(m.end..).is_some_and(|r| r.starts_with("-class")) {
            continue;
        }
        // "Kishida Fumio": a known person's surname, then the given name
        // (family name first) is one name.
        let end = m
            .readings
            .first()
            .filter(|_| person)
            .and_then(|r| g.entry(r.entity).name.split_whitespace().next())
            .filter(|given| {
                text.get(m.end..)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|rest| {
                        rest.starts_with(given)
                            && !rest[given.len()..].starts_with(char::is_alphanumeric)
                    })
                    && !text.get(m.start..m.end).unwrap_or("").contains(given)
            })
            .map_or(m.end, |given| m.end + 1 + given.len());
        out.push(Mention {
            start: m.start,
            end,
            span_end: end,
            sentence,
            what: What::Known(m.readings.to_vec()),
            acting: false,
            role: None,
            apposed: None,
            modifier_of: None,
            title_ref: None,
        });
    }

    // 2. Coordinated plural heads: "the Kherson and Zaporozhye Regions".
    coordinated_heads(text, doc, g, &mut out);

    // 3. Titles, kept for roles and to keep them out of names.
    let titles: Vec<(usize, usize, &str)> = titles
        .iter()
        .copied()
        .filter(|(s, e, _)| overlapping(&out, *s, *e).is_none())
        .map(|(s, e, role)| {
            let s = capitalised_modifiers_before(text, doc, g, &out, s);
            (s, extend_portfolio(text, doc, g, e), role)
        })
        .collect();

    // Titles are sorted and do not overlap: a binary search per token.
    let in_title = |t: &Token| {
        let p = titles.partition_point(|(s, _, _)| *s <= t.start);
        p > 0 && t.end <= titles[p - 1].1
    };

    // 1b. "William Lara" is a person, not the Venezuelan state Lara: a
    // one-word place or group right after a known first name is a surname.
    // Also "Suki Cameron" is not David Cameron; but "Volodymyr Zelenskyy"
    // is the Zelenskyy the gazetteer knows, so that match grows instead.
    let mut grown = Vec::new();
    out.retain(|m| {
        // ("Hamza bin Laden": an alias opened by a particle is one name too.)
        let one_word = text
            .get(m.start..m.end)
            .is_some_and(|w| !w.contains(' ') || w.starts_with(char::is_lowercase));
        if !one_word {
            return true;
        }
        let i = doc.token_at_or_after(m.start);
        let Some(p) = i.checked_sub(1).map(|p| &tokens[p]) else {
            return true;
        };
        if p.end + 1 != m.start {
            return true;
        }
        // "Monica P. Medina": the first name is before the initial;
        // "Yevgeniy Viktorovich Prigozhin": before the patronymic.
        let p = match tok(text, p) {
            w if is_dotted_initial(w) && i >= 2 => &tokens[i - 2],
            w if is_patronymic(w) && i >= 2 && tokens[i - 2].end + 1 == p.start => &tokens[i - 2],
            "." if i >= 3 && is_initial(text, tokens, i - 2) => &tokens[i - 3],
            _ => p,
        };
        let w = tok(text, p);
        // ("Saif al-Islam Gaddafi": a name word may open with a particle.)
        if !(w.starts_with(char::is_uppercase) || is_name_word(w, g)) || in_title(p) {
            return true;
        }
        let person = m
            .reading()
            .filter(|r| g.entry(r.entity).kind == Kind::Person);
        if let Some(r) = person {
            // ("Aleksey Navalny" is Alexei Navalny: a given name spelt
            // another way is still his.)
            let own = g.names_of(r.entity).iter().any(|n| {
                n.split_whitespace().any(|x| {
                    crate::ontology::strip_diacritics(x)
                        .eq_ignore_ascii_case(&crate::ontology::strip_diacritics(w))
                        || transliterated(x, w)
                })
            });
            if own {
                grown.push((m.start, p.start));
                return true;
            }
        }
        // "Brenda Isabel Rocha Chacon": a middle name that is also a place,
        // after a given name, goes on to a surname.
        let middle = g.lexicon.place_given_names.contains(&w.to_lowercase())
            && doc
                .token_at_or_after(p.start)
                .checked_sub(1)
                .is_some_and(|q| {
                    tokens[q].end + 1 == p.start
                        && g.lexicon
                            .given_names
                            .contains(&tok(text, &tokens[q]).to_lowercase())
                });
        let surname = g.lexicon.given_names.contains(&w.to_lowercase())
            || middle
            || (person.is_some() && is_name_word(w, g));
        !surname
    });
    for (at, from) in grown {
        if let Some(i) = starting_at(&out, at) {
            out[i].start = from;
        }
    }

    // 1c. "President Michel Suleiman" is not Charles Michel: a one-word
    // alias of a known person followed at once by a name word that is
    // none of that person's names is the front of another person's name,
    // which the name-shape pass below then finds whole.
    // "Vice Foreign Minister Mori Takeo" is neither Yoshiro Mori nor the
    // town Takeo: a one-word place right after such an alias is the given
    // name of a name written family name first; both go, and the
    // name-shape pass finds the name whole.
    let given_places: Vec<usize> = out
        .windows(2)
        .filter(|w| {
            let (a, b) = (&w[0], &w[1]);
            let one = |m: &Mention| text.get(m.start..m.end).is_some_and(|s| !s.contains(' '));
            b.start == a.end + 1
                && text.get(a.end..b.start) == Some(" ")
                && one(a)
                && one(b)
                && a.reading()
                    .is_some_and(|r| g.entry(r.entity).kind == Kind::Person)
                && b.reading()
                    .is_some_and(|r| g.entry(r.entity).kind == Kind::Region)
                && text.get(b.start..b.end).is_some_and(|w| is_name_word(w, g))
                && !tokens
                    .get(doc.token_at_or_after(b.start))
                    .is_some_and(in_title)
        })
        .map(|w| w[1].start)
        .collect();
    let starts: Vec<usize> = out.iter().map(|m| m.start).collect();
    let mut dropped_places = Vec::new();
    out.retain(|m| {
        if given_places.contains(&m.start) {
            return true;
        }
        let one_word = text.get(m.start..m.end).is_some_and(|w| !w.contains(' '));
        let Some(r) = m
            .reading()
            .filter(|r| one_word && g.entry(r.entity).kind == Kind::Person)
        else {
            return true;
        };
        let i = doc.token_at_or_after(m.end);
        let Some(n) = tokens.get(i) else { return true };
        let w = tok(text, n);
        let given_place = given_places.contains(&n.start);
        if n.start != m.end + 1
            || !n.word
            || in_title(n)
            || (starts.binary_search(&n.start).is_ok() && !given_place)
            || !is_name_word(w, g)
            || g.lexicon.verbs.contains_key(w.to_lowercase().as_str())
            // "President Biden Statement on ...": a headline word is no name.
            || (n.start < headline_end && g.lexicon.headline_words.contains(&w.to_lowercase()))
        {
            return true;
        }
        let own = g.names_of(r.entity).iter().any(|name| {
            name.split_whitespace().any(|x| {
                crate::ontology::strip_diacritics(x)
                    .eq_ignore_ascii_case(&crate::ontology::strip_diacritics(w))
            })
        });
        if !own && given_place {
            dropped_places.push(n.start);
        }
        own
    });
    out.retain(|m| !dropped_places.contains(&m.start));

    // 1d. "Foreign Minister Tete Antonio", "Assistant Secretary Medina": a
    // one-word place (not a state) right after a capitalised title is the
    // holder's name, which the name-shape pass below finds; a title is
    // held for a place with "of", "for" or the place in front.
    let known: Vec<(usize, usize)> = out.iter().map(|m| (m.start, m.end)).collect();
    out.retain(|m| {
        let one_word = text.get(m.start..m.end).is_some_and(|w| !w.contains(' '));
        let region = m
            .reading()
            .is_some_and(|r| g.entry(r.entity).kind == Kind::Region);
        if !one_word || !region || m.start == 0 {
            return true;
        }
        let Some(&(s, _, _)) = titles.iter().find(|(_, e, _)| e + 1 == m.start) else {
            return true;
        };
        let capital = text
            .get(s..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase);
        // "Consulate General Surabaya": a title word inside a longer name
        // after a capitalised word that names nothing known.
        let ti = doc.token_at_or_after(s);
        let inside = ti > 0
            && doc
                .sentence_of(s)
                .is_some_and(|si| doc.sentences[si].first < ti)
            && {
                let p = &tokens[ti - 1];
                p.word
                    && p.end + 1 == s
                    && tok(text, p).starts_with(char::is_uppercase)
                    && !known.iter().any(|&(a, b)| a < p.end && p.start < b)
            };
        !(capital && !inside && text.get(m.start - 1..m.start) == Some(" "))
    });

    // 3b. Unknown organisations and places named with a head word.
    named_by_head(text, doc, g, &titles, &mut out, headline_end);
    // 3c. A party's label as a modifier ("Republican committee member").
    party_labels(text, doc, g, &mut out);
    named_by_context(text, doc, g, &titles, &mut out, headline_end);
    // 3d. "the Coalition", "the Alliance": short forms of a body named
    // before.
    short_forms(text, doc, g, &mut out, headline_end);
    let in_known = |t: &Token, out: &[Mention]| overlapping(out, t.start, t.end).is_some();

    // 4. People by name shape.
    let mut people = Vec::new();
    // Per person found: its tokens and whether it has evidence of its own.
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut graded = None;
    for (si, s) in doc.sentences.iter().enumerate() {
        let mut i = s.first;
        while i < s.last {
            let t = &tokens[i];
            let w = tok(text, t);
            if !t.word || in_known(t, &out) || in_title(t) || !is_name_word(w, g) {
                i += 1;
                continue;
            }
            // "Specialist Five Dennis M. Fujii": a grade after a rank is the
            // rank's, and the name after it is titled by the rank.
            if RANK_GRADES.contains(&w) && i > s.first && is_honorific(g, tok(text, &tokens[i - 1]))
            {
                graded = Some(i + 1);
                i += 1;
                continue;
            }
            // Grow the run: name words, initials ("J."), inner particles.
            let mut j = i + 1;
            let mut last_name = i;
            while j < s.last {
                let tj = &tokens[j];
                let wj = tok(text, tj);
                if in_known(tj, &out) || in_title(tj) || tj.start > tokens[j - 1].end + 1 {
                    break;
                }
                // "President Biden Statement on ...": a headline word ends the name.
                if tj.start < headline_end && g.lexicon.headline_words.contains(&wj.to_lowercase())
                {
                    break;
                }
                if tj.word && is_name_word(wj, g) {
                    last_name = j;
                    j += 1;
                } else if tj.word && is_initial(text, tokens, j) {
                    j += 2;
                } else if is_dotted_initial(wj) && j + 1 < s.last {
                    // "Monica P. Medina" when "P." is one token
                    j += 1;
                } else if (wj == "." && j == last_name + 1 && is_initial(text, tokens, last_name))
                    || (tj.word
                        && PARTICLES.contains(&wj)
                        && j + 1 < s.last
                        && is_name_word(tok(text, &tokens[j + 1]), g))
                {
                    j += 1;
                } else if tj.word
                    && PARTICLES.contains(&wj)
                    && j + 2 < s.last
                    && tokens[j + 1].word
                    && PARTICLES.contains(&tok(text, &tokens[j + 1]))
                    && is_name_word(tok(text, &tokens[j + 2]), g)
                {
                    // "Thijs van der Plas", "Ramirez de la O": two particles.
                    j += 2;
                } else {
                    break;
                }
            }
            let end_tok = last_name + 1;
            // "Administrator for Asia Anjali Kaur": a continent or broad area
            // opening the run ends the portfolio before it; the name starts
            // after it.
            let continent = g.lexicon.continents.iter().find_map(|c| {
                let n = c.len();
                (end_tok >= i + n + 2
                    && c.iter()
                        .enumerate()
                        .all(|(q, w)| tok(text, &tokens[i + q]).eq_ignore_ascii_case(w)))
                .then_some(n)
            });
            if let Some(n) = continent {
                i += n;
                continue;
            }
            let words = (i..end_tok)
                .filter(|&k| tokens[k].word && tok(text, &tokens[k]).len() > 1)
                .count();
            // The word before, skipping an abbreviation's dot ("Mr. Witkoff").
            let before = match i.checked_sub(1) {
                Some(k) if tok(text, &tokens[k]) == "." && k > s.first => Some(k - 1),
                other => other,
            }
            .map(|k| tok(text, &tokens[k]).trim_end_matches('.').to_lowercase());
            // After a portfolio the name starts at a known first name
            // ("... for the Western Hemisphere Julie Chung"); with none, the
            // capitalised words are the portfolio's.
            let portfolio_name = title_before_portfolio(text, doc, &titles, *s, i)
                .is_some()
                .then(|| {
                    (i..end_tok).find(|&k| {
                        g.lexicon
                            .given_names
                            .contains(&tok(text, &tokens[k]).to_lowercase())
                    })
                });
            // With no known first name, a run of exactly two words not
            // followed by "of"/"for" ("Uzra Zeya and ...").
            // Not right after "and" or a comma, where the run is the
            // portfolio's last conjunct ("for International Narcotics and
            // Law Enforcement", "for Critical and Emerging Technologies").
            let two_words = end_tok - i == 2
                && !tokens
                    .get(end_tok)
                    .is_some_and(|n| matches!(tok(text, n).to_lowercase().as_str(), "of" | "for"))
                && !(i > s.first && matches!(doc.lower(i - 1), "and" | "," | "&"));
            let after_portfolio = match portfolio_name {
                Some(Some(_)) => true,
                Some(None) => two_words,
                None => false,
            };
            // "Senior Advisor to the President on Migration Amy Pope": a
            // one-word-run portfolio right after a title and "for" or "on"
            // ends at a known first name, where the name starts.
            if portfolio_name.is_none()
                && i >= s.first + 2
                && matches!(doc.lower(i - 1), "for" | "on")
                && title_ending_at(&titles, tokens[i - 2].end).is_some()
                && let Some(p) = (i + 1..end_tok.saturating_sub(1)).find(|&k| {
                    g.lexicon
                        .given_names
                        .contains(&tok(text, &tokens[k]).to_lowercase())
                })
            {
                i = p;
                continue;
            }
            if let Some(p) = portfolio_name {
                match p {
                    Some(p) if end_tok - p >= 2 => {
                        if p > i {
                            i = p;
                            continue;
                        }
                    }
                    None if two_words => {}
                    _ => {
                        i = j.max(i + 1);
                        continue;
                    }
                }
            }
            let titled = i > s.first
                && (graded == Some(i)
                    || title_ending_at(&titles, tokens[i - 1].end).is_some()
                    || after_portfolio
                    || before
                        .as_deref()
                        .is_some_and(|b| g.lexicon.honorifics.contains(b)));
            let after = tokens.get(end_tok).map(|t| tok(text, t).to_lowercase());
            let sentence_initial = i == s.first || (i == s.first + 1 && !tokens[s.first].word);
            let followed_by_verb = after
                .as_deref()
                .is_some_and(|a| g.lexicon.verbs.contains_key(a) || a == "," || is_possessive(a));
            // "King Khalid International Airport": a name inside a longer name.
            // "Nobel Peace Prize", "Supreme Federal Court": the run is the
            // front of a longer name whose head is never a name word.
            let before_longer_name = tokens.get(end_tok).is_some_and(|n| {
                let w = tok(text, n).to_lowercase();
                !CALENDAR.contains(&w.as_str())
            }) && tokens.get(end_tok).is_some_and(|n| {
                let w = tok(text, n);
                n.start == tokens[end_tok - 1].end + 1
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && g.lexicon.nonname.contains(&w.to_lowercase())
            });
            // "Operation Prosperity Guardian", "Joint Chiefs": the back of a
            // longer name whose front is never a name word ("Ambassador to
            // the Russian Federation John Sullivan": a known name before
            // a run opened by a known first name is no front of it; "the
            // United States Geological Survey" stays one name).
            let first_word = w;
            let after_longer_name = i > s.first + 1 && !after_portfolio && {
                let p = &tokens[i - 1];
                let w = tok(text, p);
                p.end + 1 == t.start
                    && !in_title(p)
                    && !(in_known(p, &out)
                        && g.lexicon.given_names.contains(&first_word.to_lowercase()))
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && g.lexicon.nonname.contains(&w.to_lowercase())
                    && !NAME_STOPS.contains(&w.to_lowercase().as_str())
                    && !CALENDAR.contains(&w.to_lowercase().as_str())
            };
            // "St. Jude Children's Research Hospital", "Saint Lucia": a
            // saint's name opens a place's or an institution's name.
            let saint = i > s.first
                && (SAINT_WORDS.contains(&doc.lower(i - 1))
                    || (i > s.first + 1
                        && tok(text, &tokens[i - 1]) == "."
                        && SAINT_WORDS.contains(&doc.lower(i - 2))));
            // "USS Gerald R. Ford" is a ship.
            let vessel = i > s.first
                && g.lexicon
                    .vessel_prefixes
                    .contains(tok(text, &tokens[i - 1]));
            // In a title-case headline a titled name counts only if the body
            // names its last word too ("Leader Shortens China Trip" names nobody).
            let in_headline = t.start < headline_end;
            let named_in_body = || {
                let last = tok(text, &tokens[end_tok - 1]);
                text.get(headline_end..).is_some_and(|body| {
                    body.match_indices(last).any(|(at, _)| {
                        let at = headline_end + at;
                        crate::gazetteer::on_boundaries(text, at, at + last.len())
                    })
                })
            };
            // "Chief Operating Officer Leslie Marbury", "Canal Administrator
            // Vásquez": words before a rank are part of the rank.
            let before_rank = tokens.get(end_tok).is_some_and(|n| {
                let w = tok(text, n);
                n.start == tokens[end_tok - 1].end + 1
                    && w.starts_with(char::is_uppercase)
                    && is_honorific(g, w)
            });
            // "the shooting in Oak Creek, Wisconsin": after a place
            // preposition and before a comma and a known place, a town.
            // Also after "to" or an opening bracket ("travel to Monte Carlo,
            // Monaco", "(Santa Clara, California)") when the place closes
            // the phrase: a comma, full stop or bracket follows it (not
            // "to John Smith, Ukraine's envoy").
            let place_after_comma = |closing: bool| {
                tokens.get(end_tok).is_some_and(|c| tok(text, c) == ",")
                    && tokens.get(end_tok + 1).is_some_and(|n| {
                        starting_at(&out, n.start).is_some_and(|k| {
                            matches!(kind_of(g, &out[k]), Some(Kind::Region | Kind::State))
                                && (!closing
                                    || text.get(out[k].end..).is_some_and(|r| {
                                        r.is_empty() || r.starts_with([',', '.', ')', ';'])
                                    }))
                        })
                    })
            };
            let town = i > s.first
                && ((matches!(doc.lower(i - 1), "in" | "at" | "near" | "from")
                    && place_after_comma(false))
                    || (matches!(doc.lower(i - 1), "to" | "(") && place_after_comma(true)));
            // "Prosper Africa Acting Chief Operating Officer Leslie
            // Marbury": an untitled run right before a capitalised title
            // that a name follows names the body the title is held for.
            let before_titled_name = !titled
                && tokens.get(end_tok).is_some_and(|n| {
                    n.start == tokens[end_tok - 1].end + 1
                        && tok(text, n).starts_with(char::is_uppercase)
                        && title_starting_at(&titles, n.start).is_some_and(|&(_, te, _)| {
                            tokens.get(doc.token_at_or_after(te)).is_some_and(|a| {
                                a.start == te + 1 && a.word && is_name_word(tok(text, a), g)
                            })
                        })
                });
            // "China Daily", "the Texas Tribune": a place and an outlet's word
            // name a news outlet, not a person.
            let outlet = words >= 2
                && !in_headline
                && found.iter().any(|o| {
                    o.start == tokens[i].start
                        && o.end == tokens[end_tok - 2].end
                        && in_outlet_name(text, g, o.start, o.end)
                });
            let accept = !before_longer_name
                && !outlet
                && !before_titled_name
                && !town
                && !before_rank
                && !after_longer_name
                && !vessel
                && !saint
                && (!in_headline
                    || (titled
                        && (named_in_body()
                            || (words >= 2
                                && g.lexicon.given_names.contains(&tok(text, t).to_lowercase())))))
                && match words {
                    // "Prigozhin's wife Polina, daughter Lyubov, and son Pavel";
                    // not after a plural title ("the Emerging Leaders Medal")
                    // nor before a number ("General License 20").
                    1 => {
                        let plural_title = i > s.first
                            && title_ending_at(&titles, tokens[i - 1].end).is_some()
                            && tok(text, &tokens[i - 1]).ends_with('s');
                        let numbered = tokens.get(end_tok).is_some_and(|n| {
                            tok(text, n).starts_with(|c: char| c.is_ascii_digit())
                        });
                        (titled && !plural_title && !numbered)
                            || (i > s.first && person_noun_at(text, g, &tokens[i - 1]))
                    }
                    2..=4 => {
                        let w = tok(text, t);
                        let adverbial =
                            w.ends_with("ing") || w.ends_with("ly") || w.ends_with("ed");
                        !sentence_initial || titled || followed_by_verb || !adverbial
                    }
                    _ => false,
                };
            if accept {
                let (start, end) = (tokens[i].start, tokens[end_tok - 1].end);
                // "Minister of Foreign Affairs of Moldova Nicu Popescu"
                let titled_of_body = i > s.first
                    && overlapping(&out, tokens[i - 1].start, tokens[i - 1].end).is_some_and(|k| {
                        let b = doc.token_at_or_after(out[k].start);
                        b >= 2
                            && tok(text, &tokens[b - 1]) == "of"
                            && title_ending_at(&titles, tokens[b - 2].end).is_some()
                    });
                let evidenced = titled
                    || titled_of_body
                    || g.lexicon.given_names.contains(&tok(text, t).to_lowercase())
                    || first_names.contains(&start)
                    || person_context(text, doc, g, &titles, i, end_tok);
                runs.push((i, end_tok, evidenced));
                people.push(Mention {
                    start,
                    end,
                    span_end: end,
                    sentence: si,
                    what: What::Person(text.get(start..end).unwrap_or("").to_string()),
                    acting: false,
                    role: None,
                    apposed: None,
                    modifier_of: None,
                    title_ref: None,
                });
            }
            i = j.max(i + 1);
        }
    }
    // A name by shape alone is a person only when the article gives
    // evidence for it somewhere: the same name, or its surname, evidenced
    // elsewhere ("Climate Crisis", "Executive Order" never are).
    if runs.iter().any(|r| !r.2) {
        // A name listed with a person is a person: "Aung Hlaing Oo, Naing
        // Htut Aung, and Sit Taing Aung", "Zaw Hein and Ko Ko Oo".
        let joined = |a: (usize, usize, bool), b: (usize, usize, bool)| {
            b.0 > a.1 && (a.1..b.0).all(|k| matches!(tok(text, &tokens[k]), "," | "and" | "or"))
        };
        // Runs are in text order, so only neighbours can be joined: one
        // pass each way spreads the evidence along a list.
        for k in 1..runs.len() {
            if runs[k - 1].2 && joined(runs[k - 1], runs[k]) {
                runs[k].2 = true;
            }
        }
        for k in (1..runs.len()).rev() {
            if runs[k].2 && joined(runs[k - 1], runs[k]) {
                runs[k - 1].2 = true;
            }
        }
        let surname = |name: &'_ str| -> String { name.rsplit(' ').next().unwrap_or(name).into() };
        let proven: std::collections::HashSet<&str> = people
            .iter()
            .zip(&runs)
            .filter(|(_, r)| r.2)
            .map(|(m, _)| text.get(m.start..m.end).unwrap_or(""))
            .collect();
        let proven_surnames: std::collections::HashSet<String> =
            proven.iter().map(|n| surname(n)).collect();
        let mut k = 0;
        people.retain(|m| {
            let keep = runs[k].2 || {
                let name = text.get(m.start..m.end).unwrap_or("");
                proven.contains(name) || proven_surnames.contains(&surname(name))
            };
            k += 1;
            keep
        });
    }
    out.extend(people);
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    out.dedup_by(|b, a| b.start < a.end); // drop overlaps, keeping the first (longest)

    // "Image: Andrew Gray.": a picture's maker is no node.
    out.retain(|m| {
        let before = text.get(..m.start).unwrap_or("").trim_end();
        !(is_person(g, m)
            && g.lexicon
                .credits
                .iter()
                .any(|c| before.ends_with(c.as_str())))
    });

    // 5. Organs, capitals, titles and roles.
    attach_context(text, doc, g, &titles, cues, &mut out);
    out
}

/// "Republican committee member Doug Collins", "the Democratic nomination",
/// "Labour MP Tom Watson": a party's label used as a modifier is a mention
/// of the party (`data/lexicon/party_labels.tsv` says where it counts).
fn party_labels(text: &str, doc: &Doc, g: &Gazetteer, out: &mut Vec<Mention>) {
    let tokens = &doc.tokens;
    for (i, t) in tokens.iter().enumerate() {
        let Some(party) = g.lexicon.party_labels.get(tok(text, t)) else {
            continue;
        };
        let Some(sentence) = doc.sentence_of(t.start) else {
            continue;
        };
        if overlapping(out, t.start, t.end).is_some() {
            continue;
        }
        // Inside a longer name ("Syrian Democratic Forces", "Ministry of
        // Labour"), or glued to a word ("pro-Republican"); a sentence's
        // capitalised first word ("The Democratic nomination") is no name.
        let first = doc.sentences[sentence].first;
        if i > first {
            let p = &tokens[i - 1];
            let before = tok(text, p);
            let opener = i - 1 == first && g.lexicon.nonname.contains(&before.to_lowercase());
            if (before.starts_with(char::is_uppercase) && !opener)
                || before == "of"
                || p.end == t.start
            {
                continue;
            }
        }
        let Some(n) = tokens.get(i + 1) else {
            continue;
        };
        let next = tok(text, n);
        let word = |k: usize| tokens.get(k).map_or("", |t| tok(text, t));
        let title = |w: &str| is_honorific(g, w) || !g.lexicon.find_titles(w).is_empty();
        let modifies = if i == first {
            // Capitalised anyway ("Labour costs rose"): only before a
            // person's role and name ("Republican committee member Doug
            // Collins", "Labour MP Tom Watson", "Labour's Shadow Home
            // Secretary Yvette Cooper").
            let mut k = i + 1;
            if is_possessive(next) {
                k += 1;
            }
            while k < i + 4 && word(k).starts_with(char::is_lowercase) {
                k += 1;
            }
            k > i + 1 && word(k).starts_with(char::is_uppercase) || title(word(i + 1))
        } else if next.starts_with(char::is_lowercase) {
            next != "of" && n.start == t.end + 1
        } else if is_possessive(next) || matches!(next, "," | "'" | "\u{2019}") {
            true
        } else {
            n.start == t.end + 1 && title(next)
        };
        let Some(e) = g.by_id(party).filter(|_| modifies) else {
            continue;
        };
        let at = out.partition_point(|m| m.start < t.start);
        out.insert(
            at,
            Mention {
                start: t.start,
                end: t.end,
                span_end: t.end,
                sentence,
                what: What::Known(vec![Reading {
                    entity: e,
                    class: FormClass::Name,
                }]),
                acting: false,
                role: None,
                apposed: None,
                modifier_of: None,
                title_ref: None,
            },
        );
    }
}

/// Whether the one-word name at `start..end` stands right before the head
/// of a feature named after it ("Jordan River", "Georgia Tech"): `Some`
/// with whether the head follows only a state's name.
fn feature_head_after(text: &str, start: usize, end: usize, g: &Gazetteer) -> Option<bool> {
    if text.get(start..end)?.contains(' ') {
        return None;
    }
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let w = rest.split(|c: char| !c.is_alphanumeric()).next()?;
    // ("the Jordan River-Dead Sea basin" still reads as the river's.)
    g.lexicon.feature_heads.get(w).copied()
}

/// "the Washington Post", "the Kyiv Independent", "China Daily", "the Times
/// of India", "Voice of America": a place named inside a news outlet's name is no mention of the
/// place or its state (the outlet is no actor of the graph).
fn in_outlet_name(text: &str, g: &Gazetteer, start: usize, end: usize) -> bool {
    let next = text.get(end..).and_then(|r| r.strip_prefix(' ')).map(|r| {
        let w = r.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        // ("India Post-Election" is no outlet.)
        let glued = r.get(w.len()..).is_some_and(|r| r.starts_with('-'));
        if glued { "" } else { w }
    });
    if next.is_some_and(|w| g.lexicon.outlet_words.contains(w)) {
        return true;
    }
    let before = text.get(..start).unwrap_or("");
    g.lexicon
        .outlet_prefixes
        .iter()
        .any(|p| before.ends_with(p.as_str()))
}

/// "the University of California, San Diego", "University of North
/// Carolina – Wilmington": a city after a university's name and a comma or
/// dash names its campus, inside the university's name (a province or state
/// after the comma is still named: "the University of Kyiv, Ukraine").
fn campus_of(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let Some(name) = [", ", " \u{2013} ", " - ", "\u{2013}", "-", " \u{2014} "]
        .iter()
        .find_map(|sep| before.strip_suffix(sep))
    else {
        return false;
    };
    let Some(at) = name.rfind("University") else {
        return false;
    };
    let words: Vec<&str> = name.get(at..).unwrap_or("").split(' ').collect();
    words.len() <= 6
        && words
            .iter()
            .all(|w| matches!(*w, "of" | "at") || w.starts_with(char::is_uppercase))
}

/// Two spellings of one given name, as transliterations give them
/// ("Alexei" and "Aleksey", "Sergei" and "Sergey", "Aleksandr" and
/// "Alexander"): equal once "ks" is "x" and "y" is "i", or, for names of six
/// letters or more, one letter apart. Shorter names one letter apart are
/// often different names ("Mark", "Mary").
fn transliterated(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        crate::ontology::strip_diacritics(s)
            .to_lowercase()
            .replace("ks", "x")
            .replace('y', "i")
    };
    let (a, b) = (norm(a), norm(b));
    if a == b {
        return a.chars().count() >= 4;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 6 || a.len().abs_diff(b.len()) > 1 || a[0] != b[0] {
        return false;
    }
    // One edit apart: skip the common prefix and suffix, and at most one
    // letter is left on each side.
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.len() - prefix - suffix <= 1 && b.len() - prefix - suffix <= 1
}

/// A Russian or Belarusian patronymic ("Vladimirovich", "Gennadevna").
fn is_patronymic(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && ["ovich", "evich", "ovna", "evna", "ichna"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// An honorific or rank ("Mr.", "Professor", "Sgt."), any case.
/// Where the honorifics right before token `k` begin, at most `steps` of
/// them and none before token `floor` ("Dr.": the dot is a token of its
/// own); with `initials`, dotted initials too ("President Dr. W. Ruto").
/// An honorific that ends a title of several words is the title's ("First
/// Lady Jill Biden"), and so is one that is a title itself after the state
/// or body it serves ("U.S. Navy Adm. John Aquilino", "Indo-Pacific
/// Coordinator Kurt Campbell").
#[allow(clippy::too_many_arguments)]
fn honorifics_before(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    titles: &[Title<'_>],
    k: usize,
    floor: usize,
    steps: usize,
    initials: bool,
) -> usize {
    let word_at = |i: usize| doc.tokens.get(i).map(|t| tok(text, t)).unwrap_or("");
    let initial = |w: &str| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
    let mut k = k;
    for _ in 0..steps {
        if k > floor
            && title_ending_at(titles, doc.tokens[k - 1].end).is_some_and(|t| {
                t.2.contains(' ')
                    || doc
                        .token_at_or_after(t.0)
                        .checked_sub(1)
                        .filter(|&b| b >= floor)
                        .is_some_and(|b| word_at(b).starts_with(char::is_uppercase))
            })
        {
            break;
        }
        if k > floor && is_honorific(g, word_at(k - 1)) {
            k -= 1;
        } else if k > floor + 1
            && word_at(k - 1) == "."
            && (is_honorific(g, word_at(k - 2)) || (initials && initial(word_at(k - 2))))
        {
            k -= 2;
        } else {
            break;
        }
    }
    k
}

fn is_honorific(g: &Gazetteer, word: &str) -> bool {
    g.lexicon
        .honorifics
        .contains(&word.trim_end_matches('.').to_lowercase())
}

/// A noun only a person is, as written in lowercase ("activist", not "General").
fn person_noun_at(text: &str, g: &Gazetteer, t: &Token) -> bool {
    let w = tok(text, t);
    w.starts_with(char::is_lowercase) && g.lexicon.person_nouns.contains(w)
}

/// Words around a run of capitalised words (tokens `i..end`) that only a
/// person's name takes: a speech verb right before ("said Smith") or after
/// ("Smith said", "Smith, who"), an age (", 45,") or an office in
/// apposition ("Smith, the foreign minister").
fn person_context(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    titles: &[Title<'_>],
    i: usize,
    end: usize,
) -> bool {
    let tokens = &doc.tokens;
    let word = |k: usize| tokens.get(k).map(|t| tok(text, t).to_lowercase());
    let speech = |w: &str| g.lexicon.verbs.get(w).is_some_and(|c| c == "speech");
    let person_noun = |k: usize| tokens.get(k).is_some_and(|t| person_noun_at(text, g, t));
    let office = |k: usize| title_starting_at(titles, tokens[k].start).is_some();
    if i > 0 && word(i - 1).is_some_and(|w| speech(&w) && w != "has" && w != "called") {
        return true;
    }
    // "democracy activist Kyaw Min Yu", "oligarchs: A, B"
    let colon = i > 1 && word(i - 1).as_deref() == Some(":");
    if i > 0 && person_noun(if colon { i - 2 } else { i - 1 }) {
        return true;
    }
    // "Ksenia Gennadevna Frank": a patronymic inside the run.
    if (i + 1..end).any(|k| tokens.get(k).is_some_and(|t| is_patronymic(tok(text, t)))) {
        return true;
    }
    // "the coach, Alireza Mehraban", "the Special Rapporteur on Violence
    // Against Women, Dubravka Simonovic": a person noun or office a few
    // words before a comma right before the name.
    if i > 1 && word(i - 1).as_deref() == Some(",") {
        let sentence_start = doc
            .sentence_of(tokens[i].start)
            .map_or(0, |si| doc.sentences[si].first);
        let from = (i - 1).saturating_sub(8).max(sentence_start);
        // Not an office that is itself in apposition after a name ("Elizabeth
        // Door, Senior Vice President, Global Strategic Sourcing"): the run
        // is then the office's department.
        let segment: Vec<usize> = (from..i - 1)
            .rev()
            .take_while(|&k| word(k).as_deref() != Some(","))
            .collect();
        let after_named = segment.last().is_some_and(|&k| {
            k >= 2
                && word(k - 1).as_deref() == Some(",")
                && tokens
                    .get(k - 2)
                    .is_some_and(|t| tok(text, t).starts_with(char::is_uppercase) && t.word)
        });
        if segment
            .iter()
            .any(|&k| person_noun(k) || (office(k) && !after_named))
        {
            return true;
        }
    }
    let Some(next) = word(end) else {
        return false;
    };
    // "Smith states that", not "Gulf states met": a speech verb that is
    // also a plural noun needs "that" or a comma after it.
    let noun_too = matches!(
        next.as_str(),
        "states" | "notes" | "reports" | "remarks" | "comments"
    );
    let clause_after = matches!(word(end + 1).as_deref(), Some("that" | "," | ":"));
    if speech(&next) && next != "has" && next != "called" && (!noun_too || clause_after) {
        return true;
    }
    if next != "," {
        return false;
    }
    let Some(after) = word(end + 1) else {
        return false;
    };
    if matches!(after.as_str(), "who" | "whose" | "aged") {
        return true;
    }
    if after.chars().all(|c| c.is_ascii_digit())
        && (1..=2).contains(&after.len())
        && word(end + 2).as_deref() == Some(",")
    {
        return true;
    }
    // ", the foreign minister", ", Russia's foreign minister", ", a senior
    // adviser": an office within a few words, before any other comma.
    (end + 1..(end + 6).min(tokens.len()))
        .take_while(|&k| word(k).as_deref() != Some(","))
        .any(|k| office(k) || person_noun(k))
}

/// "Prosper Africa Acting Chief Operating Officer Leslie Marbury",
/// "Interim President X": capitalised title modifiers
/// (`data/lexicon/title_modifiers.txt`) right before a title are the
/// title's words, never a name's; the title then starts at the first.
fn capitalised_modifiers_before(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    out: &[Mention],
    start: usize,
) -> usize {
    let Some(s) = doc.sentence_of(start) else {
        return start;
    };
    let first = doc.sentences[s].first;
    let mut k = doc.token_at_or_after(start);
    let mut start = start;
    while k > first {
        let p = &doc.tokens[k - 1];
        let w = tok(text, p);
        if !p.word
            || p.end + 1 != start
            || !w.starts_with(char::is_uppercase)
            || !g.lexicon.title_modifiers.contains(doc.lower(k - 1))
            || overlapping(out, p.start, p.end).is_some()
        {
            break;
        }
        start = p.start;
        k -= 1;
    }
    start
}

/// "Minister of Information": a title followed by "of" or "for" and a
/// portfolio ends after the portfolio.
/// A second portfolio joined by "and" extends it too: "Minister of Foreign
/// Affairs and International Cooperation", "Minister for Foreign Affairs and
/// Trade". A portfolio not listed whose last word ends a listed one is
/// one too ("Advisor for International Economics Daleep Singh": the name
/// starts after "Economics").
fn extend_portfolio(text: &str, doc: &Doc, g: &Gazetteer, end: usize) -> usize {
    let word = |i: usize| doc.tokens.get(i).map(|t| tok(text, t)).unwrap_or("");
    let capitalised = |i: usize| word(i).chars().next().is_some_and(char::is_uppercase);
    // The portfolio of `n` words (2 or 1) starting at token `k`, if any;
    // else one of 3 or 2 words that ends a listed one's way, right before
    // a capitalised word (a portfolio followed by a comma or "and" may be
    // the first of a list: "for Civilian Security, Democracy, and Human
    // Rights Uzra Zeya").
    let listed_at = |k: usize| {
        [2, 1].into_iter().find(|&n| {
            (k..k + n).all(capitalised)
                && g.lexicon.portfolios.contains(
                    &(k..k + n)
                        .map(word)
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase(),
                )
        })
    };
    let portfolio_at = |k: usize| {
        listed_at(k).or_else(|| {
            [3, 2].into_iter().find(|&n| {
                (k..=k + n).all(capitalised)
                    && g.lexicon
                        .portfolio_ends
                        .contains(&word(k + n - 1).to_lowercase())
            })
        })
    };
    let mut end = end;
    let k = doc.token_at_or_after(end);
    // ("Secretary of the Treasury", "Minister of the Interior": "the"
    // before a listed portfolio; "secretary of the Russian Security
    // Council" names a body.)
    let the = usize::from(word(k + 1) == "the");
    let found = if the == 1 {
        listed_at(k + 2)
    } else {
        portfolio_at(k + 1)
    };
    if matches!(word(k), "of" | "for")
        && let Some(n) = found
    {
        end = doc.tokens.get(k + the + n).map_or(end, |t| t.end);
    }
    let k = doc.token_at_or_after(end);
    if word(k) == "and"
        && let Some(n) = portfolio_at(k + 1)
    {
        end = doc.tokens.get(k + n).map_or(end, |t| t.end);
    }
    end
}

/// Words that end a name read leftwards from its head word.
const NAME_STOPS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "and", "or", "but", "in", "on", "at", "of", "for", "to", "by", "with", "from", "as", "no",
    "any", "every", "each", "all",
];

/// "Fifth Republic Movement", "Shayrat Airfield": up to four capitalised
/// words before a head word make a node, unless the gazetteer named it.
fn named_by_head(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    titles: &[Title<'_>],
    out: &mut Vec<Mention>,
    headline_end: usize,
) {
    let mut found = Vec::new();
    let mut absorbed = Vec::new();
    for (h0, h1, kind) in g.lexicon.find_heads(text) {
        if h0 < headline_end {
            continue;
        }
        let Some(sentence) = doc.sentence_of(h0) else {
            continue;
        };
        let s = doc.sentences[sentence];
        let hi = doc.token_at_or_after(h0);
        // "met-Region": a head inside a hyphenated word starts no token and
        // heads no name.
        if doc.tokens.get(hi).map(|t| t.start) != Some(h0) {
            continue;
        }
        let mut k = hi;
        let mut words = 0;
        loop {
            while k > s.first && words < 6 {
                let t = doc.tokens[k - 1];
                let w = tok(text, &t);
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                // "Myanmar Chemical & Machinery Company"; "Export–Import
                // Bank": a dash glued between two capitalised words.
                let ampersand = (w == "&" && k - 1 > s.first)
                    || (matches!(w, "-" | "\u{2013}") && k - 1 > s.first && {
                        let o = doc.tokens[k - 2];
                        o.end == t.start
                            && doc.tokens.get(k).is_some_and(|n| n.start == t.end)
                            && tok(text, &o).starts_with(char::is_uppercase)
                    });
                // "King's Bay Naval Base": a possessive glued to one
                // capitalised word that names nothing known and heads no
                // name ("the Council's Commission" is the Council's).
                let possessive = is_possessive(w) && k - 1 > s.first && {
                    let o = doc.tokens[k - 2];
                    let ow = tok(text, &o);
                    o.end == t.start
                        && ow.starts_with(char::is_uppercase)
                        && overlapping(out, o.start, o.end).is_none()
                        && g.lexicon.find_heads(ow).next().is_none()
                        && (k - 2 == s.first || {
                            let b = tok(text, &doc.tokens[k - 3]);
                            !b.starts_with(char::is_uppercase)
                        })
                };
                if possessive {
                    k -= 1;
                    continue;
                }
                // "Rashin Shipping Co. Ltd.", "Everwin Ship Management Pte.
                // Ltd.": an abbreviation's full stop inside the name; and
                // "Hungarian National Asset Management, Inc.": a comma before
                // a company suffix.
                let abbreviated = w == "." && k - 1 > s.first && {
                    let o = doc.tokens[k - 2];
                    let ow = tok(text, &o);
                    o.end == t.start
                        && o.word
                        && ow.starts_with(char::is_uppercase)
                        && g.lexicon.abbreviations.contains(ow)
                };
                let suffix_comma = w == ","
                    && k - 1 > s.first
                    && doc
                        .tokens
                        .get(k)
                        .is_some_and(|n| LEGAL_SUFFIXES.contains(&tok(text, n)));
                if abbreviated || suffix_comma {
                    k -= 1;
                    continue;
                }
                // "Alabama A&M University": a letter glued to "&".
                let before_ampersand = doc
                    .tokens
                    .get(k)
                    .is_some_and(|n| n.start == t.end && tok(text, n) == "&");
                if before_ampersand && t.word && capital {
                    k -= 1;
                    words += 1;
                    continue;
                }
                if !ampersand
                    && (!t.word || !capital || NAME_STOPS.contains(&w.to_lowercase().as_str()))
                {
                    break;
                }
                k -= 1;
                words += 1;
            }
            // "Cinema for Peace Foundation", "International Gateways Groups
            // of Company Limited": the name goes back through "of"/"for"
            // to capitalised words that are no title and no known name.
            // (A place's head does not: "the U.S. District Court for
            // Northern District" is no place.)
            let back = k < hi
                && k > s.first + 1
                && kind != Kind::Region
                && matches!(doc.lower(k - 1), "of" | "for")
                && {
                    let t = doc.tokens[k - 2];
                    let w = tok(text, &t);
                    t.word
                        && w.starts_with(char::is_uppercase)
                        && !NAME_STOPS.contains(&w.to_lowercase().as_str())
                        && title_ending_at(titles, t.end).is_none()
                        && overlapping(out, t.start, t.end).is_none()
                        && (k - 2 > s.first
                            || g.lexicon.find_heads(w).next().is_some()
                            || (!g.lexicon.nonname.contains(&w.to_lowercase())
                                && !g.lexicon.verbs.contains_key(w.to_lowercase().as_str())))
                };
            if !back || words >= 6 {
                break;
            }
            k -= 2;
            words += 2;
        }
        if doc
            .tokens
            .get(k)
            .is_some_and(|t| matches!(tok(text, t), "&" | "-" | "\u{2013}"))
        {
            k += 1;
        }
        // "Trade and Technology Council", "Task Force and Tribal Advisory
        // Council": after "and" behind a capitalised word that heads no name
        // and names nothing known, where the name begins is unclear; a cut
        // name ("Technology Council") would be a wrong node, so none is
        // made ("Party and Republican Party", "... and Estonian Institute"
        // begin after "and").
        let coordinated = k > s.first + 1 && k < hi && doc.lower(k - 1) == "and" && {
            let t = doc.tokens[k - 2];
            let w = tok(text, &t);
            let first = doc.tokens[k];
            t.word
                && w.starts_with(char::is_uppercase)
                && !NAME_STOPS.contains(&w.to_lowercase().as_str())
                && title_ending_at(titles, t.end).is_none()
                && overlapping(out, t.start, t.end).is_none()
                && g.lexicon.find_heads(w).next().is_none()
                && overlapping(out, first.start, first.end).is_none()
        };
        if coordinated {
            continue;
        }
        // "a Working Group", "the 11th Airborne Battalion": after an
        // indefinite article a description, after an ordinal a numbered
        // unit (a state's forces), not a name.
        if k > s.first && {
            let p = doc.lower(k - 1);
            matches!(p, "a" | "an") || crate::text::is_ordinal(p)
        } {
            continue;
        }
        // A sentence's first word is capitalised anyway; it needs a second,
        // or the name to go on after its head ("Progressive Party of
        // Working People, the main opposition, ...").
        let goes_on = {
            let a = doc.token_at_or_after(h1);
            matches!(doc.lower(a), "of" | "for")
                && doc
                    .tokens
                    .get(a + 1)
                    .is_some_and(|t| tok(text, t).starts_with(char::is_uppercase))
        };
        if k == s.first && hi - k == 1 && !goes_on {
            k += 1;
        }
        if k >= hi {
            continue;
        }
        // "Ethiopian Human Rights Commission", "Iran Petrochemical Company":
        // a state or place (or its adjective) opening the name is part of
        // it, unless an organ word follows it ("Russian Security Council" is
        // Russia's).
        let mut start = doc.tokens[k].start;
        let mut demonym = None;
        if let Some(m) = overlapping(out, doc.tokens[k].start, doc.tokens[k].end) {
            let place = out[m]
                .reading()
                .is_some_and(|r| matches!(g.entry(r.entity).kind, Kind::State | Kind::Region));
            let after = doc.token_at_or_after(out[m].end);
            let organ = doc
                .tokens
                .get(after)
                .is_some_and(|t| g.lexicon.organs.contains(&tok(text, t).to_lowercase()));
            // "the U.S.-Japan Alliance" is between the two states.
            let compound = text.get(..out[m].start).is_some_and(|b| b.ends_with('-'));
            if place && out[m].start == start && after <= hi && !organ && !compound {
                demonym = Some(m);
                k = after;
            }
        }
        if overlapping(out, doc.tokens[k].start, h1).is_some() {
            continue;
        }
        if let Some(m) = demonym {
            start = out[m].start;
        }
        // "Institute of Human Rights", "League for the Defence of Human
        // Rights": the name goes on through "of"/"for" and capitalised words.
        let h_end = h1;
        // A place stands "on" another: "Ream Naval Base on the Gulf of
        // Thailand" ends at "Base".
        let on = doc.lower(doc.token_at_or_after(h1)) == "on";
        let h1 = if kind == Kind::Region && on {
            h1
        } else {
            extend_of_name(text, doc, g, titles, out, h1, s.last)
        };
        // "Commercial Bank of Ethiopia": an organisation's name goes on
        // through "of" to the state or place it is named after, which is
        // then a word of the name, no mention of its own ("Central Bank of
        // Yemen" stays the state's organ, below).
        let of_end = h1;
        let h1 = if kind == Kind::Organization {
            of_place_end(text, doc, g, out, h1, s.last).unwrap_or(h1)
        } else {
            h1
        };
        // "Leulumoega District Hospital": the head is inside a longer name
        // (but "... Research Institute Director Ane Alencar" ends at it).
        let next = doc.token_at_or_after(h1);
        if doc.tokens.get(next).is_some_and(|n| {
            let w = tok(text, n);
            n.start == h1 + 1
                && n.word
                && w.starts_with(char::is_uppercase)
                && !CALENDAR.contains(&w.to_lowercase().as_str())
                && title_starting_at(titles, n.start).is_none()
                && !is_honorific(g, w)
        }) && next < s.last
        {
            continue;
        }
        // "National Migration Institute", "Presidential Leadership
        // Council": with no state in front, an organ opener before an organ
        // head names a body of the state (ONTOLOGY.md: no node of its own).
        let head = text.get(h0..h_end).unwrap_or("").to_lowercase();
        let organ = demonym.is_none()
            && ((g.lexicon.organ_heads.contains(&head)
                && text.get(start..h0).is_some_and(|front| {
                    front
                        .split_whitespace()
                        .any(|w| g.lexicon.organ_openers.contains(&w.to_lowercase()))
                }))
                // "Sovereign Council of Sudan": the state's organ.
                || (h1 > of_end && g.lexicon.organ_of_state_heads.contains(&head)));
        // "Compact of Free Association": an instrument's name.
        let instrument = text
            .get(start..h1)
            .and_then(|n| n.split_whitespace().next())
            .is_some_and(|w| g.lexicon.instruments.contains(&w.to_lowercase()));
        if organ || instrument {
            continue;
        }
        // A place's head after a state alone names no one place ("United
        // States District Judge"); after a sea's name and before a plural
        // noun it describes the countries around it ("Aegean Island
        // nations", as "Aegean nations").
        if let Some(m) = demonym.filter(|_| kind == Kind::Region) {
            let opener = out[m].reading().map(|r| g.entry(r.entity));
            let state = opener.is_some_and(|e| e.kind == Kind::State);
            let heads_only = text.get(out[m].end..h1).is_some_and(|rest| {
                rest.split_whitespace().all(|w| {
                    g.lexicon
                        .find_heads(w)
                        .any(|(a, b, _)| a == 0 && b == w.len())
                })
            });
            let sea =
                opener.is_some_and(|e| e.name.ends_with(" Ocean") || e.name.ends_with(" Sea"));
            let plural_after = doc.tokens.get(doc.token_at_or_after(h1)).is_some_and(|n| {
                let w = tok(text, n);
                n.start == h1 + 1
                    && n.word
                    && w.starts_with(char::is_lowercase)
                    && w.len() > 3
                    && w.ends_with('s')
                    && !g.lexicon.verbs.contains_key(w)
            });
            if sea && plural_after {
                absorbed.push(out[m].start);
                continue;
            }
            if state && heads_only {
                continue;
            }
        }
        if let Some(m) = demonym {
            absorbed.push(out[m].start);
        }
        // The place "of" led to is a word of the name now.
        if h1 > of_end
            && let Some(p) = out.partition_point(|m| m.start < h1).checked_sub(1)
        {
            absorbed.push(out[p].start);
        }
        let name = text.get(start..h1).unwrap_or("").to_string();
        // "Company Limited", "Group Holdings": head words alone name
        // nothing; nor do they with compass words ("the Northern District"
        // of a state the gazetteer does not hold).
        if name.split_whitespace().all(|w| {
            COMPASS.contains(&w.to_lowercase().as_str())
                || g.lexicon
                    .find_heads(w)
                    .any(|(a, b, _)| a == 0 && b == w.len())
        }) {
            continue;
        }
        // "OSCE Expert Mission", "UN Mission in Haiti", "the OSCE's Special
        // Monitoring Mission": an alliance's head ("Mission") names an
        // alliance's body only with an alliance in or right before the
        // name; "the Vande Bharat Mission" is a state's programme, no node.
        if kind == Kind::Alliance
            && !out.iter().any(|m| {
                let inside = m.start >= start && m.end <= h1;
                let before = m.end <= start
                    && text
                        .get(m.end..start)
                        .is_some_and(|gap| matches!(gap.trim(), "" | "'s" | "\u{2019}s"));
                (inside || before)
                    && m.reading()
                        .is_some_and(|r| g.entry(r.entity).kind == Kind::Alliance)
            })
        {
            continue;
        }
        found.push(Mention {
            start,
            end: h1,
            span_end: h1,
            sentence,
            what: What::New { name, kind },
            acting: false,
            role: None,
            apposed: None,
            modifier_of: None,
            title_ref: None,
        });
    }
    out.retain(|m| !absorbed.contains(&m.start));
    out.extend(found);
    out.sort_by_key(|m| m.start);
}

/// Unknown organisations named beside a noun that says what they are
/// (`data/lexicon/org_nouns.tsv`): "Esri, a leading geographic information
/// systems company", "the Greek gas producer Energean", "German firms
/// including Deutsche Bahn, Deutsche Telekom, Daimler, and Siemens". A name
/// is a run of capitalised words that overlaps no mention and no title.
fn named_by_context(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    titles: &[Title<'_>],
    out: &mut Vec<Mention>,
    headline_end: usize,
) {
    let nouns = &g.lexicon.org_nouns;
    let has = |w: &str, bit: u8| nouns.get(w).is_some_and(|b| b & bit != 0);
    let tokens = &doc.tokens;
    let capital = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            let w = tok(text, t);
            t.word
                && w.starts_with(char::is_uppercase)
                && !NAME_STOPS.contains(&w.to_lowercase().as_str())
                && !CALENDAR.contains(&w.to_lowercase().as_str())
        })
    };
    // The run of capitalised words from token `i` on, within the sentence:
    // its end token (exclusive), if it names nothing yet.
    let run_from = |i: usize, last: usize, out: &[Mention]| -> Option<usize> {
        let mut j = i;
        while j < last && capital(j) {
            j += 1;
        }
        let (start, end) = (tokens.get(i)?.start, tokens.get(j.checked_sub(1)?)?.end);
        (j > i
            && overlapping(out, start, end).is_none()
            && !titles.iter().any(|t| t.0 < end && start < t.1))
        .then_some(j)
    };
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.last == s.first || tokens[s.first].start < headline_end {
            continue;
        }
        for k in s.first..s.last {
            let w = doc.lower(k);
            // "NAME, a/an ... NOUN": the noun within five words of the article.
            if w == "," && k > s.first && matches!(doc.lower(k + 1), "a" | "an") {
                // (The noun heads the description: "a former company
                // director" is no company.)
                let noun = (k + 2..(k + 7).min(s.last))
                    .take_while(|&n| tokens[n].word)
                    .find(|&n| has(doc.lower(n), crate::gazetteer::ORG_NOUN_AFTER))
                    .filter(|&n| {
                        tokens.get(n + 1).is_none_or(|t| !t.word)
                            || matches!(
                                doc.lower(n + 1),
                                "that"
                                    | "which"
                                    | "whose"
                                    | "based"
                                    | "headquartered"
                                    | "in"
                                    | "with"
                                    | "and"
                            )
                    });
                if noun.is_some() {
                    let mut i = k;
                    while i > s.first && capital(i - 1) {
                        i -= 1;
                    }
                    let given = tokens.get(i).is_some_and(|t| {
                        g.lexicon.given_names.contains(&tok(text, t).to_lowercase())
                    });
                    // (Not inside a list: "Foreign Service, Civil Service,
                    // a contractor".)
                    let listed = i > s.first && doc.lower(i - 1) == ",";
                    if i < k
                        && !given
                        && !listed
                        && run_from(i, k, out) == Some(k)
                        && (i > s.first || k - i >= 2)
                    {
                        found.push((si, i, k));
                    }
                }
            }
            // "the gas producer NAME".
            if has(w, crate::gazetteer::ORG_NOUN_BEFORE)
                && k + 1 < s.last
                && tokens[k].word
                && let Some(mut j) = run_from(k + 1, s.last, out)
            {
                // "the construction firm McKissack and McKissack"
                while matches!(doc.lower(j), "and" | "&") {
                    match run_from(j + 1, s.last, out) {
                        Some(e) => j = e,
                        None => break,
                    }
                }
                found.push((si, k + 1, j));
            }
            // "firms including A, B and C", "three entities, A, B, and C".
            // (As written in lowercase: "Htoo Group of Companies, A" is a name.)
            if has(w, crate::gazetteer::ORG_NOUN_LIST)
                && tok(text, &tokens[k]).starts_with(char::is_lowercase)
            {
                // ("four companies in his network, A, B, and C")
                let mut i = k + 1;
                let mut commas = 0;
                while i < (k + 5).min(s.last)
                    && tokens[i].word
                    && tok(text, &tokens[i]).starts_with(char::is_lowercase)
                    && !matches!(doc.lower(i), "including" | "like" | "such")
                {
                    i += 1;
                }
                let intro = doc.lower(i);
                if matches!(intro, "including" | "like" | "," | ":") {
                    i += 1;
                } else if doc.lower(i) == "such" && doc.lower(i + 1) == "as" {
                    i += 2;
                } else {
                    continue;
                }
                let mut items = Vec::new();
                let mut listed = false;
                loop {
                    // "Iran-based Jestar Sanat Delijan": a place adjective.
                    if tokens
                        .get(i)
                        .is_some_and(|t| tok(text, t).ends_with("-based"))
                    {
                        i += 1;
                    }
                    let named = out
                        .iter()
                        .find(|m| tokens.get(i).is_some_and(|t| m.start == t.start))
                        .map(|m| doc.token_at_or_after(m.end));
                    let end = match named {
                        Some(e) => e,
                        None => match run_from(i, s.last, out) {
                            Some(j) => {
                                items.push((si, i, j));
                                j
                            }
                            None => break,
                        },
                    };
                    i = end;
                    if doc.lower(i) == "," {
                        i += 1;
                        commas += usize::from(!listed);
                    }
                    if doc.lower(i) == "and" {
                        listed = true;
                        i += 1;
                        continue;
                    }
                    if listed || i >= s.last || doc.lower(i - 1) != "," {
                        break;
                    }
                }
                // After a bare comma the list needs three names ("the
                // companies he controlled, A and B" may be one name).
                if listed && (commas >= 1 || !matches!(intro, "," | ":")) {
                    found.extend(items);
                }
            }
        }
    }
    for (sentence, i, j) in found {
        let (start, end) = (tokens[i].start, tokens[j - 1].end);
        if overlapping(out, start, end).is_some() {
            continue;
        }
        let name = text.get(start..end).unwrap_or("").to_string();
        out.push(Mention {
            start,
            end,
            span_end: end,
            sentence,
            what: What::New {
                name,
                kind: Kind::Organization,
            },
            acting: false,
            role: None,
            apposed: None,
            modifier_of: None,
            title_ref: None,
        });
    }
    out.sort_by_key(|m| m.start);
}

/// The head words of a body's name, by which "the" and the word alone may
/// refer back to it: the last word ("North Atlantic Alliance") and the
/// capitalised word before the name's first lowercase word ("Global
/// Coalition to Defeat ISIS", "Organization of American States").
fn name_heads(name: &str) -> Vec<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut heads = Vec::new();
    if words.len() >= 2 {
        heads.extend(words.last());
        if let Some(i) = words.iter().position(|w| w.starts_with(char::is_lowercase))
            && i >= 1
        {
            heads.push(words[i - 1]);
        }
    }
    heads.retain(|w| w.len() > 2 && w.chars().all(char::is_alphabetic));
    heads
}

/// "The Global Coalition to Defeat ISIS met ... its commitment to the
/// Coalition": a capitalised word after "the" that heads the name of
/// exactly one organisation or alliance the article named before
/// (`name_heads`) is a mention of that body, unless a capitalised word (or
/// "of", "for", "on", "to" or "in" and one) goes on from it ("the
/// Coalition of the Willing"). Two bodies with that head ("the Council"
/// after the Security Council and the European Council) leave it unread.
fn short_forms(text: &str, doc: &Doc, g: &Gazetteer, out: &mut Vec<Mention>, headline_end: usize) {
    let tokens = &doc.tokens;
    // One body, however its mentions' readings are ordered.
    let same = |a: &What, b: &What| match (a, b) {
        (What::Known(x), What::Known(y)) => {
            x.first().map(|r| r.entity) == y.first().map(|r| r.entity)
        }
        _ => a == b,
    };
    let mut added = Vec::new();
    for k in 1..tokens.len() {
        let t = tokens[k];
        let w = tok(text, &t);
        if t.start < headline_end
            || doc.lower(k - 1) != "the"
            || !w.starts_with(char::is_uppercase)
            || !w.chars().all(char::is_alphabetic)
            || overlapping(out, t.start, t.end).is_some()
        {
            continue;
        }
        let goes_on = tokens.get(k + 1).is_some_and(|n| {
            n.word
                && (tok(text, n).starts_with(char::is_uppercase)
                    || (matches!(doc.lower(k + 1), "of" | "for" | "on" | "to" | "in")
                        && tokens
                            .get(k + 2)
                            .is_some_and(|a| tok(text, a).starts_with(char::is_uppercase))))
        });
        if goes_on {
            continue;
        }
        let Some(sentence) = doc.sentence_of(t.start) else {
            continue;
        };
        let mut bodies: Vec<&What> = Vec::new();
        for m in out.iter().filter(|m| m.end <= t.start) {
            if !matches!(kind_of(g, m), Some(Kind::Organization | Kind::Alliance)) {
                continue;
            }
            let heads = match &m.what {
                What::Known(r) => r.first().is_some_and(|r| {
                    let e = g.entry(r.entity);
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .any(|n| name_heads(n).contains(&w))
                }),
                What::New { name, .. } => name_heads(name).contains(&w),
                What::Person(_) => false,
            };
            if heads && !bodies.iter().any(|b| same(b, &m.what)) {
                bodies.push(&m.what);
            }
        }
        if let [what] = bodies.as_slice() {
            added.push(Mention {
                start: t.start,
                end: t.end,
                span_end: t.end,
                sentence,
                what: (*what).clone(),
                acting: false,
                role: None,
                apposed: None,
                modifier_of: None,
                title_ref: None,
            });
        }
    }
    out.extend(added);
    out.sort_by_key(|m| m.start);
}

/// The end of a head-named name that goes on through "of" or "for" and
/// capitalised words ("Institute of Human Rights", "League for the Defence
/// of Human Rights", "Council for the Welfare of Immigrants"); `end` when
/// nothing follows or what follows is a name already found ("Commission of
/// Ukraine" stays "Commission").
fn extend_of_name(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    titles: &[Title<'_>],
    out: &[Mention],
    end: usize,
    last: usize,
) -> usize {
    let tokens = &doc.tokens;
    // "Caddell Construction Company, LLC of Montgomery": a company's legal
    // suffix closes its name; "of" after it says where the company is.
    let last_word = text
        .get(..end)
        .unwrap_or("")
        .trim_end_matches('.')
        .rsplit([' ', ','])
        .next()
        .unwrap_or("");
    if LEGAL_SUFFIXES.contains(&last_word) {
        return end;
    }
    let mut i = doc.token_at_or_after(end);
    let mut new_end = end;
    // "Council on Environmental Quality" goes on through "on"; after "of"
    // or "for", "and" goes on too ("Group for Preaching and Combat").
    while i < last
        && match tok(text, &tokens[i]) {
            "of" | "for" | "on" => true,
            "and" => new_end != end,
            _ => false,
        }
    {
        let connector = tok(text, &tokens[i]);
        let mut j = i + 1;
        if j < last && tok(text, &tokens[j]) == "the" && connector != "and" {
            j += 1;
        }
        let from = j;
        while j < last
            && tokens[j].word
            && tok(text, &tokens[j]).starts_with(char::is_uppercase)
            && !CALENDAR.contains(&doc.lower(j))
            && title_starting_at(titles, tokens[j].start).is_none()
            && overlapping(out, tokens[j].start, tokens[j].end).is_none()
        {
            j += 1;
        }
        if j == from {
            break;
        }
        // "the Institute for Peace and Freedom House": after "and" a name
        // with a head word of its own is another name.
        if connector == "and"
            && (from..j).any(|x| g.lexicon.find_heads(tok(text, &tokens[x])).next().is_some())
        {
            break;
        }
        new_end = tokens[j - 1].end;
        i = j;
    }
    new_end
}

/// The end of "of (the) PLACE" right after `end`, where PLACE is one
/// mention of a state or region with nothing after it in the name
/// ("Commercial Bank of Ethiopia", "Supreme Council of Yemen"); none
/// before a possessive or a capitalised word ("Bank of Russia's ...",
/// "of Ukraine Volodymyr Zelenskyy").
fn of_place_end(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    out: &[Mention],
    end: usize,
    last: usize,
) -> Option<usize> {
    let mut k = doc.token_at_or_after(end);
    if k >= last || doc.lower(k) != "of" {
        return None;
    }
    k += 1;
    if k < last && doc.lower(k) == "the" {
        k += 1;
    }
    let m = &out[starting_at(out, doc.tokens.get(k)?.start)?];
    let place = m
        .reading()
        .is_some_and(|r| matches!(g.entry(r.entity).kind, Kind::State | Kind::Region));
    if !place || m.span_end != m.end {
        return None;
    }
    let after = doc.token_at_or_after(m.end);
    let open = after < last
        && doc.tokens.get(after).is_some_and(|n| {
            let w = tok(text, n);
            is_possessive(w) || (n.start == m.end + 1 && w.starts_with(char::is_uppercase))
        });
    (!open).then_some(m.end)
}

/// "the Donetsk and Lugansk People's Republics": each conjunct with the
/// singular head, when the gazetteer knows the result.
fn coordinated_heads(text: &str, doc: &Doc, g: &Gazetteer, out: &mut Vec<Mention>) {
    for (plural, singular) in &g.lexicon.plural_heads {
        for plural_v in [plural.clone(), plural.replace('\'', "\u{2019}")] {
            let mut from = 0;
            while let Some(pos) = text.get(from..).and_then(|s| s.find(plural_v.as_str())) {
                let h0 = from + pos;
                let h1 = h0 + plural_v.len();
                from = h1;
                if !crate::gazetteer::on_boundaries(text, h0, h1) {
                    continue;
                }
                let Some(sentence) = doc.sentence_of(h0) else {
                    continue;
                };
                let first = doc.sentences[sentence].first;
                let hi = doc.token_at_or_after(h0);
                // Conjuncts: single capitalised words separated by "and" or commas.
                let mut conj: Vec<usize> = Vec::new();
                let mut k = hi;
                while k > first {
                    let b = k - 1;
                    let w = tok(text, &doc.tokens[b]);
                    if !doc.tokens[b].word || !w.chars().next().is_some_and(char::is_uppercase) {
                        break;
                    }
                    conj.push(b);
                    if b > first && matches!(tok(text, &doc.tokens[b - 1]), "and" | "," | "&") {
                        k = b - 1;
                        if k > first && tok(text, &doc.tokens[k - 1]) == "," {
                            k -= 1;
                        }
                    } else {
                        break;
                    }
                }
                if conj.len() < 2 {
                    continue;
                }
                for (n, &ci) in conj.iter().enumerate() {
                    let t = doc.tokens[ci];
                    let name = format!("{} {}", tok(text, &t), singular);
                    let readings = g.lookup(&name);
                    if readings.is_empty() {
                        continue;
                    }
                    let end = if n == 0 { h1 } else { t.end };
                    out.retain(|m| !(m.start < end && t.start < m.end));
                    out.push(Mention {
                        start: t.start,
                        end,
                        span_end: end,
                        sentence,
                        what: What::Known(readings.to_vec()),
                        acting: false,
                        role: None,
                        apposed: None,
                        modifier_of: None,
                        title_ref: None,
                    });
                }
            }
        }
    }
    out.sort_by_key(|m| m.start);
}

fn kind_of(g: &Gazetteer, m: &Mention) -> Option<Kind> {
    match &m.what {
        What::New { kind, .. } => Some(*kind),
        _ => m.reading().map(|r| g.entry(r.entity).kind),
    }
}

fn is_person(g: &Gazetteer, m: &Mention) -> bool {
    matches!(m.what, What::Person(_)) || kind_of(g, m) == Some(Kind::Person)
}

/// A place named after "in" or "at" ("While in Brussels President Biden",
/// "in Washington, D.C. Secretary Blinken"): where, not whose, an office
/// after it is. (A capital that stands for a body, "in Brussels", too.)
fn located_at(doc: &Doc, g: &Gazetteer, s: crate::text::Sentence, m: &Mention) -> bool {
    let k = doc.token_at_or_after(m.start);
    k > s.first
        && match doc.lower(k - 1) {
            "in" => matches!(
                kind_of(g, m),
                Some(Kind::Region | Kind::State | Kind::Alliance)
            ),
            "at" => matches!(kind_of(g, m), Some(Kind::Region | Kind::State)),
            _ => false,
        }
}

/// Can hold an office's "of": a state, alliance, organisation or region.
fn is_body(g: &Gazetteer, m: &Mention) -> bool {
    matches!(
        kind_of(g, m),
        Some(Kind::State | Kind::Alliance | Kind::Organization | Kind::Region)
    )
}

/// A region that belongs to no state: a sea, a strait, a broad area
/// ("Indo-Pacific", "Sahel"); no one holds an office for it.
fn broad_area(g: &Gazetteer, m: &Mention) -> bool {
    kind_of(g, m) == Some(Kind::Region)
        && m.reading()
            .is_some_and(|r| g.entry(r.entity).part_of.is_none())
}

/// Gives mention `idx` an office held for mention `of`, the title spanning
/// `span`; `qualifier` only qualifies the title and stops acting on its own
/// ("Russia's" in "Sergei Lavrov, Russia's foreign minister").
fn give_role(
    out: &mut [Mention],
    idx: usize,
    role: &str,
    of: Option<usize>,
    span: (usize, usize),
    qualifier: Option<usize>,
) {
    out[idx].role = Some(RoleCue {
        role: role.to_string(),
        of,
        start: span.0,
        end: span.1,
        to: None,
    });
    if let Some(q) = qualifier {
        out[q].modifier_of = Some(idx);
    }
}

/// A first office coordinated before the title phrase in front of
/// `out[idx]`, which names its body: "Ivorian president and current ECOWAS
/// head X", "NATO Secretary General and former Norwegian Prime Minister
/// X". The office, and its body's mention. Only when the two bodies
/// are not both states and no determiner opens the phrase: "the French
/// president and German Chancellor X" and "Israeli Prime Minister and
/// Palestinian President X" are two people.
fn coordinated_office(
    doc: &Doc,
    g: &Gazetteer,
    titles: &[Title],
    out: &[Mention],
    idx: usize,
    s: crate::text::Sentence,
) -> Option<(RoleCue, usize)> {
    let cue = out[idx].role.as_ref()?;
    let of = cue.of?;
    let start = cue.start.min(out[of].start);
    let modifier = |k: usize| {
        let w = doc.lower(k);
        w == "former" || g.lexicon.title_modifiers.contains(w)
    };
    let mut p = doc.token_at_or_after(start);
    while p > s.first && modifier(p - 1) {
        p -= 1;
    }
    if p < s.first + 3 || doc.lower(p - 1) != "and" {
        return None;
    }
    let &(ts, te, role) = title_ending_at(titles, doc.tokens[p - 2].end)?;
    let mut b = doc.token_at_or_after(ts);
    while b > s.first && modifier(b - 1) {
        b -= 1;
    }
    if b > s.first && is_possessive(doc.lower(b - 1)) {
        b -= 1;
    }
    let body = ending_at(out, doc.tokens.get(b.checked_sub(1)?)?.end)
        .filter(|&o| o != of && is_body(g, &out[o]))?;
    let both_states =
        kind_of(g, &out[body]) == Some(Kind::State) && kind_of(g, &out[of]) == Some(Kind::State);
    let first = doc.token_at_or_after(out[body].start);
    let determined = first > s.first && matches!(doc.lower(first - 1), "the" | "a" | "an");
    // A person the gazetteer knows in offices, none of them for this body,
    // is another person's neighbour: "Japan's Prime Minister and NATO
    // Secretary General Jens Stoltenberg met".
    let elsewhere = |p: Reading, b: Reading| {
        let mut offices = g.roles().iter().filter(|r| r.person == p.entity).peekable();
        offices.peek().is_some() && offices.all(|r| r.of != b.entity)
    };
    let foreign = match (out[idx].reading(), out[body].reading()) {
        (Some(p), Some(b)) => elsewhere(p, b),
        _ => false,
    };
    let cue = RoleCue {
        role: role.to_string(),
        of: Some(body),
        start: out[body].start,
        end: te,
        to: None,
    };
    (!both_states && !determined && !foreign && out[body].modifier_of.is_none())
        .then_some((cue, body))
}

/// "chief of the Armed Forces of the Philippines", "head of the Ministry
/// of Defence of Ukraine": from token `n`, a state's organ named in
/// capitalised words ("of" may join them) that no mention covers, then
/// "of" (and "the") and a state; that state's mention.
fn organ_of_state(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    out: &[Mention],
    n: usize,
    last: usize,
) -> Option<usize> {
    let tokens = &doc.tokens;
    let mut organ = false;
    let mut j = n;
    while j < last && j < n + 6 {
        let w = tok(text, &tokens[j]);
        if w == "of" && j > n {
            let mut k = j + 1;
            if k < last && doc.lower(k) == "the" {
                k += 1;
            }
            if let Some(o) = tokens
                .get(k)
                .and_then(|t| starting_at(out, t.start))
                .filter(|&o| kind_of(g, &out[o]) == Some(Kind::State))
            {
                // The words before "of" are one of the organs a state has
                // ("Armed Forces", "Ministry", "Navy").
                return organ.then_some(o);
            }
            j += 1;
            continue;
        }
        if !(tokens[j].word
            && w.starts_with(char::is_uppercase)
            && overlapping(out, tokens[j].start, tokens[j].end).is_none())
        {
            return None;
        }
        organ |= g.lexicon.organs.contains(doc.lower(j));
        j += 1;
    }
    None
}

/// The body that qualifies the title of the person before "and", when the
/// title of `out[idx]` starts at token `title` right after that "and":
/// "Turkish Foreign Minister A and Defense Minister B" gives B Turkey too.
fn shared_qualifier(
    doc: &Doc,
    out: &[Mention],
    idx: usize,
    title: usize,
    s: crate::text::Sentence,
    g: &Gazetteer,
) -> Option<usize> {
    // "Israeli prime minister A and energy minister B": a lowercase
    // portfolio (data/lexicon/portfolios.txt) may open the second title.
    let mut title = title;
    for n in [2, 1] {
        if title >= s.first + 2 + n {
            let words: Vec<&str> = (title - n..title).map(|k| doc.lower(k)).collect();
            if g.lexicon.portfolios.contains(&words.join(" ")) && doc.lower(title - n - 1) == "and"
            {
                title -= n;
                break;
            }
        }
    }
    if title < s.first + 2 || doc.lower(title - 1) != "and" {
        return None;
    }
    let before = doc.tokens[title - 2].end;
    let prev = out[..idx].iter().rposition(|o| o.span_end == before)?;
    let cue = out[prev].role.as_ref()?;
    let of = cue.of?;
    // The qualifier stands right before the first title, not after a name.
    (out[of].end <= cue.start && out[of].modifier_of == Some(prev)).then_some(of)
}

/// The gazetteer knows person `m` in an office of some body other than
/// `body`'s ("Japanese Prime Minister Kishida and President Biden").
fn known_elsewhere(g: &Gazetteer, m: &Mention, body: &Mention) -> bool {
    let (Some(p), Some(b)) = (m.reading(), body.reading()) else {
        return false;
    };
    // Any office on any date: the mention stage does not read the date.
    g.roles()
        .iter()
        .any(|r| r.person == p.entity && r.of != b.entity)
}

/// "TITLE PREP (the) BODY NAME" ending right before the name at token
/// `first`: the body's mention and the title before the preposition.
fn title_prep_body_before<'t, 'a>(
    doc: &Doc,
    g: &Gazetteer,
    titles: &'t [Title<'a>],
    out: &[Mention],
    first: usize,
    s: crate::text::Sentence,
    prep: &str,
) -> Option<(usize, &'t Title<'a>)> {
    let tokens = &doc.tokens;
    if first <= s.first + 2 {
        return None;
    }
    let body = ending_at(out, tokens[first - 1].end).filter(|&o| is_body(g, &out[o]))?;
    let mut k = doc.token_at_or_after(out[body].start);
    if k > s.first && doc.lower(k - 1) == "the" {
        k -= 1;
    }
    if k <= s.first + 1 || doc.lower(k - 1) != prep {
        return None;
    }
    Some((body, title_ending_at(titles, tokens[k - 2].end)?))
}

/// "TITLE of (the) BODY NAME" ending right before the name at `first`: the
/// body's mention, where the title starts, and the role.
fn title_of_body_before<'t>(
    doc: &Doc,
    g: &Gazetteer,
    titles: &[(usize, usize, &'t str)],
    out: &[Mention],
    first: usize,
    s: crate::text::Sentence,
) -> Option<(usize, usize, &'t str)> {
    let (body, &(ts, _, role)) = title_prep_body_before(doc, g, titles, out, first, s, "of")?;
    Some((body, ts, role))
}

/// "(STATE) TITLE to BODY NAME" ending right before the name at token
/// `first` ("US Ambassador to Germany Richard Grenell", "Ambassador to South
/// Korea Philip Goldberg"): the sending state's mention when one stands
/// before the title, the body's mention, where the title starts and the
/// role. The body after "to" is where the office is held, not whose it is.
fn title_to_body_before<'t>(
    doc: &Doc,
    g: &Gazetteer,
    titles: &[(usize, usize, &'t str)],
    out: &[Mention],
    first: usize,
    s: crate::text::Sentence,
) -> Option<(Option<usize>, usize, usize, &'t str)> {
    let (body, &(ts, _, role)) = title_prep_body_before(doc, g, titles, out, first, s, "to")?;
    let t = doc.token_at_or_after(ts);
    let sender = (t > s.first)
        .then(|| ending_at(out, doc.tokens[t - 1].end))
        .flatten()
        .filter(|&o| kind_of(g, &out[o]) == Some(Kind::State));
    Some((sender, body, ts, role))
}

fn attach_context(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    titles: &[(usize, usize, &str)],
    all_cues: &[(usize, usize, &Cue)],
    out: &mut [Mention],
) {
    let place_cues: Vec<(usize, usize)> = all_cues
        .iter()
        .filter(|(_, _, c)| {
            matches!(c.form, CueForm::Verb | CueForm::Noun)
                && matches!(c.edge, EdgeType::Attacks | EdgeType::Visited)
        })
        .map(|&(s, e, _)| (s, e))
        .collect();
    let place_cue_ends: Vec<usize> = place_cues.iter().map(|c| c.1).collect();
    // Cues of other types end where their object starts ("sanctions on Moscow").
    let other_cue_ends: Vec<usize> = all_cues
        .iter()
        .filter(|(_, _, c)| !matches!(c.edge, EdgeType::Attacks | EdgeType::Visited))
        .map(|&(_, e, _)| e)
        .collect();
    let tokens = &doc.tokens;
    let word_at = |i: usize| tokens.get(i).map(|t| tok(text, t)).unwrap_or("");
    for idx in 0..out.len() {
        let m = out[idx].clone();
        let s = doc.sentences[m.sentence];
        let first_tok = doc.token_at_or_after(m.start);
        let mut after = doc.token_at_or_after(m.end);

        // Organ words after a state: "Russian Foreign Ministry", "U.S. forces".
        if matches!(kind_of(g, &m), Some(Kind::State | Kind::Region)) {
            let mut k = after;
            // A title is not an organ: "Russian Foreign Minister Sergei Lavrov".
            while k < s.last
                && g.lexicon.organs.contains(doc.lower(k))
                && title_starting_at(titles, tokens[k].start).is_none()
            {
                k += 1;
            }
            if k > after {
                out[idx].span_end = tokens[k - 1].end;
                out[idx].acting = true;
                after = k;
            }
        }

        // A capital acts (is its state) unless it is a place: after a place
        // preposition, as the object of an attack or visit, or a dateline.
        if let What::Known(readings) = &m.what
            && readings.iter().any(|r| r.class == FormClass::Capital)
            && !out[idx].acting
        {
            let prev_tok = first_tok.checked_sub(1).filter(|&p| p >= s.first);
            let prev = prev_tok.map(|p| doc.lower(p));
            let next = doc.lower(after);
            // "in Beirut's southern suburbs" is a place; "alarm over
            // Pyongyang's deployment" and "sanctions on Moscow" are the state.
            let locative = matches!(
                prev,
                Some("in" | "at" | "near" | "into" | "across" | "inside" | "outside" | "from")
            );
            let after_other_cue =
                prev_tok.is_some_and(|p| other_cue_ends.binary_search(&tokens[p].end).is_ok());
            let after_place_word = prev.is_some_and(|p| PLACE_PREPOSITIONS.contains(&p))
                && (locative || !is_possessive(next))
                && !after_other_cue;
            let after_place_cue =
                prev_tok.is_some_and(|p| place_cue_ends.binary_search(&tokens[p].end).is_ok());
            // "MOSCOW —", "DAMASCUS, Dec 8 —": a capital written in capitals
            // at the head of a sentence is a dateline.
            let surface = text.get(m.start..m.end).unwrap_or("");
            let dateline = (after < s.last
                && matches!(word_at(after), "\u{2014}" | "-" | "\u{2013}"))
                || (first_tok == s.first
                    && surface
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                    && surface.chars().filter(|c| c.is_alphabetic()).count() > 2);
            // The second of "Paris and London" is a place like the first;
            // so is each of "Asuncion, Paraguay; Panama City, Panama; and
            // San Salvador" (a place's state after it is its apposition).
            let after_place_conjunct = matches!(prev, Some("and" | "," | ";")) && {
                let before = prev_tok.map(|p| tokens[p].start).unwrap_or(0);
                let mut earlier = out[..idx].iter().rev().filter(|o| o.span_end <= before);
                let o = earlier.next();
                let near = o.is_some_and(|o| o.span_end + 6 >= before);
                let o = match (o, earlier.next()) {
                    (Some(o), Some(place))
                        if kind_of(g, o) == Some(Kind::State)
                            && text
                                .get(place.span_end..o.start)
                                .is_some_and(|gap| gap == ", ") =>
                    {
                        Some(place)
                    }
                    (o, _) => o,
                };
                near && o.is_some_and(|o| {
                    let capital = matches!(&o.what, What::Known(rs)
                            if rs.iter().any(|r| r.class == FormClass::Capital));
                    !o.acting && (capital || kind_of(g, o) == Some(Kind::Region))
                })
            };
            // "Kyiv was struck by ...": the subject of a passive attack is a place.
            let passive_target = matches!(next, "was" | "were" | "is" | "are")
                && tokens
                    .get(after + 1)
                    .is_some_and(|t| place_cues.binary_search_by_key(&t.start, |c| c.0).is_ok());
            let place = after_place_word
                || after_place_cue
                || dateline
                || after_place_conjunct
                || passive_target;
            out[idx].acting = !place;
        }

        if !is_person(g, &m) {
            // "the Russian president" with no name after: a title reference.
            if is_body(g, &m) {
                let mut k = after;
                if k < s.last && is_possessive(word_at(k)) {
                    k += 1;
                }
                if let Some((_, te, role)) = tokens
                    .get(k)
                    .and_then(|t| title_starting_at(titles, t.start))
                {
                    let next = doc.token_at_or_after(*te);
                    let named_next = tokens
                        .get(next)
                        .is_some_and(|t| starting_at(out, t.start).is_some());
                    let prev_the =
                        first_tok > s.first && word_at(first_tok - 1).eq_ignore_ascii_case("the");
                    let possessive = k > after;
                    if !named_next
                        && (prev_the || possessive)
                        && kind_of(g, &m) == Some(Kind::State)
                    {
                        // The state stays a mention; in relations the slot
                        // stands for the office holder when the resolver finds one.
                        out[idx].title_ref = Some(role.to_string());
                        out[idx].span_end = *te;
                    }
                }
            }
            continue;
        }

        let fronted = 'front: {
            // A title right before the name (allowing an honorific between).
            // "President Dr. W. Ruto": honorifics and initials (the dot is a
            // token of its own) stand between the title and the name.
            let k = honorifics_before(text, doc, g, titles, first_tok, s.first, 4, true);
            let front = (k > s.first)
                .then(|| title_ending_at(titles, tokens[k - 1].end))
                .flatten()
                .or_else(|| title_before_portfolio(text, doc, titles, s, first_tok));
            if let Some(&(ts, te, role)) = front {
                let mut of = None;
                let mut b = doc.token_at_or_after(ts);
                let mut chain_start = ts;
                // Walk left over chained titles and organ words ("U.S. Department
                // of Defense Press Secretary Major General Pat Ryder") to the body.
                let mut crossed_and = false;
                for _ in 0..6 {
                    if b <= s.first {
                        break;
                    }
                    if is_possessive(word_at(b - 1)) {
                        b -= 1;
                        continue;
                    }
                    // "Republic of Korea (ROK) First Vice Foreign Minister X": a
                    // short form in brackets after the body.
                    if word_at(b - 1) == ")"
                        && let Some(open) = (b.saturating_sub(5).max(s.first + 1)..b - 1)
                            .rev()
                            .find(|&j| word_at(j) == "(")
                        && (open + 1..b - 1).all(|j| {
                            word_at(j)
                                .chars()
                                .all(|c| c.is_uppercase() || c == '.' || c == '-')
                        })
                    {
                        b = open;
                        continue;
                    }
                    let prev_end = tokens[b - 1].end;
                    // ("While in Brussels President Biden will ...": a place
                    // after "in" or "at" is where, not whose, the office is.)
                    if ending_at(out, prev_end).is_some_and(|o| located_at(doc, g, s, &out[o])) {
                        break;
                    }
                    // "National Security Council Indo-Pacific Coordinator X": a
                    // sea or a broad area (a region of no state) names the
                    // title's remit; the body is further left.
                    if let Some(o) = ending_at(out, prev_end).filter(|&o| broad_area(g, &out[o])) {
                        out[o].modifier_of = Some(idx);
                        b = doc.token_at_or_after(out[o].start);
                        continue;
                    }
                    if let Some(o) = ending_at(out, prev_end).filter(|&o| is_body(g, &out[o])) {
                        // "U.S. Special Representative for the DPRK Ambassador
                        // Sung Kim": a body after "for" is the remit of the
                        // title before it; the holder's body is further left.
                        let mut r = doc.token_at_or_after(out[o].start);
                        if r > s.first && word_at(r - 1).eq_ignore_ascii_case("the") {
                            r -= 1;
                        }
                        // (Only when a body stands before that title too:
                        // "Chief of Staff for European Commission President
                        // X" is the president's chief of staff.)
                        if r > s.first + 1
                            && word_at(r - 1) == "for"
                            && let Some((ps, _, _)) = title_ending_at(titles, tokens[r - 2].end)
                            && let pt = doc.token_at_or_after(*ps)
                            && pt > s.first
                            && ending_at(out, tokens[pt - 1].end)
                                .is_some_and(|q| is_body(g, &out[q]))
                        {
                            out[o].modifier_of = Some(idx);
                            b = pt;
                            chain_start = *ps;
                            continue;
                        }
                        // "Prime Minister A of Grenada and President B": past
                        // "and", a body after "of" is the earlier name's.
                        let mut p = doc.token_at_or_after(out[o].start);
                        if p > s.first && word_at(p - 1).eq_ignore_ascii_case("the") {
                            p -= 1;
                        }
                        let earlier_of = p > s.first + 1
                            && word_at(p - 1).eq_ignore_ascii_case("of")
                            && ending_at(out, tokens[p - 2].end)
                                .is_some_and(|q| is_person(g, &out[q]));
                        if !(crossed_and && earlier_of) {
                            of = Some(o);
                        }
                        break;
                    }
                    if let Some((ps, _, _)) = title_ending_at(titles, prev_end) {
                        b = doc.token_at_or_after(*ps);
                        chain_start = *ps;
                        continue;
                    }
                    let w = doc.lower(b - 1);
                    // "and Senior Foreign Policy Advisor X": capitalised words
                    // right before the title, naming nothing, belong to it.
                    let capital = |q: usize| {
                        let w = word_at(q);
                        w.starts_with(char::is_uppercase)
                            && w.chars().all(char::is_alphabetic)
                            && ending_at(out, tokens[q].end).is_none()
                    };
                    let opening = (b.saturating_sub(4).max(s.first + 1)..b)
                        .find(|&j| doc.lower(j - 1) == "and" && (j..b).all(capital));
                    // The title opens after that "and": nothing before it is its.
                    if let (false, Some(j)) = (crossed_and, opening) {
                        chain_start = tokens[j].start;
                        break;
                    }
                    crossed_and |= w == "and";
                    // "President of the Sovereign Council of Sudan and Commander-in-Chief X";
                    // "Armenia's acting Prime Minister X": a title's modifier
                    // (data/lexicon/title_modifiers.txt) leads on to its state.
                    if matches!(w, "of" | "and" | "the")
                        || g.lexicon.organs.contains(w)
                        || g.lexicon.portfolios.contains(w)
                        || g.lexicon.title_modifiers.contains(w)
                    {
                        b -= 1;
                        continue;
                    }
                    // "Italian economic development minister X": a portfolio of
                    // two words.
                    if b < s.last
                        && g.lexicon
                            .portfolios
                            .contains(&format!("{w} {}", doc.lower(b)))
                    {
                        b -= 1;
                        continue;
                    }
                    break;
                }
                // "President Volodymyr Zelenskyy of Ukraine"
                if of.is_none() && word_at(after).eq_ignore_ascii_case("of") {
                    let next = tokens.get(after + 1).map(|t| t.start);
                    let next = if tokens
                        .get(after + 1)
                        .is_some_and(|t| tok(text, t).eq_ignore_ascii_case("the"))
                    {
                        tokens.get(after + 2).map(|t| t.start)
                    } else {
                        next
                    };
                    of = next
                        .and_then(|n| starting_at(out, n))
                        .filter(|&o| is_body(g, &out[o]));
                }
                // The whole title phrase belongs to the name: "President of the
                // Sovereign Council of Sudan and Commander-in-Chief X".
                if let Some(o) = of {
                    let mut k = doc.token_at_or_after(out[o].start);
                    for _ in 0..6 {
                        if k <= s.first {
                            break;
                        }
                        let prev_end = tokens[k - 1].end;
                        if let Some((ps, _, _)) = title_ending_at(titles, prev_end) {
                            chain_start = chain_start.min(*ps);
                            break;
                        }
                        let w = word_at(k - 1);
                        let capital = w.chars().next().is_some_and(char::is_uppercase);
                        if !(matches!(w, "of" | "the") || capital) {
                            break;
                        }
                        k -= 1;
                    }
                }
                // "Turkish Foreign Minister A and Defense Minister B": one state
                // adjective governs both coordinated titles.
                if of.is_none() {
                    of = shared_qualifier(doc, out, idx, doc.token_at_or_after(chain_start), s, g)
                        .filter(|&o| !known_elsewhere(g, &m, &out[o]));
                }
                let qualifier =
                    of.filter(|&o| out[o].start < m.start && out[o].modifier_of.is_none());
                give_role(out, idx, role, of, (chain_start, te), qualifier);
                // "Ivorian president and current ECOWAS head Alassane
                // Ouattara": a first office coordinated before this one.
                if let Some((cue, of2)) = coordinated_office(doc, g, titles, out, idx, s) {
                    out[idx].apposed = Some(cue);
                    out[of2].modifier_of = Some(idx);
                }
                // "Major General X, spokesman for the Indonesian military": a
                // title that names no body leaves the apposition after the
                // name to say whose office it is.
                if of.is_some() {
                    break 'front true;
                }
            }

            // "the Foreign Minister of Japan Yoko Kamikawa", "Minister of Foreign
            // Affairs of the Republic of Korea Park Jin": a title, "of", the body,
            // then the name.
            if let Some((of, ts, role)) = title_of_body_before(doc, g, titles, out, k, s) {
                let te = out[of].start;
                give_role(out, idx, role, Some(of), (ts, te), Some(of));
                break 'front true;
            }

            // "US Ambassador to Germany Richard Grenell", "U.S. Ambassador to the
            // United Nations Linda Thomas-Greenfield": the title is held for
            // the state before it, not for the body it is sent to.
            // "Ambassador to South Korea Philip Goldberg": an envoy's title
            // with no sender before it; the sender is the publisher's
            // (resolved with the offices), unless sent to that state.
            if let Some((sender, body, ts, role)) = title_to_body_before(doc, g, titles, out, k, s)
            {
                if let Some(sender) = sender {
                    let span = (out[sender].start, m.start);
                    give_role(out, idx, role, Some(sender), span, Some(sender));
                    break 'front true;
                }
                if envoy_title(g, role) && out[body].modifier_of.is_none() {
                    give_role(out, idx, role, None, (ts, m.start), None);
                    if let Some(cue) = out[idx].role.as_mut() {
                        cue.to = Some(body);
                    }
                    break 'front true;
                }
            }

            // "Kenya's William Ruto", "Russia's Putin": a state's possessive right
            // before a name ties the person to it; the office comes from the data.
            if first_tok >= s.first + 2 && is_possessive(word_at(first_tok - 1)) {
                let state = ending_at(out, tokens[first_tok - 2].end)
                    .filter(|&o| kind_of(g, &out[o]) == Some(Kind::State));
                if let Some(o) = state {
                    let span = (out[o].start, m.start);
                    give_role(out, idx, "", Some(o), span, Some(o));
                    break 'front true;
                }
            }

            // Apposition before the name: "the U.S. ambassador to the United
            // Nations, Susan Rice," / "the U.S. Ambassador to Venezuela, William Brownfield".
            // ("his Afghan counterpart, Mullah Mohammad Yaqoob": honorifics may
            // stand between the comma and the name.)
            let lead = honorifics_before(text, doc, g, titles, first_tok, s.first + 2, 2, false);
            if lead > s.first + 1 && word_at(lead - 1) == "," {
                let mut e = lead - 1; // the comma
                let mut second = None;
                // "... to [the] BODY ,": remember BODY, step over it.
                let direct = ending_at(out, tokens[e - 1].end)
                    .filter(|&o| is_body(g, &out[o]))
                    .and_then(|o| {
                        let mut k = doc.token_at_or_after(out[o].start);
                        // "the head of the ruling Fifth Republic Movement,":
                        // one lowercase word may qualify the body.
                        if k > s.first + 1
                            && word_at(k - 1).chars().all(|c| c.is_ascii_lowercase())
                            && word_at(k - 2).eq_ignore_ascii_case("the")
                            && !matches!(
                                doc.lower(k - 1),
                                "to" | "at" | "of" | "for" | "in" | "and"
                            )
                        {
                            k -= 1;
                        }
                        if k > s.first && word_at(k - 1).eq_ignore_ascii_case("the") {
                            k -= 1;
                        }
                        (k > s.first
                            && matches!(doc.lower(k - 1), "to" | "at" | "of" | "for" | "in"))
                        .then(|| (o, k - 1))
                    })
                    // A title before the preposition: "One of South Sudan's
                    // Vice Presidents, X" has none, and reads on below.
                    .filter(|&(_, p)| {
                        p > s.first && title_ending_at(titles, tokens[p - 1].end).is_some()
                    });
                // ("Ambassador to Ukraine," "Special Envoy for Yemen,": the
                // body an envoy is sent to or works on, read below.)
                let mut sent_to = false;
                if let Some((o, p)) = direct {
                    second = Some(o);
                    sent_to = matches!(doc.lower(p), "to" | "for");
                    e = p;
                } else {
                    // "A spokesman for China's Taiwan Affairs Office, Chen
                    // Binhua": a state's organ named in capitalised words after
                    // the state's possessive.
                    let mut k = e;
                    // ("Taiwan Affairs Office": a place's name may qualify it.)
                    while k > s.first
                        && k + 4 > e
                        && tokens[k - 1].word
                        && word_at(k - 1).starts_with(char::is_uppercase)
                        && !is_possessive(word_at(k - 1))
                    {
                        k -= 1;
                    }
                    let organ = k < e && g.lexicon.organs.contains(doc.lower(e - 1));
                    if organ
                        && k > s.first + 2
                        && is_possessive(word_at(k - 1))
                        && let Some(o) = ending_at(out, tokens[k - 2].end)
                            .filter(|&o| kind_of(g, &out[o]) == Some(Kind::State))
                    {
                        let b = doc.token_at_or_after(out[o].start);
                        if b > s.first
                            && matches!(doc.lower(b - 1), "to" | "at" | "of" | "for" | "in")
                        {
                            second = Some(o);
                            e = b - 1;
                        }
                    }
                }
                if e > s.first
                    && let Some(&(ts, te, role)) = title_ending_at(titles, tokens[e - 1].end)
                {
                    let tk = doc.token_at_or_after(ts);
                    let mut b = tk;
                    let possessed = b > s.first && is_possessive(word_at(b - 1));
                    if possessed {
                        b -= 1;
                    }
                    let body = (b > s.first)
                        .then(|| ending_at(out, tokens[b - 1].end).filter(|&o| is_body(g, &out[o])))
                        .flatten();
                    // "Merkel's spokesperson, Steffen Seibert": an office held
                    // for a person is held for what that person represents
                    // (resolved with the offices, in `resolve`).
                    let principal = (possessed && body.is_none() && b > s.first)
                        .then(|| {
                            ending_at(out, tokens[b - 1].end).filter(|&o| is_person(g, &out[o]))
                        })
                        .flatten()
                        .filter(|&o| o != idx);
                    // "Our Ambassador to Ukraine, Bridget Brink", "the Special
                    // Envoy for Yemen, Tim Lenderking": the body after "to" or
                    // "for" is where the envoy is sent, not whose the office
                    // is; the office's sender is the body before the title,
                    // else the gazetteer's or the publisher's.
                    if sent_to && envoy_title(g, role) {
                        give_role(
                            out,
                            idx,
                            role,
                            body.or(principal),
                            (ts, te),
                            body.or(second),
                        );
                        break 'front true;
                    }
                    // "including our Special Envoy, Tim Lenderking", "our own
                    // Special Envoy, X": an office of the publishing
                    // government (resolved with the offices).
                    let before = if tk > s.first + 1 && doc.lower(tk - 1) == "own" {
                        tk - 1
                    } else {
                        tk
                    };
                    let ours = body.is_none()
                        && second.is_none()
                        && before > s.first
                        && matches!(doc.lower(before - 1), "our" | "my");
                    if ours {
                        give_role(out, idx, role, None, (ts, te), None);
                        break 'front true;
                    }
                    let of = body.or(second).or(principal);
                    if of.is_some() {
                        give_role(out, idx, role, of, (ts, te), body);
                        break 'front true;
                    }
                }
            }

            false
        };
        // "Burmese military officials Zaw Hein and Ko Ko Oo": a plural
        // title in front of a list of names is each one's.
        if !fronted
            && out[idx].role.is_none()
            && let Some(cue) = listed_under_plural_title(text, doc, out, idx, s)
            && !cue
                .of
                .is_some_and(|o| known_elsewhere(g, &out[idx], &out[o]))
        {
            out[idx].role = Some(cue);
        }
        // "a visit by an Israeli head of state, President Isaac Herzog": a
        // description set off by a comma before the name describes the
        // person; its state is no party of its own.
        if let Some(cue) = described_before(doc, g, titles, out, idx, s) {
            if let Some(q) = cue.of {
                out[q].modifier_of = Some(idx);
            }
            if out[idx].apposed.is_none() {
                out[idx].apposed = Some(cue);
            }
        }
        // Apposition after the name: "Sergei Lavrov, Russia's foreign minister".
        // After a title in front that named its body, a second office for
        // another body: "Kenya's William Ruto, chair of the East African
        // Community".
        if let Some(a) = apposed_title(text, doc, g, titles, out, s, after) {
            let known = matches!(m.what, What::Known(_));
            let first_of = out[idx].role.as_ref().and_then(|r| r.of);
            if fronted {
                if let Some(of) = a.of.filter(|&o| a.closed && Some(o) != first_of) {
                    out[idx].apposed = Some(RoleCue {
                        role: a.role.to_string(),
                        of: Some(of),
                        start: a.span.0,
                        end: a.span.1,
                        to: None,
                    });
                    if let Some(q) = a.qualifier {
                        out[q].modifier_of = Some(idx);
                    }
                }
            } else if a.of.is_some() || (a.definite && (known || a.ours) && out[idx].role.is_none())
            {
                give_role(out, idx, a.role, a.of, a.span, a.qualifier);
            } else if out[idx].role.is_none()
                && let What::Known(r) = &m.what
                && let Some((office, end)) =
                    office_named_in_full(text, doc, g, r[0].entity, a.role, a.span.1, s)
            {
                // "Nancy Pelosi, the Speaker of the House,": the title and
                // the body after "of" together are an office the gazetteer
                // gives this person; the office's state is the gazetteer's.
                give_role(out, idx, &office, None, (a.span.0, end), None);
            } else if let Some(r) = a.receiving {
                // "X, Ambassador to the United States": an office whose
                // sender the gazetteer or the publisher may know.
                if out[idx].role.is_none() {
                    give_role(out, idx, a.role, None, a.span, Some(r));
                } else {
                    out[r].modifier_of = Some(idx);
                }
            }
        } else if out[idx].role.is_none()
            && let Some(party) = of_party_apposed(doc, g, out, s, after)
        {
            // "Lai, of the Democratic Progressive Party, was sworn in".
            let span = (tokens[after + 1].start, out[party].end);
            give_role(out, idx, "member", Some(party), span, None);
        }
    }
}

/// The office of a known person written out in full after its title,
/// whose body after "of" is no name ("Speaker of the House", "Chancellor
/// of the Exchequer"): the title, "of", an optional "the" and up to six
/// capitalised words (with "of" between them) that together spell an
/// office the gazetteer gives `person` (at any date; the resolver checks
/// the article's). Gives the office, lowercase, and where its words end.
fn office_named_in_full(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    person: EntityIdx,
    role: &str,
    title_end: usize,
    s: Sentence,
) -> Option<(String, usize)> {
    let of = doc.token_at_or_after(title_end);
    if doc.lower(of) != "of" {
        return None;
    }
    // The person's offices that open with the title and "of"; most people
    // hold none, and then nothing after "of" is read.
    let mut office = format!("{role} of");
    let held: Vec<&str> = g
        .roles()
        .iter()
        .filter(|r| r.person == person && r.role.starts_with(office.as_str()))
        .map(|r| r.role.as_str())
        .collect();
    if held.is_empty() {
        return None;
    }
    let mut k = of + 1;
    if doc.lower(k) == "the" {
        office.push_str(" the");
        k += 1;
    }
    let opened = k;
    let mut best = None;
    while k < s.last && k < opened + 6 {
        let w = tok(text, &doc.tokens[k]);
        // ("Chairman of the Joint Chiefs of Staff": "of" inside the body.)
        let inner_of = w == "of" && k > opened;
        if !(w.starts_with(char::is_uppercase) || inner_of) {
            break;
        }
        office.push(' ');
        office.push_str(&w.to_lowercase());
        if held.contains(&office.as_str()) {
            best = Some((office.clone(), doc.tokens[k].end));
        }
        k += 1;
    }
    best
}

/// A title written in the plural ("foreign ministers", "officials") for a
/// singular office (`role`); "Foreign Affairs" ends a singular one.
fn plural_title(title: &str, role: &str) -> bool {
    title.ends_with('s') && !title.to_lowercase().ends_with("affairs") && !role.ends_with('s')
}

/// The office of the person listed before `out[idx]` ("A and B", "A, B,
/// and C") when that person's title in front is plural and names its body
/// ("Burmese military officials A and B"). The cue keeps the body and
/// names no words of its own, so the person's phrase starts at the name.
fn listed_under_plural_title(
    text: &str,
    doc: &Doc,
    out: &[Mention],
    idx: usize,
    s: crate::text::Sentence,
) -> Option<RoleCue> {
    let first = doc.token_at_or_after(out[idx].start);
    let mut k = first;
    if k > s.first && doc.lower(k - 1) == "and" {
        k -= 1;
    }
    if k > s.first && doc.lower(k - 1) == "," {
        k -= 1;
    }
    if k == first || k <= s.first {
        return None;
    }
    let prev = ending_at(out, doc.tokens[k - 1].end)?;
    let cue = out[prev].role.as_ref()?;
    let of = cue.of?;
    let plural = plural_title(text.get(cue.start..cue.end)?, &cue.role);
    // ("A, B, and C": B's cue, taken from A's title, is empty.)
    let listed = cue.start == cue.end && cue.start == out[prev].start;
    let first_listed = plural && cue.start < out[prev].start && out[of].modifier_of == Some(prev);
    (listed || first_listed).then(|| RoleCue {
        role: cue.role.clone(),
        of: Some(of),
        start: out[idx].start,
        end: out[idx].start,
        to: None,
    })
}

/// A description set off by a comma before the person `out[idx]` (and
/// the title in front of the name): "(an) Israeli head of state,",
/// "Israel's head of state,", "an Israeli official,". The mention of the
/// description's state or body as an office that opens the person's
/// phrase, when the person holds an office for it:
/// in the gazetteer for a known person ("After talks with the Japanese
/// prime minister, President Biden said" describes someone else); for
/// another, when a determiner or the body's possessive opens it.
fn described_before(
    doc: &Doc,
    g: &Gazetteer,
    titles: &[Title],
    out: &[Mention],
    idx: usize,
    s: crate::text::Sentence,
) -> Option<RoleCue> {
    let tokens = &doc.tokens;
    let m = &out[idx];
    let start = m.role.as_ref().map_or(m.start, |r| r.start.min(m.start));
    let k = doc.token_at_or_after(start);
    if k < s.first + 3 || doc.lower(k - 1) != "," {
        return None;
    }
    let e = k - 1;
    let (noun_start, role) = match title_ending_at(titles, tokens[e - 1].end) {
        Some(&(ts, _, role)) => (doc.token_at_or_after(ts), role),
        None if g.lexicon.person_nouns.contains(doc.lower(e - 1)) => (e - 1, doc.lower(e - 1)),
        None => return None,
    };
    let mut b = noun_start;
    if b > s.first && is_possessive(doc.lower(b - 1)) {
        b -= 1;
    }
    if b <= s.first {
        return None;
    }
    let q = ending_at(out, tokens[b - 1].end)
        .filter(|&q| q != idx && out[q].modifier_of.is_none() && is_body(g, &out[q]))?;
    let mut open = doc.token_at_or_after(out[q].start);
    let determiner = open > s.first
        && matches!(
            doc.lower(open - 1),
            "a" | "an" | "the" | "his" | "her" | "their" | "its"
        );
    if determiner {
        open -= 1;
    }
    let holds = match (m.reading(), out[q].reading()) {
        (Some(p), Some(body)) => g
            .roles()
            .iter()
            .any(|r| r.person == p.entity && r.of == body.entity),
        // "his Israeli counterpart, National Security Advisor X"; not
        // "meeting Israeli and Palestinian leaders, Assistant Secretary X".
        (None, _) => determiner || noun_start > b,
        _ => false,
    };
    holds.then(|| RoleCue {
        role: role.to_string(),
        of: Some(q),
        start: tokens[open].start,
        end: tokens[e - 1].end,
        to: None,
    })
}

/// ", of the PARTY," or ", of the PARTY." right after a person's name at
/// token `after`: the organisation (its mention) the person belongs to.
fn of_party_apposed(
    doc: &Doc,
    g: &Gazetteer,
    out: &[Mention],
    s: Sentence,
    after: usize,
) -> Option<usize> {
    if !(after + 3 < s.last && doc.lower(after) == "," && doc.lower(after + 1) == "of") {
        return None;
    }
    let mut k = after + 2;
    if doc.lower(k) == "the" {
        k += 1;
    }
    let o = starting_at(out, doc.tokens.get(k)?.start)?;
    let end = doc.token_at_or_after(out[o].end);
    (kind_of(g, &out[o]) == Some(Kind::Organization) && matches!(doc.lower(end), "," | "."))
        .then_some(o)
}

/// `out[o]` is a state's adjective that opens a longer capitalised name
/// no mention covers and whose last word is no organ of a state: "deputy
/// director of the Greek Energy Forum" names the forum, not Greece;
/// "secretary of the Russian Security Council", "spokesman for the
/// Russian Foreign Ministry" and "advisor to the Latvian Prime Minister"
/// keep the state.
fn adjective_of_a_name(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    titles: &[Title],
    out: &[Mention],
    o: usize,
    s: Sentence,
) -> bool {
    let adjective = matches!(&out[o].what, What::Known(rs)
        if rs.iter().all(|r| r.class == FormClass::Demonym));
    if !adjective {
        return false;
    }
    let first = doc.token_at_or_after(out[o].end);
    let mut k = first;
    while k < s.last
        && doc.tokens[k].word
        && tok(text, &doc.tokens[k]).starts_with(char::is_uppercase)
        && overlapping(out, doc.tokens[k].start, doc.tokens[k].end).is_none()
    {
        // "Advisor to the Latvian Prime Minister": an office, not a name.
        if title_starting_at(titles, doc.tokens[k].start).is_some() {
            return false;
        }
        k += 1;
    }
    k > first && {
        let last = doc.lower(k - 1);
        !(g.lexicon.organs.contains(last) || g.lexicon.organ_heads.contains(last))
    }
}

/// An office in apposition after a name.
struct Apposed<'a> {
    role: &'a str,
    /// The body the office is held for, when the text names it.
    of: Option<usize>,
    /// The title phrase.
    span: (usize, usize),
    /// The body when it only qualifies the title ("Russia's" in "Sergei
    /// Lavrov, Russia's foreign minister").
    qualifier: Option<usize>,
    /// "the" or a possessive opens the title ("Mohammed Abdulsalam, the
    /// group's chief negotiator"): one office, whose body the gazetteer
    /// may know.
    definite: bool,
    /// Nothing but the end of the phrase follows it.
    closed: bool,
    /// "our" or "my" opens the title ("X, our Special Envoy,"): the
    /// publishing government's office, whether or not the person is known.
    ours: bool,
    /// The state or body an envoy's title is sent to ("X, Ambassador to
    /// the United States"): part of the phrase, not the office's body.
    receiving: Option<usize>,
}

/// The office in apposition after a name ending before token `after`:
/// "Sergei Lavrov, Russia's foreign minister", "Peskov, the Kremlin
/// spokesman", "X, the foreign minister of Y". ("Abu Mahdi al-Muhandis was
/// the deputy commander of the PMF": a copula right after the name reads
/// as the comma, with the body after "of" or "for" only: "was the first
/// president to visit X" names no office for X.)
fn apposed_title<'a>(
    text: &str,
    doc: &Doc,
    g: &Gazetteer,
    titles: &[Title<'a>],
    out: &[Mention],
    s: Sentence,
    after: usize,
) -> Option<Apposed<'a>> {
    let tokens = &doc.tokens;
    let word_at = |i: usize| tokens.get(i).map(|t| tok(text, t)).unwrap_or("");
    let copula = matches!(doc.lower(after), "is" | "was") && after + 1 < s.last;
    if !(word_at(after) == "," || copula) {
        return None;
    }
    let mut k = after + 1;
    let mut definite = false;
    // ("Tim Lenderking, our Special Envoy,": the publisher's office.)
    let ours = matches!(doc.lower(k), "our" | "my");
    if matches!(doc.lower(k), "the" | "a" | "an") || ours {
        definite = doc.lower(k) == "the" || ours;
        k += 1;
    }
    let mut of = None;
    if let Some(o) = tokens
        .get(k)
        .and_then(|t| starting_at(out, t.start))
        .filter(|&o| is_body(g, &out[o]))
    {
        of = Some(o);
        k = doc.token_at_or_after(out[o].span_end);
        if is_possessive(word_at(k)) {
            k += 1;
        }
    } else if definite && k + 1 < s.last && is_possessive(word_at(k + 1)) {
        // "the group's chief negotiator": a description's possessive.
        k += 2;
    }
    // "Burkina Faso's interim president", "the acting foreign minister".
    while k + 1 < s.last
        && g.lexicon.title_modifiers.contains(doc.lower(k))
        && title_starting_at(titles, tokens[k].start).is_none()
    {
        k += 1;
    }
    let &(ts, mut te, mut role) = tokens
        .get(k)
        .and_then(|t| title_starting_at(titles, t.start))?;
    // "X, Deputy Minister of Foreign Affairs of Laos": chained titles read
    // as one, the last names the office.
    for _ in 0..3 {
        let Some(&(_, e, r)) = tokens
            .get(doc.token_at_or_after(te))
            .and_then(|t| title_starting_at(titles, t.start))
        else {
            break;
        };
        te = e;
        role = r;
    }
    // "Blinken and Lavrov, the top diplomats of the US and Russia": a
    // plural title in apposition is shared out respectively, which the
    // text does not say name by name.
    if text.get(ts..te).is_some_and(|t| plural_title(t, role)) {
        return None;
    }
    let tk = doc.token_at_or_after(te);
    // "Putin, Kremlin spokesman Dmitry Peskov": the title is Peskov's, not
    // an apposition to Putin.
    let names_next = tokens
        .get(tk)
        .is_some_and(|t| starting_at(out, t.start).is_some_and(|o| is_person(g, &out[o])));
    if names_next {
        return None;
    }
    let mut prep = false;
    let mut receiving = None;
    if of.is_none()
        && (matches!(doc.lower(tk), "of" | "for")
            || (!copula && matches!(doc.lower(tk), "to" | "at")))
    {
        prep = true;
        let mut n = tk + 1;
        if word_at(n).eq_ignore_ascii_case("the") {
            n += 1;
        }
        of = tokens
            .get(n)
            .and_then(|t| starting_at(out, t.start))
            .filter(|&o| {
                is_body(g, &out[o]) && !adjective_of_a_name(text, doc, g, titles, out, o, s)
            })
            .or_else(|| organ_of_state(text, doc, g, out, n, s.last))
            .or_else(|| principal_after_to(doc, g, titles, out, tk, role));
        // "A, the Foreign Minister of India B": the title is B's.
        let next_is_person = of.is_some_and(|o| {
            let after_body = doc.token_at_or_after(out[o].span_end);
            tokens
                .get(after_body)
                .is_some_and(|t| starting_at(out, t.start).is_some_and(|p| is_person(g, &out[p])))
        });
        if next_is_person {
            return None;
        }
        if envoy_title(g, role)
            && doc.lower(tk) == "to"
            && of.is_some_and(|o| out[o].reading().is_some())
        {
            receiving = of.take();
        }
    }
    // After a copula the body is the predicate's, and stays a name of the
    // clause ("the PMF, an Iranian-backed militia").
    let qualifier = if copula { None } else { of };
    // The apposition ends the phrase: a full stop, or a comma before a
    // lowercase word ("..., convened a summit"); not a list that goes on
    // ("NATO Secretary General A, OSCE Chair-in-Office and Polish Foreign
    // Minister B").
    let end = match of.or(receiving) {
        Some(o) if prep => doc.token_at_or_after(out[o].span_end),
        _ => tk,
    };
    let closed = matches!(word_at(end), "." | ";" | "")
        || (word_at(end) == "," && word_at(end + 1).starts_with(char::is_lowercase));
    Some(Apposed {
        role,
        of,
        span: (ts, te),
        qualifier,
        closed,
        // A title that goes on with a preposition whose body is not named
        // ("the head of an aid group") is no office the gazetteer may fill.
        definite: definite && !copula && !prep && closed,
        ours: ours && !copula && !prep && closed,
        receiving,
    })
}

/// An office whose last word is an envoy's noun
/// (`data/lexicon/envoys.txt`): "to" after it names where it is sent.
fn envoy_title(g: &Gazetteer, role: &str) -> bool {
    role.rsplit(' ')
        .next()
        .is_some_and(|w| g.lexicon.envoys.contains(w))
}

/// "X, national security adviser to Prime Minister Abiy Ahmed": after
/// "to" at token `to`, a person (with a title in front) whose office the
/// office `role` serves, as in "Merkel's spokesperson". Not an envoy's
/// title: an ambassador to a president is sent to that president.
fn principal_after_to(
    doc: &Doc,
    g: &Gazetteer,
    titles: &[Title],
    out: &[Mention],
    to: usize,
    role: &str,
) -> Option<usize> {
    let tokens = &doc.tokens;
    if doc.lower(to) != "to" || envoy_title(g, role) {
        return None;
    }
    let mut n = to + 1;
    if doc.lower(n) == "the" {
        n += 1;
    }
    if let Some(&(_, te, _)) = tokens
        .get(n)
        .and_then(|t| title_starting_at(titles, t.start))
    {
        n = doc.token_at_or_after(te);
    }
    tokens
        .get(n)
        .and_then(|t| starting_at(out, t.start))
        .filter(|&o| is_person(g, &out[o]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::analyze;

    fn g() -> &'static Gazetteer {
        crate::testing::gazetteer()
    }

    /// What a mention names, as the tests print it: a gazetteer id,
    /// "person:NAME" or "KIND:NAME".
    fn what(m: &Mention) -> String {
        match &m.what {
            What::Known(r) => g().entry(r[0].entity).id.clone(),
            What::Person(n) => format!("person:{n}"),
            What::New { name, kind } => format!("{kind}:{name}"),
        }
    }

    fn mentions(text: &str) -> Vec<String> {
        let doc = analyze(text, &g().lexicon.abbreviations);
        find(text, &doc, g())
            .iter()
            .map(|m| {
                let what = what(m);
                let role = m
                    .role
                    .as_ref()
                    .map(|r| format!(" [{}]", r.role))
                    .unwrap_or_default();
                format!("{}={what}{role}", &text[m.start..m.end])
            })
            .collect()
    }

    /// Protects places that name something else: a news outlet ("the
    /// Washington Post" is neither the United States nor a person), a
    /// university's campus (a city, never a state), a subdivision name that
    /// is a common word ("Unity"), a continent that is also a given name,
    /// "Issues" ending a portfolio before a name, and places inside a
    /// person's name.
    #[test]
    fn issue15h_outlets_campuses_and_common_words() {
        assert_eq!(
            mentions("The Washington Post and China Daily reported it, as did the Times of India."),
            Vec::<String>::new()
        );
        assert_eq!(
            mentions("He told the Kyiv Independent that Kyiv would hold."),
            ["Kyiv=state/UKR"]
        );
        assert_eq!(
            mentions("Blinken will visit India Post-Election."),
            ["Blinken=person/antony-blinken", "India=state/IND"]
        );
        assert_eq!(
            mentions("She studied at the University of California, San Diego, in La Jolla."),
            Vec::<String>::new()
        );
        assert_eq!(
            mentions("Students at the University of Kyiv, Ukraine, protested."),
            ["Ukraine=state/UKR"]
        );
        assert_eq!(
            mentions("Transatlantic Unity matters. Fighting spread in Unity State."),
            ["Unity State=region/SS-UY"]
        );
        assert_eq!(
            mentions("Trade grew across the Asia Pacific."),
            Vec::<String>::new()
        );
        // An acronym in capitals is no place written in lowercase (Imo).
        assert_eq!(
            mentions("He met staff of the IMO and the UAE."),
            ["UAE=state/ARE"]
        );
        assert_eq!(
            people("Special Coordinator for Tibetan Issues Uzra Zeya will travel."),
            ["Uzra Zeya"]
        );
        // A place before a patronymic is a given name.
        assert_eq!(
            people("The list includes Vladimir Vladimirovich Kolychev."),
            ["Vladimir Vladimirovich Kolychev"]
        );
        // A middle name that is a place (Isabel) before one more (Rocha).
        assert_eq!(
            people("They named Brenda Isabel Rocha Chacon, the CSE President."),
            ["Brenda Isabel Rocha Chacon"]
        );
        // A place that is a given name (Farah), before a given name and a
        // surname, opens a three-word name; after "in" it stays the place.
        assert_eq!(
            people("It revoked Mohad Moalim, Farah Mohamed Shirdon, and Musa Abu Dawud."),
            ["Mohad Moalim", "Farah Mohamed Shirdon", "Musa Abu Dawud"]
        );
        assert_eq!(
            people("Fighting in Farah Mohammed Khan said was fierce."),
            ["Mohammed Khan"]
        );
    }

    /// Protects names after a portfolio the list does not hold but whose
    /// last word ends a listed one ("for Regional Cooperation Esawi Frej"),
    /// and a portfolio list before the name ("for Civilian Security,
    /// Democracy, and Human Rights Uzra Zeya") still ends at the name.
    #[test]
    fn names_after_unlisted_portfolios() {
        assert_eq!(
            people(
                "Deputy National Security Advisor for International Economics Daleep Singh said it."
            ),
            ["Daleep Singh"]
        );
        assert_eq!(
            people("Israeli Minister of Regional Cooperation Esawi Frej met her."),
            ["Esawi Frej"]
        );
        assert_eq!(
            mentions(
                "Under Secretary for Civilian Security, Democracy, and Human Rights Uzra Zeya will travel."
            ),
            ["Uzra Zeya=person:Uzra Zeya [under secretary]"]
        );
    }

    /// Protects a head-word name opening a sentence: its first word alone
    /// before the head is a name only when the name goes on after the
    /// head through "of" ("Progressive Party of Working People").
    #[test]
    fn head_word_names_opening_a_sentence() {
        assert_eq!(
            orgs("Progressive Party of Working People, the main opposition, rejected it."),
            ["Progressive Party of Working People"]
        );
        assert_eq!(
            orgs("Opposition Party members walked out."),
            Vec::<String>::new()
        );
    }

    /// Protects people named with a patronymic in the name ("Ksenia
    /// Gennadevna Frank", as designation lists write them), and "Mahatma"
    /// as an honorific.
    #[test]
    fn patronymics_and_named_people() {
        assert_eq!(
            people(
                "Ksenia Gennadevna Frank is being designated for being owned by Gleb Sergeevich Frank."
            ),
            ["Ksenia Gennadevna Frank", "Gleb Sergeevich Frank"]
        );
        assert_eq!(
            people("The legacies of Mahatma Gandhi were explored."),
            ["Gandhi"]
        );
        // A known person with a patronymic between the names is that
        // person; another given name before it is another person.
        assert_eq!(
            mentions("It was run by Yevgeniy Viktorovich Prigozhin."),
            ["Yevgeniy Viktorovich Prigozhin=person/yevgeny-prigozhin"]
        );
        assert_eq!(
            people("Ivan Viktorovich Prigozhin was named."),
            ["Ivan Viktorovich Prigozhin"]
        );
        assert_eq!(
            people("A ship named Freedom Star sank."),
            Vec::<String>::new()
        );
    }

    /// Protects one person across spellings of the given name ("Aleksey
    /// Navalny" is the gazetteer's Alexei Navalny) and keeps different
    /// given names apart (a short name one letter off is another name).
    #[test]
    fn transliterated_given_names() {
        assert!(transliterated("Alexei", "Aleksey"));
        assert!(transliterated("Sergei", "Sergey"));
        assert!(transliterated("Alexander", "Aleksandr"));
        assert!(transliterated("Dmitry", "Dmitri"));
        assert!(!transliterated("Mark", "Mary"));
        assert!(!transliterated("Hamza", "Osama"));
        assert!(!transliterated("Volodymyr", "Vladimir"));
        assert!(!transliterated("Daniel", "Danielle"));
        assert_eq!(
            mentions("Operatives poisoned Aleksey Navalny in Russia."),
            ["Aleksey Navalny=person/alexei-navalny", "Russia=state/RUS"]
        );
    }

    /// Protects capitals named inside another name: a document ("the
    /// Paris Agreement", "the Helsinki Final Act"), an institution or
    /// outlet ("University College London", "Voice of America"), and a
    /// currency ("US$"); the capital that acts and the one struck stay.
    #[test]
    fn capitals_inside_other_names() {
        assert_eq!(
            mentions(
                "They back the Paris Agreement, the Ottawa Convention and the Helsinki Final Act."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            mentions("A lecturer at University College London spoke to Voice of America."),
            Vec::<String>::new()
        );
        assert_eq!(
            mentions("Palm oil sold at US$473.60 a ton, the US said."),
            ["US=state/USA"]
        );
        assert_eq!(
            mentions("Moscow said it would respond after drones hit Moscow."),
            ["Moscow=state/RUS", "Moscow=state/RUS"]
        );
    }

    /// The names of the new (unknown) organisations found in `text`.
    fn orgs(text: &str) -> Vec<String> {
        mentions(text)
            .into_iter()
            .filter(|m| m.contains("=organization:"))
            .map(|m| m.split('=').next().unwrap_or("").to_string())
            .collect()
    }

    /// Protects people found by titles and name shape, with their roles.
    #[test]
    fn people_by_title_and_shape() {
        assert_eq!(
            mentions(
                "Last week, US special envoy Marta Kellerhals met with Russian President Vladimir Putin."
            ),
            [
                "US=state/USA",
                "Marta Kellerhals=person:Marta Kellerhals [special envoy]",
                "Russian=state/RUS",
                "Vladimir Putin=person/vladimir-putin [president]"
            ]
        );
    }

    /// The person names (unknown to the gazetteer) found in `text`.
    fn people(text: &str) -> Vec<String> {
        mentions(text)
            .into_iter()
            .filter_map(|m| m.split_once("=person:").map(|(n, _)| n.to_string()))
            .collect()
    }

    /// Protects issue 15's rule: a capitalised run is a person only on
    /// evidence; title-case phrases of programmes and topics never are.
    #[test]
    fn a_name_by_shape_alone_is_no_person() {
        assert_eq!(
            people("The two sides discussed Climate Crisis and Strategic Partnership Dialogue."),
            Vec::<String>::new()
        );
        assert_eq!(
            people("Strengthen European Security: the Executive Order takes effect."),
            Vec::<String>::new()
        );
    }

    /// Protects each kind of evidence that a run is a person's name.
    #[test]
    fn people_by_evidence() {
        // a given name
        assert_eq!(people("Then Leslie Okonjo spoke."), ["Leslie Okonjo"]);
        // a speech verb, an age, a person noun before or in apposition
        assert_eq!(people("\"No,\" said Tarek Haddadin."), ["Tarek Haddadin"]);
        assert_eq!(people("Ato Kebede, 45, was freed."), ["Ato Kebede"]);
        assert_eq!(people("It named activist Kyaw Min Yu."), ["Kyaw Min Yu"]);
        assert_eq!(
            people("The team's coach, Alireza Mehrabani, was proud."),
            ["Alireza Mehrabani"]
        );
        // listed with a person; named again by surname
        assert_eq!(
            people("It named activist Kyaw Min Yu, Naing Htut Aung and Sit Taing Aung."),
            ["Kyaw Min Yu", "Naing Htut Aung", "Sit Taing Aung"]
        );
        assert_eq!(
            people("Tarek Haddadin said so. Later Zuhair Haddadin arrived."),
            ["Tarek Haddadin", "Zuhair Haddadin"]
        );
        // one word after a kin noun
        assert_eq!(
            people("It designated his wife Polinka and son Pavlo."),
            ["Polinka", "Pavlo"]
        );
    }

    /// Protects demonyms after a regional qualifier ("Central American",
    /// `data/lexicon/region_qualifiers.txt`), which name no state, and a
    /// plural noun that is also a speech verb ("Gulf states met"), which
    /// makes no person of the name before it.
    #[test]
    fn regional_adjectives_name_no_state() {
        assert_eq!(
            mentions("Seven Central American countries and Latin American leaders met."),
            Vec::<String>::new()
        );
        assert_eq!(
            mentions("The bank and Central Foo states met American and South African officials."),
            ["American=state/USA", "South African=state/ZAF"]
        );
        assert_eq!(
            people("Then Tarek Haddadin states that he is free."),
            ["Tarek Haddadin"]
        );
    }

    /// Protects honorifics before a name in apposition to a title ("his
    /// Afghan counterpart, Mullah Mohammad Yaqoob", "the U.S. Ambassador to
    /// Venezuela, Dr. William Brownfield"): the title is still the name's.
    #[test]
    fn honorifics_after_an_apposed_title() {
        assert_eq!(
            mentions("Khawaja Asif and his Afghan counterpart, Mullah Mohammad Yaqoob, met."),
            [
                "Khawaja Asif=person/khawaja-muhammad-asif",
                "Afghan=state/AFG",
                "Mohammad Yaqoob=person/mohammad-yaqoob [counterpart]"
            ]
        );
        assert_eq!(
            mentions("The U.S. Ambassador to Venezuela, Dr. William Brownfield, spoke."),
            [
                "U.S.=state/USA",
                "Venezuela=state/VEN",
                "William Brownfield=person:William Brownfield [ambassador]"
            ]
        );
    }

    /// Protects ranks and callings kept out of names, and plural titles.
    #[test]
    fn ranks_are_not_names() {
        assert_eq!(
            people("Professor Greg Bartonov and Sergeant Edward N. Kanemoto spoke."),
            ["Greg Bartonov", "Edward N. Kanemoto"]
        );
        assert_eq!(
            people("Chief Operating Officer Leslie Marbury and Canal Administrator Vasquez met."),
            ["Leslie Marbury", "Vasquez"]
        );
        assert_eq!(
            people("Then Monica P. Medinova met Republican Kevin McCarthyson."),
            ["Monica P. Medinova", "Kevin McCarthyson"]
        );
        assert_eq!(
            people("Italian Prime Ministers Giulio Amatore and Lamberto Dinelli came."),
            ["Giulio Amatore", "Lamberto Dinelli"]
        );
    }

    /// Protects features named after a state ("the Jordan River", "the
    /// Congo Basin", "Georgia Tech"): no node for the state, nor a person
    /// for the feature; a region's own valley and a river the gazetteer
    /// names stay.
    #[test]
    fn features_named_after_a_state_are_not_the_state() {
        for text in [
            "Settlers moved into the Jordan Valley.",
            "Troops reached the Jordan River.",
            "Funds protect the Congo Basin forests.",
            "He spoke at Georgia Tech on Monday.",
            "Delta Airlines flew them out.",
        ] {
            let found = mentions(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // A region's own valley, an ocean's basin and a named river stay.
        let found = mentions("Protests in the Kashmir Valley spread to the Atlantic Basin.");
        assert!(
            found.iter().any(|m| m.starts_with("Kashmir="))
                && found.iter().any(|m| m.starts_with("Atlantic=")),
            "{found:?}"
        );
        let found = mentions("Jordan said the Dnipro River rose.");
        assert!(
            found.iter().any(|m| m.starts_with("Jordan="))
                && found.iter().any(|m| m.starts_with("Dnipro River=")),
            "{found:?}"
        );
    }

    /// Protects places kept out of longer names: a one-word place before
    /// the head of another name, a head word inside a longer name; a
    /// weekday after a name ends it.
    #[test]
    fn places_inside_longer_names_are_no_places() {
        let found = mentions("He read the Jeddah Declaration and the Unity Agenda.");
        assert!(found.iter().all(|m| !m.contains("region")), "{found:?}");
        let found = mentions("He told Agence France-Presse that U.S.-Japan ties held.");
        assert!(
            found.iter().all(|m| !m.contains("FRA")) && found.iter().any(|m| m.contains("JPN")),
            "{found:?}"
        );
        let found = mentions("Senator Van Hollen spoke.");
        assert!(found.iter().all(|m| !m.contains("region")), "{found:?}");
        let found = mentions("The Biden Administration agreed.");
        assert!(found.iter().all(|m| !m.contains("person")), "{found:?}");
        let found = mentions("The truce may not apply to Rakhine State.");
        assert!(found.iter().any(|m| m.contains("region")), "{found:?}");
        let found = mentions("They back the Eastern Tropical Pacific Marine Corridor.");
        assert!(found.iter().all(|m| !m.contains("region")), "{found:?}");
        let found = mentions("They toured the Ohio-class submarine USS Maryland.");
        assert!(found.iter().all(|m| !m.contains("region")), "{found:?}");
        let found = mentions("Shelling hit Russian-controlled Donetsk and Eastern Ghouta.");
        assert!(found.iter().any(|m| m.starts_with("Donetsk=")), "{found:?}");
        let found = mentions("Wards opened at Leulumoega District Hospital.");
        assert!(found.iter().all(|m| !m.contains("region")), "{found:?}");
        let found = mentions("A missile was fired at Shayrat Airfield Saturday.");
        assert!(
            found.iter().any(|m| m.starts_with("Shayrat Airfield=")),
            "{found:?}"
        );
        // Issue 15: a place after "of" behind an organisation's head word.
        let found = mentions("They represent University of Arizona and the University of Texas.");
        assert!(found.iter().all(|m| !m.contains("region")), "{found:?}");
        let found = mentions("The Bank of Russia raised rates.");
        assert!(found.iter().any(|m| m.contains("state/RUS")), "{found:?}");
        // A place that is a given name, its next word used again alone.
        assert_eq!(
            people("A Serb politician, Milan Radoicic, spoke. Radoicic, who resigned, fled."),
            ["Milan Radoicic"]
        );
        let found = mentions("Talks in Milan Cathedral ended. Cathedral bells rang.");
        assert!(found.iter().any(|m| m.starts_with("Milan=")), "{found:?}");
        assert_eq!(
            people("It recalled the shooting in Oak Creek, Wisconsin, in 2012."),
            Vec::<String>::new()
        );
        let found = mentions("It works with Pacific nations in the Pacific region.");
        assert!(found.iter().all(|m| !m.contains("region")), "{found:?}");
        // The ocean named in full is a place; its one-word name alone is a
        // broad area, no node, as "Europe" is ("the Pacific as a whole",
        // "Latin America and the Caribbean", "Pacific Islander").
        let found = mentions("Ships sailed into the Pacific Ocean to deter them.");
        assert!(found.iter().any(|m| m.contains("region")), "{found:?}");
        assert_eq!(
            mentions("Ships sailed into the Pacific and the Caribbean."),
            Vec::<String>::new()
        );
        // After a compass word the sea's name is the sea's part, even
        // before "region".
        let found = mentions("Rivals meet in the Eastern Mediterranean region.");
        assert!(found.iter().any(|m| m.contains("region")), "{found:?}");
        let found = mentions("They held talks at King\u{2019}s Bay Naval Base in Georgia.");
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("King\u{2019}s Bay Naval Base=region:")),
            "{found:?}"
        );
        let found = mentions("Forest Research Institute Director Ane Alencar spoke.");
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("Forest Research Institute=")),
            "{found:?}"
        );
    }

    /// Protects organisations named with a head word: through "of"/"for",
    /// with a demonym or "&" in front, company suffixes; an organ word after
    /// the demonym keeps the state's organ.
    /// Protects organisations named by a noun beside them (apposition, a
    /// noun before, a list after a plural) and by a company's legal suffix
    /// ("Co. Ltd.", "Pte. Ltd.", ", Inc."), and what is none: a person's
    /// description, a list item before a description, a name holding a
    /// plural noun ("Htoo Group of Companies").
    #[test]
    fn issue15h_organisations_by_context_and_suffix() {
        // Every row of data/lexicon/org_nouns.tsv says a known place.
        assert!(g().lexicon.org_nouns.values().all(|&b| b != 0));
        assert_eq!(g().lexicon.org_nouns.len(), 15);
        assert_eq!(
            orgs(
                "German firms including Deutsche Bahn, Deutsche Telekom, Daimler, and Siemens left Iran."
            ),
            ["Deutsche Bahn", "Deutsche Telekom", "Daimler"]
        );
        assert_eq!(
            orgs(
                "He and four companies in his network, Iran-based Jestar Sanat Delijan, Sina Delijan Company, and P.B. Sadr Company, were named."
            ),
            [
                "Jestar Sanat Delijan",
                "Sina Delijan Company",
                "P.B. Sadr Company"
            ]
        );
        assert_eq!(
            orgs(
                "It works with Esri, a leading geographic information systems company, and others."
            ),
            ["Esri"]
        );
        assert_eq!(
            orgs(
                "The Greek gas producer Energean sold gas to the construction firm McKissack and McKissack."
            ),
            ["Energean", "McKissack and McKissack"]
        );
        assert_eq!(
            orgs(
                "They named Everwin Ship Management Pte. Ltd. and Golden Warrior Shipping, Co. Ltd. today."
            ),
            [
                "Everwin Ship Management Pte. Ltd.",
                "Golden Warrior Shipping, Co. Ltd."
            ]
        );
        assert_eq!(
            orgs("The award went to Caddell Construction Company, LLC of Montgomery, Alabama."),
            ["Caddell Construction Company, LLC"]
        );
        assert_eq!(
            orgs("He met Jane Smith, a former company director."),
            Vec::<String>::new()
        );
        assert_eq!(
            orgs("Whether you are Foreign Service, Civil Service, a contractor, or staff."),
            Vec::<String>::new()
        );
        assert_eq!(
            orgs("The companies he controlled, Concord Management and Consulting LLC, paid."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn organisations_by_head() {
        assert_eq!(
            orgs(
                "The Estonian Institute of Human Rights and the Tunisian League for the Defence of Human Rights spoke."
            ),
            [
                "Estonian Institute of Human Rights",
                "Tunisian League for the Defence of Human Rights"
            ]
        );
        assert_eq!(
            orgs("It named Myanmar Chemical & Machinery Company Limited."),
            ["Myanmar Chemical & Machinery Company Limited"]
        );
        assert_eq!(
            orgs("The Russian Security Council met."),
            Vec::<String>::new()
        );
        // Issue 15: back through "of"/"for"; head words alone, a
        // description after "a", a numbered unit and a determiner name
        // nothing.
        assert_eq!(
            orgs("It named International Gateways Groups of Company Limited (IGG)."),
            ["International Gateways Groups of Company Limited"]
        );
        assert_eq!(
            orgs("He was airlifted by Berlin non-profit Cinema for Peace Foundation."),
            ["Cinema for Peace Foundation"]
        );
        assert_eq!(
            orgs("The United States will launch a Working Group soon."),
            Vec::<String>::new()
        );
        assert_eq!(
            orgs(
                "Mexico sent the National Migration Institute and the Presidential Leadership Council."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            orgs("They renew the Compact of Free Association."),
            Vec::<String>::new()
        );
        assert_eq!(
            orgs("He met the Syrian National Council."),
            ["Syrian National Council"]
        );
        assert_eq!(
            orgs("He advised the 11th Airborne Battalion in 1972."),
            Vec::<String>::new()
        );
        assert_eq!(
            orgs("He said: \"No Coalition troops were injured.\""),
            Vec::<String>::new()
        );
    }

    /// Issue 15: a place after a capitalised title is the holder's name; a
    /// compass district needs its state; a head-named name is whole or
    /// none ("Technology Council" is cut from "Trade and Technology
    /// Council"); a central bank is the state's organ.
    #[test]
    fn issue15_places_and_organisations_whole() {
        assert_eq!(
            mentions("Foreign Minister Tete Antonio met Assistant Secretary Medina."),
            [
                "Tete Antonio=person:Tete Antonio [foreign minister]",
                "Medina=person:Medina [assistant secretary]"
            ]
        );
        assert_eq!(
            mentions("The Northern District of California sued."),
            ["California=region/US-CA"]
        );
        assert_eq!(
            mentions("They co-chair the Trade and Technology Council."),
            Vec::<String>::new()
        );
        assert_eq!(
            mentions("United States District Judge Clark Waddoups ruled."),
            [
                "United States=state/USA",
                "Clark Waddoups=person:Clark Waddoups"
            ]
        );
        // The islands' countries are the Pacific Islands region.
        assert_eq!(
            mentions("It helps Pacific Island nations."),
            ["Pacific Island=region/pacific-islands"]
        );
        assert_eq!(
            mentions("He heads the Central Bank of Yemen."),
            ["Yemen=state/YEM"]
        );
        assert_eq!(
            mentions("It joined the Salafist Group for Preaching and Combat on Monday."),
            [
                "Salafist Group for Preaching and Combat=organization:Salafist Group for Preaching and Combat"
            ]
        );
    }

    /// Issue 15: in a headline, "Statement", "Remarks", "Readout" and
    /// "Fact Sheet" after a name end it; the name before them is the person.
    #[test]
    fn issue15_headline_words_end_a_name() {
        let headline = |h: &str, body: &str| {
            let text = format!("{h}\n{body}");
            let doc = analyze(&text, &g().lexicon.abbreviations);
            let cues = g().lexicon.find_cues(&text);
            find_with_cues(
                &text,
                &doc,
                g(),
                &cues,
                &g().lexicon.find_titles(&text),
                h.len(),
            )
            .iter()
            .map(|m| {
                let what = what(m);
                format!("{}={what}", &text[m.start..m.end])
            })
            .collect::<Vec<_>>()
        };
        assert_eq!(
            headline(
                "President Biden Statement on the Truce",
                "I welcome the truce. Biden said so."
            ),
            ["Biden=person/joe-biden", "Biden=person/joe-biden"]
        );
        assert_eq!(
            headline(
                "Vice President Harris Remarks at the Summit",
                "Harris spoke today."
            ),
            ["Harris=person:Harris"]
        );
        // Gerunds and travel nouns of a headline end the name too.
        assert_eq!(
            headline(
                "Statement by Spokesperson Adrienne Watson Welcoming the Truce",
                "Watson said so."
            ),
            ["Adrienne Watson=person:Adrienne Watson"]
        );
        assert_eq!(
            headline(
                "Special Advisor Christopher Dodd Travel to Barbados",
                "Dodd will meet leaders."
            ),
            [
                "Christopher Dodd=person:Christopher Dodd",
                "Barbados=state/BRB"
            ]
        );
        // A picture's maker is no node.
        assert_eq!(
            headline(
                "Protest in London",
                "Marchers. Image: Andrew Gray. Children. Photo by Garry Knight."
            ),
            ["London=state/GBR"]
        );
        // Issue 15 (articles 400-800 of the corpus): a headline verb after
        // a titled name ("... Jenkins Travels to Vienna") is no name word.
        assert_eq!(
            headline(
                "Under Secretary Bonnie D. Jenkins Travels to Vienna",
                "Under Secretary Bonnie D. Jenkins will travel to Vienna."
            ),
            [
                "Bonnie D. Jenkins=person:Bonnie D. Jenkins",
                "Vienna=state/AUT",
                "Bonnie D. Jenkins=person:Bonnie D. Jenkins",
                "Vienna=state/AUT"
            ]
        );
    }

    /// Issue 15 (issue15f): East Asian names against gazetteer aliases, a
    /// capitalised "Acting" kept out of names, "of STATE" inside an
    /// organisation's name, and the state of an "acting" title.
    #[test]
    fn issue15f_names_titles_and_of_state() {
        assert_eq!(
            mentions("First Vice Foreign Minister Cho Hyun-dong spoke."),
            ["Cho Hyun-dong=person:Cho Hyun-dong [first vice foreign minister]"]
        );
        assert_eq!(
            mentions("Vice Foreign Minister Abe Takeo spoke."),
            ["Abe Takeo=person:Abe Takeo [vice foreign minister]"]
        );
        assert_eq!(
            mentions("Prosper Africa Acting Chief Operating Officer Leslie Marbury spoke."),
            ["Leslie Marbury=person:Leslie Marbury [chief operating officer]"]
        );
        assert_eq!(
            mentions("They sanctioned the Commercial Bank of Ethiopia."),
            ["Commercial Bank of Ethiopia=organization:Commercial Bank of Ethiopia"]
        );
        assert_eq!(
            mentions("He met Armenia's acting Prime Minister Nikol Pashinyan."),
            [
                "Armenia=state/ARM",
                "Nikol Pashinyan=person/nikol-pashinyan [prime minister]"
            ]
        );
    }

    /// Protects coordinated plural heads.
    #[test]
    fn coordinated_regions() {
        let found = mentions(
            "recognizing the Donetsk and Lugansk People\u{2019}s Republics as part of Russia",
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("Donetsk="), "{found:?}");
        assert!(
            found[1].starts_with("Lugansk People\u{2019}s Republics="),
            "{found:?}"
        );
    }
}
