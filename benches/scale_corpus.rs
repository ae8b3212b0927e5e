//! A realistic scale corpus (issue 11): articles in JSON Lines whose
//! sentences are real news sentences and whose entities grow the way news
//! entities do.
//!
//! Each real article of the corpus (`../shared/corpus/articles.jsonl`) is
//! read once by the extractor and becomes a template: its headline and body
//! with every mention of an entity slotted out (the name, a state's
//! adjective such as "Russian", or a person's bare surname, each remembered
//! as such). A generated article takes a template and fills each slot with
//! an entity of the same kind, drawn with a Zipf-like frequency from a
//! ranked pool: states, regions and alliances from the gazetteer
//! (`data/gazetteer/`, ranked by how often the corpus names them),
//! organisations named in the corpus followed by generated ones
//! ("Kavoreti Foundation"), and generated people (a given name of
//! `data/gazetteer/given_names.txt` and a generated surname) from a pool of
//! a million. One entity of the template becomes one entity of the
//! article, so a surname still refers back to its full name, and two
//! entities of a template never become one. The pool's tail is only
//! reached by many draws, so the number of nodes keeps growing with the
//! number of articles (as Heaps' law has a vocabulary grow).
//!
//! Deterministic for a seed, streamed to disk one article at a time (only
//! the templates are held). `--check K` extracts the first K generated
//! articles again and prints how many of the planted entities and of the
//! template's edges (their ends renamed) the extractor finds, so a corpus
//! the extractor cannot read shows.
//!
//! Run:
//! `cargo bench --bench scale_corpus -- --articles 100000 --out /tmp/scale-100k.jsonl [--seed 11] [--check 1000] [--corpus PATH]`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use geokg::article::Article;
use geokg::extract::extract;
use geokg::gazetteer::Gazetteer;
use geokg::ontology::Kind;

/// The Zipf exponent of every pool: about 1.4 makes the distinct entities
/// grow as the number of draws to the power 0.7.
const ZIPF_S: f64 = 1.4;
/// How flat the head of each pool is (Zipf-Mandelbrot's q): the busiest
/// state is in most articles, as the United States is in the corpus, while
/// the busiest person is in a few percent of them.
const HEAD_STATES: f64 = 1.0;
const HEAD_REGIONS: f64 = 5.0;
const HEAD_ALLIANCES: f64 = 2.0;
const HEAD_ORGS: f64 = 10.0;
const HEAD_PEOPLE: f64 = 20.0;
/// Generated people and organisations the pools can reach.
const PEOPLE: usize = 1_000_000;
const GENERATED_ORGS: usize = 200_000;

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        ((self.next() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    /// A rank in `0..n`, rank r drawn with weight about `1 / (r + 1 + q)^s`
    /// (Zipf-Mandelbrot: `q` flattens the head; the continuous power law's
    /// inverse, so it costs the same for a pool of any size).
    fn zipf(&mut self, n: usize, q: f64) -> usize {
        let u = self.unit();
        let a = 1.0 - ZIPF_S;
        let lo = (q + 1.0).powf(a);
        let hi = (n as f64 + q + 1.0).powf(a);
        let x = (lo + (hi - lo) * u).powf(1.0 / a);
        ((x - q - 1.0).floor().max(0.0) as usize).min(n - 1)
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How a slot spells its entity.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Form {
    Name,
    /// A state's adjective ("Russian"); `true` for a combining form ("Russian-").
    Adjective(bool),
    /// A person's surname alone.
    Surname,
}

#[derive(Clone, Debug)]
enum Piece {
    Text(String),
    Slot { entity: usize, form: Form },
}

/// One real article with its entities slotted out.
struct Template {
    title: Vec<Piece>,
    body: Vec<Piece>,
    /// The template's entities (slot numbers index this), by kind.
    kinds: Vec<Kind>,
    /// Edges between slotted entities: (source, type, target).
    edges: Vec<(usize, String, usize)>,
    host: String,
    source: Option<String>,
}

/// A drawable entity: its name, and for states their adjectives.
#[derive(Clone, Debug)]
struct Named {
    name: String,
    adjective: Option<String>,
    combining: Option<String>,
}

impl Named {
    fn spell(&self, form: Form) -> String {
        match form {
            Form::Name => self.name.clone(),
            Form::Surname => self
                .name
                .rsplit(' ')
                .next()
                .unwrap_or(&self.name)
                .to_string(),
            Form::Adjective(false) => self.adjective.clone().unwrap_or_else(|| self.name.clone()),
            Form::Adjective(true) => self
                .combining
                .clone()
                .or_else(|| self.adjective.as_ref().map(|a| format!("{a}-")))
                .unwrap_or_else(|| format!("{}-", self.name)),
        }
    }
}

/// Gazetteer rows read straight from `data/gazetteer/`: id -> (kind, name, aliases).
struct GazetteerRows {
    entries: Vec<(String, Kind, String, Vec<String>)>,
    by_id: HashMap<String, usize>,
    /// id -> (adjectives, combining forms)
    demonyms: HashMap<String, (Vec<String>, Vec<String>)>,
}

fn gazetteer_rows(root: &std::path::Path) -> GazetteerRows {
    let mut entries = Vec::new();
    let mut by_id = HashMap::new();
    for (file, kind) in [
        ("states.tsv", Kind::State),
        ("regions.tsv", Kind::Region),
        ("alliances.tsv", Kind::Alliance),
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        for line in text.lines().skip(2) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 || f[0].starts_with('#') {
                continue;
            }
            let aliases = f[3]
                .split('|')
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            by_id.insert(f[0].to_string(), entries.len());
            entries.push((f[0].to_string(), kind, f[2].to_string(), aliases));
        }
    }
    let mut demonyms: HashMap<String, (Vec<String>, Vec<String>)> = HashMap::new();
    let text = std::fs::read_to_string(root.join("demonyms.tsv")).unwrap();
    for line in text.lines().skip(2) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            continue;
        }
        let d = demonyms.entry(f[1].to_string()).or_default();
        match f[2] {
            "adjective" => d.0.push(f[0].to_string()),
            "combining" => d.1.push(f[0].to_string()),
            _ => {}
        }
    }
    GazetteerRows {
        entries,
        by_id,
        demonyms,
    }
}

