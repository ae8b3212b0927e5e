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
    /// The database file [default: geokg.db in the working directory].
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
        /// Articles per transaction (1 to 100000).
        #[arg(long, default_value_t = 200, value_parser = bounded::<1, 100_000>)]
        batch: usize,
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
        /// Also list negated and hypothetical statements.
        #[arg(long)]
        all: bool,
        /// Only evidence at least this confident, 0 to 1 (an edge through a
        /// resolved reference such as "the Secretary" or "they" scores lower).
        #[arg(long, value_parser = parse_confidence)]
        min_confidence: Option<f64>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Show one entity: kind, aliases, members, and every edge in and out with evidence.
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
    },
    /// Export the graph as DOT, node-link JSON, GraphML, GEXF or the Neo4j import CSV pair.
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
    /// Drop edges supported by fewer articles (1 to 1000000).
    #[arg(long, default_value_t = 1, value_parser = bounded::<1, 1_000_000>)]
    pub min_count: usize,
    /// Only evidence at least this confident, 0 to 1 (an edge through a
    /// resolved reference such as "the Secretary" or "they" scores lower).
    #[arg(long, value_parser = parse_confidence)]
    pub min_confidence: Option<f64>,
    /// Keep the N most connected nodes (by supporting articles) that are
    /// joined to one another (1 to 1000000).
    #[arg(long, value_parser = bounded::<1, 1_000_000>)]
    pub top: Option<usize>,
    /// Group people and regions under their state (DOT).
    #[arg(long, value_parser = ["state"])]
    pub cluster: Option<String>,
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
