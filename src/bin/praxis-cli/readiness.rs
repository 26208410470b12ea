//! `praxis-cli readiness`: how ready a learner's backup is for revalidation
//! with a regulator. The rules and their evaluation are the domain's
//! (`revalidation`, from `rules/`); this file prints the report.

use std::path::Path;
use std::process::ExitCode;

use praxis::domain::{cpd, curriculum, revalidation, timestamp};

use crate::shared;

/// The regulators' ids, for the help and for the message naming an unknown one.
pub fn regulator_ids() -> String {
    let ids: Vec<&str> = revalidation::regulators().iter().map(|regulator| regulator.id.as_str()).collect();
    ids.join(", ")
}

/// Prints the report; exits 0 when every rule Praxis can check is met, 1 when not.
pub fn run(regulator_id: &str, renewal: &str, role: Option<&str>, backup: &Path) -> Result<ExitCode, String> {
    let regulator = revalidation::find(regulator_id)
        .ok_or_else(|| format!("unknown regulator `{regulator_id}`: use one of {}", regulator_ids()))?;
    let renewal = timestamp::parse_date(renewal)
        .ok_or_else(|| format!("renewal date `{renewal}` is not a date: use YYYY-MM-DD"))?;
    let record = shared::read_backup_file(backup)?.record;
    let evidence = cpd::evidence(&record, curriculum::catalogue());
    let report = revalidation::evaluate(regulator, role, renewal, shared::today(), &evidence);
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
