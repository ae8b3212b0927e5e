//! The graph's vocabulary: node kinds and edge types of `ONTOLOGY.md`.
//!
//! Every other module speaks in these types; their string forms are the ones
//! the ontology, the database and every export use.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// The kind of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A named human being.
    Person,
    /// A sovereign or de facto state, with its government and metonyms.
    State,
    /// A named place that is not a sovereign state.
    Region,
    /// A bloc, alliance or intergovernmental organisation.
    Alliance,
    /// Any other named group with political agency.
    Organization,
}

impl Kind {
    /// All kinds, in a fixed order.
    pub const ALL: [Kind; 5] = [
        Kind::Person,
        Kind::State,
        Kind::Region,
        Kind::Alliance,
        Kind::Organization,
    ];

    /// The ontology's name for this kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::State => "state",
            Kind::Region => "region",
            Kind::Alliance => "alliance",
            Kind::Organization => "organization",
        }
    }
}

/// The type of an edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeType {
    /// Met, held talks, spoke by phone (symmetric).
    MetWith,
    /// Travelled to a place or state.
    Visited,
    /// Asserts sovereignty or control over territory.
    Claims,
    /// Opposes, rejects, condemns, criticises.
    Opposes,
    /// Backs, endorses, aids, arms.
    Supports,
    /// Accuses or blames.
    Accuses,
    /// Threatens.
    Threatens,
    /// Imposes sanctions, embargoes, export bans.
    Sanctions,
    /// Uses force against.
    Attacks,
    /// Signs an agreement, cooperates, holds joint exercises (symmetric).
    CooperatesWith,
    /// Is a member of, or joined, an alliance.
    MemberOf,
    /// Holds an official role for a state, region, alliance or organisation.
    Represents,
}

impl EdgeType {
    /// All edge types, in a fixed order.
    pub const ALL: [EdgeType; 12] = [
        EdgeType::MetWith,
        EdgeType::Visited,
        EdgeType::Claims,
        EdgeType::Opposes,
        EdgeType::Supports,
        EdgeType::Accuses,
        EdgeType::Threatens,
        EdgeType::Sanctions,
        EdgeType::Attacks,
        EdgeType::CooperatesWith,
        EdgeType::MemberOf,
        EdgeType::Represents,
    ];

    /// The ontology's name for this type.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeType::MetWith => "met-with",
            EdgeType::Visited => "visited",
            EdgeType::Claims => "claims",
            EdgeType::Opposes => "opposes",
            EdgeType::Supports => "supports",
            EdgeType::Accuses => "accuses",
            EdgeType::Threatens => "threatens",
            EdgeType::Sanctions => "sanctions",
            EdgeType::Attacks => "attacks",
            EdgeType::CooperatesWith => "cooperates-with",
            EdgeType::MemberOf => "member-of",
            EdgeType::Represents => "represents",
        }
    }

    /// Symmetric types are stored with their ends in a canonical order.
    pub fn is_symmetric(self) -> bool {
        matches!(self, EdgeType::MetWith | EdgeType::CooperatesWith)
    }

    /// Whether an edge of this type may go from a node of kind `source` to
    /// one of kind `target` (ONTOLOGY.md's meaning of each type). Every type
    /// states its rule; a region acts only by being met (a self-declared
    /// republic's talks).
    pub fn joins(self, source: Kind, target: Kind) -> bool {
        use Kind::*;
        let actor = |k: Kind| matches!(k, Person | State | Alliance | Organization);
        match self {
            EdgeType::MetWith | EdgeType::CooperatesWith => actor(source) && actor(target),
            EdgeType::Visited => actor(source) && matches!(target, Region | State),
            EdgeType::Claims => match source {
                Person => target == Region,
                State | Alliance | Organization => matches!(target, Region | State),
                Region => false,
            },
            EdgeType::MemberOf => actor(source) && matches!(target, Alliance | Organization),
            EdgeType::Accuses => actor(source) && actor(target),
            EdgeType::Represents => source == Person && target != Person,
            EdgeType::Opposes
            | EdgeType::Supports
            | EdgeType::Threatens
            | EdgeType::Sanctions
            | EdgeType::Attacks => actor(source),
        }
    }

    /// Conflict edges are drawn apart from cooperative ones.
    pub fn is_conflict(self) -> bool {
        matches!(
            self,
            EdgeType::Opposes
                | EdgeType::Accuses
                | EdgeType::Threatens
                | EdgeType::Sanctions
                | EdgeType::Attacks
        )
    }
}

