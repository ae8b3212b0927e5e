//! The `geokg` binary: parses arguments, calls the library, prints, and maps
//! errors to exit codes (0 success, 2 any failure; a closed pipe is success).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use geokg::cli::{Cli, Command, EngineArg, ExportFormat, FilterArgs, ShowFormat, TableFormat};
use geokg::gazetteer::Gazetteer;
use geokg::graph::{Filter, KnowledgeGraph};
use geokg::store::{EdgeQuery, Store};
use geokg::{article, eval, export, extract, ingest, render, report};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("geokg: {e:#}");
            ExitCode::from(2)
        }
    }
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

fn open_store(cli: &Cli) -> Result<Store> {
    let path = cli.db.clone().unwrap_or_else(|| PathBuf::from("geokg.db"));
    Ok(Store::open(&path)?)
}

fn json(value: &impl serde::Serialize) -> Result<String> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

fn run(cli: Cli) -> Result<ExitCode> {
    let g = gazetteer(&cli)?;
    match &cli.command {
        Command::Extract { file, .. } => {
            let a = article::read_one(file)?;
            let x = extract::extract(&a, &g);
            out(&json(&x.to_json(&a))?)?;
        }
        Command::Ingest { paths, batch } => {
            let mut store = open_store(&cli)?;
            let tty = io::stderr().is_terminal();
            let report = ingest::run(
                &mut store,
                &g,
                paths,
                *batch,
                |e| eprintln!("geokg: skipped {e}"),
                |r| {
                    if tty {
                        eprint!("\r{} articles read, {} failed", r.read, r.failed);
                    }
                },
            )?;
            if tty {
                eprintln!();
            }
            eprintln!("{}", report.summary());
            if report.failed > 0 {
                return Ok(ExitCode::from(2));
            }
        }
        Command::Entities {
            kind,
            matching,
            format,
        } => {
            let store = open_store(&cli)?;
            let list = store.entities(*kind, matching.as_deref())?;
            let (header, rows) = report::entity_rows(&list);
            match format {
                TableFormat::Json => out(&json(&list)?)?,
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
            format,
        } => {
            let store = open_store(&cli)?;
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
                ..EdgeQuery::default()
            };
            let list = store.edges(&q)?;
            let (header, rows) = report::edge_rows(&list);
            match format {
                TableFormat::Json => out(&json(&list)?)?,
                TableFormat::Csv => out(&report::csv(&header, &rows))?,
                TableFormat::Table => out(&report::table(&header, &rows))?,
            }
        }
        Command::Show { name, format } => {
            let store = open_store(&cli)?;
            let e = store.find_entity(name, &g)?;
            let edges = store.edges(&EdgeQuery {
                touching: Some(e.id),
                include_flagged: true,
                ..EdgeQuery::default()
            })?;
            let known = g.by_id(&e.key);
            let members: Vec<String> = known
                .map(|k| {
                    g.members_of(k)
                        .filter(|m| m.left.is_none())
                        .map(|m| g.entry(m.member).name.clone())
                        .collect()
                })
                .unwrap_or_default();
            let member_of: Vec<String> = known
                .map(|k| {
                    g.members()
                        .iter()
                        .filter(|m| m.member == k && m.left.is_none())
                        .map(|m| g.entry(m.alliance).name.clone())
                        .collect()
                })
                .unwrap_or_default();
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
            let store = open_store(&cli)?;
            let kg = load_graph(&store, &g, filter)?;
            let text = match format {
                ExportFormat::Dot => export::to_dot(
                    &kg,
                    &export::DotOptions {
                        legend: true,
                        cluster_by_state: filter.cluster.is_some(),
                    },
                ),
                ExportFormat::Json => json(&export::to_json(&kg))?,
            };
            match path {
                Some(p) => std::fs::write(p, text)
                    .with_context(|| format!("cannot write {}", p.display()))?,
                None => out(&text)?,
            }
        }
        Command::Render {
            out: path,
            engine,
            layout,
            filter,
        } => {
            let store = open_store(&cli)?;
            let kg = load_graph(&store, &g, filter)?;
            let engine = match engine {
                EngineArg::Auto => render::Engine::Auto,
                EngineArg::Graphviz => render::Engine::Graphviz,
                EngineArg::Builtin => render::Engine::Builtin,
            };
            let done = render::render(&kg, path, engine, layout)?;
            if let Some(note) = done.note {
                eprintln!("{note}");
            }
            eprintln!(
                "wrote {} ({} nodes, {} edges, {})",
                path.display(),
                kg.node_count(),
                kg.edge_count(),
                done.engine
            );
        }
        Command::Eval {
            set,
            verbose,
            json: json_out,
        } => {
            let figures = eval::run(set, &g)?;
            if *verbose {
                for (id, notes) in &figures.notes {
                    if !notes.is_empty() {
                        out(&format!("{id}:\n{}\n", notes.join("\n")))?;
                    }
                }
            }
            out(&figures.table())?;
            if let Some(p) = json_out {
                std::fs::write(p, json(&figures)?)
                    .with_context(|| format!("cannot write {}", p.display()))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
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
        ..EdgeQuery::default()
    })?;
    Ok(KnowledgeGraph::from_edges(
        rows,
        &Filter {
            around: around.map(|e| e.key),
            depth: f.depth,
            kinds: f.kinds.clone(),
            min_count: f.min_count,
            top: f.top,
        },
    ))
}