/// Splits one span of text into literal text and one slot, where the
/// entity's own spelling is found inside it; `None` when none is (the span
/// is then kept as written).
fn slot_span(
    span: &str,
    entity: &geokg::resolve::Entity,
    rows: &GazetteerRows,
) -> Option<(usize, usize, Form)> {
    let mut forms: Vec<(String, Form)> = Vec::new();
    forms.push((entity.name.clone(), Form::Name));
    for a in &entity.aliases {
        forms.push((a.clone(), Form::Name));
    }
    if let Some(i) = rows.by_id.get(&entity.key) {
        let (_, _, name, aliases) = &rows.entries[*i];
        forms.push((name.clone(), Form::Name));
        for a in aliases {
            forms.push((a.clone(), Form::Name));
        }
    }
    if let Some((adj, comb)) = rows.demonyms.get(&entity.key) {
        for a in adj {
            forms.push((a.clone(), Form::Adjective(false)));
        }
        for c in comb {
            forms.push((
                c.trim_end_matches('-').to_string() + "-",
                Form::Adjective(true),
            ));
        }
    }
    if entity.kind == Kind::Person
        && let Some(last) = entity.name.rsplit(' ').next()
        && last != entity.name
    {
        forms.push((last.to_string(), Form::Surname));
    }
    // Longest first, so "United States" wins over "States".
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    for (f, form) in forms {
        if f.is_empty() {
            continue;
        }
        // A form that is a state's adjective or a surname may also be a
        // demonym of the name form: classify what the span holds.
        let form = match form {
            Form::Name
                if rows
                    .demonyms
                    .get(&entity.key)
                    .is_some_and(|(a, _)| a.contains(&f)) =>
            {
                Form::Adjective(false)
            }
            other => other,
        };
        if let Some(at) = span.find(&f) {
            // Only whole words.
            let before = span[..at].chars().next_back();
            let after = span[at + f.len()..].chars().next();
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
            if !word(before) && (form == Form::Adjective(true) || !word(after)) {
                return Some((at, at + f.len(), form));
            }
        }
    }
    None
}

/// Pieces of `text` with the mentions slotted out; `slot_of` maps an
/// entity key to its slot number (grown as new keys appear).
fn pieces(
    text: &str,
    mentions: &[(usize, usize, usize)],
    entities: &[geokg::resolve::Entity],
    rows: &GazetteerRows,
    slot_of: &mut HashMap<String, usize>,
    kinds: &mut Vec<Kind>,
) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut sorted = mentions.to_vec();
    sorted.sort_by_key(|m| m.1);
    for (e, start, end) in sorted {
        if start < at {
            continue;
        }
        let (Some(span), Some(entity)) = (text.get(start..end), entities.get(e)) else {
            continue;
        };
        let Some((a, b, form)) = slot_span(span, entity, rows) else {
            continue;
        };
        let n = slot_of.len();
        let slot = *slot_of.entry(entity.key.clone()).or_insert(n);
        if slot == kinds.len() {
            kinds.push(entity.kind);
        }
        out.push(Piece::Text(text[at..start + a].to_string()));
        out.push(Piece::Slot { entity: slot, form });
        at = start + b;
    }
    out.push(Piece::Text(text[at..].to_string()));
    out
}