/// The CAMEO event coding of an edge type (`docs/EVENTS.md` gives the
/// reasons for each choice): the event code, its two-digit root and the
/// GDELT quad class (1 verbal cooperation, 2 material cooperation, 3 verbal
/// conflict, 4 material conflict).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cameo {
    /// The CAMEO event code ("040", "163").
    pub code: &'static str,
    /// Its root, the first two digits ("04", "16").
    pub root: &'static str,
    /// The quad class, 1 to 4.
    pub quad: u8,
}

impl EdgeType {
    /// The CAMEO code, root and quad class this type is written with in
    /// `export --format events`. CAMEO has no event for a claim to
    /// territory, a membership or an office; those choices are argued in
    /// `docs/EVENTS.md`.
    pub fn cameo(self) -> Cameo {
        let (code, quad) = match self {
            EdgeType::MetWith => ("040", 1),
            EdgeType::Visited => ("042", 1),
            EdgeType::Claims => ("100", 3),
            EdgeType::Opposes => ("110", 3),
            EdgeType::Supports => ("051", 1),
            EdgeType::Accuses => ("112", 3),
            EdgeType::Threatens => ("130", 3),
            EdgeType::Sanctions => ("163", 4),
            EdgeType::Attacks => ("190", 4),
            EdgeType::CooperatesWith => ("057", 1),
            EdgeType::MemberOf => ("050", 1),
            EdgeType::Represents => ("010", 1),
        };
        Cameo {
            code,
            root: code.get(..2).unwrap_or(code),
            quad,
        }
    }

    /// Whether an edge of this type is an event for the events export: an
    /// office (`represents`) is a fact about an actor, which CAMEO codes in
    /// the actor code ("RUSGOV"), not an event.
    pub fn is_event(self) -> bool {
        self != EdgeType::Represents
    }
}

/// A word that names no kind or edge type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{value}' (expected one of: {expected})")]
pub struct UnknownName {
    /// "kind" or "edge type".
    pub what: &'static str,
    /// What was given.
    pub value: String,
    /// The accepted names, comma-separated.
    pub expected: String,
}

impl FromStr for Kind {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded = s.trim().to_ascii_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| {
                k.as_str() == folded || (folded == "organisation" && *k == Kind::Organization)
            })
            .ok_or_else(|| UnknownName {
                what: "kind",
                value: s.to_string(),
                expected: Kind::ALL.map(Kind::as_str).join(", "),
            })
    }
}

impl FromStr for EdgeType {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded = s.trim().to_ascii_lowercase().replace('_', "-");
        EdgeType::ALL
            .into_iter()
            .find(|t| t.as_str() == folded)
            .ok_or_else(|| UnknownName {
                what: "edge type",
                value: s.to_string(),
                expected: EdgeType::ALL.map(EdgeType::as_str).join(", "),
            })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for EdgeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for EdgeType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Folds a name for comparison: Unicode lowercase, curly quotes and dashes
/// made plain, whitespace collapsed, a leading "the " and a trailing "'s"
/// dropped. The same folding as the evaluation scorer.
pub fn fold(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' => s.push('\''),
            '\u{201c}' | '\u{201d}' => s.push('"'),
            '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}' => s.push('-'),
            c => s.extend(c.to_lowercase()),
        }
    }
    let mut s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(rest) = s.strip_prefix("the ") {
        s = rest.to_string();
    }
    if let Some(rest) = s.strip_suffix("'s") {
        s = rest.to_string();
    }
    s
}

