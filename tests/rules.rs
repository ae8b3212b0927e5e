//! Table-driven rule tests for the extractor: one line per case, each edge
//! type in active, passive, nominal, coordinated and negated forms. A case
//! names the edges that must come out (unflagged), or that must come out
//! only as negated/hypothetical. Regressions are named after what broke.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use geokg::article::Article;
use geokg::extract::extract;
use geokg::gazetteer::Gazetteer;
use geokg::ontology::EdgeType;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().unwrap())
}

/// (source, type, target, flagged) for every relation of `text`.
fn edges(text: &str) -> Vec<(String, String, String, bool)> {
    article_edges(&Article::from_body("case", text), "negated")
}

/// (source, type, target, whether the JSON field `flag` is set) for every
/// relation of the article.
fn article_edges(a: &Article, flag: &str) -> Vec<(String, String, String, bool)> {
    let x = extract(a, gazetteer());
    let json = serde_json::to_value(x.to_json(a)).unwrap();
    json["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["source"].as_str().unwrap().to_string(),
                r["type"].as_str().unwrap().to_string(),
                r["target"].as_str().unwrap().to_string(),
                r.get(flag).is_some(),
            )
        })
        .collect()
}

fn has(
    found: &[(String, String, String, bool)],
    (s, t, o): (&str, &str, &str),
    flagged: bool,
) -> bool {
    let symmetric = t.parse::<EdgeType>().unwrap().is_symmetric();
    found.iter().any(|(fs, ft, fo, ff)| {
        ft == t && *ff == flagged && ((fs == s && fo == o) || (symmetric && fs == o && fo == s))
    })
}

/// A comparable form of an edge: symmetric ends in name order.
fn norm(s: &str, t: &str, o: &str) -> (String, String, String) {
    let symmetric = t.parse::<EdgeType>().unwrap().is_symmetric();
    if symmetric && o < s {
        (o.to_string(), t.to_string(), s.to_string())
    } else {
        (s.to_string(), t.to_string(), o.to_string())
    }
}

/// The unflagged edges of `text` are exactly `expected` plus `extra`
/// (edges that are also right, listed so that any other edge fails the
/// case), and every expected edge is there.
fn check(text: &str, expected: &[(&str, &str, &str)], extra: &[(&str, &str, &str)]) {
    use std::collections::BTreeSet;
    let found: BTreeSet<_> = edges(text)
        .iter()
        .filter(|e| !e.3)
        .map(|(s, t, o, _)| norm(s, t, o))
        .collect();
    let want: BTreeSet<_> = expected.iter().map(|&(s, t, o)| norm(s, t, o)).collect();
    let accepted: BTreeSet<_> = extra.iter().map(|&(s, t, o)| norm(s, t, o)).collect();
    let missing: Vec<_> = want.difference(&found).collect();
    let unexpected: Vec<_> = found
        .iter()
        .filter(|e| !want.contains(*e) && !accepted.contains(*e))
        .collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "{text}\n  missing {missing:?}\n  unexpected {unexpected:?}"
    );
}

/// Each edge comes out only flagged (negated or hypothetical).
fn check_flagged(text: &str, expected: &[(&str, &str, &str)]) {
    let found = edges(text);
    for &e in expected {
        assert!(
            has(&found, e, true),
            "{text}\n  missing flagged {e:?}\n  found {found:?}"
        );
        assert!(
            !has(&found, e, false),
            "{text}\n  {e:?} is not flagged\n  found {found:?}"
        );
    }
}

/// The edge does not come out at all.
fn check_absent(text: &str, absent: &[(&str, &str, &str)]) {
    let found = edges(text);
    for &e in absent {
        assert!(
            !has(&found, e, false) && !has(&found, e, true),
            "{text}\n  unexpected {e:?}\n  found {found:?}"
        );
    }
}

macro_rules! t {
    ($name:ident, $text:expr, $edges:expr) => {
        #[test]
        fn $name() {
            check($text, $edges, &[]);
        }
    };
    ($name:ident, $text:expr, $edges:expr, also: $extra:expr) => {
        #[test]
        fn $name() {
            check($text, $edges, $extra);
        }
    };
}

macro_rules! neg {
    ($name:ident, $text:expr, $edges:expr) => {
        #[test]
        fn $name() {
            check_flagged($text, $edges);
        }
    };
}

macro_rules! not {
    ($name:ident, $text:expr, $edges:expr) => {
        #[test]
        fn $name() {
            check_absent($text, $edges);
        }
    };
}

const US: &str = "United States";

// met-with
t!(
    met_active,
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow.",
    &[
        ("Vladimir Putin", "met-with", "Xi Jinping"),
        ("Xi Jinping", "visited", "Moscow")
    ],
    also: &[("Vladimir Putin", "represents", "Russia"), ("Xi Jinping", "represents", "China")]
);
t!(
    met_with_coordinated_objects,
    "John Kerry met with Vladimir Putin and Sergei Lavrov on Tuesday.",
    &[
        ("John Kerry", "met-with", "Vladimir Putin"),
        ("John Kerry", "met-with", "Sergei Lavrov")
    ]
);
t!(
    met_coordinated_subjects,
    "Narendra Modi and Nawaz Sharif met in New Delhi.",
    &[("Narendra Modi", "met-with", "Nawaz Sharif")]
);
t!(
    met_nominal_possessive,
    "Witkoff's meeting with Putin lasted five hours. US envoy Steve Witkoff left.",
    &[("Steve Witkoff", "met-with", "Vladimir Putin")],
    also: &[("Steve Witkoff", "represents", US)]
);
t!(
    met_between,
    "Talks between Armenia, Azerbaijan and Russia ended.",
    &[
        ("Armenia", "met-with", "Azerbaijan"),
        ("Armenia", "met-with", "Russia"),
        ("Azerbaijan", "met-with", "Russia")
    ]
);
t!(
    met_phone_call,
    "Joe Biden held a phone call with Volodymyr Zelenskyy on Thursday.",
    &[("Joe Biden", "met-with", "Volodymyr Zelensky")]
);
t!(
    met_they_pronoun,
    "Joe Biden met Keir Starmer at the White House. They condemned Russia.",
    &[
        ("Joe Biden", "opposes", "Russia"),
        ("Keir Starmer", "opposes", "Russia")
    ],
    also: &[("Joe Biden", "met-with", "Keir Starmer")]
);
neg!(
    met_negated,
    "Vladimir Putin did not meet Volodymyr Zelenskyy.",
    &[("Vladimir Putin", "met-with", "Volodymyr Zelensky")]
);
neg!(
    met_hypothetical,
    "Donald Trump could meet Kim Jong Un next year.",
    &[("Donald Trump", "met-with", "Kim Jong Un")]
);

// visited
t!(
    visited_active,
    "Antony Blinken visited China last week.",
    &[("Antony Blinken", "visited", "China")]
);
t!(
    visited_arrived,
    "Narendra Modi arrived in Ukraine on Friday.",
    &[("Narendra Modi", "visited", "Ukraine")]
);
t!(
    visited_nominal,
    "Emmanuel Macron's trip to Beijing drew criticism.",
    &[("Emmanuel Macron", "visited", "Beijing")]
);
neg!(
    visited_negated,
    "Xi Jinping has never visited Taiwan.",
    &[("Xi Jinping", "visited", "Taiwan")]
);

// claims
t!(
    claims_active,
    "China claims the Spratly Islands.",
    &[("China", "claims", "Spratly Islands")]
);
t!(
    claims_annexed,
    "Russia annexed Crimea in 2014.",
    &[("Russia", "claims", "Crimea")]
);
t!(
    claims_part_of,
    "Any deal would involve recognizing Crimea and the Kherson and Zaporozhye Regions as part of Russia.",
    &[
        ("Russia", "claims", "Crimea"),
        ("Russia", "claims", "Kherson Oblast"),
        ("Russia", "claims", "Zaporizhzhia Oblast")
    ]
);
t!(
    claims_nominal,
    "Argentina's claim to the Falkland Islands is old.",
    &[("Argentina", "claims", "Falkland Islands")]
);

// opposes
t!(
    opposes_active,
    "The Kremlin opposes any NATO presence in Ukraine.",
    &[("Russia", "opposes", "North Atlantic Treaty Organization")]
);
t!(
    opposes_condemned_possessive,
    "Ban Ki-moon condemned North Korea's launch.",
    &[("Ban Ki-moon", "opposes", "North Korea")]
);
t!(
    opposes_relative_clause,
    "Russia, which backs the Syrian government, condemned the United States.",
    &[("Russia", "opposes", US)],
    also: &[("Russia", "supports", "Syria")]
);
t!(
    opposes_compound_head,
    "Joe Biden condemned Iran-backed Houthi attacks.",
    &[
        ("Joe Biden", "opposes", "Houthis"),
        ("Iran", "supports", "Houthis")
    ]
);
neg!(
    opposes_negated,
    "Germany did not condemn Israel.",
    &[("Germany", "opposes", "Israel")]
);

// supports
t!(
    supports_active,
    "France supports Ukraine.",
    &[("France", "supports", "Ukraine")]
);
t!(
    supports_nominal,
    "Poland reaffirmed its support for Ukraine.",
    &[("Poland", "supports", "Ukraine")]
);
t!(
    supports_gap_cue,
    "Iran sent drones to Russia.",
    &[("Iran", "supports", "Russia")]
);
t!(
    supports_passive,
    "The Houthis are backed by Iran.",
    &[("Iran", "supports", "Houthis")]
);

// accuses
t!(
    accuses_active,
    "Saudi Arabia accused Iran of arming the Houthis.",
    &[("Saudi Arabia", "accuses", "Iran")],
    also: &[("Iran", "supports", "Houthis")]
);
t!(
    accuses_blamed,
    "Ukraine blamed Russia for the attack.",
    &[("Ukraine", "accuses", "Russia")]
);
neg!(
    accuses_negated,
    "China did not accuse Japan.",
    &[("China", "accuses", "Japan")]
);

// threatens
t!(
    threatens_active,
    "North Korea threatened South Korea with retaliation.",
    &[("North Korea", "threatens", "South Korea")]
);
t!(
    threatens_warned,
    "China warned Taiwan against independence.",
    &[("China", "threatens", "Taiwan")]
);

// sanctions
t!(
    sanctions_active,
    "The European Union sanctioned Belarus.",
    &[("European Union", "sanctions", "Belarus")]
);
t!(
    sanctions_imposed,
    "ECOWAS imposed sanctions on Mali.",
    &[(
        "Economic Community of West African States",
        "sanctions",
        "Mali"
    )]
);
// A counted description and a colon or comma introduce the list of targets.
t!(
    sanctions_counted_list_after_colon,
    "The European Union sanctioned three companies: Sberbank, Gazprom and Rosneft.",
    &[
        ("European Union", "sanctions", "Sberbank"),
        ("European Union", "sanctions", "Gazprom"),
        ("European Union", "sanctions", "Rosneft")
    ]
);
t!(
    sanctions_counted_list_with_state_adjective,
    "Canada sanctioned two Russian banks, Sberbank and VTB.",
    &[
        ("Canada", "sanctions", "Sberbank"),
        ("Canada", "sanctions", "VTB")
    ]
);
t!(
    visited_counted_list_including,
    "Antony Blinken visited several countries, including Kenya and Nigeria.",
    &[
        ("Antony Blinken", "visited", "Kenya"),
        ("Antony Blinken", "visited", "Nigeria")
    ]
);
// A count not followed by a list names no target.
not!(
    counted_description_without_list,
    "Canada sanctioned two banks in Moscow, Russia.",
    &[("Canada", "sanctions", "Russia")]
);
t!(
    sanctions_expanded,
    "Barack Obama announced expanded sanctions against Russia.",
    &[("Barack Obama", "sanctions", "Russia")]
);
neg!(
    sanctions_hypothetical,
    "Washington could impose sanctions on Turkey.",
    &[(US, "sanctions", "Turkey")]
);

// attacks
t!(
    attacks_active,
    "Russia attacked Ukraine with drones.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    attacks_passive,
    "Kyiv was struck by Russia overnight.",
    &[("Russia", "attacks", "Kyiv")]
);
t!(
    attacks_agent_nominal,
    "Ukraine said overnight attacks from Russia included 20 drones.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    attacks_gap_cue,
    "Russian forces launched 600 drones at Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    attacks_mutual,
    "Britain and Argentina fought a war over the islands.",
    &[
        ("United Kingdom", "attacks", "Argentina"),
        ("Argentina", "attacks", "United Kingdom")
    ]
);
// A fight with an object fought is no fight between the subjects.
not!(
    attacks_mutual_not_with_an_object,
    "Secretary Blinken and Foreign Secretary Truss stressed the role it plays in fighting HIV/AIDS and malaria.",
    &[
        ("Antony Blinken", "attacks", "Liz Truss"),
        ("Liz Truss", "attacks", "Antony Blinken")
    ]
);
t!(
    attacks_capital_place,
    "Russian drones hit Kyiv on Monday.",
    &[("Russia", "attacks", "Kyiv")]
);
not!(
    attacks_place_is_not_target,
    "Russia's moratorium on strikes against energy infrastructure was evidence of Kiev's bad faith.",
    &[("Russia", "attacks", "Kyiv")]
);

// cooperates-with
t!(
    cooperates_signed,
    "Japan signed an agreement with the Philippines.",
    &[("Japan", "cooperates-with", "Philippines")]
);
t!(
    cooperates_coordinated,
    "Donald Trump and Kim Jong Un signed an agreement in Singapore.",
    &[("Donald Trump", "cooperates-with", "Kim Jong Un")]
);
t!(
    cooperates_between,
    "The treaty between India and Pakistan holds.",
    &[("India", "cooperates-with", "Pakistan")]
);

// member-of
t!(
    member_joined,
    "Finland joined NATO in 2023.",
    &[("Finland", "member-of", "North Atlantic Treaty Organization")]
);
t!(
    member_accession,
    "Sweden's accession to NATO was completed.",
    &[("Sweden", "member-of", "North Atlantic Treaty Organization")]
);

// A killing or assassination names its agent only in a possessor
// (`data/lexicon/possessed_acts.txt`); as a topic it names no attacker.
t!(
    killing_by_its_possessor,
    "The move follows the United States' killing of Qasem Soleimani in an airstrike last week.",
    &[("United States", "attacks", "Qassem Soleimani")]
);
t!(
    assassination_as_a_topic_names_no_attacker,
    "Japan, India and Australia are shocked at the tragic assassination of Shinzo Abe.",
    &[]
);
not!(
    investigated_killing_names_no_attacker,
    "Iran issued warrants for 36 people involved in the assassination of Qasem Soleimani.",
    &[("Iran", "attacks", "Qassem Soleimani")]
);

// represents
t!(
    represents_front_title,
    "US special envoy Steve Witkoff spoke.",
    &[("Steve Witkoff", "represents", US)]
);
t!(
    represents_of_after,
    "President Volodymyr Zelenskyy of Ukraine spoke.",
    &[("Volodymyr Zelensky", "represents", "Ukraine")]
);
t!(
    represents_apposition_after,
    "Sergei Lavrov, Russia's foreign minister, spoke.",
    &[("Sergei Lavrov", "represents", "Russia")]
);
t!(
    represents_apposition_before,
    "The U.S. ambassador to the United Nations, Susan Rice, spoke.",
    &[("Susan Rice", "represents", US)]
);
t!(
    represents_portfolio,
    "South Sudan Minister of Information Barnaba Benjamin spoke.",
    &[("Barnaba Benjamin", "represents", "South Sudan")]
);
// A member of a state's legislature or of a body holds a role for it:
// "a member of the Tunisian Parliament", "Politburo Member".
t!(
    represents_member_of_a_legislature,
    "A member of the Tunisian Parliament, Samir Dilou said the law was needed.",
    &[("Samir Dilou", "represents", "Tunisia")]
);
t!(
    represents_member_in_apposition,
    "Edwin Castro, member of the Nicaraguan National Assembly since 1997, was named.",
    &[("Edwin Castro", "represents", "Nicaragua")]
);
t!(
    represents_organ,
    "Kremlin spokesman Dmitry Peskov said nothing.",
    &[("Dmitry Peskov", "represents", "Russia")]
);
// A second office in apposition after a name whose first is the title in
// front: each body the text names is represented.
t!(
    represents_second_office_in_apposition,
    "Kenya's William Ruto, chair of the East African Community, convened a summit.",
    &[
        ("William Ruto", "represents", "Kenya"),
        ("William Ruto", "represents", "East African Community")
    ]
);
t!(
    represents_second_office_possessive,
    "Former Nigerian President Olusegun Obasanjo, the AU's chief mediator, said the talks went well.",
    &[
        ("Olusegun Obasanjo", "represents", "Nigeria"),
        ("Olusegun Obasanjo", "represents", "African Union")
    ]
);
// A list of titled names is no apposition: the next title is the next
// person's.
// Isolating a state from the financial system or the economies is a
// sanction; isolating it "in the world" stays opposition.
t!(
    sanctions_isolate_from_the_financial_system,
    "The United States and its allies are isolating Russia from the global economy.",
    &[(US, "sanctions", "Russia")]
);
t!(
    sanctions_isolate_from_the_financial_system_by_several,
    "France, Germany and Canada will isolate Russia from the international financial system and our economies.",
    &[
        ("France", "sanctions", "Russia"),
        ("Germany", "sanctions", "Russia"),
        ("Canada", "sanctions", "Russia")
    ]
);
not!(
    isolated_in_the_world_is_no_sanction,
    "With its further aggression, Russia has isolated itself in the world, and France isolated Russia in the world.",
    &[("France", "sanctions", "Russia")]
);
// A verb's object may be a title, possessed by a description, in
// apposition before the person named after its comma.
t!(
    accuses_described_title_before_the_name,
    "Tehran has accused the agency's director general, Rafael Grossi, of paving the way for the attacks.",
    &[("Iran", "accuses", "Rafael Grossi")]
);
t!(
    opposes_described_title_before_the_name,
    "Iran condemned the group's leader, Abu Bakr al-Baghdadi, for the attacks.",
    &[("Iran", "opposes", "Abu Bakr al-Baghdadi")]
);
// A lowercase noun phrase that is no title keeps the name out of reach.
t!(
    described_nontitle_before_the_name_is_no_object,
    "Tehran has accused the agency's inspectors, and Rafael Grossi said nothing.",
    &[]
);
not!(
    represents_list_of_titled_names_is_no_second_office,
    "Secretary Blinken spoke today with NATO Secretary General Stoltenberg, OSCE Chair-in-Office and Polish Foreign Minister Rau, and EU High Representative Borrell.",
    &[(
        "Jens Stoltenberg",
        "represents",
        "Organization for Security and Co-operation in Europe"
    )]
);
not!(
    represents_list_after_a_bracket_is_no_second_office,
    "Speakers included First Minister of Scotland Nicola Sturgeon, Labour MP (Member of Parliament) Tom Watson, and Sadiq Khan.",
    &[("Nicola Sturgeon", "represents", "Labour Party")]
);
// "the foreign minister" after a name the gazetteer knows: the office it
// knows for that person, as for the title in front.
t!(
    represents_apposed_bare_title_of_a_known_person,
    "Sergei Lavrov, the foreign minister, said talks would go on.",
    &[("Sergei Lavrov", "represents", "Russia")]
);
t!(
    represents_apposed_description_possessive,
    "The Houthis fired missiles. Mohammed Abdulsalam, the group's chief negotiator, said the strikes were a mistake.",
    &[("Mohammed Abdulsalam", "represents", "Houthis")]
);
// An unknown person, or a title going on to a body the text does not name,
// gives no office.
t!(
    represents_apposed_bare_title_needs_a_known_person,
    "John Smithfield, the foreign minister, said talks would go on.",
    &[]
);
t!(
    represents_apposed_title_of_an_unnamed_body,
    "Sergei Lavrov, the head of an aid group, said talks would go on.",
    &[]
);

// Regressions.
not!(
    regression_title_is_not_organ,
    "Russian Foreign Minister Sergei Lavrov met John Kerry.",
    &[("Russia", "met-with", "John Kerry")]
);
t!(
    regression_surname_after_given_name,
    "William Lara accused William Brownfield.",
    &[("William Lara", "accuses", "William Brownfield")]
);
t!(
    supports_participle,
    "The Houthis, backed by Iran, fired missiles.",
    &[("Iran", "supports", "Houthis")]
);
t!(
    attacks_its_war,
    "Washington pledged support for Kyiv in its war with Russia.",
    &[("Russia", "attacks", "Ukraine")],
    also: &[("Ukraine", "attacks", "Russia"), (US, "supports", "Ukraine")]
);
t!(
    met_gap_cue,
    "Antony Blinken spoke today with Wang Yi.",
    &[("Antony Blinken", "met-with", "Wang Yi")]
);
neg!(
    attacks_indefinite_is_hypothetical,
    "Japan said any attack on Taiwan would be a crisis.",
    &[("Japan", "attacks", "Taiwan")]
);
t!(
    regression_shorter_gazetteer_match,
    "Missiles struck Russia and the Kharkiv regions. Russia attacked Kharkiv.",
    &[("Russia", "attacks", "Kharkiv")]
);
t!(
    opposes_evaluation_said,
    "White House spokesman Jay Carney said North Korea's launch was a threat to regional security.",
    &[("Jay Carney", "opposes", "North Korea")],
    also: &[("Jay Carney", "represents", US)]
);
t!(
    opposes_evaluation_quote,
    "\"Iranian interventions in the region are detrimental to security,\" Saudi Foreign Minister Adel al-Jubeir said.",
    &[("Adel al-Jubeir", "opposes", "Iran")],
    also: &[("Adel al-Jubeir", "represents", "Saudi Arabia")]
);
not!(
    opposes_evaluation_negated,
    "Jay Carney said North Korea's launch was not a threat.",
    &[("Jay Carney", "opposes", "North Korea")]
);
t!(
    threatens_later_act,
    "North Korea warned that it would strike the United States.",
    &[("North Korea", "threatens", US)]
);
neg!(
    threatened_act_is_hypothetical,
    "Iran threatened to impose sanctions on Britain.",
    &[("Iran", "sanctions", "United Kingdom")]
);
t!(
    threatens_to_sanction,
    "Iran threatened to impose sanctions on Britain.",
    &[("Iran", "threatens", "United Kingdom")]
);
t!(
    attacks_town_of,
    "Russian forces captured the town of Avdiivka in eastern Ukraine.",
    &[("Russia", "attacks", "Avdiivka")]
);
t!(
    attacks_launched_offensive_is_real,
    "Azerbaijan launched an offensive against Armenian forces.",
    &[("Azerbaijan", "attacks", "Armenia")]
);
t!(
    cooperates_joint_exercises,
    "India and Japan held joint naval exercises in the Bay of Bengal.",
    &[("India", "cooperates-with", "Japan")]
);
t!(
    met_he_in_same_sentence,
    "Viktor Orban visited Beijing, where he met Chinese leader Xi Jinping.",
    &[("Viktor Orbán", "met-with", "Xi Jinping")],
    also: &[("Viktor Orbán", "visited", "Beijing"), ("Xi Jinping", "represents", "China")]
);
t!(
    attacks_nominal_after_verb,
    "Israel killed a Hezbollah commander in a strike on Beirut.",
    &[("Israel", "attacks", "Beirut")],
    also: &[("Israel", "attacks", "Hezbollah")]
);
t!(
    supports_recipient_capital,
    "Britain decided to supply long-range missiles to Kyiv.",
    &[("United Kingdom", "supports", "Ukraine")]
);
t!(
    attacks_exchanged_fire,
    "Pakistan and India exchanged fire along the Line of Control.",
    &[
        ("Pakistan", "attacks", "India"),
        ("India", "attacks", "Pakistan")
    ]
);
not!(
    qualifier_pro_is_not_target,
    "NATO accused the Kremlin of lending support to pro-Russian rebels.",
    &[("North Atlantic Treaty Organization", "supports", "Russia")]
);
t!(
    represents_crown_prince,
    "Marco Rubio met Saudi Crown Prince Mohammed bin Salman.",
    &[
        ("Marco Rubio", "met-with", "Mohammed bin Salman"),
        ("Mohammed bin Salman", "represents", "Saudi Arabia")
    ]
);
t!(
    visited_headed_to,
    "John Kerry is headed to Russia for talks with Vladimir Putin.",
    &[
        ("John Kerry", "visited", "Russia"),
        ("John Kerry", "met-with", "Vladimir Putin")
    ]
);
not!(
    regression_apposition_title_of_next_name,
    "Regarding the meeting with Putin, Kremlin spokesman Dmitry Peskov said nothing.",
    &[("Vladimir Putin", "represents", "Russia")]
);

/// Protects combining forms: "Sino-Indian" names China and India.
#[test]
fn combining_form_names_both_states() {
    let a = Article::from_body("case", "Sino-Indian talks resumed.");
    let x = extract(&a, gazetteer());
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names.contains(&"China") && names.contains(&"India"),
        "{names:?}"
    );
}

/// Protects host cities: a capital that hosts talks is a node; one that is
/// only where something was said is not.
#[test]
fn host_city_of_talks_is_a_node() {
    let names = |text: &str| -> Vec<String> {
        let a = Article::from_body("case", text);
        extract(&a, gazetteer())
            .entities
            .iter()
            .map(|e| e.name.clone())
            .collect()
    };
    assert!(names("Modi and Sharif held talks in New Delhi.").contains(&"New Delhi".to_string()));
    assert!(!names("In Moscow, officials were silent.").contains(&"Moscow".to_string()));
}
t!(
    met_received,
    "French President Emmanuel Macron received Palestinian President Mahmoud Abbas in Paris.",
    &[
        ("Emmanuel Macron", "met-with", "Mahmoud Abbas"),
        ("Mahmoud Abbas", "visited", "Paris")
    ],
    also: &[("Emmanuel Macron", "represents", "France"), ("Mahmoud Abbas", "represents", "Palestine")]
);
neg!(
    supports_denied,
    "Rwanda denies backing the M23 rebels.",
    &[("Rwanda", "supports", "M23")]
);
t!(
    attacks_passive_coordinated,
    "Natanz and Isfahan were targeted by Israel and the United States.",
    &[
        ("Israel", "attacks", "Natanz"),
        ("Israel", "attacks", "Isfahan"),
        (US, "attacks", "Isfahan")
    ],
    also: &[(US, "attacks", "Natanz")]
);
t!(
    opposes_passive_adverb,
    "France has been sharply criticised by Mali.",
    &[("Mali", "opposes", "France")]
);
t!(
    attacks_adjective_agent,
    "Israeli strikes on Beirut killed five people.",
    &[("Israel", "attacks", "Beirut")]
);
// "An Israeli airstrike killed X": a past tense of an attack after a noun
// is the verb, never a noun like "the Iranian missile attacks near Erbil".
t!(
    attacks_past_tense_after_strike_noun,
    "An Israeli airstrike killed Hezbollah commander Fuad Shukr.",
    &[("Israel", "attacks", "Fuad Shukr")],
    also: &[("Fuad Shukr", "represents", "Hezbollah")]
);
// "X launched an airstrike that killed Y": the strike's relative clause is
// the launcher's act; a strike only condemned is not the condemner's.
t!(
    attacks_relative_clause_of_a_launched_strike,
    "The United States launched an airstrike that killed Qassem Soleimani.",
    &[("United States", "attacks", "Qassem Soleimani")]
);
not!(
    condemned_strike_is_not_the_condemners,
    "Hamas condemned the strike that killed Mohammed Deif.",
    &[("Hamas", "attacks", "Mohammed Deif")]
);
t!(
    attacks_past_tense_after_adjective_agent,
    "A U.S. drone strike killed al-Shabaab leader Ahmed Godane.",
    &[("United States", "attacks", "Ahmed Godane")],
    also: &[("Ahmed Godane", "represents", "al-Shabaab")]
);
not!(
    participle_needs_its_noun,
    "Kinshasa said Rwanda deployed troops, an assertion backed by the United Nations.",
    &[("United Nations", "supports", "Rwanda")]
);
neg!(
    conditional_is_hypothetical,
    "If Hezbollah breaks the deal, Israel will attack Lebanon.",
    &[("Israel", "attacks", "Lebanon")]
);
not!(
    quote_closes_the_object,
    "\"We will attack,\" Benjamin Netanyahu said.",
    &[("Benjamin Netanyahu", "attacks", "Benjamin Netanyahu")]
);
not!(
    hyphenated_name_is_not_a_known_person,
    "Traore met Yunus-Bek Yevkurov in Moscow.",
    &[("Ibrahim Traoré", "met-with", "Muhammad Yunus")]
);
t!(
    represents_interim_title,
    "Captain Ibrahim Traore, Burkina Faso's interim president, spoke.",
    &[("Ibrahim Traoré", "represents", "Burkina Faso")]
);
not!(
    speaker_does_not_oppose_own_state,
    "Iran condemned the strikes as a violation, foreign ministry spokesman Nasser Kanaani said.",
    &[("Nasser Kanaani", "opposes", "Iran")]
);
not!(
    nominal_object_of_verb_has_no_agent,
    "Germany condemned threats against the IAEA chief.",
    &[("Germany", "threatens", "International Atomic Energy Agency")]
);
not!(
    verb_target_is_not_after_and,
    "Najib Mikati welcomed the truce and urged Israel to comply.",
    &[("Najib Mikati", "supports", "Israel")]
);
t!(
    capital_after_sanctions_cue_is_the_state,
    "The European Union imposed sanctions on Moscow.",
    &[("European Union", "sanctions", "Russia")]
);
t!(
    opposes_the_strikes_means_the_attackers,
    "The United States struck Houthi targets in Yemen. Iran condemned the strikes.",
    &[("Iran", "opposes", US)],
    also: &[(US, "attacks", "Houthis")]
);
t!(
    threatens_to_verb_object,
    "Donald Trump threatened to punish Spain over defence spending.",
    &[("Donald Trump", "threatens", "Spain")]
);
t!(
    subject_across_apposition,
    "Amos Hochstein, the U.S. envoy who shuttled for weeks, met Nabih Berri.",
    &[("Amos Hochstein", "met-with", "Nabih Berri")],
    also: &[("Amos Hochstein", "represents", US)]
);
t!(
    represents_possessive_state,
    "Kenya's William Ruto spoke in Nairobi.",
    &[("William Ruto", "represents", "Kenya")]
);
t!(
    represents_speaker,
    "Lebanese Parliament Speaker Nabih Berri spoke.",
    &[("Nabih Berri", "represents", "Lebanon")]
);
t!(
    attacks_pounded,
    "Israeli warplanes pounded Beirut's southern suburbs.",
    &[("Israel", "attacks", "Beirut")]
);
t!(
    member_led_suffix,
    "Armenia left the Moscow-led Collective Security Treaty Organization.",
    &[(
        "Russia",
        "member-of",
        "Collective Security Treaty Organization"
    )]
);

