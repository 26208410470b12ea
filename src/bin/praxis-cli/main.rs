//! `praxis-cli`: the command line for educators and employers. It only
//! reads files and prints; every rule it applies lives in the domain core.

//!
//! This file is the whole command-line interface (every subcommand and its
//! arguments, as `--help` shows them) and one call per subcommand; each
//! subcommand's work is in the file named after it, and what several need
//! is in `shared.rs`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use praxis::domain::employer;

mod check;
mod export;
mod folder;
mod list;
mod package;
mod prerender;
mod readiness;
mod rollup;
mod sample;
mod scaling;
mod send;
mod shared;
mod verify;

/// Faster than the system's for the many small strings a roll-up of
/// thousands of backups makes and frees (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        #[arg(long, help = format!("Regulator id: {}", readiness::regulator_ids()))]
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
    Send(SendArgs),
    /// Package modules for another system: `package scorm` for an LMS.
    Package {
        #[command(subcommand)]
        format: PackageFormat,
    },
    /// Write every module's page and the catalogue as static HTML into a
    /// release build (scripts/build runs it), so a learner reads a module
    /// before the app has loaded.
    Prerender {
        /// The built app: its index.html is the page each one is written into.
        #[arg(long)]
        dist: PathBuf,
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

#[derive(Args)]
struct SendArgs {
    /// The LRS's xAPI endpoint, https://…; statements go to ENDPOINT/statements.
    #[arg(long)]
    endpoint: String,
    /// The LRS username (or key).
    #[arg(long)]
    user: String,
    /// The name of the environment variable holding the password (or
    /// secret), so that it never appears on the command line.
    #[arg(long, value_name = "VAR")]
    password_env: String,
    /// Trust only this PEM certificate authority for the LRS (for an LRS
    /// with a private CA); by default the public web's roots are trusted.
    #[arg(long, value_name = "PEM")]
    ca_cert: Option<PathBuf>,
    /// Backups exported from Praxis.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum PackageFormat {
    /// A SCORM 1.2 zip (e.g. for NHS Learning Hub, Moodle, Totara):
    /// one SCO per module, reporting through Praxis's completion rule.
    Scorm(ScormArgs),
}

#[derive(Args)]
struct ScormArgs {
    /// A module id from the catalogue; repeat for a course of several modules.
    #[arg(long = "module", required = true)]
    modules: Vec<String>,
    /// A release build made for a relative path:
    /// `trunk build --release --public-url ./ --dist DIR`.
    #[arg(long)]
    dist: PathBuf,
    /// The zip to write.
    #[arg(long)]
    out: PathBuf,
    /// The course title the LMS shows (default: the module's title, or
    /// "Praxis: N modules").
    #[arg(long)]
    title: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { paths } => check::run(&paths),
        Command::List { json, paths } => list::run(json, &paths),
        Command::Readiness { regulator, renewal, role, backup } => {
            readiness::run(&regulator, &renewal, role.as_deref(), &backup)
        }
        Command::Sample { years, seed, end, count, out } => {
            sample::run(years, seed, end.as_deref(), count, out.as_deref())
        }
        Command::Verify { files } => verify::run(&files),
        Command::Prerender { dist } => prerender::run(&dist),
        Command::Export { format, establishment, backup } => export::run(format, establishment.as_deref(), &backup),
        Command::Rollup { files, csv, asc_wds, establishment, refresh_months } => {
            let asc_wds = asc_wds.as_deref().zip(establishment.as_deref());
            rollup::run(&files, csv.as_deref(), asc_wds, refresh_months)
        }
        Command::Send(args) => send::run(&args),
        Command::Package { format: PackageFormat::Scorm(args) } => package::scorm(&args),
        Command::BenchScaling { scale, json } => Ok(scaling::run(scale, json)),
    };
    result.unwrap_or_else(|message| {
        eprintln!("praxis-cli: {message}");
        ExitCode::from(2)
    })
}
