//! Loads `data/` (entities, aliases, roles, members and the lexicons) once
//! and compiles it into Aho-Corasick automata.
//!
//! Invariants: every alias that names two entities is listed as ambiguous
//! (else loading fails); every reference (`part_of`, member, role holder)
//! names a loaded entity; matching is leftmost-longest on word boundaries
//! and never allocates per match.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::path::Path;
use std::sync::OnceLock;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

use crate::ontology::{EdgeType, Kind, fold};
use crate::text::Abbreviations;

/// Why `data/` or a user gazetteer could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A row is malformed.
    #[error("{path}:{line}: {message}")]
    Row {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// The automaton could not be built.
    #[error("cannot compile the gazetteer matcher: {0}")]
    Build(String),
}

/// Index of an entity in the gazetteer.
pub type EntityIdx = u32;

/// One known entity.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Stable id, `KIND/KEY`.
    pub id: String,
    /// Node kind.
    pub kind: Kind,
    /// Common English name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Containing entity (a region's state).
    pub part_of: Option<EntityIdx>,
    /// Wikidata QID.
    pub qid: Option<String>,
    /// For a capital city: its state.
    pub capital_of: Option<EntityIdx>,
}

/// How a surface form names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FormClass {
    /// A name or alias.
    Name,
    /// A demonym or adjective ("Russian").
    Demonym,
    /// A building or organ that always stands for its state ("Kremlin").
    Organ,
    /// A capital: the state when it acts, the city when it is a place.
    Capital,
}

/// One reading of a surface form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The entity.
    pub entity: EntityIdx,
    /// How the form names it.
    pub class: FormClass,
}

/// A compiled surface form.
#[derive(Clone, Debug)]
struct Form {
    text: String,
    /// Only this exact case matches (acronyms such as "US").
    exact: bool,
    /// The text must start with a capital letter.
    capital: bool,
    readings: Vec<Reading>,
}

/// A gazetteer match in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match<'g> {
    /// Byte offset.
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// All readings, the preferred first.
    pub readings: &'g [Reading],
}

/// An office held by a person.
#[derive(Clone, Debug)]
pub struct Role {
    /// The office holder.
    pub person: EntityIdx,
    /// Lowercase title ("president").
    pub role: String,
    /// The state, alliance or organisation.
    pub of: EntityIdx,
    /// First day, `YYYY-MM-DD` or `YYYY`.
    pub start: Option<String>,
    /// Last day; `None` while in office.
    pub end: Option<String>,
}

/// Membership of a state in an alliance.
#[derive(Clone, Debug)]
pub struct Membership {
    /// The alliance.
    pub alliance: EntityIdx,
    /// The member.
    pub member: EntityIdx,
    /// Date joined.
    pub joined: Option<String>,
    /// Date left.
    pub left: Option<String>,
}

/// How a relation cue is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueForm {
    /// SOURCE cue TARGET (and the passive).
    Verb,
    /// SOURCE ('s) cue TARGET, a nominal.
    Noun,
    /// cue A and B: every pair.
    Between,
    /// recognise A as part of C: C claims A.
    PartOf,
    /// Like `Verb`, with the edge both ways ("A and B fought").
    Mutual,
    /// Like `Between`, with the edge both ways ("clashes between A and B").
    BetweenMutual,
    /// A verb whose object is a state's envoy: "summoned the Russian
    /// ambassador" (SOURCE opposes Russia); the envoy nouns are in
    /// `data/lexicon/envoys.txt`.
    Envoy,
    /// Glued to its source: "Iran-backed Houthis".
    Suffix,
    /// A nominal whose agent follows: "attacks from Russia", "bombings by Sudan".
    Agent,
    /// A nominal after a hyphenated pair: "U.S.-UK cooperation".
    Pair,
    /// The names after the cue belong to the one before it: "the alliance,
    /// made up of A, B and C" (A, B, C member-of the alliance).
    Members,
    /// A verb of giving whose first object is the recipient and whose
    /// second is an amount: "provided Ukraine $1 billion" (SOURCE supports
    /// Ukraine); no amount, no edge.
    Dative,
}

impl CueForm {
    /// The form's name in `cues.tsv`.
    pub fn as_str(self) -> &'static str {
        match self {
            CueForm::Verb => "verb",
            CueForm::Noun => "noun",
            CueForm::Between => "between",
            CueForm::PartOf => "part-of",
            CueForm::Mutual => "mutual",
            CueForm::BetweenMutual => "between-mutual",
            CueForm::Envoy => "envoy",
            CueForm::Dative => "dative",
            CueForm::Suffix => "suffix",
            CueForm::Agent => "agent",
            CueForm::Pair => "pair",
            CueForm::Members => "members",
        }
    }
}

/// A noun of `data/lexicon/partner_nouns.tsv`: the edge it states, and
/// whether the edge starts from the owner ("Russia's proxy") or from the
/// one described ("Hezbollah's patron").
#[derive(Debug, Clone, Copy)]
pub struct PartnerNoun {
    /// The edge type the noun states.
    pub edge: EdgeType,
    /// The edge starts from the owner (else from the one described).
    pub from_owner: bool,
}

/// A relation cue.
#[derive(Clone, Debug)]
pub struct Cue {
    /// Edge type.
    pub edge: EdgeType,
    /// How to read it.
    pub form: CueForm,
    /// Number of words.
    pub words: usize,
    /// For "launched ... at": the word that closes the cue within a few
    /// words ("at"), lowercase.
    pub tail: Option<String>,
    /// The cue as written in `cues.tsv`, lowercase: rule names cite it.
    pub text: String,
}

/// A word that makes a cue negated or hypothetical.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    /// "not", "never": the event did not happen.
    Negation,
    /// "could", "if": the event may happen.
    Hypothetical,
    /// "wants", "seeks": someone wishes the event; it reaches back over the
    /// event's own subject ("X wants Y to attack Z").
    Desire,
    /// "lift", "ease", "end": the event is being undone ("agreed to lift the
    /// sanctions on Y").
    Reversal,
    /// "against" before a cue: the event is advised or argued against
    /// ("advised against travel to Y").
    Warning,
    /// "prevent", "deter": the event is what a purpose clause keeps from
    /// happening ("to prevent X from threatening Y"); it reaches back like
    /// a desire.
    Purpose,
    /// "waver", "hesitate": a negation right before it asserts the event
    /// ("will not waver in its support for Y"); alone it does nothing.
    Hesitation,
    /// "urged", "encouraged", "called" (with "for"): a call for the event
    /// that the nominal right after it (only modifiers between) names
    /// ("called for dialogue between A and B", "urged new sanctions on
    /// Y"): the event is wished, not asserted.
    Exhortation,
    /// "thank", "congratulate": a speech act that the wish before it
    /// performs ("I want to thank X", "I would like to congratulate Y"), so
    /// the wish flags nothing; alone it does nothing.
    Performative,
}

impl Modality {
    /// The event did not happen or is being undone.
    pub fn negates(self) -> bool {
        matches!(
            self,
            Modality::Negation | Modality::Reversal | Modality::Warning
        )
    }

    /// The word governs the whole conjunct, the event's subject included.
    pub fn spans_clause(self) -> bool {
        matches!(self, Modality::Desire | Modality::Purpose)
    }
}

