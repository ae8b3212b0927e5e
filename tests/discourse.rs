//! The discourse mechanisms, each on short texts with the exact set of
//! edges it must give, the `via` it must record, and nothing when it is
//! switched off or unsure. Run in-process through the public library.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use geokg::article::Article;
use geokg::discourse::{Mechanism, Mechanisms};
use geokg::extract::extract_with;
use geokg::gazetteer::Gazetteer;
use geokg::ontology::EdgeType;
use geokg::relation::RESOLVED_CONFIDENCE;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().unwrap())
}

/// One unflagged edge: (source, type, target, via), symmetric ends in name order.
type Edge = (String, String, String, Option<String>);

fn run(url: Option<&str>, text: &str, on: Mechanisms) -> (BTreeSet<Edge>, Vec<f64>) {
    run_titled(url, "", text, on)
}

/// `run` for an article with a headline.
fn run_titled(
    url: Option<&str>,
    title: &str,
    text: &str,
    on: Mechanisms,
) -> (BTreeSet<Edge>, Vec<f64>) {
    let mut a = Article::from_body("case", text);
    a.url = url.map(str::to_string);
    a.title = title.to_string();
    a.date = Some("2022-03-01".to_string());
    let x = extract_with(&a, gazetteer(), on);
    let json = serde_json::to_value(x.to_json(&a)).unwrap();
    let mut set = BTreeSet::new();
    let mut resolved_confidence = Vec::new();
    for r in json["relations"].as_array().unwrap() {
        if r.get("negated").is_some() {
            continue;
        }
        let (mut s, t, mut o) = (
            r["source"].as_str().unwrap().to_string(),
            r["type"].as_str().unwrap().to_string(),
            r["target"].as_str().unwrap().to_string(),
        );
        if t.parse::<EdgeType>().unwrap().is_symmetric() && o < s {
            std::mem::swap(&mut s, &mut o);
        }
        let via = r.get("via").and_then(|v| v.as_str()).map(str::to_string);
        if via.is_some() {
            resolved_confidence.push(r["confidence"].as_f64().unwrap());
        }
        set.insert((s, t, o, via));
    }
    (set, resolved_confidence)
}

/// The (source, target) pairs of the edges of type `t`.
fn ends(all: &BTreeSet<Edge>, t: &str) -> BTreeSet<(String, String)> {
    all.iter()
        .filter(|x| x.1 == t)
        .map(|x| (x.0.clone(), x.2.clone()))
        .collect()
}

