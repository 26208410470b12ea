//! `praxis-cli`: the command line for educators and employers. It only
//! reads files and prints; every rule it applies lives in the domain core.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use praxis::domain::backup::{self, Backup};
use praxis::domain::employer::{self, CheckedFile};
use praxis::domain::module::{Catalogue, Diagnostic};
use praxis::domain::staff::{FileCheck, StaffRecord, Status};
use praxis::domain::{cpd, curriculum, export, revalidation, rules, sample, timestamp, words};

mod package;
mod scaling;
mod send;

#[derive(Parser)]
#[command(name = "praxis-cli", version, about = "Check, list and report on Praxis learning content and records")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate module files, or the rules files (`check rules`); exits non-zero if any has an error.
    Check {
        /// Module files or folders of them (default: modules), or the rules folder (one holding regulators/).
        paths: Vec<PathBuf>,
    },
    /// How ready a learner's backup is for revalidation with a regulator;
    /// exits 0 when every rule Praxis can check is met, 1 when not.
    Readiness {
        // The help lists the ids from `revalidation::regulators()`, so it cannot drift from them.
        #[arg(long, help = regulator_help())]
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
    /// Write a synthetic learner's backup: a career of modules, CPD,
    /// reflections, self-assessments and incidents (all invented).
    Sample {
        /// Length of the career in years.
        #[arg(long, default_value_t = 5)]
        years: u32,
        /// The same seed gives the same learner.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The last day of the career, YYYY-MM-DD (default: today).
        #[arg(long)]
        end: Option<String>,
        /// Write this many learners (seeds SEED, SEED+1, …) as files into --out.
        #[arg(long, requires = "out")]
        count: Option<u32>,
        /// The folder for --count learners.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Say of each backup or completion spreadsheet whether its checksum
    /// shows a change since export, or it is invalid, and why. A checksum
    /// finds damage and accidental edits, not deliberate ones; exits 0
    /// only if no file shows a change.
    Verify {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Export a backup's evidence in another format, to stdout.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// For asc-wds: the workplace's LOCALESTID, its own reference in ASC-WDS.
        #[arg(long, required_if_eq("format", "asc-wds"))]
        establishment: Option<String>,
        /// A backup file exported from Praxis.
        backup: PathBuf,
    },
    /// Combine many learners' backups and spreadsheets (files or folders of
    /// them) into one completion matrix; each file is checked first.
    Rollup {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also write the combined completion spreadsheet here.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Also write the ASC-WDS training bulk-upload file here.
        #[arg(long, requires = "establishment")]
        asc_wds: Option<PathBuf>,
        /// The workplace's LOCALESTID, its own reference in ASC-WDS.
        #[arg(long, requires = "asc_wds")]
        establishment: Option<String>,
        /// Months a completion counts before it expires.
        #[arg(long, default_value_t = employer::DEFAULT_REFRESH_MONTHS)]
        refresh_months: u32,
    },
    /// Send each backup's xAPI statements to a learning record store, in
    /// batches; prints a line per file and exits 1 if any was not wholly sent.
    Send(send::Send),
    /// Package modules for another system: `package scorm` for an LMS.
    Package {
        #[command(subcommand)]
        format: package::Package,
    },
    /// For scripts/bench: time merge, the /author checker, the CSV reader
    /// and the roll-up's combine at n, 2n and 4n and print the growth ratios.
    #[command(hide = true)]
    BenchScaling {
        /// Multiplies every n (the defaults run in seconds in a release build).
        #[arg(long, default_value_t = 1)]
        scale: usize,
        /// Print JSON for scripts/bench instead of a table.
        #[arg(long)]
        json: bool,
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

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    /// The backup again, in this version's format with a fresh checksum.
    Backup,
    /// The completion spreadsheet (RFC 4180 CSV).
    Csv,
    /// xAPI 1.0.3 statements, as a JSON array.
    Xapi,
    /// Open Badges 3.0 credentials, as a JSON array (self-asserted, unsigned).
    Badges,
    /// Skills for Care's ASC-WDS training bulk upload (needs --establishment).
    AscWds,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { paths } => check(&paths),
        Command::List { json, paths } => list(json, &paths),
        Command::Readiness { regulator, renewal, role, backup } => {
            readiness(&regulator, &renewal, role.as_deref(), &backup)
        }
        Command::Sample { years, seed, end, count, out } => sample(years, seed, end.as_deref(), count, out.as_deref()),
        Command::Verify { files } => verify(&files),
        Command::Export { format, establishment, backup } => export(format, establishment.as_deref(), &backup),
        Command::Rollup { files, csv, asc_wds, establishment, refresh_months } => {
            let asc_wds = asc_wds.as_deref().zip(establishment.as_deref());
            rollup(&files, csv.as_deref(), asc_wds, refresh_months)
        }
        Command::Send(args) => send::run(&args),
        Command::Package { format } => package::run(format),
        Command::BenchScaling { scale, json } => Ok(bench_scaling(scale, json)),
    };
    result.unwrap_or_else(|message| {
        eprintln!("praxis-cli: {message}");
        ExitCode::from(2)
    })
}

fn check(paths: &[PathBuf]) -> Result<ExitCode, String> {
    if let [folder] = paths {
        if folder.join("regulators").is_dir() {
            return check_rules(folder);
        }
    }
    let (catalogue, diagnostics) = load(paths)?;
    for diagnostic in &diagnostics {
        eprintln!("{diagnostic}");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let modules = catalogue.modules().len();
    if errors > 0 {
        eprintln!(
            "praxis-cli: {}, {}; {} valid",
            words::count(errors, "error", "errors"),
            words::count(warnings, "warning", "warnings"),
            words::count(modules, "module", "modules")
        );
        return Ok(ExitCode::FAILURE);
    }
    println!("{} valid, {}", words::count(modules, "module", "modules"), words::count(warnings, "warning", "warnings"));
    Ok(ExitCode::SUCCESS)
}

/// Checks the rules files in `folder` as the build does, naming each file as it is on disk.
fn check_rules(folder: &Path) -> Result<ExitCode, String> {
    let read = |bundled: &str| {
        let path = folder.join(bundled.trim_start_matches("rules/"));
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Ok::<_, String>((path.display().to_string(), text))
    };
    let regulators: Vec<(String, String)> =
        rules::REGULATOR_FILES.iter().map(|(path, _)| read(path)).collect::<Result<_, _>>()?;
    let regulators: Vec<(&str, &str)> = regulators.iter().map(|(path, text)| (path.as_str(), text.as_str())).collect();
    let reflective = read(rules::REFLECTIVE_FILE.0)?;
    let framework = read(rules::FRAMEWORK_FILE.0)?;
    let listing = std::fs::read_dir(folder.join("regulators")).map_err(|e| format!("cannot list regulators/: {e}"))?;
    let names = listing.filter_map(Result::ok).map(|entry| entry.file_name().to_string_lossy().into_owned());
    let mut errors = rules::unread_regulator_files(names);
    match rules::read(&regulators, (&reflective.0, &reflective.1), (&framework.0, &framework.1)) {
        Ok(read) if errors.is_empty() => {
            let (regulators, templates) = (read.regulators.len(), read.templates.len());
            println!("{regulators} regulator file(s), {templates} reflective template(s) and the framework valid");
            return Ok(ExitCode::SUCCESS);
        }
        Ok(_) => {}
        Err(found) => errors.extend(found),
    }
    for error in &errors {
        eprintln!("{error}");
    }
    eprintln!("praxis-cli: {} error(s) in the rules files; rules/README.md explains each field", errors.len());
    Ok(ExitCode::FAILURE)
}

fn list(json: bool, paths: &[PathBuf]) -> Result<ExitCode, String> {
    let (catalogue, diagnostics) = load(paths)?;
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        eprintln!(
            "praxis-cli: {} left some modules out; run `praxis-cli check` to see them",
            words::count(errors, "module error", "module errors")
        );
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

fn regulator_help() -> String {
    let ids: Vec<&str> = revalidation::regulators().iter().map(|regulator| regulator.id.as_str()).collect();
    format!("Regulator id: {}", ids.join(", "))
}

fn readiness(regulator_id: &str, renewal: &str, role: Option<&str>, backup: &Path) -> Result<ExitCode, String> {
    let regulator = revalidation::find(regulator_id).ok_or_else(|| {
        let known: Vec<&str> = revalidation::regulators().iter().map(|r| r.id.as_str()).collect();
        format!("unknown regulator `{regulator_id}`: use one of {}", known.join(", "))
    })?;
    let renewal = timestamp::parse_date(renewal)
        .ok_or_else(|| format!("renewal date `{renewal}` is not a date: use YYYY-MM-DD"))?;
    let record = read_backup_file(backup)?.record;
    let evidence = cpd::evidence(&record, curriculum::catalogue());
    let today = time::OffsetDateTime::now_utc().date();
    let report = revalidation::evaluate(regulator, role, renewal, today, &evidence);
    println!(
        "{}: cycle {} to {}, due by {} ({} days left)",
        regulator.name,
        report.window.start,
        report.window.end,
        report.due,
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

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// Now, as exports write it: RFC 3339 UTC with milliseconds.
fn now() -> String {
    timestamp::format(time::OffsetDateTime::now_utc())
}

fn sample(
    years: u32,
    seed: u64,
    end: Option<&str>,
    count: Option<u32>,
    out: Option<&Path>,
) -> Result<ExitCode, String> {
    let end = match end {
        Some(text) => {
            timestamp::parse_date(text).ok_or_else(|| format!("end date `{text}` is not a date: use YYYY-MM-DD"))?
        }
        None => today(),
    };
    let learner = |seed: u64| sample::sample(years, seed, end, curriculum::catalogue()).to_json();
    let (Some(count), Some(out)) = (count, out) else {
        println!("{}", learner(seed));
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for seed in seed..seed + u64::from(count) {
        let path = out.join(format!("learner-{seed:05}.json"));
        std::fs::write(&path, learner(seed)).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn verify(files: &[PathBuf]) -> Result<ExitCode, String> {
    let mut all_intact = true;
    for path in files {
        let checked = check_path(path, employer::DEFAULT_REFRESH_MONTHS);
        all_intact &= checked.check == FileCheck::Intact;
        match checked.check.reason() {
            Some(reason) => println!("{}: {}: {reason}", path.display(), checked.check.label().to_lowercase()),
            None => println!("{}: no change found: {}", path.display(), praxis::domain::staff::NO_CHANGE_FOUND),
        }
    }
    Ok(if all_intact { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn export(format: ExportFormat, establishment: Option<&str>, path: &Path) -> Result<ExitCode, String> {
    let record = read_backup_file(path)?.record;
    let catalogue = curriculum::catalogue();
    let json = |items: &[serde_json::Value]| serde_json::to_string_pretty(items).expect("JSON values serialise");
    let staff = || StaffRecord::from_record(&record, &now(), catalogue, employer::DEFAULT_REFRESH_MONTHS, today());
    let text = match format {
        ExportFormat::Backup => Backup::new(record.clone(), &now()).to_json(),
        ExportFormat::Csv => export::csv::write(&[&staff()], catalogue),
        ExportFormat::Xapi => json(&export::xapi::statements(&record, catalogue, &now()).statements),
        ExportFormat::Badges => json(&export::badges::credentials(&record, catalogue)),
        ExportFormat::AscWds => asc_wds_file(establishment.unwrap_or_default(), &[&staff()])?,
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

/// The ASC-WDS training file for `staff`, or every problem ASC-WDS's own
/// checks would report: a file it would refuse is never written.
fn asc_wds_file(establishment: &str, staff: &[&StaffRecord]) -> Result<String, String> {
    let text = export::asc_wds::write(establishment, staff, curriculum::catalogue());
    let problems = export::asc_wds::validate(&text, today());
    if problems.is_empty() {
        return Ok(text);
    }
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    Err(format!("ASC-WDS would refuse this training file, so it was not written:\n{}", problems.join("\n")))
}

fn rollup(
    paths: &[PathBuf],
    csv_out: Option<&Path>,
    asc_wds: Option<(&Path, &str)>,
    refresh_months: u32,
) -> Result<ExitCode, String> {
    let mut files = Vec::new();
    for path in paths {
        collect_files(path, &mut files)?;
    }
    let progress = indicatif::ProgressBar::new(files.len() as u64).with_message("files checked");
    progress.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").expect("a valid progress template"),
    );
    // Files are independent, so each core checks its own share, in order.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = files.len().div_ceil(threads).max(1);
    let mut checked: Vec<CheckedFile> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(share)
            .map(|chunk| {
                let progress = progress.clone();
                scope.spawn(move || {
                    let check = |path: &PathBuf| {
                        let file = check_path(path, refresh_months);
                        progress.inc(1);
                        file
                    };
                    chunk.iter().map(check).collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|worker| worker.join().expect("a file check does not panic")).collect()
    });
    progress.finish_and_clear();
    let staff = employer::combine(&mut checked);
    for file in checked.iter().filter(|f| f.check != FileCheck::Intact) {
        eprintln!("{}: {}: {}", file.name, file.check.label().to_lowercase(), file.check.reason().unwrap_or_default());
    }
    let catalogue = curriculum::catalogue();
    let counted: Vec<&StaffRecord> = staff.iter().map(|(_, s)| s).collect();
    let intact = checked.iter().filter(|f| f.check == FileCheck::Intact).count();
    println!(
        "{}: {intact} with no change found; {} counted",
        words::count(checked.len(), "file", "files"),
        words::count(counted.len(), "learner", "learners")
    );
    println!("{:<45} {:>9} {:>8} {:>12} {:>12}", "Module", "Complete", "Expired", "In progress", "Not started");
    for module_id in employer::default_required(catalogue) {
        let totals = employer::totals(&counted, &module_id);
        let [complete, expired, started, missing] = Status::ALL.map(|s| totals[&s]);
        println!("{module_id:<45} {complete:>9} {expired:>8} {started:>12} {missing:>12}");
    }
    if let Some(out) = csv_out {
        std::fs::write(out, export::csv::write(&counted, catalogue))
            .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        println!("Wrote {}", out.display());
    }
    if let Some((out, establishment)) = asc_wds {
        std::fs::write(out, asc_wds_file(establishment, &counted)?)
            .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        println!("Wrote {}", out.display());
    }
    Ok(if intact == checked.len() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Checks one employer file as the app would; a file that cannot be read
/// is reported like any other invalid file.
fn check_path(path: &Path, refresh_months: u32) -> CheckedFile {
    let name = path.display().to_string();
    // The size is checked before reading, so a 100 MB file is never loaded.
    let bytes = std::fs::metadata(path)
        .map_err(|e| format!("It cannot be read: {e}."))
        .and_then(|meta| backup::check_size(meta.len()))
        .and_then(|()| std::fs::read(path).map_err(|e| format!("It cannot be read: {e}.")));
    match bytes {
        Ok(bytes) => employer::check_bytes(&name, &bytes, curriculum::catalogue(), refresh_months, today()),
        Err(reason) => CheckedFile { name, check: FileCheck::Invalid(reason), staff: Vec::new() },
    }
}

/// The `.json` and `.csv` files in `path` (a file, or a folder of them).
fn collect_files(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    if !path.is_dir() {
        files.push(path.to_owned());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("cannot read folder {}: {e}", path.display()))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|file| file.extension().is_some_and(|e| e == "json" || e == "csv"))
        .collect();
    found.sort();
    files.extend(found);
    Ok(())
}

/// Reads a backup file, or says which file is unusable and why.
fn read_backup_file(path: &Path) -> Result<backup::ReadBackup, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    backup::read_backup(&text, today()).map_err(|reason| format!("{}: {reason}", path.display()))
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

fn bench_scaling(scale: usize, json: bool) -> ExitCode {
    let results = scaling::measure(scale, today());
    if json {
        let rows: Vec<serde_json::Value> = results
            .iter()
            .map(|r| {
                serde_json::json!({
                    "what": r.what,
                    "sizes": r.sizes,
                    "ms": r.times.map(|t| t.as_secs_f64() * 1000.0),
                    "ratios": r.ratios(),
                })
            })
            .collect();
        println!("{}", serde_json::Value::from(rows));
        return ExitCode::SUCCESS;
    }
    println!("{:<44} {:>20} {:>30} {:>12}", "path", "n / 2n / 4n", "time (ms)", "ratios");
    for r in &results {
        let [a, b] = r.ratios();
        let [t1, t2, t3] = r.times.map(|t| t.as_secs_f64() * 1000.0);
        let sizes = format!("{} / {} / {}", r.sizes[0], r.sizes[1], r.sizes[2]);
        println!(
            "{:<44} {sizes:>20} {:>30} {:>12}",
            r.what,
            format!("{t1:.1} / {t2:.1} / {t3:.1}"),
            format!("{a:.2} {b:.2}")
        );
    }
    println!("A ratio near 2 means the time doubles with the input (linear); near 4, it is quadratic.");
    ExitCode::SUCCESS
}