/// The lexicons of `data/lexicon`.
#[derive(Debug)]
pub struct Lexicon {
    /// Sentence-splitting exceptions.
    pub abbreviations: Abbreviations,
    /// Honorifics, lowercase, without dots.
    pub honorifics: HashSet<String>,
    /// Words never part of a person's name, lowercase.
    pub nonname: HashSet<String>,
    /// Words naming organs of a state, lowercase.
    pub organs: HashSet<String>,
    /// Negation and modality words, lowercase.
    pub modality: HashMap<String, Modality>,
    /// Verbs, lowercase, with class ("speech", "act").
    pub verbs: HashMap<String, String>,
    /// Words of meetings of several parties, lowercase, with class
    /// ("gathering", "separate", "attend", "hold", "joint", "with", "gap",
    /// "participants", "around").
    pub gatherings: HashMap<String, String>,
    /// The gathering nouns of `gatherings` (few: scanned per token without
    /// hashing), each with whether it is `separate`.
    pub gathering_nouns: Vec<(String, bool)>,
    /// First bytes of the gathering nouns: most words are ruled out by one
    /// look-up.
    pub gathering_first: [bool; 256],
    /// Titles, by index of the title matcher's pattern: the role shown.
    pub titles: Vec<String>,
    /// The first word of every title, lowercase: a word that is none of
    /// these starts no title.
    pub title_first_words: HashSet<String>,
    titles_matcher: AhoCorasick,
    /// Words that condemn ("irresponsible", "threat"), lowercase.
    pub evaluative: HashSet<String>,
    /// Ship-name prefixes ("USS"), as written.
    pub vessel_prefixes: HashSet<String>,
    /// Headline words that end a name before them ("Biden Statement"),
    /// lowercase.
    pub headline_words: HashSet<String>,
    /// Words that finish an outlet's name after a place ("Post" in "the
    /// Washington Post"), as written.
    pub outlet_words: HashSet<String>,
    /// Words that start an outlet's name before a place, with their "of"
    /// ("Times of " in "the Times of India"), as written.
    pub outlet_prefixes: Vec<String>,
    /// Credits before a picture's maker ("Image:", "Photo by"), as written.
    pub credits: Vec<String>,
    /// Nouns that make a capitalised name beside them an organisation
    /// (`data/lexicon/org_nouns.tsv`): noun to where it says so, a set of
    /// `ORG_NOUN_AFTER`, `ORG_NOUN_BEFORE`, `ORG_NOUN_LIST` bits.
    pub org_nouns: HashMap<String, u8>,
    /// Nouns only a person is ("activist", "spokesperson", "son-in-law"),
    /// lowercase.
    pub person_nouns: HashSet<String>,
    /// Portfolios after "Minister of", lowercase ("foreign affairs").
    pub portfolios: HashSet<String>,
    /// The last words of the portfolios of two words or more ("affairs",
    /// "cooperation"), lowercase.
    pub portfolio_ends: HashSet<String>,
    /// Nouns that lead through "of" to a cue's target ("the leadership of
    /// Qatar"), lowercase.
    pub of_heads: HashSet<String>,
    /// Words that qualify an office before its title ("acting", "interim"),
    /// lowercase.
    pub title_modifiers: HashSet<String>,
    /// Words in "-ing" that describe a place before its name
    /// ("neighboring Ukraine"), lowercase: `data/lexicon/place_epithets.txt`.
    pub place_epithets: HashSet<String>,
    /// Words that open a counted description before a list of names
    /// ("three oligarchs: A, B and C"), lowercase.
    pub quantifiers: HashSet<String>,
    /// Plural nouns for the people acting for the bodies after "of"
    /// ("the leaders of A, B and C"): `data/lexicon/delegates.txt`.
    pub delegates: HashSet<String>,
    /// Nouns that take "with" as their own complement ("relationship
    /// with", "engagements with"): `data/lexicon/relational.txt`.
    pub relational: HashSet<String>,
    /// Verbs of a demand that names who is asked ("called on"), whose
    /// object opposes only before "to" and an act of `demand_acts`:
    /// `data/lexicon/demands.tsv`.
    pub demand_cues: HashSet<String>,
    /// Acts a demand asks to stop ("halt", "withdraw"), lowercase.
    pub demand_acts: HashSet<String>,
    /// Words between a hyphen-joined pair and its noun ("the U.S.-India
    /// strategic partnership"): `data/lexicon/pair_modifiers.txt`.
    pub pair_modifiers: HashSet<String>,
    /// What an attack hits inside a place ("struck targets in X"):
    /// `data/lexicon/target_nouns.txt`.
    pub target_nouns: HashSet<String>,
    /// Nouns for a state's envoys ("ambassador", "diplomats"):
    /// `data/lexicon/envoys.txt`.
    pub envoys: HashSet<String>,
    /// A spokesperson's titles ("spokesman", "press secretary"), whose
    /// holder speaks for the state that speaks around them:
    /// `data/lexicon/spokespeople.txt`.
    pub spokespeople: HashSet<String>,
    /// Irregular past participles ("taken", "made"), which stand like "-ed"
    /// forms between an act's noun and "by": `data/lexicon/participles.txt`.
    pub participles: HashSet<String>,
    /// Adverbial phrases that may stand between a verb cue and its object
    /// ("in the strongest terms"), each as lowercase words.
    pub adverbials: Vec<Vec<String>>,
    /// Continents and broad areas that end a portfolio ("for Asia Anjali
    /// Kaur"), each as lowercase words: `data/lexicon/continents.txt`.
    pub continents: Vec<Vec<String>>,
    /// Verbs that back what an "X-led" phrase names ("co-sponsored the
    /// EU-led resolution"): `data/lexicon/led_backing.txt`.
    pub led_backing: HashSet<String>,
    /// Participles of an act done together, before "by" and its agents
    /// ("brokered by A and B"): `data/lexicon/joint_agents.txt`.
    pub joint_agents: HashSet<String>,
    /// Nouns of backing after "with" ("with the support of X"), lowercase.
    pub backing: HashSet<String>,
    /// Headline openings of a statement in one person's voice ("statement
    /// by"), lowercase.
    pub statements: Vec<String>,
    /// Nouns of acts that an evaluative word condemns ("war", "influence").
    pub condemned_acts: HashSet<String>,
    /// Harms an actor "is responsible for": `data/lexicon/harms.txt`.
    pub harms: HashSet<String>,
    /// Nouns of a shared view ("agreed on the importance of"):
    /// `data/lexicon/views.txt`.
    pub views: HashSet<String>,
    /// Nouns of a war whose target may go unnamed ("Putin's war of
    /// choice"): `data/lexicon/war_nouns.txt`.
    pub war_nouns: HashSet<String>,
    /// Nouns of a violent act whose agent may stand before them as an
    /// adjective ("killed in an Israeli airstrike"): `data/lexicon/strikes.txt`.
    pub strikes: HashSet<String>,
    /// Verbs that make a violent act the subject's own ("launched an
    /// airstrike that killed X"): `data/lexicon/launch_verbs.txt`.
    pub launch_verbs: HashSet<String>,
    /// Nominal cues whose agent only a possessor names ("the United States'
    /// killing of X"): `data/lexicon/possessed_acts.txt`.
    pub possessed_acts: HashSet<String>,
    /// Words that make a head-named name a state's organ: the openers
    /// ("national") and the organ heads ("institute"), lowercase:
    /// `data/lexicon/organ_names.tsv`.
    pub organ_openers: HashSet<String>,
    /// See `organ_openers`.
    pub organ_heads: HashSet<String>,
    /// Organ heads that make a head-named name followed by "of" and a
    /// state that state's organ whatever opens it ("Sovereign Council of
    /// Sudan"), lowercase: the `of-state` rows of
    /// `data/lexicon/organ_names.tsv`.
    pub organ_of_state_heads: HashSet<String>,
    /// Words that open the name of an agreement, law or programme
    /// ("Compact of Free Association"), lowercase:
    /// `data/lexicon/instruments.txt`.
    pub instruments: HashSet<String>,
    /// Verbs of giving whose amount names aid ("has provided more than $11
    /// million"), lowercase: `data/lexicon/giving.txt`.
    pub giving: HashSet<String>,
    /// Things sent that are a message or a visit, not aid ("sent a letter
    /// to X"), lowercase: `data/lexicon/messages.txt`.
    pub messages: HashSet<String>,
    /// Verbs of answering an act ("would respond ... to any further Russian
    /// aggression"), lowercase: `data/lexicon/responses.txt`.
    pub responses: HashSet<String>,
    /// Verbs of thanks and praise whose object does the gerund after "for"
    /// ("thank X for providing"), lowercase: `data/lexicon/praise.txt`.
    pub praise: HashSet<String>,
    /// What a call is held to express towards the partner ("support",
    /// "condolences"): `data/lexicon/sympathy.txt`.
    pub sympathy: HashSet<String>,
    /// The verbs before it ("express", "offer"):
    /// `data/lexicon/sympathy_verbs.txt`.
    pub sympathy_verbs: HashSet<String>,
    /// People of a state who do not act for it ("refugees", "mothers"):
    /// `data/lexicon/civilians.txt`.
    pub civilians: HashSet<String>,
    /// Words that make a demonym after them a wider region's adjective
    /// ("Central American"), as written:
    /// `data/lexicon/region_qualifiers.txt`.
    pub region_qualifiers: HashSet<String>,
    /// What a war does beyond its victim ("the effects of"):
    /// `data/lexicon/spillover.txt`.
    pub spillover: HashSet<String>,
    /// What makes a use of force promised, a threat ("would", "vowed"):
    /// `data/lexicon/intents.txt`.
    pub intents: HashSet<String>,
    /// Nouns that a name before them qualifies as a group's head ("YPG
    /// militia"): `data/lexicon/group_nouns.txt`.
    pub group_nouns: HashSet<String>,
    /// Nouns for what is sent or supplied ("troops sent to Russia": the
    /// participle after one heads a reduced relative):
    /// `data/lexicon/transferred.txt`.
    pub transferred: HashSet<String>,
    /// Head words of unknown names and the kind they give, by pattern index.
    pub heads: Vec<Kind>,
    heads_matcher: AhoCorasick,
    /// Given names, lowercase: first names of the people the gazetteer
    /// knows and common given names (`data/gazetteer/given_names.txt`).
    pub given_names: HashSet<String>,
    /// Common given names that also name a place or body ("Milan",
    /// "Victoria"), lowercase: a first name only where the article bears it
    /// out ("Milan Radoicic ... Radoicic").
    pub place_given_names: HashSet<String>,
    /// Plural heads of coordinated names and their singular:
    /// ("Regions", "Region").
    pub plural_heads: Vec<(String, String)>,
    /// Descriptions that refer back to a named group or state ("the
    /// group", "the junta") and the kind they refer to:
    /// `data/lexicon/descriptions.tsv`.
    pub descriptions: HashMap<String, Kind>,
    /// Nouns naming one party's partner or backer ("ally", "patron"),
    /// lowercase: `data/lexicon/partner_nouns.tsv`.
    pub partner_nouns: HashMap<String, PartnerNoun>,
    /// Cues, by index of the cue matcher's pattern.
    pub cues: Vec<Cue>,
    cues_matcher: AhoCorasick,
    /// Indices of the cues without a tail, by their text, in file order.
    plain_cues: HashMap<String, Vec<usize>>,
    /// Indices of the cues with a tail, by their head (the text before
    /// " ... "), in file order.
    tail_cues: HashMap<String, Vec<usize>>,
    /// Governments that publish releases, with the offices those releases
    /// name without saying whose they are.
    pub publishers: Vec<Publisher>,
    /// A party's label used as a modifier ("Republican", "Labour"), as
    /// written, with the party's gazetteer id (`data/lexicon/party_labels.tsv`).
    pub party_labels: HashMap<String, String>,
    /// Heads of a feature named after a place ("the Jordan River",
    /// "Georgia Tech"), as written, each with whether it follows only a
    /// state's name (`true`) or also a one-word region's
    /// (`data/lexicon/feature_heads.tsv`).
    pub feature_heads: HashMap<String, bool>,
}

/// A government that publishes its own releases (`data/lexicon/publishers.tsv`).
#[derive(Debug, Clone)]
pub struct Publisher {
    /// The end of the release address's host name ("state.gov").
    pub host: String,
    /// The state's gazetteer id.
    pub state: String,
    /// Offices its releases name by a bare title.
    pub roles: HashSet<String>,
    /// Offices its releases mention with no holder named ("The Prime
    /// Minister spoke to ..."): the state acts through them.
    pub unnamed: Vec<String>,
    /// Its own bodies that its releases name bare, as written ("The
    /// Department is designating ..."): the state acts through them.
    pub bodies: Vec<String>,
}

/// Everything `data/` knows, compiled.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<String, EntityIdx>,
    forms: Vec<Form>,
    /// The automaton over `forms`, compiled on first use ([`Gazetteer::compile`]
    /// or [`Gazetteer::find`]): name lookups, members and offices do not
    /// need it, and it is most of the gazetteer's start-up.
    matcher: OnceLock<Result<AhoCorasick, String>>,
    by_fold: HashMap<String, Vec<Reading>>,
    roles: Vec<Role>,
    members: Vec<Membership>,
    /// The lexicons.
    pub lexicon: Lexicon,
}

/// The files compiled into the binary, in load order.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "data/gazetteer/states.tsv",
        include_str!("../data/gazetteer/states.tsv"),
    ),
    (
        "data/gazetteer/regions.tsv",
        include_str!("../data/gazetteer/regions.tsv"),
    ),
    (
        "data/gazetteer/alliances.tsv",
        include_str!("../data/gazetteer/alliances.tsv"),
    ),
    (
        "data/curated/regions.tsv",
        include_str!("../data/curated/regions.tsv"),
    ),
    (
        "data/curated/organizations.tsv",
        include_str!("../data/curated/organizations.tsv"),
    ),
    (
        "data/curated/people.tsv",
        include_str!("../data/curated/people.tsv"),
    ),
    (
        "data/gazetteer/demonyms.tsv",
        include_str!("../data/gazetteer/demonyms.tsv"),
    ),
    (
        "data/curated/demonyms.tsv",
        include_str!("../data/curated/demonyms.tsv"),
    ),
    (
        "data/gazetteer/metonyms.tsv",
        include_str!("../data/gazetteer/metonyms.tsv"),
    ),
    (
        "data/curated/metonyms.tsv",
        include_str!("../data/curated/metonyms.tsv"),
    ),
    (
        "data/gazetteer/members.tsv",
        include_str!("../data/gazetteer/members.tsv"),
    ),
    (
        "data/curated/members.tsv",
        include_str!("../data/curated/members.tsv"),
    ),
    (
        "data/curated/roles.tsv",
        include_str!("../data/curated/roles.tsv"),
    ),
    (
        "data/gazetteer/ambiguous.tsv",
        include_str!("../data/gazetteer/ambiguous.tsv"),
    ),
    (
        "data/curated/ambiguous.tsv",
        include_str!("../data/curated/ambiguous.tsv"),
    ),
];