/// The same pairs, written out.
fn pairs(list: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn e(s: &str, t: &str, o: &str, via: Option<&str>) -> Edge {
    (s.into(), t.into(), o.into(), via.map(str::to_string))
}

/// A bare title after the person was named is that person; the edge says
/// how, and scores lower than a named one. With the mechanism off, the
/// sentence gives nothing.
#[test]
fn title_after_the_holder_was_named() {
    let text = "Secretary of State Antony Blinken arrived in Manila on Tuesday. \
                The Secretary met with President Ferdinand Marcos Jr.";
    let (all, conf) = run(None, text, Mechanisms::all());
    let met = e(
        "Antony Blinken",
        "met-with",
        "Ferdinand Marcos Jr.",
        Some("\"The Secretary\" -> Antony Blinken"),
    );
    assert!(all.contains(&met), "{all:?}");
    assert!(
        conf.iter()
            .all(|&c| c <= f64::from(RESOLVED_CONFIDENCE) + 1e-9)
    );
    let (off, _) = run(None, text, Mechanisms::all().without(Mechanism::Title));
    assert!(
        !off.iter()
            .any(|x| x.1 == "met-with" && x.2 == "Ferdinand Marcos Jr."),
        "{off:?}"
    );
}

/// "the Secretary" is not the Deputy Secretary, and a title that describes
/// someone else ("the President of Ukraine") resolves to nobody.
#[test]
fn title_needs_the_same_office() {
    let text = "Deputy Secretary of State Wendy Sherman visited Kyiv. \
                The Secretary met with Dmytro Kuleba.";
    let (all, _) = run(None, text, Mechanisms::all());
    assert!(!all.iter().any(|x| x.1 == "met-with"), "{all:?}");
    let text = "President Joe Biden spoke on Monday. \
                The President of Ukraine met with Boris Johnson.";
    let (all, _) = run(None, text, Mechanisms::all());
    assert!(
        !all.iter()
            .any(|x| x.1 == "met-with" && (x.0 == "Joe Biden" || x.2 == "Joe Biden")),
        "{all:?}"
    );
}

/// In a Downing Street readout with no Prime Minister named, "The Prime
/// Minister" is the United Kingdom acting (ONTOLOGY.md); elsewhere nobody.
#[test]
fn unnamed_office_of_the_publisher() {
    let text = "The Prime Minister spoke to President Zelenskyy of Ukraine this morning.";
    let (uk, _) = run(
        Some("https://www.gov.uk/government/news/pm-call"),
        text,
        Mechanisms::all(),
    );
    assert!(
        uk.contains(&e(
            "United Kingdom",
            "met-with",
            "Volodymyr Zelensky",
            Some("\"The Prime Minister\" -> United Kingdom"),
        )),
        "{uk:?}"
    );
    let (elsewhere, _) = run(None, text, Mechanisms::all());
    assert!(
        !elsewhere.iter().any(|x| x.1 == "met-with"),
        "{elsewhere:?}"
    );
    let (off, _) = run(
        Some("https://www.gov.uk/government/news/pm-call"),
        text,
        Mechanisms::all().without(Mechanism::Office),
    );
    assert!(!off.iter().any(|x| x.1 == "met-with"), "{off:?}");
}

/// A meeting attended together by several parties gives every pair, each
/// saying it came from the meeting; with n-ary off, none of them.
#[test]
fn meeting_of_several_gives_every_pair() {
    let text = "On Monday, Secretary of State Blinken attended a meeting in Israel \
                together with the Foreign Ministers of Bahrain, Egypt and Morocco.";
    let (all, _) = run(None, text, Mechanisms::all());
    let via = "\"meeting\" of Antony Blinken, Bahrain, Egypt, Morocco";
    let met: BTreeSet<_> = all.iter().filter(|x| x.1 == "met-with").cloned().collect();
    let want: BTreeSet<_> = [
        ("Antony Blinken", "Bahrain"),
        ("Antony Blinken", "Egypt"),
        ("Antony Blinken", "Morocco"),
        ("Bahrain", "Egypt"),
        ("Bahrain", "Morocco"),
        ("Egypt", "Morocco"),
    ]
    .into_iter()
    .map(|(a, b)| e(a, "met-with", b, Some(via)))
    .collect();
    assert_eq!(met, want);
    let (off, _) = run(None, text, Mechanisms::all().without(Mechanism::Nary));
    assert!(!off.iter().any(|x| x.1 == "met-with"), "{off:?}");
}

/// "This group of countries" after a meeting of several is its parties.
#[test]
fn group_of_countries_is_the_meeting_s_parties() {
    let text = "On Monday, Secretary of State Blinken attended a meeting in Israel \
                together with the Foreign Ministers of Bahrain, Egypt and Morocco. \
                This group of countries agreed to form permanent working groups.";
    let (all, _) = run(None, text, Mechanisms::all());
    let agreed: BTreeSet<_> = all
        .iter()
        .filter(|x| x.1 == "cooperates-with")
        .map(|x| (x.0.clone(), x.2.clone(), x.3.clone()))
        .collect();
    assert!(
        agreed.contains(&(
            "Bahrain".to_string(),
            "Egypt".to_string(),
            Some("\"This group of countries\" -> Bahrain".to_string())
        )),
        "{all:?}"
    );
    let (off, _) = run(None, text, Mechanisms::all().without(Mechanism::Nary));
    assert!(!off.iter().any(|x| x.1 == "cooperates-with"), "{off:?}");
}

/// "Kerry met Putin and Lavrov" is no meeting of three (ONTOLOGY.md): the
/// n-ary mechanism needs a gathering attended together.
#[test]
fn plain_meeting_with_two_is_not_joint() {
    let text = "John Kerry met Vladimir Putin and Sergei Lavrov in Moscow.";
    let (all, _) = run(None, text, Mechanisms::all());
    let met: BTreeSet<_> = all.iter().filter(|x| x.1 == "met-with").cloned().collect();
    let want: BTreeSet<_> = [
        e("John Kerry", "met-with", "Vladimir Putin", None),
        e("John Kerry", "met-with", "Sergei Lavrov", None),
    ]
    .into_iter()
    .collect();
    assert_eq!(met, want);
}

/// "They" after a meeting is its two parties, but not after a meeting whose
/// parties the text leaves unnamed ("the delegation will meet ...").
#[test]
fn they_is_the_last_pair_that_met_or_nobody() {
    let text = "Antony Blinken met with Dmytro Kuleba in Kyiv. \
                They condemned Russia.";
    let (all, _) = run(None, text, Mechanisms::all());
    let opposes: BTreeSet<_> = all.iter().filter(|x| x.1 == "opposes").cloned().collect();
    let want: BTreeSet<_> = [
        e(
            "Antony Blinken",
            "opposes",
            "Russia",
            Some("\"They\" -> Antony Blinken"),
        ),
        e(
            "Dmytro Kuleba",
            "opposes",
            "Russia",
            Some("\"They\" -> Dmytro Kuleba"),
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(opposes, want);
    let text = "Antony Blinken met with Dmytro Kuleba in Kyiv. \
                In Warsaw, the delegation will meet with officials. \
                They will also visit Krakow.";
    let (all, _) = run(None, text, Mechanisms::all());
    assert!(!all.iter().any(|x| x.1 == "visited"), "{all:?}");
}

/// "They" and "the three European powers" after a list that opened the
/// sentence, or the one before, as its subject are the listed names (a
/// warning with a condition then threatens the condition's subject). Two
/// sentences later, after a meeting named since, or with the mechanism
/// off, they name nobody from the list.
#[test]
fn they_is_the_list_that_opened_the_sentence_before() {
    let threatened = |text: &str, on: Mechanisms| {
        let (all, _) = run(None, text, on);
        ends(&all, "threatens")
    };
    let three = pairs(&[
        ("France", "Iran"),
        ("Germany", "Iran"),
        ("United Kingdom", "Iran"),
    ]);
    let same = "Germany, France and Britain condemned threats against the inspectors, \
                and the three European powers warned they could trigger sanctions \
                if Tehran does not resume cooperation.";
    assert_eq!(threatened(same, Mechanisms::all()), three);
    let next = "Germany, France and Britain condemned threats against the inspectors. \
                They warned they could trigger sanctions if Tehran does not resume cooperation.";
    assert_eq!(threatened(next, Mechanisms::all()), three);
    let (all, _) = run(None, next, Mechanisms::all());
    assert!(
        all.iter().filter(|x| x.1 == "threatens").all(|x| x
            .3
            .as_deref()
            .is_some_and(|v| v.to_lowercase().starts_with("\"they\" -> "))),
        "{all:?}"
    );
    assert!(threatened(next, Mechanisms::all().without(Mechanism::Plural)).is_empty());
    let later = "Germany, France and Britain condemned threats against the inspectors. \
                 Talks were slow. \
                 They warned they could trigger sanctions if Tehran does not resume cooperation.";
    assert!(threatened(later, Mechanisms::all()).is_empty());
    let met = "Germany, France and Britain condemned threats against the inspectors. \
               Antony Blinken met with Dmytro Kuleba in Kyiv. \
               They warned they could trigger sanctions if Tehran does not resume cooperation.";
    assert_eq!(
        threatened(met, Mechanisms::all()),
        pairs(&[("Antony Blinken", "Iran"), ("Dmytro Kuleba", "Iran")])
    );
}

/// A list of subjects after an opening phrase of time ("Today, the United
/// States, A and B signed ...") is still the list that opened the
/// sentence, and a bare "Leaders" opening the next one names it; with the
/// mechanism off, or a plural that opens no sentence, nobody.
#[test]
fn leaders_is_the_list_after_an_opening_phrase_of_time() {
    let met = |text: &str, on: Mechanisms| {
        let (all, _) = run(None, text, on);
        ends(&all, "met-with")
    };
    let text = "Today, the United States, Costa Rica, and Panama signed a memorandum. \
                Leaders also met with the World Bank to finalize a survey.";
    assert_eq!(
        met(text, Mechanisms::all()),
        pairs(&[
            ("Costa Rica", "World Bank"),
            ("Panama", "World Bank"),
            ("United States", "World Bank"),
        ])
    );
    assert!(met(text, Mechanisms::all().without(Mechanism::Plural)).is_empty());
    let inside = "Today, the United States, Costa Rica, and Panama signed a memorandum. \
                  Some leaders also met with the World Bank to finalize a survey.";
    assert!(met(inside, Mechanisms::all()).is_empty());
}

/// Officials of one state that a plural reference gathers are colleagues:
/// "Participants discussed the need to work together" gives no cooperation
/// among them, while two named officials who "worked closely together"
/// keep theirs.
#[test]
fn colleagues_gathered_by_a_plural_are_no_partners() {
    let coop = |text: &str| {
        let (all, _) = run(
            Some("https://www.whitehouse.gov/x/"),
            text,
            Mechanisms::all(),
        );
        ends(&all, "cooperates-with")
    };
    let gathered = "Today, Secretary of Commerce Gina Raimondo, National Security Advisor \
                    Jake Sullivan, and Senior Advisor Cedric Richmond met with CEOs. \
                    Participants also discussed the need to work together.";
    assert_eq!(coop(gathered), pairs(&[]));
    let named = "Secretary of Commerce Gina Raimondo and National Security Advisor \
                 Jake Sullivan worked closely together on the Committee.";
    assert_eq!(coop(named), pairs(&[("Gina Raimondo", "Jake Sullivan")]));
}

/// "The group" after the Houthis were named is the Houthis, "the
/// militants" in the same sentence is the group named before it; the edge
/// says so. Two groups named, a group named three sentences back, or the
/// mechanism off: nobody.
#[test]
fn the_group_is_the_one_group_named_last() {
    let text =
        "The Houthis fired missiles at ships on Monday. The group also attacked Saudi Arabia.";
    let (all, conf) = run(None, text, Mechanisms::all());
    let want: BTreeSet<_> = [e(
        "Houthis",
        "attacks",
        "Saudi Arabia",
        Some("\"The group\" -> Houthis"),
    )]
    .into_iter()
    .collect();
    assert_eq!(all, want);
    assert!(conf.iter().all(|&c| c < 0.8), "{conf:?}");
    let same = "Hamas fighters crossed the border, and the militants attacked Israel.";
    assert_eq!(
        ends(&run(None, same, Mechanisms::all()).0, "attacks"),
        pairs(&[("Hamas", "Israel")])
    );
    let off = Mechanisms::all().without(Mechanism::Description);
    assert!(run(None, text, off).0.is_empty());
    let two = "Hamas and Hezbollah fired rockets. The group attacked Israel.";
    assert!(ends(&run(None, two, Mechanisms::all()).0, "attacks").is_empty());
    let far = "The Houthis fired missiles at ships on Monday. Trade was slow. Prices rose. \
               The group also attacked Saudi Arabia.";
    assert!(run(None, far, Mechanisms::all()).0.is_empty());
}

/// "The delegation" of a trip announcement is the person who leads it:
/// the one who travels "with an interagency delegation", or the one it is
/// "led by"; "they" after the delegation met someone is the delegation, not
/// the pair. With no leader named, "the delegation" meets nobody; "the U.S.
/// delegation" stays the United States too.
#[test]
fn the_delegation_is_the_person_who_leads_it() {
    let text = "Under Secretary of State Victoria Nuland will travel to Panama with an \
                interagency delegation. In Panama, the delegation will meet with President \
                Laurentino Cortizo. They will also visit the Panama Canal.";
    let (all, _) = run(None, text, Mechanisms::all());
    let want: BTreeSet<_> = [
        e("Victoria Nuland", "visited", "Panama", None),
        e("Victoria Nuland", "represents", "United States", None),
        e(
            "Laurentino Cortizo",
            "met-with",
            "Victoria Nuland",
            Some("\"the delegation\" -> Victoria Nuland"),
        ),
        e(
            "Victoria Nuland",
            "visited",
            "Panama Canal",
            Some("\"They\" -> Victoria Nuland"),
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(all, want);
    let off = Mechanisms::all().without(Mechanism::Description);
    assert!(ends(&run(None, text, off).0, "met-with").is_empty());
    let nobody = "In Panama, the delegation will meet with President Laurentino Cortizo.";
    assert!(ends(&run(None, nobody, Mechanisms::all()).0, "met-with").is_empty());
    let led = "A senior U.S. delegation, led by Assistant Secretary of State Donald Lu, \
               hosted Foreign Minister Rashid Meredov.";
    let (all, _) = run(Some("https://www.state.gov/x/"), led, Mechanisms::all());
    assert_eq!(
        ends(&all, "met-with"),
        pairs(&[
            ("Donald Lu", "Rashid Meredov"),
            ("Rashid Meredov", "United States")
        ])
    );
}

/// A promised answer with no object ("vowed to retaliate") threatens the
/// attackers reported just before (event mechanism); a past answer, an
/// attacker's own, one three sentences later, or the mechanism off gives
/// no threat.
#[test]
fn a_promised_answer_threatens_the_last_attackers() {
    let threats = |text: &str, on: Mechanisms| ends(&run(None, text, on).0, "threatens");
    let text = "Israel struck Iran on Friday. Iran vowed to retaliate.";
    let (all, _) = run(None, text, Mechanisms::all());
    let want: BTreeSet<_> = [
        e("Israel", "attacks", "Iran", None),
        e(
            "Iran",
            "threatens",
            "Israel",
            Some("\"retaliate\" -> Israel"),
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(all, want);
    let off = Mechanisms::all().without(Mechanism::Event);
    assert!(threats(text, off).is_empty());
    for quiet in [
        "Israel struck Iran on Friday. Iran retaliated.",
        "Israel struck Iran on Friday. Israel vowed to retaliate.",
        "Israel struck Iran on Friday. Talks stalled. Prices rose. Iran vowed to retaliate.",
    ] {
        assert!(threats(quiet, Mechanisms::all()).is_empty(), "{quiet}");
    }
}

/// A pair that "they" names stays in mind: a readout's fifth sentence of
/// "They ..." still means the two leaders, while a sentence four after the
/// last mention without "they" between lets them go.
#[test]
fn they_stays_the_pair_while_named_again() {
    let text = "Antony Blinken met with Dmytro Kuleba in Kyiv. \
                They discussed trade. They condemned Russia. They discussed energy. \
                They discussed grain. They praised Poland.";
    let (all, _) = run(None, text, Mechanisms::all());
    let praised = ends(&all, "supports");
    assert_eq!(
        praised,
        [
            ("Antony Blinken".to_string(), "Poland".to_string()),
            ("Dmytro Kuleba".to_string(), "Poland".to_string())
        ]
        .into_iter()
        .collect()
    );
    let text = "Antony Blinken met with Dmytro Kuleba in Kyiv. \
                The weather was cold. Trade was slow. Prices rose. Markets fell. \
                They praised Poland.";
    let (all, _) = run(None, text, Mechanisms::all());
    assert!(ends(&all, "supports").is_empty(), "{all:?}");
}

/// "The Department" bare in a State Department release is the United
/// States acting; elsewhere it names nobody, and "the Department of X"
/// names another body.
#[test]
fn bare_body_of_the_publisher() {
    let text = "The Department is designating three oligarchs: Alisher Usmanov, \
                Igor Shuvalov and Sergei Chemezov.";
    let (all, _) = run(Some("https://www.state.gov/x/"), text, Mechanisms::all());
    assert_eq!(
        ends(&all, "sanctions"),
        pairs(&[
            ("United States", "Alisher Usmanov"),
            ("United States", "Igor Shuvalov"),
            ("United States", "Sergei Chemezov")
        ])
    );
    let (all, _) = run(
        Some("https://en.wikinews.org/wiki/X"),
        text,
        Mechanisms::all(),
    );
    assert!(ends(&all, "sanctions").is_empty(), "{all:?}");
    let off = Mechanisms::all().without(Mechanism::Office);
    let (all, _) = run(Some("https://www.state.gov/x/"), text, off);
    assert!(ends(&all, "sanctions").is_empty(), "{all:?}");
}

/// Several parties who discussed a state met one another; the state is the
/// topic, not a party.
#[test]
fn what_is_discussed_is_a_topic() {
    let text = "Antony Blinken and Dmytro Kuleba discussed Russia.";
    let (all, _) = run(None, text, Mechanisms::all());
    let met: Vec<_> = all.iter().filter(|x| x.1 == "met-with").collect();
    assert_eq!(
        met,
        vec![&e("Antony Blinken", "met-with", "Dmytro Kuleba", None)]
    );
}

/// "X's meetings with A, B and C" are separate meetings: X with each, the
/// others not with one another; the publisher's unnamed office is X here.
#[test]
fn separate_meetings_pair_the_host_with_each() {
    let text = "The President received an update on the Vice President's meetings at \
                the Munich Security Conference with President Zelenskyy of Ukraine, \
                NATO Secretary General Stoltenberg, and Chancellor Scholz of Germany.";
    let (all, _) = run(
        Some("https://www.whitehouse.gov/briefing-room/x/"),
        text,
        Mechanisms::all(),
    );
    assert_eq!(
        ends(&all, "met-with"),
        pairs(&[
            ("United States", "Volodymyr Zelensky"),
            ("Jens Stoltenberg", "United States"),
            ("Olaf Scholz", "United States"),
        ])
    );
}

/// A list joined by bare commas and followed by a predicate is one party
/// and a new clause ("Witkoff's meeting with Putin, Kremlin spokesman
/// Peskov informed reporters"); a name that qualifies the noun after it
/// ("the OSCE Chair-in-Office") is no party.
#[test]
fn meeting_lists_end_where_the_clause_does() {
    let text = "Regarding Witkoff's meeting with Putin, Kremlin spokesman Dmitry Peskov \
                informed reporters that there was no agreement.";
    let (all, _) = run(None, text, Mechanisms::all());
    assert!(
        !all.iter().any(|x| x.1 == "met-with" && x.3.is_some()),
        "{all:?}"
    );
    let text = "Wendy Sherman's call with NATO Deputy Secretary General Mircea Geoana, \
                EU Secretary General Stefano Sannino, the OSCE Chair-in-Office, and \
                Helga Schmid.";
    let (all, _) = run(None, text, Mechanisms::all());
    assert!(
        !all.iter().any(|x| x.1 == "met-with"
            && (x.0.contains("Organization for Security")
                || x.2.contains("Organization for Security"))),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|x| x.1 == "met-with" && x.0 == "Mircea Geoană" && x.2 == "Stefano Sannino"),
        "{all:?}"
    );
}

/// "A partnership between A, the Governments of B and C, and D": the
/// n-ary list reader gives every pair, and the pairs the plain coordination
/// could not read say they came from it.
#[test]
fn between_reads_lists_with_words_between_names() {
    let text = "It is a partnership between the Carlos Slim Foundation, the Governments \
                of Canada and Spain, and Mexico.";
    let (all, _) = run(None, text, Mechanisms::all());
    let coop: BTreeSet<_> = all
        .iter()
        .filter(|x| x.1 == "cooperates-with")
        .map(|x| (x.0.as_str(), x.2.as_str(), x.3.is_some()))
        .collect();
    let want: BTreeSet<_> = [
        ("Canada", "Carlos Slim Foundation", true),
        ("Carlos Slim Foundation", "Spain", true),
        ("Carlos Slim Foundation", "Mexico", true),
        ("Canada", "Spain", true),
        ("Canada", "Mexico", true),
        ("Mexico", "Spain", true),
    ]
    .into_iter()
    .collect();
    assert_eq!(coop, want);
    let (off, _) = run(None, text, Mechanisms::all().without(Mechanism::Nary));
    assert!(
        off.iter()
            .all(|x| x.1 != "cooperates-with" || x.3.is_none()),
        "{off:?}"
    );
}

/// "both countries" after two officials met are the officials' states, not
/// the officials.
#[test]
fn both_countries_are_the_states_of_the_pair() {
    let text = "Secretary of State Antony Blinken met with Mexican Foreign Secretary Marcelo \
                Ebrard in Washington. They reaffirmed both countries' condemnation of Russia.";
    let (all, _) = run(None, text, Mechanisms::all());
    let opposes: BTreeSet<_> = all
        .iter()
        .filter(|x| x.1 == "opposes")
        .map(|x| (x.0.as_str(), x.3.as_deref()))
        .collect();
    let want: BTreeSet<_> = [
        ("Mexico", Some("\"both countries\" -> Mexico")),
        ("United States", Some("\"both countries\" -> United States")),
    ]
    .into_iter()
    .collect();
    assert_eq!(opposes, want);
}

/// In a statement in one person's voice, "I" and "my" are that person,
/// outside quotation marks; a statement headline naming several people
/// gives "I" to nobody.
#[test]
fn i_of_a_statement_is_its_author() {
    let text = "Today I authorized more security assistance to Ukraine. During my visit \
                to Poland, I met with President Andrzej Duda. Duda said \"I will visit Kyiv.\"";
    let run_headline = |headline: &str, on: Mechanisms| -> Vec<(String, String, String)> {
        run_titled(None, headline, text, on)
            .0
            .into_iter()
            .filter(|e| e.3.is_some())
            .map(|(s, t, o, _)| (s, t, o))
            .collect()
    };
    let own = |s: &str, t: &str, o: &str| (s.to_string(), t.to_string(), o.to_string());
    assert_eq!(
        run_headline(
            "Statement by President Joe Biden on Ukraine",
            Mechanisms::all()
        ),
        vec![
            own("Andrzej Duda", "met-with", "Joe Biden"),
            own("Joe Biden", "supports", "Ukraine"),
            own("Joe Biden", "visited", "Poland"),
        ]
    );
    assert!(
        run_headline(
            "Statement by President Joe Biden on Ukraine",
            Mechanisms::all().without(Mechanism::FirstPerson)
        )
        .is_empty()
    );
    assert!(
        run_headline(
            "Statement by President Joe Biden and Prime Minister Boris Johnson",
            Mechanisms::all()
        )
        .is_empty()
    );
    // "Secretary Blinken's Statement on ...": the statement word right after
    // the one person named signs the headline too; another word does not.
    assert_eq!(
        run_headline(
            "Secretary Antony Blinken\u{2019}s Statement on Ukraine",
            Mechanisms::all()
        ),
        vec![
            own("Andrzej Duda", "met-with", "Antony Blinken"),
            own("Antony Blinken", "supports", "Ukraine"),
            own("Antony Blinken", "visited", "Poland"),
        ]
    );
    assert!(
        run_headline(
            "Secretary Antony Blinken\u{2019}s Statements Tour",
            Mechanisms::all()
        )
        .is_empty()
    );
    // The person named before the topic signs it, whoever the topic names
    // ("... on Ukraine and Call with President Zelenskyy of Ukraine").
    assert_eq!(
        run_headline(
            "Statement by President Joe Biden on Ukraine and Call with President Volodymyr Zelenskyy",
            Mechanisms::all()
        ),
        vec![
            own("Andrzej Duda", "met-with", "Joe Biden"),
            own("Joe Biden", "supports", "Ukraine"),
            own("Joe Biden", "visited", "Poland"),
        ]
    );
    // A spokesperson or press secretary speaks for the government: "I" is
    // nobody's.
    assert!(
        run_headline(
            "Statement by Press Secretary Jen Psaki on Ukraine",
            Mechanisms::all()
        )
        .is_empty()
    );
}

/// In a government's release, "Russia's unprovoked war" makes the release's
/// voice (the publishing state) oppose Russia; in a statement by one
/// person, that person; in a news report nobody; and not when the sentence
/// already names who condemns.
#[test]
fn the_voice_of_a_release_opposes_a_condemned_act() {
    let text = "The United States will continue to support Ukraine against Russia's \
                unprovoked and unjustified war.";
    let voice = |url: Option<&str>, title: &str| -> Vec<(String, String)> {
        run_titled(url, title, text, Mechanisms::all())
            .0
            .into_iter()
            .filter(|e| e.1 == "opposes")
            .map(|(s, _, _, via)| (s, via.unwrap_or_default()))
            .collect()
    };
    assert_eq!(
        voice(Some("https://www.state.gov/x/"), "Release"),
        vec![(
            "United States".to_string(),
            "the text's voice -> United States".to_string()
        )]
    );
    assert_eq!(
        voice(None, "Statement by President Joe Biden on Ukraine"),
        vec![(
            "Joe Biden".to_string(),
            "the text's voice -> Joe Biden".to_string()
        )]
    );
    assert!(voice(None, "Fighting continues").is_empty());
}

/// "U.S. Consultations with A, B and C": a name right before the gathering
/// is a party, and the consultations are one joint meeting.
#[test]
fn qualifier_of_a_gathering_is_a_party() {
    let text = "Statement on U.S. Consultations with Australia, Japan, and New Zealand in \
                Honolulu";
    let (all, _) = run(None, text, Mechanisms::all());
    assert_eq!(
        ends(&all, "met-with"),
        pairs(&[
            ("Australia", "United States"),
            ("Japan", "United States"),
            ("New Zealand", "United States"),
            ("Australia", "Japan"),
            ("Australia", "New Zealand"),
            ("Japan", "New Zealand"),
        ])
    );
}

/// A readout's participant list ("The Leaders that participated:" and one
/// titled name a line) gives the host of the meeting a meeting with each
/// person listed, and with n-ary off, none.
#[test]
fn participants_listed_one_a_line_met_the_host() {
    let text = "Vice President Kamala Harris met virtually today with leaders of the \
                Caribbean.\n\nThe Leaders that participated:\n\nPrime Minister Mia Mottley \
                of Barbados\n\nPrime Minister Andrew Holness of Jamaica\n\nPresident Irfaan \
                Ali of Guyana\n";
    let met = |on: Mechanisms| ends(&run(None, text, on).0, "met-with");
    assert_eq!(
        met(Mechanisms::all()),
        pairs(&[
            ("Kamala Harris", "Mia Mottley"),
            ("Andrew Holness", "Kamala Harris"),
            ("Irfaan Ali", "Kamala Harris"),
        ])
    );
    assert!(met(Mechanisms::all().without(Mechanism::Nary)).is_empty());
}

/// In a transcript of two speakers, "your" is the other speaker; a label
/// that names no one ("QUESTION:") ends the last speaker's turn, so its
/// "I" is nobody's. With the mechanism off, neither resolves.
#[test]
fn your_in_a_transcript_of_two_is_the_other_speaker() {
    let text = "Secretary Blinken met Foreign Minister Landsbergis in Vilnius.\n\nFOREIGN MINISTER LANDSBERGIS: Mr. Secretary, we appreciate your visit to Lithuania.\n\nSECRETARY BLINKEN: Thank you, Gabrielius.\n\nQUESTION: I visited Poland last week.\n";
    let (all, _) = run(None, text, Mechanisms::all());
    let visits: BTreeSet<Edge> = all.iter().filter(|x| x.1 == "visited").cloned().collect();
    // (The meeting in the host's capital is a visit named outright.)
    let named = e("Antony Blinken", "visited", "Vilnius", None);
    let want: BTreeSet<Edge> = [
        e(
            "Antony Blinken",
            "visited",
            "Lithuania",
            Some("\"your\" -> Antony Blinken"),
        ),
        named.clone(),
    ]
    .into_iter()
    .collect();
    assert_eq!(visits, want);
    let (off, _) = run(
        None,
        text,
        Mechanisms::all().without(Mechanism::FirstPerson),
    );
    let off: Vec<Edge> = off.into_iter().filter(|x| x.1 == "visited").collect();
    assert_eq!(off, [named]);
}

/// "condemned the exercises" opposes who threatened with drills or
/// exercises just before (event mechanism); with the mechanism off, or
/// when the threat came from no drills, nobody is opposed.
#[test]
fn condemned_drills_oppose_the_last_drillers() {
    let text = "China carried out large-scale military exercises around Taiwan on Monday. \
                Taiwan condemned the exercises as an unreasonable provocation.";
    let (all, _) = run(None, text, Mechanisms::all());
    let want: BTreeSet<_> = [
        e("China", "threatens", "Taiwan", None),
        e(
            "Taiwan",
            "opposes",
            "China",
            Some("\"the exercises\" -> China"),
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(all, want);
    let off = Mechanisms::all().without(Mechanism::Event);
    assert!(ends(&run(None, text, off).0, "opposes").is_empty());
    let warned = "China warned Taiwan of consequences. Taiwan condemned the exercises.";
    assert!(ends(&run(None, warned, Mechanisms::all()).0, "opposes").is_empty());
}
