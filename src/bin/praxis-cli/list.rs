//! `praxis-cli list`: the catalogue of the module files given, as a table
//! or as JSON for other tools.

use std::path::PathBuf;
use std::process::ExitCode;

use praxis::domain::words;

use crate::shared;

pub fn run(json: bool, paths: &[PathBuf]) -> Result<ExitCode, String> {
    let (catalogue, diagnostics) = shared::load_modules(paths)?;
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