const ABBREVIATIONS: &str = include_str!("../data/lexicon/abbreviations.txt");
const HONORIFICS: &str = include_str!("../data/lexicon/honorifics.txt");
const NONNAME: &str = include_str!("../data/lexicon/nonname.txt");
const ORGANS: &str = include_str!("../data/lexicon/organs.txt");
const NEGATION: &str = include_str!("../data/lexicon/negation.tsv");
const GATHERINGS: &str = include_str!("../data/lexicon/gatherings.tsv");
const VERBS: &str = include_str!("../data/lexicon/verbs.tsv");
const TITLES: &str = include_str!("../data/lexicon/titles.tsv");
const CUES: &str = include_str!("../data/lexicon/cues.tsv");
const FRAMES: &str = include_str!("../data/lexicon/frames.tsv");
const PUBLISHERS: &str = include_str!("../data/lexicon/publishers.tsv");
const PARTY_LABELS: &str = include_str!("../data/lexicon/party_labels.tsv");
const FEATURE_HEADS: &str = include_str!("../data/lexicon/feature_heads.tsv");
const PLURAL_HEADS: &str = include_str!("../data/lexicon/plural_heads.tsv");
const DESCRIPTIONS: &str = include_str!("../data/lexicon/descriptions.tsv");
const PARTNER_NOUNS: &str = include_str!("../data/lexicon/partner_nouns.tsv");
const HEADS: &str = include_str!("../data/lexicon/heads.tsv");
const PORTFOLIOS: &str = include_str!("../data/lexicon/portfolios.txt");
const OF_HEADS: &str = include_str!("../data/lexicon/of_heads.txt");
const TITLE_MODIFIERS: &str = include_str!("../data/lexicon/title_modifiers.txt");
const PLACE_EPITHETS: &str = include_str!("../data/lexicon/place_epithets.txt");
const QUANTIFIERS: &str = include_str!("../data/lexicon/quantifiers.txt");
const DELEGATES: &str = include_str!("../data/lexicon/delegates.txt");
const RELATIONAL: &str = include_str!("../data/lexicon/relational.txt");
const TARGET_NOUNS: &str = include_str!("../data/lexicon/target_nouns.txt");
const ENVOYS: &str = include_str!("../data/lexicon/envoys.txt");
const SPOKESPEOPLE: &str = include_str!("../data/lexicon/spokespeople.txt");
const PARTICIPLES: &str = include_str!("../data/lexicon/participles.txt");
const DEMANDS: &str = include_str!("../data/lexicon/demands.tsv");
const PAIR_MODIFIERS: &str = include_str!("../data/lexicon/pair_modifiers.txt");
const ADVERBIALS: &str = include_str!("../data/lexicon/adverbials.txt");
const BACKING: &str = include_str!("../data/lexicon/backing.txt");
const LED_BACKING: &str = include_str!("../data/lexicon/led_backing.txt");
const JOINT_AGENTS: &str = include_str!("../data/lexicon/joint_agents.txt");
const STATEMENTS: &str = include_str!("../data/lexicon/statements.txt");
const CONDEMNED_ACTS: &str = include_str!("../data/lexicon/condemned_acts.txt");
const HARMS: &str = include_str!("../data/lexicon/harms.txt");
const VIEWS: &str = include_str!("../data/lexicon/views.txt");
const WAR_NOUNS: &str = include_str!("../data/lexicon/war_nouns.txt");
const STRIKES: &str = include_str!("../data/lexicon/strikes.txt");
const LAUNCH_VERBS: &str = include_str!("../data/lexicon/launch_verbs.txt");
const POSSESSED_ACTS: &str = include_str!("../data/lexicon/possessed_acts.txt");
const CONTINENTS: &str = include_str!("../data/lexicon/continents.txt");
const ORGAN_NAMES: &str = include_str!("../data/lexicon/organ_names.tsv");
const INSTRUMENTS: &str = include_str!("../data/lexicon/instruments.txt");
const GIVING: &str = include_str!("../data/lexicon/giving.txt");
const MESSAGES: &str = include_str!("../data/lexicon/messages.txt");
const RESPONSES: &str = include_str!("../data/lexicon/responses.txt");
const PRAISE: &str = include_str!("../data/lexicon/praise.txt");
const SYMPATHY: &str = include_str!("../data/lexicon/sympathy.txt");
const CIVILIANS: &str = include_str!("../data/lexicon/civilians.txt");
const REGION_QUALIFIERS: &str = include_str!("../data/lexicon/region_qualifiers.txt");
const SPILLOVER: &str = include_str!("../data/lexicon/spillover.txt");
const INTENTS: &str = include_str!("../data/lexicon/intents.txt");
const SYMPATHY_VERBS: &str = include_str!("../data/lexicon/sympathy_verbs.txt");
const GROUP_NOUNS: &str = include_str!("../data/lexicon/group_nouns.txt");
const TRANSFERRED: &str = include_str!("../data/lexicon/transferred.txt");
const VESSEL_PREFIXES: &str = include_str!("../data/lexicon/vessel_prefixes.txt");
const HEADLINE_WORDS: &str = include_str!("../data/lexicon/headline_words.txt");
const OUTLET_WORDS: &str = include_str!("../data/lexicon/outlets.txt");
const CREDITS: &str = include_str!("../data/lexicon/credits.txt");
const ORG_NOUNS: &str = include_str!("../data/lexicon/org_nouns.tsv");
/// Where an organisation noun names: after the name ("Esri, a ... company").
pub const ORG_NOUN_AFTER: u8 = 1;
/// Right before the name ("the gas producer Energean").
pub const ORG_NOUN_BEFORE: u8 = 2;
/// Before a list of names ("firms including A, B and C").
pub const ORG_NOUN_LIST: u8 = 4;
const PERSON_NOUNS: &str = include_str!("../data/lexicon/person_nouns.txt");
const EVALUATIVE: &str = include_str!("../data/lexicon/evaluative.txt");
const GIVEN_NAMES: &str = include_str!("../data/gazetteer/given_names.txt");
const GIVEN_NAME_STOP: &str = include_str!("../data/curated/given_name_stop.txt");

/// A parsed TSV file: its header and its rows with line numbers.
struct Table<'a> {
    path: &'a str,
    header: Vec<&'a str>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Table<'a> {
    fn parse(path: &'a str, text: &'a str) -> Result<Table<'a>, GazetteerError> {
        let mut header = None;
        let mut rows = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            match &header {
                None => header = Some(cells),
                Some(h) => {
                    if cells.len() > h.len() {
                        return Err(GazetteerError::Row {
                            path: path.to_string(),
                            line: n + 1,
                            message: format!("{} cells, the header has {}", cells.len(), h.len()),
                        });
                    }
                    rows.push((n + 1, cells));
                }
            }
        }
        Ok(Table {
            path,
            header: header.unwrap_or_default(),
            rows,
        })
    }

    /// Two columns of every row, as owned strings.
    fn pairs(&self, a: &str, b: &str) -> Vec<(String, String)> {
        let (ca, cb) = (self.col(a), self.col(b));
        self.rows
            .iter()
            .map(|(_, row)| (cell(row, ca).to_string(), cell(row, cb).to_string()))
            .collect()
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| *h == name)
    }

    fn err(&self, line: usize, message: String) -> GazetteerError {
        GazetteerError::Row {
            path: self.path.to_string(),
            line,
            message,
        }
    }
}

fn cell<'a>(row: &[&'a str], col: Option<usize>) -> &'a str {
    col.and_then(|c| row.get(c)).map(|s| s.trim()).unwrap_or("")
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// The words of `data/lexicon/organ_names.tsv` in `role`, lowercase.
fn organ_words(text: &str, role: &str) -> HashSet<String> {
    word_list(text)
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, r)| r.trim() == role)
        .map(|(w, _)| w.trim().to_lowercase())
        .collect()
}

fn word_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Builder state while files are read; rows keep their file and line
/// until every reference can be checked.
#[derive(Default)]
#[allow(clippy::type_complexity)]
struct Loader {
    entries: Vec<Entry>,
    by_id: HashMap<String, EntityIdx>,
    /// (form, entity, class, file, line)
    forms: Vec<(String, EntityIdx, FormClass, String, usize)>,
    /// Pending references resolved once every file is read.
    part_of: Vec<(EntityIdx, String, String, usize)>,
    capital_of: Vec<(EntityIdx, String, String, usize)>,
    form_rows: Vec<(String, String, FormClass, String, usize)>,
    member_rows: Vec<(
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        usize,
    )>,
    role_rows: Vec<(
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        usize,
    )>,
    ambiguous: HashSet<String>,
}

impl Loader {
    fn load(&mut self, path: &str, text: &str) -> Result<(), GazetteerError> {
        let t = Table::parse(path, text)?;
        let has = |c: &str| t.col(c).is_some();
        if has("id") && has("kind") && has("name") {
            self.load_entities(&t)
        } else if has("form") && has("entity") && has("class") {
            for (line, row) in &t.rows {
                let form = cell(row, t.col("form"));
                let entity = cell(row, t.col("entity"));
                let class = match cell(row, t.col("class")) {
                    "adjective" | "noun" | "plural" | "combining" => FormClass::Demonym,
                    "building" | "organ" => FormClass::Organ,
                    "capital" => FormClass::Capital,
                    other => return Err(t.err(*line, format!("unknown form class '{other}'"))),
                };
                if form.is_empty() || entity.is_empty() {
                    return Err(t.err(*line, "form and entity must not be empty".into()));
                }
                self.form_rows.push((
                    form.to_string(),
                    entity.to_string(),
                    class,
                    path.to_string(),
                    *line,
                ));
            }
            Ok(())
        } else if has("alliance") && has("member") {
            for (line, row) in &t.rows {
                self.member_rows.push((
                    cell(row, t.col("alliance")).to_string(),
                    cell(row, t.col("member")).to_string(),
                    non_empty(cell(row, t.col("joined"))),
                    non_empty(cell(row, t.col("left"))),
                    path.to_string(),
                    *line,
                ));
            }
            Ok(())
        } else if has("person") && has("role") && has("of") {
            for (line, row) in &t.rows {
                let role = cell(row, t.col("role")).to_lowercase();
                if role.is_empty() {
                    return Err(t.err(*line, "empty role".into()));
                }
                self.role_rows.push((
                    cell(row, t.col("person")).to_string(),
                    role,
                    cell(row, t.col("of")).to_string(),
                    non_empty(cell(row, t.col("start"))),
                    non_empty(cell(row, t.col("end"))),
                    path.to_string(),
                    *line,
                ));
            }
            Ok(())
        } else if has("alias") && has("entities") {
            for (_, row) in &t.rows {
                self.ambiguous.insert(fold(cell(row, t.col("alias"))));
            }
            Ok(())
        } else {
            Err(t.err(
                1,
                format!(
                    "unrecognised header '{}' (see data/README.md for the formats)",
                    t.header.join(" ")
                ),
            ))
        }
    }