fn templates(
    corpus: &std::path::Path,
    g: &Gazetteer,
    rows: &GazetteerRows,
    c: &mut Counts,
) -> Vec<Template> {
    let file = BufReader::new(File::open(corpus).unwrap());
    let mut out = Vec::new();
    for line in file.lines() {
        let line = line.unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(String::from);
        let article = Article {
            key: s("url").unwrap_or_default(),
            label: s("id").unwrap_or_default(),
            title: s("title").unwrap_or_default(),
            date: s("date"),
            url: s("url"),
            source: s("source"),
            body: s("text").unwrap_or_default(),
        };
        let x = extract(&article, g);
        for e in &x.entities {
            if e.kind == Kind::Organization {
                *c.orgs.entry(e.name.clone()).or_default() += 1;
            } else {
                *c.known.entry(e.key.clone()).or_default() += 1;
            }
        }
        let head = extract(&Article::from_body("headline", &article.title), g);
        let mut slot_of = HashMap::new();
        let mut kinds = Vec::new();
        let body = pieces(
            &article.body,
            &x.mentions,
            &x.entities,
            rows,
            &mut slot_of,
            &mut kinds,
        );
        let title = pieces(
            &article.title,
            &head.mentions,
            &head.entities,
            rows,
            &mut slot_of,
            &mut kinds,
        );
        let edges = x
            .distinct_relations()
            .iter()
            .filter_map(|r| {
                let s = slot_of.get(&x.entities[r.source].key)?;
                let t = slot_of.get(&x.entities[r.target].key)?;
                (!r.is_flagged()).then(|| (*s, r.edge.as_str().to_string(), *t))
            })
            .collect();
        let url = article.url.clone().unwrap_or_default();
        let host = url
            .split('/')
            .take(3)
            .collect::<Vec<_>>()
            .join("/")
            .trim_end_matches('/')
            .to_string();
        out.push(Template {
            title,
            body,
            kinds,
            edges,
            host: if host.is_empty() {
                "https://scale.invalid".into()
            } else {
                host
            },
            source: article.source.clone(),
        });
    }
    out
}

/// The pools of one kind, most frequent first.
struct Pools {
    states: Vec<Named>,
    regions: Vec<Named>,
    alliances: Vec<Named>,
    orgs: Vec<Named>,
    given: Vec<String>,
}

const ONSETS: [&str; 20] = [
    "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr",
    "st", "tr",
];
const VOWELS: [&str; 6] = ["a", "e", "i", "o", "u", "ai"];
const ENDINGS: [&str; 8] = ["", "n", "r", "s", "v", "enko", "ova", "ez"];
const ORG_HEADS: [&str; 6] = [
    "Foundation",
    "Institute",
    "Movement",
    "Group",
    "Party",
    "Company",
];