/// Protects short party names: "the Labor Party" in an Australian story is
/// the known Australian Labor Party, not a new node.
#[test]
fn short_party_name_is_the_known_party() {
    let a = Article::from_body(
        "case",
        "Australia's ruling Labor Party won the election in Australia.",
    );
    let x = extract(&a, gazetteer());
    let keys: Vec<&str> = x.entities.iter().map(|e| e.key.as_str()).collect();
    assert!(
        keys.iter()
            .any(|k| k.starts_with("org/") && k.contains("australian")),
        "{keys:?}"
    );
}
t!(
    member_after_alliance_noun,
    "NATO member Turkey and fellow EU members France and Germany objected.",
    &[
        ("Turkey", "member-of", "North Atlantic Treaty Organization"),
        ("France", "member-of", "European Union"),
        ("Germany", "member-of", "European Union")
    ]
);
t!(
    cooperates_hyphen_pair,
    "They discussed U.S.-UK cooperation on clean energy.",
    &[("United Kingdom", "cooperates-with", US)]
);
t!(
    cooperates_hyphen_chain_with_modifiers,
    "The leaders of the Australia-UK-US (AUKUS) partnership discussed the U.S.-India Comprehensive Global Strategic Partnership and the U.S.-Japan security alliance.",
    &[
        ("Australia", "cooperates-with", "United Kingdom"),
        ("Australia", "cooperates-with", US),
        ("United Kingdom", "cooperates-with", US),
        ("India", "cooperates-with", US),
        ("Japan", "cooperates-with", US),
        ("Australia", "member-of", "AUKUS"),
        ("United Kingdom", "member-of", "AUKUS"),
        (US, "member-of", "AUKUS")
    ]
);
not!(
    hyphen_pair_before_other_noun_is_no_cooperation,
    "The US-China trade war escalated after the India-Pakistan border clashes ended the deal.",
    &[
        (US, "cooperates-with", "China"),
        ("India", "cooperates-with", "Pakistan")
    ]
);
t!(
    supports_what_x_leads,
    "The Quad reiterated its support for the ASEAN-led regional architecture. The Quad pledged support for Cypriot-led, UN-facilitated efforts.",
    &[
        (
            "Quadrilateral Security Dialogue",
            "supports",
            "Association of Southeast Asian Nations"
        ),
        ("Quadrilateral Security Dialogue", "supports", "Cyprus"),
        (
            "Quadrilateral Security Dialogue",
            "supports",
            "United Nations"
        )
    ]
);
t!(
    opposes_what_x_leads,
    "Russia condemned the US-led strikes.",
    &[("Russia", "opposes", US)]
);
t!(
    supports_funding_donations_and_arms_transfers,
    "Germany announced funding of 1.5 billion euros to the WHO. Japan donated 2 million doses to Vietnam. Iran's continuing arms transfers to Hizballah undermine Lebanese sovereignty.",
    &[
        ("Germany", "supports", "World Health Organization"),
        ("Japan", "supports", "Vietnam"),
        ("Iran", "supports", "Hezbollah")
    ]
);
t!(
    negated_hesitation_asserts,
    "The United States will not waver in its support for the people of Ukraine.",
    &[(US, "supports", "Ukraine")]
);
neg!(
    redirected_funding_is_no_support,
    "The US is redirecting funding for Salvadoran government institutions.",
    &[(US, "supports", "El Salvador")]
);
t!(
    list_items_keep_their_short_forms,
    "OFAC has designated Htoo Group of Companies (HGC), Myanmar Chemical & Machinery Company Limited (MC&M), and the Asian Green Development Bank (AGDB).",
    &[
        (US, "sanctions", "Htoo Group of Companies"),
        (
            US,
            "sanctions",
            "Myanmar Chemical & Machinery Company Limited"
        ),
        (US, "sanctions", "Asian Green Development Bank")
    ]
);
t!(
    relatives_named_after_a_possessive,
    "Today, OFAC also is designating Prigozhin's wife Polina, daughter Lyubov, and son Pavel.",
    &[
        (US, "sanctions", "Polina"),
        (US, "sanctions", "Lyubov"),
        (US, "sanctions", "Pavel")
    ]
);
t!(
    region_of_a_state_is_the_states_too,
    "Russia struck the Kherson region of Ukraine. The ROK announced economic actions against Russia.",
    &[
        ("Russia", "attacks", "Kherson Oblast"),
        ("Russia", "attacks", "Ukraine"),
        ("South Korea", "sanctions", "Russia")
    ]
);
t!(
    demand_to_stop_opposes,
    "The United States calls on Russia to immediately halt its filtration operations. Blinken urged Iran to release the detained Americans.",
    &[
        (US, "opposes", "Russia"),
        ("Antony Blinken", "opposes", "Iran")
    ],
    also: &[("Antony Blinken", "represents", US)]
);
not!(
    demand_to_join_is_no_opposition,
    "The United States urged China to join the talks and called on India to attend the summit.",
    &[(US, "opposes", "China"), (US, "opposes", "India")]
);
t!(
    shared_subject_across_an_apposition,
    "Taiwan President Lai Ching-te took office. Lai, of the Democratic Progressive Party, was sworn in on Monday and called on Beijing to stop its military intimidation.",
    &[
        ("Lai Ching-te", "opposes", "China"),
        ("Lai Ching-te", "represents", "Taiwan"),
        ("Lai Ching-te", "represents", "Democratic Progressive Party")
    ]
);
t!(
    unnamed_office_holders_in_a_list,
    "Blinken met with the EU High Commissioner and the Indian Foreign Minister.",
    &[
        ("Antony Blinken", "met-with", "European Union"),
        ("Antony Blinken", "met-with", "India")
    ]
);
t!(
    coordinated_parties_who_held_or_chaired_a_meeting,
    "Deputy Secretary Wendy Sherman and Moroccan Foreign Minister Nasser Bourita held bilateral political consultations in Rabat. Blinken and Lavrov had a phone call. Nuland and Foreign Minister Euclides Acevedo co-chaired the dialogue.",
    &[
        ("Nasser Bourita", "met-with", "Wendy Sherman"),
        ("Antony Blinken", "met-with", "Sergei Lavrov"),
        ("Victoria Nuland", "met-with", "Euclides Acevedo")
    ],
    also: &[("Nasser Bourita", "represents", "Morocco")]
);
not!(
    co_chairing_a_body_is_no_meeting_with_it,
    "In South Africa, Nuland will co-chair the Working Group on African and Global Issues. Blinken and Lavrov had no meeting.",
    &[
        ("Working Group", "met-with", "Victoria Nuland"),
        ("Antony Blinken", "met-with", "Sergei Lavrov")
    ]
);
t!(
    chief_executives_represent_their_company,
    "These actions also target influential Russian executives: Nikolai Tokarev, President of Transneft; and Sergei Chemezov, CEO of Rostec.",
    &[
        ("Nikolai Tokarev", "represents", "Transneft"),
        ("Sergei Chemezov", "represents", "Rostec")
    ]
);
t!(
    supports_fought_alongside,
    "Eritrea, whose troops fought alongside Ethiopia, denied it.",
    &[("Eritrea", "supports", "Ethiopia")]
);
not!(
    compound_alone_is_no_target,
    "Hassan Sheikh Mohamud blamed the al-Qaeda-linked group.",
    &[("Hassan Sheikh Mohamud", "accuses", "Al-Qaeda")]
);
t!(
    negation_stays_in_its_conjunct,
    "Greece said it would not accept any violation and accused Turkey of destabilising the region.",
    &[("Greece", "accuses", "Turkey")],
    also: &[("Greece", "opposes", "Turkey")]
);
neg!(
    called_for_sanctions_are_hypothetical,
    "The European Parliament adopted a resolution calling for sanctions against Georgia.",
    &[("European Parliament", "sanctions", "Georgia")]
);
t!(
    represents_spokesman_for,
    "Getachew Reda, spokesman for the Tigray People's Liberation Front, spoke.",
    &[(
        "Getachew Reda",
        "represents",
        "Tigray People's Liberation Front"
    )]
);

/// Protects datelines: "DAMASCUS, Dec 8 —" is a place, not Syria acting.
#[test]
fn dateline_capital_is_a_place() {
    let a = Article::from_body(
        "case",
        "DAMASCUS, Dec 8 — Rebels entered the city.\nSyria said nothing.",
    );
    let x = extract(&a, gazetteer());
    let syria = x.entities.iter().find(|e| e.name == "Syria").unwrap();
    assert!(
        !syria.aliases.iter().any(|a| a == "DAMASCUS"),
        "{:?}",
        syria.aliases
    );
}
t!(
    members_made_up_of,
    "The Three Brotherhood Alliance, made up of the Arakan Army and the TNLA, fought on.",
    &[("Arakan Army", "member-of", "Three Brotherhood Alliance")],
    also: &[("Ta'ang National Liberation Army", "member-of", "Three Brotherhood Alliance")]
);
t!(
    cooperates_agreed_to,
    "Pakistan and Afghanistan agreed to an immediate ceasefire.",
    &[("Pakistan", "cooperates-with", "Afghanistan")]
);

// Modality decided once for every form (issue: relations that generalise).
neg!(
    desire_is_not_an_attack,
    "Iran wants to attack Israel.",
    &[("Iran", "attacks", "Israel")]
);
neg!(
    desire_reaches_over_the_subject,
    "Hezbollah wants Iran to attack Israel.",
    &[("Iran", "attacks", "Israel")]
);
neg!(
    reversal_lifts_sanctions,
    "The European Union agreed to lift the sanctions on Iran.",
    &[("European Union", "sanctions", "Iran")]
);
neg!(
    warning_against_travel_is_no_visit,
    "The State Department advised against travel to Haiti.",
    &[(US, "visited", "Haiti")]
);
neg!(
    negated_attack,
    "Russia did not attack Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    purpose_clause_is_no_threat,
    "France sent troops to Mali to prevent Russia from threatening Niger.",
    &[("France", "supports", "Mali")]
);

// Titles that name their state, and lists of them.
t!(
    title_of_state_before_name_list,
    "Present were the Foreign Minister of Japan Yoko Kamikawa, the Foreign Minister of India \
     Subrahmanyam Jaishankar and the Foreign Minister of Australia Penny Wong.",
    &[
        ("Yoko Kamikawa", "represents", "Japan"),
        ("Subrahmanyam Jaishankar", "represents", "India"),
        ("Penny Wong", "represents", "Australia"),
    ]
);
t!(
    long_title_of_republic_before_name,
    "Secretary Blinken met with Minister of Foreign Affairs of the Republic of Korea Park Jin.",
    &[
        ("Antony Blinken", "met-with", "Park Jin"),
        ("Park Jin", "represents", "South Korea"),
    ]
);
t!(
    first_name_alias_is_not_another_person,
    "President Michel Suleiman of Lebanon met Syrian President Bashar al-Assad.",
    &[
        ("Michel Suleiman", "met-with", "Bashar al-Assad"),
        ("Michel Suleiman", "represents", "Lebanon"),
        ("Bashar al-Assad", "represents", "Syria"),
    ]
);