    fn load_entities(&mut self, t: &Table) -> Result<(), GazetteerError> {
        let (c_id, c_kind, c_name) = (t.col("id"), t.col("kind"), t.col("name"));
        let (c_aliases, c_part, c_qid, c_attrs) = (
            t.col("aliases"),
            t.col("part_of"),
            t.col("qid"),
            t.col("attrs"),
        );
        for (line, row) in &t.rows {
            let id = cell(row, c_id);
            let name = cell(row, c_name);
            if id.is_empty() || name.is_empty() {
                return Err(t.err(*line, "id and name must not be empty".into()));
            }
            let kind: Kind = cell(row, c_kind)
                .parse()
                .map_err(|e: crate::ontology::UnknownName| t.err(*line, e.to_string()))?;
            let aliases: Vec<String> = cell(row, c_aliases)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            let idx = match self.by_id.get(id) {
                // A later file (a user's) may add aliases to a known entity.
                Some(&idx) => {
                    let e = &mut self.entries[idx as usize];
                    if e.kind != kind {
                        return Err(t.err(
                            *line,
                            format!("id '{id}' was loaded before as a {}", e.kind),
                        ));
                    }
                    e.aliases.extend(aliases.iter().cloned());
                    idx
                }
                None => {
                    let idx = self.entries.len() as EntityIdx;
                    self.entries.push(Entry {
                        id: id.to_string(),
                        kind,
                        name: name.to_string(),
                        aliases: aliases.clone(),
                        part_of: None,
                        qid: non_empty(cell(row, c_qid)),
                        capital_of: None,
                    });
                    self.by_id.insert(id.to_string(), idx);
                    idx
                }
            };
            for form in std::iter::once(name.to_string()).chain(aliases) {
                self.forms
                    .push((form, idx, FormClass::Name, t.path.to_string(), *line));
            }
            let part = cell(row, c_part);
            if !part.is_empty() {
                self.part_of
                    .push((idx, part.to_string(), t.path.to_string(), *line));
            }
            for kv in cell(row, c_attrs)
                .split(';')
                .filter(|s| !s.trim().is_empty())
            {
                let Some((k, v)) = kv.split_once('=') else {
                    return Err(t.err(*line, format!("attribute '{kv}' is not key=value")));
                };
                if k.trim() == "capital_of" {
                    self.capital_of
                        .push((idx, v.trim().to_string(), t.path.to_string(), *line));
                }
            }
        }
        Ok(())
    }

    fn lookup(
        &self,
        id: &str,
        path: &str,
        line: usize,
        what: &str,
    ) -> Result<EntityIdx, GazetteerError> {
        self.by_id
            .get(id)
            .copied()
            .ok_or_else(|| GazetteerError::Row {
                path: path.to_string(),
                line,
                message: format!("{what} '{id}' names no known entity"),
            })
    }

    fn finish(mut self) -> Result<Gazetteer, GazetteerError> {
        for (idx, part, path, line) in std::mem::take(&mut self.part_of) {
            let p = self.lookup(&part, &path, line, "part_of")?;
            self.entries[idx as usize].part_of = Some(p);
        }
        for (idx, state, path, line) in std::mem::take(&mut self.capital_of) {
            let s = self.lookup(&state, &path, line, "capital_of")?;
            self.entries[idx as usize].capital_of = Some(s);
        }
        for (form, entity, class, path, line) in std::mem::take(&mut self.form_rows) {
            let e = self.lookup(&entity, &path, line, "entity")?;
            self.forms.push((form, e, class, path, line));
        }
        let mut members = Vec::new();
        for (alliance, member, joined, left, path, line) in std::mem::take(&mut self.member_rows) {
            let a = self.lookup(&alliance, &path, line, "alliance")?;
            let m = self.lookup(&member, &path, line, "member")?;
            // Territories (Hong Kong in APEC) and blocs (the EU in the G20) are members too.
            if !matches!(
                self.entries[m as usize].kind,
                Kind::State | Kind::Region | Kind::Alliance
            ) {
                return Err(GazetteerError::Row {
                    path,
                    line,
                    message: format!("member '{member}' is not a state, territory or alliance"),
                });
            }
            members.push(Membership {
                alliance: a,
                member: m,
                joined,
                left,
            });
        }
        let mut roles = Vec::new();
        for (person, role, of, start, end, path, line) in std::mem::take(&mut self.role_rows) {
            let p = self.lookup(&person, &path, line, "person")?;
            let o = self.lookup(&of, &path, line, "of")?;
            roles.push(Role {
                person: p,
                role,
                of: o,
                start,
                end,
            });
        }

        // Group readings by folded form; check ambiguity.
        let mut grouped: BTreeMap<String, (String, Vec<Reading>, String, usize)> = BTreeMap::new();
        for (form, entity, class, path, line) in &self.forms {
            let key = fold(form);
            if key.is_empty() {
                continue;
            }
            let slot = grouped
                .entry(key)
                .or_insert_with(|| (form.clone(), Vec::new(), path.clone(), *line));
            let reading = Reading {
                entity: *entity,
                class: *class,
            };
            if !slot.1.contains(&reading) {
                slot.1.push(reading);
            }
        }
        let mut forms = Vec::with_capacity(grouped.len() * 2);
        let mut by_fold = HashMap::with_capacity(grouped.len());
        for (key, (text, mut readings, path, line)) in grouped {
            // Capitals are ambiguous by design (state or city); so are a
            // capital's state readings. Count the distinct non-capital entities.
            let mut named: Vec<EntityIdx> = readings
                .iter()
                .filter(|r| r.class != FormClass::Capital)
                .map(|r| r.entity)
                .collect();
            named.sort_unstable();
            named.dedup();
            // A city whose capital reading exists is the same thing twice.
            named.retain(|&e| {
                !readings.iter().any(|r| {
                    r.class == FormClass::Capital
                        && self.entries[e as usize].capital_of == Some(r.entity)
                })
            });
            if named.len() > 1 && !self.ambiguous.contains(&key) {
                let ids: Vec<&str> = named
                    .iter()
                    .map(|&e| self.entries[e as usize].id.as_str())
                    .collect();
                return Err(GazetteerError::Row {
                    path,
                    line,
                    message: format!(
                        "alias '{text}' names {} without being listed as ambiguous",
                        ids.join(" and ")
                    ),
                });
            }
            // Preferred reading first: states, then alliances, organisations,
            // people, regions; names before demonyms before organs.
            readings.sort_by_key(|r| {
                let k = self.entries[r.entity as usize].kind;
                let rank = match k {
                    Kind::State => 0,
                    Kind::Alliance => 1,
                    Kind::Organization => 2,
                    Kind::Person => 3,
                    Kind::Region => 4,
                };
                (rank, r.class, r.entity)
            });
            let plain_key = fold(&crate::ontology::strip_diacritics(&key));
            if plain_key != key {
                by_fold.entry(plain_key).or_insert_with(|| readings.clone());
            }
            by_fold.insert(key, readings.clone());
            let exact =
                !text.chars().any(char::is_lowercase) && text.chars().any(char::is_uppercase);
            let capital = text.chars().next().is_some_and(char::is_uppercase);
            // Curly and straight apostrophes and dashes are interchangeable in news.
            let mut variants = vec![text.clone()];
            // News writes initialisms with and without dots: "U.N. Mission" / "UN Mission".
            for (a, b) in [
                ("UN ", "U.N. "),
                ("U.N. ", "UN "),
                ("US ", "U.S. "),
                ("U.S. ", "US "),
                ("EU ", "E.U. "),
                ("UK ", "U.K. "),
                ("United Nations ", "U.N. "),
                ("United Nations ", "UN "),
            ] {
                if let Some(rest) = text.strip_prefix(a) {
                    variants.push(format!("{b}{rest}"));
                }
            }
            let plain = crate::ontology::strip_diacritics(&text);
            if plain != text {
                variants.push(plain);
            }
            for (a, b) in [('\'', '\u{2019}'), ('\u{2019}', '\''), ('-', '\u{2013}')] {
                if text.contains(a) {
                    variants.push(text.replace(a, &b.to_string()));
                }
            }
            for v in variants {
                forms.push(Form {
                    text: v,
                    exact,
                    capital,
                    readings: readings.clone(),
                });
            }
        }
        let mut lexicon = load_lexicon()?;
        // First names of known people help to tell "William Lara" (a
        // person) from "Lara" (a Venezuelan state).
        let given_stop: HashSet<&str> = word_list(GIVEN_NAME_STOP).collect();
        lexicon.given_names = self
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Person)
            .filter_map(|e| {
                let mut words = e.name.split_whitespace();
                let first = words.next()?;
                words.next()?;
                Some(first.to_lowercase())
            })
            .filter(|w| w.chars().count() > 1 && !lexicon.nonname.contains(w))
            .filter(|w| !given_stop.contains(w.as_str()))
            .collect();
        // Common given names (the census lists), less those that name a
        // place or body the gazetteer knows ("Chad", "Georgia", "Victoria").
        let names_place = |w: &str| {
            by_fold.get(&fold(w)).is_some_and(|rs: &Vec<Reading>| {
                rs.iter()
                    .any(|r| self.entries[r.entity as usize].kind != Kind::Person)
            })
        };
        let (census, places): (Vec<String>, Vec<String>) = word_list(GIVEN_NAMES)
            .map(str::to_lowercase)
            .filter(|w| !lexicon.nonname.contains(w))
            .partition(|w| !names_place(w));
        lexicon.given_names.extend(census);
        lexicon.place_given_names = places.into_iter().collect();
        Ok(Gazetteer {
            entries: self.entries,
            by_id: self.by_id,
            forms,
            matcher: OnceLock::new(),
            by_fold,
            roles,
            members,
            lexicon,
        })
    }
}

/// The regular forms of a frame's lemma: a noun and its plural, or a verb
/// with its third person, past and "-ing" forms. Irregular words list their
/// forms in `frames.tsv` instead.
fn inflect(lemma: &str, noun: bool) -> Vec<String> {
    let consonant_y = lemma.ends_with('y')
        && !lemma
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| "aeiou".contains(c));
    let stem_y = lemma.get(..lemma.len().saturating_sub(1)).unwrap_or(lemma);
    let plural = if consonant_y {
        format!("{stem_y}ies")
    } else if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    if noun {
        return vec![lemma.to_string(), plural];
    }
    let past = if consonant_y {
        format!("{stem_y}ied")
    } else if lemma.ends_with('e') {
        format!("{lemma}d")
    } else {
        format!("{lemma}ed")
    };
    let ing = if lemma.ends_with('e') && !lemma.ends_with("ee") {
        format!("{stem_y}ing")
    } else {
        format!("{lemma}ing")
    };
    vec![lemma.to_string(), plural, past, ing]
}

