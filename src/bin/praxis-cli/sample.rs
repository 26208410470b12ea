//! `praxis-cli sample`: synthetic learners' backups (all invented), from
//! `domain::sample`, for demos, tests and the benchmarks.

use std::path::Path;
use std::process::ExitCode;

use praxis::domain::{curriculum, sample, timestamp};

use crate::shared;

/// Prints one learner's backup, or writes `count` of them into `out`.
pub fn run(
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
        None => shared::today(),
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