/// Strips the diacritics of Latin letters ("Chávez" -> "Chavez",
/// "Erdoğan" -> "Erdogan"), keeping everything else; news writes names
/// both ways.
pub fn strip_diacritics(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
            'ç' | 'ć' | 'č' => 'c',
            'Ç' | 'Ć' | 'Č' => 'C',
            'ď' | 'đ' => 'd',
            'Ď' | 'Đ' => 'D',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
            'ğ' => 'g',
            'Ğ' => 'G',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' | 'Ī' | 'İ' | 'Į' => 'I',
            'ł' => 'l',
            'Ł' => 'L',
            'ñ' | 'ń' | 'ň' => 'n',
            'Ñ' | 'Ń' | 'Ň' => 'N',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' | 'Ō' | 'Ő' => 'O',
            'ř' => 'r',
            'Ř' => 'R',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'Ś' | 'Š' | 'Ş' | 'Ș' => 'S',
            'ť' | 'ţ' | 'ț' => 't',
            'Ť' | 'Ţ' | 'Ț' => 'T',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
            'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => 'U',
            'ý' | 'ÿ' => 'y',
            'Ý' | 'Ÿ' => 'Y',
            'ź' | 'ž' | 'ż' => 'z',
            'Ź' | 'Ž' | 'Ż' => 'Z',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects the kind rules every extractor pass relies on: a region
    /// never acts, only people represent, only alliances and organisations
    /// have members, and only places are visited or claimed.
    #[test]
    fn joins_follows_the_ontology() {
        use Kind::*;
        for t in EdgeType::ALL {
            for k in Kind::ALL {
                assert!(!t.joins(Region, k), "{t} from a region to {k:?}");
            }
        }
        let allowed: Vec<(EdgeType, Kind, Kind)> = EdgeType::ALL
            .iter()
            .flat_map(|&t| {
                Kind::ALL
                    .iter()
                    .flat_map(move |&s| Kind::ALL.iter().map(move |&o| (t, s, o)))
            })
            .filter(|&(t, s, o)| t.joins(s, o))
            .collect();
        let count = |t: EdgeType| allowed.iter().filter(|a| a.0 == t).count();
        // Four actor kinds on each side.
        assert_eq!(count(EdgeType::MetWith), 16);
        assert_eq!(count(EdgeType::Accuses), 16);
        // Actors to a region or a state.
        assert_eq!(count(EdgeType::Visited), 8);
        // A person claims only regions; states, alliances, organisations claim regions or states.
        assert_eq!(count(EdgeType::Claims), 7);
        assert_eq!(count(EdgeType::MemberOf), 8);
        assert_eq!(count(EdgeType::Represents), 4);
        // Conflict and support edges may land on any kind, a region included.
        assert_eq!(count(EdgeType::Attacks), 20);
        assert!(EdgeType::Represents.joins(Person, Region));
        assert!(!EdgeType::Represents.joins(State, State));
        assert!(!EdgeType::Visited.joins(Person, Person));
    }

    /// Protects the round trip between names and types used by the CLI and store.
    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
        }
        for t in EdgeType::ALL {
            assert_eq!(t.as_str().parse::<EdgeType>(), Ok(t));
        }
        assert!("alliances".parse::<Kind>().is_err());
        assert_eq!("MET_WITH".parse::<EdgeType>(), Ok(EdgeType::MetWith));
    }

    /// Protects the CAMEO table of docs/EVENTS.md: every type has a code
    /// whose root is its first two digits, quad classes follow GDELT's
    /// split of the roots (01-05 verbal cooperation, 06-09 material
    /// cooperation, 10-14 verbal conflict, 15-20 material conflict), and
    /// conflict types are conflict quads.
    #[test]
    fn cameo_codes_follow_gdelt_quads() {
        for t in EdgeType::ALL {
            let c = t.cameo();
            assert_eq!(c.code.len(), 3, "{t}");
            assert!(c.code.starts_with(c.root), "{t}");
            let root: u8 = c.root.parse().unwrap();
            let quad = match root {
                1..=5 => 1,
                6..=9 => 2,
                10..=14 => 3,
                _ => 4,
            };
            assert_eq!(c.quad, quad, "{t}");
            assert_eq!(t.is_conflict(), c.quad >= 3 && t != EdgeType::Claims, "{t}");
        }
        assert_eq!(EdgeType::Sanctions.cameo().code, "163");
        assert!(!EdgeType::Represents.is_event());
    }

    /// Protects name folding, which must agree with the scorer's.
    #[test]
    fn folding_matches_scorer() {
        assert_eq!(fold("The  Kremlin"), "kremlin");
        assert_eq!(fold("People\u{2019}s Republic"), "people's republic");
        assert_eq!(fold("Ukraine's"), "ukraine");
    }
}