fn load_lexicon() -> Result<Lexicon, GazetteerError> {
    let lower_set = |text: &str| -> HashSet<String> {
        word_list(text)
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect()
    };
    let modality_table = Table::parse("data/lexicon/negation.tsv", NEGATION)?;
    let mut modality = HashMap::new();
    for (line, row) in &modality_table.rows {
        let class = match cell(row, modality_table.col("class")) {
            "negation" => Modality::Negation,
            "hypothetical" => Modality::Hypothetical,
            "desire" => Modality::Desire,
            "reversal" => Modality::Reversal,
            "warning" => Modality::Warning,
            "purpose" => Modality::Purpose,
            "hesitation" => Modality::Hesitation,
            "performative" => Modality::Performative,
            "exhortation" => Modality::Exhortation,
            other => return Err(modality_table.err(*line, format!("unknown class '{other}'"))),
        };
        modality.insert(cell(row, modality_table.col("word")).to_lowercase(), class);
    }
    let gatherings_table = Table::parse("data/lexicon/gatherings.tsv", GATHERINGS)?;
    let mut gatherings = HashMap::new();
    for (line, row) in &gatherings_table.rows {
        let class = cell(row, gatherings_table.col("class"));
        if !matches!(
            class,
            "gathering"
                | "separate"
                | "attend"
                | "hold"
                | "joint"
                | "with"
                | "gap"
                | "participants"
                | "around"
        ) {
            return Err(gatherings_table.err(*line, format!("unknown class '{class}'")));
        }
        gatherings.insert(
            cell(row, gatherings_table.col("word")).to_lowercase(),
            class.to_string(),
        );
    }
    let verbs = Table::parse("data/lexicon/verbs.tsv", VERBS)?
        .pairs("word", "class")
        .into_iter()
        .map(|(w, c)| (w.to_lowercase(), c))
        .collect();
    let titles_table = Table::parse("data/lexicon/titles.tsv", TITLES)?;
    let mut title_words = Vec::new();
    let mut titles = Vec::new();
    for (line, row) in &titles_table.rows {
        let title = cell(row, titles_table.col("title"));
        let role = cell(row, titles_table.col("role"));
        if title.is_empty() || role.is_empty() {
            return Err(titles_table.err(*line, "title and role must not be empty".into()));
        }
        title_words.push(title.to_string());
        titles.push(role.to_string());
    }
    let cues_table = Table::parse("data/lexicon/cues.tsv", CUES)?;
    let mut cue_words = Vec::new();
    let mut cues = Vec::new();
    for (line, row) in &cues_table.rows {
        let cue = cell(row, cues_table.col("cue"));
        let edge: EdgeType = cell(row, cues_table.col("type"))
            .parse()
            .map_err(|e: crate::ontology::UnknownName| cues_table.err(*line, e.to_string()))?;
        let form = match cell(row, cues_table.col("form")) {
            "verb" => CueForm::Verb,
            "noun" => CueForm::Noun,
            "between" => CueForm::Between,
            "part-of" => CueForm::PartOf,
            "mutual" => CueForm::Mutual,
            "between-mutual" => CueForm::BetweenMutual,
            "suffix" => CueForm::Suffix,
            "agent" => CueForm::Agent,
            "pair" => CueForm::Pair,
            "members" => CueForm::Members,
            "envoy" => CueForm::Envoy,
            "dative" => CueForm::Dative,
            other => return Err(cues_table.err(*line, format!("unknown cue form '{other}'"))),
        };
        if cue.is_empty() {
            return Err(cues_table.err(*line, "empty cue".into()));
        }
        let (head, tail) = match cue.split_once(" ... ") {
            Some((h, t)) => (h.trim(), Some(t.trim().to_lowercase())),
            None => (cue, None),
        };
        cue_words.push(head.to_lowercase());
        cues.push(Cue {
            edge,
            form,
            words: cue.split_whitespace().count(),
            tail,
            text: cue.to_lowercase(),
        });
    }
    // Frames: one row per lemma; its inflected forms, each with and without
    // the target's prepositions, become cues unless cues.tsv lists them.
    let frames_table = Table::parse("data/lexicon/frames.tsv", FRAMES)?;
    let mut known: HashSet<String> = cues.iter().map(|c| c.text.clone()).collect();
    for (line, row) in &frames_table.rows {
        let lemma = cell(row, frames_table.col("lemma")).trim().to_lowercase();
        let edge: EdgeType = cell(row, frames_table.col("type"))
            .parse()
            .map_err(|e: crate::ontology::UnknownName| frames_table.err(*line, e.to_string()))?;
        let form = match cell(row, frames_table.col("form")) {
            "verb" => CueForm::Verb,
            "noun" => CueForm::Noun,
            "mutual" => CueForm::Mutual,
            "agent" => CueForm::Agent,
            "between" => CueForm::Between,
            "pair" => CueForm::Pair,
            "envoy" => CueForm::Envoy,
            "dative" => CueForm::Dative,
            other => {
                return Err(frames_table.err(*line, format!("unknown frame form '{other}'")));
            }
        };
        if lemma.is_empty() {
            return Err(frames_table.err(*line, "empty lemma".into()));
        }
        let explicit = cell(row, frames_table.col("forms"));
        let nominal = matches!(
            form,
            CueForm::Noun | CueForm::Agent | CueForm::Pair | CueForm::Between
        );
        let words: Vec<String> = if explicit.trim().is_empty() {
            inflect(&lemma, nominal)
        } else {
            std::iter::once(lemma.clone())
                .chain(explicit.split(',').map(|w| w.trim().to_lowercase()))
                .filter(|w| !w.is_empty())
                .collect()
        };
        let preps: Vec<&str> = cell(row, frames_table.col("preps"))
            .split('|')
            .map(str::trim)
            .collect();
        for w in &words {
            for p in &preps {
                let text = if p.is_empty() || *p == "-" {
                    w.clone()
                } else {
                    format!("{w} {p}")
                };
                if !known.insert(text.clone()) {
                    continue;
                }
                // "contribute ... to": the preposition closes the cue a few
                // words later.
                let (head, tail) = match text.split_once(" ... ") {
                    Some((h, t)) => (h.to_string(), Some(t.to_string())),
                    None => (text.clone(), None),
                };
                cue_words.push(head);
                cues.push(Cue {
                    edge,
                    form,
                    words: text.split_whitespace().count(),
                    tail,
                    text,
                });
            }
        }
    }
    // Demands: their cue phrases are opposes verbs, read only before an act
    // (see `Lexicon::demand_cues`).
    let demands_table = Table::parse("data/lexicon/demands.tsv", DEMANDS)?;
    let mut demand_cues = HashSet::new();
    let mut demand_acts = HashSet::new();
    for (line, row) in &demands_table.rows {
        let words = cell(row, demands_table.col("words")).trim().to_lowercase();
        match cell(row, demands_table.col("role")) {
            "cue" => {
                if known.insert(words.clone()) {
                    cue_words.push(words.clone());
                    cues.push(Cue {
                        edge: EdgeType::Opposes,
                        form: CueForm::Verb,
                        words: words.split_whitespace().count(),
                        tail: None,
                        text: words.clone(),
                    });
                }
                demand_cues.insert(words);
            }
            "act" => {
                demand_acts.insert(words);
            }
            other => return Err(demands_table.err(*line, format!("unknown role '{other}'"))),
        }
    }
    // A tail cue and a plain cue may share their head ("held talks ...
    // with", "held talks"): the matcher reports the first of equal
    // patterns, and a tail cue falls back to the plain one when no tail
    // follows, so tail cues go first (in file order otherwise).
    let mut order: Vec<usize> = (0..cues.len()).collect();
    order.sort_by_key(|&i| cues[i].tail.is_none());
    let cues: Vec<Cue> = order.iter().map(|&i| cues[i].clone()).collect();
    let cue_words: Vec<String> = order.iter().map(|&i| cue_words[i].clone()).collect();
    let plural_heads =
        Table::parse("data/lexicon/plural_heads.tsv", PLURAL_HEADS)?.pairs("plural", "singular");
    let descriptions = {
        let table = Table::parse("data/lexicon/descriptions.tsv", DESCRIPTIONS)?;
        let (cd, ck) = (table.col("description"), table.col("kind"));
        let mut map = HashMap::new();
        for (line, row) in &table.rows {
            let kind: Kind = cell(row, ck)
                .parse()
                .map_err(|_| table.err(*line, format!("unknown kind {:?}", cell(row, ck))))?;
            map.insert(cell(row, cd).to_lowercase(), kind);
        }
        map
    };
    let partners_table = Table::parse("data/lexicon/partner_nouns.tsv", PARTNER_NOUNS)?;
    let mut partner_nouns = HashMap::new();
    for (line, row) in &partners_table.rows {
        let edge: EdgeType = cell(row, partners_table.col("type"))
            .parse()
            .map_err(|e: crate::ontology::UnknownName| partners_table.err(*line, e.to_string()))?;
        let from_owner = match cell(row, partners_table.col("source")) {
            "owner" => true,
            "described" => false,
            other => {
                return Err(partners_table.err(
                    *line,
                    format!("source must be `owner` or `described`, not `{other}`"),
                ));
            }
        };
        partner_nouns.insert(
            cell(row, partners_table.col("noun")).to_lowercase(),
            PartnerNoun { edge, from_owner },
        );
    }
    let heads_table = Table::parse("data/lexicon/heads.tsv", HEADS)?;
    let mut head_words = Vec::new();
    let mut heads = Vec::new();
    for (line, row) in &heads_table.rows {
        let kind: Kind = cell(row, heads_table.col("kind"))
            .parse()
            .map_err(|e: crate::ontology::UnknownName| heads_table.err(*line, e.to_string()))?;
        head_words.push(cell(row, heads_table.col("head")).to_string());
        heads.push(kind);
    }
    let heads_matcher = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&head_words)
        .map_err(|e| GazetteerError::Build(e.to_string()))?;
    // Cue and title sets are small: a DFA searches fastest and builds in
    // well under a millisecond.
    let build = |patterns: &[String]| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Both)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
            .map_err(|e| GazetteerError::Build(e.to_string()))
    };
    let publishers_table = Table::parse("data/lexicon/publishers.tsv", PUBLISHERS)?;
    let mut publishers = Vec::new();
    for (line, row) in &publishers_table.rows {
        let host = cell(row, publishers_table.col("host"))
            .trim()
            .to_lowercase();
        let state = cell(row, publishers_table.col("state")).trim().to_string();
        if host.is_empty() || state.is_empty() {
            return Err(publishers_table.err(*line, "a publisher needs a host and a state".into()));
        }
        let roles = cell(row, publishers_table.col("roles"))
            .split('|')
            .map(|r| r.trim().to_lowercase())
            .filter(|r| !r.is_empty())
            .collect();
        let unnamed = cell(row, publishers_table.col("unnamed"))
            .split('|')
            .map(|r| r.trim().to_lowercase())
            .filter(|r| !r.is_empty())
            .collect();
        let bodies = cell(row, publishers_table.col("bodies"))
            .split('|')
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .collect();
        publishers.push(Publisher {
            host,
            state,
            roles,
            unnamed,
            bodies,
        });
    }
    let parties = Table::parse("data/lexicon/party_labels.tsv", PARTY_LABELS)?;
    let mut party_labels = HashMap::new();
    for (line, row) in &parties.rows {
        let label = cell(row, parties.col("label")).trim();
        let party = cell(row, parties.col("party")).trim();
        if label.is_empty() || party.is_empty() {
            return Err(parties.err(*line, "a party label needs a label and a party".into()));
        }
        party_labels.insert(label.to_string(), party.to_string());
    }
    let features = Table::parse("data/lexicon/feature_heads.tsv", FEATURE_HEADS)?;
    let mut feature_heads = HashMap::new();
    for (line, row) in &features.rows {
        let head = cell(row, features.col("head")).trim();
        let states_only = match cell(row, features.col("after")).trim() {
            "state" => true,
            "place" => false,
            other => {
                return Err(features.err(
                    *line,
                    format!("`after` is `state` or `place`, not `{other}`"),
                ));
            }
        };
        if head.is_empty() {
            return Err(features.err(*line, "a feature head needs a head word".into()));
        }
        feature_heads.insert(head.to_string(), states_only);
    }
    let mut plain_cues: HashMap<String, Vec<usize>> = HashMap::new();
    let mut tail_cues: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in cues.iter().enumerate() {
        if c.tail.is_none() {
            plain_cues.entry(c.text.clone()).or_default().push(i);
        } else {
            let head = c.text.split(" ... ").next().unwrap_or_default();
            tail_cues.entry(head.to_string()).or_default().push(i);
        }
    }
    Ok(Lexicon {
        publishers,
        party_labels,
        feature_heads,
        abbreviations: Abbreviations::new(word_list(ABBREVIATIONS)),
        honorifics: lower_set(HONORIFICS),
        nonname: lower_set(NONNAME),
        organs: lower_set(ORGANS),
        modality,
        verbs,
        title_first_words: title_words
            .iter()
            .filter_map(|t| {
                t.split(|c: char| !c.is_alphanumeric())
                    .next()
                    .map(str::to_lowercase)
            })
            .collect(),
        titles_matcher: build(&title_words)?,
        titles,
        cues_matcher: build(&cue_words)?,
        plain_cues,
        tail_cues,
        cues,
        plural_heads,
        descriptions,
        partner_nouns,
        portfolios: lower_set(PORTFOLIOS),
        portfolio_ends: word_list(PORTFOLIOS)
            .filter_map(|p| p.rsplit_once(' ').map(|(_, w)| w.to_lowercase()))
            .collect(),
        of_heads: lower_set(OF_HEADS),
        title_modifiers: lower_set(TITLE_MODIFIERS),
        place_epithets: lower_set(PLACE_EPITHETS),
        quantifiers: lower_set(QUANTIFIERS),
        delegates: lower_set(DELEGATES),
        relational: lower_set(RELATIONAL),
        target_nouns: lower_set(TARGET_NOUNS),
        envoys: lower_set(ENVOYS),
        spokespeople: lower_set(SPOKESPEOPLE),
        participles: lower_set(PARTICIPLES),
        pair_modifiers: lower_set(PAIR_MODIFIERS),
        demand_cues,
        demand_acts,
        adverbials: word_list(ADVERBIALS)
            .map(|l| l.split_whitespace().map(str::to_lowercase).collect())
            .collect(),
        continents: word_list(CONTINENTS)
            .map(|l| l.split_whitespace().map(str::to_lowercase).collect())
            .collect(),
        backing: lower_set(BACKING),
        led_backing: lower_set(LED_BACKING),
        joint_agents: lower_set(JOINT_AGENTS),
        statements: word_list(STATEMENTS).map(str::to_lowercase).collect(),
        condemned_acts: lower_set(CONDEMNED_ACTS),
        harms: lower_set(HARMS),
        views: lower_set(VIEWS),
        war_nouns: lower_set(WAR_NOUNS),
        strikes: lower_set(STRIKES),
        launch_verbs: lower_set(LAUNCH_VERBS),
        possessed_acts: lower_set(POSSESSED_ACTS),
        organ_openers: organ_words(ORGAN_NAMES, "opener"),
        organ_heads: organ_words(ORGAN_NAMES, "head"),
        organ_of_state_heads: organ_words(ORGAN_NAMES, "of-state"),
        instruments: lower_set(INSTRUMENTS),
        giving: lower_set(GIVING),
        messages: lower_set(MESSAGES),
        responses: lower_set(RESPONSES),
        praise: lower_set(PRAISE),
        sympathy: lower_set(SYMPATHY),
        civilians: lower_set(CIVILIANS),
        region_qualifiers: word_list(REGION_QUALIFIERS).map(str::to_string).collect(),
        spillover: lower_set(SPILLOVER),
        intents: lower_set(INTENTS),
        sympathy_verbs: lower_set(SYMPATHY_VERBS),
        group_nouns: lower_set(GROUP_NOUNS),
        transferred: lower_set(TRANSFERRED),
        gathering_first: {
            let mut first = [false; 256];
            for (w, c) in &gatherings {
                if matches!(c.as_str(), "gathering" | "separate")
                    && let Some(&b) = w.as_bytes().first()
                {
                    first[usize::from(b)] = true;
                }
            }
            first
        },
        gathering_nouns: gatherings
            .iter()
            .filter(|(_, c)| matches!(c.as_str(), "gathering" | "separate"))
            .map(|(w, c)| (w.clone(), c == "separate"))
            .collect(),
        gatherings,
        vessel_prefixes: word_list(VESSEL_PREFIXES).map(str::to_string).collect(),
        headline_words: lower_set(HEADLINE_WORDS),
        outlet_words: word_list(OUTLET_WORDS)
            .filter(|w| !w.ends_with(" of"))
            .map(str::to_string)
            .collect(),
        outlet_prefixes: word_list(OUTLET_WORDS)
            .filter_map(|w| w.strip_suffix(" of"))
            .map(|w| format!("{w} of "))
            .collect(),
        credits: word_list(CREDITS).map(str::to_string).collect(),
        org_nouns: {
            let mut nouns: HashMap<String, u8> = HashMap::new();
            for (noun, place) in word_list(ORG_NOUNS)
                .skip(1)
                .filter_map(|l| l.split_once('\t'))
            {
                let bit = match place {
                    "after" => ORG_NOUN_AFTER,
                    "before" => ORG_NOUN_BEFORE,
                    "list" => ORG_NOUN_LIST,
                    _ => 0,
                };
                *nouns.entry(noun.to_string()).or_default() |= bit;
            }
            nouns
        },
        person_nouns: lower_set(PERSON_NOUNS),
        evaluative: lower_set(EVALUATIVE),
        heads,
        heads_matcher,
        given_names: HashSet::new(),
        place_given_names: HashSet::new(),
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `start..end` sits on word boundaries of `text`.
pub fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

impl Lexicon {
    /// The cues without a tail whose text is `text`, in file order.
    pub fn plain_cues<'a>(&'a self, text: &str) -> impl Iterator<Item = &'a Cue> {
        self.plain_cues
            .get(text)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.cues.get(i))
    }

    /// The cues with a tail whose head (the text before " ... ") is
    /// `head`, in file order.
    pub fn tail_cues<'a>(&'a self, head: &str) -> impl Iterator<Item = &'a Cue> {
        self.tail_cues
            .get(head)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.cues.get(i))
    }

    /// Relation cues in `text`, on word boundaries: `(start, end, cue)`.
    pub fn find_cues<'a>(&'a self, text: &'a str) -> Vec<(usize, usize, &'a Cue)> {
        // A cue starts a word, or a suffix cue at its "-" (below).
        find_at_word_starts(&self.cues_matcher, text, |start, end, pattern| {
            let cue = self.cues.get(pattern)?;
            // A suffix cue is glued to the word before it ("Iran-backed").
            let ok = if cue.form == CueForm::Suffix {
                !text
                    .get(end..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(is_word_char)
            } else {
                // "Advisor-designate" is a title, not "designate";
                // "Welcome.US" is a name.
                let glued = text.get(..start).is_some_and(|b| b.ends_with('-'))
                    || text.get(end..).is_some_and(|a| {
                        a.strip_prefix('.')
                            .and_then(|a| a.chars().next())
                            .is_some_and(char::is_alphanumeric)
                    });
                on_boundaries(text, start, end) && !glued
            };
            // "we support": the pronoun only tells the verb from the noun;
            // it is the subject, not part of the cue.
            let start = ["we ", "they "]
                .iter()
                .find(|p| cue.text.starts_with(*p))
                .map_or(start, |p| start + p.len());
            ok.then_some((start, end, cue))
        })
    }

    /// Head words of unknown names in `text`: `(start, end, kind)`.
    pub fn find_heads<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, Kind)> + 'a {
        self.heads_matcher.find_iter(text).filter_map(move |m| {
            let kind = *self.heads.get(m.pattern().as_usize())?;
            on_boundaries(text, m.start(), m.end()).then_some((m.start(), m.end(), kind))
        })
    }

    /// Titles in `text`, on word boundaries: `(start, end, role)`.
    pub fn find_titles<'a>(&'a self, text: &'a str) -> Vec<(usize, usize, &'a str)> {
        // A title starts a word (`on_boundaries` below).
        find_at_word_starts(&self.titles_matcher, text, |start, end, pattern| {
            let role = self.titles.get(pattern)?;
            // "Advisor-designate", "President-elect": the office to come.
            let rest = text.get(end..).unwrap_or("");
            let suffix = ["-designate", "-elect"]
                .iter()
                .find(|s| {
                    rest.get(..s.len())
                        .is_some_and(|r| r.eq_ignore_ascii_case(s))
                })
                .map_or(0, |s| s.len());
            let end = end + suffix;
            // "Prime Ministers Giuliano Amato and Lamberto Dini": the plural.
            let plural =
                suffix == 0 && rest.starts_with('s') && on_boundaries(text, start, end + 1);
            let end = end + usize::from(plural);
            on_boundaries(text, start, end).then_some((start, end, role.as_str()))
        })
    }
}

