//! `praxis-cli`: the command line for educators and employers. It only
//! reads files and prints; every rule it applies lives in the domain core.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use praxis::domain::module::{Catalogue, Diagnostic};
use praxis::domain::{backup, cpd, curriculum, revalidation};

#[derive(Parser)]
#[command(name = "praxis-cli", version, about = "Check, list and report on Praxis learning content and records")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate module files; exits non-zero if any has an error.
    Check {
        /// Module files or folders of them (default: modules).
        paths: Vec<PathBuf>,
    },
    /// How ready a learner's backup is for revalidation with a regulator;
    /// exits 0 when every rule Praxis can check is met, 1 when not.
    Readiness {
        /// Regulator id: nmc, gmc, hcpc, gdc, gphc, swe, goc, gosc, gcc, psni, niscc, sssc, scw.
        #[arg(long)]
        regulator: String,
        /// Renewal date, YYYY-MM-DD.
        #[arg(long)]
        renewal: String,
        /// Registration type, where the regulator has several (e.g. GDC dental-nurse).
        #[arg(long)]
        role: Option<String>,
        /// A backup file exported from Praxis.
        backup: PathBuf,
    },
    /// List the modules in the catalogue.
    List {
        /// Print JSON for other tools instead of a table.
        #[arg(long)]
        json: bool,
        /// Module files or folders of them (default: modules).
        paths: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { paths } => check(&paths),
        Command::List { json, paths } => list(json, &paths),
        Command::Readiness { regulator, renewal, role, backup } => {
            readiness(&regulator, &renewal, role.as_deref(), &backup)
        }
    };
    result.unwrap_or_else(|message| {
        eprintln!("praxis-cli: {message}");
        ExitCode::from(2)
    })
}

fn check(paths: &[PathBuf]) -> Result<ExitCode, String> {
    let (catalogue, diagnostics) = load(paths)?;
    for diagnostic in &diagnostics {
        eprintln!("{diagnostic}");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let modules = catalogue.modules().len();
    if errors > 0 {
        eprintln!("praxis-cli: {errors} error(s), {warnings} warning(s); {modules} module(s) valid");
        return Ok(ExitCode::FAILURE);
    }
    println!("{modules} module(s) valid, {warnings} warning(s)");
    Ok(ExitCode::SUCCESS)
}

fn list(json: bool, paths: &[PathBuf]) -> Result<ExitCode, String> {
    let (catalogue, diagnostics) = load(paths)?;
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        eprintln!("praxis-cli: {errors} module error(s) left some modules out; run `praxis-cli check` to see them");
    }
    if json {
        let text = serde_json::to_string_pretty(&catalogue.entries()).map_err(|e| e.to_string())?;
        println!("{text}");
    } else {
        for entry in catalogue.entries() {
            println!("{:<40} {:<10} {:>4} min  {}", entry.id, entry.kind.id(), entry.minutes, entry.title);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn readiness(regulator_id: &str, renewal: &str, role: Option<&str>, backup: &Path) -> Result<ExitCode, String> {
    let regulator = revalidation::find(regulator_id).ok_or_else(|| {
        let known: Vec<&str> = revalidation::regulators().iter().map(|r| r.id).collect();
        format!("unknown regulator `{regulator_id}`: use one of {}", known.join(", "))
    })?;
    let renewal =
        cpd::parse_date(renewal).ok_or_else(|| format!("renewal date `{renewal}` is not a date: use YYYY-MM-DD"))?;
    let record = read_backup_file(backup)?.record;
    let evidence = cpd::evidence(&record, curriculum::catalogue());
    let today = time::OffsetDateTime::now_utc().date();
    let report = revalidation::evaluate(regulator, role, renewal, today, &evidence);
    println!(
        "{}: cycle {} to {}, {} days left",
        regulator.name,
        report.window.start,
        report.window.end,
        report.days_left.max(0)
    );
    for progress in &report.rules {
        let mark = match (progress.rule.is_checkable(), progress.met) {
            (false, _) => "reminder",
            (true, true) => "met",
            (true, false) => "MISSING",
        };
        let unconfirmed = if progress.rule.confirmed { "" } else { " (unconfirmed)" };
        println!("  [{mark}] {}{unconfirmed}", progress.rule.description);
        if !progress.missing.is_empty() {
            println!("           {}", progress.missing);
        }
    }
    println!("Source: {}; last checked {}", regulator.source, regulator.last_checked);
    Ok(if report.is_ready() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Reads a backup file, or says which file is unusable and why.
fn read_backup_file(path: &Path) -> Result<backup::ReadBackup, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    backup::read_backup(&text).map_err(|reason| format!("{}: {reason}", path.display()))
}

/// Reads every module file under `paths` and checks them as one catalogue.
fn load(paths: &[PathBuf]) -> Result<(Catalogue, Vec<Diagnostic>), String> {
    let default = [PathBuf::from("modules")];
    let paths = if paths.is_empty() { &default[..] } else { paths };
    let mut sources = Vec::new();
    for path in paths {
        collect(path, &mut sources)?;
    }
    sources.sort();
    let today = time::OffsetDateTime::now_utc().date();
    Ok(Catalogue::from_sources(&sources, today))
}

fn collect(path: &Path, sources: &mut Vec<(String, String)>) -> Result<(), String> {
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| format!("cannot read folder {}: {e}", path.display()))?;
        for entry in entries {
            let file = entry.map_err(|e| format!("cannot read folder {}: {e}", path.display()))?.path();
            let is_module =
                file.extension().is_some_and(|e| e == "md") && file.file_name().is_some_and(|n| n != "README.md");
            if is_module {
                collect(&file, sources)?;
            }
        }
        return Ok(());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    sources.push((path.display().to_string(), text));
    Ok(())
}