/// Edges of `text` published at `url` (dated 2022-03-01), unflagged.
fn edges_published(url: &str, text: &str) -> Vec<(String, String, String)> {
    let mut a = Article::from_body("case", text);
    a.url = Some(url.to_string());
    a.date = Some("2022-03-01".to_string());
    let x = extract(&a, gazetteer());
    let json = serde_json::to_value(x.to_json(&a)).unwrap();
    let mut out: Vec<_> = json["relations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("negated").is_none())
        .map(|r| {
            (
                r["source"].as_str().unwrap().to_string(),
                r["type"].as_str().unwrap().to_string(),
                r["target"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// A bare title in a government's own release is that government's office;
/// a foreign official's known office and a title the government does not
/// use stay as they are, and elsewhere a bare title ties nobody.
#[test]
fn bare_titles_in_a_release_are_the_publishers() {
    let text = "Deputy Secretary Sherman met Foreign Minister Kuleba. \
                Special Envoy Lenderking travelled on.";
    let own = |s: &str, o: &str| (s.to_string(), "represents".to_string(), o.to_string());
    let met = (
        "Dmytro Kuleba".to_string(),
        "met-with".to_string(),
        "Sherman".to_string(),
    );
    assert_eq!(
        edges_published("https://www.state.gov/readout/", text),
        vec![
            met.clone(),
            own("Dmytro Kuleba", "Ukraine"),
            own("Lenderking", US),
            own("Sherman", US),
        ]
    );
    assert_eq!(
        edges_published("https://en.wikinews.org/wiki/X", text),
        vec![met, own("Dmytro Kuleba", "Ukraine")]
    );
}

/// "Vice President Harris" on a date Kamala Harris held that office is
/// her, though the gazetteer knows another Harris and the article never
/// gives her full name; "Prime Minister Bennett" likewise. A title no
/// Harris held on that date ("President Harris") stays an unknown person.
#[test]
fn a_title_and_a_surname_name_the_office_holder_of_the_day() {
    let text = "Vice President Harris met Prime Minister Bennett. President Harris spoke.";
    let edge = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    let want = vec![
        edge("Kamala Harris", "met-with", "Naftali Bennett"),
        edge("Kamala Harris", "represents", US),
        edge("Naftali Bennett", "represents", "Israel"),
    ];
    assert_eq!(
        edges_published("https://www.whitehouse.gov/briefing-room/x/", text),
        want
    );
    assert_eq!(
        edges_published("https://en.wikinews.org/wiki/X", text),
        want
    );
}

/// "Secretary of the Treasury", "Secretary of the Navy": a portfolio after
/// "of the" ends the title, and the name after it is the holder's alone
/// (before: no person, or "Treasury Brian Nelson").
#[test]
fn a_portfolio_after_of_the_ends_the_title() {
    let text = "Under Secretary of the Treasury for Terrorism and Financial Intelligence \
                Brian Nelson and Secretary of the Navy Carlos Del Toro travelled on.";
    let own = |s: &str| (s.to_string(), "represents".to_string(), US.to_string());
    assert_eq!(
        edges_published("https://www.state.gov/readout/", text),
        vec![own("Brian Nelson"), own("Carlos Del Toro")]
    );
}

/// A state inside a person's title ("Special Representative for the DPRK
/// Sung Kim") is no subject of the verb after the name: the person met
/// (before: "Yoshimasa Hayashi met-with North Korea").
#[test]
fn a_state_inside_a_title_is_no_subject() {
    let text =
        "Special Representative for the DPRK Sung Kim met Foreign Minister Yoshimasa Hayashi.";
    let e = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    assert_eq!(
        edges_published("https://www.state.gov/readout/", text),
        vec![
            e("Sung Kim", "met-with", "Yoshimasa Hayashi"),
            e("Sung Kim", "represents", US),
            e("Yoshimasa Hayashi", "represents", "Japan"),
        ]
    );
}

/// A person's name right after a known name of several words ("the Russian
/// Federation John Sullivan") is a person when a known first name opens it
/// (before: no person); "the United States Geological Survey" stays none.
#[test]
fn a_name_after_a_known_name_of_several_words() {
    let text = "U.S. Ambassador to the Russian Federation John Sullivan spoke. \
                Ambassador to the United Kingdom Jane Hartley met Foreign Minister Yoshimasa Hayashi. \
                The United States Geological Survey spoke.";
    let e = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    assert_eq!(
        edges_published("https://www.state.gov/readout/", text),
        vec![
            e("Jane Hartley", "met-with", "Yoshimasa Hayashi"),
            e("Jane Hartley", "represents", US),
            e("John Sullivan", "represents", US),
            e("Yoshimasa Hayashi", "represents", "Japan"),
        ]
    );
}

/// An envoy's title with no sender before it ("Ambassador to South Korea
/// Philip Goldberg") is the publishing government's office, unless the
/// envoy is sent to that very state ("Ambassador to the United States Jane
/// Smith" in a US release is another state's); a news site's gives none.
#[test]
fn an_envoy_sent_elsewhere_is_the_publishers() {
    let text = "Ambassador to South Korea Philip Goldberg spoke. \
                Ambassador to the United States Jane Smith spoke.";
    let own = |s: &str| (s.to_string(), "represents".to_string(), US.to_string());
    assert_eq!(
        edges_published("https://www.state.gov/readout/", text),
        vec![own("Philip Goldberg")]
    );
    assert_eq!(
        edges_published("https://en.wikinews.org/wiki/X", text),
        vec![]
    );
}

/// The White House's releases name the State Department's ranks too
/// ("Assistant Secretary of State for East Asian and Pacific Affairs
/// Daniel Kritenbrink"): a United States office there.
#[test]
fn state_department_ranks_in_a_white_house_release() {
    let text = "Assistant Secretary of State for East Asian and Pacific Affairs Daniel Kritenbrink \
                and Under Secretary Uzra Zeya travelled on.";
    let own = |s: &str| (s.to_string(), "represents".to_string(), US.to_string());
    assert_eq!(
        edges_published("https://www.whitehouse.gov/briefing-room/x/", text),
        vec![own("Daniel Kritenbrink"), own("Uzra Zeya")]
    );
}

// Hosting, shared title qualifiers, frames.
t!(
    welcomed_to_place_is_hosting,
    "Japan welcomed President Marcos to Tokyo.",
    &[
        ("Japan", "met-with", "Ferdinand Marcos Jr."),
        ("Ferdinand Marcos Jr.", "visited", "Japan"),
        ("Ferdinand Marcos Jr.", "represents", "Philippines"),
    ]
);
t!(
    one_adjective_two_titles,
    "Turkish Foreign Minister Mevlut Cavusoglu and Defense Minister Hulusi Akar met Blinken.",
    &[
        ("Antony Blinken", "met-with", "Mevlüt Çavuşoğlu"),
        ("Antony Blinken", "met-with", "Hulusi Akar"),
        ("Mevlüt Çavuşoğlu", "represents", "Turkey"),
        ("Hulusi Akar", "represents", "Turkey"),
    ]
);
t!(
    shared_adjective_not_for_a_known_foreign_office_holder,
    "Japanese Prime Minister Kishida and President Biden met.",
    &[
        ("Fumio Kishida", "met-with", "Joe Biden"),
        ("Fumio Kishida", "represents", "Japan"),
    ]
);
t!(
    frame_siege_of,
    "Russia's siege of Mariupol continued.",
    &[("Russia", "attacks", "Mariupol")]
);
t!(
    frame_noun_event_after_light_verb,
    "Turkey launched an air strike against Syria.",
    &[("Turkey", "attacks", "Syria")]
);
t!(
    frame_commitment_to,
    "Japan reaffirmed its commitment to the Philippines.",
    &[("Japan", "supports", "Philippines")]
);
t!(
    frame_contribute_to_with_amount,
    "Britain will contribute £50 million to Somalia.",
    &[("United Kingdom", "supports", "Somalia")]
);
t!(
    frame_relations_between,
    "Relations between India and Bangladesh are strong.",
    &[("India", "cooperates-with", "Bangladesh")]
);
t!(
    frame_establish_relations,
    "The United States and India will establish diplomatic relations.",
    &[(US, "cooperates-with", "India")]
);
t!(
    frame_fought_against_one_way,
    "Azerbaijan fought against Armenia.",
    &[("Azerbaijan", "attacks", "Armenia")]
);
t!(
    frame_session_with_long_title,
    "Blinken held a long session with Chinese Foreign Minister Wang Yi.",
    &[
        ("Antony Blinken", "met-with", "Wang Yi"),
        ("Wang Yi", "represents", "China"),
    ]
);
t!(
    of_heads_lead_to_the_target,
    "The United States commends the leadership of the State of Qatar.",
    &[(US, "supports", "Qatar")]
);
t!(
    progressive_is_not_passive,
    "The Department of State is designating Russia.",
    &[(US, "sanctions", "Russia")]
);
t!(
    semicolon_lists_of_places,
    "Nuland will travel to Paraguay; Panama; and El Salvador.",
    &[
        ("Victoria Nuland", "visited", "Paraguay"),
        ("Victoria Nuland", "visited", "Panama"),
        ("Victoria Nuland", "visited", "El Salvador"),
    ]
);
t!(
    introductory_phrase_is_not_a_subject,
    "During their trip to Paraguay, Nuland and Blinken will meet with Japan.",
    &[
        ("Victoria Nuland", "met-with", "Japan"),
        ("Antony Blinken", "met-with", "Japan"),
    ]
);

/// "We" in a government's own release is that government, outside quotes;
/// elsewhere "we" names nobody.
#[test]
fn first_person_plural_of_a_release_is_the_publisher() {
    let text = "We condemn Russia. \"We support Iran,\" Lavrov said.";
    let opposes = (US.to_string(), "opposes".to_string(), "Russia".to_string());
    assert_eq!(
        edges_published("https://www.state.gov/statement/", text),
        vec![opposes]
    );
    assert_eq!(
        edges_published("https://en.wikinews.org/wiki/X", text),
        Vec::<(String, String, String)>::new()
    );
}
t!(
    officials_of_a_state_stand_for_it,
    "Blinken met with the foreign ministers of Japan and India.",
    &[
        ("Antony Blinken", "met-with", "Japan"),
        ("Antony Blinken", "met-with", "India"),
    ]
);
t!(
    in_support_of,
    "South Korea is standing shoulder-to-shoulder in support of Ukraine.",
    &[("South Korea", "supports", "Ukraine")]
);
t!(
    three_parties_collaborating,
    "Japan, India, and the United States are collaborating.",
    &[
        ("Japan", "cooperates-with", "India"),
        ("Japan", "cooperates-with", US),
        ("India", "cooperates-with", US),
    ]
);
t!(
    hyphenated_alliance,
    "The U.S.-Japan Alliance is strong.",
    &[(US, "cooperates-with", "Japan")]
);
t!(
    visit_by_agent_to_place,
    "The United States welcomes the visit by Israeli Foreign Minister Yair Lapid to the Kingdom of Morocco.",
    &[
        ("Yair Lapid", "visited", "Morocco"),
        ("Yair Lapid", "represents", "Israel"),
    ]
);
t!(
    nominal_agent_after_its_target,
    "They talked after the visit to the United States by Afghan President Ghani.",
    &[
        ("Ashraf Ghani", "visited", US),
        ("Ashraf Ghani", "represents", "Afghanistan"),
    ]
);
t!(
    by_after_a_verb_is_not_the_nominals_agent,
    "The envoy, assigned to lead negotiations with Moscow by President Donald Trump, met Putin.",
    &[("Donald Trump", "represents", US)]
);
t!(
    city_and_its_country,
    "Blinken will visit Tallinn, Estonia, for the conference.",
    &[
        ("Antony Blinken", "visited", "Tallinn"),
        ("Antony Blinken", "visited", "Estonia"),
    ]
);
t!(
    treasury_office_is_the_state,
    "OFAC is designating Yevgeniy Prigozhin.",
    &[(US, "sanctions", "Yevgeny Prigozhin")]
);
t!(
    possessor_over_adjectives,
    "Secretary Blinken strongly condemned Russia's premeditated, unprovoked, and unjustified \
     attack on Ukraine.",
    &[
        ("Antony Blinken", "opposes", "Russia"),
        ("Russia", "attacks", "Ukraine"),
    ]
);
t!(
    war_of_choice_against,
    "Their support has facilitated Putin's war of choice against Ukraine.",
    &[("Vladimir Putin", "attacks", "Ukraine")]
);

/// The headline is read with the body: its relations come out marked as
/// headline evidence, and a title-case word after a title is a person only
/// if the body names it too.
#[test]
fn headline_is_read_with_the_body() {
    let rels = relations_with_headline(
        "Secretary Blinken's Call with Pakistani Foreign Minister Bhutto Zardari",
        "The Secretary discussed trade with Bhutto Zardari.",
    );
    assert!(
        rels.contains(&(
            "Antony Blinken".into(),
            "met-with".into(),
            "Bhutto Zardari".into(),
            true
        )),
        "{rels:?}"
    );
    assert!(
        rels.contains(&(
            "Bhutto Zardari".into(),
            "represents".into(),
            "Pakistan".into(),
            true
        )),
        "{rels:?}"
    );

    let mut b = Article::from_body("case", "The president cut short his visit.");
    b.title = "South Sudanese Leader Shortens China Trip".to_string();
    let y = extract(&b, gazetteer());
    let names: Vec<&str> = y.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"Shortens"), "{names:?}");
}
t!(
    we_the_body_and_its_members,
    "We, the G7 Foreign Ministers of Canada, France, and the United States, condemn Russia.",
    &[
        ("Group of Seven", "opposes", "Russia"),
        ("Canada", "member-of", "Group of Seven"),
        ("France", "member-of", "Group of Seven"),
        (US, "member-of", "Group of Seven"),
    ]
);
t!(
    partners_are_not_members,
    "NATO partners Sweden and Finland met.",
    &[("Sweden", "met-with", "Finland")]
);
t!(
    nominal_object_after_determiners_has_no_named_agent,
    "The United States strongly condemns the missile strikes on Erbil, Iraq.",
    &[]
);
t!(
    hyphenated_title_is_no_cue,
    "Deputy Secretary Wendy Sherman met today with Israeli National Security Advisor-designate \
     Eyal Hulata.",
    &[
        ("Wendy Sherman", "met-with", "Eyal Hulata"),
        ("Eyal Hulata", "represents", "Israel"),
    ]
);
t!(
    participle_in_the_gap_opens_a_predicate,
    "Member States voted in support of a resolution condemning Russia's aggression.",
    &[]
);
t!(
    its_points_back_past_a_coordinated_noun_phrase,
    "We condemn disinformation by the Russian Government and its proxies to support its \
     military aggression against Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
neg!(
    cancelled_trip_is_no_visit,
    "Salva Kiir canceled his trip to Shanghai.",
    &[("Salva Kiir", "visited", "Shanghai")]
);
t!(
    two_portfolios_in_one_title,
    "Blinken met Minister of Foreign Affairs and European Integration of Moldova Nicu Popescu.",
    &[
        ("Antony Blinken", "met-with", "Nicu Popescu"),
        ("Nicu Popescu", "represents", "Moldova"),
    ]
);
t!(
    an_end_to_fighting_is_still_fighting,
    "The Council called for an immediate end to fighting between Sudan and South Sudan.",
    &[
        ("Sudan", "attacks", "South Sudan"),
        ("South Sudan", "attacks", "Sudan"),
    ]
);
neg!(
    suspending_a_summit_is_no_meeting,
    "Sudanese President Omar al-Bashir announced he was suspending a summit with \
     South Sudan's President Salva Kiir.",
    &[("Omar al-Bashir", "met-with", "Salva Kiir")]
);
t!(
    he_is_the_subject_of_his_own_sentence,
    "Indian Prime Minister Narendra Modi spoke on Monday. Secretary Blinken will \
     travel to Kuwait City, where he will meet with Kuwaiti Foreign Minister Ahmad Nasser \
     Al-Mohammad Al-Sabah.",
    &[
        ("Antony Blinken", "met-with", "Ahmad Nasser Al-Mohammad Al-Sabah"),
        ("Ahmad Nasser Al-Mohammad Al-Sabah", "represents", "Kuwait"),
        ("Narendra Modi", "represents", "India"),
    ],
    also: &[("Antony Blinken", "visited", "Kuwait City")]
);
t!(
    a_name_glued_to_a_prefix_is_part_of_another_name,
    "A partnership between the Inter-American Development Bank and Mexico was agreed.",
    &[(
        "Inter-American Development Bank",
        "cooperates-with",
        "Mexico"
    )]
);
t!(
    welcoming_a_decision_by_a_state_supports_it,
    "The United States welcomes the decision by the parliament of North Macedonia to take \
     the next steps.",
    &[("United States", "supports", "North Macedonia")]
);
t!(
    a_name_and_its_bracketed_short_form_are_one_subject,
    "The United States and the Republic of Korea (ROK) are standing shoulder-to-shoulder \
     in support of Ukraine.",
    &[
        ("United States", "supports", "Ukraine"),
        ("South Korea", "supports", "Ukraine"),
        ("United States", "cooperates-with", "South Korea"),
    ]
);
t!(
    a_list_after_located_in_is_no_subject,
    "These entities, located in Iran, Vietnam, Singapore, the United Arab Emirates (UAE), \
     and Hong Kong, have supported Iranian energy trade.",
    &[]
);
t!(
    by_alone_is_an_agent_not_a_target,
    "Parchin Chemical Industries (PCI) is designated for sanctions by the United Nations.",
    &[],
    also: &[("United Nations", "sanctions", "Parchin Chemical Industries")]
);
t!(
    backer_in_a_with_adjunct_supports_the_attacker,
    "Russia invaded Ukraine with the support of Belarus.",
    &[
        ("Russia", "attacks", "Ukraine"),
        ("Belarus", "supports", "Russia"),
    ]
);
t!(
    adjective_backer_supports_the_agent_of_an_attack_noun,
    "The two Hizballah attacks, carried out with Iranian support, devastated hundreds \
     of families.",
    &[("Iran", "supports", "Hezbollah")]
);
t!(
    enabled_by_supports_the_aggressor,
    "We will impose further sanctions in response to Russian aggression, enabled by the \
     Lukashenka regime in Belarus.",
    &[("Belarus", "supports", "Russia")],
    also: &[("United States", "sanctions", "Russia")]
);
t!(
    backing_needs_an_attack,
    "Germany met with France with the support of Belarus.",
    &[("France", "met-with", "Germany")]
);
t!(
    objects_listed_with_words_between_names,
    "The United States stands with Prime Minister Mustafa al-Kadhimi and the leaders of the \
     Kurdistan Region, President Nechirvan Barzani, and Prime Minister Masrour Barzani.",
    &[
        ("United States", "supports", "Mustafa al-Kadhimi"),
        ("United States", "supports", "Nechirvan Barzani"),
        ("United States", "supports", "Masrour Barzani"),
        // The Kurdistan Region's offices are held for the region.
        ("Nechirvan Barzani", "represents", "Kurdistan Region"),
        ("Masrour Barzani", "represents", "Kurdistan Region"),
    ],
    also: &[
        ("United States", "supports", "Kurdistan Region"),
        ("Mustafa al-Kadhimi", "represents", "Iraq")
    ]
);
t!(
    a_possessive_ends_an_object_list,
    "They expressed concern about North Korea's provision of weapons to Russia and the \
     People's Republic of China's support to Russia's defense industry.",
    &[("North Korea", "supports", "Russia")],
    also: &[("China", "supports", "Russia")]
);
t!(
    title_and_body_stay_with_their_own_name_in_a_list,
    "The leaders were Prime Minister Keith Mitchell of Grenada and President Irfaan Ali \
     of Guyana.",
    &[
        ("Keith Mitchell", "represents", "Grenada"),
        ("Irfaan Ali", "represents", "Guyana"),
    ]
);

/// A title, "for" and a capitalised portfolio before the name: the name
/// starts at its first name, the portfolio's words are nobody, and the
/// title gives the role (State Department release).
#[test]
fn portfolio_between_title_and_name() {
    let text = "Acting Assistant Secretary for the Western Hemisphere Julie Chung and \
                Under Secretary for Civilian Security, Democracy, and Human Rights Uzra Zeya \
                will visit Tallinn, Estonia.";
    let found = edges_published("https://www.state.gov/travel/", text);
    for e in [
        ("Julie Chung", "represents", "United States"),
        ("Uzra Zeya", "represents", "United States"),
    ] {
        assert!(
            found.contains(&(e.0.to_string(), e.1.to_string(), e.2.to_string())),
            "{e:?} {found:?}"
        );
    }
    assert!(
        !found
            .iter()
            .any(|(s, _, _)| s == "Democracy" || s.contains("Hemisphere")),
        "{found:?}"
    );
}
t!(
    names_after_a_described_object,
    "The United States designated Burmese business leaders Aung Hlaing Oo, Naing Htut Aung, \
     and Sit Taing Aung.",
    &[
        ("United States", "sanctions", "Aung Hlaing Oo"),
        ("United States", "sanctions", "Naing Htut Aung"),
        ("United States", "sanctions", "Sit Taing Aung"),
    ]
);
t!(
    including_after_a_state_is_no_description,
    "The United States looks forward to growing our strong partnership with the Kingdom of \
     Denmark, including Greenland and the Faroe Islands.",
    &[("United States", "cooperates-with", "Denmark")]
);
t!(
    war_in_a_state_attacks_it,
    "He will also address the crisis in Burma, and Russia's war in Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    singular_attack_against,
    "Sullivan spoke about the Houthi attack against Saudi Arabia.",
    &[("Houthis", "attacks", "Saudi Arabia")]
);
t!(
    capitalised_evaluative_modifiers_in_a_headline,
    "Statement on Russia's Unprovoked and Unjustified war against Ukraine",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    supporting_is_a_verb,
    "In 2015, Saudi Arabia started supporting the government of Abdrabbuh Mansur Hadi.",
    &[("Saudi Arabia", "supports", "Abdrabbuh Mansur Hadi")],
    also: &[("Abdrabbuh Mansur Hadi", "represents", "Yemen")]
);
t!(
    a_verb_cue_after_a_determiner_is_a_noun,
    "Iran must immediately cease its attacks, respect Iraqi sovereignty, and halt its \
     interference in Iraq's internal affairs.",
    &[]
);
t!(
    alleged_accuses,
    "Both Saudi Arabia and the United States have alleged Iranian involvement.",
    &[
        ("Saudi Arabia", "accuses", "Iran"),
        ("United States", "accuses", "Iran"),
    ]
);
t!(
    alleged_that_accuses_the_subject_of_the_report,
    "Richard Grenell alleged that Iran had contributed to suffering.",
    &[("Richard Grenell", "accuses", "Iran")]
);
t!(
    a_new_unnamed_subject_after_comma_and,
    "Navalny is an outspoken critic of Russian president Vladimir Putin, and his associates \
     had alleged Navalny was poisoned.",
    &[("Vladimir Putin", "represents", "Russia")],
    also: &[("Alexei Navalny", "opposes", "Vladimir Putin")]
);
t!(
    possessive_before_a_verb_cue_in_a_headline,
    "Secretary Blinken's Travel to Cambodia and Rwanda",
    &[
        ("Antony Blinken", "visited", "Cambodia"),
        ("Antony Blinken", "visited", "Rwanda"),
    ]
);
t!(
    a_state_that_is_an_alliance_ally_is_a_member,
    "Italy is a key NATO Ally, and Finland became the 31st NATO member on Tuesday.",
    &[
        ("Italy", "member-of", "North Atlantic Treaty Organization"),
        ("Finland", "member-of", "North Atlantic Treaty Organization"),
    ]
);
t!(
    conditional_sanction_is_a_threat,
    "The United States will impose new sanctions on Russia if it invades Ukraine.",
    &[(US, "threatens", "Russia")]
);
t!(
    warn_is_a_threat_even_with_a_future,
    "China will warn Taiwan again.",
    &[("China", "threatens", "Taiwan")]
);
t!(
    a_capital_listed_after_a_visited_capital_is_a_place,
    "Victoria Nuland traveled to Panama City and San Salvador.",
    &[
        ("Victoria Nuland", "visited", "Panama City"),
        ("Victoria Nuland", "visited", "San Salvador"),
    ]
);

// Lists of title+name items with a participle phrase inside one item.
t!(
    met_with_list_item_with_participle_phrase,
    "Wendy Sherman spoke today with NATO Deputy Secretary General Mircea Geoana, Polish Deputy Foreign Minister Marcin Przydacz representing the OSCE Chair, and Swiss Ambassador Thomas Greminger.",
    &[
        ("Wendy Sherman", "met-with", "Mircea Geoană"),
        ("Wendy Sherman", "met-with", "Marcin Przydacz"),
        ("Wendy Sherman", "met-with", "Thomas Greminger"),
        ("Mircea Geoană", "represents", "North Atlantic Treaty Organization"),
        ("Marcin Przydacz", "represents", "Poland"),
        ("Thomas Greminger", "represents", "Switzerland")
    ],
    also: &[("Wendy Sherman", "represents", US)]
);
// Chained titles in apposition after the name; an honorific between title and name.
t!(
    represents_chained_title_in_apposition,
    "Wendy Sherman met with Thongphane Savanphet, Deputy Minister of Foreign Affairs of Laos, in Vientiane.",
    &[
        ("Wendy Sherman", "met-with", "Thongphane Savanphet"),
        ("Thongphane Savanphet", "represents", "Laos")
    ],
    also: &[("Wendy Sherman", "represents", US)]
);
t!(
    represents_title_honorific_name_of_state,
    "Antony Blinken met with Foreign Minister Dr. Thongphane Savanphet of Laos.",
    &[
        ("Antony Blinken", "met-with", "Thongphane Savanphet"),
        ("Thongphane Savanphet", "represents", "Laos")
    ],
    also: &[("Antony Blinken", "represents", US)]
);
// Cooperation and support stated as working with, being a partner of, thanking.
t!(
    cooperates_work_closely_with,
    "Canada will continue to work closely with Japan and South Korea.",
    &[
        ("Canada", "cooperates-with", "Japan"),
        ("Canada", "cooperates-with", "South Korea")
    ]
);
t!(
    cooperates_partner_of,
    "Canada remains a proud partner of Ukraine and Moldova.",
    &[
        ("Canada", "cooperates-with", "Ukraine"),
        ("Canada", "cooperates-with", "Moldova")
    ]
);
t!(
    supports_thanked,
    "Canada thanked Chile for its leadership.",
    &[("Canada", "supports", "Chile")]
);
// A predicate after "and" shares the clause's subject, not the nearest name.
t!(
    coordinated_predicate_shares_subject,
    "Canada noted its cooperation with the United Nations and on the UN Security Council, and thanked Albania for its support.",
    &[
        ("Canada", "supports", "Albania"),
        ("Canada", "cooperates-with", "United Nations")
    ]
);

// Initials and an honorific between the title and the name.
t!(
    met_with_title_honorific_initial_name,
    "In Nairobi on May 3, Antony Blinken will meet with President Dr. W. Ruto and Foreign Minister Alfred Mutua to discuss trade.",
    &[
        ("Antony Blinken", "met-with", "William Ruto"),
        ("Antony Blinken", "met-with", "Alfred Mutua"),
        ("William Ruto", "represents", "Kenya"),
        ("Antony Blinken", "visited", "Nairobi")
    ]
);
// A rank before the name leaves the apposition after it to name the body.
t!(
    represents_rank_then_apposition,
    "Major general Fuad Basya, spokesman for the Indonesian military, said fishermen noticed the boat.",
    &[("Fuad Basya", "represents", "Indonesia")]
);
// "not only" adds; it does not deny.
t!(
    not_only_is_asserted,
    "Russia is not only attacking Ukraine, it is attacking democracy.",
    &[("Russia", "attacks", "Ukraine")]
);
// Aggression, critics and opponents; "war of aggression" is one cue.
t!(
    attacks_aggression_against,
    "Poland condemned Russia's aggression against Ukraine.",
    &[
        ("Poland", "opposes", "Russia"),
        ("Russia", "attacks", "Ukraine")
    ]
);
t!(
    war_of_aggression_has_one_agent,
    "They also discussed Iran, the Russian government's brutal war of aggression in Ukraine, and trade.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    opposes_critic_of,
    "Alexei Navalny was an outspoken critic of Vladimir Putin.",
    &[("Alexei Navalny", "opposes", "Vladimir Putin")],
    also: &[("Vladimir Putin", "represents", "Russia")]
);
// A bare "with" joins no list.
t!(
    bare_with_is_no_coordination,
    "Canada will respond to Putin's aggression against Ukraine with US support.",
    &[("Vladimir Putin", "attacks", "Ukraine")],
    also: &[("Vladimir Putin", "represents", "Russia")]
);
// An adverbial phrase between the verb and its object.
t!(
    condemns_in_the_strongest_terms,
    "Canada condemns in the strongest terms Iran's missile attack on Iraq.",
    &[("Canada", "opposes", "Iran"), ("Iran", "attacks", "Iraq")]
);

// "We" of a joint statement is its signatories, in later sentences too, and
// "we support" is the verb.
t!(
    joint_statement_we_is_the_body,
    "We, the G7 Foreign Ministers, condemn the war. We support the initiative of IAEA Director General Grossi announced today.",
    &[
        ("Group of Seven", "supports", "Rafael Grossi"),
        (
            "Rafael Grossi",
            "represents",
            "International Atomic Energy Agency"
        )
    ]
);
t!(
    joint_statement_we_is_the_states_listed,
    "We, the leaders of Australia, India and Japan, met today. We condemn North Korea's missile launches.",
    &[
        ("Australia", "opposes", "North Korea"),
        ("India", "opposes", "North Korea"),
        ("Japan", "opposes", "North Korea")
    ],
    also: &[
        ("Australia", "met-with", "India"),
        ("Australia", "met-with", "Japan"),
        ("India", "met-with", "Japan")
    ]
);
// "assistance to fight X": an infinitive, not the aid's recipient.
not!(
    assistance_to_infinitive_is_no_recipient,
    "Canada will send security assistance to fight Russian aggression.",
    &[("Canada", "supports", "Russia")]
);

// "we—A, B and C—met": the people the apposition lists met each other;
// "met for" takes the occasion as no party; a family-name-first name.
t!(
    we_apposition_list_met,
    "Today, we—Prime Minister Anthony Albanese of Australia, Prime Minister Kishida Fumio of Japan, and President Joe Biden of the United States—met for the fourth Quad Leaders Summit.",
    &[
        ("Anthony Albanese", "met-with", "Fumio Kishida"),
        ("Anthony Albanese", "met-with", "Joe Biden"),
        ("Fumio Kishida", "met-with", "Joe Biden"),
        ("Anthony Albanese", "represents", "Australia"),
        ("Fumio Kishida", "represents", "Japan"),
        ("Joe Biden", "represents", US)
    ]
);

// A speaker, a short prepositional phrase, then the verb that evaluates.
t!(
    evaluation_with_adverbial_after_speaker,
    "Press Secretary Pat Ryder in a statement called the PRC's military operation irresponsible.",
    &[("Pat Ryder", "opposes", "China")]
);
// "rejected a call by X": the call's author is the target.
t!(
    opposes_call_by,
    "David Cameron rejected a call by Cristina Kirchner.",
    &[("David Cameron", "opposes", "Cristina Fernández de Kirchner")]
);

// "defend against X's aggression": X attacks the defender.
t!(
    attacks_defend_against,
    "Ukraine continues to defend itself against Russia's aggression.",
    &[("Russia", "attacks", "Ukraine")]
);

// A cue in an opening participle or "during her ..." phrase belongs to the
// main clause's subject.
t!(
    fronted_participle_phrase_takes_the_main_subject,
    "Speaking on the South Lawn of the White House before a trip to Florida, Barack Obama said more sanctions would follow.",
    &[("Barack Obama", "visited", "Florida")]
);
t!(
    fronted_possessive_trip_takes_the_main_subject,
    "During her trip to Warsaw, Poland, today, U.S. Vice President Kamala Harris announced new aid.",
    &[
        ("Kamala Harris", "visited", "Warsaw"),
        ("Kamala Harris", "visited", "Poland"),
        ("Kamala Harris", "represents", US)
    ]
);
// ", and" with a new subject and its own verb opens a new clause.
t!(
    comma_and_new_subject_opens_a_clause,
    "Emmanuel Macron condemned Russia, and Germany praised Poland.",
    &[
        ("Emmanuel Macron", "opposes", "Russia"),
        ("Germany", "supports", "Poland")
    ]
);

// A possessor heads a noun phrase: only an organ it owns acts for it.
t!(
    possessor_is_no_subject_of_a_later_verb,
    "These efforts will strengthen Ukraine's position while continuing to isolate Russia.",
    &[]
);
t!(
    possessor_organ_acts_for_it,
    "Sudan's army-backed government accused the United Arab Emirates of arming the militia.",
    &[("Sudan", "accuses", "United Arab Emirates")]
);
// A verb after "and" inside a relative clause, or after a pronoun subject,
// does not take the first name of the sentence as its subject.
not!(
    relative_clause_verb_keeps_its_own_subject,
    "Antony Blinken condemned Russia's attacks, which continue to kill civilians and destroy homes, including a strike on Vinnytsia.",
    &[("Antony Blinken", "attacks", "Vinnytsia")]
);

// "grateful to X" is support.
t!(
    supports_grateful_to,
    "Canada is grateful to Prime Minister Irakli Garibashvili and the Government of Georgia.",
    &[
        ("Canada", "supports", "Irakli Garibashvili"),
        ("Canada", "supports", "Georgia")
    ]
);

// "his solidarity with X": the possessive pronoun's person is the agent.
t!(
    possessive_pronoun_is_the_nominal_s_agent,
    "Antony Blinken condemned Russia's attack on Ukraine and expressed his unwavering solidarity with the people of Ukraine.",
    &[
        ("Antony Blinken", "opposes", "Russia"),
        ("Russia", "attacks", "Ukraine"),
        ("Antony Blinken", "supports", "Ukraine")
    ]
);
// A relationship stated as the pair being partners or allies.
t!(
    cooperates_have_been_partners,
    "The United States and Ukraine have been partners since 1991.",
    &[(US, "cooperates-with", "Ukraine")]
);

// A participle "threatened by" names no threat's target.
t!(
    threatened_by_participle_is_no_threat,
    "The Secretary expressed strong support for the principles of the UN and AU Charters currently threatened by Russia's aggression in Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
// A relative pronoun whose antecedent names no one gives no subject.
t!(
    relative_pronoun_without_named_antecedent,
    "The government is working to provide certain Afghans, including those who worked with the United States, the opportunity for resettlement.",
    &[]
);

// An ambassador to a state or body holds the office for the state before
// the title.
t!(
    ambassador_to_represents_the_sender,
    "US Ambassador to Germany Richard Grenell alleged that Iran had lied.",
    &[
        ("Richard Grenell", "represents", US),
        ("Richard Grenell", "accuses", "Iran")
    ]
);
// Hosting at a place, and a visitor's "of STATE" before "to PLACE".
t!(
    hosted_at_the_white_house,
    "Jake Sullivan hosted Israeli National Security Advisor Eyal Hulata at the White House on Feb. 9.",
    &[
        ("Jake Sullivan", "met-with", "Eyal Hulata"),
        ("Eyal Hulata", "visited", US),
        ("Eyal Hulata", "represents", "Israel")
    ]
);
t!(
    welcomed_title_name_of_state_to_place,
    "Joe Biden welcomed Prime Minister Kyriakos Mitsotakis of Greece to the White House on May 16.",
    &[
        ("Joe Biden", "met-with", "Kyriakos Mitsotakis"),
        ("Kyriakos Mitsotakis", "visited", US),
        ("Kyriakos Mitsotakis", "represents", "Greece")
    ]
);

// Threats: retaliation against X; sanctions promised under an inverted
// condition ("should it invade") are a threat.
t!(
    threatens_retaliate_against,
    "Iran vowed to retaliate against Israel.",
    &[("Iran", "threatens", "Israel")]
);
t!(
    threatens_retaliation_against,
    "Hezbollah warned of retaliation against Israel.",
    &[("Hezbollah", "threatens", "Israel")]
);
// A use of force promised ("would fight", "vowed to strike",
// `data/lexicon/intents.txt`) threatens its target from the promiser only;
// the attack stays flagged, and a vow not to strike is no threat.
t!(
    a_promised_fight_threatens,
    "LNA spokesman Ahmed al-Mismari said the army would fight any Turkish force that landed on Libyan soil.",
    &[("Ahmed al-Mismari", "threatens", "Turkey")],
    also: &[("Ahmed al-Mismari", "represents", "Libyan National Army")]
);
t!(
    a_vow_to_strike_threatens,
    "The Houthis vowed to strike Saudi Arabia again.",
    &[("Houthis", "threatens", "Saudi Arabia")]
);
neg!(
    a_vow_to_strike_is_no_attack,
    "The Houthis vowed to strike Saudi Arabia again.",
    &[("Houthis", "attacks", "Saudi Arabia")]
);
t!(
    a_vow_not_to_strike_threatens_nothing,
    "The Houthis vowed not to strike Saudi Arabia again.",
    &[]
);
t!(
    sanctions_under_inverted_condition_threaten,
    "The European Union will impose sanctions on Russia should it invade Ukraine.",
    &[("European Union", "threatens", "Russia")]
);
not!(
    vowed_support_is_no_threat,
    "Joe Biden vowed to support Ukraine.",
    &[("Joe Biden", "threatens", "Ukraine")]
);

// Capitalised words after "and" that name nothing open the next title, and
// one state adjective governs both titles; nothing before "and" joins it.
t!(
    title_modifiers_after_and_open_the_title,
    "Wendy Sherman met today with Israeli National Security Advisor Eyal Hulata and Senior Foreign Policy Advisor Shimrit Meir.",
    &[
        ("Wendy Sherman", "met-with", "Eyal Hulata"),
        ("Wendy Sherman", "met-with", "Shimrit Meir"),
        ("Eyal Hulata", "represents", "Israel"),
        ("Shimrit Meir", "represents", "Israel")
    ]
);
not!(
    title_modifier_does_not_reach_past_and,
    "The accord was signed between Ankara and GNA Prime Minister Fayez al-Sarraj.",
    &[("Fayez al-Sarraj", "represents", "Turkey")]
);

// The people who act for a list of names ("the foreign ministers of A, B
// and C", "senior officials from A, B and C") make the whole list a party,
// as subject and as object.
t!(
    delegates_of_a_list_all_meet,
    "The foreign ministers of Russia, China and India met in Moscow on Friday.",
    &[
        ("Russia", "met-with", "China"),
        ("Russia", "met-with", "India"),
        ("China", "met-with", "India")
    ]
);
t!(
    delegates_of_a_list_all_act,
    "The leaders of France, Germany and Italy condemned Russia.",
    &[
        ("France", "opposes", "Russia"),
        ("Germany", "opposes", "Russia"),
        ("Italy", "opposes", "Russia")
    ]
);
t!(
    meet_with_officials_from_a_list,
    "Secretary Blinken will meet with senior officials from Egypt, Kenya and Senegal in addition to meetings with the Pakistani and Turkish Foreign Ministers.",
    &[
        ("Antony Blinken", "met-with", "Egypt"),
        ("Antony Blinken", "met-with", "Kenya"),
        ("Antony Blinken", "met-with", "Senegal"),
        ("Antony Blinken", "met-with", "Pakistan"),
        ("Antony Blinken", "met-with", "Turkey")
    ],
    also: &[("Antony Blinken", "represents", US)]
);

// What is discussed is a topic: the partner of "discussed" follows "with",
// and a "with" that completes a noun of the topic names no partner.
t!(
    discussed_topic_with_partner,
    "Blinken discussed Iran's nuclear program with Lavrov.",
    &[("Antony Blinken", "met-with", "Sergei Lavrov")]
);
t!(
    discussed_engagements_with_names_no_partner,
    "Biden and Macron discussed their engagements with the Russian president.",
    &[("Joe Biden", "met-with", "Emmanuel Macron")]
);
not!(
    the_two_discussed_a_topic,
    "Netanyahu met Biden at the White House on Monday, where the two discussed Iran.",
    &[
        ("Iran", "met-with", US),
        ("Benjamin Netanyahu", "met-with", "Iran")
    ]
);

// A name that qualifies a long title leads to the person who holds it.
t!(
    state_before_long_title_leads_to_the_person,
    "Blinken met with U.S. Special Representative for Afghanistan Reconciliation Ambassador Zalmay Khalilzad.",
    &[("Antony Blinken", "met-with", "Zalmay Khalilzad")]
);

// Meeting words without "with": by telephone, hosting a visit, bringing
// together, being joined by; a name that qualifies a gathering is the
// occasion.
t!(
    spoke_by_telephone_pair,
    "Germany and France spoke by telephone on Monday.",
    &[("Germany", "met-with", "France")]
);
t!(
    hosted_a_visit_by,
    "King Abdullah hosted a visit by Israeli President Isaac Herzog.",
    &[("Abdullah", "met-with", "Isaac Herzog")],
    also: &[("Isaac Herzog", "represents", "Israel")]
);
t!(
    brought_together_delegates_of_a_list,
    "The summit brought together the presidents of Brazil, Argentina and Chile.",
    &[
        ("Brazil", "met-with", "Argentina"),
        ("Brazil", "met-with", "Chile"),
        ("Argentina", "met-with", "Chile")
    ]
);
t!(
    was_joined_by,
    "Sunak was joined by Zelensky at the press conference.",
    &[("Rishi Sunak", "met-with", "Volodymyr Zelensky")]
);
t!(
    heads_of_state_and_government_of_a_list,
    "Blinken met with the heads of state and government of Egypt and Kenya.",
    &[
        ("Antony Blinken", "met-with", "Egypt"),
        ("Antony Blinken", "met-with", "Kenya")
    ]
);
not!(
    host_a_summit_is_no_meeting_with_its_body,
    "Japan will host the G7 summit in May.",
    &[("Japan", "met-with", "Group of Seven")]
);

// Membership stated by apposition or with a possessive alliance; applying
// to join is only a wish.
t!(
    member_by_apposition,
    "Turkey, a NATO member, blocked the bid.",
    &[("Turkey", "member-of", "North Atlantic Treaty Organization")]
);
t!(
    member_of_possessive_alliance,
    "Sweden became NATO's 32nd member.",
    &[("Sweden", "member-of", "North Atlantic Treaty Organization")]
);
neg!(
    applied_to_join_is_a_wish,
    "Ukraine applied to join the European Union.",
    &[("Ukraine", "member-of", "European Union")]
);

// Sanctions and claims in other words: asset freezes, measures targeting
// X, sovereignty asserted over a place; one joined in an act acts too.
t!(
    froze_the_assets_of,
    "Britain froze the assets of Russian banks.",
    &[("United Kingdom", "sanctions", "Russia")]
);
t!(
    sanctions_targeting,
    "Canada announced sanctions targeting Belarusian officials.",
    &[("Canada", "sanctions", "Belarus")]
);
t!(
    restrictive_measures_against,
    "The EU adopted restrictive measures against Iran.",
    &[("European Union", "sanctions", "Iran")]
);
t!(
    claims_sovereignty_over,
    "China claims sovereignty over the South China Sea.",
    &[("China", "claims", "South China Sea")]
);
t!(
    joined_in_an_act,
    "Japan joined the United States in imposing sanctions on North Korea.",
    &[
        ("Japan", "sanctions", "North Korea"),
        (US, "sanctions", "North Korea")
    ]
);

// What an attack hits inside a place leads to the place; a sea stays where
// it happens. Seizing is an attack.
t!(
    struck_targets_in_a_state,
    "Israeli warplanes struck targets in southern Lebanon, the military said.",
    &[("Israel", "attacks", "Lebanon")]
);
t!(
    shelled_positions_in_a_state,
    "Turkey shelled Kurdish positions in northern Syria.",
    &[("Turkey", "attacks", "Syria")]
);
not!(
    ships_in_a_sea_are_no_target,
    "The Houthis attacked ships in the Red Sea.",
    &[("Houthis", "attacks", "Red Sea")]
);
t!(
    airstrikes_inside_a_state,
    "Pakistan carried out airstrikes inside Afghanistan.",
    &[("Pakistan", "attacks", "Afghanistan")]
);
t!(
    seized_control_of,
    "Russian forces seized control of Avdiivka.",
    &[("Russia", "attacks", "Avdiivka")]
);

// A pledge of support is support.
t!(
    pledged_aid_is_support,
    "France pledged 2 billion euros in military aid to Ukraine.",
    &[("France", "supports", "Ukraine")]
);

// "X-led rebels" are led by X, who acts; "X-backed militias" name no actor
// and nobody X backs; a semicolon ends the list of targets.
t!(
    led_compound_heads_the_subject,
    "Assad flees to Moscow as HTS-led rebels seize Damascus; Israel moves into buffer zone",
    &[("Hayat Tahrir al-Sham", "attacks", "Damascus")]
);
t!(
    backed_compound_names_no_actor,
    "Iran-backed militias attacked US forces in Syria.",
    &[]
);

// Support by providing: "provide X with", an aid package for X; a name
// that qualifies the object before "with" is not provided for.
t!(
    provide_with,
    "The US is providing Ukraine and Moldova with weapons.",
    &[(US, "supports", "Ukraine"), (US, "supports", "Moldova")]
);
t!(
    aid_package_for,
    "Britain announced a new £100 million aid package for Ukraine.",
    &[("United Kingdom", "supports", "Ukraine")]
);
not!(
    provide_qualified_citizens_with,
    "The consulate will provide U.S. and Nigerian citizens with services.",
    &[(US, "supports", "Nigeria")]
);

// A condemned act's agent after a participle and "by" is the target.
t!(
    opposes_act_imposed_by,
    "Iran slammed the sanctions imposed by Washington.",
    &[("Iran", "opposes", US)]
);

// An infinitive after "agreed to" keeps the clause's subject for its
// nominal; a condemned launch or test is the launcher's.
t!(
    agreed_to_send_aid,
    "Macron met Scholz in Berlin. They agreed to send military aid to Ukraine.",
    &[
        ("Emmanuel Macron", "met-with", "Olaf Scholz"),
        ("Emmanuel Macron", "supports", "Ukraine"),
        ("Olaf Scholz", "supports", "Ukraine")
    ],
    also: &[("Emmanuel Macron", "cooperates-with", "Olaf Scholz")]
);
t!(
    condemned_the_launch,
    "North Korea fired a ballistic missile on Sunday. Japan and South Korea condemned the launch.",
    &[
        ("Japan", "opposes", "North Korea"),
        ("South Korea", "opposes", "North Korea")
    ]
);
not!(
    a_launch_is_no_strike_to_condemn,
    "Britain struck targets in Yemen. The Houthis fired missiles at ships. Iran condemned the strikes.",
    &[("Iran", "opposes", "Houthis")]
);

// A plural title in apposition is not given to the nearest name; "was
// attended by" lists a meeting's parties.
t!(
    plural_title_in_apposition_is_no_role,
    "Blinken and Lavrov, the top diplomats of the US and Russia, met in Geneva.",
    &[("Antony Blinken", "met-with", "Sergei Lavrov")]
);
t!(
    meeting_attended_by_a_list,
    "The meeting was attended by Modi, Xi and Putin.",
    &[
        ("Narendra Modi", "met-with", "Xi Jinping"),
        ("Narendra Modi", "met-with", "Vladimir Putin"),
        ("Xi Jinping", "met-with", "Vladimir Putin")
    ]
);

// A bare apostrophe after a plural name is possessive, and the possessor
// of a commitment acts on it.
t!(
    plural_possessive_commitment_to_supporting,
    "Mr. Sullivan conveyed the United States’ unwavering commitment to supporting the government and people of Ukraine.",
    &[(US, "supports", "Ukraine")]
);
t!(
    commitment_to_continue_supporting,
    "Biden reaffirmed the United States’ commitment to continue supporting the Afghan security forces.",
    &[(US, "supports", "Afghanistan")],
    also: &[]
);

// A war whose actor is named and whose target is not takes the one target
// the article gives that actor's attacks (or its leader's) elsewhere; a
// city's state when the article names it; none on a tie or with no target.
t!(
    targetless_war_takes_the_articles_target,
    "Russia invaded Ukraine in February. Leaders condemned Putin's war of choice.",
    &[
        ("Russia", "attacks", "Ukraine"),
        ("Vladimir Putin", "attacks", "Ukraine")
    ]
);
t!(
    its_aggression_after_the_actor,
    "Russian forces shelled Kharkiv in Ukraine. Allies will impose costs on Russia for its unprovoked aggression.",
    &[
        ("Russia", "attacks", "Kharkiv"),
        ("Russia", "attacks", "Ukraine")
    ]
);
not!(
    targetless_war_with_two_equal_targets_takes_none,
    "Russia attacked Georgia. Russia attacked Ukraine. Leaders condemned Putin's war.",
    &[
        ("Vladimir Putin", "attacks", "Ukraine"),
        ("Vladimir Putin", "attacks", "Georgia")
    ]
);
not!(
    targetless_war_without_an_attack_takes_none,
    "Leaders condemned Putin's war of choice. Ukraine met Poland.",
    &[
        ("Vladimir Putin", "attacks", "Ukraine"),
        ("Vladimir Putin", "attacks", "Poland")
    ]
);
// With no attack named in the article, the war's victim is the one state
// that the same sentence supports (not from the actor's side); none when
// the war's effects on a third state are what is supported.
t!(
    targetless_war_takes_the_state_supported_against_it,
    "Blinken noted Mexico's statements in support of Ukraine in the wake of Russia's premeditated invasion.",
    &[
        ("Mexico", "supports", "Ukraine"),
        ("Russia", "attacks", "Ukraine")
    ],
    also: &[("Antony Blinken", "opposes", "Russia")]
);
t!(
    the_effects_of_a_war_hit_no_supported_state,
    "He underscored the U.S. commitment to help Moldova manage the effects of Russia's brutal war.",
    &[(US, "supports", "Moldova")]
);

// An apposition's "X-backed" qualifies the name it follows; a name heading
// a group noun is a relative pronoun's antecedent.
t!(
    backed_in_apposition_qualifies_the_name_before,
    "Abu Mahdi al-Muhandis was the deputy commander of the Popular Mobilization Forces (PMF), an Iranian-backed militia.",
    &[
        ("Iran", "supports", "Popular Mobilization Forces"),
        (
            "Abu Mahdi al-Muhandis",
            "represents",
            "Popular Mobilization Forces"
        )
    ]
);
t!(
    group_noun_heads_a_relatives_antecedent,
    "Hamas fighters who attacked Israel fled. YPG militia which supports the PKK fought.",
    &[
        ("Hamas", "attacks", "Israel"),
        (
            "People's Defense Units",
            "supports",
            "Kurdistan Workers' Party"
        )
    ]
);
not!(
    relative_with_no_named_antecedent_has_no_subject,
    "Russia hosted Afghans, including those who attacked Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);

// "will welcome" and "looks forward to welcoming" host as "welcomed" does;
// talks "held" on a date between parties are talks between them; a cue
// word inside a web name ("Welcome.US") is no cue.
t!(
    will_welcome_a_visitor_to_the_white_house,
    "President Biden will welcome Prime Minister Kyriakos Mitsotakis of Greece to the White House on May 16.",
    &[
        ("Joe Biden", "met-with", "Kyriakos Mitsotakis"),
        ("Kyriakos Mitsotakis", "visited", US)
    ],
    also: &[
        ("Joe Biden", "represents", US),
        ("Kyriakos Mitsotakis", "represents", "Greece")
    ]
);
t!(
    talks_held_on_a_date_between,
    "The United States welcomes the talks held July 17-18 between Afghanistan and the Taliban in Doha.",
    &[("Afghanistan", "met-with", "Taliban")],
    also: &[("United States", "supports", "Afghanistan")]
);
t!(
    cue_word_in_a_web_name_is_no_cue,
    "In 2021, Ukraine co-founded Welcome.US, an organization that mobilizes civil society to support newcomers to the United States.",
    &[]
);

// A counted description's list may open with a name the gazetteer does not
// know; "designation(s) of/against" is a sanction.
t!(
    counted_list_after_an_unknown_first_name,
    "The State Department is designating three Iran-based entities, Zagros Tarabaran-E Arya, Persian Gulf Star Oil Company, and East Ocean Rashin Shipping Co.",
    &[
        ("United States", "sanctions", "Zagros Tarabaran-E Arya"),
        (
            "United States",
            "sanctions",
            "Persian Gulf Star Oil Company"
        ),
        (
            "United States",
            "sanctions",
            "East Ocean Rashin Shipping Co."
        )
    ]
);
t!(
    sanction_designations_against,
    "The Treasury Department announced new sanction designations against Iran's missile procurement network.",
    &[("United States", "sanctions", "Iran")]
);
t!(
    public_designation_of_officials,
    "Japan announced the public designation of former Namibian government officials Bernhardt Esau and Sakeus Shanghala.",
    &[
        ("Japan", "sanctions", "Bernhardt Esau"),
        ("Japan", "sanctions", "Sakeus Shanghala")
    ],
    also: &[
        ("Bernhardt Esau", "represents", "Namibia"),
        ("Sakeus Shanghala", "represents", "Namibia")
    ]
);

// A nominal attack on what it hits inside a place reaches the place, as
// the verb does; a sea is still only where it happens.
t!(
    nominal_strikes_on_sites_in_a_place,
    "India launched missile strikes on nine sites in Pakistan early on Wednesday.",
    &[("India", "attacks", "Pakistan")]
);
t!(
    nominal_attacks_on_ships_in_a_sea,
    "Houthi attacks on ships in the Red Sea continued.",
    &[]
);

// "shook hands" is a meeting of its subjects; "held talks in PLACE with Y"
// meets Y; an attack on an airport in a place reaches the place.
t!(
    shook_hands_is_a_meeting,
    "Armenian Prime Minister Nikol Pashinyan and Azerbaijan's President Ilham Aliyev shook hands at the White House on Friday.",
    &[("Nikol Pashinyan", "met-with", "Ilham Aliyev")],
    also: &[
        ("Nikol Pashinyan", "represents", "Armenia"),
        ("Ilham Aliyev", "represents", "Azerbaijan")
    ]
);
t!(
    held_talks_in_a_place_with,
    "Afghan Foreign Minister Amir Khan Muttaqi held talks in New Delhi with Indian External Affairs Minister Subrahmanyam Jaishankar.",
    &[("Amir Khan Muttaqi", "met-with", "Subrahmanyam Jaishankar")],
    also: &[
        ("Amir Khan Muttaqi", "represents", "Afghanistan"),
        ("Subrahmanyam Jaishankar", "represents", "India")
    ]
);
t!(
    held_talks_in_a_place_without_partner,
    "Russia and China held talks in Beijing on trade.",
    &[("Russia", "met-with", "China")]
);
t!(
    struck_the_airport_in_a_city,
    "LNA warplanes struck the airport in Misrata on Thursday.",
    &[("Libyan National Army", "attacks", "Misrata")]
);

// A leader's name before "government", "regime", "administration",
// "forces" or "troops" names the state the leader's offices are of, when
// the article names it; a leader no longer in office counts too.
t!(
    leaders_government_is_the_state,
    "Russia, which is providing troops and air support to the Assad government in Syria, condemned the strikes.",
    &[("Russia", "supports", "Syria")]
);
t!(
    leaders_forces_are_the_states,
    "Assad's forces attacked Idlib in Syria.",
    &[("Syria", "attacks", "Idlib")]
);
t!(
    a_leaders_name_alone_stays_the_person,
    "Russia, which is providing air support to Assad, condemned the strikes in Syria.",
    &[("Russia", "supports", "Bashar al-Assad")]
);

// The states joined by hyphens before a body's short name in brackets are
// its members; a body's chair is a member.
t!(
    hyphen_chain_before_bracketed_body_are_members,
    "Today, the leaders of the Australia-UK-US (AUKUS) partnership met.",
    &[
        ("Australia", "member-of", "AUKUS"),
        ("United Kingdom", "member-of", "AUKUS"),
        (US, "member-of", "AUKUS")
    ],
    also: &[
        ("Australia", "cooperates-with", "United Kingdom"),
        ("Australia", "cooperates-with", US),
        ("United Kingdom", "cooperates-with", US)
    ]
);
t!(
    a_bodys_chair_is_a_member,
    "Blinken attended the meeting hosted by ASEAN Chair Brunei Darussalam.",
    &[(
        "Brunei",
        "member-of",
        "Association of Southeast Asian Nations"
    )]
);

// A demand opposes the one asked when a later verb of the same demand asks
// them to stop ("to abide by ... and cease", "to do their utmost to
// de-escalate"); "to join the talks and help" is none.
t!(
    demand_with_a_later_act,
    "Secretary Blinken called on the PRC to abide by its obligations under the law of the sea and cease its provocative behavior.",
    &[("Antony Blinken", "opposes", "China")],
    also: &[("Antony Blinken", "represents", US)]
);
t!(
    demand_to_do_their_utmost_to_de_escalate,
    "The United States calls on Riek Machar to do his utmost to de-escalate tensions.",
    &[(US, "opposes", "Riek Machar")]
);
t!(
    demand_to_join_and_help_is_no_opposition,
    "The United States urged India to join the talks and help the region.",
    &[]
);

// "A and B Before Their Meeting" (a transcript's headline): the names
// right before "before/after their" and a gathering noun met.
t!(
    names_before_their_meeting_met,
    "Secretary Antony J. Blinken and Estonian Prime Minister Kaja Kallas before their meeting in Tallinn.",
    &[("Antony Blinken", "met-with", "Kaja Kallas")],
    also: &[
        ("Antony Blinken", "represents", US),
        ("Kaja Kallas", "represents", "Estonia")
    ]
);
t!(
    a_verb_between_names_and_their_meeting_leaves_it,
    "Blinken and Lavrov spoke after their talks.",
    &[]
);

// "In PLACE, PERSON will VERB ...": a visit; not for a state as the
// subject, a speech verb, or a place the person holds an office of.
t!(
    fronted_place_with_a_person_acting_there,
    "In Riyadh, Special Envoy Lenderking will also participate in the opening of the dialogue.",
    &[("Lenderking", "visited", "Riyadh")],
    also: &[("Lenderking", "represents", US)]
);
// A state acting in a fronted place visits nothing; what it gives there
// with an amount is aid to that state.
t!(
    fronted_place_with_a_state_acting_there,
    "In Burma, the United States has provided more than $20 million.",
    &[(US, "supports", "Myanmar")]
);
t!(
    fronted_place_with_a_speaker_there,
    "In Poland, Duda said no.",
    &[]
);
t!(
    fronted_place_of_the_persons_office,
    "In Warsaw, President Duda met Blinken.",
    &[("Andrzej Duda", "met-with", "Antony Blinken")],
    also: &[("Andrzej Duda", "represents", "Poland")]
);

// The fronted place may have its state in apposition and a date after it;
// "he" after the comma is the person who acted last, or nobody.
t!(
    fronted_place_with_its_state_and_a_date,
    "In Manila, the Philippines, on August 6, Secretary Blinken will meet with Enrique Manalo.",
    &[
        ("Antony Blinken", "visited", "Manila"),
        ("Antony Blinken", "met-with", "Enrique Manalo")
    ]
);
t!(
    fronted_place_with_a_pronoun_subject,
    "Secretary Blinken will travel to South Africa. In Pretoria, he will lead the U.S. delegation to the Strategic Dialogue.",
    &[
        ("Antony Blinken", "visited", "South Africa"),
        ("Antony Blinken", "visited", "Pretoria")
    ]
);
t!(
    fronted_place_with_a_pronoun_and_nobody_before,
    "In Pretoria, he will lead the U.S. delegation to the Strategic Dialogue.",
    &[]
);

// A list item the gazetteer does not know is passed over, and the list
// goes on ("Rome and Matera, Italy"; an unknown company among designated
// ones); a capitalised word that is no item ends it.
t!(
    list_passes_over_an_unknown_item,
    "Blinken will travel to Rome and Matera, Italy, June 27-29.",
    &[
        ("Antony Blinken", "visited", "Rome"),
        ("Antony Blinken", "visited", "Italy")
    ]
);
t!(
    designated_list_passes_over_an_unknown_company,
    "Japan designated Htoo Group of Companies, Zagros Arya, and the Asian Green Development Bank.",
    &[
        ("Japan", "sanctions", "Htoo Group of Companies"),
        ("Japan", "sanctions", "Asian Green Development Bank")
    ]
);

// A state whose envoy is summoned, expelled or recalled from is opposed
// (`envoy` frames; `data/lexicon/envoys.txt`); anyone else summoned or
// expelled names no state.
t!(
    summoned_envoy_of_a_state,
    "Germany summoned the Russian ambassador on Monday.",
    &[("Germany", "opposes", "Russia")]
);
t!(
    expelled_counted_diplomats,
    "Poland expelled 45 Russian diplomats.",
    &[("Poland", "opposes", "Russia")]
);
t!(
    recalled_ambassador_from_a_state,
    "France recalled its ambassador from Australia.",
    &[("France", "opposes", "Australia")]
);
t!(
    summoned_ambassador_of_a_state,
    "Japan summoned the ambassador of China to protest.",
    &[("Japan", "opposes", "China")]
);
t!(
    expelled_delegation_is_no_envoy,
    "Germany expelled the Russian delegation.",
    &[]
);
t!(
    recalled_how_an_envoy_spoke_is_no_recall,
    "Merkel recalled how the Russian ambassador had warned her.",
    &[]
);

// An attack's agent after "by" with its organs, and the place the attack
// is in; a third party that condemns an act is not its target.
t!(
    attack_by_forces_in_a_state,
    "We took these steps due to the unprovoked attack by Russian military forces in Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    attack_by_a_group_in_its_own_land_is_where_it_is,
    "An attack by Houthi rebels in Yemen killed 10. The attack by Russia's forces in Syria killed civilians. Israel was hit by a rocket attack from Lebanon.",
    &[("Russia", "attacks", "Syria")]
);
t!(
    drills_near_a_partner_threaten_no_one,
    "The Philippines and Japan held drills near the Philippines.",
    &[]
);
t!(
    condemned_attack_by_is_no_attack_on_the_speaker,
    "The United States condemned the attacks by Russia.",
    &[(US, "opposes", "Russia")]
);
// A region's name that ends in its state's name ("the Kurdistan Region of
// Iraq") is struck with the state when the article names the state.
t!(
    region_of_a_state_in_one_name,
    "Iraq protested. Iran struck the Kurdistan Region of Iraq.",
    &[
        ("Iran", "attacks", "Kurdistan Region"),
        ("Iran", "attacks", "Iraq")
    ]
);

// Military drills around a state threaten it; a symmetric cue that holds
// its own object ("held joint exercises") takes a partner only after
// "with", so the place of the drills is no partner.
t!(
    drills_around_a_state_threaten_it,
    "China launched two days of large-scale military exercises around Taiwan on Thursday.",
    &[("China", "threatens", "Taiwan")]
);
t!(
    joint_exercises_near_a_state_are_no_partnership_with_it,
    "Russia and Belarus held joint exercises near Poland.",
    &[("Russia", "cooperates-with", "Belarus")]
);
t!(
    initialled_agreement_is_cooperation,
    "Armenia and Azerbaijan initialled a peace agreement.",
    &[("Armenia", "cooperates-with", "Azerbaijan")]
);
// "described X as" with an evaluative word is a speaker's judgement.
t!(
    described_as_an_evaluation,
    "Defence Secretary Gilberto Teodoro described China as \"the biggest disruptor of peace\" in the region.",
    &[("Gilberto Teodoro", "opposes", "China")],
    also: &[("Gilberto Teodoro", "represents", "Philippines")]
);

// A state's adjective between a possessive pronoun and "allies" or
// "partners" is a partner of the pronoun's referent.
t!(
    our_demonym_allies_are_partners,
    "The United States stands with our Philippine allies in the face of dangerous actions.",
    &[
        (US, "cooperates-with", "Philippines"),
        (US, "supports", "Philippines")
    ]
);
// A noun that is no modifier ("Ukraine, our cooperation with Allies")
// makes no "X, our ally" apposition (`our_alliance_ally_in_apposition`).
t!(
    our_cooperation_with_allies_after_a_state_is_no_apposition,
    "He discussed the situation in Ukraine, our cooperation with Allies and partners, and energy.",
    &[]
);
t!(
    two_states_are_close_allies,
    "The United States and Australia are close allies.",
    &[(US, "cooperates-with", "Australia")]
);
t!(
    its_demonym_partners_are_partners,
    "Japan and its Australian partners held talks.",
    &[("Japan", "cooperates-with", "Australia")]
);
t!(
    our_partners_inside_a_quote_are_the_speakers,
    "The United States noted it. \"The United States ignores our Russian partners,\" Lukashenko said.",
    &[]
);
t!(
    its_partners_of_a_group_are_no_states,
    "Israel fought Hamas and its Iranian allies.",
    &[
        ("Israel", "attacks", "Hamas"),
        ("Hamas", "attacks", "Israel")
    ]
);

// Recognition as an independent or sovereign state is support (not when
// refused, in the passive, or "as independent experts").
t!(
    recognised_as_independent_states,
    "Moscow recognises the breakaway regions of Abkhazia and South Ossetia as independent states.",
    &[
        ("Russia", "supports", "Abkhazia"),
        ("Russia", "supports", "South Ossetia")
    ]
);
neg!(
    not_recognised_as_independent,
    "Russia does not recognize Kosovo as independent.",
    &[("Russia", "supports", "Kosovo")]
);
t!(
    recognition_refused_or_passive_or_of_experts_is_no_support,
    "Russia refuses to recognise Kosovo as independent. Kosovo, recognised by the United States as independent in 2008, celebrated. Ukraine welcomed the recognition by Japan of the Holodomor as genocide, as independent experts urged.",
    // (The refusal is opposition, relation-guidance 9.)
    &[("Russia", "opposes", "Kosovo")]
);

// An agreement signed or reached some words before "between" is between
// the names after it; the "by" agents of a signed deal with no named
// object cooperate with one another.
t!(
    accord_signed_in_a_month_between,
    "The deal reached last week between Israel and Hamas held.",
    &[("Israel", "cooperates-with", "Hamas")]
);
t!(
    signed_by_one_and_by_another,
    "The deal was signed by Redwan Hussien, national security adviser to Prime Minister Abiy Ahmed, and by Getachew Reda, spokesman for the Tigray People's Liberation Front.",
    &[("Redwan Hussien", "cooperates-with", "Getachew Reda")],
    also: &[
        ("Abiy Ahmed", "represents", "Ethiopia"),
        ("Redwan Hussien", "represents", "Ethiopia"),
        ("Getachew Reda", "represents", "Tigray People's Liberation Front")
    ]
);

// Air, drone and missile strikes "in" a place attack it (a plain "strike
// in" may be a labour strike); violence and hostilities between two
// parties go both ways.
t!(
    air_strikes_in_a_city,
    "The fighting erupted after Islamabad carried out air strikes in Kabul.",
    &[("Pakistan", "attacks", "Kabul")]
);
t!(
    labour_strike_in_a_city_is_no_attack,
    "French unions held a strike in Paris.",
    &[]
);
t!(
    violence_between_two_states,
    "Renewed military violence between Sudan and South Sudan killed dozens.",
    &[
        ("Sudan", "attacks", "South Sudan"),
        ("South Sudan", "attacks", "Sudan")
    ]
);

// Co-actors after "along with", "together with" or "as well as" share the
// subject's act, before the verb or after a lone co-sponsor.
t!(
    along_with_before_the_verb_joins_the_subject,
    "France, along with Germany and Italy, condemned Russia's invasion of Ukraine.",
    &[
        ("France", "opposes", "Russia"),
        ("Germany", "opposes", "Russia"),
        ("Italy", "opposes", "Russia"),
        ("Russia", "attacks", "Ukraine")
    ]
);
t!(
    together_with_one_name_joins_the_subject,
    "France, together with Germany, imposed sanctions on Russia.",
    &[
        ("France", "sanctions", "Russia"),
        ("Germany", "sanctions", "Russia")
    ]
);
t!(
    trailing_along_with_are_the_co_sponsors,
    "The United States served as a main co-sponsor for a resolution on human rights on the Internet, along with Sweden, Brazil, Nigeria, and Tunisia.",
    &[
        (US, "cooperates-with", "Sweden"),
        (US, "cooperates-with", "Brazil"),
        (US, "cooperates-with", "Nigeria"),
        (US, "cooperates-with", "Tunisia")
    ]
);
t!(
    co_sponsors_cooperate,
    "The United States and Sweden co-sponsored a resolution on human rights.",
    &[(US, "cooperates-with", "Sweden")]
);
t!(
    trailing_along_with_after_a_relative_clause_is_not_read,
    "The United States co-sponsored a resolution on Iran, which passed, along with Sweden.",
    &[]
);

// States before a plural copula and "ALLIANCE allies/members/member
// states" are members; not after a preposition ("officials in A and B").
t!(
    states_that_are_nato_allies_are_members,
    "The United States and Germany are engaged and dedicated NATO Allies.",
    &[
        (US, "member-of", "North Atlantic Treaty Organization"),
        ("Germany", "member-of", "North Atlantic Treaty Organization")
    ]
);
t!(
    states_that_are_member_states_are_members,
    "France, Italy and Spain are EU member states.",
    &[
        ("France", "member-of", "European Union"),
        ("Italy", "member-of", "European Union"),
        ("Spain", "member-of", "European Union")
    ]
);
t!(
    officials_in_states_are_no_members,
    "Officials in Poland and Lithuania are NATO members.",
    &[]
);

// "He and NAME": the pronoun is the person last spoken of.
t!(
    pronoun_coordinated_with_a_name,
    "Biden arrived in Tokyo. Later, he and Kishida condemned North Korea.",
    &[
        ("Joe Biden", "visited", "Tokyo"),
        ("Joe Biden", "opposes", "North Korea"),
        ("Fumio Kishida", "opposes", "North Korea")
    ]
);

// An act of condemned_acts.txt right before "by" names its agent, whom the
// condemner opposes; "the arrests of X" names a victim, no agent.
t!(
    condemned_executions_by_an_agent,
    "The United States condemned the killings by the Burmese military.",
    &[(US, "opposes", "Myanmar")]
);
t!(
    condemned_arrests_of_a_victim_oppose_no_one,
    "The United States condemned the arrests of Navalny.",
    &[]
);

// "X-occupied/controlled/held PLACE" is an attack on the place, glued to a
// state's name or adjective; a separate word ("Russian held talks") is not.
t!(
    occupied_compound_is_an_attack,
    "Thousands fled Russian-occupied Crimea and Israeli-controlled Gaza.",
    &[
        ("Russia", "attacks", "Crimea"),
        ("Israel", "attacks", "Gaza Strip")
    ]
);
t!(
    controlled_territories_of_a_state,
    "Troops moved into Russia-controlled territories of Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    held_as_a_separate_word_is_no_occupation,
    "Russian held talks with Ukraine.",
    &[("Russia", "met-with", "Ukraine")]
);

// "LEADER's TITLE, NAME": the office is held for what the leader
// represents; a person with no office in the text or the data gives none.
t!(
    leaders_spokesperson_represents_the_leaders_state,
    "German Chancellor Angela Merkel's spokesperson, Steffen Seibert, said it is possible.",
    &[],
    also: &[
        ("Angela Merkel", "represents", "Germany"),
        ("Steffen Seibert", "represents", "Germany")
    ]
);
t!(
    aide_of_a_person_without_office_represents_nothing,
    "John Smith's aide, Mary Jones, said it.",
    &[]
);
// A title alone before a person the data knows names the office whose
// last words it is: "Leader Kim Jong Un" is North Korea's supreme leader.
t!(
    a_bare_title_that_ends_a_known_office,
    "Leader Kim Jong Un, who oversaw the launch, said it showed resolve.",
    &[("Kim Jong Un", "represents", "North Korea")]
);

// "X is under Y sanctions", "remains subject to Y sanctions", "has been
// under a Y embargo": Y sanctions X; negated stays flagged.
t!(
    under_eu_sanctions,
    "Turkey is already under EU sanctions.",
    &[("European Union", "sanctions", "Turkey")]
);
t!(
    under_an_embargo_since,
    "Cuba has been under a U.S. embargo since 1962.",
    &[(US, "sanctions", "Cuba")]
);
t!(
    subject_to_un_sanctions,
    "North Korea remains subject to UN sanctions.",
    &[("United Nations", "sanctions", "North Korea")]
);
neg!(
    not_under_sanctions_is_flagged,
    "Iran is not under EU sanctions.",
    &[("European Union", "sanctions", "Iran")]
);
t!(
    under_sanctions_needs_a_copula,
    "Sales to Iran under U.S. sanctions rose.",
    &[]
);

// A passive's agent after "in a joint statement"; a passive predicate
// after "and" has its clause's subject as target; the statement's
// signatories act together.
t!(
    passive_agent_after_in_a_statement,
    "Because of its drilling, Turkey is already under EU sanctions, and was condemned in a joint statement by Egypt, Greece and Cyprus on October 8.",
    &[
        ("European Union", "sanctions", "Turkey"),
        ("Egypt", "opposes", "Turkey"),
        ("Greece", "opposes", "Turkey"),
        ("Cyprus", "opposes", "Turkey"),
        ("Egypt", "cooperates-with", "Greece"),
        ("Cyprus", "cooperates-with", "Egypt"),
        ("Cyprus", "cooperates-with", "Greece")
    ]
);
t!(
    ban_is_a_sanction,
    "Germany banned Hezbollah on Thursday.",
    &[("Germany", "sanctions", "Hezbollah")]
);

// "I want to thank X", "would like to congratulate Y": a wish that
// performs the speech act asserts it; a wish to attack stays hypothetical.
t!(
    want_to_thank_is_performed,
    "Blinken said: I want to commend Indonesia for its leadership.",
    &[("Antony Blinken", "supports", "Indonesia")]
);
neg!(
    want_to_attack_stays_hypothetical,
    "Russia wants to attack Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);

// "against" flags only the cue it governs ("advised against travel to
// Y"), never a later cue in the same conjunct.
t!(
    against_governs_only_its_own_cue,
    "Houthi attacks against Jeddah as well as attacks against Jizan are acts of terror.",
    &[
        ("Houthis", "attacks", "Jeddah"),
        ("Houthis", "attacks", "Jizan")
    ]
);
neg!(
    advised_against_travel_stays_flagged,
    "Germany advised against further travel to Iran.",
    &[("Germany", "visited", "Iran")]
);
neg!(
    argued_against_sanctions_stays_flagged,
    "Hungary argued against new sanctions on Russia.",
    &[("Hungary", "sanctions", "Russia")]
);
// "including" opens a phrase of its own: a possessor before it does not
// act on a cue after it.
not!(
    including_ends_a_possessors_phrase,
    "Houthi attacks harm Yemen's neighbors, including recent attacks on Saudi Arabia.",
    &[("Yemen", "attacks", "Saudi Arabia")]
);

// A list of people whose titles stand between the names ("A and energy
// minister B, Greek prime minister C"): every titled person is an item,
// and one state adjective governs a lowercase portfolio's title after "and".
t!(
    attended_by_titled_people,
    "The meeting was attended by Israeli prime minister Benjamin Netanyahu and energy minister Yuval Steinitz, and Greek prime minister Kyriakos Mitsotakis.",
    &[
        ("Benjamin Netanyahu", "met-with", "Yuval Steinitz"),
        ("Benjamin Netanyahu", "met-with", "Kyriakos Mitsotakis"),
        ("Yuval Steinitz", "met-with", "Kyriakos Mitsotakis"),
        ("Benjamin Netanyahu", "represents", "Israel"),
        ("Yuval Steinitz", "represents", "Israel"),
        ("Kyriakos Mitsotakis", "represents", "Greece")
    ]
);
t!(
    titled_list_stops_at_a_new_clause,
    "Benjamin Netanyahu met energy minister Yuval Steinitz, and Greek prime minister Kyriakos Mitsotakis criticized Turkey.",
    &[
        ("Benjamin Netanyahu", "met-with", "Yuval Steinitz"),
        ("Kyriakos Mitsotakis", "opposes", "Turkey"),
        ("Kyriakos Mitsotakis", "represents", "Greece")
    ]
);

// A word that qualifies an attack in a quote qualifies the attack's agent,
// never the attack's victim before it.
t!(
    evaluated_attack_is_not_its_victims,
    "A member of the Tunisian Parliament, Samir Dilou said, \"Tunisia is facing terrorist attacks, so every measure is understandable\".",
    &[("Samir Dilou", "represents", "Tunisia")]
);
t!(
    evaluated_attack_of_a_possessor,
    "Zelensky said, \"Russia's brutal attacks must stop\".",
    &[("Volodymyr Zelensky", "opposes", "Russia")]
);
// "troops sent to Russia": a participle of giving after what is given is a
// reduced relative; the clause's subject gave nothing.
t!(
    reduced_relative_of_giving_has_no_agent,
    "Seoul and Washington warn over troops sent to Russia.",
    &[]
);
t!(
    giving_with_its_subject,
    "North Korea sent troops to Russia.",
    &[("North Korea", "supports", "Russia")]
);
// A mutual act named after "of" ("a week of fighting") is not done by
// names inside a prepositional phrase before it.
t!(
    fighting_noun_not_by_mediators,
    "Talks in Doha were mediated by Qatar and Turkey, following a week of border fighting.",
    &[]
);

// "impose (severe) consequences on X" threatens X; consequences a war has
// "for" someone are no threat.
t!(
    consequences_on_threaten,
    "The United States will impose severe consequences on Russia.",
    &[("United States", "threatens", "Russia")]
);
t!(
    consequences_for_are_no_threat,
    "Russia's war has had grave consequences for Ukraine.",
    &[]
);

// A verb of giving with the recipient as first object and an amount after
// it ("provided Ukraine $1 billion"); without an amount, no edge.
t!(
    dative_recipient_with_an_amount,
    "The people of the United States provided Yemenis an additional nearly $585 million this month.",
    &[("United States", "supports", "Yemen")]
);
t!(
    dative_sent_tanks,
    "The United States sent Ukraine 31 tanks.",
    &[("United States", "supports", "Ukraine")]
);
t!(dative_needs_an_amount, "Russia sent Ukraine a letter.", &[]);
t!(
    giving_verb_without_recipient_keeps_the_nominal,
    "Russia, which is providing troops and air support to the Assad government, condemned the strike.",
    &[("Russia", "supports", "Bashar al-Assad")]
);

// "X was the target of a Y attack", "X has been killed in a Y operation":
// the agent named before the attack noun attacks X.
t!(
    target_of_an_attack,
    "Iran was the target of an Israeli cyber attack last year.",
    &[("Israel", "attacks", "Iran")]
);
t!(
    killed_in_an_operation,
    "Al-Baghdadi has been killed in a US counter-terrorism operation.",
    &[("United States", "attacks", "Abu Bakr al-Baghdadi")]
);
t!(
    an_attack_noun_that_only_qualifies,
    "Iran was the target of an Israeli attack ad.",
    &[]
);
t!(
    offensive_in_a_place,
    "Russia launched a new offensive in eastern Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);

// "atrocities / war crimes committed by X in Y": X attacks the place; the
// clause's subject is never the target of a deed committed by another.
t!(
    atrocities_committed_in_a_place,
    "The world has been shocked by the atrocities committed by Russia's forces in Bucha.",
    &[("Russia", "attacks", "Bucha")]
);
t!(
    atrocities_have_no_subject_target,
    "The United States is appalled by the atrocities committed by Russia.",
    &[]
);
// A nominal after the clause's verb ("launched a coordinated offensive")
// belongs to the subject before the apposition that the verb closes.
t!(
    nominal_after_an_apposition_closed_by_the_verb,
    "The Three Brotherhood Alliance, made up of the Arakan Army and the Ta'ang National Liberation Army, launched a coordinated offensive in northern Shan State.",
    &[
        ("Arakan Army", "member-of", "Three Brotherhood Alliance"),
        (
            "Ta'ang National Liberation Army",
            "member-of",
            "Three Brotherhood Alliance"
        ),
        ("Three Brotherhood Alliance", "attacks", "Shan")
    ]
);

// "spoke out against" opposes, also an attack named before (event
// anaphora).
t!(
    spoke_out_against,
    "Iraq spoke out against the United States.",
    &[("Iraq", "opposes", "United States")]
);
t!(
    spoke_out_against_the_attack,
    "The United States struck the base near Baghdad. Iraqi Prime Minister Adil Abdul-Mahdi spoke out against the attack.",
    &[
        ("United States", "attacks", "Baghdad"),
        ("Adil Abdul-Mahdi", "opposes", "United States"),
        ("Adil Abdul-Mahdi", "represents", "Iraq")
    ]
);

// "met with A, then with B", "with A and later with B": the repeated
// preposition goes on with the list; an adjective after it does not.
t!(
    met_with_then_with,
    "Later on Tuesday Mitsotakis met with the International Monetary Fund, then with President Trump.",
    &[
        (
            "Kyriakos Mitsotakis",
            "met-with",
            "International Monetary Fund"
        ),
        ("Kyriakos Mitsotakis", "met-with", "Donald Trump"),
        ("Donald Trump", "represents", "United States")
    ]
);
t!(
    met_with_and_later_with,
    "Blinken met with Lavrov and later with Wang Yi on Friday.",
    &[
        ("Antony Blinken", "met-with", "Sergei Lavrov"),
        ("Antony Blinken", "met-with", "Wang Yi")
    ]
);
t!(
    then_with_an_adjective_is_no_item,
    "Russia attacked Kyiv, then with Iranian drones struck Lviv.",
    &[("Russia", "attacks", "Kyiv")]
);

// "standing shoulder-to-shoulder (with)" is cooperation; a nominal that
// opens with a preposition right after a verb ("cooperate closely in
// support of X") keeps the clause's subject, unlike a verb's object
// ("condemned the vote in support of X").
t!(
    shoulder_to_shoulder_with,
    "Poland stands shoulder to shoulder with Ukraine.",
    &[("Poland", "cooperates-with", "Ukraine")]
);
t!(
    prepositional_nominal_after_a_mutual_verb,
    "The United States and South Korea cooperate closely in support of Ukraine.",
    &[
        ("United States", "cooperates-with", "South Korea"),
        ("United States", "supports", "Ukraine"),
        ("South Korea", "supports", "Ukraine")
    ]
);
t!(
    prepositional_nominal_inside_an_object,
    "Germany condemned the vote in support of Russia.",
    &[]
);

// "co-hosted by A, B and C": the co-hosts cooperate, every pair.
t!(
    co_hosted_by_a_list,
    "The pledging event for Yemen was co-hosted by the UN, Switzerland, and Sweden on March 16.",
    &[
        ("United Nations", "cooperates-with", "Switzerland"),
        ("United Nations", "cooperates-with", "Sweden"),
        ("Switzerland", "cooperates-with", "Sweden")
    ]
);

// Session 10 relation cases.

// "the U.S.-Croatia Strategic Dialogue": a dialogue, consultations, a
// meeting, a ministerial or negotiations named by a hyphen-joined pair are
// talks between the pair.
t!(
    pair_dialogue_is_a_meeting,
    "Today's announcement follows the U.S.-Croatia Strategic Dialogue, which was held in Washington in March.",
    &[(US, "met-with", "Croatia")]
);
t!(
    pair_leaders_summit_after_a_date,
    "This round follows the May 2022 U.S.-Japan Leaders’ Summit, during which the leaders spoke.",
    &[(US, "met-with", "Japan")]
);
// "the meeting was cancelled": the talks did not happen.
neg!(
    pair_meeting_cancelled,
    "The U.S.-China meeting was cancelled.",
    &[(US, "met-with", "China")]
);
// "dialogue between A and B" is talks between them.
t!(
    dialogue_between,
    "Sullivan welcomed the resumption of dialogue between Greece and Turkey.",
    &[("Greece", "met-with", "Turkey")]
);
// A date between a possessor and its act: the possessor is the agent, not
// the clause's subject.
t!(
    possessor_with_a_date_before_the_act,
    "The United States stands with Burundi in the face of al-Shabab’s May 3 attack on Burundian soldiers.",
    &[
        (US, "supports", "Burundi"),
        ("al-Shabaab", "attacks", "Burundi")
    ]
);
// "On Thursday, the delegations of A, B and C had met": after an opening
// adverbial, the people acting for the list are still the subject.
t!(
    delegations_of_a_list_met_after_an_opening_date,
    "On Thursday, the delegations of Cyprus, Greece and Israel had met for their seventh trilateral summit in Athens.",
    &[
        ("Cyprus", "met-with", "Greece"),
        ("Cyprus", "met-with", "Israel"),
        ("Greece", "met-with", "Israel")
    ]
);
// The comma that closes an opening prepositional phrase ends the list:
// the names in the phrase do not act with the subject.
t!(
    opening_phrase_names_are_no_co_subjects,
    "After talks with the leaders of France and Germany, Biden condemned Russia.",
    &[("Joe Biden", "opposes", "Russia")]
);
// ... but a plain opening date does not cut a list of subjects.
t!(
    opening_date_keeps_the_list,
    "On Monday, France, Germany and Italy condemned Russia.",
    &[
        ("France", "opposes", "Russia"),
        ("Germany", "opposes", "Russia"),
        ("Italy", "opposes", "Russia")
    ]
);
// "In A and B, X will meet with government counterparts": X visits both
// and meets the unnamed people acting for each state.
t!(
    fronted_places_and_unnamed_government_hosts,
    "In the Netherlands and Sweden, Special Envoy Stern will meet with government and civil society counterparts to discuss human rights.",
    &[
        ("Stern", "visited", "Netherlands"),
        ("Stern", "visited", "Sweden"),
        ("Stern", "met-with", "Netherlands"),
        ("Stern", "met-with", "Sweden")
    ]
);
// People met there who do not act for a government give no meeting.
t!(
    fronted_place_and_people_who_are_no_hosts,
    "In Kenya, Secretary Blinken will meet with refugees.",
    &[("Antony Blinken", "visited", "Kenya")]
);
// "the QUAD meetings of A, B, C and D": the states listed after the body's
// meetings, countries or members are its members.
t!(
    body_meetings_of_a_list_are_members,
    "The President noted the establishment of the QUAD meetings of Japan, the United States, Australia and India.",
    &[
        ("Japan", "member-of", "Quadrilateral Security Dialogue"),
        (US, "member-of", "Quadrilateral Security Dialogue"),
        ("Australia", "member-of", "Quadrilateral Security Dialogue"),
        ("India", "member-of", "Quadrilateral Security Dialogue")
    ]
);
t!(
    body_countries_of_a_list_are_members,
    "The EU countries of Poland and Hungary objected.",
    &[
        ("Poland", "member-of", "European Union"),
        ("Hungary", "member-of", "European Union")
    ]
);
// A trip "for consultations" (after its dates) meets each state visited;
// a city's talks are its state's.
t!(
    trip_for_consultations_meets_the_states,
    "Ambassador Michele Sison will travel to India, Bangladesh, and Kuwait August 2-10 for consultations on a range of priorities.",
    &[
        ("Michele Sison", "visited", "India"),
        ("Michele Sison", "visited", "Bangladesh"),
        ("Michele Sison", "visited", "Kuwait"),
        ("Michele Sison", "met-with", "India"),
        ("Michele Sison", "met-with", "Bangladesh"),
        ("Michele Sison", "met-with", "Kuwait")
    ]
);
t!(
    trip_to_a_city_for_meetings_meets_its_state,
    "Assistant Secretary Molly Phee will visit Malabo, Equatorial Guinea, February 14-15 for bilateral meetings.",
    &[
        ("Molly Phee", "visited", "Malabo"),
        ("Molly Phee", "visited", "Equatorial Guinea"),
        ("Molly Phee", "met-with", "Equatorial Guinea")
    ]
);
// A trip for anything else is a visit only.
t!(
    trip_for_a_vacation_is_a_visit,
    "Ambassador Michele Sison will travel to India for a vacation.",
    &[("Michele Sison", "visited", "India")]
);
// "sanctioned influential Russian executives: A, President of X; B, CEO of
// Y; and C": each name that opens an item of the colon's list is
// sanctioned (and the state of the adjective, as before).
t!(
    sanctions_a_colon_list,
    "Today, the United States sanctioned influential Russian executives: Nikolai Tokarev, President of Transneft; Sergei Chemezov, CEO of Rostec; and Igor Shuvalov.",
    &[
        (US, "sanctions", "Russia"),
        (US, "sanctions", "Nikolai Tokarev"),
        (US, "sanctions", "Sergei Chemezov"),
        (US, "sanctions", "Igor Shuvalov"),
        ("Nikolai Tokarev", "represents", "Transneft"),
        ("Sergei Chemezov", "represents", "Rostec")
    ]
);
// An airline is an organisation ("Air", "Airways", "Airlines" heads), so
// the ban is on it, not on the state of its adjective.
t!(
    ban_on_an_airline,
    "Germany on Monday banned Iranian airline Mahan Air from flying in the European nation.",
    &[("Germany", "sanctions", "Mahan Air")]
);
// Backing what an "X-led" phrase names supports X: a verb of
// data/lexicon/led_backing.txt before it (its subject backs), or "backed
// by" after it.
t!(
    co_sponsored_an_x_led_resolution,
    "Ethiopia’s Tigray Region: The United States co-sponsored the EU-led resolution on human rights in the Tigray region of Ethiopia.",
    &[(US, "supports", "European Union")]
);
t!(
    co_signing_an_x_led_statement,
    "The United States joined 43 countries in co-signing a Canada-led joint statement expressing concern over human rights abuses in Xinjiang.",
    &[(US, "supports", "Canada")]
);
t!(
    x_led_diplomacy_backed_by,
    "Today, after months of relentless UN-led diplomacy backed by the United States and our partners, the envoy announced a truce.",
    &[(US, "supports", "United Nations")]
);
// "strikes on civilians in Kharkiv", "strikes on refugee camps in Gaza":
// the people and buildings of data/lexicon/target_nouns.txt lead to the
// place struck.
t!(
    strikes_on_civilians_in_a_city,
    "Russian missile strikes on civilians in Kharkiv killed 10.",
    &[("Russia", "attacks", "Kharkiv")]
);
t!(
    strikes_on_camps_in_a_territory,
    "Israeli strikes on refugee camps in Gaza continued.",
    &[("Israel", "attacks", "Gaza Strip")]
);
// "X, while on an official visit to Y, announced": a phrase after ", while"
// that has no verb of its own keeps the subject; "Undersecretary" is a
// title.
t!(
    while_on_a_visit_keeps_the_subject,
    "Today, Undersecretary for Civilian Security Uzra Zeya, while on an official visit to Santiago, Chile, announced new programs.",
    &[
        ("Uzra Zeya", "visited", "Santiago"),
        ("Uzra Zeya", "visited", "Chile")
    ]
);
// ... and a nominal after the main verb and an amount ("announced more
// than $6 million in assistance for X") is not done by the place in the
// apposition.
t!(
    nominal_after_verb_and_amount_skips_the_apposition,
    "Today, Under Secretary Uzra Zeya, during a visit to Santiago, Chile, announced more than $6 million in additional humanitarian assistance for Venezuelan refugees.",
    &[
        ("Uzra Zeya", "visited", "Santiago"),
        ("Uzra Zeya", "visited", "Chile"),
        ("Uzra Zeya", "supports", "Venezuela")
    ]
);
// "X, who is supported by the mainland Chinese government": "the" and a
// lowercase modifier may stand before a passive's agent.
t!(
    passive_agent_after_the_and_a_modifier,
    "They had asked Hong Kong Chief Executive Carrie Lam, who is supported by the mainland Chinese government, to resign.",
    &[
        ("China", "supports", "Carrie Lam"),
        ("Carrie Lam", "represents", "Hong Kong")
    ]
);
// "The Government of Japan condemned": the government acts for its state
// (government and authorities are in data/lexicon/delegates.txt), also
// when coordinated with a person.
t!(
    the_government_of_a_state_as_subject,
    "The Government of Japan condemned Russia.",
    &[("Japan", "opposes", "Russia")]
);
t!(
    person_and_the_government_of_a_state,
    "Prime Minister Kishida and the Government of Japan condemned Russia.",
    &[
        ("Fumio Kishida", "opposes", "Russia"),
        ("Japan", "opposes", "Russia")
    ]
);
// A singular office holder of a body is no delegate: the sentence names
// no subject.
t!(
    the_leader_of_a_body_is_not_the_body,
    "The leader of Hamas condemned Israel.",
    &[]
);
// "targeted by Israeli aircraft and American cruise missiles": each state
// adjective before its weapons is an agent of the passive.
t!(
    passive_agents_named_by_adjectives_before_weapons,
    "Natanz and Isfahan were targeted by Israeli aircraft and American cruise missiles.",
    &[
        ("Israel", "attacks", "Natanz"),
        ("Israel", "attacks", "Isfahan"),
        (US, "attacks", "Natanz"),
        (US, "attacks", "Isfahan")
    ]
);
// "warned it would impose sanctions if Iran does not resume cooperation":
// the subject of the warning's condition is threatened.
t!(
    warning_with_a_condition_threatens_its_subject,
    "France warned it would impose sanctions if Iran does not resume cooperation.",
    &[("France", "threatens", "Iran")]
);
neg!(
    did_not_endorse_an_x_led_intervention,
    "The United States did not endorse the Saudi-led intervention.",
    &[(US, "supports", "Saudi Arabia")]
);
/// The entities of `text` as (name, kind), exactly `expected` in any order.
fn check_entities(text: &str, expected: &[(&str, &str)]) {
    let a = Article::from_body("case", text);
    let json = serde_json::to_value(extract(&a, gazetteer()).to_json(&a)).unwrap();
    let mut found: Vec<(String, String)> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_string(),
                e["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    let mut want: Vec<(String, String)> = expected
        .iter()
        .map(|(n, k)| (n.to_string(), k.to_string()))
        .collect();
    want.sort();
    assert_eq!(found, want, "{text}");
}

/// Issue 15: a one-word place right after a capitalised title is the
/// holder's name, not a place; inside a longer name ("Consulate General
/// Surabaya") it stays a place.
#[test]
fn issue15_place_after_title_is_a_name() {
    check_entities(
        "Deputy Secretary Sherman met Angolan Foreign Minister Tete Antonio in Luanda.",
        &[
            ("Sherman", "person"),
            ("Angola", "state"),
            ("Luanda", "region"),
            ("Tete Antonio", "person"),
        ],
    );
    check_entities(
        "Assistant Secretary Medina will travel to Portugal.",
        &[("Medina", "person"), ("Portugal", "state")],
    );
    // (A capital inside a post's name is the post's place, not its state
    // acting: "Embassy Bern" names no Switzerland, as "U.S. Embassy Minsk"
    // is optional in the gold of corpus-train state-318472.)
    check_entities(
        "Posts include Embassy Bern and Consulate General Surabaya.",
        &[("Surabaya", "region")],
    );
}

/// Issue 15: a compass word and a place head ("Northern District") are the
/// gazetteer's district only where the article names its state; alone they
/// name no place.
#[test]
fn issue15_compass_district_needs_its_state() {
    check_entities(
        "The suit was filed in the U.S. District Court for the Northern District of California.",
        &[("United States", "state"), ("California", "region")],
    );
    check_entities(
        "Protesters marched toward the Central district of Hong Kong.",
        &[("Hong Kong", "region")],
    );
    check_entities(
        "Rockets hit Israel's Northern District.",
        &[("Israel", "state"), ("Northern District", "region")],
    );
}

/// Issue 15: an organisation's name goes on through "on" and, after
/// "for", through "and", up to a title; after "X and" where the name
/// begins is unclear and no cut name is made; "Central Bank" of a state is
/// the state's organ.
#[test]
fn issue15_organisation_names_whole_or_none() {
    check_entities(
        "She met White House Council on Environmental Quality Chair Brenda Mallory in Lisbon.",
        &[
            (
                "White House Council on Environmental Quality",
                "organization",
            ),
            ("Brenda Mallory", "person"),
        ],
    );
    check_entities(
        "AQIM, formerly the Salafist Group for Preaching and Combat, was designated by the United States.",
        &[
            ("al-Qaeda in the Islamic Maghreb", "organization"),
            ("Salafist Group for Preaching and Combat", "organization"),
            ("United States", "state"),
        ],
    );
    check_entities(
        "The United States ends support for the Joint Monitoring and Evaluation Commission in South Sudan.",
        &[("United States", "state"), ("South Sudan", "state")],
    );
    check_entities(
        "Sanctions target the President of the Central Bank of Nicaragua.",
        &[("Nicaragua", "state")],
    );
    check_entities(
        "Officials of the Estonian Ministry of Foreign Affairs and Estonian Institute of Human Rights spoke.",
        &[
            ("Estonia", "state"),
            ("Estonian Institute of Human Rights", "organization"),
        ],
    );
}

/// Issue 15: a place's head after a state alone names no place ("United
/// States District Judge"); "Pacific Island nations" are the Pacific Islands
/// region (the gazetteer's name), not a place of their own.
#[test]
fn issue15_place_heads_that_name_no_place() {
    check_entities(
        "On Friday, United States District Judge Clark Waddoups reconsidered.",
        &[("United States", "state"), ("Clark Waddoups", "person")],
    );
    check_entities(
        "We work with Pacific Island nations, including through the Pacific Islands Forum.",
        &[
            ("Pacific Islands", "region"),
            ("Pacific Islands Forum", "alliance"),
        ],
    );
    check_entities(
        "Fighting spread in Syria's Idlib Province.",
        &[("Syria", "state"), ("Idlib Province", "region")],
    );
}

// ---- issue 15 (branch issue15f): two-word portfolios ----

/// Issue 15: a second portfolio after "and" may be two words ("Information
/// Technology"); its last word is the title's, never a person.
#[test]
fn issue15f_two_word_portfolio_after_and() {
    check_entities(
        "The delegation included Saudi Minister of Communications and Information Technology, Bill Nelson, and others.",
        &[("Saudi Arabia", "state"), ("Bill Nelson", "person")],
    );
    check_entities(
        "Kenya's Minister of Environment and Climate Change, Jane Doe, spoke.",
        &[("Kenya", "state"), ("Jane Doe", "person")],
    );
}

// ---- issue 15 (branch issue15f): the known cases left ----

/// Issue 15: a gazetteer person's full name that stops inside a hyphenated
/// given name is the front of another name ("Cho Hyun-dong" is not the
/// gazetteer's Cho Hyun).
#[test]
fn issue15f_hyphenated_given_name_is_not_a_shorter_known_name() {
    check_entities(
        "Deputy Secretary Wendy Sherman spoke with First Vice Foreign Minister Cho Hyun-dong.",
        &[("Wendy Sherman", "person"), ("Cho Hyun-dong", "person")],
    );
}

/// Issue 15: a known person's one-word alias followed by a one-word place
/// is a name written family name first ("Abe Takeo" is neither Shinzo
/// Abe nor the town Takeo; the gazetteer knows Takeo Mori himself); "Vice
/// Foreign Minister" is a title.
#[test]
fn issue15f_family_name_first_is_one_person() {
    check_entities(
        "Deputy Secretary Sherman met with Japanese Vice Foreign Minister Abe Takeo in Tokyo.",
        &[
            ("Sherman", "person"),
            ("Japan", "state"),
            ("Tokyo", "region"),
            ("Abe Takeo", "person"),
        ],
    );
}
t!(
    issue15f_family_name_first_keeps_its_title,
    "Deputy Secretary Sherman met with Japanese Vice Foreign Minister Abe Takeo in Tokyo.",
    &[
        ("Sherman", "met-with", "Abe Takeo"),
        ("Sherman", "visited", "Tokyo"),
        ("Abe Takeo", "represents", "Japan")
    ]
);

// Issue 15: "Armenia's acting Prime Minister X": the modifier between a
// state's possessive and the title leaves the state the title's, so the
// person, not the state, is the one spoken with.
t!(
    issue15f_possessive_state_before_acting_title,
    "Secretary Blinken spoke with Armenia's acting Prime Minister Nikol Pashinyan.",
    &[
        ("Antony Blinken", "met-with", "Nikol Pashinyan"),
        ("Nikol Pashinyan", "represents", "Armenia")
    ]
);

/// Issue 15: a capitalised title modifier ("Acting") is the title's word,
/// never the end of a name; an untitled run right before such a title and
/// a name is the body the title is held for, no person ("Prosper Africa"),
/// and an organisation's name before it stays whole.
#[test]
fn issue15f_capitalised_title_modifier_is_the_titles() {
    check_entities(
        "Deputy Assistant Secretary of State Akunna Cook and Prosper Africa Acting Chief Operating Officer Leslie Marbury will travel to Nigeria.",
        &[
            ("Akunna Cook", "person"),
            ("Leslie Marbury", "person"),
            ("Nigeria", "state"),
        ],
    );
    check_entities(
        "Clean Energy Foundation Acting Director Jane Roe visited Ghana.",
        &[
            ("Clean Energy Foundation", "organization"),
            ("Jane Roe", "person"),
            ("Ghana", "state"),
        ],
    );
}

/// Issue 15: an organisation's head-named name goes on through "of" to the
/// state it is named after ("Commercial Bank of Ethiopia" is one
/// organisation); an organ's name stays the state's ("Central Bank of
/// Yemen", ONTOLOGY.md: organs resolve to their state).
#[test]
fn issue15f_organisation_of_a_state_is_one_name() {
    check_entities(
        "The United States sanctioned the Commercial Bank of Ethiopia.",
        &[
            ("United States", "state"),
            ("Commercial Bank of Ethiopia", "organization"),
        ],
    );
    check_entities(
        "Saudi Arabia pledged support for the Central Bank of Yemen.",
        &[("Saudi Arabia", "state"), ("Yemen", "state")],
    );
}

/// Issue 15: blocs of states are alliances (ONTOLOGY.md): the Troika on
/// Sudan (United States, United Kingdom, Norway) and the Alliance for
/// Development in Democracy (Costa Rica, Dominican Republic, Panama).
#[test]
fn issue15f_blocs_of_states_are_alliances() {
    check_entities(
        "Panama is a member of the Alliance for Development in Democracy.",
        &[
            ("Panama", "state"),
            ("Alliance for Development in Democracy", "alliance"),
        ],
    );
}
t!(
    issue15f_troika_lists_its_members,
    "The Troika (United States, United Kingdom, and Norway) congratulates the people of South Sudan.",
    &[
        (US, "member-of", "Troika"),
        ("United Kingdom", "member-of", "Troika"),
        ("Norway", "member-of", "Troika")
    ],
    also: &[
        (US, "supports", "South Sudan"),
        ("United Kingdom", "supports", "South Sudan"),
        ("Norway", "supports", "South Sudan")
    ]
);

/// Issue 15 (sampled corpus nodes): a one-word place that is a word of a
/// full name the article gives is that person ("Mr. Flores" after "Edgar
/// Flores Santos", not the department of Flores).
#[test]
fn issue15f_place_that_is_a_word_of_a_full_name() {
    check_entities(
        "The board reviewed the murder of Mr. Edgar Flores Santos. The work of Mr. Flores was vital.",
        &[("Edgar Flores Santos", "person")],
    );
}

/// Issue 15 (sampled corpus nodes): a place's name does not go on through
/// "on" ("Ream Naval Base on the Gulf of Thailand" names the base, and the
/// gulf is a place of its own, not the state it is named after).
#[test]
fn issue15f_place_name_ends_before_on() {
    check_entities(
        "China built facilities at Ream Naval Base on the Gulf of Thailand.",
        &[
            ("China", "state"),
            ("Gulf of Thailand", "region"),
            ("Ream Naval Base", "region"),
        ],
    );
}

/// Issue 15 (sampled corpus nodes): heads of names of units, teams,
/// buildings and counties (data/lexicon/nonname.txt) are no person's
/// name words; "Minister of Investment", "Acting Principal Deputy
/// Assistant Secretary" and "Senior Bureau Official" are titles.
#[test]
fn issue15f_heads_and_titles_seen_as_people() {
    check_entities(
        "Officials contacted the Coast Guard and the Disease Surveillance Team about the attack in Al Noor Mosque.",
        &[],
    );
    check_entities(
        "The delegation included Minister of Investment Khalid Al-Falih.",
        &[("Khalid Al-Falih", "person")],
    );
    check_entities(
        "Acting Principal Deputy Assistant Secretary Jane Roe met Senior Bureau Official Kin Moy.",
        &[("Jane Roe", "person"), ("Kin Moy", "person")],
    );
}

/// Issue 15 (sampled corpus nodes): a dash glued between two capitalised
/// words is inside an organisation's name ("Afro–Asian Rural Bank", not
/// "Asian Rural Bank").
#[test]
fn issue15f_dash_inside_an_organisation_name() {
    check_entities(
        "Since 2009, the Afro\u{2013}Asian Rural Bank has authorized support.",
        &[("Afro\u{2013}Asian Rural Bank", "organization")],
    );
}

/// Issue 15 (articles 400-800 of the corpus): a US federal agency is an
/// organ of its state (ONTOLOGY.md), however its dash is written, and so is
/// a misspelt one; "the Transatlantic Alliance" is NATO.
#[test]
fn issue15g_state_agencies_are_their_state() {
    check_entities(
        "Since 2009, the Export\u{2013}Import Bank of the United States has authorized support.",
        &[("United States", "state")],
    );
    check_entities(
        "The Millenium Challenge Corporation and the National Science Foundation signed a deal with Kenya.",
        &[("United States", "state"), ("Kenya", "state")],
    );
    check_entities(
        "We underscored our enduring commitment to the Transatlantic Alliance.",
        &[("North Atlantic Treaty Organization", "alliance")],
    );
}

// ---- Session 11 relation cases ----

// "met today in Cairo with X": the place where a mutual act happens may
// stand between the verb and "with"; a meeting with no named partner after
// the place gives nothing.
t!(
    met_in_a_place_with,
    "Secretary Blinken met today in Cairo with Egyptian President Abdel Fattah Al Sisi.",
    &[("Antony Blinken", "met-with", "Abdel Fattah Al Sisi")],
    also: &[
        ("Antony Blinken", "represents", US),
        ("Abdel Fattah Al Sisi", "represents", "Egypt")
    ]
);
t!(
    met_in_a_city_and_state_with,
    "Secretary Blinken met on Tuesday in Riga, Latvia, with Israeli Foreign Minister Yair Lapid.",
    &[("Antony Blinken", "met-with", "Yair Lapid")],
    also: &[
        ("Antony Blinken", "represents", US),
        ("Yair Lapid", "represents", "Israel")
    ]
);
t!(
    met_in_a_place_with_the_press,
    "Secretary Blinken met in Riga with the press.",
    &[],
    also: &[("Antony Blinken", "represents", US)]
);

// A trip followed by a meeting with unnamed government officials is a
// meeting with the visited place's state; a trip whose meeting is with
// civil society only is not.
t!(
    travel_where_she_will_meet_government_officials,
    "Under Secretary Uzra Zeya will then travel to Windhoek, Namibia on July 21, where she will meet with government officials.",
    &[
        ("Uzra Zeya", "visited", "Windhoek"),
        ("Uzra Zeya", "visited", "Namibia"),
        ("Uzra Zeya", "met-with", "Namibia")
    ]
);
t!(
    travel_to_meet_senior_officials,
    "Assistant Secretary Todd Robinson will travel to Pakistan to meet with senior government officials.",
    &[
        ("Todd Robinson", "visited", "Pakistan"),
        ("Todd Robinson", "met-with", "Pakistan")
    ]
);
t!(
    travel_to_meet_civil_society,
    "Assistant Secretary Todd Robinson will travel to Pakistan to meet with civil society leaders.",
    &[("Todd Robinson", "visited", "Pakistan")]
);
t!(
    while_in_a_city_meet_government_officials,
    "While in Kyiv, Counselor Derek Chollet will meet with senior government officials to discuss reforms in Ukraine.",
    &[
        ("Derek Chollet", "visited", "Kyiv"),
        ("Derek Chollet", "met-with", "Ukraine")
    ]
);

// "the President of Mauritania", "the Prime Minister of X": an unnamed
// office holder acts for the state.
t!(
    met_the_unnamed_president_of_a_state,
    "Ambassador Rashad Hussain will meet with the President of Mauritania.",
    &[("Rashad Hussain", "met-with", "Mauritania")]
);

// "They discussed the Secretary-General's visit to Kyiv": the visit is the
// possessor's, not the subjects'.
t!(
    a_possessed_visit_is_not_the_subjects,
    "Secretary Blinken spoke with UN Secretary-General Antonio Guterres. They discussed the Secretary-General's visit to Kyiv.",
    &[("Antony Blinken", "met-with", "António Guterres")],
    also: &[
        ("Antony Blinken", "represents", US),
        ("António Guterres", "represents", "United Nations"),
        ("António Guterres", "visited", "Kyiv")
    ]
);

// "a commitment to urge China not to ...": an infinitive's object is no
// target of the nominal; "commitment to help X" is support for X.
t!(
    commitment_to_an_infinitive,
    "The United States and France underscored a continuing commitment to urge the People's Republic of China not to circumvent sanctions.",
    &[]
);
t!(
    commitment_to_help,
    "The Secretary underscored the U.S. commitment to help the UAE bolster its defenses.",
    &[(US, "supports", "United Arab Emirates")]
);

// "condemned the atrocities committed by Russia", "condemned the attack
// against Ukraine by Russia's military forces", "by the military junta in
// Myanmar": a condemned act's agent after "by" is opposed; an agent the
// text does not name gives nothing.
t!(
    condemned_atrocities_committed_by,
    "Secretary Blinken and Foreign Minister Wopke Hoekstra condemned the atrocities committed by Russia in Bucha and elsewhere in Ukraine.",
    &[
        ("Antony Blinken", "opposes", "Russia"),
        ("Wopke Hoekstra", "opposes", "Russia"),
        ("Russia", "attacks", "Bucha")
    ],
    also: &[
        ("Antony Blinken", "represents", US),
        ("Wopke Hoekstra", "represents", "Netherlands")
    ]
);
t!(
    condemned_an_attack_against_by_forces,
    "Germany and France condemned the premeditated, unprovoked, and unjustified attack against Ukraine by Russia's military forces.",
    &[
        ("Germany", "opposes", "Russia"),
        ("France", "opposes", "Russia")
    ],
    also: &[("Russia", "attacks", "Ukraine")]
);
t!(
    condemned_shelling_of_civilians_by_armed_forces,
    "The U.S. and the EU condemned the continual shelling of civilians and civilian infrastructure by Russian armed forces.",
    &[
        (US, "opposes", "Russia"),
        ("European Union", "opposes", "Russia")
    ]
);
t!(
    condemned_executions_by_a_junta_in_a_state,
    "Canada strongly condemned the four executions by the military junta in Myanmar.",
    &[("Canada", "opposes", "Myanmar")]
);
// "in the strongest terms" between the verb and the act, and a hyphenated
// modifier in the act's phrase ("two Greek-flagged vessels").
t!(
    condemned_in_the_strongest_terms_a_seizure_by,
    "Blinken condemned in the strongest terms the May 27 seizure of two Greek-flagged vessels by Iran's Islamic Revolutionary Guard Corps.",
    &[("Antony Blinken", "opposes", "Iran")]
);
t!(
    condemned_an_attack_by_unnamed_gunmen,
    "Germany condemned the attack in Kabul by unknown gunmen.",
    &[]
);

// "the Iranian missile attacks near Erbil": after a determiner, a state's
// adjective and a plain noun, a verb cue is a noun; "The United States
// also welcomes" and "the Russian military attacks" keep their verbs.
t!(
    condemned_adjective_missile_attacks_near_a_place,
    "Secretary Blinken condemned the Iranian missile attacks near Erbil.",
    &[("Antony Blinken", "opposes", "Iran")],
    also: &[("Antony Blinken", "represents", US)]
);
t!(
    an_organ_before_a_verb_cue_keeps_the_verb,
    "The Russian military attacks Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    an_adverb_before_a_verb_cue_keeps_the_verb,
    "The United States also welcomes Saudi Arabia's pledge.",
    &[(US, "supports", "Saudi Arabia")]
);
// "the Russian missile attack on X": the adjective before the nominal's
// plain nouns is its agent, not the subject of the verb that condemns it;
// "the Ukrainian port of Odesa" names the port as well as its state.
t!(
    adjective_agent_of_a_condemned_attack_nominal,
    "The United States condemns the Russian missile attack on the Ukrainian port of Odesa.",
    &[
        (US, "opposes", "Russia"),
        ("Russia", "attacks", "Odesa"),
        ("Russia", "attacks", "Ukraine")
    ]
);
t!(
    a_state_adjective_and_a_place_noun_name_the_place,
    "Russia struck the Ukrainian city of Kharkiv.",
    &[
        ("Russia", "attacks", "Kharkiv"),
        ("Russia", "attacks", "Ukraine")
    ]
);
// No determiner is needed: the adjective is the agent all the same.
t!(
    adjective_agent_without_a_determiner,
    "Washington condemned Russian drone attack on Kyiv.",
    &[(US, "opposes", "Russia"), ("Russia", "attacks", "Kyiv")]
);

// "designating 16 Bank Otkritie Board Members: A, B, and C": a count and a
// capitalised description before the colon.
t!(
    designating_a_counted_description_colon_list,
    "The Department of State is designating 16 Bank Otkritie Board Members: Kseniya Valentinovna Yudayeva, Mikhail Yurevich Alekseev, and Anatoly Mikhailovich Karachinskiy.",
    &[
        (US, "sanctions", "Kseniya Valentinovna Yudayeva"),
        (US, "sanctions", "Mikhail Yurevich Alekseev"),
        (US, "sanctions", "Anatoly Mikhailovich Karachinskiy")
    ]
);

// "coordinated with", "in coordination with": working together is
// cooperation (ongoing close coordination is a concluded act, not a pledge).
t!(
    in_coordination_with,
    "The United States is taking actions today in coordination with the G7 and the EU to raise the costs on Russia.",
    &[
        (US, "cooperates-with", "Group of Seven"),
        (US, "cooperates-with", "European Union")
    ]
);
t!(
    coordination_between,
    "The Secretary expressed appreciation for the close and ongoing coordination between the United States and the EU.",
    &[(US, "cooperates-with", "European Union")]
);

// "Russia's military build-up on Ukraine's borders", "around Ukraine":
// a build-up near a state threatens it, as drills there do.
t!(
    military_build_up_on_borders,
    "The leaders discussed Russia's continued military build-up on Ukraine's borders.",
    &[("Russia", "threatens", "Ukraine")]
);

// "threaten the peace, security, and stability of A, B, and C": a list of
// nouns of `of_heads.txt` with commas before "of".
t!(
    threaten_the_peace_and_security_of_a_list,
    "ISIS-GS continues to threaten the peace, security, and stability of Mali, Niger, and Burkina Faso.",
    &[
        ("Islamic State", "threatens", "Mali"),
        ("Islamic State", "threatens", "Niger"),
        ("Islamic State", "threatens", "Burkina Faso")
    ]
);

// "will travel June 1-3 to Santo Domingo", "his first trip abroad to
// Nouakchott": a date or a few words about the trip between the travel
// word and "to"; "travel restrictions apply to X" is no trip.
t!(
    travel_a_date_then_to,
    "Assistant Secretary Rena Bitter will travel June 1-3 to Santo Domingo, Dominican Republic to observe consular operations.",
    &[("Rena Bitter", "visited", "Dominican Republic")],
    also: &[("Rena Bitter", "visited", "Santo Domingo")]
);
t!(
    first_trip_abroad_to,
    "Ambassador Rashad Hussain will embark on his first trip abroad to Nouakchott, Mauritania, February 7-9.",
    &[("Rashad Hussain", "visited", "Mauritania")],
    also: &[("Rashad Hussain", "visited", "Nouakchott")]
);
t!(
    travel_restrictions_apply_to,
    "Travel restrictions apply to Russia.",
    &[]
);

// "consult(ed) with X" is talks; "consult with Allies and partners,
// including Ukraine": the names after "including" stand for the group a
// mutual cue names (not for an attack's: "assaults on democracy, including
// the Department's ..." names no target).
t!(
    consulted_with,
    "Deputy National Security Advisor Daleep Singh consulted with Indian counterparts on the goals of sanctions.",
    &[("Daleep Singh", "met-with", "India")]
);
t!(
    consult_with_partners_including,
    "The United States is continuing to closely consult with Allies and partners, including Ukraine, on next steps.",
    &[(US, "met-with", "Ukraine")]
);
t!(
    cooperate_through_institutions_including,
    "The United States and Germany cooperate through several multilateral institutions including NATO and the UN.",
    &[(US, "cooperates-with", "Germany")]
);

// "occupy parts of the Donbas region": "parts of" leads to the place.
t!(
    occupy_parts_of_a_region,
    "Russian forces occupy parts of the Donbas region.",
    &[("Russia", "attacks", "Donbas")]
);

// "prohibits its employees from traveling to Crimea": a travel that is
// prohibited or restricted is no visit.
neg!(
    prohibited_from_traveling_to,
    "The U.S. government prohibits its employees from traveling to Crimea.",
    &[(US, "visited", "Crimea")]
);

// "A, B and C gathered in PLACE" (or "convened/assembled in|at"): the
// parties of a gathering met one another, the place is no party;
// "gathered troops in" is no gathering of the subjects.
t!(
    ministers_gathered_in_a_place,
    "Foreign ministers of France, Germany and Poland gathered in Warsaw on Monday.",
    &[
        ("France", "met-with", "Germany"),
        ("France", "met-with", "Poland"),
        ("Germany", "met-with", "Poland")
    ]
);
t!(
    gathered_troops_is_no_meeting,
    "Russia and Belarus gathered troops in the border area.",
    &[]
);

// "X hosted a ministerial for the ministers of A, B and C": the host and
// the participants all met one another.
t!(
    hosted_a_ministerial_for,
    "Japan hosted a ministerial for the foreign ministers of India, Australia and Canada.",
    &[
        ("Japan", "met-with", "India"),
        ("Japan", "met-with", "Australia"),
        ("Japan", "met-with", "Canada"),
        ("India", "met-with", "Australia"),
        ("India", "met-with", "Canada"),
        ("Australia", "met-with", "Canada")
    ]
);

// "acting", "interim", "incoming" (data/lexicon/title_modifiers.txt) qualify
// a title between a meeting cue and the person, with or without the
// state's adjective before them.
t!(
    spoke_with_acting_prime_minister,
    "Secretary Blinken spoke with acting Prime Minister Nikol Pashinyan.",
    &[("Antony Blinken", "met-with", "Nikol Pashinyan")],
    also: &[(US, "represents", "Antony Blinken"), ("Nikol Pashinyan", "represents", "Armenia")]
);
t!(
    met_with_incoming_adjective_title,
    "National Security Advisor Jake Sullivan met today with incoming Israeli National Security Advisor Eyal Hulata.",
    &[
        ("Jake Sullivan", "met-with", "Eyal Hulata"),
        ("Eyal Hulata", "represents", "Israel")
    ]
);

// "met in Washington today with X": the meeting's place (a name the
// gazetteer may not know) and time words stand between the verb and "with".
t!(
    met_in_an_unknown_place_today_with,
    "Deputy Secretary Wendy Sherman met in Washington today with Foreign Minister Kitlang Kabua.",
    &[("Wendy Sherman", "met-with", "Kitlang Kabua")]
);

// "Participants in the call included A, B and C", "Joining X on the call
// were A, B and C": a meeting of every listed party (and the one joined),
// every pair; two names alone are left to the cues.
t!(
    participants_in_the_call_included,
    "Participants in the call included Prime Minister Justin Trudeau of Canada, President Emmanuel Macron of France, and Chancellor Olaf Scholz of Germany.",
    &[
        ("Justin Trudeau", "met-with", "Emmanuel Macron"),
        ("Justin Trudeau", "met-with", "Olaf Scholz"),
        ("Emmanuel Macron", "met-with", "Olaf Scholz"),
        ("Justin Trudeau", "represents", "Canada"),
        ("Emmanuel Macron", "represents", "France"),
        ("Olaf Scholz", "represents", "Germany")
    ]
);
t!(
    joining_the_host_were,
    "Participants joining the United States in the Global Action Meeting included the Commonwealth of Australia, Canada, and Japan.",
    &[
        (US, "met-with", "Australia"),
        (US, "met-with", "Canada"),
        (US, "met-with", "Japan"),
        ("Australia", "met-with", "Canada"),
        ("Australia", "met-with", "Japan"),
        ("Canada", "met-with", "Japan")
    ]
);
t!(
    two_participants_are_no_list,
    "Participants included Canada and Japan.",
    &[]
);

// "will join a trilateral meeting with A and B" ("join" attends); a
// name inside a listed person's title ("for Korean Peninsula ... Affairs")
// is no party of its own.
t!(
    join_a_trilateral_meeting_with_long_titles,
    "Special Representative Sung Kim will join a trilateral meeting with Republic of Korea Special Representative for Korean Peninsula Peace and Security Affairs Noh Kyu-duk and Japanese Director-General for Asian and Oceanian Affairs Funakoshi Takehiro.",
    &[
        ("Sung Kim", "met-with", "Noh Kyu-duk"),
        ("Sung Kim", "met-with", "Takehiro Funakoshi"),
        ("Noh Kyu-duk", "met-with", "Takehiro Funakoshi"),
        ("Noh Kyu-duk", "represents", "South Korea"),
        ("Takehiro Funakoshi", "represents", "Japan")
    ]
);

const ASEAN: &str = "Association of Southeast Asian Nations";

// "ALLIANCE member states, including A and B", "ALLIANCE Allies such as
// A and B": the examples of the members are members; a plural with no
// example names none.
t!(
    member_states_including,
    "Vaccines have been delivered to several ASEAN member states, including Cambodia, Indonesia, and Laos.",
    &[
        ("Cambodia", "member-of", ASEAN),
        ("Indonesia", "member-of", ASEAN),
        ("Laos", "member-of", ASEAN)
    ]
);
t!(
    allies_such_as,
    "NATO Allies such as Poland and Estonia have raised their spending.",
    &[
        ("Poland", "member-of", "North Atlantic Treaty Organization"),
        ("Estonia", "member-of", "North Atlantic Treaty Organization")
    ]
);
t!(
    member_states_including_no_state,
    "NATO members, including some in the south, objected.",
    &[]
);

// "has committed $75 million in humanitarian assistance and $124 million
// in economic and security assistance to Moldova": a nominal counted in
// money is the clause's object, its source the clause's subject however
// long the amounts before it.
t!(
    counted_assistance_far_from_its_subject,
    "The United States has committed nearly $75 million in humanitarian assistance and almost $124 million in economic and security assistance to Moldova.",
    &[(US, "supports", "Moldova")]
);

// "X's ally Y", "Y, X's closest ally, ...", "Y, a close ally of X, ...":
// the partner noun (data/lexicon/partner_nouns.tsv) ties the two; the
// apposition's owner is no subject of the clause's verb ("hosted" makes
// no meeting with Russia).
t!(
    possessive_ally_before_the_name,
    "Russia's ally Belarus hosted the drills.",
    &[("Belarus", "cooperates-with", "Russia")]
);
t!(
    possessive_ally_in_apposition,
    "Belarus, Russia's closest ally, hosted the drills.",
    &[("Belarus", "cooperates-with", "Russia")]
);
t!(
    ally_of_in_apposition,
    "Belarus, a close ally of Russia, met Poland.",
    &[
        ("Belarus", "cooperates-with", "Russia"),
        ("Belarus", "met-with", "Poland")
    ]
);
t!(
    patron_in_apposition_supports_the_owner,
    "Tehran, Hezbollah's main patron, welcomed the end of the war.",
    &[("Iran", "supports", "Hezbollah")]
);
t!(
    proxy_is_supported_by_its_owner,
    "Fighters of Iran's proxy Hezbollah crossed the border.",
    &[("Iran", "supports", "Hezbollah")]
);
t!(
    partners_in_a_place_name_no_partner,
    "Russia's partners in the region include Iran.",
    &[]
);

// "X sent troops into Y" is an invasion; "sent troops to Y" stays support.
t!(
    sent_troops_into,
    "The war erupted when Abiy sent troops into Tigray.",
    &[("Abiy Ahmed", "attacks", "Tigray")]
);
t!(
    sent_its_forces_into,
    "Russia sent its forces into Georgia in 2008.",
    &[("Russia", "attacks", "Georgia")]
);

// "A, B, and C VERB": after names joined by bare commas, ", and" is the
// serial comma of the list; after "A and B" it opens a new clause.
t!(
    serial_comma_before_a_verb_keeps_the_list,
    "Houthi attacks against facilities in Jizan, Najran, and Jeddah continued.",
    &[
        ("Houthis", "attacks", "Jizan"),
        ("Houthis", "attacks", "Najran"),
        ("Houthis", "attacks", "Jeddah")
    ]
);
t!(
    and_after_a_pair_opens_a_clause,
    "Blinken emphasized the partnership between the United States and Kosovo, and Germany thanked the leaders.",
    &[(US, "cooperates-with", "Kosovo")],
    also: &[("Antony Blinken", "represents", US)]
);
t!(
    serial_list_ending_in_an_unknown_place,
    "Houthi attacks against civil facilities in Jizan, Najran, and Dhahran are acts of terrorism.",
    &[
        ("Houthis", "attacks", "Jizan"),
        ("Houthis", "attacks", "Najran")
    ]
);

// "imposing costs on X" is a sanction; promised under a condition it is a
// threat (ONTOLOGY: "warned of further sanctions if ..."). The tail of a
// split cue may be several words ("impose ... costs on").
t!(
    imposing_costs_on_is_a_sanction,
    "The Department of State is imposing substantial costs on Russia's defense enterprises.",
    &[(US, "sanctions", "Russia")]
);
t!(
    costs_promised_under_a_condition_are_a_threat,
    "If Russia invades Ukraine again, the United States will respond decisively and impose swift and severe costs on Russia.",
    &[(US, "threatens", "Russia")]
);
t!(
    costs_of_a_war_are_no_sanction,
    "The war imposed heavy costs on Ukraine.",
    &[]
);

// "X condemned the strikes, NAME said": the name a speech verb follows is
// the speaker, no target of the cue before the comma.
t!(
    speaker_after_a_comma_is_no_target,
    "Iran condemned the strikes, Nasser Kanaani said.",
    &[]
);
t!(
    efforts_to_impose_costs_are_no_sanction,
    "The leaders discussed efforts to impose economic costs on Russia for its aggression.",
    &[]
);
t!(
    continue_to_impose_costs_is_a_sanction,
    "The United States will continue to impose severe costs on Russia.",
    &[(US, "sanctions", "Russia")]
);

// "support following the attack on X": a nominal after a preposition of
// time or cause has an agent the clause does not name.
t!(
    attack_after_following_has_no_named_agent,
    "The United States expressed support following the attack on the Colombian presidential helicopter.",
    &[]
);
t!(
    attack_after_after_has_no_named_agent,
    "Russia continued its attacks on Ukraine after the attack on Kyiv.",
    &[("Russia", "attacks", "Ukraine")]
);

// "Republic of Korea (ROK) First Vice Foreign Minister X": a short form
// in brackets between the state and the title keeps the title the
// person's, so the meeting is with the person, not the state.
t!(
    short_form_in_brackets_before_a_title,
    "Deputy Secretary of State Wendy Sherman spoke today with Republic of Korea (ROK) First Vice Foreign Minister Choi Jong Kun.",
    &[
        ("Wendy Sherman", "met-with", "Choi Jong Kun"),
        ("Choi Jong Kun", "represents", "South Korea")
    ],
    also: &[("Wendy Sherman", "represents", US)]
);

// "welcomes the close cooperation with X": a joint act that the clause's
// subject welcomes or commends is its own, unlike "condemned attacks on X",
// whose agent the clause does not name.
t!(
    welcomed_cooperation_is_the_subjects,
    "The United States commends the ongoing close coordination with Lithuania and Poland.",
    &[
        (US, "cooperates-with", "Lithuania"),
        (US, "cooperates-with", "Poland")
    ]
);
t!(
    condemned_cooperation_names_no_agent,
    "The United States condemned cooperation with Iran.",
    &[]
);

// "increased cooperation in the last few years with A and B": the partner
// may follow a few words after "cooperation"; "U.S.-Laos cooperation and
// deeper ties with Laos" keeps its pair reading beside the tail's.
t!(
    cooperation_with_after_a_gap,
    "Iran has increased cooperation in the last few years with the navies of China and Russia.",
    &[
        ("Iran", "cooperates-with", "China"),
        ("Iran", "cooperates-with", "Russia")
    ]
);
t!(
    pair_before_a_cooperation_tail_is_kept,
    "The envoy will discuss closer U.S.-Laos cooperation and forge deeper connection with Vietnam.",
    &[(US, "cooperates-with", "Laos")],
    also: &[("Laos", "cooperates-with", "Vietnam")]
);

// "hold X accountable", "hold X and its enablers to account": opposition,
// the target in the gap before the tail; "hold to account those
// responsible for abuses in X" names no target.
t!(
    hold_accountable_opposes,
    "The United States will continue to hold Russia accountable for its war.",
    &[(US, "opposes", "Russia")]
);
t!(
    hold_to_account_with_the_names_people,
    "Germany will hold Alexander Lukashenko and his corrupt regime to account.",
    &[("Germany", "opposes", "Alexander Lukashenko")]
);
t!(
    hold_to_account_before_its_object_names_none,
    "We will work with partners to hold to account those responsible for abuses in Belarus.",
    &[]
);
t!(
    supplies_with_is_support,
    "Iran supplies the Houthis with missile components.",
    &[("Iran", "supports", "Houthis")]
);

// "NAME was the deputy commander of BODY": a copula right after the name
// gives the office like an apposition, but only with "of" or "for" ("was
// the first president to visit X" holds no office for X).
t!(
    copula_title_of_body,
    "Abu Mahdi al-Muhandis was the deputy commander of Hezbollah.",
    &[("Abu Mahdi al-Muhandis", "represents", "Hezbollah")]
);
t!(
    copula_title_to_a_place_is_no_office,
    "Joe Biden was the first president to visit Ukraine.",
    &[("Joe Biden", "visited", "Ukraine")]
);

// "Italian economic development minister X": a portfolio of two words
// between the state's adjective and the title.
t!(
    two_word_portfolio_before_a_title,
    "Italian economic development minister Stefano Patuanelli sent a letter.",
    &[("Stefano Patuanelli", "represents", "Italy")]
);

// "capture" as a verb in every form, like "seize": "is capturing X".
t!(
    capturing_a_city_attacks_it,
    "Russian forces are capturing Kherson.",
    &[("Russia", "attacks", "Kherson Oblast")]
);

/// Issue 15 (articles 400-800 of the corpus): capitalised runs that are
/// parts of longer names or places are no people. The last conjunct of a
/// title's portfolio ("for Critical and Emerging Technologies"), the
/// department after a name's title ("Door, Senior Vice President, Global
/// Strategic Sourcing"), a saint's name opening an institution's ("St.
/// Jude Children's Research Hospital"), a town before a comma and its
/// place after "to" or a bracket ("Monte Carlo, Monaco"), a sentence
/// opener ("Among Nemtsov's"), an office ("Second Gentleman").
#[test]
fn issue15g_parts_of_longer_names_are_no_people() {
    check_entities(
        "We will create a new Special Envoy for Critical and Emerging Technologies.",
        &[],
    );
    check_entities(
        "Assistant Secretary of State for International Narcotics and Law Enforcement Todd D. Robinson traveled to Beirut.",
        &[("Todd D. Robinson", "person"), ("Beirut", "region")],
    );
    check_entities(
        "Elizabeth Door, Senior Vice President, Global Strategic Sourcing, Whirlpool",
        &[("Elizabeth Door", "person")],
    );
    check_entities(
        "The Department of State has coordinated with St. Jude Children\u{2019}s Research Hospital to provide care.",
        &[("United States", "state")],
    );
    check_entities(
        "Special Presidential Envoy for Climate John Kerry will travel to Monte Carlo, Monaco, March 20-21.",
        &[("John Kerry", "person"), ("Monaco", "state")],
    );
    check_entities(
        "Patrick Gelsinger (Santa Clara, California)",
        &[("Patrick Gelsinger", "person"), ("California", "region")],
    );
    check_entities("Among Nemtsov\u{2019}s final projects was a report.", &[]);
    check_entities(
        "Mr. Douglas Emhoff, Second Gentleman of the United States, will lead the delegation.",
        &[("Douglas Emhoff", "person"), ("United States", "state")],
    );
}

/// Issue 15 (articles 400-800 of the corpus): names kept whole. Two name
/// particles ("Thijs van der Plas"), and a one-word place after an
/// honorific is a first name ("Ms. Isabel Allende", not the province
/// Isabel).
#[test]
fn issue15g_names_kept_whole() {
    check_entities(
        "Wendy Sherman spoke with Dutch Political Director Thijs van der Plas.",
        &[
            ("Wendy Sherman", "person"),
            ("Netherlands", "state"),
            ("Thijs van der Plas", "person"),
        ],
    );
    check_entities(
        "Ms. Isabel Allende, Award-winning Chilean-American Author",
        &[
            ("Isabel Allende", "person"),
            ("Chile", "state"),
            ("United States", "state"),
        ],
    );
}

/// Issue 15 (articles 400-800 of the corpus): a new name in brackets that
/// is the front of the new name before it is that one, one node ("Htoo
/// Group of Companies (Htoo Group)"); "Takeo Akiba" and "Akiba Takeo" are
/// the gazetteer's one person, not the Cambodian town Takeo.
#[test]
fn issue15g_one_node_per_name() {
    check_entities(
        "They designated Htoo Group of Companies (Htoo Group) today. Htoo Group denied it.",
        &[("Htoo Group of Companies", "organization")],
    );
    check_entities(
        "Jake Sullivan met the Secretary General of the Secretariat, Takeo Akiba, to discuss trade.",
        &[("Jake Sullivan", "person"), ("Takeo Akiba", "person")],
    );
    check_entities(
        "Blinken met with National Security Advisor Akiba Takeo.",
        &[("Antony Blinken", "person"), ("Takeo Akiba", "person")],
    );
}

/// Issue 15 (leftovers and articles 400-800 of the corpus): an alliance's
/// head names an alliance's body only with an alliance in or right before
/// the name ("the Vande Bharat Mission" is a state's programme); after a
/// spelled-out ordinal a place head is a numbered unit ("seventh
/// Congressional District"); an organisation after a name's title is no person ("Asian
/// Pacific"); "Sanctuary" is never a name's word ("Flora Sanctuary").
#[test]
fn issue15g_heads_and_lists() {
    check_entities(
        "Under the Vande Bharat Mission, India flew 10,000 citizens home.",
        &[("India", "state")],
    );
    check_entities(
        "We support the OSCE\u{2019}s Special Monitoring Mission, whose observers play a key role.",
        &[
            (
                "Organization for Security and Co-operation in Europe",
                "alliance",
            ),
            ("Special Monitoring Mission", "alliance"),
        ],
    );
    check_entities(
        "Representative Kweisi Mfume of Maryland's seventh Congressional District resigned.",
        &[("Kweisi Mfume", "person"), ("Maryland", "region")],
    );
    check_entities(
        "Alvina Yeh, Executive Director, Asian Pacific American Labor Alliance (APALA)",
        &[("Alvina Yeh", "person"), ("United States", "state")],
    );
    check_entities(
        "Funding helps Fundación Malpelo to protect the Malpelo Fauna and Flora Sanctuary.",
        &[],
    );
}

// "A and Chief Operating Officer B will travel to X": a title that names no
// body stands before its name like a determiner, so A and B are one subject.
t!(
    title_without_body_in_a_coordinated_subject,
    "Antony Blinken and Chief Operating Officer Leslie Marbury will travel to Nigeria.",
    &[("Antony Blinken", "visited", "Nigeria"), ("Leslie Marbury", "visited", "Nigeria")],
    also: &[("Antony Blinken", "represents", US)]
);

// Issue 8: a fronted "In X," names the recipient of aid that the clause's
// subject gives with an amount; a city there is where aid is delivered, and
// a verb of taking is no aid.
t!(
    fronted_state_receives_the_aid,
    "In Cambodia, the United States has provided more than $11 million to help respond to the pandemic.",
    &[(US, "supports", "Cambodia")]
);
t!(
    fronted_state_receives_donations,
    "In Thailand, the United States has donated $8.5 million in COVID-related assistance.",
    &[(US, "supports", "Thailand")]
);
not!(
    fronted_city_is_no_recipient,
    "In Kyiv, the United States has provided 20 generators.",
    &[(US, "supports", "Kyiv"), (US, "supports", "Ukraine")]
);
not!(
    fronted_place_of_destruction_is_no_aid,
    "In Ukraine, Russia has destroyed 300 schools.",
    &[("Russia", "supports", "Ukraine")]
);

// Issue 8: vaccine doses shared with a state, and sanctions on "a network
// of" a state's companies.
t!(
    doses_shared_with_a_state,
    "The United States has shared 8 million vaccine doses with Indonesia.",
    &[(US, "supports", "Indonesia")]
);
t!(
    sanctions_on_a_network_of_a_states_companies,
    "The United States is imposing sanctions on a network of Iranian petrochemical producers.",
    &[(US, "sanctions", "Iran")]
);

/// Issue 8: in a government's own release an agentless passive of a
/// sanctions verb is the publisher's act, for every name before it; a
/// negated one is none, and a news report's names no actor. A line that
/// ends "has designated:" takes the next paragraph's list of names.
#[test]
fn designations_in_a_release_are_the_publishers() {
    let url = "https://www.state.gov/designations/";
    let sanctions = |o: &str| (US.to_string(), "sanctions".to_string(), o.to_string());
    assert_eq!(
        edges_published(
            url,
            "Elena Petrovna Timchenko and Natalya Browning are each being designated \
             for being a spouse of Gennady Nikolayevich Timchenko."
        ),
        vec![
            sanctions("Elena Petrovna Timchenko"),
            sanctions("Natalya Browning")
        ]
    );
    assert_eq!(
        edges_published(url, "Yevgeny Prigozhin was not designated."),
        vec![]
    );
    assert_eq!(
        edges_published(
            "https://news.example.org/story",
            "Yevgeny Prigozhin was designated pursuant to E.O. 14024."
        ),
        vec![]
    );
    assert_eq!(
        edges_published(
            url,
            "Today, the Department has designated:\n\nDmitry Vladimirovich Gusev, \
             Mikhail Lvovich Kuchment, and Anatoly Alexandrovich Bravverman.\n\n\
             These individuals are each being designated pursuant to E.O. 14024."
        ),
        vec![
            sanctions("Anatoly Alexandrovich Bravverman"),
            sanctions("Dmitry Vladimirovich Gusev"),
            sanctions("Mikhail Lvovich Kuchment"),
        ]
    );
}

// Issue 8: a count before a state's envoys ("ten Polish diplomats") still
// makes the expulsion the state's; a possessive place before a police title
// is what the officer represents; a rapporteur's portfolio ("on Violence
// Against Women") is no person.
t!(
    expelled_counted_envoys,
    "Russia expelled ten Polish diplomats.",
    &[("Russia", "opposes", "Poland")]
);
t!(
    police_chief_of_a_possessive_place,
    "El Paso's police chief Greg Allen said the police were attributing the document to Crusius.",
    &[("Greg Allen", "represents", "El Paso")]
);
#[test]
fn rapporteur_portfolio_is_no_person() {
    check_entities(
        "We also support the work of the Special Rapporteur on Violence Against Women, Dubravka Simonovic.",
        &[("Dubravka Simonovic", "person")],
    );
}

// Issue 8: promising to answer any attack of a named actor threatens the
// actor; the attack itself, "any further Russian aggression", is no event
// (nor is "any attack by Iran").
t!(
    respond_to_any_aggression_threatens,
    "President Biden made clear that the United States would respond swiftly and decisively, together with its Allies and partners, to any further Russian aggression against Ukraine.",
    &[(US, "threatens", "Russia")],
    also: &[("Joe Biden", "represents", US)]
);
neg!(
    any_further_aggression_is_no_event,
    "NATO condemned any further Russian aggression against Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    respond_to_any_attack_by_an_actor,
    "The United States will respond to any attack by Iran.",
    &[(US, "threatens", "Iran")]
);
t!(
    respond_to_any_question_is_no_threat,
    "The Chinese ministry will respond to any questions from Japan.",
    &[]
);

// Issue 8: the one thanked does the gerund after "for"; a closing "to"
// before a plain verb is an infinitive's ("how to cooperate"), but "to
// help X" keeps the giving's target; a cue's "in" before a month names a
// time, not a target; a gerund a list "includes" has no subject here; "the
// war" after "caused by" is no act of the clause's subject.
t!(
    thanked_for_providing_does_the_giving,
    "I want to thank the Slovakian government for providing an S-300 air defense system to Ukraine.",
    &[("Slovakia", "supports", "Ukraine")]
);
t!(
    thanked_for_delivering,
    "Blinken thanked Poland for delivering tanks to Ukraine.",
    &[
        ("Antony Blinken", "supports", "Poland"),
        ("Poland", "supports", "Ukraine")
    ]
);
t!(
    infinitive_to_is_no_tail,
    "Biden and Modi committed to continue providing humanitarian assistance, and discussed how to cooperate to manage disruptions caused by the war in Ukraine.",
    &[],
    also: &[
        ("Joe Biden", "cooperates-with", "Narendra Modi"),
        ("Joe Biden", "met-with", "Narendra Modi")
    ]
);
t!(
    money_to_help_a_body,
    "Since 2015, the United States has provided more than $395 million to help the IAEA promote peaceful nuclear applications.",
    &[(US, "supports", "International Atomic Energy Agency")]
);
not!(
    war_in_a_month_is_no_target,
    "Since the beginning of Putin's full-scale war in February, the United States has provided over $1.28 billion in humanitarian assistance.",
    &[("Vladimir Putin", "attacks", US)]
);
not!(
    included_gerund_has_no_subject_here,
    "The United States is designating Golden Warrior Shipping, which has engaged in transactions, to include providing logistical services to Iranian companies.",
    &[(US, "supports", "Iran")]
);

// Issue 8: "to support X" after its subject's verb ("will continue to
// support", "pledged to"); an infinitive cue after "is" is no passive, so
// "Our goal is to support X" in a release is the publisher's; the purpose
// of given aid ("assistance to fight X") is the recipient's act.
t!(
    continue_to_support,
    "The United States will continue to support Ukraine.",
    &[(US, "supports", "Ukraine")]
);
t!(
    refused_to_support_is_none,
    "Russia refused to support Syria.",
    &[]
);
#[test]
fn our_goal_is_to_support_in_a_release() {
    assert_eq!(
        edges_published(
            "https://www.state.gov/statement/",
            "We welcome this. Our objective with these designations is to support the people of Guatemala and Honduras."
        ),
        vec![
            (
                US.to_string(),
                "supports".to_string(),
                "Guatemala".to_string()
            ),
            (
                US.to_string(),
                "supports".to_string(),
                "Honduras".to_string()
            ),
        ]
    );
}
not!(
    assistance_to_fight_is_the_recipients,
    "We will continue to support President Zelenskyy and his government with security assistance to fight Russian aggression.",
    &[(US, "attacks", "Russia"), ("Russia", "attacks", US)]
);

// Issue 8: "X, our key NATO Ally" is membership as "X, a NATO member" is,
// and a partner of the voice (the possessive after the state, modifiers
// and the alliance's name before the noun); a stray space after a pair's
// hyphen ("the U.S.- Oman relationship") still joins the pair.
t!(
    our_alliance_ally_in_apposition,
    "The United States stands with Greece, our key NATO Ally and partner in the face of this unjustified seizure.",
    &[
        (US, "supports", "Greece"),
        (US, "cooperates-with", "Greece"),
        ("Greece", "member-of", "North Atlantic Treaty Organization")
    ]
);
t!(
    pair_with_a_stray_space,
    "They discussed bolstering the U.S.- Oman bilateral relationship.",
    &[(US, "cooperates-with", "Oman")]
);

/// Issue 15: gazetteer names that are common words of another sense give
/// no node ("Western Balkan partners" is no Turkmen province, "Vladimir"
/// before a surname is a given name, not the Russian region), and an
/// Indonesian province (second-level in ISO 3166-2) is a region.
#[test]
fn issue15_subdivision_names_in_their_sense() {
    check_entities(
        "Deputy Secretary Sherman emphasized the need to support Western Balkan partners. \
         Vladimir Venkov worked for the agency. Survivors swam along the coast of Aceh, Indonesia.",
        &[
            ("Sherman", "person"),
            ("Vladimir Venkov", "person"),
            ("Aceh", "region"),
            ("Indonesia", "state"),
        ],
    );
}

/// Issue 15: a party's label used as a modifier is the party ("a
/// Republican, Mark Amodei", "Labour MP Tom Watson", "the Democratic
/// nomination"); inside a longer name, after "of", or as a sentence's
/// capitalised first word before no role and name, it is not.
#[test]
fn issue15_party_labels() {
    check_entities(
        "Since then, a Republican, Mark Amodei, has voiced support. The Democratic nomination \
         is open. Labour MP Tom Watson spoke.",
        &[
            ("Republican Party", "organization"),
            ("Mark Amodei", "person"),
            ("Democratic Party", "organization"),
            ("Labour Party", "organization"),
            ("Tom Watson", "person"),
        ],
    );
    check_entities(
        "Labour costs rose. Democratic institutions are strong. The Ministry of Labour and the \
         Syrian Democratic Forces met.",
        &[("Syrian Democratic Forces", "organization")],
    );
    check_entities(
        "Republican committee member Doug Collins said the inquiry was unfair.",
        &[
            ("Republican Party", "organization"),
            ("Doug Collins", "person"),
        ],
    );
}

/// A passive whose patient is a pronoun the discourse stage left unnamed
/// takes no name from before the pronoun as its target.
#[test]
fn passive_with_a_pronoun_patient() {
    check_absent(
        "The Senate, which has a Republican majority, must pass the bill, and it must be \
         signed by President Trump.",
        &[("Donald Trump", "cooperates-with", "Republican Party")],
    );
    check(
        "Ukraine was attacked by Russia.",
        &[("Russia", "attacks", "Ukraine")],
        &[],
    );
    // A person's pronoun may be the name before it.
    check(
        "Putin said he was criticised by Biden.",
        &[("Joe Biden", "opposes", "Vladimir Putin")],
        &[],
    );
}

// "sent troops to Libya in support of X": a nominal that opens with a
// preposition takes no name right before it as its adjective agent; the
// clause's subject gives the support. A reported clause whose subject
// names nothing here gives no subject at all.
t!(
    in_support_of_after_a_prepositional_object,
    "Turkey sent troops to Libya in support of the Government of National Accord.",
    &[
        ("Turkey", "supports", "Libya"),
        ("Turkey", "supports", "Government of National Accord")
    ]
);
t!(
    in_support_of_in_a_reported_clause_with_an_unnamed_subject,
    "The United States claims Mahan flies cargo to Syria in support of Bashar al-Assad.",
    &[]
);

// "appreciate" thanks like "thank"; "the pledge by A and B" names who
// pledged (`data/lexicon/of_heads.txt`).
t!(
    appreciates_a_possessor_s_efforts,
    "The United States appreciates Qatar's efforts to enable this flight.",
    &[(US, "supports", "Qatar")]
);
t!(
    welcomes_the_pledge_by_two_states,
    "The United States welcomes the pledge by Saudi Arabia and the United Arab Emirates to provide $2 billion.",
    &[
        (US, "supports", "Saudi Arabia"),
        (US, "supports", "United Arab Emirates")
    ]
);

// "brokered by A and B", "created by the governments of A, B and C": the
// agents of a joint act (`data/lexicon/joint_agents.txt`) cooperate, every
// pair; an act of pressure done together ("imposed by A and B") is none,
// and neither is mediation ("mediated by A and B" stays a third party's).
t!(
    a_deal_brokered_by_two_states,
    "The deal, brokered by the United States and France, requires Hezbollah to withdraw.",
    &[(US, "cooperates-with", "France")]
);
t!(
    an_effort_created_by_the_governments_of_a_list,
    "The Corridor is a regional effort created by the governments of Colombia, Costa Rica, and Panama.",
    &[
        ("Colombia", "cooperates-with", "Costa Rica"),
        ("Colombia", "cooperates-with", "Panama"),
        ("Costa Rica", "cooperates-with", "Panama")
    ]
);
// Signing or initialling a text is a joint act too, and the list may
// follow "the foreign ministers," in apposition; one signer is no pair.
t!(
    a_text_initialled_by_the_foreign_ministers_a_and_b,
    "The text was initialled by the foreign ministers, Ararat Mirzoyan and Jeyhun Bayramov, but will not be signed until Armenia removes a reference.",
    &[("Ararat Mirzoyan", "cooperates-with", "Jeyhun Bayramov")]
);
t!(
    a_statement_signed_by_the_governments_of_a_list,
    "The joint statement was signed by the Governments of Australia, Austria and Canada.",
    &[
        ("Australia", "cooperates-with", "Austria"),
        ("Australia", "cooperates-with", "Canada"),
        ("Austria", "cooperates-with", "Canada")
    ]
);
t!(
    a_law_signed_by_one_person_is_no_joint_act,
    "The law, signed by President Biden and welcomed by France, took effect.",
    &[]
);
t!(
    sanctions_imposed_by_two_states_are_no_joint_act,
    "Sanctions imposed by the United States and France hurt the economy.",
    &[]
);
// "where he and X signed": the pronoun is the person who acted earlier in
// the sentence.
t!(
    where_he_and_a_name_signed,
    "In June, Putin visited Pyongyang, where he and Kim Jong Un signed a treaty.",
    &[
        ("Vladimir Putin", "visited", "Pyongyang"),
        ("Kim Jong Un", "cooperates-with", "Vladimir Putin")
    ]
);

// "called Trump's conduct a breach of ...": "breach", "betrayal",
// "baseless" condemn (`data/lexicon/evaluative.txt`).
t!(
    called_a_named_actor_s_conduct_a_breach,
    "Nancy Pelosi called Donald Trump's conduct a \"breach of his Constitutional responsibilities.\"",
    &[("Nancy Pelosi", "opposes", "Donald Trump")]
);

// A title held for a state's organ named in capitalised words: "chief of
// the Armed Forces of the Philippines" after the name, "a spokesman for
// China's Taiwan Affairs Office," before it.
t!(
    title_of_a_state_organ_of_a_state_in_apposition,
    "Romeo Brawner, chief of the Armed Forces of the Philippines, said it was piracy.",
    &[("Romeo Brawner", "represents", "Philippines")]
);
t!(
    title_for_a_state_s_named_organ_before_the_name,
    "A spokesman for China's Taiwan Affairs Office, Chen Binhua, said so.",
    &[("Chen Binhua", "represents", "China")]
);
// "the Ministry of Defence of Ukraine" is Ukraine's ministry, not the
// United Kingdom's (whose organ the name alone stands for).
t!(
    a_named_organ_of_another_state,
    "John Smith, head of the Ministry of Defence of Ukraine, spoke.",
    &[("John Smith", "represents", "Ukraine")]
);
#[test]
fn a_named_organ_of_another_state_names_no_owner_of_the_name() {
    check_entities(
        "The Ministry of Defence of Ukraine said so.",
        &[("Ukraine", "state")],
    );
    check_entities(
        "The Ministry of Defence said so.",
        &[("United Kingdom", "state")],
    );
}

// "A and Prosper Africa Acting Chief Operating Officer B will travel": a
// title's modifiers and a body's capitalised words before it do not break
// the coordination.
t!(
    coordination_over_a_long_title_with_its_body,
    "Deputy Assistant Secretary of State Akunna Cook and Prosper Africa Acting Chief Operating Officer Leslie Marbury will travel to Kenya.",
    &[("Akunna Cook", "visited", "Kenya"), ("Leslie Marbury", "visited", "Kenya")],
    also: &[("Akunna Cook", "represents", US)]
);
// "a visit by X, who held talks with Y": the person before ", who" is the
// relative clause's subject even inside a "by" phrase.
t!(
    who_after_a_person_in_a_by_phrase,
    "The visit by Afghan Foreign Minister Amir Khan Muttaqi, who held talks with Subrahmanyam Jaishankar, ended.",
    &[
        ("Amir Khan Muttaqi", "met-with", "Subrahmanyam Jaishankar"),
        ("Amir Khan Muttaqi", "represents", "Afghanistan")
    ]
);

// "spoke with X to offer support", "to express his condolences": a call
// held to express support or sympathy (`data/lexicon/sympathy.txt`)
// supports the partner; a call to discuss support does not.
t!(
    a_call_to_offer_support,
    "Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba to offer support.",
    &[
        ("Antony Blinken", "met-with", "Dmytro Kuleba"),
        ("Antony Blinken", "supports", "Dmytro Kuleba"),
        ("Dmytro Kuleba", "represents", "Ukraine")
    ]
);
t!(
    a_call_to_discuss_support_is_no_support,
    "Blinken met Dmytro Kuleba to discuss support for Ukraine.",
    &[("Antony Blinken", "met-with", "Dmytro Kuleba")]
);

// "The leader of the opposition Labour Party, Keir Starmer,": one
// lowercase word may qualify the body of a title set off before the name.
t!(
    title_of_a_qualified_body_before_the_name,
    "The leader of the opposition Labour Party, Keir Starmer, said so.",
    &[("Keir Starmer", "represents", "Labour Party")]
);
/// In a title-case headline a nominal's modifiers are capitalised too: the
/// state's adjective before them is still the attack's agent, and the
/// condemning subject is not.
#[test]
fn adjective_agent_in_a_title_case_headline() {
    let mut rels = relations_with_headline(
        "The United States Strongly Condemns the Russian Missile Attack Against Odesa",
        "The United States condemns it.",
    );
    rels.sort();
    assert_eq!(
        rels,
        vec![
            ("Russia".into(), "attacks".into(), "Odesa".into(), true),
            (
                "United States".into(),
                "opposes".into(),
                "Russia".into(),
                true
            ),
        ]
    );
}

/// "Statement by AUTHOR on NOMINAL": a meeting, agreement or aid after
/// "on" that names no agent is the author's; an attack it reports is not.
#[test]
fn a_statement_headline_s_nominal_is_the_author_s_act() {
    let headline = |title: &str| -> Vec<(String, String, String)> {
        let mut rels: Vec<_> = relations_with_headline(title, "We act today.")
            .into_iter()
            .filter(|r| r.3 && r.1 != "represents")
            .map(|r| (r.0, r.1, r.2))
            .collect();
        rels.sort();
        rels
    };
    let e = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    assert_eq!(
        headline(
            "Statement by President Joe Biden on Call with President Zelenskyy and Additional Security Assistance to Ukraine"
        ),
        vec![
            e("Joe Biden", "met-with", "Volodymyr Zelensky"),
            e("Joe Biden", "supports", "Ukraine")
        ]
    );
    assert_eq!(
        headline(
            "Statement by National Security Advisor Jake Sullivan on Attack on United Nations Compound in Herat"
        ),
        vec![]
    );
    assert_eq!(
        headline("Statement by President Joe Biden on Russia's Attack on Ukraine"),
        vec![e("Russia", "attacks", "Ukraine")]
    );
}

/// The relations of an article with this headline and body: source, type,
/// target and whether the evidence is the headline.
fn relations_with_headline(title: &str, body: &str) -> Vec<(String, String, String, bool)> {
    let mut a = Article::from_body("case", body);
    a.title = title.to_string();
    article_edges(&a, "headline")
}

// Precision: support for a ceasefire "between A and B" supports neither
// party; "in illegally annexed Crimea" names no annexer; after "Iraq and
// Syria", ", and the Secretary commended" opens a new clause.
t!(
    support_for_a_ceasefire_between_two_parties_supports_neither,
    "King Abdullah II expressed his support for the ceasefire between Israel and Hamas.",
    &[("Abdullah II", "represents", "Jordan")]
);
t!(
    a_participle_after_in_names_no_agent,
    "Ukraine is concerned about the build-up in illegally annexed Crimea.",
    &[]
);
t!(
    a_new_clause_after_a_pair_and_a_comma,
    "Secretary Blinken met King Abdullah II. They discussed developments in the region, including Iraq and Syria, and the Secretary commended King Abdullah II.",
    &[
        ("Antony Blinken", "met-with", "Abdullah II"),
        ("Antony Blinken", "supports", "Abdullah II"),
        ("Abdullah II", "represents", "Jordan")
    ]
);

// "meet with Ukrainian mothers and children", "Afghan refugees": a state's
// adjective before its people (`data/lexicon/civilians.txt`) is no party
// to a meeting; "Ukrainian officials" are.
t!(
    meeting_a_state_s_refugees_meets_no_state,
    "Blinken met with Ukrainian refugees in Warsaw.",
    &[]
);
t!(
    meeting_a_state_s_civil_society_meets_no_state,
    "Blinken met with Ukrainian civil society activists.",
    &[]
);
// A list of partners may name a group and its members in brackets
// ("leaders of the Baltic states (A of Estonia, B of Latvia)") and go on
// after them.
t!(
    a_meeting_list_with_members_in_brackets,
    "Vice President Kamala Harris met with NATO Secretary General Stoltenberg, leaders of the Baltic states (Prime Minister Kallas of Estonia and President Nauseda of Lithuania), and Chancellor Scholz of Germany.",
    &[
        ("Kamala Harris", "met-with", "Jens Stoltenberg"),
        ("Kamala Harris", "met-with", "Kaja Kallas"),
        ("Kamala Harris", "met-with", "Gitanas Nausėda"),
        ("Kamala Harris", "met-with", "Olaf Scholz")
    ],
    also: &[
        ("Jens Stoltenberg", "represents", "North Atlantic Treaty Organization"),
        ("Kaja Kallas", "represents", "Estonia"),
        ("Gitanas Nausėda", "represents", "Lithuania"),
        ("Olaf Scholz", "represents", "Germany")
    ]
);
// "met with U.S. Navy Adm. X": the service and an abbreviated rank
// qualify the person, who is the partner; the abbreviated rank is a title
// held for the state before it.
t!(
    met_with_a_service_and_abbreviated_rank_before_the_name,
    "Kurt Campbell met with U.S. Navy Adm. John C. Aquilino.",
    &[
        ("Kurt Campbell", "met-with", "John C. Aquilino"),
        ("John C. Aquilino", "represents", "United States")
    ]
);
t!(
    meeting_a_state_s_service_members_meets_no_state,
    "Blinken will meet with United States military service members and U.S. embassy staff.",
    &[]
);
// "First Lady Jill Biden ... the First Lady will travel to X": a title of
// several words that ends in an honorific ("Lady") is still the title
// before the name, so the bare title resolves to her.
t!(
    the_first_lady_named_then_bare,
    "Earlier, First Lady Jill Biden traveled to Romania. Later, the First Lady visited Bucharest.",
    &[
        ("Jill Biden", "visited", "Romania"),
        ("Jill Biden", "visited", "Bucharest")
    ]
);
t!(
    meeting_a_state_s_officials_meets_the_state,
    "Blinken met with Ukrainian officials.",
    &[("Antony Blinken", "met-with", "Ukraine")]
);
// "spoke with hope": a modal word right after "with" is a manner noun and
// flags nothing; "hoped to meet" still does.
t!(
    a_modal_word_after_with_is_a_manner_noun,
    "Nawaz Sharif spoke with hope following a meeting with Narendra Modi.",
    &[("Nawaz Sharif", "met-with", "Narendra Modi")],
    also: &[("Narendra Modi", "represents", "India")]
);
#[test]
fn a_hope_to_meet_stays_hypothetical() {
    check_flagged(
        "Nawaz Sharif hoped to meet with Narendra Modi.",
        &[("Nawaz Sharif", "met-with", "Narendra Modi")],
    );
}
// Two offices coordinated in front of one name give both: "Ivorian
// president and current ECOWAS head X". Not when both bodies are states
// or a determiner opens the phrase ("the French president and German
// Chancellor X" are two people), nor when the gazetteer knows the person
// only in other offices.
t!(
    coordinated_offices_in_front_of_one_name,
    "Ivorian president and current ECOWAS head Alassane Ouattara said the junta should step aside.",
    &[
        ("Alassane Ouattara", "represents", "Ivory Coast"),
        (
            "Alassane Ouattara",
            "represents",
            "Economic Community of West African States"
        )
    ]
);
t!(
    coordinated_offices_with_a_hyphenated_title,
    "Secretary Blinken spoke by phone with Polish Foreign Minister and OSCE Chairman-in-Office Zbigniew Rau.",
    &[
        ("Antony Blinken", "met-with", "Zbigniew Rau"),
        ("Zbigniew Rau", "represents", "Poland"),
        ("Zbigniew Rau", "represents", "Organization for Security and Co-operation in Europe")
    ],
    also: &[("Antony Blinken", "represents", "United States")]
);
#[test]
fn coordinated_offices_of_two_people() {
    check_absent(
        "The French president and German Chancellor Olaf Scholz met.",
        &[("Olaf Scholz", "represents", "France")],
    );
    check_absent(
        "Israeli Prime Minister and Palestinian President Mahmoud Abbas met.",
        &[("Mahmoud Abbas", "represents", "Israel")],
    );
    check_absent(
        "Japan's Prime Minister and NATO Secretary General Jens Stoltenberg met.",
        &[("Jens Stoltenberg", "represents", "Japan")],
    );
}
// Forging or restoring ties is a concluded act of cooperation; having
// "close ties" is a standing relationship and no event.
t!(
    restored_ties_cooperate,
    "Israel restored diplomatic ties with Morocco in 2020.",
    &[("Israel", "cooperates-with", "Morocco")]
);
t!(
    close_ties_are_no_event,
    "Russia, which has close ties with Iran, criticised the strikes.",
    &[]
);
// An office "of the" state's adjective that opens a longer name no
// mention covers is held for that name, not the state; a state's organ or
// an office after the adjective keeps the state.
t!(
    an_adjective_opening_an_unknown_name_is_no_body,
    "Alex Lagakos, deputy director of the Greek Energy Forum, said the project matters.",
    &[]
);
t!(
    an_adjective_before_an_organ_or_an_office_is_the_state,
    "Nikolai Patrushev, secretary of the Russian Security Council, met Maria Zakharova, \
     spokeswoman for the Russian Foreign Ministry, and Gustavo Porras, President of the \
     Nicaraguan National Assembly, and Janis Kazocins, adviser to the Latvian Prime Minister.",
    &[
        ("Nikolai Patrushev", "represents", "Russia"),
        ("Maria Zakharova", "represents", "Russia"),
        ("Gustavo Porras", "represents", "Nicaragua"),
        ("Janis Kazocins", "represents", "Latvia"),
    ],
    also: &[
        ("Nikolai Patrushev", "met-with", "Maria Zakharova"),
        ("Nikolai Patrushev", "met-with", "Gustavo Porras"),
        ("Nikolai Patrushev", "met-with", "Janis Kazocins"),
    ]
);
// A visit to a state's organ ("a remote American military base", "U.S.
// troops") is no visit to that state; the place after "in" is the one
// visited. A time adjunct after "accused X of -ing" belongs to the main
// clause: the accuser made the visit.
t!(
    a_visit_to_a_state_s_organ_is_no_visit_to_the_state,
    "JD Vance accused Denmark of failing during a visit to a remote American military base.",
    &[("JD Vance", "accuses", "Denmark")]
);
t!(
    a_visit_to_a_state_s_organ_in_a_place_visits_the_place,
    "Biden visited U.S. troops in Germany. Blinken visited the U.S. Embassy in Kyiv.",
    &[
        ("Joe Biden", "visited", "Germany"),
        ("Antony Blinken", "visited", "Kyiv")
    ]
);
t!(
    a_time_adjunct_after_an_accusation_is_the_accuser_s,
    "JD Vance accused Denmark of failing during a visit to Greenland.",
    &[
        ("JD Vance", "accuses", "Denmark"),
        ("JD Vance", "visited", "Greenland")
    ]
);
// A long title of capitalised words, with "of", "for", "the" and "and",
// stands between a meeting cue and the person met, with or without a body
// that opens it; the body is no party.
t!(
    a_long_capitalised_title_before_the_person_met,
    "Jake Sullivan spoke with Director of the Office of the Foreign Affairs Commission Yang Jiechi.",
    &[("Jake Sullivan", "met-with", "Yang Jiechi")]
);
t!(
    a_body_and_a_long_coordinated_title_before_the_person_met,
    "Jake Sullivan met today with Chinese Communist Party Politburo Member and Director of \
     the Office of the Foreign Affairs Commission Yang Jiechi in Luxembourg.",
    &[("Jake Sullivan", "met-with", "Yang Jiechi")]
);
// "Organization for Security and Cooperation in Europe" without the hyphen
// is the OSCE, and its short form in brackets leaves the title to the name.
t!(
    the_osce_spelt_without_a_hyphen,
    "Secretary Blinken spoke by phone with Organization for Security and Cooperation in \
     Europe (OSCE) Chairman-in-Office Zbigniew Rau.",
    &[
        ("Antony Blinken", "met-with", "Zbigniew Rau"),
        (
            "Zbigniew Rau",
            "represents",
            "Organization for Security and Co-operation in Europe"
        )
    ]
);

/// Issue 15: a known person's alias opened by a particle ("bin Laden"), or
/// a known surname after a name word opened by one ("al-Islam Gaddafi"),
/// after another given name is another person of that family.
#[test]
fn issue15_a_relative_sharing_a_particle_surname_is_another_person() {
    check_entities(
        "Trump said Hamza bin Laden, son of Usama bin Ladin, was killed. He said Saif al-Islam Gaddafi spoke.",
        &[
            ("Donald Trump", "person"),
            ("Hamza bin Laden", "person"),
            ("Osama bin Laden", "person"),
            ("Saif al-Islam Gaddafi", "person"),
        ],
    );
}

/// Issue 15: at the head of a sentence too, a name word before a known
/// person's surname makes another person ("Kino Gabriel" is not Sigmar
/// Gabriel); a sentence-opening adverb does not ("Later Putin said").
#[test]
fn issue15_a_name_word_opening_a_sentence_before_a_known_surname() {
    check_entities(
        "Sigmar Gabriel spoke. Kino Gabriel said the statement was a stab. Later Putin said.",
        &[
            ("Sigmar Gabriel", "person"),
            ("Kino Gabriel", "person"),
            ("Vladimir Putin", "person"),
        ],
    );
}
// "the war in X" with nothing but "the" before it names no agent: the
// clause's subject did not wage it. A possessor still does.
t!(
    the_war_in_a_place_names_no_agent,
    "Sherman underscored the importance of a ceasefire to help bring the war in Yemen to an end.",
    &[]
);
t!(
    a_possessor_s_war_in_a_place_is_its_attack,
    "Blinken discussed Russia's war in Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
// A shadow office is held for the party that names it, not the state; a
// person set off by ", of the PARTY," belongs to that party.
t!(
    a_shadow_office_is_the_party_s,
    "Labour's Shadow Home Secretary John Smithson said the idea was good.",
    &[("John Smithson", "represents", "Labour Party")]
);
t!(
    of_the_party_in_apposition,
    "Lai Ching-te, of the Democratic Progressive Party, was sworn in on Monday.",
    &[("Lai Ching-te", "represents", "Democratic Progressive Party")]
);
// Nationalising a territory claims it; nationalising a company's assets
// claims no place.
t!(
    nationalising_islands_claims_them,
    "The intrusion is the longest since the Japanese government nationalized the Senkaku islands.",
    &[("Japan", "claims", "Senkaku Islands")]
);
t!(
    nationalising_assets_claims_no_place,
    "Venezuela nationalized Exxon Mobil's assets.",
    &[]
);
// A pact introduced by "via", "under" or "through" exists already: the
// clause's modal is its own verb's ("may be transferred"), not the
// pact's. A pact the modal's verb creates stays hypothetical.
t!(
    a_pact_of_means_is_asserted_under_a_modal,
    "The applicants may be transferred via a Protection Transfer Arrangement between \
     UNHCR, IOM, and the Government of Costa Rica.",
    &[
        (
            "UN Refugee Agency",
            "cooperates-with",
            "International Organization for Migration"
        ),
        ("UN Refugee Agency", "cooperates-with", "Costa Rica"),
        (
            "International Organization for Migration",
            "cooperates-with",
            "Costa Rica"
        )
    ]
);
#[test]
fn a_pact_a_modal_verb_creates_stays_hypothetical() {
    check_flagged(
        "Canada may sign an agreement between Canada and Mexico.",
        &[("Canada", "cooperates-with", "Mexico")],
    );
}
// "One of STATE's TITLEs, NAME,": the state's office in apposition before
// the name; "of" before the state opens no "TITLE to/of BODY" phrase when
// no title stands before it.
t!(
    one_of_a_state_s_officers_in_apposition,
    "One of Russia's deputy foreign ministers, Sergei Ryabkov, said the talks failed.",
    &[("Sergei Ryabkov", "represents", "Russia")]
);
// An act of condemned_acts.txt, "of" what it befell, then "by" and its
// agent: the condemner opposes the agent, after modifiers and an
// adverbial too; a welcome of a release by the same agent is no
// opposition.
t!(
    condemned_act_of_something_by_an_agent,
    "Blinken condemned in the strongest terms the May 27 seizure of two vessels by Iran.",
    &[("Antony Blinken", "opposes", "Iran")]
);
t!(
    condemned_killing_of_protesters_by_a_military,
    "The United States condemns the brutal killing of protesters by the Burmese military.",
    &[(US, "opposes", "Myanmar")]
);
t!(
    welcomed_release_by_an_agent_is_no_opposition,
    "The United States welcomes the release of two vessels by Iran.",
    &[]
);
// A description set off by a comma before a titled name is the person's
// ("an Israeli head of state, President Isaac Herzog"): the meeting is
// with the person, not with the state. Not when the gazetteer gives the
// person another state's office (an opening clause), nor for a plural
// description of others before an office in front.
t!(
    description_before_a_titled_name_is_the_person,
    "Blinken met with an Israeli head of state, President Isaac Herzog.",
    &[("Antony Blinken", "met-with", "Isaac Herzog")],
    also: &[("Isaac Herzog", "represents", "Israel")]
);
t!(
    possessive_description_before_a_titled_name_is_the_person,
    "Blinken met with Israel's head of state, President Isaac Herzog.",
    &[("Antony Blinken", "met-with", "Isaac Herzog")],
    also: &[("Isaac Herzog", "represents", "Israel")]
);
t!(
    hosted_a_qualified_visit_by_a_described_person,
    "Later in the week, King Abdullah II hosted the first-ever visit by an Israeli head of \
     state, President Isaac Herzog, to Jordan.",
    &[
        ("Abdullah II", "met-with", "Isaac Herzog"),
        ("Isaac Herzog", "visited", "Jordan")
    ],
    also: &[
        ("Isaac Herzog", "represents", "Israel"),
        ("Abdullah II", "represents", "Jordan")
    ]
);
t!(
    opening_clause_description_is_not_the_subject,
    "Following talks with the Japanese prime minister, President Biden said he would visit.",
    &[("Joe Biden", "met-with", "Japan")]
);
#[test]
fn plural_description_before_an_office_is_not_the_person() {
    assert_eq!(
        edges_published(
            "https://www.state.gov/readout/",
            "In addition to meeting Israeli and Palestinian leaders, Assistant Secretary \
             Leaf will meet with representatives of civil society.",
        ),
        vec![("Leaf".to_string(), "represents".to_string(), US.to_string())]
    );
}
// "shuttled between A and B" visits both; a relative clause on a
// description in apposition after a person ("X, the U.S. envoy who ...")
// is the person's.
t!(
    envoy_who_shuttled_between_two_cities_visited_both,
    "Amos Hochstein, the U.S. envoy who shuttled between Beirut and Jerusalem for weeks, \
     met Lebanese Parliament Speaker Nabih Berri.",
    &[
        ("Amos Hochstein", "visited", "Beirut"),
        ("Amos Hochstein", "visited", "Jerusalem"),
        ("Amos Hochstein", "met-with", "Nabih Berri"),
        ("Amos Hochstein", "represents", US),
        ("Nabih Berri", "represents", "Lebanon")
    ]
);
t!(
    relative_clause_of_a_described_person,
    "Navalny, the opposition leader who criticized Putin, died.",
    &[("Alexei Navalny", "opposes", "Vladimir Putin")]
);
// An office "to" a person in apposition serves that person's state, as
// "Merkel's spokesperson" does; an ambassador to a person is sent there.
t!(
    adviser_to_a_leader_serves_the_leader_s_state,
    "Redwan Hussien, national security adviser to Prime Minister Abiy Ahmed, said the talks \
     went well.",
    &[
        ("Redwan Hussien", "represents", "Ethiopia"),
        ("Abiy Ahmed", "represents", "Ethiopia")
    ]
);
t!(
    ambassador_to_a_leader_does_not_serve_the_leader,
    "Bridget Brink, ambassador to President Zelensky, said the talks went well.",
    &[("Volodymyr Zelensky", "represents", "Ukraine")]
);
// An envoy's title "to" a state in apposition names where the envoy is
// sent, not whom the envoy represents: the gazetteer or the publisher
// gives the sender, else there is no office edge.
t!(
    ambassador_to_a_state_in_apposition_is_sent_there,
    "Bridget Brink, the ambassador to Ukraine, said the deal held.",
    &[]
);
t!(
    known_ambassador_to_a_state_keeps_the_known_sender,
    "Princess Reema bint Bandar, Ambassador to the United States, said the deal held.",
    &[("Reema bint Bandar", "represents", "Saudi Arabia")]
);
#[test]
fn special_envoy_to_a_state_in_a_release_is_the_publisher_s() {
    assert_eq!(
        edges_published(
            "https://www.whitehouse.gov/briefing-room/x/",
            "The Honorable Daniel Foote, Special Envoy to Haiti, spoke.",
        ),
        vec![(
            "Daniel Foote".to_string(),
            "represents".to_string(),
            US.to_string()
        )]
    );
}
// A plural title naming its state in front of a list of names is each
// one's ("three Belarusian officials, A, B, and C"); a name with its own
// title in front, or one the gazetteer knows in another state's office,
// keeps its own.
t!(
    plural_title_in_front_of_a_list_is_each_one_s,
    "The State Department has designated three Belarusian officials, Dzmitry Paulichenka, \
     Yury Sivakov, and Viktar Sheiman.",
    &[
        (US, "sanctions", "Dzmitry Paulichenka"),
        (US, "sanctions", "Yury Sivakov"),
        (US, "sanctions", "Viktar Sheiman"),
        ("Dzmitry Paulichenka", "represents", "Belarus"),
        ("Yury Sivakov", "represents", "Belarus"),
        ("Viktar Sheiman", "represents", "Belarus")
    ]
);
t!(
    plural_title_list_stops_at_a_titled_name,
    "Blinken met Chinese officials Wang Yi and Qin Gang, and President Biden.",
    &[
        ("Antony Blinken", "met-with", "Wang Yi"),
        ("Antony Blinken", "met-with", "Qin Gang"),
        ("Antony Blinken", "met-with", "Joe Biden"),
        ("Wang Yi", "represents", "China"),
        ("Qin Gang", "represents", "China")
    ]
);
t!(
    plural_title_list_keeps_a_known_office_elsewhere,
    "Russian officials Sergei Lavrov and Antony Blinken spoke.",
    &[("Sergei Lavrov", "represents", "Russia")],
    also: &[("Antony Blinken", "represents", US)]
);
// National agencies (data/curated/metonyms.tsv) are their state's organs:
// their heads represent the state.
t!(
    heads_of_national_space_agencies_represent_their_states,
    "Philippe Baptiste, President of CNES, spoke. NASA Administrator Bill Nelson spoke too.",
    &[
        ("Philippe Baptiste", "represents", "France"),
        ("Bill Nelson", "represents", US)
    ]
);
// "Administrator" is an office, with its assistant and deputy ranks: the
// rank is never a name of its own.
t!(
    assistant_administrator_is_one_title,
    "The delegation will include USAID Deputy Assistant Administrator Anjali Kaur.",
    &[("Anjali Kaur", "represents", US)]
);
#[test]
fn assistant_before_administrator_is_no_person() {
    check_entities(
        "The delegation will include USAID Deputy Assistant Administrator for Asia Anjali Kaur.",
        // (The name after the portfolio's continent is the holder's.)
        &[("United States", "state"), ("Anjali Kaur", "person")],
    );
}
// Intimidation and coercion are threats (ONTOLOGY: threatens), as verbs
// and as nouns; a refusal to be intimidated flags the threat.
t!(
    attempt_to_intimidate_is_a_threat,
    "Belarus made a dangerous attempt to intimidate the EU by orchestrating irregular migrant \
     flows.",
    &[("Belarus", "threatens", "European Union")]
);
t!(
    coercion_against_a_state_is_a_threat,
    "The United States condemns China's coercion against Taiwan.",
    &[(US, "opposes", "China"), ("China", "threatens", "Taiwan")]
);
neg!(
    refusing_to_be_intimidated_flags_the_threat,
    "Lithuania refused to be intimidated by Russia.",
    &[("Russia", "threatens", "Lithuania")]
);
// A pledge of an amount "to" or "for" a recipient supports it; a pledge
// "to" do something names no recipient by its "to".
t!(
    pledged_an_amount_for_a_body_s_plan,
    "Saudi Arabia pledged $300 million for the UN's humanitarian response plan.",
    &[("Saudi Arabia", "supports", "United Nations")]
);
t!(
    pledged_to_bar_someone_is_no_support,
    "The Ortega regime has pledged to bar Ms. Chamorro from participating in November elections.",
    &[]
);
// A legal case, lawsuit or complaint against a party opposes it; the
// case's owner is its possessor or the clause's subject.
t!(
    a_state_s_case_against_another_opposes_it,
    "The International Court of Justice today issued a significant ruling in Ukraine's case \
     against the Russian Federation under the Convention.",
    &[("Ukraine", "opposes", "Russia")]
);
t!(
    filed_a_case_against_a_state,
    "Gambia filed a case against Myanmar at the ICJ.",
    &[("Gambia", "opposes", "Myanmar")]
);
// "hold X responsible" accuses X, as "hold X accountable" opposes X.
t!(
    holding_a_state_responsible_accuses_it,
    "The United States holds Russia responsible for the attack.",
    &[(US, "accuses", "Russia")]
);
t!(
    responsible_without_a_holder_accuses_no_one,
    "The officials responsible for the crackdown were sanctioned by the United States.",
    &[]
);
// Membership in apposition: "the newest member of BODY, STATE,", "STATE,
// BODY's newest member,", "A and B, both BODY Allies,"; a place phrase
// before the state ("In Finland, NATO's ...") is no apposition.
t!(
    member_of_a_body_in_apposition_before_the_state,
    "We congratulate the newest member of the Alliance for Development in Democracy, Ecuador, \
     which has joined this group.",
    &[(
        "Ecuador",
        "member-of",
        "Alliance for Development in Democracy"
    )]
);
t!(
    state_with_a_body_s_membership_in_apposition,
    "Finland, NATO's newest member, hosted the summit.",
    &[("Finland", "member-of", "North Atlantic Treaty Organization")]
);
t!(
    both_members_in_apposition_after_a_list,
    "The United States and Italy, both NATO Allies, cooperate closely.",
    &[
        (US, "member-of", "North Atlantic Treaty Organization"),
        ("Italy", "member-of", "North Atlantic Treaty Organization")
    ]
);
t!(
    place_phrase_before_a_body_s_member_is_no_apposition,
    "In Finland, NATO's newest member hosted the summit.",
    &[]
);
// "Science" heads a portfolio or an office ("Head of NASA Science"), never
// a person's name.
#[test]
fn science_is_no_part_of_a_person_s_name() {
    check_entities(
        "Biden was briefed by Head of NASA Science Thomas Zurbuchen.",
        &[("Joe Biden", "person"), ("United States", "state")],
    );
}
// An adverb in "-ly" may close the object of "hold X responsible" or "hold
// X accountable".
t!(
    holding_a_state_fully_responsible_accuses_it,
    "Ukraine held Moscow fully responsible for the strike.",
    &[("Ukraine", "accuses", "Russia")]
);
// A nominal that is the object of a verb after "and" takes that
// predicate's shared subject as agent, never a place or object between.
t!(
    nominal_after_a_coordinated_verb_is_the_subject_s,
    "Blinken met Scholz in Berlin, Germany, and reaffirmed support for Ukraine.",
    &[("Antony Blinken", "supports", "Ukraine")],
    also: &[("Antony Blinken", "met-with", "Olaf Scholz")]
);
t!(
    place_before_a_coordinated_verb_is_no_agent,
    "The President traveled to Berlin, Germany, and reaffirmed support for Ukraine.",
    &[]
);
t!(
    object_before_a_coordinated_verb_is_no_agent,
    "The President met Scholz in Berlin and reaffirmed support for Ukraine.",
    &[]
);
// ("its unprovoked and unjustified war": "and" between adjectives joins no
// predicate; "our ... and continued support": "our" still names the agent.)
t!(
    adjectives_joined_by_and_keep_the_possessor,
    "The allies will hold Russia accountable for its unprovoked and unjustified war against Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    object_of_thanks_is_no_agent_of_a_coordinated_nominal,
    "The Deputy Secretary thanked Zambia for its support at the United Nations, and expressed support for Zambia's renewal.",
    &[]
);
// An "-ing" epithet of a place before its name is part of the target's
// phrase, not a participle opening a predicate (`place_epithets.txt`).
t!(
    invading_a_neighboring_state_attacks_it,
    "Russia invaded neighboring Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    aggression_in_a_neighbouring_state_attacks_it,
    "Moldova took in families fleeing Russian aggression in neighbouring Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    participle_before_a_name_still_opens_its_own_predicate,
    "Canada voted in support of a resolution condemning Russia.",
    &[("Canada", "opposes", "Russia")]
);
// Appreciation and gratitude expressed for someone or their work support
// them, like thanks and praise (ONTOLOGY.md: "praised").
t!(
    appreciation_for_a_state_s_efforts_supports_it,
    "Secretary Blinken expressed his appreciation for Turkey's continued implementation of the Montreux Convention.",
    &[("Antony Blinken", "supports", "Turkey")]
);
t!(
    gratitude_to_a_state_supports_it,
    "Biden expressed his gratitude to Japan for its support.",
    &[("Joe Biden", "supports", "Japan")]
);
t!(
    appreciation_of_a_currency_is_no_support,
    "Analysts noted the appreciation of the yen against the dollar in Japan.",
    &[]
);
// "stood with X" supports X in every tense; "stand up to X" opposes X.
t!(
    having_stood_with_a_people_supports_their_state,
    "The Troika has stood with the people of Sudan through decades of struggle.",
    &[("Troika", "supports", "Sudan")]
);
t!(
    standing_up_to_a_state_opposes_it,
    "Lithuania stood up to China over its pressure campaign.",
    &[("Lithuania", "opposes", "China")]
);
// "the land of X" leads through "of" to X like "the territory of X".
t!(
    occupation_of_the_land_of_a_state_attacks_it,
    "They demanded an end to the Israeli occupation of the land of Palestine.",
    &[("Israel", "attacks", "Palestine")]
);
// A capitalised head word after "the" refers back to the one body the
// article named with that head ("the Coalition", "the Alliance"); two
// bodies with the head leave it unread.
t!(
    the_coalition_is_the_coalition_named_before,
    "The Global Coalition to Defeat ISIS met in Rome. The United States reaffirmed its commitment to the Coalition.",
    &[(US, "supports", "Global Coalition to Defeat ISIS")]
);
t!(
    the_alliance_is_nato_named_before,
    "Blinken met NATO Secretary General Stoltenberg. He reaffirmed U.S. commitment to the Alliance.",
    &[(US, "supports", "North Atlantic Treaty Organization")],
    also: &[
        ("Antony Blinken", "met-with", "Jens Stoltenberg"),
        ("Jens Stoltenberg", "represents", "North Atlantic Treaty Organization")
    ]
);
t!(
    a_head_shared_by_two_bodies_refers_to_neither,
    "The UN Security Council and the European Council met. The United States supports the Council.",
    &[],
    also: &[("United Nations Security Council", "met-with", "European Council")]
);
t!(
    a_head_that_a_name_goes_on_from_is_no_short_form,
    "The Global Coalition to Defeat ISIS met in Rome. Canada supports the Coalition of the Willing.",
    &[("Canada", "supports", "Coalition of the Willing")]
);
// A member that is the object of a verb ("We congratulate the newest
// member of the Alliance, Ecuador") is not the clause's subject.
#[test]
fn the_object_of_a_verb_is_the_member_not_the_subject() {
    let text = "We congratulate the newest member of NATO, Finland, which has joined the Alliance.";
    assert_eq!(
        edges_published("https://www.state.gov/readout/", text),
        vec![(
            "Finland".to_string(),
            "member-of".to_string(),
            "North Atlantic Treaty Organization".to_string()
        )]
    );
}
t!(
    a_member_after_a_copula_or_comma_keeps_its_subject,
    "Finland, the newest member of NATO, hosted the summit. Poland is now a full member of NATO. Australia and New Zealand are of the region and members of the Pacific Islands Forum.",
    &[
        ("Finland", "member-of", "North Atlantic Treaty Organization"),
        ("Poland", "member-of", "North Atlantic Treaty Organization"),
        ("Australia", "member-of", "Pacific Islands Forum"),
        ("New Zealand", "member-of", "Pacific Islands Forum")
    ]
);
// "my" or "your" before a nominal names its agent; unresolved, it is no one
// else's.
t!(
    my_discussion_is_not_the_earlier_possessor_s,
    "We remain engaged following President Biden's call with President Putin and my discussion with Foreign Minister Lavrov.",
    &[("Joe Biden", "met-with", "Vladimir Putin")],
    also: &[
        ("Vladimir Putin", "represents", "Russia"),
        ("Sergei Lavrov", "represents", "Russia")
    ]
);
// A state does not visit its own places.
t!(
    a_state_visiting_its_own_capital_is_no_visit,
    "Awards included the French Legion of Honour, received last year during a visit to Paris.",
    &[]
);
t!(
    a_state_visiting_a_foreign_city_is_a_visit,
    "France sent a delegation to visit Kyiv.",
    &[("France", "visited", "Kyiv")]
);
// A call for an event ("called for dialogue between A and B", "urged new
// sanctions on Y") wishes it; only the nominal right after the call is
// flagged ("urged Russia to stop its attacks on Ukraine" still asserts the
// attacks).
neg!(
    called_for_dialogue_is_no_meeting,
    "The Secretary called for dialogue between the UK and the EU.",
    &[("European Union", "met-with", "United Kingdom")]
);
neg!(
    encouraged_continued_dialogue_is_no_meeting,
    "The Secretary encouraged continued dialogue between Serbia and Kosovo.",
    &[("Serbia", "met-with", "Kosovo")]
);
neg!(
    called_for_sanctions_are_not_imposed,
    "Zelensky called for new sanctions on Russia.",
    &[("Volodymyr Zelensky", "sanctions", "Russia")]
);
t!(
    urging_an_end_to_attacks_asserts_them,
    "The United States urged an end to Russian attacks on Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    welcomed_dialogue_is_a_meeting,
    "The Secretary welcomed the dialogue between Serbia and Kosovo.",
    &[("Serbia", "met-with", "Kosovo")]
);
// A state's adjective before a noun of no person, people or organ names a
// thing: no claimed place, no party to a meeting.
t!(
    claiming_a_heritage_claims_no_place,
    "More than 20 million Americans proudly claim Italian heritage.",
    &[]
);
t!(
    assistance_received_is_no_meeting,
    "Questions remain how much direct Iranian assistance is received by the Houthis.",
    &[]
);
t!(
    a_state_s_people_and_envoys_still_meet,
    "Blinken met his Russian counterpart in Geneva. Jaber, the Saudi envoy, held talks with Houthi officials. Blinken met Chinese officials in Rome.",
    &[
        ("Antony Blinken", "met-with", "Russia"),
        ("Antony Blinken", "met-with", "China")
    ],
    also: &[
        ("Jaber", "met-with", "Houthis"),
        ("Jaber", "represents", "Saudi Arabia"),
        ("Saudi Arabia", "met-with", "Houthis")
    ]
);
// Who thanks is not among those thanked: "the leaders" after a meeting
// of three, thanked by one of them, are the other two.
t!(
    the_thanker_is_not_among_the_leaders_thanked,
    "Secretary Blinken met with President Vjosa Osmani and Prime Minister Albin Kurti. The Secretary thanked the leaders for their strong support for Ukraine.",
    &[
        ("Vjosa Osmani", "supports", "Ukraine"),
        ("Albin Kurti", "supports", "Ukraine")
    ],
    also: &[
        ("Antony Blinken", "met-with", "Vjosa Osmani"),
        ("Antony Blinken", "met-with", "Albin Kurti"),
        ("Albin Kurti", "met-with", "Vjosa Osmani"),
        ("Antony Blinken", "supports", "Vjosa Osmani"),
        ("Antony Blinken", "supports", "Albin Kurti"),
        ("Vjosa Osmani", "represents", "Kosovo"),
        ("Albin Kurti", "represents", "Kosovo")
    ]
);
// A predicate after "and" whose clause opens with a pronoun shares the
// pronoun ("We", the publisher in a release), not a name in the
// predicates before it; a participle goes on its participial phrase.
#[test]
fn a_coordinated_predicate_shares_the_opening_pronoun() {
    let text = "We have imposed powerful sanctions on Russia, bolstered NATO's deterrence on the Eastern Flank, and provided historic levels of military and other assistance to Ukraine.";
    let e = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    assert_eq!(
        edges_published("https://www.state.gov/readout/", text),
        vec![e(US, "sanctions", "Russia"), e(US, "supports", "Ukraine")]
    );
}
t!(
    a_coordinated_predicate_without_a_named_subject_has_no_agent,
    "We have imposed powerful sanctions on Russia, bolstered NATO's deterrence on the Eastern Flank, and provided historic levels of military and other assistance to Ukraine.",
    &[]
);
// A demand's act of stopping is its own, not that of a demand nested in
// it ("called on ASEAN to take joint action to urge the military to end
// the violence").
t!(
    a_nested_demand_s_act_is_not_the_outer_one_s,
    "Blinken called on ASEAN to take joint action to urge the military to end the violence.",
    &[]
);
t!(
    a_demand_to_stop_opposes_the_one_asked,
    "Blinken called on Russia to immediately halt its attacks.",
    &[("Antony Blinken", "opposes", "Russia")]
);
// Atrocities, acts and crimes "committed by" (or "perpetrated by") an
// actor in a place attack it; "atrocities by X" too.
t!(
    acts_committed_by_forces_in_a_state_attack_it,
    "We are shocked by the horrific acts committed by Russian forces in Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    atrocities_by_forces_in_a_state_attack_it,
    "The United Nations documented atrocities by Russian forces in Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
t!(
    crimes_of_an_unnamed_gang_attack_nothing,
    "The crimes committed by the gang were investigated by police in Mexico.",
    &[]
);
// A war after "against" has an agent the clause does not name ("its
// support against the war on Ukraine" is no attack by the supporter, not
// even a flagged one).
not!(
    support_against_a_war_is_no_attack_by_the_supporter,
    "The Deputy Secretary thanked Zambia for its unwavering support against the war on Ukraine.",
    &[("Zambia", "attacks", "Ukraine")]
);
t!(
    a_war_waged_against_a_state_attacks_it,
    "Russia waged a war against Ukraine.",
    &[("Russia", "attacks", "Ukraine")]
);
// A joint statement "by", "from" or "released by" several parties: they
// act together (every pair cooperates), also after "the Leaders of".
t!(
    a_joint_statement_by_several_states_pairs_them,
    "The joint statement released by the United States, Mexico, and Canada is available online.",
    &[
        ("Mexico", "cooperates-with", "United States"),
        ("Canada", "cooperates-with", "United States"),
        ("Canada", "cooperates-with", "Mexico")
    ]
);
t!(
    a_joint_statement_from_leaders_of_states_pairs_the_states,
    "The Wilmington Declaration Joint Statement from the Leaders of Australia, India, Japan, and the United States",
    &[
        ("Australia", "cooperates-with", "India"),
        ("Australia", "cooperates-with", "Japan"),
        ("Australia", "cooperates-with", "United States"),
        ("India", "cooperates-with", "Japan"),
        ("India", "cooperates-with", "United States"),
        ("Japan", "cooperates-with", "United States")
    ]
);
t!(
    a_statement_of_one_body_pairs_nobody,
    "The joint statement of the G7 foreign ministers condemned Russia.",
    &[("Group of Seven", "opposes", "Russia")]
);
// "by striking X": the gerund of "strike" is an attack; the adjective
// "striking" is not.
t!(
    responding_by_striking_a_group_attacks_it,
    "The U.S. military responded and took defensive actions by striking Kataeb Hezbollah bases in western Iraq.",
    &[("United States", "attacks", "Kataib Hezbollah")]
);
t!(
    a_striking_resemblance_attacks_nothing,
    "The plan bears a striking resemblance to Russia's plan for Ukraine.",
    &[]
);
// An abbreviated rank ("Gen.", "Adm.") or "Coordinator" after a state or
// its organ is an office held for it; with nothing before it, none.
t!(
    an_abbreviated_rank_after_a_state_adjective_represents_it,
    "Russian Gen. Valery Gerasimov spoke on Monday.",
    &[("Valery Gerasimov", "represents", "Russia")]
);
t!(
    an_abbreviated_rank_alone_represents_nothing,
    "Gen. Mark Milley spoke on Monday.",
    &[]
);
// A broad area before a title is its remit ("Indo-Pacific Coordinator"):
// the office is held for the organ before it, and the person, not the
// organ, is met.
t!(
    a_broad_area_before_a_title_is_its_remit,
    "Blinken met National Security Council Indo-Pacific Coordinator Kurt Campbell.",
    &[
        ("Antony Blinken", "met-with", "Kurt Campbell"),
        ("Kurt Campbell", "represents", "United States")
    ]
);
t!(
    a_province_before_a_title_is_still_its_body,
    "Crimea's leader Sergei Aksyonov spoke on Monday.",
    &[("Sergei Aksyonov", "represents", "Crimea")]
);
// "the four countries" is the last group of four: a later meeting of
// three officials does not take its place.
t!(
    the_four_countries_pass_over_a_meeting_of_three,
    "Statement on U.S. Consultations with Australia, Japan, and New Zealand in Honolulu\n\nOn April 18, National Security Council Indo-Pacific Coordinator Kurt Campbell and Assistant Secretary Daniel Kritenbrink convened a meeting in Honolulu with U.S. Navy Admiral John C. Aquilino. In Honolulu, the officials reaffirmed the four countries' enduring and shared commitment to the Pacific Islands.",
    &[
        ("Australia", "met-with", "Japan"),
        ("Australia", "met-with", "New Zealand"),
        ("Australia", "met-with", "United States"),
        ("Japan", "met-with", "New Zealand"),
        ("Japan", "met-with", "United States"),
        ("New Zealand", "met-with", "United States"),
        ("Daniel Kritenbrink", "met-with", "John C. Aquilino"),
        ("Daniel Kritenbrink", "met-with", "Kurt Campbell"),
        ("John C. Aquilino", "met-with", "Kurt Campbell"),
        ("Kurt Campbell", "represents", "United States"),
        ("Daniel Kritenbrink", "represents", "United States"),
        ("John C. Aquilino", "represents", "United States")
    ],
    also: &[
        ("United States", "supports", "Pacific Islands"),
        ("Australia", "supports", "Pacific Islands"),
        ("Japan", "supports", "Pacific Islands"),
        ("New Zealand", "supports", "Pacific Islands")
    ]
);
// "He met with A and B. He also expressed ...": a sentence opened by
// "he" keeps its person acting; the people he met do not become "he".
t!(
    he_stays_the_one_who_met_others,
    "Counselor Derek Chollet traveled to Warsaw. He met with Deputy Foreign Minister Anna Kowalska. He also expressed appreciation for Poland's role in countering Russian aggression.",
    &[
        ("Derek Chollet", "visited", "Warsaw"),
        ("Anna Kowalska", "met-with", "Derek Chollet")
    ],
    also: &[("Derek Chollet", "supports", "Poland")]
);
// A meeting's list goes on past an honorific ("Adm.") and past an office
// in apposition to a person, up to the "and" that continues the list.
t!(
    a_meeting_list_goes_on_past_an_apposed_office,
    "Kurt Campbell convened a meeting in Honolulu with Adm. John Aquilino, Commander, U.S. Indo-Pacific Command and senior officials from Japan.",
    &[
        ("John Aquilino", "met-with", "Kurt Campbell"),
        ("Kurt Campbell", "met-with", "Japan"),
        ("John Aquilino", "met-with", "Japan")
    ]
);
t!(
    coordinated_offices_in_apposition_name_no_party,
    "National Security Advisor Jake Sullivan met today with Simon Coveney, Minister for Foreign Affairs and Minister for Defense of Ireland.",
    &[("Jake Sullivan", "met-with", "Simon Coveney")]
);
t!(
    convening_a_meeting_with_one_person_meets_them,
    "Kurt Campbell convened a meeting in Honolulu with John Aquilino.",
    &[("John Aquilino", "met-with", "Kurt Campbell")]
);
// "welcoming X, Chairman of Y, to PLACE": the guest's office in
// apposition stands between the guest and the place of the hosting.
t!(
    welcoming_a_guest_with_an_apposed_office_to_a_place_hosts_them,
    "President Biden looks forward to welcoming Afghan President Ashraf Ghani and Dr. Abdullah Abdullah, Chairman of the High Council for National Reconciliation, to the White House on June 25, 2021.",
    &[
        ("Ashraf Ghani", "met-with", "Joe Biden"),
        ("Abdullah Abdullah", "met-with", "Joe Biden"),
        ("Ashraf Ghani", "visited", "United States"),
        ("Abdullah Abdullah", "visited", "United States"),
        ("Ashraf Ghani", "represents", "Afghanistan"),
        (
            "Abdullah Abdullah",
            "represents",
            "High Council for National Reconciliation"
        )
    ]
);
t!(
    an_apposed_office_s_organ_is_not_met,
    "Kurt Campbell met with John Aquilino, Commander, U.S. Indo-Pacific Command.",
    &[("John Aquilino", "met-with", "Kurt Campbell")]
);
// (The semicolon list itself is read: its three people co-hosted, and no
// "Social Action" or "Senegal" joins them from inside an office.)
t!(
    an_and_inside_an_apposed_office_lists_nothing,
    "The session was co-hosted by Abdoulaye Diouf Sarr, Minister of Health and Social Action, Senegal; Annalena Baerbock, Foreign Minister of Germany; and Tedros Adhanom Ghebreyesus.",
    &[
        ("Annalena Baerbock", "represents", "Germany"),
        (
            "Abdoulaye Diouf Sarr",
            "cooperates-with",
            "Annalena Baerbock"
        ),
        (
            "Abdoulaye Diouf Sarr",
            "cooperates-with",
            "Tedros Adhanom Ghebreyesus"
        ),
        (
            "Annalena Baerbock",
            "cooperates-with",
            "Tedros Adhanom Ghebreyesus"
        )
    ]
);

/// "X is responsible for" a harm: the speaker ("Blinken said") accuses X,
/// else, in a government's release and outside quotes, the government; a
/// job one is responsible for, a denial, and a quote in a news report
/// accuse no one.
#[test]
fn responsibility_for_a_harm_is_an_accusation() {
    let acc = |s: &str, o: &str| (s.to_string(), "accuses".to_string(), o.to_string());
    assert_eq!(
        edges_published(
            "https://en.wikinews.org/wiki/X",
            "Blinken said Russia alone is responsible for the death and destruction."
        ),
        vec![acc("Antony Blinken", "Russia")]
    );
    assert_eq!(
        edges_published(
            "https://www.state.gov/statement/",
            "The United States and Albania introduced a resolution demanding an end to the invasion and making clear that Russia alone bears responsibility for the ongoing violence."
        ),
        vec![acc(US, "Russia")]
    );
    assert_eq!(
        edges_published(
            "https://www.state.gov/statement/",
            "Mohammad Ghafari is responsible for approving all visas. Russia is not responsible for the violence."
        ),
        vec![]
    );
    assert_eq!(
        edges_published(
            "https://en.wikinews.org/wiki/X",
            "AQIM is responsible for the abduction and killing of Americans."
        ),
        vec![]
    );
}
// Hosting a forum is the occasion, not a meeting with it; "the 2024 APEC
// host" is a noun that names no meeting.
t!(
    hosting_a_forum_meets_nobody,
    "President Biden and Vice President Harris offered to host APEC next year.",
    &[]
);
t!(
    a_forum_s_host_noun_meets_nobody,
    "The United States looks forward to working closely with Thailand, the 2022 APEC host, Peru, the 2024 APEC host, and all of the APEC economies.",
    &[("Thailand", "cooperates-with", "United States")]
);
t!(
    hosting_leaders_still_meets_them,
    "Kenya will host Ruto and Museveni next week.",
    &[
        ("William Ruto", "met-with", "Kenya"),
        ("Yoweri Museveni", "met-with", "Kenya")
    ]
);
// "led by A, B, and C": a list that ends in "and" goes on past the bare
// commas after "by"; a list of places after "in" does not.
t!(
    a_list_led_by_three_people_all_visit,
    "A delegation led by Kurt Campbell, Daniel Kritenbrink, and Craig Hart visited Honiara.",
    &[
        ("Kurt Campbell", "visited", "Honiara"),
        ("Daniel Kritenbrink", "visited", "Honiara"),
        ("Craig Hart", "visited", "Honiara")
    ]
);
// Agreeing on a view ("the importance of", "the urgent need to")
// concludes nothing: no cooperation; the clause's other acts stay, and an
// agreement on a ceasefire still cooperates.
t!(
    agreeing_on_the_importance_of_something_is_no_cooperation,
    "Biden and Zelenskyy agreed on the importance of continuing to pursue diplomacy.",
    &[]
);
t!(
    agreeing_on_the_need_keeps_the_clause_s_support,
    "Blinken and Hoekstra agreed on the need to continue providing security assistance to Ukraine.",
    &[("Antony Blinken", "supports", "Ukraine")]
);
t!(
    agreeing_on_a_ceasefire_cooperates,
    "Israel and Hamas agreed on a ceasefire.",
    &[("Hamas", "cooperates-with", "Israel")]
);
// "killed in an Israeli airstrike": after a passive attack verb and "in",
// the state or group named before a noun of a violent act is the agent
// (data/lexicon/strikes.txt); a place before it ("a Gaza airstrike") and an
// attack with no named agent give no edge.
t!(
    killed_in_a_state_s_airstrike_is_its_attack,
    "Hezbollah leader Naim Qassem succeeded Hassan Nasrallah after he was killed in an Israeli airstrike in September.",
    &[
        ("Israel", "attacks", "Hassan Nasrallah"),
        ("Naim Qassem", "represents", "Hezbollah")
    ]
);
t!(
    killed_in_a_group_s_ambush_is_its_attack,
    "Ahmad Massoud was killed in a Taliban ambush.",
    &[("Taliban", "attacks", "Ahmad Massoud")]
);
t!(
    killed_in_a_place_s_airstrike_names_no_agent,
    "Two soldiers and Omar Ali were killed in a Gaza airstrike.",
    &[]
);
t!(
    killed_in_an_attack_with_no_agent_gives_nothing,
    "Omar Ali was killed in an attack in Kabul.",
    &[]
);
// A passive's patient is the name before an apposition or a relative
// clause set off by commas, not a name inside it.
t!(
    a_passive_after_an_apposition_takes_the_name_before_it,
    "Hamza bin Laden, son of the late Al-Qaeda founder Osama bin Laden, has been killed in a US counter-terrorism operation.",
    &[
        ("United States", "attacks", "Hamza bin Laden"),
        ("Osama bin Laden", "represents", "al-Qaeda")
    ]
);
t!(
    a_passive_after_a_relative_clause_takes_the_name_before_it,
    "The Houthis, who are backed by Iran, were attacked by Saudi Arabia.",
    &[
        ("Iran", "supports", "Houthis"),
        ("Saudi Arabia", "attacks", "Houthis")
    ]
);
// A US combatant command is a US organ.
t!(
    a_combatant_command_acts_for_the_united_states,
    "Africa Command said it carried out an airstrike on al-Shabaab fighters near Jilib.",
    &[("United States", "attacks", "al-Shabaab")]
);
// A nominal after "in" ("in cooperation with") goes with the clause's
// verb: the object of an infinitive before it is not its agent.
t!(
    in_cooperation_with_after_an_infinitive_s_object_is_the_subject_s,
    "The base is home to U.S. troops there to eliminate Islamic State elements in cooperation with Iraqi security forces.",
    &[]
);
t!(
    in_cooperation_with_takes_the_subject_before_the_infinitive,
    "France works to support Mali in cooperation with Niger.",
    &[
        ("France", "supports", "Mali"),
        ("France", "cooperates-with", "Niger")
    ]
);
// Signing or initialling an agreement after a meeting: the pair cooperates.
t!(
    shaking_hands_after_initialling_an_agreement_cooperates,
    "Armenian Prime Minister Nikol Pashinyan and Azerbaijan's President Ilham Aliyev shook hands after initialling a peace agreement.",
    &[
        ("Ilham Aliyev", "met-with", "Nikol Pashinyan"),
        ("Ilham Aliyev", "cooperates-with", "Nikol Pashinyan"),
        ("Nikol Pashinyan", "represents", "Armenia"),
        ("Ilham Aliyev", "represents", "Azerbaijan")
    ]
);
t!(
    one_leader_signing_a_decree_cooperates_with_nobody,
    "Putin spoke to reporters after signing the decree.",
    &[]
);
// "Attorney General" is an office: of a state's region or of the state.
t!(
    a_region_s_attorney_general_represents_it,
    "California Attorney General Xavier Becerra said the lawsuit was filed.",
    &[("Xavier Becerra", "represents", "California")]
);
// "welcomes the decision by Japan to impose sanctions": the agent after
// "by" does the infinitive; after a passive's "by", the patient does.
t!(
    the_decision_by_a_state_to_act_is_that_state_s_act,
    "The United States welcomes the decision by Japan to impose sanctions on Russia.",
    &[
        ("United States", "supports", "Japan"),
        ("Japan", "sanctions", "Russia")
    ]
);
t!(
    invited_by_a_host_to_visit_the_guest_visits,
    "Blinken was invited today by Macron to visit Paris.",
    &[("Antony Blinken", "visited", "Paris")]
);
// One modifier ("historic", "today's") may stand before the act whose
// agent "by" names.
t!(
    welcoming_the_historic_decision_by_a_state_supports_it,
    "Biden welcomes the historic decision by Saudi Arabia to open its airspace.",
    &[("Joe Biden", "supports", "Saudi Arabia")]
);
t!(
    welcoming_today_s_announcement_by_the_un_supports_it,
    "The United States welcomes today's announcement by the UN on the truce.",
    &[("United States", "supports", "United Nations")]
);
t!(
    a_former_minister_of_a_state_is_no_target_of_a_designation,
    "The U.S. Department of State has publicly designated former Prime Minister of the Republic of North Macedonia Nikola Gruevski for corruption.",
    &[]
);
// A verb capitalised inside a name ("Revolutionary Armed Forces") is no
// cue; a title-case headline's verb still is.
t!(
    a_verb_inside_a_name_is_no_cue,
    "Today, the United States is imposing sanctions on Minister of the Revolutionary Armed Forces of Cuba Álvaro López Miera and the Cuban Ministry of the Interior's Special National Brigade.",
    &[]
);
t!(
    a_headline_s_capitalised_verb_is_still_a_cue,
    "Russia Attacks Ukraine With Drones",
    &[("Russia", "attacks", "Ukraine")]
);
// "fought with X against Y": X is an ally, and both fight Y.
t!(
    fighting_with_an_ally_against_an_enemy_attacks_the_enemy,
    "The Taliban fought with al-Qaeda against the United States.",
    &[("Taliban", "attacks", US), ("al-Qaeda", "attacks", US)]
);
t!(
    fighting_with_a_party_alone_is_a_fight_between_them,
    "Hezbollah fought with Israel in 2006.",
    &[
        ("Hezbollah", "attacks", "Israel"),
        ("Israel", "attacks", "Hezbollah")
    ]
);
// Refusing to recognize someone opposes them.
t!(
    refusing_to_recognize_a_leader_opposes_him,
    "Poland refuses to recognize Lukashenko as president.",
    &[("Poland", "opposes", "Alexander Lukashenko")]
);
// "committed to" a state or its sovereignty supports it; "committed to
// helping X" supports X; a commitment to another act leaves that act's
// reading ("committed to continue to impose costs on Russia").
t!(
    committed_to_a_state_s_sovereignty_supports_it,
    "The United States remains committed to the sovereignty and territorial integrity of Ukraine.",
    &[(US, "supports", "Ukraine")]
);
t!(
    committed_to_helping_a_state_supports_it,
    "The United States is committed to helping Ethiopia address these challenges.",
    &[(US, "supports", "Ethiopia")]
);
t!(
    committed_to_assisting_a_government_supports_its_state,
    "The United States remains committed to assisting the Government of Iraq to achieve a secure future.",
    &[(US, "supports", "Iraq")]
);
t!(
    committed_to_impose_costs_is_still_a_sanction,
    "Deputy Secretary Wendy Sherman met French Ambassador Francois Delattre. They agreed on the need for continued support for Ukraine and committed to continue to impose costs on Russia for its aggression.",
    &[
        ("Francois Delattre", "met-with", "Wendy Sherman"),
        ("Francois Delattre", "supports", "Ukraine"),
        ("Wendy Sherman", "supports", "Ukraine"),
        ("Francois Delattre", "sanctions", "Russia"),
        ("Wendy Sherman", "sanctions", "Russia"),
        ("Francois Delattre", "represents", "France"),
        ("Russia", "attacks", "Ukraine")
    ]
);
t!(
    helping_do_something_for_a_people_helps_no_name,
    "Educators are helping teach displaced Ukrainian children.",
    &[]
);
t!(
    assisting_a_name_behind_a_hyphen_helps_no_one,
    "Bank Sputnik, a Russian bank that has assisted the UN- and U.S.-designated Foreign Trade Bank, was designated.",
    &[]
);

/// A continent or broad area after "for" ends the portfolio: the person's
/// name starts after it ("Administrator for Asia Anjali Kaur"), whether or
/// not the first name is a known one.
#[test]
fn a_name_after_a_continent_portfolio_is_a_person() {
    check_entities(
        "Deputy Assistant Administrator for Asia Anjali Kaur will travel.",
        &[("Anjali Kaur", "person")],
    );
    check_entities(
        "Deputy Assistant Secretary for Central Asia Lesslie Viguerie will travel.",
        &[("Lesslie Viguerie", "person")],
    );
    check_entities("Europe Molly Phee spoke.", &[("Molly Phee", "person")]);
}
t!(
    a_titled_official_for_a_continent_represents_the_agency_s_state,
    "The delegation will include USAID Deputy Assistant Administrator for Asia Anjali Kaur.",
    &[("Anjali Kaur", "represents", US)]
);

/// Bare ranks ("Assistant", "Deputy") are never a name; a one-run
/// portfolio after "on" or "for" ends at a known first name; a plural
/// title ("Assistant Secretaries") is a title.
#[test]
fn ranks_portfolios_and_plural_titles_leave_the_name() {
    check_entities(
        "Carmel Martin, Deputy Assistant to the President for Economic Mobility, will attend.",
        &[("Carmel Martin", "person")],
    );
    check_entities(
        "Senior Advisor to the President on Migration Amy Smith announced aid.",
        &[("Amy Smith", "person")],
    );
    check_entities(
        "Assistant Secretaries Michele Sison and Todd Robinson spoke.",
        &[("Michele Sison", "person"), ("Todd Robinson", "person")],
    );
}

/// Words of offices and events ("Treasurer", "Executive", "Inclusion",
/// "Workshop") are never a person after a title; "U.S. Attorney" is an
/// office held for the state.
#[test]
fn office_and_event_words_after_a_title_are_no_person() {
    check_entities(
        "Ambassador Gonzales also served as Deputy Executive Director of the Bureau of Near Eastern Affairs.",
        &[("Gonzales", "person")],
    );
    check_entities(
        "She will participate in the Public Affairs Officer Workshop in Paris.",
        &[],
    );
    check_entities(
        "Vince Stewart is Chief Inclusion and Innovation Officer for Ankura.",
        &[("Vince Stewart", "person")],
    );
}
t!(
    a_us_attorney_represents_the_united_states,
    "According to U.S. Attorney John Bash, the manifesto could strengthen the case.",
    &[("John Bash", "represents", US)]
);
// "X is/remains a (valued) partner to Y", "X is Y's closest ally": a
// partner noun after a copula describes its subject; "is not an ally" and
// a partner of no one named give nothing.
t!(
    remaining_a_partner_to_a_state_cooperates_with_it,
    "Panama remains a highly valued partner to the United States.",
    &[("Panama", "cooperates-with", US)]
);
t!(
    being_a_state_s_closest_ally_cooperates_with_it,
    "Belarus is Russia's closest ally.",
    &[("Belarus", "cooperates-with", "Russia")]
);
t!(
    being_a_group_s_patron_supports_it,
    "Iran is Hezbollah's main patron.",
    &[("Iran", "supports", "Hezbollah")]
);
t!(
    not_being_an_ally_cooperates_with_nobody,
    "Turkey is not an ally of Russia.",
    &[]
);
t!(
    a_partner_of_choice_for_many_names_no_partner,
    "The United States is a partner of choice for many.",
    &[]
);
// "the work of X" leads to X as "the efforts of X" does.
t!(
    appreciation_for_the_work_of_a_body_supports_it,
    "Blinken expressed appreciation for the work of the OAS in Haiti.",
    &[(
        "Antony Blinken",
        "supports",
        "Organization of American States"
    )]
);
// "met on June 24 with X": a date alone between the verb and its partner.
t!(
    met_on_a_date_with_a_partner_meets_him,
    "Blinken met on June 24, 2022, with Lavrov.",
    &[("Antony Blinken", "met-with", "Sergei Lavrov")]
);
// "In Djibouti, X and an interagency team will meet with government
// counterparts": the subject's companions do not hide the unnamed hosts.
t!(
    meeting_government_counterparts_in_a_fronted_state_meets_it,
    "In Djibouti, Under Secretary Nuland and an interagency team will meet with government counterparts.",
    &[
        ("Victoria Nuland", "visited", "Djibouti"),
        ("Victoria Nuland", "met-with", "Djibouti")
    ]
);
// Three or more states joined by hyphens right before a body's name are
// its members; two are not enough without brackets.
t!(
    a_hyphen_chain_of_states_before_a_body_lists_its_members,
    "They discussed regional security, including through U.S.-Australia-India-Japan Quad consultations.",
    &[
        (US, "member-of", "Quadrilateral Security Dialogue"),
        ("Australia", "member-of", "Quadrilateral Security Dialogue"),
        ("India", "member-of", "Quadrilateral Security Dialogue"),
        ("Japan", "member-of", "Quadrilateral Security Dialogue")
    ]
);
t!(
    two_hyphened_states_before_a_body_list_no_members,
    "They discussed the U.S.-Japan G7 agenda.",
    &[]
);

// "A and B co-hosted the ARF Symposium": co-hosts cooperate with one
// another; what they host (even one named after a body) is the occasion,
// no party.
t!(
    coordinated_cohosts_cooperate,
    "The United States, the European Union, and Singapore co-hosted the ASEAN Regional Forum Symposium on June 28.",
    &[
        (US, "cooperates-with", "European Union"),
        (US, "cooperates-with", "Singapore"),
        ("European Union", "cooperates-with", "Singapore")
    ]
);

// "talks between NATO Allies A and B": the body and its members' noun
// qualify the list; the talks are between A and B.
t!(
    talks_between_allies_named_after_their_body,
    "The Secretary supported talks between NATO Allies Turkey and Greece.",
    &[("Turkey", "met-with", "Greece")],
    also: &[
        ("Turkey", "member-of", "North Atlantic Treaty Organization"),
        ("Greece", "member-of", "North Atlantic Treaty Organization")
    ]
);

// "A and B joined their Costa Rican counterparts C and D in announcing":
// each of the subject met each counterpart, not their own colleague; a
// trilateral meeting after the list makes every pair meet.
t!(
    joined_their_counterparts_in_announcing,
    "Secretary Mayorkas and Ambassador Telles joined their Costa Rican counterparts President Carlos Alvarado and Minister of Foreign Affairs Rodolfo Solano in announcing this arrangement.",
    &[
        ("Mayorkas", "met-with", "Carlos Alvarado"),
        ("Mayorkas", "met-with", "Rodolfo Solano"),
        ("Telles", "met-with", "Carlos Alvarado"),
        ("Telles", "met-with", "Rodolfo Solano"),
        ("Carlos Alvarado", "represents", "Costa Rica"),
        ("Rodolfo Solano", "represents", "Costa Rica")
    ]
);
t!(
    joined_her_counterparts_for_a_trilateral_meeting,
    "Deputy Secretary Sherman joined her counterparts from Japan and the Republic of Korea for a trilateral meeting.",
    &[
        ("Sherman", "met-with", "Japan"),
        ("Sherman", "met-with", "South Korea"),
        ("Japan", "met-with", "South Korea")
    ]
);

// "Participants in today's call included A, an office; B, an office; and
// C, an office": a semicolon list of people with offices in apposition,
// and the one whose call the headline names ("X's Call with ...") joined
// them.
#[test]
fn participants_of_the_headline_hosts_call_in_a_semicolon_list() {
    let found = relations_with_headline(
        "Statement on National Security Advisor Jake Sullivan's Call with Baltic Allies",
        "Participants in today's call included Kęstutis Budrys, Chief Security Advisor to the Lithuanian President; Māris Cepurītis, National Security Advisor to the Latvian Prime Minister; and Indrek Sirp, Director for National Security and Defense for the Estonian Prime Minister.",
    );
    let met: std::collections::BTreeSet<(String, String)> = found
        .iter()
        .filter(|(_, t, _, headline)| t == "met-with" && !headline)
        .map(|(s, _, o, _)| {
            if s < o {
                (s.clone(), o.clone())
            } else {
                (o.clone(), s.clone())
            }
        })
        .collect();
    let people = [
        "Jake Sullivan",
        "Kęstutis Budrys",
        "Māris Cepurītis",
        "Indrek Sirp",
    ];
    let mut expected = std::collections::BTreeSet::new();
    for (n, a) in people.iter().enumerate() {
        for b in &people[n + 1..] {
            let (a, b) = if a < b { (a, b) } else { (b, a) };
            expected.insert((a.to_string(), b.to_string()));
        }
    }
    assert_eq!(met, expected);
}

// "senior officials from the United Kingdom", "leadership from the World
// Food Programme": the people who act for a name that takes "the" (a
// determiner between "from" and the name) are met as that name.
t!(
    officials_from_a_name_with_the,
    "Assistant Secretary Sison will meet with senior officials from the United Kingdom.",
    &[("Sison", "met-with", "United Kingdom")]
);
t!(
    leadership_from_bodies_with_the,
    "Assistant Secretary Sison will meet with leadership from the Food and Agriculture Organization and the World Food Programme.",
    &[
        ("Sison", "met-with", "Food and Agriculture Organization"),
        ("Sison", "met-with", "World Food Programme")
    ]
);

// "the Amir of Kuwait Sheikh X": "Amir" is the emir's title.
t!(
    the_amir_of_a_state,
    "Secretary Blinken met with the Amir of Kuwait Sheikh Nawaf Al-Ahmad Al-Jaber Al-Sabah.",
    &[
        (
            "Antony Blinken",
            "met-with",
            "Nawaf Al-Ahmad Al-Jaber Al-Sabah"
        ),
        ("Nawaf Al-Ahmad Al-Jaber Al-Sabah", "represents", "Kuwait")
    ]
);

// Precision: a name inside a fronted prepositional phrase ("From the
// United Kingdom, ...") is never the main clause's subject, named or not;
// a fronted clause ("Since Putin launched his war, ...") keeps its own.
t!(
    a_fronted_from_phrase_is_no_subject,
    "From the United Kingdom, the President will travel to Brussels, Belgium.",
    &[]
);
t!(
    a_fronted_since_clause_keeps_its_subject,
    "Since Russian President Vladimir Putin launched his premeditated, unprovoked, unjustified, and brutal war on Ukraine, the bombardment has continued.",
    &[
        ("Vladimir Putin", "attacks", "Ukraine"),
        ("Vladimir Putin", "represents", "Russia")
    ]
);

// A joint statement that names its authors between dashes after "our
// countries" speaks for each of them: "we" and "our five countries" are
// the states listed.
#[test]
fn our_countries_listed_between_dashes_are_we() {
    let found = relations_with_headline(
        "Statement on the Partners in the Blue Pacific",
        "As our countries\u{2014}Australia, Japan, and New Zealand\u{2014}continue to support prosperity in the Pacific, we too must act. Our five countries met with France. We commend Fiji for its leadership.",
    );
    let mut got: Vec<(String, String, String)> = found
        .into_iter()
        .map(|(s, t, o, _)| {
            if t == "met-with" && o < s {
                (o, t, s)
            } else {
                (s, t, o)
            }
        })
        .collect();
    got.sort();
    let e = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    assert_eq!(
        got,
        vec![
            e("Australia", "met-with", "France"),
            e("Australia", "supports", "Fiji"),
            e("France", "met-with", "Japan"),
            e("France", "met-with", "New Zealand"),
            e("Japan", "supports", "Fiji"),
            e("New Zealand", "supports", "Fiji"),
        ]
    );
}

/// Offices and places in State Department and White House releases: a
/// shared surname is the person whose gazetteer office its title names
/// ("President Biden" after "Jill Biden"); a place after "in" before a
/// title is where, not whose, the office is ("in Washington, D.C.
/// Secretary Blinken", "While in Geneva President Biden"); a bare title
/// is not the publisher's for a person the text gave a foreign office; a
/// body after "for" is the remit of the title before it when a body stands
/// before that title ("U.S. Special Representative for the DPRK Ambassador
/// Sung Kim"), else the next title's ("Chief of Staff for European
/// Commission President X").
#[test]
fn offices_and_places_in_releases() {
    let wh = "https://www.whitehouse.gov/briefing-room/statements-releases/x/";
    let state = "https://www.state.gov/readout/";
    type Edge<'a> = (&'a str, &'a str, &'a str);
    let cases: [(&str, &str, &[Edge]); 3] = [
        (
            wh,
            "President Joseph R. Biden, Jr. will be joined by First Lady Jill Biden. While in Geneva President Biden will also meet with Swiss President Guy Parmelin.",
            &[
                ("Guy Parmelin", "met-with", "Joe Biden"),
                ("Guy Parmelin", "represents", "Switzerland"),
                ("Joe Biden", "represents", "United States"),
            ],
        ),
        (
            state,
            "Deputy Secretary of State Wendy Sherman met with German State Secretary Miguel Berger today in Washington, D.C. Deputy Secretary Sherman and State Secretary Berger emphasized the importance of the Transatlantic alliance.",
            &[
                ("Miguel Berger", "met-with", "Wendy Sherman"),
                ("Miguel Berger", "represents", "Germany"),
                ("Wendy Sherman", "represents", "United States"),
            ],
        ),
        (
            state,
            "U.S. Special Representative for the DPRK Ambassador Sung Kim will travel to Seoul. Deputy Secretary Sherman spoke with Bjoern Seibert, Chief of Staff for European Commission President Ursula von der Leyen.",
            &[
                ("Bjoern Seibert", "met-with", "Sherman"),
                ("Bjoern Seibert", "represents", "European Commission"),
                ("Sherman", "represents", "United States"),
                ("Sung Kim", "represents", "United States"),
                ("Sung Kim", "visited", "Seoul"),
                ("Ursula von der Leyen", "represents", "European Commission"),
            ],
        ),
    ];
    for (url, text, expected) in cases {
        let expected: Vec<(String, String, String)> = expected
            .iter()
            .map(|(s, t, o)| (s.to_string(), t.to_string(), o.to_string()))
            .collect();
        assert_eq!(edges_published(url, text), expected, "{text}");
    }
}

// "We have already shared more than 4 million doses of vaccine with X": an
// amount before the nominal does not put the pronoun out of its reach.
#[test]
fn we_before_a_counted_nominal_is_the_publisher() {
    let e = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    assert_eq!(
        edges_published(
            "https://www.state.gov/fact-sheet/",
            "We have already shared more than 4 million doses of vaccine with Canada and Mexico.",
        ),
        vec![
            e("United States", "supports", "Canada"),
            e("United States", "supports", "Mexico"),
        ]
    );
}

// A verb of giving with its object between it and "to": in every tense
// ("will send", "provide"), not when what is sent is a message, a letter
// or a delegation (data/lexicon/messages.txt), in the gap or as the head
// of a relative clause.
t!(
    giving_in_any_tense,
    "Canada will send more troops to Latvia. France will provide training to Moldova.",
    &[
        ("Canada", "supports", "Latvia"),
        ("France", "supports", "Moldova")
    ]
);
t!(
    giving_what_comes_after_a_fronted_statement,
    "In a statement, the United States said it sent weapons to Ukraine.",
    &[("United States", "supports", "Ukraine")]
);
not!(
    sending_a_message_is_no_aid,
    "Russia sent a stern warning to Finland. Biden sent a letter to Putin. \
     The United States sent a delegation to Moldova. \
     President Biden read the letter he is sending to Zelenskyy.",
    &[
        ("Russia", "supports", "Finland"),
        ("Joe Biden", "supports", "Vladimir Putin"),
        ("United States", "supports", "Moldova"),
        ("Joe Biden", "supports", "Volodymyr Zelenskyy")
    ]
);

// "A and B worked (closely) together": both ways, with no object; a
// determiner after "including" still lists the group's members.
t!(
    working_together_is_cooperation,
    "Canada and Japan worked closely together on the project.",
    &[("Canada", "cooperates-with", "Japan")]
);
t!(
    including_the_lists_the_partners,
    "The United States works closely with partners and allies, including the United Nations and NATO.",
    &[
        ("United States", "cooperates-with", "United Nations"),
        (
            "United States",
            "cooperates-with",
            "North Atlantic Treaty Organization"
        )
    ]
);

// "Nancy Pelosi, the Speaker of the House,": a title whose body after "of"
// is no name, spelling out in full an office the gazetteer gives the
// person on the article's date (2022-03-01 here); a title cut short of the
// office ("the Speaker of the Club") gives nothing.
#[test]
fn office_written_out_after_the_name() {
    let e = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    assert_eq!(
        edges_published(
            "https://en.wikinews.org/wiki/Example",
            "Nancy Pelosi, the Speaker of the House of Representatives, ordered flags lowered. \
             Rishi Sunak, Chancellor of the Exchequer, said no.",
        ),
        vec![
            e("Nancy Pelosi", "represents", "United States"),
            e("Rishi Sunak", "represents", "United Kingdom"),
        ]
    );
    assert_eq!(
        edges_published(
            "https://en.wikinews.org/wiki/Example",
            "Nancy Pelosi, the Speaker of the Club, said no.",
        ),
        vec![]
    );
}

// "Our Ambassador to Ukraine, Bridget Brink,", "the Special Envoy for
// Yemen, Tim Lenderking,": the body after "to" or "for" in an envoy's
// title set off before the name is where the envoy is sent, never whose
// the office is; the sender is the body before the title, else the
// publishing government (none for a news site).
#[test]
fn envoy_sent_to_a_state_does_not_represent_it() {
    let e = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    let text = "Our Ambassador to Ukraine, Bridget Brink, spoke. \
                The Special Envoy for Yemen, Tim Lenderking, spoke. \
                The U.S. Ambassador to Spain, Julissa Reynoso, spoke.";
    assert_eq!(
        edges_published("https://www.state.gov/example/", text),
        vec![
            e("Bridget Brink", "represents", "United States"),
            e("Julissa Reynoso", "represents", "United States"),
            e("Tim Lenderking", "represents", "United States"),
        ]
    );
    assert_eq!(
        edges_published("https://en.wikinews.org/wiki/Example", text),
        vec![e("Julissa Reynoso", "represents", "United States")]
    );
}

// "our Special Envoy, Tim Lenderking", "our own Special Representative,
// X" and "Tim Lenderking, our Special Envoy,": the publishing government's office; the "our" of the apposition
// is no subject of the verb after it (before: "United States visited
// Riyadh").
#[test]
fn our_office_in_apposition_is_the_publishers() {
    let e = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    assert_eq!(
        edges_published(
            "https://www.state.gov/example/",
            "Tim Lenderking, our Special Envoy, will travel to Riyadh. \
             I thank our Ambassador, Linda Thomas-Greenfield, for her work. \
             We thank our own Special Representative, Thomas Smith, too.",
        ),
        vec![
            e("Linda Thomas-Greenfield", "represents", "United States"),
            e("Thomas Smith", "represents", "United States"),
            e("Tim Lenderking", "represents", "United States"),
            e("Tim Lenderking", "visited", "Riyadh"),
        ]
    );
}

// visited: a meeting held in the host's city
t!(
    meeting_in_the_hosts_city_is_the_guests_visit,
    "Secretary of State Antony Blinken met with Indonesian Foreign Minister Retno Marsudi in Jakarta today.",
    &[
        ("Antony Blinken", "met-with", "Retno Marsudi"),
        ("Antony Blinken", "visited", "Jakarta"),
        ("Retno Marsudi", "represents", "Indonesia"),
    ]
);
t!(
    meeting_in_the_hosts_city_with_two_hosts,
    "Secretary of State Antony Blinken met today with Panamanian President Laurentino Cortizo and Foreign Minister Erika Mouynes in Panama City.",
    &[
        ("Antony Blinken", "met-with", "Laurentino Cortizo"),
        ("Antony Blinken", "met-with", "Erika Mouynes"),
        ("Antony Blinken", "visited", "Panama City"),
        ("Laurentino Cortizo", "represents", "Panama"),
        ("Erika Mouynes", "represents", "Panama"),
    ]
);
// With no host among the parties nobody is said to have travelled.
not!(
    meeting_in_a_third_city_is_no_visit,
    "Secretary of State Antony Blinken met with Russian Foreign Minister Sergey Lavrov in Geneva.",
    &[
        ("Antony Blinken", "visited", "Geneva"),
        ("Sergei Lavrov", "visited", "Geneva")
    ]
);

/// A city that stands for its state elsewhere in the article is that
/// state there, and the publishing government's capital is its seat: a
/// meeting there tells no visit apart ("Washington" in a State Department
/// readout is the United States).
#[test]
fn meeting_in_the_publishers_capital_is_no_visit() {
    let text = "Secretary of State Antony Blinken met today with Egyptian Foreign Minister Sameh Shoukry in Washington, D.C.";
    let found = edges_published("https://www.state.gov/readout/", text);
    assert!(found.iter().all(|(_, t, _)| t != "visited"), "{found:?}");
    let text = "Beijing said the talks went well. Former president Ma Ying-jeou met Chinese President Xi Jinping in Beijing.";
    let found = edges_published("https://www.example-wire.com/asia/x", text);
    assert!(found.iter().all(|(_, t, _)| t != "visited"), "{found:?}");
}

/// A spokesperson with no body of their own speaks for the state that
/// speaks around them: the one opening the sentence before the title, or
/// the sentence before. Without such a state the title stays unanchored.
#[test]
fn spokesperson_speaks_for_the_state_that_speaks() {
    let own = |s: &str, o: &str| (s.to_string(), "represents".to_string(), o.to_string());
    let wire = "https://www.example-wire.com/mideast/x";
    let found = edges_published(
        wire,
        "Iran condemned the strikes as a violation of Yemen's sovereignty, foreign ministry spokesman Nasser Kanaani said.",
    );
    assert!(found.contains(&own("Nasser Kanaani", "Iran")), "{found:?}");
    let found = edges_published(
        wire,
        "The State Department said the talks would go on. Spokeswoman Marie Harf said they would focus on Iran.",
    );
    assert!(found.contains(&own("Marie Harf", US)), "{found:?}");
    let found = edges_published(
        wire,
        "The talks would go on. Spokeswoman Marie Harf said they would focus on Iran.",
    );
    assert!(found.iter().all(|(_, t, _)| t != "represents"), "{found:?}");
}

// supports: a welcomed act's agent after an irregular participle and a day
t!(
    welcomed_steps_taken_today_by_agents,
    "The United States welcomes the steps taken today by the United Kingdom and Canada against the regime.",
    &[
        (US, "supports", "United Kingdom"),
        (US, "supports", "Canada")
    ]
);

// opposes: a passive cue with "as" and its words before "by"
t!(
    condemned_as_illegal_by_agent,
    "Russia's annexation was condemned as illegal by Ukraine.",
    &[("Ukraine", "opposes", "Russia")]
);

// A past participle right before "by" is never read as an active verb.
not!(
    hosted_by_after_a_name_is_no_active_host,
    "Prime Minister Kishida Fumio of Japan and President Joseph R. Biden, Jr. of the United States met for the Quad Leaders Summit, hosted by President Biden in Wilmington.",
    &[("Joe Biden", "met-with", "Japan")]
);
