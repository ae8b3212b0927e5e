//! The `geokg` binary: parses arguments, calls the library, prints, and maps
//! errors to exit codes (0 success, 2 any failure; a closed pipe is success).

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Parser;

use geokg::cli::{
    Ablation, AliasAction, Cli, Command, CurationAction, EngineArg, ExportFormat, FilterArgs,
    FinderArgs, FinderChoice, IngestFormat, PeriodArgs, ShowFormat, TableFormat, TopBy,
};
use geokg::curation::{self, CurationError};
use geokg::discourse::{Mechanism, Mechanisms};
use geokg::gazetteer::{self, EntityIdx, Gazetteer, Memberships};
use geokg::graph::{Filter, KnowledgeGraph};
use geokg::ontology::{EdgeType, Kind};
use geokg::query::{self, QueryError};
use geokg::relation::{RelationFinder, Rules};
use geokg::scorer::{self, Model, ModelFinder, TrainOptions};
use geokg::store::{CurationRow, EdgeQuery, EntityRef, EntityRow, Status, Store, StoreError};
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
    if let Some(QueryError::Store(store)) = e.downcast_ref::<QueryError>() {
        return store.describe(db, wait);
    }
    if let Some(CurationError::Store(store) | CurationError::Query(QueryError::Store(store))) =
        e.downcast_ref::<CurationError>()
    {
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

/// The gazetteer's tables; the name automaton is compiled by
/// [`LazyGazetteer::extracting`], for the commands that extract.
fn gazetteer(cli: &Cli) -> Result<Gazetteer> {
    let extra: Vec<&Path> = cli.gazetteer.iter().map(PathBuf::as_path).collect();
    Ok(Gazetteer::tables(&extra)?)
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
        Command::Extract { .. }
        | Command::Eval { .. }
        | Command::Train { .. }
        | Command::Copy { .. } => None,
        Command::Ingest { .. }
        | Command::Merge { .. }
        | Command::Split { .. }
        | Command::Alias { .. }
        | Command::Retype { .. }
        | Command::Reject { .. }
        | Command::Curation {
            action: CurationAction::Undo { .. } | CurationAction::Import { .. },
        } => Some(open_store(&cli)?),
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
    // Built only for the commands that need it: a query that reads the
    // database alone does not pay for the gazetteer's automaton.
    let gz = LazyGazetteer {
        cli: &cli,
        cell: OnceCell::new(),
    };
    match &cli.command {
        Command::Extract {
            file,
            min_confidence,
            finder,
            ..
        } => {
            let g = gz.extracting()?;
            let a = article::read_one(file)?;
            let model = load_model(finder)?;
            let mut x =
                extract::extract_by(&a, g, Mechanisms::all(), &*relation_finder(finder, &model));
            if let Some(min) = min_confidence {
                x.keep_confident(*min);
            }
            out(&json(&x.to_json(&a))?)?;
        }
        Command::Ingest {
            paths,
            batch,
            jobs,
            no_bodies,
            progress_every,
            format,
        } => {
            let g = gz.extracting()?;
            let jobs = jobs.unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
            });
            let mut store = store()?;
            store.keep_bodies(!no_bodies);
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
            let batch = batch.unwrap_or_else(|| store.default_batch());
            let result = ingest::run(
                &mut store,
                g,
                paths,
                batch,
                jobs,
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
            note_stale(&store.corrections()?);
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
            limit,
            offset,
            ..
        } => {
            let store = store()?;
            let (list, total) = store.entities_page(
                *kind,
                matching.as_deref(),
                (*limit > 0).then_some(*limit),
                *offset,
            )?;
            note_if_empty(list.is_empty(), "no entities match");
            // Alliances list their current members from the gazetteer,
            // built for them only.
            let members: Option<Vec<Vec<String>>> = if *kind == Some(Kind::Alliance) {
                let g = gz.get()?;
                Some(
                    list.iter()
                        .map(|row| g.by_id(&row.key).map(|k| members(g, k)).unwrap_or_default())
                        .collect(),
                )
            } else {
                None
            };
            let (header, rows) = report::entity_rows(&list, members.as_deref());
            match format {
                TableFormat::Json => match &members {
                    Some(m) => out(&json(&report::entities_with_members(&list, m)?)?)?,
                    None => out(&json(&list)?)?,
                },
                TableFormat::Csv => out(&report::csv(&header, &rows))?,
                TableFormat::Table => out(&report::table(&header, &rows))?,
            }
            // The table says it on stdout, under its rows; JSON and CSV stay
            // parseable and say it on stderr.
            if let Some(line) = report::more_entities(total, *offset, list.len()) {
                match format {
                    TableFormat::Table => out(&format!("{line}\n"))?,
                    TableFormat::Json | TableFormat::Csv => eprintln!("note: {line}"),
                }
            }
        }
        Command::Relations {
            from,
            to,
            types,
            since,
            until,
            as_of,
            all,
            min_confidence,
            evidence,
            limit,
            offset,
            format,
        } => {
            let store = store()?;
            let until = until.clone().or_else(|| as_of.clone());
            query::check_period(&store, since.as_deref(), until.as_deref())?;
            let id = |n: &Option<String>| -> Result<Option<i64>> {
                n.as_deref()
                    .map(|n| find_entity(&store, &gz, n).map(|e| e.id))
                    .transpose()
            };
            let q = EdgeQuery {
                from: id(from)?,
                to: id(to)?,
                types: types.clone(),
                since: since.clone(),
                until,
                include_flagged: *all,
                min_confidence: *min_confidence,
                evidence_limit: (*evidence > 0).then_some(*evidence),
                ..EdgeQuery::default()
            };
            let (list, total) = store.edges_page(&q, (*limit > 0).then_some(*limit), *offset)?;
            note_if_empty(list.is_empty(), "no relations match");
            let (header, rows) = report::edge_rows(&list);
            match format {
                TableFormat::Json => out(&json(&list)?)?,
                TableFormat::Csv => out(&report::csv(&header, &rows))?,
                TableFormat::Table => out(&report::table(&header, &rows))?,
            }
            // As `entities`: under the table on stdout; on stderr beside
            // JSON and CSV, which stay parseable.
            if let Some(line) = report::more_edges(total, *offset, list.len()) {
                match format {
                    TableFormat::Table => out(&format!("{line}\n"))?,
                    TableFormat::Json | TableFormat::Csv => eprintln!("note: {line}"),
                }
            }
        }
        Command::Show {
            name,
            format,
            min_confidence,
            since,
            until,
            as_of,
            evidence,
            limit,
            offset,
        } => {
            if let Some(e) = missing {
                let g = gz.get()?;
                if g.lookup(name).is_empty() {
                    return Err(e.into());
                }
                eprintln!("note: {e}");
                return show_gazetteer(g, name, *format);
            }
            let store = store()?;
            // The gazetteer is built only for a name the database does not
            // know, and for memberships when the user gave gazetteer files.
            let e = match find_entity(&store, &gz, name) {
                Err(e) => match e.downcast_ref::<StoreError>() {
                    Some(StoreError::NotFound(_)) if !gz.get()?.lookup(name).is_empty() => {
                        return show_gazetteer(gz.get()?, name, *format);
                    }
                    _ => return Err(e),
                },
                Ok(e) => e,
            };
            let until = until.clone().or_else(|| as_of.clone());
            query::check_period(&store, since.as_deref(), until.as_deref())?;
            let (edges, total) = store.edges_page(
                &EdgeQuery {
                    touching: Some(e.id),
                    include_flagged: true,
                    min_confidence: *min_confidence,
                    since: since.clone(),
                    until,
                    evidence_limit: (*evidence > 0).then_some(*evidence),
                    ..EdgeQuery::default()
                },
                (*limit > 0).then_some(*limit),
                *offset,
            )?;
            let Memberships { members, member_of } = memberships(&cli, &gz, &e.key)?;
            let more = report::more_edges(total, *offset, edges.len());
            match format {
                ShowFormat::Text => {
                    let mut text = report::show(&e, &members, &member_of, &edges);
                    if let Some(line) = &more {
                        text.push_str(&format!("{line}\n"));
                    }
                    out(&text)?;
                }
                ShowFormat::Json => {
                    out(&json(&serde_json::json!({
                        "entity": e, "members": members, "member_of": member_of, "edges": edges
                    }))?)?;
                    if let Some(line) = &more {
                        eprintln!("note: {line}");
                    }
                }
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
            let whole = filter.around.is_none() && filter.top.is_none() && !filter.diff;
            if *format == ExportFormat::Json && whole {
                stream_json(&store, filter, path.as_deref())?;
                return Ok(ExitCode::SUCCESS);
            }
            // Only JSON and events print every piece of evidence.
            let evidence = match format {
                ExportFormat::Json | ExportFormat::Events => None,
                _ => Some(export::TOOLTIP_EVIDENCE),
            };
            let kg = load_graph(&store, &gz, filter, evidence)?;
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
                ExportFormat::Events => events(&store, gz.get()?, &kg, filter)?,
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
            let kg = load_graph(&store, &gz, filter, Some(export::TOOLTIP_EVIDENCE))?;
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
        Command::Path {
            from,
            to,
            max_hops,
            limit,
            types,
            period,
            format,
        } => {
            let store = store()?;
            let q = scope(&store, types, period)?;
            let a = resolve(&store, &gz, from)?;
            let b = resolve(&store, &gz, to)?;
            let answer = query::path(&store, &a, &b, *max_hops, *limit, &q)?;
            if answer.paths.is_empty() {
                eprintln!(
                    "note: no path between {} and {} within {} hops",
                    a.name, b.name, max_hops
                );
            } else if answer.truncated {
                eprintln!(
                    "note: more than {limit} shortest paths of {} hops; raise --limit to see more",
                    answer.hops
                );
            }
            print_rows(*format, &answer, report::path_rows(&answer))?;
        }
        Command::Neighbors {
            name,
            depth,
            types,
            kinds,
            period,
            format,
        } => {
            let store = store()?;
            let q = scope(&store, types, period)?;
            let x = resolve(&store, &gz, name)?;
            let n = query::neighbors(&store, &x, *depth, kinds, &q)?;
            note_if_empty(n.entities.len() < 2, "no neighbours in scope");
            match format {
                TableFormat::Json => out(&json(&n)?)?,
                TableFormat::Csv => out(&report::neighbourhood_csv(&n))?,
                TableFormat::Table => out(&report::neighbourhood_table(&n))?,
            }
        }
        Command::Top {
            by,
            kinds,
            types,
            period,
            n,
            format,
        } => {
            let store = store()?;
            let q = scope(&store, types, period)?;
            let by = match by {
                TopBy::Degree => query::Measure::Degree,
                TopBy::Pagerank => query::Measure::Pagerank,
                TopBy::Betweenness => query::Measure::Betweenness,
                TopBy::Articles => query::Measure::Articles,
            };
            let r = query::top(&store, by, kinds, *n, &q)?;
            note_if_empty(r.rows.is_empty(), "no entities in scope");
            if let Some(k) = r.betweenness_sample {
                eprintln!(
                    "note: betweenness estimated from {k} of {} sources",
                    r.nodes
                );
            }
            print_rows(*format, &r, report::top_rows(&r))?;
        }
        Command::Communities { period, format } => {
            let store = store()?;
            let q = scope(&store, &[], period)?;
            let list = query::communities(&store, &q)?;
            note_if_empty(
                list.is_empty(),
                "no group of two or more acts together in scope",
            );
            print_rows(*format, &list, report::community_rows(&list))?;
        }
        Command::Timeline {
            name,
            types,
            period,
            format,
        } => {
            let store = store()?;
            let q = scope(&store, types, period)?;
            let x = resolve(&store, &gz, name)?;
            let list = query::timeline(&store, &x, &q)?;
            note_if_empty(list.is_empty(), &format!("no edges of {} in scope", x.name));
            print_rows(*format, &list, report::timeline_rows(&list))?;
        }
        Command::Diff {
            before,
            after,
            types,
            period,
            all,
            format,
        } => {
            let store = store()?;
            let q = scope(&store, types, period)?;
            let list = query::diff(&store, &q, before, after, *all)?;
            note_if_empty(list.is_empty(), "no edge changed between the two periods");
            print_rows(*format, &list, report::diff_rows(&list))?;
        }
        Command::Explain {
            source,
            edge,
            target,
            period,
            format,
        } => {
            let store = store()?;
            let q = scope(&store, &[], period)?;
            let a = resolve(&store, &gz, source)?;
            let b = resolve(&store, &gz, target)?;
            let x = query::explain(&store, &a, *edge, &b, &q)?;
            if x.evidence.is_empty() {
                let instead: Vec<String> = x
                    .instead
                    .iter()
                    .map(|e| {
                        format!(
                            "{} {} {} ({})",
                            e.source.name, e.edge, e.target.name, e.count
                        )
                    })
                    .collect();
                eprintln!(
                    "note: no evidence that {} {edge} {} in scope{}",
                    a.name,
                    b.name,
                    if instead.is_empty() {
                        "; no edge joins them".to_string()
                    } else {
                        format!("; the edges that join them: {}", instead.join(", "))
                    }
                );
            }
            print_rows(*format, &x.evidence, report::explain_rows(&x.evidence))?;
        }
        Command::Merge { into, from, curate } => {
            let mut store = store()?;
            let fallback = |n: &str| gazetteer_keys(&gz, n);
            let row = curation::merge(&mut store, into, from, &curate.user(), &fallback)?;
            print_corrections(curate.format, &[row])?;
        }
        Command::Split {
            name,
            alias,
            kind,
            curate,
        } => {
            let mut store = store()?;
            let fallback = |n: &str| gazetteer_keys(&gz, n);
            let row = curation::split(
                &mut store,
                name,
                alias,
                kind.as_deref(),
                &curate.user(),
                &fallback,
            )?;
            print_corrections(curate.format, &[row])?;
        }
        Command::Alias { action } => {
            let mut store = store()?;
            let fallback = |n: &str| gazetteer_keys(&gz, n);
            let (row, format) = match action {
                AliasAction::Add {
                    name,
                    alias,
                    curate,
                } => (
                    curation::alias_add(&mut store, name, alias, &curate.user(), &fallback)?,
                    curate.format,
                ),
                AliasAction::Remove {
                    name,
                    alias,
                    curate,
                } => (
                    curation::alias_remove(&mut store, name, alias, &curate.user(), &fallback)?,
                    curate.format,
                ),
            };
            print_corrections(format, &[row])?;
        }
        Command::Retype { name, kind, curate } => {
            let mut store = store()?;
            let fallback = |n: &str| gazetteer_keys(&gz, n);
            let row = curation::retype(&mut store, name, kind, &curate.user(), &fallback)?;
            print_corrections(curate.format, &[row])?;
        }
        Command::Reject {
            source,
            edge,
            target,
            curate,
        } => {
            let mut store = store()?;
            let fallback = |n: &str| gazetteer_keys(&gz, n);
            let row =
                curation::reject(&mut store, source, edge, target, &curate.user(), &fallback)?;
            print_corrections(curate.format, &[row])?;
        }
        Command::Curation { action } => match action {
            CurationAction::List { format } => {
                let store = store()?;
                let list = store.corrections()?;
                note_if_empty(list.is_empty(), "no corrections recorded");
                print_rows(*format, &list, report::curation_rows(&list))?;
            }
            CurationAction::Undo { id, curate } => {
                let mut store = store()?;
                let row = curation::undo(&mut store, *id, &curate.user(), gz.extracting()?)?;
                print_corrections(curate.format, &[row])?;
            }
            CurationAction::Export { out: path } => {
                let store = store()?;
                let list = store.corrections()?;
                let text = curation::export(&list);
                match path {
                    Some(p) => {
                        write_file(p, &text)?;
                        let n = list.iter().filter(|r| r.status != Status::Undone).count();
                        eprintln!("wrote {} ({n} corrections)", p.display());
                    }
                    None => out(&text)?,
                }
            }
            CurationAction::Import { file, format } => {
                let mut store = store()?;
                let done = curation::import(&mut store, file)?;
                eprintln!(
                    "import: {} corrections recorded, {} already recorded and skipped",
                    done.added.len(),
                    done.skipped
                );
                print_corrections(*format, &done.added)?;
            }
        },
        Command::Copy { from, to } => {
            let wait = Duration::from_secs(cli.wait);
            let source = Store::open_read_only(from, wait)
                .map_err(|e| anyhow::anyhow!(e.describe(from, wait)))?;
            let mut target =
                Store::open_with(to, wait).map_err(|e| anyhow::anyhow!(e.describe(to, wait)))?;
            let n = geokg::store::copy(&source, &mut target)
                .map_err(|e| anyhow::anyhow!(e.describe(to, wait)))?;
            eprintln!(
                "copy: {} articles, {} entities, {} aliases, {} mentions, {} edges, {} pieces of evidence and {} corrections copied from {} ({}) to {} ({}); counts verified",
                n[0],
                n[1],
                n[2],
                n[3],
                n[4],
                n[5],
                n[6],
                geokg::store::shown(from),
                source.backend(),
                geokg::store::shown(to),
                target.backend()
            );
        }
        Command::Serve { port, bind, open } => {
            let api = geokg::serve::Api::new(store()?, gazetteer(&cli)?);
            let addr = std::net::SocketAddr::new(*bind, *port);
            if !bind.is_loopback() {
                eprintln!(
                    "warning: serving on {bind}: any machine that can reach it can read the graph"
                );
            }
            geokg::serve::run(api, addr, |at| {
                let url = format!("http://{at}/");
                println!("geokg: serving {url} (Ctrl-C stops)");
                let _ = io::stdout().flush();
                if *open && let Err(e) = geokg::serve::open_in_browser(&url) {
                    eprintln!("note: cannot open a browser ({e}); open {url} yourself");
                }
            })?;
        }
        Command::Eval {
            set,
            verbose,
            json: json_out,
            ablate,
            finder,
        } => {
            let g = gz.extracting()?;
            let model = load_model(finder)?;
            let finder = relation_finder(finder, &model);
            let mut on = Mechanisms::all();
            for a in ablate {
                if let Ablation::Off(m) = a {
                    on = on.without(*m);
                }
            }
            let figures = eval::run_by(set, g, on, &*finder)?;
            if ablate.contains(&Ablation::Each) {
                let mut off = Vec::new();
                for m in Mechanism::ALL {
                    off.push((m, eval::run_by(set, g, on.without(m), &*finder)?));
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
        Command::Train {
            sets,
            out: path,
            tune,
            epochs,
        } => {
            let g = gz.extracting()?;
            let mut examples = Vec::new();
            for set in sets {
                examples.extend(eval::training_examples(set, g)?);
            }
            let related = examples.iter().filter(|e| !e.labels.is_empty()).count();
            let opts = TrainOptions {
                epochs: *epochs,
                ..TrainOptions::default()
            };
            let mut model = scorer::train(&examples, &opts);
            let names: Vec<String> = sets.iter().map(|s| s.display().to_string()).collect();
            model.notes.push(format!(
                "trained on {} ({} candidate pairs, {related} with a gold relation), {epochs} epochs",
                names.join(", "),
                examples.len()
            ));
            if let Some(dev) = tune {
                out("threshold  precision  recall  F1 (rules and model, relations)\n")?;
                let mut best: Option<(f64, f32)> = None;
                for i in 6..=19 {
                    let t = i as f32 * 0.05;
                    let m = model.with_threshold(t);
                    let both = ModelFinder {
                        model: &m,
                        with_rules: true,
                    };
                    let f = eval::run_by(dev, g, Mechanisms::all(), &both)?;
                    let all = f.relations.get("all").copied().unwrap_or_default();
                    out(&format!(
                        "{t:9.2}  {:9.3}  {:6.3}  {:.3}\n",
                        all.precision, all.recall, all.f1
                    ))?;
                    if best.is_none_or(|(f1, _)| all.f1 > f1 + 1e-9) {
                        best = Some((all.f1, t));
                    }
                }
                if let Some((_, t)) = best {
                    model.threshold = t;
                    model.notes.push(format!(
                        "threshold chosen on {} (best relation F1)",
                        dev.display()
                    ));
                }
            }
            write_file(path, &model.to_tsv())?;
            out(&format!(
                "{} examples ({related} with a relation), {} classes, {} weights, threshold {}: wrote {}\n",
                examples.len(),
                model.classes.len(),
                model.len(),
                model.threshold,
                path.display()
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The scorer's model for `--finder model|both`: the file given, else the
/// built-in one (read only when the finder needs it).
fn load_model(args: &FinderArgs) -> Result<Option<Model>> {
    if args.finder == FinderChoice::Rules {
        return Ok(None);
    }
    Ok(Some(match &args.model {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the model", path.display()))?;
            Model::parse(&text, &path.display().to_string())?
        }
        None => Model::builtin()
            .map_err(|e| anyhow::anyhow!("the built-in model: {e}"))?
            .clone(),
    }))
}

/// The relation finder `--finder` asks for.
fn relation_finder<'m>(
    args: &FinderArgs,
    model: &'m Option<Model>,
) -> Box<dyn RelationFinder + 'm> {
    match (args.finder, model) {
        (FinderChoice::Model, Some(model)) => Box::new(ModelFinder {
            model,
            with_rules: false,
        }),
        (FinderChoice::Both, Some(model)) => Box::new(ModelFinder {
            model,
            with_rules: true,
        }),
        _ => Box::new(Rules),
    }
}

/// Prints corrections as JSON, CSV or a table, and a note for each that
/// no longer applies.
fn print_corrections(format: TableFormat, rows: &[CurationRow]) -> Result<()> {
    print_rows(format, &rows, report::curation_rows(rows))?;
    note_stale(rows);
    Ok(())
}

/// A note on stderr for each correction whose entity (or edge) is gone.
fn note_stale(rows: &[CurationRow]) {
    for r in rows.iter().filter(|r| r.status == Status::Stale) {
        eprintln!(
            "note: correction {} ({} {}) no longer applies: {}; kept, not applied (`geokg curation undo {}` drops it)",
            r.id,
            r.correction.action,
            r.correction.describe(),
            r.correction.stale_reason(),
            r.id
        );
    }
}

/// The gazetteer, built on first use.
struct LazyGazetteer<'a> {
    cli: &'a Cli,
    cell: OnceCell<Gazetteer>,
}

impl LazyGazetteer<'_> {
    fn get(&self) -> Result<&Gazetteer> {
        if let Some(g) = self.cell.get() {
            return Ok(g);
        }
        let g = gazetteer(self.cli)?;
        Ok(self.cell.get_or_init(|| g))
    }

    /// The gazetteer with its name automaton compiled: for the commands
    /// that extract (extract, ingest, eval, undo).
    fn extracting(&self) -> Result<&Gazetteer> {
        let g = self.get()?;
        g.compile()?;
        Ok(g)
    }
}

/// `Store::find_entity` for `relations`, `show`, `export` and `render` (the most
/// mentioned of several that share the name); the gazetteer is built only
/// when the database has no such name.
fn find_entity(store: &Store, gz: &LazyGazetteer, name: &str) -> Result<EntityRow> {
    Ok(store.find_entity_with(name, || gazetteer_keys(gz, name))?)
}

/// The ids of a name's gazetteer readings (none when the gazetteer cannot
/// be built: the name is then unknown, and that is the error shown).
fn gazetteer_keys(gz: &LazyGazetteer, name: &str) -> Vec<String> {
    gz.get()
        .map(|g| {
            g.lookup(name)
                .iter()
                .map(|r| g.entry(r.entity).id.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// The entity a name on the command line means; the gazetteer is built
/// only when the database knows no such name ("Kharkov" for Kharkiv).
fn resolve(store: &Store, gz: &LazyGazetteer, name: &str) -> Result<EntityRef> {
    Ok(query::resolve(store, name, || gazetteer_keys(gz, name))?)
}

/// The scope of a query: its edge types and period, the period checked.
fn scope(store: &Store, types: &[EdgeType], p: &PeriodArgs) -> Result<EdgeQuery> {
    let q = EdgeQuery {
        types: types.to_vec(),
        since: p.since.clone(),
        until: p.until(),
        min_confidence: p.min_confidence,
        ..EdgeQuery::default()
    };
    query::check_period(store, q.since.as_deref(), q.until.as_deref())?;
    Ok(q)
}

/// Prints an answer as JSON, CSV or a table.
fn print_rows(
    format: TableFormat,
    value: &impl serde::Serialize,
    rows: report::Rows,
) -> Result<()> {
    let (header, rows) = rows;
    match format {
        TableFormat::Json => out(&json(value)?),
        TableFormat::Csv => out(&report::csv(&header, &rows)),
        TableFormat::Table => out(&report::table(&header, &rows)),
    }
}

/// `export --format events`: the events of the edges the filters keep,
/// with each actor's country code (a state's own, a represented state's
/// for a person, the containing state's for a region).
fn events(store: &Store, g: &Gazetteer, kg: &KnowledgeGraph, f: &FilterArgs) -> Result<String> {
    let kept: HashSet<(String, EdgeType, String)> = kg
        .graph
        .edge_indices()
        .filter_map(|e| {
            let (s, t) = kg.graph.edge_endpoints(e)?;
            Some((
                kg.graph[s].key.clone(),
                kg.graph[e].edge,
                kg.graph[t].key.clone(),
            ))
        })
        .collect();
    let rows: Vec<_> = store
        .events(&EdgeQuery {
            types: f.types.clone(),
            since: f.since.clone(),
            until: f.until(),
            min_confidence: f.min_confidence,
            ..EdgeQuery::default()
        })?
        .into_iter()
        .filter(|r| kept.contains(&(r.source.key.clone(), r.edge, r.target.key.clone())))
        .collect();
    let state_code = |key: &str| -> Option<String> {
        let code = key.strip_prefix("state/")?;
        (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())).then(|| code.to_string())
    };
    let represented = store.represented_states()?;
    let mut countries = HashMap::new();
    for e in rows.iter().flat_map(|r| [&r.source, &r.target]) {
        if countries.contains_key(&e.key) {
            continue;
        }
        let code = match e.kind {
            Kind::State => state_code(&e.key),
            Kind::Person => represented.get(&e.key).and_then(|s| state_code(s)),
            _ => g
                .by_id(&e.key)
                .and_then(|k| g.entry(k).part_of)
                .and_then(|p| state_code(&g.entry(p).id)),
        };
        if let Some(code) = code {
            countries.insert(e.key.clone(), code);
        }
    }
    Ok(export::to_events(&rows, &countries))
}

/// An entity's current memberships: from the built-in member files alone,
/// or from the whole gazetteer when the user gave gazetteer files (which
/// may add memberships).
fn memberships(cli: &Cli, gz: &LazyGazetteer, key: &str) -> Result<Memberships> {
    if cli.gazetteer.is_empty() {
        return Ok(gazetteer::builtin_memberships(key)?);
    }
    let g = gz.get()?;
    Ok(g.by_id(key)
        .map(|k| Memberships {
            members: members(g, k),
            member_of: member_of(g, k),
        })
        .unwrap_or_default())
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

/// `export --format json` of the whole graph (no `--around`, `--top` or
/// `--diff`), written edge by edge as the store reads them, so memory does
/// not grow with the graph: the same bytes as [`export::to_json`] of
/// [`load_graph`]'s graph (`tests/export.rs`).
fn stream_json(store: &Store, f: &FilterArgs, path: Option<&Path>) -> Result<()> {
    let q = EdgeQuery {
        types: f.types.clone(),
        since: f.since.clone(),
        until: f.until(),
        min_confidence: f.min_confidence,
        ..EdgeQuery::default()
    };
    query::check_period(store, q.since.as_deref(), q.until.as_deref())?;
    let filter = Filter {
        kinds: f.kinds.clone(),
        min_count: f.min_count,
        ..Filter::default()
    };
    let mut links = 0;
    let mut write = |w: &mut dyn Write| -> Result<()> {
        let mut js = export::JsonStream::new(w)?;
        store.for_each_edge(&q, |r| -> Result<()> {
            if filter.keeps(&r) {
                js.edge(&r)?;
            }
            Ok(())
        })?;
        links = js.link_count();
        js.finish()?;
        Ok(())
    };
    match path {
        Some(p) => geokg::atomic::write_with(p, |w| write(w))
            .with_context(|| format!("cannot write {}", p.display()))?,
        None => {
            let mut w = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
            write(&mut w)?;
            w.flush()?;
        }
    }
    note_if_empty(
        links == 0,
        "the filters left no nodes; the output is an empty graph",
    );
    Ok(())
}

/// The graph `export` and `render` draw; the gazetteer is built only to
/// find `--around`'s entity. `evidence` pieces are read per edge (all
/// when none), the total still counted.
fn load_graph(
    store: &Store,
    gz: &LazyGazetteer,
    f: &FilterArgs,
    evidence: Option<usize>,
) -> Result<KnowledgeGraph> {
    let around = match f.around.as_deref() {
        Some(n) => Some(find_entity(store, gz, n)?),
        None => None,
    };
    let q = EdgeQuery {
        types: f.types.clone(),
        since: f.since.clone(),
        until: f.until(),
        min_confidence: f.min_confidence,
        evidence_limit: evidence,
        ..EdgeQuery::default()
    };
    query::check_period(store, q.since.as_deref(), q.until.as_deref())?;
    let seed = around.as_ref().map(|e| e.id);
    let filter = Filter {
        around: around.map(|e| e.key),
        depth: f.depth,
        kinds: f.kinds.clone(),
        min_count: f.min_count,
        top: f.top,
    };
    let kg = match (f.diff, &f.before, &f.after, seed) {
        (true, Some(before), Some(after), _) => {
            KnowledgeGraph::from_diff(query::diff(store, &q, before, after, true)?, &filter)
        }
        (_, _, _, Some(seed)) => KnowledgeGraph::around(store, seed, &q, &filter)?,
        _ => KnowledgeGraph::from_edges(store.edges(&q)?, &filter),
    };
    note_if_empty(
        kg.node_count() == 0,
        "the filters left no nodes; the output is an empty graph",
    );
    Ok(kg)
}