/// Leftmost-longest matches that pass `check`. When the longest candidate
/// at a position fails ("spoke to" inside "spoke today"), shorter ones at the
/// same start are tried before moving on. The reference search, at every
/// position: `find_at_word_starts` must find the same.
#[cfg(test)]
fn find_checked<T>(
    ac: &AhoCorasick,
    text: &str,
    check: impl Fn(usize, usize, usize) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = ac.find(Input::new(text).range(pos..)) else {
            break;
        };
        let mut end = m.end();
        let mut accepted = check(m.start(), end, m.pattern().as_usize()).map(|t| (t, end));
        while accepted.is_none() && end > m.start() + 1 {
            let input = Input::new(text)
                .range(m.start()..end - 1)
                .anchored(Anchored::Yes);
            match ac.find(input) {
                Some(shorter) => {
                    end = shorter.end();
                    accepted =
                        check(shorter.start(), end, shorter.pattern().as_usize()).map(|t| (t, end));
                }
                None => break,
            }
        }
        match accepted {
            Some((t, end)) => {
                out.push(t);
                pos = end.max(m.start() + 1);
            }
            None => {
                pos = m.start()
                    + text
                        .get(m.start()..)
                        .and_then(|t| t.chars().next())
                        .map_or(1, char::len_utf8);
            }
        }
    }
    out
}

/// Leftmost-longest matches that pass `check`, for automata whose matches
/// start a word (no letter or digit before them) or at a punctuation mark
/// (a suffix cue's "-" in "Iran-backed"): anchored searches at those
/// positions only. When the longest candidate at a position fails ("spoke
/// to" inside "spoke today"), shorter ones at the same start are tried
/// before moving on. The same matches as a search at every position (the
/// test oracle `find_checked`).
fn find_at_word_starts<T>(
    ac: &AhoCorasick,
    text: &str,
    check: impl Fn(usize, usize, usize) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut prev_word = false;
    let mut iter = text.char_indices().peekable();
    while let Some((p, c)) = iter.next() {
        let starts = !c.is_whitespace() && (!prev_word || !is_word_char(c));
        prev_word = is_word_char(c);
        if !starts || p < pos {
            continue;
        }
        let mut end = text.len();
        let mut accepted = None;
        while accepted.is_none() && end > p {
            let input = Input::new(text).range(p..end).anchored(Anchored::Yes);
            match ac.find(input) {
                Some(m) => {
                    end = m.end();
                    accepted = check(m.start(), end, m.pattern().as_usize()).map(|t| (t, end));
                    end -= 1;
                }
                None => break,
            }
        }
        if let Some((t, e)) = accepted {
            out.push(t);
            pos = e.max(p + 1);
            // Skip to `pos`; the character before it decides whether it
            // starts a word.
            while let Some(&(q, c)) = iter.peek() {
                if q >= pos {
                    break;
                }
                prev_word = is_word_char(c);
                iter.next();
            }
        }
    }
    out
}

