//! `praxis-cli verify`: whether each backup or completion spreadsheet shows
//! a change since export, or is invalid, and why, as the employer's page
//! says it (`employer::check_bytes`).

use std::path::PathBuf;
use std::process::ExitCode;

use praxis::domain::employer;
use praxis::domain::staff::{self, FileCheck};

use crate::shared;

/// Prints a line per file; exits 0 only if no file shows a change.
pub fn run(files: &[PathBuf]) -> Result<ExitCode, String> {
    let mut all_intact = true;
    for path in files {
        let checked = shared::check_employer_file(path, employer::DEFAULT_REFRESH_MONTHS, &mut Vec::new());
        all_intact &= checked.check == FileCheck::Intact;
        match checked.check.reason() {
            Some(reason) => println!("{}: {}: {reason}", path.display(), checked.check.label().to_lowercase()),
            None => println!("{}: no change found: {}", path.display(), staff::NO_CHANGE_FOUND),
        }
    }
    Ok(if all_intact { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
