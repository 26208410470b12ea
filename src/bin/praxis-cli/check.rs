//! `praxis-cli check`: module files as the build checks them, or, given the
//! rules folder, the rules files (`check rules`). The checks are the
//! domain's (`module::Catalogue`, `rules::read`); this file reads the files
//! and prints what the checks found.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use praxis::domain::{rules, words};

use crate::shared;

/// Checks the modules under `paths`, or the rules folder if that is all it is given.
pub fn run(paths: &[PathBuf]) -> Result<ExitCode, String> {
    if let [folder] = paths {
        if folder.join("regulators").is_dir() {
            return rules_folder(folder);
        }
    }
    let (catalogue, diagnostics) = shared::load_modules(paths)?;
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
fn rules_folder(folder: &Path) -> Result<ExitCode, String> {
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