impl Gazetteer {
    /// The built-in gazetteer compiled into the binary.
    pub fn builtin() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::with_files(&[])
    }

    /// The built-in gazetteer plus user files (same formats, same checks),
    /// its name automaton compiled.
    pub fn with_files(extra: &[&Path]) -> Result<Gazetteer, GazetteerError> {
        let g = Gazetteer::tables(extra)?;
        g.compile()?;
        Ok(g)
    }

    /// [`Gazetteer::with_files`] without compiling the name automaton: for
    /// a command that looks names up, lists members or offices, and may
    /// never extract. [`Gazetteer::find`] compiles it on first use; a
    /// command that extracts calls [`Gazetteer::compile`] first, so that a
    /// failure is reported rather than read as no match.
    pub fn tables(extra: &[&Path]) -> Result<Gazetteer, GazetteerError> {
        let mut loader = Loader::default();
        for (path, text) in BUILTIN {
            loader.load(path, text)?;
        }
        for path in extra {
            let label = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|source| GazetteerError::Io {
                path: label.clone(),
                source,
            })?;
            loader.load(&label, &text)?;
        }
        loader.finish()
    }

    /// Loads only the given in-memory files (tests).
    pub fn from_texts(files: &[(&str, &str)]) -> Result<Gazetteer, GazetteerError> {
        let mut loader = Loader::default();
        for (path, text) in files {
            loader.load(path, text)?;
        }
        let g = loader.finish()?;
        g.compile()?;
        Ok(g)
    }

    /// Compiles the name automaton now, if not yet done (see
    /// [`Gazetteer::tables`]).
    pub fn compile(&self) -> Result<(), GazetteerError> {
        match self.matcher() {
            Ok(_) => Ok(()),
            Err(e) => Err(GazetteerError::Build(e.clone())),
        }
    }

    fn matcher(&self) -> &Result<AhoCorasick, String> {
        self.matcher.get_or_init(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .start_kind(StartKind::Both)
                .build(self.forms.iter().map(|f| f.text.as_str()))
                .map_err(|e| e.to_string())
        })
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of compiled surface forms.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// An entity by index.
    pub fn entry(&self, idx: EntityIdx) -> &Entry {
        &self.entries[idx as usize]
    }

    /// All entities.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// An entity by id.
    pub fn by_id(&self, id: &str) -> Option<EntityIdx> {
        self.by_id.get(id).copied()
    }

    /// Readings of a whole name, case-insensitively ("kharkov" -> Kharkiv).
    pub fn lookup(&self, name: &str) -> &[Reading] {
        self.by_fold
            .get(&fold(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Every surface form the gazetteer knows for an entity.
    pub fn names_of(&self, idx: EntityIdx) -> Vec<&str> {
        let e = self.entry(idx);
        let mut out = vec![e.name.as_str()];
        out.extend(e.aliases.iter().map(String::as_str));
        out
    }

    /// Offices, all of them.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Memberships, all of them.
    pub fn members(&self) -> &[Membership] {
        &self.members
    }

    /// Members of an alliance.
    pub fn members_of(&self, alliance: EntityIdx) -> impl Iterator<Item = &Membership> {
        self.members.iter().filter(move |m| m.alliance == alliance)
    }

    /// Offices a person held on a date (any date when `date` is `None`).
    pub fn roles_of(&self, person: EntityIdx, date: Option<&str>) -> impl Iterator<Item = &Role> {
        self.roles
            .iter()
            .filter(move |r| r.person == person && in_office(r, date))
    }

    /// The government that published a release at `url` (by its host
    /// name), with the offices its releases name by a bare title.
    pub fn publisher(&self, url: &str) -> Option<(EntityIdx, &Publisher)> {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest
            .split(['/', '?', '#', ':'])
            .next()?
            .to_ascii_lowercase();
        let p = self.lexicon.publishers.iter().find(|p| {
            host == p.host
                || host
                    .strip_suffix(p.host.as_str())
                    .is_some_and(|h| h.ends_with('.'))
        })?;
        Some((self.by_id(&p.state)?, p))
    }

    /// Who held `role` for `of` on `date`.
    pub fn holder(&self, role: &str, of: EntityIdx, date: Option<&str>) -> Option<EntityIdx> {
        let mut found = self
            .roles
            .iter()
            .filter(|r| r.of == of && r.role == role && in_office(r, date));
        let first = found.next()?;
        // Without a date, only a sole holder is certain.
        if date.is_none() && found.next().is_some() {
            return None;
        }
        Some(first.person)
    }

    /// The one person who held `role` on `date` (for `of`, when given) and
    /// whose name ends with `surname`: "Vice President Harris" in 2021 is
    /// Kamala Harris though the gazetteer knows another Harris. `None` when
    /// no holder, or more than one, fits.
    pub fn holder_by_surname(
        &self,
        role: &str,
        surname: &str,
        of: Option<EntityIdx>,
        date: Option<&str>,
    ) -> Option<EntityIdx> {
        let fold = |w: &str| crate::ontology::strip_diacritics(w).to_lowercase();
        let key = fold(surname);
        let mut found = self.roles.iter().filter(|r| {
            r.role == role
                && of.is_none_or(|o| r.of == o)
                && in_office(r, date)
                && self
                    .entry(r.person)
                    .name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| fold(last) == key)
        });
        let first = found.next()?.person;
        found.all(|r| r.person == first).then_some(first)
    }

    /// Gazetteer matches in `text`, on word boundaries and obeying case rules.
    ///
    /// Extraction cannot fail: an automaton that did not compile finds
    /// nothing here, and [`Gazetteer::compile`] is where that failure is
    /// reported (every constructor but [`Gazetteer::tables`] calls it).
    pub fn find<'a>(&'a self, text: &'a str) -> Vec<Match<'a>> {
        let Ok(matcher) = self.matcher() else {
            return Vec::new();
        };
        // A name starts a word (`accept`).
        find_at_word_starts(matcher, text, |start, end, pattern| {
            self.accept(text, start, end, pattern)
        })
    }

    fn accept<'a>(
        &'a self,
        text: &str,
        start: usize,
        end: usize,
        pattern: usize,
    ) -> Option<Match<'a>> {
        let form = self.forms.get(pattern)?;
        let found = text.get(start..end)?;
        // A combining form ("Sino-" in "Sino-Indian") is glued to what follows.
        let before_ok = !text
            .get(..start)
            .and_then(|t| t.chars().next_back())
            .is_some_and(is_word_char);
        let after_ok = found.ends_with('-')
            || !text
                .get(end..)
                .and_then(|t| t.chars().next())
                .is_some_and(is_word_char);
        if !(before_ok && after_ok) {
            return None;
        }
        // Inside a hyphenated name a place or a person is only a piece:
        // "Euro-Atlantic" is not the Atlantic, "Yunus-Bek Yevkurov" not
        // Muhammad Yunus. Demonyms and states keep their compounds
        // ("Sino-Indian", "Russia-Ukraine", "Iran-backed").
        let piece = form.readings.iter().all(|r| {
            r.class == FormClass::Name
                && matches!(
                    self.entries[r.entity as usize].kind,
                    Kind::Region | Kind::Person
                )
        });
        if piece {
            let mut before = text.get(..start).unwrap_or("").chars().rev();
            let glued_before =
                before.next() == Some('-') && before.next().is_some_and(char::is_alphanumeric);
            let mut after = text.get(end..).unwrap_or("").chars();
            let glued_after =
                after.next() == Some('-') && after.next().is_some_and(char::is_uppercase);
            if glued_before || glued_after {
                return None;
            }
        }
        if form.exact && found != form.text {
            return None;
        }
        if form.capital && !found.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        Some(Match {
            start,
            end,
            readings: &form.readings,
        })
    }
}

/// Whether an office was held on a date; dates compare as text, so a
/// bare year covers the whole year.
fn in_office(r: &Role, date: Option<&str>) -> bool {
    let Some(d) = date else {
        return r.end.is_none();
    };
    let starts_ok = r.start.as_deref().is_none_or(|s| s <= d);
    let ends_ok = r.end.as_deref().is_none_or(|e| {
        // "2017" as an end year includes all of 2017.
        if e.len() == 4 {
            d.get(..4).is_some_and(|y| y <= e)
        } else {
            d <= e
        }
    });
    starts_ok && ends_ok
}

/// An entity's current memberships as `show` prints them: the members of
/// an alliance and the alliances an entity belongs to, by name, in the
/// order the gazetteer lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Memberships {
    /// Current members, when the entity is an alliance.
    pub members: Vec<String>,
    /// Alliances the entity currently belongs to.
    pub member_of: Vec<String>,
}

