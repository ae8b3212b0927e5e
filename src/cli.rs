//! Command-line types (clap derive). Only argument shapes and help live
//! here; validation happens as the values parse, before any work starts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::discourse::Mechanism;
use crate::ontology::{EdgeType, Kind};

/// Turn news articles into a geopolitical knowledge graph: who met, claims,
/// opposes, sanctions or attacks whom, with the sentence that says so.
#[derive(Debug, Parser)]
#[command(name = "geokg", version, about)]
pub struct Cli {
    /// The database file [default: geokg.db in the working directory], or a
    /// PostgreSQL database as postgres://USER@HOST/DBNAME.
    #[arg(long, global = true, env = "GEOKG_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Seconds a command waits for another geokg writing to the same
    /// database before giving up (0 to 86400).
    #[arg(long, global = true, default_value_t = 60, value_name = "SECONDS", value_parser = parse_wait)]
    pub wait: u64,

    /// Extra gazetteer file(s) in the formats of data/README.md, loaded after the built-in data.
    #[arg(long = "gazetteer", global = true, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles (files, folders, '-' for stdin) into the database.
    ///
    /// Identity: an article with a source address (the third line of the
    /// evaluation format, `url` in JSON Lines) is that address, and a changed
    /// text at the same address replaces the stored one; an article without
    /// one is identified by its content, so the same text from any path is
    /// stored once and two different texts never replace each other. File
    /// names, `-` and the JSON Lines `id` are only labels for output.
    /// Unchanged articles are recognised by their hash and not extracted
    /// again. Several ingests into one database take turns (see --wait).
    #[command(verbatim_doc_comment)]
    Ingest {
        /// Files (.txt articles, .jsonl), folders (walked recursively; links
        /// followed, a link back into the walk reported and skipped) or '-'.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Articles per transaction (1 to 100000; default: 2000 on SQLite,
        /// 200 on PostgreSQL, whose concurrent writers retry a conflicting
        /// batch whole).
        #[arg(long, value_parser = bounded::<1, 100_000>)]
        batch: Option<usize>,
        /// Threads that extract articles (1 to 256; default: the number of
        /// cores). One writer stores them in input order, so the database
        /// is the same whatever the number.
        #[arg(long, value_parser = bounded::<1, 256>)]
        jobs: Option<usize>,
        /// Do not store the articles' bodies, only the sentences that
        /// evidence is read from (each once): a smaller database whose
        /// outputs are the same. Corrections that read an article again
        /// (split, alias add, curation undo) then refuse, naming the
        /// article; ingesting it again without --no-bodies stores its body.
        #[arg(long)]
        no_bodies: bool,
        /// When stderr is not a terminal (a log file, a pipe), print a
        /// progress line every this many seconds (0 to 3600; 0: after every
        /// article).
        #[arg(long, default_value_t = 5, value_name = "SECONDS", value_parser = parse_progress)]
        progress_every: u64,
        /// The summary: one line on stderr (table), or one JSON object on
        /// stdout with the counts, each failure's file, line and message,
        /// and the elapsed seconds (json).
        #[arg(long, value_enum, default_value_t = IngestFormat::Table)]
        format: IngestFormat,
    },
    /// Extract one article and print its entities and relations (no database).
    Extract {
        /// The article.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// Only evidence at least this confident, 0 to 1 (an edge through a
        /// resolved reference such as "the Secretary" or "they" scores lower).
        #[arg(long, value_parser = parse_confidence)]
        min_confidence: Option<f64>,
        /// Who decides the relations.
        #[command(flatten)]
        finder: FinderArgs,
    },
    /// List entities.
    Entities {
        /// Only this kind.
        #[arg(long, value_parser = parse_kind)]
        kind: Option<Kind>,
        /// Only names or aliases containing this text.
        #[arg(long = "match", value_name = "TEXT")]
        matching: Option<String>,
        /// Only people named by one word that no full name absorbed, with
        /// the full names in the graph that share it as surname.
        #[arg(long, conflicts_with_all = ["kind", "matching"])]
        unresolved: bool,
        /// At most this many entities, most articles first (0: all); how
        /// many more match is said after them.
        #[arg(long, value_name = "N", default_value_t = 100)]
        limit: usize,
        /// Skip this many entities first (the next page).
        #[arg(long, value_name = "N", default_value_t = 0)]
        offset: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// List relations with their evidence.
    Relations {
        /// Only edges from this entity (any name or alias).
        #[arg(long)]
        from: Option<String>,
        /// Only edges to this entity.
        #[arg(long)]
        to: Option<String>,
        /// Only these edge types (repeatable).
        #[arg(long = "type", value_parser = parse_type)]
        types: Vec<EdgeType>,
        /// Only evidence from articles dated on or after (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        since: Option<String>,
        /// Only evidence from articles dated on or before (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        until: Option<String>,
        /// The graph as it stood on this date: evidence from articles
        /// dated on or before it (the same as --until).
        #[arg(long, value_parser = parse_date, conflicts_with = "until")]
        as_of: Option<String>,
        /// Also list negated and hypothetical statements.
        #[arg(long)]
        all: bool,
        /// Only evidence at least this confident, 0 to 1 (an edge through a
        /// resolved reference such as "the Secretary" or "they" scores lower).
        #[arg(long, value_parser = parse_confidence)]
        min_confidence: Option<f64>,
        /// Pieces of evidence per edge in JSON output, earliest first (0: all);
        /// `evidence_total` gives the count.
        #[arg(long, value_name = "N", default_value_t = 3)]
        evidence: usize,
        /// At most this many edges, most articles first (0: all); how many
        /// more match is said after them.
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: usize,
        /// Skip this many edges first (the next page).
        #[arg(long, value_name = "N", default_value_t = 0)]
        offset: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Show one entity: kind, aliases, members, and its edges in and out with evidence.
    Show {
        /// Any name or alias ("putin", "the Kremlin", "Kharkov").
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Only evidence at least this confident, 0 to 1 (an edge through a
        /// resolved reference such as "the Secretary" or "they" scores lower).
        #[arg(long, value_parser = parse_confidence)]
        min_confidence: Option<f64>,
        /// Only evidence from articles dated on or after (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        since: Option<String>,
        /// Only evidence from articles dated on or before (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        until: Option<String>,
        /// The entity's edges as they stood on this date: evidence from
        /// articles dated on or before it (the same as --until).
        #[arg(long, value_parser = parse_date, conflicts_with = "until")]
        as_of: Option<String>,
        /// Pieces of evidence shown per edge, earliest first (0: all); how
        /// many more there are is said.
        #[arg(long, value_name = "N", default_value_t = 3)]
        evidence: usize,
        /// At most this many edges, in and out together, most articles
        /// first (0: all); how many more there are is said after them.
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: usize,
        /// Skip this many edges first (the next page).
        #[arg(long, value_name = "N", default_value_t = 0)]
        offset: usize,
    },
    /// Export the graph as DOT, node-link JSON, GraphML, GEXF, the Neo4j import CSV pair or events.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Dot)]
        format: ExportFormat,
        /// Output file [default: stdout]; for csv a folder (required, created if missing).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Graph filters.
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Draw the graph to SVG, PNG or PDF (by extension); on big graphs use --top.
    Render {
        /// Output picture (.svg, .png or .pdf).
        #[arg(long)]
        out: PathBuf,
        /// Renderer: Graphviz when installed (auto), or one of them.
        #[arg(long, value_enum, default_value_t = EngineArg::Auto)]
        engine: EngineArg,
        /// Graphviz layout program; auto is dot up to 120 nodes and 150 edges, else sfdp.
        #[arg(long, default_value = "auto", value_parser = ["auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi"])]
        layout: String,
        /// Graph filters.
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// The shortest paths between two entities, hop by hop with evidence.
    ///
    /// All paths of the shortest length (up to --limit), each hop with its
    /// edges' type, direction, articles, first and last dates and one
    /// evidence sentence. Edges are walked in either direction. No path
    /// within --max-hops is said on stderr (exit 0, like any empty answer).
    Path {
        /// The first entity (any name, alias or id such as state/RUS).
        from: String,
        /// The second entity.
        to: String,
        /// Longest path looked for, in hops (1 to 10).
        #[arg(long, default_value_t = 4, value_parser = bounded::<1, 10>)]
        max_hops: usize,
        /// Most paths listed (1 to 1000).
        #[arg(long, default_value_t = 10, value_parser = bounded::<1, 1000>)]
        limit: usize,
        /// Only edges of these types (repeatable).
        #[arg(long = "type", value_parser = parse_type)]
        types: Vec<EdgeType>,
        /// Dates and confidence.
        #[command(flatten)]
        period: PeriodArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// The entities around one, with their distance, and the edges among them.
    Neighbors {
        /// The entity (any name, alias or id).
        name: String,
        /// Hops (1 to 5).
        #[arg(long, default_value_t = 1, value_parser = bounded::<1, 5>)]
        depth: usize,
        /// Only edges of these types (repeatable).
        #[arg(long = "type", value_parser = parse_type)]
        types: Vec<EdgeType>,
        /// Only through and to entities of these kinds (repeatable; the
        /// entity asked about is always kept).
        #[arg(long = "kind", value_parser = parse_kind)]
        kinds: Vec<Kind>,
        /// Dates and confidence.
        #[command(flatten)]
        period: PeriodArgs,
        /// Output format (csv: one row per entity, then one per edge,
        /// told apart by the first column).
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Who matters: entities ranked by degree, PageRank, betweenness or articles.
    ///
    /// On the graph of the asked types and dates; docs/QUERIES.md says how
    /// each measure reads the directed and symmetric edges and their counts.
    Top {
        /// The measure to rank by.
        #[arg(long, value_enum, default_value_t = TopBy::Degree)]
        by: TopBy,
        /// Only rank entities of these kinds (repeatable); the measures are
        /// still computed on the whole graph.
        #[arg(long = "kind", value_parser = parse_kind)]
        kinds: Vec<Kind>,
        /// Only edges of these types (repeatable).
        #[arg(long = "type", value_parser = parse_type)]
        types: Vec<EdgeType>,
        /// Dates and confidence.
        #[command(flatten)]
        period: PeriodArgs,
        /// How many (1 to 1000000).
        #[arg(short = 'n', long = "limit", default_value_t = 20, value_parser = bounded::<1, 1_000_000>)]
        n: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Groups of entities that act together.
    ///
    /// Label propagation over cooperation ties (met-with, cooperates-with,
    /// supports, member-of, represents), conflict ties counting against;
    /// deterministic (docs/QUERIES.md).
    Communities {
        /// Dates and confidence.
        #[command(flatten)]
        period: PeriodArgs,
        /// Output format (table and csv: one row per member).
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// An entity's edges in article date order, one line per edge and article.
    ///
    /// Each line says which article of that edge it is (nth), so one reads
    /// a relation start, grow and end.
    Timeline {
        /// The entity (any name, alias or id).
        name: String,
        /// Only edges of these types (repeatable).
        #[arg(long = "type", value_parser = parse_type)]
        types: Vec<EdgeType>,
        /// Dates and confidence.
        #[command(flatten)]
        period: PeriodArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Edges that appeared, disappeared, grew or weakened between two periods.
    ///
    /// The period up to --before against the period from --after; --since
    /// and --until bound their outer ends, so two ranges can be given:
    /// --since A --before B --after C --until D.
    Diff {
        /// Last date of the first period.
        #[arg(long, value_parser = parse_date)]
        before: String,
        /// First date of the second period.
        #[arg(long, value_parser = parse_date)]
        after: String,
        /// Only edges of these types (repeatable).
        #[arg(long = "type", value_parser = parse_type)]
        types: Vec<EdgeType>,
        /// Dates and confidence.
        #[command(flatten)]
        period: PeriodArgs,
        /// Also list edges whose support did not change.
        #[arg(long)]
        all: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Why the graph holds an edge: every evidence sentence and where it came from.
    ///
    /// Each with its article, address, date, confidence, the rule that
    /// made it and how a reference was resolved (via); negated and
    /// hypothetical statements are listed and flagged.
    Explain {
        /// The source entity.
        source: String,
        /// The edge type (met-with, opposes, ...).
        #[arg(value_parser = parse_type)]
        edge: EdgeType,
        /// The target entity.
        target: String,
        /// Dates and confidence.
        #[command(flatten)]
        period: PeriodArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Two nodes are one thing: B's aliases, mentions and edges go to A, now and after every ingest.
    ///
    /// Edges that become one combine their evidence; edges between the
    /// two go. A new article naming B lands on A. docs/CURATION.md.
    Merge {
        /// The entity that stays (any name, alias or id).
        #[arg(value_name = "A")]
        into: String,
        /// The entity merged into it.
        #[arg(value_name = "B")]
        from: String,
        /// Who and how to print.
        #[command(flatten)]
        curate: CurateArgs,
    },
    /// Undo a wrong merge: the mentions of X written NAME become their own entity.
    ///
    /// The alias NAME, the mentions of X so written and the evidence read
    /// from them move to an entity of id KIND/slug-of-NAME (created when
    /// missing), now and after every ingest. docs/CURATION.md says which
    /// evidence moves.
    Split {
        /// The entity (any name, alias or id).
        #[arg(value_name = "X")]
        name: String,
        /// The alias that names another entity.
        #[arg(long, value_name = "NAME")]
        alias: String,
        /// The new entity's kind [default: the entity's].
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// Who and how to print.
        #[command(flatten)]
        curate: CurateArgs,
    },
    /// Add or remove a name of an entity, now and after every ingest.
    Alias {
        /// add or remove.
        #[command(subcommand)]
        action: AliasAction,
    },
    /// Change an entity's kind (person, state, region, alliance, organization).
    Retype {
        /// The entity (any name, alias or id).
        #[arg(value_name = "X")]
        name: String,
        /// The new kind.
        #[arg(value_name = "KIND")]
        kind: String,
        /// Who and how to print.
        #[command(flatten)]
        curate: CurateArgs,
    },
    /// An edge is wrong: hide it from every query, export and render.
    ///
    /// Its evidence is kept; `explain` still lists it, flagged rejected.
    /// Re-ingesting the article keeps it hidden.
    Reject {
        /// The source entity.
        #[arg(value_name = "A")]
        source: String,
        /// The edge type (met-with, opposes, ...).
        #[arg(value_name = "TYPE")]
        edge: String,
        /// The target entity.
        #[arg(value_name = "B")]
        target: String,
        /// Who and how to print.
        #[command(flatten)]
        curate: CurateArgs,
    },
    /// The corrections made: list, undo, export to a review file, import one.
    Curation {
        /// What to do.
        #[command(subcommand)]
        action: CurationAction,
    },
    /// Serve a web page over the database: search, neighbourhoods drawn as
    /// the DOT export draws them, cards, evidence, filters, paths, exports.
    ///
    /// Reads the database only. Serves on 127.0.0.1 unless --bind says
    /// otherwise; stops on Ctrl-C. The JSON API is in docs/SERVE.md.
    Serve {
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on; anything but a loopback address lets other
        /// machines read the graph.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the page in the desktop's browser.
        #[arg(long)]
        open: bool,
    },
    /// Copy a whole graph into a new, empty database: SQLite to
    /// PostgreSQL or back (or to another file), every row with its ids and
    /// aggregates, in one transaction, then verified by counting each
    /// table's rows in both. The corrections go with it, as recorded.
    Copy {
        /// The database to read: a file or a postgres:// address.
        #[arg(long, value_name = "DB")]
        from: PathBuf,
        /// The database to write, created when missing, holding no graph.
        #[arg(long, value_name = "DB")]
        to: PathBuf,
    },
    /// Score the extractor on a set (articles/ and gold/) as score.py does.
    Eval {
        /// The set folder.
        set: PathBuf,
        /// List misses and false hits per article.
        #[arg(long)]
        verbose: bool,
        /// Write every figure as JSON to this file.
        #[arg(long)]
        json: Option<PathBuf>,
        /// Switch off a discourse mechanism (repeatable), or "each" to score
        /// with each one off in turn and print what each adds.
        #[arg(long, value_name = "MECHANISM", value_parser = parse_ablation)]
        ablate: Vec<Ablation>,
        /// Who decides the relations.
        #[command(flatten)]
        finder: FinderArgs,
    },
    /// Train the statistical relation scorer on annotated sets (folders
    /// with articles/ and gold/, as `eval` reads them) and write the model.
    Train {
        /// The sets to learn from.
        #[arg(required = true)]
        sets: Vec<PathBuf>,
        /// The model file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Choose the decision threshold on this set (scored with the rules
        /// and the model together); without it the threshold is 0.5.
        #[arg(long, value_name = "SET")]
        tune: Option<PathBuf>,
        /// Passes over the examples.
        #[arg(long, value_name = "N", default_value_t = 12)]
        epochs: usize,
    },
}

/// Who decides the relations: the rules, the statistical scorer, or both.
#[derive(Debug, Clone, Args)]
pub struct FinderArgs {
    /// The relation finder.
    #[arg(long, value_enum, default_value_t = FinderChoice::Rules)]
    pub finder: FinderChoice,
    /// The scorer's model file (default: the built-in one); for
    /// `--finder model` and `--finder both`.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// `--finder`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FinderChoice {
    /// The hand-written rules.
    Rules,
    /// The statistical scorer alone.
    Model,
    /// The rules, and the scorer's edges where the rules read none.
    Both,
}

/// Who makes a correction, and the output format.
#[derive(Debug, Args, Clone)]
pub struct CurateArgs {
    /// Who makes the correction [default: $USER].
    #[arg(long, env = "USER", value_name = "NAME", hide_env_values = true)]
    pub user: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

impl CurateArgs {
    /// The user recorded: --user, $USER, else "unknown".
    pub fn user(&self) -> String {
        self.user
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .unwrap_or("unknown")
            .to_string()
    }
}

/// `alias add|remove`.
#[derive(Debug, Subcommand)]
pub enum AliasAction {
    /// NAME names X: mentions so written, now and in later articles, land on X.
    Add {
        /// The entity (any name, alias or id).
        #[arg(value_name = "X")]
        name: String,
        /// The new name.
        #[arg(value_name = "NAME")]
        alias: String,
        /// Who and how to print.
        #[command(flatten)]
        curate: CurateArgs,
    },
    /// NAME does not name X (its mentions stay on X; split moves them).
    Remove {
        /// The entity (any name, alias or id).
        #[arg(value_name = "X")]
        name: String,
        /// The name to remove.
        #[arg(value_name = "NAME")]
        alias: String,
        /// Who and how to print.
        #[command(flatten)]
        curate: CurateArgs,
    },
}

/// `curation list|undo|export|import`.
#[derive(Debug, Subcommand)]
pub enum CurationAction {
    /// Every correction: id, user, time, command, what it says, status
    /// (active, stale: its entity is gone, undone).
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Undo correction N: the graph returns to what it would be without it.
    Undo {
        /// The correction's id (see `curation list`).
        #[arg(value_name = "N")]
        id: i64,
        /// Who and how to print.
        #[command(flatten)]
        curate: CurateArgs,
    },
    /// Write the corrections (not undone) as a tab-separated review file.
    Export {
        /// Output file [default: stdout].
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Apply a review file's corrections; those already recorded are skipped.
    Import {
        /// The file `curation export` wrote.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
}

/// Filters shared by export and render. Type and date filters pick the
/// evidence; kind, count, around and top then cut the graph, in that order.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Keep the neighbourhood of this entity.
    #[arg(long)]
    pub around: Option<String>,
    /// Hops around --around (1 to 100).
    #[arg(long, default_value_t = 1, value_parser = bounded::<1, 100>)]
    pub depth: usize,
    /// Only these edge types (repeatable).
    #[arg(long = "type", value_parser = parse_type)]
    pub types: Vec<EdgeType>,
    /// Only nodes of these kinds (repeatable).
    #[arg(long = "kind", value_parser = parse_kind)]
    pub kinds: Vec<Kind>,
    /// Only evidence from articles dated on or after (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<String>,
    /// Only evidence from articles dated on or before (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub until: Option<String>,
    /// The graph as it stood on this date: evidence from articles dated on
    /// or before it (the same as --until).
    #[arg(long, value_parser = parse_date, conflicts_with = "until")]
    pub as_of: Option<String>,
    /// Draw what changed between the period up to --before and the period
    /// from --after: new edges green and bold, gone ones grey and dashed,
    /// grown ones bold, weakened ones dotted, labelled with their articles
    /// before and after.
    #[arg(long, requires_all = ["before", "after"])]
    pub diff: bool,
    /// With --diff: last date of the first period.
    #[arg(long, value_parser = parse_date, requires = "diff")]
    pub before: Option<String>,
    /// With --diff: first date of the second period.
    #[arg(long, value_parser = parse_date, requires = "diff")]
    pub after: Option<String>,
    /// Drop edges supported by fewer articles (1 to 1000000).
    #[arg(long, default_value_t = 1, value_parser = bounded::<1, 1_000_000>)]
    pub min_count: usize,
    /// Only evidence at least this confident, 0 to 1 (an edge through a
    /// resolved reference such as "the Secretary" or "they" scores lower).
    #[arg(long, value_parser = parse_confidence)]
    pub min_confidence: Option<f64>,
    /// Keep the N most connected nodes (by supporting articles) that are
    /// joined to one another (1 to 1000000). With --around: the N entities
    /// nearest it, hop by hop up to --depth, within a hop those joined by
    /// the busiest edge (most articles) first, and the edges among them.
    #[arg(long, value_parser = bounded::<1, 1_000_000>)]
    pub top: Option<usize>,
    /// Group people and regions under their state (DOT).
    #[arg(long, value_parser = ["state"])]
    pub cluster: Option<String>,
}

impl FilterArgs {
    /// The end of the period: --until or --as-of.
    pub fn until(&self) -> Option<String> {
        self.until.clone().or_else(|| self.as_of.clone())
    }
}

/// Article dates and evidence confidence, shared by every query.
#[derive(Debug, Args, Clone, Default)]
pub struct PeriodArgs {
    /// Only evidence from articles dated on or after (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<String>,
    /// Only evidence from articles dated on or before (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub until: Option<String>,
    /// The graph as it stood on this date: evidence from articles dated on
    /// or before it (the same as --until).
    #[arg(long, value_parser = parse_date, conflicts_with = "until")]
    pub as_of: Option<String>,
    /// Only evidence at least this confident, 0 to 1 (an edge through a
    /// resolved reference such as "the Secretary" or "they" scores lower).
    #[arg(long, value_parser = parse_confidence)]
    pub min_confidence: Option<f64>,
}

impl PeriodArgs {
    /// The end of the period: --until or --as-of.
    pub fn until(&self) -> Option<String> {
        self.until.clone().or_else(|| self.as_of.clone())
    }
}

/// `top --by`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TopBy {
    /// Distinct entities joined by any edge.
    Degree,
    /// PageRank over directed edges weighted by supporting articles.
    Pagerank,
    /// Betweenness over the undirected graph.
    Betweenness,
    /// Distinct articles supporting the entity's edges.
    Articles,
}

/// `extract` output.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    /// ONTOLOGY.md's system-output JSON.
    Json,
}

/// Query output.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TableFormat {
    /// Aligned columns.
    Table,
    /// One JSON array.
    Json,
    /// CSV with a header.
    Csv,
}

/// `ingest` summary.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum IngestFormat {
    /// One line on stderr.
    Table,
    /// One JSON object on stdout.
    Json,
}

/// `show` output.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ShowFormat {
    /// Readable text.
    Text,
    /// JSON.
    Json,
}

/// `export` formats.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    /// Graphviz DOT.
    Dot,
    /// Node-link JSON (D3, Cytoscape.js, NetworkX).
    Json,
    /// GraphML with typed keys (Gephi, yEd, Cytoscape, NetworkX).
    Graphml,
    /// GEXF 1.2 with typed attributes (Gephi).
    Gexf,
    /// nodes.csv and relationships.csv for `neo4j-admin database import` (needs --out DIR).
    Csv,
    /// One row per article, source, target and CAMEO event code, with
    /// actor country codes, in GDELT 2.0's column names (tab-separated;
    /// docs/EVENTS.md).
    Events,
}

/// `render --engine`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EngineArg {
    /// Graphviz when installed, else built-in.
    Auto,
    /// Graphviz's dot.
    Graphviz,
    /// The pure-Rust layout (SVG only).
    Builtin,
}

/// `eval --ablate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ablation {
    /// Score with this mechanism off.
    Off(Mechanism),
    /// Score with each mechanism off in turn.
    Each,
}

fn parse_ablation(s: &str) -> Result<Ablation, String> {
    if s == "each" {
        return Ok(Ablation::Each);
    }
    s.parse()
        .map(Ablation::Off)
        .map_err(|e: crate::discourse::UnknownMechanism| e.to_string())
}

/// A whole number in `LO..=HI`, refused at parse time otherwise: a huge
/// `--batch` would otherwise abort on allocation, `--top 0` or `--depth 0`
/// would silently empty the graph.
fn bounded<const LO: usize, const HI: usize>(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if (LO..=HI).contains(&n) => Ok(n),
        _ => Err(format!("'{s}' is not a whole number from {LO} to {HI}")),
    }
}

fn parse_progress(s: &str) -> Result<u64, String> {
    bounded::<0, 3600>(s).map(|n| n as u64)
}

fn parse_wait(s: &str) -> Result<u64, String> {
    bounded::<0, 86_400>(s).map(|n| n as u64)
}

fn parse_confidence(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!("'{s}' is not a confidence between 0 and 1")),
    }
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse()
        .map_err(|e: crate::ontology::UnknownName| e.to_string())
}

fn parse_type(s: &str) -> Result<EdgeType, String> {
    s.parse()
        .map_err(|e: crate::ontology::UnknownName| e.to_string())
}

fn parse_date(s: &str) -> Result<String, String> {
    match crate::article::parse_date(s) {
        Some(d) if d.len() == s.trim().len() => Ok(d),
        _ => Err(format!("'{s}' is not a date (YYYY-MM-DD)")),
    }
}
