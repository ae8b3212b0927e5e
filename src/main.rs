//! The `geokg` binary: parses arguments, calls the library, prints, and maps
//! errors to exit codes (0 success, 2 any failure; a closed pipe is success).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Parser;

use geokg::cli::{
    Ablation, Cli, Command, EngineArg, ExportFormat, FilterArgs, IngestFormat, ShowFormat,
    TableFormat,
};
use geokg::discourse::{Mechanism, Mechanisms};
use geokg::gazetteer::{EntityIdx, Gazetteer};
use geokg::graph::{Filter, KnowledgeGraph};
use geokg::ontology::Kind;
use geokg::store::{EdgeQuery, Store, StoreError};
use geokg::{article, eval, export, extract, ingest, render, report};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let db = db_path(&cli);
    let wait = Duration::from_secs(cli.wait);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("geokg: {}", one_line(&e, &db, wait));
            ExitCode::from(2)
        }
    }
}

/// The error as one line: a store error says its database and what to do;
/// any other error its chain, each cause once (a cause whose text the line
/// already holds is not repeated).
fn one_line(e: &anyhow::Error, db: &Path, wait: Duration) -> String {
    if let Some(store) = e.downcast_ref::<StoreError>() {
        return store.describe(db, wait);
    }
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !line.contains(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
    }
    line
}

fn db_path(cli: &Cli) -> PathBuf {
    cli.db.clone().unwrap_or_else(|| PathBuf::from("geokg.db"))
}

fn out(text: &str) -> Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

fn gazetteer(cli: &Cli) -> Result<Gazetteer> {
    let extra: Vec<&Path> = cli.gazetteer.iter().map(PathBuf::as_path).collect();
    Ok(Gazetteer::with_files(&extra)?)
}

/// The database for a command that writes (created when missing).
fn open_store(cli: &Cli) -> Result<Store> {
    Ok(Store::open_with(
        &db_path(cli),
        Duration::from_secs(cli.wait),
    )?)
}

/// The database for a command that only reads: never created, never
/// changed.
fn read_store(cli: &Cli) -> Result<Store> {
    Ok(Store::open_read_only(
        &db_path(cli),
        Duration::from_secs(cli.wait),
    )?)
}