/// [`Memberships`] of the entity with this id in the built-in gazetteer,
/// read from its member files and the entity files' names alone, without
/// building the gazetteer (issue 11: `show` paid 60 ms or more for it).
/// The same answer as [`Gazetteer::members_of`] and
/// [`Gazetteer::members`] on the built-in gazetteer: the files are the
/// ones [`Gazetteer::tables`] loads, in its order, and a later entity row
/// with a known id keeps the first row's name, as the loader does.
pub fn builtin_memberships(id: &str) -> Result<Memberships, GazetteerError> {
    // (alliance, member) ids of the current rows that name `id`, in order.
    let mut rows: Vec<(&str, &str, &str, usize)> = Vec::new();
    for (path, text) in BUILTIN {
        let t = Table::parse(path, text)?;
        if t.col("alliance").is_none() || t.col("member").is_none() || t.col("id").is_some() {
            continue;
        }
        let (ca, cm, cl) = (t.col("alliance"), t.col("member"), t.col("left"));
        for (line, row) in &t.rows {
            let (a, m) = (cell(row, ca), cell(row, cm));
            if (a == id || m == id) && cell(row, cl).is_empty() {
                rows.push((a, m, path, *line));
            }
        }
    }
    if rows.is_empty() {
        return Ok(Memberships::default());
    }
    let mut names: HashMap<&str, &str> = HashMap::new();
    for (path, text) in BUILTIN {
        let t = Table::parse(path, text)?;
        let (Some(ci), Some(_), Some(cn)) = (t.col("id"), t.col("kind"), t.col("name")) else {
            continue;
        };
        for (_, row) in &t.rows {
            names
                .entry(cell(row, Some(ci)))
                .or_insert(cell(row, Some(cn)));
        }
    }
    let name = |id: &str, path: &str, line: usize| -> Result<String, GazetteerError> {
        names
            .get(id)
            .map(|n| n.to_string())
            .ok_or_else(|| GazetteerError::Row {
                path: path.to_string(),
                line,
                message: format!("unknown entity '{id}'"),
            })
    };
    let mut out = Memberships::default();
    for (a, m, path, line) in rows {
        if a == id {
            out.members.push(name(m, path, line)?);
        }
        if m == id {
            out.member_of.push(name(a, path, line)?);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects the word-start search of names, titles and cues: on real
    /// articles it finds exactly what the search at every position finds.
    #[test]
    fn word_start_search_equals_the_full_search() {
        let g = Gazetteer::builtin().unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/corpus-train/articles");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        let matcher = g.matcher().as_ref().unwrap();
        let mut names = 0;
        for p in paths.iter().take(40) {
            let text = std::fs::read_to_string(p).unwrap();
            let accept = |s, e, pat| g.accept(&text, s, e, pat).map(|m| (m.start, m.end));
            let all = find_checked(matcher, &text, accept);
            assert_eq!(find_at_word_starts(matcher, &text, accept), all);
            names += all.len();
            let titles = |s, e, pat: usize| {
                (g.lexicon.titles.get(pat).is_some() && on_boundaries(&text, s, e))
                    .then_some((s, e))
            };
            assert_eq!(
                find_at_word_starts(&g.lexicon.titles_matcher, &text, titles),
                find_checked(&g.lexicon.titles_matcher, &text, titles)
            );
            let cues = g.lexicon.find_cues(&text);
            let every = |s, e, pat: usize| {
                let cue = g.lexicon.cues.get(pat)?;
                let glued = cue.form == CueForm::Suffix;
                (glued || on_boundaries(&text, s, e)).then_some((s, e))
            };
            let all = find_checked(&g.lexicon.cues_matcher, &text, every);
            assert_eq!(
                find_at_word_starts(&g.lexicon.cues_matcher, &text, every),
                all
            );
            assert!(cues.len() <= all.len());
        }
        assert!(names > 1000, "{names}");
    }

    /// Protects `holder_by_surname`: the office and the date pick one of
    /// two Harrises, the state narrows when given, and no holder or a wrong
    /// state gives nobody.
    #[test]
    fn a_surname_and_an_office_pick_the_holder_of_the_day() {
        let g = crate::testing::gazetteer();
        let id = |k: Option<EntityIdx>| k.map(|k| g.entry(k).id.clone());
        let usa = g.by_id("state/USA");
        let irl = g.by_id("state/IRL");
        let vp = |of, date| id(g.holder_by_surname("vice president", "Harris", of, date));
        assert_eq!(
            vp(None, Some("2022-03-01")).as_deref(),
            Some("person/kamala-harris")
        );
        assert_eq!(
            vp(usa, Some("2022-03-01")).as_deref(),
            Some("person/kamala-harris")
        );
        assert_eq!(vp(irl, Some("2022-03-01")), None);
        assert_eq!(vp(None, Some("2019-03-01")), None);
        assert_eq!(
            id(g.holder_by_surname("taoiseach", "harris", None, Some("2024-06-01"))).as_deref(),
            Some("person/simon-harris")
        );
        assert_eq!(
            id(g.holder_by_surname("president", "Harris", None, Some("2022-03-01"))),
            None
        );
    }

    /// Protects `show`'s memberships without the gazetteer (issue 11):
    /// for every entity in a membership, and every 25th of the others, the
    /// member files alone give what the built gazetteer gives.
    #[test]
    fn builtin_memberships_equal_the_gazetteer() {
        let g = crate::testing::gazetteer();
        let named: HashSet<EntityIdx> = g
            .members()
            .iter()
            .flat_map(|m| [m.alliance, m.member])
            .collect();
        let mut listed = 0;
        for k in (0..g.len() as EntityIdx).filter(|k| named.contains(k) || k % 25 == 0) {
            let id = &g.entry(k).id;
            let want = Memberships {
                members: g
                    .members_of(k)
                    .filter(|m| m.left.is_none())
                    .map(|m| g.entry(m.member).name.clone())
                    .collect(),
                member_of: g
                    .members()
                    .iter()
                    .filter(|m| m.member == k && m.left.is_none())
                    .map(|m| g.entry(m.alliance).name.clone())
                    .collect(),
            };
            listed += want.members.len() + want.member_of.len();
            assert_eq!(builtin_memberships(id).unwrap(), want, "{id}");
        }
        assert!(listed > 1000, "{listed}");
        assert_eq!(
            builtin_memberships("person/nobody").unwrap(),
            Memberships::default()
        );
    }

    /// Protects publisher lookup: host names match at a dot boundary, and
    /// every listed publisher names a loaded state.
    #[test]
    fn publishers_by_host() {
        let g = crate::testing::gazetteer();
        let us = g.by_id("state/USA");
        assert_eq!(
            g.publisher("https://www.state.gov/secretary-blinkens-call/")
                .map(|p| p.0),
            us
        );
        assert_eq!(g.publisher("https://whitehouse.gov/x").map(|p| p.0), us);
        assert!(g.publisher("https://notstate.gov/x").is_none());
        assert!(g.publisher("https://en.wikinews.org/wiki/X").is_none());
        for p in &g.lexicon.publishers {
            assert!(g.by_id(&p.state).is_some(), "{} names no state", p.host);
        }
    }

    /// Protects the party labels: each names a loaded organisation.
    #[test]
    fn party_labels_name_organisations() {
        let g = crate::testing::gazetteer();
        assert!(!g.lexicon.party_labels.is_empty());
        for (label, id) in &g.lexicon.party_labels {
            let e = g.by_id(id).map(|e| g.entry(e).kind);
            assert_eq!(e, Some(Kind::Organization), "{label}: {id}");
        }
    }

    /// Protects frame expansion: regular inflections of verbs and nouns.
    #[test]
    fn tail_cue_is_found_before_its_plain_head() {
        // Protects "held talks in New Delhi with X": the matcher reports the
        // first of equal patterns, so a tail cue must come before the plain
        // cue that is its head, and both are found in the text.
        let g = Gazetteer::builtin().unwrap();
        let cues = &g.lexicon.cues;
        let tail = cues.iter().position(|c| c.text == "held talks ... with");
        let plain = cues.iter().position(|c| c.text == "held talks");
        assert!(tail.is_some() && plain.is_some() && tail < plain);
        let found = g.lexicon.find_cues("They held talks in Doha with him.");
        assert_eq!(
            found.iter().map(|c| c.2.text.as_str()).collect::<Vec<_>>(),
            ["held talks ... with"]
        );
    }

    #[test]
    fn frames_inflect_regular_words() {
        assert_eq!(
            inflect("condemn", false),
            ["condemn", "condemns", "condemned", "condemning"]
        );
        assert_eq!(
            inflect("praise", false),
            ["praise", "praises", "praised", "praising"]
        );
        assert_eq!(
            inflect("ally", false),
            ["ally", "allies", "allied", "allying"]
        );
        assert_eq!(inflect("siege", true), ["siege", "sieges"]);
        assert_eq!(inflect("crash", true), ["crash", "crashes"]);
    }

    const ENTITIES: &str = "id\tkind\tname\taliases\tpart_of\tqid\tattrs\n\
state/RUS\tstate\tRussia\tRussian Federation\t\tQ159\tiso3=RUS\n\
state/USA\tstate\tUnited States\tUS|U.S.|America\t\t\t\n\
region/city/moscow\tregion\tMoscow\t\tstate/RUS\t\tcapital_of=state/RUS\n\
person/vladimir-putin\tperson\tVladimir Putin\tPutin\t\tQ7747\t\n";

    const FORMS: &str = "form\tentity\tclass\nRussian\tstate/RUS\tadjective\nKremlin\tstate/RUS\tbuilding\nMoscow\tstate/RUS\tcapital\n";

    fn gaz() -> Gazetteer {
        Gazetteer::from_texts(&[("e.tsv", ENTITIES), ("f.tsv", FORMS)]).unwrap()
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(text)
            .into_iter()
            .map(|m| {
                format!(
                    "{}={}",
                    &text[m.start..m.end],
                    g.entry(m.readings[0].entity).id
                )
            })
            .collect()
    }

    /// Protects case rules: "US" matches only in capitals, names need a capital.
    #[test]
    fn case_rules() {
        let g = gaz();
        assert_eq!(found(&g, "let us go to the US"), ["US=state/USA"]);
        assert_eq!(found(&g, "russian and Russian"), ["Russian=state/RUS"]);
        assert_eq!(found(&g, "U.S. officials"), ["U.S.=state/USA"]);
    }

    /// Protects word boundaries, possessives and hyphenated adjectives.
    #[test]
    fn boundaries() {
        let g = gaz();
        assert_eq!(
            found(&g, "Russia's Russian-backed Russians"),
            ["Russia=state/RUS", "Russian=state/RUS"]
        );
        assert_eq!(
            found(&g, "Vladimir Putin and Putin"),
            [
                "Vladimir Putin=person/vladimir-putin",
                "Putin=person/vladimir-putin"
            ]
        );
    }

    /// Protects capitals: one form, a state reading first and the city second.
    #[test]
    fn capitals_have_two_readings() {
        let g = gaz();
        let r = g.lookup("moscow");
        assert_eq!(r.len(), 2);
        assert_eq!(g.entry(r[0].entity).id, "state/RUS");
        assert_eq!(r[0].class, FormClass::Capital);
    }

    /// Protects the loader's checks: unknown kinds, dangling references and
    /// unlisted ambiguous aliases fail with file and line.
    #[test]
    fn bad_rows_are_reported_with_line() {
        let bad_kind = "id\tkind\tname\nx/1\tcountry\tX\n";
        let e = Gazetteer::from_texts(&[("bad.tsv", bad_kind)])
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("bad.tsv:2: unknown kind 'country'"), "{e}");
        let dangling = "id\tkind\tname\tpart_of\nregion/x\tregion\tX\tstate/NOPE\n";
        let e = Gazetteer::from_texts(&[("d.tsv", dangling)])
            .unwrap_err()
            .to_string();
        assert_eq!(e, "d.tsv:2: part_of 'state/NOPE' names no known entity");
        let two = "id\tkind\tname\taliases\nstate/GEO\tstate\tGeorgia\t\nregion/US-GA\tregion\tGeorgia State\tGeorgia\n";
        let e = Gazetteer::from_texts(&[("a.tsv", two)])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("alias 'Georgia' names state/GEO and region/US-GA"),
            "{e}"
        );
        let listed = "alias\tentities\tnote\nGeorgia\tstate/GEO|region/US-GA\t\n";
        assert!(Gazetteer::from_texts(&[("a.tsv", two), ("amb.tsv", listed)]).is_ok());
    }

    /// Protects role lookup by date.
    #[test]
    fn roles_by_date() {
        let roles = "person\trole\tof\tstart\tend\nperson/vladimir-putin\tpresident\tstate/RUS\t2012-05-07\t\nperson/vladimir-putin\tprime minister\tstate/RUS\t2008-05-08\t2012-05-07\n";
        let g = Gazetteer::from_texts(&[("e.tsv", ENTITIES), ("r.tsv", roles)]).unwrap();
        let rus = g.by_id("state/RUS").unwrap();
        let putin = g.by_id("person/vladimir-putin");
        assert_eq!(g.holder("president", rus, Some("2025-03-01")), putin);
        assert_eq!(g.holder("president", rus, Some("2010-03-01")), None);
        assert_eq!(g.holder("prime minister", rus, Some("2010-03-01")), putin);
    }

    /// Protects the shipped data: it loads, and its matcher is built.
    #[test]
    fn builtin_data_loads() {
        let g = Gazetteer::builtin().unwrap();
        assert!(g.form_count() >= g.len());
    }
}