/// A generated surname, distinct for every rank below 120^3.
fn surname(rank: usize) -> String {
    let mut r = (rank as u64).wrapping_mul(1_000_003) % 1_728_000;
    let mut s = String::new();
    for _ in 0..3 {
        let syl = (r % 120) as usize;
        r /= 120;
        s.push_str(ONSETS[syl % 20]);
        s.push_str(VOWELS[syl / 20]);
    }
    s.push_str(ENDINGS[(mix(rank as u64) % 8) as usize]);
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

impl Pools {
    fn draw(&self, kind: Kind, rng: &mut Rng) -> (String, Named) {
        let pick = |v: &[Named], rng: &mut Rng, tag: &str, q: f64| {
            let r = rng.zipf(v.len(), q);
            (format!("{tag}{r}"), v[r].clone())
        };
        match kind {
            Kind::State => pick(&self.states, rng, "s", HEAD_STATES),
            Kind::Region => pick(&self.regions, rng, "r", HEAD_REGIONS),
            Kind::Alliance => pick(&self.alliances, rng, "a", HEAD_ALLIANCES),
            Kind::Organization => {
                let r = rng.zipf(self.orgs.len() + GENERATED_ORGS, HEAD_ORGS);
                let named = self.orgs.get(r).cloned().unwrap_or_else(|| Named {
                    name: format!(
                        "{} {}",
                        surname(PEOPLE + r),
                        ORG_HEADS[(mix(r as u64) % ORG_HEADS.len() as u64) as usize]
                    ),
                    adjective: None,
                    combining: None,
                });
                (format!("o{r}"), named)
            }
            Kind::Person => {
                let r = rng.zipf(PEOPLE, HEAD_PEOPLE);
                let given =
                    &self.given[(mix(r as u64 ^ 0x5eed) % self.given.len() as u64) as usize];
                (
                    format!("p{r}"),
                    Named {
                        name: format!("{given} {}", surname(r)),
                        adjective: None,
                        combining: None,
                    },
                )
            }
        }
    }
}

fn pools(root: &std::path::Path, rows: &GazetteerRows, counts: &Counts) -> Pools {
    let named = |i: usize| {
        let (id, _, name, _) = &rows.entries[i];
        let d = rows.demonyms.get(id);
        Named {
            name: name.clone(),
            adjective: d.and_then(|d| d.0.first().cloned()),
            combining: d.and_then(|d| d.1.first().cloned()),
        }
    };
    let ranked = |kind: Kind| {
        let mut ids: Vec<usize> = (0..rows.entries.len())
            .filter(|&i| rows.entries[i].1 == kind)
            .collect();
        // By how often the corpus names them, then in file order.
        ids.sort_by_key(|&i| {
            std::cmp::Reverse(counts.known.get(&rows.entries[i].0).copied().unwrap_or(0))
        });
        ids.into_iter().map(named).collect::<Vec<_>>()
    };
    let given_text = std::fs::read_to_string(root.join("given_names.txt")).unwrap();
    let given = given_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut c = l.trim().chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    let mut orgs: Vec<(&String, &usize)> = counts.orgs.iter().collect();
    orgs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    Pools {
        states: ranked(Kind::State),
        regions: ranked(Kind::Region),
        alliances: ranked(Kind::Alliance),
        orgs: orgs
            .into_iter()
            .map(|(n, _)| Named {
                name: n.clone(),
                adjective: None,
                combining: None,
            })
            .collect(),
        given,
    }
}

/// How often the corpus names each gazetteer entity, and each organisation.
#[derive(Default)]
struct Counts {
    known: HashMap<String, usize>,
    orgs: HashMap<String, usize>,
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// One generated article, and what was planted in it.
struct Generated {
    json: String,
    title: String,
    body: String,
    planted: Vec<String>,
    edges: Vec<(String, String, String)>,
}

fn generate(i: usize, n: usize, seed: u64, t: &[Template], p: &Pools) -> Generated {
    let mut rng = Rng(mix(seed ^ mix(i as u64)));
    let tpl = &t[rng.below(t.len())];
    let mut chosen: Vec<Named> = Vec::with_capacity(tpl.kinds.len());
    let mut taken = HashSet::new();
    for &kind in &tpl.kinds {
        let mut pick = p.draw(kind, &mut rng);
        for _ in 0..16 {
            if !taken.contains(&pick.0) && !taken.contains(&pick.1.name) {
                break;
            }
            pick = p.draw(kind, &mut rng);
        }
        taken.insert(pick.0);
        taken.insert(pick.1.name.clone());
        chosen.push(pick.1);
    }
    let fill = |pieces: &[Piece]| {
        let mut s = String::new();
        for piece in pieces {
            match piece {
                Piece::Text(x) => s.push_str(x),
                Piece::Slot { entity, form } => s.push_str(&chosen[*entity].spell(*form)),
            }
        }
        s
    };
    let title = fill(&tpl.title);
    let body = fill(&tpl.body);
    // Ten years of news, in input order.
    let day = 16_436 + (i as i64 * 3_650) / n.max(1) as i64;
    let json = serde_json::json!({
        "id": format!("scale-{i}"),
        "title": title,
        "date": date(day),
        "url": format!("{}/scale/{seed}/{i}", tpl.host),
        "source": tpl.source,
        "text": body,
    })
    .to_string();
    let planted = chosen.iter().map(|c| c.name.clone()).collect();
    let edges = tpl
        .edges
        .iter()
        .map(|(s, e, t)| (chosen[*s].name.clone(), e.clone(), chosen[*t].name.clone()))
        .collect();
    Generated {
        json,
        title,
        body,
        planted,
        edges,
    }
}

fn main() {
    let mut articles = 10_000usize;
    let mut out: Option<PathBuf> = None;
    let mut seed = 11u64;
    let mut check = 0usize;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut corpus = root.join("../shared/corpus/articles.jsonl");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--articles" => {
                articles = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--articles N")
            }
            "--out" => out = args.next().map(PathBuf::from),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed N"),
            "--check" => check = args.next().and_then(|v| v.parse().ok()).expect("--check K"),
            "--corpus" => corpus = args.next().map(PathBuf::from).expect("--corpus PATH"),
            "--bench" => {}
            other => panic!("unknown argument {other}; see the file's header"),
        }
    }
    let start = Instant::now();
    let g = Gazetteer::builtin().unwrap();
    let rows = gazetteer_rows(&root.join("data/gazetteer"));
    let mut c = Counts::default();
    let t = templates(&corpus, &g, &rows, &mut c);
    let p = pools(&root.join("data/gazetteer"), &rows, &c);
    let slots: usize = t.iter().map(|t| t.kinds.len()).sum();
    let edges: usize = t.iter().map(|t| t.edges.len()).sum();
    eprintln!(
        "{} templates ({slots} entity slots, {edges} edges between slots); pools: {} states, {} regions, {} alliances, {} + {GENERATED_ORGS} organisations, {PEOPLE} people; {:.1} s",
        t.len(),
        p.states.len(),
        p.regions.len(),
        p.alliances.len(),
        p.orgs.len(),
        start.elapsed().as_secs_f64()
    );
    if let Some(path) = &out {
        let start = Instant::now();
        let mut w = BufWriter::with_capacity(1 << 20, File::create(path).unwrap());
        let mut bytes = 0usize;
        for i in 0..articles {
            let a = generate(i, articles, seed, &t, &p);
            bytes += a.body.len();
            w.write_all(a.json.as_bytes()).unwrap();
            w.write_all(b"\n").unwrap();
        }
        w.flush().unwrap();
        eprintln!(
            "wrote {articles} articles ({:.1} MB of body text) to {} in {:.1} s",
            bytes as f64 / 1e6,
            path.display(),
            start.elapsed().as_secs_f64()
        );
    }
    if check > 0 {
        check_sample(check.min(articles), articles, seed, &t, &p, &g);
    }
}