/// Writes an output file whole or not at all.
fn write_file(path: &Path, text: &str) -> Result<()> {
    geokg::atomic::write(path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// A note on stderr when the filters left nothing to show.
fn note_if_empty(empty: bool, what: &str) {
    if empty {
        eprintln!("note: {what}");
    }
}

fn json(value: &impl serde::Serialize) -> Result<String> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

fn run(cli: Cli) -> Result<ExitCode> {
    // The database before the gazetteer, so that a missing, newer or locked
    // one is named at once; `show` without a database still shows the
    // gazetteer's entry.
    let mut missing = None;
    let mut opened = match &cli.command {
        Command::Extract { .. } | Command::Eval { .. } => None,
        Command::Ingest { .. } => Some(open_store(&cli)?),
        Command::Show { .. } => {
            match Store::open_read_only(&db_path(&cli), Duration::from_secs(cli.wait)) {
                Ok(store) => Some(store),
                Err(e @ StoreError::Missing { .. }) => {
                    missing = Some(e);
                    None
                }
                Err(e) => return Err(e.into()),
            }
        }
        _ => Some(read_store(&cli)?),
    };
    let mut store = move || {
        opened
            .take()
            .context("internal: this command opens no database")
    };
    let g = gazetteer(&cli)?;
    match &cli.command {
        Command::Extract {
            file,
            min_confidence,
            ..
        } => {
            let a = article::read_one(file)?;
            let mut x = extract::extract(&a, &g);
            if let Some(min) = min_confidence {
                x.keep_confident(*min);
            }
            out(&json(&x.to_json(&a))?)?;
        }
        Command::Ingest {
            paths,
            batch,
            progress_every,
            format,
        } => {
            let mut store = store()?;
            let json_summary = *format == IngestFormat::Json;
            let mut failures = Vec::new();
            let tty = io::stderr().is_terminal();
            // A terminal gets a line redrawn in place; a log or a pipe a
            // new line every few seconds.
            let every = if tty {
                Duration::from_millis(200)
            } else {
                Duration::from_secs(*progress_every)
            };
            let started = Instant::now();
            let mut last = started;
            let mut shown = false;
            let result = ingest::run(
                &mut store,
                &g,
                paths,
                *batch,
                |e| {
                    eprintln!("geokg: skipped {e}");
                    if json_summary {
                        failures.push(ingest::Failure::from(e));
                    }
                },
                |r| {
                    if last.elapsed() < every {
                        return;
                    }
                    last = Instant::now();
                    let line = format!(
                        "{} articles read ({} unchanged), {} failed, {:.0} s",
                        r.read,
                        r.unchanged,
                        r.failed,
                        started.elapsed().as_secs_f64()
                    );
                    if tty {
                        eprint!("\r{line}");
                        shown = true;
                    } else {
                        eprintln!("ingest: {line}");
                    }
                },
            );
            if shown {
                eprintln!();
            }
            // What committed is said even when a later batch failed.
            let (report, failure) = match result {
                Ok(report) => (report, None),
                Err(stopped) => (stopped.report, Some(stopped.error)),
            };
            if json_summary {
                let error = failure
                    .as_ref()
                    .map(|e| e.describe(&db_path(&cli), Duration::from_secs(cli.wait)));
                let summary = report.to_json(&failures, started.elapsed(), error.as_deref());
                out(&json(&summary)?)?;
            } else {
                eprintln!("{}", report.summary());
            }
            if let Some(e) = failure {
                return Err(e.into());
            }
            if report.failed > 0 {
                return Ok(ExitCode::from(2));
            }
        }
        Command::Entities {
            unresolved: true,
            format,
            ..
        } => {
            let store = store()?;
            let list = store.unresolved_surnames()?;
            let (header, rows) = report::unresolved_rows(&list);
            match format {
                TableFormat::Json => out(&json(&report::unresolved_json(&list)?)?)?,
                TableFormat::Csv => out(&report::csv(&header, &rows))?,
                TableFormat::Table => out(&report::table(&header, &rows))?,
            }
        }
        Command::Entities {
            kind,
            matching,
            format,
            ..
        } => {
            let store = store()?;
            let list = store.entities(*kind, matching.as_deref())?;
            note_if_empty(list.is_empty(), "no entities match");
            // Alliances list their current members from the gazetteer.
            let members: Option<Vec<Vec<String>>> = (*kind == Some(Kind::Alliance)).then(|| {
                list.iter()
                    .map(|row| {
                        g.by_id(&row.key)
                            .map(|k| members(&g, k))
                            .unwrap_or_default()
                    })
                    .collect()
            });
            let (header, rows) = report::entity_rows(&list, members.as_deref());
            match format {
                TableFormat::Json => match &members {
                    Some(m) => out(&json(&report::entities_with_members(&list, m)?)?)?,
                    None => out(&json(&list)?)?,
                },
                TableFormat::Csv => out(&report::csv(&header, &rows))?,
                TableFormat::Table => out(&report::table(&header, &rows))?,
            }
        }
        Command::Relations {
            from,
            to,
            types,
            since,
            until,
            all,
            min_confidence,
            format,
        } => {
            let store = store()?;
            let id = |n: &Option<String>| -> Result<Option<i64>> {
                n.as_deref()
                    .map(|n| store.find_entity(n, &g).map(|e| e.id))
                    .transpose()
                    .map_err(Into::into)
            };
            let q = EdgeQuery {
                from: id(from)?,
                to: id(to)?,
                types: types.clone(),
                since: since.clone(),
                until: until.clone(),
                include_flagged: *all,
                min_confidence: *min_confidence,
                ..EdgeQuery::default()
            };
            let list = store.edges(&q)?;
            note_if_empty(list.is_empty(), "no relations match");
            let (header, rows) = report::edge_rows(&list);
            match format {
                TableFormat::Json => out(&json(&list)?)?,
                TableFormat::Csv => out(&report::csv(&header, &rows))?,
                TableFormat::Table => out(&report::table(&header, &rows))?,
            }
        }
        Command::Show {
            name,
            format,
            min_confidence,
        } => {
            if let Some(e) = missing {
                if g.lookup(name).is_empty() {
                    return Err(e.into());
                }
                eprintln!("note: {e}");
                return show_gazetteer(&g, name, *format);
            }
            let store = store()?;
            let e = match store.find_entity(name, &g) {
                Err(StoreError::NotFound(_)) if !g.lookup(name).is_empty() => {
                    return show_gazetteer(&g, name, *format);
                }
                other => other?,
            };
            let edges = store.edges(&EdgeQuery {
                touching: Some(e.id),
                include_flagged: true,
                min_confidence: *min_confidence,
                ..EdgeQuery::default()
            })?;
            let known = g.by_id(&e.key);
            let members = known.map(|k| members(&g, k)).unwrap_or_default();
            let member_of = known.map(|k| member_of(&g, k)).unwrap_or_default();
            match format {
                ShowFormat::Text => out(&report::show(&e, &members, &member_of, &edges))?,
                ShowFormat::Json => out(&json(&serde_json::json!({
                    "entity": e, "members": members, "member_of": member_of, "edges": edges
                }))?)?,
            }
        }
        Command::Export {
            format,
            out: path,
            filter,
        } => {
            if *format == ExportFormat::Csv && path.is_none() {
                anyhow::bail!(
                    "csv export writes nodes.csv and relationships.csv: give a folder with --out DIR"
                );
            }
            let store = store()?;
            let kg = load_graph(&store, &g, filter)?;
            let text = match format {
                ExportFormat::Dot => export::to_dot(
                    &kg,
                    &export::DotOptions {
                        legend: true,
                        cluster_by_state: filter.cluster.is_some(),
                        ..export::DotOptions::default()
                    },
                ),
                ExportFormat::Json => json(&export::to_json(&kg))?,
                ExportFormat::Graphml => export::to_graphml(&kg),
                ExportFormat::Gexf => export::to_gexf(&kg),
                ExportFormat::Csv => {
                    let dir = path.as_deref().unwrap_or(Path::new("."));
                    write_neo4j_csv(&kg, dir)?;
                    return Ok(ExitCode::SUCCESS);
                }
            };
            match path {
                Some(p) => write_file(p, &text)?,
                None => out(&text)?,
            }
        }
        Command::Render {
            out: path,
            engine,
            layout,
            filter,
        } => {
            let store = store()?;
            let kg = load_graph(&store, &g, filter)?;
            let engine = match engine {
                EngineArg::Auto => render::Engine::Auto,
                EngineArg::Graphviz => render::Engine::Graphviz,
                EngineArg::Builtin => render::Engine::Builtin,
            };
            if filter.top.is_none() && kg.node_count() > BIG_GRAPH {
                eprintln!(
                    "hint: {} nodes is too many to read in one picture; try --top 100 (or --around NAME)",
                    kg.node_count()
                );
            }
            let done = render::render(&kg, path, engine, layout)?;
            if let Some(note) = done.note {
                eprintln!("{note}");
            }
            eprintln!(
                "wrote {} ({} nodes, {} edges, {})",
                path.display(),
                kg.node_count(),
                kg.edge_count(),
                if done.engine == done.layout {
                    done.engine.to_string()
                } else {
                    format!("{} {}", done.engine, done.layout)
                }
            );
        }
        Command::Eval {
            set,
            verbose,
            json: json_out,
            ablate,
        } => {
            let mut on = Mechanisms::all();
            for a in ablate {
                if let Ablation::Off(m) = a {
                    on = on.without(*m);
                }
            }
            let figures = eval::run_with(set, &g, on)?;
            if ablate.contains(&Ablation::Each) {
                let mut off = Vec::new();
                for m in Mechanism::ALL {
                    off.push((m, eval::run_with(set, &g, on.without(m))?));
                }
                let rows = eval::contributions(&figures, &off);
                out(&eval::contribution_table(&figures, &rows))?;
                if let Some(p) = json_out {
                    let all = serde_json::json!({ "figures": figures, "ablation": rows });
                    write_file(p, &json(&all)?)?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            if *verbose {
                for (id, notes) in &figures.notes {
                    if !notes.is_empty() {
                        out(&format!("{id}:\n{}\n", notes.join("\n")))?;
                    }
                }
            }
            out(&figures.table())?;
            if let Some(p) = json_out {
                write_file(p, &json(&figures)?)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Current members of an alliance, by name.
fn members(g: &Gazetteer, alliance: EntityIdx) -> Vec<String> {
    g.members_of(alliance)
        .filter(|m| m.left.is_none())
        .map(|m| g.entry(m.member).name.clone())
        .collect()
}

/// Alliances an entity currently belongs to, by name.
fn member_of(g: &Gazetteer, member: EntityIdx) -> Vec<String> {
    g.members()
        .iter()
        .filter(|m| m.member == member && m.left.is_none())
        .map(|m| g.entry(m.alliance).name.clone())
        .collect()
}

/// `show` for a name the gazetteer knows and the database does not (yet):
/// every reading's entry, its members, alliances and offices.
fn show_gazetteer(g: &Gazetteer, name: &str, format: ShowFormat) -> Result<ExitCode> {
    let mut seen = Vec::new();
    let mut known = Vec::new();
    for reading in g.lookup(name) {
        if seen.contains(&reading.entity) {
            continue;
        }
        seen.push(reading.entity);
        let k = reading.entity;
        let entry = g.entry(k);
        let offices = g
            .roles_of(k, None)
            .map(|r| report::Office {
                role: r.role.clone(),
                of: g.entry(r.of).name.clone(),
                start: r.start.clone(),
                end: r.end.clone(),
            })
            .collect();
        known.push(report::KnownEntity {
            name: entry.name.clone(),
            kind: entry.kind,
            id: entry.id.clone(),
            aliases: entry.aliases.clone(),
            members: members(g, k),
            member_of: member_of(g, k),
            offices,
        });
    }
    match format {
        ShowFormat::Text => out(&known
            .iter()
            .map(report::show_known)
            .collect::<Vec<_>>()
            .join("\n"))?,
        ShowFormat::Json => out(&json(&serde_json::json!({
            "gazetteer": known, "edges": [], "note": "no edges in the database yet"
        }))?)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Above this many nodes a picture without `--top` gets a hint.
const BIG_GRAPH: usize = 300;

/// Writes `nodes.csv` and `relationships.csv` into `dir`, creating it.
fn write_neo4j_csv(kg: &KnowledgeGraph, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let csv = export::to_neo4j_csv(kg);
    for (name, text) in [
        ("nodes.csv", &csv.nodes),
        ("relationships.csv", &csv.relationships),
    ] {
        write_file(&dir.join(name), text)?;
    }
    eprintln!(
        "wrote {} and {} ({} nodes, {} relationships); import with: neo4j-admin database import full neo4j --nodes={} --relationships={} --multiline-fields=true",
        dir.join("nodes.csv").display(),
        dir.join("relationships.csv").display(),
        kg.node_count(),
        kg.edge_count(),
        dir.join("nodes.csv").display(),
        dir.join("relationships.csv").display(),
    );
    Ok(())
}

fn load_graph(store: &Store, g: &Gazetteer, f: &FilterArgs) -> Result<KnowledgeGraph> {
    let around = f
        .around
        .as_deref()
        .map(|n| store.find_entity(n, g))
        .transpose()?;
    let rows = store.edges(&EdgeQuery {
        types: f.types.clone(),
        since: f.since.clone(),
        until: f.until.clone(),
        min_confidence: f.min_confidence,
        ..EdgeQuery::default()
    })?;
    let kg = KnowledgeGraph::from_edges(
        rows,
        &Filter {
            around: around.map(|e| e.key),
            depth: f.depth,
            kinds: f.kinds.clone(),
            min_count: f.min_count,
            top: f.top,
        },
    );
    note_if_empty(
        kg.node_count() == 0,
        "the filters left no nodes; the output is an empty graph",
    );
    Ok(kg)
}