/// Extracts the first `k` generated articles and prints the share of the
/// planted entities and of the template's edges found.
fn check_sample(k: usize, n: usize, seed: u64, t: &[Template], p: &Pools, g: &Gazetteer) {
    let (mut planted, mut found, mut edges, mut edges_found) = (0, 0, 0, 0);
    // `represents` edges often come from what the gazetteer knows of a
    // real office holder, which a generated person does not inherit.
    let (mut acts, mut acts_found) = (0, 0);
    let mut nodes = HashSet::new();
    let mut all_edges = HashSet::new();
    for i in 0..k {
        let a = generate(i, n, seed, t, p);
        let article = Article {
            key: format!("scale-{i}"),
            label: format!("scale-{i}"),
            title: a.title.clone(),
            date: None,
            url: None,
            source: None,
            body: a.body.clone(),
        };
        let x = extract(&article, g);
        let names: HashSet<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
        let mut seen = HashSet::new();
        for name in &a.planted {
            if seen.insert(name)
                && (a.title.contains(name.as_str()) || a.body.contains(name.as_str()))
            {
                planted += 1;
                found += usize::from(names.contains(name.as_str()));
            }
        }
        let got: HashSet<(&str, &str, &str)> = x
            .distinct_relations()
            .iter()
            .map(|r| {
                (
                    x.entities[r.source].name.as_str(),
                    r.edge.as_str(),
                    x.entities[r.target].name.as_str(),
                )
            })
            .collect();
        for (s, e, t) in &a.edges {
            edges += 1;
            let hit = got.contains(&(s.as_str(), e.as_str(), t.as_str()));
            edges_found += usize::from(hit);
            if e != "represents" {
                acts += 1;
                acts_found += usize::from(hit);
            }
            if !hit && std::env::var_os("SCALE_DEBUG").is_some() {
                eprintln!("missed {i}: {s} {e} {t}");
            }
        }
        for e in &x.entities {
            nodes.insert(e.key.clone());
        }
        for (s, e, t) in got {
            all_edges.insert((s.to_string(), e, t.to_string()));
        }
    }
    println!(
        "check of the first {k} articles: planted entities found {found}/{planted} ({:.1}%), template edges found {edges_found}/{edges} ({:.1}%), other than represents {acts_found}/{acts} ({:.1}%); {} distinct entities, {} distinct edges extracted",
        100.0 * found as f64 / planted.max(1) as f64,
        100.0 * edges_found as f64 / edges.max(1) as f64,
        100.0 * acts_found as f64 / acts.max(1) as f64,
        nodes.len(),
        all_edges.len()
    );
}
